"""Every text the bot sends fits Discord's limits, even the longest a bank allows."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
import pytest

from purgebot.banks import model as m
from purgebot.banks.yamlread import Problem
from purgebot.bot import cards, render
from purgebot.bot.banks import embeds as bank_cards
from purgebot.catalog import Entry
from purgebot.storage import BankInfo

# Characters that are one code point each but awkward: wide, combining, right-to-left, emoji.
ODD = "Ежов ✓ 😀 é ש "


def longest(limit: int, seed: str = "") -> str:
    """A text of exactly `limit` characters, not all ASCII, unique per seed."""
    text = (seed + ODD) * (limit // len(seed + ODD) + 1)
    return text[:limit]


def maximal_bank(bank_id: str = "b" * 64, questions: int = 60) -> m.Bank:
    """A bank with every text at its longest: what a teacher's upload could hold."""
    sources = {f"s{i}": m.SourceInfo(longest(m.MAX_TITLE * 2, f"source {i} ")) for i in range(40)}
    qs: list[m.AnyQuestion] = []
    for i in range(questions):
        qs.append(
            m.ChoiceQuestion(
                id=f"q{i}".ljust(64, "x"),
                prompt=longest(m.MAX_PROMPT, f"prompt {i} "),
                explanation=longest(m.MAX_EXPLANATION),
                source=m.SourceRef("s0", longest(m.MAX_QUOTE)),
                topic=longest(m.MAX_TOPIC, f"topic {i} "),
                difficulty=m.Difficulty.HARD,
                note=longest(m.MAX_NOTE),
                choices=tuple(longest(m.MAX_CHOICE, f"choice {c} ") for c in range(m.MAX_CHOICES)),
                answers=frozenset({0}),
            )
        )
    return m.Bank(
        id=bank_id,
        title=longest(m.MAX_TITLE, "title "),
        description=longest(m.MAX_DESCRIPTION, "description "),
        sources=sources,
        questions=tuple(qs),
    )


def assert_embed_within_limits(made: discord.Embed) -> None:
    assert len(made.title or "") <= render.EMBED_TITLE
    assert len(made.description or "") <= render.EMBED_DESCRIPTION
    assert len(made.fields) <= render.EMBED_FIELDS
    for f in made.fields:
        assert 1 <= len(f.name or "") <= render.FIELD_NAME
        assert 1 <= len(f.value or "") <= render.FIELD_VALUE
    assert len(made.footer.text or "") <= render.EMBED_FOOTER
    assert len(made.author.name or "") <= render.EMBED_AUTHOR
    assert len(made) <= render.EMBED_TOTAL


def uploaded(bank: m.Bank) -> Entry:
    when = datetime(2026, 1, 1, tzinfo=UTC)
    return Entry(bank, BankInfo(1, bank.id, "0" * 64, 10, 2**63 - 1, when))


# --- the cutters ------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", [1, 2, 45, 100, 4096])
def test_cut_keeps_short_texts_and_shortens_long_ones_with_an_ellipsis(limit: int) -> None:
    exact = longest(limit)
    assert render.cut(exact, limit) == exact
    over = render.cut(exact + "z", limit)
    assert len(over) <= limit
    if limit > 1:
        assert over.endswith(render.ELLIPSIS)
        assert exact.startswith(over[:-1].rstrip())


def test_cut_of_nothing_is_empty() -> None:
    assert render.cut(None, 10) == ""
    assert render.cut("", 10) == ""


def test_labels_titles_and_placeholders_from_a_longest_prompt() -> None:
    prompt = longest(m.MAX_PROMPT)
    for made, limit in [
        (render.button_label(longest(m.MAX_CHOICE)), render.BUTTON_LABEL),
        (render.modal_title(prompt), render.MODAL_TITLE),
        (render.input_label(prompt), render.TEXT_INPUT_LABEL),
        (render.input_placeholder(prompt), render.TEXT_INPUT_PLACEHOLDER),
        (render.content(prompt * 3), render.MESSAGE_CONTENT),
    ]:
        assert limit - 5 <= len(made) <= limit and made.endswith(render.ELLIPSIS)
    assert render.button_label("") == render.BLANK  # Discord refuses an empty label


def test_custom_ids_stay_within_100_and_distinct() -> None:
    short = render.custom_id("quiz", 12345678901234567890, "answer", 3)
    assert short == "quiz:12345678901234567890:answer:3"
    long_a = render.custom_id("bank", "a" * 64, "q" * 64)
    long_b = render.custom_id("bank", "a" * 64, "q" * 63 + "r")
    assert len(long_a) == render.CUSTOM_ID and len(long_b) == render.CUSTOM_ID
    assert long_a != long_b
    assert long_a == render.custom_id("bank", "a" * 64, "q" * 64)  # stable


def test_select_options_and_autocomplete_choices_fit() -> None:
    option = render.select_option(
        longest(m.MAX_CHOICE), "v" * 150, description=longest(m.MAX_EXPLANATION)
    )
    assert len(option.label) <= render.SELECT_OPTION_LABEL
    assert len(option.value) <= render.SELECT_OPTION_VALUE
    assert option.description is not None
    assert len(option.description) <= render.SELECT_OPTION_DESCRIPTION
    made = render.choices((longest(300, str(i)), f"id-{i}") for i in range(40))
    assert len(made) == render.CHOICES
    assert all(len(c.name) <= render.CHOICE_NAME for c in made)
    assert [c.value for c in made] == [f"id-{i}" for i in range(25)]
    assert render.choices([("too long a value", "x" * 101)]) == []


def test_fit_embed_cuts_every_part_and_the_total() -> None:
    made = discord.Embed(title=longest(300), description=longest(5000))
    for i in range(30):
        made.add_field(name=longest(300, str(i)), value=longest(2000, str(i)))
    made.set_footer(text=longest(3000))
    made.set_author(name=longest(300))
    fitted = render.fit_embed(made)
    assert_embed_within_limits(fitted)
    assert len(fitted.description or "") >= 200  # shrunk, but still something to read


def test_fit_embed_with_empty_field_texts_fills_them() -> None:
    made = discord.Embed(title="t")
    made.add_field(name="", value="")
    fitted = render.fit_embed(made)
    assert fitted.fields[0].name == render.BLANK and fitted.fields[0].value == render.BLANK


def test_fit_embeds_shares_6000_characters_over_at_most_ten() -> None:
    embeds = [discord.Embed(title=longest(256), description=longest(4096)) for _ in range(12)]
    fitted = render.fit_embeds(embeds)
    assert 1 <= len(fitted) <= render.EMBEDS_PER_MESSAGE
    assert sum(len(e) for e in fitted) <= render.EMBED_TOTAL
    for made in fitted:
        assert_embed_within_limits(made)


def test_lines_within_shows_whole_lines_then_says_how_many_more() -> None:
    lines = [f"line {i:03d} " + "x" * 40 for i in range(200)]
    text, shown = render.lines_within(lines, 1000, lambda n: f"…and {n} more")
    assert len(text) <= 1000
    assert 0 < shown < 200
    assert text.splitlines()[:shown] == lines[:shown]
    assert text.splitlines()[-1] == f"…and {200 - shown} more"
    # fits exactly: no note
    everything, count = render.lines_within(lines[:3], 1000, lambda n: f"…and {n} more")
    assert (everything, count) == ("\n".join(lines[:3]), 3)


def test_lines_within_cuts_a_first_line_too_long_for_the_room() -> None:
    text, shown = render.lines_within([longest(5000), "b"], 1024, lambda n: f"…and {n} more")
    assert len(text) <= 1024 and shown == 1
    assert text.endswith("…and 1 more")


# --- cards built from the longest banks --------------------------------------------------------


def test_bank_info_of_the_longest_bank_fits() -> None:
    bank = maximal_bank()
    for entry in (Entry(bank), uploaded(bank)):
        made = bank_cards.bank_info(entry)
        assert_embed_within_limits(made)
        assert made.title == bank.title  # 100 characters fit whole
        fields = {f.name: f.value for f in made.fields}
        assert "…and" in fields["Sources"] and "more source" in fields["Sources"]


def test_bank_list_of_many_long_banks_fits_and_counts_the_rest() -> None:
    entries = [
        uploaded(maximal_bank(f"bank-{i:03d}".ljust(64, "z"), questions=1)) for i in range(80)
    ]
    made = bank_cards.bank_list(entries)
    assert_embed_within_limits(made)
    assert "more lines: type in `/bank info` to search every bank." in (made.description or "")


def test_problems_report_of_a_thousand_long_problems_fits() -> None:
    problems = [
        Problem(i + 1, 80, longest(300, f"problem {i} "), f"questions[{i}].choices[7]")
        for i in range(1000)
    ]
    made, cut_short = bank_cards.problems_report(longest(300, "file name "), problems)
    assert_embed_within_limits(made)
    assert cut_short
    assert "`1:80` questions[0].choices[7]: problem 0" in (made.description or "")
    text = bank_cards.problems_text("bank.yaml", problems)
    assert len(text.splitlines()) == 1000


def test_bank_autocomplete_of_long_titles_fits_and_shows_the_id_first() -> None:
    names = [(f"bank-{i}".ljust(64, "z"), longest(m.MAX_TITLE)) for i in range(30)]
    made = render.choices(cards.bank_choices(names, "bank-1"))
    assert 0 < len(made) <= render.CHOICES
    for choice in made:
        assert len(choice.name) <= render.CHOICE_NAME
        assert choice.name.startswith(choice.value)  # a 64-character id survives the cut
