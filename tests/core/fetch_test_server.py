"""A hostile little web server on 127.0.0.1 for the fetch tests (a thread running http.server).

Routes (GET):
  /news, /news-wire, /latin1    realistic news pages (tests/data/fetch/*.html)
  /pages/NAME                   any page of tests/data/fetch, no charset in the header
  /plain                        a text/plain article
  /title                        a page whose <title> holds markup and an escape sequence
  /redirect/good                302 -> /news
  /redirect/relative            301 with a relative Location -> ../news
  /redirect/loop-a, loop-b      a redirect loop
  /redirect/chain/N             N more redirects, then /news
  /redirect/to?url=...          302 to any URL (private addresses, file:, ...)
  /missing                      404
  /forbidden                    403
  /error                        500
  /drip-body                    headers at once, then one byte every 0.2 s, forever
  /drip-headers                 the status line and headers one byte every 0.2 s, forever
                                (until the client hangs up; ``drips_completed`` counts
                                drips that outlived the hung-client guard)
  /huge                         12 MB of text, no Content-Length (Connection: close)
  /huge-lying                   12 MB of text claiming "Content-Length: 120000000"
  /bomb                         gzip bomb: ~200 kB that inflates to 200 MB
  /pdf                          application/pdf (with a large body that must not be read)
  /json                         application/json
  /slow-ok                      200 once ``server.gather`` requests are in flight at once (or
                                all ``server.gather_left`` still expected are); counts them
  /mutable                      whatever ``server.mutable`` holds (HTML)
  /echo                         the request headers as text/plain
"""

from __future__ import annotations

import gzip
import html
import itertools
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

DRIP_GUARD = 300
"""Seconds a drip lasts at most: only a client that never hangs up meets it."""

DATA = Path(__file__).resolve().parent.parent / "data" / "fetch"
HUGE = 12_000_000


_BOMB: list[bytes] = []


def _bomb() -> bytes:
    """One gzip member of ~200 kB that inflates to 200 MB of zeros (built in well under 1 s).

    After a full flush the compressor starts afresh, so every 1 MB block of zeros
    compresses to the same bytes: compress one, repeat it, write the trailer by hand.
    """
    if _BOMB:
        return _BOMB[0]
    block = b"\0" * 1_000_000
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.flush()
    crc = 0
    for _ in range(200):
        crc = zlib.crc32(block, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, (200 * len(block)) & 0xFFFFFFFF)
    _BOMB.append(header + first + again * 199 + last + trailer)
    return _BOMB[0]


class Server:
    """Start with ``Server().start()``; ``url(path)``; ``stop()``."""

    def __init__(self) -> None:
        self.bomb = _bomb()
        self.lock = threading.Lock()
        self.active = 0
        self.max_active = 0
        self.arrived = threading.Condition(self.lock)
        self.gather = 1
        self.gather_left = 0
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.huge_sent = 0
        self.mutable = b""
        self.stopping = threading.Event()
        self.drips_completed = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                with server.lock:
                    server.requests.append(
                        (self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                try:
                    server.route(self)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> Server:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # --- routes -------------------------------------------------------------------

    def route(self, h: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(h.path)
        path = parts.path
        if path == "/news":
            self.send(h, 200, (DATA / "news_harbor.html").read_bytes(), "text/html; charset=utf-8")
        elif path.startswith("/pages/") and (DATA / path[len("/pages/") :]).is_file():
            # any fixture page, served with no charset: the page's own <meta> decides
            self.send(h, 200, (DATA / path[len("/pages/") :]).read_bytes(), "text/html")
        elif path == "/news-wire":
            self.send(h, 200, (DATA / "news_wire.html").read_bytes(), "text/html")
        elif path == "/news-gzip":
            body = gzip.compress((DATA / "news_harbor.html").read_bytes())
            self.send(h, 200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        elif path == "/latin1":
            self.send(
                h, 200, (DATA / "news_latin1.html").read_bytes(), "text/html; charset=iso-8859-1"
            )
        elif path == "/plain":
            text = (
                "Council backs ferry subsidy\n\nThe council approved a subsidy of $3 million "
                "for the northern ferry route on Tuesday, keeping about 1,200 daily commuters "
                "on the water.\n"
            )
            self.send(h, 200, text.encode(), "text/plain; charset=utf-8")
        elif path == "/title":
            title = html.escape("[bold red]Fake[/] & \x1b[31mred\x1b[0m title")
            body = f"<html><head><title>{title}</title></head><body><p>x</p></body></html>"
            self.send(h, 200, body.encode(), "text/html; charset=utf-8")
        elif path == "/redirect/good":
            self.redirect(h, 302, "/news")
        elif path == "/redirect/relative":
            self.redirect(h, 301, "../news")
        elif path == "/redirect/loop-a":
            self.redirect(h, 302, "/redirect/loop-b")
        elif path == "/redirect/loop-b":
            self.redirect(h, 307, "/redirect/loop-a")
        elif path.startswith("/redirect/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self.redirect(h, 302, f"/redirect/chain/{n - 1}" if n > 0 else "/news")
        elif path == "/redirect/to":
            self.redirect(h, 302, parse_qs(parts.query)["url"][0])
        elif path == "/missing":
            self.send(h, 404, b"<html><title>Not here</title><p>gone</p></html>", "text/html")
        elif path == "/forbidden":
            self.send(h, 403, b"bots go away", "text/plain")
        elif path == "/error":
            self.send(h, 500, b"oops", "text/plain")
        elif path == "/drip-body":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            h.wfile.flush()
            self.drip(h, b"<html><body>" + b"a" * 1000)
        elif path == "/drip-headers":
            self.drip(h, b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"z" * 1000)
        elif path in ("/huge", "/huge-lying"):
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            if path == "/huge-lying":
                h.send_header("Content-Length", str(HUGE * 10))
            h.end_headers()
            line = b"The quick brown fox jumps over the lazy dog, 42 times a day.\n"
            block = line * (65_536 // len(line))
            sent = 0
            while sent < HUGE:
                h.wfile.write(block)
                sent += len(block)
                with self.lock:
                    self.huge_sent = sent
        elif path == "/bomb":
            self.send(h, 200, self.bomb, "text/html", {"Content-Encoding": "gzip"})
        elif path == "/pdf":
            self.send(h, 200, b"%PDF-1.4\n" + b"0" * 3_000_000, "application/pdf")
        elif path == "/json":
            self.send(h, 200, b'{"a": 1}', "application/json")
        elif path == "/slow-ok":
            with self.arrived:
                self.active += 1
                self.max_active = max(self.max_active, self.active)
                self.arrived.notify_all()
                # held until `gather` requests are in flight (or every one still expected is)
                self.arrived.wait_for(
                    lambda: self.active >= min(self.gather, max(self.gather_left, 1)),
                    timeout=DRIP_GUARD,  # a guard against a hang: a correct client gathers
                )
                if self.gather > 1:
                    # a moment for one request too many to show up (only a failure waits longer)
                    self.arrived.wait_for(lambda: self.active > self.gather, timeout=0.05)
                # out of the count before its answer goes: the client can only send its
                # next request once it has this answer, so a slot freed by the client is
                # never counted twice (counted after the send, a busy machine saw 4 of 3)
                self.active -= 1
                self.gather_left -= 1
                self.arrived.notify_all()
            self.send(h, 200, b"<title>slow but fine</title>", "text/html")
        elif path == "/mutable":
            self.send(h, 200, self.mutable, "text/html; charset=utf-8")
        elif path == "/echo":
            body = "".join(f"{k}: {v}\n" for k, v in h.headers.items())
            self.send(h, 200, body.encode(), "text/plain")
        else:
            self.send(h, 404, b"no such route", "text/plain")

    @staticmethod
    def send(
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            h.send_header(key, value)
        h.end_headers()
        h.wfile.write(body)

    @staticmethod
    def redirect(h: BaseHTTPRequestHandler, status: int, location: str) -> None:
        h.send_response(status)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    def drip(self, h: BaseHTTPRequestHandler, data: bytes) -> None:
        """``data`` one byte every 0.2 s, then its last byte again and again, until the
        client hangs up or the server stops: no answer ever completes, so a client that
        returns was stopped by its own deadline or cancel, whatever the machine's speed.
        Only a guard against a hung client (``DRIP_GUARD`` s) ends a drip otherwise, and
        counts it in ``drips_completed``: a test asserts it did not grow."""
        end = time.monotonic() + DRIP_GUARD
        for byte in itertools.chain(data, itertools.repeat(data[-1])):
            if self.stopping.is_set():
                return
            if time.monotonic() > end:
                with self.lock:
                    self.drips_completed += 1
                return
            h.wfile.write(bytes((byte,)))
            h.wfile.flush()
            time.sleep(0.2)  # the pace of the drip, not a synchronisation


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    running = Server().start()
    yield running
    running.stop()
