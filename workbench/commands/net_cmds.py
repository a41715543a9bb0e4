"""Network commands: ``workbench fetch URL`` and ``workbench check-links``.

Every request goes through ``core.fetch`` (safety rules there). Untrusted text
(titles, URLs, errors from the network) is printed through ``one_line``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.config import Config
from ..core.errors import InputError, NetworkUnreachable, NotFound
from ..core.models import ArchiveSnapshot, LinkCheck
from ..core.text import one_line


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
        "--timeout", type=float, default=30.0, help="total seconds for the fetch (default 30)"
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
    p.set_defaults(func=cmd_check_links)


def _open(config: Config, readonly: bool = False, create: bool = False) -> Any:
    from ..core.store import Workspace

    return Workspace.open(
        config.workspace_path, reviewer=config.reviewer_name, readonly=readonly, create=create
    )


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


# -- fetch ---------------------------------------------------------------------------


def cmd_fetch(args: argparse.Namespace, config: Config) -> int:
    from ..core.net.fetch import fetch_article, validate_url

    url = validate_url(args.url)
    if args.timeout <= 0:
        raise InputError("--timeout must be a positive number of seconds")
    if args.print_only:
        article = fetch_article(
            url,
            allow_private=args.allow_private,
            timeout=args.timeout,
            extract_body=not args.whole_page,
        )
        sys.stdout.write(article.text + "\n")
        return 0
    with _open(config, create=True) as ws:  # lock first: fail fast when the workspace is busy
        if args.no_extract and _already_imported(ws, url):
            raise InputError(
                f"{one_line(url, 200)} is already in the workspace; fetch it again without "
                "--no-extract so its verdicts stay on their claims"
            )
        article = fetch_article(
            url,
            allow_private=args.allow_private,
            timeout=args.timeout,
            extract_body=not args.whole_page,
        )
        if args.no_extract:
            claims = []
        else:
            from ..core.nlp.extract import extract_claims

            claims = extract_claims(article, model=config.model_name)
        result = ws.add_article(article, claims)
    title = one_line(article.title or article.source, 70)
    if result.replaced:
        what = f"re-imported {result.article_id[:8]} (changed text, replaces {result.replaced[:8]})"
    elif result.created:
        what = f"added {result.article_id[:8]}"
    else:
        what = f"unchanged {result.article_id[:8]}"
    _out(f"{what}  {title}  ({len(claims)} claims)")
    facts = [
        f"by {one_line(article.meta['author'], 80)}" if article.meta.get("author") else "",
        f"published {one_line(article.meta['date'], 40)}" if article.meta.get("date") else "",
    ]
    final = article.meta.get("final_url")
    if final and final != article.source:
        facts.append(f"redirected to {one_line(final, 200)}")
    if any(facts):
        _out("  " + "; ".join(f for f in facts if f))
    if result.replaced or not result.created:
        _out(f"  verdicts kept {result.kept}, moved {result.moved}, orphaned {result.orphaned}")
    return 0


def _already_imported(ws: Any, url: str) -> bool:
    try:
        ws.article(url)
    except NotFound:
        return False
    return True


# -- check-links ---------------------------------------------------------------------


def cmd_check_links(args: argparse.Namespace, config: Config) -> int:
    from ..core.net.fetch import check_links
    from .progress import ProgressBar

    if args.article and args.all:
        raise InputError("give an ARTICLE_ID or --all, not both")
    if not 1 <= args.concurrency <= 64:
        raise InputError("--concurrency must be between 1 and 64")
    with _open(config) as ws:
        aids = [ws.article(args.article).id] if args.article else [s.id for s in ws.articles()]
        targets: list[tuple[str, str, str]] = []  # (article id, claim id, url)
        for aid in aids:
            for cid, verdict in ws.verdicts(aid).items():
                targets.extend((aid, cid, link.url) for link in verdict.links)
        if not targets:
            _out("no evidence links to check")
            return 0
        urls = list(dict.fromkeys(url for _, _, url in targets))
        bar = ProgressBar("checking links", min_total=1)
        try:
            results = check_links(
                urls,
                concurrency=args.concurrency,
                allow_private=args.allow_private,
                progress=bar,
                skip_unreachable=True,
            )
        finally:
            bar.close()
        if not results:
            raise NetworkUnreachable(
                f"cannot check {len(urls)} link(s): the network is unreachable; nothing was changed"
            )
        archives: dict[str, ArchiveSnapshot | None] = {}
        archive_skipped = False
        if args.archive or args.save:
            from ..core.net.archive import lookup_many

            bar = ProgressBar("archive lookups", min_total=1)
            try:
                archives, errors = lookup_many(
                    urls, save=args.save, concurrency=min(args.concurrency, 4), progress=bar
                )
            except NetworkUnreachable:
                # the link checks are kept; only the archive lookups are skipped
                archives, errors = {}, {}
                archive_skipped = True
            finally:
                bar.close()
            for message in errors.values():
                print(f"workbench: warning: {one_line(message, 300)}", file=sys.stderr)
        for aid, cid, url in targets:
            archive = archives.get(url)
            record = results.get(url)
            if record is not None and record.refused:
                record = None  # a refused link was not checked: its last check stays
            if record is None and archive is None:
                continue
            ws.set_link_check(aid, cid, url, check=record, archive=archive)
    code = _report(urls, results, archives, (args.archive or args.save) and not archive_skipped)
    if archive_skipped:
        print(
            "workbench: error: archive lookups skipped: the network is unreachable "
            "(cannot reach archive.org); the link checks above were saved",
            file=sys.stderr,
        )
        return NetworkUnreachable.exit_code
    return code


def _report(
    urls: list[str],
    results: dict[str, LinkCheck],
    archives: dict[str, ArchiveSnapshot | None],
    archived: bool,
) -> int:
    dead = refused = unchecked = 0
    for url in urls:
        record = results.get(url)
        if record is None:
            unchecked += 1
            _out(f"---    -  {one_line(url, 100)}  not checked: the network is unreachable")
            continue
        if record.refused:
            refused += 1
            word, detail = "SKIP", record.error or ""
        elif record.ok:
            word, detail = "ok  ", record.title
        else:
            dead += 1
            word, detail = "DEAD", record.error or ""
        code = str(record.status_code or "-")
        line = f"{word} {code:>3}  {one_line(url, 100)}"
        if detail:
            line += f"  {one_line(detail, 60)}"
        final = record.final_url
        if final and final != url:
            line += f"  -> {one_line(final, 80)}"
        if archived:
            snap = archives.get(url)
            line += f"  [archived {snap.timestamp[:10]}]" if snap else "  [no snapshot]"
        _out(line)
    plural = "s" if len(urls) != 1 else ""
    ok = len(urls) - dead - refused - unchecked
    summary = f"checked {len(urls)} link{plural}: {ok} ok, {dead} dead"
    if refused:
        summary += f", {refused} refused (private address; --allow-private to check them)"
    if unchecked:
        summary += f", {unchecked} not checked (network unreachable)"
    if archived:
        summary += f"; {sum(1 for u in urls if archives.get(u))} with an archive snapshot"
    _out(summary)
    return 1 if unchecked else 0
