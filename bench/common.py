"""Shared helpers for benchmarks: medians over repeats, one row format for the table and the
JSON lines, and a plain failure when a benchmark's own check does not hold."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from typing import Any


class BenchFailed(Exception):
    """A benchmark could not measure what it says (its own check failed); the message says what."""


def check(holds: bool, what: str) -> None:
    """`assert` for benchmarks: a plain message, and it runs under `python -O` too."""
    if not holds:
        raise BenchFailed(what)


def median_seconds(fn: Callable[[], Any], repeats: int) -> float:
    """Median wall time of `repeats` calls; the machine is shared, so never trust one run."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")


def row(
    name: str,
    value: float,
    unit: str,
    floor: float | None,
    target: str,
    *,
    figure: str | None = None,
) -> dict[str, Any]:
    """One figure. `figure` is its stable machine name in `run.py --json` (the issue's figures:
    clicks.stored_ratio, close.p99_ms, …); rows without one get a name made from the text."""
    ratio = value / floor if floor else None
    return {
        "figure": figure or slug(name),
        "name": name,
        "value": value,
        "unit": unit,
        "floor": floor,
        "ratio": ratio,
        "target": target,
    }
