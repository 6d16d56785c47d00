"""Detection against essays a teacher labelled: precision and recall over every label.

Each sample essay under tests/fixtures/essays/samples/ is labelled in labels.yaml with the key
points it really makes. Precision: of the points detected, how many the essay makes; recall: of
the points the essay makes, how many were detected. Counted over every (essay, point) pair.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from purgebot.banks.loader import load_bank_file
from purgebot.banks.model import Bank
from purgebot.banks.quotes import check_citations, load_sources
from purgebot.essays import analyse, detect

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "essays"
SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
FLOOR = 0.85

Labelled = list[tuple[str, str, set[str]]]  # (prompt id, essay name, points it makes)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank_file(FIXTURES / "bank.yaml")


def labelled_sets() -> dict[str, Labelled]:
    raw = yaml.safe_load((FIXTURES / "labels.yaml").read_text(encoding="utf-8"))
    holdout = raw.pop("holdout")

    def flatten(tree: dict[str, dict[str, list[str]]]) -> Labelled:
        return [
            (p, name, set(points)) for p, essays in tree.items() for name, points in essays.items()
        ]

    return {"tuned on": flatten(raw), "held out": flatten(holdout)}


def all_labelled() -> Labelled:
    return [item for items in labelled_sets().values() for item in items]


def essay_text(prompt_id: str, name: str) -> str:
    return (FIXTURES / "samples" / prompt_id / f"{name}.txt").read_text(encoding="utf-8")


def test_the_labelled_set_is_big_enough_and_labels_only_real_points(bank: Bank) -> None:
    labelled = all_labelled()
    assert len(labelled) >= 30
    assert len({p for p, _, _ in labelled}) >= 5
    for prompt_id, name, points in labelled:
        known = {kp.id for kp in bank.essay(prompt_id).key_points}
        assert points <= known, f"{prompt_id}/{name}: unknown points {points - known}"
    on_disk = {(f.parent.name, f.stem) for f in (FIXTURES / "samples").glob("*/*.txt")}
    assert on_disk == {(p, name) for p, name, _ in labelled}


def test_the_set_has_strong_weak_and_off_topic_essays(bank: Bank) -> None:
    labelled = all_labelled()
    sizes = {p: len(bank.essay(p).key_points) for p in {p for p, _, _ in labelled}}
    assert any(len(points) == sizes[p] for p, _, points in labelled)  # makes every point
    assert sum(1 for _, name, points in labelled if not points and "offtopic" in name) >= 5
    assert sum(1 for _, name, points in labelled if not points and "offtopic" not in name) >= 3


def test_every_key_point_cites_a_quote_found_in_its_source(bank: Bank) -> None:
    if not (SOURCES / "sources.yaml").exists():
        pytest.skip(f"the source documents are not beside the project ({SOURCES})")
    citations = [
        (f"{e.id}.{kp.id}", kp.source.doc, kp.source.quote)
        for e in bank.essays
        for kp in e.key_points
        if kp.source is not None
    ]
    assert len(citations) == sum(len(e.key_points) for e in bank.essays)
    assert check_citations(citations, load_sources(SOURCES)) == []


def score(bank: Bank, labelled: Labelled) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for prompt_id, name, expected in labelled:
        results = detect(bank.essay(prompt_id), analyse(essay_text(prompt_id, name)))
        found = {r.point.id for r in results if r.covered}
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    return tp, fp, fn


def test_precision_and_recall_over_all_labels(
    bank: Bank, capsys: pytest.CaptureFixture[str]
) -> None:
    totals = [0, 0, 0]
    with capsys.disabled():
        print()
        for name, labelled in labelled_sets().items():
            tp, fp, fn = score(bank, labelled)
            totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
            print(
                f"essay detection, {name} ({len(labelled)} essays): "
                f"precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}"
            )
        tp, fp, fn = totals
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        print(
            f"essay detection, all labels: precision {precision:.3f}, recall {recall:.3f} "
            f"({tp} right, {fp} wrongly credited, {fn} missed)"
        )
    assert precision >= FLOOR
    assert recall >= FLOOR
