"""Numbers and names must agree: "1.5 billion" is not "15 billion", Whitmer is not Evers.

``numbers(text)`` reads the quantities a claim states, whatever their form ("$37
million", "37,000,000", "63k", "seven in ten", "a dozen", "thirty-two thousand",
"27%"), as ``(kind, value)`` pairs: kind ``percent``, ``year`` or ``amount``.
A candidate conflicts with a query when it states a number of a kind the query
states too, and none of the query's numbers of that kind has its value.

``names(text, common)`` are the proper names of a text: capitalized words that the
collection mostly writes in lower case are not names (``common`` says which). A
candidate conflicts when it names someone or something the query does not, and the
query names someone or something the candidate (claim, claimant, headline) does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_UNITS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "decade": 10,
    "decades": 10,
}
_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
_WORDNUM = {**_SMALL, **_TENS, "dozen": 12, "a dozen": 12}
_FRACTIONS = {"half": 0.5, "a half": 0.5, "quarter": 0.25, "a quarter": 0.25, "third": 1 / 3}
_WORDNUM_RE = "|".join(sorted(list(_SMALL) + list(_TENS) + ["dozen"], key=len, reverse=True))
_NUM = re.compile(
    r"""
    (?P<cur>[$€£])?\s?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:\s?(?P<unit>hundred|thousand|millions?|billions?|trillions?|decades?|mn|mln|bn|tn|[kmb])\b)?
    (?:\s?(?P<pct>%|percent\b|per\s?cent\b|percentage\spoints?\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_WORDS_NUM = re.compile(
    rf"""
    \b(?P<w>(?:{_WORDNUM_RE})(?:[\s-](?:{_WORDNUM_RE}))?)\b
    (?:[\s-](?P<unit>hundred|thousand|millions?|billions?|trillions?|decades?)\b)?
    (?:\s(?P<pct>percent\b|per\scent\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_IN_TEN = re.compile(
    rf"\b(?P<a>\d+|{_WORDNUM_RE}) (?:in|out of) (?P<b>\d+|{_WORDNUM_RE})\b", re.IGNORECASE
)
_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}
_ORDINAL = re.compile(
    r"\b(?:(?P<num>\d+)(?:st|nd|rd|th)|No\.\s?(?P<no>\d+)|"
    r"(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\b",
    re.IGNORECASE,
)
_TIMES = re.compile(r"\b(?:twice|double[sd]?|doubling|triple[sd]?|tripling)\b", re.IGNORECASE)

Number = tuple[str, float]


def _word_value(text: str) -> float | None:
    total = 0.0
    for part in re.split(r"[\s-]+", text.lower()):
        if part in _WORDNUM:
            total += _WORDNUM[part]
        else:
            return None
    return total


def numbers(text: str) -> set[Number]:
    """The quantities ``text`` states, as (kind, value)."""
    found: set[Number] = set()
    spans: list[tuple[int, int]] = []
    for m in _ORDINAL.finditer(text):
        raw = m.group("num") or m.group("no")
        value = float(raw) if raw else float(_ORDINALS[m.group("word").lower()])
        found.add(("ordinal", value))
        spans.append(m.span())
    for m in _IN_TEN.finditer(text):
        a, b = m.group("a"), m.group("b")
        va = float(a) if a.isdigit() else _word_value(a)
        vb = float(b) if b.isdigit() else _word_value(b)
        if va is not None and vb and va <= vb and vb in (3, 4, 5, 10, 100):
            found.add(("percent", round(100 * va / vb, 1)))
            spans.append(m.span())
    for m in _NUM.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        raw = m.group("num").replace(",", "")
        if m.group("cur") is None and m.start() > 0 and text[m.start() - 1] in "-/":
            continue  # "3-5 years", "9/11": a range or a date, read loosely
        try:
            value = float(raw)
        except ValueError:
            continue
        unit = (m.group("unit") or "").lower()
        if unit:
            value *= _UNITS.get(unit, 1.0)
        if m.group("pct"):
            found.add(("percent", round(value, 2)))
        elif not m.group("cur") and not unit and "." not in raw and "," not in raw and (
            1900 <= value <= 2099 and len(raw) == 4
        ):
            found.add(("year", value))
        else:
            found.add(("amount", value))
    for m in _WORDS_NUM.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        spelled = _word_value(m.group("w"))
        if spelled is None:
            continue
        value = spelled
        before = text[max(0, m.start() - 2) : m.start()].lower()
        if value == 1 and not m.group("unit") and not m.group("pct"):
            continue  # "one of the ...": rarely the claimed quantity
        if before.endswith("a ") and m.group("w").lower() == "dozen":
            pass
        unit = (m.group("unit") or "").lower()
        if unit:
            value *= _UNITS.get(unit, 1.0)
        found.add(("percent" if m.group("pct") else "amount", value))
    # "a half", "half of": a share; "a quarter" likewise
    for word, share in (("half", 50.0), ("quarter", 25.0)):
        if re.search(rf"\b{word}\b", text, re.IGNORECASE):
            found.add(("share", share))
    for m in _TIMES.finditer(text):
        word = m.group().lower()
        found.add(("times", 2.0 if word.startswith(("twice", "doubl")) else 3.0))
    return found


def _same(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= 0.01 * max(abs(a), abs(b))


def _rounded(kind: str, a: float, b: float) -> bool:
    """Same when one is the other rounded (32,143 vs 32,000; 27.4 percent vs 27)."""
    if kind == "percent":
        return abs(a - b) <= 0.6
    big, small = max(abs(a), abs(b)), min(abs(a), abs(b))
    return big > 0 and small / big >= 0.97


_SOFT = ("share", "times", "ordinal")
"""Kinds too loosely worded to refuse on ("half" may be 47 percent)."""


def number_conflict(query: set[Number], candidate: set[Number]) -> str:
    """Why the candidate's numbers disagree with the query's ('' when they agree)."""
    for kind, value in sorted(candidate):
        if kind in _SOFT or value == 0:
            continue
        same_kind = [v for k, v in query if k == kind]
        if kind == "percent":
            same_kind += [v * 100 for k, v in query if k == "share"]
        if kind == "amount":
            same_kind += [v for k, v in query if k == "times"]
        if not same_kind:
            continue
        if not any(_same(value, v) or _rounded(kind, value, v) for v in same_kind):
            shown = ", ".join(_fmt(v) for v in sorted(same_kind)[:3])
            return f"numbers differ: {_fmt(value)} vs {shown}"
    return ""


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


# -- names ------------------------------------------------------------------------------

_NAME = re.compile(r"\b[A-Z][a-zA-Z]+(?:['’]s)?\b|\b[A-Z]{2,}\b")
NOT_NAMES = frozenset(
    """i a an the says said say according he she they we it this that these those there
    mr mrs ms dr sen rep gov govs pres president senator representative governor mayor
    congressman congresswoman speaker chairman former state states american americans
    america us usa u united nation national federal republican republicans gop democrat
    democrats democratic dem dems liberal liberals conservative conservatives party
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday jr sr st ok tv covid
    senate house congress congressional legislature assembly court supreme""".split()
)
ALIASES = {"obamacare": "obama", "trumpcare": "trump"}


def names(text: str, common: Callable[[str], bool] | None = None) -> set[str]:
    """Lower-cased proper names of ``text`` (single words)."""
    out = set()
    for m in _NAME.finditer(text):
        word = m.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if word in NOT_NAMES or len(word) < 2:
            continue
        if common is not None and common(word):
            continue
        out.add(ALIASES.get(word, word))
    return out


def name_conflict(query: set[str], candidate: set[str], context: Iterable[str] = ()) -> str:
    """Why the candidate names someone else ('' when names agree)."""
    theirs = candidate - query
    if not theirs:
        return ""
    ours = query - candidate - set(context)
    if not ours:
        return ""
    # the same name written another way (Chevy / Chevrolet, Obama / Obamas)
    theirs = {t for t in theirs if not any(_alike(t, o) for o in ours)}
    ours = {o for o in ours if not any(_alike(o, t) for t in candidate)}
    if not theirs or not ours:
        return ""
    return f"names differ: {', '.join(sorted(theirs)[:3])} vs {', '.join(sorted(ours)[:3])}"


def _alike(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return n >= 4 and a[:4] == b[:4]
