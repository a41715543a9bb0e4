"""Import a JSON export into a workspace, merging with the work already there.

``load_export(path)`` (exchange.py) reads and validates the whole file first
(nothing is written when any part of it is bad); ``merge_export(ws, export)`` then
applies it inside one store group: all of it lands or none of it does, and it is
one undo step (undo after an import takes back what the import changed):

- an article the workspace does not have is added with its claims, verdicts and
  history, exactly: export then import into an empty workspace gives the same
  verdicts (reviewer and time included) and the same history rows, nothing added;
- for an article it has, claims match by id; history rows it lacks are appended;
  a verdict only the export changed is taken; a verdict only the workspace
  changed is kept. When the export's last change of a verdict is already in the
  workspace history (or the other way round), the newer side wins without a
  conflict. Otherwise both sides changed it, and each field (status, note,
  links) is decided on its own: a field only one side changed since they parted
  takes that side's value (so our status and their note both survive); a field
  both changed is a conflict, the later change wins, and the conflict is returned
  (claim, both values, both reviewers) and kept in history (the other side's rows
  plus ``merge`` rows from the losing to the winning value). Nothing is silently
  dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import NotFound
from ..models import Change, Verdict
from ..text import one_line
from .exchange import Export, ImportedArticle, load_export, parse_export
from .report import is_untouched, utc_now

if TYPE_CHECKING:  # pragma: no cover
    from ..store.interface import Store as Workspace

__all__ = [
    "Conflict",
    "Export",
    "ImportedArticle",
    "MergeResult",
    "import_file",
    "load_export",
    "merge_export",
    "parse_export",
]

VERDICT_FIELDS = ("status", "note", "label", "links")


@dataclass(frozen=True)
class Conflict:
    """Both sides changed a verdict: ``winner`` ("local" or "remote") was kept.

    ``local`` is the verdict of the store merged into, ``remote`` the export's;
    ``local_changes``/``remote_changes`` are each side's last history row of each field
    in ``fields`` (who changed the field and when: what "later change" compared)."""

    article_id: str
    claim_id: str
    label: str
    fields: tuple[str, ...]
    local: Verdict
    remote: Verdict
    winner: str
    local_changes: tuple[Change, ...] = ()
    remote_changes: tuple[Change, ...] = ()

    def describe(self, local: str = "ours", remote: str = "theirs") -> str:
        """One line: the claim, both values, who changed the field and when, who won.

        ``local``/``remote`` name the sides as the reader knows them (``workbench sync``:
        "team" and "local")."""

        def side(v: Verdict, changes: tuple[Change, ...]) -> str:
            parts = [v.status]
            if "note" in self.fields:
                parts.append(f"note {one_line(v.note, 40)!r}")
            if "label" in self.fields:
                parts.append(f"label {one_line(v.label, 40)!r}")
            if "links" in self.fields:
                parts.append(f"{len(v.links)} link(s)")
            if not changes:  # no history of the field: the verdict's time would mislead
                return " ".join(parts)
            last = max(changes, key=lambda c: _sortable(c.at))
            who = one_line(last.reviewer, 40) or "unknown"
            return f"{' '.join(parts)} ({who}, {one_line(last.at, 40) or 'no time'})"

        kept = remote if self.winner == "remote" else local
        return (
            f"conflict on claim {self.claim_id} {one_line(self.label, 50)!r}: "
            f"{local} {side(self.local, self.local_changes)} vs "
            f"{remote} {side(self.remote, self.remote_changes)}; kept {kept} (later change)"
        )


@dataclass
class MergeResult:
    articles_added: list[str] = field(default_factory=list)
    articles_merged: list[str] = field(default_factory=list)
    replaced: dict[str, str] = field(default_factory=dict)
    """New article id -> old article id, when the export had a new text of a stored source."""
    verdicts_imported: int = 0
    verdicts_kept: int = 0
    """Verdicts where the workspace already had the same or a newer value."""
    history_added: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def summary(self) -> str:
        articles = len(self.articles_added) + len(self.articles_merged)
        return (
            f"imported {articles} article(s) ({len(self.articles_added)} new, "
            f"{len(self.articles_merged)} merged): {self.verdicts_imported} verdict(s) taken, "
            f"{self.verdicts_kept} kept, {self.history_added} history row(s) added, "
            f"{len(self.conflicts)} conflict(s)"
        )


# -- merging ----------------------------------------------------------------------------


def history_key(change: Change) -> tuple[str, ...]:
    """Identity of a history row across workspaces: the same field set to the same value by
    the same reviewer at the same time is the same event (``seq`` is local, and a row
    restored by an import has another ``action`` and ``old``)."""
    return (
        change.article_id,
        change.claim_id,
        change.field,
        json.dumps(change.new, sort_keys=True, default=str),
        change.reviewer,
        change.at,
    )


def _seen(history: Iterable[Change]) -> set[tuple[str, str, str]]:
    """(claim id, reviewer, time) of every verdict state a history has recorded (a link
    check also sets the verdict's time, so every row counts, not only status/note/links)."""
    return {(c.claim_id, c.reviewer, c.at) for c in history}


def _content(verdict: Verdict) -> dict[str, Any]:
    return {
        "status": verdict.status,
        "note": verdict.note,
        "label": verdict.label,
        "links": [(link.url, link.title, link.stance) for link in verdict.links],
    }


def _value(verdict: Verdict, name: str) -> Any:
    if name == "links":
        return [link.to_dict() for link in verdict.links]
    return getattr(verdict, name)


def _sortable(at: str) -> Any:
    try:
        return (0, datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp(), at)
    except ValueError:
        return (-1, 0.0, at)


def _later(a: str, b: str) -> bool:
    """True when timestamp ``a`` is strictly later than ``b`` (unparsable: compared as text)."""
    try:
        return datetime.fromisoformat(a.replace("Z", "+00:00")) > datetime.fromisoformat(
            b.replace("Z", "+00:00")
        )
    except ValueError:
        return a > b


def _combine(local: Verdict, remote: Verdict, take: list[str], reviewer: str, at: str) -> Verdict:
    """``local`` with the fields named in ``take`` from ``remote``, made by ``reviewer`` (who
    merges) at ``at``: a state neither side had, so it carries neither side's reviewer and
    time (with the export's, the next merge the other way took it for a state it already
    had and kept its own: ``sync`` left the folder and the team disagreeing for good)."""
    if len(take) == len(VERDICT_FIELDS) or all(
        _content(local)[f] == _content(remote)[f] for f in VERDICT_FIELDS if f not in take
    ):
        return remote
    return Verdict(
        claim_id=local.claim_id,
        article_id=local.article_id,
        status=remote.status if "status" in take else local.status,
        note=remote.note if "note" in take else local.note,
        label=remote.label if "label" in take else local.label,
        links=list(remote.links if "links" in take else local.links),
        reviewer=reviewer,
        updated_at=at,
        orphaned=local.orphaned,
    )


def merge_export(ws: Workspace, export: Export, now: str | None = None) -> MergeResult:
    """Apply a validated export to ``ws``; see the module docstring for the rules."""
    result = MergeResult()
    with ws.group():
        for item in export.articles:
            _merge_article(ws, item, result, now)
    return result


def _merge_article(
    ws: Workspace, item: ImportedArticle, result: MergeResult, now: str | None
) -> None:
    article = item.article
    try:
        present = ws.article(article.id).id == article.id
    except NotFound:
        present = False
    fresh = False  # a new article with no verdicts of its own: restored exactly
    if present:
        result.articles_merged.append(article.id)
    else:
        added = ws.add_article(article, item.claims)
        result.articles_added.append(article.id)
        if added.replaced:
            result.replaced[article.id] = added.replaced
        fresh = added.created and not added.replaced
    local_history = ws.history(article_id=article.id)
    local_keys = {history_key(c) for c in local_history}
    remote_keys = {history_key(c) for c in item.history}
    last_here = {(c.claim_id, c.field): c for c in local_history}
    last_there = {(c.claim_id, c.field): c for c in item.history}
    seen_here = _seen(local_history)
    seen_there = _seen(item.history)
    new_rows = [c for c in item.history if history_key(c) not in local_keys]
    if new_rows:
        ws.append_history(new_rows)
        result.history_added += len(new_rows)
    local_verdicts = ws.verdicts(article.id)
    merge_rows: list[Change] = []
    for claim_id, remote in item.verdicts.items():
        if is_untouched(remote) and not remote.label:
            continue
        local = local_verdicts.get(claim_id)
        if local is None or (is_untouched(local) and not local.label):
            # A fresh article gets its verdicts back as exported: the restored history
            # rows already tell how they came to be, so no ``import`` rows are added.
            ws.put_verdict(article.id, remote, action="import", record=not fresh)
            result.verdicts_imported += 1
            continue
        if _content(local) == _content(remote):
            result.verdicts_kept += 1
            continue
        if (claim_id, remote.reviewer, remote.updated_at) in seen_here:
            result.verdicts_kept += 1  # the workspace has moved on from the export's value
            continue
        if (claim_id, local.reviewer, local.updated_at) in seen_there:
            ws.put_verdict(article.id, remote, action="import")  # the export moved on
            result.verdicts_imported += 1
            continue
        # Both sides changed the verdict: decide field by field, so that a status
        # changed here and a note changed there both survive.
        differing = [f for f in VERDICT_FIELDS if _content(local)[f] != _content(remote)[f]]
        take: list[str] = []
        clashes: dict[str, list[str]] = {"remote": [], "local": []}
        rows: dict[str, tuple[Change, Change]] = {}  # field -> (our row, their row)
        for name in differing:
            theirs = last_there.get((claim_id, name))
            ours = last_here.get((claim_id, name))
            if theirs is None or history_key(theirs) in local_keys:
                continue  # they did not change it, or we saw their change: ours stands
            if ours is None or history_key(ours) in remote_keys:
                take.append(name)  # only they changed it since: theirs is taken
                continue
            winner = "remote" if _later(theirs.at, ours.at) else "local"
            rows[name] = (ours, theirs)
            clashes[winner].append(name)
            if winner == "remote":
                take.append(name)
        label = next((c.label for c in item.claims if c.id == claim_id), "")
        for winner, names in clashes.items():
            if names:
                result.conflicts.append(
                    Conflict(
                        article_id=article.id,
                        claim_id=claim_id,
                        label=label,
                        fields=tuple(names),
                        local=local,
                        remote=remote,
                        winner=winner,
                        local_changes=tuple(rows[n][0] for n in names),
                        remote_changes=tuple(rows[n][1] for n in names),
                    )
                )
        if take:
            merged = _combine(local, remote, take, ws.reviewer, now or utc_now())
            action = "merge" if clashes["remote"] else "import"
            ws.put_verdict(article.id, merged, action=action)
            result.verdicts_imported += 1
        else:
            result.verdicts_kept += 1
        at = now or utc_now()
        for name in clashes["local"]:
            merge_rows.append(
                Change(
                    seq=0,
                    article_id=article.id,
                    claim_id=claim_id,
                    field=name,
                    old=_value(remote, name),
                    new=_value(local, name),
                    reviewer=ws.reviewer,
                    at=at,
                    action="merge",
                )
            )
    if merge_rows:
        ws.append_history(merge_rows)
        result.history_added += len(merge_rows)


def import_file(ws: Workspace, path: str | Path, now: str | None = None) -> MergeResult:
    """``workbench import``: load, validate, then merge a JSON export into ``ws``."""
    return merge_export(ws, load_export(path), now=now)
