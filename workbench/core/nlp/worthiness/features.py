"""Features of one sentence for the check-worthiness model, read from a spaCy parse.

Pure Python over token attributes the extraction pipeline already computed
(``pos_``, ``tag_``, ``dep_``, ``lemma_``, ``ent_type_``, ``like_num``, ...): no
scikit-learn, no numpy. The same function feeds training and scoring, so the
shipped weights always match the features. Each feature is a string; the model
is a weight per string.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from ..doc_cache import doc_ents, span_ents
from ..lexicon import OPINION_VERBS, REPORTING_VERBS
from ..parsed import Parsed, Part

FEATURE_VERSION = 2
"""Bumped whenever the features change: a model trained on another version is refused.
(A model that also uses the pooled sentence vector names it in its ``embedding`` section,
and a scorer without those vectors refuses it: see ``scorer.py``.)"""

SAY_VERBS = REPORTING_VERBS
"""Verbs of saying (the shared lexicon): reported speech is a hint of a checkable statement."""

_PERSONAL = {
    "i": "1",
    "me": "1",
    "my": "1",
    "we": "1p",
    "us": "1p",
    "our": "1p",
    "you": "2",
    "your": "2",
}


def _bucket(n: int, edges: Iterable[int]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return "more"


def _entities(tokens: Any) -> Iterable[Any]:
    """``tokens.ents`` of a Span or a Doc, without a walk over the whole doc per span."""
    if isinstance(tokens, Part | Parsed):
        return span_ents(tokens) if isinstance(tokens, Part) else tokens.ents
    spacy_tokens = sys.modules.get("spacy.tokens")  # loaded wherever a parse was made
    if spacy_tokens is not None:
        if isinstance(tokens, spacy_tokens.Span):
            return span_ents(tokens)
        if isinstance(tokens, spacy_tokens.Doc):
            return doc_ents(tokens)
    return getattr(tokens, "ents", ())


_ROWS = "workbench.worthiness.rows"
_PUNCT = ("",)
"""The row of a punctuation token: its lemma is "" (no bigram across it)."""
_MISSING = object()


def _row(tok: Any) -> tuple[Any, ...] | None:
    """What one token adds to its sentence's features, read from the token alone:
    ``(lemma, feature strings, is a number, entity type, is the root, tag)``;
    None for whitespace, ``_PUNCT`` for punctuation."""
    if tok.is_space:
        return None
    pos = tok.pos_
    if tok.is_punct:
        return _PUNCT
    lower = tok.lower_
    lemma = tok.lemma_.lower() if tok.lemma_ else lower
    num = False
    if tok.like_num or pos == "NUM":
        lemma = "<num>"
        num = True
    elif tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"):
        lemma = f"<{tok.ent_type_}>"
    feats = [f"w:{lemma}"]
    tag = tok.tag_
    feats.append(f"t:{tag}")
    dep = tok.dep_
    head = tok.head
    feats.append(f"d:{dep}>{head.pos_}")
    feats.append(f"dd:{head.lemma_.lower()}>{dep}>{lemma}")
    if pos in ("VERB", "AUX"):
        feats.append(f"vt:{lemma}:{tag}")
    root = dep == "ROOT"
    if root:
        feats.append(f"root:{lemma}")
    if pos in ("VERB", "AUX") and lemma in SAY_VERBS:
        feats.append("say")
    if pos == "VERB" and lemma in OPINION_VERBS:
        feats.append(f"opinion:{_PERSONAL.get(_subject(tok), 'other')}")
    if dep in ("nsubj", "nsubjpass"):
        feats.append(f"subj:{_PERSONAL.get(lower, pos)}")
    if tag in ("JJR", "RBR", "JJS", "RBS"):
        feats.append("compare")
    if lower in ("%", "percent", "$") or tok.is_currency:
        feats.append("unit-sign")
    return (lemma, feats, num, tok.ent_type_, root, tag)


def _rows(tokens: Any) -> list[tuple[Any, ...] | None]:
    """The rows of ``tokens``; for a Span or a Doc each token's row is computed once per
    doc (a sentence and its clauses are scored apart and share their tokens)."""
    spacy_tokens = sys.modules.get("spacy.tokens")  # loaded wherever a parse was made
    if isinstance(tokens, Part):
        doc, start, end = tokens.doc, tokens.start, tokens.end
    elif isinstance(tokens, Parsed):
        doc, start, end = tokens, 0, len(tokens)
    elif spacy_tokens is not None and isinstance(tokens, spacy_tokens.Doc):
        doc, start, end = tokens, 0, len(tokens)
    elif spacy_tokens is not None and isinstance(tokens, spacy_tokens.Span):
        doc, start, end = tokens.doc, tokens.start, tokens.end
    else:  # any other sequence of tokens
        return [_row(tok) for tok in tokens]
    table = doc.user_data.get(_ROWS)
    if table is None:
        table = doc.user_data[_ROWS] = [_MISSING] * len(doc)
    out = table[start:end]
    if _MISSING in out:  # a token no span read before
        for k, row in enumerate(out):
            if row is _MISSING:
                out[k] = table[start + k] = _row(doc[start + k])
    return out


def token_features(tokens: Any) -> list[str]:
    """The feature strings of a sequence of spaCy tokens (a Span or a Doc)."""
    feats: list[str] = ["bias"]
    lemmas: list[str] = []
    ents: set[str] = set()
    n_words = 0
    n_num = 0
    root_tag = ""
    for row in _rows(tokens):
        if row is None:
            continue
        if row is _PUNCT:
            lemmas.append("")
            continue
        n_words += 1
        lemma, own, num, ent_type, root, tag = row
        if num:
            n_num += 1
        lemmas.append(lemma)
        feats.extend(own)
        if ent_type:
            ents.add(ent_type)
        if root:
            root_tag = tag
    for a, b in zip(lemmas, lemmas[1:], strict=False):
        if a and b:
            feats.append(f"w2:{a}_{b}")
    for ent in _entities(tokens):
        feats.append(f"el:{ent.label_}:{ent.root.head.lemma_.lower()}")
    if lemmas:
        feats.append(f"first:{lemmas[0]}")
    for label in ents:
        feats.append(f"ent:{label}")
    feats.append(f"nent:{_bucket(len(ents), (0, 1, 2))}")
    feats.append(f"num:{_bucket(n_num, (0, 1, 2))}")
    feats.append(f"len:{_bucket(n_words, (4, 8, 14, 22, 35))}")
    feats.append(f"roottag:{root_tag}")
    return feats


def _subject(verb: Any) -> str:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return str(child.lower_)
    return ""
