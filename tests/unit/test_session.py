"""The quiz session: every state transition and every refusal, skip and stop."""

from __future__ import annotations

import pytest
from quiz_helpers import (
    CONGRESS_TF,
    DELEGATES,
    KIROV,
    NKVD_HEAD,
    VICTIMS,
    Clock,
    make_session,
    right,
    wrong,
)

from purgebot.quiz import (
    AlreadyAnswered,
    AnswerRefused,
    BoolAnswer,
    ChoicePick,
    CloseReason,
    NotAccepting,
    SessionState,
    TextAnswer,
    TooLate,
    UnknownOption,
    WrongState,
)

# --- the happy path and every transition --------------------------------------------------------


def test_a_full_quiz_walks_through_every_state() -> None:
    clock = Clock()
    s = make_session(KIROV, CONGRESS_TF, clock=clock)
    assert s.state is SessionState.LOBBY and s.current is None and s.total == 2
    s.join(10, "Ann")
    view = s.start()
    assert s.state is SessionState.OPEN and s.current == view
    assert (view.number, view.total, view.seconds) == (1, 2, 20.0)
    clock.advance(10)
    receipt = s.submit(10, right(view))
    assert receipt.raw == "Kirov" and receipt.response_ms == 10_000 and receipt.all_answered
    assert s.tick() is CloseReason.ALL_ANSWERED
    assert s.state is SessionState.CLOSED
    result = s.reveal()
    assert s.state is SessionState.REVEALED
    assert result.correct_text == "Kirov" and result.correct_count == 1
    assert [(o.player_id, o.points, o.correct) for o in result.outcomes] == [(10, 750, True)]
    view2 = s.open_next()
    assert view2.number == 2 and view2.options == ("True", "False")
    clock.advance(1)
    s.submit(10, view2.pick([0]))
    s.close(CloseReason.TEACHER)
    second = s.reveal()
    assert second.outcomes[0].points == 975 + 100  # 1 s of 20, plus the streak bonus
    assert not s.has_next
    final = s.finish()
    assert s.state is SessionState.FINISHED and s.current is None
    assert final.standings[0].points == 750 + 1075
    assert final.standings[0].correct == 2 and final.standings[0].accuracy == 1.0
    assert not final.stopped and final.skipped == ()
    assert s.finish() is final  # asking again gives the same result


def test_lobby_refuses_what_needs_a_question() -> None:
    s = make_session()
    with pytest.raises(NotAccepting, match="not started"):
        s.submit(1, BoolAnswer(True))
    for action in (s.close, s.reveal, s.skip, s.finish):
        with pytest.raises(WrongState):
            action()
    assert s.tick() is None
    view = s.open_next()  # from the lobby, the first question
    assert view.number == 1
    with pytest.raises(WrongState, match="already started"):
        s.start()


def test_open_question_refuses_moving_on() -> None:
    s = make_session()
    s.start()
    with pytest.raises(WrongState, match="a question is still open"):
        s.reveal()
    with pytest.raises(WrongState, match="a question is still open"):
        s.open_next()
    with pytest.raises(WrongState, match="Questions remain"):
        s.finish()


def test_closed_question_refuses_answers_and_a_second_close() -> None:
    s = make_session()
    s.start()
    s.close()
    with pytest.raises(NotAccepting, match="closed"):
        s.submit(5, right(s.current))  # type: ignore[arg-type]
    with pytest.raises(WrongState, match="not been revealed"):
        s.close()
    with pytest.raises(WrongState):
        s.open_next()
    s.reveal()
    with pytest.raises(WrongState, match="no question is open"):
        s.reveal()
    with pytest.raises(NotAccepting, match="closed"):
        s.submit(5, BoolAnswer(True))


def test_last_question_cannot_be_followed() -> None:
    s = make_session(KIROV)
    s.start()
    s.close()
    s.reveal()
    with pytest.raises(WrongState, match="last question"):
        s.open_next()


def test_finished_quiz_refuses_everything() -> None:
    s = make_session(KIROV)
    s.start()
    s.close()
    s.reveal()
    s.finish()
    with pytest.raises(NotAccepting, match="over"):
        s.submit(1, ChoicePick(frozenset({0})))
    with pytest.raises(WrongState, match="over"):
        s.join(2, "Late Larry")
    with pytest.raises(WrongState, match="already over"):
        s.stop()
    with pytest.raises(WrongState):
        s.skip()
    assert s.tick() is None


# --- answers: first locks, refusals lock nothing ----------------------------------------------


def test_first_answer_locks() -> None:
    s = make_session()
    view = s.start()
    s.submit(7, wrong(view))
    with pytest.raises(AlreadyAnswered, match="first answer counts"):
        s.submit(7, right(view))
    s.close()
    [outcome] = s.reveal().outcomes
    assert not outcome.correct and outcome.points == 0


def test_unknown_option_is_refused_and_nothing_locks() -> None:
    s = make_session()
    view = s.start()
    with pytest.raises(UnknownOption):
        s.submit(7, TextAnswer("E"))
    with pytest.raises(UnknownOption):
        s.submit(7, ChoicePick(frozenset({9})))
    with pytest.raises(UnknownOption):
        view.pick([4])
    assert s.answered == 0 and not s.has_player(7)
    s.submit(7, right(view))
    assert s.answered == 1


def test_late_answer_is_refused() -> None:
    clock = Clock()
    s = make_session(clock=clock)
    view = s.start()
    clock.advance(20)
    s.submit(1, right(view))  # exactly at the deadline still counts
    clock.advance(0.001)
    with pytest.raises(TooLate, match="Too late"):
        s.submit(2, right(view))
    assert s.tick() is CloseReason.TIME_UP


def test_ambiguous_number_is_refused_then_corrected() -> None:
    s = make_session(DELEGATES)
    s.start()
    with pytest.raises(AnswerRefused, match="ambiguous"):
        s.submit(3, TextAnswer("1,9"))
    s.submit(3, TextAnswer("1,966 delegates"))
    s.close()
    [outcome] = s.reveal().outcomes
    assert outcome.correct and outcome.raw == "1,966 delegates"


def test_typed_text_reads_against_the_displayed_letters() -> None:
    s = make_session(VICTIMS, seed=3)
    view = s.start()
    letters = "".join(view.letters[view.position(i)] for i in (2, 0))
    s.submit(1, TextAnswer(letters.lower()))
    s.close()
    [outcome] = s.reveal().outcomes
    assert outcome.correct and outcome.raw == letters.lower()


# --- closing: time up, everyone answered ------------------------------------------------------


def test_tick_waits_until_time_or_everyone() -> None:
    clock = Clock()
    s = make_session(clock=clock)
    s.join(1, "Ann")
    s.join(2, "Bo")
    view = s.start()
    assert s.expected == 2
    r1 = s.submit(1, right(view))
    assert not r1.all_answered and s.tick() is None
    r2 = s.submit(2, wrong(view))
    assert r2.all_answered and (r2.answered, r2.expected) == (2, 2)
    assert s.tick() is CloseReason.ALL_ANSWERED
    assert s.reveal().reason is CloseReason.ALL_ANSWERED


def test_a_class_that_never_joins_closes_early_from_the_second_question() -> None:
    clock = Clock()
    s = make_session(clock=clock)
    view = s.start()
    first = s.submit(1, right(view), name="Ann")  # joined by answering
    assert not first.all_answered and s.tick() is None  # nobody was expected yet
    s.submit(2, right(view), name="Bo")
    clock.advance(20)
    assert s.tick() is CloseReason.TIME_UP
    s.reveal()
    view2 = s.open_next()
    assert s.expected == 2
    s.submit(1, right(view2))
    assert not s.all_answered
    s.submit(3, right(view2), name="Cy")  # a newcomer does not count this time
    assert not s.all_answered
    assert s.submit(2, right(view2)).all_answered
    assert s.tick() is CloseReason.ALL_ANSWERED
    assert [st.name for st in s.standings()] == ["Ann", "Bo", "Cy"]


def test_leaving_means_no_longer_waited_for() -> None:
    s = make_session()
    s.join(1, "Ann")
    s.join(2, "Bo")
    view = s.start()
    s.submit(1, right(view))
    s.leave(2)
    assert s.all_answered
    s.leave(99)  # unknown: nothing to do
    s.close()
    result = s.reveal()
    assert result.missing == ()
    s.open_next()
    assert s.expected == 1


def test_joining_mid_question_is_waited_for() -> None:
    s = make_session()
    s.join(1, "Ann")
    view = s.start()
    s.submit(1, right(view))
    assert s.all_answered
    s.join(2, "Bo")
    assert not s.all_answered and s.expected == 2
    s.submit(2, right(view))
    assert s.all_answered


def test_missing_players_are_listed_at_the_reveal() -> None:
    s = make_session()
    for pid, name in ((1, "Ann"), (2, "Bo"), (3, "Cy")):
        s.join(pid, name)
    view = s.start()
    s.submit(2, right(view))
    s.close()
    assert s.reveal().missing == (1, 3)


# --- skip and stop ----------------------------------------------------------------------------


def test_skip_drops_the_question_unscored() -> None:
    clock = Clock()
    s = make_session(KIROV, CONGRESS_TF, NKVD_HEAD, clock=clock)
    view = s.start()
    s.submit(1, right(view), name="Ann")
    nxt = s.skip()
    assert nxt is not None and nxt.number == 2 and s.state is SessionState.OPEN
    assert s.standings()[0].points == 0
    s.close()
    with_closed = s.skip()  # a closed, unrevealed question can be skipped too
    assert with_closed is not None and with_closed.number == 3
    s.close()
    s.reveal()
    assert s.skip() is None  # from the reveal of the last question: the quiz ends
    result = s.finish()
    assert result.skipped == ("kirov-victim", "congress-vote")
    assert [q.question_id for q in result.questions] == ["nkvd-1936"]
    assert not result.stopped


def test_skip_keeps_a_streak_alive() -> None:
    s = make_session(KIROV, CONGRESS_TF, NKVD_HEAD)
    view = s.start()
    s.submit(1, right(view), name="Ann")
    s.close()
    s.reveal()
    view = s.open_next()
    s.submit(1, wrong(view))
    view = s.skip()
    assert view is not None
    s.submit(1, right(view))
    s.close()
    [outcome] = s.reveal().outcomes
    assert outcome.streak == 2 and outcome.streak_bonus == 100


def test_stop_mid_question_keeps_earlier_points() -> None:
    s = make_session()
    view = s.start()
    s.submit(1, right(view), name="Ann")
    s.close()
    s.reveal()
    view = s.open_next()
    s.submit(1, right(view))
    result = s.stop()
    assert result.stopped and result.skipped == ("congress-vote",)
    assert result.standings[0].points == 1000 and result.standings[0].answered == 1
    assert s.state is SessionState.FINISHED


def test_stop_from_the_lobby() -> None:
    result = make_session().stop()
    assert result.stopped and result.questions == () and result.standings == ()


def test_the_receipt_carries_the_points_the_reveal_books() -> None:
    """A front end stores the receipt's score at the click; the reveal must agree, streak and all."""
    clock = Clock()
    s = make_session(KIROV, CONGRESS_TF, clock=clock)
    view = s.start()
    clock.advance(4)
    first = s.submit(1, right(view))
    late_wrong = s.submit(2, wrong(view))
    s.close()
    outcomes = {o.player_id: (o.correct, o.points) for o in s.reveal().outcomes}
    assert (first.correct, first.points) == outcomes[1] == (True, 900)
    assert (late_wrong.correct, late_wrong.points) == outcomes[2] == (False, 0)
    view2 = s.open_next()
    clock.advance(2)
    second = s.submit(1, view2.pick([0]))
    s.close()
    (outcome,) = s.reveal().outcomes
    assert (second.correct, second.points) == (outcome.correct, outcome.points) == (True, 950 + 100)


# --- an answer names its question: the engine decides whether it is taken -----------------------


def test_an_answer_to_an_older_question_is_refused_and_says_which_way_to_look() -> None:
    clock = Clock()
    s = make_session(KIROV, CONGRESS_TF, clock=clock)
    first = s.start()
    s.close()
    s.reveal()
    second = s.open_next()
    with pytest.raises(NotAccepting, match=r"^That question is closed: answer the newest one\.$"):
        s.submit(10, right(first), number=first.number)
    with pytest.raises(NotAccepting, match=r"^This question is closed: wait for the next one\.$"):
        s.question(second.number + 1)
    assert s.answered == 0
    assert s.submit(10, right(second), number=second.number).correct


def test_ready_for_gives_the_question_and_time_left_or_the_refusal_submit_would_give() -> None:
    clock = Clock()
    s = make_session(KIROV, clock=clock)
    view = s.start()
    clock.advance(5)
    assert s.ready_for(10, view.number) == (view, view.seconds - 5)
    s.submit(10, right(view), number=view.number)
    with pytest.raises(AlreadyAnswered):
        s.ready_for(10, view.number)
    clock.advance(view.seconds)
    with pytest.raises(TooLate):
        s.ready_for(11, view.number)
    s.close()
    with pytest.raises(NotAccepting, match=r"^This question is closed: wait for the next one\.$"):
        s.ready_for(11, view.number)
