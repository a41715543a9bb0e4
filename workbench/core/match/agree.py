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
    "mill": 1e6,
    "mil": 1e6,
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
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\+?
    (?:\s?(?P<unit>hundred|thousand|millions?|billions?|trillions?|decades?|mill|mil|mn|mln|bn|tn|[kmb])\b)?
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
    rf"\b(?P<a>\d+|{_WORDNUM_RE})[\s-](?:in|out of)(?:\s(?:every|each))?[\s-]"
    rf"(?P<b>[\d,]+\d|\d|{_WORDNUM_RE})\b",
    re.IGNORECASE,
)
_A_UNIT = re.compile(r"\b(?:a|one)\s(?P<unit>hundred|thousand|million|billion|trillion)\b", re.I)
_MONTH = re.compile(
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s$|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\s$",
    re.IGNORECASE,
)
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_DATE = re.compile(
    r"\b(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
    r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+"
    r"(?:(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?\b|(?P<year>(?:19|20)\d\d)\b)"
)
_DURATION = re.compile(r"\s?-?(?P<unit>years?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
_DECADE = re.compile(r"\b(?:a|the|one|past|last|next|previous)\s(?:past\s|last\s)?decade\b", re.I)
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
_SHARE = re.compile(r"\b(?:half|quarter)\b", re.IGNORECASE)
_FRACTION = re.compile(
    r"\b(?P<n>a|one|two|three|four)[\s-](?P<d>thirds?|quarters?|fourths?|fifths?)\b",
    re.IGNORECASE,
)
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_DENOMINATORS = {"thi": 3, "qua": 4, "fou": 4, "fif": 5}
_WEEKDAY = re.compile(r"\b(?P<day>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b")
_WEEKDAYS = "mon tues wednes thurs fri satur sun".split()
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


def _duration(text: str, end: int, kind: str, unit: str) -> str:
    """``years`` (or months, ...) when the number counts time ("12 years", "three decades")."""
    if unit.startswith("decade"):
        return "years"
    if kind != "amount":
        return kind
    m = _DURATION.match(text, end)
    if m is None:
        return kind
    word = m.group("unit").lower()
    return word if word.endswith("s") else word + "s"


def numbers(text: str) -> set[Number]:
    """The quantities ``text`` states, as (kind, value); kinds: ``percent``, ``year``,
    ``amount``, ``ratio`` ("1 in 300"), ``years``/``months``/... (durations), and the soft
    ``share``, ``times`` and ``ordinal``."""
    found: set[Number] = set()
    spans: list[tuple[int, int]] = []
    for m in _ORDINAL.finditer(text):
        raw = m.group("num") or m.group("no")
        value = float(raw) if raw else float(_ORDINALS[m.group("word").lower()])
        found.add(("ordinal", value))
        spans.append(m.span())
    for m in _IN_TEN.finditer(text):
        a, b = m.group("a"), m.group("b").replace(",", "")
        if m.group("b").isdigit() and len(b) == 4 and b[:2] in ("19", "20") and not re.search(
            r"every|each|out", m.group(), re.IGNORECASE
        ):
            continue  # "50 in 2018": a count in a year, not a ratio
        va = float(a) if a.isdigit() else _word_value(a)
        vb = float(b) if b.isdigit() else _word_value(b)
        if va is not None and vb and va <= vb:
            if vb in (3, 4, 5, 10, 100):
                found.add(("percent", round(100 * va / vb, 1)))
            else:
                found.add(("ratio", va / vb))
            spans.append(m.span())
    for m in _A_UNIT.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            found.add(("amount", _UNITS[m.group("unit").lower()]))
            spans.append(m.span())
    fractions = []
    for m in _FRACTION.finditer(text):
        n, d = _NUMERATORS[m.group("n").lower()], _DENOMINATORS[m.group("d")[:3].lower()]
        if n < d:
            found.add(("share", round(100 * n / d, 1)))
            fractions.append(m.span())
    spans += fractions
    for m in _DATE.finditer(text):
        month = _MONTHS.index(m.group("month")[:3].lower()) + 1
        found.add(("month", float(month)))
        if m.group("day"):
            found.add(("date", float(100 * month + int(m.group("day")))))
    for m in _DECADE.finditer(text):
        found.add(("years", 10.0))
        spans.append(m.span())
    for m in _NUM.finditer(text):
        at = m.start("num")
        if any(s <= at < e for s, e in spans):
            continue
        raw = m.group("num").replace(",", "")
        if m.group("cur") is None and at > 0 and text[at - 1] in "-/":
            continue  # "3-5 years", "9/11": a range or a date, read loosely
        if m.group("cur") is None and text[m.end("num") : m.end("num") + 1] == "/":
            continue  # "9/11", "3/4": a date or a fraction
        if (
            m.group("cur") is None
            and len(raw) < 3
            and _MONTH.search(text[max(0, at - 11) : at])
        ):
            continue  # "September 11": a day of the month ("September 2011" is a year)
        try:
            value = float(raw)
        except ValueError:
            continue
        unit = (m.group("unit") or "").lower()
        if unit:
            value *= _UNITS.get(unit, 1.0)
            if unit.startswith("decade"):
                value /= _UNITS[unit] / 10  # "3 decades": 30 years
        if m.group("pct"):
            found.add(("percent", round(value, 2)))
        elif not m.group("cur") and not unit and "." not in raw and "," not in raw and (
            1900 <= value <= 2099 and len(raw) == 4
        ):
            found.add(("year", value))
        else:
            kind = "amount" if m.group("cur") else _duration(text, m.end(), "amount", unit)
            found.add((kind, value))
    for m in _WORDS_NUM.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        spelled = _word_value(m.group("w"))
        if spelled is None:
            continue
        value = spelled
        if value == 1 and not m.group("unit") and not m.group("pct"):
            continue  # "one of the ...": rarely the claimed quantity
        unit = (m.group("unit") or "").lower()
        if unit:
            value *= _UNITS.get(unit, 1.0)
        kind = "percent" if m.group("pct") else _duration(text, m.end(), "amount", unit)
        found.add((kind, value))
    # "a half", "half of": a share; "a quarter", "two-thirds" likewise
    for m in _SHARE.finditer(text):
        if not any(s <= m.start() < e for s, e in fractions):
            found.add(("share", 50.0 if m.group().lower() == "half" else 25.0))
    for m in _WEEKDAY.finditer(text):
        found.add(("weekday", float(_WEEKDAYS.index(m.group("day").lower()) + 1)))
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
    if kind == "ratio":
        return abs(a - b) <= 0.1 * max(abs(a), abs(b))
    if kind == "percent":
        return abs(a - b) <= 0.6
    big, small = max(abs(a), abs(b)), min(abs(a), abs(b))
    return big > 0 and small / big >= 0.97


_EXACT = ("year", "month", "date", "weekday")


def agrees(kind: str, a: float, b: float) -> bool:
    """Two values of one kind are the same quantity (equal, or one the other rounded);
    years, months and dates only when equal (2016 is not 2012 rounded)."""
    if kind in _EXACT:
        return a == b
    return _same(a, b) or _rounded(kind, a, b)


_SOFT = ("share", "times", "ordinal")
"""Kinds too loosely worded to refuse on ("half" may be 47 percent)."""


def number_conflict(query: set[Number], candidate: set[Number]) -> str:
    """Why the candidate's numbers disagree with the query's ('' when they agree)."""
    for kind, value in sorted(candidate):
        if kind == "share":  # "two-thirds" is not "one-third"; "half" may be 47 percent
            shares = [v for k, v in query if k == "share"]
            if shares and not any(abs(value - v) < 1 for v in shares):
                return f"numbers differ: {_fmt(value)} vs {_fmt(shares[0])} percent"
            continue
        if kind in _SOFT or value == 0:
            continue
        same_kind = [v for k, v in query if k == kind]
        if kind == "percent":
            same_kind += [v for k, v in query if k == "share"]
            same_kind += [100 * v for k, v in query if k == "ratio"]
        if kind == "ratio":
            same_kind += [v / 100 for k, v in query if k == "percent"]
        if kind == "amount":
            same_kind += [v for k, v in query if k == "times"]
        if not same_kind:
            continue
        if not any(agrees(kind, value, v) for v in same_kind):
            shown = ", ".join(_fmt(v, kind) for v in sorted(same_kind)[:3])
            what = "dates" if kind in ("month", "date", "weekday") else "numbers"
            what = "years" if kind == "year" else what
            return f"{what} differ: {_fmt(value, kind)} vs {shown}"
    return ""


def _fmt(value: float, kind: str = "") -> str:
    if kind == "weekday":
        return _WEEKDAYS[int(value) - 1].capitalize() + "day"
    if kind == "year":
        return str(int(value))
    if kind == "month":
        return _MONTHS[int(value) - 1].capitalize()
    if kind == "date":
        return f"{_MONTHS[int(value) // 100 - 1].capitalize()} {int(value) % 100}"
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


VENUES = frozenset(
    """facebook twitter instagram tiktok youtube reddit whatsapp telegram snapchat cnn fox
    msnbc abc nbc cbs npr pbs bbc c-span cspan""".split()
)
"""Where a claim was made: a news sentence names them as context, never as its subject."""
_JOINERS = frozenset("of and the for & de del la van von".split())
_CAP = re.compile(r"[A-Z][\w'’.-]*|&|of|and|the|for|de|del|la|van|von")


def name_groups(text: str) -> list[tuple[str, ...]]:
    """Runs of capitalized words ("Immigration and Customs Enforcement", "Donald Trump"),
    lower-cased, without a possessive."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for tok in re.findall(r"[\w'’.&-]+|[^\w\s]", text):
        if _CAP.fullmatch(tok) and (tok[0].isupper() or (run and tok in _JOINERS)):
            word = tok.lower().rstrip(".").replace("’", "'")
            run.append(word[:-2] if word.endswith("'s") else word)
            continue
        while run and run[-1] in _JOINERS:
            run.pop()
        if len(run) > 1:
            out.append(tuple(run))
        run = []
    while run and run[-1] in _JOINERS:
        run.pop()
    if len(run) > 1:
        out.append(tuple(run))
    return out


def _acronyms(groups: Iterable[tuple[str, ...]]) -> set[str]:
    out = set()
    for g in groups:
        letters = "".join(w[0] for w in g if w not in _JOINERS and w[0].isalpha())
        if len(letters) >= 2:
            out.add(letters)
    return out


def _spelled_out(groups: Iterable[tuple[str, ...]], other: set[str]) -> set[str]:
    """Words of the names whose acronym the other text uses."""
    return {w for g in groups if _acronyms([g]) & other for w in g}


def _surname_known(
    word: str,
    groups: Iterable[tuple[str, ...]],
    other: set[str],
    other_groups: Iterable[tuple[str, ...]] = (),
) -> bool:
    """``word`` is a first name right before a surname that the other text names
    ("Donald" of "Donald Trump" when the other says "Trump"), and the other text gives
    that surname no other first name ("Bill Clinton" is not "Hillary Clinton")."""
    for g in groups:
        for first, last in zip(g, g[1:], strict=False):
            if first == word and last in other and first not in _JOINERS:
                if not any(
                    b == last and a != word and a not in _JOINERS and a not in NOT_NAMES
                    for og in other_groups
                    for a, b in zip(og, og[1:], strict=False)
                ):
                    return True
    return False


def linked_names(
    query: set[str],
    candidate: set[str],
    query_groups: list[tuple[str, ...]],
    candidate_groups: list[tuple[str, ...]],
) -> set[str]:
    """Names of either text that the other writes another way: an acronym of it, or
    only its surname."""
    linked = (candidate & _acronyms(query_groups)) | (query & _acronyms(candidate_groups))
    linked |= _spelled_out(candidate_groups, query) | _spelled_out(query_groups, candidate)
    linked |= {
        t for t in candidate if _surname_known(t, candidate_groups, query, query_groups)
    }
    linked |= {o for o in query if _surname_known(o, query_groups, candidate, candidate_groups)}
    return linked


def name_conflict(
    query: set[str],
    candidate: set[str],
    context: Iterable[str] = (),
    query_groups: Iterable[tuple[str, ...]] = (),
    candidate_groups: Iterable[tuple[str, ...]] = (),
) -> str:
    """Why the candidate names someone else ('' when names agree). The groups (see
    ``name_groups``) excuse a first name the other text leaves out and an acronym of a
    name the other writes out (ICE / Immigration and Customs Enforcement)."""
    query_groups, candidate_groups = list(query_groups), list(candidate_groups)
    theirs = candidate - query - _acronyms(query_groups) - _spelled_out(candidate_groups, query)
    if not theirs:
        return ""
    ours = query - candidate - set(context) - VENUES - _acronyms(candidate_groups)
    ours -= _spelled_out(query_groups, candidate)
    if not ours:
        return ""
    # the same name written another way (Chevy / Chevrolet, Obama / Obamas)
    theirs = {
        t
        for t in theirs
        if not any(_alike(t, o) for o in ours)
        and not _surname_known(t, candidate_groups, query, query_groups)
    }
    ours = {
        o
        for o in ours
        if not any(_alike(o, t) for t in candidate)
        and not _surname_known(o, query_groups, candidate, candidate_groups)
    }
    if not theirs or not ours:
        return ""
    return f"names differ: {', '.join(sorted(theirs)[:3])} vs {', '.join(sorted(ours)[:3])}"


def _alike(a: str, b: str) -> bool:
    """One name written another way: one the other with an ending (Obama / Obamas), a
    short form of it (Chevy / Chevrolet), or spelt one letter apart (Khruschev /
    Khrushchev); not two long names that start alike (Medicare / Medicaid, Austria /
    Australia)."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 4 or short[:4] != long_[:4]:
        return False
    return long_.startswith(short) or len(short) <= 5 or _one_edit(short, long_)


def _one_edit(short: str, long_: str) -> bool:
    """``long_`` is ``short`` with one letter changed, added or dropped."""
    if len(long_) - len(short) > 1:
        return False
    for i, (x, y) in enumerate(zip(short, long_, strict=False)):
        if x != y:
            rest = short[i + 1 :] if len(short) == len(long_) else short[i:]
            return rest == long_[i + 1 :]
    return True
