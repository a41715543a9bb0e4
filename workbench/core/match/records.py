"""A published fact-check as the collection stores it, and the rating mapping.

``FactCheck.key`` identifies a record across imports: its URL when it has one, else
a hash of the claim text and the publisher. Importing the same record twice
therefore changes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..vocabulary import Status

_RATING_STATUS: dict[str, Status] = {
    "false": Status.FALSE,
    "pants-fire": Status.FALSE,
    "pants-on-fire": Status.FALSE,
    "true": Status.VERIFIED,
    "half-true": Status.DISPUTED,
    "mostly-true": Status.DISPUTED,
    "mostly-false": Status.DISPUTED,
    "barely-true": Status.DISPUTED,  # PolitiFact's former name of "mostly false"
    # our own ClaimReview export's wording
    "disputed": Status.DISPUTED,
    "inconclusive": Status.INCONCLUSIVE,
}


def rating_key(rating: str) -> str:
    """``"Pants on Fire!"`` -> ``"pants-on-fire"``: lower case, words joined by '-'."""
    return "-".join(re.findall(r"[a-z0-9]+", rating.lower()))


def rating_status(rating: str) -> Status | None:
    """Our status for a published rating where the mapping is clear, else None
    (flip-o-meters, "misleading", numeric-only scales...)."""
    return _RATING_STATUS.get(rating_key(rating)) if rating else None


@dataclass(frozen=True)
class FactCheck:
    """One earlier fact-check: what was claimed, how it was rated, by whom, where."""

    key: str
    claim: str
    rating: str = ""
    """The publisher's own wording ("Pants on Fire!", "half-true")."""
    status: str | None = None
    """``rating`` mapped to our statuses where clear, else None."""
    claimant: str = ""
    date: str = ""
    """When the claim was made or checked (YYYY-MM-DD where known, else as given)."""
    publisher: str = ""
    url: str = ""
    title: str = ""
    """The fact-check's headline, when the source has one."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactCheck:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def record_key(claim: str, publisher: str, url: str) -> str:
    if url:
        return "u:" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
    text = " ".join(claim.lower().split()) + "\x1f" + publisher.lower()
    return "c:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
