"""Test helpers for the TUI: hand-made claims (no spaCy), a stable clock, the app."""

from __future__ import annotations

import itertools
import re

from workbench.core.articles import make_article
from workbench.core.models import Article, Claim, claim_id
from workbench.tui.app import WorkbenchApp

NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def number_claims(article: Article, limit: int | None = None) -> list[Claim]:
    """One quantity claim per number in the text, with its sentence (any article works)."""
    text = article.text
    claims: list[Claim] = []
    seen: dict[tuple[str, str], int] = {}
    for match in NUMBER.finditer(text):
        start = max(text.rfind(". ", 0, match.start()) + 2, text.rfind("\n", 0, match.start()) + 1)
        end_dot = text.find(". ", match.end())
        end_nl = text.find("\n", match.end())
        ends = [e for e in (end_dot + 1 if end_dot >= 0 else -1, end_nl) if e >= 0]
        end = min(ends) if ends else len(text)
        sentence = text[start:end]
        key = (match.group(), sentence)
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        n = len(claims)
        claims.append(
            Claim(
                id=claim_id("quantity", match.group(), sentence, occurrence),
                article_id=article.id,
                kind="quantity",
                anchor=match.group(),
                start=match.start(),
                end=match.end(),
                sentence=sentence,
                sentence_start=start,
                sentence_end=end,
                label=f"{match.group()} in “{sentence[:30]}”",
                value={"number": match.group().replace(",", ""), "text": match.group()},
                entities=[],
                worthiness=round(((n * 37) % 100) / 100, 2),
            )
        )
        if limit and len(claims) >= limit:
            break
    return claims


SAMPLE = """City budget grows again

The council approved a budget of 120 million dollars on Tuesday, up 8 percent from 2023.
About 4,500 residents attended the 3 public hearings held in March.

The mayor said 12 new schools would open by 2027, and that 300 teachers would be hired.
Critics noted that only 40 of the 75 promised clinics were built since 2019.
"""


def sample_article(text: str = SAMPLE, source: str = "city-budget.txt") -> Article:
    return make_article(text, source)


def stable_clock():
    counter = itertools.count()

    def clock() -> str:
        n = next(counter)
        return f"2026-11-27T10:{n // 60 % 60:02d}:{n % 60:02d}Z"

    return clock


def make_app(ws, article_id: str | None = None, **kwargs) -> WorkbenchApp:
    return WorkbenchApp(ws, article_id=article_id, cursor_blink=False, animate=False, **kwargs)


async def type_text(pilot, text: str) -> None:
    """Type ``text`` into the focused field: one key event per character, through the
    driver as ``pilot.press`` sends them, then settled once as ``pilot.press`` settles
    after its last key. (``pilot.press(*text)`` settles after every character: two idle
    waits and a repaint each, most of a typing test's time.) For text into a field that is
    already open; keys that open or close something go through ``pilot.press``."""
    from textual import events
    from textual._wait import wait_for_idle
    from textual.keys import _character_to_key

    app = pilot.app
    for char in text:
        event = events.Key(char if char.isalnum() else _character_to_key(char), char)
        event.set_sender(app)
        app._driver.send_message(event)
    await wait_for_idle(0)
    await app._animator.wait_until_complete()
    await wait_for_idle(0)
    await pilot._wait_for_screen()


async def settle(pilot, rounds: int = 200) -> None:
    """Wait until the app, every screen on the stack and every widget of the current screen
    have no message left to process and no worker is running: what a dismissed dialog's
    callback, a notification or a refresh posts after ``pilot.press`` returned. Each round
    waits on the queues themselves (``pilot._wait_for_screen``), never on a clock; ``rounds``
    only stops a test that would otherwise hang."""
    import asyncio

    app = pilot.app
    for _ in range(rounds):
        await pilot._wait_for_screen()
        nodes = [app, *app.screen_stack, *app.screen.walk_children()]
        if not any(node._message_queue.qsize() for node in nodes) and not any(
                worker.is_running for worker in app.workers):
            return
        await asyncio.sleep(0)  # a yield to the loop, not a wait
    raise AssertionError("the app did not settle")
