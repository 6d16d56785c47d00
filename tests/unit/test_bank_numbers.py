"""Numbers a teacher types: whatever the figure, the loader answers with located problems only."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.loader import BankError, load_bank_text
from purgebot.banks.model import NumericQuestion
from purgebot.cli import main

HEAD = "bank: test-bank\ntitle: Test\nquestions:\n"
BIG = "9" * 4301
LONG = "9" * 400
SHOWN = "9" * 39 + "…"


def problems(text: str) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank_text(text, "t.yaml")
    return [str(p) for p in info.value.problems]


def question(fields: str) -> str:
    return HEAD + "  - {id: a, " + fields + "}\n"


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("²", "answer '²' is not one of the choices"),
        ("①", "answer '①' is not one of the choices"),
        ("١", "answer '١' is not one of the choices"),
        (BIG, f"answer index {SHOWN} is out of range: choices are numbered 0 to 1"),
    ],
)
def test_a_choice_answer_that_looks_like_a_figure_is_a_located_problem(
    answer: str, message: str
) -> None:
    text = question(f"type: choice, prompt: p, choices: [x, y], answer: {answer}")
    col = text.splitlines()[3].index(answer) + 1
    assert problems(text) == [f"t.yaml:4:{col}: questions[0].answer: {message}"]


def test_huge_whole_numbers_are_located_problems_with_their_reason() -> None:
    tf = "type: true_false, prompt: p, answer: no"
    assert problems(f"version: {LONG}\n" + question(tf)) == [
        f"t.yaml:1:10: version: {SHOWN} is too large a number"
    ]
    text = question(f"{tf}, seconds: {LONG}")
    assert problems(text) == [
        f"t.yaml:4:{text.index(LONG) - len(HEAD) + 1}: questions[0].seconds: "
        f"must be 5 to 300, found {SHOWN}"
    ]
    essay = (
        question(tf)
        + "essays:\n  - id: e\n    prompt: p\n    min_words: "
        + LONG
        + "\n    max_words: "
        + BIG
        + "\n    key_points: [{id: k, point: p, phrases: [x]}]\n"
    )
    assert problems(essay) == [
        f"t.yaml:8:16: essays[0].min_words: must be 1 to 10000, found {SHOWN}",
        f"t.yaml:9:16: essays[0].max_words: must be 1 to 10000, found {SHOWN}",
    ]


def test_a_huge_tolerance_or_answer_is_called_too_large_not_negative() -> None:
    text = question(f"type: numeric, prompt: p, answer: 1, tolerance: {LONG}")
    col = text.splitlines()[3].index(LONG) + 1
    assert problems(text) == [
        f"t.yaml:4:{col}: questions[0].tolerance: {SHOWN} is too large a number"
    ]
    text = question(f"type: numeric, prompt: p, answer: {BIG}")
    col = text.splitlines()[3].index(BIG) + 1
    assert problems(text) == [f"t.yaml:4:{col}: questions[0].answer: {SHOWN} is too large a number"]
    text = question("type: numeric, prompt: p, answer: 1, tolerance: -1")
    assert problems(text)[0].endswith("questions[0].tolerance: must be at least 0, found '-1'")


@pytest.mark.parametrize("figure", ["²", "١٢", "nan", "infinity", "1e5x"])
def test_only_ascii_figures_are_numbers(figure: str) -> None:
    text = question(f"type: numeric, prompt: p, answer: '{figure}'")
    assert problems(text)[0].endswith(f"questions[0].answer: expected a number, found '{figure}'")


def test_ordinary_figures_still_read() -> None:
    text = question('type: numeric, prompt: p, answer: "1,108", tolerance: 1_0, seconds: 030')
    (q,) = load_bank_text(text).questions
    assert isinstance(q, NumericQuestion)
    assert (q.answer, q.tolerance.value, q.seconds) == (1108, 10, 30)


def test_validate_reports_every_file_and_never_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "a.yaml"
    bad.write_text(question("type: choice, prompt: p, choices: [x, y], answer: ²"), "utf-8")
    huge = tmp_path / "b.yaml"
    huge.write_text(f"version: {LONG}\n" + question("type: true_false, prompt: p, answer: no"))
    good = tmp_path / "c.yaml"
    good.write_text(question("type: true_false, prompt: p, answer: no").replace("test-bank", "c1"))
    assert main(["validate", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{bad}:4:63: questions[0].answer: answer '²' is not one of the choices",
        f"{huge}:1:10: version: {SHOWN} is too large a number",
    ]
    assert err == "3 files checked, 2 with problems\n"
