"""The period's record, as data: where events happened, who held which post, who survived, and
the order of magnitude of the well-known figures (see `purgebot.essays.facts` for how an essay
is checked against it); when events happened is in `purgebot.essays.factevents`.

Words are matched by the start of their folded form ("execut" finds executed, executions);
names by their folded form ("kirov" finds Kirov's). Every correction says what the record says;
none cites a source quote, so the feedback shows them as coming from the record. A fact belongs
here only when students get it wrong and it is not contested among historians.
"""

from __future__ import annotations

from dataclasses import dataclass

from purgebot.essays.factevents import EVENTS as EVENTS
from purgebot.essays.factevents import KILLED
from purgebot.essays.factevents import Event as Event
from purgebot.essays.factnumbers import FIGURES as FIGURES
from purgebot.essays.factnumbers import KNOWN_PARTS as KNOWN_PARTS
from purgebot.essays.factnumbers import LOW_FIGURES as LOW_FIGURES
from purgebot.essays.factnumbers import MARSHALS_CORRECTION as MARSHALS_CORRECTION
from purgebot.essays.factnumbers import PART_OF_WHOLE as PART_OF_WHOLE
from purgebot.essays.factnumbers import Figure as Figure
from purgebot.essays.factnumbers import LowFigure as LowFigure
from purgebot.essays.factnumbers import purged as purged


# Where an event happened: any other known place named with it ("murdered in Moscow") is wrong.
@dataclass(frozen=True, slots=True)
class Placed:
    claim: str
    groups: tuple[tuple[str, ...], ...]
    places: frozenset[str]
    correction: str


KNOWN_PLACES = frozenset(
    {"moscow", "leningrad", "mexico", "siberia", "turkey", "norway", "france", "kiev", "ukraine",
     "georgia", "tbilisi", "berlin", "paris", "london", "kazakhstan", "stalingrad", "finland",
     "kremlin"}
)  # fmt: skip
PLACED: tuple[Placed, ...] = (
    Placed("Kirov was killed in Leningrad.", (("kirov",), tuple(KILLED.split())),
           frozenset({"leningrad", "smolny"}), "Kirov was shot in Leningrad on 1 December 1934."),
    Placed("The show trials were held in Moscow.", (("show", "moscow"), ("trial",)),
           frozenset({"moscow"}), "The three show trials of 1936-38 were held in Moscow."),
    Placed("Trotsky was killed in Mexico.", (("trotsky",), tuple(KILLED.split())),
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
    "police": frozenset({"yagoda", "yezhov", "beria", "menzhinsky", "dzerzhinsky"}),
    "defence": frozenset({"voroshilov", "timoshenko", "frunze", "trotsky"}),
    "defense": frozenset({"voroshilov", "timoshenko", "frunze", "trotsky"}),
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
    "police": "The NKVD was headed by Yagoda (1934-36), then Yezhov (1936-38), then Beria (from "
    "1938).",
    "defence": "Voroshilov was People's Commissar for Defence from 1925 to 1940; Tukhachevsky was "
    "his deputy.",
    "defense": "Voroshilov was People's Commissar for Defence from 1925 to 1940; Tukhachevsky was "
    "his deputy.",
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
    "vyshinsky": "Vyshinsky, the prosecutor at the show trials, survived and died in 1954.",
    "zhdanov": "Zhdanov survived the purges and died in 1948.",
    "tomsky": "Tomsky killed himself in August 1936, before he could be put on trial.",
    "gamarnik": "Gamarnik shot himself in May 1937, before he could be arrested.",
    "ordzhonikidze": "Ordzhonikidze killed himself in February 1937.",
    "radek": "Radek was sentenced to ten years at the second Moscow trial and killed in a camp in "
    "1939.",
    "sokolnikov": "Sokolnikov was sentenced to ten years at the second Moscow trial and killed "
    "in prison in 1939.",
}
# Verbs that say someone was put to death ("trotsky" was murdered with an ice axe, so "shot" or
# "executed" are wrong of him); the prosecutor "tried" people himself.
KILLED_VERBS = ("shot", "execut")
SURVIVED_VERBS = {
    "trotsky": KILLED_VERBS,
    "vyshinsky": KILLED_VERBS,
    "zhdanov": KILLED_VERBS,
    "radek": KILLED_VERBS,
    "sokolnikov": KILLED_VERBS,
}

# Who drew up Order 00447 (with the Politburo's and Stalin's approval); others named as its
# author are wrong when they are known people.
ORDER_AUTHORS = frozenset({"yezhov", "frinovsky", "stalin", "politburo"})
ORDER_WRONG_AUTHORS = frozenset({"beria", "yagoda", "molotov", "kirov", "trotsky", "zhdanov"})
ORDER_CORRECTION = (
    "Order 00447 (30 July 1937) was drawn up by Yezhov's NKVD and approved by Stalin and the "
    "Politburo; Beria only took over the NKVD in late 1938."
)
AUTHOR_VERBS = ("drew", "draw", "draft", "wrote", "writ", "author", "devis", "design", "creat")
# Signing or issuing it: wrong for those who were nowhere near it (not Politburo members).
SIGN_VERBS = ("sign", "issu")
NEVER_SIGNED = frozenset({"beria", "yagoda", "kirov", "trotsky"})

# Party posts by city or region: the people who held the post in the 1920s-30s.
PLACES = {
    "leningrad": frozenset({"kirov", "zhdanov", "zinoviev"}),
    "moscow": frozenset({"khrushchev", "kaganovich"}),
    "transcaucasia": frozenset({"lominadze", "beria"}),
    "georgia": frozenset({"beria"}),
}
PLACE_PEOPLE = frozenset(
    {"kirov", "zhdanov", "zinoviev", "khrushchev", "kaganovich", "lominadze", "beria", "yezhov",
     "yagoda"}
)  # fmt: skip
# Held other posts in those places (the NKVD): wrong only when "the party" there is named.
PARTY_ONLY = frozenset({"beria", "yezhov", "yagoda"})
# Who took over a murdered leader's post.
SUCCESSORS = {"kirov": frozenset({"zhdanov"})}
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


# The years each head of the NKVD held the post: "the NKVD under Beria in 1937" is wrong.
# The years his term ended in: "Yagoda ran the NKVD until 1938" is wrong.
TERM_ENDS = {"yagoda": {1936}, "yezhov": {1938, 1939}, "beria": {1945, 1946, 1953}}
NKVD_TERMS = {
    "yagoda": frozenset(range(1934, 1937)),
    "yezhov": frozenset(range(1936, 1939)),
    "beria": frozenset(range(1938, 1946)),
}


# Who killed whom: any other known person named as the killer ("Kirov was killed by Trotsky").
KILLERS = {
    "kirov": frozenset({"nikolayev", "nikolaev", "stalin", "nkvd", "yagoda", "zaporozhets"}),
    "trotsky": frozenset({"mercader", "stalin", "nkvd"}),
}
KILLER_CORRECTIONS = {
    "kirov": "Kirov was shot in Leningrad on 1 December 1934 by Leonid Nikolayev.",
    "trotsky": "Trotsky was murdered in Mexico in August 1940 by Ramon Mercader, an NKVD agent.",
}
KILLED_WORDS = ("murder", "kill", "assassin", "shot")
KNOWN_PEOPLE = frozenset(
    {*SURVIVED, *NKVD_HEADS, *PLACE_PEOPLE, *POST_PEOPLE, *ORDER_WRONG_AUTHORS, "stalin",
     *(name for names in TRIALS.values() for name in names)}
)  # fmt: skip
