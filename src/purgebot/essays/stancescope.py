"""Stance by scope (issue 15, round 6): a clause in which the writer distances themselves from the
claim just made, read from what the clause is about rather than from a list of whole phrases.

A clause is first normalised: intensifiers ("actually", "really", "exactly", "even") and
reflexives ("himself") say nothing about stance and are dropped. Then three shapes:

- not knowing a term of the claim: "..., whatever a marshal is", "..., whatever the Politburo
  really was": a "whatever" clause ending in a verb of being or meaning whose noun is a term of
  the clause before ("whatever its faults were" names nothing of the claim: a concession);
- the writer's own poor verdict on the claim: "..., which sounds like an excuse to me", "..., and
  that seems like a fairy tale to me": a clause that refers back ("which / that / this / it"),
  with a verb of seeming and a poor word; an excuse that is the point ("an excuse to arrest his
  rivals", "an excuse for the arrests") is not a verdict;
- setting a source aside: "..., so I would not take much notice of what he says", "I don't
  trust what they wrote": a negated clause of the writer's whose object is what someone says.
"""

from __future__ import annotations

from purgebot.essays.stancecues import POOR
from purgebot.essays.text import Token, words

_FILLER = words("actually really exactly even truly precisely himself herself itself themselves")
_BEING = words("is are was were means meant mean involved involves entailed")
_POINTING = words("that this it he she")  # not "whoever they were": anyone at all
_DETERMINERS = words("a an the this that these those")
_BACK = words("which that this it")
_SEEMING = words("sounds sounded seems seemed looks looked feels felt")
_VERDICT_WORDS = POOR | words(
    "excuse cop fairytale fairy tale story joke convenient unconvincing fishy"
)
_FIRST_PERSON = words("i i'd i'm we me")
_SPEAKERS = words("he she they it trotsky stalin khrushchev conquest")
_SAYING = words("say says said write writes wrote claim claims claimed thinks thought")


def _clean(tokens: tuple[Token, ...], part: list[int]) -> list[int]:
    """The clause without intensifiers and reflexives."""
    return [j for j in part if tokens[j].norm not in _FILLER]


def _unknown_term(tokens: tuple[Token, ...], part: list[int], before: list[int]) -> bool:
    """ "whatever a marshal (actually) is", said of a term in the clause before."""
    if len(part) < 3 or tokens[part[0]].norm not in ("whatever", "whoever"):
        return False
    if tokens[part[-1]].norm not in _BEING:
        return False
    noun = [j for j in part[1:-1] if tokens[j].norm not in _DETERMINERS - _POINTING]
    if not noun or len(noun) > 4:
        return False
    # "whatever that involved", "whoever he was", "whatever the point of that was"
    if any(tokens[j].norm in _POINTING for j in noun):
        return True
    stems = {tokens[j].stem for j in before if tokens[j].content}
    return len(noun) <= 2 and any(tokens[j].stem in stems for j in noun)


def _poor_verdict(tokens: tuple[Token, ...], part: list[int]) -> bool:
    """ "which sounds like an excuse to me": the writer's verdict on the claim before."""
    n = 1 if tokens[part[0]].norm in ("and", "but") else 0
    if n >= len(part) or tokens[part[n]].norm not in _BACK:
        return False
    norms = [tokens[j].norm for j in part]
    if not any(w in _SEEMING for w in norms[n + 1 : n + 3]):
        return False
    if any(tokens[j].negation for j in part):
        return False
    for k, w in enumerate(norms):
        if w in _VERDICT_WORDS:
            after = norms[k + 1 : k + 3]
            # "an excuse to arrest his rivals", "an excuse for the arrests": the point itself
            point = after[:1] in (["to"], ["for"]) and after[1:2] not in (["me"], ["us"])
            if not point:
                return True
    return False


def _source_set_aside(tokens: tuple[Token, ...], part: list[int]) -> bool:
    """ "I would not take much notice of what he says": a negated clause of the writer's whose
    object is what someone says."""
    norms = [tokens[j].norm for j in part]
    if not any(w in _FIRST_PERSON for w in norms) or not any(tokens[j].negation for j in part):
        return False
    return any(
        w == "what"
        and norms[k + 1 : k + 2]
        and norms[k + 1] in _SPEAKERS
        and any(x in _SAYING for x in norms[k + 2 : k + 4])
        for k, w in enumerate(norms)
    )


def distancing(tokens: tuple[Token, ...], part: list[int], before: list[int]) -> str | None:
    """The kind of distancing the clause `part` does to the claim in `before` (the sentence's
    earlier words), or None: "term", "verdict" or "source"."""
    part = _clean(tokens, part)
    if not part or not before:
        return None
    if _unknown_term(tokens, part, before):
        return "term"
    if _poor_verdict(tokens, part):
        return "verdict"
    if _source_set_aside(tokens, part):
        return "source"
    return None
