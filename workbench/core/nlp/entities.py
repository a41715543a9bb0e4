"""Repair spaCy's entities where the small English models often slip.

Claims are made from the repaired spans: currency symbols and scale suffixes
taken in, qualifiers taken in, ratios joined, amount pairs split, compound
durations joined. Works on spaCy objects; imported only by extraction.

A function, not a spaCy component: the repaired spans carry labels of their own
(RATIO, FRACTION) and take in currency signs and qualifiers, so writing them into
``doc.ents`` would change what the consistency checks, the worthiness features and
the statement finder read there; a component writing a span group instead would
have to be added to every pipeline handed to the extractor (tests, benchmarks,
``--model``) for no saving, since the repair runs once per sentence either way.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .doc_cache import span_ents
from .lexicon import (
    CONTEST_NOUNS,
    CONTEST_VERBS,
    CURRENCY_PHRASES,
    CURRENCY_TOKENS,
    CURRENCY_WORDS,
    FRACTIONS,
    LARGE_SCALE_WORDS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    QUALIFIER_PHRASES,
    RANKED_SCALES,
    SCALE_SUFFIXES,
)
from .parsed import Part, is_parsed
from .quantities import PENCE, TEMPERATURE, parse_duration, speed_unit

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_TRIM_LEFT = frozenset({"between", "from", "since", "until", "till", "through", "by", "to", "and"})


_CONJ = frozenset({"and", "or", "to"})  # "3-5%" and "69-30" stay one fact (a range, a tally)


def _is_amount_end(tok: Token) -> bool:
    return (
        tok.like_num
        or tok.text in ("%",)
        or tok.lower_ in SCALE_SUFFIXES
        or tok.lower_ in LARGE_SCALE_WORDS
        or tok.lower_ in ("percent", "point", "points")
    )


def _is_month(tok: Token) -> bool:
    low = tok.lower_.rstrip(".")
    return low in MONTHS or low in MONTH_ABBREVIATIONS


def _split_pairs(start: int, end: int, doc: Doc, label: str) -> list[tuple[int, int]]:
    """Split "38% and 85%", "$16.3 billion and $16.5 billion", "between 2011 and 2019"."""
    if label not in ("MONEY", "PERCENT", "DATE", "CARDINAL"):
        return [(start, end)]
    for i in range(start + 1, end - 1):
        tok = doc[i]
        if tok.lower_ not in _CONJ:
            continue
        after, before = doc[i + 1], doc[i - 1]
        if label == "DATE" and _is_month(after) and (_is_month(before) or before.like_num):
            return [(start, i), *_split_pairs(i + 1, end, doc, label)]  # "April to September"
        if _is_amount_end(before) and (after.like_num or after.lower_ in CURRENCY_TOKENS):
            if label == "DATE" and not (_YEARISH(before.text) and _YEARISH(after.text)):
                continue
            rest = doc[i + 1 : end]
            if before.like_num and any(t.lower_ in LARGE_SCALE_WORDS for t in rest) and not any(
                t.lower_ in LARGE_SCALE_WORDS for t in doc[start:i]
            ):
                continue  # "between 2 and 4 million": one range, the scale is shared
            return [(start, i), *_split_pairs(i + 1, end, doc, label)]
    return [(start, end)]


def _YEARISH(text: str) -> bool:  # noqa: N802 - reads as a predicate
    return len(text) == 4 and text.isdecimal() and 1500 <= int(text) <= 2199


_APOSTROPHES = ("'", "’", "‘")
_ELIDED = re.compile(r"['’‘]?\d\d(?:['’]?s)?")


def _elided_year(start: int, end: int, sent: Span) -> int | None:
    """Start of an elided year ("’91", "'05", "the ’90s") including its apostrophe, or None."""
    doc = sent.doc
    text = doc[start:end].text
    if not _ELIDED.fullmatch(text):
        return None
    if text[0] in _APOSTROPHES:
        return start
    before = doc[start - 1] if start > sent.start else None
    if before is not None and before.text in _APOSTROPHES and not before.whitespace_:
        return start - 1
    return None


def _fraction_start(start: int, end: int, sent: Span) -> int | None:
    """Start of "a third", "two-thirds", "half" when it is a share of something.

    The fraction word ends the entity and is followed by "of" (or follows "by":
    "cut by a third"); a count stands right before it ("a", "one", "two", digits),
    except for "half". The article the entity left out is taken in. "The first
    quarter of 2024" and "the third of June" are not shares: no count.
    """
    doc = sent.doc
    last = doc[end - 1]
    if last.lower_ not in FRACTIONS:
        return None
    after = doc[end] if end < sent.end else None
    first = start
    i = end - 2
    while i >= start and doc[i].text in ("-", "‑"):
        i -= 1
    count = doc[i] if i >= start else (doc[start - 1] if start > sent.start else None)
    if count is not None and count.i < start:
        first = count.i if count.lower_ in ("a", "an") else start
    counted = count is not None and (
        count.lower_ in ("a", "an") or count.lower_ in NUMBER_WORDS or count.text.isdecimal()
    )
    if not counted and last.lower_ not in ("half", "halves"):
        return None
    before = doc[first - 1] if first > sent.start else None
    if after is not None and after.lower_ == "of":
        return first
    if before is not None and before.lower_ == "by":
        return first
    return None


_COMPOUND_FRACTIONS = frozenset({"half", "halves", "quarter"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _fraction_compound(start: int, end: int, sent: Span) -> bool:
    """ "half-drunk cups", "a half-built bridge", "his half-brother", "half-time": the
    fraction word is the first half of a hyphenated word, no share of anything. "A
    half-million people" keeps its number (a scale word follows)."""
    doc = sent.doc
    if end - start != 1 or doc[start].lower_ not in _COMPOUND_FRACTIONS or end + 1 >= sent.end:
        return False
    hyphen, word = doc[end], doc[end + 1]
    return (
        hyphen.text in _HYPHENS
        and not doc[start].whitespace_
        and not hyphen.whitespace_
        and word.is_alpha
        and word.lower_ not in LARGE_SCALE_WORDS
        and word.lower_ not in ("a", "an", "dozen")
    )


INDEX_NOUNS = frozenset(
    """part episode chapter series season volume round stage page phase section article
    clause game platform gate terminal route""".split()
)
"""Nouns a number names one of ("part two", "episode three", "page 12", "Route 66"): the
number is the name of the part, no count of anything."""


def _index_number(start: int, end: int, sent: Span) -> bool:
    """A bare number naming a part ("in part two tomorrow", "Episode three airs", "on
    page 12"), not "two parts" or "part of the 30 homes"."""
    doc = sent.doc
    if end - start != 1 or start <= sent.start:
        return False
    num = doc[start]
    if not (num.lower_ in NUMBER_WORDS or num.text.isdecimal()):
        return False
    noun = doc[start - 1]
    return noun.lower_ in INDEX_NOUNS and noun.pos_ in ("NOUN", "PROPN")


def _with_qualifier(start: int, sent: Span) -> int:
    """Move ``start`` left over a qualifier the entity left out ("nearly" one in four)."""
    for width in (3, 2, 1):
        if start - width < sent.start:
            continue
        words = " ".join(t.lower_ for t in sent.doc[start - width : start])
        if words in QUALIFIER_PHRASES:
            return start - width
    return start


def _past_degree(start: int, end: int, doc: Doc) -> int:
    """ "the hottest April on record": the date is "April"; "the hottest" is a
    superlative about it (a statement), not part of the date."""
    i = start
    if i < end - 1 and doc[i].lower_ in ("the", "its", "their", "a"):
        i += 1
    j = i
    while j < end - 1 and (doc[j].tag_ in ("JJS", "RBS") or doc[j].lower_ in ("most", "least")):
        j += 1
    if j > i and j < end and doc[j].pos_ in ("ADJ", "PROPN", "NOUN", "NUM"):
        return j
    return start


def _before_compound_number(start: int, end: int, doc: Doc, label: str) -> tuple[int, str]:
    """ "400 forty-foot containers": the count is 400; "forty-foot" is a second number
    written into a modifier of the counted noun, not more of the count (440)."""
    for k in range(start + 1, end):
        if (
            doc[k].like_num
            and doc[k - 1].like_num
            and doc[k - 1].whitespace_
            and not doc[k].whitespace_
            and k + 1 < len(doc)
            and doc[k + 1].text in ("-", "\u2011")
        ):
            return k, "CARDINAL"
    return end, label


_RANGE_WORDS = frozenset({"to", "through", "thru", "until", "till", "-", "–", "—"})
"""Words joining the two ends of a span of time ("2015 to 2020", "2019-20"); "and" does
too after "between"."""


def _joins_range(tokens: list[Any], between: bool) -> bool:
    """Do the tokens between two dates make them one span of time?"""
    words = [t.lower_ for t in tokens]
    return words in ([w] for w in _RANGE_WORDS) or (between and words == ["and"])


def _date_range(start: int, end: int, doc: Doc, between: bool) -> bool:
    """Is ``doc[start:end]`` a span of time written as two dates ("March 3 to March 10",
    "between 2011 and 2019", "2015-2020", "Monday to Friday")?"""
    from .quantities import parse_date_range

    return any(
        _joins_range([doc[i]], between) for i in range(start + 1, end - 1)
    ) and parse_date_range(doc[start:end].text) is not None


def _before(doc: Doc, i: int, sent: Span, words: tuple[str, ...]) -> bool:
    return i > sent.start and doc[i - 1].lower_ in words


def _join_ranges(out: list[Span], sent: Span, span_type: Any) -> list[Span]:
    """ "from 2015 to 2020", "between 2011 and 2019": two dates the tagger found apart
    are one span of time (label DATE_RANGE), one claim whose value is the span."""
    from .quantities import parse_date_range

    doc = sent.doc
    joined: list[Span] = []
    for span in out:
        prev = joined[-1] if joined else None
        if prev is not None and prev.label_ == "DATE" and span.label_ == "DATE":
            opener = _before(doc, prev.start, sent, ("from", "between"))
            between = _before(doc, prev.start, sent, ("between",))
            gap = list(doc[prev.end : span.start])
            dash = [t.lower_ for t in gap] in (["-"], ["–"], ["—"])
            if (opener or dash) and _joins_range(gap, between):
                whole = doc[prev.start : span.end]
                if parse_date_range(whole.text) is not None:
                    joined[-1] = span_type(doc, prev.start, span.end, label="DATE_RANGE")
                    continue
        joined.append(span)
    return joined


_SUFFIXED = re.compile(
    r"\d+(?:[.,]\d+)*(?:" + "|".join(sorted(SCALE_SUFFIXES, key=len, reverse=True)) + ")",
    re.IGNORECASE,
)
"""A number with its scale written on ("4.5bn", "2.1m", "300k"): one token."""


def _scale_suffix(tok: Any) -> bool:
    """A scale written after a number ("m", "bn"), also with the sentence's full stop the
    tokenizer glued on as to an abbreviation ("at a cost of £40m." -> "m.")."""
    low = tok.lower_
    return low in SCALE_SUFFIXES or (
        low.endswith(".") and low[:-1] in SCALE_SUFFIXES and tok.i + 1 >= tok.sent.end
    )


def _amount_at(doc: Doc, i: int, end: int) -> int | None:
    """The end of an amount whose number is token ``i`` ("4.5bn", "2.1" + "m",
    "3" + "million"), or None when token ``i`` is no number."""
    tok = doc[i]
    if _SUFFIXED.fullmatch(tok.text):
        return i + 1
    if not tok.like_num or not any(ch.isdigit() for ch in tok.text):
        return None
    stop = i + 1
    if stop < end and _scale_suffix(doc[stop]) and not tok.whitespace_:
        stop += 1
    while stop < end and doc[stop].lower_ in LARGE_SCALE_WORDS:
        stop += 1
    return stop if stop > i + 1 else None


_DEGREE_SIGNS = frozenset({"°", "º", "degree", "degrees"})
_SCALES = frozenset({"c", "f", "celsius", "centigrade", "fahrenheit"})


def _temperature_end(start: int, end: int, sent: Span) -> int | None:
    """Where a temperature in the span ends: "2" + "°" + "C", "40 degrees" + "Celsius",
    "30F" (of "30F overnight"); None when the span holds none."""
    doc = sent.doc
    for i in range(start, min(end, sent.end)):
        tok = doc[i]
        if TEMPERATURE.fullmatch(tok.text):
            return i + 1  # "1.5C", "30F": one token
        if not tok.like_num:
            continue
        j = i + 1
        degree = j < sent.end and doc[j].lower_ in _DEGREE_SIGNS
        if degree:
            j += 1
        if j < sent.end and doc[j].lower_ in _SCALES and (degree or not tok.whitespace_):
            return j + 1
    return None


def _speed_end(start: int, end: int, sent: Span) -> int | None:
    """Where a speed in the span ends: its last number and a unit of speed after it, in
    one token or several ("120" + "mph", "90 km" + "/" + "h", "100" + "km/h", "80 miles"
    + "per hour"); None when the span's number has no unit of speed."""
    doc = sent.doc
    last = next(
        (i for i in range(end - 1, start - 1, -1)
         if doc[i].like_num and _DIGIT.search(doc[i].text)),
        None,
    )
    if last is None:
        return None
    found = None
    for stop in range(last + 2, min(last + 5, sent.end) + 1):
        if speed_unit(doc[last + 1 : stop].text) is not None:
            found = stop
    return found


def _scale_step(doc: Doc, i: int, end: int) -> bool:
    """Is token ``i`` a scale's name with its number next ("Category 3", "category four")?"""
    return (
        doc[i].lower_ in RANKED_SCALES
        and i + 1 < end
        and (doc[i + 1].text.isdecimal() or doc[i + 1].lower_ in NUMBER_WORDS)
    )


_DIGIT = re.compile(r"\d")
_AMOUNT_START_WORDS = RANKED_SCALES | CURRENCY_TOKENS


def _could_start_amount(tok: Any) -> bool:
    """Can an amount of ``_missed_amounts`` start at this token: one with a digit, a
    currency sign or a scale's name ("Category")?"""
    lower = tok.lower_
    return bool(_DIGIT.search(tok.text)) or lower in CURRENCY_TOKENS or lower in RANKED_SCALES


_NAME_TYPES = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})


def contest_score(doc: Doc, i: int) -> bool:
    """Is the "N-M" starting at token ``i`` the score of a contest, read from what it
    hangs on: a verb of winning, losing or voting ("lost 1-3", "trailing 10-17", "beat
    Australia 31-28", "passed 52-48"), a noun of a result ("a 2-1 win", "the 4-0
    defeat"), or the subject of a "be" that is one ("the score was 1-2")? Then it is one
    tally whichever number is larger; elsewhere "3-5" is a range."""
    pair = {i, i + 1, i + 2}
    for j in (i, i + 2):
        if j >= len(doc):
            continue
        head = doc[j].head
        while head.i in pair and head.head.i != head.i:
            head = head.head  # "3" hung on "1": read the pair's own head
        if head.i in pair:
            continue
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and lemma in CONTEST_VERBS:
            return True
        if head.pos_ in ("NOUN", "PROPN") and lemma in CONTEST_NOUNS:
            return True
        if lemma == "be" and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CONTEST_NOUNS
            for c in head.children
        ):
            return True
    return False


def _tally_at(doc: Doc, i: int, end: int) -> bool:
    """Does a score or tally "2-0", "3-1", "69-30" start at token ``i`` (numbers of up to
    three digits joined by a hyphen with no space, the first the larger, or either when
    it is a contest's score: ``contest_score``), within ``end``?"""
    if i < 0 or i + 2 >= end + (1 if end < len(doc) else 0) or i + 2 >= len(doc):
        return False
    first, dash, second = doc[i], doc[i + 1], doc[i + 2]
    return (
        first.text.isdecimal()
        and second.text.isdecimal()
        and len(first.text) <= 3
        and len(second.text) <= 3
        and dash.text in ("-", "–")
        and not first.whitespace_
        and not dash.whitespace_
        # a score; "ATR 72-600" is a model's name, "lost 1-3" a score all the same
        and (int(first.text) >= int(second.text) or contest_score(doc, i))
    )


def _untagged_count(tok: Any) -> bool:
    """A number in digits the recognizer left out that counts the plural noun right after
    it ("Over the past three years, the charity has trained 900 volunteers"; over one
    adjective: "900 new volunteers"). Not a year-like number ("1990 levels")."""
    text = tok.text.replace(",", "")
    if not text.isdecimal() or _YEARISH(text) or tok.dep_ != "nummod":
        return False
    noun = tok.head
    if noun.tag_ != "NNS" or not 0 < noun.i - tok.i <= 2:
        return False
    return all(t.pos_ == "ADJ" for t in tok.doc[tok.i + 1 : noun.i])


def _missed_amounts(sent: Span, ents: list[Span], span_type: Any) -> list[Span]:
    """Amounts the recognizer left out altogether: "an extra £4.5bn", "$3" + "bn", and
    a bare scaled number ("raise 4.5bn from the levy"). A currency sign before the
    number makes it MONEY, a scale alone a CARDINAL; years and tokens inside other
    entities are not touched."""
    text = sent.text
    if not _DIGIT.search(text) and not any(
            word in text.lower() for word in _AMOUNT_START_WORDS):
        return []  # every amount below starts at a digit, a currency sign or a scale's name
    doc = sent.doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    found: list[Span] = []
    i = sent.start
    while i < sent.end:
        if not _could_start_amount(doc[i]):
            i += 1  # what the checks below would conclude, without running them
            continue
        if _scale_step(doc, i, sent.end) and not {i, i + 1} & taken:
            found.append(span_type(doc, i, i + 2, label="CARDINAL"))  # "a Category 3 storm"
            i += 2
            continue
        if i not in taken and TEMPERATURE.fullmatch(doc[i].text):
            found.append(span_type(doc, i, i + 1, label="QUANTITY"))  # "1C", "30F"
            i += 1
            continue
        sign = doc[i].lower_ in CURRENCY_TOKENS
        first = i + 1 if sign else i
        stop = _amount_at(doc, first, sent.end) if first < sent.end else None
        if sign and stop is None and first < sent.end and doc[first].like_num:
            stop = first + 1 if any(ch.isdigit() for ch in doc[first].text) else None
        if stop is None and not sign and i not in taken and PENCE.fullmatch(doc[i].text):
            found.append(span_type(doc, i, i + 1, label="MONEY"))  # "rose 2.5p"
            i += 1
            continue
        if stop is None and not sign and i not in taken and _untagged_count(doc[i]):
            found.append(span_type(doc, i, i + 1, label="CARDINAL"))  # "trained 900 volunteers"
            i += 1
            continue
        if stop is None or any(j in taken for j in range(i, stop)):
            i += 1
            continue
        found.append(span_type(doc, i, stop, label="MONEY" if sign else "CARDINAL"))
        i = stop
    return found


def _missed_fractions(sent: Span, ents: list[Span], span_type: Any) -> list[Span]:
    """A share the recognizer left out: "A tenth of the budget goes on interest" (a
    fraction word after "a" or a number word, before "of", in no entity); read as a
    FRACTION from its article on by the loop below."""
    doc = sent.doc
    taken = {i for e in ents for i in range(e.start, e.end)}
    found = []
    for tok in sent:
        if tok.lower_ not in FRACTIONS or tok.i in taken or tok.i == sent.start:
            continue
        before, after = doc[tok.i - 1], doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if after is None or after.lower_ != "of":
            continue
        counted = before.lower_ in NUMBER_WORDS and before.i not in taken
        if before.lower_ in ("a", "an") or counted:
            found.append(span_type(doc, tok.i, tok.i + 1, label="CARDINAL"))
    return found


def repair_entities(sent: Span) -> list[Span]:
    """The sentence's entities, repaired where the small models often slip.

    Currency symbols and scale suffixes left outside a MONEY entity are taken in
    ("$" + "100,000", "£12.5" + "m"); a qualifier left outside is taken in
    ("nearly" + "one in four"); ratios are joined ("one in five"); two amounts
    joined by "and"/"to" are split ("38% and 85%"); leading "between"/"from" and
    trailing "and" are trimmed from anchors; a duration split in two by "and"
    ("2 hours and" + "35 seconds") is joined; two dates that are the ends of one span
    of time ("from 2015 to 2020", "between 2011 and 2019") are one DATE_RANGE.
    """
    doc = sent.doc
    if is_parsed(doc):
        SpanType: Any = Part
    else:
        from spacy.tokens import Span as SpanType
    out: list[Span] = []
    ents = span_ents(sent)
    missed = _missed_amounts(sent, ents, SpanType) + _missed_fractions(sent, ents, SpanType)
    if missed:
        ents = sorted([*ents, *missed], key=lambda e: e.start)
    for ent in ents:
        start, end, label = ent.start, ent.end, ent.label_
        if label == "CARDINAL" and _tally_at(doc, end - 1, sent.end):
            end += 2  # "won 2-0": the recognizer took the first goal count alone
        elif (
            label in ("DATE", "CARDINAL")
            and end - start == 3
            and _tally_at(doc, start, end)
            and contest_score(doc, start)
        ):
            label = "CARDINAL"  # "beat Australia 31-28", "passed 52-48" taken for dates
        elif (
            label in _NAME_TYPES
            and end - start >= 4
            and _tally_at(doc, end - 3, end)
            and doc[end - 4].whitespace_
        ):  # "beat United 3-1" taken for one name: the score is a tally of its own
            out = [o for o in out if o.end <= start]
            out.append(SpanType(doc, end - 3, end, label="CARDINAL"))
            continue
        if label != "MONEY" and end - start == 1 and PENCE.fullmatch(
            doc[start].text
        ):
            label = "MONEY"  # "costs 145p a litre", "up from 95p" (taken for a PRODUCT, a DATE)
        if out and out[-1].label_ == "QUANTITY" and out[-1].start < start and end <= out[-1].end:
            continue  # "km/h" (taken for an ORG) inside the speed widened before it
        if _scale_step(doc, start, end):
            end, label = start + 2, "CARDINAL"  # "Category 3" taken for a people (NORP)
        if _fraction_compound(start, end, sent):
            continue  # "half-empty": a word of its own, no share
        if label == "CARDINAL" and _index_number(start, end, sent):
            continue  # "part two", "page 12": the name of a part, no count
        elided = _elided_year(start, end, sent)
        if elided is not None:  # "’91", "the class of ’08": a year, never a count
            start, label = elided, "DATE"
        fraction = _fraction_start(start, end, sent)
        if fraction is not None:  # "A third of voters", "cut by a quarter": a share
            start, label = fraction, "FRACTION"
        if (
            label in ("MONEY", "CARDINAL")
            and start > sent.start
            and doc[start - 1].lower_ in CURRENCY_TOKENS
        ):
            start -= 1
            label = "MONEY"
        if (
            label in ("MONEY", "CARDINAL")
            and end < sent.end
            and _scale_suffix(doc[end])
            and not doc[end - 1].whitespace_
        ):
            end += 1  # "£12.5" + "m", "£40" + "m." ending the sentence
        while (
            label in ("MONEY", "CARDINAL")
            and end < sent.end
            and doc[end].lower_ in LARGE_SCALE_WORDS
        ):
            end += 1  # "₹1.5" + "lakh crore"
        if label in ("CARDINAL", "MONEY") and end < sent.end and doc[end].lower_ in CURRENCY_WORDS:
            end += 1  # "60 billion" + "euros"
            label = "MONEY"
        elif (
            label in ("CARDINAL", "MONEY")
            and end + 1 < sent.end
            and f"{doc[end].lower_} {doc[end + 1].lower_}" in CURRENCY_PHRASES
        ):
            end += 2  # "2,800" + "CFA francs"
            label = "MONEY"
        if label in ("CARDINAL", "QUANTITY") and start - 2 >= sent.start:
            before = doc[start - 1].lower_
            if before == "in" and doc[start - 2].like_num:
                start, label = start - 2, "RATIO"  # "one in five"
            elif (
                before == "of"
                and doc[start - 2].lower_ == "out"
                and start - 3 >= sent.start
                and doc[start - 3].like_num
            ):
                start, label = start - 3, "RATIO"  # "nine out of ten"
        while end - start > 1 and doc[start].lower_ in _TRIM_LEFT:
            start += 1
        if label in ("CARDINAL", "QUANTITY"):
            hot = _temperature_end(start, end, sent)
            speed = None if hot is not None else _speed_end(start, end, sent)
            if hot is not None:
                end, label = hot, "QUANTITY"  # "2" + "°C", "30F overnight" -> "30F"
            elif speed is not None:
                end, label = speed, "QUANTITY"  # "90 km" + "/h", "100" + "km/h": a speed
            else:
                end, label = _before_compound_number(start, end, doc, label)
        if label in ("DATE", "TIME"):
            start = _past_degree(start, end, doc)
        while end - start > 1 and (
            doc[end - 1].lower_ in ("and", "or", "to") or doc[end - 1].text in ",.;:-–—()"
        ):  # "4.25% to" + "4.50%": the tagger's first end takes the "to"
            end -= 1
        while (
            label in ("QUANTITY", "CARDINAL")
            and end - start > 1
            and doc[end - 1].pos_ == "ADV"
            and not doc[end - 1].like_num
            and any(t.like_num or _DIGIT.search(t.text) for t in doc[start : end - 1])
        ):
            end -= 1  # "reached 80cm overnight": the time is no part of the measure
        if label in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "RATIO", "FRACTION"):
            start = _with_qualifier(start, sent)
        out = [o for o in out if o.end <= start]  # a widened span swallows what it covers
        between = _before(doc, start, sent, ("between",))  # "between" trimmed off above
        if label == "DATE" and _date_range(start, end, doc, between):
            out.append(SpanType(doc, start, end, label="DATE_RANGE"))  # "March 3 to March 10"
            continue
        for piece_start, piece_end in _split_pairs(start, end, doc, label):
            span = doc[piece_start:piece_end]
            if out and label in ("DATE", "TIME") and out[-1].label_ in ("DATE", "TIME"):
                prev = out[-1]
                gap = doc[prev.end : piece_start]
                if (
                    [t.lower_ for t in gap] == ["and"]
                    and parse_duration(prev.text)
                    and parse_duration(span.text)
                ):
                    out[-1] = SpanType(doc, prev.start, piece_end, label=prev.label_)
                    continue
            if (piece_start, piece_end, label) != (ent.start, ent.end, ent.label_):
                span = SpanType(doc, piece_start, piece_end, label=label)
            else:
                span = ent
            out.append(span)
    return _join_ranges(out, sent, SpanType)
