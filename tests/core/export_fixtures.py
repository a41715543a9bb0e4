"""Hand-made report data for the export tests (no store, no spaCy)."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from pathlib import Path

from workbench.core.export.report import ExportOptions, Report, article_report
from workbench.core.models import Article, Change, Claim, Link, Verdict, claim_id, content_hash

HOSTILE = "<script>alert(1)</script> javascript:alert(1) </script><img src=x onerror=alert(1)>"
HOSTILE_MD = (
    "[click](javascript:alert(1)) ![img](https://evil.example/x.png) <b>bold</b> **x** "
    "www.evil.example"
)
NOW = "2026-11-27T12:00:00Z"


def make_claim(article: Article, anchor: str, kind: str, label: str, occurrence: int = 0) -> Claim:
    """A claim on the first sentence of ``article`` containing ``anchor``."""
    text = article.text
    start = text.index(anchor)
    dot = text.rfind(". ", 0, start)
    s_start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    s_end = text.find(". ", start)
    s_end = len(text) if s_end < 0 else s_end + 1
    sentence = text[s_start:s_end]
    return Claim(
        id=claim_id(kind, anchor, sentence, occurrence),
        article_id=article.id,
        kind=kind,
        anchor=anchor,
        start=start,
        end=start + len(anchor),
        sentence=sentence,
        sentence_start=s_start,
        sentence_end=s_end,
        label=label,
        value={"text": anchor},
        worthiness=0.75,
    )


def article_of(text: str, title: str, source: str, meta: dict | None = None) -> Article:
    return Article(
        id=content_hash(text), title=title, source=source, text=text, meta=dict(meta or {})
    )


def plain_report(options: ExportOptions | None = None, **filters) -> Report:
    """A small, ordinary report: three claims, one of each kind of verdict state."""
    text = (
        "Minsk, Belarus. More than 100,000 people marched on Sunday. "
        "The loan is worth $1.5 billion. Lukashenko has ruled for 26 years."
    )
    article = article_of(
        text,
        "Protests continue",
        "https://news.example/belarus?id=1&x=2",
        {"author": "Jane Reporter", "published": "2020-09-14T08:00:00Z"},
    )
    c1 = make_claim(article, "More than 100,000 people", "quantity", "more than 100,000 people")
    c2 = make_claim(article, "$1.5 billion", "money", "$1.5B loan")
    c3 = make_claim(article, "26 years", "duration", "26 years in power")
    verdicts = {
        c1.id: Verdict(
            c1.id,
            article.id,
            "verified",
            "Police and organisers agree.\nSee the wire report.",
            [
                Link(
                    "https://wire.example/report",
                    "Wire report",
                    "supports",
                    "2026-11-27T10:01:00Z",
                    check={"ok": True, "status_code": 200, "checked_at": "2026-11-27T10:02:00Z"},
                ),
                Link(
                    "https://gone.example/page",
                    "Gone page",
                    "context",
                    "2026-11-27T10:03:00Z",
                    check={"ok": False, "status_code": 404, "error": "not found"},
                    archive={
                        "url": "https://web.archive.org/web/2020/https://gone.example/page",
                        "timestamp": "20200915000000",
                    },
                ),
            ],
            "ana",
            "2026-11-27T10:03:00Z",
        ),
        c2.id: Verdict(
            c2.id,
            article.id,
            "false",
            "The loan was $1.5B total, not new.",
            [],
            "bo",
            "2026-11-27T11:00:00Z",
        ),
    }
    history = [
        Change(
            1, article.id, c1.id, "status", "unreviewed", "verified", "ana", "2026-11-27T10:00:00Z"
        ),
        Change(
            2,
            article.id,
            c1.id,
            "links",
            [],
            ["https://wire.example/report"],
            "ana",
            "2026-11-27T10:03:00Z",
        ),
        Change(3, article.id, c2.id, "status", "unreviewed", "false", "bo", "2026-11-27T11:00:00Z"),
    ]
    part = article_report(article, [c1, c2, c3], verdicts, history, **filters)
    return Report(
        articles=[part],
        generated_at=NOW,
        exported_by="ana",
        statuses=filters.get("statuses"),
        reviewer=filters.get("reviewer"),
        options=options
        or ExportOptions(url="https://factcheck.example/belarus", org="Example Checks"),
    )


def hostile_report(options: ExportOptions | None = None) -> Report:
    """Hostile text in the article, title, label, note, link title and link URLs."""
    text = f'{HOSTILE} {HOSTILE_MD}. The count was 5,000 =HYPERLINK("http://evil") people.'
    article = article_of(text, f"Title {HOSTILE} {HOSTILE_MD}", "javascript:alert(1)")
    claim = make_claim(article, "5,000", "quantity", f"label {HOSTILE} {HOSTILE_MD}")
    other = make_claim(article, "alert(1)", "quote", '=HYPERLINK("http://evil","x")')
    verdicts = {
        claim.id: Verdict(
            claim.id,
            article.id,
            "false",
            f"note {HOSTILE}\n{HOSTILE_MD}\n- list\n# heading\n1. ordered\n"
            "=SUM(A1)\n@SUM(A1)\n-1+2",
            [
                Link("javascript:alert(1)", f"js {HOSTILE}", "refutes"),
                Link(
                    'https://ok.example/a?b=1&c="2"',
                    f"ok {HOSTILE} {HOSTILE_MD}",
                    "supports",
                    archive={"url": "javascript:alert(2)", "timestamp": "x"},
                ),
                Link("data:text/html,<script>alert(1)</script>", "data", "context"),
            ],
            f"rev {HOSTILE}",
            "2026-11-27T10:00:00Z",
        ),
        other.id: Verdict(
            other.id,
            article.id,
            "disputed",
            "@SUM(A1)",
            [],
            "=cmd|' /C calc'!A0",
            "2026-11-27T10:00:00Z",
        ),
    }
    part = article_report(article, [claim, other], verdicts, [])
    return Report(
        articles=[part],
        generated_at=NOW,
        exported_by=f"exp {HOSTILE}",
        options=options
        or ExportOptions(
            url="https://factcheck.example/x", org=f"Org {HOSTILE}", html_snippets=True
        ),
    )


# -- a real workspace built from the seed --------------------------------------------------

SEED = Path(__file__).resolve().parents[2] / "seeds" / "belarus-putin-sochi.txt"
SEED_SOURCE = "https://news.example/world/belarus-putin-sochi"


class Clock:
    """A stable clock for Workspace.open(..., clock=...): one second per call."""

    def __init__(self, start: str = "2026-11-27T09:00:00Z") -> None:
        self.t = datetime.fromisoformat(start.replace("Z", "+00:00"))

    def __call__(self) -> str:
        self.t += timedelta(seconds=1)
        return self.t.strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.cache
def seed_claims() -> tuple[Article, tuple[Claim, ...]]:
    """The seed article (with a web source) and its claims from the real extractor."""
    from workbench.core.articles import make_article
    from workbench.core.nlp.extract import extract_claims

    article = make_article(
        SEED.read_text(encoding="utf-8"),
        SEED_SOURCE,
        meta={"author": "Staff reporter", "published": "2020-09-14", "publisher": "Example News"},
    )
    return article, tuple(extract_claims(article))


def triage(path: Path, clock: Clock | None = None) -> str:
    """Store the seed with a fixed set of verdicts, notes and links; returns the article id.

    Verdicts go to claims by position (not by content), so the fixture does not depend
    on what extraction finds beyond there being at least six claims.
    """
    from workbench.core.store import Workspace

    article, claims = seed_claims()
    assert len(claims) >= 6, "the seed must give at least six claims"
    clock = clock or Clock()
    ids = [c.id for c in claims]
    with Workspace.open(path, reviewer="ana", clock=clock) as ws:
        ws.add_article(article, list(claims))
        aid = article.id
        ws.set_status(aid, ids[0], "verified")
        ws.set_note(
            aid, ids[0], "Police and organisers both gave this figure.\nSee the wire report."
        )
        ws.add_link(aid, ids[0], "https://wire.example/belarus-march", "Wire report", "supports")
        ws.set_link_check(
            aid,
            ids[0],
            "https://wire.example/belarus-march",
            check={"ok": True, "status_code": 200, "checked_at": clock()},
        )
        ws.add_link(aid, ids[0], "https://gone.example/old-page", "Old page", "context")
        ws.set_link_check(
            aid,
            ids[0],
            "https://gone.example/old-page",
            check={"ok": False, "status_code": 404, "error": "not found", "checked_at": clock()},
            archive={
                "url": "https://web.archive.org/web/20200915000000/https://gone.example/old-page",
                "timestamp": "20200915000000",
                "checked_at": clock(),
            },
        )
        ws.set_status(aid, ids[1], "false")
        ws.set_note(aid, ids[1], "The official record says otherwise.")
        ws.add_link(aid, ids[1], "https://records.example/official", "Official record", "refutes")
        ws.set_status(aid, ids[3], "inconclusive")
        ws.set_status(aid, ids[4], "in_progress")
    with Workspace.open(path, reviewer="bo", clock=clock) as ws:
        ws.set_status(aid, ids[2], "disputed")
        ws.set_note(aid, ids[2], "Two sources disagree on this.")
    return aid
