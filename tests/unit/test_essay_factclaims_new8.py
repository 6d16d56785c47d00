"""The first batch of round 8 of issue 15, committed before the detector ran on it: twenty
errors and twenty true sentences of the kinds eval7's labels name (read from their `claim:`
fields only, not the essays' sentences): NKVD heads out of order or misdated, figures an order
of magnitude off, fates misdated, who took whose post, who held which post, where Kirov died,
who drew up Order 00447 and when, and Trotsky's fate.

First run (main at 206cac8): 13 of 20 errors flagged, 20 of 20 true sentences clean. Missed:
Beria before Yezhov in a "before X, run by Y" clause, 700,000 to be shot under Order 00447,
"By 1937 Beria was in charge of the NKVD", Kirov's Leningrad post going to Khrushchev, Trotsky
tried in Moscow and shot, Kirov shot in the Kremlin, Yezhov "became the scapegoat and was shot
in 1937"."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Yezhov took over the NKVD from Beria in 1936.",
    "Before Yezhov, the secret police had been run by Beria, who was sacked for being too soft.",
    "Only around 60,000 people were sentenced to death in 1937 and 1938.",
    "Of the 1,966 delegates to the Congress of Victors, some 110 were later arrested.",
    "Robert Conquest estimated that 20 million people were executed.",
    "Order 00447 called for over 700,000 people to be shot.",
    "The army lost around 400,000 officers in the purge.",
    "Yezhov was finally executed in 1946.",
    "Yagoda was still the head of the NKVD in 1938.",
    "Tukhachevsky was executed in 1940.",
    "In December 1934 the NKVD was headed by Yezhov.",
    "By 1937 Beria was in charge of the NKVD and sent Stalin false evidence.",
    "After Kirov's death his place as Leningrad party boss went to Khrushchev.",
    "Trotsky was put on trial in Moscow in 1936 and shot.",
    "Lominadze was the party leader in Moscow.",
    "Kirov was shot in the Kremlin in 1934.",
    "Beria wrote Order 00447.",
    "Order 00447 was signed in 1936.",
    "Yagoda was replaced by Beria, and Beria later by Yezhov.",
    "Yezhov became the scapegoat and was shot in 1937.",
]

TRUE = [
    "Yezhov took over the NKVD from Yagoda in 1936.",
    "Before Yezhov, the secret police had been run by Yagoda, who was sacked for being too lax.",
    "Over 680,000 people were sentenced to death in 1937 and 1938.",
    "Of the 1,966 delegates to the Congress of Victors, 1,108 were later arrested.",
    "Robert Conquest estimated that 3 million people were executed.",
    "Order 00447 set quotas of people to be shot and sent to camps in each region.",
    "The army lost around 35,000 officers in the purge.",
    "Yezhov was executed in 1940.",
    "Yagoda was the head of the NKVD in 1935.",
    "Tukhachevsky was executed in 1937.",
    "In December 1934 the NKVD was headed by Yagoda.",
    "By 1939 Beria was in charge of the NKVD.",
    "After Kirov's death Khrushchev became head of the party in Moscow.",
    "Trotsky was named at the Moscow trials in 1936 and was murdered in Mexico in 1940.",
    "Lominadze was the party chief in Transcaucasia.",
    "Kirov was shot in Leningrad in 1934.",
    "Yezhov's NKVD drew up Order 00447 and Stalin approved it.",
    "Order 00447 was signed in 1937.",
    "Yagoda was replaced by Yezhov, and Yezhov later by Beria.",
    "Yezhov became the scapegoat and was shot in 1940.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_an_error_of_eval7s_kinds_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_true_sentence_of_eval7s_kinds_is_not_flagged(text: str) -> None:
    assert claims(text) == []
