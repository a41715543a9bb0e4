"""The team tests: one throwaway PostgreSQL server per session, a database per test.

The server is started by ``workbench.core.store.postgres.cluster`` (initdb in a temp
folder, Unix socket + 127.0.0.1, fsync=on; as root the server runs as 'nobody').
Without the PostgreSQL binaries every test here is skipped with one line saying why.
"""

from __future__ import annotations

import pytest

from workbench.core.store.postgres import cluster as pgc

REASON = pgc.missing_reason()


def pytest_collection_modifyitems(config, items):
    if REASON is None:
        return
    skip = pytest.mark.skip(reason=REASON)
    for item in items:
        if "tests/team/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def pg():
    """The shared server."""
    return pgc.shared_cluster()


@pytest.fixture
def team_db(pg):
    """The session's upgraded database, emptied for this test: its name."""
    return pgc.fresh_shared_database(pg)


@pytest.fixture
def team_url(pg, team_db):
    """URL factory: ``team_url("ana")`` is a socket URL logging in as role ana (a writer),
    ``team_url("guest", write=False)`` a read-only role."""

    def make(user: str = "ana", write: bool = True) -> str:
        pgc.ensure_role(pg, user, write=write)
        return pg.url(team_db, user)

    return make
