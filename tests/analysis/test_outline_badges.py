"""A WeChat post's numbered badges (01 / 02 …, PART 01, NO.1) as the sections' top headings,
and the lines opening with digits that are none (2023年…, 01月, table rows, list items)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzcheck.analysis.facts import read_facts
from fzcheck.analysis.outline import build_outline
from fzcheck.reading import load
from fzcheck.rubric import load_rubric
from tests.helpers import checked

_SUBJECT = load_rubric("fazhi-annual").report_genre.title_subject

# A post's sections: a themed heading (no law's wording: only its place, before the problems,
# makes it the year's work), the problems, the leader, the plan; points 1. 2. under some
_SECTIONS = [
    (
        "坚持高位推动，法治建设提质增效",
        [
            "1.健全依法决策机制。全年对15项重大行政决策开展合法性审查，提出法律意见86条。",
            "2.规范行政执法行为。组织执法人员培训3期、参训410人次，评查执法案卷160卷。",
        ],
    ),
    (
        "存在的不足和原因",
        [
            "1.基层执法力量不足。部分街道持证执法人员偏少，主要原因是人员流动较大。",
            "2.普法针对性不强。原因是对群众需求调研不够深入。",
        ],
    ),
    (
        "主要负责人履职情况",
        ["局党组书记、局长认真履行推进法治建设第一责任人职责，全年主持专题研究法治工作4次。"],
    ),
    (
        "2026年工作安排",
        [
            "1.提升依法决策水平。推动合法性审查全覆盖。",
            "2.加强执法队伍建设。开展执法人员全员轮训。",
        ],
    ),
]
_HEADINGS = [heading for heading, _ in _SECTIONS]


def _post(badge: Callable[[int, str], str], title: bool = True) -> str:
    """The post as its copied text reads: each section's heading under (or beside) its badge,
    as ``badge(number, heading)`` sets them."""
    lines = ["示例区司法局2025年度法治政府建设情况报告"] if title else []
    lines += ["示例司法 2026-02-12 09:30", ""]
    lines += ["2025年，区司法局扎实推进法治政府建设。现将有关情况报告如下。", ""]
    for n, (heading, paragraphs) in enumerate(_SECTIONS, 1):
        lines += [badge(n, heading), "", *paragraphs, ""]
    lines += ["示例区司法局", "2026年2月10日"]
    return "\n".join(lines) + "\n"


def _outline(text: str, tmp_path: Path) -> list[tuple[int, str, str]]:
    """(level, marker, text as written) of each heading, the body as the facts find it."""
    path = tmp_path / "post.txt"
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    facts = read_facts(doc, _SUBJECT)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    return [(h.level, h.marker, doc.quote(h.line, h.start, h.end)) for h in outline.headings]


def _statuses(result: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    return {p["id"]: (p["status"], p["heading"]) for p in result["parts"] if p["required"]}


_SHAPES: dict[str, Callable[[int, str], str]] = {
    "alone": lambda n, t: f"{n:02d}\n\n{t}",  # the badge's line, a blank, the heading
    "joined": lambda n, t: f"{n:02d}{t}",  # 01坚持高位推动… 042026年工作安排
    "spaced": lambda n, t: f"{n:02d} {t}",
    "part_alone": lambda n, t: f"PART {n:02d}\n{t}",
    "part_dot_joined": lambda n, t: f"Part.{n:02d} {t}",
    "no_alone": lambda n, t: f"NO.{n}\n{t}",
    "slash_alone": lambda n, t: f"{n:02d} /\n{t}",
    "slash_joined": lambda n, t: f"{n:02d} / {t}",
    "full_width": lambda n, t: f"０{n}\n{t}",  # as a page's text may give the digits
    "bar_joined": lambda n, t: f"{n:02d} | {t}",
    "marked_heading": lambda n, t: f"{n:02d}\n▍{t}",  # an editor's mark before the words
}


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_a_run_of_badges_heads_the_posts_sections(tmp_path: Path, shape: str) -> None:
    """Each badge heads its section at the top, the points 1. 2. under it; the year's work
    (a theme, its place before the problems) and the plan are present, their headings
    without the badge's number."""
    outline = _outline(_post(_SHAPES[shape]), tmp_path)
    assert [(level, text) for level, _, text in outline if level == 1] == [
        (1, heading) for heading in _HEADINGS
    ]
    assert {level for level, marker, _ in outline if marker in ("1.", "2.")} == {2}
    statuses = _statuses(checked(tmp_path, _post(_SHAPES[shape])))
    assert statuses == {
        "achievements": ("present", _HEADINGS[0]),
        "problems": ("present", _HEADINGS[1]),
        "leader_duties": ("present", _HEADINGS[2]),
        "next_year_plan": ("present", _HEADINGS[3]),
    }


def test_the_badges_marker_is_as_written(tmp_path: Path) -> None:
    assert [
        m for level, m, _ in _outline(_post(_SHAPES["part_alone"]), tmp_path) if level == 1
    ] == [
        "PART 01",
        "PART 02",
        "PART 03",
        "PART 04",
    ]
    assert [
        m for level, m, _ in _outline(_post(_SHAPES["slash_alone"]), tmp_path) if level == 1
    ] == [
        "01",
        "02",
        "03",
        "04",
    ]


def test_a_post_with_no_title_opens_its_body_at_its_first_badge(tmp_path: Path) -> None:
    """A short post with no title above its badges: the plan's heading, joined to its badge
    (042026年…工作安排), is no title's line (it was taken for one, and the post read as no
    report at all)."""
    text = (
        "2025年，区司法局扎实推进法治政府建设。现将有关情况报告如下。\n"
        "01坚持高位推动，法治建设提质增效\n全年对15项重大行政决策开展合法性审查。\n"
        "02存在的不足和原因\n部分街道持证执法人员偏少，主要原因是人员流动较大。\n"
        "03主要负责人履职情况\n局党组书记、局长认真履行推进法治建设第一责任人职责。\n"
        "042026年法治政府建设工作安排\n推动合法性审查全覆盖，开展执法人员全员轮训。\n"
    )
    result = checked(tmp_path, text)
    assert result["document"]["title"] is None
    assert result["document"]["report_year"] == 2025
    assert result["verdict"] == "complete"


# --- what is no badge ---------------------------------------------------------------------

_REPORT = """示例县司法局2025年度法治政府建设情况报告
一、主要举措和成效
2023年以来，我局持续推进法治政府建设，全年审查重大行政决策15项。
01月 召开法治政府建设工作会议
02月 开展行政执法案卷评查
01 | 示例街道 | 35 | 12
02 | 示例镇 | 20 | 8
0591-87654321
1100 2200
1.健全依法决策机制。全年审查重大行政决策15项。
2.规范行政执法行为。评查执法案卷160卷。
二、存在的不足和原因
01 街道执法力量不足
部分街道持证执法人员偏少，主要原因是人员流动较大。
三、党政主要负责人履行推进法治建设第一责任人职责情况
局长认真履行第一责任人职责，主持专题研究法治工作4次。
四、2026年工作安排
推动合法性审查全覆盖。
"""


def test_lines_opening_with_digits_are_no_badges(tmp_path: Path) -> None:
    """2023年…, months (01月), a table's rows, a telephone number, figures, the points 1. 2. —
    and a lone 01 beside a short line (01 街道执法力量不足): the outline is the report's own."""
    assert _outline(_REPORT, tmp_path) == [
        (1, "一、", "主要举措和成效"),
        (2, "1.", "健全依法决策机制"),
        (2, "2.", "规范行政执法行为"),
        (1, "二、", "存在的不足和原因"),
        (1, "三、", "党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "四、", "2026年工作安排"),
    ]


def test_a_lone_badge_heads_nothing(tmp_path: Path) -> None:
    """01 with no 02 after it: one number is no run of sections."""
    text = (
        "示例区司法局2025年度法治政府建设情况报告\n现将有关情况报告如下。\n"
        "01\n年度工作成效\n全年对15项重大行政决策开展合法性审查。\n"
        "存在的不足和原因\n部分街道持证执法人员偏少。\n"
    )
    assert all(marker != "01" for _, marker, _ in _outline(text, tmp_path))


def test_badges_out_of_order_head_nothing(tmp_path: Path) -> None:
    text = _post(lambda n, t: f"{[3, 1, 4, 2][n - 1]:02d}\n{t}")
    assert all(not marker.startswith("0") for _, marker, _ in _outline(text, tmp_path))


def test_a_contents_list_of_badges_is_no_section(tmp_path: Path) -> None:
    """The post's contents (01 年度工作成效 / 02 … one a line, nothing told between them) above
    its badged sections: only the sections are headings."""
    contents = "\n".join(f"{n:02d} {t}" for n, t in enumerate(_HEADINGS, 1))
    text = _post(_SHAPES["alone"]).replace(
        "示例司法 2026-02-12 09:30", "示例司法 2026-02-12 09:30\n" + contents
    )
    outline = _outline(text, tmp_path)
    assert [text for level, _, text in outline if level == 1] == _HEADINGS
    assert len([h for h in outline if h[1].startswith("0")]) == 4


def test_a_page_number_over_a_running_header_is_no_badge(tmp_path: Path) -> None:
    """01 / 02 over the same line each time: a page's number and its running header."""
    text = (
        "示例区司法局2025年度法治政府建设情况报告\n现将有关情况报告如下。\n"
        "01\n示例区司法局法治政府建设报告\n全年对15项重大行政决策开展合法性审查。\n"
        "02\n示例区司法局法治政府建设报告\n部分街道持证执法人员偏少，主要原因是人员流动较大。\n"
    )
    assert _outline(text, tmp_path) == []


def test_badges_inside_a_section_are_its_points(tmp_path: Path) -> None:
    """A report's 一、 sections, and in the first a list of cases badged 01 02 over their
    paragraphs: the cases rank under 一、, the report's sections stay its own."""
    text = _REPORT.replace("01 街道执法力量不足\n", "").replace(
        "1.健全依法决策机制。",
        "01 某街道化解矛盾纠纷\n该街道建立调解工作室，全年化解纠纷120件。\n"
        "02 某镇推进执法规范化\n该镇组织执法人员培训3期。\n1.健全依法决策机制。",
    )
    outline = _outline(text, tmp_path)
    assert [(level, text) for level, _, text in outline if level == 1] == [
        (1, "主要举措和成效"),
        (1, "存在的不足和原因"),
        (1, "党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "2026年工作安排"),
    ]
    assert (2, "01", "某街道化解矛盾纠纷") in outline


def test_badges_over_numbered_sections_rank_above_them(tmp_path: Path) -> None:
    """01 2025年工作情况 over 一、主要举措和成效 二、… and 02 2026年工作安排 over its own 一、
    二、: the badges are the top, each 一、 run under its badge (as 第一部分 over 一、)."""
    text = (
        "示例县司法局2025年度法治政府建设情况报告\n"
        "01\n2025年工作情况\n"
        "一、主要举措和成效\n全年审查重大行政决策15项，评查执法案卷160卷。\n"
        "二、存在的不足和原因\n部分街道持证执法人员偏少，主要原因是人员流动较大。\n"
        "02\n2026年工作安排\n"
        "一、提升依法决策水平\n推动合法性审查全覆盖。\n"
        "二、加强执法队伍建设\n开展执法人员全员轮训。\n"
    )
    assert _outline(text, tmp_path) == [
        (1, "01", "2025年工作情况"),
        (2, "一、", "主要举措和成效"),
        (2, "二、", "存在的不足和原因"),
        (1, "02", "2026年工作安排"),
        (2, "一、", "提升依法决策水平"),
        (2, "二、", "加强执法队伍建设"),
    ]
