"""Fuzz the bank loader and every importer: `python bench/fuzz_banks.py --inputs 100000`.

For each format (bank, gift, aiken, red, opentdb, csv) it generates N structure-aware inputs
(bench/fuzz_inputs.py) and reports: how many ended in the target's own error (BankError,
ImportFailed), how many crashed with anything else (must be 0), imports whose bank did not load
back (must be 0), the slowest input (must be under 1 s) and the workers' peak memory. Each input
comes from its own seeded generator, so `--replay FMT:INDEX` rebuilds any one of them to a file.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzz_inputs import FORMATS, make, run

CHUNK = 500


def rng_for(seed: int, fmt: str, index: int) -> random.Random:
    return random.Random(f"{seed}:{fmt}:{index}")


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def chunk(seed: int, fmt: str, start: int, count: int) -> dict[str, Any]:
    """Run inputs start..start+count of one format; what a worker sends back."""
    kinds: Counter[str] = Counter()
    crashes: list[tuple[int, str]] = []
    slowest = (0.0, -1, 0)  # seconds, index, size
    slowest_after = (0.0, -1)
    largest = 0
    jump = (0.0, -1)  # MiB the target's run raised the worker's peak by, and the input
    for index in range(start, start + count):
        data = make(fmt, rng_for(seed, fmt, index))
        before = _rss_mib()
        outcome = run(fmt, data)
        if (grown := _rss_mib() - before) > jump[0]:  # the input that raised the peak most
            jump = (grown, index)
        kinds[outcome.kind] += 1
        largest = max(largest, len(data))
        if outcome.kind in ("crash", "roundtrip") and len(crashes) < 20:
            crashes.append((index, outcome.detail))
        if outcome.seconds > slowest[0]:
            slowest = (outcome.seconds, index, len(data))
        if outcome.after > slowest_after[0]:
            slowest_after = (outcome.after, index)
    return {
        "fmt": fmt,
        "kinds": dict(kinds),
        "crashes": crashes,
        "slowest": slowest,
        "slowest_after": slowest_after,
        "largest": largest,
        "rss_mib": _rss_mib(),
        "jump": jump,
        "pid": os.getpid(),
    }


def line(fmt: str, r: dict[str, Any]) -> str:
    """One format's result."""
    secs, index, size = r["slowest"]
    kinds = r["kinds"]
    return (
        f"{fmt:8} {r['inputs']:>8,} inputs in {r['seconds']:6.0f} s | "
        f"ok {kinds.get('ok', 0):>7,}  refused {kinds.get('refused', 0):>7,}  "
        f"other exceptions {kinds.get('crash', 0)}  bad round trips {kinds.get('roundtrip', 0)} | "
        f"slowest {secs * 1000:.0f} ms (#{index}, {size:,} long)  "
        f"largest {r['largest']:,}  peak RSS {r['rss_mib']:.0f} MiB "
        f"(a run raised it by at most {r['jump'][0]:.0f} MiB, #{r['jump'][1]})"
    )


def fuzz(
    formats: list[str], inputs: int, seed: int, jobs: int, show: bool = True
) -> dict[str, dict[str, Any]]:
    report: dict[str, dict[str, Any]] = {
        fmt: {"inputs": 0, "kinds": Counter(), "crashes": [], "slowest": (0.0, -1, 0),
              "slowest_after": (0.0, -1), "largest": 0, "rss_mib": 0.0, "seconds": 0.0,
              "jump": (0.0, -1)}
        for fmt in formats
    }  # fmt: skip
    started = {fmt: time.perf_counter() for fmt in formats}
    with ProcessPoolExecutor(jobs) as pool:
        futures = [
            pool.submit(chunk, seed, fmt, start, min(CHUNK, inputs - start))
            for fmt in formats
            for start in range(0, inputs, CHUNK)
        ]
        for future in futures:
            part = future.result()
            r = report[part["fmt"]]
            r["inputs"] += sum(part["kinds"].values())
            r["kinds"].update(part["kinds"])
            r["crashes"] += part["crashes"]
            r["slowest"] = max(r["slowest"], tuple(part["slowest"]))
            r["slowest_after"] = max(r["slowest_after"], tuple(part["slowest_after"]))
            r["largest"] = max(r["largest"], part["largest"])
            r["jump"] = max(r["jump"], tuple(part["jump"]))
            r["rss_mib"] = max(r["rss_mib"], part["rss_mib"])
            r["seconds"] = time.perf_counter() - started[part["fmt"]]
            if r["inputs"] % 10_000 == 0:
                print(f"  {part['fmt']}: {r['inputs']:,} inputs", file=sys.stderr, flush=True)
            if (
                show and r["inputs"] == inputs
            ):  # a format done: its line now, in case a later one fails
                print(line(part["fmt"], r), flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=2_000, help="inputs per format")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--replay", metavar="FMT:INDEX", help="write one input to fuzz-FMT-INDEX")
    args = parser.parse_args(argv)
    if args.replay:
        fmt, index = args.replay.split(":")
        data = make(fmt, rng_for(args.seed, fmt, int(index)))
        out = Path(f"fuzz-{fmt}-{index}")
        out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
        print(f"{out}: {len(data):,} {'bytes' if isinstance(data, bytes) else 'characters'}; "
              f"{run(fmt, data)}")  # fmt: skip
        return 0
    formats = args.formats.split(",")
    head = f"fuzzing {', '.join(formats)}: {args.inputs:,} inputs each, seed {args.seed}"
    print(f"{head}, {args.jobs} workers; memory at start {_rss_mib():.0f} MiB", file=sys.stderr)
    report = fuzz(formats, args.inputs, args.seed, args.jobs, show=not args.json)
    bad = 0
    for fmt, r in report.items():
        crashes = r["kinds"].get("crash", 0)
        roundtrips = r["kinds"].get("roundtrip", 0)
        bad += crashes + roundtrips + (r["slowest"][0] >= 1.0)
        r["kinds"] = dict(r["kinds"])
        if args.json:
            continue
        for index, detail in r["crashes"][:5]:
            print(f"    {fmt} #{index}: {detail}")
    if args.json:
        print(json.dumps(report, indent=2))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
