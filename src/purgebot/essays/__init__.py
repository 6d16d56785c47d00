"""Essay drills: key-point detection and feedback, with no Discord and no database in sight."""

from __future__ import annotations

from purgebot.essays.detect import Match, PointResult, detect
from purgebot.essays.evidence import Evidence, EvidenceKind, extract_evidence, names_in
from purgebot.essays.feedback import (
    Feedback,
    PointFeedback,
    ReadingTip,
    UnknownPromptError,
    WordCount,
    check_bank_essay,
    check_essay,
    count_words,
    find_prompt,
)
from purgebot.essays.intake import EssayTextError, clean_essay_text, decode_essay
from purgebot.essays.misconceptions import FoundMisconception
from purgebot.essays.render import feedback_json, render_text
from purgebot.essays.rules import Reason
from purgebot.essays.text import EssayText, analyse
from purgebot.essays.tuning import phrase_notes

__all__ = [
    "EssayText",
    "EssayTextError",
    "Evidence",
    "EvidenceKind",
    "Feedback",
    "FoundMisconception",
    "Match",
    "PointFeedback",
    "PointResult",
    "ReadingTip",
    "Reason",
    "UnknownPromptError",
    "WordCount",
    "analyse",
    "check_bank_essay",
    "check_essay",
    "clean_essay_text",
    "count_words",
    "decode_essay",
    "detect",
    "extract_evidence",
    "feedback_json",
    "find_prompt",
    "names_in",
    "phrase_notes",
    "render_text",
]
