"""Twenty more sentences for round 7 of issue 15, written once the fact table and the claim
reader were built and committed before they ran on them: ten errors, ten true sentences about
the same facts (the five sources). They check the reader on wordings it was not built on."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Marshal Tukhachevsky was arrested in the spring of 1938 and shot soon after.",
    "Stalin had Rykov executed in 1936 along with Zinoviev.",
    "Kamenev, once Lenin's deputy, was tried at the third Moscow trial.",
    "Tomsky belonged to the Left Opposition with Trotsky.",
    "The trial of the sixteen was held in 1938.",
    "Yagoda was head of the NKVD in 1937 when the mass arrests began.",
    "Rykov, Bukharin's ally, was shot in 1937.",
    "Kirov, the party leader in Moscow, was popular at the congress.",
    "Lominadze was head of the NKVD before Yagoda.",
    "Tomsky was executed after the first Moscow trial.",
]

TRUE = [
    "Tukhachevsky was arrested in May 1937 and shot in June.",
    "Rykov was executed in 1938, two years after Zinoviev.",
    "Kamenev, once Lenin's deputy, was tried at the first Moscow trial.",
    "Tomsky belonged to the Right Opposition with Bukharin and Rykov.",
    "The trial of the sixteen was held in August 1936.",
    "Yagoda was head of the NKVD in 1935, before Yezhov replaced him.",
    "Rykov, Bukharin's ally, was shot in 1938.",
    "Kirov, the party leader in Leningrad, was popular at the congress.",
    "Lominadze was sacked after he criticised collectivisation in 1930.",
    "Tomsky killed himself in 1936 rather than face a trial.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_another_new_error_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_another_new_true_sentence_is_not_flagged(text: str) -> None:
    assert claims(text) == []
