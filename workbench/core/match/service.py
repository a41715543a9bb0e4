"""Checked before: the use cases of claim matching, for the CLI and the TUI alike.

    import_factchecks(store, path)        read, validate, store; index incrementally
    list_factchecks(store) / search_factchecks(store, text)
    find_matches(store, article_id)       {claim id: [Match, ...]} above the lower threshold
    apply_match(store, aid, cid, match)   the earlier verdict as a change of this reviewer
    dismiss_match(store, aid, cid, match) never suggest this match for this claim again
    check_index(store) / rebuild_index(store)

Nothing is ever applied without the reviewer: ``find_matches`` only suggests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, StoreError, WorkbenchError
from ..models import Verdict
from ..store.interface import Store
from ..store.storage import load_document
from ..text import one_line
from ..vocabulary import Stance, Status
from . import thresholds
from .collection import Collection, ImportSummary, collection_folder
from .engine import Hit
from .index import (
    MatchIndex,
    WorkspaceClaim,
    claim_text,
    forget,
    index_at,
    index_for,
    reviewed_claims,
)
from .readers import read_factchecks
from .records import FactCheck

DISMISSED = "dismissed.json"
SHOWN = 5
"""Matches shown per claim at most."""


@dataclass(frozen=True)
class Match:
    """An earlier check of (nearly) the same claim: a published fact-check or a claim
    this workspace already reviewed."""

    source: str
    """``factcheck`` or ``workspace``."""
    key: str
    claim: str
    score: float
    strength: str
    """``strong`` (above the upper threshold) or ``suggestion``."""
    status: str | None
    """The earlier verdict in our statuses (None: the rating does not map)."""
    rating: str = ""
    """The publisher's rating as worded, or our status for a workspace claim."""
    claimant: str = ""
    date: str = ""
    publisher: str = ""
    """Who checked it: the publisher, or the reviewer of a workspace claim."""
    url: str = ""
    title: str = ""
    note: str = ""
    links: list[dict[str, Any]] = field(default_factory=list)
    article_id: str = ""
    claim_id: str = ""
    signals: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _match(hit: Hit, strength: str) -> Match:
    common: dict[str, Any] = {
        "key": hit.key,
        "score": round(hit.score, 3),
        "strength": strength,
        "signals": {
            "semantic": round(hit.semantic, 3),
            "lexical": round(hit.lexical, 3),
            "coverage": round(hit.coverage, 3),
        },
    }
    p = hit.payload
    if isinstance(p, WorkspaceClaim):
        return Match(
            source="workspace", claim=p.text, status=p.status, rating=p.status,
            claimant=p.speaker, date=p.updated_at[:10], publisher=p.reviewer,
            title=p.article_title, note=p.note, links=p.links, article_id=p.article_id,
            claim_id=p.claim_id, **common,
        )  # fmt: skip
    r: FactCheck = p
    return Match(
        source="factcheck", claim=r.claim, status=r.status, rating=r.rating,
        claimant=r.claimant, date=r.date, publisher=r.publisher, url=r.url, title=r.title,
        **common,
    )  # fmt: skip


def _candidates(
    index: MatchIndex,
    text: str,
    limit: int,
    exclude: tuple[str, ...] = (),
    shown_only: bool = True,
    skip: Callable[[str], bool] | None = None,
) -> list[Match]:
    """The matches of ``text`` best first (the caller holds ``index.lock``): those above
    the lower threshold (all, as ``weak``, when not ``shown_only``), less the ones
    ``skip`` refuses by key."""
    found = []
    for hit in index.matcher.search(text, limit=limit, exclude=exclude):
        strength = thresholds.strength(hit.score)
        if strength is None and shown_only:
            continue
        if skip is not None and skip(hit.key):
            continue
        found.append(_match(hit, strength or "weak"))
    return found


# -- the collection ----------------------------------------------------------------------


def import_factchecks(
    store: Store, path: str | Path, records: list[FactCheck] | None = None
) -> ImportSummary:
    """``workbench factchecks import FILE``: the whole file is validated first (InputError:
    nothing written); importing the same file twice changes nothing. ``records``: the
    file already read (``read_factchecks``), so that it is not read twice."""
    collection_folder(store)  # "not supported yet" before reading a large file
    if store.readonly:
        raise StoreError("the workspace is open read-only: cannot import fact-checks")
    if records is None:
        records = read_factchecks(path)
    summary, changed = Collection.of(store).add(records)
    if changed:
        try:
            index_for(store)  # embed only what is new; saves the vector cache
        except WorkbenchError:
            pass
    return summary


def list_factchecks(store: Store, limit: int | None = None) -> tuple[int, list[FactCheck]]:
    """How many fact-checks the collection holds, and the first ``limit`` of them."""
    records = Collection.of(store).records()
    return len(records), records[:limit] if limit else records


def search_factchecks(store: Store, text: str, limit: int = 10) -> list[Match]:
    """``workbench factchecks search TEXT``: the best candidates, scored (not filtered by
    the thresholds: the reviewer asked)."""
    text = one_line(text, 2000)
    if not text:
        raise InputError("give some text to search for")
    index = index_for(store)
    with index.lock:
        index.sync(store)
        return _candidates(index, text, limit, shown_only=False)


# -- matching an article -------------------------------------------------------------------


@dataclass
class MatchJob:
    """What matching one article needs from the store, read up front (on the thread
    that owns the store); ``run_match_job`` then needs no store (a worker thread)."""

    folder: Path
    article_id: str
    claims: list[tuple[str, str]]
    """(claim id, text) of the article's claims."""
    reviewed: list[WorkspaceClaim]
    dismissed: set[str]


def match_job(store: Store, article_id: str) -> MatchJob:
    article = store.article(article_id)
    verdicts = store.verdicts(article.id)
    claims = [
        (c.id, claim_text(c, verdicts.get(c.id))) for c in store.claims(article.id)
    ]
    return MatchJob(
        folder=collection_folder(store),
        article_id=article.id,
        claims=[(cid, text) for cid, text in claims if text],
        reviewed=reviewed_claims(store),
        dismissed=_dismissed(store, article.id),
    )


def run_match_job(job: MatchJob) -> dict[str, list[Match]]:
    index = index_at(job.folder)
    out: dict[str, list[Match]] = {}
    with index.lock:
        index.sync_claims(job.reviewed)
        own = (f"ws:{job.article_id}:",)  # the article's own claims are no earlier check
        for cid, text in job.claims:

            def dismissed(key: str, cid: str = cid) -> bool:
                return _dismiss_id(job.article_id, cid, key) in job.dismissed

            found = _candidates(index, text, SHOWN * 2, own, skip=dismissed)
            if found:
                out[cid] = found[:SHOWN]
    return out


def find_matches(store: Store, article_id: str) -> dict[str, list[Match]]:
    """Every claim of the article with its matches above the lower threshold (best first,
    at most ``SHOWN``); claims without one are left out. Dismissed matches never return.
    (The TUI calls ``match_job`` on its main thread and ``run_match_job`` in a worker.)"""
    return run_match_job(match_job(store, article_id))


def _stance(status: str | None) -> Stance:
    if status == Status.FALSE:
        return Stance.REFUTES
    if status == Status.VERIFIED:
        return Stance.SUPPORTS
    return Stance.CONTEXT


def provenance(match: Match) -> str:
    """The note line that says where the verdict came from."""
    if match.source == "workspace":
        who = match.publisher or "this desk"
        where = f"claim {match.article_id[:8]}:{match.claim_id}"
        if match.title:
            where += f" of '{one_line(match.title, 80)}'"
        return f"previously checked by {who} ({where}): {match.status}"
    who = match.publisher or "an earlier fact-check"
    rated = f", rated '{one_line(match.rating, 60)}'" if match.rating else ""
    url = f" ({match.url})" if match.url else ""
    return f"previously checked by {who}{url}{rated}"


def apply_match(store: Store, article_id: str, claim_id: str, match: Match) -> Verdict:
    """Apply the earlier verdict to a claim as one change of this reviewer (one undo
    step): its status (where it maps), its note with a provenance line, its links."""
    from ..net.links import normalize_url

    if store.readonly:
        raise StoreError("the workspace is open read-only")
    current = store.verdict(article_id, claim_id)
    lines = [current.note.rstrip()] if current.note.strip() else []
    line = provenance(match)
    if line not in current.note:
        lines.append(line)
    earlier = match.note.strip() if match.source == "workspace" else ""
    if earlier and earlier not in current.note:
        lines.append(earlier)
    links: list[tuple[str, str, str | None]] = []
    if match.url:
        title = match.title or f"{match.publisher} fact-check"
        links.append((match.url, title, _stance(match.status)))
    for link in match.links:
        url = link.get("url")
        if isinstance(url, str):
            links.append((url, str(link.get("title") or ""), link.get("stance")))
    have = {link.url for link in current.links}
    with store.group():
        verdict = current
        if match.status and match.status != current.status:
            verdict = store.set_status(article_id, claim_id, match.status)
        note = "\n".join(lines)
        if note != current.note:
            verdict = store.set_note(article_id, claim_id, note)
        for url, title, stance in links:
            try:
                norm = normalize_url(url)
            except InputError:
                continue
            if norm in have:
                continue
            have.add(norm)
            verdict = store.add_link(article_id, claim_id, norm, title=title, stance=stance)
    return verdict


# -- dismissed matches -------------------------------------------------------------------


def _dismiss_id(article_id: str, claim_id: str, key: str) -> str:
    return f"{article_id}:{claim_id}:{key}"


def _dismissed(store: Store, article_id: str) -> set[str]:
    """The dismissals of the article's claims: the store's (history field
    ``match.dismissed``, undoable) plus any in the collection folder's
    ``dismissed.json``, where earlier versions kept them (not undoable)."""
    reader = getattr(store, "match_dismissals", None)
    out: set[str] = set()
    if reader is not None:
        for cid, keys in reader(article_id).items():
            out.update(_dismiss_id(article_id, cid, key) for key in keys)
    path = collection_folder(store) / DISMISSED
    try:
        data = load_document(path, "match-dismissals")
    except WorkbenchError:
        return out
    if data:
        out.update(data["tables"].get("dismissed", {}))
    return out


def dismiss_match(store: Store, article_id: str, claim_id: str, match: Match) -> None:
    """The reviewer says this is not the same claim: it is not suggested for it again.
    One change in the history, undone by ``undo`` like any other."""
    if store.readonly:
        raise StoreError("the workspace is open read-only")
    collection_folder(store)  # a team workspace: not supported yet
    writer = getattr(store, "set_match_dismissed", None)
    if writer is None:
        raise StoreError("dismissing a match on this workspace: not supported yet",
                         reason="not supported yet")
    writer(article_id, claim_id, match.key, True)


# -- doctor ----------------------------------------------------------------------------


def check_index(store: Store) -> list[str]:
    """What is wrong with the collection or its derived index ([] = sound)."""
    from . import doctor

    folder = collection_folder(store)
    return [f"{path}: {problem}" for path, problem, _ in doctor.check(folder.parent)]


def rebuild_index(store: Store) -> str:
    """Throw the derived index away and build it again from the collection."""
    folder = collection_folder(store)
    for name in ("vectors.npy", "vectors.json"):
        (folder / name).unlink(missing_ok=True)
    forget(store)
    index = index_for(store)
    return f"rebuilt the match index of {folder} ({len(index.collection)} fact-checks)"
