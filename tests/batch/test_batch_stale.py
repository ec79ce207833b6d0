"""Reruns after the folder changed: the lines of files that are gone (deleted, renamed) move to
results.stale.jsonl and are counted no more; `report` counts a path once; `batch -q` still
names each failed input; and a rerun after a rubric edit says why everything is graded again."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzcheck.batch import runner
from fzcheck.batch.plan import BASIS_FIELD, KEY_FIELD, WHERE_FIELD
from fzcheck.batch.store import sidecar_path, stale_path, without_moved
from fzcheck.cli import main
from tests.batch.reportgen import make_report, report_folder
from tests.helpers import ROOT

Lines = Callable[[Path], list[dict[str, Any]]]


def batch(*args: str) -> int:
    return main(["batch", "--summary", "none", *args])


def reported(out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["report", str(out), "-f", "json"]) == 0
    summary: dict[str, Any] = json.loads(capsys.readouterr().out)
    return summary


def paths(out: Path, lines: Lines) -> list[str]:
    return [r["path"] for r in lines(out)]


def test_a_renamed_and_edited_report_is_one_report_and_its_old_line_moves_aside(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    old = reports / "unit0.txt"
    new = reports / "unit0（修改稿）.txt"
    old.rename(new)
    new.write_text(new.read_text(encoding="utf-8").replace("。", "；", 1), encoding="utf-8")
    before = next(r for r in lines(out) if r["path"] == str(old))
    capsys.readouterr()
    batch(str(reports), "-o", str(out))
    err = capsys.readouterr().err
    count = len(list(reports.iterdir()))
    assert f"共{count}份" in err
    assert "批量评查：1份此前的结果对应的文件已不在（已删除或改名），已移到 " in err
    assert str(stale_path(out)) in err or "results.stale.jsonl" in err
    assert sorted(paths(out, lines)) == sorted(str(p) for p in reports.iterdir())
    assert reported(out, capsys)["reports"] == count  # not count + 1
    assert lines(stale_path(out)) == [before]  # nothing lost: the whole line, as it was
    # the copy-detection sidecar keeps signatures of the results only
    sigs = {(s["path"], s[KEY_FIELD]) for s in lines(sidecar_path(out))}
    assert sigs == {(r["path"], r[KEY_FIELD]) for r in lines(out)}


def test_files_deleted_mid_run_are_not_counted_after_the_rerun(
    reports: Path,
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "results.jsonl"
    doomed = [reports / "unit3.txt", reports / "unit4.txt"]
    real_plan = runner.Batch.plan

    def plan_then_delete(self: runner.Batch, *args: Any, **kwargs: Any) -> list[Any]:
        todo = real_plan(self, *args, **kwargs)
        for path in doomed:
            path.unlink()  # a colleague tidies the folder while the batch runs
        return todo

    monkeypatch.setattr(runner.Batch, "plan", plan_then_delete)
    batch(str(reports), "-o", str(out))
    monkeypatch.undo()
    gone = [r for r in lines(out) if r["path"] in {str(p) for p in doomed}]
    assert [r["error"]["kind"] for r in gone] == ["not_found", "not_found"]
    capsys.readouterr()
    assert batch(str(reports), "-o", str(out)) == 1  # empty.txt still fails
    err = capsys.readouterr().err
    count = len(list(reports.iterdir()))
    assert f"共{count}份" in err and "2份此前的结果对应的文件已不在" in err
    assert reported(out, capsys)["reports"] == count
    assert [r["path"] for r in lines(stale_path(out))] == [str(p) for p in doomed]
    # a third run has nothing more to move and says nothing about it
    capsys.readouterr()
    batch(str(reports), "-o", str(out))
    assert "已不在" not in capsys.readouterr().err
    assert len(lines(stale_path(out))) == 2


def test_another_folder_in_the_same_results_keeps_its_lines(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    """Folder A, then folder B into one results file: A's lines stay while its files are there
    (and while A is there at all: a share not mounted says nothing about its files); a file
    gone from A is moved aside by any later run."""
    out = tmp_path / "results.jsonl"
    other = tmp_path / "late"
    other.mkdir()
    (other / "late0.txt").write_text(make_report(70), encoding="utf-8")
    (other / "late1.txt").write_text(make_report(71), encoding="utf-8")
    batch(str(reports), "-o", str(out))
    batch(str(other), "-o", str(out))
    everything = len(list(reports.iterdir())) + 2
    assert len(lines(out)) == everything and not stale_path(out).exists()
    assert reported(out, capsys)["reports"] == everything
    moved_away = tmp_path / "unmounted"
    other.rename(moved_away)  # the whole folder is missing: its lines are kept
    batch(str(reports), "-o", str(out))
    assert len(lines(out)) == everything and not stale_path(out).exists()
    moved_away.rename(other)
    (other / "late1.txt").unlink()  # one file gone from a folder that is there
    batch(str(reports), "-o", str(out))
    assert [r["path"] for r in lines(stale_path(out))] == [str(other / "late1.txt")]
    assert str(other / "late0.txt") in paths(out, lines)
    assert reported(out, capsys)["reports"] == everything - 1


def test_bare_names_from_another_working_folder_keep_their_lines(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cd A; batch . -o ../r.jsonl, then cd B; the same: A's a.txt is still there, so its
    line stays, though a bare name says nothing about the folder it was graded in."""
    a = report_folder(tmp_path, "A", {"a.txt": 80})
    b = report_folder(tmp_path, "B", {"b.txt": 81})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(a)
    assert batch(".", "-o", "../r.jsonl") == 0
    assert paths(out, lines) == ["a.txt"]
    monkeypatch.chdir(b)
    assert batch(".", "-o", "../r.jsonl") == 0
    assert paths(out, lines) == ["a.txt", "b.txt"]
    assert not stale_path(out).exists()
    monkeypatch.chdir(a)  # and back in A, B's b.txt is still there too
    assert batch(".", "-o", "../r.jsonl") == 0
    assert sorted(paths(out, lines)) == ["a.txt", "b.txt"]
    assert not stale_path(out).exists()
    # what decided it: each line's absolute path, beside its signatures (the line keeps its own)
    where = {s["path"]: s[WHERE_FIELD] for s in lines(sidecar_path(out))}
    assert where == {"a.txt": str(a / "a.txt"), "b.txt": str(b / "b.txt")}


def test_a_relative_folder_that_another_working_folder_also_has_keeps_its_lines(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """reports/x.txt graded from one folder; the next run, from another folder with a reports/
    of its own (without x.txt), must not take x.txt for gone."""
    first, second = tmp_path / "first", tmp_path / "second"
    report_folder(first, "reports", {"x.txt": 82})
    report_folder(second, "reports", {"y.txt": 83})
    out = tmp_path / "results.jsonl"
    monkeypatch.chdir(first)
    assert batch("reports", "-o", str(out)) == 0
    monkeypatch.chdir(second)
    assert batch("reports", "-o", str(out)) == 0
    assert paths(out, lines) == [str(Path("reports", "x.txt")), str(Path("reports", "y.txt"))]
    assert not stale_path(out).exists()


def test_a_renamed_file_graded_by_a_relative_path_still_moves_aside(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = report_folder(tmp_path, "reports", {"unit0.txt": 84, "unit1.txt": 85})
    out = tmp_path / "results.jsonl"
    monkeypatch.chdir(tmp_path)
    assert batch("reports", "-o", "results.jsonl") == 0
    before = next(r for r in lines(out) if r["path"] == str(Path("reports", "unit0.txt")))
    (folder / "unit0.txt").rename(folder / "unit0-v2.txt")
    assert batch("reports", "-o", "results.jsonl") == 0
    assert lines(stale_path(out)) == [before]
    assert sorted(paths(out, lines)) == [
        str(Path("reports", "unit0-v2.txt")),
        str(Path("reports", "unit1.txt")),
    ]


def test_an_older_line_moves_aside_only_when_its_own_path_is_absolute(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sidecar an older version wrote records no absolute path: a relative path cannot say
    which folder it was graded from, so its line stays; an absolute one still moves."""
    folder = report_folder(tmp_path, "reports", {"rel.txt": 86, "abs.txt": 87, "kept.txt": 88})
    out = tmp_path / "results.jsonl"
    monkeypatch.chdir(tmp_path)
    assert batch(str(Path("reports", "rel.txt")), str(folder / "abs.txt"), "-o", str(out)) == 0
    old = [{k: v for k, v in s.items() if k != WHERE_FIELD} for s in lines(sidecar_path(out))]
    sidecar_path(out).write_text("".join(json.dumps(s) + "\n" for s in old), encoding="utf-8")
    (folder / "rel.txt").unlink()
    (folder / "abs.txt").unlink()
    assert batch(str(folder / "kept.txt"), "-o", str(out)) == 0
    assert paths(stale_path(out), lines) == [str(folder / "abs.txt")]
    assert paths(out, lines) == [str(Path("reports", "rel.txt")), str(folder / "kept.txt")]


def test_a_rerun_with_nothing_gone_changes_nothing(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    before = out.read_bytes(), sidecar_path(out).read_bytes()
    capsys.readouterr()
    batch(str(reports), "-o", str(out))
    err = capsys.readouterr().err
    assert (out.read_bytes(), sidecar_path(out).read_bytes()) == before
    assert not stale_path(out).exists()
    assert "已不在" not in err and "重新评分" not in err


def test_a_kill_between_moving_and_rewriting_loses_and_doubles_nothing(
    reports: Path,
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    (reports / "unit5.txt").unlink()
    before = out.read_bytes()

    def killed(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt  # the kill, after the stale lines are appended

    monkeypatch.setattr(runner, "rewrite", killed)
    with pytest.raises(KeyboardInterrupt):
        runner.Batch(out, runner.BatchOptions(rubrics=_catalog(), max_mb=20)).run(
            [str(p) for p in sorted(reports.iterdir())]
        )
    monkeypatch.undo()
    assert out.read_bytes() == before  # the results file is as it was
    assert [r["path"] for r in lines(stale_path(out))] == [str(reports / "unit5.txt")]
    batch(str(reports), "-o", str(out))
    assert [r["path"] for r in lines(stale_path(out))] == [str(reports / "unit5.txt")]
    assert str(reports / "unit5.txt") not in paths(out, lines)
    assert len(lines(out)) == len(list(reports.iterdir()))
    # the temp file of a rewrite never lingers beside the results
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_stale_file_that_is_not_results_is_refused_untouched(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    mine = stale_path(out)
    mine.write_text("a reviewer's own notes\n", encoding="utf-8")
    (reports / "unit5.txt").unlink()
    before = out.read_bytes()
    capsys.readouterr()
    assert batch(str(reports), "-o", str(out)) == 2
    assert "results.stale.jsonl" in capsys.readouterr().err
    assert mine.read_text(encoding="utf-8") == "a reviewer's own notes\n"
    assert out.read_bytes() == before


def test_report_counts_a_path_with_two_lines_once_the_last_winning(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    """A results file an older version wrote may hold an earlier line for a path too."""
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    first = reported(out, capsys)
    target = next(r for r in lines(out) if r["path"].endswith("unit1.txt"))
    assert target["verdict"] == "complete"
    earlier = {**target, "verdict": "incomplete", "score": 40.0}
    rows = lines(out)
    rows.insert(0, earlier)  # the earlier line first, the current one later
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    again = reported(out, capsys)
    assert again["reports"] == first["reports"]
    assert again["verdicts"] == first["verdicts"]
    kept = without_moved(lines(out))
    assert [r["path"] for r in kept].count(target["path"]) == 1
    assert next(r for r in kept if r["path"] == target["path"])["verdict"] == "complete"


def test_quiet_batch_names_each_failed_input_on_stderr(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    (reports / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    vanished = reports / "vanished.txt"
    quiet = ["-q", "batch", "--summary", "none", str(reports), str(vanished), "-o", str(out)]
    assert main(quiet) == 2  # a name that names nothing: said, no line (see test_batch_paths)
    captured = capsys.readouterr()
    err = [line for line in captured.err.splitlines() if line.strip()]
    for name in ("empty.txt", "broken.docx", "vanished.txt"):
        assert sum(name in line for line in err) == 1, captured.err
    assert len(err) == 3 and all(line.startswith("fzcheck: ") for line in err)
    # a rerun grades nothing, yet still exits non-zero and still says which inputs failed
    assert main(quiet) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 3 and any("vanished.txt" in line for line in err)


def _catalog() -> Any:
    from fzcheck.rubric import Catalog

    return Catalog.load()


def _rubric_copy(tmp_path: Path, name: str, credit: str) -> Path:
    path = tmp_path / name
    path.write_text(
        (ROOT / "rubrics" / "fazhi-annual.yaml")
        .read_text(encoding="utf-8")
        .replace("embedded_credit: 0.5", f"embedded_credit: {credit}"),
        encoding="utf-8",
    )
    return path


def test_a_rerun_after_a_rubric_edit_says_why_once_before_grading(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    count = len(list(reports.iterdir()))
    batch(str(reports), "-o", str(out))  # the bundled rubrics, each competing
    assert not any(s[BASIS_FIELD]["forced"] for s in lines(sidecar_path(out)))
    rubric = _rubric_copy(tmp_path, "fazhi-annual.yaml", "0.5")  # the same rubric, by --rubric
    capsys.readouterr()
    batch(str(reports), "-o", str(out), "--rubric", str(rubric))
    err = capsys.readouterr().err
    assert (
        f"批量评查：可选用的评分规则已改动（--rubric 指定与否，或可选的规则不同），此前的{count}份"
        in err
    )
    assert "评分规则 fazhi-annual 已改动" not in err  # its content is the same
    batch(str(reports), "-o", str(out), "--rubric", str(rubric))  # unchanged: no word
    assert "重新评分" not in capsys.readouterr().err
    _rubric_copy(tmp_path, "fazhi-annual.yaml", "0.25")  # edited, version not bumped
    batch(str(reports), "-o", str(out), "--rubric", str(rubric))
    err = capsys.readouterr().err
    said = (
        f"批量评查：评分规则 fazhi-annual 已改动（版本或内容不同），此前的{count}份结果将重新评分"
    )
    assert err.count(said) == 1, err
    assert err.count("重新评分") == 1
    assert err.index(said) < err.index("批量评查：待评")  # before the work
    assert "此前已完成0份" in err


def test_a_file_edited_since_needs_no_word_about_settings(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    (reports / "unit2.txt").write_text(make_report(222), encoding="utf-8")
    capsys.readouterr()
    batch(str(reports), "-o", str(out))
    err = capsys.readouterr().err
    assert "本次评出1份" in err and "重新评分" not in err


def test_lines_from_an_older_version_still_say_the_settings_changed(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sidecar written before lines kept their settings: the reason is told from the lines."""
    out = tmp_path / "results.jsonl"
    rubric = _rubric_copy(tmp_path, "fazhi-annual.yaml", "0.5")
    batch(str(reports), "-o", str(out), "--rubric", str(rubric))
    old = [{k: v for k, v in s.items() if k != BASIS_FIELD} for s in lines(sidecar_path(out))]
    sidecar_path(out).write_text("".join(json.dumps(s) + "\n" for s in old), encoding="utf-8")
    _rubric_copy(tmp_path, "fazhi-annual.yaml", "0.25")
    capsys.readouterr()
    batch(str(reports), "-o", str(out), "--rubric", str(rubric))
    err = capsys.readouterr().err
    graded = sum(1 for r in lines(out) if r.get("sha256"))  # an error line has no bytes to match
    assert f"批量评查：评分规则或评分设置已改动，此前的{graded}份结果将重新评分" in err
    capsys.readouterr()
    main(["--lang", "en", "batch", "--summary", "none", str(reports), "-o", str(out)])
    err = capsys.readouterr().err
    assert (
        "batch: rubric fazhi-annual changed (version or content); the rubrics to choose from" in err
    )


def test_one_bare_name_in_two_working_folders_keeps_both_results(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """cd A; batch . then cd B; batch . with a report.txt in each, other reports: both stay, B's
    under its full path (a bare name would make the two one); rerun in either, nothing more."""
    a = report_folder(tmp_path, "A", {"report.txt": 82})
    b = report_folder(tmp_path, "B", {"report.txt": 83})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(a)
    assert batch(".", "-o", "../r.jsonl") == 0
    monkeypatch.chdir(b)
    capsys.readouterr()
    assert batch(".", "-o", "../r.jsonl") == 0
    assert "同名" in capsys.readouterr().err
    assert paths(out, lines) == ["report.txt", str(b / "report.txt")]
    sha = {r["path"]: r["sha256"] for r in lines(out)}
    assert sha["report.txt"] != sha[str(b / "report.txt")]
    before = lines(out)
    for folder in (b, a):
        monkeypatch.chdir(folder)
        assert batch(".", "-o", "../r.jsonl") == 0
        assert lines(out) == before and not stale_path(out).exists()
    where = {s["path"]: s[WHERE_FIELD] for s in lines(sidecar_path(out))}
    assert where == {
        "report.txt": str(a / "report.txt"),
        str(b / "report.txt"): str(b / "report.txt"),
    }
    (b / "report.txt").write_text(make_report(84), encoding="utf-8")  # B's changes: redone
    monkeypatch.chdir(b)
    assert batch(".", "-o", "../r.jsonl") == 0
    assert paths(out, lines) == ["report.txt", str(b / "report.txt")]
    assert lines(out)[0] == before[0] and lines(out)[1]["sha256"] != before[1]["sha256"]


def test_a_renamed_folder_is_the_same_input_not_another(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cd A; batch . then A renamed and its report edited: the bare name's line is redone, not
    kept beside a second one (the file it was graded from is no longer there)."""
    a = report_folder(tmp_path, "A", {"report.txt": 85})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(a)
    assert batch(".", "-o", "../r.jsonl") == 0
    monkeypatch.chdir(tmp_path)
    a2 = a.rename(tmp_path / "A2")
    (a2 / "report.txt").write_text(make_report(86), encoding="utf-8")
    monkeypatch.chdir(a2)
    assert batch(".", "-o", "../r.jsonl") == 0
    assert paths(out, lines) == ["report.txt"]


def test_another_folders_deleted_file_moves_aside_not_taken_for_this_one(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cd A; batch . then cd B; batch . (report.txt in each, other bytes); A's report.txt
    deleted, and B reruns: A's line is A's (its folder is still there) — moved to the stale
    file as any gone file's, not deleted outright as though it were B's renamed folder."""
    a = report_folder(tmp_path, "A", {"report.txt": 87})
    b = report_folder(tmp_path, "B", {"report.txt": 88})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(a)
    assert batch(".", "-o", "../r.jsonl") == 0
    monkeypatch.chdir(b)
    assert batch(".", "-o", "../r.jsonl") == 0
    a_line = lines(out)[0]
    assert a_line["path"] == "report.txt"
    (a / "report.txt").unlink()
    assert batch(".", "-o", "../r.jsonl") == 0
    assert paths(out, lines) == [str(b / "report.txt")]
    assert stale_path(out).exists()
    assert lines(stale_path(out)) == [a_line]


def test_the_same_bytes_under_one_bare_name_in_two_folders_are_two_reports(
    tmp_path: Path, lines: Lines, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two units send the same file (a copied report), each graded by its bare name from its
    own folder: two results, not one taken for both (the second had no line of its own)."""
    a = report_folder(tmp_path, "A", {"report.txt": 87})
    b = report_folder(tmp_path, "B", {"report.txt": 87})
    out = tmp_path / "r.jsonl"
    for folder in (a, b, a, b):
        monkeypatch.chdir(folder)
        assert batch(".", "-o", "../r.jsonl") == 0
    assert paths(out, lines) == ["report.txt", str(b / "report.txt")]
    where = {s["path"]: s[WHERE_FIELD] for s in lines(sidecar_path(out))}
    assert where["report.txt"] == str(a / "report.txt")


def test_a_copied_folder_is_said_alike_and_counted_once(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """cd A; batch . then A copied to B (cp -r), one of B's files edited, and cd B; batch .:
    the notice said every file of B had the same name as A's with other content. The edited
    one does; the other two are A's byte for byte — said so, each count on its own line. The
    cohort counts A's reports and B's edited file, the copies once (listed as 重复报送)."""
    a = report_folder(tmp_path, "A", {"一县局.txt": 91, "二县局.txt": 92, "三县局.txt": 93})
    b = tmp_path / "B"
    b.mkdir()
    for file in a.iterdir():
        (b / file.name).write_bytes(file.read_bytes())
    (b / "三县局.txt").write_text(make_report(94), encoding="utf-8")
    monkeypatch.chdir(a)
    assert batch(".", "-o", "../r.jsonl") == 0
    monkeypatch.chdir(b)
    capsys.readouterr()
    assert batch(".", "-o", "../r.jsonl") == 0
    err = capsys.readouterr().err
    assert "批量评查：1个文件与结果文件中另一文件夹的文件同名（内容不同）" in err
    assert "批量评查：2个文件与结果文件中另一文件夹的同名文件内容完全相同" in err
    assert len(lines(tmp_path / "r.jsonl")) == 6  # both folders' results kept

    stats = reported(tmp_path / "r.jsonl", capsys)
    assert (stats["reports"], stats["same_files"], stats["graded"]) == (4, 2, 4)
    assert sorted(len(group) for group in stats["duplicates"]) == [2, 2]
    assert sum(stats["verdicts"].values()) == 4 and stats["scores"]["count"] == 4
    capsys.readouterr()
    assert main(["report", str(tmp_path / "r.jsonl")]) == 0
    shown = capsys.readouterr().out
    assert "共4份报告" in shown and "另有2个文件与其中某份报告内容完全相同，按一份报告统计" in shown
