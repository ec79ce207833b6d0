"""The LLM layer's public entry points: one request per report, validated, verified, checked.

The layer proposes; it never grades. :func:`review` (live) and :func:`parse_response` +
:func:`judge` (a batch engine's answer, or a cached one) return an :class:`LlmReview`: the
``llm`` block for the result and the upgrades code accepted. The caller hands them to grading
(``Graded.apply_llm``), the one place a result is scored.

``build_request`` and ``parse_response`` are the two halves of a live call, split so batch
grading can write OpenAI-Batch request files and read their output files with exactly the
request and exactly the checks a live call uses.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from fzcheck.analysis.analyse import Analysis
from fzcheck.grading.grade import Upgrade
from fzcheck.llm import call
from fzcheck.llm.config import LLMSettings
from fzcheck.llm.errors import LLMCallFailed
from fzcheck.llm.merge import propose, review_to_info
from fzcheck.llm.verify import QuoteIndex
from fzcheck.result import LLMInfo, LLMUsage
from fzcheck.rubric.model import Rubric


class ResponseCache(Protocol):
    """What the layer needs from a cache (batch grading implements it in fzcheck.llm.cache).

    Keys are computed from the request body (so a prompt, schema, model or setting change misses);
    values are ``{"body": <raw chat.completions response>, "usage": <LLMUsage dict>}``, and a hit
    is re-verified through :func:`parse_response`, never trusted as stored.
    """

    def key(self, request: dict[str, Any]) -> str: ...

    def get(self, key: str) -> dict[str, Any] | None: ...

    def put(self, key: str, value: dict[str, Any]) -> None: ...


@dataclass
class LlmReview:
    info: LLMInfo
    upgrades: list[Upgrade] = field(default_factory=list)


def build_request(analysis: Analysis, settings: LLMSettings) -> dict[str, Any]:
    """The exact chat.completions request body a live call sends for this report.

    Keys: model, messages, temperature (0), seed, max_tokens, plus ``tools``/``tool_choice``
    (mode tools), ``response_format`` (json, json_schema) and any ``extra_body`` settings
    merged in at the top level. JSON-serialisable; use it as an OpenAI-Batch line's ``body``.
    """
    from fzcheck.llm.prompts import render_messages

    messages = render_messages(analysis, settings.mode)
    return {**call.prepare(messages, settings, analysis.rubric), **settings.extra_body}


def parse_response(body: dict[str, Any], analysis: Analysis, settings: LLMSettings) -> LLMInfo:
    """Validate and verify one raw chat.completions response body as a live call would.

    No re-ask is possible, so quotes that are not in the report are kept and marked unverified.
    A body that does not parse gives an LLMInfo with ``error`` set.
    """
    index = QuoteIndex.from_document(analysis.doc)
    usage = call.usage_of(body)
    usage.calls = 1
    base = base_info(settings, usage, analysis.rubric)
    try:
        answer = call.parse(body, settings, None, analysis.rubric)
    except LLMCallFailed as err:
        return base.model_copy(update={"error": str(err)})
    return review_to_info(answer, index, base, analysis.rubric)


def judge(analysis: Analysis, info: LLMInfo) -> LlmReview:
    """Check what an LLMInfo proposes against the report: the upgrades code accepts."""
    if info.error:
        return LlmReview(info)
    return LlmReview(info, propose(analysis, info, QuoteIndex.from_document(analysis.doc)))


def review(analysis: Analysis, settings: LLMSettings, client: Any = None,
           cache: ResponseCache | None = None) -> LlmReview:
    """Call the model for one report (re-asks on invented quotes, SDK retries, an outer retry
    policy, a wall-clock deadline) and check its answer.

    ``client`` is an ``openai.OpenAI``-like object (tests pass a scripted fake); by default one
    is built from ``settings``. Only validated successes are written to ``cache``; a cache hit
    makes no call. Raises :class:`fzcheck.llm.errors.LLMError` only for set-up errors that would
    fail every report (missing key, unreachable endpoint); anything else lands in llm.error.
    """
    request = build_request(analysis, settings)
    cached = _from_cache(analysis, settings, request, cache)
    if cached is not None:
        return cached
    if client is None:
        from fzcheck.llm.client import make_client

        client = make_client(settings)
    index = QuoteIndex.from_document(analysis.doc)
    outcome = call.run(client, request, settings, index, analysis.rubric,
                       deadline=time.monotonic() + settings.deadline)
    return _finish(analysis, settings, request, cache, index, outcome)


async def areview(analysis: Analysis, settings: LLMSettings, client: Any = None,
                  cache: ResponseCache | None = None) -> LlmReview:
    """:func:`review` for an ``openai.AsyncOpenAI``-like client."""
    request = build_request(analysis, settings)
    cached = _from_cache(analysis, settings, request, cache)
    if cached is not None:
        return cached
    if client is None:
        from fzcheck.llm.client import make_client

        client = make_client(settings, asynchronous=True)
    index = QuoteIndex.from_document(analysis.doc)
    outcome = await call.arun(client, request, settings, index, analysis.rubric,
                              deadline=time.monotonic() + settings.deadline)
    return _finish(analysis, settings, request, cache, index, outcome)


def _from_cache(analysis: Analysis, settings: LLMSettings, request: dict[str, Any],
                cache: ResponseCache | None) -> LlmReview | None:
    if cache is None:
        return None
    hit = cache.get(cache.key(request))
    if hit is None:
        return None
    info = parse_response(hit["body"], analysis, settings)
    info.usage = LLMUsage.model_validate({**hit["usage"], "cached": True})
    return judge(analysis, info)


def _finish(analysis: Analysis, settings: LLMSettings, request: dict[str, Any],
            cache: ResponseCache | None, index: QuoteIndex, outcome: call.Outcome) -> LlmReview:
    base = base_info(settings, outcome.usage, analysis.rubric)
    from fzcheck.redact import redact

    # a server's error text can echo the request, key included
    base.rejections = [redact(r, [settings.api_key]) for r in outcome.rejections]
    if outcome.review is None:
        return LlmReview(base.model_copy(update={"error": outcome.error}))
    if cache is not None and outcome.validated and outcome.body is not None:
        cache.put(cache.key(request), {"body": outcome.body,
                                       "usage": outcome.usage.model_dump(mode="json")})
    info = review_to_info(outcome.review, index, base, analysis.rubric)
    return LlmReview(info, propose(analysis, info, index))


def base_info(settings: LLMSettings, usage: LLMUsage, rubric: Rubric) -> LLMInfo:
    from fzcheck.llm.prompts import prompt_hash
    from fzcheck.llm.schemas import schema_hash

    return LLMInfo(model=settings.model, endpoint_host=settings.endpoint_host, mode=settings.mode,
                   prompt_hash=prompt_hash(), schema_hash=schema_hash(rubric), usage=usage)
