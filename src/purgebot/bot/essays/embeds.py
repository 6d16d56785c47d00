"""Embeds for the essay drills: the prompt, a student's feedback, the review queue and the marks.

Pure functions from domain data to embeds; every length is cut by `render`, so a long prompt,
essay or comment shortens with an ellipsis instead of making Discord refuse the message.
Student text is markdown-escaped: an essay quoting `*stars*` must not restyle the feedback.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

import discord
from discord.utils import escape_markdown

from purgebot.banks.model import Bank, EssayPrompt
from purgebot.bot import render
from purgebot.bot.cards import plural, timestamp
from purgebot.essays import Feedback, Match, PointFeedback
from purgebot.essays.evidence import KINDS
from purgebot.storage import EssaySubmission

COLOUR = discord.Colour.dark_teal()
CLOSED_COLOUR = discord.Colour.dark_grey()
MAX_SHOWN_MATCHES = 2
_KIND_TITLES = {"date": "Dates", "figure": "Figures", "person": "People", "order": "Orders"}
_REASONS = {  # why a phrase found in the essay did not earn its point, in a student's words
    "negated": "the sentence negates it",
    "question": "only asked as a question",
    "heading": "only in a heading",
    "too short": "a sentence too short to explain it",
    "list item": "only listed, not explained",
    "dismissed": "you name it but don't explain it",
    "misconception": "that sentence holds a factual error",
}
OFF_TOPIC = (
    "This essay seems to answer a different question. Read the prompt again and make its "
    "points: the outline shows what a strong answer covers."
)


def prompt_ref(bank_id: str, prompt_id: str) -> str:
    """How a prompt is named everywhere a user types or reads it: `bank/prompt-id`."""
    return f"{bank_id}/{prompt_id}"


def prompt_choices(prompts: Iterable[tuple[str, EssayPrompt]], typed: str) -> list[tuple[str, str]]:
    """(name, value) autocomplete pairs "bank/prompt-id: prompt text" matching what was typed,
    prompts whose reference starts with it first."""
    needle = typed.strip().casefold()
    found = []
    for bank_id, prompt in prompts:
        ref = prompt_ref(bank_id, prompt.id)
        if needle and needle not in ref.casefold() and needle not in prompt.prompt.casefold():
            continue
        first = ref.casefold().startswith(needle) or prompt.id.startswith(needle)
        found.append((not first, ref, f"{ref}: {prompt.prompt}"))
    found.sort()
    return [(name, ref) for _, ref, name in found]


def target_text(min_words: int | None, max_words: int | None) -> str | None:
    if min_words is not None and max_words is not None:
        return f"{min_words}-{max_words} words"
    if min_words is not None:
        return f"at least {min_words} words"
    if max_words is not None:
        return f"at most {max_words} words"
    return None


def drill_embed(
    bank: Bank, prompt: EssayPrompt, *, set_by: str, deadline: datetime | None, closed: bool = False
) -> discord.Embed:
    """The prompt as the class sees it in the channel; `closed` once its deadline has passed."""
    fields: list[tuple[str, str, bool]] = []
    if prompt.guidance:
        fields.append(("Guidance", prompt.guidance, False))
    target = target_text(prompt.min_words, prompt.max_words)
    if target:
        fields.append(("Length", target, True))
    fields.append(("Key points to make", str(len(prompt.key_points)), True))
    if deadline is not None:
        when = timestamp(deadline, "R")
        fields.append(("Deadline", f"closed {when}" if closed else f"{when}", True))
    ref = prompt_ref(bank.id, prompt.id)
    if closed:
        footer = "This drill is closed. Practise it any time with /essay submit."
    else:
        footer = (
            f"Press Write to answer privately (up to 4,000 characters), or send a longer "
            f"answer as a .txt file with /essay submit prompt:{ref}. Set by {set_by}."
        )
    return render.embed(
        f"Essay drill: {bank.title}",
        f"**{prompt.prompt}**\n`{ref}`",
        fields=fields,
        footer=footer,
        colour=CLOSED_COLOUR if closed else COLOUR,
    )


def modal_intro(prompt: EssayPrompt) -> str:
    """The prompt shown above the answer box (the box's own label is only 45 characters)."""
    parts = [f"**{prompt.prompt}**"]
    if prompt.guidance:
        parts.append(prompt.guidance)
    target = target_text(prompt.min_words, prompt.max_words)
    if target:
        parts.append(f"Length: {target}.")
    return "\n".join(parts)


def _quote(text: str) -> str:
    return f'"{escape_markdown(" ".join(text.split()))}"'


def _around(sentence: str, part: str, limit: int = 140) -> str:
    """The sentence, cut to about `limit` characters around `part` when it is longer."""
    sentence = " ".join(sentence.split())
    at = sentence.find(" ".join(part.split()))
    if len(sentence) <= limit or at < 0:
        return _quote(render.cut(sentence, limit))
    a = max(0, min(at - (limit - len(part)) // 2, len(sentence) - limit))
    b = a + limit
    inner = sentence[a:b].strip()
    return f'"{"…" if a else ""}{escape_markdown(inner)}{"…" if b < len(sentence) else ""}"'


def _shown_by(match: Match) -> str:
    return f"{_quote(match.text)} in {_around(match.sentence, match.text)}"


def _made_value(point: PointFeedback) -> str:
    lines = [f"Shown by {_shown_by(m)}" for m in point.shown[:MAX_SHOWN_MATCHES]]
    if len(point.shown) > MAX_SHOWN_MATCHES:
        lines.append(f"…and {plural(len(point.shown) - MAX_SHOWN_MATCHES, 'more place')}")
    return "\n".join(lines)


def _missed_value(point: PointFeedback) -> str:
    lines = []
    if point.dismissed:
        lines.append("You name it but don't explain it: say what it was and why it matters.")
    for m in point.refused_shown[:MAX_SHOWN_MATCHES]:
        why = _REASONS.get(m.reason or "", m.reason)
        lines.append(f"Not counted ({why}): {_shown_by(m)}")
    if point.read is not None:
        where = point.read.title or point.read.doc
        quote = f': "{point.read.quote}"' if point.read.quote else ""
        lines.append(f"Read: *{where}*{quote}")
    else:
        lines.append("Read: your notes on this point.")
    return "\n".join(lines)


def length_line(fb: Feedback) -> str:
    wc = fb.words
    text = plural(wc.words, "word")
    target = target_text(wc.min_words, wc.max_words)
    if target is None or fb.off_topic:  # no length advice for an answer to another question
        return text
    text += f"; target {target}"
    if wc.verdict == "short":
        return f"{text}: too short, write about {(wc.min_words or 0) - wc.words} more"
    if wc.verdict == "long":
        return f"{text}: too long, cut about {wc.words - (wc.max_words or 0)}"
    return f"{text}: on target"


def evidence_text(fb: Feedback) -> str:
    if not fb.evidence:
        return "None found: no dates, figures, names or orders. Examiners reward precise evidence."
    lines = []
    for kind in KINDS:
        values = [
            e.value + (f" (×{e.count})" if e.count > 1 else "")
            for e in fb.evidence
            if e.kind == kind
        ]
        if values:
            lines.append(f"**{_KIND_TITLES[kind]}:** {escape_markdown(', '.join(values))}")
    return "\n".join(lines)


def feedback_embeds(fb: Feedback, bank_id: str, submission_id: int) -> list[discord.Embed]:
    """The private feedback: points made (with the words that showed them), points missed (with
    where to read), evidence, length and the outline. Not yet fitted: see `fit_feedback`."""
    total = len(fb.covered) + len(fb.missed)
    head = discord.Embed(
        title=f"Your essay feedback: {len(fb.covered)} of {plural(total, 'key point')} made",
        description=f"**{fb.prompt}**\n`{prompt_ref(bank_id, fb.prompt_id)}` · "
        f"submission #{submission_id}\n\n"
        + (f"**Off topic:** {OFF_TOPIC}\n" if fb.off_topic else "")
        + f"**Length:** {length_line(fb)}",
        colour=COLOUR,
    )
    for point in fb.covered:
        head.add_field(name=f"✅ {point.point}", value=_made_value(point), inline=False)
    for point in fb.missed:
        head.add_field(name=f"❌ Missed: {point.point}", value=_missed_value(point), inline=False)
    head.set_footer(text="Only you can see this. Your teacher will mark it: see /essay mine.")
    more = discord.Embed(colour=COLOUR)
    if fb.misconceptions:
        facts = [
            f"{_quote(m.sentence)}: {m.correction}"
            + (f' (*{m.source.doc}*: "{m.source.quote}")' if m.source and m.source.quote else "")
            for m in fb.misconceptions
        ]
        text, _ = render.lines_within(
            facts, render.FIELD_VALUE, lambda n: f"…and {plural(n, 'more fact')} to check"
        )
        more.add_field(name="Check these facts", value=text, inline=False)
    more.add_field(name="Evidence you used", value=evidence_text(fb), inline=False)
    if fb.outline:
        outline = [f"{n}. {item}" for n, item in enumerate(fb.outline, 1)]
        text, _ = render.lines_within(
            outline, render.FIELD_VALUE, lambda n: f"…and {plural(n, 'more step')}"
        )
        more.add_field(name="Outline of a strong answer", value=text, inline=False)
    return [head, more]


def fit_feedback(embeds: Sequence[discord.Embed]) -> tuple[list[discord.Embed], bool]:
    """The embeds cut to Discord's limits, and whether anything was lost in the cutting (then
    the full feedback goes along as a text file)."""
    before = [(len(e), len(e.fields)) for e in embeds]
    fitted = render.fit_embeds(embeds)
    after = [(len(e), len(e.fields)) for e in fitted]
    return fitted, after != before


def tally(feedback: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """The covered and missed point ids a stored feedback records."""

    def ids(key: str) -> list[str]:
        value = feedback.get(key)
        return [str(v) for v in value] if isinstance(value, list) else []

    return ids("covered"), ids("missed")


def points_text(feedback: Mapping[str, Any]) -> str:
    covered, missed = tally(feedback)
    return f"{len(covered)}/{len(covered) + len(missed)} points"


def score_text(score: float) -> str:
    return f"{score:g}/100"


def queue_line(s: EssaySubmission) -> str:
    return (
        f"**#{s.submission_id}** · {escape_markdown(s.user_name)} · "
        f"`{prompt_ref(s.bank_id, s.prompt_id)}` · {plural(s.word_count, 'word')} · "
        f"{points_text(s.feedback)} · {timestamp(s.submitted_at, 'R')}"
    )


def queue_embed(
    subs: Sequence[EssaySubmission], *, page: int, pending: int, has_next: bool
) -> discord.Embed:
    """One page of unmarked essays, oldest first, with the command that marks them."""
    if subs:
        text, _ = render.lines_within(
            [queue_line(s) for s in subs],
            render.EMBED_DESCRIPTION,
            lambda n: f"…and {plural(n, 'more')} on this page",
        )
    elif page > 1:
        text = f"Page {page} is empty: there are {plural(pending, 'essay')} waiting in all."
    else:
        text = "No essays are waiting for a mark."
    footer = f"Page {page} · {pending} waiting in all, oldest first."
    if has_next:
        footer += f" Next: /essay queue page:{page + 1}."
    footer += " Mark one with /essay review submission:<#> score:<0-100>."
    return render.embed("Essays waiting for a mark", text, footer=footer, colour=COLOUR)


def submission_choice(s: EssaySubmission) -> str:
    return (
        f"#{s.submission_id} · {s.user_name} · {prompt_ref(s.bank_id, s.prompt_id)} · "
        f"{s.word_count} words · {points_text(s.feedback)}"
    )


def _mine_value(s: EssaySubmission) -> str:
    covered, missed = tally(s.feedback)
    lines = [
        f"Sent {timestamp(s.submitted_at, 'R')} · {plural(s.word_count, 'word')} · "
        f"{points_text(s.feedback)}"
    ]
    if covered:
        lines.append(f"Made: {', '.join(covered)}")
    if missed:
        lines.append(f"Missed: {', '.join(missed)}")
    review = s.review
    if review is None:
        lines.append("Mark: not marked yet")
    else:
        lines.append(f"**Mark: {score_text(review.score)}** ({timestamp(review.reviewed_at, 'R')})")
        if review.comment:
            lines.append(f"Comment: {review.comment}")
    return "\n".join(lines)


def mine_embed(
    subs: Sequence[EssaySubmission], *, name: str, page: int, has_next: bool
) -> discord.Embed:
    """A student's own essays, newest first: feedback summary and any mark and comment."""
    made = render.embed(f"Essays by {name}", colour=COLOUR)
    if not subs:
        made.description = (
            "Nothing here yet: answer a drill's Write button, or use /essay submit."
            if page == 1
            else f"Page {page} is empty."
        )
    for s in subs:
        made.add_field(
            name=f"#{s.submission_id} · {prompt_ref(s.bank_id, s.prompt_id)}",
            value=_mine_value(s),
            inline=False,
        )
    footer = f"Page {page}, newest first. Only you can see this."
    if has_next:
        footer += f" Older: /essay mine page:{page + 1}."
    made.set_footer(text=footer)
    return render.fit_embed(made)


def review_message(
    s: EssaySubmission, score: float, comment: str | None, *, replaced: float | None, pending: int
) -> str:
    again = f" (replacing {score_text(replaced)})" if replaced is not None else ""
    lines = [
        f"Marked essay #{s.submission_id} by {escape_markdown(s.user_name)} "
        f"(`{prompt_ref(s.bank_id, s.prompt_id)}`): **{score_text(score)}**{again}.",
    ]
    if comment:
        lines.append(f"Comment: {comment}")
    lines.append(
        f"They see it with /essay mine. {plural(pending, 'essay')} still waiting (/essay queue)."
    )
    return render.content("\n".join(lines))
