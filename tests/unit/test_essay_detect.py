"""Key-point detection: what a student's words must do for a point to be credited, and why not."""

from __future__ import annotations

import pytest

from purgebot.banks.model import EssayPrompt, KeyPoint
from purgebot.essays import PointResult, analyse, detect

POINTS = (
    KeyPoint("authorised", "Stalin authorised the mass operations.", ("Stalin authorised",)),
    KeyPoint("order", "Order 00447 set quotas for arrests.", ("Order 00447", "Stalin signed")),
    KeyPoint("scapegoat", "Yezhov was made a scapegoat.", ("scapegoat",)),
    KeyPoint("nkvd", "Yezhov ran the NKVD.", ("head of the NKVD",)),
    KeyPoint("paranoia", "Stalin's paranoia drove the Terror.", ("paranoia", "paranoid")),
    KeyPoint("kirov", "Kirov's murder was used as a pretext.", ("murder of Kirov", "pretext")),
    KeyPoint("troikas", "Troikas sentenced people with no trial.", ("no trial",)),
    KeyPoint("quotas", "Officials asked for more quotas.", ("more quotas",)),
)
PROMPT = EssayPrompt(id="p", prompt="Who was responsible?", key_points=POINTS)


def results(text: str) -> dict[str, PointResult]:
    return {r.point.id: r for r in detect(PROMPT, analyse(text))}


def covered(text: str) -> set[str]:
    return {pid for pid, r in results(text).items() if r.covered}


def refused(text: str, point: str) -> list[str | None]:
    return [m.reason for m in results(text)[point].refused]


@pytest.mark.parametrize(
    "text",
    [
        "In 1937 Stalin authorised the mass arrests in every region.",
        "In 1937 Stalin authorized the mass arrests in every region.",
        "Historians agree that Stalin was authorising the mass arrests himself.",
        "The mass arrests went ahead because Stalin's authorisation arrived from Moscow.",
    ],
)
def test_inflections_and_spellings_of_a_phrase_are_found(text: str) -> None:
    assert "authorised" in covered(text)


def test_snowball_quirks_between_inflections_do_not_hide_a_phrase() -> None:
    # snowball stems "scapegoat" and "scapegoated" differently; both must count.
    assert "scapegoat" in covered(
        "In 1939 Stalin scapegoated Yezhov for the excesses of the Terror."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The mass arrests were authorised by Stalin in the summer of 1937.",
        "Stalin personally and secretly authorised the mass arrests of 1937.",
        "Order 00447 and everything in it were signed by Stalin in July 1937.",
    ],
)
def test_phrase_words_count_in_any_order_when_close_together(text: str) -> None:
    assert covered(text) & {"authorised", "order"}


def test_stop_words_of_a_phrase_are_not_needed() -> None:
    assert "nkvd" in covered("From 1936 to 1938 Yezhov was the NKVD's head and ran the arrests.")


def test_phrase_words_far_apart_or_in_different_sentences_do_not_match() -> None:
    far = "Stalin, who by then trusted nobody at all in the Politburo, finally authorised arrests."
    apart = "Stalin ruled the country for decades. Molotov authorised arrests in many regions."
    assert "authorised" not in covered(far)
    assert "authorised" not in covered(apart)


def test_a_match_says_which_words_showed_the_point_and_where() -> None:
    text = "After the Terror Stalin blamed everything on Yezhov.\nThe mass arrests were authorised by Stalin in 1937."
    (match,) = results(text)["authorised"].credited
    assert match.words == ("authorised", "Stalin")
    assert text[match.start : match.end] == "authorised by Stalin"
    assert match.text == "authorised by Stalin"
    assert match.sentence == "The mass arrests were authorised by Stalin in 1937."
    assert match.phrase == "Stalin authorised"


def test_any_synonym_the_bank_lists_credits_the_point() -> None:
    result = results("The purges of 1937 went ahead only after Stalin signed the lists himself.")
    assert result["order"].covered
    assert [m.phrase for m in result["order"].credited] == ["Stalin signed"]


@pytest.mark.parametrize(
    "text",
    [
        "I don't know much about Order 00447, so I will leave it out of this essay.",
        "The Terror spread quickly, but it was not because of Stalin's paranoia at all.",
        "There is no evidence that Stalin used the murder of Kirov as a pretext for the arrests.",
        "Order 00447 was not written by Stalin, and historians still argue about its author.",
        "Stalin never authorised the mass arrests in writing, according to some historians.",
        "It is not true that Yezhov was made a scapegoat for what happened in those years.",
        "i dont think Stalin authorised the mass arrests of 1937 in person.",
    ],
)
def test_a_negated_phrase_is_not_credited_and_says_so(text: str) -> None:
    found = covered(text)
    assert not found & {"order", "paranoia", "kirov", "authorised", "scapegoat"}
    reasons = [m.reason for r in results(text).values() for m in r.refused]
    assert "negated" in reasons or "dismissed" in reasons


@pytest.mark.parametrize(
    "text",
    [
        "Yezhov was not innocent; Stalin authorised the mass arrests in 1937 himself.",
        "Yezhov did not act alone, but Stalin authorised the mass arrests in 1937 himself.",
        "Stalin was not only cruel but also deeply paranoid about his colleagues in 1937.",
        "There is no doubt that Stalin authorised the mass arrests of the summer of 1937.",
        "NKVD Order No. 00447 set out quotas of arrests and executions for every region.",
        "The arrests were approved, if not planned, by Stalin, whose paranoia grew each year.",
    ],
)
def test_negations_elsewhere_or_that_do_not_negate_leave_the_point_credited(text: str) -> None:
    assert covered(text) & {"authorised", "paranoia", "order"}


def test_a_negation_inside_the_phrase_is_wanted() -> None:
    assert "troikas" in covered("In the regions the troikas shot thousands with no trial at all.")


def test_quantity_words_of_a_phrase_count() -> None:
    assert "quotas" not in covered("The quotas for every region were set by the Politburo.")
    assert "quotas" in covered("Regional NKVD chiefs kept asking Moscow for more quotas in 1937.")


def test_a_question_only_names_the_point() -> None:
    assert "order" not in covered("But did Stalin sign Order 00447 himself in the summer of 1937?")
    assert refused("What about Order 00447?", "order") == ["question"]


@pytest.mark.parametrize(
    "text",
    [
        "Many things explain the purges, such as paranoia, ambition and fear of war.",
        "Historians point to several causes, including paranoia, in their books.",
        "The causes were ambition, Stalin's paranoia, economic failure and fear of war.",
        "There were three causes: ambition, paranoia and fear.",
    ],
)
def test_a_bare_item_of_a_list_is_named_in_passing(text: str) -> None:
    assert "paranoia" not in covered(text)
    assert refused(text, "paranoia") == ["list item"]


def test_a_list_item_up_to_its_verb_is_still_an_item() -> None:
    text = "Stalin, Molotov, Yezhov and Stalin's paranoia were all part of the story of the Terror."
    assert refused(text, "paranoia") == ["list item"]


@pytest.mark.parametrize(
    "text",
    [
        "For example, Stalin's paranoia made him suspect even his oldest friends of treason.",
        "Stalin's paranoia, which grew after 1934, made him suspect even his oldest friends.",
        "In 1937, after years of mounting suspicion, Stalin's paranoia reached its height.",
    ],
)
def test_a_sentence_that_says_something_about_it_is_credited(text: str) -> None:
    assert "paranoia" in covered(text)


def test_too_short_a_sentence_or_a_heading_is_named_in_passing() -> None:
    assert refused("Order 00447.", "order") == ["too short"]
    text = "Stalin's paranoia\nStalin trusted nobody and feared his colleagues more each year."
    assert refused(text, "paranoia") == ["heading"]


def test_each_place_is_reported_once_and_every_place_counts() -> None:
    text = (
        "Was it paranoia? Stalin's paranoia grew every year after 1934 and shaped the Terror.\n"
        "His paranoia was noticed by everyone who worked with him in the Kremlin."
    )
    result = results(text)["paranoia"]
    assert [m.sentence[:20] for m in result.credited] == [
        "Stalin's paranoia gr",
        "His paranoia was not",
    ]
    assert [m.reason for m in result.refused] == ["question"]


def test_an_off_topic_essay_makes_no_point() -> None:
    text = (
        "The French Revolution began in 1789. Robespierre led the Committee of Public Safety, "
        "and in 1794 he was executed after the coup of Thermidor."
    )
    assert covered(text) == set()


WHOLE = EssayPrompt(
    id="w",
    prompt="Why did the purges spread?",
    key_points=(
        KeyPoint("only", "Confessions were the only evidence.", ("only evidence",)),
        KeyPoint("below", "Pressure came from below.", ("from below",)),
        KeyPoint("top", "The purge was top-down.", ("top-down",)),
        KeyPoint("cover", "The NKVD covered up the murder.", ("cover-up",)),
        KeyPoint("fear", "Officials denounced out of fear.", ("out of fear",)),
    ),
)


def whole(text: str) -> dict[str, PointResult]:
    return {r.point.id: r for r in detect(WHOLE, analyse(text))}


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("The evidence was thin against most of the accused in 1937.", "only"),
        (
            "The only people spared were those who confessed to everything, and the evidence was thin.",
            "only",
        ),
        ("The real motives of the Terror lay below the surface of Soviet politics.", "below"),
        (
            "Orders from Moscow went down to the regions, where officials filled them below quota.",
            "below",
        ),
        ("At the top of the party Stalin decided who would be arrested in 1937.", "top"),
        ("The NKVD used a cover story to hide its methods from the public.", "cover"),
        ("Ordinary people lived in fear of the knock on the door at night.", "fear"),
        ("Stalin walked out of the meeting; fear spread through the Politburo.", "fear"),
    ],
)
def test_a_phrase_of_one_content_word_needs_its_other_words_too(text: str, point: str) -> None:
    result = whole(text)[point]
    assert not result.covered
    assert result.refused == ()


@pytest.mark.parametrize(
    ("text", "point", "shown"),
    [
        (
            "In the show trials the confessions were the only evidence the court heard.",
            "only",
            "only evidence",
        ),
        (
            'Confessions were the "only" evidence the prosecutors ever needed.',
            "only",
            'only" evidence',
        ),
        (
            "Much of the pressure for arrests came from below, from ordinary people.",
            "below",
            "from below",
        ),
        ("Conquest described a top down purge directed by Stalin himself.", "top", "top down"),
        ("Conquest described a top-down purge directed by Stalin himself.", "top", "top-down"),
        ("The NKVD covered up its own part in the murder of Kirov in 1934.", "cover", "covered up"),
        (
            "Many officials denounced their colleagues out of fear for their own lives.",
            "fear",
            "out of fear",
        ),
    ],
)
def test_a_phrase_of_one_content_word_is_found_word_for_word(
    text: str, point: str, shown: str
) -> None:
    (match,) = whole(text)[point].credited
    assert match.text == shown


def test_words_of_a_whole_phrase_split_by_punctuation_or_reordered_do_not_match() -> None:
    assert not whole("The evidence, the only thing the court had, was the confessions.")[
        "only"
    ].covered
    assert not whole("The orders came from the top. Down in the regions officials obeyed.")[
        "top"
    ].covered
    assert not whole("The NKVD, from its headquarters, below the Lubyanka, shot prisoners.")[
        "below"
    ].covered


def test_a_whole_phrase_keeps_the_negation_and_passing_mention_rules() -> None:
    assert [
        m.reason
        for m in whole("Confessions were not the only evidence at the trial of 1938.")[
            "only"
        ].refused
    ] == ["negated"]
    assert [m.reason for m in whole("Was the pressure really from below?")["below"].refused] == [
        "question"
    ]
    listed = (
        "Historians give several reasons for the arrests, such as ambition, greed, or out of fear."
    )
    assert [m.reason for m in whole(listed)["fear"].refused] == ["list item"]
