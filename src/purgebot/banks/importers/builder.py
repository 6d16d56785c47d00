"""The builder every parser feeds: it keeps each question to our limits and gives it its id.

Parsers only read their format; the builder decides what our bank can hold. A question that breaks
a limit becomes a warning with its line instead of an invalid bank, so a teacher always gets a bank
that loads plus a list of exactly what was left out and why.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from purgebot.banks.importers.common import (
    MAX_ACCEPT,
    Common,
    EssayDraft,
    ImportWarning,
    clean,
    cut,
    fold,
    number,
    question_id,
    topic_slug,
)
from purgebot.banks.model import (
    MAX_CHOICE,
    MAX_CHOICES,
    MAX_EXPLANATION,
    MAX_PROMPT,
    MAX_SECONDS,
    MAX_TITLE,
    MIN_CHOICES,
    MIN_SECONDS,
    Difficulty,
)


@dataclass(slots=True)
class BankBuilder:
    """Collects questions in our YAML shape; a limit a question breaks becomes a warning."""

    fmt: str
    questions: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    essays: list[EssayDraft] = field(default_factory=list)
    skipped: int = 0
    description: str | None = None
    default_seconds: int | None = None
    _ids: set[str] = field(default_factory=set)
    _next: dict[str, int] = field(default_factory=dict)  # base id -> the next number to try

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ImportWarning(line, message))

    def skip(self, line: int, message: str) -> None:
        """Leave a question out, saying where it was and why."""
        self.skipped += 1
        self.warn(line, message)

    def unique_id(self, name: str, prompt: str) -> str:
        """The question's id, numbered `-2`, `-3`, ... after its first use. Each base remembers
        the last number it gave, so 10,000 repeats of one question cost 10,000 steps, not 50
        million."""
        base = question_id(name, prompt)
        qid, n = base, self._next.get(base, 1)
        if n > 1:
            qid = f"{base}-{n}"
        while qid in self._ids:
            n += 1
            qid = f"{base}-{n}"
        self._next[base] = n + 1
        self._ids.add(qid)
        return qid

    def seconds(self, line: int, value: float | None) -> int | None:
        """A time limit kept to MIN_SECONDS..MAX_SECONDS, saying so when it had to move."""
        if value is None:
            return None
        if not math.isfinite(value):
            self.warn(line, "time limit is not a number: left at the default")
            return None
        kept = min(MAX_SECONDS, max(MIN_SECONDS, round(value)))
        if kept != value:
            self.warn(line, f"time limit {value:g}s changed to {kept}s (allowed: 5 to 300)")
        return kept

    def _head(self, c: Common, qtype: str) -> dict[str, Any] | None:
        prompt = clean(c.prompt)
        if not prompt:
            self.skip(c.line, "question skipped: its text is empty")
            return None
        if len(prompt) > MAX_PROMPT:
            self.skip(
                c.line,
                f"question skipped: its text is {len(prompt)} characters (limit {MAX_PROMPT})",
            )
            return None
        qid = self.unique_id(c.name or prompt, prompt)
        return {"id": qid, "type": qtype, "prompt": prompt}

    def _tail(self, c: Common, q: dict[str, Any]) -> None:
        if c.explanation and (text := clean(c.explanation)):
            if len(text) > MAX_EXPLANATION:
                self.warn(c.line, f"explanation cut to {MAX_EXPLANATION} characters")
                text = cut(text, MAX_EXPLANATION)
            q["explanation"] = text
        if c.topic and (topic := topic_slug(c.topic)):
            q["topic"] = topic
        if c.difficulty:
            level = c.difficulty.strip().lower()
            if level in {d.value for d in Difficulty}:
                q["difficulty"] = level
            else:
                self.warn(c.line, f"difficulty {c.difficulty!r} ignored (easy, medium or hard)")
        if (seconds := self.seconds(c.line, c.seconds)) is not None:
            q["seconds"] = seconds
        self.questions.append(q)

    def choice(self, c: Common, choices: Sequence[str], correct: Sequence[int]) -> None:
        """A choice question; `correct` indexes into `choices`, several make it multi."""
        texts = [clean(t) for t in choices]
        if len(texts) < MIN_CHOICES or len(texts) > MAX_CHOICES:
            self.skip(
                c.line,
                f"question skipped: it has {len(texts)} choice{'s' if len(texts) != 1 else ''} "
                f"(purgebot allows {MIN_CHOICES} to {MAX_CHOICES})",
            )
            return
        problem = _choice_problem(texts)
        if problem:
            self.skip(c.line, f"question skipped: {problem}")
            return
        right = sorted(set(correct))
        if not right:
            self.skip(c.line, "question skipped: no choice is marked correct")
            return
        q = self._head(c, "choice")
        if q is None:
            return
        q["choices"] = texts
        if len(right) == 1:
            q["answer"] = texts[right[0]]
        else:
            q["answer"] = [texts[i] for i in right]
            q["multi"] = True
        self._tail(c, q)

    def true_false(self, c: Common, answer: bool) -> None:
        q = self._head(c, "true_false")
        if q is not None:
            q["answer"] = answer
            self._tail(c, q)

    def short(self, c: Common, answers: Sequence[str]) -> None:
        """A typed answer: the first is shown at the reveal, the others are accepted spellings."""
        kept: list[str] = []
        seen: set[str] = set()
        for raw in answers:
            text = clean(raw)
            if not text or fold(text) in seen:
                continue
            if len(text) > MAX_CHOICE:
                self.warn(
                    c.line, f"answer {cut(text, 40)!r} left out: over {MAX_CHOICE} characters"
                )
                continue
            seen.add(fold(text))
            kept.append(text)
        if not kept:
            self.skip(c.line, "question skipped: it has no usable answer")
            return
        if len(kept) > MAX_ACCEPT + 1:
            self.warn(c.line, f"only the first {MAX_ACCEPT + 1} of {len(kept)} answers kept")
            kept = kept[: MAX_ACCEPT + 1]
        q = self._head(c, "short")
        if q is None:
            return
        q["answer"] = kept[0]
        if kept[1:]:
            q["accept"] = kept[1:]
        self._tail(c, q)

    def numeric(self, c: Common, answer: float | Decimal, tolerance: float | Decimal = 0.0) -> None:
        if not (math.isfinite(answer) and math.isfinite(tolerance)):
            self.skip(c.line, "question skipped: its answer is not a finite number")
            return
        q = self._head(c, "numeric")
        if q is None:
            return
        q["answer"] = number(answer)
        if tolerance:
            q["tolerance"] = number(-tolerance if tolerance < 0 else tolerance)
        self._tail(c, q)

    def essay(self, line: int, prompt: str, name: str | None, guidance: str | None) -> None:
        """Keep an essay prompt as a draft: our essays need key points that no import carries."""
        text = clean(prompt)
        self.skip(
            line,
            "essay question not imported: purgebot essays need key points (ideas and the phrases "
            "that show them); a draft is left as a comment at the end of the bank",
        )
        if text:
            self.essays.append(EssayDraft(line, self.unique_id(name or text, text), text, guidance))

    def bank(self, bank_id: str, title: str) -> dict[str, Any]:
        """The bank as plain data, keys in the documented order."""
        bank: dict[str, Any] = {"version": 1, "bank": bank_id, "title": cut(title, MAX_TITLE)}
        if self.description:
            bank["description"] = self.description
        if self.default_seconds is not None:
            bank["defaults"] = {"seconds": self.default_seconds}
        bank["questions"] = self.questions
        return bank


def _choice_problem(texts: Sequence[str]) -> str | None:
    seen: dict[str, str] = {}
    for text in texts:
        if not text:
            return "one of its choices is empty"
        if len(text) > MAX_CHOICE:
            return f"choice {cut(text, 40)!r} is over {MAX_CHOICE} characters"
        key = fold(text)
        if key in seen:
            return f"choice {text!r} appears twice"
        seen[key] = text
    return None
