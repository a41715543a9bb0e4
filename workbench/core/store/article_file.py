"""One article's file: its article row, claims, verdicts and history rows.

The file is a TinyDB document (tables ``article``, ``claims``, ``verdicts``,
``history``, each a map of document id -> row) written by ``AtomicJSONStorage``.
``ArticleFile`` reads it once per durable state and applies changes to a copy of
the tables, so a failed write never leaves the in-memory state ahead of the disk.
``ArticleFiles`` keeps a bounded number of them parsed.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import NotFound
from .layout import Layout, check_id
from .storage import AtomicJSONStorage

Tables = dict[str, dict[str, Any]]
OPEN_FILES = 64
"""Article files kept parsed in memory at once."""


def ordered(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a table in document-id order."""
    return [table[k] for k in sorted(table, key=int)]


def first(table: dict[str, Any]) -> dict[str, Any]:
    return next(iter(table.values()), {}) if table else {}


class ArticleFile:
    """The tables of one article, parsed once per durable state."""

    def __init__(self, path: Path, readonly: bool) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path, kind="article", readonly=readonly)

    def tables(self) -> Tables:
        """The current tables, for reading only (never mutate what this returns)."""
        return self.storage.peek() or {}

    def write(self, tables: Tables) -> None:
        self.storage.write(tables)

    def batch(self) -> contextlib.AbstractContextManager[None]:
        return self.storage.batch()

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
    ) -> None:
        """Write verdict rows (by claim id), history rows (keyed by their ``seq``) and
        claim rows (appended, or removed by id) in one durable write."""
        tables = dict(self.tables())
        if remove_claims:
            from .reimport import has_content

            tables["verdicts"] = {
                k: v
                for k, v in tables.get("verdicts", {}).items()
                if v.get("claim_id") not in remove_claims or has_content(v)
            }
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
        if history:
            table = dict(tables.get("history", {}))
            for row in history:
                table[str(row["seq"])] = row
            tables["history"] = table
        if claims or remove_claims:
            rows = [
                c
                for c in ordered(tables.get("claims", {}))
                if not remove_claims or c.get("id") not in remove_claims
            ]
            for row in claims or []:  # in text order, after claims at the same place
                at = next((i for i, c in enumerate(rows) if c["start"] > row["start"]), len(rows))
                rows.insert(at, row)
            tables["claims"] = {str(i): c for i, c in enumerate(rows, 1)}
        self.write(tables)


class ArticleFiles:
    """The parsed article files of one workspace (at most ``OPEN_FILES`` kept)."""

    def __init__(self, layout: Layout, readonly: bool) -> None:
        self.layout = layout
        self.readonly = readonly
        self._files: OrderedDict[str, ArticleFile] = OrderedDict()
        self._pinned = 0

    def __contains__(self, aid: str) -> bool:
        return aid in self._files

    def exists(self, aid: str) -> bool:
        return aid in self._files or self.layout.article(aid).exists()

    def get(self, aid: str, create: bool = False) -> ArticleFile:
        file = self._files.get(aid)
        if file is not None:
            self._files.move_to_end(aid)
            return file
        check_id(aid, "article")
        path = self.layout.article(aid)
        if not create and not path.exists():
            raise NotFound(f"no article {aid} in workspace {self.layout.root}")
        file = ArticleFile(path, self.readonly)
        file.tables()  # validates the file now: WorkspaceCorrupt
        self._files[aid] = file
        while len(self._files) > OPEN_FILES and not self._pinned:
            self._files.popitem(last=False)
        return file

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
