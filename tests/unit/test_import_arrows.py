"""The house's arrows, checked on every import the source holds (lazy ones inside functions too).

Discord at the edge, the quiz in the middle, storage at the bottom: a change that makes the middle
know Discord, or the bottom know the middle, fails here with the file and line that did it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "purgebot"

# layer -> what it may import (besides itself, the standard library and third-party packages
# other than those named in NEVER)
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "config": {"errors"},
    "banks": {"errors"},
    "quiz": {"banks", "errors"},
    "essays": {"banks", "errors"},
    "storage": {"errors"},
    "reports": {"storage", "errors"},
    "catalog": {"banks", "errors"},
    "bot": {"banks", "quiz", "essays", "storage", "reports", "catalog", "config", "errors"},
    "commands": {"banks", "quiz", "essays", "storage", "catalog", "config", "errors", "bot", "cli"},
    "cli": {"commands", "errors"},
    "__main__": {"cli"},
    "__init__": set(),
}
# shards.py: which of Discord's shards a process serves (no Discord in it), read by the storage
# query that recovers a process's own runs, by the bot and by `purgebot run`
ALLOWED["shards"] = {"errors"}
for _user in ("storage", "bot", "commands"):
    ALLOWED[_user].add("shards")
# third-party packages that belong to one layer only
OWNERS = {"discord": {"bot", "commands"}, "aiosqlite": {"storage"}, "matplotlib": {"reports"}}


def _layer(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.append((node.lineno, node.module))
    return found


def _violations(root: Path = SRC) -> list[str]:
    bad = []
    for path in sorted(root.rglob("*.py")):
        layer = _layer(path, root)
        assert layer in ALLOWED, f"{path}: a new top-level module needs a place in ALLOWED"
        for line, name in _imports(path):
            top = name.split(".")[0]
            if top == "purgebot":
                if name == "purgebot":  # the package itself: only its version
                    continue
                target = name.split(".")[1]
                if target != layer and target not in ALLOWED[layer]:
                    bad.append(f"{path.relative_to(root)}:{line}: {layer} imports {name}")
            elif top in OWNERS and layer not in OWNERS[top]:
                bad.append(f"{path.relative_to(root)}:{line}: {layer} imports {name}")
    return bad


def test_every_import_follows_the_house_arrows() -> None:
    assert _violations() == []


@pytest.mark.parametrize("layer", ["banks", "quiz", "essays", "storage", "reports"])
def test_the_middle_and_the_bottom_never_import_discord(layer: str) -> None:
    for path in (SRC / layer).rglob("*.py"):
        assert not any(n.split(".")[0] == "discord" for _, n in _imports(path)), path


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    # The rule table is only worth something if a bad import is caught: plant one and look.
    (tmp_path / "quiz").mkdir()
    planted = tmp_path / "quiz" / "_planted_for_test.py"
    planted.write_text("import discord\nfrom purgebot.storage import Store\n", encoding="utf-8")
    assert _violations(tmp_path) == [
        "quiz/_planted_for_test.py:1: quiz imports discord",
        "quiz/_planted_for_test.py:2: quiz imports purgebot.storage",
    ]
