"""The one safe fetch: :func:`fetch_url` and the httpx client it runs on.

Rules (each one tested against a hostile local server):

- only ``http`` and ``https`` URLs; redirects are followed here, not by httpx,
  at most :data:`MAX_REDIRECTS`, and every hop is checked again (scheme, loop,
  and - in the transport - the address it resolves to); a Location that is not
  a URL at all (``javascript:``, ``tel:1``, ``https:x``) is a failed fetch of
  that URL, never an exception from httpx;
- hosts resolving to any non-global address are refused unless ``allow_private``
  (see :mod:`.guard`), and the connection goes to the address that was checked;
- per-phase timeouts (connect, read, write, pool) plus a total deadline for the
  whole fetch, redirects included;
- the body is read as a stream with a bounded output (see :mod:`.decoding`);
- a clear User-Agent; errors are one line naming the URL (credentials never
  shown) with the parts as fields (``url``, ``reason``, ``hint``, ``status``);
  no network at all raises NetworkUnreachable.
"""

from __future__ import annotations

import copy
import math
import ssl
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from ..errors import FetchError, InputError, NetworkUnreachable, UnsafeURL, WorkbenchError
from ..text import one_line
from . import guard
from .decoding import content_type, read_body

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
PHASE_TIMEOUT = httpx.Timeout(connect=10.0, read=15.0, write=10.0, pool=10.0)
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_REDIRECT_CODES = (301, 302, 303, 307, 308)
_LOCATION = "workbench.location"
"""Response extension holding the Location header, hidden from httpx's own redirect code."""


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


def strip_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part (what is stored, shown and published)."""
    text = str(url)
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    end = len(rest)
    for stop in "/?#":
        at = rest.find(stop)
        if at != -1:
            end = min(end, at)
    authority = rest[:end]
    if "@" not in authority:
        return text
    return f"{scheme}://{authority.rsplit('@', 1)[1]}{rest[end:]}"


def shown(url: str) -> str:
    """An untrusted URL as it may appear in an error line (no credentials, one line)."""
    return one_line(strip_credentials(url), 200)


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
        raise InputError(
            f"not a valid URL: {shown(text)} ({one_line(str(exc), 100)})",
            url=strip_credentials(text),
        ) from None
    if parsed.scheme not in ("http", "https"):
        if not parsed.scheme:
            raise InputError(
                f"not an absolute URL: {shown(text)} (it needs http:// or https://)",
                url=strip_credentials(text),
            )
        reason = f"only http and https URLs are fetched, not {one_line(parsed.scheme, 20)}:"
        refused = UnsafeURL(
            f"refused {shown(text)}: {reason}", url=strip_credentials(text), reason=reason
        )
        refused.exit_code = InputError.exit_code  # a bad link given (a redirect: _next_hop)
        raise refused
    if not parsed.host:
        raise InputError(f"not a valid URL: {shown(text)} (no host)", url=strip_credentials(text))
    try:
        return str(parsed.copy_with(fragment=None))
    except httpx.InvalidURL as exc:  # pragma: no cover - parsed above
        raise InputError(f"not a valid URL: {shown(text)} ({one_line(str(exc), 100)})") from None


def _hide_location(response: httpx.Response) -> None:
    """Response hook: move Location out of httpx's sight.

    ``Client.send`` builds the next request of every redirect itself, even with
    ``follow_redirects=False``, and raises ``httpx.InvalidURL`` (not an HTTPError)
    for a Location such as ``https:x``; fetch_url follows redirects itself.
    """
    if response.status_code in _REDIRECT_CODES and "location" in response.headers:
        response.extensions[_LOCATION] = response.headers["location"]
        del response.headers["location"]


def make_client(
    *,
    allow_private: bool = False,
    policy: guard.AddressPolicy | None = None,
    resolver: guard.Resolver | None = None,
    user_agent: str = USER_AGENT,
    concurrency: int = 8,
) -> httpx.Client:
    """An httpx client whose every connection goes through the address guard.

    ``policy`` (an ``ip -> bool`` callable) overrides ``allow_private``;
    ``resolver`` replaces DNS (tests). Redirects are off (fetch_url follows
    them), proxies from the environment are ignored (they would bypass the
    address check), and the User-Agent names workbench.
    """
    transport = guard.GuardedTransport(
        policy or guard.policy_for(allow_private),
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
        event_hooks={"response": [_hide_location]},
        headers={
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
    )


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
    (:class:`~workbench.core.errors.Cancelled`).
    ``client``: an httpx.Client to reuse; build it with :func:`make_client` -
    a client from elsewhere (e.g. on ``httpx.MockTransport`` in tests) skips
    the address guard, which lives in the transport. Errors: InputError (not a
    URL), UnsafeURL (refused scheme, redirect or address), NetworkUnreachable,
    Cancelled, FetchError (everything else), each one line naming the URL.
    """
    start_url = validate_url(url)
    _check_limits(timeout, max_bytes)
    own = client is None
    if client is None:
        client = make_client(allow_private=allow_private)
    current = start_url
    redirects: list[str] = []
    deadline_at = 0.0
    try:
        with guard.deadline(timeout, cancel) as deadline_at:
            while True:
                request = client.build_request("GET", current, headers=headers)
                _bound_timeouts(request, timeout)
                response = client.send(request, stream=True, follow_redirects=False)
                try:
                    location = response.extensions.get(_LOCATION) or response.headers.get(
                        "location"
                    )
                    if response.status_code in _REDIRECT_CODES and location:
                        try:
                            target = _next_hop(current, location, redirects, start_url)
                        except WorkbenchError as exc:
                            raise _located(exc, start_url, start_url) from None
                        redirects.append(target)
                        current = target
                        continue
                    return _result(
                        response,
                        start_url,
                        redirects,
                        accept_types,
                        read_types,
                        max_bytes,
                        truncate,
                    )
                finally:
                    response.close()
    except WorkbenchError as exc:
        raise _located(exc, start_url, current) from None
    except httpx.TimeoutException:
        left = deadline_at - time.monotonic() if deadline_at else None
        raise _failed(start_url, f"timed out ({_timeout_phase(left, timeout)})") from None
    except httpx.HTTPError as exc:
        raise _http_error(exc, start_url) from None
    except httpx.InvalidURL as exc:  # a client without the Location hook (see make_client)
        raise _failed(start_url, f"bad redirect location ({one_line(str(exc), 100)})") from None
    finally:
        if own:
            client.close()


def _result(
    response: httpx.Response,
    start_url: str,
    redirects: list[str],
    accept_types: Iterable[str] | None,
    read_types: Iterable[str] | None,
    max_bytes: int,
    truncate: bool,
) -> FetchResult:
    mime, charset = content_type(response)
    if accept_types is not None and response.status_code < 400:
        if mime and mime not in tuple(accept_types):
            raise _failed(
                start_url,
                f"not an article but {one_line(mime, 60)}; only HTML and plain-text pages "
                "are imported",
            )
    if read_types is None or mime in tuple(read_types):
        body, truncated = read_body(response, max_bytes, truncate)
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


def _check_limits(timeout: float, max_bytes: int) -> None:
    """A NaN or infinite deadline would turn the deadline off: refused like a negative one."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise InputError(f"the timeout must be a number of seconds, not {type(timeout).__name__}")
    if not math.isfinite(timeout) or timeout <= 0:
        raise InputError(f"the timeout must be a positive, finite number of seconds, not {timeout}")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InputError("the size cap must be a positive number of bytes")


def _failed(url: str, reason: str, status: int | None = None) -> FetchError:
    return FetchError(
        f"cannot fetch {shown(url)}: {reason}",
        url=strip_credentials(url),
        reason=reason,
        status=status,
    )


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


def _next_hop(current: str, location: str, redirects: list[str], start: str) -> str:
    """The checked target of a redirect (raises FetchError/UnsafeURL without the start URL)."""
    target = location
    try:
        target = urljoin(current, location.strip())
        target = validate_url(target)
    except UnsafeURL:
        raise UnsafeURL(
            f"redirect to {shown(target)} refused (not http/https)",
            reason=f"redirect to {shown(target)} refused (not http/https)",
        ) from None
    except (InputError, ValueError):
        raise FetchError(f"bad redirect location {shown(location)}") from None
    if target == start or target in redirects:
        raise FetchError(f"redirect loop (back to {shown(target)})")
    if len(redirects) >= MAX_REDIRECTS:
        raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
    return target


def _located(exc: WorkbenchError, start: str, current: str) -> WorkbenchError:
    """``exc`` as one line naming the URL the user asked for (and the hop it failed on)."""
    if exc.url is not None:
        return exc
    where = shown(start) if current == start else f"{shown(start)} (redirected to {shown(current)})"
    located = copy.copy(exc)
    located.message = f"cannot fetch {where}: {exc.message}"
    located.args = (located.message,)
    located.url = strip_credentials(start)
    return located


def _http_error(exc: httpx.HTTPError, url: str) -> FetchError:
    if isinstance(exc, httpx.ConnectError) and guard.connect_error_is_offline(exc):
        reason = "the network is unreachable"
        return NetworkUnreachable(
            f"cannot fetch {shown(url)}: {reason}", url=strip_credentials(url), reason=reason
        )
    text = str(exc)
    if isinstance(exc, httpx.ConnectError):
        found = list(guard.causes(exc))
        if any(isinstance(cause, ConnectionRefusedError) for cause in found):
            reason = "connection refused"
        elif any(isinstance(cause, ssl.SSLError) for cause in found):
            reason = f"TLS error ({one_line(text, 120)})"
        else:
            reason = f"cannot connect ({one_line(text, 120) or type(exc).__name__})"
    elif isinstance(exc, httpx.RemoteProtocolError):
        reason = (
            f"the server broke the HTTP protocol ({one_line(text, 120) or 'connection closed'})"
        )
    else:
        reason = one_line(text, 120) or type(exc).__name__
    return _failed(url, reason)
