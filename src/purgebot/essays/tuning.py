"""Notes for a teacher tuning a prompt's key points: phrases that will not work as they read.

A phrase with no content word ("of the") is found wherever its words stand together, whatever
the essay is about; a phrase shared by two points credits both for the same words; and a point
whose own statement none of its phrases finds is likely to be missed in essays that say it in
the same words. A phrase of one content word and some stop-words ("only evidence") is fine: it
is found only word for word (see `purgebot.essays.detect`).
"""

from __future__ import annotations

from purgebot.banks.model import EssayPrompt
from purgebot.essays.detect import detect, is_whole
from purgebot.essays.text import analyse


def _key(phrase: str) -> tuple[str, ...]:
    """What a phrase is matched by, so that two spellings of one phrase compare equal."""
    tokens = analyse(phrase).tokens
    if is_whole(tokens):
        return tuple(t.stem for t in tokens)
    return tuple(sorted(t.stem for t in tokens if t.content or t.negation))


def phrase_notes(prompt: EssayPrompt) -> tuple[str, ...]:
    """One plain sentence per doubtful phrase or point, in the prompt's order."""
    notes: list[str] = []
    owners: dict[tuple[str, ...], tuple[str, str]] = {}  # what a phrase matches -> point, phrase
    for kp in prompt.key_points:
        for phrase in kp.phrases:
            tokens = analyse(phrase).tokens
            if not tokens:
                notes.append(f"{kp.id}: phrase {phrase!r} has no words and is never found")
                continue
            if not any(t.content for t in tokens):
                notes.append(
                    f"{kp.id}: phrase {phrase!r} has no content word; it is found wherever "
                    "those words stand together, whatever the essay is about"
                )
            owner, twin = owners.setdefault(_key(phrase), (kp.id, phrase))
            if owner != kp.id:
                notes.append(
                    f"{kp.id}: phrase {phrase!r} is found where {owner}'s phrase {twin!r} is; "
                    "the same words credit both points"
                )
        (own,) = [r for r in detect(prompt, analyse(kp.point)) if r.point.id == kp.id]
        if not (own.credited or own.refused):
            notes.append(f"{kp.id}: none of its phrases appears in the point's own statement")
    return tuple(notes)
