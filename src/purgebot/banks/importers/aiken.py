"""Moodle Aiken: a question line, lettered options (`A.` or `A)`), then `ANSWER: X`.

Like Moodle's reader, blank lines are ignored and `ANSWER:` ends a question. A question whose
answer line is missing or names no option is reported at the line where it started.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from purgebot.banks.importers.builder import BankBuilder
from purgebot.banks.importers.common import Common

_OPTION = re.compile(r"^([A-Za-z])\s*[.)]\s+(.*)$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*(.*)$", re.IGNORECASE)


@dataclass(slots=True)
class _Question:
    line: int
    text: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)


def parse(text: str, out: BankBuilder) -> None:
    current: _Question | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        option = _OPTION.match(line)
        if answer := _ANSWER.match(line):
            if current is None:
                out.warn(number, "'ANSWER:' line with no question before it ignored")
            elif not current.options:
                out.skip(current.line, "question skipped: it has no lettered options (A. or A))")
            else:
                _finish(current, answer.group(1), out)
            current = None
        elif option and current is not None:
            current.letters.append(option.group(1).upper())
            current.options.append(option.group(2))
        elif current is not None and current.options:
            # A new question began before the last one had its ANSWER line.
            out.skip(current.line, "question skipped: no 'ANSWER:' line after its options")
            current = _Question(number, [line])
        elif current is not None:
            current.text.append(line)
        else:
            current = _Question(number, [line])
    if current is not None:
        if current.options:
            out.skip(current.line, "question skipped: no 'ANSWER:' line after its options")
        else:
            out.skip(current.line, "question skipped: it has no lettered options (A. or A))")


def _finish(q: _Question, answer: str, out: BankBuilder) -> None:
    wanted = [a.strip().upper() for a in re.split(r"[,;\s]+", answer) if a.strip()]
    if not wanted:
        out.skip(q.line, "question skipped: its 'ANSWER:' line names no option")
        return
    if len(set(q.letters)) != len(q.letters):
        out.skip(q.line, "question skipped: two options share a letter")
        return
    missing = [a for a in wanted if a not in q.letters]
    if missing:
        out.skip(
            q.line,
            f"question skipped: 'ANSWER: {answer.strip()}' names no option "
            f"(options are {', '.join(q.letters)})",
        )
        return
    c = Common(line=q.line, prompt=" ".join(q.text))  # a wrapped question reads as one line
    out.choice(c, q.options, [q.letters.index(a) for a in wanted])
