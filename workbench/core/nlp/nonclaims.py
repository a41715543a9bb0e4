"""Clauses that assert nothing a fact-checker could check, for number, date, ordinal
and event claims.

A number inside "Could measles become endemic again?", "NASA hopes the ice could one
day supply water", "Whether a squad can survive in the second tier is another
question" or "engineers hugged and cheered as the first images appeared" states no
fact: the clause holding it is a question, a hope, an open question, a guess nobody
is credited with, or colour. ``unasserted(root, sent, reports)`` reads the clause
chain from the entity's own clause up to the sentence root and says when the
entity sits in such a clause. Statements make the same judgement in
``statements._rejected``; this module is the part that numbers share.

Works on the spaCy parse; imported only by extraction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .doc_cache import span_ents
from .lexicon import AMOUNT_ENTS, MORE_FEELINGS, NUMBER_WORDS, STREAK_WORDS
from .records import opinion_predicate, opinion_superlative
from .speech import Report, verb_in

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

HOPE_VERBS = frozenset({"hope", "wish", "dream", "pray", "long", "yearn"})
"""Verbs whose complement is a wish, not a fact ("hopes the pod will head back")."""
BELIEF_VERBS = frozenset({"think", "believe", "feel", "reckon", "suppose", "guess", "doubt"})
"""Verbs of belief: with "I" or "we" as subject, their complement is an opinion."""
_GUESS_MODALS = frozenset({"could", "might"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _clause_heads(tok: Token) -> list[tuple[Token, Token]]:
    """(clause head, its child on the path down to ``tok``) from ``tok``'s own clause
    up to the root; the child is the head itself when ``tok`` is the head."""
    out: list[tuple[Token, Token]] = []
    below, node = tok, tok
    while True:
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            out.append((node, below))
        if node.head.i == node.i:
            return out
        below, node = node, node.head


def _imperative(root: Token, sent: Span) -> bool:
    """An order or invitation: a bare verb at the start, with no subject."""
    return (
        root.tag_ == "VB"
        and root.i == sent.start
        and not any(c.dep_ in _ARGUMENT_DEPS | {"aux", "auxpass"} for c in root.children)
    )


def _first_person(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _modal(head: Token) -> str | None:
    """ "could", "might", or "may" outside a rule ("tenants may not be evicted")."""
    for c in head.children:
        if c.dep_ == "aux" and c.lower_ in _GUESS_MODALS:
            return c.lower_
        if c.dep_ == "aux" and c.lower_ == "may" and not _rule_context(head):
            return "may"
    return None


def _statements() -> Any:
    """``statements`` (it imports this module, so it is fetched at first use, once)."""
    global _STATEMENTS
    if _STATEMENTS is None:
        from . import statements

        _STATEMENTS = statements
    return _STATEMENTS


_STATEMENTS: Any = None


def _rule_context(head: Token) -> bool:
    return bool(_statements()._rule_context(head))


def _attributed(heads: list[tuple[Token, Token]], reports: list[Report]) -> bool:
    """Is one clause of the chain a reported clause with a named speaker?"""
    ids = {h.i for h, _ in heads}
    return any(r.speaker is not None and not r.opinion and r.head.i in ids for r in reports)


_OPENING = ("“", '"', "‘", "'", "«")


_CLOSING = frozenset({"”", '"', "’", "'", "»"})


def is_question(sent: Span) -> bool:
    """A sentence that asks: it ends with "?", and a quoted question at its end is the
    sentence's own only when the quote is the whole sentence ('she said: "why should
    I?"' asks nothing of the reader). Read from the tokens at its ends (no string of
    the whole sentence is built)."""
    end = sent.end - 1
    while end >= sent.start and (sent.doc[end].is_space or sent.doc[end].text in _CLOSING):
        end -= 1
    if end < sent.start or not sent.doc[end].text.endswith("?"):
        return False
    if end == sent.end - 1 or sent.doc[sent.start].text in _OPENING:
        return True
    tail = sent.doc[end + 1 : sent.end]
    return all(t.is_space for t in tail)  # only spaces after the "?", no closing mark


_TRIGGERS = frozenset({"could", "might", "may", "whether", "?"})
_FRAME_WORDS = frozenset({"money", "consent"})  # "for my money", "by common consent"


def may_unassert(sent: Span) -> bool:
    """A cheap first look (one pass over the tokens): can any claim of this sentence
    sit in a clause that asserts nothing? Most sentences need no closer reading."""
    st = _statements()
    hedges = st.HEDGE_ADJECTIVES | st.FEELING_ADJECTIVES | st.OPINION_FRAMES | _FRAME_WORDS
    hedges = hedges | MORE_FEELINGS | {"feel", "feels", "felt"}
    first = sent.doc[sent.start]
    if first.tag_ == "VB" or sent.root.pos_ == "VERB":
        if first.tag_ == "VB" or verb_in(sent.root, _statements().COLOUR_VERBS):
            return True
    for t in sent:
        low = t.lower_
        if low in _TRIGGERS or low.endswith("?") or low in hedges:
            return True
        if t.pos_ == "VERB" and (verb_in(t, HOPE_VERBS) or verb_in(t, BELIEF_VERBS)):
            return True
        if t.tag_ in ("JJS", "RBS"):
            return True  # a superlative that may be a view ("records.opinion_predicate")
    return False


def unasserted(root: Token, sent: Span, reports: list[Report], kind: str) -> bool:
    """Does the entity whose root is ``root`` sit in a clause that asserts nothing?"""
    if is_question(sent):
        return True
    heads = _clause_heads(root)
    if not heads:
        return False
    if _imperative(heads[-1][0], sent):
        return True  # "Call 555-0199 for tickets, priced at $25": an instruction
    attributed = _attributed(heads, reports)
    for head, below in heads:
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in head.children):
            return True  # "Whether a squad can survive in the second tier is ..."
        if below is not head and below.dep_ not in _ARGUMENT_DEPS and verb_in(head, HOPE_VERBS):
            return True  # "Walker hopes the pod will head back", "NASA hopes could ..."
        if (
            below is not head
            and below.dep_ in ("ccomp", "xcomp")
            and verb_in(head, BELIEF_VERBS)
            and _first_person(head)
        ):
            return True  # "I believe this is the best team we have had in 20 years"
        if _modal(head) and not attributed:
            return True  # "the ice could one day supply water": a guess nobody is credited with
        if not attributed and _hedged_state(head):
            return True  # "a breakthrough was unlikely before the election"
        if _feeling(head, below) and not _beside_feeling(below):
            return True  # "she was sure the company would be worth a billion dollars"
        if kind == "ordinal" and head is heads[0][0] and _second_best(root, head):
            return True  # "The home side were second best": a place in a view, no rank
    if kind in ("ordinal", "event", "date") and colour(sent):
        return True  # "engineers hugged and cheered as the first images appeared"
    return False


def _second_best(ordinal: Token, head: Token) -> bool:
    """Is the ordinal a place in a view, the predicate of a copula whose complement is a
    superlative of opinion ("were second best", "were second best in every department"),
    not a rank in a table ("finished second", "the third best team in the league")?"""
    if opinion_predicate(head):
        return True
    adj = ordinal.head
    return (
        adj.tag_ == "JJS"
        and adj.head.i == head.i
        and adj.dep_ in ("acomp", "advmod")
        and head.lemma_.lower() == "be"
        and opinion_superlative(adj)
    )




def colour(sent: Span) -> bool:
    """A scene: the root is a verb of gesture or scene, nobody named does it and the
    sentence names and measures nothing ("engineers hugged and cheered as ...")."""
    st = _statements()
    root = sent.root
    if root.pos_ != "VERB" or not verb_in(root, st.COLOUR_VERBS):
        return False
    if any(e.label_ in AMOUNT_ENTS or e.label_ in st.NAME_TYPES for e in span_ents(sent)):
        return False
    subj = st.subject_of(root)
    if subj is None:
        return False
    return not (
        subj.ent_type_ in st.NAME_TYPES
        or subj.pos_ == "PROPN"
        or subj.lemma_.lower() in st.ACTOR_NOUNS
        or subj.lower_ in st.ACTOR_NOUNS  # "workers", "nurses": listed as written
    )


def _hedged_state(head: Token) -> bool:
    return bool(_statements()._hedged_state(head))


_EVENT_PREPOSITIONS = frozenset(
    {"after", "before", "since", "following", "during", "until", "despite", "because"}
)


def _beside_feeling(below: Token) -> bool:
    """Is the path from the entity up to a clause of feeling a side clause or a phrase of
    its time or cause, which states its own fact ("were devastated after losing 3-0 on
    Saturday", "exhausted after 20 hours at sea"), not the feeling's own words ("sure the
    company would be worth a billion", "thrilled with the first images")?"""
    if below.dep_ in ("advcl", "relcl", "conj"):
        return True
    return below.dep_ == "prep" and below.lower_ in _EVENT_PREPOSITIONS


def _feeling(head: Token, below: Token) -> bool:
    """Is the clause a feeling or a view (``statements._mental_state``, "in her view"),
    or the complement of one ("sure [the firm would be worth ...]")?"""
    st = _statements()
    if below.dep_ in ("acomp", "ccomp") and st._feeling_word(below):
        return True
    return bool(st._mental_state(head, verbs=False) or st.opinion_frame(head))


_TEASER_LEADS = frozenset(
    """inside coming next tomorrow tonight later part miss also plus still soon
    watch listen""".split()
)
"""Words of a lead that points to what the paper or site will give ("Coming up on
Sunday:", "Inside:", "In part two tomorrow:", "Don't miss:")."""


def _finite(tok: Token) -> bool:
    return tok.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _counted_list(noun: Token) -> bool:
    """A plural noun counted by a small number, the length of a list: "six recipes",
    "the 20 greatest albums" (not "the 5,000 homes the council plans to build")."""
    return noun.tag_ in ("NNS", "NNPS") and any(
        c.dep_ == "nummod"
        and (c.lower_ in NUMBER_WORDS or c.text.isdecimal() and int(c.text) <= 100)
        for c in noun.children
    )


def teaser(sent: Span) -> bool:
    """Does the sentence advertise a list the article or paper itself gives, stating no
    fact ("Here are five things to watch in the budget.", "Coming up on Sunday: six
    recipes for a lazy weekend.", "The 12 best beaches in Wales, ranked.", "Five ways to
    cut your energy bill.")? Its count is the length of that list, no claim."""
    doc = sent.doc
    tokens = [t for t in sent if not t.is_space]
    if not tokens or not any(t.like_num for t in tokens):
        return False
    root = sent.root
    if tokens[0].lower_ == "here" and root.lemma_ == "be":
        return any(_counted_list(c) for c in root.children if c.dep_ in ("nsubj", "attr"))
    colon = next((t for t in tokens[:6] if t.text == ":"), None)
    if colon is not None:
        lead = doc[sent.start : colon.i]
        rest = [t for t in tokens if t.i > colon.i]
        if any(t.lower_ in _TEASER_LEADS for t in lead) and not any(
            e.label_ not in ("DATE", "TIME") for e in span_ents(lead)
        ):
            tops = [t for t in rest if t.head.i <= colon.i or t.head.i == t.i]
            return any(_counted_list(t) for t in tops) and not any(_finite(t) for t in tops)
        return False
    if _finite(root):
        return False
    if not _counted_list(root) or any(_finite(t) for t in sent if t.head.i == root.i):
        return False
    return any(t.tag_ in ("JJS", "RBS") for t in root.children) or any(
        t.lower_ in ("you", "your") for t in root.subtree
    )


def _time_words() -> frozenset[str]:
    return frozenset(_statements().TIME_NOUNS) | {
        "winter", "summer", "spring", "autumn", "morning", "evening", "afternoon"
    }
_OWN_DETERMINERS = frozenset(
    {"that", "those", "this", "these", "my", "his", "her", "our", "their", "your"}
)


def own_time(sent: Span, start: int, end: int) -> bool:
    """Is the ordinal at doc chars ``start``-``end`` the place of a time in someone's own
    story ("That first winter, she recalls, was the hardest", "those first weeks", "on
    her first morning"), not a rank a desk could check ("the first woman to ...")?"""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    ordinals = [t for t in span if t.tag_ in ("JJ", "RB", "CD") and t.dep_ == "amod"]
    if len(ordinals) != 1:  # the ordinal alone, or "That first summer" as one entity
        return False
    ordinal = ordinals[0]
    noun = ordinal.head
    if noun.i <= ordinal.i or noun.lemma_.lower() not in _time_words():
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in _OWN_DETERMINERS for c in noun.children)


_PERIOD_PREPOSITIONS = frozenset(
    {"in", "on", "during", "by", "at", "within", "into", "over", "until", "through", "after"}
)


def period_of_time(sent: Span, start: int, end: int) -> tuple[str, Span, Span] | None:
    """The period an ordinal at doc chars ``start``-``end`` names when it is only the
    time of the sentence's statement: "In the third week of the strike, the union said
    ...", "On the second day of the summit, leaders signed ...", "save $685 million in
    the first year". None when the ordinal is the fact in question: a streak ("fell for
    a third straight month"), what the clause states ("the strike is in its third week",
    "entered its second day"), a rank ("for the first time", "the first woman").
    Else (the period's noun, "week"; its phrase, "the third week"; the phrase with its
    preposition, "in the third week").
    """
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    rank = next((t for t in span if t.pos_ in ("ADJ", "NUM") or t.tag_ == "JJ"), span.root)
    noun = span.root if span.root.i != rank.i else rank.head
    period = noun.lemma_.lower()
    if period not in _time_words() or period == "time" or noun.i < rank.i:
        return None
    if any(c.lower_ in STREAK_WORDS for c in noun.children):
        return None
    doc = sent.doc
    if noun.i + 3 <= sent.end and [t.lower_ for t in doc[noun.i + 1 : noun.i + 3]] == ["in", "a"]:
        return None  # "the third week in a row"
    if noun.dep_ in ("npadvmod", "tmod") and noun.head.pos_ in ("VERB", "AUX"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in _PERIOD_PREPOSITIONS:
        verb = noun.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in ("be", "enter", "reach", "mark"):
        return None
    first = min([noun.i] + [t.i for c in noun.lefts for t in c.subtree])
    lead = noun.head.i if noun.dep_ == "pobj" and noun.head.i < first else first
    return period, doc[first : noun.i + 1], doc[lead : noun.i + 1]



def scene_time(sent: Span, start: int, end: int) -> bool:
    """Is the clock time at doc chars ``start``-``end`` only the time of a scene ("By
    6pm, the corridors were deserted", "At 3am, the count centre was still humming"),
    not the time of an event ("Police were called at 11.15pm", "The polls closed at
    10pm")? The clause it belongs to pictures a state (``statements.scene_state``)."""
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and bool(_statements().scene_state(verb))
