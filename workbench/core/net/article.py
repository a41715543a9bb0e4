"""Fetch a news page and return it as an Article: :func:`fetch_article`.

The fetch is :func:`.client.fetch_url` (every safety rule); the page is taken
apart by :mod:`.pages` (trafilatura, imported only there). What leaves this
module is clean: text, title and byline without control characters or escape
sequences, and URLs without credentials (``http://user:pass@host/`` is fetched
with them but stored as ``http://host/``).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..errors import FetchError, InputError
from ..models import Article
from .client import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    HTML_TYPES,
    TEXT_TYPES,
    fetch_url,
    now_iso,
    shown,
    strip_credentials,
)

if TYPE_CHECKING:
    import httpx


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
    stops the fetch (see :func:`.client.fetch_url`). FetchError, UnsafeURL,
    NetworkUnreachable or Cancelled on failure; FetchError for non-article
    content types and HTTP errors.
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
    source = strip_credentials(result.url)
    final_url = strip_credentials(result.final_url)
    if not result.ok:
        reason = f"HTTP {result.status_code} {result.reason}".rstrip()
        raise FetchError(
            f"cannot fetch {shown(result.url)}: {reason}",
            url=source,
            reason=reason,
            status=result.status_code,
        )
    fetched_at = now_iso()
    try:
        if result.content_type in TEXT_TYPES or (
            not result.content_type and not _looks_html(result.body)
        ):
            page = page_from_text(result.body, result.charset, final_url)
        else:
            page = page_from_html(result.body, result.charset, final_url, extract_body=extract_body)
    except InputError as exc:
        raise FetchError(
            f"cannot import {shown(result.url)}: {exc.message}", url=source, reason=exc.message
        ) from None
    meta = {"final_url": final_url, "author": page.author, "date": page.date,
            "publisher": page.sitename}
    meta = {k: v for k, v in meta.items() if v}
    try:
        return make_article(
            page.text, source, title=page.title or None, fetched_at=fetched_at, meta=meta
        )
    except InputError:
        reason = "no article text found on the page"
        raise FetchError(
            f"cannot import {shown(result.url)}: {reason}", url=source, reason=reason
        ) from None


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or b"<body" in head
