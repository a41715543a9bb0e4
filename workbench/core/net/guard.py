"""The connection guard under every fetch: address policy, DNS pinning, deadline.

``client.py`` never opens a socket itself: it uses an httpx client whose
transport connects through :class:`GuardedBackend`. For each new connection the
backend resolves the host once, refuses the connection if any resolved address
is not allowed (loopback, private, link-local, cloud metadata, 0.0.0.0,
IPv4-mapped IPv6 of those, ...), and then connects to the *checked* address, so
a DNS answer that changes between the check and the connection (DNS rebinding)
cannot slip through. TLS still uses the host name for SNI and certificate
checks, and the Host header is untouched: httpcore passes the origin's host name
to ``start_tls`` and the request keeps its URL.

The backend also enforces the total deadline of the current fetch (a context
variable set by ``client.fetch_url``): every connect, read and write gets at most the
time that is left, so a server dripping one byte every few seconds, in the
headers or in the body, is cut off.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import httpcore
import httpx

from ..errors import Cancelled, FetchError, NetworkUnreachable, UnsafeURL

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[Address], bool]
Resolver = Callable[[str, int], list[str]]

ALLOW_PRIVATE_HINT = "use --allow-private for a server on your own network"
CANARY_HOST = "example.com"
"""Resolved once (cached) after a "host not found" to tell a missing host from no network."""

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "workbench_fetch_deadline", default=None
)


# --- address policy -----------------------------------------------------------------


def unwrap(ip: Address) -> Address:
    """The IPv4 address inside an IPv4-mapped or IPv4-compatible IPv6 address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
    return ip


def is_public_address(ip: Address) -> bool:
    """True for a globally routable unicast address (after unwrapping IPv4 in IPv6)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return is_public_address(ip.ipv4_mapped)  # ::ffff:a.b.c.d is judged as a.b.c.d
    inner = unwrap(ip)
    if inner is not ip and not is_public_address(inner):
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return False  # fec0::/10, deprecated but still routed inside some networks
    return bool(ip.is_global and not ip.is_multicast and not ip.is_reserved)


def describe_address(ip: Address) -> str:
    """Why an address is refused, in words (for the error line)."""
    inner = unwrap(ip)
    if str(inner) == "169.254.169.254" or str(ip) == "fd00:ec2::254":
        kind = "cloud metadata"
    elif inner.is_unspecified:
        kind = "unspecified"
    elif inner.is_loopback:
        kind = "loopback"
    elif inner.is_link_local:
        kind = "link-local"
    elif isinstance(inner, ipaddress.IPv6Address) and inner.is_site_local:
        kind = "site-local"
    elif inner.is_multicast:
        kind = "multicast"
    elif inner.is_private:
        kind = "private"
    elif inner.is_reserved:
        kind = "reserved"
    else:
        kind = "non-global"
    if inner is not ip:
        return f"an IPv4-mapped {kind} address"
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} address"


def policy_for(allow_private: bool) -> AddressPolicy:
    """The default policy: public addresses only, or everything with ``allow_private``."""
    if allow_private:
        return lambda ip: True
    return is_public_address


def parse_ip(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.split("%", 1)[0].strip("[]"))
    except ValueError:
        return None


# --- resolution ---------------------------------------------------------------------

_canary_cache: tuple[float, bool] | None = None


def _network_up() -> bool:
    """Whether the network works at all: a route exists and DNS answers for a known name."""
    global _canary_cache
    now = time.monotonic()
    if _canary_cache and now - _canary_cache[0] < 30:
        return _canary_cache[1]
    up = True
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # sends nothing; fails when there is no route at all
    except OSError:
        up = False
    finally:
        probe.close()
    if up:
        try:
            socket.getaddrinfo(CANARY_HOST, 443, type=socket.SOCK_STREAM)
        except OSError:
            up = False
    _canary_cache = (now, up)
    return up


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (in resolver order, without duplicates).

    Raises NetworkUnreachable when there is no network, FetchError when the
    host does not exist.
    """
    if parse_ip(host) is not None:
        return [host.strip("[]")]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except UnicodeError:
        raise FetchError(f"bad host name {host!r}") from None
    except (socket.gaierror, OSError) as exc:
        # A failed lookup says "no network" only when a known name fails too: a dead
        # domain whose name servers time out (EAI_AGAIN) is a dead link, not an outage.
        if not _network_up():
            raise NetworkUnreachable(
                f"the network is unreachable (cannot resolve {host})"
            ) from None
        if getattr(exc, "errno", None) == socket.EAI_AGAIN:
            raise FetchError(f"DNS lookup failed for {host} (no answer)") from None
        raise FetchError(f"host not found: {host}") from None
    out: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]
        if address not in out:
            out.append(address)
    if not out:
        raise FetchError(f"host not found: {host}")
    return out


def check_addresses(host: str, addresses: Iterable[str], policy: AddressPolicy) -> list[str]:
    """Return the addresses if every one is allowed; UnsafeURL naming the first refused one."""
    checked = list(addresses)
    for text in checked:
        ip = parse_ip(text)
        if ip is None or not policy(ip):
            what = describe_address(ip) if ip is not None else "an unparsable address"
            shown = f"{host} is" if text == host else f"{host} resolves to {text},"
            reason = f"{shown} {what}: refused"
            raise UnsafeURL(
                f"{reason} ({ALLOW_PRIVATE_HINT})",
                reason=reason,
                hint=ALLOW_PRIVATE_HINT,
                private=True,
            )
    return checked


# --- deadline -----------------------------------------------------------------------


_CANCEL: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar(
    "workbench_fetch_cancel", default=None
)
_SLICE = 0.25
"""With a cancel event, socket waits are cut in slices this long to notice it."""


@contextlib.contextmanager
def deadline(seconds: float, cancel: threading.Event | None = None) -> Iterator[float]:
    """Set the total deadline (and cancel event) of the fetch running in this context."""
    at = time.monotonic() + seconds
    token = _DEADLINE.set(at)
    cancel_token = _CANCEL.set(cancel)
    try:
        yield at
    finally:
        _CANCEL.reset(cancel_token)
        _DEADLINE.reset(token)


def check_cancelled() -> None:
    event = _CANCEL.get()
    if event is not None and event.is_set():
        raise Cancelled("cancelled")


def time_left() -> float | None:
    at = _DEADLINE.get()
    return None if at is None else at - time.monotonic()


def _bounded(timeout: float | None, exc: type[Exception]) -> float | None:
    check_cancelled()
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        raise exc("the total deadline of the request has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation is bounded by the fetch deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if _CANCEL.get() is None:
            return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))
        # cancellable: wait in short slices (a timed-out recv consumes nothing)
        end = None if timeout is None else time.monotonic() + timeout
        while True:
            limit = _bounded(None if end is None else end - time.monotonic(), httpcore.ReadTimeout)
            if limit is not None and limit <= 0:
                raise httpcore.ReadTimeout("timed out")
            try:
                return self._inner.read(max_bytes, _SLICE if limit is None else min(limit, _SLICE))
            except httpcore.ReadTimeout:
                if limit is not None and limit <= _SLICE:
                    raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)
        )
        return _DeadlineStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


# --- backend and client -------------------------------------------------------------


class GuardedBackend(httpcore.NetworkBackend):
    """Resolve, check every address, connect to a checked address; no unix sockets."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver | None = None) -> None:
        self._policy = policy
        self._resolver = resolver or resolve
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = check_addresses(host, self._resolver(host, port), self._policy)
        error: Exception | None = None
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    address,
                    port,
                    timeout=_bounded(timeout, httpcore.ConnectTimeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except httpcore.ConnectError as exc:
                error = exc
                continue
            return _DeadlineStream(stream)
        assert error is not None
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise UnsafeURL("unix sockets are refused")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's HTTP/1.1 transport with its connection pool on a GuardedBackend.

    No proxy (``trust_env`` is off on the client): a proxy would resolve the
    host itself and the address check would be meaningless.
    """

    def __init__(
        self,
        policy: AddressPolicy,
        resolver: Resolver | None = None,
        limits: httpx.Limits | None = None,
    ) -> None:
        limits = limits or httpx.Limits(max_connections=32, max_keepalive_connections=8)
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=True),  # SSL_CERT_FILE etc. only
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=GuardedBackend(policy, resolver),
        )


def causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and the exceptions it was raised from (httpx -> httpcore -> OSError)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def connect_error_is_offline(exc: BaseException) -> bool:
    """True when a connection failed because there is no route to any network."""
    return any(
        isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.ENETDOWN)
        for cause in causes(exc)
    )
