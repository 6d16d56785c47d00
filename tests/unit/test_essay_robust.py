"""Whatever a student pastes, feedback comes back and points into their text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from purgebot.banks.loader import load_bank_file
from purgebot.essays import check_essay, feedback_json, render_text

PROMPT = load_bank_file(
    Path(__file__).resolve().parent.parent / "fixtures" / "essays" / "bank.yaml"
).essay("stalin-responsibility")

WORDS = st.sampled_from(
    [
        "Stalin", "signed", "Order", "00447", "not", "no", "never", "such", "as", "paranoia",
        "Kirov's", "murder", "pretext", "1 December 1934", "1,108", "50%", "Yezhov", "and", "or",
        "was", "he", ",", ".", "?", ":", ";", "\n", "\n\n", "-", "(", ")", "“", "’", "e.g.",
        "local", "officials", "exceeded", "the", "quotas", "don't", "3 out of 5", "like",
    ]
)  # fmt: skip
ESSAYS = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=300, deadline=None)
@given(ESSAYS)
def test_any_text_gets_feedback_that_points_into_it(text: str) -> None:
    fb = check_essay(PROMPT, text)
    assert len(fb.covered) + len(fb.missed) == len(PROMPT.key_points)
    for point in (*fb.covered, *fb.missed):
        for m in (*point.matches, *point.refused):
            assert 0 <= m.start < m.end <= len(text)
            assert m.text == " ".join(text[m.start : m.end].split())
            assert m.credited == (m.reason is None)
    for e in fb.evidence:
        assert text[e.start : e.start + len(e.text)] == e.text
        assert e.count >= 1
    assert render_text(fb).startswith("Essay feedback: stalin-responsibility\n")
    assert feedback_json(fb)["words"] == fb.words.words
