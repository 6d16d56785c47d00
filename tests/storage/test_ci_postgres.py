"""CI runs the storage suite on a real PostgreSQL: `.ci/run` starts one with `.ci/postgres` and
exports its URL before the README's test command; the README says how."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_starts_postgres_and_exports_its_url_before_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    start = ci.index('PURGEBOT_TEST_POSTGRES="$(.ci/postgres)"')
    export = ci.index("export PURGEBOT_TEST_POSTGRES")
    tests = ci.index(".venv/bin/python -m pytest")
    assert start < export < tests


def test_the_server_script_is_an_executable_bash_script() -> None:
    script = ROOT / ".ci" / "postgres"
    assert os.access(script, os.X_OK)
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    assert "apt-get install -y -q postgresql" in text and "runuser -u postgres" in text
    assert "listen_addresses=127.0.0.1" in text


def test_the_readme_names_the_way_and_the_skip() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'export PURGEBOT_TEST_POSTGRES="$(.ci/postgres)"' in readme
    assert "Without the variable the\nPostgreSQL cases skip" in readme
