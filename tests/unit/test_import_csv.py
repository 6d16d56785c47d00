"""CSV import: the quiz-game template below its title rows, plain sheets, delimiters and answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.importers import ImportFailed, ImportResult, decode_bytes, import_text
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import ChoiceQuestion

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def csv_import(text: str) -> ImportResult:
    return import_text(text, "csv", bank_id="csv-test")


@pytest.fixture(scope="module")
def template() -> ImportResult:
    return csv_import((FIXTURES / "kahoot.csv").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plain() -> ImportResult:
    return csv_import(decode_bytes((FIXTURES / "plain.csv").read_bytes()))


def test_template_header_is_found_below_the_title_rows(template: ImportResult) -> None:
    questions = template.bank["questions"]
    assert [q["prompt"] for q in questions] == [
        "Who replaced Yezhov as NKVD chief?",
        "Which of these were Old Bolsheviks tried in 1936?",
        "Pick the year of the Kirov murder",
        "Which numbers are right?",
    ]
    assert questions[0]["choices"] == ["Beria", "Yagoda", "Kirov", "Molotov"]
    assert questions[0]["answer"] == "Beria"
    assert [q["seconds"] for q in questions] == [20, 60, 240, 10]
    assert template.warnings == []  # the template's unused numbered rows are not questions


def test_template_answers_are_numbers_even_when_choices_look_like_numbers(
    template: ImportResult,
) -> None:
    questions = template.bank["questions"]
    assert (questions[1]["answer"], questions[1]["multi"]) == (["Zinoviev", "Kamenev"], True)
    assert questions[2]["answer"] == "1934"
    assert questions[3]["answer"] == "4"  # "1" means Answer 1, whose text is "4"


def test_plain_layout_with_bom_semicolons_letters_and_text(plain: ImportResult) -> None:
    questions = plain.bank["questions"]
    assert questions[0]["prompt"] == "Who shot Kirov?"  # the BOM is not part of the header
    assert questions[0]["answer"] == "Nikolaev"
    assert questions[0]["explanation"] == "He fired in the Smolny."
    assert questions[1]["answer"] == ["Yagoda", "Yezhov", "Beria"]  # "A, B, D"
    assert questions[2]["answer"] == "1937"  # "2": the second choice
    assert questions[4]["prompt"] == "A question\nover two lines?"
    assert questions[4]["choices"] == ["yes", "no"]  # empty choice columns drop out


def test_plain_layout_warnings_name_each_row_line(plain: ImportResult) -> None:
    assert [str(w) for w in plain.warnings] == [
        "line 4: time limit 600s changed to 300s (allowed: 5 to 300)",
        "line 6: time limit 3s changed to 5s (allowed: 5 to 300)",
        "line 8: question skipped: choice 'Beria' appears twice",
        "line 9: row skipped: it has choices but no question",
        "line 10: question skipped: correct answer 'Kiev party' names no choice",
    ]
    assert plain.skipped == 3
    assert [q["seconds"] for q in plain.bank["questions"] if "seconds" in q] == [20, 30, 300, 5]


def test_yes_and_no_choices_load_as_text(plain: ImportResult) -> None:
    bank = load_bank_text(plain.yaml_text, "plain.yaml")
    last = bank.questions[-1]
    assert isinstance(last, ChoiceQuestion)
    assert last.choices == ("yes", "no") and last.answers == frozenset({0})


def test_tab_separated_with_choice_headers_and_topic() -> None:
    text = (
        "Question\tChoice 1\tChoice 2\tChoice 3\tCorrect\tTopic\tDifficulty\n"
        "Who signed Order 00447?\tYezhov\tKirov\tRykov\t1\tNKVD Orders\tHard\n"
    )
    q = csv_import(text).bank["questions"][0]
    assert (q["answer"], q["topic"], q["difficulty"]) == ("Yezhov", "nkvd-orders", "hard")


def test_an_answer_that_is_both_a_number_and_a_choice_text_is_flagged() -> None:
    result = csv_import("question,a,b,c,answer\nHow many?,3,2,1,1\n")
    assert result.bank["questions"][0]["answer"] == "1"
    assert [str(w) for w in result.warnings] == [
        "line 2: correct answer '1' read as a choice's text, not as a choice number"
    ]


def test_several_answers_by_text_separated_by_semicolons() -> None:
    result = csv_import('question,a,b,c,answer\nWhich?,Yagoda,Yezhov,Kirov,"yagoda; Yezhov"\n')
    assert result.bank["questions"][0]["answer"] == ["Yagoda", "Yezhov"]


def test_rows_without_an_answer_or_with_a_bad_time_are_reported() -> None:
    result = csv_import(
        "question,a,b,answer,time\nNo answer?,x,y,,\nBad time?,x,y,x,soon\nLetter?,x,y,c,\n"
    )
    assert [str(w) for w in result.warnings] == [
        "line 2: question skipped: no correct answer given",
        "line 3: time limit 'soon' is not a number of seconds: left at the default",
        "line 4: question skipped: correct answer 'c' names no choice",
    ]
    assert "seconds" not in result.bank["questions"][0]


def test_no_header_row_is_a_plain_failure() -> None:
    with pytest.raises(ImportFailed) as info:
        csv_import("Who shot Kirov?,Nikolaev,Yagoda\n")
    assert info.value.message.startswith("no header row found")


def test_a_row_the_csv_reader_cannot_take_is_skipped_with_its_line() -> None:
    header = "Question,Answer 1,Answer 2,Correct answer\n"
    huge = 'Huge?,"' + "x" * 200_000 + '",b,1\n'  # past the csv module's cell limit
    result = csv_import(header + "Q1?,a,b,1\n" + huge + "Q3?,a,b,2\n")
    assert [str(w) for w in result.warnings] == [
        "line 3: row skipped: a cell is longer than 131,072 characters"
    ]
    assert [q["prompt"] for q in result.bank["questions"]] == ["Q1?", "Q3?"]
    assert result.skipped == 1


@pytest.mark.parametrize("cell", ["²", "①", "9" * 4301])
def test_an_answer_cell_that_only_looks_like_a_number_names_no_choice(cell: str) -> None:
    text = f"question,a,b,answer\nWho shot Kirov?,Nikolaev,Yagoda,{cell}\nOk?,x,y,1\n"
    result = csv_import(text)
    assert [q["prompt"] for q in result.bank["questions"]] == ["Ok?"]
    shown = cell if len(cell) < 40 else "9" * 39 + "…"
    assert [str(w) for w in result.warnings] == [
        f"line 2: question skipped: correct answer {shown!r} names no choice"
    ]


def test_one_long_line_is_told_apart_from_a_csv_quickly() -> None:
    # csv.Sniffer's regexes are quadratic in a line's length: it now sees 4 KB, not 64 KB
    from purgebot.banks.importers import csv_

    seen: list[int] = []
    real = csv_.csv.Sniffer.sniff

    def sniff(self: object, sample: str, delimiters: str | None = None) -> object:
        seen.append(len(sample))
        return real(self, sample, delimiters)  # type: ignore[arg-type]

    csv_.csv.Sniffer.sniff = sniff  # type: ignore[method-assign,assignment]
    try:
        with pytest.raises(ImportFailed):
            csv_import('{"response_code": 0, "r' * 4000)
    finally:
        csv_.csv.Sniffer.sniff = real  # type: ignore[method-assign]
    assert seen and max(seen) <= 4 * 1024


def test_a_correct_cell_of_a_letter_that_lowers_to_two_characters_is_not_an_answer_letter() -> None:
    # "İ".lower() is two characters; found by the fuzzer (bench/fuzz_banks.py, csv seed 5, #1287)
    text = "Question,Answer 1,Answer 2,Correct\nWho?,Yezhov,Yagoda,İ\nWhich?,Kirov,Beria,A\n"
    result = import_text(text, "csv", bank_id="csv-test")
    bank = load_bank_text(result.yaml_text, "csv-test.yaml")
    assert [q.prompt for q in bank.questions] == ["Which?"]
    assert any("İ" in w.message or "line 2" in str(w) for w in result.warnings)
