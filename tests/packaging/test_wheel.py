"""The wheel as a user gets it: built from the project, installed in a fresh venv, run from elsewhere."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "src", "questions")


def _run(*cmd: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PURGEBOT_", "PYTHON"))}
    return subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel built from a copy of the project (the checkout stays clean)."""
    base = tmp_path_factory.mktemp("wheel")
    project = base / "project"
    project.mkdir()
    for name in SHIPPED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                src, project / name, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__")
            )
        else:
            shutil.copy2(src, project / name)
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    built = _run(pip, "wheel", "-q", "--no-deps", "-w", base / "dist", project, cwd=base)
    assert built.returncode == 0, built.stderr
    wheels = list((base / "dist").glob("purgebot-*.whl"))
    assert len(wheels) == 1
    done = _run(pip, "install", "-q", "-c", ROOT / "requirements.lock", wheels[0], cwd=base)
    assert done.returncode == 0, done.stderr
    return env_dir / "bin"


def test_installed_wheel_knows_its_version(installed: Path, tmp_path: Path) -> None:
    from purgebot import __version__

    out = _run(installed / "purgebot", "--version", cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.strip() == f"purgebot {__version__}"


def test_installed_wheel_plays_a_built_in_bank_from_any_folder(
    installed: Path, tmp_path: Path
) -> None:
    out = _run(
        installed / "purgebot",
        "play",
        "kirov",
        "--count",
        "2",
        "--seed",
        "1",
        cwd=tmp_path,
        stdin="A\nA\n",
    )
    assert out.returncode == 0, out.stderr
    assert "The murder of Kirov" in out.stdout
    assert "Question 2/2" in out.stdout


def test_installed_bot_settings_find_the_banks_inside_the_package(
    installed: Path, tmp_path: Path
) -> None:
    code = (
        "from purgebot.config import Settings\n"
        "s = Settings.from_env({}, dotenv_path=None)\n"
        "print(s.banks_dir)\n"
        "print(' '.join(sorted(p.name for p in s.banks_dir.glob('*.yaml'))))\n"
    )
    out = _run(installed / "python", "-c", code, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    where, names = out.stdout.splitlines()
    assert "site-packages/purgebot/questions" in where
    assert names.split() == sorted(p.name for p in (ROOT / "questions").glob("*.yaml"))


def test_installed_wheel_carries_the_licence(installed: Path) -> None:
    licences = list(
        installed.parent.glob("lib/python*/site-packages/purgebot-*.dist-info/licenses/LICENSE")
    )
    assert len(licences) == 1
    assert licences[0].read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_checkout_is_not_on_the_installed_path(installed: Path, tmp_path: Path) -> None:
    out = _run(
        installed / "python", "-c", "import purgebot; print(purgebot.__file__)", cwd=tmp_path
    )
    assert "site-packages" in out.stdout and str(ROOT) not in out.stdout
    assert sys.prefix not in out.stdout


def test_installed_wheel_carries_the_stance_weights(installed: Path, tmp_path: Path) -> None:
    """The learned stance model's weights (essays/stance_weights.json) ship inside the package."""
    code = (
        "from purgebot.essays.stancemodel import shipped_model; print(len(shipped_model().weights))"
    )
    out = _run(installed / "python", "-c", code, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 100
