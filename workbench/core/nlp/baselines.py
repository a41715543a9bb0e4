"""What a change in amount is measured against: "up 30% from last year", "12% more than
in July 2019", "fell 8% compared with a year earlier", "a 25% increase on 2023", "have
risen 40% since 2020", "48% below 1990 levels", "rose 6% year on year".

One fact, one claim: the baseline is part of the change claim (its ``value["from"]``, or
``value["since"]`` for "since"), not a date claim of its own. Read from the parse: the
amount's change head (a change word or comparative it measures, the verb it is the
measure of, the noun it counts), a baseline phrase on that head whose object is a period
of time (a DATE entity), and the date claim inside it, if any. Imported only by
extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .lexicon import CHANGE_WORDS, TIME_UNITS, WEEKDAYS
from .parse_repairs import period_on_period

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

_BASE_PREPS = frozenset(
    {"from", "on", "than", "since", "compared", "versus", "vs", "vs.", "against"}
)
"""Words that open a baseline: "up 30% from", "6% lower than", "compared with/to"."""
_NOUN_PREPS = _BASE_PREPS - {"from", "since"}
"""On a noun only these: "a 5% pay rise from April" starts in April, it is no baseline."""
_COMPARISONS = frozenset({"above", "below"})
_CHANGE_VERBS = frozenset({"lose", "gain", "shed", "add"})
"""Verbs whose object is the change itself ("lost 8% of its value", "added 2%")."""
_AMOUNTS = frozenset({"quantity", "money", "percent"})


def _change_head(root: Token) -> tuple[Token, str] | None:
    """What the amount measures: ("up", "word") for "up 30%", ("rose", "verb") for
    "rose 5%" / "rose by 5%", ("increase", "noun") for "a 25% increase". Not the new
    level of "tripled since June to 95 euros": the baseline is the tripling's, a
    statement of its own, and the date stays a claim."""
    head = root.head
    if (
        root.dep_ in ("nummod", "compound")
        and head.dep_ == "npadvmod"
        and head.i > root.i
        and _change_word(head.head)
    ):
        root, head = head, head.head  # "down five points on 2019": the points measure it
    if root.dep_ == "npadvmod":
        if _change_word(head):
            return head, "word"
        if head.pos_ == "VERB":
            return head, "verb"
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB":
        return head.head, "verb"
    if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _CHANGE_VERBS:
        return head, "verb"  # "have lost almost a third of their value since January"
    if root.dep_ in ("nummod", "compound") and head.pos_ == "NOUN" and head.i > root.i:
        if head.ent_type_ != "DATE":  # "rose 7% year on year": no noun of change
            return head, "noun"
    return None


def _change_word(tok: Token) -> bool:
    return tok.lower_ in CHANGE_WORDS | _COMPARISONS or tok.tag_ in ("JJR", "RBR")


def _relative(tok: Token) -> bool:
    """ "a year before", "two months earlier": a time counted back, which the tagger
    does not always make a DATE."""
    return tok.lower_ in ("before", "earlier", "ago") and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in TIME_UNITS for c in tok.children
    )


def _time_token(tok: Token, depth: int = 0) -> Token | None:
    """The DATE token a baseline phrase is about: "from 2023", "than in the same week of
    2023", "compared with a year earlier", "than they were in 2019", "below 1990 levels"."""
    for c in tok.children:
        if c.dep_ in ("pobj", "pcomp"):
            if c.ent_type_ == "DATE" or _relative(c):
                return c
            for left in c.lefts:  # "1990 levels"
                if left.ent_type_ == "DATE" and left.dep_ in ("nummod", "compound", "amod"):
                    return left
        if depth == 0 and c.dep_ in ("prep", "pcomp", "pobj"):
            found = _time_token(c, 1)
            if found is not None:
                return found
    return None


def _opener(c: Token) -> str | None:
    """The baseline word a child of the change head opens with, or None."""
    if c.dep_ in ("prep", "advcl", "acl", "advmod") and c.lower_ in _BASE_PREPS:
        return c.lower_
    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "than" for m in c.children):
        return "than"  # "25% higher than they were in 2019"
    return None


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _ent_of(tok: Token, sent: Span) -> Span | None:
    """The period the token names: its DATE entity, or a time counted back."""
    if tok.ent_type_ != "DATE":
        return sent.doc[tok.left_edge.i : tok.i + 1]  # "a year before"
    return next((e for e in sent.ents if e.start <= tok.i < e.end), None)


def _a_day(ent: Span, draft: Any) -> bool:
    """A weekday or a day of the month ("on Monday", "on 3 March"): the time of an
    event, never what a change is measured against."""
    value = draft.value if draft is not None else {}
    if value.get("weekday") or value.get("day") or value.get("time"):
        return True
    return any(t.lower_ in WEEKDAYS or t.lemma_.lower() in ("day", "today") for t in ent)


def _phrases(head: Token, kind: str, after: int) -> list[tuple[Token, str]]:
    """The baseline phrases on the change head (and, for a change word, on the verb it
    modifies, after the amount: "Burglaries are down a third on 2019")."""
    owners = [head]
    if kind == "word" and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i:
        owners.append(head.head)
    out = [(head, "from")] if kind == "word" and head.lower_ in _COMPARISONS else []
    for owner in owners:
        for c in owner.children:
            word = _opener(c)
            if word is None or (owner is not head and c.i < after):
                continue
            if kind == "noun" and word not in _NOUN_PREPS:
                continue
            if word == "from" and owner.pos_ in ("VERB", "AUX") and _future(owner):
                continue  # "will rise 5% from January": when it starts
            out.append((c, word))
    return out


def hold_baselines(sent: Span, drafts: list[Any], folded: set[tuple[int, int]]) -> None:
    """Put each change's baseline into its amount claim's value (``from`` or ``since``);
    a date claim inside the baseline goes into ``folded`` (no claim of its own)."""
    amounts = [d for d in drafts if d.kind in _AMOUNTS]
    if not amounts:
        return
    doc = sent.doc
    heads = []
    for d in amounts:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        found = _change_head(span.root) if span is not None else None
        if found is not None:
            heads.append((d, span, *found))
    taken: set[int] = set()
    for d, span, head, kind in heads:
        idiom = period_on_period(doc, span.end) if span.end < sent.end else None
        if idiom is not None and idiom <= sent.end and "from" not in d.value:
            phrase = doc[span.end : idiom].text  # "rose 6% year on year": the same period before
            d.value["from"] = {"text": phrase}
            taken.update(range(span.end, idiom))
            if phrase not in d.label:
                d.label = joined(d.label, phrase)
        for opener, word in _phrases(head, kind, span.root.i):
            key = "since" if word == "since" else "from"
            if opener.i in taken or key in d.value:
                continue
            tok = _time_token(opener)
            ent = _ent_of(tok, sent) if tok is not None else None
            if ent is None:
                continue
            date = next(
                (
                    o
                    for o in drafts
                    if o.kind in ("date", "duration")
                    and o.start < ent.end_char
                    and ent.start_char < o.end
                ),
                None,
            )
            if date is not None and (date.kind == "duration" or "from" in date.value):
                continue  # "over five years", "from 2015 to 2020": a span, no baseline
            if _a_day(ent, date):
                continue
            taken.add(opener.i)
            if date is None:
                d.value[key] = {"text": ent.text}
            else:
                held = {k: v for k, v in date.value.items() if k != "time_of"}
                d.value[key] = {"text": date.anchor, **held}
                folded.add((date.start, date.end))
            phrase = doc[opener.left_edge.i : max(opener.i, ent.end - 1) + 1].text
            if ent.text not in d.label and span.text in d.label:
                d.label = joined(d.label, phrase)  # "fell 8% ... compared with a year earlier"


def hold_level_times(sent: Span, drafts: list[Any], folded: set[tuple[int, int]]) -> None:
    """ "fell to 4.2%, down from 4.5% in 2023", "up from 900,000 barrels a day in 2023":
    the date is the time of the earlier level (its ``value["when"]``), no claim of its own."""
    doc = sent.doc
    for d in drafts:
        if d.kind not in _AMOUNTS or "when" in d.value:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        prep = span.root.head if span is not None and span.root.dep_ == "pobj" else None
        if (
            prep is None
            or prep.lower_ != "from"
            or not (_change_word(prep.head) or prep.head.pos_ == "VERB")
        ):
            continue
        for c in [*prep.children, *span.root.children]:  # on "from" or on the level
            tok = _time_token(c) if c.dep_ == "prep" and c.lower_ == "in" else None
            ent = _ent_of(tok, sent) if tok is not None else None
            date = next(
                (
                    o
                    for o in drafts
                    if o.kind == "date"
                    and ent is not None
                    and o.start < ent.end_char
                    and ent.start_char < o.end
                ),
                None,
            )
            if date is not None and (date.start, date.end) not in folded:
                d.value["when"] = {"text": date.anchor, **date.value}
                folded.add((date.start, date.end))
                if date.anchor not in d.label and span.text in d.label:
                    d.label = joined(d.label, f"{c.text} {date.anchor}")
                break


def joined(label: str, phrase: str) -> str:
    """The label with the baseline phrase after it, words it already ends with not
    repeated ("... 60% higher than two years" + "than two years ago")."""
    words = phrase.split()
    for k in range(len(words) - 1, 0, -1):
        tail = " ".join(words[:k])
        if label.endswith(" " + tail):
            return label[: -len(tail)] + phrase
    return f"{label} {phrase}"


def span_of_record(duration: Span, cue: Token, verb: Token | None = None) -> bool:
    """Is the span of time a record holds over ("the first time in two years", "its
    highest level in 40 years", "the strongest to hit the island in 30 years", "its first
    annual loss in 15 years")? The duration is the object of "in"/"for" hung on the
    record word, the noun it ranks or a clause on it, or on the verb right after the
    ranked noun's phrase (the parser's usual attachment). ``verb``: the verb that
    asserts the record, beyond which the phrase is not the record's."""
    prep = duration.root.head
    if duration.root.dep_ != "pobj" or prep.lower_ not in ("in", "for"):
        return False
    noun = cue.head
    for a in prep.ancestors:
        if a.i in (cue.i, noun.i):
            return True
        if a.i == noun.head.i and noun.dep_ in ("dobj", "attr") and prep.i == noun.right_edge.i + 1:
            return True  # "reached its highest level in 40 years"
        if (verb is not None and a.i == verb.i) or a.pos_ in ("VERB", "AUX") and a.i < cue.i:
            return False
    return False
