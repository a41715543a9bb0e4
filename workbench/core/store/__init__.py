"""The verdict store: a workspace folder of small TinyDB files.

Layout of a workspace (default ``./.workbench/``)::

    workbench.json        marker + schema version (checked at open; foreign folders refused)
    lock, lock.owner      single-writer lock (filelock: an OS lock the kernel drops when
                          the holder dies, so kill -9 never leaves a stale lock) + who holds it
    articles/<id>.json    one TinyDB file per article: the article, its claims, its
                          verdicts and its history rows (tables article/claims/verdicts/history)
    articles/<id>.json.bak  the previous good version of that file
    index.json            TinyDB file: one summary row per article (title, source, progress
                          counts, claim ids) for the article list and claim-id prefixes
    dirty                 article ids whose index row is stale (crash recovery, see below)
    undo.jsonl            global undo journal: which history rows form one step, in order

Why this design: plain TinyDB rewrites its whole file on every change, so a change
costs time proportional to the workspace (~35 ms at 10k claims, ~350 ms at 100k).
Here a verdict change rewrites only its own article's file (a few dozen claims) and
appends one fsynced line to the undo journal, so its cost does not depend on how
many articles the workspace holds. Opening a workspace reads only the marker file;
the index is read lazily (article list, claim-id prefixes), and an article's claims
are read from its own file. The article index is not rewritten on every verdict
change: the first change to an article in a session appends its id to ``dirty``
(fsynced), and the index rows of dirty articles are recomputed from their files when
the index is read and written back on ``close``. After a crash the ``dirty`` file
says exactly which rows to recompute, so progress counts are never silently wrong.

Every file is written by ``AtomicJSONStorage`` (temp file, flush, fsync, keep a .bak
hard link, ``os.replace``, fsync the folder), and a verdict change plus its history
rows is one write (``AtomicJSONStorage.batch``): after a crash at any moment a file
holds exactly the old or exactly the new state. A file that does not parse or is not
ours is refused with WorkspaceCorrupt, never overwritten; ``workbench doctor``
checks every file and restores the last good copy (the index is rebuilt from the
article files instead, since it is derived data).
"""

from __future__ import annotations

from .results import ArticleSummary, ImportResult
from .workspace import Workspace

__all__ = ["ArticleSummary", "ImportResult", "Workspace"]
