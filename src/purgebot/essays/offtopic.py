"""Off-topic: an essay that answers another question about the same period.

Such an essay shares the period's words (Stalin, the NKVD, 1937) with the set question, so the
words alone cannot tell. What tells is whose key points it makes: an essay is off-topic when it
engages with few of the set prompt's points (makes, dismisses or misstates at most
`OWN_AT_MOST` of them) and clearly makes more of
another prompt's (at least `RIVAL_AT_LEAST` of that prompt's points, and `MARGIN` more than of
its own). The rivals are the built-in prompts and any the caller adds (the bank's own). An
essay of `NOTHING_IN_WORDS` words or more that makes, dismisses or misstates at most
`ALMOST_NOTHING` of the prompt's points (one of six) is off-topic too, whatever it answers
instead, provided its words stand `NOTHING_RATIO` times closer to some other question or topic
than to the set one: a short weak answer is weak, a long one on none of the points whose words
are the prompt's is a weak or dismissive answer, and a long one on none of the points in other
words is on something else.

Points alone miss an essay on another question that touches a few of the set prompt's points
on the way (an essay on whether Stalin ordered Kirov's murder says he used it as a pretext).
So the essay's words are compared too (`purgebot.essays.topics`): with the set prompt, every
other prompt, and the period's other big topics (collectivisation, the famine, the five-year
plans, the war, the rise to power). An essay that makes at most `WORDS_OWN_AT_MOST` of the set
prompt's points and stands `WORDS_RATIO` times closer to another question (at least
`WORDS_AT_LEAST` similar to it) than to its own answers that other question. A prompt that
asks much the same question as the set one (`topics.SIBLING_AT`, or a teacher's wording of a
built-in question) is no other question, and the rule on another prompt's points holds only
when the essay's words, too, stand `RIVAL_RATIO` times closer to some other question: a
teacher's prompt with few phrases credits few points.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from purgebot.banks.model import EssayPrompt
from purgebot.essays.detect import detect
from purgebot.essays.text import EssayText
from purgebot.essays.topics import Profiles, closest, prompt_key

OWN_AT_MOST = 1 / 3
RIVAL_AT_LEAST = 0.5
MARGIN = 0.34
RIVAL_RATIO = 1.3  # ...and its words stand this much closer to some other question too
ALMOST_NOTHING = 1 / 6  # an essay that touches at most this share of the prompt's points...
NOTHING_IN_WORDS = 90  # ...at this length or more (a weak answer is shorter) answers something else
WORDS_RATIO = 2.3
WORDS_AT_LEAST = 0.3
WORDS_OWN_AT_MOST = 0.5
WORDS_MIN = 30  # fewer words say too little to tell what they answer
NOTHING_RATIO = 1.5  # a long essay on none of the points is off-topic only if its words agree


def _questions_dir() -> Path | None:
    """The built-in banks: packaged beside the package, or the checkout's questions/."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / "questions", package.parents[1] / "questions"):
        if candidate.is_dir():
            return candidate
    return None


@lru_cache(maxsize=1)
def builtin_prompts() -> tuple[EssayPrompt, ...]:
    """Every essay prompt of the built-in banks, read once; none when they cannot be found."""
    from purgebot.banks.loader import load_bank_dir

    where = _questions_dir()
    if where is None:
        return ()
    try:
        return tuple(e for bank in load_bank_dir(where) for e in bank.essays)
    except Exception:  # a broken built-in bank is reported by `validate`, not by an essay
        return ()


@lru_cache(maxsize=8)
def _profiles(prompts: tuple[EssayPrompt, ...]) -> Profiles:
    return Profiles(prompts)


def closer_elsewhere(
    prompt: EssayPrompt, essay: EssayText, rivals: Iterable[EssayPrompt]
) -> tuple[float, float]:
    """(how many times closer the essay's words stand to the nearest other question or topic
    than to the set prompt, how close they stand to that other one)."""
    mine, best, _ = closest(_profiles((prompt, *rivals, *builtin_prompts())), essay, prompt)
    return (best / mine if mine > 0 else float("inf")), best


def share(prompt: EssayPrompt, essay: EssayText) -> float:
    """The share of the prompt's key points the essay makes."""
    if not prompt.key_points:
        return 0.0
    made = sum(1 for r in detect(prompt, essay) if r.covered)
    return made / len(prompt.key_points)


def is_off_topic(
    prompt: EssayPrompt,
    essay: EssayText,
    own: float,
    rivals: Iterable[EssayPrompt] = (),
    words: int = 0,
) -> bool:
    """Whether the essay answers another prompt (see the module rules); `own` is the share of
    the set prompt's points it engages with, `words` its length."""
    rivals = tuple(rivals)
    ratio, best = closer_elsewhere(prompt, essay, rivals)
    if (
        own <= WORDS_OWN_AT_MOST + 1e-9
        and ratio >= WORDS_RATIO
        and best >= WORDS_AT_LEAST
        and words >= WORDS_MIN
    ):
        return True
    if own > OWN_AT_MOST:
        return False
    if own <= ALMOST_NOTHING + 1e-9 and words >= NOTHING_IN_WORDS and ratio >= NOTHING_RATIO:
        return True
    seen = {(prompt.id, prompt.prompt)}
    siblings = _profiles((prompt, *rivals, *builtin_prompts())).siblings(prompt_key(prompt))
    for rival in (*rivals, *builtin_prompts()):
        if (rival.id, rival.prompt) in seen or not rival.key_points:
            continue
        if prompt_key(rival) in siblings:  # the same question in other words
            continue
        seen.add((rival.id, rival.prompt))
        theirs = share(rival, essay)
        if theirs >= RIVAL_AT_LEAST and theirs - own >= MARGIN and ratio >= RIVAL_RATIO:
            return True
    return False
