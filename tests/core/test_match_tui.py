"""The workbench shows earlier checks: ≈ in the claims list, a detail-pane section, M
applies (undoable), W dismisses. A real workspace and collection on disk."""

from __future__ import annotations

from store_fixtures import article, open_ws

from workbench.core.match.service import import_factchecks
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.claims_table import ClaimsTable

FACTS = (
    '{"claim": "The loan was worth 1,500 million dollars, officials said.", "rating": "false",'
    ' "url": "https://checks.example/loan"}\n'
)


def _setup(tmp_path):
    facts = tmp_path / "facts.jsonl"
    facts.write_text(FACTS, encoding="utf-8")
    ws = open_ws(tmp_path / "ws", create=True)
    a, claims = article()
    ws.add_article(a, claims)
    import_factchecks(ws, facts)
    loan = next(c for c in claims if c.anchor == "1,500")
    return ws, a, loan


async def test_marker_detail_apply_undo_and_dismiss(tmp_path):
    ws, a, loan = _setup(tmp_path)
    app = WorkbenchApp(ws, article_id=a.id, cursor_blink=False, animate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await screen.matching_done.wait()  # matching starts after the first paint
        await pilot.pause()
        assert list(screen.matches) == [loan.id]
        table = screen.query_one(ClaimsTable)
        assert "≈" in str(table.get_cell(loan.id, "extras"))
        table.move_cursor(row=table.get_row_index(loan.id))
        await pilot.pause()
        body = str(screen.query_one("#detail-body").render())
        assert "Checked before" in body and "https://checks.example/loan" in body
        # M and W are in the footer (and the help) only on a claim with a match
        keys = {b.binding.key for b in screen.active_bindings.values() if b.enabled}
        assert {"M", "W"} <= keys
        assert "apply_match" in {row[2] for row in app.help_rows()}
        palette = {c.title for c in app.get_system_commands(screen)}
        assert any(t.startswith("Apply the earlier check") for t in palette)
        await pilot.press("M")
        verdict = ws.verdict(a.id, loan.id)
        assert verdict.status == "false"
        assert "previously checked by checks.example" in verdict.note
        await pilot.press("ctrl+z")
        assert ws.verdict(a.id, loan.id).status == "unreviewed"
        await pilot.press("W")
        await pilot.pause()
        assert loan.id not in screen.matches
        said = [n.message for n in app._notifications if n.message.startswith("Not the same")]
        assert said and "checks.example" in said[-1]
        assert "≈" not in str(table.get_cell(loan.id, "extras"))
        keys = {b.binding.key for b in screen.active_bindings.values() if b.enabled}
        assert "M" not in keys and "W" not in keys
        palette = {c.title for c in app.get_system_commands(screen)}  # nor in the palette
        assert not any(t.startswith("Apply the earlier check") for t in palette)
        assert "Mark verified" in palette
    ws.close()


async def _matched_on(app, pilot, claim_id):
    """Wait for the matching, then put the cursor on ``claim_id``."""
    screen = app.screen
    await screen.matching_done.wait()
    table = screen.query_one(ClaimsTable)
    table.move_cursor(row=table.get_row_index(claim_id))
    await pilot.pause()
    return screen, table


async def test_w_is_undone_by_ctrl_z_and_redone_by_ctrl_y_also_after_a_restart(tmp_path):
    """W (not the same claim) was the one change ctrl+z did not undo."""
    ws, a, loan = _setup(tmp_path)
    app = WorkbenchApp(ws, article_id=a.id, cursor_blink=False, animate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen, table = await _matched_on(app, pilot, loan.id)
        await pilot.press("W")
        assert loan.id not in screen.matches
        said = [n.message for n in app._notifications if n.message.startswith("Not the same")]
        assert "ctrl+z" in said[-1]
        body = str(screen.query_one("#detail-body").render())
        assert "earlier check dismissed (not the same claim)" in body  # in its History
        await pilot.press("ctrl+z")
        await screen.matching_done.wait()
        await pilot.pause()
        assert loan.id in screen.matches  # suggested again, ≈ back in the list
        assert "≈" in str(table.get_cell(loan.id, "extras"))
        assert any(n.message.startswith("Undo: earlier check suggested again")
                   for n in app._notifications)
        await pilot.press("ctrl+y")
        await screen.matching_done.wait()
        await pilot.pause()
        assert loan.id not in screen.matches
    ws.close()
    again = open_ws(tmp_path / "ws")
    app = WorkbenchApp(again, article_id=a.id, cursor_blink=False, animate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await screen.matching_done.wait()
        await pilot.pause()
        assert loan.id not in screen.matches  # still dismissed after the restart
        await pilot.press("ctrl+z")  # and still undoable
        await screen.matching_done.wait()
        await pilot.pause()
        assert loan.id in screen.matches
    again.close()


async def test_at_80_columns_a_match_leaves_undo_and_quit_in_the_footer(tmp_path):
    """On a claim with a match, at 80 columns, M and W pushed "^z Undo" and "q Quit" off
    the footer: undo and quit stay, M comes after them (the detail pane names M and W)."""
    from workbench.tui.keys import REVIEW_BINDINGS
    from workbench.tui.widgets.footer import FittingFooter

    ws, a, loan = _setup(tmp_path)
    ids = {b.description: b.id for b in REVIEW_BINDINGS if b.show}
    app = WorkbenchApp(ws, article_id=a.id, cursor_blink=False, animate=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await screen.matching_done.wait()
        table = screen.query_one(ClaimsTable)
        table.move_cursor(row=table.get_row_index(loan.id))

        def shown() -> set[str]:
            footer = screen.query_one(FittingFooter)
            keys = [k for k in footer.query("FooterKey") if not k.has_class("-command-palette")]
            return {ids[k.description] for k in keys if k.display}

        for _ in range(100):  # the footer is composed again a few messages after the move
            await pilot.pause()
            if "apply_match" in shown():
                break
        assert {"undo", "quit", "help", "next_unreviewed", "apply_match"} <= shown()
    ws.close()


async def test_m_on_a_claim_without_an_earlier_check_says_so(tmp_path):
    """M (or W) where there is no match did nothing at all: its binding is off there."""
    ws, a, loan = _setup(tmp_path)
    app = WorkbenchApp(ws, article_id=a.id, cursor_blink=False, animate=False)
    async with app.run_test(size=(120, 40)) as pilot:
        other = next(c for c in ws.claims(a.id) if c.id != loan.id)
        screen, table = await _matched_on(app, pilot, other.id)
        await pilot.press("M")
        await pilot.press("W")
        said = [n.message for n in app._notifications if "No earlier check" in n.message]
        assert len(said) == 2
        assert ws.verdict(a.id, other.id).status == "unreviewed"
        table.move_cursor(row=table.get_row_index(loan.id))
        await pilot.pause()
        await pilot.press("M")  # where there is one, M still applies it
        assert ws.verdict(a.id, loan.id).status == "false"
    ws.close()
