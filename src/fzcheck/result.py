"""The JSON contract (schema_version 1). Every output format renders from ``Result.to_json()``.

Fields beyond the issue's contract are additions, never changes: ``checks`` (document-level
checks), ``parts[].span`` and ``parts[].note``, ``outline`` (only with ``--outline``), ``llm``
(always emitted: null offline, an :class:`LLMInfo` with ``--llm``), ``checks[].name``,
``score_breakdown`` and ``review`` (only when a reviewer decided something).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, with_config

SCHEMA_VERSION = 1

Status = Literal["present", "embedded", "missing"]
Verdict = Literal["complete", "incomplete", "not_a_report", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# The objects every report makes (its parts, checks, evidence, facts and result) are plain
# dataclasses: built and turned into JSON in a fraction of a validated model's time. JSON read
# back is validated against the same classes (:func:`result_from_json`, extra keys refused).
_FORBID = with_config(ConfigDict(extra="forbid"))


def _float(value: float | None) -> float | None:
    """A float field as JSON: 0 written 0.0, as the validated model wrote it."""
    return None if value is None else float(value)


@_FORBID
@dataclass(slots=True, kw_only=True)
class ErrorInfo:
    kind: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message}


@_FORBID
@dataclass(slots=True, kw_only=True)
class Evidence:
    """A verbatim quote from the original text and its 1-based line. When run-on text was
    re-segmented (``document.resegmented``), ``line`` is a line as fzcheck shows it and
    ``source_line``/``source_column`` (1-based line, 0-based character offset) say where the
    quote starts in the text as read; both are left out otherwise."""

    quote: str
    line: int
    source_line: int | None = None
    source_column: int | None = None

    def to_json(self) -> dict[str, Any]:
        if self.source_line is None:
            return {"quote": self.quote, "line": self.line}
        return {
            "quote": self.quote,
            "line": self.line,
            "source_line": self.source_line,
            "source_column": self.source_column,
        }


@_FORBID
@dataclass(slots=True, kw_only=True)
class Check:
    id: str
    passed: bool
    message: str
    name: str | None = None  # the rubric's description of the check: its name for reviewers

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "passed": self.passed, "message": self.message, "name": self.name}


@_FORBID
@dataclass(slots=True, kw_only=True, frozen=True)
class Span:
    """1-based, inclusive line range a part covers. Frozen: one is shared by every part and
    result that covers the same lines."""

    start_line: int
    end_line: int

    def to_json(self) -> dict[str, Any]:
        return {"start_line": self.start_line, "end_line": self.end_line}


@_FORBID
@dataclass(slots=True, kw_only=True)
class PartResult:
    id: str
    name: str | None = None  # the rubric's name and short label for the part: results read
    label: str | None = None  # back from JSON render without their rubric at hand
    required: bool
    status: Status
    heading: str | None = None
    line: int | None = None
    evidence: list[Evidence] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    span: Span | None = None  # first to last covered line
    sections: list[Span] = field(default_factory=list)  # each covering section or sentence
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "required": self.required,
            "status": self.status,
            "heading": self.heading,
            "line": self.line,
            "evidence": [e.to_json() for e in self.evidence],
            "checks": [c.to_json() for c in self.checks],
            "span": None if self.span is None else self.span.to_json(),
            "sections": [s.to_json() for s in self.sections],
            "note": self.note,
        }


@_FORBID
@dataclass(slots=True, kw_only=True, frozen=True)
class ScoreItem:
    """One line of how a score was reached: a part's points (weight × credit, scaled) or a
    deduction (negative) with its reason. ``part`` is a part id or ``document``; ``check`` is
    the check id of a deduction. Frozen: a part's line is shared by every result with it."""

    part: str
    label: str
    points: float
    reason: str
    check: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "label": self.label,
            "points": float(self.points),
            "reason": self.reason,
            "check": self.check,
        }


class Decision(_Model):
    """A reviewer's decision on one part status or check, keyed to the input and rubric."""

    sha256: str
    rubric: str
    rubric_version: str
    target: Literal["part", "check"]
    id: str  # a part id, or a check as part.check / document.check
    set: str  # present|embedded|missing, or pass|fail
    machine: str | None = None  # what the machine said when the decision was made
    accept: bool = False  # the reviewer confirmed the machine's status
    note: str | None = None
    path: str | None = None
    at: str | None = None  # ISO time
    by: str | None = None  # cli | html
    seal: str | None = None  # the desk's HMAC of the fields above (grading.seal)

    @field_validator("note")
    @classmethod
    def _note_kept_short(cls, note: str | None) -> str | None:
        """A note as long as a reviewer writes one: a page export's or a file's 20 million
        characters made every listing of it run for minutes in gigabytes."""
        return note if note is None or len(note) <= NOTE_MAX else note[:NOTE_MAX] + "…"


NOTE_MAX = 2000  # characters of a reviewer's note kept


class ReviewedCheck(_Model):
    """A check of a part the machine found missing and its reviewer found: the machine never
    ran it, the reviewer decided it."""

    part: str
    id: str
    passed: bool
    message: str
    name: str | None = None


class Review(_Model):
    """The reviewer's verdict: the machine result with the decisions applied, graded again."""

    decisions: list[Decision]
    verdict: Verdict
    score: float
    score_breakdown: list[ScoreItem] = Field(default_factory=list)
    parts: dict[str, Status] = Field(default_factory=dict)  # part id -> reviewed status
    checks: dict[str, bool] = Field(default_factory=dict)  # part.check -> reviewed pass
    # checks of a part found on review only: those decided (scored as decided), and the rest,
    # part.check -> name, which nobody checked (no deduction; the views say 未核对)
    added: list[ReviewedCheck] = Field(default_factory=list)
    unchecked: dict[str, str] = Field(default_factory=dict)


@_FORBID
@dataclass(slots=True, kw_only=True)
class DocumentInfo:
    title: str | None = None
    addressee: str | None = None
    issuer: str | None = None
    report_year: int | None = None
    signed_on: str | None = None
    # YYYY-MM when the signature gives the month alone (2026年3月): no day is made up
    signed_month: str | None = None
    published_on: str | None = None
    format: Literal["txt", "html", "docx", "pdf", "doc", "rtf", "ofd"] | None = None
    encoding: str | None = None
    script: Literal["simplified", "traditional"] | None = None
    chars: int = 0
    is_report: bool = False
    plan_year: int | None = None
    report_year_source: Literal["title", "body", "plan", "signed"] | None = None
    genre_score: float | None = None  # the weighted genre signs (fzcheck.analysis.genre)
    resegmented: bool = False
    ocr: bool = False  # the text was recognised from page images (a scanned PDF)
    unreadable_chars: int = 0  # characters that could not be decoded, shown as U+FFFD

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "addressee": self.addressee,
            "issuer": self.issuer,
            "report_year": self.report_year,
            "signed_on": self.signed_on,
            "signed_month": self.signed_month,
            "published_on": self.published_on,
            "format": self.format,
            "encoding": self.encoding,
            "script": self.script,
            "chars": self.chars,
            "is_report": self.is_report,
            "plan_year": self.plan_year,
            "report_year_source": self.report_year_source,
            "genre_score": _float(self.genre_score),
            "resegmented": self.resegmented,
            "ocr": self.ocr,
            "unreadable_chars": self.unreadable_chars,
        }


class TableCell(_Model):
    """One value as printed; ``value`` is null for a blank cell (blank is not zero). ``line`` is
    1-based, ``start``/``end`` the characters of the value in that line."""

    row: str
    col: str
    value: float | None
    text: str
    line: int
    start: int
    end: int


class TableCheck(_Model):
    """One instance of a table identity: ``passed`` is null when it could not be checked
    (a blank or unread cell); ``left``/``right`` are the two sums."""

    table: str
    identity: str
    name: str
    where: str
    passed: bool | None
    left: float | None = None
    right: float | None = None
    cells: list[dict[str, str]] = Field(default_factory=list)
    lines: list[int] = Field(default_factory=list)
    message: str


class TableResult(_Model):
    id: str
    name: str
    status: Literal["read", "unreadable", "absent"]
    reason: str | None = None
    columns: list[dict[str, str]] = Field(default_factory=list)
    rows: list[dict[str, Any]] = Field(default_factory=list)
    cells: list[TableCell] = Field(default_factory=list)
    checks: list[TableCheck] = Field(default_factory=list)


@_FORBID
@dataclass(slots=True, kw_only=True)
class RubricRef:
    id: str
    version: str
    # the graded-with rubric's content hash (Rubric.digest): an edited copy keeping the id and
    # version is another rubric to the views. None in results written before it was recorded
    digest: str | None = None
    # how the rubric was chosen: "flag" (--rubric) or "auto" (report-type detection), and why
    selected_by: Literal["flag", "auto"] | None = None
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "version": self.version,
            "digest": self.digest,
            "selected_by": self.selected_by,
            "reason": self.reason,
        }


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


@_FORBID
@dataclass(slots=True, kw_only=True)
class Result:
    schema_version: int = SCHEMA_VERSION
    path: str
    sha256: str | None = None
    ok: bool
    error: ErrorInfo | None = None
    document: DocumentInfo | None = None
    rubric: RubricRef | None = None
    parts: list[PartResult] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    score: float = 0
    verdict: Verdict
    score_breakdown: list[ScoreItem] = field(default_factory=list)
    review: Review | None = None  # only when a reviewer decided something on this input
    outline: list[dict[str, Any]] | None = None
    tables: list[TableResult] = field(default_factory=list)  # report types with tables only
    llm: LLMInfo | None = None

    def to_json(self) -> dict[str, Any]:
        """The canonical JSON: ``outline``, ``review`` and ``tables`` only when there are any,
        an evidence's ``source_line``/``source_column`` only when the text was re-segmented."""
        data: dict[str, Any] = {
            "schema_version": self.schema_version,
            "path": self.path,
            "sha256": self.sha256,
            "ok": self.ok,
            "error": None if self.error is None else self.error.to_json(),
            "document": None if self.document is None else self.document.to_json(),
            "rubric": None if self.rubric is None else self.rubric.to_json(),
            "parts": [p.to_json() for p in self.parts],
            "checks": [c.to_json() for c in self.checks],
            "score": float(self.score),
            "verdict": self.verdict,
            "score_breakdown": [i.to_json() for i in self.score_breakdown],
        }
        if self.review is not None:
            data["review"] = self.review.model_dump(mode="json")
        if self.outline is not None:
            data["outline"] = copy.deepcopy(self.outline)
        if self.tables:
            data["tables"] = [t.model_dump(mode="json") for t in self.tables]
        data["llm"] = None if self.llm is None else self.llm.model_dump(mode="json")
        return data


@lru_cache(maxsize=1)  # built on first use: the validator takes a while to build
def _result_adapter() -> TypeAdapter[Result]:
    return TypeAdapter(Result)


def result_from_json(data: Any) -> Result:
    """A result read back from its JSON, validated (a key the contract does not have is
    refused: :class:`pydantic.ValidationError`)."""
    return _result_adapter().validate_python(data)


def field_names(cls: type) -> tuple[str, ...]:
    """The JSON keys of a result class, in order."""
    return tuple(f.name for f in fields(cls))


def error_result(
    path: str, kind: str, message: str, sha256: str | None = None, rubric: RubricRef | None = None
) -> Result:
    return Result(
        path=path,
        sha256=sha256,
        ok=False,
        error=ErrorInfo(kind=kind, message=message),
        rubric=rubric,
        verdict="error",
        score=0,
    )
