"""Every format renders from the JSON model; golden files pin each renderer."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from fzcheck.pipeline import check_path
from fzcheck.render import make_renderer
from fzcheck.result import result_from_json
from fzcheck.rubric import Catalog
from tests.helpers import FIXTURES, SAMPLE, assert_golden

INPUTS = [SAMPLE, FIXTURES / "trap_no_problems.txt", FIXTURES / "traditional.txt"]


def results() -> list[dict[str, Any]]:
    out = [check_path(str(p), Catalog.load()).to_json() for p in INPUTS]
    for r, p in zip(out, INPUTS, strict=True):  # golden files must not depend on the checkout
        r["path"] = p.name
    out.append(check_path("missing-file.txt", Catalog.load()).to_json())
    return out


def render(fmt: str, data: list[dict[str, Any]], width: int = 100) -> str:
    buf = io.StringIO()
    renderer = make_renderer(fmt, buf, Catalog.load())
    if fmt == "terminal":
        from rich.console import Console

        renderer.console = Console(file=buf, width=width, color_system=None, highlight=False)  # type: ignore[attr-defined]
    for r in data:
        renderer.add(r, None)
    renderer.close()
    return buf.getvalue()


@pytest.mark.parametrize(
    "fmt,ext",
    [("jsonl", "jsonl"), ("json", "json"), ("markdown", "md"), ("csv", "csv"), ("terminal", "txt")],
)
def test_renderer_golden(fmt: str, ext: str) -> None:
    assert_golden(f"render/results.{ext}", render(fmt, results()))


def test_the_terminal_folds_a_long_fact_it_does_not_cut_it() -> None:
    """A long title, or the report type's reason when two types compete, is read in full in an
    80-column terminal: folded onto the next line, never cut off with …."""
    [result] = results()[:1]
    title = "示例县人民政府办公室关于印发示例县2025年度法治政府建设情况报告及2026年工作安排的报告"
    reason = "按法治政府建设年度报告检查：开头有“法治政府建设”，正文提及11次；也像政府信息公开工作年度报告（开头有“政府信息公开”）"
    result["document"]["title"] = title
    result["rubric"]["reason"] = reason
    shown = render("terminal", [result], width=80)
    flat = "".join(c for c in shown if c not in "│ \n")
    assert title in flat and reason in flat
    assert "…" not in shown


def test_jsonl_is_one_valid_result_per_line() -> None:
    data = results()
    lines = render("jsonl", data).splitlines()
    assert len(lines) == len(data)
    for line, want in zip(lines, data, strict=True):
        parsed = json.loads(line)
        assert parsed == want
        result_from_json(parsed)  # the contract round-trips


def test_json_contract_fields() -> None:
    r = results()[0]
    assert r["schema_version"] == 1 and r["ok"] is True and r["error"] is None
    assert set(r["document"]) >= {
        "title",
        "issuer",
        "report_year",
        "signed_on",
        "published_on",
        "format",
        "encoding",
        "script",
        "chars",
        "is_report",
    }
    assert (r["rubric"]["id"], r["rubric"]["version"], r["rubric"]["selected_by"]) == (
        "fazhi-annual",
        "1.0",
        "auto",
    )
    assert r["rubric"]["reason"].startswith("按法治政府建设年度报告检查：")
    assert set(r["parts"][0]) >= {
        "id",
        "name",
        "label",
        "required",
        "status",
        "heading",
        "line",
        "evidence",
        "checks",
    }
    assert (r["parts"][1]["name"], r["parts"][1]["label"]) == ("存在的不足和原因", "存在不足")
    assert len(r["sha256"]) == 64
    err = results()[-1]
    assert err["ok"] is False and err["verdict"] == "error" and err["error"]["kind"] == "not_found"


def test_csv_has_one_row_per_input_and_part_columns() -> None:
    text = render("csv", results())
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with a BOM
    rows = list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"))))
    assert [r["结论"] for r in rows] == ["要素齐全", "要素缺失", "要素齐全", "无法读取"]
    assert rows[1]["存在不足"] == "缺失"
    assert rows[0]["单位"] == "示例县司法局" and rows[0]["年度"] == "2025"


def test_a_found_part_whose_check_failed_says_so_beside_its_status(tmp_path: Any) -> None:
    """The plan in a section of its own naming the report's year, not the next: its row says
    ✓ 独立成节 and that a check of it failed, where a reviewer reads the parts table — the ✓
    alone read as all well, the failure told only in the list further down."""
    text = SAMPLE.read_text(encoding="utf-8")
    plan = text.index("四、2026年")
    wrong = text[:plan] + text[plan:].replace("2026年", "2025年", 2)  # the heading, the item
    path = tmp_path / "plan-year.txt"
    path.write_text(wrong, encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert [c["id"] for p in result["parts"] for c in p["checks"] if not c["passed"]] == [
        "names_next_year"
    ]
    md = render("markdown", [result])
    [row] = [line for line in md.splitlines() if line.startswith("| 下年安排")]
    assert "✓ 独立成节（✗ 1项未通过）" in row
    [other] = [line for line in md.splitlines() if line.startswith("| 举措成效")]
    assert "未通过" not in other
    shown = render("terminal", [result], width=80)
    below = shown.splitlines()[
        next(i for i, s in enumerate(shown.splitlines()) if "下年安排" in s) + 1
    ]
    assert "✗ 1项未通过" in below


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "csv"])
def test_a_scans_date_not_read_is_said_to_be_unread(fmt: str) -> None:
    """A scan whose signing date OCR did not read (a seal stamped over it, most often) showed
    落款日期 “—”, as an unsigned report does: the reviewer is told it was not read and to look
    at the original. A text with no date still shows none."""
    [scan, text] = results()[:2]
    for r in (scan, text):
        r["document"]["signed_on"] = r["document"]["signed_month"] = None
    scan["document"]["ocr"] = True
    said = "未识别（扫描件：日期可能被印章遮住，请核对原件）"
    shown = "".join(c for c in render(fmt, [scan], width=200) if c not in "│\n")
    assert said in shown
    assert "未识别" not in render(fmt, [text], width=200)
