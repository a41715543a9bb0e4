"""What kind of claim an entity makes, and its normalized value.

``classify(span)`` -> ``("money", {"amount": 1.5e9, "currency": "USD", ...})`` or
None when the entity states nothing checkable (a reference marker, a number in
a name, a vague time). Works on spaCy spans; imported only by extraction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .lexicon import (
    CURRENCY_WORDS,
    DATE_WORDS,
    EVENT_NOUNS,
    NAMED_EVENT_WORDS,
    ORDINALS,
    QUALIFIERS,
)
from .quantities import (
    is_specific_date,
    parse_date,
    parse_duration,
    parse_money,
    parse_percent,
    parse_quantity,
    parse_ratio,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span

__all__ = ["EVENT_NOUNS", "ORDINAL_WORD", "classify", "ordinal_value"]

_QUALIFIER_WORDS = frozenset(w for q, _ in QUALIFIERS for w in q.split())


def _predicate(ent: Span) -> str | None:
    """The lemma of the verb (else noun) an amount is about: "killed" in "killed 12 people"."""
    for tok in ent.root.ancestors:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in ("be", "have"):
            return tok.lemma_.lower()
    head = ent.root.head
    return head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") and head.i != ent.root.i else None


def classify(ent: Span) -> tuple[str, dict[str, Any]] | None:
    """The claim kind and normalized value of an entity, or None if not checkable."""
    kind_value = _classify_value(ent)
    if (
        kind_value is not None
        and kind_value[0] in ("quantity", "money", "percent")
        and kind_value[1].get("unit") != "years of age"
    ):
        predicate = _predicate(ent)
        if predicate:
            kind_value[1]["predicate"] = predicate
    return kind_value


def _classify_value(ent: Span) -> tuple[str, dict[str, Any]] | None:
    text, label = ent.text, ent.label_
    if label == "RATIO":
        ratio = parse_ratio(text)
        return ("percent", ratio) if ratio else None
    if label == "MONEY" and re.search(r"(?i)\bper ?cent\b|%", text):
        label = "PERCENT"
    if label == "MONEY":
        value = parse_money(text)
        if value.get("amount") is None:
            return None
        if value.get("currency") is None:
            label = "CARDINAL"  # "5.2-billion-kilometre": a number the tagger took for money
        else:
            return "money", value
    if label == "PERCENT":
        value = parse_percent(text)
        return ("percent", value) if value.get("number") is not None else None
    if label in ("DATE", "CARDINAL") and ent.root.dep_ == "appos" and ent.root.head.pos_ == "PROPN":
        age = int(text) if text.strip().isdecimal() else 0
        if 0 < age < 125:  # "Adams, 52, said": an age
            return "quantity", {
                "number": age,
                "unit": "years of age",
                "qualifier": "exact",
                "text": text,
            }
    if label in ("DATE", "CARDINAL") and _in_name(ent):
        return None  # "Eesti 200", "2001 QR322", "Apollo 11": part of a name
    if label in ("DATE", "TIME"):
        if _RELATIVE.search(text) and not is_specific_date(text):
            return None  # "two years ago", "a year earlier": a vague point in time
        duration = parse_duration(text)
        if duration and re.search(r"(?i)\bolds?\b|-olds?$", text):  # "18-year-olds"
            return "quantity", {
                "number": duration["number"],
                "unit": "years of age",
                "qualifier": duration["qualifier"],
                "text": text,
            }
        if duration and not is_specific_date(text):
            return "duration", duration
        if is_specific_date(text):  # a DATE, or a TIME such as "Monday night"
            return "date", parse_date(text)
        if label == "TIME" and any(ch.isdigit() for ch in text):
            return "date", {"time": text, "text": text}
        rank = next((t for t in ent if ORDINAL_WORD.match(t.text)), None)
        if rank is not None:  # "third-quarter", "a fifth straight quarter": a rank in time
            return "ordinal", {"number": ordinal_value(rank.text), "text": text}
        return None
    if label == "ORDINAL":
        root = ent.root
        if (
            root.dep_ in ("advmod", "npadvmod") and root.head.tag_ != "JJS"
        ) or root.head.lower_ == "at":
            return None  # "first, ..." / "at first"; but "third-largest" is a rank
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("a", "an"):
            return None  # "a second asteroid": another one, not a rank
        return "ordinal", {"number": ordinal_value(text), "text": text}
    if label in ("CARDINAL", "MONEY") and ent.start >= 1:
        before = ent.doc[ent.start - 1]
        mark = ent.doc[ent.start - 2].lower_ if ent.start >= 2 else ""
        if before.lower_ in ("no.", "no", "number") or (before.text == "." and mark == "no"):
            position = int(text) if text.strip().isdecimal() else 0
            if position:  # "opened at No. 1": a rank
                return "ordinal", {"number": position, "text": text}
    if label in ("CARDINAL", "QUANTITY"):
        doc = ent.doc
        if (
            0 < ent.start
            and ent.end < len(doc)
            and doc[ent.start - 1].text == "["
            and doc[ent.end].text == "]"
        ):
            return None  # "[1]", "[0]": a reference marker, not a count
        root = ent.root
        unit = None
        if root.dep_ in ("nummod", "quantmod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
            counted = root.head
            while counted.dep_ == "compound" and counted.head.pos_ in ("NOUN", "PROPN"):
                counted = counted.head  # "40 artillery rounds" counts rounds
            unit = counted.lemma_.lower()
        else:
            of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = (
                next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            )
            if pobj is not None:
                if pobj.tag_ in ("DT", "PRP") or any(
                    c.dep_ == "amod" and c.tag_ == "JJS" for c in pobj.children
                ):
                    return None  # "one of the most ...", "two of them": not a count
                unit = pobj.lemma_.lower()
        if unit is None and ent.end < len(ent.doc) and ent.doc[ent.end].pos_ == "NOUN":
            unit = ent.doc[ent.end].lemma_.lower()  # "an estimated 500,000 people"
        if unit in CURRENCY_WORDS:
            value = parse_money(f"{text} {unit}")
            return ("money", value) if value.get("amount") is not None else None
        if unit is None and label == "QUANTITY":
            words = [t.text for t in ent if not t.like_num and t.lower_ not in _QUALIFIER_WORDS]
            unit = " ".join(words) or None  # "44.5 degrees Celsius" -> "degrees Celsius"
        value = parse_quantity(text, unit=unit)
        if value.get("number") is None:
            return None
        if _FRACTION.search(text) and 0 < value["number"] < 1:
            value.update(number=round(100 * value["number"], 2), unit="percent", of=unit)
            return "percent", value  # "nearly half", "a third": shares, like "one in four"
        head = root.head
        if (
            label == "CARDINAL"
            and value["number"] < 10
            and root.dep_ == "nummod"
            and any(
                c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children
            )
        ):
            return None  # "the two countries": a reference, not a count
        if label == "CARDINAL" and value["number"] == 1 and not any(ch.isdigit() for ch in text):
            return None  # "one" is an article, rarely a checkable count
        return "quantity", value
    if label in ("EVENT", "LAW"):
        return "event", {"name": text}
    if label == "ORG" and any(t.pos_ == "PROPN" and t.lower_ in NAMED_EVENT_WORDS for t in ent):
        return "event", {"name": text}  # "Proceeds of Crime Act", "Nations League"
    return None


_RELATIVE = re.compile(r"(?i)\b(ago|earlier|later|before|after|previously|since then)\b")
_FRACTION = re.compile(r"(?i)\b(half|halves|third|thirds|quarter|quarters|fifth|fifths)\b")


def _in_name(ent: Span) -> bool:
    """A number that is part of a proper name or code: "Eesti 200", "2001 QR322"."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and re.fullmatch(r"[A-Z]{1,3}\d+[A-Z\d]*", after.text):
        return True  # "2001 QR322"
    return (
        " " not in ent.text
        and before is not None
        and before.pos_ == "PROPN"
        and (before.is_title or before.is_upper)
        and before.lower_ not in DATE_WORDS
        and before.lower_ not in ("no", "number")
        and before.whitespace_ != ""
        and (after is None or after.tag_ not in ("NNS", "NNPS"))  # "Boeing 737 jets" counts
    )


def ordinal_value(text: str) -> int | None:
    low = text.lower().strip()
    digits = "".join(ch for ch in low if ch.isdecimal())
    if digits:
        return int(digits)
    return ORDINALS.get(low.split("-")[-1].split()[-1])


ORDINAL_WORD = re.compile(
    r"(?i)^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth)$"
)
