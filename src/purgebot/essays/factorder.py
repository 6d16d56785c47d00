"""Two dated events put in the wrong order, for `purgebot.essays.facts`: "Kirov was murdered
after the first show trial", "the show trials began after Order 00447", "Zinoviev and Kamenev
were shot within a week of the murder".

A sentence is read as two sides of one "before / after / following" (or "After B, A"): each side
must name exactly one event of the record (`factevents.EVENTS`), and each event stands for the
span of months the record gives it ("began" takes its first month, "ended" its last). The order
is wrong only when the spans cannot meet in the order claimed; "within weeks of", "days after"
and the like are wrong when more than a year lies between.
"""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.factdates import modifier
from purgebot.essays.factfigures import starts
from purgebot.essays.factwhose import word_of
from purgebot.essays.text import EssayText, Token, words

_ORDER = "january february march april may june july august september october november december"
_MONTH_NO = {m: n for n, m in enumerate(_ORDER.split(), start=1)}
_AFTER = words("after following")
_BEFORE = words("before")
_SOON = words("days day weeks week immediately straight soon shortly within")
_LEAD = words("a few days weeks months years two three soon shortly just only right not long some")
_START = ("began", "begin", "start", "launch", "open")
_END = ("ended", "end", "finish", "stopp", "over")
_KIROV = next(e for e in fd.EVENTS if e.claim.startswith("Kirov's murder"))


def _span(event: fd.Event) -> tuple[int, int]:
    """The event's first and last month, as year * 12 + month."""
    months = sorted(_MONTH_NO[m] for m in event.months) if event.months else [1, 12]
    return min(event.years) * 12 + months[0], max(event.years) * 12 + months[-1]


_DONE_TO = ("shot", "execut", "murder", "kill", "assassin", "arrest", "tri", "remov", "dismiss")
_PASSIVE = words("was were been being is are")


def _undergone(tokens: tuple[Token, ...], hits: list[list[int]]) -> bool:
    """A person's event done to him is his only when he is its object: "Yezhov was shot",
    "Yezhov's execution", "the arrest of Bukharin", not "Yezhov drew up execution lists"."""
    if len(hits) < 2 or not tokens[hits[0][0]].text[:1].isupper():
        return True
    verbs = [v for h in hits[1:] for v in h if starts(tokens[v].norm, _DONE_TO)]
    if not verbs:
        return True
    for n in hits[0]:
        text = tokens[n].text
        if text.endswith(("'s", "\u2019s")) or (n and tokens[n - 1].norm in ("of", "had", "have")):
            return True
        if any(tokens[j].norm in _PASSIVE for v in verbs for j in range(n + 1, v)):
            return True
    return False


def _one_event(
    tokens: tuple[Token, ...], side: list[int], kirov: bool
) -> tuple[fd.Event, int, int] | None:
    """The one event a side names (several entries for the same time count as one), as the
    event and its span narrowed by "began" / "ended". "The murder" is Kirov's when he is named
    before and nobody else is named with it."""
    found: dict[tuple[int, int], fd.Event] = {}
    names = [i for i in side if tokens[i].text[:1].isupper() and i != side[0]]
    if kirov and not names and any(starts(tokens[i].norm, ("murder", "assassin")) for i in side):
        found[_span(_KIROV)] = _KIROV
    for event in fd.EVENTS:
        if event.not_with and any(starts(tokens[i].norm, event.not_with) for i in side):
            continue
        hits = [
            [i for i in side if word_of(tokens, i, g) and not modifier(tokens, i)]
            for g in event.groups
        ]
        if any(not h for h in hits):
            continue
        if max(min(h) for h in hits) - min(max(h) for h in hits) > len(event.groups) + 2:
            continue
        if not _undergone(tokens, hits):
            continue
        found.setdefault(_span(event), event)
    # "the third show trial" is the third trial, not all three: the narrowest span stands
    found = {
        k: e
        for k, e in found.items()
        if not any(o != k and k[0] <= o[0] and o[1] <= k[1] for o in found)
    }
    if len(found) != 1:
        return None
    ((first, last), event), norms = next(iter(found.items())), [tokens[i].norm for i in side]
    if any(starts(w, _START) for w in norms):
        last = first
    elif any(starts(w, _END) for w in norms):
        first = last
    return event, first, last


def wrong_order(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    links = [n for n, w in enumerate(norms) if w in _AFTER | _BEFORE]
    # "shot within a week of the murder": an "after", soon
    links += [n for n, w in enumerate(norms) if w == "of" and "within" in norms[max(0, n - 4) : n]]
    if len(links) != 1:
        return []
    n = links[0]
    link = "after" if norms[n] == "of" else norms[n]
    kirov = any(tokens[i].norm == "kirov" for i in range(span[-1] + 1))
    if all(w in _LEAD for w in norms[:n]):
        # "After Kirov was murdered, the trials began", "Days after ...": B is the opening clause
        opening = tokens[span[n]].clause
        later = [i for i in span[n + 1 :] if tokens[i].clause == opening]
        earlier_side, main = later, [i for i in span[n + 1 :] if tokens[i].clause != opening]
    else:
        main, earlier_side = span[:n], span[n + 1 :]
    a, b = _one_event(tokens, main, kirov), _one_event(tokens, earlier_side, kirov)
    if a is None or b is None or a[0].claim == b[0].claim:
        return []
    (event_a, a_first, a_last), (event_b, b_first, b_last) = a, b
    before = norms[max(0, n - 4) : n + 1]
    if link in _AFTER:  # A after B
        wrong = a_last < b_first
        soon = any(w in _SOON for w in before)
        wrong = wrong or (soon and a_first - b_last > 12)
    else:  # A before B
        wrong = a_first > b_last
    if not wrong:
        return []
    claim = "Two events are in the wrong order."
    return [(claim, f"{event_a.correction} {event_b.correction}", span[n])]
