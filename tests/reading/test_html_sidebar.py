"""A portal's sidebar beside the article — boxes of other pages' headlines under 热点关注,
信息公开目录 — is no text of the report: kept, a headline of the county head at a meeting on
法治政府建设 was read as this unit's leader at work, and the genre check counted a news title."""

from __future__ import annotations

from pathlib import Path

import pytest

from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.rubric import Catalog
from tests.helpers import SAMPLE

_HEADLINE = "县长主持召开县政府常务会议专题研究法治政府建设工作"
_SIDEBAR = (
    '<div class="box"><div class="bt">信息公开目录</div>'
    "<ul><li>机构职能</li><li>政策文件</li><li>法治政府建设</li></ul></div>"
    '<div class="box"><div class="bt">热点关注</div>'
    f"<ul><li>{_HEADLINE}</li><li>县委书记带头旁听行政诉讼案件庭审</li>"
    "<li>我县召开2026年法治政府建设工作推进会</li></ul></div>"
)


def _article() -> str:
    """The sample report without its leader's section."""
    lines, skipping = [], False
    for line in SAMPLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("三、"):
            skipping = True
        elif line.startswith("四、"):
            skipping = False
        if line.strip() and not skipping:
            lines.append(line.strip())
    title, body = lines[0], lines[1:]
    return (
        f'<div class="tit">{title}</div><div class="zw">'
        + "".join(f"<p>{line}</p>" for line in body)
        + "</div>"
    )


@pytest.mark.parametrize("layout", ["div", "table"])
def test_a_sidebar_of_headlines_is_no_part_of_the_report(tmp_path: Path, layout: str) -> None:
    if layout == "div":
        body = f'<div class="left-side">{_SIDEBAR}</div><div class="right-main">{_article()}</div>'
    else:
        body = (
            '<table width="1000"><tr><td><img src="/images/banner.jpg" alt="示例县人民政府"></td>'
            f'</tr></table><table width="1000"><tr><td width="260">{_SIDEBAR}</td>'
            f"<td>{_article()}</td></tr></table>"
        )
    page = tmp_path / "page.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    lines = load(str(page)).lines
    assert not any(_HEADLINE in line or "热点关注" in line for line in lines)
    assert lines[0].endswith("法治政府建设情况的报告")  # the article's title, no banner mark
    result = check_path(str(page), Catalog.load()).to_json()
    leader = next(p for p in result["parts"] if p["id"] == "leader_duties")
    assert leader["status"] == "missing"


@pytest.mark.parametrize("column", ["通知公告", "工作动态", "政务要闻"])
def test_a_columns_name_over_the_article_leaves_the_article(tmp_path: Path, column: str) -> None:
    """A portal sets the column's name over the article it shows (通知公告, then the report):
    only a list of links under such a name is a sidebar's box; the article stays."""
    body = (
        f'<div class="nav">首页</div><div class="main"><div class="lm"><span>{column}</span>'
        f'</div><div class="article">{_article()}</div></div>'
    )
    title = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>{title}</title></head><body>{body}</body></html>", encoding="utf-8"
    )
    lines = load(str(page)).lines
    assert len(lines) > 15
    result = check_path(str(page), Catalog.load()).to_json()
    assert result["document"]["title"].endswith("法治政府建设情况的报告")
    assert result["verdict"] == "incomplete"  # the article whole: all but the leader's section


_SHORT = [
    "示例县司法局2025年度法治政府建设情况报告",
    "一、主要举措和成效",
    "（一）审核规范性文件12件、重大行政决策4项。",
    "（二）办理行政复议案件96件，纠错11件。",
    "二、存在的不足和原因",
    "执法监督覆盖面不够广。原因是执法监督人员不足。",
    "三、党政主要负责人履行推进法治建设第一责任人职责情况",
    "局长主持召开党组会议研究法治建设4次，带头出庭应诉1次。",
    "四、2026年工作安排",
    "2026年，我局将推进行政执法监督全覆盖。",
    "示例县司法局",
    "2026年2月10日",
]


def test_a_short_article_in_one_cell_of_a_layout_table_keeps_its_lines(tmp_path: Path) -> None:
    """An old portal's page: banner, breadcrumb, the article in one cell of the layout table, a
    <p> a paragraph, under the length that marks a cell as the page's (helper-186's n06): its
    paragraphs ran into one line, its headings no headings (17.5 of 100, no signing date)."""
    cell = "".join(f"<p>{line}</p>" for line in _SHORT[1:])
    assert len("".join(_SHORT[1:])) < 300
    page = tmp_path / "page.html"
    page.write_text(
        '<html><body><table width="1000"><tr><td><img src="banner.jpg"></td></tr>'
        "<tr><td>您现在的位置：首页 &gt;&gt; 政务公开</td></tr>"
        f'<tr><td align="center"><b>{_SHORT[0]}</b></td></tr>'
        "<tr><td>发布日期：2026年02月12日　信息来源：示例县司法局　点击数：386</td></tr>"
        f'<tr><td class="content">{cell}</td></tr>'
        "<tr><td>版权所有：示例县人民政府　备案号：ICP备12345678号</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert "二、存在的不足和原因" in load(str(page)).lines
    result = check_path(str(page), Catalog.load()).to_json()
    assert all(p["status"] == "present" for p in result["parts"] if p["id"] != "other")
    assert result["document"]["signed_on"] == "2026-02-10"
