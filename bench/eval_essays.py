"""Essay feedback against the labelled evaluation set (tests/fixtures/essays/eval/).

`python bench/eval_essays.py dev` (the half tuned on) or `... test` (the untouched half; run it
only once the detector and the phrase lists are frozen); `... eval2` or `... eval3` reads the
held-out sets written by other authors, tests/fixtures/essays/eval2/ and eval3/ (beside eval/);
`... eval4/dev` and `... eval4/test` read the two halves of the fourth set, eval4/dev/ and
eval4/test/ (the test half is run once, by the lead, on the final detector).
Prints precision and recall over every (essay, key point) pair, overall and per kind, and the
figures issue 15 asks for: dismissed mentions credited, off-topic flags, factual errors flagged,
and whether a hard-wrapped copy of each essay scores the same as the unwrapped text. `--json`
prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "tests" / "fixtures" / "essays" / "eval"
QUESTIONS = ROOT / "questions"
# Held-out sets by other authors: directories beside eval/ rather than halves inside it; a set
# with halves of its own is named with its half ("eval4/dev").
SETS = ("eval2", "eval3", "eval4/dev", "eval4/test", "eval5", "eval6", "eval7", "eval8")
KINDS = ("strong", "paraphrase", "weak", "dismissed", "misconception", "offtopic")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    essays: int = 0
    overall: Tally = field(default_factory=Tally)
    kinds: dict[str, Tally] = field(default_factory=dict)
    dismissed_labelled: int = 0
    dismissed_credited: list[str] = field(default_factory=list)
    offtopic: int = 0
    offtopic_flagged: int = 0
    false_offtopic: list[str] = field(default_factory=list)
    errors: int = 0
    errors_flagged: int = 0
    errors_by_record: int = 0  # flagged by the period's fact table alone (no prompt's lists)
    false_by_record: int = 0
    false_flags: list[str] = field(default_factory=list)
    wrap_differs: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, Any]:
        return {
            "essays": self.essays,
            "precision": round(self.overall.precision, 3),
            "recall": round(self.overall.recall, 3),
            "per_kind": {
                k: {"precision": round(t.precision, 3), "recall": round(t.recall, 3)}
                for k, t in self.kinds.items()
            },
            "paraphrase_recall": round(self.kinds.get("paraphrase", Tally()).recall, 3),
            "dismissed_credited": len(self.dismissed_credited),
            "dismissed_labelled": self.dismissed_labelled,
            "offtopic_flagged": self.offtopic_flagged,
            "offtopic": self.offtopic,
            "false_offtopic_flags": len(self.false_offtopic),
            "errors_flagged": self.errors_flagged,
            "errors": self.errors,
            "false_error_flags_on_sound_essays": len(self.false_flags),
            "errors_flagged_by_record_alone": self.errors_by_record,
            "false_flags_by_record_alone": self.false_by_record,
            "wrapped_differs": len(self.wrap_differs),
        }


# A line that opens a list item ("- ", "* ", "• ", "1. ", "2) ") starts a new line of its own.
_ITEM = re.compile(r"\n(?=[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+)")


def unwrap(text: str) -> str:
    """Every single newline inside a paragraph or a list item becomes a space; blank lines and
    the start of each list item stay (a bullet list is not one run-on sentence)."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(
        "\n".join(" ".join(item.split()) for item in _ITEM.split(p)) for p in paragraphs
    )


def rewrap(text: str, width: int = 68) -> str:
    """The unwrapped text hard-wrapped again at `width`, each list item on its own lines."""
    return "\n\n".join(
        "\n".join(textwrap.fill(item, width) for item in p.split("\n"))
        for p in unwrap(text).split("\n\n")
    )


def split_dir(split: str) -> Path:
    """dev/test are halves of eval/; eval2, eval3 and eval4/dev, eval4/test are beside it."""
    return EVAL.parent / split if split in SETS else EVAL / split


def load(split: str) -> list[tuple[str, dict[str, Any]]]:
    folder = split_dir(split)
    if not folder.is_dir():
        raise SystemExit(f"no essay set at {folder}")
    return [
        (f.stem, yaml.safe_load(f.read_text(encoding="utf-8")))
        for f in sorted(folder.glob("*.yaml"))
    ]


def _same(sentence: str, labelled: str) -> bool:
    a, b = " ".join(sentence.split()).strip("…"), " ".join(labelled.split())
    return bool(a) and (a in b or b in a)


def evaluate(split: str) -> Report:
    sys.path.insert(0, str(ROOT / "src"))
    from purgebot.banks.loader import load_bank_dir
    from purgebot.essays import analyse, check_essay
    from purgebot.essays.facts import find_fact_errors
    from purgebot.essays.stance import dismissed_tokens

    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}
    report = Report()
    for name, item in load(split):
        kind = item["kind"]
        prompt = prompts[item["prompt"]]
        fb = check_essay(prompt, item["text"])
        got = {p.id for p in fb.covered}
        want = set(item["points"])
        tally = report.kinds.setdefault(kind, Tally())
        for t in (tally, report.overall):
            t.tp += len(got & want)
            t.fp += len(got - want)
            t.fn += len(want - got)
        report.essays += 1
        report.misses += [f"{name} {kind} missed {p}" for p in sorted(want - got)]
        report.extras += [f"{name} {kind} extra {p}" for p in sorted(got - want)]
        dismissed = set(item.get("dismissed") or ())
        report.dismissed_labelled += len(dismissed)
        report.dismissed_credited += [f"{name} {p}" for p in sorted(dismissed & got)]
        off = bool(getattr(fb, "off_topic", False))
        if item.get("off_topic"):
            report.offtopic += 1
            report.offtopic_flagged += off
        elif off:
            report.false_offtopic.append(name)
        found = list(getattr(fb, "misconceptions", ()))
        essay = analyse(item["text"])
        record = find_fact_errors(essay, dismissed_tokens(essay))
        errors = item.get("errors") or []
        if errors:
            for err in errors:
                report.errors += 1
                report.errors_flagged += any(_same(m.sentence, err["sentence"]) for m in found)
                report.errors_by_record += any(_same(m.sentence, err["sentence"]) for m in record)
        else:
            report.false_flags += [f"{name} {m.claim!r}" for m in found]
            report.false_by_record += len(record)
        plain = check_essay(prompt, unwrap(item["text"]))
        wrapped = check_essay(prompt, rewrap(item["text"]))

        def key(f: Any) -> tuple[frozenset[str], bool, int]:
            covered = frozenset(p.id for p in f.covered)
            return (
                covered,
                bool(getattr(f, "off_topic", False)),
                len(getattr(f, "misconceptions", ())),
            )

        if len({key(plain), key(wrapped), key(fb)}) > 1:
            report.wrap_differs.append(name)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("split", choices=("dev", "test", *SETS))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each miss and extra")
    args = parser.parse_args()
    report = evaluate(args.split)
    figures = report.figures()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{args.split}: {report.essays} essays")
    print(f"precision {figures['precision']:.2f}, recall {figures['recall']:.2f}")
    for kind in KINDS:
        t = report.kinds.get(kind)
        if t:
            print(f"  {kind:<14} precision {t.precision:.2f} recall {t.recall:.2f}")
    r = report
    print(f"dismissed mentions credited: {len(r.dismissed_credited)} of {r.dismissed_labelled}")
    print(f"off-topic flagged: {r.offtopic_flagged} of {r.offtopic}; false flags: "
          f"{len(r.false_offtopic)}")  # fmt: skip
    print(f"factual errors flagged: {r.errors_flagged} of {r.errors}; false flags on sound "
          f"essays: {len(r.false_flags)}")  # fmt: skip
    print(f"  by the period's fact table alone: {r.errors_by_record} of {r.errors}; false flags "
          f"on sound essays: {r.false_by_record}")  # fmt: skip
    print(f"hard-wrapped differs from unwrapped: {len(r.wrap_differs)}")
    if args.verbose:
        for what in (r.dismissed_credited, r.false_offtopic, r.false_flags, r.wrap_differs):
            if what:
                print("  ", what)
    if args.verbose:
        print("\n".join(report.misses + report.extras))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
