"""The last batch of round 7 of issue 15: ten errors and ten true sentences of mixed kinds,
committed before the finished detector ran on them and not tuned on afterwards (the sentences
it misses are listed in `MISSED`, as measured on that first run)."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Once Yagoda had been removed, Stalin had him executed in 1937.",
    "The Red Army's most famous commander, Tukhachevsky, lost his life in 1938.",
    "Rykov and Tomsky were both shot in 1938.",
    "Yezhov, the head of the NKVD from 1934, organised the trials.",
    "Kamenev and Zinoviev, leaders of the Right Opposition, were the first to be tried.",
    "Stalin's men killed Kirov in 1933 in the Smolny.",
    "Bukharin was tried in 1936 alongside Pyatakov and Radek.",
    "The second show trial, of Radek and Pyatakov, was held in 1938.",
    "After Yezhov was arrested in 1938, Beria became head of the NKVD.",
    "Pyatakov, who was tried with Zinoviev at the first trial, confessed to sabotage.",
]

TRUE = [
    "Once Yagoda had been removed, Stalin had him executed in 1938.",
    "The Red Army's most famous commander, Tukhachevsky, lost his life in 1937.",
    "Rykov was shot in 1938, two years after Tomsky's suicide.",
    "Yezhov, the head of the NKVD from 1936, organised the later trials.",
    "Kamenev and Zinoviev, leaders of the Left Opposition, were the first to be tried.",
    "Nikolaev killed Kirov in 1934 in the Smolny.",
    "Bukharin was tried in 1938 alongside Rykov.",
    "The second show trial, of Radek and Pyatakov, was held in 1937.",
    "After Yezhov was arrested in 1939, his deputies were shot too.",
    "Pyatakov, who was tried with Radek at the second trial, confessed to sabotage.",
]

# Missed on the first run of the finished detector (left as they were: the figure).
MISSED = [
    "Once Yagoda had been removed, Stalin had him executed in 1937.",
    "Kamenev and Zinoviev, leaders of the Right Opposition, were the first to be tried.",
]


@pytest.mark.parametrize("text", [t for t in ERRORS if t not in MISSED])
def test_a_last_batch_error_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_last_batch_true_sentence_is_not_flagged(text: str) -> None:
    assert claims(text) == []
