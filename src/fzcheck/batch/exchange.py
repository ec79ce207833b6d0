"""OpenAI-Batch request files out, batch engine output files in.

Export writes ``requests-0001.jsonl`` … (``custom_id``, ``method``, ``url``, ``body``; at most
50,000 lines and 200 MB per file, OpenAI's limits, which DashScope Batch, ``vllm run-batch`` and
SGLang accept too) plus ``index.jsonl`` (custom_id → path, for people). Bodies come from the
LLM layer's ``build_request``, so they are exactly what a live call sends.

Import takes the same inputs again: each input's ``custom_id`` is recomputed from its path and
key, so nothing but the output files is needed and a changed file cannot be matched with an
answer about its old text. Output lines are indexed by byte offset (order not assumed, memory
flat) and each answer goes through ``parse_response`` — the validation and quote verification
of a live call (a clean answer — valid, every quote found — also goes into the response cache,
as a live call's would). A line with an error, a non-200 status or an unusable body, and an input with
no line at all, becomes a result whose ``llm.error`` says so: listed at the end, redone by
``--retry-errors`` (export them again with ``--export-requests DIR --retry-errors``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from fzcheck.batch.plan import Item, content_key
from fzcheck.batch.runner import Batch, grade_offline, llm_failure
from fzcheck.errors import UsageError
from fzcheck.pipeline import Graded
from fzcheck.reading.limits import regular_within
from fzcheck.render.i18n import t
from fzcheck.render.jsonfmt import dumps_line

MAX_LINES = 50_000
MAX_BYTES = 200 * 1024 * 1024
MAX_LINE = 16 * 1024 * 1024  # an output line: an answer is kilobytes, a longer one is damage
URL = "/v1/chat/completions"


@dataclass
class ExportStats:
    requests: int = 0
    files: list[Path] = field(default_factory=list)
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)  # path, kind, message


class RequestFiles:
    """Writes request lines, starting a new file before either limit would be passed."""

    def __init__(
        self, directory: Path, max_lines: int = MAX_LINES, max_bytes: int = MAX_BYTES
    ) -> None:
        self.directory, self.max_lines, self.max_bytes = directory, max_lines, max_bytes
        self.files: list[Path] = []
        self._out: IO[bytes] | None = None
        self._lines = self._bytes = 0

    def write(self, line: dict[str, Any]) -> None:
        data = (dumps_line(line) + "\n").encode()
        if len(data) > self.max_bytes:
            raise UsageError(t("batch.request_too_big", size=len(data)))
        if (
            self._out is None
            or self._lines >= self.max_lines
            or self._bytes + len(data) > self.max_bytes
        ):
            self._roll()
        assert self._out is not None
        self._out.write(data)
        self._lines += 1
        self._bytes += len(data)

    def _roll(self) -> None:
        self.close()
        path = self.directory / f"requests-{len(self.files) + 1:04d}.jsonl"
        self._out = path.open("wb")
        self.files.append(path)
        self._lines = self._bytes = 0

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def export_requests(batch: Batch, inputs: list[str], directory: Path) -> ExportStats:
    """Request lines for every input not yet done in the batch's results file."""
    from fzcheck.llm.api import build_request

    settings = batch.options.llm
    if settings is None:
        raise UsageError(t("batch.export_needs_llm"))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(t("batch.cannot_create", path=directory, why=err.strerror)) from None
    stale = sorted(directory.glob("requests-*.jsonl"))
    if stale:
        raise UsageError(t("batch.export_not_empty", path=directory, name=stale[0].name))
    stats = ExportStats()
    files = RequestFiles(directory)
    with (directory / "index.jsonl").open("w", encoding="utf-8") as index:
        for item in batch.plan(inputs, compact=False):
            graded = grade_offline(item.path, batch.options.rubrics, batch.options.max_mb)
            if graded.analysis is None:
                problem = graded.result.error
                kind, message = (problem.kind, problem.message) if problem else ("", "unreadable")
                stats.unreadable.append((item.path, kind, message))
                continue
            if graded.analysis.doc.sha256 != item.content:
                # Changed since planning: the request is about the bytes read now, so its
                # custom_id must be the one an import will compute from them.
                sha = graded.analysis.doc.sha256
                item = Item(item.path, sha, content_key(sha, batch.fingerprint))
            body = build_request(graded.analysis, settings)
            files.write({"custom_id": item.custom_id, "method": "POST", "url": URL, "body": body})
            index.write(dumps_line({"custom_id": item.custom_id, "path": item.path}) + "\n")
            stats.requests += 1
    files.close()
    stats.files = files.files
    return stats


# --- import --------------------------------------------------------------------------------


@dataclass
class OutputIndex:
    """custom_id -> (file, byte offset, length) over engine output files."""

    files: list[Path]
    where: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    unparsable: int = 0
    duplicates: int = 0

    @classmethod
    def build(cls, files: list[Path]) -> OutputIndex:
        index = cls(files)
        for n, path in enumerate(files):
            try:
                if not regular_within(path):
                    raise UsageError(t("batch.not_a_file", path=path))
                f = path.open("rb")
            except OSError as err:
                raise UsageError(t("batch.cannot_read", path=path, why=err.strerror)) from None
            with f:
                offset = 0
                for raw, length in _lines(f):
                    obj = _json_object(raw) if length <= MAX_LINE else None
                    custom_id = obj.get("custom_id") if obj is not None else None
                    if not isinstance(custom_id, str):
                        index.unparsable += int(bool(raw.strip()))
                    elif custom_id in index.where:
                        # A resubmission's answer replaces an earlier error for the same id.
                        index.duplicates += 1
                        if obj is not None and answer_body(obj)[0] is not None:
                            index.where[custom_id] = (n, offset, length)
                    else:
                        index.where[custom_id] = (n, offset, length)
                    offset += length
        return index

    def get(self, custom_id: str) -> dict[str, Any] | None:
        spot = self.where.get(custom_id)
        if spot is None:
            return None
        n, offset, length = spot
        with self.files[n].open("rb") as f:
            f.seek(offset)
            data: dict[str, Any] = json.loads(f.read(length))
        return data


def _lines(f: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """``f``'s lines, each with its whole length, read at most MAX_LINE bytes at a time: a
    longer line (a damaged file's one line of gigabytes) comes as its first piece only, never
    held whole nor parsed."""
    while raw := f.readline(MAX_LINE + 1):
        length = len(raw)
        while length > MAX_LINE and not raw.endswith(b"\n"):
            more = f.readline(MAX_LINE + 1)
            if not more:
                break
            length += len(more)
            raw = raw[:MAX_LINE] + more[-1:]  # its start, and whether the line has ended
        yield raw, length


def _json_object(raw: bytes) -> dict[str, Any] | None:
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def answer_body(line: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(chat.completion body, None) for a successful output line, else (None, why not).

    OpenAI, DashScope and vLLM all write ``{"custom_id", "response": {"status_code", "body"},
    "error"}``; a failed request has ``error`` set, or a non-200 ``status_code`` with the
    error inside ``body``."""
    error = line.get("error")
    if error:
        return None, f"batch engine error: {_error_text(error)}"
    response = line.get("response")
    if not isinstance(response, dict):
        return None, "batch engine returned no response"
    status = response.get("status_code")
    body = response.get("body")
    if status != 200:
        inner = body.get("error") if isinstance(body, dict) else body
        return None, f"batch engine: HTTP {status}: {_error_text(inner)}"
    if isinstance(body, str):  # some engines store the body as a JSON string
        try:
            body = json.loads(body)
        except (json.JSONDecodeError, RecursionError):
            return None, "batch engine returned a body that is not JSON"
    if not isinstance(body, dict):
        return None, "batch engine returned a body that is not a JSON object"
    return body, None


def _error_text(error: Any) -> str:
    """An engine's error, redacted: it is copied into llm.error."""
    from fzcheck.redact import redact

    if isinstance(error, dict):
        code = error.get("code") or error.get("type")
        message = error.get("message") or json.dumps(error, ensure_ascii=False)[:200]
        return redact(f"{code}: {message}" if code else str(message))
    return redact(str(error)[:200])


def import_grader(batch: Batch, index: OutputIndex) -> Callable[[Item], Graded]:
    """Grade one input from the imported answers, as a live call would have."""
    from fzcheck.llm.api import build_request, judge, parse_response

    settings = batch.options.llm
    assert settings is not None

    def grade(item: Item) -> Graded:
        graded = grade_offline(item.path, batch.options.rubrics, batch.options.max_mb)
        if graded.analysis is None:
            return graded
        if graded.analysis.doc.sha256 != item.content:
            # Changed since it was planned: the answer found by custom_id is about other text.
            graded.result.llm = llm_failure(
                settings, "the file changed while the batch ran; export it again"
            )
            return graded
        line = index.get(item.custom_id)
        if line is None:
            graded.result.llm = llm_failure(
                settings,
                "no answer for this report in the imported "
                "files (export it again with --retry-errors)",
            )
            return graded
        body, why = answer_body(line)
        if body is None:
            graded.result.llm = llm_failure(settings, why or "no answer")
            return graded
        info = parse_response(body, graded.analysis, settings)
        cache = batch.options.cache
        if cache is not None and info.error is None and info.unverified == 0:
            # A clean answer is as good as a live one: cache it under the live request's key,
            # so a later live batch over the same file does not pay for it again.
            request = build_request(graded.analysis, settings)
            cache.put(
                cache.key(request), {"body": body, "usage": info.usage.model_dump(mode="json")}
            )
        verdict = judge(graded.analysis, info)
        graded.apply_llm(verdict.info, verdict.upgrades)
        return graded

    return grade


def import_results(batch: Batch, inputs: list[str], files: list[Path]) -> OutputIndex:
    if batch.options.llm is None:
        raise UsageError(t("batch.import_needs_llm"))
    index = OutputIndex.build(files)
    batch.run(inputs, grader=import_grader(batch, index))
    return index
