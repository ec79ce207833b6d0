"""A web page's headings, however a portal marks them, beside a long table: each is a line of
its own, and a section's heading is never taken for the page's title.

trafilatura keeps a heading only inside an article container it knows; on a page with none it
recovers the page's paragraphs, tables and divs and no heading, which came back only when
readability's reading was the longer one — a GIP report's table 三 (28 rows) made it the
shorter, and every <h2> heading was lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.html import _page_title, read_html
from fzcheck.rubric import Catalog
from tests.gip import reports as gip

UNIT = "示例县林业局"
TITLE = f"{UNIT}2024年政府信息公开工作年度报告"
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]
_GIP_PARTS = {"overview", "proactive", "requests", "appeals", "improvements", "other"}
# how portals mark a section's heading
STYLES = {
    **{f"h{n}": f"<h{n}>{{}}</h{n}>" for n in range(1, 7)},
    "h2 with attributes": '<H2 class="sub-title" style="text-indent:2em"><span>{}</span></H2>',
    "p strong": '<p style="text-indent:2em"><strong>{}</strong></p>',
    "p b": "<p><b>{}</b></p>",
    "div class": '<div class="ej-title">{}</div>',
    "p class": '<p class="heading2">{}</p>',
}


def _table_three(rows: int) -> str:
    """Table 三 with its three header rows and the first ``rows`` of its 25 data rows."""
    values = gip.values()
    head = (
        "<tr><td colspan='3' rowspan='3'>（本列数据的勾稽关系为：第一项加第二项之和，"
        "等于第三项加第四项之和）</td><td colspan='7'>申请人情况</td></tr>"
        "<tr><td rowspan='2'>自然人</td><td colspan='5'>法人或其他组织</td>"
        "<td rowspan='2'>总计</td></tr>"
        "<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td>"
        "<td>其他</td></tr>"
    )
    body = "".join(
        f"<tr><td colspan='3'>{label}</td>"
        + "".join(f"<td>{v}</td>" for v in values[row])
        + "</tr>"
        for row, label, _ in gip.ROWS_2021[:rows]
    )
    return f"<table border='1'>{head}{body}</table>"


def _page(
    style: str = "h2",
    rows: int = len(gip.ROWS_2021),
    wrap: str = "{}",
    title_line: bool = True,
    red_header: bool = False,
) -> str:
    """Our GIP report as a web page: its sections' headings marked in ``style``, table 三 with
    ``rows`` data rows, the article put in ``wrap``; the title a centred bold line (or only in
    <title>), under the issuer's name in red when ``red_header``."""
    h = [STYLES[style].format(text) for text in HEADINGS]
    top = f'<p align="center"><font color="red" size="6"><b>{UNIT}</b></font></p>\n' * red_header
    if title_line:
        top += f'<p align="center"><strong>{TITLE}</strong></p>\n'
    appeals = "".join(f"<td>{v}</td>" for v in gip.appeals())
    article = f"""{top}<p>本报告依照《中华人民共和国政府信息公开条例》编写，统计期限为2024年1月1日至12月31日。</p>
{h[0]}
<p>2024年，我局把政务公开作为依法行政的基础工作，全年主动公开林业政策和行政执法信息183条。</p>
{h[1]}
<table border="1"><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>1</td><td>0</td><td>4</td></tr></table>
{h[2]}
{_table_three(rows)}
{h[3]}
<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr>{appeals}</tr></table>
{h[4]}
<p>一是基层站所的公开意识仍需增强；二是政策解读的图解形式较少。下一步，我局将开展专题培训，增加图解解读。</p>
{h[5]}
<p>本年度未收取信息处理费。</p>
<p>&nbsp;</p>
<p align="right">{UNIT}</p>
<p align="right">2025年1月24日</p>"""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{TITLE}_示例县人民政府</title></head><body>
{wrap.format(article)}
</body></html>"""


def _lines(page: str) -> list[str]:
    return read_html(page.encode("utf-8")).text.splitlines()


def _check(tmp_path: Path, page: str) -> dict[str, Any]:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return check_path(str(path), Catalog.load()).to_json()


def _in_order(headings: list[str], lines: list[str]) -> bool:
    at = [lines.index(h) for h in headings if h in lines]
    return len(at) == len(headings) and at == sorted(at)


# the report's paragraphs right in <body>, in a div trafilatura does not know as an article's
# (the path that lost the headings), and in an <article>
WRAPS = {"body": "{}", "div": '<div class="zoom">{}</div>', "article": "<article>{}</article>"}


@pytest.mark.parametrize("wrap", list(WRAPS))
@pytest.mark.parametrize("rows", [2, len(gip.ROWS_2021)], ids=["short table", "table of 28 rows"])
@pytest.mark.parametrize("style", list(STYLES))
def test_each_heading_is_a_line_of_its_own_whatever_the_table(
    style: str, rows: int, wrap: str
) -> None:
    lines = _lines(_page(style, rows, WRAPS[wrap]))
    assert _in_order(HEADINGS, lines), [line for line in lines if not line.startswith("|")]
    assert lines[0] == TITLE
    assert lines.count(TITLE) == 1


@pytest.mark.parametrize("style", ["h1", "h2", "h3", "h5", "p strong", "div class"])
def test_the_report_beside_its_long_table_is_complete(tmp_path: Path, style: str) -> None:
    r = _check(tmp_path, _page(style))
    parts = {p["id"]: p["status"] for p in r["parts"]}
    assert {k for k, v in parts.items() if v == "present"} == _GIP_PARTS, parts
    document = r["document"]
    assert document["title"] == TITLE
    assert r["verdict"] == "complete"


@pytest.mark.parametrize("style", ["h1", "h2", "h3"])
def test_a_section_heading_is_not_the_page_title(tmp_path: Path, style: str) -> None:
    """The article's title only in <title>, its first <h1>/<h2> 一、总体情况: the title is
    <title>'s (the site's name cut off), not the section's heading."""
    page = _page(style, title_line=False)
    assert _page_title(page) == TITLE
    lines = _lines(page)
    assert lines[0] == TITLE
    assert _in_order(HEADINGS, lines)
    document = _check(tmp_path, page)["document"]
    assert document["title"] == TITLE


@pytest.mark.parametrize(
    "heading",
    [
        "一、总体情况",
        "（一）主动公开情况",
        "1.主动公开情况",
        "第一部分 总体情况",
        "二．主动公开情况",
    ],
    ids=["cn-comma", "cn-paren", "arabic-dot", "part", "full-width-dot"],
)
def test_a_numbered_heading_in_h1_or_h2_is_no_title_candidate(heading: str) -> None:
    page = f"<html><head><title>{TITLE}</title></head><body><h1>{heading}</h1><h2>{heading}</h2>"
    assert _page_title(page + "</body></html>") == TITLE
    titled = page.replace("<body>", f"<body><h1>{TITLE}</h1>")
    assert _page_title(titled + "</body></html>") == TITLE


def test_a_signature_repeating_the_red_header_is_read(tmp_path: Path) -> None:
    """The issuer's name atop a 红头 page and under the report as its signature are the same
    text: trafilatura kept one, and the signature went."""
    page = _page("p strong", red_header=True)
    lines = _lines(page)
    assert lines[0] == UNIT and lines[1] == TITLE
    assert lines[-2:] == [UNIT, "2025年1月24日"]
    assert not any("\u2060" in line or "\u200b" in line for line in lines)
    document = _check(tmp_path, page)["document"]
    assert document["issuer"] == UNIT
    assert document["signed_on"] == "2025-01-24"


def test_the_article_twice_in_the_page_is_read_once() -> None:
    """A copy of the article for printing, hidden: its paragraphs repeat with their
    neighbours, and are read once, as before."""
    page = _page("h2")
    article = page.split("<body>", 1)[1].split("</body>", 1)[0]
    twice = page.replace(
        "</body>", f'<div class="print" style="display:none">{article}</div></body>'
    )
    lines = _lines(twice)
    assert _in_order(HEADINGS, lines)
    for line in (*HEADINGS, TITLE, UNIT, "2025年1月24日"):
        assert lines.count(line) == 1, line


def test_a_saved_page_reads_its_headings(tmp_path: Path) -> None:
    """load() on a saved page: the headings and the title as for the text."""
    path = tmp_path / "report.htm"
    path.write_text(_page("h3", wrap=WRAPS["div"]), encoding="utf-8")
    doc = load(str(path))
    assert doc.lines[0] == TITLE
    assert _in_order(HEADINGS, doc.lines)


def test_a_sentence_repeated_under_two_headings_is_read_twice() -> None:
    """本年度无此项情况。 under two sections: each section keeps it."""
    same = "本年度无此项情况。"
    page = _page("p strong")
    for said in ("本年度未收取信息处理费。", "一是基层站所的公开意识仍需增强；"):
        start = page.index(said)
        page = page[:start] + same + page[page.index("</p>", start) :]
    lines = _lines(page)
    assert lines.count(same) == 2
    assert lines.index(same) == lines.index(HEADINGS[4]) + 1
    assert lines[lines.index(HEADINGS[5]) + 1] == same


SITE = "示例县人民政府"
# how portals set their own name atop the page, outside the article
BANNERS = {
    "div.header": f'<div class="header"><h1>{SITE}</h1>'
    '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li></ul></div>',
    "header": f"<header><h1>{SITE}</h1><nav><h2>政务公开</h2></nav></header>",
    "id head, logo": f'<div id="gov_head"><div class="logo"><h1><a href="/">{SITE}</a></h1></div></div>',
}


def _portal_page(banner: str, title: str = TITLE, signed: bool = True) -> str:
    """Our GIP report in a portal's page: the site's name in its banner's <h1>, the article's
    title in an <h2> above the article (div.zoom), a footer heading under it."""
    page = _page("h3", wrap='<div class="zoom">{}</div>', title_line=False)
    if not signed:
        page = page.replace(f'<p align="right">{UNIT}</p>', "").replace(
            '<p align="right">2025年1月24日</p>', ""
        )
    top = (
        f"{BANNERS[banner]}\n<div class='crumb'>当前位置：首页 &gt; 政务公开</div>\n"
        f"<div class='title'><h2>{title}</h2></div>\n"
        "<div class='info'>发布时间：2025-01-25 来源：示例县林业局</div>\n"
    )
    foot = f'<div class="footer"><h4>主办单位：{SITE}办公室</h4></div>'
    return page.replace("<body>\n", f"<body>\n{top}").replace("</body>", f"{foot}</body>")


@pytest.mark.parametrize("banner", list(BANNERS))
def test_the_site_name_in_the_banner_is_not_the_titles_start(tmp_path: Path, banner: str) -> None:
    """<h1>示例县人民政府</h1> in the site's banner: read as a paragraph it came back above the
    article's <h2> title, and the title and issuer began with it (示例县人民政府示例县林业局…)."""
    page = _portal_page(banner)
    lines = _lines(page)
    assert SITE not in lines
    assert lines[0] == TITLE
    assert _in_order(HEADINGS, lines)
    r = _check(tmp_path, page)
    assert r["document"]["title"] == TITLE
    assert r["document"]["issuer"] == UNIT
    parts = {p["id"]: p["status"] for p in r["parts"]}
    assert {k for k, v in parts.items() if v == "present"} == _GIP_PARTS, parts


def test_a_title_without_its_unit_under_the_site_name_stays_as_it_is(tmp_path: Path) -> None:
    """The title naming no unit (2024年政府信息公开工作年度报告), the page no signature: the
    site's name is not taken for the issuer either."""
    title = TITLE.removeprefix(UNIT)
    page = _portal_page("div.header", title=title, signed=False)
    assert _lines(page)[0] == title
    document = _check(tmp_path, page)["document"]
    assert document["title"] == title
    assert document["issuer"] is None


def test_the_articles_own_header_keeps_its_headings() -> None:
    """<article><header>: the article's, not the site's; its headings are read."""
    page = _page("h2", wrap=f"<article><header><h1>{UNIT}</h1></header>{{}}</article>")
    lines = _lines(page)
    assert lines[:2] == [UNIT, TITLE]
    assert _in_order(HEADINGS, lines)


@pytest.mark.parametrize(
    "wrap", ['<div id="top">{}</div>', '<div class="top-wrap"><div class="zoom">{}</div></div>']
)
def test_a_wrapper_named_top_is_not_a_banner(wrap: str) -> None:
    """<div id="top"> around the whole page (a back-to-top anchor) holds the article: its
    headings (no report's word in them) are read, beside a long table too."""
    headings = ["一、主要举措和成效", "二、存在的不足和原因", "三、下一步工作安排"]
    article = "".join(
        f"<h2>{h}</h2><p>全年办理行政许可案件120件，开展执法培训8次，审查规范性文件15件。</p>"
        for h in headings
    )
    article += _table_three(len(gip.ROWS_2021))  # the long table: trafilatura's own reading
    page = f"<html><head><title>{TITLE}</title></head><body>{wrap.format(article)}</body></html>"
    assert _in_order(headings, _lines(page))


def test_a_sections_own_header_keeps_its_numbered_heading() -> None:
    """<section><header><h2>二、存在的不足和原因</h2></header>…: an HTML5 page's section
    header, not the site's banner — a numbered heading is never the site's."""
    headings = ["一、主要举措和成效", "二、存在的不足和原因", "三、下一步工作安排"]
    article = "".join(
        f"<section><header><h2>{h}</h2></header>"
        "<p>全年办理行政许可案件120件，开展执法培训8次，审查规范性文件15件。</p></section>"
        for h in headings
    )
    page = (
        f"<html><head><title>{TITLE}</title></head><body>"
        f"<header><h1>{SITE}</h1></header><div class='zoom'><h1>{TITLE}</h1>{article}</div>"
        "</body></html>"
    )
    lines = _lines(page)
    assert _in_order(headings, lines)
    assert SITE not in lines


@pytest.mark.parametrize(
    "page",
    [
        # an old table layout marks its title cell in pinyin (标题: biaoti)
        f"<table><tr><td class='biaoti'>{TITLE}</td></tr></table><p>正文</p>",
        # the site's name after a hyphen, the unit's own or a portal's
        f"<html><head><title>{TITLE}-{UNIT}</title></head><body><p>正文</p></body></html>",
        f"<html><head><title>{TITLE} - 示例县人民政府门户网站</title></head></html>",
        # an old table layout's unmarked title cell, bold or centred, <title> the site's name
        # (helper-197's: the title was lost)
        f"<title>示例县人民政府</title><table><tr><td align=center><b>{TITLE}</b></td></tr>"
        "<tr><td class='content'><p>一、总体情况</p></td></tr></table>",
        f"<title>示例县人民政府</title><table><tr><td align='center'>{TITLE}</td></tr></table>",
    ],
)
def test_the_title_without_the_sites_name(page: str) -> None:
    """A title cell marked class="biaoti", or <title> with the site's name after a hyphen
    (…年度报告-示例县林业局): the title was read with the site's name on it. An old table
    layout's unmarked title cell, bold or centred, is read where nothing else names it."""
    assert _page_title(page) == TITLE


def test_a_centred_cell_of_the_pages_facts_is_no_title() -> None:
    """主题分类 | 工作报告 in a centred facts table, <title> the site's name: no title (it had
    been 工作报告, helper-199's h10)."""
    page = (
        "<title>示例县人民政府</title><table><tr><td align=center>主题分类</td>"
        "<td align=center>工作报告</td></tr></table><p>正文</p>"
    )
    assert _page_title(page) is None


def test_a_bracketed_row_of_page_facts_is_no_report_text() -> None:
    """【发布时间：2026-03-13】【来源：…】【浏览次数：120】 stayed as the report's first line."""
    facts = "<p>【发布时间：2025-01-25】【来源：示例县林业局】【浏览次数：120】</p>"
    page = _page("h1").replace("<body>\n", f"<body>\n{facts}", 1)
    assert facts[3:-4] in page
    lines = _lines(page)
    assert not any("浏览次数" in line for line in lines)
    assert lines[0] == TITLE
