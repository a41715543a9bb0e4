"""Re-import of a changed article: verdicts kept, moved or orphaned, never dropped."""

from __future__ import annotations

from store_fixtures import TEXT, article, open_ws


def test_changed_article_moves_keeps_and_orphans(tmp_path):
    old, old_claims = article()
    by_anchor = {c.anchor: c for c in old_claims}
    with open_ws(tmp_path / "ws") as ws:
        ws.add_article(old, old_claims)
        ws.set_status(old.id, by_anchor["100,000"].id, "verified")  # sentence unchanged: kept
        ws.set_note(old.id, by_anchor["26"].id, "ruled since 1994")  # small edit: moved
        ws.set_status(old.id, by_anchor["300"].id, "false")  # sentence removed: orphaned
        ws.add_link(old.id, by_anchor["300"].id, "https://example.org/arrests")
        new_text = TEXT.replace("ruled for 26 years.", "ruled for 26 years now.").replace(
            " The ministry counted 300 arrests.", " Police detained 250 people."
        )
        new, new_claims = article(new_text)
        r = ws.add_article(new, new_claims)
        assert (r.created, r.replaced) == (True, old.id)
        assert (r.kept, r.moved, r.orphaned) == (1, 1, 1)
        assert [s.id for s in ws.articles()] == [new.id]
        verdicts = ws.verdicts(new.id)
        new_by_anchor = {c.anchor: c for c in new_claims}
        assert verdicts[by_anchor["100,000"].id].status == "verified"
        moved = verdicts[new_by_anchor["26"].id]
        assert moved.note == "ruled since 1994" and not moved.orphaned
        orphan = verdicts[by_anchor["300"].id]
        assert orphan.orphaned and orphan.status == "false"
        assert orphan.links[0].url == "https://example.org/arrests"
        assert verdicts[new_by_anchor["250"].id].status == "unreviewed"
        fields = [(h.field, h.action) for h in ws.history(new.id)]
        assert ("claim_id", "import") in fields and ("orphaned", "import") in fields
        assert ("status", "edit") in fields  # the old article's history came along
        [s] = ws.articles()
        assert s.claims == len(new_claims) and s.reviewed == 1  # orphans not counted
    with open_ws(tmp_path / "ws") as ws:  # and it all survives a restart
        assert ws.verdicts(new.id)[by_anchor["300"].id].orphaned
        # the edits before the re-import cannot be undone onto the replaced article
        assert not ws.can_undo()
        # the old article's file is kept, reachable by its full id
        assert ws.article(old.id).id == old.id
