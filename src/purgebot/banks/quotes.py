"""Check that every cited quote really stands in the source document it names.

Source texts are PDF and web exports: line breaks fall mid-sentence and quote marks are mangled
(an i-acute for a closing quote, a D-caron for an opening one), so both sides are folded first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from purgebot.banks.model import Bank
from purgebot.errors import UserFacingError

_QUOTE_CHARS = "'\"‘’‚‛“”„‟`´′″íĎ"
_QUOTE_TABLE = str.maketrans("", "", _QUOTE_CHARS)
_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, drop quote marks, collapse whitespace: the form quotes are compared in."""
    return _SPACE.sub(" ", text.lower().translate(_QUOTE_TABLE)).strip()


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited quote of a bank: a question's source, or a key point's."""

    line: int  # where the question or essay prompt starts in its file
    what: str  # "questions kirov-victim" or "essays why-purges.paranoia"
    doc: str
    quote: str | None


def bank_citations(bank: Bank) -> list[Citation]:
    """Every source a bank cites, questions first, then essay key points."""
    found = [
        Citation(q.line, f"questions {q.id}", q.source.doc, q.source.quote)
        for q in bank.questions
        if q.source
    ]
    found += [
        Citation(e.line, f"essays {e.id}.{k.id}", k.source.doc, k.source.quote)
        for e in bank.essays
        for k in e.key_points
        if k.source
    ]
    found += [
        Citation(e.line, f"essays {e.id}.misconceptions[{i}]", c.source.doc, c.source.quote)
        for e in bank.essays
        for i, c in enumerate(e.misconceptions)
        if c.source
    ]
    return found


@dataclass(frozen=True)
class QuoteProblem:
    where: str
    doc: str
    quote: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}: {self.quote!r}"


class SourcesError(UserFacingError):
    """The folder of source documents cannot be read: the quotes cannot be checked at all."""


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise SourcesError(f"cannot read {path}: {exc.strerror or type(exc).__name__}") from None


def load_sources(sources_dir: Path) -> dict[str, str]:
    """Read `sources.yaml` (a list of `{id, file}`) and return each source id with its folded
    text; SourcesError when the index or a document cannot be read."""
    index_path = sources_dir / "sources.yaml"
    try:
        index = yaml.safe_load(_read(index_path))
    except yaml.YAMLError:
        raise SourcesError(f"{index_path} is not valid YAML") from None
    entries = index if isinstance(index, list) else None
    if entries is None or not all(
        isinstance(e, dict) and isinstance(e.get("id"), str) and isinstance(e.get("file"), str)
        for e in entries
    ):
        raise SourcesError(f"{index_path} must be a list of {{id, file}} entries")
    return {e["id"]: fold(_read(sources_dir / e["file"])) for e in entries}


def check_citations(
    citations: Iterable[tuple[str, str, str | None]], sources: Mapping[str, str]
) -> list[QuoteProblem]:
    """Each citation is (where, doc id, quote); return the ones not found in their document."""
    problems: list[QuoteProblem] = []
    for where, doc, quote in citations:
        if doc not in sources:
            problems.append(QuoteProblem(where, doc, quote or "", f"unknown source {doc!r}"))
        elif not quote or not fold(quote):
            problems.append(QuoteProblem(where, doc, "", "no quote given"))
        elif fold(quote) not in sources[doc]:
            problems.append(QuoteProblem(where, doc, quote, f"quote not found in {doc!r}"))
    return problems
