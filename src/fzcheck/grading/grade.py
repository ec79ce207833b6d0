"""Is it a report at all, its score, and its verdict: the one place a result is graded,
whether from the offline analysis alone or with the LLM layer's checked proposals."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from fzcheck.render import check_message
from fzcheck.render.i18n import lang, t
from fzcheck.render.i18n import status as status_word
from fzcheck.result import (
    Check,
    Decision,
    Evidence,
    PartResult,
    Result,
    Review,
    ReviewedCheck,
    RubricRef,
    ScoreItem,
    Verdict,
)
from fzcheck.rubric.model import Rubric

if TYPE_CHECKING:
    from fzcheck.analysis.analyse import Analysis


def score(parts: list[PartResult], doc_checks: list[Check], rubric: Rubric) -> float:
    return total(breakdown(parts, doc_checks, rubric))


def breakdown(parts: list[PartResult], doc_checks: list[Check], rubric: Rubric) -> list[ScoreItem]:
    """How the score is reached, item by item: each required part's points (weight × credit,
    scaled to 100) and each failed check's deduction (scaled by the part's credit)."""
    scale = 100 / rubric.total_weight
    items: list[ScoreItem] = []
    for part in parts:
        spec = rubric.part(part.id)
        if spec is None or not part.required:
            continue
        credit = {"present": 1.0, "embedded": rubric.embedded_credit}.get(part.status, 0.0)
        items.append(
            _part_item(part.id, spec.label, part.status, spec.weight, credit, scale, lang())
        )
        for c in part.checks:
            cs = spec.checks_by_id.get(c.id) if not c.passed and credit else None
            if cs is not None and cs.penalty:
                items.append(
                    ScoreItem(
                        part=part.id,
                        label=spec.label,
                        check=c.id,
                        points=-round(cs.penalty * credit * scale, 2),
                        reason=_deduction(cs.description, c),
                    )
                )
    for c in doc_checks:
        ds = rubric.document_checks_by_id.get(c.id) if not c.passed else None
        if ds is not None and ds.penalty:
            items.append(
                ScoreItem(
                    part="document",
                    label=rubric.title,
                    check=c.id,
                    points=-ds.penalty,
                    reason=_deduction(ds.description, c),
                )
            )
    return items


def _deduction(name: str, check: Check) -> str:
    """A deduction's reason: 扣分：the check's name（what its message adds）, the name said once
    (a message may open with it: 未做到“分析了不足的原因”：…), as every view words a check."""
    said = check_message(
        {"id": check.id, "passed": check.passed, "name": name, "message": check.message}
    )
    return (
        t("breakdown.check", name=name, message=said)
        if said
        else t("breakdown.check_only", name=name)
    )


@lru_cache(maxsize=256)  # the same few lines for every report of a batch (items are frozen)
def _part_item(
    part: str, label: str, status: str, weight: float, credit: float, scale: float, language: str
) -> ScoreItem:
    """A part's line of the breakdown; ``language`` (the current one) keys the cache."""
    return ScoreItem(
        part=part,
        label=label,
        points=round(weight * credit * scale, 2),
        reason=t(
            "breakdown.part",
            label=label,
            status=status_word(status),
            weight=round(weight * scale, 1),
            credit=credit,
        ),
    )


def total(items: list[ScoreItem]) -> float:
    return round(min(100.0, max(0.0, sum(i.points for i in items))), 1)


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


def grade(
    analysis: Analysis, upgrades: Iterable[Upgrade] = (), selection: RubricRef | None = None
) -> Result:
    """The result for an analysis, with ``upgrades`` applied. Only a missing part can be
    upgraded, and only to embedded: nothing else a model says changes a status."""
    # The analysis's own parts and checks: grading changes none of them, and a part an upgrade
    # changes is copied whole first.
    parts = list(analysis.parts)
    by_id = {p.id: n for n, p in enumerate(parts)}
    for up in upgrades:
        n = by_id.get(up.part)
        if n is None or parts[n].status != "missing":
            continue
        part = parts[n] = copy.deepcopy(parts[n])
        part.status = "embedded"
        part.line = up.evidence.line
        part.evidence.append(up.evidence)
        part.note = up.note
    rubric = analysis.rubric
    ok = analysis.is_report
    ref = selection or rubric.ref()
    checks = list(analysis.checks)
    items = breakdown(parts, checks, rubric) if ok else [_not_a_report()]
    return Result(
        path=analysis.doc.source,
        sha256=analysis.doc.sha256,
        ok=True,
        document=analysis.info,
        rubric=ref,
        parts=parts,
        checks=checks,
        tables=list(analysis.tables),
        score=total(items) if ok else 0,
        verdict=verdict(ok, parts),
        score_breakdown=items,
    )


def _not_a_report() -> ScoreItem:
    from fzcheck.render.i18n import t

    return ScoreItem(
        part="document", label="", points=0, check="is_report", reason=t("breakdown.not_a_report")
    )


def apply_review(result: Result, decisions: Iterable[Decision], rubric: Rubric) -> Result:
    """The result with ``review`` set: the decisions that belong to this input and rubric
    version applied to a copy of its parts and checks, and graded again. The machine's own
    fields are left as they are, so both verdicts stay visible."""
    mine = [
        d
        for d in decisions
        if d.sha256 == result.sha256
        and d.rubric == rubric.id
        and d.rubric_version == rubric.version
    ]
    if not mine or not result.ok:
        return result
    parts = [copy.deepcopy(p) for p in result.parts]
    checks = [replace(c) for c in result.checks]
    by_part = {p.id: p for p in parts}
    by_check = {f"{p.id}.{c.id}": c for p in parts for c in p.checks}
    by_check.update({f"document.{c.id}": c for c in checks})
    applied: dict[tuple[str, str], Decision] = {}
    for d in mine:  # later decisions on the same target replace earlier ones
        applied[(d.target, d.id)] = d
    for d in applied.values():
        if d.target == "part" and d.id in by_part and d.set in ("present", "embedded", "missing"):
            by_part[d.id].status = d.set  # type: ignore[assignment]
    added, unchecked = _checks_found_on_review(result, parts, applied, rubric)
    added += _document_checks_decided(checks, applied, rubric)
    by_check.update(
        {f"{p.id}.{c.id}": c for p in parts for c in p.checks if f"{p.id}.{c.id}" not in by_check}
    )
    by_check.update({f"document.{c.id}": c for c in checks if f"document.{c.id}" not in by_check})
    for d in applied.values():
        if d.target == "check" and d.id in by_check and d.set in ("pass", "fail"):
            check = by_check[d.id]
            if check.passed and d.set == "fail":  # its message says why it passed: not a reason
                check.message = _failed_on_review(d.note)
            check.passed = d.set == "pass"
    is_report = next(
        (c.passed for c in checks if c.id == "is_report"), result.verdict != "not_a_report"
    )
    items = breakdown(parts, checks, rubric) if is_report else [_not_a_report()]
    review = Review(
        decisions=list(applied.values()),
        verdict=verdict(is_report, parts),
        score=total(items) if is_report else 0,
        score_breakdown=items,
        parts={p.id: p.status for p in parts},
        checks={k: c.passed for k, c in by_check.items()},
        added=added,
        unchecked=unchecked,
    )
    return replace(result, review=review)


def _checks_found_on_review(
    result: Result,
    parts: list[PartResult],
    applied: dict[tuple[str, str], Decision],
    rubric: Rubric,
) -> tuple[list[ReviewedCheck], dict[str, str]]:
    """The checks of each part the machine found missing and the reviewer found: those the
    reviewer decided, added to the part (``parts``, the review's copy) to be scored as decided;
    and the rest (part.check -> name), which nobody has checked: no deduction for them, and
    every view says they are 未核对, never that they passed."""
    machine = {p.id: p.status for p in result.parts}
    year = result.document.report_year if result.document else None
    added: list[ReviewedCheck] = []
    unchecked: dict[str, str] = {}
    for part in parts:
        spec = rubric.part(part.id)
        if spec is None or machine.get(part.id) != "missing" or part.status == "missing":
            continue
        for cs in spec.checks_for(year):
            key = f"{part.id}.{cs.id}"
            d = applied.get(("check", key))
            if d is None or d.set not in ("pass", "fail"):
                unchecked[key] = cs.description
                continue
            check = _decided(cs.id, cs.description, d)
            part.checks.append(check)
            added.append(ReviewedCheck(part=part.id, **check.to_json()))
    return added, unchecked


def _decided(check_id: str, name: str, d: Decision) -> Check:
    """A check the machine never ran, as the reviewer decided it (the note, if any, says why)."""
    message = d.note or t(f"review.decided_{d.set}")
    return Check(id=check_id, passed=d.set == "pass", message=message, name=name)


def _document_checks_decided(
    checks: list[Check], applied: dict[tuple[str, str], Decision], rubric: Rubric
) -> list[ReviewedCheck]:
    """The document's checks the machine did not run (no publication date known for the
    deadline) that the reviewer decided: added to ``checks`` (the review's copy) and scored as
    decided."""
    ran = {c.id for c in checks}
    added = []
    for spec in rubric.document_checks:
        d = applied.get(("check", f"document.{spec.id}"))
        if spec.id in ran or d is None or d.set not in ("pass", "fail"):
            continue
        check = _decided(spec.id, spec.description, d)
        checks.append(check)
        added.append(ReviewedCheck(part="document", **check.to_json()))
    return added


def _failed_on_review(note: str | None) -> str:
    """Why a check the machine passed failed, in the breakdown graded with the decisions: the
    reviewer's note (复核认定未通过：…), never the machine's message saying why it passed."""
    from fzcheck.render.i18n import t

    return t("review.failed_note", note=note) if note else t("review.failed_plain")
