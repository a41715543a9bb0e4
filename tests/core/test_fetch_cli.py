"""`workbench fetch` and `workbench check-links` as a user runs them (local server only)."""

from __future__ import annotations

import json
import socket

import httpx
import pytest
from cli_helpers import run_cli as run
from fetch_test_server import DATA, server  # noqa: F401  (fixture)

from workbench.core.net import archive
from workbench.core.net import guard as fetch_guard
from workbench.core.store import Workspace


def test_fetch_imports_and_refetch_reimports_changed_text(server, tmp_path, capsys) -> None:  # noqa: F811
    ws_path = str(tmp_path / "ws")
    page = (DATA / "news_harbor.html").read_text(encoding="utf-8")
    server.mutable = page.encode()
    url = server.url("/mutable")

    code, out, err = run(capsys, "fetch", url, "--allow-private", "-w", ws_path)
    assert code == 0, err
    assert out.startswith("added ") and "Harbor city approves" in out and "by Maria Okafor" in out
    with Workspace.open(ws_path, readonly=True) as ws:
        (summary,) = ws.articles()
        article = ws.article(url)
        claims = ws.claims(article.id)
    assert summary.source == url and article.fetched_at and summary.claims == len(claims) > 0
    assert "Most read" not in article.text
    money = next(c for c in claims if "2.4 billion" in c.anchor)
    far = next(c for c in claims if "12,000" in c.sentence)

    with Workspace.open(ws_path, reviewer="ana") as ws:
        ws.set_status(article.id, money.id, "verified")
        ws.set_status(article.id, far.id, "disputed")

    code, out, _ = run(capsys, "fetch", url, "--allow-private", "-w", ws_path)
    assert code == 0 and out.startswith("unchanged")

    server.mutable = page.replace("roughly 12,000 people", "roughly 15,000 people").encode()
    code, out, err = run(capsys, "fetch", url, "--allow-private", "-w", ws_path)
    assert code == 0, err
    assert out.startswith("re-imported") and "replaces" in out
    with Workspace.open(ws_path, readonly=True) as ws:
        (summary,) = ws.articles()
        verdicts = ws.verdicts(summary.id)
    assert summary.id != article.id
    assert verdicts[money.id].status == "verified"  # unchanged paragraph: verdict kept in place
    assert any(v.status == "disputed" for v in verdicts.values())  # moved or orphaned, never lost


def test_fetch_print_does_not_touch_the_workspace(server, tmp_path, capsys) -> None:  # noqa: F811
    ws_path = tmp_path / "ws"
    code, out, _ = run(
        capsys, "fetch", server.url("/news-wire"), "--allow-private", "--print", "-w", str(ws_path)
    )
    assert code == 0 and out.startswith("Grain exports fall 18%") and "More stories" not in out
    assert not ws_path.exists()
    code, out, _ = run(
        capsys, "fetch", server.url("/news-wire"), "--allow-private", "--print", "--whole-page"
    )
    assert code == 0 and "More stories" in out and "fell 18% in the third quarter" in out


def test_no_extract_refuses_an_imported_url(server, tmp_path, capsys) -> None:  # noqa: F811
    ws_path = str(tmp_path / "ws")
    url = server.url("/plain")
    code, out, _ = run(capsys, "fetch", url, "--allow-private", "--no-extract", "-w", ws_path)
    assert code == 0 and "(0 claims)" in out
    code, out, err = run(capsys, "fetch", url, "--allow-private", "--no-extract", "-w", ws_path)
    assert code == 2 and "already in the workspace" in err and not out


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["fetch", "{base}/news"], 5, "loopback address: refused"),
        (["fetch", "{base}/missing", "--allow-private"], 5, "HTTP 404"),
        (["fetch", "{base}/pdf", "--allow-private"], 5, "application/pdf"),
        (["fetch", "{base}/redirect/chain/9", "--allow-private"], 5, "too many redirects"),
        (["fetch", "file:///etc/passwd"], 2, "only http and https"),
        (["fetch", "news.example.org/story"], 2, "not an absolute URL"),
    ],
)
def test_fetch_errors_are_one_line(server, tmp_path, capsys, argv, code, words) -> None:  # noqa: F811
    ws_path = tmp_path / "ws"
    base = f"http://127.0.0.1:{server.port}"
    got, out, err = run(capsys, *[a.format(base=base) for a in argv], "-w", str(ws_path))
    assert got == code and not out
    assert err.startswith("workbench: error: ") and err.count("\n") == 1 and words in err
    assert not (ws_path / "articles").exists() or not list((ws_path / "articles").iterdir())


def _workspace_with_links(path: str, links: list[str]) -> tuple[str, str]:
    from workbench.core.articles import make_article
    from workbench.core.models import Claim

    article = make_article("Title\n\nThe council hired 300 workers in 2021.", "a.txt")
    claim = Claim(
        id="c0ffee000001",
        article_id=article.id,
        kind="quantity",
        anchor="300 workers",
        start=24,
        end=35,
        sentence="The council hired 300 workers in 2021.",
        sentence_start=7,
        sentence_end=45,
        label="300 workers",
    )
    with Workspace.open(path, reviewer="ana") as ws:
        ws.add_article(article, [claim])
        for url in links:
            ws.add_link(article.id, claim.id, url)
    return article.id, claim.id


def test_check_links_stores_results(server, tmp_path, capsys, monkeypatch) -> None:  # noqa: F811
    ws_path = str(tmp_path / "ws")
    good, dead = server.url("/redirect/good"), server.url("/missing")
    aid, cid = _workspace_with_links(ws_path, [good, dead])

    def wayback(request: httpx.Request) -> httpx.Response:
        asked = str(request.url.params["url"])
        if asked == good:
            closest = {
                "available": True,
                "status": "200",
                "timestamp": "20250101000000",
                "url": f"http://web.archive.org/web/20250101000000/{asked}",
            }
            return httpx.Response(200, json={"archived_snapshots": {"closest": closest}})
        return httpx.Response(200, json={"archived_snapshots": {}})

    monkeypatch.setattr(
        archive, "make_client", lambda **kw: httpx.Client(transport=httpx.MockTransport(wayback))
    )
    code, out, err = run(
        capsys, "check-links", "--all", "--allow-private", "--archive", "-w", ws_path
    )
    assert code == 0, err
    assert "checked 2 links: 1 ok, 1 dead; 1 with an archive snapshot" in out
    assert any(line.startswith("DEAD 404") for line in out.splitlines())
    with Workspace.open(ws_path, readonly=True) as ws:
        links = {link.url: link for link in ws.verdict(aid, cid).links}
    assert links[good].check.ok is True and links[good].check.final_url == server.url("/news")
    assert links[good].archive.timestamp == "2025-01-01T00:00:00Z"
    assert links[dead].check.ok is False and links[dead].check.status_code == 404
    assert links[dead].archive is None


def test_check_links_offline_changes_nothing(tmp_path, capsys, monkeypatch) -> None:
    ws_path = str(tmp_path / "ws")
    aid, cid = _workspace_with_links(
        ws_path, ["https://news.example.org/a", "https://news.example.org/b"]
    )

    def no_dns(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch_guard.socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(fetch_guard, "_canary_cache", None)
    code, out, err = run(capsys, "check-links", "-w", ws_path)
    assert code == 5 and "network is unreachable" in err
    with Workspace.open(ws_path, readonly=True) as ws:
        assert all(link.check is None for link in ws.verdict(aid, cid).links)
    # and everything that needs no network still works
    code, out, _ = run(capsys, "claims", "-w", ws_path, "-f", "json")
    assert code == 0 and json.loads(out)[0]["id"] == cid


def test_check_links_without_links(tmp_path, capsys) -> None:
    ws_path = str(tmp_path / "ws")
    _workspace_with_links(ws_path, [])
    code, out, _ = run(capsys, "check-links", "-w", ws_path)
    assert code == 0 and "no evidence links" in out


def test_check_links_bad_arguments(tmp_path, capsys) -> None:
    ws_path = str(tmp_path / "ws")
    _workspace_with_links(ws_path, [])
    code, _, err = run(capsys, "check-links", "--concurrency", "0", "-w", ws_path)
    assert code == 2 and "--concurrency" in err
    code, _, err = run(capsys, "check-links", "nosuchid", "-w", ws_path)
    assert code != 0 and err.count("\n") == 1


def _offline(monkeypatch) -> None:
    """No DNS for names (IP literals such as the test server's still connect)."""
    real = socket.getaddrinfo

    def no_dns(host, *args, **kwargs):
        if fetch_guard.parse_ip(str(host)) is not None:
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(fetch_guard.socket, "getaddrinfo", no_dns)
    monkeypatch.setattr(fetch_guard, "_canary_cache", None)


def test_check_links_offline_still_checks_local_links(
    server,  # noqa: F811
    tmp_path,
    capsys,
    monkeypatch,
) -> None:
    ws_path = str(tmp_path / "ws")
    local, remote = server.url("/news"), "https://news.example.org/a"
    aid, cid = _workspace_with_links(ws_path, [local, remote])
    _offline(monkeypatch)
    code, out, err = run(capsys, "check-links", "--allow-private", "-w", ws_path)
    assert code == 1, err
    assert "1 ok, 0 dead, 1 not checked (network unreachable)" in out
    assert any("news.example.org/a  not checked" in line for line in out.splitlines())
    with Workspace.open(ws_path, readonly=True) as ws:
        links = {link.url: link for link in ws.verdict(aid, cid).links}
    assert links[local].check.ok is True and links[local].check.status_code == 200
    assert links[remote].check is None  # not checked is not dead


def test_check_links_refused_private_link_keeps_its_last_check(server, tmp_path, capsys) -> None:  # noqa: F811
    ws_path = str(tmp_path / "ws")
    local = server.url("/missing")
    aid, cid = _workspace_with_links(ws_path, [local])
    code, _, err = run(capsys, "check-links", "--allow-private", "-w", ws_path)
    assert code == 0, err
    code, out, err = run(capsys, "check-links", "-w", ws_path)
    assert code == 0, err
    assert out.splitlines()[0].startswith("SKIP") and "loopback" in out
    assert "0 dead, 1 refused (private address; --allow-private" in out
    with Workspace.open(ws_path, readonly=True) as ws:
        (link,) = ws.verdict(aid, cid).links
    assert link.check.status_code == 404  # the refusal did not overwrite the real check


def test_check_links_archive_offline_keeps_the_checks(
    server,  # noqa: F811
    tmp_path,
    capsys,
    monkeypatch,
) -> None:
    ws_path = str(tmp_path / "ws")
    local = server.url("/news")
    aid, cid = _workspace_with_links(ws_path, [local])
    _offline(monkeypatch)
    code, out, err = run(capsys, "check-links", "--allow-private", "--archive", "-w", ws_path)
    assert code == 5
    assert err.count("\n") == 1 and "archive lookups skipped: the network is unreachable" in err
    assert "1 ok, 0 dead" in out
    with Workspace.open(ws_path, readonly=True) as ws:
        (link,) = ws.verdict(aid, cid).links
    assert link.check.ok is True and link.archive is None
