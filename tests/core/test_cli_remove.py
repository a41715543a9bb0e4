"""``workbench remove``: an article out of the workspace in one line, undone by
``workbench undo``; a mistyped reference is one line on stderr and changes nothing."""

from __future__ import annotations

from cli_helpers import run_cli as run
from store_fixtures import TEXT, claims_for

from workbench.core.articles import make_article
from workbench.core.store import Workspace


def test_remove_then_undo(tmp_path, capsys):
    path = tmp_path / "ws"
    article = make_article("Minsk [bold]protests[/]\x1b[31m\n\n" + TEXT, "minsk.txt")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
        cid = store.claims(article.id)[0].id
        store.set_status(article.id, cid, "false")
    code, out, err = run(capsys, "remove", "minsk.txt", "-w", str(path))
    assert code == 0, err
    assert out.startswith(f"removed {article.id[:8]}  Minsk [bold]protests[/]  (1/")
    assert "\x1b" not in out and "workbench undo" in out
    code, out, _ = run(capsys, "status", "-w", str(path))
    assert out.startswith("no articles in ")
    code, out, err = run(capsys, "mark", cid, "verified", "-w", str(path))
    assert code != 0 and err.count("\n") == 1  # its claims went with it
    code, out, err = run(capsys, "undo", "-w", str(path))
    assert code == 0, err
    back = "article back in the workspace: 'Minsk [bold]protests[/]'"
    assert out == f"undid {article.id[:8]}  {back}\n"
    with Workspace.open(path, reviewer="ana", readonly=True) as store:
        assert store.verdict(article.id, cid).status == "false"


def test_remove_of_an_unknown_article_is_one_line(tmp_path, capsys):
    path = tmp_path / "ws"
    article = make_article(TEXT, "minsk.txt")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
    code, out, err = run(capsys, "remove", "nosuch", "-w", str(path))
    assert code != 0 and out == "" and err.count("\n") == 1 and "nosuch" in err
    code, out, err = run(capsys, "remove", article.id, "-w", str(path))
    assert code == 0, err
    code, out, err = run(capsys, "remove", article.id, "-w", str(path))
    assert code != 0 and "removed already" in err


def test_an_engine_without_removal_says_so(tmp_path):
    import pytest

    from workbench.core.errors import StoreError
    from workbench.core.services.reviewing import remove_article

    article = make_article(TEXT, "minsk.txt")
    with Workspace.open(tmp_path / "ws", reviewer="ana") as store:
        store.add_article(article, claims_for(article))

        class NoRemoval:  # e.g. the team engine today: every Store method but this one
            location = "postgresql://desk@db/factdesk"

            def __getattr__(self, name):
                if name == "remove_article":
                    raise AttributeError(name)
                return getattr(store, name)

        with pytest.raises(StoreError, match="cannot remove articles yet"):
            remove_article(NoRemoval(), article.id)
        assert [s.id for s in store.articles()] == [article.id]


def test_the_removal_rows_travel_in_a_json_export(tmp_path, capsys):
    """The article's rows of history (out, back) are in its JSON export, and a workspace
    that imports it reads them (claim id "": the article's own rows)."""
    path, other = tmp_path / "ws", tmp_path / "other"
    article = make_article(TEXT, "minsk.txt")
    with Workspace.open(path, reviewer="ana") as store:
        store.add_article(article, claims_for(article))
    assert run(capsys, "remove", article.id, "-w", str(path))[0] == 0
    assert run(capsys, "undo", "-w", str(path))[0] == 0
    code, out, err = run(capsys, "history", "-w", str(path))
    assert code == 0 and "article out of the workspace: " in out, err
    assert "article back in the workspace: " in out
    dump = tmp_path / "dump.json"
    code, _, err = run(capsys, "export", article.id, "--format", "json", "-o", str(dump),
                       "-w", str(path))
    assert code == 0, err
    code, _, err = run(capsys, "import", str(dump), "--create", "-w", str(other))
    assert code == 0, err
    with Workspace.open(other, reviewer="bo", readonly=True) as store:
        rows = [(c.claim_id, c.field, c.action) for c in store.history(article.id)]
        assert rows[-2:] == [("", "article", "edit"), ("", "article", "undo")]
