"""One document under one rubric: its facts, outline, parts and checks. No scoring: that is
grading's, so that the LLM layer's checked proposals are applied in one place."""

from __future__ import annotations

from dataclasses import dataclass

from fzcheck.analysis.checks import Context, plan_years, run_document_checks, run_part_checks
from fzcheck.analysis.facts import Facts, read_facts
from fzcheck.analysis.outline import Outline, build_outline
from fzcheck.analysis.parts import Found, find_parts
from fzcheck.document import Document
from fzcheck.grading.grade import report_genre
from fzcheck.result import Check, DocumentInfo, PartResult
from fzcheck.rubric.model import Rubric


@dataclass
class Analysis:
    """Everything the offline pass found in one document under one rubric."""

    doc: Document
    rubric: Rubric
    facts: Facts
    outline: Outline
    found: list[Found]
    parts: list[PartResult]
    checks: list[Check]  # document-level, the genre check first
    info: DocumentInfo

    @property
    def is_report(self) -> bool:
        return self.info.is_report


def analyse(doc: Document, rubric: Rubric) -> Analysis:
    facts = read_facts(doc)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    year = facts.report_year
    ctx = Context(doc=doc, report_year=year, rubric=rubric, title=facts.title_analysis,
                  published_on=doc.published_on)
    found = find_parts(doc, outline, rubric, year)
    parts = [PartResult(id=f.part.id, name=f.part.name, label=f.part.label,
                        required=f.part.required, status=f.status,
                        heading=(doc.quote(f.heading.line, f.heading.start, f.heading.end)
                                 if f.heading else None),
                        line=None if f.line is None else f.line + 1, evidence=f.evidence,
                        checks=run_part_checks(f, ctx), span=f.span,
                        sections=f.section_spans, note=f.note) for f in found]
    genre = report_genre(doc, facts.title_analysis, parts, rubric)
    plan = next((f for f in found if f.part.plan and f.line is not None), None)
    info = DocumentInfo(
        title=facts.title, addressee=facts.addressee, issuer=facts.issuer, report_year=year,
        signed_on=facts.signed_on.isoformat() if facts.signed_on else None,
        published_on=doc.published_on.isoformat() if doc.published_on else None,
        format=doc.format, encoding=doc.encoding, script=doc.script, chars=doc.chars,
        is_report=genre.passed, plan_year=_plan_year(doc, plan))
    return Analysis(doc=doc, rubric=rubric, facts=facts, outline=outline, found=found,
                    parts=parts, checks=[genre, *run_document_checks(ctx)], info=info)


def _plan_year(doc: Document, plan: Found | None) -> int | None:
    years = plan_years(doc, plan)[0] if plan is not None else []
    return years[0] if years else None
