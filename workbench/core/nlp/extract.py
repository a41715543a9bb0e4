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
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from ..models import Article, Claim, claim_id, id_sentence
from .appeals import in_appeal, may_appeal
from .baselines import hold_baselines, hold_level_times, joined, span_of_record
from .discourse import by_role, may_be_role
from .doc_cache import (
    UNMARKED,
    doc_ents,
    doc_text,
    literal_slice,
    span_ents,
    span_text,
    unit_offsets,
)
from .entities import repair_entities
from .kinds import (
    EVENT_NOUNS,
    ORDINAL_WORD,
    classify,
    earliest_ones,
    idiom_ordinal,
    ordinal_value,
    per_unit,
)
from .labels import label_for, noun_phrase_label
from .lexicon import SCALE_SUFFIXES
from .markup import Unmarked, unmark
from .nonclaims import (
    may_unassert,
    own_time,
    period_of_time,
    scene_time,
    teaser,
    unasserted,
)
from .parse_repairs import repair_parse
from .parsed import Parsed, parsed, release
from .prose import Unit, prose_units
from .quote_claims import credit_colour, public_speaker, says_nothing, vox_pop_nothing
from .quotes import SpeakerTracker, attribute, find_quotes
from .record_claims import attach as attach_records
from .scenes import may_be_scene, scene_count
from .speech import Report, act_speaker, reports, speech_act
from .statements import Covered, statements
from .voices import about_unnamed_voice
from .worthiness.features import token_features
from .worthiness.gate import (
    ALONE_VETO,
    NAMED_QUOTE_VETO,
    QUOTE_VETO,
    VETO,
    WEAK_VETO,
    gate_features,
    load_gate,
    minor,
    outside_idioms,
    own_quotes,
    unnamed_quotes,
)
from .worthiness.strong import load_fusion, mixed

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

Progress = Callable[[int, int], None]
NAME_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "LAW", "PRODUCT"})
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
    claim_type: str | None = None
    speaker: str | None = None


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
        "claim_type",
        "speaker",
        "clause",
        "phrase",
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
        self.claim_type: str | None = None
        self.speaker: str | None = None
        self.clause: Span | None = None  # a statement's clause, scored with its sentence
        self.phrase = ""  # a period's phrase ("in the third week"), for its host's label


def _sentence_entities(sent: Span, base: int) -> list[dict[str, Any]]:
    return _entities(sent.doc, span_ents(sent), base)


def _entities(doc: Doc, ents: Iterable[Span], base: int) -> list[dict[str, Any]]:
    """Entities as plain data, with the article's text and offsets."""
    start, end = unit_offsets(doc)
    return [
        {
            "text": literal_slice(doc, e.start_char, e.end_char),
            "label": e.label_,
            "start": base + start(e.start_char),
            "end": base + end(e.end_char),
        }
        for e in ents
    ]


def _event_drafts(sent: Span, covered: list[tuple[int, int]]) -> Iterator[_Draft]:
    """Named agreements, treaties, elections... that no other claim already covers."""
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


assert ORDINAL_WORD.pattern.startswith("(?i)^(?:") and ORDINAL_WORD.pattern.endswith(")$")


def _rank_hint() -> re.Pattern[str]:
    """A digit or any of ``ORDINAL_WORD``'s words, the words grouped by their first letter
    (the same strings; the regex engine then tries one group per position, not each word)."""
    numbered, words = ORDINAL_WORD.pattern[len("(?i)^(?:") : -len(")$")].split(")|", 1)
    assert numbered.startswith("\\d") and all(w.isalpha() for w in words.split("|"))
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):  # "1st", "22nd"... start with a digit
        groups.setdefault(word[0], []).append(word[1:])
    return re.compile(
        r"(?i)\d|" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())
    )


_RANK_HINT = _rank_hint()
"""Found in the text of every sentence ``_ordinal_drafts`` can find anything in: a digit
(a rank "No. 1") or an ordinal word anywhere (a superset of the tokens it reads)."""


def _ordinal_drafts(sent: Span, covered: list[tuple[int, int]]) -> Iterator[_Draft]:
    """Ordinals the tagger missed, mostly in compounds: "third-quarter", "4th District"."""
    if not _RANK_HINT.search(span_text(sent)):
        return
    doc = sent.doc
    for tok in sent:
        if tok.like_num and tok.i >= 1 and not any(s <= tok.idx < e for s, e in covered):
            before = doc[tok.i - 1].lower_
            no = before in ("no", "no.", "number") or (
                before == "." and tok.i >= 2 and doc[tok.i - 2].lower_ == "no"
            )
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
                no = False  # "the No 8 shirt": a name, not a rank
            if no and tok.text.isdecimal():  # "opened at No. 1": a rank
                covered.append((tok.idx, tok.idx + len(tok.text)))
                yield _Draft(
                    "ordinal",
                    tok.idx,
                    tok.idx + len(tok.text),
                    tok.text,
                    sent,
                    f"No. {tok.text}",
                    {"number": int(tok.text), "text": tok.text},
                )
                continue
        if tok.ent_type_ or not ORDINAL_WORD.match(tok.text):
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
        if earliest_ones(tok):
            continue  # "the first volunteers arrived": the earliest, not a rank
        if idiom_ordinal(tok):
            continue  # "first-time buyers", "second-hand": no rank
        covered.append((tok.idx, tok.idx + len(tok.text)))
        label = noun_phrase_label(noun) if noun is not None else doc[tok.i : tok.i + 3].text
        yield _Draft(
            "ordinal",
            tok.idx,
            tok.idx + len(tok.text),
            tok.text,
            sent,
            label,
            {"number": ordinal_value(tok.text), "text": tok.text},
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


def _quote_drafts(
    doc: Doc, tracker: Any, base: int, sents: list[Span], found_quotes: list[Any]
) -> list[_Draft]:
    """Attributed direct quotes; unattributed follow-on quotes carry the last speaker."""
    drafts: list[_Draft] = []
    previous: tuple[str, int] | None = None  # (speaker, end) of the last attributed quote
    whole = doc_text(doc)
    opens_with_quote = whole.lstrip()[:1] in ("“", '"', "‘", "«")
    for quote in found_quotes:
        speaker, s_start, s_end = attribute(doc, quote.start, quote.end, tracker, base, sents)
        if not speaker and previous is not None and _continues(whole, previous[1], quote.start):
            speaker = previous[0]  # '"...," she said. "We will talk ..."': the same speaker goes on
        if (
            not speaker
            and previous is None
            and opens_with_quote
            and whole[: quote.start].strip() in ("“", '"', "‘", "«")
            and tracker.last_quote is not None
            and tracker.last_quote[1] == tracker.previous_unit
        ):
            speaker = tracker.last_quote[0]  # a follow-on quote paragraph: the speaker goes on
        if not speaker:
            previous = None
            continue
        previous = (speaker, quote.end)
        tracker.last_quote = (speaker, base, base + quote.start)
        text = literal_slice(doc, quote.start, quote.end)  # as the article has it
        short = text if len(text) <= 60 else text[:57].rstrip() + "…"
        span = doc.char_span(s_start, s_end, alignment_mode="expand") or doc[:]
        draft = _Draft(
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
        draft.speaker = speaker
        drafts.append(draft)
    return drafts


def _in_quotes(drafts: list[_Draft], quotes: list[_Draft]) -> None:
    """A number, date or rank inside an attributed quote is the speaker's: it is
    credited to them and its sentence is the quote's whole unit, attribution and all
    ('"We lost 300 jobs. I say that honestly," Lukashenko said.' is one unit, though
    the parser ends a sentence after "jobs")."""
    for d in drafts:
        quote = next((q for q in quotes if q.start <= d.start and d.end <= q.end), None)
        if quote is not None:
            d.speaker = quote.speaker
            d.sent_start = min(d.sent_start, quote.sent_start)
            d.sent_end = max(d.sent_end, quote.sent_end)


def _in_reports(sent: Span, drafts: list[_Draft], said: list[Report]) -> None:
    """A number inside a reported clause is its speaker's: "At least 14 people have
    died, Governor Ron DeSantis told reporters", "He said prices rose 59 percent" (the
    pronoun already resolved by the report). The innermost clause that holds the
    number wins; a direct quote's speaker, set before, is kept."""
    credited = [r for r in said if r.speaker]
    if not credited:
        return
    for d in drafts:
        if d.speaker:
            continue
        span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        holding = [
            r
            for r in credited
            if r.head.left_edge.i <= span.start and span.end - 1 <= r.head.right_edge.i
        ]
        if holding:
            inner = min(holding, key=lambda r: r.head.right_edge.i - r.head.left_edge.i)
            d.speaker = inner.speaker


def _note_last_said(tracker: Any, said: list[Report], base: int) -> None:
    """ "Tom Hardy said the plant would close." then a quote paragraph with no credit:
    a named speaker of a reported clause goes on into it, as a quote's speaker does."""
    for r in said:
        if r.speaker and r.verb is not None and not r.opinion and r.speaker[:1].isupper():
            at = base + r.verb.idx
            if tracker.last_quote is None or tracker.last_quote[2] < at:
                tracker.last_quote = (r.speaker, base, at)


def _source_count(sent: Span, d: _Draft, said: list[Report]) -> bool:
    """ "Two people familiar with the matter said ...", "one of the officials said",
    "three diplomats told Reuters": how many sources spoke is no fact to check."""
    if d.kind != "quantity":
        return False
    span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    return noun.dep_ == "nsubj" and any(
        r.verb is not None and noun.head.i == r.verb.i for r in said
    )


def _date_is_stated(sent: Span, d: _Draft) -> bool:
    """ "The final vote is on Tuesday": the weekday is what the sentence states."""
    span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return True
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and any(c.dep_ in ("acomp", "attr") for c in verb.children):
        return False  # "The streets were quiet on Sunday morning": the time of a scene
    return verb is None or verb.lemma_.lower() == "be"


def _periods(sent: Span, drafts: list[_Draft]) -> None:
    """Mark the ordinals that name the period of time of the sentence's statement ("In
    the third week of the strike, ..."): ``value["period"]`` and ``time_of``."""
    for d in drafts:
        if d.kind == "ordinal":
            found = period_of_time(sent, d.start, d.end)
            if found is not None:
                period, phrase, with_prep = found
                d.value.update(text=span_text(phrase), period=period, time_of=True)
                phrase = span_text(with_prep)  # what a number claim's label takes in
                if with_prep.start == sent.start and with_prep[0].pos_ != "PROPN":
                    phrase = phrase[:1].lower() + phrase[1:]  # "In the third week, ..."
                d.phrase = phrase


def _bare_weekday(value: Any) -> bool:
    """A weekday and nothing more ("on Monday"), not "Monday, March 3"."""
    return (
        isinstance(value, dict)
        and bool(value.get("weekday"))
        and not any(k in value for k in ("iso", "year", "month"))
    )


def _clock_time(value: Any) -> bool:
    """A time of day and nothing more ("6pm", "ten o'clock"), not "6pm on 3 March"."""
    return (
        isinstance(value, dict)
        and bool(value.get("time"))
        and not any(k in value for k in ("iso", "year", "month", "weekday"))
    )


def _other_claims(d: _Draft, drafts: list[_Draft], quotes: list[_Draft], sent: Span) -> bool:
    """Does the sentence hold a claim besides the date ``d`` and other dates: a number or
    a quote?"""
    if any(q.sent_start <= d.start < q.sent_end for q in quotes):
        return True
    return any(o is not d and o.kind != "date" for o in drafts)


def _fold_weekdays(
    sent: Span, drafts: list[_Draft], claims: list[Any], quotes: list[_Draft], folded: set
) -> None:
    """A bare weekday ("on Monday", "Monday's meeting") or a period named by an
    ordinal ("in the third week of the strike", ``_periods``) is the time of the
    sentence's fact, not a fact of its own: it goes into that claim's ``value["when"]``."""
    for d in drafts:
        if d.kind not in ("date", "ordinal") or (d.start, d.end) in folded:
            continue
        if d.kind == "ordinal" and not d.value.get("period"):
            continue
        if d.kind == "date" and not _bare_weekday(d.value) and not (
            _bare_weekday(d.value.get("from")) and _bare_weekday(d.value.get("to"))
        ):
            if _clock_time(d.value) and not claims and not _other_claims(d, drafts, quotes, sent):
                if scene_time(sent, d.start, d.end):
                    folded.add((d.start, d.end))  # "By 6pm, the corridors were deserted"
            continue
        host: dict[str, Any] | None = None
        number: _Draft | None = None
        if claims:
            host = min(claims, key=lambda c: abs(c.start - d.start)).value
        else:
            quote = next((q for q in quotes if q.sent_start <= d.start < q.sent_end), None)
            others = [o for o in drafts if o.kind in ("quantity", "money", "percent", "duration")]
            if quote is not None:
                host = quote.value
            elif others:
                number = min(others, key=lambda o: abs(o.start - d.start))
                host = number.value
        if host is not None and "when" not in host:
            host["when"] = {"text": d.anchor, **d.value}
            folded.add((d.start, d.end))
            if number is not None and d.phrase and host["when"]["text"] not in number.label:
                number.label = f"{number.label} {d.phrase}"  # "save $685 million in the first year"
        elif host is None and (d.value.get("time_of") or not _date_is_stated(sent, d)):
            folded.add((d.start, d.end))  # the time of something that is no claim


def _rank_baselines(sent: Span, drafts: list[_Draft], folded: set) -> None:
    """ "their fourth strike since June", "the third rise since 2019": the date a rank is
    counted from is part of the rank (its ``value["since"]``), not a claim of its own;
    likewise the span of time of "its first annual loss in 15 years" (``value["in"]``)."""
    ranks = [d for d in drafts if d.kind == "ordinal"]
    if not ranks:
        return
    doc = sent.doc
    for d in drafts:
        if d.kind not in ("date", "duration") or (d.start, d.end) in folded:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        for r in ranks:
            r_span = doc.char_span(r.start, r.end, alignment_mode="expand")
            if r_span is None:
                continue
            if d.kind == "date":
                if span.root.dep_ != "pobj" or span.root.head.lower_ != "since":
                    break
                key = "since"  # the ranked noun the "since" phrase hangs on
                held = r_span.root.head.i == span.root.head.head.i
            else:
                key, held = "in", r.end <= d.start and span_of_record(span, r_span.root)
            if held and key not in r.value:
                r.value[key] = {"text": d.anchor, **d.value}
                folded.add((d.start, d.end))
                if d.anchor not in r.label:  # "first annual loss in 15 years"
                    r.label = joined(r.label, doc[span.start - 1 : span.end].text)
                break


def _rate_label(label: str, ent: Span, per: str) -> str:
    """ "handles 90,000 passengers" -> "handles 90,000 passengers a day"; "$38 average"
    -> "$38 an hour average"."""
    doc = ent.doc
    i = ent.end
    while i < len(doc) and doc[i].lemma_.lower() != per:
        i += 1
    rate = doc[ent.start : i + 1].text  # "90,000 passengers a day"
    if rate in label or i >= len(doc):
        return label
    for k in range(i - 1, ent.end - 1, -1):
        upto = doc[ent.start : k].text  # "90,000 passengers", "140 litres" (of "per person")
        if label.endswith(upto):
            return label[: -len(upto)] + rate
    upto = doc[ent.start : i - 1].text
    if ent.text in label and upto == ent.text:
        return label.replace(ent.text, rate, 1)  # the rate right after the amount
    return label


def _fold_rates(drafts: list[_Draft]) -> list[_Draft]:
    """ "90,000 passengers a day": the "a day" is the rate of the amount (its
    ``value["per"]``), not a duration of its own."""
    rates = [d for d in drafts if d.value.get("per")]
    if not rates:
        return drafts
    out = []
    for d in drafts:
        words = d.anchor.lower().split()
        if d.kind == "duration" and len(words) == 2 and words[0] in ("a", "an", "per", "each"):
            if any(0 <= d.start - r.end < 60 and r.value["per"] in words[1] for r in rates):
                continue
        out.append(d)
    return out


def _unasserted(sent: Span, d: _Draft, said: list[Any]) -> bool:
    """A number, date, ordinal or event in a clause that asserts nothing (``nonclaims``)."""
    span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and unasserted(span.root, sent, said, d.kind)


def _draft_root(sent: Span, d: _Draft) -> Any:
    span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
    return None if span is None else span.root


def _about_unnamed_voice(sent: Span, d: _Draft) -> bool:
    """A number or date describing an unnamed speaker (``voices.about_unnamed_voice``)."""
    root = _draft_root(sent, d)
    return root is not None and about_unnamed_voice(root)


def _in_appeal(sent: Span, d: _Draft) -> bool:
    """A phone number or reference of an appeal to readers (``appeals.in_appeal``)."""
    root = _draft_root(sent, d)
    return root is not None and in_appeal(root)


def _scene_count(sent: Span, d: _Draft) -> bool:
    """A number that only pictures the scene ("packed six deep", ``scenes.scene_count``)."""
    root = _draft_root(sent, d) if d.kind in ("quantity", "duration") else None
    return root is not None and scene_count(root)


def _by_role(sent: Span, d: _Draft, said: list[Any], quotes: list[tuple[int, int]]) -> bool:
    """A number, date or ordinal of a sentence that states nothing by its role in the
    article (``discourse``: an unanswered request, "Here is what ...", "This article ...")."""
    span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
    reported = frozenset(r.head.i for r in said)
    quoted = any(a <= d.start and d.end <= b for a, b in quotes)
    return span is not None and by_role(span.root, sent, reported, quoted)


class _Sentence:
    """One sentence's worthiness and factual gate, read from one list of parse features
    (built once, and only when a claim of the sentence asks for either score)."""

    __slots__ = ("sent", "cache", "feats", "scorer")

    def __init__(self, sent: Span, cache: dict[tuple[int, int], float], scorer: Any) -> None:
        self.sent, self.cache = sent, cache
        self.scorer = scorer  # the worthiness scorer, or None (read once per doc)
        self.feats: list[str] | None = None

    def features(self) -> list[str]:
        if self.feats is None:
            self.feats = token_features(self.sent)
        return self.feats

    def worth(self) -> float:
        """The sentence's check-worthiness (kept in ``cache`` for the claims' scores)."""
        key = (self.sent.start, self.sent.end)
        if key not in self.cache:
            scorer = self.scorer
            if scorer.dense is None:
                score = scorer.score_features(self.features())
            else:  # a model with sentence vectors reads the text as well
                score = scorer.score_spans([self.sent])[0]
            self.cache[key] = round(float(score), 4)
        return self.cache[key]

    def nonfactual(self) -> float | None:
        """The factual gate's probability that the sentence states nothing checkable
        (None without a gate model)."""
        gate = load_gate()
        if gate is None:
            return None
        p = gate.score_features(gate_features(self.sent, self.features()))
        if self.scorer is not None:
            self.worth()  # its claims are scored from the same features
        return p


def _gate(
    scores: _Sentence, drafts: list[_Draft], claims: list[Any], quotes: list[Any],
    unnamed: list[Any], named: list[Any] | None = None,
) -> bool:
    """Apply the factual gate to one sentence's claims (in place); True when it vetoes
    them all. A sentence it is sure of loses every claim; one it doubts loses the
    statements with nothing but a name or an actor to them (``Statement.weak``), and a
    date, duration, ordinal or event standing alone (no statement, number or quote).
    ``unnamed``: the sentence's quotes credited to someone unnamed ("said one fan"); it
    is emptied unless the gate is sure enough (``QUOTE_VETO``) to drop them too; ``named``:
    the quotes of named speakers that lie wholly in the sentence, emptied unless the gate
    is sure the sentence is nothing but feeling or opinion (``NAMED_QUOTE_VETO``)."""
    named = [] if named is None else named
    p = scores.nonfactual()
    if p is None:
        unnamed.clear()
        named.clear()
        return False
    if p < QUOTE_VETO:
        unnamed.clear()
    if p < NAMED_QUOTE_VETO:
        named.clear()
    if p >= VETO:
        return True
    if p >= WEAK_VETO:
        claims[:] = [st for st in claims if not st.weak]
    dropped = {id(q) for q in unnamed} | {id(q) for q in named}
    kept = [q for q in quotes if id(q) not in dropped]  # an unnamed voice's quote goes
    if p >= ALONE_VETO and not kept and not [st for st in claims if not st.silent]:
        if all(minor(d.kind, d.anchor) for d in drafts):
            drafts.clear()
    return False


def _outside(
    spans: list[tuple[int, int]], drafts: list[_Draft], claims: list[Any]
) -> tuple[list[_Draft], list[Any]]:
    """The drafts and statements that start in none of ``spans``."""
    if not spans:
        return drafts, claims

    def out(start: int) -> bool:
        return not any(a <= start < b for a, b in spans)

    return [d for d in drafts if out(d.start)], [st for st in claims if out(st.start)]


def _says_nothing(doc: Doc, quote: Covered) -> bool:
    """A quote that makes no claim: vox-pop of a member of the public with no name ("said
    one clearing agent", "the woman said", and what the same speaker goes on to say), or
    quoted words that are only reaction (``quote_claims.says_nothing``: "I don't know
    what to say," "Please do the right thing.")."""
    if public_speaker(quote.speaker):
        return vox_pop_nothing(doc, quote.start, quote.end)
    return says_nothing(doc, quote.start, quote.end)


def _worth(sent: _Sentence) -> Callable[[], float] | None:
    """The sentence's check-worthiness, computed only when asked for."""
    return None if sent.scorer is None else sent.worth


def _doc_drafts(
    doc: Doc,
    tracker: Any,
    base: int,
    scorer: Any,
    worth: dict[tuple[int, int], float] | None = None,
) -> Iterator[_Draft]:
    """The drafts of one doc; ``scorer``: the worthiness scorer (or None), resolved once
    for the run."""
    sents = list(doc.sents)
    for sent in sents:
        tracker.observe(sent, base)
    # the reported clauses first: a speaker they name ("Rourke, 62, said she had ...") is
    # there for the "she said" of a quote later in the paragraph (names are noted by place)
    said_in = [reports(sent, tracker, base) for sent in sents]
    whole = doc_text(doc)
    found_quotes = list(find_quotes(whole))
    quotes = _quote_drafts(doc, tracker, base, sents, found_quotes)
    quote_spans = [Covered("quote", q.start, q.end, speaker=q.speaker) for q in quotes]
    all_quotes = [(q.start, q.end) for q in found_quotes]
    folded: set[tuple[int, int]] = set()
    vox: list[Covered] = []  # vox-pop quotes folded so far
    for sent, said in zip(sents, said_in, strict=True):
        covered: list[tuple[int, int]] = []
        drafts: list[_Draft] = []
        for ent in repair_entities(sent):
            kind_value = classify(ent)
            if kind_value is None:
                continue
            kind, value = kind_value
            covered.append((ent.start_char, ent.end_char))
            label = label_for(ent, kind)
            if value.get("per"):
                label = _rate_label(label, ent, value["per"])
            elif kind in ("quantity", "money"):
                unit = per_unit(ent)
                if unit:
                    label = _rate_label(label, ent, unit)  # "spends $1,200 per head on"
            end, text = ent.end_char, ent.text
            if text.endswith(".") and ent[-1].lower_[:-1] in SCALE_SUFFIXES:
                end, text = end - 1, text[:-1]  # "£40m." ending the sentence: the stop is not
                if value.get("text", "").endswith("."):  # part of the amount
                    value["text"] = value["text"][:-1]
            drafts.append(_Draft(kind, ent.start_char, end, text, sent, label, value))
        drafts = _fold_rates(drafts)
        drafts.extend(_ordinal_drafts(sent, covered))
        drafts.extend(_event_drafts(sent, covered))
        if drafts:
            drafts = outside_idioms(sent, drafts)
            drafts = [
                d for d in drafts if d.kind != "ordinal" or not own_time(sent, d.start, d.end)
            ]
            _periods(sent, drafts)
        _note_last_said(tracker, said, base)
        if drafts and said:
            drafts = [d for d in drafts if not _source_count(sent, d, said)]
        if drafts and may_unassert(sent):
            drafts = [d for d in drafts if not _unasserted(sent, d, said)]
        if drafts and said:
            drafts = [d for d in drafts if not _about_unnamed_voice(sent, d)]
        if drafts and may_appeal(sent):
            drafts = [d for d in drafts if not _in_appeal(sent, d)]
        if drafts and may_be_scene(sent):
            drafts = [d for d in drafts if not _scene_count(sent, d)]
        if drafts and may_be_role(sent):
            drafts = [d for d in drafts if not _by_role(sent, d, said, all_quotes)]
        found = [Covered(d.kind, d.start, d.end, d.value) for d in drafts]
        in_sent = [q for q in quote_spans if sent.start_char <= q.start < sent.end_char]
        scores = _Sentence(sent, worth if worth is not None else {}, scorer)
        claims = statements(sent, said, found, in_sent, all_quotes, _worth(scores))
        claims.extend(attach_records(sent, claims, drafts, said, all_quotes))
        unnamed = unnamed_quotes(sent, in_sent) if in_sent else []
        named = own_quotes(sent, in_sent, unnamed) if in_sent and NAMED_QUOTE_VETO <= 1 else []
        if (drafts or claims) and teaser(sent):
            drafts, claims = [], []  # "Here are five things to watch": the article's own list
        if (drafts or claims or unnamed or named) and _gate(
            scores, drafts, claims, in_sent, unnamed, named
        ):
            drafts, claims = [], []  # the factual gate: the sentence states nothing checkable
        folded.update((q.start, q.end) for q in unnamed)  # "said one fan": no named source
        folded.update((q.start, q.end) for q in named)  # '"It's a disgrace," said X': a view
        for q in in_sent:
            if _says_nothing(doc, q):
                folded.add((q.start, q.end))
                if public_speaker(q.speaker):
                    vox.append(q)
        for q in vox:  # what the credit tells of the speaker (its sentence may be the next)
            if q.start < sent.end_char and sent.start_char <= q.end + 3:
                drafts, claims = _outside(credit_colour(sent, q.start, q.end), drafts, claims)
        for st in claims:
            folded.update(st.folds)
        claims = [st for st in claims if not st.silent]
        _fold_weekdays(sent, drafts, claims, quotes, folded)
        _rank_baselines(sent, drafts, folded)
        hold_baselines(sent, drafts, folded)
        hold_level_times(sent, drafts, folded)
        drafts = [d for d in drafts if (d.start, d.end) not in folded]
        for d in drafts:
            if d.kind in ("quantity", "money", "percent", "duration"):
                d.claim_type = "quantity"
        _in_quotes(drafts, quotes)
        _in_reports(sent, drafts, said)
        yield from drafts
        for st in claims:
            draft = _Draft(
                "statement", st.start, st.end, whole[st.start : st.end], sent, st.label, st.value
            )
            draft.claim_type, draft.speaker = st.claim_type, st.speaker
            draft.clause = doc.char_span(st.start, st.end, alignment_mode="expand")
            if draft.speaker is None and draft.clause is not None and speech_act(draft.clause.root):
                # "Rwanda denies supporting the group": the subject's own words
                draft.speaker = act_speaker(draft.clause.root, tracker, base)
            yield draft
    yield from (q for q in quotes if (q.start, q.end) not in folded)
    tracker.previous_unit = base


class Extractor:
    """Turns articles into claims with one spaCy pipeline (loaded lazily).

    ``rank``: mix the claims' worthiness with the sentence encoder's head (``worthiness/
    strong.py``) where the encoder is installed (a default dependency): the ranking step,
    one encoder batch per parsed doc holding only the sentences and clauses that have
    claims, after their claims are extracted (the gates read the parse model's scores, so
    which claims are extracted does not depend on it). Every command ranks, so a claim
    carries the score ``workbench score`` gives its sentence. ``rank=False`` leaves the
    parse model's scores: only ``bench/extract_bench.py`` uses it, to measure extraction
    apart from the ranking (which it measures on a line of its own)."""

    def __init__(
        self,
        model: str | None = None,
        *,
        nlp: Language | None = None,
        score: bool = True,
        consistency: bool = True,
        rank: bool = True,
    ) -> None:
        self.model = model
        self._nlp = nlp
        self.score = score
        self.consistency = consistency
        self.rank = rank

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .pipeline import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp

    def claims(
        self,
        article: Article,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> list[Claim]:
        return next(iter(self.claims_many([article], progress=progress, cancel=cancel)))

    def claims_many(
        self,
        articles: Iterable[Article],
        progress: Progress | None = None,
        n_process: int = 1,
        cancel: threading.Event | None = None,
    ) -> Iterator[list[Claim]]:
        """Claims of each article, in order; all articles go through one ``nlp.pipe``.

        ``progress(done, total)`` counts prose units (paragraphs), so one big article
        shows progress too; ``cancel`` (an Event) stops the run with "cancelled".
        """
        from ..errors import WorkbenchError

        articles = list(articles)
        all_units = [
            (u.text if unmarked is None else unmarked.text, (i, u, unmarked))
            for i, a in enumerate(articles)
            for u in prose_units(a.text)
            for unmarked in (unmark(u.text),)  # the parser reads no markup tags
        ]
        total = len(all_units)
        step = max(1, total // 200)
        if progress:
            progress(0, total)

        def units() -> Iterator[tuple[str, tuple[int, Unit, Unmarked | None]]]:
            for item in all_units:
                if cancel is not None and cancel.is_set():
                    raise WorkbenchError("cancelled")
                yield item

        current: int = 0
        records: list[_Record] = []
        mentions: list[dict[str, Any]] = []
        sentences: list[tuple[int, int]] = []
        tracker = SpeakerTracker()
        done = 0
        models: tuple[Any, Any] | None = None  # the scorer and the fusion, for the run
        stream = self.nlp.pipe(units(), as_tuples=True, batch_size=_BATCH, n_process=n_process)
        for spacy_doc, (index, unit, unmarked) in stream:
            doc = parsed(spacy_doc, unit.text if unmarked is None else unmarked.text)
            if unmarked is not None:  # offsets, quotes and entities as the article has them
                doc.user_data[UNMARKED] = (unmarked, unit.text)
            repair_parse(doc)
            if models is None:  # resolved once (each lookup reads the environment)
                models = (_load_scorer(), load_fusion() if self.score and self.rank else None)
            done += 1
            if progress and (done % step == 0 or done == total):
                progress(done, total)
            while index > current:
                yield self._finish(articles[current], records, mentions, sentences)
                current += 1
                records, mentions, sentences, tracker = [], [], [], SpeakerTracker()
            records.extend(self._records(doc, tracker, unit.start, *models))
            if self.consistency:
                start, end = unit_offsets(doc)
                sentences.extend(
                    (unit.start + start(s.start_char), unit.start + end(s.end_char))
                    for s in doc.sents
                )
                names = [e for e in doc_ents(doc) if e.label_ in NAME_LABELS]
                mentions.extend(_entities(doc, names, unit.start))
            release(doc)  # the records are plain data: the tokens can go
        while current < len(articles):
            yield self._finish(articles[current], records, mentions, sentences)
            current += 1
            records, mentions, sentences = [], [], []

    def _records(
        self, doc: Parsed, tracker: Any, base: int, scorer: Any, fusion: Any
    ) -> list[_Record]:
        """Drafts of one doc turned into plain records (the doc can then be freed);
        ``scorer``, ``fusion``: the worthiness scorer and the encoder's fusion (or None:
        not installed, switched off, or ``rank=False``)."""
        worth: dict[tuple[int, int], float] = {}
        drafts = list(_doc_drafts(doc, tracker, base, scorer, worth))
        # one score and one entity list per sentence, shared by its claims (bounded work)
        spans = {(d.span.start, d.span.end): d.span for d in drafts}
        entities_of = {k: _sentence_entities(span, base) for k, span in spans.items()}
        for d in drafts:
            if d.clause is not None:
                spans.setdefault((d.clause.start, d.clause.end), d.clause)
        keys = [k for k in spans if k not in worth]  # sentences the statement gate scored
        scores = (
            self._scores([spans[k] for k in keys], scorer) if self.score else [None] * len(keys)
        )
        score_of: dict[tuple[int, int], float | None] = dict(zip(keys, scores, strict=True))
        score_of.update((k, worth[k] if self.score else None) for k in spans if k in worth)
        if fusion is not None and score_of:  # ranking: the claims' sentences mixed
            keys = list(score_of)  # with the encoder
            texts = [span_text(spans[k]) for k in keys]
            mix = mixed(texts, [score_of[k] for k in keys], fusion)
            score_of = dict(zip(keys, mix, strict=True))

        def score(d: _Draft) -> float | None:
            whole = score_of[(d.span.start, d.span.end)]
            if d.clause is None or whole is None:
                return whole
            own = score_of[(d.clause.start, d.clause.end)]  # a statement: its clause and
            return None if own is None else round((whole + own) / 2, 4)  # its sentence

        start, end = unit_offsets(doc)
        return [
            _Record(
                d.kind,
                base + start(d.start),
                base + end(d.end),
                base + start(d.sent_start),
                base + end(d.sent_end),
                d.label,
                d.value,
                entities_of[(d.span.start, d.span.end)],
                score(d),
                d.claim_type,
                d.speaker,
            )
            for d in drafts
        ]

    def _finish(
        self,
        article: Article,
        records: list[_Record],
        mentions: list[dict[str, Any]],
        sentences: list[tuple[int, int]],
    ) -> list[Claim]:
        text = article.text
        sentences_text: dict[tuple[int, int], str] = {}
        seen: dict[tuple[str, str, str], int] = {}
        claims: list[Claim] = []
        for r in sorted(records, key=lambda r: (r.start, r.kind)):
            anchor = text[r.start : r.end]
            bounds = (r.sent_start, r.sent_end)
            sentence = sentences_text.get(bounds)
            if sentence is None:  # one string per sentence, shared by its claims
                sentence = sentences_text[bounds] = text[r.sent_start : r.sent_end]
            key = (r.kind, anchor, id_sentence(sentence))  # not the raw sentence
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
                    claim_type=r.claim_type,
                    speaker=r.speaker,
                )
            )
        if self.consistency:
            claims.extend(self._consistency(article, mentions, claims, sentences))
        return claims

    def _scores(self, spans: list[Span], scorer: Any) -> list[float | None]:
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
        from .consistency import find_inconsistencies

        return find_inconsistencies(article, mentions, claims, sentences)


def _load_scorer() -> Any:
    """The check-worthiness scorer, or None when its model file is missing."""
    from .worthiness import load_scorer

    return load_scorer()


_extractors: dict[str | None, Extractor] = {}


def get_extractor(model: str | None = None) -> Extractor:
    """The process-wide extractor for ``model`` (the pipeline is loaded once)."""
    if model not in _extractors:
        _extractors[model] = Extractor(model)
    return _extractors[model]


def extract_claims(
    article: Article,
    model: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> list[Claim]:
    """The claims of one article (loads spaCy on first use; ModelError if none)."""
    return get_extractor(model).claims(article, progress=progress, cancel=cancel)


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
