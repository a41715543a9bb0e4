"""Helpers shared by the CLI tests (tests/ is on sys.path through its conftest)."""

from __future__ import annotations

from workbench.cli import main


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """Run ``workbench ARGV`` in-process: (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
