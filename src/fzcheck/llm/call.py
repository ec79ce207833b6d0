"""One report's call: instructor prepares the request, parses and formats re-asks; we drive it.

We use instructor's request/parse/re-ask handlers directly instead of its patched client so that
(1) the request body is available before any call (batch export), (2) a raw response body can be
parsed exactly like a live one (batch import), (3) calls and re-asks are counted as they happen,
and (4) when the re-ask budget is spent the last answer is still kept, with its invented quotes
marked unverified, instead of being thrown away with an exception that carries the whole report.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fzcheck.llm.config import LLMSettings
from fzcheck.llm.errors import LLMCallFailed, LLMError
from fzcheck.llm.schemas import review_model
from fzcheck.llm.verify import QuoteIndex
from fzcheck.result import LLMUsage
from fzcheck.rubric.model import Rubric

if TYPE_CHECKING:
    from pydantic import BaseModel


def _mode(settings: LLMSettings) -> Any:
    return _instructor_mode(settings.mode)


def _instructor_mode(name: str) -> Any:
    from instructor import Mode

    return {"tools": Mode.TOOLS, "json": Mode.JSON, "json_schema": Mode.JSON_SCHEMA}[name]


def prepare(messages: list[dict[str, str]], settings: LLMSettings,
            rubric: Rubric) -> dict[str, Any]:
    """chat.completions kwargs for ``messages`` in the settings' mode (tools / response_format)."""
    from instructor.processing.response import handle_response_model

    _, kwargs = handle_response_model(
        review_model(rubric), mode=_mode(settings), messages=messages, model=settings.model,
        temperature=settings.temperature, seed=settings.seed, max_tokens=settings.max_tokens)
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
    return LLMUsage(prompt_tokens=get("prompt_tokens") or 0,
                    completion_tokens=get("completion_tokens") or 0,
                    total_tokens=get("total_tokens") or 0)


def _completion(body: dict[str, Any] | Any) -> Any:
    from openai.types.chat import ChatCompletion

    return ChatCompletion.model_validate(body) if isinstance(body, dict) else body


def _parse(completion: Any, settings: LLMSettings, index: QuoteIndex | None,
           rubric: Rubric) -> BaseModel:
    from instructor.processing.response import process_response

    if _cut_off(completion, settings):
        raise CutOff(settings.max_tokens)
    model = _response_model(settings.mode, review_model(rubric))
    context = {"quotes": index} if index is not None else None
    return process_response(completion, response_model=model, stream=False,  # type: ignore[no-any-return]
                            validation_context=context, mode=_mode(settings))


def parse(body: dict[str, Any] | Any, settings: LLMSettings, index: QuoteIndex | None,
          rubric: Rubric) -> BaseModel:
    """The review in a response; with ``index``, invented quotes are errors (for re-asking)."""
    try:
        return _parse(_completion(body), settings, index, rubric)
    except Exception as err:  # noqa: BLE001 - any parse failure is this answer's failure
        raise LLMCallFailed(describe_rejection(err, settings)) from None


def describe_rejection(err: BaseException, settings: LLMSettings) -> str:
    from instructor.core.exceptions import IncompleteOutputException
    from pydantic import ValidationError

    if isinstance(err, IncompleteOutputException | CutOff):
        return f"the answer was cut off at max_tokens={settings.max_tokens}; raise max_tokens"
    if isinstance(err, ValidationError):
        errors = err.errors()
        quotes = sum(1 for e in errors if e["loc"] and e["loc"][-1] == "quote")
        first = errors[0]
        where = ".".join(str(x) for x in first["loc"]) or "answer"
        return (f"the answer did not fit the schema ({len(errors)} errors, {quotes} of them quotes; "
                f"{where}: {first['msg'][:120]})")
    return f"the answer could not be parsed ({type(err).__name__}: {str(err)[:160]})"


@dataclass
class Outcome:
    review: BaseModel | None = None
    validated: bool = False  # every quote passed on some attempt (only then is it cached)
    body: dict[str, Any] | None = None
    usage: LLMUsage = field(default_factory=LLMUsage)
    error: str | None = None
    rejections: list[str] = field(default_factory=list)  # why each re-ask happened


@dataclass
class ReaskLoop:
    """The state of one report's attempts; sync and async drivers share it."""

    request: dict[str, Any]
    settings: LLMSettings
    index: QuoteIndex
    rubric: Rubric
    deadline: float
    outcome: Outcome = field(default_factory=Outcome)
    kwargs: dict[str, Any] = field(init=False)
    last: Any = None
    last_error: Exception | None = None
    answers: int = 0  # completions received (the re-ask budget counts these, not failures)

    def __post_init__(self) -> None:
        extra = self.settings.extra_body
        # A deep copy: instructor's re-ask handler edits the messages in place, and the cache
        # key is computed from the untouched request.
        self.kwargs = copy.deepcopy({k: v for k, v in self.request.items() if k not in extra})
        if extra:
            self.kwargs["extra_body"] = dict(extra)

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
        from instructor.processing.response import handle_reask_kwargs

        usage = usage_of(completion)
        total = self.outcome.usage
        total.prompt_tokens += usage.prompt_tokens
        total.completion_tokens += usage.completion_tokens
        total.total_tokens += usage.total_tokens
        total.calls += 1
        self.answers += 1
        try:
            review = _parse(completion, self.settings, self.index, self.rubric)
        except Exception as err:  # noqa: BLE001 - validation, JSON and tool-call errors alike
            self.last, self.last_error = completion, err
            self.outcome.rejections.append(describe_rejection(err, self.settings))
            if self.answers >= self.attempts or isinstance(err, CutOff):
                return True
            self.kwargs = handle_reask_kwargs(self.kwargs, _mode(self.settings), completion, err)
            total.reasks += 1
            return False
        self.outcome.review, self.outcome.validated = review, True
        self.outcome.body = completion.model_dump(mode="json", exclude_none=True)
        return True

    def failed(self, err: BaseException) -> None:
        """Count the HTTP requests of a create() that raised: ``usage.calls`` is every request
        made, so 9 failed requests are 9 calls, not 0. The SDK numbers its own retries in the
        x-stainless-retry-count header of the last request it sent."""
        request = getattr(err, "request", None)
        retries = 0
        try:
            retries = int(request.headers.get("x-stainless-retry-count", 0))  # type: ignore[union-attr]
        except (AttributeError, TypeError, ValueError):
            pass
        self.outcome.usage.calls += 1 + max(0, retries)

    def finish(self) -> Outcome:
        """After the budget: keep the last answer with unchecked quotes (verify marks them)."""
        if self.outcome.review is None and self.last is not None:
            if self.outcome.error:
                # The re-ask itself failed (seen: a 400 when it overflowed a 16k context); the
                # earlier answer is still worth keeping, with its quotes marked.
                self.outcome.rejections.append(f"the re-ask failed: {self.outcome.error}")
                self.outcome.error = None
            try:
                self.outcome.review = _parse(self.last, self.settings, None, self.rubric)
            except Exception as err:  # noqa: BLE001
                self.outcome.error = (f"no usable answer after {self.outcome.usage.calls} "
                                      f"attempt(s): {describe_rejection(err, self.settings)}")
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
    return cls(stop=tenacity.stop_after_attempt(settings.outer_attempts) | past_deadline(),
               wait=backoff(),
               retry=tenacity.retry_if_exception(is_transient), reraise=True)


def run(client: Any, request: dict[str, Any], settings: LLMSettings, index: QuoteIndex,
        rubric: Rubric, deadline: float) -> Outcome:
    loop = ReaskLoop(request, settings, index, rubric, deadline)
    with _failures_recorded(loop):
        done = False
        while not done:
            for attempt in _retrying(settings, deadline, asynchronous=False):
                with attempt:
                    timeout = loop.timeout()
                    try:
                        completion = client.chat.completions.create(**loop.kwargs,
                                                                    timeout=timeout)
                    except Exception as err:
                        loop.failed(err)
                        raise
            done = loop.take(completion)
    return loop.finish()


async def arun(client: Any, request: dict[str, Any], settings: LLMSettings, index: QuoteIndex,
               rubric: Rubric, deadline: float) -> Outcome:
    loop = ReaskLoop(request, settings, index, rubric, deadline)
    with _failures_recorded(loop):
        done = False
        while not done:
            async for attempt in _retrying(settings, deadline, asynchronous=True):
                with attempt:
                    timeout = loop.timeout()
                    try:
                        completion = await client.chat.completions.create(**loop.kwargs,
                                                                          timeout=timeout)
                    except Exception as err:
                        loop.failed(err)
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
