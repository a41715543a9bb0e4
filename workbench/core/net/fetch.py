"""Fetching from the web, safely. Every request workbench makes goes through :func:`fetch_url`.

Rules (each one tested against a hostile local server):

- only ``http`` and ``https`` URLs; redirects are followed here, not by httpx,
  at most :data:`MAX_REDIRECTS`, and every hop is checked again (scheme, loop,
  and - in the transport - the address it resolves to);
- hosts resolving to any non-global address are refused unless ``allow_private``
  (see ``fetch_guard``), and the connection goes to the address that was checked;
- per-phase timeouts (connect, read, write, pool) plus a total deadline for the
  whole fetch, redirects included;
- the body is read as a stream and decompressed here with a bounded output, so
  the decoded size never exceeds ``max_bytes`` (a gzip bomb stops at the cap, a
  lying or missing Content-Length changes nothing);
- a clear User-Agent; errors are one line naming the URL; no network at all
  raises NetworkUnreachable.

Public API: :func:`fetch_url`, :func:`fetch_article`, :func:`check_link`,
:func:`check_links`, :func:`make_client`.
"""

from __future__ import annotations

import html
import re
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from ..errors import FetchError, InputError, NetworkUnreachable, UnsafeURL, WorkbenchError
from ..models import Article
from ..text import one_line
from . import guard as fetch_guard

try:
    from importlib.metadata import version as _pkg_version

    _VERSION = _pkg_version("workbench")
except Exception:  # pragma: no cover - not installed
    _VERSION = "0"

USER_AGENT = f"workbench/{_VERSION} (terminal fact-check tool; python-httpx/{httpx.__version__})"
MAX_REDIRECTS = 5
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_TIMEOUT = 30.0
"""Total deadline of one fetch in seconds (all redirects and the whole body)."""
LINK_TIMEOUT = 20.0
LINK_MAX_BYTES = 512_000
"""A link check reads at most this much (enough for the <title>)."""
PHASE_TIMEOUT = httpx.Timeout(connect=10.0, read=15.0, write=10.0, pool=10.0)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_BLOCKING_CODES = (401, 403, 429)
_CHUNK = 65_536


@dataclass
class FetchResult:
    """What :func:`fetch_url` read: the final response after redirects."""

    url: str
    final_url: str
    status_code: int
    reason: str
    content_type: str
    charset: str | None
    body: bytes
    truncated: bool = False
    redirects: list[str] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status_code < 400


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def shown(url: str) -> str:
    """An untrusted URL as it may appear in an error line."""
    return one_line(url, 200)


def validate_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL with a host; UnsafeURL otherwise.

    The fragment is dropped (it is never sent). Raises InputError for text
    that is not a URL at all.
    """
    text = str(url).strip()
    if not text:
        raise InputError("empty URL")
    if len(text) > 8000:
        raise InputError(f"URL too long ({len(text)} characters)")
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise InputError(f"not a valid URL: {shown(text)} ({one_line(str(exc), 100)})") from None
    if parsed.scheme not in ("http", "https"):
        if not parsed.scheme:
            raise InputError(f"not an absolute URL: {shown(text)} (it needs http:// or https://)")
        raise UnsafeURL(
            f"refused {shown(text)}: only http and https URLs are fetched, not {parsed.scheme}:"
        )
    if not parsed.host:
        raise InputError(f"not a valid URL: {shown(text)} (no host)")
    return str(parsed.copy_with(fragment=None))


def make_client(
    *,
    allow_private: bool = False,
    policy: fetch_guard.AddressPolicy | None = None,
    resolver: fetch_guard.Resolver | None = None,
    user_agent: str = USER_AGENT,
    concurrency: int = 8,
) -> httpx.Client:
    """An httpx client whose every connection goes through the address guard.

    ``policy`` (an ``ip -> bool`` callable) overrides ``allow_private``;
    ``resolver`` replaces DNS (tests). Redirects are off (fetch_url follows
    them), proxies from the environment are ignored (they would bypass the
    address check), and the User-Agent names workbench.
    """
    transport = fetch_guard.GuardedTransport(
        policy or fetch_guard.policy_for(allow_private),
        resolver,
        limits=httpx.Limits(
            max_connections=max(concurrency, 1) * 2, max_keepalive_connections=max(concurrency, 1)
        ),
    )
    return httpx.Client(
        transport=transport,
        timeout=PHASE_TIMEOUT,
        follow_redirects=False,
        trust_env=False,
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )


# --- body decoding ------------------------------------------------------------------


class _Decoder:
    """Incremental Content-Encoding decoder whose output per call is bounded."""

    def __init__(self, encoding: str) -> None:
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise FetchError(
                f"unsupported Content-Encoding {one_line(encoding, 60)} (more than one layer)"
            )
        self.coding = codings[0] if codings else ""
        if self.coding in ("gzip", "x-gzip"):
            self._wbits = 31
        elif self.coding == "deflate":
            self._wbits = 15
        elif self.coding:
            raise FetchError(f"unsupported Content-Encoding {one_line(self.coding, 40)}")
        self._obj = zlib.decompressobj(self._wbits) if self.coding else None
        self._started = False
        self._pending = b""

    def feed(self, data: bytes, limit: int) -> bytes:
        """Decode ``data``; return at most ``limit`` bytes (``limit`` >= 1).

        Returning exactly ``limit`` bytes means there may be more: the caller
        treats that as going over the cap and stops.
        """
        if self._obj is None:
            return data[:limit] if len(data) > limit else data
        data = self._pending + data
        self._pending = b""
        out = bytearray()
        while data and len(out) < limit:
            try:
                chunk = self._obj.decompress(data, limit - len(out))
            except zlib.error:
                if self.coding == "deflate" and not self._started:
                    # "deflate" is sometimes sent raw, without the zlib header
                    self._obj = zlib.decompressobj(-15)
                    self._started = True
                    continue
                raise FetchError("the compressed body is corrupt") from None
            self._started = True
            out += chunk
            if self._obj.unconsumed_tail:
                data = self._obj.unconsumed_tail
                continue
            if self._obj.eof and self._obj.unused_data:
                # another gzip member follows
                data = self._obj.unused_data
                self._obj = zlib.decompressobj(self._wbits)
                continue
            data = b""
        self._pending = data
        return bytes(out)

    def flush(self, limit: int) -> bytes:
        if self._obj is None:
            return b""
        out = self.feed(b"", limit) if self._pending else b""
        rest = self._obj.flush()
        return out + rest[: max(limit - len(out), 0)]


def _read_body(
    response: httpx.Response, max_bytes: int, truncate: bool, url: str
) -> tuple[bytes, bool]:
    decoder = _Decoder(response.headers.get("content-encoding", ""))
    out = bytearray()
    for raw in _raw_chunks(response):
        fetch_guard.check_cancelled()
        left = fetch_guard.time_left()
        if left is not None and left <= 0:
            raise httpx.ReadTimeout("the total deadline of the request has passed")
        out += decoder.feed(raw, max_bytes - len(out) + 1)
        if len(out) > max_bytes:
            if truncate:
                return bytes(out[:max_bytes]), True
            raise FetchError(
                f"cannot fetch {shown(url)}: the page is larger than {_size(max_bytes)} "
                "(stopped reading at the cap)"
            )
    out += decoder.flush(max_bytes - len(out) + 1)
    if len(out) > max_bytes:
        if truncate:
            return bytes(out[:max_bytes]), True
        raise FetchError(f"cannot fetch {shown(url)}: the page is larger than {_size(max_bytes)}")
    return bytes(out), False


def _raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    """The undecoded body in chunks (a response built in memory, e.g. by MockTransport, at once)."""
    if response.is_stream_consumed:
        yield response.content
        return
    yield from response.iter_raw(_CHUNK)


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1000:
        return f"{n / 1000:g} kB"
    return f"{n} bytes"


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    value = response.headers.get("content-type", "")
    mime, _, params = value.partition(";")
    charset = None
    match = re.search(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)", params)
    if match:
        charset = match.group(1).lower()
    return mime.strip().lower(), charset


# --- the one safe fetch -------------------------------------------------------------


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    client: httpx.Client | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    truncate: bool = False,
    accept_types: Iterable[str] | None = None,
    read_types: Iterable[str] | None = None,
    headers: dict[str, str] | None = None,
    cancel: threading.Event | None = None,
) -> FetchResult:
    """GET ``url`` safely and return the final response with its decoded body.

    ``timeout`` is the total deadline in seconds (redirects and body included).
    ``max_bytes`` caps the decoded body: FetchError beyond it, or a truncated
    body with ``truncate=True``. ``accept_types``: MIME types accepted for a
    successful response (others raise FetchError before the body is read).
    ``read_types``: only bodies of these MIME types are read (others come back
    empty), so a link check never downloads a video. ``cancel``: set this event
    (e.g. from a UI thread) to stop the fetch within a fraction of a second
    (FetchError "cancelled").
    ``client``: an httpx.Client to reuse; build it with :func:`make_client` -
    a client from elsewhere (e.g. on ``httpx.MockTransport`` in tests) skips
    the address guard, which lives in the transport. Errors: InputError (not a
    URL), UnsafeURL (refused scheme, redirect or address), NetworkUnreachable,
    FetchError (everything else), each one line naming the URL.
    """
    start_url = validate_url(url)
    own = client is None
    if client is None:
        client = make_client(allow_private=allow_private)
    current = start_url
    redirects: list[str] = []
    deadline_at = 0.0
    try:
        with fetch_guard.deadline(timeout, cancel) as deadline_at:
            while True:
                request = client.build_request("GET", current, headers=headers)
                _bound_timeouts(request, timeout)
                response = client.send(request, stream=True, follow_redirects=False)
                try:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECT_CODES and location:
                        target = _next_hop(start_url, current, location, redirects)
                        redirects.append(target)
                        current = target
                        continue
                    mime, charset = _content_type(response)
                    if accept_types is not None and response.status_code < 400:
                        accepted = tuple(accept_types)
                        if mime and mime not in accepted:
                            raise FetchError(
                                f"cannot fetch {shown(start_url)}: not an article but "
                                f"{one_line(mime, 60)}; only HTML and plain-text pages are imported"
                            )
                    if read_types is None or mime in tuple(read_types):
                        body, truncated = _read_body(response, max_bytes, truncate, start_url)
                    else:
                        body, truncated = b"", False
                    return FetchResult(
                        url=start_url,
                        final_url=str(response.url),
                        status_code=response.status_code,
                        reason=one_line(response.reason_phrase, 80),
                        content_type=mime,
                        charset=charset,
                        body=body,
                        truncated=truncated,
                        redirects=redirects,
                        headers={k.lower(): v for k, v in response.headers.items()},
                    )
                finally:
                    response.close()
    except WorkbenchError as exc:
        raise _with_url(exc, start_url, current) from None
    except httpx.TimeoutException:
        left = deadline_at - time.monotonic() if deadline_at else None
        raise FetchError(
            f"cannot fetch {shown(start_url)}: timed out ({_timeout_phase(left, timeout)})"
        ) from None
    except httpx.HTTPError as exc:
        raise _http_error(exc, start_url) from None
    finally:
        if own:
            client.close()


def _bound_timeouts(request: httpx.Request, total: float) -> None:
    phases = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        key: (min(value, total) if isinstance(value, int | float) else total)
        for key, value in phases.items()
    } or {"connect": total, "read": total, "write": total, "pool": total}


def _timeout_phase(left: float | None, total: float) -> str:
    if left is not None and left <= 0.05:
        return f"no complete answer within {total:g} s"
    return "the server stopped answering"


def _next_hop(start: str, current: str, location: str, redirects: list[str]) -> str:
    try:
        target = urljoin(current, location.strip())
    except ValueError:
        raise FetchError(
            f"cannot fetch {shown(start)}: bad redirect location {shown(location)}"
        ) from None
    try:
        target = validate_url(target)
    except UnsafeURL:
        raise UnsafeURL(
            f"cannot fetch {shown(start)}: redirect to {shown(target)} refused (not http/https)"
        ) from None
    except InputError:
        raise FetchError(
            f"cannot fetch {shown(start)}: bad redirect location {shown(location)}"
        ) from None
    if target == start or target in redirects:
        raise FetchError(f"cannot fetch {shown(start)}: redirect loop (back to {shown(target)})")
    if len(redirects) >= MAX_REDIRECTS:
        raise FetchError(
            f"cannot fetch {shown(start)}: too many redirects (more than {MAX_REDIRECTS})"
        )
    return target


def _with_url(exc: WorkbenchError, start: str, current: str) -> WorkbenchError:
    message = exc.message
    if message.startswith("cannot fetch "):
        return exc
    where = shown(start) if current == start else f"{shown(start)} (redirected to {shown(current)})"
    return type(exc)(f"cannot fetch {where}: {message}")


def _http_error(exc: httpx.HTTPError, url: str) -> FetchError:
    if isinstance(exc, httpx.ConnectError) and fetch_guard.connect_error_is_offline(exc):
        return NetworkUnreachable(f"cannot fetch {shown(url)}: the network is unreachable")
    text = str(exc)
    if isinstance(exc, httpx.ConnectError):
        if "refused" in text.lower():
            reason = "connection refused"
        elif "certificate" in text.lower() or "ssl" in text.lower():
            reason = f"TLS error ({one_line(text, 120)})"
        else:
            reason = f"cannot connect ({one_line(text, 120) or type(exc).__name__})"
    elif isinstance(exc, httpx.RemoteProtocolError):
        reason = (
            f"the server broke the HTTP protocol ({one_line(text, 120) or 'connection closed'})"
        )
    else:
        reason = one_line(text, 120) or type(exc).__name__
    return FetchError(f"cannot fetch {shown(url)}: {reason}")


# --- articles -----------------------------------------------------------------------


def fetch_article(
    url: str,
    *,
    allow_private: bool = False,
    client: httpx.Client | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    extract_body: bool = True,
    cancel: threading.Event | None = None,
) -> Article:
    """Fetch a news page and return it as a clean Article (title, author, date, body).

    HTML goes through trafilatura (menus, cookie banners, footers, related
    links left out); plain text is taken as it is. ``extract_body=False``
    keeps the whole visible text of an HTML page. ``cancel``: an event that
    stops the fetch (see :func:`fetch_url`). FetchError, UnsafeURL or
    NetworkUnreachable on failure; FetchError for non-article content types
    and HTTP errors.
    """
    from ..articles import make_article
    from .pages import page_from_html, page_from_text

    result = fetch_url(
        url,
        allow_private=allow_private,
        client=client,
        max_bytes=max_bytes,
        timeout=timeout,
        accept_types=HTML_TYPES + TEXT_TYPES + ("",),
        cancel=cancel,
    )
    if not result.ok:
        raise FetchError(
            f"cannot fetch {shown(result.url)}: HTTP {result.status_code} {result.reason}".rstrip()
        )
    fetched_at = now_iso()
    try:
        if result.content_type in TEXT_TYPES or (
            not result.content_type and not _looks_html(result.body)
        ):
            page = page_from_text(result.body, result.charset, result.final_url)
        else:
            page = page_from_html(
                result.body, result.charset, result.final_url, extract_body=extract_body
            )
    except InputError as exc:
        raise FetchError(f"cannot import {shown(result.url)}: {exc.message}") from None
    meta = {"final_url": result.final_url, "author": page.author, "date": page.date}
    meta = {k: v for k, v in meta.items() if v}
    try:
        return make_article(
            page.text, result.url, title=page.title or None, fetched_at=fetched_at, meta=meta
        )
    except InputError:
        raise FetchError(
            f"cannot import {shown(result.url)}: no article text found on the page"
        ) from None


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<body" in head


# --- link checks --------------------------------------------------------------------

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


def page_title(body: bytes, charset: str | None) -> str:
    """The <title> of an HTML page (first 512 kB), as one clean line."""
    match = _TITLE.search(body)
    if not match:
        return ""
    raw = match.group(1)
    for encoding in (charset, "utf-8", "cp1252"):
        if not encoding:
            continue
        try:
            text = raw.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        text = raw.decode("utf-8", "replace")
    return one_line(html.unescape(text), 300)


def check_link(
    url: str,
    *,
    allow_private: bool = False,
    client: httpx.Client | None = None,
    timeout: float = LINK_TIMEOUT,
) -> dict:
    """Check one evidence link: the record stored with the link.

    ``{"ok", "status_code", "final_url", "title", "checked_at", "error"}``;
    ``ok`` is False for 4xx/5xx, unknown hosts, refused connections, timeouts
    and refused (unsafe) targets. Raises NetworkUnreachable when there is no
    network at all (that says nothing about the link) and InputError when
    ``url`` is not a URL.
    """
    record: dict = {
        "ok": False,
        "status_code": None,
        "final_url": None,
        "title": "",
        "checked_at": "",
        "error": None,
    }
    try:
        result = fetch_url(
            url,
            allow_private=allow_private,
            client=client,
            max_bytes=LINK_MAX_BYTES,
            timeout=timeout,
            truncate=True,
            read_types=HTML_TYPES + ("",),
        )
    except NetworkUnreachable:
        raise
    except UnsafeURL as exc:
        # refused before any request: says nothing about whether the link works
        record["error"] = _short_error(exc.message, url)
        record["refused"] = True
    except FetchError as exc:
        record["error"] = _short_error(exc.message, url)
    else:
        record["status_code"] = result.status_code
        record["final_url"] = result.final_url
        record["ok"] = result.ok
        if result.content_type in HTML_TYPES or not result.content_type:
            record["title"] = page_title(result.body, result.charset)
        if not result.ok:
            record["error"] = f"HTTP {result.status_code} {result.reason}".strip()
            if result.status_code in _BLOCKING_CODES:
                record["error"] += " (the site may refuse automated checks; open it in a browser)"
    record["checked_at"] = now_iso()
    return record


def _short_error(message: str, url: str) -> str:
    """The reason part of a 'cannot fetch URL: reason' line."""
    prefix = f"cannot fetch {shown(validate_url_or(url))}"
    if message.startswith(prefix):
        message = message[len(prefix) :].lstrip(": ")
    return one_line(message, 300)


def validate_url_or(url: str) -> str:
    try:
        return validate_url(url)
    except WorkbenchError:
        return url


def check_links(
    urls: Iterable[str],
    *,
    concurrency: int = 8,
    allow_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
    client: httpx.Client | None = None,
    cancel: threading.Event | None = None,
    timeout: float = LINK_TIMEOUT,
    skip_unreachable: bool = False,
) -> dict[str, dict]:
    """Check many links, at most ``concurrency`` at a time; ``{url: record}``.

    Duplicates are checked once. ``progress(done, total)`` is called from the
    calling thread after each link (and once with 0 at the start); it may be
    called from a worker thread of a UI. ``cancel``: set it to stop starting new
    checks (the running ones finish; the result holds what was checked).
    A URL that is not a URL gets a record with its error. NetworkUnreachable
    is raised as soon as one check finds no network; with ``skip_unreachable``
    such links are left out of the result instead (not checked: the other links,
    e.g. on a local network, still are), so ``len(result) < len(urls)`` says that
    some could not be checked.
    """
    unique = list(dict.fromkeys(urls))
    total = len(unique)
    results: dict[str, dict] = {}
    if progress:
        progress(0, total)
    if not unique:
        return results
    own = client is None
    workers = max(1, min(int(concurrency), 64, total))
    if client is None:
        client = make_client(allow_private=allow_private, concurrency=workers)
    pending = iter(unique)
    skipped = 0
    running: dict[Future[dict], str] = {}
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="workbench-check") as pool:
            try:
                while True:
                    while len(running) < workers and not (cancel and cancel.is_set()):
                        link = next(pending, None)
                        if link is None:
                            break
                        running[pool.submit(_check_one, link, allow_private, client, timeout)] = (
                            link
                        )
                    if not running:
                        break
                    done, _ = wait(running, timeout=0.5, return_when=FIRST_COMPLETED)
                    for future in done:
                        link = running.pop(future)
                        try:
                            results[link] = future.result()
                        except NetworkUnreachable:
                            if not skip_unreachable:
                                raise
                            skipped += 1
                        if progress:
                            progress(len(results) + skipped, total)
            except BaseException:
                if cancel:
                    cancel.set()
                for future in running:
                    future.cancel()
                raise
    finally:
        if own:
            client.close()
    return results


def _check_one(url: str, allow_private: bool, client: httpx.Client, timeout: float) -> dict:
    try:
        return check_link(url, allow_private=allow_private, client=client, timeout=timeout)
    except NetworkUnreachable:
        raise
    except WorkbenchError as exc:
        return {
            "ok": False,
            "status_code": None,
            "final_url": None,
            "title": "",
            "checked_at": now_iso(),
            "error": one_line(exc.message, 300),
        }
