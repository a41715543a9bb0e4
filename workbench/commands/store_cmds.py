"""Workspace commands: add, claims, mark, undo, redo, status, history, doctor.

Read-only commands (claims, status, history) open the workspace without the lock,
so they work while the TUI holds it. All untrusted text goes through ``one_line``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from ..core.config import Config
from ..core.errors import InputError, WorkbenchError
from ..core.models import STANCES, STATUSES, Change, Claim
from ..core.net.links import normalize_url
from ..core.text import one_line


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("add", parents=[common], help="import articles into the workspace")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders, or - for stdin"
    )
    p.add_argument("--jobs", "-j", type=int, default=1, help="processes for spaCy (default 1)")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("claims", parents=[common], help="list claims with their verdicts")
    p.add_argument("article", nargs="?", metavar="ARTICLE", help="article id, id prefix or source")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("mark", parents=[common], help="set a claim's status (and note, link)")
    p.add_argument("claim", metavar="CLAIM_ID", help="claim id or any unique prefix of it")
    p.add_argument(
        "status",
        type=lambda s: s.strip().lower().replace(" ", "_").replace("-", "_"),
        choices=STATUSES,
        metavar="STATUS",
        help=" | ".join(STATUSES) + " (any case; in-progress works too)",
    )
    p.add_argument("--note", help="replace the note (use $'...' for several lines)")
    p.add_argument("--link", help="attach an evidence link (absolute http/https URL)")
    p.add_argument(
        "--stance", choices=STANCES, default=None, help="stance of --link (new links: context)"
    )
    p.add_argument("--title", default="", help="title of --link")
    p.set_defaults(func=cmd_mark)

    p = sub.add_parser("undo", parents=[common], help="undo the last change")
    p.set_defaults(func=cmd_undo)
    p = sub.add_parser("redo", parents=[common], help="redo the last undone change")
    p.set_defaults(func=cmd_redo)

    p = sub.add_parser("status", parents=[common], help="review progress per article")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("history", parents=[common], help="change history of a claim")
    p.add_argument("claim", nargs="?", metavar="CLAIM_ID", help="claim id or unique prefix")
    p.add_argument("--limit", "-n", type=_positive, help="only the last N changes")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_history)

    p = sub.add_parser("doctor", parents=[common], help="check the workspace files; restore")
    p.add_argument("--restore", action="store_true", help="restore damaged files (last good copy)")
    p.set_defaults(func=cmd_doctor)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


LOCK_WAIT = 3.0
"""Seconds a writing command waits for a workspace another command holds (scripts
running two `workbench mark` at once take turns instead of failing)."""


def _open(config: Config, readonly: bool = False, create: bool = False) -> Any:
    """Only `add` creates a workspace: a mistyped --workspace gives an error, not a new one."""
    from ..core.store import Workspace

    return Workspace.open(
        config.workspace_path,
        reviewer=config.reviewer_name,
        readonly=readonly,
        wait=0.0 if readonly else LOCK_WAIT,
        create=create,
    )


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


# -- add ---------------------------------------------------------------------------


def cmd_add(args: argparse.Namespace, config: Config) -> int:
    from ..core.articles import expand_paths, load_article_file
    from ..core.nlp.extract import extract_many

    if args.jobs < 1:
        raise InputError("--jobs must be at least 1")
    paths = expand_paths(args.paths)
    if paths.count("-") > 1:
        raise InputError("stdin (-) can be given only once")
    articles, failed = [], 0
    for path in paths:
        try:
            articles.append(load_article_file(path))
        except InputError as exc:  # one bad file does not stop the others
            print(f"workbench: error: {one_line(exc.message)}", file=sys.stderr)
            failed += 1
    if not articles:
        return 2
    with _open(config, create=True) as ws:  # lock before the slow part: fail fast when busy
        from .progress import ProgressBar

        bar = ProgressBar("extracting", min_total=3)
        try:
            results = extract_many(articles, model=config.model_name, jobs=args.jobs, progress=bar)
        finally:
            bar.close()
        done = ws.add_articles(list(zip(articles, results, strict=True)))
        for article, r in zip(articles, done, strict=True):
            title = one_line(article.title or article.source, 60)
            if r.replaced:
                what = f"re-imported (replaces {r.replaced[:8]})"
            elif r.created:
                what = "added"
            else:
                what = "already there, claims refreshed"
            extra = ""
            if r.replaced or not r.created:
                extra = f"; verdicts kept {r.kept}, moved {r.moved}, orphaned {r.orphaned}"
            _out(f"{what} {r.article_id[:8]}  {title}  ({r.claims} claims{extra})")
    return 2 if failed else 0


# -- claims --------------------------------------------------------------------------


def cmd_claims(args: argparse.Namespace, config: Config) -> int:
    with _open(config, readonly=True) as ws:
        if args.article:
            aids = [ws.article(args.article).id]
        else:
            aids = [s.id for s in ws.articles()]
        rows: list[tuple[Any, Any]] = []
        for aid in aids:
            verdicts = ws.verdicts(aid)
            for claim in ws.claims(aid):
                v = verdicts[claim.id]
                if args.status and v.status != args.status:
                    continue
                rows.append((claim, v))
            # verdicts whose claim a re-import removed: kept, and shown, after the claims
            for v, claim in ws.orphans(aid):
                if args.status and v.status != args.status:
                    continue
                rows.append((claim or _unknown_claim(v.claim_id, aid), v))
        if args.format == "json":
            out = []
            for claim, v in rows:
                item = claim.to_dict()
                item["orphaned"] = v.orphaned
                item["verdict"] = v.to_dict()
                out.append(item)
            sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
            return 0
        if not rows:
            _out("no claims")
            return 0
        _out(f"{'CLAIM':<12}  {'ARTICLE':<8}  {'STATUS':<12}  {'KIND':<11}  LABEL")
        for claim, v in rows:
            note = "  [orphaned]" if v.orphaned else ""
            note += "  [note]" if v.note else ""
            links = f"  [{len(v.links)} link{'s' if len(v.links) != 1 else ''}]" if v.links else ""
            _out(
                f"{claim.id:<12}  {claim.article_id[:8]:<8}  {v.status:<12}  {claim.kind:<11}  "
                f"{one_line(claim.label or claim.anchor or '(claim text unknown)', 60)}"
                f"{note}{links}"
            )
    return 0


def _unknown_claim(claim_id: str, article_id: str) -> Claim:
    """Stand-in for an orphaned verdict whose claim text was not kept."""
    return Claim(
        id=claim_id,
        article_id=article_id,
        kind="",
        anchor="",
        start=0,
        end=0,
        sentence="",
        sentence_start=0,
        sentence_end=0,
        label="",
    )


# -- mark / undo / redo -------------------------------------------------------------


def cmd_mark(args: argparse.Namespace, config: Config) -> int:
    from ..core.errors import InputError

    if args.link is not None:
        normalize_url(args.link)  # refuse a bad link before anything is written
    elif args.stance is not None or args.title:
        raise InputError("--stance and --title describe a link: give it with --link URL")
    status = args.status
    with _open(config) as ws:
        aid, cid = ws.resolve_claim(args.claim)
        with ws.group():
            v = ws.set_status(aid, cid, status)
            if args.note is not None:
                v = ws.set_note(aid, cid, args.note)
            if args.link is not None:
                v = ws.add_link(aid, cid, args.link, title=args.title, stance=args.stance)
        extra = f", {len(v.links)} link(s)" if v.links else ""
        _out(f"{cid}  {v.status}{extra}")
    return 0


def _describe(change: Change) -> str:
    return (
        f"{change.claim_id}  {change.field}: {_value(change.field, change.old)} -> "
        f"{_value(change.field, change.new)}"
    )


def _value(field: str, value: Any) -> str:
    if field == "links" and isinstance(value, list):
        urls = [one_line(d.get("url", ""), 60) for d in value if isinstance(d, dict)]
        return "[" + ", ".join(urls) + "]"
    if field == "note":
        return repr(one_line(str(value or ""), 50))
    if isinstance(value, dict):
        return one_line(json.dumps(value, ensure_ascii=False), 60)
    return one_line(str(value), 60)


def _replay(config: Config, undo: bool) -> int:
    with _open(config) as ws:
        changes = ws.undo() if undo else ws.redo()
        if not changes:
            _out("nothing to undo" if undo else "nothing to redo")
            return 1
        for change in changes:
            _out(("undid " if undo else "redid ") + _describe(change))
    return 0


def cmd_undo(args: argparse.Namespace, config: Config) -> int:
    return _replay(config, undo=True)


def cmd_redo(args: argparse.Namespace, config: Config) -> int:
    return _replay(config, undo=False)


# -- status / history ----------------------------------------------------------------


def cmd_status(args: argparse.Namespace, config: Config) -> int:
    with _open(config, readonly=True) as ws:
        summaries = ws.articles()
        if args.format == "json":
            rows = [dataclasses.asdict(s) for s in summaries]
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return 0
        if not summaries:
            _out(f"no articles in {ws.path}")
            return 0
        short = {
            "unreviewed": "unrev",
            "in_progress": "prog",
            "verified": "ver",
            "disputed": "disp",
            "false": "false",
            "inconclusive": "inc",
        }
        head = "  ".join(f"{short[s]:>5}" for s in STATUSES)
        _out(f"{'ARTICLE':<8}  {'DONE':>9}  {head}  TITLE")
        total = reviewed = 0
        for s in summaries:
            cells = "  ".join(f"{s.counts.get(st, 0):>5}" for st in STATUSES)
            done = f"{s.reviewed}/{s.claims}"
            title = one_line(s.title or s.source, 50)
            _out(f"{s.id[:8]:<8}  {done:>9}  {cells}  {title}")
            total += s.claims
            reviewed += s.reviewed
        orphaned = sum(s.orphaned for s in summaries)
        extra = (
            f"; {orphaned} orphaned verdict(s) kept for claims no longer in their article"
            if orphaned
            else ""
        )
        _out(f"{len(summaries)} article(s), {reviewed}/{total} claims reviewed{extra}")
    return 0


def cmd_history(args: argparse.Namespace, config: Config) -> int:
    with _open(config, readonly=True) as ws:
        if args.claim:
            aid, cid = ws.resolve_claim(args.claim)
            rows = ws.history(aid, cid, limit=args.limit)
        else:
            rows = ws.history(limit=args.limit)
        if args.format == "json":
            data = [c.to_dict() for c in rows]
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            return 0
        if not rows:
            _out("no history")
            return 0
        for c in rows:
            _out(f"{c.at}  {one_line(c.reviewer, 20):<12}  {c.action:<6}  {_describe(c)}")
    return 0


# -- doctor --------------------------------------------------------------------------


def cmd_doctor(args: argparse.Namespace, config: Config) -> int:
    from ..core.store.doctor import check, repair

    root = config.workspace_path
    findings = check(root)
    if not findings:
        _out(f"{root}: all files are sound")
        return 0
    for f in findings:
        fix = f" (fix: {f.fix})" if f.fix else " (no good copy to restore)"
        _out(f"{one_line(str(f.path))}: {one_line(f.problem, 200)}{fix}")
    if not args.restore:
        _out("run `workbench doctor --restore` to apply the fixes")
        return 1
    try:
        for line in repair(root):
            _out(one_line(line))
    except WorkbenchError:
        raise
    remaining = check(root)
    return 1 if remaining else 0
