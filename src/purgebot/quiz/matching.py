"""Answer matching: is what a student gave the right answer, and is it even an answer?

Two outcomes are kept apart on purpose. A *wrong* answer is locked and scores nothing; a *refused*
answer (`AnswerRefused`: an ambiguous number, an option the question does not have) locks nothing,
so the student can fix it while time allows instead of losing the point to a typing convention.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeAlias

from rapidfuzz.distance import OSA

from purgebot.banks.model import (
    AnyQuestion,
    ChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from purgebot.quiz.errors import AnswerRefused, UnknownOption
from purgebot.quiz.folding import INVERTED_ARTICLE, SCALE, fold_letters, normalize, parse_number

__all__ = [
    "LETTERS",
    "Answer",
    "AnswerRefused",
    "BoolAnswer",
    "ChoicePick",
    "OrderAnswer",
    "TextAnswer",
    "UnknownOption",
    "answer_text",
    "choice_by_text",
    "fuzzy_allowance",
    "is_correct",
    "normalize",
    "numeric_value",
    "parse_bool",
    "parse_letters",
    "parse_number",
    "parse_order",
]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class ChoicePick:
    """Options picked, as indexes into the question's original `choices` (not the display)."""

    indices: frozenset[int]


@dataclass(frozen=True, slots=True)
class TextAnswer:
    """Typed text, kept raw: folding happens at comparison so the teacher sees what was typed."""

    raw: str


@dataclass(frozen=True, slots=True)
class OrderAnswer:
    """A full ordering, as indexes into the question's original `items` (in correct order)."""

    sequence: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BoolAnswer:
    value: bool


Answer: TypeAlias = ChoicePick | TextAnswer | OrderAnswer | BoolAnswer

# --- typed choices, letters and orderings -------------------------------------------------------

_TRUE = frozenset({"t", "true", "yes", "y"})
_FALSE = frozenset({"f", "false", "no", "n"})


def parse_bool(raw: str) -> bool:
    """T/F/true/false (and yes/no), any case."""
    text = normalize(raw)
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise AnswerRefused("Answer T (true) or F (false).")


def _letter_tokens(raw: str) -> list[str] | None:
    """Letters typed as "AC", "A C", "a, c" or "B → A"; None when the text is not all letters."""
    text = unicodedata.normalize("NFKC", raw).upper()
    tokens = re.findall(r"[A-Z]+|\d+|[^\W\d_]+", text)
    if not tokens or not all(re.fullmatch(r"[A-Z]+", t) for t in tokens):
        return None
    if len(tokens) == 1:
        return list(tokens[0])
    if all(len(t) == 1 for t in tokens):
        return tokens
    return None


def _position(letter: str, n: int) -> int:
    pos = LETTERS.index(letter)
    if pos >= n:
        raise UnknownOption(f"There is no option {letter}: choose from A to {LETTERS[n - 1]}.")
    return pos


def parse_letters(raw: str, n: int, *, multi: bool = False) -> frozenset[int] | None:
    """Letters typed for a choice question, as DISPLAYED positions; None if the text is not letters.

    A letter past the last option is refused (`UnknownOption`); so is a second letter when only one
    may be picked, rather than silently keeping one of them.
    """
    tokens = _letter_tokens(raw)
    if tokens is None:
        return None
    if len(tokens) > 1 and any(LETTERS.index(t) >= n for t in tokens) and " " not in raw.strip():
        return None  # a word such as "Kirov", not a run of option letters
    picked = frozenset(_position(t, n) for t in tokens)
    if not multi and len(picked) > 1:
        raise AnswerRefused("Pick one option only.")
    return picked


def parse_order(raw: str, n: int) -> tuple[int, ...]:
    """An ordering typed as "B A C D", "BACD", "b, a, c, d" or "2 1 3 4": DISPLAYED positions."""
    text = unicodedata.normalize("NFKC", raw).upper()
    example = " ".join(LETTERS[:n])
    tokens = re.findall(r"[A-Z]+|\d+", text)
    positions: list[int]
    if tokens and all(t.isdigit() for t in tokens):
        digits = list(tokens[0]) if len(tokens) == 1 and len(tokens[0]) == n else tokens
        positions = []
        for d in digits:
            if not 1 <= int(d) <= n:
                raise UnknownOption(f"There is no item {int(d)}: number them 1 to {n}.")
            positions.append(int(d) - 1)
    else:
        letters = _letter_tokens(raw)
        if letters is None:
            raise AnswerRefused(f"Type the letters in order, e.g. {example}.")
        positions = [_position(t, n) for t in letters]
    if len(positions) != n or len(set(positions)) != n:
        raise AnswerRefused(f"Put all {n} items in order, each once, e.g. {example}.")
    return tuple(positions)


MIN_PART = 4  # letters or digits in a part of an option's text: "Kirov", "1937", "NKVD"


def choice_by_text(choices: Sequence[str], raw: str) -> int | None:
    """The option (original index) named by its whole text or by a part no other option holds (whole
    words, `MIN_PART` letters or more); None if none. A part in several options is refused."""
    wanted = normalize(raw)
    if not wanted:
        return None
    folded = [normalize(choice) for choice in choices]
    if wanted in folded:
        return folded.index(wanted)
    if len(wanted.replace(" ", "")) < MIN_PART:
        return None
    holding = [i for i, text in enumerate(folded) if f" {wanted} " in f" {text} "]
    if len(holding) > 1:
        raise AnswerRefused(
            f"“{raw.strip()}” is part of {len(holding)} options: type more of the one you mean, "
            "or its letter."
        )
    return holding[0] if holding else None


# --- short answers -------------------------------------------------------------------------------

_CANDIDATE_SPLIT = re.compile(r"(?<!\d),|,(?!\d)|[/;|&+]|\bor\b|\band\b")


def _candidates(raw: str) -> int:
    """How many separate guesses a text lists ("Yagoda or Yezhov" -> 2)."""
    text = INVERTED_ARTICLE.sub("", fold_letters(raw))
    return sum(1 for part in _CANDIDATE_SPLIT.split(text) if normalize(part))


def fuzzy_allowance(length: int) -> int:
    """Typos forgiven at this folded length: none up to 5 letters, then one per 6, at most 3."""
    return min(3, length // 6)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _same_number(a: str, b: str) -> bool:
    try:
        return parse_number(a) == parse_number(b)
    except AnswerRefused:
        return False


def _short_correct(question: ShortQuestion, raw: str) -> bool:
    guess = normalize(raw)
    if not guess:
        return False
    forms = (question.answer, *question.accept)
    if any(guess == normalize(form) for form in forms):
        return True
    count = _candidates(raw)
    for form in forms:
        if _candidates(form) != count:
            continue  # a list of guesses is never a variant of a single answer
        target = normalize(form)
        if _has_digit(target) or _has_digit(guess):
            if _same_number(raw, form):
                return True
            continue  # numbers and years are never fuzzy
        allowed = fuzzy_allowance(len(target)) if question.fuzzy else 0
        if allowed and OSA.distance(guess, target, score_cutoff=allowed) <= allowed:
            return True
    return False


# --- numeric answers -----------------------------------------------------------------------------


def _strip_unit(text: str, unit: str | None) -> str:
    if not unit:
        return text
    folded = unit.strip().casefold()
    # one letter that is also a scale ("5 m" metres vs "5m" million) must stand apart
    space = r"\s+" if folded in SCALE else r"\s*"
    plural = "" if not folded[-1:].isalpha() else "s?"
    pattern = rf"{space}{re.escape(folded.removesuffix('s'))}{plural}$"
    return re.sub(pattern, "", text.strip(), flags=re.IGNORECASE)


def numeric_value(question: NumericQuestion, raw: str) -> float:
    """The figure typed for a numeric question, its unit ("1108 delegates") allowed."""
    return parse_number(_strip_unit(raw, question.unit))


# --- the verdict ---------------------------------------------------------------------------------


def _wrong_kind(question: AnyQuestion) -> AnswerRefused:
    needed = {
        "choice": "pick one of the options",
        "true_false": "answer true or false",
        "short": "type your answer",
        "numeric": "type a number",
        "order": "put the items in order",
    }[question.type]
    return AnswerRefused(f"This question needs you to {needed}.")


def _check_pick(question: ChoiceQuestion, indices: frozenset[int]) -> None:
    if not indices:
        raise AnswerRefused("Pick an option.")
    n = len(question.choices)
    if any(not 0 <= i < n for i in indices):
        raise UnknownOption("That option is not one of this question's choices.")
    if not question.multi and len(indices) > 1:
        raise AnswerRefused("Pick one option only.")


def _check_order(question: OrderQuestion, sequence: tuple[int, ...]) -> None:
    n = len(question.items)
    if any(not 0 <= i < n for i in sequence):
        raise UnknownOption("That item is not one of this question's items.")
    if len(sequence) != n or len(set(sequence)) != n:
        raise AnswerRefused(f"Put all {n} items in order, each once.")


def is_correct(question: AnyQuestion, answer: Answer) -> bool:
    """The verdict; `AnswerRefused` (nothing locked) when the answer is not a usable answer."""
    match question, answer:
        case ChoiceQuestion(), ChoicePick(indices):
            _check_pick(question, indices)
            return indices == question.answers
        case ChoiceQuestion(), TextAnswer(raw):
            picked = choice_by_text(question.choices, raw)
            if picked is None:
                raise UnknownOption("That is not one of the options.")
            return frozenset({picked}) == question.answers
        case TrueFalseQuestion(), BoolAnswer(value):
            return value == question.answer
        case TrueFalseQuestion(), TextAnswer(raw):
            return parse_bool(raw) == question.answer
        case ShortQuestion(), TextAnswer(raw):
            return _short_correct(question, raw)
        case NumericQuestion(), TextAnswer(raw):
            return question.tolerance.allows(question.answer, numeric_value(question, raw))
        case OrderQuestion(), OrderAnswer(sequence):
            _check_order(question, sequence)
            return sequence == tuple(range(len(question.items)))
    raise _wrong_kind(question)


def answer_text(question: AnyQuestion, answer: Answer) -> str:
    """What the student gave, in words, for the teacher's report (option text, not indexes)."""
    match question, answer:
        case ChoiceQuestion(), ChoicePick(indices):
            n = len(question.choices)
            return "; ".join(question.choices[i] for i in sorted(indices) if 0 <= i < n)
        case OrderQuestion(), OrderAnswer(sequence):
            n = len(question.items)
            return " → ".join(question.items[i] for i in sequence if 0 <= i < n)
        case _, BoolAnswer(value):
            return "True" if value else "False"
        case _, TextAnswer(raw):
            return raw
    return ""
