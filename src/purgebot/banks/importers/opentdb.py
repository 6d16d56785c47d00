"""Open Trivia DB JSON: the API's `{"response_code": 0, "results": [...]}`, or a bare list.

Text comes HTML-escaped (`&quot;`, `&#039;`), or base64 / RFC 3986 encoded when the API was asked
to; all three are decoded. The API lists the correct answer apart from the wrong ones, so the
choices are put in an order fixed by a hash of the question: the same every run, and the right
answer not always in the same place.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
import json
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import unquote

from purgebot.banks.importers.builder import BankBuilder
from purgebot.banks.importers.common import Common, ImportFailed, cut

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_BASE64_TYPES = {"bXVsdGlwbGU=", "Ym9vbGVhbg=="}  # "multiple", "boolean"
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


def _json_int(text: str) -> int | float:
    """JSON integers as Python reads them, but a figure past int()'s 4,300 digits is a float."""
    return int(text) if len(text) <= 4000 else float(text)


_DECODER = json.JSONDecoder(parse_int=_json_int)


def _skip(text: str, at: int) -> int:
    match = _WHITESPACE.match(text, at)
    return match.end() if match else at


def _array(text: str, at: int, decoder: json.JSONDecoder) -> Iterator[tuple[int, Any]]:
    """(offset, value) of each element of the array starting at `at`, for line numbers."""
    at = _skip(text, at + 1)
    while at < len(text) and text[at] != "]":
        value, end = decoder.raw_decode(text, at)
        yield at, value
        at = _skip(text, end)
        if text.startswith(",", at):
            at = _skip(text, at + 1)


def _results(text: str) -> Iterator[tuple[int, Any]]:
    """The question objects with their offsets, from either shape of file."""
    decoder = _DECODER
    at = _skip(text, 0)
    if text.startswith("[", at):
        yield from _array(text, at, decoder)
        return
    at = _skip(text, at + 1)  # inside the top-level object: walk its keys
    while at < len(text) and text[at] != "}":
        key, at = decoder.raw_decode(text, at)
        at = _skip(text, _skip(text, at) + 1)  # past the colon
        if key == "results" and text.startswith("[", at):
            yield from _array(text, at, decoder)
            return
        _, at = decoder.raw_decode(text, at)
        at = _skip(text, at)
        if text.startswith(",", at):
            at = _skip(text, at + 1)


def _load(text: str) -> Any:
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            f"line {exc.lineno}: the file is not valid JSON, so it cannot be read"
        ) from None
    except RecursionError:
        raise ImportFailed("the file is nested too deeply to be Open Trivia DB JSON") from None


def _decoder(item: dict[str, Any]) -> Callable[[str], str]:
    """How this item's text was encoded by the API: base64, RFC 3986, or HTML entities."""
    kind = item.get("type")
    if isinstance(kind, str) and kind in _BASE64_TYPES:
        return lambda s: base64.b64decode(s, validate=True).decode("utf-8")
    question = str(item.get("question", ""))
    if " " not in question and _PERCENT.search(question):
        return unquote
    return html.unescape


def _writable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def choice_order(question: str, choices: list[str]) -> list[str]:
    """A fixed, hash-given order: stable across runs, and no answer always first."""

    def key(choice: str) -> str:
        return hashlib.sha256(f"{question}\0{choice}".encode()).hexdigest()

    return sorted(choices, key=key)


def parse(text: str, out: BankBuilder) -> None:
    data = _load(text)
    if isinstance(data, dict):
        if not isinstance(data.get("results"), list):
            raise ImportFailed("an Open Trivia DB file has a `results` list of questions")
        if data.get("response_code", 0) != 0 and not data["results"]:
            code = data.get("response_code")
            raise ImportFailed(
                f"the Open Trivia DB answer holds no questions (response_code {code})"
            )
    elif not isinstance(data, list):
        raise ImportFailed("an Open Trivia DB file is a JSON object with `results`, or a list")
    line, seen = 1, 0
    for offset, item in _results(text):
        line += text.count("\n", seen, offset)
        seen = offset
        _item(line, item, out)


def _item(line: int, item: Any, out: BankBuilder) -> None:
    if not isinstance(item, dict):
        out.skip(line, "entry skipped: it is not a question object")
        return
    decode = _decoder(item)
    wrong_raw = item.get("incorrect_answers") or []
    if not isinstance(wrong_raw, list):
        out.skip(line, "question skipped: its `incorrect_answers` is not a list of answers")
        return
    try:
        fields = {k: decode(v) if isinstance(v, str) else v for k, v in item.items()}
        wrong = [decode(w) for w in wrong_raw if isinstance(w, str)]
    except (binascii.Error, UnicodeDecodeError, ValueError):
        out.skip(line, "question skipped: its text could not be decoded")
        return
    texts = [v for v in fields.values() if isinstance(v, str)] + wrong
    if any(not _writable(t) for t in texts):  # "\ud800" in JSON: a lone surrogate
        out.skip(line, "question skipped: its text holds a broken character (a lone surrogate)")
        return
    question, correct = fields.get("question"), fields.get("correct_answer")
    if not isinstance(question, str) or not isinstance(correct, str):
        out.skip(line, "question skipped: it needs `question` and `correct_answer` text")
        return
    c = Common(
        line=line,
        prompt=question,
        topic=fields.get("category") if isinstance(fields.get("category"), str) else None,
        difficulty=fields.get("difficulty") if isinstance(fields.get("difficulty"), str) else None,
    )
    kind = fields.get("type", "multiple")
    if not isinstance(kind, str):
        out.skip(line, "question skipped: its `type` is not text (multiple or boolean)")
    elif kind == "boolean":
        if correct.strip().lower() not in {"true", "false"}:
            out.skip(line, f"true/false question skipped: its answer is {cut(correct, 40)!r}")
            return
        out.true_false(c, correct.strip().lower() == "true")
    elif kind == "multiple":
        choices = choice_order(question, [correct, *wrong])
        out.choice(c, choices, [choices.index(correct)])
    else:
        out.skip(line, f"question skipped: type {cut(kind, 40)!r} is neither multiple nor boolean")
