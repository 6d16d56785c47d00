"""Posts and figures read against the fact table (`purgebot.essays.facttable`): a person
named in a post he never held, or said to hold it since / from / in a year outside his term
("Yezhov, who had run the NKVD since 1934"); a figure given as a historian's that is an order
of magnitude off his own ("Conquest put the executions at 300,000")."""

from __future__ import annotations

from purgebot.essays import facttable as ft
from purgebot.essays.factfigures import MONTHS, number_at, year_of
from purgebot.essays.text import EssayText, Token, words

Hit = tuple[str, str, int]

_ROLE = words("head chief boss leader commissar headed led ran run running charge secretary")
_NKVD = words("nkvd ogpu")
_PLACES = {"leningrad": "leningrad", "moscow": "moscow", "transcaucasia": "transcaucasia"}
_TO_ROLE = words(
    "was were had been who the a an then later also now still already as became become made "
    "appointed named its new newly by"
)


def person(tok: Token) -> ft.Person | None:
    """A person of the table named here, not as another's possessor ("Kirov's killer")."""
    found = ft.PEOPLE.get(tok.norm)
    if found is None or tok.text.endswith(("'s", "\u2019s")):
        return None
    return found


def _post_at(norms: list[str], k: int) -> str | None:
    """The post a role word at k names: "head of the NKVD", "the Leningrad party leader"."""
    near = norms[max(0, k - 3) : k + 6]
    if "deputy" in near or "former" in norms[max(0, k - 2) : k]:
        return None
    if any(w in _NKVD for w in near) or ("secret" in near and "police" in near):
        return "nkvd"
    if "party" in near:
        place = next((_PLACES[w] for w in near if w in _PLACES), None)
        if place:
            return place
    if "heavy" in near and any(w.startswith("industr") for w in near):
        return "heavy-industry"
    return None


def posts(essay: EssayText, kept: list[int]) -> list[Hit]:
    tokens = essay.tokens
    norms = [tokens[i].norm for i in kept]
    out: list[Hit] = []
    for k, w in enumerate(norms):
        if w not in _ROLE or (post := _post_at(norms, k)) is None:
            continue
        holders = ft.POST_HOLDERS[post]
        # the person before the role phrase, past "was the", "who had been", "as", "made"
        start = k
        while start > 0 and norms[start - 1] in (*_NKVD, "party", *_PLACES, "secret", "police",
                                                 "the", "of", "in"):  # fmt: skip
            start -= 1
        j = start - 1
        while j >= 0 and norms[j] in _TO_ROLE and not person(tokens[kept[j]]):
            j -= 1
        if j < 0 or not person(tokens[kept[j]]) or start - j > 6:
            continue
        held_by = ft.PEOPLE[norms[j]]
        if held_by.name not in holders:
            claim = f"{tokens[kept[j]].text} did not hold that post."
            out.append((claim, held_by.correction, kept[j]))
        elif (year := _post_year(tokens, kept, k)) is not None:
            held = dict(held_by.posts).get(post, frozenset())
            if held and year not in held:
                claim = f"{tokens[kept[j]].text} did not hold that post in {year}."
                out.append((claim, held_by.correction, kept[j]))
    return out


def _post_year(tokens: tuple[Token, ...], kept: list[int], k: int) -> int | None:
    """ "ran the NKVD since 1934", "head of the NKVD from 1939", "NKVD chief in 1937": the year
    a post is said to be held in or from (not "until", "before", "after")."""
    for m in range(k + 1, min(len(kept), k + 8)):
        tok = tokens[kept[m]]
        if person(tok):
            return None
        if (year := year_of(tok)) is not None:
            back = m - 1
            while back > k and tokens[kept[back]].norm in MONTHS | words("early late the of"):
                back -= 1
            return year if tokens[kept[back]].norm in ("since", "from", "in") else None
    return None


def historian_figures(essay: EssayText, kept: list[int]) -> list[Hit]:
    """ "Conquest put the figures at 6 million arrested, 300,000 executed": a figure given as
    a historian's (named in the sentence), for what the word right after it counts, an order of
    magnitude off his own."""
    tokens = essay.tokens
    named = [
        ft.HISTORIAN_FIGURES[tokens[i].norm] for i in kept if tokens[i].norm in ft.HISTORIAN_FIGURES
    ]
    if len(named) != 1:
        return []
    (figures, correction, _) = named[0]
    out: list[Hit] = []
    for k, i in enumerate(kept):
        value = number_at(tokens, i, kept[-1] + 1)
        if value is None or value < 1000 or year_of(tokens[i]) is not None:
            continue
        after = [tokens[j].norm for j in kept[k + 1 : k + 7]]
        step = 1 if after[:1] in (["million"], ["thousand"]) else 0
        what = after[step : step + 5]
        while what and what[0] in ("people", "men", "were", "was", "had", "been"):
            what = what[1:]
        kind = next((key for key in figures if what and what[0].startswith(key)), None)
        if (
            kind is None
            and what[:1] in (["dead"], ["died"])
            and any(w.startswith(("camp", "gulag")) for w in what)
        ):
            kind = "camp"
        if kind is None:
            continue
        right = figures[kind]
        if value * 5 <= right or value >= right * 5:
            out.append(("A historian's figure is misquoted.", correction, i))
    return out


_HANDED = ("replac", "succeed")
_NKVD_TURN = ("yagoda", "yezhov", "beria")  # the NKVD's heads in turn (the table's posts)
_THROUGH = words("was were had been later then soon eventually finally until when he")


def successions(tokens: tuple[Token, ...], kept: list[int], he: int | None = None) -> list[Hit]:
    """ "Yagoda was the head of the NKVD until he was replaced by Beria": a head "replaced /
    succeeded by" one who did not come next, the one replaced found past "he" (the sentence's
    subject) and linking words."""
    out: list[Hit] = []
    for k, i in enumerate(kept):
        if not tokens[i].norm.startswith(_HANDED) or k + 2 >= len(kept):
            continue
        if tokens[kept[k + 1]].norm != "by" or tokens[kept[k + 2]].norm not in _NKVD_TURN:
            continue
        m = k - 1
        while m >= 0 and tokens[kept[m]].norm in _THROUGH and tokens[kept[m]].norm != "he":
            m -= 1
        if m >= 0 and tokens[kept[m]].norm == "he":
            m = 0 if not any(tokens[j].norm == "him" for j in kept[:k]) else -1
        named = any(tokens[j].norm in _NKVD_TURN for j in kept[:k])
        if he is not None and not named and tokens[he].norm in _NKVD_TURN:
            before, at = tokens[he].norm, kept[0]  # "He lost his job ... and was replaced by"
        elif m < 0 or tokens[kept[m]].norm not in _NKVD_TURN:
            continue
        else:
            before, at = tokens[kept[m]].norm, kept[m]
        after = tokens[kept[k + 2]].norm
        if _NKVD_TURN.index(after) != _NKVD_TURN.index(before) + 1:
            claim = "The NKVD heads are in the wrong order."
            out.append((claim, ft.PEOPLE[before].correction, at))
    return out
