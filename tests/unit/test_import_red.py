"""Red-DiscordBot trivia lists: answers keep the words their author wrote; repeats are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.importers import ImportFailed, ImportResult, import_text
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import ShortQuestion

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "import" / "trivia.yaml"


def red(text: str) -> ImportResult:
    return import_text(text, "red", bank_id="red-test")


@pytest.fixture(scope="module")
def sample() -> ImportResult:
    return red(FIXTURE.read_text(encoding="utf-8"))


def answers(result: ImportResult) -> dict[str, list[str]]:
    return {q["prompt"]: [q["answer"], *q.get("accept", [])] for q in result.bank["questions"]}


def test_yaml_booleans_and_numbers_come_back_as_written(sample: ImportResult) -> None:
    got = answers(sample)
    assert got["Was Kirov popular in Leningrad?"] == ["Yes"]  # `yes` folds into `Yes`
    assert got["Which version of the party rules, 1.10 or 1.9?"] == ["1.10"]
    assert got["In what year was Kirov killed?"] == ["1934"]
    assert got["Was Bukharin executed in 1937?"] == ["No", "off"]
    assert got['Say "on" or "off"'] == ["on"]  # the null answer `~` is no answer


def test_every_question_is_short_answer_with_accepted_spellings(sample: ImportResult) -> None:
    assert {q["type"] for q in sample.bank["questions"]} == {"short"}


def test_a_repeated_question_keeps_the_last_and_reports_the_first(sample: ImportResult) -> None:
    got = answers(sample)
    assert got["Who succeeded Yagoda as head of the NKVD?"] == ["Nikolai Yezhov"]
    assert "line 5: question skipped: it is repeated at line 19, and Red keeps only the last" in [
        str(w) for w in sample.warnings
    ]
    assert sample.skipped == 1
    assert len(sample.bank["questions"]) == 6


def test_author_and_config_delay_become_description_and_default_time(
    sample: ImportResult,
) -> None:
    assert sample.bank["description"] == "By Class 11B"
    assert sample.bank["defaults"] == {"seconds": 300}
    assert "line 3: time limit 400s changed to 300s (allowed: 5 to 300)" in [
        str(w) for w in sample.warnings
    ]


def test_the_loader_reads_the_words_not_booleans_or_floats(sample: ImportResult) -> None:
    bank = load_bank_text(sample.yaml_text, "trivia.yaml")
    texts = {q.prompt: q for q in bank.questions}
    version = texts["Which version of the party rules, 1.10 or 1.9?"]
    assert isinstance(version, ShortQuestion) and version.answer == "1.10"
    popular = texts["Was Kirov popular in Leningrad?"]
    assert isinstance(popular, ShortQuestion) and popular.answer == "Yes"
    assert bank.defaults.seconds == 300


def test_a_single_answer_not_in_a_list_and_odd_entries() -> None:
    result = red("Capital of the USSR?: Moscow\n? [a, b]\n: [c]\nEmpty?: []\nNested?:\n- [x]\n")
    assert answers(result) == {"Capital of the USSR?": ["Moscow"]}
    assert [str(w) for w in result.warnings] == [
        "line 2: entry skipped: its question is not text",
        "line 4: question skipped: it has no usable answer",
        "line 5: question skipped: it has no usable answer",
        "line 6: answer that is a list or mapping ignored: answers are text",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q?: [a\nR?: b", "line 2: the file is not valid YAML"),
        ("- just\n- a list\n", "a Red trivia list is a YAML mapping"),
    ],
)
def test_unreadable_files_fail_with_a_plain_message(text: str, message: str) -> None:
    with pytest.raises(ImportFailed) as info:
        red(text)
    assert info.value.message.startswith(message)


def test_deep_nesting_fails_plainly_instead_of_overflowing_the_stack() -> None:
    # 100,000 brackets (200 KB, under the upload limit) once overflowed the C composer's stack,
    # killing the whole process (the bot runs imports in a thread of its own process).
    text = "Q?:\n  - " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(ImportFailed) as info:
        red(text)
    assert info.value.message == "line 2: answers nested more than 32 levels deep"


def test_aliases_are_refused_so_a_small_file_cannot_expand_into_millions_of_answers() -> None:
    anchor = "A?: &many [" + ", ".join(f"a{i}" for i in range(1000)) + "]\n"
    text = anchor + "".join(f"Q{i}?: *many\n" for i in range(1000))
    with pytest.raises(ImportFailed) as info:
        red(text)
    assert info.value.message == (
        "line 2: aliases (*name) are not allowed in a trivia list: write each answer out"
    )


def test_reds_reserved_keys_are_never_questions() -> None:
    text = (
        "$schema: https://schema.discord.red/trivia.json\n"
        "AUTHOR: Class 11B\n"
        "DESCRIPTION: The purges, year by year.\n"
        "CONFIG:\n  delay: 30\n  reveal_answer: true\n"
        "Who shot Kirov?:\n- Nikolaev\n"
    )
    result = red(text)
    assert [q["prompt"] for q in result.bank["questions"]] == ["Who shot Kirov?"]
    assert result.bank["description"] == "The purges, year by year. By Class 11B"
    assert result.bank["defaults"] == {"seconds": 30}
    assert result.warnings == [] and result.skipped == 0
