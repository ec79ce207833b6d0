"""One input is one line however its path is typed and whatever the working folder: a rerun
that names a file another way (absolute, relative, from another folder) finds its line by the
absolute path it was graded from — done when its bytes are the same, redone (its line
replaced) when they changed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzcheck.batch.plan import KEY_FIELD, WHERE_FIELD
from fzcheck.batch.store import sidecar_path, stale_path
from fzcheck.cli import main
from tests.batch.reportgen import report_folder

Lines = Callable[[Path], list[dict[str, Any]]]


def batch(*args: str) -> int:
    return main(["batch", "--summary", "none", *args])


def paths(out: Path, lines: Lines) -> list[str]:
    return [r["path"] for r in lines(out)]


def summary(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


def reported(out: Path, capsys: pytest.CaptureFixture[str]) -> int:
    capsys.readouterr()
    assert main(["report", str(out), "-f", "json"]) == 0
    count: int = json.loads(capsys.readouterr().out)["reports"]
    return count


def one_signature_per_line(out: Path, lines: Lines) -> None:
    sigs = sorted((s["path"], s[KEY_FIELD]) for s in lines(sidecar_path(out)))
    assert sigs == sorted((r["path"], r[KEY_FIELD]) for r in lines(out))


def test_absolute_then_relative_is_one_line(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = report_folder(tmp_path, "reports", {"一县局.txt": 90, "二县局.txt": 91})
    monkeypatch.chdir(tmp_path)
    assert batch(str(folder), "-o", "r.jsonl") == 0
    out = tmp_path / "r.jsonl"
    before = out.read_bytes(), sidecar_path(out).read_bytes()
    capsys.readouterr()
    assert batch("reports", "-o", "r.jsonl") == 0
    assert "共2份，此前已完成2份，本次评出0份" in summary(capsys)
    # nothing written: the stored lines (and their absolute paths) stay as they were
    assert (out.read_bytes(), sidecar_path(out).read_bytes()) == before
    assert sorted(paths(out, lines)) == sorted(str(p) for p in folder.iterdir())
    assert reported(out, capsys) == 2
    assert not stale_path(out).exists()


def test_relative_then_absolute_is_one_line(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = report_folder(tmp_path, "reports", {"a.txt": 92, "b.txt": 93})
    monkeypatch.chdir(tmp_path)
    assert batch("reports", "-o", "r.jsonl") == 0
    out = tmp_path / "r.jsonl"
    capsys.readouterr()
    assert batch(str(folder), "-o", "r.jsonl") == 0
    assert "共2份，此前已完成2份，本次评出0份" in summary(capsys)
    assert sorted(paths(out, lines)) == [
        str(Path("reports", "a.txt")),
        str(Path("reports", "b.txt")),
    ]
    # and a third spelling, from inside the folder
    monkeypatch.chdir(folder)
    assert batch("./a.txt", "b.txt", "-o", "../r.jsonl") == 0
    assert "共2份，此前已完成2份，本次评出0份" in summary(capsys)
    assert len(lines(out)) == 2
    assert reported(out, capsys) == 2
    one_signature_per_line(out, lines)


def test_two_working_folders_naming_the_same_files_leave_one_line_each(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = report_folder(tmp_path / "desk", "reports", {f"u{n}.txt": 94 + n for n in range(4)})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(tmp_path / "desk")
    assert batch("reports", "-o", str(out)) == 0
    monkeypatch.chdir(folder)
    assert batch(".", "-o", str(out)) == 0
    monkeypatch.chdir(tmp_path)
    assert batch(str(Path("desk", "reports")), "-o", str(out)) == 0
    assert "共4份，此前已完成4份，本次评出0份" in summary(capsys)
    assert len(lines(out)) == 4
    assert reported(out, capsys) == 4
    one_signature_per_line(out, lines)
    where = sorted(s[WHERE_FIELD] for s in lines(sidecar_path(out)))
    assert where == sorted(str(p) for p in folder.iterdir())


def test_a_changed_file_typed_the_other_way_is_redone_once(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = report_folder(tmp_path, "reports", {"a.txt": 98, "b.txt": 99})
    monkeypatch.chdir(tmp_path)
    assert batch(str(folder), "-o", "r.jsonl") == 0
    out = tmp_path / "r.jsonl"
    edited = folder / "a.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("。", "；", 1), encoding="utf-8")
    capsys.readouterr()
    assert batch("reports", "-o", "r.jsonl") == 0
    assert "共2份，此前已完成1份，本次评出1份" in summary(capsys)
    # the redone line takes the path as typed this run; the unchanged one keeps its own
    assert paths(out, lines) == [str(folder / "b.txt"), str(Path("reports", "a.txt"))]
    assert reported(out, capsys) == 2
    assert not stale_path(out).exists()
    one_signature_per_line(out, lines)
    # and a further run, typed the first way again, finds both done
    assert batch(str(folder), "-o", "r.jsonl") == 0
    assert "共2份，此前已完成2份，本次评出0份" in summary(capsys)
    assert len(lines(out)) == 2


def test_an_older_line_without_its_absolute_path_resolves_against_the_working_folder(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A sidecar an older version wrote records no graded_from: a relative line is taken as
    graded from today's working folder, an absolute one from its own path."""
    folder = report_folder(tmp_path, "reports", {"rel.txt": 100, "abs.txt": 101})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(tmp_path)
    assert batch(str(Path("reports", "rel.txt")), str(folder / "abs.txt"), "-o", str(out)) == 0
    old = [{k: v for k, v in s.items() if k != WHERE_FIELD} for s in lines(sidecar_path(out))]
    sidecar_path(out).write_text("".join(json.dumps(s) + "\n" for s in old), encoding="utf-8")
    capsys.readouterr()
    assert batch(str(folder / "rel.txt"), str(Path("reports", "abs.txt")), "-o", str(out)) == 0
    assert "共2份，此前已完成2份，本次评出0份" in summary(capsys)
    assert paths(out, lines) == [str(Path("reports", "rel.txt")), str(folder / "abs.txt")]


def test_one_file_named_twice_in_one_run_is_one_line(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = report_folder(tmp_path, "reports", {"a.txt": 102})
    monkeypatch.chdir(tmp_path)
    assert batch(str(folder / "a.txt"), str(Path("reports", "a.txt")), "-o", "r.jsonl") == 0
    assert paths(tmp_path / "r.jsonl", lines) == [str(folder / "a.txt")]
    assert "共1份" in summary(capsys)


def test_leftover_duplicates_of_one_file_are_cleaned_by_the_next_run(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A results file the faulty version left with two lines for one file (typed two ways)
    keeps one of them once the file is batched again."""
    folder = report_folder(tmp_path, "reports", {"a.txt": 103, "b.txt": 104})
    out = tmp_path / "r.jsonl"
    monkeypatch.chdir(tmp_path)
    assert batch(str(folder), "-o", str(out)) == 0
    rows, sigs = lines(out), lines(sidecar_path(out))
    rows += [{**r, "path": str(Path("reports", Path(r["path"]).name))} for r in rows]
    sigs += [{**s, "path": str(Path("reports", Path(s["path"]).name))} for s in sigs]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    sidecar_path(out).write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sigs), "utf-8"
    )
    capsys.readouterr()
    assert batch("reports", "-o", str(out)) == 0
    assert "共2份，此前已完成2份，本次评出0份" in summary(capsys)
    assert paths(out, lines) == [str(folder / "a.txt"), str(folder / "b.txt")]
    one_signature_per_line(out, lines)


def test_a_name_that_names_nothing_is_said_and_counts_no_report(
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A typo or a glob that matched nothing ('sbus/*.docx' for subs/): one line on stderr,
    the rest graded, exit 2, and no result line — one would count a report no unit sent, for
    good. Such a line an older version wrote goes to the stale file on the next run."""
    report_folder(tmp_path, "subs", {"a.txt": 94})
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    assert batch("subs", "sbus/*.docx", "-o", "r.jsonl") == 2
    assert "找不到 sbus/*.docx" in summary(capsys)
    out = tmp_path / "r.jsonl"
    assert paths(out, lines) == [str(Path("subs", "a.txt"))]
    assert batch("nothing.txt", "-o", "r.jsonl") == 2
    assert paths(out, lines) == [str(Path("subs", "a.txt"))]
    # an older version's line for a name that named nothing
    assert main(["check", "sbus/x.docx", "-f", "jsonl", "-o", "old.jsonl"]) == 2
    old = json.loads((tmp_path / "old.jsonl").read_text(encoding="utf-8"))
    assert old["error"]["kind"] == "not_found"
    with out.open("a", encoding="utf-8") as f:
        f.write(json.dumps(old, ensure_ascii=False) + "\n")
    assert batch("subs", "-o", "r.jsonl") == 0
    assert paths(out, lines) == [str(Path("subs", "a.txt"))]
    assert [r["path"] for r in lines(stale_path(out))] == ["sbus/x.docx"]
    assert reported(out, capsys) == 1
