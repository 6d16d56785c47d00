"""Factual errors found against the period's record (`purgebot.essays.factdata`), for every
prompt, beside the bank's own per-prompt `misconceptions:` lists.

A sentence is flagged only when one clause clearly asserts a wrong pairing:
- a known event and a year it did not happen in, the year standing within `NEAR` words of the
  event's words, no "before / after / by / until / since" in front of the year, no other event
  in the clause that the year fits, and a range ("1936-38") wrong only when no year of it fits;
  a relative clause is read with the name it follows ("Hitler, who came to power in 1936");
- a known survivor "shot" or "executed", one shot said to die in a camp or survive, or the wrong
  leaders blamed for Kirov's murder (`factfates`); an NKVD head said to replace, follow or come
  before another in the wrong order, or tied to a year outside his term (`factposts`); a known
  person other than Yezhov's NKVD, Stalin or the Politburo as the author of Order 00447; a known
  party leader at the head of another city's party; a secret trial called a show trial; the
  Winter War against anyone but Finland;
- a figure of the record an order of magnitude too high, "all five marshals" or "four of the
  five", or a part larger than its whole ("1,108 of the 139").
Nothing is flagged in a question, a sentence with a negation, a dismissed part, or a sentence
that reports someone's claim ("Conquest estimated..."): a claim refuted is not a claim made.
"""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.factfates import wrong_blame, wrong_fates
from purgebot.essays.factfigures import (
    MONTHS,
    figure_errors,
    number_at,
    starts,
    vague_figures,
    year_of,
)
from purgebot.essays.factposts import head_out_of_term
from purgebot.essays.factsources import source_for
from purgebot.essays.misconceptions import _REPORTED, FoundMisconception
from purgebot.essays.text import EssayText, Token, words

NEAR = 4  # words between an event's words and its year
_NOT_AT = frozenset({"before", "after", "by", "until", "till", "since", "prior", "following"})


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
    """A name just after "by" ("replaced by Yezhov in 1936 and shot") is not what the
    clause's year is about; a verb after "by" is fine."""
    return i > 0 and tokens[i - 1].norm == "by" and tokens[i].text[:1].isupper()


def _event_places(
    clause: list[int], tokens: tuple[Token, ...], event: fd.Event, anchor: int | None = None
) -> list[int]:
    """Token indexes of the clause where every group of the event stands close together. A
    name put before a relative clause (`anchor`, see `_with_antecedent`) is what the clause is
    said of, so it counts as standing beside the clause's other event words."""
    hits = [
        [i for i in clause if starts(tokens[i].norm, g) and not _after_by(tokens, i, g)]
        for g in event.groups
    ]
    if anchor is not None:
        rest = [i for h in hits if anchor not in h for i in h]
        hits = [[min(rest)] if anchor in h and rest else h for h in hits]
    if any(not h for h in hits):
        return []
    places = [i for h in hits for i in h]
    if max(min(h) for h in hits) - min(max(h) for h in hits) > len(event.groups) + 2:
        return []
    return places


_TIME_VERBS = words("took place happened occurred began begun started ended dates dated date came")
_DATE_WORDS = words("of in on the early late mid end start beginning")


def _bounded(tokens: tuple[Token, ...], i: int) -> bool:
    """ "before 1936", "until November 1938", "by the end of 1938": a bound, not a date."""
    for j in range(i - 1, max(-1, i - 5), -1):
        norm = tokens[j].norm
        if norm in _NOT_AT:
            return True
        if norm not in MONTHS and norm not in _DATE_WORDS and not norm.isdigit():
            return False
    return False


def _dated(
    essay: EssayText, clause: list[int], last: int, anchor: int | None = None
) -> list[tuple[str, str, int]]:
    tokens = essay.tokens
    out: list[tuple[str, str, int]] = []
    for i in clause:
        if year_of(tokens[i]) is None or _bounded(tokens, i):
            continue
        years = _years_at(essay, i, last)
        near: list[tuple[int, fd.Event]] = []
        for event in fd.EVENTS:
            places = _event_places(clause, tokens, event, anchor)
            if places:
                near.append((min(abs(p - i) for p in places), event))
        if not near or any(years & e.years for _, e in near):
            continue
        distance, event = min(near, key=lambda x: x[0])
        places = _event_places(clause, tokens, event, anchor)
        p = min(places, key=lambda p: abs(p - i))
        between = {tokens[j].norm for j in range(min(p, i) + 1, max(p, i))}
        others = {
            w
            for j in range(min(p, i) + 1, max(p, i))
            if tokens[j].content
            and not tokens[j].text[:1].isupper()  # "murdered in Leningrad in 1935"
            and (w := tokens[j].norm) not in MONTHS
            and w not in _TIME_VERBS
            and not w.isdigit()
            and not any(starts(w, g) for g in event.groups)
        }
        if distance <= NEAR + 1 and not between & {"and", "or"} and len(others) <= 1:
            out.append((event.claim, event.correction, i))
    return out


def _index(clause: list[int], tokens: tuple[Token, ...], names: object) -> list[int]:
    return [i for i in clause if tokens[i].norm in names]  # type: ignore[operator]


def _placed(essay: EssayText, clause: list[int]) -> list[tuple[str, str, int]]:
    """ "Kirov was murdered in Moscow": a known event "in" / "at" a known place it was not."""
    tokens = essay.tokens
    out: list[tuple[str, str, int]] = []
    for n, i in enumerate(clause[1:], start=1):
        place = tokens[i].norm
        if place not in fd.KNOWN_PLACES or tokens[clause[n - 1]].norm not in ("in", "at"):
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
                and i - near <= NEAR + 1
                and max(min(h) for h in hits) < i
                and not between & {"and", "or", "to", "from"}
            ):
                out.append((event.claim, event.correction, i))
    return out


def _who_did(essay: EssayText, clause: list[int]) -> list[tuple[str, str, int]]:
    tokens = essay.tokens
    out: list[tuple[str, str, int]] = []
    norms = [tokens[i].norm for i in clause]
    for n, i in enumerate(clause):
        norm = tokens[i].norm
        if norm in fd.NKVD_HEADS:
            rank = fd.NKVD_HEADS.index(norm)
            for m, j in enumerate(clause[n + 1 : n + 11], start=n + 1):
                other = tokens[j].norm
                if other not in fd.NKVD_HEADS or other == norm:
                    continue
                between = norms[n + 1 : m]
                if not all(w in _OFFICE or starts(w, _SUCCESSION) for w in between):
                    break  # "Yagoda was shot after Yezhov took over": not about the post
                step = fd.NKVD_HEADS.index(other) - rank  # 1: the other came just after
                later = step > 0
                direct = any(starts(w, ("replac", "succeed")) for w in between) or (
                    "from" in between and any(w in ("took", "take", "takes") for w in between)
                )  # "replaced" / "took over from": the very next one, not any later one
                if "by" in between and direct:
                    wrong = step != 1
                elif direct:
                    wrong = step != -1
                elif any(starts(w, ("follow", "after")) for w in between):
                    wrong = later
                elif any(starts(w, ("before", "preced")) for w in between):
                    wrong = not later
                else:
                    continue
                if wrong:
                    out.append(("The NKVD heads are in the wrong order.", fd.NKVD_ORDER, i))
                break
        after = norms[n + 1 : n + 8]
        if (
            norm in fd.SECRET_TRIAL
            and any(w in ("show", "public") for w in after)
            and not any(w in ("secret", "secretly", "rather", "instead", "unlike") for w in after)
        ):
            out.append(("That trial was held in secret.", fd.SECRET_TRIAL[norm], i))
        if norm == "winter" and norms[n + 1 : n + 2] == ["war"]:
            # "the Winter War against Japan", "the Winter War was fought with Japan"
            for m in range(n + 2, min(len(norms) - 1, n + 6)):
                if norms[m] in ("against", "with", "on") and norms[m + 1] in fd.WRONG_FOES:
                    claim = "The Winter War was fought against Finland."
                    out.append((claim, fd.WINTER_WAR_CORRECTION, i))
                    break
                if norms[m] not in _FOUGHT:
                    break
    return out


# Someone else's words: "a 1960 report said 7 million were shot" is reported, not claimed.
_SAID = words("said says say suggest suggests suggested thought believed believe reckons")
_PASSIVE = words(
    "who had has was were been being later also then and eventually himself too arrested tried "
    "in secret other generals commanders officers marshals leaders soon after a the two three "
    "four five six seven eight nine ten"
)
_OFFICE = words(
    "was were had been who then as the head chief of nkvd ran headed led came just soon shortly "
    "later by over from took take takes in charge"
)
_SUCCESSION = ("replac", "succeed", "follow", "after", "before", "preced")
_FOUGHT = words("was were fought waged the of 1939 1940 1939-40")
_STOPS = frozenset({"but", "while", "whereas", "unlike", "though", "although", "however"})


_COPULA = words(
    "was were is became become becomes who had has been made appointed as a an the of later then "
    "now also new state chief head leader boss ran led headed in charge soviet"
)
_HEADS = ("head", "chief", "leader", "boss", "ran", "led", "charge")


def _post(tokens: tuple[Token, ...], i: int, words_: list[str]) -> list[tuple[str, str, int]]:
    """ "Vyshinsky, head of the NKVD", "Yezhov was the prosecutor": a post the person never
    held; only copular words and the post's own words may stand between."""
    for m, w in enumerate(words_):
        if w in fd.POSTS:
            role = w == "prosecutor" or any(starts(x, _HEADS) for x in words_[: m + 2])
            if (
                role
                and all(x in _COPULA for x in words_[:m])
                and (tokens[i].norm not in fd.POSTS[w])
            ):
                claim = f"{tokens[i].text} did not hold that post."
                return [(claim, fd.POST_CORRECTIONS[w], i)]
            return []
        if w not in _COPULA:
            return []
    return []


_DEFENDANT = ("tri", "accus", "defendant", "charg", "condemn", "sentenc", "appear", "dock")
_LINKS = words("and was were also then later both had been put on in at the")


def _which_trial(norms: list[str], n: int, i: int) -> list[tuple[str, str, int]]:
    """ "Bukharin was tried at the first show trial": a defendant at the wrong one of the three
    trials; only the defendants, links and the verb may stand before the ordinal."""
    accused = {name for names in fd.TRIALS.values() for name in names}
    if norms[n] not in accused or (n and norms[n - 1] in accused):
        return []
    names = {norms[n]}
    verb = False
    for m in range(n + 1, min(len(norms), n + 10)):
        w = norms[m]
        if w in accused:
            names.add(w)
        elif starts(w, _DEFENDANT):
            verb = True
        elif w in fd.TRIALS and verb and "trial" in norms[m + 1 : m + 4]:
            if not names <= fd.TRIALS[w]:
                return [("A defendant is put at the wrong trial.", fd.TRIALS_CORRECTION, i)]
            return []
        elif w not in _LINKS and w not in ("show", "moscow"):
            return []
    return []


def _across(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    """The checks a sentence may spread over its clauses: "Zhukov, who was shot", "Order
    00447, which Beria drew up", "Kirov, the party leader in Moscow"."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    people = {*fd.SURVIVED, *fd.NKVD_HEADS, *fd.PLACE_PEOPLE, *fd.ORDER_AUTHORS}
    out: list[tuple[str, str, int]] = []

    def ahead(n: int, reach: int) -> list[str]:
        """The words after n, up to `reach`, stopping at another person or a "but"."""
        got: list[str] = []
        for w in norms[n + 1 : n + 1 + reach]:
            if w in people or w in _STOPS:
                break
            got.append(w)
        return got

    for n, i in enumerate(span):
        norm = norms[n]
        if norm in fd.SURVIVED:
            verbs = ("execut",) if norm == "trotsky" else (*fd.KILLED_VERBS, "tried")
            words = ahead(n, 8)
            hit = next((m for m, w in enumerate(words) if starts(w, verbs)), None)
            # "Zhukov, who was shot", "Zhukov and seven other generals were tried": only
            # words that keep him the one shot stand between (not "Molotov signed lists...").
            if hit is not None and all(w in _PASSIVE or w.isdigit() for w in words[:hit]):
                out.append((f"{tokens[i].text} was not put to death.", fd.SURVIVED[norm], i))
        if norm in fd.ORDER_WRONG_AUTHORS and "00447" in norms[max(0, n - 8) : n + 8]:
            by = (
                n > 0
                and norms[n - 1] == "by"
                and any(starts(w, fd.AUTHOR_VERBS) for w in norms[max(0, n - 4) : n])
            )
            if by or any(starts(w, fd.AUTHOR_VERBS) for w in ahead(n, 3)):
                out.append(("The wrong person drew up Order 00447.", fd.ORDER_CORRECTION, i))
        if norm in fd.PLACE_PEOPLE:
            words = ahead(n, 8)
            # The first place named, with a role word just around it: "the party boss of
            # Leningrad", "the Leningrad party boss" (not "head of the railways, visited ...").
            m = next((m for m, w in enumerate(words) if w in fd.PLACES), None)
            role = m is not None and any(
                starts(w, fd.ROLE_WORDS) for w in words[max(0, m - 3) : m] + words[m + 1 : m + 3]
            )
            if m is not None and role and norm not in fd.PLACES[words[m]]:
                claim = f"{tokens[i].text} did not lead the party there."
                out.append((claim, fd.PLACE_CORRECTION, i))
        if norm in fd.POST_PEOPLE:
            out += _post(tokens, i, ahead(n, 7))
        out += _which_trial(norms, n, i)
    # "Of the 139 members of the Central Committee, 1,108 were shot": a part above its whole.
    if len(span) > 2 and norms[0] == "of":
        whole = number_at(tokens, span[1 + (norms[1] == "the")], span[-1] + 1)
        clause = tokens[span[0]].clause
        later = [j for j in span if tokens[j].clause > clause]
        part = number_at(tokens, later[0], span[-1] + 1) if later else None
        if whole and part and year_of(tokens[later[0]]) is None and part > whole:
            out.append(("A part is larger than the whole.", fd.PART_OF_WHOLE, later[0]))
    return out


def _with_antecedent(
    tokens: tuple[Token, ...], previous: list[int], clause: list[int]
) -> list[int]:
    """ "Hitler, who came to power in 1936": a relative clause dated with the name it is said of
    (the last word of the clause before, when that is a name)."""
    if (
        previous
        and clause
        and tokens[clause[0]].norm in ("who", "which", "whose")
        and tokens[previous[-1]].text[:1].isupper()
    ):
        return [previous[-1], *clause]
    return clause


def find_fact_errors(essay: EssayText, dismissed: frozenset[int]) -> tuple[FoundMisconception, ...]:
    """Each sentence that clearly contradicts the record, once per claim, in text order."""
    tokens = essay.tokens
    found: dict[tuple[int, str], FoundMisconception] = {}
    for n, s in enumerate(essay.sentences):
        span = list(range(s.first, s.last))
        if s.question or s.heading or not span:
            continue
        if any(
            tokens[i].negation or tokens[i].norm in _REPORTED or tokens[i].norm in _SAID
            for i in span
        ):
            continue
        clauses: dict[int, list[int]] = {}
        for i in span:
            if i not in dismissed:
                clauses.setdefault(tokens[i].clause, []).append(i)
        hits = _across(essay, [i for i in span if i not in dismissed])
        kept = [i for i in span if i not in dismissed]
        hits += head_out_of_term(essay, kept) + wrong_fates(essay, kept) + wrong_blame(essay, kept)
        previous: list[int] = []
        for clause in clauses.values():
            joined = _with_antecedent(tokens, previous, clause)
            anchor = joined[0] if joined is not clause else None
            hits += _dated(essay, joined, s.last, anchor)
            hits += _who_did(essay, clause)
            previous = clause
            hits += _placed(essay, clause)
            hits += figure_errors(essay, clause, span) + vague_figures(essay, clause, span)
        for claim, correction, at in hits:
            found.setdefault(
                (n, claim),
                FoundMisconception(
                    claim=claim,
                    sentence=" ".join(essay.text[s.start : s.end].split()),
                    correction=correction,
                    source=source_for(correction),
                    start=tokens[at].start,
                    end=tokens[at].end,
                    index=n,
                ),
            )
    return tuple(sorted(found.values(), key=lambda f: (f.start, f.claim)))
