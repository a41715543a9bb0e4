"""Claim extraction: article text -> checkable claims, from spaCy's parse and entities.

Pipeline per article: prose units (``prose.py``: paragraphs without headlines,
credits, promos; long ones sliced at sentence ends) -> ``nlp.pipe`` -> for every
sentence, one claim per checkable entity (quantity, money, percent, date,
duration, ordinal, event) plus attributed direct quotes (``quotes.py``) ->
labels from the dependency parse (``labels.py``) and normalized values
(``quantities.py``) -> check-worthiness scores and in-article consistency checks.

spaCy is imported only when a function here runs, never at import time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .models import Article, Claim, claim_id
from .prose import Unit, prose_units
from .quantities import (
    CURRENCY_WORDS,
    MONTHS,
    QUALIFIERS,
    WEEKDAYS,
    is_specific_date,
    parse_date,
    parse_duration,
    parse_money,
    parse_percent,
    parse_quantity,
    parse_ratio,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

Progress = Callable[[int, int], None]
ENTITY_LABELS = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
    "QUANTITY",
    "ORDINAL",
    "CARDINAL",
)
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"})
EVENT_NOUNS = frozenset(
    """agreement treaty accord pact deal convention summit election referendum war ceasefire
    truce protocol charter act bill law resolution sanctions memorandum alliance""".split()
)
_BATCH = 64


class _Record(NamedTuple):
    """A claim found in one doc, as plain data with article offsets."""

    kind: str
    start: int
    end: int
    sent_start: int
    sent_end: int
    label: str
    value: dict[str, Any]
    entities: list[dict[str, Any]]
    score: float | None


class _Draft:
    """A claim before its id, worthiness and article id are known."""

    __slots__ = (
        "kind",
        "start",
        "end",
        "anchor",
        "sent_start",
        "sent_end",
        "label",
        "value",
        "span",
    )

    def __init__(
        self,
        kind: str,
        start: int,
        end: int,
        anchor: str,
        sent: Span,
        label: str,
        value: dict[str, Any],
        sent_start: int | None = None,
        sent_end: int | None = None,
    ) -> None:
        self.kind, self.start, self.end, self.anchor = kind, start, end, anchor
        self.sent_start = sent.start_char if sent_start is None else sent_start
        self.sent_end = sent.end_char if sent_end is None else sent_end
        self.label, self.value, self.span = label, value, sent


_QUALIFIER_WORDS = frozenset(w for q, _ in QUALIFIERS for w in q.split())
_QUALIFIER_PHRASES = frozenset(q for q, _ in QUALIFIERS) | {
    "only around",
    "only about",
    "just over",
}
_CURRENCY_TOKENS = frozenset({"$", "€", "£", "¥", "₹", "₽", "us$", "a$", "c$", "hk$", "r$"})
_TRIM_LEFT = frozenset({"between", "from", "since", "until", "till", "through", "by", "to", "and"})


_SCALE_SUFFIXES = frozenset(
    {"m", "mn", "mln", "bn", "b", "k", "tn", "tr", "million", "billion", "trillion"}
)
_CONJ = frozenset({"and", "or", "to"})  # "3-5%" and "69-30" stay one fact (a range, a tally)


def _is_amount_end(tok: Token) -> bool:
    return (
        tok.like_num
        or tok.text in ("%",)
        or tok.lower_ in _SCALE_SUFFIXES
        or tok.lower_ == "percent"
    )


def _split_pairs(start: int, end: int, doc: Doc, label: str) -> list[tuple[int, int]]:
    """Split "38% and 85%", "$16.3 billion and $16.5 billion", "between 2011 and 2019"."""
    if label not in ("MONEY", "PERCENT", "DATE", "CARDINAL"):
        return [(start, end)]
    for i in range(start + 1, end - 1):
        tok = doc[i]
        if tok.lower_ not in _CONJ:
            continue
        after = doc[i + 1]
        if _is_amount_end(doc[i - 1]) and (after.like_num or after.lower_ in _CURRENCY_TOKENS):
            if label == "DATE" and not (_YEARISH(doc[i - 1].text) and _YEARISH(after.text)):
                continue
            return [(start, i), *_split_pairs(i + 1, end, doc, label)]
    return [(start, end)]


def _YEARISH(text: str) -> bool:  # noqa: N802 - reads as a predicate
    return len(text) == 4 and text.isdecimal() and 1500 <= int(text) <= 2199


def _with_qualifier(start: int, sent: Span) -> int:
    """Move ``start`` left over a qualifier the entity left out ("nearly" one in four)."""
    for width in (3, 2, 1):
        if start - width < sent.start:
            continue
        words = " ".join(t.lower_ for t in sent.doc[start - width : start])
        if words in _QUALIFIER_PHRASES:
            return start - width
    return start


def _entities(sent: Span) -> list[Span]:
    """The sentence's entities, repaired where the small models often slip.

    Currency symbols and scale suffixes left outside a MONEY entity are taken in
    ("$" + "100,000", "£12.5" + "m"); a qualifier left outside is taken in
    ("nearly" + "one in four"); ratios are joined ("one in five"); two amounts
    joined by "and"/"to" are split ("38% and 85%"); leading "between"/"from" and
    trailing "and" are trimmed from anchors; a duration split in two by "and"
    ("2 hours and" + "35 seconds") is joined.
    """
    from spacy.tokens import Span as SpanType

    doc = sent.doc
    out: list[Span] = []
    for ent in sent.ents:
        start, end, label = ent.start, ent.end, ent.label_
        if (
            label in ("MONEY", "CARDINAL")
            and start > sent.start
            and doc[start - 1].lower_ in _CURRENCY_TOKENS
        ):
            start -= 1
            label = "MONEY"
        if (
            label in ("MONEY", "CARDINAL")
            and end < sent.end
            and doc[end].lower_ in _SCALE_SUFFIXES
            and not doc[end - 1].whitespace_
        ):
            end += 1  # "£12.5" + "m"
        if label in ("CARDINAL", "MONEY") and end < sent.end and doc[end].lower_ in CURRENCY_WORDS:
            end += 1  # "60 billion" + "euros"
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
        while end - start > 1 and (
            doc[end - 1].lower_ in ("and", "or") or doc[end - 1].text in ",.;:-–—()"
        ):
            end -= 1
        if label in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "RATIO"):
            start = _with_qualifier(start, sent)
        out = [o for o in out if o.end <= start]  # a widened span swallows what it covers
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
    return out


def _predicate(ent: Span) -> str | None:
    """The lemma of the verb (else noun) an amount is about: "killed" in "killed 12 people"."""
    for tok in ent.root.ancestors:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() not in ("be", "have"):
            return tok.lemma_.lower()
    head = ent.root.head
    return head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") and head.i != ent.root.i else None


def _classify(ent: Span) -> tuple[str, dict[str, Any]] | None:
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
        if duration and re.search(r"(?i)\bold\b|-old$", text):
            return "quantity", {
                "number": duration["number"],
                "unit": "years of age",
                "qualifier": duration["qualifier"],
                "text": text,
            }
        if duration and not is_specific_date(text):
            return "duration", duration
        if label == "DATE" and is_specific_date(text):
            return "date", parse_date(text)
        if label == "TIME" and any(ch.isdigit() for ch in text):
            return "date", {"time": text, "text": text}
        rank = next((t for t in ent if _ORDINAL_WORD.match(t.text)), None)
        if rank is not None:  # "third-quarter", "a fifth straight quarter": a rank in time
            return "ordinal", {"number": _ordinal_value(rank.text), "text": text}
        return None
    if label == "ORDINAL":
        root = ent.root
        if (
            root.dep_ in ("advmod", "npadvmod") and root.head.tag_ != "JJS"
        ) or root.head.lower_ == "at":
            return None  # "first, ..." / "at first"; but "third-largest" is a rank
        if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("a", "an"):
            return None  # "a second asteroid": another one, not a rank
        return "ordinal", {"number": _ordinal_value(text), "text": text}
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
    if label == "ORG" and any(t.pos_ == "PROPN" and t.lower_ in _NAMED_EVENT_WORDS for t in ent):
        return "event", {"name": text}  # "Proceeds of Crime Act", "Nations League"
    return None


_NAMED_EVENT_WORDS = EVENT_NOUNS | {"league", "cup", "games", "olympics", "championship"}
_RELATIVE = re.compile(r"(?i)\b(ago|earlier|later|before|after|previously|since then)\b")
_FRACTION = re.compile(r"(?i)\b(half|halves|third|thirds|quarter|quarters|fifth|fifths)\b")
_DATE_WORDS = (
    frozenset(MONTHS)
    | {m[:3] for m in MONTHS}
    | {"sept"}
    | set(WEEKDAYS)
    | {w[:3] for w in WEEKDAYS}
)


def _in_name(ent: Span) -> bool:
    """A number that is part of a proper name or code: "Eesti 200", "2001 QR322"."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and re.fullmatch(r"[A-Z]{1,3}\d+[A-Z\d]*", after.text):
        return True  # "2001 QR322"
    return (
        len(ent) == 1
        and before is not None
        and before.pos_ == "PROPN"
        and before.is_title
        and before.lower_ not in _DATE_WORDS
        and before.whitespace_ != ""
        and (after is None or after.tag_ not in ("NNS", "NNPS"))  # "Boeing 737 jets" counts
    )


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twentieth": 20,
    "hundredth": 100,
    "last": -1,
}


def _ordinal_value(text: str) -> int | None:
    low = text.lower().strip()
    digits = "".join(ch for ch in low if ch.isdecimal())
    if digits:
        return int(digits)
    return _ORDINALS.get(low.split("-")[-1].split()[-1])


def _sentence_entities(sent: Span, base: int) -> list[dict[str, Any]]:
    return [
        {"text": e.text, "label": e.label_, "start": base + e.start_char, "end": base + e.end_char}
        for e in sent.ents
    ]


def _event_drafts(sent: Span, covered: list[tuple[int, int]]) -> Iterator[_Draft]:
    """Named agreements, treaties, elections... that no other claim already covers."""
    from .labels import noun_phrase_label

    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in EVENT_NOUNS:
            continue
        named = [
            c
            for c in tok.lefts
            if c.dep_ in ("compound", "amod", "poss", "nmod")
            and (c.pos_ == "PROPN" or c.ent_type_ in NAME_LABELS)
        ]
        if not named:
            continue
        left = min([tok.i] + [t.i for c in named for t in c.subtree])
        span = sent.doc[left : tok.i + 1]
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        yield _Draft(
            "event",
            span.start_char,
            span.end_char,
            span.text,
            sent,
            noun_phrase_label(tok),
            {"name": span.text},
        )


_ORDINAL_WORD = re.compile(
    r"(?i)^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
    r"seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth)$"
)


def _ordinal_drafts(sent: Span, covered: list[tuple[int, int]]) -> Iterator[_Draft]:
    """Ordinals the tagger missed, mostly in compounds: "third-quarter", "4th District"."""
    from .labels import noun_phrase_label

    doc = sent.doc
    for tok in sent:
        if tok.ent_type_ or not _ORDINAL_WORD.match(tok.text):
            continue
        if any(s <= tok.idx < e for s, e in covered):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        hyphenated = nxt is not None and nxt.text == "-" and not tok.whitespace_
        noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i else None
        if noun is None and not hyphenated:
            continue
        if tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "an"):
            continue  # "a second asteroid": another one
        covered.append((tok.idx, tok.idx + len(tok.text)))
        label = noun_phrase_label(noun) if noun is not None else doc[tok.i : tok.i + 3].text
        yield _Draft(
            "ordinal",
            tok.idx,
            tok.idx + len(tok.text),
            tok.text,
            sent,
            label,
            {"number": _ordinal_value(tok.text), "text": tok.text},
        )


def _continues(text: str, previous_end: int, start: int) -> bool:
    """A quote that opens a new sentence right after the attribution of the previous one."""
    opening = start - 1  # the opening mark, before any spaces the quote starts with
    while opening > previous_end and text[opening].isspace():
        opening -= 1
    gap = text[previous_end:opening]  # from the end of the last quote to this opening mark
    before = text[:opening].rstrip()
    return (
        len(gap) < 120
        and before.endswith((".", "!", "?", ":"))
        and not any(mark in gap[2:] for mark in ("“", '"', "‘"))
    )


def _doc_drafts(doc: Doc, tracker: Any, base: int) -> Iterator[_Draft]:
    from .labels import label_for
    from .quotes import attribute, find_quotes

    for sent in doc.sents:
        tracker.observe(sent, base)
        covered: list[tuple[int, int]] = []
        for ent in _entities(sent):
            kind_value = _classify(ent)
            if kind_value is None:
                continue
            kind, value = kind_value
            covered.append((ent.start_char, ent.end_char))
            yield _Draft(
                kind, ent.start_char, ent.end_char, ent.text, sent, label_for(ent, kind), value
            )
        yield from _ordinal_drafts(sent, covered)
        yield from _event_drafts(sent, covered)
    previous: tuple[str, int] | None = None  # (speaker, end) of the last attributed quote
    for quote in find_quotes(doc.text):
        speaker, s_start, s_end = attribute(doc, quote.start, quote.end, tracker, base)
        if not speaker and previous is not None and _continues(doc.text, previous[1], quote.start):
            speaker = previous[0]  # '"...," she said. "We will talk ..."': the same speaker goes on
        if not speaker:
            previous = None
            continue
        previous = (speaker, quote.end)
        text = doc.text[quote.start : quote.end]
        short = text if len(text) <= 60 else text[:57].rstrip() + "…"
        span = doc.char_span(s_start, s_end, alignment_mode="expand") or doc[:]
        yield _Draft(
            "quote",
            quote.start,
            quote.end,
            text,
            span,
            f"{speaker}: “{short}”",
            {"speaker": speaker, "quote": text},
            s_start,
            s_end,
        )


class Extractor:
    """Turns articles into claims with one spaCy pipeline (loaded lazily)."""

    def __init__(
        self,
        model: str | None = None,
        *,
        nlp: Language | None = None,
        score: bool = True,
        consistency: bool = True,
    ) -> None:
        self.model = model
        self._nlp = nlp
        self.score = score
        self.consistency = consistency

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .nlp import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp

    def claims(self, article: Article) -> list[Claim]:
        return next(iter(self.claims_many([article])))

    def claims_many(
        self,
        articles: Iterable[Article],
        progress: Progress | None = None,
        total: int | None = None,
        n_process: int = 1,
    ) -> Iterator[list[Claim]]:
        """Claims of each article, in order; all articles go through one ``nlp.pipe``."""
        from .quotes import SpeakerTracker

        articles = list(articles)
        total = total if total is not None else len(articles)

        def units() -> Iterator[tuple[str, tuple[int, Unit]]]:
            for index, article in enumerate(articles):
                for unit in prose_units(article.text):
                    yield unit.text, (index, unit)

        current: int = 0
        records: list[_Record] = []
        mentions: list[dict[str, Any]] = []
        sentences: list[tuple[int, int]] = []
        tracker = SpeakerTracker()
        done = 0
        stream = self.nlp.pipe(units(), as_tuples=True, batch_size=_BATCH, n_process=n_process)
        for doc, (index, unit) in stream:
            while index > current:
                yield self._finish(articles[current], records, mentions, sentences)
                done += 1
                if progress:
                    progress(done, total)
                current += 1
                records, mentions, sentences, tracker = [], [], [], SpeakerTracker()
            records.extend(self._records(doc, tracker, unit.start))
            if self.consistency:
                sentences.extend(
                    (unit.start + s.start_char, unit.start + s.end_char) for s in doc.sents
                )
                mentions.extend(
                    {
                        "text": e.text,
                        "label": e.label_,
                        "start": unit.start + e.start_char,
                        "end": unit.start + e.end_char,
                    }
                    for e in doc.ents
                    if e.label_ in NAME_LABELS
                )
        while current < len(articles):
            yield self._finish(articles[current], records, mentions, sentences)
            done += 1
            if progress:
                progress(done, total)
            current += 1
            records, mentions, sentences = [], [], []

    def _records(self, doc: Doc, tracker: Any, base: int) -> list[_Record]:
        """Drafts of one doc turned into plain records (the doc can then be freed)."""
        drafts = list(_doc_drafts(doc, tracker, base))
        scores = self._scores([d.span for d in drafts]) if self.score else [None] * len(drafts)
        return [
            _Record(
                d.kind,
                base + d.start,
                base + d.end,
                base + d.sent_start,
                base + d.sent_end,
                d.label,
                d.value,
                _sentence_entities(d.span, base),
                score,
            )
            for d, score in zip(drafts, scores, strict=True)
        ]

    def _finish(
        self,
        article: Article,
        records: list[_Record],
        mentions: list[dict[str, Any]],
        sentences: list[tuple[int, int]],
    ) -> list[Claim]:
        text = article.text
        seen: dict[tuple[str, str, str], int] = {}
        claims: list[Claim] = []
        for r in sorted(records, key=lambda r: (r.start, r.kind)):
            anchor, sentence = text[r.start : r.end], text[r.sent_start : r.sent_end]
            key = (r.kind, anchor, sentence)
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            claims.append(
                Claim(
                    id=claim_id(r.kind, anchor, sentence, occurrence),
                    article_id=article.id,
                    kind=r.kind,
                    anchor=anchor,
                    start=r.start,
                    end=r.end,
                    sentence=sentence,
                    sentence_start=r.sent_start,
                    sentence_end=r.sent_end,
                    label=r.label,
                    value=r.value,
                    entities=r.entities,
                    worthiness=r.score,
                )
            )
        if self.consistency:
            claims.extend(self._consistency(article, mentions, claims, sentences))
        return claims

    def _scores(self, spans: list[Span]) -> list[float | None]:
        scorer = _load_scorer()
        if scorer is None or not spans:
            return [None] * len(spans)
        return [round(float(s), 4) for s in scorer.score_spans(spans)]

    def _consistency(
        self,
        article: Article,
        mentions: list[dict[str, Any]],
        claims: list[Claim],
        sentences: list[tuple[int, int]],
    ) -> list[Claim]:
        finder = _load_consistency()
        return finder(article, mentions, claims, sentences) if finder else []


def _load_scorer() -> Any:
    try:
        from .worthiness import load_scorer
    except ImportError:
        return None
    return load_scorer()


def _load_consistency() -> Any:
    try:
        from .consistency import find_inconsistencies
    except ImportError:
        return None
    return find_inconsistencies


_extractors: dict[str | None, Extractor] = {}


def get_extractor(model: str | None = None) -> Extractor:
    """The process-wide extractor for ``model`` (the pipeline is loaded once)."""
    if model not in _extractors:
        _extractors[model] = Extractor(model)
    return _extractors[model]


def extract_claims(article: Article, model: str | None = None) -> list[Claim]:
    """The claims of one article (loads spaCy on first use; ModelError if none)."""
    return get_extractor(model).claims(article)


def extract_many(
    articles: list[Article],
    model: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[list[Claim]]:
    """Claims of many articles in one ``nlp.pipe`` pass (``jobs`` processes)."""
    return list(
        get_extractor(model).claims_many(articles, progress=progress, n_process=max(1, jobs))
    )
