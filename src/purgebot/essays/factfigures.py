"""Figures against the record, for `purgebot.essays.facts`: a well-known figure an order of
magnitude too high or (a total, `fd.LOW_FIGURES`, also when vague: "a few thousand") too low,
"all five marshals" or "four of the five", a part larger than its whole ("1,108 of the 139"); and
the small readers of years and numbers the checks share."""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.text import EssayText, Token, words

_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "all": 5}
MONTHS = words(
    "january february march april may june july august september october november december"
)
_SCALES = {"thousand": 1_000, "million": 1_000_000, "millions": 1_000_000}


def starts(norm: str, stems: tuple[str, ...]) -> bool:
    """Whether a word starts with one of the stems; a stem ending in "=" is a whole word."""
    return any(norm == s[:-1] if s.endswith("=") else norm.startswith(s) for s in stems)


def year_of(tok: Token) -> int | None:
    if len(tok.norm) == 4 and tok.norm.isdigit() and 1900 <= int(tok.norm) <= 1960:
        return int(tok.norm)
    return None


def number_at(tokens: tuple[Token, ...], i: int, last: int) -> int | None:
    norm = tokens[i].norm
    if norm == "a" and i + 1 < last and tokens[i + 1].norm == "million":
        # "over a million", not "half a million" or "three-quarters of a million"
        before = tokens[i - 1].norm if i else ""
        return None if before in ("of", "half", "quarter") else 1_000_000
    try:
        value = float(norm)
    except ValueError:
        return None
    if i + 1 < last and tokens[i + 1].norm in _SCALES:
        value *= _SCALES[tokens[i + 1].norm]
    return int(value)


def _counts(w: str) -> bool:
    """A number that is a figure, not an order's name ("00447") or a year ("in 1937-38")."""
    if not w.replace(".", "", 1).isdigit() or w.startswith("0"):
        return False
    return not (len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 1960)


_OPENERS = frozenset({"under", "according", "in", "by", "with", "from"})
_QUALIFIERS = frozenset(
    {"over", "more", "than", "above", "about", "around", "some", "nearly", "almost", "roughly",
     "approximately", "just", "up", "to", "under", "fewer", "less", "only", "least", "at"}
)  # fmt: skip


def _about(norms: list[str], n: int) -> list[str]:
    """The words a figure at n is said of: up to three before it and seven after, neither
    reaching past another figure ("259,450 arrests and 72,950 executions"); a year is a word,
    and so is the end of a range of years ("1937-38")."""

    def figure(k: int) -> bool:
        short_year = (
            k and len(norms[k]) == 2 and len(norms[k - 1]) == 4 and norms[k - 1][:2] == "19"
        )
        return _counts(norms[k]) and not short_year

    before: list[str] = []
    reach = 3
    k = n - 1
    while k >= 0 and reach > 0:
        if figure(k):
            break
        before.append(norms[k])
        # "called for over 700,000", "set some 70,000": a qualifier of the figure is no word
        # of what it is said of, and uses none of the three
        reach -= norms[k] not in _QUALIFIERS
        k -= 1
    after: list[str] = []
    for k in range(n + 1, min(len(norms), n + 8)):
        if figure(k):
            break
        after.append(norms[k])
    return before + after


# "a few thousand", "several hundred": a vague figure, at its middle.
_VAGUE = {"few": 3, "several": 5, "couple": 2}
_VAGUE_SCALES = {"hundred": 100, "thousand": 1_000}


def vague_figures(
    essay: EssayText, clause: list[int], sentence: list[int]
) -> list[tuple[str, str, int]]:
    """ "Only a few thousand officers were removed": a vague figure read as its middle and
    checked against the record's totals too low."""
    norms = [essay.tokens[i].norm for i in clause]
    out: list[tuple[str, str, int]] = []
    for n, w in enumerate(norms[:-1]):
        if w in _VAGUE and norms[n + 1] in _VAGUE_SCALES:
            value = _VAGUE[w] * _VAGUE_SCALES[norms[n + 1]]
            whole = [essay.tokens[i].norm for i in sentence]
            out += _too_low(norms, n + 1, value, clause[n], whole, [])
    return out


_LOWEST = max(fig.too_low for fig in fd.LOW_FIGURES)
_AT_LEAST = frozenset({"over", "more", "least", "above", "than", "exceeded", "beyond"})


def _part(norms: list[str], n: int) -> bool:
    """ "154 of the 186 division commanders": the figure at n is a part of a number given."""
    for k in range(n + 1, min(len(norms), n + 4)):
        if norms[k] == "of":
            return any(_counts(w) for w in norms[k + 1 : k + 4])
    return False


def _too_low(
    norms: list[str], n: int, value: int, i: int, sentence: list[str], lead: list[str]
) -> list[tuple[str, str, int]]:
    """A total of the record (`fd.LOW_FIGURES`) given at n an order of magnitude too low; not
    a lower bound ("over 3,000"), a part ("154 of the 186") or another body's figure anywhere
    in the sentence."""
    if value < 100 or _part(norms, n):
        return []
    if any(w in _AT_LEAST for w in norms[max(0, n - 3) : n]):
        return []
    near = _about(norms, n) + lead
    for fig in fd.LOW_FIGURES:
        if value >= fig.too_low or any(starts(w, fig.unless) for w in sentence):
            continue
        if all(any(starts(w, g) for w in near) for g in fig.groups):
            return [(fig.claim, fig.correction, i)]
    return []


def figure_errors(
    essay: EssayText, clause: list[int], sentence: list[int]
) -> list[tuple[str, str, int]]:
    tokens = essay.tokens
    out: list[tuple[str, str, int]] = []
    norms = [tokens[i].norm for i in clause]
    last = clause[-1] + 1
    # A figure for a year of the Terror, not "between 1930 and 1953" or "under Stalin".
    years = [y for i in sentence if (y := year_of(tokens[i]))]
    has_year = any(1936 <= y <= 1941 for y in years) and all(y <= 1941 for y in years)
    has_year = has_year and not any(tokens[i].norm in ("between", "through") for i in sentence)
    sentence_norms = [tokens[i].norm for i in sentence]
    # "Under the order, 729,500 people were to be shot": an opening phrase says what the
    # figures of the clause after it are of
    lead: list[str] = []
    opening = tokens[sentence[0]].clause if sentence else -1
    if sentence and tokens[sentence[0]].norm in _OPENERS and tokens[clause[0]].clause != opening:
        lead = [tokens[i].norm for i in sentence if tokens[i].clause == opening]
    for n, i in enumerate(clause):
        value = number_at(tokens, i, last)
        if value is None or norms[n].startswith("0"):  # "Order 00447" is a name, not a figure
            continue
        rest = norms[n + 1 :]
        # "1,108 of the 139 members": a part larger than its whole.
        k = int(bool(rest) and rest[0] in _SCALES)
        if len(rest) > k + 1 and rest[k] == "of":
            at = k + 1 + (rest[k + 1] == "the")
            whole = (
                number_at(tokens, clause[n + 1 + at], last) if n + 1 + at < len(clause) else None
            )
            month = n + 2 + at < len(clause) and norms[n + 2 + at] in MONTHS
            if whole is not None and not month and year_of(tokens[i]) is None:
                if whole < value:
                    out.append(("A part is larger than the whole.", fd.PART_OF_WHOLE, i))
                    continue
                if value * 2 < fd.KNOWN_PARTS.get(whole, 0) and fd.purged(norms):
                    claim = "A part is far too small."
                    out.append((claim, fd.PART_OF_WHOLE, i))
                    continue
        if value < _LOWEST and year_of(tokens[i]) is None:
            low = _too_low(norms, n, value, i, sentence_norms, lead)
            if low:
                out += low
                continue
        if value < 10_000:
            continue
        for fig in fd.FIGURES:
            if value < fig.too_high or (fig.needs_year and not has_year):
                continue
            near = _about(norms, n) + lead
            if all(any(starts(w, g) for w in near) for g in fig.groups):
                out.append((fig.claim, fig.correction, i))
                break
    for n, i in enumerate(clause):  # "all five marshals were shot", "four of the five marshals"
        if not norms[n].startswith("marshal"):
            continue
        before = norms[max(0, n - 4) : n]
        if "of" in before:
            at = before.index("of")
            count = _COUNTS.get(before[at - 1]) if at else None
        else:
            count = 5 if "all" in before else None
        killed = any(starts(w, ("shot", "execut", "purg", "kill", "arrest")) for w in norms)
        spared = any(starts(w, ("surviv", "spare", "escap", "except", "apart")) for w in norms)
        if count is not None and count != 3 and killed and not spared:
            out.append(("The number of marshals purged is wrong.", fd.MARSHALS_CORRECTION, i))
    return out


_REFUTED = words(
    "myth exaggerated exaggeration wrongly mistakenly supposedly propaganda false untrue wrong "
    "nonsense rubbish"
)


def beyond_any_estimate(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    """ "Conquest estimated that 30 million people were executed": in a reported sentence, only a
    figure beyond what any historian gives (`Figure.even_reported`) is wrong."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    if any(w in _REFUTED for w in norms):  # "it is a myth that 30 million were shot"
        return []
    for n, i in enumerate(span):
        value = number_at(tokens, i, span[-1] + 1)
        if value is None or norms[n].startswith("0"):
            continue
        near = _about(norms, n)
        for fig in fd.FIGURES:
            absurd = fig.even_reported and value >= fig.even_reported
            if absurd and all(any(starts(w, g) for w in near) for g in fig.groups):
                return [(fig.claim, fig.correction, i)]
    return []
