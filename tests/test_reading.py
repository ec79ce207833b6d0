"""Reading every format and encoding into the same document."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzcheck.errors import InputError
from fzcheck.reading import load
from fzcheck.reading import text as text_module
from fzcheck.reading.text import decode
from tests.helpers import FIXTURES, SAMPLE, in_layout_table

SAMPLE_LINES = list(SAMPLE.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(
    "name,encoding",
    [
        ("utf8.txt", "utf-8"),
        ("utf8-bom.txt", "utf-8-sig"),
        ("utf16.txt", "utf-16"),
        ("gbk.txt", "gb18030"),
        ("gb18030.txt", "gb18030"),
        ("crlf.txt", "utf-8"),
    ],
)
def test_text_encodings_are_detected(
    make_input: Callable[[str], Path], name: str, encoding: str
) -> None:
    doc = load(str(make_input(name)))
    assert doc.encoding == encoding
    assert doc.format == "txt"
    assert doc.lines[0] == SAMPLE_LINES[0]
    assert len(doc.lines) == len(SAMPLE_LINES)


def test_big5_traditional_is_detected_and_converted(make_input: Callable[[str], Path]) -> None:
    doc = load(str(make_input("big5.txt")))
    assert doc.encoding == "big5"
    assert doc.script == "traditional"
    assert "衛生健康局" in doc.lines[0]  # quotes stay in the original script
    assert "卫生健康局" in doc.analysis[0]


def test_analysis_lines_keep_original_lengths() -> None:
    doc = load(str(FIXTURES / "traditional.txt"))
    assert [len(a) for a in doc.analysis] == [len(o) for o in doc.lines]
    assert "(一)" in doc.analysis[5] and "（一）" in doc.lines[5]


def test_docx_keeps_paragraphs_tables_and_heading_styles(make_input: Callable[[str], Path]) -> None:
    doc = load(str(make_input("report.docx")))
    assert doc.format == "docx"
    assert doc.lines[0] == SAMPLE_LINES[0]
    assert any(line == "调解成功率 | 96.9%" for line in doc.lines)
    table_at = doc.lines.index("指标 | 数值")
    assert doc.lines[table_at - 1].startswith("（三）化解矛盾纠纷")  # table kept in body order
    assert set(doc.styled_headings.values()) >= {1}


def test_pdf_text_layer_is_read(make_input: Callable[[str], Path]) -> None:
    doc = load(str(make_input("report.pdf")))
    assert doc.format == "pdf"
    assert doc.lines[0] == SAMPLE_LINES[0]
    assert "- 1 -" not in doc.lines  # page numbers dropped


def test_html_keeps_the_article_and_drops_site_chrome() -> None:
    doc = load(str(FIXTURES / "page.html"))
    text = doc.text
    assert doc.format == "html"
    assert doc.lines[0] == "示例县水利局关于2025年度法治政府建设情况的报告"
    assert "一、主要举措和成效" in doc.lines
    for chrome in ("打印本页", "关闭窗口", "字体", "扫一扫", "分享到", "主办单位", "首页", "ICP"):
        assert chrome not in text, chrome
    assert doc.published_on is not None and doc.published_on.isoformat() == "2026-03-05"


def test_a_page_laid_out_in_a_table_reads_as_the_page(tmp_path: Path) -> None:
    # a table row is one line to trafilatura: the article's cell came out as a single line
    path = tmp_path / "old-cms.html"
    path.write_text(in_layout_table((FIXTURES / "page.html").read_text(encoding="utf-8")))
    doc, plain = load(str(path)), load(str(FIXTURES / "page.html"))
    assert not doc.resegmented
    assert doc.lines == plain.lines
    assert doc.published_on == plain.published_on


def test_a_statistics_table_with_a_long_note_stays_a_table(tmp_path: Path) -> None:
    note = "说明：" + "本表数据来源于各乡镇、各部门报送的行政复议和行政诉讼案件统计。" * 10
    rows = [("类别", "收案", "纠错"), ("行政复议", "41件", "5件"), ("行政诉讼", "12件", "2件")]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    table = f"<table>{cells}<tr><td colspan='3'>{note}</td></tr></table>"
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    assert "<p>三、" in page
    body = page.replace("<p>三、", table + "<p>三、")
    path = tmp_path / "stats.html"
    path.write_text(body, encoding="utf-8")
    lines = load(str(path)).lines
    assert any("行政复议" in line and "41件" in line and "5件" in line for line in lines)


def test_a_page_of_unclosed_tags_is_read_in_one_pass(tmp_path: Path) -> None:
    """<script>, <h1>, <title> and <meta> opened and never closed, tens of thousands of times:
    each pattern stops at the next tag (they took minutes, one scan to the end per tag)."""
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    junk = "".join(f"<{tag}>" for tag in ("script", "h1", "title", "meta ") * 15_000)
    path = tmp_path / "unclosed.html"
    path.write_text(page.replace("</body>", junk + "</body>"), encoding="utf-8")
    doc = load(str(path))
    assert doc.lines[0] == load(str(FIXTURES / "page.html")).lines[0]


def test_gbk_html_without_declared_charset(tmp_path: Path) -> None:
    page = (
        (FIXTURES / "page.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    )
    path = tmp_path / "gbk.htm"
    path.write_bytes(page.encode("gb18030"))
    doc = load(str(path))
    assert doc.encoding == "gb18030"
    assert "二、存在的不足和原因" in doc.lines


def test_published_date_from_captured_page_header(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "某局关于2025年度法治政府建设情况的报告\n时间：2026-02-03来源：法规科点击：\n正文",
        encoding="utf-8",
    )
    assert load(str(path)).published_on.isoformat() == "2026-02-03"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "head,date",
    [
        ("发布时间:2026-01-09 来源:某局", "2026-01-09"),
        ("标题:某报告\n日期 \u3000\t ：  2026年2月3日", "2026-02-03"),
        ("联系电话：123\n發布時間：2026-03-04", "2026-03-04"),
        ("2026-02-10 来源：县政府办", "2026-02-10"),  # a date right before 来源
        ("一、主要举措：2026年1月2日召开会议", None),  # a colon, but after no key
        ("发布时间2026-01-09", None),  # a key, but no colon
        # as a PC saves a page: full-width digits, dashes and colons
        ("发布时间：２０２６－０２－０５", "2026-02-05"),
        ("某县人民政府   2026-02-05 15：38：00   来源：某局", "2026-02-05"),
        ("日期：２０２６年３月１日", "2026-03-01"),
        # a 政府信息公开 page's metadata: the date it was written comes first, then publication
        ("成文日期：2026-03-27 发布日期：2026-04-03", "2026-04-03"),
        ("成文日期：2026-03-27 公开日期：2026年4月3日", "2026-04-03"),
        ("印发日期：2026-01-05\n生效日期：2026-02-01", None),
        ("成文时间：2026-01-05 时间：2026-01-08", "2026-01-08"),
        ("生成日期：2026-01-05", None),
        # a form's cover: the day it was sent up or filled in, not made public
        ("报送单位：某局\n报送日期：2026年2月6日", None),
        ("填报时间：2026-02-06", None),
        # the key in brackets, a site's header ([ 发布日期 ] 2026-04-03), no colon
        ("[ 发布日期 ] 2026-04-03", "2026-04-03"),
        ("【发布时间】2026-04-03", "2026-04-03"),
        ("［发布日期］２０２６－０４－０３", "2026-04-03"),
        ("[ 成文日期 ] 2026-01-05", None),
    ],
)
def test_published_date_found_wherever_a_scan_would_find_it(head: str, date: str | None) -> None:
    """The colon test that spares most texts the scan misses none it would have found; full-width
    forms read as their ASCII twins."""
    from fzcheck.document import fold_width
    from fzcheck.reading.dates import _PUBLISHED, _colon_after_key, find_published

    found = find_published(head)
    assert (found.isoformat() if found else None) == date
    folded = fold_width(head)
    assert _colon_after_key(folded) or _PUBLISHED.search(folded) is None


def test_traditional_converts_completely_even_where_a_name_phrase_keeps_a_character() -> None:
    """OpenCC's t2s keeps 於 in the name 於單, so 由於單位 came out 由於单位 and its cause
    (由于) went unread; every character t2s changes on its own is changed, one for one."""
    from fzcheck.reading.normalize import to_simplified

    lines, script = to_simplified(["由於單位成立時間不長，", "乾隆年間"])
    assert lines == ["由于单位成立时间不长，", "干隆年间"]
    assert script == "traditional"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    data = SAMPLE.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = load("-")
    assert doc.source == "-" and doc.lines[0] == SAMPLE_LINES[0]


@pytest.mark.parametrize(
    "name,kind,hint",
    [
        ("scan.pdf", "scanned_pdf", "OCR"),
        ("legacy.doc", "corrupt", ".doc/.wps"),
        ("report.wps", "corrupt", ".doc/.wps"),
        ("photo.png", "image", "OCR"),
        ("empty.txt", "empty", "empty"),
        ("blank.txt", "empty", "empty"),
        ("binary.bin", "binary", "binary"),
        ("fake.docx", "corrupt", "docx"),
        ("archive.zip", "unsupported_format", "zip"),
        ("broken.pdf", "corrupt", "PDF"),
    ],
)
def test_bad_inputs_raise_one_line_errors(
    make_input: Callable[[str], Path], name: str, kind: str, hint: str
) -> None:
    with pytest.raises(InputError) as info:
        load(str(make_input(name)))
    assert info.value.kind == kind
    message = str(info.value)
    assert "\n" not in message and hint in message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20 * 1024 * 1024)
    with pytest.raises(InputError, match=r"20\.0 MB, over the 16 MB limit.*--max-mb") as info:
        load(str(path))
    assert info.value.kind == "too_large"


def test_decode_refuses_undecodable_bytes() -> None:
    with pytest.raises(InputError):
        decode(bytes([0x80, 0xFF, 0x00, 0x81] * 500))


@pytest.mark.parametrize(
    "damage",
    [
        lambda gbk: gbk[:300] + b"\xff" + gbk[300:],  # one bad byte
        lambda gbk: gbk + "报".encode("gbk")[:1],  # cut inside its last character
    ],
)
def test_a_few_damaged_bytes_do_not_refuse_the_text(tmp_path: Path, damage: Any) -> None:
    """Read with the bytes no encoding reads as U+FFFD, counted in document.unreadable_chars;
    the report's result is the undamaged one's."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    path = tmp_path / "damaged.txt"
    path.write_bytes(damage(SAMPLE.read_text(encoding="utf-8").encode("gbk")))
    result = check_path(str(path), Catalog.load()).to_json()
    clean = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert result["document"]["encoding"] == "gb18030"
    assert 1 <= result["document"]["unreadable_chars"] <= 3
    assert clean["document"]["unreadable_chars"] == 0
    assert [p["status"] for p in result["parts"]] == [p["status"] for p in clean["parts"]]


def test_a_line_pasted_in_another_encoding_is_read_around(tmp_path: Path) -> None:
    sample = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "mixed.txt"
    cut = sample.index("\n", 200)
    path.write_bytes(sample[:cut].encode() + "\n附件说明".encode("gbk") + sample[cut:].encode())
    doc = load(str(path))  # each line in the encoding that reads it: nothing lost
    assert doc.encoding == "utf-8+gb18030" and doc.unreadable == 0
    assert doc.lines[0] == sample.splitlines()[0] and "附件说明" in doc.lines


def _score_by_character(text: str) -> float:
    """The encoding score as first written, one character at a time (what text._score counts
    without a Python step per character)."""
    sample = text[:20000]
    cjk = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        printable = sum(c.isprintable() or c.isspace() for c in sample)
        return 0.1 if sample and printable / len(sample) > 0.98 and sample.isascii() else 0.0
    density: float = (len(cjk) / max(len(sample), 1)) ** 0.25
    return sum(c in text_module._COMMON for c in cjk) / len(cjk) * density


def test_encoding_score_counts_what_a_character_loop_counts() -> None:
    """Equal floats on what every candidate decoding of real and random bytes gives: CJK text,
    mojibake, NULs, U+FFFE, lone surrogates, characters beyond the BMP, text past the sample."""
    rng = random.Random(11)
    common = sorted(text_module._COMMON)
    pool = [*common, "\0", "\ufffe", "\ud800", "𠮷", "〇", "䶵", "鿿", "一", "a", " ", "\n", "é"]
    texts = [SAMPLE.read_text(encoding="utf-8") * 30]  # past the 20,000-character sample
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 300))) for _ in range(400)]
    texts += ["".join(chr(rng.randint(0, 0xFFFF)) for _ in range(300)) for _ in range(100)]
    raw = [SAMPLE.read_bytes(), SAMPLE.read_text(encoding="utf-8").encode("gb18030")]
    raw += [rng.randbytes(600) for _ in range(50)]
    for data in raw:
        for name in ("gb18030", "big5", "utf-16-le", "utf-16-be", "latin-1"):
            texts.append(data.decode(name, errors="replace"))
    for text in texts:
        score = _score_by_character(text)
        assert text_module._score(text) == score, repr(text[:40])
        for bar in (0.05, 0.15, 0.7, score, math.nextafter(score, 1.0)):
            assert text_module._score_reaches(text, bar) == (score >= bar), (repr(text[:40]), bar)


def _decode_by_scores(data: bytes) -> tuple[str, str] | str:
    """decode() as first written (every candidate scored), or the kind of error it raises."""
    candidates = []
    for name in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        try:
            odd = name.startswith("utf-16") and len(data) % 2
            text = data[:-1].decode(name) + "\ufffd" if odd else data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_score_by_character(text), name, text))
    if not candidates or max(candidates)[0] < 0.15:
        guess = text_module._charset_normalizer_guess(data)
        if guess is not None:
            return guess
        damaged = None if b"\x00" in data[:8192] else text_module._damaged(data)
        if damaged is not None:
            return damaged
        if not candidates or b"\x00" in data[:8192]:
            return "binary"
    score, name, text = max(candidates)
    return "encoding" if score < 0.05 else (text, name)


def test_decode_chooses_as_scoring_every_candidate_would() -> None:
    """A lone candidate is accepted as soon as its score must reach the bar: the same choice,
    text or error as scoring every candidate in full, on Chinese in GB18030 and Big5 (long and
    short), UTF-16 without a BOM, mojibake and random bytes."""
    rng = random.Random(13)
    sample = SAMPLE.read_text(encoding="utf-8")
    inputs = [
        sample.encode("gb18030"),
        (sample * 12).encode("gb18030"),
        sample[:40].encode("gb18030"),
        "衛生健康局關於法治政府建設".encode("big5") * 20,
        sample.encode("utf-16-le"),
        sample.encode("utf-16-be"),
        "abc \x80 def".encode("latin-1") * 30,
        "數據開放".encode("gb18030") * 200,  # Traditional characters GB18030 also has
    ]
    inputs += [rng.randbytes(rng.randint(1, 400)) for _ in range(40)]
    for data in inputs:
        data = data if data.find(b"\x00", 0, 8192) >= 0 or _not_utf8(data) else data + b"\xff"
        try:
            got: tuple[str, str] | str = decode(data)
        except InputError as err:
            got = err.kind
        assert got == _decode_by_scores(data), data[:20]


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_docx_auto_numbered_headings_are_headings(tmp_path: Path) -> None:
    """Word's automatic numbering keeps 一、 out of the text; the paragraph is still a heading."""
    import docx

    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    d = docx.Document()
    d.add_paragraph("示例县农业农村局2025年度法治政府建设情况报告")
    d.add_paragraph("2025年，我局推进农业综合执法，现将情况报告如下：")
    for heading, body in [
        ("主要举措和成效", "查办农业执法案件42件，开展执法检查180次，培训执法人员60人次。"),
        ("存在的不足和原因", "执法装备不足，原因是经费保障有限。"),
        ("主要负责人履行第一责任人职责情况", "局长亲自主持召开法治工作会议3次。"),
        ("2026年工作安排", "2026年，将推进农业执法规范化建设。"),
    ]:
        d.add_paragraph(heading, style="List Number")
        d.add_paragraph(body)
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    doc = load(str(path))
    assert sorted(doc.styled_headings) == [2, 4, 6, 8]
    r = check_path(str(path), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"] if p["required"]} == dict.fromkeys(
        ["achievements", "problems", "leader_duties", "next_year_plan"], "present"
    )


def test_a_page_full_of_colons_is_read() -> None:
    """The colon test walks back over white space once per stretch (it used to copy the page up
    to every colon: minutes for a page like this one, which the HTML reader reads whole)."""
    from fzcheck.reading.dates import find_published

    page = "说明 ：" * 100_000 + "发布时间 ： 2026-01-09"
    found = find_published(page, head_chars=len(page))
    assert found is not None and found.isoformat() == "2026-01-09"


def test_a_file_of_nul_bytes_is_empty_and_utf32_and_a_cut_utf16_are_read(tmp_path: Path) -> None:
    import codecs

    sample = SAMPLE.read_text(encoding="utf-8")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"\x00" * 100_000)
    with pytest.raises(InputError) as info:
        load(str(nul))
    assert info.value.kind == "empty"
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(bom + sample.encode(codec))
        assert load(str(path)).lines[0] == sample.splitlines()[0]
    cut = tmp_path / "cut.txt"
    cut.write_bytes(sample.encode("utf-16-le") + b"A")  # a byte of a character cut off
    doc = load(str(cut))
    assert doc.lines[0] == sample.splitlines()[0] and doc.encoding == "utf-16-le"


def test_other_articles_teased_under_the_page_are_not_read(tmp_path: Path) -> None:
    """推荐阅读 under the article, with another report's first paragraphs: not this report's
    problems, and the signature is still the article's last text."""
    text = SAMPLE.read_text(encoding="utf-8")
    problems = "二、2025年推进法治政府建设存在的不足和原因"
    head, rest = text.split(problems, 1)
    after = rest.split("\n三、", 1)[1]
    article = head + "三、" + after  # the problems section left out
    paragraphs = "".join(f"<p>{line}</p>" for line in article.splitlines() if line.strip())
    teaser = (
        '<div class="list-more"><h3><span>推荐阅读</span></h3>'
        "<p>二、存在的不足和原因。一是执法人员不足。究其原因，主要是编制有限…… [详细]</p>"
        "<p>三、党政主要负责人履行推进法治建设第一责任人职责情况 …… 2025-03-30</p></div>"
    )
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><div id='zoom'>{paragraphs}</div>{teaser}</body></html>", encoding="utf-8"
    )
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    doc = load(str(path))
    assert not any("究其原因" in line for line in doc.lines)
    r = check_path(str(path), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"]}["problems"] == "missing"
    assert r["document"]["signed_on"] == "2026-02-10"


def test_a_page_offering_the_report_as_a_file_says_so(tmp_path: Path) -> None:
    """The page's text is a lead-in and 附件：…报告.pdf: the web page is an input of its own kind
    (attached: download the file), not a report missing every part; the same text saved as .txt
    is read, and each missing part's note points at the file (not read), so the reviewer opens
    it instead of taking the report for empty."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    lead = "现将我局2025年度法治政府建设情况报告予以公开。"
    attached = "示例县司法局2025年度法治政府建设情况报告.pdf"
    page = (
        "<html><body><h1>示例县司法局2025年度法治政府建设情况报告</h1><div id='zoom'>"
        f"<p>{lead}</p><p>附件：<a href='a.pdf'>{attached}</a></p></div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["error"]["kind"] == "attached" and attached in r["error"]["message"]
    from fzcheck.render.i18n import error_kind

    assert f"所附文件“{attached}”中" in error_kind("attached", r["error"]["message"])
    text = tmp_path / "page.txt"
    text.write_text(
        f"示例县司法局2025年度法治政府建设情况报告\n{lead}\n附件：{attached}\n", "utf-8"
    )
    r = check_path(str(text), Catalog.load("fazhi-annual")).to_json()
    notes = [p["note"] for p in r["parts"] if p["status"] == "missing"]
    assert notes and all("情况报告.pdf" in n and "附件" in n for n in notes)


def test_characters_that_show_nothing_are_taken_out(tmp_path: Path) -> None:
    """Zero-width spaces and joiners, a word joiner and a soft hyphen, pasted from a web page,
    are not in the text read: the title and headings are the same text as without them (a
    title that looks the same and differs breaks matching a unit's reports across files)."""
    text = SAMPLE.read_text(encoding="utf-8")
    marked = text.replace("关于", "关于\u200b", 1).replace(
        "主要举措", "主要\u200d举\u00ad措\u2060", 1
    )
    path = tmp_path / "pasted.txt"
    path.write_text(marked, encoding="utf-8")
    doc = load(str(path))
    assert doc.text == text.rstrip("\n")
    assert not any(c in doc.text for c in "\u200b\u200c\u200d\u2060\u00ad")


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("二二、、存存在在的的不不足足和和原原因因", "二、存在的不足和原因"),
        # bold words, then the paragraph in the regular face
        ("（（一一））加加强强领领导导。。局党组专题研究。", "（一）加强领导。局党组专题研究。"),
        ("　　标标题题::  示示例例", "　　标题: 示例"),
        ("明明白白做事，清清楚楚做人。", "明明白白做事，清清楚楚做人。"),  # a word, not bold
        ("====================", "===================="),  # a rule
        ("认认真真踏踏实实地做好每一项工作。", "认认真真踏踏实实地做好每一项工作。"),  # words
        ("一一、、概概述述", "一、概述"),  # a short heading, the whole line bold
        ("   1100    1    0    0    1101", "   1100    1    0    0    1101"),  # a table's values
        ("\u00a0\u00a0二二、、存存在在的的不不足足", "\u00a0\u00a0二、存在的不足"),
        ("二、存在的不足和原因", "二、存在的不足和原因"),
    ],
)
def test_fake_bold_is_read_once(tmp_path: Path, line: str, read: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(f"示例县2025年度法治政府建设情况的报告\n{line}\n正文。", encoding="utf-8")
    assert load(str(path)).lines[1] == read
