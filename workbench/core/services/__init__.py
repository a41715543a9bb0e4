"""The use cases, called alike by the CLI commands and the TUI.

A command parses its arguments, calls one of these and prints what it returns; a
TUI screen calls the same function (the slow half in a worker, the store half on
the main thread) and shows it. Nothing here prints, reads the terminal or imports
Textual/Rich; spaCy, trafilatura and httpx are imported only when a use case
needs them, so the commands that do not parse text stay fast.

    workspace      open a workspace: writer, read-only, or writer-else-read-only
    importing      read article files, extract their claims, store them (one wording)
    fetching       fetch a page and import it
    link_checks    check evidence links and store the results (one rule for refused links)
    exporting      build a report, write it (atomically, or through to a pipe/device)
    merging        import or merge a JSON export
    reviewing      mark, note, link, label, dismiss, rename, undo/redo
    claims         a claim the reviewer adds by hand (kind and value derived)
    scoring        check-worthiness of sentences (``workbench score``)
"""

from __future__ import annotations

from .workspace import Mode, open_workspace

__all__ = ["Mode", "open_workspace"]
