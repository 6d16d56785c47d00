"""What each part of a bank may hold: the keys the loader and the JSON Schema both name."""

from __future__ import annotations

from purgebot.banks import limits as L
from purgebot.banks import model as m
from purgebot.banks.fields import Ctx, get, opt
from purgebot.banks.yamlread import Node

TOP_KEYS = (
    "version",
    "bank",
    "title",
    "description",
    "sources",
    "defaults",
    "topics",
    "names",
    "retired",
    "questions",
    "essays",
)
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
    "misconceptions",
)
KEY_POINT_KEYS = ("id", "point", "phrases", "source")
MISCONCEPTION_KEYS = ("claim", "phrases", "correction", "source")
DIFFICULTIES = tuple(str(v) for v in L.DIFFICULTIES.values)
QUESTION_TYPES = tuple(str(v) for v in L.QUESTION_TYPES.values)


def source_ref(
    ctx: Ctx, node: Node, path: str, sources: dict[str, m.SourceInfo] | None
) -> m.SourceRef | None:
    s = ctx.mapping(node, path, ("doc", "quote"), ("doc",))
    if s is None:
        return None
    doc_node = get(s, "doc")
    doc = opt(s, "doc", path, lambda n, p: ctx.text(n, p, L.SOURCE_REF))
    quote = opt(s, "quote", path, lambda n, p: ctx.text(n, p, L.QUOTE))
    if doc is None:
        return None
    if doc_node is not None and (sources is None or doc not in sources):
        declared = ", ".join(sorted(sources)) if sources else "none declared"
        ctx.error(
            doc_node, f"{path}.doc", f"source {doc!r} is not declared under `sources` ({declared})"
        )
        return None
    return m.SourceRef(doc, quote)
