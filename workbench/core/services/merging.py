"""Importing a JSON export: restore it, or merge a colleague's (``workbench import``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..store.interface import Store


@dataclass(frozen=True)
class MergeOutcome:
    result: object
    """The ``merge.MergeResult``."""
    lines: list[str]
    """What to tell the user: the summary, replaced articles, every conflict."""
    warnings: list[str] = field(default_factory=list)


def load(path: str | Path) -> object:
    """Read and validate an export before any workspace is touched (InputError)."""
    from ..export.merge import load_export

    return load_export(path)


def merge_file(store: Store, path: str | Path, now: str | None = None) -> MergeOutcome:
    """Validate ``path`` then merge it into ``store``: all or nothing."""
    from ..export.merge import Export

    export = load(path)
    assert isinstance(export, Export)
    return merge(store, export, now)


def merge(store: Store, export: object, now: str | None = None) -> MergeOutcome:
    from ..export.merge import Export, merge_export

    assert isinstance(export, Export)
    warnings = []
    claims = sum(len(a.claims) + len(a.verdicts) for a in export.articles)
    if not export.articles:
        warnings.append(f"{export.name} holds no articles; nothing to import")
    elif claims == 0:
        warnings.append(f"{export.name} holds no claims (was it exported with a filter?)")
    result = merge_export(store, export, now=now)  # type: ignore[arg-type]
    lines = [result.summary()]
    lines += [
        f"note: a newer text of a stored article replaced article {old_id}"
        for old_id in result.replaced.values()
    ]
    lines += [conflict.describe() for conflict in result.conflicts]
    return MergeOutcome(result, lines, warnings)
