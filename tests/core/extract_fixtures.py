"""Extraction of a dict of test texts, each as an article of its own, with every offset
checked against the article's text (anchor, sentence, entities)."""

from __future__ import annotations

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many


def claims_by_key(texts: dict[str, str]) -> dict[str, list]:
    """Each text's claims (no consistency claims), after asserting that every offset slices
    the article text as it is."""
    keys = list(texts)
    articles = [make_article("Headline\n\n" + texts[k] + "\n", k) for k in keys]
    out = {}
    for k, article, found in zip(keys, articles, extract_many(articles), strict=True):
        for c in found:
            assert article.text[c.start : c.end] == c.anchor
            assert article.text[c.sentence_start : c.sentence_end] == c.sentence
            for e in c.entities:
                assert article.text[e["start"] : e["end"]] == e["text"]
        out[k] = [c for c in found if c.kind != "consistency"]
    return out


def of_kind(claims: dict[str, list], key: str, kind: str) -> list:
    """The claims of one kind among one text's claims (``claims_by_key``'s result)."""
    return [c for c in claims[key] if c.kind == kind]


def one_of(claims: dict[str, list], key: str, kind: str, anchor: str | None = None):
    """The one claim of a kind among one text's claims whose anchor holds ``anchor``
    (any, when None); fails, listing the text's claims, unless there is exactly one."""
    found = [c for c in of_kind(claims, key, kind) if anchor is None or anchor in c.anchor]
    assert len(found) == 1, [(c.kind, c.anchor, c.label, c.value) for c in claims[key]]
    return found[0]
