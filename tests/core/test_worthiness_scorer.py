"""The check-worthiness scorer: loading, missing/broken model files, scores."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.core.nlp.worthiness import MODEL_PATH, Scorer, load_scorer
from workbench.core.nlp.worthiness.features import FEATURE_VERSION, token_features

needs_model = pytest.mark.skipif(not MODEL_PATH.is_file(), reason="no shipped model file")

# Check-worthy factual statements (news and debate style) and sentences that are not.
WORTHY = [
    "Unemployment fell to 3.5 percent last year, the lowest rate since 1969.",
    "The government spent $4.2 billion on the bridge, twice the original estimate.",
    "More than 40,000 people died in traffic accidents in the United States in 2021.",
    "The senator voted against the defense bill three times.",
    "Exports to China rose by 12 percent in the first quarter, the ministry said.",
    "Crime in the city has doubled since the mayor took office in 2015.",
]
NOT_WORTHY = [
    "Thank you very much, it is good to be here tonight.",
    "I think we need to listen to each other.",
    "What do you say to that?",
    "Let me finish my answer, please.",
    "We will see what happens next.",
    "That is a great question and I appreciate it.",
]


@pytest.fixture(scope="module")
def nlp():
    from workbench.core.nlp.pipeline import load_pipeline

    return load_pipeline()


def test_missing_model_gives_none(tmp_path: Path) -> None:
    assert load_scorer(tmp_path / "nothing.json") is None


@pytest.mark.parametrize(
    "content",
    ["not json", json.dumps({"feature_version": FEATURE_VERSION}),
     json.dumps({"feature_version": FEATURE_VERSION + 100, "bias": 0, "weights": {}}),
     json.dumps({"feature_version": FEATURE_VERSION, "bias": "x", "weights": {}}), "[]"],
)
def test_broken_model_gives_none(tmp_path: Path, content: str) -> None:
    path = tmp_path / "model.json"
    path.write_text(content, encoding="utf-8")
    assert load_scorer(path) is None


def test_scorer_is_cached_per_path(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps({"feature_version": FEATURE_VERSION, "bias": 0.0,
                                "weights": {"w:tax": 2.0}}), encoding="utf-8")
    first = load_scorer(path)
    assert first is not None
    assert load_scorer(path) is first


def test_score_is_logistic_of_the_weight_sum() -> None:
    scorer = Scorer({"a": 1.0, "b": -3.0}, bias=0.5)
    assert scorer.score_features([]) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert scorer.score_features(["a", "a", "b", "zzz"]) == pytest.approx(
        1 / (1 + math.exp(1.5)))
    assert 0.0 <= Scorer({"a": 1e6}, 0.0).score_features(["a"]) <= 1.0
    assert 0.0 <= Scorer({"a": -1e6}, 0.0).score_features(["a"]) <= 1.0


def test_features_use_the_parse(nlp) -> None:
    doc = nlp("Exports rose 12 percent in 2019, the ministry said.")
    feats = set(token_features(doc))
    assert {"say", "ent:PERCENT", "ent:DATE", "unit-sign", "num:<=2"} <= feats
    assert token_features(nlp("")) == ["bias", "nent:<=0", "num:<=0", "len:<=4", "roottag:"]


@needs_model
def test_shipped_model_ranks_factual_claims_first(nlp) -> None:
    scorer = load_scorer(MODEL_PATH)
    assert scorer is not None
    worthy = scorer.score_texts(WORTHY, nlp=nlp)
    other = scorer.score_texts(NOT_WORTHY, nlp=nlp)
    assert all(0.0 <= s <= 1.0 for s in worthy + other)
    assert min(worthy) > max(other)
    assert sum(s >= 0.5 for s in worthy) >= 5
    assert sum(s < 0.5 for s in other) >= 5


@needs_model
def test_spans_inside_an_article_score_like_sentences(nlp) -> None:
    scorer = load_scorer(MODEL_PATH)
    assert scorer is not None
    doc = nlp(" ".join(WORTHY[:2] + NOT_WORTHY[:2]))
    sents = list(doc.sents)
    assert len(sents) == 4
    scores = scorer.score_spans(sents)
    assert min(scores[:2]) > max(scores[2:])
    assert scorer.score_spans([]) == [] and scorer.score_texts([]) == []


@needs_model
def test_shipped_model_is_small_beats_baseline_and_loads_without_sklearn() -> None:
    assert MODEL_PATH.stat().st_size < 20_000_000
    meta = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["meta"]
    evaluation = meta["evaluation"]
    for split in ("held_out", "era_shift"):
        assert evaluation["features"][split]["f1"] > evaluation["tfidf"][split]["f1"]
    code = (
        "import sys\n"
        "from workbench.core.nlp.worthiness import load_scorer\n"
        "s = load_scorer()\n"
        "assert s is not None and s.weights\n"
        "assert 'sklearn' not in sys.modules and 'spacy' not in sys.modules\n"
        "print(len(s.weights), s.dense is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout.split()[0]) > 1000
