"""The built-in essay prompts against answers a teacher would mark: a strong answer is credited with
the points it makes, an answer on another topic or one that only name-drops with none."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.loader import load_bank_dir
from purgebot.banks.model import EssayPrompt
from purgebot.essays import analyse, detect, phrase_notes

QUESTIONS = Path(__file__).resolve().parents[2] / "questions"

WHY_PURGES_STRONG = """
Stalin's purges had several causes. Officially, the regime said the party was riddled with
Trotskyite and Zinovievite traitors who were plotting against the state, but historians do not
accept this at face value.

The most important cause was the opposition Stalin faced inside the Communist Party in the early
1930s. Collectivisation had been a disaster, the Ryutin platform demanded his removal, and at the
17th Congress many delegates voted against him. Stalin felt his grip on power was slipping.

His personality also mattered. Stalin was deeply paranoid and seems to have distrusted everyone
around him, even his closest colleagues and his family.

The international situation made things worse. After Hitler came to power, Stalin feared that in
a war with Germany his enemies at home would act as a fifth column.

The purges also gave the regime scapegoats. When the Five-Year Plans missed their targets,
engineers and managers were accused of sabotage and shot as wreckers.

Finally, the Terror was driven from below as well as from above. Ordinary party members denounced
their bosses to take their jobs or out of malice, so the purges grew far beyond what Moscow planned.
"""

WHY_PURGES_NAME_DROPPING = """
There were many causes of the purges, such as paranoia, Hitler and the economy.
The purges were very bad and lots of people died in them.
Stalin was a dictator who ruled the Soviet Union from 1924 until 1953.
"""

CONFESSIONS_STRONG = """
The NKVD used brutal methods to get confessions. Many prisoners were beaten and tortured until
they agreed to sign whatever the interrogators wrote.

Others were broken by sleep deprivation. Interrogators worked in shifts and kept prisoners awake
for days on end, the so-called conveyor, until they were too exhausted to resist.

The NKVD also threatened their families. Kamenev was told his son would be shot, and prisoners
were promised that their wives and children would be left alone if they confessed.

Every confession had to include the names of accomplices, so each arrest led to more arrests as
prisoners named colleagues and friends.

Confessions mattered so much to Stalin because there were no real plots, so a confession was the
only evidence the prosecutors could show in court.

The public confessions at the show trials also seemed to prove that a huge conspiracy existed,
which justified the purges and served as propaganda for the regime.
"""

ARMY_DAMAGE_STRONG = """
The purges did enormous damage to the Red Army. Three of the five marshals, including
Tukhachevsky, were shot, and most of the army commanders were killed as well.

Further down, about 35,000 officers were arrested, shot or dismissed. The navy and air force
suffered as badly, losing nearly all of their senior commanders.

The army lost its most experienced men, the heroes of the Civil War, and young officers with little
training were promoted too quickly to replace them.

However, the figures in the sources differ, and some historians think they are exaggerated,
because many dismissed officers were later reinstated.

The damage showed in the Winter War against Finland in 1939-40, when the Red Army performed badly,
and in the disasters of 1941 when the German invasion caught it unprepared.
"""

KIROV_STRONG = """
Stalin certainly had a reason to want Kirov dead. Kirov was the popular party boss of Leningrad,
many delegates at the 1934 congress preferred him, and he had questioned Stalin's economic
policies, so his death got rid of a rival.

There is also suspicious evidence. On the day of the murder Kirov's bodyguards had been withdrawn
from the building, and the guard who was with him died the next day in a lorry crash that looks
staged.

Some of the sources go further. The flashcards say there is a strong probability that Stalin
approved the killing, if he did not plan it himself.

Yet nothing proves that Stalin gave the order. Historians still argue about it, and Nikolaev may
simply have been a lone assassin with a grudge.

What is certain is that Stalin exploited the murder, using it as a pretext to arrest Zinoviev,
Kamenev and thousands of others.
"""

STRONGER_WEAKER_STRONG = """
In one sense the purges did make Stalin stronger. By 1939 he had total control of the party,
because the old guard had been killed and replaced with younger men who owed everything to him.

But the party itself was gutted. Of the 1,966 delegates to the 17th Congress in 1934, 1,108 were
arrested, and most of the Central Committee was shot.

The Red Army was badly weakened, losing three of its five marshals and most of its senior
commanders just before the war.

Society was paralysed by a climate of fear, in which nobody dared to criticise the government.

The economy suffered as well, since thousands of engineers and managers were arrested as wreckers.

The human cost was enormous: roughly three-quarters of a million people were executed in 1937-38,
although historians still argue about the exact figures.
"""

# Answers to other questions on Soviet history: the same years and people, another subject. Each
# uses everyday words ("personal", "1941", "all night", "executed"...) that a careless phrase would
# take for one of the prompt's points.
WAR_OF_1941 = """
When Hitler invaded in June 1941, the Soviet Union was caught by surprise. Local officials organised
the evacuation of whole factories to the Urals, and many workers showed great personal courage. The
Red Army retreated at first, but it held Moscow in December 1941 and later won at Stalingrad.
"""

FIVE_YEAR_PLANS = """
The first Five-Year Plan demanded enormous effort from workers. In the new steel towns men often
worked all night to finish a blast furnace, and for weeks at a time they lived in tents. Managers
fabricated the output figures they sent to Moscow, and Stakhanov became a hero for his records.
"""

NAZI_SOVIET_PACT = """
The Nazi-Soviet Pact of August 1939 shocked the world. Stalin and Hitler agreed not to attack each
other and secretly divided Poland and the Baltic states between them. The pact gave the Soviet
Union time to build up its industry, and it lasted until Germany invaded in June 1941.
"""

COLLECTIVISATION = """
Collectivisation was brutal. Kulaks were executed or deported, and peasants feared the grain
requisition squads. The managers of many collective farms were replaced by party members from the
towns, and in 1932-33 millions starved in the famine.
"""

KIROV_CAREER = """
Kirov rose quickly in the party. He was a loyal Stalinist, and after 1926 he ran Leningrad, where he
was replaced by Zhdanov only after his death. He was known as a fine speaker, and his motive for
joining the Bolsheviks was his hatred of the Tsar. Some of his decisions in Leningrad seem
suspicious to historians, but the records are unclear.
"""

REVOLUTION_1917 = """
The Russian Revolution of 1917 overthrew the Tsar. In October the Bolsheviks, led by Lenin and
Trotsky, seized power in Petrograd. A civil war followed between the Reds and the Whites, and the
Red Army won by 1921. Lenin then introduced the New Economic Policy, which allowed small private
trade and helped the economy recover after years of famine.
"""


@pytest.fixture(scope="module")
def prompts() -> dict[str, EssayPrompt]:
    return {f"{b.id}/{e.id}": e for b in load_bank_dir(QUESTIONS) for e in b.essays}


def covered(prompt: EssayPrompt, text: str) -> set[str]:
    return {r.point.id for r in detect(prompt, analyse(text)) if r.covered}


@pytest.mark.parametrize(
    ("prompt_id", "essay", "credited"),
    [
        (
            "causes/why-purges",
            WHY_PURGES_STRONG,
            {"official", "opposition", "paranoia", "foreign-threat", "scapegoats", "from-below"},
        ),
        (
            "nkvd/confessions",
            CONFESSIONS_STRONG,
            {
                "beatings",
                "sleep-deprivation",
                "family-threats",
                "chain-of-denunciation",
                "only-evidence",
                "proved-conspiracy",
            },
        ),
        (
            "red-army/army-damage",
            ARMY_DAMAGE_STRONG,
            {
                "high-command",
                "officer-corps",
                "navy-air-force",
                "experience-lost",
                "figures-disputed",
                "war-consequences",
            },
        ),
        (
            "kirov/did-stalin-order",
            KIROV_STRONG,
            {"motive", "circumstantial", "source-verdicts", "no-proof", "exploited"},
        ),
        (
            "results/stronger-weaker",
            STRONGER_WEAKER_STRONG,
            {"stalin-power", "party-destroyed", "army-weakened", "fear", "economy", "human-cost"},
        ),
    ],
)
def test_a_strong_answer_is_credited_with_the_points_it_makes(
    prompts: dict[str, EssayPrompt], prompt_id: str, essay: str, credited: set[str]
) -> None:
    prompt = prompts[prompt_id]
    assert credited <= {kp.id for kp in prompt.key_points}
    assert covered(prompt, essay) == credited


@pytest.mark.parametrize(
    ("prompt_id", "essay"),
    [
        ("causes/why-purges", WAR_OF_1941),
        ("causes/why-purges", REVOLUTION_1917),
        ("causes/why-purges", WHY_PURGES_NAME_DROPPING),
        ("nkvd/confessions", FIVE_YEAR_PLANS),
        ("red-army/army-damage", NAZI_SOVIET_PACT),
        ("kirov/did-stalin-order", KIROV_CAREER),
        ("results/stronger-weaker", COLLECTIVISATION),
    ],
)
def test_an_answer_on_another_topic_or_only_naming_things_makes_no_point(
    prompts: dict[str, EssayPrompt], prompt_id: str, essay: str
) -> None:
    assert covered(prompts[prompt_id], essay) == set()


def test_a_fate_alone_does_not_credit_the_reason_for_it(prompts: dict[str, EssayPrompt]) -> None:
    """Yagoda was shot, but saying so does not say he was removed for being too lax."""
    essay = "Yagoda headed the NKVD at first, and in the end he was shot in 1938 like the others."
    assert "yagoda-too-lax" not in covered(prompts["nkvd/nkvd-purged"], essay)


def test_a_strong_answer_to_one_prompt_is_not_credited_with_an_unrelated_one(
    prompts: dict[str, EssayPrompt],
) -> None:
    # The French-Terror comparison shares no point with why the NKVD tortured prisoners.
    assert covered(prompts["results/french-terror"], CONFESSIONS_STRONG) == set()
    assert covered(prompts["red-army/army-damage"], KIROV_STRONG) == set()


def test_no_built_in_phrase_matches_anything_or_is_shared_by_two_points(
    prompts: dict[str, EssayPrompt],
) -> None:
    notes = [note for prompt in prompts.values() for note in phrase_notes(prompt)]
    assert not [n for n in notes if "no content word" in n or "the same words credit" in n]
    # Plain-word versions of a point (issue 15) need room, up to the loader's cap of 40.
    assert all(4 <= len(kp.phrases) <= 40 for p in prompts.values() for kp in p.key_points)


# Phrases that credit a bare name or a common word: they credited sentences that make no point,
# or a false one (issue 15).
BARE = {
    "no evidence",
    "great purge",
    "navy",
    "winter war",
    "families",
    "wives",
    "camps",
    "engineers",
    "central committee",
    "scapegoat",
    "scapegoats",
    "marshals",
    "millions died",
    "order 00447",
    "tukhachevsky",
    "finland",
    "conquest",
    "getty",
    "zhdanov",
    "lominadze",
    "ryutin",
    "decree",
    "suspicion",
    "fright",
    "silenced",
    "exaggerated",
    "human cost",
    "death toll",
    "17th congress",
    "congress of victors",
    "old bolsheviks",
    "foreign powers",
    "mistrust",
    "ambition",
    "trotskyites",
}


def test_no_built_in_phrase_is_a_bare_name_or_common_word(
    prompts: dict[str, EssayPrompt],
) -> None:
    bare = [
        f"{pid}.{kp.id}: {phrase!r}"
        for pid, p in prompts.items()
        for kp in p.key_points
        for phrase in kp.phrases
        if phrase.casefold() in BARE
    ]
    assert not bare


# The same idea asked for by different prompts: each keeps every phrase of the first listed.
SAME_IDEA = [
    ["causes/why-purges.paranoia", "responsibility/stalin-responsibility.motives",
     "responsibility/historians-debate.paranoia"],
    ["causes/why-purges.foreign-threat", "red-army/why-purge-army.war-threat",
     "responsibility/historians-debate.external-threat"],
    ["responsibility/local-officials.from-below", "causes/why-purges.from-below",
     "responsibility/historians-debate.from-below", "yezhovshchina/centre-or-local.pressure-from-below"],
    ["causes/why-purges.scapegoats", "show-trials/purpose-of-trials.scapegoats"],
    ["nkvd/nkvd-purged.scapegoat", "yezhovshchina/yezhov-responsibility.scapegoat"],
    ["results/stronger-weaker.fear", "kirov/using-the-murder.fear",
     "purge-of-the-people/ordinary-people.fear", "show-trials/purpose-of-trials.fear"],
    ["responsibility/local-officials.exceeded-quotas", "yezhovshchina/yezhov-responsibility.local-officials",
     "yezhovshchina/centre-or-local.local-requests"],
    ["responsibility/stalin-responsibility.kirov-pretext", "kirov/did-stalin-order.exploited"],
    ["nkvd/confessions.only-evidence", "show-trials/why-confess.no-other-evidence"],
    ["yezhovshchina/yezhov-responsibility.wrote-00447", "yezhovshchina/centre-or-local.order-approved"],
]  # fmt: skip


@pytest.mark.parametrize("group", SAME_IDEA, ids=lambda g: g[0])
def test_lists_for_the_same_idea_agree_across_banks(
    prompts: dict[str, EssayPrompt], group: list[str]
) -> None:
    def phrases(ref: str) -> set[str]:
        prompt_id, point = ref.rsplit(".", 1)
        return {
            p.casefold()
            for kp in prompts[prompt_id].key_points
            if kp.id == point
            for p in kp.phrases
        }

    core = phrases(group[0])
    assert core
    for other in group[1:]:
        assert core <= phrases(other), f"{other} lacks {sorted(core - phrases(other))}"


@pytest.mark.parametrize(
    ("ref", "sentence"),
    [
        # regional bosses asking Moscow for more, in plain words (issue 15, paraphrase)
        ("yezhovshchina/yezhov-responsibility.local-officials",
         "Bosses in the regions kept asking to be allowed to arrest and shoot more people."),
        ("responsibility/local-officials.exceeded-quotas",
         "Local leaders wrote to Moscow asking to shoot more people than they had been given."),
        ("yezhovshchina/centre-or-local.local-requests",
         "Many regional leaders wrote to ask for their targets to be made bigger."),
        # Yezhov's direct role without the word NKVD
        ("yezhovshchina/yezhov-responsibility.direct-role",
         "Yezhov ran the secret police when hundreds of thousands were condemned to death."),
        ("yezhovshchina/yezhov-responsibility.direct-role",
         "Hundreds of thousands were sentenced to death while he was head of it all."),
        # the army as the one force able to remove him; the cost to the army and the economy
        ("red-army/why-purge-army.independent-force",
         "The army was the only group that could have thrown him out."),
        ("red-army/why-purge-army.independent-force",
         "While the generals had their own power base he never felt safe."),
        ("results/stronger-weaker.army-weakened",
         "Most of the top soldiers were shot, so the new officers had hardly any experience."),
        # invented stories as false reports; being hit; "traitors were everywhere"
        ("yezhovshchina/yezhov-responsibility.fed-paranoia",
         "The stories of plots he brought were invented, and they frightened Stalin."),
        ("nkvd/confessions.beatings", "The interrogators would hit him until he signed."),
        ("show-trials/why-confess.beatings",
         "The guards would hit them again and again until they agreed to anything."),
        ("nkvd/confessions.proved-conspiracy",
         "People believed traitors were everywhere, so it looked right to keep on arresting."),
        ("results/stronger-weaker.economy",
         "Factories lost the people who ran them, so production suffered."),
    ],
)  # fmt: skip
def test_plain_word_versions_of_a_point_are_credited(
    prompts: dict[str, EssayPrompt], ref: str, sentence: str
) -> None:
    prompt_id, point = ref.rsplit(".", 1)
    found = detect(prompts[prompt_id], analyse(sentence))
    assert point in {r.point.id for r in found if r.covered}, (ref, sentence)


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        # that people were arrested is no quota (round 6: a phrase that reduced to "people arrest")
        ("In Georgia 20,000 people were arrested in 1937.", False),
        ("How many people were arrested nobody really knows.", False),
        # a figure handed to each region, in plain words, is
        ("Moscow gave each region a figure of people to arrest.", True),
        ("The NKVD sent down arrest quotas to every province.", True),
    ],
)
def test_people_arrested_is_no_quota(
    prompts: dict[str, EssayPrompt], sentence: str, credited: bool
) -> None:
    found = detect(prompts["purge-of-the-people/ordinary-people"], analyse(sentence))
    assert ("quotas" in {r.point.id for r in found if r.covered}) is credited, sentence
