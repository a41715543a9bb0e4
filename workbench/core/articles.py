"""Build Article objects from files, stdin and fetched text (cleaning included)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .errors import InputError
from .models import Article, content_hash
from .text import clean_text, decode_bytes, guess_title, one_line, read_text_file

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
        title=one_line(title) if title else guess_title(text),
        source=source,
        text=text,
        fetched_at=fetched_at,
        meta=dict(meta or {}),
    )


def load_article_file(path: str | Path) -> Article:
    """Read, decode and clean one article file; ``-`` reads stdin."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            raise InputError("stdin: the article is larger than 50 MB")
        raw, encoding = decode_bytes(data, "stdin")
        source = "-"
    else:
        p = Path(path)
        if p.is_file() and p.stat().st_size > MAX_ARTICLE_BYTES:
            raise InputError(f"{path}: the file is larger than 50 MB; is it really an article?")
        raw, encoding = read_text_file(p)
        source = str(p)
    meta = {"encoding": encoding} if encoding not in ("utf-8", "utf-8-sig") else {}
    return make_article(raw, source, meta=meta)


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
            found = sorted(
                str(f)
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in ARTICLE_SUFFIXES
                and not f.name.startswith(".")
            )
            if not found:
                raise InputError(f"{path}: the folder holds no article files (.txt, .md)")
            out.extend(found)
        elif p.exists():
            out.append(str(p))
        else:
            raise InputError(f"{path}: no such file or folder")
    return out
