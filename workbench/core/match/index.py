"""The match index of a workspace: its fact-check collection and its reviewed claims.

Held in memory per workspace folder (``index_for``) and kept up to date
incrementally: a fact-check import adds only the new or changed records, a marked
claim is re-indexed on the next ``sync`` (a claim whose text or status changed gets
a new key, its old entry a tombstone).

The sentence vectors of the collection are cached in ``factchecks/vectors.npy``
with ``vectors.json`` (model, keys, checksum): derived data, written atomically,
checked on load and rebuilt from the collection when missing, stale or damaged, so
the index survives restarts and crashes. ``check`` says what is wrong, ``rebuild``
starts over.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import WorkbenchError
from ..store.interface import Store
from ..store.storage import atomic_write
from ..text import one_line
from ..vocabulary import VERDICT_STATUSES
from .collection import Collection, collection_folder
from .engine import Doc, Matcher
from .records import FactCheck
from .semantic import load_embedder

VECTORS = "vectors.npy"
VECTORS_META = "vectors.json"
VECTORS_FORMAT = "workbench-match-vectors"


def fc_key(record: FactCheck) -> str:
    digest = hashlib.sha1(record.claim.encode("utf-8")).hexdigest()[:8]
    return f"fc:{record.key}:{digest}"


def fc_doc(record: FactCheck) -> Doc:
    return Doc(
        fc_key(record),
        record.claim,
        f"{record.claimant} {record.title}",
        record,
        claimant=record.claimant,
    )


@dataclass
class WorkspaceClaim:
    """A reviewed claim of the workspace, as a match shows it."""

    article_id: str
    claim_id: str
    article_title: str
    text: str
    status: str
    note: str
    links: list[dict[str, Any]] = field(default_factory=list)
    reviewer: str = ""
    updated_at: str = ""
    speaker: str = ""

    @property
    def claim(self) -> str:
        return self.text

    @property
    def key(self) -> str:
        digest = hashlib.sha1(f"{self.text}\x1f{self.status}".encode()).hexdigest()[:10]
        return f"ws:{self.article_id}:{self.claim_id}:{digest}"


def claim_text(claim: Any, verdict: Any) -> str:
    """What a workspace claim says, for matching: the reviewer's wording, else its sentence."""
    label = (getattr(verdict, "label", "") or "").strip()
    if len(label.split()) >= 3:
        return label
    return (claim.sentence or claim.label or "").strip()


def read_cache(folder: Path, embedder: Any) -> tuple[dict[str, np.ndarray], str]:
    """The cached vectors by key, and what is wrong with the cache ('' when sound)."""
    if embedder is None:
        return {}, ""
    try:
        meta = json.loads((folder / VECTORS_META).read_text(encoding="utf-8"))
        raw = (folder / VECTORS).read_bytes()
    except FileNotFoundError:
        return {}, "is missing (not built yet, or removed)"
    except (OSError, ValueError) as exc:
        return {}, f"cannot be read ({type(exc).__name__})"
    try:
        if meta.get("format") != VECTORS_FORMAT:
            return {}, "is not a workbench vector cache"
        if meta.get("model") != embedder.name:
            return {}, f"was built with another model ({one_line(str(meta.get('model')), 60)})"
        if meta.get("sha1") != hashlib.sha1(raw).hexdigest():
            return {}, "does not match its checksum (damaged)"
        vectors = np.load(io.BytesIO(raw), allow_pickle=False)
        keys = meta["keys"]
        if vectors.shape != (len(keys), embedder.dim):
            return {}, "has the wrong shape for its keys"
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return {}, f"cannot be read ({type(exc).__name__})"
    return {k: vectors[i].astype(np.float32) for i, k in enumerate(keys)}, ""


def cache_problems(folder: Path, records: list[FactCheck]) -> list[tuple[Path, str]]:
    """What is wrong with the vector cache of ``folder`` for these records."""
    embedder = load_embedder()
    if embedder is None:
        return []
    cached, problem = read_cache(folder, embedder)
    if problem:
        return [(folder / VECTORS, f"the vector cache {problem}")]
    wanted = {fc_key(r) for r in records}
    missing = len(wanted - set(cached))
    extra = len(set(cached) - wanted)
    if not missing and not extra:
        return []
    parts = []
    if missing:
        parts.append(f"lacks {missing} of the {len(wanted)} fact-checks")
    if extra:
        parts.append(f"holds {extra} no longer in the collection (or since reworded)")
    return [(folder / VECTORS, "the vector cache " + " and ".join(parts))]


class MatchIndex:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.collection = Collection(folder)
        self.embedder = load_embedder()
        self.matcher = Matcher(self.embedder)
        self._revision: int | None = None
        self._ws: dict[str, str] = {}  # "aid:cid" -> doc key
        self.lock = threading.RLock()

    # -- the collection --------------------------------------------------------------
    def refresh(self) -> None:
        """Bring the collection part up to date (incremental after the first call)."""
        with self.lock:
            revision = self.collection.revision
            if revision == self._revision:
                return
            records = self.collection.records()
            wanted = {fc_key(r): r for r in records}
            for key in [k for k in self.matcher.keys if k.startswith("fc:")]:
                if key not in wanted:
                    self.matcher.remove(key)
            new = [r for k, r in wanted.items() if k not in self.matcher.keys]
            if new:
                cached = self._load_vectors() if not len(self.matcher) else {}
                docs = [fc_doc(r) for r in new]
                have = [d for d in docs if d.key in cached]
                if have:
                    self.matcher.add(have, np.stack([cached[d.key] for d in have]))
                rest = [d for d in docs if d.key not in cached]
                if rest:
                    self.matcher.add(rest)
                if rest or len(cached) != len(have):
                    self._save_vectors()
            self._revision = revision

    def _load_vectors(self) -> dict[str, np.ndarray]:
        return read_cache(self.folder, self.embedder)[0]

    def _save_vectors(self) -> None:
        if self.embedder is None:
            return
        keys = [k for k, i in self.matcher.keys.items() if k.startswith("fc:")]
        rows = [self.matcher.keys[k] for k in keys]
        buf = io.BytesIO()
        np.save(buf, self.matcher.vectors[rows].astype(np.float16), allow_pickle=False)
        raw = buf.getvalue()
        meta = {
            "format": VECTORS_FORMAT,
            "model": self.embedder.name,
            "keys": keys,
            "sha1": hashlib.sha1(raw).hexdigest(),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            atomic_write(self.folder / VECTORS, raw, keep_backup=False)
            atomic_write(
                self.folder / VECTORS_META, json.dumps(meta).encode("utf-8"), keep_backup=False
            )
        except WorkbenchError:
            pass  # a cache: the next start rebuilds what could not be saved

    # -- the workspace's reviewed claims ---------------------------------------------
    def sync(self, store: Store) -> None:
        """Index every claim of the workspace with a verdict; drop those that lost it."""
        self.sync_claims(reviewed_claims(store))

    def sync_claims(self, claims: list[WorkspaceClaim]) -> None:
        """Index these reviewed claims (from ``reviewed_claims``, read on the thread that
        owns the store); drop the ones no longer among them or changed since."""
        with self.lock:
            seen: dict[str, str] = {}
            docs: list[Doc] = []
            for payload in claims:
                key = payload.key
                seen[f"{payload.article_id}:{payload.claim_id}"] = key
                if key in self.matcher.keys:
                    self.matcher.entries[self.matcher.keys[key]].payload = payload
                else:
                    docs.append(
                        Doc(key, payload.text, payload.speaker, payload, claimant=payload.speaker)
                    )
            for ref, key in self._ws.items():
                if seen.get(ref) != key:
                    self.matcher.remove(key)
            if docs:
                self.matcher.add(docs)
            self._ws = seen


def reviewed_claims(store: Store) -> list[WorkspaceClaim]:
    """Every claim of the workspace with a verdict (verified, disputed, false,
    inconclusive), as the index takes them (store reads only)."""
    out: list[WorkspaceClaim] = []
    for summary in store.articles():
        verdicts = store.verdicts(summary.id)
        for claim in store.claims(summary.id):
            v = verdicts.get(claim.id)
            if v is None or v.status not in VERDICT_STATUSES:
                continue
            text = claim_text(claim, v)
            if not text:
                continue
            out.append(
                WorkspaceClaim(
                    article_id=summary.id,
                    claim_id=claim.id,
                    article_title=summary.title,
                    text=text,
                    status=str(v.status),
                    note=v.note,
                    links=[link.to_dict() for link in v.links],
                    reviewer=v.reviewer,
                    updated_at=v.updated_at,
                    speaker=claim.speaker or "",
                )
            )
    return out


_INDEXES: dict[str, MatchIndex] = {}
_GLOBAL = threading.Lock()


def index_for(store: Store) -> MatchIndex:
    """The (cached) match index of ``store``, with its collection up to date."""
    return index_at(collection_folder(store))


def index_at(folder: Path) -> MatchIndex:
    """The (cached) match index of the collection in ``folder`` (no store needed: safe
    in a worker thread)."""
    with _GLOBAL:
        index = _INDEXES.get(str(folder))
        if index is None:
            index = _INDEXES[str(folder)] = MatchIndex(folder)
    index.refresh()
    return index


def forget(store: Store) -> None:
    """Drop the in-memory index of ``store`` (the next use rebuilds it from disk)."""
    forget_folder(collection_folder(store))


def forget_folder(folder: Path) -> None:
    with _GLOBAL:
        _INDEXES.pop(str(folder), None)
