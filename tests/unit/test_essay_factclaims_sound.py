"""Twenty true sentences for round 7 of issue 15, committed before the detector ran on them:
several people, pronouns, joined verbs and years in one sentence, the shapes in which the
claim reader could tie a year or a post to the wrong person. None may be flagged."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse

SOUND = [
    "Yezhov replaced Yagoda in 1936, and Yagoda was shot two years later.",
    "Stalin had Kamenev and Zinoviev shot in 1936, and Bukharin followed in 1938.",
    "When Kirov was killed in 1934, Yagoda still ran the NKVD.",
    "Bukharin was arrested in 1937, a year after Tomsky killed himself.",
    "Trotsky, exiled since 1929, was killed in Mexico in 1940 on Stalin's orders.",
    "Yagoda arrested thousands in 1935, but he was arrested himself in 1937.",
    "Radek escaped the death sentence in 1937, but he died in a camp.",
    "Tukhachevsky was shot in 1937; Yezhov was arrested in 1939 and shot in 1940.",
    "Kamenev and Zinoviev were jailed in 1935 and tried again in 1936.",
    "Yezhov, who had Yagoda's men shot in 1937, was himself arrested in 1939.",
    "The man who shot Kirov in 1934 was Nikolaev, and he was executed soon after.",
    "Stalin blamed Zinoviev for Kirov's murder, and in 1936 he had him shot.",
    "After Yezhov fell in 1938, Beria ran the NKVD and shot many of Yezhov's men in 1939.",
    "Khrushchev, who led the Moscow party, later denounced Stalin.",
    "Kirov led the party in Leningrad until he was murdered in December 1934.",
    "Rykov and Bukharin, the Right Opposition's leaders, were tried at the third trial.",
    "Zinoviev was tried at the first trial, where he implicated Bukharin.",
    "In 1938 Bukharin was shot, and Yagoda, tried with him, was shot too.",
    "Tomsky escaped arrest by killing himself in 1936, before the first trial ended.",
    "Ordzhonikidze, the Commissar for Heavy Industries, watched Pyatakov, his deputy, tried in 1937.",
]


@pytest.mark.parametrize("text", SOUND)
def test_a_sound_sentence_with_several_people_is_not_flagged(text: str) -> None:
    found = [f.claim for f in find_fact_errors(analyse(text), frozenset())]
    assert found == []
