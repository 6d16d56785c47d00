"""Moodle GIFT import: every construct of the format, checked on what the bank ends up holding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from purgebot.banks.importers import ImportFailed, ImportResult, import_text
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import ChoiceQuestion, NumericQuestion, ShortQuestion

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "purges.gift"


def gift(text: str) -> ImportResult:
    return import_text(text, "gift", bank_id="gift-test")


def only(text: str) -> dict[str, Any]:
    """The single question a small GIFT text imports to."""
    result = gift(text)
    assert len(result.bank["questions"]) == 1, result.warnings
    question: dict[str, Any] = result.bank["questions"][0]
    return question


@pytest.fixture(scope="module")
def sample() -> ImportResult:
    return gift(FIXTURE.read_text(encoding="utf-8"))


def by_prompt(result: ImportResult, start: str) -> dict[str, Any]:
    found = [q for q in result.bank["questions"] if q["prompt"].startswith(start)]
    assert len(found) == 1, start
    question: dict[str, Any] = found[0]
    return question


def test_sample_imports_twelve_and_names_every_left_out_line(sample: ImportResult) -> None:
    assert len(sample.bank["questions"]) == 12
    assert sample.skipped == 4
    assert [(w.line, w.message.split(":")[0]) for w in sample.warnings] == [
        (20, "partial-credit answers not accepted"),
        (26, "numerical question"),
        (30, "essay question not imported"),
        (32, "matching question skipped"),
        (46, "text 'This line has no answer block at all.' skipped"),
        (48, "question skipped"),
    ]
    assert str(sample.warnings[3]) == (
        "line 32: matching question skipped: purgebot has no matching type"
    )


def test_single_right_choice_with_title_general_feedback_and_category(
    sample: ImportResult,
) -> None:
    q = by_prompt(sample, "Who shot Sergei Kirov")
    assert q["type"] == "choice"
    assert q["choices"] == ["Leonid Nikolaev", "Genrikh Yagoda", "Nikolai Yezhov"]
    assert q["answer"] == "Leonid Nikolaev"
    assert "multi" not in q
    assert q["explanation"] == "Nikolaev shot Kirov on 1 December 1934."  # #### beats #
    assert q["topic"] == "the-kirov-affair"  # last part of $CATEGORY, slugified
    assert q["id"].startswith("kirov-s-killer-")  # from the ::title::


def test_positive_weights_make_a_multi_choice(sample: ImportResult) -> None:
    q = by_prompt(sample, "Which men headed the NKVD?")
    assert q["answer"] == ["Yezhov", "Beria"]
    assert q["multi"] is True
    assert q["choices"] == ["Yezhov", "Beria", "Kirov"]


def test_true_false_takes_the_right_answer_feedback(sample: ImportResult) -> None:
    q = by_prompt(sample, "Kirov was party chief")
    assert (q["type"], q["answer"], q["explanation"]) == ("true_false", True, "Yes, from 1926.")
    assert by_prompt(sample, "Kirov was killed in 1937.")["answer"] is False


def test_short_answer_accepts_every_full_credit_spelling(sample: ImportResult) -> None:
    q = by_prompt(sample, "Name the NKVD chief")
    assert (q["type"], q["answer"], q["accept"]) == ("short", "Yezhov", ["Ezhov"])


def test_numerical_tolerance_range_and_the_full_credit_answer(sample: ImportResult) -> None:
    exact = by_prompt(sample, "How many delegates")
    assert (exact["type"], exact["answer"], exact["tolerance"]) == ("numeric", 1966, 10)
    ranged = by_prompt(sample, "In which year did the Great Terror peak?")
    assert (ranged["answer"], ranged["tolerance"]) == (1937, 1)
    several = by_prompt(sample, "How many votes")
    assert (several["answer"], several["tolerance"]) == (300, 50)
    assert several["explanation"] == "Estimates vary."


def test_missing_word_puts_a_blank_where_the_braces_were(sample: ImportResult) -> None:
    q = by_prompt(sample, "The _____ absorbed")
    assert q["prompt"] == "The _____ absorbed the OGPU in 1934."
    assert q["answer"] == "NKVD"


def test_essay_is_kept_as_a_commented_draft_not_a_question(sample: ImportResult) -> None:
    assert not any(q["prompt"].startswith("Was the killing") for q in sample.bank["questions"])
    assert "# essays:" in sample.yaml_text
    assert "#     prompt: Was the killing planned by Stalin? Discuss." in sample.yaml_text
    assert "essays" not in sample.bank


def test_html_is_stripped_markdown_kept_escapes_undone(sample: ImportResult) -> None:
    html = by_prompt(sample, "Who was the chief prosecutor")
    assert html["prompt"] == "Who was the chief prosecutor at the Moscow trials?"
    assert html["topic"] == "trials"  # the second $CATEGORY applies from there on
    escaped = by_prompt(sample, "Escaped marks")
    assert escaped["prompt"] == "Escaped marks: { } = ~ # stay in the text."
    assert escaped["answer"] == "yes"
    assert by_prompt(sample, "Who was *first* tried")["answer"] == "Zinoviev"


def test_sample_round_trips_through_the_loader(sample: ImportResult) -> None:
    bank = load_bank_text(sample.yaml_text, "purges.yaml")
    assert [q.id for q in bank.questions] == [q["id"] for q in sample.bank["questions"]]
    escaped = next(q for q in bank.questions if q.prompt.startswith("Escaped"))
    assert isinstance(escaped, ShortQuestion) and escaped.answer == "yes"
    multi = next(q for q in bank.questions if q.prompt.startswith("Which men"))
    assert isinstance(multi, ChoiceQuestion) and multi.answers == frozenset({0, 1}) and multi.multi
    ranged = next(q for q in bank.questions if q.prompt.startswith("In which year"))
    assert isinstance(ranged, NumericQuestion)
    assert ranged.tolerance.allows(ranged.answer, 1936) and not ranged.tolerance.allows(
        ranged.answer, 1935
    )


@pytest.mark.parametrize(
    ("answers", "expected"),
    [("{T}", True), ("{F}", False), ("{TRUE}", True), ("{false}", False)],
)
def test_every_spelling_of_true_and_false(answers: str, expected: bool) -> None:
    q = only(f"The NKVD replaced the OGPU. {answers}")
    assert (q["type"], q["answer"]) == ("true_false", expected)


def test_title_and_answers_on_separate_lines_with_comments() -> None:
    q = only(
        "// header comment\n"
        "::Q1:: [plain]Who signed Order 00447?\n"
        "{\n"
        "  // the right one\n"
        "  =Yezhov # as NKVD chief\n"
        "  ~Kirov\n"
        "}\n"
    )
    assert q["prompt"] == "Who signed Order 00447?"
    assert q["choices"] == ["Yezhov", "Kirov"]
    assert q["explanation"] == "as NKVD chief"
    assert q["id"].startswith("q1-")


def test_newline_escape_and_html_entities_in_answers() -> None:
    q = only("[html]First line\\nsecond &amp; last? {=A &amp; B ~C}")
    assert q["prompt"] == "First line\nsecond & last?"
    assert q["choices"] == ["A & B", "C"]


def test_weights_without_equals_but_one_positive_stay_single() -> None:
    q = only("Pick one. {~%100%Right ~%0%Wrong ~Other}")
    assert q["answer"] == "Right" and "multi" not in q


def test_partial_credit_in_a_single_choice_is_reported() -> None:
    result = gift("Pick. {=Best ~%50%Half ~Wrong}")
    assert result.bank["questions"][0]["answer"] == "Best"
    assert [str(w) for w in result.warnings] == [
        "line 1: partial credit not kept: Half count as wrong"
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Broken {=a ~b", "question skipped: its '{' is never closed by '}'"),
        ("No marks {a b c}", "question skipped: each answer must start with '=' or '~'"),
        ("Two blocks {=a ~b} and {=c ~d}", "question skipped: more than one answer block"),
        ("Not a number {#ten}", "numerical question skipped: 'ten' is not a number"),
        ("Nobody right {~a ~b}", "question skipped: no choice is marked correct"),
        ("Same twice {=Yezhov ~yezhov}", "question skipped: choice 'yezhov' appears twice"),
        ("Too many {=1 ~2 ~3 ~4 ~5 ~6 ~7 ~8 ~9}", "question skipped: it has 9 choices"),
        ("Only one {~%100%a}", "question skipped: it has 1 choice "),
        ("{=a ~b}", "question skipped: its text is empty"),
    ],
)
def test_what_cannot_be_imported_is_a_warning_with_its_line(text: str, reason: str) -> None:
    result = gift(f"Fine? {{T}}\n\n// comment\n{text}\n")
    assert len(result.bank["questions"]) == 1
    assert result.skipped == 1
    assert len(result.warnings) == 1
    assert result.warnings[0].line == 4
    assert result.warnings[0].message.startswith(reason)


def test_a_prompt_over_the_limit_is_skipped_not_cut() -> None:
    result = gift("Fine? {T}\n\n" + "word " * 250 + "{T}")
    assert len(result.bank["questions"]) == 1
    assert "limit 1000" in str(result.warnings[0])


def test_a_long_explanation_is_cut_with_a_warning() -> None:
    result = gift("Fine? {T ####" + "because " * 200 + "}")
    explanation = result.bank["questions"][0]["explanation"]
    assert len(explanation) <= 1000 and explanation.endswith("…")
    assert "explanation cut" in str(result.warnings[0])


def test_nothing_importable_is_a_failure_that_carries_the_warnings() -> None:
    with pytest.raises(ImportFailed) as info:
        gift("Match. {=a -> b =c -> d}")
    assert "no question could be imported" in info.value.message
    assert [w.line for w in info.value.warnings] == [1]


def test_ids_are_stable_unique_and_valid() -> None:
    text = "Same words? {T}\n\nSame words? {F}\n\nКто убил Кирова? {=Николаев ~Ягода}\n"
    first, again = gift(text), gift(text)
    ids = [q["id"] for q in first.bank["questions"]]
    assert ids == [q["id"] for q in again.bank["questions"]]
    assert len(set(ids)) == 3
    assert ids[1] == ids[0] + "-2"
    assert ids[2].startswith("q-")  # no Latin letters to slug: the hash carries it
    load_bank_text(first.yaml_text, "ids.yaml")


def test_numbers_keep_the_teachers_decimals() -> None:
    result = gift("Pi to four places? {#3.1415:0.0005}\n\nPi between? {#3.141..3.142}\n")
    assert "answer: 3.1415\n    tolerance: 0.0005\n" in result.yaml_text
    assert result.yaml_text.count("answer: 3.1415\n    tolerance: 0.0005\n") == 2
    pi = load_bank_text(result.yaml_text).questions[0]
    assert isinstance(pi, NumericQuestion) and (pi.answer, pi.tolerance.value) == (3.1415, 0.0005)


def test_a_number_too_large_for_a_bank_is_skipped_plainly() -> None:
    result = gift("Huge? {#1e400}\n\nOk? {#12}\n")
    assert [str(w) for w in result.warnings] == [
        "line 1: numerical question skipped: '1e400' is too large"
    ]


def test_a_missing_word_before_a_full_stop_sits_against_it() -> None:
    assert only("The NKVD was led by {=Yezhov ~Beria}.")["prompt"] == "The NKVD was led by _____."
    assert only("{=Yezhov ~Beria} led the NKVD.")["prompt"] == "_____ led the NKVD."
