"""Misconceptions and off-topic essays (issue 15): wrong claims are named and corrected, an
essay on another question is told so, and neither earns credit."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from purgebot.banks.loader import BankError, load_bank_dir, load_bank_text
from purgebot.banks.model import EssayPrompt
from purgebot.banks.schema import bank_schema
from purgebot.bot.essays.embeds import feedback_embeds
from purgebot.essays import check_essay, feedback_json, render_text

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

BANK = """
version: 1
bank: drill
title: Drill
sources:
  morris: {title: Morris}
questions:
  - id: head
    type: true_false
    prompt: Yezhov headed the NKVD in 1937.
    answer: true
essays:
  - id: nkvd
    prompt: How much responsibility should Yezhov bear for the purges?
    min_words: 300
    key_points:
      - id: wrote
        point: Yezhov drew up Order 00447.
        phrases: [yezhov drew up, written by yezhov]
      - id: ran
        point: Yezhov ran the NKVD.
        phrases: [yezhov ran the nkvd]
    misconceptions:
      - claim: Beria drew up Order 00447.
        phrases: [beria drew up, written by beria]
        correction: Yezhov wrote it; Beria replaced Yezhov only at the end of 1938.
        source: {doc: morris, quote: Order nr 00447 of July 30 1937 written by Yezhov}
      - claim: The heads of the NKVD are put in the wrong order.
        phrases: [yezhov replaced beria, took over from beria]
        correction: Yagoda, then Yezhov, then Beria.
        source: {doc: morris, quote: Beria is replacing him}
      - claim: Hundreds of thousands of officers were purged.
        phrases: ["300,000 officers"]
        correction: About 35,000 officers were purged.
        source: {doc: morris, quote: 50 % of the officers are shot}
"""
VALIDATOR = jsonschema.Draft202012Validator(bank_schema())


@pytest.fixture(scope="module")
def prompt() -> EssayPrompt:
    return load_bank_text(BANK).essays[0]


def test_misconceptions_load_and_the_schema_accepts_them(prompt: EssayPrompt) -> None:
    VALIDATOR.validate(yaml.safe_load(BANK))
    first = prompt.misconceptions[0]
    assert first.claim == "Beria drew up Order 00447."
    assert first.phrases == ("beria drew up", "written by beria")
    assert first.source is not None and first.source.doc == "morris"


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("        source: {doc: morris, quote: Beria is replacing him}\n", "", "source"),
        ("        correction: Yagoda, then Yezhov, then Beria.\n", "", "correction"),
        (
            "source: {doc: morris, quote: Beria is",
            "source: {doc: nobody, quote: Beria is",
            "nobody",
        ),
        ("      - claim: Beria drew up", "      - clam: Beria drew up", "clam"),
    ],
)
def test_a_broken_misconception_is_refused_by_loader_and_schema(
    old: str, new: str, says: str
) -> None:
    text = BANK.replace(old, new)
    with pytest.raises(BankError, match=says):
        load_bank_text(text)
    if says != "nobody":  # whether a source is declared is the loader's check alone
        assert list(VALIDATOR.iter_errors(yaml.safe_load(text)))


def test_a_misconception_is_listed_corrected_and_cancels_the_point_it_would_show(
    prompt: EssayPrompt,
) -> None:
    text = (
        "Order 00447, which Beria drew up in 1937, set quotas for every region. "
        "Yezhov ran the NKVD in 1937 and 1938 and he was in charge of every arrest. "
        "Around 370,000 officers were removed from the army."
    )
    fb = check_essay(prompt, text)
    assert [m.claim for m in fb.misconceptions] == [
        "Beria drew up Order 00447.",
        "Hundreds of thousands of officers were purged.",
    ]
    data = feedback_json(fb)
    assert data["misconceptions"][0] == {
        "claim": "Beria drew up Order 00447.",
        "sentence": "Order 00447, which Beria drew up in 1937, set quotas for every region.",
        "correction": "Yezhov wrote it; Beria replaced Yezhov only at the end of 1938.",
        "source": {"doc": "morris", "quote": "Order nr 00447 of July 30 1937 written by Yezhov"},
    }
    assert json.loads(json.dumps(data)) == data
    assert "Check these facts: 2" in render_text(fb)
    wrong = check_essay(prompt, "Yezhov drew up Order 00447, which Beria drew up with him.")
    assert [p.id for p in wrong.covered] == []
    assert {m.reason for p in wrong.missed for m in p.refused} == {"misconception"}


@pytest.mark.parametrize(
    "text",
    [
        "Beria replaced Yezhov at the end of 1938, and the mass arrests slowed down after that.",
        "Yezhov was replaced by Beria at the end of 1938, when the mass operations ended.",
        "It was not Beria who drew up Order 00447 in 1937; Yezhov wrote it for Stalin.",
        "Some 35,000 officers were removed from the army in the purge of 1937 and 1938.",
        "Did Beria draw up Order 00447, or was it Yezhov who wrote the order in July 1937?",
        'Yezhov, whom Stalin replaced with Beria, was shot in 1940 for his "excesses".',
    ],
)
def test_a_true_statement_or_a_negated_claim_is_not_flagged(prompt: EssayPrompt, text: str) -> None:
    assert check_essay(prompt, text).misconceptions == ()


def test_every_built_in_prompt_has_misconceptions_with_a_source() -> None:
    prompts = [e for b in load_bank_dir(QUESTIONS) for e in b.essays]
    assert len(prompts) >= 18
    for p in prompts:
        assert len(p.misconceptions) >= 3, p.id
        assert all(m.source and m.source.quote for m in p.misconceptions), p.id


def test_an_essay_on_another_question_is_told_so_without_length_advice() -> None:
    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    confessions = (
        "The accused confessed because the NKVD beat them and kept them awake all night for "
        "weeks of interrogation until they broke. Kamenev was told that his son would be shot "
        "if he did not confess, and many were promised that their lives would be spared. The "
        "confessions were the only evidence at the trials, since no real plots existed."
    )
    fb = check_essay(prompts["causes/why-purges"], confessions)
    assert fb.off_topic
    text = render_text(fb)
    assert "seems to answer a different question" in text
    assert "write at least" not in text
    assert feedback_json(fb)["off_topic"] is True
    (head, _) = feedback_embeds(fb, "causes", 7)
    assert "Off topic" in (head.description or "")
    assert "more" not in (head.description or "").split("**Length:**")[1]
    on_topic = check_essay(prompts["show-trials/why-confess"], confessions)
    assert not on_topic.off_topic
    assert "write at least" in render_text(on_topic)


def test_the_discord_feedback_lists_misconceptions_and_dismissed_points(
    prompt: EssayPrompt,
) -> None:
    text = (
        "Order 00447, which Beria drew up in 1937, set quotas for every region. "
        "Yezhov ran the NKVD, but I'm not sure what he did there."
    )
    head, more = feedback_embeds(check_essay(prompt, text), "drill", 3)
    facts = {f.name: f.value for f in more.fields}["Check these facts"] or ""
    assert "Beria replaced Yezhov only at the end of 1938" in facts
    missed = {f.name: f.value or "" for f in head.fields}
    assert any("You name it but don't explain it" in v for v in missed.values())


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Around 7 million people were executed in the Terror of 1937 and 1938.", True),
        ("Nearly three-quarters of a million people were executed in 1937 and 1938.", False),
        ("The famine of 1932-33 had already killed millions of peasants in Ukraine.", False),
        ("Conquest estimated that 3 million were executed, a figure now thought too high.", False),
        ("The Red Army lost three of its five marshals, including Zhukov, in 1937.", True),
        ("Robespierre was overthrown in 1794. He was guillotined soon after his fall.", False),
        # a figure judged too high is not claimed; the name after "unlike" is no subject
        ("His numbers, millions shot, are now thought far too high by most historians.", False),
        ("Millions shot is what the early accounts said, and the figure was too big.", False),
        # a vague "millions" is not claimed (round 8): Swift, one of the course's sources,
        # writes "execution of millions", Conquest put it at 3 million, and two independent
        # labellers count it sound; only a figure an order of magnitude off is an error
        ("Millions were shot in the Terror, a figure nobody can check.", False),
        ("Stalin ordered the execution of millions.", False),
        ("Stalin, unlike Robespierre, survived and died in his bed.", False),
    ],
)
def test_built_in_misconceptions_flag_the_wrong_figure_not_the_right_one(
    text: str, flagged: bool
) -> None:
    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    for pid in ("results/stronger-weaker", "results/french-terror"):
        if flagged and pid.endswith("french-terror"):
            continue
        assert bool(check_essay(prompts[pid], text).misconceptions) is flagged, pid


def test_a_long_essay_that_touches_no_point_of_the_prompt_is_off_topic() -> None:
    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    sentence = "Collective farms replaced the old villages and the harvests of grain fell sharply. "
    fb = check_essay(prompts["kirov/did-stalin-order"], sentence * 14)
    assert fb.words.words >= 150 and not fb.covered
    assert fb.off_topic
    # A short answer that touches no point is weak, not off-topic, when it is on the question;
    # a short one on another topic of the period is off-topic by its words (essays.topics).
    weak = "Kirov was shot in 1934 and some people think Stalin was behind it, but we do not know."
    assert not check_essay(prompts["kirov/did-stalin-order"], weak).off_topic
    assert check_essay(prompts["kirov/did-stalin-order"], sentence * 3).off_topic


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Stalin, unlike Robespierre, survived and died in his bed.", False),
        ("Robespierre survived the Terror and died in his bed.", True),
    ],
)
def test_a_name_after_unlike_is_not_the_subject_of_the_claim(text: str, flagged: bool) -> None:
    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    found = check_essay(prompts["results/french-terror"], text).misconceptions
    assert bool(found) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a "but" between a claim's words opens another claim (round 8)
        (
            "Yagoda had run the NKVD since before the murder of Kirov, but in September 1936 "
            "he was removed.",
            False,
        ),
        ("The murder of Kirov in 1936 gave Stalin his excuse.", True),
    ],
)
def test_a_claims_words_do_not_reach_past_a_but(text: str, flagged: bool) -> None:
    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    found = check_essay(prompts["causes/why-purges"], text).misconceptions
    assert any("1934" in m.claim for m in found) is flagged
