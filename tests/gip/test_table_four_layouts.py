"""Table 四 as units set it out besides the national grid: its names over its values with the
blank cells left blank (pdftotext -layout of a table drawn with reportlab, our own values),
each value beside its name, or its digits run together by a crawler."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gip import reports as gip
from tests.gip.test_tables import check, tables, write

# 2 1 _ 1 4 | 1 _ _ 1 2 | _ 1 _ _ 1: the empty cells printed as nothing, as pdftotext -layout
# gives a table 四 drawn with blank cells (whole on a landscape page, then a block a table)
WHOLE = [
    "                行政复议                                                            行政诉讼",
    "                                                       未经复议直接起诉"
    "                                    复议后起诉",
    "结果维持   结果纠正     其他结果   尚未审结   总计        结果维持    结果纠正     其他结果"
    "     尚未审结     总计        结果维持   结果纠正   其他结果    尚未审结   总计",
    " 2          1           1     4           1                        1       2"
    "                 1                    1",
]
# the same on a portrait page, its columns narrow: pdftotext sets the names closer than the
# values, and the 1 under 未经复议直接起诉's 尚未审结 stands nearly as near its 其他结果
CRAMPED = [
    "           行政复议                                              行政诉讼",
    "                                         未经复议直接起诉                            复议后起诉",
    "结果维持 结果纠正 其他结果 尚未审结       总计   结果维持 结果纠正 其他结果 尚未审结        总计"
    "     结果维持 结果纠正 其他结果 尚未审结   总计",
    "  2    1          1       4      1                  1        2           1             1",
]
BLOCKS = [
    "      行政复议",
    "                  结果维持          结果纠正       其他结果         尚未审结        总计",
    "                      2              1                   1           4",
    "      未经复议直接起诉",
    "                  结果维持          结果纠正       其他结果         尚未审结        总计",
    "                      1                                  1           2",
    "      复议后起诉",
    "                  结果维持          结果纠正       其他结果         尚未审结        总计",
    "                                     1                               1",
]
SHOWN = ["2", "1", "", "1", "4", "1", "", "", "1", "2", "", "1", "", "", "1"]


def with_table_four(lines: list[str]) -> str:
    """:func:`gip.layout_text` with its table 四 set out as ``lines``."""
    text = gip.layout_text()
    start = text.index("   四、政府信息公开行政复议")
    end = text.index("   五、存在的主要问题")
    return (
        text[:start]
        + "\n".join(["   四、政府信息公开行政复议、行政诉讼情况", *lines, ""])
        + text[end:]
    )


def appeals(tmp_path: Path, lines: list[str]) -> dict[str, Any]:
    return tables(check(write(tmp_path, "four.txt", with_table_four(lines))))["appeals"]


def texts(table: dict[str, Any]) -> list[str]:
    by_col = {c["col"]: c["text"] for c in table["cells"]}
    return [by_col[c["id"]] for c in table["columns"]]


def test_blank_cells_under_the_names_are_placed_by_where_the_values_stand(
    tmp_path: Path,
) -> None:
    """Names over values, a zero left blank: fewer values than names had left the table
    unread (“案件数”一行只有9个数). Each value is the column its name stands over, the rest
    blank; with no 0 written anywhere the blanks count as 0 and the sums hold."""
    for lines in (WHOLE, BLOCKS):
        table = appeals(tmp_path, lines)
        assert table["status"] == "read", table["reason"]
        assert texts(table) == SHOWN
        assert [c["passed"] for c in table["checks"]] == [True, True, True]


def test_a_value_standing_between_two_names_is_not_placed(tmp_path: Path) -> None:
    """A value about as near two names (the cramped page's) is placed under neither: the
    table is unread, as before. So are values typed under names by their width (a Chinese
    character two), which stand, counted in characters, off their names: by the nearest name
    the 1 under 尚未审结 went to 其他结果. Unread, never misread."""
    cramped = appeals(tmp_path, CRAMPED)
    assert cramped["status"] == "unreadable" and not cramped["cells"]
    typed = [
        "行政复议",
        "结果维持  结果纠正  其他结果  尚未审结  总计",
        "    2         1                   1       4",
        "未经复议直接起诉",
        "结果维持  结果纠正  其他结果  尚未审结  总计",
        "    1                             1       2",
        "复议后起诉",
        "结果维持  结果纠正  其他结果  尚未审结  总计",
        "              1                           1",
    ]
    table = appeals(tmp_path, typed)
    assert table["status"] == "unreadable" and not table["cells"]


def test_each_value_beside_its_name_is_read(tmp_path: Path) -> None:
    """结果维持：2  结果纠正：1 … under each block's name: it had been read as a header with
    nothing under it, every cell blank (read, and its sums unchecked). Out of the columns'
    order, the pairs are no row and the table is not read blank."""
    pairs = [
        "行政复议",
        "结果维持：2  结果纠正：1  其他结果：0  尚未审结：1  总计：4",
        "行政诉讼（未经复议直接起诉）",
        "结果维持：1  结果纠正：0  其他结果：0  尚未审结：1  总计：2",
        "行政诉讼（复议后起诉）",
        "结果维持：0  结果纠正：1  其他结果：0  尚未审结：0  总计：1",
    ]
    table = appeals(tmp_path, pairs)
    assert table["status"] == "read"
    assert texts(table) == [
        "2",
        "1",
        "0",
        "1",
        "4",
        "1",
        "0",
        "0",
        "1",
        "2",
        "0",
        "1",
        "0",
        "0",
        "1",
    ]
    assert [c["passed"] for c in table["checks"]] == [True, True, True]
    shuffled = [
        line.replace("结果维持：2  结果纠正：1", "结果纠正：1  结果维持：2") for line in pairs
    ]
    assert appeals(tmp_path, shuffled)["status"] != "read"


def test_table_fours_digits_run_together_on_a_line_of_their_own_are_said_to_be(
    tmp_path: Path,
) -> None:
    """A crawler that kept the rows but joined each row's cells: table 四's fifteen one-digit
    cells are one run of digits (210141001201001). Said to run together, as table 三's are,
    not “只有1个数”."""
    flat = [
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉",
        "210141001201001",
    ]
    table = appeals(tmp_path, flat)
    assert table["status"] == "unreadable"
    assert "数字连在一起" in table["reason"] and "210141001201001" in table["reason"]


def test_a_blank_table_under_a_numbered_caption_and_over_a_dated_note_is_read_blank(
    tmp_path: Path,
) -> None:
    """Table 四 printed as its header alone (no cases, the row left blank) is read blank, its
    sums unchecked — also when its caption numbers it (表4) or the note under it, wrapped,
    opens with the year and names the header's words (注：2025年度…行政复议、 / 提起行政诉讼…):
    neither number is a value beside the names, and the table had been called absent."""
    header = [
        "        行政复议                              行政诉讼",
        "                            未经复议直接起诉                  复议后起诉",
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计"
        " 结果维持 结果纠正 其他结果 尚未审结 总计",
    ]
    note = [
        "",
        "  注：2025年度本机关未发生因政府信息公开工作被申请行政复议、",
        "提起行政诉讼的情况。",
    ]
    for lines in (["          表4  政府信息公开行政复议、行政诉讼情况", *header], header + note):
        table = appeals(tmp_path, lines)
        assert table["status"] == "read", table["reason"]
        assert all(c["text"] == "" for c in table["cells"])
