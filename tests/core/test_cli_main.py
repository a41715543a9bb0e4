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
