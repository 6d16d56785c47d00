"""Stance, line breaks, invisible characters and plain words (issue 15): what a student writes
is credited for what it says, not for the terms it drops."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt, KeyPoint
from purgebot.essays import analyse, check_essay, count_words, detect, render_text

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

PROMPT = EssayPrompt(
    id="stalin",
    prompt="How far was Stalin personally responsible for the purges?",
    key_points=(
        KeyPoint("order", "Stalin authorised Order 00447.", ("stalin signed order 00447",)),
        KeyPoint("paranoia", "Stalin was paranoid.", ("paranoia", "did not trust anyone")),
        KeyPoint("pretext", "He used Kirov's murder as a pretext.", ("pretext",)),
        KeyPoint("critics", "Kirov criticised Stalin's policies.", ("kirov criticised stalin",)),
    ),
)


def covered(text: str, prompt: EssayPrompt = PROMPT) -> set[str]:
    return {r.point.id for r in detect(prompt, analyse(text)) if r.covered}


@pytest.fixture(scope="module")
def prompts() -> dict[str, EssayPrompt]:
    return {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}


@pytest.mark.parametrize(
    "text",
    [
        "My textbook says Stalin signed Order 00447, but I'm not sure what that order was for.",
        "Stalin signed Order 00447, though I can't remember what it said about the regions.",
        "Historians talk about his paranoia as well, but I don't really think that explains it.",
        "Some say the murder was a pretext, but I doubt that it mattered very much at all.",
        "Stalin signed Order 00447 in the summer of 1937. I don't know what it was for.",
        "Historians mention a pretext for the arrests in 1934, but that didn't really matter.",
        "Some books say the murder was a pretext for the arrests. That is not true at all.",
        "Some historians call Stalin's behaviour paranoia, but I disagree with them about it.",
        "Some books say the murder was a pretext for the arrests. I don't agree.",
        "I have heard of Order 00447 and Stalin signed Order 00447, but don't know what it did.",
        "The murder was a pretext for something, whatever that means, in the books on Kirov.",
        "Some say the murder was a pretext for the arrests, but that is exaggerated, I think.",
        "The murder is called a pretext for the arrests, but this is not convincing to me.",
    ],
)
def test_a_term_named_then_dismissed_earns_nothing_and_the_feedback_says_so(text: str) -> None:
    assert covered(text) == set()
    fb = check_essay(PROMPT, text)
    (point,) = [p for p in fb.missed if p.dismissed]
    assert point.dismissed[0].reason == "dismissed"
    assert "but don't explain it" in render_text(fb)


def test_a_dismissal_reaches_only_the_clause_it_answers() -> None:
    text = (
        "I'm not sure whether Stalin ordered the murder, but he certainly used it as a pretext "
        "for the arrests that followed."
    )
    assert covered(text) == {"pretext"}


def test_a_hedged_negation_after_the_phrase_still_negates_it() -> None:
    assert covered("The pretext was probably not important for the arrests of 1937.") == set()


def test_negation_runs_to_the_clause_end_through_a_quote_mark() -> None:
    assert covered('Stalin did not sign "Order 00447" himself, whatever people think.') == set()


@pytest.mark.parametrize(
    "text",
    [
        "Local officials arrested people they didn't like; Kirov criticised Stalin's policies.",
        "Officials arrested anyone they didn't like and Kirov criticised Stalin's policies openly.",
        "Those Stalin did not like were shot, while Kirov criticised Stalin's policies openly.",
    ],
)
def test_they_did_not_like_does_not_negate_a_later_clause(text: str) -> None:
    assert covered(text) == {"critics"}


def test_a_hard_wrapped_essay_scores_as_the_same_text_on_one_line(
    prompts: dict[str, EssayPrompt],
) -> None:
    prompt = prompts["causes/why-purges"]
    flat = (
        "Stalin did not trust anyone, not even his oldest comrades or his own relatives, and he "
        "saw plots everywhere. With Hitler ruling Germany, Stalin feared that in a war with Germany "
        "his enemies at home would side with the invaders, so he wanted them gone. When the "
        'factories missed their targets, managers were "Wreckers", Stalin said, and were shot as '
        "wreckers to give him someone to blame."
    )
    # Hard-wrapped as a PDF or an e-mail would, line breaks before capitals mid-sentence.
    wrapped = flat.replace(" With Hitler ruling", "\nWith Hitler ruling")
    for before in (" Stalin feared", " Germany his", ' "Wreckers"', " Stalin said"):
        wrapped = wrapped.replace(before, "\n" + before[1:])
    assert wrapped.count("\n") == 5
    one, other = check_essay(prompt, flat), check_essay(prompt, wrapped)
    assert [p.id for p in one.covered] == [p.id for p in other.covered]
    assert len(one.covered) >= 3
    assert [[m.sentence for m in p.matches] for p in one.covered] == [
        [m.sentence for m in p.matches] for p in other.covered
    ]


def test_a_blank_line_ends_a_paragraph_and_a_heading_stands_alone() -> None:
    essay = analyse("Introduction\nStalin was paranoid and trusted no one.\n\nHe signed lists")
    texts = [essay.text[s.start : s.end] for s in essay.sentences]
    assert texts == ["Introduction", "Stalin was paranoid and trusted no one.", "He signed lists"]
    assert essay.sentences[0].heading


def test_invisible_characters_neither_split_nor_count_as_words() -> None:
    text = "Sta\u200blin was para\u00adnoid\u200b \u200b and \ufefftrusted\u2060 no one at all."
    assert count_words(text) == count_words("Stalin was paranoid and trusted no one at all.") == 9
    assert covered(text) == {"paranoia"}
    assert check_essay(PROMPT, text).words.words == 9


def test_he_stands_for_the_prompts_subject_and_word_families_count(
    prompts: dict[str, EssayPrompt],
) -> None:
    prompt = prompts["yezhovshchina/yezhov-responsibility"]
    text = (
        "In July 1937 he drafted the order that told each region how many people to arrest. "
        "Regional bosses asked to be allowed more arrests than their number allowed them."
    )
    made = {p.id for p in check_essay(prompt, text).covered}
    assert {"wrote-00447", "local-officials"} <= made
    critics = analyse("Kirov's criticism of Stalin was open and well known in the party.")
    assert {r.point.id for r in detect(PROMPT, critics) if r.covered} == {"critics"}


def test_him_is_not_the_subject_of_its_own_clause(prompts: dict[str, EssayPrompt]) -> None:
    prompt = prompts["responsibility/stalin-responsibility"]
    text = (
        "Yezhov ran the NKVD and the arrests at their worst in 1937 and 1938. "
        "Afterwards Stalin blamed him for the excesses and had him shot as a scapegoat."
    )
    assert "others" in {p.id for p in check_essay(prompt, text).covered}
    assert not check_essay(prompt, text).misconceptions
