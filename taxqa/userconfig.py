"""The user's config file (API keys and defaults), found through platformdirs, outside the repo.

Path: ``--config PATH``, else ``$TAXQA_CONFIG``, else ``<user config dir>/taxqa/config.yaml``
(``~/.config/taxqa`` on Linux, ``~/Library/Application Support/taxqa`` on macOS). Values are
read as given; a value of the wrong type is a one-line error naming the file and key (never the value).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import yaml

from taxqa.errors import UserError


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("taxqa", appauthor=False)) / "config.yaml"


def config_path(path: str | os.PathLike | None = None) -> Path:
    return Path(path or os.environ.get("TAXQA_CONFIG") or default_config_path()).expanduser()


def load_config_file(path: str | os.PathLike | None = None) -> dict[str, Any]:
    """The YAML mapping of the config file; {} when the default file does not exist."""
    explicit = path is not None
    cfg_path = config_path(path)
    if not cfg_path.exists():
        if explicit:
            raise UserError(f"--config {cfg_path}: no such file")
        return {}
    if not cfg_path.is_file():
        raise UserError(f"{cfg_path}: expected a YAML file, found a folder")
    try:
        data = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise UserError(f"{cfg_path}: not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise UserError(f"{cfg_path}{where}: not valid YAML") from None
    if not isinstance(data, dict):
        raise UserError(f"{cfg_path}: expected a YAML mapping")
    if any((p / ".git").exists() for p in cfg_path.resolve().parents):
        print(f"warning: {cfg_path} is inside a git checkout; keep API keys outside the repo", file=sys.stderr)
    return data


def lookup(data: dict[str, Any], *dotted: str) -> Any:
    """The first of the dotted keys present in the mapping (None when none is)."""
    for key in dotted:
        node: Any = data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if node is not None:
            return node
    return None


def text_value(value: Any, where: str, *, secret: bool = False) -> str | None:
    """A config value that must be text; numbers and lists are refused (a secret is never echoed)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    shown = f"a {type(value).__name__}" if secret else repr(value)
    hint = " (quote it in the YAML file)" if isinstance(value, int | float) else ""
    raise UserError(f"{where}: expected a string, got {shown}{hint}")


def config_secret(env: str, *dotted: str, path: str | os.PathLike | None = None) -> str:
    """A key from the environment variable ``env``, else from the config file's dotted keys; "" if none."""
    from taxqa import redaction

    value = os.environ.get(env)
    if not value:
        data = load_config_file(path)
        found = lookup(data, *dotted)
        where = f"{config_path(path)}: " + next((k for k in dotted if lookup(data, k) is not None), dotted[0])
        value = text_value(found, where, secret=True) or ""
    redaction.register(value)
    return value
