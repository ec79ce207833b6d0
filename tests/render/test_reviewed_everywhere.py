"""A reviewer's decisions read the same in every format: the HTML index (its counts, rows and
charts), the per-report CSV, the units CSV of `fzcheck report`, both workbook sheets, the
terminal, Markdown and the report page — a part's status as machine → reviewer (缺失 → 嵌于他节),
a check overruled to pass never listed as still failed. All from one place:
``fzcheck.render.reviewed_status`` / ``check_passed``."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from fzcheck.render import (
    checks_after_review,
    failed_check_entries,
    reviewed_status,
    status_text,
)
from tests.helpers import SAMPLE

from .test_html_pages import Markup

CAUSES = (
    "主要原因是乡镇机构改革后人员调整较大，新进人员法律专业背景薄弱，培训的针对性不强。",
    "究其原因，一是对不同群体的法治需求调研不深，二是线上普法平台建设投入有限。",
)


def no_leader_section(text: str) -> str:
    """The sample without its section 三 (the leader's duties): that part is missing."""
    head, rest = text.split("三、党政主要负责人", 1)
    rest = rest.split("\n\n", 1)[1]
    return head + rest.replace("四、2026", "三、2026").replace("五、其他", "四、其他")


def no_causes(text: str) -> str:
    """The sample with its problems' causes cut: problems.gives_causes fails."""
    for cause in CAUSES:
        text = text.replace(cause, "")
    return text


def write_reports(folder: Path) -> dict[str, Path]:
    sample = SAMPLE.read_text(encoding="utf-8")
    texts = {
        "甲局.txt": no_leader_section(sample.replace("示例县司法局", "某县市场监督管理局")),
        "乙局.txt": no_causes(sample.replace("示例县司法局", "某县住房和城乡建设局")),
        "丙局.txt": sample.replace("示例县司法局", "某县财政局"),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: folder / name for name in texts}


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three reports graded in a batch with pages, two of them overruled by the reviewer:
    甲局's missing leader's duties are embedded after all, 乙局's causes are given."""
    root = tmp_path_factory.mktemp("desk")
    reports = write_reports(root / "in")
    results = root / "results.jsonl"
    main(["batch", str(root / "in"), "-o", str(results), "--summary", "none"])
    graded = {Path(r["path"]).name: r for r in map(json.loads, results.open(encoding="utf-8"))}
    assert graded["甲局.txt"]["verdict"] == "incomplete"  # the machine's: no leader's section
    for name, what, target, value in (
        ("甲局.txt", "--part", "leader_duties", "embedded"),
        ("乙局.txt", "--check", "problems.gives_causes", "pass"),
    ):
        assert main(["review", str(results), "--report", name, what, target, "--set", value]) == 0
    pages = root / "pages"
    main(["batch", str(root / "in"), "-o", str(results), "--html", str(pages), "--summary", "none"])
    return {"root": root, "results": results, "pages": pages, **reports}


def _rows(html: str) -> dict[str, str]:
    """Each index row's markup by the report's file name."""
    rows = re.findall(r"<tr data-verdict=.*?</tr>", html, re.DOTALL)
    return {name: row for row in rows for name in ("甲局", "乙局", "丙局") if f"{name}.txt" in row}


def test_the_reviewed_status_and_outcome_come_from_one_place() -> None:
    part = {
        "id": "leader_duties",
        "status": "embedded",
        "label": "负责人履职",
        "checks": [
            {"id": "own", "passed": False, "message": "未写", "name": "本人履职"},
            {"id": "other", "passed": True, "message": "有", "name": "其他检查"},
        ],
    }
    machine: dict[str, Any] = {"parts": [part], "checks": []}
    reviewed = {
        **machine,
        "review": {
            "parts": {"leader_duties": "present"},
            "checks": {"leader_duties.own": True, "leader_duties.other": False},
        },
    }
    assert reviewed_status(machine, part) == "embedded"
    assert reviewed_status(reviewed, part) == "present"
    assert status_text(machine, part) == "嵌于他节"
    assert status_text(reviewed, part) == "嵌于他节 → 独立成节"
    assert status_text(reviewed, part, marks=True) == "△ 嵌于他节 → ✓ 独立成节"
    failed, overruled = checks_after_review(reviewed)
    assert [c["id"] for _, c in failed] == ["other"]
    assert [c["id"] for _, c in overruled] == ["own"]
    assert failed_check_entries(reviewed) == [
        "其他检查（人工复核改为未通过）",
        "（人工复核改为通过：本人履职）",
    ]
    assert failed_check_entries(machine) == ["本人履职"]
    # a part its reviewer finds missing is scored nothing: its checks are no failures of it
    gone = {**reviewed, "review": {**reviewed["review"], "parts": {"leader_duties": "missing"}}}
    assert checks_after_review(gone) == ([], []) and failed_check_entries(gone) == []


def test_the_index_counts_and_shows_the_reviewers_results_as_report_does(
    desk: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The tester's case: the index said 要素齐全 2 … 要素缺失 1 while `fzcheck report` said
    要素齐全 3, and its row kept ✗ for the part its own statistics counted as embedded."""
    capsys.readouterr()
    assert main(["report", str(desk["results"]), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["verdicts"]["complete"] == 3 and stats["reviewed"] == 2

    html = (desk["pages"] / "index.html").read_text(encoding="utf-8")
    badges = re.findall(r'<span class="badge v-(\w+)">[^<]*?(\d+)</span>', html)
    assert [(v, int(n)) for v, n in badges] == [("complete", 3)]  # no 要素缺失 badge
    assert "人工复核 2 份" in html
    m = Markup(html)
    rows = {a["data-verdict"] for t, a in m.tags if t == "tr" and a.get("data-verdict")}
    assert rows == {"complete"}  # the verdict filter finds the row where it is counted

    jia = _rows(html)["甲局"]
    assert "leader_duties:embedded" in jia and "leader_duties:missing" not in jia
    # the machine's ✗ struck through before the reviewer's △, the cell's title says both
    assert '<s class="machine">✗</s>△' in jia
    assert 'title="缺失 → 人工结论：嵌于他节"' in jia
    assert '<s class="machine" title="机器结论">要素缺失</s>' in jia
    assert re.search(r'<s class="machine" title="机器结论">\d+(\.\d)?</s> \d', jia)
    assert "✎" in jia and "改为“嵌于他节”" in jia

    yi = _rows(html)["乙局"]
    failed_cell = re.search(r'<td class="num" data-sort="(\d+)" title="([^"]*)">([^<]*)</td>', yi)
    assert failed_cell is not None
    assert failed_cell.group(1) == "0" and failed_cell.group(3) == ""
    assert failed_cell.group(2) == "（人工复核改为通过：分析了不足的原因）"
    # the chart counts the reviewer's statuses: no report misses the leader's duties
    assert re.search(r"负责人履职</text>.*?0% ✗ · 33% △", html, re.DOTALL)


def test_the_units_csv_lists_parts_and_checks_as_reviewed(
    desk: dict[str, Path], tmp_path: Path
) -> None:
    target = tmp_path / "results.csv"
    assert main(["report", str(desk["results"]), "-o", str(target)]) == 0
    rows = {
        Path(r["文件"]).name: r
        for r in csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig")))
    }
    jia, yi = rows["甲局.txt"], rows["乙局.txt"]
    assert jia["结论"] == "要素缺失" and jia["人工结论"] == "要素齐全"
    assert jia["缺失"] == "" and jia["仅嵌于他节"] == "负责人履职"
    still, _, overruled = yi["未通过的检查"].partition("（人工复核改为通过：")
    assert "分析了不足的原因" not in still and "分析了不足的原因" in overruled


def test_check_shows_a_reviewed_part_the_same_way_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`check` with a decisions file beside the report: the CSV's part column, both sheets of
    the workbook, the terminal, Markdown and the page all read 缺失 → 嵌于他节."""
    import openpyxl

    report = write_reports(tmp_path / "in")["甲局.txt"]
    main(["review", str(report), "--part", "leader_duties", "--set", "embedded"])
    main(["-q", "check", str(report), "-o", str(tmp_path / "one.csv")])
    main(["-q", "check", str(report), "-o", str(tmp_path / "one.xlsx")])
    main(["-q", "check", str(report), "-o", str(tmp_path / "one.html")])
    main(["-q", "check", str(report), "-f", "markdown", "-o", str(tmp_path / "one.md")])
    capsys.readouterr()
    main(["check", str(report)])
    terminal = capsys.readouterr().out

    line = next(csv.DictReader(io.StringIO((tmp_path / "one.csv").read_text("utf-8-sig"))))
    assert line["负责人履职"] == "缺失 → 嵌于他节"
    wb = openpyxl.load_workbook(tmp_path / "one.xlsx")
    sheet = list(wb["评分表"].iter_rows(values_only=True))
    assert dict(zip(sheet[0], sheet[1], strict=True))["负责人履职"] == "缺失 → 嵌于他节"
    parts = list(wb["要素明细"].iter_rows(values_only=True))
    leader = next(dict(zip(parts[0], r, strict=True)) for r in parts[1:] if r[2] == "负责人履职")
    assert leader["状态"] == "缺失 → 嵌于他节"
    assert "✗ 缺失 → △ 嵌于他节" in terminal
    assert "| 负责人履职 | ✗ 缺失 → △ 嵌于他节 |" in (tmp_path / "one.md").read_text("utf-8")

    page = Markup(html := (tmp_path / "one.html").read_text(encoding="utf-8"))
    panel = page.find("section", id="part-leader_duties")[0]
    assert "s-embedded" in str(panel["class"]) and panel["data-status"] == "missing"
    assert panel["data-reviewed"] == "embedded"
    assert 'id="gist-missing"' not in html  # 缺：负责人履职 no longer heads the page
    assert "人工结论：嵌于他节" in html
    # the tab's and the printout's title give the verdict as reviewed, not the machine's
    title = html.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "要素齐全" in title and "要素缺失" not in title


def test_a_check_overruled_to_pass_is_not_listed_as_failed_anywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = write_reports(tmp_path / "in")["乙局.txt"]
    main(["review", str(report), "--check", "problems.gives_causes", "--set", "pass"])
    main(["-q", "check", str(report), "-f", "markdown", "-o", str(tmp_path / "one.md")])
    main(["-q", "check", str(report), "-o", str(tmp_path / "one.html")])
    capsys.readouterr()
    main(["check", str(report)])
    terminal = capsys.readouterr().out

    assert "✗ 分析了不足的原因" not in terminal
    assert "（人工复核改为通过：分析了不足的原因）" in terminal
    md = (tmp_path / "one.md").read_text(encoding="utf-8")
    assert "- 分析了不足的原因" not in md and "- （人工复核改为通过：分析了不足的原因）" in md
    html = (tmp_path / "one.html").read_text(encoding="utf-8")
    panel = html.split('id="part-problems"', 1)[1].split("</section>", 1)[0]
    assert '<li class="fail"><b>分析了不足的原因' not in panel
    assert re.search(
        r'<li class="pass muted"><s>分析了不足的原因：[^<]*</s>（人工复核改为通过）', panel
    )
