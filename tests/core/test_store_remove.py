"""The folder engine's article removal across checkpoints: the index and the claim map
follow it, the article's file stays until undo lists it again, doctor finds no damage."""

from __future__ import annotations

from store_fixtures import article, open_ws, snapshot

from workbench.core.store.doctor import check


def test_a_removal_and_its_undo_survive_checkpoints(tmp_path):
    path = tmp_path / "ws"
    a, claims = article()
    cid = claims[0].id
    with open_ws(path) as ws:
        ws.add_article(a, claims)
        ws.set_status(a.id, cid, "disputed")
        ws.checkpoint()
        before = snapshot(path)
        ws.remove_article(a.id)
        ws.checkpoint()
        assert ws.articles() == []
        assert (path / "articles" / f"{a.id}.json").exists()  # kept for undo
    assert check(path) == []
    with open_ws(path) as ws:
        assert ws.articles() == [] and not ws._claims_starting(cid[:6])
        ws.undo()
        ws.checkpoint()
    after = snapshot(path)
    assert after["articles"] == before["articles"]
    assert after[a.id]["verdicts"] == before[a.id]["verdicts"]
    with open_ws(path) as ws:
        assert ws.resolve_claim(cid[:6]) == (a.id, cid)


def test_adding_a_removed_article_again_keeps_its_verdicts_and_history(tmp_path):
    """Before its first checkpoint the article is in the journal only: the import took
    it for a new one and wrote empty tables over its verdicts."""
    path = tmp_path / "ws"
    a, claims = article()
    cid = claims[0].id
    with open_ws(path) as ws:
        for checkpoint in (False, True):
            ws.add_article(a, claims)
            ws.set_note(a.id, cid, f"note {checkpoint}")
            if checkpoint:
                ws.checkpoint()
            ws.remove_article(a.id)
            result = ws.add_article(a, claims)
            assert not result.created and [s.id for s in ws.articles()] == [a.id]
            assert ws.verdict(a.id, cid).note == f"note {checkpoint}"
            assert ws.history(a.id, cid)[-1].new == f"note {checkpoint}"
