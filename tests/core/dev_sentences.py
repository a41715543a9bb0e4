"""Our own labelled sentences (tests/data/dev_statements/<name>.json), each extracted as
an article of its own in one ``extract_many`` pass."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from workbench.core.articles import make_article
from workbench.core.nlp.extract import extract_many

DEV = Path(__file__).resolve().parents[1] / "data" / "dev_statements"


def dev_items(name: str) -> list[dict[str, Any]]:
    return json.loads((DEV / name).read_text(encoding="utf-8"))["items"]


def extract_items(items: list[dict[str, Any]]) -> dict[str, tuple[Any, Any]]:
    """sentence -> (its article, its claims)."""
    articles = [make_article(item["text"] + "\n", "dev") for item in items]
    return {
        item["text"]: (article, claims)
        for item, article, claims in zip(items, articles, extract_many(articles), strict=True)
    }
