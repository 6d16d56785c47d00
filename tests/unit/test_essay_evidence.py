"""Evidence extraction: the dates, figures, people and orders an essay cites."""

from __future__ import annotations

import pytest

from purgebot.banks.model import EssayPrompt, KeyPoint
from purgebot.essays import Evidence, extract_evidence, names_in


def values(text: str, kind: str, names: tuple[str, ...] = ()) -> list[str]:
    return [e.value for e in extract_evidence(text, names) if e.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kirov was shot on 1 December 1934 in Leningrad.", ["1 December 1934"]),
        ("Kirov was shot on 1st December, 1934 in Leningrad.", ["1 December 1934"]),
        ("Kirov was shot on December 1, 1934 in Leningrad.", ["1 December 1934"]),
        ("The order is dated July 30 1937 in the archive.", ["30 July 1937"]),
        ("The first show trial opened in August 1936.", ["August 1936"]),
        ("The first show trial opened in Aug. 1936.", ["August 1936"]),
        ("On December 2 Stalin issued a decree.", ["2 December"]),
        ("The worst years were 1936-38, then it slowed.", ["1936-38"]),
        ("The worst years were 1937–1938, then it slowed.", ["1937-1938"]),
        ("Trouble began in the 1930s.", ["1930s"]),
        ("In 1937 the terror peaked and by 1938, it slowed.", ["1937", "1938"]),
    ],
)
def test_dates_in_the_forms_students_write_them(text: str, expected: list[str]) -> None:
    assert values(text, "date") == expected


def test_a_four_digit_number_that_counts_something_is_a_figure_not_a_year() -> None:
    text = "Of the 1966 delegates at the congress of 1934, 1108 were arrested."
    assert values(text, "date") == ["1934"]
    assert values(text, "figure") == ["1,966", "1,108"]


def test_a_lowercase_may_or_march_is_a_verb_not_a_month() -> None:
    assert values("Yezhov may 12 times have lied; troops march 3 miles.", "date") == []
    assert values("It began in May 1937.", "date") == ["May 1937"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Over 680,000 people were sentenced to death.", ["680,000"]),
        ("Order 00447 set 259 450 arrests as the target.", ["259,450"]),
        ("About 50% of the officers were shot.", ["50%"]),
        ("About 50 per cent of the officers were shot.", ["50%"]),
        ("Three out of five marshals were shot.", ["three out of five"]),
        ("14 out of 16 army commanders disappeared.", ["14 out of 16"]),
        ("The Gulag held 1.3 million inmates.", ["1.3 million"]),
        ("Conquest says 3 million were executed.", ["3 million"]),
        ("In 1937, 35,000 officers and 16 commanders went.", ["35,000", "16"]),
    ],
)
def test_figures_with_commas_percentages_and_scales(text: str, expected: list[str]) -> None:
    assert values(text, "figure") == expected


def test_ordinals_are_not_figures() -> None:
    assert values("At the 17th Party Congress in 1934 Stalin was nearly outvoted.", "figure") == []


@pytest.mark.parametrize(
    "text",
    ["Order 00447 began it.", "NKVD Order No. 00447 began it.", "order nr 00447 began it."],
)
def test_orders_by_number_and_not_as_figures(text: str) -> None:
    assert values(text, "order") == ["Order 00447"]
    assert values(text, "figure") == []


def test_people_from_the_built_in_list_with_their_other_spellings_and_slips() -> None:
    text = (
        "Ezhov replaced Yagoda, and Yezov's NKVD tried Tukhachevsky; Kruschev later denounced "
        "Stalins crimes, as Robert Conquest showed."
    )
    assert values(text, "person") == [
        "Yezhov",
        "Yagoda",
        "Tukhachevsky",
        "Khrushchev",
        "Stalin",
        "Conquest",
    ]


def test_common_words_are_not_people() -> None:
    assert (
        values("the conquest of power was swift; berlin and stalingrad came later.", "person") == []
    )
    assert values("Stalingrad and Berlin came later.", "person") == []


def test_names_the_bank_uses_in_its_phrases_are_looked_for() -> None:
    prompt = EssayPrompt(
        id="p",
        prompt="Why was Bela Kun executed?",
        key_points=(
            KeyPoint(
                "kun", "Kun fled to Moscow.", ("Kun fled", "Bela Kun", "Red Army", "Order 00447")
            ),
        ),
    )
    assert names_in(prompt) == ("Kun", "Bela")
    text = "Bela Kun fled to Moscow and was shot by the NKVD."
    assert values(text, "person") == []
    assert values(text, "person", names_in(prompt)) == ["Bela", "Kun"]


def test_each_item_is_listed_once_with_its_count_in_order_of_first_appearance() -> None:
    text = "Stalin signed Order 00447. Yezhov obeyed Stalin. Stalin signed again in 1937."
    assert extract_evidence(text) == (
        Evidence("person", "Stalin", "Stalin", 0, 6, 3),
        Evidence("order", "Order 00447", "Order 00447", 14, 25, 1),
        Evidence("person", "Yezhov", "Yezhov", 27, 33, 1),
        Evidence("date", "1937", "1937", 72, 76, 1),
    )


def test_an_essay_without_evidence_has_none() -> None:
    assert extract_evidence("it was a very bad time and many people suffered a great deal.") == ()
