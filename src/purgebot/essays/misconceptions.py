"""Misconceptions: wrong claims an essay makes, found by the bank's phrases for each claim.

A claim is found where its phrase's words, stop-words too, stand in the phrase's order within
one sentence, at most `GAP` other words between them, none a number (so "Yezhov replaced
Beria" is not "Beria replaced Yezhov", "two years three of the five" not "two of the five",
and "all five marshals" not "three of the five marshals"); each word
is found by its inflections (no synonyms: "killed millions" in a famine is not "executed
millions") or a he/him, and a number of 10,000 or more by any number of the same order of
magnitude ("300,000 officers" finds "370,000
officers"). It counts unless the student negates it, asks it, dismisses it, or reports it as
someone's claim ("Conquest estimated 3 million executions"): "Beria did not write Order 00447"
is right.
A sentence that holds a misconception credits no key point: a death toll inflated tenfold
does not show the human cost, nor the wrong author of an order who signed it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from purgebot.banks.model import EssayPrompt, SourceRef
from purgebot.essays.rules import negated
from purgebot.essays.synonyms import magnitude
from purgebot.essays.text import EssayText, Token, analyse, stem_variants, words


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


GAP = 3  # other words that may stand between a claim's words, all gaps together
# A sentence that reports a claim as someone else's, or as wrong, does not make it.
_REPORTED = words(
    "claimed claims claim estimated estimate estimates according alleged allegedly exaggerated "
    "exaggeration myth wrongly mistakenly supposedly propaganda states stated argues argued "
    "reckoned reported report conquest"
)
_FRACTION = words("a half quarter quarters")  # "three-quarters of a million" is no million


@lru_cache(maxsize=4096)
def _claim_words(phrase: str) -> tuple[frozenset[str], ...]:
    """Each word of a claim's phrase, stop-words included, as the keys it may be found by; a
    number of 10,000 or more is found by any number of its order of magnitude."""
    out: list[frozenset[str]] = []
    tokens = analyse(phrase).tokens
    for n, tok in enumerate(tokens):
        if n and tokens[n - 1].norm[:1].isdigit() and tok.norm in _SCALES:
            continue  # "7 million" is one figure, found by its magnitude
        nxt = tokens[n + 1].norm if n + 1 < len(tokens) else ""
        size = magnitude(_scaled(tok.norm, nxt))
        out.append(frozenset({size}) if size else stem_variants(tok.norm))
    return tuple(out)


_SCALES = {"thousand": 1_000, "million": 1_000_000, "millions": 1_000_000}


def _scaled(norm: str, nxt: str) -> str:
    """'7' before 'million' as '7000000', so a figure in words has a magnitude too."""
    if nxt in _SCALES and norm.replace(".", "", 1).isdigit():
        return str(int(float(norm) * _SCALES[nxt]))
    return norm


def _keys_at(essay: EssayText, index: dict[str, list[int]]) -> list[set[str]]:
    keys: list[set[str]] = [set() for _ in essay.tokens]
    for key, places in index.items():
        for n in places:
            keys[n].add(key)
    tokens = essay.tokens
    for n, tok in enumerate(tokens):
        keys[n].add(tok.norm)
        nxt = tokens[n + 1].norm if n + 1 < len(tokens) else ""
        size = magnitude(_scaled(tok.norm, nxt))
        if size:
            keys[n].add(size)
    return keys


def _ordered(
    essay: EssayText, keys: list[set[str]], words_: tuple[frozenset[str], ...], has_by: bool
) -> list[tuple[int, ...]]:
    """Every place the claim's words stand in order within one sentence, with at most `GAP`
    other words between them, none of them a "by" the claim lacks ("replaced by Beria"), a
    "with" after "replaced" ("replaced him with Beria") or a "but" that opens another claim."""
    tokens = essay.tokens
    found = []
    for start in range(len(tokens)):
        if keys[start].isdisjoint(words_[0]):
            continue
        window, at, gaps = [start], start, 0
        for want in words_[1:]:
            nxt = at + 1
            while nxt < len(tokens) and gaps <= GAP and keys[nxt].isdisjoint(want):
                # "replaced him with Beria" names the successor, as "replaced by Beria" does
                swapped = tokens[nxt].norm == "with" and tokens[at].norm.startswith("replac")
                if (
                    (not has_by and (tokens[nxt].norm == "by" or swapped))
                    or _is_number(tokens[nxt].norm)
                    or _joins_another(tokens, nxt)
                    or tokens[nxt].norm in _CONTRAST
                ):
                    gaps = GAP + 1  # "two years three of the five" is not "two of the five"
                    break
                gaps += 1
                nxt += 1
            if gaps > GAP or nxt >= len(tokens) or tokens[nxt].sentence != tokens[start].sentence:
                break
            window.append(nxt)
            at = nxt
        else:
            found.append(tuple(window))
    return found


_ADJUNCT = words("in on at of during")
# "the murder of Kirov, but in September 1936 he was removed": a "but" opens another claim
_CONTRAST = words("but while whereas although though however yet")


def _joins_another(tokens: tuple[Token, ...], n: int) -> bool:
    """ "in the Winter War and in 1941": an "and" that opens another date or place phrase joins
    another thing to the sentence, not to the claim; "Trotsky's agents, and Radek confessed":
    an "and" before another name opens a clause about that other person."""
    return (
        tokens[n].norm in ("and", "or")
        and n + 1 < len(tokens)
        and (
            tokens[n + 1].norm in _ADJUNCT
            or tokens[n + 1].norm[:1].isdigit()
            or tokens[n + 1].text[:1].isupper()
        )
    )


_NUMBER_WORDS = words("one two three four five six seven eight nine ten dozen hundred")


def _is_number(norm: str) -> bool:
    return norm in _NUMBER_WORDS or norm.replace(".", "", 1).isdigit()


def _fraction_of_million(essay: EssayText, window: tuple[int, ...]) -> bool:
    return any(
        essay.tokens[i].norm in ("million", "millions")
        and i > 0
        and essay.tokens[i - 1].norm in _FRACTION
        for i in window
    )


def _judged_or_contrasted(essay: EssayText, first: int, last: int, start: int) -> bool:
    """ "the numbers he gave, millions shot, are far too high": a figure the sentence judges
    too high or too low is not claimed; "Stalin, unlike Robespierre, survived": the name after
    "unlike" is not the subject of what follows."""
    norms = [t.norm for t in essay.tokens[first:last]]
    judged = any(
        a == "too" and b in ("high", "low", "big", "large", "small")
        for a, b in itertools.pairwise(norms)
    )
    return judged or (start > first and essay.tokens[start - 1].norm == "unlike")


def find_misconceptions(
    prompt: EssayPrompt,
    essay: EssayText,
    index: dict[str, list[int]],
    dismissed: frozenset[int],
) -> tuple[FoundMisconception, ...]:
    """Each of the prompt's misconceptions the essay states, once per sentence, in text order."""
    found: dict[tuple[int, str], FoundMisconception] = {}
    if not prompt.misconceptions:
        return ()
    keys = _keys_at(essay, index)
    for mc in prompt.misconceptions:
        for phrase in mc.phrases:
            words_ = _claim_words(phrase)
            if not words_:
                continue
            has_by = any("by" in w for w in words_)
            wants_negation = any(t.negation for t in analyse(phrase).tokens)
            for window in _ordered(essay, keys, words_, has_by):
                first, last = essay.tokens[window[0]], essay.tokens[window[-1]]
                s = essay.sentences[first.sentence]
                if s.question or any(i in dismissed for i in window):
                    continue
                if negated(essay, window, wants_negation) or _fraction_of_million(essay, window):
                    continue
                if any(t.norm in _REPORTED for t in essay.tokens[s.first : s.last]):
                    continue
                if _judged_or_contrasted(essay, s.first, s.last, window[0]):
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
