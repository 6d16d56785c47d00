"""Round 9 of issue 15, committed before the detector ran on it: claims inside a "which/who/
whom" relative clause or a comma apposition said of a person or an event, in new wordings (not
eval8's sentences): fates, posts, successions, and the dates of events, each as an error and
as a sound sentence that must stay clean.

First run (main at 0362467, tests committed at ac6c437 before any change): 9 of 14 errors
flagged, 15 of 16 sound sentences clean. Missed: Order 00447 "which Yezhov signed in 1939" (a
number ends the antecedent), Kirov "who was gunned down in Moscow" (the place was checked
without the name), the war against Finland "which the Soviet army waged in 1942" (a subject
inside the clause), Yagoda "whom Yezhov replaced in 1938", and the apposition "Yezhov, Yagoda's
successor at the NKVD from 1938". False flag: "Tukhachevsky, whom Stalin had shot in 1937" read
Stalin as the one shot.
Changed after the first run: the Finland item's year 1942 -> 1936 (1942 falls in the 1941-44
Continuation War, so the sentence was no error: my mistake, not the reader's); the successor
apposition is dropped (the main clause "Yezhov succeeded Yagoda in 1938" is not read either:
a gap in dating successions, not in relative clauses; left for a later round)."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


ERRORS = [
    "Zinoviev, who was executed in 1939, had once been Lenin's closest ally.",
    "Tukhachevsky, whom Stalin had shot in 1940, was the army's most gifted commander.",
    "Beria, who replaced Yagoda at the head of the NKVD in 1936, carried out the worst of it.",
    "The Congress of Victors, which met in 1937, cheered Kirov louder than Stalin.",
    "Order 00447, which Yezhov signed in 1939, set regional quotas for arrests.",
    "Kirov, who was gunned down in Moscow, became the excuse for everything that followed.",
    "The war against Finland, which the Soviet army waged in 1936, exposed its weakness.",
    "Yagoda, whom Yezhov replaced in 1938, had built up the camps.",
    "The first Moscow show trial, which opened in 1938, set the pattern for the others.",
    "Kamenev, who was shot in 1940, had confessed to everything.",
    "Yezhov, who was head of the NKVD in 1935, drew up the lists.",
    "Marshal Tukhachevsky, who was arrested in 1939, had modernised the Red Army.",
    "Bukharin, who was executed in 1936, had been the party's favourite.",
]

TRUE = [
    "Zinoviev, who was executed in 1936, had once been Lenin's closest ally.",
    "Tukhachevsky, whom Stalin had shot in 1937, was the army's most gifted commander.",
    "Yezhov, who replaced Yagoda at the head of the NKVD in 1936, carried out the worst of it.",
    "The Congress of Victors, which met in 1934, cheered Kirov louder than Stalin.",
    "Order 00447, which Yezhov signed in 1937, set regional quotas for arrests.",
    "Kirov, who was gunned down in Leningrad, became the excuse for everything that followed.",
    "The war against Finland, which the Soviet army waged in 1939, exposed its weakness.",
    "Yagoda, whom Yezhov replaced in 1936, had built up the camps.",
    "The first Moscow show trial, which opened in 1936, set the pattern for the others.",
    "Kamenev, who was shot in 1936, had confessed to everything.",
    "Yagoda, who was head of the NKVD in 1935, drew up the lists.",
    "Marshal Tukhachevsky, who was arrested in 1937, had modernised the Red Army.",
    "Bukharin, who was executed in 1938, had been the party's favourite.",
    "Yezhov, Yagoda's successor at the NKVD from 1936, signed the orders.",
    "Stalin, who read the lists himself, signed thousands of death sentences in 1937.",
    "The purge of the army, which began in 1937, removed many officers.",
]

# Written after the change, against what it could misread: a subject inside the clause that is
# itself a head or an event, and "whom" with a fate word that is the antecedent's.
TRUE_AFTER = [
    "Yezhov, whom Stalin replaced with Beria in 1938, was shot in 1940.",
    "Yagoda, whom Stalin had arrested in 1937, was tried alongside Bukharin in 1938.",
    "The Red Army, which Stalin purged in 1937, fought Finland in 1939.",
    "Kirov, whom Nikolayev shot in Leningrad, was buried in the Kremlin wall.",
    "Yezhov, whom Beria replaced in 1938, was shot two years later.",
]
# Also after the change: "whom X replaced" puts the antecedent before X.
ERRORS_AFTER = [
    "Beria, whom Yezhov replaced, was shot in 1953.",
    "Yezhov, whom Yagoda replaced, was shot in 1940.",
]

# Written after the first run, for eval8's 002 (a negation in the main clause hid the relative
# clause's claim): the relative clause is read when the negation is not in it.
DENIED_MAIN_ERRORS = [
    "Bukharin, who was executed in 1936, never admitted to spying.",
    "Kirov, who was gunned down in Moscow, did not live to see the trials.",
    "Yagoda, whom Beria replaced in 1936, was no friend of the old Bolsheviks.",
]
DENIED_MAIN_TRUE = [
    "Bukharin, who was executed in 1938, never admitted to spying.",
    "Kirov, who was gunned down in Leningrad, did not live to see the trials.",
    "Yagoda, whom Yezhov replaced in 1936, was no friend of the old Bolsheviks.",
    "Yezhov, who was not yet head of the NKVD in 1935, was shot in 1940.",
]


@pytest.mark.parametrize("text", ERRORS + ERRORS_AFTER + DENIED_MAIN_ERRORS)
def test_an_error_inside_a_relative_clause_or_apposition_is_flagged(text: str) -> None:
    assert claims(text)


@pytest.mark.parametrize("text", TRUE + TRUE_AFTER + DENIED_MAIN_TRUE)
def test_a_sound_relative_clause_or_apposition_is_not_flagged(text: str) -> None:
    assert claims(text) == []
