"""Round 4 of the fact table (issue 15): claims read more loosely (a name before an aside, a
predicate far from its subject, a date with words in it), who came before or after whom, months,
and totals too low; each rule with a sound sentence it must leave alone. The source documents and
the banks' own explanations, all sound, are never flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse

ROOT = Path(__file__).resolve().parents[2]


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # an aside between a name and its predicate
        ("Marshal Tukhachevsky, the army's leading modern thinker, was shot in 1939.", True),
        ("Marshal Tukhachevsky, the army's leading modern thinker, was shot in 1937.", False),
        ("Yezhov, a small and cruel man, was arrested in 1937.", True),
        ("Yezhov, a small and cruel man, was arrested in 1939.", False),
        # a predicate far from the name the clause opens with
        ("Trotsky was the main defendant in the first show trial and was shot in 1936.", True),
        ("Trotsky was expelled from the party and was murdered in Mexico in 1940.", False),
        # another name in the clause: the year may be said of it
        ("Trotsky was in exile when Zinoviev and Kamenev were shot in 1936.", False),
        # the words of a date are no distance
        ("Zinoviev and Kamenev were shot at the end of December 1934.", True),
        ("Zinoviev and Kamenev were shot at the end of August 1936.", False),
        ("Order 00447 was signed in the summer of 1935.", True),
        ("Order 00447 was signed in the summer of 1937.", False),
    ],
)
def test_a_claim_is_read_past_asides_and_long_predicates(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


def _sound_texts() -> list[tuple[str, str]]:
    texts = [
        (f.name, f.read_text(encoding="utf-8"))
        for f in sorted((ROOT.parent / "shared" / "sources").glob("*.txt"))
    ]
    skip = {"misconceptions", "phrases", "choices", "answer", "prompt"}

    def walk(node: Any, name: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in skip:
                    walk(value, name)
        elif isinstance(node, list):
            for value in node:
                walk(value, name)
        elif isinstance(node, str) and len(node.split()) > 4:
            texts.append((name, node))

    for f in sorted((ROOT / "questions").glob("*.yaml")):
        walk(yaml.safe_load(f.read_text(encoding="utf-8")), f.name)
    return texts


def test_the_sources_and_the_banks_explanations_are_never_flagged() -> None:
    texts = _sound_texts()
    assert len(texts) > 500
    flagged = [
        (name, f.sentence)
        for name, text in texts
        for f in find_fact_errors(analyse(text), frozenset())
    ]
    assert flagged == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the month of a well-dated event, with the right year
        ("Kirov was murdered in June 1934.", True),
        ("Kirov was murdered on 1 December 1934.", False),
        ("Order 00447 was signed in March 1937.", True),
        ("Order 00447 was signed on 30 July 1937.", False),
        ("Tukhachevsky was shot in December 1937.", True),
        ("Tukhachevsky was arrested in May 1937 and shot in June 1937.", False),
        ("Hitler came to power in March 1933.", True),
        # the trials, each by its number, and the end of the Terror
        ("The first show trial was held in 1935.", True),
        ("The first show trial was held in August 1936.", False),
        ("The third Moscow trial took place in 1937.", True),
        ("The third Moscow trial took place in March 1938.", False),
        ("The Great Terror ended in 1936.", True),
        ("The Great Terror ended in November 1938.", False),
        ("Bukharin was arrested in 1935.", True),
        ("Bukharin was arrested in February 1937.", False),
        # who took over when
        ("In 1936 Beria replaced Yezhov.", True),
        ("Beria replaced Yezhov in 1938.", False),
        ("Yezhov was removed from the NKVD in 1937.", True),
        ("Yezhov replaced Yagoda in 1936.", False),
        # a second verb joined by "and" takes the year from the first
        ("Zinoviev and Kamenev were tried and shot in 1935.", True),
        ("Zinoviev and Kamenev were tried in 1935 and shot in 1936.", False),
        # a writer's dating is reported, not claimed
        ("Morris dates Beria's takeover to March 1939 and the third trial to 1937.", False),
    ],
)
def test_months_trials_and_successions_are_dated(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # two events of the record in the wrong order
        ("Kirov was murdered after the first show trial.", True),
        ("Kirov was murdered before the first show trial.", False),
        ("The show trials began after Order 00447 was signed.", True),
        ("The show trials began before Order 00447 was signed.", False),
        ("Yezhov was shot before the third show trial.", True),
        ("Yezhov's execution came after the third show trial.", False),
        ("The Great Terror ended after Yezhov was shot.", True),
        ("Tukhachevsky was shot before Order 00447 was issued.", False),
        ("After Kirov was murdered, the first show trial was held.", False),
        ("After the third show trial, Kirov was murdered.", True),
        # "within weeks of", "days after": more than a year between is wrong
        (
            "Kirov was killed. Stalin had Zinoviev and Kamenev shot within a week of the murder.",
            True,
        ),
        ("Zinoviev and Kamenev were shot within weeks of the first show trial.", False),
        ("Days after Kirov was killed, Stalin had Zinoviev and Kamenev shot.", True),
        ("Two years after Kirov was killed, Zinoviev and Kamenev were shot.", False),
        # a person's name with a word for his fate is his fate only when it is done to him
        ("Yezhov drew up execution lists before the show trials.", False),
        # one side naming two events, or none, is left alone
        ("Yezhov was shot before the trials and after Kirov's murder.", False),
    ],
)
def test_events_in_the_wrong_order_are_flagged(text: str, flagged: bool) -> None:
    assert any("order" in c for c in claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # NKVD heads in the wrong order, a date between them
        ("Yezhov took over the NKVD in 1936 after Beria was dismissed for being too soft.", True),
        ("Yezhov took over the NKVD in September 1936 after Yagoda was dismissed.", False),
        # Kirov's successor in Leningrad
        ("Beria was given Kirov's post as party leader in Leningrad.", True),
        ("Kirov was succeeded by Molotov.", True),
        ("Zhdanov was given Kirov's post in Leningrad.", False),
        ("Yezhov replaced Yagoda after Kirov was murdered.", False),
        # a secret policeman at the head of a city's party (not of its NKVD)
        ("Stalin also put Beria in charge of the Moscow party organisation.", True),
        ("Beria, the NKVD chief in Moscow, ran the arrests.", False),
    ],
)
def test_who_came_after_whom_and_who_led_where(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # totals an order of magnitude too low, above 10,000 too
        ("While he was in charge, about 68,000 death sentences were passed.", True),
        ("About 680,000 death sentences were passed in 1937-38.", False),
        ("In 1936 about 1,100 death sentences were passed.", False),
        ("Stalin personally signed lists with 40,000 death sentences.", False),
        ("About 68,000 people were executed in 1937-38.", True),
        ("About 680,000 people were executed in 1937-38.", False),
        # a known part of a known whole, far too small
        ("Out of the 1,966 delegates to the 17th Party Congress, 110 were arrested.", True),
        ("110 of the 1,966 delegates were arrested.", True),
        ("Of the 1,966 delegates, 1,108 were arrested.", False),
        ("98 of the 139 Central Committee members were shot.", False),
        ("Of the 139 members, 15 were women.", False),
    ],
)
def test_figures_too_low_and_parts_too_small(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a date standing alone before or after its clause
        ("In 1935, Kirov was murdered by Nikolaev.", True),
        ("In 1934, Kirov was murdered by Nikolaev.", False),
        ("In December 1935, Kirov was murdered.", True),
        ("Kirov's assassination (1935) was the trigger.", True),
        ("Kirov's assassination (1934) was the trigger.", False),
        ("By 1938, Yezhov was removed.", False),
        ("In 1937, Yagoda was arrested and Bukharin was shot a year later.", False),
        # an agent between the event and its year
        ("Kirov was murdered by a young communist called Nikolaev in 1935.", True),
        ("Kirov was murdered by a young communist called Nikolaev in 1934.", False),
        ("Kirov was murdered by Nikolaev, who was shot in 1935.", False),
        # a numbered order before an aside; a subject with others joined to it
        ("Order 00447, which set quotas for every region, was issued in 1938.", True),
        ("Order 00447, which set quotas for every region, was issued in 1937.", False),
        ("Tukhachevsky and seven other generals were shot in 1938.", True),
        ("Tukhachevsky and seven other generals were shot in 1937.", False),
        ("Tukhachevsky and Yakir were tried while Bukharin was shot in 1938.", False),
        ("The Tukhachevsky affair of 1938 destroyed the army's leadership.", True),
    ],
)
def test_a_date_is_read_across_clauses_agents_and_joined_subjects(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # one the purges put to death said to have escaped, though the sentence is negated
        ("Beria, by contrast, was never purged and died peacefully.", True),
        ("Beria was never arrested.", True),
        ("Yezhov was never punished for the Terror.", True),
        # a bound, a manner, another person, or Beria's 1930s are left alone
        ("Beria was never purged in the 1930s.", False),
        ("Tukhachevsky was not shot until June 1937.", False),
        ("Tukhachevsky was never tried in public.", False),
        ("Bukharin was not arrested at first.", False),
        ("Zhukov was never purged.", False),
        ("Yezhov did not sign Order 00447 alone.", False),
    ],
)
def test_a_denied_fate_is_flagged(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a chain of places after the event's verb
        ("Kirov was shot in his office in the Kremlin in Moscow.", True),
        ("Kirov was shot in his office at the party headquarters in Leningrad.", False),
        (
            "Kirov was shot in his office in Leningrad, and Stalin travelled there from Moscow.",
            False,
        ),
        ("Trotsky was murdered at his house in Mexico.", False),
    ],
)
def test_a_place_is_read_past_a_chain_of_places(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a word for a death naming something else is no death
        ("Stalin signed death lists in 1937.", False),
        ("Stalin signed death sentences in 1938.", False),
        ("Stalin's death in 1956 ended the Terror.", True),
        # who signed the order, who killed whom, who held which post
        ("Order 00447 was signed by Yagoda.", True),
        ("Order 00447 was signed by Yezhov and Stalin.", False),
        ("Kirov was killed by Trotsky.", True),
        ("Kirov was killed by Nikolayev.", False),
        ("Kirov was killed by a young man, Nikolaev.", False),
        ("Trotsky was murdered by Stalin's agent Mercader.", False),
        ("Tukhachevsky was the defence commissar.", True),
        ("Tukhachevsky was deputy commissar of defence.", False),
        ("Zhukov led the defence of Moscow.", False),
        ("The head of the secret police in 1937 was Beria.", True),
        ("The head of the secret police in 1937 was Yezhov.", False),
    ],
)
def test_who_did_what_and_who_held_which_post(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # figures the banks' own questions give: NKVD officers purged, commanders of a whole
        ("Yezhov purged around 300 of Yagoda's officers.", True),
        ("Yezhov purged over 3,000 of his own personnel.", False),
        ("About 300 officers of the NKVD were purged.", True),
        ("Of the 229 corps and divisional commanders, 15 were purged.", True),
        ("Of the 229 corps and divisional commanders, 169 disappeared in the purge.", False),
        ("154 of the 186 division commanders were removed.", False),
        ("In one region 300 officers were purged from the army.", False),
    ],
)
def test_figures_from_the_banks_questions(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "Order No." is no negation; a building in a chain of places
        ("Order No. 00447 was issued in 1936.", True),
        ("Kirov was killed at the Smolny Institute in Moscow.", True),
        ("Kirov was killed at the Smolny Institute in Leningrad.", False),
        # a landmark after the year is not what the year dates
        ("Bukharin was executed in 1937 after the second show trial.", True),
        ("Bukharin was executed in 1938 after the third show trial.", False),
        # an appointment is not a time in office
        ("Yezhov became NKVD chief in 1937 after Yagoda.", True),
        ("Yezhov became NKVD chief in 1936 after Yagoda.", False),
        ("Yezhov was head of the NKVD in 1937 and was shot in 1940.", False),
        ("NKVD Order 00447 came out in 1938.", True),
        # the Great Terror as a span, and the end of an NKVD head's term
        ("The Great Terror lasted from 1934 to 1935.", True),
        ("The Great Terror of 1937-38 killed hundreds of thousands.", False),
        ("Genrikh Yagoda ran the NKVD until 1938.", True),
        ("Yagoda ran the NKVD until 1936.", False),
        ("Yezhov headed the NKVD from 1936 until 1938.", False),
        ("Beria, party leader of Georgia until 1938, went on to head the NKVD.", False),
    ],
)
def test_more_dates_read_loosely(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


def test_a_bank_claim_is_not_matched_across_an_and_that_opens_another_date() -> None:
    """ "hurt it badly in the Winter War and in 1941" does not say the Winter War was in 1941
    (a built-in claim's words "winter war 1941"), and the point it makes stays credited."""
    from purgebot.banks.loader import load_bank_dir
    from purgebot.essays import check_essay

    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(ROOT / "questions") for e in b.essays}
    prompt = prompts["results/stronger-weaker"]
    sound = "The purge hurt the Red Army badly in the Winter War and in 1941."
    assert check_essay(prompt, sound).misconceptions == ()
    wrong = "The purge hurt the Red Army badly in the Winter War in 1941."
    assert [m.claim for m in check_essay(prompt, wrong).misconceptions]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "took over" from someone: the one after "from" is not the subject
        ("Yezhov, who took over from Yagoda in 1937, was much harsher.", True),
        ("Yezhov, who took over from Yagoda in 1936, was much harsher.", False),
        ("Yezhov took the blame in 1939.", False),
        ("The army purge began in 1939.", True),
        ("The purge of the army began in 1937.", False),
        # the Great Terror as a time for a head of the NKVD
        ("The NKVD chief during the Great Terror was Yagoda.", True),
        ("The NKVD chief during the Great Terror was Yezhov.", False),
        ("Yagoda ran the NKVD before the Great Terror.", False),
        # successor and predecessor, and "After A, B became head"
        ("Yezhov's successor was Yagoda.", True),
        ("Beria was Yezhov's successor.", False),
        ("Yagoda was Yezhov's predecessor.", False),
        ("After Beria, Yezhov became head of the NKVD.", True),
        ("After Yagoda, Yezhov became head of the NKVD.", False),
        ("After Yezhov was shot, Beria ran the NKVD.", False),
    ],
)
def test_nkvd_heads_in_turn_and_in_the_terror(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # totals an order of magnitude off, the years of a range read as words
        ("About 150,000 people were arrested in 1937-38.", True),
        ("About 1.5 million people were arrested in 1937-38.", False),
        ("In Ukraine in 1938 Khrushchev arrested 106,000 people.", False),
        ("In 1937-38 around 68,000 people were executed.", True),
        ("Around 700,000 were shot in 1937-38.", False),
        ("By 1939 the camps held 130,000 prisoners.", True),
        ("The camps held 1.3 million prisoners in 1939.", False),
        ("In 1938 about 100,000 prisoners died in the camps.", False),
        ("Order 00447 set quotas for 2.5 million arrests.", True),
        ("Order 00447 set 259,450 arrests in 1937.", False),
        ("Almost 10,000 death sentences were passed a day.", True),
        ("About 1,000 death sentences were passed a day.", False),
    ],
)
def test_more_totals_an_order_of_magnitude_off(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # those who killed themselves, or survived, said to be shot
        ("Tomsky was executed after the third trial.", True),
        ("Tomsky killed himself in 1936.", False),
        ("Gamarnik was shot with Tukhachevsky.", True),
        ("Gamarnik shot himself in 1937.", False),
        ("Ordzhonikidze was shot in 1937.", True),
        ("Zhdanov was executed in 1938.", True),
        ("Zhdanov took over Leningrad after Kirov was shot.", False),
        ("Vyshinsky tried the defendants at the show trials.", False),
    ],
)
def test_suicides_and_survivors_said_to_be_shot(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "replaced with", "followed by"
        ("Stalin replaced Yagoda with Beria.", True),
        ("Stalin replaced Yagoda with Yezhov.", False),
        ("Yagoda was replaced with Yezhov in 1936.", False),
        ("Yezhov was followed by Yagoda.", True),
        ("Yagoda was followed by Yezhov.", False),
        # the trial named first, its defendants after
        ("The third show trial, where Zinoviev and Kamenev were tried, was in 1938.", True),
        ("The third show trial, where Bukharin and Rykov were tried, was in 1938.", False),
        ("At the second show trial in 1937 Bukharin was sentenced to death.", True),
        ("At the first show trial Zinoviev and Kamenev were sentenced to death.", False),
        ("At the first trial Bukharin denounced Zinoviev.", False),
    ],
)
def test_successions_with_and_followed_by_and_trials_named_first(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Kirov was shot in Leningrad on 1 December 1934 by Leonid Nikolaev.",
        "After Kirov's murder in December 1934, Stalin blamed Zinoviev and Kamenev.",
        "Yagoda headed the NKVD from 1934 until 1936, when Yezhov replaced him.",
        "Yezhov ran the NKVD in 1937 and 1938, the worst years of the Terror.",
        "In November 1938 Yezhov was replaced by Beria, and he was shot in 1940.",
        "Order 00447, signed on 30 July 1937, set quotas for every region.",
        "Tukhachevsky and seven other commanders were shot in June 1937 after a secret trial.",
        "The first show trial in August 1936 tried Zinoviev and Kamenev; both were shot.",
        "Bukharin was tried at the third show trial in March 1938 and shot.",
        "The Great Terror ended in late 1938 when Yezhov fell.",
        "Beria, who took over the NKVD in 1938, released some prisoners.",
        "About 680,000 people were executed in 1937-38, almost 1,000 a day.",
        "About 1.5 million people were arrested in 1937 and 1938.",
        "Around 35,000 officers were purged, many of whom were later reinstated.",
        "Three of the five marshals were killed, and the army did badly in the Winter War of 1939-40.",
        "Trotsky was expelled in 1927, exiled in 1929 and murdered in Mexico in 1940.",
        "The purges started after Kirov was murdered and ended after Yezhov fell.",
        "Zinoviev and Kamenev were arrested within weeks of Kirov's murder.",
        "Yezhov was arrested in April 1939 and shot in February 1940, like Yagoda before him.",
        "Beria was shot in 1953, after Stalin died.",
        "Before Yezhov, Yagoda ran the NKVD.",
        "Yezhov's predecessor was Yagoda and his successor was Beria.",
        "Zhdanov took Kirov's post in Leningrad.",
        "Voroshilov, the defence commissar, survived the purges.",
        "Molotov signed death lists with Stalin in 1937 and 1938.",
        "Nikolaev was shot in December 1934 after a quick trial.",
        "In 1937 alone, 353,074 people were shot.",
        "Trotsky was tried in his absence at the first show trial.",
    ],
)
def test_sound_sentences_on_the_same_facts_are_not_flagged(text: str) -> None:
    assert claims(text) == [], text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # one put to death said to be spared, or one spared said to be shot
        ("Pyatakov was sentenced to ten years in prison.", True),
        ("Pyatakov was sentenced to death and shot.", False),
        ("Rykov was acquitted at the third trial.", True),
        ("Yagoda was pardoned by Stalin.", True),
        ("Marshal Yegorov survived the purges.", True),
        ("Yegorov was shot in 1939.", False),
        ("Radek was shot in 1937.", True),
        ("Radek was tried at the second trial.", False),
        ("Radek was sentenced to ten years.", False),
    ],
)
def test_fates_spared_or_not(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a known part under half the record; "wiped out" and "disappeared" are purges too
        ("Of the 16 army commanders, 4 disappeared in the purge.", True),
        ("14 of the 16 army commanders were purged.", False),
        # a figure beyond any historian's, even when reported; a refuted one is left alone
        ("Conquest estimated that 30 million people were executed.", True),
        ("Conquest estimated 7 million executions.", False),
        ("It is a myth that 30 million were shot.", False),
        # the post handed on to the wrong man
        ("After Yagoda was removed the job went to Lavrenti Beria, and Yezhov came later.", True),
        ("After Yagoda was removed the job went to Nikolai Yezhov.", False),
        ("After Yezhov fell, his post was given to Beria.", False),
    ],
)
def test_parts_estimates_and_posts_handed_on(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


def test_a_bank_claim_is_not_matched_across_an_and_before_another_name() -> None:
    """ "accused of being Trotsky's agents, and Radek confessed": Radek confessed, not Trotsky
    (a built-in claim's words "trotsky confessed")."""
    from purgebot.banks.loader import load_bank_dir
    from purgebot.essays import check_essay

    prompts = {f"{b.id}/{e.id}": e for b in load_bank_dir(ROOT / "questions") for e in b.essays}
    prompt = prompts["show-trials/purpose-of-trials"]
    sound = "The defendants were accused of being Trotsky's agents, and Radek confessed."
    assert check_essay(prompt, sound).misconceptions == ()
    assert check_essay(prompt, "In the end Trotsky confessed to everything.").misconceptions


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a relative clause read after the noun phrase it follows
        ("The army did badly in the war with Finland, which began in November 1929.", True),
        ("The army did badly in the war with Finland, which began in November 1939.", False),
        ("Finland declared war in 1941 alongside Germany.", False),
        # an aside after names joined by "and", or after a short noun phrase; "since" dates
        (
            "Zinoviev and Kamenev, whom he blamed for the murder, were shot straight away in 1934.",
            True,
        ),
        ("Zinoviev and Kamenev, whom he blamed for the murder, were shot in August 1936.", False),
        (
            "Ryutin's platform, which demanded Stalin's removal, had been circulating since 1937.",
            True,
        ),
        (
            "Ryutin's platform, which demanded Stalin's removal, had been circulating since 1932.",
            False,
        ),
        ("Trotsky, in exile since 1929, was murdered in Mexico in 1940.", False),
    ],
)
def test_relative_clauses_asides_and_since(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "all of them shot in 1936" said of every name just listed
        (
            "The trials got rid of Zinoviev, Kamenev, Bukharin and Rykov, all of them shot in 1936.",
            True,
        ),
        ("The show trials got rid of Zinoviev and Kamenev, both of them shot in 1936.", False),
        (
            "The trials got rid of Zinoviev, Kamenev, Bukharin and Rykov, all of them shot by 1938.",
            False,
        ),
    ],
)
def test_a_date_said_of_every_name_in_a_list(text: str, flagged: bool) -> None:
    assert bool(claims(text)) is flagged, (text, claims(text))
