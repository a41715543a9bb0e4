"""Checking evidence links: records, dead links, bounded concurrency, progress, offline."""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote

import pytest
from fetch_test_server import server  # noqa: F401  (fixture)

from workbench.core.errors import NetworkUnreachable
from workbench.core.net import guard as fetch_guard
from workbench.core.net.fetch import HTML_TYPES, check_link, check_links, fetch_url

RECORD_KEYS = ["ok", "status_code", "final_url", "title", "checked_at", "error"]


def test_live_link(server) -> None:  # noqa: F811
    record = check_link(server.url("/redirect/good"), allow_private=True)
    assert list(record.to_dict()) == RECORD_KEYS
    assert record.ok is True and record.status_code == 200 and record.error is None
    assert record.final_url == server.url("/news")
    assert record.title.startswith("Harbor city approves $2.4 billion flood wall")
    assert record.checked_at.endswith("Z")


@pytest.mark.parametrize(
    ("path", "status"), [("/missing", 404), ("/error", 500), ("/forbidden", 403)]
)
def test_dead_link_status(server, path: str, status: int) -> None:  # noqa: F811
    record = check_link(server.url(path), allow_private=True)
    assert record.ok is False and record.status_code == status
    assert record.error.startswith(f"HTTP {status}")
    assert ("refuse automated checks" in record.error) == (status == 403)


def test_link_title_is_clean_text(server) -> None:  # noqa: F811
    record = check_link(server.url("/title"), allow_private=True)
    assert record.title == "[bold red]Fake[/] & red title"  # escapes gone, markup left as text


def test_non_html_link_is_fine_and_not_downloaded(server) -> None:  # noqa: F811
    record = check_link(server.url("/pdf"), allow_private=True)
    assert record.ok is True and record.title == ""
    result = fetch_url(server.url("/pdf"), allow_private=True, read_types=HTML_TYPES)
    assert result.body == b"" and result.content_type == "application/pdf"


@pytest.mark.parametrize(
    ("path", "words"),
    [("/redirect/loop-a", "redirect loop"), ("/redirect/chain/9", "too many redirects")],
)
def test_broken_redirects_are_dead(server, path: str, words: str) -> None:  # noqa: F811
    record = check_link(server.url(path), allow_private=True)
    assert record.ok is False and record.status_code is None and words in record.error


def test_timeout_is_dead(server) -> None:  # noqa: F811
    record = check_link(server.url("/drip-headers"), allow_private=True, timeout=0.8)
    assert record.ok is False and "timed out" in record.error


def test_private_link_refused_without_allow_private(server) -> None:  # noqa: F811
    record = check_link(server.url("/news"))
    assert record.ok is False and "loopback" in record.error


def test_check_links_bounded_concurrency_and_progress(server) -> None:  # noqa: F811
    urls = [server.url(f"/slow-ok?n={i}") for i in range(9)] + [server.url("/missing")]
    urls.append(urls[0])  # duplicates are checked once
    calls: list[tuple[int, int]] = []
    threads: set[str] = set()

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        threads.add(threading.current_thread().name)

    server.max_active, server.gather, server.gather_left = 0, 3, 9
    try:
        results = check_links(urls, concurrency=3, allow_private=True, progress=progress)
    finally:
        server.gather = 1
    assert set(results) == set(urls) and len(results) == 10
    assert server.max_active == 3  # held until three were in flight, and never a fourth
    assert calls[0] == (0, 10) and calls[-1] == (10, 10)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert threads == {threading.current_thread().name}  # called from the caller's thread
    assert results[server.url("/missing")].ok is False
    assert all(results[u].ok for u in urls if "slow-ok" in u)


def test_check_links_from_a_worker_thread(server) -> None:  # noqa: F811
    out: dict = {}
    worker = threading.Thread(
        target=lambda: out.update(check_links([server.url("/news")], allow_private=True))
    )
    worker.start()
    worker.join(10)
    assert out[server.url("/news")].ok is True


def test_check_links_cancel(server) -> None:  # noqa: F811
    cancel = threading.Event()
    urls = [server.url(f"/slow-ok?c={i}") for i in range(12)]

    def progress(done: int, total: int) -> None:
        if done >= 1:
            cancel.set()

    results = check_links(urls, concurrency=2, allow_private=True, progress=progress, cancel=cancel)
    assert 1 <= len(results) < len(urls)


def test_bad_url_gets_a_record_not_a_crash() -> None:
    results = check_links(["not a url", "ftp://x.example/"], concurrency=2)
    assert results["not a url"].ok is False and "URL" in results["not a url"].error
    assert "only http and https" in results["ftp://x.example/"].error


def test_offline_raises_instead_of_marking_every_link_dead(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch_guard.socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(fetch_guard, "_canary_cache", None)
    with pytest.raises(NetworkUnreachable):
        check_links([f"https://site{i}.example.org/" for i in range(5)], concurrency=2)
    with pytest.raises(NetworkUnreachable):
        check_link("https://site.example.org/")


def test_one_bad_redirect_is_that_links_result_not_an_abort(server) -> None:  # noqa: F811
    """A 302 to ``tel:1`` raised httpx.InvalidURL out of fetch_url: no link got a result."""
    bad = [
        server.url("/redirect/to?url=" + quote(location, safe=""))
        for location in (
            "javascript:alert(1)",
            "tel:1",
            "https:x",
            "about:blank",
            "file:etc/passwd",
        )
    ]
    good = server.url("/news")
    results = check_links([*bad, good], concurrency=2, allow_private=True)
    assert set(results) == {*bad, good}
    assert results[good].ok is True
    for url in bad:
        assert results[url].ok is False and results[url].error, url
        assert "\n" not in results[url].error


def test_refused_check_says_why_with_flags(server) -> None:  # noqa: F811
    record = check_link(server.url("/news"))
    assert record.refused is True and record.private is True
    assert record.error == "127.0.0.1 is a loopback address: refused"  # the hint is not stored
    assert record.to_dict()["refused"] is True and record.to_dict()["private"] is True
    scheme = check_link("ftp://x.example/")
    assert scheme.refused is True and scheme.private is False


def test_credentials_never_reach_the_check(server) -> None:  # noqa: F811
    url = f"http://user:s3cret@127.0.0.1:{server.port}/redirect/good"
    record = check_link(url, allow_private=True)
    assert record.ok is True and record.final_url == server.url("/news")
    assert "s3cret" not in str(record.to_dict())


def test_ctrl_c_stops_the_running_checks_instead_of_waiting_for_them(server) -> None:  # noqa: F811
    """A dripping check held Ctrl-C until it finished (the pool waited for it)."""
    urls = [server.url("/drip-headers?a"), server.url("/drip-body?b"), server.url("/news")]

    def progress(done: int, total: int) -> None:
        if done >= 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        check_links(urls, concurrency=3, allow_private=True, progress=progress, timeout=60)
    # the drips never end and the deadline is 60 s: only Ctrl-C ended the checks
    assert server.drips_completed == 0


def test_cancel_stops_the_running_checks_and_keeps_what_was_checked(server) -> None:  # noqa: F811
    cancel = threading.Event()
    urls = [server.url("/news"), server.url("/drip-headers?c"), server.url("/drip-body?d")]

    def progress(done: int, total: int) -> None:
        if done >= 1:
            cancel.set()

    results = check_links(
        urls, concurrency=3, allow_private=True, progress=progress, cancel=cancel, timeout=60
    )
    assert server.drips_completed == 0  # the drips never end: only the cancel ended them
    assert list(results) == [server.url("/news")] and results[server.url("/news")].ok
