"""`purgebot validate` and `purgebot stats` as a teacher runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from purgebot.cli import main

GOOD = """bank: good-bank
title: Good
sources:
  notes: Class notes
questions:
  - {id: a, type: true_false, prompt: Was Kirov popular?, answer: yes, topic: kirov,
     difficulty: easy, source: {doc: notes, quote: He was popular}}
  - {id: b, type: choice, prompt: Which city?, choices: [Leningrad, Moscow], answer: 0, topic: kirov}
  - {id: c, type: short, prompt: First name?, answer: Sergei, topic: people, difficulty: hard}
"""
BAD = """bank: bad-bank
title: Bad
questions:
  - {id: a, type: true_false, prompt: p, answer: perhaps}
  - {id: a, type: choice, prompt: p, choices: [x, y], answer: z}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def col(text: str, line: int, token: str, nth: int = 0) -> int:
    """The 1-based column of the nth occurrence of token on a 1-based line."""
    row = text.splitlines()[line - 1]
    at = -1
    for _ in range(nth + 1):
        at = row.index(token, at + 1)
    return at + 1


def test_validate_prints_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path, "bad.yaml", BAD)
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{bad}:4:{col(BAD, 4, 'perhaps')}: questions[0].answer: expected true or false,"
        " found 'perhaps'",
        f"{bad}:5:{col(BAD, 5, 'a')}: questions[1].id: duplicate id 'a' (first used at line 4)",
        f"{bad}:5:{col(BAD, 5, 'z')}: questions[1].answer: answer 'z' is not one of the choices",
    ]


def test_validate_accepts_good_files_and_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.yaml", GOOD)
    assert main(["validate", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""


def test_validate_checks_quotes_against_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "sources.yaml").write_text("- id: notes\n  file: notes.txt\n", encoding="utf-8")
    (sources / "notes.txt").write_text("Kirov was\nvery popular.", encoding="utf-8")
    good = write(tmp_path, "good.yaml", GOOD)
    assert main(["validate", str(good), "--sources", str(sources)]) == 1
    assert "quote not found in 'notes': 'He was popular'" in capsys.readouterr().out
    (sources / "notes.txt").write_text("He was\n  popular.", encoding="utf-8")
    assert main(["validate", str(good), "--sources", str(sources)]) == 0


def test_validate_reports_a_missing_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 1
    assert "no such file or folder" in capsys.readouterr().out


def test_stats_json_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "good.yaml", GOOD)
    assert main(["stats", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["questions"] == 3
    (bank,) = data["banks"]
    assert bank["by_type"] == {"true_false": 1, "choice": 1, "short": 1}
    assert bank["by_topic"] == {"kirov": 2, "people": 1}
    assert bank["by_difficulty"] == {"easy": 1, "(none)": 1, "hard": 1}
    assert bank["by_source"] == {"notes": 1, "(none)": 2}


def test_stats_json_stays_json_when_a_bank_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", BAD)
    empty = write(tmp_path, "empty.yaml", "")
    assert main(["stats", str(tmp_path), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["total"]["questions"] == 3  # the broken ones left out
    assert captured.err.splitlines() == [
        f"{bad}: invalid (3 problems; run `purgebot validate`)",
        f"{empty}: invalid (1 problem; run `purgebot validate`)",
    ]


@pytest.mark.parametrize(
    ("index", "message"),
    [
        (None, "cannot read {dir}/sources.yaml: No such file or directory"),
        ("- [unclosed\n", "{dir}/sources.yaml is not valid YAML"),
        ("notes: notes.txt\n", "{dir}/sources.yaml must be a list of {{id, file}} entries"),
        ("- id: notes\n", "{dir}/sources.yaml must be a list of {{id, file}} entries"),
        (
            "- {id: notes, file: gone.txt}\n",
            "cannot read {dir}/gone.txt: No such file or directory",
        ),
    ],
)
def test_validate_says_plainly_when_the_sources_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], index: str | None, message: str
) -> None:
    sources = tmp_path / "src"
    sources.mkdir()
    if index is not None:
        (sources / "sources.yaml").write_text(index, encoding="utf-8")
    good = write(tmp_path, "good.yaml", GOOD)
    assert main(["validate", str(good), "--sources", str(sources)]) == 2
    err = capsys.readouterr().err
    assert err == f"purgebot validate: {message.format(dir=sources)}\n"


def test_validate_summary_counts_a_missing_path_among_the_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(tmp_path, "bad.yaml", BAD)
    assert main(["validate", str(good), str(bad), str(tmp_path / "nope.yaml")]) == 1
    assert capsys.readouterr().err == "3 files checked, 2 with problems\n"


def test_a_file_named_twice_is_checked_and_counted_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    monkeypatch.chdir(tmp_path)
    # the folder, the file inside it, and the file again by another spelling
    assert main(["validate", str(tmp_path), str(good), "good.yaml"]) == 0
    assert capsys.readouterr().err == "1 file checked, 0 with problems\n"
    assert main(["stats", str(tmp_path), "good.yaml", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"]["questions"] == 3


def test_a_folder_check_finds_banks_whatever_the_case_of_their_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "Good.YAML", GOOD)
    write(tmp_path, "bad.Yml", BAD)
    assert main(["validate", str(tmp_path)]) == 1
    assert capsys.readouterr().err == "2 files checked, 1 with problems\n"


ONE_ESSAY = """bank: one-essay
title: One of each
questions:
  - {id: a, type: true_false, prompt: Was Kirov popular?, answer: yes}
essays:
  - id: why-purges
    prompt: Why did Stalin launch the purges?
    key_points:
      - {id: fear, point: Stalin feared rivals, phrases: [feared rivals]}
"""


def test_stats_lists_essay_prompt_ids_and_counts_in_good_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "one.yaml", ONE_ESSAY)
    assert main(["stats", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "one-essay: One of each — 1 question, 1 essay"
    assert "  essay prompts (ids for essay-feedback --prompt):" in out
    assert "    why-purges: Why did Stalin launch the purges?" in out
    assert "TOTAL: 1 bank — 1 question, 1 essay" in out
    assert main(["stats", str(path), "--json"]) == 0
    (bank,) = json.loads(capsys.readouterr().out)["banks"]
    assert bank["essay_prompts"] == [
        {"id": "why-purges", "prompt": "Why did Stalin launch the purges?"}
    ]


def test_stats_without_a_path_reads_the_built_in_banks(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PURGEBOT_BANKS", raising=False)
    assert main(["stats", "--json"]) == 0
    ids = {bank["bank"] for bank in json.loads(capsys.readouterr().out)["banks"]}
    assert {"kirov", "nkvd"} <= ids


def test_stats_without_a_path_reads_purgebot_banks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.yaml", GOOD)
    monkeypatch.setenv("PURGEBOT_BANKS", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert main(["stats"]) == 0
    assert capsys.readouterr().out.startswith("good-bank: Good — 3 questions, 0 essays\n")


def test_top_level_help_describes_the_tool(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "a Discord quiz bot for classrooms" in out
    assert "purgebot.commands" not in out and "module" not in out


def test_play_help_explains_every_option_and_shows_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["play", "--help"])
    out = " ".join(capsys.readouterr().out.split())  # argparse wraps to the terminal's width
    assert "how many questions (default: 10)" in out
    assert "accuracy: 1 point per right answer (default: speed)" in out
    assert "waits for Enter" in out and "Piped from a script" in out


def test_ctrl_c_in_any_command_ends_without_a_traceback_on_a_fresh_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import purgebot.commands.stats as stats

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(stats, "run", interrupted)
    assert main(["stats"]) == 130
    assert capsys.readouterr() == ("", "\n")
