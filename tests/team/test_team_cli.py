"""The team commands (db upgrade, assign, take, who, sync) and connection errors."""

from __future__ import annotations

import psycopg
import pytest
from team_fixtures import article, open_team

from workbench.cli import main
from workbench.core.errors import StoreError
from workbench.core.store import Workspace
from workbench.core.store.postgres import cluster as pgc
from workbench.core.store.postgres import schema


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_upgrade_creates_then_is_a_no_op(pg, capsys):
    db = pgc.new_database(pg, upgraded=False)
    url = pg.url(db)
    code, out, err = run(
        capsys, "db", "upgrade", url, "--writers", pgc.WRITERS, "--readers", pgc.READERS
    )
    assert code == 0, err
    assert f"from version 0 to {schema.SCHEMA_VERSION}" in out
    code, out, _ = run(capsys, "db", "upgrade", url)
    assert code == 0 and "already at version" in out
    pgc.ensure_role(pg, "ana")
    with open_team(pg.url(db, "ana")) as st:  # the writers group may mark
        st.add_article(*article())


def test_upgrade_from_version_2_lets_earlier_writers_mark(pg, capsys):
    """Version 3 adds the mark procedures: roles granted by an earlier upgrade may call them."""
    db = pgc.new_database(pg, upgraded=False)
    with psycopg.connect(pg.url(db), autocommit=True) as conn:
        schema.upgrade(conn, writers=[pgc.WRITERS], target=2)
    code, out, err = run(capsys, "db", "upgrade", pg.url(db))
    assert code == 0 and f"from version 2 to {schema.SCHEMA_VERSION}" in out, err
    pgc.ensure_role(pg, "ana")
    a, claims = article()
    with open_team(pg.url(db, "ana")) as st:
        st.add_article(a, claims)
        st.set_status(a.id, claims[0].id, "false")
        st.set_note(a.id, claims[0].id, "via the procedure")
    with open_team(pg.url(db, "ana")) as st:
        v = st.verdict(a.id, claims[0].id)
        assert (v.status, v.note) == ("false", "via the procedure")
        assert [c.field for c in st.history(a.id)] == ["status", "note"]


def test_old_and_newer_schema_are_refused_in_one_line(pg):
    db = pgc.new_database(pg, upgraded=False)
    with psycopg.connect(pg.url(db), autocommit=True) as conn:
        schema.upgrade(conn, target=1)
    with pytest.raises(StoreError, match="schema version 1.*run `workbench db upgrade"):
        open_team(pg.url(db))
    with psycopg.connect(pg.url(db), autocommit=True) as conn:
        schema.upgrade(conn)
        conn.execute("UPDATE workbench.meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this workbench.*upgrade workbench"):
        open_team(pg.url(db))


def test_assign_take_who(team_url, capsys):
    url = team_url("ana")
    a, claims = article()
    with open_team(url) as st:
        st.add_article(a, claims)
    code, out, err = run(capsys, "assign", a.id[:6], "--to", "bo", "--workspace", url)
    assert code == 0 and "assigned to bo" in out, err
    code, out, _ = run(capsys, "take", claims[0].id[:8], "--workspace", url)
    assert code == 0 and "taken by ana" in out
    code, out, _ = run(capsys, "who", "--workspace", team_url("guest", write=False))
    assert code == 0
    assert "assigned to bo" in out and f"claim {claims[0].id}" in out and "taken by ana" in out
    code, out, _ = run(capsys, "take", claims[0].id[:8], "--release", "--workspace", url)
    assert "released" in out
    code, _, err = run(
        capsys, "assign", a.id, "--to", "x", "--workspace", team_url("guest", write=False)
    )
    assert code == 4 and "browse but not mark" in err and err.count("\n") == 1
    code, _, err = run(capsys, "who", "--workspace", "somewhere/folder")
    assert code == 2 and "needs a team workspace" in err


def test_sync_command_twice(team_url, tmp_path, capsys):
    url = team_url("ana")
    a, claims = article()
    with Workspace.open(tmp_path / "ws", reviewer="lena") as ws:
        ws.add_article(a, claims)
        ws.set_status(a.id, claims[0].id, "verified")
    code, out, err = run(capsys, "sync", url, "--workspace", str(tmp_path / "ws"))
    assert code == 0, err
    assert "1 article(s) added" in out
    code, out, _ = run(capsys, "sync", url, "--workspace", str(tmp_path / "ws"))
    assert code == 0 and "already in sync" in out
    with open_team(url) as st:
        assert st.verdict(a.id, claims[0].id).status == "verified"


def test_connection_faults_are_one_line_without_password(pg, team_url, capsys, monkeypatch):
    team_url("ana")
    secret = "s3cr3t-Pa55"
    for argv, expect in (
        (
            ["who", "--workspace", f"postgresql://ana:{secret}@127.0.0.1:{pg.port}/x"],
            "holds a password",
        ),
        (["who", "--workspace", pg.url("no_such_db", "ana")], "createdb no_such_db"),
        (["who", "--workspace", pg.url(pgc.SHARED_DB, "nobody_here")], "no database user"),
        (
            ["who", "--workspace", f"postgresql://ana@127.0.0.1:{pgc.free_port()}/x"],
            "check the URL and that the server is running",
        ),
    ):
        code, out, err = run(capsys, *argv)
        assert code != 0 and expect in err and err.count("\n") == 1, err
        assert secret not in err + out
    pgc.ensure_role(pg, "carol", password="right-one")
    monkeypatch.setenv("PGPASSWORD", secret)  # a wrong password, from libpq's environment
    code, _, err = run(capsys, "who", "--workspace", pg.tcp_url(pgc.SHARED_DB, "carol"))
    assert code == 4 and "login refused for 'carol'" in err and secret not in err
    monkeypatch.setenv("PGPASSWORD", "right-one")
    code, out, err = run(capsys, "who", "--workspace", pg.tcp_url(pgc.SHARED_DB, "carol"))
    assert code == 0, err
    assert "right-one" not in out + err


def test_every_day_commands_on_the_team_workspace(team_url, capsys, monkeypatch):
    url = team_url("ana")
    a, claims = article()
    cid = claims[0].id
    code, out, _ = run(capsys, "status", "--workspace", url)
    assert code == 0 and "no articles in postgresql://ana@" in out
    with open_team(url) as st:
        st.add_article(a, claims)
    monkeypatch.setenv("WORKBENCH_WORKSPACE", url)  # the engine is picked by location
    code, out, err = run(
        capsys, "mark", cid[:6], "verified", "--note", "ok", "--link", "https://example.org/x"
    )
    assert code == 0 and "verified" in out, err
    code, out, _ = run(capsys, "status")
    assert code == 0 and "1/4" in out
    code, out, _ = run(capsys, "history")
    assert out.count(" ana ") == 3
    code, out, _ = run(capsys, "undo")
    assert code == 0 and out.count("undid") == 3
    with open_team(team_url("bo")) as st:
        assert st.verdict(a.id, cid).status == "unreviewed"
    code, _, err = run(capsys, "mark", cid[:6], "false", "--workspace", team_url("guest", False))
    assert code == 4 and "browse but not mark" in err


def test_db_upgrade_refusals_are_one_line(pg, team_url, capsys):
    db = pgc.new_database(pg, upgraded=False)
    pgc.ensure_role(pg, "ana")
    code, _, err = run(capsys, "db", "upgrade", pg.url(db, "ana"))  # not the owner
    assert code == 4 and "as the database owner" in err and err.count("\n") == 1
    code, _, err = run(capsys, "db", "upgrade", pg.url(db), "--writers", "no_such_role")
    assert code == 4 and "create the role first" in err and err.count("\n") == 1
    with psycopg.connect(pg.url(db), autocommit=True) as conn:  # nothing half-done
        assert schema.current_version(conn) == 0


def test_sync_conflict_names_team_and_local_and_the_times_of_the_field(team_url, tmp_path, capsys):
    # the line said "ours false (ana, 09:20) vs theirs verified (lena, 09:30); kept ours":
    # ours was the server, and 09:30 was the local note's time, not the status's
    url = team_url("ana")
    a, claims = article()
    cid = claims[0].id
    now = {"t": "2026-12-01T09:00:00Z"}
    folder = ["--workspace", str(tmp_path / "ws")]
    with Workspace.open(tmp_path / "ws", reviewer="lena", clock=lambda: now["t"]) as ws:
        ws.add_article(a, claims)
    assert run(capsys, "sync", url, *folder)[0] == 0
    with Workspace.open(tmp_path / "ws", reviewer="lena", clock=lambda: now["t"]) as ws:
        now["t"] = "2026-12-01T09:10:00Z"
        ws.set_status(a.id, cid, "verified")
        now["t"] = "2026-12-01T09:30:00Z"
        ws.set_note(a.id, cid, "minutes checked")
    with open_team(url, clock=lambda: "2026-12-01T09:20:00Z") as team:
        team.set_status(a.id, cid, "false")
    code, out, err = run(capsys, "sync", url, *folder)
    assert code == 0, err
    [line] = [line for line in out.splitlines() if "conflict on claim" in line]
    assert ("team false (ana, 2026-12-01T09:20:00Z) vs local verified (lena, "
            "2026-12-01T09:10:00Z); kept team (later change)") in line, line
    with open_team(url) as team, Workspace.open(tmp_path / "ws", reviewer="lena") as ws:
        assert team.verdict(a.id, cid).status == ws.verdict(a.id, cid).status == "false"
        assert ws.verdict(a.id, cid).note == "minutes checked"


def test_upgrade_from_version_3_keeps_the_articles_and_lets_remove_work(pg, capsys):
    """Version 4 adds ``articles.removed``: an article stored before the upgrade stays
    listed, and ``workbench remove`` / ``undo`` work on it, in history."""
    db = pgc.new_database(pg, upgraded=False)
    with psycopg.connect(pg.url(db), autocommit=True) as conn:
        schema.upgrade(conn, writers=[pgc.WRITERS], target=3)
    pgc.ensure_role(pg, "ana")
    a, claims = article()
    with psycopg.connect(pg.url(db, "ana"), autocommit=True) as conn:  # written by a v3 client
        conn.execute(
            "INSERT INTO workbench.articles (id, title, source, text, added_at) "
            "VALUES (%s, %s, %s, %s, '2026-12-01T00:00:00Z')",
            (a.id, a.title, a.source, a.text),
        )
    code, out, err = run(capsys, "db", "upgrade", pg.url(db))
    assert code == 0 and f"from version 3 to {schema.SCHEMA_VERSION}" in out, err
    url = pg.url(db, "ana")
    with open_team(url) as st:
        st.add_article(a, claims)  # the same text: kept, its claims stored
        assert [s.id for s in st.articles()] == [a.id]
    code, out, err = run(capsys, "remove", a.id[:8], "--workspace", url)
    assert code == 0 and out.startswith(f"removed {a.id[:8]}"), err
    code, out, _ = run(capsys, "status", "--workspace", url)
    assert "no articles in postgresql://ana@" in out
    code, out, _ = run(capsys, "history", "--workspace", url)
    assert f"{a.id[:8]}  article out of the workspace: '{a.title}'" in out
    code, out, err = run(capsys, "undo", "--workspace", url)
    assert code == 0 and "article back in the workspace" in out, err
    with open_team(url) as st:
        assert [s.id for s in st.articles()] == [a.id]


def test_who_leaves_out_a_removed_article_until_its_undo(team_url, capsys):
    """`workbench who` (and the picker's board) listed the assignment and markers of an
    article taken out of the workspace; they stay for the undo, unseen."""
    url = team_url("ana")
    a, claims = article()
    with open_team(url) as st:
        st.add_article(a, claims)
        st.assign(a.id, "bo")
        st.take(a.id, claims[0].id)
        st.remove_article(a.id)
        assert st.assignments() == {} and st.who() == []
    code, out, _ = run(capsys, "who", "--workspace", url)
    assert code == 0 and out.startswith("nobody is assigned"), out
    code, out, err = run(capsys, "undo", "--workspace", url)
    assert code == 0, err
    code, out, _ = run(capsys, "who", "--workspace", url)
    assert "assigned to bo" in out and "taken by ana" in out
