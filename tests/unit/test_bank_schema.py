"""The JSON Schema is valid draft 2020-12 and agrees with the loader on every example we ship."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from purgebot.banks.loader import BankError, bank_files, load_bank_text
from purgebot.banks.parts import COMMON_KEYS, ESSAY_KEYS, TYPE_KEYS
from purgebot.banks.schema import bank_schema, schema_json
from purgebot.cli import main

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "question-format.md"


def doc_examples() -> list[str]:
    blocks = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    return [b for b in blocks if "questions:" in b]


def shipped_banks() -> list[Path]:
    return bank_files([ROOT / "questions"])


VALIDATOR = jsonschema.Draft202012Validator(bank_schema())


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(bank_schema())
    assert bank_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_names_the_same_keys_as_the_loader() -> None:
    defs = bank_schema()["$defs"]
    for qtype, keys in TYPE_KEYS.items():
        assert set(defs[qtype]["properties"]) == {*COMMON_KEYS, *keys}
    assert set(defs["essay"]["properties"]) == set(ESSAY_KEYS)


def test_the_docs_hold_a_complete_example_of_every_type() -> None:
    (example,) = doc_examples()
    bank = load_bank_text(example)
    assert {q.type for q in bank.questions} == set(TYPE_KEYS)
    assert bank.essays


@pytest.mark.parametrize("text", doc_examples())
def test_schema_and_loader_accept_the_docs_examples(text: str) -> None:
    load_bank_text(text)
    VALIDATOR.validate(yaml.safe_load(text))


def test_schema_and_loader_accept_every_shipped_bank() -> None:
    files = shipped_banks()
    assert files, "questions/ holds the built-in banks"
    for f in files:
        text = f.read_text(encoding="utf-8")
        load_bank_text(text, str(f))
        errors = [e.message for e in VALIDATOR.iter_errors(yaml.safe_load(text))]
        assert errors == [], f"{f}: {errors[:3]}"


BROKEN = [
    "bank: b1\ntitle: T\nquestions: []\n",
    "bank: B 1\ntitle: T\nquestions:\n  - {id: a, type: true_false, prompt: p, answer: true}\n",
    "bank: b1\ntitle: T\nquestions:\n  - {id: a, type: true_false, prompt: p}\n",
    "bank: b1\ntitle: T\nquestions:\n  - {id: a, type: choice, prompt: p, choices: [x], answer: x}\n",
    "bank: b1\ntitle: T\nquestions:\n  - {id: a, type: short, prompt: p, answer: x, extra: 1}\n",
    "bank: b1\ntitle: T\nquestions:\n  - {id: a, type: numeric, prompt: p, answer: x}\n",
    "bank: b1\ntitle: T\nquestions:\n  - {id: a, type: order, prompt: p, items: [x, y], seconds: 1}\n",
    "bank: b1\ntitle: T\nquestions:\n  - {id: a, type: true_false, prompt: p, answer: true}\n"
    "essays:\n  - {id: e, prompt: p, key_points: []}\n",
]


@pytest.mark.parametrize("text", BROKEN)
def test_schema_and_loader_both_refuse_broken_banks(text: str) -> None:
    with pytest.raises(BankError):
        load_bank_text(text)
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))), "the schema should refuse it too"


def test_the_committed_schema_is_the_generated_one() -> None:
    """Editors point at docs/bank.schema.json; `purgebot schema -o docs/bank.schema.json`
    writes it again after a change to the format."""
    assert (ROOT / "docs" / "bank.schema.json").read_text(encoding="utf-8") == schema_json()


def test_purgebot_schema_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == bank_schema()


def test_purgebot_schema_writes_a_file_or_says_why_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "bank.schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == bank_schema()
    nowhere = tmp_path / "no-such-folder" / "bank.schema.json"
    assert main(["schema", "-o", str(nowhere)]) == 1
    assert capsys.readouterr().err == f"{nowhere}: cannot write: No such file or directory\n"
