"""Write an imported bank as YAML a teacher can read and edit, and that reads back as written.

A small emitter for the one shape a bank has (mappings, lists, text, numbers, booleans), because
PyYAML's pure-Python emitter takes seconds per ten thousand questions and its C emitter cannot
indent list items as the format's examples do. Text is written plain when that is unambiguous,
in single quotes when a YAML 1.1 or 1.2 reader could take it for something else (`yes`, `no`,
`on`, `1.10`, `0o17`, `~`), as a `|-` block when it spans lines, and double-quoted with escapes
when it holds characters YAML cannot carry raw.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from purgebot.banks.importers.common import EssayDraft
from purgebot.banks.numbers import decimal_text

_LOOKS_TYPED = re.compile(
    r"""^(?:
        (?:y|yes|n|no|true|false|on|off|null|~)
      | [-+]?\.(?:inf|nan)
      | [-+]?[0-9.][0-9a-fox_.:,+-]*
      | [=<].*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Characters YAML cannot hold raw, or reads as line breaks (NEL, LS, PS), or strips (BOM).
_UNSAFE = re.compile(
    "[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_DOUBLE_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
_DOUBLE_SPECIAL = re.compile(r'["\\\n\t]|' + _UNSAFE.pattern)


def _escape(char: str) -> str:
    if char in _DOUBLE_ESCAPES:
        return _DOUBLE_ESCAPES[char]
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _plain_ok(text: str) -> bool:
    return not (
        not text
        or text[0] in _INDICATORS
        or text[0].isspace()
        or text[-1].isspace()
        or text.endswith(":")
        or ": " in text
        or " #" in text
        or "\t" in text
        or "\n" in text
        or _UNSAFE.search(text)
        or _LOOKS_TYPED.match(text)
    )


def _block_ok(text: str) -> bool:
    """A `|-` block keeps the text exactly when it neither starts nor ends with white space."""
    return not (text[0].isspace() or text[-1].isspace() or _UNSAFE.search(text))


def scalar(value: object, indent: int) -> str:
    """One value as YAML; `indent` is where a block scalar's lines go."""
    if type(value) is str and "\n" not in value and _plain_ok(value):  # the common case first
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("a bank holds finite numbers only")
        return decimal_text(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a bank holds finite numbers only")
        text = repr(value)
        return text.replace("e", ".0e", 1) if "." not in text and "e" in text else text
    if not isinstance(value, str):
        raise TypeError(f"cannot write {type(value).__name__} in a bank")
    if "\n" in value and _block_ok(value):
        pad = " " * indent
        return "|-\n" + "\n".join(pad + line if line else "" for line in value.split("\n"))
    if _plain_ok(value):
        return value
    if "\n" not in value and not _UNSAFE.search(value):
        return "'" + value.replace("'", "''") + "'"
    return '"' + _DOUBLE_SPECIAL.sub(lambda m: _escape(m.group()), value) + '"'


def _mapping(data: Mapping[str, Any], indent: int, out: list[str], first: str = "") -> None:
    """Lines of a mapping at `indent`; `first` prefixes its first line (a list item's "- ")."""
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = (pad[: -len(first)] + first) if n == 0 and first else pad
        if type(value) is str:  # most values: skip the (slow) abstract-class checks
            out.append(f"{lead}{key}: {scalar(value, indent + 2)}")
        elif isinstance(value, Mapping):
            if value:
                out.append(f"{lead}{key}:")
                _mapping(value, indent + 2, out)
            else:
                out.append(f"{lead}{key}: {{}}")
        elif isinstance(value, list | tuple):
            if value:
                out.append(f"{lead}{key}:")
                _sequence(value, indent + 2, out)
            else:
                out.append(f"{lead}{key}: []")
        else:
            out.append(f"{lead}{key}: {scalar(value, indent + 2)}")


def _sequence(items: Sequence[Any], indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if type(item) is str:
            out.append(f"{pad}- {scalar(item, indent + 2)}")
        elif isinstance(item, Mapping) and item:
            _mapping(item, indent + 2, out, first="- ")
        elif isinstance(item, list | tuple | Mapping):
            raise TypeError("a bank has no lists directly inside lists")
        else:
            out.append(f"{pad}- {scalar(item, indent + 2)}")


def dump(data: Mapping[str, Any]) -> str:
    """A mapping as block-style YAML, keys in their given order."""
    out: list[str] = []
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"


def bank_yaml(bank: dict[str, Any], label: str, skipped: int, essays: Sequence[EssayDraft]) -> str:
    """The bank's YAML: a one-line header saying where it came from, then the bank."""
    count = len(bank["questions"])
    header = f"# Imported from {label}: {count} question{'s' if count != 1 else ''}"
    header += f", {skipped} left out (see the import warnings).\n" if skipped else ".\n"
    text = header + dump(bank)
    if essays:
        text += _essay_drafts(essays)
    return text


def _essay_drafts(essays: Sequence[EssayDraft]) -> str:
    drafts = []
    for e in essays:
        draft: dict[str, Any] = {"id": e.id, "prompt": e.prompt}
        if e.guidance:
            draft["guidance"] = e.guidance
        draft["key_points"] = [
            {
                "id": "point-1",
                "point": "The idea a good answer makes",
                "phrases": ["a phrase that shows it"],
            }
        ]
        drafts.append(draft)
    body = dump({"essays": drafts})
    lines = [
        "",
        "# Essay prompts found in the file but not imported: purgebot essays need key points.",
        "# Write the key points, then remove the '# ' in front of the lines below to use them.",
        *(f"# {line}".rstrip() for line in body.splitlines()),
    ]
    return "\n".join(lines) + "\n"
