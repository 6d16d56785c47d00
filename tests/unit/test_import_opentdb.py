"""Open Trivia DB JSON: entities decoded, a fixed but unpredictable choice order, lines reported."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from purgebot.banks.importers import ImportFailed, ImportResult, import_text
from purgebot.banks.loader import load_bank_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "opentdb.json"


def otdb(text: str) -> ImportResult:
    return import_text(text, "opentdb", bank_id="otdb-test")


def item(
    question: str, correct: str, wrong: list[str], kind: str = "multiple"
) -> dict[str, object]:
    return {
        "type": kind,
        "difficulty": "easy",
        "category": "History",
        "question": question,
        "correct_answer": correct,
        "incorrect_answers": wrong,
    }


@pytest.fixture(scope="module")
def sample() -> ImportResult:
    return otdb(FIXTURE.read_text(encoding="utf-8"))


def test_entities_decoded_and_fields_mapped(sample: ImportResult) -> None:
    first = sample.bank["questions"][0]
    assert first["prompt"] == 'Who led the NKVD during the "Great Terror" of 1937–38?'
    assert first["type"] == "choice"
    assert sorted(first["choices"]) == sorted(
        ["Nikolai Yezhov", "Lavrentiy Beria", "Genrikh Yagoda", "Felix Dzerzhinsky"]
    )
    assert first["answer"] == "Nikolai Yezhov"
    assert (first["topic"], first["difficulty"]) == ("history", "medium")
    second = sample.bank["questions"][1]
    assert (second["type"], second["answer"]) == ("true_false", True)
    assert sample.bank["questions"][2]["prompt"] == "Stalin's purges ended in 1939."


def test_problems_carry_the_line_where_the_question_starts(sample: ImportResult) -> None:
    assert [str(w) for w in sample.warnings] == [
        "line 20: question skipped: choice 'Darkness at Noon' appears twice",
        "line 28: difficulty 'impossible' ignored (easy, medium or hard)",
    ]
    assert sample.skipped == 1


def test_choice_order_is_stable_and_the_right_answer_moves() -> None:
    items = [item(f"Question number {n}?", "Right", ["W1", "W2", "W3"]) for n in range(40)]
    text = json.dumps({"response_code": 0, "results": items})
    first, again = otdb(text), otdb(text)
    assert first.bank == again.bank
    places = {q["choices"].index("Right") for q in first.bank["questions"]}
    assert places == {0, 1, 2, 3}


def one_per_line(entries: list[object]) -> str:
    """A bare JSON list with entry n on line n + 1."""
    return "[\n" + ",\n".join(json.dumps(e) for e in entries) + "\n]\n"


def encode_all(entry: dict[str, object], encode: Callable[[str], str]) -> dict[str, object]:
    """Every text of an item encoded, as the API does when asked for base64 or url3986."""
    out: dict[str, object] = {}
    for key, value in entry.items():
        texts = value if isinstance(value, list) else [value]
        encoded = [encode(str(t)) for t in texts]
        out[key] = encoded if isinstance(value, list) else encoded[0]
    return out


def test_a_bare_list_reports_each_item_at_its_own_line() -> None:
    duplicates = [item(f"Q{n}?", "a", ["a"]) for n in range(3)]
    result = otdb(one_per_line([*duplicates, item("Fine?", "True", ["False"], "boolean")]))
    assert [w.line for w in result.warnings] == [2, 3, 4]
    assert result.bank["questions"][0]["prompt"] == "Fine?"


def test_base64_and_url_encoded_answers_are_decoded() -> None:
    def b64(s: str) -> str:
        return base64.b64encode(s.encode()).decode()

    encoded = encode_all(item("Who wrote «Darkness at Noon»?", "Koestler", ["Orwell"]), b64)
    url = encode_all(item("Who was tried in 1938?", "Bukharin & Rykov", ["Kamenev"]), quote)
    result = otdb(json.dumps([encoded, url]))
    first, second = result.bank["questions"]
    assert (first["prompt"], first["answer"]) == ("Who wrote «Darkness at Noon»?", "Koestler")
    assert (second["prompt"], second["answer"]) == ("Who was tried in 1938?", "Bukharin & Rykov")


def test_round_trip_through_the_loader(sample: ImportResult) -> None:
    bank = load_bank_text(sample.yaml_text, "otdb.yaml")
    assert len(bank.questions) == 3
    assert bank.questions[0].correct_text() == "Nikolai Yezhov"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"response_code": 0,\n "results": [}', "line 2: the file is not valid JSON"),
        ('{"response_code": 1, "results": []}', "the Open Trivia DB answer holds no questions"),
        ('{"questions": []}', "an Open Trivia DB file has a `results` list"),
        ('"text"', "an Open Trivia DB file is a JSON object"),
        ("[" * 100_000 + "]" * 100_000, "the file is nested too deeply to be Open Trivia DB JSON"),
    ],
)
def test_unusable_files_fail_plainly(text: str, message: str) -> None:
    with pytest.raises(ImportFailed) as info:
        otdb(text)
    assert info.value.message.startswith(message)


def test_unknown_types_and_broken_items_are_skipped_with_their_line() -> None:
    good = item("Fine?", "True", ["False"], "boolean")
    result = otdb(one_per_line([good, item("Order?", "x", [], "ordering"), "text", {"q": 1}]))
    assert [str(w) for w in result.warnings] == [
        "line 3: question skipped: type 'ordering' is neither multiple nor boolean",
        "line 4: entry skipped: it is not a question object",
        "line 5: question skipped: it needs `question` and `correct_answer` text",
    ]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("type", ["multiple"], "its `type` is not text (multiple or boolean)"),
        ("type", {"kind": "multiple"}, "its `type` is not text (multiple or boolean)"),
        ("incorrect_answers", 3, "its `incorrect_answers` is not a list of answers"),
        ("incorrect_answers", "Beria", "its `incorrect_answers` is not a list of answers"),
    ],
)
def test_a_field_of_the_wrong_json_type_skips_its_question_plainly(
    field: str, value: object, reason: str
) -> None:
    bad = item("Who led the NKVD in 1937?", "Yezhov", ["Beria", "Yagoda"]) | {field: value}
    good = item("Who shot Kirov?", "Nikolaev", ["Yagoda", "Zinoviev"])
    result = otdb(json.dumps([bad, good]))
    assert [q["prompt"] for q in result.bank["questions"]] == ["Who shot Kirov?"]
    assert [str(w) for w in result.warnings] == [f"line 1: question skipped: {reason}"]


def test_a_json_integer_past_python_int_limit_fails_or_imports_plainly() -> None:
    huge = "9" * 4301
    good = json.dumps(item("Who shot Kirov?", "Nikolaev", ["Yagoda", "Zinoviev"]))
    text = '{"response_code": ' + huge + ', "results": [' + good + "]}"
    assert otdb(text).imported == 1
    with pytest.raises(ImportFailed) as info:
        otdb('{"response_code": ' + huge + ', "results": []}')
    assert info.value.message.startswith("the Open Trivia DB answer holds no questions")


def test_a_lone_surrogate_escape_skips_its_question_plainly() -> None:
    bad = json.dumps(item("Who led the NKVD?", "Yezhov", ["Beria"])).replace("Beria", "\\ud800")
    good = json.dumps(item("Who shot Kirov?", "Nikolaev", ["Yagoda", "Zinoviev"]))
    result = otdb(f"[{bad},\n{good}]")
    assert [q["prompt"] for q in result.bank["questions"]] == ["Who shot Kirov?"]
    assert [str(w) for w in result.warnings] == [
        "line 1: question skipped: its text holds a broken character (a lone surrogate)"
    ]
