"""The importers' public API: format detection, decoding uploads, and the YAML they write."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from purgebot.banks.importers import (
    FORMATS,
    ImportFailed,
    bank_id_from_filename,
    decode_bytes,
    detect_format,
    import_text,
    looks_like_bank,
)
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import ShortQuestion
from purgebot.errors import UserFacingError

GIFT = "Who shot Kirov? {=Nikolaev ~Yagoda}\n"
AIKEN = "Who shot Kirov?\nA. Nikolaev\nB. Yagoda\nANSWER: A\n"
OPENTDB = json.dumps(
    {
        "response_code": 0,
        "results": [
            {
                "type": "boolean",
                "question": "Kirov died in 1934.",
                "correct_answer": "True",
                "incorrect_answers": ["False"],
            }
        ],
    }
)
CSV = "question,a,b,answer\nWho shot Kirov?,Nikolaev,Yagoda,a\n"
RED = "AUTHOR: me\nWho shot Kirov?:\n- Nikolaev\n"


@pytest.mark.parametrize(
    ("filename", "text", "fmt"),
    [
        ("kirov.gift", GIFT, "gift"),
        ("kirov.txt", GIFT, "gift"),
        ("kirov.txt", AIKEN, "aiken"),
        ("export.json", OPENTDB, "opentdb"),
        ("download", OPENTDB, "opentdb"),
        ("sheet.csv", CSV, "csv"),
        ("sheet.TSV", CSV.replace(",", "\t"), "csv"),
        ("sheet.txt", "\ufeff" + CSV.replace(",", ";"), "csv"),
        ("kirov.yaml", RED, "red"),
        ("kirov.yml", RED, "red"),
        ("kirov", RED, "red"),
    ],
)
def test_detect_format_by_extension_then_content(filename: str, text: str, fmt: str) -> None:
    assert detect_format(filename, text) == fmt
    assert fmt in FORMATS


@pytest.mark.parametrize(
    ("filename", "text", "message"),
    [
        ("notes.txt", "Just some notes about Kirov.\n", "could not tell what format"),
        ("bank.yaml", "bank: kirov\ntitle: Kirov\nquestions: []\n", "already a purgebot bank"),
    ],
)
def test_detect_format_refuses_what_it_cannot_import(
    filename: str, text: str, message: str
) -> None:
    with pytest.raises(ImportFailed) as info:
        detect_format(filename, text)
    assert message in info.value.message
    assert isinstance(info.value, UserFacingError)


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (DEEP, "could not tell what format"),  # JSON nested past the decoder's recursion limit
        (f"AUTHOR: x\nQ?: {DEEP}\n", "answers nested more than 32 levels deep"),
    ],
)
def test_deeply_nested_uploads_fail_plainly(text: str, message: str) -> None:
    with pytest.raises(ImportFailed) as info:
        import_text(text, detect_format("upload.txt", text), bank_id="deep")
    assert message in info.value.message


def test_looks_like_bank_only_for_our_own_format() -> None:
    assert looks_like_bank("version: 1\nbank: kirov\ntitle: K\nquestions:\n  - id: a\n")
    assert not looks_like_bank(RED)


def test_import_text_refuses_unknown_formats_and_bad_bank_ids() -> None:
    with pytest.raises(ImportFailed, match="unknown format 'moodle-xml'"):
        import_text(GIFT, "moodle-xml", bank_id="kirov")
    with pytest.raises(ImportFailed, match="cannot be a bank id"):
        import_text(GIFT, "gift", bank_id="Kirov Quiz")


@pytest.mark.parametrize(
    ("filename", "bank_id"),
    [
        ("Kirov Quiz.gift", "kirov-quiz"),
        ("C:\\Users\\t\\Ежов_1937.csv", "1937"),
        ("Ежов.csv", "imported"),
        (".gift", "gift"),
        ("x" * 80 + ".txt", "x" * 64),
    ],
)
def test_bank_id_from_filename_is_always_a_valid_id(filename: str, bank_id: str) -> None:
    assert bank_id_from_filename(filename) == bank_id
    import_text(GIFT, "gift", bank_id=bank_id)  # accepted as it is


def test_decode_bytes_handles_boms_and_old_encodings() -> None:
    assert decode_bytes("\ufeffÉté".encode()) == "Été"
    assert decode_bytes("Ежов".encode("utf-16")) == "Ежов"
    assert decode_bytes("café – “quoted”".encode("cp1252")) == "café – “quoted”"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04rest", "save it as CSV"),
        (b"ab\x00cd", "not a text file"),
        (b"\xff\xfeA", "not valid UTF-16 text"),  # an odd number of bytes
        (b"\xff\xfe\x00\xd8", "not valid UTF-16 text"),  # half of a surrogate pair
    ],
)
def test_decode_bytes_refuses_workbooks_and_binaries(data: bytes, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        decode_bytes(data)


TRICKY = ["yes", "No", "on", "OFF", "y", "n", "1.10", "0o17", "1e3", "1_000", "1:20", "~", "null",
          "true", "=", ".inf", "- item", "#hash", "key: value", "Ёж «ёлка»"]  # fmt: skip


def test_yaml_quotes_every_word_a_reader_could_retype() -> None:
    red = "".join(f"Q{i}?:\n- {json.dumps(word)}\n" for i, word in enumerate(TRICKY))
    result = import_text(red, "red", bank_id="tricky")
    assert [q["answer"] for q in result.bank["questions"]] == TRICKY
    plain = yaml.safe_load(result.yaml_text)
    assert [q["answer"] for q in plain["questions"]] == TRICKY  # YAML 1.1 reads text back
    bank = load_bank_text(result.yaml_text, "tricky.yaml")
    assert [q.answer for q in bank.questions if isinstance(q, ShortQuestion)] == TRICKY
    assert "Ёж «ёлка»" in result.yaml_text  # unicode written as itself, not escaped


def test_yaml_is_block_style_with_keys_in_the_documented_order() -> None:
    result = import_text(GIFT, "gift", bank_id="kirov", title="The murder of Kirov")
    lines = result.yaml_text.splitlines()
    assert lines[0] == "# Imported from Moodle GIFT: 1 question."
    top = [line.split(":")[0] for line in lines if re.match(r"^[a-z]", line)]
    assert top == ["version", "bank", "title", "description", "questions"]
    keys = [
        line.strip().lstrip("- ").split(":")[0] for line in lines if re.match(r"^ {2,4}\S", line)
    ]
    assert keys[:5] == ["id", "type", "prompt", "choices", "answer"]
    assert not re.search(r"[\[{]", result.yaml_text)  # no flow style anywhere
    assert result.bank["title"] == "The murder of Kirov"


def test_default_title_comes_from_the_bank_id() -> None:
    assert import_text(GIFT, "gift", bank_id="kirov-murder").bank["title"] == "Kirov murder"


def test_every_id_is_valid_and_within_64_characters() -> None:
    long_title = "::" + "Very long title words " * 10 + "::"
    text = f"{long_title}Q? {{T}}\n\n" + "\n\n".join("Same? {T}" for _ in range(3))
    ids = [q["id"] for q in import_text(text, "gift", bank_id="ids").bank["questions"]]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,63}", i) for i in ids), ids
    assert len(set(ids)) == 4


class _CountingSet(set[str]):
    """A set that counts how often it is asked whether it holds an id."""

    lookups = 0

    def __contains__(self, item: object) -> bool:
        _CountingSet.lookups += 1
        return super().__contains__(item)


@pytest.mark.parametrize(
    ("fmt", "one"),
    [
        ("gift", "Who shot Kirov? {=Nikolaev ~Yagoda}\n\n"),
        ("aiken", "Who shot Kirov?\nA. Nikolaev\nB. Yagoda\nANSWER: A\n"),
        ("opentdb", None),
        ("csv", None),
        ("red", None),
    ],
)
def test_repeated_questions_cost_a_step_each_not_a_step_per_earlier_repeat(
    fmt: str, one: str | None
) -> None:
    from purgebot.banks.importers import _PARSERS
    from purgebot.banks.importers.builder import BankBuilder

    n = 2_000
    if fmt == "opentdb":
        entry = '{"question": "Who shot Kirov?", "correct_answer": "Nikolaev", '
        text = "[" + ",".join([entry + '"incorrect_answers": ["Yagoda"]}'] * n) + "]"
    elif fmt == "csv":
        text = "question,a,b,answer\n" + "Who shot Kirov?,Nikolaev,Yagoda,1\n" * n
    elif fmt == "red":  # Red keys by exact text: the same question in 2,000 spellings of case
        spellings = (
            "".join(c.upper() if i >> k & 1 else c for k, c in enumerate("whoshotkirov"))
            for i in range(n)
        )
        text = "".join(f"{s}?:\n- Nikolaev\n" for s in spellings)
    else:
        assert one is not None
        text = one * n
    _CountingSet.lookups = 0
    out = BankBuilder(fmt, _ids=_CountingSet())
    _PARSERS[fmt](text, out)
    ids = [q["id"] for q in out.questions]
    assert len(set(ids)) == len(ids) == n and ids[-1].endswith(f"-{n}")
    assert _CountingSet.lookups <= 2 * n  # was n * (n + 1) / 2: 16,000 repeats took 102 s


def test_a_lone_surrogate_in_the_text_fails_plainly() -> None:
    forged = "Who shot Kirov?:\n- Nikolaev \ud83d\n"
    for call in (
        lambda: import_text(forged, "red", bank_id="forged"),
        lambda: detect_format("x", forged),
    ):
        with pytest.raises(ImportFailed) as info:
            call()
        assert info.value.message == (
            "line 2: the text holds a broken character (a lone surrogate): "
            "save the file as UTF-8 and try again"
        )
