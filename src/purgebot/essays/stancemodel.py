"""Stance, learned (issue 15, round 7): does the writer stand behind a key-point term they name?

Hand-written cue lists (`stance`, `stancecues`, `stancescope`) cover the dismissals their
writer imagined; each new author's essays dismissed in new words ("it was just propaganda and
it doesn't tell us anything", "I find it a lazy explanation"). This is a small logistic
regression over each mention the rules credit. It may only take credit away: a mention it
judges dismissed is refused with the reason "dismissed", so the feedback still says kindly
"you name X but don't explain it".

What it reads (`context`): the mention's own clause, the rest of its sentence before and after,
the next sentence (and whether it opens by referring back: "it", "that", "this", "which"), and
the end of the sentence before. Words are kept only when they are in the model's vocabulary;
the vocabulary leaves out every key-point and period word (the training script builds it from
the banks), so it learns stance, not topic. The term itself reads as "<t>", any other word as
"_". Features (`features`) are those words and their pairs per region, and stance word
families (first person, hedges, others' claims, not knowing, contempt, negation, value) with
their combinations.

The weights are `stance_weights.json` beside this module, written by `bench/stance_train.py`
from the labelled essay sets and never edited by hand (a test retrains and compares). Scoring
is a dot product: no runtime dependency.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from purgebot.essays.text import EssayText, Token, words

WEIGHTS_FILE = "stance_weights.json"
REGION_WORDS = 14  # words of each region read (the nearest ones)

FAMILIES: dict[str, frozenset[str]] = {
    "first": words("i i'm i've i'd me my personally honestly myself"),
    "hedge": words(
        "maybe perhaps apparently supposedly allegedly probably possibly guess suppose seems "
        "seemed sounds sounded whatever somehow reportedly"
    ),
    "others": words(
        "say says said claim claims claimed argue argues argued historians teacher teachers "
        "textbook book books people some according told taught mention mentioned go goes"
    ),
    "unknown": words(
        "know knew sure remember understand understood forget forgot idea clue confused unclear "
        "get got sense follow"
    ),
    "contempt": words(
        "rubbish nonsense propaganda lazy excuse excuses silly stupid myth exaggerated overrated "
        "ridiculous weak boring pointless convenient lie lies fairy story joke simplistic "
        "unconvincing doubt doubtful dubious obvious bad"
    ),
    "negation": words("not no never neither nor hardly barely"),
    "value": words(
        "matter matters mattered important explain explains explained tell tells told convince "
        "convincing help helps mean means meant true much anything really reason significant"
    ),
    "contrast": words("but though however yet although anyway still"),
    "refer": words("it that this which these those"),
}
_PAIRS = (
    ("first", "unknown"),
    ("first", "negation"),
    ("first", "contempt"),
    ("negation", "value"),
    ("negation", "unknown"),
    ("contrast", "first"),
    ("refer", "contempt"),
    ("others", "contempt"),
    ("hedge", "contempt"),
)
STANCE_WORDS = frozenset().union(*FAMILIES.values())
_REFER = words("it that this which")
TERM = "<t>"
OTHER = "_"


def _norms(tokens: Iterable[Token], window: frozenset[int], first: int) -> list[str]:
    return [TERM if first + k in window else t.norm for k, t in enumerate(tokens)]


def context(essay: EssayText, window: tuple[int, ...]) -> dict[str, list[str]]:
    """The words around a mention, by region: "c" its clause(s), "b" / "a" the rest of its
    sentence before / after, "n" the next sentence, "p" the end of the sentence before.
    The term's own words read as "<t>"."""
    tokens = essay.tokens
    n = tokens[window[0]].sentence
    s = essay.sentences[n]
    low, high = tokens[window[0]].clause, tokens[window[-1]].clause
    inside = frozenset(window)
    sentence = range(s.first, s.last)
    own = [j for j in sentence if low <= tokens[j].clause <= high]
    before = [j for j in sentence if tokens[j].clause < low][-REGION_WORDS:]
    after = [j for j in sentence if tokens[j].clause > high][:REGION_WORDS]
    out = {
        "c": _norms((tokens[j] for j in own), inside, own[0]),
        "b": [tokens[j].norm for j in before],
        "a": [tokens[j].norm for j in after],
        "n": [],
        "p": [],
    }
    if n + 1 < len(essay.sentences):
        nxt = essay.sentences[n + 1]
        out["n"] = [t.norm for t in tokens[nxt.first : min(nxt.last, nxt.first + REGION_WORDS)]]
    if n > 0:
        prev = essay.sentences[n - 1]
        out["p"] = [t.norm for t in tokens[max(prev.first, prev.last - 8) : prev.last]]
    return out


def features(ctx: Mapping[str, list[str]], vocab: frozenset[str]) -> set[str]:
    """Binary features of a mention's context (see the module rules)."""
    out = {"bias"}
    for region, norms in ctx.items():
        masked = [w if w == TERM or w in vocab else OTHER for w in norms]
        if region != "p":
            for a, b in pairwise(masked):
                if a != OTHER or b != OTHER:
                    out.add(f"{region}:{a} {b}")
        out.update(f"{region}:{w}" for w in masked if w != OTHER)
        found = {name for name, fam in FAMILIES.items() if any(w in fam for w in norms)}
        out.update(f"{region}:#{name}" for name in found)
        out.update(f"{region}:#{x}+{y}" for x, y in _PAIRS if x in found and y in found)
    if ctx["n"][:3] and any(w in _REFER for w in ctx["n"][:3]):
        out.add("n:refers-back")
        found = {name for name, fam in FAMILIES.items() if any(w in fam for w in ctx["n"])}
        out.update(f"n:refers-back+{name}" for name in found)
    if ctx["c"] and TERM in ctx["c"]:
        k = ctx["c"].index(TERM)
        left = ctx["c"][k - 1] if k else "^"
        out.add(f"c-1:{left if left in vocab or left == '^' else OTHER}")
    return out


@dataclass(frozen=True)
class StanceModel:
    """Weights of the logistic regression and the score above which a mention is dismissed."""

    weights: Mapping[str, float]
    vocab: frozenset[str]
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        """The probability that the mention is dismissed."""
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def mention_score(self, essay: EssayText, window: tuple[int, ...]) -> float:
        return self.score(features(context(essay, window), self.vocab))

    def dismisses(self, essay: EssayText, window: tuple[int, ...]) -> bool:
        return self.mention_score(essay, window) >= self.threshold

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> StanceModel:
        weights = data["weights"]
        vocab = data["vocab"]
        threshold = data["threshold"]
        if not isinstance(weights, dict) or not isinstance(vocab, list):
            raise ValueError("stance weights: 'weights' must be an object, 'vocab' a list")
        if not isinstance(threshold, int | float):
            raise ValueError("stance weights: 'threshold' must be a number")
        return cls(
            {str(k): float(v) for k, v in weights.items()},
            frozenset(str(w) for w in vocab),
            float(threshold),
        )


# Never dismisses: the rules alone (the baseline the bench compares against).
RULES_ONLY = StanceModel({}, frozenset(), 2.0)


@lru_cache(maxsize=1)
def shipped_model() -> StanceModel:
    """The model in `stance_weights.json`, read once."""
    text = resources.files("purgebot.essays").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return StanceModel.from_json(json.loads(text))
