"""Typed reads of YAML nodes: each returns a value or records a located problem and returns None.

The reader keeps every scalar as the text the teacher typed; here a key's expected type decides
what it means, so `answer: yes` is the text "yes" for a short answer and True for a true/false one.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Collection
from typing import TypeVar

from purgebot.banks import numbers
from purgebot.banks.limits import GROUPED_PATTERN, ID_PATTERN, SLUG_PATTERN, Count, Text
from purgebot.banks.yamlread import Map, Node, Problem, Scalar, Seq

T = TypeVar("T")

SLUG = SLUG_PATTERN
GROUPED = GROUPED_PATTERN
ID = ID_PATTERN
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
_KINDS = {Scalar: "a single value", Seq: "a list", Map: "a mapping of keys"}


MAX_LISTED = 1000  # problems listed for one file; the rest are counted


class Ctx:
    """Collects problems for one file; every read names the key path and the node's position.

    Past `limit` problems only a count is kept: a 1 MiB file can hold 100,000 mistakes, and a
    teacher fixes the first ones and checks again rather than reads an 11 MB list.
    """

    def __init__(self, limit: int = MAX_LISTED) -> None:
        self.problems: list[Problem] = []
        self.limit = limit
        self.more = 0  # problems found past the limit, counted but not listed

    @property
    def full(self) -> bool:
        return len(self.problems) >= self.limit

    @property
    def count(self) -> int:
        return len(self.problems) + self.more

    def add(self, problem: Problem) -> None:
        if self.full:
            self.more += 1
        else:
            self.problems.append(problem)

    def error(self, node: Node | Scalar, path: str, message: str) -> None:
        if self.full:
            self.more += 1
        else:
            self.problems.append(Problem(node.line, node.col, message, path))

    def mapping(
        self, node: Node, path: str, allowed: Collection[str], required: Collection[str]
    ) -> Map | None:
        if not isinstance(node, Map):
            self.error(node, path, f"expected a mapping of keys, found {_KINDS[type(node)]}")
            return None
        for key, (key_node, _) in node.items.items():
            if key not in allowed:
                if self.full:  # counted only: no need to look for a close match
                    self.more += 1
                    continue
                hint = _did_you_mean(key, allowed)
                given = node.items[key][1]
                if (
                    node.flow
                    and isinstance(given, Scalar)
                    and given.is_null()
                    and not hint.startswith(" (did you mean")
                ):
                    hint = (  # `{quote: Paris, capital of France}`: the comma cut the text
                        "; inside { } a comma ends a value: if this belongs to the text before "
                        "it, put that whole text in quotes"
                    )
                self.error(key_node, path, f"unknown key {key!r}{hint}")
        for key in required:
            value = node.items.get(key)
            if value is None or (isinstance(value[1], Scalar) and value[1].is_null()):
                self.error(node, path, f"missing required key {key!r}")
        return node

    def seq(self, node: Node, path: str, lo: int, hi: int, what: str) -> list[Node] | None:
        if not isinstance(node, Seq):
            self.error(node, path, f"expected a list of {what}, found {_KINDS[type(node)]}")
            return None
        n = len(node.items)
        if n < lo:
            self.error(
                node,
                path,
                f"needs at least {lo} {what}, found {n}" if n else f"the list of {what} is empty",
            )
        elif n > hi:
            self.error(node, path, f"at most {hi} {what} allowed, found {n}")
        return node.items

    def scalar(self, node: Node, path: str, what: str) -> Scalar | None:
        if not isinstance(node, Scalar):
            self.error(node, path, f"expected {what}, found {_KINDS[type(node)]}")
            return None
        return node

    def text(
        self,
        node: Node,
        path: str,
        limit: Text,
        *,
        pattern_hint: str = "",
    ) -> str | None:
        """Text within `limit` (from the table in limits.py); `pattern_hint` names what its
        pattern stands for."""
        max_len, pattern = limit.max, limit.pattern
        s = self.scalar(node, path, "text")
        if s is None:
            return None
        value = s.value.strip()
        if not value:
            self.error(s, path, "must not be empty")
            return None
        if len(value) > max_len:
            self.error(s, path, f"is {len(value)} characters long; at most {max_len} allowed")
            return None
        if pattern is not None and not pattern.match(value):
            self.error(s, path, f"{value!r} is not a valid {pattern_hint}")
            return None
        return value

    def boolean(self, node: Node, path: str) -> bool | None:
        s = self.scalar(node, path, "true or false")
        if s is None:
            return None
        word = s.value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        self.error(s, path, f"expected true or false, found {s.value!r}")
        return None

    def number(
        self,
        node: Node,
        path: str,
        *,
        integer: bool = False,
        lo: float | None = None,
        hi: float | None = None,
    ) -> float | None:
        kind = "a whole number" if integer else "a number"
        s = self.scalar(node, path, kind)
        if s is None:
            return None
        raw = s.value.strip()
        plain = raw.replace(",", "") if GROUPED.match(raw) else raw
        value = numbers.whole(plain) if integer else numbers.decimal(plain)
        if value is None:
            self.error(s, path, f"expected {kind}, found {numbers.shown(raw)!r}")
            return None
        if not math.isfinite(value) and (lo is None or hi is None):  # else: out of bounds
            self.error(s, path, f"{numbers.shown(raw)} is too large a number")
            return None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            bounds = (
                f"{lo:g} to {hi:g}" if lo is not None and hi is not None else f"at least {lo:g}"
            )
            self.error(s, path, f"must be {bounds}, found {numbers.shown(raw)}")
            return None
        return value

    def choice_of(self, node: Node, path: str, options: Collection[str]) -> str | None:
        s = self.scalar(node, path, "one of " + ", ".join(options))
        if s is None:
            return None
        if s.value not in options:
            self.error(s, path, f"expected one of {', '.join(options)}; found {s.value!r}")
            return None
        return s.value

    def text_list(
        self,
        node: Node,
        path: str,
        count: Count,
        each: Text,
        what: str,
        *,
        unique: bool = True,
    ) -> tuple[str, ...] | None:
        items = self.seq(node, path, count.lo, count.hi, what)
        if items is None:
            return None
        out: list[str] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value = self.text(item, f"{path}[{i}]", each)
            if value is None:
                continue
            if unique and value.casefold() in seen:
                self.error(
                    item,
                    f"{path}[{i}]",
                    f"{value!r} appears twice in {what} (also at line {seen[value.casefold()]})",
                )
                continue
            seen[value.casefold()] = item.line
            out.append(value)
        return tuple(out)


def get(m: Map, key: str) -> Node | None:
    """The value under key, or None when it is absent or written as null."""
    entry = m.items.get(key)
    if entry is None:
        return None
    value = entry[1]
    if isinstance(value, Scalar) and value.is_null():
        return None
    return value


def opt(m: Map, key: str, path: str, read: Callable[[Node, str], T | None]) -> T | None:
    node = get(m, key)
    return None if node is None else read(node, f"{path}.{key}" if path else key)


def _did_you_mean(key: str, allowed: Collection[str]) -> str:
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f"; allowed here: {', '.join(sorted(allowed))}"
