"""WeChat articles saved as web pages: headings an editor (秀米, 135编辑器) set in <section>s,
and the time the article was posted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fzcheck.pipeline import check_path
from fzcheck.reading.html import read_html
from fzcheck.rubric import Catalog
from tests.helpers import SAMPLE

_REQUIRED = ("achievements", "problems", "leader_duties", "next_year_plan")


def _article(lines: list[str]) -> str:
    """The sample report's body as a WeChat editor lays it out: each 一、 heading in a styled
    <section> among the <p> paragraphs."""
    return "\n".join(
        f'<section style="color:#b00"><strong>{line}</strong></section>'
        if line[1:2] == "、"
        else f'<p style="text-indent:2em"><span>{line}</span></p>'
        for line in lines
    )


def _wechat_page(article: str, shown: str = "", script: str = "", after: str = "") -> str:
    """A WeChat article page: its title, the byline (account, the publish_time element showing
    ``shown``), the article, ``after`` it, and a ``script`` setting the page's variables."""
    title = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><div id="js_article">
<h1 class="rich_media_title" id="activity-name">{title}</h1>
<div id="meta_content"><span class="rich_media_meta rich_media_meta_text">示例普法</span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">{shown}</em></div>
<div class="rich_media_content" id="js_content">
{article}
</div>{after}</div><script>{script}</script></body></html>"""


def _sample_body() -> list[str]:
    return [line for line in SAMPLE.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]


def test_headings_set_in_sections_among_paragraphs_are_read(tmp_path: Path) -> None:
    """trafilatura dropped a <section>'s text among <p> siblings: every heading was lost, and
    each part found only as embedded. The sections the editor ends a post with (a 推荐阅读 block
    of another report's teaser, a QR code's call to follow) stay out."""
    body = _sample_body()
    teasers = (
        "<section><section><strong>推荐阅读</strong></section>"
        "<section><p>二、存在的问题</p><p>另一单位的执法人员不足，原因是编制有限。</p></section>"
        "</section>"
        "<section><p>长按识别二维码关注我们</p></section>"
    )
    page = _wechat_page(_article(body) + teasers, "2026-02-12 09:30")
    lines = read_html(page.encode("utf-8")).text.split("\n")
    assert lines[1:] == body
    path = tmp_path / "wechat.html"
    path.write_text(page, encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert {p["id"]: p["status"] for p in result["parts"] if p["id"] in _REQUIRED} == (
        dict.fromkeys(_REQUIRED, "present")
    )
    assert result["verdict"] == "complete"


def _posted_at(day: dt.datetime) -> str:
    """``var ct``: the Unix time WeChat's script sets the publish_time element from."""
    return f'var ct = "{int(day.timestamp())}";'


def test_a_wechat_articles_posting_time_is_its_publication_date(tmp_path: Path) -> None:
    """The publish_time element, as a page saved from a browser shows it; empty, as a page
    fetched as served has it, the script's var publish_time, else var ct (its Unix time, a date
    in Beijing time: 00:30 on 8 April there is still 7 April in UTC). A page without the element
    does not read another site's var ct as its date."""
    article = _article(_sample_body())
    beijing = dt.timezone(dt.timedelta(hours=8))
    just_after_midnight = dt.datetime(2026, 4, 8, 0, 30, tzinfo=beijing)
    pages = {
        "shown": _wechat_page(article, "2026-04-08 10:05"),
        "variable": _wechat_page(article, script='var publish_time = "2026-04-08" || "";'),
        "seconds": _wechat_page(article, script=_posted_at(just_after_midnight)),
    }
    for name, page in pages.items():
        assert read_html(page.encode("utf-8")).published == dt.date(2026, 4, 8), name
    other_site = f"<html><body>{article}<script>{_posted_at(just_after_midnight)}</script>"
    assert read_html(other_site.encode("utf-8")).published is None
    late = tmp_path / "late.html"
    late.write_text(pages["shown"], encoding="utf-8")
    result = check_path(str(late), Catalog.load()).to_json()
    assert result["document"]["published_on"] == "2026-04-08"
    failed = [c["id"] for c in result["checks"] if not c["passed"]]
    assert failed == ["published_in_time"]


_IMAGE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{title}_示例县人民政府</title></head><body>
<div class="header"><img src="/images/logo.png" alt="示例县人民政府"></div>
<div class="nav">首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="article"><h1>{title}</h1>
<div class="info">发布时间：2026-02-12 来源：县交通运输局 浏览次数：312</div>
<div class="content">{body}</div></div>
<div class="footer"><img src="/images/jiucuo.png">主办：示例县人民政府办公室 网站标识码：1234000001</div>
</body></html>"""


def test_a_report_published_as_images_is_said_to_be_images_not_a_non_report(
    tmp_path: Path,
) -> None:
    """Many sites publish the signed report as page scans in <img> tags under its title: the
    page's text is the title alone. It is an input the checker cannot read (the images are on
    the site), said so in one line, not a 非年度报告 graded 0."""
    from fzcheck.render.i18n import error_kind

    title = "示例县交通运输局2025年度法治政府建设情况报告"
    body = "".join(f'<p><img src="/uploads/2026/02/p{i}.jpg"></p>' for i in range(1, 4))
    page = tmp_path / "page.html"
    page.write_text(_IMAGE_PAGE.format(title=title, body=body), encoding="utf-8")
    result = check_path(str(page), Catalog.load()).to_json()
    assert result["verdict"] == "error" and result["error"]["kind"] == "image"
    assert "3" in result["error"]["message"]
    # a src crafted with line breaks and controls is quoted on one line, without them
    crafted = '<p><img src="/u/a\nb\x1b[31m\u202ec.jpg"></p>' + body
    page.write_text(_IMAGE_PAGE.format(title=title, body=crafted), encoding="utf-8")
    message = check_path(str(page), Catalog.load()).to_json()["error"]["message"]
    assert "\n" not in message and "\x1b" not in message and "\u202e" not in message
    assert "图片" in error_kind("image", result["error"]["message"])
    # a news item: a few sentences and its photos — read as the text it is
    news = (
        "<p>2月12日，县交通运输局召开法治政府建设推进会，总结2025年工作，部署2026年重点任务。"
        "会议要求各股室严格规范公正文明执法，提升依法行政水平。</p>"
    )
    page.write_text(_IMAGE_PAGE.format(title=title, body=news + body), encoding="utf-8")
    assert check_path(str(page), Catalog.load()).to_json()["ok"]
    # a page announcing the report, which is a file it links: not a report missing every part
    # (one graded 0 and sent back for all of them) but a file to download, said in one line
    for offer in (
        '<p>附件：<a href="/u/report.pdf">2025年度法治政府建设情况报告.pdf</a></p>',
        "<p>现将《示例县交通运输局2025年度法治政府建设情况报告》予以公开。</p>"
        '<p>附件：<a href="/u/cms/2026/0212.pdf">点击下载</a></p>',
    ):
        page.write_text(_IMAGE_PAGE.format(title=title, body=offer + body), encoding="utf-8")
        result = check_path(str(page), Catalog.load()).to_json()
        assert result["verdict"] == "error" and result["error"]["kind"] == "attached"
        assert "附件" in error_kind("attached", result["error"]["message"])
    # a cover letter sending the report as the file it links (关于报送…报告的报告): the file to
    # download, not a report missing its every part; a short report offering its PDF version
    # is the report it is
    cover = (
        "<p>市人民政府：</p><p>根据《法治政府建设与责任落实督察工作规定》要求，我局认真总结了"
        "2025年度法治政府建设工作情况，形成了《示例县交通运输局2025年度法治政府建设情况报告》，"
        "现随文报送，请审示。</p><p>2025年，我局坚持以习近平法治思想为指导，深入推进依法行政，"
        "局主要负责同志认真履行推进法治建设第一责任人职责，较好完成了年度各项目标任务。</p>"
        '<p>附件：<a href="/u/cms/2026/0312.pdf">示例县交通运输局2025年度法治政府建设情况报告.pdf'
        "</a></p><p>示例县交通运输局</p><p>2026年3月12日</p>"
    )
    page.write_text(_IMAGE_PAGE.format(title=title, body=cover), encoding="utf-8")
    result = check_path(str(page), Catalog.load()).to_json()
    assert result["verdict"] == "error" and result["error"]["kind"] == "attached"
    short = (
        "<p>现将2025年度法治政府建设情况报告如下：</p><p>一、主要举措和成效。全年审查重大行政决策"
        "3件，审核规范性文件12件，办理行政复议案件5件。</p><p>二、存在的不足和原因。执法力量不足，"
        "原因是编制有限、培训不够。</p><p>三、主要负责人履职情况。局长亲自主持专题会议2次，"
        "带头旁听庭审1次。</p><p>四、2026年工作安排。开展执法培训，推进合法性审查全覆盖。</p>"
        '<p>附件：<a href="/u/cms/2026/0212.pdf">2025年度法治政府建设情况报告.pdf</a></p>'
    )
    # a short report whose figures are in an attached ledger (详见附件): the report, not a cover
    ledger = (
        "<p>现将有关情况报告如下：2025年，我局深入推进法治政府建设，全年审查重大行政决策3件，"
        "审核规范性文件12件，"
        "办理行政复议案件5件，开展执法案卷评查2次，组织执法人员培训4期，局长亲自主持专题会议"
        "2次。执法力量不足，原因是编制有限。2026年，我局将开展执法培训，推进合法性审查全覆盖。"
        "各项工作的具体数据详见附件。</p>"
        '<p>附件：<a href="/u/cms/2026/0212.docx">2025年度执法案件办理台账.docx</a></p>'
    )
    for report in (short, ledger):
        page.write_text(_IMAGE_PAGE.format(title=title, body=report), encoding="utf-8")
        assert check_path(str(page), Catalog.load()).to_json()["ok"]
    # a news item with a file attached is the news item it is
    notice = '<p>附件：<a href="/u/cms/2026/0212.docx">会议议程.docx</a></p>'
    page.write_text(_IMAGE_PAGE.format(title=title, body=news + notice), encoding="utf-8")
    assert check_path(str(page), Catalog.load()).to_json()["ok"]
    # a page with a picture beside the report's text is read as before
    text = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    body = body + "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    page.write_text(_IMAGE_PAGE.format(title=title, body=body), encoding="utf-8")
    result = check_path(str(page), Catalog.load()).to_json()
    assert result["verdict"] == "complete"


def test_the_pages_own_controls_after_the_signature_leave_it_the_signature(
    tmp_path: Path,
) -> None:
    """微信扫一扫 / 关注该公众号 / 预览时标签不可点 / ：，，，。视频小程序赞，轻点两下取消赞…, saved as
    text after the article: the signature above them went unread (no signing date, the issuer
    cut from the title)."""
    controls = "".join(
        f"<p>{line}</p>"
        for line in (
            "微信扫一扫",
            "关注该公众号",
            "预览时标签不可点",
            "微信扫一扫可打开此内容，使用完整服务",
            "：，，，，，，，，。视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏听过",
        )
    )
    page = _wechat_page(_article(_sample_body()), "2026-02-12 09:30", after=controls)
    path = tmp_path / "wechat.html"
    path.write_text(page, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["signed_on"] == "2026-02-10"
    assert r["document"]["issuer"] == "示例县司法局"


@pytest.mark.parametrize(
    "pager",
    [
        '<div class="page">共3页 <a href="t_1.html">1</a> 2 3 <a href="t_1.html">下一页</a> 尾页</div>',
        '<div>上一页 <a href="t_2.html">下一页</a> 共 2 页</div>',
    ],
)
def test_one_page_of_an_article_split_over_pages_is_said_so(tmp_path: Path, pager: str) -> None:
    """A site splitting the report over pages (共3页 … 下一页): page 1 was graded, its parts on
    the other pages missing, and the unit sent back for what it had written. It is one line
    asking for the whole text; an article with no pager is read."""
    from fzcheck.render.i18n import error_kind

    title = "示例县交通运输局2025年度法治政府建设情况报告"
    text = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    body = "".join(f"<p>{line}</p>" for line in text.splitlines()[:8] if line.strip())
    page = tmp_path / "page.html"
    page.write_text(_IMAGE_PAGE.format(title=title, body=body + pager), encoding="utf-8")
    result = check_path(str(page), Catalog.load()).to_json()
    assert result["verdict"] == "error" and result["error"]["kind"] == "paginated"
    said = error_kind("paginated", result["error"]["message"])
    assert "共分" in said and "请" in said and ("3页" in said or "2页" in said)
    page.write_text(_IMAGE_PAGE.format(title=title, body=body), encoding="utf-8")
    assert check_path(str(page), Catalog.load()).to_json()["ok"]


def test_a_banner_image_above_unnumbered_headings_is_no_heading(tmp_path: Path) -> None:
    """A post opening with a banner picture, its headings short lines with no number: the
    picture's placeholder had headed the year's work, its opening paragraph counted in it
    (helper-216's w03)."""
    body = [line.split("、", 1)[1] if line[1:2] == "、" else line for line in _sample_body()]
    article = '<p><img src="banner.png" data-src="banner.png"></p>\n' + "\n".join(
        f"<p><strong>{line}</strong></p>" if len(line) < 40 else f"<p>{line}</p>" for line in body
    )
    path = tmp_path / "post.html"
    path.write_text(_wechat_page(article, "2026-02-12 09:30"), encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    headings = [p["heading"] for p in r["parts"] if p["heading"]]
    assert headings and "[图片]" not in headings
