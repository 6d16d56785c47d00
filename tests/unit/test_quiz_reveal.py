"""What a quiz shows and keeps: distributions, answer records, selection, shuffling, channels."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from quiz_helpers import (
    ALL,
    CONGRESS_TF,
    DELEGATES,
    KIROV,
    NKVD_HEAD,
    TRIALS,
    VICTIMS,
    Clock,
    make_bank,
    make_session,
    right,
    wrong,
)

from purgebot.banks.model import (
    Difficulty,
)
from purgebot.quiz import (
    BoolAnswer,
    ChoicePick,
    NoQuestions,
    NoSession,
    QuizError,
    QuizSession,
    QuizSettings,
    SessionRegistry,
    SessionRunning,
    TextAnswer,
)

# --- what the reveal shows --------------------------------------------------------------------


def test_choice_distribution_in_display_order() -> None:
    s = make_session(KIROV, seed=4)
    view = s.start()
    s.submit(1, right(view), name="a")
    s.submit(2, right(view), name="b")
    s.submit(3, wrong(view), name="c")
    s.close()
    tallies = s.reveal().distribution
    assert [t.label for t in tallies] == ["A", "B", "C", "D"]
    assert [t.text for t in tallies] == list(view.options)
    by_text = {t.text: (t.count, t.correct) for t in tallies}
    assert by_text["Kirov"] == (2, True)
    assert sum(t.count for t in tallies) == 3


def test_multi_and_true_false_distributions() -> None:
    s = make_session(VICTIMS, CONGRESS_TF)
    view = s.start()
    s.submit(1, right(view), name="a")
    s.submit(2, ChoicePick(frozenset({0, 1})), name="b")
    s.close()
    by_text = {t.text: t.count for t in s.reveal().distribution}
    assert by_text == {"Zinoviev": 2, "Bukharin": 1, "Kamenev": 1, "Yagoda": 0}
    view = s.open_next()
    s.submit(1, BoolAnswer(False))
    s.submit(2, TextAnswer("f"))
    s.submit(3, view.pick([0]), name="c")
    s.close()
    tallies = s.reveal().distribution
    assert [(t.label, t.text, t.count, t.correct) for t in tallies] == [
        ("A", "True", 1, True),
        ("B", "False", 2, False),
    ]


def test_typed_answers_are_grouped_by_meaning() -> None:
    s = make_session(DELEGATES, NKVD_HEAD)
    view = s.start()
    for pid, typed in enumerate(["1,966", "1966", "1 966 delegates", "1108"]):
        s.submit(pid, TextAnswer(typed), name=f"p{pid}")
    s.close()
    tallies = s.reveal().distribution
    assert [(t.text, t.count, t.correct) for t in tallies] == [
        ("1,966", 3, True),
        ("1108", 1, False),
    ]
    view = s.open_next()
    for pid, typed in enumerate(["Yezhov", "yezhov!", "Yagoda"]):
        s.submit(pid, TextAnswer(typed))
    s.close()
    assert [(t.text, t.count) for t in s.reveal().distribution] == [("Yezhov", 2), ("Yagoda", 1)]
    assert view.options == ()


def test_every_answer_is_recorded_for_the_report() -> None:
    clock = Clock()
    s = make_session(KIROV, TRIALS, clock=clock)
    view = s.start()
    clock.advance(2.5)
    s.submit(11, right(view), name="Ann")
    s.close()
    s.reveal()
    view = s.open_next()
    clock.advance(4)
    s.submit(11, wrong(view))
    s.close()
    s.reveal()
    records = s.finish().answers
    assert [(r.question_id, r.player_id, r.raw, r.correct, r.response_ms) for r in records] == [
        ("kirov-victim", 11, "Kirov", True, 2500),
        ("trials-order", 11, "Bukharin-Rykov → Pyatakov-Radek → Zinoviev-Kamenev", False, 4000),
    ]
    assert records[0].points == 938 and records[1].points == 0


# --- selection and shuffling ------------------------------------------------------------------


def test_options_are_shuffled_and_map_back() -> None:
    s = make_session(KIROV, seed=2)
    view = s.start()
    assert sorted(view.options) == sorted(KIROV.choices)
    for pos, text in enumerate(view.options):
        assert KIROV.choices[view.original(pos)] == text
    assert view.pick([view.options.index("Kirov")]) == ChoicePick(frozenset({0}))


def test_order_items_never_start_in_order() -> None:
    for seed in range(30):
        view = make_session(TRIALS, seed=seed).start()
        assert view.options != TRIALS.items


def test_choices_can_stay_in_bank_order() -> None:
    view = make_session(KIROV, shuffle_choices=False).start()
    assert view.options == KIROV.choices


def test_same_seed_same_quiz() -> None:
    def play(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        s = QuizSession(make_bank(), QuizSettings(seed=seed), clock=Clock(), started_by=1)
        out = []
        view = s.start()
        while True:
            out.append((view.id, view.options))
            s.close()
            s.reveal()
            if not s.has_next:
                return out
            view = s.open_next()

    assert play(7) == play(7)
    assert {q for q, _ in play(7)} == {q.id for q in ALL}
    assert len({tuple(play(seed)) for seed in range(5)}) > 1


def test_injected_random_source_is_used() -> None:
    a = QuizSession(make_bank(), clock=Clock(), rng=random.Random(5), started_by=1)
    b = QuizSession(make_bank(), clock=Clock(), rng=random.Random(5), started_by=1)
    assert a.start() == b.start()


def test_filters_and_count() -> None:
    s = make_session(topic="KIROV")
    assert s.total == 1 and s.start().id == "kirov-victim"
    hard = make_session(difficulty=Difficulty.HARD)
    assert hard.total == 1 and hard.start().id == "trials-order"
    by_default_topic = make_session(topic="congress")  # the bank's default topic
    assert by_default_topic.total == 4
    assert make_session(count=2).total == 2
    assert make_session(count=50).total == len(ALL)


def test_seconds_override() -> None:
    assert make_session(seconds=45).start().seconds == 45
    assert make_session(replace(KIROV, seconds=30)).start().seconds == 30
    assert make_session(replace(KIROV, seconds=30), seconds=10).start().seconds == 10


def test_no_matching_question_says_which_topics_exist() -> None:
    with pytest.raises(NoQuestions, match=r"topic “space”\. Topics: congress, kirov, trials"):
        make_session(topic="space")


@pytest.mark.parametrize(
    ("settings", "why"), [({"count": 0}, "at least one"), ({"seconds": 2}, "5 to 300 seconds")]
)
def test_bad_settings_are_refused(settings: dict[str, int], why: str) -> None:
    with pytest.raises(QuizError, match=why):
        QuizSettings(**settings)  # type: ignore[arg-type]


def test_only_the_starter_controls() -> None:
    s = make_session()
    assert s.can_control(1) and not s.can_control(2)


# --- one quiz per channel ---------------------------------------------------------------------


def test_registry_one_quiz_per_channel() -> None:
    reg = SessionRegistry()
    first = reg.start(100, make_session())
    with pytest.raises(SessionRunning, match="already running"):
        reg.start(100, make_session())
    other = reg.start(200, make_session())
    assert reg.running(100) is first and reg.get(200) is other
    assert 100 in reg and len(reg) == 2 and sorted(reg) == [100, 200]
    first.stop()
    with pytest.raises(NoSession):
        reg.running(100)
    replacement = reg.start(100, make_session())  # a finished quiz does not block the channel
    assert reg.get(100) is replacement
    assert reg.remove(100) is replacement and reg.get(100) is None
    with pytest.raises(NoSession, match="no quiz running"):
        reg.running(100)
