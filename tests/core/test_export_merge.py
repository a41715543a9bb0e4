"""JSON export -> import: round trip, merge of two reviewers' work, conflicts, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_fixtures import Clock, triage

from workbench.core.errors import InputError
from workbench.core.export import ExportOptions, render_report
from workbench.core.export.merge import import_file
from workbench.core.store import Workspace

OPTS = ExportOptions(now="2026-11-27T12:00:00Z")


def export_json(ws_path: Path, out: Path, reviewer: str = "ana") -> Path:
    with Workspace.open(ws_path, reviewer=reviewer, readonly=True) as ws:
        out.write_text(render_report(ws, "json", [], options=OPTS), encoding="utf-8")
    return out


def state(ws_path: Path) -> dict:
    with Workspace.open(ws_path, reviewer="x", readonly=True) as ws:
        out = {}
        for summary in ws.articles():
            aid = summary.id
            out[aid] = {
                "article": ws.article(aid).to_dict(),
                "claims": [c.to_dict() for c in ws.claims(aid)],
                "verdicts": {k: v.to_dict() for k, v in ws.verdicts(aid).items()},
                "history": ws.history(article_id=aid),
            }
        return out


@pytest.fixture(scope="module")
def triaged(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("merge") / "ana"
    return path, triage(path, Clock())


def copy_of(triaged, tmp_path: Path) -> Path:
    """A fresh copy of the triaged workspace (via export/import into an empty one)."""
    src, _ = triaged
    target = tmp_path / "copy"
    with Workspace.open(target, reviewer="ana") as ws:
        import_file(ws, export_json(src, tmp_path / "seed.json"))
    return target


def test_round_trip_into_an_empty_workspace(triaged, tmp_path):
    src, aid = triaged
    dump = export_json(src, tmp_path / "a.json")
    target = tmp_path / "empty"
    with Workspace.open(target, reviewer="zed", clock=Clock("2030-01-01T00:00:00Z")) as ws:
        result = import_file(ws, dump)
    assert result.articles_added == [aid] and not result.conflicts
    before, after = state(src), state(target)
    assert after[aid]["article"] == before[aid]["article"]
    assert after[aid]["claims"] == before[aid]["claims"]
    assert after[aid]["verdicts"] == before[aid]["verdicts"]
    assert any(v["status"] != "unreviewed" for v in after[aid]["verdicts"].values())
    # The history comes back row for row: same fields, values, reviewers, times, actions,
    # sequence numbers; the import adds no row of its own and no wall-clock time.
    assert after[aid]["history"] == before[aid]["history"]
    assert len(after[aid]["history"]) > 3
    assert not any(c.at.startswith("2030") for c in after[aid]["history"])
    # A second export of the copy equals the first one, except for history of the import.
    again = json.loads(export_json(target, tmp_path / "b.json").read_text(encoding="utf-8"))
    first = json.loads(dump.read_text(encoding="utf-8"))
    for doc in (again, first):
        doc.pop("exported_by")
    assert again == first


def test_importing_twice_changes_nothing(triaged, tmp_path):
    src, aid = triaged
    dump = export_json(src, tmp_path / "a.json")
    target = copy_of(triaged, tmp_path)
    before = state(target)
    with Workspace.open(target, reviewer="ana") as ws:
        result = import_file(ws, dump)
    assert result.articles_merged == [aid]
    assert result.verdicts_imported == 0 and result.history_added == 0 and not result.conflicts
    assert state(target) == before


def _ids(path: Path, aid: str) -> list[str]:
    with Workspace.open(path, reviewer="x", readonly=True) as ws:
        return [c.id for c in ws.claims(aid)]


def test_two_reviewers_merge_with_a_conflict(triaged, tmp_path):
    src, aid = triaged
    ours = copy_of(triaged, tmp_path / "ours")
    theirs = copy_of(triaged, tmp_path / "theirs")
    ids = _ids(ours, aid)
    x, y, z = ids[5], ids[6], ids[0]
    with Workspace.open(ours, reviewer="ana", clock=Clock("2026-11-28T09:00:00Z")) as ws:
        ws.set_status(aid, x, "false")  # conflict, earlier
        ws.set_note(aid, z, "Ana's later note")  # only ours changed z
    with Workspace.open(theirs, reviewer="bo", clock=Clock("2026-11-28T10:00:00Z")) as ws:
        ws.set_status(aid, x, "verified")  # conflict, later: wins
        ws.set_status(aid, y, "disputed")  # only theirs changed y
    dump = export_json(theirs, tmp_path / "bo.json", reviewer="bo")
    with Workspace.open(ours, reviewer="ana", clock=Clock("2026-11-28T12:00:00Z")) as ws:
        result = import_file(ws, dump)
        verdicts = ws.verdicts(aid)
        history = ws.history(article_id=aid, claim_id=x)
    assert [c.claim_id for c in result.conflicts] == [x]
    conflict = result.conflicts[0]
    assert conflict.winner == "remote" and conflict.fields == ("status",)
    assert (conflict.local.status, conflict.local.reviewer) == ("false", "ana")
    assert (conflict.remote.status, conflict.remote.reviewer) == ("verified", "bo")
    line = conflict.describe()
    assert "false" in line and "verified" in line and "ana" in line and "bo" in line
    assert (verdicts[x].status, verdicts[x].reviewer) == ("verified", "bo")
    assert verdicts[y].status == "disputed"  # theirs moved on: taken without a conflict
    assert verdicts[z].note == "Ana's later note"  # ours moved on: kept
    # Nothing dropped: ana's value and bo's change are both in the history of x.
    values = [(c.field, c.new, c.reviewer) for c in history]
    assert ("status", "false", "ana") in values and ("status", "verified", "bo") in values
    assert any(c.action == "merge" for c in history)


def test_local_later_change_wins_and_the_other_value_is_kept_in_history(triaged, tmp_path):
    src, aid = triaged
    ours = copy_of(triaged, tmp_path / "ours")
    theirs = copy_of(triaged, tmp_path / "theirs")
    x = _ids(ours, aid)[7]
    with Workspace.open(theirs, reviewer="bo", clock=Clock("2026-11-28T09:00:00Z")) as ws:
        ws.set_note(aid, x, "Bo's note")
    with Workspace.open(ours, reviewer="ana", clock=Clock("2026-11-28T10:00:00Z")) as ws:
        ws.set_note(aid, x, "Ana's note")
    dump = export_json(theirs, tmp_path / "bo.json", reviewer="bo")
    with Workspace.open(ours, reviewer="ana", clock=Clock("2026-11-28T12:00:00Z")) as ws:
        result = import_file(ws, dump, now="2026-11-28T12:00:00Z")
        verdict = ws.verdict(aid, x)
        history = ws.history(article_id=aid, claim_id=x)
    assert [c.winner for c in result.conflicts] == ["local"]
    assert verdict.note == "Ana's note"
    merge = [c for c in history if c.action == "merge"]
    assert [(c.field, c.old, c.new) for c in merge] == [("note", "Bo's note", "Ana's note")]
    assert any(c.new == "Bo's note" and c.reviewer == "bo" for c in history)


def _tamper(doc: dict, how: str) -> dict | str:
    art = doc["articles"][0]
    if how == "schema":
        doc["schema"] = "something-else"
    elif how == "version":
        doc["schema_version"] = 99
    elif how == "status":
        art["claims"][0]["verdict"]["status"] = "maybe"
    elif how == "link":
        art["claims"][0]["verdict"]["links"][0]["url"] = "javascript:alert(1)"
    elif how == "text":
        art["article"]["text"] += " edited"
    elif how == "offsets":
        art["claims"][0]["end"] = 10**9
    elif how == "history":
        art["history"][0] = "not a row"
    elif how == "truncated":
        return json.dumps(doc)[:500]
    elif how == "late-bad":  # the first article is fine, the second one is not
        second = json.loads(json.dumps(art))
        second["article"]["id"] = "0" * 16
        doc["articles"].append(second)
    return doc


@pytest.mark.parametrize(
    "how",
    ["schema", "version", "status", "link", "text", "offsets", "history", "truncated", "late-bad"],
)
def test_bad_files_are_refused_and_nothing_is_written(triaged, tmp_path, how):
    src, _ = triaged
    doc = json.loads(export_json(src, tmp_path / "a.json").read_text(encoding="utf-8"))
    bad = _tamper(doc, how)
    path = tmp_path / "bad.json"
    path.write_text(bad if isinstance(bad, str) else json.dumps(bad), encoding="utf-8")
    target = tmp_path / "empty"
    with Workspace.open(target, reviewer="ana") as ws:
        with pytest.raises(InputError) as info:
            import_file(ws, path)
        assert ws.articles() == []
    assert "\n" not in str(info.value)


def test_missing_and_binary_files_are_refused(tmp_path):
    target = tmp_path / "ws"
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00\x01")
    with Workspace.open(target, reviewer="ana") as ws:
        for name in ("missing.json", "bin.json"):
            with pytest.raises(InputError):
                import_file(ws, tmp_path / name)
        with pytest.raises(InputError):
            import_file(ws, tmp_path)


def test_fields_merge_one_by_one(triaged, tmp_path):
    """Our status and their note on the same claim both survive; only a field both
    sides changed is a conflict."""
    src, aid = triaged
    ours = copy_of(triaged, tmp_path / "ours")
    theirs = copy_of(triaged, tmp_path / "theirs")
    ids = _ids(ours, aid)
    x, y = ids[8], ids[9]
    with Workspace.open(ours, reviewer="ana", clock=Clock("2026-11-28T09:00:00Z")) as ws:
        ws.set_status(aid, x, "false")
        ws.set_status(aid, y, "false")
    with Workspace.open(theirs, reviewer="bo", clock=Clock("2026-11-28T10:00:00Z")) as ws:
        ws.set_note(aid, x, "Bo's source says otherwise")
        ws.set_status(aid, y, "verified")
        ws.set_note(aid, y, "Bo checked the budget")
    dump = export_json(theirs, tmp_path / "bo.json", reviewer="bo")
    with Workspace.open(ours, reviewer="ana", clock=Clock("2026-11-28T12:00:00Z")) as ws:
        result = import_file(ws, dump, now="2026-11-28T12:00:00Z")
        vx, vy = ws.verdict(aid, x), ws.verdict(aid, y)
    assert (vx.status, vx.note) == ("false", "Bo's source says otherwise")
    assert (vy.status, vy.note) == ("verified", "Bo checked the budget")
    assert [(c.claim_id, c.fields, c.winner) for c in result.conflicts] == [
        (y, ("status",), "remote")
    ]


# -- hostile and broken import files (issue 16 items 3, 4, 5, 16) --------------------------


def _hostile(doc: dict, how: str) -> str:
    art = doc["articles"][0]
    claim = art["claims"][0]
    if how == "deep":
        return json.dumps(doc)[:-1] + ', "x": ' + "[" * 1000 + "]" * 1000 + "}"
    if how == "bigint":
        claim["value"]["n"] = 0
        return json.dumps(doc).replace('"n": 0', '"n": 1' + "0" * 4400)
    if how == "nan":
        return json.dumps(doc).replace(
            '"worthiness": ' + json.dumps(claim["worthiness"]), '"worthiness": NaN', 1
        )
    if how == "action-object":
        art["history"][0]["action"] = {"x": 1}
    elif how == "worthiness-text":
        claim["worthiness"] = "high"
    elif how == "value-list":
        claim["value"] = [1, 2]
    elif how == "entities-text":
        claim["entities"] = "Minsk"
    elif how == "passwd":
        claim["id"] = "../../../etc/passwd"
    elif how == "empty-id":
        second = json.loads(json.dumps(art))
        second["article"]["id"] = ""
        doc["articles"].append(second)
    elif how == "anchor":
        claim["anchor"] = "\x1b]0;pwned\x07"
    elif how == "offsets-type":
        claim["start"] = "0"
    return json.dumps(doc)


HOW = [
    "deep",
    "bigint",
    "nan",
    "action-object",
    "worthiness-text",
    "value-list",
    "entities-text",
    "passwd",
    "empty-id",
    "anchor",
    "offsets-type",
]


@pytest.mark.parametrize("how", HOW)
def test_hostile_files_are_refused_with_one_line_and_write_nothing(triaged, tmp_path, how):
    src, _ = triaged
    doc = json.loads(export_json(src, tmp_path / "a.json").read_text(encoding="utf-8"))
    path = tmp_path / "bad.json"
    path.write_text(_hostile(doc, how), encoding="utf-8")
    target = tmp_path / "ws"
    with Workspace.open(target, reviewer="ana") as ws:
        with pytest.raises(InputError) as info:
            import_file(ws, path)
        assert ws.articles() == [] and ws.history() == [] and not ws.can_undo()
    message = str(info.value)
    assert "\n" not in message and len(message) < 400 and "\x1b" not in message
    assert not list((target / "articles").iterdir())


def test_import_cleans_every_text_field(triaged, tmp_path):
    src, aid = triaged
    doc = json.loads(export_json(src, tmp_path / "a.json").read_text(encoding="utf-8"))
    art = doc["articles"][0]
    evil = "\x1b]0;TITLE\x07\x1b]52;c;SGVsbG8=\x07"
    art["claims"][0]["kind"] = "quantity" + evil
    art["claims"][0]["label"] = evil + "label"
    art["history"][0]["action"] = "edit" + evil
    art["history"][0]["field"] = "status" + evil
    art["article"]["title"] = evil + "Title"
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "ws"
    with Workspace.open(target, reviewer="ana") as ws:
        import_file(ws, path)
        claim = ws.claims(aid)[0]
        row = ws.history(aid)[0]
        assert (claim.kind, claim.label) == ("quantity", "label")
        assert (row.action, row.field) == ("edit", "status")
        assert ws.article(aid).title == "Title"
    raw = b"".join(p.read_bytes() for p in (target / "articles").iterdir())
    assert b"\x1b" not in raw and b"\\u001b" not in raw


def test_nan_is_never_written_into_a_json_export(tmp_path):
    from store_fixtures import article as store_article

    a, claims = store_article()
    claims = [
        claims[0].__class__(
            **{**claims[0].to_dict(), "worthiness": float("nan"), "value": {"n": float("inf")}}
        ),
        *claims[1:],
    ]
    with Workspace.open(tmp_path / "ws", reviewer="ana") as ws:
        ws.add_article(a, claims)
    out = export_json(tmp_path / "ws", tmp_path / "out.json")
    text = out.read_text(encoding="utf-8")

    def refuse(name):
        raise ValueError(name)

    doc = json.loads(text, parse_constant=refuse)  # strict parsers accept it
    first = doc["articles"][0]["claims"][0]
    assert first["worthiness"] is None and first["value"] == {"n": None}


def test_an_import_is_one_undoable_step(triaged, tmp_path):
    src, aid = triaged
    dump = export_json(src, tmp_path / "a.json")
    from store_fixtures import article as store_article

    mine, mine_claims = store_article()
    target = tmp_path / "ws"
    with Workspace.open(target, reviewer="ana") as ws:
        ws.add_article(mine, mine_claims)
        ws.set_status(mine.id, mine_claims[0].id, "false")  # the reviewer's earlier mark
        import_file(ws, dump)
        assert {s.id for s in ws.articles()} == {mine.id, aid}
        undone = ws.undo()
        assert [(c.field, c.article_id) for c in undone] == [("article", aid)]
        assert [s.id for s in ws.articles()] == [mine.id]  # the import is gone ...
        assert ws.verdict(mine.id, mine_claims[0].id).status == "false"  # ... the mark is not
        ws.redo()
        assert {s.id for s in ws.articles()} == {mine.id, aid}
        ws.undo()
    with Workspace.open(target, reviewer="ana") as ws:  # and it holds after a restart
        assert [s.id for s in ws.articles()] == [mine.id]
        assert ws.undo()[0].claim_id == mine_claims[0].id


def test_a_merge_is_one_undoable_step(triaged, tmp_path):
    src, aid = triaged
    ours = copy_of(triaged, tmp_path / "ours")
    theirs = copy_of(triaged, tmp_path / "theirs")
    ids = _ids(ours, aid)
    with Workspace.open(theirs, reviewer="bo", clock=Clock("2026-11-28T10:00:00Z")) as ws:
        ws.set_status(aid, ids[5], "disputed")
        ws.set_note(aid, ids[6], "Bo's note")
    dump = export_json(theirs, tmp_path / "bo.json", reviewer="bo")
    with Workspace.open(ours, reviewer="ana") as ws:
        before = {k: v.to_dict() for k, v in ws.verdicts(aid).items()}
        import_file(ws, dump)
        assert ws.verdict(aid, ids[5]).status == "disputed"
        ws.undo()
        after = ws.verdicts(aid)
        assert after[ids[5]].status == before[ids[5]]["status"]
        assert after[ids[6]].note == before[ids[6]]["note"]


def test_a_failure_halfway_through_a_merge_leaves_nothing(triaged, tmp_path, monkeypatch):
    src, aid = triaged
    ours = copy_of(triaged, tmp_path / "ours")
    theirs = copy_of(triaged, tmp_path / "theirs")
    ids = _ids(ours, aid)
    with Workspace.open(theirs, reviewer="bo", clock=Clock("2026-11-28T10:00:00Z")) as ws:
        for cid in ids[:6]:
            ws.set_status(aid, cid, "disputed")
    dump = export_json(theirs, tmp_path / "bo.json", reviewer="bo")
    before = state(ours)
    calls = {"n": 0}
    real = Workspace.put_verdict

    def failing(self, *args, **kw):
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kw)

    monkeypatch.setattr(Workspace, "put_verdict", failing)
    with Workspace.open(ours, reviewer="ana") as ws:
        with pytest.raises(OSError):
            import_file(ws, dump)
        assert ws.verdict(aid, ids[0]).status == before[aid]["verdicts"][ids[0]]["status"]
    monkeypatch.setattr(Workspace, "put_verdict", real)
    assert calls["n"] == 4 and state(ours) == before


def test_a_conflict_without_the_fields_history_shows_no_time():
    # the verdict's time is that of its last change, maybe of another field: never shown
    from workbench.core.export.merge import Conflict
    from workbench.core.models import Verdict

    local = Verdict(claim_id="c", article_id="a", status="false", reviewer="ana",
                    updated_at="2026-12-01T09:30:00Z")
    remote = Verdict(claim_id="c", article_id="a", status="verified", reviewer="bo",
                     updated_at="2026-12-01T09:40:00Z")
    line = Conflict("a", "c", "x", ("status",), local, remote, "local").describe("team", "local")
    assert "team false vs local verified; kept team (later change)" in line
    assert "09:" not in line
