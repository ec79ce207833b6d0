"""The LLM layer's public entry points: one request per report, validated, verified, merged.

``build_request`` and ``parse_response`` are the two halves of a live call, split so batch
grading can write OpenAI-Batch request files and read their output files with exactly the
request and exactly the checks a live call uses. ``enrich`` / ``aenrich`` make the live call
(re-asks on invented quotes, SDK retries, an outer retry policy, a wall-clock deadline) and set
``result.llm``; on failure ``result.llm.error`` says why and the offline verdict stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from fzcheck.document import Document
    from fzcheck.llm.config import LLMSettings
    from fzcheck.outline import Outline
    from fzcheck.result import LLMInfo, Result


class ResponseCache(Protocol):
    """What enrich needs from a cache (batch grading implements it in fzcheck.cache)."""

    def key(self, request: dict[str, Any]) -> str: ...

    def get(self, key: str) -> dict[str, Any] | None: ...

    def put(self, key: str, value: dict[str, Any]) -> None: ...


def build_request(doc: Document, result: Result, outline: Outline,
                  settings: LLMSettings) -> dict[str, Any]:
    """The exact chat.completions request body a live call sends for this report.

    Keys: model, messages, temperature (0), seed, max_tokens, plus ``tools``/``tool_choice``
    (mode tools), ``response_format`` (json, json_schema) and any ``extra_body`` settings
    merged in at the top level. JSON-serialisable; use it as an OpenAI-Batch line's ``body``.
    """
    raise NotImplementedError


def parse_response(body: dict[str, Any], doc: Document, result: Result,
                   settings: LLMSettings) -> LLMInfo:
    """Validate and verify one raw chat.completions response body as a live call would.

    No re-ask is possible, so quotes that are not in the report are kept and marked unverified.
    A body that does not parse gives an LLMInfo with ``error`` set. Does not touch ``result``;
    call :func:`fzcheck.llm.merge.merge` (or use :func:`apply`) to merge it.
    """
    raise NotImplementedError


def enrich(doc: Document, result: Result, outline: Outline, settings: LLMSettings,
           client: Any = None, cache: ResponseCache | None = None) -> None:
    """Call the model for one report and merge its answer into ``result`` (sets ``result.llm``).

    ``client`` is an ``openai.OpenAI``-like object (tests pass a scripted fake); by default one
    is built from ``settings``. Only validated successes are written to ``cache``; a cache hit
    makes no call. Raises :class:`fzcheck.errors.LLMError` only for set-up errors that would
    fail every report (missing key, unreachable endpoint); anything else lands in llm.error.
    """
    raise NotImplementedError


async def aenrich(doc: Document, result: Result, outline: Outline, settings: LLMSettings,
                  client: Any = None, cache: ResponseCache | None = None) -> None:
    """:func:`enrich` for an ``openai.AsyncOpenAI``-like client."""
    raise NotImplementedError
