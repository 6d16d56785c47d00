"""The period's fact table, built person by person and event by event from the five source
documents (/work/shared/sources, ids as in sources.yaml): each entry carries the quote that
settles it, verbatim (a test finds every quote in its document).

`factclaims` reads any (person, year / fate / post) pair it finds in a clause against `PEOPLE`;
`TABLE_EVENTS` join the dated events of `factevents`. A field left empty means the sources do
not settle it, and nothing is then flagged about it: a claim is wrong only when the table says
so, never because it is absent. Named in the brief but in none of the five documents, and so
not here: Vyshinsky, Yakir, Uborevich, Blyukher, Yegorov, the February-March 1937 plenum, the
national operations.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cite:
    doc: str  # a source id of sources.yaml
    quote: str  # verbatim from that document


@dataclass(frozen=True, slots=True)
class Person:
    """What the sources settle about one person. `posts`: post key -> the years it was held
    (empty: held, years unsettled); `arrested` / `died`: the years that are right (empty:
    unsettled); `fate`: how he died ("shot", "suicide", "murdered", "camp", "natural"; "":
    unsettled)."""

    name: str
    correction: str
    cites: tuple[Cite, ...]
    posts: tuple[tuple[str, frozenset[int]], ...] = ()
    arrested: frozenset[int] = frozenset()
    died: frozenset[int] = frozenset()
    fate: str = ""
    trial: str = ""  # the Moscow show trial he was a defendant at: "first", "second", "third"
    faction: str = ""  # the opposition he led or belonged to: "left", "right"


def _years(text: str) -> frozenset[int]:
    """ "1934-1936 1939" -> {1934, 1935, 1936, 1939}."""
    out: set[int] = set()
    for part in text.split():
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return frozenset(out)


def _p(
    name: str,
    correction: str,
    cites: tuple[tuple[str, str], ...],
    posts: str = "",
    arrested: str = "",
    died: str = "",
    fate: str = "",
    trial: str = "",
    faction: str = "",
) -> Person:
    held = tuple(
        (key, _years(span.replace(",", " ")))
        for key, _, span in (p.partition(":") for p in posts.split(";") if p)
    )
    return Person(
        name,
        correction,
        tuple(Cite(doc, quote) for doc, quote in cites),
        held,
        _years(arrested),
        _years(died),
        fate,
        trial,
        faction,
    )


# Post keys: "nkvd" (head of the NKVD / secret police), "leningrad" / "moscow" /
# "transcaucasia" (the party's leader there), "heavy-industry" (its commissar). Only posts
# with all their holders in the sources are checked for who held them (`POST_HOLDERS`).
PEOPLE: dict[str, Person] = {
    p.name: p
    for p in (
        _p("kirov", "Kirov, the Leningrad party leader, was shot in his office in Leningrad on "
           "1 December 1934.",
           (("morris", "Kirov was the leader of the party in Leningrad"),
            ("flashcards", "In Leningrad on 1st December 1934, Leonid Nicolaev walked into the "
             "communist party headquarters and shot dead Sergei Kirov")),
           posts="leningrad:", died="1934", fate="murdered"),
        _p("yagoda", "Yagoda headed the NKVD until September 1936, when Yezhov replaced him; he "
           "was arrested in 1937 and shot in 1938.",
           (("clayton", "September 1936 Yagoda himself was removed on the grounds that he had "
             "been too lax"),
            ("ussr-archive", "1938, Yagoda, former head of the NKVD, was shot.")),
           posts="nkvd:1934-1936", arrested="1937", died="1938", fate="shot"),
        _p("yezhov", "Yezhov headed the NKVD from 1936 to 1938; he was arrested in early 1939 "
           "and shot.",
           (("flashcards", "the head of the NKVD from 1936 to 1938"),
            ("ussr-archive", "before being arrested in early 1939 as the scapegoat")),
           posts="nkvd:1936-1938", arrested="1939", died="1939-1940", fate="shot"),
        _p("beria", "Beria replaced Yezhov at the head of the NKVD at the end of the Great "
           "Terror (1938-39).",
           (("swift", "then Beria replaced Yezhov"),),
           posts="nkvd:1938-1945"),
        _p("zinoviev", "Zinoviev was arrested after Kirov's murder and shot after the first "
           "Moscow trial in August 1936.",
           (("morris", "Zinoviev and Kamenev were arrested and put in"),
            ("swift", "The first part of the \u2018trials\u2019 started in August, 1936, with "
             "Zinoviev, Kamenev")),
           arrested="1934-1936", died="1936", fate="shot", trial="first", faction="left"),
        _p("kamenev", "Kamenev was arrested after Kirov's murder and shot after the first "
           "Moscow trial in August 1936.",
           (("morris", "Zinoviev and Kamenev were arrested and put in"),
            ("swift", "The first part of the \u2018trials\u2019 started in August, 1936, with "
             "Zinoviev, Kamenev")),
           arrested="1934-1936", died="1936", fate="shot", trial="first", faction="left"),
        _p("bukharin", "Bukharin was taken to the Lubianka in March 1937 and shot after the "
           "third Moscow trial in 1938.",
           (("morris", "In early March Bukharin and Rykov along with the"),
            ("ussr-archive", "Bukharin (1938)"),
            ("swift", "In the last show trial Stalin\u2019s accomplices had done their homework: "
             "Bukharin and Rykov"),
            ("ussr-archive", "Right Opposition\n\nTomsky (1936)\n\nBukharin (1938)\n\nRykov")),
           arrested="1937", died="1938", fate="shot", trial="third", faction="right"),
        _p("rykov", "Rykov was taken to the Lubianka in March 1937 and shot after the third "
           "Moscow trial in 1938.",
           (("morris", "In early March Bukharin and Rykov along with the"),
            ("ussr-archive", "Rykov (1938)")),
           arrested="1937", died="1938", fate="shot", trial="third", faction="right"),
        _p("tomsky", "Tomsky killed himself in 1936, before he could be tried.",
           (("ussr-archive", "While Tomsky had committed suicide"),
            ("ussr-archive", "Tomsky (1936)")),
           died="1936", fate="suicide", faction="right"),
        _p("radek", "Radek was sentenced at the second Moscow trial (January 1937) to ten years "
           "in a labour camp, where he died.",
           (("swift", "Radek was sentenced to 10 years in a labour camp, where he died"),
            ("swift", "who was put in charge of the second show trial (January, 1937). Now it "
             "was Radek\u2019s turn")),
           fate="camp", trial="second"),
        _p("pyatakov", "Pyatakov was tried at the second Moscow trial in January 1937.",
           (("ussr-archive", "Radek and Pyatakov (1937)"),
            ("morris", "In January 1937 there is \u201cthe trial of the 17\u201d")),
           died="1937", trial="second"),
        _p("tukhachevsky", "Tukhachevsky was arrested in May 1937, tried in secret and shot in "
           "June 1937.",
           (("flashcards", "Tukhachevsky and his fellow generals were shot"),
            ("flashcards", "it was announced in May 1937 that there had been a gigantic "
             "conspiracy found within the Red army")),
           arrested="1937", died="1937", fate="shot"),
        _p("trotsky", "Trotsky was murdered in Mexico in 1940 with an ice axe by an agent "
           "Stalin sent.",
           (("swift", "Stalin sent a Communist Spaniard to Mexico, where he dispatched Trotsky "
             "with an ice axe"),
            ("ussr-archive", "Left Opposition\n\nZinoviev (1936)\n\nKamenev (1936)\n\n"
             "Trotsky (1940)")),
           died="1940", fate="murdered", faction="left"),
        _p("stalin", "Stalin survived the purges and died of natural causes.",
           (("swift", "After his death by natural causes, he was denounced by Kruschev."),),
           fate="natural"),
        _p("lominadze", "Lominadze was the party chief in Transcaucasia, sacked for criticising "
           "collectivisation.",
           (("clayton", "Lominadze the party chief in Transcaucasia"),),
           posts="transcaucasia:"),
        _p("khrushchev", "Khrushchev became head of the party in Moscow after Kirov's murder "
           "and arrested 106,000 people in Ukraine in 1938.",
           (("morris", "Khrushchev becomes head of the party in Moscow"),),
           posts="moscow:"),
        _p("ordzhonikidze", "Ordzhonikidze was a Politburo member and Commissar for Heavy "
           "Industries.",
           (("flashcards", "Sergo Ordzhonikidze, who was a Politburo member and Commissar for "
             "Heavy Industries"),),
           posts="heavy-industry:"),
    )
}  # fmt: skip

# The holders of each post checked for who held it, as the sources and the record give them
# (earlier holders of the NKVD's posts included): another person of the table named in it is
# wrong.
POST_HOLDERS: dict[str, frozenset[str]] = {
    "nkvd": frozenset({"yagoda", "yezhov", "beria", "menzhinsky", "dzerzhinsky"}),
    "leningrad": frozenset({"kirov", "zinoviev", "zhdanov"}),
    "moscow": frozenset({"khrushchev", "kaganovich"}),
    "transcaucasia": frozenset({"lominadze", "beria"}),
    "heavy-industry": frozenset({"ordzhonikidze"}),
}


@dataclass(frozen=True, slots=True)
class TableEvent:
    """A dated event of the sources, read as `factevents.Event` reads it (groups of word
    starts, one of each group in the clause)."""

    claim: str
    groups: str
    years: str
    correction: str
    cite: Cite
    months: str = ""


TABLE_EVENTS: tuple[TableEvent, ...] = (
    TableEvent("The 18th Party Congress is misdated.", "18th eighteenth|congress", "1939",
               "The 18th Party Congress met in 1939; only 59 of the 1934 delegates appeared.",
               Cite("swift", "At the next Congress in 1939 only 59 appeared.")),
    TableEvent("The trial of the sixteen is misdated.", "sixteen= 16=|trial", "1936",
               "The trial of the sixteen (Zinoviev, Kamenev and fourteen others) was held in "
               "August 1936.",
               Cite("morris", "Results in \u201cthe trial of the 16\u201d in August 1936."),
               "august"),
    TableEvent("The trial of the seventeen is misdated.", "seventeen= 17=|trial", "1937",
               "The trial of the seventeen (Pyatakov, Radek and others) was held in January "
               "1937.",
               Cite("morris", "In January 1937 there is \u201cthe trial of the 17\u201d"),
               "january"),
    TableEvent("Bukharin and Rykov's arrest is misdated.",
               "bukharin rykov|lubianka lubyanka", "1937",
               "Bukharin and Rykov were taken to the Lubianka in early March 1937.",
               Cite("morris", "In early March Bukharin and Rykov along with the"), "march"),
    TableEvent("The decree after Kirov's murder is misdated.", "decree|terrorist kirov",
               "1934",
               "Stalin issued his decree against terrorists on 2 December 1934, the day after "
               "Kirov's murder.",
               Cite("morris", "December 2 Stalin issues a decree"), "december"),
    TableEvent("The OGPU's renaming is misdated.", "ogpu|nkvd|renam became afterward",
               "1934", "The secret police was the OGPU until 1934 and the NKVD afterwards.",
               Cite("ussr-archive", "The secret police, known as the OGPU until 1934, and the "
                    "NKVD afterwards")),
    TableEvent("The Ukrainian arrests are misdated.", "khrushchev|ukrain|arrest", "1938",
               "In Ukraine in 1938 Khrushchev arrested 106,000 people.",
               Cite("morris", "In Ukraine in 1938 Khrustev arrests 106")),
)  # fmt: skip


# A historian's own figures: a figure the essay gives as his is checked against them (an order
# of magnitude off is misquoting him), even in a sentence that reports it.
HISTORIAN_FIGURES: dict[str, tuple[dict[str, int], str, Cite]] = {
    "conquest": (
        {"arrest": 6_000_000, "execut": 3_000_000, "shot": 3_000_000, "camp": 2_000_000},
        "Conquest put the figures at 6 million arrested, 3 million executed and 2 million dead "
        "in the camps (figures other historians think exaggerated).",
        Cite("morris", "Robert Conquest states that 6 million were arrested,"),
    ),
}

# When each Moscow show trial was held.
TRIAL_YEARS: dict[str, tuple[int, Cite]] = {
    "first": (1936, Cite("morris", "Results in \u201cthe trial of the 16\u201d in August 1936.")),
    "second": (1937, Cite("morris", "In January 1937 there is \u201cthe trial of the 17\u201d")),
    "third": (1938, Cite("morris", "Stage 3: Moscow Trials in 1938.")),
}
