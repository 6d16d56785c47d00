"""Factual errors found against the period's record (issue 15), whatever the prompt: an event
with the wrong year, a survivor "shot", NKVD heads in the wrong order, the wrong author of Order
00447, a leader in the wrong city, figures an order of magnitude off; and nothing flagged in a
sound sentence that only mentions the same things."""

from __future__ import annotations

from pathlib import Path

import pytest

from purgebot.banks.model import EssayPrompt, KeyPoint
from purgebot.essays import check_essay
from purgebot.essays.facts import find_fact_errors
from purgebot.essays.text import analyse

# A prompt with no misconceptions of its own: everything found comes from the record.
PROMPT = EssayPrompt(
    id="bare",
    prompt="Why did the purges happen?",
    key_points=(
        KeyPoint(
            id="army", point="The army was purged.", phrases=("army purged", "officers purged")
        ),
    ),
)


def claims(text: str) -> list[str]:
    return [f.claim for f in find_fact_errors(analyse(text), frozenset())]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kirov was murdered in Leningrad in 1935.",
        "Marshal Tukhachevsky was tried and shot in 1941.",
        "In 1937 Marshal Zhukov and seven other generals were tried in secret and shot.",
        "The Red Army did badly in the Winter War against Finland in 1941.",
        "Under Yezhov about 6.8 million people were sentenced to death.",
        "Kirov was murdered in Moscow.",
        "Bukharin was tried at the first show trial.",
        "Zinoviev and Kamenev were accused at the third trial.",
        "The show trials were held in Leningrad.",
        "Trotsky was killed in Norway.",
        "Vyshinsky, head of the NKVD, ran the trials.",
        "Yezhov was the prosecutor at the show trials.",
        "Yezhov was head of the NKVD in 1934.",
        "Lenin died in 1922.",
        "The Nazi-Soviet Pact of 1941 surprised the world.",
        "Khrushchev's Secret Speech of 1953 denounced Stalin.",
        "Order 00447 dates from July 1938.",
        "Hitler came to power in 1939, which worried Stalin.",
        "The Winter War took place in 1941.",
        "Trotsky was killed in Mexico in 1936.",
        "Bukharin was put on trial in 1936.",
        "The Red Army lost three of its five marshals, including Zhukov, who was shot in 1937.",
        "Stalin also feared Trotsky, who had been executed after the first show trial.",
        "Yagoda succeeded Yezhov as head of the NKVD.",
        "Beria headed the NKVD before Yezhov.",
        "Yezhov took over the NKVD from Beria.",
        "Yezhov was replaced by Yagoda in 1938.",
        "Yagoda was replaced by Beria.",
        "Beria took over the NKVD from Yagoda.",
        "The mass operations were launched by Order 00447, which Beria drew up.",
        "Kirov, the popular party leader in Moscow, was shot in his office.",
        "Lominadze, the party boss of Leningrad, hinted that Stalin should be removed.",
        "Tukhachevsky had a public show trial where he confessed.",
        "Tukhachevsky was tried at the third Moscow show trial.",
        "The Winter War was fought against Japan.",
        "About 7 million people were executed in 1937-38.",
        "About 370,000 officers were purged from the Red Army.",
        "Around 13 million people were in the labour camps by 1939.",
        "Order 00447 ordered 259,450 people to be shot.",
        "All five marshals were shot.",
        "Four of the five marshals were executed.",
        "1,108 of the 139 Central Committee members were shot.",
        "Of the 139 members of the Central Committee elected in 1934, 1,108 were shot.",
    ],
)
def test_a_clear_error_against_the_record_is_flagged(sentence: str) -> None:
    assert claims(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Kirov was murdered in December 1934.",
        "Kirov was murdered in 1934, and the first show trial took place in 1936.",
        "Kirov's murder in 1934 led to the arrest of Zinoviev and Kamenev in 1935.",
        "Tukhachevsky was tried in secret and shot in June 1937.",
        "Order 00447 of July 1937 set quotas of 259,450 arrests and 72,950 executions.",
        "Tukhachevsky was rehabilitated in 1957.",
        "The Terror had already begun before 1936.",
        "The purges of 1936-38 ended after Yezhov was removed in 1938.",
        "It hurt the army badly in the Winter War and in 1941.",
        "Zhukov survived the purges, but Tukhachevsky was shot.",
        "Yezhov replaced Yagoda in 1936 and was replaced by Beria in 1938.",
        "Yagoda ran the NKVD before Yezhov, and Beria came after him.",
        "Order 00447 was drawn up by Yezhov and signed by Stalin.",
        "Beria did not write Order 00447.",
        "Kirov, the party leader in Leningrad, was very popular.",
        "Three of the five marshals were shot, including Tukhachevsky.",
        "Over the next two years three of the five marshals were purged.",
        "About 680,000 people were executed in 1937-38.",
        "Conquest estimated 7 million executions.",
        "It is a myth that all five marshals were shot.",
        "Was Zhukov shot in 1937?",
        "The Winter War against Finland in 1939-40 showed the army's weakness.",
        "Hitler invaded Poland in 1939.",
        "Stalin died in 1953.",
        "Millions died in the famine of 1932-33.",
        "About 18 million people passed through the Gulag under Stalin.",
        "Of the 1,966 delegates, 1,108 were arrested.",
        # another person, another event or a longer period in the same sentence
        "Yagoda was replaced by Yezhov in 1936 and shot in 1938.",
        "Zinoviev and Kamenev were tried in 1935 and again in 1936.",
        "Kirov's murder led to the arrests of 1935.",
        "Order 00447 was signed on 30 July 1937 and ran until November 1938.",
        "Trotsky, in exile since 1929, was murdered in Mexico in 1940.",
        "Molotov signed lists of people to be shot.",
        "Yagoda was shot after Yezhov took over the NKVD.",
        "Yezhov, who replaced Yagoda, was himself replaced by Beria.",
        "Kirov, the Leningrad party boss, was popular in Moscow.",
        "Kaganovich, the head of the railways, visited Leningrad.",
        "Tukhachevsky was tried in secret rather than at a show trial.",
        "The Winter War and the fighting against Japan showed the army's weakness.",
        "Only two of the five marshals, Voroshilov and Budyonny, survived the purge.",
        "Stalin purged all his marshals except Voroshilov and Budyonny.",
        "Around 18 million people passed through the Gulag between 1930 and 1953.",
        "Stalin's policies caused 20 million deaths.",
        "The officer corps of 200,000 men was purged of about 35,000.",
        "Trotsky was exiled to Norway and killed in Mexico.",
        "After Kirov was murdered in Leningrad, the trials in Moscow began.",
        "Tukhachevsky was arrested by the NKVD.",
        "Molotov, as head of government, signed lists.",
        "Vyshinsky was the state prosecutor.",
        "Yezhov headed the NKVD from 1936 to 1938.",
        "The general secretary gave a long speech in 1934.",
        "Kirov was murdered and the news reached Moscow.",
        "Bukharin denounced Zinoviev at the first trial.",
        "Zinoviev and Kamenev were tried at the first show trial in 1936.",
        "Bukharin, Rykov and Yagoda were tried at the third trial.",
        "The show trials in Moscow shocked observers in London.",
    ],
)
def test_a_sound_or_refuted_sentence_is_not_flagged(sentence: str) -> None:
    assert claims(sentence) == [], sentence


def test_the_error_reaches_the_feedback_with_a_correction_and_cancels_its_sentence() -> None:
    fb = check_essay(PROMPT, "About 370,000 officers were purged from the Red Army in 1937.")
    (found,) = fb.misconceptions
    assert "35,000" in found.correction
    assert found.sentence.startswith("About 370,000 officers")
    assert not fb.covered  # the only sentence making the point holds the error


def test_an_order_number_or_a_date_is_no_part_of_a_whole() -> None:
    assert claims("Order 00447 of 30 July 1937 was drafted by Yezhov.") == []
    assert claims("The trial of 12 March 1938 condemned Bukharin.") == []


def test_a_bank_claim_is_not_found_across_another_number() -> None:
    # "two ... of the five marshals" must not match across "years three".
    from purgebot.banks.model import Misconception

    prompt = EssayPrompt(
        id="army",
        prompt="Why was the army purged?",
        key_points=PROMPT.key_points,
        misconceptions=(
            Misconception(
                claim="Marshals wrong.",
                phrases=("two of the five marshals",),
                correction="Three of the five.",
            ),
        ),
    )
    sound = "Over the next two years three of the five marshals were purged by the NKVD."
    assert check_essay(prompt, sound).misconceptions == ()
    assert check_essay(prompt, "Only two of the five marshals were purged.").misconceptions


def test_a_figure_is_read_with_the_words_it_is_said_of() -> None:
    assert claims("Order 00447 set 259,450 arrests and 72,950 executions.") == []
    assert claims("About 6.8 million were arrested and 680,000 shot.") == []
    assert claims("The NKVD executed 7 million people in 1937-38.")


def test_every_source_quote_of_the_fact_table_is_in_its_document_and_is_used() -> None:
    from purgebot.banks.quotes import fold, load_sources
    from purgebot.essays import factdata as fd
    from purgebot.essays.factsources import SOURCES

    docs = load_sources(Path(__file__).resolve().parents[3] / "shared" / "sources")
    corrections = [e.correction for e in fd.EVENTS] + [f.correction for f in fd.FIGURES]
    corrections += [*fd.SURVIVED.values(), *fd.SECRET_TRIAL.values(), fd.NKVD_ORDER]
    corrections += [fd.ORDER_CORRECTION, fd.PLACE_CORRECTION, fd.MARSHALS_CORRECTION]
    corrections += [fd.PART_OF_WHOLE, fd.WINTER_WAR_CORRECTION]
    corrections += [f.correction for f in fd.LOW_FIGURES]
    for start, ref in SOURCES:
        assert ref.quote and fold(ref.quote) in docs[ref.doc], (ref.doc, ref.quote)
        assert any(c.startswith(start) for c in corrections), start


def test_a_fact_error_cites_its_source_or_none() -> None:
    (kirov,) = find_fact_errors(analyse("Kirov was murdered in 1935."), frozenset())
    assert kirov.source is not None and kirov.source.doc == "flashcards"
    (war,) = find_fact_errors(analyse("The Winter War was fought against Japan."), frozenset())
    assert war.source is None


def test_the_text_feedback_says_where_a_correction_comes_from() -> None:
    from purgebot.essays import render_text

    text = render_text(check_essay(PROMPT, "The Winter War was fought against Japan in 1940."))
    assert "fought against Finland. (from the record)" in text
    text = render_text(check_essay(PROMPT, "Kirov was murdered in 1935 by Nikolaev."))
    assert "(source: flashcards" in text


def _claims(text: str) -> list[str]:
    return [m.claim for m in find_fact_errors(analyse(text), frozenset())]


@pytest.mark.parametrize(
    "text",
    [
        # a head of the NKVD tied to a year outside his term, with or without "in"
        "The mass operations of 1937 were run by the NKVD under Yagoda.",
        "In 1936 the NKVD chief Beria prepared the first show trial.",
        "The man in charge of the NKVD during the Great Terror of 1937 was Beria.",
        # "replaced as head of the NKVD by" reaches the successor named further on
        "Yagoda was replaced as the head of the NKVD by Beria.",
    ],
)
def test_an_nkvd_head_out_of_his_term_or_order_is_flagged(text: str) -> None:
    assert any("NKVD" in c for c in _claims(text))


@pytest.mark.parametrize(
    "text",
    [
        "Yagoda, head of the NKVD until 1936, was himself shot in 1938.",
        "Beria, who ran the NKVD from 1938, was shot in 1953 after Stalin died.",
        "Under Yezhov the NKVD arrested about 1.5 million people in 1937-38.",
        "The NKVD under Yagoda arrested Zinoviev and Kamenev in 1935.",
        "Head of the Secret Police NKVD is Yagoda; he himself will be shot 1938.",
        "Yezhov ran the NKVD while the quotas of 1937 were raised, and Beria came in 1938.",
    ],
)
def test_an_nkvd_head_in_his_term_or_his_fate_is_not_flagged(text: str) -> None:
    assert not any("NKVD" in c for c in _claims(text))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a relative clause is dated with the name it is said of
        ("Stalin was worried about Hitler, who had become Chancellor of Germany in 1935.", True),
        ("The Politburo did nothing for Trotsky, who was murdered by an agent in 1937.", True),
        ("Stalin was worried about Hitler, who had become Chancellor of Germany in 1933.", False),
        ("Stalin had Kirov, who was popular in 1934, watched by the NKVD.", False),
    ],
)
def test_a_relative_clause_is_dated_with_its_name(text: str, flagged: bool) -> None:
    assert any("misdated" in c for c in _claims(text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a well-known total an order of magnitude too low, also when vague
        ("Only a few thousand officers were removed from the Red Army.", True),
        ("About 2,000 officers were purged from the army in 1937-38.", True),
        ("Only about 7,000 people were executed during the Great Terror.", True),
        ("Several hundred officers were dismissed, a small share of the army.", True),
        # the record's figures, lower bounds, parts and other bodies' totals are left alone
        ("About 35,000 officers were purged from the army in 1937-38.", False),
        ("Over 3,000 officers were purged from the army that year.", False),
        ("Yezhov purged the NKVD itself: around 3,000 officers were removed.", False),
        ("154 of the 186 division commanders were removed.", False),
        ("Order 00447 set a quota of 5,000 to be shot in one region during the Terror.", False),
        ("The Red Army officers purged in 1937-38 were often reinstated.", False),
    ],
)
def test_a_total_too_low_is_flagged(text: str, flagged: bool) -> None:
    assert any("too low" in c for c in _claims(text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # one the purges put to death said to die in a camp, in peace, or to survive
        ("In the end Bukharin was sent to a camp in Kolyma.", True),
        ("Tukhachevsky eventually died of old age in the 1960s.", True),
        ("Yagoda survived the Terror and retired.", True),
        # his real fate, or others' fates, are left alone
        ("Yezhov was arrested in 1939 and shot in 1940.", False),
        ("Bukharin, who survived the first trial, was shot in 1938.", False),
        ("Yezhov sent hundreds of thousands to the camps.", False),
        ("Yezhov's victims died in the camps of Kolyma.", False),
    ],
)
def test_a_wrong_fate_is_flagged(text: str, flagged: bool) -> None:
    assert any("put to death." in c and "not" not in c for c in _claims(text)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the wrong leaders blamed for Kirov's murder, Kirov named before or in the sentence
        ("After Kirov was killed, the NKVD accused Pyatakov and Radek of the murder.", True),
        ("Kirov led Leningrad. Stalin pinned the murder on Tomsky and arrested him.", True),
        # the right ones, or the story moving on in time, are left alone
        ("Stalin blamed Kirov's murder on Zinoviev and Kamenev, who were arrested.", False),
        ("Kirov's murder led to arrests; later Bukharin and Rykov were arrested too.", False),
        ("Kirov was murdered in 1934, and Bukharin was arrested in 1937.", False),
    ],
)
def test_the_wrong_people_blamed_for_kirovs_murder_are_flagged(text: str, flagged: bool) -> None:
    assert any("Kirov's murder" in c and "blamed" in c for c in _claims(text)) is flagged
