"""More dismissal cues for `purgebot.essays.stance` (issue 15), kept apart to keep modules small.

- alleged: "X is supposed to have / said to have done Y", "allegedly", "reportedly" - the
  writer passes a claim on without making it;
- biased source: "..., so of course he would say that" - the writer sets a reported claim aside
  because of who made it;
- a poor verdict in a clause that answers the one before: "but that is just an excuse for
  Stalin", "but that sounds far-fetched" - an "excuse" is poor only when it is an excuse for
  someone ("an excuse for Stalin", "an excuse made up", "just an excuse"), never when it is the
  point ("an excuse to arrest his rivals", "an excuse for the arrests");
- a sentence that rejects the one before: opening with "Rubbish," / "Nonsense." / "Not true.",
  or calling "that / this / it" something to take with a pinch (grain) of salt or made up;
- "if that is (even) true", "who knows what it was", "don't ask me", "but who cares", "but so
  what", "if you believe the textbook", "I have my doubts", "but there is no proof of it", "but
  it does not convince me", "but that theory doesn't hold up", "just a theory", "a stretch";
- a claim handed on: "..., so my textbook claims", "..., or that is what the book claims", "- at
  least that's the theory" (with `vague`, the general vague namings stance reads);
- a writer's report of what "that" was, told by someone else ("My teacher said that in class,
  but I never saw any proof"): the cue in it reaches the sentence before.
"""

from __future__ import annotations

from purgebot.essays.text import Token, words

_BACK = words("that this it")
ALLEGED = words("allegedly reportedly")
_ALLEGING = words("supposed said meant thought believed rumoured rumored reported alleged")
_WOULD_SAY = words("say claim think argue")
# Calling a claim poor, after "that / this / it" and within a few words of them.
POOR = words(
    "exaggerated overrated overstated overblown myth myths wrong false unlikely nonsense rubbish "
    "doubtful dubious questionable far-fetched fetched unproven lie lies propaganda invented "
    "made-up baloney garbage debatable stretch simplistic"
)
_BETWEEN = words(
    "is was be been seems seemed sounds sounded looks looked feels just only a an like really "
    "simply probably all total complete completely pure a bit of kind sort more most the to me "
    "basically clearly obviously far load lot pile too"
)
# Said of "that / this / it" opening a sentence, these reject the sentence before. Not "It was
# propaganda / wrong / false / a myth": "The official reason was a plot of traitors. This was
# obviously false." makes the point of the official story while denying the story itself.
_BLUNT = words(
    "rubbish nonsense baloney garbage fetched overblown debatable dubious doubtful questionable "
    "unproven"
)
_LEADS = words("personally honestly i think believe reckon feel but")
_OPENERS = words("rubbish nonsense untrue wrong codswallop rot")
_PERSONS = words("stalin him them me his yezhov")
_TELLING = words("say says said told taught mentioned claimed claims claim wrote writes")


def doubt_phrase(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """ "if that is (even) true", "who knows what it was", "don't ask me what it was"."""
    norm = tokens[i].norm
    nxt = [tokens[j].norm for j in range(i + 1, min(end, i + 5))]
    if norm == "if" and nxt[:1] and nxt[0] in _BACK:
        rest = [w for w in nxt[1:] if w not in ("is", "was", "even", "really", "actually")]
        return rest[:1] == ["true"]
    if norm == "who" and nxt[:1] in (["knows"], ["cares"]):
        return True  # "who knows what it was", "but who cares"
    if (
        norm == "so"
        and nxt[:1] == ["what"]
        and (i + 2 >= end or tokens[i + 2].clause != tokens[i].clause)
    ):
        return True  # "..., but so what."
    if norm == "if" and nxt[:1] == ["you"] and nxt[1:2] and nxt[1] in ("believe", "trust", "buy"):
        return True  # "..., if you believe the textbook"
    if norm == "doubts" and i and tokens[i - 1].norm in ("my", "some", "serious", "real", "big"):
        return True  # "I have my doubts"
    if (norm in ("all", "much") and nxt[:2] == ["i", "know"]) or nxt[:3] == ["as", "i", "know"]:
        return True  # "That's all I know.", "That is as much as I know about it."
    if norm == "not" and nxt[:1] == ["that"] and nxt[1:2] and nxt[1] in _BACK:
        return nxt[2:3] != [] and nxt[2] in (
            "matters",
            "mattered",
            "matter",
        )  # "not that it matters"
    before = [tokens[j].norm for j in range(max(0, i - 3), i)]
    if norm == "wrong" and before[-1:] == ["be"] and any(w in ("i", "i'm") for w in before):
        return True  # "I might be wrong", "I could be wrong though"
    if norm in ("mixing", "mixed", "confusing", "muddling") and nxt[1:2] == ["up"]:
        return True  # "I might be mixing it up with something else"
    if (
        norm == "quote"
        and nxt[:1] == ["me"]
        and any(tokens[j].negation for j in range(max(0, i - 2), i))
    ):
        return True  # "don't quote me on that"
    if (
        norm == "only"
        and before[-1:] == ["i"]
        and nxt[:1]
        and nxt[0] in ("know", "knew", "remember")
    ):
        return True  # "which I only know the name of"
    if norm in ("escape", "escapes") and nxt[:1] == ["me"]:
        return True  # "the details of which escape me"
    if norm == "over" and nxt[:2] == ["my", "head"]:
        return True  # "that went over my head"
    negated = any(
        tokens[j].negation or tokens[j].norm in ("little", "scant", "hardly")
        for j in range(max(0, i - 3), i)
    )
    if negated and norm in ("proof", "evidence") and nxt[:1] in (["of"], ["for"]):
        return nxt[1:2] != [] and nxt[1] in _BACK  # "but there is no proof of it"
    if negated and norm in ("convince", "convinces", "persuade", "persuades"):
        return nxt[:1] == ["me"]  # "but it does not convince me"
    if negated and norm == "hold" and nxt[:1] == ["up"]:
        return True  # "but that theory doesn't hold up"
    return norm == "ask" and nxt[:1] == ["me"] and i > 0 and tokens[i - 1].negation


def alleged(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """ "supposed to have", "said to have", "allegedly": a claim passed on, not made."""
    if tokens[i].norm in ALLEGED:
        return True
    nxt = [tokens[j].norm for j in range(i + 1, min(end, i + 3))]
    return (
        tokens[i].norm in _ALLEGING
        and nxt == ["to", "have"]
        and i > 0
        and (tokens[i - 1].norm in ("is", "was", "are", "were", "been"))
    )


def biased(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """ "..., so of course he would say that": the source's bias sets its claim aside."""
    nxt = [tokens[j].norm for j in range(i + 1, min(end, i + 3))]
    return (
        tokens[i].norm == "would"
        and len(nxt) == 2
        and nxt[0] in _WOULD_SAY
        and nxt[1] in ("that", "so", "this", "it")
        and (i + 3 >= end or tokens[i + 3].clause != tokens[i].clause)
    )


def _poor_excuse(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    nxt = [
        tokens[j].norm
        for j in range(i + 1, min(end, i + 3))
        if tokens[j].clause == tokens[i].clause
    ]
    if not nxt:
        return True  # "that is just an excuse."
    if nxt[0] == "made":
        return True  # "an excuse made up for Stalin"
    return nxt[0] in ("for", "to") and len(nxt) > 1 and nxt[1] in _PERSONS


def poor_verdict(tokens: tuple[Token, ...], i: int, start: int, end: int) -> bool:
    """ "that / this / it" then, a few words on, a word calling it poor, with no negation."""
    norm = tokens[i].norm
    if norm == "excuse":
        if not _poor_excuse(tokens, i, end):
            return False
    elif norm in ("theory", "guess", "speculation", "assumption", "opinion"):
        # "but it is just a theory", not "but that theory ..." (a subject)
        if not any(
            tokens[j].norm in ("just", "only", "merely") for j in range(max(start, i - 3), i)
        ):
            return False
    elif norm == "simple":  # "but that's too simple"
        if tokens[i - 1].norm != "too":
            return False
    elif norm not in POOR:
        return False
    j = i - 1
    while j >= start and i - j <= 6 and tokens[j].clause == tokens[i].clause:
        if tokens[j].negation:
            return False
        if tokens[j].norm in _BACK:
            return True
        if tokens[j].norm not in _BETWEEN:
            return False
        j -= 1
    return False


def rejects_previous(tokens: tuple[Token, ...], first: int, last: int, reported: bool) -> bool:
    """A sentence that rejects the one before: "Rubbish, he killed thousands.", "Not true.",
    "I would take that with a pinch of salt.", "That is probably made up." """
    if last <= first:
        return False
    head = [t for t in tokens[first:last] if t.clause == tokens[first].clause]
    norms = [t.norm for t in head]
    if norms in (["not", "true"], ["not", "really"], ["hardly"], ["untrue"]):
        return True
    # "That's a load of rubbish."; of a claim reported, "Personally, I think that's wrong."
    lead = first
    while reported and lead < last and tokens[lead].norm in _LEADS:
        lead += 1
    opener = lead < last and tokens[lead].norm in _BACK
    blunt = _BLUNT | POOR if reported else _BLUNT
    if opener and any(
        tokens[k].norm in blunt and poor_verdict(tokens, k, first, last)
        for k in range(lead, last)
        if tokens[k].clause == tokens[lead].clause
    ):
        return True
    if len(norms) <= 2 and norms[-1] in _OPENERS:  # "Rubbish, ...", "Total nonsense."
        return True
    for k in range(first, last):
        t = tokens[k]
        if t.norm == "salt" and [x.norm for x in tokens[max(first, k - 2) : k]] in (
            ["pinch", "of"],
            ["grain", "of"],
        ):
            return any(x.norm in _BACK for x in tokens[first:k])
        if t.norm == "made" and k + 1 < last and tokens[k + 1].norm == "up":
            clause = [x for x in tokens[first:k] if x.clause == t.clause]
            if any(x.norm in _BACK for x in clause) and not any(x.negation for x in clause):
                return True
    return False


def told_of_that(tokens: tuple[Token, ...], part: list[int]) -> bool:
    """ "My teacher said that in class": a report whose object is the sentence before."""
    for n, j in enumerate(part[:-1]):
        if tokens[j].norm in _TELLING:
            k = part[n + 1]
            if tokens[k].norm not in _BACK:
                continue
            after = part[n + 2 : n + 3]
            if not after or tokens[after[0]].norm in ("in", "at", "too", "once", "to", "as"):
                return True
    return False


# "I don't think that explains it": a verdict on the clause before, not a claim of its own.
_VERDICT_VERBS = words(
    "is was explains explained matters mattered proves proved shows showed makes made helps "
    "helped works worked counts means meant adds fits holds justifies"
)


def claims_after(tokens: tuple[Token, ...], j: int, end: int, empty: frozenset[str]) -> bool:
    """The clause after a thinking verb at j says something of its own ("I don't think he
    trusted anyone"), not just "so", "that mattered" or "that explains it"."""
    rest = [t for t in tokens[j + 1 : end] if t.clause == tokens[j].clause]
    if rest[:1] and rest[0].norm in ("it", "this") and len(rest) <= 4:
        return False
    if len(rest) > 1 and rest[0].norm in _BACK and rest[1].norm in _VERDICT_VERBS:
        return False
    return any(t.content and t.norm not in empty for t in rest)


KNOWING = words(
    "know knew understand understood remember remembered recall recalled see saw seen get got "
    "gotten grasp grasped follow sure certain idea clue say tell explain work worked figure "
    "figured comprehend comprehended fathom learned learnt found clear"
)
THINKING = words("think believe agree accept buy buying convinced persuaded swallow")
DOUBT = words(
    "doubt unsure unclear forget forgot forgotten disagree sceptical skeptical unconvinced "
    "confused puzzled lost fuzzy hazy"
)
REPORTING = words(
    "say says said claim claims claimed argue argues argued suggest suggests suggested "
    "believe believes believed think thinks thought call calls called according"
)


def vague(tokens: tuple[Token, ...], i: int, end: int) -> bool:
    """A vague naming: "something called X", "some kind of X", "something to do with X",
    "X or something", "X or whatever", "apparently", and the cues of this module's rules."""
    norm = tokens[i].norm
    nxt = [tokens[j].norm for j in range(i + 1, min(end, i + 4))]
    if norm in ("apparently", "supposedly") or alleged(tokens, i, end):
        return True
    if doubt_phrase(tokens, i, end):
        return True
    before = [tokens[j].norm for j in range(max(0, i - 4), i)]
    if norm == "sense" and "not" in before and any(w.startswith("mak") for w in before):
        return True  # "it didn't make much sense to me"
    if (
        norm in ("hard", "difficult")
        and nxt[:1] == ["to"]
        and nxt[1:2]
        and (nxt[1] in KNOWING or nxt[1] in THINKING)
    ):
        return True  # "I find it hard to believe", "difficult to understand"
    if norm in ("beyond", "confuses", "confused", "lost") and nxt[:1] == ["me"]:
        return True  # "what it did is beyond me", "it confuses me", "that's lost on me"
    if norm == "on" and i > 0 and tokens[i - 1].norm == "lost" and nxt[:1] == ["me"]:
        return True
    own = [t.norm for t in tokens[i:end] if t.clause == tokens[i].clause]
    if (
        norm == "so"
        and i
        and tokens[i - 1].clause != tokens[i].clause
        and tokens[i - 1].norm != "or"
    ):
        return len(own) <= 4 and own[-1] in REPORTING  # "..., so my textbook claims."
    if (norm == "or" and nxt[:1] in (["so"], ["that"], ["this"])) or (
        norm == "at" and nxt[:1] == ["least"]
    ):
        # "..., or so my textbook says", "..., or at least that's what people say", "..., so
        # my textbook claims", "- at least that's the theory"
        near = {tokens[i].clause, tokens[min(i + 1, end - 1)].clause}
        rest = [tokens[j].norm for j in range(i + 1, end) if tokens[j].clause in near]
        return any(w in REPORTING or w in ("theory", "story", "idea") for w in rest[:6])
    if norm == "something" and nxt[:1] in (["called"], ["like"]):
        return True
    if norm == "something" and nxt[:3] == ["to", "do", "with"]:
        return True
    if norm == "some" and nxt[:2] in (["kind", "of"], ["sort", "of"]):
        return True
    return (
        norm == "or"
        and nxt[:1] in (["something"], ["whatever"])
        and (i + 2 >= end or tokens[i + 2].clause != tokens[i].clause)
    )


_CHARGES = ("accus", "charg", "confess", "official", "convict", "implicat")
# The regime and its spokesmen (not its critics: "Khrushchev said it was all paranoia" is a
# reading of the Terror a writer may doubt).
_REGIME = words(
    "regime government nkvd prosecutor prosecution pravda authorities party soviet stalin "
    "vyshinsky yezhov molotov beria kaganovich"
)
_CLAIMING = words("claimed claims claim said says insisted announced declared alleged")


def regime_claim(tokens: tuple[Token, ...], first: int, last: int) -> bool:
    """The sentence tells of a charge or a claim made by the regime or its spokesmen
    ("were accused of taking orders from Trotsky", "Stalin claimed the assassin belonged to the
    opposition"), not a historian's or a book's idea."""
    for k in range(first, last):
        norm = tokens[k].norm
        if norm.startswith(_CHARGES):
            return True
        if norm in _CLAIMING and any(
            tokens[j].norm in _REGIME for j in range(max(first, k - 3), k)
        ):
            return True
    return False
