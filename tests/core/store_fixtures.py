"""Hand-made articles and claims for the store tests (no spaCy)."""

from __future__ import annotations

import re
from pathlib import Path

from workbench.core.articles import make_article
from workbench.core.models import Article, Claim, claim_id
from workbench.core.store import Workspace

TEXT = (
    "Protests in Minsk\n\n"
    "More than 100,000 people marched on Sunday. "
    "The loan was worth 1,500 million dollars. "
    "Lukashenko has ruled for 26 years. "
    "The ministry counted 300 arrests."
)


class Clock:
    """Stable, increasing timestamps."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"2026-11-27T20:{self.n // 60 % 60:02d}:{self.n % 60:02d}Z"


def claims_for(article: Article) -> list[Claim]:
    """One 'quantity' claim per number in each sentence (anchor = the number)."""
    out: list[Claim] = []
    for m in re.finditer(r"[^.\n]+\.", article.text):
        sentence = m.group().strip()
        s_start = article.text.index(sentence, m.start())
        for n in re.finditer(r"\d[\d,]*", sentence):
            anchor = n.group()
            out.append(
                Claim(
                    id=claim_id("quantity", anchor, sentence),
                    article_id=article.id,
                    kind="quantity",
                    anchor=anchor,
                    start=s_start + n.start(),
                    end=s_start + n.end(),
                    sentence=sentence,
                    sentence_start=s_start,
                    sentence_end=s_start + len(sentence),
                    label=anchor,
                    value={"number": float(anchor.replace(",", ""))},
                )
            )
    return out


def article(text: str = TEXT, source: str = "minsk.txt") -> tuple[Article, list[Claim]]:
    a = make_article(text, source)
    return a, claims_for(a)


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
        ws.set_note(a.id, claims[1].id, "first note")
    return path, a, claims
