"""Round 8 of issue 15: the rules behind the first batch's misses, each on other wordings, with
sound sentences that must stay clean."""

from __future__ import annotations

import pytest

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


FLAGGED = [
    # a qualifier before a figure does not push the subject out of reach
    ("Order 00447 called for some 500,000 people to be shot.", "executions"),
    # a trial, a place and a year between a name and "shot"
    ("Trotsky was tried in Moscow in 1937 and shot.", "not put to death"),
    # "in the Kremlin" is a place
    ("Kirov was murdered in the Kremlin.", "Leningrad"),
    # "By YEAR X headed the NKVD": his term must have begun
    ("By 1935 Yezhov headed the NKVD.", "did not head"),
    # "Before / After A, the NKVD was run by B"
    ("After Yezhov, the NKVD was run by Yagoda.", "wrong order"),
    # a fate in a second predicate is the opening person's
    ("Zinoviev lost every argument with Stalin and was shot in 1938.", "misdated"),
    # "his place went to X"
    ("Once Kirov was dead, his job passed to Beria.", "succeed Kirov"),
    # "this order" after Order 00447 is it
    ("Yezhov drew up Order 00447. This order was signed in 1935.", "misdated"),
    ("Yezhov drew up Order 00447. Under the order, 650,000 were to be shot.", "executions"),
    # an opening phrase says what a figure is of
    ("Under Order 00447, 800,000 people were to be shot.", "executions"),
    # who says it, and the aside naming him, are the writer's own words
    ("Kirov, the party boss in Moscow, said that the kulaks were finished.", "lead the party"),
    # "at this time" after "the very next day", across a paragraph break
    (
        "Kirov was shot in 1934. Stalin was shaken.\n\nThe next day a decree was issued. "
        "The head of the NKVD at this time, Yezhov, was put in charge of the hunt.",
        "did not head",
    ),
    # "had him shot": the one person named before it but the subject
    ("Stalin turned on Bukharin and had him shot in 1937.", "misdated"),
    # past an apposition between commas
    ("Beria, a man Stalin trusted, was handed Kirov's post in Leningrad.", "succeed Kirov"),
    ("Trotsky, the founder of the Red Army, was tried in Moscow and shot.", "not put to death"),
    # executions under Order 00447 ten times the record's 386,798
    ("Under Order 00447 about 4 million people were executed by the end of 1938.", "too high"),
]

SOUND = [
    "Order 00447 called for some 72,950 people to be shot.",
    "Trotsky was tried in his absence and murdered in Mexico.",
    "Stalin was in the Kremlin when Kirov was shot in Leningrad.",
    "By 1937 Yezhov headed the NKVD.",
    "By 1938 the NKVD under Yezhov had arrested hundreds of thousands.",
    "After Yagoda, the NKVD was run by Yezhov.",
    "Zinoviev lost every argument with Stalin and was shot in 1936.",
    "Yezhov signed the lists and thousands were shot in 1937.",
    "Once Kirov was dead, his job passed to Zhdanov.",
    "After Kirov's death the blame went to Zinoviev.",
    "Yezhov drew up Order 00447. This order was signed in 1937.",
    "Yezhov drew up Order 00447. Under the order, 72,950 were to be shot.",
    "Order 00447 was issued. By 1938 the NKVD had executed 386,798 people to fulfil the order.",
    "Order 00447 was issued in 1937. The trials happened in the order Stalin wanted.",
    "Kirov, the party boss in Leningrad, said that the kulaks were finished.",
    "Lominadze said that the party chief in Moscow was wrong.",
    "Kirov was shot in 1934. Stalin was shaken.\n\nThe next day a decree was issued. The head "
    "of the NKVD at this time, Yagoda, was put in charge of the hunt.",
    "Stalin turned on Bukharin and had him shot in 1938.",
    "Bukharin argued and Stalin had him shot in 1938.",
    "Khrushchev, who worked in Moscow, saw Zhdanov take Kirov's post.",
    "Zhdanov, one of Stalin's loyal friends, was given Kirov's job in Leningrad.",
    "Trotsky, the founder of the Red Army, was murdered in Mexico.",
    "Under Order 00447, 386,798 people were executed by the end of 1938.",
    "As head of the NKVD he gave Stalin false evidence of plots, and when the Terror ended "
    "Stalin blamed Yezhov for everything and had him shot.",
]


@pytest.mark.parametrize(("text", "said"), FLAGGED)
def test_round8_rules_flag(text: str, said: str) -> None:
    found = claims(text)
    assert any(said in c for c in found), found


@pytest.mark.parametrize("text", SOUND)
def test_round8_rules_leave_sound_sentences(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # NKVD heads told in turn: "first ... then ... last"
        ("First came Yagoda, then Beria, then Yezhov.", True),
        ("Yagoda was the first NKVD chief, Beria was next, and Yezhov came last.", True),
        ("First came Yagoda, then Yezhov, then Beria.", False),
        ("Yezhov first worked under Yagoda, then took his job.", False),
        ("Yagoda was the first head of the three to be shot, then Yezhov.", False),
    ],
)
def test_heads_told_in_turn(text: str, flagged: bool) -> None:
    assert ("The NKVD heads are in the wrong order." in claims(text)) is flagged
