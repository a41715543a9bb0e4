"""Many reviewer processes at once, kill -9 of a writer, a server restart mid-session."""

from __future__ import annotations

import os
import signal
import threading

from team_fixtures import open_team, parse_acks, release, start_writer, synthetic


def _load(url: str, articles: int, claims: int):
    items = [synthetic(i, claims) for i in range(articles)]
    with open_team(url) as st:
        st.add_articles(items)
    return items


def test_two_writers_different_fields_of_the_same_claims(team_url):
    [(a, claims)] = _load(team_url("ana"), 1, 5)
    targets = [[a.id, c.id] for c in claims]
    procs = [
        start_writer(
            {
                "url": team_url("ana"),
                "field": "status",
                "n": 30,
                "targets": targets,
                "read_first": True,
            }
        ),
        start_writer(
            {
                "url": team_url("bo"),
                "field": "note",
                "n": 30,
                "targets": targets,
                "read_first": True,
            }
        ),
    ]
    release(*procs)
    outs = [p.communicate(timeout=120)[0].splitlines() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    (status_acks, c1), (note_acks, c2) = parse_acks(outs[0]), parse_acks(outs[1])
    assert (len(status_acks), len(note_acks), c1, c2) == (30, 30, 0, 0)
    with open_team(team_url("cy")) as st:
        verdicts = st.verdicts(a.id)
        last_status = {cid: v for _, _, cid, _, v, _ in status_acks}
        last_note = {cid: v.replace("_", " ") for _, _, cid, _, v, _ in note_acks}
        for c in claims:
            assert verdicts[c.id].status == last_status[c.id]
            assert verdicts[c.id].note == last_note[c.id]
        assert len(st.history(a.id)) == 60


def test_eight_writers_lose_nothing(team_url):
    items = _load(team_url("ana"), 4, 40)
    pairs = [[a.id, c.id] for a, claims in items for c in claims]
    procs = [
        start_writer({"url": team_url(f"rev{k}"), "field": "note", "n": 20, "targets": pairs[k::8]})
        for k in range(8)
    ]
    release(*procs)
    outs = [p.communicate(timeout=180)[0].splitlines() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    with open_team(team_url("cy")) as st:
        history = st.history()
        assert len(history) == 8 * 20
        assert len({h.seq for h in history}) == 160
        for out in outs:
            acks, conflicts = parse_acks(out)
            assert len(acks) == 20 and conflicts == 0
            for _, aid, cid, _, value, _ in acks:
                assert st.verdict(aid, cid).note == value.replace("_", " ")


def test_kill_9_of_a_writer_loses_nothing_acknowledged(team_url):
    [(a, claims)] = _load(team_url("ana"), 1, 200)
    targets = [[a.id, c.id] for c in claims]
    proc = start_writer({"url": team_url("bo"), "field": "note", "n": 0, "targets": targets})
    lines: list[str] = []
    enough = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if len(lines) >= 40:
                enough.set()
        enough.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    release(proc)
    assert enough.wait(120), "the writer made no progress"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    reader.join(30)
    acks, _ = parse_acks(lines)
    assert len(acks) >= 40
    with open_team(team_url("cy")) as st:
        verdicts = st.verdicts(a.id)
        for _, _, cid, _, value, _ in acks:
            assert verdicts[cid].note == value.replace("_", " ")
        # the change in flight at the kill is either wholly there or wholly absent
        assert len(st.history(a.id)) in (len(acks), len(acks) + 1)


def test_server_restart_mid_session_reconnects_and_carries_on(pg, team_url):
    url = team_url("ana")
    st = open_team(url)
    [(a, claims)] = _load(url, 1, 3)
    states: list[bool] = []
    back = threading.Event()
    lost = threading.Event()

    def on_state(online: bool) -> None:
        states.append(online)
        (back if online else lost).set()

    signalled = threading.Event()
    st.watch(signalled.set, on_state=on_state)
    st.set_status(a.id, claims[0].id, "verified")
    pg.restart(mode="immediate")  # like a crash of the server
    assert lost.wait(30), "the watch did not notice the lost connection"
    st.set_note(a.id, claims[0].id, "after the restart")  # reconnects and carries on
    assert back.wait(30) and states[:2] == [False, True]
    assert signalled.wait(30)  # told to catch up after being offline
    assert st.online
    with open_team(team_url("bo")) as bo:
        v = bo.verdict(a.id, claims[0].id)
        assert (v.status, v.note) == ("verified", "after the restart")
    st.close()


def test_a_cut_connection_is_reported_offline_then_caught_up(pg, team_url):
    import psycopg

    from workbench.core.store.postgres import cluster as pgc

    url = team_url("ana")
    [(a, claims)] = _load(url, 1, 3)
    st = open_team(url)
    st.verdicts(a.id)
    states: list[bool] = []
    lost, back, told = threading.Event(), threading.Event(), threading.Event()

    def on_state(online: bool) -> None:
        states.append(online)
        (back if online else lost).set()

    since = st.last_seq
    st.watch(told.set, on_state=on_state)
    with psycopg.connect(pg.url(pgc.SHARED_DB), autocommit=True) as admin:
        # cut every connection of ana's (the session's and the watch's), as a network cut would
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE usename = 'ana' AND pid <> pg_backend_pid()"
        )
        assert lost.wait(30), "the watch did not notice the cut"
        with open_team(team_url("bo")) as bo:  # a colleague marks while ana is cut off
            bo.set_status(a.id, claims[1].id, "false")
    assert back.wait(30) and states[:2] == [False, True]
    assert told.wait(30)  # told to catch up: the colleague's mark was not signalled
    assert [(c.field, c.new) for c in st.changes_since(since)] == [("status", "false")]
    st.set_note(a.id, claims[0].id, "after the cut")  # the session reconnects by itself
    assert st.verdict(a.id, claims[0].id).note == "after the cut" and st.online
    st.close()
