"""政府信息公开工作年度报告: table 三's columns in the order its header prints them (总计 first,
or any other), in every layout the reader takes; an order that cannot be told safely is
unreadable, never wrong sums. And a table's region ends at a heading, a caption or a row of the
next table, never at a sentence of the text above it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from tests.gip import reports as gip
from tests.gip.test_tables import cell, check, failures, tables, write

NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
TOTAL_FIRST = [6, 0, 1, 2, 3, 4, 5]  # the template's column printed at each place


def printed(order: list[int]) -> dict[str, list[int | None]]:
    """The sample table's rows with their values in ``order`` (the template's column at each
    place)."""
    return {row: [vals[k] for k in order] for row, vals in gip.values().items()}


def assert_read_right(r: dict[str, Any]) -> None:
    """Every cell of table 三 in its own column, and no sum failing."""
    assert tables(r)["requests"]["status"] == "read", tables(r)["requests"]["reason"]
    for row, vals in gip.values().items():
        for col, value in zip(gip.APPLICANTS, vals, strict=True):
            assert cell(r, "requests", row, col)["value"] == value, (row, col)
    assert failures(r) == set()


def markdown(order: list[int]) -> str:
    text = gip.markdown_text(printed(order))
    header = "|  | " + " | ".join(NAMES) + " |"
    assert header in text
    return text.replace(header, "| 项目 | " + " | ".join(NAMES[k] for k in order) + " |")


def tabs(order: list[int]) -> str:
    text = gip.tab_text(printed(order))
    header = "\t\t" + "\t".join(NAMES)
    assert header in text
    return text.replace(header, "\t\t" + "\t".join(NAMES[k] for k in order))


def tabs_two_header_lines() -> str:
    """总计 and 自然人 spanning two header rows, the five kinds of organisation under 法人或其他
    组织 in the second, as a browser copies a table whose spans it fills with empty cells."""
    text = gip.tab_text(printed(TOTAL_FIRST))
    header = "\t\t" + "\t".join(NAMES)
    top = "\t\t总计\t自然人\t法人或其他组织"
    under = "\t\t\t\t" + "\t".join(NAMES[1:6])
    return text.replace(header, f"{top}\n{under}")


ORGS_FIRST = [1, 2, 3, 4, 5, 0, 6]


def spaces_two_header_lines(order: list[int]) -> str:
    """A page's table copied by a text extractor: a cell a single space, the header on two
    lines (the group's cell among the spanning ones, its columns below), nothing aligned."""
    text = gip.tab_text(printed(order))
    header = "\t\t" + "\t".join(NAMES)
    upper = " ".join("法人或其他组织" if k == 1 else NAMES[k] for k in order if k in (0, 1, 6))
    text = text.replace(header, f" {upper}\n  {' '.join(NAMES[1:6])} ")
    return text.replace("\t", " ")


def tabs_group_first(group: str) -> str:
    """The group's cell first (法人或其他组织 | 自然人 | 总计 over 商业企业 | … | 其他), worded
    as a unit words it."""
    text = gip.tab_text(printed(ORGS_FIRST))
    header = "\t\t" + "\t".join(NAMES)
    top = f"\t\t{group}\t自然人\t总计"
    under = "\t\t" + "\t".join(NAMES[1:6])
    return text.replace(header, f"{top}\n{under}")


def one_line_header(order: list[int], sep: str) -> str:
    """The two header rows flattened onto one line (a crawler's or a converter's copy): the
    upper row's cells (the group's among them), then the lower row's, ``sep`` between."""
    text = gip.tab_text(printed(order))
    header = "\t\t" + "\t".join(NAMES)
    upper = ["法人或其他组织" if k == 1 else NAMES[k] for k in order if k in (0, 1, 6)]
    line = sep.join(["申请人情况", *upper, *NAMES[1:6]])
    text = text.replace(header, line)
    return text if sep == "\t" else text.replace("\t", " ")


def layout(order: list[int]) -> str:
    text = gip.layout_text(printed(order))
    header = "自然人   商业企业 科研机构 社会公益组织 法律服务机构 其他  总计"
    assert header in text
    return text.replace(header, "  ".join(NAMES[k] for k in order))


def layout_two_header_lines() -> str:
    """Layout text whose header stands on two lines: 总计 and 自然人 above, the kinds of
    organisation below and to the right (no two names over each other)."""
    text = gip.layout_text(printed(TOTAL_FIRST))
    header = "                             自然人   商业企业 科研机构 社会公益组织 法律服务机构 其他  总计"
    assert header in text
    top = "                           总计    自然人"
    under = (
        "                                          商业企业 科研机构 社会公益组织 法律服务机构 其他"
    )
    return text.replace(header, f"{top}\n{under}")


def html(order: list[int]) -> str:
    """The web page, its header rows with spans: 总计 and 自然人 down two rows, 法人或其他组织
    over the five kinds."""
    assert order == TOTAL_FIRST
    page = gip.html_page(printed(order))
    row = "<tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td><td rowspan='2'>总计</td></tr>"
    assert row in page
    return page.replace(
        row,
        "<tr><td rowspan='2'>总计</td><td rowspan='2'>自然人</td>"
        "<td colspan='5'>法人或其他组织</td></tr>",
    )


def docx_merged(order: list[int]) -> bytes:
    """A Word table with three header rows and merged cells, as the national form has them but
    总计 first (Word repeats a cell merged down on every row it spans)."""
    import docx

    assert order == TOTAL_FIRST
    table = printed(order)
    document = docx.Document()
    for text in [
        "示例县水利局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，本局依法做好政府信息公开工作，全年主动公开政府信息85条。",
        "三、收到和处理政府信息公开申请情况",
    ]:
        document.add_paragraph(text)
    t = document.add_table(rows=3 + len(gip.ROWS_2021), cols=9)
    t.cell(0, 0).merge(t.cell(2, 1)).text = "项目"
    t.cell(0, 2).merge(t.cell(0, 8)).text = "申请人情况"
    t.cell(1, 2).merge(t.cell(2, 2)).text = "总计"
    t.cell(1, 3).merge(t.cell(2, 3)).text = "自然人"
    t.cell(1, 4).merge(t.cell(1, 8)).text = "法人或其他组织"
    for k, name in enumerate(NAMES[1:6]):
        t.cell(2, 4 + k).text = name
    for n, (row, label, group) in enumerate(gip.ROWS_2021, start=3):
        t.cell(n, 0).merge(t.cell(n, 1)).text = label if group is None else f"{group}{label}"
        for k, v in enumerate(table[row]):
            t.cell(n, 2 + k).text = "" if v is None else str(v)
    for text in [
        "四、政府信息公开行政复议、行政诉讼情况",
        "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
        "五、存在的主要问题及改进情况",
        "一是公开内容不够全面。下一步，本局将完善公开目录，加强培训。",
    ]:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name,make",
    [
        ("pipes.md", lambda: markdown(TOTAL_FIRST)),
        ("tabs.txt", lambda: tabs(TOTAL_FIRST)),
        ("tabs_two_lines.txt", tabs_two_header_lines),
        # the group's cell first, worded as the template, the 条例 (或者) or a unit (及) words it
        ("tabs_group_first.txt", lambda: tabs_group_first("法人或其他组织")),
        ("tabs_huozhe.txt", lambda: tabs_group_first("法人或者其他组织")),
        ("tabs_ji.txt", lambda: tabs_group_first("法人及其他组织")),
        ("spaces_template.txt", lambda: spaces_two_header_lines(list(range(7)))),
        ("spaces_two_lines.txt", lambda: spaces_two_header_lines(TOTAL_FIRST)),
        ("spaces_group_first.txt", lambda: spaces_two_header_lines(ORGS_FIRST)),
        ("layout.txt", lambda: layout(TOTAL_FIRST)),
        ("layout_two_lines.txt", layout_two_header_lines),
        # the two rows on one line: 申请人情况 自然人 法人或其他组织 总计 商业企业 … 其他
        ("one_line_spaces.txt", lambda: one_line_header(list(range(7)), " ")),
        ("one_line_tabs.txt", lambda: one_line_header(list(range(7)), "\t")),
        ("one_line_total_first.txt", lambda: one_line_header(TOTAL_FIRST, " ")),
        ("page.html", lambda: html(TOTAL_FIRST)),
        ("merged.docx", lambda: docx_merged(TOTAL_FIRST)),
    ],
)
def test_a_total_column_printed_first_is_read_as_the_total_in_every_layout(
    tmp_path: Path, name: str, make: Any
) -> None:
    """| 项目 | 总计 | 自然人 | …: each value goes to the column its header names (the row's
    总计 was read as 自然人, 其他 as 总计, and every row's sum failed)."""
    assert_read_right(check(write(tmp_path, name, make())))


@pytest.mark.parametrize(
    "order",
    [
        [5, 4, 3, 2, 1, 0, 6],  # the kinds of applicant right to left
        [6, 5, 4, 3, 2, 1, 0],
        [1, 2, 0, 6, 3, 4, 5],
    ],
)
@pytest.mark.parametrize("form", ["pipes.md", "tabs.txt", "layout.txt"])
def test_columns_in_any_order_the_header_names_are_read_by_it(
    tmp_path: Path, order: list[int], form: str
) -> None:
    make = {"pipes.md": markdown, "tabs.txt": tabs, "layout.txt": layout}[form]
    assert_read_right(check(write(tmp_path, form, make(order))))


def test_a_column_named_otherwise_first_is_unreadable_not_wrong(tmp_path: Path) -> None:
    """合计 (no name of the template's) over the first values, then 自然人 … 其他: the values are
    not the template's order and the first one's column is not told — unreadable, no sum
    fails."""
    text = markdown(TOTAL_FIRST).replace("| 项目 | 总计 |", "| 项目 | 合计 |")
    r = check(write(tmp_path, "heji.md", text))
    requests = tables(r)["requests"]
    assert requests["status"] == "unreadable" and "自然人" in requests["reason"]
    assert failures(r) == set()


def test_a_layout_header_naming_total_before_natural_persons_on_a_line_is_unreadable(
    tmp_path: Path,
) -> None:
    """Layout text whose header names only some columns whole (the others wrapped: 商业 / 企业),
    总计 left of 自然人 on its line: where the other values belong cannot be told — unreadable,
    not the template's order with every row's sum failing."""
    text = gip.layout_text(printed(TOTAL_FIRST))
    header = "                             自然人   商业企业 科研机构 社会公益组织 法律服务机构 其他  总计"
    wrapped = [
        "                             总计   自然人     社会   法律",
        "                                      商业 科研 公益   服务   其他",
        "                                      企业 机构 组织   机构",
    ]
    r = check(write(tmp_path, "wrapped.txt", text.replace(header, "\n".join(wrapped))))
    requests = tables(r)["requests"]
    assert requests["status"] == "unreadable" and "总计" in requests["reason"]
    assert failures(r) == set()


def test_a_layout_header_over_lines_begun_with_a_note_keeps_the_template_order(
    tmp_path: Path,
) -> None:
    """The header's lines begin with a wrapped note of Chinese text: counted in characters 其他
    stands left of 总计 one line up, counted in widths it does not — no order is told, the
    table is read in the template's order (as before), not made unreadable."""
    text = gip.layout_text()
    header = "                             自然人   商业企业 科研机构 社会公益组织 法律服务机构 其他  总计"
    noted = [
        "（本列数据的勾稽关系为：第一项加第二项之和，  自然人       社会  法律              总计",
        "等于第三项加第四项之和）                               商业 科研 公益  服务  其他",
        "                                                    企业 机构 组织  机构",
    ]
    assert header in text
    r = check(write(tmp_path, "noted.txt", text.replace(header, "\n".join(noted))))
    assert_read_right(r)


def test_a_table_without_its_total_column_begun_with_an_empty_cell_is_read_by_its_header(
    tmp_path: Path,
) -> None:
    """A tab-separated copy whose rows begin with one empty cell more than its header's names:
    six values under six names, 总计 missing — not the values shifted one column right."""
    table = {row: [None, *vals[:6]] for row, vals in gip.values().items()}
    text = gip.tab_text(table)
    header = "\t\t" + "\t".join(NAMES)
    assert header in text
    r = check(
        write(tmp_path, "no_total.txt", text.replace(header, "\t\t\t" + "\t".join(NAMES[:6])))
    )
    requests = tables(r)["requests"]
    assert requests["status"] == "read" and "总计" in requests["reason"]
    assert cell(r, "requests", "new", "natural")["value"] == 30
    assert cell(r, "requests", "new", "other_org")["value"] == 1
    assert cell(r, "requests", "new", "total")["value"] is None
    assert failures(r) == set()


MERGED_TAB = """示例镇人民政府2024年政府信息公开工作年度报告
一、总体情况
2024年，本镇认真落实政府信息公开条例，全年主动公开政府信息96条。
二、主动公开和依申请公开情况
{opening}
第二十条第（一）项
信息内容\t本年制发件数\t本年废止件数\t现行有效件数
规章\t0\t0\t0
行政规范性文件\t2\t0\t5
第二十条第（五）项
信息内容\t本年处理决定数量
行政许可\t14
第二十条第（六）项
信息内容\t本年处理决定数量
行政处罚\t3
行政强制\t0
三、政府信息公开行政复议、行政诉讼情况
本年度未发生政府信息公开行政复议、行政诉讼。
四、存在的主要问题及改进情况
一是公开更新不够及时。下一步，本镇将建立更新台账，完善审核制度。
"""


@pytest.mark.parametrize(
    "opening",
    [
        "全年主动公开政府信息96条，未收到政府信息公开申请。",
        # a paragraph wrapped before its stop, as a PDF's layout text gives it
        "全年主动公开政府信息96条，本年度未收到政府信息公开申请，\n也无上年结转的申请。",
    ],
)
def test_a_sentence_on_requests_above_table_two_does_not_end_its_section(
    tmp_path: Path, opening: str
) -> None:
    """A township's section on both kinds of disclosure, opening with a sentence that names
    公开申请 (the end of table 二's region when no heading ends it): table 二 is read."""
    r = check(write(tmp_path, "township.txt", MERGED_TAB.format(opening=opening)))
    t = tables(r)
    assert t["proactive_documents"]["status"] == "read", t["proactive_documents"]["reason"]
    assert t["proactive_decisions"]["status"] == "read"
    assert cell(r, "proactive_documents", "normative", "in_force")["value"] == 5
    assert cell(r, "proactive_decisions", "punishment", "count")["value"] == 3
    assert failures(r) == set()


def test_table_threes_rows_still_end_table_twos_region_in_a_merged_section(
    tmp_path: Path,
) -> None:
    """The same section with the sentence and then table 三 (no caption, no heading): table 二
    ends at table 三's first row and both are read."""
    text = gip.tab_text()
    merged = text.replace(
        "二、主动公开政府信息情况", "二、主动公开和依申请公开情况\n全年收到政府信息公开申请40件。"
    )
    merged = merged.replace("三、收到和处理政府信息公开申请情况\n", "")
    assert merged != text
    r = check(write(tmp_path, "merged.txt", merged))
    t = tables(r)
    assert t["proactive_documents"]["status"] == t["requests"]["status"] == "read"
    assert cell(r, "requests", "new", "total")["value"] == 40
    assert failures(r) == set()
