"""The `workbench` entry point: default command, options before the command, typos."""

from __future__ import annotations

import pytest

from workbench.cli import _normalize_argv, build_parser, main


@pytest.fixture(scope="module")
def parser():
    return build_parser()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["seeds/x.txt"], ["open", "seeds/x.txt"]),
        ([], ["open"]),
        (["-"], ["open", "-"]),
        (["96c7099b"], ["open", "96c7099b"]),
        (["https://example.org/a"], ["open", "https://example.org/a"]),
        (["--workspace", "/tmp/ws", "status"], ["status", "--workspace", "/tmp/ws"]),
        (["-w", "ws", "mark", "ab", "verified"], ["mark", "-w", "ws", "ab", "verified"]),
        (["extract", "a.txt"], ["extract", "a.txt"]),
    ],
)
def test_normalize(parser, argv, expected):
    assert _normalize_argv(argv, parser) == expected


def test_command_map_matches_what_the_modules_register():
    """``COMMANDS`` (the map that lets a command build only its own parser) names every
    command each module registers, and nothing else."""
    import argparse
    import importlib

    from workbench.cli import COMMAND_MODULES, COMMANDS, _common_options

    registered = {}
    for name in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"workbench.commands.{name}").register(sub, _common_options())
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMANDS


@pytest.mark.parametrize(
    "argv",
    [
        ["mark", "-w", "ws", "ab", "verified", "--note", "n"],
        ["claim", "label", "ab", "new label", "-w", "ws"],
        ["export", "--all", "--format", "json"],
        ["db", "upgrade", "-w", "postgresql://x@y/z"],
    ],
)
def test_one_command_parser_parses_as_the_whole_one(parser, argv):
    from workbench.cli import build_parser

    assert vars(build_parser(argv[0]).parse_args(argv)) == vars(parser.parse_args(argv))


def test_typo_suggests_command(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["exprot", "x"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "did you mean 'export'" in err and err.count("\n") == 1


def test_bad_config_is_one_line(capsys, tmp_path, monkeypatch):
    bad = tmp_path / "config.toml"
    bad.write_text("reviewer = [unclosed")
    monkeypatch.setenv("WORKBENCH_CONFIG", str(bad))
    code = main(["extract", "seeds/none.txt"])
    err = capsys.readouterr().err
    assert code == 2 and "not valid TOML" in err and err.count("\n") == 1


def test_linux_config_path_is_what_platformdirs_says(monkeypatch, tmp_path):
    """The config path worked out without importing platformdirs is platformdirs' own."""
    import sys

    from platformdirs import user_config_path

    from workbench.core.config import _config_path

    if not sys.platform.startswith("linux"):
        pytest.skip("the shortcut is taken on Linux only")
    for xdg in (None, str(tmp_path / "xdg"), "  "):
        if xdg is None:
            monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        env = {k: v for k, v in __import__("os").environ.items() if k != "WORKBENCH_CONFIG"}
        assert _config_path(env) == user_config_path("workbench") / "config.toml"


def test_lock_excludes_a_filelock_holder(tmp_path):
    """The workspace lock (flock) and filelock's lock on the same file exclude each other,
    both ways: an older workbench and this one never write at once."""
    from filelock import FileLock, Timeout

    from workbench.core.store.oslock import LockTimeout, OsLock

    path = tmp_path / "lock"
    other = FileLock(str(path), timeout=0)
    other.acquire()
    with pytest.raises(LockTimeout):
        OsLock(path).acquire()
    other.release()
    mine = OsLock(path)
    mine.acquire()
    with pytest.raises(Timeout):
        FileLock(str(path), timeout=0).acquire()
    mine.release()
    FileLock(str(path), timeout=0).acquire()


def test_the_top_help_names_the_default_command_and_the_common_options(capsys):
    """`workbench --help` listed the commands only: not that `workbench FILE` opens the
    workbench, nor the -w/--reviewer options every command takes."""
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "workbench PATH" in shown and "workbench open PATH" in shown
    assert "article picker" in shown
    for option in ("--workspace/-w", "--reviewer", "--config"):
        assert option in shown
