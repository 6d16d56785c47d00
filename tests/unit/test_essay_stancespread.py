"""A dismissal reaches the point's other mentions in the same sentence (issue 15, round 8).

"People also say he was paranoid, which is a lazy answer; everyone just writes paranoid and
moves on": the writer has not made the point with its second mention. A mention the model
dismisses takes the point's other mentions in its sentence with it; a sound sentence after it
keeps its credit. Wordings written for this test."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt
from purgebot.essays import check_essay
from purgebot.essays.stancemodel import StanceModel, shipped_model, spread
from purgebot.essays.text import EssayText

ROOT = Path(__file__).resolve().parents[2]


@cache
def why_purges() -> EssayPrompt:
    banks = load_bank_dir(ROOT / "questions")
    return next(e for b in banks for e in b.essays if f"{b.id}/{e.id}" == "causes/why-purges")


@dataclass(frozen=True)
class _VerdictAfter(StanceModel):
    """Dismisses a mention only when "lazy" follows it within four words: the spread, not the
    model, must take the other mention."""

    def dismisses(
        self,
        essay: EssayText,
        window: tuple[int, ...],
        own: frozenset[int] = frozenset(),
        others: frozenset[int] = frozenset(),
    ) -> bool:
        after: Iterable[int] = range(window[-1] + 1, min(len(essay.tokens), window[-1] + 5))
        return any(essay.tokens[j].norm == "lazy" for j in after)


STUB = _VerdictAfter({"bias": 0.0}, frozenset(), 0.5)
SAME_BREATH = (
    "People also say Stalin was paranoid, which is a lazy answer, and everyone just writes "
    "paranoid and moves on."
)


def covered(text: str, stance: StanceModel | None = None) -> set[str]:
    return {p.id for p in check_essay(why_purges(), text, stance=stance).covered}


def test_the_other_mention_in_the_same_sentence_is_dismissed_too() -> None:
    fb = check_essay(why_purges(), SAME_BREATH, stance=STUB)
    assert "paranoia" not in {p.id for p in fb.covered}
    point = next(p for p in (*fb.covered, *fb.missed) if p.id == "paranoia")
    assert len(point.refused) >= 2 and all(m.reason == "dismissed" for m in point.refused)


def test_a_sound_sentence_after_the_dismissal_keeps_its_credit() -> None:
    text = SAME_BREATH + " In fact Stalin was paranoid: he trusted no one, not even his friends."
    assert "paranoia" in covered(text, STUB)


def test_the_shipped_model_refuses_both_mentions() -> None:
    assert "paranoia" not in covered(SAME_BREATH)
    assert "paranoia" in covered("Stalin was paranoid, so he trusted no one around him.")


def test_spread_reaches_only_as_far_as_it_is_told() -> None:
    assert spread([3, 3, 4], [False, True, False], 0) == [True, True, False]
    assert spread([3, 3, 4], [False, True, False], 1) == [True, True, True]
    assert spread([3, 5], [False, False], 1) == [False, False]
    assert shipped_model().weights  # the shipped model is in use, not the rules alone
