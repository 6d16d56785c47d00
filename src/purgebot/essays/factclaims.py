"""The claim reader: every (person, year / fate / post) pair a sentence states, wherever its
parts sit, checked against the fact table (`purgebot.essays.facttable`).

A person is tied to a fate word ("shot", "executed", "arrested", "killed himself") when he is
its object ("Stalin had Bukharin shot"), or the nearest person before it with only linking
words between ("Zinoviev and Kamenev were later shot"; a relative clause or an aside between
commas is stepped over: "Yagoda, who had run the NKVD, was shot"), or, for a sentence that
opens with "he", the one person the sentence before named. The year said of a fate word
follows it ("shot in August 1936", "arrested before the end of 1936": a bound) or opens the
sentence ("In 1936, Yagoda was shot"). A post ("head of the NKVD", "the party leader in
Leningrad") is tied to a person the same way. A pair is flagged only when the table settles
it and says otherwise: a person or a field the table lacks is never a claim's error.
"""

from __future__ import annotations

from purgebot.essays import facttable as ft
from purgebot.essays.factfigures import MONTHS, number_at, year_of
from purgebot.essays.factgroups import group_claims
from purgebot.essays.text import EssayText, Token, words

Hit = tuple[str, str, int]

# Fate words as verbs (not "the execution", "his arrest"), with the object they may take.
_DEATH = words("shot executed killed murdered assassinated died suicide")
_ARREST = words("arrested jailed imprisoned detained")
_SUBJECTS = words("he she they it who which many thousands others")
_TRANSITIVE = words("shot executed killed murdered assassinated arrested jailed imprisoned")
_SELF = words("himself")
# Words that may stand between a person and what is said of him.
_LINKS = words(
    "was were had been being is are later then eventually also finally soon quickly duly "
    "subsequently himself themselves both all too and in the end afterwards immediately "
    "arrested tried sentenced convicted condemned found guilty removed sacked dismissed expelled"
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
_ROLE = words("head chief boss leader commissar headed led ran run running charge secretary")
_NKVD = words("nkvd ogpu")
_PLACES = {"leningrad": "leningrad", "moscow": "moscow", "transcaucasia": "transcaucasia"}
_TO_ROLE = words(
    "was were had been who the a an then later also now still already as became become made "
    "appointed named its new newly by"
)


def _person(tok: Token) -> ft.Person | None:
    """A person of the table named here, not as another's possessor ("Kirov's killer")."""
    person = ft.PEOPLE.get(tok.norm)
    if person is None or tok.text.endswith(("'s", "\u2019s")):
        return None
    return person


def _before(tokens: tuple[Token, ...], kept: list[int], v: int) -> list[int]:
    """The people a word at kept[v] is said of, found backwards past linking words, a
    relative clause or an aside between commas, and a list joined by "and"."""
    clause = tokens[kept[v]].clause
    k = v - 1
    while k >= 0:
        tok = tokens[kept[k]]
        if _person(tok):
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
            if tokens[kept[opener]].norm not in ("who", "whose", "the", "a", "an", "then"):
                return []
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


def _year_after(tokens: tuple[Token, ...], kept: list[int], v: int) -> tuple[int, bool] | None:
    """The year a fate word is dated with, and whether it is a bound ("before 1936")."""
    bound = False
    for k in range(v + 1, min(len(kept), v + 8)):
        tok = tokens[kept[k]]
        if (year := year_of(tok)) is not None:
            return year, bound
        if tok.norm in _BOUND:
            bound = True
        elif tok.norm in _PLACE_WORDS or (
            tok.text[:1].isupper() and tokens[kept[k - 1]].norm in ("in", "at")
        ):
            continue  # "killed in Mexico in 1929", "shot in the Lubianka in 1937"
        elif tok.norm not in _TO_YEAR and not (tok.norm.isdigit() and len(tok.norm) <= 2):
            return None
    return None


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


_PRISONS = words("lubianka lubyanka")


def _taken_to_prison(tokens: tuple[Token, ...], kept: list[int], v: int) -> int:
    """ "taken to the Lubianka": where the prison stands (0: not such a phrase)."""
    if tokens[kept[v]].norm not in ("taken", "brought", "dragged"):
        return 0
    for m in range(v + 1, min(len(kept), v + 4)):
        if tokens[kept[m]].norm in _PRISONS:
            return m
    return 0


def _he_before(tokens: tuple[Token, ...], kept: list[int], v: int) -> bool:
    """ "he was killed", "he was only silenced when he was killed": "he" before the fate word,
    past linking words."""
    k = v - 1
    while k >= 0 and tokens[kept[k]].norm in _LINKS | words("only"):
        k -= 1
    return k >= 0 and tokens[kept[k]].norm == "he"


def _year_first(tokens: tuple[Token, ...], kept: list[int]) -> tuple[int, bool] | None:
    """ "In 1936, ..." / "By 1936 ...": a year the sentence opens with, when it is its only
    year."""
    years = [k for k, i in enumerate(kept) if year_of(tokens[i]) is not None]
    if len(years) != 1 or years[0] > 3 or tokens[kept[0]].norm not in ("in", "by", "during"):
        return None
    if not all(tokens[i].norm in MONTHS or tokens[i].norm.isdigit() for i in kept[1 : years[0]]):
        return None
    year = year_of(tokens[kept[years[0]]])
    assert year is not None
    return year, tokens[kept[0]].norm == "by"


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


def _misdated(person: ft.Person, death: bool, year: int, bound: bool) -> bool:
    known = person.died if death else person.arrested
    if not known:
        return False
    return min(known) > year if bound else year not in known


def _fates(essay: EssayText, n: int, kept: list[int]) -> list[Hit]:
    tokens = essay.tokens
    out: list[Hit] = []
    opening = _year_first(tokens, kept)
    pronoun = tokens[kept[0]].norm == "he" if kept else False
    said: list[int] = []  # whom the last fate word (at last_v) was said of
    last_v = -1
    for v, i in enumerate(kept):
        norm = tokens[i].norm
        death = norm in _DEATH
        taken = _taken_to_prison(tokens, kept, v)  # "taken to the Lubianka": an arrest
        if not (death or norm in _ARREST or taken):
            continue
        if any(
            tokens[j].norm in _NOT_SO and tokens[j].clause == tokens[i].clause
            for j in kept[max(0, v - 3) : v]
        ):
            continue  # "was to be shot", "would be arrested" (not an aside's "according to")
        himself = v + 1 < len(kept) and tokens[kept[v + 1]].norm in _SELF
        suicide = norm == "suicide" or (himself and norm in ("killed", "shot"))
        who = _after(tokens, kept, v) if not himself and not taken else []
        if not who:
            nxt = tokens[kept[v + 1]].norm if v + 1 < len(kept) else ""
            if not taken and nxt and nxt not in _AFTER_OK and year_of(tokens[kept[v + 1]]) is None:
                continue  # "Yezhov shot thousands": another object
            who = _before(tokens, kept, v)
            if not who and (joined := _coordinated(tokens, kept, last_v, v)) >= 0:
                # "was arrested soon after and, by all accounts, shot in 1936"
                who = said or _before(tokens, kept, joined)
            if not who and (_he_before(tokens, kept, v) or (pronoun and v <= 4)):
                # "he" for the sentence's subject, or for the one person the sentence before
                # named when this one opens with "he"
                if _person(tokens[kept[0]]) and kept[0] not in who:
                    who = [kept[0]]
                elif pronoun and (p := _pronoun_person(essay, n)) is not None:
                    who = [p]
        if any(tokens[j].norm in _NOT_SO for j in _window_before(kept, who)):
            continue  # "Stalin wanted Kirov shot", "Yezhov would be arrested"
        last = max((kept.index(j) for j in who if j in kept and kept.index(j) > v), default=v)
        last = max(last, taken)
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
                and norm.startswith(("shot", "execut"))
                and (
                    person.fate in ("suicide", "camp", "natural")
                    or (person.fate == "murdered" and norm.startswith("execut"))
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


def _posts(essay: EssayText, kept: list[int]) -> list[Hit]:
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
        while j >= 0 and norms[j] in _TO_ROLE and not _person(tokens[kept[j]]):
            j -= 1
        if j < 0 or not _person(tokens[kept[j]]) or start - j > 6:
            continue
        person = ft.PEOPLE[norms[j]]
        if person.name not in holders:
            claim = f"{tokens[kept[j]].text} did not hold that post."
            out.append((claim, person.correction, kept[j]))
        elif (year := _post_year(tokens, kept, k)) is not None:
            held = dict(person.posts).get(post, frozenset())
            if held and year not in held:
                claim = f"{tokens[kept[j]].text} did not hold that post in {year}."
                out.append((claim, person.correction, kept[j]))
    return out


def _post_year(tokens: tuple[Token, ...], kept: list[int], k: int) -> int | None:
    """ "ran the NKVD since 1934", "head of the NKVD from 1939", "NKVD chief in 1937": the year
    a post is said to be held in or from (not "until", "before", "after")."""
    for m in range(k + 1, min(len(kept), k + 8)):
        tok = tokens[kept[m]]
        if _person(tok):
            return None
        if (year := year_of(tok)) is not None:
            back = m - 1
            while back > k and tokens[kept[back]].norm in MONTHS | words("early late the of"):
                back -= 1
            return year if tokens[kept[back]].norm in ("since", "from", "in") else None
    return None


def table_claims(essay: EssayText, n: int, kept: list[int]) -> list[Hit]:
    """Every pair of the sentence the table settles otherwise (`kept`: its words, not
    dismissed)."""
    return _fates(essay, n, kept) + _posts(essay, kept) + group_claims(essay, kept)


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
