"""Load question banks from text, files and folders; every problem comes back located.

`BankError` is the only exception that leaves this module, whatever the bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from purgebot.banks.build import build_bank
from purgebot.banks.declared import NAMES_FILE, Names, read_names
from purgebot.banks.fields import Ctx, get
from purgebot.banks.model import Bank
from purgebot.banks.yamlread import DEFAULT_MAX_BYTES, Problem, ReadError, read, too_big
from purgebot.errors import UserFacingError

BANK_SUFFIXES = (".yaml", ".yml")


class BankError(UserFacingError):
    """A bank that cannot be used: the first problems found in it (in file order), and how many
    more there are (`more`), so a file with 100,000 mistakes gives a short answer."""

    def __init__(self, name: str, problems: list[Problem], more: int = 0) -> None:
        self.name = name
        self.problems = [
            Problem(p.line, p.col, p.message, p.path, name) for p in sorted(problems, key=_order)
        ]
        self.more = more
        listed = "\n".join(str(p) for p in self.problems)
        if more:
            listed += f"\n{more_text(name, more)}"
        super().__init__(f"{name}: {plural(self.count, 'problem')}\n{listed}")

    @property
    def count(self) -> int:
        """Every problem found, listed or not."""
        return len(self.problems) + self.more


def more_text(name: str, more: int) -> str:
    """The line that stands for the problems not listed."""
    return (
        f"{name}: …and {plural(more, 'more problem')} not listed: "
        "fix these first, then check the file again"
    )


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'s' if n != 1 else ''}"


def _order(p: Problem) -> tuple[int, int]:
    return (p.line, p.col)


def load_bank_text(
    data: str | bytes,
    name: str = "<bank>",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    names: Names | None = None,
) -> Bank:
    """Validate and build one bank from YAML text or bytes; BankError lists every problem.

    `names`: name spellings shared by the bank's folder (see `load_names_file`).
    """
    try:
        root, problems = read(data, max_bytes=max_bytes)
    except ReadError as exc:
        raise BankError(name, [exc.problem]) from None
    except RecursionError:  # belt and braces: the reader bounds depth itself
        raise BankError(name, [Problem(1, 1, "nested too deeply")]) from None
    ctx = Ctx()
    for problem in problems:
        ctx.add(problem)
    bank = build_bank(ctx, root, names)
    if ctx.problems or bank is None:
        raise BankError(name, ctx.problems or [Problem(1, 1, "not a valid bank")], ctx.more)
    return bank


def load_bank_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Bank:
    """Load one bank file; an oversized file is refused before it is read."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise BankError(str(path), [too_big(size, max_bytes)])
        data = p.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BankError(str(path), [Problem(1, 1, f"cannot read the file: {reason}")]) from None
    names = load_names_file(p.parent / NAMES_FILE)
    bank = load_bank_text(data, str(path), max_bytes=max_bytes, names=names)
    return replace(bank, path=str(p))


def load_names_file(path: Path) -> dict[str, tuple[str, ...]]:
    """The spellings a folder's banks share: `names:` in the folder's names.yaml, if it has one."""
    if not path.is_file():
        return {}
    try:
        root, problems = read(path.read_bytes())
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BankError(str(path), [Problem(1, 1, f"cannot read the file: {reason}")]) from None
    except ReadError as exc:
        raise BankError(str(path), [exc.problem]) from None
    ctx = Ctx()
    for problem in problems:
        ctx.add(problem)
    top = ctx.mapping(root, "", ("names",), ("names",)) if root is not None else None
    node = get(top, "names") if top is not None else None
    names = read_names(ctx, node) if node is not None else None
    if ctx.problems or names is None:
        raise BankError(str(path), ctx.problems or [Problem(1, 1, "expected `names:`")], ctx.more)
    return names


def bank_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the bank files they hold, sorted, folders searched deeply.

    A file reached twice (a folder and a file in it) comes once, or it would clash with itself.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        found = (
            sorted(
                f
                for f in p.rglob("*")
                if f.suffix.lower() in BANK_SUFFIXES and f.name != NAMES_FILE and f.is_file()
            )
            if p.is_dir()
            else [p]
        )
        for f in found:
            if (key := f.resolve()) not in seen:
                seen.add(key)
                out.append(f)
    return out


def load_bank_dir(path: str | Path) -> list[Bank]:
    """Load every bank in a folder; raise BankError for the first bad file or a repeated bank id."""
    banks: list[Bank] = []
    seen: dict[str, str] = {}
    for f in bank_files([path]):
        bank = load_bank_file(f)
        if bank.id in seen:
            raise BankError(
                str(f), [Problem(1, 1, f"bank id {bank.id!r} is also used by {seen[bank.id]}")]
            )
        seen[bank.id] = str(f)
        banks.append(bank)
    return banks
