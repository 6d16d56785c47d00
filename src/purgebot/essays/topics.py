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
    question: dict[str, float]  # the question's own words, weighted the same way


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return sum(v * b.get(w, 0.0) for w, v in a.items()) / (na * nb) if na and nb else 0.0


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
        questions: dict[str, Counter[str]] = {}
        for p in prompts:
            raw.setdefault(prompt_key(p), _profile_words(p))
            questions[prompt_key(p)] = _stems(analyse(p.prompt))
        for name, text in PERIOD_TOPICS.items():
            raw[f"topic:{name}"] = _stems(analyse(text))
        df: Counter[str] = Counter()
        for words in raw.values():
            df.update(words.keys())
        n = len(raw)
        self.idf = {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}
        self.profiles: tuple[Profile, ...] = tuple(
            self._profile(key, words, questions.get(key, Counter())) for key, words in raw.items()
        )
        self._siblings: dict[str, frozenset[str]] = {}

    def _weights(self, words: Counter[str]) -> dict[str, float]:
        return {w: (1 + math.log(c)) * self.idf[w] for w, c in words.items() if w in self.idf}

    def _profile(self, key: str, words: Counter[str], question: Counter[str]) -> Profile:
        weights = self._weights(words)
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return Profile(key, weights, norm, self._weights(question))

    def siblings(self, key: str) -> frozenset[str]:
        """The prompts whose profiles stand at least `SIBLING_AT` close to this one's, or whose
        questions stand `SAME_QUESTION_AT` close (a teacher's wording with few phrases)."""
        if key not in self._siblings:
            own = next((p for p in self.profiles if p.key == key), None)
            self._siblings[key] = frozenset(
                p.key
                for p in self.profiles
                if own is not None
                and p.key != key
                and p.key.startswith("prompt:")
                and (
                    _cosine(own.weights, p.weights) >= SIBLING_AT
                    or _cosine(own.question, p.question) >= SAME_QUESTION_AT
                )
            )
        return self._siblings[key]

    def similarities(self, essay: EssayText) -> dict[str, float]:
        """Cosine similarity of the essay with every profile, by profile key."""
        weights = self._weights(_stems(essay))
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        return {
            p.key: sum(v * p.weights.get(w, 0.0) for w, v in weights.items()) / (norm * p.norm)
            for p in self.profiles
        }


SIBLING_AT = 0.4  # prompts whose profiles are this alike ask much the same question
SAME_QUESTION_AT = 0.75  # ...and so do prompts whose questions are this alike


def closest(profiles: Profiles, essay: EssayText, own: EssayPrompt) -> tuple[float, float, str]:
    """(similarity to the set prompt, the best other profile's, that profile's key). A prompt
    asking much the same question as the set one (a teacher's own wording of a built-in
    question, "local officials" beside "centre or local") is no other question."""
    sims = profiles.similarities(essay)
    mine = sims.get(prompt_key(own), 0.0)
    siblings = profiles.siblings(prompt_key(own))
    others = [(v, k) for k, v in sims.items() if k != prompt_key(own) and k not in siblings]
    best, key = max(others, default=(0.0, ""))
    return mine, best, key
