"""Mentions from the labelled essay sets, for the learned stance model (issue 15, round 7).

Every phrase the detector finds is a mention; the mentions the rules credit, refuse as
dismissed, or refuse as a misconception (so that a change to a prompt's `misconceptions:` list
does not change the data) are kept, each with its key point's label: 1 when the essay's labels
put the point in `dismissed`, 0 when in `points`, None otherwise (scored, never trained on).
The sets are by different authors; `FOLDS` groups them by author for leave-one-author-out.

eval7/ joined in round 8 (a new author's set, run once on main, then development data).
Never reads eval8/ (held out by the lead).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
ESSAYS = ROOT / "tests" / "fixtures" / "essays"
QUESTIONS = ROOT / "questions"
sys.path.insert(0, str(ROOT / "src"))

# One fold per author: eval/ (both halves) is one author, eval4's halves are two.
FOLDS: dict[str, tuple[str, ...]] = {
    "eval": ("eval/dev", "eval/test"),
    "eval2": ("eval2",),
    "eval3": ("eval3",),
    "eval4/dev": ("eval4/dev",),
    "eval4/test": ("eval4/test",),
    "eval5": ("eval5",),
    "eval6": ("eval6",),
    "eval7": ("eval7",),
}
# Hand-written examples (see the file), always trained on, never held out.
EXTRA = Path(__file__).resolve().parent / "stance_extra.yaml"
_KEPT = (None, "dismissed", "misconception")


@dataclass(frozen=True)
class Mention:
    fold: str
    essay: str  # "eval6/001"
    point: str
    label: int | None  # 1 dismissed, 0 a point the essay makes, None unlabelled
    rules: str | None  # the rules' reason (None: credited)
    context: dict[str, list[str]]
    sentence: int = 0  # the sentence the mention is in (`stancemodel.spread`)


@dataclass(frozen=True)
class Essay:
    fold: str
    name: str
    kind: str
    points: frozenset[str]
    dismissed: frozenset[str]


def essays_of(fold: str) -> list[tuple[str, dict[str, Any]]]:
    if fold == "extra":
        items = yaml.safe_load(EXTRA.read_text(encoding="utf-8"))
        return [(f"extra/{n:03d}", {"kind": "extra", **item}) for n, item in enumerate(items, 1)]
    out = []
    for split in FOLDS[fold]:
        for f in sorted((ESSAYS / split).glob("*.yaml")):
            out.append((f"{split}/{f.stem}", yaml.safe_load(f.read_text(encoding="utf-8"))))
    return out


def extract() -> tuple[list[Essay], list[Mention]]:
    """Every labelled essay and every kept mention in it, read with the rules alone."""
    from purgebot.banks.loader import load_bank_dir
    from purgebot.essays import analyse, check_essay
    from purgebot.essays.stancemodel import RULES_ONLY, context

    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    essays: list[Essay] = []
    mentions: list[Mention] = []
    for fold in (*FOLDS, "extra"):
        for name, item in essays_of(fold):
            points = frozenset(item["points"])
            dismissed = frozenset(item.get("dismissed") or ())
            essays.append(Essay(fold, name, item["kind"], points, dismissed))
            fb = check_essay(prompts[item["prompt"]], item["text"], stance=RULES_ONLY)
            essay = analyse(item["text"])
            named = {
                p.id: frozenset(i for m in (*p.matches, *p.refused) for i in m.tokens)
                for p in (*fb.covered, *fb.missed)
            }
            everywhere = frozenset().union(*named.values())
            for p in (*fb.covered, *fb.missed):
                label = 1 if p.id in dismissed else 0 if p.id in points else None
                for m in (*p.matches, *p.refused):
                    if m.reason in _KEPT:
                        ctx = context(essay, m.tokens, named[p.id], everywhere - named[p.id])
                        sentence = essay.tokens[m.tokens[0]].sentence
                        mentions.append(Mention(fold, name, p.id, label, m.reason, ctx, sentence))
    return essays, mentions


def topic_words() -> frozenset[str]:
    """Every content word of the banks' essay prompts, key points and phrases, but the stance
    words: the model must not learn which topics get dismissed."""
    from purgebot.banks.loader import load_bank_dir
    from purgebot.essays.stancemodel import STANCE_WORDS
    from purgebot.essays.text import analyse

    texts: list[str] = []
    for bank in load_bank_dir(QUESTIONS):
        for e in bank.essays:
            texts.append(e.prompt)
            for kp in e.key_points:
                texts += [kp.point, *kp.phrases]
    out = {t.norm for text in texts for t in analyse(text).tokens if t.content}
    return frozenset(out - STANCE_WORDS)


def vocabulary(
    mentions: list[Mention], topic: frozenset[str], min_folds: int = 2
) -> frozenset[str]:
    """Words of the training mentions' contexts that at least `min_folds` authors use, but topic
    words and numbers; the stance families' words are always in."""
    from purgebot.essays.stancemodel import STANCE_WORDS

    folds: dict[str, set[str]] = {}
    for m in mentions:
        for norms in m.context.values():
            for w in norms:
                folds.setdefault(w, set()).add(m.fold)
    kept = {
        w
        for w, fs in folds.items()
        if len(fs) >= min_folds and w not in topic and not any(c.isdigit() for c in w)
    }
    return frozenset(kept | STANCE_WORDS)
