"""What the terminal commands share: plurals, wrapping to the terminal, and a line editor that
shows the seconds left counting down while the player types.

The editor reads keys from a `Keys` source: `RawKeys` on a real POSIX terminal (cbreak mode, no
echo: the editor draws the line itself), a scripted source in tests. Ctrl-C still raises
`KeyboardInterrupt`, and the terminal's own settings come back on exit.
"""

from __future__ import annotations

import codecs
import math
import os
import select
import shutil
import textwrap
from collections.abc import Callable
from types import TracebackType
from typing import Any, Protocol, TextIO

from purgebot.quiz.session import Clock

ERASE_LINE = "\r\x1b[K"
BACKSPACE = ("\x7f", "\b")
KILL_LINE = "\x15"  # Ctrl-U
END_OF_INPUT = "\x04"  # Ctrl-D


def plural(n: int, word: str, many: str | None = None) -> str:
    """`1 bank`, `2 banks`, `0 banks` (or `many` for an irregular plural)."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def output_width(out: TextIO) -> int | None:
    """Columns to wrap to: the terminal's width when `out` is a terminal or COLUMNS is set; None
    (no wrapping, one line per item for scripts) when writing to a file or a pipe."""
    is_tty = getattr(out, "isatty", lambda: False)()
    if not is_tty and "COLUMNS" not in os.environ:
        return None
    return max(20, shutil.get_terminal_size().columns)


def wrap(text: str, width: int | None, first: str = "", rest: str | None = None) -> str:
    """Each line of `text` wrapped to `width`, after `first`, continued under `rest` (default:
    as far in as `first`); unchanged past `first` when width is None."""
    if width is None:
        return first + text
    rest = " " * len(first) if rest is None else rest
    lines = []
    for i, paragraph in enumerate(text.split("\n")):
        lines.append(
            textwrap.fill(
                paragraph,
                width,
                initial_indent=first if i == 0 else rest,
                subsequent_indent=rest,
                break_on_hyphens=False,
            )
            or (first if i == 0 else "")
        )
    return "\n".join(lines)


def can_wait(stdin: TextIO) -> bool:
    """select() on stdin works on POSIX terminals only."""
    if os.name != "posix":
        return False
    try:
        stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def drop_typed_input(stdin: TextIO) -> None:
    """Forget a half-typed answer once time is up, so it does not answer the next question."""
    try:
        import termios

        termios.tcflush(stdin.fileno(), termios.TCIFLUSH)
    except (ImportError, OSError, ValueError):
        pass  # not a terminal: nothing was typed ahead


class TimeUp(Exception):
    """The deadline passed while the editor waited for a line."""


class Keys(Protocol):
    def next_key(self, timeout: float | None) -> str | None:
        """One typed character; None when nothing came within `timeout`; "" at end of input."""

    def drop_typed(self) -> None:
        """Forget keys typed but not read yet (time is up: they must not answer the next one)."""


class LineEditor:
    """Reads one line, redrawing `label(seconds_left) + typed` whenever either changes."""

    def __init__(self, keys: Keys, out: TextIO, clock: Clock, width: int | None) -> None:
        self.keys, self.out, self.clock, self.width = keys, out, clock, width

    def _draw(self, text: str) -> None:
        room = (self.width or 80) - 1
        if len(text) > room:  # one screen line, so "\r" can redraw it: show the end typed
            text = "…" + text[len(text) - room + 1 :]
        self.out.write(ERASE_LINE + text)
        self.out.flush()

    def read_line(self, label: Callable[[float | None], str], deadline: float | None) -> str | None:
        """The line typed (without its newline); None at end of input. Raises `TimeUp`."""
        typed: list[str] = []
        shown = None
        while True:
            left = None if deadline is None else deadline - self.clock()
            if left is not None and left <= 0:
                self.out.write("\n")
                self.keys.drop_typed()
                raise TimeUp
            text = label(left) + "".join(typed)
            if text != shown:
                self._draw(text)
                shown = text
            # wake when the whole seconds shown change
            key = self.keys.next_key(None if left is None else left - (math.ceil(left) - 1))
            if key is None:
                continue
            if key in ("", END_OF_INPUT) and not typed:
                self.out.write("\n")
                return None
            if key in ("\r", "\n", ""):
                self.out.write("\n")
                self.out.flush()
                return "".join(typed)
            if key in BACKSPACE:
                typed = typed[:-1]
            elif key == KILL_LINE:
                typed = []
            elif key.isprintable():
                typed.append(key)


def countdown(seconds_left: float | None) -> str:
    return f"[{max(0, math.ceil(seconds_left or 0))} s] > "


class RawKeys:
    """Keys from a POSIX terminal in cbreak mode; a context manager that restores the terminal."""

    def __init__(self, stdin: TextIO) -> None:
        self.fd = stdin.fileno()
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.saved: Any = None

    def __enter__(self) -> RawKeys:
        import termios
        import tty

        self.saved = termios.tcgetattr(self.fd)
        tty.setcbreak(self.fd)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        import termios

        if self.saved is not None:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self.saved)

    def _byte(self, timeout: float | None) -> bytes | None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        return os.read(self.fd, 1) if ready else None

    def next_key(self, timeout: float | None) -> str | None:
        byte = self._byte(timeout)
        if byte is None:
            return None
        if byte == b"":
            return ""
        if byte == b"\x1b":  # an arrow or function key: its sequence is dropped, not typed
            while (more := self._byte(0.05)) and not (more.isalpha() or more == b"~"):
                pass
            return None
        char = self.decoder.decode(byte)
        while not char and (more := self._byte(0.05)):  # the rest of a UTF-8 character
            char = self.decoder.decode(more)
        return char or None

    def drop_typed(self) -> None:
        import termios

        termios.tcflush(self.fd, termios.TCIFLUSH)


def raw_keys_for(stdin: TextIO, stdout: TextIO) -> RawKeys | None:
    """Keys read one by one when both ends are a POSIX terminal; None otherwise (lines instead)."""
    if os.name != "posix":
        return None
    try:
        if not (stdin.isatty() and stdout.isatty()):
            return None
        stdin.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return RawKeys(stdin)
