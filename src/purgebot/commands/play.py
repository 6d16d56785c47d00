"""`purgebot play [BANK]`: a quiz in the terminal, one typed line per question.

The same engine as the bot: a teacher previews a bank at a keyboard (the prompt shows the seconds
left and the question times out), and a script pipes answers in (one line per question, read as
they come, nothing waits on the clock).
"""

from __future__ import annotations

import argparse
import io
import math
import os
import random
import select
import sys
import time
from pathlib import Path
from typing import TextIO

from purgebot.banks.loader import BANK_SUFFIXES, BankError, bank_files, load_bank_file
from purgebot.banks.model import (
    Bank,
    ChoiceQuestion,
    Difficulty,
    NumericQuestion,
    OrderQuestion,
    TrueFalseQuestion,
)
from purgebot.config import Settings
from purgebot.errors import UserFacingError
from purgebot.quiz.errors import AnswerRefused, TooLate
from purgebot.quiz.matching import TextAnswer
from purgebot.quiz.results import CloseReason, QuestionResult, QuizResult
from purgebot.quiz.scoring import Scoring
from purgebot.quiz.session import Clock, QuizSession, QuizSettings
from purgebot.quiz.view import QuestionView

NAME = "play"
HELP = "play a quiz in the terminal"
PLAYER = 1
DEFAULT_COUNT = 10


class BankNotFound(UserFacingError):
    """The named bank is neither a file nor a bank id in the banks folder."""


class _TimeUp(Exception):
    """The player's time ran out while the terminal waited for a line."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bank", nargs="?", metavar="BANK", help="a bank id, or a bank file's path")
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, metavar="N", help="questions")
    parser.add_argument("--seconds", type=int, metavar="S", help="time per question (5-300)")
    parser.add_argument("--topic", metavar="T", help="only questions on this topic")
    parser.add_argument(
        "--difficulty", choices=[d.value for d in Difficulty], help="only this difficulty"
    )
    parser.add_argument("--seed", type=int, metavar="N", help="replay the same questions")
    parser.add_argument(
        "--scoring", choices=[s.value for s in Scoring], default=Scoring.SPEED.value
    )
    parser.add_argument(
        "--banks", metavar="DIR", help="folder of banks (default: PURGEBOT_BANKS or questions/)"
    )


def run(args: argparse.Namespace) -> int:
    if isinstance(sys.stdin, io.TextIOWrapper):  # bytes that are not UTF-8: a wrong line, no crash
        sys.stdin.reconfigure(errors="replace")
    return play(args, stdin=sys.stdin, stdout=sys.stdout, clock=time.monotonic)


def play(
    args: argparse.Namespace,
    *,
    stdin: TextIO,
    stdout: TextIO,
    clock: Clock,
    interactive: bool | None = None,
) -> int:
    """Run one quiz. `interactive` defaults to whether stdin is a terminal."""
    try:
        banks_dir = Path(args.banks) if args.banks else Settings.from_env().banks_dir
        bank = find_bank(args.bank, banks_dir)
        settings = QuizSettings(
            count=args.count,
            seconds=args.seconds,
            topic=args.topic,
            difficulty=Difficulty(args.difficulty) if args.difficulty else None,
            scoring=Scoring(args.scoring),
            seed=args.seed,
        )
        session = QuizSession(
            bank, settings, clock=clock, rng=random.Random(args.seed), started_by=PLAYER
        )
    except UserFacingError as exc:
        print(f"purgebot play: {exc}", file=sys.stderr)
        return 1 if isinstance(exc, BankError) else 2
    tty = stdin.isatty() if interactive is None else interactive
    result = _Game(session, stdin, stdout, tty).play()
    _summary(result, stdout)
    return 0


def find_bank(name: str | None, banks_dir: Path) -> Bank:
    """A bank file by path, else the bank with that id in `banks_dir` (`<id>.yaml` tried first)."""
    if name is None:
        raise BankNotFound("name a bank to play: " + _available(banks_dir))
    path = Path(name)
    if path.suffix in BANK_SUFFIXES or path.is_file():
        return load_bank_file(path)
    for suffix in BANK_SUFFIXES:
        candidate = banks_dir / f"{name}{suffix}"
        if candidate.is_file() and (bank := load_bank_file(candidate)).id == name:
            return bank
    for bank in _banks_in(banks_dir):
        if bank.id == name:
            return bank
    raise BankNotFound(f"no bank “{name}”: {_available(banks_dir)}")


def _banks_in(banks_dir: Path) -> list[Bank]:
    banks = []
    for f in bank_files([banks_dir]) if banks_dir.is_dir() else []:
        try:
            banks.append(load_bank_file(f))
        except BankError:
            continue  # `purgebot validate` is the place to hear about broken files
    return banks


def _available(banks_dir: Path) -> str:
    ids = sorted(b.id for b in _banks_in(banks_dir))
    if not ids:
        return f"{banks_dir} holds no banks (give a file's path, or --banks DIR)"
    return f"banks in {banks_dir}: {', '.join(ids)}"


class _Game:
    """One player at a terminal: show, read, submit, reveal, until the end or end of input."""

    def __init__(self, session: QuizSession, stdin: TextIO, out: TextIO, tty: bool) -> None:
        self.session, self.stdin, self.out, self.tty = session, stdin, out, tty

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def play(self) -> QuizResult:
        s = self.session
        s.join(PLAYER, "you")
        self.say(f"{s.bank.title}: {s.total} question{'s' if s.total != 1 else ''}.")
        view = s.start()
        while True:
            self.show(view)
            if not self.ask(view):
                self.say("(end of input: quiz stopped)")
                return s.stop()
            if s.tick() is None:
                s.close(CloseReason.ALL_ANSWERED)
            self.verdict(s.reveal())
            if not s.has_next:
                return s.finish()
            view = s.open_next()

    def show(self, view: QuestionView) -> None:
        self.say()
        self.say(f"Question {view.number}/{view.total} ({view.seconds:g} s)")
        self.say(view.question.prompt)
        # true/false is answered T or F (letters A and B would be refused): label it so
        labels = ("T", "F") if isinstance(view.question, TrueFalseQuestion) else view.letters
        for label, option in zip(labels, view.options, strict=True):
            self.say(f"  {label}) {option}")
        self.say(_how_to_answer(view))

    def ask(self, view: QuestionView) -> bool:
        """Read until an answer is taken, refused for good, or time is up; False at end of input."""
        while True:
            left = self.session.time_left(PLAYER) or 0.0
            if left < 0:
                self.say("Time is up.")
                return True
            self.out.write(f"[{math.ceil(left)} s] > ")
            self.out.flush()
            try:
                line = self._read_line(left)
            except _TimeUp:
                self.say("\nTime is up.")
                return True
            if line is None:
                self.say()
                return False
            text = line.strip()
            if not self.tty:
                self.say(text)  # piped answers are not echoed by a terminal: show them
            if not text:
                return True
            try:
                self.session.submit(PLAYER, TextAnswer(text))
                return True
            except TooLate as exc:
                self.say(str(exc))
                return True
            except AnswerRefused as exc:
                self.say(str(exc))
                if not self.tty:
                    return True  # one line per question: a refused line counts as no answer

    def _read_line(self, timeout: float) -> str | None:
        if self.tty and _can_wait(self.stdin):
            ready, _, _ = select.select([self.stdin], [], [], max(timeout, 0.0))
            if not ready:
                _drop_typed_input(self.stdin)
                raise _TimeUp
        line = self.stdin.readline()
        return line if line else None

    def verdict(self, result: QuestionResult) -> None:
        q = result.question
        mine = next((o for o in result.outcomes if o.player_id == PLAYER), None)
        if mine is not None and mine.correct:
            bonus = f" (streak bonus +{mine.streak_bonus})" if mine.streak_bonus else ""
            self.say(f"Correct! +{_points(mine.points)}{bonus}")
        else:
            self.say(f"{'Wrong' if mine else 'No answer'}. The answer: {result.correct_text}")
        if q.explanation:
            self.say(q.explanation)
        if q.source:
            info = self.session.bank.sources.get(q.source.doc)
            title = info.title if info else q.source.doc
            self.say(f"Source: {title}" + (f": “{q.source.quote}”" if q.source.quote else ""))
        if q.note:
            self.say(f"Note: {q.note}")
        me = next(st for st in self.session.standings() if st.player_id == PLAYER)
        self.say(f"Score: {_points(me.points)}, {me.correct}/{me.asked} correct")


def _how_to_answer(view: QuestionView) -> str:
    q = view.question
    last = view.letters[-1] if view.letters else "A"
    if isinstance(q, ChoiceQuestion):
        if q.multi:
            return f"Type every correct letter (e.g. AC), A to {last}."
        return f"Type a letter, A to {last}, or the answer's text."
    if isinstance(q, TrueFalseQuestion):
        return "Type T (true) or F (false)."
    if isinstance(q, OrderQuestion):
        return f"Type the letters in the right order, e.g. {' '.join(reversed(view.letters))}."
    if isinstance(q, NumericQuestion):
        return f"Type a number{f' ({q.unit})' if q.unit else ''}."
    return "Type your answer."


def _can_wait(stdin: TextIO) -> bool:
    """select() on stdin works on POSIX terminals only."""
    if os.name != "posix":
        return False
    try:
        stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _drop_typed_input(stdin: TextIO) -> None:
    """Forget a half-typed answer once time is up, so it does not answer the next question."""
    try:
        import termios

        termios.tcflush(stdin.fileno(), termios.TCIFLUSH)
    except (ImportError, OSError, ValueError):
        pass


def _summary(result: QuizResult, out: TextIO) -> None:
    asked = len(result.questions)
    mine = next((s for s in result.standings if s.player_id == PLAYER), None)
    points, correct = (mine.points, mine.correct) if mine else (0, 0)
    print(file=out)
    if result.stopped:
        print(f"Stopped after {asked} question{'s' if asked != 1 else ''}.", file=out)
    else:
        print("Quiz over.", file=out)
    print(f"Score: {_points(points)}, {correct}/{asked} correct", file=out, flush=True)


def _points(n: int) -> str:
    return f"{n} point{'s' if n != 1 else ''}"
