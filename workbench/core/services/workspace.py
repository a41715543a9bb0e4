"""Opening a workspace: as the writer, read-only, or the writer when free.

The reviewer (who I am) comes from the caller's config; the store never reads it.
Only commands that create content (``add``, ``fetch``, the workbench) pass
``create=True``: a mistyped ``-w`` anywhere else says "no workspace", never makes one.
"""

from __future__ import annotations

import os
from enum import StrEnum

from ..errors import WorkspaceLocked
from ..store.interface import Store

LOCK_WAIT = 3.0
"""Seconds a writer waits for a workspace another command holds (two quick
``workbench mark`` calls in a script take turns instead of failing)."""


class Mode(StrEnum):
    WRITE = "write"
    """Take the lock (wait up to ``wait`` seconds): WorkspaceLocked when busy."""
    READ = "read"
    """No lock; changes are refused. Works while another process writes."""
    REVIEW = "review"
    """The writer when the lock is free, else read-only (the workbench)."""


def open_workspace(
    location: str | os.PathLike[str],
    reviewer: str,
    *,
    mode: Mode | str = Mode.WRITE,
    create: bool = False,
    wait: float | None = None,
) -> Store:
    """Open the store at ``location`` for ``reviewer``.

    Raises NotFound when there is no workspace (and not ``create``), WorkspaceLocked
    (``Mode.WRITE``) when another process holds it, WorkspaceCorrupt for something
    that is not a workspace.
    """
    mode = Mode(mode)
    if mode is Mode.READ:
        return _open(location, reviewer, readonly=True, create=False, wait=0.0)
    if mode is Mode.REVIEW:
        try:
            return _open(location, reviewer, readonly=False, create=create, wait=0.0)
        except WorkspaceLocked as exc:
            try:
                return _open(location, reviewer, readonly=True, create=False, wait=0.0)
            except Exception:
                raise exc from None
    return _open(
        location, reviewer, readonly=False, create=create, wait=LOCK_WAIT if wait is None else wait
    )


def _open(
    location: str | os.PathLike[str], reviewer: str, *, readonly: bool, create: bool, wait: float
) -> Store:
    from ..store import open_store

    return open_store(location, reviewer, readonly=readonly, wait=wait, create=create)


def _is_team_url(location: str) -> bool:
    return location.lower().startswith(("postgresql://", "postgres://"))


def where(store: Store) -> str:
    """The store's location for messages (a path, or a URL without password)."""
    location = getattr(store, "location", None)
    return str(location or store.path or "the workspace")


def is_new_folder(location: str | os.PathLike[str]) -> bool:
    """True when ``location`` names a workspace folder that does not exist yet."""
    text = os.fspath(location)
    return not _is_team_url(text) and not os.path.lexists(os.path.expanduser(text))


def discard_if_unused(location: str | os.PathLike[str], reviewer: str) -> bool:
    """Remove a workspace folder that holds nothing: no article, no history, and no
    file workbench does not know. What opening a new workspace left behind when the
    import that was to fill it failed (a bad URL): a failed open creates nothing.
    True when the folder was removed."""
    import shutil
    from pathlib import Path

    from ..errors import WorkbenchError
    from ..store import layout

    root = Path(os.path.expanduser(os.fspath(location)))
    known = {layout.META, layout.INDEX, layout.INDEX_LOG, layout.ARTICLES, layout.UNDO,
             layout.DIRTY, layout.LOCK, layout.OWNER, layout.JOURNAL, layout.CHANGES,
             layout.CHECKPOINTING}
    try:
        names = set(os.listdir(root))
        articles = root / layout.ARTICLES
        if names - known or (articles.is_dir() and os.listdir(articles)):
            return False
        with _open(root, reviewer, readonly=False, create=False, wait=0.0) as store:
            if store.articles() or store.history(limit=1) or store.can_undo():
                return False
        shutil.rmtree(root)
    except (OSError, WorkbenchError):
        return False
    return True
