"""The period's well-known figures, as data for `purgebot.essays.factfigures` (re-exported by
`purgebot.essays.factdata`): totals an order of magnitude too high or too low, and known parts
of known wholes. A figure belongs here only when it is not contested among historians by a
factor of ten.
"""

from __future__ import annotations

from dataclasses import dataclass

# A place's or a body's own figure is no total: "in Ukraine in 1938 Khrushchev arrested 106,000".
_NOT_A_TOTAL = (
    "00447", "quota", "region", "officer", "nkvd", "day", "month", "week", "army", "party",
    "commander", "delegate", "member", "moscow", "leningrad", "ukrain", "georgia", "kazakh",
    "belarus", "byelorussia", "siberia", "kiev", "tbilisi", "minsk", "oblast", "province",
    "republic",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Figure:
    """A well-known figure: a number said of it with one word of every group in its clause
    is wrong when it is `too_high` or more (an order of magnitude above the record)."""

    claim: str
    groups: tuple[tuple[str, ...], ...]
    too_high: int
    correction: str
    needs_year: bool = False  # only a figure for one year of the 1930s (a camp population)
    # Beyond any historian's estimate: wrong even when reported ("Conquest estimated that 30
    # million people were executed"); 0 when a reported figure is left alone.
    even_reported: int = 0


FIGURES: tuple[Figure, ...] = (
    Figure(
        "Order 00447's arrests are an order of magnitude too high.",
        (("00447", "quota", "target"), ("arrest",)),
        2_000_000,
        "Order 00447 set about 259,450 arrests, of whom about 72,950 were to be shot.",
    ),
    Figure(
        "The number sentenced or shot each day is an order of magnitude too high.",
        (("sentenc", "execut", "shot"), ("day", "daily")),
        10_000,
        "About 680,000 death sentences were passed in 1937-38 (almost 1,000 a day).",
    ),
    Figure(
        "Order 00447's arrests are given as executions.",
        # its quota (what it set), not what was done under it by 1938 (386,798 executed)
        (
            ("00447",),
            ("shot", "execut"),
            (
                "be=",  # "to be shot", not "executed ... to fulfil the order"
                "should",
                "quota",
                "target",
                "set=",
                "sets=",
                "called",
                "ordered",
                "plan",
                "demand",
                "requir",
            ),
        ),
        150_000,
        "Order 00447 set about 259,450 arrests, of whom about 72,950 were to be shot.",
    ),
    Figure(  # what was done under it (flashcards: "the NKVD had executed 386,798")
        "The executions under Order 00447 are an order of magnitude too high.",
        (("00447",), ("execut", "shot")),
        3_800_000,
        "By the end of 1938 the NKVD had executed 386,798 people under Order 00447.",
    ),
    Figure(
        "The number executed is an order of magnitude too high.",
        (("execut", "shot"),),
        5_000_000,
        "About 680,000-750,000 people were executed in 1937-38.",
        even_reported=15_000_000,
    ),
    Figure(
        "The number sentenced to death is an order of magnitude too high.",
        (("sentenc",), ("death",)),
        5_000_000,
        "About 680,000 death sentences were passed in 1937-38 (almost 1,000 a day).",
    ),
    Figure(
        "The number of officers purged is an order of magnitude too high.",
        (
            ("officer",),
            ("purg", "arrest", "shot", "execut", "expel", "dismiss", "remov", "discharg", "kill"),
        ),
        300_000,
        "About 35,000-40,000 officers were purged (many later reinstated).",
    ),
    Figure(
        "The camp population is an order of magnitude too high.",
        (("camp", "gulag"),),
        10_000_000,
        "The Gulag held about 1.3 million inmates in 1939.",
        needs_year=True,
    ),
    Figure(
        "The number arrested is an order of magnitude too high.",
        (("arrest",),),
        20_000_000,  # above the 19.8 million of a disputed 1960 report (Swift)
        "About 1.5 million people were arrested in 1937-38.",
    ),
    Figure(  # the fact table's (purgebot.essays.facttable)
        "The arrests in Ukraine in 1938 are an order of magnitude too high.",
        (("ukrain", "khrushchev"), ("arrest",)),
        1_000_000,
        "In Ukraine in 1938 Khrushchev arrested 106,000 people, most of whom were shot.",
    ),
)

MARSHALS_CORRECTION = (
    "Three of the five marshals (Tukhachevsky, Yegorov, Blyukher) died in the purges; "
    "Voroshilov and Budyonny survived."
)
# Wholes of the record and their known parts (from the banks' own questions): "110 of the
# 1,966 delegates" arrested, "4 of the 16 army commanders" purged: under half the record.
KNOWN_PARTS = {1_966: 1_108, 139: 98, 229: 169, 16: 14}
_PURGED = (
    "arrest", "shot", "execut", "purg", "kill", "perish", "repress", "die", "disappear", "wiped",
    "remov", "dismiss", "lost",
)  # fmt: skip


def purged(norms: list[str]) -> bool:
    """Whether the words say people were purged (the known parts count the purged)."""
    return any(w.startswith(_PURGED) for w in norms)


PART_OF_WHOLE = (
    "A part cannot be larger than the whole: about 98 of the 139 Central Committee members "
    "were shot, and 1,108 of the 1,966 delegates to the 17th Congress were arrested."
)


@dataclass(frozen=True, slots=True)
class LowFigure:
    """A well-known total given an order of magnitude too low: a number from 100 up to
    `too_low` said of one word of every group, with none of `unless` in its clause (another
    body's figure: "over 3,000 NKVD officers"), and not a part ("154 of the 186 ...")."""

    claim: str
    groups: tuple[tuple[str, ...], ...]
    too_low: int
    correction: str
    unless: tuple[str, ...] = ()


# One region's, one month's or one body's share of Order 00447 is no total of it.
_NOT_ALL_00447 = tuple(w for w in _NOT_A_TOTAL if w not in ("00447", "quota"))

LOW_FIGURES: tuple[LowFigure, ...] = (
    LowFigure(
        "Order 00447's arrests are an order of magnitude too low.",
        (("00447",), ("arrest",)),
        26_000,
        "Order 00447 set about 259,450 arrests, of whom about 72,950 were to be shot.",
        _NOT_ALL_00447,
    ),
    LowFigure(
        "Order 00447's executions are an order of magnitude too low.",
        (("00447",), ("shot", "execut")),
        7_300,
        "Order 00447 set about 259,450 arrests, of whom about 72,950 were to be shot.",
        _NOT_ALL_00447,
    ),
    LowFigure(
        "The number arrested in 1937-38 is an order of magnitude too low.",
        (("arrest",), ("1937", "1938", "terror", "yezhovshchina")),
        200_000,
        "About 1.5 million people were arrested in 1937-38.",
        _NOT_A_TOTAL,
    ),
    LowFigure(
        "The camp population is an order of magnitude too low.",
        (("camp", "gulag"), ("held", "hold", "prisoner", "inmate", "population")),
        200_000,
        "The Gulag held about 1.3 million inmates in 1939.",
        (
            "die",
            "death",
            "shot",
            "execut",
            "one",
            "kolyma",
            "region",
            "day",
            "month",
            "week",
            "release",
            "escap",
        ),
    ),
    LowFigure(
        "The number of NKVD officers purged is an order of magnitude too low.",
        (
            ("officer", "personnel", "men", "member", "chekist", "agent", "staff"),
            ("purg", "arrest", "shot", "remov", "execut"),
            ("nkvd", "yagoda", "chekist", "own"),
        ),
        500,
        "Yezhov purged over 3,000 of his own NKVD personnel, many of them Yagoda's men.",
        (
            "army",
            "red",
            "military",
            "commander",
            "general",
            "division",
            "region",
            "day",
            "week",
            "month",
        ),
    ),
    LowFigure(
        "The number of officers purged is an order of magnitude too low.",
        (("officer",), ("purg", "remov", "dismiss", "expel", "discharg", "lost", "lose")),
        4_000,
        "About 35,000-40,000 officers were purged (many later reinstated).",
        (
            "nkvd",
            "chekist",
            "police",
            "party",
            "commander",
            "general",
            "colonel",
            "division",
            "region",
            "district",
            "regiment",
            "unit",
            "war",  # "lost 3,000 officers in the Winter War": in battle, not to the purge
            "battle",
            "fighting",
            "finland",
        ),
    ),
    LowFigure(
        "The number executed in 1937-38 is an order of magnitude too low.",
        (("execut", "shot"), ("1937", "1938", "terror", "yezhovshchina", "00447")),
        70_000,
        "About 680,000-750,000 people were executed in 1937-38.",
        ("00447", "quota", "region", "officer", "nkvd", "day", "month", "week", "moscow"),
    ),
    LowFigure(
        "The number sentenced to death is an order of magnitude too low.",
        (("sentenc",), ("death",)),
        70_000,
        "About 680,000 death sentences were passed in 1937-38 (almost 1,000 a day).",
        (
            "day",
            "month",
            "week",
            "region",
            "quota",
            "officer",
            "nkvd",
            "moscow",
            "leningrad",
            "list",
            "signed",
            "personally",
            "1930",
            "1931",
            "1932",
            "1933",
            "1934",
            "1935",
            "1936",
            "1939",
            "1940",
            "1941",
        ),
    ),
    LowFigure(  # the fact table's (purgebot.essays.facttable)
        "The Butovo burials are an order of magnitude too low.",
        (("butovo",),),
        4_000,
        "Over 20,000 people were buried at Butovo, the NKVD's killing ground outside Moscow.",
    ),
    LowFigure(  # what was done under it, not its quota (facttable: flashcards)
        "The executions under Order 00447 are an order of magnitude too low.",
        (("00447",), ("execut",)),
        38_500,
        "By the end of 1938 the NKVD had executed 386,798 people under Order 00447.",
        (
            *(w for w in _NOT_ALL_00447 if w != "nkvd"),  # "the NKVD had executed ..."
            *("to=", "should", "quota", "target", "set=", "plan", "call", "ordered"),
        ),
    ),
)
