"""`purgebot schema`: print the bank format's JSON Schema for editors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from purgebot.banks.schema import limits_markdown, schema_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")
    parser.add_argument(
        "--limits",
        action="store_true",
        help="print every limit of the format as a Markdown table (as in docs/question-format.md)",
    )


def run(args: argparse.Namespace) -> int:
    text = limits_markdown() if args.limits else schema_json()
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            print(f"{args.output}: cannot write: {exc.strerror or 'error'}", file=sys.stderr)
            return 1
    else:
        sys.stdout.write(text)
    return 0
