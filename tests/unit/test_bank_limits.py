"""A legal-size bank full of mistakes gets a short answer: the first problems and a count."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.fields import MAX_LISTED
from purgebot.banks.loader import BankError, load_bank_text
from purgebot.cli import main

HEAD = "bank: test-bank\ntitle: Test\nquestions:\n  - {id: a, type: true_false, prompt: p, answer: no}\n"


def refused(text: str) -> BankError:
    with pytest.raises(BankError) as info:
        load_bank_text(text, "t.yaml")
    return info.value


def test_sixty_thousand_unknown_keys_list_the_first_and_count_the_rest() -> None:
    text = HEAD + "".join(f"k{i}: 1\n" for i in range(60_000))
    assert len(text) < 1024 * 1024
    error = refused(text)
    assert (len(error.problems), error.more, error.count) == (MAX_LISTED, 59_000, 60_000)
    assert str(error.problems[0]) == (
        "t.yaml:5:1: unknown key 'k0'; allowed here: bank, defaults, description, essays, "
        "names, questions, retired, sources, title, topics, version"
    )
    message = str(error)
    assert message.startswith("t.yaml: 60,000 problems\n")
    assert message.endswith(
        "\nt.yaml: …and 59,000 more problems not listed: fix these first, then check the file again"
    )
    assert len(message) < 200_000  # was 7.4 MB


def test_forty_five_thousand_broken_questions_are_counted_not_all_listed() -> None:
    error = refused("bank: b1\ntitle: T\nquestions:\n" + "  - {}\n" * 45_000)
    assert error.count == 135_000 and len(error.problems) == MAX_LISTED
    assert [p.line for p in error.problems] == sorted(p.line for p in error.problems)
    assert str(error.problems[0]) == "t.yaml:4:5: questions[0]: missing required key 'id'"


def test_validate_prints_the_first_problems_and_how_many_more(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "many.yaml"
    bank.write_text(HEAD + "".join(f"k{i}: 1\n" for i in range(MAX_LISTED + 5)), "utf-8")
    assert main(["validate", str(bank)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == MAX_LISTED + 1
    assert lines[-1] == (
        f"{bank}:1:1: …and 5 more problems not listed: fix these first, then check the file again"
    )
