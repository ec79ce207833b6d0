"""One error tree. The CLI is the only place that turns these into messages and exit codes."""

from __future__ import annotations


class FzcheckError(Exception):
    """Root of every error fzcheck raises on purpose; ``str(err)`` is a one-line message."""

    kind = "error"
    exit_code = 2


class UsageError(FzcheckError):
    """The command line itself is wrong (unknown rubric, bad option value)."""

    kind = "usage"


class InputError(FzcheckError):
    """An input cannot be read as a report. ``kind`` says why, the message says what to do."""

    kind = "unreadable"
    sha256: str | None = None  # set when the bytes could be read

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        if kind:
            self.kind = kind


class RubricError(FzcheckError):
    """A rubric file is missing or invalid; the message names the file, key and line."""

    kind = "rubric"


class ConfigError(FzcheckError):
    """A config file or environment setting is invalid."""

    kind = "config"
