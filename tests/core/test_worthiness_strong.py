"""The strong worthiness score (worthiness/strong.py): the encoder head, its mix with the
parse-feature model, the fall-back to the parse model, and extraction using it. A tiny fake
encoder stands in for all-MiniLM-L6-v2, so none of this needs the extra."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from workbench.core.errors import ModelError
from workbench.core.nlp.worthiness import MODEL_PATH, load_scorer, strong
from workbench.core.nlp.worthiness.strong import HEAD_PATH, Fusion, Head, fusion_from, mixed


class FakeEncoder:
    """4-d 'vectors': how many of four words a text holds, scaled to unit length."""

    name = "fake-4"
    dim = 4
    WORDS = ("percent", "million", "think", "thank")

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts):
        self.calls.append(list(texts))
        out = np.array([[t.lower().count(w) for w in self.WORDS] for t in texts], np.float32)
        out[:, 0] += 0.1  # never the zero vector
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _head() -> Head:
    # hidden unit 0 fires on numbers words, unit 1 on opinion words; output: 3*h0 - 3*h1
    w1 = np.array([[1, 0], [1, 0], [0, 1], [0, 1]], np.float32)
    return Head(w1, np.zeros(2), np.array([3.0, -3.0]), -0.5)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


@pytest.fixture
def fake_fusion(monkeypatch):
    """load_fusion() returns a fusion over the fake encoder (and the cache is fresh)."""
    monkeypatch.delenv(strong.ENV, raising=False)
    encoder = FakeEncoder()
    fusion = Fusion(encoder, _head(), a=0.5, w=0.5, c=0.1)
    monkeypatch.setattr(strong, "_CACHE", {"fusion": fusion})
    return fusion


def test_head_is_a_relu_mlp():
    head = _head()
    v = np.array([[0.6, 0.8, 0, 0], [0, 0, 1, 0], [0.5, 0.5, 0.5, 0.5]], np.float32)
    want = [3 * 1.4 - 0.5, -3 * 1.0 - 0.5, 3 * 1.0 - 3 * 1.0 - 0.5]
    np.testing.assert_allclose(head.logits(v), want, rtol=1e-6)
    again = Head.from_dict(json.loads(json.dumps(head.to_dict())))
    np.testing.assert_allclose(again.logits(v), want, rtol=1e-6)
    with pytest.raises(ValueError):
        Head(np.zeros((4, 2)), np.zeros(3), np.zeros(2), 0.0)


def test_fusion_mixes_logits_and_folds_the_threshold():
    encoder = FakeEncoder()
    fusion = Fusion(encoder, _head(), a=0.6, w=0.4, c=-0.2)
    texts = ["Exports rose 12 percent.", "I think so. Thank you."]
    parse = [0.7, 0.3]
    got = fusion.fuse(texts, parse)
    z_head = _head().logits(encoder.embed(texts))
    for g, p, zh in zip(got, parse, z_head, strict=True):
        assert g == pytest.approx(1 / (1 + math.exp(-(0.6 * _logit(p) + 0.4 * zh - 0.2))))
    assert got[0] > 0.7 and got[1] < 0.3  # the head agrees with the parse model: pushed out
    assert fusion.fuse([], []) == []
    with pytest.raises(ValueError):
        fusion.fuse(["one"], [0.5, 0.5])
    # parse scores of exactly 0 or 1 (rounded) do not blow up
    assert all(0 < s < 1 for s in fusion.fuse(["a", "b"], [0.0, 1.0]))


def test_one_batch_for_all_texts(fake_fusion):
    out = mixed(["Exports rose 12 percent.", "Unused", "We think so."], [0.6, None, 0.4])
    assert out[1] is None
    assert out[0] > 0.6 and out[2] < 0.4
    assert fake_fusion.encoder.calls == [["Exports rose 12 percent.", "We think so."]]
    assert out[0] == round(out[0], 4)


def test_without_the_extra_scores_are_unchanged(monkeypatch):
    monkeypatch.delenv(strong.ENV, raising=False)
    monkeypatch.setattr(strong, "_CACHE", {})
    monkeypatch.setattr("workbench.core.nlp.encoder.available", lambda: False)
    assert strong.load_fusion() is None
    scores = [0.12345678, None, 0.9]
    assert mixed(["a", "b", "c"], scores) == scores


def test_switched_off_by_the_environment(fake_fusion, monkeypatch):
    for off in ("0", "off", "No", "false"):
        monkeypatch.setenv(strong.ENV, off)
        assert strong.load_fusion() is None
        assert mixed(["Exports rose 12 percent."], [0.6]) == [0.6]
    monkeypatch.setenv(strong.ENV, "1")
    assert strong.load_fusion() is fake_fusion


def test_a_head_for_other_vectors_or_another_parse_model_is_refused():
    data = {"encoder": "fake-4", "mix": {"a": 0.5, "w": 0.5, "c": 0.0, "parse_bias": -0.4},
            "head": _head().to_dict()}
    assert isinstance(fusion_from(data, FakeEncoder(), -0.4), Fusion)
    with pytest.raises(ModelError, match="trained on"):
        fusion_from({**data, "encoder": "other"}, FakeEncoder(), -0.4)
    with pytest.raises(ModelError, match="another parse-feature model"):
        fusion_from(data, FakeEncoder(), 0.3)
    with pytest.raises(ModelError, match="malformed"):
        fusion_from({**data, "head": {"w1": [[1.0]]}}, FakeEncoder(), -0.4)
    with pytest.raises(ModelError, match="malformed"):
        fusion_from({**data, "mix": {}}, FakeEncoder(), -0.4)


def test_a_broken_head_file_means_no_fusion(tmp_path, monkeypatch, caplog):
    bad = tmp_path / "strong.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        strong.read_head_file(bad)
    monkeypatch.delenv(strong.ENV, raising=False)
    monkeypatch.setattr(strong, "_CACHE", {})
    monkeypatch.setattr(strong, "HEAD_PATH", bad)
    monkeypatch.setattr("workbench.core.nlp.encoder.available", lambda: True)
    monkeypatch.setattr("workbench.core.nlp.encoder.load_encoder", lambda: FakeEncoder())
    assert strong.load_fusion() is None
    assert "cannot be read" in caplog.text


@pytest.mark.skipif(not HEAD_PATH.is_file(), reason="no strong head shipped yet")
def test_shipped_head_fits_the_shipped_parse_model():
    from workbench.core.nlp.encoder import DIM, NAME

    data = strong.read_head_file(HEAD_PATH)
    assert data["encoder"] == NAME
    scorer = load_scorer(MODEL_PATH)
    assert scorer is not None

    class Unit:
        name, dim = NAME, DIM

        def embed(self, texts):  # one vector for every text
            v = np.random.default_rng(0).normal(size=DIM).astype(np.float32)
            return np.tile(v / np.linalg.norm(v), (len(texts), 1))

    fusion = fusion_from(data, Unit(), scorer.bias)  # refused if model.json was retrained
    assert 0 < fusion.w < 1 and fusion.a == pytest.approx(1 - fusion.w)
    for parse in ([0.4, 0.5, 0.6], [0.01, 0.05, 0.95, 0.99]):  # near the cut, then far
        scores = fusion.fuse(["a"] * len(parse), parse)
        assert all(0 <= s <= 1 for s in scores)
        assert scores == sorted(scores)  # the same vector: the parse model's order is kept
    if fusion.cascade is not None:  # a third of the debate sentences are encoded
        assert 0.5 < fusion.cascade["band"] < 2.5


ARTICLE = (
    "Exports rose 12 percent in the first quarter, the ministry said on Monday. "
    "The senator voted against the defense bill three times. "
    "I think we should all calm down."
)


def test_extraction_scores_claims_with_the_fusion(fake_fusion, monkeypatch):
    """The claims are the same with and without the extra (the gates read the parse
    model); only their worthiness is the mixed score, from one encoder batch per doc
    holding only the sentences and clauses that have claims."""
    from workbench.core.models import Article
    from workbench.core.nlp.extract import get_extractor

    article = Article(id="a1", title="t", source="test", text=ARTICLE)
    extractor = get_extractor()
    monkeypatch.setenv(strong.ENV, "0")
    plain = extractor.claims(article)
    monkeypatch.setenv(strong.ENV, "1")
    fused = extractor.claims(article)
    assert [(c.id, c.kind, c.anchor) for c in plain] == [(c.id, c.kind, c.anchor) for c in fused]
    assert plain and all(c.worthiness is not None for c in plain)
    changed = [(p.worthiness, f.worthiness) for p, f in zip(plain, fused, strict=True)
               if p.worthiness != f.worthiness]
    assert changed
    encoded = {t for call in fake_fusion.encoder.calls for t in call}
    sentences = {c.sentence for c in plain}
    assert encoded and all(any(t in s for s in sentences) for t in encoded)
    assert "I think we should all calm down." not in sentences  # no claim: never encoded
    assert not any("calm down" in t for t in encoded)


def test_extraction_without_ranking_keeps_the_parse_scores(fake_fusion, monkeypatch):
    """``rank=False`` (extract_bench's extraction line) never encodes: the claims and their
    scores are the parse model's, as with the encoder switched off; the default ranks."""
    from workbench.core.models import Article
    from workbench.core.nlp.extract import Extractor, get_extractor

    article = Article(id="a1", title="t", source="test", text=ARTICLE)
    nlp = get_extractor().nlp
    unranked = Extractor(nlp=nlp, rank=False).claims(article)
    assert not fake_fusion.encoder.calls
    monkeypatch.setenv(strong.ENV, "0")
    plain = Extractor(nlp=nlp).claims(article)
    assert [(c.id, c.worthiness) for c in unranked] == [(c.id, c.worthiness) for c in plain]
    monkeypatch.setenv(strong.ENV, "1")
    ranked = Extractor(nlp=nlp).claims(article)
    assert fake_fusion.encoder.calls
    assert [c.worthiness for c in ranked] != [c.worthiness for c in plain]


def test_the_cascade_encodes_only_texts_near_the_cut():
    """With a cascade, a text whose parse logit is beyond the band is never encoded: the
    head's logit is predicted from the parse logit (alpha + beta * logit) and the cascade's
    own ``c`` applies; a text inside the band gets the full mix."""
    encoder = FakeEncoder()
    cascade = {"band": 1.0, "alpha": 0.2, "beta": 0.5, "c": -0.3}
    fusion = Fusion(encoder, _head(), a=0.5, w=0.5, c=0.1, cascade=cascade)
    texts = ["up 3 percent", "we thank you", "5 million"]
    parse = [0.6, 0.05, 0.97]  # logits 0.41 (near), -2.94 and 3.48 (far)
    got = fusion.logits(texts, parse)
    assert encoder.calls == [["up 3 percent"]]
    z = [_logit(p) for p in parse]
    head = float(_head().logits(FakeEncoder().embed(["up 3 percent"]))[0])
    assert got[0] == pytest.approx(0.5 * z[0] + 0.5 * head - 0.3)
    for i in (1, 2):
        assert got[i] == pytest.approx(0.5 * z[i] + 0.5 * (0.2 + 0.5 * z[i]) - 0.3)
    assert fusion_from(
        {"encoder": "fake-4", "mix": {"a": 0.5, "w": 0.5, "c": 0.1}, "head": _head().to_dict(),
         "cascade": cascade}, encoder, None).cascade == cascade
