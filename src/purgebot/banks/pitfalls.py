"""YAML's pitfalls for a teacher writing a bank: the parser's words turned into a fix.

The parser says "found character that cannot start any token" for a tab, "mapping values are not
allowed here" for a prompt holding ": ", and nothing at all when ` #` cuts a prompt short:
`prompt: Which element is number #6?` reads as "Which element is number" plus a comment. Each
gets a message that names the mistake and the fix, which is nearly always: put the text in quotes.
"""

from __future__ import annotations

import re

QUOTE_IT = 'put the whole text in quotes, e.g. prompt: "Who said: no? Number #6"'
TAB = "a tab character: YAML indents with spaces only, so replace the tab with spaces"

# After a value: blanks, then "#". Deliberate comments leave two spaces or more before "#" and
# one after it (`answer: 1934  # the year`); text cut short reads `number #6` or `a # b`.
_COMMENT_AFTER = re.compile(r"([ \t]+)#([^\r\n]?)")


def syntax_reason(reason: str, text: str, at: int) -> str:
    """The parser's reason at character `at` of `text`, in a teacher's words with the fix."""
    char = text[at : at + 1]
    if "tab" in reason or char == "\t":
        return TAB
    if reason.startswith("mapping values are not allowed"):
        return (
            "a text holds ': ' (a colon and a space), which YAML reads as the start of "
            f"a new key: {QUOTE_IT}"
        )
    if reason.startswith("found character that cannot start any token"):
        return f"a value cannot start with {char!r} in YAML: {QUOTE_IT}"
    if reason.startswith("did not find expected ',' or '}'"):
        return f"{reason}; inside {{ }} a text holding ': ' or ', ' must be in quotes"
    return reason


def cut_by_comment(text: str, end: int) -> tuple[int, str] | None:
    """Where a plain value ending at `end` is followed by what looks like text cut off by a
    comment, the offset of its `#` and the message; None when the line goes on as expected."""
    found = _COMMENT_AFTER.match(text, end)
    if found is None:
        return None
    blanks, after = found.group(1), found.group(2)
    if blanks == " " or (after and not after.isspace()):
        return found.start(0) + len(blanks), (
            "YAML reads ' #' as the start of a comment, so the text stops before it: "
            "if the '#' and what follows belong to the text, put the whole text in quotes; "
            "if it is a comment, leave two spaces before '#' and one after it"
        )
    return None
