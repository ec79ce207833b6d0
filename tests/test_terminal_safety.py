"""Nothing a submission folder holds is executed by the reviewer's terminal, and no credential
is printed: escape sequences in names and text are shown, secrets are redacted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.redact import redact, visible

ESC = "\x1b"
TITLE_ATTACK = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("cannot reach http://user:sk-abcdef123456@llm.example/v1 (refused)", "sk-abcdef123456"),
        ("headers: Authorization: Bearer tok_live_0123456789", "tok_live_0123456789"),
        ('{"headers": {"authorization": "Bearer abc.def.ghi-jkl"}}', "abc.def.ghi-jkl"),
        ("GET /v1?api_key=QWERTY12345&x=1", "QWERTY12345"),
        ("x-api-key: zxcvbnm0987", "zxcvbnm0987"),
        ("the key sk-proj-AbC_123-xyz7890 was rejected", "sk-proj-AbC_123-xyz7890"),
        ("password=hunter2hunter2 in body", "hunter2hunter2"),
    ],
)
def test_redact_removes_credentials(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out and "***" in out


def test_redact_removes_a_known_key_anywhere_and_keeps_ordinary_text() -> None:
    assert redact("echo: plainkeyvalue42 end", ["plainkeyvalue42"]) == "echo: *** end"
    ordinary = "HTTP 500 after 2 retries: max_tokens=3000, model qwen (line 12)"
    assert redact(ordinary) == ordinary


def test_visible_shows_controls_and_undecodable_bytes() -> None:
    shown = visible(f"a{TITLE_ATTACK}b{CLEAR}c\x9bd\udcffe\u202ef\ng\rh\ti")
    assert shown == "a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9bd\\xffe\\u202ef\\x0ag\\x0dh\ti"
    assert visible("法治政府建设年度报告 2025") == "法治政府建设年度报告 2025"


def test_names_fzcheck_writes_keep_no_invisible_or_reordering_character() -> None:
    """A unit's name becomes a letter's and a page's file name: an Arabic letter mark (a bidi
    mark like U+200F), zero-width and format characters, a byte-order mark and noncharacters
    (U+FFFE) are left out of it, and the terminal and a cell show the bidi mark as an escape."""
    from fzcheck.redact import cell_text, invisible_dropped

    name = "示例\u061c县\ufffe司\u200b法\ufeff局\U000e0041\uffff\ufdd0"
    assert invisible_dropped(name) == "示例县司法局"
    assert visible("a\u061cb") == "a\\u061cb" and cell_text("a\u061cb") == "a\\u061cb"
    # the terminal shows the characters that show nothing, so that two names are told apart
    assert visible("示例县\u200b司法局\ufffe") == "示例县\\u200b司法局\\ufffe"


def _report(title: str, heading: str) -> str:
    return (
        f"{title}\n\n"
        f"一、主要举措和成效\n全年办理行政复议案件12件，培训执法人员300人次，审查文件45件。\n"
        f"二、存在的不足和原因\n{heading}执法人员持证比例偏低，原因是培训计划针对性不强。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n局长亲自主持专题会议研究法治工作。\n"
        "四、2026年工作安排\n2026年，开展专项培训，完善考核办法。\n\n示例县司法局\n2026年1月20日\n"
    )


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    text = _report(f"示例县司法局2025年法治政府建设年度报告{CLEAR}", f"{TITLE_ATTACK}（一）")
    (folder / f"evil{TITLE_ATTACK}.txt").write_text(text, encoding="utf-8")
    (folder / f"empty{CLEAR}.txt").write_bytes(b"")
    return folder


def test_check_output_holds_no_raw_escape(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(hostile)  # short paths: panel titles are cut at the console's width
    main(["check", "."])
    seen = capsys.readouterr()
    assert ESC not in seen.out and ESC not in seen.err and "\x07" not in seen.out
    assert "\\x1b]0;pwned\\x07" in seen.out  # the name, shown
    assert "\\x1b[2J" in seen.out  # the title (or the empty file's name), shown
    main(["check", "-f", "jsonl", "."])  # machine output: JSON escapes, no raw ESC
    seen = capsys.readouterr()
    assert ESC not in seen.out and ESC not in seen.err
    assert all(json.loads(line) for line in seen.out.splitlines())


def test_batch_progress_and_summary_hold_no_raw_escape(
    hostile: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["batch", str(hostile), "-o", str(tmp_path / "r.jsonl"), "--summary", "terminal"])
    seen = capsys.readouterr()
    assert ESC not in seen.out and ESC not in seen.err
    assert "empty\\x1b[2J.txt" in seen.err  # the failure, named visibly


def test_an_error_line_for_a_hostile_missing_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "-f", "jsonl", str(tmp_path / f"gone{CLEAR}.txt")]) == 2
    err = capsys.readouterr().err
    assert ESC not in err and "gone\\x1b[2J.txt" in err


def test_the_progress_bar_shows_a_hostile_name(capsys: pytest.CaptureFixture[str]) -> None:
    import threading

    from fzcheck.batch.progress import BarProgress

    before = threading.active_count()
    bar = BarProgress(2, 0, auto_refresh=False)  # the pool's bar: no refresh thread to fork
    with bar:
        assert threading.active_count() == before
        bar.advance(f"unit{CLEAR}.txt", f"failed {TITLE_ATTACK}")
        bar.advance("ok.txt")
    err = capsys.readouterr().err
    assert "unit\\x1b[2J.txt" in err and "\\x1b]0;pwned\\x07" in err
    assert CLEAR not in err and TITLE_ATTACK not in err


def test_review_shows_a_hostile_path_and_note(
    hostile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(hostile)  # short paths: the console wraps long lines
    report = f"evil{TITLE_ATTACK}.txt"
    note = f"见第3页{CLEAR}"
    assert main(["review", report, "--part", "problems", "--set", "embedded", "--note", note]) == 0
    assert main(["review", report]) == 0  # the listing alone
    seen = capsys.readouterr()
    assert ESC not in seen.out and ESC not in seen.err and "\x07" not in seen.out
    assert seen.out.count("evil\\x1b]0;pwned\\x07.txt") == 2
    assert seen.out.count("见第3页\\x1b[2J") == 2


def test_verbose_check_names_a_hostile_input_visibly(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["check", "-v", "-f", "jsonl", str(hostile / f"evil{TITLE_ATTACK}.txt")])
    err = capsys.readouterr().err
    assert ESC not in err and "\x07" not in err and "evil\\x1b]0;pwned\\x07.txt：" in err


def test_a_gbk_file_name_is_shown_as_a_chinese_pc_shows_it() -> None:
    """A name a Chinese Windows PC wrote is GBK bytes; some of its pairs happen to be UTF-8
    (小 as С, 镇报 as one astral character), the rest are lone surrogates. Each name is read
    on its own, beside UTF-8 folders and words; a byte that reads as nothing stays escaped."""
    import os

    from fzcheck.redact import decodable, gbk_read

    name = os.fsdecode("清溪镇小学报告.txt".encode("gbk"))
    assert name != "清溪镇小学报告.txt"  # the trap: not UTF-8
    assert gbk_read(name) == "清溪镇小学报告.txt"
    assert visible(f"/审核/2025/{name}") == "/审核/2025/清溪镇小学报告.txt"
    assert decodable(f"重复：{name}（0.92）") == "重复：清溪镇小学报告.txt（0.92）"
    assert visible("a\udcff.txt") == "a\\xff.txt"  # one byte no encoding reads
    assert gbk_read("法治政府建设年度报告") == "法治政府建设年度报告"


def test_spreadsheet_cells_show_controls_and_bidi_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title with an ESC sequence and a file name with an RTL override: the CSV and the
    workbook show them as escapes (rtl\\u202egnp.txt read as rtltxt.png), as the terminal does."""
    import openpyxl

    folder = tmp_path / "in"
    folder.mkdir()
    text = _report("示例县\x1b[31m司法局2025年度法治政府建设情况报告", "")
    (folder / "rtl\u202egnp.txt").write_text(text, encoding="utf-8")
    assert main(["check", str(folder), "-o", str(tmp_path / "r.csv")]) in (0, 1)
    csv_text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "\u202e" not in csv_text and "\x1b" not in csv_text
    assert "rtl\\u202egnp.txt" in csv_text and "\\x1b[31m" in csv_text
    assert main(["check", str(folder), "-o", str(tmp_path / "r.xlsx")]) in (0, 1)
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any("\u202e" in c or "\x1b" in c for c in cells)
    assert any("rtl\\u202egnp.txt" in c for c in cells)


def test_a_gbk_file_name_reads_as_chinese_in_the_csv(tmp_path: Path) -> None:
    """A folder copied from a Chinese Windows PC: the CSV a reviewer opens in Excel names the
    report 清溪镇报告.txt, as the terminal and the workbook do, not \\udcc7\\udce5… escapes."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/" + "清溪镇报告.txt".encode("gbk")
    with open(name, "wb") as f:
        f.write(_report("清溪镇2025年度法治政府建设情况报告", "").encode("utf-8"))
    assert main(["check", str(folder), "-o", str(tmp_path / "r.csv")]) in (0, 1)
    csv_text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "清溪镇报告.txt" in csv_text and "\\udc" not in csv_text
