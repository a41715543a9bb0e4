"""The matcher: lexical (BM25) and semantic (static embeddings) retrieval, fused, scored.

``Matcher.add`` indexes documents incrementally (a fact-check or a reviewed claim:
``Doc``). ``Matcher.search`` ranks every document for a query text:

1. candidates: the best ``POOL`` by BM25 and the best ``POOL`` by cosine similarity;
2. each candidate gets a **score** in 0..1 from three signals: the cosine similarity,
   the BM25 score as a share of what a perfect match would get, and the share of the
   candidate's own words (weighted by rarity) that the query repeats;
3. a candidate whose numbers or names disagree with the query's (``agree``) keeps
   its place in the list but its score is cut below the suggestion threshold, with
   the reason;
4. the order is reciprocal rank fusion of the two retrievers, with the score as a
   further ranking; the score alone decides suggestion and strong match
   (``thresholds``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .agree import Number, name_conflict, names, number_conflict, numbers
from .bm25 import BM25
from .semantic import Embedder
from .tokens import STOP, terms, words

POOL = 25
RRF_K = 60
CONFLICT_FACTOR = 0.4


@dataclass
class Doc:
    """One indexed text: ``key`` is unique; ``payload`` is what a match shows."""

    key: str
    text: str
    context: str = ""
    """Who/where (claimant, headline): names there are no conflict."""
    payload: Any = None


@dataclass
class _Entry:
    key: str
    text: str
    terms: list[str]
    context: str
    payload: Any
    numbers: set[Number] | None = None
    """Computed when first needed (most documents are never a candidate)."""
    names: set[str] | None = None
    context_names: set[str] | None = None


@dataclass
class Hit:
    key: str
    payload: Any
    score: float
    lexical: float
    semantic: float
    coverage: float
    conflict: str = ""
    rank: int = 0
    signals: dict[str, Any] = field(default_factory=dict)


class _Case:
    """Which words the collection writes in lower case (those are not names)."""

    def __init__(self) -> None:
        self.lower: Counter[str] = Counter()
        self.upper: Counter[str] = Counter()

    def learn(self, text: str) -> None:
        for i, w in enumerate(words(text)):
            if not w[0].isalpha():
                continue
            low = w.lower()
            if w[0].islower():
                self.lower[low] += 1
            elif i > 0:
                self.upper[low] += 1

    def common(self, word: str) -> bool:
        return word in STOP or self.lower[word] > self.upper[word]


class Matcher:
    def __init__(self, embedder: Embedder | None) -> None:
        self.embedder = embedder
        self.bm25 = BM25()
        self.entries: list[_Entry] = []
        self.keys: dict[str, int] = {}
        self.case = _Case()
        dim = embedder.dim if embedder is not None else 0
        self._vectors = np.zeros((0, dim), dtype=np.float32)
        self._count = 0
        self.dead: set[int] = set()
        """Entries replaced or removed (tombstones: skipped by ``search``)."""

    def remove(self, key: str) -> None:
        i = self.keys.pop(key, None)
        if i is not None:
            self.dead.add(i)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def vectors(self) -> np.ndarray:
        return self._vectors[: self._count]

    def add(self, docs: list[Doc], vectors: np.ndarray | None = None) -> np.ndarray | None:
        """Index ``docs`` (keys already indexed are skipped); returns their vectors."""
        docs = [d for d in docs if d.key not in self.keys]
        if not docs:
            return None
        for d in docs:
            self.case.learn(d.text)
        if self.embedder is not None:
            if vectors is None:
                vectors = self.embedder.embed([d.text for d in docs])
            self._append(vectors)
        for d in docs:
            t = terms(d.text)
            self.keys[d.key] = len(self.entries)
            self.bm25.add(t)
            self.entries.append(_Entry(d.key, d.text, t, d.context, d.payload))
        return vectors

    def _append(self, vectors: np.ndarray) -> None:
        need = self._count + len(vectors)
        if need > len(self._vectors):
            size = max(need, 2 * len(self._vectors), 1024)
            grown = np.zeros((size, vectors.shape[1]), np.float32)
            grown[: self._count] = self._vectors[: self._count]
            self._vectors = grown
        self._vectors[self._count : need] = vectors
        self._count = need

    def _agreement(self, e: _Entry) -> tuple[set[Number], set[str], set[str]]:
        """The entry's numbers, names and context names (computed once)."""
        if e.numbers is None or e.names is None or e.context_names is None:
            e.numbers = numbers(e.text)
            e.names = names(e.text, self.case.common)
            e.context_names = names(e.context) if e.context else set()
        return e.numbers, e.names, e.context_names

    def search(self, text: str, limit: int = 10, exclude: tuple[str, ...] = ()) -> list[Hit]:
        n = len(self.entries)
        text = " ".join(text.split())
        if not n or not text:
            return []
        from .frames import core

        texts = [text]
        inner = core(text)
        if inner and inner != text:
            texts.append(inner)
        qvecs = None
        if self.embedder is not None and self._count == n:
            qvecs = self.embedder.embed(texts)
        # one pass over the vectors: retrieve with the claim itself (the cut-out core
        # when there is one); the other view's cosine is computed for candidates only
        views = [self._view(t) for t in texts]
        if qvecs is not None:
            main = views[-1]
            main["sem_rank"] = _ranks(self.vectors @ qvecs[-1], POOL)
        pool: dict[int, None] = {}
        for v in views:
            pool.update(dict.fromkeys(v["lex_rank"]))
            pool.update(dict.fromkeys(v["sem_rank"]))
        rows = [i for i in pool if i not in self.dead]
        if qvecs is not None and rows:
            cos = self.vectors[rows] @ qvecs.T
            for k, v in enumerate(views):
                v["sem"] = dict(zip(rows, cos[:, k].tolist(), strict=True))
        qnums = numbers(text)
        qnames = names(text, self.case.common)
        hits = []
        for i in rows:
            e = self.entries[i]
            if exclude and e.key.startswith(exclude):
                continue
            f = self._features(i, views)
            score = _logistic(f) if qvecs is not None else _lexical_score(f)
            dnums, dnames, context = self._agreement(e)
            conflict = number_conflict(qnums, dnums) or name_conflict(qnames, dnames, context)
            if conflict:
                score *= CONFLICT_FACTOR
            hits.append(
                Hit(e.key, e.payload, score, f["lex"], f["sem"], f["cov"], conflict, signals=f)
            )
        hits.sort(key=lambda h: (-h.score, -h.signals["rrf"]))
        for r, h in enumerate(hits[:limit], 1):
            h.rank = r
        return hits[:limit]

    def _view(self, text: str) -> dict[str, Any]:
        """One query text's retrieval: BM25 and cosine over every document."""
        qterms = terms(text)
        lex = self.bm25.scores(qterms)
        view: dict[str, Any] = {
            "terms": set(qterms),
            "lex": lex,
            "best": self.bm25.best(qterms) or 1.0,
            "lex_rank": _ranks(lex, POOL, positive=True),
            "sem": None,
            "sem_rank": {},
        }
        return view

    def _features(self, i: int, views: list[dict[str, Any]]) -> dict[str, float]:
        e = self.entries[i]
        f = {"sem": 0.0, "lex": 0.0, "cov": 0.0, "qcov": 0.0, "rrf": 0.0}
        dset = set(e.terms)
        for v in views:
            f["lex"] = max(f["lex"], min(float(v["lex"][i]) / v["best"], 1.0))
            if v["sem"] is not None:
                f["sem"] = max(f["sem"], v["sem"][i])
            f["cov"] = max(f["cov"], self._coverage(dset, v["terms"]))
            f["qcov"] = max(f["qcov"], self._coverage(v["terms"], dset))
            f["rrf"] = max(
                f["rrf"],
                RRF_K / (RRF_K + v["lex_rank"].get(i, 2 * POOL))
                + RRF_K / (RRF_K + v["sem_rank"].get(i, 2 * POOL)),
            )
        f["len"] = math.log1p(len(dset))
        return f

    def _coverage(self, dterms: list[str] | set[str], qset: set[str]) -> float:
        """Share of the document's words (idf-weighted) that the query repeats."""
        idf = self.bm25.idf
        total = got = 0.0
        for t in dterms:
            w = idf(t)
            total += w
            if t in qset:
                got += w
        return got / total if total else 0.0


WEIGHTS = {"sem": 4.163, "lex": 2.629, "cov": 4.005, "qcov": 3.677, "rrf": 2.616, "len": 0.997}
BIAS = -15.536
"""Logistic weights of the score (fitted on tests/data/match_dev, see bench/match_fit.py)."""


def _logistic(f: dict[str, float]) -> float:
    z = BIAS + sum(WEIGHTS[k] * f[k] for k in WEIGHTS)
    return 1.0 / (1.0 + math.exp(-z))


def _lexical_score(f: dict[str, float]) -> float:
    """Without an embedder: lexical signals only."""
    return 0.5 * f["lex"] + 0.5 * f["cov"]


def _ranks(values: np.ndarray, k: int, positive: bool = False) -> dict[int, int]:
    """Index -> 1-based rank of the ``k`` largest values."""
    if not len(values):
        return {}
    k = min(k, len(values))
    top = np.argpartition(-values, k - 1)[:k]
    top = top[np.argsort(-values[top], kind="stable")]
    if positive:
        top = top[values[top] > 0]
    return {int(i): r for r, i in enumerate(top, 1)}

