"""workbench sync: a local folder workspace <-> the team server, both ways, twice."""

from __future__ import annotations

from team_fixtures import Clock, article, open_team

from workbench.core.store import Workspace
from workbench.core.store.postgres.sync import sync


def _state(store, aid):
    return {
        cid: (v.status, v.note, [link.url for link in v.links])
        for cid, v in store.verdicts(aid).items()
    }


def test_sync_both_ways_then_twice_changes_nothing(team_url, tmp_path):
    a, claims = article()
    c0, c1, c2 = (c.id for c in claims[:3])
    with (
        Workspace.open(tmp_path / "ws", reviewer="lena", clock=Clock()) as ws,
        open_team(team_url("ana")) as team,
    ):
        ws.add_article(a, claims)
        ws.set_status(a.id, c0, "verified")  # only local
        ws.set_note(a.id, c2, "local note")  # local note, team status on one claim
        team.add_article(a, claims)
        team.set_status(a.id, c1, "false")  # only on the team
        team.set_status(a.id, c2, "disputed")
        first = sync(ws, team)
        assert first.changed and first.conflicts == []
        assert _state(ws, a.id) == _state(team, a.id)
        assert _state(team, a.id)[c0][0] == "verified"
        assert _state(ws, a.id)[c1][0] == "false"
        assert _state(ws, a.id)[c2][:2] == ("disputed", "local note")
        history = (len(ws.history(a.id)), len(team.history(a.id)))
        again = sync(ws, team)
        assert not again.changed, again.summary()
        assert (len(ws.history(a.id)), len(team.history(a.id))) == history
        assert _state(ws, a.id) == _state(team, a.id)


def test_sync_same_field_is_a_listed_conflict_kept_in_history(team_url, tmp_path):
    a, claims = article()
    cid = claims[0].id
    with Workspace.open(tmp_path / "ws", reviewer="lena") as ws, open_team(team_url("ana")) as team:
        ws.add_article(a, claims)
        team.add_article(a, claims)
        sync(ws, team)
        team.set_status(a.id, cid, "false")
        ws.set_status(a.id, cid, "verified")
        result = sync(ws, team)
        assert len(result.conflicts) == 1
        assert result.conflicts[0].fields == ("status",)
        assert _state(ws, a.id) == _state(team, a.id)
        values = {h.new for h in team.history(a.id, cid) if h.field == "status"}
        assert {"false", "verified"} <= values
        assert not sync(ws, team).changed


def test_sync_brings_a_team_only_article_to_the_folder(team_url, tmp_path):
    a, claims = article()
    with Workspace.open(tmp_path / "ws", reviewer="lena") as ws, open_team(team_url("ana")) as team:
        team.add_article(a, claims)
        team.set_note(a.id, claims[1].id, "from the desk")
        team.set_label(a.id, claims[2].id, "the desk's wording")
        sync(ws, team)
        assert ws.verdict(a.id, claims[1].id).note == "from the desk"
        assert ws.verdict(a.id, claims[2].id).label == "the desk's wording"
        ws.set_label(a.id, claims[2].id, "my wording")
        sync(ws, team)
        assert team.verdict(a.id, claims[2].id).label == "my wording"
        from workbench.core.export.merge import history_key

        keys = {history_key(h) for h in ws.history(a.id)}
        assert keys == {history_key(h) for h in team.history(a.id)}
        assert not sync(ws, team).changed
