"""Three sound paragraphs in a student's voice for round 7 of issue 15, committed before the
detector ran on them: many people, years, pronouns and asides, every fact from the five
sources. Not one sentence may be flagged."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse

PARAGRAPHS = [
    "The purges really started with the murder of Kirov in Leningrad on 1 December 1934. "
    "He was the party leader there and more popular than Stalin at the 17th Congress, which "
    "met in February 1934. Stalin blamed Zinoviev and Kamenev, who were arrested and put in "
    "prison, and in August 1936 they were tried again at the first Moscow trial and shot. "
    "Yagoda, who ran the NKVD then, was sacked in September 1936 because Stalin thought he "
    "was too lax. Yezhov replaced him, and Yagoda was later arrested and shot in 1938.",
    "In January 1937 the second trial condemned Pyatakov and Radek. Radek was not shot but "
    "sent to a labour camp, where he died. Then in 1937 the army was purged: Tukhachevsky "
    "and his fellow generals were tried in secret and shot, and three of the five marshals "
    "disappeared. Bukharin and Rykov were taken to the Lubianka in March 1937. They were "
    "tried at the last trial in 1938 and executed, while Tomsky had already killed himself "
    "in 1936.",
    "Yezhov wrote Order 00447 in July 1937 and Stalin signed it. It set quotas of 259,450 "
    "arrests and 72,950 executions, but by the end of 1938 the NKVD had executed 386,798 "
    "people under it. Local officials asked for more. Yezhov himself fell in 1938, was "
    "arrested in early 1939 and shot, and Beria took over the NKVD. Trotsky, the leader of "
    "the Left Opposition, was murdered in Mexico in 1940 with an ice axe.",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_a_sound_paragraph_is_not_flagged(text: str) -> None:
    found = [(f.claim, f.sentence) for f in find_fact_errors(analyse(text), frozenset())]
    assert found == []
