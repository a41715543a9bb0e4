"""find_matches / apply_match / dismiss_match on a real folder workspace."""

from __future__ import annotations

from pathlib import Path

from store_fixtures import article, open_ws

from workbench.core.match import service
from workbench.core.match.index import forget

FACTS = (
    '{"claim": "The loan was worth 1,500 million dollars, officials said.", "rating": "false",'
    ' "speaker": "A Minister", "url": "https://checks.example/loan",'
    ' "title": "No, the loan was smaller"}\n'
    '{"claim": "The ministry counted 3,000 arrests during the protests.", "rating": "true",'
    ' "url": "https://checks.example/arrests"}\n'
    '{"claim": "Wind turbines cause cancer in nearby residents.", "rating": "pants-fire",'
    ' "url": "https://checks.example/wind"}\n'
)


def _workspace(tmp_path: Path):
    facts = tmp_path / "facts.jsonl"
    facts.write_text(FACTS, encoding="utf-8")
    ws = open_ws(tmp_path / "ws", create=True)
    a, claims = article()
    ws.add_article(a, claims)
    service.import_factchecks(ws, facts)
    return ws, a, {c.anchor: c for c in claims}


def test_suggests_matches_and_numbers_must_agree(tmp_path):
    ws, a, claims = _workspace(tmp_path)
    with ws:
        found = service.find_matches(ws, a.id)
        loan = found[claims["1,500"].id]
        assert loan[0].url == "https://checks.example/loan" and loan[0].status == "false"
        # 300 arrests is not 3,000 arrests: no suggestion for that claim
        arrests = found.get(claims["300"].id, [])
        assert all(m.url != "https://checks.example/arrests" for m in arrests)
        assert claims["26"].id not in found  # nothing about 26 years


def test_apply_is_one_undoable_change_with_provenance(tmp_path):
    ws, a, claims = _workspace(tmp_path)
    with ws:
        cid = claims["1,500"].id
        match = service.find_matches(ws, a.id)[cid][0]
        verdict = service.apply_match(ws, a.id, cid, match)
        assert verdict.status == "false"
        assert "previously checked by checks.example (https://checks.example/loan)" in verdict.note
        assert [link.url for link in verdict.links] == ["https://checks.example/loan"]
        assert verdict.links[0].stance == "refutes"
        assert {h.field for h in ws.history(a.id, cid)} >= {"status", "note", "links"}
        ws.undo()
        after = ws.verdict(a.id, cid)
        assert (after.status, after.note, after.links) == ("unreviewed", "", [])


def test_own_verdicts_match_other_articles_and_dismiss_sticks(tmp_path):
    ws, a, claims = _workspace(tmp_path)
    with ws:
        cid = claims["100,000"].id
        ws.set_status(a.id, cid, "verified")
        ws.set_note(a.id, cid, "Police figures.")
        b, other = article(
            "Minsk again\n\nMore than 100,000 people marched in Minsk on Sunday.", "b.txt"
        )
        ws.add_article(b, other)
        found = service.find_matches(ws, b.id)
        [mine] = [m for m in found[other[0].id] if m.source == "workspace"]
        assert (mine.article_id, mine.claim_id, mine.status) == (a.id, cid, "verified")
        verdict = service.apply_match(ws, b.id, other[0].id, mine)
        assert verdict.status == "verified" and "Police figures." in verdict.note
        assert "previously checked by ana" in verdict.note
        service.dismiss_match(ws, b.id, other[0].id, mine)
        again = service.find_matches(ws, b.id).get(other[0].id, [])
        assert all(m.key != mine.key for m in again)


def test_index_survives_a_damaged_cache(tmp_path):
    ws, a, claims = _workspace(tmp_path)
    with ws:
        assert service.check_index(ws) == []
        folder = tmp_path / "ws" / "factchecks"
        (folder / "vectors.npy").write_bytes(b"\x93NUMPY garbage")
        problems = service.check_index(ws)
        assert problems and "vector cache" in problems[0]
        forget(ws)  # as after a restart
        assert claims["1,500"].id in service.find_matches(ws, a.id)
        assert service.check_index(ws) == []  # rebuilt on use
        assert "rebuilt" in service.rebuild_index(ws)


def test_a_dismissal_is_one_undoable_change_that_survives_a_restart(tmp_path):
    """W wrote its own file beside the history: ctrl+z / `workbench undo` never undid it."""
    from workbench.commands.listing import describe_change
    from workbench.core.export.report import build_report

    ws, a, claims = _workspace(tmp_path)
    cid = claims["1,500"].id
    with ws:
        ws.set_status(a.id, cid, "disputed")
        match = service.find_matches(ws, a.id)[cid][0]
        service.dismiss_match(ws, a.id, cid, match)
        assert all(m.key != match.key for m in service.find_matches(ws, a.id).get(cid, []))
        assert ws.verdict(a.id, cid).status == "disputed"  # the verdict is untouched
        [row] = [h for h in ws.history(a.id, cid) if h.field == "match.dismissed"]
        assert describe_change(row).endswith("earlier check dismissed (not the same claim)")
        last = build_report(ws, [a.id]).articles[0].claims
        assert [r.last_change.field for r in last if r.claim.id == cid] == ["status"]
        ws.undo()
        assert ws.verdict(a.id, cid).status == "disputed"  # undo took the dismissal only
        assert service.find_matches(ws, a.id)[cid][0].key == match.key
        ws.redo()
    forget(ws)
    with open_ws(tmp_path / "ws") as again:  # a restart: still dismissed, still undoable
        assert all(m.key != match.key for m in service.find_matches(again, a.id).get(cid, []))
        again.undo()
        assert service.find_matches(again, a.id)[cid][0].key == match.key


def test_dismissals_of_two_reviewers_both_survive_a_merge(tmp_path, capsys):
    """Each dismissal is its own row (per match key): importing a colleague's export that
    dismissed another match of the same claim keeps both."""
    from cli_helpers import run_cli

    from workbench.core.store import Workspace

    a, claims = article()
    cid = claims[0].id
    for name, key in (("mine", "fc:u:aaaa"), ("theirs", "fc:u:bbbb")):
        with Workspace.open(tmp_path / name, reviewer=name) as ws:
            ws.add_article(a, claims)
            ws.set_match_dismissed(a.id, cid, key)
    out = tmp_path / "theirs.json"
    code, _, err = run_cli(capsys, "export", "-f", "json", "-o", str(out),
                           "-w", str(tmp_path / "theirs"))
    assert code == 0, err
    code, _, err = run_cli(capsys, "import", str(out), "-w", str(tmp_path / "mine"))
    assert code == 0, err
    with Workspace.open(tmp_path / "mine", reviewer="mine") as ws:
        assert ws.match_dismissals(a.id) == {cid: ["fc:u:aaaa", "fc:u:bbbb"]}
        ws.undo()  # the import changed no verdict: the last step is my dismissal
        assert ws.match_dismissals(a.id) == {cid: ["fc:u:bbbb"]}
