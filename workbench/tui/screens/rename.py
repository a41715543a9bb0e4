"""Give an article a new title (its headline was missed, or it came from stdin)."""

from __future__ import annotations

from .line import LineDialog


class RenameDialog(LineDialog):
    """Dismisses with the new title, or None."""

    def __init__(self, title: str) -> None:
        super().__init__(
            "Rename the article",
            title,
            placeholder="title",
            empty="The title is empty.",
            name="rename",
        )
