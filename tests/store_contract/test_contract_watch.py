"""Every engine: a read-only instance learns of the writer's changes and can take over."""

from __future__ import annotations

import threading

import pytest
from contract_data import article

WAIT = 30.0  # an upper bound for a broken watcher, never a timing assumption


@pytest.mark.needs("watch")
def test_reader_is_told_of_the_writers_changes(store_factory):
    a, claims = article()
    writer = store_factory()
    writer.add_article(a, claims)
    reader = store_factory.reopen(reviewer="bo", readonly=True)
    assert reader.verdict(a.id, claims[0].id).status == "unreviewed"
    changed = threading.Event()
    stop = reader.watch(changed.set)
    try:
        writer.set_status(a.id, claims[0].id, "false")
        assert changed.wait(WAIT), "the watcher never reported the writer's change"
        assert reader.verdict(a.id, claims[0].id).status == "false"
        assert reader.articles()[0].counts["false"] == 1
        assert reader.history(a.id)[-1].new == "false"
        changed.clear()
        writer.set_note(a.id, claims[1].id, "later")
        assert changed.wait(WAIT)
        assert reader.verdict(a.id, claims[1].id).note == "later"
    finally:
        stop()
        writer.close()
        reader.close()


@pytest.mark.needs("is_locked_by_other", "try_become_writer")
def test_reader_becomes_the_writer_when_the_lock_is_free(store_factory):
    """A single-writer engine says the lock is held while the writer is open; every
    engine lets a read-only instance become a writer once no one holds it."""
    a, claims = article()
    writer = store_factory()
    writer.add_article(a, claims)
    reader = store_factory.reopen(reviewer="bo", readonly=True)
    try:
        if reader.is_locked_by_other():  # a single-writer engine (the folder)
            assert not reader.try_become_writer() and reader.readonly
        writer.set_status(a.id, claims[0].id, "verified")
        writer.close()
        assert not reader.is_locked_by_other()
        assert reader.try_become_writer() and not reader.readonly
        assert reader.verdict(a.id, claims[0].id).status == "verified"  # nothing stale
        reader.set_status(a.id, claims[1].id, "false")
        assert reader.undo()[0].claim_id == claims[1].id
    finally:
        writer.close()
        reader.close()
    with store_factory.reopen() as store:
        assert store.verdict(a.id, claims[0].id).status == "verified"
        assert store.verdict(a.id, claims[1].id).status == "unreviewed"
        assert [r.reviewer for r in store.history(a.id)][-1] == "bo"
