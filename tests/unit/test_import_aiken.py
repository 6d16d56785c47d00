"""Moodle Aiken import: lettered options, `ANSWER:` lines, and what happens when one is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.importers import ImportFailed, ImportResult, import_text
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import ChoiceQuestion

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "trials.txt"


def aiken(text: str) -> ImportResult:
    return import_text(text, "aiken", bank_id="aiken-test")


@pytest.fixture(scope="module")
def sample() -> ImportResult:
    return aiken(FIXTURE.read_text(encoding="utf-8"))


def test_sample_questions_with_dot_and_parenthesis_options(sample: ImportResult) -> None:
    questions = sample.bank["questions"]
    assert [q["prompt"] for q in questions] == [
        "Who was the chief prosecutor at the Moscow show trials?",
        "Which trial came first?",
        "Which of these defendants was shot in 1936?",
        "The Moscow trials were held in public.",  # a wrapped question reads as one line
    ]
    first = questions[0]
    assert first["choices"] == [
        "Andrei Vyshinsky",
        "Nikolai Krylenko",
        "Genrikh Yagoda",
        "Lavrentiy Beria",
    ]
    assert first["answer"] == "Andrei Vyshinsky"
    assert questions[1]["answer"] == "The Trial of the Sixteen"


def test_several_letters_make_a_multi_choice(sample: ImportResult) -> None:
    q = sample.bank["questions"][2]
    assert (q["answer"], q["multi"]) == (["Zinoviev", "Kamenev"], True)


def test_bad_or_missing_answer_lines_are_reported_where_the_question_starts(
    sample: ImportResult,
) -> None:
    assert [str(w) for w in sample.warnings] == [
        "line 14: question skipped: 'ANSWER: E' names no option (options are A, B)",
        "line 25: question skipped: no 'ANSWER:' line after its options",
    ]
    assert sample.skipped == 2


def test_true_false_words_stay_text_through_the_loader(sample: ImportResult) -> None:
    bank = load_bank_text(sample.yaml_text, "trials.yaml")
    last = bank.questions[-1]
    assert isinstance(last, ChoiceQuestion)
    assert last.choices == ("True", "False") and last.answers == frozenset({0})


def test_lowercase_answer_and_blank_lines_between_options() -> None:
    result = aiken("Who followed Yagoda?\n\nA. Yezhov\n\nB. Beria\nanswer: a\n")
    assert result.bank["questions"][0]["answer"] == "Yezhov"
    assert result.warnings == []


def test_stray_lines_are_warnings_not_silence() -> None:
    result = aiken(
        "ANSWER: B\n"
        "Who followed Yagoda?\nA. Yezhov\nB. Beria\nANSWER: A\n"
        "A question with no options\nANSWER: A\n"
        "Options with a repeated letter\nA. one\nA. two\nANSWER: A\n"
    )
    assert len(result.bank["questions"]) == 1
    assert [str(w) for w in result.warnings] == [
        "line 1: 'ANSWER:' line with no question before it ignored",
        "line 6: question skipped: it has no lettered options (A. or A))",
        "line 8: question skipped: two options share a letter",
    ]


def test_an_unfinished_last_question_is_reported() -> None:
    with pytest.raises(ImportFailed) as info:
        aiken("Only a question line")
    assert info.value.warnings[0].message.endswith("it has no lettered options (A. or A))")
