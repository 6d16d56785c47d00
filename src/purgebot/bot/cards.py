"""Text shared by every feature: counts, dates, a student's own words, how a question reads.

Kept in the core so the live quiz, homework, practice and the boards word these the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from discord.utils import escape_markdown

from purgebot.banks.loader import plural as plural  # one wording of counts, re-exported
from purgebot.banks.model import (
    AnyQuestion,
    Bank,
    ChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    TrueFalseQuestion,
)
from purgebot.quiz import QuestionView


def timestamp(moment: datetime, style: str = "D") -> str:
    """Discord's timestamp markup: each reader sees it in their own time zone."""
    return f"<t:{int(moment.timestamp())}:{style}>"


def bank_choices(names: Sequence[tuple[str, str | None]], typed: str) -> list[tuple[str, str]]:
    """(name, value) pairs for autocomplete from (id, title): ids or titles containing what was
    typed, ids starting with it first. The id leads the name so a cut never hides it."""
    needle = typed.strip().casefold()
    matches = [
        (bank_id, title)
        for bank_id, title in names
        if not needle or needle in bank_id.casefold() or needle in (title or "").casefold()
    ]
    matches.sort(key=lambda m: (not m[0].casefold().startswith(needle), m[0]))
    return [(f"{bank_id} · {title}" if title else bank_id, bank_id) for bank_id, title in matches]


def typed(text: str) -> str:
    """A student's own text, shown literally (mentions are off in every message we send)."""
    return escape_markdown(text)


def points(value: int) -> str:
    return f"{value:,}"


def epoch(moment: float) -> int:
    """A clock reading as a whole second for Discord's <t:...> markup (rounded up: never early)."""
    whole = int(moment)
    return whole if whole == moment else whole + 1


def how_to_answer(view: QuestionView) -> str:
    q = view.question
    if isinstance(q, TrueFalseQuestion):
        return "Press **True** or **False**."
    if isinstance(q, ChoiceQuestion):
        if q.multi:
            return "More than one may be right: pick every right option in the menu."
        return "Press the letter of your answer."
    if isinstance(q, OrderQuestion):
        return "Press **Answer** and type the letters in the right order, e.g. `B A C`."
    if isinstance(q, NumericQuestion):
        unit = f" (in {q.unit})" if q.unit else ""
        return f"Press **Answer** and type a number{unit}."
    return "Press **Answer** and type your answer."


def option_lines(view: QuestionView) -> list[str]:
    if isinstance(view.question, TrueFalseQuestion):
        return []
    return [f"**{letter}** {text}" for letter, text in zip(view.letters, view.options, strict=True)]


def source_text(bank: Bank, question: AnyQuestion) -> str | None:
    """Where a question's answer is read: the source's title (linked when it has a url), and
    the quote under it."""
    ref = question.source
    if ref is None:
        return None
    info = bank.sources.get(ref.doc)
    title = info.title if info else ref.doc
    head = f"[{title}]({info.url})" if info and info.url else title
    return f"{head}\n> {ref.quote}" if ref.quote else head
