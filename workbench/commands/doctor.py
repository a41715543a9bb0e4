"""``workbench doctor [--restore]``: check every workspace file; restore damaged ones."""

from __future__ import annotations

import argparse

from ..core.config import Config
from ..core.text import one_line
from .common import out


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("doctor", parents=[common], help="check the workspace files; restore")
    p.add_argument("--restore", action="store_true", help="restore damaged files (last good copy)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, config: Config) -> int:
    from ..core.store.doctor import check, repair

    root = config.workspace_path
    findings = check(root)
    if not findings:
        out(f"{one_line(str(root))}: all files are sound")
        return 0
    for f in findings:
        fix = f" (fix: {one_line(f.fix, 200)})" if f.fix else " (no good copy to restore)"
        out(f"{one_line(str(f.path))}: {one_line(f.problem, 200)}{fix}")
    if not args.restore:
        out("run `workbench doctor --restore` to apply the fixes")
        return DAMAGED
    for line in repair(root):
        out(one_line(line))
    return DAMAGED if check(root) else 0


DAMAGED = 4
"""Exit code when damage is found (or remains): a workspace problem, as the README says."""
