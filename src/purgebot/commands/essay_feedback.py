"""`purgebot essay-feedback --bank BANK --prompt ID FILE [--json]`: feedback on an essay file.

Lets a teacher try a prompt's key points on sample essays before class, with notes on phrases that
will not work as they read. BANK is a bank id (as `play` takes it) or a file's path; `purgebot
stats` lists the prompt ids. Problems with the bank, the prompt id or the file are reported on
stderr with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from purgebot.banks.loader import BankError
from purgebot.commands.bankarg import BankNotFound, add_banks_option, banks_dir, find_bank
from purgebot.essays import (
    EssayTextError,
    UnknownPromptError,
    check_essay,
    decode_essay,
    feedback_json,
    find_prompt,
    phrase_notes,
    render_text,
)
from purgebot.essays.intake import MAX_ESSAY_CHARS

USAGE_ERROR = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bank", required=True, metavar="BANK", help="a bank id (e.g. nkvd) or a bank file's path"
    )
    parser.add_argument(
        "--prompt",
        required=True,
        metavar="ID",
        help="the essay prompt's id (`purgebot stats` lists them)",
    )
    parser.add_argument("file", metavar="FILE", help="the essay, a UTF-8 .txt or .md file")
    parser.add_argument("--json", action="store_true", help="print the feedback as JSON")
    add_banks_option(parser)


def _fail(message: str) -> int:
    print(f"purgebot essay-feedback: error: {message}", file=sys.stderr)
    return USAGE_ERROR


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > 4 * MAX_ESSAY_CHARS:  # UTF-8 takes at most 4 bytes a character
            raise EssayTextError("The file is too big to be an essay.")
        return path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise EssayTextError(f"cannot read the file: {reason}") from None


def run(args: argparse.Namespace) -> int:
    try:
        bank = find_bank(args.bank, banks_dir(args))
    except (BankError, BankNotFound) as exc:
        return _fail(str(exc))
    try:
        prompt = find_prompt(bank, args.prompt)
    except UnknownPromptError as exc:
        return _fail(str(exc))
    try:
        text = decode_essay(_read(Path(args.file)))
    except EssayTextError as exc:
        return _fail(f"{args.file}: {exc}")
    feedback = check_essay(prompt, text, sources=bank.sources)
    notes = phrase_notes(prompt)
    if args.json:
        data = feedback_json(feedback)
        data["phrase_notes"] = list(notes)
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_text(feedback), end="")
        if notes:
            print("\nNotes on this prompt's phrases (for the teacher):")
            print("\n".join(f"  {note}" for note in notes))
    return 0
