"""`purgebot stats PATH...`: what the banks hold, by type, topic, difficulty and cited source."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

from purgebot.banks.loader import BankError, bank_files, load_bank_file
from purgebot.banks.model import Bank


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="bank files or folders of them")
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
    for f in bank_files(args.paths):
        try:
            rows.append(bank_stats(load_bank_file(f)))
        except BankError as exc:  # on stderr: standard output stays the report (or its JSON)
            failed += 1
            count = exc.count
            print(
                f"{exc.name}: invalid ({count} problem{'s' if count != 1 else ''}; "
                "run `purgebot validate`)",
                file=sys.stderr,
            )
    total = _total(rows)
    if args.json:
        print(json.dumps({"banks": rows, "total": total}, indent=2, ensure_ascii=False))
        return 1 if failed else 0
    for row in [*rows, {"bank": "TOTAL", "title": f"{total['banks']} banks", **total}]:
        print(
            f"{row['bank']}: {row['title']} — {row['questions']} questions, {row['essays']} essays"
        )
        for key in ("by_type", "by_topic", "by_difficulty", "by_source"):
            parts = ", ".join(
                f"{k} {v}" for k, v in sorted(row[key].items(), key=lambda kv: -kv[1])
            )
            print(f"  {key.removeprefix('by_')}: {parts}")
    return 1 if failed else 0
