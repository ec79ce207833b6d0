"""The reviewer's desk: Excel sheets, Word letters, a CSV Excel can read, score breakdowns,
review decisions that survive re-runs, copy clusters and a forgiving command line."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.cohort.stats import copy_clusters, gather
from fzcheck.cohort.views import render_terminal
from fzcheck.grading.decisions import decisions_path
from tests.helpers import FIXTURES, SAMPLE, make_docx

TRAP = FIXTURES / "trap_no_problems.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three invented reports: complete, missing its problems part, and a work plan."""
    d = tmp_path / "in"
    d.mkdir()
    for src in (SAMPLE, TRAP, FIXTURES / "work_plan.txt"):
        shutil.copy(src, d / src.name)
    return d


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def mark_trap_problems_embedded(
    capsys: pytest.CaptureFixture[str], results: Path
) -> tuple[int, str, str]:
    """The reviewer's decision both tests make: the trap report's problems are there (见第3页)."""
    return run(
        capsys,
        "review",
        str(results),
        "--report",
        TRAP.name,
        "--part",
        "problems",
        "--set",
        "embedded",
        "--note",
        "见第3页",
    )


def sheet_rows(path: Path, sheet: str) -> list[dict[str, object]]:
    import openpyxl

    ws = openpyxl.load_workbook(path)[sheet]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_score_breakdown_adds_up_to_the_score(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "-f", "json", str(TRAP))
    result = json.loads(out)[0]
    items = result["score_breakdown"]
    assert round(sum(i["points"] for i in items), 1) == result["score"] == 65
    problems = next(i for i in items if i["part"] == "problems")
    assert problems["points"] == 0 and "缺失" in problems["reason"]
    assert all(c.get("name") for c in result["checks"])  # the rubric's description


def test_a_failed_check_is_a_deduction_with_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "check", "-f", "json", str(FIXTURES / "themed_reordered.txt"))
    result = json.loads(out)[0]
    minus = [i for i in result["score_breakdown"] if i["points"] < 0]
    assert minus and all(i["check"] and "扣分" in i["reason"] for i in minus)
    assert round(sum(i["points"] for i in result["score_breakdown"]), 1) == result["score"]


def test_output_format_follows_the_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "results.csv"
    run(capsys, "check", str(SAMPLE), str(TRAP), "-o", str(target))
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "╭" not in raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))  # as Excel decodes it
    assert list(rows[0])[:6] == ["文件", "单位", "年度", "报告类型", "结论", "得分"]
    assert rows[1]["单位"] == "示例区教育局" and rows[1]["存在不足"] == "缺失"
    for ext in ("json", "jsonl", "md", "html"):
        run(capsys, "check", str(SAMPLE), "-o", str(tmp_path / f"r.{ext}"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]["verdict"] == "complete"
    # fzcheck's mark first (a comment no Markdown viewer shows), then the report's heading
    mark, heading = (tmp_path / "r.md").read_text(encoding="utf-8").split("\n")[:2]
    assert mark == "<!-- generator: fzcheck -->" and heading.startswith("## ")
    assert "<!DOCTYPE html>" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_check_writes_an_excel_workbook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "评分表.xlsx"
    code, _, _ = run(capsys, "check", str(SAMPLE), str(TRAP), "-o", str(target))
    assert code == 1
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["评分表", "要素明细", "说明"]
    scores = wb["评分表"]
    assert scores.freeze_panes == "A2" and scores.auto_filter.ref.startswith("A1:")
    assert scores.column_dimensions["A"].width >= 20
    rows = sheet_rows(target, "评分表")
    assert [r["单位"] for r in rows] == ["示例县司法局", "示例区教育局"]
    assert rows[1]["结论"] == "要素缺失" and rows[1]["得分"] == 65 and rows[1]["存在不足"] == "缺失"
    assert rows[1]["报告类型"] == "法治政府建设年度报告" and rows[1]["年度"] == 2025
    assert "+30 举措成效" in str(rows[1]["得分构成"])
    parts = sheet_rows(target, "要素明细")
    leader = next(p for p in parts if p["单位"] == "示例区教育局" and p["要素"] == "负责人履职")
    assert leader["状态"] == "嵌于他节" and leader["行"] == 7
    assert "第7行：区教育局局长作为第一责任人" in str(leader["依据原文"])
    about = list(wb["说明"].iter_rows(values_only=True))
    assert any("厅字〔2019〕28号" in str(r[1]) for r in about)


def test_the_score_sheet_dates_reports_and_leaves_an_unread_files_score_blank(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The 4月1日 deadline is judged on the dates, so the sheet has them (as dates Excel sorts);
    an unreadable file's 得分 was 0, which an AVERAGE over the column counted as a report."""
    import datetime as dt

    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    target = tmp_path / "评分表.xlsx"
    run(capsys, "check", str(SAMPLE), str(empty), "-o", str(target))
    sample, unread = sheet_rows(target, "评分表")
    assert isinstance(sample["落款日期"], dt.datetime) and sample["得分"] == 100
    assert unread["结论"] == "无法读取" and unread["得分"] is None
    _, out, _ = run(capsys, "check", str(SAMPLE), str(empty), "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [r["得分"] for r in rows] == ["100", ""]


def test_review_through_the_cli_and_the_page_export_changes_cohort_and_sheet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    results = tmp_path / "results.jsonl"
    assert run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")[0] == 0
    before = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    assert before["verdicts"]["incomplete"] == 1 and before["reviewed"] == 0

    # the reviewer: the trap report's problems part is there after all (见第3页)
    code, out, err = mark_trap_problems_embedded(capsys, results)
    assert code == 0 and "已记录1条" in err
    assert "机器结论：要素缺失 65" in out and "人工结论：要素齐全 77.5" in out
    store = Path(str(results) + ".decisions.jsonl")
    decision = json.loads(store.read_text(encoding="utf-8"))
    assert decision["set"] == "embedded" and decision["machine"] == "missing"
    assert decision["note"] == "见第3页" and len(decision["sha256"]) == 64

    # an export from the HTML page: the sample's figures check overruled
    sample = next(
        json.loads(x)
        for x in results.read_text(encoding="utf-8").splitlines()
        if x and json.loads(x)["path"].endswith("sample-report.txt")
    )
    export = tmp_path / "fzcheck-decisions.json"
    export.write_text(
        json.dumps(
            {
                "fzcheck_decisions": 1,
                "decisions": [
                    {
                        "sha256": sample["sha256"],
                        "rubric": "fazhi-annual",
                        "rubric_version": "1.0",
                        "target": "check",
                        "id": "achievements.has_figures",
                        "set": "fail",
                        "machine": "pass",
                        "accept": False,
                        "note": None,
                        "by": "html",
                    },
                    {
                        "sha256": "0" * 64,
                        "rubric": "fazhi-annual",
                        "rubric_version": "1.0",
                        "target": "part",
                        "id": "problems",
                        "set": "present",
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    code, _, err = run(capsys, "review", str(results), "--import", str(export))
    assert code == 0 and "已导入1条" in err and "跳过1条" in err

    # a machine re-run (the batch again, from scratch) changes nothing in the decisions
    kept = store.read_text(encoding="utf-8")
    results.unlink()
    assert run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")[0] == 0
    assert store.read_text(encoding="utf-8") == kept

    after = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    assert after["verdicts"]["incomplete"] == 0 and after["verdicts"]["complete"] == 2
    assert after["reviewed"] == 2
    assert any(c["check"] == "achievements.has_figures" for c in after["failed_checks"])
    _, terminal, _ = run(capsys, "report", str(results))
    assert "人工复核2份" in terminal

    sheet = tmp_path / "评分表.xlsx"
    run(capsys, "report", str(results), "-o", str(sheet))
    rows = {Path(str(r["文件"])).name: r for r in sheet_rows(sheet, "评分表")}
    trap = rows[TRAP.name]
    assert trap["结论"] == "要素缺失" and trap["人工结论"] == "要素齐全"  # both verdicts
    assert trap["得分"] == 65 and trap["人工得分"] == 77.5
    assert trap["存在不足"] == "缺失 → 嵌于他节" and "见第3页" in str(trap["人工复核"])
    assert rows[SAMPLE.name]["人工得分"] == 95 and "改为“未通过”" in str(
        rows[SAMPLE.name]["人工复核"]
    )

    # check on the report file itself, with the results file as -o, shows both verdicts too
    shutil.copy(store, folder / (TRAP.name + ".decisions.jsonl"))
    _, page, _ = run(capsys, "check", str(folder / TRAP.name))
    assert "人工复核" in page and "人工结论：要素齐全 77.5" in page


def test_a_later_decision_replaces_an_earlier_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / TRAP.name
    shutil.copy(TRAP, report)
    run(capsys, "review", str(report), "--part", "problems", "--set", "present")
    _, out, _ = run(capsys, "review", str(report), "--part", "problems", "--accept")
    assert "确认机器结论“缺失”" in out and "人工结论：要素缺失 65" in out
    _, out, _ = run(capsys, "check", "-f", "json", str(report))
    review = json.loads(out)[0]["review"]
    assert review["verdict"] == "incomplete" and len(review["decisions"]) == 1


def test_a_decision_on_a_report_with_a_very_long_name_is_stored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A name of 240 bytes (80 CJK characters) leaves no room for .decisions.jsonl: the
    decisions file takes the name's start and a hash of it, and the review is kept."""
    report = tmp_path / ("示例县" * 26 + "报告.txt")
    assert len(report.name.encode()) > 240
    shutil.copy(TRAP, report)
    code, _, err = run(capsys, "review", str(report), "--part", "problems", "--set", "present")
    assert code == 0 and "too long" not in err
    _, out, _ = run(capsys, "check", "-f", "json", str(report))
    assert json.loads(out)[0]["review"]["decisions"]


def test_bad_review_requests_are_one_line_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / TRAP.name
    shutil.copy(TRAP, report)
    code, _, err = run(capsys, "review", str(report), "--part", "nope", "--set", "present")
    assert code == 2 and "没有要素 nope" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "review", str(report), "--part", "problems", "--set", "pass")
    assert code == 2 and "present|embedded|missing" in err
    bad = tmp_path / "x.json"
    bad.write_text("not json", encoding="utf-8")
    code, _, err = run(capsys, "review", str(report), "--import", str(bad))
    assert code == 2 and "不是复核导出文件" in err


def test_a_check_failed_on_review_without_a_reason_is_warned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A passed check set to fail with no --note: the letter says only 经审核认定未通过, and the
    reviewer is told so when recording it; with a note, nothing is said."""
    report = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, report)
    args = ("review", str(report), "--check", "gives_causes", "--set", "fail")
    code, _, err = run(capsys, *args)
    assert code == 0 and "没有写理由" in err and "--note" in err
    code, _, err = run(capsys, *args, "--note", "原因只有一句套话")
    assert code == 0 and "没有写理由" not in err


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_letters_for_reports_to_send_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and "已写2份反馈意见" in err
    names = sorted(p.name for p in out.iterdir())
    assert names == ["汇总反馈意见.docx", "示例区教育局-反馈意见.docx", "示例县-反馈意见.docx"]
    text = _docx_text(out / "示例区教育局-反馈意见.docx")
    assert text.splitlines()[1] == "示例区教育局："  # addressed to the unit that wrote it
    assert "缺少“存在的不足和原因”" in text and "厅字〔2019〕28号 第二十五条第（二）项" in text
    assert "第7行“协调解决基层学校存在的困难和问题”" in text  # the evidence, with its line
    assert "请于____年__月__日前" in text
    whole = _docx_text(out / "汇总反馈意见.docx")
    assert "示例区教育局" in whole and "示例县2026年法治政府建设工作要点" in whole
    # a work plan sent for the report: the unit is asked for the report, not a revision, and
    # no 年度 is stated for what is no annual report
    plan = _docx_text(out / "示例县-反馈意见.docx")
    assert "存在以下问题" in plan and "修改完善" not in plan and "年度）" not in plan
    assert "报送本单位的法治政府建设年度报告" in plan

    # a reviewer's decision: the part is there; the letter no longer asks for it
    mark_trap_problems_embedded(capsys, results)
    shutil.rmtree(out)
    run(capsys, "letter", str(results), "-o", str(out), "--all")
    text = _docx_text(out / "示例区教育局-反馈意见.docx")
    assert "缺少“存在的不足和原因”" not in text
    # the unit is told the conclusion as reviewed; the machine's beside it is the desk's record
    assert "审查结论为“要素齐全”，得分77.5分" in text and "机器审查结论" not in text
    whole = _docx_text(out / "汇总反馈意见.docx")
    assert (
        "人工复核意见" in whole and "见第3页" in whole and "人工复核结论：要素齐全 77.5分" in whole
    )


def test_a_word_files_letter_quotes_without_line_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A line number is of the text fzcheck read: a unit finds none in its Word file, so its
    letter quotes the words alone; the desk's 汇总 keeps the number its report pages show."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "示例区教育局.docx").write_bytes(make_docx(TRAP.read_text(encoding="utf-8")))
    out = tmp_path / "letters"
    run(capsys, "letter", str(tmp_path / "in"), "-o", str(out))
    text = _docx_text(out / "示例区教育局-反馈意见.docx")
    assert "说明：“协调解决基层学校存在的困难和问题”" in text
    assert "原文：第" not in text  # a note on the text is no quote of it
    assert not re.search(r"第[\d、至]+行", text)
    assert re.search(
        r"第\d+行“协调解决基层学校存在的困难和问题”", _docx_text(out / "汇总反馈意见.docx")
    )


def test_a_letter_is_chinese_on_a4_whatever_the_reviewers_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """--lang en is the reviewer's: the letter goes to the unit, in Chinese (审查结论为
    “complete” was sent), on A4 (python-docx's US Letter was)."""
    import docx

    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    code, _, _ = run(capsys, "--lang", "en", "letter", str(results), "-o", str(out))
    assert code == 0
    letter = out / "示例区教育局-反馈意见.docx"
    text = _docx_text(letter)
    assert "审查结论为“要素缺失”" in text, text
    section = docx.Document(str(letter)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    # written now, by fzcheck (python-docx's template said python-docx, 23 December 2013)
    props = docx.Document(str(letter)).core_properties
    assert props.author == "fzcheck" and "python-docx" not in (props.comments or "")
    assert props.created is not None and props.created.year >= 2026


def test_letters_written_into_the_submissions_folder_are_not_submissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """letter -o the submissions' own folder, then check that folder: the letters were graded
    as units' reports (非年度报告 from each unit). They are fzcheck's, and skipped; a unit's
    .docx beside them is read."""
    from tests.helpers import make_docx, sample_text

    (folder / "unit.docx").write_bytes(make_docx(sample_text()))
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    code, _, _ = run(capsys, "letter", str(results), "-o", str(folder), "--all")
    assert code == 0 and list(folder.glob("*反馈意见.docx"))
    _, out, _ = run(capsys, "check", str(folder), "-f", "jsonl")
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert not [p for p in paths if "反馈意见" in p], paths
    assert any(p.endswith("unit.docx") for p in paths)


def test_a_letter_saved_again_by_word_is_read_as_a_submission(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """A unit writes its revised report into the letter it got and saves it in Word (its
    category stays fzcheck 反馈意见, its lastModifiedBy becomes the unit's user): a report, read
    — it had been passed over in silence; a letter as fzcheck wrote it is still skipped."""
    import docx

    from tests.helpers import sample_text

    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    letters = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(letters), "--all")
    mine, theirs = sorted(letters.glob("*反馈意见.docx"))[:2]
    doc = docx.Document(str(theirs))
    for p in doc.paragraphs:
        p.text = ""
    for line in sample_text().splitlines():
        doc.add_paragraph(line)
    doc.core_properties.last_modified_by = "张三"
    doc.save(str(theirs))
    _, out, _ = run(capsys, "check", str(letters), "-f", "jsonl")
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert paths == [str(theirs)]
    assert mine.exists()


def test_a_letter_no_longer_due_is_taken_away_on_the_next_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """Letters for every report (--all), then only for those that go back: the others' letters
    from the first run left the folder holding letters no longer due (22 in it, "已写21份").
    They are removed and said; a file of the reviewer's own in the folder stays."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out), "--all")
    everyone = {p.name for p in out.iterdir()}
    from tests.helpers import make_docx

    (out / "说明.docx").write_bytes(make_docx("审查说明\n本文件由审查人员自行编写。"))
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0
    due = {p.name for p in out.iterdir()} - {"说明.docx"}
    assert due < everyone and (out / "说明.docx").exists()
    assert "删除了上次写的" in err


def test_a_letter_run_over_some_reports_keeps_the_others_letters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """letter over the whole batch, then over one report into the same folder: the second run
    took away every letter of the first (删除了上次写的…), though those reports still went back.
    It takes away only its own reports' letters no longer due."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    before = {p.name for p in out.iterdir()}
    whole = (out / "汇总反馈意见.docx").read_bytes()
    code, _, err = run(capsys, "letter", str(folder / SAMPLE.name), "-o", str(out), "--all")
    assert code == 0 and "删除了" not in err
    assert before <= {p.name for p in out.iterdir()}
    # the batch's 汇总 is the desk's record: this run's own is written beside it, and said
    assert (out / "汇总反馈意见.docx").read_bytes() == whole
    assert (out / "汇总反馈意见（本次1份）.docx").exists() and "保留原样" in err
    # the complete report, now over again without --all: its own letter and summary go, the
    # others stay
    code, _, err = run(capsys, "letter", str(folder / SAMPLE.name), "-o", str(out))
    assert "删除了上次写的2份" in err
    assert {p.name for p in out.iterdir()} == before


def test_a_resubmitted_report_leaves_the_batchs_summary_rewritten(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """A unit sends its report again (same file name, other bytes) and the batch is graded
    again: the 汇总 over the whole batch was kept as "covering more reports" (its old bytes'
    key unmatched) and a 汇总（本次N份） written beside it, the desk's record left wrong.
    The same report, sent again, is no other report: the 汇总 is written anew."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    whole = (out / "汇总反馈意见.docx").read_bytes()
    with (folder / TRAP.name).open("a", encoding="utf-8") as f:
        f.write("（重新报送）\n")
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and "保留原样" not in err
    assert (out / "汇总反馈意见.docx").read_bytes() != whole
    assert not list(out.glob("汇总反馈意见（本次*"))
    # a report gone from the results is another report: a run without it keeps the 汇总
    code, _, err = run(capsys, "letter", str(folder / TRAP.name), "-o", str(out))
    assert code == 0 and "保留原样" in err


def test_a_letter_the_reviewer_edited_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """The reviewer fills in a letter's blanks in Word; the next run wrote the blank letter over
    it, unsaid. An edited letter is kept as it is, and said; an unedited one is rewritten."""
    import docx

    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    letter = out / "示例区教育局-反馈意见.docx"
    doc = docx.Document(str(letter))
    doc.add_paragraph("联系人：张三，电话：12345678。")
    doc.core_properties.last_modified_by = "张三"  # as Word saves it
    doc.save(str(letter))
    untouched = (out / "示例县-反馈意见.docx").stat().st_mtime_ns
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0
    assert "联系人：张三" in _docx_text(letter)
    assert "已被修改过" in err and letter.name in err
    assert "示例县-反馈意见.docx" not in err.split("已被修改过")[1]
    assert (out / "示例县-反馈意见.docx").stat().st_mtime_ns != untouched  # rewritten
    # edited, then no longer due: kept too (the reviewer's work), and said as no longer due
    mark_trap_problems_embedded(capsys, results)
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert letter.exists() and "已不需要" in err and "被修改过" in err and letter.name in err


def test_one_report_under_two_names_gets_the_letter_its_review_decides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """The same file twice (县水利局.docx = 县农业农村局.doc): the reviewer passed one, and the
    other still went back with a letter asking for what the review had found."""
    shutil.copy(folder / TRAP.name, folder / ("副本-" + TRAP.name))
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    mark_trap_problems_embedded(capsys, results)
    out = tmp_path / "letters"
    code, _, _ = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0
    assert not (out / "示例区教育局-反馈意见.docx").exists()
    assert "示例区教育局" not in _docx_text(out / "汇总反馈意见.docx")
    # the send-back list agrees: the copy does not go back either
    _, summary, _ = run(capsys, "report", str(results), "-f", "json")
    assert [u["path"] for u in json.loads(summary)["send_back"] if "trap" in u["path"]] == []


def _edit_lines(results: Path, edit: dict[str, dict[str, object]]) -> None:
    """Change the document facts (or the path) of the lines whose file name is a key."""
    lines = [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        change = dict(edit.get(Path(line["path"]).name, {}))
        if "path" in change:
            line["path"] = change.pop("path")
        line["document"].update(change)
    results.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


def test_letters_hold_text_xml_cannot_and_names_that_are_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """A NUL or a control character in a title or a reviewer's note, and a GBK file name's
    undecodable bytes, made python-docx raise and stopped every later letter."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    run(capsys, "review", str(results), "--report", TRAP.name, "--part", "problems",
        "--set", "embedded", "--note", "见\x01第3页\x0b")  # fmt: skip
    gbk_name = "/in/\udcb1\udca8\udcb8\udce6.txt"  # 报告.txt in GBK, as os.fsdecode gives it
    _edit_lines(
        results,
        {
            TRAP.name: {"title": "示例区教育局\x00年度报告\ufffe"},
            "work_plan.txt": {"path": gbk_name, "title": None, "issuer": None},
        },
    )
    out = tmp_path / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(out), "--all")
    assert code == 0 and "Traceback" not in err
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "报告.txt-反馈意见.docx",  # the GBK name read, not dropped to a hidden .txt
        "汇总反馈意见.docx",
        "示例区教育局-反馈意见.docx",
        "示例县司法局-反馈意见.docx",
    ]
    trap = _docx_text(out / "示例区教育局-反馈意见.docx")
    assert "《示例区教育局年度报告》" in trap
    whole = _docx_text(out / "汇总反馈意见.docx")
    assert "报告.txt" in whole and "见第3页" in whole  # the reviewer's note, in the desk's record


def test_a_workbook_holds_a_unit_with_characters_xml_cannot(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """U+FFFE is valid UTF-8 but not XML: openpyxl's own filter let it through to lxml."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    _edit_lines(results, {TRAP.name: {"issuer": "示例区\x00教育局\ufffe"}})
    target = tmp_path / "评分表.xlsx"
    code, _, err = run(capsys, "report", str(results), "-o", str(target))
    assert code == 0, err
    assert "示例区教育局" in [r["单位"] for r in sheet_rows(target, "评分表")]


def test_one_letter_that_fails_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fzcheck.commands import letter

    real = letter.write_letter

    def fails_on_one(results: list[dict[str, object]], path: Path, *args: object) -> None:
        if path.name.startswith("示例区教育局"):
            raise ValueError("All strings must be XML compatible")
        real(results, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(letter, "write_letter", fails_on_one)
    out = tmp_path / "letters"
    code, _, err = run(capsys, "letter", *map(str, sorted(folder.iterdir())), "-o", str(out))
    assert code == 2
    assert "示例区教育局-反馈意见.docx：这份反馈意见没有写成（ValueError" in err
    assert sorted(p.name for p in out.iterdir()) == ["汇总反馈意见.docx", "示例县-反馈意见.docx"]


def test_copies_are_grouped_into_clusters(tmp_path: Path) -> None:
    reports = [f"r{i}.txt" for i in range(5)]
    pairs = [
        {"part": "problems", "a": a, "b": b, "similarity": 0.9 + i / 100}
        for i, (a, b) in enumerate((a, b) for a in reports for b in reports if a < b)
    ]
    pairs.append({"part": "next_year_plan", "a": "x.txt", "b": "y.txt", "similarity": 0.7})
    clusters = copy_clusters(pairs, {"problems": "存在不足"})
    assert [(c["part"], len(c["reports"]), c["pairs"]) for c in clusters] == [
        ("problems", 5, 10),
        ("next_year_plan", 2, 1),
    ]
    part = {
        "id": "problems",
        "label": "存在不足",
        "status": "present",
        "required": True,
        "checks": [],
    }
    lines = [
        {
            "path": r,
            "verdict": "complete",
            "parts": [part],
            "checks": [],
            "copies": [
                {"part": p["part"], "other": p["b"], "similarity": p["similarity"]}
                for p in pairs
                if p["a"] == r
            ],
        }
        for r in reports
    ]
    out = io.StringIO()
    render_terminal(gather(lines).to_json(), out)
    shown = [x for x in out.getvalue().splitlines() if "相互雷同" in x]
    assert len(shown) == 1 and "5份报告的“存在不足”相互雷同（10对" in shown[0]


def test_close_matches_for_mistyped_options_and_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["check", "--formt", "json", str(SAMPLE)])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert "（用法见 fzcheck check --help）" in err and "是否想输入 --format？" in err
    with pytest.raises(SystemExit):
        main(["chek", str(SAMPLE)])
    assert "是否想输入 check？" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["check", "-f", "xlxs", str(SAMPLE)])
    assert "是否想输入 xlsx？" in capsys.readouterr().err


def test_english_view_and_quiet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, out, _ = run(capsys, "--lang", "en", "check", str(TRAP))
    assert "incomplete" in out and "score breakdown" in out and "要素缺失" not in out
    _, out, _ = run(capsys, "check", str(TRAP))  # the next run is Chinese again
    assert "要素缺失" in out
    _, _, err = run(
        capsys, "batch", str(TRAP), "-o", str(tmp_path / "r.jsonl"), "-q", "--summary", "none"
    )
    assert err == ""


def test_rubric_show_is_complete_and_wrapped(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "rubric", "show", "fazhi-annual")
    assert "上一年度党政主要负责人履行推进法治建设第一责任人职责" in out.replace("\n", "")
    assert "标题线索" in out and "分析了不足的原因" in out
    assert "…" not in out


def test_nested_commands_and_global_options_get_close_matches(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["rubric", "show", "--formt", "json", "fazhi-annual"])
    err = capsys.readouterr().err
    assert (
        "（用法见 fzcheck rubric show --help）" in err
        and "未知选项 --formt，是否想输入 --format？" in err
    )
    with pytest.raises(SystemExit):
        main(["check", str(SAMPLE), "--quite"])
    assert "是否想输入 --quiet？" in capsys.readouterr().err


def test_quiet_keeps_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", "-q", "-f", "jsonl", str(tmp_path / "gone.txt"))
    assert (
        code == 2
        and err.strip() == f"fzcheck: {tmp_path / 'gone.txt'}: 找不到该文件：请检查路径和文件名"
    )


def test_a_custom_rubric_report_can_be_reviewed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rubric = FIXTURES / "rubrics" / "safety-annual.yaml"
    west = tmp_path / "west-town.txt"
    shutil.copy(FIXTURES / "safety" / "west-town.txt", west)
    _, out, _ = run(capsys, "check", "--rubric", str(rubric), "-f", "json", str(west))
    machine = json.loads(out)[0]
    missing = next(p["id"] for p in machine["parts"] if p["required"] and p["status"] == "missing")
    code, out, _ = run(
        capsys, "review", "--rubric", str(rubric), str(west), "--part", missing, "--set", "present"
    )
    assert code == 0 and "人工结论：要素齐全" in out
    _, out, _ = run(capsys, "check", "--rubric", str(rubric), "-f", "json", str(west))
    assert json.loads(out)[0]["review"]["verdict"] == "complete"


def test_decisions_beside_a_file_apply_when_its_folder_is_checked(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    run(capsys, "review", str(folder / TRAP.name), "--part", "problems", "--set", "embedded")
    _, out, _ = run(capsys, "check", "-f", "json", str(folder))
    reviewed = {Path(r["path"]).name: r.get("review") for r in json.loads(out)}
    assert reviewed[TRAP.name]["verdict"] == "complete" and reviewed[SAMPLE.name] is None


def test_a_damaged_decisions_line_is_skipped_with_a_warning(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    report = folder / TRAP.name
    run(capsys, "review", str(report), "--part", "problems", "--set", "embedded")
    with Path(str(report) + ".decisions.jsonl").open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    code, out, err = run(capsys, "check", "-f", "json", str(report))
    assert code == 0 and json.loads(out)[0]["review"]["verdict"] == "complete"
    assert "不是有效的复核记录，已跳过" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "command", ["check", "batch", "report", "review", "letter", "rubric", "summarize", "cache"]
)
def test_every_subcommand_help_has_examples(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "示例：\n  fzcheck " in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--lang", "en", command, "--help"])
    assert "examples:\n  fzcheck " in capsys.readouterr().out


def test_a_check_overruled_to_pass_is_the_reviewers_in_the_sheet_and_the_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The tester's case: failed checks overruled to pass (a part's and the document's) left
    the failed-checks column, and a passed check the reviewer failed joins it, marked."""
    report = tmp_path / "no_title_body_year.txt"
    shutil.copy(FIXTURES / report.name, report)
    for check, value in (
        ("problems.gives_causes", "pass"),
        ("document.title_names_subject_and_year", "pass"),
        ("achievements.has_figures", "fail"),
    ):
        assert run(capsys, "review", str(report), "--check", check, "--set", value)[0] == 0
    _, out, _ = run(capsys, "check", "-f", "json", str(report))
    result = json.loads(out)[0]
    assert result["review"]["score"] != result["score"]  # graded again with the decisions

    sheet, table = tmp_path / "评分表.xlsx", tmp_path / "results.csv"
    run(capsys, "check", str(report), "-o", str(sheet))
    run(capsys, "check", str(report), "-o", str(table))
    row = sheet_rows(sheet, "评分表")[0]
    line = next(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert row["人工得分"] == result["review"]["score"]
    assert float(line["人工得分"]) == result["review"]["score"]
    for failed in (str(row["未通过的检查"]), line["未通过的检查"]):
        still, _, overruled = failed.partition("（人工复核改为通过：")
        assert "明确写出下一年度" in still  # not decided: still failed
        assert "成效有具体数据（数量、比例）（人工复核改为未通过）" in still
        assert "分析了不足的原因" not in still and "标题写明" not in still
        assert "分析了不足的原因" in overruled and "标题写明“法治政府建设”和年度" in overruled
    parts = {p["要素"]: p for p in sheet_rows(sheet, "要素明细") if p["单位"] == row["单位"]}
    assert str(parts["存在不足"]["未通过的检查"]) == "（人工复核改为通过：分析了不足的原因）"


def test_a_letter_for_a_report_with_nothing_to_fix_asks_for_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """--all writes to the complete report too: no 请就以下问题修改完善 over an empty list, no
    deadline for a revised report; a report of unknown year reads （年度不详）, not 年度不详年度."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    _edit_lines(results, {"trap_no_problems.txt": {"report_year": None}})
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out), "--all")
    complete = next(
        _docx_text(p) for p in out.iterdir() if "2025年度）审查结论为“要素齐全”" in _docx_text(p)
    )
    assert "未发现需要修改的问题" in complete and "修改完善" not in complete
    assert "请于" not in complete
    assert "年度不详年度" not in _docx_text(out / "汇总反馈意见.docx")
    assert "（年度不详）" in _docx_text(out / "汇总反馈意见.docx")


def test_a_reviewer_names_parts_checks_and_reports_in_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """--part 存在不足, --check 分析了不足的原因 and --report 示例区教育局 (the unit that wrote it)
    are understood; an unknown unit's error lists the files to choose from."""
    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")

    def review(report: str, what: str, name: str, value: str) -> tuple[int, str]:
        code, _, err = run(
            capsys, "review", str(results), "--report", report, what, name, "--set", value
        )
        return code, err

    assert review("示例区教育局", "--part", "存在不足", "embedded")[0] == 0
    assert review(SAMPLE.name, "--check", "分析了不足的原因", "fail")[0] == 0
    store = [
        json.loads(x) for x in decisions_path(results).read_text(encoding="utf-8").splitlines()
    ]
    assert [(d["id"], d["set"]) for d in store] == [
        ("problems", "embedded"),
        ("problems.gives_causes", "fail"),
    ]
    code, err = review("县卫健委", "--part", "problems", "present")
    assert code == 2 and TRAP.name in err
    code, err = review(SAMPLE.name, "--part", "nope", "present")
    assert code == 2 and "problems（存在不足）" in err


def test_copy_flags_read_as_a_reviewer_reads_them() -> None:
    """The part's label and the other report's file name, not an id and a whole path."""
    from fzcheck.render.csvfmt import copies_text

    result = {
        "parts": [{"id": "next_year_plan", "label": "下年安排"}],
        "copies": [
            {"part": "next_year_plan", "other": "/tmp/in/乡镇/某镇报告.txt", "similarity": 0.92}
        ],
    }
    assert copies_text(result) == "下年安排：某镇报告.txt（0.92）"


def test_report_given_a_folder_for_its_results_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fzcheck.cli import main

    (tmp_path / "results.jsonl").mkdir()
    assert main(["report", str(tmp_path / "results.jsonl")]) == 2
    assert "是一个文件夹，不是结果文件" in capsys.readouterr().err


def test_checks_exit_code_follows_the_reviewers_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a script that runs check after review reads the reviewer's verdict in the exit code
    report = tmp_path / TRAP.name
    shutil.copy(TRAP, report)
    assert run(capsys, "check", str(report))[0] == 1  # problems missing, by the machine
    run(capsys, "review", str(report), "--part", "problems", "--set", "present")
    code, out, _ = run(capsys, "check", str(report), "-f", "json")
    result = json.loads(out)[0]
    assert result["verdict"] == "incomplete" and result["review"]["verdict"] == "complete"
    assert code == 0
    run(capsys, "review", str(report), "--part", "problems", "--set", "missing")
    assert run(capsys, "check", str(report))[0] == 1


def test_a_letter_names_a_part_by_the_name_the_law_gives_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the unit reads 举措成效 (fzcheck's short label) nowhere: its part by its own name
    report = tmp_path / "县司法局.txt"
    report.write_text(
        "某县司法局2025年法治政府建设年度报告\n一、2025年主要举措和成效\n全年办理复议案件12件。\n"
        "二、存在的不足和原因\n一是人员不足。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "局长带头学法。\n四、2026年工作安排\n继续努力。\n某县司法局\n2026年3月1日\n",
        encoding="utf-8",
    )
    run(capsys, "letter", str(report), "-o", str(tmp_path / "意见"))
    text = _docx_text(next((tmp_path / "意见").glob("某县司法局*.docx")))
    assert "“主要举措和成效”部分未做到“成效有具体数据" in text
    assert "举措成效" not in text


def test_a_check_two_report_types_share_is_counted_for_each_over_its_own_reports(
    tmp_path: Path,
) -> None:
    """Both types have document.title_names_subject_and_year: one 法治 report failing it among
    two 法治 and two GIP reports read as 1 of 4 under the 法治 check's name (25%), its GIP twin
    counted into the same line. Each type's check is its own line, over its own reports."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog
    from tests.gip import reports as gip

    sample = SAMPLE.read_text(encoding="utf-8")
    texts = {
        "a.txt": sample,
        "b.txt": sample.replace(
            "示例县司法局关于2025年度法治政府建设情况的报告", "关于2025年度工作情况的报告"
        ),
        "c.txt": gip.layout_text(),
        "d.txt": gip.layout_text().replace(
            "示例县交通运输局2024年政府信息公开工作年度报告", "示例县交通运输局2024年报"
        ),
    }
    results = []
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        results.append(check_path(str(tmp_path / name), Catalog.load()).to_json())
    failed = gather(results).to_json()["failed_checks"]
    title = [c for c in failed if c["check"] == "document.title_names_subject_and_year"]
    assert sorted((c["rubric"], c["count"], c["reports"]) for c in title) == [
        ("fazhi-annual", 1, 2),
        ("gip-annual", 1, 2),
    ]
    assert len({c["name"] for c in title}) == 2


def test_a_mixed_batchs_part_shares_say_their_base(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """要素统计（已评3份） over two 法治 reports and a GIP one: 存在不足 1 (50%) is of the two 法治
    reports, so its row says so (，共2份); a part every report has says nothing more."""
    from tests.gip import reports as gip

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a.txt")
    shutil.copy(TRAP, folder / "b.txt")
    (folder / "c.txt").write_text(gip.layout_text(), encoding="utf-8")
    results = tmp_path / "r.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    _, md, _ = run(capsys, "report", str(results), "-f", "markdown")
    assert "要素统计（已评3份）" in md
    assert re.search(r"\| 存在不足 \| 1 \(50%，共2份\) \|", md), md
    assert not re.search(r"\| 其他[^|]*\| \d+ \(\d+%，共", md)
    _, term, _ = run(capsys, "report", str(results))
    assert "1 (50%，共2份)" in term


def test_a_quiet_batch_prints_its_summary_only_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """fzcheck -q batch printed the whole summary (about 100 lines): --quiet is errors alone;
    --summary named on the line still prints it."""
    results = tmp_path / "results.jsonl"
    code, out, err = run(capsys, "-q", "batch", str(folder), "-o", str(results))
    assert code == 0 and out == "" and "要素统计" not in err
    results.unlink()
    code, out, _ = run(capsys, "-q", "batch", str(folder), "-o", str(results), "--summary", "json")
    assert json.loads(out)["reports"] == 3


def test_a_folder_of_pages_is_said_with_the_page_to_open(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """check -f html -o DIR and batch --html DIR printed nothing on success (every other output
    says where it went): the line names index.html; --quiet leaves it out."""
    pages = tmp_path / "网页"
    code, _, err = run(capsys, "check", str(folder), "-f", "html", "-o", str(pages))
    assert code == 1 and f"已写3份报告的网页 → {pages / 'index.html'}" in err
    results = tmp_path / "r.jsonl"
    _, _, err = run(capsys, "batch", str(folder), "-o", str(results), "--html", str(tmp_path / "p"))
    assert f"已写3份报告的网页 → {tmp_path / 'p' / 'index.html'}" in err
    _, _, err = run(capsys, "-q", "check", str(folder), "-f", "html", "-o", str(pages))
    assert "已写" not in err


def _one_units_two_reports(tmp_path: Path, first: str, second: str) -> Path:
    """A folder of two reports of one unit, told apart by a line (its revised copy)."""
    d = tmp_path / "in"
    d.mkdir()
    text = TRAP.read_text(encoding="utf-8")
    (d / first).write_text(text, encoding="utf-8")
    (d / second).write_text(text + "\n（修改稿）\n", encoding="utf-8")
    return d


def test_two_letters_to_one_unit_are_told_apart_by_their_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two reports of one unit (its Word and its PDF version, told apart by a line): letters
    示例区教育局-反馈意见.docx and -2.docx, and the 汇总 listing the unit twice, no file named."""
    d = _one_units_two_reports(tmp_path, "教育局报告.txt", "教育局报告（修改稿）.txt")
    out = tmp_path / "letters"
    run(capsys, "letter", str(d), "-o", str(out))
    names = {p.name for p in out.iterdir()}
    assert "示例区教育局（教育局报告（修改稿））-反馈意见.docx" in names, names
    assert not any(n.endswith("-2.docx") for n in names)
    whole = _docx_text(out / "汇总反馈意见.docx")
    assert (
        "示例区教育局（教育局报告.txt）" in whole
        and "示例区教育局（教育局报告（修改稿）.txt）" in whole
    )


def test_a_letter_inflating_past_any_letters_size_is_not_opened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """A file in the letters folder that says it is fzcheck's and inflates to 60 MB (a bomb, or
    a letter pasted full of pictures) is not opened whole to see whether it was edited: it is
    kept as an edited letter is, and said."""
    import zipfile

    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    letter = out / "示例区教育局-反馈意见.docx"
    with zipfile.ZipFile(letter, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/big.bin", bytes(60 * 2**20))
    assert letter.stat().st_size < 2**20
    before = letter.read_bytes()
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and letter.read_bytes() == before
    assert "已被修改过" in err and letter.name in err


def test_a_run_over_one_of_a_units_two_reports_keeps_the_others_letter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two reports of one unit, then a run over the second alone: it took the first's letter's
    name (written over) and removed its own earlier letter as no longer due."""
    d = _one_units_two_reports(tmp_path, "a.txt", "b.txt")
    out = tmp_path / "letters"
    run(capsys, "letter", str(d), "-o", str(out))
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith("汇总")}
    assert len(before) == 2
    code, _, err = run(capsys, "letter", str(d / "b.txt"), "-o", str(out))
    assert code == 0 and "删除了" not in err
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith("汇总")}
    assert set(after) == set(before)
    first = next(n for n in before if "（" not in n)  # a.txt's: the unit's plain name
    assert after[first] == before[first]


def test_a_damaged_letter_in_the_folder_is_kept_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, folder: Path
) -> None:
    """A letter whose text part is damaged (a broken deflate stream) stopped the letter run with
    a traceback, no letter written after it. It is kept as it is; the report's new letter takes
    another name."""
    import zipfile

    results = tmp_path / "results.jsonl"
    run(capsys, "batch", str(folder), "-o", str(results), "--summary", "none")
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    letter = out / "示例区教育局-反馈意见.docx"
    with zipfile.ZipFile(letter) as package:
        info = package.getinfo("word/document.xml")
    data = bytearray(letter.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 10 : start + 50] = bytes(range(40))
    letter.write_bytes(bytes(data))
    damaged = letter.read_bytes()
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and "Traceback" not in err
    assert letter.read_bytes() == damaged
    assert (out / "示例区教育局（trap_no_problems）-反馈意见.docx").exists()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_run_stopped_while_writing_leaves_the_earlier_output_whole(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    """Ctrl-C while report wrote 评分表.xlsx left it at 0 bytes, the earlier workbook gone
    (helper-190): -o is written to a file beside it that takes its place only once whole."""
    results = tmp_path / "r.jsonl"
    run(capsys, "check", str(SAMPLE), "-f", "jsonl", "-o", str(results))
    target = tmp_path / f"评分表.{fmt}"
    assert run(capsys, "report", str(results), "-o", str(target))[0] == 0
    before = target.read_bytes()

    def stopped(*args: object, **kwargs: object) -> None:
        out = next(a for a in args if hasattr(a, "write"))
        out.write(b"PK" if fmt == "xlsx" else "文件")  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    if fmt == "xlsx":
        monkeypatch.setattr("fzcheck.render.xlsx.write_workbook", stopped)
    else:
        monkeypatch.setattr("fzcheck.cohort.views.UnitsCsv.__init__", stopped)
    assert main(["report", str(results), "-o", str(target)]) == 130  # 已中断
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_an_output_file_made_anew_has_the_modes_the_umask_gives(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """check -o and report -o wrote new files 0600 whatever the umask (the temporary file's
    mode), where letters and results are 0644: a colleague could not open the sheet
    (helper-198's)."""
    import os

    mask = os.umask(0o022)
    try:
        results = tmp_path / "r.jsonl"
        run(capsys, "check", str(SAMPLE), "-f", "jsonl", "-o", str(results))
        sheet = tmp_path / "评分表.csv"
        assert run(capsys, "report", str(results), "-o", str(sheet))[0] == 0
    finally:
        os.umask(mask)
    assert {oct(p.stat().st_mode & 0o777) for p in (results, sheet)} == {"0o644"}


def test_a_letter_not_written_whole_leaves_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while letter wrote each .docx left 226 empty ones (and would have emptied
    an earlier letter; helper-198's): a letter takes its file's place only once whole."""
    results = tmp_path / "r.jsonl"
    run(capsys, "check", str(FIXTURES / "trap_no_problems.txt"), "-f", "jsonl", "-o", str(results))

    def full(self: object, target: object) -> None:
        if isinstance(target, str):  # written straight to its name
            with open(target, "wb") as f:
                f.write(b"PK")
        else:
            target.write(b"PK")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("docx.document.Document.save", full)
    out = tmp_path / "letters"
    main(["letter", str(results), "-o", str(out)])
    capsys.readouterr()
    assert not out.exists() or [p.name for p in out.iterdir()] == []
