"""A fifth batch for round 7 of issue 15, committed before the detector ran on it: ten errors
and ten true sentences with the person and the year apart (an inverted list, a bound "by", a
second date in apposition, a possessive event, a subject list)."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Both Zinoviev and Kamenev were put on trial in 1938 and shot.",
    "Bukharin's trial was in 1936, when he and Rykov were sentenced to death.",
    "By 1935 Yezhov had already been arrested.",
    "Yagoda, sacked in 1936, was shot a few months later, in 1937.",
    "The last of the Moscow trials, the trial of Bukharin, took place in 1937.",
    "Tukhachevsky and the other generals were executed in 1936 after a secret trial.",
    "Rykov was a leader of the Left Opposition.",
    "Kirov, killed by Nikolaev in 1936, had been popular at the congress.",
    "Lominadze, the head of the NKVD, was sacked.",
    "Among those shot in 1937 were Bukharin and Rykov.",
]

TRUE = [
    "Both Zinoviev and Kamenev were put on trial in 1936 and shot.",
    "Bukharin's trial was in 1938, when he and Rykov were sentenced to death.",
    "By 1940 Yezhov had already been arrested and shot.",
    "Yagoda, sacked in 1936, was shot two years later, in 1938.",
    "The last of the Moscow trials, the trial of Bukharin, took place in 1938.",
    "Tukhachevsky and the other generals were executed in 1937 after a secret trial.",
    "Rykov was a leader of the Right Opposition.",
    "Kirov, killed by Nikolaev in 1934, had been popular at the congress.",
    "Ordzhonikidze, a member of the Politburo, ran heavy industry.",
    "Among those shot in 1938 were Bukharin and Rykov.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_a_fifth_batch_error_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_fifth_batch_true_sentence_is_not_flagged(text: str) -> None:
    assert claims(text) == []
