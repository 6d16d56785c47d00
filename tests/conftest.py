"""Paths and the PostgreSQL fixture shared by every test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from pgserver import fresh_postgres

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture
def questions_dir() -> Path:
    return QUESTIONS


@pytest.fixture
async def pg_url() -> AsyncIterator[str]:
    """A new, empty database on the test PostgreSQL server, dropped afterwards (skips, saying
    why, without PURGEBOT_TEST_POSTGRES)."""
    async with fresh_postgres() as url:
        yield url
