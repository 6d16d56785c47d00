"""The learned stance model's weights come from the committed data, never from a hand: training
again (`python bench/stance_train.py`) on the labelled sets and bench/stance_extra.yaml writes
exactly the committed src/purgebot/essays/stance_weights.json. When a change to the detector,
the stance rules or a prompt's phrases changes the mentions, retrain and commit the file (and
measure with `python bench/stance_loao.py`)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_retraining_reproduces_the_committed_weights() -> None:
    _bench("stance_data")
    train = _bench("stance_train")
    _, mentions = sys.modules["stance_data"].extract()
    assert sum(m.label == 1 for m in mentions) >= 250  # the dismissed mentions it learns from
    committed = train.WEIGHTS.read_text(encoding="utf-8")
    assert train.model_json(mentions) == committed, "retrain: python bench/stance_train.py"


def test_no_held_out_set_is_read() -> None:
    """eval8/ is the lead's held-out set: the training never reads it (eval7/ is a fold since round 8)."""
    data = _bench("stance_data")
    splits = {split for fold in data.FOLDS.values() for split in fold}
    assert not any(s.startswith("eval8") for s in splits)
