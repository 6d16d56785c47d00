"""The YAML writer: whatever text goes in comes back out, through PyYAML and through our loader."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from purgebot.banks.importers.common import clean
from purgebot.banks.importers.emit import dump
from purgebot.banks.loader import load_bank_text
from purgebot.banks.model import ShortQuestion

LOADERS = [yaml.SafeLoader, yaml.CSafeLoader]


def bank_with_answer(answer: str, accept: list[str]) -> dict[str, object]:
    question: dict[str, object] = {
        "id": "q",
        "type": "short",
        "prompt": "Type it?",
        "answer": answer,
    }
    if accept:
        question["accept"] = accept
    return {"bank": "emit-test", "title": "Emit", "questions": [question]}


@settings(max_examples=300, deadline=None)
@given(st.text(), st.lists(st.text(), max_size=3))
def test_any_text_reads_back_exactly_in_yaml(text: str, items: list[str]) -> None:
    data = {"text": text, "items": items, "nested": {"deeper": text}}
    written = dump(data)
    for loader in LOADERS:
        assert yaml.load(written, Loader=loader) == data


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60), st.lists(st.text(max_size=30), max_size=3))
def test_any_answer_reads_back_through_the_bank_loader(answer: str, accept: list[str]) -> None:
    answer = clean(answer)
    accept = list(dict.fromkeys(a for a in map(clean, accept) if a and a.casefold()))
    folded = {a.casefold() for a in accept}
    assume(answer and len(folded) == len(accept))
    bank = load_bank_text(dump(bank_with_answer(answer, accept)), "emit.yaml")
    question = bank.questions[0]
    assert isinstance(question, ShortQuestion)
    assert (question.answer, list(question.accept)) == (answer, accept)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Yezhov", "Yezhov"),
        ("yes", "'yes'"),
        ("1.10", "'1.10'"),
        ("0o17", "'0o17'"),
        ("It's", "It's"),
        ("'quoted'", "'''quoted'''"),
        ("Note: this", "'Note: this'"),
        ("ends with:", "'ends with:'"),
        ("two\nlines", "|-\n  two\n  lines"),
        ("tab\there", "'tab\there'"),
        ("bell\x07", '"bell\\u0007"'),
        ("line\u2028sep", '"line\\u2028sep"'),
        (" padded", "' padded'"),
    ],
)
def test_each_kind_of_text_is_written_the_readable_way(value: str, written: str) -> None:
    assert dump({"k": value}) == f"k: {written}\n"


def test_numbers_and_booleans_keep_their_type() -> None:
    text = dump({"a": 1966, "b": 0.5, "c": 1e20, "d": True, "e": []})
    assert text == "a: 1966\nb: 0.5\nc: 1.0e+20\nd: true\ne: []\n"
    assert yaml.safe_load(text) == {"a": 1966, "b": 0.5, "c": 1e20, "d": True, "e": []}
