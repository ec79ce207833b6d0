"""Tables a PDF draws with ruling lines (reading/pdf_tables.py): merged cells at the grid's
edges, a grid whose rules do not part every column, a table in one column of a two-column page,
and a letterhead picture on every page."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from fzcheck.document import PICTURE
from fzcheck.reading import load
from fzcheck.reading.layout import Piece
from fzcheck.reading.pdf_tables import CUT, Rule, grids, rows_across_pages, table_lines
from tests.reading.makers import cjk_font

needs_font = pytest.mark.skipif(cjk_font() is None, reason="no CJK font for PDFium")


def _grid_rules(
    xs: list[float], ys: list[float], open_below: set[tuple[int, int]]
) -> tuple[list[Rule], list[Rule]]:
    """A grid's rules, cell by cell; ``open_below`` (row, column): no rule under that cell."""
    horizontal = [
        Rule(y, xs[j], xs[j + 1])
        for i, y in enumerate(ys)
        for j in range(len(xs) - 1)
        if (i - 1, j) not in open_below
    ]
    vertical = [Rule(x, ys[0], ys[-1]) for x in xs]
    return horizontal, vertical


def test_a_cell_merged_down_the_last_column_is_one_cell() -> None:
    """The right and bottom borders are rules of the grid's last lines: a cell merged down the
    last column (its 总计 over two rows) is one cell, given in each of its rows."""
    xs, ys = [0.0, 50.0, 100.0, 150.0], [0.0, 20.0, 40.0, 60.0]
    (grid,) = grids(*_grid_rules(xs, ys, {(1, 2)}))
    assert grid.cell_of[(1, 2)] == grid.cell_of[(2, 2)] != grid.cell_of[(0, 2)]
    pieces = [
        Piece(5, 15, 10, 20, "甲"),
        Piece(25, 35, 10, 20, "乙"),
        Piece(25, 35, 60, 70, "1"),
        Piece(45, 55, 10, 20, "丙"),
        Piece(45, 55, 60, 70, "2"),
        Piece(35, 45, 110, 120, "总"),
    ]
    assert table_lines(grid, pieces) == ["| 甲 |  |  |", "乙 | 1 | 总", "丙 | 2 | 总"]


def test_figures_a_column_apart_in_one_cell_are_no_cell() -> None:
    """A table ruled between its rows only: its figures stand in one grid cell a column apart —
    read as one text they ran together (15, 3, 18 as 15318), so the grid is no table."""
    xs, ys = [0.0, 80.0, 260.0], [0.0, 20.0, 40.0]
    (grid,) = grids(*_grid_rules(xs, ys, set()))
    row = [Piece(25, 35, 5, 15, "甲"), Piece(25, 35, 100, 110, "1"), Piece(25, 35, 160, 170, "3")]
    assert table_lines(grid, row) is None


def test_text_on_ruled_paper_is_no_table() -> None:
    """Letter paper, a rule under each line and a margin line: each cell a line of running
    text, punctuated as sentences — no table, read line by line."""
    xs, ys = [0.0, 30.0, 400.0], [0.0, 20.0, 40.0, 60.0]
    (grid,) = grids(*_grid_rules(xs, ys, set()))
    words = "全面推进依法行政，严格规范公正文明执法。"
    pieces = [
        Piece(5 + 20 * i, 15 + 20 * i, 40 + 10 * k, 50 + 10 * k, ch)
        for i in range(3)
        for k, ch in enumerate(words)
    ]
    assert table_lines(grid, pieces) is None


def test_a_fine_grid_over_running_text_is_no_table() -> None:
    """A grid finer than the text (a 稿纸-like background): a line's characters run on across
    the cells' borders, no padding between them."""
    xs = [10.0 * k for k in range(21)]
    ys = [0.0, 20.0, 40.0]
    (grid,) = grids(*_grid_rules(xs, ys, set()))
    pieces = [Piece(5, 15, 3 + 9.5 * k, 12.5 + 9.5 * k, "字") for k in range(18)]
    assert table_lines(grid, pieces) is None


def test_a_cell_merged_down_many_rows_is_given_once_when_copies_would_swell_the_text() -> None:
    """A cell merged down two hundred rows: given in each, its text would be copied two hundred
    times (a page of them, ten pages, past any report's length) — given once then."""
    rows = 200
    xs, ys = [0.0, 100.0, 150.0], [10.0 * i for i in range(rows + 1)]
    open_below = {(i, 0) for i in range(rows - 1)}
    (grid,) = grids(*_grid_rules(xs, ys, open_below))
    label = [Piece(990, 995, 5 + 5 * k, 9 + 5 * k, "甲") for k in range(18)]
    values = [Piece(10 * i + 3, 10 * i + 7, 120, 124, str(i % 10)) for i in range(rows)]
    lines = table_lines(grid, [*label, *values])
    assert lines is not None and len(lines) == rows
    assert sum(line.count("甲") for line in lines) == 18


def _pdf(story: list[Any], header: Any = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    kwargs = {"onFirstPage": header, "onLaterPages": header} if header else {}
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story, **kwargs)
    return out.getvalue()


def _style(size: float = 10) -> Any:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return ParagraphStyle("b", fontName="STSong-Light", fontSize=size, leading=size * 1.5)


@needs_font
def test_a_table_ruled_between_rows_only_keeps_its_figures_apart(tmp_path: Path) -> None:
    from reportlab.platypus import Paragraph, Table, TableStyle

    rows = [["项目", "本年新收", "上年结转", "总计"], ["行政复议", "15", "3", "18"]]
    style = [
        ("FONT", (0, 0), (-1, -1), "STSong-Light", 10),
        ("BOX", (0, 0), (-1, -1), 0.5, "black"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, "black"),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, "black"),
    ]
    table = Table(rows, colWidths=[80, 60, 60, 60], style=TableStyle(style))
    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf([Paragraph("行政复议应诉情况", _style()), table]))
    lines = load(str(path)).lines
    assert not any("15318" in line for line in lines)
    assert any(line.split()[-3:] == ["15", "3", "18"] for line in lines), lines


@needs_font
def test_a_table_in_one_column_of_two_is_read_where_it_stands(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Table,
    )

    width, height = A4
    margin, gutter = 50.0, 20.0
    column = (width - 2 * margin - gutter) / 2
    frames = [
        Frame(margin, height - margin - 560, column, 560, id="left"),
        Frame(margin + column + gutter, height - margin - 560, column, 560, id="right"),
    ]
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=A4, invariant=1)
    document.addPageTemplates([PageTemplate(id="page", frames=frames)])
    words = "全面贯彻落实党中央、国务院关于法治政府建设的决策部署，扎实推进各项工作。" * 2
    story: list[Any] = [Paragraph(f"左栏第{i}段。{words}", _style()) for i in range(1, 9)]
    story += [FrameBreak(), Paragraph(f"右栏第1段。{words}", _style())]
    grid = [("FONT", (0, 0), (-1, -1), "STSong-Light", 9), ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    story += [Table([["项目", "数量"], ["行政复议", "3"]], colWidths=[100, 60], style=grid)]
    story += [Paragraph(f"右栏第{i}段。{words}", _style()) for i in range(2, 5)]
    document.build(story)
    path = tmp_path / "r.pdf"
    path.write_bytes(out.getvalue())
    lines = load(str(path)).lines
    at = lines.index("行政复议 | 3")
    assert lines[at - 2].startswith("右栏第1段") and lines[at + 1].startswith("右栏第2段")
    assert [line[:5] for line in lines if "栏第" in line] == [
        *(f"左栏第{i}段" for i in range(1, 9)),
        *(f"右栏第{i}段" for i in range(1, 5)),
    ]


@needs_font
def test_a_letterhead_picture_on_every_page_is_no_picture_of_the_text(tmp_path: Path) -> None:
    from PIL import Image as Picture
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph

    banner = tmp_path / "banner.png"
    Picture.new("RGB", (800, 100), "red").save(banner)

    def header(canvas: Any, _: Any) -> None:
        canvas.drawImage(str(banner), 2.5 * cm, A4[1] - 2.4 * cm, width=16 * cm, height=2 * cm)

    words = "全面贯彻落实党中央、国务院关于法治政府建设的决策部署，扎实推进各项工作。" * 12
    story = [Paragraph(f"（{i}）{words}", _style(12)) for i in range(1, 10)]
    path = tmp_path / "r.pdf"
    path.write_bytes(_pdf(story, header))
    lines = load(str(path)).lines
    assert PICTURE not in lines
    assert len(lines) == 9  # each paragraph whole, over the page breaks


def _drawn_table(
    rows: list[list[str]],
    widths: list[float],
    boxes: bool = False,
    page_break_before: int | None = None,
) -> bytes:
    """A table drawn on a canvas as programs draw one: its borders a column's width at a time
    (a row of fewer cells than columns has its last merged across the rest, no rule inside
    it), or each cell a box of its own (``boxes``); rows from ``page_break_before`` on, on the
    next page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    canvas.setLineWidth(0.75)
    xs = [60.0]
    for w in widths:
        xs.append(xs[-1] + w)
    top, height = 760.0, 20.0
    for i, row in enumerate(rows):
        if i == page_break_before:
            canvas.showPage()
            canvas.setLineWidth(0.75)
            top = 760.0
        canvas.setFont("STSong-Light", 10)
        spans = [(j, j + 1) for j in range(len(row) - 1)] + [(len(row) - 1, len(widths))]
        for (a, b), words in zip(spans, row, strict=True):
            canvas.drawString(xs[a] + 3, top - 14, words)
            if boxes:
                canvas.rect(xs[a], top - height, xs[b] - xs[a], height)
                continue
            for j in range(a, b):  # above and below, a column at a time
                canvas.line(xs[j], top, xs[j + 1], top)
                canvas.line(xs[j], top - height, xs[j + 1], top - height)
            canvas.line(xs[a], top, xs[a], top - height)
            canvas.line(xs[b], top, xs[b], top - height)
        top -= height
    canvas.save()
    return out.getvalue()


_DECISIONS = [
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政许可", "1286"],
    ["行政处罚", "35"],
    ["行政事业性收费", "12.35"],
]


@needs_font
def test_a_figure_given_once_across_three_columns_stays_in_its_row(tmp_path: Path) -> None:
    """Borders drawn a column's width at a time: under a cell merged across three columns the
    rule's middle piece crosses no rule of its own — it is still the table's, and each row's
    figure its own (1286, 35 and 12.35 had been read as one 128635212.35 in every row)."""
    path = tmp_path / "t.pdf"
    path.write_bytes(_drawn_table(_DECISIONS, [110, 80, 80, 80]))
    lines = load(str(path)).lines
    assert [line for line in lines if line.startswith("行政")] == [
        "行政许可 | 1286",
        "行政处罚 | 35",
        "行政事业性收费 | 12.35",
    ]


@needs_font
def test_a_tables_last_row_alone_on_the_next_page_is_a_row(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    path.write_bytes(_drawn_table(_DECISIONS, [110, 80, 80, 80], page_break_before=4))
    assert "行政事业性收费 | 12.35" in load(str(path)).lines


@needs_font
def test_a_form_whose_cells_are_boxes_of_their_own_is_read_by_its_cells(tmp_path: Path) -> None:
    """A form a program draws cell by cell as rectangles (not lines): its label and its text
    a row, as when its borders are lines; a head ruled round as a whole keeps its words
    apart."""
    rows = [
        ["项目          内容"],
        ["填报单位", "青山县司法局"],
        ["存在的不足和原因", "一是基层力量薄弱。"],
    ]
    path = tmp_path / "t.pdf"
    path.write_bytes(_drawn_table(rows, [120, 300], boxes=True))
    lines = load(str(path)).lines
    assert "项目  内容" in lines
    assert "填报单位 | 青山县司法局" in lines
    assert "存在的不足和原因 | 一是基层力量薄弱。" in lines


def _joined_pages(*pages: list[str]) -> list[list[str]]:
    paged = [list(page) for page in pages]
    rows_across_pages(paged)
    return paged


def test_a_row_a_page_break_split_is_joined_cell_by_cell() -> None:
    """A narrow label cell wrapped over the break: its tail and the row's empty figure cells
    open the next page (past the header rows it repeats)."""
    header = "项目 | 自然人 | 总计"
    paged = _joined_pages(
        [header, "（四）无法提供 1.本机关不掌握 | 8 | 11", f"2.没有现{CUT} | 1 | 1"],
        [header, "| 成信息需要另行制作 |  |  |", "3.补正后申请内容仍不明确 | 1 | 1"],
    )
    assert paged[0][-1] == "2.没有现成信息需要另行制作 | 1 | 1"
    assert paged[1] == [header, "3.补正后申请内容仍不明确 | 1 | 1"]


def test_a_row_whose_figures_are_below_the_break_is_joined() -> None:
    paged = _joined_pages([f"| 2.没有现{CUT} |  |  |"], ["成信息需要另行制作 | 1 | 1"])
    assert paged == [["2.没有现成信息需要另行制作 | 1 | 1"], []]


def test_a_forms_text_running_on_to_the_next_page_is_joined() -> None:
    paged = _joined_pages(
        [f"下一年度主要安排 | 2026年，一是加强队伍建设；{CUT}"],
        ["|  | 二是推进执法规范化。 |", "其他需要报告的情况 | 无。"],
    )
    assert paged == [
        ["下一年度主要安排 | 2026年，一是加强队伍建设；二是推进执法规范化。"],
        ["其他需要报告的情况 | 无。"],
    ]


@pytest.mark.parametrize(
    ("last", "first"),
    [
        # its label cut at its cell's edge (CUT), but the next row opens with its own number
        (f"2.重复申请{CUT} | 1 | 1", "| 3.要求提供公开出版物 |  |  |"),  # a blank row
        (f"2.重复申请{CUT} | 1 | 1", "3.要求提供公开出版物 | 0 | 0"),  # figures both sides
        (f"项目{CUT} | 自然人{CUT} | 总计{CUT}", "一、本年新收 | 40 | 53"),  # a header, a row
        (f"填报单位{CUT} | 青山县司法局{CUT}", "主要举措和成效 | 一是…"),  # a form's next row
        (f"2.重复申请{CUT} | 1 | 1", "注：本表数据截至12月31日。"),  # no row
        # a label whole in its cell, over a row whose zeros a unit left blank
        ("行政许可 | 1286", "| 行政处罚 |  |"),
    ],
)
def test_rows_on_either_side_of_a_break_that_are_rows_of_their_own_stay_apart(
    last: str, first: str
) -> None:
    assert _joined_pages([last], [first]) == [[last.replace(CUT, "")], [first]]


def test_a_cell_at_the_tables_foot_is_marked_cut_only_where_its_text_reaches_its_edge() -> None:
    """行政许可 whole in its cell is no text running on over a page break; 2.没有现 filling
    its cell's width may be."""
    ys = [0.0, 20.0, 40.0]
    (grid,) = grids(*_grid_rules([0.0, 80.0, 130.0], ys, set()))
    label = [Piece(25, 35, 2 + 10 * k, 12 + 10 * k, ch) for k, ch in enumerate("行政许可")]
    rows = table_lines(grid, [Piece(5, 15, 2, 12, "甲"), *label, Piece(25, 35, 100, 105, "1")])
    assert rows == ["| 甲 |  |", "行政许可 | 1"]
    (grid,) = grids(*_grid_rules([0.0, 50.0, 100.0], ys, set()))
    label = [Piece(25, 35, 2 + 9.5 * k, 11.5 + 9.5 * k, ch) for k, ch in enumerate("没有现成信")]
    rows = table_lines(grid, [Piece(5, 15, 2, 12, "甲"), *label, Piece(25, 35, 60, 65, "1")])
    assert rows == ["| 甲 |  |", f"没有现成信{CUT} | 1"]


@needs_font
def test_a_row_split_over_a_page_break_in_a_pdf_is_one_row(tmp_path: Path) -> None:
    # a narrow label column: 2.没有现 fills its cell, the rest of its label on the next page
    rows = [
        ["（四）无法提供", "1.不掌握", "8", "11"],
        ["", "2.没有现", "1", "1"],
        ["", "成信息需", "", ""],
        ["", "3.补正后", "1", "1"],
    ]
    path = tmp_path / "t.pdf"
    path.write_bytes(_drawn_table(rows, [80, 46, 40, 40], page_break_before=2))
    lines = load(str(path)).lines
    assert "|  | 2.没有现成信息需 | 1 | 1 |" in lines
    assert "|  | 3.补正后 | 1 | 1 |" in lines


@needs_font
def test_a_form_of_labels_beside_prose_is_read_by_its_cells(tmp_path: Path) -> None:
    """A 法治 report as a form (label | its text): the text is running prose, as letter
    paper's is, but each row has its label — read row by row, not line by line (a narrow
    label's wrapped 效 and 原因 had landed among its text's lines)."""
    from reportlab.platypus import Paragraph, Table

    words = "全面推进依法行政，严格规范公正文明执法，行政复议案件审结率达到百分之百。" * 3
    # (the law's wording of the leaders' part has a comma in it: a label still)
    leaders = "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    labels = ["主要举措和成效", "存在的不足和原因", leaders, "下一年度主要安排"]
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    table = Table(
        [[Paragraph(label, _style()), Paragraph(words, _style())] for label in labels],
        colWidths=[60, 380],
        style=style,
    )
    path = tmp_path / "form.pdf"
    path.write_bytes(_pdf([table]))
    lines = load(str(path)).lines
    assert lines == [f"{label} | {words}" for label in labels]


# One path drawing many subpaths (pdf_tables._batched_rules): each subpath's points on the page
# (PDF coordinates, y up), as pdf_tables._subpaths gives them.
def _bar(x0: float, y0: float, x1: float, y1: float) -> tuple[list[float], list[float]]:
    return [x0, x1, x1, x0], [y0, y0, y1, y1]


def _line(x0: float, y0: float, x1: float, y1: float) -> tuple[list[float], list[float]]:
    return [x0, x1], [y0, y1]


def _table_bars() -> list[tuple[list[float], list[float]]]:
    rows = [700.0, 680.0, 660.0, 640.0]
    columns = [100.0, 200.0, 300.0, 400.0]
    return [_bar(100, y, 400, y + 0.5) for y in rows] + [
        _bar(x, 640, x + 0.5, 700) for x in columns
    ]


def test_a_tables_bars_drawn_as_one_path_are_its_rules() -> None:
    from fzcheck.reading.pdf_tables import _batched_rules

    horizontal, vertical = _batched_rules(_table_bars(), outlined=False)
    assert len(horizontal) == 4 and len(vertical) == 4
    assert len(grids(horizontal, vertical)) == 1


def test_cells_outlined_in_one_stroked_path_are_a_grid() -> None:
    from fzcheck.reading.pdf_tables import _batched_rules

    cells = [
        ([x, x + 100, x + 100, x], [y, y, y + 20, y + 20])
        for x in (100.0, 200.0, 300.0)
        for y in (640.0, 660.0, 680.0)
    ]
    horizontal, vertical = _batched_rules(cells, outlined=True)
    assert len(grids(horizontal, vertical)) == 1
    assert _batched_rules(cells, outlined=False) == ([], [])  # filled boxes: shaded, no borders


@pytest.mark.parametrize(
    "decoration",
    [
        # stripes behind a table: bars one way only
        [_bar(80, y, 420, y + 0.4) for y in range(600, 720, 6)],
        # a writing paper's lines and its margin line
        [_line(60, y, 540, y) for y in range(100, 700, 18)] + [_line(90, 80, 90, 720)],
        # a page's border
        [
            _line(40, 40, 560, 40),
            _line(40, 800, 560, 800),
            _line(40, 40, 40, 800),
            _line(560, 40, 560, 800),
        ],
        # a chart: gridlines, its axis, and ticks crossing the axis only
        [_line(100, y, 400, y) for y in (300, 330, 360, 390)]
        + [_line(100, 300, 100, 400)]
        + [_line(x, 295, x, 305) for x in (150, 200, 250, 300, 350)],
    ],
)
def test_a_decoration_drawn_as_one_path_is_no_rules(
    decoration: list[tuple[list[float], list[float]]],
) -> None:
    """Taken for rules, a decoration batched into one path joined the grid of a table beside
    it (stripes crossing table 三's columns left it unreadable and its wrong sum unflagged)."""
    from fzcheck.reading.pdf_tables import _batched_rules

    assert _batched_rules(decoration, outlined=True) == ([], [])
