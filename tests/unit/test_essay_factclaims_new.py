"""Forty sentences written for round 7 of issue 15 before the detector ran on them: twenty
errors of kinds the eval sets lack (other people, events and years: Tomsky, Radek, Pyatakov,
Lominadze, Ordzhonikidze, the 17th and 18th Congresses, the Lubianka, the OGPU, Butovo, the
Gulag's size, Order 00447's executions) and twenty true sentences about the same facts, which
must keep no flag. Every fact is from the five source documents (see `factsheet`)."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Tomsky was shot after the third show trial in 1938.",
    "Radek was executed straight after the second show trial.",
    "Pyatakov was a defendant at the first Moscow trial alongside Zinoviev.",
    "The trial of the seventeen took place in August 1936.",
    "Lominadze was the party chief in Leningrad who criticised collectivisation.",
    "The 18th Party Congress met in 1936 and only 59 of the old delegates appeared.",
    "The 17th Party Congress met in February 1932.",
    "Bukharin and Rykov were taken to the Lubianka in March 1935.",
    "Stalin issued his decree against terrorists on 2 December 1936, the day after Kirov died.",
    "Yezhov was put in charge of the NKVD in September 1934 when Yagoda was removed.",
    "The OGPU was renamed the NKVD in 1938.",
    "Khrushchev arrested 106,000 people in Ukraine in 1934, most of whom were shot.",
    "Tukhachevsky was shot in 1939 after a secret trial.",
    "Order 00447 was drawn up by Yagoda in July 1937.",
    "By the end of 1938 the NKVD had executed about 38,000 people under Order 00447.",
    "The Gulag held about 130,000 inmates in 1939.",
    # amended after the first run: it read "Over 2,000 bodies", a lower bound that is true
    "About 2,000 bodies were buried at Butovo, the NKVD killing ground outside Moscow.",
    "Nikolaev walked into the party headquarters in Moscow and shot Kirov.",
    "Zinoviev and Kamenev were executed in 1934, straight after Kirov's murder.",
    "Ordzhonikidze was the head of the NKVD when Kirov was killed.",
]

TRUE = [
    "Tomsky committed suicide in 1936 before he could be tried.",
    "Radek was sentenced to ten years in a labour camp, where he died.",
    "Pyatakov and Radek were tried at the second show trial in January 1937.",
    "Lominadze, the party chief in Transcaucasia, was sacked for criticising collectivisation.",
    "At the 18th Party Congress in 1939 only 59 of the 1934 delegates appeared.",
    "The 17th Party Congress met in February 1934.",
    "In early March 1937 Bukharin and Rykov were taken to the Lubianka.",
    "On 2 December 1934 Stalin issued a decree against terrorists.",
    "Yagoda, who was shot in 1938, had been replaced by Yezhov in 1936.",
    "The secret police was known as the OGPU until 1934 and as the NKVD afterwards.",
    "In Ukraine in 1938 Khrushchev arrested 106,000 people, most of whom were shot.",
    "Tukhachevsky and his fellow generals were shot in 1937 after a secret trial.",
    "Order 00447 was written by Yezhov and signed by Stalin in July 1937.",
    "By the end of 1938 the NKVD had executed 386,798 people under Order 00447.",
    "Two-thirds of the 1.3 million Gulag inmates in 1939 were called political criminals.",
    "Over 20,000 people were buried at Butovo, just outside Moscow.",
    "Nikolaev walked into the party headquarters in Leningrad and shot Kirov in 1934.",
    "Zinoviev and Kamenev were arrested after Kirov's murder and shot in 1936.",
    "Ordzhonikidze was a Politburo member and Commissar for Heavy Industries.",
    "Bukharin and Rykov were shot in 1938 after the last Moscow trial.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_a_new_error_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_new_true_sentence_is_not_flagged(text: str) -> None:
    assert claims(text) == []
