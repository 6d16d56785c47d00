"""Build one question of each type from its located YAML mapping."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from purgebot.banks import limits as L
from purgebot.banks import model as m
from purgebot.banks import numbers
from purgebot.banks.fields import Ctx, get, opt
from purgebot.banks.parts import (
    COMMON_KEYS,
    DIFFICULTIES,
    QUESTION_TYPES,
    TYPE_KEYS,
    TYPE_REQUIRED,
    source_ref,
)
from purgebot.banks.yamlread import Map, Node, Seq


def build_question(
    ctx: Ctx, node: Node, path: str, sources: dict[str, m.SourceInfo] | None
) -> m.AnyQuestion | None:
    if not isinstance(node, Map):
        ctx.error(node, path, "expected a question (a mapping with id, type, prompt, ...)")
        return None
    qtype = opt(node, "type", path, lambda n, p: ctx.choice_of(n, p, QUESTION_TYPES))
    allowed = COMMON_KEYS + (
        TYPE_KEYS[qtype] if qtype else tuple(k for v in TYPE_KEYS.values() for k in v)
    )
    required = ("id", "type", "prompt") + (TYPE_REQUIRED[qtype] if qtype else ())
    q = ctx.mapping(node, path, allowed, required)
    if q is None or qtype is None:
        return None
    before = ctx.count
    common: dict[str, Any] = {
        "id": opt(
            q,
            "id",
            path,
            lambda n, p: ctx.text(n, p, L.ID, pattern_hint="question id (letters, digits, - _ .)"),
        ),
        "prompt": opt(q, "prompt", path, lambda n, p: ctx.text(n, p, L.PROMPT)),
        "explanation": opt(q, "explanation", path, lambda n, p: ctx.text(n, p, L.EXPLANATION)),
        "source": opt(q, "source", path, lambda n, p: source_ref(ctx, n, p, sources)),
        "topic": opt(q, "topic", path, lambda n, p: ctx.text(n, p, L.TOPIC)),
        "difficulty": opt(q, "difficulty", path, lambda n, p: ctx.choice_of(n, p, DIFFICULTIES)),
        "seconds": opt(
            q,
            "seconds",
            path,
            lambda n, p: ctx.number(n, p, integer=True, lo=L.SECONDS.lo, hi=L.SECONDS.hi),
        ),
        "tags": opt(q, "tags", path, lambda n, p: ctx.text_list(n, p, L.TAGS, L.TAG, "tags")) or (),
        "note": opt(q, "note", path, lambda n, p: ctx.text(n, p, L.NOTE)),
        "line": node.line,
    }
    if common["difficulty"] is not None:
        common["difficulty"] = m.Difficulty(common["difficulty"])
    if common["seconds"] is not None:
        common["seconds"] = int(common["seconds"])
    specific = _SPECIFIC[qtype](ctx, q, path)
    if specific is None or ctx.count > before or common["id"] is None or common["prompt"] is None:
        return None
    return specific(**common)


def _choice(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    choices = opt(
        q,
        "choices",
        path,
        lambda n, p: ctx.text_list(n, p, L.CHOICES, L.CHOICE, "choices"),
    )
    multi = opt(q, "multi", path, ctx.boolean) or False
    answer_node = get(q, "answer")
    if not choices or answer_node is None:
        return None
    apath = f"{path}.answer"
    if isinstance(answer_node, Seq):
        if not multi:
            ctx.error(answer_node, apath, "a list of answers needs `multi: true`")
            return None
        nodes = ctx.seq(answer_node, apath, L.ANSWERS.lo, len(choices), "answers") or []
    else:
        nodes = [answer_node]
    answers: set[int] = set()
    for i, n in enumerate(nodes):
        ipath = f"{apath}[{i}]" if isinstance(answer_node, Seq) else apath
        index = _choice_index(ctx, n, ipath, choices)
        if index is not None:
            if index in answers:
                ctx.error(n, ipath, f"{choices[index]!r} is listed twice")
            answers.add(index)
    if len(answers) != len(nodes):
        return None

    def make(**common: Any) -> m.AnyQuestion:
        return m.ChoiceQuestion(choices=choices, answers=frozenset(answers), multi=multi, **common)

    return make


def _choice_index(ctx: Ctx, node: Node, path: str, choices: tuple[str, ...]) -> int | None:
    s = ctx.scalar(node, path, "a choice's text or its index")
    if s is None:
        return None
    raw = s.value.strip()
    if raw in choices:
        return choices.index(raw)
    if s.plain and numbers.whole(raw) is not None and not raw.startswith(("-", "+")):
        index = numbers.counting(raw, len(choices) - 1)
        if index is not None:
            return index
        ctx.error(
            s,
            path,
            f"answer index {numbers.shown(raw)} is out of range: "
            f"choices are numbered 0 to {len(choices) - 1}",
        )
        return None
    folded = [c.casefold() for c in choices]
    hint = (
        f" (did you mean {choices[folded.index(raw.casefold())]!r}?)"
        if raw.casefold() in folded
        else ""
    )
    parts = [part.strip() for part in re.split(r"[,;]", raw)]
    if not hint and len(parts) > 1 and all(part.casefold() in folded for part in parts):
        listed = ", ".join(parts)
        hint = f" (several answers are written as a list: answer: [{listed}], with `multi: true`)"
    ctx.error(s, path, f"answer {raw!r} is not one of the choices{hint}")
    return None


def _true_false(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    answer = opt(q, "answer", path, ctx.boolean)
    if answer is None:
        return None
    return lambda **common: m.TrueFalseQuestion(answer=answer, **common)


def _short(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    answer = opt(q, "answer", path, lambda n, p: ctx.text(n, p, L.CHOICE))
    accept = (
        opt(
            q,
            "accept",
            path,
            lambda n, p: ctx.text_list(n, p, L.ACCEPT, L.CHOICE, "accepted answers"),
        )
        or ()
    )
    fuzzy = opt(q, "fuzzy", path, ctx.boolean) or False
    if answer is None:
        return None
    return lambda **common: m.ShortQuestion(answer=answer, accept=accept, fuzzy=fuzzy, **common)


def _numeric(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    answer = opt(q, "answer", path, ctx.number)
    tolerance = opt(q, "tolerance", path, lambda n, p: _tolerance(ctx, n, p))
    unit = opt(q, "unit", path, lambda n, p: ctx.text(n, p, L.UNIT))
    if answer is None:
        return None
    tol = tolerance or m.Tolerance()
    return lambda **common: m.NumericQuestion(answer=answer, tolerance=tol, unit=unit, **common)


def _tolerance(ctx: Ctx, node: Node, path: str) -> m.Tolerance | None:
    s = ctx.scalar(node, path, 'a number or a percentage such as "5%"')
    if s is None:
        return None
    raw = s.value.strip()
    percent = raw.endswith("%")
    value = numbers.decimal(raw[:-1] if percent else raw)
    if value is None:
        ctx.error(
            s,
            path,
            f'expected a number or a percentage such as "5%", found {numbers.shown(raw)!r}',
        )
        return None
    if percent and not L.TOLERANCE_PERCENT.lo <= value < L.TOLERANCE_PERCENT.hi:
        ctx.error(s, path, f"must be at least 0 and under 100%, found {numbers.shown(raw)!r}")
        return None
    if not math.isfinite(value):
        ctx.error(s, path, f"{numbers.shown(raw)} is too large a number")
        return None
    if value < 0:
        ctx.error(s, path, f"must be at least 0, found {numbers.shown(raw)!r}")
        return None
    return m.Tolerance(value, percent)


def _order(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    items = opt(
        q,
        "items",
        path,
        lambda n, p: ctx.text_list(n, p, L.ITEMS, L.CHOICE, "items"),
    )
    if not items:
        return None
    return lambda **common: m.OrderQuestion(items=items, **common)


_SPECIFIC: dict[str, Callable[[Ctx, Map, str], Callable[..., m.AnyQuestion] | None]] = {
    "choice": _choice,
    "true_false": _true_false,
    "short": _short,
    "numeric": _numeric,
    "order": _order,
}
