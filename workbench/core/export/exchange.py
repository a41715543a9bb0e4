"""The JSON exchange format: its schema, the writer and the reader, in one place.

A file holds everything ``workbench import`` needs to restore or merge the work::

    {"schema": "workbench-report", "schema_version": 1, "generator": "workbench X",
     "generated_at": TIME, "exported_by": NAME, "filters": {...}, "complete": BOOL,
     "articles": [
       {"article": {"id": HEX>=8, "title": TEXT, "source": TEXT, "text": CLEAN TEXT,
                    "fetched_at": TIME|null, "meta": {TEXT: SCALAR|LIST|OBJECT}},
        "summary": {...},                           (written, ignored on import)
        "claims": [{"id": ID, "kind": TEXT, "anchor": TEXT == text[start:end],
                    "start": INT, "end": INT, "sentence": TEXT, "sentence_start": INT,
                    "sentence_end": INT, "label": TEXT, "value": OBJECT,
                    "entities": [OBJECT], "worthiness": NUMBER 0..1|null,
                    "claim_type": TEXT|null, "speaker": TEXT|null,
                    "origin": "extracted"|"reviewer",
                    "verdict": VERDICT|null, ...}],
        "orphaned_verdicts": [VERDICT],
        "history": [{"seq": INT, "claim_id": ID, "field": TEXT, "old": JSON,
                     "new": JSON, "reviewer": TEXT, "at": TEXT, "action": TEXT}]}]}

    VERDICT = {"claim_id": ID, "status": STATUS, "note": TEXT, "label": TEXT,
               "links": [{"url": HTTP(S) URL, "title": TEXT, "stance": STANCE,
                          "added_at": TEXT, "check": OBJECT|null,
                          "archive": OBJECT|null}],
               "reviewer": TEXT, "updated_at": TEXT}

The reader checks every field's type, refuses what it cannot trust with one line
(``InputError``) and cleans every text field as extraction does (control
characters and escape sequences removed): a file that would crash a later command
or take over a terminal never reaches the store. Nesting is bounded
(``MAX_DEPTH``), integers are bounded (``MAX_INT_DIGITS``), NaN and Infinity are
refused; the writer never writes them (a non-finite number is written as null).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import models
from ..errors import InputError, WorkbenchError
from ..models import (
    ArchiveSnapshot,
    Article,
    Change,
    Claim,
    Link,
    LinkCheck,
    Verdict,
    content_hash,
)
from ..text import clean_text, one_line, strip_controls
from .report import SCHEMA_VERSION

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable, Iterator

    from .report import ArticleReport, Report

SCHEMA = "workbench-report"
MAX_EXPORT_BYTES = 500 * 1024 * 1024
MAX_DEPTH = 32
"""Deepest nesting of arrays/objects accepted anywhere in a file."""
MAX_INT_DIGITS = 30
ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
ARTICLE_ID_RE = re.compile(r"^[0-9a-f]{8,64}$")


# -- writing ------------------------------------------------------------------------------


def _finite(value: Any) -> Any:
    """``value`` with every NaN/Infinity replaced by None (strict JSON)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


_SCALARS = (str, int, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _ready(value: Any) -> Any:
    """``value`` as ``dataclasses.asdict`` and ``_finite`` would leave it, without the deep
    copies: NaN/Infinity as None, tuples as lists, nested dataclasses as dicts."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_ready(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return _record(value)
    return value


def _record(obj: Any) -> dict[str, Any]:
    """``obj.to_dict()`` of a plain model dataclass (Article, Claim, Change), made ready."""
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    return {name: _ready(getattr(obj, name)) for name in names}


def _verdict_record(verdict: Verdict) -> dict[str, Any]:
    """``Verdict.to_dict()`` made ready (links through ``Link.to_dict``)."""
    data = _record(replace(verdict, links=[]))
    data["links"] = _ready([link.to_dict() for link in verdict.links])
    return data


def _article(part: ArticleReport) -> dict[str, Any]:
    summary = part.summary
    return {
        "article": _record(part.article),
        "summary": {
            "total": summary.total,
            "reviewed": summary.reviewed,
            "share_reviewed": round(summary.share, 4),
            "counts": {str(k): n for k, n in summary.counts.items()},
            "reviewers": list(part.reviewers),
            "first_reviewed": part.first_reviewed or None,
            "last_reviewed": part.last_reviewed or None,
        },
        "claims": [
            {
                **_record(row.claim),
                "position": row.position,
                "verdict": _verdict_record(row.verdict),
                "last_change": _record(row.last_change) if row.last_change else None,
            }
            for row in part.claims
        ],
        "orphaned_verdicts": [_verdict_record(verdict) for verdict in part.orphaned],
        "history": [_record(change) for change in part.history],
    }


def _head(report: Report) -> dict[str, Any]:
    from ... import __version__

    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generator": f"workbench {__version__}",
        "generated_at": report.generated_at,
        "exported_by": report.exported_by,
        "filters": {
            "statuses": list(report.statuses) if report.statuses else None,
            "reviewer": report.reviewer,
        },
        "complete": not report.filtered,
    }


def report_dict(report: Report) -> dict[str, Any]:
    return {**_head(report), "articles": [_finite(_article(part)) for part in report.articles]}


try:  # an optional speed-up: the output is the same without it
    import orjson as _orjson
except ImportError:  # pragma: no cover - orjson is a declared dependency
    _orjson = None  # type: ignore[assignment]

_SMALL_HINT = re.compile(rb"e-[0-9]")  # a literal start: searched as fast as a find
_SMALL_FLOAT = re.compile(rb"(?<= )-?(?:0\.0000[0-9]+|[0-9](?:\.[0-9]+)?e-[0-9])(?=,?\n|\Z)")
"""A number token that orjson writes unlike Python (below 1e-4 Python always writes an
exponent of at least two digits). A token starts after a space (``": "`` or an array
line's indent) and ends the line; a string holds no raw newline, so nothing inside a
string matches."""


def _dumps(data: Any) -> str:
    """``json.dumps(_finite(data), ensure_ascii=False, indent=2)`` (see ``_dumps_bytes``)."""
    fast = _orjson_dumps(data)
    if fast is not None:
        return fast.decode("utf-8")
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False)


indented_json = _dumps
"""``json.dumps(data, ensure_ascii=False, indent=2)`` for data without NaN/Infinity,
by orjson where it gives the same text."""


def _dumps_bytes(data: Any) -> bytes:
    """``_dumps(data)`` as UTF-8, by orjson when it can give exactly those bytes
    (CPython's indented encoder is its slow pure-Python one): orjson writes the same
    layout, escapes and float digits, except small floats (``1e-05`` is ``0.00001``
    or ``1e-5`` there: put back as Python writes them) and NaN/Infinity, which it
    writes as null, as ``_finite`` does. What it refuses (integers over 64 bits, lone
    surrogates, keys that are not text) takes the json path."""
    fast = _orjson_dumps(data)
    if fast is not None:
        return fast
    return json.dumps(_finite(data), ensure_ascii=False, indent=2, allow_nan=False).encode()


def _orjson_dumps(data: Any) -> bytes | None:
    if _orjson is None:
        return None
    try:
        out = _orjson.dumps(data, option=_orjson.OPT_INDENT_2)
    except TypeError:
        return None
    if b"0.0000" in out or _SMALL_HINT.search(out):
        out = _SMALL_FLOAT.sub(_python_float, out)
    return out


def _python_float(match: re.Match[bytes]) -> bytes:
    return repr(float(match.group(0))).encode("ascii")


def _records(report: Report) -> Iterator[dict[str, Any]]:
    """Each article's record; straight from the store's rows where it hands them out
    (``json_records``: the same record without the dataclass round trip)."""
    from .article_rows import ArticleRows, each_article
    from .json_records import record

    for item in each_article(report):
        yield record(item) if isinstance(item, ArticleRows) else _article(item)


def iter_json_bytes(report: Report) -> Iterator[bytes]:
    """The JSON export in pieces of UTF-8, one article at a time (the same bytes as
    ``json.dumps(report_dict(report), indent=2)`` plus a newline): a workspace of any
    size is written holding one article in memory. Writing a file, this saves the
    text round trip of ``iter_json``."""
    return _pieces(report, _dumps_bytes, str.encode)


def iter_json(report: Report) -> Iterator[str]:
    """``iter_json_bytes`` as text."""
    return _pieces(report, _dumps, str)


def _pieces(
    report: Report, dumps: Callable[[Any], Any], lit: Callable[[str], Any]
) -> Iterator[Any]:
    """The export's pieces as text (``dumps`` gives text, ``lit`` is ``str``) or bytes."""
    head = dumps(_head(report))[: -len("\n}")]
    first = True
    newline, indented = lit("\n"), lit("\n    ")
    for record in _records(report):
        # inside "articles" every line of an article is indented two levels (4 spaces);
        # newlines in strings are escaped, so each newline is one of the layout's
        body = dumps(record).replace(newline, indented)
        if first:
            yield head + lit(',\n  "articles": [\n    ') + body
            first = False
        else:
            yield lit(",\n    ") + body
    yield head + lit(',\n  "articles": []\n}\n') if first else lit("\n  ]\n}\n")


def render_json(report: Report) -> str:
    return "".join(iter_json(report))


# -- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedArticle:
    """One article of an export, validated."""

    article: Article
    claims: list[Claim]
    verdicts: dict[str, Verdict]
    history: list[Change]


@dataclass(frozen=True)
class Export:
    """A validated JSON export."""

    name: str
    articles: list[ImportedArticle]
    exported_by: str
    generated_at: str
    complete: bool


class _Bad(Exception):
    pass


def _need(cond: bool, what: str) -> None:
    if not cond:
        raise _Bad(what)


def _text(
    data: dict[str, Any],
    key: str,
    where: str,
    *,
    optional: bool = False,
    default: str | None = "",
    limit: int = 10_000,
    lines: bool = False,
) -> Any:
    """A cleaned text field (``optional``: missing/null gives ``default``)."""
    value = data.get(key)
    if value is None and optional:
        return default
    if not isinstance(value, str):
        raise _Bad(f"{where}: '{key}' must be text")
    if lines:
        return strip_controls(value).replace("\r\n", "\n").replace("\r", "\n")[:limit]
    return one_line(value, limit=limit)


def _int(data: dict[str, Any], key: str, where: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Bad(f"{where}: bad '{key}'")
    return value


def _ident(value: Any, where: str, what: str = "claim id") -> str:
    _need(
        isinstance(value, str) and ID_RE.match(value) is not None,
        f"{where}: invalid {what} {one_line(str(value), 30)!r}",
    )
    return str(value)


def _clean_json(value: Any) -> Any:
    """Free-form JSON (claim values, entities, link checks, history values): every
    string and key cleaned of control characters."""
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {strip_controls(str(k)): _clean_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean_json(v) for v in value]
    return value


def _object(data: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    value = data.get(key)
    _need(value is None or isinstance(value, dict), f"{where}: '{key}' must be an object")
    return _clean_json(value) if value is not None else None


def _check_url(url: str, where: str) -> str:
    from ..net.links import normalize_url

    try:
        return normalize_url(url)
    except WorkbenchError as exc:
        raise _Bad(f"{where}: {exc.message}") from None


def _verdict(data: Any, article_id: str, where: str) -> Verdict:
    _need(isinstance(data, dict), f"{where}: the verdict must be an object")
    claim_id = _ident(data.get("claim_id"), where)
    status = data.get("status")
    _need(isinstance(status, str), f"{where}: 'status' must be text")
    _need(status in models.STATUSES, f"{where}: unknown status {one_line(status, 30)!r}")
    _need(data.get("article_id", article_id) == article_id, f"{where}: belongs to another article")
    raw_links = data.get("links") or []
    _need(isinstance(raw_links, list), f"{where}: 'links' must be a list")
    links: list[Link] = []
    for i, link in enumerate(raw_links):
        lw = f"{where} link {i + 1}"
        _need(isinstance(link, dict), f"{lw} must be an object")
        url = link.get("url")
        _need(isinstance(url, str), f"{lw}: 'url' must be text")
        _check_url(url, lw)
        stance = link.get("stance", "context")
        _need(
            isinstance(stance, str) and stance in models.STANCES,
            f"{lw}: unknown stance {one_line(str(stance), 30)!r}",
        )
        links.append(
            Link(
                url=url,
                title=_text(link, "title", lw, optional=True, limit=300),
                stance=stance,
                added_at=_text(link, "added_at", lw, optional=True, limit=40),
                check=LinkCheck.from_dict(check) if (check := _object(link, "check", lw))
                else None,
                archive=ArchiveSnapshot.from_dict(snap)
                if (snap := _object(link, "archive", lw))
                else None,
            )
        )
    orphaned = data.get("orphaned", False)
    _need(isinstance(orphaned, bool), f"{where}: 'orphaned' must be true or false")
    return Verdict(
        claim_id=claim_id,
        article_id=article_id,
        status=status,
        note=_text(data, "note", where, optional=True, limit=100_000, lines=True),
        links=links,
        reviewer=_text(data, "reviewer", where, optional=True, limit=80),
        updated_at=_text(data, "updated_at", where, optional=True, limit=40),
        label=_text(data, "label", where, optional=True, limit=500),
        orphaned=orphaned,
    )


def _claim(item: Any, article: Article, where: str) -> Claim:
    _need(isinstance(item, dict), f"{where} must be an object")
    cid = _ident(item.get("id"), where)
    text = article.text
    start, end = _int(item, "start", where), _int(item, "end", where)
    s_start, s_end = _int(item, "sentence_start", where), _int(item, "sentence_end", where)
    _need(0 <= start <= end <= len(text), f"{where}: offsets out of range")
    _need(0 <= s_start <= s_end <= len(text), f"{where}: sentence offsets out of range")
    anchor = item.get("anchor")
    _need(isinstance(anchor, str), f"{where}: 'anchor' must be text")
    _need(anchor == text[start:end], f"{where}: the anchor is not at its offsets in the text")
    _need(item.get("article_id", article.id) == article.id, f"{where}: belongs to another article")
    value = item.get("value") or {}
    _need(isinstance(value, dict), f"{where}: 'value' must be an object")
    entities = item.get("entities") or []
    _need(
        isinstance(entities, list) and all(isinstance(e, dict) for e in entities),
        f"{where}: 'entities' must be a list of objects",
    )
    worthiness = item.get("worthiness")
    _need(
        worthiness is None
        or (
            isinstance(worthiness, int | float)
            and not isinstance(worthiness, bool)
            and 0.0 <= worthiness <= 1.0
        ),
        f"{where}: 'worthiness' must be a number from 0 to 1",
    )
    origin = item.get("origin", "extracted")
    _need(origin in ("extracted", "reviewer"), f"{where}: unknown origin")
    return Claim(
        id=cid,
        article_id=article.id,
        kind=_text(item, "kind", where, limit=40),
        anchor=anchor,
        start=start,
        end=end,
        sentence=_text(item, "sentence", where, limit=100_000, lines=True),
        sentence_start=s_start,
        sentence_end=s_end,
        label=_text(item, "label", where, limit=500),
        value=_clean_json(value),
        entities=_clean_json(entities),
        worthiness=None if worthiness is None else float(worthiness),
        claim_type=_text(item, "claim_type", where, optional=True, default=None, limit=60),
        speaker=_text(item, "speaker", where, optional=True, default=None, limit=200),
        origin=origin,
    )


def _change(item: Any, article_id: str, where: str) -> Change:
    _need(isinstance(item, dict), f"{where} must be an object")
    _need(item.get("article_id", article_id) == article_id, f"{where}: belongs to another article")
    # the article's own rows (a new title, taken out and back) have no claim: claim id ""
    article_row = item.get("claim_id") == "" and item.get("field") in ("title", "article")
    return Change(
        seq=_int(item, "seq", where, default=0),
        article_id=article_id,
        claim_id="" if article_row else _ident(item.get("claim_id"), where),
        field=_text(item, "field", where, limit=40),
        old=_clean_json(item.get("old")),
        new=_clean_json(item.get("new")),
        reviewer=_text(item, "reviewer", where, limit=80),
        at=_text(item, "at", where, limit=40),
        action=_text(item, "action", where, optional=True, default="edit", limit=20),
    )


def _imported(data: Any, index: int) -> ImportedArticle:
    where = f"article {index + 1}"
    _need(isinstance(data, dict), f"{where} must be an object")
    raw = data.get("article")
    _need(isinstance(raw, dict), f"{where}: missing 'article'")
    aid = raw.get("id")
    _need(
        isinstance(aid, str) and ARTICLE_ID_RE.match(aid) is not None,
        f"{where}: invalid article id {one_line(str(aid), 20)!r} (8 or more hex digits)",
    )
    text = raw.get("text")
    _need(isinstance(text, str) and bool(text.strip()), f"{where}: the article text is empty")
    _need(clean_text(text) == text, f"{where}: the article text is not clean text")
    _need(
        content_hash(text, len(aid)) == aid,
        f"{where}: the text does not match the article id {aid!r} (edited by hand?)",
    )
    meta = raw.get("meta") or {}
    _need(isinstance(meta, dict), f"{where}: 'meta' must be an object")
    article = Article(
        id=aid,
        title=_text(raw, "title", where, limit=500),
        source=_text(raw, "source", where, limit=2000),
        text=text,
        fetched_at=_text(raw, "fetched_at", where, optional=True, default=None, limit=40),
        meta=_clean_json(meta),
    )
    where = f"article {aid}"
    claims: list[Claim] = []
    verdicts: dict[str, Verdict] = {}
    raw_claims = data.get("claims") or []
    _need(isinstance(raw_claims, list), f"{where}: 'claims' must be a list")
    for i, item in enumerate(raw_claims):
        cw = f"{where} claim {i + 1}"
        claim = _claim(item, article, cw)
        _need(claim.id not in verdicts, f"{cw}: duplicate claim id {claim.id!r}")
        claims.append(claim)
        verdict = item.get("verdict")
        if verdict is None:
            verdicts[claim.id] = Verdict(claim_id=claim.id, article_id=aid)
        else:
            verdicts[claim.id] = _verdict(verdict, aid, f"{cw} verdict")
            verdicts[claim.id].orphaned = False
            _need(
                verdicts[claim.id].claim_id == claim.id, f"{cw}: the verdict is for another claim"
            )
    orphaned = data.get("orphaned_verdicts") or []
    _need(isinstance(orphaned, list), f"{where}: 'orphaned_verdicts' must be a list")
    for i, item in enumerate(orphaned):
        verdict = _verdict(item, aid, f"{where} orphaned verdict {i + 1}")
        verdict.orphaned = True
        verdicts.setdefault(verdict.claim_id, verdict)
    raw_history = data.get("history") or []
    _need(isinstance(raw_history, list), f"{where}: 'history' must be a list")
    history = [
        _change(item, aid, f"{where} history row {i + 1}") for i, item in enumerate(raw_history)
    ]
    return ImportedArticle(article=article, claims=claims, verdicts=verdicts, history=history)


def _depth_ok(data: Any) -> bool:
    """True when no array/object in ``data`` is nested deeper than ``MAX_DEPTH``."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return False
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items if isinstance(v, dict | list))
    return True


def parse_export(data: Any, name: str = "export") -> Export:
    """Validate a decoded JSON export; InputError (one line) when anything is wrong."""
    try:
        _need(_depth_ok(data), f"nested deeper than {MAX_DEPTH} levels")
        _need(isinstance(data, dict), "the top level must be an object")
        _need(
            data.get("schema") == SCHEMA, f'not a workbench JSON export (no "schema": "{SCHEMA}")'
        )
        version = data.get("schema_version")
        _need(isinstance(version, int) and not isinstance(version, bool), "missing schema_version")
        _need(version >= 1, f"unknown schema_version {version}")
        _need(
            version <= SCHEMA_VERSION,
            f"schema_version {version} is newer than this workbench reads ({SCHEMA_VERSION}); "
            "upgrade workbench",
        )
        raw_articles = data.get("articles")
        _need(isinstance(raw_articles, list), "'articles' must be a list")
        articles = [_imported(item, i) for i, item in enumerate(raw_articles)]
        ids = [a.article.id for a in articles]
        _need(len(ids) == len(set(ids)), "the same article appears twice")
        return Export(
            name=name,
            articles=articles,
            exported_by=one_line(str(data.get("exported_by") or ""), 80),
            generated_at=one_line(str(data.get("generated_at") or ""), 40),
            complete=data.get("complete", True) is not False,
        )
    except _Bad as exc:
        raise InputError(f"{one_line(name, 200)}: {exc}") from None
    except (TypeError, ValueError, KeyError, AttributeError, RecursionError) as exc:
        raise InputError(
            f"{one_line(name, 200)}: not a valid workbench JSON export ({one_line(str(exc), 80)})"
        ) from None


def _no_constant(name: str) -> Any:
    raise _Bad(f"{name} is not a number JSON allows")


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Bad(f"an integer of {len(text)} digits is too long")
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Bad(f"the number {text[:20]} is too large")
    return value


def decode(raw: bytes, name: str) -> Any:
    """Parse the bytes of an export: strict JSON, bounded numbers and nesting."""
    try:
        return json.loads(
            raw.decode("utf-8-sig"),
            parse_constant=_no_constant,
            parse_int=_bounded_int,
            parse_float=_finite_float,
        )
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text; is it a workbench JSON export?") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    except _Bad as exc:
        raise InputError(f"{name}: {exc}") from None
    except RecursionError:
        raise InputError(f"{name}: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:
        raise InputError(f"{name}: not valid JSON ({one_line(str(exc), 80)})") from None


def load_export(path: str | Path) -> Export:
    """Read and validate a JSON export file (at most ``MAX_EXPORT_BYTES``)."""
    p = Path(path)
    name = one_line(str(path), 200)
    try:
        with open(p, "rb") as fh:
            raw = fh.read(MAX_EXPORT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise InputError(f"{name}: the file is larger than 500 MB")
    return parse_export(decode(raw, name), name)
