"""Checking evidence links: :func:`check_link` and :func:`check_links` give ``LinkCheck`` records.

A link's failure is that link's result (a dead host, a broken redirect, a
Location that is not a URL), never an exception that stops the others; only
"no network at all" (NetworkUnreachable) is raised, since it says nothing
about the links. Whether a new check may replace the stored one is
:func:`~workbench.core.models.merge_check` (re-exported here).
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING

from ..errors import Cancelled, FetchError, NetworkUnreachable, UnsafeURL, WorkbenchError
from ..models import LinkCheck, merge_check
from ..text import one_line
from .client import HTML_TYPES, fetch_url, make_client, now_iso, strip_credentials

if TYPE_CHECKING:
    import httpx

__all__ = ["LINK_MAX_BYTES", "LINK_TIMEOUT", "check_link", "check_links", "merge_check"]

LINK_TIMEOUT = 20.0
LINK_MAX_BYTES = 512_000
"""A link check reads at most this much (enough for the <title>)."""
_BLOCKING_CODES = (401, 403, 429)
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
    cancel: threading.Event | None = None,
) -> LinkCheck:
    """Check one evidence link (``cancel``: an event that stops it, raising Cancelled).

    ``ok`` is False for 4xx/5xx, unknown hosts, refused connections, timeouts,
    broken redirects and refused (unsafe) targets; a refused target is marked
    ``refused`` (and ``private`` when its address is the reason). Raises
    NetworkUnreachable when there is no network at all (that says nothing about
    the link). A URL that is not a URL gets a record with its error.
    """
    try:
        result = fetch_url(
            url,
            allow_private=allow_private,
            client=client,
            max_bytes=LINK_MAX_BYTES,
            timeout=timeout,
            truncate=True,
            read_types=HTML_TYPES + ("",),
            cancel=cancel,
        )
    except (NetworkUnreachable, Cancelled):
        raise
    except UnsafeURL as exc:
        # refused before any request: says nothing about whether the link works
        return LinkCheck(
            error=one_line(exc.reason, 300),
            checked_at=now_iso(),
            refused=True,
            private=exc.private,
        )
    except FetchError as exc:
        return LinkCheck(error=one_line(exc.reason, 300), checked_at=now_iso())
    except WorkbenchError as exc:  # not a URL
        return LinkCheck(error=one_line(exc.message, 300), checked_at=now_iso())
    title = ""
    if result.content_type in HTML_TYPES or not result.content_type:
        title = page_title(result.body, result.charset)
    error = None
    if not result.ok:
        error = f"HTTP {result.status_code} {result.reason}".strip()
        if result.status_code in _BLOCKING_CODES:
            error += " (the site may refuse automated checks; open it in a browser)"
    return LinkCheck(
        ok=result.ok,
        status_code=result.status_code,
        final_url=strip_credentials(result.final_url),
        title=title,
        checked_at=now_iso(),
        error=error,
    )


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
) -> dict[str, LinkCheck]:
    """Check many links, at most ``concurrency`` at a time; ``{url: LinkCheck}``.

    Duplicates are checked once. ``progress(done, total)`` is called from the
    calling thread after each link (and once with 0 at the start); it may be
    called from a worker thread of a UI. ``cancel``: set it to stop: no new
    check starts and the running ones stop within a fraction of a second; the
    result holds what was checked. An exception (Ctrl-C) stops them the same way.
    NetworkUnreachable is raised as soon as one check finds no network; with
    ``skip_unreachable`` such links are left out of the result instead (not
    checked: the other links, e.g. on a local network, still are), so
    ``len(result) < len(urls)`` says that some could not be checked.
    """
    unique = list(dict.fromkeys(urls))
    total = len(unique)
    results: dict[str, LinkCheck] = {}
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
    running: dict[Future[LinkCheck], str] = {}
    stop = threading.Event()
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="workbench-check") as pool:
            try:
                while True:
                    if cancel is not None and cancel.is_set():
                        stop.set()
                    while len(running) < workers and not stop.is_set():
                        link = next(pending, None)
                        if link is None:
                            break
                        future = pool.submit(
                            check_link,
                            link,
                            allow_private=allow_private,
                            client=client,
                            timeout=timeout,
                            cancel=stop,
                        )
                        running[future] = link
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
                        except Cancelled:
                            continue  # stopped half-way: not a result
                        except Exception as exc:  # a fault of one link is that link's result
                            results[link] = LinkCheck(
                                error=one_line(f"check failed: {exc}", 300) or type(exc).__name__,
                                checked_at=now_iso(),
                            )
                        if progress:
                            progress(len(results) + skipped, total)
            except BaseException:
                stop.set()
                if cancel:
                    cancel.set()
                for future in running:
                    future.cancel()
                raise
    finally:
        if own:
            client.close()
    return results
