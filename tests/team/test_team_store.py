"""The team engine's store behaviour: edits, undo, re-import, read-only roles, hostile text."""

from __future__ import annotations

import pytest
from team_fixtures import Clock, article, open_team

from workbench.core.errors import InputError, LinkError, NotFound, StoreError
from workbench.core.models import Change, Verdict

TEXT2 = (
    "Budget talks\n\nThe deficit reached 12 percent. Officials expect 40 new schools. "
    "About 7 ministers resigned. The plan costs 900 million."
)


@pytest.fixture
def loaded(team_url):
    st = open_team(team_url("ana"), clock=Clock())
    a, claims = article()
    st.add_article(a, claims)
    yield st, a, claims
    st.close()


def test_bad_input_refused_nothing_written(loaded):
    st, a, claims = loaded
    cid = claims[0].id
    with pytest.raises(InputError, match="unknown status"):
        st.set_status(a.id, cid, "maybe")
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "/rel", "http://"):
        with pytest.raises(LinkError):
            st.add_link(a.id, cid, bad)
    with pytest.raises(NotFound):
        st.set_status(a.id, "ffffffffffff", "verified")
    with pytest.raises(NotFound):
        st.set_status("nope", cid, "verified")
    assert st.history() == [] and not st.can_undo()


def test_undo_redo_per_reviewer_survive_restart(team_url, loaded):
    st, a, claims = loaded
    cid = claims[0].id
    st.set_status(a.id, cid, "in_progress")
    st.set_status(a.id, cid, "false")
    with st.group():
        st.set_note(a.id, cid, "see report")
        st.add_link(a.id, cid, "https://example.org/a")
    bo = open_team(team_url("bo"))
    bo.set_status(a.id, claims[1].id, "verified")
    assert bo.can_undo()
    st.close()
    with open_team(team_url("ana")) as again:
        undone = again.undo()  # ana's group, not bo's change
        assert {c.field for c in undone} == {"note", "links"}
        assert all(c.action == "undo" and c.reviewer == "ana" for c in undone)
        v = again.verdict(a.id, cid)
        assert (v.status, v.note, v.links) == ("false", "", [])
        assert again.undo()[0].new == "in_progress"
        assert again.redo()[0].new == "false"
        again.set_status(a.id, cid, "verified")  # a new change clears redo
        assert not again.can_redo() and again.redo() == []
    assert bo.verdict(a.id, claims[1].id).status == "verified"
    assert bo.undo()[0].new == "unreviewed"
    bo.close()
    seqs = [c.seq for c in open_team(team_url("ana")).history()]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)


def test_group_is_all_or_nothing(loaded):
    st, a, claims = loaded
    cid = claims[0].id
    with pytest.raises(LinkError), st.group():
        st.set_status(a.id, cid, "false")
        st.add_link(a.id, cid, "javascript:x")
    assert st.verdict(a.id, cid).status == "unreviewed"
    assert st.history() == [] and not st.can_undo()


def test_reimport_keeps_moves_orphans(loaded):
    st, a, claims = loaded
    st.set_status(a.id, claims[0].id, "verified")
    st.set_note(a.id, claims[3].id, "arrests note")
    res = st.add_article(a, claims)  # same text again: everything kept
    assert (res.created, res.kept, res.orphaned) == (False, 2, 0)
    from team_fixtures import TEXT
    from team_fixtures import article as make

    b, new_claims = make(TEXT.replace("300 arrests", "many arrests"), "minsk.txt")
    res = st.add_article(b, new_claims)
    assert res.replaced == a.id and res.kept == 1 and res.orphaned == 1
    [summary] = st.articles()
    assert summary.id == b.id and summary.orphaned == 1
    [(orphan, claim)] = st.orphans(b.id)
    assert orphan.note == "arrests note" and claim is not None and claim.anchor == "300"
    assert st.verdict(b.id, claims[0].id).status == "verified"
    assert any(h.field == "orphaned" for h in st.history(b.id))


def test_put_verdict_restore_and_append_history(loaded):
    st, a, claims = loaded
    cid = claims[3].id
    v = Verdict(
        cid,
        a.id,
        status="disputed",
        note="from import",
        reviewer="bo",
        updated_at="2026-01-01T00:00:00Z",
    )
    st.put_verdict(a.id, v)
    got = st.verdict(a.id, cid)
    assert (got.status, got.note, got.reviewer) == ("disputed", "from import", "bo")
    assert {r.action for r in st.history(a.id, cid)} == {"import"}
    assert not st.can_undo()
    st.put_verdict(
        a.id,
        Verdict(cid, a.id, status="false", reviewer="cy", updated_at="2026-01-02T00:00:00Z"),
        record=False,
    )
    assert st.verdict(a.id, cid).reviewer == "cy" and len(st.history(a.id, cid)) == 2
    st.append_history(
        [Change(99, a.id, cid, "status", "x", "y", "bo", "2025-01-01T00:00:00Z", "merge")]
    )
    assert st.history(a.id)[-1].action == "merge"


def test_read_only_role_browses_but_cannot_mark(team_url, loaded):
    st, a, claims = loaded
    st.set_status(a.id, claims[0].id, "verified")
    with open_team(team_url("guest", write=False)) as ro:
        assert ro.readonly and ro.reviewer == "guest"
        assert ro.verdict(a.id, claims[0].id).status == "verified"
        assert ro.articles()[0].reviewed == 1
        for change in (
            lambda: ro.set_status(a.id, claims[0].id, "false"),
            ro.undo,
            lambda: ro.assign(a.id, "guest"),
        ):
            with pytest.raises(StoreError, match="read-only role.*browse but not mark"):
                change()


HOSTILE = [
    "[bold red]markup[/] and [link=https://evil]x[/link]",
    "'); DROP TABLE workbench.verdicts; --",
    "emoji 🧪 RTL \u202eevil\u202c zero\u200bwidth",
    "% _ \\ $1 :name %(x)s {0}",
    "line one\nline two\n\ttabbed",
]


def test_hostile_text_through_the_database_unchanged(team_url, loaded, tmp_path):
    """Stored exactly as the local folder stores it (control and bidi characters are
    removed by the shared cleaning, everything else is kept byte for byte)."""
    from workbench.core.store import Workspace

    st, a, claims = loaded
    with Workspace.open(tmp_path / "ws", reviewer="ana") as ws:
        ws.add_article(a, claims)
        for i, text in enumerate(HOSTILE):
            cid = claims[i % len(claims)].id
            st.set_note(a.id, cid, text)
            ws.set_note(a.id, cid, text)
            assert st.verdict(a.id, cid).note == ws.verdict(a.id, cid).note
            if i != 2:
                assert st.verdict(a.id, cid).note == text
    st.add_link(a.id, claims[0].id, "https://example.org/?q=';--", title=HOSTILE[0])
    with open_team(team_url("bo")) as bo:
        assert bo.verdict(a.id, claims[0].id).links[0].title == HOSTILE[0]
        assert bo.verdict(a.id, claims[0].id).note == HOSTILE[4]
        assert len(bo.history(a.id)) == len(HOSTILE) + 1
    from team_fixtures import article as make

    nasty, nasty_claims = make(
        "Title [b]x[/b]\n\nThey said 5 '); DROP TABLE x; -- people came. \x1b[31mRed 7 times.",
        "src'; --",
    )
    st.add_article(nasty, nasty_claims)
    assert st.article(nasty.id).text == nasty.text
    assert st.article("src'; --").id == nasty.id
    with pytest.raises(NotFound):
        st.article("%")  # LIKE wildcards in a prefix match nothing


def test_assign_and_expiring_markers(pg, team_url, loaded):
    st, a, claims = loaded
    st.assign(a.id[:6], "bo")
    assert st.assignments()[a.id].assignee == "bo"
    mark = st.take(a.id, claims[0].id, minutes=5)
    assert mark.reviewer == "ana" and mark.expires_at.endswith("Z")
    with open_team(team_url("bo")) as bo:
        bo.take(a.id)
        who = {(p.claim_id, p.reviewer) for p in bo.who(a.id)}
        assert who == {(claims[0].id, "ana"), ("", "bo")}
        bo.take(a.id, claims[1].id, minutes=1)
        import psycopg

        from workbench.core.store.postgres import cluster as pgc

        with psycopg.connect(pg.url(pgc.SHARED_DB), autocommit=True) as conn:  # time passes
            conn.execute(
                "UPDATE workbench.takes SET expires_at = now() - interval '1 second' "
                "WHERE claim_id = %s",
                (claims[1].id,),
            )
        assert (claims[1].id, "bo") not in {(p.claim_id, p.reviewer) for p in bo.who()}
        bo.release(a.id)
        assert {p.reviewer for p in st.who()} == {"ana"}
    st.assign(a.id, "")
    assert st.assignments() == {}
    with pytest.raises(InputError):
        st.take(a.id, minutes=0)


def test_rename_keeps_verdicts(team_url, loaded):
    from workbench.core.services.reviewing import rename

    st, a, claims = loaded
    st.set_status(a.id, claims[0].id, "false")
    assert rename(st, a.id[:6], "New [b]title[/b]").title == "New [b]title[/b]"
    with open_team(team_url("bo")) as bo:
        assert bo.articles()[0].title == "New [b]title[/b]"
        assert bo.verdict(a.id, claims[0].id).status == "false"
