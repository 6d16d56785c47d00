"""Whose event a year is said of, for `purgebot.essays.factdates`: a year naming a body of
people ("the 1934 delegates") dates nothing; a name only as a possessor far from the event's
word ("after Kirov's murder and shot in 1936"), a causative "had X shot" and a verb with its
own object ("Yezhov shot a man") make the fate someone else's. `word_of`, which every year
of an essay asks of every event's words, is cached by the words alone."""

from __future__ import annotations

from functools import lru_cache

from purgebot.essays import factdata as fd
from purgebot.essays.factfigures import starts
from purgebot.essays.text import Token, words


def word_of(tokens: tuple[Token, ...], i: int, group: tuple[str, ...]) -> bool:
    """Whether the word at i is one of the group's; "took>over" is "took" before "over"."""
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return _word_in(tokens[i].norm, nxt, group)


@lru_cache(maxsize=65536)
def _word_in(norm: str, nxt: str, group: tuple[str, ...]) -> bool:
    """`word_of` by the words alone, cached: every year of an essay is read against every
    event's groups."""
    for stem in group:
        first, _, then = stem.partition(">")
        if starts(norm, (first,)) and (not then or nxt == then):
            return True
    return False


_GROUPS = words(
    "delegates delegate members member leadership politburo committee officers generals"
)


def names_a_group(tokens: tuple[Token, ...], i: int) -> bool:
    """ "only 59 of the 1934 delegates": a year naming a body of people dates nothing."""
    return (
        0 < i < len(tokens) - 1
        and tokens[i - 1].norm in ("the", "his", "their", "its")
        and tokens[i + 1].norm in _GROUPS
    )


def owned_elsewhere(
    tokens: tuple[Token, ...], clause: list[int], pos: dict[int, int], p: int, event: fd.Event
) -> bool:
    """ "Zinoviev and Kamenev were arrested after Kirov's murder and shot in 1936": the event's
    name only as a possessor ("Kirov's murder"), its word by the year far past it, is not
    what the year is said of."""
    names = [j for j in clause if word_of(tokens, j, event.groups[0])]
    return bool(names) and all(
        tokens[j].text.endswith(("'s", "\u2019s")) and pos[p] - pos[j] > 2 for j in names
    )


_CAUSING = words("had has have got")
_OBJECTS = words("the his her their many all thousands hundreds him them most some a an")


def causative(tokens: tuple[Token, ...], clause: list[int], pos: dict[int, int], p: int) -> bool:
    """ "Yezhov, who had Yagoda's men shot in 1937": "had" with an object before the event's
    verb makes the verb the object's, not the name's."""
    before = clause[max(0, pos[p] - 5) : pos[p]]
    for k, j in enumerate(before[:-1]):
        nxt = tokens[before[k + 1]]
        if tokens[j].norm in _CAUSING and (nxt.text[:1].isupper() or nxt.norm in _OBJECTS):
            return True
    return False


def active_object(
    tokens: tuple[Token, ...], clause: list[int], pos: dict[int, int], p: int
) -> bool:
    """ "Yezhov shot a man in 1937": a fate verb with its own object is done by the name, not
    to it."""
    k = pos[p] + 1
    if k >= len(clause) or tokens[p].norm not in ("shot", "executed", "killed", "arrested"):
        return False
    return tokens[clause[k]].norm in _OBJECTS and tokens[clause[k]].norm != "the"
