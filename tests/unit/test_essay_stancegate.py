"""The stance model's cue gate reads more of how a writer sets a claim aside (issue 15, round 8):
a claim passed on ("is supposed to"), a verdict of cliche, conspiracy theory or easy answer,
"sounds like ...". The gate only lets the model judge; sound sentences with the same words (and
with "minor", which the gate does not take) keep their credit. Wordings written for this test, from no eval set."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt
from purgebot.essays import check_essay
from purgebot.essays.stancemodel import RULES_ONLY

ROOT = Path(__file__).resolve().parents[2]


@cache
def why_purges() -> EssayPrompt:
    banks = load_bank_dir(ROOT / "questions")
    return next(e for b in banks for e in b.essays if f"{b.id}/{e.id}" == "causes/why-purges")


def covered(text: str, *, rules_only: bool = False) -> set[str]:
    stance = RULES_ONLY if rules_only else None
    return {p.id for p in check_essay(why_purges(), text, stance=stance).covered}


DISMISSED = [
    (
        "Stalin's paranoia is supposed to explain it all, which sounds like a cliche you could "
        "say about any tyrant.",
        "paranoia",
    ),
    (
        "Some say the threat of war with Germany drove it, but that sounds like a conspiracy "
        "theory to me.",
        "foreign-threat",
    ),
]
SOUND = [
    (
        "Stalin was paranoid and it is easy to see why: the Ryutin platform had called for his "
        "removal.",
        "paranoia",
    ),
    (
        "Local officials were supposed to find enemies, so there was pressure from below as "
        "ordinary members denounced their bosses.",
        "from-below",
    ),
    (
        "Stalin was paranoid, which sounds strange for a man so powerful, but he trusted no one.",
        "paranoia",
    ),
    (
        "The threat of war with Germany mattered because a minor revolt at home could become a "
        "fifth column in a war.",
        "foreign-threat",
    ),
]


@pytest.mark.parametrize(("text", "point"), DISMISSED)
def test_a_claim_set_aside_in_these_words_earns_nothing(text: str, point: str) -> None:
    assert point in covered(text, rules_only=True)  # the rules alone credit it
    assert point not in covered(text)


@pytest.mark.parametrize(("text", "point"), SOUND)
def test_the_same_words_in_a_sound_sentence_keep_the_credit(text: str, point: str) -> None:
    assert point in covered(text)
