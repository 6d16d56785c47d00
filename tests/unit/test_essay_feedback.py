"""The feedback as a student reads it: length, points made and missed, evidence, outline, JSON."""

from __future__ import annotations

import json

import pytest

from purgebot.banks.model import Bank, EssayPrompt, KeyPoint, SourceInfo, SourceRef
from purgebot.essays import (
    EssayTextError,
    UnknownPromptError,
    WordCount,
    check_bank_essay,
    check_essay,
    clean_essay_text,
    count_words,
    decode_essay,
    feedback_json,
    phrase_notes,
    render_text,
)

PROMPT = EssayPrompt(
    id="yezhov",
    prompt="How much responsibility should Yezhov bear for the purges?",
    min_words=20,
    max_words=60,
    outline=("Introduction", "What Yezhov did", "Conclusion"),
    key_points=(
        KeyPoint(
            "ran-nkvd",
            "Yezhov ran the NKVD.",
            ("head of the NKVD",),
            SourceRef("flashcards", "in his capacity as head of the NKVD"),
        ),
        KeyPoint(
            "stalin-approved",
            "Stalin approved the sentences.",
            ("Stalin approved",),
            SourceRef("swift", "and Stalin approved them"),
        ),
        KeyPoint("scapegoat", "Yezhov was made a scapegoat.", ("scapegoat",)),
    ),
)
BANK = Bank(
    id="drills",
    title="Drills",
    sources={"flashcards": SourceInfo("Stalin and the Purges Flashcards")},
    essays=(PROMPT, EssayPrompt(id="stalin", prompt="Stalin?", key_points=PROMPT.key_points)),
)
ESSAY = (
    "Yezhov became head of the NKVD in September 1936 and ran the arrests of 1937.\n"
    "I don't know if he was a scapegoat, because nobody has shown it.\n"
    "Over 680,000 people were sentenced to death under him."
)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("Stalin's purges", 2),
        ("The Five-Year Plan failed.", 4),
        ("Of 1,966 delegates, 1,108 were arrested in 1936-38.", 8),
        ("  spaced\n\nout  words -- here ", 4),
    ],
)
def test_words_are_counted_as_a_reader_counts_them(text: str, words: int) -> None:
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("count", "verdict"),
    [
        (WordCount(10, 20, 60), "short"),
        (WordCount(20, 20, 60), "ok"),
        (WordCount(60, 20, 60), "ok"),
        (WordCount(61, 20, 60), "long"),
        (WordCount(5, None, None), "no target"),
        (WordCount(5, None, 4), "long"),
    ],
)
def test_word_count_against_the_target(count: WordCount, verdict: str) -> None:
    assert count.verdict == verdict


def test_feedback_sorts_points_into_made_and_missed_with_where_to_read() -> None:
    fb = check_bank_essay(BANK, "yezhov", ESSAY)
    assert fb.prompt_id == "yezhov"
    assert fb.words == WordCount(37, 20, 60)
    assert [p.id for p in fb.covered] == ["ran-nkvd"]
    assert [m.text for m in fb.covered[0].matches] == ["head of the NKVD"]
    assert [p.id for p in fb.missed] == ["stalin-approved", "scapegoat"]
    approved, scapegoat = fb.missed
    assert approved.read is not None
    assert (approved.read.doc, approved.read.title, approved.read.quote) == (
        "swift",
        None,  # the bank declares no title for it
        "and Stalin approved them",
    )
    assert scapegoat.read is None
    assert [(m.text, m.reason) for m in scapegoat.refused] == [("scapegoat", "dismissed")]
    assert fb.outline == ("Introduction", "What Yezhov did", "Conclusion")
    assert [(e.kind, e.value) for e in fb.evidence] == [
        ("person", "Yezhov"),
        ("date", "September 1936"),
        ("date", "1937"),
        ("figure", "680,000"),
    ]


def test_a_missed_point_names_its_source_by_title() -> None:
    fb = check_essay(PROMPT, "Nothing relevant is said in this essay at all.", sources=BANK.sources)
    ran = fb.missed[0]
    assert ran.read is not None
    assert ran.read.title == "Stalin and the Purges Flashcards"


def test_an_unknown_prompt_lists_the_prompts_there_are() -> None:
    with pytest.raises(UnknownPromptError) as err:
        check_bank_essay(BANK, "yezov", ESSAY)
    assert str(err.value) == (
        "No essay prompt 'yezov' in bank 'drills'. Available prompts: yezhov, stalin."
    )
    assert err.value.available == ("yezhov", "stalin")
    with pytest.raises(UnknownPromptError, match="has no essay prompts"):
        check_bank_essay(Bank(id="empty", title="Empty"), "yezhov", ESSAY)


def test_json_starts_with_exactly_the_agreed_keys() -> None:
    data = feedback_json(check_bank_essay(BANK, "yezhov", ESSAY))
    assert list(data)[:5] == ["prompt", "words", "covered", "missed", "evidence"]
    assert data["prompt"] == "yezhov"
    assert data["words"] == 37
    assert data["covered"] == ["ran-nkvd"]
    assert data["missed"] == ["stalin-approved", "scapegoat"]
    assert data["evidence"][0] == {
        "kind": "person",
        "value": "Yezhov",
        "text": "Yezhov",
        "start": 0,
        "count": 1,
    }
    assert data["matches"]["ran-nkvd"][0]["text"] == "head of the NKVD"
    assert data["not_credited"]["scapegoat"][0]["reason"] == "dismissed"
    assert data["dismissed"] == ["scapegoat"]
    assert data["off_topic"] is False
    assert data["misconceptions"] == []
    assert data["read"]["stalin-approved"] == {
        "doc": "swift",
        "title": None,
        "quote": "and Stalin approved them",
    }
    assert data["target"] == {"min_words": 20, "max_words": 60, "verdict": "ok"}
    assert json.loads(json.dumps(data)) == data


def test_text_rendering_shows_every_part_of_the_feedback() -> None:
    text = render_text(check_bank_essay(BANK, "yezhov", ESSAY))
    lines = text.splitlines()
    assert lines[0] == "Essay feedback: yezhov"
    assert "Words: 37 (target 20-60) - on target" in lines
    assert "Key points made: 1 of 3" in lines
    assert "  [x] ran-nkvd: Yezhov ran the NKVD." in lines
    assert any(
        line.startswith('      shown by "head of the NKVD" in "Yezhov became') for line in lines
    )
    assert "  [ ] stalin-approved: Stalin approved the sentences." in lines
    assert '      read: swift: "and Stalin approved them"' in lines
    assert any(line.startswith('      not credited (dismissed): "scapegoat"') for line in lines)
    assert '      You name "scapegoat" but don\'t explain it.' in text
    assert "  Figures: 680,000" in lines
    assert "  Dates: September 1936, 1937" in lines
    assert lines[-3:] == ["  1. Introduction", "  2. What Yezhov did", "  3. Conclusion"]


def test_text_rendering_says_how_far_off_the_length_is() -> None:
    short = render_text(check_essay(PROMPT, "Yezhov was head of the NKVD from 1936."))
    assert "Words: 8 (target 20-60) - too short, write at least 12 more" in short.splitlines()
    assert "Evidence used:" in short


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The essay file is empty."),
        (b"  \n\t ", "The essay file is empty."),
        (b"PK\x03\x04\x00\x00word/document.xml", "looks like a binary file"),
        ("Café au lait".encode("latin-1"), "is not UTF-8 text"),
        (b"... --- !!!", "there are no words in it"),
    ],
)
def test_unreadable_essay_files_are_refused_in_plain_words(data: bytes, message: str) -> None:
    with pytest.raises(EssayTextError, match=message):
        decode_essay(data)


def test_readable_essay_files_are_decoded() -> None:
    assert decode_essay("\ufeffStalin’s purges\r\nbegan.".encode()) == "Stalin’s purges\nbegan."


def test_essay_text_that_is_too_long_or_full_of_control_characters_is_refused() -> None:
    with pytest.raises(EssayTextError, match="too long"):
        clean_essay_text("word " * 20_000)
    with pytest.raises(EssayTextError, match="binary"):
        clean_essay_text("Stalin\x01\x02\x03\x04 purged")


def test_a_long_sentence_is_quoted_around_the_words_that_showed_the_point() -> None:
    opening = (
        "In the years after the murder of Kirov, as arrests spread from Leningrad to Moscow " * 3
    )
    essay = opening + "and beyond, Yezhov became head of the NKVD and ran the arrests himself."
    lines = render_text(check_essay(PROMPT, essay)).splitlines()
    (shown,) = [line for line in lines if line.startswith("      shown by")]
    assert shown.startswith('      shown by "head of the NKVD" in "…')
    assert "Yezhov became head of the NKVD and ran" in shown
    assert len(shown) < 220


def test_phrase_notes_warn_of_phrases_that_match_anything_or_miss_their_point() -> None:
    prompt = EssayPrompt(
        id="p",
        prompt="Why did confessions matter?",
        key_points=(
            KeyPoint(
                "only", "Confessions were the only evidence in the trials.", ("only evidence",)
            ),
            KeyPoint("below", "Pressure from below drove denunciations.", ("pressure from below",)),
            KeyPoint(
                "odd",
                "Yezhov purged the NKVD itself.",
                ("own personnel", "of the", "Only evidences", "--"),
            ),
        ),
    )
    assert phrase_notes(prompt) == (
        "odd: phrase 'of the' has no content word; it is found wherever those words stand"
        " together, whatever the essay is about",
        "odd: phrase 'Only evidences' is found where only's phrase"
        " 'only evidence' is; the same words credit both points",
        "odd: phrase '--' has no words and is never found",
        "odd: none of its phrases appears in the point's own statement",
    )


def test_two_phrases_finding_the_same_words_are_shown_once() -> None:
    prompt = EssayPrompt(
        id="official",
        prompt="What was the official explanation of the purges?",
        key_points=(
            KeyPoint(
                "official",
                "The party was said to be full of traitors.",
                ("party was full of traitors", "traitors in the party"),
            ),
        ),
    )
    fb = check_essay(prompt, "The regime claimed the party was full of traitors and spies.")
    (point,) = fb.covered
    assert [m.text for m in point.shown] == ["party was full of traitors"]
    shown = [line for line in render_text(fb).splitlines() if "shown by" in line]
    assert len(shown) == 1
    assert len(json.loads(json.dumps(feedback_json(fb)))["matches"]["official"]) == 1
