"""One input in, one Result out. Input errors become error results here, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass

from fzcheck.analysis.checks import Context, plan_years, run_document_checks, run_part_checks
from fzcheck.document import Document
from fzcheck.errors import InputError
from fzcheck.analysis.facts import read_facts
from fzcheck.grading.grade import report_genre, score, verdict
from fzcheck.analysis.outline import Outline, build_outline
from fzcheck.analysis.parts import Found, find_parts
from fzcheck.reading import DEFAULT_MAX_MB, load
from fzcheck.result import DocumentInfo, PartResult, Result, RubricRef, error_result
from fzcheck.rubric import Rubric


def analyse(doc: Document, rubric: Rubric) -> tuple[Result, Outline]:
    facts = read_facts(doc)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    year = facts.report_year
    ctx = Context(doc=doc, report_year=year, title=facts.title_analysis, published_on=doc.published_on,
                  rubric=rubric)
    found = find_parts(doc, outline, rubric, year)
    parts = [PartResult(id=f.part.id, required=f.part.required, status=f.status,  # type: ignore[arg-type]
                        heading=(doc.quote(f.heading.line, f.heading.start, f.heading.end)
                                 if f.heading else None),
                        line=None if f.line is None else f.line + 1, evidence=f.evidence,
                        checks=run_part_checks(f, ctx), span=f.span,
                        sections=f.section_spans, note=f.note) for f in found]
    plan = next((f for f in found if f.part.id == "next_year_plan" and f.line is not None), None)
    genre = report_genre(doc, facts.title_analysis, parts, rubric)
    doc_checks = [genre, *run_document_checks(rubric, ctx)]
    info = DocumentInfo(
        title=facts.title, addressee=facts.addressee, issuer=facts.issuer, report_year=year,
        signed_on=facts.signed_on.isoformat() if facts.signed_on else None,
        published_on=doc.published_on.isoformat() if doc.published_on else None,
        format=doc.format, encoding=doc.encoding, script=doc.script, chars=doc.chars,
        is_report=genre.passed, plan_year=_plan_year(doc, plan))
    v = verdict(genre.passed, parts)
    result = Result(path=doc.source, sha256=doc.sha256, ok=True, document=info,
                    rubric=RubricRef(id=rubric.id, version=rubric.version), parts=parts,
                    checks=doc_checks, score=score(parts, doc_checks, rubric) if genre.passed else 0,
                    verdict=v)
    return result, outline


def _plan_year(doc: Document, plan: Found | None) -> int | None:
    years = plan_years(doc, plan)[0] if plan is not None else []
    return years[0] if years else None


@dataclass
class Checked:
    """One input's result, with the document and outline when it could be read."""

    result: Result
    doc: Document | None = None
    outline: Outline | None = None


def check_source(source: str, rubric: Rubric, max_mb: float = DEFAULT_MAX_MB) -> Checked:
    """Check one input. Unreadable input, and a bug met on one input, come back as a Result with
    ``error`` set, so that a run over many files always finishes."""
    ref = RubricRef(id=rubric.id, version=rubric.version)
    try:
        doc = load(source, max_mb=max_mb)
    except InputError as err:
        return Checked(error_result(source, err.kind, str(err), sha256=err.sha256, rubric=ref))
    try:
        result, outline = analyse(doc, rubric)
    except Exception as err:  # noqa: BLE001 - reported as this input's result, not a crash
        message = (f"internal error ({type(err).__name__}: {err}); please report it with this file")
        return Checked(error_result(source, "internal", message.splitlines()[0],
                                    sha256=doc.sha256, rubric=ref), doc)
    return Checked(result, doc, outline)


def check_path(source: str, rubric: Rubric, max_mb: float = DEFAULT_MAX_MB,
               with_outline: bool = False) -> Result:
    checked = check_source(source, rubric, max_mb)
    if with_outline and checked.doc is not None and checked.outline is not None:
        checked.result.outline = checked.outline.to_json(checked.doc)
    return checked.result
