"""A 法治 report filled in as a form on a web page (LibreOffice's HTML export of a unit's 报告表,
a portal's <table> of label | text): read as the .docx of it is, a row a label and its text.
Its text cells are long, so the page had been taken for one laid out in a table, its cells
made blocks: each label alone on a line, which no part's heading is (62.5 for a whole form)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.rubric import Catalog

_TITLE = "青岗县交通运输局2025年度法治政府建设年度报告"
_DONE = [
    "2025年，我局坚持以习近平法治思想为指导，全面推进依法行政，各项工作取得新成效。",
    "（一）健全依法决策机制。全年作出重大行政决策3项，均经合法性审查和集体讨论决定，"
    "法律顾问列席局务会议11次，提出法律意见26条，意见采纳率达到百分之九十以上。",
    "（二）规范行政执法行为。全面落实行政执法三项制度，审核重大执法决定14件，组织执法"
    "人员培训5期，参训人员212人次，行政执法案卷评查合格率百分之百。",
]
_ROWS = [
    ("单位名称", ["青岗县交通运输局"]),
    ("主要举措和成效", _DONE),
    (
        "存在的不足和原因",
        [
            "一是执法人员法律素养参差不齐，原因是近年新进人员较多、系统培训不足；二是执法信息化"
            "水平不高，原因是平台建设资金投入有限。"
        ],
    ),
    (
        "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
        [
            "局党组书记、局长认真履行第一责任人职责，亲自主持召开局党组会议3次专题研究法治建设，"
            "带头讲授法治课1次，亲自出庭应诉行政诉讼案件1件。"
        ],
    ),
    (
        "下一年度主要安排",
        ["2026年，我局将重点抓好三项工作：一是深化执法规范化建设；二是加强执法队伍培训。"],
    ),
    ("其他需要报告的情况", ["无。"]),
]
_NUMBERS = ["", "一、", "二、", "三、", "四、", "五、"]


def _form_page(numbered: bool) -> str:
    rows = "".join(
        f"<tr><td width='120'><p>{_NUMBERS[k] if numbered else ''}{label}</p></td>"
        f"<td>{''.join(f'<p>{p}</p>' for p in text)}</td></tr>"
        for k, (label, text) in enumerate(_ROWS)
    )
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<p align='center'>{_TITLE}</p><p>填报单位：青岗县交通运输局（盖章）</p>"
        f"<table border='1' cellpadding='7'>{rows}</table>"
        "<p align='right'>青岗县交通运输局</p><p align='right'>2026年1月20日</p></body></html>"
    )


@pytest.mark.parametrize("numbered", [False, True])
def test_a_web_pages_form_is_read_row_by_row_as_its_docx(tmp_path: Path, numbered: bool) -> None:
    page = tmp_path / "form.html"
    page.write_text(_form_page(numbered), encoding="utf-8")
    lines = load(str(page)).lines
    first = f"{'一、' if numbered else ''}主要举措和成效 | {_DONE[0]}"
    # the label beside its text, the outer borders gone; the points numbered in the cell on
    # lines of their own
    assert first in lines
    assert lines[lines.index(first) + 1 : lines.index(first) + 3] == _DONE[1:]
    assert f"{'五、' if numbered else ''}其他需要报告的情况 | 无。" in lines
    result = check_path(str(page), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in result["parts"]} == dict.fromkeys(
        ["achievements", "problems", "leader_duties", "next_year_plan", "other"], "present"
    )
    assert result["score"] == 100


def test_a_page_laid_out_in_a_table_is_still_read_as_blocks(tmp_path: Path) -> None:
    """Rows of short cells beside each other (当前位置 | 首页 > …, 发布时间 | 来源, 版权所有 |
    ICP备…) and one row of the article beside the navigation: a layout, no form — its article's
    paragraphs are lines of their own, not one row's cell."""
    paragraphs = [_TITLE, *_DONE, *_DONE[1:], "我局将继续推进法治政府建设。"]
    article = "".join(f"<p>{p}</p>" for p in paragraphs)
    body = (
        "<table><tr><td>当前位置</td><td>首页 &gt; 政务公开 &gt; 法治政府建设</td></tr>"
        "<tr><td>发布时间：2026-01-22</td><td>来源：青岗县交通运输局</td></tr>"
        f"<tr><td>网站首页 政务公开 互动交流</td><td>{article}</td></tr>"
        "<tr><td>版权所有：青岗县人民政府</td><td>备案号：赣ICP备00000000号</td></tr></table>"
    )
    page = tmp_path / "layout.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    lines = load(str(page)).lines
    assert _DONE[1] in lines and _TITLE in lines
    assert not any("|" in line for line in lines)


def _page(table: str) -> str:
    return (
        "<html><head><meta charset='utf-8'></head><body>"
        f"<p align='center'>{_TITLE}</p>{table}"
        "<p align='right'>青岗县交通运输局</p><p align='right'>2026年1月20日</p></body></html>"
    )


def _lines(tmp_path: Path, html: str) -> list[str]:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    return load(str(page)).lines


def test_a_label_its_narrow_cell_wrapped_is_one_label(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>{label[:4]}<br>{label[4:]}</td><td><p>{'</p><p>'.join(text)}</p></td></tr>"
        for label, text in _ROWS[1:]
    )
    lines = _lines(tmp_path, _page(f"<table border='1'>{rows}</table>"))
    assert f"主要举措和成效 | {_DONE[0]}" in lines
    assert "存在的不足和原因 | 一是执法人员" in "\n".join(lines)


def test_a_number_column_is_no_label_and_leaves_the_rows_whole(tmp_path: Path) -> None:
    """序号 | 项目 | 内容: the number is no heading of the text; the row is read as a .docx's (one
    line), not cut into its cell's paragraphs under a number."""
    rows = "".join(
        f"<tr><td>{k}</td><td>{label}</td><td><p>{'</p><p>'.join(text)}</p></td></tr>"
        for k, (label, text) in enumerate(_ROWS[1:], 1)
    )
    lines = _lines(tmp_path, _page(f"<table border='1'>{rows}</table>"))
    assert any(line.startswith(f"1 | 主要举措和成效 | {_DONE[0]}") for line in lines)
    assert not any(line.startswith("（一）") for line in lines)


def test_a_cell_holding_a_reports_numbered_headings_is_not_cut_under_its_label(
    tmp_path: Path,
) -> None:
    """An unnumbered label over paragraphs numbered 一、二、 (the cell holds a report of its
    own): cut apart, those headings outranked the rows' labels (100 → 77.5)."""
    text = ["一、完善依法决策机制", _DONE[1], "二、规范行政执法行为", _DONE[2]]
    rows = [("主要举措和成效", text), *_ROWS[2:]]
    cells = "".join(
        f"<tr><td>{label}</td><td><p>{'</p><p>'.join(t)}</p></td></tr>" for label, t in rows
    )
    lines = _lines(tmp_path, _page(f"<table border='1'>{cells}</table>"))
    assert "一、完善依法决策机制" not in lines
    assert any(line.startswith("主要举措和成效 | 一、完善依法决策机制") for line in lines)


@pytest.mark.parametrize(
    "footer",
    [
        "<tr><td>主办单位</td><td>青岗县人民政府办公室；承办单位：青岗县政务数据中心</td></tr>"
        "<tr><td>联系地址</td><td>青岗县人民路18号；邮编：410100；电话：0731-84001234</td></tr>"
        "<tr><td>温馨提示</td><td>本网站信息仅供参考，请以正式文件为准。</td></tr>",
        "<tr><td>栏目说明</td><td>本栏目发布本县各部门年度报告；按年度排列。</td></tr>"
        "<tr><td>说明</td><td>本页内容由各部门报送。</td></tr>"
        "<tr><td>提示</td><td>如有疑问请致电本单位。</td></tr>",
    ],
)
def test_a_layouts_footer_of_sentences_makes_it_no_form(tmp_path: Path, footer: str) -> None:
    """A site's footer rows may hold a ；or a 。 (联系地址 | …；邮编…, 温馨提示 | …为准。): with the
    article beside the navigation that made three rows of a label beside sentences, the page
    was kept a table and its title became the navigation's (100 → 0, not a report)."""
    paragraphs = [_TITLE, *_DONE, *_DONE[1:], "青岗县交通运输局", "2026年1月20日"]
    article = "".join(f"<p>{p}</p>" for p in paragraphs)
    body = (
        f"<table><tr><td>网站首页 政务公开 通知公告 办事指南</td><td>{article}</td></tr>"
        f"{footer}</table>"
    )
    lines = _lines(tmp_path, f"<html><body>{body}</body></html>")
    assert _TITLE in lines and _DONE[1] in lines
    assert not any("|" in line for line in lines)  # no cell beside another: blocks


def test_a_table_holding_tables_is_no_form(tmp_path: Path) -> None:
    """trafilatura sets a kept table's inner tables after it, away from their sections."""
    inner = "<table border='1'><tr><td>指标</td><td>数量</td></tr><tr><td>案件</td><td>12</td></tr></table>"
    rows = "".join(
        f"<tr><td>{label}</td><td><p>{'</p><p>'.join(text)}</p>{inner if k == 1 else ''}</td></tr>"
        for k, (label, text) in enumerate(_ROWS)
    )
    lines = _lines(tmp_path, _page(f"<table border='1'>{rows}</table>"))
    assert not any(line.startswith("主要举措和成效 | ") for line in lines)


def test_two_rows_labelled_as_a_reports_sections_are_its_sections(tmp_path: Path) -> None:
    """The last parts set in a table of their own (四、下一年度主要安排 | …, 五、… | …): two rows,
    but each labelled as a report's section, which no navigation or footer is; the long first
    row holds most of the words, as an article would. Kept a table, | 四、… | was no heading
    and both parts were missing."""
    prose = [
        "一、主要举措和成效",
        *_DONE,
        "二、存在的不足和原因",
        _ROWS[2][1][0],
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        _ROWS[3][1][0],
    ]
    plan = "2026年，我局将重点抓好以下工作：" + "一是深化执法规范化建设，完善执法程序；" * 8 + "。"
    rows = [
        ("四、下一年度主要安排", plan),
        ("五、其他需要报告的情况", "本年度无其他需要报告的情况。"),
    ]
    table = "".join(f"<tr><td>{label}</td><td>{text}</td></tr>" for label, text in rows)
    html = _page("".join(f"<p>{p}</p>" for p in prose) + f"<table border='1'>{table}</table>")
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    assert f"四、下一年度主要安排 | {plan}" in load(str(page)).lines
    result = check_path(str(page), Catalog.load()).to_json()
    statuses = {p["id"]: p["status"] for p in result["parts"]}
    assert statuses["next_year_plan"] == statuses["other"] == "present"


def test_a_text_cells_paragraphs_inside_a_block_start_on_the_labels_line(tmp_path: Path) -> None:
    rows = "".join(
        f"<tr><td>{label}</td><td><div><p>{'</p><p>'.join(text)}</p></div></td></tr>"
        for label, text in _ROWS
    )
    lines = _lines(tmp_path, _page(f"<table border='1'>{rows}</table>"))
    first = f"主要举措和成效 | {_DONE[0]}"
    assert lines[lines.index(first) + 1 : lines.index(first) + 3] == _DONE[1:]
