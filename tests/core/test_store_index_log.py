"""The index log (index_log.py): a checkpoint appends the rows it changed instead of
rewriting index.json; the rows read back equal rows recomputed from the files."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from store_fixtures import article, open_ws, snapshot

from workbench.core.errors import WorkspaceCorrupt
from workbench.core.store import doctor, index_log, journal, storage
from workbench.core.store.index import summarize

V2 = Path(__file__).resolve().parents[1] / "data" / "store_v2"


def _articles(n: int):
    out = []
    for i in range(n):
        text = f"Report {i}\n\nThe city counted {100 + i} cars. It spent {7 + i} million."
        out.append(article(text, f"report{i}.txt"))
    return out


def _recomputed(ws) -> dict:
    """Every listed article's row computed again from its file (what the index must say)."""
    return {aid: summarize(ws._tables(aid)) for aid in ws._index.rows()}


def _fresh(ws) -> dict:
    """The rows the index gives (the journal's changes on top)."""
    return {aid: dict(row) for aid, row in ws._index.fresh(ws._tables).items()}


def test_marks_append_rows_and_read_back_right(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "CHECKPOINT_LINES", 5)
    items = _articles(40)
    with open_ws(tmp_path) as ws:
        ws.add_articles(items)
        ws.checkpoint()
    base = (tmp_path / "index.json").read_bytes()
    rng = random.Random(3)
    with open_ws(tmp_path) as ws:
        for i in range(12):  # two checkpoints of marks only
            a, claims = rng.choice(items)
            ws.set_status(a.id, rng.choice(claims).id, ["verified", "false"][i % 2])
        assert not ws._index.loaded  # the checkpoints did not read the index
    assert (tmp_path / "index.json").read_bytes() == base  # not rewritten
    lines = (tmp_path / "index.jsonl").read_bytes().splitlines()
    assert len(lines) == 2 and all(json.loads(x)["progress"] for x in lines)
    with open_ws(tmp_path) as ws:
        rows = _fresh(ws)
        assert rows == _recomputed(ws)
        assert sum(r["counts"]["verified"] + r["counts"]["false"] for r in rows.values()) > 0


def test_the_log_is_folded_into_index_json_when_it_grows(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "CHECKPOINT_LINES", 3)
    items = _articles(30)
    rng = random.Random(4)
    with open_ws(tmp_path) as ws:
        ws.add_articles(items[:20])
        ws.checkpoint()
        sizes = []
        for i in range(150):
            a, claims = rng.choice(items[:20])
            ws.set_status(a.id, rng.choice(claims).id, ["verified", "false", "disputed"][i % 3])
            if i == 70:
                ws.add_articles(items[20:])  # rows, not only progress
            if i == 100:
                ws.undo()
            sizes.append(index_log.size_of(tmp_path / "index.jsonl"))
        assert 0 in sizes[10:] and max(sizes) > 0  # appended, then folded, again and again
        index = json.loads((tmp_path / "index.json").read_text())
        assert index["tables"]["journal"]["1"]["n"] > 0
        assert max(sizes) <= (tmp_path / "index.json").stat().st_size
        assert _fresh(ws) == _recomputed(ws)
    with open_ws(tmp_path) as ws:
        assert _fresh(ws) == _recomputed(ws)
        assert len(ws.articles()) == 30


@pytest.mark.parametrize("step", ["write", "fsync"])
def test_crash_while_appending_to_the_index_log(tmp_path, monkeypatch, step):
    """The journal still holds the checkpoint's changes: the next writer puts it right,
    whatever of the line reached the disk."""
    items = _articles(40)
    with open_ws(tmp_path) as ws:
        ws.add_articles(items)
        ws.checkpoint()
    a, claims = items[7]
    ws = open_ws(tmp_path)
    ws.set_status(a.id, claims[0].id, "verified")

    def fault(name, path):
        if name == step and path.name == "index.jsonl":
            if step == "fsync":  # the line was written, then the process died
                raise KeyboardInterrupt
            path.open("ab").write(b'{"n": 99, "rows": {"')  # a torn line
            raise KeyboardInterrupt

    monkeypatch.setattr(storage, "FAULT", fault)
    with pytest.raises(KeyboardInterrupt):
        ws.checkpoint()
    monkeypatch.setattr(storage, "FAULT", None)
    ws._lock.release()
    with open_ws(tmp_path) as ws:
        assert ws.verdict(a.id, claims[0].id).status == "verified"
        assert _fresh(ws) == _recomputed(ws)
        ws.set_status(a.id, claims[1].id, "false")
        ws.checkpoint()
    lines = (tmp_path / "index.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(json.loads(x) for x in lines[:-1])  # the torn part cut
    with open_ws(tmp_path) as ws:
        [row] = [r for r in ws.articles() if r.id == a.id]
        assert row.counts["verified"] == 1 and row.counts["false"] == 1
    assert doctor.check(tmp_path) == []


def test_a_damaged_index_log_is_one_clear_error_and_doctor_rebuilds(tmp_path, monkeypatch):
    items = _articles(40)
    with open_ws(tmp_path) as ws:
        ws.add_articles(items)
        ws.checkpoint()
    a, claims = items[3]
    with open_ws(tmp_path) as ws:
        ws.set_status(a.id, claims[0].id, "verified")
        ws.checkpoint()
    log = tmp_path / "index.jsonl"
    log.write_bytes(b"garbage\n" + log.read_bytes())
    with open_ws(tmp_path) as ws, pytest.raises(WorkspaceCorrupt, match="index.jsonl.*doctor"):
        ws.articles()
    [finding] = doctor.check(tmp_path)
    assert "index.jsonl" in finding.problem and "rebuild" in finding.fix
    doctor.repair(tmp_path)
    assert doctor.check(tmp_path) == []
    with open_ws(tmp_path) as ws:
        [row] = [r for r in ws.articles() if r.id == a.id]
        assert row.counts["verified"] == 1 and len(ws.articles()) == 40


def test_a_workspace_of_the_previous_schema_opens_as_it_was(tmp_path):
    """tests/data/store_v2 was written by the workbench before the index log (schema 2:
    index.json, article files, undo.jsonl and a journal with changes not checkpointed)."""
    path = tmp_path / "ws"
    shutil.copytree(V2, path)
    expected = json.loads((V2.parent / "store_v2.snapshot.json").read_text())
    marker = json.loads((path / "workbench.json").read_text())
    assert marker["schema"] == 2
    got = snapshot(path)
    with open_ws(path, readonly=True) as ws:
        got["can_undo"], got["can_redo"] = ws.can_undo(), ws.can_redo()
        b = ws.articles()[1]
        got["prefix"] = list(ws.resolve_claim(got[b.id]["claims"][0]["id"][:6]))
    assert json.loads(json.dumps(got, sort_keys=True)) == expected
    assert json.loads((path / "workbench.json").read_text())["schema"] == 2  # a reader
    with open_ws(path) as ws:  # a writer: upgrades the marker, keeps every change
        assert ws.redo()[0].field == "status"
        ws.checkpoint()
        ws.add_article(*article("Later\n\nThey built 12 roads.", "later.txt"))
        ws.checkpoint()
    assert json.loads((path / "workbench.json").read_text())["schema"] == storage.SCHEMA == 3
    with open_ws(path) as ws:
        assert len(ws.articles()) == 3
        assert _fresh(ws) == _recomputed(ws)
        first = ws.articles()[0]
        assert ws.verdicts(first.id)[expected[first.id]["claims"][2]["id"]].status == "disputed"
    assert doctor.check(path) == []


def test_an_older_workbench_refuses_a_workspace_with_an_index_log(tmp_path, monkeypatch):
    with open_ws(tmp_path) as ws:
        ws.add_article(*article())
    monkeypatch.setattr(storage, "SCHEMA", 2)  # what a workbench of schema 2 does
    with pytest.raises(Exception, match="newer workbench"):
        open_ws(tmp_path)
