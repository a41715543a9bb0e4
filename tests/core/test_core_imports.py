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
