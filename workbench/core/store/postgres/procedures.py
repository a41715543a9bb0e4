"""Server-side procedures installed by the schema's migrations (schema version 3).

``workbench.set_status`` / ``set_note`` / ``set_label``: a whole mark in one
round trip. One statement locks the verdict row, applies the conflict rule (the
same as ``edits``: the field's version moved on since the session saw it and the
stored value is neither yours nor the one seen), updates the field, appends the
history row and the undo step. With ``p_commit`` the procedure then COMMITs
(``synchronous_commit`` as the server has it: on, so durable) and only after
that sends the live signal, in a transaction of its own that writes no WAL and
so waits for no disk flush.

Why not NOTIFY in the mark's own transaction: PostgreSQL serialises the commits
of all transactions that NOTIFY on one cluster-wide lock held through the
commit's WAL flush, so eight writers took turns at the disk (no group commit);
measured in bench/RESULTS.md (team). Inside ``group()`` (an open transaction)
the procedure is called with ``p_commit`` false: no COMMIT, no signal; the
session sends the signal after the group committed.

A migration's text is frozen once released: a change to these procedures needs a
new migration that re-creates them (databases keep what they were upgraded with).
"""

from __future__ import annotations

TEXT_FIELDS = ("status", "note", "label")

_SET_FIELD = """
CREATE PROCEDURE workbench.set_{f}(
    p_aid text, p_cid text, p_seen_v integer, p_seen_val text, p_yours text,
    p_reviewer text, p_at text, p_step boolean, p_me text,
    p_channel text, p_session text, p_commit boolean,
    INOUT o_cur json DEFAULT NULL, INOUT o_ok boolean DEFAULT NULL,
    INOUT o_new json DEFAULT NULL, INOUT o_seq bigint DEFAULT NULL)
LANGUAGE plpgsql AS $body$
BEGIN
    WITH cur AS (
        SELECT * FROM workbench.verdicts
        WHERE article_id = p_aid AND claim_id = p_cid FOR UPDATE
    ), ok AS (
        SELECT * FROM cur
        WHERE p_seen_v IS NULL OR {f}_v = p_seen_v OR {f} = p_yours OR {f} = p_seen_val
    ), v AS (
        UPDATE workbench.verdicts AS t
        SET {f} = p_yours, {f}_v = t.{f}_v + 1, version = t.version + 1,
            reviewer = p_reviewer, updated_at = p_at
        FROM ok
        WHERE t.article_id = ok.article_id AND t.claim_id = ok.claim_id
          AND ok.{f} IS DISTINCT FROM p_yours
        RETURNING t.*, ok.{f} AS old_value
    ), h AS (
        INSERT INTO workbench.history
            (article_id, claim_id, field, old, new, reviewer, at, action)
        SELECT article_id, claim_id, '{f}', to_jsonb(old_value), to_jsonb({f}), reviewer,
               updated_at, 'edit'
        FROM v RETURNING seq
    ), d AS (
        UPDATE workbench.undo_steps SET state = 'dropped'
        WHERE p_step AND reviewer = p_me AND state = 'undone' AND EXISTS (SELECT 1 FROM v)
    ), u AS (
        INSERT INTO workbench.undo_steps (reviewer, rows)
        SELECT p_me, array_agg(seq) FROM h HAVING p_step AND count(*) > 0
    )
    SELECT (SELECT row_to_json(cur) FROM cur), EXISTS (SELECT 1 FROM ok),
           (SELECT row_to_json(v) FROM v), (SELECT seq FROM h)
    INTO o_cur, o_ok, o_new, o_seq;
    IF p_commit THEN
        COMMIT;
        IF o_new IS NOT NULL THEN
            PERFORM pg_notify(
                p_channel, json_build_object('s', p_session, 'a', p_aid, 'q', o_seq)::text);
        END IF;
    END IF;
END
$body$
"""

SET_FIELD_PROCEDURES = [_SET_FIELD.format(f=f) for f in TEXT_FIELDS]
"""Migration 3: one procedure per text field (static SQL, so each plan is cached)."""
