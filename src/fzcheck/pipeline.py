"""One input in, one Result out. Input errors become error results here, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass

from fzcheck.checks import Context, plan_years, run_document_checks, run_part_checks
from fzcheck.document import Document
from fzcheck.errors import InputError
from fzcheck.facts import read_facts
from fzcheck.genre import genre_score
from fzcheck.grade import score, verdict
from fzcheck.outline import Outline, build_outline
from fzcheck.parts import Found, find_parts
from fzcheck.reading import DEFAULT_MAX_MB, load
from fzcheck.result import DocumentInfo, Evidence, PartResult, Result, RubricRef, error_result
from fzcheck.rubric import Rubric


def analyse(doc: Document, rubric: Rubric) -> tuple[Result, Outline]:
    facts = read_facts(doc)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    year, year_source = facts.report_year, facts.report_year_source
    found = find_parts(doc, outline, rubric, year)
    if year_source in (None, "signed"):
        # no year in the title or the opening: the plan's year says which year came before it
        planned = _plan_year(doc, _plan(found))
        if planned is not None:
            year, year_source = planned - 1, "plan"
            found = find_parts(doc, outline, rubric, year)
    ctx = Context(doc=doc, report_year=year, title=facts.title_analysis, published_on=doc.published_on,
                  rubric=rubric, signed_on=facts.signed_on)
    parts = [PartResult(id=f.part.id, required=f.part.required, status=f.status,  # type: ignore[arg-type]
                        heading=(doc.quote(f.heading.line, f.heading.start, f.heading.end)
                                 if f.heading else None),
                        line=None if f.line is None else f.line + 1,
                        evidence=[_locate(doc, ev) for ev in f.evidence],
                        checks=run_part_checks(f, ctx), span=f.span,
                        sections=f.section_spans, note=f.note) for f in found]
    plan = _plan(found)
    genre = genre_score(doc, facts.title_analysis, parts, rubric,
                        [h.text for h in outline.headings])
    doc_checks = [genre.check, *run_document_checks(rubric, ctx)]
    info = DocumentInfo(
        title=facts.title, addressee=facts.addressee, issuer=facts.issuer, report_year=year,
        signed_on=facts.signed_on.isoformat() if facts.signed_on else None,
        published_on=doc.published_on.isoformat() if doc.published_on else None,
        format=doc.format, encoding=doc.encoding, script=doc.script, chars=doc.chars,
        is_report=genre.passed, plan_year=_plan_year(doc, plan), report_year_source=year_source,
        genre_score=genre.score, resegmented=doc.resegmented)
    v = verdict(genre.passed, parts)
    result = Result(path=doc.source, sha256=doc.sha256, ok=True, document=info,
                    rubric=RubricRef(id=rubric.id, version=rubric.version), parts=parts,
                    checks=doc_checks, score=score(parts, doc_checks, rubric) if genre.passed else 0,
                    verdict=v)
    return result, outline


def _plan(found: list[Found]) -> Found | None:
    return next((f for f in found if f.part.id == "next_year_plan" and f.line is not None), None)


def _locate(doc: Document, ev: Evidence) -> Evidence:
    """Where a quote from re-segmented text starts in the text as read."""
    if not doc.resegmented or not 0 < ev.line <= len(doc.lines):
        return ev
    column = max(doc.lines[ev.line - 1].find(ev.quote), 0)
    line, col = doc.source_position(ev.line - 1, column)
    return ev.model_copy(update={"source_line": line + 1, "source_column": col})


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
