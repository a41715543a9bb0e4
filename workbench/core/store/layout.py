"""The on-disk layout of a workspace folder and its single-writer lock.

``Layout`` names every file of the folder (see the package docstring) and does the
checks made when a workspace is opened: a file or a foreign folder at the path is
refused, the marker file is created or validated. ``WriterLock`` is the lock a
writer holds; it remembers the identity of the lock file it locked, so a lock file
deleted (or replaced) behind its back is noticed before the next write instead of
letting two processes both believe they hold "the" lock.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError, NoWorkspace, StoreError, WorkspaceCorrupt, WorkspaceLocked
from ..text import one_line
from .oslock import LockTimeout, OsLock, host_name
from .storage import (
    SCHEMA,
    atomic_write,
    describe_os_error,
    encode_document,
    load_document,
)

META = "workbench.json"
INDEX = "index.json"
INDEX_LOG = "index.jsonl"
ARTICLES = "articles"
UNDO = "undo.jsonl"
DIRTY = "dirty"
LOCK = "lock"
OWNER = "lock.owner"
JOURNAL = "journal.jsonl"
CHECKPOINTING = "checkpointing"
"""Present while a checkpoint writes article files (the only writes that leave temp
files in ``articles/`` when a writer is killed): the next writer lists that folder,
which holds two files per article, only when it is there."""
CHANGES = "changes"
"""A small file every write bumps (its size grows by one byte per committed change
batch): other processes watch it to learn that the workspace changed."""

ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
Clock = Callable[[], str]


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())  # no datetime import


def check_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        raise InputError(f"invalid {what} id '{one_line(str(value), 40)}'")
    return value


class Layout:
    """The paths of one workspace folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.upgraded = False
        """True when ``prepare`` stamped the marker of an older workspace."""

    @property
    def meta(self) -> Path:
        return self.root / META

    @property
    def index(self) -> Path:
        return self.root / INDEX

    @property
    def index_log(self) -> Path:
        return self.root / INDEX_LOG

    @property
    def articles(self) -> Path:
        return self.root / ARTICLES

    @property
    def undo(self) -> Path:
        return self.root / UNDO

    @property
    def dirty(self) -> Path:
        return self.root / DIRTY

    @property
    def lock(self) -> Path:
        return self.root / LOCK

    @property
    def owner(self) -> Path:
        return self.root / OWNER

    @property
    def journal(self) -> Path:
        return self.root / JOURNAL

    @property
    def changes(self) -> Path:
        return self.root / CHANGES

    @property
    def checkpointing(self) -> Path:
        return self.root / CHECKPOINTING

    def article(self, aid: str) -> Path:
        return self.root / ARTICLES / f"{aid}.json"

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def locate(cls, path: str | os.PathLike[str], readonly: bool, create: bool) -> Layout:
        """Check the folder at ``path`` before it is locked (see ``Workspace.open``)."""
        p = Path(os.path.expanduser(os.fspath(path)))
        if p.exists() and not p.is_dir():
            raise WorkspaceCorrupt(
                f"{p} is a file, not a workbench workspace (a folder); refusing to touch it"
            )
        if not p.exists() or (not create and not (p / META).exists()):
            if readonly or not create:
                raise NoWorkspace(f"no workspace at {p}; create one with `workbench add ARTICLE`")
            try:
                p.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create workspace {p}: {describe_os_error(exc)}") from exc
        layout = cls(p)
        if not layout.meta.exists():
            try:
                others = [n for n in os.listdir(p) if n not in (LOCK, OWNER)]
            except OSError as exc:
                raise StoreError(f"cannot read workspace {p}: {describe_os_error(exc)}") from exc
            if others:
                raise WorkspaceCorrupt(
                    f"{p} is not a workbench workspace (no {META}, but other files); "
                    "refusing to use it. Run `workbench doctor` if it was one"
                )
            if readonly:
                raise NoWorkspace(f"no workspace at {p}; create one with `workbench add ARTICLE`")
        return layout

    def prepare(self, readonly: bool, clock: Clock) -> None:
        """Validate (or, for a writer, create) the marker file and the articles folder."""
        if self.meta.exists():
            marker = load_document(self.meta, "workspace")
            if not readonly and marker is not None and marker.get("schema", 0) < SCHEMA:
                atomic_write(self.meta, encode_document(marker["tables"], "workspace"))
                self.upgraded = True
        else:
            self.articles_dir()
            created = {"created_at": clock(), "created_by": "workbench"}
            atomic_write(self.meta, encode_document({"workspace": {"1": created}}, "workspace"))
        if not readonly:
            self.articles_dir()

    def articles_dir(self) -> None:
        """Make sure ``articles`` is a folder: WorkspaceCorrupt / StoreError otherwise."""
        folder = self.articles
        if folder.exists() and not folder.is_dir():
            raise WorkspaceCorrupt(
                f"{folder} is a file, not the workspace's articles folder; refusing to touch it "
                "(move it away, then run `workbench doctor`)"
            )
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create {folder}: {describe_os_error(exc)}") from exc

    def temp_files(self, articles: bool = True) -> list[Path]:
        """Temp files left by interrupted writes (``.<name>.<pid>.tmp``); in
        ``articles/`` too unless ``articles`` is False."""
        found: list[Path] = []
        folders = (self.root, self.articles, self.root / "claims")
        for folder in folders if articles else folders[::2]:
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                found.extend(
                    Path(e.path) for e in entries
                    if e.name.startswith(".") and e.name.endswith(".tmp")
                    and (e.is_file() or e.is_symlink())
                )
        return sorted(found)

    def clean_temp_files(self) -> int:
        """Remove stale temp files (call only while holding the lock); returns how many.
        ``articles/`` (two files per article) is listed only after a checkpoint that did
        not finish (``checkpointing``) or when an older workspace is opened."""
        removed = 0
        articles = self.upgraded or self.checkpointing.exists()
        for path in self.temp_files(articles):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        if articles:  # the lock is held: no checkpoint of another process is running
            with contextlib.suppress(OSError):
                os.unlink(self.checkpointing)
        return removed


class WriterLock:
    """The workspace's single-writer lock (an OS lock the kernel drops when the holder
    dies, so kill -9 never leaves a stale lock) plus a note of who holds it."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._lock: OsLock | None = None
        self._identity: tuple[int, int] | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None

    def acquire(self, wait: float = 0.0) -> None:
        path = self.layout.root
        lock = OsLock(self.layout.lock)
        try:
            lock.acquire(float(wait))
        except LockTimeout:
            owner = self.owner()
            holder = f" ({owner})" if owner else ""
            raise WorkspaceLocked(
                f"workspace {path} is in use by another workbench{holder}; "
                "close it, then try again (reading still works meanwhile: `workbench claims`, "
                "`workbench open --readonly`)"
            ) from None
        except OSError as exc:
            raise StoreError(
                f"cannot lock workspace {path}: {describe_os_error(exc)}; "
                "if the folder is read-only, open the workspace read-only"
            ) from exc
        self._lock = lock
        self._identity = _identity(self.layout.lock)
        with contextlib.suppress(OSError):
            self.layout.owner.write_text(
                f"pid {os.getpid()} on {host_name()} since {utc_now()}",
                encoding="utf-8",
            )

    def owner(self) -> str:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            return one_line(self.layout.owner.read_text(encoding="utf-8"), 120)
        return ""

    def check(self) -> None:
        """StoreError when the lock file this process locked is gone or was replaced
        (deleted by hand, or by a tool): another process may then hold a lock on a new
        file and writing would overwrite its work."""
        if self._lock is None:
            return
        if _identity(self.layout.lock) != self._identity:
            raise StoreError(
                f"the lock file of workspace {self.layout.root} was deleted or replaced while "
                "this workbench held it; nothing was saved. Close every workbench on this "
                "workspace and open it again"
            )

    def release(self) -> None:
        if self._lock is None:
            return
        if _identity(self.layout.lock) == self._identity:
            with contextlib.suppress(OSError):
                os.unlink(self.layout.owner)
        with contextlib.suppress(OSError):
            self._lock.release()
        self._lock = None
        self._identity = None


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def lock_is_free(layout: Layout) -> bool:
    """True when no process holds the workspace lock right now (probe: take and drop)."""
    lock = OsLock(layout.lock)
    try:
        lock.acquire()
    except (LockTimeout, OSError):
        return False
    lock.release()
    return True
