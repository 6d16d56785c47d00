"""A seventh batch for round 7 of issue 15, committed before the detector ran on it: ten
errors and ten true sentences that say a fate in other words ("put to death", "faced a firing
squad", "liquidated", "perished", "detained", "took his own life")."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Yagoda was put to death in 1936.",
    "Bukharin faced a firing squad in 1937.",
    "Zinoviev was liquidated in 1938 with the other Old Bolsheviks.",
    "Tukhachevsky perished in 1939.",
    "Rykov was detained by the NKVD in 1935.",
    "Bukharin took his own life in prison.",
    "Kamenev was sentenced to death in 1938.",
    "Tomsky was put to death after the first trial.",
    "Yezhov lost his life in 1937, at the height of the Terror.",
    "Trotsky was executed in Mexico.",
]

TRUE = [
    "Yagoda was put to death in 1938.",
    "Bukharin faced a firing squad in 1938.",
    "Zinoviev was liquidated in 1936 with the other Old Bolsheviks.",
    "Tukhachevsky perished in 1937.",
    "Rykov was detained by the NKVD in 1937.",
    "Tomsky took his own life in 1936.",
    "Kamenev was sentenced to death in 1936.",
    "Radek was sentenced to ten years and died in a camp.",
    "Yezhov lost his life in 1940, after the Terror.",
    "Trotsky was murdered in Mexico.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_a_fate_in_other_words_is_checked(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_true_fate_in_other_words_is_not_flagged(text: str) -> None:
    assert claims(text) == []
