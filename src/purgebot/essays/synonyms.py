"""Paraphrase: the keys a word is found by beyond its own stem.

A point made in plain words should count. Three things widen what a phrase's word finds:

- word families and synonyms: the groups below ("criticism" finds "criticise", "distrusted"
  finds "mistrusted", "signed" finds "approved" and "authorised"). Groups are kept narrow: a
  word joins one only where a teacher would accept either in every phrase of the banks;
- he / him / his / himself stand for the person named last before them in the same sentence,
  else the first person the sentence before names or means (its subject, most often: "Stalin
  rose after Lenin died. He launched..."), else the person the prompt asks about ("he drafted
  the order" in an essay on Yezhov);
- every key is looked up in the index the essay builds once (`purgebot.essays.detect`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from purgebot.essays.text import EssayText, analyse, fold, stem, stem_variants

# Each line is one group: any of its words finds any other; a line starting "+" goes on the last.
_GROUPS = """
criticise criticised criticism criticisms critic critics critical
paranoia paranoid
distrust distrusted mistrust mistrusted
suspicious suspicion suspected suspect suspects
kill killed killing shoot shot shooting executed execute execution executions
+ murder murdered assassinated assassination
arrest arrested arrests detained imprisoned jailed
sign signed approve approved authorise authorised authorisation sanctioned endorsed
write wrote written draft drafted drew
head chief boss bosses leader
army military
rival rivals opponent opponents
remove removed eliminate eliminated
overthrow overthrown topple oust depose
plot plots conspiracy conspiracies conspired
invented fabricated falsified faked fake forged made-up
fear feared afraid scared frightened terrified worried
blame blamed fault
beat beaten beating beatings torture tortured
family families relatives
regions region regional provinces provincial
quota quotas
spy spies spying espionage
links link contacts ties connections
report reports story stories
pretext excuse
use used exploit exploited
fail failed failure failures
job jobs posts
denounce denounced denunciation denunciations
general generals commander commanders
everyone everybody
anyone anybody
lose losing lost slipping
"""
_PRONOUNS = frozenset({"he", "him", "his"})
# After a name the bank does not know ("Robespierre was overthrown. He was guillotined") a
# pronoun means that other person: a capitalised word before one of these.
_NAMED_BEFORE = frozenset({"was", "had", "is", "has", "said", "wrote", "argued", "claimed"})
_UNKNOWN = "?"


@lru_cache(maxsize=1)
def _group_of() -> dict[str, str]:
    """Stem -> group key ("=" and the group's first word), for every form of a group's words."""
    out: dict[str, str] = {}
    key = ""
    for line in _GROUPS.strip().splitlines():
        members = line.split()
        if members[0] == "+":
            members = members[1:]
        else:
            key = "=" + members[0]
        for word in members:
            for variant in (stem(fold(word)), *stem_variants(fold(word))):
                out.setdefault(variant, key)
    return out


@lru_cache(maxsize=1)
def _people() -> dict[str, str]:
    """Folded spellings of the people essays name -> the stem of the canonical name."""
    from purgebot.essays.evidence import KNOWN_PEOPLE

    out: dict[str, str] = {}
    for name, variants in KNOWN_PEOPLE.items():
        for spelling in (name, *variants):
            out[fold(spelling)] = stem(fold(name))
    return out


@lru_cache(maxsize=8192)
def word_keys(norm: str) -> frozenset[str]:
    """The keys a phrase word looks up: its stems, and its group's key when it has one."""
    stems = stem_variants(norm)
    groups = _group_of()
    return stems | {groups[s] for s in stems if s in groups}


def magnitude(norm: str) -> str | None:
    """'#6' for a number from 100,000 to 999,999 and so on; None below 10,000 (years stay
    years) and for anything not a number."""
    digits = norm.replace(",", "").split(".")[0]
    if not digits.isdigit() or len(digits) < 5:
        return None
    return f"#{len(digits.lstrip('0'))}"


def person_in(text: str) -> str | None:
    """The stem of the first known person a text names ("Yezhov" in a prompt), or None."""
    people = _people()
    for tok in analyse(text).tokens:
        if tok.norm in people:
            return people[tok.norm]
    return None


def _other_name(essay: EssayText, n: int) -> str | None:
    """`_UNKNOWN` where token n names someone the bank does not know, else None."""
    from purgebot.essays.evidence import _NOT_PEOPLE

    tok = essay.tokens[n]
    if not (tok.text[:1].isupper() and tok.norm.isalpha()) or not tok.content:
        return None
    if tok.norm in _NOT_PEOPLE or tok.norm in _group_of() or len(tok.norm) < 3:
        return None
    nxt = essay.tokens[n + 1].norm if n + 1 < len(essay.tokens) else ""
    return _UNKNOWN if nxt in _NAMED_BEFORE else None


def family(essay: EssayText, subject: str | None) -> Iterator[tuple[int, str]]:
    """(token index, key) for every key an essay's token is found by (see the module rules)."""
    groups, people = _group_of(), _people()
    sentence = -1
    last_here: str | None = None  # the person named last in this sentence, and in which clause
    last_clause = -1
    first_here: str | None = None  # the first person this sentence names or means
    first_before: str | None = None  # the same for the sentence before
    for n, tok in enumerate(essay.tokens):
        if tok.sentence != sentence:
            first_before = first_here if tok.sentence == sentence + 1 else None
            sentence, last_here, first_here = tok.sentence, None, None
        yield n, tok.stem
        group = groups.get(tok.stem)
        if group:
            yield n, group
        person = people.get(tok.norm) or _other_name(essay, n)
        if person is None and tok.norm in _PRONOUNS:
            # "Stalin blamed him": an object pronoun is not the subject of its own clause.
            # Nor, for the same reason, the person named earlier in its clause ("the real boss
            # was Stalin and not him. Stalin put the blame on him": him is not Stalin).
            not_him = last_here if tok.norm == "him" and last_clause == tok.clause else None
            here = None if not_him else last_here
            person = next((p for p in (here, first_before, subject) if p and p != not_him), None)
            if person and person != _UNKNOWN:
                yield n, person
        if person:
            last_here, last_clause = person, tok.clause
            first_here = first_here or person
