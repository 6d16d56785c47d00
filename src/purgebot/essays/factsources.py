"""Source quotes for the fact table's corrections (`purgebot.essays.factdata`): each quote is
verbatim from a document of the shared sources (by its id in sources.yaml), checked by the
tests as a bank's quotes are."""

from __future__ import annotations

from purgebot.banks.model import SourceRef
from purgebot.essays import factdata as fd
from purgebot.essays import facttable as ft
from purgebot.essays.text import Token, words

# Quotes from the source documents (/work/shared/sources, by id) that settle a correction: the
# first entry whose words start a correction cites it.
SOURCES: tuple[tuple[str, SourceRef], ...] = tuple(
    (start, SourceRef(doc, quote))
    for start, doc, quote in (
        ("Kirov was shot in Leningrad", "flashcards",
         "In Leningrad on 1st December 1934, Leonid Nicolaev walked into the communist party "
         "headquarters and shot dead Sergei Kirov"),
        ("Order 00447 was issued", "morris", "Order nr 00447 of July 30 1937 written by Yezhov"),
        ("Order 00447 (30 July 1937) was drawn up", "morris",
         "Order nr 00447 of July 30 1937 written by Yezhov"),
        ("Trotsky was murdered", "swift",
         "Stalin sent a Communist Spaniard to Mexico, where he dispatched Trotsky with an ice axe"),
        ("Trotsky was tried in his absence", "swift",
         "Stalin sent a Communist Spaniard to Mexico, where he dispatched Trotsky with an ice axe"),
        ("Stalin died", "swift",
         "After his death by natural causes, he was denounced by Kruschev."),
        ("The Ryutin platform", "ussr-archive",
         "their view of avoiding confrontation with the peasantry surfaced again in 1932"),
        ("The 17th Party Congress", "swift",
         "1,108 out of 1,966 ordinary delegates at the 1934 Party Congress were arrested"),
        ("A part cannot be larger", "swift",
         "1,108 out of 1,966 ordinary delegates at the 1934 Party Congress were arrested"),
        ("Zinoviev and Kamenev were tried", "swift",
         "The first part of the \u2018trials\u2019 started in August, 1936, with Zinoviev, "
         "Kamenev"),
        ("Yezhov was arrested", "ussr-archive",
         "before being arrested in early 1939 as the scapegoat"),
        ("Yezhov became head", "clayton",
         "September 1936 Yagoda himself was removed on the grounds that he had been too lax"),
        ("Yagoda headed the NKVD", "clayton",
         "September 1936 Yagoda himself was removed on the grounds that he had been too lax"),
        ("Yagoda was tried", "ussr-archive", "1938, Yagoda, former head of the NKVD, was shot."),
        ("Beria took over", "swift", "then Beria replaced Yezhov"),
        ("The NKVD was headed by", "swift", "then Beria replaced Yezhov"),
        ("Kirov led the Leningrad party", "morris",
         "Kirov was the leader of the party in Leningrad"),
        ("Tukhachevsky and seven", "flashcards",
         "Trial held immediately and secretly to prevent a military coup"),
        ("Tukhachevsky was arrested", "flashcards",
         "it was announced in May 1937 that there had been a gigantic conspiracy found within "
         "the Red army"),
        ("About 680,000-750,000 people", "ussr-archive",
         "Nearly three-quarters of a million people were executed"),
        ("About 680,000 death sentences", "flashcards",
         "Under his leadership, over 680,000 prisoners received death sentences (almost 1,000 "
         "per day)."),
        ("About 35,000-40,000 officers", "ussr-archive",
         "3 out 5 marshals, 14 out of 16 army commanders and 37,000 officers were purged."),
        ("Three of the five marshals", "swift",
         "Three out of five Marshals, fourteen out of sixteen army commanders"),
        ("The Gulag held about 1.3 million", "ussr-archive", "the 1.3 million inmates in 1939"),
        ("By the end of 1938 the NKVD had executed 386,798", "flashcards",
         "By the end of 1938, the NKVD had executed 386,798 Soviet citizens to fulfil the order."),
        ("Over 20,000 people were buried at Butovo", "flashcards",
         "with over 20,000 being buried there"),
        ("In Ukraine in 1938 Khrushchev", "morris", "In Ukraine in 1938 Khrustev arrests 106"),
    )
)  # fmt: skip


# The fact table's own entries, each with the quote it was built from.
TABLE_SOURCES: dict[str, SourceRef] = {
    **{e.correction: SourceRef(e.cite.doc, e.cite.quote) for e in ft.TABLE_EVENTS},
    **{p.correction: SourceRef(p.cites[0].doc, p.cites[0].quote) for p in ft.PEOPLE.values()},
    **{c: SourceRef(ref.doc, ref.quote) for _, c, ref in ft.HISTORIAN_FIGURES.values()},
}


def source_for(correction: str) -> SourceRef | None:
    """The source quote that settles a correction, or None (it comes from the record)."""
    if correction in TABLE_SOURCES:
        return TABLE_SOURCES[correction]
    return next((ref for start, ref in SOURCES if correction.startswith(start)), None)


# The course's own material, which states the record: "according to the revision blog, 370,000
# officers were purged" misquotes it, where "Conquest estimated ..." reports a historian.
_COURSE = words("blog flashcards flashcard notes textbook handout worksheet sources")
# An order's own words, stated ("according to the order, 729,500 were to be shot"), are the
# writer's claim of what it said.
_COURSE |= words("00447 decree")
# Only a plain "says / according to": a claim called a myth, an estimate or an allegation is
# still someone else's.
_PLAIN = words("said says say according states stated shows show")
_NOT_PLAIN = words(
    "claimed claims claim estimated estimate estimates alleged allegedly exaggerated "
    "exaggeration myth wrongly mistakenly supposedly propaganda argues argued reckoned "
    "suggest suggests suggested thought believed believe reckons"
)
_NAMELESS = words(
    "nkvd red army order central committee party soviet ussr gulag politburo great terror purge "
    "purges show trial trials winter war revision blog flashcards i"
)


def course_quoted(tokens: tuple[Token, ...], span: list[int]) -> bool:
    """The sentence quotes the course's material with a plain "says / according to", and names
    no one else (a historian's name keeps it reported)."""
    norms = {tokens[i].norm for i in span}
    if not norms & _COURSE or not norms & _PLAIN or norms & _NOT_PLAIN:
        return False
    return not any(
        tokens[i].text[:1].isupper()
        and tokens[i].norm not in fd.KNOWN_PEOPLE
        and tokens[i].norm not in fd.KNOWN_PLACES
        and tokens[i].norm not in _NAMELESS
        for i in span[1:]
    )
