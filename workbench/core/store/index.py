"""The article index: one summary row per article (title, source, progress, claim ids).

The index is derived data, recomputed from an article's file (``summarize``). It is
read lazily and not rewritten on every verdict change: the journal says which
articles changed since the last checkpoint (their rows are recomputed when the
index is read) and holds the rows of articles added or removed; a checkpoint
appends them to the index log (index_log.py) on top of ``index.json``, which is
rewritten only when the log has grown to half its size. A checkpoint that only
changed verdicts does not read the index at all. (``dirty``, a list of stale rows
written by older versions, is still read.)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import Any, cast

from tinydb import TinyDB

from .. import models
from ..errors import NotFound
from ..text import one_line
from . import index_log
from .article_file import Tables, first, ordered
from .layout import ID_RE, Layout
from .storage import AtomicJSONStorage

Summary = dict[str, Any]
Updates = dict[str, "Summary | None"]


def was_removed(history: Any) -> bool:
    """Whether an article's history rows (oldest first) end with it taken out of the
    workspace (``remove_article``: claim id "", field ``article``, new None) rather than
    listed again (undo, redo or an import writes a row with its title as ``new``)."""
    marks = [
        r for r in history
        if isinstance(r, dict) and r.get("field") == "article" and not r.get("claim_id")
    ]
    return bool(marks) and marks[-1].get("new") is None


def summarize(tables: Tables) -> Summary:
    """The index row of one article, computed from its file's tables."""
    art = first(tables.get("article", {}))
    claim_ids = [c["id"] for c in ordered(tables.get("claims", {}))]
    live = set(claim_ids)
    status = {
        v["claim_id"]: v.get("status", "unreviewed")
        for v in tables.get("verdicts", {}).values()
        if not v.get("orphaned")
    }
    counts = dict.fromkeys(models.STATUSES, 0)
    for cid in claim_ids:
        s = status.get(cid, "unreviewed")
        counts[s] = counts.get(s, 0) + 1
    times = [v.get("updated_at", "") for v in tables.get("verdicts", {}).values()]
    added = art.get("added_at", "")
    return {
        "id": art.get("id", ""),
        "title": art.get("title", ""),
        "source": art.get("source", ""),
        "fetched_at": art.get("fetched_at"),
        "added_at": added,
        "claims": len(claim_ids),
        "counts": counts,
        "reviewed": sum(counts.get(s, 0) for s in models.FINAL_STATUSES),
        "updated_at": max([added, *times]),
        "claim_ids": claim_ids,
        "orphan_ids": [
            v["claim_id"]
            for v in ordered(tables.get("verdicts", {}))
            if v.get("claim_id") not in live
        ],
    }


def ids_of(row: Summary | None) -> list[str]:
    """The live and orphaned claim ids of an index row ([] for none)."""
    if not isinstance(row, dict):
        return []
    return [*row.get("claim_ids", []), *row.get("orphan_ids", [])]


def _read_lines(path: os.PathLike[str]) -> list[str]:
    try:
        with open(path, encoding="utf-8") as fh:
            return [line.strip() for line in fh.read().splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError):
        return []


class ArticleIndex:
    """Summary rows by article id, with the dirty set of stale rows."""

    def __init__(
        self,
        layout: Layout,
        readonly: bool,
        pending: Callable[[], dict[str, Summary | None]] | None = None,
        touched: Callable[[], list[str]] | None = None,
    ) -> None:
        self.layout = layout
        self.readonly = readonly
        self._pending = pending or dict
        self._touched = touched or list
        self._db: TinyDB | None = None
        self._rows: dict[str, Summary] | None = None
        self._disk: dict[str, Summary] = {}
        """The rows as ``index.json`` and the index log hold them (the journal's not
        applied)."""
        self.dirty: set[str] = set()

    def _storage(self) -> AtomicJSONStorage:
        if self._db is None:
            self._db = TinyDB(
                self.layout.index, storage=AtomicJSONStorage, kind="index", readonly=self.readonly
            )
        return cast(AtomicJSONStorage, self._db.storage)

    @property
    def loaded(self) -> bool:
        return self._rows is not None

    def rows(self) -> dict[str, Summary]:
        """Article id -> stored summary row (dirty rows may be stale; see ``fresh``)."""
        if self._rows is None:
            raw = self._storage().peek() or {}  # read only: rows are replaced, not changed
            rows = {d["id"]: d for d in raw.get("articles", {}).values()}
            stamp = stamp_of(raw)
            for entry in index_log.read_entries(self.layout.index_log):
                if entry["n"] > stamp:
                    index_log.apply(rows, entry)
            self._disk = dict(rows)
            for aid, summary in self._pending().items():
                if summary is None:
                    rows.pop(aid, None)
                elif isinstance(summary, dict):
                    rows[aid] = summary
            self._rows = rows
            self._all_dirty()
        return self._rows

    def _all_dirty(self) -> set[str]:
        """The stale rows: changed in this session, in the journal, or listed in the
        ``dirty`` file of an older version."""
        self.dirty |= {a for a in _read_lines(self.layout.dirty) if ID_RE.match(a)}
        self.dirty |= set(self._touched())
        return self.dirty

    def disk_rows(self) -> dict[str, Summary]:
        """The rows as ``index.json`` and its log hold them: the state at the journal's
        checkpoint."""
        self.rows()
        return self._disk

    def reload(self) -> None:
        """Forget what was read (another process changed the workspace)."""
        self._rows = None
        self._disk = {}
        self.dirty = set()
        if self._db is not None:
            self._storage().reload()

    def fresh(self, tables_of: Callable[[str], Tables]) -> dict[str, Summary]:
        """Every row, with the dirty ones recomputed from their files."""
        rows = self.rows()
        for aid in list(self.dirty):
            if aid in rows:
                with contextlib.suppress(NotFound):
                    rows[aid] = summarize(tables_of(aid))
        return rows

    def __contains__(self, aid: str) -> bool:
        return aid in self.rows()

    def known(self, aid: str) -> bool:
        """True when ``aid`` is listed, without reading the index when not yet read."""
        return self._rows is not None and aid in self._rows

    def by_source(self, source: str) -> str | None:
        return next((a for a, s in self.rows().items() if s.get("source") == source), None)

    def mark_dirty(self, aid: str) -> None:
        """Its row is stale (the journal holds the change that made it so)."""
        self.dirty.add(aid)

    def update(self, updates: dict[str, Summary | None]) -> None:
        """Change rows in memory only (their durable copy is in the journal)."""
        rows = self.rows()
        for aid, summary in updates.items():
            if summary is None:
                rows.pop(aid, None)
            else:
                rows[aid] = summary

    def checkpoint_rows(
        self,
        tables_of: Callable[[str], Tables],
        exists: Callable[[str], bool],
        pending: Updates,
        computed: dict[str, Summary] | None = None,
    ) -> tuple[Updates, dict[str, Summary]]:
        """The index log line of a checkpoint: (rows, progress). ``rows``: the journal's
        rows (articles added, removed, claims or title changed), recomputed when the
        article changed since; ``progress``: the recomputed rows of the other changed
        articles (``computed``: rows already recomputed from their current tables).
        Needs no index read."""
        computed = computed or {}

        def current(aid: str) -> Summary:
            return computed.get(aid) or summarize(tables_of(aid))

        dirty = self._all_dirty()
        rows: Updates = {}
        for aid, row in pending.items():
            if row is not None and aid in dirty and (aid in computed or exists(aid)):
                row = current(aid)
            rows[aid] = row
        progress: dict[str, Summary] = {}
        for aid in sorted(dirty):
            if aid in pending or (self._rows is not None and aid not in self._rows):
                continue
            if aid in computed or exists(aid):
                progress[aid] = current(aid)
        return rows, progress

    def id_changes(self, rows: Updates) -> list[tuple[str, list[str], list[str]]]:
        """(article id, claim ids before, claim ids after) of each article whose claim
        ids ``rows`` change (for the claim map; only rows carry claim id changes)."""
        if not rows:
            return []
        disk = self.disk_rows()
        out = []
        for aid, row in rows.items():
            before, after = ids_of(disk.get(aid)), ids_of(row)
            if before != after:
                out.append((aid, before, after))
        return out

    def commit(self, n: int, rows: Updates, progress: dict[str, Summary]) -> None:
        """Make the rows of checkpoint ``n`` durable: one line appended to the index log,
        or, once the log would pass half the size of ``index.json``, a new
        ``index.json`` holding everything (and the log emptied)."""
        entry = {"n": n, "rows": rows, "progress": progress}
        if rows or progress:
            log = self.layout.index_log
            base = index_log.size_of(self.layout.index)
            line = index_log.encode(entry)
            if index_log.size_of(log) + len(line) > base // 2:
                self.rows()  # base and log, before the dirty set is cleared
                index_log.apply(self._disk, entry)
                self._compact(n)
            else:
                index_log.append(log, line)
                if self._rows is not None:
                    index_log.apply(self._disk, entry)
            if self._rows is not None:
                index_log.apply(self._rows, entry)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.layout.dirty)
        self.dirty.clear()

    def _compact(self, n: int) -> None:
        """``index.json`` := every row at checkpoint ``n``, stamped ``n``; then the log
        goes (a crash between: its lines are at or below the stamp, so skipped)."""
        storage = self._storage()
        data = dict(storage.peek() or {})  # the parsed file is shared: new tables only
        data["articles"] = {str(i): row for i, row in enumerate(self._disk.values(), 1)}
        data["journal"] = {"1": {"n": n}}
        storage.write_tables(data)
        index_log.remove(self.layout.index_log)

    def resolve(self, ref: str, exists: Callable[[str], bool]) -> str:
        """The article id for a full id, a unique id prefix or an exact source."""
        ref = str(ref).strip()
        if ID_RE.match(ref) and (self.known(ref) or exists(ref)):
            return ref
        rows = self.rows()
        matches = [a for a in rows if a.startswith(ref)] if ref else []
        if not matches:
            matches = [a for a, s in rows.items() if s.get("source") == ref]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFound(
                f"no article matches '{one_line(ref, 80)}' in workspace {self.layout.root}"
            )
        raise NotFound(
            f"article '{one_line(ref, 80)}' is ambiguous: {', '.join(m[:12] for m in matches[:8])}"
        )

    def claim_ids(self, aid: str) -> list[str] | None:
        """Live and orphaned claim ids of a listed article (None when not listed)."""
        row = self.rows().get(aid)
        if row is None:
            return None
        return ids_of(row)


def stamp_of(raw: dict[str, Any]) -> int:
    """The checkpoint ``index.json`` includes (0: written before the index log)."""
    n = first(raw.get("journal", {})).get("n", 0) if isinstance(raw.get("journal"), dict) else 0
    return n if isinstance(n, int) and not isinstance(n, bool) else 0
