"""The openai SDK client, and what its exceptions mean for a run.

The SDK retries 429, 5xx and timeouts itself (``max_retries``, honouring Retry-After); what is
left after that is classified here: set-up errors (no key, bad key, nothing listening) stop the
run with one line, anything else is one report's failure and ends up in ``llm.error``.
"""

from __future__ import annotations

from typing import Any

from fzcheck.llm.config import LLMSettings
from fzcheck.llm.errors import LLMCallFailed, LLMError
from fzcheck.render.i18n import t

# Local servers accept any key; the SDK insists on one, so send a placeholder there.
PLACEHOLDER_KEY = "no-key-needed"


EXTRA = ("openai", "instructor", "jinja2", "tenacity")


def require_extra() -> None:
    """One clear line instead of an ImportError when the llm extra is not installed."""
    from importlib.util import find_spec

    missing = [name for name in EXTRA if find_spec(name) is None]
    if missing:
        raise LLMError(t("llm.error.no_extra", missing=", ".join(missing)))


def _key(settings: LLMSettings) -> str:
    if settings.api_key:
        return settings.api_key
    if settings.is_local:
        return PLACEHOLDER_KEY
    raise LLMError(t("llm.error.no_key", host=settings.endpoint_host))


def make_client(settings: LLMSettings, *, asynchronous: bool = False) -> Any:
    """An ``openai.OpenAI`` (or ``AsyncOpenAI``) for these settings."""
    import openai

    cls = openai.AsyncOpenAI if asynchronous else openai.OpenAI
    # gzip only: recorded cassettes can decode it (vcrpy cannot decode zstd).
    return cls(
        api_key=_key(settings),
        base_url=settings.base_url,
        timeout=settings.timeout,
        max_retries=settings.max_retries,
        default_headers={"Accept-Encoding": "gzip"},
    )


def classify(err: BaseException, settings: LLMSettings) -> Exception:
    """Map an SDK exception to LLMError (stop the run) or LLMCallFailed (this report only).

    The message is redacted: it goes into llm.error and onto stderr, and a server's error body
    can echo the request's Authorization header, a URL can carry user:KEY@."""
    mapped = _classify(err, settings)
    return type(mapped)(safe(str(mapped), settings))


def safe(text: str, settings: LLMSettings) -> str:
    """``text`` without the API key or any other credential it may echo (fzcheck.redact)."""
    from fzcheck.redact import redact

    return redact(text, secrets=(settings.api_key,))


def _set_in(settings: LLMSettings) -> str:
    """Where the reviewer set the endpoint, to be put right there."""
    from fzcheck.config import config_path

    return t(f"llm.base_url_from.{settings.base_url_from}", path=config_path())


def _classify(err: BaseException, settings: LLMSettings) -> Exception:
    import openai

    where = settings.base_url
    if isinstance(err, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMError(
            t("llm.error.rejected_key", host=settings.endpoint_host, status=err.status_code)
        )
    if isinstance(err, openai.NotFoundError):
        return LLMError(
            t("llm.error.not_found", url=where, model=settings.model, set_in=_set_in(settings))
        )
    if isinstance(err, openai.APITimeoutError):
        return LLMCallFailed(
            f"timed out after {settings.timeout:g}s (retried {settings.max_retries}x)"
        )
    if isinstance(err, openai.APIConnectionError):
        cause = err.__cause__ or err
        detail = str(cause)[:120] or t("llm.error.connection_failed")
        return LLMError(
            t(
                "llm.error.unreachable",
                url=where,
                cause=f"{type(cause).__name__}: {detail}",
                set_in=_set_in(settings),
            )
        )
    if isinstance(err, openai.BadRequestError):
        return LLMCallFailed(f"request rejected (400): {_message(err)}")
    if isinstance(err, openai.APIStatusError):
        return LLMCallFailed(
            f"HTTP {err.status_code} after {settings.max_retries} retries: {_message(err)}"
        )
    return LLMCallFailed(f"{type(err).__name__}: {str(err)[:200]}")


def _message(err: Any) -> str:
    body = getattr(err, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:200]
    return str(err)[:200]


def is_transient(err: BaseException) -> bool:
    """Worth another outer attempt: the SDK gave up on a 429/5xx/timeout, the outage may pass."""
    import openai

    if isinstance(err, openai.APITimeoutError | openai.RateLimitError | openai.InternalServerError):
        return True
    return isinstance(err, openai.APIStatusError) and err.status_code >= 500
