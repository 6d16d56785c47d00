"""Off-topic by the essay's words (issue 15): an essay on another question that touches a few of
the set prompt's points on the way, or on another topic of the period, is told so; an essay on
the set question is not, however few points it makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt
from purgebot.essays import check_essay

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

KIROV = (
    "Did Stalin order the murder of Kirov? The sources suggest he probably did, but cannot "
    "prove it. Kirov was the popular party leader in Leningrad and at the 17th Congress he won "
    "more votes than Stalin. His death removed a possible rival. The flashcards say the murder "
    'was probably "approved, if not planned, by Stalin himself". His bodyguards were removed on the day of the murder, and one was '
    "later killed in a suspicious road accident, which looks like a cover-up. Nikolaev may have "
    "acted alone out of a grudge. Whatever his role, Stalin used the murder as a pretext to "
    "purge the party. The sources support the view that Stalin was involved, but only as a "
    "probability."
)
FAMINE = (
    "Collectivisation forced the peasants into collective farms. The kulaks were deported and "
    "the peasants slaughtered their livestock rather than hand it over. Grain requisitioning "
    "went on while the harvest failed, and the famine of 1932-33 killed millions in Ukraine. "
    "Stalin blamed the kulaks and wreckers for the starvation in the villages, and grain was "
    "still exported. Collectivisation was a disaster for the countryside."
)
ON_TOPIC = (
    "Stalin was largely responsible for the purges. He signed Order 00447 and the lists of "
    "people to be shot, and he used Kirov's murder as a pretext to destroy his rivals. Yezhov "
    "and the NKVD carried out the arrests, and local officials asked for higher quotas, but "
    "Stalin set the course and could have stopped it at any time."
)


@pytest.fixture(scope="module")
def prompts() -> dict[str, EssayPrompt]:
    return {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}


def test_an_essay_on_another_question_that_touches_a_point_is_off_topic(
    prompts: dict[str, EssayPrompt],
) -> None:
    fb = check_essay(prompts["responsibility/stalin-responsibility"], KIROV)
    assert len(fb.covered) >= 2  # it does make some points on the way...
    assert fb.off_topic  # ...but it answers whether Stalin ordered the murder
    assert not check_essay(prompts["kirov/did-stalin-order"], KIROV).off_topic


def test_an_essay_on_another_topic_of_the_period_is_off_topic(
    prompts: dict[str, EssayPrompt],
) -> None:
    assert check_essay(prompts["causes/why-purges"], FAMINE).off_topic


def test_an_essay_on_the_set_question_is_not_off_topic(prompts: dict[str, EssayPrompt]) -> None:
    assert not check_essay(prompts["responsibility/stalin-responsibility"], ON_TOPIC).off_topic
    weak = "Yezhov ran the NKVD in 1937 and 1938, so he is to blame for a lot of the arrests."
    assert not check_essay(prompts["yezhovshchina/yezhov-responsibility"], weak).off_topic


def test_no_sample_essay_on_its_question_is_called_off_topic() -> None:
    # Weak and passing-mention samples of 100+ words touch no point but use the question's
    # words: they are weak answers, not answers to another question.
    from purgebot.banks.loader import load_bank_file
    from purgebot.essays.feedback import check_bank_essay

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "essays"
    bank = load_bank_file(fixtures / "bank.yaml")
    flagged: dict[str, bool] = {}
    for folder in sorted((fixtures / "samples").iterdir()):
        for essay in sorted(folder.glob("*.txt")):
            fb = check_bank_essay(bank, folder.name, essay.read_text(encoding="utf-8"))
            flagged[f"{folder.name}/{essay.stem}"] = fb.off_topic
    false_flags = [k for k, v in flagged.items() if v and "offtopic" not in k]
    assert false_flags == []
    assert sum(v for k, v in flagged.items() if "offtopic" in k) >= 4
    assert flagged["stalin-responsibility/passing-1"] is False


@pytest.mark.parametrize("name", ["dev/025", "dev/026", "dev/027", "test/061", "test/062"])
def test_a_teachers_thin_wording_of_a_built_in_question_keeps_its_essays_on_topic(
    name: str,
) -> None:
    # A bank's own prompt with few phrases stands far from an essay's words, the built-in
    # prompt on the same question close: that one is the same question, not another.
    import yaml

    from purgebot.banks.model import KeyPoint

    prompt = EssayPrompt(
        id="army",
        prompt="Why did Stalin purge the Red Army?",
        key_points=(
            KeyPoint("threat", "The army could overthrow him.", ("army could overthrow",)),
            KeyPoint("plot", "He believed in a military plot.", ("military plot",)),
        ),
    )
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "essays" / "eval"
    text = yaml.safe_load((fixture / f"{name}.yaml").read_text(encoding="utf-8"))["text"]
    assert not check_essay(prompt, text).off_topic
