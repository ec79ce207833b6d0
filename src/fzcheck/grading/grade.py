"""Is it a report at all, its score, and its verdict: the one place a result is graded,
whether from the offline analysis alone or with the LLM layer's checked proposals."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fzcheck.document import Document
from fzcheck.result import Check, Evidence, PartResult, Result, RubricRef, Verdict
from fzcheck.rubric.model import Rubric

if TYPE_CHECKING:
    from fzcheck.analysis.analyse import Analysis


def report_genre(doc: Document, title: str | None, parts: list[PartResult],
                 rubric: Rubric) -> Check:
    """Whether this is an annual report of the rubric's type, not a work plan, rules or
    unrelated text."""
    g = rubric.report_genre
    text = "\n".join(doc.analysis)
    mentions = len(re.findall(g.subject, text))
    if mentions < g.min_subject_mentions:
        words = "/".join(g.subject.split("|")[:3])
        return Check(id="is_report", passed=False, message=(
            f"不是{g.subject_name}报告：全文只提及“{words}”{mentions}次"))
    if title is not None:
        bad = re.search(rf"(?:{g.not_report_titles})$", title.strip())
        if bad and not re.search(g.report_words, title[: bad.start()] + title[bad.end():]):
            return Check(id="is_report", passed=False,
                         message=f"标题表明这是{bad.group(0)}，不是年度报告")
    required = [p for p in parts if p.required]
    found = sum(p.status == "present" for p in required)
    titled = title is not None and re.search(g.report_words, title)
    phrased = re.search(g.report_phrases, text[:3000])
    if titled or phrased or found >= 2:
        return Check(id="is_report", passed=True, message=f"是{rubric.title}")
    return Check(id="is_report", passed=False, message=(
        f"没有报告标题或“报告如下”，且只找到{found}个必备部分：不是年度报告"))


def score(parts: list[PartResult], doc_checks: list[Check], rubric: Rubric) -> float:
    earned = 0.0
    for part in parts:
        spec = rubric.part(part.id)
        if spec is None or not part.required:
            continue
        credit = {"present": 1.0, "embedded": rubric.embedded_credit}.get(part.status, 0.0)
        earned += spec.weight * credit
        penalties = {c.id: c.penalty for c in spec.checks}
        earned -= sum(penalties.get(c.id, 0) for c in part.checks if not c.passed) * credit
    scale = 100 / rubric.total_weight
    doc_pen = {c.id: c.penalty for c in rubric.document_checks}
    total = earned * scale - sum(doc_pen.get(c.id, 0) for c in doc_checks if not c.passed)
    return round(min(100.0, max(0.0, total)), 1)


def verdict(is_report: bool, parts: list[PartResult]) -> Verdict:
    if not is_report:
        return "not_a_report"
    if any(p.required and p.status == "missing" for p in parts):
        return "incomplete"
    return "complete"


@dataclass(frozen=True)
class Upgrade:
    """A change to a part's status that code has checked (today: an LLM finding whose quote
    is verbatim, in the right place and on topic turns ``missing`` into ``embedded``)."""

    part: str
    evidence: Evidence
    note: str


def grade(analysis: Analysis, upgrades: Iterable[Upgrade] = (),
          selection: RubricRef | None = None) -> Result:
    """The result for an analysis, with ``upgrades`` applied. Only a missing part can be
    upgraded, and only to embedded: nothing else a model says changes a status."""
    parts = [p.model_copy(deep=True) for p in analysis.parts]
    by_id = {p.id: p for p in parts}
    for up in upgrades:
        part = by_id.get(up.part)
        if part is None or part.status != "missing":
            continue
        part.status = "embedded"
        part.line = up.evidence.line
        part.evidence.append(up.evidence)
        part.note = up.note
    rubric = analysis.rubric
    ok = analysis.is_report
    ref = selection or RubricRef(id=rubric.id, version=rubric.version)
    return Result(path=analysis.doc.source, sha256=analysis.doc.sha256, ok=True,
                  document=analysis.info.model_copy(), rubric=ref, parts=parts,
                  checks=list(analysis.checks), tables=list(analysis.tables),
                  score=score(parts, analysis.checks, rubric) if ok else 0,
                  verdict=verdict(ok, parts))
