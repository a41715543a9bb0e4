"""Changes of a team workspace that were not saved yet: kept while the server is
unreachable, or waiting for the reviewer to decide a conflict with a colleague.

No Textual here: the session (``session.py``) keeps these, the screen shows them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.core.models import Change, Verdict

UNREACHABLE = "not saved: team server unreachable — kept, will retry when back online"

FIELD_WHAT = {"status": "the mark", "note": "the note", "label": "the wording",
              "link": "the link", "unlink": "the link removal"}


@dataclass
class Kept:
    """One change the reviewer made: what to call again to save it.

    ``field`` is status, note, label, link (add or edit a link: ``args`` url, title,
    stance, and ``edit``) or unlink (``args`` url). ``base`` is the value the reviewer
    started from (None: no editor, nothing to compare)."""

    claim_id: str
    field: str
    args: tuple[Any, ...]
    base: Any = None
    edit: bool = False

    @property
    def key(self) -> tuple[str, str, str]:
        """A later change of the same thing replaces a kept one."""
        url = str(self.args[0]) if self.field in ("link", "unlink") else ""
        return (self.claim_id, "link" if self.field == "unlink" else self.field, url)

    @property
    def what(self) -> str:
        return FIELD_WHAT.get(self.field, self.field)

    @property
    def yours(self) -> Any:
        """The value this change wants (a link: (title, stance); a removal: None)."""
        if self.field == "link":
            return (self.args[1], self.args[2])
        if self.field == "unlink":
            return None
        return self.args[0]

    def value_in(self, verdict: Verdict) -> Any:
        """The value of this change's field in ``verdict`` (a link: (title, stance) of
        its URL, None when the claim has no such link)."""
        if self.field in ("link", "unlink"):
            url = str(self.args[0])
            for link in verdict.links:
                if link.url == url:
                    return (link.title, link.stance)
            return None
        return getattr(verdict, self.field)


@dataclass
class Disputed:
    """A colleague changed the same field since the reviewer loaded it: both values."""

    kept: Kept
    field: str
    theirs: Any
    yours: Any
    who: str
    when: str

    @classmethod
    def of(cls, kept: Kept, theirs: Any, who: str, history: list[Change]) -> Disputed:
        """Who changed it and when, from the claim's history (the last row of the field)."""
        field = "links" if kept.field in ("link", "unlink") else kept.field
        when = ""
        for change in reversed(history):
            if change.field == field or (field == "links" and change.field.startswith("link")):
                who = change.reviewer or who
                when = change.at
                break
        return cls(kept, field, theirs, kept.yours, who or "another reviewer", when)
