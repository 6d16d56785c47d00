"""Storage errors: the ones a user can cause say so in plain words; the rest are for the log."""

from __future__ import annotations

from purgebot.errors import UserFacingError


class StorageError(Exception):
    """Something is wrong with the database itself; logged, never shown to a user."""


class SchemaTooNewError(StorageError):
    """The file was written by a newer purgebot: refuse rather than guess at its tables."""


class MigrationError(StorageError):
    """A migration failed; it was rolled back and the database is still at the previous version."""


class StoreClosedError(StorageError):
    """A write arrived after the store was closed."""


class RunNotFoundError(UserFacingError):
    def __init__(self, run_id: int) -> None:
        super().__init__(f"There is no quiz run #{run_id} in this server.")
        self.run_id = run_id


class SubmissionNotFoundError(UserFacingError):
    def __init__(self, submission_id: int) -> None:
        super().__init__(f"There is no essay submission #{submission_id} in this server.")
        self.submission_id = submission_id


class DatabaseUnavailableError(UserFacingError, StorageError):
    """The database server cannot be reached just now (PostgreSQL); nothing was saved."""

    def __init__(self) -> None:
        super().__init__(
            "The quiz database can't be reached right now, so this was not saved. "
            "Please try again in a minute."
        )
