"""Whatever a teacher uploads, an import ends in a bank that loads or in a plain ImportFailed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from purgebot.banks.importers import FORMATS, ImportFailed, detect_format, import_text
from purgebot.banks.loader import load_bank_text

# Pieces of every format, so random text often gets past the first check of each parser.
PIECES = st.sampled_from(
    ["{", "}", "=", "~", "#", "####", "::", "\\", "%50%", "->", "T", "$CATEGORY: a/b", "..",
     "\n", "\n\n", "A. ", "B) ", "ANSWER: ", ":", "- ", "  ", ",", ";", "\"", "'", "[", "]",
     "question", "answer 1", "answer 2", "correct", "yes", "1.10", "~", "&amp;", "<p>", "x"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=TEXT, fmt=st.sampled_from(FORMATS))
def test_any_text_imports_to_a_valid_bank_or_fails_plainly(text: str, fmt: str) -> None:
    try:
        result = import_text(text, fmt, bank_id="fuzz")
    except ImportFailed as exc:
        message = exc.message
        assert message, "an ImportFailed always says why"
        return
    bank = load_bank_text(result.yaml_text, "fuzz.yaml")
    assert len(bank.questions) == result.imported >= 1


@settings(max_examples=100, deadline=None)
@given(text=TEXT)
def test_detection_names_a_format_or_fails_plainly(text: str) -> None:
    try:
        fmt = detect_format("upload", text)
    except ImportFailed as exc:
        message = exc.message
        assert message, "an ImportFailed always says why"
        return
    assert fmt in FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_file_fails_plainly(fmt: str) -> None:
    with pytest.raises(ImportFailed):
        import_text("", fmt, bank_id="empty")
