"""政府信息公开工作年度报告: its tables read from layout text, web pages and Word, and their sums
checked in code — one changed cell fails exactly the sums it is in, a blank is not a zero, run-
together digits are unreadable, never wrong."""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from fzcheck.pipeline import check_source
from fzcheck.rubric import Catalog
from tests.gip import reports as gip
from tests.helpers import in_layout_table


def check(path: Path) -> dict[str, Any]:
    return check_source(str(path), Catalog.load()).result.to_json()


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def check_replaced(tmp_path: Path, text: str, old: str, new: str) -> dict[str, Any]:
    """The check of ``text`` (which holds ``old``) with ``old`` replaced by ``new``."""
    assert old in text
    return check(write(tmp_path, "edited.txt", text.replace(old, new)))


def tables(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in result.get("tables", [])}


def cell(result: dict[str, Any], table: str, row: str, col: str) -> dict[str, Any]:
    return next(c for c in tables(result)[table]["cells"] if (c["row"], c["col"]) == (row, col))


def failures(result: dict[str, Any]) -> set[tuple[str, str]]:
    return {
        (c["identity"], c["where"])
        for t in result.get("tables", [])
        for c in t["checks"]
        if c["passed"] is False
    }


@pytest.mark.parametrize(
    "name,make",
    [
        ("layout.txt", lambda: gip.layout_text()),
        ("page.html", lambda: gip.html_page()),
        ("layout.html", lambda: in_layout_table(gip.html_page())),
        ("report.docx", lambda: gip.docx_bytes()),
        ("stacked.txt", lambda: gip.stacked_text()),
        ("printed.pdf", lambda: gip.pdf_bytes()),
        ("report.md", lambda: gip.markdown_text()),
    ],
)
def test_every_format_reads_the_same_cells_and_the_sums_hold(
    tmp_path: Path, name: str, make: Any
) -> None:
    r = check(write(tmp_path, name, make()))
    assert r["rubric"]["id"] == "gip-annual" and r["document"]["is_report"]
    t = tables(r)
    assert t["requests"]["status"] == "read" and t["appeals"]["status"] == "read"
    want = gip.values()
    for row, vals in want.items():
        for col, value in zip(gip.APPLICANTS, vals, strict=True):
            assert cell(r, "requests", row, col)["value"] == value, (row, col)
    assert [cell(r, "appeals", "all", c)["value"] for c in gip.APPEALS] == gip.appeals()
    assert failures(r) == set()
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and sums["message"].endswith("勾稽关系全部成立")
    # every value points at where it is printed
    c = cell(r, "requests", "new", "total")
    assert c["text"] == "40"
    if name.endswith(".txt"):
        line = make().splitlines()[c["line"] - 1]
        assert line[c["start"] : c["end"]] == "40"


def test_one_changed_cell_fails_exactly_the_sums_it_is_in(tmp_path: Path) -> None:
    table = copy.deepcopy(gip.values())
    table["disclosed"][0] += 1  # 予以公开 × 自然人
    r = check(write(tmp_path, "changed.txt", gip.layout_text(table)))
    assert failures(r) == {
        ("requests_row_totals", "（一）予以公开"),
        ("requests_results_total", "自然人"),
    }
    failed = [c for t in r["tables"] for c in t["checks"] if c["passed"] is False]
    assert all({"row": "disclosed", "col": "natural"} in c["cells"] for c in failed)
    row_sum = next(c for c in failed if c["identity"] == "requests_row_totals")
    assert (row_sum["left"], row_sum["right"]) == (21, 20)
    assert "16+3+1+0+1+0 = 21" in row_sum["message"] and "20" in row_sum["message"]
    assert r["verdict"] == "complete"
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert not sums["passed"] and sums["message"].startswith("2处勾稽关系不成立")
    assert r["score"] == 90  # the rubric's penalty for tables that do not add up


def _requests_block(text: str) -> str:
    """The requests table of a :func:`gip.tab_text` report: its header to section 四's line."""
    start = text.index("\t\t申请人情况")
    return text[start : text.index("四、政府信息公开行政复议")]


def test_a_second_table_of_the_same_kind_has_its_sums_checked_too(tmp_path: Path) -> None:
    """A county government's 三、 holds its own table (（一）本级), then the county's (（二）全县
    汇总): the second's sums went unchecked, its error unseen (helper-195's). Each table's
    sums are checked, the second's said of it by its lines."""
    text = gip.tab_text()
    own = _requests_block(text)
    changed = copy.deepcopy(gip.values())
    changed["disclosed"][0] += 1  # 予以公开 × 自然人 in the county's table only
    county = _requests_block(gip.tab_text(changed))
    both = text.replace(own, f"（一）本级\n{own}（二）全县汇总\n{county}")
    r = check(write(tmp_path, "two.txt", both))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert not sums["passed"], sums["message"]
    second = both.splitlines().index("（二）全县汇总") + 1  # the table's first line, 1-based
    assert f"第{second}行起的另一张表" in sums["message"]
    assert failures(r) == {
        ("requests_row_totals", "（一）予以公开"),
        ("requests_results_total", "自然人"),
    }
    alone = check(write(tmp_path, "one.txt", text.replace(own, f"（一）本级\n{own}")))
    assert next(c for c in alone["checks"] if c["id"] == "tables_add_up")["passed"]


def test_cells_one_a_line_are_read_and_a_changed_one_points_at_its_own_line(
    tmp_path: Path,
) -> None:
    """A page crawled cell by cell: each value is on its own line; a wrong one fails exactly its
    sums, and its cell points at the line it stands on."""
    table = copy.deepcopy(gip.values())
    table["disclosed"][0] += 1
    text = gip.stacked_text(table)
    r = check(write(tmp_path, "stacked.txt", text))
    assert failures(r) == {
        ("requests_row_totals", "（一）予以公开"),
        ("requests_results_total", "自然人"),
    }
    c = cell(r, "requests", "disclosed", "natural")
    assert text.splitlines()[c["line"] - 1] == "16" and (c["start"], c["end"]) == (0, 2)


def test_cells_one_a_line_with_a_blank_lost_are_unreadable_not_wrong(tmp_path: Path) -> None:
    """get_text drops an empty cell: the row's values can no longer be put in their columns."""
    table = copy.deepcopy(gip.values())
    table["total"][0] = None
    r = check(write(tmp_path, "stacked.txt", gip.stacked_text(table)))
    requests = tables(r)["requests"]
    assert requests["status"] == "unreadable" and "逐行排列" in requests["reason"]
    assert "（七）总计" in requests["reason"] and failures(r) == set()
    assert tables(r)["appeals"]["status"] == "read"


@pytest.mark.parametrize(
    "old,new",
    [
        ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请的情况"),
        ("三、收到和处理政府信息公开申请情况", "三、依申请公开情况"),
        ("二、主动公开政府信息情况", "二、主动公开情况"),
        (
            "四、政府信息公开行政复议、行政诉讼情况",
            "四、因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
        ),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"),
        # the overview names the later sections (on its heading's line, as a sentence, as
        # sub-headings)
        ("一、总体情况", "一、总体情况。全年收到和处理政府信息公开申请40件，被申请行政复议4件。"),
        (
            "一、总体情况",
            "一、总体情况\n   全年未发生因政府信息公开工作引发的行政复议、行政诉讼情况。",
        ),
        (
            "一、总体情况",
            "一、总体情况\n   （一）主动公开政府信息情况\n   （二）收到和处理政府信息公开申请情况",
        ),
    ],
)
def test_tables_are_found_under_their_sections_however_worded(
    tmp_path: Path, old: str, new: str
) -> None:
    """A section heading in the law's other wording or a unit's short one still holds its
    table; a sentence or a sub-heading naming it earlier does not."""
    text = gip.layout_text()
    assert old in text
    r = check(write(tmp_path, "worded.txt", text.replace(old, new, 1)))
    assert {t["id"]: t["status"] for t in r["tables"]} == dict.fromkeys(
        ["proactive_documents", "proactive_decisions", "requests", "appeals"], "read"
    )
    assert failures(r) == set()
    assert cell(r, "requests", "new", "total")["value"] == 40
    assert [cell(r, "appeals", "all", c)["value"] for c in gip.APPEALS] == gip.appeals()


_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_BLOCKS = ["行政复议", "未经复议直接起诉", "复议后起诉"]


def _appeals_as(rows: list[str]) -> str:
    """The report with table 四 printed as ``rows`` instead of the national single row."""
    text = gip.layout_text()
    start = text.index("行政复议                          行政诉讼")
    end = text.index("   五、存在的主要问题")
    return text[:start] + "\n".join(rows) + "\n\n" + text[end:]


def _by_block(values: list[int]) -> list[str]:
    return [" | " + " | ".join(_RESULTS)] + [
        f"{b} | " + " | ".join(map(str, values[5 * k : 5 * k + 5])) for k, b in enumerate(_BLOCKS)
    ]


@pytest.mark.parametrize(
    "form",
    [
        "a row per block",
        "review, then both lawsuit blocks",
        "a row per cell",
        "each cell's label over its value, a line each",
    ],
)
def test_table_four_printed_in_pieces_is_read_in_column_order(tmp_path: Path, form: str) -> None:
    v = gip.appeals()
    rows = {
        "a row per block": _by_block(v),
        "review, then both lawsuit blocks": [
            "行政复议",
            " | ".join(_RESULTS),
            " | ".join(map(str, v[:5])),
            "行政诉讼",
            "未经复议直接起诉 | 复议后起诉",
            " | ".join(_RESULTS * 2),
            " | ".join(map(str, v[5:])),
        ],
        "a row per cell": [
            f"{b} | {r} | {v[5 * k + j]}"
            for k, b in enumerate(_BLOCKS)
            for j, r in enumerate(_RESULTS)
        ],
        # 行政复议 / 结果维持 / 2 / 结果纠正 / 1 / …, as a phone's page lays the row out
        "each cell's label over its value, a line each": [
            line
            for k, b in enumerate(_BLOCKS)
            for line in (
                *(["行政诉讼"] if k == 1 else []),
                b,
                *(x for j, r in enumerate(_RESULTS) for x in (r, str(v[5 * k + j]))),
            )
        ],
    }[form]
    r = check(write(tmp_path, "pieces.txt", _appeals_as(rows)))
    assert tables(r)["appeals"]["status"] == "read"
    assert [cell(r, "appeals", "all", c)["value"] for c in gip.APPEALS] == v
    assert failures(r) == set()


def test_table_four_transposed_stays_unreadable(tmp_path: Path) -> None:
    """Rows of results, columns of blocks: its pieces do not name the blocks they open."""
    v = gip.appeals()
    rows = [" | " + " | ".join(_BLOCKS)] + [
        f"{res} | " + " | ".join(str(v[5 * k + j]) for k in range(3))
        for j, res in enumerate(_RESULTS)
    ]
    r = check(write(tmp_path, "transposed.txt", _appeals_as(rows)))
    assert tables(r)["appeals"]["status"] == "unreadable" and failures(r) == set()


def test_a_changed_appeals_total_fails_its_block_only(tmp_path: Path) -> None:
    text = gip.layout_text().replace(
        "   ".join(str(v) for v in gip.appeals()),
        "   ".join(str(v) for v in [*gip.appeals()[:4], 5, *gip.appeals()[5:]]),
    )
    r = check(write(tmp_path, "appeals.txt", text))
    assert failures(r) == {("appeals_review_total", "")}
    # the cell by the column the unit printed, not by a row name the table has not (案件数)
    failed = next(c for c in tables(r)["appeals"]["checks"] if c["passed"] is False)
    assert "而“行政复议 总计”为5" in failed["message"] and "案件数" not in failed["message"]


def test_a_wrong_cell_is_named_by_its_row_and_column(tmp_path: Path) -> None:
    """“（一）予以公开”行“总计”列为16: as a reviewer or a unit finds the cell in its table."""
    table = copy.deepcopy(gip.values())
    table["disclosed"][6] -= 4
    r = check(write(tmp_path, "total.txt", gip.layout_text(table)))
    messages = [c["message"] for c in tables(r)["requests"]["checks"] if c["passed"] is False]
    assert any("而“（一）予以公开”行“总计”列为16" in m for m in messages), messages
    assert not any("×" in m for m in messages)


def test_a_blank_total_is_blank_not_wrong(tmp_path: Path) -> None:
    table = copy.deepcopy(gip.values())
    table["total"][0] = None
    r = check(write(tmp_path, "blank.html", gip.html_page(table)))
    assert cell(r, "requests", "total", "natural")["value"] is None
    assert failures(r) == set()
    unchecked = [c for c in tables(r)["requests"]["checks"] if c["passed"] is None]
    assert unchecked and all("空白" in c["message"] for c in unchecked)
    # the sums that held are not said to be all of them
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and "全部" not in sums["message"] and "未能核对" in sums["message"]
    # and the desk is told to check by hand (the sums unchecked went unsaid: 要素齐全 100, no
    # 处理建议), with the table and how many
    from fzcheck.cohort.stats import action

    assert (
        action(r)
        == f"人工核对：勾稽关系未核对（有空白单元格等）：{tables(r)['requests']['name']}{len(unchecked)}处"
    )


def test_sums_none_of_which_could_be_checked_are_not_said_to_hold(tmp_path: Path) -> None:
    """A page whose editor left every cell of the counts blank: no sum was checked, and the
    message says so (0处勾稽关系全部成立 read as a success)."""
    table = {row: [None] * len(values) for row, values in gip.values().items()}
    page = gip.html_page(table)
    for n in gip.appeals():  # table 四 blank too
        page = page.replace(f"<td>{n}</td>", "<td></td>", 1)
    r = check(write(tmp_path, "blank.html", page))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert "全部成立" not in sums["message"] and sums["message"].startswith("无一处")


def _copied_text(table: dict[str, list[int | None]]) -> str:
    """The tab text as a browser copies it, an empty row's tabs gone with its cells."""
    return "\n".join(line.rstrip("\t") for line in gip.tab_text(table).split("\n"))


@pytest.mark.parametrize(
    "name,make",
    [
        ("page.html", gip.html_page),
        ("report.docx", gip.docx_bytes),
        ("layout.txt", gip.layout_text),  # pdftotext: the empty row a label on its own line
        ("copied.txt", _copied_text),
    ],
)
def test_a_row_left_empty_is_a_row_of_blanks_not_the_next_rows_label(
    tmp_path: Path, name: str, make: Any
) -> None:
    """上年结转 left empty (nothing carried over) and the all-zero reasons left empty, as units
    fill the form: each is a row of blank cells — its sums not checked, never failed — and the
    next row keeps its own values. Before, the empty row's label was glued to the next row's,
    which was read as 上年结转 and failed five sums."""
    table = copy.deepcopy(gip.values())
    table["carried_in"] = [None] * 7
    for row, values in table.items():
        if row != "carried_in" and not any(values):
            table[row] = [None] * 7
    r = check(write(tmp_path, name, make(table)))
    assert tables(r)["requests"]["status"] == "read" and failures(r) == set()
    assert [cell(r, "requests", "carried_in", c)["value"] for c in gip.APPLICANTS] == [None] * 7
    assert cell(r, "requests", "disclosed", "total")["value"] == 20
    assert cell(r, "requests", "withheld_third_party", "natural")["value"] == 2
    assert cell(r, "requests", "withheld_secret", "natural")["value"] is None


@pytest.mark.parametrize("mark", ["—", "-", "/", "／", "无"])
def test_a_dash_for_none_counts_as_zero_and_the_row_is_read(tmp_path: Path, mark: str) -> None:
    """Units write a dash, a slash or 无 for none: the row is still read, the mark adds as 0 (the
    format asks for 0), so the sums it is in are checked — a total one too many is caught."""

    def dashed(text: str) -> str:
        return "\n".join(
            re.sub(r"(?<= )0(?= |$)", mark, line) if "本年新收" in line else line
            for line in text.split("\n")
        )

    r = check(write(tmp_path, "dashes.txt", dashed(gip.layout_text())))
    new = [c for c in tables(r)["requests"]["cells"] if c["row"] == "new"]
    assert len(new) == 7 and [c["value"] for c in new].count(0) == 1
    assert [c["text"] for c in new].count(mark.replace("／", "/")) == 1  # shown as written
    assert tables(r)["requests"]["status"] == "read" and failures(r) == set()
    assert all(c["passed"] for c in tables(r)["requests"]["checks"])
    table = copy.deepcopy(gip.values())
    table["new"][6] += 1  # 本年新收 × 总计, one too many
    wrong = check(write(tmp_path, "wrong.txt", dashed(gip.layout_text(table))))
    assert ("requests_row_totals", "一、本年新收") in failures(wrong)


def test_values_typed_with_their_unit_and_a_total_called_heji_are_read(tmp_path: Path) -> None:
    """Some units type the unit in every cell (30件) and call the total row （七）合计."""
    text = gip.layout_text()
    requests = text[text.index("三、收到和处理") : text.index("四、政府信息公开行政复议")]
    typed = re.sub(r"(?<= )(\d+)(?= |$)", r"\1件", requests, flags=re.M).replace(
        "（七）总计", "（七）合计"
    )
    r = check(write(tmp_path, "units.txt", text.replace(requests, typed)))
    assert tables(r)["requests"]["status"] == "read" and failures(r) == set()
    assert cell(r, "requests", "new", "total")["text"] == "40件"
    assert cell(r, "requests", "new", "total")["value"] == 40
    assert cell(r, "requests", "total", "total")["value"] == gip.values()["total"][6]


def test_rows_of_blanks_and_empty_cells_by_the_thousand_are_read_in_one_pass(
    tmp_path: Path,
) -> None:
    """30,000 label rows with blank cells, and a row of 200,000 empty cells, in table 三's
    section: each row's label is searched with a bounded tail of the labels before it (all of
    them, searched again at every row, took minutes), and the table still reads."""
    text = gip.layout_text()
    heading = "   三、收到和处理政府信息公开申请情况\n"
    assert heading in text
    junk = "某 |  | \n" * 30_000 + "标签" + " | " * 200_000 + "\n"
    r = check(write(tmp_path, "junk.txt", text.replace(heading, heading + junk)))
    assert tables(r)["requests"]["status"] == "read" and failures(r) == set()


def test_thousands_separators_are_read_as_the_number(tmp_path: Path) -> None:
    r = check(write(tmp_path, "excel.txt", gip.layout_text().replace("1280", "1,280")))
    assert tables(r)["proactive_decisions"]["status"] == "read"
    assert cell(r, "proactive_decisions", "licensing", "count")["value"] == 1280


def test_a_space_between_groups_of_three_in_a_cell_is_one_number(tmp_path: Path) -> None:
    """1 234 in a tab-separated cell is 1234 (as French or Word's locale groups it): the row
    was taken for a label, and the next row for this one (three false sum failures)."""
    table = copy.deepcopy(gip.values())
    for row in ("new", "carried_out"):  # 本年新收 + 上年结转 = 总计 + 结转下年度 still
        table[row][0] += 1200
        table[row][6] += 1200
    text = gip.tab_text(table)
    spaced = re.sub(r"\t(\d)(\d{3})(?=\t|\n)", r"\t\1 \2", text)
    assert spaced.count("\t1 2") == 4
    r = check(write(tmp_path, "spaced.txt", spaced))
    assert cell(r, "requests", "new", "natural")["value"] == 1230
    assert cell(r, "requests", "carried_out", "total")["value"] == 1204
    assert failures(r) == set()


def test_the_2019_format_is_read_too(tmp_path: Path) -> None:
    r = check(write(tmp_path, "old.txt", gip.layout_text(gip.values("2019"), gip.ROWS_2019)))
    assert cell(r, "requests", "other_handling", "natural")["value"] == 1
    assert failures(r) == set() and tables(r)["requests"]["status"] == "read"


def test_a_sections_heading_set_as_its_tables_first_row_is_the_heading(tmp_path: Path) -> None:
    """A web page's tables opening with their section's heading in a merged row (<td
    colspan>二、主动公开政府信息情况</td>): the sections are found, the tables read; a row inside
    a table with its values left blank (二、上年结转… with nothing after it) stays a row."""
    page = gip.html_page()
    for heading, width in (
        ("二、主动公开政府信息情况", 4),
        ("三、收到和处理政府信息公开申请情况", 9),
        ("四、政府信息公开行政复议、行政诉讼情况", 15),
    ):
        paragraph = f"<p>{heading}</p>\n<table>"
        assert paragraph in page
        page = page.replace(paragraph, f"<table><tr><td colspan='{width}'>{heading}</td></tr>")
    r = check(write(tmp_path, "captions.html", page))
    assert {p["id"]: p["status"] for p in r["parts"]}["proactive"] == "present"
    assert all(p["status"] == "present" for p in r["parts"]), r["parts"]
    assert {t["id"] for t in r["tables"] if t["status"] == "read"} >= {
        "proactive_documents",
        "requests",
        "appeals",
    }
    assert failures(r) == set()
    blank = gip.values()
    blank["carried_in"] = [None] * 7
    r = check(write(tmp_path, "blank.html", gip.html_page(blank)))
    assert not any("上年结转" in (p.get("heading") or "") for p in r["parts"])


_FIRST_OTHER = "（六）其他处理\t1.申请人无正当理由逾期不补正"


@pytest.mark.parametrize("subtotal", ["\t" * 7, "\t1\t0\t0\t0\t0\t0\t1"])
def test_the_other_handling_row_over_its_three_is_not_counted_with_them(
    tmp_path: Path, subtotal: str
) -> None:
    """（六）其他处理 on a row of its own over its 1. 2. 3. — blank, or their subtotal — is
    their heading: （七）总计 adds the three, not the three and it (a subtotal counted twice
    failed a right table; a blank one made the sums unreadable and hid a wrong 总计)."""
    text = gip.tab_text()
    assert _FIRST_OTHER in text
    text = text.replace(_FIRST_OTHER, f"\t（六）其他处理{subtotal}\n{_FIRST_OTHER}")
    r = check(write(tmp_path, "sub.txt", text))
    assert cell(r, "requests", "other_handling", "natural") is not None
    assert failures(r) == set(), [c["message"] for c in r["checks"] if not c["passed"]]
    total = "（七）总计\t29\t5\t1\t0\t2\t1\t38"
    assert total in text
    r = check(
        write(tmp_path, "wrong.txt", text.replace(total, "（七）总计\t30\t5\t1\t0\t2\t1\t39"))
    )
    assert ("requests_results_total", "自然人") in failures(r)


_STATED = "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。"


@pytest.mark.parametrize(
    "none",
    [
        "本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
        "全年无政府信息公开行政复议和行政诉讼案件。",
    ],
)
def test_a_narrative_saying_there_were_no_appeals_is_set_against_table_four(
    tmp_path: Path, none: str
) -> None:
    """未发生…行政复议、行政诉讼 states none: table 四 counting 4 and 2 is flagged, each block
    named; a table of blanks or zeros agrees."""
    text = gip.layout_text()
    assert _STATED in text
    r = check(write(tmp_path, "none.txt", text.replace(_STATED, none)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"]
    assert "行政复议数" in flag["message"] and "表中为4" in flag["message"]
    assert "行政诉讼数" in flag["message"] and "表中为2" in flag["message"]
    zeros = "   " + "   ".join(["0"] * 15)
    row = "   " + "   ".join(str(v) for v in gip.appeals())
    quiet = text.replace(_STATED, none).replace(row, zeros)
    assert quiet != text.replace(_STATED, none)
    flag = next(
        c
        for c in check(write(tmp_path, "q.txt", quiet))["checks"]
        if c["id"] == "text_matches_tables"
    )
    assert flag["passed"] and "对照的4处数字一致" in flag["message"]


@pytest.mark.parametrize(
    ("stated", "flagged"),
    [
        # a township copying last year's sentence over a table that counts 40 new requests
        ("本年度我局未收到政府信息公开申请", True),
        ("全年无政府信息公开申请", True),
        ("本机关未收到任何形式的政府信息公开申请", True),
        ("本年度未收到涉及国家秘密的政府信息公开申请。全年新收申请40件", False),
        # the table's own word, no 公开: compared, and it agrees
        ("本机关全年新收申请40件", False),
        # the report's subject needs no 公开 either, and requests are counted in 份 too
        ("2024年，本机关共收到申请43件", True),
        ("2024年，本机关共收到政府信息公开申请43份", True),
    ],
)
def test_a_narrative_count_of_requests_is_set_against_table_three(
    tmp_path: Path, stated: str, flagged: bool
) -> None:
    """未收到政府信息公开申请 states none, 新收申请40件 a count: each is set against table 三's
    新收 total (the first was never compared, and the text was said to agree with the table)."""
    text = gip.layout_text()
    said = "2024年，本机关共收到政府信息公开申请40件"
    assert said in text
    r = check(write(tmp_path, "stated.txt", text.replace(said, stated)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"] is not flagged, flag["message"]
    if flagged:
        assert "收到申请数" in flag["message"] and "表中为40" in flag["message"]
    else:
        assert "对照的4处数字一致" in flag["message"]


@pytest.mark.parametrize(
    "added",
    [
        # none held to account, not no cases; no complaint about the answers, not no requests
        "全年未发生因政府信息公开行政复议、行政诉讼引发的责任追究情况。",
        "全年未收到针对本机关政府信息公开申请答复工作的投诉。",
        # the count given, then split in the next sentence into new and carried-over ones
        "全年共收到政府信息公开申请42件。其中，本年新收申请40件，上年结转申请2件。",
        # disclosed ones counting the partly disclosed; the overview's proactive disclosure
        "予以公开23件（含部分公开5件）。",
        "全年向社会予以公开政府信息326件。",
        # one kind of request; the courts' caseload, not the unit's
        "收到不动产登记资料类政府信息公开申请30件，占申请总数的75%。",
        "全县法院一审审结行政诉讼案件56件。",
        # the county's as a whole, not the government's own table (helper-195's)
        "全县各级行政机关共收到政府信息公开申请150件。",
    ],
)
def test_a_statement_of_something_else_is_not_set_against_the_tables(
    tmp_path: Path, added: str
) -> None:
    text = gip.layout_text().replace(_STATED, _STATED + added)
    r = check(write(tmp_path, "other.txt", text))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"], flag["message"]
    assert "对照的4处数字一致" in flag["message"]


def test_no_correction_of_appeals_is_not_a_statement_of_none(tmp_path: Path) -> None:
    text = gip.layout_text().replace(_STATED, _STATED + "全年未发生行政复议纠错案件。")
    r = check(write(tmp_path, "corrected.txt", text))
    assert next(c for c in r["checks"] if c["id"] == "text_matches_tables")["passed"]


_HEADER_2021 = "信息内容          本年制发件数     本年废止件数   现行有效件数"
_HEADER_2019 = "信息内容          本年新制作数量   本年新公开数量   对外公开总数量"


def test_a_report_on_2021_or_later_in_the_2019_format_is_flagged(tmp_path: Path) -> None:
    """The 2021 format is the form from the 2021 reports on: table 二 headed as in 2019 is
    flagged, with its line; a report on 2020 in the 2019 format is not."""
    text = gip.layout_text()
    assert _HEADER_2021 in text
    old = text.replace(_HEADER_2021, _HEADER_2019)
    r = check(write(tmp_path, "old2024.txt", old))
    flag = next(c for c in r["checks"] if c["id"] == "current_form")
    line = old.splitlines().index(_HEADER_2019) + 1
    assert not flag["passed"] and f"第{line}行“本年新制作数量”" in flag["message"]
    assert r["score"] == 95
    # its values mean other things than the 2021 columns': not read into them
    documents = tables(r)["proactive_documents"]
    assert documents["status"] == "unreadable" and "2021年度以前旧格式的列" in documents["reason"]
    passed = next(
        c for c in check(write(tmp_path, "new.txt", text))["checks"] if c["id"] == "current_form"
    )
    assert passed["passed"]
    r2020 = check(
        write(tmp_path, "old2020.txt", old.replace("2024", "2020").replace("2025", "2021"))
    )
    assert r2020["document"]["report_year"] == 2020
    assert not any(c["id"] == "current_form" for c in r2020["checks"])


@pytest.mark.parametrize(
    "heading",
    ["   四、政府信息公开的收费及减免情况", "   （二）依申请公开政府信息和不予公开政府信息情况"],
)
def test_a_report_on_2021_or_later_in_the_2008_outline_is_flagged(
    tmp_path: Path, heading: str
) -> None:
    """A section of the 2008 条例's outline (收费及减免, 依申请公开和不予公开 together) in a
    report on 2024 is the old form, named with its line; the same words in a sentence are not."""
    text = gip.layout_text()
    tail = "   五、存在的主要问题及改进情况"
    old = text.replace(tail, f"{heading}\n   本年度未收取任何费用。\n{tail}")
    flag = next(
        c for c in check(write(tmp_path, "o.txt", old))["checks"] if c["id"] == "current_form"
    )
    line = old.splitlines().index(heading) + 1
    assert not flag["passed"] and f"第{line}行" in flag["message"], flag["message"]
    said = text.replace(tail, f"   本年度无收费及减免情况。\n{tail}")
    flag = next(
        c for c in check(write(tmp_path, "s.txt", said))["checks"] if c["id"] == "current_form"
    )
    assert flag["passed"], flag["message"]


def test_run_together_digits_are_unreadable_not_wrong(tmp_path: Path) -> None:
    flat = "".join(line.strip().replace(" ", "") for line in gip.layout_text().splitlines())
    r = check(write(tmp_path, "flat.txt", flat))
    assert r["rubric"]["id"] == "gip-annual"
    assert tables(r)["requests"]["status"] == "unreadable"
    assert "连在一起" in tables(r)["requests"]["reason"]
    assert failures(r) == set()
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["message"].startswith("没有可核对的勾稽关系")  # none checked, not 全部成立


def test_a_narrative_count_that_disagrees_is_flagged_with_both_numbers(tmp_path: Path) -> None:
    r = check(write(tmp_path, "narrative.txt", gip.layout_text(stated_new=35)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"]
    assert "收到政府信息公开申请35件" in flag["message"] and "表中为40" in flag["message"]
    assert r["score"] == 100  # a warning: the narrative may count a different scope


@pytest.mark.parametrize(
    "old,new",
    [
        ("共收到政府信息公开申请40件", "共受理政府信息公开申请42件（含上年结转2件），其中新收40件"),
        (
            "共收到政府信息公开申请40件",
            "共受理政府信息公开申请42件（其中本年新收40件，上年结转2件）",
        ),
        (
            "因政府信息公开工作被申请行政复议4件",
            "全年办理行政复议案件156件，因政府信息公开工作被申请行政复议4件",
        ),
        ("被提起行政诉讼2件", "被提起行政诉讼1件，复议后起诉1件"),
        # found by a probe: last year's count first, new and carried-over worded 包括, a late
        # answer that there was none, a 司法局's cases as the review body, a channel's part
        ("2024年，本机关共收到", "2023年共收到政府信息公开申请33件；2024年，本机关共收到"),
        (
            "共收到政府信息公开申请40件",
            "共受理政府信息公开申请42件，包括本年新收40件和上年结转2件",
        ),
        ("2024年，本机关共收到", "全年无超期答复的政府信息公开申请。2024年，本机关共收到"),
        (
            "因政府信息公开工作被申请行政复议4件",
            "作为行政复议机关，受理涉政府信息公开行政复议案件12件；因政府信息公开工作被申请行政复议4件",
        ),
        ("予以公开", "其中通过网络收到政府信息公开申请31件，予以公开"),
        # found by a probe (GIP text): a part disclosed in part, a breakdown by applicant, none
        # by letter, a 司法局's caseload as the county's review body
        ("予以公开", "部分予以公开3件，予以公开"),
        ("予以公开", "其中收到自然人提出的政府信息公开申请30件，予以公开"),
        ("予以公开", "全年未收到以信函方式提交的政府信息公开申请，予以公开"),
        # none of one kind of request (those needing a third party's view)
        (
            "2024年，本机关共收到",
            "本年度未收到需要征求第三方意见的政府信息公开申请。2024年，本机关共收到",
        ),
        (
            "被提起行政诉讼2件",
            "被提起行政诉讼2件。作为复议机构，办理以县政府为被告的行政诉讼案件30件",
        ),
        # found by a review (helper-176): the year before worded 前一年度, a channel on the
        # spot, an applicant named in the statement, half a year, the units' parts after 其中,
        # none from one kind of applicant, a system's
        # proactive disclosure, a goal, a county's reviews of which some are on disclosure
        ("予以公开", "与前一年度收到申请28件相比有所增加，予以公开"),
        ("予以公开", "窗口现场收到申请21件，予以公开"),
        ("予以公开", "收到自然人提出的政府信息公开申请30件，予以公开"),
        ("予以公开", "下半年收到申请21件，予以公开"),
        ("予以公开20件。", "予以公开20件。其中，局机关收到申请25件，执法大队收到申请15件。"),
        (
            "2024年，本机关共收到",
            "本年度未收到法人或其他组织提出的政府信息公开申请。2024年，本机关共收到",
        ),
        ("予以公开20件。", "予以公开20件。行政处罚信息在企业信用信息公示系统予以公开316件。"),
        ("予以公开20件。", "予以公开20件。县法律援助中心全年受理申请420件。"),
        ("予以公开20件。", "予以公开20件。依托县政务服务中心窗口，全年受理申请12680件。"),
        (
            "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。",
            "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。力求全年无因政府信息公开引发的行政复议、行政诉讼。",
        ),
        (
            "因政府信息公开工作被申请行政复议4件",
            "县政府被申请行政复议案件23件，其中涉及依申请公开的4件",
        ),
        (
            "因政府信息公开工作被申请行政复议4件",
            "因政府信息公开工作被申请行政复议4件。当事人对行政处罚决定不服申请行政复议12件",
        ),
        (
            "被提起行政诉讼2件。",
            "被提起行政诉讼2件。上年结转的2件申请均已办结，其中予以公开1件、无法提供1件。",
        ),
        # helper-180: a 信访 reply, other units' replies a review body handles, the parts after
        # 其中; the carried-over ones handled however far 办结 stands from 结转
        ("被提起行政诉讼2件。", "被提起行政诉讼2件。群众对我局信访答复不服申请行政复议1件。"),
        (
            "被提起行政诉讼2件。",
            "被提起行政诉讼2件。信访人对我局信访事项处理意见答复不服，向市交通运输局申请行政复议2件。",
        ),
        (
            "被提起行政诉讼2件。",
            "被提起行政诉讼2件。县司法局作为复议机关，全年办理群众对各部门答复不服申请行政复议案件12件。",
        ),
        (
            "被申请行政复议4件，",
            "被申请行政复议4件，其中申请人对我局答复不服申请行政复议3件、对逾期未答复申请行政复议1件，",
        ),
        (
            "被提起行政诉讼2件。",
            "被提起行政诉讼2件。上年结转的2件政府信息公开申请已于2024年1月底前全部办结，予以公开2件。",
        ),
        (
            "被提起行政诉讼2件。",
            "被提起行政诉讼2件。上年结转的2件申请已于本年度全部办结，予以公开1件、不予公开1件。",
        ),
        (
            "共收到政府信息公开申请40件",
            "共受理政府信息公开申请42件，其中本年度新收的政府信息公开申请40件，上年度结转的申请2件",
        ),
        (
            "共收到政府信息公开申请40件",
            "共收到政府信息公开申请42件，其中，本年新收40件；上年结转2件",
        ),
        # after a ； the carried-over may be in the list (helper-189's g01)
        (
            "共收到政府信息公开申请40件",
            "共收到政府信息公开申请42件。其中：自然人申请30件；法人或其他组织申请10件；上年结转2件",
        ),
        # the carried-over in the same 其中 list: the 42 holds them (helper-188's g01, g02)
        (
            "共收到政府信息公开申请40件",
            "共收到政府信息公开申请42件，其中自然人申请28件、法人或其他组织申请12件、上年结转2件",
        ),
        ("共收到政府信息公开申请40件", "共受理政府信息公开申请42件，其中新申请40件，上年度结转2件"),
    ],
)
def test_a_narrative_count_of_another_scope_is_not_flagged(
    tmp_path: Path, old: str, new: str
) -> None:
    """42 with the carried-over ones, the review cases a 司法局 handles as a review body, one
    block of the lawsuits: each counts something else than the cell it would be set against."""
    text = gip.layout_text()
    assert old in text
    r = check(write(tmp_path, "narrative.txt", text.replace(old, new)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"], flag["message"]


@pytest.mark.parametrize(
    "old,new,said",
    [
        # the year's total said 全年累计, through every kind of channel, online and off
        ("本机关共收到政府信息公开申请40件", "本机关全年累计收到政府信息公开申请45件", "申请45件"),
        (
            "本机关共收到政府信息公开申请40件",
            "本机关通过各类渠道共收到政府信息公开申请45件",
            "申请45件",
        ),
        (
            "本机关共收到政府信息公开申请40件",
            "本机关通过网上和线下渠道共收到政府信息公开申请45件",
            "申请45件",
        ),
        # cases counted in 起 / 宗; none said as 未受理 or 无依申请公开事项
        ("被申请行政复议4件", "被申请行政复议3起", "行政复议3起"),
        ("被提起行政诉讼2件", "被提起行政诉讼案件3宗", "行政诉讼案件3宗"),
        ("本机关共收到政府信息公开申请40件", "本机关未受理政府信息公开申请", "未受理"),
        ("本机关共收到政府信息公开申请40件", "本年度无依申请公开事项", "无依申请公开事项"),
        # one count for both nouns (均为0件, 各1件)
        (
            "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件",
            "因政府信息公开引起的行政复议、行政诉讼案件均为0件",
            "行政诉讼案件均为0件",
        ),
        (
            "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件",
            "被申请行政复议和提起行政诉讼各1件",
            "行政诉讼各1件",
        ),
        # an applicant's review of the unit's reply (helper-176's C13)
        (
            "被申请行政复议4件",
            "1名申请人对我局答复不服，向县人民政府申请行政复议1件",
            "行政复议1件",
        ),
        ("被申请行政复议4件", "申请人不服我局答复申请行政复议2件", "行政复议2件"),
        (
            "因政府信息公开工作被申请行政复议4件",
            "因不服我局政府信息公开答复，申请人向市政府申请行政复议1件",
            "行政复议1件",
        ),
        # the year's own after the carried-over ones (helper-180's C04, C12)
        (
            "予以公开20件",
            "上年结转2件，本年度共办结39件，其中予以公开25件",
            "予以公开25件",
        ),
        (
            "予以公开20件",
            "本年度办结申请39件，结转下年度3件，已办结的申请中予以公开25件",
            "予以公开25件",
        ),
        # the new ones by applicant after 其中, the carried-over told besides (helper-183's t35)
        (
            "本机关共收到政府信息公开申请40件",
            "本机关共收到政府信息公开申请45件，其中自然人申请41件，另有上年结转申请4件",
            "申请45件",
        ),
        # the year's again after the carried-over ones in one sentence (helper-180's C02)
        (
            "予以公开20件",
            "上年结转的2件申请均已办结，其中予以公开1件，全年共予以公开25件",
            "予以公开25件",
        ),
    ],
)
def test_a_narrative_count_as_units_word_it_is_compared(
    tmp_path: Path, old: str, new: str, said: str
) -> None:
    """Counts of the whole worded as units word them (helper-176): each was passed over as
    another scope or not read at all, and a text contradicting its table went unflagged."""
    text = gip.layout_text()
    assert old in text
    r = check(write(tmp_path, "worded.txt", text.replace(old, new)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"] and said in flag["message"], flag["message"]


def test_a_total_through_every_channel_is_compared(tmp_path: Path) -> None:
    """通过网站、信函和当面等渠道共收到…56件: the whole, by every channel, not one channel's
    part (it was passed over, and the check said the text stated no counts)."""
    text = gip.layout_text()
    old = "本机关共收到政府信息公开申请40件"
    assert old in text
    new = "本机关通过网站、信函和当面等渠道共收到政府信息公开申请56件"
    r = check(write(tmp_path, "channels.txt", text.replace(old, new)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"] and "申请56件" in flag["message"] and "表中为40" in flag["message"]


def test_counts_only_of_a_part_are_said_to_be_left_uncompared(tmp_path: Path) -> None:
    """Counts the text states of a channel or of last year: the check says how many were left
    uncompared, and when no other count is stated, that these were, not that the text states no
    counts."""
    text = gip.layout_text().replace(
        "2024年，本机关共收到政府信息公开申请40件，予以公开",
        "其中通过网络收到政府信息公开申请31件，上年度收到政府信息公开申请33件，予以公开",
    )
    r = check(write(tmp_path, "parts.txt", text))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert (
        flag["passed"]
        and "对照的3处数字一致" in flag["message"]
        and "另有2处为分项" in flag["message"]
    ), flag["message"]
    alone = text.split("，予以公开")[0] + "。\n" + text.split("被提起行政诉讼2件。")[1]
    r = check(write(tmp_path, "alone.txt", alone))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"] and flag["message"].startswith("正文所述2处数字为分项"), flag["message"]


def test_every_statement_of_a_count_is_set_against_its_cell(tmp_path: Path) -> None:
    """The overview right (40), section 三 wrong (45): the second is flagged, not passed over
    as the first was."""
    text = gip.layout_text()
    heading = "   三、收到和处理政府信息公开申请情况\n"
    wrong = heading + "   本年度共收到政府信息公开申请45件。\n"
    r = check(write(tmp_path, "twice.txt", text.replace(heading, wrong)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"] and "申请45件" in flag["message"] and "表中为40" in flag["message"]
    # a hint costs nothing, but the desk is told to look (it was 要素齐全 100, no 处理建议)
    from fzcheck.cohort.stats import action

    assert r["score"] == 100
    assert action(r) == f"人工核对（提示项未通过）：{flag['name']}"
    r = check(write(tmp_path, "right.txt", text))
    assert action(r) == ""


def test_a_groups_subtotal_row_under_its_merged_label_is_passed_over(tmp_path: Path) -> None:
    """A unit's own subtotal row for （三）不予公开, its group's merged cell read before it
    (三、本年度办理结果 | （三）不予公开 | 2 …, as Word tables read): passed over like the group's
    row, not a row of values naming no row (the table was unreadable)."""
    table = gip.values()
    withheld = [r for r in table if r.startswith("withheld_")]
    sums = [sum(table[r][k] or 0 for r in withheld) for k in range(7)]
    lines = gip.tab_text(table).split("\n")
    first = next(i for i, line in enumerate(lines) if "属于国家秘密" in line)
    lines.insert(first, "\t".join(["三、本年度办理结果", "（三）不予公开", *map(str, sums)]))
    r = check(write(tmp_path, "subtotal.txt", "\n".join(lines)))
    assert tables(r)["requests"]["status"] == "read" and failures(r) == set()


def test_a_department_publishing_after_31_january_is_late(tmp_path: Path) -> None:
    r = check(write(tmp_path, "late.html", gip.html_page(published="2025-02-15")))
    late = next(c for c in r["checks"] if c["id"] == "published_in_time")
    assert not late["passed"] and "2025-01-31" in late["message"]
    assert "县级以上人民政府部门" in late["message"]
    gov = gip.html_page(published="2025-02-15", unit="示例县人民政府")
    r = check(write(tmp_path, "gov.html", gov))
    ok = next(c for c in r["checks"] if c["id"] == "published_in_time")
    assert ok["passed"] and "2025-03-31" in ok["message"]


def test_report_types_are_never_confused(tmp_path: Path) -> None:
    from tests.helpers import FIXTURES, SAMPLE

    for path in [SAMPLE, *sorted(FIXTURES.glob("*.txt"))]:
        assert check(path)["rubric"]["id"] == "fazhi-annual", path
    r = check(write(tmp_path, "gip.txt", gip.layout_text()))
    assert r["rubric"]["id"] == "gip-annual"
    assert json.dumps(r, ensure_ascii=False).count("法治") == 0


@pytest.mark.parametrize(
    "name,make", [("page.html", gip.html_page), ("report.docx", gip.docx_bytes)]
)
def test_a_tables_rows_are_not_headings(tmp_path: Path, name: str, make: Any) -> None:
    """A Word or web table's row (一、本年新收… | 30 | 6 | …) is no heading, whatever marker its
    label opens with: with the sections numbered （一）…（六）, those rows made every section
    but one a sub-heading (embedded)."""
    content = make()
    r = check_source(str(write(tmp_path, name, content)), Catalog.load())
    assert r.analysis is not None
    assert not any("|" in h.text for h in r.analysis.outline.headings)
    if not name.endswith(".docx"):
        return
    blank_row = copy.deepcopy(gip.values())
    blank_row["carried_in"] = [None] * 7
    reports = {
        "figures": gip.docx_bytes(paren_headings=True),
        "a row left empty": gip.docx_bytes(blank_row, paren_headings=True),
    }
    for form, report in reports.items():
        parts = check(write(tmp_path, "numbered.docx", report))["parts"]
        assert {p["id"]: p["status"] for p in parts} == dict.fromkeys(
            ["overview", "proactive", "requests", "appeals", "improvements", "other"], "present"
        ), form


@pytest.mark.parametrize("label", ["3 其他", "3.其它", "（3）其他", "其他"])
def test_the_last_other_handling_row_is_read_however_its_number_is_written(
    tmp_path: Path, label: str
) -> None:
    """（六）其他处理's 3.其他, numbered as units number it (or not at all): left out, the
    column totals that count it failed on a table that adds up."""
    rows = [(r, label if r == "other_misc" else lab, g) for r, lab, g in gip.ROWS_2021]
    r = check(write(tmp_path, "report.txt", gip.layout_text(rows=rows)))
    assert cell(r, "requests", "other_misc", "natural")["value"] == gip.values()["other_misc"][0]
    assert not failures(r)


def _national_format_proactive(sentence: str) -> str:
    """Table 二 as the national template lays it out on a web page: a caption row per item of
    第二十条 with its cells empty, and each count in one cell spanning three columns."""
    return (
        f"<p>{sentence}</p>"
        "<table><tr><td colspan='4'>第二十条第（一）项</td></tr>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
        "<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>"
        "<tr><td colspan='4'>第二十条第（五）项</td></tr>"
        "<tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
        "<tr><td>行政许可</td><td colspan='3'>1280</td></tr>"
        "<tr><td colspan='4'>第二十条第（六）项</td></tr>"
        "<tr><td>信息内容</td><td colspan='3'>本年处理决定数量</td></tr>"
        "<tr><td>行政处罚</td><td colspan='3'>316</td></tr>"
        "<tr><td>行政强制</td><td colspan='3'>12</td></tr></table>"
    )


def test_table_two_in_the_national_layout_is_read(tmp_path: Path) -> None:
    """A count spanning three columns is one value (the empty cells after it are the span), and
    the sentence before a caption row does not name that row (制发规范性文件… is text, not a
    label): both parts of table 二 are read, values where they stand."""
    page = gip.html_page()
    start = page.index("<p>二、主动公开政府信息情况</p>") + len("<p>二、主动公开政府信息情况</p>")
    end = page.index("<p>三、收到和处理")
    sentence = "本年度制发行政规范性文件3件，废止1件，现行有效12件。"
    page = page[:start] + _national_format_proactive(sentence) + page[end:]
    r = check(write(tmp_path, "report.html", page))
    got = tables(r)
    assert got["proactive_documents"]["status"] == "read", got["proactive_documents"]["reason"]
    assert got["proactive_decisions"]["status"] == "read", got["proactive_decisions"]["reason"]
    assert cell(r, "proactive_documents", "normative", "in_force")["value"] == 12
    assert cell(r, "proactive_decisions", "licensing", "count")["value"] == 1280


@pytest.mark.parametrize("hashes", ["#", "##", "###"])
def test_a_markdown_title_at_any_level_is_the_title(tmp_path: Path, hashes: str) -> None:
    text = gip.markdown_text().replace("# ", f"{hashes} ", 1)
    r = check(write(tmp_path, "report.md", text))
    assert r["document"]["title"] == "示例县交通运输局2024年政府信息公开工作年度报告"


@pytest.mark.parametrize("heading", ["一、总体工作情况", "一、概述", "一、工作概况"])
def test_the_overview_as_units_head_it_is_present(tmp_path: Path, heading: str) -> None:
    text = gip.layout_text().replace("一、总体情况", heading)
    r = check(write(tmp_path, "report.txt", text))
    assert {p["id"]: p["status"] for p in r["parts"]}["overview"] == "present"


def test_a_report_without_its_statistical_tables_is_flagged(tmp_path: Path) -> None:
    """A township's report that tells its numbers in sentences and prints no table: the format
    requires the tables, and the check names the ones not found."""
    unit = "示例县某镇人民政府"
    no_tables = "\n".join(
        [
            *gip._head(unit),
            "   二、主动公开政府信息情况",
            "   本年度制发行政规范性文件3件，废止1件。",
            "   三、收到和处理政府信息公开申请情况",
            "   本年度收到政府信息公开申请5件，均已按时办结。",
            "   四、政府信息公开行政复议、行政诉讼情况",
            "   本年度未发生政府信息公开行政复议、行政诉讼。",
            *gip._tail(unit),
        ]
    )
    r = check(write(tmp_path, "report.txt", no_tables))
    flag = next(c for c in r["checks"] if c["id"] == "has_statistical_tables")
    assert not flag["passed"] and "表三" in flag["message"] and "表四" in flag["message"]
    full = check(write(tmp_path, "full.txt", gip.layout_text()))
    assert next(c for c in full["checks"] if c["id"] == "has_statistical_tables")["passed"]


def test_a_group_label_between_table_rows_is_no_heading(tmp_path: Path) -> None:
    """Sections numbered （一）…（六）: the table's own 三、本年度办理结果 line, standing between its
    rows, is a row group's label — not a top-level heading that would demote every section."""
    text = gip.layout_text()
    for section in ("一、总体", "二、主动", "三、收到", "四、政府", "五、存在", "六、其他"):
        assert section in text
        text = text.replace(section, f"（{section[0]}）{section[2:]}")
    assert "三、本年度办理结果" in text
    r = check(write(tmp_path, "report.txt", text))
    assert {p["id"]: p["status"] for p in r["parts"] if p["required"]} == {
        p["id"]: "present" for p in r["parts"] if p["required"]
    }
    assert tables(r)["requests"]["status"] == "read"


def test_values_with_their_unit_set_apart_are_read(tmp_path: Path) -> None:
    """45 件 (a unit after a space, as some units type every cell): one value, not a label word
    that hides the row's values."""
    text = gip.layout_text()
    start, end = text.index("三、收到和处理"), text.index("四、政府信息公开行政复议")
    table = re.sub(r"(?<=\s)(\d+)(?=\s|$)", r"\1 件", text[start:end], flags=re.MULTILINE)
    r = check(write(tmp_path, "report.txt", text[:start] + table + text[end:]))
    assert tables(r)["requests"]["status"] == "read"
    assert cell(r, "requests", "new", "total")["value"] == gip.values()["new"][-1]
    assert not failures(r)


def test_a_sections_own_count_after_an_earlier_table_is_compared(tmp_path: Path) -> None:
    """The count told in section 三, below table 二: the narrative wherever it stands is set
    against the table (only the tables' rows are left out)."""
    text = gip.layout_text().replace("共收到政府信息公开申请40件", "全年依申请公开工作平稳")
    heading = "   三、收到和处理政府信息公开申请情况\n"
    text = text.replace(heading, heading + "   本年度收到政府信息公开申请35件。\n")
    flag = next(
        c
        for c in check(write(tmp_path, "r.txt", text))["checks"]
        if c["id"] == "text_matches_tables"
    )
    assert not flag["passed"] and "申请35件" in flag["message"] and "表中为40" in flag["message"]


def test_a_sentences_spaced_count_is_no_row_of_values() -> None:
    """全年公开行政许可事项 1200 件 (PDF text spaces its numbers): one count in a sentence, not a
    row whose value a table's 行政许可 cell would take; a row of counts with units set apart is."""
    from fzcheck.analysis.tables import split_row

    assert split_row("全年通过政务服务网集中公开行政许可事项 1200 件") is None
    row = split_row("行政许可  1200 件  3 件")
    assert row is not None and [v.text for v in row[1]] == ["1200件", "3件"]


def test_a_heading_between_two_tables_whose_widths_match_by_chance_is_a_heading(
    tmp_path: Path,
) -> None:
    """Table 三's last row ends in nine cells (two blank, seven values: its label spans three
    columns) and table 四's first header row in nine blanks (行政诉讼 spans ten): the section's
    heading between them is still a heading, not a row group's label, and table 四 is read."""
    page = gip.html_page().replace(
        "<td colspan='2'>四、结转下年度继续办理</td>",
        "<td colspan='2'>四、结转下年度继续办理</td><td></td>",
    )
    assert "四、结转下年度继续办理</td><td></td>" in page
    r = check(write(tmp_path, "report.html", page))
    assert {p["id"]: p["status"] for p in r["parts"]}["appeals"] == "present"
    assert tables(r)["appeals"]["status"] == "read"


@pytest.mark.parametrize(
    "name,content",
    [
        (
            "guide.html",
            "<html><head><title>示例县人民政府办公室政府信息公开指南_示例县人民政府</title></head>"
            "<body><h1>示例县人民政府办公室政府信息公开指南</h1><div>"
            "<p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>"
            "<p>一、主动公开</p><p>（一）公开范围。本机关主动公开的政府信息见主动公开基本目录。</p>"
            "<p>二、依申请公开</p><p>（一）受理机构。申请人可以当面提交或在线提出政府信息公开申请。</p>"
            "<p>三、监督和救济</p><p>申请人认为本机关侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼。</p>"
            "</div></body></html>",
        ),
        (
            "plan.txt",
            "示例县2026年政务公开工作要点\n"
            "一、深化主动公开\n（一）全年主动公开政府信息不少于300条，做好政府信息公开工作年度报告编制。\n"
            "二、规范依申请公开\n（二）依法办理政府信息公开申请，减少行政复议和行政诉讼。\n"
            "三、加强政务公开平台建设\n（三）优化政府网站政府信息公开专栏。\n",
        ),
        (
            # its title line lost: the tasks' lead units (（牵头单位：…）) say what it is
            "plan_untitled.txt",
            "2026年，全县政务公开工作要全面落实《中华人民共和国政府信息公开条例》。\n"
            "一、加强政策发布解读\n1.及时主动公开行政规范性文件。（牵头单位：县政府办公室）\n"
            "2.按时编制发布2025年政府信息公开工作年度报告。（牵头单位：县政府办公室）\n"
            "二、规范依申请公开工作\n3.依法办理政府信息公开申请，按时答复率达到100%。"
            "（牵头单位：县政府办公室；责任单位：各乡镇人民政府）\n"
            "4.加强政府信息公开行政复议、行政诉讼案件的分析研判。（牵头单位：县司法局）\n",
        ),
        (
            "summary.txt",
            "示例镇2025年政务公开工作总结\n"
            "2025年，示例镇扎实推进政务公开工作，现将全年工作总结如下。\n"
            "一、主要工作\n（一）抓好主动公开。全年主动公开政府信息186条。\n"
            "（二）规范依申请公开。全年收到政府信息公开申请3件，均按期答复，未发生行政复议、行政诉讼。\n"
            "二、存在的问题\n工作人员变动频繁，业务能力有待提高。\n"
            "三、2026年工作打算\n（一）加强培训。（二）按时编制发布2025年政府信息公开工作年度报告。\n"
            "示例镇人民政府\n2025年12月18日\n",
        ),
    ],
)
def test_a_guide_or_a_plan_on_disclosure_is_not_the_report(
    tmp_path: Path, name: str, content: str
) -> None:
    r = check(write(tmp_path, name, content))
    assert r["rubric"]["id"] == "gip-annual"
    assert r["verdict"] == "not_a_report", r["checks"][0]["message"]


def test_a_tab_separated_copy_keeps_its_empty_cells_and_a_wrong_total_is_caught(
    tmp_path: Path,
) -> None:
    """Cells separated by tabs (a browser's copy of a page's table), its zeros left blank: two
    tabs are an empty cell, so every value stays in its column and the sums are checked."""
    table = copy.deepcopy(gip.values())
    blanked = {r: [None if v == 0 else v for v in vals] for r, vals in table.items()}
    r = check(write(tmp_path, "tabs.txt", gip.tab_text(blanked)))
    assert tables(r)["requests"]["status"] == "read"
    assert cell(r, "requests", "new", "natural")["value"] == 30
    assert cell(r, "requests", "new", "research")["value"] == 1  # after a blank: not shifted
    assert failures(r) == set()
    blanked["carried_in"][0] = 3  # 上年结转 × 自然人, written wrong (its column: 30+3 ≠ 29+3)
    wrong = check(write(tmp_path, "wrong.txt", gip.tab_text(blanked)))
    assert ("requests_balance", "自然人") in failures(wrong)


@pytest.mark.parametrize(
    "name,make",
    [
        ("blank.txt", lambda v: gip.tab_text(appeal_values=v)),
        ("blank.html", lambda v: gip.html_page(appeal_values=v)),
        ("blank.docx", lambda v: gip.docx_bytes(appeal_values=v)),
    ],
)
def test_a_table_four_left_all_blank_is_a_table_not_a_missing_one(
    tmp_path: Path, name: str, make: Any
) -> None:
    """A unit with no cases leaves table 四's fifteen cells empty: the table is there (its
    blanks are not checked), not 'no statistical table'."""
    r = check(write(tmp_path, name, make([None] * 15)))
    assert tables(r)["appeals"]["status"] == "read"
    assert next(c for c in r["checks"] if c["id"] == "has_statistical_tables")["passed"]


@pytest.mark.parametrize("bare", [False, True])
def test_tables_set_out_in_an_attachment_after_the_signature_are_read(
    tmp_path: Path, bare: bool
) -> None:
    """附件：…统计表 after the date that signs the report, its tables under headings of their
    own: they are the report's tables (not 'no statistical table'), and the signature above
    the attachment is still the signature."""
    full = gip.layout_text()
    start = full.index("   二、主动公开政府信息情况")
    tables_text = full[start : full.index("   五、存在的主要问题及改进情况")]
    head = full[:start]
    body = (
        "   二、主动公开政府信息情况\n   本年主动公开情况见附件。\n"
        "   三、收到和处理政府信息公开申请情况\n   本年申请办理情况见附件。\n"
        "   四、政府信息公开行政复议、行政诉讼情况\n   本年复议诉讼情况见附件。\n"
    )
    tail = full[full.index("   五、存在的主要问题及改进情况") :]
    text = head + body + tail + "\n附件：示例县交通运输局2024年政府信息公开工作年度报告统计表\n"
    if bare:  # 附表1 alone over table 二, no heading naming its section
        text = head + body + tail + "\n附表1\n"
        tables_text = tables_text.replace("   二、主动公开政府信息情况\n", "", 1)
    r = check(write(tmp_path, "annex.txt", text + tables_text))
    assert {t: v["status"] for t, v in tables(r).items()} == {
        "proactive_documents": "read",
        "proactive_decisions": "read",
        "requests": "read",
        "appeals": "read",
    }
    assert failures(r) == set()
    assert r["document"]["signed_on"] == "2025-01-20"
    assert r["document"]["issuer"] == "示例县交通运输局"
    assert next(c for c in r["checks"] if c["id"] == "has_statistical_tables")["passed"]


def test_table_three_printed_without_its_total_column_is_read_and_says_so(
    tmp_path: Path,
) -> None:
    """Six values a row and no 总计 in the header: each value in its applicant's column, the
    sums that do not need the total checked, the table's line saying the column is missing."""
    table = {row: vals[:6] for row, vals in gip.values().items()}
    text = gip.tab_text(table).replace("\t其他\t总计", "\t其他")  # type: ignore[arg-type]
    r = check(write(tmp_path, "no_total.txt", text))
    t = tables(r)["requests"]
    assert t["status"] == "read" and "总计" in t["reason"]
    assert cell(r, "requests", "new", "other_org")["value"] == 1
    assert cell(r, "requests", "new", "total")["value"] is None
    assert failures(r) == set()
    assert any(c["passed"] for c in t["checks"])  # the per-column balance of each applicant


def test_a_narrative_count_against_a_cell_whose_own_sum_fails_is_not_flagged_again(
    tmp_path: Path,
) -> None:
    """予以公开20件 in the text, the row's cells adding to 20 and its 总计 printed 21: the
    table's own error, flagged by its sums; the narrative gave the right number."""
    lines = gip.layout_text().split("\n")
    k = next(i for i, line in enumerate(lines) if "（一）予以公开" in line)
    assert lines[k].rstrip().endswith("20")
    lines[k] = lines[k].rstrip()[:-2] + "21"
    r = check(write(tmp_path, "total.txt", "\n".join(lines)))
    assert ("requests_row_totals", "（一）予以公开") in failures(r)
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"], flag["message"]


@pytest.mark.parametrize(
    "line,row",
    [
        ("一、本年新收政府信息公开申请数量   95   0   0", True),
        ("一、本年新收政府信息公开申请数量 30件 6件 1件", True),  # with their unit
        ("四、结转下年度继续办理 — — 0", True),  # dashes for none
        ("| 二、上年结转 |  |  |  |", True),  # blank cells between borders
        ("二、上年结转\t\t\t", True),  # tab-separated, left empty
        ("四、2026年工作安排", False),
        ("全年共办理案件 1200 件", False),  # a sentence's one count
        ("三、存在问题 2", False),
        ("二、2025年推进法治政府建设存在的不足和原因\t\t", False),  # trailing tabs
    ],
)
def test_one_rule_says_what_a_tables_row_is(line: str, row: bool) -> None:
    """The outline (a row is no heading) and the narrative check (a row is no narrative) read
    a row as the tables do."""
    from fzcheck.analysis.tables import is_table_row

    assert is_table_row(line) is row


@pytest.mark.parametrize("label", ["总计", "其他"])
def test_a_row_called_by_a_columns_name_is_a_row_when_cells_stand_one_a_line(
    tmp_path: Path, label: str
) -> None:
    """Crawled cell by cell, a row labelled 总计 (or a reason row labelled 其他) is that row —
    not the next cell's own label, which the column names are in a row laid out cell by cell."""
    old = "（七）总计" if label == "总计" else "3.其他"
    text = gip.stacked_text()
    assert f"\n{old}\n" in text
    r = check(write(tmp_path, "stacked.txt", text.replace(f"\n{old}\n", f"\n{label}\n")))
    assert tables(r)["requests"]["status"] == "read"
    assert failures(r) == set()


@pytest.mark.parametrize("layout", [False, True])
def test_an_editors_empty_cells_keep_their_row_on_any_page(tmp_path: Path, layout: bool) -> None:
    """Table 四 left blank as a web editor writes empty cells (<td><p style…><br/></p></td>), on
    a page laid out in a table too (an old CMS: the article in one cell): still a table."""
    empty = '<td><p style="text-align:center"><span style="font-size:14px"><br/></span></p></td>'
    page = gip.html_page(appeal_values=[None] * 15).replace("<td></td>", empty)
    if layout:
        page = page.replace("<article>", "<table><tr><td>").replace(
            "</article>", "</td></tr></table>"
        )
    r = check(write(tmp_path, "blank.html", page))
    assert tables(r)["appeals"]["status"] == "read"


def test_a_section_on_both_kinds_of_disclosure_holds_both_parts_and_their_tables(
    tmp_path: Path,
) -> None:
    """二、主动公开和依申请公开政府信息情况 (a township's report merging sections 二 and 三): both
    parts are present and tables 二 and 三 are read under it."""
    text = gip.layout_text()
    merged = text.replace("   二、主动公开政府信息情况", "   二、主动公开和依申请公开政府信息情况")
    merged = merged.replace("   三、收到和处理政府信息公开申请情况\n", "")
    assert merged != text
    r = check(write(tmp_path, "merged.txt", merged))
    parts = {p["id"]: p["status"] for p in r["parts"]}
    assert parts["proactive"] == parts["requests"] == "present"
    assert {t: v["status"] for t, v in tables(r).items()} == dict.fromkeys(
        ("proactive_documents", "proactive_decisions", "requests", "appeals"), "read"
    )


@pytest.mark.parametrize("mark", ["*", "①", "（注）", "※"])
def test_a_footnote_mark_after_a_value_is_not_part_of_it(tmp_path: Path, mark: str) -> None:
    """40① or 30* (a note under the table): the value is the number, and the row keeps its
    values (they were given to the next row's label, and that row's lost)."""
    lines = gip.layout_text().split("\n")
    k = next(i for i, line in enumerate(lines) if "本年新收" in line)
    lines[k] = lines[k].rstrip() + mark
    r = check(write(tmp_path, "notes.txt", "\n".join(lines)))
    assert cell(r, "requests", "new", "total")["value"] == 40
    assert cell(r, "requests", "carried_in", "natural")["value"] == 2
    assert failures(r) == set()


def test_a_pdf_whose_table_rows_are_single_runs_of_text_keeps_their_columns(
    tmp_path: Path,
) -> None:
    """A PDF that prints each row as one string, spaced into columns (（一）予以公开      15   3 …):
    the space between the label and its first value is a column's gap, not a gap the text layer
    put between Chinese and a digit (予以公开15 made the label swallow the value)."""
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=landscape(A4), invariant=1)
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    y = 570
    for line in gip.layout_text().split("\n"):  # each line one string, as it is spaced
        if y < 30:
            c.showPage()
            y = 570
        c.setFont("STSong-Light", 7)
        c.drawString(20, y, line)
        y -= 10
    c.save()
    r = check(write(tmp_path, "runs.pdf", out.getvalue()))
    assert tables(r)["requests"]["status"] == "read", tables(r)["requests"]
    assert failures(r) == set()


def test_a_bureau_signing_with_its_second_name_in_brackets_is_a_bureau(tmp_path: Path) -> None:
    """示例县交通运输局（示例县港航事业发展中心） signs: the unit is the 局 (due 1月31日), its
    second name set apart; published 15 February, it is late."""
    text = gip.layout_text().replace(
        "                              示例县交通运输局\n",
        "                              示例县交通运输局（示例县港航事业发展中心）\n",
    )
    assert "港航" in text
    text = text.replace("示例县交通运输局2024年政府", "2024年政府", 1)  # the title names no unit
    r = check(write(tmp_path, "alias.txt", text.replace("2025年1月20日", "2025年2月15日")))
    assert r["document"]["issuer"] == "示例县交通运输局"


def test_a_narrative_count_written_with_a_separator_is_compared_and_none_is_not_agreement(
    tmp_path: Path,
) -> None:
    text = gip.layout_text()
    old = "共收到政府信息公开申请40件"
    assert old in text
    r = check(write(tmp_path, "comma.txt", text.replace(old, "共收到政府信息公开申请1,040件")))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"] and "1,040件" in flag["message"]
    # counts written in words are compared too: 四十一件 against 40
    words = text.replace(old, "共收到政府信息公开申请四十一件")
    r = check(write(tmp_path, "words.txt", words))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert not flag["passed"] and "四十一件" in flag["message"] and "表中为40" in flag["message"]
    # no count stated at all: nothing compared, and it says so
    sentence = next(line for line in text.split("\n") if old in line)
    r = check(write(tmp_path, "none.txt", text.replace(sentence + "\n", "")))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"] and "未核对" in flag["message"]


def test_a_row_totalling_rows_the_table_has_not_is_refused() -> None:
    from pydantic import ValidationError

    from fzcheck.rubric.model import TableTemplate

    with pytest.raises(ValidationError, match="total_of 列出了没有的行"):
        TableTemplate.model_validate(
            {
                "id": "t",
                "name": "表",
                "section": "三",
                "until": "四",
                "columns": [{"id": "n", "name": "数"}],
                "rows": [{"id": "a", "name": "甲", "total_of": ["b"]}],
            }
        )


def test_problems_that_only_need_work_name_no_improvement(tmp_path: Path) -> None:
    """有待加强 / 有待提升 are the problems' own words, not measures: section 五 listing only
    problems fails names_improvements; the layout's own 下一步，我局将加强… passes."""
    text = gip.layout_text()
    plan = "下一步，我局将加强解读，完善办理流程，每季度组织一次业务培训。"
    assert plan in text
    r = check(
        write(
            tmp_path, "only.txt", text.replace(plan, "主动公开的深度有待加强，解读质量有待提升。")
        )
    )
    flag = next(c for p in r["parts"] for c in p["checks"] if c["id"] == "names_improvements")
    assert not flag["passed"] and "下一步/将/改进/加强/完善" in flag["message"]
    r = check(write(tmp_path, "both.txt", text))
    assert all(c["passed"] for p in r["parts"] for c in p["checks"])


def test_a_count_the_text_splits_into_new_and_carried_over_is_not_compared(
    tmp_path: Path,
) -> None:
    said = "本机关共收到政府信息公开申请40件"
    text = gip.layout_text()
    assert said in text
    split = "本机关共收到政府信息公开申请42件，其中本年新收40件、上年结转2件"
    r = check(write(tmp_path, "split.txt", text.replace(said, split)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"], flag["message"]


def _appeals_as_a_list(values: list[int], sep: str) -> str:
    """Table 四 set out a cell a line, each value beside its cell's label, under block labels."""
    names = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    blocks = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]
    out = []
    for b, block in enumerate(blocks):
        out.append(block)
        out += [f"{name}{sep}{values[5 * b + k]}" for k, name in enumerate(names)]
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("sep", ["\t", "  "])
def test_table_four_set_out_a_cell_a_line_beside_its_labels_is_read(
    tmp_path: Path, sep: str
) -> None:
    text = gip.tab_text()
    head = "四、政府信息公开行政复议、行政诉讼情况\n"
    start = text.index(head) + len(head)
    end = text.index("   五、存在的主要问题")
    listed = _appeals_as_a_list(gip.appeals(), sep)
    r = check(write(tmp_path, "list.txt", text[:start] + listed + text[end:]))
    assert tables(r)["appeals"]["status"] == "read" and failures(r) == set()
    assert cell(r, "appeals", "all", "after_total")["value"] == gip.appeals()[14]
    wrong = gip.appeals()
    wrong[14] += 2
    r = check(
        write(tmp_path, "wrong.txt", text[:start] + _appeals_as_a_list(wrong, sep) + text[end:])
    )
    assert ("appeals_after_total", "") in failures(r)


@pytest.mark.parametrize(
    "unit,signed,on_time",
    [
        ("示例经济技术开发区管理委员会", "2025年3月10日", True),  # as 管委会: 3月31日
        ("示例旅游度假区管理委员会", "2025年3月10日", True),  # any zone's, as 管委会 is
        ("示例综合保税区管理委员会", "2025年3月10日", True),
        ("示例市城市管理委员会", "2025年3月10日", False),  # a department: 1月31日
        ("示例市国有资产监督管理委员会", "2025年3月10日", False),  # a department: 1月31日
        ("示例县交通运输局", "2025年3月10日", False),  # a department: 1月31日
        ("示例街道办事处", "2025年3月31日", True),  # neither: before 1 April, the 31st counts
        ("示例街道办事处", "2025年4月1日", False),
    ],
)
def test_the_deadline_is_the_issuers_and_its_last_day_counts(
    tmp_path: Path, unit: str, signed: str, on_time: bool
) -> None:
    text = gip.layout_text(unit=unit).replace("2025年1月20日", signed)
    r = check(write(tmp_path, "late.txt", text))
    assert r["document"]["issuer"] == unit
    late = [c for c in r["checks"] if c["id"] == "published_in_time" and not c["passed"]]
    assert not late if on_time else late


def test_a_notice_on_the_years_reports_is_not_a_report(tmp_path: Path) -> None:
    """…年度报告审查情况的通报, with the reports' sections as its headings: a 通报's title
    outweighs them."""
    text = gip.layout_text().replace(
        "示例县交通运输局2024年政府信息公开工作年度报告",
        "示例县人民政府办公室关于2024年度政府信息公开工作年度报告审查情况的通报",
    )
    r = check(write(tmp_path, "notice.txt", text))
    assert r["verdict"] == "not_a_report"


def test_a_blank_spacer_row_above_table_fours_values_is_not_the_row(tmp_path: Path) -> None:
    """An empty row of fifteen cells between table 四's header and its values: the values are
    the row (a wrong 总计 under it went unchecked as blanks)."""
    text = gip.tab_text()
    values = "\t".join(str(v) for v in gip.appeals())
    assert f"\n{values}\n" in text
    wrong = gip.appeals()
    wrong[4] += 1
    spaced = "\t" * 14 + "\n" + "\t".join(str(v) for v in wrong)
    r = check(write(tmp_path, "spacer.txt", text.replace(values, spaced)))
    assert ("appeals_review_total", "") in failures(r)


def test_a_misread_cell_in_a_row_of_known_cells_moves_no_value(tmp_path: Path) -> None:
    """A tab-separated row with one cell that is no number (O for 0, as OCR reads it): the
    values after it keep their columns (12 was read as 法律服务机构's), the ones before it are
    blank, and no sum fails for it."""
    text = gip.tab_text()
    row = "（一）予以公开\t15\t3\t1\t0\t1\t0\t20"
    assert row in text
    r = check(
        write(tmp_path, "ocr.txt", text.replace(row, row.replace("\t1\t0\t1", "\tO\t0\t1", 1)))
    )
    assert cell(r, "requests", "disclosed", "total")["value"] == 20
    assert cell(r, "requests", "disclosed", "legal_services")["value"] == 1
    assert cell(r, "requests", "disclosed", "natural")["value"] is None
    assert failures(r) == set()


def test_a_title_a_year_behind_the_period_the_opening_states_is_flagged(tmp_path: Path) -> None:
    """统计期限自2024年1月1日至2024年12月31日 under a title for 2023: the title's year is off
    (the opening's period is the year reported on); under a title for 2024, it agrees."""
    text = gip.layout_text()
    assert "统计期限自2024年1月1日至2024年12月31日" in text
    title = "示例县交通运输局2024年政府信息公开工作年度报告"
    typo = text.replace(title, title.replace("2024", "2023"))
    unsigned = typo.replace("2025年1月20日", "")
    r = check(write(tmp_path, "typo.txt", unsigned))
    flag = next(c for c in r["checks"] if c["id"] == "opening_speaks_of_the_year")
    assert not flag["passed"] and "标题年度可能有误" in flag["message"]
    same = check(write(tmp_path, "same.txt", text))
    assert next(c for c in same["checks"] if c["id"] == "opening_speaks_of_the_year")["passed"]


@pytest.mark.parametrize("preamble", [True, False])
def test_the_overviews_first_sentence_a_year_behind_is_flagged(
    tmp_path: Path, preamble: bool
) -> None:
    """一、总体情况 opening 2023年，我局… in a report on 2024: the year's account kept from last
    year's report. The preamble before it states only the period (or is not there): the
    overview's first sentence is where the year is told (it passed on the period, or was not
    checked at all, helper-195's)."""
    text = gip.layout_text()
    said = "2024年，我局认真贯彻"
    slip = text.replace(said, "2023年，我局认真贯彻")
    if not preamble:
        slip = slip.replace(next(x for x in slip.splitlines() if "统计期限" in x) + "\n", "")
    r = check(write(tmp_path, "slip.txt", slip))
    flag = next(c for c in r["checks"] if c["id"] == "opening_speaks_of_the_year")
    assert not flag["passed"] and "开头写的是2023年" in flag["message"], flag
    same = check(write(tmp_path, "same.txt", text))
    assert next(c for c in same["checks"] if c["id"] == "opening_speaks_of_the_year")["passed"]


def test_a_title_a_year_behind_its_opening_and_date_reports_on_the_opening_year(
    tmp_path: Path,
) -> None:
    """The same title slip in a report signed 2025年1月20日: the report is on 2024, as its
    opening and its date say. The title check says the title's year is wrong; the deadline
    is 2024's (in time), not 2023's (it was said to be past 2024-01-31, and cost points)."""
    text = gip.layout_text()
    title = "示例县交通运输局2024年政府信息公开工作年度报告"
    r = check(write(tmp_path, "typo.txt", text.replace(title, title.replace("2024", "2023"))))
    assert r["document"]["report_year"] == 2024
    assert r["document"]["report_year_source"] == "body"
    by_id = {c["id"]: c for c in r["checks"]}
    assert not by_id["title_names_subject_and_year"]["passed"]
    assert "标题年份应为2024" in by_id["title_names_subject_and_year"]["message"]
    assert "开头所述期间" in by_id["title_names_subject_and_year"]["message"]
    assert by_id.get("published_in_time", {"passed": True})["passed"]
    assert by_id["opening_speaks_of_the_year"]["passed"]


def test_a_short_row_that_lost_cells_at_its_end_is_not_right_aligned(tmp_path: Path) -> None:
    """上年结转 with its 总计 left blank and the trailing tab trimmed on save: fewer cells than
    the whole rows, so its values are not shifted into the last columns (a right table failed
    as wrong)."""
    text = gip.tab_text()
    row = "二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2"
    assert row in text
    r = check(write(tmp_path, "trimmed.txt", text.replace(row, row.removesuffix("\t2"))))
    assert not failures(r)


@pytest.mark.parametrize(
    "section",
    [
        "一是政策解读形式需要进一步加强；二是依申请办理人员业务能力需要进一步提升。",
        "力争全年无因政府信息公开引发的行政复议、行政诉讼。",
    ],
)
def test_what_still_needs_doing_names_no_improvement_and_no_count(
    tmp_path: Path, section: str
) -> None:
    """需要进一步加强 is a problem's own words; 力争全年无…行政复议 a goal, not a statement of
    none set against table 四."""
    plan = "下一步，我局将加强解读，完善办理流程，每季度组织一次业务培训。"
    text = gip.layout_text().replace(_STATED, "")  # the counts stated: none but the goal's
    assert plan in text
    r = check(write(tmp_path, "needs.txt", text.replace(plan, section)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"], flag["message"]
    if "需要" in section:
        assert "improvements.names_improvements" in {
            f"{p['id']}.{c['id']}" for p in r["parts"] for c in p["checks"] if not c["passed"]
        }


@pytest.mark.parametrize("form", ["tab", "layout"])
@pytest.mark.parametrize("above", ["— 3 —", "行政事业性收费\t0\n（二）依申请公开情况"])
def test_a_sentence_under_a_lone_value_is_no_rows_label(
    tmp_path: Path, form: str, above: str
) -> None:
    """A line ending in a value (a PDF's page number — 3 —, the last row of table 二 in a
    section on both kinds of disclosure) above a sentence that names a row (…予以公开32件。):
    the sentence is the text's, not that value's label going on. Taken for one, it made the
    page number or table 二's value the 予以公开 row and the table was misread."""
    make = gip.tab_text if form == "tab" else gip.layout_text
    heading = "三、收到和处理政府信息公开申请情况"
    sentence = "本年度共收到政府信息公开申请40件，予以公开32件，无法提供3件。"
    text = make().replace(heading, f"{heading}\n{above}\n{sentence}", 1)
    r = check(write(tmp_path, "report.txt", text))
    assert tables(r)["requests"]["status"] == "read"
    for row, vals in gip.values().items():
        for col, value in zip(gip.APPLICANTS, vals, strict=True):
            assert cell(r, "requests", row, col)["value"] == value, (row, col)
    assert failures(r) == set()


@pytest.mark.parametrize(
    "upper,lower",
    [
        (
            ["法人或其他组织", "自然人", "总计"],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ),
        (
            ["总计", "自然人", "法人或其他组织"],
            ["商业企业", "科研机构", "社会公益组织", "其他", "法律服务机构"],
        ),
        (
            ["自然人", "法人或其他组织", "总计"],
            ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
        ),
    ],
)
def test_a_copied_two_row_header_puts_the_columns_in_its_order(
    tmp_path: Path, upper: list[str], lower: list[str]
) -> None:
    """A browser's copy of table 三's header, its merged cells a cell each (法人或其他组织 | 自然人 |
    总计, then 商业企业 | … | 其他): the columns stand as the group's cell and the line under it
    say, in whatever order the unit set them — read into their own cells, not the template's
    order (the sums hold either way: a wrong order passed unseen) nor refused."""
    names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    order = [names.index(n) for c in upper for n in (lower if c == "法人或其他组织" else [c])]
    one_line = "\t\t" + "\t".join(names)
    text = gip.tab_text()
    assert one_line in text
    text = text.replace(one_line, "\t\t" + "\t".join(upper) + "\n" + "\t".join(lower))
    lines = text.split("\n")
    for k, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) == 9:  # a row of table 三: its group, its label, its seven values
            lines[k] = "\t".join(cells[:2] + [cells[2 + j] for j in order])
    r = check(write(tmp_path, "copied.txt", "\n".join(lines)))
    assert tables(r)["requests"]["status"] == "read", tables(r)["requests"]["reason"]
    for row, vals in gip.values().items():
        for col, value in zip(gip.APPLICANTS, vals, strict=True):
            assert cell(r, "requests", row, col)["value"] == value, (row, col)


def test_an_unreadable_table_is_named_where_its_sums_and_figures_go_unchecked(
    tmp_path: Path,
) -> None:
    """A PDF wraps a number in its narrow cell (40 read as 4 0): table 三's row has a value too
    many and the table is unreadable. Its sums and the text's figures go unchecked, and the
    checks say so, naming it — not 勾稽关系全部成立 over the other tables' sums alone."""
    text = gip.tab_text()
    row = next(line for line in text.splitlines() if "本年新收" in line)
    assert row.endswith("\t40")
    r = check(write(tmp_path, "wrapped.txt", text.replace(row, row[:-3] + "\t4\t0")))
    assert tables(r)["requests"]["status"] == "unreadable"
    said = {c["id"]: c for c in r["checks"]}
    for check_id in ("has_statistical_tables", "tables_add_up", "text_matches_tables"):
        assert "表三 收到和处理政府信息公开申请情况无法读取，未核对" in said[check_id]["message"]
    assert "勾稽关系成立（表三" in said["tables_add_up"]["message"]


def test_sums_over_tables_none_of_which_was_read_say_nothing_was_checked(
    tmp_path: Path,
) -> None:
    """Tables 三 and 四 printed but unreadable, table 二 holding no sum: the sums check stays
    in the list (a column of the batch's sheet), saying none was checked and which tables
    could not be read — not gone, and not 全部成立."""
    text = gip.tab_text()
    row = next(line for line in text.splitlines() if "本年新收" in line)
    assert row.endswith("\t40")
    text = text.replace(row, row[:-3] + "\t4\t0")  # a wrapped 40: a value too many
    values = next(line for line in text.splitlines() if line.startswith("2\t1\t0\t1\t4"))
    text = text.replace(values, values + "\t0\t0")  # table 四: two values too many
    r = check(write(tmp_path, "unread.txt", text))
    assert {t: tables(r)[t]["status"] for t in ("requests", "appeals")} == {
        "requests": "unreadable",
        "appeals": "unreadable",
    }
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["message"].startswith("没有可核对的勾稽关系（表三")
    assert "全部成立" not in sums["message"]


def test_a_row_whose_label_the_merged_cell_broke_is_never_filed_under_another(
    tmp_path: Path,
) -> None:
    """pdftotext -layout prints a merged cell's words among the wrapped labels beside it
    (（六）其 / 他处理 between 逾期不 and 补正): the row's label names no row, and the look at
    the lines below must not take the next row's label (收费通知) for it — its values were
    filed under 逾期未缴纳费用, that row's own line dropped unsaid, and two sums that hold
    failed. A line of values that names no row leaves the table unread, never wrong."""
    text = gip.layout_text()
    old = (
        "      （六）其他处理\n"
        "      1.申请人无正当理由逾期不补正、\n"
        "      行政机关不再处理其政府信息公开申请      "
    )
    new = "      （六）其  1.申请人无正当理由逾期不\n      他处理    补正、行政机关不再处理其政  "
    assert old in text
    text = text.replace(old, new)
    text = text.replace(
        "      2.申请人逾期未按收费通知要求缴\n",
        "                府信息公开申请\n      2.申请人逾期未按收费通知要求缴\n",
    )
    r = check(write(tmp_path, "merged.txt", text))
    assert failures(r) == set()
    assert tables(r)["requests"]["status"] == "read"
    want = gip.values()
    for row in ("other_no_correction", "other_no_fee"):  # each row's values as printed
        got = [cell(r, "requests", row, col)["value"] for col in gip.APPLICANTS]
        assert got == want[row], row
    # a label no reading names (a cell's text lost): the table is unread, no sum said to fail
    text = text.replace("补正、行政机关不再处理其政", "某某某某某某某某某")
    text = text.replace("1.申请人无正当理由逾期不", "某某某某某某某某")
    r = check(write(tmp_path, "merged.txt", text))
    assert failures(r) == set()
    requests = tables(r)["requests"]
    assert requests["status"] == "unreadable" and "对不上" in requests["reason"]


def test_table_two_printed_with_its_cells_empty_is_there_blank(tmp_path: Path) -> None:
    """A 街道 with no rules, licences or fines prints table 二 with its cells empty: in layout
    text its rows are their labels alone. The table is there (not missing, −10), every cell
    blank; a section with no such table stays absent."""
    text = gip.layout_text()
    for old, new in (
        ("规章                 0              0             0", "规章"),
        ("行政规范性文件       3              1            12", "行政规范性文件"),
        ("行政许可                      1280", "行政许可"),
        ("行政处罚                       316", "行政处罚"),
        ("行政强制                        12", "行政强制"),
    ):
        assert old in text
        text = text.replace(old, new)
    r = check(write(tmp_path, "blank.txt", text))
    t = tables(r)
    for table in ("proactive_documents", "proactive_decisions"):
        assert t[table]["status"] == "read", t[table]
        assert all(c["value"] is None for c in t[table]["cells"])
    assert "has_statistical_tables" not in {c["id"] for c in r["checks"] if not c["passed"]}
    # the labels without the columns' names over them: no table
    for header in ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量"):
        text = text.replace(header, "")
    t = tables(check(write(tmp_path, "blank.txt", text)))
    assert t["proactive_documents"]["status"] == "absent"


@pytest.mark.parametrize("label", ["小计", "（三）不予公开"])
def test_a_subtotal_or_a_groups_own_row_of_counts_is_passed_over(
    tmp_path: Path, label: str
) -> None:
    """A 小计 row under a group, or the counts printed on the group's own row ((三)不予公开), do
    not break the reading: the table is read and its sums checked (the group's own row is checked
    against its sub-rows too: here it agrees, 2 = 0+0+0+2+0+0+0+0)."""
    text = gip.layout_text()
    anchor = "      1.属于国家秘密"
    assert anchor in text
    text = text.replace(
        anchor,
        f"      {label:<22}       2       0       0       0       0       0       2\n{anchor}",
        1,
    )
    r = check(write(tmp_path, "subtotal.txt", text))
    assert tables(r)["requests"]["status"] == "read"
    assert failures(r) == set()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "规章                 0              0             0",
            "行政规范性文件       3              1            12",
        ),
        ("行政处罚                       316", "行政强制                        12"),
    ],
)
def test_rows_printed_in_another_order_are_read_by_their_labels(
    tmp_path: Path, first: str, second: str
) -> None:
    """A unit that prints 行政规范性文件 above 规章 (or 行政强制 above 行政处罚): each row is the one
    its label names, not an unknown row that leaves the table unreadable."""
    text = gip.layout_text()
    assert f"{first}\n{second}\n" in text
    r = check(
        write(tmp_path, "swapped.txt", text.replace(f"{first}\n{second}\n", f"{second}\n{first}\n"))
    )
    assert {t["id"]: t["status"] for t in r["tables"]}["proactive_documents"] == "read"
    assert cell(r, "proactive_documents", "normative", "in_force")["value"] == 12
    assert cell(r, "proactive_documents", "rules", "issued")["value"] == 0
    assert cell(r, "proactive_decisions", "punishment", "count")["value"] == 316
    assert cell(r, "proactive_decisions", "enforcement", "count")["value"] == 12


def test_counts_told_in_a_sentence_are_no_glued_table(tmp_path: Path) -> None:
    """作出行政许可决定1280件 in a sentence: a count and its measure word, not a table whose cell
    borders a crawler dropped (行政许可1280行政处罚316) — the half is not there as a table."""
    text = gip.layout_text()
    rows = "信息内容                      本年处理决定数量\n行政许可                      1280\n"
    rows += "行政处罚                       316\n行政强制                        12\n"
    assert rows in text
    prose = "本年度作出行政许可决定1280件，行政处罚决定316件，行政强制决定12件。\n"
    r = check(write(tmp_path, "prose.txt", text.replace(rows, prose)))
    decisions = tables(r)["proactive_decisions"]
    assert decisions["status"] == "absent", decisions


def test_a_spanned_cell_laid_out_twice_is_not_a_value_too_many(tmp_path: Path) -> None:
    """LibreOffice's web page gives 行政复议's 总计 and its value each colspan=2: the row lays out
    a cell more than the table has columns, blank in the header and the row alike. It is no
    value (a 16th "number" left table 四 unreadable and its wrong 总计 unflagged)."""
    wrong = gip.appeals()
    wrong[4] += 1  # 行政复议 总计 one more than 维持+纠正+其他+尚未审结
    page = gip.html_page(appeal_values=wrong)
    header = "<td>尚未审结</td><td>总计</td>\n<td colspan='5'>未经复议直接起诉</td>"
    assert header in page
    page = page.replace(header, header.replace("<td>总计</td>", "<td colspan='2'>总计</td>"))
    value = f"<td>{wrong[4]}</td>"
    row = "".join(f"<td>{v}</td>" for v in wrong)
    page = page.replace(row, row.replace(value, f"<td colspan='2'>{wrong[4]}</td>", 1))
    r = check(write(tmp_path, "spanned.html", page))
    assert tables(r)["appeals"]["status"] == "read", tables(r)["appeals"]
    assert failures(r) == {("appeals_review_total", "")}


@pytest.mark.parametrize("planted", [False, True])
def test_writers_spanned_total_over_a_row_ending_in_a_blank_zero(
    tmp_path: Path, planted: bool
) -> None:
    """LibreOffice Writer's web page of table 四: 行政诉讼 set a column further left than 总计's
    second (colspan=2, rowspan=2) ends, so the grid has 16 columns; the value row's last cell
    is a zero left blank. Cutting the row's blank tail took that zero for the spanned cell's
    rest and moved both lawsuit blocks a column: two sums said wrong that were right."""
    values: list[int | None] = [v or None for v in gip.appeals()]
    values[-1] = None  # 复议后起诉 总计 left blank: 复议后起诉 is all blank
    values[10:14] = [None] * 4
    if planted:
        values[9] = 2  # 未经复议直接起诉 总计 2, its results 1
    cells = [f"<td>{v if v is not None else ''}</td>" for v in values]
    cells[4] = f"<td colspan='2'>{values[4]}</td>"
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结")
    names = "".join(f"<td>{n}</td>" for n in results)
    tall = "".join(f"<td rowspan='2'>{n}</td>" for n in results)
    table = (
        "<table><tr><td colspan='5'>行政复议</td><td colspan='11'>行政诉讼</td></tr>"
        f"<tr>{tall}"
        "<td rowspan='2' colspan='2'>总计</td><td colspan='5'>未经复议直接起诉</td>"
        "<td colspan='5'>复议后起诉</td></tr>"
        f"<tr>{names}<td>总计</td>{names}<td>总计</td></tr>"
        f"<tr>{''.join(cells)}</tr></table>"
    )
    page = gip.html_page(appeal_values=values)
    start = page.index("<table><tr><td colspan='5'>行政复议")
    end = page.index("</table>", start) + len("</table>")
    page = page[:start] + table + page[end:]
    r = check(write(tmp_path, "writer.html", page))
    assert tables(r)["appeals"]["status"] == "read", tables(r)["appeals"]
    expected = {("appeals_direct_total", "")} if planted else set()
    assert {f for f in failures(r) if f[0].startswith("appeals")} == expected


@pytest.mark.parametrize("spanned", [4, 9, 14])
@pytest.mark.parametrize("planted", [False, True])
def test_a_blank_first_value_beside_a_spanned_total(
    tmp_path: Path, spanned: int, planted: bool
) -> None:
    """Table 四 whose grid has a column more than the template (one 总计 set colspan=2, in the
    header and the value row), the row's first value a zero left blank. The blank first cell
    stands under 结果维持: it is that value, not a label's empty rest; the gap is the spanned
    total's. Read the other way, every value moved a column and right sums were said wrong."""
    values: list[int | None] = list(gip.appeals())
    values[4] -= values[0]
    values[0] = None  # 行政复议 结果维持 left blank: a zero
    if planted:
        values[9] = (values[9] or 0) + 1  # 未经复议直接起诉 总计 one over its results
    cells = [f"<td>{v if v is not None else ''}</td>" for v in values]
    cells[spanned] = f"<td colspan='2'>{values[spanned]}</td>"
    results = ("结果维持", "结果纠正", "其他结果", "尚未审结")
    names = "".join(f"<td>{n}</td>" for n in results)
    tall = "".join(f"<td rowspan='2'>{n}</td>" for n in results)

    def total(k: int, rows: int = 1) -> str:
        span = " colspan='2'" if k == spanned else ""
        return f"<td{span}{' rowspan=2' if rows == 2 else ''}>总计</td>"

    def block(name: str, k: int) -> str:
        return f"<td colspan='{6 if k == spanned else 5}'>{name}</td>"

    table = (
        f"<table><tr><td colspan='{6 if spanned == 4 else 5}'>行政复议</td>"
        f"<td colspan='{10 if spanned == 4 else 11}'>行政诉讼</td></tr>"
        f"<tr>{tall}{total(4, 2)}{block('未经复议直接起诉', 9)}{block('复议后起诉', 14)}</tr>"
        f"<tr>{names}{total(9)}{names}{total(14)}</tr>"
        f"<tr>{''.join(cells)}</tr></table>"
    )
    page = gip.html_page(appeal_values=[v or 0 for v in gip.appeals()])
    start = page.index("<table><tr><td colspan='5'>行政复议")
    end = page.index("</table>", start) + len("</table>")
    r = check(write(tmp_path, "spanned.html", page[:start] + table + page[end:]))
    assert tables(r)["appeals"]["status"] == "read", tables(r)["appeals"]
    expected = {("appeals_direct_total", "")} if planted else set()
    assert {f for f in failures(r) if f[0].startswith("appeals")} == expected


def _blank_for_zero(table: dict[str, list[int | None]]) -> dict[str, list[int | None]]:
    return {row: [v or None for v in vals] for row, vals in table.items()}


def test_a_table_that_writes_none_as_blank_has_its_sums_checked(tmp_path: Path) -> None:
    """A portal printing &nbsp; for every zero (not one 0 in the table): its blanks are its
    zeros. Unchecked, 39 of 42 sums were skipped and a planted error passed as 要素齐全 100."""
    table = _blank_for_zero(gip.values())
    appeal_values = [v or None for v in gip.appeals()]
    r = check(write(tmp_path, "ok.html", gip.html_page(table, appeal_values=appeal_values)))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and "未能核对" not in sums["message"] and "按0计" in sums["message"]
    table["disclosed"][6] = 18  # 15+3+1+1 = 20
    r = check(write(tmp_path, "bad.html", gip.html_page(table, appeal_values=appeal_values)))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert not sums["passed"] and "15+3+1+空白+1+空白 = 20" in sums["message"], sums["message"]


def test_filled_cells_over_their_total_are_wrong_whatever_the_blank(tmp_path: Path) -> None:
    """Where a 0 is written, a blank is a value not given and its sums are not checked — but
    filled cells that already add to more than their total (15+3+□+0+1+0 over 18) cannot hold
    for any value of the blank."""
    table = gip.values()
    table["disclosed"] = [15, 3, None, 0, 1, 0, 18]
    r = check(write(tmp_path, "over.html", gip.html_page(table)))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert not sums["passed"] and "已填的15+3+0+1+0 = 19（另有空白），已超过" in sums["message"]
    table["disclosed"] = [15, 3, None, 0, 1, 0, 20]  # the blank may be 1: not checked
    r = check(write(tmp_path, "under.html", gip.html_page(table)))
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert "未能核对" in sums["message"]
    assert all(
        c["passed"] is not False or c["where"] != "（一）予以公开"
        for t in r["tables"]
        for c in t["checks"]
    )


_WRAPPED_HEADER = (
    "申请人情况\n"
    "（本列数据的勾稽关系为：第一项加第二项之和，等        法人或其他组织\n"
    "于第三项加第四项之和）        自然人        总计\n"
    "商业企  科研机  社会公  法律服\n"
    "其他\n"
    "业      构    益组织  务机构\n"
)


def test_a_name_alone_between_its_neighbours_wrapped_lines_stands_nowhere(tmp_path: Path) -> None:
    """A PDF's header with narrow columns: 商业企 / 业 wrapped, 其他 set on a line of its own
    between (centred in its cell), the page's spacing lost. 其他 at the line's start read as
    standing left of 自然人, and table 三 was left unread: a wrong cell scored 100."""
    text = gip.layout_text()
    start = text.index("                                                   申请人情况")
    end = text.index("      一、本年新收")
    wrapped = text[:start] + _WRAPPED_HEADER + text[end:]
    r = check(write(tmp_path, "pdf.txt", wrapped))
    requests = next(t for t in r["tables"] if t["id"] == "requests")
    assert requests["status"] == "read", requests.get("reason")
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and "未能核对" not in sums["message"]
    wrong = wrapped.replace(
        "一、本年新收政府信息公开申请数量            30",
        "一、本年新收政府信息公开申请数量            31",
    )
    assert wrong != wrapped
    sums = next(
        c
        for c in check(write(tmp_path, "wrong.txt", wrong))["checks"]
        if c["id"] == "tables_add_up"
    )
    assert not sums["passed"] and "31+6+1+0+2+1 = 41" in sums["message"]


def test_a_count_of_thousands_of_digits_is_no_count() -> None:
    """申请<5,000 digits>件: int() refuses past 4,300 digits, and the report was an internal
    error; such a figure is read as no count."""
    from fzcheck.analysis.table_sums import _count

    assert _count("1" * 5000) is None and _count("1,041") == 1041


def test_a_count_whose_cell_is_in_a_failed_sum_is_said_to_be_held_back(tmp_path: Path) -> None:
    """The text's 收到…申请40件 against a row 一 whose 总计 says 41 though its cells add to 40:
    which is right is the sums check's to say; the text check says its count was held back, not
    that the text agrees with the tables or states no count."""
    table = copy.deepcopy(gip.values())
    table["new"][6] += 1  # 总计 off by one: the row's sum and the column's fail
    r = check(write(tmp_path, "r.txt", gip.layout_text(table, stated_new=table["new"][6] - 1)))
    assert failures(r)
    told = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert told["passed"] and "另有1处所对照的单元格本身勾稽不成立" in told["message"]
    # stated alone, it is held back alone
    text = gip.layout_text(table, stated_new=table["new"][6] - 1)
    text = text.replace("予以公开20件。", "").replace(
        "因政府信息公开工作被申请行政复议4件，被提起行政诉讼2件。", ""
    )
    told = next(
        c
        for c in check(write(tmp_path, "s.txt", text))["checks"]
        if c["id"] == "text_matches_tables"
    )
    assert "1处数字所对照的表格单元格本身勾稽不成立" in told["message"]


def test_a_remarks_column_a_unit_adds_is_no_value(tmp_path: Path) -> None:
    """A 备注 column after table 三's 总计, a remark on some rows (2023年12月受理2件 with its
    own figures, 均已办结): the remark is not read as values, its row is not lost — nor taken
    for section 四's heading (四、结转下年度继续办理 | … | 均已办结)."""
    remarks = {
        "carried_in": "2023年12月受理2件",
        "carried_out": "均已办结",
        "disclosed": "含转办3件",
    }
    lines = []
    for line in gip.tab_text().splitlines():
        label = next((row for row, name, _ in gip.ROWS_2021 if f"\t{name}\t" in f"\t{line}"), None)
        if label is not None:
            line += "\t" + remarks.get(label, "")
        elif line.endswith("\t总计") and "自然人" in line:
            line += "\t备注"
        lines.append(line)
    r = check(write(tmp_path, "remarks.txt", "\n".join(lines) + "\n"))
    assert tables(r)["requests"]["status"] == "read"
    assert cell(r, "requests", "carried_in", "total")["value"] == 2
    assert cell(r, "requests", "carried_out", "natural")["value"] == gip.values()["carried_out"][0]
    assert failures(r) == set()
    assert {p["id"]: p["status"] for p in r["parts"]}["appeals"] == "present"


def _transposed_requests() -> str:
    """The Markdown report with table 三 printed the other way round: an applicant a row, a
    result a column, each result's name on a line of its own (as a page's header cells copy
    out)."""
    text = gip.markdown_text()
    lines = text.splitlines()
    start = lines.index("三、收到和处理政府信息公开申请情况") + 2
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况") - 1
    table = gip.values()
    names = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    labels = [label for _, label, _ in gip.ROWS_2021]
    head = ["|", *(f"{label} |" for label in labels)]
    body = [
        f"| {name} | " + " | ".join(str(table[row][k]) for row, _, _ in gip.ROWS_2021) + " |"
        for k, name in enumerate(names)
    ]
    return "\n".join([*lines[:start], *head, *body, *lines[end:]]) + "\n"


@pytest.mark.parametrize(
    "name,make,sign",
    [
        ("word.docx", lambda: gip.docx_bytes(transposed=True), "“一、本年新收"),
        ("page.md", lambda: _transposed_requests(), "“自然人”“商业企业”“科研机构”"),
    ],
)
def test_table_three_transposed_says_so(tmp_path: Path, name: str, make: Any, sign: str) -> None:
    """Applicants down the side, results across the top: unreadable, no sum checked, and the
    reason names the layout (行列颠倒), not the row its read stopped at (一行有25个数). Word
    keeps the results' names in one row; a page's copy sets each on a line of its own."""
    r = check(write(tmp_path, name, make()))
    requests = tables(r)["requests"]
    assert requests["status"] == "unreadable" and failures(r) == set()
    assert requests["reason"].startswith("表格行列颠倒") and sign in requests["reason"]
    assert tables(r)["appeals"]["status"] == "read"
    # its header row of numbered names is a row of cells, not headings run together on a line
    assert r["document"]["resegmented"] is False


def test_a_table_read_the_right_way_is_not_called_transposed(tmp_path: Path) -> None:
    """Its header names the applicants in one row (自然人 | 商业企业 | …): columns, as the
    template has them; a row short of values is unreadable for that, not called 行列颠倒."""
    r = check(write(tmp_path, "report.md", gip.markdown_text()))
    assert tables(r)["requests"]["status"] == "read"
    table = copy.deepcopy(gip.values())
    table["partly"] = table["partly"][:3]  # a row short of values: unreadable, for its own reason
    short = tables(check(write(tmp_path, "short.md", gip.markdown_text(table))))["requests"]
    assert short["status"] == "unreadable" and "行列颠倒" not in short["reason"]


def _text_flag(r: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in r["checks"] if c["id"] == "text_matches_tables")


@pytest.mark.parametrize(
    "said,agrees",
    [
        ("因政府信息公开工作被申请行政复议4件", False),  # a count the blank cells do not give
        ("本年度未发生政府信息公开行政复议", True),  # none stated: the blanks agree
    ],
)
def test_a_count_the_text_states_for_blank_cells_is_said(
    tmp_path: Path, said: str, agrees: bool
) -> None:
    """Table 四's review block left blank while the text states 4 reviews: the table is short
    of them (表中该格空白), not "no number stated" nor "agrees"."""
    values: list[int | None] = [None] * 5 + gip.appeals()[5:]
    data = gip.docx_bytes(appeal_values=values)
    r = check(write(tmp_path, "blank.docx", data))
    assert tables(r)["appeals"]["status"] == "read"
    if not agrees:  # the report's own sentence, as written
        assert _text_flag(r)["passed"] is False
        assert f"“{said[1:]}”，表中该格空白" in _text_flag(r)["message"], _text_flag(r)["message"]
        return
    import docx

    document = docx.Document(io.BytesIO(data))
    for p in document.paragraphs:
        if "被申请行政复议4件，" in p.text:
            p.text = p.text.replace("因政府信息公开工作被申请行政复议4件，", said + "，")
    out = io.BytesIO()
    document.save(out)
    r = check(write(tmp_path, "none.docx", out.getvalue()))
    assert "表中该格空白" not in _text_flag(r)["message"], _text_flag(r)["message"]


@pytest.mark.parametrize(
    "direct,after,agrees,said",
    [
        ([1, 1, 0, 0, 2], [None] * 5, True, ""),
        ([1, 0, 0, 0, 1], [None] * 5, False, "表中为1（所加单元格中有空白）"),
        # its 总计 blank, the other block 0: the table gives 0 only because a cell is blank
        ([1, 1, 0, 0, None], [0] * 5, False, "表中为0（所加单元格中有空白）"),
    ],
)
def test_a_sum_with_a_blank_addend_is_the_sum_of_the_rest(
    tmp_path: Path, direct: list[int | None], after: list[int | None], agrees: bool, said: str
) -> None:
    """被提起行政诉讼2件 against 未经复议直接起诉 (2, or 1) plus a 复议后起诉 block left blank:
    the blank adds nothing. It was called blank (表中该格空白) though the figures agree; where
    they do not, the message says a cell it adds is blank."""
    values: list[int | None] = [*gip.appeals()[:5], *direct, *after]
    r = check(write(tmp_path, "half.docx", gip.docx_bytes(appeal_values=values)))
    assert tables(r)["appeals"]["status"] == "read"
    flag = _text_flag(r)
    assert flag["passed"] is agrees, flag["message"]
    assert "表中该格空白" not in flag["message"], flag["message"]
    assert said in flag["message"], flag["message"]


def test_a_wider_count_before_its_share_of_disclosure_is_not_compared(tmp_path: Path) -> None:
    """行政诉讼案件12件，其中涉及政府信息公开的2件: the 12 are all the county's cases."""
    said = "被提起行政诉讼2件"
    text = gip.layout_text()
    assert said in text
    wider = "全年县政府共发生行政诉讼案件12件，其中涉及政府信息公开的2件"
    r = check(write(tmp_path, "wider.txt", text.replace(said, wider)))
    assert _text_flag(r)["passed"], _text_flag(r)["message"]


def test_a_township_publishing_late_is_not_called_a_county_government(tmp_path: Path) -> None:
    """A 乡镇人民政府 is given the governments' 31 March; its message names it 乡镇人民政府, not
    县级以上地方人民政府 (which it is not)."""
    page = gip.html_page(published="2025-04-10", unit="示例县城关镇人民政府")
    r = check(write(tmp_path, "town.html", page))
    late = next(c for c in r["checks"] if c["id"] == "published_in_time")
    assert not late["passed"] and "2025-03-31" in late["message"]
    assert "（乡镇人民政府）" in late["message"] and "县级以上" not in late["message"]


def test_a_broken_balance_names_each_of_its_few_terms(tmp_path: Path) -> None:
    """本年新收 + 上年结转 = 总计 + 结转下年度 broken in one column: each side's terms named by
    their rows (24+1 = 25，而23+1 = 24 left the reviewer to work out which was which); a long
    sum's terms stay bare."""
    table = copy.deepcopy(gip.values())
    table["new"][0] += 1  # 本年新收 × 自然人, one more than its rows and its balance
    r = check(write(tmp_path, "balance.txt", gip.layout_text(table)))
    broken = {
        c["identity"]: c["message"] for c in tables(r)["requests"]["checks"] if c["passed"] is False
    }
    balance = broken["requests_balance"]
    assert "一、本年新收" in balance and "二、上年结转" in balance, balance
    assert "（七）总计" in balance and "四、结转下年度继续办理" in balance, balance
    row = broken["requests_row_totals"]
    assert "（七）总计" not in row.split("，而")[0], row


@pytest.mark.parametrize(
    ("stated", "flagged"),
    [
        ("其中复议维持2件、复议纠正1件。", set()),
        ("其中复议维持1件、复议纠正2件。", {"复议维持数", "复议纠正数"}),
    ],
)
def test_the_reviews_outcomes_the_text_states_are_set_against_table_four(
    tmp_path: Path, stated: str, flagged: set[str]
) -> None:
    """复议维持1件、复议纠正2件 against a table four of 2 upheld and 1 corrected: each outcome is
    flagged by name (only the totals were compared)."""
    text = gip.layout_text()
    assert _STATED in text
    said = _STATED.replace("行政复议4件，", f"行政复议4件，{stated[:-1]}，")
    r = check(write(tmp_path, "outcomes.txt", text.replace(_STATED, said)))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    named = {n for n in ("复议维持数", "复议纠正数") if n in flag["message"] and not flag["passed"]}
    assert named == flagged, flag["message"]


def test_table_two_without_the_rules_row_is_read(tmp_path: Path) -> None:
    """A unit that makes no 规章 may print table 二 with its 行政规范性文件 row alone: the table is
    read (it was unreadable: 1 of 2 rows), the row's values in their columns."""
    text = gip.layout_text()
    rules = "规章                 0              0             0\n"
    assert rules in text
    r = check(write(tmp_path, "no_rules.txt", text.replace(rules, "")))
    assert tables(r)["proactive_documents"]["status"] == "read"
    assert cell(r, "proactive_documents", "normative", "in_force")["value"] == 12


def test_the_blanks_note_and_the_unchecked_sums_each_name_their_table(tmp_path: Path) -> None:
    """Table 三 blank for zero (its sums checked), table 四 blank where a 0 is written elsewhere
    in it (its sums left unchecked): the note on blanks counted as 0 stands by the sums it let
    hold, the unchecked count names table 四 (it read as table 三's)."""
    appeal_values: list[int | None] = list(gip.appeals())
    appeal_values[0] = None  # 行政复议 结果维持 blank, beside 0s written in the table
    page = gip.html_page(_blank_for_zero(gip.values()), appeal_values=appeal_values)
    r = check(write(tmp_path, "mixed.html", page))
    message = next(c for c in r["checks"] if c["id"] == "tables_add_up")["message"]
    zeroed, unchecked = message.index("按0计"), message.index("处未能核对")
    assert zeroed < unchecked, message
    assert "表四" in message[unchecked:] and "表三" not in message[unchecked:], message


def test_table_four_printed_as_its_header_alone_is_a_blank_table_not_a_missing_one(
    tmp_path: Path,
) -> None:
    """A unit with no cases prints table 四's header and no row under it (a PDF's text drops
    the blank row; the header's words split over two lines as a layout copy sets them): the
    table is there, every cell blank and unchecked, not "no table" (−10, sent back)."""
    text = gip.layout_text()
    values = next(
        line for line in text.splitlines() if line.strip().startswith("2   1   0   1   4")
    )
    header = "结果维持 结果纠正 其他结果 尚未审结 总计 " * 3
    split = (
        "  ".join(["结果   结果   其他   尚未          "] * 3)
        + "\n"
        + "  ".join(["维持   纠正   结果   审结   总计   "] * 3)
    )
    r = check_replaced(tmp_path, text, f"{header.strip()}\n{values}\n", split + "\n")
    appeals = tables(r)["appeals"]
    assert appeals["status"] == "read"
    assert all(c["value"] is None for c in appeals["cells"])
    flags = {c["id"]: c for c in r["checks"]}
    assert flags["has_statistical_tables"]["passed"]
    assert "表四" in flags["tables_add_up"]["message"]
    # a section that prints none of the table's groups (未经复议直接起诉, 复议后起诉) has none
    start = text.index("行政复议      ")
    r = check_replaced(tmp_path, text, text[start : text.index(values) + len(values)], "")
    assert tables(r)["appeals"]["status"] == "absent"
    # the groups named in a sentence, or the header over a row it cannot read or a pointer to
    # an annex: no blank table
    prose = "本年度被申请行政复议2件，结果均为维持；未经复议直接起诉0件，复议后起诉0件。"
    r = check_replaced(tmp_path, text, text[start : text.index(values) + len(values)], prose)
    assert tables(r)["appeals"]["status"] != "read"
    for after in (
        "二 一 零 一 四 一 零 零 零 一 零 一 零 零 一",
        "（详见附表）",
        "本年度无变化，具体数据详见附件3。",  # a pointer, though it says 无
    ):
        r = check_replaced(tmp_path, text, f"{header.strip()}\n{values}\n", f"{split}\n{after}\n")
        assert tables(r)["appeals"]["status"] != "read", after
    # a note under it that there were none (its year too): the blank table; one giving counts
    # in words is no blank table
    for note, blank in (
        ("注：本年度本机关未发生政府信息公开行政复议、行政诉讼案件。", True),
        ("注：2024年度本机关未发生政府信息公开行政复议、行政诉讼案件。", True),
        ("注：本年度被申请行政复议两件。", False),
        ("注：本年度本机关未发生政府信息公开行政复议、行政诉讼案件（详见附件）。", True),
        ("本年度无政府信息公开行政复议、行政诉讼情况，相关统计详见附表。", True),
        ("注：本年度无政府信息公开行政诉讼情况，行政复议案件详见附件。", False),  # one kind
        ("注：本年度未发生因政府信息公开工作引起的行政复议及诉讼案件（详见附件）。", True),
    ):
        r = check_replaced(tmp_path, text, f"{header.strip()}\n{values}\n", f"{split}\n{note}\n")
        assert (tables(r)["appeals"]["status"] == "read") is blank, note


def test_the_texts_agreement_says_which_counts_were_set_against_the_tables(tmp_path: Path) -> None:
    """The text agreeing says which of its counts were set against the tables (收到申请数…),
    and that its other numbers were not looked at: not that the text as a whole matches."""
    r = check(write(tmp_path, "agree.txt", gip.layout_text()))
    flag = next(c for c in r["checks"] if c["id"] == "text_matches_tables")
    assert flag["passed"] and "收到申请数" in flag["message"], flag["message"]
    assert "正文其余数字未核对" in flag["message"]
    assert "复议维持数" not in flag["message"]  # not stated in this text: not named


@pytest.mark.parametrize("label", ["3.其他（申请人撤回申请）", "3.其他情形", "3.其他（注）"])
def test_the_other_handlings_row_with_a_note_in_its_label_is_read(
    tmp_path: Path, label: str
) -> None:
    """（六）其他处理 3.其他, written with a note or as 其他情形: the row is read (the whole table
    三 had been left unread, its row not told)."""
    table = gip.values()
    table["other_misc"] = [1, 1, 0, 0, 0, 0, 2]  # counted: a row it cannot tell is no blank
    text = gip.tab_text(table)
    old = next(line for line in text.splitlines() if "3.其他" in line)
    r = check(write(tmp_path, "other.txt", text.replace(old, old.replace("3.其他", label, 1))))
    assert tables(r)["requests"]["status"] == "read"


def test_a_page_number_inside_table_four_is_no_value(tmp_path: Path) -> None:
    """A copy of a PDF keeps the page's number (- 4 -) between table 四's blocks: it is no
    value of the table (the table had been unreadable, 一行只有5个数)."""
    text = gip.layout_text()
    start = text.index("四、政府信息公开行政复议")
    end = text.index("五、", start)
    v = [str(n) for n in gip.appeals()]
    heads = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
    blocks = (
        f"四、政府信息公开行政复议、行政诉讼情况\n行政复议\n{heads}\n{chr(9).join(v[:5])}\n"
        f"{{page}}行政诉讼\n未经复议直接起诉\t复议后起诉\n{heads}\t{heads}\n{chr(9).join(v[5:])}\n\n"
    )
    for page in ("", "- 4 -\n"):
        paged = text[:start] + blocks.format(page=page) + text[end:]
        r = check(write(tmp_path, "paged.txt", paged))
        assert tables(r)["appeals"]["status"] == "read", page


@pytest.mark.parametrize(
    "blank,below",
    [("carried_in", "disclosed"), ("withheld_query", "unable_not_held")],
)
def test_cells_one_a_line_under_a_row_left_blank_stay_in_their_own_row(
    tmp_path: Path, blank: str, below: str
) -> None:
    """A crawled page drops a row's empty cells: its label (二、上年结转…, 8.属于行政查询事项)
    stands over the next group's label and the next row's (三、本年度办理结果 / （一）予以公开)
    with no values between. The values below are the last label's row: read as the blank row's,
    the sums had failed on a table that adds up (本年新收9+上年结转4 = 13，而总计9…)."""
    table = copy.deepcopy(gip.values())
    table[blank] = [None] * 7
    table["carried_out"] = [
        n + (c or 0) - t
        for n, c, t in zip(table["new"], table["carried_in"], table["total"], strict=True)
    ]
    text = gip.stacked_text(table)
    r = check(write(tmp_path, "stacked.txt", text))
    assert failures(r) == set()
    lines = text.splitlines()
    label = next(name for row, name, _ in gip.ROWS_2021 if row == blank)
    row = next(x for x in tables(r)["requests"]["rows"] if x["id"] == blank)
    assert lines[row["line"] - 1].startswith(label)
    first = cell(r, "requests", below, "natural")
    assert first["value"] == table[below][0]
    assert lines[first["line"] - 1] == str(table[below][0])


def test_a_table_cut_off_before_its_totals_is_not_whole(tmp_path: Path) -> None:
    """Table 三 stopping after （五）…5. (its （六）, （七）总计 and 结转 rows not printed) was read
    and passed every check, 100 points (helper-213's 16): the tables check names the rows not
    read; the whole table passes it."""
    text = gip.layout_text()
    lines = text.splitlines()
    cut = next(i for i, line in enumerate(lines) if "（六）其他处理" in line)
    appeals = next(
        i for i, line in enumerate(lines) if line.strip().startswith("四、政府信息公开行政复议")
    )
    r = check(write(tmp_path, "cut.txt", "\n".join(lines[:cut] + lines[appeals:])))
    present = next(c for c in r["checks"] if c["id"] == "has_statistical_tables")
    assert present["passed"] is False
    assert "“（七）总计”“四、结转下年度继续办理”行" in present["message"]
    whole = check(write(tmp_path, "whole.txt", text))
    assert next(c for c in whole["checks"] if c["id"] == "has_statistical_tables")["passed"]


def test_leaving_out_the_other_matters_asks_for_the_fees_too(tmp_path: Path) -> None:
    """六、其他需要报告的事项 left out: the 信息处理费 hint is failed, as for a 六 that omits them
    (helper-213's 25: leaving the section out had left the check unasked, 100 and no hint)."""
    text = gip.layout_text()
    six = "六、其他需要报告的事项\n   本年度未收取信息处理费。\n"
    assert six in text
    r = check(write(tmp_path, "no6.txt", text.replace(six, "")))
    other = next(p for p in r["parts"] if p["id"] == "other")
    assert other["status"] == "missing"
    fees = next(c for c in other["checks"] if c["id"] == "names_processing_fees")
    assert fees["passed"] is False and "其他需要报告的事项" in fees["message"]
    from fzcheck.cohort.stats import action

    assert "信息处理费" in action(r)


@pytest.mark.parametrize("lead", ["行政许可、行政处罚情况如下：", "规范性文件和行政许可情况如下："])
def test_a_line_leading_into_the_tables_is_no_rows_label(tmp_path: Path, lead: str) -> None:
    """…行政许可、行政处罚情况如下： over table 二 (no stop ends it): its 行政许可 had named the 规章
    row's three values, and the second block was unreadable (helper-213's m1–m3)."""
    text = gip.layout_text()
    head = next(line for line in text.splitlines() if "主动公开政府信息情况" in line)
    r = check_replaced(tmp_path, text, head + "\n", f"{head}\n　　{lead}\n")
    decisions = tables(r)["proactive_decisions"]
    assert decisions["status"] == "read"
    whole = check(write(tmp_path, "whole.txt", text))
    assert [c["value"] for c in decisions["cells"]] == [
        c["value"] for c in tables(whole)["proactive_decisions"]["cells"]
    ]
