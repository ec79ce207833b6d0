"""Errors of the LLM layer. Set-up errors stop the run with one line; the rest become llm.error."""

from __future__ import annotations

from fzcheck.errors import FzcheckError


class LLMError(FzcheckError):
    """The LLM cannot be used at all (no key, endpoint unreachable, rejected credentials)."""

    kind = "llm"


class LLMCallFailed(Exception):  # noqa: N818 - a result, not a bug: recorded as llm.error
    """One report's call failed after every retry; the message goes into ``llm.error``."""
