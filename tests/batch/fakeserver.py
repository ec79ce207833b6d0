"""A local fake OpenAI-compatible chat.completions server for batch tests and the LLM bench.

Listens on 127.0.0.1 only, on a free port, answers after a fixed latency, and stops itself
after ``lifetime`` seconds or ``max_requests`` requests (whichever first), so a test that
forgets it cannot leave it running. Faults are injected by marker words in the report text:

- ``FAULT-429``: the first request for that report gets 429 with ``Retry-After: 1``, then OK;
- ``FAULT-500``: always 500 (the report must end with llm.error);
- ``FAULT-TIMEOUT``: the answer comes after ``slow`` seconds (past the client's timeout);
- ``FAULT-JSON``: a 200 whose body is not JSON;
- ``FAULT-SCHEMA``: a well-formed completion whose answer does not fit the schema;
- ``FAULT-ECHO``: always 500, with an error body that echoes the request's headers, the
  ``Authorization`` header (the API key) included, as some proxies do.

``answer_for(request)`` is also what the fake batch engine writes into output lines, so an
export → engine → import round trip can be compared with live calls.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PARTS = ("achievements", "problems", "leader_duties", "next_year_plan", "other")


def _text(request: dict[str, Any]) -> str:
    return "\n".join(str(m.get("content", "")) for m in request.get("messages", []))


def review(request: dict[str, Any]) -> dict[str, Any]:
    """A schema-valid ReportReview answer, deterministic in the request."""
    text = _text(request)
    parts = {p: {"status": "present" if p != "other" else "missing", "sections": []} for p in PARTS}
    if "存在的不足" not in text:
        parts["problems"] = {"status": "missing", "sections": []}
    # letters only: a number the report does not have would get the summary replaced
    digest = (
        hashlib.sha256(text.encode())
        .hexdigest()[:8]
        .translate(str.maketrans("0123456789", "ghijklmnop"))
    )
    return {
        **parts,
        "achievements_items": [],
        "problems_items": [],
        "leader_duties_items": [],
        "next_year_plan_items": [],
        "flags": [],
        "summary": f"fake review {digest}",
    }


def completion(request: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    """A chat.completion body carrying ``answer`` the way the request asked (tool or JSON)."""
    arguments = json.dumps(answer, ensure_ascii=False)
    prompt_tokens = max(1, len(_text(request)) // 2)
    if request.get("tools"):
        name = request["tools"][0]["function"]["name"]
        message: dict[str, Any] = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": name, "arguments": arguments},
                }
            ],
        }
        finish = "tool_calls"
    else:
        message, finish = {"role": "assistant", "content": arguments}, "stop"
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": request.get("model", "fake"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": 60,
            "total_tokens": prompt_tokens + 60,
        },
    }


def answer_for(request: dict[str, Any]) -> dict[str, Any]:
    """What the server answers a healthy request with (also the fake batch engine's answer)."""
    if "FAULT-SCHEMA" in _text(request):
        return completion(request, {"summary": 42})
    return completion(request, review(request))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # the default 5 drops connections when 16+ clients connect at once


class FakeServer:
    def __init__(
        self,
        latency: float = 0.0,
        slow: float = 3.0,
        lifetime: float = 120.0,
        max_requests: int = 100_000,
    ) -> None:
        self.latency, self.slow, self.max_requests = latency, slow, max_requests
        self.lifetime = lifetime
        self.calls = 0
        self.by_status: Counter[int] = Counter()
        self._seen_429: set[str] = set()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> FakeServer:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.cancel()
        self._httpd.shutdown()
        self._httpd.server_close()

    def reset_counts(self) -> None:
        with self._lock:
            self.calls = 0
            self.by_status.clear()

    def _respond(
        self, request: dict[str, Any], headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        text = _text(request)
        with self._lock:
            self.calls += 1
            over = self.calls > self.max_requests
        if over:
            return 503, {}, b'{"error": {"message": "fake server request budget spent"}}'
        time.sleep(self.latency)
        if "FAULT-429" in text:
            key = hashlib.sha256(text.encode()).hexdigest()
            with self._lock:
                first = key not in self._seen_429
                self._seen_429.add(key)
            if first:
                return (
                    429,
                    {"Retry-After": "1"},
                    json.dumps(
                        {"error": {"message": "rate limited", "type": "rate_limit"}}
                    ).encode(),
                )
        if "FAULT-ECHO" in text:
            seen = "; ".join(f"{k}: {v}" for k, v in (headers or {}).items())
            return (
                500,
                {},
                json.dumps(
                    {"error": {"message": f"upstream failed for request with headers {seen}"}}
                ).encode(),
            )
        if "FAULT-500" in text:
            return 500, {}, b'{"error": {"message": "fake internal error"}}'
        if "FAULT-TIMEOUT" in text:
            time.sleep(self.slow)
        if "FAULT-JSON" in text:
            return 200, {}, b'{"id": "chatcmpl-broken", "choices": [ {"index": 0, "mess'
        return 200, {}, json.dumps(answer_for(request), ensure_ascii=False).encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    request = json.loads(self.rfile.read(length) or b"{}")
                except json.JSONDecodeError:
                    request = {}
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    status, headers, body = 404, {}, b'{"error": {"message": "not found"}}'
                else:
                    status, headers, body = server._respond(request, dict(self.headers))
                with server._lock:
                    server.by_status[status] += 1
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and hung up: expected for FAULT-TIMEOUT

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


@contextmanager
def fake_server(**kwargs: Any) -> Iterator[FakeServer]:
    server = FakeServer(**kwargs).start()
    try:
        yield server
    finally:
        server.stop()


def engine(
    request_lines: list[dict[str, Any]], fail_ids: set[str] | None = None
) -> list[dict[str, Any]]:
    """A fake batch engine: output lines for request lines, in reverse order (order is not
    guaranteed by real engines), with ``fail_ids`` answered by a per-line error."""
    out = []
    for n, line in enumerate(reversed(request_lines)):
        cid = line["custom_id"]
        if fail_ids and cid in fail_ids:
            out.append(
                {
                    "id": f"batch_req_{n}",
                    "custom_id": cid,
                    "response": None,
                    "error": {"code": "server_error", "message": "engine failed this line"},
                }
            )
            continue
        out.append(
            {
                "id": f"batch_req_{n}",
                "custom_id": cid,
                "error": None,
                "response": {
                    "status_code": 200,
                    "request_id": f"req_{n}",
                    "body": answer_for(line["body"]),
                },
            }
        )
    return out
