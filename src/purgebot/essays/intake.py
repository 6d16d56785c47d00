"""Essay text as it arrives (a file, an attachment, a modal), checked before any feedback.

A student who uploads a .docx or an empty file should hear why nothing came back, in words they
understand, not a decoding traceback.
"""

from __future__ import annotations

from purgebot.errors import UserFacingError

MAX_ESSAY_CHARS = 60_000  # about 10,000 words: far beyond any exam answer
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class EssayTextError(UserFacingError):
    """The essay cannot be read as text, or holds none."""


def clean_essay_text(text: str) -> str:
    """The essay with line endings made plain; refuses empty, binary-looking or huge text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > MAX_ESSAY_CHARS:
        raise EssayTextError(
            f"The essay is too long ({len(text):,} characters; the limit is {MAX_ESSAY_CHARS:,})."
        )
    if "\x00" in text or sum(1 for c in text if c < " " and c not in _ALLOWED_CONTROLS) > 2:
        raise EssayTextError(
            "The essay looks like a binary file, not text. Send it as .txt or .md."
        )
    if not any(c.isalnum() for c in text):
        raise EssayTextError("The essay is empty: there are no words in it.")
    return text


def decode_essay(data: bytes) -> str:
    """Bytes of a .txt or .md file as essay text: UTF-8 (with or without a BOM) only."""
    if not data.strip():
        raise EssayTextError("The essay file is empty.")
    if b"\x00" in data:
        raise EssayTextError(
            "The essay file looks like a binary file (a Word document or a PDF?), not text. "
            "Save it as plain text (.txt) and try again."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EssayTextError(
            "The essay file is not UTF-8 text. Save it as plain text with UTF-8 encoding "
            "and try again."
        ) from None
    return clean_essay_text(text)
