"""The live signal on the server: sent after a change committed, once per article and
change (or group), never for a change that did not happen.

Observed with a plain LISTEN connection. A sentinel NOTIFY sent after the action
closes each observation: notifications arrive in commit order, so what comes before
the sentinel is exactly what the action sent (no waiting for something not to come).
"""

from __future__ import annotations

import json

import psycopg
import pytest
from team_fixtures import TEXT, article, open_team

from workbench.core.errors import Conflict, LinkError

WAIT = 30.0  # an upper bound for a broken server, never a timing assumption


@pytest.fixture
def ears(pg, team_db, team_url):
    """``ears()``: the payloads signalled since the last call (sentinel-closed)."""
    conn = psycopg.connect(pg.url(team_db), autocommit=True)
    conn.execute("LISTEN workbench")
    poke = psycopg.connect(pg.url(team_db), autocommit=True)

    def heard() -> list[dict]:
        poke.execute("SELECT pg_notify('workbench', 'sentinel')")
        out: list[dict] = []
        for note in conn.notifies(timeout=WAIT):
            if note.payload == "sentinel":
                return out
            out.append(json.loads(note.payload))
        raise AssertionError("the sentinel never arrived")

    yield heard
    conn.close()
    poke.close()


@pytest.fixture
def loaded(team_url, ears):
    ana, bo = open_team(team_url("ana")), open_team(team_url("bo"))
    a, claims = article()
    ana.add_article(a, claims)
    ears()
    yield ana, bo, a, [c.id for c in claims]
    ana.close()
    bo.close()


def test_a_mark_signals_once_after_commit(loaded, ears):
    ana, bo, a, cids = loaded
    ana.set_status(a.id, cids[0], "false")
    (got,) = ears()
    assert got["a"] == a.id
    seen = bo.changes_since(got["q"] - 1)  # committed by the time it was signalled
    assert [(c.seq, c.new) for c in seen] == [(got["q"], "false")]
    ana.set_status(a.id, cids[0], "false")  # no change: no signal
    assert ears() == []


def test_no_signal_for_a_conflict_or_a_rolled_back_group(loaded, ears):
    ana, bo, a, cids = loaded
    ana.verdicts(a.id)
    bo.set_note(a.id, cids[0], "bo's note")
    ears()
    with pytest.raises(Conflict):
        ana.set_note(a.id, cids[0], "ana's note")
    assert ears() == []
    with pytest.raises(LinkError), ana.group():
        ana.set_status(a.id, cids[1], "verified")
        ana.add_link(a.id, cids[1], "javascript:x")
    assert ears() == []


def test_a_group_signals_once_per_article_after_its_commit(loaded, ears):
    ana, _bo, a, cids = loaded
    b, b_claims = article(TEXT.replace("Minsk", "Gomel"), "gomel.txt")
    ana.add_article(b, b_claims)
    ears()
    with ana.group():
        ana.set_status(a.id, cids[0], "false")
        ana.set_note(a.id, cids[1], "two")
        ana.add_link(a.id, cids[2], "https://example.org/src")
        ana.set_label(b.id, b_claims[0].id, "other article")
    got = ears()
    assert sorted(g["a"] for g in got) == sorted([a.id, b.id])


def test_links_and_undo_signal_too(loaded, ears):
    ana, _bo, a, cids = loaded
    ana.add_link(a.id, cids[0], "https://example.org/src")
    assert [g["a"] for g in ears()] == [a.id]
    ana.undo()
    assert [g["a"] for g in ears()] == [a.id]
