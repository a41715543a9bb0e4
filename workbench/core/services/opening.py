"""What a target to open names: a file (or stdin) to read, a web address to fetch, or a
stored article. ``workbench PATH`` and the picker's "add an article" both ask here, so a
folder, a missing file or a bad address is refused with the same words in both."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound
from ..models import Article


@dataclass(frozen=True)
class Target:
    """One of: ``article`` (a file read, not yet looked up in the workspace), ``url`` (a
    checked http(s) address) or ``ref`` (neither: a stored article's id, prefix or
    source)."""

    article: Article | None = None
    url: str | None = None
    ref: str | None = None


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def read_target(target: str) -> Target:
    """Read a file (``-``: stdin; a FIFO or a device is read as a file is), check a web
    address, or hand back what names a stored article. A folder is refused (InputError),
    and so are an empty, binary or oversized file and a malformed address."""
    if is_url(target):
        from ..net.fetch import validate_url

        return Target(url=validate_url(target))
    path = Path(target)
    if target != "-" and path.is_dir():
        raise InputError(
            f"{target}: is a folder; the workbench opens one article: name a file "
            f"in it, or import them all with `workbench add {target}`"
        )
    if target == "-" or path.exists():
        from ..articles import load_article_file

        return Target(article=load_article_file(target))
    return Target(ref=target)


def stored_id(ws: Any, ref: str) -> str | None:
    """The id of the stored article that ``ref`` (id, unique prefix, source or URL) names,
    else None."""
    try:
        return str(ws.article(ref).id)
    except NotFound:
        return None
