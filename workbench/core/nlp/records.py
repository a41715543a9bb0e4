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

A superlative counts only where it is asserted (predicated, or given a field:
"Europe's busiest", "in the country", "since 1969"), not where it only describes
("students from the most disadvantaged areas"). ``record_claims.py`` turns the cues
into claims. Works on the spaCy parse; imported only by extraction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .lexicon import ORDINAL_IDIOMS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

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
    asset advantage reason way part aspect feature idea option choice solution chance
    answer hope""".split()
)
"""Heads that make a superlative a view ("the biggest challenge now is ...")."""
NOT_GRADED = frozenset(
    """likely probable unlikely recently notably importantly famously especially
    particularly significantly""".split()
)
"""Words after "most" that hedge or point rather than rank."""
UNIQUE_WORDS = frozenset({"unprecedented", "record-breaking", "unparalleled", "unmatched"})
IMPORTANCE_HEADS = frozenset(
    "match game fixture event occasion night story name star fight clash moment".split()
)
"""Heads whose "biggest" means the most important, not the largest."""
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


# ----------------------------------------------------------------- cues


def _noun_phrase(cue: Token) -> Token:
    """The head of the phrase the cue sits in ("Europe's busiest inland waterway")."""
    tok = cue
    doc = cue.doc
    if cue.lower_ in ("only", "few", "handful") and cue.i >= 2:
        for k in range(cue.i - 1, max(-1, cue.i - 4), -1):
            if doc[k].lower_ == "of" and k >= 1 and doc[k - 1].lower_ in ("one", "some"):
                return doc[k - 1]  # "one of only four managers"
    for _ in range(3):  # "most severe", "fastest-growing", "longest-serving": to the noun
        if (
            tok.dep_ == "advmod"
            and tok.head.pos_ in ("ADJ", "ADV", "VERB")
            and (
                tok.head.dep_ in ("amod", "compound", "attr", "acomp", "advmod", "appos")
                or tok.lower_ in ("most", "least")
            )
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
    while (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_
        in (
            "one",
            "some",
            "many",
            "two",
            "three",
        )
    ):
        tok = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "among":
        tok = tok.head
    return tok


def _phrase_scope(tok: Token) -> list[Token]:
    """The tokens that can qualify the superlative ``tok``: its phrase, and what follows
    it in the clause when the phrase is the verb's complement or object."""
    head = _noun_phrase(tok)
    scope = list(head.subtree)
    verb = head.head if head.dep_ in ("attr", "acomp", "oprd", "dobj", "pobj") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        scope += [t for c in verb.children if c.i > head.i for t in c.subtree]
    return scope


def _has_record_qualifier(tok: Token, spans: bool = True) -> bool:
    """ "since 1969", "ever", "on record", "in history", "in 500 years", "yet observed",
    "of any major city", "in the world" does not count (it is the scope of an opinion).
    ``spans=False``: a span of time ("this century", "in 500 years") does not count
    either: the best thing to happen "in 50 years" is still a view."""
    for t in _phrase_scope(tok):
        low = t.lower_
        if low in _RECORD_QUALIFIERS:
            return True
        if low == "kind" and t.head.lower_ == "of":
            return True  # "the largest award of its kind"
        if not spans:
            continue
        if t.lemma_.lower() in TIME_UNITS and any(
            c.dep_ == "det" and c.lower_ == "this" for c in t.children
        ):
            return True  # "its highest level this century"
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
    if _effect(adj):
        return not _has_record_qualifier(adj, spans=False)  # "the most moving show"
    if evaluative and adj.i + 1 < len(adj.doc) and adj.nbor().text == "-":
        return False  # "best-selling"
    if adj.lower_ in ("nearest", "closest") and adj.dep_ == "amod":
        return not _has_record_qualifier(adj)  # "its nearest rival", "his closest ally"
    abstract = head.lemma_.lower() in ABSTRACT_HEADS or head.lower_ in ABSTRACT_HEADS
    if lemma in ("big", "great", "large") or adj.lower_ in ("biggest", "greatest", "largest"):
        abstract = abstract or head.lemma_.lower() in IMPORTANCE_HEADS  # "the biggest match"
    if not (evaluative or abstract):
        return _unmeasured(adj) and not _measured_field(adj)
    return not _has_record_qualifier(adj, spans=not (evaluative and abstract))


def _effect(adj: Token) -> bool:
    """A present participle graded by "most"/"least" tells its effect on whoever
    watches ("the most moving show", "the least convincing answer"), a view; not a
    compound of a measure ("fastest-growing", "best-selling")."""
    return (
        adj.lower_.endswith("ing")
        and adj.tag_ in ("JJ", "VBG")
        and "-" not in adj.lower_
        and not (adj.i > 0 and adj.nbor(-1).text == "-")
        and any(c.dep_ == "advmod" and c.lower_ in ("most", "least") for c in adj.children)
    )


MEASURED_WORDS = frozenset(
    """senior junior prolific decorated capped visited watched read viewed populated
    polluted indebted""".split()
)
"""Adjectives (besides ``QUANTITY_ADJECTIVES``) whose superlative ranks by a count or a
record ("the most senior judge", "the most capped player")."""
_HARD_QUALIFIERS = frozenset({"since", "record", "records", "history"})


def base_lemma(adj: Token) -> str:
    """The adjective's base form, also where the lemmatizer left a superlative or a
    comparative as it is ("deadliest" -> "deadly", "friendlier" -> "friendly")."""
    lemma = adj.lemma_.lower()
    if lemma != adj.lower_ or adj.tag_ not in ("JJS", "RBS", "JJR", "RBR"):
        return lemma
    for form, base in (("iest", "y"), ("est", ""), ("st", ""), ("ier", "y"), ("er", "")):
        if lemma.endswith(form):
            return lemma[: -len(form)] + base
    return lemma


def _unmeasured(adj: Token) -> bool:
    """Is this a superlative of an adjective that measures nothing ("the most awkward",
    "its most elegant", "the least surprising"): not a dimension, amount or rate
    (``QUANTITY_ADJECTIVES``), not a participle of what is counted ("the most visited",
    "best-selling"), not "most" of a noun?"""
    if adj.lower_ in ("most", "least"):
        return False  # "won the most votes": a count
    if adj.tag_ in ("VBN", "VBG") or "-" in adj.lower_:
        return False
    if adj.i + 1 < len(adj.doc) and adj.nbor().text == "-":
        return False  # "fastest-growing", "longest-serving"
    lemma = base_lemma(adj)
    return not (lemma in QUANTITY_ADJECTIVES or lemma in MEASURED_WORDS
                or adj.lower_ in MEASURED_WORDS)


def _measures(adj: Token) -> bool:
    """Does a comparative or an adjective after "so"/"as" compare a measure ("lower",
    "so fast", "more divided": a participle), not a quality ("friendlier", "better",
    "so beautiful")?"""
    if adj.lower_ in ("more", "less") and adj.head.i != adj.i and adj.head.pos_ in ("ADJ", "VERB"):
        adj = adj.head  # "more ambitious", "more divided"
    lemma = base_lemma(adj)
    if adj.lower_ in ("better", "worse") or lemma in EVALUATIVE:
        return False
    return not _unmeasured(adj)


def _measured_field(adj: Token) -> bool:
    """Does a superlative of an adjective that measures nothing rank within a field a
    record can settle: a named place or body ("Europe's most peaceful country", "the
    most competitive race in Ohio", "in the country", "the world's"), a table or poll
    ("in the league"), a record or a span of years ("since 1990", "in the club's
    history", "in 20 years", "in a decade")? "Ever", "yet", "of the
    year", "in recent memory" do not: "the most ambitious plan yet" is a view."""
    for t in _phrase_scope(adj):
        if t.lower_ in _HARD_QUALIFIERS or t.lemma_.lower() in RANK_NOUNS or t.like_num:
            return True
        if t.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "FAC") and t.dep_ in ("pobj", "poss"):
            return True
        if t.pos_ == "PROPN" and t.dep_ == "poss":
            return True
        if t.lemma_.lower() in SCOPE_NOUNS and (
            t.dep_ == "poss" or t.dep_ == "pobj" and t.head.lower_ in ("in", "of")
        ):
            return True  # "the most dangerous road in the country", "the world's ..."
        if t.lemma_.lower() in TIME_UNITS and t.head.lower_ in ("in", "for") and any(
            c.lower_ in ("a", "over", "more") for c in t.subtree
        ):
            return True  # "the most serious leak in a decade"
    return False


def _idiom(tok: Token) -> bool:
    """ "at least", "at most", "at best", "did his best", "the best of the summer"."""
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if prev == "at":
        return True
    if tok.lower_ in ("best", "worst", "utmost") and tok.dep_ in ("dobj", "pobj"):
        if not any(c.dep_ == "prep" and c.lower_ in ("since", "in") for c in tok.children):
            return True  # "did his best to", "made the best of it"
    if tok.lower_ in ("most", "best") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
        if tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ == "all":
            return True  # "most of all"
    return False


def _adjective_cue(tok: Token) -> bool:
    """A superlative adjective or adverb, or "most/least" + adjective, not an opinion."""
    low = tok.lower_
    if low in ("most", "least"):
        adj = tok.head
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if tok.dep_ != "advmod" and prev == "the" and low == "most" and not _idiom(tok):
            return tok.dep_ not in ("nsubj", "nsubjpass")  # "won the most votes since 1997"
        participle = adj.tag_ in ("VBN", "VBG") and adj.dep_ in ("amod", "acomp", "attr")
        if tok.dep_ != "advmod" or adj.pos_ not in ("ADJ", "ADV") and not participle:
            return False  # (a participle: "the most watched broadcast")
        if _idiom(tok):
            return False
        if adj.lower_ in NOT_GRADED:
            return False  # "most likely", "most recently", "most notably"
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
    if mods & {
        "world",
        "club",
        "national",
        "olympic",
        "european",
        "british",
        "course",
        "league",
        "all",
        "time",
        "career",
        "american",
        "games",
        "championship",
        "new",
        "previous",
        "global",
        "personal",
        "state",
        "school",
        "team",
    }:
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
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if prev == "a" and tok.pos_ in ("NOUN", "ADJ") and tok.dep_ in ("attr", "dobj", "appos"):
        return True  # "marking a first for the country"
    head = tok.head if tok.dep_ in ("amod", "nummod", "compound") else tok
    if nxt is not None and nxt.lower_ == "such":
        return True  # "the first such agreement since 2015"
    if head.lemma_.lower() in ("time",):
        prev = doc[head.i - 3 : head.i]
        if head.dep_ == "npadvmod" and not any(t.lower_ == "for" for t in prev):
            return False  # "The first time she walked in, she was terrified": when, no record
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
    return (
        head.i == tok.i
        and tok.dep_ in ("attr", "oprd", "appos", "pobj")
        and any(c.dep_ in ("acl", "relcl", "prep", "xcomp") for c in tok.children)
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
    if (
        prev is not None
        and prev.lower_ == "of"
        and tok.i >= 2
        and doc[tok.i - 2].lower_ in ("one", "some", "among")
    ):
        return True  # "one of only four"
    if nxt is not None and nxt.lower_ in ("a", "handful", "few", "just", "about", "around"):
        return False  # "only a handful": a vague quantity
    head = tok.head
    if head.lemma_.lower() in ABSTRACT_HEADS:
        return False  # "the only way to stop it"
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
    if low == "only" and prev == "behind":
        return True  # "behind only the United States"
    if low == "other" and prev == "no" and tok.head.pos_ in ("NOUN", "PROPN"):
        return True  # "No other country has signed as many deals"
    if low == "never":
        if nxt == "before":
            return True
        after = doc[tok.i + 1 : tok.i + 5]
        if any(
            t.lower_ in ("so", "as")
            and t.i + 1 < len(doc)
            and doc[t.i + 1].pos_ in ("ADJ", "ADV")
            and _measures(doc[t.i + 1])
            for t in after
        ):
            return True  # "has never grown so fast", "never been as high"
        head = tok.head
        return any(
            c.dep_ in ("acomp", "advmod", "attr") and c.tag_ in ("JJR", "RBR") and _measures(c)
            for c in head.children
        )  # "has never been lower", not "never been friendlier" (a view)
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
    if low == "number" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("one", "1", "two"):
        prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        return prev in ("at", "to", "world", "the")  # "went to number one in the charts"
    if tok.pos_ == "VERB" and lemma == "top":
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        return bool(objs) and not any(
            t.like_num or t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL")
            for o in objs
            for t in o.subtree
        )  # "topped the charts", not "oil topped $100" (a threshold: the number's claim)
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
    if (
        np.dep_ == "pobj"
        and np.head.lower_ in ("as", "among", "to", "at")
        and (np.head.head.pos_ in ("VERB", "AUX") or np.head.lower_ == "among")
    ):
        return True  # "fell to its lowest", "closed at a record high"
    if cue.lower_ == "only" and cue.dep_ == "advmod":
        return True  # "Only Turkey recognises ..."
    if _has_record_qualifier(cue):
        return True  # "suffered their worst result since 1918"
    heads = {np.i, cue.i, cue.head.i}
    subject = next((a for a in [np, *np.ancestors] if a.dep_ in ("nsubj", "nsubjpass")), None)
    in_subject = subject is not None and subject.head.lemma_.lower() != "be"
    # ("The most visited museum in the world is the Louvre": a copula asserts it)
    for t in np.subtree:
        if t.dep_ == "poss" and t.head.i in heads:
            if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "ORG", "LOC", "NORP"):
                return True
            if t.lemma_.lower() in SCOPE_NOUNS:
                return True
        if t.lower_ in ("ever", "yet", "record", "records"):
            return True
        if in_subject:
            continue  # "the oldest of the three brothers runs the farm": who, not a rank
        if t.head.i in heads and t.dep_ == "prep" and t.lower_ in _SCOPE_PREPS:
            return True
        if t.head.i in heads and t.dep_ in ("acl", "relcl"):
            return True
    return False


def _personal_best(tok: Token) -> bool:
    """ "a personal best", "a season's best", "a world best": an athletics record."""
    return tok.lower_ in ("best", "bests") and any(
        c.lower_ in ("personal", "season", "world", "career", "lifetime", "national")
        for c in tok.children
        if c.dep_ in ("amod", "compound", "poss")
    )


CANDIDATES = (
    frozenset(
        """most least record records high low peak trough highs lows first first-ever only
    sole one any anyone anywhere anything ever never second other number top tops topped
    topping bottom summit foot leading foremost best bests rank ranks ranked ranking
    overtake overtakes overtook overtaken overtaking surpass surpasses surpassed
    surpassing finish finishes finished finishing come comes came coming place places
    placed placing end ends ended ending""".split()
    )
    | UNIQUE_WORDS
)
"""Every word a cue can be, besides superlative tags (a cheap first test per token)."""


def idiom_ordinal(tok: Token) -> bool:
    """Is the ordinal word hyphenated to a word it makes a word of its own with, ranking
    nothing ("first-time buyers", "second-hand cars", "a first-rate team", "third-party
    insurance")? "first-choice", "second-tier", "third-placed" stay ranks."""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and not tok.whitespace_
        and doc[tok.i + 1].text in ("-", "‑")
        and not doc[tok.i + 1].whitespace_
        and doc[tok.i + 2].lower_ in ORDINAL_IDIOMS
    )


def is_cue(tok: Token) -> bool:
    """Does this token make a record, rank or superlative claim (not an opinion, not
    a mere description)?"""
    if tok.tag_ not in ("JJS", "RBS") and tok.lower_ not in CANDIDATES:
        return False
    if idiom_ordinal(tok):
        return False  # "first-time buyers": no record
    if _personal_best(tok):
        return True
    if _adjective_cue(tok) or _only_cue(tok) or _rank_adjective(tok):
        return _scoped(tok)
    return (
        _record_word(tok)
        or _peak(tok)
        or _first_cue(tok)
        or _one_of_cue(tok)
        or _comparison_cue(tok)
        or _rank_cue(tok)
        or (tok.lower_ in UNIQUE_WORDS and tok.pos_ == "ADJ")
    )


def has_record(tokens: Iterable[Token]) -> bool:
    """Does the clause (its tokens) hold a record cue? (statements' "superlative" tag)"""
    return any(is_cue(t) for t in tokens)


def opinion_predicate(head: Token) -> bool:
    """ "Venice is the most beautiful city in the world": a copula whose complement is a
    superlative of opinion makes no claim at all."""
    if head.lemma_.lower() not in ("be", "remain", "become") and not _contracted_be(head):
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


def _contracted_be(head: Token) -> bool:
    """ "It’s the best thing": a contracted "is" with a curly apostrophe, which the
    lemmatizer leaves as "’"."""
    return head.lower_ in ("’s", "’re", "’m", "'s", "'re", "'m") and any(
        c.dep_ in ("attr", "acomp") for c in head.children
    )


def opinion_superlative(adj: Token) -> bool:
    """Is the superlative ``adj`` standing alone as a predicate ("were second best") a
    view?"""
    return _opinion(adj, adj)
