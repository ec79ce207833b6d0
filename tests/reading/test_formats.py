"""Every format a unit sends is read to the same text and the same verdict as the .txt (issue 9):
.doc, .wps, .rtf, .ofd, a scanned PDF (by OCR), a .docx renamed .doc; and a folder walk skips
Office lock files and fzcheck's own pages."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzcheck.document import PICTURE
from fzcheck.errors import InputError
from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.layout import Piece, document_lines, unwrap
from fzcheck.rubric import Catalog
from tests.helpers import ROOT, SAMPLE, make_docx, make_pdf, sample_text, wrapped
from tests.reading.make_doc import make_doc
from tests.reading.make_ofd import make_ofd, make_scanned_ofd
from tests.reading.makers import (
    cjk_font,
    jpeg_pages,
    make_pictures_docx,
    make_pictures_mht,
    make_rtf,
    make_scanned_pdf,
    pictures_docx,
    turned_jpeg,
)

SAMPLE_LINES = [line for line in sample_text().splitlines() if line.strip()]


def _statuses(*paths: Path) -> list[list[tuple[str, str]]]:
    proc = subprocess.run(
        [sys.executable, "-m", "fzcheck", "check", "-f", "json", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    results = json.loads(proc.stdout)
    assert all(r["ok"] for r in results), [r["error"] for r in results]
    # the JSON says which text was recognised from images
    assert [r["document"]["ocr"] for r in results] == ["scan" in p.name for p in paths]
    return [[(p["id"], p["status"]) for p in r["parts"]] for r in results]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("formats")
    files = {
        "report.doc": make_doc(sample_text(), [["指标", "数值"], ["调解成功率", "96.9%"]]),
        "report.wps": make_doc(sample_text()),
        "report.rtf": make_rtf(sample_text()),
        "report.ofd": make_ofd(sample_text()),
        "deltas.ofd": make_ofd(sample_text(), delta_x=True),
        "renamed.doc": make_docx(sample_text()),
    }
    out = {}
    for name, data in files.items():
        (d / name).write_bytes(data)
        out[name] = d / name
    return out


@pytest.mark.parametrize(
    "name,fmt",
    [
        ("report.doc", "doc"),
        ("report.wps", "doc"),
        ("report.rtf", "rtf"),
        ("report.ofd", "ofd"),
        ("deltas.ofd", "ofd"),
        ("renamed.doc", "docx"),
    ],
)
def test_each_format_reads_the_reports_paragraphs(
    made: dict[str, Path], name: str, fmt: str
) -> None:
    doc = load(str(made[name]))
    assert doc.format == fmt
    assert not doc.ocr
    body = [line for line in doc.lines if " | " not in line]
    assert body == SAMPLE_LINES


def test_doc_table_cells_are_joined(made: dict[str, Path]) -> None:
    doc = load(str(made["report.doc"]))
    assert doc.lines[-2:] == ["指标 | 数值", "调解成功率 | 96.9%"]


def test_each_format_gets_the_texts_verdict(made: dict[str, Path]) -> None:
    names = ["report.doc", "report.wps", "report.rtf", "report.ofd", "renamed.doc"]
    text, *others = _statuses(SAMPLE, *(made[n] for n in names))
    assert all(statuses == text for statuses in others)


def test_a_doc_that_is_not_word_text_says_what_it_is(tmp_path: Path) -> None:
    from tests.reading.make_doc import compound_file

    path = tmp_path / "sheet.doc"
    path.write_bytes(compound_file({"Workbook": b"\x00" * 4096}))
    with pytest.raises(InputError, match="spreadsheet") as info:
        load(str(path))
    assert info.value.kind == "unsupported_format"


def test_wrapped_lines_are_joined_only_at_the_margin() -> None:
    def row(y: float, text: str, right: float) -> Piece:
        return Piece(y, y + 10, 0, right, text)

    page = [
        row(0, "一、主要举措", 60),
        row(20, "本年度全面推进依法行政，", 200),
        row(40, "成效明显。", 50),
        row(60, "二、存在的不足和原因", 100),
    ]
    short_last_page = [row(0, "示例县司法局", 60), row(20, "2026年1月20日", 60)]
    assert document_lines([page, short_last_page]) == [
        "一、主要举措",
        "本年度全面推进依法行政，成效明显。",
        "二、存在的不足和原因",
        "示例县司法局",
        "2026年1月20日",
    ]


_COLUMN = "本年度全面推进依法行政，严格规范公正文明执法，" * 2  # 46 em: one full line


def test_a_text_layers_wrapped_lines_are_joined_where_they_fill_the_column() -> None:
    """Full lines (as wide as most, 46 em, or about as wide in characters of mixed widths)
    continue on the next line; a paragraph's short last line, a heading, a table row and the
    line before one do not."""
    page = [
        "一、主要举措和成效",
        _COLUMN,
        "审查重大行政决策" + "1" * 12 + "项，其中" + _COLUMN[:30],  # 12 digits: 6 em
        _COLUMN,
        "成效明显。",
        "二、存在的不足和原因",
        _COLUMN,
        "本年新收政府信息公开申请数量     95     0     12",
    ]
    assert unwrap([page]) == [
        [
            "一、主要举措和成效",
            _COLUMN + page[2] + _COLUMN + "成效明显。",
            "二、存在的不足和原因",
            _COLUMN,
            "本年新收政府信息公开申请数量     95     0     12",
        ]
    ]


def test_a_heading_that_fills_the_column_keeps_its_sections_first_sentence_apart() -> None:
    """一、2025年度推进法治政府建设的主要举措和工作成效, indented as a paragraph and as wide as the
    column less the indent: the sentence under it is its section's, not more of the heading;
    a heading's own words cut at the margin (…情 / 况) are still joined to it."""
    heading = "一、" + "推进法治政府建设的主要举措和工作成效" * 2 + "成效成效成效"  # 44 em
    opening = "现将有关情况报告如下。"
    page = [opening, heading, *[_COLUMN] * 4, "成效明显。"]
    assert unwrap([page])[0][1:3] == [heading, _COLUMN * 4 + "成效明显。"]
    assert unwrap([[opening, heading, "况", *[_COLUMN] * 4, "完。"]])[0][1] == heading + "况"
    # the section's first line with no stop before the margin: still its own
    unstopped = _COLUMN.replace("，", "、")
    page = [opening, heading, unstopped, *[_COLUMN] * 3, "完。"]
    assert unwrap([page])[0][1:3] == [heading, unstopped + _COLUMN * 3 + "完。"]


def test_a_number_a_wrap_cut_is_one_number_again() -> None:
    """共受理1 / 856件 joined is 1856, not 1 856 (read as two numbers); Latin words keep their
    space (ignore previous / instructions)."""
    first = ["一、主要举措和成效", _COLUMN, _COLUMN, _COLUMN[:-1] + "1"]
    assert unwrap([[*first, "856件，办结。"]])[0][1].endswith("1856件，办结。")
    latin = ["一、主要举措和成效", _COLUMN, _COLUMN, _COLUMN[:-3] + "ignore"]
    assert unwrap([[*latin, "previous instructions。"]])[0][1].endswith(
        "ignore previous instructions。"
    )


def test_a_paragraph_goes_on_over_a_page_break() -> None:
    """A page whose last line fills the column: its paragraph goes on at the next page's top (a
    break cut 局长认真履行第一责 / 任人职责, the page number between them dropped); after a short
    last line, or before a heading or a table row, a page starts afresh."""
    first = ["一、主要举措和成效", _COLUMN, _COLUMN, _COLUMN]
    assert unwrap([first, ["任人职责，亲自主持。", "二、存在的不足和原因", _COLUMN, "完。"]]) == [
        ["一、主要举措和成效", _COLUMN * 3 + "任人职责，亲自主持。"],
        ["二、存在的不足和原因", _COLUMN + "完。"],
    ]
    assert unwrap([[*first, "完。"], ["新的一段。", _COLUMN, "完。"]])[1][0] == "新的一段。"
    assert unwrap([first, ["三、2026年工作安排", _COLUMN, "完。"]])[1][0] == "三、2026年工作安排"
    assert unwrap([first, [], ["任人职责。", _COLUMN, "完。"]])[0][-1].endswith("任人职责。")
    # a page whose full last line ends its sentence: the next page may open with the signature
    ended = [*first[:-1], _COLUMN[:-1] + "。"]
    assert unwrap([ended, ["示例县交通运输局", "2026年2月10日"]])[1] == [
        "示例县交通运输局",
        "2026年2月10日",
    ]


def test_lines_that_share_no_width_are_not_taken_for_wrapped_text() -> None:
    """A title, an addressee and short paragraphs: no width that many lines fill, nothing joined
    (two lines of one width are chance, not a column)."""
    page = ["示例县人民政府关于2025年度法治政府建设情况的报告", "县委：", _COLUMN, _COLUMN, "完。"]
    assert unwrap([page]) == [page]


def test_a_short_report_of_tables_takes_its_column_from_its_prose() -> None:
    """Three wrapped lines a few em apart in estimated width, and a table's labels one a line,
    three of one width: the column is the prose's, and the title is not joined to the
    sentence after it (a column of 13 em joined them)."""
    title = "示例县交通运输局2025年政府信息公开工作年度报告"
    labels = ["1.本机关不掌握相关政府信息"[:13]] * 3
    wrapped = [_COLUMN[:36], _COLUMN[:35] + "12", _COLUMN[:36] + "ab"]  # 36, 36, 37 em
    page = [title, *wrapped, "完。", *labels]
    assert unwrap([page]) == [[title, "".join(wrapped) + "完。", *labels]]


def test_the_title_goes_on_with_more_title_not_with_a_sentence() -> None:
    """A title as wide as the column is joined to the rest of a wrapped title, never to the
    sentence under it, and no line is joined to one far wider than the column."""
    title = _COLUMN[:46]
    body = [_COLUMN, _COLUMN, _COLUMN[:20] + "。"]
    assert unwrap([[title, "本报告根据条例编制。", *body]])[0][:2] == [
        title,
        "本报告根据条例编制。",
    ]
    assert unwrap([[title, "年度报告", *body]])[0][0] == title + "年度报告"
    assert unwrap([[*body, _COLUMN * 2, "下一行"]])[0][-2:] == [_COLUMN * 2, "下一行"]


def test_the_first_paragraph_under_the_addressee_is_joined() -> None:
    """The report's first paragraph, its first line indented two em (short of the column by
    as much) and cut mid-sentence: joined to its next lines, though no sentence has ended above
    it (the addressee, 县委、县政府：, has)."""
    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    first = _COLUMN[:44]  # 44 em: the column less the first line's indent
    page = [
        title,
        "县委、县政府：",
        first,
        _COLUMN,
        "完。",
        "一、主要举措和成效",
        _COLUMN,
        _COLUMN,
        "完。",
    ]
    assert unwrap([page])[0][:3] == [title, "县委、县政府：", first + _COLUMN + "完。"]


def test_a_headings_rest_with_a_comma_goes_on_with_it() -> None:
    """三、…第一责任人 / 职责，加强法治政府建设的有关情况: a heading filling the column goes on
    with the rest of its words, a comma among them; a sentence under it (a stop in it) or a
    line as wide as the column does not."""
    opening = "现将有关情况报告如下。"
    heading = (
        "三、" + "党政主要负责人履行推进法治建设第一责任人" * 2 + "履行"
    )  # 44 em: less the indent
    rest = "职责，加强法治政府建设的有关情况"
    page = [opening, heading, rest, *[_COLUMN] * 3, "完。"]
    assert unwrap([page])[0][1:3] == [heading + rest, _COLUMN * 3 + "完。"]
    sentence = "局长亲自部署，带头述法。"
    assert unwrap([[opening, heading, sentence, *[_COLUMN] * 3, "完。"]])[0][1:3] == [
        heading,
        sentence,
    ]


def test_quotation_marks_are_as_wide_as_the_characters_they_stand_among() -> None:
    """A line holding “ ” and —— fills the column at fewer characters (a Chinese font sets them
    a full em wide): it goes on with the next line."""
    quoted = "开展“宪法进万家”“民法典进乡村”——" + _COLUMN[:26]  # 46 em, 42 characters
    page = ["一、主要举措和成效", _COLUMN, _COLUMN, quoted, "等主题活动72场次。", _COLUMN, _COLUMN]
    assert unwrap([page])[0][1] == _COLUMN * 2 + quoted + "等主题活动72场次。"


def test_a_clause_ended_at_a_pages_foot_goes_on_over_the_break() -> None:
    """A page's last line ending in ；(一是…；) is cut mid-sentence: the next page goes on with
    it; one ending in 。 may end its paragraph (the next page opens afresh)."""
    first = ["一、主要举措和成效", _COLUMN, _COLUMN, _COLUMN[:-1] + "；"]
    assert unwrap([first, ["并完善制度。", "完。"]])[0][-1].endswith("；并完善制度。")
    ended = ["一、主要举措和成效", _COLUMN, _COLUMN, _COLUMN[:-1] + "。"]
    assert unwrap([ended, ["新的一段。", "完。"]])[1][0] == "新的一段。"


def test_latin_words_at_a_wrap_keep_their_space() -> None:
    """A wrap between two Latin words was a space (the instructions check reads them)."""
    page = [_COLUMN] * 3 + [_COLUMN[:38] + "ignore previous", "instructions，" + _COLUMN[:20]]
    assert unwrap([page]) == [["".join(page[:4]) + " " + page[4]]]


def test_a_cue_split_by_a_pdf_line_wrap_is_still_found(tmp_path: Path) -> None:
    """A PDF wraps a paragraph at the page width, here inside 主要负责人 and 由于: the parts and
    checks are those of the same report as text."""
    filler = "推进法治政府建设，" * 5  # 45 em: the 46 em line ends after the cue's first character
    text = "\n".join(
        [
            "示例县2025年法治政府建设情况的报告",
            "一、主要举措和成效",
            f"{filler}全年审查重大行政决策15项，培训执法人员460人次，{filler}。",
            "二、存在的不足和原因",
            f"{filler}由于乡镇司法所人员编制不足，基层法治力量仍较薄弱。",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            f"{filler}主要负责人亲自主持召开县政府常务会议研究法治政府建设。",
            "四、2026年工作安排",
            f"{filler}2026年将深化行政执法体制改革，{filler}。",
        ]
    )
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.pdf").write_bytes(make_pdf(text))
    catalog = Catalog.load()
    as_text, as_pdf = (check_path(str(tmp_path / n), catalog).to_json() for n in ("r.txt", "r.pdf"))
    assert [c["passed"] for p in as_text["parts"] for c in p["checks"]] == [
        c["passed"] for p in as_pdf["parts"] for c in p["checks"]
    ]
    assert as_pdf["score"] == as_text["score"]


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_a_scanned_pdf_is_read_by_ocr_and_finds_the_same_parts(tmp_path: Path) -> None:
    font = cjk_font()
    assert font is not None
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_scanned_pdf(sample_text(), font))
    import pypdf

    reader = pypdf.PdfReader(str(scan))
    assert len(reader.pages) == 1 and not (reader.pages[0].extract_text() or "").strip()
    doc = load(str(scan))
    assert doc.ocr and doc.format == "pdf"
    assert doc.lines[0] == SAMPLE_LINES[0]
    text, scanned = _statuses(SAMPLE, scan)
    assert scanned == text


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
@pytest.mark.parametrize("turn", [3.0, -3.0])
def test_a_page_scanned_askew_reads_as_one_scanned_straight(tmp_path: Path, turn: float) -> None:
    """A sheet fed a few degrees askew: each line's words come out a tilted box, and boxes
    squared off round them reached the next line (the title was read into the opening). The
    page's skew is taken off: the same lines and parts as the text."""
    font = cjk_font()
    assert font is not None
    scan = tmp_path / "askew-scan.pdf"
    scan.write_bytes(make_scanned_pdf(sample_text(), font, turn=turn))
    doc = load(str(scan))
    assert doc.lines[0] == SAMPLE_LINES[0]
    text, scanned = _statuses(SAMPLE, scan)
    assert scanned == text


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_a_report_pasted_into_word_as_page_scans_is_read_by_ocr(tmp_path: Path) -> None:
    """A signed report scanned and pasted into a .docx under its typed title (or with no text
    at all): its pictures are read by OCR, and the same parts are found as in the text; a
    .docx of pictures with no text in them is said to be pictures, not graded."""
    font = cjk_font()
    assert font is not None
    body = "\n".join(SAMPLE_LINES[1:])
    word = tmp_path / "scan.docx"
    word.write_bytes(make_pictures_docx(SAMPLE_LINES[0], body, font))
    doc = load(str(word))
    assert doc.ocr and doc.format == "docx" and doc.lines[0] == SAMPLE_LINES[0]
    text, scanned = _statuses(SAMPLE, word)
    assert scanned == text
    assert PICTURE not in doc.lines  # the pictures' text stands in their place
    # a photo under a few sentences (a news item): OCR finds no text, the document is its text,
    # the photo's place kept
    word.write_bytes(
        make_pictures_docx("县交通运输局召开法治政府建设推进会，部署重点任务。", "。", font)
    )
    assert load(str(word)).lines == ["县交通运输局召开法治政府建设推进会，部署重点任务。", PICTURE]
    word.write_bytes(make_pictures_docx("", "。", font))  # a page of no words: nothing to read
    with pytest.raises(InputError) as err:
        load(str(word))
    assert err.value.kind == "image" and "OCR found no text" in str(err.value)


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_pictures_damaged_small_or_shown_twice_do_not_stop_the_pages_being_read(
    tmp_path: Path,
) -> None:
    """A document of page scans among other pictures: a damaged one (PIL raises SyntaxError
    decoding it) is passed over, forty thumbnails are no pages to count against OCR's limit,
    one page shown twice is read once, and a phone's photo of a page stored on its side (EXIF
    Orientation 6) is read upright."""
    from PIL import Image

    font = cjk_font()
    assert font is not None
    (page,) = jpeg_pages(sample_text(), font)
    thumbs = []
    for k in range(40):  # each its own picture
        thumb = io.BytesIO()
        Image.new("L", (80, 80), 100 + k).save(thumb, format="PNG")
        thumbs.append(thumb.getvalue())
    word = tmp_path / "scan.docx"
    placeholder = io.BytesIO()
    Image.new("L", (500, 500), 255).save(placeholder, format="PNG")
    pictures = [placeholder.getvalue(), *thumbs, page, page]
    word.write_bytes(pictures_docx(pictures, damaged_first=True))
    doc = load(str(word))
    assert doc.ocr and doc.lines[0] == SAMPLE_LINES[0]
    assert sum(line == SAMPLE_LINES[0] for line in doc.lines) == 1  # one page, read once
    word.write_bytes(pictures_docx([turned_jpeg(page)]))
    assert load(str(word)).lines[0] == SAMPLE_LINES[0]


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_a_saved_page_that_publishes_the_report_as_pictures_is_read_by_ocr(
    tmp_path: Path,
) -> None:
    """A site's page whose report is pictures of its pages, saved as a web archive (.mht): the
    archive holds the pictures, so they are read by OCR (the site's logo is not)."""
    font = cjk_font()
    assert font is not None
    page = tmp_path / "scan.mht"
    # a blank picture of the same file name, from another folder, is saved first: the page's
    # own is found by where the page says it is
    body = "\n".join(SAMPLE_LINES[1:])
    page.write_bytes(make_pictures_mht(SAMPLE_LINES[0], body, font, decoy=True))
    doc = load(str(page))
    assert doc.ocr and doc.format == "html" and doc.lines[0] == SAMPLE_LINES[0]
    text, scanned = _statuses(SAMPLE, page)
    assert scanned == text


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_a_scanned_ofd_is_read_by_ocr(tmp_path: Path) -> None:
    """An OFD whose pages are pictures (no text objects): read by OCR, as a scanned PDF is."""
    font = cjk_font()
    assert font is not None
    scan = tmp_path / "scan.ofd"
    scan.write_bytes(make_scanned_ofd(jpeg_pages(sample_text(), font)))
    doc = load(str(scan))
    assert doc.ocr and doc.format == "ofd" and doc.lines[0] == SAMPLE_LINES[0]
    text, scanned = _statuses(SAMPLE, scan)
    assert scanned == text


def test_a_folder_walk_skips_lock_files_and_fzchecks_own_pages(tmp_path: Path) -> None:
    """Lock files and fzcheck's own pages are skipped; a report a unit named ~$… is read, as it
    is when given by name (helper-179: the walk had skipped it without a word)."""
    from fzcheck.reading.inputs import expand_inputs

    (tmp_path / "报告.docx").write_bytes(make_docx(sample_text()))
    (tmp_path / "~$报告.docx").write_bytes(b"\x0cuser name" + b"\x00" * 150)  # Word's lock file
    (tmp_path / "~$报告.doc").write_bytes(b"\x0cuser name" + b"\x00" * 150)
    (tmp_path / "~$乙单位报告.docx").write_bytes(make_docx(sample_text()))  # a report so named
    results = tmp_path / "results"
    results.mkdir()
    (results / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="generator" content="fzcheck">\n'
        "<title>批量结果</title></head><body>示例</body></html>",
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        '<html><head><meta name="generator" content="WPS">'
        "</head><body><p>示例县报告</p></body></html>",
        encoding="utf-8",
    )
    found = [Path(p).name for p in expand_inputs([str(tmp_path)])]
    assert found == ["page.html", "~$乙单位报告.docx", "报告.docx"]
    proc = _check_folder(tmp_path)
    lines = proc.stdout.splitlines()
    assert len(lines) == 3 and "~$报告" not in proc.stdout + proc.stderr
    assert json.loads(lines[1])["verdict"] == "complete"


def test_fzchecks_own_views_and_results_are_no_submission(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its Markdown and terminal views saved into the submissions' folder were graded as
    reports the next run (a summary scored like the report it quotes); its results and
    decisions files, given by name, were graded as reports too. Skipped in a folder, one line
    each by name; a report that merely quotes fzcheck is still read."""
    from fzcheck.cli import main
    from fzcheck.reading.inputs import expand_inputs

    folder = tmp_path / "收件"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "报告.txt")
    report = str(folder / "报告.txt")
    (folder / "引用.txt").write_text(
        "关于fzcheck的说明\n" + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8"
    )
    views = {
        "结果.md": ["check", report, "-f", "markdown"],
        "结果.txt": ["check", report],
        "结果.json": ["check", report, "-f", "json"],
    }
    for name, args in views.items():
        assert main([*args, "-o", str(folder / name)]) in (0, 1)
    results = tmp_path / "r.jsonl"
    assert main(["batch", str(folder), "-o", str(results), "-q"]) == 0
    assert main(["report", str(results), "-f", "markdown", "-o", str(folder / "汇总.md")]) == 0
    assert main(["report", str(results), "-o", str(folder / "汇总.txt")]) == 0
    assert (
        main(["review", str(results), "--report", "报告.txt", "--part", "problems", "--accept"])
        == 0
    )
    capsys.readouterr()
    assert [Path(p).name for p in expand_inputs([str(folder)])] == ["引用.txt", "报告.txt"]
    given = [
        *(folder / n for n in (*views, "汇总.md")),
        results,
        Path(f"{results}.decisions.jsonl"),
    ]
    for path in given:
        with pytest.raises(InputError) as err:
            load(str(path))
        assert err.value.kind == "own_output", path
    main(["check", str(results)])
    assert "这是fzcheck自己写出的结果" in capsys.readouterr().out


def _check_folder(folder: Path) -> subprocess.CompletedProcess[str]:
    """``fzcheck check -f jsonl FOLDER`` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "fzcheck", "check", "-f", "jsonl", str(folder)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_a_scanned_signature_page_after_text_pages_is_ocrd_in_place(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    from tests.helpers import make_pdf

    lines = sample_text().splitlines()
    body, signature = "\n".join(lines[:-2]), "\n".join(lines[-2:])
    writer = PdfWriter()
    for part in (make_pdf(body), make_scanned_pdf(signature, cjk_font())):  # type: ignore[arg-type]
        writer.append(PdfReader(io.BytesIO(part)))
    path = tmp_path / "signed.pdf"
    with path.open("wb") as f:
        writer.write(f)
    doc = load(str(path))
    assert doc.ocr
    assert doc.lines[-2:] == [line.strip() for line in lines[-2:]]
    assert doc.lines[0] == lines[0]


def test_a_web_archive_saved_as_doc_is_read_as_its_page(tmp_path: Path) -> None:
    """Word's "single file web page" (MHTML), often sent renamed .doc: quoted-printable GBK."""
    import quopri

    from tests.helpers import FIXTURES

    page = (
        (FIXTURES / "page.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    )
    body = quopri.encodestring(page.encode("gb18030"))
    archive = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; "
        b'boundary="----=_NextPart_01DA0000.00000000"\r\n\r\n'
        b"------=_NextPart_01DA0000.00000000\r\n"
        b"Content-Location: file:///C:/report.htm\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b'Content-Type: text/html; charset="gb2312"\r\n\r\n'
        + body
        + b"\r\n------=_NextPart_01DA0000.00000000--\r\n"
    )
    assert "存在的不足".encode("gb18030") not in archive
    path = tmp_path / "报告.doc"
    path.write_bytes(archive)
    doc = load(str(path))
    assert doc.format == "html"
    assert doc.lines[0] == "示例县水利局关于2025年度法治政府建设情况的报告"
    assert "二、存在的不足和原因" in doc.lines


@pytest.mark.parametrize("name", ["报告.txt", "报告.md"])
@pytest.mark.parametrize(
    "before",
    [
        b"",
        b"\xef\xbb\xbf",
        # what a browser's Save As or an export sets before the page
        b"<!-- saved from url=(0047)http://www.example.gov.cn/art/2026/2/5/art_1.html -->\r\n",
        b'<?xml version="1.0" encoding="utf-8"?>\n',
    ],
)
def test_a_page_saved_as_text_is_read_as_its_page(tmp_path: Path, name: str, before: bytes) -> None:
    """A browser's Save As (or a crawler) names a page .txt: read by its content, as the same
    bytes named .htm are. A text that only quotes a tag stays text."""
    page = (ROOT / "tests" / "fixtures" / "page.html").read_bytes()
    (tmp_path / "报告.htm").write_bytes(page)
    (tmp_path / name).write_bytes(before + b"\n  " + page)
    as_text = check_path(str(tmp_path / name), Catalog.load()).to_json()
    as_page = check_path(str(tmp_path / "报告.htm"), Catalog.load()).to_json()
    assert as_text["document"]["format"] == "html"
    assert as_text["document"]["title"] == as_page["document"]["title"] is not None
    assert (as_text["verdict"], as_text["score"]) == (as_page["verdict"], as_page["score"])
    quoting = "网页模板中的<html>标签和<body>标签不是正文。\n" + SAMPLE.read_text(encoding="utf-8")
    (tmp_path / "quoting.txt").write_text(quoting, encoding="utf-8")
    assert load(str(tmp_path / "quoting.txt")).format == "txt"


def test_a_pdf_page_number_goes_and_a_table_value_at_a_page_end_stays() -> None:
    """A bare number is a page number only at a page's top or bottom and in step with the
    pages (1, 2, 3 — or 2, 3, 4 after an unnumbered cover); a table's value that happens to
    end a page is a value."""
    from fzcheck.reading.pdf import _page_lines

    numbered = _page_lines(["正文一\n3\n1", "正文二\n2", "正文三\n\n3\n"])
    assert numbered == [["正文一", "3"], ["正文二"], ["正文三"]]
    after_cover = _page_lines(["封面", "正文一\n2", "正文二\n3"])
    assert after_cover == [["封面"], ["正文一"], ["正文二"]]
    # the table's last value ends page 1 of 2; no page is numbered
    assert _page_lines(["表格\n4\n1", "五、存在的主要问题"]) == [
        ["表格", "4", "1"],
        ["五、存在的主要问题"],
    ]
    assert _page_lines(["第1页\n正文", "— 2 —\n正文"]) == [["正文"], ["正文"]]
    # a page opening and closing with the same value is one page, not a step of numbering
    assert _page_lines(["标题\n正文", "0\n1\n5\n0\n0", "正文"])[1] == ["0", "1", "5", "0", "0"]


def test_a_pdf_tables_label_keeps_the_space_before_its_one_value() -> None:
    """Table 二's rows (行政许可 86, one value each) keep the space a text layer gives them, so
    the label does not swallow its value (行政许可86 was a run of digits no one could split);
    a sentence's count (受理 86 件, …共办理 86) is still written as Chinese writes it."""
    from fzcheck.reading.pdf import _page_lines

    page = "行政许可 86\n行政事业性收费 0.5\n全年受理 86 件，办结 80 件。\n本年度，我局共办理 86"
    assert _page_lines([page]) == [
        ["行政许可 86", "行政事业性收费 0.5", "全年受理86件，办结80件。", "本年度，我局共办理86"]
    ]


def test_a_pdf_tables_row_of_dashes_and_slashes_keeps_its_spaces() -> None:
    """A row whose zeros a unit prints as — or / (一、本年新收…数量 4 — — — — — 4): its cells
    keep their spaces, as a row of figures does — taken out, 数量4 glued the first value to the
    label and table 三 could not be read (its sums unchecked)."""
    from fzcheck.reading.pdf import _page_lines

    rows = [
        "一、本年新收政府信息公开申请数量 4 — — — — — 4",
        "（一）予以公开 3 / / / / / 3",
        "二、上年结转政府信息公开申请数量 — — — — — — —",
    ]
    assert _page_lines(["\n".join(rows)]) == [rows]


def test_a_pdf_tables_row_of_none_written_keeps_its_spaces() -> None:
    """A row whose nones a unit writes 无 (行政复议 0 无 无 无 无 0): a row of values as one of
    figures or dashes is (was glued to 0无无无无0, and table 四 read as absent: −10)."""
    from fzcheck.reading.pdf import _page_lines

    rows = ["0 无 无 无 无 0", "行政复议 1 无 无 无 1"]
    assert _page_lines(["\n".join(rows)]) == [rows]
    assert _page_lines(["本年度无 行政复议案件。"]) == [["本年度无行政复议案件。"]]


def test_a_pdf_tables_rows_ending_its_pages_are_no_running_footer() -> None:
    """Table 三 running over pages, its labels wrapped onto lines of their own: most pages end
    on a row of values (2 0 0 0 0 0 2), alike once their numbers are masked. They are the
    table's rows, not a footer (they were dropped: the values after slid into the rows above,
    and a wrong 总计 went unseen); the issuer printed at each page's foot still goes."""
    from fzcheck.reading.pdf import _clean

    pages = [
        f"（{n}）予\n以公开\n{n} 0 0 {n} 0 0 {2 * n}\n示例县交通运输局 第{n}页" for n in range(1, 5)
    ]
    lines = _clean(pages).splitlines()
    assert [line for line in lines if line[:1].isdigit()] == [
        f"{n} 0 0 {n} 0 0 {2 * n}" for n in range(1, 5)
    ]
    assert not any("示例县交通运输局" in line for line in lines)


@pytest.mark.parametrize(
    "title_html",
    [
        '<div class="title">{t}</div>',
        '<table><tr><td class="art_title">{t}</td></tr></table>',
        "<h2>{head}<br>{tail}</h2>",
    ],
)
def test_a_page_title_set_apart_by_the_sites_template_is_the_title(
    tmp_path: Path, title_html: str
) -> None:
    """County sites set the article's title in a div.title, a td or an h2, with a <title> that
    names only the site: the title is read from there (trafilatura leaves it out)."""
    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    lines = sample_text().split("\n")[1:]
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    heading = title_html.format(t=title, head=title[:6], tail=title[6:])
    page = f"<html><head><title>示例县人民政府门户网站</title></head><body>{heading}{body}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["title"] == title


@pytest.mark.parametrize(
    "opening",
    [
        "根据有关规定，现公布{t}。",  # a sentence naming the report: the title is still the h1
        "{t}",  # the page's text repeating its title: the title once, not twice
    ],
)
def test_an_opening_that_names_the_report_does_not_take_the_titles_place(
    tmp_path: Path, opening: str
) -> None:
    """The site's heading (h1) is the title though the first paragraph names the report in a
    sentence (现公布…年度报告。): that sentence is no title line (the title was lost, −2 and the
    genre's title sign)."""
    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    lines = sample_text().split("\n")[1:]
    body = "".join(f"<p>{line}</p>" for line in [opening.format(t=title), *lines] if line.strip())
    page = (
        f'<html><head><title>示例县人民政府</title></head><body><div class="nav">首页</div>'
        f'<div class="article"><h1 class="article-title">{title}</h1>'
        f'<div class="info">发布时间：2026-03-20</div><div class="content">{body}</div></div>'
        "</body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert load(str(path)).lines.count(title) == 1
    assert check_path(str(path), Catalog.load()).to_json()["document"]["title"] == title


@pytest.mark.parametrize("separator", ["_", " | ", "｜"])
def test_a_page_titles_unit_name_after_a_separator_is_left_out(
    tmp_path: Path, separator: str
) -> None:
    """<title>…的报告_江城市司法局</title> (the site names its unit, not 网 or 政府): the
    title is the report's, the unit's name is the site's."""
    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    lines = sample_text().split("\n")[1:]
    body = "".join(f"<p>{line}</p>" for line in lines if line.strip())
    page = f"<html><head><title>{title}{separator}示例县司法局</title></head><body>{body}</body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert check_path(str(path), Catalog.load()).to_json()["document"]["title"] == title


def test_a_character_past_the_basic_plane_in_rtf_is_one_character(tmp_path: Path) -> None:
    """Word writes 𠀀 (U+20000, in place names) as two \\uN, one for each half of its
    surrogate pair: read as the one character, not two lone halves."""
    text = sample_text().replace("示例县", "𠀀𡒄县", 1)
    path = tmp_path / "astral.rtf"
    path.write_bytes(make_rtf(text))
    assert b"\\u-10176?" in path.read_bytes()
    doc = load(str(path))
    assert doc.lines[0].startswith("𠀀𡒄县")


def test_a_paragraphs_indented_first_line_is_joined_to_the_next() -> None:
    """首行缩进: a paragraph's first line is two characters short of the column, which a text
    layer's lines do not show; a cue cut at its end (原 / 因是…) is still read as one word —
    but a title two characters short, before any sentence, is not joined to the addressee."""
    from fzcheck.reading.layout import unwrap

    full = "法" * 33 + "。"  # lines filling the 34-em column
    first = "一是行政执法人员专业能力与新形势要求还有差距二是基层的法治宣传原"  # 32 em
    assert len(first) == 32
    page = [
        "示例县城市管理局关于2024年法治政府建设情况的报告",  # 26 em: a title
        "县委、县政府：",
        *[full] * 6,
        first,
        "因是编制有限，培训不足。",
        *[full] * 4,
    ]
    lines = unwrap([page])[0]
    assert f"{first}因是编制有限，培训不足。" in lines
    assert lines[:2] == page[:2]


def _laid_out(
    page: list[tuple[str, float, float, float]],
) -> tuple[list[str], dict[str, tuple[float, float, float | None]]]:
    """A page's lines and their places as PDFium's positions give them: (text, start, width,
    size) in em."""
    return [line for line, *_ in page], {line: tuple(at) for line, *at in page}  # type: ignore[misc]


def test_placed_lines_are_joined_by_their_measured_widths() -> None:
    """A writer spaces digits from Chinese (a quarter em each side) and squeezes adjacent
    punctuation: a line's characters do not tell its width. Placed, a line of figures that
    reaches the margin goes on; a paragraph ending flush at the margin does not swallow the
    next one's first line, set in from it; a title set large across the page is not joined to
    the line under it."""
    digits = "全年办理1286件，其中2025年12月31日前办结1203件、结转83件，办理"  # 29 em estimated
    rest = "件，" + "法" * 32
    last = "法" * 33 + "。"  # the paragraph's last line, flush at the margin
    after = "全面推进依法行政，" + "法" * 23
    lines, places = _laid_out(
        [
            ("示例县司法局2025年度法治政府建设情况的报告", 0.0, 34.0, 1.4),  # set large
            ("发布时间：2026年2月10日", 0.0, 13.0, 1.0),
            ("一、主要举措和成效", 2.0, 9.0, 1.0),
            ("法" * 32, 2.0, 32.0, 1.0),  # a paragraph's first line, set in
            ("法" * 34, 0.0, 34.0, 1.0),
            (digits, 0.0, 34.0, 1.0),  # reaches the margin, measured
            (rest, 0.0, 34.0, 1.0),
            (last, 0.0, 34.0, 1.0),
            (after, 2.0, 32.0, 1.0),  # the next paragraph's first line, set in
            ("法" * 20 + "。", 0.0, 21.0, 1.0),
        ]
    )
    assert unwrap([lines], [places])[0] == [
        *lines[:3],
        "法" * 32 + "法" * 34 + digits + rest + last,
        after + lines[-1],
    ]
    # by estimate alone, the line of figures looked short, and the next paragraph ran on
    estimated = unwrap([lines])[0]
    assert estimated[4].endswith(digits) and estimated[5].startswith(rest + last + after)


def test_placed_items_of_a_hanging_indent_are_joined() -> None:
    """A list set with a hanging indent (1．… / its next lines set in under 完善): the item's
    lines reach the margin from further in, and are its lines, not paragraphs set in."""
    item = "1．完善依法决策机制，严格执行重大行政决策程序，全年作"  # 27 em, at the margin
    lines, places = _laid_out(
        [
            ("主要工作如下：", 2.0, 7.0, 1.0),
            *[("法" * 32 + f"{k}", 0.0, 32.5, 1.0) for k in range(4)],
            ("完。", 0.0, 2.0, 1.0),
            (item, 0.0, 32.5, 1.0),
            ("出重大行政决策2项，均经合法性审查和集体讨论决定，法律", 2.0, 30.5, 1.0),
            ("顾问列席局党组会议14次。", 2.0, 12.5, 1.0),
            ("2．规范行政执法行为，全面落实行政执法三项制度，审核重", 0.0, 32.5, 1.0),
            ("大执法决定19件。", 2.0, 9.0, 1.0),
            ("3．化解行政争议。", 0.0, 9.0, 1.0),
        ]
    )
    out = unwrap([lines], [places])[0]
    assert out[-3:] == [
        item + lines[7] + lines[8],
        lines[9] + lines[10],
        lines[11],
    ]


def _page(charset_tag: str) -> str:
    lines = [line for line in sample_text().splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>" for line in lines)
    return f"<html><head>{charset_tag}<title>{lines[0]}</title></head><body>{body}</body></html>"


def _whole_units(data: bytes, unit: int) -> bytes:
    """``data`` padded with spaces to whole code units of ``unit`` bytes: it decodes in the
    wide charset without an error (as garbage), so nothing but the rule can refuse it."""
    return data + b" " * (-len(data) % unit)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # a byte order mark says UTF-8, the template's <meta> another charset: the mark wins
        (
            "bom_latin1",
            b"\xef\xbb\xbf"
            + _page(
                '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            ).encode(),
        ),
        ("bom_1252", b"\xef\xbb\xbf" + _page('<meta charset="windows-1252">').encode()),
        # UTF-16 declared in a tag spelt in ASCII: not UTF-16 (browsers read it as UTF-8)
        ("utf16_declared", _whole_units(_page('<meta charset="utf-16">').encode(), 2)),
        ("utf32_declared", _whole_units(_page('<meta charset="UTF-32LE">').encode(), 4)),
        # a charset that reads no Chinese where the page's bytes are UTF-8 or GB18030
        ("latin1_on_utf8", _page('<meta charset="iso-8859-1">').encode()),
        ("latin1_on_gbk", _page('<meta charset="iso-8859-1">').replace("—", "-").encode("gbk")),
    ],
)
def test_a_page_whose_declared_charset_is_wrong_is_read_as_chinese(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / f"{name}.html"
    path.write_bytes(data)
    doc = load(str(path))
    assert doc.lines[0] == sample_text().splitlines()[0], name
    assert check_path(str(path), Catalog.load()).to_json()["verdict"] == "complete", name


def test_a_page_in_the_charset_it_declares_is_read_in_it(tmp_path: Path) -> None:
    path = tmp_path / "big5.html"
    path.write_bytes(_page('<meta charset="big5">').replace("—", "-").encode("big5", "replace"))
    assert load(str(path)).encoding == "big5"


def _rtf_with(insert: bytes) -> bytes:
    """The sample as RTF with ``insert`` right after its first paragraph."""
    rtf = make_rtf(sample_text())
    first = rtf.index(b"\\par\n") + len(b"\\par\n")
    return rtf[:first] + insert + rtf[first:]


def test_rtf_binary_data_holding_braces_is_skipped_not_read_as_groups() -> None:
    # \bin5: five raw bytes, two of them } (which, read as groups, closed the document)
    picture = b"{\\*\\blip\\bin5 }\x00}{\xff}"
    text = load("r.rtf", data=_rtf_with(picture)).text
    assert sample_text().strip().splitlines()[-1] in text
    assert "\x00" not in text and "\xff" not in text


def test_an_rtf_unicode_escape_out_of_range_is_one_unreadable_character() -> None:
    text = load("r.rtf", data=_rtf_with(b"\\u-99999999999?\\u70000?\\u" + b"9" * 5000 + b"?")).text
    assert "\ufffd\ufffd\ufffd" in text
    assert sample_text().strip().splitlines()[-1] in text


def test_a_pdfs_two_signers_side_by_side_stay_two(tmp_path: Path) -> None:
    """中共示例县委员会  示例县人民政府 signed side by side: the wide gap is the text's own (the
    .txt reads two signers); a letter-spaced line (法 治 政 府) still loses its spaces."""
    text = sample_text().replace(
        "示例县司法局\n2026年2月10日", "中共示例县委员会  示例县人民政府\n2026年2月10日"
    )
    text = text.replace("示例县司法局关于", "示 例 县 司 法 局 关 于", 1)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    (tmp_path / "r.pdf").write_bytes(make_pdf(text))
    catalog = Catalog.load()
    as_text, as_pdf = (check_path(str(tmp_path / n), catalog).to_json() for n in ("r.txt", "r.pdf"))
    assert (
        as_pdf["document"]["issuer"]
        == as_text["document"]["issuer"]
        == ("中共示例县委员会、示例县人民政府")
    )
    assert as_pdf["document"]["title"] == "示例县司法局关于2025年度法治政府建设情况的报告"


def test_markdown_front_matter_gives_the_title_and_is_no_text(tmp_path: Path) -> None:
    """--- / title: … / date: … / --- atop a web editor's Markdown: its title is the report's
    (title: was read into it, key and all), its keys no text, its lines still counted."""
    body = sample_text().split("\n", 1)[1]  # the sample without its title line
    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    front = f'---\ntitle: "{title}"\ndate: 2026-02-12\nlayout: post\n---\n'
    (tmp_path / "r.md").write_text(front + body, encoding="utf-8")
    r = check_path(str(tmp_path / "r.md"), Catalog.load()).to_json()
    assert r["document"]["title"] == title
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    first = next(p for p in r["parts"] if p["id"] == "achievements")
    first_plain = next(p for p in plain["parts"] if p["id"] == "achievements")
    assert first["line"] == first_plain["line"] + 4  # the block's five lines for the title's one
    assert r["score"] == plain["score"]


def test_a_rule_under_a_first_line_is_no_front_matter() -> None:
    from fzcheck.reading.text import front_matter_read

    text = "---\n一、主要举措和成效\n全年办理案件41件。\n---\n"
    assert front_matter_read(text) == text


def test_a_front_matter_title_folded_onto_the_next_lines_is_read() -> None:
    """title: >- (or |) puts the title on the indented lines under it."""
    from fzcheck.reading.text import front_matter_read

    text = "---\ntitle: >-\n  示例县2025年度法治政府建设情况报告\n---\n正文"
    assert front_matter_read(text).split("\n")[2] == "示例县2025年度法治政府建设情况报告"
    assert ">-" not in front_matter_read(text)


def test_a_text_copied_line_by_line_from_a_pdf_reads_as_its_paragraphs(tmp_path: Path) -> None:
    """Each paragraph cut at one width (a PDF viewer's copy of a narrow column, saved as .txt;
    the law's long headings cut too): read with each paragraph's lines joined again, the same
    parts and score as the text with a paragraph a line; that text is left as it is."""
    lines = [cut for line in sample_text().splitlines() for cut in wrapped(line, 16) or [""]]
    assert any(line.startswith("二、") and not line.endswith("原因") for line in lines)
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    copied = check_path(str(path), Catalog.load()).to_json()
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert [p["status"] for p in copied["parts"]] == [p["status"] for p in plain["parts"]]
    assert (copied["score"], copied["document"]["title"]) == (
        plain["score"],
        plain["document"]["title"],
    )
    assert load(str(SAMPLE)).lines == sample_text().rstrip("\n").split("\n")


@pytest.mark.parametrize("width", [32, 34, 36])
def test_a_copy_at_a_pages_width_is_joined_though_its_figures_are_narrow(
    tmp_path: Path, width: int
) -> None:
    """Cut at 32-36 em, as a PDF page sets the sample: a line with figures in it holds more
    characters than one without (2025, 96.5% are half an em a character), and the copy was
    not taken for wrapped text — its lines stayed cut, a cue cut with them."""
    lines = [cut for line in sample_text().splitlines() for cut in wrapped(line, width) or [""]]
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load(str(path)).lines == load(str(SAMPLE)).lines


def test_page_numbers_in_a_copied_pdf_text_break_no_heading(tmp_path: Path) -> None:
    """A GB/T 9704 page (28 em, 首行缩进) copied out with its page numbers and running header:
    the leader's heading fills its line at a page's foot, and - 2 - was glued onto it (the part
    lost, 87.5). Page numbers and the header every page opens with are left out, the paragraph
    goes on over them, and the report reads as the one with no pages."""
    lines = [cut for line in sample_text().splitlines() for cut in wrapped(f"　　{line}", 28)]
    leader = next(i for i, line in enumerate(lines) if line.startswith("　　三、"))
    breaks = sorted({leader, 8, 20, 30} & set(range(len(lines) - 2)))
    for n, at in enumerate(reversed(breaks)):
        lines[at + 1 : at + 1] = [f"- {len(breaks) - n + 1} -", "示例县司法局文件"]
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    copied = check_path(str(path), Catalog.load()).to_json()
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert [(p["status"], p["heading"]) for p in copied["parts"]] == [
        (p["status"], p["heading"]) for p in plain["parts"]
    ]
    assert copied["score"] == plain["score"] == 100
    assert not any("- 2 -" in line or "文件" in line for line in load(str(path)).lines)


@pytest.mark.parametrize("header", ["示例县2025年度法治政府建设情况报告", "示例县司法局"])
def test_a_running_header_with_no_page_numbers_is_no_title_nor_text(
    tmp_path: Path, header: str
) -> None:
    """A copied PDF whose pages each open with a header, the first page's above the title, and
    no page number to tell the pages: the header was the title, and split paragraphs. The
    issuer signing in its header's words still signs."""
    lines = [cut for line in sample_text().splitlines() for cut in wrapped(f"　　{line}", 28)]
    for at in (30, 20, 10, 0):
        lines.insert(at, header)
    path = tmp_path / "copied.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    copied = check_path(str(path), Catalog.load()).to_json()
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert copied["document"]["title"] == plain["document"]["title"]
    assert copied["document"]["issuer"] == "示例县司法局"
    assert copied["score"] == plain["score"] == 100
    assert sum(line.strip() == header for line in load(str(path)).lines) == (
        1 if header == "示例县司法局" else 0
    )


def test_bare_page_numbers_count_only_where_they_run_in_step() -> None:
    from fzcheck.reading.text import _paged

    assert _paged(["甲", "2", "乙", "3", "丙"]) == [["甲"], ["乙"], ["丙"]]
    assert _paged(["甲", "12", "乙", "3", "丙"]) == [["甲", "12", "乙", "3", "丙"]]


def test_letter_spaced_headings_in_a_text_are_closed_up(tmp_path: Path) -> None:
    """A PDF's layout text sets its headings letter-spaced (二、存 在 的 不 足 和 原 因,
    四、2 0 2 6 年…): closed up, they are the report's headings and its parts are found; a
    table's row of figures a space apart, and two names two spaces apart, stay as they are."""
    text = sample_text()
    for heading in (
        "二、2025年推进法治政府建设存在的不足和原因",
        "四、2026年推进法治政府建设的主要安排",
    ):
        assert heading in text
        text = text.replace(heading, heading[:2] + " ".join(heading[2:]))
    row = "一、本年新收政府信息公开申请数量 4 0 0 0 0 0 4"
    text += f"\n{row}\n中共示例县委  示例县人民政府\n"
    path = tmp_path / "spaced.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    assert "二、2025年推进法治政府建设存在的不足和原因" in doc.lines
    assert row in doc.lines and "中共示例县委  示例县人民政府" in doc.lines
    spaced = check_path(str(path), Catalog.load()).to_json()
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert [p["status"] for p in spaced["parts"]] == [p["status"] for p in plain["parts"]]


def test_a_sentence_ending_at_the_margin_keeps_a_bare_heading_and_the_signer_apart() -> None:
    """A paragraph's last line that ends its sentence right at the margin, then a short line
    with no sentence (a heading with no number, the signer's name): not joined to it."""
    body = "全年审核规范性文件六件，开展执法检查一百二十次，办结群众诉求"  # 30 em
    lines = ["示例县司法局2025年度法治政府建设情况报告", body, body, body[:-2] + "完成。"]
    lines += ["存在的不足和原因", body, body[:-2] + "完成。", "示例县司法局", "2026年1月20日"]
    joined = unwrap([lines])[0]
    assert "存在的不足和原因" in joined and "示例县司法局" in joined
    assert joined[1] == body * 2 + body[:-2] + "完成。"


def _pdf_drawing_quotes_last(lines: list[str]) -> bytes:
    """A PDF whose lines' quotation marks are drawn after the rest of the line, in place (as
    LibreOffice draws them, in another font): the page's drawing order is not its reading order."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 10)
    for n, line in enumerate(lines):
        y, x, marks = 800 - 14 * n, 40.0, []
        for ch in line:
            (marks if ch in "“”" else []).append((x, ch))
            if ch not in "“”":
                c.drawString(x, y, ch)
            x += pdfmetrics.stringWidth(ch, "STSong-Light", 10)
        for at, mark in marks:  # the marks last, where they stand
            c.drawString(at, y, mark)
    c.showPage()
    c.save()
    return out.getvalue()


# PDFium maps a font the PDF does not embed (STSong-Light) through a system font: with no CJK
# font installed it reads a fraction of the characters, and pypdf's text stands (CI installs one)
@pytest.mark.skipif(cjk_font() is None, reason="no CJK font for PDFium to map STSong-Light")
def test_a_pdfs_characters_are_read_in_the_order_they_stand(tmp_path: Path) -> None:
    """A writer drew each line's quotation marks after its Chinese: read in drawing order they
    came at the line's end (…建设第一责任人职责情况“ ”), the heading no longer named its part and
    the leader's duties went from present to embedded. Read where they stand, the lines are as
    written."""
    text = sample_text().replace("第一责任人职责情况", "“第一责任人”职责情况", 1)
    lines = [chunk for line in text.splitlines() for chunk in wrapped(line)]
    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf_drawing_quotes_last(lines))
    doc = load(str(path))
    assert any("推进法治建设“第一责任人”职责情况" in line for line in doc.lines)
    result = check_path(str(path), Catalog.load()).to_json()
    leader = next(p for p in result["parts"] if p["id"] == "leader_duties")
    assert leader["status"] == "present" and result["verdict"] == "complete"


def test_a_pdf_page_set_at_an_angle_is_still_read_line_by_line(tmp_path: Path) -> None:
    """A page whose text is turned (a landscape page drawn rotated): read by position, its lines
    would run down the page a character each; it is read in drawing order, line by line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 10)
    c.translate(500, 40)
    c.rotate(90)
    lines = [chunk for line in sample_text().splitlines() for chunk in wrapped(line)]
    for n, line in enumerate(lines[:30]):
        c.drawString(0, -14 * n, line)
    c.showPage()
    c.save()
    (tmp_path / "turned.pdf").write_bytes(out.getvalue())
    doc = load(str(tmp_path / "turned.pdf"))
    assert doc.lines[0] == lines[0] and "县委、县政府：" in doc.lines


def _drawn_pdf(draw: Callable[[Any], None]) -> bytes:
    """A one-page PDF of the sample's first lines, then what ``draw`` adds on the canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 12)
    lines = [chunk for line in sample_text().splitlines() for chunk in wrapped(line)][:30]
    for n, line in enumerate(lines):
        c.drawString(40, 800 - 20 * n, line)
    draw(c)
    c.showPage()
    c.save()
    return out.getvalue()


def _watermark(c: Any) -> None:
    c.setFont("STSong-Light", 100)
    c.drawString(80, 560, "内部资料")


def _overlaid(c: Any) -> None:
    text = c.beginText(40, 800 - 20 * 3)
    text.setFont("STSong-Light", 12)
    text.setTextRenderMode(3)  # invisible, over a visible line
    text.textLine("隐藏文字隐藏文字隐藏文字")
    c.drawText(text)


def _far_apart(c: Any) -> None:
    c.setFont("Helvetica", 0.05)
    for k in range(40):
        c.drawString(60, 200 - 5 * k, "A")
        c.drawString(20000, 200 - 5 * k, "B")


@pytest.mark.parametrize("draw", [_watermark, _overlaid, _far_apart])
def test_a_pdf_read_by_position_keeps_its_lines_whatever_else_is_drawn(
    tmp_path: Path, draw: Callable[[Any], None]
) -> None:
    """A watermark across lines, invisible text laid over a line, characters 20,000 pt apart:
    read by position they pulled lines into one, mixed the hidden text into the visible, or put
    in hundreds of thousands of spaces (minutes to read). Each line stays as drawn, at once."""
    (tmp_path / "r.pdf").write_bytes(_drawn_pdf(draw))
    doc = load(str(tmp_path / "r.pdf"))
    first = [chunk for line in sample_text().splitlines() for chunk in wrapped(line)][:30]
    text = "\n".join(doc.lines)
    assert first[0] in doc.lines and [c for c in first if c not in text] == []
    assert all(len(line) - len(line.replace(" ", "")) <= 80 for line in doc.lines)


def _red_header(c: Any) -> None:
    c.setFont("STSong-Light", 40)  # a 文件头 over the page, over 3 times the body's size
    c.drawString(60, 818, "示例县司法局文件")


def test_a_tall_header_standing_apart_keeps_the_page_read_by_position() -> None:
    """A 40 pt 文件头 over a 12 pt body stands beside no line: the page is read by position as
    any other (it fell back to drawing order, one table cell a line); a watermark across the
    lines still makes it fall back."""
    from fzcheck.reading.limits import Deadline
    from fzcheck.reading.pdf import _placed

    header = _drawn_pdf(_red_header)
    placed = _placed(header, Deadline(30), [0])
    assert placed is not None and "示例县司法局文件" in placed[0][0]
    assert _placed(_drawn_pdf(_watermark), Deadline(30), [0]) is None


def test_a_value_a_cells_padding_from_its_label_is_a_cell_of_its_own() -> None:
    """A label filling its narrow cell (…只计这一情形，) and the row's first value in the next,
    two paddings (⅔ em) apart: the value was glued to the label (情形，2), and the row had one
    value too few. In a sentence a figure stands close (情形，2件)."""
    from fzcheck.reading.limits import Deadline
    from fzcheck.reading.pdf import _placed

    def row(c: Any) -> None:
        c.setFont("STSong-Light", 10.5)
        label = "处理的，只计这一情形，"
        c.drawString(40, 150, label)
        x = 40 + 10.5 * len(label) + 7  # two cell paddings
        for k, value in enumerate("2100003"):
            c.drawString(x + 28 * k, 150, value)
        c.drawString(40, 120, "处理的，只计这一情形，2件，不计其他情形。")

    placed = _placed(_drawn_pdf(row), Deadline(30), [0])
    assert placed is not None
    lines = placed[0][0].splitlines()
    assert "处理的，只计这一情形，  2    1    0    0    0    0    3" in lines
    assert "处理的，只计这一情形，2件，不计其他情形。" in lines


def test_a_value_alone_at_pages_ends_is_no_running_footer() -> None:
    """A drawn table read one cell a line may end pages on a lone value (38, then 0): masked
    alike, they read as a running footer and were taken off; a running header still is."""
    from fzcheck.reading.pdf import _drop_running_lines

    paged = [
        ["示例县政府信息公开年度报告", "示例县2025年政府信息公开工作年度报告", "行政处罚", "38"],
        ["示例县政府信息公开年度报告", "收费", "0"],
    ]
    _drop_running_lines(paged)
    assert paged == [["示例县2025年政府信息公开工作年度报告", "行政处罚", "38"], ["收费", "0"]]


def test_a_title_the_later_pages_repeat_as_their_header_is_kept() -> None:
    """Word's different first page: the title on page 1, the same line as the header of every
    later page. It read as a running header and went, and the report had no title."""
    from fzcheck.reading.pdf import _drop_running_lines

    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    paged = [[title, "县委、县政府：", "2025年，…"], [title, "（二）…"], [title, "三、…"]]
    _drop_running_lines(paged)
    assert paged == [[title, "县委、县政府：", "2025年，…"], ["（二）…"], ["三、…"]]


def test_a_line_opening_with_a_number_mid_sentence_goes_on() -> None:
    """…全县统 / 一、规范、高效的执法环境: a wrap fell before words that read as a heading's
    number, the line above filling the column cut mid-sentence; the line goes on with it (it
    stood as a 一、 heading and took the sections after it in); 98. / 6% the same. A short
    heading after such a line, and any after a sentence's end, stays its own."""
    cut = _COLUMN[:-1] + "统"
    page = [
        "一、主要举措和成效",
        _COLUMN,
        cut,
        "一、规范、高效的执法环境。",
        "二、存在的不足和原因",
        _COLUMN,
        _COLUMN,
        "完。",
    ]
    assert unwrap([page])[0][:3] == [
        "一、主要举措和成效",
        _COLUMN + cut + "一、规范、高效的执法环境。",
        "二、存在的不足和原因",
    ]
    decimal = ["一、主要举措和成效", _COLUMN, _COLUMN[:-1] + "98.", "6%。", _COLUMN, _COLUMN]
    assert unwrap([decimal])[0][1].endswith("98.6%。")


def test_the_first_paragraph_with_no_addressee_is_joined() -> None:
    """A title, then the first paragraph (its first line indented, a comma in it): joined, as
    under an addressee; the title, no comma in it, is not joined to it."""
    title = "示例县司法局关于2025年度法治政府建设情况的报告"
    first = _COLUMN[:44]
    page = [title, first, _COLUMN, "完。", "一、主要举措和成效", _COLUMN, _COLUMN, "完。"]
    assert unwrap([page])[0][:2] == [title, first + _COLUMN + "完。"]


def test_a_workbook_or_an_archive_in_the_folder_gets_its_line_and_our_own_workbook_none(
    tmp_path: Path,
) -> None:
    """A unit's statistics sent as .xlsx vanished from a folder's count, and given by name it
    was called a zip archive to unpack; a .zip of reports vanished too. Each now has its line
    saying what it is — but the 评分表.xlsx fzcheck wrote into the folder is skipped, as its
    pages and letters are."""
    import zipfile

    import openpyxl

    from fzcheck.cli import main
    from fzcheck.reading.inputs import expand_inputs

    (tmp_path / "报告.txt").write_text(sample_text(), encoding="utf-8")
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "本年新收申请数量"  # type: ignore[index]
    workbook.save(tmp_path / "统计表.xlsx")
    with zipfile.ZipFile(tmp_path / "报告合集.zip", "w") as archive:
        archive.writestr("报告.txt", sample_text())
    assert main(["check", str(tmp_path / "报告.txt"), "-o", str(tmp_path / "评分表.xlsx")]) == 0
    found = sorted(Path(p).name for p in expand_inputs([str(tmp_path)]))
    assert found == ["报告.txt", "报告合集.zip", "统计表.xlsx"]
    rows = [json.loads(line) for line in _check_folder(tmp_path).stdout.splitlines()]
    errors = {Path(r["path"]).name: r["error"]["message"] for r in rows if r["error"]}
    assert "spreadsheet, not a report" in errors["统计表.xlsx"]
    assert "zip archive, not a report" in errors["报告合集.zip"]


def _two_column_pdf(lines: list[str]) -> bytes:
    """``lines`` as a page set in two columns (the title across both), flowed as a typesetter
    flows them: the left column, then the right."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    margin, gutter = 50.0, 20.0
    column = (width - 2 * margin - gutter) / 2
    frames = [
        Frame(margin, height - margin - 50, width - 2 * margin, 50, id="title"),
        Frame(margin, height - margin - 420, column, 360, id="left"),
        Frame(margin + column + gutter, height - margin - 420, column, 360, id="right"),
    ]
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=A4, invariant=1)
    document.addPageTemplates([PageTemplate(id="page", frames=frames)])
    title = ParagraphStyle("t", fontName="STSong-Light", fontSize=15, leading=22, alignment=1)
    body = ParagraphStyle(
        "b", fontName="STSong-Light", fontSize=10, leading=14, firstLineIndent=20, wordWrap="CJK"
    )
    story: list[Any] = [Paragraph(lines[0], title), FrameBreak()]
    story += [Paragraph(line, body) for line in lines[1:]]
    document.build(story)
    return out.getvalue()


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font for PDFium to map STSong-Light")
def test_a_pdf_set_in_two_columns_is_read_column_by_column(tmp_path: Path) -> None:
    """Read by position across the page, each line of the left column ran on into the line of
    the right beside it (一、…主要举措和成效 四、…主要安排): parts were lost and the title took
    the first headings. The left column is read first, then the right."""
    lines = [line for line in sample_text().splitlines() if line.strip()]
    path = tmp_path / "two-columns.pdf"
    path.write_bytes(_two_column_pdf(lines))
    doc = load(str(path))
    headings = [line for line in doc.lines if re.match(r"^[一二三四五]、", line)]
    assert headings == [line for line in lines if re.match(r"^[一二三四五]、", line)]
    assert doc.lines[0] == lines[0]
    text, columns = _statuses(SAMPLE, path)
    assert columns == text


def _fixed_pitch_two_columns(lines: list[str]) -> bytes:
    """``lines`` on a page of two columns, each character drawn on its own on a fixed pitch a
    couple of points apart (Word's 文档网格), the title across both columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    size, pitch, per_line, rows = 10.0, 12.0, 19, 52
    c.setFont("STSong-Light", 14)
    c.drawString(60, 800, lines[0])
    c.setFont("STSong-Light", size)
    chunks = [line[k : k + per_line] for line in lines[1:] for k in range(0, len(line), per_line)]
    for n, chunk in enumerate(chunks[: 2 * rows]):
        x0 = 50 if n < rows else 50 + per_line * pitch + 30
        y = 770 - 14 * (n % rows)
        for k, ch in enumerate(chunk):
            c.drawString(x0 + k * pitch, y, ch)
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font for PDFium to map STSong-Light")
def test_two_columns_of_characters_on_a_fixed_pitch_are_read_column_by_column(
    tmp_path: Path,
) -> None:
    """Each gap of a couple of points between two characters ran clear down the page, and beat
    the gutter only the title crossed: no gutter was found and the lines ran across both
    columns. Gaps narrower than any gutter are inside the text."""
    lines = [line for line in sample_text().splitlines() if line.strip()]
    path = tmp_path / "pitch.pdf"
    path.write_bytes(_fixed_pitch_two_columns(lines))
    text = re.sub(r"\s+", "", "".join(load(str(path)).lines))
    # every line of the report whole, in its order: no line of the left column run on into
    # the right's
    at = 0
    for line in lines:
        at = text.find(re.sub(r"\s+", "", line), at)
        assert at >= 0, line


def test_a_decisions_file_whose_report_is_gone_is_said_when_its_folder_is_walked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """review 报告.txt, then the unit's resubmission renamed it 报告（修改稿）.txt: the decisions
    beside the old name applied to nothing, without a word (helper-202)."""
    from fzcheck.cli import main
    from fzcheck.reading.inputs import expand_inputs

    shutil.copy(SAMPLE, tmp_path / "报告.txt")
    assert main(["review", str(tmp_path / "报告.txt"), "--part", "problems", "--accept"]) == 0
    (tmp_path / ("长名" + "甲" * 10 + "-0123456789ab.decisions.jsonl")).write_text("", "utf-8")
    capsys.readouterr()
    assert list(expand_inputs([str(tmp_path)])) == [str(tmp_path / "报告.txt")]
    assert "复核记录所对应的文件" not in capsys.readouterr().err  # its report is there
    (tmp_path / "报告.txt").rename(tmp_path / "报告（修改稿）.txt")
    assert list(expand_inputs([str(tmp_path)])) == [str(tmp_path / "报告（修改稿）.txt")]
    said = [x for x in capsys.readouterr().err.splitlines() if "复核记录所对应的文件" in x]
    assert len(said) == 1 and "报告.txt 已不在" in said[0]


@pytest.mark.parametrize(
    "title",
    [
        "{t}-政务公开-示例县人民政府",
        "示例县人民政府_{t}",
        "{t} - 示例县人民政府",
        "{t}|示例县人民政府门户网站",
    ],
)
def test_a_page_title_keeps_the_report_title_between_the_sites_names(
    tmp_path: Path, title: str
) -> None:
    """<title> alone naming the report, the site's and its column's names either side of it
    (…报告-政务公开-站名 had kept -政务公开; 站名_…报告 gave no title: helper-216's h02)."""
    text = SAMPLE.read_text(encoding="utf-8")
    report_title, body = text.split("\n", 1)
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = (
        f'<html><head><meta charset="utf-8"><title>{title.format(t=report_title)}</title></head>'
        f"<body><div class=TRS_Editor>{paragraphs}</div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["title"] == report_title
