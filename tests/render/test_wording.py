"""What reviewers and units read, worded once: a letter's salutation, titles and quotes nested
as Chinese sets them, the genre decision without its internal score, a check's name said once,
a workbook's columns for the batch's own report types, and one name for an optional part."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from tests.helpers import FIXTURES, SAMPLE

BLANK = "＿＿＿＿（单位）："
# a quote opened inside a quote with the same mark: 未做到“标题写明“法治政府建设”和年度”
NESTED_QUOTES = re.compile(r"“[^”]*“")
NESTED_TITLES = re.compile(r"《[^》]*《")


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch of our fixtures: reports with an issuer and without (no title, a 政府工作报告, a
    解读 whose title holds 《》), non-reports, and reports failing checks."""
    folder = tmp_path_factory.mktemp("subs")
    for name in (
        "embedded_leader.txt",
        "gov_work_report.txt",
        "jiedu.txt",
        "no_title_body_year.txt",
        "trap_no_problems.txt",
        "unrelated.txt",
        "work_plan.txt",
    ):
        shutil.copy(FIXTURES / name, folder / name)
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    results = folder.parent / "results.jsonl"
    assert main(["batch", str(folder), "-o", str(results), "--summary", "none"]) == 0
    return results


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _letters(
    capsys: pytest.CaptureFixture[str], results: Path, out: Path, only: str = "汇总反馈意见.docx"
) -> dict[str, str]:
    """The letters written for ``results`` by file name, the 汇总 with them unless ``only`` is
    another name."""
    import docx

    assert run(capsys, "letter", str(results), "-o", str(out))[0] == 0
    return {
        p.name: "\n".join(x.text for x in docx.Document(str(p)).paragraphs)
        for p in out.glob("*.docx")
        if p.name != "汇总反馈意见.docx" or p.name == only
    }


def _result(results: Path, name: str) -> dict[str, Any]:
    lines = [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines() if x]
    return next(r for r in lines if Path(r["path"]).name == name)


def _sheet(path: Path, name: str) -> list[tuple[Any, ...]]:
    import openpyxl

    return list(openpyxl.load_workbook(path)[name].iter_rows(values_only=True))


def _page_text(page: str) -> str:
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", page, flags=re.S)
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    return re.sub(r" ?： ?", "：", text)  # <b>name</b>：message


# --- 1. a letter's salutation ------------------------------------------------------------------


def test_a_letter_is_addressed_to_the_issuer_else_to_a_blank_for_the_reviewer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path
) -> None:
    letters = _letters(capsys, batch, tmp_path / "L")
    salutation = {name: text.splitlines()[1] for name, text in letters.items()}
    # the issuer, when the report names one
    assert salutation["示例区教育局-反馈意见.docx"] == "示例区教育局："
    # no issuer: never the file name, the title (政府工作报告, 关于举办…的通知) taken for a unit
    for name in (
        "no_title_body_year.txt-反馈意见.docx",
        "关于举办2026年示例县全民健身运动会的通知-反馈意见.docx",
    ):
        assert salutation[name] == BLANK, name
    # a speech to a congress is its government's (示例区人民政府区长 张某某 under its dateline)
    assert salutation["示例区人民政府-反馈意见.docx"] == "示例区人民政府："
    # the 汇总 too: each report's section opens with its issuer or the blank
    whole = letters["汇总反馈意见.docx"].splitlines()
    assert "no_title_body_year.txt：" not in whole and "政府工作报告：" not in whole
    assert whole.count(BLANK) == 3 and "示例区教育局：" in whole
    # a report without a title is named as the file it is, not put in 《》 as if a title
    untitled = letters["no_title_body_year.txt-反馈意见.docx"]
    assert "报送的文件“no_title_body_year.txt”（2024年度）" in untitled
    assert "《no_title_body_year.txt》" not in untitled


def test_a_letter_is_not_addressed_to_the_reports_own_addressee(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path
) -> None:
    """The 县委、县政府 a report is addressed to did not write it: without an issuer, the blank."""
    line = _result(batch, "no_title_body_year.txt")
    line["document"]["addressee"] = "县委、县政府"
    results = tmp_path / "one.jsonl"
    results.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (text,) = _letters(capsys, results, tmp_path / "L", only="").values()
    assert text.splitlines()[1] == BLANK


# --- 2. and 3. titles and quotes nested as Chinese sets them -------------------------------------


def test_typeset_nests_titles_and_quotes() -> None:
    from fzcheck.render.typeset import book_title, quoted

    assert book_title("《示例市规定》政策解读") == "《〈示例市规定〉政策解读》"
    assert book_title("《示例市规定》") == "《示例市规定》"  # already a title: not wrapped again
    assert book_title("《甲》和《乙》的解读") == "《〈甲〉和〈乙〉的解读》"
    assert book_title("示例县司法局2025年度报告") == "《示例县司法局2025年度报告》"
    assert quoted("标题写明“法治政府建设”和年度") == "“标题写明‘法治政府建设’和年度”"
    assert quoted("甲“乙‘丙’乙”甲") == "“甲‘乙“丙”乙’甲”"  # the level below alternates back


def test_a_message_quoting_a_name_with_quotes_nests_them_in_every_view() -> None:
    """A message the analysis wrote around a quoted name or table row that holds quotes of its
    own is shown nested; one whose quotes do not pair up (a quote cut short) as it is."""
    from fzcheck.render import check_line, check_message
    from fzcheck.render.typeset import nested

    row = "“（三）不予公开 3.危及“三安全一稳定””10 ≠ 9"
    assert nested(row) == "“（三）不予公开 3.危及‘三安全一稳定’”10 ≠ 9"
    assert nested("见“原因”“由于”") == "见“原因”“由于”"
    assert (
        nested("“标题是印发通知（“印发示例县2026年”）") == "“标题是印发通知（“印发示例县2026年”）"
    )
    check = {"id": "rows_add_up", "name": "表三每行“总计”等于各类申请人之和", "passed": False}
    assert check_message({**check, "message": row}) == nested(row)
    name = "标题写明“法治政府建设”和年度"
    failed = {"id": "t", "name": name, "passed": False}
    said = check_line({**failed, "message": f"未做到“{name}”：未找到标题"})
    assert said == f"{name}：未找到标题"


def test_a_letter_nests_a_title_in_a_title_and_a_quote_in_a_quote(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path
) -> None:
    letters = _letters(capsys, batch, tmp_path / "L")
    jiedu = next(text for name, text in letters.items() if "政策解读" in name)
    assert "你单位报送的《〈示例市法治政府建设年度报告工作规定〉政策解读》" in jiedu
    untitled = letters["no_title_body_year.txt-反馈意见.docx"]
    assert "未做到“标题写明‘法治政府建设’和年度”：未找到标题" in untitled
    for name, text in letters.items():
        assert not NESTED_TITLES.search(text), name
        assert not NESTED_QUOTES.search(text), name


def test_a_decision_on_a_check_whose_name_holds_quotes_nests_them_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path
) -> None:
    line = _result(batch, "no_title_body_year.txt")
    results = tmp_path / "one.jsonl"
    results.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    code, _, err = run(
        capsys,
        "review",
        str(results),
        "--check",
        "document.title_names_subject_and_year",
        "--set",
        "pass",
        "--note",
        "标题在封面",
    )
    assert code == 0, err
    said = "检查“标题写明‘法治政府建设’和年度”"
    _, md, _ = run(capsys, "report", str(results), "-f", "markdown")
    sheet = tmp_path / "r.xlsx"
    run(capsys, "report", str(results), "-o", str(sheet))
    page = tmp_path / "batch.html"
    run(capsys, "report", str(results), "-o", str(page))
    # the decision is the desk's record: the 汇总's, not the unit's letter
    letter = _letters(capsys, results, tmp_path / "L", only="汇总反馈意见.docx")[
        "汇总反馈意见.docx"
    ]
    review = _sheet(sheet, "评分表")[1]
    shown = {
        "letter": letter,
        "xlsx": "\n".join(str(v) for v in review if v),
        # the batch page names the decisions in the ✎ mark's tooltip
        "page": html.unescape(
            re.findall(r'class="reviewed" title="([^"]*)"', page.read_text("utf-8"))[0]
        ),
    }
    for where, text in shown.items():
        assert said in text, where
        assert not NESTED_QUOTES.search(text), where
    assert not NESTED_QUOTES.search(md)


# --- 4. the genre decision in words, without the internal score --------------------------------


def test_the_send_back_list_and_workbook_say_not_a_report_without_the_genre_score(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # the terminal table unfolded: 得分- on one line
    _, md, _ = run(capsys, "report", str(batch), "-f", "markdown")
    _, terminal, _ = run(capsys, "report", str(batch))
    for text in (md, terminal):
        assert "非年度报告（依据：标题表明这是工作要点）" in text
        assert "得分-" not in text and "不是法治政府建设报告：" not in text
    sheet = tmp_path / "r.xlsx"
    run(capsys, "report", str(batch), "-o", str(sheet))
    cells = "\n".join(str(v) for row in _sheet(sheet, "评分表") for v in row if v)
    assert "非年度报告（依据：标题表明这是工作要点）" in cells and "得分-" not in cells
    _, units, _ = run(capsys, "report", str(batch), "-f", "csv")
    assert "得分-" not in units
    # the JSON keeps the message as the genre check wrote it
    _, stats, _ = run(capsys, "report", str(batch), "-f", "json")
    reasons = [
        u["reason"] for u in json.loads(stats)["send_back"] if u["verdict"] == "not_a_report"
    ]
    assert any(r.endswith("（得分-10.5）") for r in reasons)


def test_a_report_page_says_not_a_report_without_the_genre_score(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "plan.html"
    run(capsys, "check", str(FIXTURES / "work_plan.txt"), "-f", "html", "-o", str(page))
    text = _page_text(page.read_text(encoding="utf-8"))
    assert "非年度报告（依据：标题表明这是工作要点）" in text and "得分-" not in text


# --- 5. a check's name said once ---------------------------------------------------------------


def test_a_report_page_names_a_check_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "sample.html"
    run(capsys, "check", str(SAMPLE), "-f", "html", "-o", str(page))
    text = _page_text(page.read_text(encoding="utf-8"))
    assert "分析了不足的原因：见“原因”“究其”" in text
    assert "分析了不足的原因：分析了不足的原因" not in text
    assert "写明主要负责人本人的具体履职行动：有4处具体表述" in text
    assert re.search(r"([^\s：]{4,})\s*：\s*\1", text) is None


def test_every_view_names_a_failed_check_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path
) -> None:
    said = "分析了不足的原因：本部分正文没有“原因/由于/导致/究其/因素”等表述"
    sheet = tmp_path / "r.xlsx"
    run(capsys, "report", str(batch), "-o", str(sheet))
    _, md, _ = run(capsys, "check", str(FIXTURES / "embedded_leader.txt"), "-f", "markdown")
    page = tmp_path / "leader.html"
    run(capsys, "check", str(FIXTURES / "embedded_leader.txt"), "-f", "html", "-o", str(page))
    for name, text in (
        ("评分表", "\n".join(str(v) for row in _sheet(sheet, "评分表") for v in row if v)),
        ("要素明细", "\n".join(str(v) for row in _sheet(sheet, "要素明细") for v in row if v)),
        ("markdown", md),
        ("page", _page_text(page.read_text(encoding="utf-8"))),
    ):
        assert said in text, name
        assert "分析了不足的原因：未做到“分析了不足的原因”" not in text, name


# --- 6. and 7. the workbook's part columns, and one name for an optional part -------------------


def test_the_workbook_has_columns_for_the_batchs_own_report_types(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path
) -> None:
    from tests.gip.reports import layout_text

    sheet = tmp_path / "fazhi.xlsx"
    run(capsys, "report", str(batch), "-o", str(sheet))
    header = _sheet(sheet, "评分表")[0]
    assert not {"总体情况", "主动公开", "依申请公开", "复议诉讼", "问题及改进"} & set(header)
    assert not any("其他事项" in str(h) for h in header)
    assert "负责人履职" in header and "其他（选报）" in header
    # a 政府信息公开 report in the batch brings its columns; the part id both types have is
    # headed by each one's label
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    shutil.copy(SAMPLE, mixed / SAMPLE.name)
    (mixed / "gip.txt").write_text(layout_text(), encoding="utf-8")
    results = tmp_path / "mixed.jsonl"
    run(capsys, "batch", str(mixed), "-o", str(results), "--summary", "none")
    assert {r["rubric"]["id"] for r in map(json.loads, results.read_text().splitlines())} == {
        "fazhi-annual",
        "gip-annual",
    }
    sheet = tmp_path / "mixed.xlsx"
    run(capsys, "report", str(results), "-o", str(sheet))
    header = _sheet(sheet, "评分表")[0]
    assert {"负责人履职", "总体情况", "问题及改进", "其他／其他事项（选报）"} <= set(header)


def test_the_optional_part_has_one_name_in_every_view(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rubric's label (其他), marked optional where parts are listed with their statuses —
    not 其他 in one sheet, 其他事项 (another rubric's label) in the next and 其他（选报） in a
    third."""
    monkeypatch.setenv("COLUMNS", "200")
    name = "其他（选报）"
    sheet = tmp_path / "r.xlsx"
    run(capsys, "report", str(batch), "-o", str(sheet))
    assert name in _sheet(sheet, "评分表")[0]
    assert {
        row[2] for row in _sheet(sheet, "要素明细")[1:] if row[1].endswith("sample-report.txt")
    } >= {name}
    assert "其他" not in {row[2] for row in _sheet(sheet, "要素明细")[1:]}
    _, md, _ = run(capsys, "report", str(batch), "-f", "markdown")
    _, terminal, _ = run(capsys, "report", str(batch))
    assert f"| {name} |" in md and f"│ {name}" in terminal
    _, table, _ = run(
        capsys,
        "check",
        "--rubric",
        "fazhi-annual",
        "-f",
        "csv",
        str(SAMPLE),
        str(FIXTURES / "jiedu.txt"),
    )
    assert name in next(csv.reader(io.StringIO(table.removeprefix("\ufeff"))))
    _, one, _ = run(capsys, "check", str(SAMPLE), "-f", "markdown")
    assert f"| {name} |" in one


def test_the_sheets_say_what_the_desk_does_with_each_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The workbook and the CSV had no column for who goes back (the letters went to 26 units,
    the sheet's 结论 said 8), and a report whose table 三 could not be read showed as a clean
    100. A 处理建议 column says 退回修改 / 退回重报 / 人工核对 by the letters' rule."""
    from tests.gip import reports as gip

    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SAMPLE, d / "complete.txt")
    shutil.copy(FIXTURES / "trap_no_problems.txt", d / "incomplete.txt")
    (d / "empty.docx").write_bytes(b"")
    stray = "      （二）部分公开"
    text = gip.layout_text().replace(
        stray, "      他处理        1       0       0       0       0       0       1\n" + stray
    )
    (d / "gip.txt").write_text(text, encoding="utf-8")
    sheet, table = tmp_path / "评分表.xlsx", tmp_path / "评分表.csv"
    main(["check", str(d), "-o", str(sheet)])
    main(["check", str(d), "-o", str(table)])
    capsys.readouterr()
    rows = _sheet(sheet, "评分表")
    col = rows[0].index("处理建议")
    said = {Path(r[-2]).name: r[col] for r in rows[1:]}
    assert said["complete.txt"] is None and said["incomplete.txt"] == "退回修改"
    assert said["empty.docx"] == "退回重报"
    assert said["gip.txt"].startswith("人工核对：表三") and "勾稽关系未核对" in said["gip.txt"]
    lines = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines()))
    at = lines[0].index("处理建议")
    assert {Path(x[0]).name: x[at] for x in lines[1:]}["incomplete.txt"] == "退回修改"


def test_a_unit_writing_in_traditional_is_named_in_simplified_where_reviewers_search(
    tmp_path: Path,
) -> None:
    """示例縣衛生健康局 in the sheets' 单位 column and the letters' file names: a search for 卫生
    健康局 missed it and it sorted apart. The unit is named in Simplified there; the document
    facts keep the name as written."""
    from fzcheck.pipeline import check_path
    from fzcheck.render.csvfmt import unit_of
    from fzcheck.rubric import Catalog

    r = check_path(str(FIXTURES / "traditional.txt"), Catalog.load()).to_json()
    assert r["document"]["issuer"] == "示例縣衛生健康局"
    assert unit_of(r) == "示例县卫生健康局"


def test_a_signature_giving_the_month_alone_is_shown_as_its_month(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """示例县司法局 / 2026年3月: 落款日期 read “—” in every view, as if the report were unsigned;
    it is the month, said to have no day."""
    report = tmp_path / "month.txt"
    report.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("2026年2月10日", "2026年3月"), encoding="utf-8"
    )
    said = "2026-03（未写日）"
    _, term, _ = run(capsys, "check", str(report))
    _, md, _ = run(capsys, "check", str(report), "-f", "markdown")
    _, table, _ = run(capsys, "check", str(report), "-f", "csv")
    page = tmp_path / "month.html"
    run(capsys, "check", str(report), "-f", "html", "-o", str(page))
    for name, text in (
        ("terminal", term),
        ("markdown", md),
        ("csv", table),
        ("page", _page_text(page.read_text(encoding="utf-8"))),
    ):
        assert said in text, name


def test_a_complete_report_that_goes_back_says_so_beside_its_verdict(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """结论 要素齐全 with the causes the law requires not given read as nothing to send back;
    the terminal and Markdown say 处理建议 退回修改 beside it, as the sheets do. A report with
    nothing to put right says none."""
    report = FIXTURES / "embedded_leader.txt"  # all parts there, its causes not given
    _, term, _ = run(capsys, "check", str(report))
    _, md, _ = run(capsys, "check", str(report), "-f", "markdown")
    assert re.search(r"要素齐全\s+得分 80 / 100\s+处理建议 退回修改", term)
    assert "**要素齐全** · 得分 **80** · 处理建议 **退回修改**" in md
    _, term, _ = run(capsys, "check", str(SAMPLE))
    assert "要素齐全" in term and "处理建议" not in term


def test_a_document_that_is_no_report_goes_back_for_the_report_itself(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A 工作要点 sent for the report: the advice is to send the report, not to revise this
    file (退回修改 had read as if the document were the report with faults: helper-216)."""
    _, out, _ = run(capsys, "check", str(FIXTURES / "work_plan.txt"), "-f", "json")
    from fzcheck.cohort.stats import action

    said = action(json.loads(out)[0])
    assert said.startswith("退回重报") and "不是年度报告" in said
