from __future__ import annotations

import pytest

from workbench.core.store import Workspace

from .helpers import number_claims, sample_article, stable_clock


@pytest.fixture
def ws_path(tmp_path):
    return tmp_path / "ws"


@pytest.fixture
def ws(ws_path):
    workspace = Workspace.open(ws_path, reviewer="tester", clock=stable_clock())
    yield workspace
    workspace.close()


@pytest.fixture
def article_id(ws) -> str:
    article = sample_article()
    result = ws.add_article(article, number_claims(article))
    return result.article_id


@pytest.fixture
def fake_model(monkeypatch):
    """No spaCy load in tests that fake the extraction: the names asked for, in order."""
    import workbench.core.nlp.pipeline as pipeline

    loaded: list[str | None] = []
    monkeypatch.setattr(pipeline, "load_pipeline", lambda name=None: loaded.append(name))
    return loaded
