"""`purgebot play`: answers piped in, the score printed matches what those answers earn."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from purgebot.cli import build_parser, main
from purgebot.commands.play import play

BANK = """\
bank: cli-test
title: CLI test bank
sources:
  morris: {title: "The Purges (Morris)"}
defaults: {seconds: 20}
questions:
  - id: victim
    type: choice
    prompt: Who was shot in Leningrad on 1 December 1934?
    choices: [Kirov, Kamenev, Zinoviev, Bukharin]
    answer: Kirov
    explanation: Sergei Kirov ran the Leningrad party.
    source: {doc: morris, quote: "Kirov was murdered"}
  - id: tried-1936
    type: choice
    multi: true
    prompt: Who was tried in August 1936?
    choices: [Zinoviev, Bukharin, Kamenev, Yagoda]
    answer: [Zinoviev, Kamenev]
  - id: vote
    type: true_false
    prompt: Kirov polled well at the 17th Congress.
    answer: true
  - id: nkvd-head
    type: short
    prompt: Who headed the NKVD from September 1936?
    answer: Yezhov
    fuzzy: true
  - id: delegates
    type: numeric
    prompt: How many delegates came to the 17th Congress?
    answer: 1966
    unit: delegates
  - id: trials
    type: order
    prompt: Put the show trials in order, earliest first.
    items: [Zinoviev-Kamenev, Pyatakov-Radek, Bukharin-Rykov]
"""

TRUE_FALSE_BANK = """\
bank: all-true
title: All true
defaults: {seconds: 20}
questions:
""" + "".join(
    f"  - {{id: q{i}, type: true_false, prompt: Statement {i}., answer: true}}\n" for i in range(4)
)


class FixedClock:
    def __init__(self) -> None:
        self.now = 50.0

    def __call__(self) -> float:
        return self.now


class TypingUser(io.StringIO):
    """A player at the keyboard who takes `seconds` to type each line."""

    def __init__(self, lines: str, clock: FixedClock, seconds: float) -> None:
        super().__init__(lines)
        self.clock, self.seconds = clock, seconds

    def readline(self, size: int | None = -1) -> str:
        self.clock.now += self.seconds
        return super().readline(size)


def run_play(argv: list[str], answers: str, *, clock: FixedClock | None = None) -> str:
    args = build_parser(["play", *argv]).parse_args(["play", *argv])
    out = io.StringIO()
    code = play(args, stdin=io.StringIO(answers), stdout=out, clock=clock or FixedClock())
    assert code == 0
    return out.getvalue()


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli-test.yaml"
    path.write_text(BANK, encoding="utf-8")
    return path


def shown_questions(output: str) -> list[tuple[str, dict[str, str]]]:
    """(prompt, {option text: letter}) for each question, in the order the game showed them."""
    shown = []
    lines = output.splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"Question \d+/\d+ \(\d+ s\)", line):
            options = {}
            for option in lines[i + 2 :]:
                m = re.fullmatch(r"  ([A-H])\) (.*)", option)
                if not m:
                    break
                options[m[2]] = m[1]
            shown.append((lines[i + 1], options))
    return shown


def answer_for(prompt: str, options: dict[str, str]) -> tuple[str, bool]:
    """What the test player types for each question, and whether it should be marked right."""
    if prompt.startswith("Who was shot"):
        return options["Kirov"].lower(), True
    if prompt.startswith("Who was tried"):
        return options["Kamenev"] + options["Zinoviev"], True  # any order of letters
    if prompt.startswith("Kirov polled"):
        return "F", False
    if prompt.startswith("Who headed"):
        return "Yezhof", True  # a one-letter slip in a fuzzy answer
    if prompt.startswith("How many delegates"):
        return "1,966", True
    assert prompt.startswith("Put the show trials")
    order = ["Zinoviev-Kamenev", "Pyatakov-Radek", "Bukharin-Rykov"]
    return " ".join(options[item] for item in order), True


def test_piped_answers_earn_the_printed_score(bank_file: Path) -> None:
    argv = [str(bank_file), "--count", "6", "--seed", "1"]
    first = run_play(argv, "\n" * 6)  # look at the questions without answering
    shown = shown_questions(first)
    assert len(shown) == 6
    assert first.rstrip().endswith("Score: 0 points, 0/6 correct")

    typed, expected_points, streak, right = [], 0, 0, 0
    for prompt, options in shown:
        line, correct = answer_for(prompt, options)
        typed.append(line)
        streak = streak + 1 if correct else 0
        right += correct
        if correct:  # the clock never moves: full speed points, plus the streak bonus
            expected_points += 1000 + min(500, 100 * (streak - 1))
    second = run_play(argv, "\n".join(typed) + "\n")
    assert shown_questions(second) == shown  # the same seed replays the same quiz
    assert second.rstrip().endswith(f"Score: {expected_points} points, {right}/6 correct")
    assert "Quiz over." in second
    assert "Correct! +1000 points" in second
    assert "Wrong. The answer: True" in second


def test_verdict_shows_explanation_and_source(bank_file: Path) -> None:
    out = run_play([str(bank_file), "--seed", "3"], "Kirov\n" + "\n" * 5)
    block = out[out.index("Who was shot") :]
    assert "Sergei Kirov ran the Leningrad party." in block
    assert "Source: The Purges (Morris): “Kirov was murdered”" in block


def test_refused_lines_count_as_no_answer_when_piped(bank_file: Path) -> None:
    out = run_play([str(bank_file), "--seed", "2"], "Z\n" * 6)
    shown = [prompt for prompt, _ in shown_questions(out)]
    refusals = {
        "Who was shot in Leningrad on 1 December 1934?": "There is no option Z: choose from A to D",
        "Who was tried in August 1936?": "There is no option Z",
        "Kirov polled well at the 17th Congress.": "Answer T (true) or F (false).",
        "How many delegates came to the 17th Congress?": "“Z” is not a number",
        "Put the show trials in order, earliest first.": "There is no option Z",
    }
    for prompt, why in refusals.items():
        block = out[out.index(prompt) :]
        block = block[: block.index("Score:")]
        assert why in block and "No answer." in block, prompt
    short = out[out.index("Who headed the NKVD") :]
    assert "Wrong. The answer: Yezhov" in short  # a typed answer is never "unknown": just wrong
    assert len(shown) == 6
    assert out.rstrip().endswith("Score: 0 points, 0/6 correct")


def test_end_of_input_stops_the_quiz(bank_file: Path) -> None:
    out = run_play([str(bank_file), "--seed", "1"], "\n")
    assert "(end of input: quiz stopped)" in out
    assert out.rstrip().endswith("Stopped after 1 question.\nScore: 0 points, 0/1 correct")


def test_keyboard_prompt_counts_down_and_retries_a_refused_answer(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    args = build_parser(["play"]).parse_args(["play", str(path), "--count", "2"])
    clock = FixedClock()
    out = io.StringIO()
    user = TypingUser("maybe\nT\nT\n", clock, seconds=5)
    assert play(args, stdin=user, stdout=out, clock=clock, interactive=True) == 0
    text = out.getvalue()
    assert "[20 s] > Answer T (true) or F (false).\n[15 s] > " in text
    # 10 s of 20 on the first question (750); 5 s on the second (875) with a streak of two (+100)
    assert "Correct! +750 points" in text and "Correct! +975 points (streak bonus +100)" in text
    assert text.rstrip().endswith("Score: 1725 points, 2/2 correct")


def test_late_answer_scores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    args = build_parser(["play"]).parse_args(["play", str(path), "--count", "1"])
    clock = FixedClock()
    out = io.StringIO()
    play(args, stdin=TypingUser("T\n", clock, seconds=25), stdout=out, clock=clock)
    assert "Too late" in out.getvalue()
    assert out.getvalue().rstrip().endswith("Score: 0 points, 0/1 correct")


def test_accuracy_scoring_and_seconds_override(bank_file: Path) -> None:
    out = run_play([str(bank_file), "--scoring", "accuracy", "--seconds", "45"], "\n" * 6)
    assert "Question 1/6 (45 s)" in out
    assert "[45 s] > " in out


def test_bank_by_id_from_a_folder(tmp_path: Path) -> None:
    (tmp_path / "renamed.yaml").write_text(TRUE_FALSE_BANK, encoding="utf-8")
    out = run_play(["all-true", "--banks", str(tmp_path), "--scoring", "accuracy"], "T\n" * 4)
    assert out.rstrip().endswith("Score: 4 points, 4/4 correct")


def test_unknown_or_missing_bank_lists_what_there_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "all-true.yaml").write_text(TRUE_FALSE_BANK, encoding="utf-8")
    assert main(["play", "nope", "--banks", str(tmp_path)]) == 2
    assert "no bank “nope”: banks in" in capsys.readouterr().err
    assert main(["play", "--banks", str(tmp_path)]) == 2
    assert "name a bank to play" in capsys.readouterr().err
    assert main(["play", "x", "--banks", str(tmp_path / "empty")]) == 2
    assert "holds no banks" in capsys.readouterr().err


def test_broken_bank_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("bank: x\ntitle: X\n", encoding="utf-8")
    assert main(["play", str(broken)]) == 1
    assert "questions" in capsys.readouterr().err


def test_bad_filters_exit_2(bank_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["play", str(bank_file), "--topic", "nothing"]) == 2
    assert "No question in “CLI test bank” has topic “nothing”" in capsys.readouterr().err
    assert main(["play", str(bank_file), "--count", "0"]) == 2
    assert "at least one question" in capsys.readouterr().err


def test_banks_folder_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "all-true.yaml").write_text(TRUE_FALSE_BANK, encoding="utf-8")
    monkeypatch.setenv("PURGEBOT_BANKS", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("T\nF\n"))
    assert main(["play", "all-true", "--count", "2", "--scoring", "accuracy"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Score: 1 point, 1/2 correct")


def test_builtin_bank_plays_by_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PURGEBOT_BANKS", raising=False)
    args = build_parser(["play"]).parse_args(["play", "kirov", "--count", "2", "--seed", "1"])
    out = io.StringIO()
    assert play(args, stdin=io.StringIO("\n\n"), stdout=out, clock=FixedClock()) == 0
    assert out.getvalue().startswith("The murder of Kirov: 2 questions.")


SUBPROCESS_ARGS = ("--count", "3", "--seed", "1", "--scoring", "accuracy")


def test_console_script_with_piped_answers(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "purgebot", "play", str(path), *SUBPROCESS_ARGS],
        input="T\nF\ntrue\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Score: 2 points, 2/3 correct")


def test_bytes_that_are_not_utf8_on_stdin_are_a_wrong_line_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    # what a UTF-8 terminal's stdin is: a strict decoder over the bytes
    stdin = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\nT\n"), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdin", stdin)
    assert main(["play", str(path), "--count", "2", "--scoring", "accuracy"]) == 0
    out = capsys.readouterr().out
    assert "Answer T (true) or F (false)." in out
    assert out.rstrip().endswith("Score: 1 point, 1/2 correct")


def test_true_false_options_are_labelled_with_the_letters_that_answer_them(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    out = run_play([str(path), "--count", "1"], "F\n")
    assert "\n  T) True\n  F) False\nType T (true) or F (false).\n" in out
    assert "Wrong. The answer: True" in out
