"""The LLM layer's public entry points: one request per report, validated, verified, merged.

``build_request`` and ``parse_response`` are the two halves of a live call, split so batch
grading can write OpenAI-Batch request files and read their output files with exactly the
request and exactly the checks a live call uses. ``enrich`` / ``aenrich`` make the live call
(re-asks on invented quotes, SDK retries, an outer retry policy, a wall-clock deadline) and set
``result.llm``; on failure ``result.llm.error`` says why and the offline verdict stands.
"""

from __future__ import annotations

import time
from functools import lru_cache
from typing import Any, Protocol

from fzcheck.document import Document
from fzcheck.llm import call
from fzcheck.llm.config import LLMSettings
from fzcheck.llm.errors import LLMCallFailed
from fzcheck.llm.merge import merge, review_to_info
from fzcheck.llm.verify import QuoteIndex
from fzcheck.analysis.outline import Outline
from fzcheck.result import LLMInfo, LLMUsage, Result


class ResponseCache(Protocol):
    """What enrich needs from a cache (batch grading implements it in fzcheck.llm.cache).

    Keys are computed from the request body (so a prompt, schema, model or setting change misses);
    values are ``{"body": <raw chat.completions response>, "usage": <LLMUsage dict>}``, and a hit
    is re-verified through :func:`parse_response`, never trusted as stored.
    """

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
    from fzcheck.llm.prompts import render_messages

    title = result.document.title if result.document else None
    messages = render_messages(doc, outline, title, settings.mode)
    return {**call.prepare(messages, settings), **settings.extra_body}


def parse_response(body: dict[str, Any], doc: Document, result: Result,
                   settings: LLMSettings) -> LLMInfo:
    """Validate and verify one raw chat.completions response body as a live call would.

    No re-ask is possible, so quotes that are not in the report are kept and marked unverified.
    A body that does not parse gives an LLMInfo with ``error`` set. Does not touch ``result``;
    call :func:`apply` to merge it.
    """
    index = QuoteIndex.from_document(doc)
    usage = call.usage_of(body)
    usage.calls = 1
    base = base_info(settings, usage)
    try:
        review = call.parse(body, settings, index=None)
    except LLMCallFailed as err:
        return base.model_copy(update={"error": str(err)})
    return review_to_info(review, index, base)


def apply(doc: Document, result: Result, info: LLMInfo) -> None:
    """Merge an LLMInfo (from :func:`parse_response` or a cache) into ``result``."""
    if info.error:
        result.llm = info
        return
    merge(result, info, QuoteIndex.from_document(doc))


def enrich(doc: Document, result: Result, outline: Outline, settings: LLMSettings,
           client: Any = None, cache: ResponseCache | None = None) -> None:
    """Call the model for one report and merge its answer into ``result`` (sets ``result.llm``).

    ``client`` is an ``openai.OpenAI``-like object (tests pass a scripted fake); by default one
    is built from ``settings``. Only validated successes are written to ``cache``; a cache hit
    makes no call. Raises :class:`fzcheck.llm.errors.LLMError` only for set-up errors that would
    fail every report (missing key, unreachable endpoint); anything else lands in llm.error.
    """
    request = build_request(doc, result, outline, settings)
    if _from_cache(doc, result, settings, request, cache):
        return
    if client is None:
        from fzcheck.llm.client import make_client

        client = make_client(settings)
    index = QuoteIndex.from_document(doc)
    outcome = call.run(client, request, settings, index, deadline=time.monotonic() + settings.deadline)
    _finish(doc, result, settings, request, cache, index, outcome)


async def aenrich(doc: Document, result: Result, outline: Outline, settings: LLMSettings,
                  client: Any = None, cache: ResponseCache | None = None) -> None:
    """:func:`enrich` for an ``openai.AsyncOpenAI``-like client."""
    request = build_request(doc, result, outline, settings)
    if _from_cache(doc, result, settings, request, cache):
        return
    if client is None:
        from fzcheck.llm.client import make_client

        client = make_client(settings, asynchronous=True)
    index = QuoteIndex.from_document(doc)
    outcome = await call.arun(client, request, settings, index,
                              deadline=time.monotonic() + settings.deadline)
    _finish(doc, result, settings, request, cache, index, outcome)


def _from_cache(doc: Document, result: Result, settings: LLMSettings, request: dict[str, Any],
                cache: ResponseCache | None) -> bool:
    if cache is None:
        return False
    hit = cache.get(cache.key(request))
    if hit is None:
        return False
    info = parse_response(hit["body"], doc, result, settings)
    info.usage = LLMUsage.model_validate({**hit["usage"], "cached": True})
    apply(doc, result, info)
    return True


def _finish(doc: Document, result: Result, settings: LLMSettings, request: dict[str, Any],
            cache: ResponseCache | None, index: QuoteIndex, outcome: call.Outcome) -> None:
    base = base_info(settings, outcome.usage)
    base.rejections = outcome.rejections
    if outcome.review is None:
        result.llm = base.model_copy(update={"error": outcome.error})
        return
    if cache is not None and outcome.validated and outcome.body is not None:
        cache.put(cache.key(request), {"body": outcome.body,
                                       "usage": outcome.usage.model_dump(mode="json")})
    merge(result, review_to_info(outcome.review, index, base), index)


def base_info(settings: LLMSettings, usage: LLMUsage) -> LLMInfo:
    from fzcheck.llm.prompts import prompt_hash

    return LLMInfo(model=settings.model, endpoint_host=settings.endpoint_host, mode=settings.mode,
                   prompt_hash=prompt_hash(), schema_hash=_schema_hash(), usage=usage)


@lru_cache(maxsize=1)
def _schema_hash() -> str:
    from fzcheck.llm.schemas import schema_hash

    return schema_hash()
