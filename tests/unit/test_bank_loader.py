"""The loader: every problem located, YAML surprises handled, hostile input refused fast."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from purgebot.banks.loader import BankError, load_bank_file, load_bank_text
from purgebot.banks.model import ChoiceQuestion, NumericQuestion, ShortQuestion, TrueFalseQuestion

HEAD = "bank: test-bank\ntitle: Test\nquestions:\n"


def problems(text: str | bytes) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank_text(text, "t.yaml")
    return [str(p) for p in info.value.problems]


def test_every_mistake_is_listed_with_line_and_column() -> None:
    text = HEAD + (
        "  - id: q1\n"
        "    type: choice\n"
        "    prompt: Who led the NKVD in 1936?\n"
        "    choices: [Yagoda, Yezhov, Yagoda]\n"
        "    answer: Beria\n"
        "    choise: x\n"
        "  - id: q1\n"
        "    type: true_false\n"
        "    prompt: ok?\n"
        "    answer: maybe\n"
        "    answer: yes\n"
        "  - id: q3\n"
        "    type: order\n"
        "    prompt: Order these\n"
        "    items: []\n"
    )
    assert problems(text) == [
        "t.yaml:7:31: questions[0].choices[2]: 'Yagoda' appears twice in choices (also at line 7)",
        "t.yaml:8:13: questions[0].answer: answer 'Beria' is not one of the choices",
        "t.yaml:9:5: questions[0]: unknown key 'choise' (did you mean 'choices'?)",
        "t.yaml:10:9: questions[1].id: duplicate id 'q1' (first used at line 4)",
        "t.yaml:13:13: questions[1].answer: expected true or false, found 'maybe'",
        "t.yaml:14:5: questions[1].answer: duplicate key 'answer' (first at line 13)",
        "t.yaml:18:12: questions[2].items: the list of items is empty",
    ]


def test_missing_top_level_keys_and_wrong_shapes() -> None:
    assert problems("title: 5\nquestions: {}\n") == [
        "t.yaml:1:1: missing required key 'bank'",
        "t.yaml:2:12: questions: expected a list of questions, found a mapping of keys",
    ]
    assert problems("") == ["t.yaml:1:1: the file is empty: a bank needs bank, title and questions"]
    assert problems("- just\n- a list\n") == [
        "t.yaml:1:1: expected a mapping of keys, found a list"
    ]


def test_yaml_one_one_words_stay_text_where_text_is_expected() -> None:
    text = HEAD + (
        "  - {id: a, type: short, prompt: p, answer: yes, accept: [on, 1.10]}\n"
        "  - {id: b, type: choice, prompt: p, choices: [yes, no, 1.10], answer: no}\n"
        "  - {id: c, type: true_false, prompt: p, answer: yes}\n"
        "  - {id: d, type: choice, prompt: p, choices: [1934, 1935], answer: 1935}\n"
        "  - {id: e, type: choice, prompt: p, choices: [x, y, z], answer: 2}\n"
    )
    bank = load_bank_text(text)
    a, b, c, d, e = bank.questions
    assert isinstance(a, ShortQuestion) and (a.answer, a.accept) == ("yes", ("on", "1.10"))
    assert isinstance(b, ChoiceQuestion) and b.choices == ("yes", "no", "1.10")
    assert b.answers == {1}
    assert isinstance(c, TrueFalseQuestion) and c.answer is True
    assert isinstance(d, ChoiceQuestion) and d.answers == {1}  # the text "1935", not index 1935
    assert isinstance(e, ChoiceQuestion) and e.answers == {2}


def test_numeric_answers_tolerance_and_grouped_figures() -> None:
    text = HEAD + (
        '  - {id: a, type: numeric, prompt: p, answer: "1,108", tolerance: "5%", unit: people}\n'
        "  - {id: b, type: numeric, prompt: p, answer: 1937, tolerance: 1}\n"
    )
    a, b = load_bank_text(text).questions
    assert isinstance(a, NumericQuestion) and a.answer == 1108 and a.tolerance.allows(1108, 1160)
    assert not a.tolerance.allows(1108, 1170)
    assert isinstance(b, NumericQuestion) and b.tolerance.allows(1937, 1938)


def test_multi_choice_needs_multi_flag() -> None:
    line = "  - {id: a, type: choice, prompt: p, choices: [x, y, z], answer: [x, y]}"
    col = line.index("[x, y]") + 1
    assert problems(HEAD + line + "\n") == [
        f"t.yaml:4:{col}: questions[0].answer: a list of answers needs `multi: true`"
    ]
    ok = (
        HEAD
        + "  - {id: a, type: choice, multi: yes, prompt: p, choices: [x, y, z], answer: [x, 2]}\n"
    )
    (q,) = load_bank_text(ok).questions
    assert isinstance(q, ChoiceQuestion) and q.answers == {0, 2} and q.multi


def test_source_must_be_declared() -> None:
    line = "  - {id: a, type: true_false, prompt: p, answer: no, source: {doc: swift, quote: q}}"
    text = "bank: b1\ntitle: T\nsources:\n  morris: Notes\nquestions:\n" + line + "\n"
    col = line.index("swift") + 1
    assert problems(text) == [
        f"t.yaml:6:{col}: questions[0].source.doc: source 'swift' is not declared under `sources`"
        " (morris)"
    ]


def test_alias_bomb_is_refused_at_its_first_alias() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    # located at the first `*`: the reader stopped there, nothing was expanded
    assert problems("\n".join(lines)) == [
        "t.yaml:2:10: anchors and aliases (&name, *name) are not allowed in a bank"
    ]


def test_oversized_input_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(HEAD.encode() + b"#" * (5 * 1024 * 1024))

    def unread(self: Path) -> bytes:
        raise AssertionError(f"{self} was read although its size alone refuses it")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", unread)
        with pytest.raises(BankError) as info:
            load_bank_file(big)
    assert [p.message for p in info.value.problems] == ["file is 5.0 MiB; the limit is 1.0 MiB"]
    assert problems("#" * (1024 * 1024 + 1)) == [
        "t.yaml:1:1: file is 1.0 MiB; the limit is 1.0 MiB"
    ]


def test_deep_nesting_binary_and_encoding_errors_are_located() -> None:
    assert problems("[" * 100_000) == ["t.yaml:1:33: nested more than 32 levels deep"]
    assert problems(b"bank: x\x00y\n") == [
        "t.yaml:1:8: binary data (a NUL byte): a bank is a text file"
    ]
    assert problems(b"bank: ok\ntitle: caf\xe9\n") == [
        "t.yaml:2:11: not UTF-8 text: save the file as UTF-8 and upload it again"
    ]
    assert problems("a: !!python/object:os.system x") == [
        "t.yaml:1:4: YAML tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed"
    ]
    assert problems("a: [1, 2\n") == [
        "t.yaml:2:1: YAML syntax error: did not find expected ',' or ']'"
    ]
    assert problems("a: 1\n---\nb: 2\n") == [
        "t.yaml:2:1: only one YAML document per file (remove the second ---)"
    ]


def test_utf16_and_lone_surrogates_are_encoding_errors() -> None:
    # Notepad's "Unicode" is UTF-16 with a byte-order mark: not binary, but not a bank's encoding
    assert problems(
        (HEAD + "  - {id: a, type: true_false, prompt: p, answer: no}\n").encode("utf-16")
    ) == ["t.yaml:1:1: UTF-16 text: save the file as UTF-8 and upload it again"]
    assert problems("bank: a\ud800b\n") == [
        "t.yaml:1:8: not UTF-8 text: save the file as UTF-8 and upload it again"
    ]


def test_a_byte_order_mark_is_fine() -> None:
    bank = load_bank_text(
        ("\ufeff" + HEAD + "  - {id: a, type: true_false, prompt: p, answer: no}\n").encode()
    )
    assert bank.id == "test-bank"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_nothing_but_bank_error_escapes_whatever_the_bytes(data: bytes) -> None:
    found: list[tuple[int, int]] = []
    try:
        load_bank_text(HEAD.encode() + data)
    except BankError as exc:
        found = [(p.line, p.col) for p in exc.problems] or [(0, 0)]
    assert all(line >= 1 and col >= 1 for line, col in found)


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda kids: (
            st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
        ),
        max_leaves=30,
    )
)
def test_structured_garbage_gives_located_problems(value: object) -> None:
    import yaml

    text = yaml.safe_dump({"bank": "b1", "title": "T", "questions": [value]})
    with pytest.raises(BankError) as info:
        load_bank_text(text)
    assert all(p.line >= 1 for p in info.value.problems)


@pytest.fixture(params=["libyaml", "pure-python"])
def yaml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test with the C parser and with the pure-Python one: our limits speak first on both."""
    import yaml

    from purgebot.banks import yamlread
    from purgebot.banks.importers import red

    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("this PyYAML was built without libyaml")
        loader = yaml.CSafeLoader
    else:
        loader = yaml.SafeLoader
    monkeypatch.setattr(yamlread, "_Loader", loader)
    monkeypatch.setattr(red, "_Loader", loader)
    return str(request.param)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("[" * 100_000, "1:33"),  # flow: libyaml reads ~1,000 levels ahead before it gives events
        ("a: " + "[" * 2_000 + "]" * 2_000 + "\n", "1:35"),
        ("".join(" " * i + "- \n" for i in range(0, 1_200, 2)), "33:65"),  # block nesting
        ("x:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1_200)), "33:33"),
    ],
)
def test_nesting_limit_is_ours_whichever_parser_runs(
    yaml_parser: str, text: str, where: str
) -> None:
    assert problems(text) == [f"t.yaml:{where}: nested more than 32 levels deep"]


def test_red_nesting_limit_is_ours_whichever_parser_runs(yaml_parser: str) -> None:
    from purgebot.banks.importers.common import ImportFailed
    from purgebot.banks.importers.red import compose

    with pytest.raises(ImportFailed) as info:
        compose("Q?:\n  - " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert info.value.message == "line 2: answers nested more than 32 levels deep"


def test_deep_nesting_in_a_large_file_is_ours_without_a_slow_second_walk() -> None:
    # Past 64 KB the pure-Python parser (about 3 s per MiB) is not run again: where libyaml's own
    # nesting limit stopped, ours is reported, as the same words a small file gets.
    big = HEAD + "#" * 70_000 + "\n  - a: " + "[" * 3_000 + "]" * 3_000 + "\n"
    [problem] = problems(big)
    assert problem.startswith("t.yaml:5:") and problem.endswith(": nested more than 32 levels deep")


def test_red_deep_nesting_in_a_large_file_is_ours_without_a_slow_second_walk() -> None:
    from purgebot.banks.importers.common import ImportFailed
    from purgebot.banks.importers.red import compose

    text = "#" * 70_000 + "\nQ?:\n  - " + "[" * 3_000 + "]" * 3_000 + "\n"
    with pytest.raises(ImportFailed) as info:
        compose(text)
    assert info.value.message == "line 3: answers nested more than 32 levels deep"
