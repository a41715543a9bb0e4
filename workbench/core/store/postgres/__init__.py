"""The team workspace: the store on a PostgreSQL server.

``open_postgres_store(url, reviewer)`` opens a session (``workbench.core.store``'s
``open_store`` calls it for ``postgresql://`` and ``postgres://`` locations). The
reviewer is the authenticated database user (``current_user``), or the name the
server maps it to in ``workbench.reviewers``; the ``reviewer`` argument is only a
fallback name for messages and is never trusted. A role without write grants opens
read-only: it can browse, and every change says it may not mark.

Modules: ``connect`` (URLs without passwords, one-line connection errors),
``schema`` (versioned schema, migrations, grants), ``engine`` (the session:
transactions, reconnecting, the live signal), ``reads``, ``edits`` (field-level
changes and conflicts), ``imports`` (articles, whole verdicts), ``undo``,
``presence`` (assignments, "taken by" markers), ``live`` (LISTEN/NOTIFY watch),
``sync`` (a local folder workspace <-> the team server), ``cluster`` (a throwaway
server for tests and benchmarks).
"""

from __future__ import annotations

from ...errors import StoreError
from .connect import is_postgres_url, safe_url
from .engine import PostgresStore
from .schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "PostgresStore",
    "is_postgres_url",
    "open_postgres_store",
    "safe_url",
]


def open_postgres_store(
    url: str,
    reviewer: str | None = None,
    readonly: bool = False,
    wait: float = 0.0,
    create: bool = True,
    clock: object = None,
) -> PostgresStore:
    """Open a session on the team workspace at ``url``.

    ``wait`` and ``create`` exist for the folder engine's signature: a server needs
    no lock, and its schema is created by ``workbench db upgrade`` (run by the
    database owner), never implicitly. StoreError (one line) when the server cannot
    be reached, the login is refused, the database or schema is missing or of
    another version.
    """
    del wait, create
    if not is_postgres_url(url):
        raise StoreError(f"{safe_url(str(url))} is not a postgresql:// URL")
    return PostgresStore.open(url, reviewer=reviewer, readonly=readonly, clock=clock)  # type: ignore[arg-type]
