"""Hand-made articles and claims for the store tests (no spaCy)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store_contract"))

from contract_data import TEXT, Clock, article, claims_for  # noqa: E402

from workbench.core.models import Article, Claim  # noqa: E402
from workbench.core.store import Workspace  # noqa: E402

__all__ = ["TEXT", "Clock", "article", "base_workspace", "claims_for", "open_ws", "snapshot"]


def open_ws(path: Path, **kw: object) -> Workspace:
    kw.setdefault("reviewer", "ana")
    kw.setdefault("clock", Clock())
    return Workspace.open(path, **kw)  # type: ignore[arg-type]


def snapshot(path: Path) -> dict:
    """Everything observable through the API, to compare states exactly."""
    with Workspace.open(path, readonly=True) as ws:
        out: dict = {"articles": [s.__dict__ for s in ws.articles()]}
        for s in ws.articles():
            out[s.id] = {
                "claims": [c.to_dict() for c in ws.claims(s.id)],
                "verdicts": {k: v.to_dict() for k, v in ws.verdicts(s.id).items()},
                "history": [h.to_dict() for h in ws.history(s.id)],
            }
        return out


def base_workspace(path: Path) -> tuple[Path, Article, list[Claim]]:
    """A workspace with one article and a few verdicts (a status, a note)."""
    a, claims = article()
    with open_ws(path) as ws:
        ws.add_article(a, claims)
        ws.set_status(a.id, claims[0].id, "verified")
        ws.checkpoint()  # the article file on disk
    with open_ws(path) as ws:  # a second session: the article file has a last good copy
        ws.set_note(a.id, claims[1].id, "first note")
        ws.checkpoint()
    return path, a, claims
