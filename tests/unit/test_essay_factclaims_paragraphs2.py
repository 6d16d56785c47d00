"""Two paragraphs in a student's voice for round 7 of issue 15, each with errors among sound
sentences, committed before the detector ran on them: every error sentence must be flagged,
and no other sentence."""

from __future__ import annotations

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse

ESSAY = (
    "Kirov's murder gave Stalin his excuse. Kirov was shot in his office in Leningrad, and "
    "this happened in December 1935. Stalin said the killer belonged to Zinoviev's group. "
    "Zinoviev and Kamenev were arrested, and he had them both shot after a show trial in "
    "1937. Yagoda was in charge of the NKVD at the time. He lost his job in 1936 and was "
    "replaced by Beria. The second trial, in January 1937, condemned Radek. Radek was "
    "executed straight afterwards. The army was next: Tukhachevsky was arrested in May 1937, "
    "tried in secret and shot. Bukharin, the leader of the Left Opposition, was the main "
    "defendant at the third trial in 1938. Order 00447 was written by Yezhov in July 1937. "
    "Yezhov himself was arrested in 1941, long after the Terror ended."
)
ERRORS = [
    "Kirov was shot in his office in Leningrad, and this happened in December 1935.",
    "Zinoviev and Kamenev were arrested, and he had them both shot after a show trial in 1937.",
    "He lost his job in 1936 and was replaced by Beria.",
    "Radek was executed straight afterwards.",
    "Bukharin, the leader of the Left Opposition, was the main defendant at the third trial "
    "in 1938.",
    "Yezhov himself was arrested in 1941, long after the Terror ended.",
]


def test_each_error_of_the_essay_is_flagged_and_nothing_else() -> None:
    flagged = {f.sentence for f in find_fact_errors(analyse(ESSAY), frozenset())}
    assert flagged == set(ERRORS)
