"""Keys typed faster than the app handles them (a fast typist, a paste, an SSH link that
delivers several keystrokes at once) act in the order they were typed.

A priority binding runs as soon as the app reads its key, ahead of the keys still queued
for the focused widget: ctrl+s right after typing saved a note of "he" instead of
"hello world" (the rest of the text was lost), and j then enter in the picker opened the
article under the old cursor."""

from __future__ import annotations

from textual import events

from workbench.tui.screens.picker import PickerScreen
from workbench.tui.screens.review import ReviewScreen

from .helpers import make_app, number_claims, sample_article

CHARACTERS = {"enter": "\r", "space": " ", "ctrl+s": "\x13"}


def burst(app, *keys: str) -> None:
    """Post the keys to the app at once, as a terminal delivers one read of input."""
    for key in keys:
        name = "space" if key == " " else key
        app.post_message(events.Key(name, CHARACTERS.get(name, key if len(key) == 1 else None)))


async def settle(pilot, done) -> None:
    for _ in range(50):
        await pilot.pause()
        if done():
            return


async def test_a_note_typed_then_saved_at_once_is_saved_whole(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        burst(app, *"hello world", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert ws.verdict(article_id, claim.id).note == "hello world"


async def test_a_wording_typed_then_saved_at_once_is_saved_whole(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "ctrl+u")
        burst(app, *"budget up", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert ws.verdict(article_id, claim.id).label == "budget up"


async def test_a_link_typed_then_saved_at_once_is_saved_whole(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        burst(app, *"https://council.example/minutes", "ctrl+s")
        await settle(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert [link.url for link in ws.verdict(article_id, claim.id).links] == [
            "https://council.example/minutes"]


async def test_j_then_enter_at_once_in_the_picker_opens_the_second_article(ws, article_id):
    other = sample_article("Second article\n\nIt cost 7 million dollars in 2020.\n",
                           source="second.txt")
    ws.add_article(other, number_claims(other))
    app = make_app(ws, None)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, PickerScreen)
        second = app.screen.summaries[1].id
        burst(app, "j", "enter")
        await settle(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert app.screen.article.id == second


async def test_a_note_typed_while_its_editor_opens_reaches_the_editor(ws, article_id):
    # enter opens the editor; the keys behind it were handed to the claim list before
    # the editor was up, and ctrl+s then saved an empty note
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "enter", *"hello", "ctrl+s")
        await settle(pilot, lambda: ws.verdict(article_id, claim.id).note)
        assert ws.verdict(article_id, claim.id).note == "hello"
        assert isinstance(app.screen, ReviewScreen)


async def test_a_wording_typed_while_its_dialog_opens_reaches_the_dialog(ws, article_id):
    claim = ws.claims(article_id)[0]
    app = make_app(ws, article_id)
    async with app.run_test(size=(80, 24)) as pilot:
        burst(app, "r", "ctrl+u", *"budget up", "ctrl+s", "j")
        await settle(pilot, lambda: ws.verdict(article_id, claim.id).label)
        assert ws.verdict(article_id, claim.id).label == "budget up"
        await settle(pilot, lambda: app.screen.current_claim() != claim)
        assert app.screen.current_claim() != claim  # j after the dialog closed moved on
