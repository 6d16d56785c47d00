"""Who did what, for `purgebot.essays.facts`: a post a person never held ("Vyshinsky, head of
the NKVD"), a defendant at the wrong trial, the wrong successor to Kirov, the wrong killer."""

from __future__ import annotations

from purgebot.essays import factdata as fd
from purgebot.essays.factfigures import starts
from purgebot.essays.text import Token, words

_COPULA = words(
    "was were is became become becomes who had has been made appointed as a an the of later then "
    "now also new state chief head leader boss ran led headed in charge soviet secret political "
    "people commissar for"
)
_HEADS = ("head", "chief", "leader", "boss", "ran", "led", "charge")
_ROLES = {"defence": ("commissar",), "defense": ("commissar",)}  # "led the defence" is no post


def post(tokens: tuple[Token, ...], i: int, words_: list[str]) -> list[tuple[str, str, int]]:
    """ "Vyshinsky, head of the NKVD", "Yezhov was the prosecutor": a post the person never
    held; only copular words and the post's own words may stand between."""
    for m, w in enumerate(words_):
        if w in fd.POSTS:
            roles = _ROLES.get(w, _HEADS)
            role = w == "prosecutor" or any(starts(x, roles) for x in words_[: m + 2])
            if (
                role
                and all(x in _COPULA for x in words_[:m])
                and (tokens[i].norm not in fd.POSTS[w])
            ):
                claim = f"{tokens[i].text} did not hold that post."
                return [(claim, fd.POST_CORRECTIONS[w], i)]
            return []
        if w not in _COPULA:
            return []
    return []


_DEFENDANT = ("tri", "accus", "defendant", "charg", "condemn", "sentenc", "appear", "dock")
_LINKS = words(
    "and was were also then later both had been put on in at the that this same very who himself"
)


def which_trial(norms: list[str], n: int, i: int) -> list[tuple[str, str, int]]:
    """ "Bukharin was tried at the first show trial": a defendant at the wrong one of the three
    trials; only the defendants, links and the verb may stand before the ordinal."""
    accused = {name for names in fd.TRIALS.values() for name in names}
    if norms[n] not in accused or (n and norms[n - 1] in accused):
        return []
    names = {norms[n]}
    verb = False
    for m in range(n + 1, min(len(norms), n + 10)):
        w = norms[m]
        if w in accused:
            names.add(w)
        elif starts(w, _DEFENDANT):
            verb = True
        elif w in fd.TRIALS and verb and "trial" in norms[m + 1 : m + 4]:
            if not names <= fd.TRIALS[w]:
                return [("A defendant is put at the wrong trial.", fd.TRIALS_CORRECTION, i)]
            return []
        elif w not in _LINKS and w not in ("show", "moscow"):
            return []
    return []


def trial_then_accused(norms: list[str], span: list[int]) -> list[tuple[str, str, int]]:
    """ "The third show trial, where Zinoviev and Kamenev were tried", "At the second show trial
    Bukharin was sentenced": the one trial named, then defendants said to be tried there (each
    name followed by "was / were" and a defendant's verb, not "Bukharin denounced ...")."""
    ordinals = [
        m for m, w in enumerate(norms) if w in fd.TRIALS and "trial" in norms[m + 1 : m + 4]
    ]
    if len(ordinals) != 1:
        return []
    m = ordinals[0]
    accused = {name for names in fd.TRIALS.values() for name in names}
    names: set[str] = set()
    for k in range(m + 2, min(len(norms) - 1, m + 14)):
        w = norms[k]
        if w in accused:
            names.add(w)
        elif names and w in ("was", "were") and starts(norms[k + 1], _DEFENDANT):
            if names <= fd.TRIALS[norms[m]]:
                return []
            return [("A defendant is put at the wrong trial.", fd.TRIALS_CORRECTION, span[k])]
        elif names and w != "and":
            return []
    return []


_TOOK = words("given got took take takes inherited handed")
_POST = words("post job place position role seat")
_WENT = words("went passed fell handed given")


def took_post_of(norms: list[str], n: int, owners: frozenset[str] = frozenset()) -> bool:
    """ "Beria was given Kirov's post", "Beria replaced Kirov", "Kirov was succeeded by Beria":
    the person at n named as Kirov's successor."""
    # "Khrushchev, one of Stalin's loyal friends, was given Kirov's job": past an aside, not
    # past another person ("Khrushchev saw Zhdanov take Kirov's post")
    after, before = norms[n + 1 : n + 10], norms[max(0, n - 4) : n]
    if "kirov" in after:
        k = after.index("kirov")
        if any(w in fd.KNOWN_PEOPLE and w not in owners for w in after[:k]):
            return False
        verbs = after[:k]
        if after[k + 1 : k + 2] and after[k + 1] in _POST and any(w in _TOOK for w in verbs):
            return True
        return bool(verbs) and starts(verbs[-1], ("replac", "succeed")) and "by" not in verbs
    if before[-2:-1] and before[-2] in _WENT and before[-1] == "to" and "kirov" in norms[:n]:
        # "After Kirov's death his place as Leningrad party boss went to Khrushchev"
        return any(w in _POST for w in norms[norms.index("kirov") : n - 2])
    if "kirov" in before and before[-1:] == ["by"]:
        k = len(before) - 1 - before[::-1].index("kirov")
        return any(starts(w, ("replac", "succeed")) for w in before[k + 1 :])
    return False


def killed_by(tokens: tuple[Token, ...], span: list[int], n: int) -> list[tuple[str, str, int]]:
    """ "Kirov was killed by Trotsky": a known person named as the one who killed him."""
    norms = [tokens[i].norm for i in span]
    victim = norms[n]
    for m in range(n + 1, min(len(norms) - 1, n + 6)):
        if starts(norms[m], fd.KILLED_WORDS) and norms[m + 1] == "by":
            rest = norms[m + 2 : m + 5]
            named = [w for w in rest if w in fd.KNOWN_PEOPLE or w in fd.KILLERS[victim]]
            if named and named[0] not in fd.KILLERS[victim] and named[0] != victim:
                claim = f"The wrong person is named as {tokens[span[n]].text}'s killer."
                return [(claim, fd.KILLER_CORRECTIONS[victim], span[n])]
            return []
    return []
