"""Claim id -> article ids, kept by the first two characters of the id.

``workbench mark 3fa2 verified`` must find claim ``3fa2...`` without reading the
summary row of every article (30 MB of ``index.json`` at a million claims). The
claim map is the index it looks in: ``claims/XY.json`` holds every claim id (live
and orphaned) that starts with ``XY`` (lower case), each with the articles holding
it, as a store document of kind ``claims``::

    {"format": "workbench-store", "kind": "claims", "schema": S,
     "tables": {"claims": {CLAIM_ID: [ARTICLE_ID, ...]}}}

A prefix of two characters or more reads one shard (at a million claims, about
4,000 ids); one character reads the shards it begins. ``claims/stamp.json`` holds
the number of the checkpoint the shards include. A checkpoint writes the shards
whose ids changed (articles added or removed, claims added) after the index and
before the journal is reset, then the stamp; the journal's index rows count on
top of the shards (an article whose row the journal holds is looked up in that
row). So a crash at any step leaves shards that, with the journal, are right.

The map is derived data, like the index. Shards that are missing, damaged or older
than the journal's checkpoint (a workspace written by a workbench without them, a
``workbench doctor`` rebuild of the index) are not used: a writer rebuilds them
from the index, a reader scans the index as before.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import WorkbenchError
from .storage import atomic_write, atomic_write_many, encode_document, fsync_dir, load_document

FOLDER = "claims"
STAMP = "stamp.json"

Ids = dict[str, list[str]]
"""Claim id -> the ids of the articles holding it."""


def shard_of(claim_id: str) -> str:
    """The shard a claim id belongs to: its first two characters, lower case."""
    return (claim_id.lower() + "_")[:2]


class ClaimMap:
    """The claim map of one workspace folder, read shard by shard when needed."""

    def __init__(self, root: Path) -> None:
        self.folder = root / FOLDER
        self._shards: dict[str, Ids] = {}
        self._stamp: int | None = None
        self._read = False

    def _path(self, shard: str) -> Path:
        return self.folder / f"{shard}.json"

    def stamp(self) -> int | None:
        """The checkpoint the shards include (None: no usable map)."""
        if not self._read:
            self._read = True
            try:
                doc = load_document(self.folder / STAMP, "claims")
            except WorkbenchError:
                doc = None
            n = (doc or {}).get("tables", {}).get("stamp", {}).get("n")
            self._stamp = n if isinstance(n, int) and not isinstance(n, bool) else None
        return self._stamp

    def fresh(self, base: int) -> bool:
        """True when the shards include the checkpoint ``base`` (the journal's)."""
        stamp = self.stamp()
        return stamp is not None and stamp >= base

    def _shard(self, shard: str) -> Ids:
        ids = self._shards.get(shard)
        if ids is None:
            doc = load_document(self._path(shard), "claims")  # WorkspaceCorrupt: damaged
            table = (doc or {}).get("tables", {}).get("claims", {})
            if not isinstance(table, dict) or not all(
                isinstance(v, list) for v in table.values()
            ):
                raise WorkbenchError(f"{self._path(shard)} is not a claim map shard")
            ids = self._shards[shard] = table
        return ids

    def lookup(self, prefix: str) -> Ids | None:
        """Claim ids starting with ``prefix`` (lower-case hex) and their articles;
        None when a shard cannot be read (the caller scans the index instead)."""
        if len(prefix) >= 2:
            shards = [prefix[:2]]
        else:
            try:
                names = os.listdir(self.folder)
            except OSError:
                return None
            shards = sorted(
                n[:-5] for n in names if n.endswith(".json") and n.startswith(prefix)
                and len(n) == 7
            )
        out: Ids = {}
        try:
            for shard in shards:
                for cid, aids in self._shard(shard).items():
                    if cid.startswith(prefix):
                        out[cid] = aids
        except WorkbenchError:
            return None
        return out

    def rebuild(self, articles: Iterable[tuple[str, list[str]]], n: int) -> None:
        """Write every shard from (article id, claim ids) pairs, then stamp ``n``."""
        shards: dict[str, Ids] = {}
        for aid, ids in articles:
            for cid in dict.fromkeys(ids):
                shards.setdefault(shard_of(cid), {}).setdefault(cid, []).append(aid)
        self._invalidate()
        with contextlib.suppress(FileExistsError):
            self.folder.mkdir()
        old = {p.stem for p in self.folder.glob("??.json")}
        for shard in sorted(old - set(shards)):
            shards[shard] = {}
        self._write(shards, n)

    def update(self, changes: Iterable[tuple[str, list[str], list[str]]], n: int) -> None:
        """Apply (article id, claim ids before, claim ids after) to the shards they
        touch, write those, then stamp ``n``. Applying a change twice is harmless."""
        touched: dict[str, Ids] = {}
        for aid, before, after in changes:
            gone, new = set(before) - set(after), set(after) - set(before)
            for cid in gone | new:
                shard = shard_of(cid)
                ids = touched.get(shard)
                if ids is None:
                    ids = touched[shard] = dict(self._shard_or_empty(shard))
                aids = [a for a in ids.get(cid, []) if a != aid]
                if cid in new:
                    aids.append(aid)
                if aids:
                    ids[cid] = aids
                else:
                    ids.pop(cid, None)
        self._write(touched, n)

    def _shard_or_empty(self, shard: str) -> Ids:
        if not self._path(shard).exists():
            return {}
        return self._shard(shard)

    def _write(self, shards: dict[str, Ids], n: int) -> None:
        """Each shard atomically (one folder sync for all), then the stamp."""
        atomic_write_many(
            [
                (self._path(shard), encode_document({"claims": ids}, "claims"))
                for shard, ids in sorted(shards.items())
            ],
            keep_backup=False,
        )
        self._shards.update(shards)
        stamp = encode_document({"stamp": {"n": n}}, "claims")
        atomic_write(self.folder / STAMP, stamp, keep_backup=False, sync_dir=False)
        fsync_dir(self.folder)
        self._stamp, self._read = n, True

    def _invalidate(self) -> None:
        self._shards.clear()
        self._stamp, self._read = None, False

    def forget(self) -> None:
        """Drop what was read (another process changed the workspace)."""
        self._invalidate()


def remove(root: Path) -> None:
    """Make the claim map unusable (its stamp gone): rebuilt when next needed."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(root / FOLDER / STAMP)
