"""Every engine: articles, verdict edits, history rows, prefixes, imports, read-only."""

from __future__ import annotations

import pytest
from contract_data import TEXT2, article

from workbench.core import models
from workbench.core.errors import InputError, LinkError, NotFound, StoreError
from workbench.core.models import Change, Verdict
from workbench.core.store import Store


def test_an_open_store_is_a_store(store_factory):
    with store_factory() as store:
        missing = [
            name for name in dir(Store) if not name.startswith("_") and not hasattr(store, name)
        ]
        assert not missing, f"not implemented: {missing}"
        assert isinstance(store, Store)
        assert store.reviewer == "ana" and not store.readonly and store.location


def test_add_list_and_read_back(store_factory):
    a, claims = article()
    with store_factory() as store:
        result = store.add_article(a, claims)
        assert result.created and result.claims == len(claims) == 4
    with store_factory.reopen() as store:
        [summary] = store.articles()
        assert (summary.id, summary.title, summary.source) == (
            a.id,
            "Protests in Minsk",
            "minsk.txt",
        )
        assert summary.claims == 4 and summary.reviewed == 0
        assert summary.counts["unreviewed"] == 4
        assert set(summary.counts) >= set(models.STATUSES)
        assert [c.id for c in store.claims(a.id)] == [c.id for c in claims]
        assert store.claims(a.id)[0] == claims[0]
        assert store.article(a.id[:6]).text == a.text
        assert store.article("minsk.txt").id == a.id
        verdicts = store.verdicts(a.id)
        assert set(verdicts) == {c.id for c in claims}
        assert all(v.status == "unreviewed" and not v.orphaned for v in verdicts.values())


def test_edits_persist_with_one_history_row_per_field(store_factory):
    a, claims = article()
    cid = claims[1].id
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, cid, "Verified")  # status names are case-insensitive
        store.set_note(a.id, cid, "line one\r\nline two")
        store.add_link(
            a.id, cid, "HTTPS://Example.org:443/report#x", title="Report", stance="supports"
        )
        store.set_status(a.id, cid, "verified")  # no change: no row
    with store_factory.reopen(reviewer="bo") as store:
        v = store.verdict(a.id, cid)
        assert (v.status, v.note) == ("verified", "line one\nline two")
        assert [(x.url, x.title, x.stance) for x in v.links] == [
            ("https://example.org/report#x", "Report", "supports")
        ]
        assert v.reviewer == "ana" and v.updated_at.endswith("Z")
        rows = store.history(a.id, cid)
        assert [r.field for r in rows] == ["status", "note", "links"]
        assert [r.seq for r in rows] == sorted(r.seq for r in rows)
        assert rows[0].old == "unreviewed" and rows[0].new == "verified"
        assert all(r.reviewer == "ana" and r.action == "edit" for r in rows)
        assert store.history(a.id, cid, limit=1) == rows[-1:]
        assert store.history(a.id, cid, limit=0) == []
        [s] = store.articles()
        assert s.counts["verified"] == 1 and s.reviewed == 1


def test_links_add_update_remove(store_factory):
    a, claims = article()
    cid = claims[2].id
    with store_factory() as store:
        store.add_article(a, claims)
        store.add_link(a.id, cid, "https://example.org/a")
        store.add_link(a.id, cid, "https://example.org/b", stance="refutes")
        store.add_link(a.id, cid, "https://example.org/a", stance="supports")  # same URL: update
        v = store.verdict(a.id, cid)
        assert [(x.url, x.stance) for x in v.links] == [
            ("https://example.org/a", "supports"),
            ("https://example.org/b", "refutes"),
        ]
        store.remove_link(a.id, cid, "https://EXAMPLE.org/a")
        assert [x.url for x in store.verdict(a.id, cid).links] == ["https://example.org/b"]
        with pytest.raises(NotFound):
            store.remove_link(a.id, cid, "https://example.org/a")
        store.set_link_check(a.id, cid, "https://example.org/b", check={"ok": True})
        assert store.verdict(a.id, cid).links[0].check.to_dict() == {"ok": True}
        assert store.history(a.id, cid)[-1].field == "link_check"
        assert store.history(a.id, cid)[-1].action == "check"
        with pytest.raises(NotFound):
            store.set_link_check(a.id, cid, "https://example.org/missing", check={})


def test_bad_input_is_refused_and_nothing_written(store_factory):
    a, claims = article()
    cid = claims[0].id
    with store_factory() as store:
        store.add_article(a, claims)
        with pytest.raises(InputError, match="unknown status"):
            store.set_status(a.id, cid, "maybe")
        for bad in (
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "/rel",
            "http://",
        ):
            with pytest.raises(LinkError):
                store.add_link(a.id, cid, bad)
        with pytest.raises(InputError, match="stance"):
            store.add_link(a.id, cid, "https://example.org/", stance="agrees")
        with pytest.raises(NotFound):
            store.set_status(a.id, "ffffffffffff", "verified")
        with pytest.raises(NotFound):
            store.set_status("nope", cid, "verified")
        assert store.history() == []
        assert not store.can_undo()
        assert store.verdict(a.id, cid) == Verdict(cid, a.id)


def test_claim_prefix_resolution(store_factory):
    a1, c1 = article()
    a2, c2 = article(TEXT2, "other.txt")
    everything = c1 + c2
    with store_factory() as store:
        store.add_articles([(a1, c1), (a2, c2)])
        ids = [x.id for x in everything]
        for a, claims in ((a1, c1), (a2, c2)):
            for c in claims:
                n = next(k for k in range(1, 13) if sum(i.startswith(c.id[:k]) for i in ids) == 1)
                assert store.resolve_claim(c.id[:n].upper()) == (a.id, c.id)
                assert store.resolve_claim(f"{a.id[:6]}:{c.id[:n]}") == (a.id, c.id)
        with pytest.raises(NotFound, match="not a claim id"):
            store.resolve_claim("")  # the empty prefix is refused, not matched
        with pytest.raises(NotFound, match="not a claim id"):
            store.resolve_claim("xyz!")
        with pytest.raises(NotFound, match="no claim"):
            store.resolve_claim("0000000000000")
        first = {c.id[0] for c in everything}
        common = next(ch for ch in first if sum(c.id.startswith(ch) for c in everything) > 1)
        with pytest.raises(NotFound, match="ambiguous") as err:
            store.resolve_claim(common)
        assert sum(c.id in str(err.value) for c in everything if c.id.startswith(common)) >= 2


def test_same_text_in_two_articles_resolves_with_article_prefix(store_factory):
    a1, c1 = article(source="one.txt")
    with store_factory() as store:
        store.add_article(a1, c1)
        cid = c1[0].id
        assert store.resolve_claim(cid) == (a1.id, cid)
        assert store.resolve_claim(f"{a1.id}:{cid}") == (a1.id, cid)
        with pytest.raises(NotFound):
            store.resolve_claim(f"ffff:{cid}")


def test_put_verdict_and_append_history(store_factory):
    a, claims = article()
    cid = claims[3].id
    with store_factory() as store:
        store.add_article(a, claims)
        v = Verdict(
            cid,
            a.id,
            status="disputed",
            note="from import",
            reviewer="bo",
            updated_at="2026-01-01T00:00:00Z",
        )
        store.put_verdict(a.id, v)
        got = store.verdict(a.id, cid)
        assert (got.status, got.note, got.reviewer) == ("disputed", "from import", "bo")
        assert {r.action for r in store.history(a.id, cid)} == {"import"}
        assert not store.can_undo()  # an import is not an undo step
        with pytest.raises(InputError):
            store.put_verdict(a.id, Verdict(cid, a.id, status="nonsense"))
        restored = Verdict(
            claims[0].id,
            a.id,
            status="false",
            note="exact",
            reviewer="cy",
            updated_at="2025-05-05T05:05:05Z",
        )
        store.put_verdict(a.id, restored, record=False)
        assert store.verdict(a.id, claims[0].id) == restored
        assert store.history(a.id, claims[0].id) == []
        before = len(store.history(a.id))
        store.append_history(
            [Change(99, a.id, cid, "status", "x", "y", "bo", "2025-01-01T00:00:00Z", "merge")]
        )
        rows = store.history(a.id)
        assert len(rows) == before + 1 and rows[-1].seq == before + 1
        assert rows[-1].action == "merge" and rows[-1].reviewer == "bo"


def test_readonly_refuses_writes_and_sees_the_writer(store_factory):
    a, claims = article()
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, claims[0].id, "false")
    with store_factory.reopen(readonly=True) as ro:
        assert ro.readonly
        assert ro.verdict(a.id, claims[0].id).status == "false"
        for write in (
            lambda: ro.set_status(a.id, claims[0].id, "verified"),
            lambda: ro.set_note(a.id, claims[0].id, "x"),
            lambda: ro.undo(),
            lambda: ro.add_article(a, claims),
        ):
            with pytest.raises(StoreError, match="read-only"):
                write()
