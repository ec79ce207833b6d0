"""Table 三's subtotal rows, and sections and titles as units word them."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.gip import reports as gip
from tests.gip.test_tables import check, check_replaced, failures, tables, write

_SUBTOTALS = {
    "withheld": ("（三）不予公开", "withheld_", "requests_withheld_subtotal"),
    "unable": ("（四）无法提供", "unable_", "requests_unable_subtotal"),
    "declined": ("（五）不予处理", "declined_", "requests_declined_subtotal"),
}


def _with_subtotal(group: str, wrong: bool, said: str = "") -> str:
    """The layout report with ``group``'s subtotal row printed over its sub-rows (some units add
    one), one of its values off by one when ``wrong``; its label ending ``said`` (（小计）)."""
    label, prefix, _ = _SUBTOTALS[group]
    label += said
    table = copy.deepcopy(gip.values())
    subs = [r for r, _, _ in gip.ROWS_2021 if r.startswith(prefix)]
    table[group] = [sum(table[r][k] or 0 for r in subs) for k in range(7)]
    if wrong:
        table[group][0] += 1
        table[group][6] += 1
    rows: list[tuple[str, str, str | None]] = []
    for row, text, grp in gip.ROWS_2021:
        if row == subs[0]:
            rows.append((group, label, None))
        rows.append((row, text, None if row in subs else grp))
    return gip.layout_text(table, rows)


@pytest.mark.parametrize("said", ["", "（小计）", "小计"])
@pytest.mark.parametrize("group", sorted(_SUBTOTALS))
def test_a_subtotal_row_is_checked_against_its_sub_rows(
    tmp_path: Path, group: str, said: str
) -> None:
    """A printed subtotal is checked: a wrong one fails its own sum (it was read past, and the
    table said every sum held); a right one holds, and is not counted twice in （七）总计. Its
    label may say 小计 (（三）不予公开（小计）: passed over, a wrong subtotal passed)."""
    identity = _SUBTOTALS[group][2]
    right = check(write(tmp_path, "right.txt", _with_subtotal(group, False, said)))
    assert tables(right)["requests"]["status"] == "read"
    assert failures(right) == set()
    wrong = check(write(tmp_path, "wrong.txt", _with_subtotal(group, True, said)))
    assert failures(wrong) == {(identity, "自然人"), (identity, "总计")}


def test_the_2019_forms_single_other_row_has_no_sub_rows_to_add_up(tmp_path: Path) -> None:
    r = check(write(tmp_path, "old.txt", gip.layout_text(gip.values("2019"), gip.ROWS_2019)))
    assert failures(r) == set()
    sums = next(c for c in r["checks"] if c["id"] == "tables_add_up")
    assert sums["passed"] and "未核对" not in sums["message"]


def _without_section_four(text: str) -> str:
    lines = text.split("\n")
    start = next(i for i, s in enumerate(lines) if s.strip().startswith("四、"))
    end = next(i for i, s in enumerate(lines) if s.strip().startswith("五、"))
    return "\n".join(lines[:start] + lines[end:])


def test_a_missing_table_four_is_absent_not_a_row_of_an_earlier_table(tmp_path: Path) -> None:
    """No section 四: table 四 is not looked for from the overview's sentence on 行政复议, so an
    earlier table's row is not read as its cases (which said it was there but unreadable)."""
    text = _without_section_four(gip.layout_text())
    assert "行政复议" in text.split("二、")[0]
    r = check(write(tmp_path, "no-four.txt", text))
    assert tables(r)["appeals"]["status"] == "absent"
    flag = next(c for c in r["checks"] if c["id"] == "has_statistical_tables")
    assert not flag["passed"] and "表四" in flag["message"]
    assert tables(r)["requests"]["status"] == "read"


def test_table_fours_section_headed_fuyi_susong_is_the_appeals_part(tmp_path: Path) -> None:
    """四、政府信息公开复议诉讼情况 (the law's two words shortened) heads the appeals part and
    its table: neither was found in a Markdown report."""
    old, new = "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开复议诉讼情况"
    text = gip.markdown_text()
    assert old in text
    r = check(write(tmp_path, "worded.md", text.replace(old, new)))
    got = next(p for p in r["parts"] if p["id"] == "appeals")
    assert got["status"] == "present" and got["heading"] == "政府信息公开复议诉讼情况"
    assert tables(r)["appeals"]["status"] == "read" and failures(r) == set()


@pytest.mark.parametrize(
    "old,new,part",
    [
        ("五、存在的主要问题及改进情况", "五、主要问题和改进措施", "improvements"),
        ("五、存在的主要问题及改进情况", "五、问题与改进", "improvements"),
        ("五、存在的主要问题及改进情况", "五、改进措施", "improvements"),
    ],
)
def test_sections_headed_as_units_word_them_are_found(
    tmp_path: Path, old: str, new: str, part: str
) -> None:
    r = check_replaced(tmp_path, gip.layout_text(), old, new)
    got = next(p for p in r["parts"] if p["id"] == part)
    assert got["status"] == "present" and got["heading"] == new.split("、", 1)[1]
    assert r["verdict"] == "complete"
    assert all(t["status"] == "read" for t in r["tables"])


def test_a_title_ending_in_nianbao_is_the_title(tmp_path: Path) -> None:
    old = "示例县交通运输局2024年政府信息公开工作年度报告"
    r = check_replaced(tmp_path, gip.layout_text(), old, "示例县交通运输局2024年度政府信息公开年报")
    assert r["document"]["title"] == "示例县交通运输局2024年度政府信息公开年报"
    assert r["document"]["report_year_source"] == "title"
    assert next(c for c in r["checks"] if c["id"] == "title_names_subject_and_year")["passed"]


def test_measures_in_a_section_of_their_own_are_the_improvements(tmp_path: Path) -> None:
    """五、存在的主要问题, then 六、下一步工作打算: the measures are the improvements part's
    (names_improvements failed, reading the problems alone)."""
    text = gip.layout_text()
    old = (
        "   五、存在的主要问题及改进情况\n"
        "   一是政策解读形式还不够丰富；二是依申请办理人员业务能力仍需提升。下一步，我局将加强解读，"
    )
    assert old in text
    new = (
        "   五、存在的主要问题\n"
        "   一是政策解读形式还不够丰富；二是依申请办理人员业务能力仍需提升。\n"
        "   六、下一步工作打算\n"
        "   我局将加强解读，"
    )
    r = check(write(tmp_path, "split.txt", text.replace(old, new).replace("六、其他", "七、其他")))
    improvements = next(p for p in r["parts"] if p["id"] == "improvements")
    assert improvements["status"] == "present"
    assert all(c["passed"] for c in improvements["checks"]), improvements["checks"]


@pytest.mark.parametrize(("signed", "flagged"), [("2024年1月20日", True), ("2025年1月20日", False)])
def test_a_report_signed_before_its_year_ended_is_flagged(
    tmp_path: Path, signed: str, flagged: bool
) -> None:
    """A 2024 report dated 2024年1月20日 (last year's date kept): not the whole year's report."""
    text = gip.layout_text().replace("2025年1月20日", signed)
    r = check(write(tmp_path, "signed.txt", text))
    flag = next(c for c in r["checks"] if c["id"] == "signed_after_year_end")
    assert flag["passed"] is not flagged, flag["message"]


def test_a_row_label_among_cells_one_a_line_heads_no_section(tmp_path: Path) -> None:
    """A crawled page's table, every cell a line (… 0 / 3.其他 / 0 …), and no section 六: the
    row label 3.其他 had been read as a heading, 其他需要报告的事项 embedded there (helper-195's);
    the label stands between two values, a table's row, no heading. So does 四、结转下年度继续办理
    (under 38, over 3), where section 四 is the appeals'."""
    text = gip.stacked_text()
    six = text[text.index("六、其他需要报告的事项") : text.index("示例县交通运输局\n2025年1月20日")]
    r = check(write(tmp_path, "stacked.txt", text.replace(six, "")))
    parts = {p["id"]: p for p in r["parts"]}
    assert parts["other"]["status"] == "missing", parts["other"]
    assert parts["appeals"]["status"] == "present"
    assert tables(r)["requests"]["status"] == tables(r)["appeals"]["status"] == "read"


def test_a_section_heading_between_two_lone_values_is_still_a_heading(tmp_path: Path) -> None:
    """Table 四's header lost in a crawl, its section's heading between table 三's last value
    and table 四's first: a line numbered as a section (四、) stays the section's heading, not
    a row's label (the appeals part had fallen back to a sentence of the overview,
    helper-199's d09)."""
    text = gip.stacked_text()
    header = text[
        text.index("行政复议\n行政诉讼") : text.index("复议后起诉\n") + len("复议后起诉\n")
    ]
    r = check(write(tmp_path, "stacked.txt", text.replace(header, "")))
    parts = {p["id"]: p for p in r["parts"]}
    assert parts["appeals"]["status"] == "present", parts["appeals"]
