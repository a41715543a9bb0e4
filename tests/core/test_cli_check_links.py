"""One rule for refused link checks, whoever checks (issue 16, item 15): a check the
safety rules refused never replaces an earlier result. A real server on 127.0.0.1."""

from __future__ import annotations

from cli_helpers import run_cli as run
from fetch_test_server import server  # noqa: F401 - the fixture
from store_fixtures import TEXT, claims_for

from workbench.core.articles import make_article
from workbench.core.services.link_checks import check_and_save, link_targets
from workbench.core.store import Workspace


def _workspace(tmp_path, url):
    path = tmp_path / "ws"
    article = make_article(TEXT, "minsk.txt")
    with Workspace.open(path, reviewer="ana") as ws:
        ws.add_article(article, claims_for(article))
        cid = ws.claims(article.id)[0].id
        ws.add_link(article.id, cid, url)
    return path, article.id, cid


def _check(path, aid, cid):
    with Workspace.open(path, readonly=True) as ws:
        (link,) = ws.verdict(aid, cid).links
        return link.check


def test_a_refused_check_keeps_the_earlier_good_result(tmp_path, server):  # noqa: F811
    url = server.url("/news")
    path, aid, cid = _workspace(tmp_path, url)
    with Workspace.open(path, reviewer="ana") as ws:
        run_ = check_and_save(ws, link_targets(ws), allow_private=True)
    assert run_.state(url) == "ok"
    good = _check(path, aid, cid)
    assert good is not None and good.ok
    with Workspace.open(path, reviewer="ana") as ws:  # what the TUI's `c` did: no allowance
        run_ = check_and_save(ws, link_targets(ws), allow_private=False)
    assert run_.state(url) == "refused"
    assert _check(path, aid, cid) == good


def test_check_links_command_reports_refused_links_and_keeps_results(tmp_path, capsys, server):  # noqa: F811
    url = server.url("/missing")
    path, aid, cid = _workspace(tmp_path, url)
    code, out, err = run(capsys, "check-links", "--allow-private", "-w", str(path))
    assert code == 0 and "DEAD 404" in out, err
    code, out, err = run(capsys, "check-links", "-w", str(path))
    assert code == 0 and out.startswith("SKIP") and "refused" in out
    check = _check(path, aid, cid)
    assert check is not None and check.status_code == 404 and not check.refused
