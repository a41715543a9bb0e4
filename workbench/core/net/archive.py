"""Internet Archive: find the closest Wayback snapshot of a link, ask Save Page Now for one.

Both calls go through :func:`workbench.core.net.client.fetch_url` (the same safety
rules as every other fetch). Results are the ``ArchiveSnapshot`` records stored in
``Link.archive``; errors are FetchErrors whose ``url`` is the link and ``reason``
what went wrong.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..errors import FetchError, NetworkUnreachable
from ..models import ArchiveSnapshot
from ..text import one_line
from .client import fetch_url, make_client, now_iso, shown, validate_url

if TYPE_CHECKING:
    import httpx

AVAILABILITY_API = "https://archive.org/wayback/available"
SAVE_ENDPOINT = "https://web.archive.org/save/"
SNAPSHOT_PREFIX = "https://web.archive.org/web/"
_SNAPSHOT = re.compile(r"/web/(\d{14})(?:[a-z_]{0,4})/(.+)$")
_SNAPSHOT_IN_TEXT = re.compile(r"(?:https?://web\.archive\.org)?/web/(\d{14})/[^\s\"'<>]+")


def wayback_iso(timestamp: str) -> str:
    """``20200101123045`` -> ``2020-01-01T12:30:45Z`` ('' when it is not 14 digits)."""
    ts = str(timestamp or "")
    if not re.fullmatch(r"\d{14}", ts):
        return ""
    return f"{ts[0:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:14]}Z"


def _snapshot_record(snapshot_url: str, timestamp: str) -> ArchiveSnapshot | None:
    """The snapshot, or None when the answer does not point into the Wayback Machine
    (an archive answer is untrusted too: no ``javascript:``, no other host)."""
    url = snapshot_url.strip()
    if url.startswith("http://web.archive.org/"):
        url = "https://" + url[len("http://") :]
    if not url.startswith(SNAPSHOT_PREFIX) or url != one_line(url) or " " in url:
        return None
    return ArchiveSnapshot(url=url[:2000], timestamp=wayback_iso(timestamp), checked_at=now_iso())


def _failed(what: str, link: str, reason: str, status: int | None = None) -> FetchError:
    reason = one_line(reason, 200)
    return FetchError(
        f"{what} failed for {shown(link)}: {reason}", url=link, reason=reason, status=status
    )


def lookup_snapshot(
    url: str, *, client: httpx.Client | None = None, timeout: float = 20.0
) -> ArchiveSnapshot | None:
    """The closest Wayback snapshot of ``url``, or None when the archive has none.

    FetchError (one line naming the link) when the archive cannot be asked or
    answers nonsense; NetworkUnreachable when there is no network.
    """
    link = validate_url(url)
    api = f"{AVAILABILITY_API}?url={quote(link, safe='')}"
    try:
        result = fetch_url(api, client=client, max_bytes=1_000_000, timeout=timeout)
    except NetworkUnreachable:
        raise
    except FetchError as exc:
        raise _failed("archive lookup", link, exc.reason, exc.status) from None
    if not result.ok:
        raise _failed("archive lookup", link, f"HTTP {result.status_code}", result.status_code)
    try:
        data = json.loads(result.body.decode("utf-8"))
        closest = (data.get("archived_snapshots") or {}).get("closest")
    except (ValueError, UnicodeDecodeError, AttributeError):
        raise _failed("archive lookup", link, "the answer is not the expected JSON") from None
    if (
        not isinstance(closest, dict)
        or not closest.get("available", True)
        or not closest.get("url")
    ):
        return None
    if str(closest.get("status", "200")) not in ("200", ""):
        # a snapshot of an error page is no evidence
        return None
    return _snapshot_record(str(closest["url"]), str(closest.get("timestamp", "")))


def save_page(
    url: str, *, client: httpx.Client | None = None, timeout: float = 90.0
) -> ArchiveSnapshot | None:
    """Ask Save Page Now to archive ``url``; the new snapshot, or None if it is not ready yet.

    Anonymous Save Page Now is slow and rate-limited (HTTP 429 becomes a
    FetchError saying so). The snapshot is taken from the final URL after
    redirects, the Content-Location header or the page text.
    """
    link = validate_url(url)
    try:
        result = fetch_url(
            SAVE_ENDPOINT + link,
            client=client,
            max_bytes=2_000_000,
            timeout=timeout,
            truncate=True,
        )
    except NetworkUnreachable:
        raise
    except FetchError as exc:
        raise _failed("Save Page Now", link, exc.reason, exc.status) from None
    if result.status_code == 429:
        raise _failed("Save Page Now", link, "rate limited by the archive; try later", 429)
    if not result.ok:
        raise _failed("Save Page Now", link, f"HTTP {result.status_code}", result.status_code)
    for candidate in (result.final_url, result.headers.get("content-location", "")):
        match = _SNAPSHOT.search(candidate or "")
        if match:
            snapshot = (
                candidate if candidate.startswith("http") else f"https://web.archive.org{candidate}"
            )
            record = _snapshot_record(snapshot, match.group(1))
            if record is not None:
                return record
    text = result.body[:200_000].decode("utf-8", "replace")
    for match in _SNAPSHOT_IN_TEXT.finditer(text):
        found = match.group(0)
        if link.split("://", 1)[-1].rstrip("/") in found:
            snapshot = found if found.startswith("http") else f"https://web.archive.org{found}"
            record = _snapshot_record(snapshot, match.group(1))
            if record is not None:
                return record
    return None


def lookup_many(
    urls: Iterable[str],
    *,
    save: bool = False,
    concurrency: int = 4,
    progress: Callable[[int, int], None] | None = None,
    client: httpx.Client | None = None,
) -> tuple[dict[str, ArchiveSnapshot | None], dict[str, FetchError]]:
    """Snapshots for many links: ``({url: snapshot or None}, {url: its error})``.

    With ``save``, links that have no snapshot are sent to Save Page Now.
    NetworkUnreachable stops everything.
    """
    unique = list(dict.fromkeys(urls))
    found: dict[str, ArchiveSnapshot | None] = {}
    errors: dict[str, FetchError] = {}
    own = client is None
    if client is None:
        client = make_client(concurrency=concurrency)

    def one(link: str) -> ArchiveSnapshot | None:
        record = lookup_snapshot(link, client=client)
        if record is None and save:
            record = save_page(link, client=client)
        return record

    try:
        if progress:
            progress(0, len(unique))
        with ThreadPoolExecutor(
            max_workers=max(1, min(concurrency, 16)), thread_name_prefix="workbench-archive"
        ) as pool:
            futures = {pool.submit(one, link): link for link in unique}
            try:
                for done, future in enumerate(as_completed(futures), 1):
                    link = futures[future]
                    try:
                        found[link] = future.result()
                    except NetworkUnreachable:
                        raise
                    except FetchError as exc:
                        errors[link] = exc
                    if progress:
                        progress(done, len(unique))
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    finally:
        if own:
            client.close()
    return found, errors
