"""An OFD's ruled tables read by their rules, as a PDF's are: table 三 of the national template
converted to OFD the ways converters write it (each character an object, or a line's characters
one TextCode whose DeltaX jumps its cells, or each drawn twice for bold; each rule a stroked
line, a thin filled box, or a bar of one filled path drawing them all) reads
line for line as the PDF does. Read by position, its narrow label columns interleaved the cells
and the table was unreadable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from fzcheck.pipeline import check_source
from fzcheck.reading import load
from fzcheck.reading.ofd_rules import PT, page_rules
from fzcheck.rubric import Catalog
from tests.gip import reports as gip
from tests.reading.make_ofd import NS, ofd_from_pdf
from tests.reading.makers import cjk_font

needs_font = pytest.mark.skipif(cjk_font() is None, reason="no CJK font for PDFium")


@needs_font
@pytest.mark.parametrize("widths", [(14, 16, 60), (40, 60, 160)])
@pytest.mark.parametrize("written", ["chars", "boxes", "runs", "bold", "one"])
def test_table_three_in_an_ofd_reads_as_in_the_pdf(
    tmp_path: Path, widths: tuple[float, float, float], written: str
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(gip.template_pdf_bytes(label_widths=widths))
    ofd = tmp_path / "report.ofd"
    ofd.write_bytes(
        ofd_from_pdf(
            pdf.read_bytes(),
            boxes=written == "boxes",
            runs=written == "runs",
            bold=written == "bold",
            one=written == "one",
        )
    )
    lines, printed = load(str(ofd)).lines, load(str(pdf)).lines
    if written == "bold":  # (the body's paragraphs drawn twice are laid out as they were)
        lines, printed = [x for x in lines if "|" in x], [x for x in printed if "|" in x]
    assert lines == printed
    result = check_source(str(ofd), Catalog.load()).result.to_json()
    table = next(t for t in result["tables"] if t["id"] == "requests")
    assert table["status"] == "read", table["reason"]
    sums = next(c for c in result["checks"] if c["id"] == "tables_add_up")
    assert "全部成立" in sums["message"], sums["message"]


@needs_font
def test_a_wrong_cell_in_an_ofds_ruled_table_is_caught(tmp_path: Path) -> None:
    table = gip.values()
    table["disclosed"][0] += 1  # 予以公开 自然人 one over: its row's 总计 and the column's fail
    pdf = gip.template_pdf_bytes(table)
    ofd = tmp_path / "report.ofd"
    ofd.write_bytes(ofd_from_pdf(pdf))
    result = check_source(str(ofd), Catalog.load()).result.to_json()
    sums = next(c for c in result["checks"] if c["id"] == "tables_add_up")
    assert not sums["passed"] and "不成立" in sums["message"], sums["message"]


def _content(objects: str) -> Any:
    return etree.fromstring(
        f'<ofd:Page xmlns:ofd="{NS}"><ofd:Content>{objects}</ofd:Content></ofd:Page>'
    )


def _path(boundary: str, data: str, **attrs: str) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return (
        f'<ofd:PathObject ID="1" Boundary="{boundary}"{extra}>'
        f"<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>"
    )


def test_a_stroked_box_is_four_rules_and_a_shaded_one_none() -> None:
    box = "M 0 0 L 40 0 L 40 10 L 0 10 C"
    horizontal, vertical = page_rules(_content(_path("20 30 40 10", box)), 100)
    assert sorted((round(r.at / PT, 3), round(r.start / PT, 3)) for r in horizontal) == [
        (30.0, 20.0),
        (40.0, 20.0),
    ]
    assert sorted(round(r.at / PT, 3) for r in vertical) == [20.0, 60.0]
    shaded = _path("20 30 40 10", box, Fill="true", Stroke="false")
    assert page_rules(_content(shaded), 100) == ([], [])


def test_a_path_is_placed_through_its_ctm_and_its_curves_draw_no_rule() -> None:
    # drawn in an object space scaled by ten: a curve to (30, 0), then a line on to (530, 0)
    data = "M 0 0 B 10 10 20 10 30 0 L 530 0"
    horizontal, vertical = page_rules(
        _content(_path("10 50 60 1", data, CTM="0.1 0 0 0.1 0 0")), 100
    )
    assert [
        (round(r.at / PT, 3), round(r.start / PT, 3), round(r.end / PT, 3)) for r in horizontal
    ] == [(50.0, 13.0, 63.0)]
    assert vertical == []


@pytest.mark.parametrize(
    "data", ["M 0 0 L nan 0", "M 0 0 L 1e999 0", "M 0 0 L", "X 1 2", "M 0 0 L 40 0 Z 3"]
)
def test_damaged_path_data_draws_what_it_can_and_never_fails(data: str) -> None:
    horizontal, _ = page_rules(_content(_path("0 0 40 1", data)), 100)
    assert all(r.end - r.start <= 40 * PT + 1e-6 for r in horizontal)


def test_a_path_beyond_any_page_draws_no_rule() -> None:
    huge = _path("0 0 40 1", "M 0 0 L 1e300 0", CTM="1e300 0 0 1 0 0")
    assert page_rules(_content(huge), 100) == ([], [])


def test_a_path_of_many_sides_is_a_drawing_not_rules() -> None:
    steps = " ".join(f"L {k * 5} {k % 2 * 10}" for k in range(1, 2_100))
    assert page_rules(_content(_path("0 0 200 10", f"M 0 0 {steps}")), 100) == ([], [])
    padded = "M 0 0 " + " " * 200_000 + "L 200 0"  # data beyond what its sides could take
    assert page_rules(_content(_path("0 0 200 10", padded)), 100) == ([], [])


def test_a_page_of_more_paths_than_the_limit_is_a_drawing() -> None:
    lines = "".join(_path(f"0 {y} 40 1", "M 0 0 L 40 0") for y in range(5))
    assert len(page_rules(_content(lines), 10)[0]) == 5
    assert page_rules(_content(lines), 3) == ([], [])


def test_a_glyph_set_narrow_is_no_wider_than_its_step_or_its_box() -> None:
    """Text squeezed into a narrow cell (steps of 3 mm at a size of 4): each glyph as wide as
    its step, not its size, so the cell's last one reaches no further than it is set — taken
    for text running across the cell's border, a table was read as lines of a page."""
    from fzcheck.reading.ofd import _Place

    squeezed = _Place("20 30 18 5", None, 4.0).glyphs("本年制发件数", 0.0, 4.0, "g 5 3", None)
    assert [round(g.right - g.left, 3) for g in squeezed] == [3.0] * 6
    assert round(squeezed[-1].right, 3) == 38.0
    alone = _Place("20 30 3 5", None, 4.0).glyphs("数", 0.0, 4.0, None, None)
    assert round(alone[0].right, 3) == 23.0
    free = _Place("20 30 0 5", None, 4.0).glyphs("数", 0.0, 4.0, None, None)
    assert round(free[0].right, 3) == 24.0


@needs_font
def test_past_the_documents_budget_of_cells_pages_are_read_by_position(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crafted file of page after page of dense grids is not read grid by grid to the end
    (half a second a page): past the document's budget its pages are read by position."""
    import fzcheck.reading.ofd as ofd

    path = tmp_path / "report.ofd"
    path.write_bytes(ofd_from_pdf(gip.template_pdf_bytes()))
    assert any(line.startswith("三、本年度办理结果 | ") for line in load(str(path)).lines)
    monkeypatch.setattr(ofd, "_DOCUMENT_CELLS", 10)
    assert not any(line.startswith("三、本年度办理结果 | ") for line in load(str(path)).lines)
