"""Binary and badly encoded files are located as a teacher's editor counts lines, and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.importers import ImportFailed, decode_bytes
from purgebot.banks.loader import BankError, load_bank_text
from purgebot.cli import main

NUL = "binary data (a NUL byte): a bank is a text file"
NOT_UTF8 = "not UTF-8 text: save the file as UTF-8 and upload it again"


def problems(data: bytes | str) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank_text(data, "t.yaml")
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"])
def test_a_nul_byte_or_bad_utf8_is_located_whatever_the_line_endings(newline: bytes) -> None:
    head = newline.join([b"bank: b1", b"title: T", b"questions: x"])
    assert problems(head + b"\x00") == [f"t.yaml:3:13: {NUL}"]
    assert problems(head + b"\xe9") == [f"t.yaml:3:13: {NOT_UTF8}"]
    assert problems(head.decode() + "\x00") == [f"t.yaml:3:13: {NUL}"]


def test_columns_count_characters_not_bytes() -> None:
    assert problems("title: Ежов\x00".encode()) == [f"t.yaml:1:12: {NUL}"]
    assert problems("bank: x\rtitle: Ежов\xe9".encode()[:-2] + b"\xe9") == [
        f"t.yaml:2:12: {NOT_UTF8}"
    ]


def test_a_syntax_error_after_cr_only_lines_is_located_too() -> None:
    assert problems("bank: b1\rtitle: T\rquestions: [\r") == [
        "t.yaml:4:1: YAML syntax error: did not find expected node content"
    ]


def test_a_binary_upload_names_the_file_and_says_what_to_do() -> None:
    with pytest.raises(ImportFailed) as info:
        decode_bytes(b"\xd0\xcf\x11\xe0\x00\x00", "quiz.doc")
    assert info.value.message == (
        "quiz.doc is not a text file (it holds binary data, as a Word document, a PDF or a "
        "picture does): save the questions as plain text (GIFT, Aiken, CSV, or a YAML bank) "
        "and upload that file"
    )


def test_purgebot_import_names_a_binary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "quiz.gift"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\x00\x00")
    assert main(["import", str(doc)]) == 1
    assert capsys.readouterr().err.startswith(f"{doc}: this file is not a text file (it holds")
