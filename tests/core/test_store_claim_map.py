"""Claim ids resolve through the claim map (claim_map.py), kept in step with the index."""

from __future__ import annotations

import json
import random
from dataclasses import replace

from store_fixtures import TEXT, article, claims_for, open_ws

from workbench.core.articles import make_article
from workbench.core.store import doctor, journal
from workbench.core.store.claim_map import FOLDER, STAMP
from workbench.core.store.index import ids_of


def _scan(ws, prefix: str) -> list[tuple[str, str]]:
    """What a scan of every index row finds (the answer the map must give)."""
    rows = ws._index.rows().items()
    found = [(a, c) for a, row in rows for c in ids_of(row) if c.startswith(prefix)]
    return sorted(found, key=lambda p: (p[1], p[0]))


def _prefixes(ws) -> set[str]:
    ids = {c for row in ws._index.rows().values() for c in ids_of(row)}
    return {c[:n] for c in ids for n in (1, 2, 3)} | {"0", "ff", "abc"}


def _check(ws) -> None:
    for prefix in sorted(_prefixes(ws)):
        assert ws._claims_starting(prefix) == _scan(ws, prefix), prefix


def test_a_cli_mark_reads_no_index(tmp_path):
    a, claims = article()
    with open_ws(tmp_path) as ws:
        ws.add_article(a, claims)
        ws.checkpoint()
        assert ws.resolve_claim(claims[0].id[:6]) == (a.id, claims[0].id)  # builds the map
    assert (tmp_path / FOLDER / STAMP).exists()
    with open_ws(tmp_path) as ws:
        assert ws.resolve_claim(claims[1].id[:6]) == (a.id, claims[1].id)
        ws.set_status(a.id, claims[1].id, "verified")
        assert not ws._index.loaded  # neither the prefix nor the mark read index.json
        assert ws._undo._done is None  # nor the undo journal (its step is in the journal)
    with open_ws(tmp_path) as ws:
        assert [c.new for c in ws.undo()] == ["unreviewed"]
        assert ws.verdict(a.id, claims[1].id).status == "unreviewed"
        assert [c.new for c in ws.redo()] == ["verified"]


def test_the_map_follows_imports_reimports_claims_and_undo(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "CHECKPOINT_LINES", 3)  # checkpoints all along the way
    from contract_data import TEXT2, reviewer_claim

    from workbench.core.store.claim_map import ClaimMap

    rebuilt = []
    real = ClaimMap.rebuild
    monkeypatch.setattr(ClaimMap, "rebuild", lambda *a: rebuilt.append(1) or real(*a))
    rng = random.Random(5)
    a, claims = article()
    b, b_claims = article(TEXT2, "budget.txt")
    with open_ws(tmp_path) as ws:
        ws.add_article(a, claims)
        ws.resolve_claim(claims[0].id[:4])  # the map exists from here on
        _check(ws)
        with ws.group():
            ws.add_article(b, b_claims)
        _check(ws)
        ws.set_status(b.id, b_claims[0].id, "false")
        ws.add_claim(a.id, reviewer_claim(a, "Protests in Minsk"))
        _check(ws)
        ws.undo()  # the reviewer's claim goes
        _check(ws)
        ws.undo()  # the import of the second article goes
        _check(ws)
        ws.redo()
        _check(ws)
        # a re-import under the same source: a new article replaces the old one
        edited = make_article(TEXT.replace("300 arrests", "310 arrests"), "minsk.txt")
        ws.set_status(a.id, claims[-1].id, "verified")  # its claim changes: orphaned
        ws.add_article(edited, claims_for(edited))
        _check(ws)
        for _ in range(5):
            aid, cid = rng.choice(ws._claims_starting(""))
            ws.set_status(aid, cid, rng.choice(["verified", "false", "disputed"]))
        _check(ws)
        assert ws._journal.base > 5  # the checkpoints kept it up to date: built once
        assert rebuilt == [1]
    with open_ws(tmp_path) as ws:  # a new session reads the map from disk
        _check(ws)
        assert rebuilt == [1]
        stamp = json.loads((tmp_path / FOLDER / STAMP).read_text())
        assert stamp["tables"]["stamp"]["n"] == ws._journal.base


def test_a_stale_or_damaged_map_is_not_used(tmp_path):
    from contract_data import TEXT2

    a, claims = article()
    b, b_claims = article(TEXT2, "budget.txt")
    with open_ws(tmp_path) as ws:
        ws.add_article(a, claims)
        ws.checkpoint()
        ws.resolve_claim(claims[0].id[:6])
    # a workbench without the map adds an article and checkpoints: the stamp is older
    with open_ws(tmp_path) as ws:
        ws._claim_map.fresh = lambda base: False  # this session neither reads nor writes it
        ws._claim_map_ready = lambda: None
        ws.add_article(b, b_claims)
        ws.checkpoint()
    with open_ws(tmp_path, readonly=True) as ws:  # a reader scans the index
        assert ws.resolve_claim(b_claims[0].id[:8]) == (b.id, b_claims[0].id)
    with open_ws(tmp_path) as ws:  # a writer rebuilds the map
        assert ws.resolve_claim(b_claims[0].id[:8]) == (b.id, b_claims[0].id)
        _check(ws)
    shard = tmp_path / FOLDER / f"{b_claims[0].id[:2]}.json"
    shard.write_text("{not json")
    with open_ws(tmp_path) as ws:  # a damaged shard: the answer comes from the index
        assert ws.resolve_claim(b_claims[0].id[:8]) == (b.id, b_claims[0].id)
    assert doctor.check(tmp_path) == []  # derived data, not a finding
    doctor._rebuild_index(tmp_path, "now")  # the index rebuilt: the map goes with it
    assert not (tmp_path / FOLDER / STAMP).exists()
    with open_ws(tmp_path) as ws:
        assert ws.resolve_claim(b_claims[0].id[:8]) == (b.id, b_claims[0].id)
        _check(ws)


def test_ambiguous_and_missing_prefixes(tmp_path):
    a, claims = article()
    twin = make_article(TEXT + " Extra.", "twin.txt")
    twin_claims = [replace(c, article_id=twin.id) for c in claims]
    with open_ws(tmp_path) as ws:
        ws.add_articles([(a, claims), (twin, twin_claims)])
        ws.checkpoint()
        found = ws._claims_starting(claims[0].id)
        both = [(a.id, claims[0].id), (twin.id, claims[0].id)]
        assert found == sorted(both, key=lambda p: p[::-1])
        assert ws._claims_starting("f" * 12) == _scan(ws, "f" * 12)
