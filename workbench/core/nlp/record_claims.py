"""Record claims: the phrase and clause of each record cue (``records.py``), and the
extraction hook that makes them claims.

``record_phrases`` gives, for one sentence, the phrase of each record with the clause
that asserts it (subject and predicate where they sit together, the predicate where
they do not, the noun phrase alone for an apposition), its label and claim type.
``attach`` tags the claim that already holds a record (a statement, an ordinal "the
first woman to ...", a number "only four"), or adds a statement claim where no claim
does: one fact, one claim. A record inside a direct quote is the quote's; a hedged one
("could be the biggest") makes none. Imported only by extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .baselines import span_of_record
from .discourse import denied_rank
from .doc_cache import span_text
from .labels import clause_core
from .records import OUTCOME_HEADS, QUANTITY_ADJECTIVES, QUANTITY_HEADS, TAG, _noun_phrase, is_cue
from .scenes import sensed

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

_HEDGES = frozenset({"could", "might", "may", "would", "should"})
_HEDGE_WORDS = frozenset(
    "perhaps maybe possibly probably presumably arguably supposedly hopefully".split()
)
_VIEW_VERBS = frozenset({"think", "believe", "feel", "hope", "wish", "guess", "suppose"})
_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT"})


# ----------------------------------------------------------------- phrases


@dataclass
class RecordPhrase:
    """A record found in a sentence: doc char offsets of its clause, of its cue, the
    verb that asserts it (None for a noun phrase alone), its label and claim type."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    verb: Token | None
    label: str
    claim_type: str
    cue: Token
    side: bool = False  # an apposition or a relative clause on a name: a fact of its
    # own ("Rotterdam, Europe's busiest port, handled ...")
    speaker: str | None = None  # who characterised it ("in what organisers called ...")


def _ranks_the_doer(rec: RecordPhrase) -> bool:
    """ "Skarva's largest shareholder, the Lindgren family, has agreed to back the
    offer": the record only says who acts; the claim is the act, not an amount."""
    verb = rec.verb
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() in ("be", "become", "remain"):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.left_edge.i <= rec.cue.i <= subj.right_edge.i


def _clause_verb(tok: Token) -> Token | None:
    node = tok
    while node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            return node
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _kept(tok: Token, drop_after: int) -> list[Token]:
    """The subtree of ``tok`` without clauses hung on it after a comma."""
    out = [tok]
    doc = tok.doc
    for c in tok.children:
        if c.dep_ in ("punct", "cc"):
            continue
        if c.dep_ in ("appos", "conj", "parataxis") and c.i > tok.i:
            continue
        if c.dep_ in ("relcl", "acl", "advcl") and c.left_edge.i > 0:
            if doc[c.left_edge.i - 1].text in (",", "—", "–", "(") and c.i > drop_after:
                continue
        out.extend(_kept(c, drop_after))
    return out


_SIDE = frozenset({"advcl", "ccomp", "parataxis", "punct", "mark", "cc", "conj", "dep", "intj"})


def _clause_tokens(verb: Token, cue: Token) -> list[Token]:
    """Subject + predicate of the clause ``verb`` heads, without its side clauses."""
    out = [verb]
    for c in verb.children:
        if c.dep_ in _SIDE and not (c.left_edge.i <= cue.i <= c.right_edge.i):
            continue
        if c.dep_ in ("nsubj", "nsubjpass") and c.right_edge.i - c.left_edge.i > 10:
            continue
        if c.lower_ == "according":
            continue
        if c.dep_ in ("npadvmod", "advmod", "prep") and c.i < verb.i and c.i < cue.i:
            if not any(s.dep_ in ("nsubj", "nsubjpass") and s.i < c.i for s in verb.children):
                continue  # "So far, ...", "In 2019 ..."
        out.extend(_kept(c, cue.i))
    return out


def _predicate_tokens(np: Token, verb: Token, cue: Token) -> list[Token]:
    """The verb, what sits between it and the record phrase, the phrase, and the
    verb's subject when it stands right before it."""
    doc = np.doc
    out = _kept(np, cue.i)
    lo = min(t.i for t in out)
    hi = max(t.i for t in out)
    # qualifiers hung on the verb right after the phrase: "the lowest since records began"
    for c in verb.children:
        if c.i > hi and c.dep_ in ("prep", "advmod", "advcl", "npadvmod"):
            first = c.left_edge
            if first.i == hi + 1 and (
                first.lower_ in ("since", "ever", "yet", "in", "on", "for", "of", "outside")
            ):
                sub = _kept(c, cue.i)
                out.extend(sub)
                hi = max(t.i for t in sub)
    start = min(verb.i, lo)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    if aux:
        start = min(start, min(a.i for a in aux))
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and subj.i < start and subj.lower_ not in ("who", "which", "that"):
        edge = subj.right_edge.i
        between = doc[edge + 1 : start]
        if all(t.dep_ in ("advmod", "aux", "neg", "auxpass") for t in between) and (
            subj.right_edge.i - subj.left_edge.i <= 10
        ):
            start = subj.left_edge.i
    return [t for t in doc[start : max(hi, verb.i) + 1]]


def _trim(tokens: list[Token]) -> tuple[Token, Token] | None:
    if not tokens:
        return None
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and (ordered[0].is_punct or ordered[0].dep_ in ("cc", "mark")):
        ordered.pop(0)
    while ordered and (
        (ordered[-1].is_punct and ordered[-1].text != "%") or ordered[-1].dep_ == "cc"
    ):  # "8%": the sign is part of the number
        ordered.pop()
    if not ordered:
        return None
    return ordered[0], ordered[-1]


def _render(first: Token, last: Token) -> str:
    text = first.doc[first.i : last.i + 1].text
    return re.sub(r"\s+", " ", text).strip(" ,;:-–—")


MAX_LABEL_WORDS = 16


def _subject(verb: Token) -> Token | None:
    """The verb's subject, inherited by a conjoined verb ("carries ... and is ...")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and verb.dep_ == "conj":
        return _subject(verb.head)
    return subj


def _label(first: Token, last: Token, np: Token, verb: Token | None) -> str:
    """The clause when short; else subject + verb + the record phrase. A predicate
    whose subject sits elsewhere gets it in front ("the Rhine is Europe's busiest ...")."""
    text = _render(first, last)
    subj = _subject(verb) if verb is not None else None
    if (
        subj is not None
        and not first.i <= subj.i <= last.i
        and first.i >= verb.i - 2
        and subj.lower_ not in ("who", "which", "that")
    ):
        text = f"{_compact(subj)} {text}"
    words = text.split()
    if len(words) > MAX_LABEL_WORDS:
        phrase = _trim(_kept(np, np.i))
        core = _render(*phrase) if phrase else np.text
        lead = ""
        if (
            subj is not None
            and verb is not None
            and subj.i < verb.i < np.i
            and np.dep_ == "pobj"
            and np.head.head.i == verb.i
            and subj.lower_ not in ("who", "which", "that")
        ):  # "Tens of thousands took to the streets ... in the largest protest in years"
            lead = f"{clause_core(subj, verb, np.head.i)} {np.head.text}"
        elif subj is not None and subj.lower_ not in ("who", "which", "that"):
            lead = _compact(subj)
            if verb is not None and verb.i < np.i:
                lead += " " + verb.text
        text = f"{lead} {core}".strip()
        words = text.split()
        if len(words) > MAX_LABEL_WORDS:
            text = " ".join(words[:MAX_LABEL_WORDS]) + "…"
    if text[:1].isupper() and first.pos_ != "PROPN" and not first.ent_type_:
        if not (len(text) > 1 and text[1].isupper()):
            text = text[0].lower() + text[1:]
    return text


def _compact(noun: Token) -> str:
    toks = [
        t
        for t in noun.subtree
        if t.i == noun.i
        or (t.head.i == noun.i and t.dep_ in ("det", "compound", "amod", "poss", "nummod"))
        or (t.head.dep_ in ("compound", "poss") and t.dep_ in ("compound", "case"))
    ]
    toks = sorted(
        {t.i: t for t in toks if t.i < noun.i or t.i == noun.i}.values(), key=lambda t: t.i
    )
    return noun.doc[toks[0].i : noun.i + 1].text if toks else noun.text


def _side_label(np: Token, verb: Token | None, first: Token, last: Token) -> str:
    """ "Rotterdam is Europe's busiest port" for "Rotterdam, Europe's busiest port, ...";
    "unemployment rose to 5.2%, its highest level in three years" for a number's."""
    phrase = _render(first, last)
    if verb is not None:  # "The president, who is the youngest ...": the president is ...
        text = f"{_compact(verb.head)} {phrase}"
    else:
        host = np.head
        numeric = host.like_num or host.ent_type_ in (
            "PERCENT",
            "MONEY",
            "QUANTITY",
            "CARDINAL",
            "DATE",
            "TIME",
        )  # "fell to 5.1% (on Wednesday), the lowest on record": the clause it ranks
        if numeric:
            clause = next((a for a in host.ancestors if a.pos_ in ("VERB", "AUX")), None)
            subj = None
            if clause is not None:
                subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            start = subj.left_edge if subj is not None else host
            whole = _render(start, last)
            text = whole if len(whole.split()) <= MAX_LABEL_WORDS else phrase
        else:
            text = f"{_compact(host)} is {phrase}"
    words = text.split()
    if len(words) > MAX_LABEL_WORDS:
        text = " ".join(words[:MAX_LABEL_WORDS]) + "…"
    if text[:1].isupper() and not (len(text) > 1 and text[1].isupper()):
        lead = text.split()[0]
        if not any(t.text == lead and (t.pos_ == "PROPN" or t.ent_type_) for t in np.doc):
            text = text[0].lower() + text[1:]
    return text


def _ranked_clause(np: Token) -> Token | None:
    """ "Deaths rose to 107,000 last year, the most since 1992", "Thousands rallied on
    Saturday, the largest protest since 2019": a record phrase set after a comma on a
    clause (the parser's npadvmod of its verb) ranks that clause's fact; its verb."""
    verb = np.head
    first = np.left_edge
    if (
        np.dep_ == "npadvmod"
        and verb.pos_ in ("VERB", "AUX")
        and verb.i < np.i
        and first.i > 0
        and np.doc[first.i - 1].text in (",", "—", "–")
    ):
        return verb
    return None


def _ranked_label(verb: Token, np: Token, first: Token, last: Token) -> str:
    """The clause a record phrase ranks, up to the phrase ("overdose deaths rose to 107,000
    last year, the most since 1992"); its subject and the phrase when that is too long."""
    phrase = _render(first, last)
    subj = _subject(verb)
    if subj is not None and subj.i < verb.i and subj.lower_ not in ("who", "which", "that"):
        whole = _render(subj.left_edge, last)
        if len(whole.split()) <= MAX_LABEL_WORDS:
            text = whole
        else:  # the clause's core: who did what, without its time and side phrases
            text = clause_core(subj, verb, np.left_edge.i) + ", " + phrase
    else:
        text = phrase
    words = text.split()
    if len(words) > MAX_LABEL_WORDS:
        text = " ".join(words[:MAX_LABEL_WORDS]) + "…"
    lead = text.split()[0] if text else ""
    if text[:1].isupper() and not any(
        t.text == lead and (t.pos_ == "PROPN" or t.ent_type_ in _NAME_TYPES) for t in np.doc
    ):
        text = text[0].lower() + text[1:]
    return text


_CHARACTERISING = frozenset({"call", "describe", "dub", "term", "label", "hail"})


def _characterised(verb: Token | None) -> tuple[Token, Token, str] | None:
    """ "marched in Madrid in what organisers called the largest demonstration since
    2012", "caused what officials described as the worst flooding in a century": the
    record is the main clause's event as someone characterised it. The main clause's verb,
    where its own words stop, and who characterised it; None for any other record."""
    if verb is None or verb.lemma_.lower() not in _CHARACTERISING:
        return None
    what = next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "WP"), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if what is None or subj is None or subj.pos_ == "PRON":
        return None
    who = re.sub(r"(?i)^(?:the|a|an)\s+", "", _compact(subj))
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        main = verb.head.head  # "marched ... in what X called", "backed the plan in what"
        if main.pos_ in ("NOUN", "PROPN") and main.dep_ in ("dobj", "attr"):
            main = main.head
        if main.pos_ == "VERB":
            return main, verb.head, who
    if verb.dep_ in ("ccomp", "dobj") and verb.head.pos_ == "VERB" and verb.head.i < what.i:
        return verb.head, what, who  # "caused what X described as"
    return None


def _quantity(cue: Token, np: Token) -> bool:
    """Does the record rank an amount ("the largest", "a record high", "busiest")?"""
    low = cue.lower_
    adj = cue.head if low in ("most", "least") else cue
    lemma = adj.lemma_.lower()
    for form, base in (("est", ""), ("iest", "y"), ("st", "")):
        if adj.lower_.endswith(form) and adj.tag_ in ("JJS", "RBS"):
            lemma = adj.lower_[: -len(form)] + base if not lemma or lemma == adj.lower_ else lemma
            break
    if lemma in QUANTITY_ADJECTIVES or adj.lower_ in (
        "largest",
        "biggest",
        "busiest",
        "highest",
        "lowest",
        "most",
        "least",
    ):
        return True
    if cue.lower_ in ("record", "records", "high", "low", "peak", "trough", "highs", "lows"):
        return True
    if cue.lower_ in ("any", "never", "ever", "anyone", "anywhere"):
        return True
    head = np.lemma_.lower()
    if adj.lower_ == "worst" and head in HARM_HEADS:
        return True  # "the worst disaster in British mountaineering history": by its toll
    return head in QUANTITY_HEADS or head in OUTCOME_HEADS


HARM_HEADS = frozenset(
    """disaster accident crash attack outbreak flood fire drought storm earthquake epidemic
    pandemic massacre famine shooting bombing collision""".split()
)
"""Events of harm: the worst of them is the one with the highest toll (a quantity)."""


def _hedged(verb: Token | None, cue: Token) -> bool:
    """ "It could be the biggest upset", "perhaps the strangest", "I think ..."."""
    node: Token | None = verb if verb is not None else cue
    seen = 0
    while node is not None and seen < 8:
        for c in node.children:
            if c.dep_ in ("aux", "auxpass") and c.lower_ in _HEDGES:
                return True
            if c.dep_ == "advmod" and c.lower_ in _HEDGE_WORDS:
                return True
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children
            ):
                return True
        if node.lemma_.lower() in _VIEW_VERBS and node.pos_ == "VERB":
            return True
        if node.head.i == node.i:
            break
        node, seen = node.head, seen + 1
    return any(t.lower_ in _HEDGE_WORDS for t in cue.doc[max(0, cue.i - 3) : cue.i])


def record_phrases(sent: Span) -> list[RecordPhrase]:
    """The records of one sentence, one per record phrase (a question makes none)."""
    if span_text(sent).rstrip().rstrip("”\"’'").endswith("?"):
        return []
    out: list[RecordPhrase] = []
    for tok in sent:
        if not is_cue(tok):
            continue
        if any(r.cue_start <= tok.idx < r.end and r.start <= tok.idx for r in out):
            continue  # a second cue of a phrase already found ("one of only ... largest")
        np = _noun_phrase(tok)
        verb: Token | None = None
        if tok.pos_ == "VERB" or tok.lower_ in ("any", "never", "ever", "anyone", "anywhere"):
            verb = tok if tok.pos_ == "VERB" else _clause_verb(tok)
            tokens = _clause_tokens(verb, tok) if verb is not None else list(np.subtree)
        elif np.dep_ in ("attr", "acomp", "oprd", "dobj", "dative", "xcomp") and np.head.pos_ in (
            "VERB",
            "AUX",
        ):
            verb = np.head
            tokens = _predicate_tokens(np, verb, tok)
        elif np.dep_ in ("pobj", "prep") and (
            np.head.head.pos_ in ("VERB", "AUX")
            or (np.dep_ == "prep" and np.head.pos_ in ("VERB", "AUX"))
        ):
            prep = np if np.dep_ == "prep" else np.head
            verb = prep.head
            tokens = _predicate_tokens(prep, verb, tok)
        elif np.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "advmod" and tok.head.dep_ in ("nsubj", "nsubjpass")
        ):
            verb = _clause_verb(np)
            tokens = _clause_tokens(verb, tok) if verb is not None else list(np.subtree)
        elif np.pos_ == "VERB" or np.dep_ == "ROOT":
            verb = np if np.pos_ in ("VERB", "AUX") else None
            tokens = _clause_tokens(np, tok) if verb is not None else list(np.subtree)
        else:
            tokens = _kept(np, tok.i)  # an apposition or a noun phrase inside another
            small = any(c.dep_ == "nsubj" for c in np.children)
            if small and np.head.pos_ == "VERB" and np.head.i < np.i:
                verb = np.head  # "making it the world's largest crisis"
                tokens.append(verb)
        span = _trim(tokens)
        if span is None:
            continue
        first, last = span
        if last.i - first.i < 1:
            continue
        start, end = first.idx, last.idx + len(last.text)
        if not (first.idx <= tok.idx < end):
            start = min(start, tok.idx)
        side = (verb is None and np.dep_ == "appos") or (
            verb is not None
            and verb.dep_ == "relcl"
            and verb.left_edge.i > 0
            and verb.doc[verb.left_edge.i - 1].text == ","
        )  # "The president, who is the youngest ...": a non-restrictive relative clause
        ranked = _ranked_clause(np) if verb is None else None
        characterised = _characterised(verb)
        speaker = None
        main_subj = _subject(characterised[0]) if characterised is not None else None
        if side:
            label = _side_label(np, verb, first, last)
        elif ranked is not None:
            label = _ranked_label(ranked, np, first, last)
        elif characterised is not None and main_subj is not None and main_subj.pos_ != "PRON":
            main, stop, speaker = characterised
            core = clause_core(main_subj, main, stop.i)
            joint = ", " if stop.dep_ == "prep" else " "
            label = f"{core}{joint}{_render(np.left_edge, last)}"
            lead = main_subj.left_edge
            if label[:1].isupper() and lead.pos_ != "PROPN" and lead.ent_type_ not in _NAME_TYPES:
                label = label[0].lower() + label[1:]  # "the storm caused ...", mid-label
        else:
            label = _label(first, last, np, verb)
        ctype = "quantity" if _quantity(tok, np) else "other"
        out.append(
            RecordPhrase(
                start, end, tok.idx, tok.idx + len(tok.text), verb, label, ctype, tok, side,
                speaker,
            )
        )
    return out


# ----------------------------------------------------------------- the extraction hook


def _tag(value: dict[str, Any]) -> None:
    tags = value.setdefault("tags", [])
    if TAG not in tags:
        tags.append(TAG)


def _baseline(rec: RecordPhrase, drafts: list[Any], sent: Span) -> list[tuple[str, Any]]:
    """What a record is measured against, part of the record and no claim of its own:
    the date it runs from ("the most since 1992", "the largest protest since 2019"), key
    ``since``, and the span of time it holds over ("the first time in two years", "its
    highest level in 40 years", "the strongest to hit the island in 30 years"), key ``in``."""
    out: list[tuple[str, Any]] = []
    cue = rec.cue
    for d in drafts:
        if d.kind not in ("date", "duration") or not (rec.cue_end <= d.start and d.end <= rec.end):
            continue
        span = sent.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        if d.kind == "date":
            for a in span.root.ancestors:  # "since 1992", "since Ophelia in 2017"
                if a.lower_ == "since" and a.dep_ == "prep":
                    out.append(("since", d))
                    break
                if a.pos_ in ("VERB", "AUX") or a.idx < rec.start:
                    break
            continue
        if span_of_record(span, cue, rec.verb):
            out.append(("in", d))
    return out


def _hold_baseline(value: dict[str, Any], held: list[tuple[str, Any]]) -> list[tuple[int, int]]:
    """Put the record's baselines into its claim's value (``since``, ``in``); the folds."""
    folds = []
    for key, d in held:
        if key not in value:
            value[key] = {"text": d.anchor, **d.value}
            folds.append((d.start, d.end))
    return folds


def _untag_host(host: Any, rec: RecordPhrase, sent: Span) -> None:
    """The record of a side phrase is its own claim: the host keeps the tag only for a
    record of its own."""
    span = sent.doc.char_span(host.start, host.end, alignment_mode="expand")
    if span is None or any(is_cue(t) and not rec.start <= t.idx < rec.end for t in span):
        return
    tags = host.value.get("tags", [])
    if TAG in tags:
        tags.remove(TAG)
        if not tags:
            del host.value["tags"]


def report_free(verb: Any, reports: list[Any]) -> bool:
    """Is ``verb`` outside every reported clause of the sentence (the writer's own)?"""
    return not any(r.head.i == verb.i or r.head.i in {a.i for a in verb.ancestors} for r in reports)


def attach(
    sent: Span,
    statements: list[Any],
    drafts: list[Any],
    reports: list[Any],
    quotes: list[tuple[int, int]],
) -> list[Any]:
    """Tag the claims that hold a record; return new statement claims for the rest.

    ``statements``: the sentence's statement claims (``statements.Statement``, offsets in
    the doc); ``drafts``: its number, date and ordinal drafts (``extract._Draft``);
    ``reports``: its reported clauses (``speech.Report``); ``quotes``: every quoted
    stretch of the doc (a record inside a direct quote is the quote's, not a claim).
    One fact, one claim: a claim that already holds the cue is tagged, not doubled.
    """
    from .statements import Statement

    new: list[Any] = []
    for rec in record_phrases(sent):
        cue = rec.cue
        c0, c1 = rec.cue_start, rec.cue_end
        host = next((s for s in statements if not s.silent and s.start <= c0 and c1 <= s.end), None)
        since = _baseline(rec, drafts, sent)
        if host is not None and rec.side:
            _untag_host(host, rec, sent)
        elif host is not None:
            _tag(host.value)
            host.folds.extend(_hold_baseline(host.value, since))
            if rec.speaker and host.speaker is None:  # "caused what officials described as"
                host.speaker, host.label = rec.speaker, f"{rec.speaker}: {rec.label}"
            if host.claim_type == "other" and rec.claim_type == "quantity":
                if not _ranks_the_doer(rec):
                    host.claim_type = "quantity"
            continue
        number = next(
            (
                d
                for d in drafts
                if d.kind in ("ordinal", "quantity", "money", "percent")
                and (
                    d.start <= c0 < d.end
                    or (
                        d.kind == "ordinal"
                        and rec.start <= d.start < rec.end
                        and cue.lower_ in ("first", "only")
                    )
                )
            ),
            None,
        )
        if number is not None:
            _tag(number.value)  # "the first woman to lead", "one of only four", "second-largest"
            folds = _hold_baseline(number.value, since)
            if folds:  # a claim of no text of its own: only its folds apply
                new.append(Statement(rec.start, rec.end, "", {}, "other", None, folds, silent=True))
            continue
        if any(a <= rec.start and rec.end <= b for a, b in quotes) or any(
            a <= c0 < b for a, b in quotes
        ):
            continue  # a record inside a direct quote: the quote is the claim
        if _hedged(rec.verb, cue):
            continue
        if rec.verb is not None and denied_rank(rec.verb, sent):
            continue  # "The survey is not the first to raise concern": no record held
        if rec.verb is not None and report_free(rec.verb, reports) and sensed(rec.verb):
            continue  # "The only sound in the chamber was the scratch of pens": a scene
        if any(not s.silent and s.start <= rec.start and rec.end <= s.end for s in new):
            continue
        report = None
        for r in reports:
            head = r.head
            if head.idx <= c0 and any(a.i == head.i for a in [cue, *cue.ancestors]):
                report = r
                break
        speaker = report.speaker if report is not None else rec.speaker
        label = rec.label
        if speaker:
            label = f"{speaker}: {label}"
        tags = [TAG]
        if any(
            t.dep_ == "neg" or t.lower_ in ("not", "never", "no")
            for t in sent.doc.char_span(rec.start, rec.end, alignment_mode="expand") or []
        ):
            tags.append("negated")
        ctype = rec.claim_type
        if rec.verb is not None and (
            any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in rec.verb.children)
            or rec.verb.dep_ == "xcomp"
            and rec.verb.head.lemma_.lower() in ("expect", "forecast", "project", "predict")
        ):
            ctype = "prediction"  # "will be the largest", "is expected to overtake Ghana"
        value = {"negated": "negated" in tags, "tags": tags}
        folds = _hold_baseline(value, since)
        new.append(Statement(rec.start, rec.end, label, value, ctype, speaker, folds))
    return new
