"""Stance by scope (issue 15, round 6): a later clause in which the writer distances themselves
from the claim just made — not knowing a term of it, their own poor verdict on it, or setting its
source aside — dismisses that claim; sound sentences of the same shape keep it. The wordings are
new, from no eval set."""

from __future__ import annotations

import pytest

from purgebot.essays.stance import dismissed_tokens
from purgebot.essays.text import analyse


def dismissed_words(text: str) -> set[str]:
    essay = analyse(text)
    return {essay.tokens[i].norm for i in dismissed_tokens(essay)}


@pytest.mark.parametrize(
    ("text", "term", "dismissed"),
    [
        # not knowing a term of the claim just made, past an intensifier
        ("The Politburo approved the lists, whatever the Politburo really is.", "approved", True),
        ("Many commissars were shot, whatever a commissar exactly was.", "shot", True),
        ("The troikas passed sentences, whatever troikas even are.", "sentences", True),
        # "whatever that involved", "whoever he was": a pointer back to the claim
        ("The NKVD used the conveyor, whatever that involved.", "conveyor", True),
        ("The Yezhovshchina is named after Yezhov, whoever he really was.", "named", True),
        ("Moscow set limits for each region, whatever the point of that was.", "limits", True),
        # "whoever they were", "whatever they did", "whatever it took": anyone, anything
        ("People were denounced, whoever they were.", "denounced", False),
        ("Stalin removed anyone who opposed him, whatever they did.", "removed", False),
        ("The NKVD got confessions, whatever it took.", "confessions", False),
        # a concession about something the claim does not name keeps the claim
        ("The NKVD arrested millions, whatever its faults were.", "arrested", False),
        ("Stalin signed the lists, whatever the reason was.", "signed", False),
        # the writer's own poor verdict on the claim, by a clause that refers back
        ("The Terror was blamed on Yezhov, which seems like a cop-out to me.", "blamed", True),
        (
            "Our notes say the army was plotting, and that sounds like a fairy tale.",
            "plotting",
            True,
        ),
        ("Yagoda was called too soft, which looks like a poor excuse to me.", "soft", True),
        ("Historians blame the local bosses, which seems rather convenient to me.", "blame", True),
        ("Stalin blamed the local officials, which was convenient for him.", "blamed", False),
        # an excuse that is the point, or a verdict that is not poor, keeps the claim
        ("Kirov's murder was used, which seems like an excuse to arrest rivals.", "murder", False),
        ("Stalin blamed Yezhov, which seems fair to me.", "blamed", False),
        ("The purge weakened the army, which sounds like no excuse at all.", "weakened", False),
        # setting a source aside: a negated clause of the writer's about what someone says
        ("Khrushchev said Stalin was to blame, but I don't trust what he wrote.", "blame", True),
        ("Conquest said millions died, and I would not rely on what he claims.", "millions", True),
        # the writer's own claim with a source weighed is kept
        ("Stalin signed the lists, and I do not doubt it.", "signed", False),
        ("Trotsky said Stalin was paranoid, and I believe what he says.", "paranoid", False),
    ],
)
def test_distancing_by_scope(text: str, term: str, dismissed: bool) -> None:
    assert (term in dismissed_words(text)) is dismissed, dismissed_words(text)
