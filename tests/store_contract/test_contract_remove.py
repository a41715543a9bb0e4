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


def test_a_removal_and_its_undo_are_rows_of_the_articles_history(store_factory):
    """History shows who took the article out and who put it back (claim id "", field
    ``article``), the article's own history and the workspace's alike."""
    a, claims = article()
    b, b_claims = article(TEXT2, "other.txt")
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_article(b, b_claims)
        remove_article(store, a.id)
        out = [(c.article_id, c.claim_id, c.field, c.old, c.new, c.reviewer, c.action)
               for c in store.history()]
        assert out[-1] == (a.id, "", "article", a.title, None, "ana", "edit")
        store.undo()
        store.redo()
        store.undo()
    with store_factory.reopen() as store:
        rows = [(c.field, c.old, c.new, c.action) for c in store.history(a.id)]
        assert rows == [
            ("article", a.title, None, "edit"),
            ("article", None, a.title, "undo"),
            ("article", a.title, None, "redo"),
            ("article", None, a.title, "undo"),
        ]
        assert store.history(a.id, claims[0].id) == []
        assert [c.field for c in store.history(b.id)] == []


def test_adding_a_removed_article_again_lists_it_with_its_verdicts(store_factory):
    a, claims = article()
    cid = claims[0].id
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, cid, "disputed")
        remove_article(store, a.id)
        result = store.add_article(a, claims)
        assert not result.created
        assert [s.id for s in store.articles()] == [a.id]
        assert store.verdict(a.id, cid).status == "disputed"
        assert store.resolve_claim(cid) == (a.id, cid)
        assert store.undo() == []  # the removal's undo finds it listed already
        assert [s.id for s in store.articles()] == [a.id]
        store.undo()  # then the step before it
        assert store.verdict(a.id, cid).status == "unreviewed"
