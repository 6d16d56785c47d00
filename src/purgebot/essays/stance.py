"""Stance: a term the student names and then dismisses, doubts or admits not understanding.

"He signed Order 00447, but I'm not sure what that order was for" names a point without making
it; crediting it would teach that name-dropping pays. A dismissal cue is

- the writer not knowing, understanding, remembering, seeing or agreeing ("I'm not sure", "I
  can't remember", "I never worked out", "I doubt"), also with the subject left out ("..., but
  don't know what it was"), "whatever that was / means";
- in a clause opened by but / though / yet, "that / this / it" with a negated "matter",
  "important", "true" ("but that didn't matter"), or called a myth, wrong or unlikely;
- a vague naming ("something called X", "X or something", "apparently"), "overrated";
- "..., but I think / believe ..." or "..., but I don't think ..." answering a claim reported as
  someone else's: only the reported clause is set aside. "I don't think he trusted anyone"
  with a claim of its own is the writer's negative claim, left to the negation rules;
- the kinds in `purgebot.essays.stancecues` (alleged, a source's bias, poor verdicts, a
  sentence rejecting the one before).

Its scope is its own clause, the clause just before it in the same sentence (the one the "but"
answers, reaching past clauses of nothing but hedges: "X, apparently, but I'm not sure"),
and, when a sentence opens with a not-knowing or not-thinking cue that names nothing new ("I
can't remember what it said.", "I don't agree."), the whole sentence before. Scope ends where
a clause ends, never at a quote mark.

A clause from "whether" on asks rather than claims ("Historians argue about whether it was driven
from below"): it earns nothing.

Across sentences: a sentence that only reports or presents someone else's idea ("Some historians
say X.", "X is often mentioned.", "There is the argument about X.") is set aside whole when the
next sentence holds the writer's not-knowing or not-thinking cue anywhere ("I have read this but
never understood ..."), opens "Maybe, but ..." / "Perhaps, but ...", or calls it poor ("That
seems like an excuse to me."). A "There is the X about ..." sentence whose later clause says
the writer can't remember or doesn't know is set aside whole.
"""

from __future__ import annotations

from purgebot.essays.stancecues import (
    DOUBT as _DOUBT,
)
from purgebot.essays.stancecues import (
    KNOWING as _KNOWING,
)
from purgebot.essays.stancecues import (
    REPORTING as _REPORTING,
)
from purgebot.essays.stancecues import (
    THINKING as _THINKING,
)
from purgebot.essays.stancecues import (
    biased,
    claims_after,
    poor_verdict,
    regime_claim,
    rejects_previous,
    told_of_that,
)
from purgebot.essays.stancecues import (
    vague as _vague,
)
from purgebot.essays.stancescope import distancing
from purgebot.essays.stancewords import BACK_REFERENCE as _BACK_REFERENCE
from purgebot.essays.stancewords import EMPTY as _EMPTY
from purgebot.essays.stancewords import HEDGES as _HEDGES
from purgebot.essays.stancewords import MATTERS as _MATTERS
from purgebot.essays.stancewords import MAYBE as _MAYBE
from purgebot.essays.stancewords import OVERRATED as _OVERRATED
from purgebot.essays.stancewords import OWN_VIEW as _OWN_VIEW
from purgebot.essays.stancewords import POOR as _POOR
from purgebot.essays.stancewords import REJECT as _REJECT
from purgebot.essays.stancewords import REPORTED as _REPORTED
from purgebot.essays.stancewords import SEEMS as _SEEMS
from purgebot.essays.stancewords import SOFTENERS as _SOFTENERS
from purgebot.essays.stancewords import SUBJECTS as _SUBJECTS
from purgebot.essays.stancewords import TURNS as _TURNS
from purgebot.essays.stancewords import VERDICTS as _VERDICTS
from purgebot.essays.text import EssayText, Sentence, Token


def _after_negation(tokens: tuple[Token, ...], i: int, end: int) -> tuple[int, str] | None:
    """The cue word a negation at i governs, skipping softeners: (index, kind) or None."""
    for j in range(i + 1, min(end, i + 4)):
        norm = tokens[j].norm
        if norm in _KNOWING:
            return j, "knowing"
        if norm in _THINKING:
            return j, "thinking"
        if norm in _MATTERS:
            return j, "matters"
        if norm not in _SOFTENERS and norm not in ("a", "any", "the", "much", "so", "too", "that"):
            return None
    return None


def _contrast(tokens: tuple[Token, ...], i: int, start: int, end: int) -> bool:
    """ "..., but I think ..." after someone else's claim: the writer sets the claim aside."""
    clause = [t for t in tokens[start:i] if t.clause == tokens[i].clause]
    if not clause or clause[0].norm not in _TURNS or tokens[i].norm not in _SUBJECTS:
        return False
    for j in range(i + 1, min(end, i + 4)):
        if tokens[j].norm in _OWN_VIEW:
            return True
        if tokens[j].norm not in _SOFTENERS:
            return False
    return False


def _cue(tokens: tuple[Token, ...], i: int, start: int, end: int) -> str | None:
    """The kind of dismissal cue starting at token i of a sentence [start, end), if any."""
    tok = tokens[i]
    if _vague(tokens, i, end):
        return "knowing"
    if tok.norm in _OVERRATED:  # "the Kirov question is overrated"
        return "matters"
    if biased(tokens, i, end):  # "..., so of course he would say that"
        return "bias"
    if _contrast(tokens, i, start, end):
        return "contrast"
    if (  # ", whatever that was"
        tok.norm == "whatever"
        and i + 2 < end
        and tokens[i + 1].norm in _BACK_REFERENCE
        and any(  # ", whatever that actually means"
            tokens[j].norm in ("was", "is", "means", "meant", "were")
            for j in range(i + 2, min(end, i + 4))
        )
    ):
        return "knowing"
    if tok.norm in _REJECT:  # "..., but that is exaggerated", "..., though I think it's a myth"
        clause = [t for t in tokens[start:i] if t.clause == tok.clause]
        if clause and clause[0].norm in _TURNS and any(t.norm in _BACK_REFERENCE for t in clause):
            return "matters"
        # "Some books say he was only a scapegoat, which is rubbish"
        which = clause[:1] and clause[0].norm == "which" and len(clause) <= 5
        # "..., which was wrong" of a deed is a moral verdict; of a claim reported, a rejection
        said = tok.norm != "wrong" or any(t.norm in _REPORTING for t in tokens[start:i])
        if which and said and clause[1:2] and clause[1].norm in _SEEMS:
            return "matters"
    if poor_verdict(tokens, i, start, end):  # "..., but that is just an excuse for Stalin"
        clause = [t for t in tokens[start:i] if t.clause == tok.clause]
        if clause and clause[0].norm in _TURNS:
            return "matters"
    if tok.norm in _SUBJECTS:
        for j in range(i + 1, min(end, i + 4)):
            norm = tokens[j].norm
            if norm in _DOUBT:
                return "knowing"
            if tokens[j].negation:
                found = _after_negation(tokens, j, end)
                if (
                    found
                    and found[1] == "thinking"
                    and claims_after(
                        tokens, found[0], end, _EMPTY | _MATTERS | _SOFTENERS | _VERDICTS
                    )
                ):
                    # "I don't think he trusted anyone": the writer's own negative claim, left
                    # to the negation rules; only a reported claim before it is set aside
                    return "denial"
                if found and found[1] in ("knowing", "thinking"):
                    return found[1]
                return None
            if norm not in _SOFTENERS:
                return None
        return None
    if (  # "- not that I know what it was"
        tok.norm == "not"
        and i + 3 < end
        and tokens[i + 1].norm == "that"
        and tokens[i + 2].norm in _SUBJECTS
        and (tokens[i + 3].norm in _KNOWING or tokens[i + 3].norm in _THINKING)
    ):
        return "knowing"
    if tok.negation and tok.norm in ("not", "no", "never"):
        found = _after_negation(tokens, i, end)
        if found is None:
            return None
        j, kind = found
        if kind == "knowing" and tokens[j].norm in ("sure", "idea", "clue"):
            return "knowing"
        before = [t for t in tokens[start:i] if t.clause == tok.clause]
        elided = before and before[0].norm in (*_TURNS, "and")  # "..., but don't know what"
        if (
            kind in ("knowing", "thinking")
            and elided
            and all(t.norm in _SOFTENERS for t in before[1:])
        ):
            return kind
        if kind == "matters":
            clause = [t for t in tokens[start:i] if t.clause == tok.clause]
            opens = clause[0].norm if clause else ""
            refers = any(t.norm in _BACK_REFERENCE for t in clause)
            rest = [t for t in tokens[j + 1 : end] if t.clause == tok.clause]
            # "That is not true." of the sentence before, not "It is not true that X" (negated)
            verdict = (
                len(clause) <= 3
                and tokens[j].norm in _VERDICTS
                and not any(t.content or t.norm == "that" for t in rest)
            )
            if refers and (opens in _TURNS or verdict):
                return "matters"
    return None


_HEDGED = [["i", "think"], ["i", "believe"], ["i", "guess"], ["i", "reckon"], ["i", "suppose"]]


def _previous_clause(tokens: tuple[Token, ...], before: list[int]) -> list[int]:
    """The clause a cue answers: the one just before, reaching past clauses that hold nothing
    but hedges ("There was pressure from below, apparently, but I'm not sure ...")."""
    out: list[int] = []
    while before:
        last = tokens[before[-1]].clause
        part = [j for j in before if tokens[j].clause == last]
        out = part + out
        before = before[: -len(part)]
        aside = any(tokens[j].norm in _REPORTING for j in part) and tokens[part[0]].norm in (
            "or",
            "as",
            "according",
        )  # "X, or so my textbook says, but I'm not convinced"
        # "He wrote some order, 00447 I think, but I'm not sure what it was for": a name with
        # "I think" after it is a hedge on the clause before, which the cue reaches too
        hedged = len(part) <= 4 and [tokens[j].norm for j in part[-2:]] in _HEDGED
        # "..., if I remember right, but I'm not certain": a hedge of the writer's own memory
        hedged = hedged or [tokens[j].norm for j in part[:2]] == ["if", "i"]
        if hedged:
            continue
        if not aside and any(
            tokens[j].content and tokens[j].norm not in _HEDGES and tokens[j].norm not in _SOFTENERS
            for j in part
        ):
            break
    return out


def _reported(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """The sentence [first, last) reports or presents an idea that is not the writer's own."""
    span = [tokens[j].norm for j in range(first, last)]
    return any(w in _REPORTED for w in span) and not any(w in _SUBJECTS for w in span)


def _conceded(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "Maybe, but ..." opening a sentence: the writer grants the one before only to set it
    aside."""
    return tokens[first].norm in _MAYBE and any(
        tokens[j].norm in _TURNS for j in range(first + 1, min(last, first + 3))
    )


def _rejected(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """ "That seems like a cop-out to me.", "This is just an excuse.": a sentence opening with
    "that / this / it" and a verb of seeming whose own clause calls it poor."""
    if last - first < 3 or tokens[first].norm not in _BACK_REFERENCE:
        return False
    if tokens[first + 1].norm not in _SEEMS:
        return False
    clause = [t for t in tokens[first:last] if t.clause == tokens[first].clause]
    return any(t.norm in _POOR for t in clause) and not any(t.negation for t in clause)


def dismissed_tokens(essay: EssayText) -> frozenset[int]:
    """Indexes of the tokens inside the scope of a dismissal cue (see the module rules)."""
    tokens = essay.tokens
    out: set[int] = set()
    for n, s in enumerate(essay.sentences):
        prev = essay.sentences[n - 1] if n else None
        reported = prev is not None and _reported(tokens, prev.first, prev.last)
        # "They were accused of plotting with Trotsky. It was nonsense, of course.": the
        # regime's charge denied; telling of the charge is the writer's point
        charged = prev is not None and regime_claim(tokens, prev.first, prev.last)
        if (
            prev is not None
            and s.last > s.first
            and not charged
            and (
                rejects_previous(tokens, s.first, s.last, reported)
                or (
                    reported
                    and (_conceded(tokens, s.first, s.last) or _rejected(tokens, s.first, s.last))
                )
            )
        ):
            out.update(range(prev.first, prev.last))
        out.update(_scoped(tokens, s.first, s.last, prev is not None and reported, prev))
        for i in range(s.first, s.last):
            if tokens[i].norm == "whether":  # an open question, not a claim: "whether X or Y"
                out.update(j for j in range(i, s.last) if tokens[j].clause == tokens[i].clause)
                continue
            kind = _cue(tokens, i, s.first, s.last)
            if kind is None:
                continue
            clause = tokens[i].clause
            own = [j for j in range(s.first, s.last) if tokens[j].clause == clause]
            before = [j for j in range(s.first, own[0]) if tokens[j].clause < clause]
            previous = _previous_clause(tokens, before)
            if kind in ("contrast", "denial"):  # only someone else's claim is set aside
                if any(tokens[j].norm in _REPORTING for j in previous) and not any(
                    tokens[j].norm in _SUBJECTS for j in previous
                ):
                    out.update(previous)
                if kind == "denial" and prev is not None and reported:
                    out.update(range(prev.first, prev.last))  # "Some say X. I don't think Y."
                continue
            if kind == "bias":  # "Trotsky called it paranoia, but ... he would say that"
                earlier = [j for j in range(s.first, i) if tokens[j].clause < clause]
                if any(tokens[j].norm in _REPORTING for j in earlier):
                    out.update(earlier)
                elif prev is not None and reported:
                    out.update(range(prev.first, prev.last))
                out.update(own)
                continue
            out.update(own)
            out.update(previous)
            denied = charged and tokens[i].norm in ("proof", "evidence")
            if prev is not None and reported and kind in ("knowing", "thinking") and not denied:
                out.update(range(prev.first, prev.last))  # "Some say X. I'm not convinced."
            if prev is not None and kind == "knowing" and told_of_that(tokens, previous):
                out.update(range(prev.first, prev.last))  # "My teacher said that, but I never"
            if kind == "knowing" and tokens[s.first].norm == "there":
                # "There is the thing about X, ..., but I can't remember ...": the whole sentence
                out.update(j for j in range(s.first, i) if tokens[j].clause < clause)
            opening = all(  # nothing new before the cue: "What that actually was, I can't say."
                tokens[j].norm in _TURNS
                or tokens[j].norm in _EMPTY
                or tokens[j].norm in _SOFTENERS
                or not tokens[j].content
                for j in range(s.first, i)
            )
            refers_back = not any(
                tokens[j].content
                and tokens[j].norm not in _EMPTY
                and tokens[j].norm not in _KNOWING
                and tokens[j].norm not in _DOUBT
                and tokens[j].norm not in _VERDICTS
                and tokens[j].norm not in _MATTERS
                and tokens[j].norm not in _THINKING
                and tokens[j].norm not in _SUBJECTS
                and tokens[j].norm not in _SOFTENERS
                for j in own
            )
            denies = kind == "matters" and any(tokens[j].norm in _VERDICTS for j in own)
            if (kind in ("knowing", "thinking") or denies) and opening and refers_back and n > 0:
                p = essay.sentences[n - 1]
                out.update(range(p.first, p.last))
    return frozenset(out)


def _scoped(
    tokens: tuple[Token, ...], first: int, last: int, reported: bool, prev: Sentence | None
) -> set[int]:
    """The words a later clause of the sentence distances the writer from (`stancescope`)."""
    out: set[int] = set()
    for clause in sorted({tokens[j].clause for j in range(first, last)})[1:]:
        own = [j for j in range(first, last) if tokens[j].clause == clause]
        before = [j for j in range(first, own[0]) if tokens[j].clause < clause]
        kind = distancing(tokens, own, before)
        if kind is None:
            continue
        out.update(own)
        if kind != "source":
            out.update(_previous_clause(tokens, before))
        elif any(tokens[j].norm in _REPORTING for j in before):
            said = next(j for j in before if tokens[j].norm in _REPORTING)
            out.update(j for j in before if tokens[j].clause >= tokens[said].clause)
        elif reported and prev is not None:
            out.update(range(prev.first, prev.last))
    return out
