"""Train the learned stance model and write src/purgebot/essays/stance_weights.json.

`python bench/stance_train.py` trains on every labelled set (`stance_data.FOLDS`) and writes
the weights; `--check` trains the same way and fails when the committed file differs (the
weights are never edited by hand). The threshold is not chosen here: it is the one
`bench/stance_loao.py` picks on the leave-one-author-out folds (`THRESHOLD`).

Logistic regression, stdlib only: Adagrad over the mentions in a seeded order, L2, dismissed
mentions weighted up (they are about one in ten). Deterministic: features are summed in sorted
order, weights rounded to 4 places.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stance_data import ROOT, Mention, extract, topic_words, vocabulary

WEIGHTS = ROOT / "src" / "purgebot" / "essays" / "stance_weights.json"
EPOCHS = 25
RATE = 0.2
L2 = 1e-3
POSITIVE_WEIGHT = 3.0
SEED = 15
KEEP_BELOW = 1.0  # a mention of a point made that the first pass scores below this stays 0
# Picked on the leave-one-author-out folds pooled (`bench/stance_loao.py --sweep`), never on one
# set: the highest threshold at which the dismissed mentions credited are fewest (8 of 167 for
# 0.2-0.5, round 7), which loses the fewest real points (4 of them; 8 at 0.2). Round 8, eight
# folds with eval7: still 0.5 (8 of 194, 5 real points lost; 0.6 credits 11).
THRESHOLD = 0.5

Row = tuple[tuple[str, ...], int]


def rows_of(mentions: Iterable[Mention], vocab: frozenset[str]) -> list[Row]:
    from purgebot.essays.stancemodel import features

    return [
        (tuple(sorted(features(m.context, vocab))), m.label)
        for m in mentions
        if m.label is not None
    ]


def fit(mentions: Sequence[Mention], vocab: frozenset[str]) -> dict[str, float]:
    """Two passes. A point is credited when any one of its mentions is; so a dismissed point's
    mentions are all dismissed (1), but of a point the essay makes only the mention that makes
    it best need stand (0): the first pass scores every mention, the second trains on the
    dismissed mentions and, of each point made, the credited mention the first pass found
    least dismissive (the others may be bare names in passing)."""
    from purgebot.essays.stancemodel import has_cue

    labelled = [m for m in mentions if m.label is not None and has_cue(m.context)]
    rows = rows_of(labelled, vocab)
    first = train(rows)
    best: dict[tuple[str, str], tuple[float, int]] = {}
    for i, (m, (feats, _)) in enumerate(zip(labelled, rows, strict=True)):
        if m.label == 0 and m.rules != "dismissed":  # credited, or refused as an error
            z = math.fsum(first.get(f, 0.0) for f in feats)
            key = (m.essay, m.point)
            if key not in best or (z, i) < best[key]:
                best[key] = (z, i)
    kept = {i for _, i in best.values()}
    return train([r for i, r in enumerate(rows) if r[1] == 1 or i in kept])


def train(rows: Sequence[Row]) -> dict[str, float]:
    """Weights of a logistic regression fitted to `rows` (features, label)."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    order = list(range(len(rows)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = rows[i]
            z = math.fsum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * (POSITIVE_WEIGHT if y else 1.0)
            for f in feats:
                wf = w.get(f, 0.0)
                grad = g + L2 * wf
                g2[f] = g2.get(f, 0.0) + grad * grad
                w[f] = wf - RATE * grad / math.sqrt(g2[f] + 1e-8)
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(round(v, 4)) >= 1e-4}


def model_json(mentions: Sequence[Mention], threshold: float = THRESHOLD) -> str:
    vocab = vocabulary(list(mentions), topic_words())
    weights = fit(mentions, vocab)
    data = {"threshold": threshold, "vocab": sorted(vocab), "weights": weights}
    return json.dumps(data, indent=0, sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args()
    _, mentions = extract()
    text = model_json(mentions)
    if args.check:
        same = WEIGHTS.read_text(encoding="utf-8") == text
        print("stance weights reproduce" if same else "stance weights differ from a retrain")
        return 0 if same else 1
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
