"""``workbench export`` (verdict reports) and ``workbench import`` (restore/merge a JSON export)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.config import Config
from ..core.errors import InputError
from ..core.text import one_line

DEFAULT_HTML_NAME = "verdict-report.html"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from ..core.export import FORMATS

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export a verdict report (md, html, csv, json, claimreview)",
        description=(
            "Export verdict reports. Markdown, CSV, JSON and ClaimReview go to stdout unless -o "
            f"names a file; HTML goes to {DEFAULT_HTML_NAME} unless -o says otherwise. "
            "--reviewer keeps only claims whose verdict that reviewer set last."
        ),
    )
    p.add_argument(
        "articles", nargs="*", metavar="ARTICLE_ID", help="article ids, id prefixes or sources"
    )
    p.add_argument("--all", action="store_true", help="every article of the workspace")
    p.add_argument(
        "--format", "-f", choices=FORMATS, default="md", help="report format (default md)"
    )
    p.add_argument("-o", "--output", metavar="PATH", help="output file ('-' for stdout)")
    p.add_argument(
        "--status", metavar="LIST", help="only claims with these statuses, e.g. disputed,false"
    )
    p.add_argument(
        "--url", help="ClaimReview: URL of the page publishing the fact check (config: url)"
    )
    p.add_argument("--org", help="ClaimReview: publishing organization (config: org)")
    p.add_argument(
        "--html",
        action="store_true",
        help="ClaimReview: <script type=application/ld+json> snippets",
    )
    p.set_defaults(func=run_export)

    q = sub.add_parser(
        "import",
        parents=[common],
        help="restore or merge a JSON export into the workspace",
        description=(
            "Import a JSON export (workbench export --format json): new articles are added with "
            "their claims, verdicts and history; shared articles are merged claim by claim, the "
            "later change winning each conflict. Conflicts are listed and kept in history."
        ),
    )
    q.add_argument("file", metavar="FILE.json", help="a JSON export")
    q.set_defaults(func=run_import)


def _article_refs(args: argparse.Namespace, ws: Any) -> list[str]:
    if args.all and args.articles:
        raise InputError("give article ids or --all, not both")
    summaries = ws.articles()
    if args.all:
        if not summaries:
            raise InputError(f"the workspace {ws.path} has no articles yet")
        return [s.id for s in summaries]
    if args.articles:
        return list(args.articles)
    if len(summaries) == 1:
        return [summaries[0].id]
    if not summaries:
        raise InputError(f"the workspace {ws.path} has no articles yet")
    raise InputError(
        f"the workspace has {len(summaries)} articles: name one or more ARTICLE_IDs, or use --all"
    )


def run_export(args: argparse.Namespace, config: Config) -> int:
    from ..core.export import ExportOptions, render_report, write_text_atomic
    from ..core.export.report import parse_statuses
    from ..core.store import Workspace

    if args.html and args.format != "claimreview":
        raise InputError("--html only applies to --format claimreview")
    statuses = parse_statuses(args.status) if args.status else None
    options = ExportOptions(
        url=args.url or config.url,
        org=args.org or config.org,
        html_snippets=bool(args.html),
    )
    with Workspace.open(config.workspace_path, reviewer=config.reviewer_name, readonly=True) as ws:
        refs = _article_refs(args, ws)
        text = render_report(ws, args.format, refs, statuses, args.reviewer or None, options)
    output = args.output
    if output is None and args.format == "html":
        output = DEFAULT_HTML_NAME
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return 0
    path = write_text_atomic(output, text)
    print(f"wrote {args.format} report to {one_line(str(path))}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace, config: Config) -> int:
    from ..core.export.merge import load_export, merge_export
    from ..core.store import Workspace

    export = load_export(args.file)  # validated before the workspace is touched
    with Workspace.open(config.workspace_path, reviewer=config.reviewer_name) as ws:
        result = merge_export(ws, export)
    print(result.summary())
    for old_id in result.replaced.values():
        print(f"note: a newer text of a stored article replaced article {old_id}")
    for conflict in result.conflicts:
        print(conflict.describe())
    return 0
