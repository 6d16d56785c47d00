"""`purgebot import FILE`: convert GIFT, Aiken, Red trivia, Open Trivia DB or CSV to a bank.

The bank goes to standard output (or OUT); every question left out or changed is reported on
standard error as `FILE:LINE: message`, so the bank stays clean to pipe or save.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from purgebot.banks.importers import (
    FORMATS,
    ImportFailed,
    ImportWarning,
    bank_id_from_filename,
    decode_bytes,
    detect_format,
    import_text,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the file to convert ('-' reads stdin)")
    parser.add_argument(
        "--format",
        "-f",
        choices=FORMATS,
        help="the file's format (default: told from its name and content)",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write the bank here, not stdout (never over a file)"
    )
    parser.add_argument(
        "--force", action="store_true", help="with -o: replace OUT if it already exists"
    )
    parser.add_argument(
        "--bank", metavar="ID", help="bank id (default: from OUT's name, else from FILE's)"
    )
    parser.add_argument("--title", metavar="T", help="bank title (default: from the bank id)")


def run(args: argparse.Namespace) -> int:
    name = "<stdin>" if args.file == "-" else args.file
    if args.output and not args.force and Path(args.output).exists():
        print(
            f"{args.output} already exists: nothing was written. Choose another name with -o, "
            "or add --force to replace it.",
            file=sys.stderr,
        )
        return 1
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"{name}: cannot read the file: {exc.strerror or 'error'}", file=sys.stderr)
        return 1
    try:
        text = decode_bytes(data)
        fmt = args.format or detect_format("" if args.file == "-" else name, text)
        # The bank is named after the file it goes into: `-o my-bank.yaml` makes `my-bank`.
        named_by = args.output or ("imported" if args.file == "-" else name)
        bank_id = args.bank or bank_id_from_filename(named_by)
        result = import_text(text, fmt, bank_id=bank_id, title=args.title)
    except ImportFailed as exc:
        _report(name, exc.warnings)
        print(f"{name}: {exc.message}", file=sys.stderr)
        return 1
    _report(name, result.warnings)
    if args.output:
        try:
            Path(args.output).write_text(result.yaml_text, encoding="utf-8")
        except OSError as exc:
            print(f"{args.output}: cannot write: {exc.strerror or 'error'}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(result.yaml_text)
    print(f"{name}: {result.summary(into=args.output)}", file=sys.stderr)
    return 0


def _report(name: str, warnings: Sequence[ImportWarning]) -> None:
    for warning in warnings:
        where = f"{name}:{warning.line}" if warning.line else name
        print(f"{where}: {warning.message}", file=sys.stderr)
