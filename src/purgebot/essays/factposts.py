"""A head of the NKVD tied to a year he did not hold the post (`factdata.NKVD_TERMS`).

"The NKVD under Beria in 1937", "the head of the NKVD who ran the arrests of 1937 was Yagoda": the
sentence names the NKVD, exactly one of its heads in that role ("under X", a head word beside him),
and dates only to years outside his term, each within `REACH` words of him (twice that when "as
head" or "it was X" casts him in the post). A sentence about what
became of a person (arrested, shot, replaced...), a bound ("until 1936", "by 1938") or a range that
meets his term is left alone.
"""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.factfigures import starts, year_of
from purgebot.essays.text import EssayText, Token, words

_ROLE = ("head", "chief", "boss", "ran", "run", "led", "lead", "charge", "command", "control")
# What became of someone, as a verb after "was / were / been / had" ("was shot", "had been
# replaced"), or one of its own: the year is then about his fate, not his term.
_FATE = (
    "shot", "execut", "arrest", "tri", "remov", "replac", "succeed", "sack", "dismiss", "purg",
    "demot", "appoint", "promot", "made", "moved", "transfer", "put",
)  # fmt: skip
_FATE_VERBS = frozenset({"became", "become", "took", "fell", "died", "succeeded", "replaced"})
_AUX = frozenset({"was", "were", "been", "had", "being", "be", "and", "then", "later", "himself"})
REACH = 8  # words between the head's name and a year said of him
_BOUNDS = frozenset({"before", "after", "by", "until", "till", "since", "from", "prior", "to"})


_DURING = words("during throughout amid")


def head_out_of_term(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    # "Yagoda was in charge of the NKVD when Tukhachevsky was shot": a fate in the clause of
    # another person named after the head is his, not the head's
    other = next(
        (
            m
            for m, w in enumerate(norms)
            if tokens[span[m]].text[:1].isupper()
            and w not in fd.NKVD_TERMS
            and w not in ("nkvd", "stalin's")
            and any(x in fd.NKVD_TERMS for x in norms[:m])
        ),
        len(norms),
    )
    theirs = tokens[span[other]].clause if other < len(norms) else -1
    fate = any(
        w in _FATE_VERBS or (m and norms[m - 1] in _AUX and starts(w, _FATE))
        for m, w in enumerate(norms)
        if (m < other or tokens[span[m]].clause != theirs)
        and norms[m : m + 3] != ["put", "in", "charge"]  # taking the post, not a fate
    )
    if ("nkvd" not in norms and " ".join(norms).find("secret police") < 0) or fate:
        return []
    heads = [n for n, w in enumerate(norms) if w in fd.NKVD_TERMS]
    if len({norms[n] for n in heads}) != 1:
        return []
    n = heads[0]
    near = norms[:n] + norms[n + 1 : n + 4]  # "the head of the NKVD ... was Yagoda"
    if not (n and norms[n - 1] == "under") and not any(starts(w, _ROLE) for w in near):
        return []
    # "It was Yagoda, as head of the NKVD, who carried out the arrests ... in 1937": a head
    # put in his post by "as head" or a cleft "it was X" holds it for the whole sentence
    cast = (
        norms[n + 1 : n + 3] in (["as", w] for w in _ROLE)
        or norms[max(0, n - 2) : n] == ["it", "was"]
        or (n == 1 and norms[0] == "under")  # "Under Beria, the NKVD ..."
        # "Yagoda was in charge of the NKVD when Tukhachevsky was shot in 1937"
        or ("when" in norms[n + 1 :] and "nkvd" in norms[n + 1 : norms.index("when", n + 1)])
        # "ran the NKVD during the worst of the killing in 1937": a time phrase after the post
        or any(w in _DURING for w in norms[n + 1 : n + 3])
    )
    reach = 2 * REACH if cast else REACH
    years: set[int] = set()
    for m, w in enumerate(norms):
        # "the NKVD chief during the Great Terror was Yagoda": the Terror's years
        if w == "terror" and m and norms[m - 1] == "great" and abs(m - n) <= REACH:
            if any(x in _BOUNDS for x in norms[max(0, m - 4) : m]):
                return []
            years.add(1937)  # its heart: Beria came only at its very end, in late 1938
    for m, i in enumerate(span):
        year = year_of(tokens[i])
        if year is None or abs(m - n) > reach:
            continue
        if m and norms[m - 1] == "by":
            # "By 1937 Beria was in charge of the NKVD": his term must have begun by then
            if year >= min(fd.NKVD_TERMS[norms[n]]):
                return []
            claim = f"{tokens[span[n]].text} did not head the NKVD then."
            return [(claim, fd.NKVD_ORDER, span[n])]
        if m and norms[m - 1] in _BOUNDS:
            # "ran the NKVD until 1938": the end of his term must be its end
            said = norms[min(n, m) : max(n, m)]  # the NKVD named between him and the year
            if norms[m - 1] not in ("until", "till") or year in fd.TERM_ENDS[norms[n]]:
                return []
            if "nkvd" not in said and "police" not in said:
                return []
            claim = f"{tokens[span[n]].text} did not head the NKVD then."
            return [(claim, fd.NKVD_ORDER, span[n])]
        gap = essay.text[tokens[i].end : tokens[span[m + 1]].start] if m + 1 < len(span) else ""
        if gap.strip() in ("-", "–", "—") and m + 1 < len(span) and norms[m + 1].isdigit():
            end = int(norms[m + 1]) + (1900 if len(norms[m + 1]) == 2 else 0)
            years.update(range(year, end + 1) if year < end <= year + 10 else {year})
        else:
            years.add(year)
    if not years or years & fd.NKVD_TERMS[norms[n]]:
        return []
    claim = f"{tokens[span[n]].text} did not head the NKVD then."
    return [(claim, fd.NKVD_ORDER, span[n])]


_TOOK_POST = ("became", "become", "took", "appoint", "head", "ran", "led", "replac", "succeed")


_RUN_BY = ("run", "ran", "head", "led", "controll", "direct", "taken")


def heads_in_turn(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    """ "After Beria, Yezhov became head of the NKVD", "Yezhov's successor was Yagoda": two
    heads of the NKVD put in the wrong order across a comma or by "successor" / "predecessor"."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    heads = [n for n, w in enumerate(norms) if w in fd.NKVD_HEADS]
    handed = _handed_on(norms, heads)
    if handed is not None:
        a, b = handed  # "After Yagoda was removed the job went to Beria": the very next one
        if fd.NKVD_HEADS.index(norms[b]) - fd.NKVD_HEADS.index(norms[a]) != 1:
            return [("The NKVD heads are in the wrong order.", fd.NKVD_ORDER, span[b])]
        return []
    if _listed_out_of_order(norms, heads):
        return [("The NKVD heads are in the wrong order.", fd.NKVD_ORDER, span[heads[0]])]
    if len({norms[n] for n in heads}) != 2 or len(heads) != 2:
        return []
    a, b = heads
    rank_a, rank_b = fd.NKVD_HEADS.index(norms[a]), fd.NKVD_HEADS.index(norms[b])
    wrong = False
    # "Before Yezhov, the secret police had been run by Beria": the post's verb before "by B"
    run_by = norms[b - 1] == "by" and any(starts(w, _RUN_BY) for w in norms[b - 3 : b - 1])
    if (
        a == 1
        and norms[0] in ("after", "before")
        and (run_by or any(starts(w, _TOOK_POST) for w in norms[b + 1 : b + 4]))
    ):
        wrong = rank_b < rank_a if norms[0] == "after" else rank_b > rank_a
    else:
        for k, w in enumerate(norms):
            if w not in ("successor", "predecessor"):
                continue
            of = next((h for h in heads if h in (k - 1, k - 2) and _owns(tokens, span[h])), None)
            if of is None:
                return []
            other = b if of == a else a
            step = fd.NKVD_HEADS.index(norms[other]) - fd.NKVD_HEADS.index(norms[of])
            wrong = step != (1 if w == "successor" else -1)
            break
    if not wrong:
        return []
    return [("The NKVD heads are in the wrong order.", fd.NKVD_ORDER, span[a])]


_FIRST = words("first")
_NEXT_IN_LIST = words("then next last finally came later")
# a head named after these is placed another way ("worked under Yagoda", "after Yezhov")
_REVERSE = words("before after under from of than predecessor successor")


def _listed_out_of_order(norms: list[str], heads: list[int]) -> bool:
    """ "Yagoda was the first chief, after him came Beria, and Yezhov was the last one": heads
    told in turn ("first", "then", "last"), each named once, in the wrong order; not when a
    "before / after / replaced" says the order another way ("after Yezhov came Beria")."""
    names = [norms[n] for n in heads]
    if len(heads) < 2 or len(set(names)) != len(names) or "first" not in norms:
        return False
    if not any(w in _NEXT_IN_LIST for w in norms[heads[0] + 1 :]):
        return False
    if any(norms[n - 1] in _REVERSE for n in heads if n) or any(
        starts(w, ("replac", "succeed", "preced", "took", "take", *_FATE[:4], "die", "kill"))
        for w in norms  # "the first to be shot": an order of something else
    ):
        return False
    ranks = [fd.NKVD_HEADS.index(w) for w in names]
    return ranks != sorted(ranks)


_HANDED = words("went given passed handed")


def _handed_on(norms: list[str], heads: list[int]) -> tuple[int, int] | None:
    """ "After Yagoda was removed ... the job went to (Lavrenti) Beria": the head the sentence
    opens after, and the one the post is said to go to next."""
    if len(heads) < 2 or heads[0] != 1 or norms[0] != "after":
        return None
    for b in heads[1:]:
        before = norms[max(0, b - 3) : b]
        if "to" in before and any(w in _HANDED for w in norms[max(0, b - 5) : b]):
            return heads[0], b
    return None


def _owns(tokens: tuple[Token, ...], i: int) -> bool:
    """ "Yezhov's successor" (or "the successor of Yezhov" read as Yezhov's)."""
    return tokens[i].text.endswith(("'s", "\u2019s"))


_TAKE = ("took", "taken", "take", "replac", "succeed", "became", "become", "appoint", "made")
_TAKE_LINKS = words("over from after before")


def _replaced_whom(norms: list[str], k: int) -> bool:
    """ "Yagoda, whom Beria replaced": a head, "whom" and a head at k."""
    heads = fd.NKVD_HEADS
    return norms[k] in heads and norms[k - 1] == "whom" and norms[k - 2] in heads


def took_over(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    """ "Beria, who had taken over from Yagoda in 1936", "he became head of the NKVD after
    Beria was sacked": a head said to take the post from (after) another who did not hold it
    just before him. Without a head before the verb ("he took over from Beria"), only a
    predecessor who had none after him in the period (Beria) or a successor who had none
    before him (Yagoda) is wrong."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    if not {"nkvd", "police", "over", "whom"} & set(norms):  # ("whom": see below)
        return []
    for n, w in enumerate(norms):
        if not starts(w, _TAKE):
            continue
        passive = n + 1 < len(norms) and norms[n + 1] == "by"
        after = next(
            (
                k
                for k in range(n + 1, min(len(norms), n + 9))
                if norms[k] in fd.NKVD_HEADS and norms[k - 1] in (*_TAKE_LINKS, "by")
            ),
            None,
        )
        link = norms[after - 1] if after is not None else ""
        if after is None and not passive and starts(w, ("replac", "succeed")):
            # "Yagoda, whom Beria replaced": the head before "whom" is the one replaced
            after = next((k - 2 for k in range(max(2, n - 3), n) if _replaced_whom(norms, k)), None)
            link = "from"
        if after is None or (norms[after - 1] == "by" and not passive):
            continue
        other = norms[after]
        subject = next(
            (k for k in range(n - 1, max(-1, n - 9), -1) if norms[k] in fd.NKVD_HEADS), None
        )
        if starts(w, ("replac", "succeed")) and not passive and link not in ("over", "from"):
            link = "from"  # "Beria replaced Yagoda": Yagoda came before
        rank = fd.NKVD_HEADS.index(other)
        if subject is None:
            wrong = (link != "before" and rank == 2 and not passive) or (
                link == "before" and rank == 0
            )
        else:
            step = rank - fd.NKVD_HEADS.index(norms[subject])
            wrong = step != (1 if passive or link == "before" else -1)
        if wrong:
            return [("The NKVD heads are in the wrong order.", fd.NKVD_ORDER, span[after])]
        return []
    return []


_WAS = words("was were is who which")


_NEXT = words("next following")  # "the very next day", not "later came the Terror"


def head_back_then(essay: EssayText, n: int, span: list[int]) -> list[tuple[str, str, int]]:
    """ "Kirov was murdered in December 1934. Within a day, a decree gave the secret police,
    which was then run by Yezhov, ...": a sentence with no year of its own that says who "then"
    headed the NKVD is dated by the one year of the sentence just before it, or of the one before
    that in the same paragraph."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    # "was then run by", "who was then", "at the time": not "then arrested" (what came next)
    then = any(w == "then" and k and norms[k - 1] in _WAS for k, w in enumerate(norms)) or any(
        norms[k : k + 3] in (["at", "the", "time"], ["at", "that", "time"], ["at", "this", "time"])
        for k in range(len(norms))
    )
    if any(year_of(tokens[i]) for i in span) or not then:
        return []
    head = next((k for k, w in enumerate(norms) if w in fd.NKVD_TERMS), None)
    if head is None:
        return []
    # "... in 1934. || The very next day ... . The head of the NKVD at this time": a sentence
    # opening with a time counted from before it goes on from there, past a paragraph break
    last = essay.sentences[n - 1] if n else None
    chained = last is not None and any(
        tokens[i].norm in _NEXT for i in range(last.first, min(last.last, last.first + 4))
    )
    for back in (n - 1, n - 2, n - 3):
        if back < 0 or (back == n - 3 and not chained):
            return []
        s, after = essay.sentences[back], essay.sentences[back + 1]
        if back < n - 1 and "\n\n" in essay.text[s.end : after.start] and not chained:
            return []
        years = [i for i in range(s.first, s.last) if year_of(tokens[i])]
        if not years:
            continue
        if len({tokens[i].norm for i in years}) != 1:
            return []
        return head_out_of_term(essay, [*span[: head + 1], years[-1], *span[head + 1 :]])
    return []
