"""Human-readable form of a claim's normalized value (tables, detail pane, reports)."""

from __future__ import annotations

from typing import Any

from .lexicon import MONTHS, QUALIFIER_DISPLAY
from .quantities import format_number

_MONTH_NAMES = {v: k.capitalize() for k, v in MONTHS.items()}


def _qualified(value: dict[str, Any], number: Any, unit: str = "") -> str:
    qualifier = QUALIFIER_DISPLAY.get(str(value.get("qualifier", "exact")), "")
    shown = format_number(number)
    if value.get("qualifier") == "range" and value.get("upper") is not None:
        shown = f"{shown}–{format_number(value['upper'])}"  # "3–5%", both ends
    elif value.get("qualifier") == "tally" and value.get("other") is not None:
        shown = f"{shown}–{format_number(value['other'])}"  # "69–30", a vote or a score
    parts = [qualifier, shown, str(unit) if unit else ""]
    return " ".join(p for p in parts if p)


def format_value(kind: str, value: dict[str, Any]) -> str:
    """``format_value("money", {"amount": 1.5e9, "currency": "USD"}) == "1.5 billion USD"``.

    Never raises: values read from imports may hold anything.
    """
    if not isinstance(value, dict) or not value:
        return ""
    try:
        return _format(kind, value)
    except (TypeError, ValueError, AttributeError):
        return ", ".join(f"{k}={v}" for k, v in value.items() if k != "text")


def _format(kind: str, value: dict[str, Any]) -> str:
    if kind == "money":
        return _qualified(value, value.get("amount"), value.get("currency") or "(currency?)")
    if kind in ("quantity", "percent"):
        unit = value.get("unit") or ""
        if unit == "percent":
            return _qualified(value, value.get("number")) + "%"
        return _qualified(value, value.get("number"), unit)
    if kind == "duration":
        number = value.get("number")
        unit = str(value.get("unit", ""))
        plural = "s" if number != 1 and unit else ""
        return _qualified(value, number, unit + plural)
    if kind == "date":
        if isinstance(value.get("from"), dict) and isinstance(value.get("to"), dict):
            return f"{_format('date', value['from'])} – {_format('date', value['to'])}"
        if "time" in value:
            return str(value["time"])
        if value.get("decade"):
            return f"the {value.get('year')}s"
        month, day, year = value.get("month"), value.get("day"), value.get("year")
        parts = []
        if month:
            parts.append(_MONTH_NAMES.get(month, str(month)) + (f" {day}" if day else ""))
        if year:
            parts.append(str(year))
        text = ", ".join(parts) if month and year and day else " ".join(parts)
        if value.get("weekday"):
            text = f"{value['weekday']} {text}".strip()
        if value.get("iso") and str(value["iso"]) != text:
            text = f"{text} ({value['iso']})"
        return text
    if kind == "ordinal":
        return (
            f"#{value.get('number')}"
            if value.get("number") is not None
            else str(value.get("text", ""))
        )
    if kind == "quote":
        return f"said by {value.get('speaker')}"
    if kind == "event":
        return str(value.get("name", ""))
    if kind == "statement":
        parts = ["not" if value.get("negated") else ""]
        when = value.get("when")
        if isinstance(when, dict) and when.get("text"):
            parts.append(f"when: {when['text']}")
        since = value.get("since")
        if isinstance(since, dict) and since.get("text"):
            parts.append(f"since: {since['text']}")  # a record's baseline
        span = value.get("in")
        if isinstance(span, dict) and span.get("text"):
            parts.append(f"in: {span['text']}")  # the span of time a record holds over
        tags = [t for t in value.get("tags") or () if t != "negated"]
        parts.extend(str(t) for t in tags)
        return "; ".join(p for p in parts if p)
    if kind == "consistency":
        variants = value.get("variants") or []
        texts = [str(v.get("text", v)) if isinstance(v, dict) else str(v) for v in variants]
        return f"{value.get('type', 'inconsistent')}: " + " / ".join(texts)
    return str(value.get("text", ""))
