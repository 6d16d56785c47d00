"""How typed text is read before it is compared: folded for comparison, or read as a figure.

Split from matching.py, which decides right and wrong; both the verdict and the short-answer
rules fold text the same way through here.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from purgebot.quiz.errors import AnswerRefused

# --- folding -------------------------------------------------------------------------------------

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʹ"), None)
INVERTED_ARTICLE = re.compile(r",\s*(?:the|an?)\s*$")
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+(?=\S)")
_DIGIT_SEPARATOR = re.compile(r"(?<=\d)[.,](?=\d)")
_DOTTED_INITIALS = re.compile(r"\b(?:[^\W\d_]\.){2,}(?:[^\W\d_]\b)?")


def _join_initialisms(text: str) -> str:
    """An initialism is one word: "O.G.P.U." == "ogpu"; "L. Beria" keeps its space."""
    return _DOTTED_INITIALS.sub(lambda m: m.group().replace(".", ""), text)


def fold_letters(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return unicodedata.normalize("NFKC", text).casefold()


def normalize(text: str) -> str:
    """Fold what should never decide right or wrong: case, accents, punctuation, articles, spacing.

    Apostrophes vanish ("O'Brien" == "obrien"), as do the dots of an initialism ("O.G.P.U." ==
    "ogpu"); other punctuation becomes a space, except a dot or comma between digits, which stays
    so "1.5" and "15" remain different.
    """
    text = INVERTED_ARTICLE.sub("", fold_letters(text))  # "Great Terror, The"
    text = _join_initialisms(text.translate(_APOSTROPHES).replace("&", " and "))
    kept = {m.start() for m in _DIGIT_SEPARATOR.finditer(text)}
    chars = [c if c.isalnum() or c.isspace() or i in kept else " " for i, c in enumerate(text)]
    text = " ".join("".join(chars).split())
    while (stripped := _LEADING_ARTICLE.sub("", text)) != text:
        text = stripped
    return text


# --- numbers -------------------------------------------------------------------------------------

_HEDGE = re.compile(r"^(?:about|around|approximately|approx\.?|roughly|circa|ca\.|c\.|~|≈)\s*")
_NUMBER = re.compile(
    r"(?P<sign>[-+]?)\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:(?P<short>k|m|bn|b)|\s*(?P<word>thousand|million|billion))?"
)
SCALE = {"k": 10**3, "thousand": 10**3, "m": 10**6, "million": 10**6}
SCALE |= {"b": 10**9, "bn": 10**9, "billion": 10**9}
_AMBIGUOUS_DOT = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def parse_number(raw: str) -> float:
    """Read a typed figure: "259450", "259,450", "259 450", "72.9k", "1.2 million".

    Refuses, saying why, anything a reader could take two ways ("1,5", "1.234,5", "1.108") or that
    holds more than one figure ("about 2000 or 3000").
    """
    text = unicodedata.normalize("NFKC", raw).casefold().replace("−", "-").strip()
    text = _HEDGE.sub("", text).rstrip("?!. ").strip()
    if not text:
        raise AnswerRefused("Type a number, in digits (for example 1108).")
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise AnswerRefused(_why_not_a_number(raw.strip(), text))
    num = match["num"]
    scale = match["short"] or match["word"]
    if scale is None and _AMBIGUOUS_DOT.fullmatch(num):
        whole = num.replace(".", "")
        raise AnswerRefused(
            f"“{raw.strip()}” could mean {whole} or a number a little over {num.split('.')[0]}: "
            f"write {whole} (or {int(whole):,}) for the whole number."
        )
    try:
        value = Decimal(num.replace(",", "").replace(" ", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        raise AnswerRefused("Type a number, in digits (for example 1108).") from None
    if scale is not None:
        value *= SCALE[scale]
    return float(-value if match["sign"] == "-" else value)


def _why_not_a_number(shown: str, text: str) -> str:
    runs = _DIGIT_RUN.findall(text)
    if not runs:
        return f"“{shown}” is not a number: write it in digits (for example 1108)."
    if len(runs) > 1:
        return f"“{shown}” holds more than one number: give a single figure."
    run = runs[0]
    if "," in run and "." in run:
        return (
            f"“{shown}” mixes commas and dots, which countries read differently: use a dot for "
            "decimals and commas or spaces for thousands (1,234.5)."
        )
    if "," in run:
        return (
            f"“{shown}” is ambiguous: a comma can be a decimal point or a thousands separator. "
            "Write decimals with a dot (1.5) and thousands in groups of three (1,500)."
        )
    if run.count(".") > 1:
        return f"“{shown}” has several dots: use a dot only for decimals (1234.5)."
    return f"“{shown}” is not just a number: type the figure alone, in digits."
