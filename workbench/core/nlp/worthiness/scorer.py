"""The check-worthiness scorer: a linear model over parse features and a sentence vector.

The model file (``model.json`` next to this module) holds one weight per feature
string, optionally one weight per dimension of a pooled sentence vector
(``embedding.py``: WordLlama token vectors shipped in the ``wordllama`` wheel), a
bias, and the training facts. Scores are logistic and shifted so that 0.5 is the
decision threshold chosen on validation debates: ``score >= 0.5`` means
"check-worthy". Scoring is plain Python and numpy; scikit-learn is never needed.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from ...errors import ModelError
from ..doc_cache import doc_text, span_text
from .features import FEATURE_VERSION, token_features

MODEL_PATH = Path(__file__).with_name("model.json")
MODEL_ENV = "WORKBENCH_WORTHINESS_MODEL"
"""Environment variable naming another model file (tests, experiments)."""

log = logging.getLogger(__name__)


class Scorer:
    """Scores sentences for check-worthiness, 0..1 (0.5 = the decision threshold).

    ``dense`` (with ``pooler``): weights of the pooled sentence vector, added to the
    logit of the feature strings."""

    def __init__(
        self,
        weights: dict[str, float],
        bias: float,
        meta: dict[str, Any] | None = None,
        dense: Sequence[float] | None = None,
        pooler: Any = None,
    ):
        self.weights = weights
        self.bias = bias
        self.meta = dict(meta or {})
        self.dense: Any = None
        if dense is not None:
            if pooler is None:
                raise ValueError("dense weights need a pooler")
            self.dense = pooler.linear(dense)

    @classmethod
    def from_file(cls, path: Path) -> Scorer:
        """Read a model file; ModelError if it is unreadable or from other features."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("feature_version") != FEATURE_VERSION:
                raise ModelError(
                    f"worthiness model {path} was trained on feature version "
                    f"{data.get('feature_version')}, this code has {FEATURE_VERSION}"
                )
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            dense, pooler = None, None
            if data.get("embedding"):
                from .embedding import load_pooler

                emb = data["embedding"]
                pooler = load_pooler()
                if pooler is None or emb["name"] != pooler.name:
                    raise ModelError(
                        f"worthiness model {path} needs the sentence vectors {emb['name']!r}, "
                        "which are not installed (the wordllama package)"
                    )
                dense = [float(v) for v in emb["weights"]]
            return cls(weights, float(data["bias"]), data.get("meta", {}), dense, pooler)
        except ModelError:
            raise
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"worthiness model {path} cannot be read ({exc})") from None

    def logit(self, features: Iterable[str]) -> float:
        """The linear part of the feature strings (binary features), bias included."""
        return self.bias + sum(map(self.weights.get, set(features), repeat(0.0)))

    def score_features(self, features: Iterable[str], extra: float = 0.0) -> float:
        """The score of one sentence from its feature strings (and ``extra`` logit)."""
        return _logistic(self.logit(features) + extra)

    def score_spans(self, spans: Sequence[Any]) -> list[float]:
        """Scores of already parsed sentences (spaCy Spans or Docs)."""
        if not spans:
            return []
        if self.dense is None:
            return [self.score_features(token_features(span)) for span in spans]
        extra = self.dense([_text(span) for span in spans])
        return [
            self.score_features(token_features(span), e)
            for span, e in zip(spans, extra, strict=True)
        ]

    def score_texts(self, texts: Sequence[str], nlp: Any = None) -> list[float]:
        """Scores of raw sentences, parsed here (with ``nlp`` or the configured pipeline)."""
        if not texts:
            return []
        if nlp is None:
            nlp = _load_pipeline()
        return self.score_spans(list(nlp.pipe(texts, batch_size=256)))


def _text(span: Any) -> str:
    """A Span's or a Doc's text, sliced from the doc's text kept once (``doc_cache.py``)."""
    if hasattr(span, "user_data"):
        return doc_text(span)
    if hasattr(span, "doc"):
        return span_text(span)
    return str(span.text)  # any other object with a text and tokens


def _logistic(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _load_pipeline() -> Any:
    from ...config import load_config
    from ..pipeline import load_pipeline

    return load_pipeline(load_config().model_name)


def model_path() -> Path:
    """The model file in use: $WORKBENCH_WORTHINESS_MODEL or the one shipped in the package."""
    env = os.environ.get(MODEL_ENV)
    return Path(env) if env else MODEL_PATH


def load_scorer(path: Path | str | None = None) -> Scorer | None:
    """The scorer, or None (no error) when the model file is missing; cached per process.

    An unreadable or incompatible model file is logged and also gives None, so
    everything keeps working with worthiness shown as unknown.
    """
    return _load_cached(Path(path) if path is not None else model_path())


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> Scorer | None:
    if not path.is_file():
        return None
    try:
        return Scorer.from_file(path)
    except ModelError as exc:
        log.warning("%s", exc)
        return None
