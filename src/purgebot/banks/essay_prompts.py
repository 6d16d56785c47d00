"""Build one essay prompt, with its key points, from its located YAML mapping."""

from __future__ import annotations

from purgebot.banks import limits as L
from purgebot.banks import model as m
from purgebot.banks.fields import Ctx, get, opt
from purgebot.banks.parts import ESSAY_KEYS, KEY_POINT_KEYS, MISCONCEPTION_KEYS, source_ref
from purgebot.banks.yamlread import Node, Scalar


def build_essay(
    ctx: Ctx, node: Node, path: str, sources: dict[str, m.SourceInfo] | None
) -> m.EssayPrompt | None:
    e = ctx.mapping(node, path, ESSAY_KEYS, ("id", "prompt", "key_points"))
    if e is None:
        return None
    before = ctx.count
    essay_id = opt(
        e,
        "id",
        path,
        lambda n, p: ctx.text(n, p, L.ID, pattern_hint="essay id (letters, digits, - _ .)"),
    )
    prompt = opt(e, "prompt", path, lambda n, p: ctx.text(n, p, L.ESSAY_PROMPT))
    guidance = opt(e, "guidance", path, lambda n, p: ctx.text(n, p, L.EXPLANATION))
    min_words = opt(e, "min_words", path, lambda n, p: _words(ctx, n, p))
    max_words = opt(e, "max_words", path, lambda n, p: _words(ctx, n, p))
    topic = opt(e, "topic", path, lambda n, p: ctx.text(n, p, L.TOPIC))
    model_answer = opt(e, "model_answer", path, lambda n, p: ctx.text(n, p, L.MODEL_ANSWER))
    outline_node = get(e, "outline")
    outline: tuple[str, ...] = ()
    if isinstance(outline_node, Scalar):
        text = ctx.text(outline_node, f"{path}.outline", L.MODEL_ANSWER)
        outline = (text,) if text else ()
    elif outline_node is not None:
        outline = (
            ctx.text_list(
                outline_node,
                f"{path}.outline",
                L.OUTLINE,
                L.OUTLINE_ITEM,
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
        ctx.seq(kp_node, f"{path}.key_points", L.KEY_POINTS.lo, L.KEY_POINTS.hi, "key points") or []
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
            lambda n, p: ctx.text(n, p, L.ID, pattern_hint="key point id"),
        )
        point = opt(kp, "point", kpath, lambda n, p: ctx.text(n, p, L.POINT))
        phrases = opt(kp, "phrases", kpath, lambda n, p: _phrases(ctx, n, p))
        source = opt(kp, "source", kpath, lambda n, p: source_ref(ctx, n, p, sources))
        if kid is not None and kid in seen:
            ctx.error(
                item, f"{kpath}.id", f"duplicate key point id {kid!r} (first at line {seen[kid]})"
            )
        elif kid is not None:
            seen[kid] = item.line
        if kid and point and phrases:
            points.append(m.KeyPoint(kid, point, phrases, source))
    misconceptions = _misconceptions(ctx, get(e, "misconceptions"), path, sources)
    if ctx.count > before or essay_id is None or prompt is None:
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
        misconceptions=misconceptions,
        line=node.line,
    )


def _misconceptions(
    ctx: Ctx, node: Node | None, path: str, sources: dict[str, m.SourceInfo] | None
) -> tuple[m.Misconception, ...]:
    """A prompt's `misconceptions:` list: each a claim, its phrases, a correction and a source
    (required: a correction a teacher can check)."""
    if node is None:
        return ()
    found: list[m.Misconception] = []
    items = ctx.seq(
        node, f"{path}.misconceptions", L.MISCONCEPTIONS.lo, L.MISCONCEPTIONS.hi, "misconceptions"
    )
    for i, item in enumerate(items or []):
        mpath = f"{path}.misconceptions[{i}]"
        mc = ctx.mapping(
            item, mpath, MISCONCEPTION_KEYS, ("claim", "phrases", "correction", "source")
        )
        if mc is None:
            continue
        claim = opt(mc, "claim", mpath, lambda n, p: ctx.text(n, p, L.CLAIM))
        phrases = opt(mc, "phrases", mpath, lambda n, p: _phrases(ctx, n, p))
        correction = opt(mc, "correction", mpath, lambda n, p: ctx.text(n, p, L.EXPLANATION))
        source = opt(mc, "source", mpath, lambda n, p: source_ref(ctx, n, p, sources))
        if claim and phrases and correction and source:
            found.append(m.Misconception(claim, phrases, correction, source))
    return tuple(found)


def _words(ctx: Ctx, node: Node, path: str) -> float | None:
    return ctx.number(node, path, integer=True, lo=L.WORDS.lo, hi=L.WORDS.hi)


def _phrases(ctx: Ctx, node: Node, path: str) -> tuple[str, ...] | None:
    return ctx.text_list(node, path, L.PHRASES, L.PHRASE, "phrases")
