"""`purgebot validate PATH...`: one line per problem, `path:line:column: key.path: message`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from purgebot.banks.loader import BankError, bank_files, load_bank_file, more_text
from purgebot.banks.quotes import SourcesError, bank_citations, check_citations, load_sources


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="bank files or folders of them")
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="also check every source.quote against the documents indexed in DIR/sources.yaml",
    )


def run(args: argparse.Namespace) -> int:
    try:
        sources = load_sources(Path(args.sources)) if args.sources else None
    except SourcesError as exc:
        print(f"purgebot validate: {exc}", file=sys.stderr)
        return 2
    files = bank_files(args.paths)
    missing = [str(f) for f in files if not f.exists()]
    for name in missing:
        print(f"{name}:1:1: no such file or folder", file=sys.stdout)
    bad = len(missing)
    ids: dict[str, str] = {}
    for f in files:
        if not f.exists():
            continue
        try:
            bank = load_bank_file(f)
        except BankError as exc:
            bad += 1
            for problem in exc.problems:
                print(problem)
            if exc.more:
                print(more_text(f"{f}:1:1", exc.more))
            continue
        if bank.id in ids:
            bad += 1
            print(f"{f}:1:1: bank: bank id {bank.id!r} is also used by {ids[bank.id]}")
        ids.setdefault(bank.id, str(f))
        if sources is not None:
            citations = [
                (f"{f}:{c.line}:1: {c.what}", c.doc, c.quote) for c in bank_citations(bank)
            ]
            quote_problems = check_citations(citations, sources)
            for quote_problem in quote_problems:
                print(quote_problem)
            bad += bool(quote_problems)
    checked = len(files)  # a missing path counts: it is reported like any problem
    sys.stdout.flush()  # the problems first, then the summary, even when both go to a terminal
    print(
        f"{checked} file{'s' if checked != 1 else ''} checked, {bad} with problems", file=sys.stderr
    )
    return 1 if bad else 0
