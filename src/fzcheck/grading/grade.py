"""Is it a report at all, its score, and its verdict."""

from __future__ import annotations

import re

from fzcheck.document import Document
from fzcheck.result import Check, PartResult, Verdict
from fzcheck.rubric import Rubric


def report_genre(doc: Document, title: str | None, parts: list[PartResult],
                 rubric: Rubric) -> Check:
    """Whether this is a 法治政府建设 annual report, not a work plan, rules or unrelated text."""
    g = rubric.report_genre
    text = "\n".join(doc.analysis)
    mentions = len(re.findall(g.subject, text))
    if mentions < g.min_subject_mentions:
        return Check(id="is_report", passed=False, message=(
            f"不是法治政府建设报告：全文只提及“法治政府/法治建设/依法行政”{mentions}次"))
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
        return Check(id="is_report", passed=True, message="是法治政府建设年度报告")
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
