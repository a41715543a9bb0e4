"""The matcher: lexical (BM25) and semantic (static embeddings) retrieval, fused, scored.

``Matcher.add`` indexes documents incrementally (a fact-check or a reviewed claim:
``Doc``). ``Matcher.search`` ranks every document for a query text:

1. candidates: the best ``POOL`` by BM25 and the best ``POOL`` by cosine similarity;
2. each candidate gets a **pair score** (logistic over its signals): the cosine
   similarity, the BM25 score as a share of what a perfect match would get, the share
   of each side's words (weighted by rarity) that the other repeats, exactly or as a
   near synonym, the fusion rank, and the pair signals of ``signals`` (numbers stated
   by both or one, names left out, negation, up versus down);
3. the **acceptance score** (0..1) combines the pair score with its margin over the
   best other candidate that is no near-duplicate: a claim that several different
   fact-checks fit about equally is one on a familiar topic, not a checked claim;
4. a candidate whose numbers or names disagree with the query's (``agree``), that
   says the opposite (``polarity``) or that is the same sentence with one thing
   swapped (``subject``) keeps its place in the list but its score is cut below the
   suggestion threshold, with the reason; the score alone decides order, suggestion and strong match
   (``thresholds``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import signals as sig
from .agree import (
    Number,
    linked_names,
    name_conflict,
    name_groups,
    names,
    number_conflict,
    numbers,
)
from .bm25 import BM25
from .polarity import Polarity, polarity, polarity_conflict
from .semantic import Embedder
from .subject import asides, content_tokens, subject_conflict
from .tokens import STOP, stem, terms, words

POOL = 25
PAIRED = 40
"""Candidates (best by the retrieval signals) that get the pair signals and a score."""
RRF_K = 60
CONFLICT_FACTOR = 0.4
SUBJECT_COVERAGE = 0.3
"""A candidate the query repeats less of (``cov``) shares too little to be the same
sentence with one thing swapped: ``subject`` is not asked (it needs 40%)."""
SUBJECT_FROM = 0.1
"""Nor is it asked of a candidate scored below this: it could neither be suggested nor
pass a candidate that is (asked after scoring, it is the dearest check)."""
_PRONOUN = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|[Ww]e|[Oo]ur|[Hh]e|[Ss]he|[Hh]is|[Hh]er)\b")


@dataclass
class Doc:
    """One indexed text: ``key`` is unique; ``payload`` is what a match shows."""

    key: str
    text: str
    context: str = ""
    """Who/where (claimant, headline): names there are no conflict."""
    payload: Any = None
    claimant: str = ""
    """Who made the claim: the subject of a claim written with a pronoun ("I", "she")."""


@dataclass
class _Entry:
    key: str
    text: str
    terms: list[str]
    context: str
    payload: Any
    claimant: str = ""
    numbers: set[Number] | None = None
    """Computed when first needed (most documents are never a candidate)."""
    names: set[str] | None = None
    context_names: set[str] | None = None
    groups: list[tuple[str, ...]] | None = None
    content: list[str] | None = None
    content_vectors: np.ndarray | None = None
    polarity: Polarity | None = None
    speaker: tuple[set[str], list[tuple[str, ...]]] | None = None
    """The claimant's names and name groups when the claim speaks of them by a pronoun."""
    tokens: list[str] | None = None
    """Content words in order (``subject``), and the stems of its claimant and headline."""
    context_stems: set[str] | None = None
    asides: set[str] | None = None


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
        self._words: dict[str, np.ndarray] = {}
        """Word vectors (for ``signals.soft_coverage``), computed when first needed."""

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
            self.entries.append(_Entry(d.key, d.text, t, d.context, d.payload, d.claimant))
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
            e.groups = name_groups(e.text)
            e.content = sig.content_words(e.text)
            e.polarity = polarity(e.text)
            who = names(e.claimant, self.case.common) if e.claimant else set()
            if 2 <= len(who) == len(e.claimant.split()) <= 3 and _PRONOUN.search(e.text):
                # a person's name (every word a name), not "Facebook posts" or a committee
                e.speaker = (who, name_groups(e.claimant))
        return e.numbers, e.names, e.context_names

    def _word_vectors(self, words_: list[str]) -> np.ndarray:
        """Unit vectors of single words (cached; ``_learn_words`` embeds in one batch)."""
        self._learn_words(words_)
        return np.stack([self._words[w] for w in words_])

    def _learn_words(self, words_: Iterable[str]) -> None:
        assert self.embedder is not None
        missing = list(dict.fromkeys(w for w in words_ if w not in self._words))
        if not missing:
            return
        if len(self._words) + len(missing) > 200_000:
            self._words.clear()
        for w, v in zip(missing, self.embedder.embed(missing), strict=True):
            self._words[w] = v

    def search(self, text: str, limit: int = 10, exclude: tuple[str, ...] = ()) -> list[Hit]:
        from .frames import clean, core

        n = len(self.entries)
        text = clean(text)
        if not n or not text:
            return []

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
        # the retrieval signals of every candidate; the pair signals (dearer) of the best
        # ``PAIRED`` by those only
        cheap = []
        for i in rows:
            if exclude and self.entries[i].key.startswith(exclude):
                continue
            f = self._features(i, views)
            cheap.append((_prescore(f), i, f))
        cheap.sort(key=lambda c: -c[0])
        cheap = cheap[: max(PAIRED, limit)]
        q = _Query(text, self.case.common, inner)
        if qvecs is not None:  # every word the soft coverage needs, embedded at once
            for _, i, _ in cheap:
                self._agreement(self.entries[i])
            self._learn_words(
                [*q.words, *(w for _, i, _ in cheap for w in self.entries[i].content or ())]
            )
        hits = []
        for _, i, f in cheap:
            e = self.entries[i]
            conflict = self._pair(e, q, f, qvecs is not None)
            hit = Hit(e.key, e.payload, 0.0, f["lex"], f["sem"], f["cov"], conflict, signals=f)
            hits.append(hit)
        _score(hits, self._row_vectors(hits) if qvecs is not None else None)
        for h in hits:  # the dearest check last, for the candidates it can move
            if not h.conflict and h.score >= SUBJECT_FROM and h.coverage >= SUBJECT_COVERAGE:
                e = self.entries[self.keys[h.key]]
                h.conflict = self._subject_conflict(e, q, qvecs is not None)
                if h.conflict:
                    h.signals["conflict"] = 1.0
                    h.score *= CONFLICT_FACTOR
        hits.sort(key=lambda h: (-h.score, -h.signals["rrf"]))
        for r, h in enumerate(hits[:limit], 1):
            h.rank = r
        return hits[:limit]

    def _row_vectors(self, hits: list[Hit]) -> np.ndarray:
        return self.vectors[[self.keys[h.key] for h in hits]] if hits else self.vectors[:0]

    def _pair(self, e: _Entry, q: _Query, f: dict[str, float], semantic: bool) -> str:
        """Adds the pair signals to ``f``; returns the hard conflict ('' when none)."""
        dnums, dnames, context = self._agreement(e)
        groups = e.groups or []
        conflict = (
            number_conflict(q.nums, dnums)
            or name_conflict(q.names, dnames, context, q.groups, groups)
            or self._speaker_conflict(e, q)
            or polarity_conflict(q.polarity, e.polarity or polarity(e.text))
        )
        f["num_hit"], f["num_miss"] = sig.number_signals(q.nums, dnums)
        linked = linked_names(q.names, dnames, q.groups, groups)
        f["name_miss"], f["qname_miss"] = sig.name_misses(q.names, dnames, context, linked)
        f["negation"] = float(q.negated != sig.negated(e.text))
        d = sig.direction(e.text)
        f["direction"] = float(q.direction * d < 0)
        if semantic and q.words and e.content:
            if e.content_vectors is None:
                e.content_vectors = self._word_vectors(e.content)
            f["soft"] = sig.soft_coverage(
                e.content, e.content_vectors, q.words, q.vectors(self._word_vectors), self.bm25.idf
            )
        else:
            f["soft"] = f["cov"]
        f["conflict"] = float(bool(conflict))
        return conflict

    def _subject_conflict(self, e: _Entry, q: _Query, semantic: bool) -> str:
        """The candidate with one thing swapped (``subject``): the query's claim, without
        its reporting frame, about another program, agency, country ..."""
        if e.tokens is None or e.context_stems is None or e.asides is None:
            e.tokens = content_tokens(e.text)
            e.context_stems = {stem(w) for w in content_tokens(e.context)}
            e.asides = asides(e.text)
        return subject_conflict(
            q.tokens,
            e.tokens,
            self._weight,
            self._word_vectors if semantic else None,
            e.context_stems,
            q.names | (e.names or set()),
            e.asides,
            (q.groups, e.groups or []),
        )

    def _weight(self, word: str) -> float:
        """A word's idf; a word no document has ("K-12" is indexed as two) is rare."""
        return self.bm25.idf(stem(word)) or math.log(1.0 + (len(self.entries) + 0.5) / 0.5)

    def _speaker_conflict(self, e: _Entry, q: _Query) -> str:
        """A claim that says "I" or "she" is about its claimant: the query naming someone
        else instead ("Says Ann Lee was the first in her family ..." against a claim by
        Bo Park that "she was the first in her family") is another person's claim."""
        if not e.speaker or not e.speaker[0]:
            return ""
        who, groups = e.speaker
        return name_conflict(
            q.names,
            (e.names or set()) | who,
            (e.context_names or set()) - who,
            q.groups,
            [*(e.groups or []), *groups],
        )

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


class _Query:
    """What the pair signals need of the query, computed once per search."""

    def __init__(self, text: str, common: Any, inner: str | None = None) -> None:
        self.tokens = content_tokens(inner if inner and inner != text else text)
        """Content words of the claim (without its reporting frame), for ``subject``."""
        self.nums = numbers(text)
        self.names = names(text, common)
        self.groups = name_groups(text)
        self.negated = sig.negated(text)
        self.direction = sig.direction(text)
        self.polarity = polarity(text)
        self.words = sig.content_words(text)
        self._vectors: np.ndarray | None = None

    def vectors(self, embed: Any) -> np.ndarray:
        if self._vectors is None:
            self._vectors = embed(self.words)
        return self._vectors


FEATURES = (
    "sem", "lex", "cov", "qcov", "rrf", "len", "soft", "num_hit", "num_miss",
    "name_miss", "qname_miss", "negation", "direction",
)
WEIGHTS = {
    "sem": 1.103, "lex": 0.869, "cov": 1.852, "qcov": 3.318, "rrf": 4.425, "len": 1.367,
    "soft": 5.886, "num_hit": 1.761, "num_miss": -1.705, "name_miss": -2.237,
    "qname_miss": -3.494, "negation": -1.313, "direction": -1.618,
}  # fmt: skip
BIAS = -19.271
"""Logistic weights of the pair score, fitted by ``bench/match_fit.py tests/data/match_dev
tests/data/match_train --loo 400`` (never on an evaluation set)."""
ACCEPT = {"pair": 0.75, "margin": 0.657}
ACCEPT_BIAS = -2.784
"""The acceptance score: the pair score's log-odds and its margin over the best other
candidate that is not a near-duplicate of it (fitted after the pair weights)."""
LEX_FEATURES = tuple(f for f in FEATURES if f not in ("sem", "soft"))
LEX_WEIGHTS = {
    "lex": 2.241, "cov": 6.578, "qcov": 2.744, "rrf": 5.818, "len": 1.77, "num_hit": 0.889,
    "num_miss": -1.936, "name_miss": -2.819, "qname_miss": -3.253, "negation": -1.335,
    "direction": -2.927,
}  # fmt: skip
LEX_BIAS = -19.211
LEX_ACCEPT = {"pair": 0.326, "margin": 0.937}
LEX_ACCEPT_BIAS = -3.77
"""The same two models without an embedder (no cosine, no soft coverage), fitted by
``bench/match_fit.py tests/data/match_dev tests/data/match_train SYNTH --loo 400
--lexical-only`` (SYNTH: ``bench/match_synth.py`` hard negatives)."""
DUPLICATE = 0.92
"""Cosine above which two fact-checks are the same claim checked twice (no margin)."""


PRE_WEIGHTS = {"sem": 4.163, "lex": 2.629, "cov": 4.005, "qcov": 3.677, "rrf": 2.616, "len": 0.997}
"""The pre-ranking that picks the ``PAIRED`` candidates (the retrieval signals alone,
fitted on tests/data/match_dev)."""


def _prescore(f: dict[str, float]) -> float:
    return sum(w * f[k] for k, w in PRE_WEIGHTS.items())


def _logit(f: dict[str, float], lexical: bool = False) -> float:
    if lexical:
        return LEX_BIAS + sum(w * f.get(k, 0.0) for k, w in LEX_WEIGHTS.items())
    return BIAS + sum(w * f.get(k, 0.0) for k, w in WEIGHTS.items())


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def margins(logits: list[float], vectors: np.ndarray | None) -> list[float]:
    """Each candidate's log-odds minus the best other's that is no near-duplicate of it."""
    if len(logits) < 2:
        return [5.0] * len(logits)
    order = sorted(range(len(logits)), key=lambda i: -logits[i])
    out = []
    for i in range(len(logits)):
        other = None
        for j in order:
            if j == i:
                continue
            if vectors is not None and float(vectors[i] @ vectors[j]) >= DUPLICATE:
                continue
            other = logits[j]
            break
        out.append(min(logits[i] - other, 5.0) if other is not None else 5.0)
    return out


def _score(hits: list[Hit], vectors: np.ndarray | None) -> None:
    """The acceptance score of each hit (0..1): the pair score, its margin, conflicts.
    Without vectors (no embedder) the lexical model, fitted the same way on the
    lexical signals alone, so that the same thresholds hold."""
    lexical = vectors is None
    logits = [_logit(h.signals, lexical) for h in hits]
    accept, bias = (LEX_ACCEPT, LEX_ACCEPT_BIAS) if lexical else (ACCEPT, ACCEPT_BIAS)
    for h, z, m in zip(hits, logits, margins(logits, vectors), strict=True):
        h.signals["pair"] = z
        h.signals["margin"] = m
        score = _sigmoid(bias + accept["pair"] * z + accept["margin"] * m)
        h.score = score * (CONFLICT_FACTOR if h.conflict else 1.0)


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

