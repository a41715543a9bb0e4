"""The team workspace's versioned schema and its migrations.

Everything lives in the PostgreSQL schema ``workbench`` of the chosen database.
``workbench.meta`` holds ``schema_version``. ``upgrade`` applies the missing
migrations in order, in one transaction, under an advisory lock (two upgrades at
once take turns); ``check`` refuses a store whose schema is older ("run workbench
db upgrade") or newer than this program, in one line.

Tables (version 2):

- ``articles``  one row per article; ``ord`` keeps the order they were added.
- ``claims``    (article_id, id) -> the claim as JSON, ``pos`` = article order.
- ``verdicts``  one row per claim (created with the claim) plus orphans; the
  reviewer-owned fields status, note, links, label each carry their own version
  (``status_v``...), ``version`` counts every change of the row.
- ``history``   append-only, ``seq`` from a server-side sequence (global order).
- ``undo_steps`` which history rows form one undo step, per reviewer, with its
  state (done / undone / dropped).
- ``reviewers`` optional mapping database user -> reviewer name.
- ``assignments`` article -> assignee; ``takes`` "taken by" markers that expire
  (claim_id '' = the whole article).

Version 4 adds ``articles.removed``: an article taken out of the workspace
(``remove_article``) keeps its row, claims, verdicts and history until undo lists
it again.

Version 3 adds the procedures ``set_status`` / ``set_note`` / ``set_label`` (a mark
in one round trip, its live signal sent after the commit; see ``procedures``) and
leaves a fifth of each ``verdicts`` page free for updated rows.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import tuple_row

from ...errors import StoreError
from .procedures import SET_FIELD_PROCEDURES

SCHEMA = "workbench"
LOCK_KEY = 0x5742_5343  # pg_advisory_xact_lock key for upgrades

MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE SCHEMA IF NOT EXISTS workbench",
        "CREATE TABLE workbench.meta (key text PRIMARY KEY, value text NOT NULL)",
        """CREATE TABLE workbench.articles (
            id text PRIMARY KEY,
            title text NOT NULL,
            source text NOT NULL,
            text text NOT NULL,
            fetched_at text,
            meta jsonb NOT NULL DEFAULT '{}',
            added_at text NOT NULL,
            ord bigserial)""",
        "CREATE INDEX articles_source ON workbench.articles (source)",
        """CREATE TABLE workbench.claims (
            article_id text NOT NULL REFERENCES workbench.articles (id) ON DELETE CASCADE,
            id text NOT NULL,
            pos integer NOT NULL,
            data jsonb NOT NULL,
            PRIMARY KEY (article_id, id))""",
        """CREATE TABLE workbench.verdicts (
            article_id text NOT NULL REFERENCES workbench.articles (id) ON DELETE CASCADE,
            claim_id text NOT NULL,
            status text NOT NULL DEFAULT 'unreviewed',
            note text NOT NULL DEFAULT '',
            links jsonb NOT NULL DEFAULT '[]',
            label text NOT NULL DEFAULT '',
            reviewer text NOT NULL DEFAULT '',
            updated_at text NOT NULL DEFAULT '',
            orphaned boolean NOT NULL DEFAULT false,
            claim jsonb,
            version integer NOT NULL DEFAULT 0,
            status_v integer NOT NULL DEFAULT 0,
            note_v integer NOT NULL DEFAULT 0,
            links_v integer NOT NULL DEFAULT 0,
            label_v integer NOT NULL DEFAULT 0,
            ord bigserial,
            PRIMARY KEY (article_id, claim_id))""",
        "CREATE INDEX verdicts_claim ON workbench.verdicts (claim_id text_pattern_ops)",
        """CREATE TABLE workbench.history (
            seq bigserial PRIMARY KEY,
            article_id text NOT NULL,
            claim_id text NOT NULL,
            field text NOT NULL,
            old jsonb,
            new jsonb,
            reviewer text NOT NULL,
            at text NOT NULL,
            action text NOT NULL)""",
        "CREATE INDEX history_claim ON workbench.history (article_id, claim_id)",
        """CREATE TABLE workbench.undo_steps (
            id bigserial PRIMARY KEY,
            reviewer text NOT NULL,
            rows bigint[] NOT NULL,
            state text NOT NULL DEFAULT 'done')""",
        "CREATE INDEX undo_steps_reviewer ON workbench.undo_steps (reviewer, state, id)",
        "CREATE TABLE workbench.reviewers (db_user text PRIMARY KEY, name text NOT NULL)",
    ],
    2: [
        """CREATE TABLE workbench.assignments (
            article_id text PRIMARY KEY REFERENCES workbench.articles (id) ON DELETE CASCADE,
            assignee text NOT NULL,
            assigned_by text NOT NULL,
            at text NOT NULL)""",
        """CREATE TABLE workbench.takes (
            article_id text NOT NULL REFERENCES workbench.articles (id) ON DELETE CASCADE,
            claim_id text NOT NULL DEFAULT '',
            reviewer text NOT NULL,
            expires_at timestamptz NOT NULL,
            PRIMARY KEY (article_id, claim_id, reviewer))""",
    ],
    3: [
        *SET_FIELD_PROCEDURES,
        # room on each page for a new row version, so a mark's update can stay on its page
        # (a HOT update: no new index entries); applies to pages written from now on
        "ALTER TABLE workbench.verdicts SET (fillfactor = 80)",
    ],
    4: [
        # ``workbench remove``: the article leaves the list and the claim-id look-ups, its
        # claims, verdicts and history stay (undo lists it again; adding the same text
        # again brings its verdicts back)
        "ALTER TABLE workbench.articles ADD COLUMN removed boolean NOT NULL DEFAULT false",
    ],
}
SCHEMA_VERSION = max(MIGRATIONS)
WRITE_TABLES = ("articles", "claims", "verdicts", "undo_steps", "assignments", "takes")
"""Tables a writer role may change; ``history`` only takes new rows (and a re-key of
its article id when a re-import replaces an article), never an edit or a delete."""


def current_version(conn: psycopg.Connection[Any]) -> int:
    """The schema version in this database (0: no workbench schema)."""
    cur = conn.cursor(row_factory=tuple_row)
    row = cur.execute("SELECT to_regclass('workbench.meta') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    got = cur.execute("SELECT value FROM workbench.meta WHERE key = 'schema_version'").fetchone()
    return int(got[0]) if got else 0


def check(conn: psycopg.Connection[Any], where: str) -> None:
    """StoreError (one line) unless the schema is exactly this program's version."""
    version = current_version(conn)
    if version == SCHEMA_VERSION:
        return
    if version == 0:
        raise StoreError(
            f"{where} has no workbench schema yet; run `workbench db upgrade {where}` "
            "(as the database owner) first"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"the team workspace {where} has schema version {version}, this workbench needs "
            f"{SCHEMA_VERSION}; run `workbench db upgrade {where}`"
        )
    raise StoreError(
        f"the team workspace {where} has schema version {version}, newer than this workbench "
        f"knows ({SCHEMA_VERSION}); upgrade workbench"
    )


def upgrade(
    conn: psycopg.Connection[Any],
    writers: list[str] | None = None,
    readers: list[str] | None = None,
    target: int = SCHEMA_VERSION,
) -> tuple[int, int]:
    """Apply the missing migrations (and grants) in one transaction: (from, to) versions.
    StoreError (one line) when the role may not change the schema or a grant fails."""
    try:
        return _upgrade(conn, writers or [], readers or [], target)
    except psycopg.errors.InsufficientPrivilege as exc:
        raise StoreError(
            f"cannot upgrade the schema: {_first_line(exc)}; run `workbench db upgrade` as the "
            "database owner (or a role allowed to create in it)"
        ) from None
    except psycopg.errors.UndefinedObject as exc:
        raise StoreError(f"cannot grant: {_first_line(exc)}; create the role first") from None
    except psycopg.Error as exc:
        raise StoreError(f"cannot upgrade the schema: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[0][:200] if lines else type(exc).__name__


def _upgrade(
    conn: psycopg.Connection[Any], writers: list[str], readers: list[str], target: int
) -> tuple[int, int]:
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        before = current_version(conn)
        if before > SCHEMA_VERSION:
            raise StoreError(
                f"the database's workbench schema is version {before}, newer than this "
                f"workbench knows ({SCHEMA_VERSION}); upgrade workbench"
            )
        for version in range(before + 1, target + 1):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)  # fixed DDL text, no user input
            conn.execute(
                "INSERT INTO workbench.meta (key, value) VALUES ('schema_version', %s) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                (str(version),),
            )
        for role in writers:
            _grant(conn, role, write=True)
        for role in readers:
            _grant(conn, role, write=False)
    return before, max(before, target)


def _grant(conn: psycopg.Connection[Any], role: str, write: bool) -> None:
    who = sql.Identifier(role)
    conn.execute(sql.SQL("GRANT USAGE ON SCHEMA workbench TO {}").format(who))
    conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA workbench TO {}").format(who))
    if write:
        tables = sql.SQL(", ").join(sql.Identifier(SCHEMA, t) for t in WRITE_TABLES)
        conn.execute(
            sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON {} TO {}").format(tables, who)
        )
        conn.execute(
            sql.SQL("GRANT INSERT, UPDATE (article_id) ON workbench.history TO {}").format(who)
        )
        conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA workbench TO {}").format(who))
        conn.execute(
            sql.SQL("GRANT EXECUTE ON ALL PROCEDURES IN SCHEMA workbench TO {}").format(who)
        )
