"""fzcheck letter results.jsonl|FILE... -o DIR : a feedback letter (.docx) for each report to
send back, and one for the whole batch."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fzcheck.rubric import Catalog

EXAMPLES = """examples:
  fzcheck letter results.jsonl -o 反馈意见/
  fzcheck letter 县司法局.docx 县教育局.pdf -o 反馈意见/
  fzcheck letter results.jsonl -o 反馈意见/ --all    # every report, also the complete ones"""

DEADLINE = "____年__月__日"


def register(sub: Any, name: str, help_text: str) -> None:
    p = sub.add_parser(
        name,
        help=help_text,
        description=help_text + ". A report goes back when "
        "it (as reviewed) misses a required part, is not a report, or fails a "
        "check. Review decisions beside the inputs are applied.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="RESULTS|FILE",
        help="a results file (.jsonl) from batch/check, or report files",
    )
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the letters")
    p.add_argument("--all", action="store_true", help="a letter for every readable report")
    p.add_argument("--deadline", default=DEADLINE, help=f"deadline text (default: {DEADLINE})")
    p.add_argument(
        "--rubric",
        metavar="ID|PATH",
        default=None,
        help="the rubric the reports are graded with, when it is not bundled",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from fzcheck.output import stderr
    from fzcheck.redact import visible
    from fzcheck.rubric import Catalog

    rubrics = Catalog.load(args.rubric)
    results = _results(args.inputs, rubrics)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    chosen = [r for r in results if r.get("ok") and (args.all or needs_return(r))]
    names: set[str] = set()
    written = sum(
        _write_one([r], out / _file_name(r, names), rubrics, args.deadline) for r in chosen
    )
    summary = not chosen or _write_one(chosen, out / "汇总反馈意见.docx", rubrics, args.deadline)
    stderr().print(
        f"已写{written}份反馈意见（共{len(results)}份报告）及汇总 → {visible(str(out))}",
        markup=False,
        highlight=False,
    )
    return 0 if written == len(chosen) and summary else 2


def _write_one(results: list[dict[str, Any]], path: Path, rubrics: Catalog, deadline: str) -> bool:
    """Write one letter; a letter that fails (a bug met on one report's text, a full disk) is
    said on stderr and the others are still written, as a bad input never stops a check."""
    from fzcheck.output import error
    from fzcheck.pipeline import raise_errors
    from fzcheck.render.i18n import t

    try:
        write_letter(results, path, rubrics, deadline)
    except Exception as err:
        if raise_errors():
            raise
        error(t("letter.failed", path=path, why=f"{type(err).__name__}: {err}"))
        return False
    return True


def _results(inputs: list[str], rubrics: Catalog) -> list[dict[str, Any]]:
    from fzcheck.batch.store import read_results, without_moved
    from fzcheck.grading.decisions import load_beside, reviewed_lines, with_review
    from fzcheck.pipeline import check_source
    from fzcheck.reading.inputs import expand_inputs

    out: list[dict[str, Any]] = []
    files: list[str] = []
    for item in inputs:
        if item.endswith(".jsonl"):
            out += reviewed_lines(without_moved(read_results(Path(item))), item, rubrics)
        else:
            files.append(item)
    for source in expand_inputs(files) if files else []:
        result = check_source(source, rubrics).result.to_json()
        out.append(with_review(result, load_beside(source), rubrics))
    return out


def effective(r: dict[str, Any]) -> dict[str, Any]:
    """The result as reviewed (decisions applied) when there is a review."""
    from fzcheck.cohort.stats import reviewed_view

    return reviewed_view(r) if r.get("review") else r


def needs_return(r: dict[str, Any]) -> bool:
    from fzcheck.render import failed_checks

    e = effective(r)
    return e["verdict"] in ("incomplete", "not_a_report") or any(
        c["id"] != "no_instructions_to_models" for _, c in failed_checks(e)
    )


def _file_name(r: dict[str, Any], taken: set[str]) -> str:
    from fzcheck.redact import decodable, invisible_dropped
    from fzcheck.render.csvfmt import unit_of

    # a GBK name's undecodable bytes as xb1xa8 (shown, not dropped: 报告.txt would become
    # .txt, a hidden file), controls dropped; no leading dot for the same reason
    unit = invisible_dropped(decodable(unit_of(r)))
    base = "".join(ch for ch in unit if ch not in '\\/:*?"<>|\t')[:40].lstrip(". ") or "报告"
    name, n = f"{base}-反馈意见.docx", 2
    while name in taken:
        name, n = f"{base}-反馈意见-{n}.docx", n + 1
    taken.add(name)
    return name


def points(r: dict[str, Any], rubrics: Catalog) -> list[tuple[str, str, list[str]]]:
    """What to put right: (heading, citation, evidence lines) per missing part or failed check,
    with the reviewer's decisions applied."""
    from fzcheck.render import failed_checks, part_label

    e = effective(r)
    rubric = rubrics.for_result(r)
    out: list[tuple[str, str, list[str]]] = []
    if e["verdict"] == "not_a_report":
        msg = next((c["message"] for c in e.get("checks", []) if c["id"] == "is_report"), "")
        cite = f"{rubric.source.name}{rubric.source.citation}" if rubric else ""
        out.append((f"报送的材料不是{rubric.title if rubric else '年度报告'}：{msg}", cite, []))
        return out
    for p in e.get("parts", []):
        if p["status"] != "missing" or not p.get("required"):
            continue
        spec = rubric.part(p["id"]) if rubric else None
        need = spec.legal_text if spec else part_label(p)
        ev = [p["note"]] if p.get("note") else []
        out.append(
            (
                f"缺少“{p.get('name') or part_label(p)}”：应报告{need}。",
                spec.citation if spec else "",
                ev,
            )
        )
    for part, c in failed_checks(e):
        if c["id"] in ("is_report", "no_instructions_to_models"):
            continue
        spec = rubric.part(part) if rubric else None
        cite = (
            spec.citation
            if spec
            else f"{rubric.source.name}{rubric.source.citation}"
            if rubric
            else ""
        )
        where = next((p for p in e.get("parts", []) if p["id"] == part), None)
        ev = [f"第{x['line']}行：“{x['quote']}”" for x in (where or {}).get("evidence", [])[:3]]
        label = part_label(where) if where else ""
        name = str(c.get("name") or c["id"])
        what = c["message"] if name in c["message"] else f"未做到“{name}”——{c['message']}"
        out.append((f"{label + '：' if label else ''}{what}", cite, ev))
    return out


def write_letter(
    results: list[dict[str, Any]], path: Path, rubrics: Catalog, deadline: str
) -> None:
    """One letter: per report, the addressee, what is missing or weak with citation and
    evidence, the review decisions, and the deadline."""
    from docx.shared import Pt

    from fzcheck.render.csvfmt import unit_of
    from fzcheck.render.i18n import decision_text, verdict

    doc = _Letter()
    doc.styles["Normal"].font.size = Pt(12)
    batch = len(results) > 1
    doc.heading("年度报告审查反馈意见" + ("（汇总）" if batch else ""), level=1)
    for n, r in enumerate(results, 1):
        d = r.get("document") or {}
        rubric = rubrics.for_result(r)
        if batch:
            doc.heading(f"{n}. {unit_of(r)}", level=2)
        # The letter goes to the unit that wrote the report (its issuer), not to the report's
        # own addressee (the 县政府 it reports to), unless the issuer is unknown.
        addressee = d.get("issuer") or d.get("addressee") or unit_of(r)
        doc.paragraph(f"{addressee}：")
        title = d.get("title") or Path(str(r["path"])).name
        kind = rubric.title if rubric else "年度报告"
        e = effective(r)
        year = d.get("report_year")
        found = points(r, rubrics)
        doc.paragraph(
            f"经审查，你单位报送的《{title}》（{f'{year}年度' if year else '年度不详'}）"
            f"审查结论为“{verdict(e['verdict'])}”，得分{e['score']:g}分。"
            + (
                f"对照{kind}的要求，请就以下问题修改完善："
                if found
                else f"对照{kind}的要求，未发现需要修改的问题。"
            )
        )
        for i, (head, cite, evidence) in enumerate(found, 1):
            doc.paragraph(f"（{i}）{head}")
            if cite:
                doc.paragraph(f"依据：{cite}", style="List Bullet")
            for ev in evidence:
                doc.paragraph(f"原文：{ev}", style="List Bullet")
        review = r.get("review")
        if review:
            doc.paragraph("人工复核意见：")
            for x in review["decisions"]:
                doc.paragraph(decision_text(x, r), style="List Bullet")
            doc.paragraph(
                f"机器审查结论：{verdict(r['verdict'])} {r['score']:g}分；"
                f"人工复核结论：{verdict(review['verdict'])} {review['score']:g}分。"
            )
        doc.paragraph(
            f"请于{deadline}前将修改后的报告报送，并按规定向社会公开。"
            if found
            else "请按规定向社会公开。"
        )
        if rubric:
            doc.paragraph(f"（审查依据：{rubric.source.name}{rubric.source.citation}）")
    doc.save(path)


class _Letter:
    """A .docx whose every string is made XML-safe on the way in: titles, notes and file names
    come from submissions, and a NUL or a GBK name's undecodable bytes would make python-docx
    (lxml) raise halfway through the letter."""

    def __init__(self) -> None:
        from docx import Document as Docx

        self._doc = Docx()
        self.styles = self._doc.styles

    def heading(self, text: str, level: int) -> None:
        from fzcheck.redact import xml_text

        self._doc.add_heading(xml_text(text), level=level)

    def paragraph(self, text: str, style: str | None = None) -> None:
        from fzcheck.redact import xml_text

        self._doc.add_paragraph(xml_text(text), style=style)

    def save(self, path: Path) -> None:
        self._doc.save(str(path))
