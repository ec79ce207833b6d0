"""The reviewer's desk when names repeat and commands differ:

1. reports of one file name in different folders (乡镇/报告.txt, 街道/报告.txt) are listed,
   found and warned about by the end of their path that tells them apart;
2. a decision ``review FILE`` stores beside the report is applied by every view of a results
   file that names that report (report, batch, letter, review), as ``check FILE`` applies it;
3. argparse's own errors are said in the CLI's language (Chinese by default), usage kept.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.grading.decisions import decisions_path
from fzcheck.result import Decision
from tests.helpers import SAMPLE

FOLDERS = ("乡镇", "部门", "街道")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err.replace("\n", "")  # a long line wrapped by the console


@pytest.fixture
def subs(tmp_path: Path) -> Path:
    """报告.txt in three folders: two byte-identical copies (乡镇, 街道), one edited (部门)."""
    root = tmp_path / "subs"
    for name in FOLDERS:
        (root / name).mkdir(parents=True)
        shutil.copy(SAMPLE, root / name / "报告.txt")
    with (root / "部门" / "报告.txt").open("a", encoding="utf-8") as f:
        f.write("（修改）\n")
    return root


@pytest.fixture
def results(capsys: pytest.CaptureFixture[str], tmp_path: Path, subs: Path) -> Path:
    out = tmp_path / "r.jsonl"
    code, _, err = run(capsys, "batch", str(subs), "-o", str(out), "--summary", "none")
    assert code == 0, err
    return out


def _reviewed(capsys: pytest.CaptureFixture[str], results: Path) -> dict[str, object]:
    """The cohort JSON ``report`` writes: reviewed units as every view counts them."""
    code, out, err = run(capsys, "report", str(results), "--format", "json")
    assert code == 0, err
    return dict(json.loads(out))


# 1. same names in different folders


def test_same_named_reports_are_listed_by_the_folder_that_tells_them_apart(
    capsys: pytest.CaptureFixture[str], results: Path
) -> None:
    code, _, err = run(
        capsys, "review", str(results), "--report", "报告.txt", "--part", "problems", "--accept"
    )
    assert code == 2
    assert "找到3份匹配的报告" in err
    listed = err.rsplit("例如：", 1)[1].split("、")
    assert sorted(listed) == ["乡镇/报告.txt", "街道/报告.txt", "部门/报告.txt"]


def test_a_path_suffix_at_a_folder_boundary_names_the_report(
    capsys: pytest.CaptureFixture[str], results: Path, subs: Path
) -> None:
    code, _, err = run(
        capsys,
        "review",
        str(results),
        "--report",
        "乡镇/报告.txt",
        "--part",
        "problems",
        "--accept",
    )
    assert code == 0, err
    stored = [json.loads(x) for x in decisions_path(results).read_text("utf-8").splitlines()]
    assert [d["path"] for d in stored] == [str(subs / "乡镇" / "报告.txt")]
    # not inside a folder's name: 镇/报告.txt is no folder of any report
    code, _, err = run(
        capsys, "review", str(results), "--report", "镇/报告.txt", "--part", "x", "--accept"
    )
    assert code == 2 and "中没有这份报告；其中的报告有：" in err


def test_an_exact_path_wins_over_a_suffix_it_shares(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = tmp_path / "desk"
    for folder in ("a", "x/a"):
        (desk / folder).mkdir(parents=True)
        shutil.copy(SAMPLE, desk / folder / "报告.txt")
    out = tmp_path / "r.jsonl"
    code, _, err = run(capsys, "batch", str(desk), "-o", str(out), "--summary", "none")
    assert code == 0, err
    # a/报告.txt ends both paths: listed by what tells them apart, each of which finds one
    code, _, err = run(
        capsys, "review", str(out), "--report", "a/报告.txt", "--part", "problems", "--accept"
    )
    assert code == 2 and "找到2份匹配的报告" in err
    assert "desk/a/报告.txt、x/a/报告.txt" in err
    for which in ("desk/a/报告.txt", "x/a/报告.txt"):
        code, _, err = run(
            capsys, "review", str(out), "--report", which, "--part", "problems", "--accept"
        )
        assert code == 0, err
    # from the desk, a/报告.txt is that file's path: the exact match wins over the suffix
    monkeypatch.chdir(desk)
    code, _, err = run(
        capsys, "review", str(out), "--report", "a/报告.txt", "--part", "leader_duties", "--accept"
    )
    assert code == 0, err
    last = decisions_path(out).read_text("utf-8").splitlines()[-1]
    assert json.loads(last)["path"] == str(desk / "a" / "报告.txt")


def test_a_path_as_the_results_name_it_wins_over_the_same_file_name_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Results naming report.txt and 乡镇/report.txt: --report report.txt is the first (its
    path exactly), as the error listing both suggests; 乡镇/report.txt the second."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "乡镇").mkdir()
    shutil.copy(SAMPLE, tmp_path / "report.txt")
    shutil.copy(SAMPLE, tmp_path / "乡镇" / "report.txt")
    code, _, err = run(
        capsys, "batch", "report.txt", "乡镇/report.txt", "-o", "r.jsonl", "--summary", "none"
    )
    assert code == 0, err
    assert [json.loads(x)["path"] for x in Path("r.jsonl").read_text("utf-8").splitlines()] == [
        "report.txt",
        "乡镇/report.txt",
    ]
    for which, part in (("report.txt", "problems"), ("乡镇/report.txt", "leader_duties")):
        code, _, err = run(
            capsys, "review", "r.jsonl", "--report", which, "--part", part, "--accept"
        )
        assert code == 0, err
        last = decisions_path(Path("r.jsonl")).read_text("utf-8").splitlines()[-1]
        assert json.loads(last)["path"] == which


def test_names_apart_takes_the_shortest_end_no_other_path_has() -> None:
    from fzcheck.commands.review import names_apart

    paths = ["/d/subs/乡镇/报告.txt", "/d/subs/街道/报告.txt", "/d/县司法局.txt"]
    assert names_apart(paths) == {
        "/d/subs/乡镇/报告.txt": "乡镇/报告.txt",
        "/d/subs/街道/报告.txt": "街道/报告.txt",
        "/d/县司法局.txt": "县司法局.txt",
    }
    # one path the end of another: only its whole path tells it apart
    nested = names_apart(["a/报告.txt", "x/a/报告.txt"])
    assert nested == {"a/报告.txt": "a/报告.txt", "x/a/报告.txt": "x/a/报告.txt"}
    # named apart from the other reports too, not only from those in the message
    assert names_apart(["/d/乡镇/报告.txt"], ["/d/街道/报告.txt"]) == {
        "/d/乡镇/报告.txt": "乡镇/报告.txt"
    }


def test_a_stale_decision_names_the_changed_report_by_its_folder(
    capsys: pytest.CaptureFixture[str], results: Path, subs: Path
) -> None:
    code, _, err = run(
        capsys,
        "review",
        str(results),
        "--report",
        "街道/报告.txt",
        "--part",
        "problems",
        "--accept",
    )
    assert code == 0, err
    with (subs / "街道" / "报告.txt").open("a", encoding="utf-8") as f:
        f.write("再次修改\n")
    run(capsys, "batch", str(subs), "-o", str(results), "--summary", "none")
    code, _, err = run(capsys, "review", str(results))
    assert code == 0
    assert "1条复核意见所针对的文件已改动，不再适用：街道/报告.txt" in err
    letter_dir = results.parent / "letters"
    _, _, err = run(capsys, "letter", str(results), "-o", str(letter_dir))
    assert "不再适用：街道/报告.txt" in err


# 2. decisions beside a report file reach every view of the results


def test_a_decision_review_file_stored_beside_the_report_reaches_every_view(
    capsys: pytest.CaptureFixture[str], results: Path, subs: Path
) -> None:
    report = subs / "乡镇" / "报告.txt"
    code, out, err = run(capsys, "review", str(report), "--part", "problems", "--set", "missing")
    assert code == 0, err
    assert str(decisions_path(report)) in err and "列有这份报告的评查结果" in err
    # the fazhi report goes back now, whichever command is asked
    cohort = _reviewed(capsys, results)
    assert [u["path"] for u in cohort["reviewed_units"]] == [str(report)]  # type: ignore[index]
    letters = results.parent / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(letters))
    assert code == 0 and "已写1份反馈意见" in err
    code, out, _ = run(capsys, "batch", str(subs), "-o", str(results), "--summary", "json")
    assert json.loads(out)["reviewed"] == 1
    code, out, _ = run(capsys, "review", str(results))
    assert str(report) in out.replace("\n", "") and "缺失" in out
    code, out, _ = run(capsys, "check", "-f", "json", str(report))
    assert json.loads(out)[0]["review"]["verdict"] == "incomplete"


def test_a_decision_beside_a_report_batched_by_a_relative_path_reaches_views_from_anywhere(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    subs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The results name the report relative to the folder the batch ran in; a decision beside
    the report judges it in report and letter run from another folder (the batch's sidecar
    says where each line was graded from), where it was lost, and a letter sent for a report
    the reviewer had passed."""
    monkeypatch.chdir(subs)
    out = tmp_path / "r.jsonl"
    code, _, err = run(capsys, "batch", "乡镇", "-o", str(out), "--summary", "none")
    assert code == 0, err
    report = subs / "乡镇" / "报告.txt"
    code, _, err = run(capsys, "review", str(report), "--part", "problems", "--set", "missing")
    assert code == 0, err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    cohort = _reviewed(capsys, out)
    assert [u["path"] for u in cohort["reviewed_units"]] == [str(Path("乡镇") / "报告.txt")]  # type: ignore[index]
    code, _, err = run(capsys, "letter", str(out), "-o", str(tmp_path / "letters"))
    assert code == 0 and "已写1份反馈意见" in err, err


def test_a_decision_beside_a_report_named_another_way_is_about_that_report_not_its_copy(
    capsys: pytest.CaptureFixture[str],
    results: Path,
    subs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The results name the report by its absolute path, the reviewer typed a relative one;
    街道/报告.txt holds the same bytes, and is not judged by it."""
    monkeypatch.chdir(subs)
    code, _, err = run(capsys, "review", "乡镇/报告.txt", "--part", "problems", "--set", "missing")
    assert code == 0, err
    cohort = _reviewed(capsys, results)
    paths = [u["path"] for u in cohort["reviewed_units"]]  # type: ignore[index]
    assert paths == [str(subs / "乡镇" / "报告.txt")]
    assert "无法确定是哪一份" not in capsys.readouterr().err


def test_a_decision_recorded_by_a_bare_name_in_its_folder_is_about_that_report(
    capsys: pytest.CaptureFixture[str],
    results: Path,
    subs: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """cd 乡镇; review 报告.txt: the decision records 报告.txt, which names nothing from where
    the results are read; it sits beside 乡镇/报告.txt, so it is about that report — in report
    and letter as in check — not a lost decision on one of two copies."""
    monkeypatch.chdir(subs / "乡镇")
    code, _, err = run(capsys, "review", "报告.txt", "--part", "problems", "--set", "missing")
    assert code == 0, err
    monkeypatch.chdir(results.parent)
    cohort = _reviewed(capsys, results)
    paths = [u["path"] for u in cohort["reviewed_units"]]  # type: ignore[index]
    assert paths == [str(subs / "乡镇" / "报告.txt")]
    letters = results.parent / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(letters))
    assert code == 0 and "无法确定是哪一份" not in err and "已写1份反馈意见" in err
    code, out, err = run(capsys, "check", "-f", "json", str(subs / "乡镇" / "报告.txt"))
    assert json.loads(out)[0]["review"]["verdict"] == "incomplete"


def test_a_decision_beside_b_is_bs_though_a_bare_name_in_the_results_is_as(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cd A; batch . then cd B; batch . (report.txt in each, B's line under its full path);
    cd B; review report.txt: the decision is B's, not a stale one on A's report.txt."""
    a, b = tmp_path / "A", tmp_path / "B"
    for folder, text in ((a, SAMPLE.read_text("utf-8")), (b, _other_unit())):
        folder.mkdir()
        (folder / "report.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    for folder in (a, b):
        monkeypatch.chdir(folder)
        code, _, err = run(capsys, "batch", ".", "-o", str(out), "--summary", "none")
        assert code == 0, err
    code, _, err = run(capsys, "review", "report.txt", "--part", "problems", "--set", "missing")
    assert code == 0, err
    monkeypatch.chdir(tmp_path)
    code, out_text, err = run(capsys, "review", str(out))
    assert code == 0 and "已改动" not in err, err
    assert str(b / "report.txt") in out_text.replace("\n", "") and "缺失" in out_text
    cohort = _reviewed(capsys, out)
    paths = [u["path"] for u in cohort["reviewed_units"]]  # type: ignore[index]
    assert paths == [str(b / "report.txt")]


def _other_unit() -> str:
    return SAMPLE.read_text(encoding="utf-8").replace("示例县司法局", "某县乙局")


def test_between_the_two_files_the_later_decision_wins(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("x", encoding="utf-8")
    results = tmp_path / "r.jsonl"

    def decided(value: str, at: str) -> Decision:
        return Decision(
            sha256="s",
            rubric="fazhi-annual",
            rubric_version="1",
            target="part",
            id="problems",
            set=value,
            path=str(report),
            at=at,
            by="cli",
        )

    from fzcheck.grading.decisions import append, for_results

    append(decisions_path(results), [decided("present", "2026-01-01T10:00:00+00:00")])
    append(decisions_path(report), [decided("missing", "2026-01-01T09:00:00+00:00")])
    lines = [{"path": str(report), "sha256": "s"}]
    assert [d.set for d in for_results(lines, results)] == ["missing", "present"]
    append(decisions_path(report), [decided("embedded", "2026-01-01T11:00:00+08:00")])
    assert [d.set for d in for_results(lines, results)][-1] == "present"  # 03:00 UTC


def test_inputs_without_decisions_cost_a_stat_and_no_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fzcheck.grading import decisions

    read: list[Path] = []
    real = decisions.load
    monkeypatch.setattr(decisions, "load", lambda p, **kw: read.append(p) or real(p, **kw))
    lines = [{"path": str(tmp_path / f"{n}.txt"), "sha256": str(n)} for n in range(2000)]
    assert decisions.for_results(lines, tmp_path / "r.jsonl") == []
    assert read == [decisions_path(tmp_path / "r.jsonl").resolve()]  # only the results' own


def test_review_file_lists_its_own_decisions_once(
    capsys: pytest.CaptureFixture[str], subs: Path
) -> None:
    report = subs / "部门" / "报告.txt"
    run(capsys, "review", str(report), "--part", "problems", "--set", "missing")
    code, out, _ = run(capsys, "review", str(report))
    assert code == 0 and out.count("存在不足") == 1


# 3. argparse's errors in Chinese


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["review", "r.jsonl", "--part", "problems", "--accept", "--set", "pass"],
            "--set 不能与 --accept 同时使用",
        ),
        (["review"], "缺少必需的参数：FILE|RESULTS"),
        (["letter", "r.jsonl"], "缺少必需的参数：-o/--output"),
        (["review", "r.jsonl", "--report"], "--report 后面须跟一个值"),
        (["check", "-f", "markdwn", "a.txt"], "不接受“markdwn”"),
        (["review", "r.jsonl", "--bogus"], "未知选项 --bogus"),
        (["review", "r.jsonl", "--r", "x"], "选项 --r 不明确，可能是：--report、--rubric"),
        (["batch", "a", "-o", "r.jsonl", "--workers", "many"], "--workers 不接受“many”"),
    ],
)
def test_argparse_errors_are_one_line_in_chinese_with_the_way_to_the_usage(
    capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    """One line (the usage block above it was five more), saying where the usage is."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.count("\n") == 1 and err.startswith(f"fzcheck {args[0]}: 错误：")
    assert said in err and err.endswith(f"（用法见 fzcheck {args[0]} --help）\n"), err
    assert "argument" not in err and "required" not in err


def test_argparse_errors_stay_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "review", "r.jsonl", "--accept", "--set", "pass"])
    err = capsys.readouterr().err
    assert "fzcheck review: error: argument --set: not allowed with argument --accept" in err


def test_a_name_typed_with_other_brackets_or_spaces_names_the_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """某县司法局（2025年度）报告.docx typed with half-width brackets, 【…】 without its
    spaces: the report (was 没有这份报告 and the first ten names by alphabet); a typo matching
    nothing lists the nearest names first."""
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["某县司法局（2025年度）报告.txt", "某街道办事处 【2025年度】 报告.txt"]
    names += [f"乙{k}单位报告.txt" for k in range(12)]
    for name in names:
        shutil.copy(SAMPLE, folder / name)
    out = tmp_path / "r.jsonl"
    run(capsys, "batch", str(folder), "-o", str(out), "--summary", "none")
    for typed in ("某县司法局(2025年度)报告.txt", "某街道办事处【2025年度】报告"):
        code, _, err = run(
            capsys, "review", str(out), "--report", typed, "--part", "problems", "--accept"
        )
        assert code == 0, err
    code, _, err = run(
        capsys,
        "review",
        str(out),
        "--report",
        "某县司法局2025报告",
        "--part",
        "problems",
        "--accept",
    )
    assert code == 2
    assert err.split("有：", 1)[1].startswith("某县司法局"), err


def test_a_traditional_reports_unit_is_found_by_the_name_the_sheets_show(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The sheets, the CSV and the letters name a Traditional report's unit in Simplified
    (示例县卫生健康局 for 示例縣衛生健康局): --report takes that name too (it found none)."""
    from tests.helpers import FIXTURES

    shutil.copy(FIXTURES / "traditional.txt", tmp_path / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.txt")
    out = tmp_path / "r.jsonl"
    run(capsys, "batch", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(out))
    for name in ("示例县卫生健康局", "卫生健康局", "示例縣衛生健康局"):
        code, _, err = run(
            capsys, "review", str(out), "--report", name, "--part", "other", "--set", "present"
        )
        assert code == 0, err
    cohort = _reviewed(capsys, out)
    paths = [u["path"] for u in cohort["reviewed_units"]]  # type: ignore[index]
    assert paths == [str(tmp_path / "a.txt")]
