"""Paths shared by every test."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "questions"
SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture
def questions_dir() -> Path:
    return QUESTIONS
