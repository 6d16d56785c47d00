"""The period's dated events, as data for `purgebot.essays.facts`: when each happened, so that
a year paired with it in an essay can be checked (re-exported by `purgebot.essays.factdata`).

Words are matched by the start of their folded form ("execut" finds executed, executions);
names by their folded form ("kirov" finds Kirov's); a word ending in "=" only as a whole word.
"""

from __future__ import annotations

from dataclasses import dataclass

from purgebot.essays.facttable import TABLE_EVENTS


@dataclass(frozen=True, slots=True)
class Event:
    """An event and the years it may be given: every group names it (one of its words must
    stand close to the others, in one clause); `years` are right, any other year paired with it
    is wrong."""

    claim: str
    groups: tuple[tuple[str, ...], ...]
    years: frozenset[int]
    correction: str
    months: frozenset[str] = frozenset()  # when set, a month written with a right year must be one
    # Words that make the clause about another event of the same person ("Yezhov became head
    # of the NKVD in 1937" is his appointment, not his time in office).
    not_with: tuple[str, ...] = ()


def _e(
    claim: str, groups: str, years: str, correction: str, months: str = "", not_with: str = ""
) -> Event:
    return Event(
        claim,
        tuple(tuple(g.split()) for g in groups.split("|")),
        frozenset(int(y) for y in years.split()),
        correction,
        frozenset(months.split()),
        tuple(not_with.split()),
    )


_CHANGE = (
    "became become appoint promot took replac succeed remov dismiss sack fell arrest shot execut"
)


KILLED = "murder kill assassin shot death died gunned"
_TRIED = "shot execut trial tried sentenc condemn"

EVENTS: tuple[Event, ...] = (
    _e(
        "Kirov's murder is misdated.",
        f"kirov|{KILLED}",
        "1934",
        "Kirov was shot in Leningrad on 1 December 1934.",
        "december",
    ),
    _e(
        "Tukhachevsky's trial and death are misdated.",
        f"tukhachevsky|{_TRIED} arrest affair case",
        "1937",
        "Tukhachevsky was arrested in May 1937, tried in secret and shot in June 1937.",
        "may june",
    ),
    _e(
        "Order 00447 is misdated.",
        "00447|issu sign date introduc launch start began approv drew draft wrote came pass "
        "publish enact adopt",
        "1937",
        "Order 00447 was issued on 30 July 1937.",
        "july august",
    ),
    _e(
        "Hitler's rise to power is misdated.",
        "hitler|power chancellor appoint elect",
        "1933",
        "Hitler became German Chancellor in January 1933.",
        "january",
    ),
    _e(
        "The German invasion is misdated.",
        "hitler german germany nazi|invad invas attack|ussr soviet russia union",
        "1941",
        "Germany invaded the Soviet Union on 22 June 1941.",
        "june",
    ),
    _e(
        "The German invasion is misdated.",
        "barbarossa",
        "1941",
        "Operation Barbarossa, the German invasion, began on 22 June 1941.",
        "june",
    ),
    _e(  # "the war with Finland": the Winter War, or in 1941-44 the Continuation War
        "The Winter War is misdated.",
        "war>with war>against|finland",
        "1939 1940 1941 1942 1943 1944",
        "The Winter War against Finland was fought in 1939-40.",
        "",
        "winter",
    ),
    _e(
        "The Winter War is misdated.",
        "winter|war",
        "1939 1940",
        "The Winter War against Finland was fought in 1939-40.",
    ),
    _e(
        "Trotsky's murder is misdated.",
        f"trotsky|{KILLED}",
        "1940",
        "Trotsky was murdered in Mexico in August 1940.",
        "august",
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
        "zinoviev kamenev|trial tried sentenc condemn",
        "1935 1936",
        "Zinoviev and Kamenev were tried in secret in January 1935, then tried again and shot in "
        "August 1936 (the first Moscow trial).",
    ),
    _e(
        "The first Moscow trial is misdated.",
        "zinoviev kamenev|shot execut",
        "1936",
        "Zinoviev and Kamenev were tried in secret in January 1935, then tried again and shot in "
        "August 1936 (the first Moscow trial).",
        "august",
    ),
    _e(
        "The show trials are misdated.",
        "show|trial",
        "1936 1937 1938",
        "The three Moscow show trials were held in August 1936, January 1937 and March 1938.",
    ),
    _e(
        "The first Moscow trial is misdated.",
        "first|show moscow public|trial",
        "1936",
        "The first Moscow show trial, of Zinoviev and Kamenev, was held in August 1936.",
        "august",
    ),
    _e(
        "The second Moscow trial is misdated.",
        "second|show moscow public|trial",
        "1937",
        "The second Moscow show trial, of Pyatakov and Radek, was held in January 1937.",
        "january",
    ),
    _e(
        "The third Moscow trial is misdated.",
        "third last|show moscow public|trial",
        "1938",
        "The third Moscow show trial, of Bukharin, Rykov and Yagoda, was held in March 1938.",
        "march",
    ),
    _e(
        "Bukharin's arrest is misdated.",
        "bukharin rykov|arrest expel",
        "1937",
        "Bukharin and Rykov were expelled from the party and arrested in February 1937.",
        "february march",
    ),
    _e(
        "The Great Terror is misdated.",
        "great|terror=",
        "1936 1937 1938",
        "The Great Terror, the mass arrests and shootings of 1937-38, ended in November 1938.",
        "",
        "end ended ending stopp halt over began begin start",
    ),
    _e(
        "The army purge is misdated.",
        "army military officer|purg|began begin start launch",
        "1936 1937",
        "The purge of the Red Army began with the arrest of Tukhachevsky and other commanders in "
        "May 1937 (a few, such as Primakov and Putna, were arrested in 1936).",
    ),
    _e(
        "The end of the Great Terror is misdated.",
        "terror= purges=|end ended ending stopp halt over",
        "1938 1939",
        "The Great Terror of 1937-38 ended in November 1938, when Yezhov was removed from the "
        "NKVD.",
    ),
    _e(
        "The second Moscow trial is misdated.",
        f"pyatakov radek|{_TRIED}",
        "1937",
        "Pyatakov and Radek were tried in January 1937 (the second Moscow trial).",
        "january february",
    ),
    _e(
        "The third Moscow trial is misdated.",
        f"bukharin rykov|{_TRIED}",
        "1938",
        "Bukharin and Rykov were tried and shot in March 1938 (the third Moscow trial).",
        "march",
    ),
    _e("Lenin's death is misdated.", "lenin|died death", "1924", "Lenin died in January 1924."),
    _e(
        "The Nazi-Soviet Pact is misdated.",
        "nazi molotov|soviet ribbentrop|pact",
        "1939",
        "The Nazi-Soviet Pact was signed in August 1939.",
        "august",
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
        "",
        _CHANGE,
    ),
    _e(
        "Yagoda's time at the NKVD is misdated.",
        "yagoda|head headed chief led ran|nkvd",
        "1934 1935 1936",
        "Yagoda headed the NKVD from 1934 until September 1936.",
        "",
        _CHANGE,
    ),
    _e(
        "Beria's time at the NKVD is misdated.",
        "beria|head headed chief led ran|nkvd",
        "1938 1939 1940 1941 1942 1943 1944 1945",
        "Beria took over the NKVD from Yezhov in November 1938.",
        "",
        _CHANGE,
    ),
    _e("Yezhov's fall is misdated.", "yezhov|arrest", "1939", "Yezhov was arrested in April 1939."),
    _e(
        "Yezhov's death is misdated.",
        "yezhov|shot execut",
        "1940",
        "Yezhov was shot in February 1940.",
        "february",
    ),
    _e(
        "Yezhov's time at the NKVD is misdated.",
        "yezhov|appoint became promot took>over",
        "1936",
        "Yezhov became head of the NKVD in September 1936 and was removed in November 1938.",
    ),
    _e(
        "Yagoda's death is misdated.",
        f"yagoda|{_TRIED}",
        "1938",
        "Yagoda was tried with Bukharin and shot in March 1938.",
        "march",
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
    _e(
        "Beria's time at the NKVD is misdated.",
        "beria|replac succeed",
        "1938",
        "Beria took over the NKVD from Yezhov in November 1938.",
    ),
    _e(
        "Yezhov's time at the NKVD is misdated.",
        "yezhov|replac succeed",
        "1936 1938",
        "Yezhov became head of the NKVD in September 1936 and was removed in November 1938.",
    ),
    _e(
        "Yezhov's fall is misdated.",
        "yezhov|remov dismiss sack fell fall downfall",
        "1938 1939",
        "Yezhov was removed from the NKVD in November 1938, arrested in April 1939 and shot in "
        "February 1940.",
    ),
    _e(
        "Yagoda's time at the NKVD is misdated.",
        "yagoda|replac succeed",
        "1934 1936",
        "Yagoda headed the NKVD from 1934 until September 1936.",
    ),
)
# The dated events the fact table adds from the sources (`purgebot.essays.facttable`).
EVENTS += tuple(_e(t.claim, t.groups, t.years, t.correction, t.months) for t in TABLE_EVENTS)
