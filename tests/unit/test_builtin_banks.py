"""The built-in banks: valid, cited to quotes that really stand in the named sources, well mixed."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import Bank, ShortQuestion
from purgebot.banks.quotes import bank_citations, check_citations, load_sources

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "sources"
SOURCE_IDS = {"morris", "clayton", "ussr-archive", "swift", "flashcards"}


@pytest.fixture(scope="module")
def banks() -> list[Bank]:
    return load_bank_dir(ROOT / "questions")


def test_enough_questions_and_essays(banks: list[Bank]) -> None:
    assert len(banks) >= 5
    assert sum(len(b.questions) for b in banks) >= 200
    assert sum(len(b.essays) for b in banks) >= 15


def test_every_type_is_used(banks: list[Bank]) -> None:
    types = Counter(q.type for b in banks for q in b.questions)
    assert set(types) == {"choice", "true_false", "short", "numeric", "order"}
    assert min(types.values()) >= 10, types


def test_every_source_is_cited_at_least_20_times(banks: list[Bank]) -> None:
    cited = Counter(q.source.doc for b in banks for q in b.questions if q.source)
    assert set(cited) == SOURCE_IDS
    assert min(cited.values()) >= 20, cited


def test_every_question_is_cited_explained_and_classified(banks: list[Bank]) -> None:
    for b in banks:
        for q in b.questions:
            where = f"{b.id}:{q.id}"
            assert q.source and q.source.quote, f"{where} has no source quote"
            assert q.explanation, f"{where} has no explanation"
            assert b.topic_of(q), f"{where} has no topic"
            assert b.difficulty_of(q), f"{where} has no difficulty"
            assert len(q.prompt) <= 300, f"{where}: prompt too long to read on a phone"


def test_every_essay_has_sourced_key_points_and_an_outline(banks: list[Bank]) -> None:
    for b in banks:
        for e in b.essays:
            assert len(e.key_points) >= 3, e.id
            assert e.outline, f"{e.id} has no outline"
            assert all(k.source and k.source.quote for k in e.key_points), e.id


def test_standard_spellings_in_prompts_and_answers(banks: list[Bank]) -> None:
    wrong = ("Rytov", "Khrustev", "Kruschev", "Ezhov", "Isvestya")
    for b in banks:
        for q in b.questions:
            shown = [
                q.prompt,
                q.correct_text(),
                *getattr(q, "choices", ()),
                *getattr(q, "items", ()),
            ]
            for text in shown:
                assert not any(w in text for w in wrong), f"{b.id}:{q.id}: {text!r}"


def test_typed_answers_accept_common_variants(banks: list[Bank]) -> None:
    shorts = [q for b in banks for q in b.questions if isinstance(q, ShortQuestion)]
    names = {"Yezhov": "Ezhov", "Khrushchev": "Kruschev", "Ryutin": "Rytov"}
    for q in shorts:
        for name, variant in names.items():
            if q.answer == name:
                assert variant.casefold() in {a.casefold() for a in q.accept}, q.id


def test_quotes_stand_in_the_named_sources(banks: list[Bank]) -> None:
    if not (SOURCES / "sources.yaml").exists():
        pytest.skip(f"the source documents are not beside the project ({SOURCES})")
    sources = load_sources(SOURCES)
    citations = [(f"{b.id}: {c.what}", c.doc, c.quote) for b in banks for c in bank_citations(b)]
    problems = check_citations(citations, sources)
    assert not problems, "\n".join(map(str, problems))
