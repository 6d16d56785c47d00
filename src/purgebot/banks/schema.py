"""The JSON Schema (draft 2020-12) of bank format version 1, for editors that check as you type.

Built from what the loader itself reads by: the keys in parts.py and every limit in limits.py,
so the two cannot drift apart. Each question type is its own branch chosen by `if`/`then` on
`type`, with `additionalProperties: false`, so one stray key gives one error naming that key
(a `oneOf` would report every branch's complaint). The schema is what an editor can know; the
loader checks more (answers among the choices, unique ids, declared sources).

`docs/bank.schema.json` is this schema, committed for editors; a test keeps it equal to
`schema_json()`, and `purgebot schema -o docs/bank.schema.json` writes it again.
"""

from __future__ import annotations

import json
from typing import Any

from purgebot.banks import limits as L
from purgebot.banks.parts import (
    COMMON_KEYS,
    ESSAY_KEYS,
    KEY_POINT_KEYS,
    MISCONCEPTION_KEYS,
    TOP_KEYS,
    TYPE_KEYS,
    TYPE_REQUIRED,
)

SCHEMA_ID = "https://purgebot.invalid/schema/bank-v1.json"
Schema = dict[str, Any]


def text(limit: L.Text) -> Schema:
    out: Schema = {"type": "string", "minLength": 1, "maxLength": limit.max}
    if limit.pattern is not None:
        out["pattern"] = limit.pattern.pattern
    return out


def loose(limit: L.Text) -> Schema:
    """Choices, answers and items may be years or words YAML reads as booleans; the loader
    keeps their text, so a number or a boolean is allowed too (the lengths bind text only)."""
    return {**text(limit), "type": ["string", "number", "boolean"]}


def array(count: L.Count, items: Schema, *, unique: bool = False) -> Schema:
    out: Schema = {"type": "array", "items": items}
    if count.lo:
        out["minItems"] = count.lo
    out["maxItems"] = count.hi
    if unique:
        out["uniqueItems"] = True
    return out


def whole(limit: L.Range) -> Schema:
    return {"type": "integer", "minimum": limit.lo, "maximum": limit.hi}


def one_of(limit: L.Enum) -> Schema:
    return {"const": limit.values[0]} if len(limit.values) == 1 else {"enum": list(limit.values)}


def percent_pattern(limit: L.Range) -> str:
    """A percentage from `lo` (0) to under `hi` (a power of ten) as text: "5%", "12.5%"."""
    digits = len(str(limit.hi)) - 1
    if not (limit.lo == 0 and limit.below and limit.hi == 10**digits):
        raise ValueError("a percentage pattern needs a range from 0 to under a power of ten")
    return rf"^\+?0*(\d{{1,{digits}}}(\.\d*)?|\.\d+)%$"


def text_or(other: Schema, limit: L.Text) -> Schema:
    """Text, or else `other`, by the value's type: an error then names the key inside `other`
    that is wrong, where an `anyOf` would only say that neither fits."""
    return {"if": {"type": "string"}, "then": text(limit), "else": other}


def _object(props: Schema, required: tuple[str, ...] | list[str], keys: tuple[str, ...]) -> Schema:
    if set(props) != set(keys):  # the loader's keys, no more, no fewer
        raise ValueError(f"schema keys {sorted(props)} differ from the loader's {sorted(keys)}")
    return {
        "type": "object",
        "properties": props,
        "required": list(required),
        "additionalProperties": False,
    }


def names_schema() -> Schema:
    """`names:` canonical name -> its other spellings (in a bank, or a folder's names.yaml)."""
    return {
        "type": "object",
        "maxProperties": L.NAMES.hi,
        "propertyNames": text(L.CHOICE),
        "additionalProperties": array(L.SPELLINGS, text(L.CHOICE), unique=True),
    }


def _common() -> Schema:
    return {
        "id": text(L.ID),
        "type": one_of(L.QUESTION_TYPES),
        "prompt": text(L.PROMPT),
        "explanation": text(L.EXPLANATION),
        "source": {"$ref": "#/$defs/source_ref"},
        "topic": text(L.TOPIC),
        "difficulty": one_of(L.DIFFICULTIES),
        "seconds": whole(L.SECONDS),
        "tags": array(L.TAGS, text(L.TAG), unique=True),
        "note": text(L.NOTE),
    }


def _specific() -> dict[str, Schema]:
    choice = loose(L.CHOICE)
    return {
        "choice": {
            "choices": array(L.CHOICES, choice, unique=True),
            "answer": {
                "if": {"type": "array"},
                "then": array(L.ANSWERS, choice, unique=True),
                "else": choice,
            },
            "multi": {"type": "boolean"},
        },
        "true_false": {"answer": {"type": "boolean"}},
        "short": {
            "answer": choice,
            "accept": array(L.ACCEPT, choice, unique=True),
            "fuzzy": {"type": "boolean"},
        },
        "numeric": {
            "answer": {
                "anyOf": [
                    {"type": "number"},
                    {"type": "string", "pattern": L.GROUPED_PATTERN.pattern},
                ]
            },
            "tolerance": {
                "anyOf": [
                    {"type": "number", "minimum": L.TOLERANCE_PERCENT.lo},
                    {"type": "string", "pattern": percent_pattern(L.TOLERANCE_PERCENT)},
                ]
            },
            "unit": text(L.UNIT),
        },
        "order": {"items": array(L.ITEMS, choice, unique=True)},
    }


def _questions() -> Schema:
    """One branch per type, picked by `if`/`then` on `type`: errors come from that branch only."""
    common = _common()
    defs: Schema = {}
    for qtype, props in _specific().items():
        defs[qtype] = _object(
            {**common, "type": {"const": qtype}, **props},
            ["id", "type", "prompt", *TYPE_REQUIRED[qtype]],
            COMMON_KEYS + TYPE_KEYS[qtype],
        )
    defs["question"] = {
        "type": "object",
        "properties": {"type": one_of(L.QUESTION_TYPES)},
        "required": ["type"],
        "allOf": [
            {
                "if": {
                    "type": "object",  # else a text would pass every `if`, failing each `then`
                    "properties": {"type": {"const": qtype}},
                    "required": ["type"],
                },
                "then": {"$ref": f"#/$defs/{qtype}"},
            }
            for qtype in TYPE_KEYS
        ],
    }
    return defs


def _essay() -> Schema:
    phrases = array(L.PHRASES, text(L.PHRASE), unique=True)
    source = {"$ref": "#/$defs/source_ref"}
    key_point = _object(
        {"id": text(L.ID), "point": text(L.POINT), "phrases": phrases, "source": source},
        ("id", "point", "phrases"),
        KEY_POINT_KEYS,
    )
    misconception = _object(
        {
            "claim": text(L.CLAIM),
            "phrases": phrases,
            "correction": text(L.EXPLANATION),
            "source": source,
        },
        MISCONCEPTION_KEYS,
        MISCONCEPTION_KEYS,
    )
    props = {
        "id": text(L.ID),
        "prompt": text(L.ESSAY_PROMPT),
        "guidance": text(L.EXPLANATION),
        "min_words": whole(L.WORDS),
        "max_words": whole(L.WORDS),
        "topic": text(L.TOPIC),
        "key_points": array(L.KEY_POINTS, key_point),
        "outline": text_or(array(L.OUTLINE, text(L.OUTLINE_ITEM)), L.MODEL_ANSWER),
        "model_answer": text(L.MODEL_ANSWER),
        "misconceptions": array(L.MISCONCEPTIONS, misconception),
    }
    return _object(props, ("id", "prompt", "key_points"), ESSAY_KEYS)


def _top() -> Schema:
    source = text_or(
        _object({"title": text(L.SOURCE_TITLE), "url": text(L.URL)}, ("title",), ("title", "url")),
        L.SOURCE_TITLE,
    )
    defaults = _object(
        {
            "seconds": whole(L.SECONDS),
            "difficulty": one_of(L.DIFFICULTIES),
            "topic": text(L.TOPIC),
        },
        (),
        ("seconds", "difficulty", "topic"),
    )
    props = {
        "version": one_of(L.FORMAT_VERSION),
        "bank": text(L.SLUG),
        "title": text(L.TITLE),
        "description": text(L.DESCRIPTION),
        "sources": {
            "type": "object",
            "propertyNames": text(L.SLUG),
            "additionalProperties": source,
        },
        "defaults": defaults,
        "topics": array(L.TOPICS, text(L.TOPIC), unique=True),
        "names": names_schema(),
        "retired": array(L.ENTRIES, text(L.ID), unique=True),
        "questions": array(L.ENTRIES, {"$ref": "#/$defs/question"}),
        "essays": array(L.ESSAYS, {"$ref": "#/$defs/essay"}),
    }
    return _object(props, ("bank", "title", "questions"), TOP_KEYS)


def bank_schema() -> Schema:
    source_ref = _object({"doc": text(L.SLUG), "quote": text(L.QUOTE)}, ("doc",), ("doc", "quote"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "purgebot question bank (format version 1)",
        "description": "A bank of quiz questions and essay prompts. See docs/question-format.md.",
        **_top(),
        "$defs": {"source_ref": source_ref, **_questions(), "essay": _essay()},
    }


_VARIANT = {
    "(key)": " (a key)",
    "(text)": " (as one text)",
    "(list)": " (as a list)",
    "(%)": " (as a percentage)",
}


def describe(limit: L.Limit) -> str:
    """A limit in a teacher's words, for the table in docs/question-format.md."""
    match limit:
        case L.Text(most, pattern):
            shape = f", matching `{pattern.pattern}`" if pattern is not None else ""
            return f"1–{most:,} characters{shape}"
        case L.Count(0, most):
            return f"at most {most:,} entries"
        case L.Count(least, most):
            return f"{least:,}–{most:,} entries"
        case L.Range(least, most, True):
            return f"{least:,}% to under {most:,}%"
        case L.Range(least, most):
            return f"{least:,} to {most:,}"
        case L.Enum(values):
            return ", ".join(f"`{v}`" for v in values)
    raise TypeError(limit)  # pragma: no cover - the match covers every kind


def limits_markdown() -> str:
    """Every limit of the format as a Markdown table: `purgebot schema --limits`."""
    rows = ["| where | limit |", "|---|---|"]
    for where, limit in L.TABLE.items():
        variant = next((v for v in _VARIANT if where.endswith(v)), "")
        shown = f"`{where.removesuffix(variant)}`{_VARIANT.get(variant, '')}"
        rows.append(f"| {shown} | {describe(limit)} |")
    return "\n".join(rows) + "\n"


def schema_json() -> str:
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"
