"""Web-page furniture that surrounds a report when it was captured from a government site."""

from __future__ import annotations

import re

from fzcheck.fast_patterns import first_after_space
from fzcheck.reading.dates import posted

# A line made only of such furniture is not report text (matched on the analysis view).
_FURNITURE = (
    r"【?\s*字[体號号]\s*[:：]?.{0,12}】?|打印本页|关闭窗口|打印本页\s*关闭窗口|[【\[]?\s*(?:打印|关闭|纠错|收藏)\s*[】\]]?"
    r"|扫一扫.{0,20}|分享到.{0,30}|[-•·]?\s*全部留言|[-•·]?\s*/|[-•·]?\s*评论|[-•·]?\s*有用\(\d*\)"
    r"|上一篇.{0,60}|下一篇.{0,60}|相关链接.{0,30}|责任编辑.{0,20}|浏览次数.{0,20}|阅读次数.{0,20}"
    r"|主办单位.{0,60}|承办单位.{0,60}|版权所有.{0,60}|网站标识码.{0,30}"
    r"|联系我们|网站地图|返回顶部|首页\s*[>›].{0,80}|(?:当前|您的|您现在的|所在)位置.{0,80}"
    r"|[\[【]\s*(?:我要)?纠错\s*[\]】]|【?\s*(?:大|中|小)\s*(?:大|中|小)?\s*(?:大|中|小)?\s*】?"
    r"|(?:发布时间|时间|日期|来源|点击|信息来源)\s*[:：].{0,60}"
    r"|(?:微信|微博|QQ空间|QQ好友|朋友圈|分享|收藏|点赞|在看|附件下载|\s)+"
    # a WeChat article's footer, as pasted with it
    r"|往期(?:推荐|回顾|精彩)|阅读原文|(?:长按|扫码|扫描)(?:识别)?(?:二维码)?关注.{0,20}"
    r"|长按识别二维码.{0,20}|点击(?:上方)?(?:蓝字)?关注.{0,20}"
    # and the page's own controls, saved with it (微信扫一扫 / 关注该公众号 / 预览时标签不可点 /
    # ：，，，。视频小程序赞，轻点两下取消赞在看…)
    r"|(?:微信)?扫一扫.{0,24}|关注该公众号|预览时标签不可点|[:,.。、\s]*视频\s*小程序.{0,80}"
    r"|轻点两下取消.{0,60}"
    r"|(?:编辑|审核|校对|初审|复审|终审|排版|美编)\s*[:：].{0,40}"
    # an archive's ===== 正文 ===== separator (each run taken whole: split every way, a line
    # of 60,000 — took minutes)
    r"|[=＝\-—_*~#]{3,}+(?:[^=＝\-—_*~#].{0,9}[=＝\-—_*~#]{3,}+)?"
    r"|[\[【]\s*(?:发布日期|发布时间|发布机构|来源|作者|浏览次数|点击数|字号)\s*[\]】].{0,40}"
    # 【发布时间：2026-03-13】【来源：某局】【浏览次数：120】, each key and value in its brackets
    r"|(?:[\[【]\s*(?:发布日期|发布时间|发布机构|信息来源|来源|作者|浏览次数|点击数|字号)\s*[:：]"
    r"[^\]】\n]{0,40}[\]】]\s*)++"
    r"|首页[^。,，;；!！?？]{0,60}"  # a breadcrumb (首页政务公开最新文件…)
)
# A site's registration numbers in its footer: these may start anywhere in the line.
_REGISTRATION = r".{0,30}ICP备.{0,40}|.{0,20}公网安备.{0,40}"
# A site's footer as a table's row (html's form test): a label naming who runs the site, how to
# reach them or its notices (联系地址 | …；邮编…), or a cell holding its registrations
FOOTER_LABEL = re.compile(
    r"主办|承办|协办|技术支持|版权|联系|地址|电话|传真|邮编|邮箱|温馨提示|免责声明|网站|备案"
)
REGISTERED = re.compile(r"ICP备|公网安备|网站标识码")
CHROME_LINE = re.compile(rf"^\s*(?:{_FURNITURE}|{_REGISTRATION})\s*$")
# A short line of several pieces of furniture side by side (【字体：大 中 小】 打印本页 关闭窗口):
# each piece taken out in turn, nothing is left. (One pattern repeating the pieces would try
# every way to split a long line.)
_PIECE = re.compile(_FURNITURE)
_SPACE_RUN = re.compile(r"\s\s")
_SYMBOLS = re.compile(r"^\s*[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+\s*")
_SIDE_BY_SIDE_MAX = 80
# An archive's or a portal's metadata block: 标题: … / 发布时间: … / 原文链接: … one key a line.
# The 标题 cell holds the page's title, which is read from it only when no title line is found.
_METADATA_KEYS = (
    "标题|题目|文件名称|发布时间|发布日期|成文日期|印发日期|文号|发文字号|索引号|发布机构|发文机关|"
    "所属机构|栏目|分类|主题分类|体裁分类|主题词|关键词|原文链接|原文地址|本地目录|来源|信息来源|"
    "有效性|时效|公开方式|公开范围|页面链接|链接"
)
METADATA_LINE = re.compile(rf"^\s*(?:{_METADATA_KEYS})\s*[:：|｜]")
TITLE_CELL = re.compile(r"^\s*(?:标题|题目|文件名称|名称)\s*[:：|｜]\s*")
# The kinds of document a title ends with (…的报告, …工作要点, …的反馈意见): a line so ending reads
# as a title — of a report, or of a 公文 of another kind, which the genre check then sees.
# fmt: off
TITLE_KIND_WORDS = (
    "报告", "報告", "年报", "年報", "要点", "规则", "方案", "计划", "通知", "解读",
    "意见", "材料", "讲话", "发言", "纪要", "通报", "决定", "批复", "汇报",
)
# fmt: on
TITLE_KINDS = "|".join(map(re.escape, TITLE_KIND_WORDS))  # as a pattern's alternatives
# Kinds of what a unit files beside its report (…工作总结, …考核评分细则, …公开指南, …工作思路, a
# sector's …白皮书 or …情况分析): a title too
# when it names whose it is — a site's nav line (办事指南, 政府信息公开指南) is not.
# fmt: off
LOOKALIKE_KIND_WORDS = (
    "总结", "综述", "细则", "办法", "规定", "清单", "指南", "目录", "评分表", "考核表",
    "模板", "思路", "打算", "白皮书", "分析",
)
# fmt: on
LOOKALIKE_KINDS = "|".join(map(re.escape, LOOKALIKE_KIND_WORDS))
# An archiver's note on where it put the page's links and images (…详见 links.tsv).
_ARCHIVE_NOTE = re.compile(r"^[^。]{0,30}(?:详见|见)\s*\S+\.(?:tsv|csv|json|txt)\b.{0,20}$")

# Most lines are report text. What a line's first non-space character can be for each kind of
# furniture, and a word the others must hold, rule most lines out before any pattern is tried.
_FURNITURE_FIRST = first_after_space(_FURNITURE)  # None: any character (then always tried)
_METADATA_FIRST = first_after_space(_METADATA_KEYS)


def is_chrome(line: str) -> bool:
    first = line.lstrip()[:1]
    if first >= "\u2190" and (first <= "\u2bff" or first >= "\U0001f000"):
        line = _SYMBOLS.sub("", line)  # 📣 来源：… / ✍ 编辑：…: a post's emoji before its furniture
        first = line[:1]
    if (_METADATA_FIRST is None or first in _METADATA_FIRST) and METADATA_LINE.match(line):
        return True
    if "见" in line and _ARCHIVE_NOTE.match(line):
        return True
    if posted(line):
        return True
    maybe = _FURNITURE_FIRST is None or first in _FURNITURE_FIRST or "备" in line
    if not maybe:
        return False
    text = collapsed(line)
    if not text:
        return bool(line)  # white space only: furniture (an empty string is nothing)
    return CHROME_LINE.match(text) is not None or side_by_side(text)


def collapsed(line: str) -> str:
    """``line`` stripped, each run of white space one space: the furniture patterns have white
    space on both sides of optional pieces (【 大 中 小 】), and a long run of it between two
    such places was split every way (a line of 大 and 300 spaces took seconds)."""
    text = line.strip()
    return " ".join(text.split()) if _SPACE_RUN.search(text) else text


def side_by_side(text: str) -> bool:
    """Whether ``text`` (:func:`collapsed`) is a short line of several pieces of furniture."""
    return (
        len(text) <= _SIDE_BY_SIDE_MAX
        and " " in text
        and _PIECE.match(text) is not None
        and not _PIECE.sub("", text).strip()
    )
