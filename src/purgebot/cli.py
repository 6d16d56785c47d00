"""The `purgebot` command line: one sub-command per module in `purgebot.commands`.

Each command module exposes `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`; modules
are imported only when their command runs, so `purgebot validate` never loads discord.py.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from purgebot import __version__

DESCRIPTION = (
    "purgebot: a Discord quiz bot for classrooms. `purgebot run` starts the bot; the other "
    "commands work in the terminal: try a bank as a quiz, check and convert banks, and preview "
    "essay feedback."
)
EPILOG = "Try: purgebot play kirov. Each command has its own help: purgebot COMMAND --help."

# command name -> (module under purgebot.commands, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("run", "run the bot (reads DISCORD_TOKEN from the environment)"),
    "sync": ("sync", "sync slash commands with Discord, globally or to one server"),
    "validate": ("validate", "check question-bank files or folders; one line per problem"),
    "schema": ("schema", "print the JSON Schema of the question-bank format"),
    "stats": ("stats", "what each bank holds: questions by type, topic, difficulty and source"),
    "play": ("play", "play a bank as a quiz in the terminal, to preview it"),
    "import": ("import_", "convert GIFT, Aiken, Red trivia, Open Trivia DB or CSV to a bank"),
    "essay-feedback": ("essay_feedback", "print key-point feedback for an essay in a file"),
    "db": ("db", "database tools: copy a history between SQLite and PostgreSQL"),
}


class _Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...
    def run(self, args: argparse.Namespace) -> int: ...


def _module(name: str) -> _Command:
    return cast(_Command, importlib.import_module(f"purgebot.commands.{name}"))


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="purgebot", description=DESCRIPTION, epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"purgebot {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    for name, (module, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == chosen:  # only the chosen command's module is imported
            _module(module).add_arguments(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(args_list).parse_args(args_list)
    module, _ = COMMANDS[args.command]
    try:
        return _module(module).run(args)
    except KeyboardInterrupt:  # Ctrl-C: no traceback, and the shell's prompt on a line of its own
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
