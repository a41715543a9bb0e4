"""Importing a JSON export: restore it, or merge a colleague's (``workbench import``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..store.interface import Store

if TYPE_CHECKING:  # pragma: no cover - the exchange format is imported when used
    from ..export.exchange import Export
    from ..export.merge import MergeResult


@dataclass(frozen=True)
class MergeOutcome:
    result: MergeResult
    lines: list[str]
    """What to tell the user: the summary, replaced articles, every conflict."""
    warnings: list[str] = field(default_factory=list)
    """An export that holds no articles or no claims (a filtered export?)."""


def load(path: str | Path) -> Export:
    """Read and validate an export before any workspace is touched (InputError)."""
    from ..export.exchange import load_export

    return load_export(path)


def merge_file(store: Store, path: str | Path, now: str | None = None) -> MergeOutcome:
    """Validate ``path`` then merge it into ``store``: all or nothing."""
    return merge(store, load(path), now)


def merge(store: Store, export: Export, now: str | None = None) -> MergeOutcome:
    """Merge a validated export into ``store``."""
    from ..export.merge import merge_export

    warnings = []
    claims = sum(len(a.claims) + len(a.verdicts) for a in export.articles)
    if not export.articles:
        warnings.append(f"{export.name} holds no articles; nothing to import")
    elif claims == 0:
        warnings.append(f"{export.name} holds no claims (was it exported with a filter?)")
    result = merge_export(store, export, now=now)
    lines = [result.summary()]
    lines += [
        f"note: a newer text of a stored article replaced article {old_id}"
        for old_id in result.replaced.values()
    ]
    lines += [conflict.describe() for conflict in result.conflicts]
    return MergeOutcome(result, lines, warnings)
