"""Contract tests: every store engine must pass them.

The ``store_factory`` fixture runs each test once per engine:

- ``"folder"``: the local workspace folder (always);
- ``"postgres"``: when ``tests/store_contract/pg_engine.py`` exists and provides
  ``make_pg_store``; otherwise that run is skipped with the reason.

The engine side of the PostgreSQL run (written in ``pg_engine.py``)::

    def make_pg_store(tmp_path, reviewer, *, readonly=False, clock=None) -> Store:
        '''A new, empty PostgreSQL store for this test (the first call).'''

    def reopen_pg_store(tmp_path, reviewer, *, readonly=False, clock=None) -> Store:
        '''The store ``make_pg_store(tmp_path, ...)`` created, opened again (a
        restart, a second reviewer, a read-only instance).'''

    PG_SKIP: str | None   # why PostgreSQL cannot run here (None: it can)

``clock``, when given, returns the UTC timestamps to write (an engine may ignore
it; the tests compare order, not times). A test that needs a Store method newer
than an engine declares it with ``@pytest.mark.needs("set_label", ...)``: the run
of an engine without it is skipped, naming the missing methods. A known gap of one
engine is marked ``@pytest.mark.gap("postgres", "why")``: that run is an expected
failure (not strict), so it shows as XPASS once the engine is fixed; remove it then.

How a test uses it::

    def test_something(store_factory):
        with store_factory(reviewer="ana") as store:        # creates the store
            ...
        with store_factory.reopen(reviewer="bo") as store:  # the same store again
            ...
        with store_factory(readonly=True) as ro: ...        # a read-only instance

Every call (``store_factory(...)`` and ``store_factory.reopen(...)`` are the same
thing; ``reopen`` only reads better) opens the one store location of this test.
The test closes what it opens; the fixture closes anything left open at the end.
Timestamps come from one increasing clock per test, so history order is stable.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from contract_data import Clock

from workbench.core.store import Store, open_store


def _pg_engine() -> tuple[Any, str | None]:
    try:
        module = importlib.import_module("pg_engine")
    except ImportError as exc:
        return None, f"no PostgreSQL engine for the contract tests ({exc})"
    if not hasattr(module, "make_pg_store"):
        return None, "pg_engine.py has no make_pg_store"
    reason = getattr(module, "PG_SKIP", None)
    if reason is None and hasattr(module, "skip_reason"):
        reason = module.skip_reason()
    return module, reason


class StoreFactory:
    """Opens this test's store (see the module docstring)."""

    def __init__(
        self, engine: str, tmp_path: Path, pg: Any = None, needs: tuple[str, ...] = ()
    ) -> None:
        self.engine = engine
        self.needs = needs
        self.tmp_path = tmp_path
        self.clock = Clock()
        self._pg = pg
        self._opened: list[Store] = []

    def __call__(self, reviewer: str = "ana", readonly: bool = False) -> Store:
        if self.engine == "folder":
            store = open_store(self.tmp_path / "ws", reviewer, readonly=readonly, clock=self.clock)
        else:
            opener = self._pg.make_pg_store
            if self._opened and hasattr(self._pg, "reopen_pg_store"):
                opener = self._pg.reopen_pg_store
            store = opener(self.tmp_path, reviewer, readonly=readonly, clock=self.clock)
        self._opened.append(store)
        missing = [name for name in self.needs if not hasattr(store, name)]
        if missing:
            pytest.skip(f"the {self.engine} engine does not implement {', '.join(missing)} yet")
        return store

    def reopen(self, reviewer: str = "ana", readonly: bool = False) -> Store:
        """The same store again (after the test closed the previous instance)."""
        return self(reviewer=reviewer, readonly=readonly)

    def close_all(self) -> None:
        for store in reversed(self._opened):
            try:
                store.close()
            except Exception:  # noqa: BLE001 - teardown of a store a test broke on purpose
                pass


def pytest_configure(config):
    config.addinivalue_line("markers", "needs(*methods): Store methods the test uses")
    config.addinivalue_line("markers", "gap(engine, reason): a known failure of one engine")


@pytest.fixture(params=["folder", "postgres"])
def store_factory(request, tmp_path):
    pg = None
    if request.param == "postgres":
        pg, reason = _pg_engine()
        if pg is None or reason:
            pytest.skip(reason or "PostgreSQL engine unavailable")
    for gap in request.node.iter_markers("gap"):
        if gap.args and gap.args[0] == request.param:
            request.applymarker(pytest.mark.xfail(reason=gap.args[1], strict=False))
    marker = request.node.get_closest_marker("needs")
    needs = tuple(marker.args) if marker else ()
    factory = StoreFactory(request.param, tmp_path, pg, needs)
    yield factory
    factory.close_all()
