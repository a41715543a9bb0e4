"""Repairs of the dependency parse where the small English models slip, made on a
``Parsed`` doc (plain tokens) before any claim is read from it; the spaCy doc is
left as it is.

- A number the parser attached as punctuation ("The council said 0 people attended":
  ``0`` a ``punct`` of "said") is the count of the noun after it, as "10 people" is.
- A second direct object set off by a comma after the first ("5,000 farmers drove
  tractors into the city, the largest such protest in a decade") is a phrase about the
  clause (``npadvmod``, as the parser reads "..., the most since 1992" elsewhere), not a
  second thing driven: a verb has one direct object; nor is a bare superlative after a
  comma one ("Debt will peak at 97.8% in 2027, the highest since the early 1960s").
- An apposition the parser hung on a subject but set after that subject's verb ("Some
  30,000 teachers went on strike on Tuesday, the biggest walkout in a decade") is a
  phrase about the clause too: an apposition stands next to its noun, not past its verb.
- An amount the parser made a compound of the "year" of "year on year" ("Sales rose 6%
  year on year": "%" a compound of "year") measures the verb or change word, as in "rose
  6% on the year": it is the phrase's sister, not part of it.
- "rose by £12,000 to £290,000" read as one range "£12,000 to £290,000" under "by": the
  change is the first amount (the object of "by"), the new level the second (the object
  of "to", a phrase of the verb).
- "Estimates of the death toll range from 200 to 450": a sentence with no verb, whose
  "range" or "vary" the parser took for a noun (of "the death toll range"), before the
  "from" or "between" of its ends. "range" is the verb, the noun phrase before it its
  subject, the ends its phrases, as in "Estimates range from 200 to 450".
"""

from __future__ import annotations

from typing import Any

from .lexicon import SCALE_SUFFIXES, TIME_UNITS
from .parsed import Parsed

_PERIOD_PREPS = frozenset({"on", "over", "to"})


def period_on_period(doc: Any, i: int) -> int | None:
    """The end of "year on year", "month-on-month", "quarter over quarter" starting at
    token ``i`` (a change measured against the same period before), or None."""
    unit = doc[i].lower_
    if unit not in TIME_UNITS and unit != "quarter":
        return None
    j = i + 1
    while j < len(doc) and doc[j].text in ("-", "‑"):
        j += 1
    if j >= len(doc) or doc[j].lower_ not in _PERIOD_PREPS:
        return None
    j += 1
    while j < len(doc) and doc[j].text in ("-", "‑"):
        j += 1
    return j + 1 if j < len(doc) and doc[j].lower_ == unit else None


def _reattach(tok: Any, head: Any, dep: str) -> None:
    old = tok.head
    if old is not tok:
        old.children = tuple(c for c in old.children if c is not tok)
    tok.head, tok.dep_ = head, dep
    head.children = tuple(sorted((*head.children, tok), key=lambda c: c.i))


def _counted_noun(doc: Parsed, tok: Any) -> Any:
    """The noun right after a number (over one adjective: "0 new cases")."""
    for k in (tok.i + 1, tok.i + 2):
        if k >= len(doc) or not doc[k - 1].whitespace_:
            return None
        nxt = doc[k]
        if nxt.pos_ in ("NOUN", "PROPN"):
            return nxt
        if nxt.pos_ != "ADJ":
            return None
    return None


def _by_to(doc: Parsed, tok: Any) -> None:
    """ "rose by £12,000 to £290,000": split the range the parser read under "by"."""
    by = tok.head
    if tok.dep_ != "pobj" or by.lower_ != "by" or by.head.pos_ != "VERB" or not tok.like_num:
        return
    to = next((c for c in tok.children if c.dep_ == "quantmod" and c.lower_ == "to"), None)
    if to is None:
        return
    first = next(
        (c for c in tok.children if c.dep_ == "quantmod" and c.like_num and c.i < to.i), None
    )
    if first is None or first.i < by.i:
        return
    for c in tok.children:
        if c.i < first.i and c.dep_ in ("quantmod", "nmod"):
            _reattach(c, first, "nmod")  # the "£" of the first amount
    _reattach(first, by, "pobj")
    _reattach(to, by.head, "prep")
    _reattach(tok, to, "pobj")


_RANGE_VERBS = frozenset({"range", "vary"})
_RANGE_PREPS = frozenset({"from", "between"})


def _tree_root(tok: Any) -> Any:
    while tok.head is not tok:
        tok = tok.head
    return tok


def _range_verb(doc: Parsed, tok: Any) -> bool:
    """ "Estimates of the death toll range from 200 to 450": make "range" the verb."""
    if (
        tok.lower_ not in _RANGE_VERBS
        or tok.pos_ != "NOUN"
        or tok.i + 1 >= len(doc)
        or doc[tok.i + 1].lower_ not in _RANGE_PREPS
    ):
        return False
    root = _tree_root(tok)
    if root.pos_ not in ("NOUN", "PROPN") or any(
        t.pos_ in ("VERB", "AUX") and t.lower_.rstrip(".") not in SCALE_SUFFIXES
        for t in root.subtree
    ):  # (the "m" of "£40m" the tagger may take for a verb)
        return False
    before = [c for c in tok.children if c.i < tok.i]
    noun = next(
        (c for c in reversed(before) if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"), None
    )
    if root is tok:
        if noun is None:
            return False
        subject = noun  # "Bonuses range from ...": the noun before it
        for c in before:
            if c is not noun and c.i < noun.i:
                _reattach(c, noun, c.dep_)
        _reattach(noun, tok, "nsubj")
    else:
        if root.i > tok.i:
            return False
        subject = root
        if noun is not None:  # "of the death toll range": "toll" stands where "range" stood
            _reattach(noun, tok.head, tok.dep_)
            for c in before:
                if c is not noun:
                    _reattach(c, noun, c.dep_)
        for c in [c for c in root.children if c.i > tok.i]:
            _reattach(c, tok, c.dep_)  # the ends ("from 200 to 450") and the full stop
        root.head, root.dep_ = root, "ROOT"  # (detached below)
        _reattach(root, tok, "nsubj")
    tok.head, tok.dep_ = tok, "ROOT"
    old = [t for t in doc if tok in t.children and t is not tok]
    for t in old:
        t.children = tuple(c for c in t.children if c is not tok)
    tok.pos_, tok.lemma_ = "VERB", tok.lower_
    tok.tag_ = "VBZ" if subject.tag_ in ("NN", "NNP") else "VBP"
    return True


def repair_parse(doc: Parsed) -> None:
    """Repair ``doc``'s tokens in place (see the module's docstring)."""
    tok: Any
    rooted = False
    for tok in doc:
        _by_to(doc, tok)
        rooted = _range_verb(doc, tok) or rooted
        if tok.dep_ == "punct" and tok.pos_ == "NUM" and tok.like_num and not tok.children:
            noun = _counted_noun(doc, tok)
            if noun is not None:
                _reattach(tok, noun, "nummod")
        elif (
            tok.dep_ in ("compound", "nmod", "nummod")
            and tok.head.i == tok.i + 1
            and tok.head.dep_ == "npadvmod"
            and tok.head.head.i < tok.i
            and (tok.like_num or tok.text == "%" or tok.ent_type_ in ("PERCENT", "MONEY"))
            and period_on_period(doc, tok.head.i) is not None
        ):
            _reattach(tok, tok.head.head, "npadvmod")  # "rose 6% year on year"
        elif (
            tok.dep_ == "appos"
            and tok.head.dep_ in ("nsubj", "nsubjpass")
            and tok.head.i < tok.head.head.i < tok.left_edge.i
            and tok.left_edge.i > 0
            and doc[tok.left_edge.i - 1].text == ","
        ):
            _reattach(tok, tok.head.head, "npadvmod")
        elif (
            tok.dep_ == "dobj"
            and tok.left_edge.i > 0
            and doc[tok.left_edge.i - 1].text == ","
            and (
                any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children)
                or tok.tag_ in ("JJS", "RBS")  # "Debt will peak at 97.8%, the highest since ..."
            )
        ):
            _reattach(tok, tok.head, "npadvmod")
    if rooted and doc._sents is not None:
        for sent in doc._sents:
            sent._root = None  # a sentence's root was set anew
