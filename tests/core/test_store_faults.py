"""Faults under a broken disk and a careless colleague (issue 16 items 1, 6, 12, 13)."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from store_fixtures import base_workspace, open_ws, snapshot

from workbench.core.errors import StoreError
from workbench.core.store import doctor, journal, storage


@pytest.fixture
def base(tmp_path):
    return base_workspace(tmp_path / "ws")


# -- item 1: a deleted lock file must not lose an acknowledged write ---------------------


def test_a_deleted_lock_file_never_loses_an_acknowledged_write(base):
    path, a, claims = base
    tui = open_ws(path, reviewer="tui")  # the workbench holding the workspace
    tui.set_status(a.id, claims[2].id, "disputed")
    (path / "lock").unlink()  # `rm WS/lock`
    with open_ws(path, reviewer="cli") as cli:  # `workbench mark C1 false --note x`: exit 0
        cli.set_status(a.id, claims[0].id, "false")
        cli.set_note(a.id, claims[0].id, "x")
    with pytest.raises(StoreError, match="lock file .* deleted|changed by another"):
        tui.set_status(a.id, claims[3].id, "verified")  # `v` on another claim
    with pytest.raises(StoreError):
        tui.undo()
    tui.close()
    with open_ws(path) as ws:
        v = ws.verdict(a.id, claims[0].id)
        assert (v.status, v.note) == ("false", "x")  # the CLI's acknowledged write is there
        assert ws.verdict(a.id, claims[2].id).status == "disputed"  # and the TUI's earlier one
        assert ws.verdict(a.id, claims[3].id).status == "unreviewed"  # the refused one is not
        fields = [(h.claim_id, h.field, h.reviewer) for h in ws.history(a.id)]
        assert (claims[0].id, "status", "cli") in fields and (claims[0].id, "note", "cli") in fields
    assert doctor.check(path) == []


def test_a_writer_never_replaces_a_file_changed_behind_its_back(base):
    path, a, claims = base
    ws = open_ws(path)
    ws.claims(a.id)  # read the article file
    file = path / "articles" / f"{a.id}.json"
    other = json.loads(file.read_text())
    other["tables"]["verdicts"]["99"] = {"claim_id": claims[3].id, "status": "false"}
    tmp = file.with_name("x.tmp")
    tmp.write_text(json.dumps(other))
    os.replace(tmp, file)  # another process rewrote it
    ws.set_status(a.id, claims[2].id, "verified")  # durable in the journal
    with pytest.raises(StoreError, match="changed by another"):
        ws.checkpoint()  # folding it into the file would overwrite the other write
    assert json.loads(file.read_text()) == other
    ws._lock.release()
    ws._closed = True


# -- item 6: a full disk: the first error wins, and it is the truth -------------------------


@pytest.mark.parametrize("step", ["append", "fsync"])
def test_full_disk_while_saving_tells_the_truth(base, monkeypatch, step):
    path, a, claims = base
    old = snapshot(path)

    def full(name, p):
        if name == step:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal, "FAULT", full)
    with open_ws(path) as ws:
        with pytest.raises(StoreError, match="no space left on device.*nothing was saved"):
            with ws.group():
                ws.set_status(a.id, claims[2].id, "false")
                ws.set_note(a.id, claims[2].id, "n")
                ws.add_link(a.id, claims[2].id, "https://example.org/e")
        monkeypatch.setattr(journal, "FAULT", None)
        assert ws.verdict(a.id, claims[2].id).status == "unreviewed"
        assert ws.undo()[0].field == "note"  # undo takes back the last SAVED change
    monkeypatch.setattr(journal, "FAULT", None)
    after = snapshot(path)
    assert after[a.id]["verdicts"][claims[2].id] == old[a.id]["verdicts"][claims[2].id]


def test_full_disk_at_close_keeps_the_change_and_its_undo(base, monkeypatch):
    path, a, claims = base

    def full(name, p):
        raise OSError(errno.ENOSPC, "No space left on device")

    ws = open_ws(path)
    ws.set_status(a.id, claims[2].id, "false")  # acknowledged
    monkeypatch.setattr(storage, "FAULT", full)
    ws.close()  # the checkpoint fails: nothing is lost, nothing is reported as lost
    monkeypatch.setattr(storage, "FAULT", None)
    with open_ws(path) as ws:
        assert ws.verdict(a.id, claims[2].id).status == "false"
        assert ws.undo()[0].claim_id == claims[2].id
        assert ws.verdict(a.id, claims[2].id).status == "unreviewed"


# -- item 12: temp files of killed writers are cleaned on open ------------------------------


def test_stale_temp_files_are_removed_when_a_writer_opens(base, monkeypatch):
    path, a, _ = base
    stale = [path / ".index.json.4242.tmp", path / "articles" / f".{a.id}.json.4242.tmp"]
    for p in stale:
        p.write_bytes(b"x" * 1000)
    (path / "checkpointing").touch()  # what a checkpoint killed while writing files leaves
    with open_ws(path, readonly=True):
        assert all(p.exists() for p in stale)  # a reader never deletes
    with open_ws(path):
        assert not any(p.exists() for p in stale)
    assert doctor.check(path) == []
    # with no checkpoint cut short, a writer does not list articles/ (two files per
    # article: 40,000 names at a million claims), only the workspace's own folder
    listed = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p=".": listed.append(Path(p).name) or real(p))
    with open_ws(path) as ws:
        ws.set_status(a.id, ws.claims(a.id)[0].id, "disputed")
        ws.checkpoint()
    assert "articles" not in listed and path.name in listed
    assert not (path / "checkpointing").exists()


# -- item 13: doctor checks every row and never crashes itself ------------------------------


def _damage(path, a, how):
    file = path / "articles" / f"{a.id}.json"
    doc = json.loads(file.read_text())
    tables = doc["tables"]
    if how == "claim-string":
        tables["claims"]["1"] = "not a claim"
    elif how == "claim-no-id":
        del tables["claims"]["1"]["id"]
    elif how == "verdict-no-claim-id":
        tables["verdicts"]["1"].pop("claim_id")
    elif how == "history-bad-row":
        tables["history"]["1"] = {"seq": "x"}
    elif how == "deep":
        file.write_text(file.read_text()[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}")
        return file
    elif how == "huge-int":
        file.write_text(file.read_text()[:-1] + ', "x": 1' + "0" * 5000 + "}")
        return file
    elif how == "index-string-rows":
        index = path / "index.json"
        idx = json.loads(index.read_text())
        idx["tables"]["articles"]["1"] = "oops"
        index.write_text(json.dumps(idx))
        return index
    elif how == "dangling-symlink":
        file.unlink()
        file.symlink_to(path / "nowhere.json")
        return file
    file.write_text(json.dumps(doc))
    return file


DAMAGE = [
    "claim-string",
    "claim-no-id",
    "verdict-no-claim-id",
    "history-bad-row",
    "deep",
    "huge-int",
    "index-string-rows",
    "dangling-symlink",
]


@pytest.mark.parametrize("how", DAMAGE)
def test_doctor_finds_every_damaged_row(base, how):
    path, a, _ = base
    damaged = _damage(path, a, how)
    findings = doctor.check(path)
    assert damaged in [f.path for f in findings], findings
    assert all("\n" not in f.problem for f in findings)
    doctor.repair(path)  # never crashes either
    assert damaged not in [f.path for f in doctor.check(path) if f.fix]


@pytest.mark.parametrize(
    "raw",
    [
        b'{"format":"workbench-store","kind":"article","schema":2,"tables":{"a":{"1":{"x":1.5}}}}',
        b'{"format":"workbench-store","kind":"article","schema":2,"tables":{"a":{"1":NaN}}}',
        b'{"format":"workbench-store","kind":"article","schema":2,"tables":{"x":1' + b"0" * 5000
        + b"}}",
        b'{"format":"workbench-store","kind":"article","schema":2,"tables":{"x":'
        + b"[" * 5000 + b"]" * 5000 + b"}}",
        b'{"format":"workbench-store","kind":"article","schema":2,"tables":{"x":"\\ud800"}}',
        b'{"format":"workbench-store","kind":"article","tables":{}}\xff',
        b"{torn",
    ],
)
def test_orjson_and_json_read_a_document_alike(raw, monkeypatch, tmp_path):
    """orjson is imported only after a process has parsed a megabyte (start-up): a
    document reads the same either way, errors included."""
    path = tmp_path / "a.json"

    def read():
        try:
            return ("ok", storage.parse_document(raw, path, "article"))
        except Exception as exc:  # noqa: BLE001 - the outcome is what is compared
            return (type(exc).__name__, str(exc))

    monkeypatch.setattr(storage, "ORJSON_AFTER", 10**12)
    slow = read()
    monkeypatch.setattr(storage, "ORJSON_AFTER", 0)
    fast = read()
    assert storage._orjson_module() is not None
    assert repr(fast) == repr(slow)
