"""The labelled evaluation set's dev half (tests/fixtures/essays/eval/dev/) against floors, so a
change that makes the feedback worse fails here. The test half stays untouched: its figures are
measured once, by `python bench/eval_essays.py test`, and reported, never tuned on."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def eval_essays() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_essays", ROOT / "bench" / "eval_essays.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_essays"] = module
    spec.loader.exec_module(module)
    return module


def test_the_dev_half_meets_the_floors(eval_essays: ModuleType) -> None:
    report = eval_essays.evaluate("dev")
    f = report.figures()
    print(f)
    assert f["essays"] >= 36
    assert f["precision"] >= 0.92 and f["recall"] >= 0.85
    assert f["paraphrase_recall"] >= 0.7
    assert f["dismissed_credited"] <= 1
    assert f["offtopic_flagged"] == f["offtopic"] and f["false_offtopic_flags"] <= 1
    assert f["errors_flagged"] >= 0.75 * f["errors"]
    assert f["false_error_flags_on_sound_essays"] <= 1
    assert f["wrapped_differs"] == 0


def test_the_labels_name_only_real_prompts_and_points(eval_essays: ModuleType) -> None:
    from purgebot.banks.loader import load_bank_dir

    points = {
        f"{b.id}/{e.id}": {kp.id for kp in e.key_points}
        for b in load_bank_dir(ROOT / "questions")
        for e in b.essays
    }
    items = eval_essays.load("dev")
    assert {item["kind"] for _, item in items} == set(eval_essays.KINDS)
    for name, item in items:
        assert set(item["points"]) | set(item["dismissed"]) <= points[item["prompt"]], name


def test_the_other_authors_sets_are_read_beside_eval(eval_essays: ModuleType) -> None:
    """`python bench/eval_essays.py eval2` (and eval3, once written) reads the directory beside
    eval/, and eval2, now a development set, keeps the floors reached on it."""
    assert eval_essays.split_dir("eval3") == ROOT / "tests" / "fixtures" / "essays" / "eval3"
    report = eval_essays.evaluate("eval2")
    assert report.essays == 48
    assert report.overall.precision >= 0.90
    assert len(report.dismissed_credited) <= 3


def test_the_fourth_sets_halves_are_named_by_their_directories(eval_essays: ModuleType) -> None:
    """`python bench/eval_essays.py eval4/dev` (and eval4/test, run once by the lead) reads the
    half of the fourth set in its own directory; a missing set is a clear error, not zero essays."""
    essays = ROOT / "tests" / "fixtures" / "essays"
    assert eval_essays.split_dir("eval4/dev") == essays / "eval4" / "dev"
    assert eval_essays.split_dir("eval4/test") == essays / "eval4" / "test"
    assert {"eval4/dev", "eval4/test"} <= set(eval_essays.SETS)
    with pytest.raises(SystemExit, match="no essay set"):
        eval_essays.load("eval4/none")


def test_the_harness_keeps_list_items_when_it_unwraps_and_rewraps(
    eval_essays: ModuleType,
) -> None:
    """A bullet list is not joined into one run-on line before it is wrapped again (eval3's
    bullet-list essay counted as a wrapping difference only because of that)."""
    text = "Why?\n\n- he was\n  paranoid\n- he feared\n  the army\n\nSo he\npurged them."
    assert eval_essays.unwrap(text) == (
        "Why?\n\n- he was paranoid\n- he feared the army\n\nSo he purged them."
    )
    assert eval_essays.unwrap(eval_essays.rewrap(text, 12)) == eval_essays.unwrap(text)


def test_the_fourth_sets_dev_half_keeps_the_issues_targets(eval_essays: ModuleType) -> None:
    """eval4/dev, tuned on in round 4, keeps every figure issue 15 asks for (the test half is
    the lead's to run)."""
    f = eval_essays.evaluate("eval4/dev").figures()
    assert f["essays"] == 36
    assert f["precision"] >= 0.9 and f["recall"] >= 0.8 and f["paraphrase_recall"] >= 0.6
    assert f["dismissed_credited"] <= 1
    assert f["offtopic_flagged"] == f["offtopic"] and f["false_offtopic_flags"] <= 1
    assert f["errors_flagged"] * 2 >= f["errors"] and f["false_error_flags_on_sound_essays"] <= 2
    assert f["wrapped_differs"] == 0
