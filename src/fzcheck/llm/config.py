"""LLM settings, resolved at call time: command-line flag > environment > config file > default.

Only the standard library, fzcheck.config and the message catalogue are imported here, so
building settings costs nothing on the offline path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal
from urllib.parse import urlsplit

from fzcheck.config import section
from fzcheck.errors import ConfigError
from fzcheck.render.i18n import t

Mode = Literal["tools", "json", "json_schema"]
MODES: tuple[Mode, ...] = ("tools", "json", "json_schema")

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Hosts that accept any key: a local server needs none, so a missing key is not an error there.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


@dataclass(frozen=True)
class LLMSettings:
    """Everything one LLM call needs. ``api_key`` never leaves this object except to the SDK."""

    model: str = DEFAULT_MODEL
    base_url: str = DEFAULT_BASE_URL
    api_key: str | None = field(default=None, repr=False)
    mode: Mode = "tools"
    temperature: float = 0.0
    seed: int = 20190225  # fixed so reruns against the same server give the same answer
    max_tokens: int = 3000  # five findings a part in Chinese JSON needs ~2,000
    timeout: float = 120.0  # seconds per HTTP request
    max_retries: int = 2  # SDK retries of 429/5xx/timeouts (honours Retry-After)
    reasks: int = 1  # instructor re-asks after a validation error (invented quote, bad JSON)
    deadline: float = 600.0  # wall-clock seconds for one report, re-asks and outer retries included
    outer_attempts: int = 3  # tenacity attempts around the SDK's own retries
    split_tokens: int = 2500  # reports estimated above this many tokens are asked in parts
    extra_body: dict[str, Any] = field(default_factory=dict)
    # where base_url was set ("flag", "env", "file" or "default"): an endpoint error's fix
    # names that place, not --base-url to someone who set it in the config file
    base_url_from: str = field(default="flag", compare=False)

    @property
    def endpoint_host(self) -> str:
        return urlsplit(self.base_url).hostname or self.base_url

    @property
    def is_local(self) -> bool:
        return self.endpoint_host in LOCAL_HOSTS


_ENV = {"model": "FZCHECK_MODEL", "base_url": "OPENAI_BASE_URL", "mode": "FZCHECK_LLM_MODE"}
# each number's type and the bounds it must keep (timeout = nan or -1 had every request fail,
# said as a server not started; 1e308 waited out the deadline)
_NUMBERS: dict[str, tuple[type, float, float]] = {
    "temperature": (float, 0, 2),
    "seed": (int, 0, 2**63 - 1),
    "max_tokens": (int, 1, 1_000_000),
    "timeout": (float, 1, 3600),
    "max_retries": (int, 0, 20),
    "reasks": (int, 0, 10),
    "deadline": (float, 1, 86_400),
    "outer_attempts": (int, 1, 20),
    "split_tokens": (int, 100, 10_000_000),
}


def resolve_settings(**flags: Any) -> LLMSettings:
    """Settings from flags (``None`` = not given), then env, then ``[llm]`` in the config file."""
    file = section("llm")
    known = {f.name for f in fields(LLMSettings)} - {"base_url_from"} | {"api_key_env"}
    unknown = sorted(set(file) - known)
    if unknown:
        raise ConfigError(t("config.unknown_keys", name="llm", keys=", ".join(unknown)))
    if "api_key" in file:
        raise ConfigError(t("config.api_key"))
    values: dict[str, Any] = {}
    for name in known - {"api_key", "api_key_env"}:
        flag = flags.get(name)
        env = os.environ.get(_ENV[name]) if name in _ENV else None
        value = flag if flag is not None else env if env else file.get(name)
        if value is not None:
            values[name] = _coerce(name, value)
            if name == "base_url":
                values["base_url_from"] = "flag" if flag is not None else "env" if env else "file"
    values.setdefault("base_url_from", "default")
    key_env = str(file.get("api_key_env", "OPENAI_API_KEY"))
    values["api_key"] = flags.get("api_key") or os.environ.get(key_env) or None
    settings = replace(LLMSettings(), **values)
    if settings.mode not in MODES:
        raise ConfigError(t("config.mode", mode=settings.mode, modes=", ".join(MODES)))
    if not _usable_url(str(settings.base_url)):
        raise ConfigError(t("config.base_url", url=settings.base_url))
    if not _encodable(settings.model, "utf-8") or not settings.model.strip():
        from fzcheck.redact import visible

        raise ConfigError(t("config.model", model=visible(repr(settings.model))))
    key = settings.api_key
    if key is not None and (not _encodable(key, "ascii") or key != "".join(key.split())):
        # (sent in an HTTP header: every report had failed on it, the settings said fine)
        raise ConfigError(t("config.api_key_chars"))
    return settings


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _usable_url(url: str) -> bool:
    """An http(s) URL with a host and, if any, a port that is a number (http://[::1 raised
    from the HTTP library, a traceback, on the first report)."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port that is no number raises here
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _coerce(name: str, value: Any) -> Any:
    if name in _NUMBERS:
        kind, low, high = _NUMBERS[name]
        try:
            number = kind(value)
        except (TypeError, ValueError, OverflowError):
            raise ConfigError(t("config.number", name=name, value=value)) from None
        if not low <= number <= high:  # (NaN is within no bounds)
            raise ConfigError(
                t("config.number_range", name=name, value=value, low=int(low), high=int(high))
            )
        return number
    if name == "extra_body":
        if not isinstance(value, dict):
            raise ConfigError(t("config.extra_body"))
        return value
    return str(value)
