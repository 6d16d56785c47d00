"""Every limit in the table, both ways: at the limit the loader and the JSON Schema both accept a
bank; one past it both refuse it, each pointing at the key that is wrong."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from purgebot.banks import limits as L
from purgebot.banks import model as m
from purgebot.banks.loader import BankError, load_bank_text
from purgebot.banks.parts import DIFFICULTIES, QUESTION_TYPES
from purgebot.banks.schema import bank_schema

VALIDATOR = jsonschema.Draft202012Validator(bank_schema())
SOURCE = {"doc": "src", "quote": "q"}


def base() -> dict[str, Any]:
    """A bank that uses every key once, each well inside its limits."""
    return {
        "version": 1,
        "bank": "base-bank",
        "title": "T",
        "description": "D",
        "sources": {"src": "S", "plain": "P", "spare": {"title": "S", "url": "u"}},
        "defaults": {"seconds": 20, "difficulty": "easy"},
        "topics": ["t"],
        "names": {"Yezhov": ["Ezhov"]},
        "retired": ["old"],
        "questions": [
            {
                "id": "c",
                "type": "choice",
                "prompt": "p",
                "choices": ["a", "b"],
                "answer": "b",
                "explanation": "e",
                "source": dict(SOURCE),
                "difficulty": "easy",
                "seconds": 20,
                "tags": ["x"],
                "note": "n",
            },
            {"id": "tf", "type": "true_false", "prompt": "p", "answer": True},
            {"id": "s", "type": "short", "prompt": "p", "answer": "a", "accept": ["b"]},
            {"id": "n", "type": "numeric", "prompt": "p", "answer": 5, "tolerance": "5%"},
            {"id": "o", "type": "order", "prompt": "p", "items": ["a", "b"]},
        ],
        "essays": [
            {
                "id": "e",
                "prompt": "p",
                "guidance": "g",
                "model_answer": "m",
                "outline": ["o"],
                "key_points": [{"id": "k", "point": "p", "phrases": ["ph"], "source": SOURCE}],
                "misconceptions": [
                    {"claim": "c", "phrases": ["mp"], "correction": "r", "source": SOURCE}
                ],
            }
        ],
    }


Step = str | int
NEW_KEY = "\0new"  # a `*(key)` entry: a key added beside the others


def locate(table_path: str) -> list[Step]:
    """`questions[choice].choices[]` -> ["questions", 0, "choices", 0] in `base()`."""
    bare = re.sub(r"\([^)]*\)$", "", table_path)
    types = [q["type"] for q in base()["questions"]]
    steps: list[Step] = []
    for part in bare.split("."):
        found = re.fullmatch(r"(\w+|\*)(?:\[(\w*)\])?", part)
        assert found, table_path
        name, index = found.groups()
        if name == "*":  # a source no question cites, so a bad one is its own only problem
            name = "Yezhov" if steps == ["names"] else "spare" if bare.count(".") > 1 else "plain"
        steps.append(name)
        if index is not None:
            steps.append(types.index(index) if index else 0)
    if table_path.endswith("(key)"):
        steps[-1] = NEW_KEY
    return steps


def loader_path(steps: list[Step]) -> str:
    out = ""
    for step in steps:
        out += f"[{step}]" if isinstance(step, int) else f".{step}" if out else step
    return out


def put(doc: dict[str, Any], steps: list[Step], value: Any) -> None:
    """Set the value at `steps`; for a new key, `value` is the key and the entry gets a value."""
    *head, last = steps
    holder: Any = doc
    for step in head:
        holder = holder[step]
    if last == NEW_KEY:
        holder[value] = ["zz"] if head == ["names"] else "A source"
    else:
        holder[last] = value


class Dumper(yaml.CSafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # a bank may not hold aliases: write shared values out each time


def check(doc: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The key paths the loader and the schema each complain about (both empty: accepted)."""
    text = yaml.dump(doc, Dumper=Dumper, sort_keys=False, allow_unicode=True)
    try:
        load_bank_text(text, "t.yaml", max_bytes=len(text.encode()) + 1)
        loader: set[str] = set()
    except BankError as exc:
        loader = {p.path for p in exc.problems}
    schema = {loader_path(list(e.absolute_path)) for e in VALIDATOR.iter_errors(doc)}
    return loader, schema


def accepted(doc: dict[str, Any]) -> None:
    assert check(doc) == (set(), set())


def refused_at(doc: dict[str, Any], where: str) -> None:
    assert check(doc) == ({where}, {where})


def text_values(limit: L.Text) -> tuple[str, str]:
    """A value at the limit and one a character past it."""
    return "a" * limit.max, "a" * (limit.max + 1)


def entry(table_path: str, i: int) -> Any:
    """The i-th entry of a list (or mapping) the table counts, all different."""
    if table_path.endswith("key_points"):
        return {"id": f"k{i}", "point": "p", "phrases": ["ph"]}
    if table_path.endswith("misconceptions"):
        return {"claim": "c", "phrases": ["mp"], "correction": "r", "source": SOURCE}
    return f"v{i}"


def counted(table_path: str, steps: list[Step], n: int) -> dict[str, Any]:
    doc = base()
    items = [entry(table_path, i) for i in range(n)]
    if table_path == "names":
        put(doc, steps, {f"Name{i}": [f"sp{i}"] for i in range(n)})
    elif table_path == "questions[choice].answer(list)":  # a multi answer among as many choices
        put(doc, [*steps[:-1], "choices"], [f"v{i}" for i in range(max(n, 2))])
        put(doc, [*steps[:-1], "multi"], True)
        put(doc, steps, items)
    else:
        put(doc, steps, items)
        if table_path == "questions[choice].choices":
            put(doc, [*steps[:-1], "answer"], "v0")
    return doc


BIG = {"questions", "essays"}  # 100,000 entries: tried through `retired`, which shares the limit
TEXTS = [p for p, lim in L.TABLE.items() if isinstance(lim, L.Text)]
COUNTS = [p for p, lim in L.TABLE.items() if isinstance(lim, L.Count)]
RANGES = [p for p, lim in L.TABLE.items() if isinstance(lim, L.Range)]
ENUMS = [p for p, lim in L.TABLE.items() if isinstance(lim, L.Enum)]


def test_the_base_bank_passes_both() -> None:
    accepted(base())


def test_every_limit_in_the_table_is_tried() -> None:
    assert sorted(TEXTS + COUNTS + RANGES + ENUMS) == sorted(L.TABLE)
    assert L.TABLE["questions"] is L.TABLE["retired"]
    essays = L.TABLE["essays"]
    assert isinstance(essays, L.Count) and essays.hi == L.ENTRIES.hi


def test_the_model_names_the_tables_values() -> None:
    assert m.QUESTION_TYPES == QUESTION_TYPES == L.QUESTION_TYPES.values
    assert tuple(d.value for d in m.Difficulty) == DIFFICULTIES == L.DIFFICULTIES.values
    assert L.FORMAT_VERSION.values == (m.FORMAT_VERSION,)
    assert (L.SECONDS.lo, L.SECONDS.hi) == (m.MIN_SECONDS, m.MAX_SECONDS)


def wheres(table_path: str, steps: list[Step], value: str) -> tuple[str, str]:
    """Where the loader and the schema say a value is wrong. A key's: the schema names the
    mapping; the loader names the source entry, or the names mapping."""
    if table_path == "retired[]" and value == "Not valid!":
        return "retired", "retired[0]"  # the loader names the list, at the id's line
    if steps[-1] != NEW_KEY:
        return loader_path(steps), loader_path(steps)
    mapping = loader_path(steps[:-1])
    return (f"{mapping}.{value}" if mapping == "sources" else mapping), mapping


@pytest.mark.parametrize("table_path", TEXTS)
def test_text_at_its_limit_passes_and_one_past_is_refused(table_path: str) -> None:
    limit = L.TABLE[table_path]
    assert isinstance(limit, L.Text)
    steps = locate(table_path)
    at, past = text_values(limit)
    tries = [(at, True), (past, False), ("", False)]
    if limit.pattern is not None:
        tries.append(("Not valid!", False))
    for value, ok in tries:
        doc = base()
        put(doc, steps, value)
        if table_path.endswith("source.doc") and ok:
            doc["sources"][value] = "Declared"
        if table_path.endswith("topic"):
            del doc["topics"]  # a question's topic must also be declared: tried apart
        if ok:
            accepted(doc)
        else:
            assert check(doc) == tuple({w} for w in wheres(table_path, steps, value)), value


@pytest.mark.parametrize("table_path", [p for p in COUNTS if p not in BIG])
def test_a_list_at_its_bounds_passes_and_one_past_is_refused(table_path: str) -> None:
    limit = L.TABLE[table_path]
    assert isinstance(limit, L.Count)
    steps = locate(table_path)
    where = loader_path(steps)
    for n in (limit.lo, limit.hi):
        accepted(counted(table_path, steps, n))
    past = counted(table_path, steps, limit.hi + 1)
    if table_path == "questions[choice].answer(list)":  # one answer more than the choices
        past["questions"][0]["choices"].pop()
        loader, schema = check(past)
        assert (loader, schema) == ({where, f"{where}[{limit.hi}]"}, {where})
    else:
        refused_at(past, where)
    if limit.lo > 0:
        refused_at(counted(table_path, steps, limit.lo - 1), where)


def test_questions_and_essays_have_no_more_than_the_entries_limit() -> None:
    """100,000 questions take seconds to read; one past the limit is refused by both at once."""
    doc = base()
    doc["questions"] += [None] * (L.ENTRIES.hi + 1 - len(doc["questions"]))
    text = yaml.dump(doc, Dumper=Dumper, sort_keys=False)
    with pytest.raises(BankError) as info:
        load_bank_text(text, "t.yaml", max_bytes=len(text.encode()) + 1)
    assert f"at most {L.ENTRIES.hi} questions allowed" in info.value.problems[0].message
    schema = VALIDATOR.schema["properties"]
    assert (schema["questions"]["maxItems"], schema["essays"]["maxItems"]) == (
        L.ENTRIES.hi,
        L.ESSAYS.hi,
    )


@pytest.mark.parametrize("table_path", RANGES)
def test_a_number_at_its_bounds_passes_and_one_past_is_refused(table_path: str) -> None:
    limit = L.TABLE[table_path]
    assert isinstance(limit, L.Range)
    steps = locate(table_path)
    if limit.below:  # a percentage: from lo to just under hi
        inside: list[Any] = [f"{limit.lo}%", f"{limit.hi - 0.5:g}%", "0.25%", limit.lo]
        outside: list[Any] = [f"{limit.hi}%", f"{limit.lo - 1}%", limit.lo - 1, "1e400%"]
    else:
        inside, outside = [limit.lo, limit.hi], [limit.lo - 1, limit.hi + 1]
    for value in inside:
        doc = base()
        put(doc, steps, value)
        accepted(doc)
    for value in outside:
        doc = base()
        put(doc, steps, value)
        refused_at(doc, loader_path(steps))


@pytest.mark.parametrize("table_path", ENUMS)
def test_each_listed_value_passes_and_another_is_refused(table_path: str) -> None:
    limit = L.TABLE[table_path]
    assert isinstance(limit, L.Enum)
    steps = locate(table_path)
    if table_path == "questions[].type":  # each type has its own keys: the base has one of each
        assert [q["type"] for q in base()["questions"]] == list(limit.values)
    else:
        for value in limit.values:
            doc = base()
            put(doc, steps, value)
            accepted(doc)
    doc = base()
    put(doc, steps, 2 if isinstance(limit.values[0], int) else "other")
    refused_at(doc, loader_path(steps))


@pytest.mark.parametrize("index", range(len(base()["questions"])))
def test_one_stray_key_gives_one_error_naming_that_key(index: int) -> None:
    doc = base()
    doc["questions"][index]["colour"] = "red"
    errors = list(VALIDATOR.iter_errors(doc))
    assert [(list(e.absolute_path), e.validator, e.message) for e in errors] == [
        (
            ["questions", index],
            "additionalProperties",
            "Additional properties are not allowed ('colour' was unexpected)",
        )
    ]
    with pytest.raises(BankError) as info:
        load_bank_text(yaml.dump(doc, Dumper=Dumper, sort_keys=False))
    ((problem,),) = [info.value.problems]
    assert problem.path == f"questions[{index}]"
    assert problem.message.startswith("unknown key 'colour'")


@pytest.mark.parametrize(
    ("question", "error"),
    [
        ("a question", "'a question' is not of type 'object'"),
        ({"id": "a", "prompt": "p"}, "'type' is a required property"),
        ({"id": "a", "prompt": "p", "type": "essay"}, None),
    ],
)
def test_a_question_without_a_known_type_gives_one_error(question: Any, error: str | None) -> None:
    doc = base()
    doc["questions"] = [question]
    (found,) = VALIDATOR.iter_errors(doc)
    assert found.message == error or (error is None and list(found.absolute_path)[-1] == "type")


LOADER = ["build", "declared", "essay_prompts", "parts", "questions"]


@pytest.mark.parametrize("module", LOADER)
def test_the_loader_writes_no_limit_of_its_own(module: str) -> None:
    """A whole number past 1 in the loader is a limit the table and the schema would not know
    (an index such as `match[2]` is not)."""
    tree = ast.parse((Path(L.__file__).parent / f"{module}.py").read_text(encoding="utf-8"))
    indexes = {id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}
    found = [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and type(n.value) is int
        and n.value > 1
        and id(n) not in indexes
    ]
    assert found == []
