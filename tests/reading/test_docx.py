"""The .docx reader's own text walk: what python-docx gives, much faster, and what it misses."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from fzcheck.errors import InputError
from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.docx import read_docx
from fzcheck.reading.sniff import sniff_format
from fzcheck.rubric import Catalog
from tests.helpers import FIXTURES, SAMPLE, make_docx, sample_text
from tests.reading.makers import many_paragraph_docx, repackaged, tiny_paragraphs_docx


def _document_with_every_run_item() -> bytes:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    p = d.add_paragraph("全年主要举措")  # no heading: a heading broken by hand is joined
    run = p.add_run("甲\t乙")
    run.add_break()
    run.add_text("丙")
    run.add_break(WD_BREAK.PAGE)
    run.add_text("丁")
    p._p.append(
        parse_xml(
            f"<w:hyperlink {nsdecls('w')}><w:r><w:t>链接文字</w:t></w:r>"
            '<w:r><w:noBreakHyphen/><w:t xml:space="preserve"> 尾</w:t></w:r>'
            "</w:hyperlink>"
        )
    )
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "数值"
    table.cell(0, 1).add_paragraph("第二段")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_text_matches_python_docx() -> None:
    import docx

    data = _document_with_every_run_item()
    first = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert first == "全年主要举措甲\t乙\n丙丁链接文字- 尾"
    # as python-docx reads it, but a page break starts a line (the next page's, in Word)
    assert read_docx(data).text == "全年主要举措甲\t乙\n丙\n丁链接文字- 尾\n指标 | 数值 第二段"


def test_styles_are_resolved_once_so_long_documents_read_fast(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """python-docx's paragraph.style scans every style on each access (20,000 paragraphs took
    half a minute): the reader resolves the styles once per document and never asks a
    paragraph for its style object (counted here, not timed: a loaded machine is slow too)."""
    import docx
    from docx.text.paragraph import Paragraph

    from fzcheck.reading import docx as reader

    d = docx.Document(io.BytesIO(many_paragraph_docx(20_000)))
    for i, paragraph in enumerate(d.paragraphs):
        if i % 5000 == 1:
            paragraph.style = d.styles["Heading 1"]
        elif i % 5000 == 2:
            paragraph.style = d.styles["Heading 2"]
    out = io.BytesIO()
    d.save(out)
    asked, made = [], []
    style = Paragraph.style

    def counted(self: Paragraph) -> object:
        asked.append(1)
        return style.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Paragraph, "style", property(counted))
    real = reader._Styles.__init__

    def once(self: object, document: object) -> None:
        made.append(1)
        real(self, document)  # type: ignore[arg-type]

    monkeypatch.setattr(reader._Styles, "__init__", once)
    extracted = read_docx(out.getvalue())
    assert len(extracted.text.split("\n")) == 20_001
    assert extracted.styled == {
        i: 1 if i % 5000 == 1 else 2 for i in range(20_001) if i % 5000 in (1, 2)
    }
    assert (len(asked), len(made)) == (0, 1)


def _in_control(xml: str) -> str:
    """``xml`` inside a content control."""
    from docx.oxml.ns import nsdecls

    return f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>{xml}</w:sdtContent></w:sdt>"


def _change(kind: str, run: str) -> str:
    """A tracked change (``ins`` or ``del``) of one run."""
    from docx.oxml.ns import nsdecls

    return (
        f'<w:{kind} {nsdecls("w")} w:id="1" w:author="审核人" w:date="2026-02-10T00:00:00Z">'
        f"{run}</w:{kind}>"
    )


def test_text_in_content_controls_and_unaccepted_changes_is_read(tmp_path: Path) -> None:
    """A 公文 template keeps its title, issuer and date in content controls (a block of
    paragraphs, or runs inside one); a report sent with tracked changes shows its insertions
    and not its deletions. python-docx reads none of these."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    d = docx.Document(io.BytesIO(make_docx("\n".join(lines[:-2]))))
    title = d.element.body.find(qn("w:p"))
    w = nsdecls("w")
    title.addprevious(parse_xml(_in_control(f"<w:p {w}><w:r><w:t>{lines[0]}</w:t></w:r></w:p>")))
    d.element.body.remove(title)
    d.add_paragraph()._p.append(parse_xml(_in_control(f"<w:r {w}><w:t>{lines[-2]}</w:t></w:r>")))
    date = d.add_paragraph()._p
    date.append(parse_xml(_change("ins", f"<w:r {w}><w:t>{lines[-1]}</w:t></w:r>")))
    date.append(parse_xml(_change("del", f"<w:r {w}><w:delText>2026年1月1日</w:delText></w:r>")))
    path = tmp_path / "template.docx"
    d.save(str(path))
    assert "2026年1月1日" not in read_docx(path.read_bytes()).text
    info = check_path(str(path), Catalog.load()).to_json()["document"]
    assert info["title"] == lines[0]
    assert info["issuer"] == lines[-2] and info["signed_on"] == "2026-02-10"


def test_a_table_of_contents_is_not_read(tmp_path: Path) -> None:
    """Word's table of contents repeats the headings with page numbers: read, each would be a
    heading of its own, cited as the part's evidence."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    text = SAMPLE.read_text(encoding="utf-8")
    plain = tmp_path / "plain.docx"
    plain.write_bytes(make_docx(text))
    d = docx.Document(str(plain))
    headings = [line for line in text.splitlines() if line[:2] in ("一、", "二、", "三、")]
    w = nsdecls("w")
    entries = "".join(
        f"<w:p {w}><w:r><w:t>{h}\t{n}</w:t></w:r></w:p>" for n, h in enumerate(headings)
    )
    contents = (
        f"<w:sdt {w}><w:sdtPr><w:docPartObj><w:docPartGallery w:val='Table of Contents'/>"
        f"</w:docPartObj></w:sdtPr><w:sdtContent><w:p {w}><w:r><w:t>目录</w:t></w:r></w:p>"
        f"{entries}</w:sdtContent></w:sdt>"
    )
    title = d.element.body.find(qn("w:p"))
    title.addnext(parse_xml(contents))
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    title.addnext(d.add_paragraph(f"{headings[0]}\t1", style="toc 1")._p)  # a TOC's old form
    toc = tmp_path / "toc.docx"
    d.save(str(toc))
    assert load(str(toc)).lines == load(str(plain)).lines
    with_toc, without = (check_path(str(p), Catalog.load()).to_json() for p in (toc, plain))
    assert with_toc["parts"] == without["parts"]


def test_rows_in_a_repeating_section_are_read_and_placeholders_are_not() -> None:
    """A table whose rows sit in a content control (Word's repeating section) or custom XML,
    a cell in one; an unfilled control's placeholder (单击或点击此处输入文字。) is no text."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    d = docx.Document()
    d.add_paragraph()._p.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
            "<w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt>"
        )
    )
    table = d.add_table(rows=3, cols=2)
    for r, (label, value) in enumerate([("类别", "受理"), ("行政复议", "41"), ("行政诉讼", "23")]):
        table.cell(r, 0).text, table.cell(r, 1).text = label, value
    tbl = table._tbl
    rows = tbl.findall(qn("w:tr"))
    section = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    rows[1].addprevious(section)
    section.find(qn("w:sdtContent")).append(rows[1])  # a row in a repeating section
    custom = parse_xml(f"<w:customXml {nsdecls('w')} w:element='row'/>")
    rows[2].addprevious(custom)
    custom.append(rows[2])
    cell = rows[2].findall(qn("w:tc"))[1]
    wrapper = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent/></w:sdt>")
    cell.addprevious(wrapper)
    wrapper.find(qn("w:sdtContent")).append(cell)  # a cell in a control
    out = io.BytesIO()
    d.save(out)
    assert read_docx(out.getvalue()).text == "类别 | 受理\n行政复议 | 41\n行政诉讼 | 23"


def test_a_table_inside_a_cell_is_read_into_that_cell() -> None:
    import docx

    d = docx.Document()
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "附表"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, (a, b) in enumerate([("收案", "41"), ("纠错", "5")]):
        inner.cell(r, 0).text, inner.cell(r, 1).text = a, b
    out = io.BytesIO()
    d.save(out)
    assert read_docx(out.getvalue()).text == "附表 | 收案 41 纠错 5"


def _text_box(paragraphs: list[str]) -> str:
    """A run holding a text box as Word 2010+ saves it: the shape (mc:Choice) and its VML copy
    for older readers (mc:Fallback), each with the box's paragraphs."""
    content = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    box = f"<w:txbxContent>{content}</w:txbxContent>"
    return (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>'
        "</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_boxes_are_read_once(tmp_path: Path) -> None:
    """A 红头 template's title and a signature the seal sits over are often text boxes: read,
    each once (not again from the copy Word keeps for older readers)."""
    import docx
    from docx.oxml import parse_xml

    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    d = docx.Document(io.BytesIO(make_docx("\n".join(lines[1:-2]))))
    anchor = parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    d.paragraphs[0]._p.addprevious(anchor)  # the title's box, anchored above the body
    anchor.append(parse_xml(_text_box([lines[0]])))
    d.add_paragraph()._p.append(parse_xml(_text_box(lines[-2:])))
    path = tmp_path / "boxes.docx"
    d.save(str(path))
    text = read_docx(path.read_bytes()).text
    assert text.count(lines[0]) == 1 and text.count(lines[-1]) == 1
    info = check_path(str(path), Catalog.load()).to_json()["document"]
    assert info["title"] == lines[0]
    assert info["issuer"] == lines[-2] and info["signed_on"] == "2026-02-10"


def _table_docx(rows: int, edit: str) -> bytes:
    """A report's text with a table of ``rows`` rows, its cells' XML edited: ``span`` gives the
    first cell gridSpan 200000000; ``up`` merges the first row's first cell up (no cell above);
    ``down`` merges the first column down through every row."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("示例县司法局关于2025年度法治政府建设情况的报告")
    table = document.add_table(rows=rows, cols=3)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"项目{r}" if c == 0 else str(r + c)
    first = table.rows[0].cells[0]._tc.get_or_add_tcPr()
    if edit == "span":
        first.append(parse_xml(f'<w:gridSpan {nsdecls("w")} w:val="200000000"/>'))
    elif edit == "up":
        first.append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="continue"/>'))
    else:
        first.append(parse_xml(f'<w:vMerge {nsdecls("w")} w:val="restart"/>'))
        for row in table.rows[1:]:
            row.cells[0]._tc.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {nsdecls('w')}/>"))
    document.add_paragraph("示例县司法局")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_tables_whose_merges_python_docx_cannot_follow_are_read_in_little_time_and_memory() -> None:
    """A cell spanning 200,000,000 columns (python-docx made a tuple that long: GBs), a cell
    merged up from the first row (ValueError) and a column merged down 800 rows (quadratic,
    then RecursionError): each table is read, its values where they stand."""
    import tracemalloc

    for edit, rows in (("span", 3), ("up", 3), ("down", 800)):
        tracemalloc.start()
        try:
            text = read_docx(_table_docx(rows, edit)).text
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert peak < 200 * 1024 * 1024, edit
        assert f"| {rows} | {rows + 1}" in text, edit  # the last row's values


def _imported_docx(parts: list[tuple[str, str, bytes]]) -> bytes:
    """A .docx whose body is documents imported whole (w:altChunk), as converters from web
    systems write them: (content type, part name, bytes) each, after one paragraph of its own."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_paragraph("（转换自网页）")
    body = d.element.body
    for content_type, name, data in parts:
        part = Part(PackURI(f"/word/{name}"), content_type, data, d.part.package)
        rid = d.part.relate_to(part, RT.A_F_CHUNK)
        body.insert(len(body) - 1, parse_xml(f'<w:altChunk {nsdecls("w", "r")} r:id="{rid}"/>'))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_documents_imported_whole_are_read_in_their_place(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    title, rest = text.split("\n", 1)
    head, tail = rest.split("二、", 1)
    page = f"<html><body><h1>{title}</h1>{''.join(f'<p>{x}</p>' for x in head.splitlines())}"
    data = _imported_docx(
        [
            ("text/html", "chunk1.html", f"{page}</body></html>".encode()),
            ("text/plain", "chunk2.txt", f"二、{tail}".encode("gb18030")),
            ("application/x-unknown", "chunk3.bin", b"\x00\x01"),
            ("text/plain", "chunk4.txt", bytes(range(256)) * 8),  # binary: left out
        ]
    )
    lines = read_docx(data).text.splitlines()
    assert lines[0] == "（转换自网页）" and title in lines
    assert lines[-1] == tail.strip().splitlines()[-1]
    path = tmp_path / "imported.docx"
    path.write_bytes(data)
    ours = check_path(str(path), Catalog.load()).to_json()
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    assert ours["verdict"] == plain["verdict"] == "complete"
    assert [p["status"] for p in ours["parts"]] == [p["status"] for p in plain["parts"]]


def _with_body(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    """The .docx ``data`` with its word/document.xml passed through ``edit``."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            member = source.read(info)
            z.writestr(
                info.filename, edit(member) if info.filename == "word/document.xml" else member
            )
    return out.getvalue()


def test_a_part_imported_many_times_is_read_once() -> None:
    def repeated(xml: bytes) -> bytes:
        start = xml.index(b"<w:altChunk")
        chunk = xml[start : xml.index(b"/>", start) + 2]
        return xml.replace(chunk, chunk * 50_000)

    data = _imported_docx([("text/plain", "chunk.txt", "一、主要举措和成效".encode())])
    assert read_docx(_with_body(data, repeated)).text.count("主要举措和成效") == 1


def test_a_red_headers_empty_spacer_rows_do_not_push_the_title_out_of_the_head(
    tmp_path: Path,
) -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=10, cols=3)
    table.cell(0, 0).text = "示例县司法局文件"  # the 红头, then empty rows spacing it
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for line in lines:
        d.add_paragraph(line)
    path = tmp_path / "redhead.docx"
    d.save(str(path))
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["title"] == lines[0]


def test_a_table_row_without_cells_is_no_text_not_a_damaged_file() -> None:
    data = _with_body(
        _document_with_every_run_item(), lambda xml: xml.replace(b"</w:tbl>", b"<w:tr/></w:tbl>", 1)
    )
    assert "指标 | 数值 第二段" in read_docx(data).text


def _with_main_part_at(data: bytes, name: str) -> bytes:
    """The .docx ``data`` with its main part moved to ``name``, as Word Online saves it
    (word/document2.xml), the package's relationships and content types saying so."""

    def moved(member: str, content: bytes) -> list[tuple[str, bytes]]:
        if member == "word/document.xml":
            return [(name, content)]
        if member == "word/_rels/document.xml.rels":
            return [(f"word/_rels/{name.rsplit('/', 1)[1]}.rels", content)]
        if member in ("_rels/.rels", "[Content_Types].xml"):
            return [(member, content.replace(b"word/document.xml", name.encode()))]
        return [(member, content)]

    return repackaged(data, moved)


def test_a_main_part_the_package_names_elsewhere_is_read() -> None:
    data = _with_main_part_at(make_docx(sample_text()), "word/document2.xml")
    assert sniff_format(data, ".docx") == "docx"
    assert read_docx(data).text == read_docx(make_docx(sample_text())).text
    # and its paragraphs are the ones counted before python-docx builds them
    many = _with_main_part_at(tiny_paragraphs_docx(70_000), "word/document2.xml")
    with pytest.raises(InputError, match="paragraphs") as info:
        read_docx(many)
    assert info.value.kind == "too_complex"


def test_a_package_whose_main_part_is_not_words_is_not_a_docx() -> None:
    def spreadsheet(member: str, content: bytes) -> list[tuple[str, bytes]]:
        if member == "[Content_Types].xml":
            content = content.replace(
                b"wordprocessingml.document.main", b"spreadsheetml.sheet.main"
            )
        return [(member, content)]

    data = _with_main_part_at(make_docx(sample_text()), "xl/workbook.xml")
    with pytest.raises(InputError) as info:
        sniff_format(repackaged(data, spreadsheet), ".xlsx")
    assert info.value.kind == "unsupported_format"


_TRANSITIONAL_URI = re.compile(rb"http://schemas\.openxmlformats\.org/(?!package/)(\w+)/2006/(\w+)")


def _as_strict(data: bytes) -> bytes:
    """The .docx ``data`` as Word's "Strict Open XML Document" writes it: the same XML in the
    purl.oclc.org namespaces (and relationship types)."""

    def strict(member: str, content: bytes) -> list[tuple[str, bytes]]:
        if member.endswith((".xml", ".rels")):
            content = _TRANSITIONAL_URI.sub(rb"http://purl.oclc.org/ooxml/\1/\2", content)
        return [(member, content)]

    return repackaged(data, strict)


def test_a_strict_open_xml_document_is_read_as_the_same_document() -> None:
    data = make_docx(sample_text())
    strict = _as_strict(data)
    assert b"purl.oclc.org/ooxml/wordprocessingml/main" in zipfile.ZipFile(io.BytesIO(strict)).read(
        "word/document.xml"
    )
    assert read_docx(strict).text == read_docx(data).text
    moved = _as_strict(_with_main_part_at(data, "word/document2.xml"))
    assert sniff_format(moved, ".docx") == "docx"
    assert read_docx(moved).text == read_docx(data).text


def _hidden_text_docx(hidden_lines: dict[str, str]) -> bytes:
    """The sample report with, after its title, a paragraph per entry of ``hidden_lines``
    (text -> how it is hidden: run, paragraph_style, character_style, in_cell, shown)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    hidden_paragraph = d.styles.add_style("隐藏段落", WD_STYLE_TYPE.PARAGRAPH)
    hidden_paragraph.font.hidden = True
    based_on_it = d.styles.add_style("隐藏段落的子样式", WD_STYLE_TYPE.PARAGRAPH)
    based_on_it.base_style = hidden_paragraph
    hidden_characters = d.styles.add_style("隐藏字符", WD_STYLE_TYPE.CHARACTER)
    hidden_characters.font.hidden = True
    lines = sample_text().splitlines()
    d.add_paragraph(lines[0])
    for text, how in hidden_lines.items():
        if how == "run":
            d.add_paragraph("可见").add_run(text).font.hidden = True
        elif how == "paragraph_style":
            d.add_paragraph(text, style=based_on_it)
        elif how == "character_style":
            d.add_paragraph().add_run(text, style=hidden_characters)
        elif how == "in_cell":
            d.add_table(rows=1, cols=2).cell(0, 1).add_paragraph().add_run(text).font.hidden = True
        elif how == "shown":  # hidden by its style, shown by its own formatting
            d.add_paragraph(style=hidden_paragraph).add_run(text).font.hidden = False
    for line in lines[1:]:
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_hidden_text_is_not_read() -> None:
    text = read_docx(
        _hidden_text_docx(
            {
                "隐藏的文字甲": "run",
                "隐藏的文字乙": "paragraph_style",
                "隐藏的文字丙": "character_style",
                "隐藏的文字丁": "in_cell",
                "显示的文字戊": "shown",
            }
        )
    ).text
    assert "隐藏的文字" not in text
    assert "可见" in text and "显示的文字戊" in text


def test_a_hidden_problems_section_does_not_complete_a_report(tmp_path: Path) -> None:
    import docx

    lines = (FIXTURES / "trap_no_problems.txt").read_text(encoding="utf-8").splitlines()
    plan = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    hidden = ["二、存在的不足和原因", "一是执法人员专业能力有待提高，原因是培训不够系统。"]
    d = docx.Document()
    for line in lines[:plan]:
        d.add_paragraph(line)
    for line in hidden:
        d.add_paragraph().add_run(line).font.hidden = True
    d.add_paragraph("三、" + lines[plan][2:])
    for line in lines[plan + 1 :]:
        d.add_paragraph(line)
    path = tmp_path / "hidden.docx"
    d.save(str(path))
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["verdict"] == "incomplete"
    assert {p["id"]: p["status"] for p in result["parts"]}["problems"] == "missing"


def _with_header_and_footer() -> bytes:
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "示例县司法局"
    d.sections[0].footer.paragraphs[0].text = "第1页"
    for line in sample_text().splitlines():
        d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_elements_in_every_part_python_docx_parses_are_bounded() -> None:
    # 800,000 tiny elements in the header and as many in the footer: each part under the size
    # a ratio is checked at, together past the bound (12 million took 1.6 GB)
    def padded(member: str, content: bytes) -> list[tuple[str, bytes]]:
        if member in ("word/header1.xml", "word/footer1.xml"):
            root_end = content.rindex(b"</w:")
            content = content[:root_end] + b"<a/>" * 800_000 + content[root_end:]
        return [(member, content)]

    with pytest.raises(InputError, match="XML elements") as info:
        read_docx(repackaged(_with_header_and_footer(), padded))
    assert info.value.kind == "too_complex"


def test_a_picture_is_not_counted_as_elements() -> None:
    def with_picture(member: str, content: bytes) -> list[tuple[str, bytes]]:
        picture = b"\x89PNG\r\n\x1a\n" + b"<" * 1_600_000  # a flat grey picture's bytes
        extra = [("word/media/image9.png", picture)] if member == "word/document.xml" else []
        return [(member, content), *extra]

    data = repackaged(make_docx(sample_text()), with_picture)
    assert read_docx(data).text == read_docx(make_docx(sample_text())).text
