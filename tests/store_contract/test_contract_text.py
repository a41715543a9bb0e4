"""Every engine: untrusted text stored as given after cleaning, never interpreted
(terminal control sequences, markup, SQL and placeholder syntax, LIKE wildcards),
and a new title keeps the verdicts."""

from __future__ import annotations

import pytest
from contract_data import TEXT, article

from workbench.core.errors import NotFound
from workbench.core.services.reviewing import rename

CONTROL = "\x1b]0;TITLE\x07\x1b]52;c;SGVsbG8=\x07Zoë \u202eevil\u202c\x1b[31m red\x00"


def test_hostile_text_round_trip(store_factory):
    a, claims = article()
    cid = claims[0].id
    with store_factory(reviewer="Zoë\x1b[2J") as store:
        assert store.reviewer == "Zoë"
        store.add_article(a, claims)
        store.set_note(a.id, cid, CONTROL + "\nsecond line\ttab")
        store.add_link(a.id, cid, "https://example.org/x", title=CONTROL)
    with store_factory.reopen() as store:
        v = store.verdict(a.id, cid)
        for text in (v.note, v.links[0].title, v.reviewer):
            assert "\x1b" not in text and "\x07" not in text and "\x00" not in text
            assert "\u202e" not in text
        assert v.note.endswith("\nsecond line\ttab") and "Zoë" in v.note
        assert "\n" not in v.links[0].title
        assert {r.reviewer for r in store.history(a.id)} == {"Zoë"}


LITERAL = [
    "[bold red]markup[/] and [link=https://evil]x[/link]",
    "'); DROP TABLE workbench.verdicts; --",
    "% _ \\ $1 :name %(x)s {0} ? ;",
    "emoji 🧪 ünïcødé «quotes»",
    "line one\nline two\n\ttabbed",
]


def test_markup_sql_and_placeholders_stored_unchanged(store_factory):
    a, claims = article()
    with store_factory() as store:
        store.add_article(a, claims)
        for i, text in enumerate(LITERAL):
            store.set_note(a.id, claims[i % len(claims)].id, text)
        store.add_link(a.id, claims[0].id, "https://example.org/?q=';--", title=LITERAL[0])
        nasty, nasty_claims = article(
            "Title [b]x[/b]\n\nThey said 5 '); DROP TABLE x; -- people came. \x1b[31mRed 7 %s.",
            "src'; --",
        )
        store.add_article(nasty, nasty_claims)
    last = {claims[i % len(claims)].id: text for i, text in enumerate(LITERAL)}
    with store_factory.reopen("bo") as store:
        assert {cid: store.verdict(a.id, cid).note for cid in last} == last
        assert store.verdict(a.id, claims[0].id).links[0].title == LITERAL[0]
        assert [h.new for h in store.history(a.id) if h.field == "note"] == LITERAL
        assert store.article(nasty.id).text == nasty.text
        assert store.article("src'; --").id == nasty.id  # found by its source
        with pytest.raises(NotFound):
            store.article("%")  # a LIKE wildcard in a prefix matches nothing
        with pytest.raises(NotFound):
            store.article("_")


def test_rename_keeps_the_verdicts(store_factory):
    a, claims = article(TEXT)
    with store_factory() as store:
        store.add_article(a, claims)
        store.set_status(a.id, claims[0].id, "false")
        assert rename(store, a.id[:6], "New [b]title[/b]").title == "New [b]title[/b]"
    with store_factory.reopen("bo") as store:
        assert store.articles()[0].title == "New [b]title[/b]"
        assert store.verdict(a.id, claims[0].id).status == "false"
