"""Government web pages: the article text only, with the page's publication date."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import unquote

from fzcheck.document import PICTURE, PICTURE_MIN_CM, fold_width
from fzcheck.errors import InputError
from fzcheck.fast_patterns import cjk_count
from fzcheck.reading.chrome import (
    FOOTER_LABEL,
    LOOKALIKE_KINDS,
    REGISTERED,
    TITLE_KINDS,
    is_chrome,
)
from fzcheck.reading.dates import date_of_seconds, find_published, make_date, parse_date
from fzcheck.reading.forms import LABEL_CHARS, told_rows
from fzcheck.reading.limits import Deadline, count_limit
from fzcheck.reading.normalize import Extracted
from fzcheck.reading.ocr import TEXT_BESIDE_PICTURES, read_pictures
from fzcheck.reading.resegment import HEADING_START
from fzcheck.reading.sniff import is_mime_page
from fzcheck.reading.text import decode

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([-\w]+)", re.I)
_META_DATE = re.compile(
    r"<meta[^<>]+name\s*=\s*[\"']?(?:PubDate|publishdate|pubdate|firstpublishedtime)[\"']?[^<>]*"
    r"content\s*=\s*[\"']?(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})",
    re.I,
)
# A long government page has ~5,000 tags, a report saved from Word as a web page ~20,000; the
# extractor takes ~10 s at 100,000 of the worst kind (a span per character, a table of tiny
# rows), so more is refused, not read for minutes.
_MAX_TAGS = 100_000
_MAX_ARCHIVE_PARTS = 10_000  # a saved page holds its text and some hundreds of pictures
# A tag ends at the next < as well: on a page of unclosed tags a scan stops at each (linear).
_TAG = re.compile(r"<[^<>]*>")
_HIDDEN = re.compile(r"<(script|style)\b", re.IGNORECASE)


# White space between two inline elements in the page's source (Word's and editors' HTML put each
# run in a <span> on a line of its own): a browser shows a space there, trafilatura keeps one, and
# Chinese has none — 第一 责任人 would no longer read as 第一责任人.
_INLINE = "span|font|a|b|strong|em|i|u|sup|sub|o:p"
_INLINE_GAP = re.compile(rf"(</(?:{_INLINE})\s*>)\s+(?=<(?:{_INLINE})[\s>])", re.IGNORECASE)


def _inline_gaps_closed(page: str) -> str:
    return _INLINE_GAP.sub(r"\1", page) if "</" in page else page


# A picture in the article the size of a table or a page (a GIP report's tables pasted as
# images) keeps its place as a line of its own (:data:`PICTURE`): dropped, its section read as
# empty and the report lacked the section. One the page sizes small (an icon, a seal, a QR
# code), or that is the site's own (:func:`_article_picture`), is passed over.
_IMG_STYLE_SIZE = re.compile(r"\b(width|height)\s*:\s*([\d.]+)\s*px", re.IGNORECASE)
_PICTURE_PX = tuple(cm * 96 / 2.54 for cm in PICTURE_MIN_CM)  # CSS px: 96 to the inch


def _pictures_marked(page: str) -> str:
    if "<img" not in page and "<IMG" not in page:
        return page
    tree = _tree(page)
    if tree is None:
        return page
    import lxml.html  # type: ignore[import-untyped]

    marked = False
    for img in list(tree.iter("img")):
        if _article_picture(img) is None or _small(img):
            continue
        mark = lxml.html.Element("p")
        mark.text = PICTURE
        img.addnext(mark)
        marked = True
    return str(lxml.html.tostring(tree, encoding="unicode")) if marked else page


def _small(img: Any) -> bool:
    """Whether the page sizes the picture small either way (width="16", style="height:20px");
    one it does not size, or sizes by a share of the page (100%), is not."""
    sizes = {k: img.get(k) or "" for k in ("width", "height")}
    for side, value in _IMG_STYLE_SIZE.findall(img.get("style") or ""):
        sizes[side.lower()] = sizes.get(side.lower()) or value
    for side, least in zip(("width", "height"), _PICTURE_PX, strict=True):
        try:
            if float(sizes[side].strip().removesuffix("px")) < least:
                return True
        except ValueError:
            pass
    return False


# WeChat and its editors (秀米, 135编辑器) set headings, badges and whole paragraphs in <section>s
# among the <p>s; trafilatura keeps a <div>'s text there and drops a <section>'s, so the
# article lost every heading. A section is a block like a div: it is read as one.
_SECTION_TAG = re.compile(r"<(/?)section\b", re.IGNORECASE)


def _sections_as_divs(page: str) -> str:
    return _SECTION_TAG.sub(r"<\1div", page)


# A heading (<h1>–<h6>) is read as a paragraph. trafilatura keeps a heading only inside an article
# container it knows (<article>, div.article-content…); on a page with none (the report's
# paragraphs right in <body>, or in a portal's div.zoom) it recovers the page's <p>s, <table>s
# and <div>s, never a heading, which came back only when readability's reading (it keeps h2–h4)
# was chosen for being the longer: a long table (a GIP report's table 三, 28 rows) made
# trafilatura's own reading the longer, and every 一、总体情况 in an <h2> was lost (in <h5>,
# <h6> or <h1> whatever the length). A paragraph it keeps wherever it stands, as its own line.
# But not a heading in the site's own parts (its banner's <h1>示例县人民政府</h1>, a footer's
# <h4>主办单位…</h4>): read as a paragraph, the site's name came back as a line above the
# article's title and was read as the title's first words (示例县人民政府示例县交通运输局…报告,
# the issuer 示例县人民政府示例县交通运输局); left a heading, it is left out as before.
_HEADING_TAG = re.compile(r"<(/?)h[1-6](?=[\s/>])", re.IGNORECASE)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SITE_PART_TAGS = frozenset({"header", "nav", "footer"})
# a class or id naming a site's part: header, site-header, gov_head, logo, topbar, nav, footer…
_SITE_PART = re.compile(
    r"(?:^|[-_])(?:header|head|top|topbar|banner|logo|masthead|nav|navbar|menu|footer|foot)"
    r"(?:$|[-_\d])"
)
# …but not one naming the article's own head (article-header, detail_top, content-head)
_ARTICLE_PART = re.compile(r"title|article|content|detail|main|post|entry|news|text|body|doc")
_ARTICLE_TAGS = frozenset({"article", "main"})


def _headings_as_paragraphs(page: str) -> str:
    if _HEADING_TAG.search(page) is None:
        return page
    tree = _tree(page)
    if tree is None:
        return _HEADING_TAG.sub(r"<\1p", page)
    headings = list(tree.iter(*_HEADINGS))
    page_chars = len(tree.text_content())
    sizes: dict[Any, int] = {}  # each site part's text, measured once (a banner of 1,000 links)
    site = [_in_site_part(h, page_chars, sizes) for h in headings]
    if not any(site):
        return _HEADING_TAG.sub(r"<\1p", page)
    for heading, of_site in zip(headings, site, strict=True):
        if not of_site:
            heading.tag = "p"
    import lxml.html

    return str(lxml.html.tostring(tree, encoding="unicode"))


def _in_site_part(heading: Any, page_chars: int, sizes: dict[Any, int]) -> bool:
    """Whether a heading stands in the site's banner, navigation or footer (by its tag, class
    or id, or its own), not in an <article> (its own <header>); one that reads as a report's
    title (…年度报告 in a div.top) is the article's wherever it stands. A part holding half
    the page's text is no banner (<div id="top"> around the whole page, the back-to-top
    anchor)."""
    text = fold_width(" ".join(heading.text_content().split()))
    # a section's numbered heading (二、存在的不足 in an HTML5 <section><header>) is the
    # article's: a site's banner, navigation and footer number nothing so
    if _REPORT_WORD.search(text) or _LOOKALIKE_TITLE.search(text) or HEADING_START.match(text):
        return False
    ancestors = (heading, *heading.iterancestors())
    if any(el.tag in _ARTICLE_TAGS for el in ancestors):
        return False
    for el in ancestors:
        names = _part_names(el)
        if any(_ARTICLE_PART.search(name) for name in names):
            return False
        if el.tag in _SITE_PART_TAGS or any(_SITE_PART.search(name) for name in names):
            if el not in sizes:
                sizes[el] = len(el.text_content())
            return 2 * sizes[el] < page_chars  # the nearest part decides
    return False


# The cells a page's tables lay out, their spans counted (trafilatura lays a span out cell by
# cell: 200 cells of rowspan=1000 colspan=1000 took 15 s before the text they made was
# refused). A report's tables hold some thousands.
_MAX_LAID_OUT = 300_000
_CELL = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)
_SPAN = re.compile(r"""\b(row|col)span\s*=\s*["']?(\d{1,9})""", re.IGNORECASE)


def _laid_out(page: str) -> int:
    """How many cells the page's tables lay out, each spanning cell as many as it covers."""
    total = 0
    for cell in _CELL.finditer(page):
        spans = {k.lower(): int(v) for k, v in _SPAN.findall(cell.group(0))}
        total += max(1, spans.get("row", 1)) * max(1, spans.get("col", 1))
    return total


def read_html(data: bytes, deadline: Deadline | None = None) -> Extracted:
    archive = None  # a web archive's parts, parsed once
    if is_mime_page(data):
        # each part opens on a line of --boundary: counted before the email parser holds them all
        count_limit(data.count(b"\n--"), "web archive parts", _MAX_ARCHIVE_PARTS)
        archive = _mime_parts(data)
        data = _mime_html(archive)
    count_limit(data.count(b"<"), "HTML tags", _MAX_TAGS)  # before lxml builds the tree
    page, encoding = _decode_page(data)
    count_limit(_laid_out(page), "table cells (spans laid out)", _MAX_LAID_OUT)
    import trafilatura

    # trafilatura is given text, not bytes: it sniffs only the head and misreads gb2312 pages.
    prepared = _without_layout_tables(
        _empty_cells_kept(
            _headings_as_paragraphs(
                _without_teasers(_sections_as_divs(_inline_gaps_closed(_pictures_marked(page))))
            )
        )
    )
    text = trafilatura.extract(
        _repeats_kept(prepared),
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )
    if text:
        if _FORM_ROW in text:
            text = "\n".join(map(_form_row, text.split("\n")))
        text = text.translate(_REPEAT_MARKS)  # _KEEP among them
    if not text or not text.strip():
        text = _TAG.sub("\n", _without_hidden(page))
    lines = [line.strip() for line in text.splitlines()]
    kept = [line for line in lines if line and not is_chrome(fold_width(line))]

    if not kept:
        raise InputError(
            "the web page holds no article text (only navigation); save the report's text instead",
            kind="empty",
        )
    shown = _shown_text(page)  # the page's words, once: the pager and the dates read them
    if (pages := _pages(shown)) is not None:
        # one page of an article a site splits over several (共3页 1 2 3 下一页): graded, the
        # parts on its other pages were missing and the unit sent back for them
        raise InputError(
            f"the web page is one of the {pages} pages the site splits the article over; save "
            "the whole article's text (every page) and check that",
            kind="paginated",
        )
    title = _page_title(page)
    if title and not any(_holds_title(line, title) for line in kept[:5]):
        kept.insert(0, title)
    beside = sum(len(line) for line in kept if line not in (title, PICTURE))
    if TEXT_BESIDE_PICTURES <= beside < _COVER_CHARS:
        # a cover letter sending the report as the file it links (关于报送…报告的报告: 现随文报送，
        # 请审示。附件：…报告.pdf): graded, a report missing its every part, sent back for all
        _refuse_an_announcement(kept, title, page, cover=True)
    if beside < TEXT_BESIDE_PICTURES:
        images = _article_images(page)
        pictures = _archived(archive, images) if archive is not None and images else []
        text = read_pictures(pictures) if pictures else ""
        if text:  # a web archive holds the pictures: read by OCR
            return Extracted("\n".join([*kept, text]), encoding, _published(page, shown), ocr=True)
        # a page announcing the report, the report itself a file it links (现将…予以公开。
        # 附件：…报告.pdf): graded, its every part was missing and the unit sent back for all
        _refuse_an_announcement(kept, title, page)
        # a page of its title and pictures alone (a caption at most): not a news item with its
        # photos, nor a page offering the report as a file (附件：…报告.pdf: its note says so)
        if images and beside < _CAPTION_CHARS and not _DOCUMENT_FILE.search(page):
            raise InputError(
                f"the web page's article is {len(images)} image(s) ({_shown(images[0])}"
                f"{' …' if len(images) > 1 else ''}) and almost no text: the report is "
                "published as pictures; download its own file (PDF, Word) and check that",
                kind="image",
            )
    return Extracted("\n".join(kept), encoding, _published(page, shown))


def _pages(shown: str) -> int | None:
    """How many pages a site splits the article over, from its pager (共3页 … 下一页) in the
    page's words (:func:`_shown_text`), when this page is one of several; None for an article
    on one page."""
    for m in _PAGER.finditer(shown):
        if (n := int(m.group(1) or m.group(2))) >= 2:
            return n
    return None


# a pager's count and its next link, near each other (共3页 1 2 3 下一页 尾页 / 下一页 共3页)
_PAGER = re.compile(
    r"共\s*(\d{1,3})\s*页(?=[^。]{0,80}?下一页)|下一页[^。]{0,80}?共\s*(\d{1,3})\s*页"
)


def _refuse_an_announcement(
    kept: list[str], title: str | None, page: str, cover: bool = False
) -> None:
    """Raise ``attached`` for an article announcing a report it links as a file: a page of a
    line or two, or (``cover``) a longer one in words sending or publishing a file the page
    links by a report's name, with no sections of its own (a short report's text offering its
    PDF, or its tables as 详见附件, is the report)."""
    said = [line for line in kept if not (title and _holds_title(line, title))]
    if cover and (
        not _SENDS_A_FILE.search(" ".join(said))
        or sum(1 for line in said if _SECTION.match(line)) >= 2
        or _linked_report(page) is None
    ):
        return
    attached = _attached_file(kept, page)
    if attached is not None and _NAMES_A_REPORT.search(" ".join([attached, *said])):
        raise InputError(
            f"the web page only announces the report, which is in an attached file "
            f"({_shown(attached)}); download the attachment and check that",
            kind="attached",
        )


# A cover's words sending or publishing what it attaches (not a report's own 现将…报告如下,
# nor its 详见附件 for its tables)
_SENDS_A_FILE = re.compile(
    r"随文(?:报送|印发|转发)|现予(?:公开|公布|印发)|予以(?:公开|公布)[。，,]"
    r"|(?:报送|呈报)(?:给你们)?[，,]?请(?:审示|审阅|审议|查收|审定)"
)
_COVER_CHARS = 600  # an article this short beside a linked report is its cover, not the report


def _attached_file(kept: list[str], page: str) -> str | None:
    """The file a short article names (…报告.pdf), or the page links after its word 附件; None
    when there is none."""
    for line in kept:
        if (m := _NAMED_FILE.search(line)) is not None:
            return m.group(0).strip()
    # (the extractor drops a line of links as the page's furniture: the page's own 附件 then)
    at = page.find("附件")
    m = _LINKED_FILE.search(page, at) if at >= 0 else None
    return m.group(1) if m else None


_NAMES_A_REPORT = re.compile(r"报告|報告|年报|年報")
_DOCUMENT_SUFFIX = r"\.(?:pdf|docx?|wps|ofd)\b"  # a file a page offers a report in
_DOCUMENT_FILE = re.compile(_DOCUMENT_SUFFIX, re.IGNORECASE)
_NAMED_FILE = re.compile(rf"[^\s：:、，,]{{1,80}}{_DOCUMENT_SUFFIX}", re.IGNORECASE)
_LINKED_FILE = re.compile(rf"""href\s*=\s*["']?([^"'\s>]{{1,200}}{_DOCUMENT_SUFFIX})""", re.I)
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]{1,2}\s*[、.．]")  # 一、… a report's own section
# a link to a document file, and its text: <a href="…/0312.pdf">…报告.pdf</a>
_DOCUMENT_LINK = re.compile(
    rf"""<a\b[^>]{{0,500}}?href\s*=\s*["']?([^"'\s>]{{1,200}}{_DOCUMENT_SUFFIX})[^>]{{0,500}}>"""
    r"(.{0,300}?)</a>",
    re.IGNORECASE | re.DOTALL,
)


def _linked_report(page: str) -> str | None:
    """The first document file the page links whose name or link text names a report."""
    for m in _DOCUMENT_LINK.finditer(page):
        named = f"{unquote(m.group(1))} {_TAG.sub('', m.group(2))}"
        if _NAMES_A_REPORT.search(named):
            return named
    return None


_CAPTION_CHARS = 50  # characters beside its title a page of the report's pictures has at most
# A picture of the site's own: its logo, badges, share and QR-code buttons, spacers
_SITE_IMAGE = re.compile(
    r"logo|icon|share|qr|ewm|erweima|jiucuo|dzjg|police|beian|spacer|blank|arrow|btn|button"
    r"|banner",
    re.IGNORECASE,
)


def _part_names(el: Any) -> list[str]:
    """An element's classes and id, lower-cased: what names it a site's part or the article."""
    return [name.lower() for name in (*(el.get("class") or "").split(), el.get("id") or "")]


def _archived(archive: list[Any], sources: list[str]) -> list[bytes]:
    """The pictures a web archive (.mht) holds for ``sources`` (the article's <img> srcs), in
    their order, each once: a part is found by its Content-Location, the src resolved against
    the page's own (./p1.jpg?v=2 under …/t20260212_1.html), else by its file name where one
    part alone has it."""
    from urllib.parse import urljoin

    page = next((_location(p) for p in archive if p.get_content_type() == "text/html"), "")
    by_url: dict[str, Any] = {}
    by_name: dict[str, list[Any]] = {}
    for part in archive:
        location = _location(part)
        if location and part.get_content_maintype() == "image":
            by_url.setdefault(location, part)
            by_name.setdefault(_file_name(location), []).append(part)
    found: dict[int, bytes] = {}
    for src in sources:
        url = _without_query(urljoin(page, src)) if page else ""
        named = by_name.get(_file_name(src), [])
        part = by_url.get(url) or (named[0] if len(named) == 1 else None)
        payload = part.get_payload(decode=True) if part is not None else None
        if isinstance(payload, bytes):
            found.setdefault(id(part), payload)
    return list(found.values())


def _shown(src: str) -> str:
    """A picture's src as a one-line message may quote it: its white space one space, its
    controls and direction marks dropped, 80 characters at most."""
    return "".join(c for c in " ".join(src.split()) if c.isprintable())[:80]


def _location(part: Any) -> str:
    return _without_query(str(part.get("Content-Location") or "").strip())


def _without_query(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0]


def _file_name(url: str) -> str:
    return _without_query(url).rstrip("/").rsplit("/", 1)[-1]


def _article_images(page: str) -> list[str]:
    """The ``src`` of each picture in the page's article: not in the site's banner, navigation
    or footer, nor one of its badges or buttons by name."""
    if "<img" not in page and "<IMG" not in page:
        return []
    tree = _tree(page)
    if tree is None:
        return []
    return [src for img in tree.iter("img") if (src := _article_picture(img)) is not None]


def _article_picture(img: Any) -> str | None:
    """The ``src`` of an <img> of the page's article; None for one of the site's own: in its
    banner, navigation or footer, or one of its badges or buttons by name."""
    src = str(img.get("src") or img.get("data-src") or "").strip()
    if not src or _SITE_IMAGE.search(src.rsplit("/", 1)[-1]):
        return None
    names = [name for el in img.iterancestors() for name in _part_names(el)]
    site = any(el.tag in _SITE_PART_TAGS for el in img.iterancestors()) or any(
        _SITE_PART.search(n) and not _ARTICLE_PART.search(n) for n in names
    )
    return None if site else src


# A cell this long holds the page, not a table's value (a data table's cells are numbers and
# labels); a table with this many figures (short cells with a digit: 41, 41件, 3.5万元) is data
# whatever else it holds, and one with more cells than a page's layout has is too.
_LAYOUT_CELL_CHARS = 300
_LAYOUT_BLOCKS = 6  # paragraphs or breaks in one cell: an article's, not a value's or a label's
_DATA_FIGURES = 3
_FIGURE_CHARS = 16
_LAYOUT_CELLS = 100
# Bounds on the look, whatever the page: a cell is read up to a thousand pieces of text (a
# span per character), a page up to a budget of them (a real page needs a few thousand).
_PIECES_READ = 1000
_PIECES_BUDGET = 100_000
_TABLE_TAG = re.compile(r"<table", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^<>]*\?>")


_MORE_WORDS = (
    "推荐阅读",
    "相关阅读",
    "延伸阅读",
    "相关新闻",
    "相关文章",
    "相关推荐",
    "热点推荐",
    "猜你喜欢",
    "更多阅读",
    "往期回顾",
    "热门文章",
)
# A sidebar's boxes of other pages' headlines beside the article (县长主持召开…法治政府建设工作,
# under 热点关注, was read as this unit's leader at work). Portals also set such a column's name
# over the article itself (通知公告 over the report): a box goes only when what follows its
# heading is a list of links.
_SIDEBAR_WORDS = (
    "热点关注",
    "热点新闻",
    "热点信息",
    "热门信息",
    "最新信息",
    "最新动态",
    "最新发布",
    "图片新闻",
    "专题专栏",
    "政务要闻",
    "通知公告",
    "工作动态",
    "部门动态",
    "乡镇动态",
    "点击排行",
    "阅读排行",
    "信息公开目录",
    "政府信息公开目录",
    "栏目导航",
    "友情链接",
)


def _block_heading(words: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``words`` alone as an element's text, bracketed or with a colon at most."""
    return re.compile(rf"^\s*[【\[]?\s*(?:{'|'.join(words)})\s*[】\]]?\s*[:：]?\s*$")


_MORE_TO_READ = _block_heading(_MORE_WORDS)
_SIDEBAR_BOX = _block_heading(_SIDEBAR_WORDS)
_LINKED_SHARE = 0.8  # of a block's text in list items and links, at least, for a list of links
_TEASERS_MAX = 3000  # characters a block of teasers holds at most: more is the article


def _without_teasers(page: str) -> str:
    """The page without its blocks of other articles' teasers (推荐阅读, then their first
    paragraphs, as sites put them under the article; a sidebar's 热点关注 and its list of
    headlines): another report's 二、存在的不足… was read as this one's, and the signature was no
    longer the last text. Each heading and what follows it in its block go; a block holding more
    text than teasers do is left (it is the article), as is a column's name over anything but
    a list of links."""
    if not any(word in page for word in (*_MORE_WORDS, *_SIDEBAR_WORDS)):
        return page
    tree = _tree(page)
    if tree is None:
        return page
    dropped = False
    for el in list(tree.iter("h1", "h2", "h3", "h4", "h5", "div", "p", "span", "strong", "b")):
        # its own text, not its subtree's (a page of 40,000 nested divs is one look each)
        own = el.text or ""
        sidebar = _SIDEBAR_BOX.match(own) is not None
        if not sidebar and not _MORE_TO_READ.match(own):
            continue
        while (up := el.getparent()) is not None and len(up) == 1 and not (up.text or "").strip():
            el = up  # <h3><span>推荐阅读</span></h3>: the heading, whose siblings are the teasers
        if el.getparent() is None:
            continue
        gone, size = [el], 0
        for sibling in el.itersiblings():
            size += len(sibling.text_content() or "")
            if size > _TEASERS_MAX:
                break
            gone.append(sibling)
        if size > _TEASERS_MAX or (sidebar and not all(map(_links, gone[1:]))):
            continue
        for g in gone:
            g.drop_tree()
        dropped = True
    if not dropped:
        return page
    import lxml.html

    return str(lxml.html.tostring(tree, encoding="unicode"))


def _links(block: Any) -> bool:
    """Whether ``block`` is a list of links: a list, or text mostly in list items and links."""
    if block.tag in ("ul", "ol"):
        return True
    text = len((block.text_content() or "").strip())
    linked = sum(len(e.text_content() or "") for e in block.iter("li", "a") if e is not block)
    return text == 0 or linked >= _LINKED_SHARE * text


def _tree(page: str) -> Any:
    """The page parsed by lxml, or None when it cannot be."""
    import lxml.html
    from lxml.etree import ParserError  # type: ignore[import-untyped]

    try:  # lxml refuses a str that declares its encoding (<?xml … encoding="gb2312"?>)
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", page, count=1))
    except (ParserError, ValueError):
        return None


def _without_layout_tables(page: str) -> Any:
    """The page with tables used for layout (old CMS pages put the whole article in one cell,
    beside the navigation) made plain blocks: trafilatura renders a table row as one line, so
    the article's every paragraph, heading and signature became a single line. A form's rows
    are marked (_form_rows_marked). The page as it is (a string) when it has neither."""
    if _TABLE_TAG.search(page) is None:
        return page
    tree = _tree(page)
    if tree is None:
        return page
    own: dict[Any, list[Any]] = {}  # each table's own cells, not those of a table inside it
    for cell in tree.iter("td", "th"):
        holder = next(cell.iterancestors("table"), None)
        if holder is not None:
            own.setdefault(holder, []).append(cell)
    budget = [_PIECES_BUDGET]
    layout, forms = [], []
    for table, cells in own.items():
        if len(cells) > _LAYOUT_CELLS:
            continue
        texts = {cell: _opening(cell, budget).strip() for cell in cells}
        if _form_rows_marked(table, texts):
            forms.append(table)
        elif _is_layout(list(texts.values()), max(map(_blocks, cells), default=0)):
            layout.append(table)
    for table in layout:
        for el in table.iter("tbody", "thead", "tfoot", "tr", "td", "th"):
            if next(el.iterancestors("table"), None) is table:
                el.tag = "div"
        table.tag = "div"
    return tree if layout or forms else page


def _is_layout(texts: list[str], blocks: int) -> bool:
    """Whether a table of cells ``texts`` is a page's layout: few figures, and a cell as long as
    an article or holding its paragraphs (``blocks``: the most one cell holds; a short report's
    article in one cell is under the length: helper-186's n06, its headings run into one line)."""
    figures = sum(1 for t in texts if len(t) <= _FIGURE_CHARS and any(c.isdigit() for c in t))
    return figures < _DATA_FIGURES and (
        blocks >= _LAYOUT_BLOCKS or any(len(t) >= _LAYOUT_CELL_CHARS for t in texts)
    )


def _blocks(cell: Any) -> int:
    """The paragraphs and line breaks in ``cell``, counted up to :data:`_LAYOUT_BLOCKS`."""
    return sum(1 for _ in islice(cell.iter("p", "div", "br", "li"), _LAYOUT_BLOCKS))


def _form_rows_marked(table: Any, texts: dict[Any, str]) -> bool:
    """Whether ``table`` is a form (_is_form: rows of a label beside a paragraph); if so, each
    of its rows' first cell is marked (_FORM_ROW) to be read as a .docx's form is: label |
    text. A table holding tables is none (trafilatura sets a kept table's inner tables after
    it, out of their sections). ``texts``: each of its cells' opening."""
    if any(True for _ in table.iterdescendants("table")):
        return False
    rows = []
    for row in table.iter("tr"):
        cells = [c for c in row if c in texts]
        if len(cells) >= 2:
            rows.append(cells)
    if not _is_form(rows, texts):
        return False
    for first, *others in rows:
        pieces = list(islice(first.itertext(), _LABEL_PIECES + 1))
        label = "".join("".join(pieces).split())
        if len(pieces) <= _LABEL_PIECES and len(label) <= LABEL_CHARS:
            # a label its narrow cell wrapped (主要举措和<br>成效, a <p> a line) is one word
            for child in list(first):
                first.remove(child)
            first.text = label
        first.text = _FORM_ROW + (first.text or "")
        if _heads_its_row(label, others):
            for cell in others:  # the text's paragraphs (trafilatura joins them): a line each
                for k, el in enumerate(cell.iter("p", "div", "br")):
                    if el.tag == "br":
                        el.tail = _FORM_ROW + (el.tail or "")
                    elif k:
                        el.text = _FORM_ROW + (el.text or "")
    return True


def _is_form(rows: list[list[Any]], texts: dict[Any, str]) -> bool:
    """Three rows at least of a label beside sentences (forms.told_rows), not counting a site's
    footer (主办单位 | …；承办…, 联系地址 | …；邮编…), and no cell holding two thirds of the
    words: that is a page's article beside its navigation and footer, whatever their rows say
    (a form whose one part outweighs the rest so is read as before, its cells blocks). Two
    rows are enough where each is labelled as a report's section (五、存在的主要问题及改进情况 |
    …, 六、其他需要报告的事项 | …): no navigation or footer is numbered so."""
    told = [
        (texts[first], [texts[c] for c in others])
        for first, *others in rows
        if not FOOTER_LABEL.match("".join(texts[first].split()))
        and not any(REGISTERED.search(texts[c]) for c in others)
    ]
    count = told_rows(told)
    if count >= _SECTION_ROWS and count == told_rows(
        (label, others) for label, others in told if _TOP_NUMBERED.match(label)
    ):
        return True
    lengths = [len(t) for t in texts.values()]
    return 3 * max(lengths, default=0) <= 2 * sum(lengths) and count >= _FORM_ROWS


def _heads_its_row(label: str, cells: list[Any]) -> bool:
    """Whether the row's label is its text's heading, the text's paragraphs its own: not a
    number (a 序号 column's 1, 一: the label is the next cell), and not an unnumbered label over
    paragraphs numbered as a report's top headings (一、 / 第一部分: the cell is a report)."""
    if len(label) < 2 or _ORDINAL.fullmatch(label):
        return False
    if _TOP_NUMBERED.match(label):
        return True
    return not any(
        _TOP_NUMBERED.match(next((t for t in islice(el.itertext(), 5) if t.strip()), "").lstrip())
        for cell in cells
        for el in cell.iter("p", "div")
    )


_ORDINAL = re.compile(r"[(（]?[0-9０-９一二三四五六七八九十]+[)）.．、]?")
_TOP_NUMBERED = re.compile(r"[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分")
_FORM_ROWS = 3
_SECTION_ROWS = 2  # rows of a table each labelled as a report's section (一、…), at least
_LABEL_PIECES = 20  # pieces of text (between tags) of a label cell made one word, at most
# (a mark trafilatura keeps at a cell's start, where it drops what is not printable: the
# combining grapheme joiner, invisible and in no Chinese text; taken out of the text after)
_FORM_ROW = "\u034f"


def _form_row(line: str) -> str:
    """A form's row as trafilatura sets a table's (| label | text |) without its outer
    borders, its cells' paragraphs a line each, as a .docx's table rows are read (label |
    text, then the text's other paragraphs)."""
    head, mark, rest = line.partition(_FORM_ROW)
    if not mark or head.strip() not in ("", "|"):
        return line
    rest = rest.rstrip()
    rest = rest.removesuffix("|").rstrip() if rest.endswith(" |") else rest
    lines = [p for p in (p.strip() for p in rest.split(_FORM_ROW)) if p]
    if len(lines) > 1 and lines[0].endswith("|"):
        # the text's first paragraph inside a block (<div><p>…</p><p>…</p></div>) was marked
        # too: it goes on the label's line
        lines[:2] = [f"{lines[0]} {lines[1]}"]
    return "\n".join(lines)


def _opening(cell: Any, budget: list[int]) -> str:
    """The cell's text up to the length that makes it the page's (read a bounded number of
    pieces: a cell may hold a whole page), each piece taken from the page's ``budget``."""
    text = ""
    for piece in islice(cell.itertext(), min(_PIECES_READ, budget[0])):
        budget[0] -= 1
        text += piece
        if len(text) > 2 * _LAYOUT_CELL_CHARS:
            break
    return text


# An empty cell holds a mark trafilatura keeps (it drops a row whose cells are all empty: table
# 四 of a unit with no cases, left blank), taken out of the text after.
_KEEP = "\u200b"
# (an editor's empty cell: <td><p style="…"><span …><br/></span></p></td>)
_EMPTY_CELL = re.compile(
    r"(<t[dh]\b[^<>]{0,300}>)"
    r"(?:\s|&nbsp;|&#160;|<br\b[^<>]{0,100}>|</?(?:p|span|font|o:p|b|strong)\b[^<>]{0,300}>){0,20}"
    r"(</t[dh]>)",
    re.IGNORECASE,
)


def _empty_cells_kept(page: str) -> str:
    return _EMPTY_CELL.sub(rf"\1{_KEEP}\2", page) if "<t" in page or "<T" in page else page


# trafilatura, recovering a page's paragraphs (the path of a page with no article container it
# knows), keeps one of paragraphs of the same text: a 红头 page's issuer atop it (丰林县司法局, in
# red) and its signature under it are one text, and the signature went. A repeated paragraph is
# told apart by marks trafilatura keeps (its nth repeat: n in binary, in invisible digits, then
# _REPEAT_END, so no repeat's text is part of another's), taken out of the text after; but not
# one of three in a row that repeat those before them in order (the article twice in the page,
# for print or a phone): such a copy is still read once.
_REPEAT_DIGITS = (_KEEP, "\u200c")
_REPEAT_END = "\u2060"
_REPEAT_MARKS = str.maketrans(dict.fromkeys((*_REPEAT_DIGITS, _REPEAT_END, _FORM_ROW)))
_PARAGRAPHS = frozenset({"p", "div"})
# what makes a <p> or <div> hold paragraphs rather than be one
_BLOCKS = _PARAGRAPHS | {"table", "ul", "ol", "li", "dl", "blockquote", "pre", "article", "main"}
_CELLS = frozenset({"td", "th"})


def _repeats_kept(page: Any) -> Any:
    """The page (a string or a tree) with each repeat of an earlier paragraph marked, but in a
    copied run; as it is when none is. A paragraph in a table's cell is the table's: tables
    are read whole."""
    tree = _tree(page) if isinstance(page, str) else page
    if tree is None:
        return page
    paragraphs = [
        (p, text) for p in _paragraphs(tree) if (text := " ".join(p.text_content().split()))
    ]
    texts = [text for _, text in paragraphs]
    last: dict[str, int] = {}  # where each text was last
    repeats: dict[str, int] = {}
    for k, (paragraph, text) in enumerate(paragraphs):
        j, last[text] = last.get(text), k
        if j is None or _in_copied_run(texts, k, k - j):
            continue
        repeats[text] = n = repeats.get(text, 0) + 1
        mark = "".join(_REPEAT_DIGITS[digit == "1"] for digit in f"{n:b}") + _REPEAT_END
        if len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + mark
        else:
            paragraph.text = (paragraph.text or "") + mark
    if not repeats:
        return page
    if isinstance(page, str):
        import lxml.html

        return str(lxml.html.tostring(tree, encoding="unicode"))
    return tree


def _in_copied_run(texts: list[str], k: int, back: int) -> bool:
    """Whether paragraph k is one of three in a row that each repeat the one ``back`` before."""
    same = [back <= i < len(texts) and texts[i] == texts[i - back] for i in range(k - 2, k + 3)]
    return any(all(same[start : start + 3]) for start in range(3))


def _paragraphs(tree: Any) -> list[Any]:
    """The <p>s and <div>s holding no block, outside tables, in the page's order: one walk
    (a page of 40,000 nested divs is not looked through once per div)."""
    from lxml import etree

    found: list[Any] = []
    holds_block: list[bool] = []  # for each open element: whether a block is inside it
    cells = 0  # table cells open
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            cells += tag in _CELLS
            holds_block.append(False)
            continue
        inner = holds_block.pop()
        cells -= tag in _CELLS
        if tag in _PARAGRAPHS and not inner and not cells:
            found.append(el)
        if holds_block and (inner or tag in _BLOCKS):
            holds_block[-1] = True
    return found


def _mime_parts(data: bytes) -> list[Any]:
    """The parts of a web archive (MHTML), parsed once."""
    import email
    import email.policy

    return list(email.message_from_bytes(data, policy=email.policy.compat32).walk())


def _mime_html(parts: list[Any]) -> bytes:
    """The HTML part of a web archive (MHTML), decoded from quoted-printable or base64, with its
    charset declared so the page decoder finds it."""
    for part in parts:
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                charset = re.sub(r"[^-\w]", "", part.get_content_charset() or "")
                meta = f'<meta charset="{charset}">'.encode() if charset else b""
                return meta + payload
    raise InputError(
        "a web archive (.mht) with no HTML page in it; save the report as .docx or PDF",
        kind="empty",
    )


def _holds_title(line: str, title: str) -> bool:
    """Whether ``line`` gives the page's title as a line of its own (a date or a source beside
    it at most), not inside a sentence: an opening that names it (现公布《…年度报告》如下。) is
    the body's, and the title would be lost."""
    return title in line and _SENTENCE_MARK.search(line.replace(title, "", 1)) is None


_SENTENCE_MARK = re.compile(r"[。，；！？,;!?]")


def _page_title(page: str) -> str | None:
    """The article heading, if report-like: the h1, else an element a site marks as the title
    (class or id …title… or …biaoti…: div.title, td.biaoti), else an h2, else <title> without the site-name
    suffix. Site templates set the article's title apart, and trafilatura leaves it out."""
    import html

    texts = []
    for tag, m, least in _title_candidates(page):
        end = _closing_tag(tag).search(page, m.end())
        if end is None:
            continue
        text = html.unescape(_TAG.sub("", page[m.end() : end.start()])).strip()
        if _SECTION_HEADING.match(fold_width(text[:20])):
            continue  # <h2>一、总体情况</h2>: the first section's heading, not the page's title
        # …年度报告_江城市市场监督管理局 / …报告-政务公开 / 青禾县人民政府_…报告: the site's and
        # its column's names beside the title, either side of a _, | or -; the part reading as a
        # title is it (helper-216's h02), else the text without what reads as the site's name
        said = [p for p in _TITLE_PARTS.split(text) if p.strip()]
        named = [p for p in said if _REPORT_WORD.search(p) or _LOOKALIKE_TITLE.search(p)]
        if len(said) > 1 and named:
            text = max(named, key=len).strip()
        else:
            text = _SITE_SUFFIX.split(text)[0].strip()
        if least <= len(text) <= 80 and _REPORT_WORD.search(text):
            return text
        texts.append(text)
    # a look-alike's own title (…政府信息公开指南), where nothing reads as a report's: a side
    # menu's 政府信息公开指南 does not outrank the article's title
    return next((t for t in texts if 4 <= len(t) <= 80 and _LOOKALIKE_TITLE.search(t)), None)


_REPORT_WORD = re.compile(r"报告|報告|情况|情況|总结|要点|规则|方案")
# what separates a <title>'s parts (a - between digits is a span of years: 2021-2025年)
_TITLE_PARTS = re.compile(r"\s*[_|｜—–]\s*|\s*(?<!\d)-(?!\d)\s*")
# the site's name after the title (…报告-桐溪市人民政府门户网站, …报告-桐溪市司法局): a portal's, or
# the unit's own, ending its name
_SITE_SUFFIX = re.compile(
    r"\s*[_|｜—-]\s*(?=[^_|｜—-]*(?:(?:政府|网|门户)[^_|｜—-]*|局|委员会|办公室|中心)$)"
)
# a section's numbered heading (一、 （一） 1. 第一部分), as the analysis view folds it
_SECTION_HEADING = re.compile(
    r"\s*(?:第[一二三四五六七八九十]{1,3}(?:部分|章)|[一二三四五六七八九十]{1,3}\s*[、.,:]"
    r"|\(\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*\)|\d{1,2}\s*(?:、|\.(?!\d)))"
)
# ending so (a nav item 通知公告 only holds a kind): the title of a 公文 or a look-alike
_LOOKALIKE_TITLE = re.compile(f".{{8}}(?:{TITLE_KINDS}|{LOOKALIKE_KINDS})$")


# bounded repeats: a tag of a million characters (or of class= repeated) is one short look
_SET_APART_LEAST = 10  # characters: 示例县司法局2025年度…报告, not 工作报告
_SET_APART = re.compile(
    r"<(b|strong|(?:td|p|div)(?=[^<>]{0,200}?\balign\s*=\s*[\"']?center))\b[^<>]{0,200}>",
    re.IGNORECASE,
)
_MARKED_TITLE = re.compile(
    r"<(div|td|p|span|h[2-4])\b[^<>]{0,200}?\b(?:class|id)\s*=\s*[\"']?[^\"'<>]{0,60}?(?:title|biaoti)"
    r"[^<>]{0,200}>",
    re.IGNORECASE,
)
_MAX_MARKED = 20  # elements marked as a title looked at: a page lists others' titles too


def _title_candidates(page: str) -> Iterator[tuple[str, re.Match[str], int]]:
    """(tag, opening tag, the fewest characters a title there has) of each place a title may
    stand, in the order they are tried."""
    if (h1 := _opening_tag("h1").search(page)) is not None:
        yield "h1", h1, 4
    for m in islice(_MARKED_TITLE.finditer(page), _MAX_MARKED):
        yield m.group(1).lower(), m, 4
    for tag in ("h2", "title"):
        if (opening := _opening_tag(tag).search(page)) is not None:
            yield tag, opening, 4
    # an old table-layout site's: the title a bold or centred cell above the content's, no
    # mark of its own, <title> the site's name (the content cell is all trafilatura keeps) —
    # a title's length: a centred cell of the page's facts (主题分类 | 工作报告) is none
    for m in islice(_SET_APART.finditer(page), _MAX_MARKED):
        yield m.group(1).lower(), m, _SET_APART_LEAST


@lru_cache(maxsize=32)
def _opening_tag(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<{tag}\b[^<>]*>", re.IGNORECASE)


# Each closing pattern is found once, from where its opening tag ended: on a page of a hundred
# thousand unclosed tags, each is one pass.
@lru_cache(maxsize=32)
def _closing_tag(tag: str) -> re.Pattern[str]:
    return re.compile(rf"</{tag}\s*>", re.IGNORECASE)


# A byte order mark says what a page is in, whatever its <meta> says, as browsers read it
# (UTF-32 LE's mark starts with UTF-16 LE's).
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
_SAMPLE = 20_000  # characters looked at for Chinese


def _decode_page(data: bytes) -> tuple[str, str]:
    """The page's text and encoding: by its byte order mark, else the charset it declares,
    else detected. A declared charset that reads no Chinese where UTF-8 or GB18030 does
    (iso-8859-1 on a UTF-8 page, as a template copied from elsewhere declares) is wrong."""
    if data.startswith(_BOMS):
        return decode(data)
    name = _declared_charset(data)
    if name is None:
        return decode(data)
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return decode(data)
    if cjk_count(text[:_SAMPLE]) == 0 and (chinese := _read_as_chinese(data)) is not None:
        return chinese
    return text, name


def _declared_charset(data: bytes) -> str | None:
    """The charset the page's <meta> declares, as a codec name, if one a page can be in.
    UTF-16 or UTF-32 declared in a tag these bytes spell in ASCII is not what they are in:
    browsers read such a page as UTF-8, and so does this."""
    declared = _META_CHARSET.search(data[:4096])
    if declared is None:
        return None
    name = declared.group(1).decode("ascii").lower()
    name = "gb18030" if name in {"gb2312", "gbk", "gb_2312-80", "x-gbk"} else name
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return name if _page_charset(codec) else None


def _read_as_chinese(data: bytes) -> tuple[str, str] | None:
    """The page as the detector reads it (UTF-8, GB18030, Big5…), when that is Chinese."""
    try:
        text, name = decode(data)
    except InputError:
        return None
    return (text, name) if cjk_count(text[:_SAMPLE]) else None


_PAGE_CHARSETS = {"utf-8", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "big5", "big5hkscs"}
_PAGE_CHARSETS |= {"cp950", "ascii", "latin-1", "euc_jp", "shift_jis", "euc_kr", "utf-8-sig"}


def _page_charset(codec: str) -> bool:
    """Whether ``codec`` (a codec's own name) is a web page's character set, decoded in one
    pass: not punycode, idna or a compression codec a page could declare (punycode took
    minutes on a page)."""
    return codec in _PAGE_CHARSETS or codec.startswith(("iso8859", "cp125", "mac-", "koi8"))


def _published(page: str, shown: str) -> dt.date | None:
    """The page's publication date: its meta tag's, a WeChat post's, else the one its words
    (``shown``: :func:`_shown_text`) state."""
    meta = _META_DATE.search(page)
    if meta:
        return make_date(*meta.groups())
    if (posted := _wechat_posted(page)) is not None:
        return posted
    return find_published(shown, head_chars=len(shown), folded=True)


def _shown_text(page: str) -> str:
    """The page's words as shown, folded, white space run together, each table cell's end a
    border (<th>发布日期</th><td>2026-04-03</td>: the key and its date in cells of their own,
    no colon between them, as a disclosure page's metadata table has it)."""
    cells = _CELL_END_TAG.sub(" | ", _without_hidden(page))
    return re.sub(r"\s+", " ", fold_width(_TAG.sub(" ", cells)))


_CELL_END_TAG = re.compile(r"</t[dh]\s*>", re.IGNORECASE)


def _without_hidden(page: str) -> str:
    """The page without its <script> and <style> blocks (an unclosed one runs to the end)."""
    out, pos = [], 0
    while (m := _HIDDEN.search(page, pos)) is not None:
        out.append(page[pos : m.start()])
        end = _closing_tag(m.group(1).lower()).search(page, m.end())
        if end is None:
            return "".join(out)
        pos = end.end()
    out.append(page[pos:])
    return "".join(out)


# A WeChat article states when it was posted in <em id="publish_time"> (post-date on older
# pages), with no 发布时间 before it: a page saved from the browser has the date there; one
# fetched as served has it empty, for the page's script to fill from var publish_time =
# "2026-03-02" or var ct = "1772447400" (the Unix time it was posted). The scripts are looked at
# only on such a page: another site's var ct may count anything.
_POSTED_ELEMENT = re.compile(r"\bid\s*=\s*[\"']?(?:publish_time|post-date)[\"'\s/>]", re.IGNORECASE)
_POSTED_SHOWN_MAX = 100  # characters of the element's text looked at
_POSTED_VAR = re.compile(r"\bvar\s+(?:publish_time|createTime)\s*=\s*[\"']([^\"'<>]{6,40})[\"']")
_POSTED_SECONDS = re.compile(r"\bvar\s+ct\s*=\s*[\"'](\d{9,10})[\"']")


def _wechat_posted(page: str) -> dt.date | None:
    """The date a WeChat article was posted: as its publish_time element shows it, else as the
    page's script sets it."""
    element = _POSTED_ELEMENT.search(page)
    if element is None:
        return None
    tag_end = page.find(">", element.start())
    if tag_end >= 0:
        shown = page[tag_end + 1 : tag_end + 1 + _POSTED_SHOWN_MAX].split("<", 1)[0]
        if (date := parse_date(fold_width(shown))) is not None:
            return date
    set_to = _POSTED_VAR.search(page)
    if set_to is not None and (date := parse_date(fold_width(set_to.group(1)))) is not None:
        return date
    seconds = _POSTED_SECONDS.search(page)
    return date_of_seconds(int(seconds.group(1))) if seconds is not None else None
