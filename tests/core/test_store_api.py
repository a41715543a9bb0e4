"""The Workspace API: articles, verdicts, links, prefixes, history, undo/redo."""

from __future__ import annotations

import pytest
from store_fixtures import Clock, article, open_ws

from workbench.core.errors import InputError, LinkError, NotFound, StoreError
from workbench.core.models import STATUSES, Change, Verdict
from workbench.core.store import Workspace


@pytest.fixture
def ws(tmp_path):
    w = open_ws(tmp_path / "ws")
    yield w
    w.close()


@pytest.fixture
def loaded(ws):
    a, claims = article()
    ws.add_article(a, claims)
    return ws, a, claims


def test_add_and_list(loaded):
    ws, a, claims = loaded
    [summary] = ws.articles()
    assert (summary.id, summary.title, summary.source) == (a.id, "Protests in Minsk", "minsk.txt")
    assert summary.claims == len(claims) == 4
    assert summary.counts == {s: (4 if s == "unreviewed" else 0) for s in STATUSES}
    assert [c.id for c in ws.claims(a.id)] == [c.id for c in claims]
    assert ws.article(a.id[:5]).text == a.text
    assert ws.article("minsk.txt").id == a.id
    verdicts = ws.verdicts(a.id)
    assert set(verdicts) == {c.id for c in claims}
    assert all(v.status == "unreviewed" and not v.orphaned for v in verdicts.values())


def test_edits_persist_across_restart(tmp_path):
    a, claims = article()
    cid = claims[1].id
    with open_ws(tmp_path / "ws") as ws:
        ws.add_article(a, claims)
        ws.set_status(a.id, cid, "verified")
        ws.set_note(a.id, cid, "line one\nline two\x1b[31m")
        ws.add_link(
            a.id, cid, "HTTPS://Example.org:443/report#x", title="Report", stance="supports"
        )
        ws.add_link(a.id, cid, "https://example.org/report#x", stance="refutes")  # same URL
    with Workspace.open(tmp_path / "ws", readonly=True) as ws:
        v = ws.verdict(a.id, cid)
        assert v.status == "verified"
        assert v.note == "line one\nline two"
        assert [(link.url, link.title, link.stance) for link in v.links] == [
            ("https://example.org/report#x", "Report", "refutes")
        ]
        assert v.reviewer == "ana" and v.updated_at.endswith("Z")
        [s] = ws.articles()
        assert s.counts["verified"] == 1 and s.reviewed == 1


def test_bad_input_is_refused_and_nothing_written(loaded):
    ws, a, claims = loaded
    cid = claims[0].id
    with pytest.raises(InputError, match="unknown status"):
        ws.set_status(a.id, cid, "maybe")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "/rel", "http://"):
        with pytest.raises(LinkError):
            ws.add_link(a.id, cid, bad)
    with pytest.raises(InputError, match="stance"):
        ws.add_link(a.id, cid, "https://example.org/", stance="agrees")
    with pytest.raises(NotFound):
        ws.set_status(a.id, "ffffffffffff", "verified")
    with pytest.raises(NotFound):
        ws.set_status("nope", cid, "verified")
    assert ws.history() == []
    assert not ws.can_undo()


def test_claim_prefix_resolution(tmp_path):
    with open_ws(tmp_path / "ws") as ws:
        a1, c1 = article()
        a2, c2 = article(TEXT2, "other.txt")
        ws.add_article(a1, c1)
        ws.add_article(a2, c2)
        for a, claims in ((a1, c1), (a2, c2)):
            for c in claims:
                ids = [x.id for x in c1 + c2]
                n = next(k for k in range(1, 13) if sum(i.startswith(c.id[:k]) for i in ids) == 1)
                assert ws.resolve_claim(c.id[:n].upper()) == (a.id, c.id)
        with pytest.raises(NotFound, match="not a claim id"):
            ws.resolve_claim("")  # the empty prefix is refused, not matched against everything
    with open_ws(tmp_path / "ws") as ws:
        first = {c.id[0] for c in c1 + c2}
        common = next(ch for ch in first if sum(c.id.startswith(ch) for c in c1 + c2) > 1)
        with pytest.raises(NotFound, match="ambiguous") as err:
            ws.resolve_claim(common)
        assert sum(c.id in str(err.value) for c in c1 + c2 if c.id.startswith(common)) >= 2
        with pytest.raises(NotFound, match="no claim"):
            ws.resolve_claim("0000000000000")
        with pytest.raises(NotFound, match="not a claim id"):
            ws.resolve_claim("xyz!")


TEXT2 = (
    "Budget talks\n\nThe deficit reached 12 percent. Officials expect 40 new schools. "
    "About 7 ministers resigned. The plan costs 900 million. Turnout was 61 percent. "
    "Some 15 cities joined. There were 2 votes."
)


def test_undo_redo_survive_restart(tmp_path):
    a, claims = article()
    cid = claims[0].id
    with open_ws(tmp_path / "ws") as ws:
        ws.add_article(a, claims)
        ws.set_status(a.id, cid, "in_progress")
        ws.set_status(a.id, cid, "false")
        with ws.group():
            ws.set_note(a.id, cid, "see report")
            ws.add_link(a.id, cid, "https://example.org/a")
    with open_ws(tmp_path / "ws") as ws:
        undone = ws.undo()
        assert {c.field for c in undone} == {"note", "links"}
        assert all(c.action == "undo" for c in undone)
        v = ws.verdict(a.id, cid)
        assert (v.status, v.note, v.links) == ("false", "", [])
        assert ws.undo()[0].new == "in_progress"
    with open_ws(tmp_path / "ws") as ws:
        assert ws.can_redo()
        ws.redo()
        assert ws.verdict(a.id, cid).status == "false"
        ws.undo()
        ws.undo()
        assert ws.verdict(a.id, cid).status == "unreviewed"
        assert not ws.can_undo() and ws.undo() == []
        ws.redo()
        ws.set_status(a.id, cid, "verified")  # a new change clears redo
        assert not ws.can_redo() and ws.redo() == []
    with open_ws(tmp_path / "ws") as ws:
        rows = ws.history(a.id, cid)
        assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
        assert [r.action for r in rows].count("undo") == 5
        assert rows[-1].new == "verified" and rows[-1].action == "edit"
        assert ws.history(a.id, cid, limit=2) == rows[-2:]


def test_link_check_recorded_not_undoable(loaded):
    ws, a, claims = loaded
    cid = claims[0].id
    ws.add_link(a.id, cid, "https://example.org/x")
    ws.set_link_check(a.id, cid, "https://example.org/x", check={"ok": True, "status_code": 200})
    v = ws.verdict(a.id, cid)
    assert v.links[0].check.to_dict() == {"ok": True, "status_code": 200}
    assert ws.history(a.id, cid)[-1].field == "link_check"
    ws.undo()  # undoes the add_link, not the check
    assert ws.verdict(a.id, cid).links == []
    with pytest.raises(NotFound):
        ws.set_link_check(a.id, cid, "https://example.org/missing", check={})


def test_remove_link(loaded):
    ws, a, claims = loaded
    cid = claims[2].id
    ws.add_link(a.id, cid, "https://example.org/a")
    ws.add_link(a.id, cid, "https://example.org/b")
    ws.remove_link(a.id, cid, "https://EXAMPLE.org/a")
    assert [link.url for link in ws.verdict(a.id, cid).links] == ["https://example.org/b"]
    with pytest.raises(NotFound):
        ws.remove_link(a.id, cid, "https://example.org/a")


def test_put_verdict_and_append_history(loaded):
    ws, a, claims = loaded
    cid = claims[3].id
    v = Verdict(cid, a.id, status="disputed", note="from import", reviewer="bo",
                updated_at="2026-01-01T00:00:00Z")
    ws.put_verdict(a.id, v)
    got = ws.verdict(a.id, cid)
    assert (got.status, got.note, got.reviewer) == ("disputed", "from import", "bo")
    assert {r.action for r in ws.history(a.id, cid)} == {"import"}
    assert not ws.can_undo()
    with pytest.raises(InputError):
        ws.put_verdict(a.id, Verdict(cid, a.id, status="nonsense"))
    before = len(ws.history(a.id))
    ws.append_history([Change(99, a.id, cid, "status", "x", "y", "bo", "2025-01-01T00:00:00Z",
                              "merge")])
    rows = ws.history(a.id)
    assert len(rows) == before + 1 and rows[-1].seq == before + 1 and rows[-1].action == "merge"


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


def test_reviewer_defaults(tmp_path, monkeypatch):
    with Workspace.open(tmp_path / "ws", clock=Clock()) as ws:
        assert ws.reviewer  # OS user or 'reviewer', never empty
    with Workspace.open(tmp_path / "ws", reviewer="Zoë\x1b[2J") as ws:
        assert ws.reviewer == "Zoë"
