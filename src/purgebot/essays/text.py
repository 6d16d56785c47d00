"""Essay text cut into tokens, clauses and sentences, each token keeping its place in the text.

Everything the detector reports points back into the student's own words, so every token keeps
its character span; matching works on stems (snowball, English) of a folded spelling.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer


def words(text: str) -> frozenset[str]:
    """A word set written as one string, for the long lists below."""
    return frozenset(text.split())


# Words that carry no content of their own: ignored when a phrase is matched and when a sentence's
# content words are counted. Negation words are kept apart (NEGATIONS) because they change meaning,
# and more/most/few/over/under/above/below/against stay content words: "more quotas" is not
# "quotas", nor "pressure from below" just "pressure".
STOP_WORDS = words("""
    a about after again all also am an and any are as at be because been before
    being between both but by can could did do does doing down during each either else even
    ever every for from further had has have having he her here hers herself him himself his how
    however i if in into is it its itself just let lot lots many may me might much must my
    myself of off on once only or other our ours ourselves out own per quite rather really same
    shall she should since so some such than that the their theirs them themselves then there these
    they this those though through thus to too until up upon us very was we were what when
    where whether which while who whom whose why will with within would yet you your yours yourself
    yourselves one ones thing things way ways
    """)
NEGATIONS = frozenset({"not", "no", "never", "neither", "nor", "without", "hardly", "barely"})
# Auxiliaries and adverbs that may sit between a phrase and a negation that follows it
# ("Order 00447 was not signed"), and that stop a list item ("Rykov were shot").
AUXILIARIES = words(
    "am is are was were be been being do does did have has had will would shall should can could "
    "may might must also really actually"
)

MAX_CONTEXT = 400  # characters of a sentence kept to show where a phrase was found

_HIDDEN = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"  # show as nothing
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 680,000
    r"|\d+(?:\.\d+)?(?:st|nd|rd|th|s)?\b"  # 1934, 1.3, 17th, 1930s
    rf"|[^\W\d_]+(?:[{_HIDDEN}]+[^\W\d_]+)*(?:['’][^\W\d_]+)*['’]?"  # Stalin's, Sta<ZWSP>lin
)
# Quote marks do not end a clause: 'he did not sign "Order 00447"' is negated to its end.
_CLAUSE_PUNCT = re.compile(r",(?!\d{3}\b)|[;:()\[\]–—]|\s-\s")
# Characters that show as nothing: they must neither split a word nor count as one.
INVISIBLE = re.compile(f"[{_HIDDEN}]")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*")
_ABBREVIATIONS = words("mr mrs ms dr st vs cf no nr eg ie etc approx c ca")
_CLAUSE_WORDS = frozenset({"but", "although", "though", "whereas", "however", "yet", "while"})
# "dont", "didnt", "wasnt": students often leave the apostrophe out.
_NT_WITHOUT_APOSTROPHE = words("do did does is are was were has have had could would should ca wo")
_CONNECTORS = frozenset({"and", "or", "so"})
_PRONOUN_STARTS = words("he she it they we i this that these there")
_SPELLING = {"labor": "labour", "favor": "favour", "behavior": "behaviour", "honor": "honour"}
_BRITISH_Z = re.compile(r"(?<=\w\w)(i|y)z(e|ed|es|ing|ation|ations|er|ers)$")
_STEMMER = snowballstemmer.stemmer("english")


class Token(NamedTuple):
    """One word of the essay (a named tuple: an essay has hundreds and they are built fast)."""

    text: str  # as written
    start: int
    end: int
    norm: str  # folded lowercase form; "n't", "dont", "cannot"... become "not"
    stem: str
    sentence: int
    clause: int  # numbered across the whole essay, so tokens compare without their sentence
    content: bool  # neither a stop-word nor a negation
    negation: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # character span in the essay
    end: int
    first: int  # token indexes [first, last)
    last: int
    question: bool
    heading: bool  # a short line of its own without closing punctuation
    content_words: int


@dataclass(frozen=True, slots=True)
class EssayText:
    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]

    def context(self, index: int, start: int, end: int) -> str:
        """Sentence `index` on one line; of a very long one, the part around [start, end)."""
        s = self.sentences[index]
        a, b = s.start, s.end
        if b - a > MAX_CONTEXT:
            a, b = max(a, start - MAX_CONTEXT // 2), min(b, end + MAX_CONTEXT // 2)
        text = " ".join(self.text[a:b].split())
        return ("…" if a > s.start else "") + text + ("…" if b < s.end else "")


def visible(text: str) -> str:
    """The text without characters that show as nothing ("Sta\u200blin" is one word)."""
    return INVISIBLE.sub("", text) if INVISIBLE.search(text) else text


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """Lowercase, strip accents and possessives, US spellings to British, negations to 'not'."""
    w = unicodedata.normalize("NFKD", visible(word).lower().replace("’", "'"))
    w = "".join(c for c in w if not unicodedata.combining(c))
    if (
        w.endswith("n't")
        or w == "cannot"
        or (w.endswith("nt") and w[:-2] in _NT_WITHOUT_APOSTROPHE)
    ):
        return "not"
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if w.endswith("s") and w[:-1].isdigit():  # 1930s stays a decade, not a plural
        return w
    w = w.replace(",", "")
    w = _SPELLING.get(w, w)
    return _BRITISH_Z.sub(lambda m: f"{m.group(1)}s{m.group(2)}", w)


@lru_cache(maxsize=20_000)
def stem(norm: str) -> str:
    return norm if not norm.isalpha() else str(_STEMMER.stemWord(norm))


@lru_cache(maxsize=4096)
def stem_variants(norm: str) -> frozenset[str]:
    """Stems a phrase word may show up as: snowball stems some inflections differently
    ("scapegoat" but "scapegoated" -> "scapego"), so inflect the word first and stem each form."""
    if not norm.isalpha():
        return frozenset({norm})
    forms = {norm, norm + "s", norm + "es", norm + "ed", norm + "ing", norm + "d"}
    if norm.endswith("e"):
        forms.add(norm[:-1] + "ing")
    for suffix in ("ing", "ed", "es", "s"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3:
            forms.add(norm[: -len(suffix)])
    return frozenset(stem(f) for f in forms)


_BLANK_AFTER = re.compile(r"[ \t\r\f\v]*\n")
_ITEM_START = re.compile(r"[ \t]*(?:[-*•–]\s|\d{1,2}[.)]\s)")
HEADING_CHARS = 50  # a paragraph's first line this short, unpunctuated, before a capital: a heading


def _line_break_ends(text: str, at: int) -> bool:
    """Whether the newline at `at` ends a sentence: a blank line follows, the next line is a
    list item, or this line is a short unpunctuated heading that starts a paragraph and is
    followed by a capital. Any other single line break is a space (a hard-wrapped sentence)."""
    after = at + 1
    if _BLANK_AFTER.match(text, after) or _ITEM_START.match(text, after):
        return True
    nxt = _NEXT_CHAR.match(text, after)
    if not nxt:
        return True
    line_start = text.rfind("\n", 0, at) + 1
    line = text[line_start:at].strip()
    before = text[: max(0, line_start - 1)].rstrip(" \t\r")
    starts_paragraph = not before.strip() or before.endswith("\n")
    return (
        bool(line)
        and starts_paragraph
        and len(line) <= HEADING_CHARS
        and line[-1].isalnum()
        and nxt.group(1).isupper()
    )


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cut at . ! ? before a capital, digit or quote; at blank lines; and at a line break only
    where a new line starts a list item or follows a heading. A single line break inside a
    sentence is a space: text hard-wrapped (pasted from a PDF or an e-mail) reads as one line."""
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        rest = text[end : end + 3]
        if rest and not rest[0].isspace():
            continue
        nxt = _NEXT_CHAR.match(text, end)
        if nxt and nxt.group(1).islower():
            continue
        before = re.search(r"([^\W\d_]+)\.$", text[max(0, m.start() - 12) : m.start() + 1])
        if m.group().startswith(".") and before:
            word = before.group(1)
            if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        cuts.append(end)
    for m in re.finditer(r"\n", text):
        if _line_break_ends(text, m.start()):
            cuts.append(m.start())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        if cut <= start:
            continue
        chunk = text[start:cut]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((start + lead, start + len(chunk.rstrip())))
        start = cut
    return spans


@lru_cache(maxsize=50_000)
def _word(raw: str) -> tuple[str, str, bool, bool]:
    """norm, stem, content, negation of a word as written: each word is worked out once."""
    norm = fold(raw)
    negation = norm in NEGATIONS
    return norm, stem(norm), not negation and norm not in STOP_WORDS, negation


def analyse(text: str) -> EssayText:
    """Tokenise an essay: sentences, clauses within them, and a stem for every word. Invisible
    characters (zero-width spaces and joiners, soft hyphens) inside a word stay in its span
    and are dropped from its folded form: "Sta\u200blin" is one word, Stalin."""
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    clause = 0
    for s_start, s_end in _sentence_spans(text):
        first = len(tokens)
        sentence = len(sentences)
        chunk = text[s_start:s_end]
        breaks = [m.start() for m in _CLAUSE_PUNCT.finditer(chunk)]
        base = clause + 1
        extra = 0  # clause breaks made by words (but, although...) so far
        content_words = 0
        for m in _TOKEN.finditer(chunk):
            raw = m.group()
            norm, stemmed, content, negation = _word(raw)
            if norm in _CLAUSE_WORDS and m.start():
                extra += 1
            elif norm in _CONNECTORS:
                nxt = _TOKEN.search(chunk, m.end())
                if nxt and fold(nxt.group()) in _PRONOUN_STARTS:
                    extra += 1
            # Clause ids only grow, by one or more at each break, so each clause gets its own.
            clause = base + bisect_right(breaks, m.start()) + extra
            content_words += content
            tokens.append(
                Token(
                    raw, s_start + m.start(), s_start + m.end(), norm, stemmed, sentence,
                    clause, content, negation,
                )
            )  # fmt: skip
        clause = max(clause, base + len(breaks) + extra)
        stripped = chunk.rstrip("\"'”’)] ")
        line_alone = (s_start == 0 or text[s_start - 1] == "\n") and (
            s_end == len(text) or text[s_end] in "\r\n"
        )
        ended = stripped.endswith((".", "!", "?"))
        sentences.append(
            Sentence(
                start=s_start,
                end=s_end,
                first=first,
                last=len(tokens),
                question=stripped.endswith("?"),
                heading=line_alone and not ended and len(tokens) - first <= 8,
                content_words=content_words,
            )
        )
    return EssayText(text, tuple(tokens), tuple(sentences))
