"""Bank loading: a 10,000-question bank loaded and validated, against a bare C-loader yaml.load."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median_seconds, row
from purgebot.banks.loader import load_bank_text


def make_bank(n: int) -> str:
    """A bank of n questions cycling through every type, as a teacher's file would look."""
    parts = ["bank: big-bank\ntitle: Big\nsources:\n  notes: {title: Class notes}\nquestions:\n"]
    for i in range(n):
        kind = i % 5
        head = (
            f"  - id: q{i}\n    prompt: Question number {i} about the purges?\n"
            f"    explanation: Because the notes say so, number {i}.\n"
            f'    source: {{doc: notes, quote: "words of quote {i}"}}\n    topic: t{i % 7}\n'
            f"    difficulty: medium\n"
        )
        body = [
            "    type: choice\n    choices: [Yagoda, Yezhov, Beria, Kirov]\n    answer: Yezhov\n",
            "    type: true_false\n    answer: yes\n",
            "    type: short\n    answer: Nikolaev\n    accept: [Nikolayev]\n    fuzzy: true\n",
            "    type: numeric\n    answer: 1108\n    tolerance: 5%\n    unit: delegates\n",
            "    type: order\n    items: [Kirov shot, First trial, Second trial, Third trial]\n",
        ][kind]
        parts.append(head + body)
    return "".join(parts)


def main(quick: bool = False) -> list[dict[str, Any]]:
    n = 2_000 if quick else 10_000
    text = make_bank(n)
    repeats = 3 if quick else 7
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    floor = median_seconds(lambda: yaml.load(text, Loader=loader), repeats)
    ours = median_seconds(lambda: load_bank_text(text, max_bytes=64 * 1024 * 1024), repeats)
    assert len(load_bank_text(text, max_bytes=64 * 1024 * 1024).questions) == n
    return [row(f"load+validate {n:,}-question bank", ours * 1000, "ms", floor * 1000, "≤ 1.5×")]


if __name__ == "__main__":
    for r in main("--quick" in sys.argv):
        print(r)
