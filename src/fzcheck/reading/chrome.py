"""Web-page furniture that surrounds a report when it was captured from a government site."""

from __future__ import annotations

import re

# A line made only of such furniture is not report text (matched on the analysis view).
CHROME_LINE = re.compile(
    r"^\s*(?:"
    r"【?\s*字[体號号]\s*[:：]?.{0,12}】?|打印本页|关闭窗口|打印本页\s*关闭窗口|[【\[]?\s*(?:打印|关闭|纠错|收藏)\s*[】\]]?"
    r"|扫一扫.{0,20}|分享到.{0,30}|[-•·]?\s*全部留言|[-•·]?\s*/|[-•·]?\s*评论|[-•·]?\s*有用\(\d*\)"
    r"|上一篇.{0,60}|下一篇.{0,60}|相关链接.{0,30}|责任编辑.{0,20}|浏览次数.{0,20}|阅读次数.{0,20}"
    r"|主办单位.{0,60}|承办单位.{0,60}|版权所有.{0,60}|.{0,30}ICP备.{0,40}|网站标识码.{0,30}"
    r"|.{0,20}公网安备.{0,40}|联系我们|网站地图|返回顶部|首页\s*[>›].{0,80}|当前位置.{0,80}"
    r"|[\[【]\s*(?:我要)?纠错\s*[\]】]|【?\s*(?:大|中|小)\s*(?:大|中|小)?\s*(?:大|中|小)?\s*】?"
    r"|(?:发布时间|时间|日期|来源|点击|信息来源)\s*[:：].{0,60}"
    r")\s*$"
)


def is_chrome(line: str) -> bool:
    return bool(CHROME_LINE.match(line))
