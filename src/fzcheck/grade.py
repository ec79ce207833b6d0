"""A report's score and its verdict (whether it is a report at all: fzcheck.genre)."""

from __future__ import annotations

from fzcheck.result import Check, PartResult, Verdict
from fzcheck.rubric import Rubric


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
