"""`purgebot essay-feedback` as a teacher runs it on a sample essay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from purgebot.cli import main

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "essays"
BANK = FIXTURES / "bank.yaml"
STRONG = FIXTURES / "samples" / "yezhov-responsibility" / "strong-1.txt"
PROMPT_IDS = (
    "yezhov-responsibility, stalin-responsibility, purges-causes, local-officials, red-army"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["essay-feedback", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_feedback_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        ["--bank", str(BANK), "--prompt", "yezhov-responsibility", str(STRONG)], capsys
    )
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "Essay feedback: yezhov-responsibility",
        "How much responsibility should Yezhov bear for the purges?",
    ]
    assert "Key points made: 5 of 5" in lines
    assert "Words: 287 (target 250-900) - on target" in lines  # as `wc -w` counts it
    assert "  Orders: Order 00447 (x2)" in lines
    assert "Outline of a strong answer:" in lines
    assert lines[-1] == "  6. Conclusion: a heavy share of responsibility, but less than Stalin's."
    assert "Notes on this prompt's phrases (for the teacher):" not in lines


def test_prints_notes_on_doubtful_phrases_after_the_feedback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BANK.read_text(encoding="utf-8")
    assert '"took the blame"]' in text
    bank = tmp_path / "bank.yaml"
    bank.write_text(text.replace('"took the blame"]', '"took the blame", "of the"]'), "utf-8")
    code, out, err = run(
        ["--bank", str(bank), "--prompt", "yezhov-responsibility", str(STRONG)], capsys
    )
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        "Notes on this prompt's phrases (for the teacher):",
        "  scapegoat: phrase 'of the' has no content word; it is found wherever those words"
        " stand together, whatever the essay is about",
    ]


def test_prints_feedback_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    weak = FIXTURES / "samples" / "stalin-responsibility" / "negation-1.txt"
    code, out, err = run(
        ["--bank", str(BANK), "--prompt", "stalin-responsibility", str(weak), "--json"], capsys
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data)[:5] == ["prompt", "words", "covered", "missed", "evidence"]
    assert data["prompt"] == "stalin-responsibility"
    assert data["words"] == 135
    assert data["covered"] == ["shared-responsibility"]
    assert data["missed"] == ["kirov-pretext", "order-00447", "paranoia", "consolidate-power"]
    assert {(e["kind"], e["value"]) for e in data["evidence"]} >= {
        ("order", "Order 00447"),
        ("person", "Nikolaev"),
        ("person", "Stalin"),
    }
    assert data["read"]["order-00447"]["title"] == "Stalin and the Purges Flashcards"
    assert {m["reason"] for m in data["not_credited"]["order-00447"]} == {"negated"}
    assert data["phrase_notes"] == []


def test_unknown_prompt_lists_the_available_ids_and_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["--bank", str(BANK), "--prompt", "yezhov", str(STRONG)], capsys)
    assert (code, out) == (2, "")
    assert err == (
        "purgebot essay-feedback: error: No essay prompt 'yezhov' in bank 'essay-drills'. "
        f"Available prompts: {PROMPT_IDS}.\n"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The essay file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("Stalin’s purges".encode("cp1252"), "is not UTF-8 text"),
    ],
)
def test_unreadable_essay_files_exit_2_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, message: str
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_bytes(data)
    code, out, err = run(["--bank", str(BANK), "--prompt", "red-army", str(essay)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"purgebot essay-feedback: error: {essay}: ")
    assert message in err
    assert "Traceback" not in err


def test_missing_essay_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(["--bank", str(BANK), "--prompt", "red-army", str(missing)], capsys)
    assert (code, out) == (2, "")
    assert (
        err
        == f"purgebot essay-feedback: error: {missing}: cannot read the file: No such file or directory\n"
    )


def test_a_broken_bank_exits_2_with_its_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = tmp_path / "bank.yaml"
    bank.write_text("bank: x\ntitle: X\nquestions: []\n", encoding="utf-8")
    code, out, err = run(["--bank", str(bank), "--prompt", "red-army", str(STRONG)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"purgebot essay-feedback: error: {bank}: ")


def test_the_bank_can_be_named_by_its_id_as_play_takes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "drills.yaml").write_bytes(BANK.read_bytes())
    by_path = run(["--bank", str(BANK), "--prompt", "red-army", str(STRONG)], capsys)
    by_id = run(
        ["--bank", "essay-drills", "--banks", str(tmp_path), "--prompt", "red-army", str(STRONG)],
        capsys,
    )
    assert by_id == by_path
    assert by_id[0] == 0


def test_a_built_in_bank_by_id(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PURGEBOT_BANKS", raising=False)
    code, out, err = run(["--bank", "nkvd", "--prompt", "confessions", str(STRONG)], capsys)
    assert (code, err) == (0, "")
    assert out.startswith("Essay feedback: confessions\n")


def test_an_unknown_bank_id_lists_the_banks_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "drills.yaml").write_bytes(BANK.read_bytes())
    code, out, err = run(
        ["--bank", "nope", "--banks", str(tmp_path), "--prompt", "red-army", str(STRONG)], capsys
    )
    assert (code, out) == (2, "")
    assert err == (
        f"purgebot essay-feedback: error: no bank “nope”: banks in {tmp_path}: essay-drills\n"
    )
