"""A fourth batch for round 7 of issue 15, committed before the detector ran on it: ten
errors and ten true sentences in the longer shapes students write (a claim inside a reason,
after a colon, in a list, behind "this" or a pronoun)."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Stalin wanted revenge on the old Bolsheviks, so Bukharin was shot in 1936 after a show "
    "trial in Moscow.",
    "The NKVD chiefs suffered too: Yezhov himself was executed in 1937.",
    "Many leaders were purged, for example Rykov, who was arrested in 1935.",
    "Tukhachevsky was a brilliant commander. Nevertheless he was shot in 1938 after a secret "
    "trial.",
    "The Left Opposition, led by Bukharin, wanted a slower pace of industrialisation.",
    "Pyatakov, Radek and the other defendants of the third trial confessed to sabotage.",
    "Yagoda was the head of the NKVD until he was replaced by Beria.",
    # withdrawn after the first run: Morris has Kamenev and Zinoviev "arrested and executed"
    # in August 1936, so the sources do not settle it as an error:
    # "Kamenev was only arrested in 1936, just before his trial.",
    "Stalin could not trust the army, which is why Tukhachevsky was arrested in 1936.",
    "The NKVD's first head in the Terror, Yezhov, was followed by Yagoda and then Beria.",
]

TRUE = [
    "Stalin wanted revenge on the old Bolsheviks, so Bukharin was shot in 1938 after a show "
    "trial in Moscow.",
    "The NKVD chiefs suffered too: Yagoda himself was executed in 1938.",
    "Many leaders were purged, for example Rykov, who was arrested in 1937.",
    "Tukhachevsky was a brilliant commander. Nevertheless he was shot in 1937 after a secret "
    "trial.",
    "The Right Opposition, led by Bukharin, wanted a slower pace of industrialisation.",
    "Pyatakov, Radek and the other defendants of the second trial confessed to sabotage.",
    "Yagoda was the head of the NKVD until he was replaced by Yezhov.",
    "Kamenev was first arrested after Kirov's murder in 1934.",
    "Stalin could not trust the army, which is why Tukhachevsky was arrested in 1937.",
    "The NKVD's heads in the Terror, Yagoda, Yezhov and then Beria, were all feared.",
]


@pytest.mark.parametrize("text", ERRORS)
def test_a_longer_error_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE)
def test_a_longer_true_sentence_is_not_flagged(text: str) -> None:
    assert claims(text) == []
