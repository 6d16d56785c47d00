"""How the clauses of a sentence are joined before `purgebot.essays.factdates` dates them: a
relative clause after the noun phrase it follows, a predicate after an aside with the sentence's
opening words, a clause that is only a date with the clause it dates, and the name a clause
opens with as the subject of its predicates."""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.factdates import DATE_FILLER
from purgebot.essays.factfigures import MONTHS, year_of
from purgebot.essays.text import Token, words


def with_antecedent(
    tokens: tuple[Token, ...], previous: list[int], clause: list[int], first: list[int]
) -> tuple[list[int], int | None]:
    """The clause as it is to be read, and the name it is said of (None: its own words).

    "Hitler, who came to power in 1936", "the war with Finland, which began in 1929": a relative
    clause is read after the last words of the clause before, when that ends in a name.
    "Marshal Tukhachevsky, the army's leading thinker, was shot in 1939", "Ryutin's platform,
    which ..., had been circulating since 1937": a predicate after an aside is read after the
    sentence's opening words (`first`, a short clause that names something and says nothing)."""
    if not clause:
        return clause, None
    if (
        previous
        and tokens[clause[0]].norm in ("who", "which", "whose", "whom")
        and _name_word(tokens[previous[-1]])  # "Order 00447, which ..."
        and _aside_of_time(tokens, clause) <= 0  # (below: "which the Red Army fought in")
    ):
        return [*previous[-4:], *clause], previous[-1]
    if (  # "the army purge, which began in 1939": an event noun's relative clause
        previous and tokens[clause[0]].norm == "which" and tokens[previous[-1]].norm in _EVENT_NOUNS
    ):
        return [*previous[-4:], *clause], None
    if (  # "the Winter War against Finland, fought in 1949-50, ...": a participle's aside;
        # "the first show trial, held in 1938" / "which was held in 1938": said of any noun
        previous
        and (n := _aside_of_time(tokens, clause)) >= 0
        and (tokens[previous[-1]].text[:1].isupper() or tokens[previous[-1]].content)
        and any(
            year_of(tokens[j]) or tokens[j].norm in fd.KNOWN_PLACES for j in clause[n + 1 : n + 4]
        )  # "held in 1938", "held in Leningrad"
    ):
        return [*previous[-4:], *clause[n:]], None
    if (
        previous
        and previous is not first
        and (tokens[clause[0]].norm in _AUX or tokens[clause[0]].norm in _HAPPENED)
        and 0 < len(first) <= 4
        and any(_name_word(tokens[j]) for j in first)
        and not any(tokens[j].norm in _AUX for j in first)
    ):
        name = first[-1] if _name_word(tokens[first[-1]]) else None
        return [*first, *clause], name
    return clause, None


def _aside_of_time(tokens: tuple[Token, ...], clause: list[int]) -> int:
    """ "fought in 1949", "which was held in 1938": where the participle of an event stands,
    after "which was" or on its own (-1: not such an aside). The "which was" is no distance."""
    n = 2 if [tokens[j].norm for j in clause[:2]] in (["which", "was"], ["which", "were"]) else 0
    if n == 0 and clause and tokens[clause[0]].norm in ("which", "whom"):
        # "which the Red Army fought in 1944", "which Stalin had staged in 1938": the clause's
        # own subject (a few words, no verb of its own) stands before the participle
        for k in range(2, min(len(clause), 6)):
            if tokens[clause[k]].norm in _PARTICIPLES:
                n = k
                break
            if not _subject_word(tokens[clause[k]]):
                break
        if n and not all(_subject_word(tokens[j]) for j in clause[1:n]):
            n = 0
    return n if n < len(clause) and tokens[clause[n]].norm in _PARTICIPLES else -1


def _subject_word(token: Token) -> bool:
    """A word of a relative clause's own subject ("the Red Army", "Stalin had")."""
    return (token.text[:1].isupper() and not token.norm.isdigit()) or token.norm in _SUBJECT_FILL


_AUX = words("was were had has is")
_SUBJECT_FILL = words("the soviet red army had has government regime leadership party")
# "The first show trial, of Zinoviev and Kamenev, took place in 1938": a predicate of time
_HAPPENED = words("took happened began started ended opened met")
_EVENT_NOUNS = words("purge purges trial trials terror congress murder order war operation")
_PARTICIPLES = words(
    "fought waged held staged signed issued launched begun started murdered killed shot "
    "assassinated arrested executed sacked removed replaced dismissed"
)
_TITLES = words("the marshal general comrade commissar")
_NAMELESS = MONTHS | fd.KNOWN_PLACES | words("nkvd order soviet red army")


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() or token.norm.isdigit()


def subject_of(tokens: tuple[Token, ...], clause: list[int]) -> int | None:
    """ "Trotsky was the main defendant at the first trial and was shot in 1936": the name a
    clause opens with ("Marshal Tukhachevsky was ...") is what its predicates, however long,
    are said of, when no other name follows in the clause."""
    n = 0
    while n < len(clause) and tokens[clause[n]].norm in _TITLES:
        n += 1
    run = n
    while run < len(clause) and tokens[clause[run]].text[:1].isupper():
        run += 1
    if run == n or run >= len(clause):
        return None
    aux = run
    if tokens[clause[run]].norm in ("and", "with"):  # "Tukhachevsky and seven other generals were"
        aux = next(
            (
                k
                for k in range(run + 1, min(len(clause), run + 6))
                if tokens[clause[k]].norm in _AUX
            ),
            run,
        )
        if any(tokens[clause[k]].text[:1].isupper() for k in range(run + 1, aux)):
            return None
    if tokens[clause[aux]].norm not in _AUX:
        return None
    later = clause[run:]
    if any(tokens[j].text[:1].isupper() and tokens[j].norm not in _NAMELESS for j in later):
        return None
    return clause[run - 1]


_DATE_ONLY = DATE_FILLER | MONTHS | words("during around about c circa")


_ANAPHORS = words("this that it which all")
_BE = words("was is happened occurred came took place")


def _date_of_anaphor(tokens: tuple[Token, ...], clause: list[int]) -> tuple[list[int], list[int]]:
    """ "..., and this happened in 1936, a few months later", "and this was in 1938 which
    shows ...", "It was in 1938": a clause whose subject stands for a claim and whose predicate
    is only a date. Returns the date's words and the rest of the clause ([] and the clause when
    it is not one)."""
    n = 1 if clause and tokens[clause[0]].norm in ("and", "but", "so") else 0
    if n >= len(clause) or tokens[clause[n]].norm not in _ANAPHORS:
        return [], clause
    n += 1
    start = n
    while n < len(clause) and tokens[clause[n]].norm in _BE:
        n += 1
    if n == start:
        return [], clause
    end = n
    while end < len(clause) and (
        tokens[clause[end]].norm in _DATE_ONLY or year_of(tokens[clause[end]])
    ):
        end += 1
    if not any(year_of(tokens[j]) for j in clause[n:end]):
        return [], clause
    return clause[n:end], clause[end:]


def with_dates(tokens: tuple[Token, ...], clauses: list[list[int]]) -> list[list[int]]:
    """A clause that is only a date ("In 1935, Kirov was murdered", "Kirov's murder (1935)")
    joins the clause it dates: the one before it, or the next when it opens the sentence.
    "Kirov was shot in Leningrad, and this happened in 1936": a date said of "this" dates the
    clause before; "It was in 1938, with ..., that Stalin signed X": a cleft's date dates the
    clause its "that" opens."""
    out: list[list[int]] = []
    pending: list[int] = []
    cleft: list[int] = []
    for clause in clauses:
        if cleft and clause and tokens[clause[0]].norm == "that":
            clause, cleft = [*clause, *cleft], []
        date, rest = _date_of_anaphor(tokens, clause)
        if date and tokens[clause[0]].norm == "it" and not rest:
            cleft = date
            continue
        if date and out:
            out[-1] = [*out[-1], *date]
            if rest:
                out.append(rest)
            continue
        only_date = any(year_of(tokens[i]) for i in clause) and all(
            year_of(tokens[i]) or tokens[i].norm in _DATE_ONLY or tokens[i].norm.isdigit()
            for i in clause
        )
        if only_date and out:
            out[-1] = [*out[-1], *clause]
        elif only_date:
            pending += clause
        else:
            out.append([*pending, *clause])
            pending = []
    if pending:
        out.append(pending)
    return out


def undenied_relative(tokens: tuple[Token, ...], kept: list[int], denied: set[int]) -> list[int]:
    """ "Yezhov, who took over the NKVD from Beria in 1936, was not a mere instrument": a
    negation in the main clause does not deny what a relative clause says of its name. The
    words of each "who / which / whom" clause with no negation, after the clause it follows
    when that has none either ([]: no such clause)."""
    clauses: dict[int, list[int]] = {}
    for i in kept:
        clauses.setdefault(tokens[i].clause, []).append(i)
    out: list[int] = []
    previous: list[int] = []
    for clause in clauses.values():
        if (
            previous
            and tokens[clause[0]].norm in ("who", "which", "whom")
            and not denied & {*previous, *clause}
        ):
            out += [j for j in previous if j not in out] + clause
        previous = clause
    return out
