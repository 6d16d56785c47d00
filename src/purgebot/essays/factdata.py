"""The period's record, as data: when events happened, who held which post, who survived, and
the order of magnitude of the well-known figures (see `purgebot.essays.facts` for how an essay
is checked against it).

Words are matched by the start of their folded form ("execut" finds executed, executions);
names by their folded form ("kirov" finds Kirov's). Every correction says what the record says;
none cites a source quote, so the feedback shows them as coming from the record. A fact belongs
here only when students get it wrong and it is not contested among historians.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Event:
    """An event and the years it may be given: every group names it (one of its words must
    stand close to the others, in one clause); `years` are right, any other year paired with it
    is wrong."""

    claim: str
    groups: tuple[tuple[str, ...], ...]
    years: frozenset[int]
    correction: str


def _e(claim: str, groups: str, years: str, correction: str) -> Event:
    return Event(
        claim,
        tuple(tuple(g.split()) for g in groups.split("|")),
        frozenset(int(y) for y in years.split()),
        correction,
    )


_KILLED = "murder kill assassin shot death died"
_TRIED = "shot execut trial tried sentenc condemn"

EVENTS: tuple[Event, ...] = (
    _e(
        "Kirov's murder is misdated.",
        f"kirov|{_KILLED}",
        "1934",
        "Kirov was shot in Leningrad on 1 December 1934.",
    ),
    _e(
        "Tukhachevsky's trial and death are misdated.",
        f"tukhachevsky|{_TRIED} arrest",
        "1937",
        "Tukhachevsky was arrested in May 1937, tried in secret and shot in June 1937.",
    ),
    _e(
        "Order 00447 is misdated.",
        "00447|issu sign date introduc launch start began approv drew draft wrote",
        "1937",
        "Order 00447 was issued on 30 July 1937.",
    ),
    _e(
        "Hitler's rise to power is misdated.",
        "hitler|power chancellor appoint elect",
        "1933",
        "Hitler became German Chancellor in January 1933.",
    ),
    _e(
        "The German invasion is misdated.",
        "hitler german germany nazi|invad invas attack|ussr soviet russia union",
        "1941",
        "Germany invaded the Soviet Union on 22 June 1941.",
    ),
    _e(
        "The German invasion is misdated.",
        "barbarossa",
        "1941",
        "Operation Barbarossa, the German invasion, began on 22 June 1941.",
    ),
    _e(
        "The Winter War is misdated.",
        "winter|war",
        "1939 1940",
        "The Winter War against Finland was fought in 1939-40.",
    ),
    _e(
        "Trotsky's murder is misdated.",
        f"trotsky|{_KILLED}",
        "1940",
        "Trotsky was murdered in Mexico in August 1940.",
    ),
    _e(
        "Trotsky's exile is misdated.",
        "trotsky|expel exile deport",
        "1927 1928 1929",
        "Trotsky was expelled from the party in 1927, sent to Alma-Ata in 1928 and deported "
        "from the USSR in 1929.",
    ),
    _e("Stalin's death is misdated.", "stalin|died death", "1953", "Stalin died in March 1953."),
    _e(
        "The Ryutin platform is misdated.",
        "ryutin|platform manifesto programme letter",
        "1932",
        "The Ryutin platform circulated in 1932.",
    ),
    _e(
        "The Congress of Victors is misdated.",
        "17th seventeenth victors|congress",
        "1934",
        "The 17th Party Congress, the 'Congress of Victors', met in 1934.",
    ),
    _e(
        "The first Moscow trial is misdated.",
        f"zinoviev kamenev|{_TRIED}",
        "1935 1936",
        "Zinoviev and Kamenev were tried in secret in January 1935, then tried again and shot in "
        "August 1936 (the first Moscow trial).",
    ),
    _e(
        "The second Moscow trial is misdated.",
        f"pyatakov radek|{_TRIED}",
        "1937",
        "Pyatakov and Radek were tried in January 1937 (the second Moscow trial).",
    ),
    _e(
        "The third Moscow trial is misdated.",
        f"bukharin rykov|{_TRIED}",
        "1938",
        "Bukharin and Rykov were tried and shot in March 1938 (the third Moscow trial).",
    ),
    _e("Lenin's death is misdated.", "lenin|died death", "1924", "Lenin died in January 1924."),
    _e(
        "The Nazi-Soviet Pact is misdated.",
        "nazi molotov|soviet ribbentrop|pact",
        "1939",
        "The Nazi-Soviet Pact was signed in August 1939.",
    ),
    _e(
        "Khrushchev's Secret Speech is misdated.",
        "secret=|speech",
        "1956",
        "Khrushchev denounced Stalin in the Secret Speech of February 1956.",
    ),
    _e(
        "The Yezhovshchina is misdated.",
        "yezhovshchina",
        "1936 1937 1938",
        "The Yezhovshchina, Yezhov's time at the NKVD, ran from September 1936 to November 1938.",
    ),
    _e(
        "Yezhov's time at the NKVD is misdated.",
        "yezhov|head headed chief led ran|nkvd",
        "1936 1937 1938",
        "Yezhov became head of the NKVD in September 1936 and was removed in November 1938.",
    ),
    _e(
        "Yagoda's time at the NKVD is misdated.",
        "yagoda|head headed chief led ran|nkvd",
        "1934 1935 1936",
        "Yagoda headed the NKVD from 1934 until September 1936.",
    ),
    _e(
        "Beria's time at the NKVD is misdated.",
        "beria|head headed chief led ran|nkvd",
        "1938 1939 1940 1941 1942 1943 1944 1945",
        "Beria took over the NKVD from Yezhov in November 1938.",
    ),
    _e("Yezhov's fall is misdated.", "yezhov|arrest", "1939", "Yezhov was arrested in April 1939."),
    _e(
        "Yezhov's death is misdated.",
        "yezhov|shot execut",
        "1940",
        "Yezhov was shot in February 1940.",
    ),
    _e(
        "Yezhov's time at the NKVD is misdated.",
        "yezhov|appoint became promot",
        "1936",
        "Yezhov became head of the NKVD in September 1936 and was removed in November 1938.",
    ),
    _e(
        "Yagoda's death is misdated.",
        f"yagoda|{_TRIED}",
        "1938",
        "Yagoda was tried with Bukharin and shot in March 1938.",
    ),
    _e(
        "Yagoda's time at the NKVD is misdated.",
        "yagoda|remov sack dismiss",
        "1936",
        "Yagoda headed the NKVD from 1934 until September 1936.",
    ),
    _e(
        "Beria's time at the NKVD is misdated.",
        "beria|appoint became took",
        "1938",
        "Beria took over the NKVD from Yezhov in November 1938.",
    ),
)


# Where an event happened: any other known place named with it ("murdered in Moscow") is wrong.
@dataclass(frozen=True, slots=True)
class Placed:
    claim: str
    groups: tuple[tuple[str, ...], ...]
    places: frozenset[str]
    correction: str


KNOWN_PLACES = frozenset(
    {"moscow", "leningrad", "mexico", "siberia", "turkey", "norway", "france", "kiev", "ukraine",
     "georgia", "tbilisi", "berlin", "paris", "london", "kazakhstan", "stalingrad", "finland"}
)  # fmt: skip
PLACED: tuple[Placed, ...] = (
    Placed("Kirov was killed in Leningrad.", (("kirov",), tuple(_KILLED.split())),
           frozenset({"leningrad", "smolny"}), "Kirov was shot in Leningrad on 1 December 1934."),
    Placed("The show trials were held in Moscow.", (("show", "moscow"), ("trial",)),
           frozenset({"moscow"}), "The three show trials of 1936-38 were held in Moscow."),
    Placed("Trotsky was killed in Mexico.", (("trotsky",), tuple(_KILLED.split())),
           frozenset({"mexico", "coyoacan"}), "Trotsky was murdered in Mexico in August 1940."),
)  # fmt: skip

# The three Moscow show trials and their main defendants.
TRIALS = {
    "first": frozenset({"zinoviev", "kamenev"}),
    "second": frozenset({"pyatakov", "radek", "sokolnikov"}),
    "third": frozenset({"bukharin", "rykov", "yagoda"}),
}
TRIALS_CORRECTION = (
    "The first Moscow trial (August 1936) tried Zinoviev and Kamenev, the second (January 1937) "
    "Pyatakov and Radek, the third (March 1938) Bukharin, Rykov and Yagoda."
)

# Posts only some people held: "X, head of the NKVD" names a holder, or it is wrong.
POSTS = {
    "nkvd": frozenset({"yagoda", "yezhov", "beria", "menzhinsky", "dzerzhinsky"}),
    "prosecutor": frozenset({"vyshinsky", "krylenko"}),
}
POST_PEOPLE = frozenset(
    {"yagoda", "yezhov", "beria", "vyshinsky", "tukhachevsky", "molotov", "kirov", "zhdanov",
     "kaganovich", "khrushchev", "voroshilov", "bukharin", "zinoviev", "kamenev", "trotsky",
     "frinovsky", "ulrikh", "radek", "rykov", "pyatakov"}
)  # fmt: skip
POST_CORRECTIONS = {
    "nkvd": "The NKVD was headed by Yagoda (1934-36), then Yezhov (1936-38), then Beria (from "
    "1938).",
    "prosecutor": "Vyshinsky was the state prosecutor at the Moscow show trials.",
}

# Heads of the NKVD in the order they held the post.
NKVD_HEADS = ("yagoda", "yezhov", "beria")
NKVD_ORDER = (
    "The NKVD was headed by Yagoda (1934-36), then Yezhov (1936-38), then Beria (from 1938)."
)

# People the purges did not kill, with what became of them.
SURVIVED = {
    "zhukov": "Zhukov survived the purges and commanded the Red Army in the Second World War.",
    "voroshilov": "Voroshilov, one of the two marshals who survived, lived until 1969.",
    "budyonny": "Budyonny, one of the two marshals who survived, lived until 1973.",
    "molotov": "Molotov survived the purges; he signed death lists beside Stalin.",
    "kaganovich": "Kaganovich survived the purges and lived until 1991.",
    "khrushchev": "Khrushchev survived the purges and led the USSR after Stalin.",
    "trotsky": "Trotsky was tried in his absence; he was murdered in Mexico in 1940, not executed.",
}
# Verbs that say someone was put to death; "trotsky" is only wrong with "executed".
KILLED_VERBS = ("shot", "execut")

# Who drew up Order 00447 (with the Politburo's and Stalin's approval); others named as its
# author are wrong when they are known people.
ORDER_AUTHORS = frozenset({"yezhov", "frinovsky", "stalin", "politburo"})
ORDER_WRONG_AUTHORS = frozenset({"beria", "yagoda", "molotov", "kirov", "trotsky", "zhdanov"})
ORDER_CORRECTION = (
    "Order 00447 (30 July 1937) was drawn up by Yezhov's NKVD and approved by Stalin and the "
    "Politburo; Beria only took over the NKVD in late 1938."
)
AUTHOR_VERBS = ("drew", "draw", "draft", "wrote", "writ", "author", "devis", "design", "creat")

# Party posts by city or region: the people who held the post in the 1920s-30s.
PLACES = {
    "leningrad": frozenset({"kirov", "zhdanov", "zinoviev"}),
    "moscow": frozenset({"khrushchev", "kaganovich"}),
    "transcaucasia": frozenset({"lominadze", "beria"}),
    "georgia": frozenset({"beria"}),
}
PLACE_PEOPLE = frozenset({"kirov", "zhdanov", "zinoviev", "khrushchev", "kaganovich", "lominadze"})
ROLE_WORDS = ("leader", "led", "boss", "chief", "head", "secretar", "ran", "charge")
PLACE_CORRECTION = (
    "Kirov led the Leningrad party (Zhdanov after him); Khrushchev and Kaganovich led Moscow's; "
    "Lominadze and later Beria led the party in Transcaucasia."
)

# Tried in secret, not at a show trial.
SECRET_TRIAL = {
    "tukhachevsky": "Tukhachevsky and seven other commanders were tried in secret in June 1937."
}

WINTER_WAR_FOES = frozenset({"finland", "finns", "finnish"})
WRONG_FOES = frozenset({"japan", "japanese", "germany", "germans", "poland", "china", "britain"})
WINTER_WAR_CORRECTION = "The Winter War of 1939-40 was fought against Finland."


@dataclass(frozen=True, slots=True)
class Figure:
    """A well-known figure: a number said of it with one word of every group in its clause
    is wrong when it is `too_high` or more (an order of magnitude above the record)."""

    claim: str
    groups: tuple[tuple[str, ...], ...]
    too_high: int
    correction: str
    needs_year: bool = False  # only a figure for one year of the 1930s (a camp population)


FIGURES: tuple[Figure, ...] = (
    Figure(
        "Order 00447's arrests are given as executions.",
        (("00447",), ("shot", "execut")),
        150_000,
        "Order 00447 set about 259,450 arrests, of whom about 72,950 were to be shot.",
    ),
    Figure(
        "The number executed is an order of magnitude too high.",
        (("execut", "shot"),),
        5_000_000,
        "About 680,000-750,000 people were executed in 1937-38.",
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
)

MARSHALS_CORRECTION = (
    "Three of the five marshals (Tukhachevsky, Yegorov, Blyukher) died in the purges; "
    "Voroshilov and Budyonny survived."
)
PART_OF_WHOLE = (
    "A part cannot be larger than the whole: about 98 of the 139 Central Committee members "
    "were shot, and 1,108 of the 1,966 delegates to the 17th Congress were arrested."
)

# The years each head of the NKVD held the post: "the NKVD under Beria in 1937" is wrong.
NKVD_TERMS = {
    "yagoda": frozenset(range(1934, 1937)),
    "yezhov": frozenset(range(1936, 1939)),
    "beria": frozenset(range(1938, 1946)),
}


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


LOW_FIGURES: tuple[LowFigure, ...] = (
    LowFigure(
        "The number of officers purged is an order of magnitude too low.",
        (("officer",), ("purg", "remov", "dismiss", "expel", "discharg")),
        3_500,
        "About 35,000-40,000 officers were purged (many later reinstated).",
        ("nkvd", "chekist", "police", "party", "commander", "general", "colonel", "division"),
    ),
    LowFigure(
        "The number executed in 1937-38 is an order of magnitude too low.",
        (("execut", "shot"), ("1937", "1938", "terror", "yezhovshchina", "00447")),
        70_000,
        "About 680,000-750,000 people were executed in 1937-38.",
        ("00447", "quota", "region", "officer", "nkvd", "day", "month", "week", "moscow"),
    ),
)
