"""Run every benchmark and print one table: each figure beside its floor from the same run.

`python bench/run.py` for the full run, `--quick` for a short one, `--json` to print also one
JSON object per figure and line ({"figure", "value", "floor", "ratio", "target"}). Each
bench_*.py module has `main(quick) -> list[row]`; see bench/common.py for the row format. A
benchmark that fails says which and why, and the run exits 1.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

JSON_KEYS = ("figure", "value", "floor", "ratio", "target")
MODULES = [
    "bench_banks",
    "bench_leaderboard",
    "bench_engine",
    "bench_clicks",
    "bench_private",
    "bench_red",
    "bench_essays",
    "bench_shards",  # measures only with PURGEBOT_BENCH_POSTGRES (or PURGEBOT_TEST_POSTGRES) set
]


def fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{text} {unit}".strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, fewer repeats")
    parser.add_argument("--only", nargs="*", help="run only these modules")
    parser.add_argument("--json", action="store_true", help="also one JSON object per figure")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"python {platform.python_version()}, {'quick' if args.quick else 'full'} run"
    )
    rows: list[dict[str, Any]] = []
    failed = 0
    for name in args.only or MODULES:
        if not (HERE / f"{name}.py").exists():
            print(f"{name}: not present", file=sys.stderr)
            continue
        start = time.perf_counter()
        try:
            rows.extend(importlib.import_module(name).main(args.quick))
        except Exception as exc:  # a broken benchmark must not hide the others
            failed += 1
            print(f"{name}: failed: {describe(exc)}", file=sys.stderr)
        print(f"{name}: {time.perf_counter() - start:.1f}s", file=sys.stderr)
    header = f"| {'figure':<52} | {'value':>14} | {'floor':>14} | {'ratio':>7} | {'target':<16} |"
    print(header)
    print("|" + "|".join("-" * (len(c) - 0) for c in header.split("|")[1:-1]) + "|")
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if r.get("ratio") is not None else "—"
        print(
            f"| {r['name']:<52} | {fmt(r['value'], r['unit']):>14} | "
            f"{fmt(r['floor'], r['unit']):>14} | {ratio:>7} | {r['target']:<16} |"
        )
    if args.json:
        for r in rows:
            print(json.dumps({k: r[k] for k in JSON_KEYS}, ensure_ascii=False))
    if failed:
        print(f"{failed} benchmark(s) failed: see above", file=sys.stderr)
    return 1 if failed else 0


def describe(exc: BaseException) -> str:
    """What failed, in a line: the message, or where a message-less error was raised."""
    text = str(exc)
    if not text:
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        text = f"at {Path(frame.filename).name}:{frame.lineno}: {frame.line}"
    return f"{type(exc).__name__}: {text}"


if __name__ == "__main__":
    raise SystemExit(main())
