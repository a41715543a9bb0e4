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

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .agree import Number, name_conflict, names, number_conflict, numbers
from .bm25 import BM25
from .semantic import Embedder
from .tokens import STOP, terms, words

POOL = 50
RRF_K = 60
W_SEMANTIC = 0.5
W_LEXICAL = 0.25
W_COVERAGE = 0.25
CONFLICT_FACTOR = 0.5


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
    numbers: set[Number]
    names: set[str]
    context_names: set[str]
    payload: Any


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
            self.entries.append(
                _Entry(d.key, d.text, t, numbers(d.text), set(), _plain_names(d.context), d.payload)
            )
        return vectors

    def _append(self, vectors: np.ndarray) -> None:
        need = self._count + len(vectors)
        if need > len(self._vectors):
            grown = np.zeros((max(need, 2 * len(self._vectors), 1024), vectors.shape[1]), np.float32)
            grown[: self._count] = self._vectors[: self._count]
            self._vectors = grown
        self._vectors[self._count : need] = vectors
        self._count = need

    def _names(self, i: int) -> set[str]:
        e = self.entries[i]
        if not e.names:
            e.names = names(e.text, self.case.common) or {""}
        return e.names - {""}

    def search(self, text: str, limit: int = 10, exclude: tuple[str, ...] = ()) -> list[Hit]:
        n = len(self.entries)
        if not n or not text.strip():
            return []
        qterms = terms(text)
        lex = self.bm25.scores(qterms)
        best = self.bm25.best(qterms) or 1.0
        pool: dict[int, None] = {}
        lex_rank = _ranks(lex, POOL, positive=True)
        for i in lex_rank:
            pool[i] = None
        sem = np.zeros(n, dtype=np.float32)
        sem_rank: dict[int, int] = {}
        if self.embedder is not None and self._count == n:
            q = self.embedder.embed([text])[0]
            sem = self.vectors @ q
            sem_rank = _ranks(sem, POOL)
            for i in sem_rank:
                pool[i] = None
        qset = set(qterms)
        qnums = numbers(text)
        qnames = names(text, self.case.common)
        hits = []
        for i in pool:
            e = self.entries[i]
            if i in self.dead or (exclude and e.key.startswith(exclude)):
                continue
            cov = self._coverage(e.terms, qset)
            lexical = min(float(lex[i]) / best, 1.0)
            semantic = max(float(sem[i]), 0.0)
            if self.embedder is None:
                score = 0.5 * lexical + 0.5 * cov
            else:
                score = W_SEMANTIC * semantic + W_LEXICAL * lexical + W_COVERAGE * cov
            conflict = number_conflict(qnums, e.numbers) or name_conflict(
                qnames, self._names(i), e.context_names
            )
            if conflict:
                score *= CONFLICT_FACTOR
            rrf = 1 / (RRF_K + lex_rank.get(i, POOL * 2)) + 1 / (RRF_K + sem_rank.get(i, POOL * 2))
            hits.append(
                Hit(e.key, e.payload, score, lexical, semantic, cov, conflict,
                    signals={"rrf": rrf, "lex_rank": lex_rank.get(i), "sem_rank": sem_rank.get(i)})
            )
        hits.sort(key=lambda h: (-h.score, -h.signals["rrf"]))
        for r, h in enumerate(hits[:limit], 1):
            h.rank = r
        return hits[:limit]

    def _coverage(self, dterms: list[str], qset: set[str]) -> float:
        """Share of the document's words (idf-weighted) that the query repeats."""
        total = got = 0.0
        for t in set(dterms):
            w = self.bm25.idf(t)
            total += w
            if t in qset:
                got += w
        return got / total if total else 0.0


def _plain_names(text: str) -> set[str]:
    return names(text) if text else set()


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

