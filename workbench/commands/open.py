"""``workbench open [PATH|-|ARTICLE_ID|URL]``: the keyboard workbench.

A file (or stdin) not yet in the workspace is imported and its claims are
extracted in a worker while the app shows a progress indicator; a stored
article opens at once without loading spaCy; no argument opens the article
picker; a URL is fetched (safely) and then extracted.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..core.config import Config
from ..core.errors import InputError, NoWorkspace, WorkbenchError, WorkspaceLocked
from ..core.models import Article
from .common import encoding_notes, open_ws


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "open",
        parents=[common],
        help="open the workbench on an article (file, -, stored id or source, URL); "
        "no argument: pick from the workspace's articles",
    )
    p.add_argument("target", nargs="?", metavar="PATH|-|ARTICLE_ID|URL",
                   help="article file, - for stdin, a stored article's id (prefix) or source, "
                   "or an http(s) URL")
    p.add_argument("--allow-private", action="store_true",
                   help="allow fetching URLs on private/local network addresses")
    p.add_argument("--readonly", "-r", action="store_true",
                   help="open the workspace read-only (look without changing anything; "
                   "works while another workbench writes)")
    p.set_defaults(func=run)


def _reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal."""
    if sys.stdin.isatty():
        return
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise InputError(
            "the article came from stdin and there is no terminal to run the workbench in; "
            "use `workbench extract -` instead"
        ) from None
    os.dup2(fd, 0)
    os.close(fd)


def terminal_problem() -> str | None:
    """Why the full-screen workbench cannot run here (None when it can)."""
    if not sys.stdout.isatty():
        return (
            "the workbench is a full-screen terminal program and its output is not a terminal; "
            "in scripts use `workbench extract`, `workbench add` and `workbench claims`"
        )
    if not sys.stdin.isatty():
        return "the workbench needs a terminal for its keyboard input; stdin is not one"
    return None


def _check_keymap(config: Config) -> None:
    """A key bound to two actions is refused before the screen opens (one line)."""
    if not config.keymap:
        return
    from ..core.config import check_keymap
    from ..tui.keys import REVIEW_BINDINGS

    defaults = {b.id: b.key for b in REVIEW_BINDINGS if b.id}
    check_keymap(config.keymap, defaults, str(config.path or "the config file"))


def run(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.opening import read_target, stored_id

    _check_keymap(config)
    target: str | None = args.target
    article: Article | None = None
    url: str | None = None
    if target:
        # a FIFO or a device (`workbench <(curl ...)`, /dev/stdin) is read as a file is
        found = read_target(target)
        article, url = found.article, found.url
        if article is not None:
            encoding_notes([article])
            if target == "-":
                _reattach_terminal()

    problem = terminal_problem()
    if problem:
        raise InputError(problem)
    readonly = bool(getattr(args, "readonly", False))
    # Only a new article (or the picker) creates a workspace: a target that is neither a
    # file nor a URL names a stored article, and a missing workspace holds none.
    lookup = bool(target) and article is None and url is None
    from ..core.services.workspace import discard_if_unused, is_new_folder

    fresh = not readonly and is_new_folder(config.workspace_location)
    try:
        ws = open_ws(config, mode="read" if readonly else "review",
                     create=not readonly and not lookup)
    except NoWorkspace:
        if lookup:
            raise InputError(f"{target}: no such file (and there is no workspace at "
                             f"{config.workspace_location} to hold a stored article)") from None
        raise
    try:
        from ..tui.app import Pending, WorkbenchApp

        article_id: str | None = None
        pending: Pending | None = None
        if article is not None:
            article_id = stored_id(ws, article.id)
            if article_id is None:
                pending = Pending(article=article, model=config.model_name)
        elif url is not None:
            article_id = stored_id(ws, url)
            if article_id is None:
                pending = Pending(url=url, allow_private=args.allow_private,
                                  model=config.model_name)
        elif target:
            article_id = stored_id(ws, target)
            if article_id is None:
                raise InputError(
                    f"{target}: no such file, and no stored article has that id or source "
                    "(run `workbench` alone to pick one)"
                )
        if pending is not None and ws.readonly:
            if readonly:
                raise InputError(
                    "a new article cannot be imported into a workspace opened with --readonly"
                )
            raise WorkspaceLocked(
                "another workbench holds the workspace; close it first to import a new article"
            )
        from ..core.export import ExportOptions

        app = WorkbenchApp(
            ws,
            article_id=article_id,
            pending=pending,
            theme=config.theme,
            keymap=config.keymap,
            export_options=ExportOptions(url=config.url, org=config.org),
            advance_on_mark=config.advance_on_mark,
            model=config.model_name,
            readonly_requested=readonly,
            allow_private=args.allow_private,
        )
        app.run()
    finally:
        ws.close()
        if fresh and (article is not None or url is not None):
            # the import that was to fill the new workspace failed or was cancelled
            discard_if_unused(config.workspace_location, config.reviewer_name)
    if app.crash:
        raise WorkbenchError(
            f"the workbench stopped on an internal error ({app.crash}); every change made "
            "before it is saved (WORKBENCH_DEBUG=1 shows the traceback)"
        )
    return 0
