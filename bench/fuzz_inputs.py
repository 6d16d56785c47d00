"""Structure-aware fuzz inputs for the bank loader and every importer, and one run of each.

Inputs start from real files (the built-in banks, the docs' example, the import fixtures) and are
mutated the ways teachers, spreadsheets and attackers do: values of the wrong type, figures too
large for int() or float(), odd Unicode, deep nesting, repeated questions, unknown and duplicate
keys, YAML's pitfalls (tabs, ": ", " #"), CR-only line endings, NUL bytes and broken UTF-8, cut
files. `make(fmt, rng)` gives one input; `run(fmt, data)` feeds it to its target and says how it
ended. Shared by bench/fuzz_banks.py (long runs) and tests/unit/test_bank_fuzz.py (a short one).
"""

from __future__ import annotations

import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from purgebot.banks.importers import ImportFailed, decode_bytes, detect_format, import_text
from purgebot.banks.loader import BankError, load_bank_text

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "import"
FORMATS = ("bank", "gift", "aiken", "red", "opentdb", "csv")
MAX_BYTES = 1024 * 1024

# Values a cell, an answer or a key may take instead of what belongs there.
BIG = "§BIG§"  # replaced, after dumping, by a figure of thousands of digits
DEEP = "§DEEP§"  # replaced by deeply nested brackets
ODD_TEXT = [
    "²", "①", "١٢٣", "Ⅻ", "½", "\u200b", "\u202e", "\ufeff", "\u0301", "é", "ß", "İ", "🎉",
    "\u2028", "\x85", "\t", "yes", "No", "on", "~", "null", ".inf", "-.nan", "0x1F", "0o17",
    "1_000", "1,108", "1e400", "-0", "+5", "3.1415", "", " ", "'", '"', "\\", "#", " # c", ": x",
    "{", "}", "[", "]", "*a", "&a", "!!str", "%", "@", "`", "- x", "|", ">", "=", "~x", "->",
    "T", "F", "ANSWER: A", "A. ", "$CATEGORY: x", "::t::", "AUTHOR", "CONFIG", "$schema",
    "DESCRIPTION", "&amp;", "&#0;", "<p>", "%41", "bXVsdGlwbGU=", "a" * 300, "x " * 600,
]  # fmt: skip
FIGURES = [0, 1, -1, 5, 300, 301, 10**20, 2**63, 10**308]
BIG_DIGITS = [20, 309, 400, 4_300, 4_301, 5_000, 20_000]


@dataclass(frozen=True, slots=True)
class Outcome:
    kind: str  # "ok", "refused" (the target's own error), "crash", "roundtrip"
    detail: str  # the exception type and message for a crash
    seconds: float  # the target call alone
    after: float = 0.0  # an import's round trip through the loader


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _seeds() -> dict[str, list[str]]:
    banks = [_read(p) for p in sorted((ROOT / "questions").glob("*.yaml"))]
    doc = _read(ROOT / "docs" / "question-format.md")
    banks += [b for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "questions:" in b]
    return {
        "bank": banks,
        "gift": [_read(FIXTURES / "purges.gift")],
        "aiken": [_read(FIXTURES / "trials.txt")],
        "red": [_read(FIXTURES / "trivia.yaml")],
        "opentdb": [_read(FIXTURES / "opentdb.json")],
        "csv": [_read(FIXTURES / "plain.csv"), _read(FIXTURES / "kahoot.csv")],
    }


SEEDS = _seeds()
TREES: dict[str, list[Any]] = {
    "bank": [yaml.safe_load(t) for t in SEEDS["bank"]],
    "red": [yaml.safe_load(t) for t in SEEDS["red"]],
    "opentdb": [json.loads(t) for t in SEEDS["opentdb"]],
}


# --- tree mutations (YAML and JSON formats) ------------------------------------------------------


def _odd_value(rng: random.Random) -> Any:
    pick = rng.random()
    if pick < 0.35:
        return rng.choice(ODD_TEXT)
    if pick < 0.5:
        return rng.choice(FIGURES) * rng.choice([1, -1])
    if pick < 0.6:
        return BIG
    if pick < 0.65:
        return DEEP
    if pick < 0.75:
        return [rng.choice(ODD_TEXT) for _ in range(rng.randint(0, 9))]
    if pick < 0.85:
        return {rng.choice(ODD_TEXT) or "k": rng.choice(ODD_TEXT) for _ in range(rng.randint(0, 4))}
    if pick < 0.9:
        return None
    return rng.random() < 0.5


def _nodes(tree: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(tree, dict):
        for key, value in tree.items():
            found += _nodes(value, (*path, key))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            found += _nodes(value, (*path, i))
    return found


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def _set(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(tree, path[:-1])[path[-1]] = value
    return tree


def _questions(tree: Any) -> list[Any] | None:
    if isinstance(tree, dict):
        for key in ("questions", "results"):
            if isinstance(tree.get(key), list) and tree[key]:
                return list(tree[key])
    if isinstance(tree, list) and tree:
        return tree
    return None


def mutate_tree(tree: Any, rng: random.Random) -> Any:
    """One structural change: a value replaced, a key added or removed, entries repeated."""
    choice = rng.random()
    paths = _nodes(tree)
    path = rng.choice(paths)
    target = _get(tree, path)
    if choice < 0.45:
        return _set(tree, path, _odd_value(rng))
    if choice < 0.6 and isinstance(target, dict):
        if target and rng.random() < 0.5:
            del target[rng.choice(list(target))]
        else:
            for _ in range(rng.choice([1, 1, 1, 3, 3, 50]) if rng.random() > 0.02 else 5_000):
                target[f"{rng.choice(ODD_TEXT)}{rng.randrange(10**6)}"] = _odd_value(rng)
        return tree
    if choice < 0.8 and (items := _questions(tree)) is not None:
        picked = [rng.choice(items) for _ in range(rng.randint(1, 3))]
        size = len(json.dumps(picked, default=str)) + 1
        many = rng.random() < 0.03  # a file of thousands of repeats: rare, it is slow to make
        repeats = min(
            rng.choice([1_000, 8_000] if many else [2, 10, 100]), 2 * MAX_BYTES // size + 1
        )
        more = picked * repeats
        if isinstance(tree, dict):
            key = "questions" if "questions" in tree else "results"
            tree[key] = list(tree[key]) + more
            return tree
        return tree + more
    if isinstance(target, list) and target:
        target.append(rng.choice(target))
        return tree
    return _set(tree, path, _odd_value(rng))


def _dump_yaml(tree: Any, rng: random.Random) -> str:
    return yaml.dump(
        tree,
        Dumper=_Dumper,
        allow_unicode=rng.random() < 0.7,
        default_flow_style=rng.choice([False, None, True]),
        sort_keys=False,
        width=rng.choice([60, 10**6]),
    )


def _dump_json(tree: Any, rng: random.Random) -> str:
    return json.dumps(tree, ensure_ascii=rng.random() < 0.3, indent=rng.choice([None, 2]))


def _fill(text: str, rng: random.Random) -> str:
    """Put the huge figures and deep nesting in; in JSON a figure replaces its quotes too."""
    text = text.replace(f'"{BIG}"', BIG)
    if count := text.count(BIG):
        digits = min(rng.choice(BIG_DIGITS), max(20, MAX_BYTES // count))
        text = text.replace(BIG, "9" * digits)
    if count := text.count(DEEP):
        depth = min(rng.choice([10, 40, 1_100, 5_000]), max(10, MAX_BYTES // (2 * count)))
        text = text.replace(f'"{DEEP}"', DEEP).replace(DEEP, "[" * depth + "]" * depth)
    return text


# --- text mutations (every format) ---------------------------------------------------------------

TOKENS = {
    "bank": ["\t", ": ", " #", " # comment", "&a ", "*a", "!!python/object:os.system ", "---\n",
             "- ", "  ", "{", "}", "[", "]", "'", '"', "? ", "|", ">", "%YAML 1.1\n"],
    "gift": ["{", "}", "=", "~", "#", "####", "::", "\\", "%50%", "%-100%", "->", "{T}", "{#",
             "..", ":", "$CATEGORY: a/b", "[markdown]", "[html]<b>", "//", "\n\n", "{#1e400}"],
    "aiken": ["A. ", "B) ", "ANSWER: ", "ANSWER: A", "ANSWER: Z", "\n\n", "ANSWER: A, B"],
    "red": ["AUTHOR: x\n", "CONFIG:\n  delay: ", "$schema: x\n", "DESCRIPTION: d\n", "- ", ":",
            "\n", "  ", "&a ", "*a", "? "],
    "opentdb": ["{", "}", "[", "]", ",", ":", '"', "\\u0000", "\\ud800", "null", "1e999", "-"],
    "csv": [",", ";", "\t", '"', "\n", "\r\n", '""', "answer", "correct", "question", "1,2"],
}  # fmt: skip


def mutate_text(text: str, fmt: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True) or [""]
    choice = rng.random()
    i = rng.randrange(len(lines))
    if choice < 0.25:
        at = rng.randrange(len(lines[i]) + 1)
        token = rng.choice(TOKENS[fmt] + ODD_TEXT)
        lines[i] = lines[i][:at] + token + lines[i][at:]
    elif choice < 0.35:
        del lines[i]
    elif choice < 0.5:
        j = min(len(lines), i + rng.randint(1, 8))
        block = lines[i:j]
        times = rng.choice([1, 2, 50]) if rng.random() > 0.03 else 2_000
        times = min(times, 2 * MAX_BYTES // (sum(map(len, block)) + 1) + 1)  # a one-line JSON
        lines[j:j] = block * times
    elif choice < 0.6:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif choice < 0.7:
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + "9" * rng.choice(BIG_DIGITS) + lines[i][at:]
    elif choice < 0.8:
        return text[: rng.randrange(len(text) + 1)]
    elif choice < 0.9:
        return "".join(lines).replace("\n", rng.choice(["\r", "\r\n", "\n\n", "\u2028"]))
    else:
        at = rng.randrange(len(text) + 1)
        return text[:at] + "".join(rng.choice(ODD_TEXT) for _ in range(3)) + text[at:]
    return "".join(lines)


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    junk = rng.choice(
        [b"\x00", b"\xff", b"\xc3", b"\xe9", b"\xed\xa0\x80", b"\xff\xfe", b"PK\x03\x04"]
    )
    if rng.random() < 0.2:
        return junk + data
    return data[:at] + junk + data[at:]


# --- generation and running ----------------------------------------------------------------------


def make(fmt: str, rng: random.Random, max_bytes: int = MAX_BYTES) -> bytes | str:
    """One fuzz input for `fmt`: mutated structure, then text, sometimes bytes."""
    seed = rng.choice(SEEDS[fmt])
    if fmt in TREES and rng.random() < 0.6:
        tree = json.loads(json.dumps(rng.choice(TREES[fmt]), default=str))
        for _ in range(rng.choice([1, 1, 2, 3, 5])):
            tree = mutate_tree(tree, rng)
        text = _dump_json(tree, rng) if fmt == "opentdb" else _dump_yaml(tree, rng)
        text = _fill(text, rng)
    else:
        text = seed
    for _ in range(rng.choice([0, 1, 1, 2, 4])):
        text = mutate_text(text, fmt, rng)
    data: bytes | str = text
    if rng.random() < 0.1:
        data = mutate_bytes(text.encode("utf-8", "surrogatepass"), rng)
    elif rng.random() < 0.02:
        data = text + "\ud800"  # a lone surrogate, as a forged str could hold
    if len(data) > max_bytes:
        data = data[:max_bytes]
    return data


def _crash(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {str(exc)[:200]}"


def run(fmt: str, data: bytes | str) -> Outcome:
    """Feed one input to its target: the loader for "bank", else decode, detect and import."""
    if fmt == "bank":
        start = time.perf_counter()
        try:
            load_bank_text(data, "fuzz.yaml")
            kind, detail = "ok", ""
        except BankError:
            kind, detail = "refused", ""
        except Exception as exc:
            kind, detail = "crash", _crash(exc)
        return Outcome(kind, detail, time.perf_counter() - start)
    start = time.perf_counter()
    try:
        text = decode_bytes(data) if isinstance(data, bytes) else data
    except ImportFailed:
        return Outcome("refused", "", time.perf_counter() - start)
    except Exception as exc:
        return Outcome("crash", "decode " + _crash(exc), time.perf_counter() - start)
    try:
        detect_format("upload", text)
    except ImportFailed:
        pass
    except Exception as exc:
        return Outcome("crash", "detect " + _crash(exc), time.perf_counter() - start)
    try:
        result = import_text(text, fmt, bank_id="fuzz")
    except ImportFailed:
        return Outcome("refused", "", time.perf_counter() - start)
    except Exception as exc:
        return Outcome("crash", _crash(exc), time.perf_counter() - start)
    took = time.perf_counter() - start
    start = time.perf_counter()
    try:
        load_bank_text(result.yaml_text, "imported.yaml")
    except BankError as exc:
        too_big = len(result.yaml_text.encode("utf-8")) > MAX_BYTES  # warned about at import
        if not too_big:
            return Outcome("roundtrip", str(exc)[:300], took, time.perf_counter() - start)
    except Exception as exc:
        return Outcome("crash", "roundtrip " + _crash(exc), took, time.perf_counter() - start)
    return Outcome("ok", "", took, time.perf_counter() - start)
