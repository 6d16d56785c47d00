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
families (first person, hedges, others' claims, not knowing, belief, poor verdicts, negation,
value) with their combinations, and each family of the claim's words against each of what
follows it ("some people say X" then "I don't buy it").

A point's mentions are judged together in one way (round 8, `spread`): a mention the model
dismisses takes the point's other mentions in its sentence with it.

The weights are `stance_weights.json` beside this module, written by `bench/stance_train.py`
from the labelled essay sets and never edited by hand (a test retrains and compares). Scoring
is a dot product: no runtime dependency.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from purgebot.essays.stancecues import regime_claim
from purgebot.essays.text import EssayText, words

WEIGHTS_FILE = "stance_weights.json"
REGION_WORDS = 24  # words of each region read (the nearest ones)

FAMILIES: dict[str, frozenset[str]] = {
    "first": words("i i'm i've i'd i'll me my personally honestly myself"),
    "hedge": words(
        "maybe perhaps apparently supposedly allegedly probably possibly guess suppose seems "
        "seemed sounds sounded whatever somehow reportedly might may supposed"
    ),
    "others": words(
        "say says said claim claims claimed argue argues argued historians teacher teachers "
        "textbook textbooks book books people some according told taught mention mentions "
        "mentioned go goes link links linked call calls called view theory argument idea "
        "revisionists critics writers"
    ),
    "unknown": words(
        "know knew sure remember understand understood forget forgot idea clue confused "
        "confusing unclear get got sense follow missed absent lost mystery vague "
        "learn learned learnt covered"
    ),
    "belief": words(
        "agree agreed buy convinced convince convincing believe accept trust persuaded "
        "persuade count counts prove proof evidence"
    ),
    "poor": words(
        "rubbish nonsense propaganda lazy excuse excuses silly stupid myth myths exaggerated "
        "overrated overstated overblown ridiculous weak boring pointless convenient lie lies "
        "fairy story joke simplistic unconvincing doubt doubts doubtful dubious obvious bad "
        "trivial irrelevant useless vague shaky flimsy thin "
        "naive far-fetched fetched rot garbage made-up invented false wrong untrue unlikely "
        "questionable unproven cop-out cop sense obviously cliche cliché conspiracy easy"
    ),
    "negation": words("not no never neither nor hardly barely nothing nobody"),
    "value": words(
        "matter matters mattered important explain explains explained tell tells told help "
        "helps mean means meant true much anything really reason significant relevant "
        "useful worth key main big"
    ),
    "contrast": words("but though however yet although anyway still whereas"),
    "refer": words("it that this which these those"),
}
_PAIRS = (
    ("first", "unknown"),
    ("first", "negation"),
    ("first", "poor"),
    ("first", "belief"),
    ("negation", "value"),
    ("negation", "unknown"),
    ("negation", "belief"),
    ("contrast", "first"),
    ("refer", "poor"),
    ("others", "poor"),
    ("hedge", "poor"),
)
STANCE_WORDS = frozenset().union(*FAMILIES.values())
# The gate (`has_cue`): words that can only be a writer's distance from a claim. Not "wrong",
# "bad", "cruel" (a verdict on the deed, not the claim), "know" or "remember" without a negation.
# Round 8 added "supposed", "sounds", cliche, conspiracy, easy (pooled LOAO 11 -> 8 of 194
# dismissed mentions credited): the gate only lets the model judge.
_GATE_POOR = words(
    "rubbish nonsense propaganda lazy excuse excuses silly stupid myth myths exaggerated "
    "exaggeration overrated overstated overblown ridiculous pointless convenient fairy joke "
    "simplistic unconvincing doubtful dubious trivial irrelevant useless shaky "
    "flimsy naive far-fetched fetched garbage made-up invented untrue unlikely questionable "
    "unproven cop-out neat cliche cliché conspiracy easy"
)
_GATE_HEDGE = words(
    "apparently supposedly allegedly reportedly whatever whoever maybe perhaps supposed sounds"
)
_GATE_DOUBT = words("doubt forget forgot unsure confused lost absent missed skipped")
_GATE_VALUE = words(
    "matter matters mattered explain explains tell tells important convincing convinced true "
    "help helps buy accept agree"
)
_GATE_DENIAL = words("true convincing convinced buy accept agree")
_NEGATION = FAMILIES["negation"]
_REFER = words("it that this which")
# Sentences a dismissal by the model reaches to the point's other mentions (`spread`): 0, the
# same sentence. Picked on the pooled leave-one-author-out folds (round 8): 14 -> 11 dismissed
# mentions credited of 194 for 1 more real point lost; the next sentence too (1) loses 2 more
# for nothing, and spreading the rules' own dismissals loses 4 more.
SPREAD = 0
TERM = "<t>"
MENTION = "<m>"
OTHER = "_"


def context(
    essay: EssayText,
    window: tuple[int, ...],
    own: frozenset[int] = frozenset(),
    others: frozenset[int] = frozenset(),
) -> dict[str, list[str]]:
    """The words around a mention, by region: "c" its clause(s), "b" / "a" the rest of its
    sentence before / after, "n" the next sentence, "p" the end of the sentence before.
    The words of the term, and of its point named anywhere else (`own`), read as "<t>"; those
    of another key point (`others`) as "<m>": a doubt in the next sentence may be about that."""
    tokens = essay.tokens
    mine = own | frozenset(window)

    def norms(span: Iterable[int]) -> list[str]:
        return [TERM if j in mine else MENTION if j in others else tokens[j].norm for j in span]

    n = tokens[window[0]].sentence
    s = essay.sentences[n]
    low, high = tokens[window[0]].clause, tokens[window[-1]].clause
    sentence = range(s.first, s.last)
    out = {
        "c": norms(j for j in sentence if low <= tokens[j].clause <= high),
        "b": norms([j for j in sentence if tokens[j].clause < low][-REGION_WORDS:]),
        "a": norms([j for j in sentence if tokens[j].clause > high][:REGION_WORDS]),
        "n": [],
        "p": [],
        # "charged": the sentence tells of the regime's charge or claim ("They were accused of
        # plotting"); saying the charge was false is the writer's point, not a dismissal
        "x": ["charged"] if regime_claim(tokens, s.first, s.last) else [],
    }
    if n + 1 < len(essay.sentences):
        nxt = essay.sentences[n + 1]
        out["n"] = norms(range(nxt.first, min(nxt.last, nxt.first + REGION_WORDS)))
    if n > 0:
        prev = essay.sentences[n - 1]
        out["p"] = norms(range(max(prev.first, prev.last - 8), prev.last))
    return out


def _families(norms: Iterable[str]) -> set[str]:
    seen = set(norms)
    return {name for name, fam in FAMILIES.items() if not seen.isdisjoint(fam)}


def features(ctx: Mapping[str, list[str]], vocab: frozenset[str]) -> set[str]:
    """Binary features of a mention's context (see the module rules)."""
    out = {"bias", *(f"x:{w}" for w in ctx.get("x", ()))}
    for region, norms in ctx.items():
        if region == "x":
            continue
        masked = [w if w in (TERM, MENTION) or w in vocab else OTHER for w in norms]
        if region != "p":
            for a, b in pairwise(masked):
                if a != OTHER or b != OTHER:
                    out.add(f"{region}:{a} {b}")
        out.update(f"{region}:{w}" for w in masked if w != OTHER)
        found = {name for name, fam in FAMILIES.items() if any(w in fam for w in norms)}
        out.update(f"{region}:#{name}" for name in found)
        out.update(f"{region}:#{x}+{y}" for x, y in _PAIRS if x in found and y in found)
    # The claim's own words (who makes it) against what follows it (the writer's answer).
    claim = _families([*ctx["b"], *ctx["c"]])
    for region in ("a", "n"):
        answer = _families(ctx[region])
        out.update(f"{region}>{x}>{y}" for x in claim | {"any"} for y in answer)
    for region in ("a", "n"):  # what follows names the point again, or another point
        names = [k for k in (TERM, MENTION) if k in ctx[region]]
        answer = _families(ctx[region])
        out.update(f"{region}:{k}+{y}" for k in names for y in answer)
    if ctx["n"][:3] and any(w in _REFER for w in ctx["n"][:3]):
        out.add("n:refers-back")
        found = {name for name, fam in FAMILIES.items() if any(w in fam for w in ctx["n"])}
        out.update(f"n:refers-back+{name}" for name in found)
    if ctx["c"] and TERM in ctx["c"]:
        k = ctx["c"].index(TERM)
        left = ctx["c"][k - 1] if k else "^"
        out.add(f"c-1:{left if left in vocab or left == '^' else OTHER}")
    return out


def _near(norms: list[str], first: frozenset[str], then: frozenset[str], reach: int) -> bool:
    """A word of `first` with a word of `then` within `reach` words after it."""
    return any(
        w in first and any(x in then for x in norms[k + 1 : k + 1 + reach])
        for k, w in enumerate(norms)
    )


def _region_cue(norms: list[str], after: bool, charged: bool) -> bool:
    """A cue of the writer's distance in one region (see `has_cue`); `after`: the region
    follows the mention."""
    first = FAMILIES["first"]
    # "I'm not sure", "I never understood", "I forget"; after the claim also "I can't say much"
    doubt = _GATE_DOUBT | (_NEGATION if after else FAMILIES["unknown"])
    if _near(norms, first, doubt, 4) and (
        after or _near(norms, first | _NEGATION, FAMILIES["unknown"], 4)
    ):
        return True
    value = _GATE_VALUE - (_GATE_DENIAL if charged else frozenset())
    if _near(norms, _NEGATION, value, 3) and any(w in _REFER for w in norms):
        return True  # "it doesn't tell us anything", "that doesn't matter"
    if charged:  # a charge called false is the writer's point
        return False
    if any(w in _GATE_HEDGE for w in norms):
        return True
    return any(
        w in _GATE_POOR and not _NEGATION.intersection(norms[max(0, k - 3) : k])
        for k, w in enumerate(norms)
    )


def has_cue(ctx: Mapping[str, list[str]]) -> bool:
    """Whether the mention's context holds any cue of the writer's distance from it: a hedge,
    a word that calls a claim poor (not negated), the writer's own not-knowing ("I'm not sure",
    "I forget"; after the claim also "I can't say much", "I never saw"), or "it / that ...
    doesn't matter / explain / tell". In the next sentence a cue counts only when that sentence
    refers back (it, that, this, which, or the point named again). Of the regime's charge only
    "doesn't explain / matter" and not-knowing count. The model judges only mentions with a
    cue: a sound sentence without one is never taken away ("..., which is why he trusted
    nobody")."""
    charged = bool(ctx.get("x"))
    if _region_cue(ctx["b"], False, charged) or _region_cue(ctx["c"], False, charged):
        return True
    if _region_cue(ctx["a"], True, charged):
        return True
    nxt = ctx["n"]
    return any(w in _REFER or w == TERM for w in nxt) and _region_cue(nxt, True, charged)


@dataclass(frozen=True)
class StanceModel:
    """Weights of the logistic regression and the score above which a mention is dismissed."""

    weights: Mapping[str, float]
    vocab: frozenset[str]
    threshold: float

    def score(self, feats: Iterable[str]) -> float:
        """The probability that the mention is dismissed."""
        z = math.fsum(self.weights.get(f, 0.0) for f in sorted(feats))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def mention_score(
        self,
        essay: EssayText,
        window: tuple[int, ...],
        own: frozenset[int] = frozenset(),
        others: frozenset[int] = frozenset(),
    ) -> float:
        """The score of the mention at `window`; `own` / `others` are the tokens where the
        essay names its point / another key point (see `context`)."""
        ctx = context(essay, window, own, others)
        return self.score(features(ctx, self.vocab)) if has_cue(ctx) else 0.0

    def dismisses(
        self,
        essay: EssayText,
        window: tuple[int, ...],
        own: frozenset[int] = frozenset(),
        others: frozenset[int] = frozenset(),
    ) -> bool:
        if not self.weights:
            return False
        return self.mention_score(essay, window, own, others) >= self.threshold

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


def spread(sentences: Sequence[int], dismissed: Sequence[bool], reach: int = SPREAD) -> list[bool]:
    """The mentions of one point: which stand dismissed once a dismissal reaches the mentions
    near it. A writer who names a point and sets it aside ("people also say he was paranoid,
    which is a lazy answer; everyone just writes paranoid and moves on") has not made it with
    the next mention of it in the same breath: a mention within `reach` sentences of a mention
    of the same point the model dismissed is dismissed too (round 8)."""
    out = list(dismissed)
    for k, s in enumerate(sentences):
        if not out[k]:
            out[k] = any(
                d and abs(s - t) <= reach for t, d in zip(sentences, dismissed, strict=True)
            )
    return out


# Never dismisses: the rules alone (the baseline the bench compares against).
RULES_ONLY = StanceModel({}, frozenset(), 2.0)


@lru_cache(maxsize=1)
def shipped_model() -> StanceModel:
    """The model in `stance_weights.json`, read once."""
    text = resources.files("purgebot.essays").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return StanceModel.from_json(json.loads(text))
