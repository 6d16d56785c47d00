"""The specific evidence an essay uses: dates, figures, people and orders.

Examiners reward precise support, so the feedback lists what the student cited. Each kind is
found by a small pattern; a number already claimed by a date or an order is not also a figure,
and each item is listed once (with how often it appears), in the order it first appears.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Levenshtein

from purgebot.banks.model import EssayPrompt
from purgebot.essays.text import EssayText, analyse, fold, stem, words

EvidenceKind = Literal["date", "figure", "person", "order"]
KINDS: tuple[EvidenceKind, ...] = ("date", "figure", "person", "order")

# People an essay on the purges is likely to cite: canonical name -> other spellings seen.
KNOWN_PEOPLE: dict[str, tuple[str, ...]] = {
    "Stalin": (),
    "Yezhov": ("Ezhov", "Yezhof", "Yezov", "Yezkhov", "Yehzkov"),
    "Yagoda": (),
    "Beria": ("Berija",),
    "Kirov": (),
    "Zinoviev": ("Zinovyev",),
    "Kamenev": ("Kamanev",),
    "Bukharin": ("Bukarin",),
    "Rykov": (),
    "Tomsky": (),
    "Radek": (),
    "Pyatakov": (),
    "Tukhachevsky": ("Tukhachevskii", "Tukhachevski"),
    "Trotsky": ("Trotski",),
    "Ryutin": ("Riutin",),
    "Khrushchev": ("Kruschev", "Khrushchov", "Krushchev"),
    "Nikolaev": ("Nicolaev", "Nikolayev"),
    "Conquest": (),
    "Getty": (),
    "Molotov": (),
    "Ordzhonikidze": (),
    "Vyshinsky": (),
    "Lenin": (),
    "Hitler": (),
}
# Capitalised words in a bank's phrases that are not people.
_NOT_PEOPLE = words(
    "order nkvd ogpu red army navy soviet soviets party congress politburo central committee "
    "moscow leningrad germany german nazi russia russian ussr union old bolsheviks bolshevik "
    "great terror purge purges winter war five year plan plans finland japan trotskyites "
    "zinovievites communist communists victors left right opposition gulag lubyanka lubianka "
    "kremlin siberia ukraine georgia europe marshal general yezhovshchina i the a"
)

_MONTH_NAMES = words(
    "january february march april may june july august september october november december"
)
_MONTHS = {m[:3]: m for m in _MONTH_NAMES}  # 'sep' -> 'september'
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20[0-2]\d)"
_DATES = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\w)", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)", re.I),
    re.compile(r"\b(?P<from>1[89]\d\d)\s*[-–—/]\s*(?P<to>1[89]\d\d|\d\d?)\b"),
    re.compile(r"\b(?P<decade>1[89]\d0)s\b"),
]
_YEAR_ALONE = re.compile(rf"\b{_YEAR}\b(?![.,]?\d)")
_YEAR_BEFORE = words("in of by from since until till to after before during between and or c")
_ORDER = re.compile(r"\b(?:nkvd\s+)?order\s*(?:no\.?|nr\.?|number|#|№)?\s*(?P<num>\d{3,6})\b", re.I)
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty"
)
_N = rf"(?:\d+|{'|'.join(_NUMBER_WORDS.split())})"
_OUT_OF = re.compile(rf"\b(?P<a>{_N})\s+out\s+(?:of\s+)?(?:the\s+)?(?P<b>{_N})\b", re.I)
_PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)", re.I)
_NUMBERS = [
    re.compile(
        r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+(?P<scale>million|thousand|billion)\b", re.I
    ),
    re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?!\d))"),
    re.compile(r"(?<![\w.,])(?P<n>\d+(?:\.\d+)?)(?!(?:st|nd|rd|th)\b)(?![\w%])"),
]


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: EvidenceKind
    value: str  # normalised: "1 December 1934", "680,000", "Yezhov", "Order 00447"
    text: str  # as the essay first wrote it
    start: int
    end: int
    count: int = 1


def _date_value(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups.get("decade"):
        return f"{groups['decade']}s"
    if groups.get("from"):
        return f"{groups['from']}-{groups['to']}"
    month = _MONTHS[groups["month"].lower()[:3]].capitalize()
    parts = [str(int(groups["day"]))] if groups.get("day") else []
    parts.append(month)
    if groups.get("year"):
        parts.append(groups["year"])
    return " ".join(parts)


def _valid_range(m: re.Match[str]) -> bool:
    start, end = m.group("from"), m.group("to")
    end_full = int(start[: 4 - len(end)] + end)
    return int(start) < end_full <= int(start) + 20


def _is_year(text: str, m: re.Match[str]) -> bool:
    """A bare 4-digit number is a year unless it counts something: '1966 delegates'."""
    before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 12) : m.start()])
    if before and before[-1].lower() in _YEAR_BEFORE:
        return True
    after = re.match(r"\s+([a-z]+)", text[m.end() :])
    return not (after and after.group(1) not in _YEAR_BEFORE and len(after.group(1)) > 3)


def _number_value(raw: str) -> str:
    digits = raw.replace(",", "").replace(" ", "")
    if "." in digits:
        return digits
    return f"{int(digits):,}"


def _figure_value(m: re.Match[str]) -> str:
    groups = m.groupdict()
    n = _number_value(groups["n"])
    return f"{n} {groups['scale'].lower()}" if groups.get("scale") else n


def _month_word(m: re.Match[str]) -> bool:
    """'may' and 'march' in lowercase are verbs far more often than months."""
    month = m.groupdict().get("month")
    return not (month and month in ("may", "march", "mar"))


@lru_cache(maxsize=256)
def _people_index(extra: tuple[str, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for name, variants in KNOWN_PEOPLE.items():
        for spelling in (name, *variants):
            index[fold(spelling)] = name
    for name in extra:
        index.setdefault(fold(name), name)
    return index


@lru_cache(maxsize=4096)
def _person(norm: str, extra: tuple[str, ...]) -> str | None:
    index = _people_index(extra)
    if norm in index or stem(norm) in index:
        return index.get(norm) or index[stem(norm)]
    if len(norm) >= 5:  # one slip of the pen: "Yezov", "Tukachevsky"
        for known, name in index.items():
            if len(known) >= 6 and Levenshtein.distance(norm, known, score_cutoff=1) <= 1:
                return name
    return None


@lru_cache(maxsize=256)
def names_in(prompt: EssayPrompt) -> tuple[str, ...]:
    """People a bank names in a prompt's phrases: capitalised words that are not known non-names."""
    found: dict[str, None] = {}
    for kp in prompt.key_points:
        for phrase in kp.phrases:
            for tok in analyse(phrase).tokens:
                word = re.sub(r"['’]s?$", "", tok.text)
                if word[:1].isupper() and word.isalpha() and tok.norm not in _NOT_PEOPLE:
                    found.setdefault(word, None)
    return tuple(found)


_STARTERS = frozenset({"order", "nkvd", "sept", *_MONTHS, *_MONTH_NAMES, *_NUMBER_WORDS.split()})


def _may_start(norm: str) -> bool:
    return norm[:1].isdigit() or norm in _STARTERS


def extract_evidence(
    text: str, names: Iterable[str] = (), essay: EssayText | None = None
) -> tuple[Evidence, ...]:
    """Dates, figures, people (built-in list plus `names`) and orders, each listed once.

    `essay` is `text` already analysed, to save doing it twice."""
    hits: list[tuple[int, int, EvidenceKind, str]] = []
    taken = bytearray(len(text))  # 1 where a character already belongs to some evidence

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def add(start: int, end: int, kind: EvidenceKind, value: str) -> None:
        hits.append((start, end, kind, value))
        taken[start:end] = b"\x01" * (end - start)

    essay = essay or analyse(text)
    # Every pattern starts at a token: a number, a month, a number word, or "order"/"NKVD". Trying
    # the patterns only there is many times faster than scanning the whole text with each.
    starts = [t.start for t in essay.tokens if _may_start(t.norm)]

    def found(pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        for pos in starts:
            m = pattern.match(text, pos)
            if m and free(m.start(), m.end()):
                yield m

    for m in found(_ORDER):
        add(m.start(), m.end(), "order", f"Order {m.group('num')}")
    for pattern in _DATES:
        for m in found(pattern):
            if _valid_range(m) if m.groupdict().get("from") else _month_word(m):
                add(m.start(), m.end(), "date", _date_value(m))
    for m in found(_YEAR_ALONE):
        if _is_year(text, m):
            add(m.start(), m.end(), "date", m.group())
    for m in found(_OUT_OF):
        add(m.start(), m.end(), "figure", f"{m['a'].lower()} out of {m['b'].lower()}")
    for m in found(_PERCENT):
        add(m.start(), m.end(), "figure", f"{_number_value(m['n'])}%")
    for pattern in _NUMBERS:
        for m in found(pattern):
            add(m.start(), m.end(), "figure", _figure_value(m))
    extra = tuple(names)
    for tok in essay.tokens:
        if tok.text[:1].isupper() and tok.norm.isalpha() and free(tok.start, tok.end):
            person = _person(tok.norm, extra)
            if person:
                add(tok.start, tok.end, "person", person)

    merged: dict[tuple[EvidenceKind, str], Evidence] = {}
    for start, end, kind, value in sorted(hits):
        key = (kind, value)
        if key in merged:
            old = merged[key]
            merged[key] = Evidence(kind, value, old.text, old.start, old.end, old.count + 1)
        else:
            merged[key] = Evidence(kind, value, text[start:end], start, end)
    return tuple(merged.values())
