"""What kind of claim an entity makes, and its normalized value.

``classify(span)`` -> ``("money", {"amount": 1.5e9, "currency": "USD", ...})`` or
None when the entity states nothing checkable (a reference marker, a number in
a name, a vague time). Works on spaCy spans; imported only by extraction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .doc_cache import doc_text
from .entities import contest_score
from .lexicon import (
    CHANGE_WORDS,
    CONTEST_NOUNS,
    CURRENCY_WORDS,
    DATE_WORDS,
    EVENT_NOUNS,
    LAW_WORDS,
    MEASURE_UNITS,
    NAMED_EVENT_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    POINT_MEASURES,
    QUALIFIERS,
    RANKED_SCALES,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    SECURITY_NOUNS,
    STREAK_WORDS,
    TIME_UNITS,
)
from .quantities import (
    is_specific_date,
    parse_date,
    parse_date_range,
    parse_duration,
    parse_money,
    parse_percent,
    parse_quantity,
    parse_ratio,
    parse_speed,
    parse_temperature,
    speed_unit,
)
from .records import idiom_ordinal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

__all__ = [
    "EVENT_NOUNS",
    "ORDINAL_WORD",
    "classify",
    "earliest_ones",
    "idiom_ordinal",
    "ordinal_value",
]

_QUALIFIER_WORDS = frozenset(w for q, _ in QUALIFIERS for w in q.split())



_LEMMA_SLIPS = frozenset({"dos", "us", "vas", "mus"})
"""Words in the lemmatizer's index that it wrongly picks for a plural in "-ses"
("doses" -> "dos", "uses" -> "us"): the plural's base is the word less its "s"."""


def noun_lemma(tok: Token) -> str:
    """A noun's base form, mended where the lemmatizer slips ("doses" -> "dose")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if lemma in _LEMMA_SLIPS and low.endswith("ses") and low[:-2] == lemma:
        return low[:-1]
    return lemma


def _predicate(ent: Span) -> str | None:
    """What an amount is about: the verb of "killed 12 people", "up" in "up 30% from last year"."""
    for tok in ent.root.ancestors:
        if tok.lower_ in CHANGE_WORDS and tok.pos_ in ("ADV", "ADP", "ADJ"):
            return tok.lower_  # a change, not the verb of the sentence
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in ("be", "have"):
            return tok.lemma_.lower()
    head = ent.root.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i == ent.root.i:
        return None
    if ent.root.dep_ in ("nummod", "quantmod", "compound") and head.i >= ent.end:
        # "600,000 homes were without power": the counted noun is the unit, no predicate;
        # a percentage's noun is its fact ("a 12% rise"), so it stays
        return head.lemma_.lower() if ent.label_ in ("PERCENT", "MONEY") else None
    return head.lemma_.lower()


def classify(ent: Span) -> tuple[str, dict[str, Any]] | None:
    """The claim kind and normalized value of an entity, or None if not checkable.

    A date that is only the time of an event ("met his ally on Monday") carries
    ``time_of: True``: the statement it belongs to is the claim, the date its time.
    """
    kind_value = _classify_value(ent)
    if kind_value is None:
        return None
    kind, value = kind_value
    if kind in ("quantity", "money", "percent") and value.get("unit") != "years of age":
        predicate = _predicate(ent)
        if predicate:
            value["predicate"] = predicate
        per = rate_of(ent)
        if per and kind != "percent" and not speed_unit(str(value.get("unit", ""))):
            value["per"] = per  # "90,000 passengers a day": a rate, not a day
    if kind == "date" and _is_time_of_event(ent):
        value["time_of"] = True
    return kind_value


_AGE_OF = re.compile(r"(?i)(?:the\s+)?age\s+of\s+(\d{1,3})")


def _age(ent: Span) -> int | None:
    """A person's age: "the age of 87" (one entity), or a bare number after "aged" or in
    "the age of" ("The victim, aged 23, ...", "died at the age of 87")."""
    text = ent.text.strip()
    m = _AGE_OF.fullmatch(text)
    if m:
        return int(m.group(1))
    if not text.isdecimal() or len(text) > 3 or not 0 < int(text) < 125:
        return None
    head = ent.root.head
    if head.lower_ == "aged" and head.i == ent.start - 1:
        return int(text)
    if (
        ent.root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.i == ent.start - 1
        and head.head.lemma_.lower() == "age"
        and head.head.i == head.i - 1
    ):
        return int(text)
    return None


_GLUED_MEASURE = re.compile(r"(?i)[\d.,]+([a-z]+)")


def _measure_word(ent: Span) -> str | None:
    """The unit of measure written in a QUANTITY entity ("2,000 tonnes", "40cm", "15 km"),
    as a noun's base form; None when it holds none."""
    for tok in reversed(list(ent)):
        low = tok.lower_
        if low in MEASURE_UNITS and not tok.like_num:
            return noun_lemma(tok)
        glued = _GLUED_MEASURE.fullmatch(tok.text)
        if glued and glued.group(1).lower() in MEASURE_UNITS:
            return glued.group(1).lower()
    return None


def law_name(ent: Span) -> bool:
    """Does a LAW entity read as a law's name: a word naming a kind of law or ruling, or
    a number ("Housing Act 1988", "Article 5", "Roe v. Wade")? The small model also types
    a bare surname LAW ("which Hart kept in place")."""
    return any(t.lower_ in LAW_WORDS or t.like_num for t in ent)


def _is_time_of_event(ent: Span) -> bool:
    """A date attached to a verb as its time: "met on Monday", "will vote Tuesday".

    Not when the date is what a noun is about ("the election on August 9") or an
    argument of the clause ("the deadline is August 9", "Monday was a holiday").
    """
    root = ent.root
    if root.dep_ in ("npadvmod", "tmod") and root.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    prep, doc = root.head, ent.doc
    verb = prep.head
    if prep.lower_ not in _TIME_PREPOSITIONS or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_ == "be":
        return False  # "the vote was on Tuesday": the date is what is stated
    if any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _DATED_EVENTS
        for c in verb.children
    ):
        return False  # "The election will be held on 12 June": the event's date is the fact
    if prep.i < verb.i and prep.i > 0 and doc[prep.i - 1].pos_ in ("NOUN", "PROPN"):
        return False  # "the election on August 9 was ...": the date of the election
    return True


def _metres(ent: Span) -> bool:
    """ "12m high", "4.5m tall and 300m long": an "m" glued to the number before a
    predicative adjective of size measures metres ("12m new customers" counts millions)."""
    doc = ent.doc
    last = ent[-1]
    if last.lower_ != "m" or len(ent) < 2 or ent[-2].whitespace_ or not ent[-2].like_num:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is None or after.tag_ != "JJ":
        return False
    return ent.end + 1 >= len(doc) or doc[ent.end + 1].pos_ not in ("NOUN", "PROPN", "ADJ")


def _classify_value(ent: Span) -> tuple[str, dict[str, Any]] | None:
    text, label = ent.text, ent.label_
    if label == "DATE_RANGE":  # "from 2015 to 2020": one span of time
        span = parse_date_range(text)
        return ("date", span) if span else None
    if label == "RATIO":
        ratio = parse_ratio(text)
        if ratio:
            doc = ent.doc
            k = ent.end
            while k < len(doc) and doc[k].pos_ == "ADJ":
                k += 1
            if k < len(doc) and doc[k].tag_ in ("NNS", "NNPS") and k - ent.end <= 1:
                ratio["of"] = noun_lemma(doc[k])  # "one in five nurses": a share of nurses
        return ("percent", ratio) if ratio else None
    if label == "FRACTION":
        return _fraction(ent)
    if label == "MONEY" and re.search(r"(?i)\bper ?cent\b|%", text):
        label = "PERCENT"
    if label == "PERCENT" and not _PERCENT_SIGN.search(text):
        label = "CARDINAL"  # "Ninety Mile Beach": a number the tagger took for a percentage
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
        if value.get("number") is None:
            return None
        whole = share_of(ent)
        if whole:
            value["of"] = whole  # "38% of the board", "40% of whom were Albanian"
        return "percent", value
    if (
        label == "DATE"
        and text.strip().isdecimal()
        and len(text.strip()) <= 3
        and ent.root.dep_ != "appos"  # "The grandmother, 84, said": as before, no claim
    ):
        label = "CARDINAL"  # "The average age of a buyer is now 34": no date has 1-3 digits alone
    age = _age(ent) if label in ("DATE", "CARDINAL") else None
    if age is not None:  # "aged 23", "at the age of 87"
        return "quantity", {"number": age, "unit": "years of age", "qualifier": "exact",
                            "text": text}
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
    if label == "CARDINAL" and ent[0].lower_ in RANKED_SCALES and len(ent) == 2:
        step = parse_quantity(ent[1].text)  # "a Category 3 storm": a step on a scale
        if step.get("number") is None:
            return None
        return "quantity", {**step, "unit": ent[0].lower_, "text": text}
    if label in ("CARDINAL", "QUANTITY"):
        temperature = parse_temperature(text)
        if temperature is not None:  # "risen by about 1C", "below 2°C", "fell to 30F"
            return "quantity", temperature
        speed = parse_speed(text)
        if speed is not None:  # "winds of 120mph", "gusts of up to 90 km/h", "75 knots"
            return "quantity", speed
    if label in ("DATE", "TIME"):
        if _RELATIVE.search(text) and not is_specific_date(text):
            doc = ent.doc
            if (
                ent[-1].lower_ in ("earlier", "later", "sooner")
                and ent.end < len(doc)
                and doc[ent.end].lower_ == "than"
            ):  # "six months earlier than planned": the difference is a length of time
                difference = parse_duration(ent[:-1].text)
                if difference:
                    return "duration", {**difference, "text": text}
            return None  # "two years ago", "a year earlier": a vague point in time
        if _no_duration(ent) or _kind_of_thing(ent):
            return None
        duration = parse_duration(text)
        if duration and re.search(r"(?i)\bolds?\b|-olds?$", text):  # "18-year-olds"
            return "quantity", {
                "number": duration["number"],
                "unit": "years of age",
                "qualifier": duration["qualifier"],
                "text": text,
            }
        streak = next(
            (
                t
                for t in ent
                if ORDINAL_WORD.match(t.text)
                and t.i + 1 < ent.end
                and ent.doc[t.i + 1].lower_ in STREAK_WORDS
            ),
            None,
        )
        if streak is not None:  # "a third straight month": the place in a run, no fraction
            return "ordinal", {"number": ordinal_value(streak.text), "text": text}
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
        if idiom_ordinal(ent[-1]):
            return None  # "first-time buyers", "second-hand": a word of its own, no rank
        if (
            root.dep_ in ("advmod", "npadvmod") and root.head.tag_ != "JJS"
        ) or root.head.lower_ == "at":
            return None  # "first, ..." / "at first"; but "third-largest" is a rank
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("a", "an"):
            return None  # "a second asteroid": another one, not a rank
        if earliest_ones(ent.root):
            return None  # "the first volunteers arrived": the earliest, not a rank
        return "ordinal", {"number": ordinal_value(text), "text": text}
    if label == "CARDINAL" and _clock_hour(ent):
        return "date", {"time": text, "text": text}  # "Just before nine, the car swept in"
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
        if _phone_number(ent):
            return None  # "call 0800 362 468", "at 928-556-2250": a number to dial
        modifier = _compound_modifier(ent)
        if modifier is not None and not modifier:
            return None  # "a two-state solution", "a three-point plan", "a one-off"
        root = ent.root
        unit = None
        if (
            root.dep_ in ("nummod", "quantmod", "compound")
            and root.head.pos_ in ("NOUN", "PROPN")
            and not (root.head.i < ent.start and re.search(r"\d[-–]\d", text))
        ):  # (not "beat United 3-1": a score counts no side)
            counted = root.head
            while counted.dep_ == "compound" and counted.head.pos_ in ("NOUN", "PROPN"):
                counted = counted.head  # "40 artillery rounds" counts rounds
            unit = noun_lemma(counted)
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
                unit = noun_lemma(pobj)
        if modifier:
            unit = modifier  # "a 10-mile race": the number measures miles
        measure = _measure_word(ent) if label == "QUANTITY" else None
        if measure:
            unit = measure  # "2,000 tonnes of fuel", "up to 40cm of snow": the measure counts
        if unit is None and ent.end < len(ent.doc) and ent.doc[ent.end].pos_ == "NOUN":
            unit = noun_lemma(ent.doc[ent.end])  # "an estimated 500,000 people"
        if unit is None and label == "QUANTITY":
            words = [
                t.text
                for t in ent
                if not t.like_num and t.lower_ not in _QUALIFIER_WORDS and t.pos_ != "ADV"
            ]
            unit = " ".join(words) or None  # "44.5 degrees Celsius" -> "degrees Celsius"
        if unit in CURRENCY_WORDS:  # "5 million dinars" typed a QUANTITY
            value = parse_money(f"{text} {unit}")
            return ("money", value) if value.get("amount") is not None else None
        if _metres(ent):
            value = parse_quantity(text[:-1], unit="m")  # "12m high": metres, not millions
            value["text"] = text
            return ("quantity", value) if value.get("number") is not None else None
        value = parse_quantity(text, unit=unit)
        if value.get("number") is None and any(not t.whitespace_ for t in ent[:-1]):
            value = parse_quantity(" ".join(t.text for t in ent), unit=unit)  # "120mm"
            value["text"] = text
        if value.get("number") is None:
            return None
        if value.get("qualifier") in ("range", "tally") and _score(ent):
            upper = value.pop("upper", None)  # "lost 1-3", "a 2-1 win": one tally, as written
            value.update(other=value.get("other", upper), qualifier="tally")
            if value.get("unit") in CONTEST_NOUNS:
                del value["unit"]  # "the 4-0 defeat" counts no defeats
        if _FRACTION.search(text) and 0 < value["number"] < 1:
            value.update(number=round(100 * value["number"], 2), unit="percent", of=unit)
            return "percent", value  # "nearly half", "a third": shares, like "one in four"
        head = root.head
        if (
            label == "CARDINAL"
            and value["number"] < 10
            and value.get("qualifier") != "tally"  # "the 4-0 defeat" is a score
            and root.dep_ == "nummod"
            and any(
                c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in head.children
            )
        ):
            return None  # "the two countries": a reference, not a count
        if label == "CARDINAL" and value["number"] == 1 and not any(ch.isdigit() for ch in text):
            return None  # "one" is an article, rarely a checkable count
        return "quantity", value
    if label == "LAW" and not law_name(ent):
        return None  # "which Hart kept in place": a surname the small model typed LAW
    if label in ("EVENT", "LAW"):
        return "event", {"name": text}
    if label == "ORG" and any(t.pos_ == "PROPN" and t.lower_ in NAMED_EVENT_WORDS for t in ent):
        return "event", {"name": text}  # "Proceeds of Crime Act", "Nations League"
    return None


_HOUR_PREPOSITIONS = frozenset({"before", "after", "until", "till", "past"})
_FRONTED_HOUR_PREPOSITIONS = frozenset({"at", "by", "around", "from"})


def _clock_hour(ent: Span) -> bool:
    """A bare number that is an hour of the clock, not a count: the object of "before",
    "after", "until" ("just before nine", "shortly after 11") or of a time preposition
    that opens the sentence ("At 11, the doors opened", "By ten, the hall was full"),
    or of "at" after a "be" that pictures a scene ("The queue was still there at 11"),
    a whole number from 1 to 12 counting no noun. "held at 5", "cut by nine", "after
    12 minutes" are amounts."""
    if len(ent) != 1:
        return False
    tok = ent[0]
    number = NUMBER_WORDS.get(tok.lower_) if not tok.text.isdecimal() else int(tok.text)
    if number is None or not 1 <= number <= 12 or tok.dep_ != "pobj":
        return False
    if any(c.dep_ not in ("advmod",) for c in tok.children):
        return False
    prep = tok.head
    if prep.lower_ in _HOUR_PREPOSITIONS:
        return True
    if prep.lower_ == "at" and prep.head.lemma_ == "be" and prep.i > prep.head.i:
        from .statements import scene_state  # (statements imports this module)

        return scene_state(prep.head)  # "The queue was still there at 11"
    if prep.lower_ not in _FRONTED_HOUR_PREPOSITIONS or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    opens = prep.i == prep.sent.start or prep.doc[prep.i - 1].pos_ in ("ADV", "PUNCT")
    return opens and prep.i < prep.head.i and tok.i + 1 < len(tok.doc) and tok.nbor().text == ","


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during", "by", "since", "until", "from"})
_DATED_EVENTS = EVENT_NOUNS | frozenset(
    "vote poll ballot trial hearing inquest inquiry talks meeting conference".split()
)
"""Events whose date, when they are the subject, is the fact stated ("The election will be
held on 12 June", "The trial opens on 3 March")."""
_PERCENT_SIGN = re.compile(r"(?i)%|\bper ?cent\b|\bpct\b|\bpercentage\b")
_RELATIVE = re.compile(r"(?i)\b(ago|earlier|later|before|after|previously|since then)\b")
_FRACTION = re.compile(r"(?i)\b(half|halves|third|thirds|quarter|quarters|fifth|fifths)\b")


RATE_UNITS = frozenset(
    "second minute hour day night week fortnight month quarter year season".split()
)
_RATE_WORDS = frozenset({"a", "an", "per", "each", "every"})


def rate_of(ent: Span) -> str | None:
    """The time unit of a rate after an amount: "90,000 passengers a day", "£12 an
    hour", "500 tonnes of steel per week" -> "day", "hour", "week"."""
    doc = ent.doc
    i = ent.end
    skipped = 0
    while (
        i < len(doc)
        and skipped < 4
        and (doc[i].pos_ in ("NOUN", "PROPN", "ADJ") or doc[i].lower_ == "of")
    ):
        if doc[i].lemma_.lower() in RATE_UNITS:
            break
        i += 1
        skipped += 1
    if i + 3 < len(doc) and doc[i].text == "-" and doc[i + 2].text == "-":
        i += 1  # "a £12bn-a-year industry"
        if doc[i].lower_ in ("a", "an") and doc[i + 2].lemma_.lower() in RATE_UNITS:
            return doc[i + 2].lemma_.lower()
    if (
        i + 3 < len(doc)
        and doc[i].lower_ == "per"
        and doc[i + 1].pos_ == "NOUN"
        and doc[i + 1].lemma_.lower() not in RATE_UNITS
    ):
        i += 2  # "140 litres per person per day"
    if i + 1 < len(doc) and doc[i].lower_ in _RATE_WORDS:
        unit = doc[i + 1].lemma_.lower()
        if unit in RATE_UNITS and not (i + 2 < len(doc) and doc[i + 2].lower_ == "ago"):
            return unit
    return None


def per_unit(ent: Span) -> str | None:
    """The unit of a rate that is no time ("$1,200 per head", "140 litres per person",
    "£9 per pupil", "145p a litre") -> "head", "person", "pupil", "litre": shown in the
    label, not a ``per``."""
    doc = ent.doc
    i = ent.end
    while i < len(doc) and i - ent.end < 4 and (
        doc[i].pos_ in ("NOUN", "ADJ") or doc[i].lower_ == "of"
    ):
        i += 1
    if i + 1 >= len(doc) or doc[i + 1].pos_ != "NOUN":
        return None
    unit = doc[i + 1].lemma_.lower()
    if unit in RATE_UNITS:
        return None
    if doc[i].lower_ == "per" or (
        doc[i].lower_ in ("a", "an") and (doc[i + 1].lower_ in MEASURE_UNITS or unit == "head")
    ):
        return unit  # "$1,200 per head", "145p a litre"
    return None


_PHONE = re.compile(r"\+?\(?\d[\d ()./-]{5,}\d")


def _phone_number(ent: Span) -> bool:
    """A telephone number: digits run on with dashes, dots or spaces (seven or more in
    all), or a number written with a leading zero ("0800")."""
    text = ent.text.strip()
    if len(text) > 1 and text[0] == "0" and text[1].isdigit():
        return True
    whole = doc_text(ent.doc)
    lo, hi = max(0, ent.start_char - 12), min(len(whole), ent.end_char + 12)
    if sum(ch.isdigit() for ch in whole[lo:hi]) < 7:
        return False
    for m in _PHONE.finditer(whole, lo, hi):
        if m.start() <= ent.start_char < m.end() and sum(ch.isdigit() for ch in m.group()) >= 7:
            chunk = m.group()
            if re.search(r"\d[ ./-]\d{3}[ ./-]\d", chunk) or re.search(r"\d-\d", chunk):
                return not re.fullmatch(r"\d{1,3}(?:[ ,.]\d{3})+(?:\.\d+)?", chunk)
    return False


def earliest_ones(root: Token) -> bool:
    """ "the first images appeared", "the first volunteers arrived": "first" on a plural
    noun with no number and no "to" clause orders events in time; a rank is "the
    first two", "the first companies to sign", "first place"."""
    noun = root.head
    if root.lower_ not in ("first", "last") or root.dep_ != "amod" or noun.tag_ != "NNS":
        return False
    if noun.dep_ != "nsubj":
        return False  # "put the first humans on the moon": what was done to them
    if any(c.dep_ in ("nummod", "acl", "relcl", "prep") for c in noun.children):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _no_duration(ent: Span) -> bool:
    """ "could one day supply water" (some day), "not a single week has passed" (none):
    words of time that measure no length of time."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is None:
        return False
    words = ent.text.lower().split()
    if words[:1] in (["one"], ["some"]) and len(words) == 2 and before.tag_ == "MD":
        return True
    return before.lower_ in ("not", "never") and words[:1] in (["a"], ["one"], ["an"])


def _kind_of_thing(ent: Span) -> bool:
    """A length of time written into a hyphenated modifier that names a kind of thing,
    not how long something lasted: the noun it modifies is itself a length of time ("a
    four-day week", "a four-day school week"), generic (a plural: "four-day weeks",
    "12-hour shifts", "some four-day districts"), the span of a superlative ("their
    biggest one-day drop", "a record one-day rise": the record is the claim) or a
    security named by its term ("the 10-year bond"). "A 24-hour strike", "a 14-week
    trial", "a six-year contract" keep their duration."""
    doc = ent.doc
    unit = None
    for tok in ent:
        i = tok.i
        if not tok.like_num or i + 2 >= len(doc) or tok.whitespace_:
            continue
        hyphen, word = doc[i + 1], doc[i + 2]
        if hyphen.text in ("-", "‑") and not hyphen.whitespace_ and word.lower_ in TIME_UNITS:
            unit = word
            break
    if unit is None or unit.i + 1 < len(doc) and doc[unit.i + 1].text in ("-", "‑"):
        return False  # not in one, or "10-year-old": an age
    head = unit.head
    if head.i <= unit.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "a four-day school week"
    lemma = head.lemma_.lower()
    if lemma in TIME_UNITS or head.lower_ in TIME_UNITS or head.lower_ in SECURITY_NOUNS:
        return True
    if head.tag_ in ("NNS", "NNPS"):
        return True
    return any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ == "record") for c in head.children
    )


def _in_name(ent: Span) -> bool:
    """A number that is part of a proper name or code.

    "Eesti 200", "Route 66", "Apollo 11" (a name, then the number), "2001 QR322" (a
    code after it), "Ninety Mile Beach", "Seven Sisters" (a number word, capitalised
    inside the sentence, that begins a name). "Boeing 737 jets" and "20 Republicans"
    still count: the number is followed by a plural.
    """
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and re.fullmatch(r"[A-Z]{1,3}\d+[A-Z\d]*", after.text):
        return True  # "2001 QR322"
    if (
        re.fullmatch(r"\d+[A-Z]+", ent.text)
        and ent[-1].text.isupper()
        and (before is None or before.lower_ not in CURRENCY_WORDS)
        and (after is None or after.pos_ not in ("NOUN", "PROPN", "NUM"))
    ):
        return True  # "Shares in 3M fell": a capital letter glued on names; "3M users" counts
    if _names_with_number(ent):
        return True
    score = re.fullmatch(r"(\d{1,3})[-–](\d{1,3})", ent.text)
    if score and int(score.group(1)) >= int(score.group(2)):
        return False  # "beat United 3-1": a score after a name, not part of it ("ATR 72-600" is)
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


def _score(ent: Span) -> bool:
    """Is the entity a bare "N-M" that is a contest's score ("lost 1-3", "a 2-1 win")?"""
    return (
        len(ent) == 3
        and ent[0].text.isdecimal()
        and ent[2].text.isdecimal()
        and ent[1].text in ("-", "–")
        and contest_score(ent.doc, ent.start)
    )


def _is_name_word(tok: Any) -> bool:
    """A capitalised proper-noun word that is not a month, weekday, currency or unit."""
    low = tok.lower_
    return (
        tok.pos_ == "PROPN"
        and (tok.is_title or tok.is_upper)
        and not tok.like_num
        and low not in DATE_WORDS
        and low not in CURRENCY_WORDS
        and low not in MEASURE_UNITS
        and low not in SCALE_WORDS
    )


def _names_with_number(ent: Span) -> bool:
    """The entity's number words begin a name: "Ninety Mile Beach", "Seven Sisters"."""
    words = [t for t in ent if t.like_num and t.is_alpha]
    if not words or not all(t.is_title for t in words):
        return False
    if any(t.i == t.sent.start for t in words):
        return False  # "Ninety people died.": capitalised because it starts the sentence
    last = ent.end - 1
    doc = ent.doc
    name = [t for t in ent if not t.like_num] or (
        [doc[ent.end]] if ent.end < len(doc) and doc[ent.end].i > doc[last].i else []
    )
    return (
        bool(name)
        and all(t.pos_ == "PROPN" and (t.is_title or t.is_upper) for t in name)
        and _is_name_word(name[-1])  # "Ninety Mile Beach"; not "Five Million Dollars"
    )


def _compound_modifier(ent: Span) -> str | None:
    """For a number written into a hyphenated modifier ("two-state", "10-mile"): the unit
    it measures ("mile"), or "" when it only names a kind of thing ("a two-state
    solution", "a three-point plan", "a one-off"). None when the number is not in one.
    """
    doc = ent.doc
    number = next((t for t in ent if t.like_num), None)
    if number is None:
        return None
    i = number.i + 1
    while i < len(doc) and i < ent.end and doc[i].lower_ in _SCALES_AND_SUFFIXES:
        i += 1  # "5.2-billion": the scale belongs to the number
    hyphen = doc[i] if i < len(doc) else None
    if hyphen is None or hyphen.text not in ("-", "‑") or doc[i - 1].whitespace_:
        return None
    if hyphen.whitespace_ or i + 1 >= len(doc):
        return None  # "12 - 15": a range written with spaces
    j = i + 1
    while j + 1 < len(doc) and doc[j].lower_ in _SCALES_AND_SUFFIXES and doc[j + 1].text == "-":
        j += 2  # "5.2-billion-kilometre"
    word = doc[j]
    if word.lower_ in MEASURE_UNITS:
        named = word.head
        if named.i > j and (named.lemma_.lower() in ("unit", "equivalent") or (
            named.lower_ in MEASURE_UNITS and named.pos_ == "NOUN"
        )):
            return ""  # "twenty-foot equivalent units": the number names a unit, counts nothing
        return word.lower_
    if word.lower_ in ("point", "points"):
        if word.head.i > j and word.head.lemma_.lower() in POINT_MEASURES:
            return "point"  # "a 10-point lead"
    if word.like_num or not word.is_alpha:
        return None  # "69-30": a tally or a range
    return ""


_SCALES_AND_SUFFIXES = frozenset(SCALE_WORDS) | frozenset(SCALE_SUFFIXES)


def _fraction(ent: Span) -> tuple[str, dict[str, Any]] | None:
    """ "A third of voters", "nearly a quarter of the budget": a share, in percent."""
    value = parse_quantity(ent.text)
    number = value.get("number")
    if not isinstance(number, int | float) or not 0 < number < 1:
        return None
    value["number"] = round(100 * number, 2)
    value["unit"] = "percent"
    whole = share_of(ent)
    if whole:
        value["of"] = whole
    return "percent", value


_BACK_PRONOUNS = frozenset({"them", "whom", "which", "those", "these", "us"})


def share_of(ent: Span) -> str | None:
    """What a share is a share of, as a noun's base form: the object of its "of" ("38%
    of the board" -> "board", "Of the 1,800 applicants, 62% were women" -> "applicant"),
    a pronoun read as the noun it stands for ("80,000 homes ..., 30% of them" -> "home",
    "4,000 people, half of whom" -> "person"). None when there is no "of"."""
    doc = ent.doc
    root = ent.root
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and ent.end < len(doc) and doc[ent.end].lower_ == "of":
        of = doc[ent.end]
    if of is None and root.dep_ in ("nsubj", "nsubjpass"):
        of = next(  # "Of the 1,800 applicants, 62% were women": the "of" fronted
            (c for c in root.head.children if c.dep_ == "prep" and c.lower_ == "of"
             and c.i < ent.start),
            None,
        )
    if of is None:
        return None
    obj = next((c for c in of.children if c.dep_ == "pobj"), None)
    if obj is None or obj.i < of.i:
        return None
    if obj.lower_ in _BACK_PRONOUNS:
        obj = _antecedent(ent)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    return noun_lemma(obj)


def _antecedent(ent: Span) -> Token | None:
    """The noun a "them"/"whom" after a share stands for: the noun of the relative clause
    the share is in ("people, half of whom work ..."), else the nearest plural noun before
    it in the sentence, one counted by a number first ("12,000 migrants crossed ... in
    small boats in May, 40% of whom ..." -> "migrants")."""
    for a in ent.root.ancestors:
        if a.dep_ == "relcl" and a.head.pos_ in ("NOUN", "PROPN"):
            return a.head
    before = [t for t in ent.sent if t.i < ent.start and t.tag_ in ("NNS", "NNPS")]
    counted = [t for t in before if any(c.dep_ == "nummod" for c in t.children)]
    if counted:
        return counted[-1]
    return before[-1] if before else None


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
