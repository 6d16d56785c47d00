"""A third batch for round 7 of issue 15, committed before the detector ran on it: ten
errors and ten true sentences about events (dates, places, figures) rather than people, in
shapes the eval sets use (asides, "this happened in", lists, pronouns)."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "The Congress of Victors, where many delegates voted against Stalin, met in 1936.",
    "Order 00447 was signed by Stalin, and this happened in 1935.",
    "The army purge, which began in 1939, removed three of the five marshals.",
    "It was in 1932 that Kirov was shot in the Smolny.",
    "The show trials, held in Leningrad, convicted the Old Bolsheviks.",
    "Yezhov, who was arrested in 1937, had headed the NKVD for two years.",
    "About 370,000 officers were purged from the Red Army in 1937-38.",
    "Beria replaced Yezhov at the NKVD in 1936.",
    "Trotsky, expelled from the USSR, was murdered in Mexico in 1945.",
    "Only 90 of the 1,966 delegates to the 17th Congress were arrested.",
]

TRUE = [
    "The Congress of Victors, where some delegates voted against Stalin, met in 1934.",
    "Order 00447 was signed by Stalin, and this happened in 1937.",
    "The army purge, which began in 1937, removed three of the five marshals.",
    "It was in 1934 that Kirov was shot in the Smolny.",
    "The show trials, held in Moscow, convicted the Old Bolsheviks.",
    "Yezhov, who was arrested in 1939, had headed the NKVD for two years.",
    "About 37,000 officers were purged from the Red Army in 1937-38.",
    "Beria replaced Yezhov at the NKVD at the end of 1938.",
    "Trotsky, expelled from the USSR, was murdered in Mexico in 1940.",
    "Of the 1,966 delegates to the 17th Congress, 1,108 were arrested.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_an_event_error_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_true_event_sentence_is_not_flagged(text: str) -> None:
    assert claims(text) == []
