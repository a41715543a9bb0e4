"""Two reviewers at once: different fields both land, the same field is a Conflict."""

from __future__ import annotations

import threading

import pytest
from team_fixtures import article, open_team

from workbench.core.errors import Conflict


@pytest.fixture
def pair(team_url):
    ana, bo = open_team(team_url("ana")), open_team(team_url("bo"))
    a, claims = article()
    ana.add_article(a, claims)
    yield ana, bo, a, claims[0].id
    ana.close()
    bo.close()


def test_different_fields_both_land(pair):
    ana, bo, a, cid = pair
    ana.verdicts(a.id)
    bo.verdicts(a.id)  # both have seen the claim as it was
    ana.set_status(a.id, cid, "false")
    bo.set_note(a.id, cid, "the ministry says otherwise")
    bo.set_label(a.id, cid, "1,500 million loan")
    v = ana.verdict(a.id, cid)
    assert (v.status, v.note, v.label) == (
        "false",
        "the ministry says otherwise",
        "1,500 million loan",
    )


def test_same_field_second_gets_conflict_then_keeps_one(pair):
    ana, bo, a, cid = pair
    ana.verdict(a.id, cid)
    bo.verdict(a.id, cid)
    ana.set_status(a.id, cid, "false")
    with pytest.raises(Conflict) as err:
        bo.set_status(a.id, cid, "verified")
    c = err.value
    assert (c.field, c.theirs, c.yours, c.reviewer) == ("status", "false", "verified", "ana")
    assert "ana changed the status" in c.message and "\n" not in c.message
    assert bo.verdict(a.id, cid).status == "false"  # nothing silently overwritten
    assert [h.new for h in bo.history(a.id, cid)] == ["false"]
    bo.set_status(a.id, cid, "verified")  # repeating the change keeps bo's value
    assert bo.verdict(a.id, cid).status == "verified"
    with pytest.raises(Conflict):  # and now ana, who saw 'false', is told in turn
        ana.set_status(a.id, cid, "false")


def test_same_value_or_fresh_read_is_no_conflict(pair):
    ana, bo, a, cid = pair
    ana.verdict(a.id, cid)
    bo.verdict(a.id, cid)
    ana.set_note(a.id, cid, "same")
    bo.set_note(a.id, cid, "same")  # the stored value already is bo's: nothing to decide
    ana.set_status(a.id, cid, "false")
    bo.verdicts(a.id)  # bo saw ana's change (e.g. after a live update)
    bo.set_status(a.id, cid, "disputed")
    assert ana.verdict(a.id, cid).status == "disputed"


def test_links_conflict_per_url(pair):
    ana, bo, a, cid = pair
    ana.verdict(a.id, cid)
    bo.verdict(a.id, cid)
    ana.add_link(a.id, cid, "https://example.org/a", stance="supports")
    bo.add_link(a.id, cid, "https://example.org/b")  # another URL: both kept
    assert [link.url for link in ana.verdict(a.id, cid).links] == [
        "https://example.org/a",
        "https://example.org/b",
    ]
    ana.add_link(a.id, cid, "https://example.org/b", stance="refutes")
    with pytest.raises(Conflict) as err:
        bo.add_link(a.id, cid, "https://example.org/b", stance="supports")
    assert err.value.field == "links"


def test_undo_never_reverts_a_colleagues_change(pair):
    ana, bo, a, cid = pair
    ana.set_status(a.id, cid, "false")
    bo.verdict(a.id, cid)
    bo.set_status(a.id, cid, "verified")
    with pytest.raises(Conflict) as err:
        ana.undo()
    assert err.value.theirs == "verified" and err.value.yours == "unreviewed"
    assert ana.verdict(a.id, cid).status == "verified" and ana.can_undo()


def test_undo_and_redo_are_per_reviewer_and_survive_a_restart(team_url, pair):
    ana, bo, a, cid = pair
    other = ana.claims(a.id)[1].id
    ana.set_status(a.id, cid, "in_progress")
    ana.set_status(a.id, cid, "false")
    with ana.group():
        ana.set_note(a.id, cid, "see report")
        ana.add_link(a.id, cid, "https://example.org/a")
    bo.set_status(a.id, other, "verified")  # bo's change comes last
    ana.close()
    with open_team(team_url("ana")) as again:
        undone = again.undo()  # ana's group, not bo's change
        assert {c.field for c in undone} == {"note", "links"}
        assert all(c.action == "undo" and c.reviewer == "ana" for c in undone)
        v = again.verdict(a.id, cid)
        assert (v.status, v.note, v.links) == ("false", "", [])
        assert again.undo()[0].new == "in_progress"
        assert again.redo()[0].new == "false"
        again.set_status(a.id, cid, "verified")  # a new change clears ana's redo
        assert not again.can_redo() and again.redo() == []
    assert bo.verdict(a.id, other).status == "verified"
    assert bo.undo()[0].new == "unreviewed"  # bo's own step is still there
    seqs = [c.seq for c in bo.history()]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)  # one server-side sequence


def test_watch_signals_other_sessions_and_catches_up(pair):
    ana, bo, a, cid = pair
    got = threading.Event()
    since = bo.last_seq
    watch = bo.watch(got.set)
    ana.set_status(a.id, cid, "false")
    assert got.wait(10), "no live signal within 10 s"
    changes = bo.changes_since(since)
    assert [(c.field, c.new, c.reviewer) for c in changes] == [("status", "false", "ana")]
    assert bo.last_seq == changes[-1].seq
    got.clear()
    bo.set_note(a.id, cid, "own change")  # a session is not signalled its own changes
    ana.set_label(a.id, cid, "ana again")  # ... but the next foreign one arrives
    assert got.wait(10)
    assert [c.new for c in bo.changes_since(bo.last_seq)] == ["own change", "ana again"]
    watch.stop()
