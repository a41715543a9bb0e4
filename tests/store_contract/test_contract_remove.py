"""Every engine with ``remove_article``: an article taken out of the workspace leaves the
list and the claim ids, as one undo step that survives a restart; undo brings it back
with its verdicts and history; nothing else changes."""

from __future__ import annotations

import pytest
from contract_data import TEXT2, article

from workbench.core.errors import NotFound
from workbench.core.services.reviewing import remove_article

pytestmark = pytest.mark.needs("remove_article")


def test_remove_then_undo_after_a_restart_brings_it_back_whole(store_factory):
    a, claims = article()
    b, b_claims = article(TEXT2, "other.txt")
    cid = claims[0].id
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_article(b, b_claims)
        store.set_status(a.id, cid, "false")
        store.set_note(a.id, cid, "see the ministry's figures")
        store.set_status(b.id, b_claims[0].id, "verified")
        gone = remove_article(store, a.id[:8])
        assert (gone.id, gone.claims, gone.reviewed) == (a.id, len(claims), 1)
        assert [s.id for s in store.articles()] == [b.id]
        with pytest.raises(NotFound):
            store.resolve_claim(cid)
        with pytest.raises(NotFound):
            remove_article(store, a.id)  # removed already
    with store_factory.reopen() as store:  # saved at once, undoable after a restart
        assert [s.id for s in store.articles()] == [b.id]
        changes = store.undo()
        assert [(c.article_id, c.field, c.new) for c in changes] == [
            (a.id, "article", a.title)
        ]
    with store_factory.reopen() as store:
        assert [s.id for s in store.articles()] == [a.id, b.id]
        v = store.verdict(a.id, cid)
        assert (v.status, v.note) == ("false", "see the ministry's figures")
        assert store.resolve_claim(cid) == (a.id, cid)
        assert [r.field for r in store.history(a.id, cid)] == ["status", "note"]
        assert store.verdict(b.id, b_claims[0].id).status == "verified"
        store.redo()
        assert [s.id for s in store.articles()] == [b.id]
        store.undo()
        store.undo()  # the steps before the removal, in order: b's status, a's note
        assert store.verdict(b.id, b_claims[0].id).status == "unreviewed"
        store.undo()
        assert store.verdict(a.id, cid).note == ""


def test_a_change_after_a_removal_keeps_the_removal_undoable(store_factory):
    a, claims = article()
    b, b_claims = article(TEXT2, "other.txt")
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_article(b, b_claims)
        remove_article(store, a.id)
        store.set_status(b.id, b_claims[0].id, "disputed")
        store.undo()
        assert store.verdict(b.id, b_claims[0].id).status == "unreviewed"
        assert [s.id for s in store.articles()] == [b.id]
        store.undo()
        assert [s.id for s in store.articles()] == [a.id, b.id]


def test_a_read_only_store_refuses_a_removal(store_factory):
    from workbench.core.errors import StoreError

    a, claims = article()
    with store_factory() as store:
        store.add_article(a, claims)
    with store_factory.reopen(readonly=True) as ro:
        with pytest.raises(StoreError):
            remove_article(ro, a.id)
        assert [s.id for s in ro.articles()] == [a.id]
