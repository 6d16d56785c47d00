"""YAML's pitfalls get a message in a teacher's words that says how to fix them."""

from __future__ import annotations

import pytest

from purgebot.banks.loader import BankError, load_bank_text

HEAD = "bank: b1\ntitle: T\nsources:\n  notes: Notes\nquestions:\n"
QUOTE_IT = 'put the whole text in quotes, e.g. prompt: "Who said: no? Number #6"'
COMMENT = (
    "YAML reads ' #' as the start of a comment, so the text stops before it: if the '#' and "
    "what follows belong to the text, put the whole text in quotes; if it is a comment, leave "
    "two spaces before '#' and one after it"
)


def problems(text: str) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank_text(text, "t.yaml")
    return [str(p) for p in info.value.problems]


def short(prompt_line: str, extra: str = "") -> str:
    return HEAD + f"  - id: a\n    type: short\n{prompt_line}\n    answer: Carbon\n{extra}"


def test_a_tab_says_to_indent_with_spaces() -> None:
    assert problems(HEAD + "  - id: a\n\ttype: short\n") == [
        "t.yaml:7:1: YAML syntax error: a tab character: YAML indents with spaces only, so "
        "replace the tab with spaces"
    ]


def test_a_colon_inside_a_prompt_says_to_quote_it() -> None:
    assert problems(short("    prompt: Stalin said: no?")) == [
        "t.yaml:8:24: YAML syntax error: a text holds ': ' (a colon and a space), which YAML "
        f"reads as the start of a new key: {QUOTE_IT}"
    ]
    assert problems(short("    prompt: @everyone who?")) == [
        f"t.yaml:8:13: YAML syntax error: a value cannot start with '@' in YAML: {QUOTE_IT}"
    ]


def test_a_prompt_cut_by_a_comment_is_a_located_problem() -> None:
    text = short("    prompt: Which element is number #6 in the periodic table?")
    assert problems(text) == [f"t.yaml:8:37: questions[0].prompt: {COMMENT}"]
    assert problems(short("    prompt: Which element? # 6", "")) == [
        f"t.yaml:8:28: questions[0].prompt: {COMMENT}"
    ]
    quoted = short('    prompt: "Which element is number #6 in the periodic table?"')
    (q,) = load_bank_text(quoted).questions
    assert q.prompt == "Which element is number #6 in the periodic table?"
    commented = short("    prompt: Which element is number six?   # carbon")
    assert load_bank_text(commented).questions[0].prompt == "Which element is number six?"


def test_a_comma_inside_braces_hints_at_quotes() -> None:
    line = "  - {id: a, type: true_false, prompt: p, answer: no, "
    line += "source: {doc: notes, quote: Paris, capital of France}}"
    assert problems(HEAD + line + "\n") == [
        f"t.yaml:6:{line.index('capital') + 1}: questions[0].source: unknown key "
        "'capital of France'; inside { } a comma ends a value: if this belongs to the text "
        "before it, put that whole text in quotes"
    ]


def test_several_answers_in_one_text_hint_at_a_list() -> None:
    text = HEAD + (
        "  - id: a\n    type: choice\n    multi: true\n    prompt: Heads of the NKVD?\n"
        "    choices: [Yagoda, Yezhov, Kirov]\n    answer: Yagoda, Yezhov\n"
    )
    assert problems(text) == [
        "t.yaml:11:13: questions[0].answer: answer 'Yagoda, Yezhov' is not one of the choices "
        "(several answers are written as a list: answer: [Yagoda, Yezhov], with `multi: true`)"
    ]


def test_the_docs_state_the_fuzzy_rule_the_matcher_applies() -> None:
    import re
    from pathlib import Path

    from purgebot.quiz.matching import fuzzy_allowance

    doc = (Path(__file__).resolve().parents[2] / "docs" / "question-format.md").read_text("utf-8")
    rule = re.search(
        r"up to (\d+) characters none,\s+(\d+)–(\d+) one, (\d+)–(\d+) two, (\d+) or more three", doc
    )
    assert rule is not None, "question-format.md states the fuzzy rule in one place"
    none_to, one_from, one_to, two_from, two_to, three_from = map(int, rule.groups())
    for length in range(1, 40):
        documented = (
            0 if length <= none_to else 1 if length <= one_to else 2 if length <= two_to else 3
        )
        assert fuzzy_allowance(length) == documented, length
    assert (one_from, two_from, three_from) == (none_to + 1, one_to + 1, two_to + 1)
