"""The JSON contract (schema_version 1). Every output format renders from ``Result.to_json()``.

Fields beyond the issue's contract are additions, never changes: ``checks`` (document-level
checks), ``parts[].span`` and ``parts[].note``, ``outline`` (only with ``--outline``), ``llm``
(always emitted: null offline, an :class:`LLMInfo` with ``--llm``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Status = Literal["present", "embedded", "missing"]
Verdict = Literal["complete", "incomplete", "not_a_report", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorInfo(_Model):
    kind: str
    message: str


class Evidence(_Model):
    """A verbatim quote from the original text and its 1-based line. When run-on text was
    re-segmented (``document.resegmented``), ``line`` is a line as fzcheck shows it and
    ``source_line``/``source_column`` (1-based line, 0-based character offset) say where the
    quote starts in the text as read; both are left out otherwise."""

    quote: str
    line: int
    source_line: int | None = None
    source_column: int | None = None


class Check(_Model):
    id: str
    passed: bool
    message: str


class Span(_Model):
    """1-based, inclusive line range a part covers."""

    start_line: int
    end_line: int


class PartResult(_Model):
    id: str
    name: str | None = None  # the rubric's name and short label for the part: results read
    label: str | None = None  # back from JSON render without their rubric at hand
    required: bool
    status: Status
    heading: str | None = None
    line: int | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    span: Span | None = None  # first to last covered line
    sections: list[Span] = Field(default_factory=list)  # each covering section or sentence
    note: str | None = None


class DocumentInfo(_Model):
    title: str | None = None
    addressee: str | None = None
    issuer: str | None = None
    report_year: int | None = None
    signed_on: str | None = None
    published_on: str | None = None
    format: Literal["txt", "html", "docx", "pdf"] | None = None
    encoding: str | None = None
    script: Literal["simplified", "traditional"] | None = None
    chars: int = 0
    is_report: bool = False
    plan_year: int | None = None
    report_year_source: Literal["title", "body", "plan", "signed"] | None = None
    genre_score: float | None = None  # the weighted genre signs (fzcheck.analysis.genre)
    resegmented: bool = False  # run-on text was cut at its inline headings


class RubricRef(_Model):
    id: str
    version: str
    # how the rubric was chosen: "flag" (--rubric) or "auto" (report-type detection), and why
    selected_by: Literal["flag", "auto"] | None = None
    reason: str | None = None


class LLMUsage(_Model):
    """Tokens for one report, summed over every attempt (re-asks and retries included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    calls: int = 0  # HTTP requests that returned a completion
    reasks: int = 0  # of those, how many were re-asks after a rejected answer
    cached: bool = False  # answered from the response cache: the figures are the original cost
    per_call: list[int] = Field(default_factory=list)  # prompt tokens of each call, in order
    split: int = 0  # calls the report was split into (0: asked whole)


class LLMInfo(_Model):
    """What the LLM layer added. ``parts``/``flags``/``disagreements`` are plain dicts whose
    shape fzcheck.llm.merge documents; every quote in them carries ``verified`` and ``line``."""

    model: str
    endpoint_host: str
    mode: str
    prompt_hash: str
    schema_hash: str
    usage: LLMUsage = Field(default_factory=LLMUsage)
    summary: str | None = None
    summary_by: str | None = None  # "model", or "code" when the model's was rejected or absent
    summary_rejected: str | None = None  # why the model's summary was replaced (Chinese)
    parts: list[dict[str, Any]] = Field(default_factory=list)
    flags: list[dict[str, Any]] = Field(default_factory=list)
    unverified: int = 0
    disagreements: list[dict[str, Any]] = Field(default_factory=list)
    rejections: list[str] = Field(default_factory=list)  # why each rejected answer was re-asked
    error: str | None = None


class Result(_Model):
    schema_version: int = SCHEMA_VERSION
    path: str
    sha256: str | None = None
    ok: bool
    error: ErrorInfo | None = None
    document: DocumentInfo | None = None
    rubric: RubricRef | None = None
    parts: list[PartResult] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    score: float = 0
    verdict: Verdict
    outline: list[dict[str, Any]] | None = None
    llm: LLMInfo | None = None

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        if data["outline"] is None:
            del data["outline"]
        for part in data["parts"]:
            for ev in part["evidence"]:
                if ev["source_line"] is None:
                    del ev["source_line"], ev["source_column"]
        return data


def error_result(path: str, kind: str, message: str, sha256: str | None = None,
                 rubric: RubricRef | None = None) -> Result:
    return Result(path=path, sha256=sha256, ok=False, error=ErrorInfo(kind=kind, message=message),
                  rubric=rubric, verdict="error", score=0)
