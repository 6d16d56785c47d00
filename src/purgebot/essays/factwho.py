"""Whom a fate word in a second predicate is said of, for `purgebot.essays.factclaims`: the
person the sentence opens with ("Yezhov became the scapegoat and was shot in 1937"), not a
preposition's object ("Zinoviev argued with Stalin and was shot"), and "him" after a causative
"had" ("Stalin made Yezhov the scapegoat and had him shot in 1936")."""

from __future__ import annotations

from purgebot.essays.factheld import person
from purgebot.essays.text import Token, words

SUBJECTS = words("he she they it who which many thousands others")
# Words that may stand between a person and what is said of him.
LINKS = words(
    "was were had been being is are later then eventually also finally soon quickly duly "
    "subsequently himself themselves both all too and in the end afterwards immediately only "
    "first just actually already "
    "arrested tried sentenced convicted condemned found guilty removed sacked dismissed expelled"
)


def shared_subject(tokens: tuple[Token, ...], kept: list[int], v: int) -> int | None:
    """ "Yezhov became the scapegoat and was shot in 1937": a fate word opening a second
    predicate, joined by "and" past linking words, is said of the person the sentence opens
    with, when no one else (nor "who", "they", "thousands") is named before it."""
    if not kept or not person(tokens[kept[0]]):
        return None
    k = v - 1
    while k > 1 and tokens[kept[k]].norm in LINKS and tokens[kept[k]].norm != "and":
        k -= 1
    if k <= 1 or tokens[kept[k]].norm != "and":
        return None
    if any(
        (person(tokens[j]) and not governed(tokens, kept, j, v)) or tokens[j].norm in SUBJECTS
        for j in kept[1:k]
    ):
        return None
    return kept[0]


_PREPOSITIONS = words("with against to by of from for about over than like")


def governed(tokens: tuple[Token, ...], kept: list[int], j: int, v: int) -> bool:
    """The person at j is a preposition's object ("argued with Stalin") and an "and" stands
    between him and the fate word at kept[v]: the fate is not his."""
    if j not in kept:
        return False
    k = kept.index(j)
    if k == 0 or tokens[kept[k - 1]].norm not in _PREPOSITIONS:
        return False
    return any(tokens[i].norm == "and" for i in kept[k + 1 : v])


def had_him(tokens: tuple[Token, ...], kept: list[int], v: int) -> list[int]:
    """ "Stalin made Yezhov the scapegoat and had him shot": "him" after a causative "had /
    got" stands for the one person named before it who is neither the sentence's subject (the
    first person it names) nor the subject of "had" itself."""
    if v < 2 or tokens[kept[v - 1]].norm != "him":
        return []
    if tokens[kept[v - 2]].norm not in ("had", "got"):
        return []
    here = tokens[kept[v - 2]].clause  # "... when the Terror ended Stalin blamed Yezhov ..."
    before = [j for j in kept[: v - 2] if tokens[j].clause == here]
    if before and person(tokens[before[-1]]):
        before = before[:-1]  # "... and Stalin had him shot": Stalin had it done
    people = [j for j in before if person(tokens[j])]
    subject = tokens[people[0]].norm if people else ""  # "Stalin made Yezhov ..."
    named = {tokens[j].norm: j for j in people if tokens[j].norm != subject}
    return list(named.values()) if len(named) == 1 else []
