"""Key-point detection: which of a prompt's key points an essay makes, and which words show it.

A phrase of a key point is found where all its words (stop-words aside, negations kept) stand in
one sentence, in any order, inflected any way, within a span of the phrase's length plus
`EXTRA_SPAN` tokens ("Stalin signed" finds "signed by Stalin" and "Stalin personally signed").
A phrase left with fewer than two content words once its stop-words are dropped is found only
as a whole: every word, side by side and in order, the stop-words as written and the content
word inflected any way, with nothing between but spaces, hyphens or quotes - "only evidence" is
not any "evidence", "from below" not any "below", and "top-down" finds "top down" too.
A he/she standing for the phrase's person must be the phrase's first word (its subject), a him
a later one (`_roles_fit`).
A phrase found is credited unless a rule of `purgebot.essays.rules` refuses it (negated, a
question, a heading, too short a sentence, an item of a list); the point is covered when at least
one of its phrases is credited somewhere in the essay.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from purgebot.banks.model import EssayPrompt, KeyPoint
from purgebot.essays.rules import Reason, refusal
from purgebot.essays.stance import dismissed_tokens
from purgebot.essays.stancemodel import StanceModel, shipped_model, spread
from purgebot.essays.synonyms import family, person_in, word_keys
from purgebot.essays.text import EssayText, Token, analyse, stem_variants

EXTRA_SPAN = 3
# What may stand between the words of a phrase found as a whole: "top-down", the "only" evidence.
_JOINERS = frozenset("-\u2010\u2011\u2012\u2013'\"\u2018\u2019\u201c\u201d")


@dataclass(frozen=True, slots=True)
class Match:
    """One place a phrase of a key point was found, and why it was not credited if it was not."""

    phrase: str
    words: tuple[str, ...]  # the essay's own words that matched, in text order
    text: str  # the essay's text from the first matched word to the last
    start: int  # its character span
    end: int
    sentence: str
    reason: Reason | None = None
    tokens: tuple[int, ...] = field(default=(), compare=False, repr=False)  # the token window

    @property
    def credited(self) -> bool:
        return self.reason is None


@dataclass(frozen=True, slots=True)
class PointResult:
    point: KeyPoint
    credited: tuple[Match, ...]  # where the point is made
    refused: tuple[Match, ...]  # found but not credited, each with its reason

    @property
    def covered(self) -> bool:
        return bool(self.credited)


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    words: tuple[frozenset[str], ...]  # the stems each required word may take
    size: int  # tokens in the phrase, stop-words included
    negated: bool  # the phrase itself holds a negation
    # Found only as a whole, in order: each word's exact form, or None where any inflection
    # of it will do (the content words). Empty for a phrase matched by its content words.
    whole: tuple[str | None, ...] = ()


def is_whole(tokens: tuple[Token, ...]) -> bool:
    """Whether a phrase must be found word for word: dropping its stop-words would leave it
    fewer than two content words ("only evidence", "from below", "cover-up", "of the")."""
    stop_words = any(not (t.content or t.negation) for t in tokens)
    return stop_words and sum(t.content for t in tokens) < 2


def _compile_phrase(text: str) -> _Phrase | None:
    tokens = analyse(text).tokens
    if not tokens:
        return None
    if is_whole(tokens):
        return _Phrase(
            text=text,
            words=tuple(
                stem_variants(t.norm) if t.content else frozenset({t.stem}) for t in tokens
            ),
            size=len(tokens),
            negated=any(t.negation for t in tokens),
            whole=tuple(None if t.content else t.norm for t in tokens),
        )
    required = [t for t in tokens if t.content or t.negation]
    return _Phrase(
        text=text,
        words=tuple(word_keys(t.norm) for t in required),
        size=len(tokens),
        negated=any(t.negation for t in required),
    )


@lru_cache(maxsize=4096)
def compile_phrases(phrases: tuple[str, ...]) -> tuple[_Phrase, ...]:
    return tuple(p for p in map(_compile_phrase, phrases) if p is not None)


def build_index(essay: EssayText, subject: str | None = None) -> dict[str, list[int]]:
    """Token positions by every key a phrase word may look them up by: the stem, its word
    family and synonym group, and for he/him/his the person meant (`synonyms.family`)."""
    index: dict[str, list[int]] = defaultdict(list)
    for n, key in family(essay, subject):
        index[key].append(n)
    for keys in index.values():
        keys.sort()
    return index


def _joined(essay: EssayText, before: Token, after: Token) -> bool:
    """Two neighbouring words of one sentence with only spaces, hyphens or quotes between."""
    gap = essay.text[before.end : after.start]
    return before.sentence == after.sentence and all(c in _JOINERS or c.isspace() for c in gap)


def _whole_windows(
    essay: EssayText, per_word: list[list[int]], phrase: _Phrase
) -> list[tuple[int, ...]]:
    """Every place the phrase stands word for word; tried only where its rarest word is."""
    tokens = essay.tokens
    k = len(phrase.whole)
    anchor = min(range(k), key=lambda w: len(per_word[w]))
    found: list[tuple[int, ...]] = []
    for i in per_word[anchor]:
        first = i - anchor
        if first < 0 or first + k > len(tokens):
            continue
        window = tuple(range(first, first + k))
        if all(
            tokens[j].stem in keys and (norm is None or tokens[j].norm == norm)
            for j, keys, norm in zip(window, phrase.words, phrase.whole, strict=True)
        ) and all(_joined(essay, tokens[j], tokens[j + 1]) for j in window[:-1]):
            found.append(window)
    return _disjoint(found)


def _windows(
    essay: EssayText, index: dict[str, list[int]], phrase: _Phrase
) -> list[tuple[int, ...]]:
    """Smallest spans, each within one sentence, holding every word of the phrase."""
    per_word = [sorted({i for key in keys for i in index.get(key, ())}) for keys in phrase.words]
    if any(not p for p in per_word):
        return []
    if phrase.whole:
        return _whole_windows(essay, per_word, phrase)
    k = len(per_word)
    if k == 1:
        return [(i,) for i in per_word[0]]
    limit = phrase.size + EXTRA_SPAN
    tokens = essay.tokens
    events = sorted((i, w) for w, ps in enumerate(per_word) for i in ps)
    found: list[tuple[int, ...]] = []
    counts = [0] * k
    covered = left = 0
    for right, (ri, rw) in enumerate(events):
        while left < right and tokens[events[left][0]].sentence != tokens[ri].sentence:
            counts[events[left][1]] -= 1
            covered -= counts[events[left][1]] == 0
            left += 1
        counts[rw] += 1
        covered += counts[rw] == 1
        while covered == k and counts[events[left][1]] > 1:
            counts[events[left][1]] -= 1
            left += 1
        if covered == k and ri - events[left][0] < limit:
            last_of: dict[int, int] = {}
            for i, w in events[left : right + 1]:
                last_of[w] = i
            if len(set(last_of.values())) == k and _roles_fit(tokens, phrase, last_of):
                found.append(tuple(sorted(last_of.values())))
    return _disjoint(found)


def _roles_fit(tokens: tuple[Token, ...], phrase: _Phrase, found: dict[int, int]) -> bool:
    """A pronoun standing for a phrase's person keeps the person's role: "he" only for a name
    the phrase opens with (its subject: "Stalin signed"), "him" only for a later one (its
    object: "removal of Stalin" is not "he wanted to remove them")."""
    for w, i in found.items():
        norm = tokens[i].norm
        if norm not in ("he", "she", "him") or tokens[i].stem in phrase.words[w]:
            continue
        if (norm == "him") == (w == 0):
            return False
    return True


def _disjoint(windows: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The tightest windows that share no token, in text order: one match per place."""
    kept: list[tuple[int, ...]] = []
    used: set[int] = set()
    for w in sorted(windows, key=lambda w: (w[-1] - w[0], w[0])):
        if used.isdisjoint(w):
            kept.append(w)
            used.update(w)
    return sorted(kept)


def find(
    essay: EssayText, index: dict[str, list[int]], phrases: tuple[str, ...]
) -> list[tuple[str, bool, tuple[int, ...]]]:
    """Every place one of `phrases` stands: (phrase, it holds a negation, token window)."""
    seen: set[tuple[int, ...]] = set()
    found = []
    for phrase in compile_phrases(phrases):
        for window in _windows(essay, index, phrase):
            if window not in seen:
                seen.add(window)
                found.append((phrase.text, phrase.negated, window))
    return found


def subject_of(prompt: EssayPrompt) -> str | None:
    """The person a prompt asks about ("How much responsibility should Yezhov bear?"): whom
    an essay's he/him most likely means when no one has been named just before."""
    return person_in(prompt.prompt)


def _spread(
    credited: list[Match], refused: list[Match], judged: list[bool], essay: EssayText
) -> tuple[list[Match], list[Match]]:
    """A point's credited mentions near one the model dismissed are dismissed too
    (`stancemodel.spread`)."""
    sentence = [essay.tokens[m.tokens[0]].sentence for m in (*credited, *refused)]
    flags = [False] * len(credited) + [j for m, j in zip(refused, judged, strict=True)]
    gone = spread(sentence, flags)[: len(credited)]
    moved = [replace(m, reason="dismissed") for m, g in zip(credited, gone, strict=True) if g]
    kept = [m for m, g in zip(credited, gone, strict=True) if not g]
    return kept, refused + moved


def detect(
    prompt: EssayPrompt,
    essay: EssayText,
    *,
    wrong: frozenset[int] = frozenset(),
    index: dict[str, list[int]] | None = None,
    stance: StanceModel | None = None,
) -> tuple[PointResult, ...]:
    """Every key point of the prompt with the matches that credit it and those refused;
    `wrong` are the sentences that hold a misconception (found in them is not credited);
    `stance` judges each mention the rules credit (`stancemodel`; the shipped one by default)
    and may only refuse it as dismissed."""
    index = index if index is not None else build_index(essay, subject_of(prompt))
    stance = stance if stance is not None else shipped_model()
    lists: dict[int, dict[int, int]] = {}
    dismissed = dismissed_tokens(essay)
    results = []
    found = [find(essay, index, kp.phrases) for kp in prompt.key_points]
    # Where each point is named: the stance model reads its own term and the others' apart.
    named = [frozenset(i for _, _, w in f for i in w) for f in found]
    everywhere = frozenset().union(*named)
    for kp, places, own in zip(prompt.key_points, found, named, strict=True):
        credited: list[Match] = []
        refused: list[Match] = []
        judged: list[bool] = []  # per refused match: the model dismissed it
        for text, negated, window in places:
            first, last = essay.tokens[window[0]], essay.tokens[window[-1]]
            reason = refusal(essay, window, negated, lists, dismissed)
            if reason is None and first.sentence in wrong:
                reason = "misconception"
            reason_by_model = reason is None and stance.dismisses(
                essay, window, own, everywhere - own
            )
            if reason_by_model:
                reason = "dismissed"
            match = Match(
                phrase=text,
                words=tuple(essay.tokens[i].text for i in window),
                text=" ".join(essay.text[first.start : last.end].split()),
                start=first.start,
                end=last.end,
                sentence=essay.context(first.sentence, first.start, last.end),
                reason=reason,
                tokens=window,
            )
            if match.credited:
                credited.append(match)
            else:
                refused.append(match)
                judged.append(reason_by_model)
        credited, refused = _spread(credited, refused, judged, essay)
        results.append(
            PointResult(
                kp,
                tuple(sorted(credited, key=lambda m: m.start)),
                tuple(sorted(refused, key=lambda m: m.start)),
            )
        )
    return tuple(results)
