"""Settings read once from the environment (and a `.env` file), so nothing else touches os.environ.

Real environment variables always win over `.env`; the token never appears in repr, str or logs.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

from purgebot.errors import UserFacingError

DEFAULT_DB = "./purgebot.db"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

TOKEN_HELP = (
    "DISCORD_TOKEN is not set, so the bot cannot log in.\n"
    "Get a token: https://discord.com/developers/applications -> your application -> Bot -> "
    "Reset Token, and copy it.\n"
    "Then either run `export DISCORD_TOKEN=...` in this shell, or put the line\n"
    "DISCORD_TOKEN=... in a file named .env in the directory you start the bot from.\n"
    "docs/teacher-guide.md walks through creating the application and inviting the bot."
)


class MissingTokenError(UserFacingError):
    """Raised when something needs to log in to Discord and no token was configured."""

    def __init__(self) -> None:
        super().__init__(TOKEN_HELP)


class SettingsError(UserFacingError):
    """A setting has a value the bot cannot use; the message names the variable."""


def builtin_banks_dir() -> Path:
    """The built-in banks, found through the package, wherever it runs from.

    An installed wheel carries them as `purgebot/questions/`; an editable install or a checkout
    has them in the repository's top-level `questions/`, which setup.py maps to that package.
    The current folder plays no part: the same install finds the same banks from anywhere.
    """
    packaged = Path(__file__).resolve().parent / "questions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "questions"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot reads from its environment, read once at start."""

    db_path: Path = Path(DEFAULT_DB)
    # PURGEBOT_DB as a postgresql:// URL (then db_path is unused); it may hold a password, so
    # it stays out of repr (storage.pgdb.redact gives a showable form)
    db_url: str | None = field(default=None, repr=False)
    banks_dir: Path = field(default_factory=builtin_banks_dir)
    log_level: str = "INFO"
    api_base: str | None = None
    gateway_url: str | None = None
    token: str | None = field(default=None, repr=False, compare=False)

    def __str__(self) -> str:
        return repr(self)

    @property
    def has_token(self) -> bool:
        return bool(self.token)

    def require_token(self) -> str:
        """The token, or a MissingTokenError whose message says how to get one."""
        if not self.token:
            raise MissingTokenError()
        return self.token

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        dotenv_path: Path | None = None,
    ) -> Settings:
        """Read the settings from `environ` (default os.environ), then `.env` for what is unset."""
        env_file = dotenv_path if dotenv_path is not None else Path.cwd() / ".env"
        values: dict[str, str] = {}
        if env_file.is_file():
            text = read_dotenv(env_file)
            parsed = dotenv_values(stream=io.StringIO(text))
            values.update({k: v for k, v in parsed.items() if v is not None})
        values.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = values.get(name, "").strip()
            return value or None

        level = (get("PURGEBOT_LOG_LEVEL") or "INFO").upper()
        if level not in LOG_LEVELS:
            raise SettingsError(
                f"PURGEBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}; got {level!r}."
            )
        banks = get("PURGEBOT_BANKS")
        db = get("PURGEBOT_DB") or DEFAULT_DB
        is_url = db.startswith(("postgresql://", "postgres://"))
        return cls(
            db_path=Path(DEFAULT_DB if is_url else db),
            db_url=db if is_url else None,
            banks_dir=Path(banks) if banks else builtin_banks_dir(),
            log_level=level,
            api_base=_url(get("DISCORD_API_BASE"), "DISCORD_API_BASE", ("http://", "https://")),
            gateway_url=_url(
                get("DISCORD_GATEWAY_URL"), "DISCORD_GATEWAY_URL", ("ws://", "wss://")
            ),
            token=get("DISCORD_TOKEN"),
        )


def read_dotenv(path: Path) -> str:
    """The text of a .env file: UTF-8 (with or without a BOM), or UTF-16 with a BOM (what
    Windows Notepad calls "Unicode"); anything else is refused with the way to fix it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror or exc}.") from None
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        if b"\x00" in data:
            raise SettingsError(
                f"{path} looks like UTF-16 text without a byte-order mark. Save it again as "
                "UTF-8 (in Notepad: Save As, Encoding: UTF-8)."
            )
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SettingsError(
            f"{path} is not UTF-8 text (a byte it cannot read on line {line}). Save it again "
            "as UTF-8 (in Notepad: Save As, Encoding: UTF-8)."
        ) from None


def _url(value: str | None, name: str, schemes: tuple[str, ...]) -> str | None:
    if value is None:
        return None
    if not value.startswith(schemes):
        raise SettingsError(f"{name} must start with {' or '.join(schemes)}; got {value!r}.")
    return value.rstrip("/")
