"""/leaderboard, /stats, /results export and chart: what the stored answers say to a class and
teacher, as embeds, spreadsheets and pictures, for the whole server or one class."""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands

from purgebot.bot import render, reportfiles, scorecards
from purgebot.bot.cards import plural
from purgebot.bot.checks import guild_id_of, is_teacher, teacher_only
from purgebot.bot.errors import NotTeacher, reply_private
from purgebot.bot.featurecog import FeatureCog
from purgebot.bot.leaderboard.pager import PAGE_SIZE, LeaderboardPager, fetch_page
from purgebot.bot.transformers import QUIZ_FILTERS, BankId, ClassName, DayParam, span
from purgebot.errors import UserFacingError
from purgebot.reports import class_chart, student_chart
from purgebot.storage import LeaderboardPage, Metric, Period, Scope
from purgebot.storage.timeutil import as_datetime

PERIODS = [
    app_commands.Choice(name="all time (default)", value="all"),
    app_commands.Choice(name="this week", value="week"),
    app_commands.Choice(name="this month", value="month"),
]
METRICS = [
    app_commands.Choice(name="points (default)", value="points"),
    app_commands.Choice(name="accuracy", value="accuracy"),
]


class NoRunsYet(UserFacingError):
    def __init__(self) -> None:
        super().__init__("No quiz has been run in this server yet, so there is nothing to export.")


class LeaderboardCog(FeatureCog, name="Leaderboard"):
    results = app_commands.Group(
        name="results", description="Quiz results as spreadsheets (teachers)", guild_only=True
    )

    async def run_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        # runs say who started what, when: teachers' business only
        if interaction.guild_id is None or not await is_teacher(interaction, self.store):
            return []
        runs = await self.store.list_runs(interaction.guild_id, limit=render.CHOICES)
        labelled = ((scorecards.run_label(run), run.run_id) for run in runs)
        return render.matching_int_choices(labelled, current)

    @app_commands.command(name="leaderboard", description="The best players in this server")
    @app_commands.describe(
        **QUIZ_FILTERS,
        period="Which answers count",
        metric="Rank by",
        page=f"Which page of the board, {PAGE_SIZE} places each (default: the first)",
    )
    @app_commands.rename(class_name="class")
    @app_commands.choices(period=PERIODS, metric=METRICS)
    @app_commands.guild_only()
    async def leaderboard(
        self,
        interaction: discord.Interaction[Any],
        period: str = "all",
        bank: BankId | None = None,
        metric: str = "points",
        page: app_commands.Range[int, 1, 1000] = 1,
        class_name: ClassName | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        klass = await reportfiles.class_scope(self.store, interaction, class_name)
        await interaction.response.defer(thinking=True)
        chosen = (Period(period), Metric(metric))
        top = await self.store.board_top(guild_id)
        if top is not None:  # the class sees the first places only, on one page
            shown = await fetch_page(
                self.store, guild_id, *chosen, bank or None, 0, klass, limit=top
            )
            shown = LeaderboardPage(
                shown.entries, len(shown.entries), 0, top, shown.period, shown.metric, shown.since
            )
            await interaction.followup.send(
                embed=reportfiles.board_embed(shown, bank or None, klass, top)
            )
            return
        shown = await fetch_page(
            self.store, guild_id, *chosen, bank or None, (page - 1) * PAGE_SIZE, klass
        )
        if not shown.entries and shown.total:  # past the end: show the last page there is
            last = (shown.total - 1) // PAGE_SIZE * PAGE_SIZE
            shown = await fetch_page(self.store, guild_id, *chosen, bank or None, last, klass)
        embed = reportfiles.board_embed(shown, bank or None, klass)
        if shown.total <= PAGE_SIZE:
            await interaction.followup.send(embed=embed)
            return
        pager = LeaderboardPager(
            self.store,
            owner_id=interaction.user.id,
            guild_id=guild_id,
            period=chosen[0],
            metric=chosen[1],
            bank_id=bank or None,
            page=shown,
            origin=interaction,
            class_name=klass,
        )
        pager.message = await interaction.followup.send(embed=embed, view=pager, wait=True)

    @app_commands.command(name="stats", description="Your quiz record here (teachers: anyone's)")
    @app_commands.describe(member="Whose stats (teachers only; default you)")
    @app_commands.guild_only()
    async def stats(
        self, interaction: discord.Interaction[Any], member: discord.Member | None = None
    ) -> None:
        guild_id = guild_id_of(interaction)
        target = member or interaction.user
        if target.id != interaction.user.id and not await is_teacher(interaction, self.store):
            raise NotTeacher("see another student's stats")
        await interaction.response.defer(ephemeral=True, thinking=True)
        stats = await self.store.student_stats(guild_id, target.id)
        embed = scorecards.stats_embed(stats, target.display_name)
        # spaced review: how many missed questions are due now
        due = await self.store.count_due(guild_id, target.id, as_datetime(self.services.clock()))
        embed.add_field(name="Due for review", value=f"{due} · `/review`", inline=False)
        if not stats.answered:
            await reply_private(interaction, embed=embed)
            return
        mine = await self.store.scope_report(Scope(guild_id, user_id=target.id))
        chart = await reportfiles.chart_file(
            student_chart(mine.answers, render.cut(target.display_name, 40))
        )
        embed.set_image(url=f"attachment://{chart.filename}")
        await reply_private(interaction, embed=embed, file=chart)

    @results.command(name="export", description="The results as CSV spreadsheets (teachers)")
    @app_commands.describe(
        run="Which quiz run (default: the latest here)",
        since="A server report from this day (YYYY-MM-DD), instead of one run",
        until="A server report up to and including this day (YYYY-MM-DD), instead of one run",
    )
    @app_commands.describe(class_name="Only this class's quizzes (a report over dates)")
    @app_commands.rename(class_name="class")
    @teacher_only("export results")
    async def export(
        self,
        interaction: discord.Interaction[Any],
        run: int | None = None,
        since: DayParam | None = None,
        until: DayParam | None = None,
        class_name: ClassName | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        start, end = span(since, until)
        # an export is the whole server's unless a class is named
        klass = (
            await reportfiles.class_scope(self.store, interaction, class_name)
            if class_name
            else None
        )
        await interaction.response.defer(ephemeral=True, thinking=True)
        if start is not None or end is not None or klass is not None:
            report = await self.store.server_report(guild_id, start, end, class_name=klass)
            base = f"server-{since or 'start'}-to-{until or 'now'}"
            if klass is not None:
                base = f"class-{reportfiles.slug(klass)}-{since or 'start'}-to-{until or 'now'}"
        else:
            if run is None:
                latest = await self.store.list_runs(guild_id, limit=1)
                if not latest:
                    raise NoRunsYet()
                run = latest[0].run_id
            report = await self.store.run_report(guild_id, run)
            base = f"run-{run}"
        texts = await reportfiles.report_texts(self.services.catalog, guild_id, report)
        summary = scorecards.report_summary(report)
        if klass is not None:
            summary = summary.replace(" in this server ", f" in class {klass} ", 1)
        await interaction.followup.send(
            render.content(summary),
            files=reportfiles.report_files(report, base, texts),
            ephemeral=True,
        )

    @results.command(name="chart", description="The class's results as a picture (teachers)")
    @app_commands.describe(
        **QUIZ_FILTERS,
        since="From this day (YYYY-MM-DD; default: the start of this term)",
        until="Up to and including this day (YYYY-MM-DD; default: today)",
    )
    @app_commands.rename(class_name="class")
    @teacher_only("see the results chart")
    async def chart(
        self,
        interaction: discord.Interaction[Any],
        bank: BankId | None = None,
        since: DayParam | None = None,
        until: DayParam | None = None,
        class_name: ClassName | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        start, end = span(since, until)
        klass = await reportfiles.class_scope(self.store, interaction, class_name)
        await interaction.response.defer(ephemeral=True, thinking=True)
        term = await self.store.current_term(guild_id) if start is None else None
        if term is not None:
            start = term.started_at
        report = await self.store.scope_report(Scope(guild_id, start, end, bank or None, klass))
        scope = reportfiles.chart_scope(klass, bank or None, since, until, term)
        if not report.answers:
            await reply_private(interaction, f"No quiz answers yet for {scope}.")
            return
        texts = await reportfiles.report_texts(self.services.catalog, guild_id, report)
        chart = await reportfiles.chart_file(class_chart(report, texts, scope))
        embed = render.embed(
            f"Results · {scope}",
            f"{plural(len(report.students), 'student')}, {plural(len(report.answers), 'answer')}"
            f", {plural(len(report.questions), 'question')}. The chart's figures are in "
            "`/results export` (same answers, same counts).",
            colour=scorecards.COLOUR,
        )
        embed.set_image(url=f"attachment://{chart.filename}")
        await reply_private(interaction, embed=embed, file=chart)

    export.autocomplete("run")(run_autocomplete)
