"""Dates as Chinese government pages and reports write them."""

from __future__ import annotations

import datetime as dt
import re

from fzcheck.document import fold_width
from fzcheck.reading.numerals import cn_number

# 元月 is January; 二O二五 (a Latin O, or a 0, typed for 〇) is 二〇二五
DATE = re.compile(r"((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2}|元)\s*[-月/.]\s*(\d{1,2})")
CN_DATE = re.compile(
    r"([二〇○零一三四五六七八九Oo0]{4})年([一二三四五六七八九十]{1,3}|元)月"
    r"([一二三四五六七八九十]{1,3})日"
)
# A month without its day, as a signature may give it (2026年2月, 二〇二六年二月)
MONTH = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2}|元)\s*月")
CN_MONTH = re.compile(r"([二〇○零一三四五六七八九Oo0]{4})年([一二三四五六七八九十]{1,3}|元)月")
# 发布时间:2026-01-09, 时间:2026-02-03来源, 发布日期：2026年2月3日, or a date right before 来源.
# A page's metadata names other dates too (成文日期, 印发日期, 生效日期: a 政府信息公开 page's
# table lists 成文日期 before 发布日期): a key that says publication wins wherever it stands, and
# a bare 日期/时间 never reads as one of those.
_PUBLISH_KEYS = ("发布时间", "發布時間", "发布日期", "發布日期", "公开日期", "公開日期", "公开时间")
_KEYS = (*_PUBLISH_KEYS, "时间", "時間", "日期")
_OTHER_DATES = (
    "成文",
    "印发",
    # the 公文's own date in an archive's metadata (发文日期：2026-01-22, its signing date), not
    # the page's (helper-216's c03)
    "发文",
    "签发",
    "簽發",
    "生效",
    "施行",
    "实施",
    "废止",
    "截止",
    "统计",
    "会议",
    "生成",
    # a form's cover (报送日期：2026年2月6日): sent to the 依法治县办, not made public
    "报送",
    "填报",
    "填表",
    "上报",
    "打印",
    "收文",
)
_NOT_OTHER = "".join(f"(?<!{word})" for word in _OTHER_DATES)
_VALUE = r"\s*:\s*" + DATE.pattern
# a key that says publication may stand in a table's cell, its date in the next (发布日期 |
# 2024-04-10: a 政府信息公开 page's metadata table, no colon), or in brackets ([ 发布日期 ]
# 2026-04-03, 【发布时间】2026-04-03); on folded text (发布日期: | 2024-04-10: a colon in the
# key's cell, then the date's)
_PUBLISHED_KEYED = re.compile(
    f"(?:{'|'.join(_PUBLISH_KEYS)})" + r"\s*(?::\s*\|?|\||[\]】]\s*:?)\s*" + DATE.pattern
)
_PUBLISHED = re.compile(f"{_NOT_OTHER}(?:{'|'.join(_KEYS)})" + _VALUE)
_BEFORE_SOURCE = re.compile(DATE.pattern + r"[\s\d:]*(?:来源|來源)")
_OTHER_KEYED = re.compile(f"(?:{'|'.join(_OTHER_DATES)})(?:日期|时间|時間)\\s*:?\\s*$")
# A post's byline, as a WeChat article pasted into a file keeps it: the account, the date and
# the clock time it was posted, the province (南坪发布 2026年02月20日 09:12 湖南); on folded text
POSTED_LINE = re.compile(
    r"^\s*(?:原创\s*)?(?:[^\s。,;:]{1,20}\s+){0,3}"
    + DATE.pattern
    + r"日?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[^\s。,;:\d]{1,8})?\s*$"
)
_POSTED_MAX = 50  # characters a byline line has at most


def make_date(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), 1 if m == "元" else int(m), int(d))
    except ValueError:
        return None


# Chinese pages' times are Beijing time (UTC+8, no summer time)
CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


def date_of_seconds(seconds: int) -> dt.date | None:
    """The date in China at a Unix time (a WeChat page's var ct); None when out of range."""
    try:
        return dt.datetime.fromtimestamp(seconds, CHINA_TIME).date()
    except (OverflowError, OSError, ValueError):
        return None


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text``, in Arabic or Chinese numerals."""
    match = DATE.search(text)
    if match:
        return make_date(*match.groups())
    match = CN_DATE.search(text)
    if match:
        try:
            return make_date(*(g if g == "元" else cn_number(g) for g in match.groups()))
        except KeyError:
            return None
    return None


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) of the first month written in ``text`` (2026年2月, 二〇二六年二月)."""
    match = MONTH.search(text)
    groups = match.groups() if match else None
    if groups is None and (match := CN_MONTH.search(text)):
        try:
            groups = tuple(g if g == "元" else str(cn_number(g)) for g in match.groups())
        except KeyError:
            return None
    if groups is None:
        return None
    year, month = int(groups[0]), 1 if groups[1] == "元" else int(groups[1])
    return (year, month) if 1 <= month <= 12 else None


def _colon_after_key(head: str) -> bool:
    """Whether a colon follows a key's last character (间, 期; then any white space): every
    _PUBLISHED match has one. A look at each colon, where the scan tries every character.
    ``head`` is width-folded: its colons are ASCII."""
    at = head.find(":")
    while at >= 0:
        before = at - 1  # back over white space: each stretch is walked once, for one colon
        while before >= 0 and head[before].isspace():
            before -= 1
        if before >= 0 and head[before] in _KEY_ENDS:
            return True
        at = head.find(":", at + 1)
    return False


_KEY_ENDS = tuple({key[-1] for key in _KEYS})


def find_published(text: str, head_chars: int = 1500, folded: bool = False) -> dt.date | None:
    """The publication date a web page states near its top, if it states one: in any width
    (发布时间：２０２６－０２－０５ and 15：38：00 as a PC saves them are folded first, unless
    ``folded`` says the text already is)."""
    head = text[:head_chars] if folded else fold_width(text[:head_chars])
    match = None
    if _colon_after_key(head):
        match = _PUBLISHED_KEYED.search(head) or _PUBLISHED.search(head)
    elif "|" in head or "]" in head or "】" in head:
        match = _PUBLISHED_KEYED.search(head)
    # 来源 and 來源 share 源: a one-character test, far cheaper than the scan, rules most out
    if match is None and "源" in head:
        # (not a date another key names: 印发日期：2026-02-10    来源：…, helper-216's t04)
        match = next(
            (
                m
                for m in _BEFORE_SOURCE.finditer(head)
                if not _OTHER_KEYED.search(head, 0, m.start())
            ),
            None,
        )
    if match is None and ":" in head:
        match = next((m for m in map(posted, head.split("\n")) if m is not None), None)
    return make_date(*match.groups()[-3:]) if match else None


def posted(line: str) -> re.Match[str] | None:
    """A post's byline (:data:`POSTED_LINE`) in ``line``, on the analysis view."""
    return POSTED_LINE.match(line) if len(line) <= _POSTED_MAX and ":" in line else None
