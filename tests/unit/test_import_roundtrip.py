"""From a teacher's file to a played question: import, validate, load, and answer in the engine."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from purgebot.banks.importers import decode_bytes, detect_format, import_text
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    NumericQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from purgebot.quiz import Answer, BoolAnswer, ChoicePick, QuizSession, QuizSettings, TextAnswer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
SAMPLES = {
    "purges.gift": ("gift", 12),
    "trials.txt": ("aiken", 4),
    "trivia.yaml": ("red", 6),
    "opentdb.json": ("opentdb", 3),
    "plain.csv": ("csv", 5),
    "kahoot.csv": ("csv", 4),
}


def imported(name: str) -> Bank:
    """A sample file through detection, import, and the bank loader, as an upload would go."""
    text = decode_bytes((FIXTURES / name).read_bytes())
    fmt = detect_format(name, text)
    result = import_text(text, fmt, bank_id="sample", title=f"Sample {name}")
    return load_bank_text(result.yaml_text, f"{name}.yaml")


def play(bank: Bank, question: AnyQuestion, answers: dict[int, Answer]) -> dict[int, bool]:
    """Ask one question of the bank to a few players; who was marked right at the reveal."""
    now = [100.0]
    single = dataclasses.replace(bank, questions=(question,))
    session = QuizSession(single, QuizSettings(seed=7), clock=lambda: now[0], started_by=1)
    view = session.start()
    assert view.question == question
    for player, answer in answers.items():
        now[0] += 1.0
        session.submit(player, answer, name=f"player {player}")
    session.close()
    result = session.reveal()
    return {o.player_id: o.correct for o in result.outcomes}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_is_detected_imported_and_loads(name: str) -> None:
    fmt, count = SAMPLES[name]
    text = decode_bytes((FIXTURES / name).read_bytes())
    assert detect_format(name, text) == fmt
    result = import_text(text, fmt, bank_id="sample")
    bank = load_bank_text(result.yaml_text, f"{name}.yaml")
    assert len(bank.questions) == count == result.imported
    assert [q.id for q in bank.questions] == [q["id"] for q in result.bank["questions"]]
    assert [q.prompt for q in bank.questions] == [q["prompt"] for q in result.bank["questions"]]


def test_a_gift_multi_choice_plays_in_the_engine() -> None:
    bank = imported("purges.gift")
    q = next(q for q in bank.questions if isinstance(q, ChoiceQuestion) and q.multi)
    right = ChoicePick(frozenset(q.answers))
    half = ChoicePick(frozenset(list(q.answers)[:1]))
    assert play(bank, q, {2: right, 3: half}) == {2: True, 3: False}


def test_a_gift_numeric_range_plays_with_its_tolerance() -> None:
    bank = imported("purges.gift")
    q = next(q for q in bank.questions if isinstance(q, NumericQuestion) and q.answer == 1937)
    got = play(bank, q, {2: TextAnswer("1938"), 3: TextAnswer("1935")})
    assert got == {2: True, 3: False}


def test_a_red_answer_written_as_a_number_matches_what_students_type() -> None:
    bank = imported("trivia.yaml")
    q = next(q for q in bank.questions if isinstance(q, ShortQuestion) and q.answer == "1.10")
    assert play(bank, q, {2: TextAnswer("1.10"), 3: TextAnswer("1.9")}) == {2: True, 3: False}


def test_an_open_trivia_true_false_plays() -> None:
    bank = imported("opentdb.json")
    q = next(q for q in bank.questions if isinstance(q, TrueFalseQuestion))
    assert play(bank, q, {2: BoolAnswer(q.answer), 3: BoolAnswer(not q.answer)}) == {
        2: True,
        3: False,
    }


def test_a_template_csv_question_plays_with_its_own_time_limit() -> None:
    bank = imported("kahoot.csv")
    q = bank.questions[0]
    assert isinstance(q, ChoiceQuestion) and bank.seconds_for(q) == 20
    assert q.choices[min(q.answers)] == "Beria"
    got = play(bank, q, {2: ChoicePick(frozenset(q.answers)), 3: ChoicePick(frozenset({3}))})
    assert got == {2: True, 3: False}


def test_a_bank_too_big_to_load_is_said_so_at_import() -> None:
    many = "".join(
        f"::Q{i}:: Who signed order {i}? {{=Stalin ~Yezhov ~Beria}}\n\n" for i in range(10_000)
    )
    result = import_text(many, "gift", bank_id="many")
    size = len(result.yaml_text.encode("utf-8"))
    assert size > 1024 * 1024 and result.imported == 10_000
    assert str(result.warnings[-1]) == (
        f"the bank is {size / (1024 * 1024):.1f} MiB, over the 1.0 MiB purgebot loads: "
        "split the file and import each part as its own bank"
    )
    assert not any("MiB" in str(w) for w in import_text(many[:500], "gift", bank_id="few").warnings)
