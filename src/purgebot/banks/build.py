"""Turn a located YAML tree into a Bank, listing every problem rather than stopping at the first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from purgebot.banks import limits as L
from purgebot.banks import model as m
from purgebot.banks.declared import (
    Names,
    apply_names,
    check_retired,
    check_topics,
    read_names,
    read_retired,
    read_topics,
)
from purgebot.banks.essay_prompts import build_essay
from purgebot.banks.fields import Ctx, get, opt
from purgebot.banks.parts import DIFFICULTIES, TOP_KEYS
from purgebot.banks.questions import build_question
from purgebot.banks.yamlread import Map, Node, Problem, Scalar, Seq


def build_bank(ctx: Ctx, root: Node | None, names: Names | None = None) -> m.Bank | None:
    """`names`: spellings shared by a folder of banks; the bank's own `names:` add to them."""
    if root is None:
        ctx.add(Problem(1, 1, "the file is empty: a bank needs bank, title and questions"))
        return None
    top = ctx.mapping(root, "", TOP_KEYS, ("bank", "title", "questions"))
    if top is None:
        return None
    version = opt(top, "version", "", lambda n, p: ctx.number(n, p, integer=True))
    if version is not None and version != m.FORMAT_VERSION:
        ctx.error(
            get(top, "version") or top, "version", f"this is format version 1; found {version:g}"
        )
    bank_id = opt(
        top,
        "bank",
        "",
        lambda n, p: ctx.text(
            n,
            p,
            L.SLUG,
            pattern_hint="bank id (lowercase letters, digits and hyphens, 2-64 long)",
        ),
    )
    title = opt(top, "title", "", lambda n, p: ctx.text(n, p, L.TITLE))
    description = opt(top, "description", "", lambda n, p: ctx.text(n, p, L.DESCRIPTION))
    sources = _sources(ctx, get(top, "sources"))
    defaults = _defaults(ctx, get(top, "defaults"))
    questions = _list(
        ctx, top, "questions", L.ENTRIES, lambda n, p: build_question(ctx, n, p, sources)
    )
    essays = _list(ctx, top, "essays", L.ESSAYS, lambda n, p: build_essay(ctx, n, p, sources))
    _unique_ids(ctx, "questions", get(top, "questions"))
    _unique_ids(ctx, "essays", get(top, "essays"))
    topics = opt(top, "topics", "", lambda n, _: read_topics(ctx, n)) or ()
    retired = opt(top, "retired", "", lambda n, _: read_retired(ctx, n)) or ()
    own_names = opt(top, "names", "", lambda n, p: read_names(ctx, n, p)) or {}
    if topics:
        check_topics(ctx, top, topics)
    check_retired(ctx, top, retired)
    if ctx.problems or bank_id is None or title is None:
        return None
    spellings = {**(names or {}), **own_names}
    return m.Bank(
        id=bank_id,
        title=title,
        description=description or "",
        sources=sources or {},
        defaults=defaults,
        questions=tuple(apply_names(q, spellings) for q, _ in questions),
        essays=tuple(e for e, _ in essays),
        declared_topics=topics,
        retired=retired,
    )


def _list(
    ctx: Ctx, top: Map, key: str, count: L.Count, read: Callable[[Node, str], Any]
) -> list[tuple[Any, Node]]:
    node = get(top, key)
    if node is None:
        return []
    items = ctx.seq(node, key, count.lo, count.hi, key)
    out = []
    for i, item in enumerate(items or ()):
        value = read(item, f"{key}[{i}]")
        if value is not None:
            out.append((value, item))
    return out


def _unique_ids(ctx: Ctx, key: str, node: Node | None) -> None:
    """Ids must be unique even among entries that have other problems."""
    first: dict[str, int] = {}
    for i, item in enumerate(node.items if isinstance(node, Seq) else ()):
        entry = item.items.get("id") if isinstance(item, Map) else None
        if entry is None or not isinstance(entry[1], Scalar):
            continue
        id_node = entry[1]
        ident = id_node.value.strip()
        if ident in first:
            ctx.error(
                id_node,
                f"{key}[{i}].id",
                f"duplicate id {ident!r} (first used at line {first[ident]})",
            )
        else:
            first[ident] = id_node.line


def _sources(ctx: Ctx, node: Node | None) -> dict[str, m.SourceInfo] | None:
    if node is None:
        return None
    if not isinstance(node, Map):
        ctx.error(node, "sources", "expected a mapping of source id to its title")
        return None
    out: dict[str, m.SourceInfo] = {}
    for key, (key_node, value) in node.items.items():
        path = f"sources.{key}"
        if not L.SLUG_PATTERN.match(key):
            ctx.error(
                key_node,
                path,
                f"{key!r} is not a valid source id (lowercase letters, digits, hyphens)",
            )
            continue
        if isinstance(value, Scalar):
            title = ctx.text(value, path, L.SOURCE_TITLE)
            if title is not None:
                out[key] = m.SourceInfo(title)
            continue
        entry = ctx.mapping(value, path, ("title", "url"), ("title",))
        if entry is None:
            continue
        title = opt(entry, "title", path, lambda n, p: ctx.text(n, p, L.SOURCE_TITLE))
        url = opt(entry, "url", path, lambda n, p: ctx.text(n, p, L.URL))
        if title is not None:
            out[key] = m.SourceInfo(title, url)
    return out


def _defaults(ctx: Ctx, node: Node | None) -> m.Defaults:
    if node is None:
        return m.Defaults()
    d = ctx.mapping(node, "defaults", ("seconds", "difficulty", "topic"), ())
    if d is None:
        return m.Defaults()
    seconds = opt(
        d,
        "seconds",
        "defaults",
        lambda n, p: ctx.number(n, p, integer=True, lo=L.SECONDS.lo, hi=L.SECONDS.hi),
    )
    difficulty = opt(d, "difficulty", "defaults", lambda n, p: ctx.choice_of(n, p, DIFFICULTIES))
    topic = opt(d, "topic", "defaults", lambda n, p: ctx.text(n, p, L.TOPIC))
    return m.Defaults(
        seconds=int(seconds) if seconds is not None else m.DEFAULT_SECONDS,
        difficulty=m.Difficulty(difficulty) if difficulty else None,
        topic=topic,
    )
