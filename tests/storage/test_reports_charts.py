"""What the charts plot is counted from the same stored rows as the CSV files, and every chart
comes out as a PNG that decodes, 800 pixels wide and well under a megabyte."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from PIL import Image
from storage_helpers import CHANNEL, GUILD, TEACHER, FakeClock, player

from purgebot.reports import (
    accuracy_by_topic,
    accuracy_by_week,
    class_chart,
    most_missed,
    quiz_chart,
    render_png,
    score_distribution,
    share_right_by_question,
    student_chart,
)
from purgebot.reports.figures import ALT_TEXT_CHARS, MAX_BARS, Chart
from purgebot.storage import Report, RunStatus, Store

TEXTS = {("purges", "q-kirov"): "Kirov was the party leader of which city?"}


def parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


async def two_weeks(store: Store, clock: FakeClock) -> Report:
    """Three students over two weeks and two topics."""
    clock.now = datetime(2024, 3, 6, 9, 0, tzinfo=UTC)  # a Wednesday
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    ana, boris, cyril = (player(store, clock, run, i, n) for i, n in enumerate("ABC", 1))
    await ana.answer("q-kirov", True, 900, topic="kirov")
    await boris.answer("q-kirov", False, topic="kirov")
    await cyril.answer("q-kirov", False, topic="kirov")
    await ana.answer("q-yezhov", True, 800, topic="nkvd")
    await store.end_run(run.run_id, RunStatus.FINISHED)
    clock.now = datetime(2024, 3, 12, 9, 0, tzinfo=UTC)  # the next Tuesday
    later = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    for who, right in ((ana, True), (boris, True), (cyril, False)):
        who.run = later
        await who.answer("q-yezhov", right, 700 if right else 0, topic="nkvd")
    return await store.server_report(GUILD)


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) < 1_000_000
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.size


async def test_the_class_chart_plots_what_the_csv_files_say(store: Store, clock: FakeClock) -> None:
    report = await two_weeks(store, clock)
    questions = parse(report.questions_csv(TEXTS))[1:]
    timeline = parse(report.timeline_csv(TEXTS))[1:]
    # by topic, from the timeline's rows (topic column 7, right column 9)
    topics: dict[str, list[int]] = {}
    for row in timeline:
        seen = topics.setdefault(row[7], [0, 0])
        seen[0] += int(row[9])
        seen[1] += 1
    assert [(b.label, b.correct, b.answered) for b in accuracy_by_topic(report.answers)] == [
        ("nkvd", *topics["nkvd"]),
        ("kirov", *topics["kirov"]),
    ]
    # by week (Monday, UTC) from the timeline's dates
    weeks = [(b.label, b.correct, b.answered) for b in accuracy_by_week(report.answers)]
    assert weeks == [("04 Mar 2024", 2, 4), ("11 Mar 2024", 2, 3)]
    assert sum(n for _, _, n in weeks) == len(timeline)
    # most missed, from the questions file's counts
    missed = most_missed(report.questions, TEXTS)
    assert [(b.correct, b.answered) for b in missed] == [
        (int(questions[0][5]), int(questions[0][4])),  # q-kirov: 1 of 3
        (int(questions[1][5]), int(questions[1][4])),  # q-yezhov: 3 of 4
    ]
    assert missed[0].label == "Q1 Kirov was the party leader of which city?"[:39] + "…"
    chart = class_chart(report, TEXTS, "the whole server")
    assert [p.title for p in chart.panels] == [
        "Accuracy by topic",
        "Accuracy by week",
        "Most missed questions",
    ]
    assert "Accuracy by week: 04 Mar 2024: 50% (2 of 4); 11 Mar 2024: 67% (2 of 3)." in (
        chart.description()
    )
    assert png_size(render_png(chart))[0] == 800


async def test_the_quiz_chart_plots_the_run_reports_rows(store: Store, clock: FakeClock) -> None:
    await two_weeks(store, clock)
    report = await store.run_report(GUILD, 1)
    questions = parse(report.questions_csv(TEXTS))[1:]
    students = parse(report.students_csv())[1:]
    shares = share_right_by_question(report.questions, TEXTS)
    assert [(b.correct, b.answered) for b in shares] == [(int(r[5]), int(r[4])) for r in questions]
    bands = score_distribution(report.students)
    assert sum(int(b.value) for b in bands) == len(students)
    assert [(b.label, b.value) for b in bands] == [
        ("0–283", 2),
        ("284–567", 0),
        ("568–851", 0),
        ("852–1,135", 0),
        ("1,136–1,419", 0),
        ("1,420–1,703", 1),
    ]  # points 0, 0 and 1,700: six equal bands from 0 to the best score
    chart = quiz_chart(report, TEXTS, 1)
    assert chart.filename == "quiz-1-results.png"
    assert png_size(render_png(chart))[0] == 800


async def test_a_students_chart_is_their_own_answers(store: Store, clock: FakeClock) -> None:
    report = await two_weeks(store, clock)
    mine = [a for a in report.answers if a.user_id == 2]
    chart = student_chart(mine, "B")
    assert chart.description() == (
        "B: accuracy. Accuracy by topic: kirov: 0% (0 of 1); nkvd: 100% (1 of 1). "
        "Accuracy by week: 04 Mar 2024: 0% (0 of 1); 11 Mar 2024: 100% (1 of 1)."
    )
    assert png_size(render_png(chart))[0] == 800


def test_an_empty_chart_still_draws_and_says_so() -> None:
    chart = class_chart(Report(None, None, None, (), (), ()), {}, "class 11A")
    assert chart.empty
    assert chart.description() == (
        "Results · class 11A. Accuracy by topic: nothing yet. Accuracy by week: nothing yet. "
        "Most missed questions: nothing yet."
    )
    assert png_size(render_png(chart))[0] == 800


async def test_a_big_class_is_cut_to_what_reads_and_the_words_fit_alt_text(
    store: Store, clock: FakeClock
) -> None:
    run = await store.start_run(GUILD, CHANNEL, "purges", TEACHER)
    for q in range(MAX_BARS + 5):
        await player(store, clock, run, 1, "A").answer(f"question-{q:02d}", q % 2 == 0)
    report = await store.run_report(GUILD, run.run_id)
    chart: Chart = quiz_chart(report, {}, run.run_id)
    shares = chart.panels[0]
    assert (len(shares.bars), shares.left_out) == (MAX_BARS, 5)
    assert len(chart.description()) <= ALT_TEXT_CHARS
    width, height = png_size(render_png(chart))
    assert width == 800 and height > 800  # taller with more bars
