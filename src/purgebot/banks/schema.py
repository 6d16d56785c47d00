"""The JSON Schema (draft 2020-12) of bank format version 1, for editors that check as you type.

The schema is what an editor can know; the loader checks more (answers among the choices, unique
ids, declared sources). A test runs every example and built-in bank through both.
"""

from __future__ import annotations

import json
from typing import Any

from purgebot.banks import model as m
from purgebot.banks.declared import MAX_NAMES, MAX_SPELLINGS, MAX_TOPICS
from purgebot.banks.fields import GROUPED, ID, SLUG

SCHEMA_ID = "https://purgebot.invalid/schema/bank-v1.json"


def _text(max_len: int) -> dict[str, Any]:
    return {"type": "string", "minLength": 1, "maxLength": max_len}


# Choices, answers and items may be years or words YAML reads as booleans; the loader keeps text.
_LOOSE = {"type": ["string", "number", "boolean"]}
# The loader's own patterns, so the two cannot drift apart.
_ID = {"type": "string", "pattern": ID.pattern}
_SLUG = {"type": "string", "pattern": SLUG.pattern}
_SECONDS = {"type": "integer", "minimum": m.MIN_SECONDS, "maximum": m.MAX_SECONDS}
_DIFFICULTY = {"enum": [d.value for d in m.Difficulty]}


def _question(qtype: str, props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "allOf": [{"$ref": "#/$defs/common"}],
        "properties": {"type": {"const": qtype}, **props},
        "required": ["id", "type", "prompt", *required],
        "unevaluatedProperties": False,
    }


def names_schema() -> dict[str, Any]:
    """`names:` canonical name -> its other spellings (in a bank, or a folder's names.yaml)."""
    return {
        "type": "object",
        "maxProperties": MAX_NAMES,
        "propertyNames": _text(m.MAX_CHOICE),
        "additionalProperties": {
            "type": "array",
            "items": _text(m.MAX_CHOICE),
            "minItems": 1,
            "maxItems": MAX_SPELLINGS,
        },
    }


def bank_schema() -> dict[str, Any]:
    common = {
        "type": "object",
        "properties": {
            "id": _ID,
            "type": {"enum": list(m.QUESTION_TYPES)},
            "prompt": _text(m.MAX_PROMPT),
            "explanation": _text(m.MAX_EXPLANATION),
            "source": {"$ref": "#/$defs/source_ref"},
            "topic": _text(m.MAX_TOPIC),
            "difficulty": _DIFFICULTY,
            "seconds": _SECONDS,
            "tags": {"type": "array", "items": _text(m.MAX_TAG), "maxItems": 20},
            "note": _text(m.MAX_NOTE),
        },
    }
    choice_list = {
        "type": "array",
        "items": _LOOSE,
        "minItems": m.MIN_CHOICES,
        "maxItems": m.MAX_CHOICES,
    }
    questions = {
        "choice": _question(
            "choice",
            {
                "choices": choice_list,
                "answer": {"anyOf": [_LOOSE, {"type": "array", "items": _LOOSE, "minItems": 1}]},
                "multi": {"type": "boolean"},
            },
            ["choices", "answer"],
        ),
        "true_false": _question("true_false", {"answer": {"type": "boolean"}}, ["answer"]),
        "short": _question(
            "short",
            {
                "answer": _LOOSE,
                "accept": {"type": "array", "items": _LOOSE, "minItems": 1},
                "fuzzy": {"type": "boolean"},
            },
            ["answer"],
        ),
        "numeric": _question(
            "numeric",
            {
                "answer": {
                    "anyOf": [
                        {"type": "number"},
                        {"type": "string", "pattern": GROUPED.pattern},
                    ]
                },
                "tolerance": {
                    "anyOf": [
                        {"type": "number", "minimum": 0},
                        {"type": "string", "pattern": r"^\d+(\.\d+)?%$"},
                    ]
                },
                "unit": _text(30),
            },
            ["answer"],
        ),
        "order": _question(
            "order",
            {
                "items": {
                    "type": "array",
                    "items": _LOOSE,
                    "minItems": m.MIN_ITEMS,
                    "maxItems": m.MAX_ITEMS,
                },
            },
            ["items"],
        ),
    }
    essay_props = {
        "id": _ID,
        "prompt": _text(m.MAX_ESSAY_PROMPT),
        "guidance": _text(m.MAX_EXPLANATION),
        "min_words": {"type": "integer", "minimum": 1, "maximum": 10_000},
        "max_words": {"type": "integer", "minimum": 1, "maximum": 10_000},
        "topic": _text(m.MAX_TOPIC),
        "key_points": {
            "type": "array",
            "minItems": 1,
            "maxItems": m.MAX_KEY_POINTS,
            "items": {
                "type": "object",
                "properties": {
                    "id": _ID,
                    "point": _text(300),
                    "phrases": {
                        "type": "array",
                        "items": _text(100),
                        "minItems": 1,
                        "maxItems": 40,
                    },
                    "source": {"$ref": "#/$defs/source_ref"},
                },
                "required": ["id", "point", "phrases"],
                "additionalProperties": False,
            },
        },
        "outline": {
            "anyOf": [
                _text(m.MAX_MODEL_ANSWER),
                {"type": "array", "items": _text(m.MAX_OUTLINE_ITEM), "minItems": 1},
            ]
        },
        "model_answer": _text(m.MAX_MODEL_ANSWER),
        "misconceptions": {
            "type": "array",
            "minItems": 1,
            "maxItems": m.MAX_MISCONCEPTIONS,
            "items": {
                "type": "object",
                "properties": {
                    "claim": _text(m.MAX_CLAIM),
                    "phrases": {
                        "type": "array",
                        "items": _text(100),
                        "minItems": 1,
                        "maxItems": 40,
                    },
                    "correction": _text(m.MAX_EXPLANATION),
                    "source": {"$ref": "#/$defs/source_ref"},
                },
                "required": ["claim", "phrases", "correction", "source"],
                "additionalProperties": False,
            },
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "purgebot question bank (format version 1)",
        "description": "A bank of quiz questions and essay prompts. See docs/question-format.md.",
        "type": "object",
        "properties": {
            "version": {"const": m.FORMAT_VERSION},
            "bank": _SLUG,
            "title": _text(m.MAX_TITLE),
            "description": _text(m.MAX_DESCRIPTION),
            "sources": {
                "type": "object",
                "propertyNames": _SLUG,
                "additionalProperties": {
                    "anyOf": [
                        _text(m.MAX_TITLE * 2),
                        {
                            "type": "object",
                            "properties": {"title": _text(m.MAX_TITLE * 2), "url": _text(500)},
                            "required": ["title"],
                            "additionalProperties": False,
                        },
                    ]
                },
            },
            "defaults": {
                "type": "object",
                "properties": {
                    "seconds": _SECONDS,
                    "difficulty": _DIFFICULTY,
                    "topic": _text(m.MAX_TOPIC),
                },
                "additionalProperties": False,
            },
            "topics": {
                "type": "array",
                "items": _text(m.MAX_TOPIC),
                "minItems": 1,
                "maxItems": MAX_TOPICS,
                "uniqueItems": True,
            },
            "names": names_schema(),
            "retired": {"type": "array", "items": _ID, "minItems": 1, "uniqueItems": True},
            "questions": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/question"}},
            "essays": {"type": "array", "items": {"$ref": "#/$defs/essay"}},
        },
        "required": ["bank", "title", "questions"],
        "additionalProperties": False,
        "$defs": {
            "source_ref": {
                "type": "object",
                "properties": {"doc": _SLUG, "quote": _text(m.MAX_QUOTE)},
                "required": ["doc"],
                "additionalProperties": False,
            },
            "common": common,
            "question": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"enum": list(m.QUESTION_TYPES)}},
                "oneOf": [{"$ref": f"#/$defs/{t}"} for t in m.QUESTION_TYPES],
            },
            **questions,
            "essay": {
                "type": "object",
                "properties": essay_props,
                "required": ["id", "prompt", "key_points"],
                "additionalProperties": False,
            },
        },
    }


def schema_json() -> str:
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"
