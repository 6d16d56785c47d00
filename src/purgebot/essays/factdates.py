"""Events paired with the wrong year or place, for `purgebot.essays.facts`: "Kirov was
murdered in 1935", "Hitler, who came to power in 1936", "the show trials were held in Leningrad".

A year counts when it stands within `NEAR` words of the event's words in one clause, with no
"before / after / by / until / since" in front of it, no other event in the clause that it fits,
and a range ("1936-38") is wrong only when no year of it fits.
"""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.factfigures import MONTHS, starts, year_of
from purgebot.essays.factwhose import (
    active_object,
    causative,
    names_a_group,
    owned_elsewhere,
    word_of,
)
from purgebot.essays.text import EssayText, Token, words

NEAR = 4  # words between an event's words and its year
# "since 1937" dates a start, so it is read as a date ("circulating since 1937").
_NOT_AT = frozenset({"before", "after", "by", "until", "till", "prior", "following"})


def _years_at(essay: EssayText, i: int, last: int) -> frozenset[int]:
    """The year at token i, or every year of a range written "1936-38" / "1936 to 1938"."""
    tokens = essay.tokens
    year = year_of(tokens[i])
    assert year is not None
    if i + 1 < last:
        nxt = tokens[i + 1]
        gap = essay.text[tokens[i].end : nxt.start].strip()
        end = None
        if gap in ("-", "–", "—", "/") and nxt.norm.isdigit():
            end = int(nxt.norm) + (1900 if len(nxt.norm) == 2 else 0)
        elif nxt.norm in ("to", "and") and i + 2 < last and year_of(tokens[i + 2]):
            end = year_of(tokens[i + 2])
        if end and year < end <= year + 10:
            return frozenset(range(year, end + 1))
    return frozenset({year})


def _after_by(tokens: tuple[Token, ...], i: int, group: tuple[str, ...]) -> bool:
    """A name just after "by" ("replaced by Yezhov in 1936 and shot") or after "replaced" ("Beria
    replaced Yezhov in 1938") is not what the clause's year is about; a verb after "by" is fine."""
    before = tokens[i - 1].norm if i > 0 else ""
    after = before in ("by", "from") or starts(before, ("replac", "succeed"))
    return after and tokens[i].text[:1].isupper()


_MODIFIED = words(
    "list lists sentence sentences warrant warrants penalty quota quotas squad squads toll camp "
    "camps order orders"
)


_ATTRIBUTIVE = words("death execution murder killing shooting arrest trial")


def modifier(tokens: tuple[Token, ...], i: int) -> bool:
    """ "Stalin signed death lists in 1937": a word of an event used to name something else
    (a death list is no death)."""
    return (
        i + 1 < len(tokens) and tokens[i + 1].norm in _MODIFIED and tokens[i].norm in _ATTRIBUTIVE
    )


def _owner(tokens: tuple[Token, ...], i: int, verbs: tuple[str, ...]) -> bool:
    """A possessive name followed by another noun than the event's ("Trotsky's supporters")."""
    text = tokens[i].text
    if not text.endswith(("'s", "\u2019s")) or i + 1 >= len(tokens):
        return False
    nxt = i + 1
    return tokens[nxt].content and not word_of(tokens, nxt, verbs)


def _event_places(
    clause: list[int], tokens: tuple[Token, ...], event: fd.Event, anchor: int | None = None
) -> list[int]:
    """Token indexes of the clause where every group of the event stands close together. A
    name put before a relative clause (`anchor`, see `factclauses.with_antecedent`) is what the
    clause is said of, so it counts as standing beside the clause's other event words."""
    if event.not_with and any(starts(tokens[i].norm, event.not_with) for i in clause):
        return []
    hits = [
        [
            i
            for i in clause
            if word_of(tokens, i, g) and not _after_by(tokens, i, g) and not modifier(tokens, i)
        ]
        for g in event.groups
    ]
    if len(hits) == 2:  # "Trotsky's supporters were shot": someone else's event, not his
        others = event.groups[1]
        hits[0] = [i for i in hits[0] if not _owner(tokens, i, others)]
    if anchor is not None:
        rest = [i for h in hits if anchor not in h for i in h]
        hits = [[min(rest)] if anchor in h and rest else h for h in hits]
    if any(not h for h in hits):
        return []
    places = [i for h in hits for i in h]
    pos = {tok: k for k, tok in enumerate(clause)}  # a clause joined across an aside is one run
    at = [[pos[i] for i in h] for h in hits]
    if max(min(h) for h in at) - min(max(h) for h in at) > len(event.groups) + 2:
        return []
    return places


_TIME_VERBS = words("took place happened occurred began begun started ended dates dated date came")
_DATE_WORDS = words("of in on the early late mid end start beginning")
# Words of a date that put no distance between an event and its year: "shot at the end of
# December 1934", "issued in the summer of 1937".
DATE_FILLER = _DATE_WORDS | words("at spring summer autumn fall winter")


def _gap(tokens: tuple[Token, ...], between: list[int]) -> int:
    """Words from one place to another, not counting the words of a date or an adverb of time
    between them ("shot straight away in December 1934")."""
    return 1 + sum(
        1
        for j in between
        if tokens[j].norm not in DATE_FILLER
        and tokens[j].norm not in MONTHS
        and tokens[j].norm not in _SOON
    )


_DURING = words("during throughout amid")


_SOON = words("straight away immediately soon quickly later eventually then finally once already")


def _bounded(tokens: tuple[Token, ...], i: int) -> bool:
    """ "before 1936", "until November 1938", "by the end of 1938": a bound, not a date."""
    for j in range(i - 1, max(-1, i - 5), -1):
        norm = tokens[j].norm
        if norm in _NOT_AT:
            return True
        if norm not in MONTHS and norm not in _DATE_WORDS and not norm.isdigit():
            return False
    return False


def _month_at(tokens: tuple[Token, ...], i: int) -> str | None:
    """The month written with the year at i: "December 1934", "December of 1934"."""
    if i and tokens[i - 1].norm in MONTHS:
        return tokens[i - 1].norm
    if i > 1 and tokens[i - 1].norm == "of" and tokens[i - 2].norm in MONTHS:
        return tokens[i - 2].norm
    return None


_CLAUSAL = words("and or who which that whose when while after before")


def _fits(event: fd.Event, years: frozenset[int], month: str | None) -> bool:
    return bool(years & event.years) and (
        month is None or not event.months or month in event.months
    )


def _apart(tokens: tuple[Token, ...], p: int, i: int, between: list[int]) -> bool:
    """Whether the year at i is said of another verb than the event word at p: an "and" / "or"
    between them, or the event after a later "after / before" ("shot in 1937 after the second
    trial": the trial is a landmark, not what 1937 dates)."""
    words_ = {tokens[j].norm for j in between}
    return bool(words_ & {"and", "or"}) or (p > i and bool(words_ & _LANDMARK))


_LANDMARK = words("after before following")
_SIDES = words("against with")


def dated(
    essay: EssayText, clause: list[int], last: int, anchor: int | None = None
) -> list[tuple[str, str, int]]:
    """Events of the clause given a year (or a month of the right year) they did not happen
    in. An event the year fits stops the flag unless an "and" / "or" stands between them ("tried
    and shot in 1935": the year is said of the shooting)."""
    tokens = essay.tokens
    out: list[tuple[str, str, int]] = []
    pos = {tok: k for k, tok in enumerate(clause)}  # places in the clause as joined

    def inner(a: int, b: int) -> list[int]:
        return clause[min(pos[a], pos[b]) + 1 : max(pos[a], pos[b])]

    for i in clause:
        if year_of(tokens[i]) is None or _bounded(tokens, i) or names_a_group(tokens, i):
            continue
        years = _years_at(essay, i, last)
        month = _month_at(tokens, i) if len(years) == 1 else None

        near: list[tuple[int, int, fd.Event]] = []  # distance, nearest word, event
        found: dict[str, set[int]] = {}
        for event in fd.EVENTS:
            places = _event_places(clause, tokens, event, anchor)
            if places:
                p = min(places, key=lambda p: abs(pos[p] - pos[i]))
                near.append((abs(pos[p] - pos[i]), p, event))
                found[event.claim] = found.get(event.claim, set()) | set(places)
        # "the first show trial took place in 1938": an event named by more of the same words
        # (the first trial, not any show trial) is the one the year is said of
        narrower = {c for c, ws in found.items() if any(o != c and ws > found[o] for o in found)}
        broader = {c for c in found if any(found[c] < found[n] for n in narrower if n != c)}
        if any(
            _fits(e, years, month)
            and e.claim not in broader
            and not _apart(tokens, p, i, inner(p, i))
            for _, p, e in near
        ):
            continue
        unfit = [(d, p, e) for d, p, e in near if not _fits(e, years, month)]
        if not unfit:
            continue
        _, p, event = min(unfit, key=lambda x: x[0])
        if (
            owned_elsewhere(tokens, clause, pos, p, event)
            or causative(tokens, clause, pos, p)
            or active_object(tokens, clause, pos, p)
        ):
            continue
        between = inner(p, i)
        if pos[p] < pos[i]:  # "ran the NKVD during the worst of the killing in 1937": a time
            # phrase that runs up to the year is the year's, no distance
            between = between[
                : next(
                    (k for k, j in enumerate(between) if tokens[j].norm in _DURING), len(between)
                )
            ]
        others = {
            w
            for j in between
            if tokens[j].content
            and not tokens[j].text[:1].isupper()  # "murdered in Leningrad in 1935"
            and (w := tokens[j].norm) not in MONTHS
            and w not in _TIME_VERBS
            and w not in _SOON
            and w not in _SIDES  # "the Winter War against Finland was fought in 1949"
            and not w.isdigit()
            and not any(starts(w, g) for g in event.groups)
        }
        if pos[p] < pos[i] and between and tokens[between[0]].norm == "by":
            # "murdered by a young communist called Nikolaev in 1935": the agent is no distance
            agent = between[:-1]
            if (
                tokens[between[-1]].norm in ("in", "on")
                and len(agent) <= 7
                and not any(tokens[j].norm in _CLAUSAL for j in agent)
            ):
                others, between = set(), between[-1:]
        gap = _gap(tokens, between)
        if gap <= NEAR + 1 and not _apart(tokens, p, i, between) and len(others) <= 1:
            out.append((event.claim, event.correction, i))
    return out


_WHERE = words(
    "in at inside his her its their the a party office building headquarters kremlin city house "
    "home"
)


def _located(tokens: tuple[Token, ...], near: int, i: int) -> bool:
    """ "shot in his office in the Kremlin in Moscow": a chain of places after the event's verb
    is no distance (only "in / at" phrases, nothing that could start another claim)."""
    return i - near <= 10 and all(
        tokens[j].norm in _WHERE
        or tokens[j].norm in fd.KNOWN_PLACES
        or tokens[j].text[:1].isupper()
        for j in range(near + 1, i)
    )


def _set_before(
    tokens: tuple[Token, ...], clause: list[int], n: int, hits: list[list[int]]
) -> bool:
    """ "walked into the party headquarters in Moscow and shot Kirov": a place that ends the
    first of two joined predicates sets the second, when the event's words follow at once."""
    rest = [tokens[j].norm for j in clause[n + 1 : n + 5]]
    if rest[:1] != ["and"] and rest[:2] != ["and", "then"]:
        return False
    after = clause[n + 2 + (rest[1:2] == ["then"]) :][:2]
    return all(any(j in h for j in after) for h in hits)


def placed(essay: EssayText, clause: list[int]) -> list[tuple[str, str, int]]:
    """ "Kirov was murdered in Moscow": a known event "in" / "at" a known place it was not."""
    tokens = essay.tokens
    out: list[tuple[str, str, int]] = []
    for n, i in enumerate(clause[1:], start=1):
        place = tokens[i].norm
        at = n - 1 - (tokens[clause[n - 1]].norm == "the" and n > 1)  # "in the Kremlin"
        if place not in fd.KNOWN_PLACES or tokens[clause[at]].norm not in ("in", "at"):
            continue
        for event in fd.PLACED:
            hits = [[j for j in clause if starts(tokens[j].norm, g)] for g in event.groups]
            if any(not h for h in hits) or place in event.places:
                continue
            # Measured from the event's last word ("murdered", "trials"), not a place in its name.
            near = max((j for j in hits[-1] if j < i), default=None)
            between = {tokens[j].norm for j in range(near + 1, i)} if near is not None else set()
            if (
                near is not None
                and (i - near <= NEAR + 1 or _located(tokens, near, i))
                and max(min(h) for h in hits) < i
                and not between & {"and", "or", "to", "from"}
            ) or _set_before(tokens, clause, n, hits):
                out.append((event.claim, event.correction, i))
    return out


_EACH = words("all both each")


def dated_each(
    essay: EssayText, previous: list[int], clause: list[int], last: int
) -> list[tuple[str, str, int]]:
    """ "... his old rivals Zinoviev, Kamenev, Bukharin and Rykov, all of them shot in 1936": a
    clause opening with "all / both / each" says its verb and year of every name just listed, so
    each name's event must fit the year (one that fits does not excuse the others)."""
    tokens = essay.tokens
    if not previous or not clause or tokens[clause[0]].norm not in _EACH:
        return []
    names = [i for i in previous if tokens[i].text[:1].isupper()]
    for k, i in enumerate(clause):
        if year_of(tokens[i]) is None or _bounded(tokens, i):
            continue
        years = _years_at(essay, i, last)
        verbs = clause[max(0, k - NEAR) : k]
        for event in fd.EVENTS:
            if len(event.groups) != 2 or years & event.years:
                continue
            person, verb = event.groups
            if any(word_of(tokens, n, person) for n in names) and any(
                word_of(tokens, v, verb) for v in verbs
            ):
                return [(event.claim, event.correction, i)]
    return []
