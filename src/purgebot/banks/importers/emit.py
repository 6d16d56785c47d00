"""Write an imported bank as YAML a teacher can read and edit, and that reads back as written.

Block style, keys in the documented order, unicode as itself. Any text a YAML 1.1 or 1.2 reader
could take for something else (`yes`, `no`, `on`, `1.10`, `0o17`, `~`) is quoted, so an answer
the author wrote as text stays text whichever YAML library reads the file next.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from purgebot.banks.importers.common import EssayDraft

_LOOKS_TYPED = re.compile(
    r"""^(?:
        (?:y|yes|n|no|true|false|on|off|null|~)
      | [-+]?\.(?:inf|nan)
      | [-+]?[0-9.][0-9a-fx_.:,+-]*
      | [=<].*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the format's own examples do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if not value or _LOOKS_TYPED.match(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text


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
