"""The JSON contract (schema_version 1). Every output format renders from ``Result.to_json()``.

Fields beyond the issue's contract are additions, never changes: ``checks`` (document-level
checks), ``parts[].span`` and ``parts[].note``, ``outline`` (only with ``--outline``), ``llm``
(always emitted: null offline, an :class:`LLMInfo` with ``--llm``), ``checks[].name``,
``score_breakdown`` and ``review`` (only when a reviewer decided something).
"""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Status = Literal["present", "embedded", "missing"]
Verdict = Literal["complete", "incomplete", "not_a_report", "error"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def make(cls, **fields: Any) -> Self:
        """``cls(**fields)``, validated the same, built in one call: ``__init__`` has pydantic
        validate into an instance made beforehand, which costs more (a third more for a small
        model). For the objects every report makes."""
        return cls.__pydantic_validator__.validate_python(fields)  # type: ignore[no-any-return]


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
    name: str | None = None  # the rubric's description of the check: its name for reviewers


class Span(_Model):
    """1-based, inclusive line range a part covers. Frozen: one is shared by every part and
    result that covers the same lines."""

    model_config = ConfigDict(extra="forbid", frozen=True)

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


class ScoreItem(_Model):
    """One line of how a score was reached: a part's points (weight × credit, scaled) or a
    deduction (negative) with its reason. ``part`` is a part id or ``document``; ``check`` is
    the check id of a deduction. Frozen: a part's line is shared by every result with it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    part: str
    label: str
    points: float
    reason: str
    check: str | None = None


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


class Review(_Model):
    """The reviewer's verdict: the machine result with the decisions applied, graded again."""

    decisions: list[Decision]
    verdict: Verdict
    score: float
    score_breakdown: list[ScoreItem] = Field(default_factory=list)
    parts: dict[str, Status] = Field(default_factory=dict)  # part id -> reviewed status
    checks: dict[str, bool] = Field(default_factory=dict)  # part.check -> reviewed pass


class DocumentInfo(_Model):
    title: str | None = None
    addressee: str | None = None
    issuer: str | None = None
    report_year: int | None = None
    signed_on: str | None = None
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
    score_breakdown: list[ScoreItem] = Field(default_factory=list)
    review: Review | None = None  # only when a reviewer decided something on this input
    outline: list[dict[str, Any]] | None = None
    tables: list[TableResult] = Field(default_factory=list)  # report types with tables only
    llm: LLMInfo | None = None

    def to_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        if data["outline"] is None:
            del data["outline"]
        if data["review"] is None:
            del data["review"]
        if not data["tables"]:
            del data["tables"]
        for part in data["parts"]:
            for ev in part["evidence"]:
                if ev["source_line"] is None:
                    del ev["source_line"], ev["source_column"]
        return data


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
