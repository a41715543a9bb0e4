"""Import a JSON export into a workspace, merging with the work already there.

``load_export(path)`` reads and validates the whole file first (nothing is written
when any part of it is bad); ``merge_export(ws, export)`` then applies it:

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

from ..errors import InputError, NotFound, WorkbenchError
from ..models import STANCES, STATUSES, Article, Change, Claim, Link, Verdict, content_hash
from ..text import one_line
from .json_report import SCHEMA
from .report import SCHEMA_VERSION, is_untouched, safe_href, utc_now

if TYPE_CHECKING:  # pragma: no cover
    from ..store import Workspace

MAX_EXPORT_BYTES = 500 * 1024 * 1024
VERDICT_FIELDS = ("status", "note", "links")


@dataclass(frozen=True)
class ImportedArticle:
    """One article of an export, validated."""

    article: Article
    claims: list[Claim]
    verdicts: dict[str, Verdict]
    history: list[Change]


@dataclass(frozen=True)
class Export:
    """A validated JSON export."""

    name: str
    articles: list[ImportedArticle]
    exported_by: str
    generated_at: str
    complete: bool


@dataclass(frozen=True)
class Conflict:
    """Both sides changed a verdict: ``winner`` ("local" or "remote") was kept."""

    article_id: str
    claim_id: str
    label: str
    fields: tuple[str, ...]
    local: Verdict
    remote: Verdict
    winner: str

    def describe(self) -> str:
        """One line: the claim, both values, both reviewers, who won."""

        def side(v: Verdict) -> str:
            parts = [v.status]
            if "note" in self.fields:
                parts.append(f"note {one_line(v.note, 40)!r}")
            if "links" in self.fields:
                parts.append(f"{len(v.links)} link(s)")
            who = one_line(v.reviewer, 40) or "unknown"
            return f"{' '.join(parts)} ({who}, {v.updated_at or 'no time'})"

        kept = "theirs" if self.winner == "remote" else "ours"
        return (
            f"conflict on claim {self.claim_id} {one_line(self.label, 50)!r}: "
            f"ours {side(self.local)} vs theirs {side(self.remote)}; kept {kept} (later change)"
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


# -- reading and validating -------------------------------------------------------------


class _Bad(Exception):
    pass


def _need(cond: bool, what: str) -> None:
    if not cond:
        raise _Bad(what)


def _str(data: dict[str, Any], key: str, where: str, optional: bool = False) -> None:
    value = data.get(key)
    if optional and value is None:
        return
    _need(isinstance(value, str), f"{where}: '{key}' must be text")


def _check_url(url: str, where: str) -> None:
    try:
        from ..net.links import normalize_url
    except ImportError:  # pragma: no cover - the store's links module is missing
        _need(safe_href(url) is not None, f"{where}: {one_line(url, 60)!r} is not an http(s) URL")
        return
    try:
        normalize_url(url)
    except WorkbenchError as exc:
        raise _Bad(f"{where}: {exc.message}") from None


def _verdict(data: Any, article_id: str, where: str) -> Verdict:
    _need(isinstance(data, dict), f"{where}: the verdict must be an object")
    for key in ("claim_id", "status"):
        _str(data, key, where)
    for key in ("note", "reviewer", "updated_at"):
        _str(data, key, where, optional=True)
    _need(data["status"] in STATUSES, f"{where}: unknown status {one_line(data['status'], 30)!r}")
    _need(data.get("article_id", article_id) == article_id, f"{where}: belongs to another article")
    links = data.get("links") or []
    _need(isinstance(links, list), f"{where}: 'links' must be a list")
    for i, link in enumerate(links):
        _need(isinstance(link, dict), f"{where}: link {i + 1} must be an object")
        _str(link, "url", f"{where} link {i + 1}")
        _check_url(link["url"], f"{where} link {i + 1}")
        _need(
            link.get("stance", "context") in STANCES,
            f"{where} link {i + 1}: unknown stance {one_line(str(link.get('stance')), 30)!r}",
        )
        for key in ("check", "archive"):
            _need(link.get(key) is None or isinstance(link[key], dict), f"{where}: bad link {key}")
    verdict = Verdict.from_dict({**data, "article_id": article_id})
    verdict.note = verdict.note or ""
    verdict.reviewer = verdict.reviewer or ""
    verdict.updated_at = verdict.updated_at or ""
    verdict.links = [Link.from_dict(link) if isinstance(link, dict) else link for link in links]
    return verdict


def _article(data: Any, index: int) -> ImportedArticle:
    where = f"article {index + 1}"
    _need(isinstance(data, dict), f"{where} must be an object")
    raw = data.get("article")
    _need(isinstance(raw, dict), f"{where}: missing 'article'")
    for key in ("id", "title", "source", "text"):
        _str(raw, key, where)
    _need(bool(raw["text"].strip()), f"{where}: the article text is empty")
    _need(isinstance(raw.get("meta", {}), dict), f"{where}: 'meta' must be an object")
    article = Article.from_dict({**raw, "meta": dict(raw.get("meta") or {})})
    _need(
        content_hash(article.text, len(article.id)) == article.id,
        f"{where}: the text does not match the article id {one_line(article.id, 20)!r} "
        "(edited by hand?)",
    )
    where = f"article {article.id}"
    claims: list[Claim] = []
    verdicts: dict[str, Verdict] = {}
    raw_claims = data.get("claims") or []
    _need(isinstance(raw_claims, list), f"{where}: 'claims' must be a list")
    for i, item in enumerate(raw_claims):
        cw = f"{where} claim {i + 1}"
        _need(isinstance(item, dict), f"{cw} must be an object")
        for key in ("id", "kind", "anchor", "sentence", "label"):
            _str(item, key, cw)
        for key in ("start", "end", "sentence_start", "sentence_end"):
            value = item.get(key)
            _need(isinstance(value, int) and not isinstance(value, bool), f"{cw}: bad '{key}'")
        _need(0 <= item["start"] <= item["end"] <= len(article.text), f"{cw}: offsets out of range")
        _need(item.get("article_id", article.id) == article.id, f"{cw}: belongs to another article")
        _need(item["id"] not in verdicts, f"{cw}: duplicate claim id {one_line(item['id'], 20)!r}")
        claim = Claim.from_dict({**item, "article_id": article.id})
        claims.append(claim)
        verdict = item.get("verdict")
        if verdict is None:
            verdicts[claim.id] = Verdict(claim_id=claim.id, article_id=article.id)
        else:
            verdicts[claim.id] = _verdict(verdict, article.id, f"{cw} verdict")
            _need(
                verdicts[claim.id].claim_id == claim.id, f"{cw}: the verdict is for another claim"
            )
    orphaned = data.get("orphaned_verdicts") or []
    _need(isinstance(orphaned, list), f"{where}: 'orphaned_verdicts' must be a list")
    for i, item in enumerate(orphaned):
        verdict = _verdict(item, article.id, f"{where} orphaned verdict {i + 1}")
        verdict.orphaned = True
        verdicts.setdefault(verdict.claim_id, verdict)
    history: list[Change] = []
    raw_history = data.get("history") or []
    _need(isinstance(raw_history, list), f"{where}: 'history' must be a list")
    for i, item in enumerate(raw_history):
        hw = f"{where} history row {i + 1}"
        _need(isinstance(item, dict), f"{hw} must be an object")
        for key in ("claim_id", "field", "reviewer", "at"):
            _str(item, key, hw)
        _need(item.get("article_id", article.id) == article.id, f"{hw}: belongs to another article")
        seq = item.get("seq", 0)
        _need(isinstance(seq, int) and not isinstance(seq, bool), f"{hw}: bad 'seq'")
        history.append(
            Change.from_dict(
                {"seq": seq, "old": None, "new": None, **item, "article_id": article.id}
            )
        )
    return ImportedArticle(article=article, claims=claims, verdicts=verdicts, history=history)


def parse_export(data: Any, name: str = "export") -> Export:
    """Validate a decoded JSON export; InputError (one line) when anything is wrong."""
    try:
        _need(isinstance(data, dict), "the top level must be an object")
        _need(
            data.get("schema") == SCHEMA, f'not a workbench JSON export (no "schema": "{SCHEMA}")'
        )
        version = data.get("schema_version")
        _need(isinstance(version, int) and not isinstance(version, bool), "missing schema_version")
        _need(version >= 1, f"unknown schema_version {version}")
        _need(
            version <= SCHEMA_VERSION,
            f"schema_version {version} is newer than this workbench reads ({SCHEMA_VERSION}); "
            "upgrade workbench",
        )
        raw_articles = data.get("articles")
        _need(isinstance(raw_articles, list), "'articles' must be a list")
        articles = [_article(item, i) for i, item in enumerate(raw_articles)]
        ids = [a.article.id for a in articles]
        _need(len(ids) == len(set(ids)), "the same article appears twice")
        return Export(
            name=name,
            articles=articles,
            exported_by=one_line(str(data.get("exported_by") or "")),
            generated_at=one_line(str(data.get("generated_at") or "")),
            complete=data.get("complete", True) is not False,
        )
    except _Bad as exc:
        raise InputError(f"{name}: {exc}") from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InputError(f"{name}: not a valid workbench JSON export ({exc})") from None


def load_export(path: str | Path) -> Export:
    """Read and validate a JSON export file."""
    p = Path(path)
    try:
        if p.is_file() and p.stat().st_size > MAX_EXPORT_BYTES:
            raise InputError(f"{path}: the file is larger than 500 MB")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; is it a workbench JSON export?") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    return parse_export(data, str(path))


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
        "links": [(link.url, link.title, link.stance) for link in verdict.links],
    }


def _value(verdict: Verdict, name: str) -> Any:
    if name == "links":
        return [link.to_dict() for link in verdict.links]
    return getattr(verdict, name)


def _later(a: str, b: str) -> bool:
    """True when timestamp ``a`` is strictly later than ``b`` (unparsable: compared as text)."""
    try:
        return datetime.fromisoformat(a.replace("Z", "+00:00")) > datetime.fromisoformat(
            b.replace("Z", "+00:00")
        )
    except ValueError:
        return a > b


def _combine(local: Verdict, remote: Verdict, take: list[str]) -> Verdict:
    """``local`` with the fields named in ``take`` from ``remote``; reviewer and time of
    the later side."""
    if len(take) == len(VERDICT_FIELDS) or all(
        _content(local)[f] == _content(remote)[f] for f in VERDICT_FIELDS if f not in take
    ):
        return remote
    later = remote if _later(remote.updated_at, local.updated_at) else local
    return Verdict(
        claim_id=local.claim_id,
        article_id=local.article_id,
        status=remote.status if "status" in take else local.status,
        note=remote.note if "note" in take else local.note,
        links=list(remote.links if "links" in take else local.links),
        reviewer=later.reviewer,
        updated_at=later.updated_at,
        orphaned=local.orphaned,
    )


def merge_export(ws: Workspace, export: Export, now: str | None = None) -> MergeResult:
    """Apply a validated export to ``ws``; see the module docstring for the rules."""
    result = MergeResult()
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
        if is_untouched(remote):
            continue
        local = local_verdicts.get(claim_id)
        if local is None or is_untouched(local):
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
        for name in differing:
            theirs = last_there.get((claim_id, name))
            ours = last_here.get((claim_id, name))
            if theirs is None or history_key(theirs) in local_keys:
                continue  # they did not change it, or we saw their change: ours stands
            if ours is None or history_key(ours) in remote_keys:
                take.append(name)  # only they changed it since: theirs is taken
                continue
            winner = "remote" if _later(theirs.at, ours.at) else "local"
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
                    )
                )
        if take:
            merged = _combine(local, remote, take)
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
