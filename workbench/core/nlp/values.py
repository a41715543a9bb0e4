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
        parts = ["negated" if value.get("negated") else ""]
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
        parts.extend(str(t).replace("-", " ") for t in tags)  # "vague quantity"
        return "; ".join(p for p in parts if p)
    if kind == "consistency":
        variants = value.get("variants") or []
        texts = [str(v.get("text", v)) if isinstance(v, dict) else str(v) for v in variants]
        return f"{value.get('type', 'inconsistent')}: " + " / ".join(texts)
    return str(value.get("text", ""))


_FLAG_WORDS = {
    "negated": "negated",
    "denied": "denied",
    "time_of": "only the time of an event",
}
"""A value's true flags as a reviewer reads them (``negated=True`` -> ``negated``)."""
_SAID_BY_VALUE = frozenset(
    {"speaker", "unit", "currency", "qualifier", "iso", "year", "type", "name", "number",
     "amount"}
)
"""Fields whose item the readable value usually says already (left out when it does)."""
_DATE_PARTS = frozenset({"year", "month", "day", "weekday", "decade"})


def value_facts(kind: str, value: dict[str, Any], shown: str = "") -> list[str]:
    """The fields of a value that its readable form ``shown`` (``format_value``) leaves
    out, each as a reviewer reads it: ``key: item``, a true flag as its word
    (``negated``), tags as words; ``False``, empty fields and what ``shown`` says
    already are left out. Never raises (values read from imports may hold anything)."""
    if not isinstance(value, dict):
        return []
    flags = {k for k, v in value.items() if v is True}
    out: list[str] = []
    for key, item in value.items():
        key = str(key)
        if key in ("text", "variants") or item is False or item in (None, "", [], {}):
            continue
        if key == "qualifier" and item == "exact":
            continue  # the default: nothing to say
        if kind == "date" and key in _DATE_PARTS and shown:
            continue  # the readable date says them
        if item is True:
            word = _FLAG_WORDS.get(key, key.replace("_", " "))
            if word not in shown:
                out.append(word)
            continue
        if key == "tags" and isinstance(item, list | tuple):
            words = [str(t).replace("-", " ") for t in item
                     if t not in flags and str(t) not in shown]
            words = [w for w in words if w not in shown]
            if words:
                out.append(", ".join(_line(w, 40) for w in words))
            continue
        if isinstance(item, list | tuple):
            item = ", ".join(_line(str(x), 60) for x in item)
        elif isinstance(item, dict):  # e.g. "when": the date an event is timed by
            item = item.get("text") or ", ".join(
                f"{_line(str(k), 20)} {_line(str(v), 40)}" for k, v in item.items()
            )
        text = _line(str(item), 80)
        if f"{key}: {text}" in shown:
            continue
        if key in _SAID_BY_VALUE and shown and (
            text in shown or text.replace("-", " ") in shown
        ):
            continue
        out.append(f"{key.replace('_', ' ')}: {text}")
    return out


def _line(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters (values are shown, never parsed)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
