"""Run-on text cut back into paragraphs, before any analysis.

A crawler or a site's text export may join every paragraph into one line, headings included
(…报告如下。一、工作开展情况（一）深入学习…1.深入…). Such a line is cut at its inline heading
markers and paragraph gaps; each new line is a slice of the line as read, so quotes stay
verbatim and :attr:`fzcheck.document.Document.origin` maps them back.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from fzcheck.fast_patterns import bmp_digits, bmp_only, utf16
from fzcheck.reading.dates import CN_DATE, DATE
from fzcheck.reading.numerals import cn_number

_CN = "一二三四五六七八九十"
MAX_HEADING = 60  # a heading runs at most this far before its text; outline.py uses it too
# After 二 typed with a space for 二、: a heading's word, not 是 (一 是…), a table's 一 | cell or a
# letter-spaced 九 江 市 (outline.py and layout.py read the space form with it)
SPACED_WORD = r"(?![是|｜]|\S(?:\s|$))"
# 1.2025年…: an Arabic marker's dot before a year (1.5 stays a number)
_DOT_BEFORE_YEAR = r"\.(?=(?:19|20)\d{2}年)"


# Inline heading markers, in rank order at any one position: 第一部分 / 一、, (一), 1. 1、, (1),
# 一是. Every branch opens with a literal character (one branch per numeral), which the engine
# skips to; a look-ahead over a class of first characters is several times slower on long lines.
# The first digit is an ASCII one (the analysis view folds full-width digits); a line holding
# another script's digits is read with one more branch for them.
_MAJOR_BRANCHES = [  # kinds 1-3: only these make a line run-on (is_runon)
    rf"第[{_CN}]{{1,3}}部分",
    # 二、 and as units also type it (二. 二, 二: 二 word), as outline.py reads a heading
    *(rf"{c}[{_CN}]{{0,2}}(?:[、.,:]|\s{SPACED_WORD})" for c in _CN),
    rf"\([{_CN}]{{1,3}}\)",
    *(rf"{d}\d?(?:、|\.(?!\d)|{_DOT_BEFORE_YEAR})" for d in "0123456789"),
]
_INLINE = re.compile(
    "|".join(
        [
            *_MAJOR_BRANCHES,
            r"\(\d{1,2}\)",
            *(rf"{c}[{_CN}]{{0,2}}是" for c in _CN),
        ]
    )
)
_OTHER_DIGIT = re.compile(r"[^\D0-9]")
_ANY_DIGIT_BRANCH = rf"|[^\D0-9]\d?(?:、|\.(?!\d)|{_DOT_BEFORE_YEAR})"
_INLINE_ANY_DIGIT = re.compile(_INLINE.pattern + _ANY_DIGIT_BRANCH)
_MAJOR = re.compile("|".join(_MAJOR_BRANCHES))
_MAJOR_ANY_DIGIT = re.compile(_MAJOR.pattern + _ANY_DIGIT_BRANCH)


@lru_cache(maxsize=1)
def _other_bmp_digit() -> re.Pattern[str]:
    return re.compile(f"[{bmp_digits(ascii_too=False)}]")


@lru_cache(maxsize=1)
def _not_digit_blocks() -> bytes:
    """Every byte that is no UTF-16 high byte of a BMP decimal digit other than 0-9 (those
    stand in 22 blocks of 256: ٠ U+0660, ० U+0966, ０ U+FF10…): deleting them from a text's high
    bytes leaves nothing when it holds no such digit."""
    blocks = {c >> 8 for c in range(0x3A, 0x10000) if chr(c).isdecimal()}
    return bytes(b for b in range(256) if b not in blocks)


def _other_digits(line: str) -> bool:
    """Whether ``line`` holds a decimal digit other than 0-9 (another script's)."""
    units = utf16(line)
    if not bmp_only(line, units):
        return _OTHER_DIGIT.search(line) is not None
    # a Chinese text's characters stand in none of the digits' blocks: told by one delete of
    # bytes, where the class below (60 ranges) is tried at every character
    if not units[1::2].translate(None, _not_digit_blocks()):
        return False
    # [^\D0-9] looks each character's category up: the same digits as a class are told faster
    return _other_bmp_digit().search(line) is not None


def _markers_in(line: str, other_digits: bool | None = None) -> re.Pattern[str]:
    """The inline markers' pattern for ``line`` (``other_digits``: :func:`_other_digits`, when
    known)."""
    if other_digits is None:
        other_digits = _other_digits(line)
    return _INLINE_ANY_DIGIT if other_digits else _INLINE


def _may_be_runon(line: str, other_digits: bool) -> bool:
    """False when a section, sub-section or numbered marker (kinds 1-3) can start at fewer than
    two places of ``line``: every such marker inline_markers accepts starts at one, and
    is_runon needs two or more. Most long paragraphs (一是…二是…) are ruled out by two scans,
    without reading each of their markers."""
    major = _MAJOR_ANY_DIGIT if other_digits else _MAJOR
    first = major.search(line)
    return first is not None and major.search(line, first.start() + 1) is not None


_STOPS = "。;:!?"
_CLOSERS = '”’"」』)'
RUNON_MIN_CHARS = 300


def _inline_number(m: re.Match[str]) -> tuple[int, int] | None:
    """(kind, number) of an inline marker match, read from its shape."""
    text = m.group(0)
    if text.endswith("部分"):
        kind, number = 1, text[1:-2]
    elif text[0] == "(":
        kind, number = (2 if text[1] in _CN else 4), text[1:-1]
    elif text.endswith("是"):
        kind, number = 5, text[:-1]
    else:  # 一、 or 1、 / 1.
        kind, number = (3 if text[0].isdigit() else 1), text[:-1]
    try:
        return kind, int(number) if number.isdigit() else cn_number(number)
    except KeyError:
        return None


def _after_stop(line: str, start: int) -> bool:
    """Whether a marker at ``start`` opens a paragraph: at the line start, after white space,
    or after a sentence stop (possibly closed by a quote mark)."""
    if start == 0 or line[start - 1].isspace():
        return True
    prev = line[max(0, start - 8) : start].rstrip()  # a bounded look back: lines can be huge
    if not prev:
        return True
    if prev[-1] in _CLOSERS and len(prev) > 1:
        return prev[-2] in _STOPS
    return prev[-1] in _STOPS


# A flattened table's row label and its values (四、结转下年度继续办理    0    0   0…): no section
# heading, though its number may follow the section's (table 三's rows 一、…四、 in section 三)
_ROW_VALUES = re.compile(
    rf"[^\s\d。;:!?]{{2,{MAX_HEADING}}}\s+\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?){{2}}"
)


_OPEN_MAX = 8  # a kind's open sequences kept: the outer one and the innermost seven


def inline_markers(line: str, other_digits: bool | None = None) -> list[tuple[int, int]]:
    """(offset, kind) of the heading markers that open a paragraph inside ``line``.

    A marker counts after a sentence stop or white space and in sequence with the markers of its
    kind before it (2. after 1.), so 统一、规范, dates (1.5) and 第一部分 mentioned inside a
    sentence are not split. A first sub-heading marker right after a heading that had no stop
    (（一）…建设1.深入…) counts too: headings often end without punctuation.
    """
    found: list[tuple[int, int]] = []
    # each kind's open sequences, by their last number: a restart (一、 again, a table's rows
    # 一、…四、 inside section 三) leaves the outer one open, so 四、 after the table's own 四、
    # still follows section 三
    last: dict[int, list[int]] = {}
    text_end = len(line.rstrip())
    for m in _markers_in(line, other_digits).finditer(line):
        parsed = _inline_number(m)
        if parsed is None:
            continue
        kind, n = parsed
        start = m.start()
        open_ = last.get(kind, [])
        if _after_stop(line, start):
            ok = n == 1 or n - 1 in open_
        elif kind == 1 and start and line[start - 1].isdigit():
            # after a flattened table's last value (…0000000三、收到和处理…): the next top-level
            # heading in sequence
            ok = n - 1 in open_
        else:
            # a heading with no stop, then its first sub-heading
            prev = found[-1] if found else None
            ok = (
                n == 1
                and prev is not None
                and prev[1] < kind
                and start - prev[0] <= MAX_HEADING
                and not any(c in _STOPS for c in line[prev[0] : start])
            )
        if ok and n > 1 and kind == 1 and _ROW_VALUES.match(line, m.end()):
            # a table's row, its values after it (四、结转下年度继续办理  0  0  0…): it goes on the
            # table's own rows (一、…三、 in section 三), or the sections' where the table's row of
            # its number stood already (四、政府信息公开行政复议… 2 1 0…, its header dropped) —
            # never the sections' alone, or the section 四 after the table would not follow
            ok = n - 1 in open_[1:] or (open_[:1] == [n - 1] and n in open_[1:])
        if ok and m.end() < text_end:
            found.append((start, kind))
            if n == 1 or n - 1 not in open_:
                seqs = last.setdefault(kind, [])
                seqs.append(n)
                if len(seqs) > _OPEN_MAX:  # the outer one and the latest few: restarts by the
                    del seqs[1]  # thousand (一、。一、。…) made each marker's look quadratic
            else:  # the innermost sequence it continues
                open_[len(open_) - 1 - open_[::-1].index(n - 1)] = n
    return found


def is_runon(line: str, markers: list[tuple[int, int]]) -> bool:
    """A very long line carrying several section or sub-section headings."""
    if len(line) < RUNON_MIN_CHARS:
        return False
    major = sum(kind <= 2 for _, kind in markers)
    return major >= 2 or sum(kind <= 3 for _, kind in markers) >= 3


def _gap_splits(line: str) -> list[int]:
    """Where joined paragraphs meet at a white-space gap (the crawler put a space, not a line
    break): after a CJK character or full-width stop and before a CJK character or a bracket;
    and before the first sentence, where page furniture sits (当前位置 … 时间 … 微信 微博), at
    every gap except inside a date and time."""
    out = []
    first_sentence = re.search(r"[,。]", line)
    head_end = first_sentence.start() if first_sentence else len(line)
    for m in re.finditer(r"\s+", line):
        a, b = m.start(), m.end()
        if a == 0 or b >= len(line):
            continue
        before, after = line[a - 1], line[b]
        if b < head_end:
            if not (before.isdigit() and after.isdigit()):
                out.append(b)
        elif ord(before) >= 0x2E80 and (ord(after) >= 0x2E80 or after == "("):
            out.append(b)
    return out


def _heading_ends(line: str, markers: list[tuple[int, int]]) -> list[int]:
    """A heading with no stop ends at the first white-space gap after it (一、…主要安排 2026年，…):
    the paragraph that followed it starts there."""
    out = []
    inline = _markers_in(line)
    for start, _ in markers:
        m = inline.match(line, start)
        if m is None:
            continue
        after = line[m.end() : m.end() + MAX_HEADING]
        text_start = m.end() + len(after) - len(after.lstrip())
        window = line[text_start : text_start + MAX_HEADING]
        gap = re.search(r"\s+", window)
        stop = next((k for k, c in enumerate(window) if c in _STOPS or c == ","), len(window))
        if gap and 2 <= gap.start() < stop and text_start + gap.end() < len(line):
            out.append(text_start + gap.end())
    return out


# A line opening with a heading's marker (一、 （一） 1. 第一部分 一是; 二，/ 二 typed for 二、,
# the space before a word: SPACED_WORD), as the reading layer tells one without the outline
HEADING_START = re.compile(
    rf"^\s*(?:[一二三四五六七八九十]+(?:\s*[、.．,，:：]|\s+{SPACED_WORD}\S)"
    r"|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[、.．]|第[一二三四五六七八九十]+[部章节]|[一二三四五六七八九十]是)"
)
# The signature a crawl joined onto the body's last sentence (…情况。示例县司法局2026年2月10日, or
# the date alone)
_SIGNATURE = re.compile(
    rf"[。;!?]\s*([^。;!?,]{{0,40}}?\s*(?:{DATE.pattern}|{CN_DATE.pattern})\s*日?\s*)$"
)
_SIGNATURE_TAIL = 80  # characters the signature is looked for in: lines can be huge


def _signature_start(line: str) -> set[int]:
    """Where a signature (an issuer and a date, after the last sentence) starts at the end of a
    run-on line, so that it is read as the signature, not as the body's last words."""
    start = max(0, len(line) - _SIGNATURE_TAIL)
    m = _SIGNATURE.search(line, start)
    return {m.start(1)} if m else set()


# A title a crawl joined onto the body's first words (…建设情况的报告县委、县政府：2025年，…),
# and the addressee after it
_JOINED_TITLE = re.compile(r"[^。;!?,:]{6,60}?(?:的|情况|工作|年度)报告(?!如下|[。;!?,:])")
_JOINED_ADDRESSEE = re.compile(r"[^。;!?,:\s]{2,30}:")


def _title_ends(line: str) -> set[int]:
    """Where a title that opens a run-on line ends, and where its addressee ends, so that each
    is read as what it is."""
    m = _JOINED_TITLE.match(line)
    if m is None:
        return set()
    addressee = _JOINED_ADDRESSEE.match(line, m.end())
    return {m.end(), addressee.end()} if addressee else {m.end()}


def _spaced_marker_ends(line: str, markers: list[tuple[int, int]]) -> set[int]:
    """Where the text of a heading typed with a space (二 工作…) starts: the space is the
    marker's, not a gap between paragraphs."""
    inline = _markers_in(line)
    out = set()
    for start, _ in markers:
        m = inline.match(line, start)
        if m is not None and m.group(0)[-1].isspace():
            rest = line[m.end() : m.end() + MAX_HEADING]
            out.add(m.end() + len(rest) - len(rest.lstrip()))
    return out


# A form's row (a 表格式 report: 主要举措和成效 | （一）…（二）…, a cell's paragraphs joined): its
# label cell and the text after it stay one line, read as a heading and its text; the cell's
# own points may still be cut apart
_LABEL_CELL = re.compile(rf"^\s*[^|。;!?]{{1,{MAX_HEADING}}}?\s\|\s+")


_ROW_CELLS = 3  # a form's row is a label and its text; a table's has more cells


def _table_row(line: str) -> bool:
    """A table's row of short cells (a header naming the rows of a table printed transposed:
    一、本年新收… | 二、上年结转… | （一）予以公开 | …): the markers are its cells' labels, no
    headings inside a paragraph."""
    if line.count("|") < _ROW_CELLS - 1:
        return False
    cells = line.strip().strip("|").split("|")
    return len(cells) >= _ROW_CELLS and all(len(c.strip()) <= MAX_HEADING for c in cells)


def resegment(lines: list[str]) -> list[tuple[int, int, int]] | None:
    """Cut run-on lines at inline headings and paragraph gaps: (line, start, end) per new line,
    each a slice of the line as read (slices of one line are contiguous), or None when no
    line is run-on. Works on the analysis view, whose offsets are the original's."""
    runon: dict[int, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        if len(line) < RUNON_MIN_CHARS or _table_row(line):  # only a paragraph's line
            continue
        other_digits = _other_digits(line)
        if _may_be_runon(line, other_digits):
            markers = inline_markers(line, other_digits)
            if markers and is_runon(line, markers):
                runon[i] = markers
    if not runon:
        return None
    out: list[tuple[int, int, int]] = []
    for i, line in enumerate(lines):
        markers = runon.get(i, [])
        if not markers:
            out.append((i, 0, len(line)))
            continue
        label = _LABEL_CELL.match(line)
        cuts = sorted(
            c
            for c in (
                {s for s, _ in markers}
                | (set(_gap_splits(line)) - _spaced_marker_ends(line, markers))
                | set(_heading_ends(line, markers))
                | _signature_start(line)
                | _title_ends(line)
            )
            if c > (label.end() if label else 0)
        )
        bounds = [0, *cuts, len(line)]
        out.extend((i, a, b) for a, b in pairwise(bounds) if b > a)
    return out
