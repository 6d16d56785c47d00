"""Who stood together, read against the fact table (`purgebot.essays.facttable`): a person
put at a Moscow show trial he was not tried at ("Pyatakov was a defendant at the first
trial"), two defendants of different trials said to be tried together ("Bukharin, who was
tried together with Zinoviev"), a person put in the other opposition ("Zinoviev and Kamenev
led the Right Opposition").

Only the words between the person and the trial or the opposition are read, and a word that
makes it someone else's ("after", "implicated", "against", "unlike") leaves it alone; a
sentence that names two trials or both oppositions is left alone too.
"""

from __future__ import annotations

import itertools

from purgebot.essays import facttable as ft
from purgebot.essays.text import EssayText, Token, words

_MONTHS = words(
    "january february march april may june july august september october november december"
)

Hit = tuple[str, str, int]

_ORDINALS = {
    "first": "first", "1st": "first", "second": "second", "2nd": "second", "third": "third",
    "3rd": "third", "last": "third", "final": "third",
}  # fmt: skip
_TRIAL = words("trial trials")
_TRIED = words("tried trial dock defendant defendants")
_ACCUSED = words("tried defendant defendants dock accused sentenced condemned convicted stood of")
_WITH = words("with alongside beside together")
_SIDES = words("left right")
# Words that make the trial or the opposition someone else's, or a time, not his.
_ELSEWHERE = words(
    "after before since until following implicated implicate named mentioned denounced "
    "testified against unlike defeated defeat attacked crushed opposed fought beat watched "
    "attended while whereas but blamed enemy enemies rival rivals critic critics opponent "
    "opponents"
)
TRIAL_CORRECTION = (
    "The first Moscow trial (August 1936) tried Zinoviev and Kamenev, the second (January "
    "1937) Pyatakov and Radek, the third (March 1938) Bukharin and Rykov."
)
FACTION_CORRECTION = (
    "Zinoviev, Kamenev and Trotsky led the Left Opposition; Bukharin, Rykov and Tomsky the "
    "Right Opposition."
)


def _person(tok: Token) -> ft.Person | None:
    person = ft.PEOPLE.get(tok.norm)
    return None if person is None or tok.text.endswith(("'s", "\u2019s")) else person


def _clear(tokens: tuple[Token, ...], a: int, b: int) -> bool:
    """Nothing between a person and a trial or opposition makes it someone else's, and both
    stand in one clause (or the second is a relative clause on the first: "X, who was ...")."""
    lo, hi = min(a, b), max(a, b)
    if any(tokens[j].norm in _ELSEWHERE for j in range(lo + 1, hi)):
        return False
    clauses = sorted({tokens[j].clause for j in range(lo, hi + 1)})
    if len(clauses) == 1:
        return True
    opener = next(j for j in range(lo, hi + 1) if tokens[j].clause == clauses[1])
    if len(clauses) == 2:  # "X, who was ...", "the Left Opposition, led by Bukharin"
        return tokens[opener].norm in ("who", "whom", "led", "headed", "the", "a", "an", "one")
    # "Kamenev, once Lenin's deputy, was tried at ...": an aside between the name and its
    # predicate
    last = next(j for j in range(lo, hi + 1) if tokens[j].clause == clauses[-1])
    return len(clauses) == 3 and tokens[last].norm in ("was", "were", "had", "stood")


def _trials(tokens: tuple[Token, ...], kept: list[int]) -> list[Hit]:
    named = {
        _ORDINALS[tokens[kept[k]].norm]: kept[k]
        for k in range(len(kept))
        if tokens[kept[k]].norm in _ORDINALS
        and any(tokens[j].norm in _TRIAL for j in kept[k + 1 : k + 5])  # "last of the trials"
    }
    if len(named) != 1:
        return []
    ((which, at),) = named.items()
    out: list[Hit] = []
    year = _year_of_trial(tokens, kept, kept.index(at))
    if year is not None and year != ft.TRIAL_YEARS[which][0]:
        out.append((f"The {which} Moscow trial is misdated.", TRIAL_CORRECTION, at))
    for i in kept:
        person = _person(tokens[i])
        if person is None or not person.trial or person.trial == which:
            continue
        span = range(max(0, min(i, at) - 2), min(len(tokens), max(i, at) + 4))
        # he is its defendant ("tried at", "a defendant at", "the first trial, of X and Y"),
        # not someone who spoke there ("At the first trial Bukharin denounced Zinoviev")
        accused = any(tokens[j].norm in _ACCUSED for j in span)
        if abs(i - at) <= 12 and accused and _clear(tokens, i, at):
            claim = f"{tokens[i].text} was not tried at that trial."
            out.append((claim, TRIAL_CORRECTION, i))
    return out


_TO_TRIAL_YEAR = (
    words(
        "trial trials show moscow public held staged which was were took place opened began in of "
        "the early late summer spring autumn winter"
    )
    | _MONTHS
)


def _year_of_trial(tokens: tuple[Token, ...], kept: list[int], k: int) -> int | None:
    """ "the first trial, held in August 1938", "the second show trial in 1936": the year said
    of the trial named at kept[k], past only the words of a date."""
    for m in range(k + 1, min(len(kept), k + 14)):
        norm = tokens[kept[m]].norm
        if len(norm) == 4 and norm.isdigit() and 1900 <= int(norm) <= 1960:
            before = tokens[kept[m - 1]].norm
            return None if before in ("before", "after", "until", "since", "by") else int(norm)
        if norm not in _TO_TRIAL_YEAR and not tokens[kept[m]].text[:1].isupper():
            return None  # (a name goes: "the last trial, the trial of Bukharin, took place")
    return None


def _together(tokens: tuple[Token, ...], kept: list[int]) -> list[Hit]:
    """ "X, who was tried together with Y", "X was in the dock alongside Y"."""
    out: list[Hit] = []
    for k, i in enumerate(kept):
        if tokens[i].norm not in _TRIED:
            continue
        ahead = kept[k + 1 : k + 5]
        w = next((n for n, j in enumerate(ahead) if tokens[j].norm in _WITH), None)
        if w is None:
            continue
        other = next((j for j in ahead[w + 1 : w + 3] if _person(tokens[j])), None)
        mine = next((j for j in reversed(kept[max(0, k - 6) : k]) if _person(tokens[j])), None)
        if other is None or mine is None or not _clear(tokens, mine, i):
            continue
        a, b = ft.PEOPLE[tokens[mine].norm], ft.PEOPLE[tokens[other].norm]
        if a.trial and b.trial and a.trial != b.trial:
            claim = f"{tokens[mine].text} and {tokens[other].text} were tried apart."
            out.append((claim, TRIAL_CORRECTION, mine))
    return out


def _factions(tokens: tuple[Token, ...], kept: list[int]) -> list[Hit]:
    sides = {
        tokens[kept[k]].norm: kept[k]
        for k in range(len(kept) - 1)
        if tokens[kept[k]].norm in _SIDES and tokens[kept[k + 1]].norm.startswith("opposition")
    }
    if len(sides) != 1:
        return []
    ((side, at),) = sides.items()
    out: list[Hit] = []
    for i in kept:
        person = _person(tokens[i])
        if person is None or not person.faction or person.faction == side:
            continue
        if abs(i - at) <= 8 and _clear(tokens, i, at):
            claim = f"{tokens[i].text} was not of that opposition."
            out.append((claim, FACTION_CORRECTION, i))
    return out


_HEADS = ("yagoda", "yezhov", "beria")  # the NKVD's heads in turn (facttable's posts)
_LIST = words("and then")
_IN_TURN = words("before after then turn succeeded followed next previous chiefs heads each")
HEADS_CORRECTION = (
    "The NKVD was headed by Yagoda (1934-36), then Yezhov (1936-38), then Beria (from 1938)."
)


_PASSED_ON = words("followed succeeded replaced")


def _in_turn(tokens: tuple[Token, ...], kept: list[int], a: int, b: int) -> bool:
    """Between two names of a list: commas, "and", "then", or a passive "was followed /
    succeeded / replaced by" (not an active "replaced", which turns the order round)."""
    between = [tokens[kept[m]].norm for m in range(a + 1, b)]
    if not all(w in _LIST or w in _PASSED_ON or w in ("was", "were", "by") for w in between):
        return False
    return not any(w in _PASSED_ON for w in between) or "by" in between


def _heads_listed(tokens: tuple[Token, ...], kept: list[int]) -> list[Hit]:
    """ "the three chiefs, Yagoda, Beria and Yezhov, each destroyed the men of the one before":
    the three heads listed (nothing but commas, "and", "then" between) in a sentence that speaks
    of their order or calls them its chiefs, in another order than they served."""
    at = [k for k, i in enumerate(kept) if tokens[i].norm in _HEADS]
    if len(at) != 3 or not all(_in_turn(tokens, kept, a, b) for a, b in itertools.pairwise(at)):
        return []
    if not any(tokens[i].norm in _IN_TURN for i in kept):
        return []
    names = [tokens[kept[k]].norm for k in at]
    if names == list(_HEADS):
        return []
    return [("The NKVD heads are in the wrong order.", HEADS_CORRECTION, kept[at[0]])]


def group_claims(essay: EssayText, kept: list[int]) -> list[Hit]:
    """Every trial or opposition the sentence puts someone in that he was not in, and the
    NKVD's heads listed out of turn."""
    tokens = essay.tokens
    return (
        _trials(tokens, kept)
        + _together(tokens, kept)
        + _factions(tokens, kept)
        + _heads_listed(tokens, kept)
    )
