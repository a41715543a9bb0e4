"""``workbench doctor`` for the fact-check collection and its match index.

The collection (``factchecks/collection.json``) is a store file: damaged, it is
restored from its ``.bak`` like any other. The vector cache (``vectors.npy`` and
``vectors.json``) is derived data: it must be readable, match its checksum, come from
the installed model and hold exactly the collection's fact-checks (in their current
wording). The reviewed claims of the workspace are indexed from the store at each
start (nothing on disk to go stale); ``dismissed.json`` must be readable. ``repair``
rebuilds the index from the collection.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import WorkbenchError
from ..store.storage import load_document
from .collection import FILE, FOLDER, KIND, Collection

REBUILD = "rebuild the match index; `workbench factchecks check --rebuild` does only that"


def check(root: Path) -> list[tuple[Path, str, str]]:
    """(path, problem, fix) for each problem of the collection folder of ``root``."""
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return []
    path = folder / FILE
    try:
        records = Collection(folder).records() if path.exists() else []
    except WorkbenchError as exc:
        return [_store_file(path, KIND, exc)]
    found: list[tuple[Path, str, str]] = []
    if records:
        from .index import cache_problems

        found += [(p, problem, REBUILD) for p, problem in cache_problems(folder, records)]
    dismissed = folder / "dismissed.json"
    if dismissed.exists():
        try:
            load_document(dismissed, "match-dismissals")
        except WorkbenchError as exc:
            found.append(_store_file(dismissed, "match-dismissals", exc))
    return found


def _store_file(path: Path, kind: str, exc: WorkbenchError) -> tuple[Path, str, str]:
    """A damaged store file: restored from its ``.bak`` when that one is sound."""
    bak = path.with_name(path.name + ".bak")
    fix = ""
    try:
        if bak.is_file() and not bak.is_symlink() and load_document(bak, kind) is not None:
            fix = f"restore the last good copy {bak.name}"
    except WorkbenchError:
        pass
    return path, getattr(exc, "reason", None) or exc.message, fix


def repair(root: Path) -> str:
    """Rebuild the match index of ``root``'s collection from scratch."""
    from .index import forget_folder, index_at

    folder = Path(root) / FOLDER
    for name in ("vectors.npy", "vectors.json"):
        (folder / name).unlink(missing_ok=True)
    forget_folder(folder)
    index = index_at(folder)
    return f"rebuilt the match index of {folder} ({len(index.collection)} fact-checks)"
