"""Document facts: title, addressee, issuer, signing date, report year, and where the body is.

Real submissions are often captured from web pages: the title may be missing or buried in page
debris (breadcrumbs, site names, 文号 lines, metadata cells), and a date near the top is the
page's or the header's date, not the signature. Each fact is taken only from a line that reads
as that fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, pairwise
from typing import Literal

from fzcheck.analysis.outline import REST_MAX, UNFINISHED, badge_headings, match_heading
from fzcheck.document import PICTURE, Document
from fzcheck.fast_patterns import fast
from fzcheck.reading.chrome import (
    LOOKALIKE_KIND_WORDS,
    LOOKALIKE_KINDS,
    TITLE_CELL,
    TITLE_KIND_WORDS,
    TITLE_KINDS,
    is_chrome,
)
from fzcheck.reading.dates import (
    CN_DATE,
    CN_MONTH,
    DATE,
    MONTH,
    find_published,
    parse_date,
    parse_month,
)
from fzcheck.reading.numerals import ARABIC_YEAR, YEAR, cn_number, title_year, year_value

YearSource = Literal["title", "body", "plan", "signed"]

# A line that reads as a title: it ends with a document's kind (…的报告, …（2023年度）; a document
# of another kind is titled too — …的反馈意见, …的材料, …上的讲话 — so that the genre check can
# read what it is), or it names a report type's subject followed by a report word (the rubric's
# ``title_subject``: 2025年法治政府建设工作情况 has no kind at its end).
_NOTE_AFTER = r"(?:\s*\([^()]{1,20}\))?$"
_SUBJECT_TITLE = (
    r"(?:{}).{{0,30}}(?:报告|情况|总结(?!会)|要点|安排|计划|规则|方案)"  # 总结会: a meeting
)


# A look-alike's title names whose it is (示例县人民政府办公室…指南, 青山县2025年…工作总结): a
# site's nav line (办事指南, 政府信息公开指南) holds only the kind and a few words
_LOOKALIKE_TITLE = rf".{{8}}(?:{LOOKALIKE_KINDS}){_NOTE_AFTER}"
_KINDS = (*TITLE_KIND_WORDS, *LOOKALIKE_KIND_WORDS)


def _ends_in(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` ends in one of ``words``, as a pattern of them ending in $ would say (a
    final newline let by): a string test, where the pattern is tried from every character."""
    return text.endswith(words) or (text.endswith("\n") and text[:-1].endswith(words))


@lru_cache(maxsize=16)
def title_pattern(subject: str | None) -> re.Pattern[str]:
    """What reads as a title, for a report type whose titles name ``subject`` (None: any type)."""
    ending = f"(?:{TITLE_KINDS}){_NOTE_AFTER}|{_LOOKALIKE_TITLE}"
    return re.compile(f"{_SUBJECT_TITLE.format(subject)}|{ending}" if subject else ending)


_ADDRESSEE = re.compile(r"^[^。,]{2,40}(?:委|政府|办|局|院|会|部|厅|处)[^。,]{0,10}:$")
# A short note in brackets may follow the date on its line: 2026年2月10日(此件公开发布).
# (each run of spaces read by one \s* only: two side by side, an optional between them, split
# a line's long run every way — 200,000 spaces took minutes)
_NOTE_END = r"(?:\([^()]{1,16}\)\s*)?$"
# A signature may give the month alone (2026年2月): the date's line all the same, its day unknown.
_SIGNED = f"{DATE.pattern}|{CN_DATE.pattern}|{MONTH.pattern}|{CN_MONTH.pattern}"
_DAY_MARK = r"(?:[日号]\s*)?"  # 2026年2月10日, or as said aloud, 2026年2月10号
_DATE_ONLY = re.compile(rf"^\s*(?:[(]\s*)?(?:{_SIGNED})\s*{_DAY_MARK}(?:[)]\s*)?{_NOTE_END}")
# The issuer and the date on one line, spaced apart or run together (示例县司法局2026年2月10日:
# the signature block's two lines joined by a crawler or a paste)
_ISSUER_DATE = re.compile(rf"^\s*(?P<issuer>\S.{{1,38}}?)\s*(?:{_SIGNED})\s*{_DAY_MARK}{_NOTE_END}")
_ENDS_DATED = re.compile(rf"(?:{_SIGNED})\s*{_DAY_MARK}$")
# the title's year in brackets on the line under it (…年度报告 / （2025年度）)
_YEAR_NOTE = re.compile(rf"^\(\s*{YEAR.pattern}度?\s*\)$")  # YEAR ends in 年
_ORPHAN_MAX = 10  # characters of a title's last words a wrap may leave alone on the next line
_ORPHAN_KINDS = (*TITLE_KIND_WORDS, "总结")  # not 目录: a contents page's heading
_IN_CELLS = re.compile(r"[|\t]")  # a row of table cells
_TITLE_ISSUER = re.compile(rf"^(.{{2,40}}?)(?:关于|(?={YEAR.pattern}))")
# The spaces a title is set with (法 治 政 府 建 设, 示例县人民政府 关于…): no word of a Chinese
# title needs one, so they are read without them; only Latin words keep theirs.
_TITLE_GAP = re.compile(r"(?<![A-Za-zＡ-Ｚａ-ｚ])\s+(?![A-Za-zＡ-Ｚａ-ｚ])")
_SENTENCE = re.compile(r"[。;!?]")
_NO_WORD = re.compile(r"^\W*$")
# A title is one phrase: a line with a sentence's or a clause's stop is the body's first sentence
# (2025年，我县法治政府建设工作…情况报告如下) of a report that has no title.
_CLAUSE_STOP = re.compile(r"[。,，;；]")
# The title is among the first lines: after a red header (its office, 文号, ★) and a captured
# page's debris (site name, dateline) at most.
_HEAD_LINES = 9
_SEAL_NOTE = re.compile(r"^\(\s*(?:盖章|印章|公章|签章|章)\s*\)$")  # analysis view: （） folded
# Debris a captured title carries in front of it: a 文号 (某政发〔2024〕3号), an icon's alt text.
_TITLE_PREFIX = re.compile(
    r"^\s*(?:(?:icon|ico|img|pdf|doc|new|top|置顶)(?![A-Za-z])\s*|"
    r"\S{1,16}[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*\d{1,4}\s*号\s*)+",
    re.IGNORECASE,
)
# A red-header document's first line: the issuing office and 文件 (示例县人民政府文件).
_RED_HEADER = re.compile(r"^\s*\S{2,30}\s*文件\s*$")  # 示例县卫生健康局 文件 too
_WENHAO_ONLY = re.compile(r"^\s*\S{1,16}[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*\d{1,4}\s*号\s*$")
# A cover letter sending the report (关于报送…报告的函): the report is its attachment.
_COVER_LETTER = re.compile(r"报送.{0,60}的?函$")
_MARKDOWN_TITLE = re.compile(r"\s*#{1,6}\s")


def _unmarked(line: str) -> str:
    """``line`` without the # that makes it a Markdown heading."""
    md = _MARKDOWN_TITLE.match(line)
    return line[md.end() :] if md else line


_CELL_END = re.compile(r"\s*[|｜]")
# a form's own label for the date it was filled in (填报日期 | 2024年1月25日): its signing date
_FORM_DATE_LABEL = re.compile(r"^(?:填报|填表|报送|报告)(?:日期|时间)\s*:?\s*")
_RANGE_BEFORE = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–~～至到]\s*$")
_RANGE_AFTER = re.compile(r"\s*[-—–~～至到]\s*(?:19|20)\d{2}")
# A 公文's urgency or secrecy mark on its own line (特急, 秘密★1年): above the title, not of it.
_URGENCY = re.compile(r"^\s*(?:特急|加急|特提|平急|急件|绝密|机密|秘密)(?:\s*★\s*\S{0,10})?\s*$")
# An attachment's label (附件, 附件1, 附件二：, 附表3): alone above its title (the document's, not
# the title's), or naming it (附件：…的报告); a table's (附表) only after a signature.
_LABEL = r"^\s*{}\s*[\d一二三四五六七八九十]{{0,3}}\s*"
_ATTACHMENT_LABEL = re.compile(_LABEL.format("附件") + r"[:：]?\s*$")
_ATTACHMENT = re.compile(_LABEL.format("附件") + r"(?:[:：]|$)")
_APPENDIX_LABEL = re.compile(_LABEL.format("(?:附件|附表)") + r"(?:[:：]|$)")
_APPENDIX_LABEL_ALONE = re.compile(_LABEL.format("(?:附件|附表)") + r"[:：]?\s*$")
_LISTED_ATTACHMENT = re.compile(r"^\s*\d{1,2}\s*[.、]\s*\S.{0,60}$")
_MAX_LISTED = 12  # lines a list of attachments takes, blank ones included
_BREADCRUMB = re.compile(
    r"当前位置|您的位置|您现在的位置|所在位置|首页\s*[>›»/]|[>›»]\s*\S+\s*[>›»]"
)
_SITE_NAMES = (
    "门户网站",
    "政府网",
    "网站",
    "政务网",
    "官网",
    "官方网站",
    "信息公开平台",
    "公开平台",
)
# An organisation's name ends with what it is (局, 政府, 委员会…).
# a unit's second name after its first, in brackets (…管理局（…知识产权局）), as it signs
_ALIAS = re.compile(r"\s*[(（][^()（）]{2,30}[)）]\s*$")
_ORG = re.compile(
    r"(?:局|委员会|委|政府|办公室|室|办|院|会|部|厅|处|中心|所|队|站|司|署|街道|"
    r"办事处|镇|乡|党组|馆|社|公司|片区|区|县|市|州|盟|旗|省|学|学校|场)$"
)
# A year a sentence states as its subject: not part of a date, a range or 以来 (since). The
# second pattern reads Arabic years only: as exact on a text with no 〇○零九 or O, and no 一0 or
# 二0 (one of which every year in Chinese numerals holds), and not tried at every 一 and 二 of it.
_NOT_STATED = (
    r"(?!\s*(?:以来|来|至|到|-|—|~|"
    r"\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月|[〇○零一二三四五六七八九]))"
)
_AFTER = r"(?<![\d\-~—至到〇○零一二三四五六七八九])"
# fast: each opens with a look-behind, which the engine cannot skip to (tried at every character)
_STATED_YEAR = fast(rf"{_AFTER}{YEAR.pattern}{_NOT_STATED}")
_STATED_ARABIC_YEAR = fast(rf"{_AFTER}{ARABIC_YEAR.pattern}{_NOT_STATED}")
_CITED = re.compile(r"《[^》]{0,80}》")
_PLAN_WORDS = re.compile(r"计划|安排|打算|思路|要点|设想|展望|下一步|下一年|明年")
# a year a figure is compared against (较2024年增长18%, 与2024年相比, 与2024年同期持平)
# (not 参与2025年度…, 2025年比较圆满地…, 同2025年工作要点相衔接)
_COMPARED_WITH = re.compile(r"(?:较|比|(?<!参)与|对比)\s*$")
_COMPARED = re.compile(r"\s*度?\s*(?:相比|同期)")
# a figure's year in a change (由2021年的82.3%提高到2025年的99.4%, 从2024年的12件降至5件)
_CHANGE_FROM = re.compile(r"(?:由|从|到|至)\s*$")
_CHANGE_OF = re.compile(r"\s*度?\s*的")


@dataclass(slots=True)
class Facts:
    title: str | None  # as written
    title_analysis: str | None  # Simplified, folded: what cues match against
    title_line: int | None
    addressee_line: int | None
    addressee: str | None
    issuer: str | None
    signed_on: dt.date | None
    report_year: int | None
    body_start: int
    body_end: int
    report_year_source: YearSource | None = None
    # where an attachment after the signature starts (附件：…统计表, then its tables): part of
    # the submission, not of the report's body
    appendix_start: int | None = None
    # (year, month) of the signing: known when the day is not (a signature of 2026年2月)
    signed_month: tuple[int, int] | None = None
    # whose report it is (_whose_report): the unit the title names, else the signer
    unit: str | None = None
    printed_on: dt.date | None = None  # the 版记's 印发 date (_printed_on)
    # where a second report starts (two units' reports in one file: its title below the first's
    # signature), and its title: the first is the one read
    second_report: tuple[int, str] | None = None
    # with no title found, the line at the top a look-alike is known by (a news story's headline,
    # 示例市法治政府建设再上新台阶: no kind of report named, so no report's title)
    headline: str | None = None


def read_facts(doc: Document, title_subject: str | None = None) -> Facts:
    """The document's title, addressee, issuer, signing date, year and body; ``title_subject``
    is the report type's (its rubric's ``report_genre.title_subject``)."""
    titles = title_pattern(title_subject)
    lines = doc.analysis
    # a row of empty cells (|  |  |: a 红头 layout's spacer) is no line of text either
    # nor a picture's place (a 红头 as an image, a table pasted as one)
    nonblank = [
        i
        for i, line in enumerate(lines)
        if line.strip(" |\t") and line != PICTURE and not is_chrome(line)
    ]
    first_heading = next((i for i in nonblank if match_heading(lines[i])), len(lines))
    # (or a post's first badged section: 01年度工作成效 is no title's line, nor the opening's)
    badged = badge_headings(lines, 0, first_heading - 1)
    first_heading = badged[0][2] if badged else first_heading
    title_span = _find_title(lines, nonblank, first_heading, titles)
    if title_span is not None and _COVER_LETTER.search(_unspaced(lines[title_span[1]])):
        title_span = (
            _enclosed_title(lines, nonblank, title_span[1], first_heading, titles) or title_span
        )
    title_line = title_span[0] if title_span else None
    again = _title_again(lines, nonblank, title_span)
    for shown in (title_line, again):
        if shown is not None and shown == first_heading:
            first_heading = next(
                (i for i in nonblank if i > shown and match_heading(lines[i])), len(lines)
            )
    after_title = islice((i for i in nonblank if title_span is None or i > title_span[1]), 8)
    addressee = next(
        (i for i in after_title if i < first_heading and _ADDRESSEE.match(lines[i].strip())), None
    )
    title_end = title_span[1] if title_span else None
    body_start = max((x for x in (title_end, addressee, again) if x is not None), default=-1) + 1
    # (after a report's own title: a notice's or a cover letter's date above the report it
    # carries is no report's end)
    first_title = (
        _unspaced("".join(lines[k].strip() for k in range(title_span[0], title_span[1] + 1)))
        if title_span is not None
        else ""
    )
    second = (
        _second_report(lines, nonblank, max(first_heading, title_span[1]), titles, first_title)
        if title_span is not None and _REPORT_TITLE_END.search(first_title)
        else None
    )
    if second is not None:
        nonblank = [i for i in nonblank if i < second[0]]  # the first report's lines
    appendix = _appendix_start(lines, nonblank, first_heading, titles)
    before = nonblank if appendix is None else [i for i in nonblank if i < appendix]
    sign_line, issuer_line, signed, issuer_inline = _find_signature(
        lines, _without_footnotes(lines, before), first_heading, body_start, titles, doc.ocr
    )
    body_end = _without_attachment_list(lines, _body_end(before, sign_line, issuer_line))
    # (the 版记 closes the whole document, below any attachment: GB/T 9704; above one, read
    # too, where the attachment was set after it)
    printed = _printed_on(lines, nonblank, sign_line)
    if printed is None and appendix is not None:
        printed = _printed_on(lines, before, sign_line)
    if signed is None and title_span is not None:
        signed = _delivered_on(lines, nonblank, title_span[1], doc.published_on is None)
    if signed is None:
        signed = _cover_signed(lines, nonblank, first_heading)
    if signed is None:
        signed = _made_on(lines, body_start)
    title: str | None = None
    title_analysis: str | None = None
    if title_span is not None:
        first, last, start = title_span
        # (a Markdown title's # on each of its lines: # 青山县交通运输局 / # 关于…)
        title = "".join(
            _unmarked(doc.quote(i, start if i == first else 0)) for i in range(first, last + 1)
        )
        # a title in a table's cell (a site's layout) ends where its cell does: | 名称： |
        # …报告 | 文号： | |
        title = _CELL_END.split(title.lstrip("# "), maxsplit=1)[0].rstrip()
        title_analysis = _CELL_END.split(
            _unspaced(
                "".join(
                    _unmarked(lines[i][start if i == first else 0 :]).strip()
                    for i in range(first, last + 1)
                )
            ).lstrip("# "),
            maxsplit=1,
        )[0]
        closing = dict(_WRAPPING).get(lines[first][start - 1]) if start else None
        if closing and title.endswith(closing) and title_analysis.endswith(closing):
            title, title_analysis = title[:-1].rstrip(), title_analysis[:-1]  # 《…报告》
    else:
        cell = _title_cell(lines, first_heading, titles)
        if cell is not None:
            title = doc.quote(*cell)
            title_analysis = _unspaced(lines[cell[0]][cell[1] : cell[2]].strip())
    issuer = issuer_inline or (doc.quote(issuer_line) if issuer_line is not None else None)
    if issuer is not None:
        # 示例县市场监督管理局（示例县知识产权局）: the unit, its second name set apart
        issuer = _ALIAS.sub("", _joint(_cells(issuer))) or None
    if issuer is None:
        issuer = _form_unit(doc, nonblank, first_heading)
    if issuer is None and title_span is not None:
        issuer = _delivered_by(doc, nonblank, title_span[1])
    title_unit = _title_unit(title, title_analysis)
    if doc.ocr and issuer is not None and title_unit is not None and _seal_worn(issuer, title_unit):
        issuer = title_unit
    unit = _whose_report(title_unit, issuer)
    issuer = issuer or title_unit
    month = (
        (signed.year, signed.month)
        if signed is not None
        else parse_month(_cells(lines[sign_line]))
        if sign_line is not None
        else None
    )
    by_signing = year_from_signing(*month) if month is not None else None
    year, source = _report_year(
        lines, nonblank, title_analysis, body_start, first_heading, by_signing
    )
    if year is None and by_signing is not None:
        year, source = by_signing, "signed"
    return Facts(
        title=title,
        title_analysis=title_analysis,
        title_line=title_line,
        addressee_line=addressee,
        addressee=doc.quote(addressee).rstrip(":：") if addressee is not None else None,
        issuer=issuer,
        unit=unit,
        printed_on=printed,
        signed_on=signed,
        report_year=year,
        body_start=body_start,
        body_end=body_end,
        report_year_source=source,
        appendix_start=appendix,
        signed_month=month,
        second_report=(second[0], doc.quote(second[0], second[1])) if second else None,
        headline=None if title is not None else _headline(doc, nonblank, first_heading, titles),
    )


def year_from_signing(year: int, month: int) -> int | None:
    """The year a report signed in ``month`` of ``year`` reports on: signed in the first half of
    Y it reports on Y-1 (reports are due in the first quarter; late ones come later), in November
    or December on Y (year-end reports); from July to October it cannot be told."""
    if month <= 6:
        return year - 1
    if month >= 11:
        return year
    return None


def clean_title(text: str, titles: re.Pattern[str]) -> tuple[int, int] | None:
    """(start, end) of the title inside a line that reads as one, without its debris; None when
    the line is a breadcrumb, a site name, a 文号 or an attachment's label alone (附件1), a
    page's dateline (发布时间：…, …2026-02-05 15:38 来源：…) or a table row with no title
    cell."""
    if "|" in text or "｜" in text:  # a table row: the cell that reads as a title
        offset = 0
        for cell in re.split(r"[|｜]", text):
            span = clean_title(cell, titles)
            if span is not None and titles.search(cell[span[0] : span[1]]):
                return offset + span[0], offset + span[1]
            offset += len(cell) + 1
        return None
    if (
        _BREADCRUMB.search(text)
        or _WENHAO_ONLY.match(text)
        or _ATTACHMENT_LABEL.match(text)
        or _RED_HEADER.match(text)
        or _URGENCY.match(text)
    ):
        return None
    if find_published(text, len(text)) is not None:
        return None
    start = len(text) - len(text.lstrip())
    m = _TITLE_PREFIX.match(text)
    if m:
        start = m.end()
    end = len(text.rstrip())
    core = text[start:end]
    if not core or _ends_in(core, _SITE_NAMES) or len(core) > 80 or _CLAUSE_STOP.search(core):
        return None
    if _NO_WORD.match(core) or core.endswith(":"):  # a mark (★, the 公文 separator's) or
        return None  # a line that leads into what follows (现将…报告如下：) is no title
    for opening, closing in _WRAPPING:  # 《…报告》, “…报告”: marks round the whole title
        if core[0] == opening and core[-1] == closing and closing not in core[1:-1]:
            return start + 1, end - 1
    return start, end


_WRAPPING = (("《", "》"), ("“", "”"), ('"', '"'), ("「", "」"), ("【", "】"))


def _find_title(
    lines: list[str], nonblank: list[int], first_heading: int, titles: re.Pattern[str]
) -> tuple[int, int, int] | None:
    """(first line, last line, start column) of the title; a title broken over two lines (PDF,
    docx) is joined, and the issuer's name on the line above a 关于… title joins it (青山县人民政府
    / 关于2024年度法治政府建设 / 工作情况的报告: a 公文's title set over three lines)."""
    found = _title_lines(lines, nonblank, first_heading, titles)
    if found is None:
        return None
    first, last, start = found
    at = nonblank.index(first)
    above = nonblank[at - 1] if at else None
    # 青山县人民政府 / 关于2024年度…, or 中共某县委依法治县办关于 / 2024年度… (关于 ends the line)
    if above is not None and (
        _unmarked(lines[first][start:]).lstrip().startswith("关于")
        or lines[above].rstrip().endswith("关于")
    ):
        name = _unmarked(lines[above]).strip().removesuffix("关于")
        if (
            _next_to(lines, nonblank, above, first)
            and len(name) <= 30
            and _ORG.search(name)
            and clean_title(lines[above], titles) is not None
        ):
            return above, last, len(lines[above]) - len(lines[above].lstrip())
    return found


def _title_lines(
    lines: list[str], nonblank: list[int], first_heading: int, titles: re.Pattern[str]
) -> tuple[int, int, int] | None:
    head = nonblank[:_HEAD_LINES]
    marked_so_far = True  # every line before this one is a Markdown heading
    for pos, i in enumerate(head):
        text = lines[i]
        md = _MARKDOWN_TITLE.match(text)
        # a # or ## title: the first heading, or a line after the # lines that open the text (#
        # 青山县交通运输局, then # 关于2025年度…的报告 or the title unmarked)
        opening = pos > 0 and marked_so_far
        marked_so_far = marked_so_far and md is not None
        if opening and match_heading(_unmarked(text)):
            break  # a numbered section's heading (## 一、…) ends the opening: no title
        if md and (i == first_heading or opening):
            text = " " * md.end() + text[md.end() :]
        elif i >= first_heading and not opening:
            break
        span = clean_title(text, titles)
        if span is None:
            continue
        core = _unspaced(text[span[0] : span[1]])
        nxt = head[pos + 1] if pos + 1 < len(head) else None
        if titles.search(core):
            # broken mid-phrase (…推进法治政府建设工作情况的 / 报告): the rest is on the next line;
            # so is a word's last characters a wrap left alone there (…工作情况报 / 告)
            if nxt is not None and nxt < first_heading and _next_to(lines, nonblank, i, nxt):
                rest = _unspaced(lines[nxt].strip())
                if (
                    (core.endswith(UNFINISHED) and len(rest) <= REST_MAX and "。" not in rest)
                    or (
                        len(rest) <= _ORPHAN_MAX
                        and not _ends_in(core, _KINDS)
                        and _ends_in(core + rest, _ORPHAN_KINDS)
                    )
                    or _YEAR_NOTE.match(rest)
                ):
                    return i, nxt, span[0]
            return i, i, span[0]
        if nxt is not None and nxt < first_heading and _next_to(lines, nonblank, i, nxt):
            below = _unspaced(lines[nxt].strip())
            if _ends_in(core, _KINDS) or core in below or _banner_over(core, below, titles):
                continue  # a nav line naming a kind (办事指南), a site's logo repeating the unit
            if _DATE_ONLY.match(text):
                continue  # a date above it (a cover letter's, signing the letter): no title's
            joined = core + below
            if (
                len(joined) <= 80
                and "。" not in joined
                and titles.search(joined)
                and (joined.endswith("情况") or _ends_in(joined, _KINDS))
            ):
                return i, nxt, span[0]
    return None


def _headline(
    doc: Document, nonblank: list[int], first_heading: int, titles: re.Pattern[str]
) -> str | None:
    """The headline over a text with no report's title: the last line at the top, above its
    first clause and its first heading, that reads as a title would (no breadcrumb, dateline
    or field: :func:`clean_title`) and holds a phrase of words (not a byline, 记者 李某, nor a
    rule or a Latin line) — not a unit's name alone (a banner's, a signature's)."""
    lines = doc.analysis
    found = None
    for i in nonblank[:_HEAD_LINES]:
        if i >= first_heading or _CLAUSE_STOP.search(lines[i]):
            break  # the text has begun
        if lines[i].lstrip().startswith(_SUBTITLE_DASHES):
            continue  # ——…纪实: the subtitle under the headline, not the headline
        span = clean_title(lines[i], titles)
        if span is not None and _headline_shaped(lines[i][span[0] : span[1]]):
            found = (i, *span)
    return doc.quote(*found) if found is not None else None


_PHRASE = re.compile(r"[\u4e00-\u9fff]{6}")  # six words' characters running on
_SUBTITLE_DASHES = ("—", "－", "-", "–")
# a byline: who wrote or shot it (清溪日报记者 陈某 通讯员 周某, 摄影：李某), not what it tells
_BYLINE = re.compile(r"(?:记者|通讯员|编辑|责编|摄影|撰稿|供稿|作者)(?:\s|[:：]|$)")
_HEADLINE_MAX = 40


def _headline_shaped(core: str) -> bool:
    """Whether ``core`` may be a headline: a phrase of words, short, no field (来源：…), no date
    alone and no unit's name alone (示例县人民政府办公室; a headline ending so, …开创新格局, is
    lost: no title, as before, rather than a unit's name for one)."""
    return (
        len(core) <= _HEADLINE_MAX
        and _PHRASE.search(core) is not None
        and ":" not in core
        and _DATE_ONLY.match(core) is None
        and _UNIT_FIRST.fullmatch(core) is None
        and _GOVERNMENT.search(core) is None
        and _BYLINE.search(core) is None
    )


# A government's site names it in its banner (示例县人民政府; a portal's name is no title)
_GOVERNMENT = re.compile(r"政府$")
# a title opening with a unit's own name, before its year or 关于 (示例县交通运输局2025年…)
_UNIT_FIRST = re.compile(
    r"[^\d０-９年关，,。:：]{2,24}?(?:局|委员会|委|办公室|办|院|中心|所|队|站|署|办事处|镇|乡|街道)"
)


def _banner_over(core: str, below: str, titles: re.Pattern[str]) -> bool:
    """Whether ``core`` is a site's name over a unit's whole title (示例县人民政府 / 示例县交通
    运输局2025年度…报告): the page's banner, not the title's first words. The issuer's name
    over the rest of its title (示例县人民政府 / 2025年度…报告, or / 关于…) is its first line."""
    return (
        len(core) <= 20
        and _GOVERNMENT.search(core) is not None
        and _UNIT_FIRST.match(below) is not None
        and titles.search(below) is not None
    )


def _enclosed_title(
    lines: list[str],
    nonblank: list[int],
    letter: int,
    first_heading: int,
    titles: re.Pattern[str],
) -> tuple[int, int, int] | None:
    """The title of the report a cover letter sends, under its 附件 label below the letter, or
    below the letter's own date (the report set right after the signed letter)."""
    below = [i for i in nonblank if letter < i < first_heading]
    for pos, i in enumerate(below):
        # 附件 alone on its line, or 附件：…报告 naming it: the report's own title is below
        if _ATTACHMENT.match(lines[i]) or _DATE_ONLY.match(lines[i]):
            found = _find_title(lines, below[pos + 1 :], first_heading, titles)
            if found is not None:
                return found
    return None


def _title_again(
    lines: list[str], nonblank: list[int], span: tuple[int, int, int] | None
) -> int | None:
    """The line right below the title that is the title again (a Markdown file's front matter
    title, then its # heading; a cover page's title, then the first page's): no heading of the
    body, and the opening is below it."""
    if span is None:
        return None
    first, last, start = span
    below = next((i for i in nonblank if i > last), None)
    if below is None:
        return None
    title = "".join(lines[i][start if i == first else 0 :].strip() for i in range(first, last + 1))
    same = _unspaced(lines[below].strip()).lstrip("# ") == _unspaced(title).lstrip("# ")
    return below if same else None


def _unspaced(title: str) -> str:
    # most titles have no white space: a scan for it costs less than the gap pattern's, which
    # opens with a look-behind and is tried at every character
    return _TITLE_GAP.sub("", title) if _SPACE.search(title) else title


_SPACE = re.compile(r"\s")


def _next_to(lines: list[str], nonblank: list[int], line: int, other: int) -> bool:
    """Whether ``other`` is the line right after ``line``: the next one, or in a double-spaced
    text (a page copied out, a .docx saved as text: a blank line after most lines) the one after
    a blank line."""
    if other == line + 1:
        return True
    if other != line + 2 or lines[line + 1].strip():
        return False
    return _double_spaced(lines, nonblank)


def _double_spaced(lines: list[str], nonblank: list[int]) -> bool:
    """Whether more than half the gaps between non-blank lines (four at least) are one blank
    line. Counted only until that is settled either way: a long text decides in its first half."""
    pairs = len(nonblank) - 1
    if pairs < 4:
        return False
    need = pairs // 2 + 1  # more than half
    spaced = 0
    for n, (a, b) in enumerate(pairwise(nonblank)):
        if b - a == 2 and not lines[a + 1].strip():
            spaced += 1
            if spaced == need:
                return True
        elif n + 1 - spaced > pairs - need:
            return False  # too many other gaps: the rest cannot make up for them
    return False


def _title_cell(
    lines: list[str], first_heading: int, titles: re.Pattern[str]
) -> tuple[int, int, int] | None:
    """(line, start, end) of an archive's or portal's 标题: cell above the body, when no line
    reads as the title."""
    for i, line in enumerate(lines[: min(first_heading, 40)]):
        m = TITLE_CELL.match(line)
        span = clean_title(line[m.end() :], titles) if m else None
        if m and span is not None:
            start, end = m.end() + span[0], m.end() + span[1]
            if titles.search(line[start:end]):
                return i, start, end
    return None


def _find_signature(
    lines: list[str],
    nonblank: list[int],
    first_heading: int,
    body_start: int,
    titles: re.Pattern[str],
    scanned: bool = False,
) -> tuple[int | None, int | None, dt.date | None, str | None]:
    """The signing date among the last lines, and the issuer line just above it.

    A date counts only after the body: below the first heading, and with no paragraph after it.
    A date near the top (under the title, in the header) is the page's or the header's date.
    In a ``scanned`` text a character or two of the seal stamped over the date may stand beside
    it (2026年2月12日政): they are passed over.
    """
    tail = nonblank[-8:]
    for pos in range(len(tail) - 1, -1, -1):
        i = tail[pos]
        if (
            i < body_start
            or (first_heading < len(lines) and i <= first_heading)
            or i in nonblank[:3]
            or _text_follows(lines, nonblank, i)
        ):
            break
        text = _FORM_DATE_LABEL.sub("", _cells(lines[i]))
        if _IN_CELLS.search(lines[i]) and parse_date(text) is None:
            continue  # a month in a table's row (| 培训 | 交通运输局 | 2026年9月 |): no signature
        text = _with_date_rest(text, lines, tail[pos + 1 : pos + 2])
        if scanned:
            text = _SEAL_DEBRIS.sub("", text)
        if _DATE_ONLY.match(text):
            if parse_date(text) is None and not _lone_date(lines, tail, i):
                continue  # a month in a table's column (| 2026年6月 / | 2026年9月)
            issuer_line = None
            above = pos - 1
            if above > 0 and _SEAL_NOTE.match(_cells(lines[tail[above]])):
                above -= 1  # （盖章） between the issuer and the date
            if above >= 0 and _is_issuer(_cells(lines[tail[above]]), titles):
                issuer_line = tail[above]
                # two issuers signing together, a line each (中共某县委 / 某县人民政府)
                if above >= 1 and tail[above] - tail[above - 1] <= 2:
                    upper = _cells(lines[tail[above - 1]])
                    lower = _cells(lines[issuer_line])
                    if scanned and lower in upper:
                        issuer_line = tail[above - 1]  # (the line under it a seal's piece)
                    elif (
                        _is_issuer(upper, titles)
                        and tail[above - 1] > first_heading
                        and not (scanned and upper in lower)  # a seal's rim over the name
                    ):
                        joint = f"{upper}、{lower}"
                        return i, tail[above - 1], parse_date(text), joint
            elif pos + 1 < len(tail) and _signs_below(_cells(lines[tail[pos + 1]]), titles):
                # the date set above the issuer (2026年1月20日 / 青石镇人民政府)
                issuer_line = tail[pos + 1]
            return i, issuer_line, parse_date(text), None
        m = _ISSUER_DATE.match(text)
        # a month alone may be a table's (完成时限); a whole date beside a name is a signature
        if (
            m
            and _is_issuer(m.group("issuer"), titles)
            and (parse_date(text) is not None or _lone_date(lines, tail, i))
        ):
            return i, None, parse_date(text), m.group("issuer").strip()
    return None, None, None, None


# A seal's characters OCR reads beside the date it is stamped over (2026年2月12日政, 府2026年…):
# not what a date may say it is (…日印发: the 版记's; …日起, …日前)
_SEAL_DEBRIS = re.compile(
    r"(?<=[日号])\s*(?!印发|发布|公布|施行|起|前|止|至|以)[\u4e00-\u9fff]{1,2}\s*$"
    r"|^\s*[\u4e00-\u9fff]{1,2}\s*(?=(?:19|20)\d\d)"
)


def _signs_below(line: str, titles: re.Pattern[str]) -> bool:
    """Whether the line under the date is the issuer: not a site's footer (示例县人民政府门户网站,
    …办公室主办)."""
    return _is_issuer(line, titles) and _SITE_FOOTER.search(line) is None


_SITE_FOOTER = re.compile(r"(?:网站|网|主办|承办|版权所有|技术支持)$")


def _with_date_rest(text: str, lines: list[str], after: list[int]) -> str:
    """``text`` joined to the line ``after`` it (its index, if any) where that line holds only
    the rest of a date ``text`` starts (2026年2月 / 10日, 二〇二六年 / 二月十日: a PDF's or an
    OFD's signature date cut at a gap); else ``text``."""
    if not after or parse_date(text) is not None:
        return text
    rest = lines[after[0]].strip()
    joined = f"{text.rstrip()}{rest}"
    # its day said (…日): a table's cell a line (2026年6月 / 2, the next row's number) is no date
    if (
        len(rest) <= _DATE_REST_MAX
        and rest.endswith(("日", "号"))
        and _DATE_ONLY.match(joined)
        and parse_date(joined)
    ):
        return joined
    return text


_DATE_REST_MAX = 8  # characters of a date's second half (2月10日, 二月二十八日)


def _title_unit(title: str | None, title_analysis: str | None) -> str | None:
    """The unit a title names as its own before its year or 关于 (示例县人民政府办公室2025年…):
    whose report it is, where the signature may be an office signing for its government."""
    if title is None or title_analysis is None:
        return None
    m = _TITLE_ISSUER.match(title_analysis)
    # (not from a title it cites: 《江陵市人民政府2025年度…报告》解读 is no 人民政府's own)
    if (
        m is None
        or m.group(1).startswith(("关于", "20", "19", "《"))
        or not _ORG.search(m.group(1))
    ):
        return None
    # a label before a colon or a bar is not the unit's name (图解：示例县人民政府…), nor a
    # headline before a dash (法治护航高质量发展——宁远县2025年…)
    label = max(m.group(1).rfind(c) for c in ":|—")
    return _unspaced(title)[label + 1 : len(m.group(1))].strip() or None


# A title's unit that is only a place (示例县2024年…): the body signing it says more
_PLACE = re.compile(r"[省市州盟县区旗镇乡]$")


def _seal_worn(issuer: str, unit: str) -> bool:
    """Whether OCR's ``issuer`` is the title's ``unit`` worn by the seal stamped over it: a piece
    of the name (the rim's 县司 read as a line of its own, the name under it lost), or the name
    with a stroke or two of the ring beside it (从青禾县司法局)."""
    if issuer == unit:
        return False
    if issuer in unit:
        return len(issuer) <= len(unit) - _PIECE_SHORTER
    return unit in issuer and len(issuer) - len(unit) <= _RING_ADDED


_PIECE_SHORTER = 2  # a piece of the name is this much shorter at least (县司法局 of 示例县司法局)
_RING_ADDED = 1  # characters a seal's ring adds (not 中共 before a 县委)


def _whose_report(title_unit: str | None, signer: str | None) -> str | None:
    """The unit a title names (an office may sign its government's report), unless it names
    only a place and a signer is known (示例县…报告 signed 示例县人民政府): the signer, or the
    government whose office signs for it (示例县人民政府办公室: an office's own report names it)."""
    if title_unit is not None and (signer is None or not _PLACE.search(title_unit)):
        return title_unit
    if title_unit is not None and signer is not None and signer.startswith(title_unit):
        return _OFFICE_OF.sub(r"\1", signer)
    return signer


# a government's office, signing for it (示例县人民政府办公室)
_OFFICE_OF = re.compile(r"^(.+政府)办公室$")


# A report made to a congress's standing committee dates itself under its title, where a
# speech does: ——2025年2月25日在示例市人民代表大会常务委员会第二十三次会议上, or in brackets:
# （2026年2月26日在区第十八届人民代表大会常务委员会第三十二次会议上）
_DELIVERED = re.compile(
    rf"^\s*(?:[-—–]{{1,2}}|[(（])\s*(?:{DATE.pattern}|{CN_DATE.pattern})\s*日?\s*在[^。]{{2,60}}"
    r"(?:会议|大会)上"
)


# A report printed without a signature dates itself under its title: （2026年4月10日） /
# 二〇二六年四月十日 — written as a document's date is, not a page's 2026-04-10
_DATED_UNDER_TITLE = re.compile(
    # (the bracket's spaces only after a bracket: ^\s*[(]?\s* split a line of 200,000 spaces
    # every way, 300 s)
    rf"^\s*(?:[(（]\s*)?(?:(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{CN_DATE.pattern})"
    r"\s*(?:[)）]\s*)?$"
)


def _delivered_on(
    lines: list[str], nonblank: list[int], title_end: int, unpublished: bool
) -> dt.date | None:
    """The date a report was delivered or made, given under its title (——…日在…会议上, or
    the date alone), when it has no signature: the day it was made, as a signature's is. A
    date alone is not, on a page that gives its publication (a site's header dates it)."""
    below = next((i for i in nonblank if i > title_end), None)
    if below is None:
        return None
    m = _DELIVERED.match(lines[below]) or (
        _DATED_UNDER_TITLE.match(lines[below]) if unpublished else None
    )
    return parse_date(m.group(0)) if m else None


# a disclosure page's metadata gives the document's own date (成文日期, 印发日期): a report signed
# with the issuer alone (its date left to the page) was made that day
_MADE_ON = re.compile(r"(?:成文日期|成文时间|印发日期)\s*[:：|｜]?[\s|｜]*([^\s|｜]{6,16})")


# a form's own row for the unit filling it in (填报单位 | 青禾县乡村振兴服务中心)
# (填报单位 | 澄江县交通运输局 | 填报日期 | 2026年1月20日: the unit's cell, then others)
_FORM_UNIT = re.compile(
    r"^\s*(?:填报|填表|报送|报告)(?:单位|机关|部门)(?:名称)?\s*(?:[:|]\s*)+"
    r"(?P<unit>[^|:\s][^|:]{1,40}?)\s*(?:\||$)"
)
_FORM_ROWS = 8  # a form's first rows, under its title, where it asks who fills it in
_SEAL_ASIDE = re.compile(r"\s*[(（]\s*(?:盖章|公章|章)\s*[)）]\s*$")


def _form_unit(doc: Document, nonblank: list[int], first_heading: int) -> str | None:
    """The unit a form's row under its title, above its first heading, names as filling it in,
    where nothing signs it: the title may name only the county (青禾县2025年度法治政府建设情况
    报告表). (One further down is an attachment's table's or a blank form's, 各村（社区）…, not
    the report's.)"""
    for i in nonblank[:_FORM_ROWS]:
        if i >= first_heading:
            break
        m = _FORM_UNIT.match(doc.analysis[i])
        if m:
            return _SEAL_ASIDE.sub("", doc.quote(i, m.start("unit"), m.end("unit"))) or None
    return None


def _delivered_by(doc: Document, nonblank: list[int], title_end: int) -> str | None:
    """The unit a report delivered to a congress is made for, from the line naming who
    delivered it under its dateline (——…在…会议上 / 汉阳区人民政府副区长　李明辉): its
    government, not the official."""
    below = [i for i in nonblank if i > title_end][:2]
    if len(below) < 2 or not _DELIVERED.match(doc.analysis[below[0]]):
        return None
    # read on the analysis view (區長 is 区长 there), the unit given as written
    m = _DELIVERER.match(doc.analysis[below[1]])
    return doc.quote(below[1], m.start(1), m.end(1)) if m else None


# who delivers a report: the unit, the office (副区长, 局长), the name (two to four characters);
# or the unit alone (云溪县人民政府: helper-186's c25)
_DELIVERER = re.compile(
    r"^\s*(\S{2,30}?(?:人民政府|政府|局|委员会|办公室))(?:(?:副?(?:省长|市长|区长|县长|州长|旗长|"
    r"盟长|镇长|乡长|局长|主任)|秘书长|党组书记)\s*[\u3400-\u9fff·]{2,4})?\s*$"
)


def _cover_signed(lines: list[str], nonblank: list[int], first_heading: int) -> dt.date | None:
    """The date a cover letter above the report is signed on (…随文报送，请审阅。/ 白沙区人民政府 /
    2026年3月18日 / 附件 / the report, itself unsigned): the day the report was sent, as its own
    signature's would be."""
    above = [i for i in nonblank if i < first_heading]
    for i, j in pairwise(above):
        if _DATE_ONLY.match(lines[i]) and _ATTACHMENT.match(lines[j]):
            return parse_date(lines[i])
    return None


# the 版记's printing line: 青石镇党政综合办公室　2026年4月2日印发
_PRINTED = re.compile(rf"({DATE.pattern}|{CN_DATE.pattern})\s*日?\s*印发\s*$")


def _printed_on(lines: list[str], nonblank: list[int], after: int | None) -> dt.date | None:
    """The day a 公文's 版记 says it was printed (…2026年4月2日印发), below the signature: the
    report was public no earlier."""
    for i in nonblank[-6:]:
        below = (after is None or i > after) and "印发" in lines[i]
        if below and (m := _PRINTED.search(_cells(lines[i]))) is not None:
            return parse_date(m.group(1))
    return None


def _made_on(lines: list[str], body_start: int) -> dt.date | None:
    """The date a page's metadata above the report says it was made, when it has no signature
    of its own."""
    for line in lines[: max(body_start, 0)]:
        if (m := _MADE_ON.search(line)) is not None:
            return parse_date(m.group(1))
    return None


def _lone_date(lines: list[str], tail: list[int], i: int) -> bool:
    """Whether line ``i``'s date is the only one closing a line of the last few: a table's
    column of dates, its cells run together by a PDF's text layer (1 评查 县司法局 2026年6月 /
    2 培训 县司法局 2026年9月), holds no signature (one the issuer and a month alone give, or
    the two on one line)."""
    return not any(_ENDS_DATED.search(_cells(lines[j])) for j in tail if j != i)


def _without_attachment_list(lines: list[str], end: int) -> int:
    """``end``, moved above a list of attachments that closes the body before the signature
    (附件：1.…目录 / 2.…统计表, as a 公文 lists them): the list is not the last section's text."""
    i = end
    # (no further back than a list can reach: a body's own numbered points above it are no list)
    lowest = max(end - _MAX_LISTED - 1, 0)
    while i > lowest and (not lines[i].strip() or _LISTED_ATTACHMENT.match(lines[i])):
        i -= 1  # blank lines and the list's further items (2.…, 3.…)
    if i > 0 and i >= end - _MAX_LISTED and _APPENDIX_LABEL.match(lines[i]):
        return i - 1
    return end


# A title that ends as a report's (…的报告, …情况汇报), not a table's or a list's (…统计表)
_REPORT_TITLE_END = re.compile(r"(?:报告|汇报)(?:\([^()]{1,20}\))?$")
_SECOND_BODY_MIN = 3  # lines of text a second report has under its title


def _second_report(
    lines: list[str], nonblank: list[int], after: int, titles: re.Pattern[str], first: str
) -> tuple[int, int] | None:
    """(line, column) where a second report starts after line ``after``: its title (…关于2025
    年度法治政府建设情况的报告, or its unit's name over 关于…) right below a signing date made
    in or after the year the first title names, text under it that starts afresh (its first
    section 一、 again) — two units' reports sent in one file, their titles alike or not. An
    attachment (附件：… between them), a table (…统计表), a page's header over an attachment,
    or a date in the body over a line naming a report (2025年4月10日 / 县人大常委会听取…的
    报告, then 二、…) is none."""
    titled = title_year(first)
    for pos in range(1, len(nonblank) - _SECOND_BODY_MIN):
        i = nonblank[pos]
        # a whole date ends the line above (…日, …号, 2026.2.10, a note in brackets): its last
        # character, looked at first, rules out most lines before the patterns are tried
        if i <= after or lines[nonblank[pos - 1]].rstrip(" |\t")[-1:] not in _DATE_LAST:
            continue
        above = _cells(lines[nonblank[pos - 1]])
        if not (_DATE_ONLY.match(above) or _ISSUER_DATE.match(above)):
            continue
        date = parse_date(above)
        if date is None or (titled is not None and date.year < titled):
            continue  # no signing date of a report on the year titled
        found = _find_title(lines, nonblank[pos : pos + 3], len(lines), titles)
        if found is None or found[0] != i or _APPENDIX_LABEL.match(lines[i]):
            continue  # (附件：…情况汇报: an attachment labelled on its title's line)
        title = _unspaced("".join(_unmarked(lines[k]).strip() for k in range(i, found[1] + 1)))
        if not _REPORT_TITLE_END.search(title):
            continue
        below = [k for k in nonblank[pos + 1 :] if k > found[1]]
        if (below and _APPENDIX_LABEL.match(lines[below[0]])) or not _starts_afresh(
            lines, below, numbered=first in title
        ):
            continue  # (a running header over an attachment, or the first report going on)
        # paragraphs under it, not a page's footer repeating the title or a 版记 (抄送：…。)
        told = [
            k
            for k in nonblank[pos + 1 : pos + 1 + _SECOND_BODY_MIN * 3]
            if len(lines[k].strip()) > _PARAGRAPH_MIN
            and _SENTENCE.search(lines[k])
            and not _RECORD.match(lines[k])
        ]
        if len(told) >= _SECOND_BODY_MIN:
            return i, found[2]
    return None


_PARAGRAPH_MIN = 20  # characters of a line that is a paragraph of text
_DATE_LAST = "日号)0123456789"


def _starts_afresh(lines: list[str], below: list[int], numbered: bool = False) -> bool:
    """Whether the text below a title numbers its sections from the first (一、, 第一部分) or
    numbers none: the first report's own sections carried on (二、…) are no second report's.
    ``numbered``: under a title holding the first's (a page's running header repeats it, and a
    second report may be titled alike), only a first section numbered 一 tells a report."""
    for k in below:
        m = _TOP_NUMBER.match(lines[k])
        if m is not None:
            return cn_number(m.group(1)) == 1
    # opened as a report is (县委、县政府： / 现将…报告如下): a report numbering its sections
    # otherwise, or none; a running header goes on with the text it interrupts
    opening = "".join(lines[k] for k in below[:_OPENING_LINES])
    return (
        not numbered
        or bool(below and _ADDRESSEE.match(lines[below[0]].strip()))
        or "报告如下" in opening
    )


_OPENING_LINES = 2


_TOP_NUMBER = re.compile(r"^\s*(?:第)?([一二三四五六七八九十]{1,3})(?:部分|[、.])")


def _appendix_start(
    lines: list[str], nonblank: list[int], first_heading: int, titles: re.Pattern[str]
) -> int | None:
    """The line an attachment after the signature starts on: a 附件 (or 附表) label, alone or
    naming it, right below a date line (the signature's) or the issuer's line (a signature
    left undated: a date after it is the attachment's, 统计截至…). None when there is none."""
    for pos in range(1, len(nonblank)):
        i = nonblank[pos]
        # 附 in the line, a string search, rules out most lines before the pattern is tried
        if i <= first_heading or "附" not in lines[i] or not _APPENDIX_LABEL.match(lines[i]):
            continue
        above = _cells(lines[nonblank[pos - 1]])
        if _DATE_ONLY.match(above) or _ISSUER_DATE.match(above) or _is_issuer(above, titles):
            return i
    return None


def attachment_blocks(lines: list[str], start: int, end: int | None = None) -> list[range]:
    """The attachments after the signature, from ``start`` (Facts.appendix_start) to ``end``
    (the text's, or a second report's title): each from its 附件/附表 label to the next, the
    ones that hold text of their own besides the label (and a list of names: 附件：1.… 2.…, or
    （另行报送）) only."""
    end = len(lines) if end is None else end
    labels = [i for i in range(start, end) if "附" in lines[i] and _APPENDIX_LABEL.match(lines[i])]
    bounds = [*labels, end]
    return [
        range(a, b)
        for a, b in pairwise(bounds)
        if any(lines[i].strip() and not _LISTED_ATTACHMENT.match(lines[i]) for i in range(a + 1, b))
    ]


def attachment_title(lines: list[str], block: range) -> int | None:
    """The line of attachment ``block``'s title (附件：…, or the line under a label alone: 附件 /
    附件二 / 附表3), as :func:`attachment_blocks` gives the block."""
    return next(
        (i for i in block if lines[i].strip() and not _APPENDIX_LABEL_ALONE.match(lines[i])), None
    )


def _without_footnotes(lines: list[str], nonblank: list[int]) -> list[int]:
    """``nonblank`` without the footnotes at the end of the text (① 该细则经2025年6月12日…审议通过,
    注1：…, [2] …) set under the signature, below a rule (——————) or right under the date:
    their sentences are no body text after it, and their dates are no signing date."""
    k = len(nonblank)
    while k > 0 and _FOOTNOTE.match(lines[nonblank[k - 1]]):
        k -= 1
    if k == len(nonblank) or k == 0:
        return nonblank
    above = lines[nonblank[k - 1]]
    if _RULE.match(above):
        return nonblank[: k - 1]
    return nonblank[:k] if _DATE_ONLY.match(_cells(above)) else nonblank


_FOOTNOTE = re.compile(r"^\s*(?:[①-⑳]|[\[［]\d{1,2}[\]］]|\(?注\s*\d{0,2}\s*[:：)）]|\*\s*\S)")
_RULE = re.compile(r"^\s*[-—–─_＿━=＝]{4,}\s*$")


def _text_follows(lines: list[str], nonblank: list[int], line: int) -> bool:
    """Whether a paragraph of body text comes after ``line`` (then it is not the signature). A
    公文's 版记 under its signature (抄送：…。 / …办公室 2026年1月20日印发) is none."""
    return any(
        j > line
        and len(lines[j].strip()) > 40
        and _SENTENCE.search(lines[j])
        and not _RECORD.match(lines[j])
        for j in nonblank[-8:]
    )


# A 公文's 版记 (GB/T 9704): who else receives it, who printed it and when, its subject words
_RECORD = re.compile(
    r"^\s*(?:(?:抄送|抄报|分送|发送|主题词)\s*:|.{0,40}\d\s*日\s*印发\s*$|\(此件.{0,12}\)\s*$)"
)


def _is_issuer(text: str, titles: re.Pattern[str]) -> bool:
    return (
        2 <= len(text) <= 40
        and not _SEAL_BITS.match(text)
        and not text[:1].isdigit()  # a table row's number (2 组织法治培训 县司法局)
        and not _SENTENCE.search(text)
        and "," not in text
        and not re.search(r"[\[\]【】:|｜<>]", text)
        and bool(_ORG.search(_ALIAS.sub("", text)))
        and match_heading(text) is None
        and not titles.search(text)
    )


# Characters a seal's ring gives a character or two a line, apart (县　司 / 示　局 between the
# issuer and the date): a name set letter-spaced (示 例 县 司 法 局) has more of them
_SEAL_BITS = re.compile(r"^\S(?:\s+\S){0,2}$")


def _cells(line: str) -> str:
    """A line's text without a table's cell borders: a signature set in a borderless table (so
    the seal sits over it) reads | 示例县司法局 / 示例县司法局 | 2026年2月10日."""
    return line.replace("|", " ").strip() if "|" in line else line.strip()


# Between two names on a line: two spaces or more, or an ideographic one (a single space may sit
# inside one name: 示例县人民政府 法制办公室)
_NAMES_GAP = re.compile(r"\s{2,}|\u3000")


def _joint(issuer: str) -> str:
    """Two issuers on one line, set apart (中共某县委    某县人民政府), as one name each joined by
    、; a name set with a space inside it (示例县 司法局) is left as written."""
    names = [n.strip() for n in _NAMES_GAP.split(issuer.strip()) if n.strip()]
    if len(names) > 1 and all(len(n) >= 4 and _ORG.search(n) for n in names):
        return "、".join(names)
    return issuer


def _body_end(nonblank: list[int], sign_line: int | None, issuer_line: int | None) -> int:
    """The body's last line: above the signature, whichever of its two lines comes first."""
    first = min((i for i in (issuer_line, sign_line) if i is not None), default=None)
    if first is not None:
        return first - 1
    return nonblank[-1] if nonblank else 0


def stated_years(text: str) -> list[int]:
    """Years ``text`` states as what it is about: not dates (2024年3月), ranges (2021-2025年),
    2019年以来 (since), years of a cited document (《…2025年…》) or of a plan (2023年工作计划)."""
    text = _CITED.sub(lambda m: " " * len(m.group(0)), text)
    out = []
    cn = any(c in text for c in "〇○零九Oo") or "二0" in text or "一0" in text
    stated = _STATED_YEAR if cn else _STATED_ARABIC_YEAR
    for m in stated.finditer(text):
        if _PLAN_WORDS.search(text, m.end(), m.end() + 12):
            continue
        before = max(0, m.start() - 3)
        if _COMPARED_WITH.search(text, before, m.start()) or _COMPARED.match(text, m.end()):
            continue
        if _CHANGE_FROM.search(text, before, m.start()) and _CHANGE_OF.match(text, m.end()):
            continue
        out.append(year_value(m.group(1)))
    return out


def _report_year(
    lines: list[str],
    nonblank: list[int],
    title: str | None,
    body_start: int,
    first_heading: int,
    by_signing: int | None = None,
) -> tuple[int | None, YearSource | None]:
    """From the title, else from what the opening and the first headings say the year was:
    the year most of them state, the signing date's year (``by_signing``) one more voice, the
    first stated on a tie (an opening of 2024年，… kept from last year's report, under headings
    of 2025年… and signed in February 2026, is the slip, not the year)."""
    if title is not None:
        for m in YEAR.finditer(title):
            # either end of a span of years (…实施方案（2026—2030年）, 2026年至2030年) is no
            # year reported on
            if not _RANGE_BEFORE.search(title, 0, m.start()) and not _RANGE_AFTER.match(
                title, m.end()
            ):
                return year_value(m.group(1)), "title"
        if (bare := title_year(title)) is not None:
            return bare, "title"
    body = [i for i in nonblank if i >= body_start]
    looked: list[str] = [lines[i] for i in body[:6] if i < first_heading]
    looked += islice((lines[i] for i in body[:40] if match_heading(lines[i])), 3)
    stated = [years[0] for text in looked if (years := stated_years(text))]
    if not stated:
        return None, None
    votes = Counter([*stated, by_signing] if by_signing is not None else stated)
    return max(stated, key=lambda y: votes[y]), "body"  # (max keeps the first of a tie)
