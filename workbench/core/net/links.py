"""Evidence links: only absolute http/https URLs, validated and normalized.

``normalize_url`` is the single gate every evidence link passes through before it
is stored: ``javascript:``, ``file:``, ``data:``, relative and malformed URLs are
refused with a LinkError naming the problem.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

from ..errors import LinkError
from ..text import one_line

_MAX_URL = 4096
_BAD_CHARS = re.compile(r"[\x00-\x20\x7f-\x9f\\]")
_HOST = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _shown(url: str) -> str:
    return one_line(url, limit=80)


def normalize_url(url: str) -> str:
    """The normalized form of an evidence URL (absolute http/https only).

    Lower-cases scheme and host (IDNA-encodes non-ASCII hosts), drops the default
    port and an empty query or fragment, and makes the path at least ``/``. The
    fragment is kept: evidence often points at a section (``#budget``) or quotes a
    passage with a text fragment (``#:~:text=...``), which is the reviewer's pointer.
    Raises LinkError for anything else.
    """
    if not isinstance(url, str):
        raise LinkError("a link must be text")
    text = url.strip()
    if not text:
        raise LinkError("the link is empty")
    if len(text) > _MAX_URL:
        raise LinkError("the link is longer than 4096 characters")
    if _BAD_CHARS.search(text):
        raise LinkError(f"'{_shown(text)}' contains spaces, control characters or backslashes")
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise LinkError(f"'{_shown(text)}' is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise LinkError(
            f"'{_shown(text)}' is not an absolute URL; use a full http:// or https:// link"
        )
    if scheme not in ("http", "https"):
        raise LinkError(f"'{_shown(text)}': only http and https links are allowed, not '{scheme}:'")
    if parts.username is not None or parts.password is not None:
        raise LinkError(f"'{_shown(text)}': links with a user name or password are not allowed")
    host = parts.hostname or ""
    if not host:
        raise LinkError(f"'{_shown(text)}' has no host name")
    if host.startswith("[") or ":" in host:
        hostport = f"[{host}]"
    else:
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise LinkError(f"'{_shown(text)}' has an invalid host name") from None
        if not _HOST.match(host):
            raise LinkError(f"'{_shown(text)}' has an invalid host name")
        hostport = host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        hostport = f"{hostport}:{port}"
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="=&%:@!$'()*+,;/?-._~")
    fragment = quote(parts.fragment, safe="=&%:@!$'()*+,;/?-._~")
    return urlunsplit((scheme, hostport, path, query, fragment))
