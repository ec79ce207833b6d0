"""The user's config file: one small TOML file, one table per feature, read when asked.

Looked up at ``$FZCHECK_CONFIG`` if set, else ``$XDG_CONFIG_HOME/fzcheck/config.toml`` (default
``~/.config/fzcheck/config.toml``). A missing file is an empty config; a broken one is a
:class:`~fzcheck.errors.ConfigError` naming the file. Sections in use:

``[llm]``
    model, base_url, api_key_env (the *name* of the env var holding the key, never the key),
    mode (tools|json|json_schema), timeout, max_retries, reasks, deadline, max_tokens, seed,
    extra_body (a table sent as-is, e.g. ``{enable_thinking = false}`` for Qwen3).

Other features add their own table (for example batch grading's cache directory and price
table) and read it with :func:`section`; keys a feature does not know are its own to reject.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from fzcheck.errors import ConfigError

_MAX_CONFIG = 1024 * 1024  # bytes: a config is a few lines


def config_folder() -> Path:
    """fzcheck's folder among the user's settings: ``$XDG_CONFIG_HOME/fzcheck``."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base) / "fzcheck"


def config_path() -> Path:
    explicit = os.environ.get("FZCHECK_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    return config_folder() / "config.toml"


def load_config(path: Path | None = None) -> dict[str, Any]:
    """The whole config as a dict; read on every call so settings are never stale."""
    from fzcheck.reading.limits import regular_within
    from fzcheck.render.i18n import t

    path = path or config_path()
    try:
        if not regular_within(path, _MAX_CONFIG):  # a config is a few lines
            raise ConfigError(t("config.unreadable", path=path, why=t("config.not_a_file")))
        with path.open("rb") as f:
            # utf-8-sig: Notepad puts a byte-order mark first, which TOML does not allow
            return tomllib.loads(f.read().decode("utf-8-sig"))
    except FileNotFoundError:
        if os.environ.get("FZCHECK_CONFIG"):
            raise ConfigError(t("config.missing", path=path)) from None
        return {}
    except UnicodeDecodeError:  # saved by Notepad in GBK (a Chinese comment), or binary
        raise ConfigError(t("config.not_utf8", path=path)) from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(t("config.not_toml", path=path, why=err)) from None
    except RecursionError:  # [[[[… thousands deep: the parser's recursion, no config's shape
        raise ConfigError(t("config.not_toml", path=path, why=t("rubric.too_deep"))) from None
    except OSError as err:
        raise ConfigError(t("config.unreadable", path=path, why=err.strerror)) from None


def section(name: str, path: Path | None = None) -> dict[str, Any]:
    """One feature's table (``[name]``), empty if absent; a non-table value is an error."""
    value = load_config(path).get(name, {})
    if not isinstance(value, dict):
        from fzcheck.render.i18n import t

        raise ConfigError(t("config.not_table", path=path or config_path(), name=name))
    return value
