"""Documents for the matcher from fact-check records and from reviewed claims."""

from __future__ import annotations

from .engine import Doc
from .records import FactCheck


def factcheck_docs(records: list[FactCheck]) -> list[Doc]:
    return [
        Doc(
            key="fc:" + r.key,
            text=r.claim,
            context=f"{r.claimant} {r.title}",
            payload=r,
            claimant=r.claimant,
        )
        for r in records
    ]
