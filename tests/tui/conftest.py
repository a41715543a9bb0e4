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
