"""A GIP report's table 三 printed to PDF as the national template lays it out — three label
columns, groups merged down their rows, a header merged across and down — read by its ruling
lines: with narrow label columns (a group's name a character a line, labels wrapped round their
values) the cells interleaved when read line by line, and the table was unreadable."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from fzcheck.pipeline import check_source
from fzcheck.reading import load
from fzcheck.rubric import Catalog
from tests.gip import reports as gip
from tests.reading.makers import cjk_font, rules_as_one_path

# PDFium maps STSong-Light (not embedded) through a system CJK font; without one pypdf's text
# stands, which has no positions to read a table by
pytestmark = pytest.mark.skipif(cjk_font() is None, reason="no CJK font for PDFium")


def _requests(path: Path) -> dict[str, Any]:
    result = check_source(str(path), Catalog.load()).result.to_json()
    return next(t for t in result["tables"] if t["id"] == "requests")


def _sums(path: Path) -> tuple[str, list[str]]:
    result = check_source(str(path), Catalog.load()).result.to_json()
    check = next(c for c in result["checks"] if c["id"] == "tables_add_up")
    return check["message"], [c["message"] for c in result["checks"] if not c["passed"]]


@pytest.mark.parametrize("widths", [(14, 16, 60), (16, 22, 70), (40, 60, 160)])
def test_the_templates_table_three_is_read_by_its_cells_however_narrow(
    tmp_path: Path, widths: tuple[float, float, float]
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(gip.template_pdf_bytes(label_widths=widths))
    table = _requests(path)
    assert table["status"] == "read", table["reason"]
    rows = {r["id"] for r in table["rows"]}
    assert {row for row, _, _ in gip.ROWS_2021} <= rows
    message, _ = _sums(path)
    assert "全部成立" in message
    # each row a line, its group's name whole beside its label, not its characters among them
    lines = load(str(path)).lines
    assert any(
        line.startswith("三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 |") for line in lines
    )


@pytest.mark.parametrize("fill", [True, False])
def test_a_table_whose_rules_are_one_path_is_read_by_its_cells(tmp_path: Path, fill: bool) -> None:
    """A writer batching the borders into one path (its bars filled at once, or its lines
    stroked at once): each thin subpath is a rule. Taken as one shape, no rule was found and
    table 三 was unreadable."""
    ruled = tmp_path / "ruled.pdf"
    ruled.write_bytes(gip.template_pdf_bytes())
    path = tmp_path / "one.pdf"
    path.write_bytes(rules_as_one_path(ruled.read_bytes(), fill))
    assert load(str(path)).lines == load(str(ruled)).lines
    assert _requests(path)["status"] == "read"


def test_a_table_open_at_its_sides_is_read_whole(tmp_path: Path) -> None:
    """No outer vertical rules (its rows ruled across): the grid runs to its rules' ends, the
    label column and the 总计 column are cells of it, not text beside a table."""
    path = tmp_path / "open.pdf"
    path.write_bytes(gip.template_pdf_bytes(open_sides=True))
    table = _requests(path)
    assert table["status"] == "read", table["reason"]
    message, _ = _sums(path)
    assert "全部成立" in message


def test_one_changed_cell_fails_the_sums_it_is_in(tmp_path: Path) -> None:
    table = copy.deepcopy(gip.values())
    table["disclosed"][0] += 1  # （一）予以公开, 自然人
    path = tmp_path / "wrong.pdf"
    path.write_bytes(gip.template_pdf_bytes(table))
    assert _requests(path)["status"] == "read"
    message, _ = _sums(path)
    # its row's total and its column's sum (三(七) = Σ), no other
    assert message.startswith("2处勾稽关系不成立、37处成立"), message
    assert "“（一）予以公开”16+3+1+0+1+0 = 21" in message
