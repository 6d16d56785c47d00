"""The house's arrows, checked on every import the source holds (lazy ones inside functions too).

Discord at the edge, the quiz in the middle, storage at the bottom: a change that makes the middle
know Discord, or the bottom know the middle, fails here with the file and line that did it. Inside
the edge, each feature package of bot/ imports the bot's core and the domain, never another
feature, and the core imports no feature (but the registry that builds the bot from all of them).
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
    "catalog": {"banks", "storage", "errors"},
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


# the core modules of bot/ that build the bot from every feature, so may import them all
REGISTRY = {"client", "features"}


def _bot_imports(path: Path) -> list[tuple[int, str]]:
    """Like `_imports`, with `from a import b` also seen as `a.b` (b may be a feature package)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _feature_violations(root: Path = SRC) -> list[str]:
    bot = root / "bot"
    features = {p.name for p in bot.iterdir() if (p / "__init__.py").is_file()}
    bad = []
    for path in sorted(bot.rglob("*.py")):
        parts = path.relative_to(bot).parts
        own = parts[0] if len(parts) > 1 else None  # None: a core module
        if own is None and parts[0].removesuffix(".py") in REGISTRY:
            continue
        for line, name in _bot_imports(path):
            bits = name.split(".")
            if bits[:2] != ["purgebot", "bot"] or len(bits) < 3 or bits[2] not in features:
                continue
            if bits[2] != own:
                who = f"feature {own}" if own else "the core"
                bad.append(f"bot/{'/'.join(parts)}:{line}: {who} imports {'.'.join(bits[:3])}")
    return sorted(set(bad))


def test_features_import_only_the_core_and_the_domain() -> None:
    assert _feature_violations() == []


def test_the_feature_checker_sees_a_violation(tmp_path: Path) -> None:
    for package in ("quiz", "essays"):
        (tmp_path / "bot" / package).mkdir(parents=True)
        (tmp_path / "bot" / package / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "bot" / "quiz" / "cog.py").write_text(
        "from purgebot.bot import render\nfrom purgebot.bot.essays.cog import EssaysCog\n"
        "from purgebot.bot.quiz import embeds\n",
        encoding="utf-8",
    )
    (tmp_path / "bot" / "render.py").write_text("from purgebot.bot import quiz\n", encoding="utf-8")
    (tmp_path / "bot" / "client.py").write_text("from purgebot.bot import quiz\n", encoding="utf-8")
    assert _feature_violations(tmp_path) == [
        "bot/quiz/cog.py:2: feature quiz imports purgebot.bot.essays",
        "bot/render.py:1: the core imports purgebot.bot.quiz",
    ]


def test_every_import_follows_the_house_arrows() -> None:
    assert _violations() == []


@pytest.mark.parametrize("layer", ["banks", "quiz", "essays", "storage", "reports", "catalog"])
def test_the_middle_and_the_bottom_never_import_discord(layer: str) -> None:
    paths = (
        [SRC / f"{layer}.py"] if (SRC / f"{layer}.py").is_file() else (SRC / layer).rglob("*.py")
    )
    for path in paths:
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
