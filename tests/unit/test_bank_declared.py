"""What a bank declares once: topics a student revises by, retired ids, name spellings."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.loader import BankError, bank_files, load_bank_file, load_bank_text
from purgebot.banks.model import ShortQuestion
from purgebot.banks.parts import TOP_KEYS
from purgebot.banks.schema import bank_schema
from purgebot.quiz.matching import TextAnswer, is_correct

HEAD = "bank: test-bank\ntitle: Test\n"
QUESTION = (
    "  - id: who\n"
    "    type: short\n"
    "    prompt: Who shot Kirov?\n"
    "    answer: Nikolaev\n"
    "    topic: {topic}\n"
)


def problems(text: str) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank_text(text, "t.yaml")
    return [str(p) for p in info.value.problems]


def test_an_undeclared_topic_is_refused_where_it_stands() -> None:
    text = HEAD + "topics: [kirov, show-trials]\nquestions:\n" + QUESTION.format(topic="kirow")
    (problem,) = problems(text)
    assert problem.startswith("t.yaml:9:12: questions[0].topic: topic 'kirow' is not declared")
    assert "did you mean 'kirov'?" in problem


def test_an_undeclared_default_topic_is_refused() -> None:
    text = HEAD + "defaults: {topic: murder}\ntopics: [kirov]\nquestions:\n"
    text += QUESTION.format(topic="kirov")
    (problem,) = problems(text)
    assert "defaults.topic: topic 'murder' is not declared under `topics`" in problem


def test_declared_topics_are_kept_and_limited_to_twenty() -> None:
    bank = load_bank_text(
        HEAD + "topics: [kirov]\nquestions:\n" + QUESTION.format(topic="kirov"), "t.yaml"
    )
    assert bank.declared_topics == ("kirov",)
    many = "[" + ", ".join(f"t{i}" for i in range(21)) + "]"
    text = HEAD + f"topics: {many}\nquestions:\n" + QUESTION.format(topic="t1")
    assert any("at most 20 topics allowed, found 21" in p for p in problems(text))


def test_a_bank_without_declared_topics_keeps_free_topics() -> None:
    bank = load_bank_text(HEAD + "questions:\n" + QUESTION.format(topic="anything"), "t.yaml")
    assert bank.declared_topics == ()


def test_a_retired_id_cannot_come_back() -> None:
    text = HEAD + "retired: [who, old-one]\nquestions:\n" + QUESTION.format(topic="kirov")
    (problem,) = problems(text)
    assert problem.startswith("t.yaml:5:9: questions[0].id: id 'who' is retired")
    bank = load_bank_text(
        HEAD + "retired: [old-one]\nquestions:\n" + QUESTION.format(topic="kirov"), "t.yaml"
    )
    assert bank.retired == ("old-one",)


def accepts(question: object, typed: str) -> bool:
    assert isinstance(question, ShortQuestion)
    return is_correct(question, TextAnswer(typed))


def test_a_banks_own_names_give_every_spelling_and_the_usual_name_orders() -> None:
    text = HEAD + "names:\n  Nikolaev: [Nicolaev, Leonid Nikolaev]\nquestions:\n"
    text += QUESTION.format(topic="kirov")
    (q,) = load_bank_text(text, "t.yaml").questions
    for typed in ("Nicolaev", "Leonid Nikolaev", "L. Nikolaev", "L Nikolaev", "Nikolaev, Leonid"):
        assert accepts(q, typed), typed
    assert not accepts(q, "Kirov")


def test_a_spelling_may_belong_to_one_name_only() -> None:
    text = HEAD + "names:\n  Rykov: [Rytov]\n  Ryutin: [Rytov]\nquestions:\n"
    text += QUESTION.format(topic="kirov")
    assert any("'Rytov' is also a spelling of 'Rykov'" in p for p in problems(text))


def test_a_folders_names_file_serves_every_bank_in_it(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("names:\n  Nikolaev: [Nicolaev]\n", encoding="utf-8")
    (tmp_path / "kirov.yaml").write_text(
        HEAD + "questions:\n" + QUESTION.format(topic="kirov"), encoding="utf-8"
    )
    assert bank_files([tmp_path]) == [tmp_path / "kirov.yaml"]
    (q,) = load_bank_file(tmp_path / "kirov.yaml").questions
    assert accepts(q, "nicolaev")


def test_a_broken_names_file_is_reported_with_its_own_name(tmp_path: Path) -> None:
    (tmp_path / "names.yaml").write_text("names:\n  Nikolaev: oops\n", encoding="utf-8")
    (tmp_path / "kirov.yaml").write_text(
        HEAD + "questions:\n" + QUESTION.format(topic="kirov"), encoding="utf-8"
    )
    with pytest.raises(BankError) as info:
        load_bank_file(tmp_path / "kirov.yaml")
    (problem,) = info.value.problems
    assert str(problem).startswith(f"{tmp_path / 'names.yaml'}:2:13: names.Nikolaev:")


def test_the_schema_knows_every_top_level_key() -> None:
    assert set(bank_schema()["properties"]) == set(TOP_KEYS)
