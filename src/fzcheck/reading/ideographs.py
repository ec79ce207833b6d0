"""Stand-ins for ideographs read as the ideographs: CJK radicals and compatibility ideographs.

A PDF's text layer often gives a radical's code point for an ideograph its font draws with the
same glyph: ⽇ (U+2F47, KANGXI RADICAL SUN) for 日, ⻓ (U+2ED3, CJK RADICAL C-SIMPLIFIED LONG)
for 长; some fonts map to the compatibility block (U+F900..U+FAFF) instead. The page looks
right and a reader sees nothing amiss, but 2026年2月10⽇ is no date and 局⻓ no 局长 to a search.
For analysis each is read as its ideograph, one character for one (a line keeps its length);
quotes are still cut from the text as written.

The Kangxi block by NFKC (each of its 214 radicals decomposes to its ideograph); the radicals
supplement, which NFKC leaves alone, by Unicode's EquivalentUnifiedIdeograph.txt (UCD 14.0,
U+2E81..U+2EF3); the compatibility ideographs by NFC (their canonical equivalents). Only those
whose ideograph is in the BMP: the rest are rare in text and left as they are.
"""

from __future__ import annotations

import re
import unicodedata

# (radical, ideograph) pairs of the supplement, from EquivalentUnifiedIdeograph.txt
_SUPPLEMENT = (
    "⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月"
    "⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫目⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺶羊⺹耂⺺肀⺻聿"
    "⺼肉⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨"
    "⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀"
    "⻳龟"
)

IDEOGRAPH_OF: dict[int, str] = {
    **{cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)},
    **{ord(_SUPPLEMENT[i]): _SUPPLEMENT[i + 1] for i in range(0, len(_SUPPLEMENT), 2)},
    **{
        cp: same
        for cp in range(0xF900, 0xFB00)
        if (same := unicodedata.normalize("NFC", chr(cp))) != chr(cp) and same <= "\uffff"
    },
}
_HIGH_BYTES = (b"\x2e", b"\x2f", b"\xf9", b"\xfa")  # of the code units of the blocks above


def may_hold_stand_ins(units: bytes, high: bytes | None = None) -> bool:
    """Whether the text whose UTF-16-LE code units are ``units`` may hold one (a code unit whose
    high byte is one of the blocks'): four byte searches at memory speed, where a scan stops at
    every character. Most texts hold none and are not looked at again. ``high`` is
    ``units[1::2]`` when the caller has it (a copy of half the text)."""
    if high is None:
        high = units[1::2]
    return any(b in high for b in _HIGH_BYTES)


def as_ideographs(text: str) -> str:
    """``text`` with every stand-in :data:`IDEOGRAPH_OF` knows read as its ideograph."""
    return text.translate(IDEOGRAPH_OF)


# Variation selectors: U+FE00..U+FE0F (standardized, as a pipeline keeps a compatibility
# ideograph: 法︀) and U+E0100..U+E01EF (ideographic, from fonts with glyph variants: 法󠄀). Each
# shows nothing beside its ideograph, yet 法󠄀治政府 is no 法治政府 to a search.
_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
_SELECTOR_HIGH = (b"\xfe", b"\xdb")  # U+FExx, and the high surrogate of plane 14 (DB40)


def without_selectors(text: str, units: bytes, high: bytes | None = None) -> str:
    """``text`` with its variation selectors taken out; ``units`` is :func:`utf16` of ``text``,
    whose high bytes (``high``, when the caller has them) rule most texts out without a scan."""
    if high is None:
        high = units[1::2]
    if not any(b in high for b in _SELECTOR_HIGH):
        return text
    return _SELECTORS.sub("", text)
