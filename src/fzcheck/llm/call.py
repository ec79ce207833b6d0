"""One report's call: instructor prepares the request and parses answers; we drive it and
write the re-asks (only the quotes that failed, never the previous answer re-rendered).

We use instructor's request/parse/re-ask handlers directly instead of its patched client so that
(1) the request body is available before any call (batch export), (2) a raw response body can be
parsed exactly like a live one (batch import), (3) calls and re-asks are counted as they happen,
and (4) a re-ask costs less than the first call: it sends the report once and the rejected items
with a short Chinese reason, and what it repairs is merged into the first answer; and (5) when
the budget is spent the answer is still kept, with its invented quotes marked unverified.
"""

from __future__ import annotations

import contextlib
import copy
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fzcheck.llm.config import LLMSettings
from fzcheck.llm.errors import LLMCallFailed, LLMError
from fzcheck.llm.schemas import QuoteRepair, items_field, review_model
from fzcheck.llm.verify import QuoteIndex, quote_problem
from fzcheck.result import LLMUsage
from fzcheck.rubric.model import Rubric

if TYPE_CHECKING:
    from pydantic import BaseModel


def _mode(settings: LLMSettings) -> Any:
    return _instructor_mode(settings.mode)


def _instructor_mode(name: str) -> Any:
    from instructor import Mode

    return {"tools": Mode.TOOLS, "json": Mode.JSON, "json_schema": Mode.JSON_SCHEMA}[name]


def prepare(
    messages: list[dict[str, str]], settings: LLMSettings, rubric: Rubric
) -> dict[str, Any]:
    """chat.completions kwargs for ``messages`` in the settings' mode (tools / response_format)."""
    from instructor.processing.response import handle_response_model

    _, kwargs = handle_response_model(
        review_model(rubric),
        mode=_mode(settings),
        messages=messages,
        model=settings.model,
        temperature=settings.temperature,
        seed=settings.seed,
        max_tokens=settings.max_tokens,
    )
    return kwargs


_WRAPPED: dict[tuple[str, int], Any] = {}


def _response_model(mode: str, model: type[BaseModel]) -> Any:
    """The response model as instructor wraps it for a mode; building it walks the whole schema,
    which is most of the CPU a call costs, so it is built once per mode and rubric."""
    from instructor.processing.response import handle_response_model

    key = (mode, id(model))
    if key not in _WRAPPED:
        _WRAPPED[key] = handle_response_model(model, mode=_instructor_mode(mode))[0]
    return _WRAPPED[key]


def usage_of(body: dict[str, Any] | Any) -> LLMUsage:
    raw = body.get("usage") if isinstance(body, dict) else getattr(body, "usage", None)
    if raw is None:
        return LLMUsage()
    get = raw.get if isinstance(raw, dict) else (lambda k, d=None: getattr(raw, k, d))

    def count(key: str) -> int:
        # a batch engine's or a cache file's count that is no whole number counts 0: the
        # answer is still read (a bad count stopped an import, losing every answer)
        value = get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0

    return LLMUsage(
        prompt_tokens=count("prompt_tokens"),
        completion_tokens=count("completion_tokens"),
        total_tokens=count("total_tokens"),
    )


def _completion(body: dict[str, Any] | Any) -> Any:
    from openai.types.chat import ChatCompletion

    if not isinstance(body, dict):
        return body
    if body.get("usage") is not None:  # its counts as usage_of reads them (a bad one 0)
        usage = usage_of(body)
        counts = ("prompt_tokens", "completion_tokens", "total_tokens")
        body = {**body, "usage": {k: getattr(usage, k) for k in counts}}
    return ChatCompletion.model_validate(body)


def _parse(
    completion: Any, settings: LLMSettings, rubric: Rubric, model: type[BaseModel] | None = None
) -> BaseModel:
    from instructor.processing.response import process_response

    if _cut_off(completion, settings):
        raise CutOff(settings.max_tokens)
    wrapped = _response_model(settings.mode, model or review_model(rubric))
    parsed: BaseModel = process_response(
        completion, response_model=wrapped, stream=False, mode=_mode(settings)
    )
    return parsed


def parse(
    body: dict[str, Any] | Any, settings: LLMSettings, index: QuoteIndex | None, rubric: Rubric
) -> BaseModel:
    """The review in a response (quotes are checked afterwards, by :mod:`fzcheck.llm.merge`)."""
    try:
        return _parse(_completion(body), settings, rubric)
    except Exception as err:  # noqa: BLE001 - any parse failure is this answer's failure
        raise LLMCallFailed(describe_rejection(err, settings)) from None


def describe_rejection(err: BaseException, settings: LLMSettings) -> str:
    from instructor.core.exceptions import IncompleteOutputException
    from pydantic import ValidationError

    if isinstance(err, IncompleteOutputException | CutOff):
        return f"the answer was cut off at max_tokens={settings.max_tokens}; raise max_tokens"
    if isinstance(err, ValidationError):
        errors = err.errors()
        first = errors[0]
        where = ".".join(str(x) for x in first["loc"]) or "answer"
        return (
            f"the answer did not fit the schema ({len(errors)} errors; "
            f"{where}: {first['msg'][:120]})"
        )
    return f"the answer could not be parsed ({type(err).__name__}: {str(err)[:160]})"


@dataclass
class Failed:
    """One quote that did not verify, as the repair request names it."""

    no: int
    field: str
    at: int
    label: str
    what: str
    quote: str
    reason: str


def failed_quotes(review: BaseModel, index: QuoteIndex, rubric: Rubric) -> list[Failed]:
    """Every finding and flag whose quote is not in the report (or too short), numbered."""
    out: list[Failed] = []
    groups: list[tuple[str, str, list[Any]]] = [
        (items_field(p.id), p.label, list(getattr(review, items_field(p.id), None) or []))
        for p in rubric.parts
    ]
    groups.append(("flags", "审阅提示", list(getattr(review, "flags", None) or [])))
    for name, label, items in groups:
        for at, item in enumerate(items):
            why = quote_problem(index, item.quote)
            if why:
                what = next(
                    (
                        str(v)
                        for k, v in item.model_dump().items()
                        if k not in ("quote", "part", "kind") and isinstance(v, str) and v
                    ),
                    "",
                )
                out.append(Failed(len(out) + 1, name, at, label, what[:40], item.quote[:60], why))
    return out


def report_of(request: dict[str, Any]) -> str:
    """The report as the first request sent it (between the delimiters), to send it once more."""
    from fzcheck.llm.prompts import BEGIN, END

    for message in request.get("messages", []):
        content = message.get("content")
        if (
            message.get("role") == "user"
            and isinstance(content, str)
            and BEGIN + "\n" in content
            and "\n" + END in content
        ):
            return content[content.index(BEGIN + "\n") + len(BEGIN) : content.rindex(END)].strip()
    return ""


def repair_request(
    request: dict[str, Any], failed: list[Failed], settings: LLMSettings, rubric: Rubric
) -> dict[str, Any]:
    """A re-ask that carries only what failed: the system prompt, the report once and the
    rejected items with a short Chinese reason; never the previous answer re-rendered."""
    from fzcheck.llm.prompts import render_repair

    system = next(m for m in request["messages"] if m.get("role") == "system")
    user = render_repair(report_of(request), failed)
    messages = [dict(system), {"role": "user", "content": user}]
    kwargs = prepare_for(QuoteRepair, messages, settings)
    kwargs.update(
        {
            k: v
            for k, v in request.items()
            if k not in kwargs and k not in ("messages", "tools", "tool_choice", "response_format")
        }
    )
    return kwargs


def prepare_for(
    model: type[BaseModel], messages: list[dict[str, str]], settings: LLMSettings
) -> dict[str, Any]:
    from instructor.processing.response import handle_response_model

    _, kwargs = handle_response_model(
        model,
        mode=_mode(settings),
        messages=messages,
        model=settings.model,
        temperature=settings.temperature,
        seed=settings.seed,
        max_tokens=settings.max_tokens,
    )
    return kwargs


def with_answer(body: dict[str, Any], answer: BaseModel, mode: str) -> dict[str, Any]:
    """A response body carrying ``answer`` (the first answer with its repaired quotes), so a cache
    hit replays what was accepted, parsed like any response."""
    out = copy.deepcopy(body)
    text = answer.model_dump_json(exclude_none=False)
    message = out["choices"][0]["message"]
    if mode == "tools" and message.get("tool_calls"):
        message["tool_calls"][0]["function"]["arguments"] = text
    else:
        message["content"] = text
    return out


@dataclass
class Outcome:
    review: BaseModel | None = None
    validated: bool = False  # every quote verified, after repairs (only then is it cached)
    body: dict[str, Any] | None = None
    usage: LLMUsage = field(default_factory=LLMUsage)
    error: str | None = None
    rejections: list[str] = field(default_factory=list)  # what was rejected, and what then


@dataclass
class ReaskLoop:
    """The state of one report's attempts; sync and async drivers share it.

    First the whole review is asked. If it does not parse, it is asked again with a one-line note.
    If some quotes do not verify, only those are asked again (:class:`QuoteRepair`) and the
    verified replacements are merged into the first answer, which can only get better.
    """

    request: dict[str, Any]
    settings: LLMSettings
    index: QuoteIndex
    rubric: Rubric
    deadline: float
    outcome: Outcome = field(default_factory=Outcome)
    kwargs: dict[str, Any] = field(init=False)
    last: Any = None
    last_error: Exception | None = None
    failed: list[Failed] = field(default_factory=list)
    answers: int = 0  # completions received (the re-ask budget counts these, not failures)

    def __post_init__(self) -> None:
        # A deep copy: nothing we send may change the request the cache key is computed from.
        self.kwargs = self._sendable(copy.deepcopy(self.request))

    def _sendable(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        extra = self.settings.extra_body
        out = {k: v for k, v in kwargs.items() if k not in extra}
        if extra:
            out["extra_body"] = dict(extra)
        return out

    @property
    def attempts(self) -> int:
        return 1 + self.settings.reasks

    def timeout(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise LLMCallFailed(f"deadline of {self.settings.deadline:g}s passed")
        return min(self.settings.timeout, left)

    def take(self, completion: Any) -> bool:
        """Record one answer; True when done (accepted, or budget spent)."""
        usage = usage_of(completion)
        total = self.outcome.usage
        total.prompt_tokens += usage.prompt_tokens
        total.completion_tokens += usage.completion_tokens
        total.total_tokens += usage.total_tokens
        total.calls += 1
        self.answers += 1
        total.per_call.append(usage.prompt_tokens)
        left = self.answers < self.attempts
        if self.outcome.review is not None:
            return self._repaired(completion, left)
        try:
            review = _parse(completion, self.settings, self.rubric)
        except Exception as err:  # noqa: BLE001 - validation, JSON and tool-call errors alike
            self.last, self.last_error = completion, err
            why = describe_rejection(err, self.settings)
            if not left or isinstance(err, CutOff):
                self.outcome.rejections.append(f"回答无法解析，未再重问：{why}")
                return True
            self.outcome.rejections.append(f"回答无法解析，已重问：{why}")
            self.kwargs = self._sendable(copy.deepcopy(self.request))
            self.kwargs["messages"].append(
                {
                    "role": "user",
                    "content": (f"上次回答不符合函数结构（{why[:80]}），请按结构重新完整回答。"),
                }
            )
            total.reasks += 1
            return False
        self.outcome.review = review
        self.outcome.body = completion.model_dump(mode="json", exclude_none=True)
        return self._check(left)

    def _check(self, left: bool) -> bool:
        assert self.outcome.review is not None
        self.failed = failed_quotes(self.outcome.review, self.index, self.rubric)
        if not self.failed:
            self.outcome.validated = True
            return True
        listed = "；".join(f"{f.field}.{f.at}：{f.reason}" for f in self.failed[:3])
        if not left:
            self.outcome.rejections.append(
                f"{len(self.failed)}条引文未通过核对，未再重问，保留为未核实（{listed}）"
            )
            return True
        self.outcome.rejections.append(
            f"{len(self.failed)}条引文未通过核对，只重问这几条（{listed}）"
        )
        self.kwargs = self._sendable(
            repair_request(self.request, self.failed, self.settings, self.rubric)
        )
        self.outcome.usage.reasks += 1
        return False

    def _repaired(self, completion: Any, left: bool) -> bool:
        assert self.outcome.review is not None and self.outcome.body is not None
        try:
            repair = _parse(completion, self.settings, self.rubric, QuoteRepair)
        except Exception as err:  # noqa: BLE001 - a failed repair keeps the first answer
            self.outcome.rejections.append(
                f"重问的回答无法解析，保留第一次的回答：{describe_rejection(err, self.settings)}"
            )
            return True
        by_no = {f.no: f for f in self.failed}
        fixed = 0
        for fix in getattr(repair, "fixes", []):
            f = by_no.pop(fix.no, None)
            if f is None or quote_problem(self.index, fix.quote) is not None:
                continue
            getattr(self.outcome.review, f.field)[f.at].quote = fix.quote
            fixed += 1
        self.outcome.rejections.append(f"重问修正了{fixed}条引文")
        self.outcome.body = with_answer(self.outcome.body, self.outcome.review, self.settings.mode)
        return self._check(left)

    def count_failed_request(self, err: BaseException) -> None:
        """Count the HTTP requests of a create() that raised: ``usage.calls`` is every request
        made, so 9 failed requests are 9 calls, not 0. The SDK numbers its own retries in the
        x-stainless-retry-count header of the last request it sent."""
        request = getattr(err, "request", None)
        retries = 0
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            retries = int(request.headers.get("x-stainless-retry-count", 0))  # type: ignore[union-attr]
        self.outcome.usage.calls += 1 + max(0, retries)

    def finish(self) -> Outcome:
        """After the budget: keep what parsed, with unchecked quotes (merge marks them)."""
        if self.outcome.review is not None and self.outcome.error:
            # The re-ask itself failed (seen: a 400 when it overflowed a 16k context); the
            # first answer is still worth keeping, with its quotes marked.
            self.outcome.rejections.append(f"重问失败，保留第一次的回答：{self.outcome.error}")
            self.outcome.error = None
        if self.outcome.review is None and self.last is not None and not self.outcome.error:
            why = describe_rejection(self.last_error or Exception(), self.settings)
            self.outcome.error = (
                f"no usable answer after {self.outcome.usage.calls} attempt(s): {why}"
            )
        return self.outcome


class CutOff(Exception):  # noqa: N818 - a state of the answer, reported as such
    """The answer hit max_tokens: its JSON is truncated, and re-asking would only repeat that."""


def _cut_off(completion: Any, settings: LLMSettings) -> bool:
    # llama.cpp servers can say "tool_calls" for a truncated tool call, so count tokens too.
    choices = getattr(completion, "choices", None) or []
    if choices and choices[0].finish_reason == "length":
        return True
    return usage_of(completion).completion_tokens >= settings.max_tokens


def backoff() -> Any:
    """Wait between outer attempts: the SDK already retried quickly, so this is for outages."""
    import tenacity

    return tenacity.wait_exponential(multiplier=2, min=2, max=60)


def _retrying(settings: LLMSettings, deadline: float, asynchronous: bool) -> Any:
    import tenacity

    from fzcheck.llm.client import is_transient

    class past_deadline(tenacity.stop.stop_base):  # noqa: N801 - tenacity's naming
        def __call__(self, retry_state: Any) -> bool:
            return time.monotonic() >= deadline

    cls = tenacity.AsyncRetrying if asynchronous else tenacity.Retrying
    return cls(
        stop=tenacity.stop_after_attempt(settings.outer_attempts) | past_deadline(),
        wait=backoff(),
        retry=tenacity.retry_if_exception(is_transient),
        reraise=True,
    )


def run(
    client: Any,
    request: dict[str, Any],
    settings: LLMSettings,
    index: QuoteIndex,
    rubric: Rubric,
    deadline: float,
) -> Outcome:
    loop = ReaskLoop(request, settings, index, rubric, deadline)
    with _failures_recorded(loop):
        done = False
        while not done:
            for attempt in _retrying(settings, deadline, asynchronous=False):
                with attempt:
                    timeout = loop.timeout()
                    try:
                        completion = client.chat.completions.create(**loop.kwargs, timeout=timeout)
                    except Exception as err:
                        loop.count_failed_request(err)
                        raise
            done = loop.take(completion)
    return loop.finish()


async def arun(
    client: Any,
    request: dict[str, Any],
    settings: LLMSettings,
    index: QuoteIndex,
    rubric: Rubric,
    deadline: float,
) -> Outcome:
    loop = ReaskLoop(request, settings, index, rubric, deadline)
    with _failures_recorded(loop):
        done = False
        while not done:
            async for attempt in _retrying(settings, deadline, asynchronous=True):
                with attempt:
                    timeout = loop.timeout()
                    try:
                        completion = await client.chat.completions.create(
                            **loop.kwargs, timeout=timeout
                        )
                    except Exception as err:
                        loop.count_failed_request(err)
                        raise
            done = loop.take(completion)
    return loop.finish()


@contextmanager
def _failures_recorded(loop: ReaskLoop) -> Iterator[None]:
    """This report's failures go into ``outcome.error``; set-up errors stop the run."""
    from fzcheck.llm.client import classify

    try:
        yield
    except LLMCallFailed as err:
        from fzcheck.llm.client import safe

        loop.outcome.error = safe(str(err), loop.settings)
    except LLMError:
        raise
    except Exception as err:  # noqa: BLE001 - every SDK error is classified, none escapes raw
        mapped = classify(err, loop.settings)
        if isinstance(mapped, LLMError):
            raise mapped from None
        loop.outcome.error = str(mapped)
