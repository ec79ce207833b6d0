"""CSV: one row per report, one column per part, for spreadsheets.

Excel on a Chinese Windows reads a CSV as the local code page unless it starts with a UTF-8
BOM, so the file starts with one; headers and values are the reviewer's words (``--lang en``
for English), the stable ids stay in the JSON.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fzcheck.document import Document
from fzcheck.redact import cell_text, decodable
from fzcheck.render import (
    fact_value,
    failed_check_entries,
    joined_label,
    part_label,
    part_title,
    short_name,
    short_names,
    status_text,
)
from fzcheck.render.i18n import error_kind, t
from fzcheck.render.i18n import verdict as verdict_word

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog, Rubric

BOM = "\ufeff"
FACTS = [
    "title",
    "issuer",
    "report_year",
    "signed_on",
    "published_on",
    "format",
    "encoding",
    "script",
]


def columns(part_ids: list[str]) -> list[str]:
    """Column keys: file, unit, year, type, verdict, score, the reviewer's verdict and score,
    the document facts, one column per part, failed checks, review decisions, error."""
    return [
        "path",
        "unit",
        "year",
        "rubric",
        "verdict",
        "score",
        "human_verdict",
        "human_score",
        "action",
        *FACTS,
        *part_ids,
        "failed_checks",
        "decisions",
        "error",
    ]


def headers(part_ids: list[str], labels: Mapping[str, str]) -> list[str]:
    words = {
        "path": t("path"),
        "unit": t("unit"),
        "year": t("year"),
        "rubric": t("col.type"),
        "verdict": t("verdict"),
        "score": t("score"),
        "human_verdict": t("col.human_verdict"),
        "human_score": t("col.human_score"),
        "action": t("col.action"),
        "failed_checks": t("failed_checks"),
        "decisions": t("col.review"),
        "error": t("error"),
        **{k: t(k) for k in FACTS},
    }
    return [words.get(c) or labels.get(c) or c for c in columns(part_ids)]


def unit_of(result: Mapping[str, Any]) -> str:
    """Who the report is from: its issuer, else its title, else the file's name — in Simplified
    for a report in Traditional (湘潭縣數據局 was not found by a search for 数据局, and sorted
    apart from the county's other units)."""
    d = result.get("document") or {}
    name = str(d.get("issuer") or d.get("title") or Path(str(result.get("path", ""))).name)
    if d.get("script") == "traditional" and (d.get("issuer") or d.get("title")):
        from fzcheck.reading.normalize import to_simplified

        name = to_simplified([name])[0][0]
    return name


def copy_names(results: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """path -> how a view names the report among ``results`` and their copy partners: the
    shortest end of its path that tells it from the others (:func:`render.short_names`)."""
    return short_names(
        path
        for r in results
        for path in (str(r.get("path", "")), *(str(c.get("other")) for c in r.get("copies") or []))
    )


def copies_text(result: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """The report's copy flags as a reviewer reads them: the part's label, the other report's
    name, the similarity (下年安排：某镇报告.txt（0.92）), not part ids and whole paths. A
    partner is named by as much of its path as tells it from the reports in ``names`` (else
    from this report and its other partners): 乡镇/报告.txt beside 部门/报告.txt."""
    labels = {p["id"]: p.get("label") or p["id"] for p in result.get("parts", [])}
    if names is None:
        names = copy_names([result])
    return "；".join(
        f"{labels.get(c.get('part'), c.get('part'))}：{short_name(str(c.get('other')), names)}"
        f"（{c.get('similarity', 0):.2f}）"
        for c in result.get("copies") or []
    )


def rubric_part_ids(rubrics: Mapping[str, Rubric] | None) -> list[str]:
    """Every part of every rubric the run may use, each once, in rubric order."""
    return list(dict.fromkeys(p.id for r in (rubrics or {}).values() for p in r.parts))


def rubric_labels(rubrics: Mapping[str, Rubric] | None) -> dict[str, str]:
    """part id -> its column's heading: its rubric's label, each rubric's where several label
    one id (其他／其他事项), marked optional where no rubric requires it (see render.part_title)."""
    return part_headings(
        (p.id, p.label, p.required) for r in (rubrics or {}).values() for p in r.parts
    )


def result_labels(results: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """As :func:`rubric_labels`, from the parts the results carry (a rubric not at hand)."""
    return part_headings(
        (str(p["id"]), part_label(p), bool(p.get("required")))
        for r in results
        for p in r.get("parts") or []
    )


def part_headings(parts: Iterable[tuple[str, str, bool]]) -> dict[str, str]:
    """(part id, label, required) of each rubric's part -> part id -> heading."""
    labels: dict[str, list[str]] = {}
    required: dict[str, bool] = {}
    for pid, label, needed in parts:
        labels.setdefault(pid, []).append(label)
        required[pid] = required.get(pid, False) or needed
    return {pid: part_title(joined_label(labels[pid]), required[pid]) for pid in labels}


def rubric_title(result: Mapping[str, Any], rubrics: Catalog | None) -> str:
    rubric = rubrics.for_result(result) if rubrics else None
    ref = result.get("rubric") or {}
    return rubric.title if rubric else str(ref.get("id") or "")


def csv_row(
    result: dict[str, Any], part_ids: list[str], rubrics: Catalog | None = None
) -> list[str]:
    from fzcheck.cohort.stats import action
    from fzcheck.render.i18n import decision_text

    d = result.get("document") or {}
    # 缺失 → 嵌于他节 where the reviewer changed it, as the workbook shows it
    status = {p["id"]: status_text(result, p) for p in result.get("parts", [])}
    err = result.get("error")
    review = result.get("review") or {}
    values: dict[str, Any] = {
        "path": result["path"],
        "unit": unit_of(result),
        "year": d.get("report_year"),
        "rubric": rubric_title(result, rubrics),
        "verdict": verdict_word(result["verdict"]),
        "score": score_text(sheet_score(result)),
        "human_verdict": verdict_word(review["verdict"]) if review else "",
        "human_score": score_text(review.get("score", "")),
        "action": action(result),
        **{k: fact_value(d, k) for k in FACTS},
        "script": t(f"script.{d['script']}") if d.get("script") else "",
        **{k: status.get(k, "") for k in part_ids},
        "failed_checks": "；".join(failed_check_entries(result)),
        "decisions": "；".join(decision_text(x, result) for x in review.get("decisions", [])),
        "error": error_kind(err["kind"], err["message"]) if err else "",
    }
    return ["" if values[c] is None else str(values[c]) for c in columns(part_ids)]


def sheet_score(result: Mapping[str, Any]) -> Any:
    """The machine's score as the sheets give it: none for a file that could not be read (a 0
    there would count in a column's AVERAGE as a report)."""
    return None if result.get("verdict", "error") == "error" else result.get("score")


def score_text(score: Any) -> Any:
    """98, not 98.0, as every other view writes it (87.5 stays)."""
    return f"{score:g}" if isinstance(score, float) else score


# A cell Excel would read as a formula (=HYPERLINK(…), +1, -1+2, @SUM) when it opens the CSV: a
# submitted file's name or a title is the submitter's text, so it is kept as text (a leading ').
# A number (-2.5) stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")


def as_text(value: object) -> object:
    """``value`` as a spreadsheet shows it, never run as a formula."""
    if (
        isinstance(value, str)
        and len(value) > 1  # a lone - (stdin's path, a placeholder) runs nothing
        and value.startswith(_FORMULA_START)
        and not _NUMBER.match(value)
    ):
        return "'" + value
    return value


def safe_row(row: Iterable[object]) -> list[object]:
    """A row's cells as a spreadsheet shows them: never run as a formula, controls and bidi
    overrides from a submission shown (:func:`fzcheck.redact.cell_text`), a file name a
    Chinese PC wrote in GBK read as such (:func:`fzcheck.redact.decodable`)."""
    return [as_text(cell_text(decodable(v)) if isinstance(v, str) else v) for v in row]


class CsvRenderer:
    def __init__(self, out: IO[str], rubrics: Catalog | None = None) -> None:
        self.out = out
        self.rubrics = rubrics
        self.part_ids = rubric_part_ids(rubrics)
        self.writer = csv.writer(out, lineterminator="\n")
        out.write(BOM)
        self.writer.writerow(headers(self.part_ids, rubric_labels(rubrics)))

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.writer.writerow(safe_row(csv_row(result, self.part_ids, self.rubrics)))
        self.out.flush()

    def close(self) -> None:
        pass
