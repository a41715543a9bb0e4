"""Reading a response body with a bounded output: Content-Encoding, size cap, content type.

The body is read as a stream and decompressed here, so the decoded size never
exceeds ``max_bytes``: a gzip bomb stops at the cap, and a lying or missing
Content-Length changes nothing. Every chunk also checks the fetch's deadline
and cancel event (see :mod:`.guard`).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import httpx

from ..errors import FetchError
from ..text import one_line
from . import guard

_CHUNK = 65_536
_CHARSET = re.compile(r"charset\s*=\s*\"?([A-Za-z0-9._:-]+)")


class Decoder:
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


def read_body(response: httpx.Response, max_bytes: int, truncate: bool) -> tuple[bytes, bool]:
    """The decoded body, at most ``max_bytes``: ``(body, truncated)``.

    Over the cap: the first ``max_bytes`` with ``truncate``, else FetchError.
    """
    decoder = Decoder(response.headers.get("content-encoding", ""))
    out = bytearray()
    for raw in _raw_chunks(response):
        guard.check_cancelled()
        left = guard.time_left()
        if left is not None and left <= 0:
            raise httpx.ReadTimeout("the total deadline of the request has passed")
        out += decoder.feed(raw, max_bytes - len(out) + 1)
        if len(out) > max_bytes:
            return _over_cap(out, max_bytes, truncate, " (stopped reading at the cap)")
    out += decoder.flush(max_bytes - len(out) + 1)
    if len(out) > max_bytes:
        return _over_cap(out, max_bytes, truncate, "")
    return bytes(out), False


def _over_cap(out: bytearray, max_bytes: int, truncate: bool, note: str) -> tuple[bytes, bool]:
    if truncate:
        return bytes(out[:max_bytes]), True
    raise FetchError(f"the page is larger than {size_text(max_bytes)}{note}")


def _raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    """The undecoded body in chunks (a response built in memory, e.g. by MockTransport, at once)."""
    if response.is_stream_consumed:
        yield response.content
        return
    yield from response.iter_raw(_CHUNK)


def size_text(n: int) -> str:
    """``10_000_000`` -> ``10 MB``."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1000:
        return f"{n / 1000:g} kB"
    return f"{n} bytes"


def content_type(response: httpx.Response) -> tuple[str, str | None]:
    """``(mime type, charset or None)`` of a response, lower-cased."""
    value = response.headers.get("content-type", "")
    mime, _, params = value.partition(";")
    match = _CHARSET.search(params)
    charset = match.group(1).lower() if match else None
    return mime.strip().lower(), charset
