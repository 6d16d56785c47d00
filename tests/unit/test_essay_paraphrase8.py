"""Points in plain words a round-8 author used (issue 15): "him" is not the person named
earlier in its own clause, and the prompts' phrase lists take a charge of working for other
countries, Moscow deciding the numbers, a chance to blame rivals for Kirov's murder. Every
wording here was written for this test; the sound sentences must not be credited."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt
from purgebot.essays import check_essay

ROOT = Path(__file__).resolve().parents[2]


@cache
def prompts() -> dict[str, EssayPrompt]:
    return {f"{b.id}/{e.id}": e for b in load_bank_dir(ROOT / "questions") for e in b.essays}


def covered(prompt: str, text: str) -> set[str]:
    return {p.id for p in check_essay(prompts()[prompt], text).covered}


MADE = [
    (
        "yezhovshchina/yezhov-responsibility",
        "Stalin was the real boss and not him. When it was over, Stalin put the blame on him "
        "and had him shot.",
        "scapegoat",
    ),
    (
        "red-army/why-purge-army",
        "Most of the generals were charged with working for other countries, though there was "
        "no real plot.",
        "foreign-links-charge",
    ),
    (
        "red-army/why-purge-army",
        "Tukhachevsky was accused of working for foreign governments, but the evidence was "
        "forged later.",
        "foreign-links-charge",
    ),
    (
        "yezhovshchina/centre-or-local",
        "In Moscow the Politburo decided how many people each region had to arrest, and Moscow "
        "decided the numbers to be shot.",
        "central-quotas",
    ),
    (
        "responsibility/stalin-responsibility",
        "Nobody can prove Stalin arranged the murder of Kirov, but he grabbed the chance to "
        "blame his old rivals for it.",
        "kirov-pretext",
    ),
]
NOT_MADE = [
    (
        "yezhovshchina/yezhov-responsibility",
        "Stalin was in charge, not him. Later Stalin praised him in public.",
        "scapegoat",
    ),
    (
        "red-army/why-purge-army",
        "Many officers had spent years working for other countries' armies as advisers before "
        "1917.",
        "foreign-links-charge",
    ),
    (
        "yezhovshchina/centre-or-local",
        "The local bosses, not Moscow, decided whom to denounce first.",
        "central-quotas",
    ),
    (
        "responsibility/stalin-responsibility",
        "At the show trials the defendants took the chance to blame one another.",
        "kirov-pretext",
    ),
]


@pytest.mark.parametrize(("prompt", "text", "point"), MADE)
def test_the_point_in_these_words_is_credited(prompt: str, text: str, point: str) -> None:
    assert point in covered(prompt, text)


@pytest.mark.parametrize(("prompt", "text", "point"), NOT_MADE)
def test_a_sound_sentence_without_the_point_earns_nothing(
    prompt: str, text: str, point: str
) -> None:
    assert point not in covered(prompt, text)
