"""Team workspace commands: db upgrade, assign, take, who, sync.

``--workspace postgresql://USER@HOST/DB`` (or WORKBENCH_WORKSPACE, or the config
file) names the team workspace; passwords come from libpq (PGPASSWORD, ~/.pgpass,
a service file), never from the command line. Every URL printed is without a
password.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..core.config import Config
from ..core.errors import InputError
from ..core.text import one_line


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("db", help="team server schema (db upgrade)")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION")
    up = dbsub.add_parser(
        "upgrade", parents=[common], help="create or upgrade the team workspace schema"
    )
    up.add_argument("url", nargs="?", metavar="URL", help="postgresql://USER@HOST/DB")
    up.add_argument(
        "--writers",
        action="append",
        default=[],
        metavar="ROLE",
        help="grant this role browse + mark rights (repeatable)",
    )
    up.add_argument(
        "--readers",
        action="append",
        default=[],
        metavar="ROLE",
        help="grant this role browse-only rights (repeatable)",
    )
    up.set_defaults(func=cmd_db_upgrade)
    p.set_defaults(func=_db_help(p))

    p = sub.add_parser("assign", parents=[common], help="assign an article to a reviewer")
    p.add_argument("article", metavar="ARTICLE", help="article id, id prefix or source")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--to", metavar="NAME", help="the reviewer")
    group.add_argument("--clear", action="store_true", help="remove the assignment")
    p.set_defaults(func=cmd_assign)

    p = sub.add_parser("take", parents=[common], help="mark a claim or article as taken by you")
    p.add_argument("target", metavar="CLAIM_OR_ARTICLE", help="claim id prefix or article id")
    p.add_argument("--minutes", type=float, default=15.0, help="how long (default 15)")
    p.add_argument("--release", action="store_true", help="drop your marker instead")
    p.set_defaults(func=cmd_take)

    p = sub.add_parser("who", parents=[common], help="who is assigned to / working on what")
    p.add_argument("article", nargs="?", metavar="ARTICLE", help="only this article")
    p.set_defaults(func=cmd_who)

    p = sub.add_parser(
        "sync", parents=[common], help="push a local workspace to the team server and pull"
    )
    p.add_argument("url", metavar="URL", help="the team workspace, postgresql://USER@HOST/DB")
    p.set_defaults(func=cmd_sync)


def _db_help(parser: argparse.ArgumentParser) -> Any:
    def run(args: argparse.Namespace, config: Config) -> int:
        parser.print_help(sys.stderr)
        return 2

    return run


def _out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def _team_url(config: Config, given: str | None = None) -> str:
    from ..core.store.postgres.connect import is_postgres_url

    url = given or config.workspace or ""
    if not is_postgres_url(url):
        raise InputError(
            "this command needs a team workspace: --workspace postgresql://USER@HOST/DATABASE "
            "(or WORKBENCH_WORKSPACE)"
        )
    return url


def _open_team(config: Config, readonly: bool = False) -> Any:
    from ..core.store.postgres import open_postgres_store

    return open_postgres_store(_team_url(config), config.reviewer_name, readonly=readonly)


def cmd_db_upgrade(args: argparse.Namespace, config: Config) -> int:
    from ..core.store.postgres import schema
    from ..core.store.postgres.connect import connect, safe_url

    url = _team_url(config, args.url)
    with connect(url, autocommit=True) as conn:
        before, after = schema.upgrade(conn, writers=args.writers, readers=args.readers)
    where = safe_url(url)
    if before == after:
        _out(f"{where}: schema already at version {after}")
    else:
        _out(f"{where}: schema upgraded from version {before} to {after}")
    for role in args.writers:
        _out(f"  {one_line(role, 60)} may browse and mark")
    for role in args.readers:
        _out(f"  {one_line(role, 60)} may browse (read-only)")
    return 0


def cmd_assign(args: argparse.Namespace, config: Config) -> int:
    with _open_team(config) as st:
        done = st.assign(args.article, "" if args.clear else args.to)
        aid = st._resolve_article(args.article)
    if done is None:
        _out(f"article {aid[:12]}: no assignee")
    else:
        _out(f"article {aid[:12]} assigned to {one_line(done.assignee, 60)}")
    return 0


def cmd_take(args: argparse.Namespace, config: Config) -> int:
    from ..core.errors import NotFound

    with _open_team(config) as st:
        try:
            aid, cid = st.resolve_claim(args.target)
        except NotFound:
            aid, cid = st._resolve_article(args.target), ""
        what = f"claim {cid}" if cid else f"article {aid[:12]}"
        if args.release:
            st.release(aid, cid or None)
            _out(f"{what}: released")
        else:
            mark = st.take(aid, cid or None, minutes=args.minutes)
            _out(f"{what}: taken by {one_line(mark.reviewer, 60)} until {mark.expires_at}")
    return 0


def cmd_who(args: argparse.Namespace, config: Config) -> int:
    with _open_team(config, readonly=True) as st:
        aid = st._resolve_article(args.article) if args.article else None
        titles = {s.id: s.title for s in st.articles()}
        assigned = st.assignments()
        marks = st.who(aid)
    rows = 0
    for art, who in sorted(assigned.items()):
        if aid and art != aid:
            continue
        title = one_line(titles.get(art, ""), 40)
        _out(f"{art[:12]}  {title:<40}  assigned to {one_line(who.assignee, 40)}")
        rows += 1
    for mark in marks:
        where = f"claim {mark.claim_id}" if mark.claim_id else "whole article"
        _out(
            f"{mark.article_id[:12]}  {where:<40}  taken by {one_line(mark.reviewer, 40)} "
            f"until {mark.expires_at}"
        )
        rows += 1
    if not rows:
        _out("nobody is assigned or working on anything right now")
    return 0


def cmd_sync(args: argparse.Namespace, config: Config) -> int:
    from ..core.store import Workspace
    from ..core.store.postgres import open_postgres_store
    from ..core.store.postgres.sync import sync

    url = _team_url(config, args.url)
    if config.workspace and _is_url(config.workspace):
        raise InputError("sync copies a local folder workspace: --workspace must be a folder")
    with (
        open_postgres_store(url, config.reviewer_name) as team,
        Workspace.open(
            config.workspace_path, reviewer=config.reviewer_name, wait=3.0, create=False
        ) as local,
    ):
        result = sync(local, team)
    _out(result.summary())
    # the push merged the folder into the team (the team is the merge's "ours"), the pull
    # the team into the folder: name the sides as the reviewer knows them
    for part, here, there in ((result.pushed, "team", "local"), (result.pulled, "local", "team"),
                              (result.settled, "team", "local")):
        for conflict in part.conflicts:
            _out(f"  {one_line(conflict.describe(here, there), 300)}")
    if not result.changed:
        _out("already in sync: nothing changed")
    return 0


def _is_url(text: str) -> bool:
    from ..core.store.postgres.connect import is_postgres_url

    return is_postgres_url(text)
