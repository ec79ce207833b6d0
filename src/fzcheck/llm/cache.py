"""On-disk cache of validated LLM responses, keyed by a hash of the canonical request.

One JSON file per entry under ``<dir>/v1/<2 hex>/<key>.json``, written atomically (temp file +
``os.replace``) so concurrent batch workers and a kill mid-write never leave a torn entry.
Only the LLM layer's validated successes are put here; a failed call is never cached, so a
rerun retries it.

Location, read at call time: ``--cache-dir`` flag > ``$FZCHECK_CACHE_DIR`` > ``[cache] dir`` in
the config file > the platform's cache directory (``$XDG_CACHE_HOME/fzcheck``, default
``~/.cache/fzcheck``; ``~/Library/Caches/fzcheck`` on macOS; ``%LOCALAPPDATA%\\fzcheck\\Cache``
on Windows).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fzcheck.config import section
from fzcheck.errors import ConfigError
from fzcheck.reading.limits import regular_within
from fzcheck.render.i18n import t

_MAX_ENTRY = 32 * 1024 * 1024  # bytes: an answer is a few kilobytes

CACHE_FORMAT = "v1"
ENV_DIR = "FZCHECK_CACHE_DIR"
# Request keys that change how a call is made, not what is asked: they must not split the cache.
_TRANSPORT_KEYS = frozenset(
    {"api_key", "timeout", "max_retries", "stream", "stream_options", "user", "metadata", "store"}
)


def default_cache_dir() -> Path:
    """The platform's per-user cache directory for fzcheck."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "fzcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "fzcheck"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "fzcheck"


def resolve_cache_dir(flag: str | None = None) -> Path:
    """flag > env > config file ``[cache] dir`` > platform default."""
    if flag:
        return Path(flag).expanduser()
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    conf = section("cache")
    unknown = sorted(set(conf) - {"dir"})
    if unknown:
        raise ConfigError(t("config.unknown_keys", name="cache", keys=", ".join(unknown)))
    if "dir" in conf:
        if not isinstance(conf["dir"], str):
            raise ConfigError(t("config.cache_dir"))
        return Path(conf["dir"]).expanduser()
    return default_cache_dir()


def canonical_request(request: dict[str, Any]) -> str:
    """The request as canonical JSON: sorted keys, no whitespace, transport-only keys dropped."""
    kept = {k: v for k, v in request.items() if k not in _TRANSPORT_KEYS}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    entries: int
    bytes: int


class ResponseCache:
    """Implements the LLM layer's ``ResponseCache`` protocol (key / get / put)."""

    def __init__(self, directory: Path | None = None, namespace: str = "") -> None:
        """``namespace`` is mixed into every key: callers whose requests do not name the
        endpoint pass it here, so different servers never share entries."""
        self.directory = directory if directory is not None else resolve_cache_dir()
        self.namespace = namespace
        self.root = self.directory / CACHE_FORMAT
        self.hits = 0
        self.misses = 0
        self.puts = 0
        self.unwritable = 0  # puts that failed (said once)

    def key(self, request: dict[str, Any]) -> str:
        """sha256 of the canonical request (endpoint, model, messages, schema or tools, mode,
        sampling settings — whatever the caller put in it)."""
        blob = f"{self.namespace}\0{canonical_request(request)}"
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        if len(key) < 8 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError(f"not a cache key: {key!r}")
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry under ``key``: a dict with its ``body`` and ``usage``, or None. A damaged
        entry is absent (the next success overwrites it): not JSON, not such a dict, nested
        past reading, over its size, or no regular file (a FIFO would be waited on for ever,
        a folder is no entry)."""
        path = self._path(key)
        try:
            if not regular_within(path, _MAX_ENTRY):
                raise ValueError(path)
            with path.open(encoding="utf-8") as f:
                value = json.load(f)
        except (OSError, ValueError, RecursionError):  # JSON and decoding errors are ValueErrors
            value = None
        if not (
            isinstance(value, dict)
            and isinstance(value.get("body"), dict)
            and isinstance(value.get("usage"), dict)
        ):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: dict[str, Any]) -> None:
        """Store ``value`` under ``key``. A cache that cannot be written (read-only, full, a
        file where its folder should be) is said once on stderr and the run goes on: the
        answer is the report's, the cache only saves asking again."""
        path = self._path(key)
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError as err:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            if not self.unwritable:
                why = err.strerror or type(err).__name__
                print(t("cache.unwritable", path=err.filename or path, why=why), file=sys.stderr)
            self.unwritable += 1
            return
        except BaseException:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            raise
        self.puts += 1

    def info(self) -> CacheInfo:
        entries = size = 0
        if self.root.is_dir():
            for entry in self.root.glob("*/*.json"):
                if entry.name.startswith(".tmp-"):  # a put killed midway, not an entry
                    continue
                entries += 1
                size += entry.stat().st_size
        return CacheInfo(path=self.directory, entries=entries, bytes=size)

    def clear(self) -> int:
        """Remove every entry; returns how many there were. Only our own format dir is removed,
        never the directory the user pointed us at."""
        count = self.info().entries
        if self.root.is_dir():
            shutil.rmtree(self.root)
        return count
