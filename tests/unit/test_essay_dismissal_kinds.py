"""Kinds of dismissal a student uses (issue 15, round 5): each kind of wording, not one sentence.
A claim passed on ("is supposed to have"), a source's bias ("he would say that"), a poor
verdict ("just an excuse for Stalin", "far-fetched"), a sentence that rejects the one before
("Rubbish, ...", "a pinch of salt"), a teacher's word doubted, never working out or seeing
what it was; and the sound sentences that look like them and must still earn credit."""

from __future__ import annotations

import pytest
from tests.conftest import ROOT
from tests.unit.test_essay_dismissal import covered

from purgebot.banks.loader import load_bank_dir
from purgebot.essays import check_essay


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # a claim passed on, not made
        ("Stalin is supposed to have signed Order 00447 himself.", "order"),
        ("Kirov's murder was said to have been a pretext for the arrests.", "pretext"),
        ("Stalin allegedly signed Order 00447 in person.", "order"),
        # the source's bias sets its claim aside
        ("Trotsky called Stalin paranoid, but he hated Stalin, so of course he would say that.",
         "paranoia"),
        ("Khrushchev said Stalin was paranoid. Well, he would say that.", "paranoia"),
        # a poor verdict in the clause that answers the one before
        ("Some link the murder to a pretext, but that is just an excuse for Stalin if you ask me.",
         "pretext"),
        ("Historians say he used a pretext, but that sounds like an excuse made up for Stalin.",
         "pretext"),
        ("Books say Stalin was paranoid, but that sounds far-fetched to me.", "paranoia"),
        ("Stalin was paranoid, but this is probably propaganda from his enemies.", "paranoia"),
        # a sentence that rejects the one before
        ("We were told in class that Stalin was paranoid. Rubbish, he knew exactly what he did.",
         "paranoia"),
        ("Stalin signed Order 00447 himself. I would take that with a pinch of salt.", "order"),
        ("Stalin signed Order 00447 himself. It sounds like the kind of thing that gets made up.",
         "order"),
        ("By 1936 Stalin was paranoid about the people around him. Not true.", "paranoia"),
        # never worked out, never saw, a teacher's word doubted
        ("Then there is the pretext for the arrests. I never worked out what that meant.",
         "pretext"),
        ("Then there is the thing about Stalin signing Order 00447 himself. My teacher said that "
         "in class but honestly I never saw any proof of it.", "order"),
        ("Stalin signed Order 00447, if that is even true.", "order"),
        ("Stalin signed Order 00447, and who knows what it said.", "order"),
        ("Stalin signed Order 00447, but don't ask me what it was about.", "order"),
        # not caring, a condition on believing, doubts, proof denied, a theory that fails
        ("Stalin signed Order 00447, whatever that actually means.", "order"),
        ("Stalin signed Order 00447. Don't ask me what it was about.", "order"),
        ("Stalin signed Order 00447, but who cares.", "order"),
        ("Stalin signed Order 00447, but so what.", "order"),
        ("Stalin signed Order 00447, if you believe the textbook.", "order"),
        ("Stalin signed Order 00447, or that is what the book claims anyway.", "order"),
        ("Kirov's murder was a pretext, or so they say.", "pretext"),
        ("Kirov's murder was a pretext, so my textbook claims.", "pretext"),
        ("The murder was used as a pretext - at least that's the theory.", "pretext"),
        ("The book says Stalin was paranoid. I have my doubts.", "paranoia"),
        ("Some claim Stalin was paranoid, which seems unlikely to me.", "paranoia"),
        ("Stalin was paranoid, according to some, but that is debatable.", "paranoia"),
        ("Stalin's paranoia gets mentioned a lot, but there is no proof of it.", "paranoia"),
        ("Stalin's paranoia is a popular idea, but it is just a theory.", "paranoia"),
        ("Kirov's murder was a pretext, as they say, but honestly it does not convince me.",
         "pretext"),
        ("The murder was used as a pretext, but that seems a stretch to me.", "pretext"),
        ("The murder was used as a pretext, but that theory doesn't hold up.", "pretext"),
        ("The murder was used as a pretext, but I find that hard to swallow.", "pretext"),
        # not clear, fuzzy, over my head, escapes me, never found out, not buying it
        ("Stalin signed Order 00447, but I'm a bit fuzzy on what it actually did.", "order"),
        ("Stalin signed Order 00447, but I'm not clear what it was.", "order"),
        ("Stalin signed Order 00447, but that went over my head.", "order"),
        ("Stalin signed Order 00447, the details of which escape me.", "order"),
        ("Stalin signed Order 00447 - I never found out what that was.", "order"),
        ("People claim Stalin was paranoid. I'm not buying it.", "paranoia"),
        ("People claim Stalin was paranoid. That's a load of rubbish.", "paranoia"),
        ("People claim Stalin was paranoid, but there's little evidence for that.", "paranoia"),
        ("They say the murder was a pretext, but honestly, I don't get it.", "pretext"),
        # all the writer knows is the name; doubting their own memory; playing it down
        ("Stalin signed Order 00447, which I only know the name of.", "order"),
        ("Stalin signed Order 00447. That's all I know.", "order"),
        ("Stalin signed Order 00447. That is as much as I know about it.", "order"),
        ("Stalin signed Order 00447, but I can't say more than that.", "order"),
        ("Stalin signed Order 00447, though I might be wrong.", "order"),
        ("Stalin signed Order 00447, I could be wrong though.", "order"),
        ("Stalin signed Order 00447, but I might be mixing it up with something else.", "order"),
        ("Stalin signed Order 00447 - don't quote me on that.", "order"),
        ("Stalin signed Order 00447, if I remember right, but I'm not certain.", "order"),
        ("Stalin signed Order 00447 I believe, not that it matters.", "order"),
        ("Stalin signed Order 00447, but it's not that important.", "order"),
        ("Stalin signed Order 00447. Not sure it matters though.", "order"),
        ("Paranoia is the usual answer, but it's too simple.", "paranoia"),
        ("Many say paranoia drove him. Personally, I think that's wrong.", "paranoia"),
        ("Many say paranoia drove him. I think that's overstated.", "paranoia"),
        # "I don't think ..." after a reported claim still sets the claim aside
        ("People say Stalin was paranoid, but I don't think he feared anyone at all.",
         "paranoia"),
    ],
)  # fmt: skip
def test_each_kind_of_dismissal_earns_nothing(text: str, point: str) -> None:
    assert point not in covered(text), text


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("Stalin was supposed to sign every list, and he signed Order 00447 himself.", "order"),
        ("Stalin signed Order 00447 himself, so the NKVD would say it came from the top.",
         "order"),
        ("Kirov's murder was used as a pretext, an excuse to arrest his rivals.", "pretext"),
        ("Kirov's murder gave him an excuse for the arrests, a pretext he had waited for.",
         "pretext"),
        ("Stalin was paranoid, and the show trials were propaganda.", "paranoia"),
        ("Stalin signed Order 00447. It was not made up by the NKVD.", "order"),
        ("By 1936 Stalin was paranoid about the people around him. He was not wrong that he had "
         "enemies, but he imagined far more.",
         "paranoia"),
        ("I saw the document: Stalin signed Order 00447 himself.", "order"),
        ("Stalin signed Order 00447, which shows what he knew.", "order"),
        ("Stalin signed Order 00447, so the NKVD knew the arrests had his approval.", "order"),
        ("Stalin signed Order 00447, and there is no evidence that he hesitated.", "order"),
        ("Kirov's murder was a pretext, and the theory of a plot gave Stalin his excuse.",
         "pretext"),
        ("Stalin signed Order 00447, which was wrong but typical of him.", "order"),
        ("Stalin signed Order 00447, or that is how the regions got their quotas.", "order"),
        # the official story told, then denied: the point of the official story stands
        ("Stalin said Kirov's murder was part of a plot. This was obviously false, but it was "
         "his pretext for the arrests.", "pretext"),
        ("It is not clear that anyone ordered it, but Stalin signed Order 00447 himself.",
         "order"),
        ("I'm a little surprised that Stalin signed Order 00447 himself.", "order"),
        ("Stalin signed Order 00447, and it is important because it set quotas.", "order"),
        ("Stalin signed Order 00447, and I know he read the lists: it was not too simple a job.",
         "order"),
        ("Stalin trusted no one. He was paranoid, and I think that explains the purges.",
         "paranoia"),
        ("Stalin was wrong about the plots, but he signed Order 00447 anyway.", "order"),
        # the regime's charge or claim told, then denied: telling of it is the writer's point
        ("Stalin claimed Kirov's murder was a pretext for a plot by Zinoviev. There was no "
         "real evidence for this.", "pretext"),
        ("Zinoviev was accused of using the murder as a pretext for a plot. It was nonsense of "
         "course, but all were tried and executed.", "pretext"),
        # "never saw" of someone else is a claim about him, not the writer's not knowing
        ("Stalin signed Order 00447, and he never saw what it led to.", "order"),
    ],
)  # fmt: skip
def test_sound_sentences_that_look_like_dismissals_still_count(text: str, point: str) -> None:
    assert point in covered(text), text


PROMPTS = {f"{b.id}/{e.id}": e for b in load_bank_dir(ROOT / "questions") for e in b.essays}


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        # the writer's own negative claim is a point, not a dismissal
        ("I don't think he trusted anyone around him in the party by 1936.", True),
        ("Honestly, I don't believe Stalin trusted anyone in the party by 1936.", True),
        ("He did not trust anyone around him in the party by 1936.", True),
        # a denial of the point is still not credited
        ("I don't think he was paranoid, he was just ruthless with the party by 1936.", False),
        ("Some say Stalin was paranoid by 1936, but I don't think so at all.", False),
    ],
)
def test_i_dont_think_is_a_claim_of_its_own(text: str, credited: bool) -> None:
    fb = check_essay(PROMPTS["causes/why-purges"], text)
    assert ("paranoia" in {p.id for p in fb.covered}) is credited, text
