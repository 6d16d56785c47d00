"""Factual errors found against the period's record (`purgebot.essays.factdata`), for every
prompt, beside the bank's own per-prompt `misconceptions:` lists.

A sentence is flagged only when one clause clearly asserts a wrong pairing:
- a known event and a year (or a month of the right year) it did not happen in (`factdates`):
  the year within `NEAR` words of the event's words (the words of a date, a "by" agent or an
  aside after a name are no distance; a date clause joins the clause it dates; a clause's opening
  name is the subject of its predicates), no bound ("before / by / until") in front of it, and no
  other event in the clause that the year fits unless an "and" or a landmark ("after the trial")
  stands between; a relative clause is read with the name it follows;
- two dated events in the wrong order, "A after B", "within weeks of" (`factorder`);
- a known survivor "shot" or "executed", one shot said to die in a camp, survive or never be
  punished, or the wrong leaders blamed for Kirov's murder (`factfates`); NKVD heads in the wrong
  order, or a head tied to a year outside his term (`factposts`); a post never held, a defendant
  at the wrong trial, the wrong successor or killer (`factroles`); the wrong author of Order
  00447; a known party leader at the head of another city's party; a secret trial called a show
  trial; the Winter War against anyone but Finland; an event in the wrong place;
- a figure of the record an order of magnitude too high or too low, "all five marshals" or
  "four of the five", a part larger than its whole or a known part far too small (`factfigures`);
- when none of these holds, any (person, year / fate / post / trial / opposition) pair the
  sentence states, read against the fact table built from the five sources (`facttable`,
  `factclaims`, `factheld`, `factgroups`), and a historian's own figures misquoted.
Nothing is flagged in a question, a sentence that reports someone's claim ("Conquest
estimated...", "Morris dates it to 1939"; only the absurd, or the historian misquoted), or a
dismissed part; a sentence with a negation is read only for a denied fate ("Yezhov was never
punished") and for the clauses a connective opens after it (`factscope`): a claim refuted is
not a claim made.
"""

from __future__ import annotations

from dataclasses import replace

from purgebot.essays import factdata as fd
from purgebot.essays.factclaims import historian_figures, table_claims
from purgebot.essays.factclauses import (
    subject_of,
    undenied_relative,
    with_antecedent,
    with_dates,
)
from purgebot.essays.factdates import dated, dated_each, placed
from purgebot.essays.factfates import denied_fates, wrong_blame, wrong_fates
from purgebot.essays.factfigures import (
    MONTHS,
    beyond_any_estimate,
    figure_errors,
    number_at,
    starts,
    vague_figures,
    year_of,
)
from purgebot.essays.factorder import wrong_order
from purgebot.essays.factposts import head_back_then, head_out_of_term, heads_in_turn, took_over
from purgebot.essays.factroles import (
    killed_by,
    post,
    took_post_of,
    trial_then_accused,
    which_trial,
)
from purgebot.essays.factscope import (
    INTENSIFIERS,
    after_denial,
    denies,
    negated_aside,
    without_hedges,
)
from purgebot.essays.factsources import course_quoted, source_for
from purgebot.essays.misconceptions import _REPORTED, FoundMisconception
from purgebot.essays.text import EssayText, Token, words


def _index(clause: list[int], tokens: tuple[Token, ...], names: object) -> list[int]:
    return [i for i in clause if tokens[i].norm in names]  # type: ignore[operator]


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
                if not all(
                    w in _OFFICE or starts(w, _SUCCESSION) or w.isdigit() or w in MONTHS
                    for w in between
                ):
                    break  # "Yagoda was shot after Yezhov took over": not about the post
                step = fd.NKVD_HEADS.index(other) - rank  # 1: the other came just after
                later = step > 0
                direct = any(starts(w, ("replac", "succeed")) for w in between) or (
                    "from" in between and any(w in ("took", "take", "takes") for w in between)
                )  # "replaced" / "took over from": the very next one, not any later one
                # "Stalin replaced Yagoda with Beria"
                direct = direct or (
                    n > 0 and starts(norms[n - 1], ("replac",)) and "with" in between
                )
                by = "by" in between or "with" in between  # "replaced Yagoda with Beria"
                if by and direct:
                    wrong = step != 1
                elif direct:
                    wrong = step != -1
                elif any(starts(w, ("follow",)) for w in between) and "by" in between:
                    wrong = not later  # "Yezhov was followed by Yagoda"
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
# "Morris dates Beria's takeover to 1939": a writer's dating, reported (not "Order 00447 dates
# from 1937").
_DATES = words("dates dated puts put places placed")


def _said_by(essay: EssayText, kept: list[int]) -> list[tuple[str, str, int]]:
    """ "Lominadze, the party chief in Leningrad, said that ...": who says it, and the aside
    that names him, are the writer's own words, read as such."""
    tokens = essay.tokens
    r = next((k for k, i in enumerate(kept) if tokens[i].norm in _SAID), 0)
    if r < 3 or tokens[kept[0]].clause == tokens[kept[r - 1]].clause:
        return []  # not "Name, aside, said"
    return _across(essay, kept[:r])


def _attributed(tokens: tuple[Token, ...], span: list[int]) -> bool:
    return any(
        tokens[i].norm in _DATES
        and n
        and tokens[span[n - 1]].text[:1].isupper()
        and "to" in [tokens[j].norm for j in span[n + 1 : n + 8]]
        for n, i in enumerate(span)
    )


_PASSIVE = words(
    "who had has was were been being later also then and eventually himself too arrested tried "
    "in secret other generals commanders officers marshals leaders soon after a the two three "
    "four five six seven eight nine ten"
)
_OFFICE = words(
    "was were had been who then as the head chief of nkvd ran headed led came just soon shortly "
    "later by over from took take takes in charge with"
)
_SUCCESSION = ("replac", "succeed", "follow", "after", "before", "preced")
# "Trotsky was put on trial in Moscow in 1936 and shot": a trial, a place and a year keep him
# the one shot.
_TRIED = words("put on trial court")


def _passive(w: str) -> bool:
    return w in _PASSIVE or w in _TRIED or w in fd.KNOWN_PLACES or w.isdigit()


_FOUGHT = words("was were fought waged the of 1939 1940 1939-40")
_ROUGHLY = words("only just about around some roughly nearly almost approximately barely merely")
_STOPS = frozenset({"but", "while", "whereas", "unlike", "though", "although", "however"})


_APPOSITION = words("the a an one his stalin's lenin's")


_OWN = ("'s", "\u2019s")


def _past_aside(tokens: tuple[Token, ...], span: list[int], n: int) -> int:
    """ "Trotsky (himself), who stood in the dock, was shot": where the name's own predicate
    starts after a relative clause set between commas (n itself when there is none)."""
    m = n + 1
    if m < len(span) and tokens[span[m]].norm == "himself":
        m += 1
    opens = tokens[span[m]].norm if m < len(span) else ""
    # "Trotsky, the biggest rival of all, was ...": an apposition between commas too
    apposition = opens in _APPOSITION and tokens[span[m]].clause != tokens[span[n]].clause
    if m >= len(span) or (opens not in ("who", "whose") and not apposition):
        return n
    aside = tokens[span[m]].clause
    rest = next((k for k in range(m, len(span)) if tokens[span[k]].clause != aside), None)
    if rest is None or tokens[span[rest]].norm not in ("was", "were", "had", "is"):
        return n
    return rest - 1


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

    owners = frozenset(norms[n] for n, i in enumerate(span) if tokens[i].text.endswith(_OWN))
    for n, i in enumerate(span):
        norm = norms[n]
        if norm in fd.SURVIVED:
            verbs = fd.SURVIVED_VERBS.get(norm, (*fd.KILLED_VERBS, "tried"))
            for words in (ahead(n, 11), ahead(_past_aside(tokens, span, n), 11)):
                hit = next((m for m, w in enumerate(words) if starts(w, verbs)), None)
                # "Zhukov, who was shot", "Zhukov and seven other generals were tried": only
                # words that keep him the one shot stand between (not "Molotov signed
                # lists..."); "Gamarnik shot himself" is his suicide.
                suicide = hit is not None and words[hit + 1 : hit + 2] == ["himself"]
                if hit is not None and not suicide and all(_passive(w) for w in words[:hit]):
                    claim = f"{tokens[i].text} was not put to death."
                    out.append((claim, fd.SURVIVED[norm], i))
                    break
        if norm in fd.ORDER_WRONG_AUTHORS and "00447" in norms[max(0, n - 8) : n + 8]:
            order_verbs: tuple[str, ...] = fd.AUTHOR_VERBS + (
                fd.SIGN_VERBS if norm in fd.NEVER_SIGNED else ()
            )
            by = (
                n > 0
                and norms[n - 1] == "by"
                and any(starts(w, order_verbs) for w in norms[max(0, n - 4) : n])
            )
            if by or any(starts(w, order_verbs) for w in ahead(n, 3)):
                out.append(("The wrong person drew up Order 00447.", fd.ORDER_CORRECTION, i))
        if norm in fd.PLACE_PEOPLE:
            words = ahead(n, 8)
            # The first place named, with a role word just around it: "the party boss of
            # Leningrad", "the Leningrad party boss" (not "head of the railways, visited ...").
            m = next((m for m, w in enumerate(words) if w in fd.PLACES), None)
            role = m is not None and any(
                starts(w, fd.ROLE_WORDS) for w in words[max(0, m - 3) : m] + words[m + 1 : m + 3]
            )
            # Some held other posts there: only "the party" there is theirs to be wrong about.
            party = norm not in fd.PARTY_ONLY or ("party" in words and "nkvd" not in words)
            if m is not None and role and party and norm not in fd.PLACES[words[m]]:
                claim = f"{tokens[i].text} did not lead the party there."
                out.append((claim, fd.PLACE_CORRECTION, i))
        if norm in fd.POST_PEOPLE:
            out += post(tokens, i, ahead(n, 7))
        if norm in fd.KILLERS:
            out += killed_by(tokens, span, n)
        if (
            norm in people
            and norm not in fd.SUCCESSORS["kirov"]
            and norm not in owners  # "one of Stalin's friends"
            and took_post_of(norms, n, owners)
        ):
            claim = f"{tokens[i].text} did not succeed Kirov."
            out.append((claim, fd.PLACE_CORRECTION, i))
        out += which_trial(norms, n, i)
    out += trial_then_accused(norms, span)
    # "Of the 139 members of the Central Committee, 1,108 were shot": a part above its whole,
    # or a known part an order of magnitude below the record ("out of the 1,966 delegates, 110").
    lead = 2 if norms[:2] == ["out", "of"] else 1 if norms[:1] == ["of"] else 0
    if len(span) > lead + 1 and lead:
        whole = number_at(tokens, span[lead + (norms[lead] == "the")], span[-1] + 1)
        clause = tokens[span[0]].clause
        later = [j for j in span if tokens[j].clause > clause]
        while later[1:] and tokens[later[0]].norm in _ROUGHLY:  # "..., only 9 were shot"
            later = later[1:]
        part = number_at(tokens, later[0], span[-1] + 1) if later else None
        if whole and part and year_of(tokens[later[0]]) is None:
            if part > whole:
                out.append(("A part is larger than the whole.", fd.PART_OF_WHOLE, later[0]))
            elif part * 2 < fd.KNOWN_PARTS.get(whole, 0) and fd.purged(norms):
                out.append(("A part is far too small.", fd.PART_OF_WHOLE, later[0]))
    return out


def _sentence_hits(
    essay: EssayText, kept: list[int], last: int, span: list[int]
) -> list[tuple[str, str, int]]:
    """Every check on one sentence with no negation (`kept`: its words not dismissed)."""
    tokens = essay.tokens
    clauses: dict[int, list[int]] = {}
    for i in kept:
        clauses.setdefault(tokens[i].clause, []).append(i)
    clauses = without_hedges(tokens, clauses)
    hits = _across(essay, kept)
    hits += head_out_of_term(essay, kept) + wrong_fates(essay, kept) + wrong_blame(essay, kept)
    hits += wrong_order(essay, kept) + heads_in_turn(essay, kept) + took_over(essay, kept)
    previous: list[int] = []
    merged = with_dates(tokens, list(clauses.values()))
    first = merged[0] if merged else []
    for clause in merged:
        joined, name = with_antecedent(tokens, previous, clause, first)
        anchor = name if joined is not clause else subject_of(tokens, clause)
        hits += dated(essay, joined, last, anchor) + dated_each(essay, previous, clause, last)
        hits += _who_did(essay, clause)
        previous = clause
        # "the trials, held in X"; "Kirov, who was shot in Moscow": the name and its clause
        hits += placed(essay, joined if name is None else [name, *clause])
        hits += figure_errors(essay, clause, span) + vague_figures(essay, clause, span)
    return hits


_THIS = words("this that the same")


def _order_named(essay: EssayText) -> EssayText:
    """ "Order 00447 ... This order was issued in July 1935": "this / the order" after Order
    00447 has been named (and no other order) is read as it."""
    tokens = essay.tokens
    first = next((k for k, t in enumerate(tokens) if t.norm == "00447"), None)
    if first is None:
        return essay
    out = list(tokens)
    for k in range(first + 1, len(tokens) - 1):
        if (
            tokens[k].norm == "order"
            and tokens[k - 1].norm in _THIS
            and tokens[k + 1].norm not in ("of", "to", "00447")
            and tokens[k - 2].norm != "in"  # "in the order they came"
        ):
            out[k] = tokens[k]._replace(norm="00447")
    return replace(essay, tokens=tuple(out)) if out != list(tokens) else essay


def find_fact_errors(essay: EssayText, dismissed: frozenset[int]) -> tuple[FoundMisconception, ...]:
    """Each sentence that clearly contradicts the record, once per claim, in text order."""
    essay = _order_named(essay)
    tokens = essay.tokens
    found: dict[tuple[int, str], FoundMisconception] = {}
    for n, s in enumerate(essay.sentences):
        span = list(range(s.first, s.last))
        if s.question or s.heading or not span:
            continue
        reported = any(tokens[i].norm in _REPORTED or tokens[i].norm in _SAID for i in span)
        reported = reported and not course_quoted(tokens, span)
        aside = negated_aside(tokens, span)
        kept = [
            i
            for i in span
            if i not in dismissed and i not in aside and tokens[i].norm not in INTENSIFIERS
        ]
        denied = any(denies(tokens, i) for i in span if i not in aside)
        if reported or _attributed(tokens, span):  # someone else's claim: only the absurd
            hits = [] if denied else beyond_any_estimate(essay, kept)
            hits = hits or ([] if denied else historian_figures(essay, kept))
            hits = hits or _said_by(essay, kept)
        elif denied:  # a claim denied is read for one thing only, and what follows it
            hits = denied_fates(essay, kept) + table_claims(essay, n, after_denial(tokens, kept))
            negations = {i for i in span if denies(tokens, i)}
            if relative := undenied_relative(tokens, kept, negations):
                hits += _sentence_hits(essay, relative, s.last, span)
        else:
            hits = _sentence_hits(essay, kept, s.last, span) + head_back_then(essay, n, kept)
            hits = hits or table_claims(essay, n, kept) + historian_figures(essay, kept)
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
