"""``workbench export`` (verdict reports) and ``workbench import`` (restore/merge a JSON export)."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

from ..core.config import Config
from ..core.text import one_line
from .common import open_ws, out, warn

DEFAULT_HTML_NAME = "verdict-report.html"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    from ..core.export import FORMATS

    p = sub.add_parser(
        "export",
        parents=[common],
        help="export a verdict report (md, html, csv, json, claimreview)",
        description=(
            "Export verdict reports. Markdown, CSV, JSON and ClaimReview go to stdout unless -o "
            f"names a file; HTML goes to {DEFAULT_HTML_NAME} unless -o says otherwise. An "
            "existing file is replaced only with --force. "
            "--by NAME keeps only claims whose verdict NAME set last. Dismissed claims are "
            "left out unless --include-dismissed (JSON always holds them)."
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
    p.add_argument("--force", action="store_true",
                   help="replace the output file when it exists (else refused)")
    p.add_argument(
        "--status", metavar="LIST",
        help="only claims with these statuses, e.g. disputed,false",
    )
    p.add_argument("--by", metavar="NAME", help="only claims whose verdict NAME set last")
    p.add_argument("--include-dismissed", action="store_true",
                   help="keep dismissed claims in the report")
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
            "later change winning each conflict. Conflicts are listed and kept in history. "
            "The workspace must exist unless --create."
        ),
    )
    q.add_argument("file", metavar="FILE.json", help="a JSON export")
    q.add_argument("--create", action="store_true",
                   help="create the workspace when there is none at that path")
    q.set_defaults(func=run_import)


def run_export(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.exporting import ExportRequest, stream_export

    request = ExportRequest(
        fmt=args.format,
        articles=tuple(args.articles),
        every=args.all,
        statuses=args.status,
        by=args.by,
        include_dismissed=args.include_dismissed,
        url=args.url or config.url,
        org=args.org or config.org,
        html_snippets=bool(args.html),
    )
    output = args.output
    if output is None and args.format == "html":
        output = DEFAULT_HTML_NAME
    if output == "-":
        output = None
    with open_ws(config, mode="read") as ws:
        # written as it is rendered, article by article: memory stays flat at any size
        result = stream_export(ws, request, output, sys.stdout, replace=args.force)
    for message in result.warnings:
        warn(message)
    if output is not None:
        print(f"wrote {args.format} report to {one_line(result.path)}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace, config: Config) -> int:
    from ..core.errors import NoWorkspace
    from ..core.services.merging import load, merge

    export = load(args.file)  # validated before the workspace is touched
    # only with --create: a mistyped -w says "no workspace" instead of making one
    try:
        ws = open_ws(config, create=args.create)
    except NoWorkspace as exc:  # its hint was `workbench add ARTICLE`, which loses the export
        where = one_line(str(config.workspace_location))
        again = f"workbench import {shlex.quote(one_line(args.file))} --create"
        raise NoWorkspace(f"no workspace at {where}; check -w, or make one from this export "
                       f"with `{again}`") from exc
    with ws:
        outcome = merge(ws, export)
    for message in outcome.warnings:
        warn(message)
    for line in outcome.lines:
        out(line)
    return 0
