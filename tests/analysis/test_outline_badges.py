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


# --- badges and the report's own numbering, where each leaves the other -------------------


@pytest.mark.parametrize(
    "numbers", [["（一）", "（二）", "（三）", "（四）"], ["1.", "2.", "3.", "4."]]
)
def test_badges_inside_a_numbered_section_are_its_points(
    tmp_path: Path, numbers: list[str]
) -> None:
    """A report numbered （一）–（四） (or 1.–4.), a list of cases badged 01 02 03 in its first
    section: the cases are its points, the rest the report's sections (they had sat under the
    last case)."""
    one, two, three, four = numbers
    text = (
        "示例区城市管理局2025年法治政府建设年度报告\n"
        "现将本局2025年度法治政府建设情况报告如下。\n"
        f"{one}主要举措和成效\n"
        "全年办理城市管理行政处罚案件212件。选取的典型案例有：\n"
        "01 某餐饮店占道经营案\n执法队员多次劝导无效后依法立案，处罚款2000元。\n"
        "02 某工地夜间违规施工案\n经调查核实后依法责令停止施工，并处罚款1万元。\n"
        "03 某公司擅自设置户外广告案\n依法责令限期拆除，当事人已自行整改。\n"
        "全年还开展执法培训4期。\n"
        f"{two}存在的不足和原因\n部分中队执法人员不足，主要原因是编制偏紧。\n"
        f"{three}主要负责人履职情况\n局长认真履行第一责任人职责，主持专题会议4次。\n"
        f"{four}2026年工作安排\n推进执法规范化建设，深化柔性执法。\n"
    )
    outline = _outline(text, tmp_path)
    assert [(level, text) for level, _, text in outline] == [
        (1, "主要举措和成效"),
        (2, "某餐饮店占道经营案"),
        (2, "某工地夜间违规施工案"),
        (2, "某公司擅自设置户外广告案"),
        (1, "存在的不足和原因"),
        (1, "主要负责人履职情况"),
        (1, "2026年工作安排"),
    ]


_LONG_LEAD = (
    "全年开展水事执法巡查380次，查处水事违法案件21件，办理取水许可审批事项64件，"
    "重大执法决定法制审核率100%，行政执法案卷评查优良率96%，全年未发生行政复议纠错案件，"
    "水行政执法与检察公益诉讼协作机制运行顺畅，联合开展河湖专项整治行动3次。主要做法有："
)


@pytest.mark.parametrize(
    "lead", ["全年开展水事执法巡查380次，查处水事违法案件21件。主要做法有：", _LONG_LEAD]
)
def test_badges_under_an_unnumbered_heading_are_its_points(tmp_path: Path, lead: str) -> None:
    """Headings with no number (a web page's), the first section's practices badged 01 02 03
    after a paragraph (short, or long: no section's opening over its points): the practices
    are its points; the headings, looked for, head the report's parts."""
    text = (
        "示例县水务局2025年法治政府建设工作报告\n\n"
        "2025年，县水务局扎实推进法治部门建设。现将有关情况报告如下：\n"
        "主要举措和成效\n"
        f"{lead}\n"
        "01 “河湖管家”进村入户\n在全县行政村设立河湖管护员96名，巡查发现问题142个。\n"
        "02 “说理执法”进现场\n制作说理式执法文书模板8类，执法投诉同比下降20%。\n"
        "03 “以案释法”进企业\n走访取用水企业41家，讲解典型案例15个。\n"
        "存在的不足和原因\n"
        "执法队伍专业人员偏少，主要原因是近年来新进人员不多。\n"
        "党政主要负责人履行推进法治建设第一责任人职责情况\n"
        "局长切实履行第一责任人职责，主持召开专题会议3次，带头出庭应诉1次。\n"
        "2026年工作安排\n"
        "2026年，我局将加强执法队伍建设，完善河湖执法联动机制。\n"
    )
    outline = _outline(text, tmp_path)
    assert [text for level, _, text in outline if level == 1] == [
        "主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "2026年工作安排",
    ]
    assert [level for level, marker, _ in outline if marker.startswith("0")] == [2, 2, 2]


def test_a_skipped_badge_number_goes_on_with_the_run(tmp_path: Path) -> None:
    """01 02 03 05 (an editor's slip for 04): the plan's section is the run's last; numbers
    shuffled (01 02 04 03, 02 01 03 04) still number nothing."""
    skipped = _post(lambda n, t: f"{[1, 2, 3, 5][n - 1]:02d}\n\n{t}")
    assert [text for level, _, text in _outline(skipped, tmp_path) if level == 1] == _HEADINGS
    assert _statuses(checked(tmp_path, skipped))["next_year_plan"] == ("present", _HEADINGS[3])
    for order in ([1, 2, 4, 3], [2, 1, 3, 4]):
        shuffled = _post(lambda n, t, order=order: f"{order[n - 1]:02d}\n\n{t}")
        assert all(not m.startswith("0") for _, m, _ in _outline(shuffled, tmp_path)), order


def test_a_badged_section_told_as_a_list_is_a_section(tmp_path: Path) -> None:
    """The leader's section a list with no full stop, the plan's a list the signature ends:
    both are sections (no sentence told is no contents list: lines stand between badges)."""
    text = (
        "示例街道2025年度法治政府建设情况报告\n示例街道 2026-02-11 19:30\n\n"
        "现将示例街道2025年度法治政府建设情况报告如下。\n\n"
        "01\n年度工作成效\n全年办理行政处罚案件96件，调处矛盾纠纷410件。\n\n"
        "02\n存在的不足和原因\n执法人员对新划转事项不熟悉，主要原因是培训不够系统。\n\n"
        "03\n主要负责人履职情况\n街道党工委书记履行第一责任人职责：\n"
        "主持专题研究法治建设工作3次\n带头接访群众40批次\n\n"
        "04\n2026年工作安排\n加强执法队伍培训\n健全社区法律顾问考核机制\n\n"
        "示例街道办事处\n2026年2月9日\n"
    )
    assert [t for level, _, t in _outline(text, tmp_path) if level == 1] == [
        "年度工作成效",
        "存在的不足和原因",
        "主要负责人履职情况",
        "2026年工作安排",
    ]


def test_a_run_of_badges_inside_a_badged_section_is_its_points(tmp_path: Path) -> None:
    """Sections badged 01–04, and in the first its practices badged 01 02 03 (joined, or alone
    as the sections' are): the practices are points of section 01, the sections go on after
    them (02 after the practices' 03)."""
    practices = [("“护农”专项行动", "检查农资门店210家次。"), ("“亮剑”执法行动", "查处案件15件。")]
    practices.append(("“法律明白人”培训", "培训村民900名。"))
    for joined in (True, False):
        inner = [
            f"{n:02d} {t}\n{p}" if joined else f"{n:02d}\n\n{t}\n{p}"
            for n, (t, p) in enumerate(practices, 1)
        ]
        text = _post(lambda n, t: f"{n:02d}\n\n{t}").replace(
            _SECTIONS[0][1][0], "全年立案查处案件68件。典型做法有：\n" + "\n".join(inner)
        )
        outline = _outline(text, tmp_path)
        assert [t for level, _, t in outline if level == 1] == _HEADINGS, joined
        assert [(level, t) for level, m, t in outline if t in dict(practices)] == [
            (2, t) for t, _ in practices
        ]


def test_highlights_badged_before_the_report_are_no_sections(tmp_path: Path) -> None:
    """A 【年度亮点】 block of badges 01 02 03, a sentence each, before a report numbered 一、–四、:
    the highlights are no sections (the year's work had been highlight 01's, 一、–四、 under
    highlight 03)."""
    text = _REPORT.replace("01 街道执法力量不足\n", "").replace(
        "一、主要举措和成效\n",
        "【年度亮点】\n01 行政复议案件纠错率下降\n全县行政复议纠错率同比下降3个百分点。\n"
        "02 示范创建成效明显\n示例镇被命名为全省法治政府建设示范乡镇。\n"
        "03 普法评估位列全市第一\n全县普法工作经验在全市推广。\n"
        "2025年，县司法局认真落实法治政府建设部署，现将有关情况报告如下。\n"
        "一、主要举措和成效\n",
    )
    outline = _outline(text, tmp_path)
    assert [(level, t) for level, _, t in outline if level == 1] == [
        (1, "主要举措和成效"),
        (1, "存在的不足和原因"),
        (1, "党政主要负责人履行推进法治建设第一责任人职责情况"),
        (1, "2026年工作安排"),
    ]


def test_badged_sections_over_a_plan_numbered_alone_stay_sections(tmp_path: Path) -> None:
    """Badged sections, the plan's items alone numbered 一、 二、: the badges are the sections
    (the 一、 items fall in the last badge's section, as highlights' report would, but the
    text is the badges')."""
    text = _post(lambda n, t: f"{n:02d}\n\n{t}").replace(
        "1.提升依法决策水平。推动合法性审查全覆盖。\n2.加强执法队伍建设。开展执法人员全员轮训。",
        "一、提升依法决策水平\n推动合法性审查全覆盖。\n二、加强执法队伍建设\n开展全员轮训。",
    )
    outline = _outline(text, tmp_path)
    assert [t for level, _, t in outline if level == 1] == _HEADINGS
    assert [(level, t) for level, m, t in outline if m in ("一、", "二、")] == [
        (2, "提升依法决策水平"),
        (2, "加强执法队伍建设"),
    ]


def test_page_numbers_across_a_reports_numbering_are_no_badges(tmp_path: Path) -> None:
    """A PDF's page numbers 01 02 03 at page feet, the report's 一、 numbering running on across
    them (the first in its opening): no headings, the text after each no heading's."""
    text = (
        "示例县水利局2025年度法治政府建设情况报告\n"
        "2025年，县水利局推进依法治水管水，全年审查重大行政决策\n\n01\n\n"
        "事项15项，评查执法案卷160卷，组织执法\n人员培训3期。现将有关情况报告如下。\n"
        "一、主要举措和成效\n全年开展河道巡查1420人次，立案查处\n\n02\n\n"
        "水事违法案件26件，结案率100%，执法\n案卷评查优良率96%。\n"
        "二、存在的不足和原因\n部分执法人员专业素质不高，主要原因是\n\n03\n\n"
        "培训不够系统，学法用法制度落实还\n不够到位。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n局长带头出庭应诉1次。\n"
        "四、2026年工作安排\n推动合法性审查全覆盖。\n"
    )
    assert [m for _, m, _ in _outline(text, tmp_path)] == ["一、", "二、", "三、", "四、"]


def test_a_lead_list_before_badged_sections_leaves_them_sections(tmp_path: Path) -> None:
    """The opening's list of highlights (1. 2.) before sections badged 01–04: the badges, which
    carry the text, are the sections — not points of the list's last item."""
    text = _post(lambda n, t: f"{n:02d}\n\n{t}").replace(
        "现将有关情况报告如下。",
        "主要亮点有：\n1.合法性审查实现全覆盖\n2.行政复议纠错率下降\n现将有关情况报告如下。",
    )
    assert [t for level, _, t in _outline(text, tmp_path) if level == 1] == _HEADINGS
