"""Players in a session: streaks, accuracy scoring, accommodations and ranks with ties."""

from __future__ import annotations

import pytest
from quiz_helpers import (
    CONGRESS_TF,
    DELEGATES,
    KIROV,
    NKVD_HEAD,
    Clock,
    make_session,
    right,
    wrong,
)

from purgebot.quiz import (
    CloseReason,
    QuizError,
    Scoring,
    TooLate,
)

# --- scoring through the session --------------------------------------------------------------


def test_streak_grows_and_breaks() -> None:
    clock = Clock()
    s = make_session(KIROV, CONGRESS_TF, NKVD_HEAD, DELEGATES, clock=clock)
    answers = [right, right, wrong, right]
    points = []
    for i, how in enumerate(answers):
        view = s.start() if i == 0 else s.open_next()
        s.submit(1, how(view), name="Ann")
        s.close()
        points.append(s.reveal().outcomes[0].points)
    assert points == [1000, 1100, 0, 1000]
    assert s.finish().standings[0].best_streak == 2


def test_not_answering_breaks_the_streak() -> None:
    s = make_session(KIROV, CONGRESS_TF, NKVD_HEAD)
    s.join(1, "Ann")
    view = s.start()
    s.submit(1, right(view))
    s.close()
    s.reveal()
    s.open_next()
    s.close()
    s.reveal()
    assert s.standings()[0].streak == 0
    view = s.open_next()
    s.submit(1, right(view))
    s.close()
    assert s.reveal().outcomes[0].streak_bonus == 0


def test_accuracy_only_scoring() -> None:
    clock = Clock()
    s = make_session(KIROV, CONGRESS_TF, NKVD_HEAD, clock=clock, scoring=Scoring.ACCURACY)
    for i, how in enumerate([right, right, wrong]):
        view = s.start() if i == 0 else s.open_next()
        clock.advance(7)
        s.submit(1, how(view), name="Ann")
        s.close()
        s.reveal()
    [standing] = s.finish().standings
    assert (standing.points, standing.correct, standing.asked) == (2, 2, 3)


# --- accommodations ---------------------------------------------------------------------------


def test_accommodated_student_gets_their_own_deadline_and_full_points() -> None:
    clock = Clock()
    s = make_session(clock=clock)
    s.join(1, "Ann")
    s.join(2, "Bo", multiplier=2.0)
    view = s.start()
    assert view.closes_at == view.opened_at + 40
    assert s.deadline_for(1) == view.opened_at + 20 and s.deadline_for(2) == view.opened_at + 40
    clock.advance(10)
    s.submit(1, right(view))
    clock.advance(11)  # 21 s in: past Ann's limit, inside Bo's
    with pytest.raises(TooLate):
        s.submit(3, right(view), name="Cy")
    assert s.tick() is None  # still open for Bo
    clock.advance(-1)
    s.submit(2, right(view))  # 20 s of Bo's 40: the same share as Ann's 10 of 20
    s.close()
    ann, bo = s.reveal().outcomes
    assert ann.points == bo.points == 750 and bo.multiplier == 2.0


def test_accommodation_registered_before_joining_keeps_the_question_open() -> None:
    clock = Clock()
    s = make_session(clock=clock)
    s.accommodate(5, 1.5)
    view = s.start()
    assert s.closes_at == view.opened_at + 30
    clock.advance(25)
    s.submit(5, right(view), name="Dee")  # auto-joined with their multiplier
    assert s.multiplier_of(5) == 1.5
    clock.advance(5)
    assert s.tick() is CloseReason.TIME_UP


def test_accommodated_student_joining_mid_question_extends_it() -> None:
    clock = Clock()
    s = make_session(clock=clock)
    view = s.start()
    assert s.closes_at == view.opened_at + 20
    s.join(4, "Eve", multiplier=2)
    assert s.closes_at == view.opened_at + 40
    s.accommodate(4, 1.5)  # lowered: the question never closes earlier than announced
    assert s.closes_at == view.opened_at + 40 and s.deadline_for(4) == view.opened_at + 30


@pytest.mark.parametrize("multiplier", [0.5, 0.99, 4.5])
def test_multiplier_out_of_range_is_refused(multiplier: float) -> None:
    s = make_session()
    with pytest.raises(QuizError, match="between 1 and 4"):
        s.join(1, "Ann", multiplier=multiplier)
    with pytest.raises(QuizError, match="between 1 and 4"):
        s.accommodate(1, multiplier)


# --- standings --------------------------------------------------------------------------------


def test_ties_share_a_rank() -> None:
    clock = Clock()
    s = make_session(KIROV, clock=clock)
    view = s.start()
    s.submit(1, right(view), name="Ann")  # 1000
    clock.advance(10)
    s.submit(2, right(view), name="Bo")  # 750
    s.submit(3, right(view), name="Cy")  # 750
    s.submit(4, wrong(view), name="Di")  # 0
    s.submit(5, wrong(view), name="Ed")  # 0
    s.close()
    s.reveal()
    table = [(st.rank, st.name, st.points) for st in s.standings()]
    assert table == [(1, "Ann", 1000), (2, "Bo", 750), (2, "Cy", 750), (4, "Di", 0), (4, "Ed", 0)]


def test_standings_count_questions_asked_from_joining() -> None:
    s = make_session(KIROV, CONGRESS_TF, NKVD_HEAD)
    s.join(1, "Ann")
    view = s.start()
    s.submit(1, right(view))
    s.close()
    s.join(2, "Bo")  # joined after the close: question 1 was never theirs
    s.reveal()
    view = s.open_next()
    s.submit(2, right(view))
    s.close()
    s.reveal()
    by_name = {st.name: st for st in s.standings()}
    assert (by_name["Ann"].asked, by_name["Ann"].answered) == (2, 1)
    assert (by_name["Bo"].asked, by_name["Bo"].accuracy) == (1, 1.0)
    assert by_name["Ann"].accuracy == 0.5
