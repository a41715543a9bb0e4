"""Fetching a page and importing it (``workbench fetch``, ``workbench URL``)."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from ..errors import Cancelled, InputError, NotFound
from ..models import Article
from ..store.interface import Store
from ..text import one_line
from .importing import Extracted, ImportOutcome, Progress, extract, store_extracted

DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class FetchOptions:
    allow_private: bool = False
    """Allow hosts on this machine or a private network (refused by default)."""
    timeout: float = DEFAULT_TIMEOUT
    """Total seconds for the fetch."""
    whole_page: bool = False
    """Keep all visible text instead of the article body."""


def check_timeout(value: float) -> float:
    """A finite, positive number of seconds; InputError otherwise (nan, inf, 0, -1)."""
    if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        raise InputError("--timeout must be a positive, finite number of seconds")
    return float(value)


def fetch_page(
    url: str, options: FetchOptions = FetchOptions(), cancel: threading.Event | None = None
) -> Article:
    """Fetch ``url`` safely and return its article (no store involved: safe in a worker)."""
    from ..net.fetch import fetch_article, validate_url

    check_timeout(options.timeout)
    article = fetch_article(
        validate_url(url),
        allow_private=options.allow_private,
        timeout=options.timeout,
        extract_body=not options.whole_page,
        cancel=cancel,
    )
    if cancel is not None and cancel.is_set():
        raise Cancelled(url=url)
    return article


def fetch_and_extract(
    url: str,
    options: FetchOptions = FetchOptions(),
    *,
    model: str | None = None,
    claims: bool = True,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> Extracted:
    """Fetch then extract (the worker half of ``fetch_and_import``)."""
    article = fetch_page(url, options, cancel)
    if not claims:
        return Extracted(article, [])
    return extract([article], model=model, progress=progress, cancel=cancel)[0]


def is_stored(store: Store, ref: str) -> bool:
    try:
        store.article(ref)
    except NotFound:
        return False
    return True


def fetch_and_import(
    store: Store,
    url: str,
    options: FetchOptions = FetchOptions(),
    *,
    model: str | None = None,
    claims: bool = True,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportOutcome:
    """``workbench fetch URL``: fetch, extract, store. ``claims=False`` imports the
    text only, refused for a URL already imported (its verdicts would be orphaned)."""
    from ..net.fetch import strip_credentials, validate_url

    checked = validate_url(url)
    check_timeout(options.timeout)
    if not claims and is_stored(store, strip_credentials(checked)):  # stored without them
        raise InputError(
            f"{one_line(strip_credentials(checked), 200)} is already in the workspace; fetch "
            "it again without "
            "--no-extract so its verdicts stay on their claims"
        )
    item = fetch_and_extract(
        checked, options, model=model, claims=claims, progress=progress, cancel=cancel
    )
    return store_extracted(store, [item])[0]
