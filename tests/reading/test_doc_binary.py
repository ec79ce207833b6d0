"""A Word 97-2003 .doc (and WPS .wps) is read as Word shows it, as the .docx twin reads: a table's
empty cells stay cells (a blank table 四 is still a table), automatic list numbers (一、 （一）,
not in the text) are put in front of their paragraphs, and the text of text boxes (a 公文
template's title, a signature and date) is read where it belongs."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest

from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.doc import read_doc
from fzcheck.reading.doc_props import format_number
from fzcheck.rubric import Catalog
from tests.gip.reports import docx_bytes, values
from tests.reading.make_doc import ListLevels, Numbered, Table, TextBox, make_word_doc

# 一、 then （一） then 1., in Chinese counting, as a 公文 template numbers its headings
CHINESE = ListLevels([(37, "%1、"), (37, "（%2）"), (0, "%3.")])


def _checked(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = check_path(str(path), Catalog.load(None)).to_json()
    return result


def _failed(result: dict[str, Any]) -> list[str]:
    failed = [c["id"] for c in result["checks"] if not c["passed"]]
    for part in result["parts"]:
        failed += [f"{part['id']}.{c['id']}" for c in part["checks"] if not c["passed"]]
    return sorted(failed)


def _verdict(result: dict[str, Any]) -> tuple[Any, ...]:
    parts = [(p["id"], p["status"]) for p in result["parts"]]
    document = result["document"]
    return (
        result["verdict"],
        result["score"],
        parts,
        _failed(result),
        document["title"],
        document["issuer"],
        document["signed_on"],
    )


def _twins(tmp_path: Path, blocks: list[Any], typed: list[str], **doc: Any) -> tuple[Any, Any]:
    """The verdicts of a .doc made of ``blocks`` and of the same report typed as text."""
    (tmp_path / "report.doc").write_bytes(make_word_doc(blocks, **doc))
    (tmp_path / "typed.txt").write_text("\n".join(typed), encoding="utf-8")
    return _verdict(_checked(tmp_path / "report.doc")), _verdict(_checked(tmp_path / "typed.txt"))


# --- 1. empty cells ---------------------------------------------------------------------------


def test_empty_cells_stay_cells_and_a_blank_row_stays_a_row() -> None:
    data = make_word_doc(
        [
            "四、政府信息公开行政复议、行政诉讼情况",
            Table([["行政复议", "", "行政诉讼"], ["", "", ""], ["维持", "", "3"]]),
            "五、存在的主要问题及改进情况",
        ]
    )
    assert read_doc(data).text.splitlines() == [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 |  | 行政诉讼",
        "|  |  |  |",
        "维持 |  | 3",
        "五、存在的主要问题及改进情况",
    ]


@pytest.mark.parametrize("huge_rows", [False, True])
def test_a_cell_merged_down_reads_as_the_cell_it_continues(huge_rows: bool) -> None:
    """As the .docx reader reads a merged cell: its text in each row it spans (Word keeps the
    lower cells empty, marked merged). A wide row's properties Word keeps in the Data stream."""
    table = Table([["三、本年度办理结果", "（一）予以公开", "3"], [None, "（二）部分公开", ""]])
    lines = read_doc(make_word_doc([table], huge_rows=huge_rows)).text.splitlines()
    assert lines == [
        "三、本年度办理结果 | （一）予以公开 | 3",
        "| 三、本年度办理结果 | （二）部分公开 |  |",
    ]


def test_a_table_of_one_column_is_read_as_its_paragraphs() -> None:
    """A frame around the text (the .docx reader reads such a table as paragraphs too)."""
    data = make_word_doc([Table([["一、总体情况"], ["全年主动公开政府信息326条。"]])])
    assert read_doc(data).text.splitlines() == ["一、总体情况", "全年主动公开政府信息326条。"]


def _as_doc_blocks(lines: list[str]) -> list[str | Table]:
    """The .docx reader's lines as .doc blocks: runs of rows a table, a label repeating the
    one above it (a cell merged down in the .docx) an empty cell merged down."""
    blocks: list[str | Table] = []
    rows: list[list[str | None]] = []
    shown: list[list[str]] = []
    for line in [*lines, ""]:
        if "|" in line:
            body = line.strip()
            if body.startswith("|"):
                body = body[1:].removesuffix("|")
            cells = [cell.strip() for cell in body.split("|")]
            above = shown[-1] if shown else []
            rows.append(
                [
                    None if k < len(above) and c == above[k] and c and not c.isdigit() else c
                    for k, c in enumerate(cells)
                ]
            )
            shown.append(cells)
            continue
        if rows:
            blocks.append(Table(rows))
            rows, shown = [], []
        if line:
            blocks.append(line)
    return blocks


def test_a_blank_table_four_and_blanks_in_table_three_read_as_in_the_docx(
    tmp_path: Path,
) -> None:
    """A unit with no appeals leaves table 四 blank, and one writes blanks for 0 in table 三:
    the .doc keeps the blank cells, so the tables are found and read as the .docx's are."""
    table = {row: [None if v == 0 else v for v in cells] for row, cells in values().items()}
    docx = docx_bytes(table, appeal_values=[None] * 15)
    (tmp_path / "report.docx").write_bytes(docx)
    docx_lines = load(str(tmp_path / "report.docx")).lines
    assert any(line.startswith("|  |  |") for line in docx_lines)  # table 四's blank row
    (tmp_path / "report.doc").write_bytes(make_word_doc(_as_doc_blocks(docx_lines)))
    assert load(str(tmp_path / "report.doc")).lines == docx_lines
    as_doc, as_docx = _checked(tmp_path / "report.doc"), _checked(tmp_path / "report.docx")
    assert _verdict(as_doc) == _verdict(as_docx)
    tables = {c["id"]: c for c in as_doc["checks"]}
    assert tables["has_statistical_tables"]["passed"]
    assert "无法读取" not in tables["tables_add_up"]["message"]
    assert {c["id"]: c["message"] for c in as_doc["checks"]} == {
        c["id"]: c["message"] for c in as_docx["checks"]
    }


# --- 2. automatic numbering -------------------------------------------------------------------


def test_list_numbers_are_put_in_front_as_word_shows_them() -> None:
    decimal = ListLevels([(0, "%1."), (0, "%1.%2")])
    data = make_word_doc(
        [
            Numbered("主要举措和成效", 1, 0),
            Numbered("规范行政执法", 1, 1),
            "全年办理行政处罚案件126件。",
            Numbered("强化执法监督", 1, 1),
            Numbered("组织案卷评查", 1, 2),
            Numbered("存在的问题", 1, 0),
            Numbered("执法力量不足", 1, 1),  # a new 一、 starts its （一） again
            Numbered("推进非现场执法", 2, 0),  # another list counts on its own
            Numbered("细化执法流程", 2, 1),
            Numbered("", 1, 0),  # an empty numbered paragraph: counted, no line
            Numbered("下一步工作打算", 1, 0),
        ],
        lists=[CHINESE, decimal],
    )
    assert read_doc(data).text.splitlines() == [
        "一、主要举措和成效",
        "（一）规范行政执法",
        "全年办理行政处罚案件126件。",
        "（二）强化执法监督",
        "1.组织案卷评查",
        "二、存在的问题",
        "（一）执法力量不足",
        "1.推进非现场执法",
        "1.1 细化执法流程",  # a number ending in a digit: the tab after it a space
        "四、下一步工作打算",
    ]


def test_a_style_linked_to_a_list_numbers_its_paragraphs() -> None:
    """Word's 标题 1 / 标题 2 linked to a multilevel list: the list is in the style, not on
    the paragraph."""
    blocks: list[Any] = [
        Numbered("主要举措和成效", 1, 0, by_style=True),
        Numbered("规范行政执法", 1, 1, by_style=True),
        Numbered("强化执法监督", 1, 1, by_style=True),
        Numbered("存在的问题", 1, 0, by_style=True),
    ]
    assert read_doc(make_word_doc(blocks, lists=[CHINESE])).text.splitlines() == [
        "一、主要举措和成效",
        "（一）规范行政执法",
        "（二）强化执法监督",
        "二、存在的问题",
    ]


def test_a_bullet_or_an_unknown_list_adds_no_number() -> None:
    bullets = ListLevels([(23, "\uf0b7")])
    data = make_word_doc(
        [Numbered("加强队伍建设", 1, 0), Numbered("深化普法宣传", 7, 0)], lists=[bullets]
    )
    assert read_doc(data).text.splitlines() == ["加强队伍建设", "深化普法宣传"]


@pytest.mark.parametrize(
    "n,nfc,shown",
    [
        (1, 37, "一"),
        (10, 37, "十"),
        (11, 37, "十一"),
        (20, 39, "二十"),
        (105, 37, "一百零五"),
        (110, 37, "一百一十"),
        (10, 10, "一〇"),  # ideographDigital: digit by digit
        (3, 38, "叁"),
        (10, 38, "壹拾"),
        (2, 30, "乙"),
        (3, 18, "③"),
        (4, 27, "⑷"),
        (5, 26, "⒌"),
        (4, 1, "IV"),
        (28, 4, "bb"),
        (7, 14, "７"),
        (3, 22, "03"),
        (12, 0, "12"),
        (3, 47, ""),
    ],
)
def test_number_formats(n: int, nfc: int, shown: str) -> None:
    assert format_number(n, nfc) == shown


_NUMBERED_REPORT: list[Any] = [
    "乙县水务局2025年法治政府建设年度报告",
    "县委依法治县办：",
    "2025年，我局认真落实法治政府建设各项部署，现将有关情况报告如下：",
    Numbered("主要举措和成效", 1, 0),
    Numbered("规范行政执法", 1, 1),
    "全年办理水行政处罚案件42件，罚没款12万元，开展执法培训3期，培训执法人员96人次。",
    Numbered("主要负责人履行推进法治建设第一责任人职责情况", 1, 1),
    "局党组书记、局长亲自主持召开专题会议研究法治建设4次，带头开展述法。",
    Numbered("存在的问题", 1, 0),
    Numbered("执法力量不足", 1, 1),
    "全局一线执法人员仅18名，原因是编制有限、人员流动较大。",
    Numbered("下一步工作打算", 1, 0),
    "下一步，我局将重点做好以下工作：",
    Numbered("加强队伍建设", 1, 1),
    "2026年，计划新招录执法人员5名，组织执法培训不少于3期。",
    "乙县水务局",
    "2026年2月6日",
]


def test_a_report_numbered_by_word_is_checked_as_the_same_report_typed(tmp_path: Path) -> None:
    """Its headings rank 一、 above （一）, so the plan under its （一） stays in the plan and the
    leader's own actions under theirs are found."""
    typed = read_doc(make_word_doc(_NUMBERED_REPORT, lists=[CHINESE])).text.splitlines()
    assert typed[3:5] == ["一、主要举措和成效", "（一）规范行政执法"]
    assert typed[13] == "（一）加强队伍建设"
    as_doc, as_text = _twins(tmp_path, _NUMBERED_REPORT, typed, lists=[CHINESE])
    assert as_doc == as_text
    assert "leader_duties.principal_own_actions" not in as_doc[3]
    assert "next_year_plan.names_next_year" not in as_doc[3]
    assert as_doc[4] == "乙县水务局2025年法治政府建设年度报告"


# --- 3. text boxes ----------------------------------------------------------------------------

_BODY = [
    "县委依法治县办：",
    "2025年，我局认真落实法治政府建设各项部署，现将有关情况报告如下：",
    "一、2025年推进法治政府建设的主要举措和成效",
    "全年办理行政处罚案件126件，罚没款38万元，开展执法培训4期，培训执法人员210人次。",
    "二、存在的不足和原因",
    "一是一线执法力量不足；二是执法文书不够规范。原因是编制有限，培训不够系统。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "局党组书记、局长亲自主持召开专题会议研究法治建设3次，带头开展述法，亲自督办重大执法案件。",
    "四、2026年推进法治政府建设的主要安排",
    "2026年，我局将加强执法队伍建设，组织执法培训不少于4期，深化普法宣传。",
]


def test_text_boxes_are_read_where_they_belong() -> None:
    """A box anchored before any body text (a title) comes before its anchor paragraph; one
    anchored once the body has begun (a signature under the last paragraph) after it; one
    whose anchor is not listed, at the end."""
    blocks = [*_BODY, ""]
    boxes = [
        TextBox(0, "甲县城管局\n2025年法治政府建设年度报告"),
        TextBox(len(_BODY) - 1, "甲县城市管理局\n2026年2月3日"),
        TextBox(3, "附：执法统计", listed=False),
    ]
    lines = read_doc(make_word_doc(blocks, text_boxes=boxes)).text.splitlines()
    assert lines == [
        "甲县城管局",
        "2025年法治政府建设年度报告",
        *_BODY,
        "甲县城市管理局",
        "2026年2月3日",
        "附：执法统计",
    ]


@pytest.mark.parametrize("signed", ["2026年2月3日", "2026年4月20日"])
def test_a_title_and_a_signature_in_text_boxes_are_found(tmp_path: Path, signed: str) -> None:
    """A 公文 template's title and its signature and date set in boxes: the title is the
    report's, the date is when it was signed (a late one fails published_in_time)."""
    blocks = [*_BODY, ""]
    boxes = [
        TextBox(0, "甲县城管局\n2025年法治政府建设年度报告"),
        TextBox(len(_BODY), f"甲县城市管理局\n{signed}"),
    ]
    typed = ["甲县城管局", "2025年法治政府建设年度报告", *_BODY, "甲县城市管理局", signed]
    as_doc, as_text = _twins(tmp_path, blocks, typed, text_boxes=boxes)
    assert as_doc == as_text
    assert as_doc[4] == "甲县城管局2025年法治政府建设年度报告"
    day = [int(n) for n in re.findall(r"\d+", signed)]
    assert as_doc[6] == f"{day[0]}-{day[1]:02d}-{day[2]:02d}"
    assert ("published_in_time" in as_doc[3]) == (day[1] == 4)


# --- damaged structures -----------------------------------------------------------------------


def _fib_entry(data: bytes, index: int, fc: int, lcb: int) -> bytes:
    """``data`` with FIB entry ``index`` pointing at fc, lcb (the WordDocument stream is the
    last one make_doc writes: its FIB sits at its first sector)."""
    word_at = data.index(struct.pack("<HH", 0xA5EC, 0x00C1))
    out = bytearray(data)
    struct.pack_into("<II", out, word_at + 0x9A + 8 * index, fc, lcb)
    return bytes(out)


@pytest.mark.parametrize(
    "index,fc,lcb",
    [
        (13, 0, 4000),  # paragraph property pages past the table stream
        (13, 0, 12),  # ...or pointing at pages that are not there
        (73, 0, 2000),  # lists cut short
        (74, 100, 3000),  # list overrides cut short
        (1, 0, 300),  # a stylesheet of noise
        (56, 0, 600),  # text boxes of noise
        (40, 0, 700),  # shapes of noise
    ],
)
def test_damaged_formatting_leaves_the_text_read(index: int, fc: int, lcb: int) -> None:
    blocks: list[Any] = [Numbered("主要举措和成效", 1, 0), Table([["指标", ""], ["受理", "41"]])]
    data = make_word_doc(blocks, lists=[CHINESE], text_boxes=[TextBox(0, "标题")])
    lines = read_doc(_fib_entry(data, index, fc, lcb)).text.splitlines()
    assert any("主要举措和成效" in line for line in lines)
    assert any("受理" in line and "41" in line for line in lines)


def test_a_list_starting_past_all_reason_is_numbered_in_digits() -> None:
    """A list level with letter numbering starting at 2,000,000,000 (damaged or crafted: a 10 KB
    file) gave each paragraph 77 million letters, gigabytes in all; past 9,999 a number is
    shown in digits."""
    huge = ListLevels([(3, "%1.")], start=2_000_000_000)
    data = make_word_doc([Numbered(f"第{k}段", 1, 0) for k in range(20)], lists=[huge])
    lines = read_doc(data).text.splitlines()
    assert len(lines) == 20 and max(map(len, lines)) < 30
    assert lines[0].startswith("2000000000.") and format_number(27, 3) == "AA"


def test_a_long_cell_merged_down_over_many_rows_is_not_copied_into_each() -> None:
    """A cell of a million characters merged down over 200 rows was copied into every row
    (a 3 MB file read as 1.5 billion characters); a label's text is still repeated."""
    rows: list[list[str | None]] = [["甲" * 1_000_000, "（一）", "1"]]
    rows += [[None, f"（{k}）", "1"] for k in range(200)]
    text = read_doc(make_word_doc([Table(rows)])).text
    assert len(text) < 1_000_000 + 200 * 300
