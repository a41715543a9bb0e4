"""Read a file of earlier fact-checks: ClaimReview JSON/JSON-LD, JSON Lines or CSV.

``read_factchecks`` validates the whole file before returning anything: the first
problem raises ``InputError`` naming the record (line or position) in one line, so
an import either takes every record or none.

Accepted forms:

- ClaimReview (schema.org): one object, a list of them, an ``@graph``, or a
  ``DataFeed`` whose ``dataFeedElement`` items hold ClaimReviews (the form fact-check
  feeds publish). ``claimReviewed``, ``reviewRating.alternateName`` (or
  ``ratingValue``), ``itemReviewed.author.name``, ``datePublished``,
  ``author.name`` and ``url`` are read.
- JSON Lines: one object a line with ``claim`` (or ``claimReviewed``/``text``),
  ``rating``, ``url`` and optionally ``speaker``/``claimant``, ``publisher``,
  ``date``/``stated`` and ``title`` (PolitiFact's ``factchecks.jsonl`` is this form).
- CSV with a header naming those columns.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..text import decode_bytes, one_line
from .records import FactCheck, rating_status, record_key

MAX_BYTES = 512 * 1024 * 1024
MAX_CLAIM = 2000
_CLAIM_KEYS = ("claim", "claimReviewed", "claim_reviewed", "text", "statement")
_RATING_KEYS = ("rating", "verdict", "textualRating", "textual_rating", "label")
_CLAIMANT_KEYS = ("claimant", "speaker", "author", "claim_author")
_DATE_KEYS = ("date", "datePublished", "date_published", "claim_date", "stated")
_PUBLISHER_KEYS = ("publisher", "reviewer", "organization", "source")
_KNOWN_PUBLISHERS = {
    "politifact.com": "PolitiFact",
    "snopes.com": "Snopes",
    "factcheck.org": "FactCheck.org",
    "fullfact.org": "Full Fact",
    "apnews.com": "AP",
    "reuters.com": "Reuters",
    "washingtonpost.com": "The Washington Post",
    "afp.com": "AFP",
    "leadstories.com": "Lead Stories",
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december"
        .split(),
        1,
    )
}
_STATED = re.compile(r"\b([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})")


class _Bad(Exception):
    """A record problem (the reader adds where it is)."""


def read_factchecks(path: str | Path) -> list[FactCheck]:
    """Every fact-check of the file at ``path``, validated (InputError on the first problem)."""
    path = Path(path)
    name = one_line(str(path), 200)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{name} is larger than {MAX_BYTES // 2**20} MB")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    return parse_factchecks(raw, name, suffix=path.suffix.lower())


def parse_factchecks(raw: bytes, name: str = "input", suffix: str = "") -> list[FactCheck]:
    text, _ = decode_bytes(raw, name)
    text = text.lstrip("\ufeff")
    stripped = text.lstrip()
    if not stripped:
        raise InputError(f"{name} is empty")
    if suffix in (".jsonl", ".ndjson"):
        records = list(_json_lines(text, name))
    elif stripped[0] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if stripped[0] == "{" and "\n" in stripped.strip():
                records = list(_json_lines(text, name))  # one object a line
            else:
                raise InputError(f"{name} is not valid JSON: {exc}") from None
        else:
            records = list(_claimreviews(data, name))
    else:
        records = list(_csv(text, name))
    if not records:
        raise InputError(f"{name} holds no fact-checks")
    return records


# -- JSON Lines and CSV: flat records ---------------------------------------------------


def _json_lines(text: str, name: str) -> Iterator[FactCheck]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name} line {n}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise InputError(f"{name} line {n}: a line must be a JSON object")
        try:
            if obj.get("@type") == "ClaimReview":
                yield _from_claimreview(obj)
            else:
                yield _from_flat(obj)
        except _Bad as exc:
            raise InputError(f"{name} line {n}: {exc}") from None


def _csv(text: str, name: str) -> Iterator[FactCheck]:
    try:
        dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not any(h in _CLAIM_KEYS for h in header):
        raise InputError(
            f"{name}: not ClaimReview JSON, JSON Lines or a CSV whose header names a "
            f"'claim' column (found: {one_line(', '.join(header[:8]), 120) or 'no header'})"
        )
    reader.fieldnames = header
    try:
        for row in reader:
            n = reader.line_num
            if None in row:
                raise InputError(f"{name} line {n}: more fields than the header names")
            if not any((v or "").strip() for v in row.values()):
                continue
            try:
                yield _from_flat(row)
            except _Bad as exc:
                raise InputError(f"{name} line {n}: {exc}") from None
    except csv.Error as exc:
        raise InputError(f"{name} line {reader.line_num}: {exc}") from None


def _first(obj: dict[str, Any], keys: Iterable[str]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: Any, what: str, limit: int = 300) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name") or ""
    if isinstance(value, list):
        value = ", ".join(_text(v, what, limit) for v in value if v)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Bad(f"'{what}' must be text")
    return _clean(str(value), limit)


def _clean(text: str, limit: int) -> str:
    """``one_line`` with a fast path for plain printable text (most records)."""
    if text.isprintable():
        line = " ".join(text.split())
        return line if len(line) <= limit else line[: limit - 1] + "\u2026"
    return one_line(text, limit)


def _from_flat(obj: dict[str, Any]) -> FactCheck:
    claim = _text(_first(obj, _CLAIM_KEYS), "claim", MAX_CLAIM)
    rating = _text(_first(obj, _RATING_KEYS), "rating", 100)
    url = _url(_first(obj, ("url", "review_url", "link")))
    return _make(
        claim=claim,
        rating=rating,
        claimant=_text(_first(obj, _CLAIMANT_KEYS), "claimant"),
        when=_text(_first(obj, _DATE_KEYS), "date"),
        publisher=_text(_first(obj, _PUBLISHER_KEYS), "publisher", 200),
        url=url,
        title=_text(_first(obj, ("title", "headline")), "title"),
    )


# -- ClaimReview ------------------------------------------------------------------------


def _claimreviews(data: Any, name: str) -> Iterator[FactCheck]:
    found = 0
    for where, obj in _walk(data, "$"):
        try:
            yield _from_claimreview(obj)
        except _Bad as exc:
            raise InputError(f"{name} {where}: {exc}") from None
        found += 1
    if not found:
        raise InputError(
            f"{name}: no ClaimReview objects found (expected a ClaimReview, a list or "
            "@graph of them, or a DataFeed)"
        )


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _walk(data: Any, where: str, depth: int = 0) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every ClaimReview object in a list, @graph, DataFeed (dataFeedElement / item)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _walk(item, f"{where}[{i}]", depth + 1)
        return
    if not isinstance(data, dict):
        return
    if "ClaimReview" in _types(data):
        yield where, data
        return
    for key in ("@graph", "dataFeedElement", "item", "itemListElement", "mainEntity"):
        if key in data:
            yield from _walk(data[key], f"{where}.{key}", depth + 1)


def _from_claimreview(obj: dict[str, Any]) -> FactCheck:
    claim = _text(obj.get("claimReviewed"), "claimReviewed", MAX_CLAIM)
    reviewed = obj.get("itemReviewed")
    item: dict[str, Any] = reviewed if isinstance(reviewed, dict) else {}
    if not claim:
        claim = _text(item.get("text") or item.get("name"), "itemReviewed.text", MAX_CLAIM)
    review = obj.get("reviewRating")
    rating = ""
    if isinstance(review, list):
        review = review[0] if review else None
    if isinstance(review, dict):
        rating = _text(review.get("alternateName") or review.get("name"), "rating", 100)
        if not rating and review.get("ratingValue") not in (None, ""):
            best = review.get("bestRating")
            value = _text(review.get("ratingValue"), "ratingValue", 20)
            rating = f"{value}/{_text(best, 'bestRating', 20)}" if best else value
    elif review is not None:
        rating = _text(review, "reviewRating", 100)
    author = obj.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    return _make(
        claim=claim,
        rating=rating,
        claimant=_text(item.get("author"), "itemReviewed.author"),
        when=_text(obj.get("datePublished") or item.get("datePublished"), "datePublished"),
        publisher=_text(author, "author", 200),
        url=_url(obj.get("url")),
        title=_text(obj.get("headline") or obj.get("name"), "headline"),
    )


# -- shared ------------------------------------------------------------------------------


def _url(value: Any) -> str:
    if value in (None, ""):
        return ""
    from ..errors import LinkError
    from ..net.links import normalize_url

    if not isinstance(value, str):
        raise _Bad("'url' must be text")
    try:
        return normalize_url(value)
    except LinkError as exc:
        raise _Bad(f"bad url: {exc.message}") from None


def _publisher_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    for known, name in _KNOWN_PUBLISHERS.items():
        if host == known or host.endswith("." + known):
            return name
    return host


def normalize_date(value: str) -> str:
    """YYYY-MM-DD from an ISO date or a "stated on October 22, 2019 in ..." line; else as
    given."""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    m = _STATED.search(value)
    if m and m.group(1).lower() in _MONTHS:
        try:
            return date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))).isoformat()
        except ValueError:
            pass
    return value


def _make(
    *, claim: str, rating: str, claimant: str, when: str, publisher: str, url: str, title: str
) -> FactCheck:
    if not claim:
        raise _Bad("no claim text")
    if not rating and not url:
        raise _Bad("neither a rating nor a url: not a fact-check")
    publisher = publisher or (_publisher_of(url) if url else "")
    status = rating_status(rating)
    return FactCheck(
        key=record_key(claim, publisher, url),
        claim=claim,
        rating=rating,
        status=str(status) if status else None,
        claimant=claimant,
        date=normalize_date(when),
        publisher=publisher,
        url=url,
        title=title,
    )
