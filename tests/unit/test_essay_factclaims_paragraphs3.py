"""Three more sound paragraphs for round 7 of issue 15, in a looser student voice (hedges,
opinions, "he" for several people, numbers and years together), committed before the detector
ran on them. Not one sentence may be flagged."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse

PARAGRAPHS = [
    "I think Stalin used Kirov's death in 1934 as an excuse. He said Zinoviev and Kamenev "
    "were behind it, which was probably not true, and he had them locked up. Two years "
    "later he had them shot, after they confessed at a show trial in Moscow. Trotsky was "
    "abroad, so he could only be tried in his absence, and he was finally killed in 1940.",
    "Yezhov was a small man but he did a huge amount of damage. Under him, from 1936 to "
    "1938, over 680,000 people were sentenced to death, almost 1,000 a day. He was also the "
    "one who wrote Order 00447. In the end Stalin blamed him for the excesses, and he was "
    "arrested in 1939 and shot, just like Yagoda before him in 1938.",
    "The army lost 3 of its 5 marshals and 14 of 16 army commanders. Tukhachevsky was the "
    "most famous victim; he was arrested in May 1937 and shot soon after, which left the "
    "army weak when Hitler attacked. About 37,000 officers were purged, though many came "
    "back later. Bukharin, who had defended the peasants, was shot in 1938 too.",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_a_looser_sound_paragraph_is_not_flagged(text: str) -> None:
    found = [(f.claim, f.sentence) for f in find_fact_errors(analyse(text), frozenset())]
    assert found == []
