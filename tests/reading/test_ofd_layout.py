"""OFD pages read as their layout sets them (GB/T 33190 gives positions, not paragraphs): a
centred title and a signature set right end their lines, page numbers and running headers are
not text, table cells stay apart however narrow the gap, and two columns are read one after the
other. Each page is written as OFD writers write it: a TextObject per run of text with its
DeltaX (数科, WPS), one per character (converters from PDF), and one per character in an object
space scaled by a CTM."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.rubric import Catalog
from tests.reading.make_ofd import (
    BODY,
    LEFT,
    PITCH,
    SMALL,
    TITLE,
    TOP,
    WIDTH,
    Run,
    Sheet,
    header,
    make_laid_ofd,
    page_number,
)

WRITERS = ["runs", "chars", "chars_ctm"]

TITLE_TEXT = "甲县城市管理局2025年法治政府建设年度报告"  # 20 em of 2号: the type area's width
ADDRESSEE = "县委依法治县办："
OPENING = (
    "2025年，我局深入学习贯彻习近平法治思想，认真落实法治政府建设各项部署，严格规范公正文明执法，"
    "法治政府建设取得新成效。现将有关情况报告如下："
)
HEADINGS = [
    "一、2025年推进法治政府建设的主要举措和成效",
    "二、存在的不足和原因",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "四、2026年推进法治政府建设的主要安排",
]
BODIES = [
    "全年办理行政处罚案件126件，罚没款38万元，开展执法培训4期，培训执法人员210人次，"
    "执法案卷评查合格率96%，行政复议纠错率为零，城市管理领域的投诉办结率达到98%。",
    "一是一线执法力量不足；二是执法文书不够规范。原因是编制有限，培训不够系统，"
    "执法人员的法治素养有待进一步提高。",
    "局党组书记、局长亲自主持召开专题会议研究法治建设3次，带头开展述法，亲自督办重点执法事项，"
    "推动解决执法工作中的难点问题。",
    "2026年，我局将加强执法队伍建设，组织执法培训不少于4期，深化城管进社区普法活动，"
    "持续提升依法行政水平。",
]
ISSUER, DATE = "甲县城市管理局", "2026年2月3日"


def _report_pages(per_page: int = 4) -> list[list[Run]]:
    """The report on pages of ``per_page`` parts at most, numbered, the signature set right."""
    pages: list[list[Run]] = []
    sheet = Sheet()
    sheet.centred(TITLE_TEXT, TITLE).skip().paragraph(ADDRESSEE, indent=0).paragraph(OPENING)
    for k, (heading, body) in enumerate(zip(HEADINGS, BODIES, strict=True)):
        if k and k % per_page == 0:
            pages.append([*sheet.runs, page_number(len(pages) + 1)])
            sheet = Sheet()
        sheet.paragraph(heading).paragraph(body)
    sheet.skip(2).right(ISSUER, inset=4).right(DATE, inset=4)
    pages.append([*sheet.runs, page_number(len(pages) + 1)])
    return pages


REPORT_LINES = [
    TITLE_TEXT,
    ADDRESSEE,
    OPENING,
    *(line for pair in zip(HEADINGS, BODIES, strict=True) for line in pair),
    ISSUER,
    DATE,
]


def _read(tmp_path: Path, pages: list[list[Run]], objects: str) -> list[str]:
    path = tmp_path / "report.ofd"
    path.write_bytes(make_laid_ofd(pages, objects))
    return load(str(path)).lines


@pytest.mark.parametrize("objects", WRITERS)
def test_a_centred_title_and_a_signature_set_right_end_their_lines(
    tmp_path: Path, objects: str
) -> None:
    """The title fills the type area and the signature reaches its right margin, as a wrapped
    line does: neither goes on with the line after it (the addressee, the date), and the date
    is the report's date."""
    pages = _report_pages()
    assert max(r.x + len(r.text) * TITLE for r in pages[0][:1]) > LEFT + WIDTH - 2 * BODY
    assert _read(tmp_path, pages, objects) == REPORT_LINES
    info = check_path(str(tmp_path / "report.ofd"), Catalog.load()).to_json()["document"]
    assert (info["title"], info["issuer"], info["signed_on"]) == (TITLE_TEXT, ISSUER, "2026-02-03")


@pytest.mark.parametrize("objects", WRITERS)
def test_page_numbers_and_running_headers_are_no_text_and_a_paragraph_goes_on_over_a_page(
    tmp_path: Path, objects: str
) -> None:
    """— 1 — and a header on every page are taken off, as the PDF reader takes them off; a
    paragraph a page break cuts is one line (its next page's lines start at the margin)."""
    first = Sheet().centred(TITLE_TEXT, TITLE).skip().paragraph(ADDRESSEE, indent=0)
    first.paragraph(OPENING).paragraph(HEADINGS[0])
    long_body = BODIES[0] * 3
    opened = len(first.runs)
    first.paragraph(long_body)
    # the body's first three lines end the first page, the rest open the second
    cut = first.runs[opened + 3 :]
    del first.runs[opened + 3 :]
    second = Sheet()
    second.runs = [Run(r.x, r.y - cut[0].y + TOP, r.text, r.size) for r in cut]
    second.y = second.runs[-1].y + PITCH
    second.paragraph(HEADINGS[1]).paragraph(BODIES[1])
    second.skip().right(ISSUER, inset=4).right(DATE, inset=4)
    running = "甲县城市管理局法治政府建设年度报告"
    pages = [
        [header(running), *first.runs, page_number(1)],
        [header(running), *second.runs, page_number(2)],
    ]
    assert _read(tmp_path, pages, objects) == [
        TITLE_TEXT,
        ADDRESSEE,
        OPENING,
        HEADINGS[0],
        long_body,
        HEADINGS[1],
        BODIES[1],
        ISSUER,
        DATE,
    ]


# table 三's columns (mm from the type area's left): 自然人, 商业企业, 科研机构, 社会公益组织,
# 法律服务机构, 其他, 总计 — a figure centred in each, narrow columns side by side
_COLUMNS = [84.0, 96.5, 108.5, 119.0, 133.0, 145.0, 151.7]


def _row(label: str, values: list[str]) -> list[tuple[float, str]]:
    cells = [(0.5, label)]
    for centre, value in zip(_COLUMNS, values, strict=True):
        cells.append((centre - len(value) * SMALL / 4, value))
    return cells


@pytest.mark.parametrize("objects", WRITERS)
def test_table_cells_stay_apart_however_narrow_the_gap_and_a_spaced_word_stays_whole(
    tmp_path: Path, objects: str
) -> None:
    """其他 0 and 总计 12 stand a character and a bit apart: two cells, not 012. A word set
    letter-spaced (目　　录, 合　　计) is a word, and a line's figures, a space apart in the
    text, are not cells."""
    sheet = Sheet().spaced("说明", 2.0, TITLE).skip()
    sheet.paragraph("三、收到和处理政府信息公开申请情况", size=BODY)
    rows = [
        ("一、本年新收政府信息公开申请数量", ["18", "4", "0", "0", "1", "1", "24"]),
        ("二、上年结转政府信息公开申请数量", ["2", "0", "0", "0", "0", "0", "2"]),
        ("（一）予以公开", ["10", "3", "0", "0", "0", "0", "12"]),
        ("（二）部分公开", ["1", "0", "0", "0", "1", "0", "2"]),
        ("1.属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
    ]
    for label, values in rows:
        sheet.cells(_row(label, values))
    total = _row("", ["31", "7", "0", "0", "2", "1", "41"])[1:]
    sheet.runs.extend(
        Run(LEFT + 0.5 + k * 2 * SMALL, sheet.y, ch, SMALL) for k, ch in enumerate("合计")
    )
    sheet.cells(total)
    sheet.skip().paragraph("全年收到申请24件，予以公开13件，办结率100%。")
    lines = _read(tmp_path, [sheet.runs], objects)
    assert lines == [
        "说明",
        "三、收到和处理政府信息公开申请情况",
        *(" | ".join([label, *values]) for label, values in rows),
        "合计 | 31 | 7 | 0 | 0 | 2 | 1 | 41",
        "全年收到申请24件，予以公开13件，办结率100%。",
    ]


LEFT_COLUMN = [
    "2025年，青石镇党委、镇政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实"
    "党中央、国务院关于法治政府建设的决策部署。现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）加强组织领导。调整充实镇法治建设领导小组，由镇党委书记任组长，全年召开领导小组"
    "会议3次，研究部署法治政府建设重点任务12项。",
]
RIGHT_COLUMN = [
    "（二）推进依法科学决策。严格执行重大行政决策程序，对集镇污水管网改造、农村人居环境整治"
    "等5项重大事项进行合法性审查和风险评估。",
    "二、存在的问题及原因",
    "一是部分村干部法治意识不强，依法办事能力不足；二是综合行政执法队伍专业人员少，执法装备"
    "较为落后。",
]


@pytest.mark.parametrize("objects", WRITERS)
def test_two_columns_are_read_one_after_the_other(tmp_path: Path, objects: str) -> None:
    """A page set in two columns under a title across both: the left column's lines, then the
    right's, not each line of the one run on with the line beside it."""
    head = Sheet().centred("青石镇2025年度法治政府建设工作情况报告", TITLE).skip()
    head.paragraph("县委依法治县办：", indent=0)
    width = (WIDTH - 2 * BODY) / 2
    left = Sheet(LEFT, width, head.y)
    right = Sheet(LEFT + width + 2 * BODY, width, head.y)
    for text in LEFT_COLUMN:
        left.paragraph(text)
    for text in RIGHT_COLUMN:
        right.paragraph(text)
    page = [*head.runs, *left.runs, *right.runs, page_number(1)]
    assert _read(tmp_path, [page], objects) == [
        "青石镇2025年度法治政府建设工作情况报告",
        "县委依法治县办：",
        *LEFT_COLUMN,
        *RIGHT_COLUMN,
    ]


@pytest.mark.parametrize("objects", WRITERS)
def test_figures_a_space_apart_in_a_justified_paragraph_make_no_columns(
    tmp_path: Path, objects: str
) -> None:
    """A justified paragraph whose lines have a figure end at one place, the words after it
    0.8 em on (a justified line's spacing round a figure): no gutter, one paragraph, read in
    order (a column's text stands further from the next)."""
    sheet = Sheet().paragraph(HEADINGS[0])
    at = LEFT + 14 * BODY  # where the figures end: two columns of 13 and 12 em, were it one
    parts = [
        ("全年开展执法培训和专题学习宣传活动共", "85"),
        ("次，组织全县行政执法人员参加法律知识考试", "62"),
        ("场，各乡镇完成行政执法案卷评查共计达到", "35"),
        ("卷，全县各级行政机关办理行政复议案件共计", "41"),
    ]
    tail = "件，较上年同期增长百分之十二"
    text = ""
    for k, (words, figure) in enumerate(parts):
        x = LEFT + (2 * BODY if k == 0 else 0)
        words = words[: int((at - x) / BODY) - 1]
        sheet.runs.append(Run(at - BODY - len(words) * BODY, sheet.y, words))
        sheet.runs.append(Run(at - BODY, sheet.y, figure))
        sheet.runs.append(Run(at + 0.8 * BODY, sheet.y, tail[:12]))
        text += words + figure + tail[:12]
        sheet.skip()
    assert _read(tmp_path, [sheet.runs], objects) == [HEADINGS[0], text]


@pytest.mark.parametrize("objects", WRITERS)
def test_a_list_set_with_a_hanging_indent_and_a_numbered_heading_after_a_tab(
    tmp_path: Path, objects: str
) -> None:
    """1.深化… wrapping under its text (a hanging indent) is one item; 一、 and its heading a
    tab apart (Word's automatic number) are one heading, not two cells."""
    sheet = Sheet()
    sheet.runs.append(Run(LEFT + 2 * BODY, sheet.y, "二、"))
    sheet.runs.append(Run(LEFT + 4.5 * BODY, sheet.y, HEADINGS[1][2:]))
    sheet.skip()
    items = [f"{k}.{body}" for k, body in enumerate(BODIES[:2], 1)]
    for item in items:
        sheet.paragraph(item, indent=1.0, hanging=2.0)
    sheet.paragraph(OPENING)
    assert _read(tmp_path, [sheet.runs], objects) == [HEADINGS[1], *items, OPENING]


@pytest.mark.parametrize("objects", WRITERS)
def test_a_figure_wrapped_in_its_narrow_cell_is_one_figure(tmp_path: Path, objects: str) -> None:
    """101 in a column too narrow for it is set 10 over 1, the row's other cells between: its
    row reads 101, not a row a figure short with two stray lines."""
    sheet = Sheet()
    label, values = "一、本年新收政府信息公开申请数量", ["86", "9", "0", "1", "3", "2"]
    y = sheet.y
    for offset, text in _row(label, [*values, ""])[:-1]:
        sheet.runs.append(Run(LEFT + offset, y, text, SMALL))
    total = _COLUMNS[-1] - SMALL / 2
    sheet.runs.append(Run(LEFT + total, y - 0.6 * SMALL, "10", SMALL))
    sheet.runs.append(Run(LEFT + total, y + 0.65 * SMALL, "1", SMALL))
    sheet.y = y + 2 * SMALL
    sheet.cells(_row("二、上年结转政府信息公开申请数量", ["4", "1", "0", "0", "0", "0", "5"]))
    assert _read(tmp_path, [sheet.runs], objects) == [
        " | ".join([label, *values, "101"]),
        " | ".join(["二、上年结转政府信息公开申请数量", "4", "1", "0", "0", "0", "0", "5"]),
    ]


def test_a_text_code_with_tabs_and_junk_numbers_is_read(tmp_path: Path) -> None:
    """A row in one TextCode, its cells a tab's jump apart in DeltaX, reads its figures apart;
    numbers that are none (nan, 1e999) in X or DeltaX set nothing and stop nothing."""
    from tests.reading.make_ofd import _package

    row = "申请数量18402"
    deltas = "g 3 4 30 2 10 10 10"  # 申请数量, a tab, 18, a tab, 4 …
    objects = (
        f'<ofd:TextObject ID="1" Boundary="28 40 150 6" Font="2" Size="4">'
        f'<ofd:TextCode X="0" Y="4" DeltaX="{deltas}">{row}</ofd:TextCode></ofd:TextObject>'
        f'<ofd:TextObject ID="2" Boundary="60 60 150 6" Font="2" Size="4">'
        f'<ofd:TextCode X="nan" Y="4" DeltaX="g 1e999 5 g nan 4">总计共有</ofd:TextCode>'
        f"</ofd:TextObject>"
    )
    path = tmp_path / "tabs.ofd"
    path.write_bytes(_package([objects]))
    assert load(str(path)).lines == ["申请数量 18 4 0 2", "总计共有"]
