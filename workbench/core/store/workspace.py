"""The folder engine: a ``Store`` on a workspace folder of small TinyDB files.

``Workspace`` holds the objects that do the work and implements the ``Store``
protocol (interface.py) on top of them:

- ``Layout`` / ``WriterLock`` (layout.py): the files of the folder and its lock;
- ``ArticleFiles`` (article_file.py): one article's file each, parsed lazily;
- ``ArticleIndex`` (index.py): the summary rows and claim ids of every article;
- ``UndoSteps`` (replay.py) over ``UndoLog`` (undo_log.py): undo/redo;
- edits.py: the verdict changes themselves, shared with every engine.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError, NotFound, StoreError, WorkbenchError
from ..models import ArchiveSnapshot, Article, Change, Claim, LinkCheck, Verdict
from ..text import one_line
from ..vocabulary import Field
from . import edits
from .article_file import ArticleFile, ArticleFiles, Tables, first, ordered
from .claim_map import ClaimMap
from .claim_map import remove as remove_claim_map
from .index import ArticleIndex, Summary, ids_of, summarize, was_removed
from .journal import Journal
from .layout import Clock, Layout, WriterLock, check_id, lock_is_free, utc_now
from .replay import UndoSteps, new_step, values_to_set
from .results import ArticleSummary, ImportResult
from .storage import MANY_AT_ONCE, AtomicJSONStorage, describe_os_error, fsync_dir
from .undo_log import UndoLog
from .watch import ChangeCounter, Watcher

Mutation = edits.Mutation
Orphans = list[tuple[Verdict, Claim | None]]
ReportParts = tuple[Article, list[Claim], dict[str, Verdict], list[Change], Orphans]


class Workspace:
    """A workbench workspace folder. Open it with ``Workspace.open`` (or ``open_store``)."""

    def __init__(
        self, layout: Layout, reviewer: str, readonly: bool, clock: Clock, lock: WriterLock
    ) -> None:
        self._layout = layout
        self._path = layout.root
        self._reviewer = reviewer
        self._readonly = readonly
        self._clock = clock
        self._lock = lock
        self._group: list[list[Any]] | None = None
        self._txn: _Txn | None = None
        self._load_state()
        self._added: list[list[Any]] = []
        """Articles a group added (its undo step may name articles not yet indexed)."""
        self._counter = ChangeCounter(layout.changes)
        self._watcher: Watcher | None = None
        self._stale = False
        """Set by the watcher thread when another process changed the workspace."""
        self._closed = False

    def _load_state(self) -> None:
        """(Re)read the journal and forget every cached file, row and undo step."""
        readonly = self._readonly
        self._journal = Journal(self._layout.journal, readonly)
        journal = self._journal
        self._files = ArticleFiles(
            self._layout, readonly, journal.ops_for, None if readonly else self._sink
        )
        self._index = ArticleIndex(self._layout, readonly, journal.index_updates, journal.touched)
        self._claim_map = ClaimMap(self._layout.root)
        self._undo = UndoLog(self._layout.undo, readonly, journal.undo_records)
        self._steps = UndoSteps(self._undo, self._live)

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

        ``reviewer``: who makes the changes (the caller reads it from the config;
        None gives "reviewer"). ``wait``: seconds to wait for a lock another process
        holds (0: fail at once). Raises WorkspaceLocked when another process holds
        it, WorkspaceCorrupt for a file or a foreign folder at ``path``, NotFound when
        ``readonly`` or not ``create`` and there is no workspace, StoreError when it
        cannot be created or locked.
        """
        layout = Layout.locate(path, readonly, create)
        lock = WriterLock(layout)
        if not readonly:
            lock.acquire(wait)
        try:
            layout.prepare(readonly, clock or utc_now)
            if not readonly:
                layout.clean_temp_files()
        except BaseException:
            lock.release()
            raise
        name = one_line(reviewer or "", limit=80) or "reviewer"
        ws = cls(layout, name, readonly, clock or utc_now, lock)
        if not readonly and ws._journal.damage:  # writing would bury it: doctor first
            lock.release()
            ws._journal.refuse_if_damaged()
        if not readonly and ws._journal.due():  # a long journal (sessions, a crash)
            with contextlib.suppress(StoreError):
                ws.checkpoint()
        return ws

    def close(self) -> None:
        """Release the lock (after a checkpoint when one is due)."""
        if self._closed:
            return
        try:
            if self._watcher is not None:
                self._watcher.stop()
            if not self._readonly and self._journal.due():
                # Only when due: closing costs nothing whatever the size of the
                # workspace (the next session reads the short journal). Best effort:
                # every change is durable in the journal already, so a failure here
                # (a full disk) loses nothing; the next writer retries.
                with contextlib.suppress(StoreError):
                    self.checkpoint()
        finally:
            self._closed = True
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def location(self) -> str:
        return str(self._path)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def readonly(self) -> bool:
        return self._readonly

    @property
    def damage(self) -> str | None:
        """Why a change in the write-ahead journal cannot be read (None: sound); the
        rest is read, a writer refuses until ``workbench doctor --restore``."""
        return self._journal.damage

    @property
    def reviewer(self) -> str:
        return self._reviewer

    # -- other processes -----------------------------------------------------------

    def watch(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener()`` (from a background thread) whenever another process
        changes the workspace; returns the function that stops it."""
        if self._watcher is None:
            self._watcher = Watcher(self._counter, self._on_outside_change)
        return self._watcher.add(listener)

    def _on_outside_change(self) -> None:
        self._stale = True

    def _refresh(self) -> None:
        """Drop cached state when another process changed the workspace."""
        if self._stale and self._txn is None:
            self._stale = False
            self._load_state()

    def is_locked_by_other(self) -> bool:
        """True when this instance is read-only and another process holds the lock."""
        return self._readonly and not lock_is_free(self._layout)

    def try_become_writer(self) -> bool:
        """A read-only instance takes the lock when it is free; True when it now writes."""
        if not self._readonly:
            return True
        if self._closed:
            raise StoreError(f"workspace {self._path} is closed")
        try:
            self._lock.acquire(0.0)
        except StoreError:
            return False
        self._readonly = False
        self._layout.articles_dir()
        self._layout.clean_temp_files()
        self._load_state()
        self._stale = False
        return True

    def checkpoint(self) -> None:
        """Write the journal's changes into the article files, the index and the undo
        journal, then start a new journal (done by itself every few hundred changes)."""
        self._check_writable()
        journal = self._journal
        journal.refuse_if_damaged()
        n = journal.last
        if n == journal.base and not self._index.dirty and not self._layout.dirty.exists():
            return
        pending = journal.index_updates()
        written: dict[str, Summary] = {}
        batch: list[tuple[ArticleFile, Tables]] = []
        _touch(self._layout.checkpointing)  # temp files in articles/ from here on
        for aid in journal.touched():
            try:
                file = self._files.get(aid)
            except NotFound:
                continue
            tables = file.checkpoint_tables(n)
            if tables is not None:
                batch.append((file, tables))
            if file.tables():  # its row, while it is at hand
                written[aid] = summarize(file.tables())
            if len(batch) >= MANY_AT_ONCE:
                _write_files(batch)
        _write_files(batch)
        fsync_dir(self._layout.articles)  # every renamed file durable before the journal goes
        index = self._index
        rows, progress = index.checkpoint_rows(self._tables, self._files.exists, pending, written)
        if self._claim_map.fresh(journal.base):
            # before the index: the claim ids before are the index's (a crash after
            # this applies the same changes again, which is harmless); its stamp follows
            # the checkpoint even when no id changed
            try:
                self._claim_map.update(index.id_changes(rows), n)
            except StoreError:  # derived data: unusable now, rebuilt when next needed
                remove_claim_map(self._layout.root)
                self._claim_map.forget()
        index.commit(n, rows, progress)
        self._undo.undo_stack()  # its highest journal number: what the file holds already
        self._undo.append_durable(journal.undo_records(self._undo.max_n))
        journal.reset(n)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self._layout.checkpointing)

    # -- articles --------------------------------------------------------------

    def add_article(self, article: Article, claims: list[Claim]) -> ImportResult:
        """Store an article and its claims; re-import keeps, moves or orphans verdicts."""
        return self.add_articles([(article, claims)])[0]

    def add_articles(self, items: list[tuple[Article, list[Claim]]]) -> list[ImportResult]:
        """``add_article`` for many articles, with one index write at the end."""
        self._check_writable()
        for article, _ in items:
            check_id(article.id, "article")
        rows = self._index.rows()
        results: list[ImportResult] = []
        with self._atomic():
            for article, claims in items:
                result, summary = self._store_article(article, claims, rows)
                results.append(result)
                updates: dict[str, Summary | None] = {article.id: summary}
                if result.replaced:
                    updates[result.replaced] = None
                self._write_index(updates)
        return results

    def _write_index(self, updates: dict[str, Summary | None]) -> None:
        """Index rows, saved with the current change (journal) and shown at once."""
        assert self._txn is not None
        self._txn.index.update(updates)
        self._index.update(updates)

    def _store_article(
        self, article: Article, claims: list[Claim], rows: dict[str, Summary]
    ) -> tuple[ImportResult, Summary]:
        claims = [
            c if c.article_id == article.id else replace(c, article_id=article.id) for c in claims
        ]
        now = self._clock()
        # its file may exist unlisted (removed, or an import undone), maybe in the journal
        # only: an import then keeps its verdicts and history (was: new tables over them)
        listed = article.id in rows
        same = listed or self._files.exists(article.id)
        old_id: str | None = None
        if not same and article.source not in ("", "-"):
            old_id = self._index.by_source(article.source)
        source_id = article.id if same else old_id
        old = self._tables(source_id) if source_id else {}
        old_article = first(old.get("article", {}))
        added_at = old_article.get("added_at", now) if same else now
        old_claims = ordered(old.get("claims", {}))
        claims, dropped = _carry_reviewer_claims(old_claims, claims, article)
        from .reimport import plan_moves  # only imports use it

        plan = plan_moves(
            old_claims, old.get("verdicts", {}).values(), claims, article.id, keep=dropped
        )
        result = ImportResult(article.id, created=not same, replaced=old_id, claims=len(claims))
        result.kept, result.moved, result.orphaned = plan.kept, len(plan.moves), len(plan.orphans)
        history = [dict(r, article_id=article.id) for r in ordered(old.get("history", {}))]
        for old_cid, new_cid in plan.moves:
            history.append(
                self._row(0, article.id, new_cid, "claim_id", old_cid, new_cid, "import")
            )
        for cid in plan.orphans:
            history.append(self._row(0, article.id, cid, "orphaned", False, True, "import"))
        if same and not listed and was_removed(history):  # listed again: its history says so
            title = one_line(article.title, 300) or article.id
            history.append(self._row(0, article.id, "", Field.ARTICLE, None, title, "import"))
        for i, row in enumerate(history, 1):
            row["seq"] = i
        tables = {
            "article": {"1": dict(article.to_dict(), added_at=added_at)},
            "claims": {str(i): c.to_dict() for i, c in enumerate(claims, 1)},
            "verdicts": {str(i): v for i, v in enumerate(plan.verdicts, 1)},
            "history": {str(r["seq"]): r for r in history},
        }
        file = self._files.get(article.id, create=True)
        file.write(tables)
        if self._group is not None and not listed:  # part of an undoable import
            self._added.append([article.id, old_id])
        return result, summarize(tables)

    def articles(self) -> list[ArticleSummary]:
        """Every article with its review progress, in the order they were added."""
        self._refresh()
        rows = self._index.fresh(self._tables)
        out = []
        for s in sorted(rows.values(), key=lambda s: (s.get("added_at", ""), s["id"])):
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
        self._refresh()
        aid = self._resolve_article(ref)
        return Article.from_dict(self._files.get(aid).article_row())

    def article_tables(self, article_id: str) -> Tables:
        """The rows of one article as stored (tables ``article``, ``claims``,
        ``verdicts``, ``history``; the journal's changes applied), for bulk readers
        such as the JSON export: one read, no model objects. Read only: never change
        what this returns."""
        self._refresh()
        return self._files.read(self._resolve_article(article_id))

    def claims(self, article_id: str) -> list[Claim]:
        self._refresh()
        aid = self._resolve_article(article_id)
        return [Claim.from_dict(c) for c in self._files.get(aid).claim_rows()]

    def verdicts(self, article_id: str) -> dict[str, Verdict]:
        """Claim id -> Verdict for every claim (defaults included), plus orphans."""
        self._refresh()
        aid = self._resolve_article(article_id)
        return _verdicts_of(self._tables(aid), aid)

    def orphans(self, article_id: str) -> list[tuple[Verdict, Claim | None]]:
        """The article's orphaned verdicts with the claim they were made on (as it was
        when the re-import removed it; None when that is not known), oldest first."""
        self._refresh()
        aid = self._resolve_article(article_id)
        return _orphans_of(self._tables(aid), aid)

    def report_parts(self, article_id: str) -> ReportParts:
        """``article``, ``claims``, ``verdicts``, ``history`` and ``orphans`` of one
        article from one read of its rows (what an export shows of it)."""
        self._refresh()
        aid = self._resolve_article(article_id)
        raw = self._tables(aid)
        return (
            Article.from_dict(first(raw.get("article", {}))),
            [Claim.from_dict(c) for c in ordered(raw.get("claims", {}))],
            _verdicts_of(raw, aid),
            [Change.from_dict(doc) for doc in ordered(raw.get("history", {}))],
            _orphans_of(raw, aid),
        )

    def verdict(self, article_id: str, claim_id: str) -> Verdict:
        self._refresh()
        aid = self._resolve_article(article_id)
        file = self._files.get(aid)
        found = file.verdict_row(claim_id)
        if found is not None:
            return Verdict.from_dict(found[1])
        if not file.has_claim(claim_id):
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        return Verdict(claim_id, aid)

    def resolve_claim(self, ref: str) -> tuple[str, str]:
        """(article id, claim id) for a unique claim-id prefix across the workspace.

        ``ARTICLE:CLAIM`` (an article id prefix or source, a colon, a claim id prefix)
        narrows the search to one article."""
        self._refresh()
        text = one_line(ref, 80).lower()
        scope: list[str] | None = None
        if ":" in text:
            art_ref, _, text = text.partition(":")
            scope = [self._resolve_article(art_ref)]
        if not re.fullmatch(r"[0-9a-f]{1,40}", text):
            raise NotFound(f"'{text}' is not a claim id (claim ids are hex digits, e.g. 3fa2c1)")
        found: list[tuple[str, str]] = []
        if scope:  # the article's own rows
            raw = self._tables(scope[0])
            ids = [c["id"] for c in ordered(raw.get("claims", {}))]
            ids += [v["claim_id"] for v in raw.get("verdicts", {}).values()]
            found = [(scope[0], cid) for cid in dict.fromkeys(ids) if cid.startswith(text)]
        else:
            found = self._claims_starting(text)
        if not found:
            raise NotFound(f"no claim id starts with '{text}'")
        if len(found) > 1:
            shown = ", ".join(f"{cid} (article {aid[:8]})" for aid, cid in found[:8])
            more = f" and {len(found) - 8} more" if len(found) > 8 else ""
            raise NotFound(
                f"claim id '{text}' is ambiguous: {shown}{more}; type more characters, "
                "or name the article as ARTICLE:CLAIM"
            )
        return found[0]

    def _claims_starting(self, text: str) -> list[tuple[str, str]]:
        """(article id, claim id) of every claim id starting with ``text``: from the
        claim map (claim_map.py) and the index rows the journal holds on top of it.

        Claim ids change only with the index rows the journal carries (articles
        added, claims added): the stale progress counts need not be recomputed."""
        pending: dict[str, Summary | None] = dict(self._journal.index_updates())
        if self._txn is not None:
            pending.update(self._txn.index)
        shards = self._claim_map_ready()
        found = shards.lookup(text) if shards is not None else None
        if found is None:  # no usable map (a reader): every index row
            rows = self._index.rows().items()
            out = [(aid, cid) for aid, row in rows for cid in ids_of(row) if cid.startswith(text)]
        else:
            out = [(a, cid) for cid, aids in found.items() for a in aids if a not in pending]
            for aid, row in pending.items():
                out.extend((aid, cid) for cid in ids_of(row) if cid.startswith(text))
        return sorted(out, key=lambda p: (p[1], p[0]))

    def _claim_map_ready(self) -> ClaimMap | None:
        """The claim map when it matches the index (a writer rebuilds one that does
        not: once, after an upgrade or a doctor rebuild); None for a reader then."""
        base = self._journal.base
        if self._claim_map.fresh(base):
            return self._claim_map
        if self._readonly:
            return None
        rows = self._index.disk_rows()
        try:
            self._claim_map.rebuild(((aid, ids_of(r)) for aid, r in rows.items()), base)
        except StoreError:
            return None
        return self._claim_map

    # -- edits -------------------------------------------------------------------

    def set_status(self, article_id: str, claim_id: str, status: str) -> Verdict:
        return self._edit(
            article_id, claim_id, edits.set_field("status", edits.check_status(status))
        )

    def set_note(self, article_id: str, claim_id: str, note: str) -> Verdict:
        return self._edit(article_id, claim_id, edits.set_field("note", edits.clean_note(note)))

    def set_label(self, article_id: str, claim_id: str, label: str) -> Verdict:
        """The reviewer's wording of the claim ("" goes back to the extracted label)."""
        return self._edit(article_id, claim_id, edits.set_field("label", edits.clean_label(label)))

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
        return self._edit(article_id, claim_id, edits.add_link(url, title, stance, self._clock()))

    def update_link(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        title: str | None = None,
        stance: str | None = None,
    ) -> Verdict:
        """Change an existing link's title and/or stance (None: leave it); one history
        row per changed attribute (``link.title`` / ``link.stance``)."""
        return self._edit(article_id, claim_id, edits.update_link(url, title, stance, claim_id))

    def remove_link(self, article_id: str, claim_id: str, url: str) -> Verdict:
        return self._edit(article_id, claim_id, edits.remove_link(url, claim_id))

    def set_link_check(
        self,
        article_id: str,
        claim_id: str,
        url: str,
        check: LinkCheck | dict[str, Any] | None = None,
        archive: ArchiveSnapshot | dict[str, Any] | None = None,
    ) -> Verdict:
        """Store a link check / archive lookup (recorded in history, not undoable); a
        refused check never replaces an earlier real one (``models.merge_check``)."""
        mutate = edits.link_check(url, check, archive, claim_id)
        return self._edit(article_id, claim_id, mutate, action="check", undoable=False)

    def add_claim(self, article_id: str, claim: Claim) -> Claim:
        """Add a reviewer-made claim (``origin`` "reviewer"): in history, undoable.

        Its offsets must point into the article's text at its anchor; the id must be
        new in the article. A re-import keeps it while its anchor is still at its
        offsets, and orphans it otherwise."""
        self._check_writable()
        aid = self._resolve_article(article_id)
        with self._atomic():
            return self._add_claim(aid, claim)

    def _add_claim(self, aid: str, claim: Claim) -> Claim:
        file = self._files.get(aid)
        text = file.article_row().get("text", "")
        claim = _check_new_claim(replace(claim, article_id=aid, origin="reviewer"), text)
        if file.has_claim(claim.id):
            raise InputError(f"article {aid} already has a claim {claim.id}")
        now = self._clock()
        row = self._row(
            file.history_count() + 1, aid, claim.id, "claim", None, claim.to_dict(), "edit", at=now
        )
        file.put(history=[row], claims=[claim.to_dict()])
        self._after_write(aid, [row], undoable=True, claims_changed=True)
        return claim

    def rename_article(self, article_id: str, title: str) -> None:
        """A new title for an article (claims and verdicts untouched): one history row
        (claim id "", field ``title``), undoable like any change."""
        self._check_writable()
        aid = self._resolve_article(article_id)
        with self._atomic():
            self._set_title(aid, one_line(title, 300), "edit", undoable=True)

    def remove_article(self, article_id: str) -> None:
        """Take a listed article out of the workspace: out of the list, the claim ids
        and every report, as one undo step (undo lists it again with its claims, verdicts
        and history, all kept). Its file stays in ``articles/`` as an undone import's
        does, so adding the same text again brings it back with its verdicts too. The
        article's history gets a row (claim id "", field ``article``, old the title,
        new None); undo and redo write one each too."""
        self._check_writable()
        aid = self._resolve_article(article_id)
        if aid not in self._index.rows():
            raise NotFound(f"no article {aid} in workspace {self._path} (removed already?)")
        with self._atomic():
            row = self._article_row(aid, listed=False, action="edit")
            self._write_index({aid: None})
            self._record_undo(dict(new_step([[aid, row["seq"]]]), removed=[aid]))

    def _article_row(self, aid: str, listed: bool, action: str) -> dict[str, Any]:
        """The history row of an article taken out (``listed`` False) or back in."""
        file = self._file_in_batch(aid)
        title = file.article_row().get("title", "") or aid
        old, new = (None, title) if listed else (title, None)
        row = self._row(file.history_count() + 1, aid, "", Field.ARTICLE, old, new, action)
        file.put(history=[row])
        self._index.mark_dirty(aid)
        return row

    def _set_title(self, aid: str, title: str, action: str, undoable: bool) -> None:
        file = self._file_in_batch(aid)
        old = file.article_row().get("title", "")
        if old == title:
            return
        row = self._row(file.history_count() + 1, aid, "", "title", old, title, action)
        file.put(history=[row], title=title)
        self._after_write(aid, [row], undoable=undoable, claims_changed=True)

    def match_dismissals(self, article_id: str) -> dict[str, list[str]]:
        """Claim id -> the match keys a reviewer dismissed for it (``W``): per key, the
        ``new`` value of its last ``match.dismissed`` history row."""
        self._refresh()
        return _dismissals_of(self._files.get(self._resolve_article(article_id)))

    def set_match_dismissed(
        self, article_id: str, claim_id: str, key: str, dismissed: bool = True
    ) -> None:
        """Dismiss (or suggest again) one match of a claim: one history row, field
        ``match.dismissed``, old and new ``{"key": KEY, "dismissed": BOOL}`` (a row per
        key, so a merge keeps both sides' dismissals); one undo step like any change;
        the verdict is untouched."""
        self._check_writable()
        aid = self._resolve_article(article_id)
        if not self._files.get(aid).has_claim(claim_id):
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        with self._atomic():
            self._set_dismissed(aid, claim_id, one_line(key, 300), dismissed, "edit", True)

    def _set_dismissed(
        self, aid: str, cid: str, key: str, dismissed: bool, action: str, undoable: bool
    ) -> None:
        file = self._file_in_batch(aid)
        now = key in _dismissals_of(file).get(cid, [])
        if now == dismissed:
            return
        row = self._row(file.history_count() + 1, aid, cid, Field.MATCH_DISMISSED,
                        {"key": key, "dismissed": now}, {"key": key, "dismissed": dismissed},
                        action)
        file.put(history=[row])
        self._after_write(aid, [row], undoable=undoable)

    @contextlib.contextmanager
    def group(self) -> Iterator[None]:
        """Make every change inside the block (articles added included) one undo step
        and one durable write (one journal line): e.g. status + note + link from
        ``workbench mark``, or a whole import. On an exception nothing of it is saved."""
        if self._group is not None:
            yield
            return
        self._group = []
        self._added = []
        try:
            with self._atomic():
                yield
                step = new_step(self._group)
                if self._added:
                    step["articles"] = list(self._added)
                if self._group or self._added:
                    self._record_undo(step)
        finally:
            self._group = None
            self._added = []

    @contextlib.contextmanager
    def _atomic(self) -> Iterator[None]:
        """One transaction: every change inside the block becomes one journal line
        (appended and fsynced once at the end), or nothing at all on an exception."""
        if self._txn is not None:
            yield
            return
        txn = self._txn = _Txn()
        try:
            with self._files.pinned():
                yield
                if txn.empty():
                    return
                self._journal.append(
                    {
                        "n": self._journal.last + 1,
                        "ops": txn.ops,
                        "index": txn.index,
                        "undo": txn.undo,
                    }
                )
        except BaseException:
            self._txn = None
            for file, overlay in txn.before.items():  # memory back to what is on disk
                file.overlay = overlay
            self._files.reload()
            self._index.reload()
            self._undo = UndoLog(self._layout.undo, self._readonly, self._journal.undo_records)
            self._steps = UndoSteps(self._undo, self._live)
            raise
        finally:
            self._txn = None
        for entry in txn.undo:
            self._undo.apply(entry)
        self._counter.bump()
        if self._journal.due():
            self.checkpoint()

    def _sink(self, file: ArticleFile, op: list[Any]) -> None:
        """Receives each article-file change for the current transaction."""
        if self._txn is None:
            raise StoreError(f"workspace {self._path}: a change outside a transaction")
        self._txn.before.setdefault(file, file.overlay)
        self._txn.ops.append(op)

    def _record_undo(self, entry: dict[str, Any]) -> None:
        assert self._txn is not None
        self._txn.undo.append(entry)

    # -- undo / redo -------------------------------------------------------------

    def can_undo(self) -> bool:
        self._refresh()
        return self._steps.top_undo() is not None

    def can_redo(self) -> bool:
        self._refresh()
        return self._steps.top_redo() is not None

    def undo(self) -> list[Change]:
        """Revert the last step; returns the changes made ([] if nothing to undo)."""
        self._check_writable()
        entry = self._steps.top_undo()
        if entry is None:
            return []
        with self._atomic():
            changes = self._replay(entry, "undo")
            self._record_undo({"op": "undo", "g": entry["g"]})
        return changes

    def redo(self) -> list[Change]:
        self._check_writable()
        entry = self._steps.top_redo()
        if entry is None:
            return []
        with self._atomic():
            changes = self._replay(entry, "redo")
            self._record_undo({"op": "redo", "g": entry["g"]})
        return changes

    def _replay(self, entry: dict[str, Any], action: str) -> list[Change]:
        """Apply a step's old values (undo) or new values (redo), claim by claim."""
        values = values_to_set(entry, lambda a: self._tables(a).get("history", {}), action)
        out: list[Change] = []
        with self._atomic():
            if action == "redo":
                out.extend(self._replay_articles(entry, action))
            for (aid, cid), fields in values.items():
                before = self._files.get(aid).history_count()
                claim_values = [v for f, v in fields if f == "claim"]
                if claim_values:
                    self._replay_claim(aid, cid, claim_values[-1], action)
                titles = [v for f, v in fields if f == "title" and not cid]
                if titles and isinstance(titles[-1], str):
                    self._set_title(aid, titles[-1], action, undoable=False)
                for f, v in fields:
                    if f == Field.MATCH_DISMISSED and cid and isinstance(v, dict):
                        key = v.get("key")
                        if isinstance(key, str):
                            self._set_dismissed(aid, cid, key, bool(v.get("dismissed")),
                                                action, undoable=False)
                rest = [
                    (f, v)
                    for f, v in fields
                    if f not in ("claim", Field.MATCH_DISMISSED)
                    and (cid or f not in ("title", Field.ARTICLE))
                ]
                if rest:
                    self._edit(
                        aid,
                        cid,
                        edits.replay(rest),
                        action=action,
                        undoable=False,
                        allow_orphan=True,
                    )
                history = self._tables(aid).get("history", {})
                out.extend(
                    Change.from_dict(history[k])
                    for k in sorted(history, key=int)
                    if int(k) > before
                )
            if action == "undo":
                out.extend(self._replay_articles(entry, action))
        return out

    def _replay_articles(self, entry: dict[str, Any], action: str) -> list[Change]:
        """Undo of an import takes the articles it added out of the index (their files
        stay, as a replaced article's does) and lists again what they replaced; undo of
        a removal lists the article again; redo the opposite. Returned as changes with
        field ``article`` (not history rows: an import restores the other side's history
        exactly, adding none of its own)."""
        pairs = [p for p in entry.get("articles") or [] if isinstance(p, list) and len(p) == 2]
        if action == "undo":
            pairs = list(reversed(pairs))
        updates: dict[str, Summary | None] = {}
        out: list[Change] = []
        now = self._clock()
        for aid in entry.get("removed") or []:  # remove_article: undo lists it again
            back = action == "undo"
            if not isinstance(aid, str) or not self._files.exists(aid):
                continue
            if back == (aid in self._index.rows()):
                continue  # already so (added again since): nothing to undo or redo
            row = self._article_row(aid, listed=back, action=action)
            updates[aid] = summarize(self._tables(aid)) if back else None
            out.append(Change.from_dict(row))
        for aid, replaced in pairs:
            if not self._files.exists(aid):
                continue
            if action == "undo":
                updates[aid] = None
                if isinstance(replaced, str) and self._files.exists(replaced):
                    updates[replaced] = summarize(self._tables(replaced))
                old, new = aid, replaced
            else:
                updates[aid] = summarize(self._tables(aid))
                if isinstance(replaced, str):
                    updates[replaced] = None
                old, new = replaced, aid
            out.append(Change(0, aid, "", "article", old, new, self._reviewer, now, action))
        if updates:
            self._write_index(updates)
        return out

    def _replay_claim(self, aid: str, cid: str, value: Any, action: str) -> None:
        """Undo removes a reviewer-made claim (and its empty verdict); redo adds it back."""
        file = self._file_in_batch(aid)
        row_seq = file.history_count() + 1
        if value is None:
            if not file.has_claim(cid):
                return
            old = next(c for c in file.claim_rows() if c.get("id") == cid)
            row = self._row(row_seq, aid, cid, "claim", old, None, action)
            file.put(history=[row], remove_claims={cid})
        else:
            if file.has_claim(cid):
                return
            row = self._row(row_seq, aid, cid, "claim", None, value, action)
            file.put(history=[row], claims=[value])
        self._after_write(aid, [row], undoable=False, claims_changed=True)

    # -- history and low-level writes ------------------------------------------

    def history(
        self, article_id: str | None = None, claim_id: str | None = None, limit: int | None = None
    ) -> list[Change]:
        """History rows, oldest first (of one article / claim, or of everything)."""
        self._refresh()
        if article_id:
            aids = [self._resolve_article(article_id)]
        else:
            aids = [*self._index.rows(), *self._removed_ids()]
        rows: list[Change] = []
        for aid in aids:
            for doc in self._files.get(aid).history_rows():
                if claim_id is None or doc.get("claim_id") == claim_id:
                    rows.append(Change.from_dict(doc))
        if len(aids) > 1:
            rows.sort(key=lambda c: (c.at, c.article_id, c.seq))
        if limit is not None:
            rows = rows[-limit:] if limit > 0 else []
        return rows

    def _removed_ids(self) -> list[str]:
        """Articles taken out with ``remove_article`` (their files stay): the history of
        the whole workspace keeps showing them, as the team engine's does. An import
        undone is not one (its article was never reviewed here)."""
        listed = self._index.rows()
        ids = {p.stem for p in self._layout.articles.glob("*.json")}
        for entry in [*self._undo.undo_stack(), *self._undo.redo_stack()]:
            ids.update(a for a in entry.get("removed") or [] if isinstance(a, str))
        out = []
        for aid in sorted(ids - set(listed)):
            try:
                rows = self._files.get(aid).history_rows()
            except WorkbenchError:  # a stray or damaged file: doctor's business
                continue
            if was_removed(rows):
                out.append(aid)
        return out

    def put_verdict(
        self, article_id: str, verdict: Verdict, action: str = "import", record: bool = True
    ) -> None:
        """Write a whole verdict (JSON import / merge); history rows record each field.

        ``record=False`` restores a verdict exactly (reviewer, time, orphaned flag) and
        writes no history rows: for an import whose history rows are restored with
        ``append_history``, so the round trip adds nothing of its own.
        """
        status, note, label, links = edits.clean_verdict(verdict)
        if not record:
            self._restore_verdict(article_id, verdict, status, note, label, links)
            return
        self._edit(
            article_id,
            verdict.claim_id,
            edits.replace_verdict(status, note, label, links),
            action=action,
            undoable=self._group is not None,  # part of an import's undo step
            reviewer=one_line(verdict.reviewer, 80) or None,
            at=verdict.updated_at or None,
            allow_orphan=True,
        )

    def _restore_verdict(
        self,
        article_id: str,
        verdict: Verdict,
        status: str,
        note: str,
        label: str,
        links: list[Any],
    ) -> None:
        """Write a verdict as given, with no history row (see ``put_verdict``)."""
        self._check_writable()
        check_id(verdict.claim_id, "claim")
        aid = self._resolve_article(article_id)
        file = self._files.get(aid)
        found = file.verdict_row(verdict.claim_id)
        restored = Verdict(
            claim_id=verdict.claim_id,
            article_id=aid,
            status=status,
            note=note,
            links=links,
            reviewer=one_line(verdict.reviewer, 80),
            updated_at=one_line(verdict.updated_at, 40),
            label=label,
            orphaned=not file.has_claim(verdict.claim_id),
        )
        doc = restored.to_dict()
        if found and "claim" in found[1]:
            doc["claim"] = found[1]["claim"]
        with self._atomic():
            file.put(verdicts={verdict.claim_id: doc})
            self._after_write(aid, [], undoable=False)

    def append_history(self, changes: list[Change]) -> None:
        """Append rows from another workspace's history (renumbered per article)."""
        self._check_writable()
        by_article: dict[str, list[Change]] = {}
        for change in changes:
            by_article.setdefault(self._resolve_article(change.article_id), []).append(change)
        with self._atomic():
            for aid, rows in by_article.items():
                file = self._files.get(aid)
                start = file.history_count() + 1
                docs = [
                    dict(c.to_dict(), seq=start + i, article_id=aid) for i, c in enumerate(rows)
                ]
                file.put(history=docs)
                self._after_write(aid, [], undoable=False)

    # -- internals -----------------------------------------------------------------

    def _check_lock(self) -> None:
        self._lock.check()
        self._journal.check()

    def _check_writable(self) -> None:
        if self._closed:
            raise StoreError(f"workspace {self._path} is closed")
        if self._readonly:
            raise StoreError(f"workspace {self._path} is open read-only; changes are not allowed")
        self._check_lock()
        self._refresh()

    def _tables(self, aid: str) -> Tables:
        return self._files.get(aid).tables()

    def _file(self, aid: str, create: bool = False) -> ArticleFile:
        return self._files.get(aid, create=create)

    def _file_in_batch(self, aid: str) -> ArticleFile:
        return self._files.get(aid)

    def _resolve_article(self, ref: str) -> str:
        return self._index.resolve(ref, self._files.exists)

    def _live(self, aid: str) -> bool:
        return isinstance(aid, str) and aid in self._index.rows()

    def _after_write(
        self, aid: str, rows: list[dict[str, Any]], undoable: bool, claims_changed: bool = False
    ) -> None:
        """Book-keeping of a change: stale index row, undo step."""
        self._index.mark_dirty(aid)
        if claims_changed:
            self._write_index({aid: summarize(self._tables(aid))})
        if undoable and rows:
            refs = [[aid, r["seq"]] for r in rows]
            if self._group is not None:
                self._group.extend(refs)
            else:
                self._record_undo(new_step(refs))

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
        file = self._file_in_batch(aid)
        found = file.verdict_row(claim_id)
        known = file.has_claim(claim_id)
        if found is None and not known and not allow_orphan:
            raise NotFound(f"no claim {one_line(claim_id, 40)} in article {aid}")
        doc = dict(found[1]) if found else None
        verdict = Verdict.from_dict(doc) if doc else Verdict(claim_id, aid)
        if not known:
            verdict.orphaned = True
        changes = [(f, o, n) for f, o, n in mutate(verdict) if o != n]
        if not changes:
            return verdict
        now = at or self._clock()
        verdict.reviewer = reviewer or self._reviewer
        verdict.updated_at = now
        start = file.history_count() + 1
        rows = [
            self._row(start + i, aid, claim_id, f, o, n, action, reviewer, now)
            for i, (f, o, n) in enumerate(changes)
        ]
        new_doc = verdict.to_dict()
        if doc and "claim" in doc:
            new_doc["claim"] = doc["claim"]
        with self._atomic():
            file.put(verdicts={claim_id: new_doc}, history=rows)
            self._after_write(aid, rows, undoable)
        return verdict


class _Txn:
    """What one transaction changed, in the order it changed it."""

    def __init__(self) -> None:
        self.ops: list[list[Any]] = []
        self.index: dict[str, Summary | None] = {}
        self.undo: list[dict[str, Any]] = []
        self.before: dict[ArticleFile, Tables | None] = {}

    def empty(self) -> bool:
        return not (self.ops or self.index or self.undo)


def _dismissals_of(file: ArticleFile) -> dict[str, list[str]]:
    state: dict[tuple[str, str], bool] = {}
    for doc in file.history_rows():
        new = doc.get("new")
        if doc.get("field") == Field.MATCH_DISMISSED and doc.get("claim_id") and isinstance(
            new, dict
        ):
            key = new.get("key")
            if isinstance(key, str):
                state[doc["claim_id"], key] = bool(new.get("dismissed"))
    out: dict[str, list[str]] = {}
    for (cid, key), dismissed in sorted(state.items()):
        if dismissed:
            out.setdefault(cid, []).append(key)
    return out


def _touch(path: Path) -> None:
    """Create ``path`` if it is missing (no sync: it only has to outlive a killed process)."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o644))
    except OSError as exc:
        raise StoreError(f"cannot save {path}: {describe_os_error(exc)}") from exc


def _write_files(batch: list[tuple[ArticleFile, Tables]]) -> None:
    """Write a checkpoint's article files together (``atomic_write_many``), then empty
    ``batch``."""
    if batch:
        AtomicJSONStorage.write_many([(file.storage, tables) for file, tables in batch])
        for file, _ in batch:
            file.written()
        batch.clear()


def _verdicts_of(raw: Tables, aid: str) -> dict[str, Verdict]:
    """``Workspace.verdicts`` of an article's rows."""
    stored = {v["claim_id"]: v for v in raw.get("verdicts", {}).values()}
    out: dict[str, Verdict] = {}
    for claim in ordered(raw.get("claims", {})):
        doc = stored.pop(claim["id"], None)
        out[claim["id"]] = Verdict.from_dict(doc) if doc else Verdict(claim["id"], aid)
    for cid, doc in stored.items():
        verdict = Verdict.from_dict(doc)
        verdict.orphaned = True
        out[cid] = verdict
    return out


def _orphans_of(raw: Tables, aid: str) -> Orphans:
    """``Workspace.orphans`` of an article's rows."""
    live = {c["id"] for c in raw.get("claims", {}).values()}
    out: list[tuple[Verdict, Claim | None]] = []
    for doc in ordered(raw.get("verdicts", {})):
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


def _check_new_claim(claim: Claim, text: str) -> Claim:
    check_id(claim.id, "claim")
    for name in ("start", "end", "sentence_start", "sentence_end"):
        value = getattr(claim, name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError(f"claim {claim.id}: '{name}' must be a whole number")
    if not 0 <= claim.start < claim.end <= len(text):
        raise InputError(f"claim {claim.id}: the anchor offsets are outside the article text")
    if text[claim.start : claim.end] != claim.anchor:
        raise InputError(f"claim {claim.id}: the anchor is not at its offsets in the text")
    if not 0 <= claim.sentence_start <= claim.start <= claim.end <= claim.sentence_end:
        raise InputError(f"claim {claim.id}: the sentence does not hold the anchor")
    return claim


def _carry_reviewer_claims(
    old_claims: list[dict[str, Any]], claims: list[Claim], article: Article
) -> tuple[list[Claim], set[str]]:
    """The new claims plus the reviewer-made ones still anchored at their offsets;
    also the ids of reviewer-made claims that no longer fit (to be orphaned)."""
    ids = {c.id for c in claims}
    out = list(claims)
    dropped: set[str] = set()
    text = article.text
    for row in old_claims:
        if row.get("origin") != "reviewer" or row.get("id") in ids:
            continue
        start, end = row.get("start"), row.get("end")
        if isinstance(start, int) and isinstance(end, int) and text[start:end] == row.get("anchor"):
            with contextlib.suppress(TypeError, ValueError):
                claim = replace(Claim.from_dict(row), article_id=article.id)
                at = next((i for i, c in enumerate(out) if c.start > claim.start), len(out))
                out.insert(at, claim)
                continue
        dropped.add(row["id"])
    return out, dropped
