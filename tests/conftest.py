"""Shared test set-up: every test runs with no user config and no WORKBENCH_* variables."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    for key in list(os.environ):
        if key.startswith("WORKBENCH_"):
            monkeypatch.delenv(key)
    config_dir = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config_dir / "config.toml"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "tester")

