"""The semantic signal: sentence vectors from static word embeddings, on CPU, offline.

The default embedder reads the WordLlama ``l2_supercat`` token embeddings (the
first 128 of 256 dimensions) that the ``wordllama`` wheel ships inside the package, with the
``tokenizers`` library, and averages them per text (then unit length). Nothing is
downloaded: wordllama's own loader looks in the wrong folder for its tokenizer and
falls back to the network, so its code is not used at all, only its files.

``load_embedder()`` returns None when the package is missing: matching then runs on
the lexical signal alone (and says so).
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np

WORDLLAMA = "wordllama-l2_supercat-128"
DIM = 128
"""WordLlama is trained so that a prefix of its dimensions works alone (Matryoshka):
128 of its 256 matched as well on the dev set, at half the memory and time."""


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...


def _package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)  # finds the folder without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


class StaticEmbedder:
    """Mean of token vectors of a static embedding table."""

    def __init__(self, name: str, table: np.ndarray, tokenizer: Any) -> None:
        self.name = name
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.dim = int(self.table.shape[1])
        self.tokenizer = tokenizer
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        step = 256
        for start in range(0, len(texts), step):
            chunk = texts[start : start + step]
            encoded = self.tokenizer.encode_batch(chunk, add_special_tokens=False)
            lengths = np.fromiter((len(e.ids) for e in encoded), dtype=np.int64, count=len(chunk))
            if not lengths.sum():
                continue
            ids = np.fromiter(
                (i for e in encoded for i in e.ids), dtype=np.int64, count=int(lengths.sum())
            )
            np.clip(ids, 0, self.table.shape[0] - 1, out=ids)
            vectors = self.table[ids]
            nonempty = lengths > 0
            offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
            sums = np.add.reduceat(vectors, offsets, axis=0)
            out[start + np.flatnonzero(nonempty)] = sums / lengths[nonempty, None]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


_LOCK = threading.Lock()
_CACHE: dict[str, Embedder | None] = {}


def load_embedder(name: str = WORDLLAMA) -> Embedder | None:
    """The embedder ``name`` (loaded once per process), or None when not installed."""
    with _LOCK:
        if name not in _CACHE:
            _CACHE[name] = _load(name)
        return _CACHE[name]


def wordllama_table() -> tuple[Any, Any] | None:
    """WordLlama's token table and tokenizer, read from the installed wheel (None when
    the package, its files or their readers are missing)."""
    folder = _package_dir("wordllama")
    if folder is None:
        return None
    weights = folder / "weights" / "l2_supercat_256.safetensors"
    vocab = folder / "tokenizers" / "l2_supercat_tokenizer_config.json"
    if not (weights.is_file() and vocab.is_file()):
        return None
    try:
        from safetensors import safe_open
        from tokenizers import Tokenizer
    except ImportError:
        return None
    tokenizer = Tokenizer.from_file(str(vocab))
    with safe_open(str(weights), framework="np", device="cpu") as fh:
        table = fh.get_tensor("embedding.weight")
    return table, tokenizer


MINILM = "all-MiniLM-L6-v2-int8"
"""The worthiness ranking's contextual sentence encoder (``core/nlp/encoder``), by name: not the
default (the match thresholds are tuned on WordLlama's similarities; unmeasured here)."""


def _load(name: str) -> Embedder | None:
    if name == MINILM:
        from ..nlp.encoder import load_encoder

        return load_encoder()  # None when its packages are missing
    if name != WORDLLAMA:
        return None
    found = wordllama_table()
    if found is None:
        return None
    table, tokenizer = found
    return StaticEmbedder(WORDLLAMA, table[:, :DIM], tokenizer)
