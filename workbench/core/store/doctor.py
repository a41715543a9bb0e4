"""Check a workspace folder file by file and restore what can be restored.

``check`` only reads. ``repair`` takes the workspace lock, sets every damaged file
aside as ``<name>.corrupt-<time>`` (nothing is ever deleted) and puts the last good
copy (``<name>.bak``) in its place. The article index is derived data: when it is
damaged or out of step with the article files it is rebuilt from them.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import StoreError, WorkbenchError
from . import index_log
from .article_file import ordered
from .claim_map import remove as remove_claim_map
from .index import stamp_of, summarize, was_removed
from .journal import salvage as salvage_journal
from .layout import ARTICLES, INDEX, INDEX_LOG, JOURNAL, META, UNDO, Layout, WriterLock
from .rows import table_problems
from .storage import atomic_write, backup_path, encode_document, load_document


@dataclass
class Finding:
    path: Path
    problem: str
    fix: str = ""
    """What ``repair`` would do ('' when it cannot help)."""


def _valid(path: Path, kind: str) -> bool:
    try:
        data = load_document(path, kind)
    except WorkbenchError:
        return False
    return data is not None and not table_problems(data["tables"], kind)


def _file_problem(path: Path, kind: str) -> str | None:
    """Why the store file at ``path`` cannot be used (None: it is sound); never raises."""
    try:
        return _check_file(path, kind)
    except Exception as exc:  # noqa: BLE001 - doctor reports, it never crashes itself
        return f"could not be checked ({type(exc).__name__})"


def _check_file(path: Path, kind: str) -> str | None:
    if path.is_symlink():
        target = "to nowhere" if not path.exists() else "out of the workspace's own files"
        return f"is a symbolic link {target}"
    try:
        data = load_document(path, kind)
    except WorkbenchError as exc:
        return _problem(exc, path)
    if data is None:
        return "is missing"
    problems = table_problems(data["tables"], kind)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return f"{problems[0]}{more}"
    return None


def check(root: Path) -> list[Finding]:
    """Every problem found in the workspace at ``root`` (empty list: healthy)."""
    root = Path(root)
    if not root.is_dir():
        raise StoreError(f"no workspace folder at {root}")
    found: list[Finding] = []
    meta = root / META
    if not meta.exists():
        found.append(Finding(meta, "missing", "recreate the marker file"))
    elif not _valid(meta, "workspace"):
        found.append(Finding(meta, "damaged or not a workbench file", "recreate the marker file"))
    article_ids: set[str] = set()
    folder = root / ARTICLES
    if folder.exists() and not folder.is_dir():
        found.append(
            Finding(folder, "is a file, not the articles folder (move it away by hand)", "")
        )
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        problem = _file_problem(path, "article")
        if problem is None:
            article_ids.add(path.stem)
            continue
        bak = backup_path(path)
        if not bak.is_symlink() and _valid(bak, "article"):
            fix = f"restore the last good copy {bak.name} (its last change may be missing)"
            found.append(Finding(path, problem, fix))
        else:
            found.append(Finding(path, problem, ""))
    for tmp in Layout(root).temp_files():
        found.append(Finding(tmp, "leftover temp file of an interrupted write", "remove it"))
    journal = root / JOURNAL
    if journal.is_symlink():
        found.append(Finding(journal, "is a symbolic link", ""))
    elif journal.exists():
        damage = _journal_damage(journal)
        if damage:
            fix = "rewrite it with every readable change (the damaged file kept aside)"
            found.append(Finding(journal, damage, fix))
    index = root / INDEX
    problem = _file_problem(index, "index") if index.exists() or index.is_symlink() else None
    if problem is None:
        problem = _log_problem(root / INDEX_LOG)
    if problem is not None:
        found.append(Finding(index, problem, "rebuild it from the article files"))
    elif index.exists() or (root / INDEX_LOG).exists():
        listed = set(_listed(root))
        pending = _journal_articles(journal)
        missing = sorted(a for a in listed if a not in article_ids and a not in pending)
        if missing:
            found.append(
                Finding(index, f"lists {len(missing)} article(s) with no usable file", "rebuild it")
            )
    found += _match_findings(root)
    return found


def _log_problem(log: Path) -> str | None:
    """Why the index log cannot be used (None: it is sound or absent); never raises."""
    if log.is_symlink():
        return f"its log {log.name} is a symbolic link"
    try:
        index_log.read_entries(log)
    except WorkbenchError as exc:
        return f"its log {log.name} {_problem(exc, log)}"
    except Exception as exc:  # noqa: BLE001 - doctor reports, it never crashes itself
        return f"its log {log.name} could not be checked ({type(exc).__name__})"
    return None


def _listed(root: Path) -> list[str]:
    """The article ids the index lists: ``index.json`` and its log (both sound)."""
    data = load_document(root / INDEX, "index")
    tables = (data or {"tables": {}})["tables"]
    rows = {d.get("id"): d for d in tables.get("articles", {}).values()}
    stamp = stamp_of(tables)
    for entry in index_log.read_entries(root / INDEX_LOG):
        if entry["n"] > stamp:
            index_log.apply(rows, entry)
    return [a for a in rows if isinstance(a, str)]


def _match_findings(root: Path) -> list[Finding]:
    """The fact-check collection and its match index (core.match.doctor)."""
    from ..match import doctor as match_doctor

    try:
        return [Finding(p, problem, fix) for p, problem, fix in match_doctor.check(root)]
    except Exception as exc:  # noqa: BLE001 - doctor reports, it never crashes itself
        return [Finding(root / "factchecks", f"could not be checked ({type(exc).__name__})", "")]


def _is_match_index(path: Path) -> bool:
    return path.parent.name == "factchecks" and path.name.startswith("vectors")


def _journal_damage(journal: Path) -> str | None:
    from .journal import Journal

    try:
        return Journal(journal, readonly=True).damage
    except WorkbenchError as exc:
        return _problem(exc, journal)


def _set_aside_copy(path: Path, stamp: str) -> Path:
    """A copy of ``path`` under a ``.corrupt-`` name; ``path`` stays for the salvage."""
    aside = _aside_name(path, stamp)
    atomic_write(aside, path.read_bytes(), keep_backup=False)
    return aside


def _journal_articles(journal: Path) -> set[str]:
    """Articles with changes in the journal (added there, not yet written to a file)."""
    from .journal import Journal

    try:
        return set(Journal(journal, readonly=True).touched())
    except WorkbenchError:
        return set()


def _problem(exc: WorkbenchError, path: Path) -> str:
    """A store error as a doctor finding: its reason (without the path, shown already,
    and without the advice to run doctor, running it). No message is parsed."""
    return getattr(exc, "reason", None) or exc.message


def repair(root: Path) -> list[str]:
    """Fix what ``check`` reports; returns one line per action taken."""
    root = Path(root)
    findings = check(root)
    if not findings:
        return []
    lock = WriterLock(Layout(root))
    lock.acquire()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    done: list[str] = []
    try:
        rebuild = False
        match_index = False
        restored: set[str] = set()
        for f in findings:
            if _is_match_index(f.path):
                match_index = True
            elif f.path.name.endswith(".tmp"):
                f.path.unlink(missing_ok=True)
                done.append(f"removed {f.path}")
            elif f.path.name == META:
                _set_aside(f.path, stamp)
                doc = {"workspace": {"1": {"created_at": stamp, "created_by": "workbench doctor"}}}
                atomic_write(f.path, encode_document(doc, "workspace"), keep_backup=False)
                done.append(f"recreated {f.path}")
            elif f.path.name == INDEX:
                rebuild = True
            elif f.path.name == JOURNAL and f.fix:
                aside = _set_aside_copy(f.path, stamp)
                kept = salvage_journal(f.path)
                done.append(
                    f"rewrote {f.path} with its {kept} readable change(s) (damaged file "
                    f"kept as {aside.name})"
                )
            elif f.fix:
                bak = backup_path(f.path)
                aside = _set_aside(f.path, stamp)
                atomic_write(f.path, bak.read_bytes(), keep_backup=False)
                done.append(
                    f"restored {f.path} from {bak.name} (damaged file kept as {aside.name})"
                )
                restored.add(f.path.stem)
                rebuild = True
            else:
                done.append(f"cannot restore {f.path}: no good copy; left untouched")
        if rebuild:
            done.append(_rebuild_index(root, stamp, restored))
        if match_index:
            from ..match import doctor as match_doctor

            done.append(match_doctor.repair(root))
    finally:
        lock.release()
    return done


def _aside_name(path: Path, stamp: str) -> Path:
    """``<name>.corrupt-<stamp>``, under a name no earlier repair has used."""
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    return aside


def _set_aside(path: Path, stamp: str) -> Path:
    """Move a damaged file aside under a name no earlier repair has used."""
    aside = _aside_name(path, stamp)
    if path.exists() or path.is_symlink():  # a link is moved aside, never followed
        os.replace(path, aside)
    return aside


def _last_steps(root: Path) -> dict[str, tuple[bool, set[int]]] | None:
    """Per article, what the last step done (on the undo stack) that touched it says:
    (it took the article out with ``remove_article``, the history seqs it refers to).
    None when the undo journal cannot be read."""
    from .undo_log import UndoLog

    try:
        stack = UndoLog(root / UNDO, readonly=True).undo_stack()
    except (WorkbenchError, OSError, ValueError):
        return None
    out: dict[str, tuple[bool, set[int]]] = {}
    for entry in stack:
        removed = {a for a in entry.get("removed") or [] if isinstance(a, str)}
        seqs: dict[str, set[int]] = {}
        for ref in entry.get("rows") or []:
            if isinstance(ref, list) and len(ref) == 2 and isinstance(ref[0], str):
                seqs.setdefault(ref[0], set()).add(ref[1])
        for pair in entry.get("articles") or []:
            if isinstance(pair, list) and pair and isinstance(pair[0], str):
                seqs.setdefault(pair[0], set())
        for aid in removed | set(seqs):
            out[aid] = (aid in removed, seqs.get(aid, set()))
    return out


def _kept_out(
    tables: dict, aid: str, restored: bool, steps: dict[str, tuple[bool, set[int]]] | None
) -> bool | None:
    """Whether a removed article stays out of the rebuilt index: its history's last
    article row says so, or (its file restored from a copy that may miss its last
    changes) the undo journal's last step on it took it out and the file misses that
    step's rows. None: a restored file, and the undo journal could not be read."""
    history = ordered(tables.get("history", {}))
    if not restored:
        return was_removed(history)
    if steps is None:
        return None
    last = steps.get(aid)
    have = {r.get("seq") for r in history}
    if last is not None and not last[1] <= have:  # the copy misses the last step
        return last[0]
    return was_removed(history)


def _rebuild_index(root: Path, stamp: str, restored: Collection[str] = ()) -> str:
    """Index every readable article file but the removed ones (kept for undo); of
    several with one source, the newest."""
    by_source: dict[str, dict] = {}
    rows: list[dict] = []
    steps = _last_steps(root) if restored else None
    kept_out = 0
    unsure: list[str] = []
    for path in sorted((root / ARTICLES).glob("*.json")):
        if path.is_symlink() or _file_problem(path, "article") is not None:
            continue
        data = load_document(path, "article")
        row = summarize(data["tables"]) if data else None
        if not row or not row["id"]:
            continue
        out = _kept_out(data["tables"], path.stem, path.stem in restored, steps)  # type: ignore[index]
        if out:
            kept_out += 1
            continue
        if out is None:
            unsure.append(path.stem)
        src = row.get("source") or ""
        if src and src != "-":
            prev = by_source.get(src)
            if prev is not None and prev["added_at"] >= row["added_at"]:
                continue
            if prev is not None:
                rows.remove(prev)
            by_source[src] = row
        rows.append(row)
    index, log = root / INDEX, root / INDEX_LOG
    if index.exists():
        _set_aside(index, stamp)
    tables = {"articles": {str(i): r for i, r in enumerate(rows, 1)}}
    # stamped past every log line, so a crash before the log goes leaves it unused
    tables["journal"] = {"1": {"n": index_log.last_n(log)}}
    atomic_write(index, encode_document(tables, "index"), keep_backup=False)
    if log.exists() or log.is_symlink():
        _set_aside(log, stamp)
    (root / "dirty").unlink(missing_ok=True)
    remove_claim_map(root)  # derived from the index: rebuilt from the new one
    line = f"rebuilt {index} from {len(rows)} article file(s)"
    if kept_out:
        line += f"; kept {kept_out} removed article(s) out of the list (undo lists them again)"
    if unsure:
        line += (
            f"; listed {len(unsure)} restored article(s) again although one may have been "
            f"removed since its copy (the undo journal is unreadable): {', '.join(unsure)}"
        )
    return line
