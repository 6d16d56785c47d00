"""The learned stance judgement (issue 15, round 7): a mention the rules credit is taken away
when the writer distances themselves from it in words no rule lists; a sound, explained point
keeps its credit, and the model never adds any. Every wording here was written for this test,
after the model was trained, from no eval set and no training example."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt
from purgebot.essays import analyse, check_essay, detect, render_text
from purgebot.essays.detect import build_index, find, subject_of
from purgebot.essays.stancemodel import (
    RULES_ONLY,
    STANCE_WORDS,
    WEIGHTS_FILE,
    StanceModel,
    shipped_model,
)

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = ROOT / "src" / "purgebot" / "essays" / WEIGHTS_FILE


@cache
def prompts() -> dict[str, EssayPrompt]:
    return {f"{b.id}/{e.id}": e for b in load_bank_dir(ROOT / "questions") for e in b.essays}


def covered(text: str, *, rules_only: bool = False) -> set[str]:
    stance = RULES_ONLY if rules_only else None
    fb = check_essay(prompts()["causes/why-purges"], text, stance=stance)
    return {p.id for p in fb.covered}


# Dismissals the rules alone credit: the writer's verdict or not-knowing in the next sentence.
MODEL_DISMISSES = [
    (
        "Stalin's paranoia gets blamed for everything. I think that is a lazy answer that hides "
        "the politics.",
        "paranoia",
    ),
    (
        "Then there is the threat of war with Germany. I slept through that lesson so I cannot "
        "add much on it.",
        "foreign-threat",
    ),
    (
        "There was pressure from below as well. Our teacher made a big deal of it but it does "
        "not explain much to me.",
        "from-below",
    ),
]


@pytest.mark.parametrize(("text", "point"), MODEL_DISMISSES)
def test_the_model_takes_away_a_mention_the_writer_distances_themselves_from(
    text: str, point: str
) -> None:
    assert point in covered(text, rules_only=True)  # the rules alone miss it
    assert point not in covered(text)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # together with the rules: a claim passed on, then not knowing what it was
        (
            "The purges found scapegoats for the economic failures, supposedly. I could not find "
            "anything on that in my notes.",
            "scapegoats",
        ),
        (
            "Opposition inside the party was growing, the worksheet says. I am lost as to who "
            "this opposition even was.",
            "opposition",
        ),
    ],
)
def test_other_dismissals_stay_dismissed(text: str, point: str) -> None:
    assert point not in covered(text)


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Stalin was paranoid and trusted nobody, so he had even his oldest comrades shot.",
         "paranoia"),
        ("Stalin was paranoid. That is why I think his personality was the main cause, because "
         "he trusted nobody.", "paranoia"),
        ("The purges gave Stalin scapegoats for the economic failures, which was unfair on the "
         "engineers but useful to him.", "scapegoats"),
        ("The threat of war with Germany mattered. Stalin could not risk a fifth column once the "
         "fighting started.", "foreign-threat"),
        ("There was pressure from below, and I know this because ordinary members denounced "
         "their bosses to take their jobs.", "from-below"),
        ("Opposition inside the party was growing. Nobody can say for certain how large it was, "
         "but the Ryutin platform shows it was real.", "opposition"),
        ("Some historians blame Stalin's paranoia, and I agree with them: he suspected even his "
         "family.", "paranoia"),
        ("The official reason was that the party was full of enemies. It was a lie, but it let "
         "the regime arrest whoever it wanted.", "official"),
    ],
)  # fmt: skip
def test_a_sound_explained_point_keeps_its_credit(text: str, point: str) -> None:
    assert point in covered(text)


def test_the_feedback_tells_the_student_kindly() -> None:
    text, point = MODEL_DISMISSES[0]
    fb = check_essay(prompts()["causes/why-purges"], text)
    missed = {p.id: p for p in fb.missed}
    assert missed[point].dismissed  # refused as dismissed, not just missed
    assert 'You name "paranoia" but don\'t explain it.' in render_text(fb)


SAMPLES = ROOT / "tests" / "fixtures" / "essays" / "samples"
SAMPLE_PROMPTS = {
    "local-officials": "responsibility/local-officials",
    "purges-causes": "causes/why-purges",
    "red-army": "red-army/why-purge-army",
    "stalin-responsibility": "responsibility/stalin-responsibility",
    "yezhov-responsibility": "yezhovshchina/yezhov-responsibility",
}


@pytest.mark.parametrize("folder", sorted(SAMPLE_PROMPTS))
def test_the_model_only_ever_takes_credit_away(folder: str) -> None:
    prompt = prompts()[SAMPLE_PROMPTS[folder]]
    for sample in sorted((SAMPLES / folder).glob("*.txt")):
        essay = analyse(sample.read_text(encoding="utf-8"))
        with_model = {r.point.id for r in detect(prompt, essay) if r.covered}
        rules = {r.point.id for r in detect(prompt, essay, stance=RULES_ONLY) if r.covered}
        assert with_model <= rules, sample.name


def test_the_shipped_weights_load_and_score_deterministically() -> None:
    model = shipped_model()
    again = StanceModel.from_json(json.loads(WEIGHTS.read_text(encoding="utf-8")))
    assert 0.0 < model.threshold < 1.0
    assert model.weights == again.weights
    text, _ = MODEL_DISMISSES[1]
    prompt = prompts()["causes/why-purges"]
    essay = analyse(text)
    found = find(essay, build_index(essay, subject_of(prompt)), ("threat of war",))
    window = found[0][2]
    first = model.mention_score(essay, window)
    assert first == again.mention_score(essay, window) == model.mention_score(essay, window)
    assert first >= model.threshold


def test_no_topic_word_is_in_the_vocabulary() -> None:
    """The model learns stance, not which topics students dismiss: no word of a key point's
    phrases is in its vocabulary but the stance words."""
    phrase_words = {
        t.norm
        for prompt in prompts().values()
        for kp in prompt.key_points
        for phrase in kp.phrases
        for t in analyse(phrase).tokens
        if t.content
    }
    assert not (shipped_model().vocab & phrase_words) - STANCE_WORDS


def test_bad_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        StanceModel.from_json({"weights": {}, "vocab": [], "threshold": "high"})
    with pytest.raises(ValueError, match="vocab"):
        StanceModel.from_json({"weights": {}, "vocab": "abc", "threshold": 0.5})
