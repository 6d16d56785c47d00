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
from purgebot.essays.detect import Match, build_index, detect, subject_of
from purgebot.essays.evidence import Evidence, extract_evidence, names_in
from purgebot.essays.facts import find_fact_errors
from purgebot.essays.misconceptions import FoundMisconception, find_misconceptions
from purgebot.essays.offtopic import is_off_topic
from purgebot.essays.stance import dismissed_tokens
from purgebot.essays.stancemodel import StanceModel
from purgebot.essays.text import analyse, visible

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


def _one_per_place(matches: tuple[Match, ...]) -> tuple[Match, ...]:
    seen: set[tuple[int, int, str | None]] = set()
    kept = []
    for m in matches:
        if (key := (m.start, m.end, m.reason)) not in seen:
            seen.add(key)
            kept.append(m)
    return tuple(kept)


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

    @property
    def shown(self) -> tuple[Match, ...]:
        """The matches as the student sees them: one per place in the essay (two phrases of the
        point that find the same words, "party was full of traitors" and "traitors in the
        party", are one place)."""
        return _one_per_place(self.matches)

    @property
    def refused_shown(self) -> tuple[Match, ...]:
        return _one_per_place(self.refused)

    @property
    def dismissed(self) -> tuple[Match, ...]:
        """Where the essay names the point but dismisses it or says it does not understand it."""
        return () if self.matches else tuple(m for m in self.refused if m.reason == "dismissed")


@dataclass(frozen=True, slots=True)
class Feedback:
    prompt_id: str
    prompt: str
    words: WordCount
    covered: tuple[PointFeedback, ...]
    missed: tuple[PointFeedback, ...]
    evidence: tuple[Evidence, ...]
    outline: tuple[str, ...]
    off_topic: bool = False  # the essay answers another question (see essays.offtopic)
    misconceptions: tuple[FoundMisconception, ...] = ()


def _merge(
    *found: tuple[FoundMisconception, ...],
) -> tuple[FoundMisconception, ...]:
    """The bank's misconceptions and the record's errors, one per sentence (the bank's first:
    its correction is written for the prompt)."""
    seen: dict[int, FoundMisconception] = {}
    for group in found:
        for f in group:
            seen.setdefault(f.index, f)
    return tuple(sorted(seen.values(), key=lambda f: (f.start, f.claim)))


def count_words(text: str) -> int:
    """Words as a reader counts them: 'Stalin's', 'Five-Year', '1,108' and '1936-38' are one."""
    return len(_WORD.findall(visible(text)))


def check_essay(
    prompt: EssayPrompt,
    text: str,
    *,
    sources: Mapping[str, SourceInfo] | None = None,
    names: Iterable[str] = (),
    rivals: Iterable[EssayPrompt] = (),
    stance: StanceModel | None = None,
) -> Feedback:
    """Feedback on one essay for one prompt; `sources` titles the reading tips, `names` adds
    people to look for as evidence (the prompt's own phrases are always searched for names),
    `rivals` are prompts besides the built-in ones that an off-topic essay may answer, `stance`
    the learned stance model (the shipped one by default; `stancemodel.RULES_ONLY` for none)."""
    essay = analyse(text)
    index = build_index(essay, subject_of(prompt))
    dismissed = dismissed_tokens(essay)
    wrong = _merge(
        find_misconceptions(prompt, essay, index, dismissed), find_fact_errors(essay, dismissed)
    )
    points: list[PointFeedback] = []
    results = detect(
        prompt, essay, wrong=frozenset(w.index for w in wrong), index=index, stance=stance
    )
    # Points the essay makes, or names and dismisses, or states wrongly: it engages with them.
    engaged = [
        r.covered or any(m.reason in ("dismissed", "misconception") for m in r.refused)
        for r in results
    ]
    own = sum(engaged) / max(1, len(results))
    for result in results:
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
        off_topic=is_off_topic(prompt, essay, own, rivals, count_words(text)),
        misconceptions=wrong,
    )


def find_prompt(bank: Bank, prompt_id: str) -> EssayPrompt:
    """The bank's essay prompt with this id; UnknownPromptError lists the ids there are."""
    for prompt in bank.essays:
        if prompt.id == prompt_id:
            return prompt
    raise UnknownPromptError(bank, prompt_id)


def check_bank_essay(bank: Bank, prompt_id: str, text: str) -> Feedback:
    """`check_essay` for a prompt named by id, with the bank's source titles in the tips and
    the bank's other prompts among those an off-topic essay may answer."""
    return check_essay(find_prompt(bank, prompt_id), text, sources=bank.sources, rivals=bank.essays)
