"""The web stays out of commands that do not fetch: httpx and trafilatura load only when needed."""

from __future__ import annotations

import json

import pytest
from store_fixtures import article, open_ws
from test_core_imports import _loaded_after as loaded_by

WEB = ("httpx", "httpcore", "trafilatura", "htmldate", "courlan", "justext")
HEAVY = (*WEB, "spacy", "textual", "rich")


def tops(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in names}


@pytest.mark.parametrize(
    "module",
    [
        "workbench.core.models",
        "workbench.core.errors",
        "workbench.core.net.links",
        "workbench.core.store",
    ],
)
def test_modules_without_the_web_import_no_http_client(module: str) -> None:
    assert not tops(loaded_by(f"import {module}"), WEB)


@pytest.mark.parametrize(
    "module",
    [
        "workbench.core.net.fetch",
        "workbench.core.net.client",
        "workbench.core.net.link_checks",
        "workbench.core.net.archive",
        "workbench.core.net.pages",
    ],
)
def test_trafilatura_only_when_a_page_is_taken_apart(module: str) -> None:
    loaded = loaded_by(f"import {module}")
    assert not tops(loaded, ("trafilatura", "htmldate", "courlan", "justext", "spacy"))


def test_commands_that_do_not_fetch_load_no_web_and_no_ui(tmp_path) -> None:
    path = tmp_path / "ws"
    with open_ws(path) as ws:
        a, claims = article()
        ws.add_article(a, claims)
        cid = claims[0].id
    runs = [
        ["--version"],
        ["status", "--workspace", str(path)],
        ["claims", "--workspace", str(path)],
        ["mark", cid, "verified", "--note", "seen", "--workspace", str(path)],
    ]
    code = (
        "import json, sys\n"
        "from workbench.cli import main\n"
        f"for argv in json.loads({json.dumps(json.dumps(runs))}):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "    print()\n"
    )
    assert not tops(loaded_by(code), HEAVY)
    with open_ws(path, readonly=True) as ws:
        assert ws.verdict(a.id, cid).status == "verified"  # the commands did run
