"""Records, superlatives, ranks and comparisons with everything else, read from the parse.

A *record cue* is a word that makes a checkable claim of rank or record: a superlative
adjective or adverb ("the busiest", "most populous", "fastest-growing"), "record" as a
modifier or as what is set, hit or broken ("a record high", "set a world record", "the
lowest on record"), "all-time" and "40-year" highs and lows, "unprecedented", "never
before" and "has never been lower", a record "first" ("the first woman to lead", "for
the first time since"), "the only", "one of only four", a comparison with all others
("more than any other line"), and rank verbs and phrases ("ranked third", "topped the
index", "top of the table", "overtook X as ...").

It makes no cue where the superlative is an opinion or an idiom: an evaluative
adjective or an abstract head without a measure of record ("the most beautiful city",
"the biggest challenge", "the best day of my life", "did his best", "at least").

``record_phrases`` gives, for one sentence, the phrase of each record with the clause
that asserts it (subject and predicate where they sit together, the predicate where
they do not, the noun phrase alone for an apposition), its label and claim type;
``attach`` (the extraction hook) tags the claim that already holds a record, or adds
a statement claim where no claim does. Works on the spaCy parse; imported only by
extraction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span, Token

TAG = "superlative"

EVALUATIVE = frozenset(
    """good best bad worst great greatest fine finest beautiful lovely nice pretty
    important exciting interesting impressive memorable wonderful amazing incredible
    remarkable strange weird funny happy sad proud brilliant talented inspiring enjoyable
    iconic spectacular stunning magnificent charming romantic delicious precious dear
    difficult hard tough easy challenging painful humiliating embarrassing shameful
    disgraceful ugly stupid smart clever wise beloved admired respected influential
    exciting boring dramatic emotional extraordinary fantastic glorious gorgeous horrible
    terrible awful cruel kind generous honest sincere crucial vital significant
    strangest""".split()
)
"""Adjectives whose superlative is a judgement unless a measure or record goes with it."""
_EVALUATIVE_FORMS = frozenset(
    """best worst greatest finest loveliest nicest prettiest strangest weirdest funniest
    happiest saddest proudest hardest toughest easiest kindest wisest cleverest smartest
    ugliest cruellest""".split()
)
ABSTRACT_HEADS = frozenset(
    """challenge problem issue question concern priority threat mistake danger risk fear
    worry achievement success failure surprise honour honor privilege pleasure regret
    lesson test task thing things moment moments day night memory dream joy hope
    compliment insult shame tragedy disappointment obstacle hurdle weakness strength
    asset advantage reason way part aspect feature thing idea""".split()
)
"""Heads that make a superlative a view ("the biggest challenge now is ...")."""
OUTCOME_HEADS = frozenset(
    """result results finish performance season start showing score figure figures month
    quarter year week day record defeat loss win victory return returns level rate sales
    ranking position placing run streak spell gain fall rise drop increase decline
    harvest showing""".split()
)
"""Heads that make "best"/"worst" a measured outcome ("their worst result since 1918")."""
NOT_RECORD_JJS = frozenset({"latest", "earliest", "least", "most", "next", "last", "utmost"})
RECORD_OBJECT_VERBS = frozenset(
    """set break hit reach equal match beat smash extend hold shatter post notch register
    rewrite claim establish achieve surpass eclipse top better""".split()
)
NOT_RECORD_HEADS = frozenset(
    """label company store shop player collection deal producer shelf criminal medical
    track dental police public court""".split()
)
RANK_NOUNS = frozenset(
    """table league standings chart charts rankings ranking list poll polls index group
    division leaderboard pile class""".split()
)
TIME_UNITS = frozenset({"year", "decade", "month", "week", "century", "day", "quarter"})
PEAK_NOUNS = frozenset({"high", "low", "peak", "trough", "highs", "lows", "record", "records"})
QUANTITY_ADJECTIVES = frozenset(
    """large big high low small busy fast slow long short old young hot cold warm cool
    wet dry expensive cheap costly rich poor wealthy populous deep shallow tall heavy
    light strong weak severe many few much little great wide narrow close distant far
    near dense productive profitable valuable popular deadly powerful quick steep sharp
    frequent common rare successful""".split()
)
QUANTITY_HEADS = frozenset(
    """level rate share number amount total majority margin award gain loss rise fall
    drop increase decline price prices cost value sum count turnout figure output sales
    exports imports profit revenue debt deficit surplus high low peak""".split()
)
_RECORD_QUALIFIERS = frozenset({"since", "ever", "history", "yet", "record", "records"})
_PERSONAL = frozenset({"my", "our", "your", "i", "we", "me", "us"})
_HEDGES = frozenset({"could", "might", "may", "would", "should"})
_HEDGE_WORDS = frozenset(
    "perhaps maybe possibly probably presumably arguably supposedly hopefully".split()
)
_VIEW_VERBS = frozenset({"think", "believe", "feel", "hope", "wish", "guess", "suppose"})


# ----------------------------------------------------------------- cues


def _np_subtree(tok: Token) -> list[Token]:
    return list(tok.subtree)


def _has_record_qualifier(tok: Token) -> bool:
    """ "since 1969", "ever", "on record", "in history", "in 500 years", "yet observed",
    "of any major city", "in the world" does not count (it is the scope of an opinion)."""
    head = _noun_phrase(tok)
    scope = list(head.subtree)
    verb = head.head if head.dep_ in ("attr", "acomp", "oprd", "dobj", "pobj") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        scope += [t for c in verb.children if c.i > head.i for t in c.subtree]
    for t in scope:
        low = t.lower_
        if low in _RECORD_QUALIFIERS:
            return True
        if low == "any" and t.head.i != t.i and t.head.head.lower_ == "of":
            return True
        if (
            t.lemma_.lower() in TIME_UNITS
            and t.head.lower_ in ("in", "for")
            and any(c.like_num or c.lower_ in ("a", "more", "over") for c in t.subtree)
        ):
            return True
    return False


def _opinion(adj: Token, head: Token) -> bool:
    """Is this superlative (``adj``, on ``head``) a view rather than a checkable rank?"""
    scope = list(head.subtree)
    if any(t.lower_ in _PERSONAL for t in scope):
        return True  # "the best day of my life"
    lemma = adj.lemma_.lower()
    evaluative = lemma in EVALUATIVE or adj.lower_ in _EVALUATIVE_FORMS
    if evaluative and adj.lower_ in ("best", "worst") and head.lemma_.lower() in OUTCOME_HEADS:
        return False  # "their worst result", "the best start"
    if evaluative and adj.i + 1 < len(adj.doc) and adj.nbor().text == "-":
        return False  # "best-selling"
    abstract = head.lemma_.lower() in ABSTRACT_HEADS or head.lower_ in ABSTRACT_HEADS
    if not (evaluative or abstract):
        return False
    return not _has_record_qualifier(adj)


def _idiom(tok: Token) -> bool:
    """ "at least", "at most", "at best", "did his best", "the best of the summer"."""
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if prev == "at":
        return True
    if tok.lower_ in ("best", "worst", "utmost") and tok.dep_ in ("dobj", "pobj"):
        if not any(c.dep_ == "prep" and c.lower_ in ("since", "in") for c in tok.children):
            return True  # "did his best to", "made the best of it"
    if tok.lower_ == "most" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
        if tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "all":
            return True  # "most of all"
    return False


def _adjective_cue(tok: Token) -> bool:
    """A superlative adjective or adverb, or "most/least" + adjective, not an opinion."""
    low = tok.lower_
    if low in ("most", "least"):
        adj = tok.head
        if tok.dep_ != "advmod" or adj.pos_ not in ("ADJ", "ADV") or _idiom(tok):
            return False
    elif tok.tag_ in ("JJS", "RBS"):
        if low in NOT_RECORD_JJS or _idiom(tok):
            return False
        adj = tok
    else:
        return False
    head = adj.head if adj.dep_ == "amod" and adj.head.pos_ in ("NOUN", "PROPN") else adj
    if adj.dep_ == "advmod" and adj.head.pos_ in ("VERB",):
        head = adj  # "grew fastest"
    return not _opinion(adj, head)


def _record_word(tok: Token) -> bool:
    """ "a record high", "a club record", "set a world record", "the lowest on record"."""
    if tok.lower_ not in ("record", "records") or tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if prev in ("the", "for", "off") and tok.head.lower_ in ("on", "for", "off"):
        return False  # "on the record", "for the record": how it was said
    if any(c.dep_ == "poss" for c in tok.children):
        return False  # "the band's first record"
    if tok.dep_ in ("amod", "compound", "nmod", "nummod", "advmod", "npadvmod"):
        return tok.head.lemma_.lower() not in NOT_RECORD_HEADS
    if tok.head.lower_ == "on" and prev == "on":
        return True  # "the driest on record"
    if tok.dep_ in ("nsubj",) and tok.head.lemma_.lower() in ("begin", "start"):
        return True  # "since records began"
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & {"world", "club", "national", "olympic", "european", "british", "course",
               "league", "all", "time", "career", "american", "games", "championship",
               "new", "previous", "global", "personal", "state", "school", "team"}:
        return not (mods & NOT_RECORD_HEADS)
    if tok.dep_ in ("dobj", "attr", "appos", "pobj", "nsubjpass"):
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        if tok.dep_ == "appos":
            return bool(mods) or any(c.dep_ == "prep" for c in tok.children)
        return verb.lemma_.lower() in RECORD_OBJECT_VERBS or tok.dep_ == "attr" and bool(mods)
    return False


def _peak(tok: Token) -> bool:
    """ "an all-time high", "a 40-year low", "a fresh record high", "a decade high"."""
    if tok.lower_ not in ("high", "low", "peak", "trough", "highs", "lows"):
        return False
    if tok.pos_ not in ("NOUN", "ADJ") or tok.dep_ in ("amod", "acomp", "advmod"):
        if tok.dep_ != "acomp" or not any(c.dep_ in ("compound", "npadvmod") for c in tok.children):
            return False
    doc = tok.doc
    window = doc[max(0, tok.i - 4) : tok.i]
    words = [t.lower_ for t in window]
    if "all" in words and "time" in words:
        return True
    if any(w in ("record", "multi", "decade", "fresh", "new", "historic") for w in words[-2:]):
        return tok.dep_ not in ("amod",)
    return any(  # "a 40-year low", "a 16-year high"
        t.lemma_.lower() in TIME_UNITS and any(x.like_num for x in window[:i])
        for i, t in enumerate(window)
    )


def _first_cue(tok: Token) -> bool:
    """ "the first woman to lead", "for the first time since", "the first to open"."""
    if tok.lower_ not in ("first", "first-ever"):
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "ever":
        return True
    head = tok.head if tok.dep_ in ("amod", "nummod", "compound") else tok
    if head.lemma_.lower() in ("time",):
        prev = doc[head.i - 3 : head.i]
        if any(t.lower_ == "for" for t in prev) or any(
            c.dep_ in ("relcl", "prep", "acl") for c in head.children
        ):
            return True
    if head.lemma_.lower() in ("half", "round", "quarter", "thing", "step", "day", "leg", "stage"):
        return False
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and any(a.lower_ == "to" for a in c.children):
            return True  # "the first woman to lead the party"
        if c.dep_ == "prep" and c.lower_ == "since":
            return True  # "the first crewed landing since 1972"
    return head.i == tok.i and tok.dep_ in ("attr", "oprd", "appos", "pobj") and any(
        c.dep_ in ("acl", "relcl", "prep", "xcomp") for c in tok.children
    )


def _only_cue(tok: Token) -> bool:
    """ "the only refinery", "Only Turkey recognises", "one of only four managers"."""
    low = tok.lower_
    doc = tok.doc
    if low == "sole":
        return tok.dep_ == "amod"
    if low != "only":
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_ == "of" and tok.i >= 2 and doc[tok.i - 2].lower_ in (
        "one", "some", "among"
    ):
        return True  # "one of only four"
    if nxt is not None and nxt.lower_ in ("a", "handful", "few", "just", "about", "around"):
        return False  # "only a handful": a vague quantity
    head = tok.head
    if tok.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ in ("det", "poss") for c in head.children) or (
            prev is not None and prev.tag_ == "POS"
        )
    if (
        tok.dep_ == "advmod"
        and head.pos_ == "PROPN"
        and head.dep_ in ("nsubj", "nsubjpass")
        and tok.i < head.i
    ):
        return True  # "Only Turkey recognises ..."
    return False


def _rank_adjective(tok: Token) -> bool:
    """ "the world's top coffee producer", "the leading market in Europe"."""
    if tok.lower_ not in ("top", "leading", "foremost") or tok.dep_ != "amod":
        return False
    noun = tok.head
    return noun.pos_ in ("NOUN", "PROPN") and any(
        t.dep_ == "poss" or (t.dep_ == "prep" and t.lower_ in ("in", "of")) for t in noun.children
    )


def _one_of_cue(tok: Token) -> bool:
    """ "one of a handful of countries", "one of only a few leaders"."""
    doc = tok.doc
    if tok.lower_ != "one" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "of":
        return False
    following = [t.lower_ for t in doc[tok.i + 2 : tok.i + 5]]
    return "few" in following or "handful" in following


def _comparison_cue(tok: Token) -> bool:
    """ "more than any other", "than ever", "never before", "never been lower"."""
    doc = tok.doc
    low = tok.lower_
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    if low == "any" and prev == "than" and nxt in ("other", "previous", "earlier"):
        return True
    if low in ("anyone", "anywhere", "anything") and prev == "than" and nxt == "else":
        return True
    if low == "ever" and prev == "than":
        return True
    if low == "never":
        if nxt == "before":
            return True
        head = tok.head
        return any(
            c.dep_ in ("acomp", "advmod", "attr") and c.tag_ in ("JJR", "RBR")
            for c in head.children
        )
    if low == "second" and nxt == "only" and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "to":
        return True  # "second only to"
    return False


def _rank_cue(tok: Token) -> bool:
    """ "ranked third", "topped the index", "top of the table", "overtook X as ..."."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    doc = tok.doc
    if tok.pos_ == "VERB" and lemma == "rank":
        return True
    if tok.pos_ == "VERB" and lemma == "top" and any(c.dep_ == "dobj" for c in tok.children):
        return True
    if low in ("top", "bottom", "summit", "foot") and tok.pos_ in ("NOUN", "ADJ"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(p.lemma_.lower() in RANK_NOUNS for p in c.children):
                    return True
    if tok.pos_ == "VERB" and lemma in ("overtake", "surpass", "overtook"):
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    if tok.pos_ == "VERB" and lemma in ("finish", "come", "place", "rank", "end"):
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        return nxt is not None and nxt.ent_type_ == "ORDINAL" and nxt.head.i == tok.i
    return False


SCOPE_NOUNS = frozenset(
    """world country nation city region state continent county province club league
    party company industry sport history planet earth division government market
    group bloc union team town island""".split()
)
"""Possessors that set the field of a rank ("the world's largest", "the club's oldest")."""
_SCOPE_PREPS = frozenset({"of", "in", "on", "outside", "since", "among", "for", "across", "at"})


def _scoped(cue: Token) -> bool:
    """Is the superlative asserted of something, or only a description ("students from
    the most disadvantaged areas", "its nearest rival")? Asserted when predicated
    ("is the busiest", "fell to its lowest", "overtook X as the largest", an apposition)
    or given a field ("Europe's busiest", "in the country", "ever", "to win the title")."""
    np = _noun_phrase(cue)
    if np.dep_ in ("attr", "acomp", "oprd", "appos", "ROOT", "ccomp", "xcomp"):
        return True
    if np.dep_ == "pobj" and np.head.lower_ in ("as", "among", "to", "at"):
        return True
    if cue.lower_ == "only" and cue.dep_ == "advmod":
        return True  # "Only Turkey recognises ..."
    if _has_record_qualifier(cue):
        return True  # "suffered their worst result since 1918"
    heads = {np.i, cue.i, cue.head.i}
    for t in np.subtree:
        if t.dep_ == "poss" and t.head.i in heads:
            if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "LOC", "NORP"):
                return True
            if t.lemma_.lower() in SCOPE_NOUNS:
                return True
        if t.lower_ in ("ever", "yet", "record", "records"):
            return True
        if t.head.i in heads and t.dep_ == "prep" and t.lower_ in _SCOPE_PREPS:
            return True
        if t.head.i in heads and t.dep_ in ("acl", "relcl"):
            return True
    return False


def is_cue(tok: Token) -> bool:
    """Does this token make a record, rank or superlative claim (not an opinion, not
    a mere description)?"""
    if _adjective_cue(tok) or _only_cue(tok) or _rank_adjective(tok):
        return _scoped(tok)
    return (
        _record_word(tok)
        or _peak(tok)
        or _first_cue(tok)
        or _one_of_cue(tok)
        or _comparison_cue(tok)
        or _rank_cue(tok)
        or (tok.lower_ in ("unprecedented", "record-breaking") and tok.pos_ == "ADJ")
    )


def has_record(tokens: Iterable[Token]) -> bool:
    """Does the clause (its tokens) hold a record cue? (statements' "superlative" tag)"""
    return any(is_cue(t) for t in tokens)


def opinion_predicate(head: Token) -> bool:
    """ "Venice is the most beautiful city in the world": a copula whose complement is a
    superlative of opinion makes no claim at all."""
    if head.lemma_.lower() not in ("be", "remain", "become"):
        return False
    for comp in head.children:
        if comp.dep_ not in ("attr", "acomp"):
            continue
        for t in comp.subtree:
            if t.tag_ in ("JJS", "RBS") or t.lower_ in ("most",) and t.dep_ == "advmod":
                adj = t.head if t.lower_ == "most" else t
                noun = adj.head if adj.dep_ == "amod" else adj
                if _opinion(adj, noun):
                    return True
    return False


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


def _noun_phrase(cue: Token) -> Token:
    """The head of the phrase the cue sits in ("Europe's busiest inland waterway")."""
    tok = cue
    doc = cue.doc
    if cue.lower_ in ("only", "few", "handful") and cue.i >= 2:
        for k in range(cue.i - 1, max(-1, cue.i - 4), -1):
            if doc[k].lower_ == "of" and k >= 1 and doc[k - 1].lower_ in ("one", "some"):
                return doc[k - 1]  # "one of only four managers"
    for _ in range(3):  # "most severe", "fastest-growing", "longest-serving": to the noun
        if tok.dep_ == "advmod" and tok.head.pos_ in ("ADJ", "ADV", "VERB") and (
            tok.head.dep_ in ("amod", "compound", "attr", "acomp", "advmod", "appos")
            or tok.lower_ in ("most", "least")
        ):
            tok = tok.head
        elif tok.dep_ in ("amod", "compound", "nmod", "nummod", "det") and tok.head.pos_ in (
            "NOUN",
            "PROPN",
            "NUM",
            "ADJ",
        ):
            tok = tok.head
        else:
            break
    # "one of the highest rates", "some of the highest rents", "among the longest"
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in (
        "one",
        "some",
        "many",
        "two",
        "three",
    ):
        tok = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "among":
        tok = tok.head
    return tok


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
    if subj is not None and subj.i < start:
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
    while ordered and (ordered[-1].is_punct or ordered[-1].dep_ == "cc"):
        ordered.pop()
    if not ordered:
        return None
    return ordered[0], ordered[-1]


def _render(first: Token, last: Token) -> str:
    text = first.doc[first.i : last.i + 1].text
    return re.sub(r"\s+", " ", text).strip(" ,;:-–—")


MAX_LABEL_WORDS = 16


def _label(first: Token, last: Token, np: Token, verb: Token | None) -> str:
    """The clause when short; else subject + verb + the record phrase."""
    text = _render(first, last)
    words = text.split()
    if len(words) > MAX_LABEL_WORDS:
        phrase = _trim(_kept(np, np.i))
        core = _render(*phrase) if phrase else np.text
        subj = None
        if verb is not None:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and verb.dep_ == "conj":
                subj = next(
                    (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
                )
        lead = ""
        if subj is not None:
            compact = [t for t in subj.subtree if t.dep_ in ("det", "compound", "amod", "poss",
                                                            "case") or t.i == subj.i]
            lead = " ".join(t.text for t in sorted(compact, key=lambda t: t.i))
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


def _quantity(cue: Token, np: Token) -> bool:
    """Does the record rank an amount ("the largest", "a record high", "busiest")?"""
    low = cue.lower_
    adj = cue.head if low in ("most", "least") else cue
    lemma = adj.lemma_.lower()
    for form, base in (("est", ""), ("iest", "y"), ("st", "")):
        if adj.lower_.endswith(form) and adj.tag_ in ("JJS", "RBS"):
            lemma = adj.lower_[: -len(form)] + base if not lemma or lemma == adj.lower_ else lemma
            break
    if lemma in QUANTITY_ADJECTIVES or adj.lower_ in ("largest", "biggest", "busiest",
                                                      "highest", "lowest", "most", "least"):
        return True
    if cue.lower_ in ("record", "records", "high", "low", "peak", "trough", "highs", "lows"):
        return True
    if cue.lower_ in ("any", "never", "ever", "anyone", "anywhere"):
        return True
    head = np.lemma_.lower()
    return head in QUANTITY_HEADS or head in OUTCOME_HEADS


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
    if sent.text.rstrip().rstrip("”\"’'").endswith("?"):
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
        elif np.dep_ in ("pobj", "prep") and (np.head.head.pos_ in ("VERB", "AUX") or (
            np.dep_ == "prep" and np.head.pos_ in ("VERB", "AUX")
        )):
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
        label = _label(first, last, np, verb)
        ctype = "quantity" if _quantity(tok, np) else "other"
        out.append(
            RecordPhrase(start, end, tok.idx, tok.idx + len(tok.text), verb, label, ctype, tok)
        )
    return out


# ----------------------------------------------------------------- the extraction hook


def _tag(value: dict[str, Any]) -> None:
    tags = value.setdefault("tags", [])
    if TAG not in tags:
        tags.append(TAG)


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
        host = next(
            (s for s in statements if not s.silent and s.start <= c0 and c1 <= s.end), None
        )
        if host is not None:
            _tag(host.value)
            if host.claim_type == "other" and rec.claim_type == "quantity":
                host.claim_type = "quantity"
            continue
        number = next(
            (
                d
                for d in drafts
                if d.kind in ("ordinal", "quantity", "money", "percent")
                and (d.start <= c0 < d.end or (d.kind == "ordinal" and rec.start <= d.start < rec.end
                                               and cue.lower_ in ("first", "only")))
            ),
            None,
        )
        if number is not None:
            _tag(number.value)  # "the first woman to lead", "one of only four", "second-largest"
            continue
        if any(a <= rec.start and rec.end <= b for a, b in quotes) or any(
            a <= c0 < b for a, b in quotes
        ):
            continue  # a record inside a direct quote: the quote is the claim
        if _hedged(rec.verb, cue):
            continue
        if any(s.start <= rec.start and rec.end <= s.end for s in new):
            continue
        report = None
        for r in reports:
            head = r.head
            if head.idx <= c0 and any(a.i == head.i for a in [cue, *cue.ancestors]):
                report = r
                break
        speaker = report.speaker if report is not None else None
        label = rec.label
        if speaker:
            label = f"{speaker}: {label}"
        tags = [TAG]
        if any(t.dep_ == "neg" or t.lower_ in ("not", "never", "no") for t in
               sent.doc.char_span(rec.start, rec.end, alignment_mode="expand") or []):
            tags.append("negated")
        ctype = rec.claim_type
        if rec.verb is not None and any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in rec.verb.children
        ):
            ctype = "prediction"
        value = {"negated": "negated" in tags, "tags": tags}
        new.append(Statement(rec.start, rec.end, label, value, ctype, speaker))
    return new
