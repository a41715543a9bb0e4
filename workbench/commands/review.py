"""The reviewer's edits: ``mark``, ``undo``/``redo``, ``claim add|label|dismiss``,
``link edit``, ``rename`` and ``remove``. Each parses its arguments, calls
``core.services.reviewing`` and prints one line per change."""

from __future__ import annotations

import argparse

from ..core.config import Config
from ..core.models import Change
from ..core.text import one_line
from ..core.vocabulary import Stance, Status
from .common import note, open_ws, out, stance_arg, status_arg
from .listing import describe_change

CLAIM_HELP = "claim id, any unique prefix of it, or ARTICLE:CLAIM"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("mark", parents=[common], help="set a claim's status (and note, link)")
    p.add_argument("claim", metavar="CLAIM_ID", help=CLAIM_HELP)
    p.add_argument(
        "status",
        type=status_arg,
        metavar="STATUS",
        help=" | ".join(Status) + " (any case; in-progress works too)",
    )
    _edit_options(p)
    p.set_defaults(func=cmd_mark)

    p = sub.add_parser("undo", parents=[common], help="undo the last change")
    p.set_defaults(func=cmd_undo)
    p = sub.add_parser("redo", parents=[common], help="redo the last undone change")
    p.set_defaults(func=cmd_redo)

    claim = sub.add_parser("claim", parents=[common], help="add, reword or dismiss a claim")
    csub = claim.add_subparsers(
        dest="claim_command", metavar="ACTION", required=True, parser_class=type(claim)
    )
    p = csub.add_parser("add", parents=[common], help="add a claim the extractor missed")
    p.add_argument("article", metavar="ARTICLE", help="article id, id prefix or source")
    p.add_argument("--anchor", required=True, help="the exact text of the claim in the article")
    p.add_argument(
        "--occurrence",
        type=int,
        default=1,
        help="which occurrence of the anchor text (default 1, the first)",
    )
    p.set_defaults(func=cmd_claim_add)
    p = csub.add_parser("label", parents=[common], help="reword a claim (your wording)")
    p.add_argument("claim", metavar="CLAIM_ID", help=CLAIM_HELP)
    p.add_argument("label", metavar="TEXT", help="the new wording ('' restores the extracted one)")
    p.set_defaults(func=cmd_claim_label)
    p = csub.add_parser(
        "dismiss",
        parents=[common],
        help="dismiss a claim: not a checkable claim (counts as reviewed)",
    )
    p.add_argument("claim", metavar="CLAIM_ID", help=CLAIM_HELP)
    p.add_argument("--reason", help="why (stored as the note)")
    p.set_defaults(func=cmd_claim_dismiss)

    link = sub.add_parser("link", parents=[common], help="edit an evidence link")
    lsub = link.add_subparsers(
        dest="link_command", metavar="ACTION", required=True, parser_class=type(link)
    )
    p = lsub.add_parser("edit", parents=[common], help="change a link's stance or title")
    p.add_argument("claim", metavar="CLAIM_ID", help=CLAIM_HELP)
    p.add_argument("url", metavar="URL", help="the link's URL")
    p.add_argument("--stance", type=stance_arg, help=" | ".join(Stance))
    p.add_argument("--title", help="the link's title")
    p.set_defaults(func=cmd_link_edit)

    p = sub.add_parser("rename", parents=[common], help="give an article a new title")
    p.add_argument("article", metavar="ARTICLE", help="article id, id prefix or source")
    p.add_argument("title", metavar="TITLE", help="the new title")
    p.set_defaults(func=cmd_rename)

    p = sub.add_parser(
        "remove", parents=[common], help="take an article out of the workspace (undoable)"
    )
    p.add_argument("article", metavar="ARTICLE", help="article id, id prefix or source")
    p.set_defaults(func=cmd_remove)


def _edit_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--note", help="replace the note (use $'...' for several lines)")
    p.add_argument("--link", help="attach an evidence link (absolute http/https URL)")
    p.add_argument(
        "--stance",
        type=stance_arg,
        default=None,
        help="stance of --link: " + " | ".join(Stance) + " (new links: context)",
    )
    p.add_argument("--title", default="", help="title of --link")


def _verdict_line(cid: str, status: str, links: int) -> str:
    extra = f", {links} link(s)" if links else ""
    return f"{one_line(cid, 40)}  {one_line(status, 20)}{extra}"


def cmd_mark(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import mark

    with open_ws(config) as ws:
        done = mark(
            ws,
            args.claim,
            args.status,
            note=args.note,
            link=args.link,
            stance=args.stance,
            title=args.title,
        )
    out(_verdict_line(done.claim_id, done.verdict.status, len(done.verdict.links)))
    return 0


def _replay(config: Config, undo: bool) -> int:
    from ..core.services import reviewing

    with open_ws(config) as ws:
        changes: list[Change] = reviewing.undo(ws) if undo else reviewing.redo(ws)
    if not changes:
        note("nothing to undo" if undo else "nothing to redo")
        return 1
    for change in changes:
        out(("undid " if undo else "redid ") + describe_change(change))
    return 0


def cmd_undo(args: argparse.Namespace, config: Config) -> int:
    return _replay(config, undo=True)


def cmd_redo(args: argparse.Namespace, config: Config) -> int:
    return _replay(config, undo=False)


def cmd_claim_add(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.claims import add_claim

    with open_ws(config) as ws:
        claim = add_claim(
            ws, args.article, args.anchor, occurrence=args.occurrence, model=config.model_name
        )
    out(f"added {one_line(claim.id, 40)}  {one_line(claim.kind, 12)}  {one_line(claim.label, 70)}")
    return 0


def cmd_claim_label(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import relabel

    with open_ws(config) as ws:
        done = relabel(ws, args.claim, args.label)
    shown = done.verdict.label or "(the extracted label)"
    out(f"{one_line(done.claim_id, 40)}  label: {one_line(shown, 80)}")
    return 0


def cmd_claim_dismiss(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import dismiss

    with open_ws(config) as ws:
        done = dismiss(ws, args.claim, args.reason)
    out(_verdict_line(done.claim_id, done.verdict.status, len(done.verdict.links)))
    return 0


def cmd_link_edit(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import edit_link

    with open_ws(config) as ws:
        done = edit_link(ws, args.claim, args.url, stance=args.stance, title=args.title)
    for link in done.verdict.links:
        if link.url == one_line(args.url) or args.url in (link.url,):
            out(
                f"{one_line(done.claim_id, 40)}  {one_line(link.stance, 10)}  "
                f"{one_line(link.url, 100)}  {one_line(link.title, 60)}".rstrip()
            )
            break
    else:
        out(_verdict_line(done.claim_id, done.verdict.status, len(done.verdict.links)))
    return 0


def cmd_rename(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import rename

    with open_ws(config) as ws:
        article = rename(ws, args.article, args.title)
    out(f"renamed {one_line(article.id)[:8]}  {one_line(article.title, 80)}")
    return 0


def cmd_remove(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.reviewing import remove_article

    with open_ws(config) as ws:
        gone = remove_article(ws, args.article)
    out(f"removed {one_line(gone.id)[:8]}  {one_line(gone.title, 80)}  "
        f"({gone.reviewed}/{gone.claims} claims reviewed; `workbench undo` brings it back)")
    return 0
