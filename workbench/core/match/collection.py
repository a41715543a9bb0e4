"""The workspace's collection of earlier fact-checks: ``<workspace>/factchecks/``.

``collection.json`` holds the records (a workbench store file: format header, kind
``factchecks``, written atomically with a ``.bak`` copy). Everything else in the
folder is derived from it and from the articles (the vector cache, see
``index_cache``) and may be deleted at any time.

Writes happen under the workspace lock: only a store opened for writing imports.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from ..store.interface import Store
from ..store.storage import atomic_write, encode_document, load_document
from .records import FactCheck

FOLDER = "factchecks"
FILE = "collection.json"
KIND = "factchecks"


def collection_folder(store: Store) -> Path:
    """The folder of ``store``'s collection (StoreError on engines without a folder)."""
    root = store.path
    if root is None:
        raise StoreError(
            "fact-check collections on a team (PostgreSQL) workspace: not supported yet",
            reason="not supported yet",
        )
    return Path(root) / FOLDER


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


class Collection:
    """The records of one workspace's collection (read lazily, cached by file state)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE
        self._stamp: tuple[int, int] | None = None
        self._records: dict[str, FactCheck] = {}
        self._revision = 0

    @classmethod
    def of(cls, store: Store) -> Collection:
        return cls(collection_folder(store))

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc.strerror}") from None
        return (st.st_mtime_ns, st.st_size)

    def _load(self) -> None:
        stamp = self._file_stamp()
        if stamp == self._stamp and (stamp is not None or not self._records):
            return
        data = load_document(self.path, KIND)
        tables = data["tables"] if data else {}
        rows = tables.get("records", {})
        meta = tables.get("meta", {}).get("1", {})
        self._records = {k: FactCheck.from_dict(v) for k, v in rows.items()}
        self._revision = int(meta.get("revision", 0))
        self._stamp = stamp

    @property
    def revision(self) -> int:
        """Counts the imports that changed something (the vector cache records it)."""
        self._load()
        return self._revision

    def records(self) -> list[FactCheck]:
        self._load()
        return list(self._records.values())

    def get(self, key: str) -> FactCheck | None:
        self._load()
        return self._records.get(key)

    def __len__(self) -> int:
        self._load()
        return len(self._records)

    def add(self, records: list[FactCheck]) -> tuple[ImportSummary, list[FactCheck]]:
        """Store ``records`` (new keys added, changed ones replaced) in one atomic write;
        returns the summary and the records that are new or changed."""
        self._load()
        merged = dict(self._records)
        changed: list[FactCheck] = []
        added = updated = unchanged = 0
        seen: set[str] = set()
        for r in records:
            if r.key in seen:
                continue
            seen.add(r.key)
            old = merged.get(r.key)
            if old == r:
                unchanged += 1
                continue
            if old is None:
                added += 1
            else:
                updated += 1
            merged[r.key] = r
            changed.append(r)
        if changed:
            self.folder.mkdir(parents=True, exist_ok=True)
            revision = self._revision + 1
            tables = {
                "meta": {"1": {"revision": revision}},
                "records": {k: v.to_dict() for k, v in merged.items()},
            }
            atomic_write(self.path, encode_document(tables, KIND))
            self._records = merged
            self._revision = revision
            self._stamp = self._file_stamp()
        return ImportSummary(added, updated, unchanged), changed
