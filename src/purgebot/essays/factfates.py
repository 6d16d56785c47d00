"""Wrong fates: a person the purges put to death said to have died in a camp, in exile or in
peace, or to have survived ("Yezhov was sent to a labour camp, where he died").

The person's name is followed, past nothing but linking words ("was", "eventually", "later"),
by "sent" with a camp or exile within a few words, "died" with a camp, exile or a peaceful or
natural death, or "survived" / "lived on". A sentence that also says someone was shot or
executed is left alone ("Bukharin, who survived the first trial, was shot in 1938").
"""

from __future__ import annotations

from purgebot.essays.factfigures import starts
from purgebot.essays.text import EssayText, words

# Put to death in the purges (or, Beria, after Stalin's death), with what became of them.
SHOT = {
    "yezhov": "Yezhov was arrested in April 1939 and shot in February 1940.",
    "yagoda": "Yagoda was tried at the third Moscow trial and shot in March 1938.",
    "tukhachevsky": "Tukhachevsky was tried in secret and shot in June 1937.",
    "zinoviev": "Zinoviev was tried at the first Moscow trial and shot in August 1936.",
    "kamenev": "Kamenev was tried at the first Moscow trial and shot in August 1936.",
    "bukharin": "Bukharin was tried at the third Moscow trial and shot in March 1938.",
    "rykov": "Rykov was tried at the third Moscow trial and shot in March 1938.",
    "pyatakov": "Pyatakov was tried at the second Moscow trial and shot in January 1937.",
    "beria": "Beria was arrested after Stalin's death and shot in December 1953.",
    "yegorov": "Marshal Yegorov was arrested in 1938 and shot in February 1939.",
    "blyukher": "Marshal Blyukher was arrested in 1938 and died under NKVD interrogation in "
    "November 1938.",
}
_LINKS = words(
    "was were had been eventually later then himself also finally soon afterwards in the end "
    "and just simply quietly"
)
# not "released": Bukharin was released after the first trial for lack of evidence (Swift)
_SPARED = words("acquitted pardoned spared retired")
_CAMP = ("camp", "gulag", "siberia", "exile", "kolyma", "labour", "labor", "prison")
_PEACE = ("peaceful", "natural", "old", "bed", "retire", "camp", "gulag", "exile", "siberia")
_KILLED = ("shot", "execut", "kill", "murder", "assassin")


def wrong_fates(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    if any(starts(w, _KILLED) for w in norms):
        return []
    out: list[tuple[str, str, int]] = []
    for n, w in enumerate(norms):
        if w not in SHOT:
            continue
        m = n + 1
        while m < len(norms) and norms[m] in _LINKS:
            m += 1
        if m >= len(norms):
            continue
        verb, after = norms[m], norms[m + 1 : m + 6]
        wrong = (
            verb in _SPARED
            or (verb == "sentenced" and any(x in ("years", "prison", "camp") for x in after))
            or (verb in ("sent", "exiled", "deported") and any(starts(x, _CAMP) for x in after))
            or (verb in ("died", "dies") and any(starts(x, _PEACE) for x in after))
            or verb in ("survived", "outlived")
            or (verb == "lived" and after[:1] in (["on"], ["until"], ["to"]))
        )
        if wrong:
            out.append((f"{tokens[span[n]].text} was put to death.", SHOT[w], span[n]))
    return out


_DENIED = ("purg", "arrest", "shot", "execut", "tri", "punish", "kill", "harm", "touch")
_BUT = words(
    "until before by public publicly openly show immediately straight once first right yet then but"
)


def denied_fates(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    """ "Beria was never purged", "Yezhov was not punished": one the purges put to death said to
    have escaped. Not "not shot until 1938", "never tried in public", "not arrested at first"; for
    Beria (shot only after Stalin's death) only a plain "never arrested / shot / executed"."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    for n, w in enumerate(norms):
        if w not in SHOT:
            continue
        for m in range(n + 1, min(len(norms) - 1, n + 8)):
            if norms[m] in SHOT or tokens[span[m]].text[:1].isupper():
                break
            peace = norms[m] in ("died", "dies") and any(
                starts(x, _PEACE) for x in norms[m + 1 : m + 4]
            )
            if peace:
                return [(f"{tokens[span[n]].text} was put to death.", SHOT[w], span[n])]
            if (
                norms[m] in ("not", "never")
                and starts(norms[m + 1], _DENIED)
                and not any(x in _BUT for x in norms[m + 2 : m + 6])
            ):
                if w == "beria" and not starts(norms[m + 1], ("arrest", "shot", "execut")):
                    continue
                return [(f"{tokens[span[n]].text} was put to death.", SHOT[w], span[n])]
    return []


# Whom Stalin blamed for Kirov's murder in 1934-35: the Zinoviev-Kamenev "Leningrad centre"
# (and Trotsky behind them); other leaders named as the ones blamed or arrested for it are wrong.
KIROV_BLAMED = frozenset({"zinoviev", "kamenev", "nikolayev", "nikolaev", "trotsky", "trotskyists"})
KIROV_NOT_BLAMED = frozenset(
    {"bukharin", "rykov", "tomsky", "pyatakov", "radek", "tukhachevsky", "yagoda", "ryutin"}
)
KIROV_CORRECTION = (
    "Stalin blamed Kirov's murder on Zinoviev, Kamenev and the former Left Opposition, who were "
    "arrested and jailed in 1935; Bukharin and Rykov were arrested only in 1937."
)
_BLAME = ("blam", "accus", "arrest", "charg", "guilty", "responsib", "frame", "pinned")
_LATER = words("later eventually afterwards subsequently then finally soon years next also")


def wrong_blame(essay: EssayText, span: list[int]) -> list[tuple[str, str, int]]:
    """ "Stalin blamed the murder on Bukharin and Rykov": the wrong people blamed for Kirov's
    murder (Kirov named in it or earlier in the essay); not when the sentence moves on in time
    ("later", a year after 1935)."""
    tokens = essay.tokens
    norms = [tokens[i].norm for i in span]
    if not span or not any(starts(w, ("murder", "kill", "assassin")) for w in norms):
        return []
    # "Kirov was shot in 1934. ... Stalin blamed the murder on ...": Kirov named earlier
    earlier = any(tokens[i].norm == "kirov" for i in range(span[0]))
    if "kirov" not in norms and not (earlier and "trotsky" not in norms):
        return []
    if not any(starts(w, _BLAME) for w in norms) or any(w in _LATER for w in norms):
        return []
    if any(w.isdigit() and len(w) == 4 and w not in ("1934", "1935") for w in norms):
        return []
    wrong = [n for n, w in enumerate(norms) if w in KIROV_NOT_BLAMED]
    if not wrong:
        return []
    return [("The wrong people are blamed for Kirov's murder.", KIROV_CORRECTION, span[wrong[0]])]
