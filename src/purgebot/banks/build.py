"""Turn a located YAML tree into a Bank, listing every problem rather than stopping at the first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from purgebot.banks import model as m
from purgebot.banks.fields import ID, SLUG, Ctx, get, opt
from purgebot.banks.yamlread import Map, Node, Problem, Scalar, Seq

TOP_KEYS = ("version", "bank", "title", "description", "sources", "defaults", "questions", "essays")
COMMON_KEYS = (
    "id",
    "type",
    "prompt",
    "explanation",
    "source",
    "topic",
    "difficulty",
    "seconds",
    "tags",
    "note",
)
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "choice": ("choices", "answer", "multi"),
    "true_false": ("answer",),
    "short": ("answer", "accept", "fuzzy"),
    "numeric": ("answer", "tolerance", "unit"),
    "order": ("items",),
}
TYPE_REQUIRED: dict[str, tuple[str, ...]] = {
    "choice": ("choices", "answer"),
    "true_false": ("answer",),
    "short": ("answer",),
    "numeric": ("answer",),
    "order": ("items",),
}
ESSAY_KEYS = (
    "id",
    "prompt",
    "guidance",
    "min_words",
    "max_words",
    "topic",
    "key_points",
    "outline",
    "model_answer",
)
KEY_POINT_KEYS = ("id", "point", "phrases", "source")
DIFFICULTIES = tuple(d.value for d in m.Difficulty)


def build_bank(ctx: Ctx, root: Node | None) -> m.Bank | None:
    if root is None:
        ctx.problems.append(
            Problem(1, 1, "the file is empty: a bank needs bank, title and questions")
        )
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
            64,
            pattern=SLUG,
            pattern_hint="bank id (lowercase letters, digits and hyphens, 2-64 long)",
        ),
    )
    title = opt(top, "title", "", lambda n, p: ctx.text(n, p, m.MAX_TITLE))
    description = opt(top, "description", "", lambda n, p: ctx.text(n, p, m.MAX_DESCRIPTION))
    sources = _sources(ctx, get(top, "sources"))
    defaults = _defaults(ctx, get(top, "defaults"))
    questions = _list(ctx, top, "questions", 1, lambda n, p: _question(ctx, n, p, sources))
    essays = _list(ctx, top, "essays", 0, lambda n, p: _essay(ctx, n, p, sources))
    _unique_ids(ctx, "questions", get(top, "questions"))
    _unique_ids(ctx, "essays", get(top, "essays"))
    if ctx.problems or bank_id is None or title is None:
        return None
    return m.Bank(
        id=bank_id,
        title=title,
        description=description or "",
        sources=sources or {},
        defaults=defaults,
        questions=tuple(q for q, _ in questions),
        essays=tuple(e for e, _ in essays),
    )


def _list(
    ctx: Ctx, top: Map, key: str, lo: int, read: Callable[[Node, str], Any]
) -> list[tuple[Any, Node]]:
    node = get(top, key)
    if node is None:
        return []
    items = ctx.seq(node, key, lo, 100_000, key)
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
        if not SLUG.match(key):
            ctx.error(
                key_node,
                path,
                f"{key!r} is not a valid source id (lowercase letters, digits, hyphens)",
            )
            continue
        if isinstance(value, Scalar):
            title = ctx.text(value, path, m.MAX_TITLE * 2)
            if title is not None:
                out[key] = m.SourceInfo(title)
            continue
        entry = ctx.mapping(value, path, ("title", "url"), ("title",))
        if entry is None:
            continue
        title = opt(entry, "title", path, lambda n, p: ctx.text(n, p, m.MAX_TITLE * 2))
        url = opt(entry, "url", path, lambda n, p: ctx.text(n, p, 500))
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
        lambda n, p: ctx.number(n, p, integer=True, lo=m.MIN_SECONDS, hi=m.MAX_SECONDS),
    )
    difficulty = opt(d, "difficulty", "defaults", lambda n, p: ctx.choice_of(n, p, DIFFICULTIES))
    topic = opt(d, "topic", "defaults", lambda n, p: ctx.text(n, p, m.MAX_TOPIC))
    return m.Defaults(
        seconds=int(seconds) if seconds is not None else m.DEFAULT_SECONDS,
        difficulty=m.Difficulty(difficulty) if difficulty else None,
        topic=topic,
    )


def _source_ref(
    ctx: Ctx, node: Node, path: str, sources: dict[str, m.SourceInfo] | None
) -> m.SourceRef | None:
    s = ctx.mapping(node, path, ("doc", "quote"), ("doc",))
    if s is None:
        return None
    doc_node = get(s, "doc")
    doc = opt(s, "doc", path, lambda n, p: ctx.text(n, p, 64))
    quote = opt(s, "quote", path, lambda n, p: ctx.text(n, p, m.MAX_QUOTE))
    if doc is None:
        return None
    if doc_node is not None and (sources is None or doc not in sources):
        declared = ", ".join(sorted(sources)) if sources else "none declared"
        ctx.error(
            doc_node, f"{path}.doc", f"source {doc!r} is not declared under `sources` ({declared})"
        )
        return None
    return m.SourceRef(doc, quote)


def _question(
    ctx: Ctx, node: Node, path: str, sources: dict[str, m.SourceInfo] | None
) -> m.AnyQuestion | None:
    if not isinstance(node, Map):
        ctx.error(node, path, "expected a question (a mapping with id, type, prompt, ...)")
        return None
    qtype = opt(node, "type", path, lambda n, p: ctx.choice_of(n, p, m.QUESTION_TYPES))
    allowed = COMMON_KEYS + (
        TYPE_KEYS[qtype] if qtype else tuple(k for v in TYPE_KEYS.values() for k in v)
    )
    required = ("id", "type", "prompt") + (TYPE_REQUIRED[qtype] if qtype else ())
    q = ctx.mapping(node, path, allowed, required)
    if q is None or qtype is None:
        return None
    before = len(ctx.problems)
    common: dict[str, Any] = {
        "id": opt(
            q,
            "id",
            path,
            lambda n, p: ctx.text(
                n, p, 64, pattern=ID, pattern_hint="question id (letters, digits, - _ .)"
            ),
        ),
        "prompt": opt(q, "prompt", path, lambda n, p: ctx.text(n, p, m.MAX_PROMPT)),
        "explanation": opt(q, "explanation", path, lambda n, p: ctx.text(n, p, m.MAX_EXPLANATION)),
        "source": opt(q, "source", path, lambda n, p: _source_ref(ctx, n, p, sources)),
        "topic": opt(q, "topic", path, lambda n, p: ctx.text(n, p, m.MAX_TOPIC)),
        "difficulty": opt(q, "difficulty", path, lambda n, p: ctx.choice_of(n, p, DIFFICULTIES)),
        "seconds": opt(
            q,
            "seconds",
            path,
            lambda n, p: ctx.number(n, p, integer=True, lo=m.MIN_SECONDS, hi=m.MAX_SECONDS),
        ),
        "tags": opt(q, "tags", path, lambda n, p: ctx.text_list(n, p, 0, 20, m.MAX_TAG, "tags"))
        or (),
        "note": opt(q, "note", path, lambda n, p: ctx.text(n, p, m.MAX_NOTE)),
        "line": node.line,
    }
    if common["difficulty"] is not None:
        common["difficulty"] = m.Difficulty(common["difficulty"])
    if common["seconds"] is not None:
        common["seconds"] = int(common["seconds"])
    specific = _SPECIFIC[qtype](ctx, q, path)
    if (
        specific is None
        or len(ctx.problems) > before
        or common["id"] is None
        or common["prompt"] is None
    ):
        return None
    return specific(**common)


def _choice(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    choices = opt(
        q,
        "choices",
        path,
        lambda n, p: ctx.text_list(n, p, m.MIN_CHOICES, m.MAX_CHOICES, m.MAX_CHOICE, "choices"),
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
        nodes = ctx.seq(answer_node, apath, 1, len(choices), "answers") or []
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
    if s.plain and raw.isdigit():
        index = int(raw)
        if index < len(choices):
            return index
        ctx.error(
            s,
            path,
            f"answer index {index} is out of range: choices are numbered 0 to {len(choices) - 1}",
        )
        return None
    folded = [c.casefold() for c in choices]
    hint = (
        f" (did you mean {choices[folded.index(raw.casefold())]!r}?)"
        if raw.casefold() in folded
        else ""
    )
    ctx.error(s, path, f"answer {raw!r} is not one of the choices{hint}")
    return None


def _true_false(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    answer = opt(q, "answer", path, ctx.boolean)
    if answer is None:
        return None
    return lambda **common: m.TrueFalseQuestion(answer=answer, **common)


def _short(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    answer = opt(q, "answer", path, lambda n, p: ctx.text(n, p, m.MAX_CHOICE))
    accept = (
        opt(
            q,
            "accept",
            path,
            lambda n, p: ctx.text_list(n, p, 1, 50, m.MAX_CHOICE, "accepted answers"),
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
    unit = opt(q, "unit", path, lambda n, p: ctx.text(n, p, 30))
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
    try:
        value = float(raw[:-1] if percent else raw)
    except ValueError:
        ctx.error(s, path, f'expected a number or a percentage such as "5%", found {raw!r}')
        return None
    if not (0 <= value < (100 if percent else float("inf"))):
        ctx.error(
            s, path, f"must be at least 0{' and under 100%' if percent else ''}, found {raw!r}"
        )
        return None
    return m.Tolerance(value, percent)


def _order(ctx: Ctx, q: Map, path: str) -> Callable[..., m.AnyQuestion] | None:
    items = opt(
        q,
        "items",
        path,
        lambda n, p: ctx.text_list(n, p, m.MIN_ITEMS, m.MAX_ITEMS, m.MAX_CHOICE, "items"),
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


def _essay(
    ctx: Ctx, node: Node, path: str, sources: dict[str, m.SourceInfo] | None
) -> m.EssayPrompt | None:
    e = ctx.mapping(node, path, ESSAY_KEYS, ("id", "prompt", "key_points"))
    if e is None:
        return None
    before = len(ctx.problems)
    essay_id = opt(
        e,
        "id",
        path,
        lambda n, p: ctx.text(
            n, p, 64, pattern=ID, pattern_hint="essay id (letters, digits, - _ .)"
        ),
    )
    prompt = opt(e, "prompt", path, lambda n, p: ctx.text(n, p, m.MAX_ESSAY_PROMPT))
    guidance = opt(e, "guidance", path, lambda n, p: ctx.text(n, p, m.MAX_EXPLANATION))
    min_words = opt(
        e, "min_words", path, lambda n, p: ctx.number(n, p, integer=True, lo=1, hi=10_000)
    )
    max_words = opt(
        e, "max_words", path, lambda n, p: ctx.number(n, p, integer=True, lo=1, hi=10_000)
    )
    topic = opt(e, "topic", path, lambda n, p: ctx.text(n, p, m.MAX_TOPIC))
    model_answer = opt(e, "model_answer", path, lambda n, p: ctx.text(n, p, m.MAX_MODEL_ANSWER))
    outline_node = get(e, "outline")
    outline: tuple[str, ...] = ()
    if isinstance(outline_node, Scalar):
        text = ctx.text(outline_node, f"{path}.outline", m.MAX_MODEL_ANSWER)
        outline = (text,) if text else ()
    elif outline_node is not None:
        outline = (
            ctx.text_list(
                outline_node,
                f"{path}.outline",
                1,
                20,
                m.MAX_OUTLINE_ITEM,
                "outline items",
                unique=False,
            )
            or ()
        )
    if min_words and max_words and max_words < min_words:
        ctx.error(get(e, "max_words") or e, f"{path}.max_words", "must not be less than min_words")
    points: list[m.KeyPoint] = []
    kp_node = get(e, "key_points")
    seen: dict[str, int] = {}
    for i, item in enumerate(
        ctx.seq(kp_node, f"{path}.key_points", 1, m.MAX_KEY_POINTS, "key points") or []
        if kp_node
        else []
    ):
        kpath = f"{path}.key_points[{i}]"
        kp = ctx.mapping(item, kpath, KEY_POINT_KEYS, ("id", "point", "phrases"))
        if kp is None:
            continue
        kid = opt(
            kp,
            "id",
            kpath,
            lambda n, p: ctx.text(n, p, 64, pattern=ID, pattern_hint="key point id"),
        )
        point = opt(kp, "point", kpath, lambda n, p: ctx.text(n, p, 300))
        phrases = opt(kp, "phrases", kpath, lambda n, p: ctx.text_list(n, p, 1, 40, 100, "phrases"))
        source = opt(kp, "source", kpath, lambda n, p: _source_ref(ctx, n, p, sources))
        if kid is not None and kid in seen:
            ctx.error(
                item, f"{kpath}.id", f"duplicate key point id {kid!r} (first at line {seen[kid]})"
            )
        elif kid is not None:
            seen[kid] = item.line
        if kid and point and phrases:
            points.append(m.KeyPoint(kid, point, phrases, source))
    if len(ctx.problems) > before or essay_id is None or prompt is None:
        return None
    return m.EssayPrompt(
        id=essay_id,
        prompt=prompt,
        key_points=tuple(points),
        guidance=guidance,
        min_words=int(min_words) if min_words else None,
        max_words=int(max_words) if max_words else None,
        topic=topic,
        outline=outline,
        model_answer=model_answer,
        line=node.line,
    )
