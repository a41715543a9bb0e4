"""The typed link-check and archive records: stored forms, old dicts, and the one merge rule."""

from __future__ import annotations

import json

import pytest
from fetch_test_server import server  # noqa: F401  (fixture)
from store_fixtures import article, open_ws

from workbench.core.models import ArchiveSnapshot, Link, LinkCheck, Verdict, merge_check
from workbench.core.net.link_checks import check_link

GOOD = LinkCheck(ok=True, status_code=200, final_url="https://a.example/", checked_at="t1")
DEAD = LinkCheck(ok=False, status_code=404, error="HTTP 404 Not Found", checked_at="t2")
REFUSED = LinkCheck(error="a.example is a private address: refused", refused=True, private=True)


@pytest.mark.parametrize(
    "stored",
    [
        {"ok": True, "status_code": 200, "checked_at": "2026-11-27T09:00:07Z"},
        {"ok": False, "status_code": 404, "error": "not found", "checked_at": "x"},
        {"checked_at": "x", "ok": False},
        {
            "ok": True,
            "status_code": 200,
            "final_url": "https://a.example/",
            "title": "A",
            "checked_at": "x",
            "error": None,
        },
        {"ok": False, "status_code": None, "error": "refused", "checked_at": "x", "refused": True},
    ],
)
def test_an_old_check_dict_is_written_back_with_the_same_keys(stored: dict) -> None:
    check = LinkCheck.from_dict(stored)
    assert json.dumps(check.to_dict()) == json.dumps(stored)  # same keys, same order
    link = Link.from_dict({"url": "https://a.example/", "check": stored, "archive": None})
    assert link.check == check and link.to_dict()["check"] == stored


def test_an_old_archive_dict_is_written_back_with_the_same_keys() -> None:
    stored = {"url": "https://web.archive.org/web/2020/x", "timestamp": "20200915000000"}
    link = Link(url="https://x.example/", archive=stored)
    assert isinstance(link.archive, ArchiveSnapshot) and link.archive.timestamp == "20200915000000"
    assert link.to_dict()["archive"] == stored


def test_a_new_check_writes_every_key_and_its_flags() -> None:
    assert list(GOOD.to_dict()) == [
        "ok",
        "status_code",
        "final_url",
        "title",
        "checked_at",
        "error",
    ]
    assert REFUSED.to_dict()["refused"] is True and REFUSED.to_dict()["private"] is True


@pytest.mark.parametrize("junk", ["dead", 3, [], {}, None])
def test_junk_instead_of_a_check_is_no_check(junk) -> None:
    assert Link(url="https://a.example/", check=junk, archive=junk).check is None


def test_wrong_types_inside_a_check_are_dropped() -> None:
    check = LinkCheck.from_dict({"ok": "yes", "status_code": True, "title": 5, "error": ["x"]})
    assert check.ok is False and check.status_code is None and check.title == ""
    assert check.error is None


def test_verdict_round_trip_keeps_typed_records() -> None:
    verdict = Verdict("c1", "a1", links=[Link("https://a.example/", check=GOOD)])
    again = Verdict.from_dict(json.loads(json.dumps(verdict.to_dict())))
    assert again.links[0].check == GOOD


@pytest.mark.parametrize(
    ("old", "new", "kept"),
    [
        (None, GOOD, GOOD),
        (None, REFUSED, REFUSED),
        (GOOD, REFUSED, GOOD),  # a refusal says nothing about the link
        (DEAD, REFUSED, DEAD),
        (GOOD, DEAD, DEAD),
        (DEAD, GOOD, GOOD),
        (REFUSED, GOOD, GOOD),
    ],
)
def test_merge_check(old, new, kept) -> None:
    assert merge_check(old, new) == kept


def _tinydb(tmp_path):
    return open_ws(tmp_path / "ws")


def _postgres(tmp_path):
    from store_contract.pg_engine import PG_SKIP, make_pg_store

    if PG_SKIP:
        pytest.skip(PG_SKIP)
    return make_pg_store(tmp_path)


@pytest.mark.parametrize("engine", [_tinydb, _postgres], ids=["tinydb", "postgres"])
def test_a_refused_check_never_overwrites_a_good_one_in_the_store(
    server,  # noqa: F811
    tmp_path,
    engine,
) -> None:
    """The TUI's `c` checks without --allow-private and stored "refused" over a good check."""
    url = server.url("/news")
    good = check_link(url, allow_private=True)
    refused = check_link(url)
    assert good.ok and refused.refused
    store = engine(tmp_path)
    try:
        a, claims = article()
        store.add_article(a, claims)
        cid = claims[0].id
        store.add_link(a.id, cid, url)
        store.set_link_check(a.id, cid, url, check=good)
        store.set_link_check(a.id, cid, url, check=refused)
        assert store.verdict(a.id, cid).links[0].check == good
        snapshot = ArchiveSnapshot(url="https://web.archive.org/web/2020/x", timestamp="t")
        store.set_link_check(a.id, cid, url, check=refused.to_dict(), archive=snapshot)
        link = store.verdict(a.id, cid).links[0]
        assert link.check == good and link.archive == snapshot
        rows = [c for c in store.history(a.id, cid) if c.field == "link_check"]
        assert rows and rows[-1].new["check"] == good.to_dict()  # history holds the stored form
    finally:
        store.close()


def test_a_refused_check_is_not_a_dead_link_in_reports() -> None:
    from workbench.core.export.report import link_row

    assert link_row(Link("https://a.example/", check=REFUSED)).state == "unchecked"
    assert link_row(Link("https://a.example/", check=DEAD)).state == "dead"
    assert link_row(Link("https://a.example/", check=GOOD)).state == "ok"


def test_the_workbench_shows_a_refused_check_as_not_checked() -> None:
    from workbench.tui.render import link_lines

    refused = [line.plain for line in link_lines([Link("https://a.example/", check=REFUSED)])]
    dead = [line.plain for line in link_lines([Link("https://a.example/", check=DEAD)])]
    assert any(line.strip().startswith("not checked: a.example is a private") for line in refused)
    assert not any("failed" in line for line in refused)
    assert any("failed HTTP 404" in line for line in dead)
