"""`purgebot play [BANK]`: a quiz in the terminal, one typed line per question.

The same engine as the bot. At a keyboard the prompt counts the seconds left down while you type,
the question times out, and after each reveal the quiz waits for Enter, so reading the explanation
costs no time. Piped in from a script, answers are read one line per question as they come, with
no countdown and no pause. Either way an answer that cannot be one (a letter the question does not
have, "maybe" for true/false) is refused and asked again: at a keyboard until time is up, piped for
at most `MAX_REFUSED` lines per question, so that lines meant for later questions are not all
spent on one. An empty line passes. Ctrl-C stops the quiz with the score so far.
"""

from __future__ import annotations

import argparse
import io
import random
import select
import sys
import time
from typing import TextIO

from purgebot.banks.loader import BankError
from purgebot.banks.model import (
    ChoiceQuestion,
    Difficulty,
    NumericQuestion,
    OrderQuestion,
    TrueFalseQuestion,
)
from purgebot.commands.bankarg import (
    BankNotFound,
    add_banks_option,
    available,
    banks_dir,
    find_bank,
)
from purgebot.commands.terminal import (
    Keys,
    LineEditor,
    TimeUp,
    can_wait,
    countdown,
    drop_typed_input,
    output_width,
    plural,
    raw_keys_for,
    wrap,
)
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
MAX_REFUSED = 3  # refused lines per question when piped; at a keyboard the clock is the limit
INTERRUPTED = 130  # the shell's status for a command ended by Ctrl-C
STOP_WORDS = frozenset({"q", "quit", "stop"})
NEXT_PROMPT = "Press Enter for the next question (q, Enter: stop) "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "bank", nargs="?", metavar="BANK", help="a bank id (e.g. kirov) or a bank file's path"
    )
    parser.add_argument(
        "--count",
        type=int,
        default=DEFAULT_COUNT,
        metavar="N",
        help="how many questions (default: %(default)s)",
    )
    parser.add_argument(
        "--seconds", type=int, metavar="S", help="time per question, 5-300 (default: the bank's)"
    )
    parser.add_argument("--topic", metavar="T", help="only questions on this topic")
    parser.add_argument(
        "--difficulty", choices=[d.value for d in Difficulty], help="only this difficulty"
    )
    parser.add_argument(
        "--seed",
        type=int,
        metavar="N",
        help="replay the same questions in the same order (default: a new draw each time)",
    )
    parser.add_argument(
        "--scoring",
        choices=[s.value for s in Scoring],
        default=Scoring.SPEED.value,
        help="speed: 500 to 1000 points for a right answer, more the faster, plus a streak "
        "bonus; accuracy: 1 point per right answer (default: %(default)s)",
    )
    add_banks_option(parser)
    parser.epilog = (
        "At a keyboard the prompt counts down the seconds left, and after each answer the quiz "
        "waits for Enter. Piped from a script, each line is the next answer and nothing waits. "
        "An empty line passes; an answer that cannot be one (a letter the question lacks) is "
        f"asked again, piped at most {MAX_REFUSED} times a question. Ctrl-C stops with the score."
    )


def run(args: argparse.Namespace) -> int:
    if isinstance(sys.stdin, io.TextIOWrapper):  # bytes that are not UTF-8: a wrong line, no crash
        sys.stdin.reconfigure(errors="replace")
    width = output_width(sys.stdout)
    keys = raw_keys_for(sys.stdin, sys.stdout)
    if keys is None:
        return play(args, stdin=sys.stdin, stdout=sys.stdout, clock=time.monotonic, width=width)
    with keys:  # the terminal's settings come back however the quiz ends
        return play(
            args, stdin=sys.stdin, stdout=sys.stdout, clock=time.monotonic, keys=keys, width=width
        )


def play(
    args: argparse.Namespace,
    *,
    stdin: TextIO,
    stdout: TextIO,
    clock: Clock,
    interactive: bool | None = None,
    keys: Keys | None = None,
    width: int | None = None,
) -> int:
    """Run one quiz. `interactive` defaults to whether stdin is a terminal; `keys` (a keyboard read
    key by key) draws the countdown; `width` wraps the output (None: no wrapping)."""
    try:
        folder = banks_dir(args)
        if args.bank is None:
            raise BankNotFound("name a bank to play: " + available(folder))
        bank = find_bank(args.bank, folder)
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
    tty = keys is not None or (stdin.isatty() if interactive is None else interactive)
    game = _Game(session, stdin, stdout, clock=clock, tty=tty, keys=keys, width=width)
    result = game.play()
    _summary(result, stdout)
    return INTERRUPTED if game.interrupted else 0


class _Game:
    """One player at a terminal: show, read, submit, reveal, until the end or end of input."""

    def __init__(
        self,
        session: QuizSession,
        stdin: TextIO,
        out: TextIO,
        *,
        clock: Clock,
        tty: bool,
        keys: Keys | None,
        width: int | None,
    ) -> None:
        self.session, self.stdin, self.out, self.tty = session, stdin, out, tty
        self.clock, self.width = clock, width
        self.editor = LineEditor(keys, out, clock, width) if keys is not None else None
        self.interrupted = False

    def say(self, text: str = "", first: str = "", rest: str | None = None) -> None:
        print(wrap(text, self.width, first, rest), file=self.out, flush=True)

    def play(self) -> QuizResult:
        try:
            return self.rounds()
        except KeyboardInterrupt:  # Ctrl-C: a fresh line for the score, and for the shell after
            self.interrupted = True
            self.say()
            self.say("(interrupted: quiz stopped)")
            return self.session.stop()

    def rounds(self) -> QuizResult:
        s = self.session
        s.join(PLAYER, "you")
        self.say(f"{s.bank.title}: {plural(s.total, 'question')}.")
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
            if not self.pause():
                return s.stop()
            view = s.open_next()

    def show(self, view: QuestionView) -> None:
        self.say()
        self.say(f"Question {view.number}/{view.total} ({view.seconds:g} s)")
        self.say(view.question.prompt)
        # true/false is answered T or F (letters A and B would be refused): label it so
        labels = ("T", "F") if isinstance(view.question, TrueFalseQuestion) else view.letters
        for label, option in zip(labels, view.options, strict=True):
            self.say(option, first=f"  {label}) ")
        self.say(_how_to_answer(view))

    def ask(self, view: QuestionView) -> bool:
        """Read until an answer is taken, time is up, or (piped) `MAX_REFUSED` lines were refused;
        False at end of input."""
        refused = 0
        while True:
            left = self.session.time_left(PLAYER) or 0.0
            if left <= 0:
                self.say("Time is up.")
                return True
            try:
                line = self.read_answer(left)
            except TimeUp:
                self.say("Time is up.")
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
                refused += 1
                if not self.tty and refused >= MAX_REFUSED:
                    self.say(f"{plural(refused, 'answer')} refused: no answer to this question.")
                    return True

    def read_answer(self, left: float) -> str | None:
        """A line, None at end of input; `TimeUp` when the clock runs out first (keyboard only)."""
        if self.editor is not None:
            return self.editor.read_line(countdown, self.clock() + left)
        self.out.write(countdown(left))
        self.out.flush()
        if self.tty and can_wait(self.stdin):
            ready, _, _ = select.select([self.stdin], [], [], left)
            if not ready:
                self.out.write("\n")
                drop_typed_input(self.stdin)
                raise TimeUp
        line = self.stdin.readline()
        return line if line else None

    def pause(self) -> bool:
        """At a keyboard, wait for Enter before the next question; False to stop (q, or end of
        input). Piped, go straight on: a script's next line is its next answer."""
        if not self.tty:
            return True
        if self.editor is not None:
            line = self.editor.read_line(lambda _: NEXT_PROMPT, None)
        else:
            self.out.write(NEXT_PROMPT)
            self.out.flush()
            line = self.stdin.readline() or None
        if line is None:
            self.say()
            self.say("(end of input: quiz stopped)")
            return False
        if line.strip().casefold() in STOP_WORDS:
            self.say("(quiz stopped)")
            return False
        return True

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
            quote = f": “{q.source.quote}”" if q.source.quote else ""
            self.say(f"{title}{quote}", first="Source: ", rest="  ")
        if q.note:
            self.say(q.note, first="Note: ", rest="  ")
        me = next(st for st in self.session.standings() if st.player_id == PLAYER)
        self.say(f"Score: {_points(me.points)}, {me.correct}/{me.asked} correct")


def _how_to_answer(view: QuestionView) -> str:
    q = view.question
    last = view.letters[-1] if view.letters else "A"
    if isinstance(q, ChoiceQuestion):
        if q.multi:
            return f"Type every correct letter (e.g. AC), A to {last}."
        return f"Type a letter, A to {last}, or words from the answer."
    if isinstance(q, TrueFalseQuestion):
        return "Type T (true) or F (false)."
    if isinstance(q, OrderQuestion):
        return f"Type the letters in the right order, e.g. {' '.join(reversed(view.letters))}."
    if isinstance(q, NumericQuestion):
        return f"Type a number{f' ({q.unit})' if q.unit else ''}."
    return "Type your answer."


def _summary(result: QuizResult, out: TextIO) -> None:
    asked = len(result.questions)
    mine = next((s for s in result.standings if s.player_id == PLAYER), None)
    points, correct = (mine.points, mine.correct) if mine else (0, 0)
    print(file=out)
    if result.stopped:
        print(f"Stopped after {plural(asked, 'question')}.", file=out)
    else:
        print("Quiz over.", file=out)
    print(f"Score: {_points(points)}, {correct}/{asked} correct", file=out, flush=True)


def _points(n: int) -> str:
    return plural(n, "point")
