"""Every engine: the reviewer's own wording, hand-made claims, link edits."""

from __future__ import annotations

import pytest
from contract_data import TEXT, article, reviewer_claim, with_id

from workbench.core.errors import InputError, NotFound


@pytest.mark.needs("set_label")
def test_set_label_is_recorded_and_undoable(store_factory):
    a, claims = article()
    cid = claims[0].id
    with store_factory() as store:
        store.add_article(a, claims)
        v = store.set_label(a.id, cid, "  More than 100,000\x1b[31m marched  ")
        assert v.label == "More than 100,000 marched"
        [row] = store.history(a.id, cid)
        assert (row.field, row.old, row.new) == ("label", "", "More than 100,000 marched")
        assert store.claims(a.id)[0].label == claims[0].label  # the extracted label stays
    with store_factory.reopen() as store:
        assert store.verdict(a.id, cid).label == "More than 100,000 marched"
        store.undo()
        assert store.verdict(a.id, cid).label == ""
        store.redo()
        assert store.verdict(a.id, cid).label == "More than 100,000 marched"


@pytest.mark.needs("update_link")
def test_update_link_says_which_attribute_changed(store_factory):
    a, claims = article()
    cid = claims[1].id
    url = "https://example.org/loan"
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_link(a.id, cid, url, title="Loan", stance="supports")
        store.update_link(a.id, cid, url, stance="refutes")
        store.update_link(a.id, cid, "HTTPS://EXAMPLE.ORG/loan", title="The loan", stance="refutes")
        [link] = store.verdict(a.id, cid).links
        assert (link.title, link.stance) == ("The loan", "refutes")
        rows = store.history(a.id, cid)
        assert [(r.field, r.old, r.new) for r in rows[1:]] == [
            ("link.stance", {"url": url, "value": "supports"}, {"url": url, "value": "refutes"}),
            ("link.title", {"url": url, "value": "Loan"}, {"url": url, "value": "The loan"}),
        ]
        with pytest.raises(NotFound):
            store.update_link(a.id, cid, "https://example.org/other", stance="context")
        with pytest.raises(InputError):
            store.update_link(a.id, cid, url, stance="agrees")
        store.undo()
        assert store.verdict(a.id, cid).links[0].title == "Loan"
        store.undo()
        assert store.verdict(a.id, cid).links[0].stance == "supports"


@pytest.mark.needs("update_link")
def test_readding_a_link_keeps_its_stance_and_says_what_changed(store_factory):
    a, claims = article()
    cid = claims[1].id
    url = "https://example.org/loan"
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_link(a.id, cid, url, stance="refutes")
        store.add_link(a.id, cid, url)  # again, no stance: nothing changes
        assert store.verdict(a.id, cid).links[0].stance == "refutes"
        store.add_link(a.id, cid, url, title="Loan report")
        assert [r.field for r in store.history(a.id, cid)] == ["links", "link.title"]


@pytest.mark.needs("add_claim")
def test_add_claim_in_history_undoable_and_listed(store_factory):
    a, claims = article()
    mine = reviewer_claim(a, "marched on Sunday")
    with store_factory() as store:
        store.add_article(a, claims)
        stored = store.add_claim(a.id, mine)
        assert stored.origin == "reviewer" and stored.article_id == a.id
        ids = [c.id for c in store.claims(a.id)]
        assert ids == [claims[0].id, mine.id, *[c.id for c in claims[1:]]]  # in text order
        assert store.articles()[0].claims == 5
        assert store.resolve_claim(mine.id) == (a.id, mine.id)
        [row] = store.history(a.id, mine.id)
        assert (row.field, row.old, row.new["anchor"]) == ("claim", None, "marched on Sunday")
        store.set_status(a.id, mine.id, "verified")
    with store_factory.reopen() as store:
        assert store.verdict(a.id, mine.id).status == "verified"
        store.undo()  # the mark
        store.undo()  # the claim
        assert mine.id not in [c.id for c in store.claims(a.id)]
        assert mine.id not in store.verdicts(a.id)
        assert store.articles()[0].claims == 4
        store.redo()
        assert mine.id in [c.id for c in store.claims(a.id)]


@pytest.mark.needs("add_claim")
def test_add_claim_refuses_bad_claims(store_factory):
    a, claims = article()
    mine = reviewer_claim(a, "marched on Sunday")
    with store_factory() as store:
        store.add_article(a, claims)
        bad = [
            with_id(mine, "../../../etc/passwd"),
            with_id(mine, ""),
            with_id(mine, claims[0].id),  # taken
        ]
        from dataclasses import replace

        bad += [
            replace(mine, anchor="not in the text"),
            replace(mine, start=-1),
            replace(mine, end=len(a.text) + 10),
        ]
        for claim in bad:
            with pytest.raises(InputError):
                store.add_claim(a.id, claim)
        assert store.history() == [] and len(store.claims(a.id)) == 4
        with pytest.raises(NotFound):
            store.add_claim("nope", mine)


@pytest.mark.needs("add_claim")
def test_reviewer_claims_survive_reimport_or_become_orphans(store_factory):
    a, claims = article()
    kept = reviewer_claim(a, "marched on Sunday")
    lost = reviewer_claim(a, "has ruled")
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_claim(a.id, kept)
        store.add_claim(a.id, lost)
        store.set_note(a.id, lost.id, "who said so?")
        # the same text again: both stay
        store.add_article(a, claims)
        assert {kept.id, lost.id} <= {c.id for c in store.claims(a.id)}
        # a new text: "marched on Sunday" is still at its offsets, "has ruled" is not
        new_text = TEXT.replace("Lukashenko has ruled", "Lukashenko ruled")
        new, new_claims = article(new_text)
        assert new.text[kept.start : kept.end] == kept.anchor
        result = store.add_article(new, new_claims)
        assert result.orphaned >= 1
        ids = [c.id for c in store.claims(new.id)]
        assert kept.id in ids and lost.id not in ids
        orphan = store.verdicts(new.id)[lost.id]
        assert orphan.orphaned and orphan.note == "who said so?"
        assert any(claim and claim.id == lost.id for _, claim in store.orphans(new.id))
