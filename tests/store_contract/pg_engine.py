"""The PostgreSQL engine for the store contract suite.

``make_pg_store(tmp_path, reviewer)`` opens a session on an emptied database of the
session's throwaway server, logged in as a database role named after the reviewer
(the team engine takes the reviewer from the login, never from a string).
``reopen_pg_store(tmp_path, reviewer=None, readonly=False)`` opens another session
on the same workspace (a restart, a second reviewer, a read-only browser).
``PG_SKIP`` is None when a server can be started here, else the reason to skip.
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.store.postgres import cluster as pgc
from workbench.core.store.postgres import open_postgres_store

PG_SKIP = pgc.missing_reason()
_urls: dict[str, str] = {}


def _role(reviewer: str, write: bool = True) -> str:
    return pgc.ensure_role(pgc.shared_cluster(), reviewer, write=write)


def make_pg_store(
    tmp_path: Path, reviewer: str = "ana", *, readonly: bool = False, clock: object = None
):
    cluster = pgc.shared_cluster()
    db = pgc.fresh_shared_database(cluster)
    _urls[str(tmp_path)] = db
    return open_postgres_store(
        cluster.url(db, _role(reviewer)), reviewer, readonly=readonly, clock=clock
    )


def reopen_pg_store(
    tmp_path: Path, reviewer: str = "ana", *, readonly: bool = False, clock: object = None
):
    cluster = pgc.shared_cluster()
    db = _urls[str(tmp_path)]
    return open_postgres_store(
        cluster.url(db, _role(reviewer)), reviewer, readonly=readonly, clock=clock
    )
