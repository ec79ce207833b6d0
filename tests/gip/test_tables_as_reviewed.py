"""What a 政务公开办 reviewer reads of a report's tables: a failing sum with how far apart its
sides are, a second table of one kind shown as the first is, the 2019 format's table 二 named
as such, table 四 looked for where the format sets it, and where an embedded part sits."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from tests.gip import reports as gip
from tests.gip.test_tables import _requests_block, check, tables, write
from tests.test_render import render


def failing(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for t in result["tables"] for c in t["checks"] if c["passed"] is False]


def test_a_failing_balance_names_its_cells_once_and_how_far_apart_its_sides_are(
    tmp_path: Path,
) -> None:
    """本年新收 one too many for 自然人 and for 总计, the rows' totals kept: the balance fails in
    those two columns, each naming the column's four cells (one each) and the difference — the
    reviewer had to subtract 本年新收+上年结转 from 总计+结转 to see one request went unaccounted."""
    changed = copy.deepcopy(gip.values())
    changed["new"][0] += 1
    changed["new"][6] += 1
    r = check(write(tmp_path, "balance.txt", gip.layout_text(changed)))
    failed = failing(r)
    assert sorted((c["identity"], c["where"]) for c in failed) == [
        ("requests_balance", "总计"),
        ("requests_balance", "自然人"),
    ]
    for c in failed:
        rows = [cell["row"] for cell in c["cells"]]
        assert sorted(rows) == sorted(["new", "carried_in", "total", "carried_out"])
        assert c["left"] - c["right"] == 1 and "，相差1（第" in c["message"]
    markdown = render("markdown", [r])
    table_three = markdown.split("- 表三 收到和处理政府信息公开申请情况：")[1].split("- 表四")[0]
    assert table_three.count("相差1") == 2  # each failing column once, under its table


def test_a_second_table_of_a_kind_is_shown_as_the_first_is(tmp_path: Path) -> None:
    """（一）本级 then （二）全县汇总, the county's with one cell wrong: the second table is a result
    of its own (requests.2, after the first), with its cells and its failing sums and the cells
    in them — the views had shown the first table only, its sums under the first's name and no
    cell marked. The first keeps its own sums."""
    text = gip.tab_text()
    own = _requests_block(text)
    changed = copy.deepcopy(gip.values())
    changed["disclosed"][0] += 1
    county = _requests_block(gip.tab_text(changed))
    both = text.replace(own, f"（一）本级\n{own}（二）全县汇总\n{county}")
    r = check(write(tmp_path, "two.txt", both))
    ids = [t["id"] for t in r["tables"]]
    assert ids.index("requests.2") == ids.index("requests") + 1
    first, second = tables(r)["requests"], tables(r)["requests.2"]
    line = both.splitlines().index("（二）全县汇总") + 1
    assert second["name"] == f"表三 收到和处理政府信息公开申请情况（第{line}行起的另一张表）"
    assert not any(c["passed"] is False for c in first["checks"])
    bad = [c for c in second["checks"] if c["passed"] is False]
    assert {(c["identity"], c["where"]) for c in bad} == {
        ("requests_row_totals", "（一）予以公开"),
        ("requests_results_total", "自然人"),
    }
    assert all(c["table"] == "requests.2" and c["cells"] for c in bad)
    disclosed = next(c for c in second["cells"] if (c["row"], c["col"]) == ("disclosed", "natural"))
    assert disclosed["value"] == changed["disclosed"][0]
    markdown = render("markdown", [r])
    assert (
        f"表三 收到和处理政府信息公开申请情况（第{line}行起的另一张表）：勾稽关系2处不成立"
        in markdown
    )
    html = render("html", [r])
    assert 'id="table-requests"' in html and 'id="table-requests.2"' in html
    assert html.count('<td class="bad') == 1  # the one cell in both failing sums


_TABLE_TWO_2021 = [
    "信息内容          本年制发件数     本年废止件数   现行有效件数",
    "信息内容                      本年处理决定数量",
]
_TABLE_TWO_2019 = [
    "信息内容          本年新制作数量   本年新公开数量   对外公开总数量",
    "信息内容      上一年项目数量    本年增/减    处理决定数量",
]


def test_the_2019_formats_table_two_is_named_as_the_old_format_in_both_blocks(
    tmp_path: Path,
) -> None:
    """A report on 2020 in the 2019 format: table 二's second block (上一年项目数量 | 本年增/减 |
    处理决定数量 over 行政许可 36 2 2105) had been refused as “一行有3个数，多于1列”; both blocks
    are now said to be in the format the current one replaced, which none of its values is
    read into."""
    text = gip.layout_text().replace("2024", "2020").replace("2025", "2021")
    for new, old in zip(_TABLE_TWO_2021, _TABLE_TWO_2019, strict=True):
        text = text.replace(new, old)
    for label in ("行政许可", "行政处罚", "行政强制"):  # 上一年项目数量 and 本年增/减 before it
        line = next(x for x in text.splitlines() if x.startswith(label))
        text = text.replace(line, line.replace(label, f"{label}  36    2  ", 1))
    assert "本年增/减" in text and "行政许可  36    2" in text
    r = check(write(tmp_path, "form2019.txt", text))
    for tid in ("proactive_documents", "proactive_decisions"):
        table = tables(r)[tid]
        assert table["status"] == "unreadable" and not table["cells"]
        assert "2021年度以前旧格式的列" in table["reason"] and "多于" not in table["reason"]
    assert "“上一年项目数量”" in tables(r)["proactive_decisions"]["reason"]
    assert tables(r)["requests"]["status"] == "read"


def test_an_overview_sub_heading_on_appeals_is_not_where_table_four_stands(
    tmp_path: Path,
) -> None:
    """The appeals told only in the overview's sub-section （五）行政复议和行政诉讼情况, no
    section 四 and no table 四: table 四 had been read from that sub-heading on, tables 二 and
    三's rows taken for its cases (“案件数”一行只有3个数), and a report without it passed
    has_statistical_tables as one whose table 四 could not be read. It is absent; the part is
    embedded, and the views say in which section."""
    text = gip.layout_text()
    start, end = text.index("   四、政府信息公开行政复议"), text.index("   五、存在的主要问题")
    text = text[:start] + text[end:]
    text = text.replace("   五、存在的主要问题", "   四、存在的主要问题").replace(
        "   六、其他需要报告", "   五、其他需要报告"
    )
    text = text.replace(
        "   （一）依申请公开。",
        "   （一）行政复议和行政诉讼情况。本年度未发生因政府信息公开工作被申请行政复议、"
        "提起行政诉讼的情况。\n   （二）依申请公开。",
    )
    r = check(write(tmp_path, "embedded.txt", text))
    assert tables(r)["appeals"]["status"] == "absent"
    flag = next(c for c in r["checks"] if c["id"] == "has_statistical_tables")
    assert not flag["passed"] and "表四" in flag["message"]
    appeals = next(p for p in r["parts"] if p["id"] == "appeals")
    assert appeals["status"] == "embedded"
    assert "| 行政复议和行政诉讼情况（在“总体情况”一节中） |" in render("markdown", [r])


def test_a_table_left_all_blank_is_not_said_to_hold_no_sum(tmp_path: Path) -> None:
    """Table 四 printed with every cell empty beside a table 三 that writes its zeros: its
    three sums are unchecked, and the views say so without “勾稽关系0处成立”."""
    r = check(write(tmp_path, "blank.txt", gip.tab_text(appeal_values=[None] * 15)))
    assert tables(r)["appeals"]["status"] == "read"
    markdown = render("markdown", [r])
    assert "- 表四 政府信息公开行政复议、行政诉讼情况：勾稽关系3处未核对" in markdown


def test_a_group_label_read_as_a_row_of_blanks_is_not_shown_as_one(tmp_path: Path) -> None:
    """（六）其他处理 printed on a line of its own over its 1. 2. 3. (the template's merged
    cell) is read as a row with no values: the page's grid showed it as a row of 空白 cells, as
    if the unit had left it blank. It is their label, not a row of the grid."""
    r = check(write(tmp_path, "layout.txt", gip.layout_text()))
    names = [row["name"] for row in tables(r)["requests"]["rows"]]
    assert "（六）其他处理" in names and "（六）其他处理 1.逾期不补正" in names
    html = render("html", [r])
    assert ">（六）其他处理</a></th>" not in html
    assert ">（六）其他处理 1.逾期不补正</a></th>" in html
