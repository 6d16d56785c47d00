"""What of a sentence the fact checks read as claimed (`purgebot.essays.facts`): a negation
denies the claim of its own clause, not one before a later "once / when / and / but" clause;
a hedge between commas ("as far as we know") is no break in a clause; after a denied clause, a
clause a connective opens ("which is why ...") is claimed again."""

from __future__ import annotations

from purgebot.essays.text import Token, words


def denies(tokens: tuple[Token, ...], i: int) -> bool:
    """A negation, but not "No." before a number ("Order No. 00447")."""
    number = i + 1 < len(tokens) and tokens[i + 1].norm[:1].isdigit()
    return tokens[i].negation and not (tokens[i].norm == "no" and number)


# Words that say nothing about what is claimed: "Bukharin was actually tried at ...".
INTENSIFIERS = frozenset(("actually", "really", "indeed", "truly", "certainly", "definitely"))
_SUBORDINATORS = frozenset(
    (
        "once",
        "when",
        "because",
        "since",
        "as",
        "although",
        "though",
        "while",
        "until",
        "now",
        "and",
        "but",
        "yet",
        "so",
    )
)


def negated_aside(tokens: tuple[Token, ...], span: list[int]) -> frozenset[int]:
    """ "Yezhov was arrested in 1935, once the purges were no longer needed": a negation in a
    later clause that a subordinator opens is about that clause, not the claim before it; the
    clause is set aside and the negation denies nothing."""
    if not span:
        return frozenset()
    head = tokens[span[0]].clause
    out: set[int] = set()
    clause = -1
    opened = False
    for i in span:
        if tokens[i].clause != clause:
            clause = tokens[i].clause
            opened = clause != head and tokens[i].norm in _SUBORDINATORS
        if opened:
            out.add(i)
    if not any(denies(tokens, i) for i in out):
        return frozenset()
    return frozenset(i for i in out if _clause_denied(tokens, out, tokens[i].clause))


def _clause_denied(tokens: tuple[Token, ...], aside: set[int], clause: int) -> bool:
    return any(denies(tokens, j) for j in aside if tokens[j].clause == clause)


_HEDGE_WORDS = words(
    "as so far we i you know knew think believe can tell see it seems appears is was of course "
    "understand remember recall"
)


def without_hedges(
    tokens: tuple[Token, ...], clauses: dict[int, list[int]]
) -> dict[int, list[int]]:
    """ "Tukhachevsky was, as far as we know, shot in 1941": a hedge set between commas inside a
    clause is dropped, and the clause's two halves are read as one."""
    out: dict[int, list[int]] = {}
    keys = list(clauses)
    k = 0
    while k < len(keys):
        part = clauses[keys[k]]
        out[keys[k]] = list(part)
        hedge = k + 2 < len(keys) and all(
            tokens[j].norm in _HEDGE_WORDS for j in clauses[keys[k + 1]]
        )
        if hedge and tokens[part[-1]].norm in ("was", "were", "had", "is", "has"):
            out[keys[k]] += clauses[keys[k + 2]]
            k += 3
            continue
        k += 1
    return out


def after_denial(tokens: tuple[Token, ...], kept: list[int]) -> list[int]:
    """ "Stalin could not trust the army, which is why Tukhachevsky was arrested in 1936": the
    clauses after the last denied one, when a connective opens them, are claimed."""
    denied = [tokens[i].clause for i in kept if denies(tokens, i)]
    rest = [i for i in kept if denied and tokens[i].clause > max(denied)]
    return rest if rest and tokens[rest[0]].norm in ("which", "so", "and", "but") else []
