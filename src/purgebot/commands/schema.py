"""`purgebot schema`: print the bank format's JSON Schema for editors."""

from __future__ import annotations

import argparse
import sys

from purgebot.banks.schema import schema_json


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", help="write to this file instead of standard output")


def run(args: argparse.Namespace) -> int:
    text = schema_json()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0
