"""The Workspace: articles, claims, verdicts and history on disk (see package docs)."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from ..config import Config
from ..errors import InputError, NotFound, StoreError, WorkspaceCorrupt, WorkspaceLocked
from ..models import (
    FINAL_STATUSES,
    STANCES,
    STATUSES,
    ArchiveSnapshot,
    Article,
    Change,
    Claim,
    Link,
    LinkCheck,
    Verdict,
)
from ..net.links import normalize_url
from ..text import one_line, strip_controls
from .reimport import plan_moves
from .results import ArticleSummary, ImportResult
from .storage import (
    AtomicJSONStorage,
    atomic_write,
    describe_os_error,
    encode_document,
    load_document,
)
from .undo_log import UndoLog

META = "workbench.json"
INDEX = "index.json"
ARTICLES = "articles"
UNDO = "undo.jsonl"
DIRTY = "dirty"
LOCK = "lock"
OWNER = "lock.owner"
OPEN_DBS = 64
"""Article files kept parsed in memory at once."""

_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_Q = Query()
Clock = Callable[[], str]
# A change computer mutates the verdict and returns (field, old, new) triples.
Mutation = Callable[[Verdict], list[tuple[str, Any, Any]]]


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _storage(db: TinyDB) -> AtomicJSONStorage:
    return cast(AtomicJSONStorage, db.storage)


def _table(db: TinyDB, name: str) -> Table:
    return db.table(name, cache_size=0)


class Workspace:
    """A workbench workspace folder. Open it with ``Workspace.open``."""

    def __init__(
        self,
        path: Path,
        reviewer: str,
        readonly: bool,
        clock: Clock,
        lock: FileLock | None,
    ) -> None:
        self._path = path
        self._reviewer = reviewer
        self._readonly = readonly
        self._clock = clock
        self._lock = lock
        self._dbs: OrderedDict[str, TinyDB] = OrderedDict()
        self._index_db: TinyDB | None = None
        self._summaries: dict[str, dict[str, Any]] | None = None
        self._dirty: set[str] = set()
        self._undo = UndoLog(path / UNDO, readonly)
        self._group: list[list[Any]] | None = None
        self._batch: tuple[contextlib.ExitStack, set[str]] | None = None
        self._closed = False

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        reviewer: str | None = None,
        readonly: bool = False,
        clock: Clock | None = None,
        wait: float = 0.0,
        create: bool = True,
    ) -> Workspace:
        """Open (or create) the workspace at ``path`` and take its lock.

        ``wait``: seconds to wait for a lock another process holds (0: fail at once;
        the CLI waits a little so two quick commands in a row do not collide).
        Raises WorkspaceLocked when another process holds it, WorkspaceCorrupt for
        a file or a foreign folder at ``path``, NotFound when ``readonly`` or not
        ``create`` and there is no workspace, StoreError when it cannot be created
        or locked.
        """
        p = Path(os.path.expanduser(os.fspath(path)))
        if p.exists() and not p.is_dir():
            raise WorkspaceCorrupt(
                f"{p} is a file, not a workbench workspace (a folder); refusing to touch it"
            )
        if not p.exists() or (not create and not (p / META).exists()):
            if readonly or not create:
                raise NotFound(f"no workspace at {p}; create one with `workbench add ARTICLE`")
            try:
                p.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create workspace {p}: {describe_os_error(exc)}") from exc
        meta = p / META
        if not meta.exists():
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
                raise NotFound(f"no workspace at {p}; create one with `workbench add ARTICLE`")
        lock = None if readonly else _acquire(p, wait)
        try:
            if meta.exists():
                load_document(meta, "workspace")
            else:
                _articles_dir(p)
                created = {"created_at": (clock or utc_now)(), "created_by": "workbench"}
                atomic_write(meta, encode_document({"workspace": {"1": created}}, "workspace"))
            if not readonly:
                _articles_dir(p)
        except BaseException:
            if lock is not None:
                _release(p, lock)
            raise
        name = one_line(Config(reviewer=reviewer).reviewer_name, limit=80) or "reviewer"
        return cls(p, name, readonly, clock or utc_now, lock)

    def close(self) -> None:
        """Bring the article index up to date and release the lock."""
        if self._closed:
            return
        try:
            if not self._readonly:
                self._flush_index()
        finally:
            self._closed = True
            if self._lock is not None:
                _release(self._path, self._lock)
                self._lock = None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    @property
    def readonly(self) -> bool:
        return self._readonly

    @property
    def reviewer(self) -> str:
        return self._reviewer

    # -- articles --------------------------------------------------------------

    def add_article(self, article: Article, claims: list[Claim]) -> ImportResult:
        """Store an article and its claims; re-import keeps, moves or orphans verdicts."""
        return self.add_articles([(article, claims)])[0]

    def add_articles(self, items: list[tuple[Article, list[Claim]]]) -> list[ImportResult]:
        """``add_article`` for many articles, with one index write at the end."""
        self._check_writable()
        for article, _ in items:
            _check_id(article.id, "article")
        summaries = self._load_index()
        results: list[ImportResult] = []
        updates: dict[str, dict[str, Any] | None] = {}
        try:
            for article, claims in items:
                result, summary = self._store_article(article, claims, summaries)
                results.append(result)
                summaries[article.id] = updates[article.id] = summary
                if result.replaced:
                    summaries.pop(result.replaced, None)
                    updates[result.replaced] = None
        finally:
            if updates:
                self._write_index(updates)
        return results

    def _store_article(
        self, article: Article, claims: list[Claim], summaries: dict[str, dict[str, Any]]
    ) -> tuple[ImportResult, dict[str, Any]]:
        claims = [
            c if c.article_id == article.id else replace(c, article_id=article.id) for c in claims
        ]
        now = self._clock()
        same = article.id in summaries or self._article_path(article.id).exists()
        old_id: str | None = None
        if not same and article.source not in ("", "-"):
            old_id = self._by_source(article.source)
        result = ImportResult(article.id, created=not same, replaced=old_id, claims=len(claims))
        source_id = article.id if same else old_id
        old_raw = self._raw(source_id) if source_id else {}
        old_article = _first(old_raw.get("article", {}))
        added_at = old_article.get("added_at", now) if same else now
        plan = plan_moves(
            _ordered(old_raw.get("claims", {})),
            old_raw.get("verdicts", {}).values(),
            claims,
            article.id,
        )
        result.kept, result.moved, result.orphaned = plan.kept, len(plan.moves), len(plan.orphans)
        history = [dict(r, article_id=article.id) for r in _ordered(old_raw.get("history", {}))]
        for old_cid, new_cid in plan.moves:
            history.append(
                self._row(0, article.id, new_cid, "claim_id", old_cid, new_cid, "import")
            )
        for cid in plan.orphans:
            history.append(self._row(0, article.id, cid, "orphaned", False, True, "import"))
        for i, row in enumerate(history, 1):
            row["seq"] = i
        tables = {
            "article": {"1": dict(article.to_dict(), added_at=added_at)},
            "claims": {str(i): c.to_dict() for i, c in enumerate(claims, 1)},
            "verdicts": {str(i): v for i, v in enumerate(plan.verdicts, 1)},
            "history": {str(r["seq"]): r for r in history},
        }
        self._db(article.id, create=True).storage.write(tables)
        return result, _summarize(tables)

    def _by_source(self, source: str) -> str | None:
        summaries = self._load_index()
        return next((a for a, s in summaries.items() if s.get("source") == source), None)

    def _write_index(self, updates: dict[str, dict[str, Any] | None]) -> None:
        """Upsert (or, for None, remove) index rows in one durable write."""
        index = self._index()
        with _storage(index).batch():
            data = index.storage.read() or {}
            table = data.setdefault("articles", {})
            ids = {doc.get("id"): key for key, doc in table.items()}
            next_id = max((int(k) for k in table), default=0) + 1
            for aid, summary in updates.items():
                key = ids.get(aid)
                if summary is None:
                    if key is not None:
                        del table[key]
                elif key is not None:
                    table[key] = summary
                else:
                    table[str(next_id)] = summary
                    next_id += 1
            index.storage.write(data)

    def articles(self) -> list[ArticleSummary]:
        """Every article with its review progress, in the order they were added."""
        summaries = self._load_index()
        for aid in list(self._dirty):
            if aid in summaries:
                with contextlib.suppress(NotFound):
                    summaries[aid] = _summarize(self._raw(aid))
        out = []
        for s in sorted(summaries.values(), key=lambda s: (s.get("added_at", ""), s["id"])):
            out.append(
                ArticleSummary(
                    id=s["id"],
                    title=s.get("title", ""),
                    source=s.get("source", ""),
                    fetched_at=s.get("fetched_at"),
                    added_at=s.get("added_at", ""),
                    claims=s.get("claims", 0),
                    counts=dict(s.get("counts", {})),
                    reviewed=s.get("reviewed", 0),
                    updated_at=s.get("updated_at", ""),
                    orphaned=len(s.get("orphan_ids", [])),
                )
            )
        return out

    def article(self, ref: str) -> Article:
        """The article with this full id, unique id prefix or exact source."""
        aid = self._resolve_article(ref)
        doc = _first(self._raw(aid).get("article", {}))
        return Article.from_dict(doc)

    def claims(self, article_id: str) -> list[Claim]:
        aid = self._resolve_article(article_id)
        return [Claim.from_dict(c) for c in _ordered(self._raw(aid).get("claims", {}))]

    def verdicts(self, article_id: str) -> dict[str, Verdict]:
        """Claim id -> Verdict for every claim (defaults included), plus orphans."""
        aid = self._resolve_article(article_id)
        raw = self._raw(aid)
        stored = {v["claim_id"]: v for v in raw.get("verdicts", {}).values()}
        out: dict[str, Verdict] = {}
        for claim in _ordered(raw.get("claims", {})):
            doc = stored.pop(claim["id"], None)
            out[claim["id"]] = Verdict.from_dict(doc) if doc else Verdict(claim["id"], aid)
        for cid, doc in stored.items():
            verdict = Verdict.from_dict(doc)
            verdict.orphaned = True
            out[cid] = verdict
        return out

    def orphans(self, article_id: str) -> list[tuple[Verdict, Claim | None]]:
        """The article's orphaned verdicts with the claim they were made on (as it was
        when the re-import removed it; None when that is not known), oldest first."""
        aid = self._resolve_article(article_id)
        raw = self._raw(aid)
        live = {c["id"] for c in raw.get("claims", {}).values()}
        out: list[tuple[Verdict, Claim | None]] = []
        for doc in _ordered(raw.get("verdicts", {})):
            if doc.get("claim_id") in live:
                continue
            verdict = Verdict.from_dict({k: v for k, v in doc.items() if k != "claim"})
            verdict.orphaned = True
            claim = None
            if isinstance(doc.get("claim"), dict):
                with contextlib.suppress(TypeError, ValueError, KeyError):
                    claim = Claim.from_dict(dict(doc["claim"], article_id=aid))
            out.append((verdict, claim))
        return out

    def verdict(self, article_id: str, claim_id: str) -> Verdict:
        aid = self._resolve_article(article_id)
        raw = self._raw(aid)
        doc = _find_verdict(raw, claim_id)
        if doc is not None:
            return Verdict.from_dict(doc)
        if not any(c["id"] == claim_id for c in raw.get("claims", {}).values()):
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        return Verdict(claim_id, aid)

    def resolve_claim(self, ref: str) -> tuple[str, str]:
        """(article id, claim id) for a unique claim-id prefix across the workspace."""
        text = one_line(ref, 80).lower()
        if ":" in text:  # "ARTICLE:CLAIM" narrows the search to one article
            art_ref, _, text = text.partition(":")
            scope = [self._resolve_article(art_ref)]
        else:
            scope = None
        if not re.fullmatch(r"[0-9a-f]{1,40}", text):
            raise NotFound(f"'{text}' is not a claim id (claim ids are hex digits, e.g. 3fa2c1)")
        summaries = self._load_index()
        found: list[tuple[str, str]] = []
        for aid in scope or list(summaries):
            if aid in summaries:
                row = summaries[aid]
                ids = [*row.get("claim_ids", []), *row.get("orphan_ids", [])]
            else:
                raw = self._raw(aid)
                ids = [c["id"] for c in raw.get("claims", {}).values()]
                ids += [v["claim_id"] for v in raw.get("verdicts", {}).values()]
                ids = list(dict.fromkeys(ids))
            found.extend((aid, cid) for cid in ids if cid.startswith(text))
        if not found:
            raise NotFound(f"no claim id starts with '{text}'")
        if len(found) > 1:
            shown = ", ".join(f"{cid} (article {aid[:8]})" for aid, cid in found[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            raise NotFound(f"claim id '{text}' is ambiguous: {shown}{more}; type more characters")
        return found[0]

    # -- edits -------------------------------------------------------------------

    def set_status(self, article_id: str, claim_id: str, status: str) -> Verdict:
        status = _check_status(status)

        def mutate(v: Verdict) -> list[tuple[str, Any, Any]]:
            old, v.status = v.status, status
            return [("status", old, status)]

        return self._edit(article_id, claim_id, mutate)

    def set_note(self, article_id: str, claim_id: str, note: str) -> Verdict:
        clean = strip_controls(str(note)).replace("\r\n", "\n").replace("\r", "\n")

        def mutate(v: Verdict) -> list[tuple[str, Any, Any]]:
            old, v.note = v.note, clean
            return [("note", old, clean)]

        return self._edit(article_id, claim_id, mutate)

    def add_link(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        title: str = "",
        stance: str | None = None,
    ) -> Verdict:
        """Attach an evidence link (LinkError for anything but absolute http/https).

        The same URL again updates that link: its stance only when one is given (a new
        link defaults to "context"), its title only when a new one is given.
        """
        norm = normalize_url(url)
        given = _check_stance(stance) if stance is not None else None
        clean_title = one_line(title, limit=300)
        now = self._clock()

        def mutate(v: Verdict) -> list[tuple[str, Any, Any]]:
            old = _links(v)
            for link in v.links:
                if link.url == norm:
                    link.title = clean_title or link.title
                    link.stance = given or link.stance
                    break
            else:
                v.links.append(
                    Link(url=norm, title=clean_title, stance=given or "context", added_at=now)
                )
            return [("links", old, _links(v))]

        return self._edit(article_id, claim_id, mutate)

    def remove_link(self, article_id: str, claim_id: str, url: str) -> Verdict:
        norm = _norm_or_raw(url)

        def mutate(v: Verdict) -> list[tuple[str, Any, Any]]:
            old = _links(v)
            keep = [link for link in v.links if link.url not in (norm, url)]
            if len(keep) == len(v.links):
                raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")
            v.links = keep
            return [("links", old, _links(v))]

        return self._edit(article_id, claim_id, mutate)

    def set_link_check(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        check: LinkCheck | dict[str, Any] | None = None,
        archive: ArchiveSnapshot | dict[str, Any] | None = None,
    ) -> Verdict:
        """Store a link check / archive lookup (recorded in history, not undoable).

        The check kept is ``merge_check(old, check)`` (``Link.apply_check``): a
        refused check never replaces an earlier real one.
        """
        norm = _norm_or_raw(url)

        def mutate(v: Verdict) -> list[tuple[str, Any, Any]]:
            for link in v.links:
                if link.url in (norm, url):
                    old = link.check_row()
                    link.apply_check(check, archive)
                    return [("link_check", old, link.check_row())]
            raise NotFound(f"claim {claim_id} has no link {one_line(url, 80)}")

        return self._edit(article_id, claim_id, mutate, action="check", undoable=False)

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """Make every edit inside the block one undo step and one write per article
        (e.g. status + note + link from ``workbench mark``: all saved or none)."""
        if self._group is not None:
            yield
            return
        self._group = []
        try:
            with self._atomic():
                yield
            rows = self._group
        finally:
            self._group = None
        if rows:
            self._undo.record({"op": "do", "g": uuid.uuid4().hex[:12], "rows": rows})

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """Hold every article file touched inside the block in one storage batch."""
        if self._batch is not None:
            yield
            return
        with contextlib.ExitStack() as stack:
            self._batch = (stack, set())
            try:
                yield
            finally:
                self._batch = None

    # -- undo / redo -------------------------------------------------------------

    def can_undo(self) -> bool:
        return self._top(self._undo.undo_stack()) is not None

    def can_redo(self) -> bool:
        return self._top(self._undo.redo_stack()) is not None

    def undo(self) -> list[Change]:
        """Revert the last step; returns the changes made ([] if nothing to undo)."""
        self._check_writable()
        entry = self._top(self._undo.undo_stack())
        if entry is None:
            return []
        changes = self._replay(entry, "undo")
        self._undo.record({"op": "undo", "g": entry["g"]})
        return changes

    def redo(self) -> list[Change]:
        self._check_writable()
        entry = self._top(self._undo.redo_stack())
        if entry is None:
            return []
        changes = self._replay(entry, "redo")
        self._undo.record({"op": "redo", "g": entry["g"]})
        return changes

    # -- history and low-level writes ------------------------------------------

    def history(
        self, article_id: str | None = None, claim_id: str | None = None, limit: int | None = None
    ) -> list[Change]:
        """History rows, oldest first (of one article / claim, or of everything)."""
        aids = [self._resolve_article(article_id)] if article_id else list(self._load_index())
        rows: list[Change] = []
        for aid in aids:
            for doc in _ordered(self._raw(aid).get("history", {})):
                if claim_id is None or doc.get("claim_id") == claim_id:
                    rows.append(Change.from_dict(doc))
        if len(aids) > 1:
            rows.sort(key=lambda c: (c.at, c.article_id, c.seq))
        if limit is not None:
            rows = rows[-limit:] if limit > 0 else []
        return rows

    def put_verdict(
        self, article_id: str, verdict: Verdict, action: str = "import", record: bool = True
    ) -> None:
        """Write a whole verdict (JSON import / merge); history rows record each field.

        ``record=False`` restores a verdict exactly (reviewer, time, orphaned flag) and
        writes no history rows: for an import whose history rows are restored with
        ``append_history``, so the round trip adds nothing of its own.
        """
        status = _check_status(verdict.status)
        links = [
            Link.from_dict(dict(link.to_dict(), url=normalize_url(link.url)))
            for link in verdict.links
        ]
        for link in links:
            _check_stance(link.stance)
        note = strip_controls(verdict.note)

        def mutate(v: Verdict) -> list[tuple[str, Any, Any]]:
            out: list[tuple[str, Any, Any]] = []
            if v.status != status:
                out.append(("status", v.status, status))
                v.status = status
            if v.note != note:
                out.append(("note", v.note, note))
                v.note = note
            if _links(v) != [link.to_dict() for link in links]:
                out.append(("links", _links(v), [link.to_dict() for link in links]))
                v.links = links
            return out

        if not record:
            self._restore_verdict(article_id, verdict, status, note, links)
            return
        self._edit(
            article_id,
            verdict.claim_id,
            mutate,
            action=action,
            undoable=False,
            reviewer=one_line(verdict.reviewer, 80) or None,
            at=verdict.updated_at or None,
            allow_orphan=True,
        )

    def _restore_verdict(
        self, article_id: str, verdict: Verdict, status: str, note: str, links: list[Link]
    ) -> None:
        """Write a verdict as given, with no history row (see ``put_verdict``)."""
        self._check_writable()
        _check_id(verdict.claim_id, "claim")
        aid = self._resolve_article(article_id)
        db = self._db(aid)
        if self._batch is not None and aid not in self._batch[1]:
            self._batch[0].enter_context(_storage(db).batch())
            self._batch[1].add(aid)
        raw = db.storage.read() or {}
        known = any(c["id"] == verdict.claim_id for c in raw.get("claims", {}).values())
        doc = _find_verdict(raw, verdict.claim_id)
        restored = Verdict(
            claim_id=verdict.claim_id,
            article_id=aid,
            status=status,
            note=note,
            links=links,
            reviewer=one_line(verdict.reviewer, 80),
            updated_at=one_line(verdict.updated_at, 40),
            orphaned=not known,
        )
        new_doc = restored.to_dict()
        if doc and "claim" in doc:
            new_doc["claim"] = doc["claim"]
        self._mark_dirty(aid)
        _table(db, "verdicts").upsert(new_doc, _Q.claim_id == verdict.claim_id)

    def append_history(self, changes: list[Change]) -> None:
        """Append rows from another workspace's history (renumbered per article)."""
        self._check_writable()
        by_article: dict[str, list[Change]] = {}
        for change in changes:
            by_article.setdefault(self._resolve_article(change.article_id), []).append(change)
        for aid, rows in by_article.items():
            db = self._db(aid)
            history = _table(db, "history")
            self._mark_dirty(aid)
            with _storage(db).batch():
                start = len(history) + 1
                docs = [
                    Document(dict(c.to_dict(), seq=start + i, article_id=aid), doc_id=start + i)
                    for i, c in enumerate(rows)
                ]
                history.insert_multiple(docs)

    # -- internals -----------------------------------------------------------------

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError(f"workspace {self._path} is closed")
        if self._readonly:
            raise StoreError(f"workspace {self._path} is open read-only; changes are not allowed")

    def _article_path(self, aid: str) -> Path:
        return self._path / ARTICLES / f"{aid}.json"

    def _db(self, aid: str, create: bool = False) -> TinyDB:
        db = self._dbs.get(aid)
        if db is not None:
            self._dbs.move_to_end(aid)
            return db
        _check_id(aid, "article")
        path = self._article_path(aid)
        if not create and not path.exists():
            raise NotFound(f"no article {aid} in workspace {self._path}")
        db = TinyDB(path, storage=AtomicJSONStorage, kind="article", readonly=self._readonly)
        db.storage.read()  # validates the file now: WorkspaceCorrupt
        self._dbs[aid] = db
        while len(self._dbs) > OPEN_DBS and self._batch is None:
            self._dbs.popitem(last=False)
        return db

    def _raw(self, aid: str) -> dict[str, Any]:
        """The article's tables, for reading only (parsed once per durable state)."""
        return _storage(self._db(aid)).peek() or {}

    def _index(self) -> TinyDB:
        if self._index_db is None:
            self._index_db = TinyDB(
                self._path / INDEX, storage=AtomicJSONStorage, kind="index", readonly=self._readonly
            )
        return self._index_db

    def _load_index(self) -> dict[str, dict[str, Any]]:
        if self._summaries is None:
            raw = self._index().storage.read() or {}
            self._summaries = {d["id"]: d for d in raw.get("articles", {}).values()}
            self._dirty |= {a for a in _read_lines(self._path / DIRTY) if _ID_RE.match(a)}
        return self._summaries

    def _mark_dirty(self, aid: str) -> None:
        """Note (durably, once per article per session) that its summary is stale."""
        if aid in self._dirty:
            return
        try:
            with open(self._path / DIRTY, "a", encoding="utf-8") as fh:
                fh.write(aid + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise StoreError(
                f"cannot write to workspace {self._path}: {describe_os_error(exc)}"
            ) from exc
        self._dirty.add(aid)

    def _flush_index(self) -> None:
        if not self._dirty and not (self._path / DIRTY).exists():
            return
        summaries = self._load_index()
        updates: dict[str, dict[str, Any] | None] = {}
        for aid in sorted(self._dirty):
            if aid in summaries and self._article_path(aid).exists():
                summaries[aid] = updates[aid] = _summarize(self._raw(aid))
        if updates:
            self._write_index(updates)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._path / DIRTY)
        self._dirty.clear()

    def _resolve_article(self, ref: str) -> str:
        ref = str(ref).strip()
        if _ID_RE.match(ref) and (
            ref in self._dbs
            or (self._summaries is not None and ref in self._summaries)
            or self._article_path(ref).exists()
        ):
            return ref
        summaries = self._load_index()
        matches = [a for a in summaries if a.startswith(ref)] if ref else []
        if not matches:
            matches = [a for a, s in summaries.items() if s.get("source") == ref]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFound(f"no article matches '{one_line(ref, 80)}' in workspace {self._path}")
        raise NotFound(
            f"article '{one_line(ref, 80)}' is ambiguous: {', '.join(m[:12] for m in matches[:8])}"
        )

    def _row(
        self,
        seq: int,
        aid: str,
        cid: str,
        field: str,
        old: Any,
        new: Any,
        action: str,
        reviewer: str | None = None,
        at: str | None = None,
    ) -> dict[str, Any]:
        return Change(
            seq, aid, cid, field, old, new, reviewer or self._reviewer, at or self._clock(), action
        ).to_dict()

    def _edit(
        self,
        article_id: str,
        claim_id: str,
        mutate: Mutation,
        action: str = "edit",
        undoable: bool = True,
        reviewer: str | None = None,
        at: str | None = None,
        allow_orphan: bool = False,
    ) -> Verdict:
        """Apply one verdict change and its history rows in a single durable write."""
        self._check_writable()
        aid = self._resolve_article(article_id)
        db = self._db(aid)
        if self._batch is not None and aid not in self._batch[1]:
            self._batch[0].enter_context(_storage(db).batch())
            self._batch[1].add(aid)
        raw = _storage(db).peek() or {}
        doc = _find_verdict(raw, claim_id)
        known = any(c["id"] == claim_id for c in raw.get("claims", {}).values())
        if doc is None and not known and not allow_orphan:
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        verdict = Verdict.from_dict(doc) if doc else Verdict(claim_id, aid)
        if not known:
            verdict.orphaned = True
        changes = [(f, o, n) for f, o, n in mutate(verdict) if o != n]
        if not changes:
            return verdict
        now = at or self._clock()
        verdict.reviewer = reviewer or self._reviewer
        verdict.updated_at = now
        self._mark_dirty(aid)
        history = _table(db, "history")
        start = len(raw.get("history", {})) + 1
        rows = [
            self._row(start + i, aid, claim_id, f, o, n, action, reviewer, now)
            for i, (f, o, n) in enumerate(changes)
        ]
        new_doc = verdict.to_dict()
        if doc and "claim" in doc:
            new_doc["claim"] = doc["claim"]
        with _storage(db).batch():
            _table(db, "verdicts").upsert(new_doc, _Q.claim_id == claim_id)
            history.insert_multiple([Document(r, doc_id=r["seq"]) for r in rows])
        if undoable:
            refs = [[aid, r["seq"]] for r in rows]
            if self._group is not None:
                self._group.extend(refs)
            else:
                self._undo.record({"op": "do", "g": uuid.uuid4().hex[:12], "rows": refs})
        return verdict

    def _top(self, stack: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The last step whose articles still exist (steps on replaced ones are skipped)."""
        while stack:
            entry = stack[-1]
            aids = {a for a, _ in entry["rows"]}
            if all(self._live(a) for a in aids):
                return entry
            self._undo.drop(entry["g"])
        return None

    def _live(self, aid: str) -> bool:
        return isinstance(aid, str) and _ID_RE.match(aid) is not None and aid in self._load_index()

    def _replay(self, entry: dict[str, Any], action: str) -> list[Change]:
        """Apply a step's old values (undo) or new values (redo), claim by claim."""
        per_claim: dict[tuple[str, str], dict[str, Any]] = {}
        by_article: dict[str, list[int]] = {}
        for aid, seq in entry["rows"]:
            by_article.setdefault(aid, []).append(seq)
        ordered: list[dict[str, Any]] = []
        for aid, seqs in by_article.items():
            history = self._raw(aid).get("history", {})
            ordered.extend(history[str(s)] for s in seqs if str(s) in history)
        if action == "undo":
            ordered.reverse()
        for row in ordered:
            value = row["old"] if action == "undo" else row["new"]
            per_claim.setdefault((row["article_id"], row["claim_id"]), {})[row["field"]] = value
        out: list[Change] = []
        with self._atomic():
            out = self._replay_claims(per_claim, action)
        return out

    def _replay_claims(
        self, per_claim: dict[tuple[str, str], dict[str, Any]], action: str
    ) -> list[Change]:
        out: list[Change] = []
        for (aid, cid), fields in per_claim.items():
            before = len(self._raw(aid).get("history", {}))

            def mutate(v: Verdict, fields: dict[str, Any] = fields) -> list[tuple[str, Any, Any]]:
                changes: list[tuple[str, Any, Any]] = []
                for name, value in fields.items():
                    if name == "status":
                        changes.append(("status", v.status, value))
                        v.status = value
                    elif name == "note":
                        changes.append(("note", v.note, value))
                        v.note = value
                    elif name == "links":
                        changes.append(("links", _links(v), value))
                        v.links = [Link.from_dict(d) for d in value]
                return changes

            self._edit(aid, cid, mutate, action=action, undoable=False, allow_orphan=True)
            history = self._raw(aid).get("history", {})
            out.extend(
                Change.from_dict(history[k]) for k in sorted(history, key=int) if int(k) > before
            )
        return out


# -- helpers --------------------------------------------------------------------------


def _acquire(path: Path, wait: float = 0.0) -> FileLock:
    lock = FileLock(str(path / LOCK), timeout=max(0.0, float(wait)))
    try:
        lock.acquire()
    except Timeout:
        owner = ""
        with contextlib.suppress(OSError, UnicodeDecodeError):
            owner = one_line((path / OWNER).read_text(encoding="utf-8"), 120)
        holder = f" ({owner})" if owner else ""
        raise WorkspaceLocked(
            f"workspace {path} is in use by another workbench{holder}; "
            "close it first, or open the workspace read-only"
        ) from None
    except OSError as exc:
        raise StoreError(
            f"cannot lock workspace {path}: {describe_os_error(exc)}; "
            "if the folder is read-only, open the workspace read-only"
        ) from exc
    with contextlib.suppress(OSError):
        (path / OWNER).write_text(
            f"pid {os.getpid()} on {socket.gethostname()} since {utc_now()}", encoding="utf-8"
        )
    return lock


def _articles_dir(root: Path) -> None:
    """Make sure ``root/articles`` is a folder: WorkspaceCorrupt / StoreError otherwise."""
    folder = root / ARTICLES
    if folder.exists() and not folder.is_dir():
        raise WorkspaceCorrupt(
            f"{folder} is a file, not the workspace's articles folder; refusing to touch it "
            "(move it away, then run `workbench doctor`)"
        )
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create {folder}: {describe_os_error(exc)}") from exc


def _release(path: Path, lock: FileLock) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path / OWNER)
    with contextlib.suppress(OSError):
        lock.release()


def _check_id(value: str, what: str) -> None:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise InputError(f"invalid {what} id '{one_line(str(value), 40)}'")


def _check_status(status: str) -> str:
    value = str(status).strip().lower().replace("-", "_").replace(" ", "_")
    if value not in STATUSES:
        raise InputError(
            f"unknown status '{one_line(str(status), 40)}'; use one of: {', '.join(STATUSES)}"
        )
    return value


def _check_stance(stance: str) -> str:
    value = str(stance).strip().lower()
    if value not in STANCES:
        raise InputError(
            f"unknown stance '{one_line(str(stance), 40)}'; use one of: {', '.join(STANCES)}"
        )
    return value


def _norm_or_raw(url: str) -> str:
    try:
        return normalize_url(url)
    except InputError:
        return url


def _links(v: Verdict) -> list[dict[str, Any]]:
    return [link.to_dict() for link in v.links]


def _first(table: dict[str, Any]) -> dict[str, Any]:
    return next(iter(table.values()), {}) if table else {}


def _ordered(table: dict[str, Any]) -> list[dict[str, Any]]:
    return [table[k] for k in sorted(table, key=int)]


def _find_verdict(raw: dict[str, Any], claim_id: str) -> dict[str, Any] | None:
    for doc in raw.get("verdicts", {}).values():
        if doc.get("claim_id") == claim_id:
            return dict(doc)
    return None


def _read_lines(path: Path) -> list[str]:
    try:
        return [
            line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
        ]
    except (OSError, UnicodeDecodeError):
        return []


def _summarize(tables: dict[str, Any]) -> dict[str, Any]:
    """The index row of one article, computed from its file's tables."""
    art = _first(tables.get("article", {}))
    claim_ids = [c["id"] for c in _ordered(tables.get("claims", {}))]
    live = set(claim_ids)
    status = {
        v["claim_id"]: v.get("status", "unreviewed")
        for v in tables.get("verdicts", {}).values()
        if not v.get("orphaned")
    }
    counts = dict.fromkeys(STATUSES, 0)
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
        "reviewed": sum(counts.get(s, 0) for s in FINAL_STATUSES),
        "updated_at": max([added, *times]),
        "claim_ids": claim_ids,
        "orphan_ids": [
            v["claim_id"]
            for v in _ordered(tables.get("verdicts", {}))
            if v.get("claim_id") not in live
        ],
    }
