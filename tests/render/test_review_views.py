"""What a reviewer reads after a review, and of reports that are no reports, in every view:
the score breakdown that makes up the score shown as final, the cohort's example of a check the
reviewer failed, both verdicts per unit, the checks listed for a non-report, the terminal's
failed-check lines at 80 columns and its parts table, a deduction's reason, copy partners
named apart from same-named files, and a torn last line of a results file said on stderr."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from fzcheck.cohort.stats import gather
from fzcheck.cohort.views import render_markdown as cohort_markdown
from fzcheck.cohort.views import render_terminal as cohort_terminal
from fzcheck.grading.grade import apply_review
from fzcheck.pipeline import check_path
from fzcheck.render.csvfmt import copies_text
from fzcheck.render.html import render_batch_page, render_report_page
from fzcheck.render.markdown import render_markdown
from fzcheck.render.terminal import render_result
from fzcheck.render.xlsx import _score_row
from fzcheck.result import Decision
from fzcheck.rubric import Catalog
from tests.helpers import FIXTURES, SAMPLE

PASS_MESSAGE = "见“原因”"  # what the sample's problems.gives_causes says when it passes


def graded(path: Path, *decisions: tuple[str, str, str, str | None]) -> dict[str, Any]:
    """``path`` checked, then reviewed with (target, id, set, note) decisions."""
    catalog = Catalog.load()
    result = check_path(str(path), catalog)
    if decisions:
        rubric = catalog[result.rubric.id]
        result = apply_review(
            result,
            [
                Decision(
                    sha256=str(result.sha256),
                    rubric=rubric.id,
                    rubric_version=rubric.version,
                    target=target,  # type: ignore[arg-type]
                    id=id_,
                    set=value,
                    note=note,
                    path=result.path,
                )
                for target, id_, value, note in decisions
            ],
            rubric,
        )
    out: dict[str, Any] = result.to_json()
    return out


def terminal(result: dict[str, Any], width: int = 100) -> str:
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False).print(render_result(result))
    return buf.getvalue()


@pytest.fixture(scope="module")
def missing_problems() -> dict[str, Any]:
    """The sample (complete, 100) with its shortcomings found missing by the reviewer (75)."""
    r = graded(SAMPLE, ("part", "problems", "missing", "测试"))
    assert (r["score"], r["review"]["score"]) == (100, 75)
    return r


@pytest.fixture(scope="module")
def no_causes() -> dict[str, Any]:
    """The sample with problems.gives_causes (which the machine passed) failed by the
    reviewer, with a note."""
    r = graded(SAMPLE, ("check", "problems.gives_causes", "fail", "只列问题未讲原因"))
    checks = {c["id"]: c for p in r["parts"] for c in p["checks"]}
    assert checks["gives_causes"]["passed"] and PASS_MESSAGE in checks["gives_causes"]["message"]
    assert r["review"]["score"] < r["score"] == 100
    return r


# --- 1. the breakdown making up the score shown as final ----------------------------------------


def _terminal_breakdowns(text: str) -> dict[str, list[str]]:
    """heading -> its lines, for each 得分构成 block of a terminal panel."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip("│ ")
        if line.startswith("得分构成"):
            current = out.setdefault(line, [])
        elif current is not None:
            if not line:
                current = None
            else:
                current.append(line)
    return out


def test_the_terminal_breakdown_after_review_adds_up_to_the_reviewers_score(
    missing_problems: dict[str, Any],
) -> None:
    text = terminal(missing_problems)
    blocks = _terminal_breakdowns(text)
    assert list(blocks) == ["得分构成（复核后）", "得分构成（机器）"]
    after, machine = blocks["得分构成（复核后）"], blocks["得分构成（机器）"]
    assert after[-1].startswith("=75") and "存在不足：缺失，权重25×0" in after[1]
    assert sum(float(x.split()[0]) for x in after[:-1]) == 75
    assert machine[-1].startswith("=100") and "存在不足：独立成节" in machine[1]
    # the last line is the final word: the reviewer's verdict and score, as the breakdown above
    last = [x.strip("│ ") for x in text.splitlines() if "得分" in x][-1]
    assert last.startswith("人工结论 要素缺失") and "得分 75 / 100" in last


# the workbook row's 得分构成 cell with no part columns: after 单位 年度 落款日期 公开日期 类型 结论 得分
# 人工结论 人工得分 处理建议 and 未通过的检查
_BREAKDOWN = 11


def test_markdown_xlsx_and_page_show_the_breakdown_after_review_first(
    missing_problems: dict[str, Any],
) -> None:
    md = render_markdown(missing_problems)
    # the headline is the reviewer's conclusion, as the terminal's and the page's are
    assert "**要素缺失** · 得分 **75**（人工结论）" in md
    after = md.index("得分构成（复核后）：")
    machine = md.index("得分构成（机器）：")
    assert after < machine
    assert "| **75** | 合计 |" in md[after:machine] and "| **100** | 合计 |" in md[machine:]

    cell = _score_row(missing_problems, [], None)[_BREAKDOWN]
    assert cell.startswith("复核后（75分）：\n+30 举措成效")
    assert "\n+0 存在不足：缺失，权重25×0\n" in cell.split("机器（100分）：")[0]
    assert "+25 存在不足：独立成节" in cell.split("机器（100分）：")[1]

    page = render_report_page(missing_problems, None)
    final = re.search(r'id="breakdown" open><summary>([^<]*)</summary>(.*?)</details>', page, re.S)
    assert final is not None and final.group(1) == "得分构成（复核后）"
    assert "<strong>75</strong>" in final.group(2) and "存在不足：缺失" in final.group(2)
    machine_block = re.search(
        r'id="breakdown-machine"><summary>([^<]*)</summary>(.*?)</details>', page, re.S
    )
    assert machine_block is not None and machine_block.group(1) == "得分构成（机器）"
    assert "<strong>100</strong>" in machine_block.group(2)


def test_an_unreviewed_report_keeps_its_one_breakdown() -> None:
    r = graded(SAMPLE)
    assert list(_terminal_breakdowns(terminal(r))) == ["得分构成"]
    assert "得分构成（" not in render_markdown(r)
    assert not _score_row(r, [], None)[_BREAKDOWN].startswith("复核后")


def test_a_check_the_reviewer_failed_is_deducted_for_their_note_not_the_pass_message(
    no_causes: dict[str, Any],
) -> None:
    deduction = next(i for i in no_causes["review"]["score_breakdown"] if i["points"] < 0)
    assert deduction["reason"] == "扣分：分析了不足的原因（复核认定未通过：只列问题未讲原因）"
    assert PASS_MESSAGE not in json.dumps(
        no_causes["review"]["score_breakdown"], ensure_ascii=False
    )


# --- 2. the cohort's example for a check the reviewer failed ------------------------------------


def test_the_cohort_example_of_a_reviewer_failed_check_is_their_note(
    no_causes: dict[str, Any],
) -> None:
    stats = gather([no_causes]).to_json()
    (failed,) = stats["failed_checks"]
    assert failed["check"] == "problems.gives_causes"
    assert failed["message"] == "复核认定未通过：只列问题未讲原因"
    out = io.StringIO()
    cohort_markdown(stats, out)
    row = next(x for x in out.getvalue().splitlines() if x.startswith("| 分析了不足的原因 |"))
    assert row.endswith("| 复核认定未通过：只列问题未讲原因 |") and PASS_MESSAGE not in row


def test_without_a_note_the_example_says_the_review_failed_it() -> None:
    r = graded(SAMPLE, ("check", "achievements.has_figures", "fail", None))
    (failed,) = gather([r]).to_json()["failed_checks"]
    assert failed["message"] == "复核认定未通过"


# --- 3. both verdicts per unit in the Markdown cohort view --------------------------------------


def test_the_markdown_cohort_view_shows_the_machines_and_the_reviewers_verdicts(
    missing_problems: dict[str, Any],
) -> None:
    stats = gather([missing_problems, graded(FIXTURES / "trap_no_problems.txt")]).to_json()
    out = io.StringIO()
    cohort_markdown(stats, out)
    md = out.getvalue()
    rows = [x for x in md.splitlines() if x.startswith("| sample-report.txt |")]
    # in the send-back list, as every view says it; then among the reviewed reports
    assert rows[0].startswith(
        "| sample-report.txt | 示例县司法局 | 机器结论：要素齐全 → 人工结论：要素缺失 |"
    )
    assert rows[1] == "| sample-report.txt | 示例县司法局 | 要素齐全 100 | 要素缺失 75 |"
    assert (
        "| trap_no_problems.txt | 示例区教育局 | 要素缺失 | 缺少：存在不足 |" in md
    )  # not reviewed
    assert "## 人工复核的报告" in md and "| 文件 | 发布单位 | 机器结论 | 人工结论 |" in md
    buf = io.StringIO()
    cohort_terminal(stats, buf)
    assert "人工复核的报告" in buf.getvalue() and "要素缺失 75" in buf.getvalue()


# --- 4. a document that is not a report: only the checks that mean something for it ------------


@pytest.fixture(scope="module")
def signed_work_plan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A 2026 工作要点 signed in March 2026: the machine also fails its figures and its
    signing date (早于2026年度结束), which mean nothing for a document that is no report."""
    path = tmp_path_factory.mktemp("plan") / "工作要点.txt"
    text = (FIXTURES / "work_plan.txt").read_text(encoding="utf-8")
    path.write_text(text + "\n示例县人民政府\n2026年3月1日\n", encoding="utf-8")
    r = graded(path)
    assert r["verdict"] == "not_a_report"
    failed = {c["id"] for c in r["checks"] if not c["passed"]}
    assert {"is_report", "signed_after_year_end"} <= failed  # the JSON keeps them all
    assert any(not c["passed"] for p in r["parts"] for c in p["checks"])
    return r


@pytest.mark.parametrize("name", ["gov_work_report.txt", "work_plan.txt", None])
def test_a_non_report_lists_only_the_genre_check(
    name: str | None, signed_work_plan: dict[str, Any]
) -> None:
    r = graded(FIXTURES / name) if name else signed_work_plan
    text = terminal(r)
    failed = text.split("未通过的检查", 1)[1].split("得分构成", 1)[0]
    assert failed.count("✗") == 1 and "属于法治政府建设年度报告" in failed
    for meaningless in ("早于2026年度结束", "成效有具体数据", "分析了不足的原因", "标题写明"):
        assert meaningless not in failed
    md = render_markdown(r).split("未通过的检查：", 1)[1].split("得分构成", 1)[0]
    assert md.count("\n- ") == 1 and "属于法治政府建设年度报告" in md
    page = render_report_page(r, None)
    assert '<li class="fail">' not in page  # no part's check listed failed
    doc_checks = re.search(r'<ul class="doc-checks">(.*?)</ul>', page, re.S)
    assert doc_checks is not None
    assert doc_checks.group(1).count("<li") == 1 and "早于2026年度结束" not in doc_checks.group(1)


def test_a_non_report_still_lists_text_addressed_to_models() -> None:
    r = graded(FIXTURES / "work_plan.txt")
    r["checks"] = [
        *r["checks"],
        {
            "id": "no_instructions_to_models",
            "passed": False,
            "message": "有写给模型的指令",
            "name": "无写给模型的指令",
        },
    ]
    failed = terminal(r).split("未通过的检查", 1)[1].split("得分构成", 1)[0]
    assert failed.count("✗") == 2 and "无写给模型的指令" in failed


def test_a_non_reports_parts_are_said_to_be_for_reference_only() -> None:
    """A 工作要点's 总体要求 found as 举措成效 ✓: the panel says the table is not graded, and says
    nothing of the kind over a report's."""
    assert "仅供参考，不计分" in terminal(graded(FIXTURES / "work_plan.txt"))
    assert "仅供参考" not in terminal(graded(SAMPLE))


# --- 5 and 6. the terminal at 80 columns, and its parts table -----------------------------------


def test_a_long_failed_check_starts_beside_its_mark_and_wraps_under_itself() -> None:
    text = terminal(graded(FIXTURES / "gov_work_report.txt"), width=80)
    lines = [x.strip("│") for x in text.splitlines()]
    at = next(n for n, x in enumerate(lines) if "未通过的检查" in x) + 1
    assert lines[at].strip().startswith("✗ 属于法治政府建设年度报告：")  # not ✗ alone
    assert lines[at].index("✗") == 3
    nxt = lines[at + 1]
    assert nxt.strip() and nxt.index(nxt.strip()[0]) == 5  # under the text, not the mark


def test_the_parts_table_names_parts_in_chinese_only() -> None:
    from fzcheck.output import set_verbosity

    r = graded(SAMPLE)
    text = terminal(r)
    assert "举措成效" in text
    for part_id in ("achievements", "problems", "leader_duties", "next_year_plan"):
        assert part_id not in text
    set_verbosity(1)
    try:
        assert "next_year_plan" in terminal(r)  # --verbose shows the ids review --part takes
    finally:
        set_verbosity(0)


# --- 7. a deduction's reason says the check's name once -----------------------------------------


def test_a_deductions_reason_names_the_check_once() -> None:
    r = graded(FIXTURES / "embedded_leader.txt")
    (deduction,) = [i for i in r["score_breakdown"] if i["points"] < 0]
    assert deduction["reason"].startswith("扣分：分析了不足的原因（本部分正文没有")
    assert (
        deduction["reason"].count("分析了不足的原因") == 1 and "未做到" not in deduction["reason"]
    )


# --- 8. copy partners named apart from same-named files -----------------------------------------


def test_short_names_tell_same_named_files_apart() -> None:
    from fzcheck.render import short_names

    assert short_names(["subs/乡镇/报告.txt", "subs/部门/报告.txt", "subs/a.txt"]) == {
        "subs/乡镇/报告.txt": "乡镇/报告.txt",
        "subs/部门/报告.txt": "部门/报告.txt",
        "subs/a.txt": "a.txt",
    }
    assert short_names(["/x/a/b.txt", "a/b.txt", "/y/b.txt"]) == {
        "/x/a/b.txt": "x/a/b.txt",
        "a/b.txt": "a/b.txt",
        "/y/b.txt": "y/b.txt",
    }


@pytest.fixture(scope="module")
def same_named() -> list[dict[str, Any]]:
    """Two 报告.txt in two folders, the one a copy of the other, and a third report."""
    a, b, c = graded(SAMPLE), graded(SAMPLE), graded(FIXTURES / "embedded_leader.txt")
    a["path"], b["path"], c["path"] = "subs/乡镇/报告.txt", "subs/部门/报告.txt", "subs/其他.txt"
    a["copies"] = [{"part": "problems", "other": b["path"], "similarity": 1.0}]
    b["copies"] = [{"part": "problems", "other": a["path"], "similarity": 1.0}]
    return [a, b, c]


def test_copy_partners_are_named_by_the_folder_that_tells_them_apart(
    same_named: list[dict[str, Any]],
) -> None:
    b = same_named[1]
    assert copies_text(b) == "存在不足：乡镇/报告.txt（1.00）"
    page = render_report_page(b, None)
    copies = re.search(r'id="copies">(.*?)</section>', page, re.S)
    assert copies is not None and "乡镇/报告.txt" in copies.group(1)
    batch = render_batch_page(same_named)
    assert re.search(r"<td data-sort=\"1\.0\">\s*乡镇/报告\.txt", batch)
    assert re.search(r"<td data-sort=\"1\.0\">\s*部门/报告\.txt", batch)


def test_the_batch_page_says_its_charts_count_a_file_under_two_names_once(
    same_named: list[dict[str, Any]],
) -> None:
    """Every file is a row; the overview's charts count the two names of one file as one
    report, and the page says so beside its total — not that one was no annual report."""
    page = render_batch_page(same_named)
    assert "共 3 份" in page and "其中1份与另一份内容完全相同，按一份统计" in page
    assert "非年度报告或无法读取" not in page  # 2 scored of 2 reports, not of 3 rows
    assert "内容完全相同" not in render_batch_page([same_named[0], same_named[2]])


def test_the_cohort_view_names_reports_by_the_folder_that_tells_them_apart(
    same_named: list[dict[str, Any]],
) -> None:
    stats = gather(same_named).to_json()
    out = io.StringIO()
    cohort_markdown(stats, out)
    md = out.getvalue()
    assert "：乡镇/报告.txt、部门/报告.txt" in md  # the copy cluster
    assert "| 其他.txt | 示例县交通运输局 |" in md  # the send-back list: no common folder
    buf = io.StringIO()
    cohort_terminal(stats, buf)
    assert "乡镇/报告.txt、部门/报告.txt" in buf.getvalue().replace("\n", "")


# --- 9. a torn last line of the results file is said ------------------------------------------


def test_report_says_a_torn_last_line_once_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fzcheck.cli import main

    results = tmp_path / "results.jsonl"
    whole = json.dumps(graded(SAMPLE), ensure_ascii=False)
    results.write_text(whole + "\n" + whole[:200], encoding="utf-8")  # a kill mid-write
    assert main(["report", str(results), "-f", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["reports"] == 1
    assert captured.err.count("最后一行不完整") == 1 and "fzcheck batch" in captured.err
    results.write_text(whole + "\n", encoding="utf-8")
    assert main(["report", str(results), "-f", "json"]) == 0
    assert "最后一行" not in capsys.readouterr().err


def test_the_send_back_reason_names_the_failed_checks_beside_the_missing_parts() -> None:
    """A report missing the leader's part that also fails three checks costing points: the
    send-back list said only 缺少：负责人履职, where the letter lists all four to put right."""
    stats = gather([graded(FIXTURES / "no_title_body_year.txt")]).to_json()
    (back,) = stats["send_back"]
    assert back["missing"] == ["leader_duties"]
    assert "problems.gives_causes" in back["failed"]
    out = io.StringIO()
    cohort_markdown(stats, out)
    row = next(x for x in out.getvalue().splitlines() if x.startswith("| no_title_body_year"))
    assert "缺少：负责人履职；未通过：" in row and "分析了不足的原因" in row
