"""``workbench add PATH...``: import articles and extract their claims."""

from __future__ import annotations

import argparse

from ..core.config import Config
from .common import encoding_notes, error_line, open_ws, out, positive_int


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("add", parents=[common], help="import articles into the workspace")
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders, or - for stdin"
    )
    p.add_argument(
        "--jobs", "-j", type=positive_int, default=1, help="processes for spaCy (default 1)"
    )
    p.add_argument(
        "--progress",
        action="store_true",
        help="report progress on stderr even when it is not a terminal",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.importing import import_articles, read_articles
    from .progress import ProgressBar

    read = read_articles(args.paths, strict=False)  # one bad file does not stop the others
    for line in read.skipped:
        error_line(line)
    encoding_notes(read.articles)
    with open_ws(config, create=True) as ws:  # lock before the slow part: fail fast when busy
        bar = ProgressBar("extracting", min_total=3, force=args.progress)
        try:
            outcomes = import_articles(
                ws, read.articles, model=config.model_name, jobs=args.jobs, progress=bar
            )
        finally:
            bar.close()
        for outcome in outcomes:
            for line in outcome.describe():
                out(line)
    return 2 if read.skipped else 0
