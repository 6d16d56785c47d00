"""Opening a PostgreSQL database at start, with a plain reason when it can't be used.

As opening.py does for an SQLite file: the person starting the bot is told what is wrong in words
that fit (the server is not answering, the login was refused, the database does not exist, it was
written by a newer purgebot), with the URL's password replaced by ***, never a traceback.
"""

from __future__ import annotations

import asyncpg

from purgebot.storage.errors import SchemaTooNewError
from purgebot.storage.opening import DatabaseProblem
from purgebot.storage.pgdb import CONNECTION_ERRORS, redact
from purgebot.storage.store import Store
from purgebot.storage.timeutil import Clock, system_clock


def explain_postgres(url: str, exc: BaseException) -> DatabaseProblem | None:
    """The operator's reason for an error opening `url`, or None for a bug."""
    where = redact(url)
    if isinstance(exc, DatabaseProblem):
        return exc
    if isinstance(exc, SchemaTooNewError):
        return DatabaseProblem(
            f"the database {where} was written by a newer purgebot ({exc}). Upgrade purgebot "
            "to use it, or set PURGEBOT_DB to another database; this version will not guess at it."
        )
    if isinstance(
        exc, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError
    ):
        return DatabaseProblem(
            f"PostgreSQL at {where} refused the login. Check the user name and password in "
            "PURGEBOT_DB."
        )
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return DatabaseProblem(
            f"PostgreSQL at {where} has no such database. Create it (for example with "
            "`createdb`), or set PURGEBOT_DB to one that exists."
        )
    if isinstance(exc, asyncpg.InsufficientPrivilegeError):
        return DatabaseProblem(
            f"the PostgreSQL user in {where} may not create purgebot's tables. Grant it "
            "CREATE on the database, or use the database's owner in PURGEBOT_DB."
        )
    if isinstance(exc, CONNECTION_ERRORS):
        return DatabaseProblem(
            f"cannot reach PostgreSQL at {where}. Check that the server is running and "
            "accepts connections from this computer, and the host and port in PURGEBOT_DB."
        )
    if isinstance(exc, ValueError) and "dsn" in str(exc).casefold():
        return DatabaseProblem(
            f"PURGEBOT_DB is not a PostgreSQL URL purgebot can read ({where}); write it as "
            "postgresql://USER:PASSWORD@HOST:PORT/DATABASE."
        )
    return None


async def open_postgres_for_bot(url: str, *, clock: Clock = system_clock) -> Store:
    """Open and migrate the database at `url`, or raise DatabaseProblem saying why not."""
    try:
        return await Store.open(url, clock=clock)
    except Exception as exc:
        problem = explain_postgres(url, exc)
        if problem is None:
            raise
        raise problem from None
