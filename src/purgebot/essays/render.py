"""Feedback as plain text for a terminal and as JSON for tools; the bot renders its own embeds.

The JSON starts with exactly `prompt`, `words`, `covered`, `missed`, `evidence`; everything else
comes after those keys so that scripts reading the first five never break.
"""

from __future__ import annotations

from typing import Any

from purgebot.essays.detect import Match
from purgebot.essays.evidence import KINDS, Evidence
from purgebot.essays.feedback import Feedback, PointFeedback
from purgebot.essays.misconceptions import FoundMisconception

MAX_SHOWN_MATCHES = 3
_KIND_TITLES = {"date": "Dates", "figure": "Figures", "person": "People", "order": "Orders"}


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 1].rstrip()}…"'


OFF_TOPIC = (
    "This essay seems to answer a different question. Read the prompt again and make its "
    "points: the outline below shows what a strong answer covers."
)


def dismissed_note(p: PointFeedback) -> str:
    """The kind word for a point named but dismissed or not understood."""
    named = p.dismissed[0].text if p.dismissed else p.id
    return (
        f'You name "{named}" but don\'t explain it. Say what it was and how it bears on the '
        "question, and it will count."
    )


def misconception_line(m: FoundMisconception) -> str:
    source = " (from the record)"  # the period's fact table, no source document says it
    if m.source is not None:
        source = f" (source: {m.source.doc}" + (f', "{m.source.quote}"' if m.source.quote else "")
        source += ")"
    return f"{m.correction}{source}"


def _length_line(fb: Feedback) -> str:
    wc = fb.words
    if fb.off_topic:  # length advice for an answer to another question would mislead
        return f"Words: {wc.words}"
    target = ""
    if wc.min_words is not None and wc.max_words is not None:
        target = f"target {wc.min_words}-{wc.max_words}"
    elif wc.min_words is not None:
        target = f"target at least {wc.min_words}"
    elif wc.max_words is not None:
        target = f"target at most {wc.max_words}"
    verdict = {
        "short": f" - too short, write at least {(wc.min_words or 0) - wc.words} more",
        "long": f" - too long, cut about {wc.words - (wc.max_words or 0)} words",
        "ok": " - on target",
        "no target": "",
    }[wc.verdict]
    return f"Words: {wc.words}" + (f" ({target})" if target else "") + verdict


def _around(sentence: str, part: str, limit: int = 160) -> str:
    """The sentence quoted, cut to `limit` characters around `part` when it is longer."""
    at = sentence.find(part)
    if len(sentence) <= limit or at < 0:
        return _quote(sentence, limit)
    a = max(0, min(at - (limit - len(part)) // 2, len(sentence) - limit))
    b = a + limit
    return f'"{"…" if a else ""}{sentence[a:b].strip()}{"…" if b < len(sentence) else ""}"'


def _shown_by(match: Match) -> str:
    return f'"{match.text}" in {_around(match.sentence, match.text)}'


def _point_lines(p: PointFeedback) -> list[str]:
    lines = [f"  [{'x' if p.covered else ' '}] {p.id}: {p.point}"]
    for m in p.shown[:MAX_SHOWN_MATCHES]:
        lines.append(f"      shown by {_shown_by(m)}")
    if len(p.shown) > MAX_SHOWN_MATCHES:
        lines.append(f"      and {len(p.shown) - MAX_SHOWN_MATCHES} more")
    if p.dismissed:
        lines.append(f"      {dismissed_note(p)}")
    if not p.covered:
        for m in p.refused_shown[:MAX_SHOWN_MATCHES]:
            lines.append(f"      not credited ({m.reason}): {_shown_by(m)}")
        if p.read is not None:
            where = f"{p.read.title} [{p.read.doc}]" if p.read.title else p.read.doc
            quote = f": {_quote(p.read.quote)}" if p.read.quote else ""
            lines.append(f"      read: {where}{quote}")
    return lines


def _evidence_lines(evidence: tuple[Evidence, ...]) -> list[str]:
    if not evidence:
        return ["Evidence used: none found (no dates, figures, names or orders)"]
    lines = ["Evidence used:"]
    for kind in KINDS:
        values = [
            e.value + (f" (x{e.count})" if e.count > 1 else "") for e in evidence if e.kind == kind
        ]
        if values:
            lines.append(f"  {_KIND_TITLES[kind]}: {', '.join(values)}")
    return lines


def render_text(fb: Feedback) -> str:
    """The whole feedback as plain text, one section after another."""
    total = len(fb.covered) + len(fb.missed)
    lines = [f"Essay feedback: {fb.prompt_id}", fb.prompt, ""]
    if fb.off_topic:
        lines.extend([OFF_TOPIC, ""])
    lines.extend([_length_line(fb), ""])
    lines.append(f"Key points made: {len(fb.covered)} of {total}")
    for p in fb.covered:
        lines.extend(_point_lines(p))
    if fb.missed:
        lines.append(f"Key points missed: {len(fb.missed)}")
        for p in fb.missed:
            lines.extend(_point_lines(p))
    if fb.misconceptions:
        lines.extend(["", f"Check these facts: {len(fb.misconceptions)}"])
        for m in fb.misconceptions:
            lines.append(f"  {_quote(m.sentence)}")
            lines.append(f"      not so: {misconception_line(m)}")
    lines.append("")
    lines.extend(_evidence_lines(fb.evidence))
    if fb.outline:
        lines.extend(["", "Outline of a strong answer:"])
        lines.extend(f"  {n}. {item}" for n, item in enumerate(fb.outline, 1))
    return "\n".join(lines) + "\n"


def _match_json(m: Match) -> dict[str, Any]:
    out: dict[str, Any] = {
        "phrase": m.phrase,
        "words": list(m.words),
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "sentence": m.sentence,
    }
    if m.reason is not None:
        out["reason"] = m.reason
    return out


def feedback_json(fb: Feedback) -> dict[str, Any]:
    """`{"prompt", "words", "covered", "missed", "evidence", ...}` with details after those."""
    points = (*fb.covered, *fb.missed)
    return {
        "prompt": fb.prompt_id,
        "words": fb.words.words,
        "covered": [p.id for p in fb.covered],
        "missed": [p.id for p in fb.missed],
        "evidence": [
            {"kind": e.kind, "value": e.value, "text": e.text, "start": e.start, "count": e.count}
            for e in fb.evidence
        ],
        "target": {
            "min_words": fb.words.min_words,
            "max_words": fb.words.max_words,
            "verdict": fb.words.verdict,
        },
        "matches": {p.id: [_match_json(m) for m in p.shown] for p in fb.covered},
        "not_credited": {
            p.id: [_match_json(m) for m in p.refused_shown] for p in points if p.refused
        },
        "read": {
            p.id: {"doc": p.read.doc, "title": p.read.title, "quote": p.read.quote}
            for p in fb.missed
            if p.read is not None
        },
        "outline": list(fb.outline),
        "off_topic": fb.off_topic,
        "misconceptions": [
            {
                "claim": m.claim,
                "sentence": m.sentence,
                "correction": m.correction,
                "source": (
                    {"doc": m.source.doc, "quote": m.source.quote} if m.source is not None else None
                ),
            }
            for m in fb.misconceptions
        ],
        "dismissed": [p.id for p in fb.missed if p.dismissed],
    }
