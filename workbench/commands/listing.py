"""Read-only commands: ``claims``, ``status``, ``history``.

They open the workspace without the lock, so they work while the workbench holds
it. Every stored string is printed through ``one_line`` (an imported export may
hold escape sequences in any field, ``kind`` and history ``action`` included).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from ..core.config import Config
from ..core.models import Change, Claim
from ..core.text import one_line
from ..core.vocabulary import dismissal_words
from .common import TYPE_SHORT, dump_json, open_ws, out, positive_int


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("claims", parents=[common], help="list claims with their verdicts")
    p.add_argument("article", nargs="?", metavar="ARTICLE", help="article id, id prefix or source")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.add_argument(
        "--status", metavar="S[,S...]", help="only claims with these statuses, e.g. disputed,false"
    )
    p.set_defaults(func=cmd_claims)

    p = sub.add_parser("status", parents=[common], help="review progress per article")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("history", parents=[common], help="change history of a claim")
    p.add_argument(
        "claim", nargs="?", metavar="CLAIM_ID", help="claim id, unique prefix, or ARTICLE:CLAIM"
    )
    p.add_argument("--limit", "-n", type=positive_int, help="only the last N changes")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_history)


def _json(data: Any) -> None:
    sys.stdout.write(dump_json(data) + "\n")


def cmd_claims(args: argparse.Namespace, config: Config) -> int:
    from ..core.vocabulary import parse_statuses

    wanted = parse_statuses(args.status)
    with open_ws(config, mode="read") as ws:
        aids = [ws.article(args.article).id] if args.article else [s.id for s in ws.articles()]
        rows: list[tuple[Any, Any]] = []
        for aid in aids:
            verdicts = ws.verdicts(aid)
            pairs = [(c, verdicts[c.id]) for c in ws.claims(aid)]
            # verdicts whose claim a re-import removed: kept, and shown, after the claims
            pairs += [(c or _unknown_claim(v.claim_id, aid), v) for v, c in ws.orphans(aid)]
            rows += [(c, v) for c, v in pairs if not wanted or v.status in wanted]
    if args.format == "json":
        items = []
        for claim, v in rows:
            item = claim.to_dict()
            item["orphaned"] = v.orphaned
            item["verdict"] = v.to_dict()
            items.append(item)
        _json(items)
        return 0
    if not rows:
        out("no claims")
        return 0
    out(f"{'CLAIM':<12}  {'ARTICLE':<8}  {'STATUS':<12}  {'KIND':<11}  {'TYPE':<8}  LABEL")
    for claim, v in rows:
        marks = "  [orphaned]" if v.orphaned else ""
        marks += "  [note]" if v.note else ""
        n = len(v.links)
        marks += f"  [{n} link{'s' if n != 1 else ''}]" if n else ""
        label = v.label or claim.label or claim.anchor or "(claim text unknown)"
        speaker = one_line(claim.speaker or "", 40)
        if speaker and not one_line(label).startswith(speaker):
            # the reviewer's wording (or a label without it) would hide who said it
            marks = f"  [said by {speaker}]" + marks
        ctype = TYPE_SHORT.get(claim.claim_type or "", "-")
        out(
            f"{one_line(claim.id, 12):<12}  {one_line(claim.article_id)[:8]:<8}  "
            f"{one_line(v.status, 12):<12}  {one_line(claim.kind, 30):<11}  {ctype:<8}  "
            f"{one_line(label, 60)}{marks}"
        )
    return 0


def _unknown_claim(claim_id: str, article_id: str) -> Claim:
    """Stand-in for an orphaned verdict whose claim text was not kept."""
    return Claim(claim_id, article_id, "", "", 0, 0, "", 0, 0, "")


def cmd_status(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.workspace import where as location_of
    from ..core.vocabulary import STATUS_STYLE, Status

    with open_ws(config, mode="read") as ws:
        summaries = ws.articles()
        where = location_of(ws)
    if args.format == "json":
        _json([dataclasses.asdict(s) for s in summaries])
        return 0
    if not summaries:
        out(f"no articles in {one_line(str(where))}")
        return 0
    head = "  ".join(f"{STATUS_STYLE[s].short:>5}" for s in Status)
    out(f"{'ARTICLE':<8}  {'DONE':>9}  {head}  TITLE")
    total = reviewed = 0
    for s in summaries:
        cells = "  ".join(f"{s.counts.get(st, 0):>5}" for st in Status)
        done = f"{s.reviewed}/{s.claims}"
        out(f"{one_line(s.id)[:8]:<8}  {done:>9}  {cells}  {one_line(s.title or s.source, 50)}")
        total += s.claims
        reviewed += s.reviewed
    orphaned = sum(s.orphaned for s in summaries)
    extra = (
        f"; {orphaned} orphaned verdict(s) kept for claims no longer in their article"
        if orphaned
        else ""
    )
    out(f"{len(summaries)} article(s), {reviewed}/{total} claims reviewed{extra}")
    return 0


def describe_change(change: Change) -> str:
    """``ARTICLE:CLAIM  field: old -> new`` in one clean line."""
    where = f"{one_line(change.article_id)[:8]}:{one_line(change.claim_id, 40)}"
    if not change.claim_id:  # the article's own row (its title)
        where = one_line(change.article_id)[:8]
    if change.field in ("link.title", "link.stance") and isinstance(change.new, dict):
        old = change.old.get("value") if isinstance(change.old, dict) else change.old
        url = one_line(str(change.new.get("url", "")), 60)
        attr = change.field.split(".", 1)[1]
        return (
            f"{where}  link {attr} of {url}: {_value('note', old)} -> "
            f"{_value('note', change.new.get('value'))}"
        )
    if change.field == "match.dismissed":
        return f"{where}  {dismissal_words(change.old, change.new)}"
    if change.field == "article" and (change.old is None or change.new is None):
        gone = change.new is None  # a removal or an import undone; else it is back
        what = change.old if gone else change.new
        verb = "out of the workspace" if gone else "back in the workspace"
        return f"{where}  article {verb}: {_value('title', what)}"
    if change.field == "claim":
        added = change.new if isinstance(change.new, dict) else change.old
        verb = "added" if isinstance(change.new, dict) else "removed"
        label = added.get("label", "") if isinstance(added, dict) else ""
        return f"{where}  claim {verb}: {_value('note', label)}"
    return (
        f"{where}  {one_line(change.field, 20)}: {_value(change.field, change.old)} -> "
        f"{_value(change.field, change.new)}"
    )


def _value(field: str, value: Any) -> str:
    if field == "links" and isinstance(value, list):
        urls = [one_line(d.get("url", ""), 60) for d in value if isinstance(d, dict)]
        return "[" + ", ".join(urls) + "]"
    if field in ("note", "label", "title"):
        # quoted as written: repr() doubled every backslash and swapped the quotes
        # around a text with an apostrophe, so the line misquoted the reviewer's note
        return "'" + one_line(str(value or ""), 50) + "'"
    if isinstance(value, dict):
        return one_line(json.dumps(value, ensure_ascii=False), 60)
    return one_line(str(value), 60)


def cmd_history(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import resolve

    with open_ws(config, mode="read") as ws:
        if args.claim:
            aid, cid = resolve(ws, args.claim)
            rows = ws.history(aid, cid, limit=args.limit)
        else:
            rows = ws.history(limit=args.limit)
    if args.format == "json":
        _json([c.to_dict() for c in rows])
        return 0
    if not rows:
        out("no history")
        return 0
    for c in rows:
        out(
            f"{one_line(c.at, 25)}  {one_line(c.reviewer, 20):<12}  {one_line(c.action, 20):<6}  "
            f"{describe_change(c)}"
        )
    return 0
