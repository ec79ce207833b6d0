"""Excel workbook for reviewers: 评分表 (one row per report), 要素明细 (one row per part with its
evidence), 说明 (the rubrics and their citations). Written once, at close, to a binary stream.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from fzcheck.document import Document
from fzcheck.redact import xml_text
from fzcheck.render import (
    breakdowns,
    failed_check_entries,
    part_label,
    part_title,
    status_text,
)
from fzcheck.render.csvfmt import (
    copies_text,
    copy_names,
    result_labels,
    rubric_labels,
    rubric_part_ids,
    rubric_title,
    sheet_score,
    unit_of,
)
from fzcheck.render.i18n import decision_text, error_kind, t
from fzcheck.render.i18n import verdict as verdict_word

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

from fzcheck.rubric import Catalog, Rubric

MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return xml_text(value)[:MAX_CELL]  # a\udcff.txt as a\xff.txt, a NUL dropped
    return value


def _sheet(ws: Worksheet, header: list[str], rows: Iterable[list[Any]], widths: list[int]) -> None:
    """A table with a bold frozen header, filters and column widths."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
    n = 1
    for row in rows:
        ws.append([_cell(v) for v in row])
        n += 1
        for c in ws[n]:  # a submitter's text (a file name, a title) starting with = is text,
            if c.data_type == "f":  # not a formula Excel would run
                c.data_type = "s"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{n}"
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    wrap = Alignment(wrap_text=True, vertical="top")
    for row_cells in ws.iter_rows(min_row=2):
        for c in row_cells:
            c.alignment = wrap


class XlsxRenderer:
    def __init__(self, out: IO[bytes], rubrics: Catalog | None = None) -> None:
        self.out = out
        self.rubrics = rubrics
        self.results: list[dict[str, Any]] = []

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.results.append(result)

    def close(self) -> None:
        write_workbook(self.results, self.out, self.rubrics)


def write_workbook(results: list[dict[str, Any]], out: IO[bytes], rubrics: Catalog | None) -> None:
    from openpyxl import Workbook

    # a column per part of the rubrics the batch's reports were graded with, not of every
    # rubric the run could have used (no 政府信息公开 columns in a batch of none of them)
    used = graded_with(results, rubrics)
    part_ids = list(
        dict.fromkeys(
            [*rubric_part_ids(used), *(p["id"] for r in results for p in r.get("parts", []))]
        )
    )
    labels = {**result_labels(results), **rubric_labels(used)}
    names = copy_names(results)  # 乡镇/报告.txt and 部门/报告.txt, not 报告.txt twice
    from fzcheck.reading.inputs import SHEET_CATEGORY

    wb = Workbook()
    wb.properties.category = SHEET_CATEGORY  # a run over the folder it is written in skips it
    scores = wb.active
    assert scores is not None
    scores.title = t("sheet.scores")
    header = [
        t("unit"),
        t("year"),
        t("signed_on"),
        t("published_on"),
        t("col.type"),
        t("verdict"),
        t("score"),
        t("col.human_verdict"),
        t("col.human_score"),
        t("col.action"),
        *(labels.get(p, p) for p in part_ids),
        t("failed_checks"),
        t("score_breakdown"),
        t("col.copies"),
        t("col.review"),
        t("path"),
        t("error"),
    ]
    _sheet(
        scores,
        header,
        (_score_row(r, part_ids, rubrics, names) for r in results),
        [28, 8, 11, 11, 22, 11, 7, 11, 9, 16, *([11] * len(part_ids)), 40, 40, 30, 40, 30, 30],
    )
    _sheet(
        wb.create_sheet(t("sheet.parts")),
        [
            t("unit"),
            t("path"),
            t("part"),
            t("status"),
            t("heading"),
            t("line"),
            t("col.quote"),
            t("failed_checks"),
            t("col.note"),
            t("col.review"),
        ],
        (row for r in results for row in _part_rows(r)),
        [28, 30, 14, 11, 30, 6, 60, 40, 40, 30],
    )
    _about(wb.create_sheet(t("sheet.about")), results, rubrics)
    # built in memory, then written in one go: a destination that fails (a full disk, a reader
    # gone from a pipe) fails that write, cleanly — the zip library, writing to it as it went,
    # printed its own traceback on the way out
    buffer = io.BytesIO()
    wb.save(buffer)
    out.write(buffer.getvalue())


def graded_with(results: list[dict[str, Any]], rubrics: Catalog | None) -> dict[str, Rubric]:
    """The rubrics of ``rubrics`` that graded one of ``results``, in the catalog's order."""
    if rubrics is None:
        return {}
    ids = {rubric.id for r in results if (rubric := rubrics.for_result(r)) is not None}
    return {rid: rubric for rid, rubric in rubrics.items() if rid in ids}


def breakdown_cell(r: dict[str, Any]) -> str:
    """The 得分构成 cell: each item (+25 存在不足：…); after a review, the breakdown making up
    the reviewer's score (人工得分) marked so, then the machine's (得分), each with its score."""
    shown = breakdowns(r)
    lines: list[str] = []
    for n, (_, items, score) in enumerate(shown):
        if len(shown) > 1:
            key = "breakdown.after_review_cell" if n == 0 else "breakdown.by_machine_cell"
            lines.append(t(key, score=score))
        lines += [f"{i['points']:+g} {i['reason']}" for i in items]
    return "\n".join(lines)


def _score_row(
    r: dict[str, Any],
    part_ids: list[str],
    rubrics: Catalog | None,
    names: dict[str, str] | None = None,
) -> list[Any]:
    from fzcheck.cohort.stats import action

    d = r.get("document") or {}
    review = r.get("review") or {}
    status = {p["id"]: status_text(r, p) for p in r.get("parts", [])}  # 缺失 → 嵌于他节
    cells = [status.get(pid, "") for pid in part_ids]
    err = r.get("error")
    copies = copies_text(r, names)
    return [
        unit_of(r),
        d.get("report_year"),
        _date(d.get("signed_on")) or d.get("signed_month"),
        _date(d.get("published_on")),
        rubric_title(r, rubrics),
        verdict_word(r["verdict"]),
        sheet_score(r),
        verdict_word(review["verdict"]) if review else None,
        review.get("score"),
        action(r) or None,
        *cells,
        "\n".join(failed_check_entries(r, message=True)),
        breakdown_cell(r),
        copies,
        "\n".join(decision_text(x, r) for x in review.get("decisions", [])),
        r.get("path"),
        error_kind(err["kind"], err["message"]) if err else None,
    ]


def _date(iso: Any) -> Any:
    """An ISO date as a date Excel sorts and filters by (the text as it is when it is none)."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(iso) if isinstance(iso, str) else iso
    except ValueError:
        return iso


def _part_rows(r: dict[str, Any]) -> list[list[Any]]:
    review = r.get("review") or {}
    rows = []
    for p in r.get("parts", []):
        quotes = "\n".join(
            f"第{e['line']}行：{e['quote']}"
            if t("line") == "行"
            else f"line {e['line']}: {e['quote']}"
            for e in p.get("evidence", [])
        )
        failed = "\n".join(failed_check_entries(r, p["id"], message=True, qualified=False))
        mine = [
            decision_text(x, r)
            for x in review.get("decisions", [])
            if x["id"] == p["id"] or x["id"].startswith(p["id"] + ".")
        ]
        rows.append(
            [
                unit_of(r),
                r.get("path"),
                part_title(part_label(p), bool(p.get("required", True))),
                status_text(r, p),
                p.get("heading"),
                p.get("line"),
                quotes,
                failed,
                p.get("note"),
                "\n".join(mine),
            ]
        )
    return rows


def _about(ws: Worksheet, results: list[dict[str, Any]], rubrics: Catalog | None) -> None:
    from openpyxl.styles import Alignment, Font

    from fzcheck import __version__

    used = {str((r.get("rubric") or {}).get("id")) for r in results}
    rows: list[list[Any]] = []
    for rubric in (rubrics or {}).values():
        if used and rubric.id not in used:
            continue
        rows += [
            [t("about.rubric"), f"{rubric.title}（{rubric.id} {rubric.version}）"],
            [t("about.citation"), f"{rubric.source.name} {rubric.source.citation}"],
            ["", rubric.source.text],
        ]
        rows += [
            [f"{p.label}（{p.weight:g}）", f"{p.legal_text}（{p.citation}）"] for p in rubric.parts
        ]
        rows.append([])
    rows.append([t("about.generated"), f"fzcheck {__version__}"])
    for row in rows:
        ws.append(row)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 100
    for c in ws["A"]:
        c.font = Font(bold=True)
    for c in ws["B"]:
        c.alignment = Alignment(wrap_text=True, vertical="top")
