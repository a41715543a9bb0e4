"""What every command shares: opening the workspace, printing, argument types.

Everything a command prints goes through ``out``/``warn`` with text cleaned by
``one_line`` (stored text is untrusted: an imported export may hold escape
sequences in any field).
"""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING, Any

from ..core.config import Config

if TYPE_CHECKING:  # the store is imported when a command opens it, not at start-up
    from ..core.store.interface import Store


TYPE_SHORT = {
    "quantity": "quantity",
    "correlation/causation": "causal",
    "laws/rules": "rule",
    "prediction": "predict",
    "personal experience": "personal",
    "other": "other",
}
"""Full Fact claim types, shortened for the table columns (``extract``, ``claims``)."""


def open_ws(config: Config, mode: str = "write", create: bool = False) -> Store:
    """The workspace of ``--workspace``, for the config's reviewer (services.open_workspace)."""
    from ..core.services.workspace import open_workspace

    store = open_workspace(
        config.workspace_location, config.reviewer_name, mode=mode, create=create
    )
    damage = getattr(store, "damage", None)  # the folder workspace's journal
    if isinstance(damage, str) and damage:
        warn(
            f"{config.workspace_location}: the journal is damaged ({damage}); what can be "
            "read is shown. Run `workbench doctor --restore`"
        )
    return store


def dump_json(data: Any) -> str:
    """JSON for stdout: like ``json.dumps(ensure_ascii=False, indent=2)``, but C1
    controls and bidi/zero-width characters escaped too (a terminal acts on them)."""
    import json
    import re

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return re.sub(
        "[\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )


def out(line: str = "") -> None:
    sys.stdout.write(line + "\n")


def warn(message: str) -> None:
    from ..core.text import one_line

    print(f"workbench: warning: {one_line(message, 400)}", file=sys.stderr)


def note(message: str) -> None:
    """A one-line notice on stderr that is not an error (``workbench: note: MESSAGE``)."""
    from ..core.text import one_line

    print(f"workbench: note: {one_line(message, 400)}", file=sys.stderr)


def encoding_notes(articles: Any) -> None:
    """One notice per article that was not UTF-8, naming the encoding it was read as."""
    from ..core.text import encoding_note

    for article in articles:
        line = encoding_note(article.source, (article.meta or {}).get("encoding"))
        if line:
            note(line)


def error_line(message: str) -> None:
    from ..core.text import one_line

    print(f"workbench: error: {one_line(message, 400)}", file=sys.stderr)


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def seconds(text: str) -> float:
    """A finite, positive number of seconds (``nan``, ``inf``, 0 and negatives refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError("must be a positive, finite number of seconds")
    return value


def status_arg(text: str) -> Any:
    """A status name in any case (``in-progress`` works): argparse-friendly."""
    from ..core.errors import InputError
    from ..core.vocabulary import parse_status

    try:
        return parse_status(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def statuses_arg(text: str) -> Any:
    from ..core.errors import InputError
    from ..core.vocabulary import parse_statuses

    try:
        return parse_statuses(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def stance_arg(text: str) -> Any:
    from ..core.errors import InputError
    from ..core.vocabulary import parse_stance

    try:
        return parse_stance(text)
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None
