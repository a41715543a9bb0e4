"""Sentence vectors for the check-worthiness model: WordLlama token embeddings, pooled.

The ``wordllama`` wheel ships its static token embeddings (``l2_supercat``, 32,000 x 256)
and their tokenizer; the claim matcher reads the same files (``core/match/semantic.py``).
A sentence's vector is the mean and the element-wise maximum of its tokens' vectors (512
numbers): the mean says what the sentence is about, the maximum which strong words it
holds. Both are cheap (a table look-up per token) and nothing is downloaded.

``load_pooler()`` returns None when the package or its files are missing.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

NAME = "wordllama-l2_supercat-256-meanmax"
"""Named in the model file: a model trained on other vectors is refused."""


class Pooler:
    """Mean- and max-pooled static token vectors of texts."""

    name = NAME

    def __init__(self, table: np.ndarray, tokenizer: Any) -> None:
        self.table = np.ascontiguousarray(table, dtype=np.float16)  # half the memory
        self.dim = int(self.table.shape[1])
        self.tokenizer = tokenizer
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    @property
    def size(self) -> int:
        return 2 * self.dim

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: ``[mean | max]`` of its token vectors (zeros for no tokens)."""
        out = np.zeros((len(texts), 2 * self.dim), dtype=np.float32)
        if not texts:
            return out
        encoded = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        lengths = np.fromiter((len(e.ids) for e in encoded), dtype=np.int64, count=len(texts))
        total = int(lengths.sum())
        if not total:
            return out
        ids = np.fromiter((i for e in encoded for i in e.ids), dtype=np.int64, count=total)
        np.clip(ids, 0, self.table.shape[0] - 1, out=ids)
        rows = self.table[ids].astype(np.float32)
        nonempty = np.flatnonzero(lengths > 0)
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
        out[nonempty, : self.dim] = np.add.reduceat(rows, offsets, axis=0) / lengths[nonempty, None]
        out[nonempty, self.dim :] = np.maximum.reduceat(rows, offsets, axis=0)
        return out


    def linear(self, weights: Sequence[float]) -> LinearPool:
        """``vectors(texts) @ weights``, computed without building the vectors."""
        return LinearPool(self, np.asarray(weights, dtype=np.float32))


class LinearPool:
    """A linear function of the pooled vector: the mean part is folded into one score per
    token (the mean of a dot is the dot of the mean), the max part is a gather and a max."""

    def __init__(self, pooler: Pooler, weights: np.ndarray) -> None:
        if weights.shape != (pooler.size,):
            raise ValueError(f"{weights.shape[0]} weights for a vector of {pooler.size}")
        dim = pooler.dim
        self.pooler = pooler
        self.token_score = pooler.table.astype(np.float32) @ weights[:dim]
        self.max_weights = weights[dim:]

    def __call__(self, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        table, token_score, max_w = self.pooler.table, self.token_score, self.max_weights
        last = table.shape[0] - 1
        out: list[float] = []
        for e in self.pooler.tokenizer.encode_batch(list(texts), add_special_tokens=False):
            if not e.ids:
                out.append(0.0)
                continue
            ids = np.minimum(np.asarray(e.ids, dtype=np.int64), last)
            pooled_max = table[ids].max(axis=0).astype(np.float32)
            out.append(float(token_score[ids].mean() + pooled_max @ max_w))
        return out


_LOCK = threading.Lock()
_CACHE: dict[str, Pooler | None] = {}


def load_pooler() -> Pooler | None:
    """The pooler (loaded once per process), or None when wordllama is not installed."""
    with _LOCK:
        if NAME not in _CACHE:
            _CACHE[NAME] = _load()
        return _CACHE[NAME]


def _load() -> Pooler | None:
    from ...match.semantic import wordllama_table

    try:
        found = wordllama_table()
    except Exception:  # noqa: BLE001 - a broken install means "no vectors", never a crash
        return None
    if found is None:
        return None
    table, tokenizer = found
    return Pooler(table, tokenizer)
