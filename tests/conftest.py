"""Shared test set-up: every test runs with no user config and no WORKBENCH_* variables
(but WORKBENCH_STRONG=0: the parse model's scores, with or without the sentence encoder)."""

from __future__ import annotations

import gc
import itertools
import os

import pytest


def pytest_configure(config):
    # A Pilot test leaves its app (widgets, strips, caches: reference cycles) to the
    # collector. At the default thresholds (700, 10, 10) those cycles outlive the young
    # generations and are freed by full collections over the whole heap, ~20 in
    # tests/tui/test_tui_review.py alone; with a larger first generation they die young
    # (3 full collections). That file's CPU went from 13.5 s to 9.1 s (peak RSS 150 -> 178
    # MB). Only when memory is reclaimed changes, nothing a test checks.
    gc.set_threshold(5000, 20, 100)


@pytest.fixture(scope="session")
def _config_root(tmp_path_factory):
    return tmp_path_factory.mktemp("config")


_config_dirs = itertools.count()


@pytest.fixture(autouse=True)
def _isolated_environment(_config_root, monkeypatch):
    for key in list(os.environ):
        if key.startswith("WORKBENCH_"):
            monkeypatch.delenv(key)
    # a fresh empty folder per test, made directly: tmp_path_factory.mktemp scans the whole
    # base folder for the next number (every test's folder), 1,650 times per suite run
    config_dir = _config_root / str(next(_config_dirs))
    config_dir.mkdir()
    monkeypatch.setenv("WORKBENCH_CONFIG", str(config_dir / "config.toml"))
    monkeypatch.setenv("WORKBENCH_REVIEWER", "tester")
    # the sentence encoder's ranking changes the claims' worthiness scores: the suite
    # (golden files, claims.json) holds the parse model's, whether or not the encoder is
    # installed; its own tests (test_worthiness_strong.py, test_encoder.py) turn it back on
    monkeypatch.setenv("WORKBENCH_STRONG", "0")

