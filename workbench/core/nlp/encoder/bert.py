"""A BERT encoder forward pass in numpy: embeddings, self-attention layers, mean pooling.

Written for sentence-transformers' all-MiniLM-L6-v2 (6 layers, 12 heads, 384 wide, GELU
feed-forward of 1536) but reads the sizes from the weights, so any post-layer-norm BERT
with Hugging Face parameter names works. No torch: the weights are float32 numpy arrays
(``model.safetensors`` read with ``safetensors.numpy``); inference only (no dropout).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

LAYER_NORM_EPS = 1e-12
"""BERT's ``layer_norm_eps``."""

# Abramowitz & Stegun 7.1.26: erf to 1.5e-7, below float32 rounding of the activations
# (numpy has no erf; scipy is not a dependency). BERT's GELU is the exact, erf one.
_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def erf(x: np.ndarray) -> np.ndarray:
    a = np.abs(x)
    t = _P * a
    t += 1.0
    np.reciprocal(t, out=t)
    poly = t * _A[4]
    for coef in (_A[3], _A[2], _A[1], _A[0]):
        poly += coef
        poly *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    poly *= a  # 1 - erf(|x|)
    np.subtract(1.0, poly, out=poly)
    return np.copysign(poly, x, out=poly)


def gelu(x: np.ndarray) -> np.ndarray:
    """0.5 x (1 + erf(x / sqrt 2)), in place of ``x``'s buffer where it can."""
    e = erf(x * np.float32(0.7071067811865476))
    e += 1.0
    e *= x
    e *= 0.5
    return e


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Normalised over the last axis, in place of ``x``."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.mean(np.square(x), axis=-1, keepdims=True)
    var += LAYER_NORM_EPS
    x /= np.sqrt(var)
    x *= weight
    x += bias
    return x


class Layer:
    """One transformer layer's weights, transposed once for ``x @ w``."""

    def __init__(self, w: Mapping[str, np.ndarray], prefix: str) -> None:
        def get(name: str) -> np.ndarray:
            return np.ascontiguousarray(w[prefix + name], dtype=np.float32)

        att = "attention.self."
        # query, key and value in one matrix: one matmul instead of three
        self.qkv = np.ascontiguousarray(
            np.concatenate([get(att + n + ".weight") for n in ("query", "key", "value")]).T
        )
        self.qkv_b = np.concatenate([get(att + n + ".bias") for n in ("query", "key", "value")])
        self.out = np.ascontiguousarray(get("attention.output.dense.weight").T)
        self.out_b = get("attention.output.dense.bias")
        self.ln1 = get("attention.output.LayerNorm.weight"), get("attention.output.LayerNorm.bias")
        self.up = np.ascontiguousarray(get("intermediate.dense.weight").T)
        self.up_b = get("intermediate.dense.bias")
        self.down = np.ascontiguousarray(get("output.dense.weight").T)
        self.down_b = get("output.dense.bias")
        self.ln2 = get("output.LayerNorm.weight"), get("output.LayerNorm.bias")

    def __call__(self, x: np.ndarray, mask_add: np.ndarray, heads: int) -> np.ndarray:
        """``x``: (B*L, W) rows of a batch of B texts padded to L tokens."""
        rows, width = x.shape
        batch = mask_add.shape[0]
        length, size = rows // batch, width // heads
        qkv = x @ self.qkv  # one BLAS call over every token of the batch
        qkv += self.qkv_b
        qkv = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
        q = np.ascontiguousarray(qkv[0])  # (B, H, L, S)
        q *= np.float32(1.0 / np.sqrt(size))
        k_t = np.ascontiguousarray(qkv[1].transpose(0, 1, 3, 2))
        v = np.ascontiguousarray(qkv[2])
        scores = q @ k_t  # (B, H, L, L)
        scores += mask_add  # (B, 1, 1, L): padding gets a large negative number
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(rows, width)
        h = ctx @ self.out
        h += self.out_b
        h += x
        x = layer_norm(h, *self.ln1)
        up = x @ self.up
        up += self.up_b
        h = gelu(up) @ self.down
        h += self.down_b
        h += x
        return layer_norm(h, *self.ln2)


class Bert:
    """The encoder: token ids in, mean-pooled unit-length sentence vectors out."""

    def __init__(self, weights: Mapping[str, np.ndarray], heads: int) -> None:
        def get(name: str) -> np.ndarray:
            return np.ascontiguousarray(weights[name], dtype=np.float32)

        self.word = get("embeddings.word_embeddings.weight")
        self.position = get("embeddings.position_embeddings.weight")
        self.token_type = get("embeddings.token_type_embeddings.weight")
        self.ln = get("embeddings.LayerNorm.weight"), get("embeddings.LayerNorm.bias")
        count = 0
        while f"encoder.layer.{count}.attention.self.query.weight" in weights:
            count += 1
        if not count:
            raise ValueError("no encoder layers in the weights")
        self.layers = [Layer(weights, f"encoder.layer.{i}.") for i in range(count)]
        self.width = int(self.word.shape[1])
        if self.width % heads:
            raise ValueError(f"{heads} heads do not divide the width {self.width}")
        self.heads = heads
        self.max_length = int(self.position.shape[0])

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """The last layer's token vectors (B, L, W) for a padded batch (B, L) of ids and
        its 0/1 mask."""
        batch, length = ids.shape
        x = self.word[ids] + self.position[:length] + self.token_type[0]
        x = layer_norm(x.reshape(batch * length, self.width), *self.ln)
        mask_add = ((1.0 - mask.astype(np.float32)) * np.float32(-1e9))[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask_add, self.heads)
        return x.reshape(batch, length, self.width)

    def pooled(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean of the token vectors under the mask, scaled to unit length (B, W)."""
        x = self.hidden(ids, mask)
        m = mask.astype(np.float32)[:, :, None]
        mean = (x * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        norm = np.linalg.norm(mean, axis=1, keepdims=True)
        return mean / np.maximum(norm, 1e-12)
