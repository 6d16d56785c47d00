"""`purgebot import` as a teacher runs it: the bank on stdout or in a file, warnings on stderr."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_file, load_bank_text
from purgebot.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


def test_prints_the_bank_and_reports_left_out_lines(capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "purges.gift"
    assert main(["import", str(source)]) == 0
    out, err = capsys.readouterr()
    bank = load_bank_text(out, "stdout.yaml")
    assert (bank.id, bank.title, len(bank.questions)) == ("purges", "Purges", 12)
    lines = err.splitlines()
    assert f"{source}:32: matching question skipped: purgebot has no matching type" in lines
    assert lines[-1] == f"{source}: 12 questions imported from Moodle GIFT; 4 left out."


def test_writes_out_with_bank_id_title_and_forced_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "questions.dat"
    source.write_text("Who shot Kirov?\nA) Nikolaev\nB) Yagoda\nANSWER: A\n", encoding="utf-8")
    out = tmp_path / "kirov.yaml"
    args = ["import", str(source), "--format", "aiken", "-o", str(out)]
    assert main([*args, "--bank", "kirov", "--title", "Kirov's murder"]) == 0
    stdout, err = capsys.readouterr()
    assert stdout == ""
    assert err == f"{source}: 1 question imported from Moodle Aiken into {out}.\n"
    bank = load_bank_file(out)
    assert (bank.id, bank.title) == ("kirov", "Kirov's murder")
    assert main(["validate", str(out)]) == 0


def test_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"Kirov died in 1934. {T}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["import", "-", "--bank", "piped"]) == 0
    assert load_bank_text(capsys.readouterr().out).id == "piped"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", "Nothing to see here.\n", "could not tell what format this file is in"),
        ("match.gift", "Match. {=a -> b =c -> d}\n", "no question could be imported"),
    ],
)
def test_failures_exit_1_with_a_message_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    assert main(["import", str(source)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[-1].startswith(f"{source}: {message}")


def test_a_missing_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.gift"
    assert main(["import", str(missing)]) == 1
    assert (
        capsys.readouterr().err == f"{missing}: cannot read the file: No such file or directory\n"
    )


def test_the_bank_is_named_after_the_output_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text("Kirov died in 1934. {T}\n", encoding="utf-8")
    out = tmp_path / "my-bank.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    bank = load_bank_file(out)
    assert (bank.id, bank.title) == ("my-bank", "My bank")


def test_an_existing_output_is_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "quiz.gift"
    source.write_text("Kirov died in 1934. {T}\n", encoding="utf-8")
    out = tmp_path / "kept.yaml"
    out.write_text("my own work\n", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "my own work\n"
    assert capsys.readouterr().err == (
        f"{out} already exists: nothing was written. Choose another name with -o, "
        "or add --force to replace it.\n"
    )
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0
    assert load_bank_file(out).id == "kept"
