"""Hand-made articles and claims for the contract tests (no spaCy)."""

from __future__ import annotations

import re
from dataclasses import replace

from workbench.core.articles import make_article
from workbench.core.models import Article, Claim, claim_id

TEXT = (
    "Protests in Minsk\n\n"
    "More than 100,000 people marched on Sunday. "
    "The loan was worth 1,500 million dollars. "
    "Lukashenko has ruled for 26 years. "
    "The ministry counted 300 arrests."
)

TEXT2 = (
    "Budget talks\n\nThe deficit reached 12 percent. Officials expect 40 new schools. "
    "About 7 ministers resigned. The plan costs 900 million. Turnout was 61 percent. "
    "Some 15 cities joined. There were 2 votes."
)


class Clock:
    """Stable, increasing timestamps."""

    def __init__(self, start: str = "2026-11-27T20") -> None:
        self.n = 0
        self.start = start

    def __call__(self) -> str:
        self.n += 1
        return f"{self.start}:{self.n // 60 % 60:02d}:{self.n % 60:02d}Z"


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


def reviewer_claim(a: Article, anchor: str, kind: str = "statement") -> Claim:
    """A claim a reviewer marks by hand on the first occurrence of ``anchor``."""
    start = a.text.index(anchor)
    s_start = a.text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = a.text.find(".", start + len(anchor))
    s_end = len(a.text) if s_end < 0 else s_end + 1
    sentence = a.text[s_start:s_end]
    return Claim(
        id=claim_id(kind, anchor, sentence, 0),
        article_id=a.id,
        kind=kind,
        anchor=anchor,
        start=start,
        end=start + len(anchor),
        sentence=sentence,
        sentence_start=s_start,
        sentence_end=s_end,
        label=anchor,
        origin="reviewer",
    )


def with_id(claim: Claim, new_id: str) -> Claim:
    return replace(claim, id=new_id)
