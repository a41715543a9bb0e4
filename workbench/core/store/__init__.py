"""The verdict store: a workspace folder of small TinyDB files and one journal.

Layout of a workspace (default ``./.workbench/``)::

    workbench.json        marker + schema version (checked at open; foreign folders refused)
    lock, lock.owner      single-writer lock (flock(2), oslock.py: an OS lock the kernel drops
                          when the holder dies, so kill -9 never leaves a stale lock) + who holds it
    journal.jsonl         write-ahead journal: one fsynced line per acknowledged change
                          (journal.py), replayed on top of the files below
    articles/<id>.json    one TinyDB file per article: the article, its claims, its
                          verdicts and its history rows (tables article/claims/verdicts/history)
    articles/<id>.json.bak  the previous good version of that file
    index.json            TinyDB file: one summary row per article (title, source, progress
                          counts, claim ids) for the article list and claim-id prefixes
    index.jsonl           the summary rows each checkpoint changed, on top of index.json (folded
                          into it when it reaches half its size; index_log.py)
    claims/XY.json        the claim map: claim ids by their first two characters (claim_map.py)
    checkpointing         present while a checkpoint writes article files
    undo.jsonl            global undo journal: which history rows form one step, in order
    changes               a change counter other processes watch (watch.py)

Why this design: plain TinyDB rewrites its whole file on every change, so a change
costs time proportional to the workspace. Here a change (one edit, or a whole group
such as ``workbench mark`` with status, note and link, or an import) is ONE line
appended to the journal and synced once: that is when it is acknowledged, and its
cost does not depend on the size of the workspace. The article files, the index and
the undo journal are brought up to date at a checkpoint (every 200 changes, the next
open after a crash; the index by one appended line of the rows that changed), each file
written atomically by ``AtomicJSONStorage``
(temp file, fsync, .bak hard link, ``os.replace``, fsync the folder) and marked with
the journal number it includes, so a crash at any moment loses no acknowledged change
and applies none twice. A writer never replaces a file, nor appends to a journal,
that changed since it read it (a deleted lock file is noticed, not obeyed).

A file that does not parse or is not ours is refused with WorkspaceCorrupt, never
overwritten; ``workbench doctor`` checks every row of every file and restores the
last good copy (the index is rebuilt from the article files, as derived data).
Callers open a store with ``open_store(location, reviewer)``; the folder engine
is ``Workspace`` (workspace.py), a PostgreSQL URL selects the team engine.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..text import one_line
from .interface import Store
from .results import ArticleSummary, ImportResult
from .workspace import Workspace

if TYPE_CHECKING:  # pragma: no cover
    from .layout import Clock

__all__ = ["ArticleSummary", "ImportResult", "Store", "Workspace", "is_url", "open_store"]

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(location: str | os.PathLike[str]) -> bool:
    """True when ``location`` names a server store rather than a folder."""
    return isinstance(location, str) and location.strip().lower().startswith(URL_SCHEMES)


def open_store(
    location: str | os.PathLike[str],
    reviewer: str,
    readonly: bool = False,
    wait: float = 0.0,
    create: bool = True,
    clock: Clock | None = None,
) -> Store:
    """Open the store at ``location``: a path selects the folder engine, a
    ``postgresql://`` / ``postgres://`` URL the PostgreSQL engine.

    ``reviewer`` is who makes the changes (callers read it from the config; the
    store never does). ``readonly``: no lock, no writes. ``wait``: seconds to wait
    for another writer. ``create``: make the workspace when there is none.
    ``clock``: a function returning UTC timestamps (tests).
    """
    if is_url(location):
        try:
            from .postgres import open_postgres_store
        except ImportError as exc:
            raise StoreError(
                f"cannot open {one_line(_without_password(str(location)), 120)}: the PostgreSQL "
                f"engine is not available in this installation ({one_line(str(exc), 80)})"
            ) from None
        extra = {"clock": clock} if clock is not None else {}
        return open_postgres_store(
            str(location), reviewer, readonly=readonly, wait=wait, create=create, **extra
        )
    return Workspace.open(
        location, reviewer=reviewer, readonly=readonly, wait=wait, create=create, clock=clock
    )


def _without_password(url: str) -> str:
    scheme, sep, rest = url.partition("://")
    if "@" in rest.split("/", 1)[0]:
        creds, _, host = rest.partition("@")
        user = creds.split(":", 1)[0]
        return f"{scheme}{sep}{user}@{host}"
    return url
