"""Build Article objects from files, stdin and fetched text (cleaning included)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import Article, content_hash
from .text import (
    article_title,
    clean_text,
    decode_bytes,
    one_line,
    read_stdin,
    read_text_file,
)

ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")
MAX_ARTICLE_BYTES = 50 * 1024 * 1024


def make_article(
    raw_text: str,
    source: str,
    *,
    title: str | None = None,
    fetched_at: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Article:
    """Clean ``raw_text`` and wrap it as an Article (id = hash of the clean text).

    Raises InputError when nothing but whitespace is left.
    """
    text = clean_text(raw_text)
    if not text.strip():
        raise InputError(f"{source}: the article is empty (no text after cleaning)")
    return Article(
        id=content_hash(text),
        title=one_line(title, 300) if title else article_title(text),
        source=source,
        text=text,
        fetched_at=fetched_at,
        meta=dict(meta or {}),
    )


def load_article_file(path: str | Path) -> Article:
    """Read, decode and clean one article file; ``-`` reads stdin."""
    title = None
    if str(path) == "-":
        raw, encoding = decode_bytes(read_stdin(MAX_ARTICLE_BYTES), "stdin")
        source = "-"
        title = article_title(clean_text(raw)) or stdin_title()
    else:
        p = Path(path)
        if p.is_file() and p.stat().st_size > MAX_ARTICLE_BYTES:
            raise InputError(f"{path}: the file is larger than 50 MB; is it really an article?")
        raw, encoding = read_text_file(p, MAX_ARTICLE_BYTES)  # FIFOs and devices: capped too
        source = display_path(p)
    meta = {"encoding": encoding} if encoding not in ("utf-8", "utf-8-sig") else {}
    return make_article(raw, source, title=title, meta=meta)


def display_path(path: str | Path) -> str:
    """A path as text that can be stored and printed: bytes of a file name that are not
    UTF-8 become U+FFFD (the same name always gives the same text)."""
    raw = os.fsencode(str(path))
    return raw.decode("utf-8", "replace")


def stdin_title(now: datetime | None = None) -> str:
    """The title of an article read from stdin with no headline: "stdin, 1 Dec 2026"."""
    moment = now or datetime.now(UTC)
    return f"stdin, {moment.day} {moment:%b %Y}"


WORKSPACE_MARK = "workbench.json"
"""The file that makes a folder a workspace (``store.layout.META``): never read as articles."""


def _article_files(folder: Path) -> list[Path]:
    """The article files in ``folder`` and below, leaving out hidden files and folders
    (``.git``, ``.workbench``: ``workbench add .`` imported git's HEAD and the
    workspace's own journal as articles) and any workspace folder."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        if here != folder and WORKSPACE_MARK in files:
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        out.extend(
            here / name
            for name in files
            if not name.startswith(".")
            and Path(name).suffix.lower() in ARTICLE_SUFFIXES
            and (here / name).is_file()
        )
    return out


def expand_paths(paths: list[str]) -> list[str]:
    """Expand folders into the article files they hold (sorted); keep files and ``-``.

    Raises InputError for a missing path or a folder without articles.
    """
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            found = sorted(str(f) for f in _article_files(p))
            if not found:
                raise InputError(f"{path}: the folder holds no article files (.txt, .md)")
            out.extend(found)
        elif p.exists():
            out.append(str(p))
        else:
            raise InputError(f"{path}: no such file or folder")
    return out
