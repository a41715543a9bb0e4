"""Internet Archive lookups and Save Page Now against httpx.MockTransport (no network)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from workbench.core.errors import FetchError, NetworkUnreachable
from workbench.core.net.archive import lookup_many, lookup_snapshot, save_page, wayback_iso

LINK = "https://news.example.org/story?id=7"


def client_for(handler) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(handler))


def available(request: httpx.Request) -> httpx.Response:
    asked = parse_qs(urlsplit(str(request.url)).query)["url"][0]
    return httpx.Response(
        200,
        json={
            "url": asked,
            "archived_snapshots": {
                "closest": {
                    "status": "200",
                    "available": True,
                    "url": f"http://web.archive.org/web/20240105101112/{asked}",
                    "timestamp": "20240105101112",
                }
            },
        },
    )


def test_snapshot_available() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return available(request)

    with client_for(handler) as client:
        record = lookup_snapshot(LINK, client=client)
    assert record is not None
    assert record.url == f"https://web.archive.org/web/20240105101112/{LINK}"
    assert record.timestamp == "2024-01-05T10:11:12Z"
    assert record.checked_at.endswith("Z")
    assert seen[0].url.host == "archive.org" and seen[0].url.path == "/wayback/available"
    assert parse_qs(seen[0].url.query.decode())["url"] == [LINK]  # the link is encoded, not spliced


@pytest.mark.parametrize(
    "payload",
    [
        {"url": LINK, "archived_snapshots": {}},
        {"archived_snapshots": {"closest": {"available": False, "url": "", "timestamp": ""}}},
        {
            "archived_snapshots": {
                "closest": {
                    "available": True,
                    "status": "404",
                    "url": "http://web.archive.org/web/2020/x",
                    "timestamp": "20200101000000",
                }
            }
        },
    ],
)
def test_snapshot_not_available(payload: dict) -> None:
    with client_for(lambda request: httpx.Response(200, json=payload)) as client:
        assert lookup_snapshot(LINK, client=client) is None


@pytest.mark.parametrize(
    "snapshot",
    [
        "javascript:alert(1)",
        "https://evil.example/web/20240105101112/x",
        "https://web.archive.org.evil.example/web/20240105101112/x",
        "https://web.archive.org/web/20240105101112/\x1b]0;x\x07",
        "data:text/html,<script>",
    ],
)
def test_an_archive_answer_pointing_elsewhere_is_no_snapshot(snapshot: str) -> None:
    payload = {
        "archived_snapshots": {
            "closest": {"available": True, "status": "200", "url": snapshot, "timestamp": "2"}
        }
    }
    with client_for(lambda request: httpx.Response(200, json=payload)) as client:
        assert lookup_snapshot(LINK, client=client) is None


@pytest.mark.parametrize(
    ("response", "words"),
    [
        (httpx.Response(503, text="busy"), "HTTP 503"),
        (httpx.Response(200, text="<html>not json</html>"), "not the expected JSON"),
        (httpx.Response(200, json=["a", "list"]), "not the expected JSON"),
    ],
)
def test_archive_errors_are_one_line(response: httpx.Response, words: str) -> None:
    with client_for(lambda request: response) as client:
        with pytest.raises(FetchError, match=words) as info:
            lookup_snapshot(LINK, client=client)
    assert LINK in str(info.value) and "\n" not in str(info.value)


def test_archive_connection_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        refused = ConnectionRefusedError(111, "Connection refused")  # as httpcore chains it
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request) from refused

    with client_for(handler) as client:
        with pytest.raises(FetchError, match="archive lookup failed for .*connection refused"):
            lookup_snapshot(LINK, client=client)


def test_archive_offline() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        exc = httpx.ConnectError("[Errno 101] Network is unreachable", request=request)
        exc.__cause__ = OSError(101, "Network is unreachable")
        raise exc

    with client_for(handler) as client:
        with pytest.raises(NetworkUnreachable):
            lookup_snapshot(LINK, client=client)


def test_save_page_follows_redirect_to_snapshot() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/save/"):
            assert str(request.url).endswith("/save/" + LINK)
            return httpx.Response(
                302, headers={"location": f"https://web.archive.org/web/20261127204103/{LINK}"}
            )
        return httpx.Response(
            200, text="<html>archived copy</html>", headers={"content-type": "text/html"}
        )

    with client_for(handler) as client:
        record = save_page(LINK, client=client)
    assert record is not None and record.timestamp == "2026-11-27T20:41:03Z"
    assert record.url == f"https://web.archive.org/web/20261127204103/{LINK}"


def test_save_page_content_location() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, headers={"content-location": f"/web/20261127000001/{LINK}"}, text="ok"
        )

    with client_for(handler) as client:
        record = save_page(LINK, client=client)
    assert record is not None and record.url == f"https://web.archive.org/web/20261127000001/{LINK}"


def test_save_page_not_ready_and_rate_limited() -> None:
    with client_for(
        lambda request: httpx.Response(200, text="<html>Saving page...</html>")
    ) as client:
        assert save_page(LINK, client=client) is None
    with client_for(lambda request: httpx.Response(429, text="slow down")) as client:
        with pytest.raises(FetchError, match="rate limited"):
            save_page(LINK, client=client)


def test_lookup_many_saves_only_missing_and_collects_errors() -> None:
    saved: list[str] = []
    have = "https://a.example.org/1"
    missing = "https://b.example.org/2"
    broken = "https://c.example.org/3"

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.startswith("/save/"):
            target = str(request.url).split("/save/", 1)[1]
            saved.append(target)
            return httpx.Response(
                200, headers={"content-location": f"/web/20261127000002/{target}"}
            )
        asked = parse_qs(urlsplit(str(request.url)).query)["url"][0]
        if asked == have:
            return available(request)
        if asked == broken:
            return httpx.Response(500)
        return httpx.Response(200, content=json.dumps({"archived_snapshots": {}}).encode())

    progress: list[tuple[int, int]] = []
    with client_for(handler) as client:
        found, errors = lookup_many(
            [have, missing, broken, have],
            save=True,
            client=client,
            progress=lambda d, t: progress.append((d, t)),
        )
    assert saved == [missing]
    assert found[have].timestamp == "2024-01-05T10:11:12Z"
    assert found[missing].timestamp == "2026-11-27T00:00:02Z"
    assert (
        broken not in found
        and "HTTP 500" in errors[broken].message
        and errors[broken].status == 500
    )
    assert progress[0] == (0, 3) and progress[-1] == (3, 3)


def test_wayback_iso() -> None:
    assert wayback_iso("19961231235959") == "1996-12-31T23:59:59Z"
    assert wayback_iso("2024") == "" and wayback_iso("") == ""
