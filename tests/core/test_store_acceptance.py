"""Cases found by trying the store from the shell: a file where the articles folder
should be, repeated doctor repairs, doctor's own wording, orphans seen from the CLI,
JSON output of status/history, a short wait for a busy workspace."""

from __future__ import annotations

import json
import threading
import time

import pytest
from cli_helpers import run_cli as run
from store_fixtures import base_workspace, open_ws

from workbench.core.errors import StoreError, WorkspaceCorrupt, WorkspaceLocked
from workbench.core.store import Workspace, doctor


@pytest.fixture
def base(tmp_path):
    return base_workspace(tmp_path / "ws")


def test_articles_folder_replaced_by_a_file_is_refused(base, capsys):
    path, a, claims = base
    import shutil

    shutil.rmtree(path / "articles")
    (path / "articles").write_text("not a folder")
    with pytest.raises(WorkspaceCorrupt, match="articles folder"):
        Workspace.open(path)
    code, _, err = run(capsys, "mark", claims[0].id, "false", "-w", str(path))
    assert code == WorkspaceCorrupt.exit_code and err.count("\n") == 1
    assert "Traceback" not in err and (path / "articles").read_text() == "not a folder"
    findings = doctor.check(path)
    assert findings[0].path == path / "articles" and findings[0].fix == ""


def test_repeated_repairs_never_overwrite_a_set_aside_copy(base):
    path, a, _ = base
    file = path / "articles" / f"{a.id}.json"
    for junk in (b"{torn", b"\x00garbage", b"[1, 2]"):
        file.write_bytes(junk)
        doctor.repair(path)  # all within one second: same time stamp
    kept = sorted(p.read_bytes() for p in path.glob("articles/*.corrupt-*"))
    assert kept == sorted([b"{torn", b"\x00garbage", b"[1, 2]"])


def test_doctor_lines_do_not_tell_you_to_run_doctor(base, capsys):
    path, a, _ = base
    (path / "articles" / f"{a.id}.json").write_bytes(b"{torn")
    (path / "index.json").write_bytes(b"[1, 2, 3]")
    code, out, _ = run(capsys, "doctor", "-w", str(path))
    assert code == 4
    lines = out.splitlines()
    assert len(lines) == 3 and lines[-1].startswith("run `workbench doctor --restore`")
    assert all("run `workbench doctor`" not in line for line in lines[:-1])
    assert all(line.count(str(path / "index.json")) <= 1 for line in lines)


def _reimport_without_first_claim(path, a, claims):
    """Re-import the article with the first sentence changed so its claim is gone."""
    from store_fixtures import claims_for

    from workbench.core.articles import make_article

    first = claims[0].sentence
    text = a.text.replace(first, "The meeting was held behind closed doors.")
    assert text != a.text
    new = make_article(text, a.source)
    with open_ws(path) as ws:
        result = ws.add_article(new, claims_for(new))
    assert result.orphaned == 1
    return new


def test_orphaned_verdicts_are_listed_and_have_history(base, capsys):
    path, a, claims = base
    new = _reimport_without_first_claim(path, a, claims)
    orphan = claims[0].id
    code, out, _ = run(capsys, "claims", "-w", str(path))
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith(orphan))
    assert "verified" in row and "[orphaned]" in row and claims[0].anchor in row
    code, out, _ = run(capsys, "claims", "-w", str(path), "-f", "json")
    items = {item["id"]: item for item in json.loads(out)}
    assert items[orphan]["orphaned"] is True
    assert items[orphan]["verdict"]["status"] == "verified"
    assert items[orphan]["sentence"] == claims[0].sentence
    assert items[orphan]["article_id"] == new.id
    code, out, _ = run(capsys, "claims", "-w", str(path), "--status", "verified")
    assert orphan in out
    code, out, err = run(capsys, "history", orphan[:6], "-w", str(path))
    assert code == 0, err
    assert "unreviewed -> verified" in out and "orphaned" in out
    code, out, _ = run(capsys, "status", "-w", str(path))
    assert "1 orphaned verdict" in out


def test_status_and_history_as_json(base, capsys):
    path, a, claims = base
    code, out, _ = run(capsys, "status", "-w", str(path), "--format", "json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["id"] == a.id and row["claims"] == len(claims)
    assert row["counts"]["verified"] == 1 and row["reviewed"] == 1 and row["orphaned"] == 0
    code, out, _ = run(capsys, "history", claims[1].id, "-w", str(path), "-f", "json")
    assert code == 0
    (change,) = json.loads(out)
    assert change["field"] == "note" and change["new"] == "first note"
    assert change["claim_id"] == claims[1].id and change["article_id"] == a.id
    code, out, _ = run(capsys, "history", "-w", str(path), "-f", "json", "-n", "1")
    assert [c["field"] for c in json.loads(out)] == ["note"]


def test_open_can_wait_briefly_for_a_busy_workspace(base):
    path, a, claims = base
    holder = Workspace.open(path, reviewer="bo")
    threading.Timer(0.3, holder.close).start()
    t0 = time.monotonic()
    with Workspace.open(path, reviewer="ana", wait=5.0) as ws:
        ws.set_status(a.id, claims[2].id, "false")
    assert time.monotonic() - t0 > 0.2  # it waited (a lock it could not get raises)
    holder = Workspace.open(path, reviewer="bo")
    try:
        with pytest.raises(WorkspaceLocked, match="in use"):
            Workspace.open(path, reviewer="ana", wait=0.2)
        with pytest.raises(WorkspaceLocked):
            Workspace.open(path, reviewer="ana")  # default: no wait
    finally:
        holder.close()


def test_store_error_is_one_line_for_a_file_in_the_parent(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create workspace"):
        Workspace.open(blocker / "ws")


def test_orphan_without_its_claim_text_is_still_listed(base, capsys):
    path, a, claims = base
    from workbench.core.models import Verdict

    with open_ws(path) as ws:  # an imported orphan: the export did not carry its claim
        ws.put_verdict(a.id, Verdict("abcdef123456", a.id, status="false", note="old"))
    code, out, _ = run(capsys, "claims", "-w", str(path))
    row = next(line for line in out.splitlines() if line.startswith("abcdef123456"))
    assert "false" in row and "[orphaned]" in row and "claim text unknown" in row
    code, out, _ = run(capsys, "claims", "-w", str(path), "-f", "json")
    item = next(i for i in json.loads(out) if i["id"] == "abcdef123456")
    assert item["orphaned"] is True and item["verdict"]["note"] == "old"
