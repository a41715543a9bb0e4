"""The folder engine's own API cases (the engine-neutral ones are in tests/store_contract)."""

from __future__ import annotations

import threading

import pytest
from store_fixtures import Clock, article, open_ws

from workbench.core.errors import NotFound, StoreError
from workbench.core.store import Workspace, open_store


def test_readonly_refuses_writes(tmp_path):
    a, claims = article()
    with open_ws(tmp_path / "ws") as ws:
        ws.add_article(a, claims)
        with Workspace.open(tmp_path / "ws", readonly=True) as ro:  # no lock needed
            assert ro.readonly
            with pytest.raises(StoreError, match="read-only"):
                ro.set_status(a.id, claims[0].id, "verified")
            with pytest.raises(StoreError, match="read-only"):
                ro.undo()
    with pytest.raises(NotFound, match="no workspace"):
        Workspace.open(tmp_path / "missing", readonly=True)


def test_reviewer_is_passed_in_never_read_from_config(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_REVIEWER", "from-config")
    with Workspace.open(tmp_path / "ws", clock=Clock()) as ws:
        assert ws.reviewer == "reviewer"  # no reviewer given: a neutral name, not the config
    with Workspace.open(tmp_path / "ws", reviewer="Zoë\x1b[2J") as ws:
        assert ws.reviewer == "Zoë"


def test_open_store_picks_the_engine_by_location(tmp_path, monkeypatch):
    with open_store(tmp_path / "ws", "ana") as store:
        assert isinstance(store, Workspace) and store.location == str(tmp_path / "ws")
    with open_store(str(tmp_path / "ws"), "ana", readonly=True) as store:
        assert store.readonly
    import sys

    monkeypatch.setitem(sys.modules, "workbench.core.store.postgres", None)  # engine missing
    for url in ("postgresql://ana:secret@db.example/wb", "postgres://db/wb"):
        with pytest.raises(StoreError, match="PostgreSQL engine is not available") as err:
            open_store(url, "ana")
        assert "secret" not in str(err.value) and "\n" not in str(err.value)


def test_watcher_thread_stops_on_unsubscribe_and_close(tmp_path):
    def watchers():
        return [t for t in threading.enumerate() if t.name == "workbench-store-watch"]

    before = len(watchers())
    ws = open_ws(tmp_path / "ws")
    stop = ws.watch(lambda: None)
    assert len(watchers()) == before + 1
    stop()
    assert len(watchers()) == before
    ws.watch(lambda: None)
    ws.close()
    assert len(watchers()) == before


def test_article_tables_of_a_new_session_include_the_journal_and_keep_nothing(tmp_path):
    """A bulk read (an export) of a file the journal changed since its checkpoint: the
    journal's changes applied, the file not kept parsed; an unknown id is NotFound."""
    a, claims = article()
    with open_ws(tmp_path) as ws:
        ws.add_article(a, claims)
        ws.checkpoint()
        ws.set_status(a.id, claims[0].id, "false")  # in the journal only
        ws.set_note(a.id, claims[1].id, "second look")
    with open_ws(tmp_path, readonly=True) as ws:
        tables = ws.article_tables(a.id)
        assert a.id not in ws._files  # read for this reader only
        by_claim = {v["claim_id"]: v for v in tables["verdicts"].values()}
        assert by_claim[claims[0].id]["status"] == "false"
        assert by_claim[claims[1].id]["note"] == "second look"
        assert [c["id"] for c in tables["claims"].values()] == [c.id for c in claims]
        # the same rows the cached path gives
        assert ws.verdicts(a.id)[claims[0].id].status == "false"
        assert ws.article_tables(a.id) == tables
        with pytest.raises(NotFound):
            ws.article_tables("0123456789abcdef")
