"""Round 5 of the fact table (issue 15), from the errors eval4/test's author made that round 4
missed: an event's year in a participle's aside, a part given after "only", a course source
misquoted, a target for arrests, who took the NKVD over from whom, Trotsky "shot". Each rule
comes with sound sentences it must leave alone."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a preposition between an event and its year is no other claim
        ("The Winter War against Finland was fought in 1949.", True),
        ("The Winter War against Finland was fought in 1939.", False),
        # an event's year in a participle's aside after it
        ("The Winter War against Finland, fought in 1949-50, went very badly.", True),
        ("The Winter War against Finland, fought in 1939-40, went very badly.", False),
        ("Kirov, murdered in December 1936, was popular in the party.", True),
        ("Kirov, murdered in December 1934, was popular in the party.", False),
        # a part of a known whole given after "only" / "about"
        ("Of the 139 members of the Central Committee elected in 1934, only 9 were shot.", True),
        ("Of the 139 members of the Central Committee elected in 1934, about 90 were shot.",
         False),
        # the course's own material misquoted is a claim, a historian's estimate is reported
        ("About 370,000 officers were purged, according to the revision blog.", True),
        ("According to the revision blog, about 37,000 officers were purged.", False),
        ("The textbook says Conquest estimated that 370,000 officers were purged.", False),
        ("Our notes say the figure of 370,000 officers purged is a myth.", False),
        # a target for arrests an order of magnitude too high
        ("The order set a target of about 2.5 million arrests across the regions.", True),
        ("The order set a target of about 259,450 arrests across the regions.", False),
        # Order 00447's own totals an order of magnitude too low; a region's share is no total
        ("About 20,000 people were arrested under Order 00447.", True),
        ("Order 00447 planned about 2,000 executions.", True),
        ("About 259,450 people were to be arrested under Order 00447.", False),
        ("In Moscow region, 5,000 people were arrested under Order 00447.", False),
        ("Order 00447 gave Leningrad a quota of 4,000 arrests.", False),
        # who took the NKVD over from whom
        ("Beria, who had taken over from Yagoda in 1936, drew up the order.", True),
        ("He became head of the NKVD after Beria was sacked for being too soft in 1936.", True),
        ("Yezhov was replaced by Yagoda as head of the NKVD.", True),
        ("He took over the NKVD from Beria in 1936.", True),
        ("Yagoda was replaced by Yezhov in September 1936.", False),
        ("Beria took over the NKVD from Yezhov in late 1938.", False),
        ("Yezhov became head of the NKVD after Yagoda was sacked in 1936.", False),
        ("Yagoda became head of the NKVD before Yezhov.", False),
        ("He became head of the NKVD after Yagoda was sacked in 1936.", False),
        # who "then" headed the NKVD, dated by the sentence before
        ("Kirov was murdered in December 1934.\n\nWithin a day, a decree gave the secret "
         "police, which was then run by Yezhov, sweeping powers.", True),
        ("In May 1937 the generals were arrested. Tukhachevsky was shot. The arrests were "
         "carried out by the NKVD under Yagoda, who was then at the height of his power.", True),
        ("Kirov was murdered in 1934. At the time the NKVD was run by Yezhov.", True),
        ("Kirov was murdered in December 1934.\n\nWithin a day, a decree gave the secret "
         "police, which was then run by Yagoda, sweeping powers.", False),
        ("Kirov was murdered in 1934. The NKVD under Yezhov then arrested thousands.", False),
        ("In 1934 Kirov was murdered.\n\nLater came the Terror. The NKVD was then run by "
         "Yezhov.", False),
        # a head cast in his post ("as head", "it was X") holds it for the whole sentence
        ("It was Yagoda, as head of the NKVD, who carried out the arrests of the generals in "
         "1937.", True),
        ("It was Yezhov, as head of the NKVD, who carried out the arrests of the generals in "
         "1937.", False),
        ("Yagoda, as head of the NKVD, organised the first show trial, and the generals were "
         "shot later in 1937.", False),
        ("Under Beria, the NKVD carried out the mass operations of 1937.", True),
        ("Under Yezhov, the NKVD carried out the mass operations of 1937.", False),
        # a "when" clause dates the post; a fate in another person's clause is his
        ("Yagoda was in charge of the NKVD when Tukhachevsky was shot in 1937.", True),
        ("Yezhov was in charge of the NKVD when Tukhachevsky was shot in 1937.", False),
        ("Yagoda headed the NKVD when Kirov was killed in 1934.", False),
        ("Yagoda, who ran the NKVD when Kirov was killed, was shot in 1938.", False),
        # the narrower event named is the one the year is said of, across an aside
        ("The first show trial took place in 1938.", True),
        ("The first show trial, of Zinoviev and Kamenev, took place in 1938.", True),
        ("The first show trial, of Zinoviev and Kamenev, took place in August 1936.", False),
        ("The third show trial, of Bukharin, took place in 1938.", False),
        ("The show trials took place in 1936-38.", False),
        # Trotsky was murdered with an ice axe, neither shot nor executed
        ("Among them was Trotsky, who was shot in 1937 with Tukhachevsky.", True),
        ("Trotsky was exiled in 1929 and murdered in Mexico in 1940.", False),
        ("Trotsky's old ally Tukhachevsky was shot in 1937.", False),
        # a possessive name before another noun: someone else's event, not his
        ("Trotsky's supporters were shot in 1937.", False),
        ("Trotsky's murder in 1937 shocked the world.", True),
    ],
)  # fmt: skip
def test_round_five_rules(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))
