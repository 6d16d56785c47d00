"""Notes for a teacher tuning a prompt's key points: phrases that will not work as they read.

Stop-words are ignored when a phrase is matched, so "only evidence" is found wherever "evidence"
is, and a point whose own statement none of its phrases finds is likely to be missed in essays
that say it in the same words.
"""

from __future__ import annotations

from purgebot.banks.model import EssayPrompt
from purgebot.essays.detect import detect
from purgebot.essays.text import analyse


def phrase_notes(prompt: EssayPrompt) -> tuple[str, ...]:
    """One plain sentence per doubtful phrase or point, in the prompt's order."""
    notes: list[str] = []
    for kp in prompt.key_points:
        for phrase in kp.phrases:
            tokens = analyse(phrase).tokens
            kept = [t.text for t in tokens if t.content or t.negation]
            if not kept:
                notes.append(
                    f"{kp.id}: phrase {phrase!r} has only stop-words; every word is needed"
                )
            elif len(kept) == 1 and len(tokens) > 1:
                dropped = ", ".join(repr(t.text) for t in tokens if not (t.content or t.negation))
                notes.append(
                    f"{kp.id}: phrase {phrase!r} is found wherever {kept[0]!r} is "
                    f"({dropped} ignored as stop-words)"
                )
        (own,) = [r for r in detect(prompt, analyse(kp.point)) if r.point is kp]
        if not (own.credited or own.refused):
            notes.append(f"{kp.id}: none of its phrases appears in the point's own statement")
    return tuple(notes)
