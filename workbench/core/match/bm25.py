"""A small BM25 index over numpy: documents are added incrementally, queried by terms.

Postings are kept per term as growing Python lists and frozen into numpy arrays on
first use after a change, so adding a document costs a few list appends and a query
touches only the postings of its own terms.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

K1 = 1.2
B = 0.75


class BM25:
    """Okapi BM25 (k1=1.2, b=0.75) with Lucene's non-negative idf."""

    def __init__(self) -> None:
        self._docs: dict[str, list[int]] = {}  # term -> doc numbers
        self._tfs: dict[str, list[int]] = {}
        self._frozen: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lengths: list[int] = []
        self._total = 0
        self._len_arr: np.ndarray | None = None
        self._idf: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._lengths)

    def add(self, terms: list[str]) -> int:
        """Index one document; returns its number (0, 1, 2, ...)."""
        n = len(self._lengths)
        for term, tf in Counter(terms).items():
            self._docs.setdefault(term, []).append(n)
            self._tfs.setdefault(term, []).append(tf)
            self._frozen.pop(term, None)
        self._lengths.append(len(terms))
        self._total += len(terms)
        self._len_arr = None
        self._idf = {}
        return n

    def idf(self, term: str) -> float:
        got = self._idf.get(term)
        if got is None:
            df = len(self._docs.get(term, ()))
            n = len(self._lengths)
            got = math.log(1.0 + (n - df + 0.5) / (df + 0.5)) if df else 0.0
            self._idf[term] = got
        return got

    def df(self, term: str) -> int:
        return len(self._docs.get(term, ()))

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        got = self._frozen.get(term)
        if got is None:
            docs = self._docs.get(term)
            if not docs:
                return None
            got = (np.asarray(docs, dtype=np.int32), np.asarray(self._tfs[term], np.float32))
            self._frozen[term] = got
        return got

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every document for a query (one float32 per document)."""
        n = len(self._lengths)
        out = np.zeros(n, dtype=np.float32)
        if not n:
            return out
        if self._len_arr is None:
            avg = self._total / n or 1.0
            self._len_arr = K1 * (1 - B + B * np.asarray(self._lengths, np.float32) / avg)
        norm = self._len_arr
        for term, qtf in Counter(terms).items():
            post = self._postings(term)
            if post is None:
                continue
            docs, tf = post
            out[docs] += self.idf(term) * qtf * tf * (K1 + 1) / (tf + norm[docs])
        return out

    def best(self, terms: list[str]) -> float:
        """The score a document of average length holding each query term once would get:
        the scale that turns a score into a share (0..~1.2)."""
        return sum(self.idf(t) * q for t, q in Counter(terms).items())
