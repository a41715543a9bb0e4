"""``workbench extract``: print the claims of articles as a table, JSON or JSON lines."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from typing import Any

from ..core.config import Config
from ..core.models import Article, Claim
from ..core.text import one_line
from .common import TYPE_SHORT, encoding_notes, positive_int
from .progress import ProgressBar

CLAIM_FIELDS = (
    "id",
    "kind",
    "anchor",
    "start",
    "end",
    "sentence",
    "sentence_start",
    "sentence_end",
    "label",
    "value",
    "entities",
    "worthiness",
    "claim_type",
    "speaker",
)
ARTICLE_FIELDS = ("id", "title", "source", "text")



def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "extract",
        parents=[common],
        help="print the checkable claims of articles",
        description="Split articles into checkable claims and print them.",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files, folders of them, or - for stdin"
    )
    p.add_argument("--format", "-f", choices=("table", "json", "jsonl"), default="table")
    p.add_argument("--jobs", "-j", type=positive_int, default=1,
                   help="processes for spaCy (default 1)")
    p.add_argument("--progress", action="store_true",
                   help="report progress on stderr even when it is not a terminal")
    p.set_defaults(func=run)


def article_json(article: Article, claims: list[Claim]) -> dict[str, Any]:
    """The public extract format of one article (documented in the README)."""
    return {
        "article": {key: getattr(article, key) for key in ARTICLE_FIELDS},
        "claims": [{key: getattr(c, key) for key in CLAIM_FIELDS} for c in claims],
    }


def run(args: argparse.Namespace, config: Config) -> int:
    from ..core.services.importing import extract, read_articles

    read = read_articles(args.paths)  # a named file: a clear error; in a folder: skipped
    for line in read.skipped:
        print(f"workbench: skipped {line}", file=sys.stderr)
    encoding_notes(read.articles)
    bar = ProgressBar("extracting paragraphs", min_total=3, force=args.progress)
    try:
        results = [x.claims for x in extract(read.articles, model=config.model_name,
                                             jobs=args.jobs, progress=bar)]
    finally:
        bar.close()
    articles = read.articles
    out = sys.stdout
    if args.format == "json":
        docs = [article_json(a, c) for a, c in zip(articles, results, strict=True)]
        single = len(args.paths) == 1 and len(docs) == 1 and not _is_dir(args.paths[0])
        payload: Any = docs[0] if single else docs
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "jsonl":
        for article, claims in zip(articles, results, strict=True):
            for claim in claims:
                row = {"article_id": article.id, **{k: getattr(claim, k) for k in CLAIM_FIELDS}}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        for article, claims in zip(articles, results, strict=True):
            out.write(format_table(article, claims))
    return 0


def _is_dir(path: str) -> bool:
    from pathlib import Path

    return Path(path).is_dir()


def format_table(article: Article, claims: list[Claim], width: int | None = None) -> str:
    """Plain-text table of claims (untrusted text flattened to one clean line)."""
    from ..core.nlp.values import format_value

    width = width or shutil.get_terminal_size((120, 24)).columns
    title = one_line(article.title or article.source, width)
    count = f"{len(claims)} claim{'' if len(claims) == 1 else 's'}"
    lines = [f"{title}  ({article.id}, {count})"]
    label_w = max(20, width - 8 - 1 - 11 - 1 - 8 - 1 - 28 - 1 - 5 - 4)
    for c in claims:
        score = "  -  " if c.worthiness is None else f"{c.worthiness:.2f} "
        value = one_line(format_value(c.kind, c.value), 28)
        ctype = TYPE_SHORT.get(c.claim_type or "", "-")
        lines.append(
            f"{one_line(c.id)[:8]} {one_line(c.kind):<11} {ctype:<8} "
            f"{one_line(c.label, label_w):<{label_w}} {value:<28} {score}"
        )
    return "\n".join(lines) + "\n\n"
