"""Dismissal from general cues (issue 15): a term named vaguely, set aside after someone else's
claim, hedged, or never understood earns nothing; the writer's own view after "but I think"
still counts; a he/him keeps the role the prompt's person has in a phrase."""

from __future__ import annotations

import pytest

from purgebot.banks.model import EssayPrompt, KeyPoint
from purgebot.essays import analyse, detect

PROMPT = EssayPrompt(
    id="stalin",
    prompt="How far was Stalin personally responsible for the purges?",
    key_points=(
        KeyPoint("order", "Stalin authorised Order 00447.", ("stalin signed order 00447",)),
        KeyPoint("paranoia", "Stalin was paranoid.", ("paranoia", "paranoid")),
        KeyPoint("pretext", "He used Kirov's murder as a pretext.", ("pretext",)),
        KeyPoint("below", "There was pressure from below.", ("pressure from rank and file",)),
        KeyPoint("removal", "Critics wanted Stalin removed.", ("wanted stalin removed",)),
        KeyPoint("ruthless", "Stalin was ruthless.", ("stalin ruthless",)),
    ),
)


def covered(text: str) -> set[str]:
    return {r.point.id for r in detect(PROMPT, analyse(text)) if r.covered}


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("There was also pressure from rank and file communists, apparently, but I'm not sure "
         "what that means.", "below"),
        ("Apparently there was pressure from rank and file members.", "below"),
        ("There was also something called a pretext for the arrests.", "pretext"),
        ("The murder was some kind of pretext.", "pretext"),
        ("Kirov's murder was used as a pretext or something.", "pretext"),
        ("Stalin signed Order 00447, but I never understood what it was for.", "order"),
        ("Some people say Stalin was paranoid, but I think he was just cruel.", "paranoia"),
        ("Historians claim the murder was a pretext, but I believe it was an accident.",
         "pretext"),
        ("Stalin's paranoia is overrated as a cause.", "paranoia"),
        ("Stalin signed Order 00447, though what it actually did is beyond me.", "order"),
        ("People talk about Stalin's paranoia but I never really got that.", "paranoia"),
        ("Stalin was paranoid, or so my textbook says, but I'm not convinced.", "paranoia"),
        ("Kirov's murder was supposedly a pretext.", "pretext"),
        ("Paranoia is often blamed, but I'm sceptical.", "paranoia"),
        ("Stalin signed Order 00447 - not that I know what it was.", "order"),
        ("Kirov's murder was a pretext, or at least that's what people say.", "pretext"),
        ("The murder was used as a pretext, I think, though I'm honestly not sure.", "pretext"),
        ("Stalin signed Order 00447. I'm not sure why.", "order"),
        ("Stalin signed Order 00447. What that actually was, I can't say.", "order"),
        ("Stalin signed Order 00447, but I can't really explain it.", "order"),
        ("Stalin signed Order 00447, but I couldn't work out what it was.", "order"),
        ("The textbook talks about paranoia but it didn't make much sense to me.", "paranoia"),
        ("Stalin's paranoia is one explanation, but I find it hard to believe.", "paranoia"),
    ],
)  # fmt: skip
def test_a_term_named_with_a_dismissal_cue_earns_nothing(text: str, point: str) -> None:
    assert point not in covered(text)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Some people say Stalin was innocent, but I think Stalin was ruthless.", "ruthless"),
        ("I think Stalin was paranoid, but the NKVD also acted on its own.", "paranoia"),
        ("Stalin signed Order 00447 in July 1937.", "order"),
        ("Kirov's murder gave Stalin a pretext for the terror.", "pretext"),
        ("As historians say, Stalin was paranoid.", "paranoia"),
        ("I think Stalin was paranoid, and I am sure he signed Order 00447.", "order"),
        ("The officials were confused, but Stalin signed Order 00447 anyway.", "order"),
        ("I can't say Stalin was innocent: he signed Order 00447 himself.", "order"),
        ("It is hard to believe anyone trusted him, as Stalin signed Order 00447.", "order"),
    ],
)
def test_the_writers_own_point_still_counts(text: str, point: str) -> None:
    assert point in covered(text)


def test_a_pronoun_keeps_the_persons_role_in_the_phrase() -> None:
    # "he wanted to remove them" is Stalin removing others, not others wanting Stalin removed.
    assert "removal" not in covered(
        "Stalin feared his rivals. He wanted them removed before the war started."
    )
    assert "removal" in covered("The Ryutin group wanted Stalin removed from power.")
    assert "order" in covered("Stalin was not idle. In 1937 he signed Order 00447 himself.")


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # the writer doubts, in the next sentence, an idea a previous sentence only reports
        (
            "Many textbooks claim that Stalin was paranoid. I'm not sure I buy it, since he "
            "planned everything carefully.",
            "paranoia",
        ),
        (
            "Writers often talk about a pretext for the arrests. I read this in class but I "
            "never understood what the pretext actually was.",
            "pretext",
        ),
        (
            "A pretext for the arrests is mentioned in most books. Maybe they were looking for "
            "excuses, but I don't see why that would matter.",
            "pretext",
        ),
        (
            "There is also the theory that the murder was a pretext. Some say it let him arrest "
            "anyone, but I'm not convinced, because he could do that anyway.",
            "pretext",
        ),
        # "Maybe, but ..." grants a reported claim only to set it aside
        (
            "Khrushchev said it was all down to Stalin's paranoia. Maybe, but Khrushchev had his "
            "own reasons to blame him.",
            "paranoia",
        ),
        (
            "Some historians argue the murder was a pretext. Perhaps, but the arrests had started "
            "long before.",
            "pretext",
        ),
        # a verdict on a reported idea in a sentence of its own
        (
            "Some writers argue the murder was only a pretext. That sounds like an excuse to me.",
            "pretext",
        ),
        (
            "There is also the paranoia argument, that he was simply paranoid. This seems a bit "
            "simplistic.",
            "paranoia",
        ),
        # a clause from "whether" asks rather than claims
        (
            "Books debate whether the murder was a pretext or whether Stalin was caught off guard.",
            "pretext",
        ),
        # "There is the X about ..., but I can't remember ...": the whole sentence
        (
            "There is the story about a pretext, that the murder was used to justify arrests, "
            "but I can't remember the details.",
            "pretext",
        ),
    ],
)
def test_a_reported_idea_doubted_in_the_next_sentence_earns_nothing(text: str, point: str) -> None:
    assert point not in covered(text)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # the writer's own claim is not a report, whatever verb it uses
        (
            "Stalin was paranoid and suspected everyone. I don't know why he trusted Yezhov.",
            "paranoia",
        ),
        (
            "Local leaders suggested that Stalin was paranoid. It is sometimes said they were "
            "afraid, but I don't think so.",
            "paranoia",
        ),
        # the writer's own claim before a "whether" still counts
        (
            "Stalin was paranoid, and the question is whether anyone could have stopped him.",
            "paranoia",
        ),
        # a verdict on something else, or a verdict denied, does not reach back
        ("Some historians argue he was paranoid. That is not a weak argument at all.", "paranoia"),
        # a doubt in the next sentence that is not the writer's does not reach back
        (
            "Some historians argue the murder was a pretext. Maybe the killer acted alone, and "
            "Stalin used the murder anyway.",
            "pretext",
        ),
    ],
)
def test_a_doubt_reaches_back_only_to_a_reported_idea(text: str, point: str) -> None:
    assert point in covered(text)


@pytest.mark.parametrize(
    ("text", "point", "credited"),
    [
        # a claim called rubbish in a "which" clause after it
        ("Some books say Stalin was paranoid, which is rubbish, because he was just cruel.",
         "paranoia", False),
        ("Stalin was paranoid, which is why he trusted nobody.", "paranoia", True),
        # "I think" hedging a name does not stop the cue reaching the clause before it
        ("Stalin signed Order 00447, 00447 I think, but I'm not sure what it was for.",
         "order", False),
        ("Stalin signed Order 00447, which set quotas for every region.", "order", True),
    ],
)  # fmt: skip
def test_rubbish_in_a_which_clause_and_a_hedge_on_a_name(
    text: str, point: str, credited: bool
) -> None:
    assert (point in covered(text)) is credited, text
