"""The command line as a user meets it: exit codes, one-line errors, many inputs, stdin."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fzcheck.cli import main
from tests.helpers import FIXTURES, MAKERS, ROOT, SAMPLE


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fzcheck", *args],
        capture_output=True,
        cwd=ROOT,
        input=stdin.decode("utf-8") if stdin else None,
        text=True,
        timeout=60,
        check=False,
    )


def test_quick_start_sample_is_complete() -> None:
    proc = run("check", "examples/sample-report.txt")
    assert proc.returncode == 0, proc.stderr
    assert "要素齐全" in proc.stdout and "示例县司法局" in proc.stdout
    assert "得分构成" in proc.stdout  # how the score was reached


def test_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-f", "jsonl", str(SAMPLE)]) == 0
    assert main(["check", "-f", "jsonl", str(FIXTURES / "trap_no_problems.txt")]) == 1
    assert main(["check", "-f", "jsonl", str(FIXTURES / "work_plan.txt")]) == 1
    assert main(["check", "-f", "jsonl", "no-such-file.txt"]) == 2
    capsys.readouterr()


BAD = [
    "scan.pdf",
    "legacy.doc",
    "report.wps",
    "photo.png",
    "empty.txt",
    "blank.txt",
    "binary.bin",
    "fake.docx",
    "archive.zip",
    "broken.pdf",
]


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_line_and_exit_2(make_input: Callable[[str], Path], name: str) -> None:
    proc = run("check", str(make_input(name)))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert proc.stderr.startswith("fzcheck: ")


def test_one_bad_file_never_hides_the_others(make_input: Callable[[str], Path]) -> None:
    bad = [str(make_input(n)) for n in ("scan.pdf", "binary.bin")]
    proc = run("check", "-f", "jsonl", str(SAMPLE), *bad, str(FIXTURES / "traditional.txt"))
    assert proc.returncode == 2
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["verdict"] for r in results] == ["complete", "error", "error", "complete"]
    assert [r["error"]["kind"] for r in results[1:3]] == ["scanned_pdf", "binary"]
    assert len(proc.stderr.splitlines()) == 2


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(("法治政府建设" * 100 + "\n").encode("utf-8") * 11_500)  # ~20 MB
    proc = run("check", str(path))
    assert proc.returncode == 2
    assert "超过大小上限" in proc.stderr and "16 MB" in proc.stderr and "--max-mb" in proc.stderr
    english = run("--lang", "en", "check", str(path))
    assert "over the 16 MB limit" in english.stderr
    ok = run("check", "-f", "jsonl", "--max-mb", "30", str(path))
    assert ok.returncode in (1, 2) and "Traceback" not in ok.stderr
    assert len(ok.stdout.splitlines()) == 1


def test_limits_no_flag_raises_do_not_point_at_one(tmp_path: Path) -> None:
    """Too many characters or tags: --max-mb would not help, so the message does not offer it."""
    long_text = tmp_path / "long.txt"
    long_text.write_text("法治政府建设。\n" * 300_000, encoding="utf-8")  # 2.4 M characters
    page = tmp_path / "tags.html"
    page.write_text("<html><body>" + "<span>法</span>" * 60_000 + "</body></html>")
    for path, sentence in ((long_text, "文字量远超一份报告"), (page, "文件结构远比一份报告复杂")):
        proc = run("check", str(path))
        assert proc.returncode == 2 and sentence in proc.stderr, proc.stderr
        assert "--max-mb" not in proc.stderr and "over" not in proc.stderr


def test_stdin() -> None:
    proc = run("check", "-f", "jsonl", "-", stdin=SAMPLE.read_bytes())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["path"] == "-"
    assert proc.stderr == ""  # a pipe: read as before, no word about typing


TYPE_IT = "正在从标准输入读取报告：粘贴或输入全文后，在新的一行按 Ctrl-D 结束"


def test_stdin_on_a_terminal_says_how_to_end_it_then_reads_it() -> None:
    """``check -`` with standard input a terminal (no pipe) waited without a word: it says, on
    stderr and before reading, that it reads the report there and how to end it (or to give
    a file); the text typed, then Ctrl-D, is checked as a piped one is."""
    import os
    import pty
    import select
    import termios

    main_fd, term_fd = pty.openpty()
    attrs = termios.tcgetattr(term_fd)
    attrs[3] &= ~termios.ECHO  # (what is typed is not echoed back onto the terminal)
    termios.tcsetattr(term_fd, termios.TCSANOW, attrs)
    proc = subprocess.Popen(
        [sys.executable, "-m", "fzcheck", "check", "-f", "jsonl", "-"],
        stdin=term_fd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    os.close(term_fd)
    try:
        assert proc.stderr is not None and proc.stdout is not None
        # said before anything is typed (waited for a while, not for ever: it had said nothing)
        ready, _, _ = select.select([proc.stderr], [], [], 30)
        said = proc.stderr.readline().decode("utf-8") if ready else ""
        assert said.startswith(TYPE_IT) and "报告文件" in said, said
        for line in SAMPLE.read_text(encoding="utf-8").splitlines():
            os.write(main_fd, (line + "\n").encode("utf-8"))
        os.write(main_fd, b"\x04")  # Ctrl-D on a new line
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # (an assertion failed before it ended)
            proc.kill()
        os.close(main_fd)
    result = json.loads(out)
    assert proc.returncode == 0, err
    assert result["path"] == "-" and result["verdict"] == "complete"
    assert result["sha256"] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


def test_a_report_typed_at_a_terminal_is_read_outside_the_inputs_time_limit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A person takes the time typing or pasting, not a reading library: the 300 s limit on an
    input starts once it is read (it would have said a slow typist's report was a file too
    complex to read)."""
    import io
    import signal

    timers: list[float] = []

    class Typed(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            timers.append(signal.getitimer(signal.ITIMER_REAL)[0])
            return super().read(size)

    class Terminal:
        buffer = Typed(SAMPLE.read_bytes())

        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main(["check", "-f", "jsonl", "-"]) == 0
    out, err = capsys.readouterr()
    assert TYPE_IT in err and json.loads(out)["verdict"] == "complete"
    assert timers == [0.0]  # read once, no timer running


def test_a_stalled_pipe_is_said_to_be_the_cause(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pipe whose writer never ends it is stopped at the input's time limit and said to be
    what stalled — not a file too complex to read, re-saved as .docx."""
    import os

    from fzcheck import pipeline

    reader, writer = os.pipe()  # held open: the read never sees its end
    monkeypatch.setattr(pipeline, "INPUT_SECONDS", 0.3)
    monkeypatch.setattr(sys, "stdin", os.fdopen(reader, "r"))
    try:
        os.write(writer, SAMPLE.read_bytes()[:200])
        main(["check", "-f", "jsonl", "-"])
    finally:
        os.close(writer)
    out, _ = capsys.readouterr()
    result = json.loads(out)
    assert result["error"]["kind"] == "timeout"
    assert "standard input" in result["error"]["message"]
    assert "docx" not in result["error"]["message"]
    from fzcheck.render.i18n import error_key, t

    key, values = error_key("timeout", result["error"]["message"])
    assert "标准输入" in t(key, **values)  # the reviewer's sentence says so too


def test_directory_is_recursed_by_known_suffixes(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "b.htm").write_bytes((FIXTURES / "page.html").read_bytes())
    (tmp_path / "notes.log").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_bytes(SAMPLE.read_bytes())
    proc = run("check", "-f", "jsonl", str(tmp_path))
    paths = [Path(json.loads(line)["path"]).name for line in proc.stdout.splitlines()]
    assert paths == ["b.htm", "a.txt"]


@pytest.mark.parametrize("fmt", ["json", "markdown", "csv", "terminal"])
def test_every_format_writes_to_output_file(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    proc = run("check", "-f", fmt, "-o", str(out), str(SAMPLE))
    assert proc.returncode == 0 and proc.stdout == ""
    assert "示例县司法局" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ["check", str(SAMPLE), "-o", "{d}/评分表.xls"],
        ["check", str(SAMPLE), "-o", "{d}/意见.docx"],
        # batch's -o is the results file it appends to: a workbook's name gets JSON Lines
        ["batch", str(SAMPLE), "-o", "{d}/结果.xlsx", "--summary", "none"],
        ["batch", str(SAMPLE), "-o", "{d}/结果.csv", "--summary", "none"],
        # a format the name contradicts: CSV under .xlsx, a workbook under .csv
        ["check", str(SAMPLE), "-f", "csv", "-o", "{d}/评分表.xlsx"],
        ["check", str(SAMPLE), "-f", "xlsx", "-o", "{d}/评分表.csv"],
        ["check", str(SAMPLE), "-f", "markdown", "-o", "{d}/评分表.html"],
    ],
)
def test_an_output_name_no_format_has_is_refused_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """-o 评分表.xls / 意见.docx got the terminal's boxed text, and batch -o 结果.xlsx JSON
    Lines, in files Excel and Word cannot open (exit 0): refused, the line saying what to
    write instead."""
    assert main([c.format(d=tmp_path) for c in command]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and (".jsonl" in err or "-f" in err), err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(("fmt", "name"), [("jsonl", "out.json"), ("json", "out.txt")])
def test_a_text_format_under_a_kindred_name_is_written(tmp_path: Path, fmt: str, name: str) -> None:
    """JSON lines under .json, any text under .txt: files their programs open, written."""
    out = tmp_path / name
    assert main(["check", "-f", fmt, "-o", str(out), str(SAMPLE)]) == 0
    text = out.read_text(encoding="utf-8")
    records = (
        [json.loads(line) for line in text.splitlines()] if fmt == "jsonl" else [json.loads(text)]
    )
    assert "示例县司法局" in text and len(records) == 1


def test_check_does_not_overwrite_a_batchs_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check -o results.jsonl onto a batch's results left one line of the season's (exit 0,
    not a word): refused, the file as it was; a jsonl check wrote itself is rewritten."""
    results = tmp_path / "results.jsonl"
    main(["batch", str(FIXTURES), "-o", str(results), "--summary", "none"])
    before = results.read_bytes()
    assert len(before.splitlines()) > 1
    capsys.readouterr()
    assert main(["check", str(SAMPLE), "-o", str(results)]) == 2
    assert "batch" in capsys.readouterr().err
    assert results.read_bytes() == before
    own = tmp_path / "own.jsonl"
    for _ in range(2):
        assert main(["check", str(SAMPLE), "-o", str(own)]) == 0
    assert len(own.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("made", [True, False])
def test_a_folder_for_output_gets_a_page_per_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], made: bool
) -> None:
    """-o pages (a folder there) or -o pages/ (to be made), no -f: a page per report and
    index.html. It was "a folder: give a file name (pages/结果.xlsx)", and -o r.html then
    "must be a folder" — a circle; that line now says both ways out."""
    pages = tmp_path / "pages"
    if made:
        pages.mkdir()
    target = str(pages) if made else f"{pages}/"
    assert main(["check", str(FIXTURES), "-o", target, "-q"]) in (0, 1)
    assert (pages / "index.html").is_file() and len(list(pages.glob("*.html"))) > 2
    capsys.readouterr()
    assert main(["check", str(FIXTURES), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "-o 页面/" in err and "评分表.xlsx" in err


def test_an_output_named_txt_gets_the_terminals_view(tmp_path: Path) -> None:
    out = tmp_path / "结果.txt"
    assert main(["check", str(SAMPLE), "-o", str(out)]) == 0
    assert "示例县司法局" in out.read_text(encoding="utf-8")


def test_unknown_rubric_is_a_usage_error() -> None:
    proc = run("check", "--rubric", "nope", str(SAMPLE))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "fzcheck: 未知的报告类型 'nope'；内置：fazhi-annual, gip-annual（或给出 .yaml 文件的路径）"
    )
    english = run("--lang", "en", "check", "--rubric", "nope", str(SAMPLE))
    assert english.stderr.strip() == (
        "fzcheck: unknown rubric 'nope'; bundled: fazhi-annual, gip-annual "
        "(or pass a path to a .yaml)"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["check", ""],
        ["batch", "", "-o", "{tmp}/r.jsonl"],
        ["letter", "", "-o", "{tmp}/letters"],
        ["summarize", ""],
    ],
)
def test_an_empty_input_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """ "" (a script's unset "$FILE") is no path: it had been the working folder, walked whole
    and every file in it graded (57 s and 650 MB in a work folder; letter wrote 206 letters,
    helper-198's)."""
    assert main([a.format(tmp=tmp_path) for a in argv]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("fzcheck: 输入路径为空") and len(err.splitlines()) == 1
    assert not any(tmp_path.iterdir())


def test_rubric_commands(tmp_path: Path) -> None:
    assert "fazhi-annual" in run("rubric", "list").stdout
    shown = run("rubric", "show", "fazhi-annual")
    assert shown.returncode == 0 and "leader_duties" in shown.stdout
    good = run("rubric", "validate", "rubrics/fazhi-annual.yaml")
    assert good.returncode == 0 and "有效" in good.stdout
    broken = tmp_path / "b.yaml"
    broken.write_text(
        (ROOT / "rubrics" / "fazhi-annual.yaml")
        .read_text(encoding="utf-8")
        .replace("weight: 30", "weight: -1"),
        encoding="utf-8",
    )
    bad = run("rubric", "validate", str(broken))
    assert bad.returncode == 2
    assert "parts[0].weight（第" in bad.stderr and "Traceback" not in bad.stderr


def test_offline_path_imports_nothing_llm_related(tmp_path: Path) -> None:
    code = (
        "import sys; from fzcheck.cli import main; main(['check', '-f', 'jsonl', '-o', "
        f"{str(tmp_path / 'o.jsonl')!r}, {str(SAMPLE)!r}]); "
        "bad = {'openai', 'instructor', 'tenacity', 'jinja2', 'httpx', 'trafilatura', 'docx', "
        "'pypdf'} & set(sys.modules); print(sorted(bad))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert proc.stdout.strip() == "[]"


def test_help_lists_commands_and_exit_codes() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    assert "check" in proc.stdout and "退出码" in proc.stdout


def test_all_bad_inputs_are_covered_by_makers() -> None:
    assert set(BAD) <= set(MAKERS)


def test_a_bug_on_one_input_is_that_inputs_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import fzcheck.pipeline as pipeline

    real = pipeline.analyse

    def flaky(doc, rubric):  # type: ignore[no-untyped-def]
        if "traditional" in doc.source:
            raise ValueError("boom")
        return real(doc, rubric)

    monkeypatch.setattr(pipeline, "analyse", flaky)
    code = main(["check", "-f", "jsonl", str(FIXTURES / "traditional.txt"), str(SAMPLE)])
    out = capsys.readouterr()
    results = [json.loads(line) for line in out.out.splitlines()]
    assert code == 2
    assert [r["verdict"] for r in results] == ["error", "complete"]
    assert (
        results[0]["error"]["kind"] == "internal"
        and "ValueError: boom" in results[0]["error"]["message"]
    )
    assert "Traceback" not in out.err


def test_unreadable_submissions_in_a_directory_are_reported_not_skipped(tmp_path: Path) -> None:
    for name in ("a.doc", "b.wps", "c.png"):
        (tmp_path / name).write_bytes(MAKERS["legacy.doc" if name != "c.png" else "photo.png"]())
    (tmp_path / "d.txt").write_bytes(SAMPLE.read_bytes())
    proc = run("check", "-f", "jsonl", str(tmp_path))
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [Path(r["path"]).name for r in results] == ["a.doc", "b.wps", "c.png", "d.txt"]
    assert [r["verdict"] for r in results] == ["error", "error", "error", "complete"]
    assert all(len(r["sha256"]) == 64 for r in results)  # the bytes were read
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 3


def test_a_directory_without_reports_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.log").write_text("x", encoding="utf-8")
    proc = run("check", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith(f"fzcheck: {tmp_path}: 该目录中没有可检查的报告文件：")


def test_missing_file_message_names_the_path_once() -> None:
    proc = run("check", "nope.txt")
    assert proc.stderr.strip() == "fzcheck: nope.txt: 找不到该文件：请检查路径和文件名"
    english = run("check", "nope.txt", "--lang", "en")
    assert english.stderr.strip() == "fzcheck: nope.txt: not_found: no such file"


@pytest.mark.parametrize("value", ["-1", "0", "lots"])
def test_max_mb_must_be_positive(value: str) -> None:
    proc = run("check", "--max-mb", value, str(SAMPLE))
    assert proc.returncode == 2 and "须是大于0的数字" in proc.stderr  # said in Chinese
    english = run("--lang", "en", "check", "--max-mb", value, str(SAMPLE))
    assert english.returncode == 2 and "must be a number above 0" in english.stderr


@pytest.mark.parametrize("name", ["same", "link", "decisions"])
def test_output_that_is_a_file_read_is_refused_and_left_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """-o naming an input (by its own name or a link to it), or the decisions file read beside
    it, would be emptied before it is read: one line, exit 2, the file as it was."""
    report = tmp_path / "a.txt"
    report.write_bytes(SAMPLE.read_bytes())
    decisions = tmp_path / "a.txt.decisions.jsonl"
    decisions.write_text("", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(report)
    output = {"same": report, "link": tmp_path / "link.txt", "decisions": decisions}[name]
    before = output.read_bytes()
    assert main(["check", "-f", "jsonl", str(report), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert "也是本次读取的文件" in err and len(err.strip().splitlines()) == 1
    assert output.read_bytes() == before


def test_an_interrupted_batch_says_how_to_go_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C in a batch: every report done is saved, and the message says to run it again."""
    import fzcheck.commands.batch as batch_command

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_command, "run", interrupted)
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "r.jsonl")]) == 130
    assert "再次运行同一命令" in capsys.readouterr().err
    monkeypatch.setattr("fzcheck.commands.check.run", interrupted)
    assert main(["check", str(tmp_path)]) == 130
    assert capsys.readouterr().err.strip().endswith("已中断")


def test_an_interrupted_batch_says_how_many_it_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during grading: the message counts what this run saved, and says so when it saved
    nothing (not "every report done is saved" over an empty run)."""
    from fzcheck.batch.runner import Batch

    shutil.copy(SAMPLE, tmp_path / "a.txt")
    finished = [0]

    def interrupted(self: Batch, inputs: list[str]) -> None:
        self.stats.written = finished[0]
        raise KeyboardInterrupt

    monkeypatch.setattr(Batch, "run", interrupted)
    output = tmp_path / "r.jsonl"
    assert main(["batch", str(tmp_path / "a.txt"), "-o", str(output)]) == 130
    err = capsys.readouterr().err
    assert "本次尚未评完任何报告" in err and "已保存" not in err
    finished[0] = 3
    assert main(["batch", str(tmp_path / "a.txt"), "-o", str(output)]) == 130
    assert "本次评完的3份已保存到" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("missing/结果.xlsx", "所在的文件夹不存在：请先建好它"),
        ("folder", "指的是文件夹：请给出文件名"),
        ("newdir/", "newdir/ 指的是文件夹：请给出文件名（如 "),
        ("/dev/full", "磁盘已满，没有写完"),
    ],
)
def test_an_output_that_cannot_be_written_is_said_with_its_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, said: str
) -> None:
    """-o into a folder that does not exist, onto a folder, or onto a full disk: one line in
    the reviewer's language naming the fix (a bare "No such file or directory" named none,
    and the xlsx library printed its own traceback after a full disk)."""
    if where == "/dev/full" and not Path(where).exists():
        pytest.skip("no /dev/full here")
    (tmp_path / "folder").mkdir()
    out = where if where.startswith("/") else f"{tmp_path}/{where}"
    assert main(["check", str(SAMPLE), "-f", "xlsx", "-o", out]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert "//" not in err


def test_a_language_setting_fzcheck_lacks_is_said(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # FZCHECK_LANG=cn (for zh) is a setting made once and forgotten: said on each run
    monkeypatch.setenv("FZCHECK_LANG", "cn")
    assert main(["check", str(SAMPLE)]) == 0
    err = capsys.readouterr().err
    assert "FZCHECK_LANG" in err and "“cn”" in err and "按中文显示" in err
    assert main(["--lang", "zh", "check", str(SAMPLE)]) == 0  # the flag wins: nothing to say
    assert "FZCHECK_LANG" not in capsys.readouterr().err
    monkeypatch.setenv("FZCHECK_LANG", "en")
    assert main(["check", str(SAMPLE)]) == 0
    assert "FZCHECK_LANG" not in capsys.readouterr().err


def _help_texts() -> list[str]:
    """Every text any parser's help shows: descriptions, epilogs, group titles, options'."""
    import argparse

    from fzcheck.cli import COMMANDS, build_parser

    texts: list[str] = []

    def walk(p: argparse.ArgumentParser) -> None:
        texts.extend([p.description or "", p.epilog or ""])
        texts.extend(g.title or "" for g in p._action_groups)
        for a in p._actions:
            texts.append(a.help or "")
            for choice in getattr(a, "_choices_actions", ()):
                texts.append(choice.help or "")
            if isinstance(a, argparse._SubParsersAction):
                for sub in a.choices.values():
                    walk(sub)

    for name in (None, *COMMANDS):
        walk(build_parser(only=name))
    return sorted({t for t in texts if t and t != argparse.SUPPRESS})


def test_every_help_text_has_its_chinese() -> None:
    # a help text changed or added in English without its Chinese would show English to a
    # reviewer: every one the parsers hold is in the catalogue, and none is there unused
    from fzcheck.commands.help_zh import ZH

    texts = _help_texts()
    assert len(texts) > 60
    assert [t for t in texts if t not in ZH] == []
    assert sorted(set(ZH) - set(texts)) == []


@pytest.mark.parametrize("command", [[], ["check"], ["batch"], ["review"], ["letter"]])
def test_help_is_in_the_reviewers_language(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    import re
    import unicodedata

    with pytest.raises(SystemExit):
        main([*command, "--help"])
    zh = capsys.readouterr().out
    assert zh.startswith("用法：fzcheck") and "显示本帮助并退出" in zh

    def columns(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    # the usage's later lines stand under its first option, 用法： counted in columns
    first, second = zh.splitlines()[:2]
    if second.startswith(" "):
        assert len(second) - len(second.lstrip()) == columns(first[: first.index("[")])
    # no English sentence left (commands, options and paths are ASCII, prose is not)
    assert not re.search(r"\b(?:the|and|or|of|for)\b [a-z]+ [a-z]+", zh)
    # a group's title ends in a Chinese colon (参数：, 选项：), not argparse's ASCII one
    titles = [
        line for line in zh.splitlines() if line[:1] not in " 用" and line.endswith(("：", ":"))
    ]
    assert titles and all(line.endswith("：") for line in titles), titles
    # wrapped to the terminal's columns, a Chinese character counting two
    wide = [
        line
        for line in zh.splitlines()
        if not line.startswith("  fzcheck")  # an example command is kept whole
        and "{csv" not in line  # argparse's own option line
        and sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) > 82
    ]
    assert wide == []
    with pytest.raises(SystemExit):
        main(["--lang", "en", *command, "--help"])
    assert capsys.readouterr().out.startswith("usage: fzcheck")


@pytest.mark.parametrize("columns", [50, 64, 80])
def test_the_usage_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    import unicodedata

    # argparse fits the usage by characters; 用法： takes 6 columns for its 3
    monkeypatch.setenv("COLUMNS", str(columns))
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    usage = capsys.readouterr().out.split("\n\n")[0].splitlines()
    assert usage[0].startswith("用法：") and len(usage) > 1
    wide = [
        line
        for line in usage
        if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) > columns - 2
        and "{" not in line  # a choice list argparse keeps whole
        and " | " not in line  # so is a group of options that exclude each other
    ]
    assert wide == []


def test_help_lines_break_between_words_and_never_before_a_stop() -> None:
    from fzcheck.cli import _wrap_columns

    lines = _wrap_columns(
        "模型名称（环境变量 FZCHECK_MODEL、配置文件 [llm] model；默认 gpt-4o-mini）", 30
    )
    assert "".join(lines).replace(" ", "") == (
        "模型名称（环境变量FZCHECK_MODEL、配置文件[llm]model；默认gpt-4o-mini）"
    )
    assert all(not line.startswith(("；", "）", "、")) for line in lines)
    assert all(not line.endswith("（") for line in lines)
    assert _wrap_columns("评查这些报告所用的规则（不是内置规则时给出）", 24)[0].endswith("规则")
    assert any("gpt-4o-mini" in line for line in lines)


@pytest.mark.parametrize("name", ["评分表.xlsx", "results.csv"])
def test_a_file_written_with_o_is_said_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """check -o and report -o printed nothing on success (batch and letter say where they
    wrote): one line says where, and --quiet keeps it off."""
    out = tmp_path / name
    assert main(["check", str(SAMPLE), "-o", str(out)]) == 0
    assert out.exists() and f"已写1份报告的结果 → {out}" in capsys.readouterr().err
    results = tmp_path / "r.jsonl"
    main(["batch", str(SAMPLE), "-o", str(results), "--summary", "none"])
    capsys.readouterr()
    assert main(["report", str(results), "-o", str(tmp_path / f"units-{name}")]) == 0
    assert "已写1份报告的结果" in capsys.readouterr().err
    assert main(["-q", "check", str(SAMPLE), "-o", str(out)]) == 0
    assert capsys.readouterr().err == ""


def test_a_batch_output_that_cannot_be_made_says_why_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o where no file can be made, --html onto a file: the system's English (No such file or
    directory, File exists) stood in the Chinese line."""
    taken = tmp_path / "r.jsonl"
    taken.write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(SAMPLE), "-o", str(out), "--html", str(taken)]) == 2
    err = capsys.readouterr().err
    assert "已有同名的文件" in err and "File exists" not in err


def test_a_terminal_said_to_be_a_hundred_million_columns_wide_is_read_as_a_thousand(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """COLUMNS=100000000 had the terminal view padded out to 3 GB (a MemoryError traceback)."""
    monkeypatch.setenv("COLUMNS", "100000000")
    proc = run("check", str(SAMPLE))
    assert proc.returncode in (0, 1) and "Traceback" not in proc.stderr
    assert 80 < max(len(line) for line in proc.stdout.splitlines()) <= 1000


@pytest.mark.parametrize("command", ["check", "report"])
def test_dash_for_the_output_is_the_standard_output(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    """-o - writes to the standard output, as - reads the standard input (a file named "-" had
    been written in the working folder)."""
    monkeypatch.chdir(tmp_path)
    results = tmp_path / "r.jsonl"
    main(["batch", str(SAMPLE), "-o", str(results), "--summary", "none"])
    capsys.readouterr()
    given = str(SAMPLE) if command == "check" else str(results)
    assert main([command, given, "-f", "json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out) and not (tmp_path / "-").exists()
