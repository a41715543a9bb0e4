"""workbench.core loads neither Textual nor Rich, and spaCy only when extraction runs."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "workbench.core",
    "workbench.core.models",
    "workbench.core.text",
    "workbench.core.articles",
    "workbench.core.config",
    "workbench.core.nlp.extract",
    "workbench.core.nlp.quantities",
    "workbench.core.nlp.values",
    "workbench.core.nlp.prose",
    "workbench.core.errors",
]


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_imports_no_ui_and_no_spacy(module):
    loaded = _loaded_after(f"import {module}")
    assert not {m for m in loaded if m.split(".")[0] in ("textual", "rich")}
    assert "spacy" not in loaded


def test_all_core_modules_import_no_ui():
    """No core module imports Textual; none imports Rich beyond what httpx itself loads.

    httpx imports its optional command-line module (built on Rich) whenever Rich is
    installed, so Rich in sys.modules is checked against a bare ``import httpx``.
    """
    import pkgutil

    import workbench.core as core

    names = [
        f"workbench.core.{m.name}"
        for m in pkgutil.walk_packages(core.__path__)
        if not m.name.endswith("train")
    ]
    loaded = _loaded_after("\n".join(f"import {n}" for n in names))
    assert not {m for m in loaded if m.split(".")[0] == "textual"}
    rich_loaded = {m for m in loaded if m.split(".")[0] == "rich"}
    if rich_loaded:
        assert "httpx" in loaded
        assert rich_loaded <= _loaded_after("import httpx")


def test_import_linter_contracts_hold():
    """The layers (pyproject's [tool.importlinter]): core imports no UI toolkit and
    neither the TUI nor the commands; the TUI and the commands do not import each other."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    lint = Path(sys.executable).with_name("lint-imports")
    command = [str(lint)] if lint.exists() else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(
        command, cwd=root, capture_output=True, text=True, env=_env(root)
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "broken" in result.stdout and "0 broken" in result.stdout


def _env(root):
    import os

    return {**os.environ, "PYTHONPATH": str(root)}


_RUN = """
import sys
from workbench.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
"""


@pytest.fixture(scope="module")
def small_workspace(tmp_path_factory):
    from store_fixtures import TEXT, claims_for

    from workbench.core.articles import make_article
    from workbench.core.store import Workspace

    path = tmp_path_factory.mktemp("lazy") / "ws"
    article = make_article(TEXT, "a.txt")
    with Workspace.open(path, reviewer="ana") as ws:
        ws.add_article(article, claims_for(article))
        cid = ws.claims(article.id)[0].id
    return path, cid


@pytest.mark.parametrize("argv", [["--version"], ["claims"], ["status"], ["mark", "CID", "false"]])
def test_commands_that_parse_no_text_load_no_spacy_textual_or_trafilatura(argv, small_workspace):
    """Issue 13: `--version`, `mark`, `claims`, `status` start without the heavy imports."""
    path, cid = small_workspace
    args = [a.replace("CID", cid) for a in argv]
    if argv != ["--version"]:
        args += ["-w", str(path)]
    result = subprocess.run(
        [sys.executable, "-c", _RUN, *args], capture_output=True, text=True, check=True
    )
    modules = set(result.stderr.rsplit("MODULES ", 1)[1].split())
    assert "Traceback" not in result.stderr
    heavy = {m.split(".")[0] for m in modules} & {"spacy", "textual", "trafilatura", "thinc"}
    assert not heavy, f"{argv} loaded {sorted(heavy)}"


def test_commands_that_parse_no_text_import_only_what_they_use(tmp_path):
    """``mark``, ``claims`` and ``status`` start within a few times ``import tinydb``
    (bench/startup_bench.py): no spaCy, Textual, trafilatura, httpx or psycopg, and
    not the modules that cost more to import than these commands do (orjson, imported
    once a process has parsed a megabyte; shutil, which argparse would load for its
    help width; hashlib, for ids of new articles and claims)."""
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from store_fixtures import article, open_ws

    a, claims = article()
    with open_ws(tmp_path / "ws") as ws:
        ws.add_article(a, claims)
    code = (
        "import io, sys\nfrom workbench import cli\nsys.stdout = io.StringIO()\n"
        f"for argv in ({['mark', claims[0].id[:8], 'verified']!r}, ['claims'], ['status']):\n"
        f"    assert cli.main([*argv, '-w', {str(tmp_path / 'ws')!r}]) == 0, argv\n"
        "sys.stdout = sys.__stdout__"
    )
    loaded = {m.split(".")[0] for m in _loaded_after(code)}
    heavy = {"spacy", "textual", "rich", "trafilatura", "httpx", "psycopg", "orjson", "shutil",
             "hashlib", "rapidfuzz", "filelock", "uuid"}
    assert not loaded & heavy
