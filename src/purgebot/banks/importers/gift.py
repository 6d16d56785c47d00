"""Moodle GIFT: the plain-text format Moodle imports and exports question banks in.

Follows Moodle's own reader: questions are separated by blank lines, `//` lines are comments,
answers sit in the first `{...}` and text after it makes a missing-word question. Matching
questions have no counterpart in our format, and essays need key points GIFT does not carry: both
are reported with their line rather than dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from purgebot.banks import numbers
from purgebot.banks.importers.builder import BankBuilder
from purgebot.banks.importers.common import Common, cut
from purgebot.banks.importers.text import strip_html

BLANK = "_____"
_CLOSING = frozenset(".,;:!?)]}…'’\"»")  # text after a gap that sits against it
# Escaped characters are swapped for private-use stand-ins while the structure is read.
_ESCAPES = {c: chr(0xE000 + i) for i, c in enumerate("\\~=#{}:n")}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()})
_ESCAPE = re.compile(r"\\([\\~=#{}:n])")
_TITLE = re.compile(r"^::(.*?)::", re.DOTALL)
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%", re.ASCII)
_TRUE_FALSE = re.compile(r"^(T|F|TRUE|FALSE)\s*(#.*)?$", re.IGNORECASE | re.DOTALL)
_ANSWER_MARK = re.compile(r"(?=[=~])")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$", re.ASCII)
_TOLERANCE = re.compile(rf"^({_NUMBER})\s*(?::\s*({_NUMBER}))?$", re.ASCII)


def _protect(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], text)


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each question: blank lines separate them, `//` lines are dropped."""
    start = 0
    lines: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            if lines:
                yield start, "\n".join(lines)
            start = 0
            lines = []
        elif not line.startswith("//"):
            start = start or number
            lines.append(line)
    if lines:
        yield start, "\n".join(lines)


@dataclass(slots=True)
class _Piece:
    """One answer inside the braces: `=` or `~`, its weight in percent, text, feedback."""

    mark: str
    weight: float | None
    text: str
    feedback: str


def _pieces(answers: str) -> list[_Piece] | None:
    """The answers in order, or None when text stands before the first `=` or `~`."""
    pieces = []
    for chunk in _ANSWER_MARK.split(answers):
        chunk = chunk.strip()
        if not chunk:
            continue
        mark, rest = chunk[0], chunk[1:].strip()
        if mark not in "=~":
            return None
        weight = None
        if m := _WEIGHT.match(rest):
            weight, rest = float(m.group(1)), rest[m.end() :].strip()
        text, _, feedback = rest.partition("#")
        pieces.append(_Piece(mark, weight, text.strip(), feedback.strip()))
    return pieces


class _Reader:
    """Reads one GIFT file into a BankBuilder; holds the current `$CATEGORY`."""

    def __init__(self, out: BankBuilder) -> None:
        self.out = out
        self.topic: str | None = None
        self.html = False

    def text(self, raw: str) -> str:
        """Undo escapes and, for `[html]` questions, tags and entities."""
        text = raw.translate(_RESTORE)
        if (m := _FORMAT.match(text)) is not None:
            text = text[m.end() :]
            if m.group(1).lower() == "html":
                return strip_html(text)
        return strip_html(text) if self.html else text.strip()

    def block(self, line: int, raw: str) -> None:
        text = _protect(raw)
        if text.startswith("$CATEGORY:"):
            first, _, rest = text.partition("\n")
            self.category(first[len("$CATEGORY:") :])
            if rest.strip():
                self.question(line + 1, rest)
            return
        self.question(line, text)

    def category(self, path: str) -> None:
        parts = [p for p in re.split(r"(?<!/)/(?!/)", path.translate(_RESTORE)) if p.strip()]
        name = parts[-1].replace("//", "/").strip() if parts else ""
        self.topic = None if name.startswith("$") else name or None

    def question(self, line: int, text: str) -> None:
        name = None
        if m := _TITLE.match(text):
            name = m.group(1).translate(_RESTORE).strip() or None
            text = text[m.end() :].lstrip()
        fm = _FORMAT.match(text)
        self.html = fm is not None and fm.group(1).lower() == "html"
        if fm is not None:
            text = text[fm.end() :]
        open_at = text.find("{")
        if open_at < 0:
            what = f"{name!r}" if name else f"{cut(self.text(text), 40)!r}"
            self.out.skip(line, f"text {what} skipped: it has no answers in {{braces}}")
            return
        close_at = text.find("}", open_at)
        if close_at < 0:
            self.out.skip(line, "question skipped: its '{' is never closed by '}'")
            return
        before, answers, after = text[:open_at], text[open_at + 1 : close_at], text[close_at + 1 :]
        if "{" in after or "}" in after or "}" in before:
            self.out.skip(
                line, "question skipped: more than one answer block (use \\{ \\} for braces)"
            )
            return
        prompt = self.text(before)
        if after.strip():  # missing word: the answer fills the gap
            rest = self.text(after)
            gap = "" if rest[:1] in _CLOSING else " "  # "led by _____." not "_____ ."
            prompt = f"{prompt} {BLANK}{gap}{rest}".strip()
        answers, _, general = answers.partition("####")
        c = Common(line=line, prompt=prompt, name=name, topic=self.topic)
        general_text = self.text(general) if general.strip() else None
        self.answers(c, answers.strip(), general_text)

    def answers(self, c: Common, answers: str, general: str | None) -> None:
        if not answers:
            self.out.essay(c.line, c.prompt, c.name, general)
        elif answers.startswith("#"):
            self.numeric(c, answers[1:].strip(), general)
        elif "~" not in answers and "=" in answers and "->" in answers:
            self.out.skip(c.line, "matching question skipped: purgebot has no matching type")
        elif m := _TRUE_FALSE.match(answers):
            # Moodle shows the first feedback for a wrong answer, the second for a right one.
            wrong, _, right = (m.group(2) or "#")[1:].partition("#")
            c.explanation = general or self.text(right) or self.text(wrong) or None
            self.out.true_false(c, m.group(1).upper().startswith("T"))
        elif (pieces := _pieces(answers)) is None or not pieces:
            self.out.skip(c.line, "question skipped: each answer must start with '=' or '~'")
        elif any(p.mark == "~" for p in pieces):
            self.choice(c, pieces, general)
        else:
            self.short(c, pieces, general)

    def choice(self, c: Common, pieces: list[_Piece], general: str | None) -> None:
        choices = [self.text(p.text) for p in pieces]
        if any(p.mark == "=" for p in pieces):  # Moodle: one right answer, the `=` one
            right = [i for i, p in enumerate(pieces) if p.mark == "="]
            if len(right) > 1:
                self.out.skip(
                    c.line,
                    "question skipped: several '=' answers, but a choice question has one right "
                    "answer (or, with ~%50% weights, several that must all be picked)",
                )
                return
            partial = [
                choices[i] for i, p in enumerate(pieces) if p.mark == "~" and (p.weight or 0) > 0
            ]
            if partial:
                self.out.warn(
                    c.line, f"partial credit not kept: {', '.join(partial)} count as wrong"
                )
        else:  # only `~` answers: every one with a positive weight is right
            right = [i for i, p in enumerate(pieces) if (p.weight or 0) > 0]
        right_feedback = next(
            (self.text(pieces[i].feedback) for i in right if pieces[i].feedback), None
        )
        c.explanation = general or right_feedback
        self.out.choice(c, choices, right)

    def short(self, c: Common, pieces: list[_Piece], general: str | None) -> None:
        accepted = [p for p in pieces if p.weight is None or p.weight >= 100]
        partial = [p.text for p in pieces if p not in accepted and (p.weight or 0) > 0]
        if partial:
            self.out.warn(c.line, f"partial-credit answers not accepted: {', '.join(partial)}")
        feedback = next((self.text(p.feedback) for p in accepted if p.feedback), None)
        c.explanation = general or feedback
        self.out.short(c, [self.text(p.text) for p in accepted])

    def numeric(self, c: Common, answers: str, general: str | None) -> None:
        if "=" in answers:
            pieces = [p for p in _pieces(answers) or [] if p.mark == "="]
        else:
            text, _, feedback = answers.partition("#")
            pieces = [_Piece("=", None, text.strip(), feedback.strip())]
        best = next((p for p in pieces if p.weight is None or p.weight >= 100), None)
        if best is None:
            self.out.skip(c.line, "numerical question skipped: no answer is worth 100%")
            return
        if len(pieces) > 1:
            self.out.warn(c.line, "numerical question: only the 100% answer is kept")
        value = best.text.translate(_RESTORE)
        c.explanation = general or (self.text(best.feedback) if best.feedback else None)
        # Decimal, not float: "3.1415:0.0005" stays 3.1415 ± 0.0005 in the bank, as written.
        if m := _RANGE.match(value):
            first, second = numbers.exact(m.group(1)), numbers.exact(m.group(2))
            if first is not None and second is not None:
                low, high = sorted((first, second))
                self.out.numeric(c, (low + high) / 2, (high - low) / 2)
                return
        elif m := _TOLERANCE.match(value):
            answer, tolerance = numbers.exact(m.group(1)), numbers.exact(m.group(2) or "0")
            if answer is not None and tolerance is not None:
                self.out.numeric(c, answer, tolerance)
                return
        else:
            self.out.skip(c.line, f"numerical question skipped: {cut(value, 40)!r} is not a number")
            return
        self.out.skip(c.line, f"numerical question skipped: {cut(value, 40)!r} is too large")


def parse(text: str, out: BankBuilder) -> None:
    reader = _Reader(out)
    for line, block in _blocks(text):
        reader.block(line, block)
