"""The feedback a student gets on an essay: points made and missed, evidence, length, outline.

`check_essay` is the one entry point the bot and the CLI share; it never looks at Discord or the
database, and the result is plain frozen data that renders as text or JSON.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from purgebot.banks.model import Bank, EssayPrompt, SourceInfo
from purgebot.errors import UserFacingError
from purgebot.essays.detect import Match, detect
from purgebot.essays.evidence import Evidence, extract_evidence, names_in
from purgebot.essays.text import analyse

_WORD = re.compile(r"\d+(?:[.,\-–/]\d+)*(?:st|nd|rd|th|s)?|[^\W_]+(?:[-'’][^\W_]+)*")

LengthVerdict = Literal["short", "long", "ok", "no target"]


class UnknownPromptError(UserFacingError):
    """The essay prompt asked for is not in the bank."""

    def __init__(self, bank: Bank, prompt_id: str) -> None:
        ids = [e.id for e in bank.essays]
        if ids:
            message = (
                f"No essay prompt {prompt_id!r} in bank {bank.id!r}. "
                f"Available prompts: {', '.join(ids)}."
            )
        else:
            message = f"Bank {bank.id!r} has no essay prompts."
        super().__init__(message)
        self.available = tuple(ids)


@dataclass(frozen=True, slots=True)
class WordCount:
    words: int
    min_words: int | None = None
    max_words: int | None = None

    @property
    def verdict(self) -> LengthVerdict:
        if self.min_words is not None and self.words < self.min_words:
            return "short"
        if self.max_words is not None and self.words > self.max_words:
            return "long"
        if self.min_words is None and self.max_words is None:
            return "no target"
        return "ok"


@dataclass(frozen=True, slots=True)
class ReadingTip:
    """Where in the sources to read about a missed point."""

    doc: str
    title: str | None
    quote: str | None


@dataclass(frozen=True, slots=True)
class PointFeedback:
    id: str
    point: str
    matches: tuple[Match, ...]  # where the essay makes the point (empty when missed)
    refused: tuple[Match, ...]  # where a phrase was found but not credited, with the reason
    read: ReadingTip | None  # where to read about it, from the key point's source

    @property
    def covered(self) -> bool:
        return bool(self.matches)


@dataclass(frozen=True, slots=True)
class Feedback:
    prompt_id: str
    prompt: str
    words: WordCount
    covered: tuple[PointFeedback, ...]
    missed: tuple[PointFeedback, ...]
    evidence: tuple[Evidence, ...]
    outline: tuple[str, ...]


def count_words(text: str) -> int:
    """Words as a reader counts them: 'Stalin's', 'Five-Year', '1,108' and '1936-38' are one."""
    return len(_WORD.findall(text))


def check_essay(
    prompt: EssayPrompt,
    text: str,
    *,
    sources: Mapping[str, SourceInfo] | None = None,
    names: Iterable[str] = (),
) -> Feedback:
    """Feedback on one essay for one prompt; `sources` titles the reading tips, `names` adds
    people to look for as evidence (the prompt's own phrases are always searched for names)."""
    essay = analyse(text)
    points: list[PointFeedback] = []
    for result in detect(prompt, essay):
        kp = result.point
        tip = None
        if kp.source is not None:
            info = (sources or {}).get(kp.source.doc)
            tip = ReadingTip(kp.source.doc, info.title if info else None, kp.source.quote)
        points.append(PointFeedback(kp.id, kp.point, result.credited, result.refused, tip))
    people = (*names_in(prompt), *names)
    return Feedback(
        prompt_id=prompt.id,
        prompt=prompt.prompt,
        words=WordCount(count_words(text), prompt.min_words, prompt.max_words),
        covered=tuple(p for p in points if p.covered),
        missed=tuple(p for p in points if not p.covered),
        evidence=extract_evidence(text, people, essay),
        outline=prompt.outline,
    )


def find_prompt(bank: Bank, prompt_id: str) -> EssayPrompt:
    """The bank's essay prompt with this id; UnknownPromptError lists the ids there are."""
    for prompt in bank.essays:
        if prompt.id == prompt_id:
            return prompt
    raise UnknownPromptError(bank, prompt_id)


def check_bank_essay(bank: Bank, prompt_id: str, text: str) -> Feedback:
    """`check_essay` for a prompt named by id, with the bank's source titles in the tips."""
    return check_essay(find_prompt(bank, prompt_id), text, sources=bank.sources)
