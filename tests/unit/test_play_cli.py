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
from purgebot.commands.terminal import LineEditor, countdown

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


def test_a_refused_piped_line_asks_again_up_to_a_cap(tmp_path: Path) -> None:
    """Piped like at a keyboard, a refused line asks again; three per question, then on."""
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    out = run_play([str(path), "--count", "2"], "maybe\n" * 6 + "T\n")
    assert out.count("[20 s] > maybe\nAnswer T (true) or F (false).\n") == 6
    assert out.count("3 answers refused: no answer to this question.\nNo answer.") == 2
    assert out.rstrip().endswith("Quiz over.\nScore: 0 points, 0/2 correct")


@pytest.mark.parametrize(
    ("prompt", "why"),
    [
        ("Who was shot in Leningrad on 1 December 1934?", "There is no option Z: choose from A"),
        ("Who was tried in August 1936?", "There is no option Z"),
        ("Kirov polled well at the 17th Congress.", "Answer T (true) or F (false)."),
        ("How many delegates came to the 17th Congress?", "“Z” is not a number"),
        ("Put the show trials in order, earliest first.", "There is no option Z"),
    ],
)
def test_a_refused_piped_line_leaves_the_question_open_for_the_next(
    bank_file: Path, prompt: str, why: str
) -> None:
    first = run_play([str(bank_file), "--count", "6", "--seed", "1"], "\n" * 6)
    shown = shown_questions(first)
    typed = []
    for shown_prompt, options in shown:
        if shown_prompt == prompt:
            typed.append("Z")  # refused: the line that follows answers the same question
        typed.append(answer_for(shown_prompt, options)[0])
    out = run_play([str(bank_file), "--count", "6", "--seed", "1"], "\n".join(typed) + "\n")
    block = out[out.index(prompt) :]
    block = block[: block.index("Score:")]
    assert why in block
    assert "Correct!" in block or "Wrong. The answer: True" in block
    assert "No answer." not in out
    assert "Quiz over." in out


def test_a_typed_answer_in_a_short_question_is_never_refused(bank_file: Path) -> None:
    out = run_play([str(bank_file), "--seed", "2"], "Z\n" * 20)
    short = out[out.index("Who headed the NKVD") :]
    assert "Wrong. The answer: Yezhov" in short[: short.index("Score:")]


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
    user = TypingUser("maybe\nT\n\nT\n", clock, seconds=5)
    assert play(args, stdin=user, stdout=out, clock=clock, interactive=True) == 0
    text = out.getvalue()
    assert "[20 s] > Answer T (true) or F (false).\n[15 s] > " in text
    # the Enter after the reveal took 5 s too, before the second question's clock started
    assert "\nPress Enter for the next question (q, Enter: stop) \nQuestion 2/2" in text
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
    stdin = io.TextIOWrapper(io.BytesIO(b"\xff\xfe\nT\nF\n"), encoding="utf-8", errors="strict")
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


def test_q_at_the_pause_stops_the_quiz(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    args = build_parser(["play"]).parse_args(["play", str(path), "--count", "3"])
    clock = FixedClock()
    out = io.StringIO()
    user = TypingUser("T\nq\n", clock, seconds=1)
    assert play(args, stdin=user, stdout=out, clock=clock, interactive=True) == 0
    assert (
        out.getvalue()
        .rstrip()
        .endswith("(quiz stopped)\n\nStopped after 1 question.\nScore: 975 points, 1/1 correct")
    )


class ScriptedKeys:
    """A keyboard read key by key: each entry is a key typed after `delay` seconds, or None for
    a wait that ends with nothing typed (the editor's timeout passes on the clock)."""

    def __init__(self, clock: FixedClock, script: list[tuple[float, str] | None]) -> None:
        self.clock, self.script, self.dropped = clock, list(script), 0

    def next_key(self, timeout: float | None) -> str | None:
        step = self.script.pop(0) if self.script else ""
        if step is None or step == "":
            assert timeout is not None or step == "", "waited forever with nothing to type"
            self.clock.now += timeout or 0
            return None if step is None else ""
        delay, key = step
        self.clock.now += delay
        return key

    def drop_typed(self) -> None:
        self.dropped += 1


def test_at_a_keyboard_the_seconds_left_count_down_while_typing(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    args = build_parser(["play"]).parse_args(["play", str(path), "--count", "2"])
    clock = FixedClock()
    out = io.StringIO()
    script: list[tuple[float, str] | None] = [None, None, (0.5, "x"), (0.1, "\x7f"), (0.1, "T")]
    script += [(0.3, "\r"), (30.0, "\r"), None, (0.5, "F"), (0.1, "\n")]
    keys = ScriptedKeys(clock, script)
    assert play(args, stdin=io.StringIO(), stdout=out, clock=clock, keys=keys) == 0
    text = out.getvalue()
    erase = "\r\x1b[K"
    first = text[text.index("Statement") : text.index("Correct!")]
    # a redraw each second and each key: 20, 19, 18 left; "x" typed, rubbed out, then "T"
    assert first.split(erase)[1:] == [
        "[20 s] > ",
        "[19 s] > ",
        "[18 s] > ",
        "[18 s] > x",
        "[18 s] > ",
        "[18 s] > T\n",
    ]
    # 3 s to answer; reading the reveal for 30 s took nothing from the next question
    assert "Correct! +925 points" in text
    assert f"{erase}Press Enter for the next question (q, Enter: stop) \n" in text
    assert f"{erase}[20 s] > {erase}[19 s] > {erase}[19 s] > F\nWrong." in text


def test_at_a_keyboard_time_runs_out_and_typed_keys_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    args = build_parser(["play"]).parse_args(["play", str(path), "--count", "1"])
    clock = FixedClock()
    out = io.StringIO()
    keys = ScriptedKeys(clock, [(19.5, "T"), None, None])
    assert play(args, stdin=io.StringIO(), stdout=out, clock=clock, keys=keys) == 0
    text = out.getvalue()
    assert "[1 s] > T\nTime is up.\nNo answer. The answer: True" in text
    assert keys.dropped == 1


LONG_BANK = """\
bank: long
title: Long lines
defaults: {seconds: 20}
questions:
  - id: decree
    type: choice
    prompt: What did the decree signed on the evening of 1 December 1934, after the murder of Kirov, do?
    choices:
      - Gave the secret police the job of rooting out terrorists
      - Sped up the trials of terrorists, with no appeal and execution at once
      - Abolished the death penalty
      - Freed the secret police from the courts
    answer: 1
    explanation: The decree of 1 December sped up cases of terrorism, allowed no appeal, and had sentences carried out at once.
"""


def test_long_lines_wrap_to_the_terminal_width(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(LONG_BANK, encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setattr(sys, "stdin", io.StringIO("no appeal\n"))
    assert main(["play", str(path), "--seed", "1"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "What did the decree signed on the\nevening of 1 December 1934, after the\n" in out
    option = out[out.index("Sped up") - 5 :]
    assert (
        option.startswith("  ")
        and ") Sped up the trials of terrorists,\n     with no appeal" in option
    )


def test_without_a_terminal_lines_are_not_wrapped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(LONG_BANK, encoding="utf-8")
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert main(["play", str(path)]) == 0
    assert "after the murder of Kirov, do?\n" in capsys.readouterr().out


def test_part_of_an_options_text_answers_and_an_ambiguous_part_asks_again(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(LONG_BANK, encoding="utf-8")
    out = run_play([str(path)], "secret police\nno appeal\n")
    assert "> secret police\n“secret police” is part of 2 options: type more" in out
    assert "> no appeal\nCorrect!" in out
    assert out.rstrip().endswith("Score: 1000 points, 1/1 correct")


class InterruptedUser(io.StringIO):
    """Answers the lines given, then presses Ctrl-C."""

    def readline(self, size: int | None = -1) -> str:
        line = super().readline(size)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_ends_on_a_fresh_line_with_the_score_so_far(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tf.yaml"
    path.write_text(TRUE_FALSE_BANK, encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", InterruptedUser("T\nF\n"))
    code = main(["play", str(path), "--count", "4", "--scoring", "accuracy"])
    captured = capsys.readouterr()
    assert code == 130
    tail = captured.out[captured.out.index("Question 3/4") :]
    assert tail.endswith(
        "  T) True\n  F) False\nType T (true) or F (false).\n"
        "[20 s] > \n(interrupted: quiz stopped)\n\nStopped after 2 questions.\n"
        "Score: 1 point, 1/2 correct\n"
    )
    assert captured.err == ""


def test_readme_scripted_example_fits_the_questions_it_meets() -> None:
    """`printf 'A\\nB\\nT\\n' | purgebot play kirov --count 3 --seed 1`: two letter answers for
    two choice questions, T for a true/false one. If the kirov bank changes, pick a new seed
    and change the README's line with it."""
    done = subprocess.run(
        [sys.executable, "-m", "purgebot", "play", "kirov", "--count", "3", "--seed", "1"],
        input="A\nB\nT\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = shown_questions(done.stdout)
    assert [len(options) >= 2 for _, options in shown[:2]] == [True, True]
    assert "  T) True\n  F) False\n" in done.stdout.split("Question 3/3")[1]
    assert "No answer" not in done.stdout and "refused" not in done.stdout
    assert "Quiz over." in done.stdout


def test_a_long_typed_answer_shows_its_end_on_one_screen_line() -> None:
    clock = FixedClock()
    typed: list[tuple[float, str] | None] = [(0.1, c) for c in "Nikolai Yezhov"] + [(0.1, "\r")]
    out = io.StringIO()
    line = LineEditor(ScriptedKeys(clock, typed), out, clock, width=16).read_line(
        countdown, clock.now + 20
    )
    assert line == "Nikolai Yezhov"
    drawn = out.getvalue().split("\r\x1b[K")
    assert drawn[-1] == "…Nikolai Yezhov\n"  # 15 columns: the end of what was typed
    assert all(len(d.rstrip("\n")) <= 15 for d in drawn)
