"""The workspace commands, run in-process through workbench.cli.main."""

from __future__ import annotations

import json

import pytest
from store_fixtures import TEXT, claims_for, open_ws

from workbench import cli
from workbench.core.nlp import extract


@pytest.fixture
def fake_extract(monkeypatch):
    """Hand-made claims instead of spaCy (fast, deterministic)."""

    def extract_many(articles, model=None, jobs=1, progress=None):
        return [claims_for(a) for a in articles]

    monkeypatch.setattr(extract, "extract_many", extract_many)


@pytest.fixture
def run(tmp_path, capsys):
    ws = tmp_path / "ws"

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main([*args, "--workspace", str(ws)])
        out, err = capsys.readouterr()
        return code, out, err

    run.ws = ws  # type: ignore[attr-defined]
    return run


@pytest.fixture
def added(tmp_path, run, fake_extract):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text("Other\x1b[31m news\n\nAbout 42 boats sank. Some 7 crews left.")
    code, out, err = run("add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert code == 0, err
    return run


def _claims(run) -> list[dict]:
    code, out, _ = run("claims", "--format", "json")
    assert code == 0
    return json.loads(out)


def test_add_reports_and_skips_bad_files(tmp_path, run, fake_extract):
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run("add", str(tmp_path / "a.txt"), str(tmp_path / "bin.txt"))
    assert code == 2 and "binary" in err and "Traceback" not in err
    assert "added" in out and "(4 claims)" in out
    code, out, err = run("add", str(tmp_path / "a.txt"))
    assert code == 0 and "already there" in out
    (tmp_path / "a.txt").write_text(TEXT.replace("300 arrests", "310 arrests"))
    code, out, err = run("add", str(tmp_path / "a.txt"))
    assert "re-imported" in out and "orphaned 0" in out
    code, out, err = run("add", str(tmp_path / "missing.txt"))
    assert code == 2 and "no such file" in err


def test_claims_json_and_table(added):
    rows = _claims(added)
    assert len(rows) == 6
    assert all(r["verdict"]["status"] == "unreviewed" for r in rows)
    assert {r["verdict"]["claim_id"] for r in rows} == {r["id"] for r in rows}
    code, out, _ = added("claims")
    assert code == 0 and all(r["id"] in out for r in rows)
    aid = rows[-1]["article_id"]
    code, out, _ = added("claims", aid[:6], "--format", "json")
    assert {r["article_id"] for r in json.loads(out)} == {aid}


def test_mark_with_prefix_note_and_link_then_undo_redo(added):
    rows = _claims(added)
    ids = [r["id"] for r in rows]
    cid = ids[0]
    prefix = next(cid[:k] for k in range(4, 13) if sum(i.startswith(cid[:k]) for i in ids) == 1)
    code, out, err = added(
        "mark",
        prefix,
        "false",
        "--note",
        "two\nlines",
        "--link",
        "https://example.org/x",
        "--stance",
        "refutes",
    )
    assert code == 0, err
    v = next(r["verdict"] for r in _claims(added) if r["id"] == cid)
    assert (v["status"], v["note"], v["links"][0]["stance"]) == ("false", "two\nlines", "refutes")
    code, out, _ = added("history", prefix)
    assert code == 0 and "unreviewed -> false" in out and len(out.splitlines()) == 3
    code, out, _ = added("undo")  # one step: status, note and link together
    assert code == 0 and len(out.splitlines()) == 3
    assert next(r["verdict"] for r in _claims(added) if r["id"] == cid)["status"] == "unreviewed"
    code, out, _ = added("redo")
    assert code == 0 and "redid" in out
    assert next(r["verdict"] for r in _claims(added) if r["id"] == cid)["status"] == "false"
    code, out, err = added("redo")
    assert code == 1 and "nothing to redo" in err and out == ""


def test_mark_refuses_bad_input_and_writes_nothing(added):
    cid = _claims(added)[0]["id"]
    code, out, err = added("mark", cid, "verified", "--link", "javascript:alert(1)")
    assert code == 2 and "only http and https" in err
    with pytest.raises(SystemExit) as exit_:
        added("mark", cid, "probably")
    assert exit_.value.code == 2
    code, out, err = added("mark", "zz", "verified")
    assert code == 2 and "not a claim id" in err
    code, out, _ = added("history")
    assert out.strip() == "no history"
    code, out, err = added("undo")
    assert code == 1 and "nothing to undo" in err and out == ""


def test_ambiguous_prefix_lists_candidates(added):
    ids = [r["id"] for r in _claims(added)]
    first = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) > 1)
    code, out, err = added("mark", first, "verified")
    assert code == 2 and "ambiguous" in err
    assert sum(i in err for i in ids if i.startswith(first)) >= 2


def test_status_table_is_plain_text(added):
    cid = _claims(added)[0]["id"]
    added("mark", cid, "verified")
    code, out, _ = added("status")
    assert code == 0 and "\x1b" not in out
    assert "Other news" in out and "1/4" in out and "0/2" in out
    assert "1/6 claims reviewed" in out


def test_locked_workspace_named_in_error_reads_still_work(added, monkeypatch):
    from workbench.core.services import workspace as service

    monkeypatch.setattr(service, "LOCK_WAIT", 0.0)  # held all along: waiting 3 s changes nothing
    with open_ws(added.ws):
        code, out, err = added("mark", _claims(added)[0]["id"], "verified")
        assert code == 4 and str(added.ws) in err and "in use" in err
        code, out, _ = added("status")
        assert code == 0


def test_workspace_from_environment(tmp_path, monkeypatch, capsys, fake_extract):
    monkeypatch.setenv("WORKBENCH_WORKSPACE", str(tmp_path / "envws"))
    (tmp_path / "a.txt").write_text(TEXT)
    assert cli.main(["add", str(tmp_path / "a.txt")]) == 0
    assert (tmp_path / "envws" / "workbench.json").exists()
    capsys.readouterr()
    assert cli.main(["claims", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_doctor(added):
    code, out, _ = added("doctor")
    assert code == 0 and "sound" in out
    index = added.ws / "index.json"
    index.write_text("garbage")
    code, out, err = added("status")
    assert code == 4 and "doctor" in err
    code, out, _ = added("doctor")
    assert code == 4 and "index.json" in out and "--restore" in out
    code, out, _ = added("doctor", "--restore")
    assert code == 0 and "rebuilt" in out
    code, out, _ = added("status")
    assert code == 0 and "0/6 claims reviewed" in out


def test_no_workspace_yet(run):
    code, out, err = run("status")
    assert code == 4 and "no workspace" in err


@pytest.mark.slow
def test_add_with_real_extraction(tmp_path, run):
    seed = __import__("pathlib").Path(__file__).parents[2] / "seeds" / "belarus-putin-sochi.txt"
    code, out, err = run("add", str(seed))
    if code == 3:
        pytest.skip("no spaCy pipeline installed")
    assert code == 0, err
    rows = _claims(run)
    assert rows and all(r["verdict"]["status"] == "unreviewed" for r in rows)
    code, out, err = run("mark", rows[0]["id"][:6], "verified")
    assert code == 0, err


@pytest.mark.parametrize("argv", [["undo"], ["redo"], ["mark", "abc", "verified"], ["check-links"]])
def test_commands_never_create_a_workspace_at_a_mistyped_path(tmp_path, capsys, argv):
    from cli_helpers import run_cli

    missing = tmp_path / "typo"
    code, out, err = run_cli(capsys, *argv, "--workspace", str(missing))
    assert code != 0 and "no workspace at" in err and err.count("\n") == 1
    assert not missing.exists()


def test_re_adding_a_link_keeps_its_stance_and_writes_no_empty_history(added):
    cid = _claims(added)[0]["id"]
    code, _, err = added(
        "mark", cid, "Verified", "--link", "https://example.org/r", "--stance", "supports"
    )
    assert code == 0, err  # status names are case-insensitive
    before = added("history", cid)[1]
    code, _, err = added("mark", cid, "verified", "--link", "https://EXAMPLE.org/r")
    assert code == 0, err
    v = next(r["verdict"] for r in _claims(added) if r["id"] == cid)
    assert [(link["url"], link["stance"]) for link in v["links"]] == [
        ("https://example.org/r", "supports")
    ]
    assert added("history", cid)[1] == before  # nothing changed, nothing recorded
    code, _, err = added("mark", cid, "verified", "--stance", "refutes")
    assert code == 2 and "--link" in err


def test_rename_is_in_history_undone_and_kept_by_a_json_round_trip(added, tmp_path, capsys):
    """`workbench rename` left no history row and `undo` could not take it back; the
    row (claim id "") must also survive an export and an import into a new workspace."""
    _, out, _ = added("claims", "--format", "json")
    aid = json.loads(out)[0]["article_id"]
    code, out, err = added("rename", aid[:8], "A clearer title")
    assert code == 0, err
    code, out, _ = added("history")
    assert "title: " in out and "'A clearer title'" in out
    code, out, _ = added("undo")
    assert code == 0 and "title" in out
    code, out, _ = added("redo")
    assert code == 0
    dump = tmp_path / "dump.json"
    assert added("export", aid[:8], "--format", "json", "-o", str(dump))[0] == 0
    other = str(tmp_path / "other")
    assert cli.main(["import", str(dump), "--create", "--workspace", other]) == 0
    assert cli.main(["history", "--workspace", other]) == 0
    copied = capsys.readouterr().out
    assert copied.count("title: ") == 3 and "'A clearer title'" in copied
