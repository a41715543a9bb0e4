"""Check-worthiness: score a sentence 0..1 by how much it is worth fact-checking.

    from . import load_scorer
    scorer = load_scorer()            # None when the model file is missing
    scores = scorer.score_spans(spans)   # spaCy Spans already parsed by extraction
    scores = scorer.score_texts(["Unemployment fell to 4 percent in 2019."])

Trained on the ClaimBuster crowdsourced sentences (Arslan, Hassan, Li and
Tremayne, ICWSM 2020) with ``python -m workbench.core.nlp.worthiness.train``.
"""

from .scorer import MODEL_PATH, Scorer, load_scorer

__all__ = ["MODEL_PATH", "Scorer", "load_scorer"]
