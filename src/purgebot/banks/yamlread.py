"""Read YAML into a small tree that keeps every value's line and column and its raw text.

Why not `yaml.safe_load`: it forgets where values came from, silently keeps the last of two
duplicate keys, turns `yes`/`no`/`1.10` into booleans and floats where the teacher typed text, and
expands aliases (an alias bomb). This reader walks the C parser's events with an explicit stack, so
it refuses aliases at the first `*`, bounds nesting before the C composer could overflow the stack,
and leaves typing to the bank validator, which knows what each key expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import yaml

from purgebot.banks.pitfalls import cut_by_comment, syntax_reason

# The C parser when libyaml is there, the pure-Python one otherwise.
_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

DEFAULT_MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
REWALK_LIMIT = 64 * 1024  # characters of text walked again by the pure-Python parser


@dataclass(slots=True)
class Scalar:
    value: str
    plain: bool  # written without quotes or block style: only then may it mean null/true/number
    line: int  # 1-based
    col: int  # 1-based

    def is_null(self) -> bool:
        return self.plain and self.value in ("", "~", "null", "Null", "NULL")


@dataclass(slots=True)
class Seq:
    items: list[Node]
    line: int
    col: int


@dataclass(slots=True)
class Map:
    # key text -> (key scalar, value); the first of two duplicate keys wins, the second is a problem
    items: dict[str, tuple[Scalar, Node]]
    line: int
    col: int
    flow: bool = False  # written inline, `{a: 1, b: 2}`: a comma there ends a value


Node: TypeAlias = Scalar | Seq | Map


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file, located for a teacher's editor."""

    line: int
    col: int
    message: str
    path: str = ""  # the key path, e.g. questions[3].choices
    file: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.file else f"{self.line}:{self.col}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class ReadError(Exception):
    """The text could not be read as YAML at all; `.problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(slots=True)
class _Frame:
    node: Seq | Map
    key: Scalar | None = None
    dup: bool = False  # the pending key repeats an earlier one: drop its value
    extra: list[Problem] = field(default_factory=list)


def decode(data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check size, binary content and encoding before any parsing happens."""
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError as exc:  # a lone surrogate: no parser can take it
            line, col = _text_line_col(data, exc.start)
            raise ReadError(
                Problem(line, col, "not UTF-8 text: save the file as UTF-8 and upload it again")
            ) from None
        text = data
    else:
        size = len(data)
    if size > max_bytes:
        raise ReadError(too_big(size, max_bytes))
    if isinstance(data, bytes):
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Windows Notepad's "Unicode"
            raise ReadError(
                Problem(1, 1, "UTF-16 text: save the file as UTF-8 and upload it again")
            )
        if b"\x00" in data:
            line, col = _line_col(data, data.index(b"\x00"))
            raise ReadError(Problem(line, col, "binary data (a NUL byte): a bank is a text file"))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line, col = _line_col(data, exc.start)
            raise ReadError(
                Problem(line, col, "not UTF-8 text: save the file as UTF-8 and upload it again")
            ) from None
    if "\x00" in text:
        encoded = text.encode("utf-8", "replace")
        line, col = _line_col(encoded, encoded.index(b"\x00"))
        raise ReadError(Problem(line, col, "binary data (a NUL byte): a bank is a text file"))
    return text.removeprefix("\ufeff")


def read(
    data: bytes | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Node | None, list[Problem]]:
    """Parse one YAML document into a Node tree; duplicate keys come back as problems.

    Raises ReadError for what stops parsing: bad syntax, aliases, tags, nesting, size, encoding.
    """
    text = decode(data, max_bytes=max_bytes)
    try:
        return _walk(_Loader, text)
    except ReadError as exc:
        if _Loader is yaml.SafeLoader or not exc.problem.message.startswith("YAML syntax error"):
            raise
        # libyaml has limits of its own (nesting ~1,000 levels since PyYAML 6.0.4) and reads ahead
        # of the events it hands over, so its error can come before our check sees the level that
        # breaks ours. Walk the text up to its error with the pure-Python parser, which has no
        # such limits: a limit of ours reached on the way is what the teacher needs to hear.
        # The pure-Python parser takes ~3 s per MiB, so past REWALK_LIMIT characters there is no
        # second walk: libyaml's own nesting limit is past ours, so ours is reported where
        # libyaml stopped, and other syntax errors are reported as they are.
        upto = offset_of(text, exc.problem.line, exc.problem.col)
        if upto > REWALK_LIMIT:
            if "nesting depth" in exc.problem.message:
                nested = f"nested more than {MAX_DEPTH} levels deep"
                raise ReadError(Problem(exc.problem.line, exc.problem.col, nested)) from None
            raise
        try:
            _walk(yaml.SafeLoader, text[:upto])
        except ReadError as first:
            if not first.problem.message.startswith(("YAML syntax error", "not valid YAML")):
                raise first from None
        raise


def _walk(loader_class: type[Any], text: str) -> tuple[Node | None, list[Problem]]:
    """Build the tree from one parser's events; our limits are checked event by event."""
    loader = loader_class(text)
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root: Node | None = None
    documents = 0
    hashes = "#" in text  # once: asked per scalar, it scanned the whole file every time
    try:
        get_event: Callable[[], yaml.Event | None] = loader.get_event
        while True:
            event = get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                break
            start = event.start_mark
            line, col = (start.line + 1, start.column + 1) if start else (1, 1)
            if isinstance(event, yaml.ScalarEvent):
                if event.tag is not None and event.tag != "!":  # "!" is the non-plain tag marker
                    raise ReadError(
                        Problem(line, col, f"YAML tags such as {event.tag!r} are not allowed")
                    )
                node: Node = Scalar(event.value, not event.style, line, col)
                end = event.end_mark
                if hashes and not event.style and event.value and end is not None:
                    _check_comment(text, end, stack, problems)
                root = _attach(stack, node, problems, root)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if event.tag is not None:
                    raise ReadError(
                        Problem(line, col, f"YAML tags such as {event.tag!r} are not allowed")
                    )
                if len(stack) >= MAX_DEPTH:
                    raise ReadError(Problem(line, col, f"nested more than {MAX_DEPTH} levels deep"))
                container: Seq | Map = (
                    Map({}, line, col, bool(event.flow_style))
                    if isinstance(event, yaml.MappingStartEvent)
                    else Seq([], line, col)
                )
                stack.append(_Frame(container))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                done = stack.pop().node
                root = _attach(stack, done, problems, root)
            elif isinstance(event, yaml.AliasEvent):
                raise ReadError(
                    Problem(
                        line, col, "anchors and aliases (&name, *name) are not allowed in a bank"
                    )
                )
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise ReadError(
                        Problem(
                            line, col, "only one YAML document per file (remove the second ---)"
                        )
                    )
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "invalid YAML"
        if mark is not None:
            reason = syntax_reason(reason, text, mark.index)
        raise ReadError(Problem(line, col, f"YAML syntax error: {reason}")) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        line, col = _text_line_col(text, getattr(exc, "position", 0))
        raise ReadError(Problem(line, col, f"not valid YAML text: {_reason(exc)}")) from None
    finally:
        loader.dispose()
    return root, problems


def _check_comment(text: str, end: Any, stack: list[_Frame], problems: list[Problem]) -> None:
    """A plain value followed on its line by ` #6...`: YAML dropped the rest as a comment."""
    found = cut_by_comment(text, end.index)
    if found is None:
        return
    at, message = found
    frame = stack[-1] if stack else None
    path = ""
    if frame is not None and isinstance(frame.node, Map) and frame.key is not None:
        path = _key_path(stack, frame.key.value)
    problems.append(Problem(end.line + 1, end.column + 1 + at - end.index, message, path))


def offset_of(text: str, line: int, col: int) -> int:
    """The index in `text` of a 1-based line and column (the end of the text if past it)."""
    index = 0
    breaks = _BREAK.finditer(text)
    for _ in range(line - 1):
        found = next(breaks, None)
        if found is None:
            return len(text)
        index = found.end()
    return min(len(text), index + col)


def _attach(
    stack: list[_Frame], node: Node, problems: list[Problem], root: Node | None
) -> Node | None:
    if not stack:
        return node
    frame = stack[-1]
    parent = frame.node
    if isinstance(parent, Seq):
        parent.items.append(node)
        return root
    if frame.key is None:
        if not isinstance(node, Scalar):
            problems.append(Problem(node.line, node.col, "a key must be plain text"))
            frame.key, frame.dup = Scalar("", True, node.line, node.col), True
            return root
        first = parent.items.get(node.value)
        frame.key, frame.dup = node, first is not None
        if first is not None:
            problems.append(
                Problem(
                    node.line,
                    node.col,
                    f"duplicate key {node.value!r} (first at line {first[0].line})",
                    _key_path(stack, node.value),
                )
            )
        return root
    if not frame.dup:
        parent.items[frame.key.value] = (frame.key, node)
    frame.key, frame.dup = None, False
    return root


def _key_path(stack: list[_Frame], key: str) -> str:
    """`questions[1].answer`: where in the tree the innermost mapping's `key` stands."""
    path = ""
    for frame in stack[:-1]:
        if isinstance(frame.node, Seq):
            path += f"[{len(frame.node.items)}]"
        elif frame.key is not None:
            path += f".{frame.key.value}" if path else frame.key.value
    return f"{path}.{key}" if path else key


def too_big(size: int, max_bytes: int) -> Problem:
    return Problem(1, 1, f"file is {size_text(size)}; the limit is {size_text(max_bytes)}")


_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters, as YAML counts them) of a byte offset."""
    before = data[:offset].decode("utf-8", "replace")
    return _text_line_col(before, len(before))


def _text_line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of `text[offset]`, line breaks counted as YAML counts them:
    a file saved with old Mac line endings (CR only) has lines too."""
    line, start = 1, 0
    for found in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, found.end()
    return line, offset - start + 1


def size_text(n: int) -> str:
    """A byte count as a person reads it: "512 bytes", "40 KiB", "1.0 MiB"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.0f} KiB"
    return f"{n} bytes"


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
