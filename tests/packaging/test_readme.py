"""The README is the contract with a new user and with CI: its commands run as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)


def _terminal_lines() -> list[str]:
    section = README.split("## In the terminal", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_ci_runs_the_readme_test_command_exactly() -> None:
    test_command = next(line for b in _blocks() for line in b.splitlines() if "pytest" in line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_both_readme_commands_install_from_the_lock() -> None:
    installs = [line for b in _blocks() for line in b.splitlines() if "python3 -m venv" in line]
    assert len(installs) == 2  # one runs the bot, one runs the tests
    assert all("-c requirements.lock" in line for line in installs)
    locked = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for name in ("discord-py", "aiosqlite", "pyyaml", "pytest", "simcord", "ruff", "mypy"):
        assert re.search(rf"^{name}==\S+$", locked, flags=re.MULTILINE), name


@pytest.mark.parametrize("line", _terminal_lines())
def test_every_terminal_example_runs_as_written_on_a_plain_clone(line: str, tmp_path: Path) -> None:
    # A plain clone: the project's own files, nothing beside it (no ../shared).
    clone = tmp_path / "clone"
    clone.mkdir()
    shutil.copytree(ROOT / "questions", clone / "questions")
    shutil.copytree(ROOT / "docs", clone / "docs")
    command = line.split("  #", 1)[0].replace(".venv/bin/", f"{BIN}/")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PURGEBOT_")}
    out = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, f"{line}\n{out.stdout}\n{out.stderr}"
    assert "Traceback" not in out.stdout + out.stderr
