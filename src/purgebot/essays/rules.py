"""When a phrase found in an essay is not credited: negated, or only named in passing.

- negated: a negation word (not, n't, no, never, neither, nor, without, hardly, barely) stands in
  the same clause up to `NEGATION_REACH` tokens before the phrase (up to `WIDE_NEGATION_REACH`
  when the negation governs a "that" or a verb of knowing: "no evidence that ...",
  "I don't think ..."), between the phrase's words, or right after it across auxiliaries only
  ("Order 00447 was not signed"). A plain negation before the phrase does not reach across
  "and / or / then / who / which" ("he did not trust Kirov and used the murder as a pretext"),
  nor past the object of a negated "like / want / care" ("people they didn't like were shot as
  wreckers"). Clauses end at , ; : ( ) and dashes, at "but / although /
  though / whereas / however / yet / while", and at "and / or / so" before a pronoun.
  "not only / just / least", "no doubt / wonder", "without (a) doubt", "if not", "whether or not"
  and "No. 00447" do not negate. A negation that is part of the phrase itself ("no trial") is
  wanted, not refused.
- dismissed: a word of the phrase lies in the scope of a dismissal cue ("..., but I'm not sure
  what that was for"; see `purgebot.essays.stance`).
- question: the sentence ends with a question mark.
- heading: the sentence is a short line of its own (8 words or fewer) without closing punctuation.
- too short: the sentence has fewer than `MIN_CONTENT_WORDS` content words ("Order 00447.").
- list item: the phrase lies inside one item of a list - the items after "such as / including /
  like / for example / e.g. / namely" (not at the start of a sentence) or after a colon, or one
  of three or more comma-separated items ("paranoia, Hitler and sabotage"). An item is at most
  `MAX_ITEM_CONTENT` content words and `MAX_ITEM_TOKENS` words, with no auxiliary (was, had,
  did...) and no subject or relative pronoun (he, they, who, whose...); the last item counts up
  to its verb ("..., Beria and the local officials were all involved"). A colon's list needs two
  items.
"""

from __future__ import annotations

from typing import Literal

from purgebot.essays.text import AUXILIARIES, EssayText, Token, words

MIN_CONTENT_WORDS = 3
NEGATION_REACH = 8
WIDE_NEGATION_REACH = 40
POST_NEGATION_REACH = 3
MAX_ITEM_CONTENT = 3
MAX_ITEM_TOKENS = 6

Reason = Literal[
    "dismissed", "misconception", "negated", "question", "heading", "too short", "list item"
]

_NOT_NEGATING_BEFORE = {
    "not": words("only just least merely simply"),
    "no": words("doubt wonder coincidence"),
    "without": words("doubt question"),
}
# A negation followed closely by one of these negates the whole rest of its clause.
_WIDE_SCOPE = words(
    "that think thought believe agree evidence proof sure true clear know knew say said claim "
    "suggest prove proved show shows"
)
_HEDGES = words("probably perhaps maybe possibly surely certainly")  # "X was probably not..."
_LIKING = words("like likes liked want wants wanted care cared")
_BARRIERS = words("and or then who which whom whose")
_LIKE_NOT_MARKER = words("would not did do does to i you we they he she also really")
_SUBJECTS = words("i you he she it we they who whom whose which")

# How a list segment begins: after a comma, after and/or, after a list marker, after a colon, or
# after any other clause break.
_Kind = Literal["comma", "and", "marker", "colon", "break"]


def _is_cue(tokens: tuple[Token, ...], i: int) -> bool:
    tok = tokens[i]
    if not tok.negation:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt and nxt.norm in ("a", "any") and i + 2 < len(tokens):
        nxt = tokens[i + 2]
    if nxt and nxt.norm in _NOT_NEGATING_BEFORE.get(tok.norm, ()):
        return False
    if tok.norm == "no" and nxt and nxt.norm[:1].isdigit():
        return False  # "Order No. 00447"
    prev = tokens[i - 1].norm if i > 0 else ""
    return not (tok.norm == "not" and prev in ("if", "or"))


def _liking(tokens: tuple[Token, ...], cue: int, first: int) -> bool:
    """'people they didn't like were shot as wreckers': the negation is of the liking only."""
    verb = next((j for j in range(cue + 1, min(first, cue + 3)) if tokens[j].norm in _LIKING), None)
    return verb is not None and first > verb + 1


def _wide(tokens: tuple[Token, ...], cue: int) -> bool:
    return any(t.norm in _WIDE_SCOPE for t in tokens[cue + 1 : cue + 4])


def negated(essay: EssayText, window: tuple[int, ...], wanted_negation: bool) -> bool:
    """Whether the matched tokens (`window`, in order) are negated; see the module rules."""
    tokens = essay.tokens
    first, last = window[0], window[-1]
    inside = set(window)
    for i in range(first + 1, last):
        if i not in inside and _is_cue(tokens, i):
            return True
    if wanted_negation:
        return False
    clause = tokens[first].clause
    barrier = False  # an "and" / "then" / "who" between: a plain negation stays in its part
    for i in range(first - 1, max(-1, first - 1 - WIDE_NEGATION_REACH), -1):
        if tokens[i].clause != clause:
            break
        if _is_cue(tokens, i):
            if _wide(tokens, i):
                return True
            if first - i <= NEGATION_REACH and not barrier and not _liking(tokens, i, first):
                return True
        barrier = barrier or tokens[i].norm in _BARRIERS
    clause = tokens[last].clause
    for i in range(last + 1, min(len(tokens), last + 1 + POST_NEGATION_REACH)):
        if tokens[i].clause != clause:
            break
        if _is_cue(tokens, i):
            return True
        if tokens[i].norm not in AUXILIARIES and tokens[i].norm not in _HEDGES:
            break
    return False


def _marker(tokens: tuple[Token, ...], i: int, first: int) -> int:
    """How many tokens a list marker starting at i takes (0 when there is none). A sentence that
    starts "For example, ..." gives an example in a clause, not a list: `first` is its start."""
    if i == first:
        return 0
    norm = tokens[i].norm
    nxt = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    if (norm, nxt) in {("such", "as"), ("for", "example"), ("for", "instance"), ("e", "g")}:
        return 2
    if norm in ("including", "namely"):
        return 1
    if norm == "like":
        prev = tokens[i - 1].norm if i > 0 else ""
        return 0 if prev in _LIKE_NOT_MARKER or nxt in ("to", "this", "that", "it") else 1
    return 0


def _bare(tokens: tuple[Token, ...], seg: list[int]) -> bool:
    content = sum(1 for i in seg if tokens[i].content)
    clause_like = any(tokens[i].norm in AUXILIARIES or tokens[i].norm in _SUBJECTS for i in seg)
    return 1 <= content <= MAX_ITEM_CONTENT and len(seg) <= MAX_ITEM_TOKENS and not clause_like


def _head(tokens: tuple[Token, ...], seg: list[int]) -> list[int]:
    """A last list item up to its verb: 'the local officials' of '... were involved'."""
    for n, i in enumerate(seg):
        if tokens[i].norm in AUXILIARIES:
            return seg[:n]
    return seg


def _segments(essay: EssayText, sentence: int) -> list[tuple[_Kind, list[int]]]:
    tokens, text = essay.tokens, essay.text
    s = essay.sentences[sentence]
    segs: list[tuple[_Kind, list[int]]] = []
    kind: _Kind = "break"
    current: list[int] = []
    i = s.first
    while i < s.last:
        width = _marker(tokens, i, s.first)
        gap = text[tokens[i - 1].end : tokens[i].start] if i > s.first else ""
        connector = tokens[i].norm in ("and", "or")
        if width or connector or (current and tokens[i - 1].clause != tokens[i].clause):
            if current:
                segs.append((kind, current))
            current = []
            if width:
                kind = "marker"
            elif ":" in gap:
                kind = "colon"
            elif connector:
                kind = "and"
            else:
                kind = "comma" if ("," in gap or ";" in gap) else "break"
            if width or kind == "and":
                i += width or 1
                continue
        current.append(i)
        i += 1
    if current:
        segs.append((kind, current))
    return segs


def list_items(essay: EssayText, sentence: int) -> dict[int, int]:
    """The list items of a sentence (see the module rules): token index -> item number."""
    tokens = essay.tokens
    items: list[list[int]] = []
    run: list[list[int]] = []
    opened: _Kind = "break"  # what opened the current run: a marker needs one item, a colon two

    def close() -> None:
        needed = {"marker": 1, "colon": 2}.get(opened, 3)
        if len(run) >= needed:
            items.extend(run)
        run.clear()

    for kind, seg in _segments(essay, sentence):
        if kind in ("marker", "colon", "break"):
            close()
            opened = kind
        marked = opened in ("marker", "colon")
        last = kind == "and" or marked
        head = _head(tokens, seg) if last else seg
        if head and _bare(tokens, head):
            run.append(head)
            if kind == "and" or len(head) < len(seg):  # a list ends with its and-item or a verb
                close()
                opened = "break"
        else:
            close()
            opened = "break"
    close()
    return {i: n for n, item in enumerate(items) for i in item}


def refusal(
    essay: EssayText,
    window: tuple[int, ...],
    wanted_negation: bool,
    lists: dict[int, dict[int, int]],
    dismissed: frozenset[int] = frozenset(),
) -> Reason | None:
    """Why a phrase found at `window` is not credited, or None when it is; `lists` caches items,
    `dismissed` holds the tokens a dismissal cue covers (`purgebot.essays.stance`)."""
    sentence = essay.tokens[window[0]].sentence
    s = essay.sentences[sentence]
    if any(i in dismissed for i in window):
        return "dismissed"
    if negated(essay, window, wanted_negation):
        return "negated"
    if s.question:
        return "question"
    if s.heading:
        return "heading"
    if s.content_words < MIN_CONTENT_WORDS:
        return "too short"
    if sentence not in lists:
        lists[sentence] = list_items(essay, sentence)
    items = lists[sentence]
    if window[0] in items and all(items.get(i) == items[window[0]] for i in window):
        return "list item"
    return None
