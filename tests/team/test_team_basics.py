"""The PostgreSQL engine: the basic store operations on a real server."""

from __future__ import annotations

import pytest
from team_fixtures import article, open_team

from workbench.core.errors import NotFound, StoreError
from workbench.core.store.interface import Store


def test_add_mark_read_back(team_url):
    url = team_url("ana")
    with open_team(url) as st:
        missing = [n for n in dir(Store) if not n.startswith("_") and not hasattr(type(st), n)]
        assert missing == []
        assert st.reviewer == "ana"
        a, claims = article()
        res = st.add_article(a, claims)
        assert res.created and res.claims == len(claims)
        cid = claims[0].id
        st.set_status(a.id, cid, "verified")
        st.set_note(a.id, cid, "checked\nwith the ministry")
        st.add_link(a.id, cid, "https://example.org/a", title="Source", stance="supports")
        assert st.resolve_claim(cid[:6]) == (a.id, cid)
    with open_team(url) as st:
        v = st.verdict(a.id, cid)
        assert v.status == "verified" and v.note == "checked\nwith the ministry"
        assert [link.url for link in v.links] == ["https://example.org/a"]
        assert v.reviewer == "ana"
        [summary] = st.articles()
        assert summary.counts["verified"] == 1 and summary.reviewed == 1
        assert [h.field for h in st.history(a.id, cid)] == ["status", "note", "links"]
        assert st.undo()[0].field == "links"
        assert st.verdict(a.id, cid).links == []
        st.redo()
        assert len(st.verdict(a.id, cid).links) == 1


def test_missing_schema_and_unknown_article(pg, team_url):
    from workbench.core.store.postgres import cluster as pgc

    empty = pgc.new_database(pg, upgraded=False)
    with pytest.raises(StoreError, match="workbench db upgrade"):
        open_team(pg.url(empty))
    with open_team(team_url("ana")) as st, pytest.raises(NotFound):
        st.article("nope")


def test_reviewer_is_the_login_or_the_servers_mapping(pg, team_url):
    import psycopg

    from workbench.core.store.postgres import cluster as pgc

    url = team_url("ana")
    with open_team(url, reviewer="someone-else") as st:
        assert st.reviewer == "ana"  # a free --reviewer string is not trusted
    with psycopg.connect(pg.url(pgc.SHARED_DB), autocommit=True) as conn:  # the owner maps
        conn.execute("INSERT INTO workbench.reviewers VALUES ('ana', 'Ana Lopez')")
    with open_team(url) as st:
        assert st.reviewer == "Ana Lopez"
    with psycopg.connect(url, autocommit=True) as conn, pytest.raises(psycopg.Error):
        conn.execute("INSERT INTO workbench.reviewers VALUES ('bo', 'Ana Lopez')")  # no grant


def test_read_only_role_browses_but_cannot_mark(team_url):
    with open_team(team_url("ana")) as st:
        a, claims = article()
        st.add_article(a, claims)
        st.set_status(a.id, claims[0].id, "verified")
    with open_team(team_url("guest", write=False)) as ro:
        assert ro.readonly and ro.reviewer == "guest"
        assert ro.verdict(a.id, claims[0].id).status == "verified"
        assert ro.articles()[0].reviewed == 1
        for change in (
            lambda: ro.set_status(a.id, claims[0].id, "false"),
            lambda: ro.set_note(a.id, claims[0].id, "x"),
            ro.undo,
            lambda: ro.assign(a.id, "guest"),
        ):
            with pytest.raises(StoreError, match="read-only role.*browse but not mark"):
                change()
