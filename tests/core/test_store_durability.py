"""Crash safety: injected crashes at each write step, full disk, corrupt files, doctor."""

from __future__ import annotations

import errno
import os
import shutil

import pytest
from store_fixtures import article, base_workspace, open_ws, snapshot

from workbench.core.errors import NotFound, StoreError, WorkspaceCorrupt
from workbench.core.store import Workspace, doctor, journal, storage
from workbench.core.store.storage import WRITE_STEPS


class Crash(Exception):
    pass


@pytest.fixture
def base(tmp_path):
    return base_workspace(tmp_path / "base")


def _fault_at(step, match, exc):
    def fault(name, path):
        if name == step and match in path.name:
            raise exc

    return fault


def _change(ws, a, claims):
    with ws.group():
        ws.set_status(a.id, claims[1].id, "false")
        ws.add_link(a.id, claims[1].id, "https://example.org/evidence")


@pytest.mark.parametrize("step", ["append", "fsync"])
def test_crash_while_saving_a_change_leaves_the_old_state(base, monkeypatch, step):
    """A change is one journal line: a crash before its fsync leaves none of it."""
    path, a, claims = base
    old = snapshot(path)
    monkeypatch.setattr(journal, "FAULT", _fault_at(step, "journal", Crash(step)))
    ws = open_ws(path)
    with pytest.raises(Crash):
        _change(ws, a, claims)
    # in memory, the workspace shows what is on disk, not the failed change
    assert ws.verdict(a.id, claims[1].id).status == "unreviewed"
    assert len(ws.history(a.id)) == 2 and len(ws._undo.undo_stack()) == 2
    monkeypatch.setattr(journal, "FAULT", None)
    ws.close()
    assert snapshot(path) == old
    assert not list(path.rglob("*.tmp"))


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_crash_at_each_step_of_a_checkpoint_keeps_the_change(base, tmp_path, monkeypatch, step):
    """Once its journal line is fsynced a change survives a crash anywhere in the
    checkpoint that writes it into the article file and the index."""
    path, a, claims = base
    expected_new = tmp_path / "new"
    shutil.copytree(path, expected_new)
    with open_ws(expected_new) as ws:
        _change(ws, a, claims)
    new = snapshot(expected_new)
    assert snapshot(path) != new
    ws = open_ws(path)
    _change(ws, a, claims)  # acknowledged: in the journal
    monkeypatch.setattr(storage, "FAULT", _fault_at(step, "", Crash(step)))
    with pytest.raises(Crash):
        ws.checkpoint()
    monkeypatch.setattr(storage, "FAULT", None)
    ws.close()
    assert snapshot(path) == new
    with open_ws(path) as ws:  # the next writer finishes the checkpoint
        assert ws.verdict(a.id, claims[1].id).status == "false"
    assert snapshot(path) == new and not list(path.rglob("*.tmp"))


@pytest.mark.parametrize("step", ["append", "fsync"])
def test_crash_while_adding_an_article(tmp_path, monkeypatch, step):
    a, claims = article()
    monkeypatch.setattr(journal, "FAULT", _fault_at(step, "journal", Crash(step)))
    ws = open_ws(tmp_path / "ws")
    with pytest.raises(Crash):
        ws.add_article(a, claims)
    monkeypatch.setattr(journal, "FAULT", None)
    assert ws.articles() == []
    ws.close()
    assert snapshot(tmp_path / "ws")["articles"] == []  # never listed
    with open_ws(tmp_path / "ws") as ws:  # adding again works and finds the claims
        r = ws.add_article(a, claims)
        assert r.claims == len(claims) and [s.id for s in ws.articles()] == [a.id]


def test_full_disk_is_a_clear_error_and_keeps_old_data(base, monkeypatch):
    path, a, claims = base
    old = snapshot(path)
    monkeypatch.setattr(
        journal, "FAULT", _fault_at("append", "journal", OSError(errno.ENOSPC, "No space left"))
    )
    with open_ws(path) as ws:
        with pytest.raises(StoreError, match="no space left on device") as err:
            ws.set_status(a.id, claims[2].id, "disputed")
        assert "nothing was saved" in str(err.value)
        assert ws.verdict(a.id, claims[2].id).status == "unreviewed"
        monkeypatch.setattr(journal, "FAULT", None)
        assert snapshot(path) == old  # exactly the old content, read by a second reader
        assert len(ws._undo.undo_stack()) == 2  # the failed change left no undo step
    with open_ws(path) as ws:  # space is back: writing works again
        ws.set_status(a.id, claims[2].id, "disputed")
        assert ws.verdict(a.id, claims[2].id).status == "disputed"


def test_corrupt_article_file_refused_then_restored_by_doctor(base):
    path, a, claims = base
    file = path / "articles" / f"{a.id}.json"
    good_before = (path / "articles" / f"{a.id}.json.bak").read_bytes()
    file.write_bytes(file.read_bytes()[:50])  # truncated: a torn copy by some other tool
    damaged = file.read_bytes()
    with open_ws(path) as ws:
        with pytest.raises(WorkspaceCorrupt, match="doctor"):
            ws.claims(a.id)
        with pytest.raises(WorkspaceCorrupt):
            ws.set_status(a.id, claims[0].id, "false")
    assert file.read_bytes() == damaged  # never overwritten
    findings = doctor.check(path)
    assert [f.path for f in findings] == [file, path / "index.json"]
    assert "restore" in findings[0].fix and "rebuild" in findings[1].fix
    actions = doctor.repair(path)
    assert any("restored" in line for line in actions)
    assert file.read_bytes() == good_before
    assert list(path.glob("articles/*.corrupt-*"))  # the damaged copy is kept aside
    assert doctor.check(path) == []
    with open_ws(path) as ws:
        assert [c.id for c in ws.claims(a.id)] == [c.id for c in claims]


def test_damaged_index_is_rebuilt(base):
    path, a, claims = base
    (path / "index.json").write_text("{not json")
    with open_ws(path) as ws, pytest.raises(WorkspaceCorrupt):
        ws.articles()
    assert doctor.check(path)[0].path.name == "index.json"
    doctor.repair(path)
    with open_ws(path) as ws:
        [s] = ws.articles()
        assert s.id == a.id and s.counts["verified"] == 1


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b'{"format": "something-else"}'])
def test_foreign_or_corrupt_marker_refused_untouched(tmp_path, content):
    ws_path = tmp_path / "ws"
    open_ws(ws_path).close()
    (ws_path / "workbench.json").write_bytes(content)
    with pytest.raises(WorkspaceCorrupt):
        Workspace.open(ws_path)
    assert (ws_path / "workbench.json").read_bytes() == content


def test_file_or_foreign_folder_at_workspace_path_refused(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("my notes")
    with pytest.raises(WorkspaceCorrupt, match="is a file"):
        Workspace.open(file)
    assert file.read_text() == "my notes"
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "main.py").write_text("print(1)")
    with pytest.raises(WorkspaceCorrupt, match="not a workbench workspace"):
        Workspace.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["main.py"]


def test_torn_undo_journal_line_is_ignored(base):
    path, a, claims = base
    with (path / "undo.jsonl").open("ab") as fh:
        fh.write(b'{"op": "do", "g": "torn", "rows": [["')  # crash mid-append
    with open_ws(path) as ws:
        assert ws.undo()[0].field == "note"  # the last acknowledged step
        ws.set_status(a.id, claims[3].id, "false")
        assert ws.undo()[0].new == "unreviewed"
        ws.checkpoint()  # the steps move from the journal into undo.jsonl
    lines = (path / "undo.jsonl").read_bytes().splitlines()
    assert all(line.startswith(b"{") and line.endswith(b"}") for line in lines)


def test_read_only_folder(base, monkeypatch):
    path, a, claims = base
    real_open = os.open

    def deny_writes(p, flags, *args, **kw):
        if str(p).startswith(str(path)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real_open(p, flags, *args, **kw)

    # Root ignores chmod, so the read-only folder is simulated at the os.open level.
    monkeypatch.setattr(os, "open", deny_writes)
    with pytest.raises(StoreError, match="read-only") as err:
        Workspace.open(path)
    assert str(path) in str(err.value)
    with Workspace.open(path, readonly=True) as ws:
        assert ws.verdict(a.id, claims[0].id).status == "verified"
        with pytest.raises(StoreError, match="read-only"):
            ws.set_note(a.id, claims[0].id, "x")
    with pytest.raises(NotFound):
        Workspace.open(path / "nested-new", readonly=True)


def test_peek_cache_follows_the_durable_state(tmp_path):
    """peek() parses once per durable state: it shows each committed write, and a
    failed write leaves it showing the old state."""
    from workbench.core.store import storage as storage_mod
    from workbench.core.store.storage import AtomicJSONStorage

    store = AtomicJSONStorage(tmp_path / "a.json")
    store.write({"t": {"1": {"v": 1}}})
    first = store.peek()
    assert first == {"t": {"1": {"v": 1}}} and store.peek() is first  # cached
    store.write({"t": {"1": {"v": 2}}})
    assert store.peek() == {"t": {"1": {"v": 2}}}

    def boom(step, path):
        if step == "replace":
            raise OSError(28, "No space left on device")

    storage_mod.FAULT = boom
    try:
        with pytest.raises(StoreError, match="no space"):
            store.write({"t": {"1": {"v": 3}}})
    finally:
        storage_mod.FAULT = None
    assert store.peek() == {"t": {"1": {"v": 2}}}
    assert AtomicJSONStorage(tmp_path / "a.json").read() == {"t": {"1": {"v": 2}}}


def test_a_workbench_before_the_journal_cannot_open_a_workspace_that_has_one(tmp_path):
    """A workbench that predates the write-ahead journal would ignore journal.jsonl and lose
    the changes in it: the marker of a workspace a writer opened carries the newer schema,
    which such a workbench refuses ("written by a newer workbench"); an old marker is stamped
    with the new schema on the first writable open."""
    import json as _json

    from workbench.core.store import Workspace as _Workspace
    from workbench.core.store.storage import SCHEMA

    path = tmp_path / "ws"
    with _Workspace.open(path, reviewer="ana"):
        pass
    marker = path / "workbench.json"
    assert _json.loads(marker.read_text())["schema"] == SCHEMA >= 2
    old = _json.loads(marker.read_text())
    old["schema"] = 1
    marker.write_text(_json.dumps(old))
    with _Workspace.open(path, reviewer="ana", readonly=True):
        pass
    assert _json.loads(marker.read_text())["schema"] == 1  # a reader changes nothing
    with _Workspace.open(path, reviewer="ana"):
        pass
    assert _json.loads(marker.read_text())["schema"] == SCHEMA
