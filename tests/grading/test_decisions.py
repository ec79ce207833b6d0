"""Which report a reviewer's decision is about, and which decisions can be about one at all.

1. A decision applies to the report it was made on — not to a byte-identical copy another unit
   sent — in every view (review, report, its exports, pages, letters, check); a renamed or
   moved file keeps its decisions, unless several reports now hold its bytes (then none, said
   once); a decision an older version wrote without a path follows its bytes as before.
2. ``review --import`` refuses a decision that names no part or check of its report's rubric
   or a value its target cannot take (one line each, exit 2) and imports the others; such a
   decision written into a decisions file by hand is never shown as a raw message key.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from fzcheck.grading.decisions import Reports, decisions_path, load
from fzcheck.result import Decision
from tests.helpers import SAMPLE, reseal

NOTE = "甲单位：问题部分照抄"
AMBIGUOUS = "1条复核意见所针对的报告已不在原处，而内容与它相同的报告有多份"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _report_text() -> str:
    return SAMPLE.read_text(encoding="utf-8").replace("示例县司法局", "某县甲局")


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """The same bytes sent by two units, in two folders under two names."""
    a, b = tmp_path / "甲" / "县甲局.txt", tmp_path / "乙" / "县乙局.txt"
    for path in (a, b):
        path.parent.mkdir()
        path.write_text(_report_text(), encoding="utf-8")
    return a, b


def _batch(capsys: pytest.CaptureFixture[str], results: Path, *inputs: Path) -> None:
    if results.exists():
        results.unlink()
    code, _, err = run(capsys, "batch", *map(str, inputs), "-o", str(results), "--summary", "none")
    assert code == 0, err


def _decide_on(capsys: pytest.CaptureFixture[str], results: Path, report: Path) -> None:
    code, _, err = run(
        capsys,
        "review",
        str(results),
        "--report",
        str(report),
        "--part",
        "problems",
        "--set",
        "missing",
        "--note",
        NOTE,
    )
    assert code == 0, err


def _csv_rows(text: str) -> dict[str, dict[str, str]]:
    return {Path(r["文件"]).name: r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def _docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# --- 1. a decision is about the report it was made on --------------------------------------


def test_a_decision_is_not_applied_to_a_byte_identical_copy_from_another_unit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    a, b = copies
    results = tmp_path / "results.jsonl"
    _batch(capsys, results, a.parent, b.parent)
    _decide_on(capsys, results, a)

    code, out, err = run(capsys, "review", str(results))
    assert code == 0 and err == ""
    out = out.replace("\n", "")  # a long path wraps on the terminal
    assert "县甲局.txt" in out and "县乙局.txt" not in out and out.count(NOTE) == 1

    # the cohort counts it once; the exports show it on its own row only
    stats = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    assert stats["reviewed"] == 1 and stats["verdicts"]["incomplete"] == 1
    assert [Path(u["path"]).name for u in stats["send_back"]] == ["县甲局.txt"]
    rows = _csv_rows(run(capsys, "report", str(results), "-f", "csv")[1])
    assert NOTE in rows["县甲局.txt"]["人工复核"] and rows["县乙局.txt"]["人工复核"] == ""
    assert rows["县乙局.txt"]["人工结论"] == ""

    # one file under two names is one report: one letter, the other name said; the decision
    # is the desk's record, in the 汇总, once
    out_dir = tmp_path / "letters"
    code, _, err = run(capsys, "letter", str(results), "-o", str(out_dir), "--all")
    assert code == 0 and "重复报送" in err
    letters = [p for p in out_dir.iterdir() if p.name != "汇总反馈意见.docx"]
    assert len(letters) == 1
    assert _docx_text(out_dir / "汇总反馈意见.docx").count(NOTE) == 1

    # the batch's pages: the copy's page shows no decision
    pages = tmp_path / "pages"
    code, _, err = run(
        capsys,
        "batch",
        str(a.parent),
        str(b.parent),
        "-o",
        str(results),
        "--summary",
        "none",
        "--html",
        str(pages),
    )
    assert code == 0, err
    shown = {p.name: p.read_text(encoding="utf-8") for p in pages.glob("*.html")}
    assert sum(NOTE in text for name, text in shown.items() if name != "index.html") == 1
    assert any(NOTE in text for name, text in shown.items() if "县甲局" in name)


def test_check_applies_a_decision_to_its_own_report_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    a, b = copies
    # a decision beside the report itself: the copy checked with it is not judged by it
    code, _, err = run(capsys, "review", str(a), "--part", "problems", "--set", "missing")
    assert code == 0, err
    _, out, _ = run(capsys, "check", "-f", "json", str(a), str(b))
    by_name = {Path(r["path"]).name: r for r in json.loads(out)}
    assert by_name["县甲局.txt"]["review"]["verdict"] == "incomplete"
    assert "review" not in by_name["县乙局.txt"]
    decisions_path(a).unlink()

    # a decision beside -o (made on the results file check wrote): the same
    results = tmp_path / "results.json"
    run(capsys, "check", "-f", "json", str(a), str(b), "-o", str(results))
    _decide_on(capsys, results, a)
    run(capsys, "check", "-f", "json", str(a), str(b), "-o", str(results))
    by_name = {Path(r["path"]).name: r for r in json.loads(results.read_text(encoding="utf-8"))}
    assert by_name["县甲局.txt"]["review"]["decisions"][0]["note"] == NOTE
    assert "review" not in by_name["县乙局.txt"]


def test_a_renamed_report_keeps_its_decisions_unless_copies_of_it_make_it_unclear(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    a, b = copies
    results = tmp_path / "results.jsonl"
    _batch(capsys, results, a.parent)
    _decide_on(capsys, results, a)
    renamed = a.rename(a.with_name("县甲局（定稿）.txt"))

    # renamed, no other file with its bytes: its decision follows it
    _batch(capsys, results, a.parent)
    code, out, err = run(capsys, "review", str(results))
    assert code == 0 and err == "" and renamed.name in out.replace("\n", "") and NOTE in out

    # and the copy another unit sent is graded with it: which of the two is unknown
    _batch(capsys, results, a.parent, b.parent)
    code, out, err = run(capsys, "review", str(results))
    assert code == 0 and NOTE not in out
    assert err.count(AMBIGUOUS) == 1 and err.strip().endswith("未采用：县甲局.txt")
    stats = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    assert stats["reviewed"] == 0
    code, _, err = run(capsys, "letter", str(results), "-o", str(tmp_path / "L"))
    assert code == 0 and err.count(AMBIGUOUS) == 1

    # check, with the decision beside -o: the same rule
    shutil.copy(decisions_path(results), decisions_path(tmp_path / "r.json"))
    _, out, _ = run(capsys, "check", "-f", "json", str(renamed), "-o", str(tmp_path / "r.json"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))[0]["review"]
    run(capsys, "check", "-f", "json", str(renamed), str(b), "-o", str(tmp_path / "r.json"))
    lines = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert not any("review" in r for r in lines)


def test_an_edited_report_with_a_copy_elsewhere_is_stale_not_the_copys(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    """甲 resubmits an edited report: the decision on its old bytes no longer applies — not
    to 乙's file, which still has those bytes — and review says so."""
    a, b = copies
    results = tmp_path / "results.jsonl"
    _batch(capsys, results, a.parent, b.parent)
    _decide_on(capsys, results, a)
    a.write_text(_report_text() + "\n（修改稿）\n", encoding="utf-8")
    _batch(capsys, results, a.parent, b.parent)
    code, out, err = run(capsys, "review", str(results))
    assert code == 0 and out == ""
    assert err.count("1条复核意见所针对的文件已改动，不再适用：县甲局.txt") == 1


def test_a_decision_without_a_path_follows_its_bytes_as_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    """Decisions an older version wrote carry no path: they apply wherever their bytes are."""
    a, b = copies
    results = tmp_path / "results.jsonl"
    _batch(capsys, results, a.parent, b.parent)
    _decide_on(capsys, results, a)
    store = decisions_path(results)
    old = [
        {k: v for k, v in json.loads(x).items() if k != "path"}
        for x in store.read_text("utf-8").splitlines()
    ]
    store.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in old), "utf-8")
    reseal(store)  # as an older version wrote them, since adopted
    rows = _csv_rows(run(capsys, "report", str(results), "-f", "csv")[1])
    assert NOTE in rows["县甲局.txt"]["人工复核"] and NOTE in rows["县乙局.txt"]["人工复核"]
    # (one file under two names: one report in the cohort's counts, as reviewed)
    stats = json.loads(run(capsys, "report", str(results), "-f", "json")[1])
    assert (stats["reports"], stats["same_files"], stats["reviewed"]) == (1, 1, 1)


def test_importing_the_same_decision_on_two_copies_adds_both(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    """The reviewer marked both copies on the pages: two decisions, on two reports — the
    second is no duplicate of the first."""
    a, b = copies
    results = tmp_path / "results.jsonl"
    _batch(capsys, results, a.parent, b.parent)
    lines = [json.loads(x) for x in results.read_text(encoding="utf-8").splitlines()]
    base = {
        "sha256": lines[0]["sha256"],
        "rubric": "fazhi-annual",
        "rubric_version": "1.0",
        "target": "part",
        "id": "problems",
        "set": "missing",
        "machine": "present",
    }
    export = tmp_path / "fzcheck-decisions.json"
    export.write_text(
        json.dumps({"decisions": [{**base, "path": str(r["path"])} for r in lines]}), "utf-8"
    )
    code, _, err = run(capsys, "review", str(results), "--import", str(export))
    assert code == 0 and "已导入2条新的人工复核" in err, err
    rows = _csv_rows(run(capsys, "report", str(results), "-f", "csv")[1])
    assert all(row["人工结论"] == "要素缺失" for row in rows.values()) and len(rows) == 2


# --- a results file or a report reached through a symlink -------------------------------------


def _review_out(capsys: pytest.CaptureFixture[str], reviewed: Path) -> str:
    code, out, err = run(capsys, "review", str(reviewed))
    assert code == 0, err
    return out.replace("\n", "")  # a long path wraps on the terminal


def test_decisions_on_results_opened_through_a_link_are_kept_beside_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    """A results file opened through a symlink (latest.jsonl → the season's file): decisions
    go beside the file it names — where the batch keeps its signatures — so that the file
    itself, and any other link to it, show them; they had been kept beside the link's name,
    and the file opened by its own name showed none."""
    a, _ = copies
    real = tmp_path / "2026" / "results.jsonl"
    real.parent.mkdir()
    _batch(capsys, real, a.parent)
    links = tmp_path / "links"
    links.mkdir()
    latest, other = links / "latest.jsonl", links / "other.jsonl"
    latest.symlink_to(real)
    other.symlink_to(Path("..") / "2026" / "results.jsonl")  # a relative link alike
    _decide_on(capsys, latest, a)

    assert decisions_path(latest) == decisions_path(real) and decisions_path(real).is_file()
    assert not (links / "latest.jsonl.decisions.jsonl").exists()
    for reviewed in (real, latest, other):
        assert NOTE in _review_out(capsys, reviewed), reviewed
    code, out, _ = run(capsys, "report", str(real), "-f", "csv")
    assert code == 0 and _csv_rows(out)["县甲局.txt"]["人工结论"] == "要素缺失"


def test_decisions_kept_beside_a_links_name_before_are_still_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    """Decisions an earlier version kept beside the link's name are read through the link
    still, with those kept beside the file since, the later one on a target winning."""
    a, _ = copies
    real = tmp_path / "results.jsonl"
    _batch(capsys, real, a.parent)
    latest = tmp_path / "links" / "latest.jsonl"
    latest.parent.mkdir()
    latest.symlink_to(real)
    _decide_on(capsys, real, a)
    by_link = latest.parent / "latest.jsonl.decisions.jsonl"  # where they used to be kept
    decisions_path(real).rename(by_link)

    assert NOTE in _review_out(capsys, latest)
    args = ["--report", str(a), "--check", "document.title_names_subject_and_year"]
    code, _, err = run(capsys, "review", str(latest), *args, "--set", "fail", "--note", "标题")
    assert code == 0 and str(decisions_path(real)) in err.replace("\n", "")
    out = _review_out(capsys, latest)
    assert NOTE in out and "标题" in out  # both files' decisions
    assert "标题" in _review_out(capsys, real) and NOTE not in _review_out(capsys, real)
    code, out, _ = run(capsys, "report", str(latest), "-f", "csv")
    row = _csv_rows(out)["县甲局.txt"]
    assert NOTE in row["人工复核"] and "标题" in row["人工复核"]

    # the later decision on a target wins, whichever file holds it
    code, _, err = run(
        capsys, "review", str(latest), "--report", str(a), "--part", "problems", "--accept"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "report", str(latest), "-f", "csv")
    assert _csv_rows(out)["县甲局.txt"]["人工结论"] != "要素缺失"


def test_a_report_reviewed_through_a_link_of_another_name_keeps_its_decisions_by_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, copies: tuple[Path, Path]
) -> None:
    """``review LINK`` on a report whose link bears another name: kept beside the report's
    file, and about it — ``check`` of the file by its own name applies it (the decision was
    made on the link's name, which names that same file: no copied decisions file)."""
    a, _ = copies
    link = tmp_path / "收件" / "甲.txt"
    link.parent.mkdir()
    link.symlink_to(a)
    code, _, err = run(capsys, "review", str(link), "--part", "problems", "--set", "missing")
    assert code == 0, err
    assert decisions_path(a).is_file() and not (link.parent / "甲.txt.decisions.jsonl").exists()
    for checked in (a, link):
        code, out, err = run(capsys, "check", "-f", "json", str(checked))
        [result] = json.loads(out)
        assert result["review"]["verdict"] == "incomplete", checked
        assert "另一文件" not in err


def _decision(path: str | None, sha: str = "s1") -> Decision:
    return Decision(
        sha256=sha,
        rubric="r",
        rubric_version="1",
        target="part",
        id="problems",
        set="missing",
        path=path,
    )


def test_the_rule_by_path_then_by_bytes() -> None:
    a = {"path": "甲/a.txt", "sha256": "s1"}
    b = {"path": "乙/b.txt", "sha256": "s1"}
    edited = {"path": "甲/a.txt", "sha256": "s2"}
    both = Reports([a, b])
    assert both.applies(_decision("甲/a.txt"), a) and not both.applies(_decision("甲/a.txt"), b)
    assert both.applies(_decision(None), a) and both.applies(_decision(None), b)
    # moved: one report with its bytes takes it; two take none, and that is said
    assert Reports([b]).applies(_decision("旧/a.txt"), b)
    assert not both.applies(_decision("旧/a.txt"), a) and both.ambiguous(_decision("旧/a.txt"))
    # changed at its path: stale, and not the copy's either
    changed = Reports([edited, b])
    assert not changed.applies(_decision("甲/a.txt"), b)
    assert changed.stale(_decision("甲/a.txt")) == "甲/a.txt"
    assert not changed.ambiguous(_decision("甲/a.txt"))
    # a line nothing was read from (no sha256) is no report a decision is about
    assert Reports([{"path": "甲/a.txt"}, b]).applies(_decision("甲/a.txt"), b)


def test_a_gbk_file_name_is_one_report_as_the_results_and_a_page_name_it() -> None:
    raw = "甲/" + "清溪镇.txt".encode("gbk").decode("utf-8", "surrogateescape")
    line = {"path": raw, "sha256": "s1"}
    copy = {"path": "乙/b.txt", "sha256": "s1"}
    reports = Reports([line, copy])
    assert reports.applies(_decision("甲/清溪镇.txt"), line)  # as a page's export names it
    assert not reports.applies(_decision("甲/清溪镇.txt"), copy)


# --- 2. decisions that cannot be about the report -----------------------------------------


def _one_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "县甲局.txt").write_text(_report_text(), encoding="utf-8")
    results = tmp_path / "results.jsonl"
    _batch(capsys, results, folder)
    line = json.loads(results.read_text(encoding="utf-8").splitlines()[0])
    return results, line


def _about(line: dict[str, Any], **decision: Any) -> dict[str, Any]:
    return {
        "sha256": line["sha256"],
        "rubric": "fazhi-annual",
        "rubric_version": "1.0",
        "path": line["path"],
        **decision,
    }


def test_import_refuses_each_invalid_decision_and_imports_the_valid_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    results, line = _one_report(capsys, tmp_path)
    export = tmp_path / "fzcheck-decisions.json"
    items = [
        _about(line, target="part", id="nonsense", set="bogus"),
        _about(line, target="part", id="problems", set="pass"),
        _about(line, target="check", id="problems.gives_causes", set="embedded"),
        _about(line, target="check", id="achievements.has_figures", set="未通过", note="数据不实"),
    ]
    export.write_text(json.dumps({"fzcheck_decisions": 1, "decisions": items}), "utf-8")
    code, _, err = run(capsys, "review", str(results), "--import", str(export))
    assert code == 2
    lines = err.strip().splitlines()
    refused = [x for x in lines if "：复核意见未导入：" in x]
    assert len(refused) == 3 and all("县甲局.txt" in x for x in refused)
    assert "“nonsense”" in refused[0] and "bogus" in refused[0]
    assert "problems、leader_duties" in refused[0]
    assert "要素“problems”不能改为“pass”" in refused[1]
    assert "present|embedded|missing（独立成节|嵌于他节|缺失）" in refused[1]
    assert "检查“problems.gives_causes”不能改为“embedded”" in refused[2]
    assert "pass|fail（通过|未通过）" in refused[2]
    assert any("已导入1条新的人工复核" in x and "3条无效的复核意见未导入" in x for x in lines)
    # the valid one stored as the CLI stores it (未通过 → fail), and shown so
    stored = load(decisions_path(results))
    assert [(d.id, d.set) for d in stored] == [("achievements.has_figures", "fail")]
    _, out, _ = run(capsys, "review", str(results))
    assert "改为“未通过”（数据不实）" in out and "status." not in out and "review." not in out


def test_import_refuses_a_record_that_is_not_a_decision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    results, line = _one_report(capsys, tmp_path)
    export = tmp_path / "fzcheck-decisions.json"
    bad = _about(line, target="bogus", id="problems", set="missing")
    export.write_text(json.dumps({"decisions": [bad]}), "utf-8")
    code, _, err = run(capsys, "review", str(results), "--import", str(export))
    assert code == 2 and "县甲局.txt：第1条不是有效的复核意见（target），未导入" in err
    assert not decisions_path(results).exists() or not load(decisions_path(results))


def test_invalid_decisions_written_by_hand_are_shown_nowhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A decisions file edited by hand (or by an older version): a part or value the rubric
    has not is never applied nor shown as a raw key (状态 status.bogus); review says which."""
    results, line = _one_report(capsys, tmp_path)
    store = decisions_path(results)
    hand = [
        _about(line, target="part", id="nonsense", set="bogus", machine="present"),
        _about(line, target="part", id="problems", set="pass", machine="present"),
        _about(line, target="part", id="leader_duties", set="嵌于他节", machine="odd"),
    ]
    store.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in hand), "utf-8")
    reseal(store)  # adopted: still never applied, being invalid

    code, out, err = run(capsys, "review", str(results))
    assert code == 0 and "nonsense" not in out and "problems" not in out
    assert "要素“负责人履职” 改为“嵌于他节”" in out
    assert err.count("复核记录中有一条无效，未采用") == 2
    raw = ("status.", "review.", "“bogus”", "“pass”")
    texts = [out]
    texts.append(run(capsys, "report", str(results), "-f", "markdown")[1])
    texts.append(run(capsys, "report", str(results), "-f", "csv")[1])
    page = tmp_path / "batch.html"
    run(capsys, "report", str(results), "-o", str(page))
    texts.append(page.read_text(encoding="utf-8"))
    letters = tmp_path / "letters"
    run(capsys, "letter", str(results), "-o", str(letters), "--all")
    texts += [_docx_text(p) for p in letters.iterdir()]
    for text in texts:
        assert not any(word in text for word in raw), text[:2000]
    assert all("嵌于他节" in text for text in texts[1:3])


def test_one_line_not_in_utf8_loses_only_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A decisions file whose lines an editor saved in GBK (notes typed there): those lines
    are skipped with one warning naming them, the encoding and the fix, the others stand — the
    whole file was dropped, and decisions recorded after it never applied; then each line had
    a warning of its own that did not say why."""
    results, line = _one_report(capsys, tmp_path)
    store = decisions_path(results)
    good = _about(line, target="part", id="problems", set="missing", machine="present")
    store.write_text(json.dumps(good) + "\n", encoding="utf-8")
    reseal(store)
    odd = [{**good, "id": "other", "note": f"见第{n}页"} for n in "三四"]
    gbk = b"".join(json.dumps(x, ensure_ascii=False).encode("gbk") + b"\n" for x in odd)
    store.write_bytes(gbk[: len(gbk) // 2 + 1] and gbk + store.read_bytes())
    assert len(load(store)) == 1
    said = [x for x in capsys.readouterr().err.splitlines() if "UTF-8" in x]
    assert len(said) == 1 and "第1、2行" in said[0] and "另存成了GBK" in said[0], said
    code, out, _ = run(capsys, "review", str(results))
    assert code == 0 and "改为“缺失”" in out


def test_an_import_that_is_a_pipe_or_no_json_is_one_clear_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os

    results, _ = _one_report(capsys, tmp_path)
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)  # would be waited on for ever
    code, _, err = run(capsys, "review", str(results), "--import", str(fifo))
    assert code == 2 and "不是普通文件" in err
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "review", str(results), "--import", str(broken))
    assert code == 2 and "不是有效的JSON" in err and "JSONDecodeError" not in err


@pytest.mark.parametrize("content", ["", "x", "[]", '""'])
def test_an_import_holding_no_decision_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str
) -> None:
    """An empty file, a bare word, [] or "": no page's export — said, exit 2, not 已导入0条."""
    results, _ = _one_report(capsys, tmp_path)
    export = tmp_path / "export.json"
    export.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "review", str(results), "--import", str(export))
    assert code == 2 and "不是复核导出文件" in err


def test_a_decision_appended_after_a_torn_last_line_keeps_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A decisions file whose last line lost its newline (an editor's save, a write cut short):
    the next decision was glued onto it, both unreadable, while review said it was recorded."""
    report = tmp_path / "r.txt"
    shutil.copy(SAMPLE, report)
    assert main(["review", str(report), "--part", "problems", "--set", "embedded"]) == 0
    store = decisions_path(report)
    store.write_bytes(store.read_bytes().rstrip(b"\n"))
    assert main(["review", str(report), "--part", "leader_duties", "--set", "missing"]) == 0
    assert [(d.id, d.set) for d in load(store)] == [
        ("problems", "embedded"),
        ("leader_duties", "missing"),
    ]
    assert "不是有效的复核记录" not in capsys.readouterr().err
