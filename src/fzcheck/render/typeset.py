"""Chinese typesetting of what the views quote: a quote inside a quote, a title inside a title.

A check's description (标题写明“法治政府建设”和年度), a quoted line or table row, or a report's
title (《示例市…规定》政策解读) may already hold the marks a view puts around it. Chinese nests them by alternating: double
quotes inside double quotes become single ones (“标题写明‘法治政府建设’和年度”), 《》 inside 《》
become 〈〉 (《〈示例市…规定〉政策解读》), and the level below that alternates back.
"""

from __future__ import annotations

# each mark to the one a level deeper, and back: “‘ ”’ alternate, as 《〈 》〉 do
_QUOTES_DEEPER = str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”"})
_TITLES_DEEPER = str.maketrans({"《": "〈", "》": "〉", "〈": "《", "〉": "》"})


def quoted(text: str) -> str:
    """``text`` in Chinese double quotes, the quotes inside it a level deeper: 未做到“标题写明
    ‘法治政府建设’和年度”, never 未做到“标题写明“法治政府建设”和年度”."""
    return f"“{text.translate(_QUOTES_DEEPER)}”"


def nested(text: str) -> str:
    """``text`` with each double quote opened inside another a level deeper (“危及‘三安全一稳
    定’”, written as “危及“三安全一稳定””): a message that quotes a name or a line holding
    quotes of its own. Text whose double quotes do not pair up (a quote cut short) is left as
    it is rather than guessed at."""
    if "“" not in text:
        return text
    depth, out = 0, []
    for ch in text:
        if ch == "“":
            out.append("‘" if depth % 2 else "“")
            depth += 1
        elif ch == "”":
            depth -= 1
            if depth < 0:
                return text
            out.append("’" if depth % 2 else "”")
        else:
            out.append(ch)
    return "".join(out) if depth == 0 else text


def book_title(title: str) -> str:
    """``title`` in book-title marks: a title already wholly in 《》 is not wrapped again, and the
    marks inside it go a level deeper (《〈示例市…规定〉政策解读》, never 《《示例市…规定》政策解读》)."""
    title = title.strip()
    if _wholly_in(title, "《", "》"):
        title = title[1:-1]
    return f"《{title.translate(_TITLES_DEEPER)}》"


def _wholly_in(text: str, opening: str, closing: str) -> bool:
    """Whether ``text`` is one pair of marks around the rest (《A》, not 《A》和《B》)."""
    if len(text) < 2 or text[0] != opening or text[-1] != closing:
        return False
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == opening) - (ch == closing)
        if depth == 0:
            return i == len(text) - 1
    return False
