"""Every engine: undo/redo (also after reopening), group atomicity, re-import, orphans."""

from __future__ import annotations

import pytest
from contract_data import TEXT, article

from workbench.core.errors import InputError, LinkError


def test_undo_redo_survive_reopen(store_factory):
    a, claims = article()
    cid = claims[0].id
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, cid, "in_progress")
        store.set_status(a.id, cid, "false")
        with store.group():
            store.set_note(a.id, cid, "see report")
            store.add_link(a.id, cid, "https://example.org/a")
    with store_factory.reopen() as store:
        assert store.can_undo() and not store.can_redo()
        undone = store.undo()
        assert {c.field for c in undone} == {"note", "links"}
        assert all(c.action == "undo" for c in undone)
        v = store.verdict(a.id, cid)
        assert (v.status, v.note, v.links) == ("false", "", [])
        assert store.undo()[0].new == "in_progress"
    with store_factory.reopen() as store:
        assert store.can_redo()
        store.redo()
        assert store.verdict(a.id, cid).status == "false"
        store.undo()
        store.undo()
        assert store.verdict(a.id, cid).status == "unreviewed"
        assert not store.can_undo() and store.undo() == []
        store.redo()
        store.set_status(a.id, cid, "verified")  # a new change clears redo
        assert not store.can_redo() and store.redo() == []
    with store_factory.reopen() as store:
        rows = store.history(a.id, cid)
        assert [r.action for r in rows].count("undo") == 5
        assert [r.action for r in rows].count("redo") == 2
        assert rows[-1].new == "verified" and rows[-1].action == "edit"


def test_link_check_is_not_undoable(store_factory):
    a, claims = article()
    cid = claims[0].id
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_link(a.id, cid, "https://example.org/x")
        store.set_link_check(a.id, cid, "https://example.org/x", check={"ok": True})
        store.undo()  # undoes the add_link, not the check
        assert store.verdict(a.id, cid).links == []


def test_group_is_all_or_nothing(store_factory):
    a, claims = article()
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, claims[3].id, "verified")
        with pytest.raises(InputError):
            with store.group():
                store.set_status(a.id, claims[0].id, "false")
                store.set_note(a.id, claims[1].id, "half")
                store.set_status(a.id, claims[2].id, "no such status")
        assert store.verdict(a.id, claims[0].id).status == "unreviewed"
        assert store.verdict(a.id, claims[1].id).note == ""
        assert [r.claim_id for r in store.history(a.id)] == [claims[3].id]
        assert store.undo()[0].claim_id == claims[3].id  # the failed group left no step
        assert not store.can_undo()
        with pytest.raises(LinkError), store.group():  # a bad link after a good mark
            store.set_status(a.id, claims[0].id, "false")
            store.add_link(a.id, claims[0].id, "javascript:x")
        assert store.verdict(a.id, claims[0].id).status == "unreviewed"
        assert len(store.history(a.id)) == 2 and not store.can_undo()
    with store_factory.reopen() as store:
        assert store.verdict(a.id, claims[0].id).status == "unreviewed"
        assert len(store.history(a.id)) == 2


def test_group_across_claims_is_one_undo_step(store_factory):
    a, claims = article()
    with store_factory() as store:
        store.add_article(a, claims)
        with store.group():
            for c in claims:
                store.set_status(a.id, c.id, "verified")
        assert store.articles()[0].reviewed == 4
        undone = store.undo()
        assert len(undone) == 4 and not store.can_undo()
        assert store.articles()[0].reviewed == 0


def test_reimport_keeps_moves_and_orphans_verdicts(store_factory):
    old, old_claims = article()
    by_anchor = {c.anchor: c for c in old_claims}
    with store_factory() as store:
        store.add_article(old, old_claims)
        store.set_status(old.id, by_anchor["100,000"].id, "verified")  # unchanged: kept
        store.set_note(old.id, by_anchor["26"].id, "ruled since 1994")  # small edit: moved
        store.set_status(old.id, by_anchor["300"].id, "false")  # removed: orphaned
        store.add_link(old.id, by_anchor["300"].id, "https://example.org/arrests")
        again = store.add_article(old, old_claims)
        assert (again.created, again.replaced, again.kept) == (False, None, 3)
        new_text = TEXT.replace("ruled for 26 years.", "ruled for 26 years now.").replace(
            " The ministry counted 300 arrests.", " Police detained 250 people."
        )
        new, new_claims = article(new_text)
        r = store.add_article(new, new_claims)
        assert (r.created, r.replaced) == (True, old.id)
        assert (r.kept, r.moved, r.orphaned) == (1, 1, 1)
    with store_factory.reopen() as store:
        assert [s.id for s in store.articles()] == [new.id]
        verdicts = store.verdicts(new.id)
        new_by_anchor = {c.anchor: c for c in new_claims}
        assert verdicts[by_anchor["100,000"].id].status == "verified"
        assert verdicts[new_by_anchor["26"].id].note == "ruled since 1994"
        orphan = verdicts[by_anchor["300"].id]
        assert orphan.orphaned and orphan.status == "false"
        assert orphan.links[0].url == "https://example.org/arrests"
        [(verdict, claim)] = store.orphans(new.id)
        assert verdict.claim_id == by_anchor["300"].id and claim is not None
        assert claim.sentence == by_anchor["300"].sentence
        fields = [(h.field, h.action) for h in store.history(new.id)]
        assert ("claim_id", "import") in fields and ("orphaned", "import") in fields
        [s] = store.articles()
        assert s.claims == len(new_claims) and s.reviewed == 1 and s.orphaned == 1
        assert store.resolve_claim(by_anchor["300"].id) == (new.id, by_anchor["300"].id)


def test_orphans_survive_a_second_reimport(store_factory):
    old, old_claims = article()
    gone = old_claims[-1]
    with store_factory() as store:
        store.add_article(old, old_claims)
        store.set_status(old.id, gone.id, "disputed")
        mid, mid_claims = article(TEXT.replace(" The ministry counted 300 arrests.", ""))
        assert store.add_article(mid, mid_claims).orphaned == 1
        last, last_claims = article(
            TEXT.replace("Sunday", "Saturday").replace(" The ministry counted 300 arrests.", "")
        )
        assert store.add_article(last, last_claims).orphaned == 0  # not counted again
        v = store.verdicts(last.id)[gone.id]
        assert v.orphaned and v.status == "disputed"


def test_rename_is_in_history_and_undone_like_any_change(store_factory):
    """A new title was written with no history row and ctrl+z could not take it back."""
    from workbench.core.services.reviewing import rename

    a, claims = article()
    old_title = a.title
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, claims[0].id, "false")
        rename(store, a.id, "A better title")
        rows = [c for c in store.history(a.id) if c.field == "title"]
        assert [(c.claim_id, c.old, c.new, c.action) for c in rows] == [
            ("", old_title, "A better title", "edit")]
    with store_factory.reopen() as store:
        undone = store.undo()
        assert [(c.field, c.new) for c in undone] == [("title", old_title)]
        assert store.article(a.id).title == old_title
        assert store.articles()[0].title == old_title
        assert store.verdict(a.id, claims[0].id).status == "false"  # the step before stays
        store.redo()
        assert store.article(a.id).title == "A better title"
        assert store.articles()[0].title == "A better title"
