"""The shape every row of a store file must have (checked by ``workbench doctor``).

A file that parses can still hold rows that would crash a later command: a claim
row that is a string, a claim without an id, a verdict without ``claim_id``, a
history row without its fields. ``table_problems`` names each such row.
"""

from __future__ import annotations

from typing import Any

from .layout import ID_RE

MAX_DEPTH = 40
_CLAIM_TEXT = ("kind", "anchor", "sentence", "label")
_CLAIM_INTS = ("start", "end", "sentence_start", "sentence_end")
_HISTORY_TEXT = ("claim_id", "field", "reviewer", "at", "action")
_SUMMARY_INTS = ("claims", "reviewed")


def _depth(value: Any) -> int:
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            items = item.values() if isinstance(item, dict) else item
            stack.extend((v, depth + 1) for v in items if isinstance(v, dict | list))
    return deepest


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _claim(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "is not an object"
    if not isinstance(row.get("id"), str) or not ID_RE.match(row["id"]):
        return "has no valid id"
    for key in _CLAIM_TEXT:
        if not isinstance(row.get(key), str):
            return f"has no text '{key}'"
    for key in _CLAIM_INTS:
        if not _int(row.get(key)):
            return f"has no whole number '{key}'"
    if not isinstance(row.get("value", {}), dict):
        return "has a 'value' that is not an object"
    if not isinstance(row.get("entities", []), list):
        return "has 'entities' that are not a list"
    w = row.get("worthiness")
    if w is not None and (not isinstance(w, int | float) or isinstance(w, bool)):
        return "has a 'worthiness' that is not a number"
    return None


def _verdict(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "is not an object"
    if not isinstance(row.get("claim_id"), str) or not ID_RE.match(row["claim_id"]):
        return "has no valid claim_id"
    if not isinstance(row.get("status", "unreviewed"), str):
        return "has a status that is not text"
    for key in ("note", "reviewer", "updated_at", "label"):
        if not isinstance(row.get(key, ""), str):
            return f"has a '{key}' that is not text"
    links = row.get("links", [])
    if not isinstance(links, list) or not all(
        isinstance(x, dict) and isinstance(x.get("url"), str) for x in links
    ):
        return "has links that are not a list of {url: ...}"
    return None


def _history(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "is not an object"
    if not _int(row.get("seq")):
        return "has no whole number 'seq'"
    for key in _HISTORY_TEXT:
        if not isinstance(row.get(key), str):
            return f"has no text '{key}'"
    return None


def _summary(row: Any) -> str | None:
    if not isinstance(row, dict):
        return "is not an object"
    if not isinstance(row.get("id"), str) or not ID_RE.match(row["id"]):
        return "has no valid article id"
    for key in _SUMMARY_INTS:
        if not _int(row.get(key, 0)):
            return f"has no whole number '{key}'"
    ids = row.get("claim_ids", [])
    if not isinstance(ids, list) or not all(isinstance(c, str) for c in ids):
        return "has claim_ids that are not a list of text"
    return None


CHECKS = {
    "article": {"claims": _claim, "verdicts": _verdict, "history": _history},
    "index": {"articles": _summary},
}


def table_problems(tables: Any, kind: str) -> list[str]:
    """What is wrong with the rows of a parsed store file ([] when every row is sound)."""
    if _depth(tables) > MAX_DEPTH:
        return [f"is nested deeper than {MAX_DEPTH} levels"]
    if not isinstance(tables, dict):
        return ["holds no tables"]
    out: list[str] = []
    for name, table in tables.items():
        if not isinstance(table, dict):
            out.append(f"table '{name}' is not a table of rows")
            continue
        check = CHECKS.get(kind, {}).get(name)
        if check is None:
            continue
        for key, row in table.items():
            problem = check(row)
            if problem:
                out.append(f"{name} row {str(key)[:20]} {problem}")
    if kind == "article":
        art = tables.get("article")
        rows = list(art.values()) if isinstance(art, dict) else []
        if not rows or not isinstance(rows[0], dict) or not isinstance(rows[0].get("text"), str):
            out.append("has no article row with its text")
    return out
