"""The reviewer's desk, continued: letters that say what they wrote and go to every unit that
must submit again, `review --report/--check` that find what a reviewer typed, imports that do
not pile up, decisions on resubmitted files that are not dropped without a word, and one rule
for who goes back shared by the cohort's send-back list and the letters."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.grading.decisions import decisions_path
from tests.helpers import FIXTURES, SAMPLE, reseal


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _unit(issuer: str, text: str | None = None) -> str:
    return (text or SAMPLE.read_text(encoding="utf-8")).replace("示例县司法局", issuer)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A county's submissions: complete ones (two units' names share 县司法局), one signed after
    the deadline (a failed check), one missing a part, a work plan, an empty and a damaged file."""
    d = tmp_path / "reports"
    d.mkdir()
    (d / "县司法局.txt").write_text(_unit("某县司法局"), encoding="utf-8")
    (d / "县税务局.txt").write_text(_unit("寅县司法局"), encoding="utf-8")
    (d / "县市场监管局.txt").write_text(_unit("某县市场监督管理局"), encoding="utf-8")
    late = _unit("某县应急管理局").replace("2026年2月10日", "2026年4月15日")
    (d / "县应急管理局.txt").write_text(late, encoding="utf-8")
    shutil.copy(FIXTURES / "trap_no_problems.txt", d / "县教育局.txt")
    shutil.copy(FIXTURES / "work_plan.txt", d / "县文旅局工作要点.txt")
    (d / "县统计局.docx").write_bytes(b"")
    (d / "县林业局.docx").write_bytes(b"PK\x03\x04 not a docx inside" * 8)
    return d


@pytest.fixture
def results(capsys: pytest.CaptureFixture[str], tmp_path: Path, desk: Path) -> Path:
    out = tmp_path / "results.jsonl"
    main(["batch", str(desk), "-o", str(out), "--summary", "none"])
    capsys.readouterr()
    return out


def _lines(results: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines() if x]


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _set_error(results: Path, name: str, kind: str, message: str) -> None:
    """Make the line of ``name`` an unreadable input of ``kind`` (an encrypted file, say)."""
    lines = _lines(results)
    for line in lines:
        if Path(str(line["path"])).name == name:
            line.update(
                ok=False,
                verdict="error",
                error={"kind": kind, "message": message},
                document=None,
                parts=[],
                checks=[],
                score=0,
            )
    results.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


# --- 1. letter: wrong inputs, unreadable submissions, a closing line that tells the truth ---


def test_a_workbook_given_to_letter_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    sheet = tmp_path / "评分表.xlsx"
    run(capsys, "report", str(results), "-o", str(sheet))
    out = tmp_path / "L"
    code, _, err = run(capsys, "letter", str(sheet), "-o", str(out))
    assert code == 2
    assert err.count("\n") == 1 and "评分表.xlsx：是表格" in err and "已写" not in err
    assert not out.exists() or not list(out.iterdir())


def test_unreadable_submissions_get_a_letter_asking_to_resubmit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    _set_error(results, "县统计局.docx", "encrypted", "a password-protected Word/WPS file")
    out = tmp_path / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert "县统计局-反馈意见.docx" in names and "县林业局-反馈意见.docx" in names
    encrypted = _docx_text(out / "县统计局-反馈意见.docx")
    # nothing was read, so no issuer: a blank to fill in, not the file name taken for the unit
    assert encrypted.splitlines()[1] == "＿＿＿＿（单位）："
    assert "报送的文件“县统计局.docx”无法打开" in encrypted
    assert (
        "文件有密码保护，请去除密码后重新报送" in encrypted
        and "请于____年__月__日前重新报送" in encrypted
    )
    assert "文件已损坏" in _docx_text(out / "县林业局-反馈意见.docx")
    whole = _docx_text(out / "汇总反馈意见.docx")
    assert "县统计局.docx" in whole and "县林业局.docx" in whole
    # the closing line counts the letters written, the summary with them
    letters = len(names) - 1
    assert f"已写{letters}份反馈意见及汇总" in err and "共8份报告" in err


def test_letter_on_report_files_writes_for_the_unreadable_ones_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\xff" * 10)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    ok = tmp_path / "ok.txt"
    shutil.copy(SAMPLE, ok)
    out = tmp_path / "L2"
    code, _, err = run(capsys, "letter", str(binary), str(empty), str(ok), "-o", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "binary-反馈意见.docx",
        "empty-反馈意见.docx",
        "汇总反馈意见.docx",
    ]
    assert "已写2份反馈意见及汇总" in err and "共3份报告" in err
    assert "文件是空的" in _docx_text(out / "empty-反馈意见.docx")


def test_when_nothing_goes_back_the_closing_line_says_nothing_was_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ok = tmp_path / "ok.txt"
    shutil.copy(SAMPLE, ok)
    out = tmp_path / "L"
    code, _, err = run(capsys, "letter", str(ok), "-o", str(out))
    assert code == 0 and "都无需退回" in err and "及汇总" not in err
    assert not out.exists() or not list(out.iterdir())


def test_an_input_missing_for_the_desk_gets_no_letter_and_is_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ok = tmp_path / "ok.txt"
    shutil.copy(SAMPLE, ok)
    out = tmp_path / "L"
    code, _, err = run(capsys, "letter", str(ok), str(tmp_path / "gone.txt"), "-o", str(out))
    assert code == 0 and "原因不在报送单位（gone.txt）" in err
    assert not out.exists() or not list(out.iterdir())


# --- 2. review --report: exact before partial ---------------------------------------------


def _review(capsys: pytest.CaptureFixture[str], results: Path, *args: str) -> tuple[int, str, str]:
    return run(capsys, "review", str(results), *args)


def _stored(results: Path) -> list[dict[str, object]]:
    return _lines(decisions_path(results))


def test_a_report_is_named_by_its_file_name_without_the_suffix(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    code, _, err = _review(
        capsys, results, "--report", "县市场监管局", "--part", "负责人履职", "--set", "embedded"
    )
    assert code == 0, err
    assert str(_stored(results)[0]["path"]).endswith("县市场监管局.txt")


def test_setting_a_check_to_what_the_machine_said_is_said_as_confirmed(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    """--set pass on a check that passed: nothing changed, so it is not said as 改为“通过”."""
    code, _, err = _review(
        capsys, results, "--report", "县司法局", "--check", "gives_causes", "--set", "pass"
    )
    assert code == 0, err
    code, out, err = _review(capsys, results)  # the decisions, as the reviewer lists them
    said = out + err
    assert "确认为“通过”" in said and "改为" not in said, said


def test_an_exact_name_wins_over_units_whose_names_contain_it(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    """县司法局 is 县司法局.txt, though 寅县司法局 (县税务局.txt) contains the words too."""
    code, _, err = _review(
        capsys, results, "--report", "县司法局", "--part", "problems", "--set", "embedded"
    )
    assert code == 0, err
    # the whole issuer, before words of it
    code, _, err = _review(
        capsys, results, "--report", "寅县司法局", "--part", "problems", "--set", "embedded"
    )
    assert code == 0, err
    assert [Path(str(d["path"])).name for d in _stored(results)] == ["县司法局.txt", "县税务局.txt"]
    # words that two reports share are still ambiguous, and the error names them
    code, _, err = _review(
        capsys, results, "--report", "司法", "--part", "problems", "--set", "embedded"
    )
    assert code == 2 and "县司法局.txt" in err and "县税务局.txt" in err


# --- 3. review --check by the name shown; --set typos get a close match ------------------


def test_a_check_is_named_as_shown_without_its_bracketed_note(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    code, _, err = _review(
        capsys,
        results,
        "--report",
        "县司法局.txt",
        "--check",
        "开头所述年度与报告年度一致",
        "--set",
        "fail",
    )
    assert code == 0, err
    assert _stored(results)[0]["id"] == "document.opening_speaks_of_the_year"


def test_a_mistyped_set_value_gets_a_close_match(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    code, _, err = _review(
        capsys, results, "--report", "县司法局.txt", "--part", "负责人履职", "--set", "embeded"
    )
    assert code == 2 and "是否想输入 embedded" in err and len(err.strip().splitlines()) == 1
    code, _, err = _review(
        capsys, results, "--report", "县司法局.txt", "--part", "负责人履职", "--set", "嵌于他节"
    )
    assert code == 0, err
    assert _stored(results)[0]["set"] == "embedded"


# --- 4. imports do not pile up; decisions on changed files are said to no longer apply ----


def _page_decision(sha: object) -> dict[str, object]:
    """A decision as a report page exports it: 有数据 failed, with a note."""
    return {
        "sha256": sha,
        "rubric": "fazhi-annual",
        "rubric_version": "1.0",
        "target": "check",
        "id": "achievements.has_figures",
        "set": "fail",
        "machine": "pass",
        "accept": False,
        "note": "数据不实",
        "at": "2026-03-01T10:00:00.000Z",
        "by": "html",
    }


def test_importing_the_same_export_twice_adds_it_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    sha = next(r["sha256"] for r in _lines(results) if str(r["path"]).endswith("县司法局.txt"))
    export = tmp_path / "fzcheck-decisions.json"
    decision = _page_decision(sha)
    export.write_text(
        json.dumps({"fzcheck_decisions": 1, "decisions": [decision, decision]}), encoding="utf-8"
    )
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入1条新的人工复核" in err and "1条已有" in err
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入0条新的人工复核" in err and "2条已有" in err
    assert len(_stored(results)) == 1


def _in_force(results: Path, sha: str, check: str) -> str:
    """The verdict a check has once the stored decisions are applied (the last one wins)."""
    from fzcheck.grading.decisions import load, with_review
    from fzcheck.rubric import Catalog

    line = next(r for r in _lines(results) if r.get("sha256") == sha)
    review = with_review(line, load(decisions_path(results)), Catalog.load())["review"]
    return "pass" if review["checks"][check] else "fail"


def test_an_untimed_import_that_goes_back_to_an_earlier_decision_is_added(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    """pass, then fail, then an imported pass without a time: the reviewer went back to pass.
    It equals an earlier decision, not the one in force, so it is no duplicate."""
    sha = next(r["sha256"] for r in _lines(results) if str(r["path"]).endswith("县司法局.txt"))
    check = "achievements.has_figures"
    for value in ("pass", "fail"):
        code, _, err = _review(
            capsys, results, "--report", "县司法局.txt", "--check", check, "--set", value
        )
        assert code == 0, err
    assert _in_force(results, sha, check) == "fail"
    export = tmp_path / "decisions.jsonl"
    decision = {
        "sha256": sha,
        "rubric": "fazhi-annual",
        "rubric_version": "1.0",
        "target": "check",
        "id": check,
        "set": "pass",
        "machine": "pass",
        "accept": False,
    }
    export.write_text(json.dumps(decision) + "\n", encoding="utf-8")
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入1条新的人工复核" in err and "0条已有" in err, err
    assert [d["set"] for d in _stored(results)] == ["pass", "fail", "pass"]
    assert _in_force(results, sha, check) == "pass"
    # the same file again: pass is now the decision in force, so nothing is added
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入0条新的人工复核" in err and "1条已有" in err, err
    assert len(_stored(results)) == 3


def test_an_export_holding_a_changed_mind_imported_twice_keeps_the_later_decision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    """The page exports its whole history: fail, then pass on one check. Imported again, the
    earlier fail is the same event as the one stored, not a new decision that undoes pass."""
    sha = next(r["sha256"] for r in _lines(results) if str(r["path"]).endswith("县司法局.txt"))
    check = "achievements.has_figures"
    base = {
        "sha256": sha,
        "rubric": "fazhi-annual",
        "rubric_version": "1.0",
        "target": "check",
        "id": check,
        "machine": "pass",
        "accept": False,
        "by": "html",
    }
    history = [
        {**base, "set": "fail", "at": "2026-03-01T10:00:00.000Z"},
        {**base, "set": "pass", "at": "2026-03-01T10:05:00.000Z"},
    ]
    export = tmp_path / "fzcheck-decisions.json"
    export.write_text(json.dumps({"fzcheck_decisions": 1, "decisions": history}), "utf-8")
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入2条新的人工复核" in err, err
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入0条新的人工复核" in err and "2条已有" in err, err
    assert [d["set"] for d in _stored(results)] == ["fail", "pass"]
    assert _in_force(results, sha, check) == "pass"


def test_a_decision_on_a_file_that_changed_is_said_to_no_longer_apply(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, desk: Path, results: Path
) -> None:
    _review(capsys, results, "--report", "县教育局.txt", "--part", "problems", "--set", "embedded")
    _review(capsys, results, "--report", "县教育局.txt", "--part", "problems", "--set", "embedded")
    # the unit resubmits: the same path, other bytes; the batch is run again from scratch
    report = desk / "县教育局.txt"
    report.write_text(report.read_text(encoding="utf-8") + "\n（修改稿）\n", encoding="utf-8")
    results.unlink()
    main(["batch", str(desk), "-o", str(results), "--summary", "none"])
    capsys.readouterr()
    warning = "1条复核意见所针对的文件已改动，不再适用：县教育局.txt"
    code, _, err = _review(capsys, results)
    assert code == 0 and err.count(warning) == 1
    code, _, err = run(capsys, "letter", str(results), "-o", str(tmp_path / "L"))
    assert err.count(warning) == 1
    # the summary and the workbook dropped the overrule unsaid
    code, _, err = run(capsys, "report", str(results), "-o", str(tmp_path / "评分表.xlsx"))
    assert err.count(warning) == 1
    results.unlink()
    code, _, err = run(capsys, "batch", str(desk), "-o", str(results))
    assert err.count(warning) == 1
    # reviewed again since it changed: the old decisions were dealt with, no longer said
    _review(capsys, results, "--report", "县教育局.txt", "--part", "problems", "--accept")
    code, _, err = run(capsys, "report", str(results))
    assert warning not in err


# --- 5. a not-a-report letter, once and in words a unit reads ------------------------------


def test_a_not_a_report_letter_says_it_once_without_the_score(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    letter = next(
        _docx_text(p) for p in out.iterdir() if "工作要点" in _docx_text(p) and "汇总" not in p.name
    )
    assert "报送的材料不是法治政府建设年度报告：标题表明这是工作要点。" in letter
    assert letter.count("不是法治政府建设") == 1 and "得分-" not in letter
    assert "请于____年__月__日前报送本单位的法治政府建设年度报告" in letter
    assert "修改后的报告" not in letter


# --- 6. one rule for who goes back --------------------------------------------------------


def test_the_send_back_list_and_the_letters_name_the_same_reports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    stats = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    back = {Path(u["path"]).name for u in stats["send_back"]}
    again = {Path(u["path"]).name for u in stats["resubmit"]}
    # signed after the deadline: a failed check sends a complete report back too
    assert back == {"县应急管理局.txt", "县教育局.txt", "县文旅局工作要点.txt"}
    late = next(u for u in stats["send_back"] if u["path"].endswith("县应急管理局.txt"))
    assert (
        late["verdict"] == "complete" and late["failed"] and late["reason"].startswith("未通过：")
    )
    assert again == {"县统计局.docx", "县林业局.docx"}

    out = tmp_path / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and f"已写{len(back | again)}份反馈意见及汇总" in err
    whole = _docx_text(out / "汇总反馈意见.docx")
    headings = [line for line in whole.splitlines() if line[:1].isdigit() and ". " in line]
    assert len(headings) == len(back | again) == len(list(out.iterdir())) - 1

    # a reviewer's decision moves a report off both at once
    _review(
        capsys,
        results,
        "--report",
        "县应急管理局.txt",
        "--check",
        "document.published_in_time",
        "--set",
        "pass",
    )
    stats = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    assert "县应急管理局.txt" not in {Path(u["path"]).name for u in stats["send_back"]}
    shutil.rmtree(out)
    run(capsys, "letter", str(results), "-o", str(out))
    assert not any(p.name.startswith("某县应急管理局") for p in out.iterdir())


@pytest.mark.parametrize("fmt", ["markdown", "terminal"])
def test_the_send_back_table_names_files_to_submit_again(
    capsys: pytest.CaptureFixture[str], results: Path, fmt: str
) -> None:
    """An empty or damaged submission gets a letter asking for it again: the cohort's send-back
    table lists it too, with why, beside the reports that go back."""
    out = run(capsys, "report", str(results), "-f", fmt)[1]
    start = out.index("需退回修改的单位")
    back = out[start : min(i for i in (out.find(w, start) for w in ("##", "处理失败")) if i > 0)]
    assert "县统计局.docx" in back and "县林业局.docx" in back
    assert "县教育局.txt" in back  # a report missing a part, as before


@pytest.mark.parametrize(
    "message,advice",
    [
        ("a damaged PDF file (no readable pages); re-export it", "请从原文档重新导出PDF后报送"),
        ("a damaged .ofd file (not a readable zip package); re-export it", "重新生成OFD文件"),
        ("a damaged .docx (BadZipFile); re-save it from Word or WPS", "请用Word/WPS重新保存"),
    ],
)
def test_a_damaged_files_letter_advises_for_its_format(message: str, advice: str) -> None:
    """A damaged PDF is exported again from its document, an OFD generated again: re-saving
    from Word is advice for a Word file only."""
    from fzcheck.commands.letter import resubmit_reason

    r = {"verdict": "error", "ok": False, "error": {"kind": "corrupt", "message": message}}
    assert advice in resubmit_reason(r)


def test_a_gbk_named_report_is_reviewed_and_its_decision_read_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A file a Chinese Windows PC named (GBK bytes, not UTF-8): the decision is written (it
    was a traceback: pydantic's JSON cannot hold the name's bytes) and read back, and a page's
    export naming it as read is the same report when its file changes."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode("清溪镇报告.txt".encode("gbk"))
    (folder / name).write_text(_unit("清溪镇人民政府"), encoding="utf-8")
    results = tmp_path / "results.jsonl"
    main(["batch", str(folder), "-o", str(results), "--summary", "none"])
    code, _, err = _review(
        capsys, results, "--report", "清溪镇报告.txt", "--part", "负责人履职", "--set", "missing"
    )
    assert code == 0 and "Traceback" not in err, err
    stored = _stored(results)
    assert len(stored) == 1 and stored[0]["path"] == str(folder / name)
    code, out, err = _review(capsys, results)
    assert code == 0 and "清溪镇" in out
    # the unit resubmits: the decision no longer applies, and that is said
    (folder / name).write_text(_unit("清溪镇人民政府") + "\n补充说明。\n", encoding="utf-8")
    main(["batch", str(folder), "-o", str(results), "--summary", "none"])
    capsys.readouterr()
    code, out, err = _review(capsys, results)
    assert "清溪镇报告.txt" in err


def test_a_decision_exported_from_a_page_names_a_gbk_file_as_the_results_do() -> None:
    """A page's export names the file as read (清溪镇报告.txt), the results by its bytes: the
    same report, so its decisions going stale on a resubmission is said."""
    import os

    from fzcheck.commands.review import stale
    from fzcheck.result import Decision

    raw = "/in/" + os.fsdecode("清溪镇报告.txt".encode("gbk"))
    results = [{"path": raw, "sha256": "b" * 64}]
    decision = Decision(
        sha256="a" * 64, rubric="fazhi-annual", rubric_version="1.0", target="part",
        id="problems", set="embedded", machine="missing", path="/in/清溪镇报告.txt",
    )  # fmt: skip
    assert stale(results, [decision]) == [("清溪镇报告.txt", 1)]


def test_a_letter_for_a_check_the_reviewer_failed_gives_the_reviewers_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    """The machine found causes (见“原因”…); the reviewer judged them empty and failed the
    check: the letter says it is not done, with the reviewer's note — not the machine's pass."""
    code, _, err = _review(
        capsys, results, "--report", "县司法局", "--check", "分析了不足的原因",
        "--set", "fail", "--note", "原因写得空泛",
    )  # fmt: skip
    assert code == 0, err
    out = tmp_path / "letters"
    assert run(capsys, "letter", str(results), "-o", str(out))[0] == 0
    text = _docx_text(out / "某县司法局-反馈意见.docx")
    assert "未做到“分析了不足的原因”：原因写得空泛" in text
    assert "见“原因”" not in text


def test_the_cohort_csv_says_what_the_machine_said_beside_the_reviewer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    """The units CSV of `report`: a part the reviewer changed reads 由“缺失”改为“嵌于他节”, as
    every other view shows machine → reviewer."""
    code, _, err = _review(
        capsys, results, "--report", "县教育局", "--part", "存在不足", "--set", "embedded"
    )
    assert code == 0, err
    sheet = tmp_path / "units.csv"
    assert run(capsys, "report", str(results), "-o", str(sheet))[0] == 0
    row = next(x for x in sheet.read_text(encoding="utf-8-sig").splitlines() if "县教育局" in x)
    assert "由“缺失”改为“嵌于他节”" in row


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_workbook_given_to_review_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    """A sheet fzcheck wrote (or any workbook) is no report to decide on: one line, as letter."""
    sheet = tmp_path / f"评分表{suffix}"
    sheet.write_bytes(b"\xef\xbb\xbfpath,verdict\n")
    code, _, err = run(capsys, "review", str(sheet), "--part", "problems", "--set", "embedded")
    assert code == 2 and "是表格" in err and "Traceback" not in err
    assert not (tmp_path / f"评分表{suffix}.decisions.jsonl").exists()


def test_letters_to_unread_files_of_one_name_are_told_apart_by_their_suffixes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """损坏.docx, 损坏.pdf, 损坏.ofd, none read: 损坏-反馈意见.docx, then 损坏.pdf-反馈意见.docx …,
    not -2 and -3 that say nothing of which file each is for."""
    folder = tmp_path / "in"
    folder.mkdir()
    for suffix in (".docx", ".pdf", ".ofd"):
        (folder / f"损坏{suffix}").write_bytes(b"\x00\x01damaged" * 8)
    results = tmp_path / "results.jsonl"
    main(["batch", str(folder), "-o", str(results), "--summary", "none"])
    out = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(out))
    names = sorted(p.name for p in out.iterdir() if p.name != "汇总反馈意见.docx")
    assert len(names) == 3 and not any("-2" in n or "-3" in n for n in names), names


def test_decisions_under_an_older_rubric_version_are_said_not_to_apply(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    """The reports graded again under a new version of the rubric: decisions made on the old
    one no longer apply, and that is said (the listing was silent)."""
    code, _, err = _review(
        capsys, results, "--report", "县教育局", "--part", "存在不足", "--set", "embedded"
    )
    assert code == 0, err
    store = decisions_path(results)
    store.write_text(
        store.read_text(encoding="utf-8").replace(
            '"rubric_version":"1.0"', '"rubric_version":"0.9"'
        ),
        encoding="utf-8",
    )
    reseal(store)
    code, _, err = _review(capsys, results)
    assert code == 0 and "1条复核意见是按评分规则的旧版本作出的" in err


def test_decisions_on_results_of_a_rubric_not_at_hand_are_said_not_applied(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    """Results graded with a custom rubric (or a version since upgraded) and report run without
    it: the decisions cannot be applied — said once, not dropped in silence (helper-202's 2: the
    letter still sent the unit back for the part the reviewer had found)."""
    from fzcheck.grading.decisions import _rubric_unknown

    code, _, err = _review(
        capsys, results, "--report", "县教育局", "--part", "存在不足", "--set", "embedded"
    )
    assert code == 0, err
    for path in (results, decisions_path(results)):
        path.write_text(
            path.read_text(encoding="utf-8").replace('"fazhi-annual"', '"my-fazhi"'),
            encoding="utf-8",
        )
    reseal(decisions_path(results))
    _rubric_unknown.cache_clear()
    code, _, err = run(capsys, "report", str(results), "-f", "csv")
    assert code == 0
    assert err.count("有人工复核记录未应用") == 1 and "my-fazhi" in err and "--rubric" in err


def test_a_decisions_file_nested_past_the_stack_is_skipped_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = tmp_path / "r.txt"
    shutil.copy(SAMPLE, report)
    decisions_path(report).write_text("[" * 100_000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "review", str(report))
    assert code == 0 and "Traceback" not in err and "不是有效的复核记录" in err


def test_a_hint_sends_nothing_back_unless_its_reviewer_fails_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A GIP report complete and scoring 100 whose text counts 17 requests beside a table of 40
    (a warning, penalty 0: the text may count another scope) got a letter asking the unit to
    fix it. A hint is the reviewer's to weigh: no letter — until the reviewer fails the check."""
    from tests.gip import reports as gip

    text = gip.layout_text().replace("共收到政府信息公开申请40件", "共收到政府信息公开申请17件")
    report = tmp_path / "县交通运输局.txt"
    report.write_text(text, encoding="utf-8")
    results = tmp_path / "results.jsonl"
    main(["batch", str(report), "-o", str(results), "--summary", "none"])
    (line,) = _lines(results)
    assert line["verdict"] == "complete" and line["score"] == 100
    hint = next(c for c in line["checks"] if c["id"] == "text_matches_tables")  # type: ignore[union-attr]
    assert not hint["passed"]
    capsys.readouterr()
    out = tmp_path / "L"
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and "都无需退回" in err
    # every report's letter: the unit's says nothing to revise; the desk's 汇总 says what it
    # has still to look at (未发现需要修改的问题 alone read as checked through)
    run(capsys, "letter", str(results), "-o", str(tmp_path / "all"), "--all")
    note = "审查人员注意（不发报送单位）：人工核对（提示项未通过）"
    assert note in _docx_text(tmp_path / "all" / "汇总反馈意见.docx")
    (letter,) = [p for p in (tmp_path / "all").glob("*.docx") if "汇总" not in p.name]
    assert "审查人员注意" not in _docx_text(letter)
    # a decision on another check leaves the hint a hint (it was then named the reason to send
    # the report back: the review holds every check's outcome, decided or not)
    run(
        capsys, "review", str(results), "--check", "document.signed_after_year_end", "--set", "pass"
    )
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and "都无需退回" in err
    _, summary, _ = run(capsys, "report", str(results), "-f", "json")
    assert json.loads(summary)["send_back"] == []
    run(capsys, "review", str(results), "--check", "document.text_matches_tables", "--set", "fail")
    code, _, err = run(capsys, "letter", str(results), "-o", str(out))
    assert code == 0 and len(list(out.glob("*.docx"))) >= 1, err


def test_one_file_submitted_under_two_names_is_no_copying_and_gets_one_letter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The same report saved twice (报告.txt and 报告（1）.txt, one sha256): the summary called
    it copying (相似度1.00) and two identical letters went out. It is one report submitted
    twice: no copy flag, listed as 重复报送, one letter, the other name said."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(FIXTURES / "trap_no_problems.txt", d / "县教育局.txt")
    shutil.copy(FIXTURES / "trap_no_problems.txt", d / "县教育局（1）.txt")
    (d / "县司法局.txt").write_text(_unit("某县司法局"), encoding="utf-8")
    results = tmp_path / "results.jsonl"
    code, _, _ = run(capsys, "batch", str(d), "-o", str(results), "--summary", "none")
    assert all(not line.get("copies") for line in _lines(results))
    _, out, _ = run(capsys, "report", str(results), "-f", "json")
    twice = json.loads(out)["duplicates"]
    assert [[Path(p).name for p in group] for group in twice] == [
        ["县教育局.txt", "县教育局（1）.txt"]
    ]
    _, out, _ = run(capsys, "report", str(results))
    assert "重复报送" in out
    letters = tmp_path / "L"
    code, _, err = run(capsys, "letter", str(results), "-o", str(letters))
    assert code == 0 and "重复报送" in err
    assert len([p for p in letters.glob("*.docx") if p.name != "汇总反馈意见.docx"]) == 1


def test_a_letter_lists_every_sum_that_does_not_hold(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """2处勾稽关系不成立…如… named the first only: the unit could not find the second. The
    letter lists each sum that does not hold."""
    from tests.gip import reports as gip

    text = gip.layout_text().replace(
        "（七）总计                       29", "（七）总计                       30"
    )
    report = tmp_path / "县交通运输局.txt"
    report.write_text(text, encoding="utf-8")
    out = tmp_path / "L"
    code, _, err = run(capsys, "letter", str(report), "-o", str(out))
    assert code == 0, err
    letter = _docx_text(next(p for p in out.glob("*.docx") if p.name != "汇总反馈意见.docx"))
    failing = [line for line in letter.splitlines() if "（七）总计" in line and "而" in line]
    assert len(failing) >= 2, letter
    # a sum fzcheck worked out is no quote of the report: 说明, not 原文
    assert all(not line.startswith("原文") for line in failing[1:]), failing
    assert any(line.startswith("说明：") for line in failing), failing


def test_a_report_only_published_late_is_not_asked_for_a_revision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Signed 2026年4月15日, past the deadline, complete otherwise: its letter asked the unit to
    submit a revised report, which cannot make it on time. It is told, and asked to publish;
    a report also missing a part is still asked for a revision."""
    late = _unit("某县应急管理局").replace("2026年2月10日", "2026年4月15日")
    (tmp_path / "late.txt").write_text(late, encoding="utf-8")
    gap = late[: late.index("三、党政主要负责人")] + late[late.index("四、") :]  # no leader part
    (tmp_path / "gap.txt").write_text(gap, encoding="utf-8")
    out = tmp_path / "L"

    def letter(name: str) -> str:
        run(capsys, "letter", str(tmp_path / name), "-o", str(out))
        return _docx_text(next(p for p in out.glob("*.docx") if p.name != "汇总反馈意见.docx"))

    text = letter("late.txt")
    assert "已过公开期限" in text and "请注意以下问题" in text
    assert "修改后的报告" not in text and "请尽快按规定向社会公开" in text
    shutil.rmtree(out)
    assert "修改后的报告" in letter("gap.txt")


def test_a_document_check_the_machine_did_not_run_is_decided_on_review(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A text file has no publication date, so the deadline check is not run; a reviewer who saw
    the site's date (4月10日) could not record it (没有检查 document.published_in_time). Now it is
    decided, scored and shown as the reviewer's."""
    report = tmp_path / "r.txt"
    shutil.copy(SAMPLE, report)
    machine = json.loads(run(capsys, "check", "-f", "json", str(report))[1])[0]
    assert "published_in_time" not in {c["id"] for c in machine["checks"]}
    args = ("review", str(report), "--check", "document.published_in_time")
    code, _, err = run(capsys, *args, "--accept")
    assert code == 2 and "机器未核对" in err
    code, _, err = run(capsys, *args, "--set", "fail", "--note", "网站4月10日才公开")
    assert code == 0, err
    review = json.loads(run(capsys, "check", "-f", "json", str(report))[1])[0]["review"]
    assert review["checks"]["document.published_in_time"] is False
    assert [(c["part"], c["id"]) for c in review["added"]] == [("document", "published_in_time")]
    cost = [i for i in review["score_breakdown"] if i.get("check") == "published_in_time"]
    assert len(cost) == 1 and cost[0]["points"] < 0 and "4月10日" in cost[0]["reason"]
    assert review["score"] == machine["score"] + cost[0]["points"]


def test_a_part_found_on_review_has_its_checks_decided_or_shown_unchecked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The machine found no 存在的不足和原因 and ran none of its checks; the reviewer finds the
    part. Its checks are 未核对 — neither deducted nor passed — in the review listing, the
    terminal and the page, until the reviewer decides them; one decided failed costs its
    points and goes into the unit's letter. Confirming a check nobody ran is refused."""
    report = tmp_path / "r.txt"
    shutil.copy(FIXTURES / "trap_no_problems.txt", report)
    run(capsys, "review", str(report), "--part", "problems", "--set", "present")
    code, out, _ = run(capsys, "review", str(report))
    assert code == 0 and "以下检查项机器未核对" in out and "“分析了不足的原因”" in out
    assert "problems.gives_causes" not in out.replace("\n", "")  # the name --check takes
    machine = json.loads(run(capsys, "check", "-f", "json", str(report))[1])[0]
    review = machine["review"]
    assert set(review["unchecked"]) == {"problems.names_shortcomings", "problems.gives_causes"}
    assert not any(
        i.get("part") == "problems" and i.get("check") for i in review["score_breakdown"]
    )
    html = tmp_path / "r.html"
    run(capsys, "check", "-f", "html", "-o", str(html), str(report))
    page = html.read_text(encoding="utf-8")
    assert 'data-review-id="problems.gives_causes" data-machine=""' in page and "未核对" in page

    code, _, err = run(capsys, "review", str(report), "--check", "gives_causes", "--accept")
    assert code == 2 and "机器未核对" in err
    run(
        capsys,
        "review",
        str(report),
        "--check",
        "gives_causes",
        "--set",
        "fail",
        "--note",
        "未析原因",
    )
    review = json.loads(run(capsys, "check", "-f", "json", str(report))[1])[0]["review"]
    assert list(review["unchecked"]) == ["problems.names_shortcomings"]
    assert [(c["id"], c["passed"]) for c in review["added"]] == [("gives_causes", False)]
    # the review is not done: the sheets say so, and the letters warn; the report goes back
    # (a check failed on review) in the sheets as in report and letter
    rows = list(csv.DictReader(io.StringIO(run(capsys, "check", "-f", "csv", str(report))[1])))
    assert rows[0]["处理建议"] == (
        "退回修改（复核未完，“写明了存在的不足”未核对，反馈意见可能不全）"
    )
    checked = tmp_path / "checked.json"
    run(capsys, "check", "-f", "json", "-o", str(checked), str(report))
    cohort = json.loads(run(capsys, "report", str(checked), "-f", "json")[1])
    assert [u["path"] for u in cohort["send_back"]] == [str(report)]
    out_dir = tmp_path / "L"
    assert "1份复核未完" in run(capsys, "letter", str(report), "-o", str(out_dir))[2]
    # a second decided check is a check of its own (each decision had landed on the last)
    run(capsys, "review", str(report), "--check", "names_shortcomings", "--set", "pass")
    review = json.loads(run(capsys, "check", "-f", "json", str(report))[1])[0]["review"]
    assert review["unchecked"] == {}
    assert review["checks"]["problems.gives_causes"] is False
    assert review["checks"]["problems.names_shortcomings"] is True
    cost = [i for i in review["score_breakdown"] if i.get("check") == "gives_causes"]
    assert len(cost) == 1 and cost[0]["points"] < 0
    assert review["score"] == round(sum(i["points"] for i in review["score_breakdown"]), 1)
    rows = list(csv.DictReader(io.StringIO(run(capsys, "check", "-f", "csv", str(report))[1])))
    assert "分析了不足的原因" in rows[0]["未通过的检查"] and rows[0]["处理建议"] == "退回修改"
    shutil.rmtree(out_dir)
    _, _, err = run(capsys, "letter", str(report), "-o", str(out_dir))
    assert "复核未完" not in err
    letter = _docx_text(next(p for p in out_dir.glob("*.docx") if p.name != "汇总反馈意见.docx"))
    assert "未做到“分析了不足的原因”：未析原因" in letter
    assert "写明了存在的不足" not in letter and "未核对" not in letter
    # the part set back to missing: its checks' decisions stand in the record, not counted
    run(capsys, "review", str(report), "--part", "problems", "--set", "missing")
    _, out, _ = run(capsys, "review", str(report))
    assert "（所属要素经复核为缺失，此项不计）" in out
    review = json.loads(run(capsys, "check", "-f", "json", str(report))[1])[0]["review"]
    assert not any(i.get("check") for i in review["score_breakdown"] if i["part"] == "problems")


def test_listing_one_report_or_none_says_what_it_found(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`review RESULTS --report X` lists X's decisions only, a name no report has is an error,
    and a listing with nothing to list says so rather than printing nothing."""
    (tmp_path / "in").mkdir()
    shutil.copy(FIXTURES / "trap_no_problems.txt", tmp_path / "in" / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "in" / "b.txt")
    results = tmp_path / "res.jsonl"
    run(capsys, "batch", str(tmp_path / "in"), "-o", str(results), "--summary", "none")
    code, out, err = run(capsys, "review", str(results))
    assert code == 0 and out == "" and "还没有复核意见" in err
    run(
        capsys,
        "review",
        str(results),
        "--report",
        "a.txt",
        "--part",
        "problems",
        "--set",
        "embedded",
    )
    code, out, err = run(capsys, "review", str(results), "--report", "b.txt")
    assert code == 0 and "a.txt" not in out and "b.txt：还没有复核意见" in err
    code, out, _ = run(capsys, "review", str(results), "--report", "a.txt")
    assert code == 0 and "要素“存在不足”" in out
    code, _, err = run(capsys, "review", str(results), "--report", "zzz")
    assert code == 2 and "没有这份报告" in err


def test_review_of_a_file_of_results_in_name_only_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A hand-made or edited .json whose items have a verdict but not a result's shape ("parts":
    "p", "sha256": [...]): the one-line error `report` gives it, not a traceback."""
    made = tmp_path / "m.json"
    made.write_text('{"verdict": "complete", "path": 5, "ok": true, "sha256": ["x"], "parts": "p"}')
    for args in ([], ["--part", "problems", "--set", "present"]):
        code, _, err = run(capsys, "review", str(made), *args)
        assert code == 2 and "不是评查结果文件（第1项不是评查结果）" in err


def test_a_results_file_with_an_edited_line_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A results line edited by hand into shapes no view can read (a part's checks "x", a part
    with no id, a review block whose added checks are a string, copies as a string): report,
    letter and review refuse the file in one line, not with a traceback further on."""
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLE, tmp_path / "in" / "a.txt")
    results = tmp_path / "res.jsonl"
    run(capsys, "batch", str(tmp_path / "in"), "-o", str(results), "--summary", "none")
    line = json.loads(results.read_text(encoding="utf-8"))
    edits = [
        lambda r: r["parts"][0].update(checks="x"),
        lambda r: r["parts"][0].pop("id"),
        lambda r: r.update(
            review={"decisions": [], "verdict": "complete", "score": 1, "added": "x"}
        ),
        lambda r: r.update(copies="x"),
    ]
    for edit in edits:
        bad = json.loads(json.dumps(line))
        edit(bad)
        results.write_text(json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
        for args in (["report"], ["letter", "-o", str(tmp_path / "L")], ["review"]):
            code, _, err = run(capsys, *args[:1], str(results), *args[1:])
            assert code == 2 and "不是" in err and "Traceback" not in err, (args, err)


def test_a_reviewers_note_is_kept_to_a_readable_length() -> None:
    """A page export's 20-million-character note made every listing run for minutes."""
    from fzcheck.result import NOTE_MAX, Decision

    d = Decision(
        sha256="ab",
        rubric="r",
        rubric_version="1",
        target="part",
        id="p",
        set="present",
        note="很" * 100_000,
    )
    assert d.note is not None and len(d.note) == NOTE_MAX + 1 and d.note.endswith("…")


def test_files_a_windows_editor_saved_with_a_bom_lose_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, results: Path
) -> None:
    """Notepad and WPS save UTF-8 with a byte-order mark: an export the reviewer opened and saved
    still imports, a decisions file so saved keeps its first decision, and a `check -f json`
    array so saved is still a results file."""
    bom = "\ufeff"
    sha = next(r["sha256"] for r in _lines(results) if str(r["path"]).endswith("县司法局.txt"))
    decision = _page_decision(sha)
    export = tmp_path / "fzcheck-decisions.json"
    export.write_text(
        bom + json.dumps({"fzcheck_decisions": 1, "decisions": [decision]}), encoding="utf-8"
    )
    code, _, err = _review(capsys, results, "--import", str(export))
    assert code == 0 and "已导入1条新的人工复核" in err
    stored = decisions_path(results)
    stored.write_text(bom + stored.read_text(encoding="utf-8"), encoding="utf-8")
    from fzcheck.grading.decisions import load

    assert [d.note for d in load(stored)] == ["数据不实"]
    assert "不是有效的复核记录" not in capsys.readouterr().err
    array = tmp_path / "checked.json"
    run(capsys, "check", str(SAMPLE), "-f", "json", "-o", str(array))
    array.write_text(bom + array.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "report", str(array), "-f", "csv")
    assert code == 0, err
    assert "sample-report" in out


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        # a folder given for a report or results file (it said 找不到该文件)
        (["review", "{tmp}"], "是一个文件夹"),
        # an empty --part/--set (a script's unset variable): a usage error, not a listing
        (["review", "{sample}", "--part", "", "--set", ""], "请用"),
    ],
)
def test_review_given_a_folder_or_empty_choices_says_what_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    report = tmp_path / "r.txt"
    shutil.copy(SAMPLE, report)
    args = [a.format(tmp=tmp_path, sample=report) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert said in err and len(err.splitlines()) == 1, err
    assert not decisions_path(report).exists()


def test_a_results_line_from_before_part_labels_shows_no_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An older fzcheck's results, its parts with no label or name: the unchecked-checks hint
    named the part 要素“None” (helper-202's 13)."""
    report = tmp_path / "r.txt"
    shutil.copy(FIXTURES / "trap_no_problems.txt", report)
    results = tmp_path / "results.jsonl"
    main(["batch", str(report), "-o", str(results), "--summary", "none"])
    lines = _lines(results)
    for line in lines:
        for p in line["parts"]:  # type: ignore[attr-defined]
            p.pop("label", None)
            p.pop("name", None)
    results.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    capsys.readouterr()
    code, out, err = _review(
        capsys, results, "--report", "r", "--part", "problems", "--set", "present"
    )
    assert code == 0, err
    code, out, _ = _review(capsys, results)
    assert code == 0 and "以下检查项机器未核对" in out and "None" not in out
