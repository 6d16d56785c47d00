"""The teacher's view as pictures: what a chart plots (computed from the same stored rows as the
CSV files) and the PNG drawn from it. No Discord here; the bot attaches the bytes."""

from purgebot.reports.charts import render_png
from purgebot.reports.figures import (
    Bar,
    Chart,
    Panel,
    accuracy_by_topic,
    accuracy_by_week,
    class_chart,
    most_missed,
    quiz_chart,
    score_distribution,
    share_right_by_question,
    student_chart,
)

__all__ = [
    "Bar",
    "Chart",
    "Panel",
    "accuracy_by_topic",
    "accuracy_by_week",
    "class_chart",
    "most_missed",
    "quiz_chart",
    "render_png",
    "score_distribution",
    "share_right_by_question",
    "student_chart",
]
