"""Snapshot tests (pytest-textual-snapshot): main screen, help, dialogs, hostile text.

Regenerate after a deliberate change with ``pytest tests/tui --snapshot-update``.

An article with marks opens at its first unreviewed claim: the tests of the
``reviewed`` article press ``g`` first, to show the claims they were made for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.articles import load_article_file

from .helpers import make_app, number_claims, type_text

HOSTILE = Path(__file__).parent.parent / "data" / "tui" / "hostile.txt"


@pytest.fixture
def reviewed(ws, article_id):
    claims = ws.claims(article_id)
    ws.set_status(article_id, claims[0].id, "verified")
    ws.set_status(article_id, claims[1].id, "false")
    ws.set_status(article_id, claims[2].id, "disputed")
    ws.set_note(article_id, claims[1].id, "Minutes of the March hearings say 3,900.")
    ws.add_link(article_id, claims[1].id, "https://council.example/minutes", title="Minutes",
                stance="refutes")
    return article_id


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_main_screen(snap_compare, ws, reviewed, size):
    assert snap_compare(make_app(ws, reviewed), terminal_size=size, press=["g", "j"])


def test_main_screen_narrow_article(snap_compare, ws, reviewed):
    assert snap_compare(make_app(ws, reviewed), terminal_size=(80, 24), press=["g", "j", "j", "a"])


def test_help(snap_compare, ws, reviewed):
    assert snap_compare(make_app(ws, reviewed), terminal_size=(120, 40),
                        press=["g", "question_mark"])


def test_note_editor(snap_compare, ws, reviewed):
    assert snap_compare(make_app(ws, reviewed), terminal_size=(120, 40), press=["g", "j", "enter"])


def test_link_dialog_with_error(snap_compare, ws, reviewed):
    async def before(pilot):
        await pilot.press("g", "l")
        await type_text(pilot, "not a url")
        await pilot.press("enter")

    assert snap_compare(make_app(ws, reviewed), terminal_size=(120, 40), run_before=before)


def test_hostile_article(snap_compare, ws):
    article = load_article_file(HOSTILE)
    ws.add_article(article, number_claims(article))
    assert snap_compare(make_app(ws, article.id), terminal_size=(120, 40), press=["j"])


def test_confirm_discard_note(snap_compare, ws, reviewed):
    async def before(pilot):
        await pilot.press("g", "enter")
        await type_text(pilot, "draft")
        await pilot.press("escape")

    assert snap_compare(make_app(ws, reviewed), terminal_size=(80, 24), run_before=before)


def test_add_claim_selection(snap_compare, ws, reviewed):
    press = ["g", "j", "m", "left_square_bracket", "left_square_bracket", "right_square_bracket"]
    assert snap_compare(make_app(ws, reviewed), terminal_size=(120, 40), press=press)


def test_reword_dialog(snap_compare, ws, reviewed):
    assert snap_compare(make_app(ws, reviewed), terminal_size=(120, 40), press=["g", "j", "r"])



def test_export_dialog(snap_compare, ws, reviewed):
    # the chosen format and an unticked box show without colour (▐●▌ / ▐ ▌)
    async def before(pilot):
        await pilot.press("g", "e", "right")
        pilot.app.screen.query_one("#export-path").value = "/reports/city-budget-report.html"
        await pilot.pause()

    assert snap_compare(make_app(ws, reviewed), terminal_size=(80, 24), run_before=before)
