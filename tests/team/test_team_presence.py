"""Who is working on what: assignments and "taken by" markers that expire (team only)."""

from __future__ import annotations

import psycopg
import pytest
from team_fixtures import article, open_team

from workbench.core.errors import InputError
from workbench.core.store.postgres import cluster as pgc


def test_assign_and_expiring_markers(pg, team_url):
    st = open_team(team_url("ana"))
    a, claims = article()
    st.add_article(a, claims)
    st.assign(a.id[:6], "bo")
    assert st.assignments()[a.id].assignee == "bo"
    mark = st.take(a.id, claims[0].id, minutes=5)
    assert mark.reviewer == "ana" and mark.expires_at.endswith("Z")
    with open_team(team_url("bo")) as bo:
        bo.take(a.id)
        who = {(p.claim_id, p.reviewer) for p in bo.who(a.id)}
        assert who == {(claims[0].id, "ana"), ("", "bo")}
        bo.take(a.id, claims[1].id, minutes=1)
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
    st.close()
