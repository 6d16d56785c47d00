"""CSV with a header row: the question, its choices, the correct one(s), and a time limit.

Columns are found by their header, so both a plain `question,a,b,c,d,answer,seconds` sheet and the
widely used quiz-game template ("Question - max 120 characters", "Answer 1 - max 75 characters",
..., "Time limit (sec)", "Correct answer(s) - choose at least one", below a few title rows) work.
The correct answer may be a choice's text, its letter or its 1-based number, several separated by
commas or semicolons.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from purgebot.banks import numbers as _numbers
from purgebot.banks.importers.builder import BankBuilder
from purgebot.banks.importers.common import Common, ImportFailed, cut, fold

_HEADER_SEARCH = 30  # rows looked at for the header (the template puts ~7 title rows above it)
_SAMPLE = 64 * 1024
_SNIFF = 4 * 1024  # characters the csv module's sniffer is given
_DELIMITERS = ",;\t|"
_CHOICE = re.compile(
    r"^(?:(?:answer|choice|option|alternative|alt)\s*[-#_.]?\s*([1-8]|[a-h])\b|([a-h])[).]?$)"
)
_ROLES = (
    (
        "correct",
        re.compile(r"^(?:correct|right answer|key\b|answer key|solution|answers?(?:\(s\))?$)"),
    ),
    ("question", re.compile(r"^(?:question|prompt|q$)(?!\s*(?:type|number|no\b|#|id\b))")),
    ("seconds", re.compile(r"^(?:time|seconds|secs?\b|timer|duration)")),
    ("explanation", re.compile(r"^(?:explanation|feedback|reason)")),
    ("topic", re.compile(r"^(?:topic|category)")),
    ("difficulty", re.compile(r"^(?:difficulty|level)")),
)
_SECONDS = re.compile(r"^\s*(\d+(?:[.,]\d+)?)", re.ASCII)
_SPLIT = re.compile(r"\s*[,;]\s*")


@dataclass(slots=True)
class Layout:
    """Which column holds what; `choices` in the order their numbers and letters count."""

    choices: list[int] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)
    numbers_first: bool = False  # the template's "correct" column holds answer numbers


def layout_of(row: list[str]) -> Layout | None:
    """The layout a header row describes, or None when the row is not a header."""
    layout = Layout()
    for index, cell in enumerate(row):
        head = fold(cell)
        if not head:
            continue
        if _CHOICE.match(head):
            layout.choices.append(index)
            continue
        for role, pattern in _ROLES:
            if role not in layout.roles and pattern.match(head):
                layout.roles[role] = index
                break
    if "question" not in layout.roles or len(layout.choices) < 2:
        return None
    correct = fold(row[layout.roles["correct"]]) if "correct" in layout.roles else ""
    layout.numbers_first = "choose at least one" in correct or "max 120" in fold(
        row[layout.roles["question"]]
    )
    return layout


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str] | str]]:
    """(first line, cells) of each record; a quoted cell may span lines. A record the reader
    cannot take comes as the reason instead of its cells, and reading goes on after it."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    while True:
        try:
            row: list[str] | str = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row = _unreadable(str(exc))
        yield start, row
        start = reader.line_num + 1


def _unreadable(error: str) -> str:
    if "field limit" in error:
        return f"a cell is longer than {csv.field_size_limit():,} characters"
    return "it cannot be read as CSV"


def find_header(text: str) -> tuple[str, int, Layout]:
    """The delimiter, the header's record number and its layout, trying likely delimiters."""
    sample = "".join(text[:_SAMPLE].splitlines(keepends=True)[: _HEADER_SEARCH * 2])
    candidates = list(_DELIMITERS)
    try:
        # The sniffer's regexes take time by the square of a line's length: 4 s on 64 KB of
        # one line. A short sample tells the delimiter as well; the loop below checks it anyway.
        sniffed = csv.Sniffer().sniff(sample[:_SNIFF], delimiters=_DELIMITERS).delimiter
        candidates.insert(0, sniffed)
    except csv.Error:
        pass
    for delimiter in dict.fromkeys(candidates):
        for number, (_, row) in enumerate(_rows(sample, delimiter)):
            if number >= _HEADER_SEARCH:
                break
            if isinstance(row, list) and (layout := layout_of(row)) is not None:
                return delimiter, number, layout
    raise ImportFailed(
        "no header row found: the CSV needs a row naming its columns, such as "
        "Question, Answer 1, Answer 2, Correct answer, Time limit"
    )


def _correct(cell: str, choices: list[str], numbers_first: bool) -> tuple[list[int], str | None]:
    """Indexes of the correct choices (empty when none fits) and a note on a doubtful reading."""
    cell = cell.strip()
    tokens = [t for t in _SPLIT.split(cell) if t]
    count = len(choices)
    counted = [_numbers.counting(t, count) for t in tokens]
    numbers = [i - 1 for i in counted if i is not None] if None not in counted else []
    if not all(0 <= i < count for i in numbers):
        numbers = []
    whole = [i for i, c in enumerate(choices) if c and fold(c) == fold(cell)][:1]
    if numbers and (numbers_first or not whole):
        return numbers, None
    if whole:
        doubt = f"correct answer {cell!r} read as a choice's text, not as a choice number"
        return whole, (doubt if numbers and numbers != whole else None)
    # answer letters are A, B, C ... only: a letter such as "İ" lowers to two characters
    letters = [
        ord(t.lower()) - ord("a") for t in tokens if len(t) == 1 and t.isascii() and t.isalpha()
    ]
    if len(letters) == len(tokens) and all(0 <= i < count for i in letters):
        return letters, None
    texts = {fold(c): i for i, c in reversed(list(enumerate(choices))) if c}
    found = [texts[fold(t)] for t in tokens if fold(t) in texts]
    return (found, None) if len(found) == len(tokens) else ([], None)


def _cell(row: list[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def parse(text: str, out: BankBuilder) -> None:
    delimiter, header_at, layout = find_header(text)
    roles = layout.roles
    for number, (line, row) in enumerate(_rows(text, delimiter)):
        if number <= header_at:
            continue
        if isinstance(row, str):
            out.skip(line, f"row skipped: {row}")
            continue
        prompt = _cell(row, roles.get("question"))
        columns = [_cell(row, i) for i in layout.choices]
        if not prompt and not any(columns):
            continue  # an empty row, or an unused numbered row of the template
        if not prompt:
            out.skip(line, "row skipped: it has choices but no question")
            continue
        answer_cell = _cell(row, roles.get("correct"))
        if not answer_cell:
            out.skip(line, "question skipped: no correct answer given")
            continue
        right, note = _correct(answer_cell, columns, layout.numbers_first)
        if not right or any(not columns[i] for i in right):
            out.skip(
                line, f"question skipped: correct answer {cut(answer_cell, 40)!r} names no choice"
            )
            continue
        if note:
            out.warn(line, note)
        used = [i for i, text in enumerate(columns) if text]  # empty answer columns drop out
        c = Common(
            line=line,
            prompt=prompt,
            explanation=_cell(row, roles.get("explanation")) or None,
            topic=_cell(row, roles.get("topic")) or None,
            difficulty=_cell(row, roles.get("difficulty")) or None,
            seconds=_seconds(_cell(row, roles.get("seconds")), line, out),
        )
        out.choice(c, [columns[i] for i in used], [used.index(i) for i in right])


def _seconds(text: str, line: int, out: BankBuilder) -> float | None:
    if not text:
        return None
    match = _SECONDS.match(text)
    if not match:
        out.warn(line, f"time limit {text!r} is not a number of seconds: left at the default")
        return None
    return float(match.group(1).replace(",", "."))
