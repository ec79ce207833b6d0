""".docx headings Word keeps out of the text: a report framed in a table's one cell, numbers
Word writes (numbering.xml) and outline levels a unit's own heading styles set."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from fzcheck.pipeline import check_path
from fzcheck.reading.docx import read_docx
from fzcheck.rubric import Catalog
from tests.helpers import SAMPLE

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TOP = re.compile(r"^[一二三四五六七八九十]、")
_REQUIRED = ("achievements", "problems", "leader_duties", "next_year_plan")


def _sample_lines() -> list[str]:
    return [line for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _add_list(document: Any, levels: list[tuple[str, str]], num_id: int) -> int:
    """A list in numbering.xml whose level i shows ``levels[i]`` (w:numFmt, w:lvlText)."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (number_format, text) in enumerate(levels)
    )
    numbering.append(
        parse_xml(f'<w:abstractNum {_W} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    )
    return num_id


def _number(paragraph: Any, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _saved(document: Any, path: Path) -> Path:
    document.save(str(path))
    return path


def _statuses(path: Path) -> dict[str, str]:
    result = check_path(str(path), Catalog.load()).to_json()
    return {p["id"]: p["status"] for p in result["parts"]}


def test_a_report_framed_in_one_cell_is_read_as_paragraphs_with_their_headings(
    tmp_path: Path,
) -> None:
    """A report set whole in a one-cell table (a bordered frame), its section headings numbered
    by Word: the cell was read as one line, title, headings and signature run together."""
    import docx

    lines = _sample_lines()
    d = docx.Document()
    top = _add_list(d, [("chineseCounting", "%1、")], 31)
    frame = d.add_table(rows=1, cols=1).cell(0, 0)
    frame.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        if _TOP.match(line):
            _number(frame.add_paragraph(line[2:]), top, 0)
        else:
            frame.add_paragraph(line)
    figures = frame.add_table(rows=2, cols=2)  # a table of figures inside the frame
    for r, (label, value) in enumerate([("指标", "数值"), ("调解成功率", "96.9%")]):
        figures.cell(r, 0).text, figures.cell(r, 1).text = label, value
    path = _saved(d, tmp_path / "frame.docx")

    extracted = read_docx(path.read_bytes())
    read = extracted.text.split("\n")
    assert read[0] == lines[0]
    assert read[-4:] == [lines[-2], lines[-1], "指标 | 数值", "调解成功率 | 96.9%"]
    headings = [line[2:] for line in lines if _TOP.match(line)]
    assert [read[i] for i in sorted(extracted.styled)] == headings
    assert set(extracted.styled.values()) == {1}
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["document"]["title"] == lines[0]
    assert result["document"]["issuer"] == lines[-2]
    assert result["document"]["signed_on"] == "2026-02-10"
    assert result["verdict"] == "complete"
    assert all(_statuses(path)[part] == "present" for part in _REQUIRED)


def test_a_one_column_table_is_read_a_paragraph_a_line() -> None:
    """A 版记 set in a table of one column, a row per line: each cell's paragraphs are lines,
    not joined; a table with two columns is still read a row a line."""
    import docx

    d = docx.Document()
    record = d.add_table(rows=2, cols=1)
    record.cell(0, 0).text = "抄送：县委办公室。"
    record.cell(1, 0).text = "示例县司法局办公室"
    record.cell(1, 0).add_paragraph("2026年2月11日印发")
    out = io.BytesIO()
    d.save(out)
    assert read_docx(out.getvalue()).text.split("\n") == [
        "抄送：县委办公室。",
        "示例县司法局办公室",
        "2026年2月11日印发",
    ]


def test_auto_numbers_rank_as_the_same_numbers_typed_would() -> None:
    """Word's number for a list level (numbering.xml) gives the heading its kind: 一、 above
    （一） above 1. above （1）/①; a number no typed marker spells (a bullet, 1.1) and a list
    numbering.xml does not define rank below 一、 by their level, as before."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    levels = [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
        ("decimal", "（%4）"),
        ("decimalEnclosedCircle", "%5"),
        ("decimal", "%5.%6"),
    ]
    outline = _add_list(d, levels, 41)
    bullets = _add_list(d, [("bullet", "•")], 42)
    overridden = _add_list(d, [("decimal", "%1.")], 43)
    d.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {_W} w:numId="44"><w:abstractNumId w:val="43"/>'
            '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="ideographTraditional"/>'
            '<w:lvlText w:val="（%1）"/></w:lvl></w:lvlOverride></w:num>'
        )
    )
    numbered = [(outline, i) for i in range(len(levels))]
    numbered += [(bullets, 0), (overridden, 0), (44, 0), (99, 1)]  # 99: not in numbering.xml
    for k, (num_id, ilvl) in enumerate(numbered):
        _number(d.add_paragraph(f"标题{k}"), num_id, ilvl)
    out = io.BytesIO()
    d.save(out)
    styled = read_docx(out.getvalue()).styled
    assert [styled[k] for k in range(len(numbered))] == [1, 2, 3, 4, 4, 7, 2, 3, 2, 3]


def _auto_numbered_report(path: Path) -> Path:
    """The sample report with Word numbering its 一、 headings and the （一） under them typed;
    the leader's duties only a typed （五） under section 一, and the plan headed 下一步工作安排,
    its year named under its typed （一）."""
    import docx

    lines = _sample_lines()
    problems = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    leader = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    body = [*lines[:problems], "（五）" + lines[leader][2:], lines[leader + 1]]
    body += lines[problems:leader] + lines[leader + 2 :]
    d = docx.Document()
    top = _add_list(d, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")], 51)
    for line in body:
        if _TOP.match(line):
            heading = "下一步工作安排" if line.startswith("四、") else line[2:]
            _number(d.add_paragraph(heading), top, 0)
        else:
            d.add_paragraph(line)
    return _saved(d, path)


def test_an_auto_numbered_section_ranks_above_its_typed_sub_headings(tmp_path: Path) -> None:
    """Word's 一、 ranked with the typed （一） under it: the leader's （五） inside section 一 read
    as a section of its own (present, not embedded), and the plan's （一）, naming 2026, as its
    sibling, leaving the plan with no text."""
    path = _auto_numbered_report(tmp_path / "numbered.docx")
    text = read_docx(path.read_bytes()).text
    assert "（五）党政主要负责人" in text and "\n下一步工作安排\n" in text
    result = check_path(str(path), Catalog.load()).to_json()
    parts = {p["id"]: p for p in result["parts"]}
    assert {k: parts[k]["status"] for k in _REQUIRED} == {
        "achievements": "present",
        "problems": "present",
        "leader_duties": "embedded",
        "next_year_plan": "present",
    }
    plan_checks = {c["id"]: c["passed"] for c in parts["next_year_plan"]["checks"]}
    assert plan_checks["names_next_year"]


def _styles_with_outline(document: Any) -> None:
    """A unit's own heading styles: 一级标题 based on 标题基础, which sets outline level 1;
    二级标题 based on 编号基础, which numbers with （%2）; 甲样式 and 乙样式 based on each other."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    num_id = _add_list(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）")], 61)
    styles = document.styles
    base = styles.add_style("标题基础", WD_STYLE_TYPE.PARAGRAPH)
    base.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {_W} w:val="0"/>'))
    styles.add_style("一级标题", WD_STYLE_TYPE.PARAGRAPH).base_style = base
    numbered = styles.add_style("编号基础", WD_STYLE_TYPE.PARAGRAPH)
    numbered.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W}><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/></w:numPr>')
    )
    styles.add_style("二级标题", WD_STYLE_TYPE.PARAGRAPH).base_style = numbered
    first = styles.add_style("甲样式", WD_STYLE_TYPE.PARAGRAPH)
    second = styles.add_style("乙样式", WD_STYLE_TYPE.PARAGRAPH)
    second.base_style = first
    first.base_style = second


_LAW_LEADER = "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"


def _styled_report(path: Path, others: bool) -> Path:
    """The sample report, its section headings in 一级标题 with no number typed, the leader's
    in the law's wording; with ``others``, lines in the other styles after it."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    _styles_with_outline(d)
    for line in _sample_lines():
        if line.startswith("三、"):
            d.add_paragraph(_LAW_LEADER, style="一级标题")
        elif _TOP.match(line):
            d.add_paragraph(line[2:], style="一级标题")
        else:
            d.add_paragraph(line)
    if others:
        d.add_paragraph("健全依法决策机制", style="二级标题")
        body_text = d.add_paragraph("本段为正文", style="一级标题")
        body_text._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {_W} w:val="9"/>'))
        d.add_paragraph("正文" * 31, style="一级标题")
        d.add_paragraph("究其原因，主要是投入有限。", style="一级标题")  # a sentence, not a heading
        d.add_paragraph("循环样式", style="甲样式")
    return _saved(d, path)


def test_outline_levels_and_numbers_set_in_a_style_it_is_based_on_make_headings(
    tmp_path: Path,
) -> None:
    """Nothing on the paragraph, the level in the style's base style: the leader's heading in
    the law's wording (a comma in it, so no bare line reads as a heading) was no heading, and
    the part only embedded. A paragraph's own outline level 9 (body text) overrides its style;
    a paragraph too long for a heading, or a sentence however short (a body style based on a
    heading style), gets no level from a style; a loop of basedOn ends."""
    extracted = read_docx(_styled_report(tmp_path / "others.docx", others=True).read_bytes())
    read = extracted.text.split("\n")
    by_line = {read[i]: level for i, level in extracted.styled.items()}
    headings = [
        _LAW_LEADER if line.startswith("三、") else line[2:]
        for line in _sample_lines()
        if _TOP.match(line)
    ]
    assert by_line == {**dict.fromkeys(headings, 1), "健全依法决策机制": 2}
    statuses = _statuses(_styled_report(tmp_path / "report.docx", others=False))
    assert all(statuses[part] == "present" for part in _REQUIRED)


def _report_with(path: Path, shape: Any) -> Path:
    """The sample report in Word, each line a paragraph, ``shape(document, line)`` adding it."""
    import docx

    d = docx.Document()
    for line in _sample_lines():
        shape(d, line)
    return _saved(d, path)


def _break(paragraph: Any, kind: str | None) -> None:
    from docx.oxml import parse_xml

    typed = f' w:type="{kind}"' if kind else ""
    paragraph._p.append(parse_xml(f"<w:r {_W}><w:br{typed}/></w:r>"))


def test_a_page_or_column_break_inside_a_paragraph_starts_a_line(tmp_path: Path) -> None:
    """A converter's or WPS's page break inside the paragraph before 二、: Word starts the heading
    on the next page; read as one line with the paragraph before it, the section was lost."""
    kinds = iter(["page", "column", "page"])

    def shape(d: Any, line: str) -> None:
        if _TOP.match(line) and not line.startswith("一、"):
            p = d.paragraphs[-1]
            _break(p, next(kinds, "page"))
            p.add_run(line)
        else:
            d.add_paragraph(line)

    path = _report_with(tmp_path / "breaks.docx", shape)
    assert all(s == "present" for k, s in _statuses(path).items() if k in _REQUIRED)


def test_a_heading_broken_by_hand_is_one_heading(tmp_path: Path) -> None:
    """二、存在的<br/>不足和原因 (typed) and a Heading 2 broken the same way: one heading each, not
    存在的 over a line 不足和原因; a heading with its first words of text after a break (a figure
    in them) is still two lines."""

    def shape(d: Any, line: str) -> None:
        if "其他需要报告" in line:
            p = d.add_paragraph(line)
            _break(p, None)
            p.add_run("全年收到建议12件")
        elif _TOP.match(line) and len(line) > 10:
            p = d.add_paragraph(line[:9], style="Heading 2" if line.startswith("三") else None)
            _break(p, None)
            p.add_run(line[9:])
        else:
            d.add_paragraph(line)

    path = _report_with(tmp_path / "wrapped.docx", shape)
    lines = read_docx(path.read_bytes()).text.splitlines()
    tops = [line for line in _sample_lines() if _TOP.match(line) and len(line) > 8]
    assert all(line in lines for line in tops)
    result = check_path(str(path), Catalog.load()).to_json()
    headings = {p["id"]: p["heading"] for p in result["parts"]}
    assert headings["problems"] == "2025年推进法治政府建设存在的不足和原因"
    assert "全年收到建议12件" in lines and headings["other"] == "其他需要报告的情况"


def test_a_long_auto_numbered_heading_and_a_body_paragraph_with_an_outline_level(
    tmp_path: Path,
) -> None:
    """The law's own 41-character wording, numbered by Word, is a heading as typed it is; a
    body paragraph WPS left an outline level on (究其原因，…。) is not one (its causes were read
    as a heading, and the section had none)."""
    from docx.oxml import parse_xml

    top: list[int] = []
    long_heading = (
        "2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    )

    def shape(d: Any, line: str) -> None:
        if not top:
            top.append(_add_list(d, [("chineseCounting", "%1、")], 61))
        if line.startswith("三、"):
            _number(d.add_paragraph(long_heading), top[0], 0)
        elif "原因" in line and not _TOP.match(line):
            p = d.add_paragraph(line)
            p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {_W} w:val="0"/>'))
        else:
            d.add_paragraph(line)

    path = _report_with(tmp_path / "levels.docx", shape)
    result = check_path(str(path), Catalog.load()).to_json()
    parts = {p["id"]: p for p in result["parts"]}
    assert parts["leader_duties"]["status"] == "present"
    assert parts["leader_duties"]["heading"] == long_heading
    causes = next(c for c in parts["problems"]["checks"] if c["id"] == "gives_causes")
    assert causes["passed"], causes["message"]


def test_a_number_format_behind_its_fallback_is_read(tmp_path: Path) -> None:
    """Word 2010+ writes a custom format (一, 二, 三, ...) in mc:Choice with its standard form in
    mc:Fallback: the fallback's chineseCounting ranks the headings as 一、 (read as decimal 1、,
    they ranked under the typed （一）: four parts embedded in the first, in a probe's report)."""
    from docx.oxml import parse_xml

    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    top: list[int] = []

    def shape(d: Any, line: str) -> None:
        if not top:
            numbering = d.part.numbering_part.element
            numbering.append(
                parse_xml(
                    f'<w:abstractNum {_W} {mc} w:abstractNumId="71"><w:lvl w:ilvl="0">'
                    '<w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14">'
                    '<w:numFmt w:val="custom" w:format="一, 二, 三, ..."/></mc:Choice>'
                    '<mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback>'
                    '</mc:AlternateContent><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
                )
            )
            numbering.append(
                parse_xml(f'<w:num {_W} w:numId="71"><w:abstractNumId w:val="71"/></w:num>')
            )
            top.append(71)
        if _TOP.match(line):
            _number(d.add_paragraph(line[2:]), top[0], 0)
        elif line.startswith("（") and "。" in line:  # （一）健全依法决策机制 a line of its own
            heading, body = line.split("。", 1)
            d.add_paragraph(heading)
            d.add_paragraph(body)
        else:
            d.add_paragraph(line)

    path = _report_with(tmp_path / "fallback.docx", shape)
    assert set(read_docx(path.read_bytes()).styled.values()) == {1}  # as 一、, not as 1、
    assert all(s == "present" for k, s in _statuses(path).items() if k in _REQUIRED)


def test_numbers_word_never_writes_in_levels_and_spans_are_passed_over(tmp_path: Path) -> None:
    """An outline level, a list level or a cell's span written as ² or as 5,000 digits (a
    damaged or crafted file; str.isdigit() takes both, int() neither) is no level and no span:
    the report is read, not called damaged."""
    import docx
    from docx.oxml import parse_xml

    for value in ("²", "9" * 5000, "١"):
        d = docx.Document()
        num_id = _add_list(d, [("chineseCounting", "%1、")], 7)
        for line in _sample_lines():
            p = d.add_paragraph(line)
            if _TOP.match(line):
                p._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {_W} w:val="{value}"/>'))
        odd = d.add_paragraph("附：统计表")
        odd._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {_W}><w:ilvl w:val="{value}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )
        cell = d.add_table(rows=1, cols=2).rows[0].cells[0]
        cell.text = "事项"
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:gridSpan {_W} w:val="{value}"/>'))
        statuses = _statuses(_saved(d, tmp_path / "odd.docx"))
        assert all(statuses[p] == "present" for p in _REQUIRED), (value[:3], statuses)
