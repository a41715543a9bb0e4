"""The sentence vector of the check-worthiness model: pooling, its linear shortcut, and
model files that use it (or name vectors that are not there)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from workbench.core.nlp.worthiness import Scorer, load_scorer
from workbench.core.nlp.worthiness.embedding import NAME, load_pooler
from workbench.core.nlp.worthiness.features import FEATURE_VERSION

pooler = load_pooler()
needs_vectors = pytest.mark.skipif(pooler is None, reason="wordllama is not installed")

TEXTS = ["Unemployment fell to 3.5 percent last year.", "", "I think so.", "   "]


@needs_vectors
def test_vectors_are_mean_and_max_of_the_token_vectors() -> None:
    vectors = pooler.vectors(TEXTS)
    assert vectors.shape == (4, pooler.size) == (4, 2 * pooler.dim)
    ids = pooler.tokenizer.encode(TEXTS[0], add_special_tokens=False).ids
    rows = pooler.table[ids].astype(np.float32)
    assert len(ids) > 3
    assert np.allclose(vectors[0, : pooler.dim], rows.mean(axis=0), atol=1e-5)
    assert np.allclose(vectors[0, pooler.dim :], rows.max(axis=0))
    assert not vectors[1].any()  # no tokens: zeros, no error
    assert pooler.vectors([]).shape == (0, pooler.size)


@needs_vectors
def test_linear_pool_equals_the_dot_of_the_vectors() -> None:
    weights = np.random.default_rng(0).normal(size=pooler.size).astype(np.float32)
    linear = pooler.linear(weights)
    expected = pooler.vectors(TEXTS) @ weights
    assert np.allclose(linear(TEXTS), expected, atol=1e-4)
    assert linear([]) == []
    with pytest.raises(ValueError):
        pooler.linear(weights[:10])


def _model(path: Path, **embedding: object) -> Path:
    data = {"feature_version": FEATURE_VERSION, "bias": 0.25, "weights": {"w:percent": 1.5},
            "embedding": embedding}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@needs_vectors
def test_scores_add_the_vector_to_the_features(tmp_path: Path) -> None:
    weights = [0.01 * ((i % 7) - 3) for i in range(pooler.size)]
    scorer = load_scorer(_model(tmp_path / "m.json", name=NAME, weights=weights))
    assert scorer is not None and scorer.dense is not None

    class Span:  # what score_spans reads: the text and its tokens (none here)
        def __init__(self, text: str) -> None:
            self.text = text

        def __iter__(self):
            return iter(())

        ents = ()

    spans = [Span(t) for t in TEXTS]
    dense = pooler.vectors(TEXTS) @ np.asarray(weights, dtype=np.float32)
    plain = Scorer(scorer.weights, scorer.bias)
    assert dense[0] != 0.0
    for d, got in zip(dense, scorer.score_spans(spans), strict=True):
        z = plain.logit(["bias", "nent:<=0", "num:<=0", "len:<=4", "roottag:"]) + float(d)
        assert got == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-5)


@pytest.mark.parametrize("embedding", [{"name": "other-vectors", "weights": [0.0] * 512},
                                       {"name": NAME, "weights": [0.0] * 3},
                                       {"name": NAME}])
def test_a_model_for_other_vectors_gives_none(tmp_path: Path, embedding: dict) -> None:
    assert load_scorer(_model(tmp_path / "m.json", **embedding)) is None
