"""A scripted stand-in for ``openai.OpenAI`` at the client boundary: no HTTP, no SDK retries.

Each scripted step is either the arguments the model "answers" with (a dict, sent back as a tool
call in tools mode or as message content in json modes), a raw string, or an exception to raise.
Every request the code sends is kept in ``requests`` for assertions.
"""

from __future__ import annotations

import json
from typing import Any

from openai.types.chat import ChatCompletion


def completion(
    answer: dict[str, Any] | str,
    mode: str = "tools",
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    finish_reason: str = "stop",
) -> ChatCompletion:
    content = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
    # a re-ask answers with the repair tool, a first ask with the review tool
    name = "QuoteRepair" if isinstance(answer, dict) and "fixes" in answer else "ReportReview"
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if mode == "tools":
        message["tool_calls"] = [
            {"id": "call_1", "type": "function", "function": {"name": name, "arguments": content}}
        ]
        finish_reason = "tool_calls" if finish_reason == "stop" else finish_reason
    else:
        message["content"] = content
    return ChatCompletion.model_validate(
        {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": 0,
            "model": "fake",
            "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
            },
        }
    )


class _Completions:
    def __init__(self, owner: ScriptedClient) -> None:
        self.owner = owner

    def create(self, **kwargs: Any) -> ChatCompletion:
        self.owner.requests.append(kwargs)
        if not self.owner.script:
            raise AssertionError("the code made more calls than the script has answers")
        step = self.owner.script.pop(0)
        if isinstance(step, BaseException):
            raise step
        if isinstance(step, ChatCompletion):
            return step
        return completion(step, self.owner.mode)


class _Chat:
    def __init__(self, owner: ScriptedClient) -> None:
        self.completions = _Completions(owner)


class ScriptedClient:
    def __init__(self, *script: Any, mode: str = "tools") -> None:
        self.script = list(script)
        self.mode = mode
        self.requests: list[dict[str, Any]] = []
        self.chat = _Chat(self)


class AsyncScriptedClient(ScriptedClient):
    """The same script behind ``await client.chat.completions.create(...)``."""

    def __init__(self, *script: Any, mode: str = "tools") -> None:
        super().__init__(*script, mode=mode)
        sync = self.chat.completions

        class _Async:
            async def create(self, **kwargs: Any) -> ChatCompletion:
                return sync.create(**kwargs)

        self.chat.completions = _Async()  # type: ignore[assignment]


def repair(*fixes: tuple[int, str]) -> dict[str, Any]:
    """A re-ask's answer: numbered replacement quotes."""
    return {"fixes": [{"no": no, "quote": quote} for no, quote in fixes]}


def review(**overrides: Any) -> dict[str, Any]:
    """A well-formed answer with no findings; tests fill in what they exercise."""
    part = {"status": "missing", "sections": []}
    answer: dict[str, Any] = {
        "achievements": dict(part),
        "achievements_items": [],
        "problems": dict(part),
        "problems_items": [],
        "leader_duties": dict(part),
        "leader_duties_items": [],
        "next_year_plan": dict(part),
        "next_year_plan_items": [],
        "other": dict(part),
        "flags": [],
        "summary": "摘要",
    }
    answer.update(overrides)
    return answer
