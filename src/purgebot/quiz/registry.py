"""One quiz per channel, found by id: a dict look-up per event, never a scan of all sessions."""

from __future__ import annotations

from collections.abc import Iterator

from purgebot.quiz.errors import NoSession, SessionRunning
from purgebot.quiz.results import SessionState
from purgebot.quiz.session import QuizSession


class SessionRegistry:
    """Channel id -> its quiz. A finished quiz left in place does not block the next one."""

    def __init__(self) -> None:
        self._by_channel: dict[int, QuizSession] = {}

    def start(self, channel_id: int, session: QuizSession) -> QuizSession:
        """Register `session` as the channel's quiz; refused if one is still running there."""
        current = self._by_channel.get(channel_id)
        if current is not None and current.state is not SessionState.FINISHED:
            raise SessionRunning("A quiz is already running in this channel: stop it first.")
        self._by_channel[channel_id] = session
        return session

    def get(self, channel_id: int) -> QuizSession | None:
        """The channel's quiz, still running or finished but not yet removed."""
        return self._by_channel.get(channel_id)

    def running(self, channel_id: int) -> QuizSession:
        """The channel's running quiz, or `NoSession` for the user."""
        session = self._by_channel.get(channel_id)
        if session is None or session.state is SessionState.FINISHED:
            raise NoSession("There is no quiz running in this channel.")
        return session

    def remove(self, channel_id: int) -> QuizSession | None:
        return self._by_channel.pop(channel_id, None)

    def __contains__(self, channel_id: object) -> bool:
        return channel_id in self._by_channel

    def __len__(self) -> int:
        return len(self._by_channel)

    def __iter__(self) -> Iterator[int]:
        return iter(list(self._by_channel))
