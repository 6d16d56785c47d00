"""The claim reader: every (person, year / fate) pair a sentence states, wherever its parts
sit, checked against the fact table (`purgebot.essays.facttable`); posts and historians'
figures are read in `factheld`, trials and oppositions in `factgroups`.

A person is tied to a fate word ("shot", "executed", "arrested", "killed himself", "taken to
the Lubianka") when he is its object ("Stalin had Bukharin shot"), or the nearest person
before it with only linking words between ("Zinoviev and Kamenev were later shot"; a relative
clause or an aside between commas is stepped over: "Yagoda, who had run the NKVD, was shot"),
or the person of an earlier fate word the "and" joins it to ("arrested soon after and, by all
accounts, shot"), or, for "he", the sentence's subject (not after a "him") or, when the
sentence opens with "he", the subject of the sentence before, followed back. The year said of
a fate word follows it ("shot in August 1936", "arrested before the end of 1936": a bound) or
opens the sentence ("In 1936, Yagoda was shot"). A pair is flagged only when the table settles
it and says otherwise: a person or a field the table lacks is never a claim's error.
"""

from __future__ import annotations

from purgebot.essays import facttable as ft
from purgebot.essays.factfigures import MONTHS, year_of
from purgebot.essays.factgroups import group_claims
from purgebot.essays.factheld import historian_figures as historian_figures
from purgebot.essays.factheld import person as _person
from purgebot.essays.factheld import posts, successions
from purgebot.essays.factphrases import (
    LATER,
    agent_end,
    event_then,
    later,
    phrase_at,
    taken_to_prison,
)
from purgebot.essays.factwho import LINKS as _LINKS
from purgebot.essays.factwho import SUBJECTS as _SUBJECTS
from purgebot.essays.factwho import governed as _governed
from purgebot.essays.factwho import had_him as _had_him
from purgebot.essays.factwho import shared_subject as _shared_subject
from purgebot.essays.text import EssayText, Token, words

Hit = tuple[str, str, int]

# Fate words as verbs (not "the execution", "his arrest"), with the object they may take.
_DEATH = words("shot executed killed murdered assassinated died suicide")
_ARREST = words("arrested jailed imprisoned detained")
_TRANSITIVE = words("shot executed killed murdered assassinated arrested jailed imprisoned")
_SELF = words("himself")
_CONNECTIVES = words(
    "nevertheless however but and so then later eventually finally in the end soon afterwards "
    "still yet even thus therefore"
)
# Words between a fate word and its year: "shot in the summer of 1936", "in early 1939".
_TO_YEAR = (
    words(
        "in on at during early late mid the of summer spring autumn winter year end start "
        "beginning middle"
    )
    | MONTHS
)
_BOUND = words("before by until")
_PLACE_WORDS = words("prison camp cell cellar basement office exile")
_NOT_SO = words(
    "would could might should to expected threat threatened nearly almost than instead avoid "
    "avoided escaped spared fear feared feared wanted plan planned ordered order"
)
# After the fate word, what makes it active with another object ("Yezhov shot thousands").
_AFTER_OK = words(
    "in on at by before until during and dead for as after without himself with alongside "
    "together along soon shortly later quickly immediately again too also then afterwards "
    "straight"
)
_TITLES = words("the former marshal general comrade old his their own commander")


def _before(tokens: tuple[Token, ...], kept: list[int], v: int) -> list[int]:
    """The people a word at kept[v] is said of, found backwards past linking words, a
    relative clause or an aside between commas, and a list joined by "and"."""
    clause = tokens[kept[v]].clause
    k = v - 1
    while k >= 0:
        tok = tokens[kept[k]]
        if _person(tok):
            if k >= 2 and tokens[kept[k - 1]].norm == "whom" and _person(tokens[kept[k - 2]]):
                k -= 2  # "Tukhachevsky, whom Stalin had shot": the antecedent is the object
            break
        opens = k == 0 or tokens[kept[k - 1]].clause != tok.clause
        if tok.norm in ("who", "whom") and opens and k > 0 and _person(tokens[kept[k - 1]]):
            k -= 1  # "Yagoda, who was shot in 1936"
            break
        if tok.clause != clause:  # step over an aside between commas ("Yagoda, who ran
            # the NKVD, was shot"; "Tukhachevsky, the army's leading thinker, was shot")
            opener = k
            while opener > 0 and tokens[kept[opener - 1]].clause == tok.clause:
                opener -= 1
            first = tokens[kept[opener]].norm
            participle = first.endswith("ed") or first in ("shot", "held", "taken")
            if first not in ("who", "whose", "the", "a", "an", "then") and not participle:
                return []  # (an aside: "who ran the NKVD", "the army's thinker", "sacked in")
            k = opener - 1
            clause = tokens[kept[k]].clause if k >= 0 else clause
            continue
        if tok.norm not in _LINKS:
            return []
        k -= 1
    if k < 0:
        return []
    found = [kept[k]]
    while k >= 2 and tokens[kept[k - 1]].norm == "and" and _person(tokens[kept[k - 2]]):
        k -= 2
        found.append(kept[k])
    return found


def _after(tokens: tuple[Token, ...], kept: list[int], v: int) -> list[int]:
    """ "shot Bukharin and Rykov", "executed the old Marshal Tukhachevsky": the people a fate
    word's object names."""
    if tokens[kept[v]].norm not in _TRANSITIVE:
        return []
    clause = tokens[kept[v]].clause
    k = v + 1
    while k < len(kept) and tokens[kept[k]].norm in _TITLES:
        k += 1
    found: list[int] = []
    while k < len(kept) and _person(tokens[kept[k]]) and tokens[kept[k]].clause == clause:
        found.append(kept[k])
        k += 2 if k + 1 < len(kept) and tokens[kept[k + 1]].norm == "and" else 1
    return found


def _year_after(tokens: tuple[Token, ...], kept: list[int], v: int) -> tuple[int, str] | None:
    """The year a fate word is dated with, and whether it is a bound: "upper" ("before 1936"),
    "lower" ("after a trial in 1937") or "" (the year itself)."""
    bound = ""
    skip_to = 0
    for k in range(v + 1, min(len(kept), v + 11)):
        tok = tokens[kept[k]]
        if (year := year_of(tok)) is not None:
            return year, bound
        if tok.norm == "by" and (end := agent_end(tokens, kept, k)):
            skip_to = end  # "killed by Nikolaev in 1936", "by an agent in Mexico": no bound
        if k < skip_to:
            continue
        if tok.norm == "after" and not bound and (end := event_then(tokens, kept, k)):
            year = year_of(tokens[kept[end]])
            return (year, "lower") if year is not None else None
        if tok.norm in _BOUND:
            bound = "upper"
        elif tok.norm in LATER and not bound:
            continue  # "shot a few months later, in 1937"
        elif tok.norm in _PLACE_WORDS or (
            tok.text[:1].isupper() and tokens[kept[k - 1]].norm in ("in", "at")
        ):
            continue  # "killed in Mexico in 1929", "shot in the Lubianka in 1937"
        elif tok.norm not in _TO_YEAR and not (tok.norm.isdigit() and len(tok.norm) <= 2):
            return None
    return None


def _had_them(tokens: tuple[Token, ...], kept: list[int], v: int) -> list[int]:
    """ "Zinoviev and Kamenev were arrested, and he had them both shot": "them" after a
    causative "had" stands for the list of people named last before it (not "him", which is
    often the subject's victim: "Stalin had him shot")."""
    k = v - 1
    while k >= 0 and tokens[kept[k]].norm in ("both", "all"):
        k -= 1
    if k < 1 or tokens[kept[k]].norm != "them" or tokens[kept[k - 1]].norm not in ("had", "got"):
        return []
    here = tokens[kept[k - 1]].clause  # not the subject of "had" itself
    named = [j for j in kept[: k - 1] if _person(tokens[j]) and tokens[j].clause != here]
    if not named:
        return []
    last = kept.index(named[-1])
    found = [named[-1]]
    while last >= 2 and tokens[kept[last - 1]].norm == "and" and _person(tokens[kept[last - 2]]):
        last -= 2
        found.append(kept[last])
    return found if len(found) > 1 else []


def _coordinated(tokens: tuple[Token, ...], kept: list[int], last: int, v: int) -> int:
    """ "arrested and shot", "arrested soon after and, according to my notes, shot": an "and"
    before the fate word, past linking words and an aside clause, joins it to the last one (at
    `last`), when no one else is named between them: where the "and" stands (-1: none)."""
    if last >= 0 and any(
        _person(tokens[kept[k]]) or tokens[kept[k]].norm in _SUBJECTS for k in range(last + 1, v)
    ):
        return -1
    clause = tokens[kept[v]].clause
    k = v - 1
    while k >= 0 and k > v - 10:
        tok = tokens[kept[k]]
        if tok.norm == "and":
            return k
        if tok.clause == clause and tok.norm not in _LINKS:
            return -1
        k -= 1
    return -1


def _he_before(tokens: tuple[Token, ...], kept: list[int], v: int) -> bool:
    """ "he was killed", "he was only silenced when he was killed": "he" before the fate word,
    past linking words."""
    k = v - 1
    while k >= 0 and tokens[kept[k]].norm in _LINKS | words("only"):
        k -= 1
    return k >= 0 and tokens[kept[k]].norm == "he"


def _year_first(tokens: tuple[Token, ...], kept: list[int]) -> tuple[int, str] | None:
    """ "In 1936, ..." / "By 1936 ...": a year the sentence opens with, when it is its only
    year."""
    years = [k for k, i in enumerate(kept) if year_of(tokens[i]) is not None]
    if len(years) != 1 or years[0] > 3 or tokens[kept[0]].norm not in ("in", "by", "during"):
        return None
    if not all(tokens[i].norm in MONTHS or tokens[i].norm.isdigit() for i in kept[1 : years[0]]):
        return None
    year = year_of(tokens[kept[years[0]]])
    assert year is not None
    return year, "upper" if tokens[kept[0]].norm == "by" else ""


def _pronoun_person(essay: EssayText, n: int, depth: int = 3) -> int | None:
    """Whom "he" opening sentence n stands for: the sentence before's subject (a person of the
    table among its first words, or its own opening "he", followed back), else the one person
    it names; none when it also has a "him" ("Stalin got rid of him. He was shot")."""
    if n == 0 or depth == 0:
        return None
    prev = essay.sentences[n - 1]
    tokens = essay.tokens
    span = range(prev.first, prev.last)
    if any(tokens[i].norm == "him" for i in span):
        return None
    head = [i for i in span[:3] if tokens[i].text[:1].isupper()]
    subject = next((i for i in head if _person(tokens[i])), None)
    if subject is not None:
        return subject
    if span and tokens[span[0]].norm == "he":
        return _pronoun_person(essay, n - 1, depth - 1)
    named = {tokens[i].norm: i for i in span if _person(tokens[i])}
    return next(iter(named.values())) if len(named) == 1 else None


def _misdated(person: ft.Person, death: bool, year: int, bound: str) -> bool:
    known = person.died if death else person.arrested
    if not known:
        return False
    if bound == "upper":
        return min(known) > year
    return max(known) < year if bound == "lower" else year not in known


def _fates(essay: EssayText, n: int, kept: list[int]) -> list[Hit]:
    tokens = essay.tokens
    out: list[Hit] = []
    opening = _year_first(tokens, kept)
    opens = 0  # "Nevertheless he was shot": a connective before the opening "he"
    while opens < min(3, len(kept) - 1) and tokens[kept[opens]].norm in _CONNECTIVES:
        opens += 1
    pronoun = tokens[kept[opens]].norm == "he" if kept else False
    said: list[int] = []  # whom the last fate word (at last_v) was said of
    last_v = -1
    for v, i in enumerate(kept):
        norm = tokens[i].norm
        phrase, end = phrase_at(tokens, kept, v)  # "put to death", "took his own life"
        death = norm in _DEATH or phrase in ("execution", "death", "suicide")
        taken = taken_to_prison(tokens, kept, v)  # "taken to the Lubianka": an arrest
        if not (death or norm in _ARREST or taken):
            continue
        if any(
            tokens[j].norm in _NOT_SO and tokens[j].clause == tokens[i].clause
            for j in kept[max(0, v - 3) : v]
        ):
            continue  # "was to be shot", "would be arrested" (not an aside's "according to")
        himself = v + 1 < len(kept) and tokens[kept[v + 1]].norm in _SELF
        suicide = norm == "suicide" or (himself and norm in ("killed", "shot"))
        suicide = suicide or phrase == "suicide"
        executed = norm.startswith(("shot", "execut")) or phrase == "execution"
        who = _after(tokens, kept, v) if not (himself or taken or phrase) else []
        if not who:
            nxt = tokens[kept[end + 1]].norm if end + 1 < len(kept) else ""
            passive = not nxt or nxt in _AFTER_OK or later(tokens, kept, end)
            if not taken and not passive and year_of(tokens[kept[end + 1]]) is None:
                continue  # "Yezhov shot thousands": another object
            who = _before(tokens, kept, v) or _had_them(tokens, kept, v)
            who = who or _had_him(tokens, kept, v)
            if not who and (joined := _coordinated(tokens, kept, last_v, v)) >= 0:
                # "was arrested soon after and, by all accounts, shot in 1936"
                who = said or _before(tokens, kept, joined)
            if who and _governed(tokens, kept, who[-1], v):
                who = []  # "Zinoviev argued with Stalin and was shot": not Stalin
            if not who and (shared := _shared_subject(tokens, kept, v)) is not None:
                who = [shared]  # "Yezhov became the scapegoat and was shot in 1937"
            if not who and (_he_before(tokens, kept, v) or (pronoun and v <= 4 + opens)):
                # "he" for the sentence's subject, or for the one person the sentence before
                # named when this one opens with "he"
                him = any(tokens[j].norm == "him" for j in kept[:v])  # "he" is "him"
                if _person(tokens[kept[0]]) and not him:
                    who = [kept[0]]
                elif pronoun and (p := _pronoun_person(essay, n)) is not None:
                    who = [p]
        if any(tokens[j].norm in _NOT_SO for j in _window_before(kept, who)):
            continue  # "Stalin wanted Kirov shot", "Yezhov would be arrested"
        last = max((kept.index(j) for j in who if j in kept and kept.index(j) > v), default=v)
        last = max(last, taken, end)
        dated = _year_after(tokens, kept, last)
        dated = dated or (opening if v == _first_fate(tokens, kept) else None)
        said, last_v = who, v
        for j in who:
            person = ft.PEOPLE[tokens[j].norm]
            name = tokens[j].text.rstrip(",")
            if dated and _misdated(person, death, *dated):
                what = "death" if death else "arrest"
                out.append((f"{name}'s {what} is misdated.", person.correction, j))
            elif (
                death
                and not suicide
                and executed
                and (
                    person.fate in ("suicide", "camp", "natural")
                    or (person.fate == "murdered" and not norm.startswith("shot"))
                )
            ):
                out.append((f"{name} was not executed.", person.correction, j))
            elif suicide and person.fate in ("shot", "murdered"):
                out.append((f"{name} did not kill himself.", person.correction, j))
    return out


def _window_before(kept: list[int], who: list[int]) -> list[int]:
    """The three words before the first person a fate word is said of."""
    here = [j for j in who if j in kept]
    if not here:
        return []
    k = kept.index(min(here))
    return kept[max(0, k - 3) : k]


def _first_fate(tokens: tuple[Token, ...], kept: list[int]) -> int:
    return next((v for v, i in enumerate(kept) if tokens[i].norm in _DEATH | _ARREST), -1)


def table_claims(essay: EssayText, n: int, kept: list[int]) -> list[Hit]:
    """Every pair of the sentence the table settles otherwise (`kept`: its words, not
    dismissed)."""
    tokens = essay.tokens
    he = _pronoun_person(essay, n) if kept and tokens[kept[0]].norm == "he" else None
    held = posts(essay, kept) + successions(tokens, kept, he)
    return _fates(essay, n, kept) + held + group_claims(essay, kept)
