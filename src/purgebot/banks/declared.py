"""What a bank declares once for all its questions: topics, retired ids and name spellings.

- `topics:` the list a student revises by. Once a bank declares it, a question (or the defaults)
  naming any other topic is a located problem, so synonyms cannot split a student's record.
- `retired:` ids of questions taken out of the bank. Stored answers refer to question ids, so a
  retired id may never come back as a different question.
- `names:` canonical name -> other spellings. A short question whose answer (or an accepted form)
  is one of these names accepts every spelling, so all banks agree. A folder of banks can share
  one `names.yaml`; a bank's own `names:` add to it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import replace

from purgebot.banks import limits as L
from purgebot.banks import model as m
from purgebot.banks.fields import Ctx, get
from purgebot.banks.yamlread import Map, Node, Scalar, Seq

NAMES_FILE = "names.yaml"

Names = Mapping[str, tuple[str, ...]]
_RETIRED_ID = L.Text(L.ID.max)  # its pattern is checked after, with a message of its own

_SPACE = re.compile(r"\s+")
_FIRST_LAST = re.compile(r"^([^\W\d_][\w'’-]*)\s+([^\W\d_][\w'’-]*)$")


def read_topics(ctx: Ctx, node: Node) -> tuple[str, ...] | None:
    return ctx.text_list(node, "topics", L.TOPICS, L.TOPIC, "topics")


def read_retired(ctx: Ctx, node: Node) -> tuple[str, ...] | None:
    ids = ctx.text_list(node, "retired", L.ENTRIES, _RETIRED_ID, "retired ids")
    if ids is None or not isinstance(node, Seq):
        return ids
    for item, ident in zip(node.items, ids, strict=False):
        if not L.ID_PATTERN.match(ident):
            ctx.error(item, "retired", f"{ident!r} is not a valid question id")
    return ids


def read_names(ctx: Ctx, node: Node, path: str = "names") -> dict[str, tuple[str, ...]] | None:
    """`canonical: [spelling, ...]`; a spelling may belong to one name only."""
    if not isinstance(node, Map):
        ctx.error(node, path, "expected a mapping of a name to its other spellings")
        return None
    if len(node.items) > L.NAMES.hi:
        ctx.error(node, path, f"at most {L.NAMES.hi} names allowed, found {len(node.items)}")
    out: dict[str, tuple[str, ...]] = {}
    owner: dict[str, str] = {}
    for key, (key_node, value) in node.items.items():
        canonical = ctx.text(key_node, path, L.CHOICE)
        spellings = ctx.text_list(value, f"{path}.{key}", L.SPELLINGS, L.CHOICE, "spellings")
        if canonical is None or spellings is None:
            continue
        for form in (canonical, *spellings):
            folded = fold(form)
            if owner.get(folded, canonical) != canonical:
                ctx.error(
                    key_node, f"{path}.{key}", f"{form!r} is also a spelling of {owner[folded]!r}"
                )
            owner[folded] = canonical
        out[canonical] = spellings
    return out


def check_topics(ctx: Ctx, top: Map, declared: tuple[str, ...]) -> None:
    """Every question's topic, and the default, must be declared (essay topics are free)."""
    allowed = set(declared)
    found: list[tuple[Node, str]] = []
    defaults = get(top, "defaults")
    if isinstance(defaults, Map) and (node := get(defaults, "topic")) is not None:
        found.append((node, "defaults.topic"))
    questions = get(top, "questions")
    for i, q in enumerate(questions.items if isinstance(questions, Seq) else ()):
        if isinstance(q, Map) and (node := get(q, "topic")) is not None:
            found.append((node, f"questions[{i}].topic"))
    for node, path in found:
        if isinstance(node, Scalar) and (topic := node.value.strip()) not in allowed:
            close = difflib.get_close_matches(topic, declared, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            ctx.error(
                node,
                path,
                f"topic {topic!r} is not declared under `topics`{hint}; "
                f"declared: {', '.join(declared)}",
            )


def check_retired(ctx: Ctx, top: Map, retired: tuple[str, ...]) -> None:
    gone = set(retired)
    questions = get(top, "questions")
    for i, q in enumerate(questions.items if isinstance(questions, Seq) else ()):
        node = get(q, "id") if isinstance(q, Map) else None
        if isinstance(node, Scalar) and node.value.strip() in gone:
            ctx.error(
                node,
                f"questions[{i}].id",
                f"id {node.value.strip()!r} is retired (stored answers refer to it): "
                "give this question a new id",
            )


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.casefold().replace(".", " ").replace(",", " ")).strip()


def name_forms(canonical: str, spellings: tuple[str, ...]) -> tuple[str, ...]:
    """Every spelling, plus "L. Nikolaev" and "Nikolaev, Leonid" for each "Leonid Nikolaev":
    a capitalised first name before the name itself (or a one-word spelling of it)."""
    surnames = {fold(f) for f in (canonical, *spellings) if " " not in f.strip()}
    forms: dict[str, str] = {}
    for form in (canonical, *spellings):
        forms.setdefault(fold(form), form)
        match = _FIRST_LAST.match(form.strip())
        if (
            match
            and fold(match[2]) in surnames
            and match[1][0].isupper()
            and match[1][1:].islower()
        ):
            first, last = match.groups()
            for extra in (f"{first[0]}. {last}", f"{last}, {first}"):
                forms.setdefault(fold(extra), extra)
    return tuple(forms.values())


def apply_names(question: m.AnyQuestion, names: Names) -> m.AnyQuestion:
    """A short question asking for a declared name accepts all of that name's spellings."""
    if not isinstance(question, m.ShortQuestion) or not names:
        return question
    given = {fold(question.answer), *(fold(a) for a in question.accept)}
    extra: list[str] = []
    for canonical, spellings in names.items():
        forms = name_forms(canonical, spellings)
        if given & {fold(f) for f in forms}:
            extra.extend(f for f in forms if fold(f) not in given)
            given |= {fold(f) for f in forms}
    if not extra:
        return question
    return replace(question, accept=(*question.accept, *extra))
