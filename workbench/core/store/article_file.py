"""One article's file: its article row, claims, verdicts and history rows.

The file is a TinyDB document (tables ``article``, ``claims``, ``verdicts``,
``history``, each a map of document id -> row, plus ``journal``: the number of
the last journal entry it includes) written by ``AtomicJSONStorage``.

``ArticleFile`` is the file plus the journal entries not yet written into it (an
in-memory overlay). A change builds new tables from a copy, hands the change to
the current transaction (``sink``: it becomes part of one journal line) and only
then shows the new tables, so a failed change never leaves memory ahead of disk.
``checkpoint`` writes the overlay into the file. ``ArticleFiles`` keeps a bounded
number of files parsed (one with an overlay is rebuilt from file + journal when
it is needed again).
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError
from .layout import Layout, check_id
from .storage import AtomicJSONStorage, load_document

Tables = dict[str, dict[str, Any]]
Sink = Callable[["ArticleFile", list[Any]], None]
"""Receives (file, op) for each change: op is [article id, "put"|"write", payload]."""
OPEN_FILES = 64
"""Article files kept parsed in memory at once (besides those below)."""
CHANGED_BYTES = 64 * 1024 * 1024
"""Files with journal changes not yet written into them stay parsed beyond
``OPEN_FILES`` up to this many bytes of file: the next checkpoint writes them, and
would otherwise parse each again and replay its journal entries."""


def ordered(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a table in document-id order."""
    return [table[k] for k in sorted(table, key=int)]


def first(table: dict[str, Any]) -> dict[str, Any]:
    return next(iter(table.values()), {}) if table else {}


class ArticleFile:
    """The tables of one article: its file plus the journal entries not yet in it."""

    def __init__(self, aid: str, path: Path, readonly: bool, sink: Sink | None = None) -> None:
        self.aid = aid
        self.path = path
        self.storage = AtomicJSONStorage(path, kind="article", readonly=readonly)
        self.sink = sink
        self.overlay: Tables | None = None
        """The tables with journal entries applied (None: the file is up to date)."""

    def tables(self) -> Tables:
        """The current tables, for reading only (never mutate what this returns)."""
        if self.overlay is not None:
            return self.overlay
        return self.storage.peek() or {}

    @property
    def size(self) -> int:
        """The size of the file on disk as last read or written (0: none)."""
        seen = self.storage.seen
        return seen[2] if seen else 0

    @property
    def applied(self) -> int:
        """The number of the last journal entry the file on disk includes."""
        return _applied_n(self.storage.peek() or {})

    def replay(self, ops: list[list[Any]]) -> None:
        """Apply journal ops (already durable) on top of the file."""
        tables = self.tables()
        for op in ops:
            tables = _applied(tables, op)
        self.overlay = tables

    def write(self, tables: Tables) -> None:
        """Replace every table (an article added or imported again)."""
        self._change([self.aid, "write", tables])

    def checkpoint_tables(self, n: int) -> Tables | None:
        """The tables a checkpoint writes into the file, marked as including journal
        entry ``n`` (None: the file is up to date). ``AtomicJSONStorage.write_many``
        writes them (many files at once), then ``written`` drops the overlay."""
        if self.overlay is None:
            return None
        tables = dict(self.overlay)
        tables["journal"] = {"1": {"n": n}}
        return tables

    def written(self) -> None:
        self.overlay = None

    def _change(self, op: list[Any]) -> None:
        if self.sink is None:
            raise StoreError(f"{self.path.parent.parent}: the workspace is open read-only")
        new = _applied(self.tables(), op)
        self.sink(self, op)
        self.overlay = new

    # -- lookups ---------------------------------------------------------------------

    def article_row(self) -> dict[str, Any]:
        return first(self.tables().get("article", {}))

    def claim_rows(self) -> list[dict[str, Any]]:
        return ordered(self.tables().get("claims", {}))

    def has_claim(self, claim_id: str) -> bool:
        return any(c.get("id") == claim_id for c in self.tables().get("claims", {}).values())

    def verdict_row(self, claim_id: str) -> tuple[str, dict[str, Any]] | None:
        """(document id, row) of the stored verdict of ``claim_id``, if any."""
        for key, doc in self.tables().get("verdicts", {}).items():
            if doc.get("claim_id") == claim_id:
                return key, doc
        return None

    def history_rows(self) -> list[dict[str, Any]]:
        return ordered(self.tables().get("history", {}))

    def history_count(self) -> int:
        return len(self.tables().get("history", {}))

    # -- changes ---------------------------------------------------------------------

    def put(
        self,
        verdicts: dict[str, dict[str, Any]] | None = None,
        history: list[dict[str, Any]] | None = None,
        claims: list[dict[str, Any]] | None = None,
        remove_claims: set[str] | None = None,
        title: str | None = None,
    ) -> None:
        """Verdict rows (by claim id), history rows (keyed by their ``seq``), claim
        rows (inserted in text order, or removed by id) and a new article title, as
        one change."""
        payload: dict[str, Any] = {}
        if title is not None:
            payload["title"] = title
        if verdicts:
            payload["verdicts"] = verdicts
        if history:
            payload["history"] = history
        if claims:
            payload["claims"] = claims
        if remove_claims:
            payload["remove_claims"] = sorted(remove_claims)
        if payload:
            self._change([self.aid, "put", payload])


def _applied_n(disk: Tables) -> int:
    """The number of the last journal entry tables read from a file include."""
    n = first(disk.get("journal", {})).get("n", 0)
    return n if isinstance(n, int) else 0


def _applied(tables: Tables, op: list[Any]) -> Tables:
    """``tables`` after one journal op (a new object; ``tables`` is not changed)."""
    kind, payload = op[1], op[2]
    if kind == "write":
        return dict(payload)
    tables = dict(tables)
    if isinstance(payload.get("title"), str):
        tables["article"] = {
            k: {**row, "title": payload["title"]} for k, row in tables.get("article", {}).items()
        }
    remove = set(payload.get("remove_claims") or [])
    if remove:
        from .reimport import has_content

        tables["verdicts"] = {
            k: v
            for k, v in tables.get("verdicts", {}).items()
            if v.get("claim_id") not in remove or has_content(v)
        }
    verdicts = payload.get("verdicts")
    if verdicts:
        table = dict(tables.get("verdicts", {}))
        where = {doc.get("claim_id"): key for key, doc in table.items()}
        next_key = max((int(k) for k in table), default=0) + 1
        for cid, doc in verdicts.items():
            key = where.get(cid)
            if key is None:
                key = str(next_key)
                next_key += 1
            table[key] = doc
        tables["verdicts"] = table
    history = payload.get("history")
    if history:
        table = dict(tables.get("history", {}))
        for row in history:
            table[str(row["seq"])] = row
        tables["history"] = table
    claims = payload.get("claims")
    if claims or remove:
        rows = [c for c in ordered(tables.get("claims", {})) if c.get("id") not in remove]
        for row in claims or []:  # in text order, after claims at the same place
            at = next((i for i, c in enumerate(rows) if c["start"] > row["start"]), len(rows))
            rows.insert(at, row)
        tables["claims"] = {str(i): c for i, c in enumerate(rows, 1)}
    return tables


class ArticleFiles:
    """The parsed article files of one workspace (at most ``OPEN_FILES`` kept)."""

    def __init__(
        self,
        layout: Layout,
        readonly: bool,
        pending: Callable[[str, int], list[list[Any]]],
        sink: Sink | None,
    ) -> None:
        self.layout = layout
        self.readonly = readonly
        self._pending = pending
        self._sink = sink
        self._files: OrderedDict[str, ArticleFile] = OrderedDict()
        self._pinned = 0

    def __contains__(self, aid: str) -> bool:
        return aid in self._files

    def exists(self, aid: str) -> bool:
        if aid in self._files:
            return bool(self._files[aid].tables())
        return self.layout.article(aid).exists() or bool(self._pending(aid, 0))

    def get(self, aid: str, create: bool = False) -> ArticleFile:
        file = self._files.get(aid)
        if file is not None:
            self._files.move_to_end(aid)
            return file
        check_id(aid, "article")
        path = self.layout.article(aid)
        ops = self._pending(aid, 0)
        if not create and not ops and not path.exists():
            raise NotFound(f"no article {aid} in workspace {self.layout.root}")
        file = ArticleFile(aid, path, self.readonly, self._sink)
        file.tables()  # validates the file now: WorkspaceCorrupt
        ops = self._pending(aid, file.applied)
        if ops:
            file.replay(ops)
        if not create and not file.tables():
            raise NotFound(f"no article {aid} in workspace {self.layout.root}")
        self._files[aid] = file
        self._evict()
        return file

    def read(self, aid: str) -> Tables:
        """The current tables of ``aid`` for one bulk read (an export reading every
        article once, in turn): a file already parsed is used as it is; any other is
        parsed, its journal entries applied, and not kept (no eviction churn, no
        file kept for a reader that does not come back). Read only, like ``tables``.
        Raises NotFound like ``get``."""
        file = self._files.get(aid)
        if file is not None:
            tables = file.tables()
        else:
            check_id(aid, "article")
            path = self.layout.article(aid)
            data = load_document(path, "article")
            tables = data["tables"] if data is not None else {}
            ops = self._pending(aid, _applied_n(tables))
            for op in ops:
                tables = _applied(tables, op)
        if not tables:
            raise NotFound(f"no article {aid} in workspace {self.layout.root}")
        return tables

    def _evict(self) -> None:
        """Forget the least recently used files beyond ``OPEN_FILES``, but keep changed
        ones (``CHANGED_BYTES``)."""
        excess = len(self._files) - OPEN_FILES
        if excess <= 0 or self._pinned:
            return
        kept = 0
        for aid, file in list(self._files.items())[:-1]:  # not the one just opened
            if excess <= 0:
                break
            if file.overlay is not None and kept + file.size <= CHANGED_BYTES:
                kept += file.size
                continue
            del self._files[aid]
            excess -= 1

    def loaded(self) -> list[ArticleFile]:
        return list(self._files.values())

    def forget(self, aid: str) -> None:
        self._files.pop(aid, None)

    def reload(self) -> None:
        """Drop every parsed file (another process changed the workspace)."""
        if not self._pinned:
            self._files.clear()

    @contextlib.contextmanager
    def pinned(self) -> Iterator[None]:
        """Keep every file opened inside the block (a group touching many articles)."""
        self._pinned += 1
        try:
            yield
        finally:
            self._pinned -= 1
