"""WeChat articles saved as web pages: headings an editor (秀米, 135编辑器) set in <section>s,
and the time the article was posted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
