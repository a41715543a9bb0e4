"""Every hostile-server case against the one safe fetch (a real server on 127.0.0.1)."""

from __future__ import annotations

import ipaddress
import socket
import threading
import zlib
from urllib.parse import quote

import httpx
import pytest
from fetch_test_server import HUGE, server  # noqa: F401  (fixture)

from workbench.core.errors import Cancelled, FetchError, InputError, NetworkUnreachable, UnsafeURL
from workbench.core.net import fetch
from workbench.core.net import guard as fetch_guard
from workbench.core.net.client import _http_error
from workbench.core.net.decoding import Decoder
from workbench.core.net.fetch import fetch_url, make_client


def only_loopback_1(ip: fetch_guard.Address) -> bool:
    """Policy for tests: the test server (127.0.0.1) counts as public, nothing else private does."""
    return str(ip) == "127.0.0.1" or fetch_guard.is_public_address(ip)


# --- scheme and address policy ------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "gopher://x/",
        "javascript:alert(1)",
        "data:text/html,hi",
    ],
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(UnsafeURL, match="only http and https") as info:
        fetch_url(url)
    assert info.value.exit_code == 2  # a bad link given: a usage error, as the README says


@pytest.mark.parametrize("url", ["", "   ", "example.org/page", "http://", "http:///path"])
def test_not_a_url_is_an_input_error(url: str) -> None:
    with pytest.raises(InputError):
        fetch_url(url)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.8.8",
        "10.1.2.3",
        "172.16.5.4",
        "192.168.0.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "fec0::1",
        "fec0:1234::5",
        "feff::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "2002:7f00:1::1",
        "192.0.2.10",
    ],
)
def test_non_global_addresses_are_refused(address: str) -> None:
    assert not fetch_guard.is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_global_addresses_are_allowed(address: str) -> None:
    assert fetch_guard.is_public_address(ipaddress.ip_address(address))


def test_loopback_server_refused_without_allow_private(server) -> None:  # noqa: F811
    before = len(server.requests)
    with pytest.raises(UnsafeURL) as info:
        fetch_url(server.url("/news"))
    message = str(info.value)
    assert "\n" not in message and server.url("/news") in message
    assert "loopback" in message and "--allow-private" in message
    assert len(server.requests) == before  # refused before connecting
    # the parts are fields: nobody parses the line
    error = info.value
    assert error.url == server.url("/news") and error.private is True
    assert error.reason == "127.0.0.1 is a loopback address: refused"
    assert error.hint == "use --allow-private for a server on your own network"


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("127.0.0.1", "a loopback address"),
        ("fec0::1", "a site-local address"),
        ("::ffff:10.0.0.1", "an IPv4-mapped private address"),
        ("169.254.169.254", "a cloud metadata address"),
    ],
)
def test_refused_address_wording(address: str, words: str) -> None:
    assert fetch_guard.describe_address(ipaddress.ip_address(address)) == words


def test_scheme_refusal_is_not_a_private_refusal() -> None:
    with pytest.raises(UnsafeURL) as info:
        fetch_url("ftp://example.org/x")
    assert info.value.private is False and info.value.url == "ftp://example.org/x"


@pytest.mark.parametrize(
    "host", ["localhost", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0", "2130706433"]
)
def test_loopback_spellings_refused(host: str) -> None:
    with pytest.raises(UnsafeURL):
        fetch_url(f"http://{host}:9/x")


def test_every_resolved_address_is_checked(server) -> None:  # noqa: F811
    resolver = lambda host, port: ["127.0.0.1", "10.9.9.9"]  # noqa: E731
    with make_client(policy=only_loopback_1, resolver=resolver) as client:
        with pytest.raises(
            UnsafeURL, match=r"news\.test resolves to 10\.9\.9\.9, a private address"
        ):
            fetch_url(f"http://news.test:{server.port}/news", client=client)


def test_connects_to_the_checked_address_with_the_host_header(server) -> None:  # noqa: F811
    """DNS is asked once per connection and the socket goes to the address that was checked."""
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    with make_client(policy=only_loopback_1, resolver=resolver) as client:
        result = fetch_url(f"http://news.test:{server.port}/echo", client=client)
    assert calls == ["news.test"]  # the system resolver was never asked: news.test does not exist
    assert f"host: news.test:{server.port}" in result.body.decode().lower()


def test_user_agent_names_workbench(server) -> None:  # noqa: F811
    result = fetch_url(server.url("/echo"), allow_private=True)
    agent = next(
        line for line in result.body.decode().splitlines() if line.lower().startswith("user-agent")
    )
    assert "workbench/" in agent and "fact-check" in agent


# --- redirects ----------------------------------------------------------------------


def test_good_redirect_is_followed(server) -> None:  # noqa: F811
    result = fetch_url(server.url("/redirect/good"), allow_private=True)
    assert result.status_code == 200
    assert result.final_url == server.url("/news")
    assert result.redirects == [server.url("/news")]
    assert b"flood wall" in result.body


def test_relative_redirect(server) -> None:  # noqa: F811
    result = fetch_url(server.url("/redirect/relative"), allow_private=True)
    assert result.final_url == server.url("/news")


def test_redirect_loop(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match="redirect loop"):
        fetch_url(server.url("/redirect/loop-a"), allow_private=True)


def test_chain_of_five_is_followed_and_of_ten_refused(server) -> None:  # noqa: F811
    assert (
        fetch_url(server.url("/redirect/chain/4"), allow_private=True).status_code == 200
    )  # 5 hops
    before = len(server.requests)
    with pytest.raises(FetchError, match="too many redirects") as info:
        fetch_url(server.url("/redirect/chain/9"), allow_private=True)
    assert server.url("/redirect/chain/9") in str(info.value)
    assert len(server.requests) - before == fetch.MAX_REDIRECTS + 1  # stopped, did not walk all ten


@pytest.mark.parametrize(
    "target",
    [
        "http://10.1.2.3:{port}/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:192.168.1.1]/",
        "http://127.0.0.2:{port}/news",
    ],
)
def test_redirect_to_private_address_refused(server, target: str) -> None:  # noqa: F811
    target = target.format(port=server.port)
    with make_client(policy=only_loopback_1) as client:
        with pytest.raises(UnsafeURL) as info:
            fetch_url(server.url("/redirect/to?url=" + target), client=client)
    message = str(info.value)
    assert "redirected to" in message and "refused" in message  # refused, not attempted


def test_redirect_to_host_resolving_private_refused(server) -> None:  # noqa: F811
    def resolver(host: str, port: int) -> list[str]:
        return {"127.0.0.1": ["127.0.0.1"], "metadata.test": ["169.254.169.254"]}[host]

    with make_client(policy=only_loopback_1, resolver=resolver) as client:
        with pytest.raises(UnsafeURL, match="cloud metadata"):
            fetch_url(server.url("/redirect/to?url=http://metadata.test/latest/"), client=client)


BAD_LOCATIONS = [
    "javascript:alert(1)",
    "data:text/html,<script>x</script>",
    "mailto:someone@example.org",
    "about:blank",
    "tel:1",
    "https:x",
    "file:etc/passwd",
    "http://[::1",
    "http://exa mple.org/",
    "//",
]


@pytest.mark.parametrize("location", BAD_LOCATIONS)
def test_a_redirect_that_is_not_a_url_is_a_failed_fetch(server, location: str) -> None:  # noqa: F811
    """httpx itself raised InvalidURL (not an HTTPError) for some of these: a traceback."""
    url = server.url("/redirect/to?url=" + quote(location, safe=""))
    with pytest.raises(FetchError) as info:
        fetch_url(url, allow_private=True)
    assert info.value.url == url and url in info.value.message
    assert info.value.exit_code == 5  # the page we were given sent us there: a fetch problem
    assert "\n" not in info.value.message


def test_a_foreign_client_gets_a_fetch_error_for_a_bad_location() -> None:
    """A client not built by make_client (no Location hook) still gets a FetchError."""
    transport = httpx.MockTransport(
        lambda request: httpx.Response(302, headers={"Location": "https:x"})
    )
    with httpx.Client(transport=transport) as client:
        with pytest.raises(FetchError, match="bad redirect location"):
            fetch_url("https://news.example.org/a", client=client)


def test_redirect_to_file_scheme_refused(server) -> None:  # noqa: F811
    with pytest.raises(UnsafeURL, match="redirect to file:///etc/passwd refused"):
        fetch_url(server.url("/redirect/to?url=file:///etc/passwd"), allow_private=True)


# --- status, types, sizes -----------------------------------------------------------


def test_404_is_returned_not_raised_by_fetch_url(server) -> None:  # noqa: F811
    result = fetch_url(server.url("/missing"), allow_private=True)
    assert result.status_code == 404 and not result.ok


def test_non_article_type_refused_before_the_body(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match="application/pdf"):
        fetch_url(
            server.url("/pdf"), allow_private=True, accept_types=fetch.HTML_TYPES, max_bytes=10_000
        )


def test_huge_body_stops_at_the_cap(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match="larger than 10 MB"):
        fetch_url(server.url("/huge"), allow_private=True)


def test_lying_content_length_does_not_matter(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetch_url(server.url("/huge-lying"), allow_private=True, max_bytes=1_000_000)
    result = fetch_url(
        server.url("/huge-lying"), allow_private=True, max_bytes=1_000_000, truncate=True
    )
    assert result.truncated and len(result.body) == 1_000_000
    assert HUGE > 1_000_000


def test_gzip_bomb_stops_at_the_cap(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match="larger than 10 MB"):
        fetch_url(server.url("/bomb"), allow_private=True)
    result = fetch_url(server.url("/bomb"), allow_private=True, max_bytes=2_000_000, truncate=True)
    assert result.truncated and len(result.body) == 2_000_000


def test_gzip_page_is_decoded(server) -> None:  # noqa: F811
    result = fetch_url(server.url("/news-gzip"), allow_private=True)
    assert b"flood wall" in result.body


def test_decoder_output_is_bounded_per_call() -> None:
    bomb = zlib.compress(b"\0" * 50_000_000)
    decoder = Decoder("deflate")
    out = decoder.feed(bomb, 1000)
    assert len(out) == 1000  # not 50 MB in memory at once


def test_raw_deflate_is_accepted() -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = compressor.compress(b"hello world " * 10) + compressor.flush()
    decoder = Decoder("deflate")
    assert decoder.feed(raw, 10_000) + decoder.flush(10_000) == b"hello world " * 10


@pytest.mark.parametrize("encoding", ["br", "compress", "gzip, gzip"])
def test_unknown_content_encoding_is_an_error(encoding: str) -> None:
    with pytest.raises(FetchError, match="Content-Encoding"):
        Decoder(encoding)


# --- time ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_slow_drip_is_cut_off_by_the_total_deadline(server, path: str) -> None:  # noqa: F811
    with pytest.raises(FetchError, match="timed out") as info:
        fetch_url(server.url(path), allow_private=True, timeout=1.0)
    # a drip never completes an answer: the fetch ended by its own deadline
    assert server.drips_completed == 0
    assert server.url(path) in str(info.value)


def test_deadline_message_says_total_time(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match=r"no complete answer within 0\.8 s"):
        fetch_url(server.url("/drip-body"), allow_private=True, timeout=0.8)


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_cancel_stops_a_fetch_quickly(server, path: str) -> None:  # noqa: F811
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    with pytest.raises(Cancelled, match="cancelled") as info:
        fetch_url(server.url(path), allow_private=True, timeout=20, cancel=cancel)
    # Cancelled (not the 20 s deadline's "timed out") proves the cancel stopped it
    assert server.url(path) in str(info.value)
    timer.cancel()


def test_cancel_does_not_slow_a_normal_fetch(server) -> None:  # noqa: F811
    result = fetch_url(server.url("/news"), allow_private=True, cancel=threading.Event())
    assert result.status_code == 200 and b"flood wall" in result.body


# --- offline ------------------------------------------------------------------------


def test_offline_dns_is_network_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch_guard.socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(fetch_guard, "_canary_cache", None)
    with pytest.raises(NetworkUnreachable, match="network is unreachable") as info:
        fetch_url("https://news.example.org/story")
    assert "news.example.org" in str(info.value)


def test_unknown_host_is_not_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch_guard.socket, "getaddrinfo", no_such_host)
    monkeypatch.setattr(fetch_guard, "_network_up", lambda: True)
    with pytest.raises(FetchError, match="host not found: nosuch.example.org") as info:
        fetch_url("https://nosuch.example.org/")
    assert not isinstance(info.value, NetworkUnreachable)
    monkeypatch.setattr(fetch_guard, "_network_up", lambda: False)
    with pytest.raises(NetworkUnreachable):
        fetch_url("https://nosuch.example.org/")


def test_dns_timeout_of_one_host_is_not_an_outage(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow_dns(host, *args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch_guard.socket, "getaddrinfo", slow_dns)
    monkeypatch.setattr(fetch_guard, "_network_up", lambda: True)
    with pytest.raises(FetchError, match="DNS lookup failed for dead.example.org") as info:
        fetch_url("https://dead.example.org/")
    assert not isinstance(info.value, NetworkUnreachable)


def test_no_route_is_network_unreachable() -> None:
    cause = OSError(101, "Network is unreachable")
    error = httpx.ConnectError("[Errno 101] Network is unreachable")
    error.__cause__ = cause
    assert isinstance(_http_error(error, "https://a.example/"), NetworkUnreachable)
    refused = httpx.ConnectError("[Errno 111] Connection refused")
    refused.__cause__ = ConnectionRefusedError(111, "Connection refused")
    mapped = _http_error(refused, "https://a.example/")
    assert not isinstance(mapped, NetworkUnreachable) and "connection refused" in str(mapped)


def test_connection_refused_is_one_line(server) -> None:  # noqa: F811
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    with pytest.raises(
        FetchError, match=rf"^cannot fetch http://127\.0\.0\.1:{port}/x: connection refused$"
    ):
        fetch_url(f"http://127.0.0.1:{port}/x", allow_private=True)


@pytest.mark.parametrize("timeout", [float("nan"), float("inf"), -1.0, 0, "10", True])
def test_a_deadline_that_is_not_a_positive_finite_number_is_refused(
    server,  # noqa: F811
    timeout,
) -> None:
    """``timeout=nan`` turned the total deadline off: a drip could hold a fetch forever."""
    before = len(server.requests)
    with pytest.raises(InputError, match="timeout"):
        fetch_url(server.url("/drip-body"), allow_private=True, timeout=timeout)
    assert len(server.requests) == before


def test_tls_to_a_plain_http_server_is_a_tls_error(server) -> None:  # noqa: F811
    with pytest.raises(FetchError, match=r"^cannot fetch https://127\.0\.0\.1:\d+/news: TLS error"):
        fetch_url(f"https://127.0.0.1:{server.port}/news", allow_private=True)
