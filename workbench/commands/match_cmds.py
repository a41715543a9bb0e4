"""``workbench factchecks import|list|search`` and ``workbench matches [ARTICLE]``.

The collection of earlier fact-checks lives in the workspace; ``matches`` lists, for
each claim, the earlier checks of the same claim (published fact-checks and this
workspace's own verdicts) above the suggestion threshold. Nothing is applied: the
reviewer applies a match in the workbench. Every stored string is printed through
``one_line`` (an imported collection is untrusted text).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.config import Config
from ..core.text import one_line
from .common import dump_json, open_ws, out, positive_int


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "factchecks", parents=[common], help="the collection of earlier fact-checks"
    )
    fsub = p.add_subparsers(dest="factchecks_command", metavar="ACTION", required=True)
    inner = _suppressed(common)
    imp = fsub.add_parser(
        "import",
        parents=[inner],
        help="import ClaimReview JSON/JSON-LD, JSON Lines or CSV (validated first)",
    )
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(func=cmd_import)
    lst = fsub.add_parser("list", parents=[inner], help="list the collection")
    lst.add_argument("--limit", "-n", type=positive_int, default=20, help="at most N (20)")
    lst.add_argument("--format", "-f", choices=("table", "json"), default="table")
    lst.set_defaults(func=cmd_list)
    srch = fsub.add_parser("search", parents=[inner], help="the fact-checks closest to TEXT")
    srch.add_argument("text", metavar="TEXT")
    srch.add_argument("--limit", "-n", type=positive_int, default=10)
    srch.add_argument("--format", "-f", choices=("table", "json"), default="table")
    srch.set_defaults(func=cmd_search)
    chk = fsub.add_parser(
        "check", parents=[inner], help="check the collection and its match index; --rebuild"
    )
    chk.add_argument("--rebuild", action="store_true", help="rebuild the derived index now")
    chk.set_defaults(func=cmd_check)

    m = sub.add_parser(
        "matches", parents=[common], help="earlier checks of each claim (suggestions only)"
    )
    m.add_argument("article", nargs="?", metavar="ARTICLE", help="article id, prefix or source")
    m.add_argument("--format", "-f", choices=("table", "json"), default="table")
    m.set_defaults(func=cmd_matches)


def _suppressed(common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The common options for a nested subcommand, without defaults: a value given
    before the action (``workbench -w X factchecks import F``) is not reset by it."""
    inner = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    for action in common._actions:
        if action.option_strings:
            inner.add_argument(*action.option_strings, dest=action.dest, help=action.help)
    return inner


def _json(data: Any) -> None:
    sys.stdout.write(dump_json(data) + "\n")


def cmd_import(args: argparse.Namespace, config: Config) -> int:
    from ..core.errors import NoWorkspace
    from ..core.match.readers import read_factchecks
    from ..core.match.service import import_factchecks

    records = None
    try:
        ws = open_ws(config)
    except NoWorkspace:
        # a new workspace, like `add` makes one; a bad file makes none (read it first)
        records = read_factchecks(args.file)
        ws = open_ws(config, create=True)
    with ws:
        s = import_factchecks(ws, args.file, records)
    out(
        f"{s.total} fact-check(s) in {one_line(args.file, 200)}: {s.added} new, "
        f"{s.updated} updated, {s.unchanged} unchanged"
    )
    return 0


def _rating(status: str | None, rating: str) -> str:
    shown = one_line(rating, 24) or "-"
    return f"{shown} ({status})" if status and status != rating else shown


def cmd_list(args: argparse.Namespace, config: Config) -> int:
    from ..core.match.service import list_factchecks

    with open_ws(config, mode="read") as ws:
        total, records = list_factchecks(ws, args.limit)
    if args.format == "json":
        _json({"total": total, "factchecks": [r.to_dict() for r in records]})
        return 0
    if not total:
        out("no fact-checks: import some with `workbench factchecks import FILE`")
        return 0
    for r in records:
        out(f"{_rating(r.status, r.rating):<28}  {one_line(r.publisher, 16):<16}  "
            f"{one_line(r.claim, 100)}")
    more = f" (showing {len(records)})" if len(records) < total else ""
    out(f"{total} fact-check(s){more}")
    return 0


def _print_matches(matches: list[Any], indent: str = "") -> None:
    for m in matches:
        who = one_line(m.publisher, 30) or "-"
        when = f" {one_line(m.date, 10)}" if m.date else ""
        out(f"{indent}{m.score:.2f} {m.strength:<10} {_rating(m.status, m.rating):<24} "
            f"{who}{when}: {one_line(m.claim, 110)}")
        where = m.url or (f"claim {m.article_id[:8]}:{m.claim_id}" if m.article_id else "")
        if where:
            out(f"{indent}{'':16}{one_line(where, 200)}")


def cmd_search(args: argparse.Namespace, config: Config) -> int:
    from ..core.match.service import search_factchecks

    with open_ws(config, mode="read") as ws:
        matches = search_factchecks(ws, args.text, args.limit)
    if args.format == "json":
        _json([m.to_dict() for m in matches])
        return 0
    if not matches:
        out("nothing found")
        return 0
    _print_matches(matches)
    return 0


def cmd_matches(args: argparse.Namespace, config: Config) -> int:
    from ..core.match.service import find_matches

    result: dict[str, Any] = {}
    with open_ws(config, mode="read") as ws:
        articles = [ws.article(args.article)] if args.article else [
            ws.article(s.id) for s in ws.articles()
        ]
        for article in articles:
            claims = {c.id: c for c in ws.claims(article.id)}
            found = find_matches(ws, article.id)
            result[article.id] = (article, claims, found)
    if args.format == "json":
        _json(
            [
                {
                    "article_id": aid,
                    "title": article.title,
                    "claims": [
                        {"claim_id": cid, "matches": [m.to_dict() for m in ms]}
                        for cid, ms in found.items()
                    ],
                }
                for aid, (article, _claims, found) in result.items()
            ]
        )
        return 0
    shown = 0
    for aid, (article, claims, found) in result.items():
        if not found:
            continue
        out(f"{aid[:8]}  {one_line(article.title, 100)}")
        for cid, ms in found.items():
            claim = claims.get(cid)
            text = claim.sentence if claim else cid
            out(f"  {cid}  {one_line(text, 110)}")
            _print_matches(ms, "    ")
            shown += 1
    if not shown:
        out("no claim has an earlier check above the suggestion threshold")
    return 0


def cmd_check(args: argparse.Namespace, config: Config) -> int:
    from ..core.match.service import check_index, rebuild_index

    with open_ws(config, mode="read") as ws:
        problems = check_index(ws)
        for line in problems:
            out(one_line(line, 400))
        if args.rebuild:
            out(one_line(rebuild_index(ws), 400))
            return 0
    if not problems:
        out("the fact-check collection and its match index are sound")
        return 0
    out("run `workbench factchecks check --rebuild` to rebuild the index now")
    return 1
