"""Heading hierarchy and document facts, pinned by golden files for every fixture."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from fzcheck.analysis.facts import read_facts
from fzcheck.analysis.outline import build_outline, match_heading
from fzcheck.reading import load
from fzcheck.rubric import load_rubric
from tests.helpers import FIXTURES, SAMPLE, assert_golden, checked, sample_text

_SUBJECT = load_rubric("fazhi-annual").report_genre.title_subject
FIXTURE_NAMES = sorted(p.name for p in FIXTURES.iterdir() if p.is_file())


@pytest.mark.parametrize("name", ["sample-report.txt", *FIXTURE_NAMES])
def test_outline_golden(name: str) -> None:
    path = SAMPLE if name == "sample-report.txt" else FIXTURES / name
    doc = load(str(path))
    facts = read_facts(doc, _SUBJECT)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    data = {
        "title": facts.title,
        "issuer": facts.issuer,
        "report_year": facts.report_year,
        "signed_on": facts.signed_on.isoformat() if facts.signed_on else None,
        "addressee_line": None if facts.addressee_line is None else facts.addressee_line + 1,
        "body": [facts.body_start + 1, facts.body_end + 1],
        "outline": outline.to_json(doc),
    }
    assert_golden(f"outline/{name}.json", _compact(data))


def _compact(data: dict[str, object]) -> str:
    """Pretty at the top, one line per heading, so a diff shows which heading moved."""
    out = ["{"]
    for key, value in data.items():
        if key == "outline":
            items = [json.dumps(h, ensure_ascii=False) for h in value]  # type: ignore[attr-defined]
            out.append(' "outline": [\n  ' + ",\n  ".join(items) + "\n ]")
        else:
            out.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    return "\n".join(out) + "\n}\n"


@pytest.mark.parametrize(
    "line,kind,marker",
    [
        ("一、主要举措", 1, "一、"),
        ("十二、其他", 1, "十二、"),
        ("三.下一步", 1, "三."),
        ("二,存在的不足", 1, "二,"),  # the analysis view: ， folded to ,
        ("二:存在的不足", 1, "二:"),
        ("四 下一步安排", 1, "四"),
        ("五  其他事项", 1, "五"),
        ("(一)健全机制", 2, "(一)"),
        ("1.党建引领", 3, "1."),
        ("2、推进依法行政", 3, "2、"),
        ("(1)镇长履职", 4, "(1)"),
        ("②加强培训", 4, "②"),
        ("一是健全学法机制", 5, "一是"),
        # ranked by its number, not its #s: ### 一、 is a top heading, as 一、 is
        ("## 二、存在的不足", 1, "## 二、"),
        ("### (一)主要问题", 2, "### (一)"),
        ("### 总体情况", 3, "###"),
    ],
)
def test_heading_markers(line: str, kind: int, marker: str) -> None:
    hit = match_heading(line)
    assert hit is not None and hit[:2] == (kind, marker)


@pytest.mark.parametrize(
    "line",
    [
        *("2025年,我局坚持", "1.5亿元资金到位", "12345热线", "一、", "是一项工作"),
        "一 是基层执法能力仍有短板",  # 一是 typed with a space: no top-level heading
        "一 | 执法证持证率低 | 人员调整较大",  # a table row read from Word or a page
        "九 江 市 司 法 局",  # a letter-spaced place name
        "三 明 市 2025 年 度 法 治 政 府 建 设 情 况 报 告",
    ],
)
def test_not_headings(line: str) -> None:
    assert match_heading(line) is None


def test_top_level_is_the_highest_rank_present() -> None:
    doc = load(str(FIXTURES / "heading_styles.txt"))
    facts = read_facts(doc, _SUBJECT)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    assert [h.text for h in outline.top] == ["主要工作", "短板弱项", "下一年度工作思路"]
    assert {h.kind for h in outline.top} == {2}
    first = outline.top[0]
    assert first.line + 1 == 3 and first.end_line + 1 == 8
    assert [c.kind for c in first.children] == [3, 3]


def test_signature_with_chinese_numerals() -> None:
    facts = read_facts(load(str(FIXTURES / "themed_reordered.txt")), _SUBJECT)
    assert facts.signed_on is not None and facts.signed_on.isoformat() == "2026-01-20"
    assert facts.issuer == "示例市市场监督管理局"


def _every_marker(line: str) -> tuple[int, str, int] | None:
    """match_heading as plainly written: each marker pattern tried in rank order."""
    from fzcheck.analysis.outline import _MARKDOWN, _MARKERS

    md = _MARKDOWN.match(line)
    if md:
        inner = match_heading(line[md.end() :])
        if inner and not inner[1].startswith("#"):
            return inner[0], line[: md.end() + inner[2]].strip(), md.end() + inner[2]
        return len(md.group(1)), line[: md.end()].strip(), md.end()
    for kind, pattern in _MARKERS:
        m = pattern.match(line)
        if m and m.end() < len(line.rstrip()):
            return kind, m.group(0).strip(), m.end()
    return None


def test_first_character_look_up_finds_what_every_pattern_finds() -> None:
    from fzcheck.document import fold_width

    lines = [
        fold_width(line)
        for path in sorted(FIXTURES.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    lines += [
        "  一、总体情况",
        "第二部分 问题",
        "(三)措施",
        "(3)细则",
        "③ 其他",
        "12.5万元",
        "1.",
        "四是",
        "# 标题",
        "  # 不是",
        "## 三、安排",
        "十一、附则",
    ]
    for line in lines:
        assert match_heading(line) == _every_marker(line), line


def test_a_long_line_is_tested_for_a_table_row_by_its_end() -> None:
    """A row's values end it: only the end is searched (over a whole 160,000-character line
    the search took minutes)."""
    from fzcheck.analysis.tables import is_table_row

    assert not is_table_row("一、" + " 1" * 80_000 + " a1")
    assert is_table_row("一、本年新收政府信息公开申请数量" + " 3" * 80_000)
    assert is_table_row("一、本年新收政府信息公开申请数量   95   0   0")
    assert not is_table_row("一、2025年推进法治政府建设的主要举措和成效")


def _outline_of(text: str, tmp_path: Any) -> list[tuple[int, str, str]]:
    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    outline = build_outline(doc, 0, len(doc.analysis) - 1)
    return [(h.level, h.marker, h.text) for h in outline.headings]


def test_a_marker_alone_on_its_line_heads_the_next_line(tmp_path: Any) -> None:
    text = "第一部分\n\n主要举措和成效\n全年办理案件41件。\n二、\n存在的不足\n人员不足。\n"
    assert _outline_of(text, tmp_path) == [
        (1, "第一部分", "主要举措和成效"),
        (1, "二、", "存在的不足"),
    ]
    # not a paragraph, nor a table's row, after it
    text = "一、\n全年办理案件41件，调解纠纷120件。\n二、\n本年新收申请数量   95   0   0\n"
    assert _outline_of(text, tmp_path) == []


def test_a_numbered_badge_alone_on_its_line_heads_the_next_line(tmp_path: Any) -> None:
    """01 / 02 on lines of their own, as a WeChat editor sets a section's number in a badge:
    each heads the short line after it; a bare 5 (a page number, a value) does not."""
    text = "01\n主要举措和成效\n全年办理案件41件。\n02\n存在的不足\n人员不足。\n5\n下一行\n"
    assert _outline_of(text, tmp_path) == [(1, "01", "主要举措和成效"), (1, "02", "存在的不足")]


# --- numbering as units really type it, and reports that number nothing ----------------------

TOP = ("一、", "二、", "三、", "四、", "五、")


def _renumbered(top: tuple[str, ...], sub: str | None = None) -> str:
    """The sample with its top markers replaced (and its （一） sub-markers by ``sub``'s style)."""
    from tests.helpers import sample_text

    lines = []
    for line in sample_text().splitlines():
        for k, marker in enumerate(TOP):
            if line.startswith(marker) and k < len(top):
                line = top[k] + line[len(marker) :]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _levels(tmp_path: Any, text: str) -> list[tuple[int, str]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    facts = read_facts(doc, _SUBJECT)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    return [(h.level, h.text[:8]) for h in outline.headings]


@pytest.mark.parametrize(
    "top",
    [
        ("Ⅰ、", "Ⅱ、", "Ⅲ、", "Ⅳ、", "Ⅴ、"),
        ("I.", "II.", "III.", "IV.", "V."),
        ("壹、", "贰、", "叁、", "肆、", "伍、"),
        ("第一章 ", "第二章 ", "第三章 ", "第四章 ", "第五章 "),
        ("第一节 ", "第二节 ", "第三节 ", "第四节 ", "第五节 "),
        ("第一、", "第二、", "第三、", "第四、", "第五、"),
        ("【一】", "【二】", "【三】", "【四】", "【五】"),
    ],
)
def test_top_sections_numbered_as_units_type_them_are_the_top_level(
    tmp_path: Any, top: tuple[str, ...]
) -> None:
    levels = _levels(tmp_path, _renumbered(top))
    tops = [text for level, text in levels if level == 1]
    assert len(tops) == 5 and tops[1].startswith("2025年推进")
    assert any(level == 2 for level, _ in levels)  # the （一） items stay under them


@pytest.mark.parametrize(
    "top",
    [
        ("1.", "2.", "3.", "4.", "5."),
        ("1)", "2)", "3)", "4)", "5)"),
        ("一是", "二是", "三是", "四是", "五是"),
    ],
)
def test_a_report_nesting_its_markers_the_other_way_keeps_its_own_order(
    tmp_path: Any, top: tuple[str, ...]
) -> None:
    """1. over （一）: （一） starts again under each 1., so 1. is the top level here, though
    （一） usually ranks above it."""
    levels = _levels(tmp_path, _renumbered(top))
    assert [text for level, text in levels if level == 1][1].startswith("2025年推进")
    assert {level for level, text in levels if text.startswith(("健全", "规范"))} == {2}


def _unnumbered() -> str:
    from tests.helpers import sample_text

    text = sample_text()
    for marker in (*TOP, "（一）", "（二）", "（三）", "（四）", "（五）", "（六）"):
        text = text.replace(f"\n{marker}", "\n")
    return text


def test_a_report_that_numbers_nothing_has_its_short_lines_as_headings(tmp_path: Any) -> None:
    """No 一、 or （一） anywhere: short lines standing alone between paragraphs head its
    sections, and the law's parts are found under them."""
    text = _unnumbered().replace("\n（", "\n").replace("健全依法决策机制。", "健全依法决策机制\n")
    levels = _levels(tmp_path, text)
    tops = [text for level, text in levels if level == 1]
    assert "健全依法决策机制" in tops and "党政主要负责人履" in tops
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    r = check_path(str(tmp_path / "report.txt"), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"]} == {
        "achievements": "present",
        "problems": "present",
        "leader_duties": "present",
        "next_year_plan": "present",
        "other": "present",
    }


def test_a_tables_rows_do_not_shorten_the_headings_of_a_report_that_numbers_nothing(
    tmp_path: Any,
) -> None:
    """A table's short rows among the text (a Word table, a row a line) are no lines of text:
    the law's own heading of the leader's duties (24 characters) is still short for the text's
    lines, and heads its section."""
    rows = "".join(f"执法单位{k} | {40 + k} | {300 + k}\n" for k in range(8))
    text = _unnumbered().replace("健全依法决策机制。", f"健全依法决策机制。\n{rows}", 1)
    tops = [t for level, t in _levels(tmp_path, text) if level == 1]
    assert "党政主要负责人履" in tops


def test_parts_over_top_markers_rank_above_them(tmp_path: Any) -> None:
    """第一部分 … with 一、 二、 inside each part: the parts are the top level, and each part's
    text runs to the next part (its 一、 are under it, not beside it)."""
    text = _renumbered(("第一部分 ", "第二部分 ", "第三部分 ", "第四部分 ", "第五部分 "))
    text = text.replace("（一）", "一、").replace("（二）", "二、").replace("（三）", "三、")
    levels = _levels(tmp_path, text)
    assert [t[:4] for level, t in levels if level == 1] == [
        "2025",
        "2025",
        "党政主要",
        "2026",
        "其他需要",
    ]
    assert {level for level, t in levels if t.startswith(("健全", "基层", "提升"))} == {2}
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    r = check_path(str(tmp_path / "report.txt"), Catalog.load()).to_json()
    assert r["score"] == 100, r["parts"]


def test_short_lines_heading_runs_that_start_again_are_the_top_level(tmp_path: Any) -> None:
    """Top headings with no number (a web page's bold lines), their points （一）（二）… numbered
    anew under each: the short lines are the top level, not lines inside the points above."""
    from tests.helpers import sample_text

    text = sample_text()
    for marker in TOP:
        text = text.replace(f"\n{marker}", "\n")
    levels = _levels(tmp_path, text)
    tops = [t for level, t in levels if level == 1]
    assert [t[:4] for t in tops] == ["2025", "2025", "党政主要", "2026", "其他需要"]
    assert {level for level, t in levels if t.startswith(("健全", "基层", "提升"))} == {2}
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    r = check_path(str(tmp_path / "report.txt"), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"]} == dict.fromkeys(
        ("achievements", "problems", "leader_duties", "next_year_plan", "other"), "present"
    )


@pytest.mark.parametrize(
    "opening",
    [
        "一年来，各项工作稳步推进，但也存在一些不足。",
        "重点抓好以下工作：",
        "2026年，县政府将重点抓好以下工作：",
        "新的一年，我们将以更大力度推进法治政府建设！",  # ended with ！
    ],
)
def test_short_lines_over_an_opening_sentence_and_points_are_the_top_level(
    tmp_path: Any, opening: str
) -> None:
    """Word's numbering lost from the headings only: a section opens with a sentence before its
    points （一）（二）… start again (存在的不足和原因 / 一年来……存在一些不足。/ （一）…). The short
    lines are the top level still: the problems were taken for a sentence in passing under the
    achievements' last point, and the report said incomplete."""
    from tests.helpers import sample_text

    lines = []
    for line in sample_text().splitlines():
        if line.startswith(TOP):
            lines.append(line[2:])
            if not line.startswith(("一、", "三、", "五、")):
                lines.append(opening)
            continue
        lines.append(line)
    levels = _levels(tmp_path, "\n".join(lines) + "\n")
    tops = [t[:4] for level, t in levels if level == 1]
    assert tops == ["2025", "2025", "党政主要", "2026", "其他需要"]
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    r = check_path(str(tmp_path / "report.txt"), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"]} == dict.fromkeys(
        ("achievements", "problems", "leader_duties", "next_year_plan", "other"), "present"
    )
    # a long paragraph of the section's own between them is no opening: the runs stay unled
    long = "全年推进各项工作，成效明显，群众满意度进一步提升。" * 8
    lines = [long if line == opening else line for line in lines]
    tops = [t[:4] for level, t in _levels(tmp_path, "\n".join(lines) + "\n") if level == 1]
    assert tops != ["2025", "2025", "党政主要", "2026", "其他需要"]


def test_a_pictures_caption_and_a_case_label_head_no_section(tmp_path: Any) -> None:
    """A caption under a photo (图为…) is no heading, nor is 典型案例 over its lead-in and points
    (helper-177: they were made the top level of a report of paragraphs, its parts under them)."""
    from tests.helpers import sample_text

    lines = []
    for line in sample_text().splitlines():
        if line.startswith(TOP):
            lines.append(line[2:])
            continue
        lines.append(line)
        if line.startswith("（四）深化普法宣传"):
            lines += [
                "图为“法律进乡村”活动现场",
                "典型案例",
                "在一起征收案件中，我局做了以下工作：",
                "（一）提前介入。",
                "（二）全程跟踪。",
            ]
    levels = _levels(tmp_path, "\n".join(lines) + "\n")
    texts = [t for _, t in levels]
    assert "图为“法律进乡村" not in texts
    assert not [t for level, t in levels if level == 1 and t.startswith("典型案例")]


def test_short_lines_over_one_opened_sections_points_are_the_top_level(tmp_path: Any) -> None:
    """As Word users set it: only the first section's points are numbered, and that section
    opens with a sentence before them (2025年，我局……重点做好以下工作：): the short lines are the
    top level still (the problems were missing, the report incomplete)."""
    from tests.helpers import sample_text

    lines: list[str] = []
    section = 0
    for line in sample_text().splitlines():
        if line.startswith(TOP):
            section += 1
            lines.append(line[2:])
            if section == 1:
                lines.append("2025年，我局坚持以习近平法治思想为指导，重点做好以下工作：")
            continue
        lines.append(line[3:] if section > 1 and line.startswith("（") else line)
    tops = [t[:4] for level, t in _levels(tmp_path, "\n".join(lines) + "\n") if level == 1]
    assert tops == ["2025", "2025", "党政主要", "2026", "其他需要"]


def test_short_lines_over_one_sections_numbered_points_are_the_top_level(tmp_path: Any) -> None:
    """Bold unnumbered headings as Word users set them, with （一）（二）… only under the first:
    the short lines are the top level (the points did not start again to tell), and the parts
    under the later ones are sections, not lines inside the last point."""
    from tests.helpers import sample_text

    lines = []
    section = 0
    for line in sample_text().splitlines():
        if line.startswith(TOP):
            section += 1
            line = line[2:]
        elif section > 1 and line.startswith("（"):
            line = line[3:]  # the points of every section but the first lose their numbers
        lines.append(line)
    text = "\n".join(lines) + "\n"
    levels = _levels(tmp_path, text)
    tops = [t[:4] for level, t in levels if level == 1]
    assert tops == ["2025", "2025", "党政主要", "2026", "其他需要"]
    assert {level for level, t in levels if t.startswith(("健全", "化解"))} == {2}
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    r = check_path(str(tmp_path / "report.txt"), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"]} == dict.fromkeys(
        ("achievements", "problems", "leader_duties", "next_year_plan", "other"), "present"
    )
    # indented as Word's first-line indent copies out: the same
    (tmp_path / "report.txt").write_text(
        "\n".join(f"\u3000\u3000{line}" if line else "" for line in lines) + "\n",
        encoding="utf-8",
    )
    r = check_path(str(tmp_path / "report.txt"), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in r["parts"]} == dict.fromkeys(
        ("achievements", "problems", "leader_duties", "next_year_plan", "other"), "present"
    )


def test_points_starting_again_with_no_short_line_above_them_keep_their_level(
    tmp_path: Any,
) -> None:
    """A list that starts again inside numbered sections (（一）… under 一、) or under sentences
    is no sign of headings without numbers: a short line standing alone stays text."""
    from tests.helpers import sample_text

    lines = []
    for line in sample_text().splitlines():
        if line.startswith(TOP):  # each section opens with a sentence, not a heading
            line = f"{line[2:]}方面，全年推进各项工作，成效明显，具体如下。"
            lines += ["工作概况良好", "全年推进各项工作，成效明显，群众满意度进一步提升。"]
        lines.append(line)
    levels = _levels(tmp_path, "\n".join(lines) + "\n")
    assert levels and "工作概况良好" not in [t for _, t in levels]


def test_short_lines_are_no_headings_where_sections_are_numbered(tmp_path: Any) -> None:
    from tests.helpers import sample_text

    text = sample_text().replace(
        "（二）规范行政执法行为。", "执法规范年活动\n（二）规范行政执法行为。"
    )
    assert "执法规范年活动" not in [t for _, t in _levels(tmp_path, text)]


def test_lines_wrapped_at_the_page_width_are_no_headings(tmp_path: Any) -> None:
    """A PDF's text: every paragraph broken at 28 characters. Its wrapped lines are as long as
    the page is wide, so only the short lines standing alone are headings."""
    wrapped = []
    for line in _unnumbered().splitlines():
        while len(line) > 28:
            wrapped.append(line[:28])
            line = line[28:]
        wrapped.append(line)
    levels = _levels(tmp_path, "\n".join(wrapped) + "\n")
    assert levels and all(len(text) < 28 for _, text in levels)
    assert not any("，" in t or "," in t for _, t in levels)


def test_numbered_headings_over_points_are_not_taken_for_bare_parents(tmp_path: Any) -> None:
    """1. … 5. over （一）（二）… (numbered anew under each): the 1. headings are the top level, not
    a short line standing alone above them (现将有关情况报告如下：)."""
    text = _renumbered(("1.", "2.", "3.", "4.", "5."))
    text = text.replace("现将有关情况报告如下：", "\n现将有关情况报告如下：\n")
    tops = [t for level, t in _levels(tmp_path, text) if level == 1]
    assert len(tops) == 5 and "现将有关情况报告如" not in tops


def test_a_part_words_at_a_lines_start_inside_a_section_rank_nothing_above_it(
    tmp_path: Any,
) -> None:
    """A wrapped line inside section 三 opening 第一部分总体要求…: no part heads the report, so the
    一、 sections stay the top level."""
    from tests.helpers import sample_text

    text = sample_text().replace(
        "将法治建设纳入班子成员年度述职内容",
        "\n第一部分总体要求开展专题学习，将法治建设纳入述职内容",
    )
    tops = [t[:4] for level, t in _levels(tmp_path, text) if level == 1]
    assert {"2025", "党政主要", "2026", "其他需要"} <= set(tops)  # the sections, not under it


def test_a_bare_heading_right_under_a_table_is_a_heading(tmp_path: Any) -> None:
    """A page sets no blank line between a table and the next bold heading: the table's last
    row ends what came before as a sentence does (收到和处理… was lost, and each heading after
    a table with it)."""
    para = (
        "全年依托门户网站和政务新媒体及时发布政策文件、通知公告和办事指南，群众获取信息更加便利。"
    )
    text = (
        f"总体情况\n{para}\n主动公开政府信息情况\n{para}\n"
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 1 | 0 | 3 |\n"
        f"收到和处理政府信息公开申请情况\n{para}\n其他需要报告的事项\n{para}\n"
    )
    titles = [t for _, _, t in _outline_of(text, tmp_path)]
    assert "收到和处理政府信息公开申请情况" in titles and "其他需要报告的事项" in titles


def test_a_themed_heading_of_two_clauses_is_a_bare_heading(tmp_path: Any) -> None:
    """坚持党的领导，压实法治建设责任 over its paragraph, as Word's lost numbering leaves it: two
    short phrases with a comma are a heading; a sentence with a figure or a second comma is
    not."""
    text = (
        "坚持党的领导，压实法治建设责任\n局党组全年研究法治建设工作5次，制定法治建设工作要点，落实述法制度。\n"
        "短板弱项\n仲裁案件积压较多，原因在于仲裁员编制仅4名，办案力量明显不足，结案周期较长。\n"
        "全年结案126件，同比增长\n仲裁案件积压较多，原因在于仲裁员编制仅4名，办案力量明显不足。\n"
    )
    titles = [t for _, _, t in _outline_of(text, tmp_path)]
    assert titles == ["坚持党的领导,压实法治建设责任", "短板弱项"]  # the analysis view


def test_top_numbers_started_again_under_the_last_section_are_its_items(tmp_path: Any) -> None:
    """四、下一步工作打算, then 一、加强执法队伍建设 / 二、深化普法宣传 to the end (a slip of typing
    for （一）（二）): the items are the plan's, one level below it, and the plan's year in them
    is the plan's."""
    from tests.helpers import sample_text

    text = sample_text()
    for old, new in (
        ("（一）提升", "一、提升"),
        ("（二）加强执法", "二、加强执法"),
        ("（三）推进精准", "三、推进精准"),
    ):
        assert old in text
        text = text.replace(old, new)
    text = text.replace("五、其他需要报告的情况\n本年度无其他需要报告的情况。\n", "")
    levels = _levels(tmp_path, text)
    assert [t[:4] for level, t in levels if level == 1] == ["2025", "2025", "党政主要", "2026"]
    assert {level for level, t in levels if t.startswith(("提升", "加强执法", "推进精准"))} == {2}


def test_a_table_of_words_is_no_heading_and_ends_what_came_before(tmp_path: Any) -> None:
    """A Word table of words (重点任务 | 责任股室 | 下一步计划, a row a line) in a report that
    numbers nothing: its short header row is no heading, and the heading right after its last
    row is one (it was taken for more of the row above)."""
    rows = "重点任务 | 责任股室 | 下一步计划\n案卷评查 | 政策法规股 | 每季度一次\n普法宣传 | 办公室 | 覆盖全部乡镇\n"
    heading = "2025年推进法治政府建设存在的不足和原因"
    text = _unnumbered().replace(f"\n\n{heading}", f"\n{rows}{heading}", 1)
    assert rows + heading in text
    titles = [t for _, t in _levels(tmp_path, text)]
    assert not any(t.startswith("重点任务") for t in titles)
    assert titles[:2] == ["2025年推进法", "2025年推进法"]


def test_a_lead_in_line_over_numbered_sections_is_no_heading_over_them(tmp_path: Any) -> None:
    """（一）…（五） as the sections, 现将有关情况报告如下 standing alone above them and two short
    case titles under the last: the lead-in is no bare heading over the run (the sections
    became its points), and the sections stay the top level."""
    from tests.helpers import sample_text

    text = sample_text().replace("现将有关情况报告如下：", "\n现将有关情况报告如下\n")
    for k, marker in enumerate(("（一）", "（二）", "（三）", "（四）")):  # points as 1. 2. …
        text = text.replace(f"\n{marker}", f"\n{k + 1}.")
    for k, marker in enumerate(TOP):
        text = text.replace(f"\n{marker}", f"\n（{'一二三四五'[k]}）")
    text = text.replace(
        "本年度无其他需要报告的情况。",
        "本年度办理的两起典型案件报告如下。\n\n非法采砂案\n"
        "2025年5月，执法人员在巡查中发现某公司未经许可采砂，依法处罚款8万元。\n\n"
        "侵占河道案\n2025年8月，依法作出限期拆除决定，当事人已自行拆除。",
    )
    tops = [t[:4] for level, t in _levels(tmp_path, text) if level == 1]
    assert "现将有关" not in tops and tops[:2] == ["2025", "2025"]


def test_numbers_started_again_under_a_heading_with_no_number_stay_its_own(tmp_path: Any) -> None:
    """一、… 四、 (the year's themes), then 存在问题及下一步工作打算 standing alone, then 一、存在的
    问题 二、2026年工作打算: the second run is under that line, not items of 四、."""
    text = (
        "示例镇2025年法治政府建设工作情况报告\n\n现将全年工作情况报告如下。\n"
        "一、强化组织领导\n镇长亲自主持召开法治政府建设专题会议3次，研究解决重大问题5个。\n"
        "二、推进依法决策\n全年提交审议的重大事项21件均经合法性审查，审查率100%。\n"
        "三、规范行政执法\n执法队开展执法检查136次，办理行政处罚案件29件。\n"
        "四、深化普法宣传\n开展送法进村活动32场，培育法律明白人96名。\n"
        "存在问题及下一步工作打算\n一、存在的问题\n部分村干部法治意识不强。主要原因是培训不足。\n"
        "二、2026年工作打算\n2026年，我镇将开展执法人员轮训2期。\n"
    )
    levels = _levels(tmp_path, text)
    assert {level for level, t in levels if t.startswith(("存在的问", "2026年工"))} == {1}


def test_lines_indented_with_a_tab_are_no_table_rows(tmp_path: Any) -> None:
    """A report that numbers nothing, every line indented with a tab (a WPS copy-out): its short
    lines are still its headings (a leading tab is no cell border)."""
    text = "\n".join(f"\t{line}" if line.strip() else "" for line in _unnumbered().splitlines())
    tops = [t for level, t in _levels(tmp_path, text + "\n") if level == 1]
    assert len(tops) >= 4


@pytest.mark.parametrize("old", ["二、", "三、"])
def test_a_top_number_typed_without_its_separator_fills_its_gap(tmp_path: Any, old: str) -> None:
    """一、 … 二存在的不足和原因 … 三、: the 、 left out of one heading (a slip of typing) — the
    number the others leave out, where they leave it, heads its section; 二十 or 二是 opening a
    line elsewhere is no heading."""
    from tests.helpers import sample_text

    text = sample_text().replace(f"\n{old}", f"\n{old[0]}", 1)
    tops = [t[:4] for level, t in _levels(tmp_path, text) if level == 1]
    assert tops == ["2025", "2025", "党政主要", "2026", "其他需要"]
    # the same number's line where no number is missing: text, not a heading
    text = sample_text().replace(
        "（三）化解矛盾纠纷。", "二十个乡镇全部建立调解组织。（三）化解矛盾纠纷。"
    )
    assert not any(t.startswith("十个乡镇") for _, t in _levels(tmp_path, text))


_RUN_IN_REPORT = [
    "{a}主要举措和成效{b}全年开展执法检查86家次，督促整改问题132个。",
    "{a}存在的不足和原因{b}一是执法力量薄弱。原因是人员配备不足。",
    "{a}主要负责人履行第一责任人职责情况{b}馆长主持召开专题会议3次。",
    "{a}2026年工作打算{b}我馆将加强执法队伍建设。",
]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("【", "】"),
        ("", "："),
        ("", ":"),
        ("", "。"),
        ("", " | "),
        ("| ", " | "),
    ],  # | : a form's cells
)
def test_labels_opening_the_paragraphs_of_a_headingless_report_are_its_headings(
    tmp_path: Any, a: str, b: str
) -> None:
    """【存在的不足和原因】一是… / 存在的不足和原因：一是…, the text on the label's line: each
    label heads its section (the report read as headingless: its problems part was missing)."""
    text = "\n".join(line.format(a=a, b=b) for line in _RUN_IN_REPORT)
    assert [h[2] for h in _outline_of(text, tmp_path)] == [
        "主要举措和成效",
        "存在的不足和原因",
        "主要负责人履行第一责任人职责情况",
        "2026年工作打算",
    ]


@pytest.mark.parametrize(
    "before",
    [
        "会议研究后做出决定",  # a paragraph ending with no stop
        "全年群众满意率达到98.5%",
        "认真学习《中华人民共和国行政复议法》",
        "- 2 -",  # a page's number
    ],
)
def test_a_label_closed_by_its_stop_after_a_paragraph_with_none_is_a_heading(
    tmp_path: Any, before: str
) -> None:
    """存在的不足和原因。一是… after a paragraph (or a page number) that ends with no stop: still
    the section's label. Only a line wrapped at a width (about as long as the next, no longer
    than a page's line) runs on into it."""
    lines = [line.format(a="", b="。") for line in _RUN_IN_REPORT]
    text = "\n".join([lines[0] + "全年办理案件41件，" + before, *lines[1:]])
    assert "存在的不足和原因" in [h[2] for h in _outline_of(text, tmp_path)]


@pytest.mark.parametrize("gap", ["  ", "\u3000\u3000"])
def test_short_headings_spaced_out_are_headings_outside_a_form(tmp_path: Any, gap: str) -> None:
    """主要举措  和成效 (a PDF's justified line), in a report of unnumbered headings: a heading,
    three cells of it too. Only a form's text (three rows a label, a gap and a paragraph) or a
    table's rows next to each other (问题类型  案卷数量  占比 / 证据收集不规范  5卷  41.7%) have
    gapped short lines as rows."""
    body = [
        (
            f"主要举措{gap}和成效",
            "全年开展执法检查86家次，督促整改问题132个，办理行政复议案件12件。",
        ),
        (
            f"存在的不足{gap}和原因",
            "一是执法力量薄弱，持证人员仅6名。原因是人员配备不足，培训不够。",
        ),
        (
            f"下一步{gap}重点{gap}工作打算",
            "2026年，我馆将加强执法队伍建设，开展执法人员培训不少于2期。",
        ),
    ]
    text = "\n".join(f"{h}\n{p}" for h, p in body)
    headings = [h[2] for h in _outline_of(text, tmp_path)]
    assert all(h.replace("\u3000", " ") in headings for h, _ in body), headings


def test_labels_opening_paragraphs_are_text_where_they_are_few_or_under_headings(
    tmp_path: Any,
) -> None:
    """Two labels are a paragraph's lead-in (【典型案例】某镇…), not a structure; under 一、
    headings they are items of its sections; a page's fields (发布时间：2026-03-20) hold no
    paragraph."""
    two = "\n".join(line.format(a="【", b="】") for line in _RUN_IN_REPORT[:2])
    assert _outline_of(two + "\n全年办理案件41件。", tmp_path) == []
    numbered = "一、主要工作\n" + "\n".join(line.format(a="", b="：") for line in _RUN_IN_REPORT)
    assert [h[2] for h in _outline_of(numbered, tmp_path)] == ["主要工作"]
    fields = "标题：示例县报告\n发布时间：2026-03-20\n来源：县司法局\n全年办理案件41件。"
    assert _outline_of(fields, tmp_path) == []


@pytest.mark.parametrize(
    "leader",
    [
        "2025年度党政主要负责人履行推进法治建设第一责任人职责情况",  # 31 characters
        "党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",  # the law's
    ],
)
def test_an_unnumbered_report_s_long_heading_in_the_laws_words_is_a_heading(
    tmp_path: Any, leader: str
) -> None:
    """A short report of unnumbered headings, as many as its paragraphs: the lines' median was
    a heading's length, and the leader's heading (the longest, the law's wording, a comma in
    it) was no heading; its section went into the problems'."""
    text = "\n".join(
        [
            "主要举措和成效",
            "全年开展执法检查9600户次，立案查处违法案件586件，罚没款486万元，法制审核率100%。",
            "存在的不足和原因",
            "执法力量与监管任务不相匹配，网络交易违法行为发现难。原因主要在于人员编制未相应增加。",
            leader,
            "局党组书记、局长全年主持召开党组会专题研究法治建设工作4次，亲自参与重大行政处罚案件"
            "集体讨论6次，带头旁听庭审1次。",
            "2026年工作计划",
            "2026年，我局将加强网络交易监管技术手段建设，开展执法人员全员轮训，推进执法规范化建设。",
        ]
    )
    assert [h[2] for h in _outline_of(text, tmp_path)] == [
        "主要举措和成效",
        "存在的不足和原因",
        leader.replace("，", ","),  # the analysis view: full-width stops folded
        "2026年工作计划",
    ]


def test_a_last_unnumbered_heading_over_none_is_a_heading(tmp_path: Path) -> None:
    """Headings set as short lines of their own (a web page's bold paragraphs), the last one
    其他需要报告的情况 over 无。: that section says it has nothing, and is there."""
    text = re.sub(r"(?m)^[一二三四五]、", "", sample_text())
    text = text.replace("本年度无其他需要报告的情况。", "无。")
    r = checked(tmp_path, text)
    other = next(p for p in r["parts"] if p["id"] == "other")
    assert other["status"] == "present" and other["heading"] == "其他需要报告的情况"
    assert {p["id"]: p["status"] for p in r["parts"]}["achievements"] == "present"


_BRACKET_LABELS = """示例县城东街道办事处2025年法治政府建设工作情况报告

【主要举措】
一是完善重大事项集体决策制度，全年提交党工委会议审议事项24项，合法性审查率100%。
二是规范综合行政执法，办理行政处罚案件37件，无一被复议纠错。
【履职情况】
党工委书记全年主持召开党工委会议专题研究法治建设工作3次，带头讲授法治课1次。
【短板不足】
执法人员专业能力不足，基层法治宣传形式单一。
【原因分析】
究其原因，主要是赋权事项增加较快，人员培训没有同步跟上。
【下步打算】
2026年，街道将充实执法力量，开展执法人员轮训2次。
【其他事项】
无。

示例县城东街道办事处
2026年2月10日
"""


def test_headings_in_brackets_on_lines_of_their_own_are_read_by_their_words(
    tmp_path: Any,
) -> None:
    """【原因分析】 read as 原因分析, as a bracketed heading is: a part's cue reading the whole
    heading found it, so the causes section joined the shortcomings and the leader's section
    was its own (both were lost while the brackets were kept in the heading's text)."""
    texts = [h[2] for h in _outline_of(_BRACKET_LABELS, tmp_path)]
    assert {"主要举措", "履职情况", "短板不足", "原因分析", "下步打算"} <= set(texts)
    assert not any(t.startswith("【") for t in texts)
    r = checked(tmp_path, _BRACKET_LABELS)
    parts = {p["id"]: p for p in r["parts"]}
    assert parts["leader_duties"]["status"] == "present"
    assert parts["problems"]["heading"] == "短板不足"
    assert {c["id"]: c["passed"] for c in parts["problems"]["checks"]}["gives_causes"]


@pytest.mark.parametrize("between", ["- 3 -", "\n第3页 共8页\n", "3"])
def test_a_heading_cut_by_a_page_break_keeps_its_part(tmp_path: Path, between: str) -> None:
    # a copy of a PDF keeps the page number where the break cut the heading in two
    text = sample_text()
    heading = next(line for line in text.split("\n") if line.startswith("二、"))
    cut = heading.index("存在") + 1
    paged = text.replace(heading, f"{heading[:cut]}\n{between}\n{heading[cut:]}")
    assert paged != text
    parts = {p["id"]: p["status"] for p in checked(tmp_path, paged)["parts"]}
    assert parts["problems"] == "present"


def test_a_heading_s_rest_past_a_page_break_is_no_cause(tmp_path: Path) -> None:
    # 原因 in the heading's rest is the heading's promise, not a cause given
    lines = sample_text().split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    section = range(k + 1, next(i for i in range(k + 1, len(lines)) if not lines[i].strip()))
    for i in section:
        lines[i] = lines[i].split("。")[0] + "。"  # each problem stated, its cause left out
    cut = lines[k].index("存在") + 1
    lines[k : k + 1] = [lines[k][:cut], "- 3 -", lines[k][cut:]]
    problems = next(
        p for p in checked(tmp_path, "\n".join(lines))["parts"] if p["id"] == "problems"
    )
    assert problems["status"] == "present"
    causes = [c for c in problems["checks"] if "原因" in c["name"]]
    assert causes and not any(c["passed"] for c in causes)


def test_a_paragraph_cut_by_a_page_break_is_read_whole(tmp_path: Path) -> None:
    # the only cause given, 主要原因是…, cut in its word by a page break and its page number
    lines = sample_text().split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    section = range(k + 1, next(i for i in range(k + 1, len(lines)) if not lines[i].strip()))
    first, *rest = section
    for i in rest:
        lines[i] = lines[i].split("。")[0] + "。"  # no cause in the others
    cut = lines[first].index("原因") + 1
    assert cut > 1
    lines[first : first + 1] = [lines[first][:cut], "", "- 3 -", "", lines[first][cut:]]
    result = checked(tmp_path, "\n".join(lines))
    problems = next(p for p in result["parts"] if p["id"] == "problems")
    causes = [c for c in problems["checks"] if "原因" in c["name"]]
    assert causes and all(c["passed"] for c in causes)
    # the lines keep their numbers: the page number's line is blank, the rest joined up
    leader = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    assert [p["line"] for p in result["parts"] if p["id"] == "leader_duties"] == [leader + 1]


def test_a_page_break_joins_no_title_and_no_heading_to_the_text_after_it(tmp_path: Path) -> None:
    # the title, a page number, the addressee; a top heading in the law's words with a comma in
    # it, a page number, its section: each stays on its own line, and 原因 in the heading is no
    # cause given
    lines = sample_text().split("\n")
    title = next(i for i, line in enumerate(lines) if line.strip())
    k = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    section = range(k + 1, next(i for i in range(k + 1, len(lines)) if not lines[i].strip()))
    for i in section:
        lines[i] = lines[i].split("。")[0] + "。"
    lines[k] = "二、法治政府建设中存在的不足，以及产生问题的原因"
    lines[k + 1 : k + 1] = ["- 3 -"]
    lines[title + 1 : title + 1] = ["", "- 1 -", ""]
    result = checked(tmp_path, "\n".join(lines))
    assert result["document"]["title"] == lines[title].strip()
    problems = next(p for p in result["parts"] if p["id"] == "problems")
    causes = [c for c in problems["checks"] if "原因" in c["name"]]
    assert problems["status"] == "present"
    assert causes and not any(c["passed"] for c in causes)


def test_a_line_opening_with_an_ideograph_no_marker_starts_is_ruled_out_at_once() -> None:
    # match_heading returns None at once for a line whose first character is an ideograph no
    # marker opens with: none of the block is a digit, a space or a decoration
    from fzcheck.analysis.outline import _BY_FIRST

    block = map(chr, range(0x4E00, 0x9FFF + 1))
    assert not any(c.isdigit() or c.isspace() for c in block)
    assert match_heading("全年办理行政复议案件12件。") is None
    assert match_heading("    全年办理行政复议案件12件。") is None
    assert match_heading("   ") is None and match_heading("") is None
    assert match_heading("一、主要举措") is not None and "一" in _BY_FIRST
