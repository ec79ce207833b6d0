"""What a submitter controls — a file's name, its title, its text — reaches spreadsheets, pages
and Markdown as text, never as a formula or markup; odd names and files never stop a command."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from fzcheck.cli import main
from tests.helpers import sample_text

FORMULA = '=HYPERLINK("mailto:x@example.invalid","点我")'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _report(folder: Path, name: str, title: str | None = None) -> Path:
    text = sample_text()
    if title is not None:
        text = text.replace(text.splitlines()[0], title, 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_cells_that_would_run_as_formulas_are_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = _report(tmp_path, "r.txt", "=1+2示例县司法局关于2025年度法治政府建设情况的报告")
    code, out, _ = run(capsys, "check", "-f", "csv", str(report))
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    cells = [c for row in rows[1:] for c in row]
    assert code == 0 and not any(c.startswith(("=", "+", "@")) for c in cells)
    assert any(c.startswith("'=1+2示例县") for c in cells)


def test_xlsx_cells_from_a_submission_are_never_formulas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import openpyxl

    report = _report(
        tmp_path, f"{FORMULA}.txt", "=1+2示例县司法局关于2025年度法治政府建设情况的报告"
    )
    unsigned = report.read_text(encoding="utf-8").replace("示例县司法局\n2026年2月10日", "")
    report.write_text(unsigned, encoding="utf-8")  # the unit's name is then read from the title
    out = tmp_path / "r.xlsx"
    assert run(capsys, "check", "-f", "xlsx", "-o", str(out), str(report))[0] == 0
    book = openpyxl.load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and "HYPERLINK" in c.value for c in cells)


def test_xlsx_holds_a_file_name_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import os

    import openpyxl

    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # 报告.txt as a GBK disk names it
    (folder / name).write_text(sample_text(), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert run(capsys, "check", "-f", "xlsx", "-o", str(out), str(folder))[0] == 0
    book = openpyxl.load_workbook(out)
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    # read as the GBK it is, as the unit's own PC shows it
    assert any(isinstance(v, str) and "报告.txt" in v for v in cells)


def test_markdown_prints_markup_in_a_submission_as_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = sample_text().replace(
        "一、2025年推进法治政府建设的主要举措和成效",
        "一、2025年推进法治政府建设的主要举措和成效<img src=x onerror=alert(1)>[点我](javascript:x)",
    )
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", "-f", "markdown", str(path))
    assert code == 0 and "<img" not in out and "](javascript" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_a_file_name_too_long_for_a_decisions_file_beside_it_is_still_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A 244-byte name (legal) leaves no room for the .decisions.jsonl suffix: the reviewer's
    decisions cannot stand beside it, and the inputs after it are still checked."""
    long = _report(tmp_path, "b" * 240 + ".txt")
    other = _report(tmp_path, "zzz.txt")
    code, out, _ = run(capsys, "check", "-f", "jsonl", str(long), str(other))
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert code == 0 and paths == [str(long), str(other)]


def test_review_refuses_a_results_file_that_is_no_json_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary, deep = tmp_path / "bin.json", tmp_path / "deep.json"
    binary.write_bytes(b"\xff\xfe\x00garbage\x81")
    deep.write_text("[" * 100_000, encoding="utf-8")
    for path in (binary, deep):
        code, _, err = run(capsys, "review", str(path))
        assert code == 2 and "Traceback" not in err and str(path) in err


def test_a_batch_with_pages_and_a_symlink_loop_among_its_inputs_runs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _report(folder, "good.txt")
    os.symlink("loop.txt", folder / "loop.txt")
    results, pages = tmp_path / "r.jsonl", tmp_path / "pages"
    code, _, _ = run(capsys, "batch", str(folder), "-o", str(results), "--html", str(pages))
    lines = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert code in (0, 1) and len(lines) == 2
    assert {Path(r["path"]).name for r in lines} == {"good.txt", "loop.txt"}


def test_report_pages_for_names_not_in_utf8_are_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff\xfe.txt")
    (folder / name).write_text(sample_text(), encoding="utf-8")
    _report(folder, "good.txt")
    pages = tmp_path / "pages"
    code, _, err = run(capsys, "check", "-f", "html", "-o", str(pages) + "/", str(folder))
    assert code == 0, err
    assert (pages / "index.html").exists() and len(list(pages.glob("*.html"))) == 3


def test_a_path_that_cannot_be_resolved_is_not_called_permission_denied() -> None:
    from fzcheck.render.i18n import error_kind

    loop = "the path cannot be resolved (Too many levels of symbolic links; a symlink loop…)"
    assert "没有权限" not in error_kind("unreadable", loop) and "路径" in error_kind(
        "unreadable", loop
    )
    assert "没有权限" not in error_kind("unreadable", "cannot be read (EIO: Input/output error)")
    assert "没有权限" in error_kind("unreadable", "permission denied")


def test_markdown_escapes_keep_a_backslash_from_reopening_a_link() -> None:
    """\\[点此\\](…) in a title: its backslashes escaped, so the brackets stay text; a backslash
    before a letter (a\\xff.txt, how an odd file name is shown) is no escape and stays as it is."""
    from fzcheck.render.markdown import md_text

    assert md_text("\\[点此\\](javascript:x)") == "\\\\\\[点此\\\\\\](javascript:x)"
    assert md_text("a\\xff.txt") == "a\\xff.txt"
