"""Normalize the checkable quantity of a claim: numbers, money, percents, dates, durations.

Pure functions over strings (no spaCy): ``parse_number("1.5 billion") == 1.5e9``,
``parse_money("$ 1.5 billion")``, ``parse_qualifier("more than 100,000")``, ...
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import (
    COUNT_WORDS,
    CURRENCY_PHRASES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    ELIDED_YEAR_PIVOT,
    FRACTIONS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PLURAL_SCALES,
    QUALIFIERS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    SPEED_UNITS,
    TENS_WORDS,
    TIME_UNITS,
    UNIT_SECONDS,
    WEEKDAYS,
)

__all__ = [
    "CURRENCY_PHRASES",
    "CURRENCY_WORDS",
    "MONTHS",
    "QUALIFIERS",
    "WEEKDAYS",
    "format_number",
    "is_specific_date",
    "parse_date",
    "parse_temperature",
    "parse_duration",
    "parse_money",
    "parse_number",
    "parse_pair",
    "parse_percent",
    "parse_qualifier",
    "parse_quantity",
    "parse_ratio",
]

_UNITS = NUMBER_WORDS | COUNT_WORDS
_TENS = TENS_WORDS
_SCALES = SCALE_WORDS | SCALE_SUFFIXES
_PLAIN_FRACTIONS = frozenset({"half", "third", "quarter"})
"""Fractions that read as fractions alone; "fifth", "tenth" need a count ("a fifth")."""
_QUALIFIER_RE = re.compile(
    r"^\s*("
    + "|".join(re.escape(q) for q, _ in sorted(QUALIFIERS, key=lambda x: -len(x[0])))
    + r")\b",
    re.IGNORECASE,
)
_QUALIFIER_MAP = dict(QUALIFIERS)

_NUMBER_TOKEN = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_NUM_WITH_SUFFIX = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)(k|m|mn|bn|b|tn|tr)$", re.IGNORECASE)


def parse_qualifier(text: str) -> tuple[str, str]:
    """Split a leading qualifier: ``"more than 100,000"`` -> ``("more-than", "100,000")``."""
    match = _QUALIFIER_RE.match(text)
    if not match:
        return "exact", text.strip()
    qualifier = _QUALIFIER_MAP[match.group(1).lower()]
    return qualifier, text[match.end() :].strip()


def _tokens(text: str) -> list[str]:
    text = text.replace("-", " ").replace("\u2013", " ")
    return [t for t in re.split(r"\s+", text.strip().lower()) if t and t not in ("and", "of")]


def parse_number(text: str) -> tuple[float | None, str | None]:
    """Parse a number written in digits and/or words.

    Returns ``(value, vague)``: ``vague`` is ``"hundreds"``, ``"dozens"``... when the
    text gives an order of magnitude only (``value`` is then its lower bound).
    ``(None, None)`` when there is no number.
    """
    total = 0.0
    current = 0.0
    seen = False
    vague: str | None = None
    text = re.sub(r"(?i)\band a half\b", " +half ", text)
    digits_done = False  # a number written in digits is complete: "0.3 ... 6.8" is two numbers
    last_scale = False
    counted = False  # a count before a fraction word: "a fifth" (but "fifth" alone is a rank)
    for tok in _tokens(text.replace("%", " ")):
        tok = tok.strip(".,;:()\"'“”‘’")
        if not tok:
            continue
        if tok == "+half":
            current += 0.5
            continue
        if _NUMBER_TOKEN.match(tok):
            if digits_done:
                break
            if counted and not seen:
                current = 0.0  # "an extra 5%", "a 12-week course": the article is no "one"
            current += float(tok.replace(",", ""))
            seen = digits_done = True
            last_scale = False
        elif m := _NUM_WITH_SUFFIX.match(tok):
            current += float(m.group(1).replace(",", "")) * _SCALES[m.group(2).lower()]
            seen = True
        elif tok in _UNITS and (tok not in ("a", "an") or not seen):
            if tok in ("a", "an"):
                current = current or 1
                counted = True
                continue
            if tok == "single" and counted:
                seen = True
                continue  # "a single week": one, not one and one
            if counted and not seen:
                current = 0.0  # "an eleven-point lead": eleven, not one and eleven
            current += _UNITS[tok]
            seen = True
        elif tok in _TENS:
            if counted and not seen:
                current = 0.0  # "a twenty-minute walk"
            current += _TENS[tok]
            seen = True
        elif tok in FRACTIONS and (
            seen or counted or tok in _PLAIN_FRACTIONS or tok.endswith("s")
        ):
            current = (current or 1) * FRACTIONS[tok]  # "a third", "two-thirds", "a fifth"
            seen = True
        elif tok in _SCALES and (
            seen or tok in ("hundred", "thousand", "million", "billion", "trillion")
        ):
            scale = _SCALES[tok]
            if last_scale and not current and scale >= 1000:
                total *= scale  # "1.5 lakh crore"
                continue
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = last_scale = True
            continue
        elif tok in PLURAL_SCALES:
            vague = tok
            current = (current or 1) * PLURAL_SCALES[tok]
            seen = True
        elif tok in ("dozen",):
            current = (current or 1) * 12
            seen = True
        last_scale = False
    if not seen:
        return None, None
    value = total + current
    return (int(value) if float(value).is_integer() else value), vague


def _currency_word(low: str) -> str | None:
    """The first currency word or phrase in ``low`` ("per dollar" does not count)."""
    best: tuple[int, int, str] | None = None
    for word in (*CURRENCY_PHRASES, *CURRENCY_WORDS):
        for match in re.finditer(rf"\b{re.escape(word)}\b", low):
            if re.search(r"\b(per|a|each)\s*$", low[: match.start()]):
                continue  # "88.45 rupees per dollar"
            key = (match.start(), -len(word), word)
            if best is None or key < best:
                best = key
    return best[2] if best else None


PENCE = re.compile(r"(\d+(?:\.\d+)?)p")
"""An amount in pence written on its number ("145p", "2.5p")."""


def parse_money(text: str) -> dict[str, Any]:
    """``"$ 1.5 billion"`` -> ``{"amount": 1.5e9, "currency": "USD", ...}``."""
    qualifier, rest = parse_qualifier(text)
    low = rest.lower()
    pence = PENCE.fullmatch(low.strip())
    if pence:  # "145p": pence written on the number
        return _value(float(pence.group(1)) / 100, "amount", qualifier, text, currency="GBP")
    currency = None
    for symbol in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if symbol in low and (not symbol.isalpha() or re.search(rf"\b{re.escape(symbol)}\b", low)):
            currency = CURRENCY_SYMBOLS[symbol]
            low = low.replace(symbol, " ", 1)
            break
    if currency is None:
        word = _currency_word(low)
        if word is not None:
            currency = CURRENCY_PHRASES.get(word) or CURRENCY_WORDS[word]
            low = re.sub(rf"\b{re.escape(word)}\b", " ", low)
            if word in ("cents", "pence"):
                amount, _ = parse_number(low)
                cents = amount / 100 if amount is not None else None
                return _value(cents, "amount", qualifier, text, currency=currency)
    amount, vague = parse_number(low)
    out = _value(amount, "amount", qualifier, text, currency=currency)
    if vague:
        out["vague"] = vague
    return out


_PAIR = re.compile(
    r"^\s*([\d.,]+)\s*(?:-|–|—|to|and)\s*([\d.,]+)\s*"
    r"(million|billion|trillion|thousand|m|bn|k)?\s*(%|percent|per cent)?\s*$",
    re.IGNORECASE,
)
_RATIO = re.compile(r"^\s*([\w.]+)\s+(?:in|out of)\s+([\w.,]+)\b", re.IGNORECASE)


def parse_pair(text: str) -> dict[str, Any] | None:
    """``"69-30"`` (a tally: first >= second) or ``"3-5%"`` (a range)."""
    match = _PAIR.match(text)
    if not match:
        return None
    scale = match.group(3) or ""
    first, _ = parse_number(f"{match.group(1)} {scale}")
    second, _ = parse_number(f"{match.group(2)} {scale}")
    if first is None or second is None:
        return None
    if first < second:
        return {"number": first, "upper": second, "qualifier": "range", "text": text}
    return {"number": first, "other": second, "qualifier": "tally", "text": text}


def parse_ratio(text: str) -> dict[str, Any] | None:
    """``"one in five"`` -> 20 percent; ``"nearly one in four"`` keeps its qualifier."""
    qualifier, rest = parse_qualifier(text)
    match = _RATIO.match(rest)
    if not match:
        return None
    part, _ = parse_number(match.group(1))
    whole, _ = parse_number(match.group(2))
    if not part or not whole:
        return None
    return {
        "number": round(100 * part / whole, 2),
        "unit": "percent",
        "ratio": [part, whole],
        "qualifier": qualifier,
        "text": text,
    }


def parse_quantity(text: str, unit: str | None = None) -> dict[str, Any]:
    """A counted quantity: ``"more than 100,000"`` -> number 100000, qualifier more-than."""
    qualifier, rest = parse_qualifier(text)
    pair = parse_pair(rest)
    if pair is not None:
        if unit:
            pair["unit"] = unit
        return pair
    number, vague = parse_number(rest)
    out = _value(number, "number", qualifier, text, unit=unit)
    if vague:
        out["vague"] = vague
        if out["qualifier"] == "exact":
            out["qualifier"] = "at-least"
    return out


TEMPERATURE = re.compile(
    r"(?i)(-?\d+(?:[.,]\d+)?)\s*(?:[°º]\s*|degrees?\s+)?(c|f|celsius|centigrade|fahrenheit)"
)
"""A temperature or a change of one: "1C", "1.5C", "2°C", "30F", "40 degrees Celsius"."""


def parse_temperature(text: str) -> dict[str, Any] | None:
    """ "about 1C" -> number 1, unit degrees Celsius, qualifier about; None if no temperature."""
    qualifier, rest = parse_qualifier(text)
    match = TEMPERATURE.fullmatch(rest.strip())
    if match is None:
        return None
    number = float(match.group(1).replace(",", "."))
    scale = "degrees " + ("Fahrenheit" if match.group(2).lower().startswith("f") else "Celsius")
    return _value(int(number) if number.is_integer() else number, "number", qualifier, text,
                  unit=scale)


_SPEED = re.compile(
    r"(?i)(.*?\d)\s*("
    + "|".join(
        re.escape(u).replace("\\ ", r"\s+").replace("/", r"\s*/\s*")
        for u in sorted(SPEED_UNITS, key=len, reverse=True)
    )
    + r")\.?"
)
"""A number in digits and a unit of speed: "120mph", "90 km/h", "75 knots", "80 miles per hour"."""


def speed_unit(text: str) -> str | None:
    """The unit a speed is shown in ("km / h" -> "km/h"), or None for no unit of speed."""
    key = re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", text.strip().lower()))
    return SPEED_UNITS.get(key)


def parse_speed(text: str) -> dict[str, Any] | None:
    """ "winds of up to 90 km/h" -> number 90, unit km/h, qualifier up-to; None if no speed."""
    qualifier, rest = parse_qualifier(text)
    match = _SPEED.fullmatch(rest.strip())
    unit = speed_unit(match.group(2)) if match else None
    if match is None or unit is None:
        return None
    number, vague = parse_number(match.group(1))
    if number is None or vague:
        return None
    return _value(int(number) if float(number).is_integer() else number, "number", qualifier,
                  text, unit=unit)


_FIRST_SIGN = re.compile(r"(?i)(\d)\s*(?:%|per ?cent)\s*(?=(?:-|–|—)\s*\d)")
"""The sign of a range's first end ("5.25%-5.50%"): the range reads as "5.25-5.50%"."""


def parse_percent(text: str) -> dict[str, Any]:
    qualifier, rest = parse_qualifier(text)
    pair = parse_pair(_FIRST_SIGN.sub(r"\1", rest))
    if pair is not None:
        pair["text"] = rest
        return {**pair, "unit": "percent"}
    rest = re.sub(r"(?i)\b(percent|per cent|pct|percentage points?)\b", " ", rest)
    number, _ = parse_number(rest)
    unit = "percentage-point" if "point" in text.lower() else "percent"
    return _value(number, "number", qualifier, text, unit=unit)


_POSITION_BEFORE_UNIT = re.compile(
    r"(?i)\b(?:{})[\s-]*$".format(
        "|".join(w for w in FRACTIONS if not w.endswith("s") and w not in ("half", "quarter"))
    )
)
"""An ordinal-like fraction word right before a time unit ("the third week", "a tenth
day") names a position; a share needs "of" ("a third of a week"); "half"/"quarter"
before a unit are amounts ("a quarter hour", "half-day")."""

_DURATION_RE = re.compile(
    r"\b(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a))\b",
    re.IGNORECASE,
)


def _duration_unit(word: str) -> str:
    word = word.lower()
    return next((v for k, v in TIME_UNITS.items() if word.startswith(k[:5])), word)


_ONE_SPAN = re.compile(r"(?i)\s*the\s+(?:past|last|next|coming)\s*")
"""Before a unit of time with no number: "the past decade", "the last year" (one of it);
"last year" without "the" is a date."""


_DURATION_RANGE = re.compile(
    r"(?i)^\s*(?:between|from)?\s*([\w.,]+)\s*(?:-|–|to|and)\s*([\w.,]+)\s*$"
)
"""The ends of a range of lengths of time before the unit ("two to five", "6-8")."""


def parse_duration(text: str) -> dict[str, Any] | None:
    """``"the past 26 years"`` -> ``{"number": 26, "unit": "year"}``; None when no number+unit.

    Compound durations ("2 hours and 35 seconds") keep their parts and a total in seconds.
    """
    parts: list[tuple[float, str]] = []
    qualifier = "exact"
    vague = None
    upper = None
    pos = 0
    for match in _DURATION_RE.finditer(text):
        if match.group(1).lower() == "second" and _DURATION_RE.match(text[match.end() :].lstrip()):
            continue  # "a second week": an ordinal
        if _POSITION_BEFORE_UNIT.search(text[pos : match.start()]):
            pos = match.end()
            continue  # "the third week", "a fifth day": a position in time, not a fraction
        before = text[pos : match.start()]
        chunk = re.sub(r"(?i)\b(the|past|last|previous|next|coming|first|final)\b", " ", before)
        if not parts:
            qualifier, chunk = parse_qualifier(chunk)
        ends = _DURATION_RANGE.match(chunk) if not parts else None
        if ends is not None:  # "two to five years", "6-8 weeks": the low end, and the high
            low, _ = parse_number(ends.group(1))
            high, _ = parse_number(ends.group(2))
            if low is not None and high is not None and low < high:
                upper = high
                chunk = ends.group(1)
        number, vague_here = parse_number(chunk)
        if number is None and chunk.strip().lower() in ("a", "an", "one", ""):
            number = 1 if chunk.strip() or _ONE_SPAN.fullmatch(before) else None
        if number is None:
            pos = match.end()
            continue
        vague = vague or vague_here
        parts.append((number, _duration_unit(match.group(1))))
        pos = match.end()
    if not parts:
        return None
    number, unit = parts[0]
    out = _value(number, "number", qualifier, text, unit=unit)
    if upper is not None and len(parts) == 1:
        out["upper"] = upper
        if qualifier == "exact":
            out["qualifier"] = "range"
    if len(parts) > 1:
        out["parts"] = [[n, u] for n, u in parts]
        out["seconds"] = sum(n * UNIT_SECONDS.get(u, 0) for n, u in parts)
    if vague:
        out["vague"] = vague
    return out


_MONTH_ABBR = MONTH_ABBREVIATIONS
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d|21\d\d)s?\b")
_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b")
"""Any month's name as a word (one search, not one per month)."""
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s*\d")
_ELIDED_YEAR = re.compile(r"(?:^|(?<=\s))['’‘](\d\d)(?:['’]?(s))?\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")


def parse_date(text: str) -> dict[str, Any]:
    """Normalize a date expression as far as the text allows.

    ``"August 9"`` -> month 8, day 9, iso ``--08-09``; ``"1994"`` -> year 1994;
    ``"Monday"`` -> weekday; ``"the 1990s"`` -> decade.
    """
    low = text.lower()
    out: dict[str, Any] = {"text": text}
    elided = _ELIDED_YEAR.search(low)
    if elided and not _YEAR.search(low):  # "’91" is 1991, "’08" 2008, "the ’90s" the 1990s
        yy = int(elided.group(1))
        century = 2000 if yy <= ELIDED_YEAR_PIVOT else 1900
        year = f" {century + yy}{elided.group(2) or ''}"
        low = low[: elided.start()] + year + low[elided.end() :]
    year_m = _YEAR.search(low)
    month = None
    month_pos = None
    for word in re.finditer(r"[a-z]+\.?", low):
        w = word.group(0).rstrip(".")
        if w in MONTHS or (w in _MONTH_ABBR and w != "may" or w == "may" and w in MONTHS):
            month = MONTHS.get(w) or _MONTH_ABBR.get(w)
            month_pos = word.span()
            break
    day = None
    if month_pos is not None:
        for m in _DAY.finditer(low):
            if year_m and m.span() == year_m.span(1):
                continue
            if abs(m.start() - month_pos[1]) <= 2 or abs(m.end() - month_pos[0]) <= 4:
                value = int(m.group(1))
                if 1 <= value <= 31:
                    day = value
                    break
    if year_m:
        out["year"] = int(year_m.group(1))
        if year_m.group(0).endswith("s"):
            out["decade"] = True
    if month:
        out["month"] = month
    if day:
        out["day"] = day
    for wd in WEEKDAYS:
        if wd in low:
            out["weekday"] = wd.capitalize()
            break
    if "year" in out and not out.get("decade"):
        iso = f"{out['year']:04d}"
        if month:
            iso += f"-{month:02d}"
            if day:
                iso += f"-{day:02d}"
        out["iso"] = iso
    elif "year" in out:
        out["iso"] = f"{out['year']:04d}s"
    elif month:
        out["iso"] = f"--{month:02d}" + (f"-{day:02d}" if day else "")
    return out


_RANGE = re.compile(
    r"(?i)^(?:from\s+|between\s+)?(?P<a>.+?)\s*(?:\s(?:to|through|thru|until|till|and)\s|[-–—])"
    r"\s*(?P<b>.+)$"
)


def parse_date_range(text: str) -> dict[str, Any] | None:
    """A span of time written as two dates: "2015 to 2020", "between 2011 and 2019",
    "March 3 to March 10", "3-10 March", "2019-20", "Monday to Friday".

    ``{"text", "from": {...}, "to": {...}, "iso": "2015/2020"}`` (an ISO 8601 interval
    when both ends have one); each end is a ``parse_date`` value, the year or month
    written once taken for both ("March 3-10", "2019-20"). None when the two parts
    are not both dates.
    """
    m = _RANGE.match(text.strip())
    if m is None:
        return None
    left, right = parse_date(m.group("a")), parse_date(m.group("b"))
    bare_a, bare_b = m.group("a").strip(), m.group("b").strip()
    if len(right) == 1 and bare_b.isdecimal():  # "2019-20", "March 3-10": the rest is shared
        if "year" in left and "month" not in left and len(bare_b) == 2 and (
            int(bare_b) > left["year"] % 100
        ):
            right = parse_date(f"{str(left['year'])[:2]}{bare_b}")
        elif "day" in left and int(bare_b) <= 31:
            right = parse_date(f"{m.group('a').rsplit(None, 1)[0]} {bare_b}")
    if len(left) == 1 and bare_a.isdecimal() and "day" in right and int(bare_a) <= 31:
        left = parse_date(m.group("b").replace(str(right["day"]), bare_a, 1))  # "3-10 March"
    for end in (left, right):
        end.pop("text", None)
    if not left or not right:
        return None
    if "year" in right and "year" not in left and "month" in left:
        left = parse_date(f"{m.group('a')} {right['year']}")  # "March 3 to April 2, 2024"
        left.pop("text", None)
    out: dict[str, Any] = {"text": text, "from": left, "to": right}
    if left.get("iso") and right.get("iso"):
        out["iso"] = f"{left['iso']}/{right['iso']}"
    return out


def is_specific_date(text: str) -> bool:
    """A date worth checking: a year, a month, a weekday, a day number - not "last week"."""
    low = text.lower()
    if _YEAR.search(low) or _ELIDED_YEAR.search(low):
        return True
    if _MONTH.search(low) or any(w in low for w in WEEKDAYS):
        return True
    if _MONTH_DAY.search(low):
        return True  # "Nov. 15", "Oct 1"
    return False


def _value(number: Any, key: str, qualifier: str, text: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {key: number}
    out.update({k: v for k, v in extra.items() if v is not None})
    out["qualifier"] = qualifier
    out["text"] = text
    return out


def format_number(value: float | int | None) -> str:
    """Short human form: 1500000000 -> '1.5 billion', 100000 -> '100,000'."""
    if value is None:
        return "?"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)  # values from imports are not always numbers
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:  # "114.1 billion", not "114 billion": the digits written
            return f"{value / scale:.6f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4g}"
