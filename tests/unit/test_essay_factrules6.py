"""Round 6 of the fact table (issue 15): how a clause is read before it is checked, so that new
wordings of the same claim are caught. A date said of "this"/"that" dates the clause before it;
a cleft's date ("It was in YEAR, ..., that X") dates X's clause; a negation in a later clause
that a subordinator opens ("once ... no longer ...") does not deny the claim before it. Each
rule comes with sound sentences it must leave alone. The wordings are new, from no eval set."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a date said of "this" / "that" / "which" dates the clause before it
        ("Nikolaev killed Kirov at the Smolny, and that was in 1937.", True),
        ("Nikolaev killed Kirov at the Smolny, and that was in 1934.", False),
        ("Yezhov was arrested, which happened in 1936, and later shot.", True),
        ("Yezhov was arrested, which happened in 1939, and later shot.", False),
        ("Stalin signed Order 00447 and this took place in 1935.", True),
        ("Stalin signed Order 00447 and this took place in 1937.", False),
        # a cleft's date dates the clause its "that" opens, past an aside
        ("It was in 1932, after months of planning, that Yezhov was arrested.", True),
        ("It was in 1939, after months of planning, that Yezhov was arrested.", False),
        ("It was in 1936 that Stalin signed Order 00447.", True),
        ("It was in 1937 that Stalin signed Order 00447.", False),
        # "it was in 1937" with no "that" dates nothing
        ("It was in 1937. Yezhov was arrested later.", False),
        # a negation in a later subordinate clause leaves the claim before it standing
        ("Yezhov was arrested in 1936, once Stalin no longer needed him.", True),
        ("Yezhov was arrested in 1939, once Stalin no longer needed him.", False),
        ("Kirov was murdered in 1936, when nobody expected it.", True),
        ("Kirov was murdered in 1934, when nobody expected it.", False),
        # a time phrase that runs up to the year is the year's ("during the height of ...")
        ("Beria headed the NKVD throughout the mass killings of 1937.", True),
        ("Yezhov headed the NKVD throughout the mass killings of 1937.", False),
        ("Yagoda, who led the NKVD during the first wave of shootings in 1938, was cruel.", True),
        ("Yagoda, who led the NKVD during the first wave of shootings in 1935, was cruel.", False),
        ("Beria led the NKVD during the war, which began in 1941.", False),
        # an event's participle aside dates the noun before it, capitalised or not, with or
        # without "which was"
        ("The second show trial, staged in January 1939, convicted Radek.", True),
        ("The second show trial, staged in January 1937, convicted Radek.", False),
        ("The last show trial, which was held in March 1936, condemned Bukharin.", True),
        ("The last show trial, which was held in March 1938, condemned Bukharin.", False),
        # a fate said of a name past a relative clause between commas (and "himself")
        ("Zhukov himself, who fought at Khalkhin Gol, was executed in 1938.", True),
        ("Molotov, who signed many lists, was shot like the rest.", True),
        ("Tukhachevsky, who had modernised the army, was executed in 1937.", False),
        ("Zhukov, who served under Tukhachevsky, saw him shot.", False),
        # a defendant at a trial past a determiner or a relative pronoun
        ("Radek, who was tried at that first show trial, got ten years.", True),
        ("Radek, who was tried at that second show trial, got ten years.", False),
        ("Rykov himself was tried at the first show trial.", True),
        ("Rykov himself was tried at the third show trial.", False),
        # intensifiers say nothing about the claim; a hedge between commas splits no clause
        ("Rykov was really tried at the first show trial.", True),
        ("Rykov was really tried at the third show trial.", False),
        ("Yezhov was, as far as I know, arrested in 1936.", True),
        ("Yezhov was, as far as I know, arrested in 1939.", False),
        ("Kirov was, I think, murdered in 1936.", True),
        ("Kirov was, I think, murdered in 1934.", False),
        # a figure ten times too low is an order of magnitude too low, whatever the body's word
        ("Around 3,800 army officers were purged in 1937-38.", True),
        ("Around 38,000 army officers were purged in 1937-38.", False),
        ("The Red Army lost 3,000 officers in the Winter War.", False),
        ("Only some 250 NKVD members were arrested by Yezhov.", True),
        ("Over 3,000 NKVD members were arrested by Yezhov.", False),
        # a negation in the claim's own clause still denies it
        ("Yezhov was not arrested in 1936, once Stalin was done with him.", False),
        ("It is not true that Kirov was murdered in 1936.", False),
    ],
)
def test_clause_reading(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, claims(text)
