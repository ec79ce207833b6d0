"""Chinese numerals and years as reports write them; shared by the reader and the LLM checks."""

from __future__ import annotations

import re
from functools import lru_cache

# 〇 as units also type it: ○, or a Latin O or a 0 (二O二五年)
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | dict.fromkeys("〇○Oo0", 0)
_CN_DIGITS["两"] = 2
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMBER = re.compile("[零〇○一二两三四五六七八九十百千万亿]+")
# 2025年 / 2025 年 / 二〇二五年: the year a title, an opening or a plan names (year_value reads it);
# ARABIC_YEAR the same without the Chinese numerals.
_ARABIC = r"(?:19|20)\d{2}"
ARABIC_YEAR = re.compile(rf"({_ARABIC})\s*年")
YEAR = re.compile(rf"({_ARABIC}|[一二][〇○零九Oo0][〇○零一二三四五六七八九Oo0]{{2}})\s*年")
# A title's year without 年: in brackets at its end (…年度报告（2025）) or opening it (2025临江县…)
TITLE_BARE_YEAR = re.compile(
    rf"[(（]\s*({_ARABIC})\s*(?:年度?)?\s*[)）]\s*$|^\s*({_ARABIC})(?=[^\d年\-—–－~～至到.．/、,，])"
)


def title_year(title: str) -> int | None:
    """The year a title names without 年 (a YEAR match is read first, where there is one)."""
    m = TITLE_BARE_YEAR.search(title)
    return int(m.group(1) or m.group(2)) if m else None


def year_value(digits: str) -> int:
    """A YEAR match's digits as a number: 2025, or 二〇二五 read digit by digit."""
    return int(digits) if digits.isdigit() else cn_number(digits)


@lru_cache(maxsize=4096)  # reports use the same few numerals over and over
def cn_number(text: str) -> int:
    """二十三 → 23, 一千二百 → 1200, 三千六百万 → 36000000, 二〇二五 → 2025 (digit by digit
    when there is no unit). Raises KeyError on a character that is not a numeral."""
    if not any(c in _CN_UNITS or c in _CN_BIG for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    total = section = digit = 0
    unit = 1  # the last unit said, 1 after a 零 (一百零一: the 一 is ones)
    for c in text:
        if c in _CN_DIGITS:
            digit = _CN_DIGITS[c]
            if digit == 0:
                unit = 1
        elif c in _CN_UNITS:
            unit = _CN_UNITS[c]
            section += (digit or 1) * unit
            digit = 0
        else:
            total += (section + digit) * _CN_BIG[c]
            section = digit = 0
            unit = _CN_BIG[c]
    # a digit closing on a unit of 百 or more counts in the unit below it, as it is said: 一百一
    # is 110, 三千五 3,500, 两万三 23,000 (一百零一, with its 零, is 101)
    if digit and unit >= 100:
        digit *= unit // 10
    return total + section + digit
