"""Phrases the claim reader (`purgebot.essays.factclaims`) reads as one: a fate said in
several words ("put to death", "took his own life"), "taken to the Lubianka" for an arrest, a
time after a verb ("a few months later"), a "by" agent, and the event "after" names."""

from __future__ import annotations

from purgebot.essays.factfigures import year_of
from purgebot.essays.text import Token, words

LATER = words("a few some several months month years year weeks week days later two three")


# A fate said in several words, and the kind it is.
_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("put", "to", "death"), "execution"),
    (("faced", "a", "firing", "squad"), "execution"),
    (("sentenced", "to", "death"), "execution"),
    (("liquidated",), "execution"),
    (("took", "his", "own", "life"), "suicide"),
    (("lost", "his", "life"), "death"),
    (("perished",), "death"),
)


_FIRSTS = frozenset(words_[0] for words_, _ in _PHRASES)


def phrase_at(tokens: tuple[Token, ...], kept: list[int], v: int) -> tuple[str, int]:
    """The kind of fate a phrase starting at v says, and where it ends ("", v: none)."""
    if tokens[kept[v]].norm not in _FIRSTS:
        return "", v
    for words_, kind in _PHRASES:
        got = tuple(tokens[kept[m]].norm for m in range(v, min(len(kept), v + len(words_))))
        if got == words_:
            return kind, v + len(words_) - 1
    return "", v


_PRISONS = words("lubianka lubyanka")


def taken_to_prison(tokens: tuple[Token, ...], kept: list[int], v: int) -> int:
    """ "taken to the Lubianka": where the prison stands (0: not such a phrase)."""
    if tokens[kept[v]].norm not in ("taken", "brought", "dragged"):
        return 0
    for m in range(v + 1, min(len(kept), v + 4)):
        if tokens[kept[m]].norm in _PRISONS:
            return m
    return 0


def event_then(tokens: tuple[Token, ...], kept: list[int], k: int) -> int:
    """ "shot after a show trial in 1937": where the year of the event after "after" stands
    (0: none within a short noun phrase)."""
    for m in range(k + 1, min(len(kept) - 1, k + 5)):
        if tokens[kept[m]].norm in ("in", "of") and year_of(tokens[kept[m + 1]]) is not None:
            return m + 1
        if not tokens[kept[m]].content and tokens[kept[m]].norm not in ("a", "an", "the", "his"):
            return 0
    return 0


def agent_end(tokens: tuple[Token, ...], kept: list[int], k: int) -> int:
    """Where a "by" agent before "in / on / at" ends (0: "by" is a bound, "by 1938")."""
    for m in range(k + 1, min(len(kept), k + 5)):
        if year_of(tokens[kept[m]]) is not None:
            return 0
        if m > k + 1 and tokens[kept[m]].norm in ("in", "on", "at"):
            return m
    return 0


def later(tokens: tuple[Token, ...], kept: list[int], v: int) -> bool:
    """ "shot a few months later", "arrested two years later": a time after the verb, no
    object."""
    k = v + 1
    while k < len(kept) and tokens[kept[k]].norm in LATER and tokens[kept[k]].norm != "later":
        k += 1
    return k < len(kept) and k > v + 1 and tokens[kept[k]].norm == "later"
