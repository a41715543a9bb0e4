"""Helpers for the team tests: articles without spaCy, opening sessions."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))

from store_fixtures import TEXT, Clock, article, claims_for  # noqa: E402

from workbench.core.store.postgres import open_postgres_store  # noqa: E402

__all__ = ["TEXT", "Clock", "article", "claims_for", "open_team"]


def open_team(url: str, **kw):
    return open_postgres_store(url, **kw)
