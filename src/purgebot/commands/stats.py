"""`purgebot stats [PATH...]`: what the banks hold, by type, topic, difficulty and cited source,
and the ids of their essay prompts (what `essay-feedback --prompt` and `/essay drill` take)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from purgebot.banks.loader import BankError, bank_files, load_bank_file
from purgebot.banks.model import Bank
from purgebot.commands.terminal import plural
from purgebot.config import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="bank files or folders of them (default: PURGEBOT_BANKS, else the built-in banks)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for machine reading")


def bank_stats(bank: Bank) -> dict[str, Any]:
    return {
        "bank": bank.id,
        "title": bank.title,
        "questions": len(bank.questions),
        "essays": len(bank.essays),
        "by_type": dict(Counter(q.type for q in bank.questions)),
        "by_topic": dict(Counter(bank.topic_of(q) or "(none)" for q in bank.questions)),
        "by_difficulty": dict(
            Counter(str(bank.difficulty_of(q) or "(none)") for q in bank.questions)
        ),
        "by_source": dict(Counter(q.source.doc if q.source else "(none)" for q in bank.questions)),
        "essay_prompts": [{"id": e.id, "prompt": e.prompt} for e in bank.essays],
    }


def _total(rows: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = {"banks": len(rows), "questions": 0, "essays": 0}
    for key in ("by_type", "by_topic", "by_difficulty", "by_source"):
        counter: Counter[str] = Counter()
        for row in rows:
            counter.update(row[key])
        total[key] = dict(sorted(counter.items()))
    total["questions"] = sum(r["questions"] for r in rows)
    total["essays"] = sum(r["essays"] for r in rows)
    return total


def run(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    failed = 0
    for f in bank_files(args.paths or [Settings.from_env().banks_dir]):
        try:
            rows.append(bank_stats(load_bank_file(f)))
        except BankError as exc:  # on stderr: standard output stays the report (or its JSON)
            failed += 1
            count = plural(exc.count, "problem")
            print(f"{exc.name}: invalid ({count}; run `purgebot validate`)", file=sys.stderr)
    total = _total(rows)
    if args.json:
        print(json.dumps({"banks": rows, "total": total}, indent=2, ensure_ascii=False))
        return 1 if failed else 0
    for row in [*rows, {"bank": "TOTAL", "title": plural(total["banks"], "bank"), **total}]:
        counts = f"{plural(row['questions'], 'question')}, {plural(row['essays'], 'essay')}"
        print(f"{row['bank']}: {row['title']} — {counts}")
        for key in ("by_type", "by_topic", "by_difficulty", "by_source"):
            parts = ", ".join(
                f"{k} {v}" for k, v in sorted(row[key].items(), key=lambda kv: -kv[1])
            )
            print(f"  {key.removeprefix('by_')}: {parts}")
        if row.get("essay_prompts"):
            print("  essay prompts (ids for essay-feedback --prompt):")
            for essay in row["essay_prompts"]:
                print(f"    {essay['id']}: {essay['prompt']}")
    return 1 if failed else 0
