"""Answer matching: what a student may type and get right, and what is wrong or refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from purgebot.banks.model import (
    ChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortQuestion,
    Tolerance,
    TrueFalseQuestion,
)
from purgebot.quiz.matching import (
    AnswerRefused,
    BoolAnswer,
    ChoicePick,
    OrderAnswer,
    TextAnswer,
    UnknownOption,
    answer_text,
    choice_by_text,
    is_correct,
    normalize,
    parse_letters,
    parse_number,
    parse_order,
)
from purgebot.quiz.view import QuestionView


def short(answer: str, *accept: str, fuzzy: bool = False) -> ShortQuestion:
    return ShortQuestion(id="s", prompt="?", answer=answer, accept=accept, fuzzy=fuzzy)


YEZHOV = short("Yezhov", "Ezhov", "Nikolai Yezhov", fuzzy=True)
TUKHACHEVSKY = short("Tukhachevsky", fuzzy=True)
TERROR = short("The Great Terror")
RYKOV = short("Rykov", fuzzy=True)
YEAR = short("1934", fuzzy=True)
STRICT = short("Tukhachevsky")
CONSTITUTION = short("Stalin's Constitution")
TWO_NAMES = short("Marx and Engels", fuzzy=True)

# (question, typed, verdict)
SHORT_TABLE = [
    (YEZHOV, "Yezhov", True),
    (YEZHOV, "  YEZHOV  ", True),
    (YEZHOV, "yézhov", True),
    (YEZHOV, "Ezhov", True),
    (YEZHOV, "Yezhov.", True),
    (YEZHOV, "nikolai yezhov", True),
    (YEZHOV, "Yezhof", True),  # one slip in six letters
    (YEZHOV, "Yagoda", False),
    (YEZHOV, "Yezh", False),
    (YEZHOV, "", False),
    (YEZHOV, "Yagoda or Yezhov", False),
    (YEZHOV, "Yezhov or Yagoda", False),
    (YEZHOV, "Yagoda, Yezhov", False),
    (YEZHOV, "Yagoda/Yezhov", False),
    (YEZHOV, "Yezhov; Beria", False),
    (YEZHOV, "Yezhov and Beria", False),
    (YEZHOV, "Yagoda Yezhov Beria", False),
    (TUKHACHEVSKY, "Tukhachevski", True),
    (TUKHACHEVSKY, "Tuchachevsky", True),
    (TUKHACHEVSKY, "Tukhachevskiy", True),
    (TUKHACHEVSKY, "Tukachevski", True),  # two slips in twelve letters
    (TUKHACHEVSKY, "Tkhchvsky", False),
    (YEZHOV, "Yezhvo", True),  # two letters swapped: one slip, not two
    (TUKHACHEVSKY, "Tukhachevksy", True),
    (TUKHACHEVSKY, "Tukhachevsky, Yakir", False),
    (STRICT, "Tukhachevski", False),  # no fuzzy: exact after folding only
    (STRICT, "TUKHACHEVSKY!", True),
    (RYKOV, "Rykov", True),
    (RYKOV, "Rakov", False),  # a different short word, not a typo
    (RYKOV, "Kirov", False),
    (TERROR, "great terror", True),
    (TERROR, "Great Terror, The", True),
    (TERROR, "the great-terror", True),
    (TERROR, "a Great Terror", True),
    (TERROR, "Great Purge", False),
    (CONSTITUTION, "Stalins constitution", True),
    (CONSTITUTION, "stalin’s constitution", True),
    (YEAR, "1934", True),
    (YEAR, "1,934", True),
    (YEAR, "1935", False),  # never fuzzy for numbers, fuzzy or not
    (YEAR, "1924", False),
    (YEAR, "1934 or 1935", False),
    (TWO_NAMES, "marx & engels", True),
    (TWO_NAMES, "Marx and Engles", True),  # a typo in a two-name answer is still a typo
    (TWO_NAMES, "Marx", False),
]


@pytest.mark.parametrize(("question", "typed", "verdict"), SHORT_TABLE)
def test_short_answers(question: ShortQuestion, typed: str, verdict: bool) -> None:
    assert is_correct(question, TextAnswer(typed)) is verdict


NUMBERS_ACCEPTED = [
    ("259450", 259450),
    ("259,450", 259450),
    ("259 450", 259450),
    ("259\u00a0450", 259450),
    ("259\u202f450", 259450),
    ("72.9k", 72900),
    ("72.9K", 72900),
    ("1.2m", 1_200_000),
    ("1.2 million", 1_200_000),
    ("3bn", 3_000_000_000),
    ("1,234.5", 1234.5),
    ("1234.5", 1234.5),
    ("0.125", 0.125),
    (".5", 0.5),
    ("-5", -5),
    ("−40", -40),
    ("about 2000", 2000),
    ("~1100", 1100),
    ("1108.", 1108),
    ("1,000,000", 1_000_000),
    ("１１０８", 1108),
]


@pytest.mark.parametrize(("typed", "value"), NUMBERS_ACCEPTED)
def test_numbers_read(typed: str, value: float) -> None:
    assert parse_number(typed) == value


NUMBERS_REFUSED = [
    ("1,5", "ambiguous"),
    ("12,3456", "ambiguous"),
    ("1.234,5", "mixes commas and dots"),
    ("1.108", "could mean 1108"),
    ("about 2000 or 3000", "more than one number"),
    ("2000-3000", "more than one number"),
    ("2000 3000", "more than one number"),
    ("two thousand", "in digits"),
    ("", "Type a number"),
    ("1.2.3", "several dots"),
    ("1108 delegates", "not just a number"),
]


@pytest.mark.parametrize(("typed", "why"), NUMBERS_REFUSED)
def test_numbers_refused_with_reason(typed: str, why: str) -> None:
    with pytest.raises(AnswerRefused, match=why):
        parse_number(typed)


DELEGATES = NumericQuestion(id="n", prompt="?", answer=1108, unit="delegates")
PERCENT = NumericQuestion(id="p", prompt="?", answer=1000, tolerance=Tolerance(10, percent=True))
ABSOLUTE = NumericQuestion(id="a", prompt="?", answer=680000, tolerance=Tolerance(5000))
METRES = NumericQuestion(id="m", prompt="?", answer=5, unit="m")

NUMERIC_TABLE = [
    (DELEGATES, "1108", True),
    (DELEGATES, "1,108", True),
    (DELEGATES, "1 108", True),
    (DELEGATES, "1.108k", True),
    (DELEGATES, "1108 delegates", True),
    (DELEGATES, "1108 delegate", True),
    (DELEGATES, "1107", False),
    (DELEGATES, "1966", False),
    (PERCENT, "1100", True),
    (PERCENT, "900", True),
    (PERCENT, "1101", False),
    (ABSOLUTE, "686,000", False),
    (ABSOLUTE, "681,692", True),
    (ABSOLUTE, "684,000", True),
    (ABSOLUTE, "680k", True),
    (METRES, "5 m", True),
    (METRES, "5m", False),  # that is five million
]


@pytest.mark.parametrize(("question", "typed", "verdict"), NUMERIC_TABLE)
def test_numeric_answers(question: NumericQuestion, typed: str, verdict: bool) -> None:
    assert is_correct(question, TextAnswer(typed)) is verdict


def test_ambiguous_numeric_answer_is_refused_not_wrong() -> None:
    with pytest.raises(AnswerRefused, match="comma"):
        is_correct(DELEGATES, TextAnswer("1,1"))


CHOICE = ChoiceQuestion(
    id="c", prompt="?", choices=("Kirov", "Kamenev", "Zinoviev"), answers=frozenset({1})
)
MULTI = ChoiceQuestion(
    id="m", prompt="?", choices=("a", "b", "c", "d"), answers=frozenset({0, 2}), multi=True
)
TF = TrueFalseQuestion(id="t", prompt="?", answer=False)
ORDER = OrderQuestion(id="o", prompt="?", items=("1934", "1936", "1937", "1938"))


def test_choice_by_original_index() -> None:
    assert is_correct(CHOICE, ChoicePick(frozenset({1})))
    assert not is_correct(CHOICE, ChoicePick(frozenset({0})))
    assert is_correct(CHOICE, TextAnswer("kamenev"))
    assert not is_correct(CHOICE, TextAnswer("KIROV"))


NKVD_POWERS = ChoiceQuestion(
    id="p",
    prompt="What did the Kirov decree of 1 December 1934 do?",
    choices=(
        "Gave the secret police the job of rooting out terrorists",
        "Sped up trials of terrorists, with no appeal",
        "Abolished the death penalty",
        "Freed the secret police from the courts",
    ),
    answers=frozenset({1}),
)


@pytest.mark.parametrize(
    ("typed", "index"),
    [
        ("Sped up trials of terrorists, with no appeal", 1),  # the whole text
        ("no appeal", 1),  # an unambiguous part, in whole words
        ("NO APPEAL!", 1),
        ("death penalty", 2),
        ("the death penalty", 2),
        ("rooting out", 0),
        ("courts", 3),
    ],
)
def test_a_part_of_one_options_text_names_it(typed: str, index: int) -> None:
    assert choice_by_text(NKVD_POWERS.choices, typed) == index
    assert is_correct(NKVD_POWERS, TextAnswer(typed)) is (index == 1)


@pytest.mark.parametrize(
    "typed",
    [
        "appea",  # not a whole word
        "out of",  # not in any option
        "the",  # too short to name anything
        "up",
        "",
    ],
)
def test_a_part_that_names_no_option_is_not_an_option(typed: str) -> None:
    assert choice_by_text(NKVD_POWERS.choices, typed) is None
    with pytest.raises(UnknownOption, match="not one of the options"):
        is_correct(NKVD_POWERS, TextAnswer(typed))


def test_a_part_in_several_options_is_refused_with_the_reason() -> None:
    with pytest.raises(AnswerRefused, match="“secret police” is part of 2 options: type more"):
        is_correct(NKVD_POWERS, TextAnswer("secret police"))
    with pytest.raises(AnswerRefused, match="part of 2 options"):
        choice_by_text(NKVD_POWERS.choices, "terrorists")


def test_the_shown_question_reads_a_part_of_an_options_text() -> None:
    """The Discord typed answer and `purgebot play` both go through the view."""
    order = (3, 2, 1, 0)
    view = QuestionView(1, 1, NKVD_POWERS, NKVD_POWERS.choices[::-1], order, 20, 0, 20)
    assert view.read("no appeal") == ChoicePick(frozenset({1}))
    assert view.read("B") == ChoicePick(frozenset({2}))  # letters are still positions shown
    with pytest.raises(AnswerRefused, match="part of 2 options"):
        view.read("secret police")


def test_multi_needs_exactly_the_right_set() -> None:
    assert is_correct(MULTI, ChoicePick(frozenset({0, 2})))
    assert not is_correct(MULTI, ChoicePick(frozenset({0})))
    assert not is_correct(MULTI, ChoicePick(frozenset({0, 1, 2})))
    assert not is_correct(MULTI, ChoicePick(frozenset({0, 1, 2, 3})))


@pytest.mark.parametrize(
    ("question", "answer", "error", "why"),
    [
        (CHOICE, ChoicePick(frozenset({3})), UnknownOption, "not one of"),
        (CHOICE, ChoicePick(frozenset({-1})), UnknownOption, "not one of"),
        (CHOICE, ChoicePick(frozenset()), AnswerRefused, "Pick an option"),
        (CHOICE, ChoicePick(frozenset({0, 1})), AnswerRefused, "one option only"),
        (CHOICE, TextAnswer("Bukharin"), UnknownOption, "not one of the options"),
        (CHOICE, BoolAnswer(True), AnswerRefused, "pick one of the options"),
        (TF, TextAnswer("maybe"), AnswerRefused, "T \\(true\\) or F"),
        (TF, ChoicePick(frozenset({0})), AnswerRefused, "true or false"),
        (ORDER, OrderAnswer((0, 1, 2)), AnswerRefused, "all 4 items"),
        (ORDER, OrderAnswer((0, 0, 1, 2)), AnswerRefused, "each once"),
        (ORDER, OrderAnswer((0, 1, 2, 4)), UnknownOption, "not one of"),
        (ORDER, TextAnswer("A B C D"), AnswerRefused, "put the items in order"),
        (YEZHOV, ChoicePick(frozenset({0})), AnswerRefused, "type your answer"),
        (DELEGATES, BoolAnswer(False), AnswerRefused, "type a number"),
    ],
)
def test_unusable_answers_are_refused(
    question: ChoiceQuestion, answer: ChoicePick, error: type[Exception], why: str
) -> None:
    with pytest.raises(error, match=why):
        is_correct(question, answer)


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [("F", True), ("false", True), ("No", True), ("t", False), ("TRUE", False), ("yes", False)],
)
def test_true_false_typed(typed: str, verdict: bool) -> None:
    assert is_correct(TF, TextAnswer(typed)) is verdict
    assert is_correct(TF, BoolAnswer(False))
    assert not is_correct(TF, BoolAnswer(True))


def test_order_correct_only_in_bank_order() -> None:
    assert is_correct(ORDER, OrderAnswer((0, 1, 2, 3)))
    assert not is_correct(ORDER, OrderAnswer((1, 0, 2, 3)))


@pytest.mark.parametrize(
    ("typed", "positions"),
    [
        ("B A C D", (1, 0, 2, 3)),
        ("BACD", (1, 0, 2, 3)),
        ("b, a, c, d", (1, 0, 2, 3)),
        ("B → A → C → D", (1, 0, 2, 3)),
        ("2,1,3,4", (1, 0, 2, 3)),
        ("2 1 3 4", (1, 0, 2, 3)),
        ("2134", (1, 0, 2, 3)),
        ("dcba", (3, 2, 1, 0)),
    ],
)
def test_parse_order_reads_displayed_positions(typed: str, positions: tuple[int, ...]) -> None:
    assert parse_order(typed, 4) == positions


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("BAC", "all 4 items"),
        ("AABC", "each once"),
        ("BACE", "no option E"),
        ("2,1,3,5", "no item 5"),
        ("A1B2", "letters in order"),
        ("", "letters in order"),
        ("Kirov first", "letters in order"),
    ],
)
def test_parse_order_refuses(typed: str, why: str) -> None:
    with pytest.raises(AnswerRefused, match=why):
        parse_order(typed, 4)


def test_parse_letters() -> None:
    assert parse_letters("c", 3) == frozenset({2})
    assert parse_letters("A C", 4, multi=True) == frozenset({0, 2})
    assert parse_letters("ac", 4, multi=True) == frozenset({0, 2})
    assert parse_letters("Kirov", 3) is None
    with pytest.raises(UnknownOption, match="no option D: choose from A to C"):
        parse_letters("D", 3)
    with pytest.raises(AnswerRefused, match="one option only"):
        parse_letters("AB", 3)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("  The   Great Terror ", "great terror"),
        ("Great Terror, The", "great terror"),
        ("An NKVD order", "nkvd order"),
        ("a", "a"),  # an article alone stays
        ("Béria", "beria"),
        ("ＫＩＲＯＶ", "kirov"),
        ("Straße", "strasse"),
        ("O'Brien", "obrien"),
        ("Yezhov-Yagoda", "yezhov yagoda"),
        ("1.5", "1.5"),
        ("1,108", "1,108"),
        ("end.", "end"),
    ],
)
def test_normalize(text: str, folded: str) -> None:
    assert normalize(text) == folded


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ", min_size=1)
)
def test_normalize_ignores_case_and_spacing(words: str) -> None:
    assert normalize(f"  {words.upper()}  ") == normalize(words.lower().replace(" ", "   "))


@given(st.text())
def test_normalize_leaves_single_spaced_words(text: str) -> None:
    folded = normalize(text)
    assert folded == folded.strip()
    assert "  " not in folded
    assert not any(c in folded for c in "!?\"'’;:()[]/")


def test_answer_text_keeps_words_for_the_report() -> None:
    assert answer_text(MULTI, ChoicePick(frozenset({2, 0}))) == "a; c"
    assert answer_text(ORDER, OrderAnswer((1, 0, 2, 3))) == "1936 → 1934 → 1937 → 1938"
    assert answer_text(TF, BoolAnswer(True)) == "True"
    assert answer_text(YEZHOV, TextAnswer("Ezhov?")) == "Ezhov?"
