"""The ``strong`` worthiness score: the parse-feature model mixed with a sentence-encoder head.

With the encoder installed (a default dependency since session 23, the ``strong`` extra
before: the all-MiniLM-L6-v2 encoder of ``core/nlp/encoder``), a claim's sentence is also
embedded and a small MLP
(``strong.json`` next to this module: 384 -> 128 ReLU -> 1, trained on the same ClaimBuster
debates by ``bench/worthiness_encoder.py --export``) scores the vector. Its logit is mixed
with the parse-feature model's::

    z = a * logit(parse score) + w * head(vector) + c        score = sigmoid(z)

with ``a``, ``w`` and ``c`` (the decision threshold folded in: ``score >= 0.5`` is
check-worthy, as for the parse model) chosen by grouped cross-validation over the debates.
A cascade (``cascade`` in the head file: ``band``, ``alpha``, ``beta``, ``c``) encodes only
the texts whose parse logit is within ``band`` of the cut; the others get the head's logit
predicted from their parse logit, ``alpha + beta * logit``, and the cascade's own ``c``
(bench/worthiness_cascade.py; the same rule for a text whichever command scores it).
Without the encoder's packages, or with ``WORKBENCH_STRONG=0``, nothing here runs and the
scores are the parse model's. Extraction's gates always read the parse model's scores; only
the scores the claims carry (the ranking step, ``Extractor(rank=True)``, which every
command uses) and ``workbench score`` are the mixed ones, so a claim's score is the one
``workbench score`` gives its sentence. Inference is
numpy; scikit-learn is only needed to train.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ...errors import ModelError
from .scorer import _logistic

HEAD_PATH = Path(__file__).with_name("strong.json")
ENV = "WORKBENCH_STRONG"
"""``0`` (or ``off``/``no``/``false``) turns the mix off even with the extra installed."""
EPS = 1e-4  # parse scores are rounded to 4 decimals: clip before the logit

log = logging.getLogger(__name__)


class Encoder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class Head:
    """An MLP over a unit-length sentence vector: ReLU hidden layer, one logit.

    The training standardization (mean, std) is folded into the first layer."""

    def __init__(self, w1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: float) -> None:
        self.w1 = np.ascontiguousarray(w1, dtype=np.float32)  # (dim, hidden)
        self.b1 = np.asarray(b1, dtype=np.float32)
        self.w2 = np.asarray(w2, dtype=np.float32)
        self.b2 = float(b2)
        if self.w1.shape != (self.w1.shape[0], self.b1.shape[0]) or self.w2.shape != self.b1.shape:
            raise ValueError(f"head shapes {self.w1.shape}, {self.b1.shape}, {self.w2.shape}")

    @property
    def dim(self) -> int:
        return int(self.w1.shape[0])

    def logits(self, vectors: np.ndarray) -> np.ndarray:
        hidden = np.maximum(vectors.astype(np.float32) @ self.w1 + self.b1, 0.0)
        return hidden @ self.w2 + self.b2

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Head:
        return cls(np.array(d["w1"]), np.array(d["b1"]), np.array(d["w2"]), float(d["b2"]))

    def to_dict(self, digits: int = 6) -> dict[str, Any]:
        def r(a: np.ndarray) -> Any:
            return np.round(a.astype(np.float64), digits).tolist()

        return {"w1": r(self.w1), "b1": r(self.b1), "w2": r(self.w2), "b2": round(self.b2, digits)}


class Fusion:
    """Mixes parse-model scores with the head's logits over the encoder's vectors."""

    def __init__(
        self, encoder: Encoder, head: Head, a: float, w: float, c: float,
        meta: dict[str, Any] | None = None, cascade: dict[str, float] | None = None,
    ) -> None:
        if head.dim != encoder.dim:
            raise ValueError(f"a head for {head.dim}-d vectors, an encoder of {encoder.dim}")
        self.encoder, self.head = encoder, head
        self.a, self.w, self.c = float(a), float(w), float(c)
        self.meta = dict(meta or {})
        # the cascade: only a text whose parse logit is within ``band`` of the cut is
        # encoded; any other gets the head's logit predicted from its parse logit
        # (``alpha + beta * logit``) and the cascade's own threshold (``c``)
        self.cascade = None if cascade is None else {
            k: float(cascade[k]) for k in ("band", "alpha", "beta", "c")
        }

    @property
    def name(self) -> str:
        return str(self.encoder.name)

    def logits(self, texts: Sequence[str], parse_scores: Sequence[float]) -> np.ndarray:
        if not len(texts):
            return np.zeros(0, dtype=np.float64)
        p = np.clip(np.asarray(parse_scores, dtype=np.float64), EPS, 1 - EPS)
        z_parse = np.log(p / (1 - p))
        if self.cascade is None:
            z_head = self.head.logits(self.encoder.embed(list(texts))).astype(np.float64)
            return self.a * z_parse + self.w * z_head + self.c
        k = self.cascade
        z_head = k["alpha"] + k["beta"] * z_parse
        near = np.flatnonzero(np.abs(z_parse) <= k["band"])
        if len(near):
            vectors = self.encoder.embed([texts[i] for i in near])
            z_head[near] = self.head.logits(vectors).astype(np.float64)
        return self.a * z_parse + self.w * z_head + k["c"]

    def fuse(self, texts: Sequence[str], parse_scores: Sequence[float]) -> list[float]:
        """The mixed score of each text, from its parse-model score (one batch)."""
        if len(texts) != len(parse_scores):
            raise ValueError(f"{len(texts)} texts, {len(parse_scores)} scores")
        return [_logistic(float(z)) for z in self.logits(texts, parse_scores)]


def read_head_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        return data
    except (OSError, ValueError) as exc:
        raise ModelError(f"strong worthiness head {path} cannot be read ({exc})") from None


def fusion_from(data: dict[str, Any], encoder: Encoder, parse_bias: float | None) -> Fusion:
    """The fusion described by a head file's contents, over ``encoder``. ModelError if it
    was trained on other vectors or for another parse-feature model."""
    try:
        if data.get("encoder") != encoder.name:
            raise ModelError(
                f"the strong head was trained on {data.get('encoder')!r} vectors, "
                f"the encoder is {encoder.name!r}"
            )
        mix = data["mix"]
        want = mix.get("parse_bias")
        if parse_bias is not None and want is not None and abs(float(want) - parse_bias) > 1e-6:
            raise ModelError("the strong head was mixed with another parse-feature model")
        return Fusion(encoder, Head.from_dict(data["head"]), mix["a"], mix["w"], mix["c"],
                      data.get("meta"), data.get("cascade"))
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"strong worthiness head is malformed ({exc})") from None


def enabled() -> bool:
    return os.environ.get(ENV, "").strip().lower() not in ("0", "off", "no", "false")


_LOCK = threading.Lock()
_LOAD: Any = object()  # mixed(): load the fusion
_CACHE: dict[str, Fusion | None] = {}


def load_fusion() -> Fusion | None:
    """The fusion, or None: the extra is not installed, ``WORKBENCH_STRONG=0``, no parse
    model, or the head file is missing or does not fit (logged once)."""
    if not enabled():
        return None
    with _LOCK:
        if "fusion" not in _CACHE:
            _CACHE["fusion"] = _load()
        return _CACHE["fusion"]


def _load() -> Fusion | None:
    from ..encoder import available, load_encoder
    from .scorer import load_scorer

    if not HEAD_PATH.is_file() or not available():
        return None
    scorer = load_scorer()
    encoder = load_encoder()
    if scorer is None or encoder is None:
        return None
    try:
        return fusion_from(read_head_file(HEAD_PATH), encoder, scorer.bias)
    except ModelError as exc:
        log.warning("%s", exc)
        return None


def mixed(
    texts: Sequence[str], parse_scores: Sequence[float | None], fusion: Any = _LOAD
) -> list[float | None]:
    """``parse_scores`` mixed with the encoder head where the extra is installed (one
    batch; None stays None), else returned as they are. ``fusion``: the one to use (None
    for none) when the caller has loaded it already."""
    if fusion is _LOAD:
        fusion = load_fusion()
    keep = [i for i, s in enumerate(parse_scores) if s is not None]
    if fusion is None or not keep:
        return list(parse_scores)
    fused = fusion.fuse([texts[i] for i in keep], [float(parse_scores[i]) for i in keep])
    out = list(parse_scores)
    for i, s in zip(keep, fused, strict=True):
        out[i] = round(s, 4)
    return out
