"""Leave-one-author-out: how the stance judgement does on an author it never saw (issue 15).

For each author's set in turn (`stance_data.FOLDS`), the learned stance model is trained on all
the others (its vocabulary too) and scores the held-out set; printed per fold, the rules alone
beside rules + model: dismissed mentions credited (of those labelled), precision, recall and
paraphrase recall over (essay, key point) pairs, and real points lost to the model. The rules'
figures on sets they were tuned on flatter them; eval7's fold (a new author's set, added in round
8) was recorded before any round-8 change: rules 13, rules + model 6 of 27 (pooled 14 of 194).
A mention the model dismisses takes its point's other mentions in its sentence with it
(`stancemodel.spread`; `--reach` tries other distances). `--sweep` prints the pooled figures
for a range of thresholds (the threshold is picked there, on all folds, never on one set);
`--threshold` scores at another one.

`python bench/stance_loao.py [--sweep] [--threshold T] [--reach N] [--json] [-v]`
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from purgebot.essays.stancemodel import SPREAD
from stance_data import FOLDS, Essay, Mention, extract, topic_words, vocabulary
from stance_train import THRESHOLD, fit

SWEEP = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Figures:
    essays: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    para_tp: int = 0
    para_fn: int = 0
    dismissed: int = 0
    dismissed_credited: int = 0
    points_lost: int = 0  # real points the model took away that the rules credited

    def add(self, other: Figures) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def row(self) -> dict[str, Any]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        pr = self.para_tp / (self.para_tp + self.para_fn) if self.para_tp + self.para_fn else 1.0
        return {
            "essays": self.essays,
            "dismissed_credited": self.dismissed_credited,
            "dismissed": self.dismissed,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "paraphrase_recall": round(pr, 3),
            "points_lost": self.points_lost,
        }


def score_fold(
    essays: list[Essay], covered: dict[str, set[str]], rules: dict[str, set[str]]
) -> Figures:
    f = Figures()
    for e in essays:
        got = covered.get(e.name, set())
        f.essays += 1
        f.tp += len(got & e.points)
        f.fp += len(got - e.points)
        f.fn += len(e.points - got)
        if e.kind == "paraphrase":
            f.para_tp += len(got & e.points)
            f.para_fn += len(e.points - got)
        f.dismissed += len(e.dismissed)
        f.dismissed_credited += len(got & e.dismissed)
        f.points_lost += len((rules.get(e.name, set()) - got) & e.points)
    return f


def coverage(
    mentions: list[Mention],
    scores: list[float],
    threshold: float,
    alone: bool = False,
    reach: int = SPREAD,
) -> dict[str, set[str]]:
    """Points credited: by the rules and the model (`alone`: the model in place of the stance
    rules, to measure the learned part on every fold); a mention the model dismisses takes the
    point's other mentions within `reach` sentences with it (`stancemodel.spread`; -1: none)."""
    from purgebot.essays.stancemodel import spread

    groups: dict[tuple[str, str], list[tuple[Mention, float]]] = defaultdict(list)
    for m, s in zip(mentions, scores, strict=True):
        groups[(m.essay, m.point)].append((m, s))
    out: dict[str, set[str]] = defaultdict(set)
    for (essay, point), group in groups.items():
        live = [m.rules is None or (alone and m.rules == "dismissed") for m, _ in group]
        # what the model dismisses reaches the point's other mentions near it (`spread`)
        judged = [ok and s >= threshold for ok, (_, s) in zip(live, group, strict=True)]
        gone = spread([m.sentence for m, _ in group], judged, reach)
        if any(ok and not g for ok, g in zip(live, gone, strict=True)):
            out[essay].add(point)
    return out


def held_out_scores(mentions: list[Mention]) -> list[float]:
    """Each mention's score by a model trained without its author's set."""
    from purgebot.essays.stancemodel import StanceModel, features, has_cue

    topic = topic_words()
    scores = [0.0] * len(mentions)
    for fold in FOLDS:
        train_on = [m for m in mentions if m.fold != fold]
        vocab = vocabulary(train_on, topic)
        model = StanceModel(fit(train_on, vocab), vocab, THRESHOLD)
        for i, m in enumerate(mentions):
            if m.fold == fold:
                cue = has_cue(m.context)
                scores[i] = model.score(features(m.context, vocab)) if cue else 0.0
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--reach", type=int, default=SPREAD, help="sentences a dismissal spreads")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what rules + model miss")
    args = parser.parse_args()
    essays, mentions = extract()
    scores = held_out_scores(mentions)
    rules = coverage(mentions, [0.0] * len(mentions), 1.0, reach=-1)  # no spread: the rules alone
    out: dict[str, Any] = {"threshold": args.threshold, "folds": {}}
    total_rules, total_model, total_alone = Figures(), Figures(), Figures()
    for fold in FOLDS:
        mine = [e for e in essays if e.fold == fold]
        a = score_fold(mine, rules, rules)
        b = score_fold(mine, coverage(mentions, scores, args.threshold, reach=args.reach), rules)
        c = score_fold(
            mine, coverage(mentions, scores, args.threshold, alone=True, reach=args.reach), rules
        )
        total_rules.add(a)
        total_model.add(b)
        total_alone.add(c)
        out["folds"][fold] = {"rules": a.row(), "model": b.row(), "alone": c.row()}
    out["all"] = {
        "rules": total_rules.row(),
        "model": total_model.row(),
        "alone": total_alone.row(),
    }
    if args.sweep:
        out["sweep"] = {}
        for t in SWEEP:
            for alone in (False, True):
                cov = coverage(mentions, scores, t, alone, args.reach)
                total = Figures()
                for fold in FOLDS:
                    total.add(score_fold([e for e in essays if e.fold == fold], cov, rules))
                out["sweep"][f"{t}{' alone' if alone else ''}"] = total.row()
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    head = "dismissed credited    precision          recall             paraphrase recall"
    print(
        f"leave-one-author-out, threshold {args.threshold}: rules | rules + model | model alone "
        "(in place of the stance rules); points lost: real points the model took from the rules"
    )
    print(f"{'fold':<11} {head}    points lost")
    for fold, r in [*out["folds"].items(), ("all", out["all"])]:
        a, b, c = r["rules"], r["model"], r["alone"]
        cells = [
            f"{a[k]:.2f} {b[k]:.2f} {c[k]:.2f}"
            for k in ("precision", "recall", "paraphrase_recall")
        ]
        print(
            f"{fold:<11} {a['dismissed_credited']:>2} {b['dismissed_credited']:>2} "
            f"{c['dismissed_credited']:>2} of {a['dismissed']:<3}    {cells[0]}     {cells[1]}"
            f"     {cells[2]}     {b['points_lost']} {c['points_lost']}"
        )
    if args.verbose:
        cov = coverage(mentions, scores, args.threshold, reach=args.reach)
        for e in essays:
            if e.fold in FOLDS:
                for p in sorted(cov.get(e.name, set()) & e.dismissed):
                    print(f"  dismissed, credited: {e.name} {p}")
                for p in sorted((rules.get(e.name, set()) - cov.get(e.name, set())) & e.points):
                    print(f"  point lost: {e.name} {p}")
    for t, r in out.get("sweep", {}).items():
        print(
            f"threshold {t}: dismissed credited {r['dismissed_credited']} of {r['dismissed']}, "
            f"precision {r['precision']:.3f}, recall {r['recall']:.3f}, paraphrase recall "
            f"{r['paraphrase_recall']:.3f}, points lost {r['points_lost']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
