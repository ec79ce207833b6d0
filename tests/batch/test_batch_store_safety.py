"""A results file that matches the bytes: changed files, a symlinked -o, temp files left by a
killed rewrite, permissions, the signature sidecar, and file names that are not UTF-8."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fzcheck.batch import runner
from fzcheck.batch.plan import KEY_FIELD, content_key, settings_fingerprint
from fzcheck.batch.store import sidecar_path
from fzcheck.cli import main
from fzcheck.rubric import Catalog
from tests.batch.reportgen import make_report

Lines = Callable[[Path], list[dict]]


def batch(*args: str) -> int:
    return main(["batch", "--summary", "none", *args])


def test_a_file_changed_after_planning_gets_the_line_of_what_was_graded(
    reports: Path,
    tmp_path: Path,
    lines: Lines,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "results.jsonl"
    target = reports / "no_problems.txt"
    fixed = make_report(50)  # the same unit, now with its problems section
    real_plan = runner.Batch.plan

    def plan_then_edit(self: runner.Batch, *args: object, **kwargs: object) -> object:
        todo = real_plan(self, *args, **kwargs)  # type: ignore[arg-type]
        target.write_text(fixed, encoding="utf-8")  # the unit replaces its file mid-run
        return todo

    monkeypatch.setattr(runner.Batch, "plan", plan_then_edit)
    batch(str(reports), "-o", str(out))
    monkeypatch.undo()
    line = next(r for r in lines(out) if r["path"] == str(target))
    sha = hashlib.sha256(fixed.encode()).hexdigest()
    assert line["sha256"] == sha and line["verdict"] == "complete"  # hash and grade agree
    fingerprint = settings_fingerprint(Catalog.load(), None)
    assert line[KEY_FIELD] == content_key(sha, fingerprint)
    capsys.readouterr()
    batch(str(reports), "-o", str(out))  # the file is what its line describes: done
    assert "本次评出0份" in capsys.readouterr().err
    target.write_text(make_report(50, with_problems=False), encoding="utf-8")
    batch(str(reports), "-o", str(out))  # changed again: redone, still one line
    assert "本次评出1份" in capsys.readouterr().err
    got = [r for r in lines(out) if r["path"] == str(target)]
    assert len(got) == 1 and got[0]["verdict"] == "incomplete"


def test_a_symlinked_output_locks_and_rewrites_the_real_file(
    reports: Path, tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    from fzcheck.batch.store import exclusive

    real = tmp_path / "results.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(real.name)
    batch(str(reports), "-o", str(link))  # the copy flags make a rewrite at the end
    assert link.is_symlink() and os.readlink(link) == real.name
    assert len(lines(real)) == len(list(reports.iterdir()))
    assert any(r.get("copies") for r in lines(real))
    with exclusive(real):
        assert batch(str(reports), "-o", str(link)) == 2
    assert "另一个 fzcheck batch 正在写入" in capsys.readouterr().err
    with exclusive(link):
        assert batch(str(reports), "-o", str(real)) == 2
    batch(str(reports), "-o", str(real))
    assert len(lines(real)) == len(list(reports.iterdir()))  # one file, one line per input
    assert not (tmp_path / "link.jsonl.lock").exists()


def test_a_rewrite_keeps_permissions_and_cleans_what_a_killed_one_left(
    reports: Path, tmp_path: Path, lines: Lines
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    out.chmod(0o640)
    # What a kill during a rewrite (copy flags, dropping redone lines) leaves behind.
    stale = [
        tmp_path / ".results.jsonl.k3x9_a2b.tmp",
        tmp_path / ".results.jsonl.minhash.q1w2e3r4.tmp",
    ]
    for path in stale:
        path.write_text('{"half": ', encoding="utf-8")
    mine = tmp_path / ".results.jsonl.my notes.tmp"
    mine.write_text("not fzcheck's", encoding="utf-8")
    (reports / "unit2.txt").write_text(make_report(22), encoding="utf-8")  # a redo: a rewrite
    batch(str(reports), "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert not any(p.exists() for p in stale) and mine.exists()
    assert len(lines(out)) == len(list(reports.iterdir()))


def test_the_signature_sidecar_is_compacted_with_the_results(
    reports: Path, tmp_path: Path, lines: Lines
) -> None:
    out = tmp_path / "results.jsonl"
    batch(str(reports), "-o", str(out))
    for n in range(3):  # three rounds of edits: each leaves a stale signature line today
        (reports / "unit1.txt").write_text(make_report(200 + n), encoding="utf-8")
        batch(str(reports), "-o", str(out))
    # a spare signature, as a kill between the two appends leaves it
    with sidecar_path(out).open("a", encoding="utf-8") as f:
        f.write(json.dumps({"path": "gone.txt", KEY_FIELD: "x", "sigs": {}}) + "\n")
    (reports / "unit1.txt").write_text(make_report(300), encoding="utf-8")
    batch(str(reports), "-o", str(out))
    results = {(r["path"], r[KEY_FIELD]) for r in lines(out)}
    sigs = [(s["path"], s[KEY_FIELD]) for s in lines(sidecar_path(out))]
    assert sorted(sigs) == sorted(results)


@pytest.fixture
def undecodable(tmp_path: Path) -> Path:
    """A folder holding b'a\\xff.txt' (a GBK disk's name that is not UTF-8) and ten others."""
    if sys.platform in ("darwin", "win32"):
        pytest.skip("this file system refuses names that are not UTF-8")
    folder = tmp_path / "gbk"
    folder.mkdir()
    for n in range(10):
        (folder / f"unit{n}.txt").write_text(make_report(n), encoding="utf-8")
    raw = os.fsencode(folder) + b"/a\xff.txt"
    try:
        fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    with os.fdopen(fd, "wb") as f:
        f.write(make_report(77).encode("utf-8"))
    os.close(os.open(os.fsencode(folder) + b"/b\xfe.txt", os.O_WRONLY | os.O_CREAT, 0o644))
    return folder


def test_a_name_that_is_not_utf8_gets_its_line_and_is_skipped_on_rerun(
    undecodable: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.jsonl"
    assert batch(str(undecodable), "-o", str(out), "--summary", "terminal") == 1
    text = out.read_bytes().decode("utf-8")  # the file stays valid UTF-8
    got = [json.loads(line) for line in text.splitlines()]
    assert len(got) == 12
    odd = [r for r in got if "\udcff" in r["path"]]
    assert len(odd) == 1 and odd[0]["verdict"] == "complete"
    assert os.fsencode(odd[0]["path"]) == os.fsencode(undecodable) + b"/a\xff.txt"  # lossless
    assert "\\udcff" in text  # as a JSON escape that round-trips
    empty = next(r for r in got if "\udcfe" in r["path"])
    assert empty["error"]["kind"] == "empty"
    seen = capsys.readouterr()
    assert "b\\xfe.txt" in seen.err and "b\\xfe.txt" in seen.out  # failures shown visibly
    assert batch(str(undecodable), "-o", str(out)) == 1
    assert "此前已完成12份，本次评出0份" in capsys.readouterr().err
    assert len(out.read_bytes().splitlines()) == 12


def test_a_name_that_is_not_utf8_in_check_output(
    undecodable: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(undecodable)  # a short path: panel titles are cut at the console's width
    odd = os.fsdecode(b"a\xff.txt")
    assert main(["check", "-f", "jsonl", odd]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["path"] == odd
    md = tmp_path / "review.md"
    assert main(["check", "-f", "markdown", "-o", str(md), odd]) == 0
    assert "a\\xff.txt" in md.read_text(encoding="utf-8")  # Markdown shows the bad byte
    assert main(["check", odd]) == 0
    assert "a\\xff.txt" in capsys.readouterr().out


def test_a_symlink_loop_is_its_own_error_line(
    tmp_path: Path, lines: Lines, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop.name)
    good = tmp_path / "good.txt"
    good.write_text(make_report(5), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert batch(str(loop), str(good), "-o", str(out)) == 1
    got = {Path(r["path"]).name: r for r in lines(out)}
    assert got["loop.txt"]["verdict"] == "error" and got["good.txt"]["verdict"] == "complete"
    capsys.readouterr()
    assert main(["check", "-f", "jsonl", str(loop), str(good)]) == 2
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["verdict"] for r in printed] == ["error", "complete"]


@pytest.mark.parametrize("kind", ["fifo", "device", "link_to_device"])
def test_an_output_that_is_no_regular_file_is_refused(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o /dev/zero was read for the lines done already until memory ran out (24 GB, killed);
    -o a FIFO waited for ever. Both are refused in one line, before anything is read."""
    report = tmp_path / "a.txt"
    report.write_text(make_report(1), encoding="utf-8")
    out = tmp_path / "r.jsonl"
    if kind == "fifo":
        os.mkfifo(out)
    elif kind == "device":
        out = Path("/dev/zero")
    else:
        out.symlink_to("/dev/zero")
    assert main(["batch", str(report), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "不是普通文件" in err and len(err.strip().splitlines()) == 1


def test_a_results_file_that_is_a_fifo_is_said_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report FIFO said 找不到结果文件 (no such file) of a file that is there."""
    fifo = tmp_path / "r.jsonl"
    os.mkfifo(fifo)
    assert main(["report", str(fifo)]) == 2
    assert "不是普通文件" in capsys.readouterr().err
