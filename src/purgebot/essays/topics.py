"""What an essay is about, by its words: how close it stands to each essay prompt's question
and key points, and to the period's other big topics, so that an essay answering another
question can be told from one answering the set prompt in few of its points.

Each prompt has a profile, its question (counted `QUESTION_WEIGHT` times) with its key points'
statements and phrases; each of `PERIOD_TOPICS` (collectivisation, the famine, the five-year
plans, the war, the rise to power) has a short profile of its own. Words are weighted by how
few profiles use them (tf-idf over the profiles, stems of content words), and an essay is
compared with each profile by cosine similarity.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from purgebot.banks.model import EssayPrompt
from purgebot.essays.text import EssayText, analyse

QUESTION_WEIGHT = 3
# Questions about the same period that no built-in prompt asks: an essay on one of them
# answers none of the prompts.
PERIOD_TOPICS: dict[str, str] = {
    "collectivisation": (
        "collectivisation collective farms kolkhoz kulaks dekulakisation peasants peasant "
        "resistance grain procurement requisitioning livestock slaughtered villages"
    ),
    "famine": (
        "famine 1932 1933 Ukraine Holodomor starvation starved hunger grain harvest "
        "requisitioning peasants died villages"
    ),
    "five-year-plans": (
        "five-year plans industrialisation industry factories targets steel coal oil output "
        "production Magnitogorsk Stakhanov Stakhanovite workers gigantomania dams canals"
    ),
    "war": (
        "Second World War Great Patriotic War invasion Barbarossa 1941 Nazi Germany Hitler "
        "battle Stalingrad Moscow Leningrad siege front victory 1945 Nazi-Soviet pact"
    ),
    "rise-to-power": (
        "Lenin death 1924 testament succession power struggle general secretary Trotsky "
        "Zinoviev Kamenev Bukharin left right opposition triumvirate NEP socialism in one "
        "country permanent revolution"
    ),
}


@dataclass(frozen=True, slots=True)
class Profile:
    key: str  # "prompt:<id> <question>" or "topic:<name>"
    weights: dict[str, float]
    norm: float


def _stems(essay: EssayText) -> Counter[str]:
    return Counter(t.stem for t in essay.tokens if t.content and not t.norm.isdigit())


def _profile_words(prompt: EssayPrompt) -> Counter[str]:
    words: Counter[str] = Counter()
    question = _stems(analyse(prompt.prompt))
    for _ in range(QUESTION_WEIGHT):
        words.update(question)
    for kp in prompt.key_points:
        words.update(_stems(analyse(kp.point)))
        words.update(_stems(analyse(". ".join(kp.phrases))))
    return words


def prompt_key(prompt: EssayPrompt) -> str:
    return f"prompt:{prompt.id} {prompt.prompt}"


class Profiles:
    """The profiles of a set of prompts and the period topics, with their word weights."""

    def __init__(self, prompts: Iterable[EssayPrompt]) -> None:
        raw: dict[str, Counter[str]] = {}
        for p in prompts:
            raw.setdefault(prompt_key(p), _profile_words(p))
        for name, text in PERIOD_TOPICS.items():
            raw[f"topic:{name}"] = _stems(analyse(text))
        df: Counter[str] = Counter()
        for words in raw.values():
            df.update(words.keys())
        n = len(raw)
        self.idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
        self.profiles: tuple[Profile, ...] = tuple(
            self._profile(key, words) for key, words in raw.items()
        )

    def _weights(self, words: Counter[str]) -> dict[str, float]:
        return {w: (1 + math.log(c)) * self.idf[w] for w, c in words.items() if w in self.idf}

    def _profile(self, key: str, words: Counter[str]) -> Profile:
        weights = self._weights(words)
        return Profile(key, weights, math.sqrt(sum(v * v for v in weights.values())) or 1.0)

    def similarities(self, essay: EssayText) -> dict[str, float]:
        """Cosine similarity of the essay with every profile, by profile key."""
        weights = self._weights(_stems(essay))
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {
            p.key: sum(v * p.weights.get(w, 0.0) for w, v in weights.items()) / (norm * p.norm)
            for p in self.profiles
        }


def closest(profiles: Profiles, essay: EssayText, own: EssayPrompt) -> tuple[float, float, str]:
    """(similarity to the set prompt, the best other profile's, that profile's key)."""
    sims = profiles.similarities(essay)
    mine = sims.get(prompt_key(own), 0.0)
    others = [(v, k) for k, v in sims.items() if k != prompt_key(own)]
    best, key = max(others, default=(0.0, ""))
    return mine, best, key
