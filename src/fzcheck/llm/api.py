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

from pydantic import ValidationError

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


def build_request(
    analysis: Analysis, settings: LLMSettings, lines_range: tuple[int, int] | None = None
) -> dict[str, Any]:
    """The exact chat.completions request body a live call sends for this report (or, with
    ``lines_range``, for one section group of a long report: see :func:`split_ranges`).

    Keys: model, messages, temperature (0), seed, max_tokens, plus ``tools``/``tool_choice``
    (mode tools), ``response_format`` (json, json_schema) and any ``extra_body`` settings
    merged in at the top level. JSON-serialisable; use it as an OpenAI-Batch line's ``body``.
    """
    from fzcheck.llm.prompts import render_messages

    messages = render_messages(analysis, settings.mode, lines_range)
    return {**call.prepare(messages, settings, analysis.rubric), **settings.extra_body}


def estimate_tokens(text: str) -> int:
    """Prompt tokens a Chinese text costs, roughly (Qwen: ~0.62 a character, measured)."""
    return (len(text) * 2 + 2) // 3


def split_ranges(analysis: Analysis, budget: int) -> list[tuple[int, int]] | None:
    """Line ranges (0-based, inclusive) of section groups, each within ``budget`` estimated
    tokens where the sections allow; None when the whole report fits one call. Every body line
    is in exactly one range, so the report is sent once in all."""
    doc, outline = analysis.doc, analysis.outline
    first, last = outline.body_start, outline.body_end
    cost = [estimate_tokens(line.strip()) for line in doc.lines]
    if sum(cost[first : last + 1]) <= budget:
        return None
    # the opening paragraph travels with the first section
    cuts = sorted({h.line for h in outline.headings if h.level == 1 and first < h.line <= last})[1:]
    blocks, at = [], first
    for cut in [*cuts, last + 1]:
        if cut > at:
            blocks.append((at, cut - 1))
        at = cut
    ranges: list[tuple[int, int]] = []
    for a, b in blocks:
        if sum(cost[a : b + 1]) <= budget * 5 // 4:  # a little over: one call, not a stub
            ranges.append((a, b))
            continue
        # an oversized section is cut at line boundaries
        start, used = a, 0
        for i in range(a, b + 1):
            if used and used + cost[i] > budget:
                ranges.append((start, i - 1))
                start, used = i, 0
            used += cost[i]
        ranges.append((start, b))
    merged: list[tuple[int, int]] = []
    for a, b in ranges:  # small neighbours share a call
        if merged and sum(cost[merged[-1][0] : b + 1]) <= budget:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged if len(merged) > 1 else None


def parse_response(body: dict[str, Any], analysis: Analysis, settings: LLMSettings) -> LLMInfo:
    """Validate and verify one raw chat.completions response body as a live call would.

    No re-ask is possible, so quotes that are not in the report are kept and marked unverified.
    A body that does not parse gives an LLMInfo with ``error`` set.
    """
    index = QuoteIndex.from_analysis(analysis)
    usage = call.usage_of(body)
    usage.calls = 1
    usage.per_call = [usage.prompt_tokens]
    base = base_info(settings, usage, analysis.rubric)
    try:
        answer = call.parse(body, settings, None, analysis.rubric)
    except LLMCallFailed as err:
        return base.model_copy(update={"error": str(err)})
    return review_to_info(answer, index, base, analysis.rubric)


def judge(analysis: Analysis, info: LLMInfo) -> LlmReview:
    """Check what an LLMInfo proposes against the report: the upgrades code accepts, and the
    summary held to the final verdict."""
    if info.error:
        return LlmReview(info)
    index = QuoteIndex.from_analysis(analysis)
    upgrades = propose(analysis, info, index)
    leash_summary(analysis, info, upgrades, index)
    return LlmReview(info, upgrades)


def leash_summary(
    analysis: Analysis, info: LLMInfo, upgrades: list[Upgrade], index: QuoteIndex
) -> None:
    """Keep the model's summary only if it agrees with the final statuses (see llm.summary)."""
    from fzcheck.llm.summary import code_summary, summary_problem

    final = {p.id: p.status for p in analysis.parts}
    for up in upgrades:
        final[up.part] = "embedded"
    year = analysis.info.report_year
    why = summary_problem(info.summary, final, analysis.rubric, index, year, analysis.facts.unit)
    if why is None:
        info.summary_by = "model"
        return
    info.summary_rejected = why
    info.summary_by = "code"
    info.summary = code_summary(
        analysis.info.title, final, _speaking(analysis, info, index), analysis.rubric
    )


def _speaking(analysis: Analysis, info: LLMInfo, index: QuoteIndex) -> list[dict[str, Any]]:
    """Each part's findings that may speak for it in a code-built summary: verified, in its
    own body text and saying what the part is about."""
    from fzcheck.llm.merge import meaning_problem

    out = []
    for claim in info.parts:
        part = analysis.rubric.part(claim["id"])
        if part is None:
            continue
        keep = [
            f
            for f in claim["findings"]
            if f.get("verified")
            and index.is_body_of(str(f["quote"]), part.id)
            and meaning_problem(
                part, str(f["quote"]), index, analysis.info.report_year, analysis.facts.unit
            )
            is None
        ]
        out.append({**claim, "findings": keep})
    return out


def review(
    analysis: Analysis,
    settings: LLMSettings,
    client: Any = None,
    cache: ResponseCache | None = None,
) -> LlmReview:
    """Call the model for one report (re-asks of the quotes that failed, SDK retries, an outer
    retry policy, a wall-clock deadline) and check its answer. A long report is asked in section
    groups (:func:`split_ranges`), each checkpointed in ``cache`` as it finishes.

    ``client`` is an ``openai.OpenAI``-like object (tests pass a scripted fake); by default one
    is built from ``settings``. Only validated successes are written to ``cache``; a cache hit
    makes no call. Raises :class:`fzcheck.llm.errors.LLMError` only for set-up errors that would
    fail every report (missing key, unreachable endpoint); anything else lands in llm.error.
    """
    deadline = time.monotonic() + settings.deadline
    asks = _asks(analysis, settings)
    index = QuoteIndex.from_analysis(analysis)
    outcomes: list[call.Outcome] = []
    for request in asks:
        hit = _cached(request, cache)
        if hit is None:
            if client is None:
                from fzcheck.llm.client import make_client

                client = make_client(settings)
            hit = call.run(client, request, settings, index, analysis.rubric, deadline)
            _store(request, cache, hit)
        outcomes.append(hit)
    return _finish(analysis, settings, index, outcomes, split=len(asks) > 1)


async def areview(
    analysis: Analysis,
    settings: LLMSettings,
    client: Any = None,
    cache: ResponseCache | None = None,
) -> LlmReview:
    """:func:`review` for an ``openai.AsyncOpenAI``-like client."""
    deadline = time.monotonic() + settings.deadline
    asks = _asks(analysis, settings)
    index = QuoteIndex.from_analysis(analysis)
    outcomes: list[call.Outcome] = []
    for request in asks:
        hit = _cached(request, cache)
        if hit is None:
            if client is None:
                from fzcheck.llm.client import make_client

                client = make_client(settings, asynchronous=True)
            hit = await call.arun(client, request, settings, index, analysis.rubric, deadline)
            _store(request, cache, hit)
        outcomes.append(hit)
    return _finish(analysis, settings, index, outcomes, split=len(asks) > 1)


def _asks(analysis: Analysis, settings: LLMSettings) -> list[dict[str, Any]]:
    ranges = split_ranges(analysis, settings.split_tokens)
    if ranges is None:
        return [build_request(analysis, settings)]
    return [build_request(analysis, settings, r) for r in ranges]


def _cached(request: dict[str, Any], cache: ResponseCache | None) -> call.Outcome | None:
    if cache is None:
        return None
    hit = cache.get(cache.key(request))
    if hit is None:
        return None
    try:
        usage = LLMUsage.model_validate({**hit["usage"], "cached": True})
    except ValidationError:  # a damaged entry's counts: the answer itself may still be good
        usage = call.usage_of(hit).model_copy(update={"cached": True})
    return call.Outcome(body=hit["body"], usage=usage, validated=True)


def _store(request: dict[str, Any], cache: ResponseCache | None, outcome: call.Outcome) -> None:
    # the key is computed from the request as built, which nothing sent has changed
    if cache is not None and outcome.validated and outcome.body is not None:
        cache.put(
            cache.key(request),
            {"body": outcome.body, "usage": outcome.usage.model_dump(mode="json")},
        )


def _finish(
    analysis: Analysis,
    settings: LLMSettings,
    index: QuoteIndex,
    outcomes: list[call.Outcome],
    split: bool,
) -> LlmReview:
    usage = LLMUsage(
        cached=all(o.usage.cached for o in outcomes), split=len(outcomes) if split else 0
    )
    rejections: list[str] = []
    reviews = []
    for o in outcomes:
        for name in ("prompt_tokens", "completion_tokens", "total_tokens", "calls", "reasks"):
            setattr(usage, name, getattr(usage, name) + getattr(o.usage, name))
        usage.per_call += o.usage.per_call
        rejections += o.rejections
        if o.review is None and o.body is not None:  # from the cache: parsed like any answer
            try:
                o.review = call.parse(o.body, settings, None, analysis.rubric)
            except LLMCallFailed as err:
                o.error = str(err)
        reviews.append(o.review)
    base = base_info(settings, usage, analysis.rubric)
    from fzcheck.redact import redact

    # a server's error text can echo the request, key included
    base.rejections = [redact(r, [settings.api_key]) for r in rejections]
    errors = [o.error for o in outcomes if o.error]
    if errors or any(r is None for r in reviews):
        done = sum(r is not None for r in reviews)
        why = errors[0] if errors else "no answer"
        if split:
            why = (
                f"{done}/{len(outcomes)} section groups answered "
                f"(the rest is asked on rerun): {why}"
            )
        return LlmReview(base.model_copy(update={"error": why}))
    answer = (
        reviews[0]
        if len(reviews) == 1
        else combine([r for r in reviews if r is not None], analysis.rubric)
    )
    assert answer is not None
    info = review_to_info(answer, index, base, analysis.rubric)
    upgrades = propose(analysis, info, index)
    leash_summary(analysis, info, upgrades, index)
    if split:
        info.summary_rejected = "分段审阅：每段只见报告的一部分，摘要由程序根据核实的要点生成"
    return LlmReview(info, upgrades)


_RANK = {"missing": 0, "embedded": 1, "present": 2}


def combine(reviews: list[Any], rubric: Rubric) -> Any:
    """One review from the answers for each section group: the strongest status a part got,
    its sections and items in document order, no summary (the code writes it from the
    verified findings, since each group's summary saw only its group)."""
    from fzcheck.llm.schemas import ITEMS_MAX, items_field, review_model

    dumps = [r.model_dump() for r in reviews]
    merged: dict[str, Any] = {"flags": [], "summary": ""}
    for part in rubric.parts:
        claims = [d[part.id] for d in dumps]
        best = max(claims, key=lambda c: _RANK.get(c["status"], 0))
        sections = list(dict.fromkeys(t for c in claims for t in c["sections"]))[:3]
        merged[part.id] = {"status": best["status"], "sections": sections}
        field = items_field(part.id)
        if field in dumps[0]:
            merged[field] = [i for d in dumps for i in d[field]][:ITEMS_MAX]
    merged["flags"] = [f for d in dumps for f in d.get("flags", [])][:ITEMS_MAX]
    return review_model(rubric).model_validate(merged)


def base_info(settings: LLMSettings, usage: LLMUsage, rubric: Rubric) -> LLMInfo:
    from fzcheck.llm.prompts import prompt_hash
    from fzcheck.llm.schemas import schema_hash

    return LLMInfo(
        model=settings.model,
        endpoint_host=settings.endpoint_host,
        mode=settings.mode,
        prompt_hash=prompt_hash(),
        schema_hash=schema_hash(rubric),
        usage=usage,
    )
