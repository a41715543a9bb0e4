"""Carry verdicts over when an article is imported again with new claims.

A verdict stays on a claim with the same id (``kept``); otherwise it moves to an
untaken claim with the same anchor and a near-identical sentence (rapidfuzz
ratio >= ``MOVE_THRESHOLD``; ``moved``); otherwise it is kept as an orphan with a
copy of its old claim (``orphaned``). Nothing a reviewer wrote is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..models import Claim

MOVE_THRESHOLD = 90.0


@dataclass
class MovePlan:
    verdicts: list[dict[str, Any]] = field(default_factory=list)
    """Verdict documents for the new article (claim ids already remapped)."""
    moves: list[tuple[str, str]] = field(default_factory=list)
    """(old claim id, new claim id) for moved verdicts."""
    orphans: list[str] = field(default_factory=list)
    """Claim ids of verdicts newly orphaned."""
    kept: int = 0


def has_content(doc: dict[str, Any]) -> bool:
    """True when a verdict holds anything a reviewer did (or is already an orphan)."""
    return bool(
        doc.get("orphaned")
        or doc.get("status", "unreviewed") != "unreviewed"
        or doc.get("note")
        or doc.get("links")
        or doc.get("label")
    )


def plan_moves(
    old_claims: Iterable[dict[str, Any]],
    old_verdicts: Iterable[dict[str, Any]],
    new_claims: list[Claim],
    new_article_id: str,
    keep: set[str] | None = None,
) -> MovePlan:
    """``keep``: claim ids whose verdict is carried even when empty (reviewer-made
    claims the new text no longer holds: they become orphans, never vanish)."""
    plan = MovePlan()
    by_id = {c["id"]: c for c in old_claims}
    new_ids = {c.id for c in new_claims}
    keep = keep or set()
    verdicts = [dict(v) for v in old_verdicts if has_content(v) or v.get("claim_id") in keep]
    have = {v["claim_id"] for v in verdicts}
    for cid in sorted(keep - have):
        verdicts.append(
            {
                "claim_id": cid,
                "article_id": new_article_id,
                "status": "unreviewed",
                "note": "",
                "links": [],
                "reviewer": "",
                "updated_at": "",
                "label": "",
                "orphaned": False,
            }
        )
    taken = {v["claim_id"] for v in verdicts if v["claim_id"] in new_ids}
    for doc in verdicts:
        doc["article_id"] = new_article_id
        cid = doc["claim_id"]
        if cid in new_ids:
            doc["orphaned"] = False
            doc.pop("claim", None)
            plan.kept += 1
            plan.verdicts.append(doc)
            continue
        old = by_id.get(cid) or doc.get("claim") or {}
        target = _best_match(old, new_claims, taken)
        if target is not None:
            taken.add(target.id)
            doc["claim_id"] = target.id
            doc["orphaned"] = False
            doc.pop("claim", None)
            plan.moves.append((cid, target.id))
        else:
            if not doc.get("orphaned"):
                plan.orphans.append(cid)
            doc["orphaned"] = True
            if old:
                doc["claim"] = old
        plan.verdicts.append(doc)
    return plan


def _best_match(old: dict[str, Any], new_claims: list[Claim], taken: set[str]) -> Claim | None:
    anchor, sentence = old.get("anchor"), old.get("sentence")
    if not anchor or not sentence:
        return None
    from rapidfuzz import fuzz  # only a re-import matches claims: not at start-up
    best: Claim | None = None
    best_score = MOVE_THRESHOLD
    for claim in new_claims:
        if claim.id in taken or claim.anchor != anchor:
            continue
        score = fuzz.ratio(sentence, claim.sentence)
        if claim.kind == old.get("kind"):
            score += 0.01  # tie-break towards the same kind
        if score >= best_score:
            best, best_score = claim, score
    return best
