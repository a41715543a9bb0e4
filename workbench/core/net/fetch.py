"""The public API of fetching, in one place: import from here.

Every request workbench makes goes through :func:`fetch_url` (the safety rules
are in :mod:`.client` and :mod:`.guard`). The modules that hold the code:

- :mod:`.client` - the httpx client, ``fetch_url``, redirects, error lines;
- :mod:`.guard` - address policy, DNS pinning, deadline and cancel;
- :mod:`.decoding` - the body: Content-Encoding, size cap, content type;
- :mod:`.article` and :mod:`.pages` - a news page as an Article (trafilatura);
- :mod:`.link_checks` - evidence link checks (``LinkCheck`` records);
- :mod:`.archive` - Internet Archive lookups and Save Page Now.
"""

from __future__ import annotations

from ..errors import Cancelled, FetchError, InputError, NetworkUnreachable, UnsafeURL
from .article import fetch_article
from .client import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    HTML_TYPES,
    MAX_REDIRECTS,
    TEXT_TYPES,
    USER_AGENT,
    FetchResult,
    fetch_url,
    make_client,
    now_iso,
    shown,
    strip_credentials,
    validate_url,
)
from .link_checks import LINK_MAX_BYTES, LINK_TIMEOUT, check_link, check_links, merge_check

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "HTML_TYPES",
    "LINK_MAX_BYTES",
    "LINK_TIMEOUT",
    "MAX_REDIRECTS",
    "TEXT_TYPES",
    "USER_AGENT",
    "Cancelled",
    "FetchError",
    "FetchResult",
    "InputError",
    "NetworkUnreachable",
    "UnsafeURL",
    "check_link",
    "check_links",
    "fetch_article",
    "fetch_url",
    "make_client",
    "merge_check",
    "now_iso",
    "shown",
    "strip_credentials",
    "validate_url",
]
