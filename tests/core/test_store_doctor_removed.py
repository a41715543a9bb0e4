"""``doctor --restore`` rebuilds a damaged index from the article files: an article
taken out with ``remove_article`` keeps its file (for undo), and the rebuild keeps it
out of the list (its history's last article row says so); undo still lists it again."""

from __future__ import annotations

import shutil

import pytest
from store_fixtures import TEXT, article, open_ws

from workbench.core.store import doctor

OTHER = "Vilnius. The council met 14 times and spent 300 euros on 12 lamps.\n"


def _two_and_remove_one(path, checkpoint: bool):
    a, claims = article()
    b, b_claims = article(OTHER + TEXT, "vilnius.txt")
    with open_ws(path) as ws:
        ws.add_article(a, claims)
        ws.add_article(b, b_claims)
        ws.set_status(a.id, claims[0].id, "false")
        ws.checkpoint()
        ws.remove_article(a.id)
        if checkpoint:
            ws.checkpoint()
        assert [s.id for s in ws.articles()] == [b.id]
    return a, b, claims[0].id


def _damage_index(path):
    (path / "index.json").write_bytes(b"{ not json")
    (path / "index.jsonl").unlink(missing_ok=True)


@pytest.mark.parametrize("checkpoint", [True, False])
def test_a_rebuilt_index_keeps_a_removed_article_out(tmp_path, checkpoint):
    path = tmp_path / "ws"
    a, b, cid = _two_and_remove_one(path, checkpoint)
    _damage_index(path)
    assert any(f.path.name == "index.json" for f in doctor.check(path))
    done = doctor.repair(path)
    assert any("rebuilt" in line for line in done), done
    assert doctor.check(path) == []
    with open_ws(path) as ws:
        assert [s.id for s in ws.articles()] == [b.id]
        ws.undo()
        assert sorted(s.id for s in ws.articles()) == sorted([a.id, b.id])
        assert ws.verdict(a.id, cid).status == "false"
    with open_ws(path) as ws:  # and it stays listed after a checkpoint and reopen
        assert sorted(s.id for s in ws.articles()) == sorted([a.id, b.id])


def test_a_removed_article_added_again_is_listed_after_a_rebuild(tmp_path):
    path = tmp_path / "ws"
    a, b, cid = _two_and_remove_one(path, checkpoint=True)
    with open_ws(path) as ws:
        ws.add_article(*article())
        ws.checkpoint()
        assert sorted(s.id for s in ws.articles()) == sorted([a.id, b.id])
    _damage_index(path)
    doctor.repair(path)
    with open_ws(path) as ws:
        assert sorted(s.id for s in ws.articles()) == sorted([a.id, b.id])
        assert ws.verdict(a.id, cid).status == "false"


def test_a_removal_lost_with_a_damaged_file_is_read_from_the_undo_journal(tmp_path):
    """The article's file is damaged and its last good copy predates the removal: the
    undo journal still says it was removed; doctor keeps it out and says so."""
    path = tmp_path / "ws"
    a, claims = article()
    b, b_claims = article(OTHER + TEXT, "vilnius.txt")
    with open_ws(path) as ws:
        ws.add_article(a, claims)
        ws.add_article(b, b_claims)
        ws.checkpoint()
        file = path / "articles" / f"{a.id}.json"
        good = file.read_bytes()
        ws.remove_article(a.id)
        ws.checkpoint()
    shutil.copyfile(file, tmp_path / "removed.json")
    file.with_name(file.name + ".bak").write_bytes(good)  # the copy before the removal
    file.write_bytes(b"{ damaged")
    _damage_index(path)
    done = doctor.repair(path)
    assert any("kept 1 removed article" in line for line in done), done
    with open_ws(path) as ws:
        assert [s.id for s in ws.articles()] == [b.id]
        ws.undo()
        assert sorted(s.id for s in ws.articles()) == sorted([a.id, b.id])
