"""Red-DiscordBot trivia lists: a YAML mapping of question text to its accepted answers.

The file is composed, not loaded, so every answer keeps the words its author wrote: `- Yes` stays
"Yes" and `- 1.10` stays "1.10", where a plain YAML load would give True and 1.1. Red keys
questions by text, so a repeated question silently replaces the earlier one there; here the
earlier one is reported with its line. The events are checked before composing: deep nesting
would overflow the composer's stack (and crash the process), and aliases could expand a small
file into millions of answers; a trivia list needs neither.
"""

from __future__ import annotations

import contextlib
from typing import Any

import yaml

from purgebot.banks.importers.builder import BankBuilder
from purgebot.banks.importers.common import Common, ImportFailed, cut
from purgebot.banks.model import MAX_DESCRIPTION
from purgebot.banks.yamlread import REWALK_LIMIT, offset_of

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Keys Red reads itself (see its trivia list schema), never questions.
_RESERVED = frozenset({"AUTHOR", "DESCRIPTION", "CONFIG", "$schema"})
_NULLS = {"~", "null", "Null", "NULL"}  # unquoted, these are YAML's "nothing", not an answer
MAX_DEPTH = 32  # a trivia list nests two levels; the bank loader allows the same 32


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _check_events(text: str, loader: type[Any] | None = None) -> None:
    """Refuse aliases and deep nesting before the (recursive) composer sees the text."""
    depth = 0
    for event in yaml.parse(text, Loader=loader or _Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise ImportFailed(f"{_at(event)}answers nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise ImportFailed(
                f"{_at(event)}aliases (*name) are not allowed in a trivia list: "
                "write each answer out"
            )


def _at(event: yaml.Event) -> str:
    return f"line {event.start_mark.line + 1}: " if event.start_mark else ""


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree of a trivia list; ImportFailed for what cannot or must not be read."""
    try:
        _check_events(text)
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        if mark is not None and _Loader is not yaml.SafeLoader:
            # libyaml's own limits can speak before ours (see yamlread.read): ours come first,
            # found by the slow pure-Python parser only in a small file.
            upto = offset_of(text, mark.line + 1, mark.column + 1)
            if upto <= REWALK_LIMIT:
                with contextlib.suppress(yaml.YAMLError):
                    _check_events(text[:upto], yaml.SafeLoader)
            elif "nesting depth" in (exc.problem or ""):
                raise ImportFailed(
                    f"line {mark.line + 1}: answers nested more than {MAX_DEPTH} levels deep"
                ) from None
        where = f"line {mark.line + 1}: " if mark else ""
        raise ImportFailed(f"{where}the file is not valid YAML, so it cannot be read") from None
    except yaml.YAMLError:
        raise ImportFailed("the file is not valid YAML, so it cannot be read") from None


def _answers(node: yaml.Node, out: BankBuilder) -> list[str]:
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    answers = []
    for item in items:
        if isinstance(item, yaml.ScalarNode):
            plain_null = not item.style and item.value in _NULLS  # C loader: "", Python: None
            if item.value.strip() and not plain_null:
                answers.append(item.value)
        else:
            out.warn(_line(item), "answer that is a list or mapping ignored: answers are text")
    return answers


def _config(node: yaml.Node, out: BankBuilder) -> None:
    """Red's `delay` is the time allowed per question: it becomes the bank's default."""
    if not isinstance(node, yaml.MappingNode):
        return
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "delay":
            try:
                delay = float(value.value)
            except (TypeError, ValueError):
                out.warn(_line(value), "CONFIG delay is not a number: ignored")
                continue
            out.default_seconds = out.seconds(_line(value), delay)


def parse(text: str, out: BankBuilder) -> None:
    root = compose(text)
    if not isinstance(root, yaml.MappingNode):
        raise ImportFailed("a Red trivia list is a YAML mapping of `question: [answers]`")
    found: dict[str, tuple[int, list[str]]] = {}
    about: dict[str, str] = {}
    for key, value in root.value:
        line = _line(key)
        if not isinstance(key, yaml.ScalarNode):
            out.skip(line, "entry skipped: its question is not text")
            continue
        if key.value in _RESERVED:  # Red's own keys, never questions
            if key.value == "CONFIG":
                _config(value, out)
            elif isinstance(value, yaml.ScalarNode) and value.value.strip():
                about[key.value] = " ".join(value.value.split())
            continue
        if key.value in found:
            earlier = found.pop(key.value)[0]
            out.skip(
                earlier,
                f"question skipped: it is repeated at line {line}, and Red keeps only the last",
            )
        found[key.value] = (line, _answers(value, out))
    by = f"By {about['AUTHOR']}" if "AUTHOR" in about else ""
    if text := " ".join(part for part in (about.get("DESCRIPTION", ""), by) if part):
        out.description = cut(text, MAX_DESCRIPTION)
    for question, (line, answers) in found.items():  # in file order: a repeat moves to its place
        out.short(Common(line=line, prompt=question), answers)
