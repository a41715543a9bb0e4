"""Network commands: ``workbench fetch URL`` and ``workbench check-links``.

The use cases are ``core.services.fetching`` and ``core.services.link_checks``
(safety rules in ``core.net``). Untrusted text (titles, URLs, errors from the
network) is printed through ``one_line``.
"""

from __future__ import annotations

import argparse
import sys

from ..core.config import Config
from ..core.errors import InputError, NetworkUnreachable
from .common import error_line, open_ws, out, seconds, warn


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "fetch",
        parents=[common],
        help="fetch a news page by URL and import it into the workspace",
        description=(
            "Fetch a web page, keep the article (title, author, date, body; menus, cookie "
            "banners, footers and related links left out), extract its claims and import it. "
            "Fetching the same URL again re-imports changed text; verdicts are kept."
        ),
    )
    p.add_argument("url", metavar="URL", help="http:// or https:// address of the article")
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow hosts on this machine or a private network (refused by default)",
    )
    p.add_argument(
        "--no-extract",
        action="store_true",
        help="import the article without extracting claims (no spaCy; refused for a URL "
        "already imported, whose verdicts would be orphaned)",
    )
    p.add_argument(
        "--whole-page",
        action="store_true",
        help="keep all visible text of the page instead of the article body alone",
    )
    p.add_argument(
        "--print",
        dest="print_only",
        action="store_true",
        help="print the extracted article on stdout instead of importing it",
    )
    p.add_argument(
        "--timeout", type=seconds, default=30.0, help="total seconds for the fetch (default 30)"
    )
    p.set_defaults(func=cmd_fetch)

    p = sub.add_parser(
        "check-links",
        parents=[common],
        help="check every evidence link: status, final URL, title; archive lookups",
        description=(
            "Check the evidence links of one article (or all): HTTP status, final URL after "
            "redirects and page title are stored with each link; dead links (4xx, 5xx, unknown "
            "host, timeout) are flagged. --archive looks up the closest Internet Archive "
            "snapshot, --save asks Save Page Now for links that have none."
        ),
    )
    p.add_argument("article", nargs="?", metavar="ARTICLE_ID", help="article id, prefix or source")
    p.add_argument("--all", action="store_true", help="every article (the default)")
    p.add_argument(
        "--concurrency", "-c", type=int, default=8, help="links checked at once (default 8)"
    )
    p.add_argument("--archive", action="store_true", help="look up Internet Archive snapshots")
    p.add_argument(
        "--save", action="store_true", help="ask Save Page Now for links without a snapshot"
    )
    p.add_argument(
        "--allow-private", action="store_true", help="allow links to private/local addresses"
    )
    p.add_argument("--progress", action="store_true",
                   help="report progress on stderr even when it is not a terminal")
    p.set_defaults(func=cmd_check_links)


# -- fetch ---------------------------------------------------------------------------


def cmd_fetch(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.fetching import FetchOptions, fetch_and_import, fetch_page

    options = FetchOptions(
        allow_private=args.allow_private, timeout=args.timeout, whole_page=args.whole_page
    )
    if args.print_only:
        sys.stdout.write(fetch_page(args.url, options).text + "\n")
        return 0
    with open_ws(config, create=True) as ws:  # lock first: fail fast when the workspace is busy
        outcome = fetch_and_import(
            ws, args.url, options, model=config.model_name, claims=not args.no_extract
        )
    for line in outcome.describe(title_width=70):
        out(line)
    return 0


# -- check-links ---------------------------------------------------------------------


def cmd_check_links(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.link_checks import check_and_save, link_targets
    from .progress import ProgressBar

    if args.article and args.all:
        raise InputError("give an ARTICLE_ID or --all, not both")
    if not 1 <= args.concurrency <= 64:
        raise InputError("--concurrency must be between 1 and 64")
    with open_ws(config) as ws:
        targets = link_targets(ws, [args.article] if args.article else None)
        if not targets:
            out("no evidence links to check")
            return 0
        bar = ProgressBar("checking links", min_total=1, force=args.progress)
        archive_bar = ProgressBar("archive lookups", min_total=1, force=args.progress)
        try:
            run = check_and_save(
                ws,
                targets,
                allow_private=args.allow_private,
                concurrency=args.concurrency,
                archive=args.archive,
                save=args.save,
                progress=bar,
                archive_progress=archive_bar,
            )
        finally:
            bar.close()
            archive_bar.close()
    for message in run.archive_errors.values():
        warn(message)
    for line in run.lines():
        out(line)
    out(run.summary())
    if run.archive_skipped:
        error_line(
            "archive lookups skipped: the network is unreachable (cannot reach archive.org); "
            "the link checks above were saved"
        )
        return NetworkUnreachable.exit_code
    return 1 if run.counts()["unchecked"] else 0
