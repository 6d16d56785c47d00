"""Misconceptions: wrong claims an essay makes, found by the bank's phrases for each claim.

A claim is found the way a key point's phrase is (`purgebot.essays.detect`), and counts unless
the student negates it, asks it, or dismisses it ("Beria did not write Order 00447" is right).
A sentence that holds a misconception credits no key point: a death toll inflated tenfold
does not show the human cost, nor the wrong author of an order who signed it.
"""

from __future__ import annotations

from dataclasses import dataclass

from purgebot.banks.model import EssayPrompt, SourceRef
from purgebot.essays.detect import find
from purgebot.essays.rules import negated
from purgebot.essays.text import EssayText


@dataclass(frozen=True, slots=True)
class FoundMisconception:
    """One wrong claim in an essay, with the sentence that holds it and the correction."""

    claim: str
    sentence: str  # the essay's sentence, on one line
    correction: str
    source: SourceRef | None
    start: int  # character span of the words that matched
    end: int
    index: int  # the sentence's number in the essay


def find_misconceptions(
    prompt: EssayPrompt,
    essay: EssayText,
    index: dict[str, list[int]],
    dismissed: frozenset[int],
) -> tuple[FoundMisconception, ...]:
    """Each of the prompt's misconceptions the essay states, once per sentence, in text order."""
    found: dict[tuple[int, str], FoundMisconception] = {}
    for mc in prompt.misconceptions:
        for _, wants_negation, window in find(essay, index, mc.phrases):
            first, last = essay.tokens[window[0]], essay.tokens[window[-1]]
            s = essay.sentences[first.sentence]
            if s.question or any(i in dismissed for i in window):
                continue
            if negated(essay, window, wants_negation):
                continue
            key = (first.sentence, mc.claim)
            if key not in found:
                found[key] = FoundMisconception(
                    claim=mc.claim,
                    sentence=" ".join(essay.text[s.start : s.end].split()),
                    correction=mc.correction,
                    source=mc.source,
                    start=first.start,
                    end=last.end,
                    index=first.sentence,
                )
    return tuple(sorted(found.values(), key=lambda f: (f.start, f.claim)))
