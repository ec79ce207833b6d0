"""PDF: the text layer, or OCR of the page images when there is none (a scan) or its fonts map
to no characters. Encrypted PDFs that open without a password are read."""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection
from io import BytesIO
from itertools import pairwise
from typing import Any

from fzcheck.document import PICTURE, PICTURE_MIN_CM
from fzcheck.errors import InputError
from fzcheck.reading.chrome import TITLE_KINDS
from fzcheck.reading.layout import Piece, Places, reading_rows, unwrap
from fzcheck.reading.limits import MAX_ELEMENTS, Deadline, count_limit
from fzcheck.reading.normalize import Extracted
from fzcheck.reading.pages import BARE_NUMBER, PAGE_NUMBER
from fzcheck.reading.pdf_tables import (
    TABLE_MARK,
    Grid,
    grids,
    rows_across_pages,
    rules_on,
    table_lines,
)

# Text extraction puts spaces between Chinese and digits/Latin (关于 2025 年度), and one
# between the characters of a letter-spaced line (法 治 政 府); Chinese typesetting has none
# there. A wider gap between two Chinese words is the text's own (中共甲县委员会  甲县人民政府,
# two signers side by side): it stays.
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(
    rf"(?<=[{_CJK}])(?:[ \t](?=[{_CJK}])|[ \t]+(?=[0-9A-Za-z]))|(?<=[0-9A-Za-z])[ \t]+(?=[{_CJK}])"
)
# A table's row (（一）予以公开      15   3   1 …, 行政许可      1280): its label and values keep
# the spaces between them (taken out, 予以公开15 made the label swallow the first value)
# a dash, a slash or 无 for none (— — 4, 0 无 无: zeros a unit leaves out) is a cell's value as
# a figure is
_VALUE = r"(?:-?\d[\d,]*(?:\.\d+)?|[-—–－‐/／]+|无)"
_VALUES_AT_END = re.compile(rf"(?:(?:[ \t]+{_VALUE}){{2,}}|[ \t]{{2,}}{_VALUE})[ \t]*$")
# characters of a line's end its values are looked for in: a row's values are a few dozen, and
# the search, tried from each space of a 30,000-value line, took 72 s
_ROW_TAIL = 400
# A short label and its one value, a single space between (行政许可 86: table 二's rows); a
# sentence's count (受理 86 件, 共办理 86) has words after it, or punctuation before. Matched
# from the line's start on its own: as a branch of the search above, its ^ kept the engine
# from skipping to the white space the others open with.
_LABEL_AND_VALUE = re.compile(rf"\s*[^\s，。；、：:,;！？!?]{{2,20}}[ \t]{_VALUE}[ \t]*$")
_SCAN = (
    "no text layer, and OCR found no text in the page images (a blank or unreadable scan); "
    "check the scan, or OCR it yourself, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`"
)
_MAX_PAGES = 2_000
_MAX_TEXT = 4_000_000  # characters extracted before stopping (a report is refused over 2 M)


def read_pdf(data: bytes, deadline: Deadline | None = None) -> Extracted:
    deadline = deadline or Deadline()
    pages, pictured = _text_layer(data, deadline)
    text = _clean(pages)
    visible = _visible(text)
    if (visible < 20 * max(len(pages), 1) ** 0.5 and visible < 200) or text.count(
        "\ufffd"
    ) > visible * 0.05:
        return _ocr(data)
    scanned = [i for i in pictured if _visible(pages[i]) < 10]
    if not scanned:
        placed = _placed_apart(data, [_visible(page) for page in pages], deadline)
        if placed is None:
            return Extracted(text)
        return Extracted(_clean([t for t, _ in placed], places=[p for _, p in placed]))
    return _ocr_some(data, pages, scanned)


# Characters of text a PDF is read character by character for, at most: each is a call into
# PDFium (a few µs); a longer text layer keeps pypdf's order.
_PLACED_MAX = 400_000
_CELL_GAP = 1.0  # em: a gap this wide with no space drawn in it is a table's cell border
_TURNED = 0.05  # radians: a character set at a larger angle is turned
_TURNED_SHARE = 0.05  # of a page's characters turned, at most, for it to be read by position
_MAX_SPACES = 8  # put in for one gap, at most (a gap of 200,000 pt took minutes to read)
_TALL = 3.0  # a character this many times the page's median height (a watermark) stands
# across lines: read by position, it pulls them into one; the page keeps pypdf's order
_OVERLAID_SHARE = 0.005  # of a page's characters drawn over another (invisible text laid over
# the visible, a bold drawn twice), at most, for it to be read by position


_PLACED_SECONDS = 30.0  # PDFium's reading of a text layer pypdf read: seconds at most
_PLACED_BYTES = 2**30  # and what the child's address space may grow by


def _placed_apart(
    data: bytes, visible: list[int], deadline: Deadline
) -> list[tuple[str, Places]] | None:
    """:func:`_placed`, in a child process with its time and memory capped, as OCR's PDFium is
    run: PDFium parses a crafted page (forms drawing forms) inside C code, where no deadline
    reaches, until it aborts the process. Any failure there leaves pypdf's text standing. It
    has what is left of the reading's time, at most :data:`_PLACED_SECONDS`."""
    seconds = min(_PLACED_SECONDS, deadline.remaining())
    if sum(visible) > _PLACED_MAX or seconds < 1:
        return None
    from fzcheck.reading.isolated import call_isolated

    try:
        return call_isolated(
            lambda: _placed(data, Deadline(seconds), visible),
            seconds + 5,
            grow_by=_PLACED_BYTES,
            quiet=True,
        )
    except InputError:
        return None


def _placed(data: bytes, deadline: Deadline, visible: list[int]) -> list[tuple[str, Places]] | None:
    """Each page's text with each line's characters in the order they stand (PDFium's boxes),
    where pypdf gives them in the order the page draws them: a writer may draw a line's
    quotation marks in another font after its Chinese (LibreOffice: （二）深化放管服改革…持续“ ”,
    the marks at the line's end). The text's own spaces are kept, as many as fill their gap;
    a gap of a cell's width with none drawn is two spaces or more (a table's columns, as
    pdftotext -layout keeps them). None when PDFium reads less text than pypdf did on any page
    (a font it cannot map, a page's contents it skips): pypdf's stands. ``visible``: pypdf's
    characters, page by page. Each page's lines' places come with it."""
    try:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
        import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

        pdf = pdfium.PdfDocument(data)
    except Exception:  # noqa: BLE001 - PDFium refusing a file pypdf read: pypdf's text stands
        return None
    try:
        pictures = _running_dropped([_pictures_on(page, pdfium_c) for page in pdf])
        pages = []
        for page, shown in zip(pdf, pictures, strict=True):
            deadline.check()
            text = _page_text(
                page.get_textpage(),
                pdfium_c,
                shown,
                grids(*rules_on(page, pdfium_c, _PAGE_OBJECTS)),
            )
            page.close()
            if text is None:
                return None
            pages.append(text)
    except Exception:  # noqa: BLE001 - as above
        return None
    finally:
        pdf.close()
    if len(pages) != len(visible) or any(
        _visible(text) < 0.9 * count for (text, _), count in zip(pages, visible, strict=True)
    ):
        return None
    return pages


_PICTURE_SIZE = tuple(cm * 72 / 2.54 for cm in PICTURE_MIN_CM)  # pt
_PAGE_OBJECTS = 5_000  # a page drawing more is a drawing, its pictures not looked for
_Box = tuple[float, float, float, float]  # a picture's left, bottom, right, top (PDF points)


def _pictures_on(page: Any, pdfium_c: Any) -> list[_Box]:
    """The boxes (left, bottom, right, top) of the pictures a page shows the size of a table or
    a page: a table pasted as an image, whose place the text keeps (:data:`PICTURE`)."""
    if pdfium_c.FPDFPage_CountObjects(page.raw) > _PAGE_OBJECTS:
        return []
    boxes = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if right - left >= _PICTURE_SIZE[0] and top - bottom >= _PICTURE_SIZE[1]:
            boxes.append((left, bottom, right, top))
    return boxes


def _running_dropped(pages: list[list[_Box]]) -> list[list[_Box]]:
    """Each page's pictures but those in the same place on two pages or more and on half of
    them at least: a letterhead or a banner printed on every page, no table's picture."""
    seen = Counter(box for boxes in pages for box in {tuple(round(v) for v in b) for b in boxes})
    need = max(2, (len(pages) + 1) // 2)
    return [[b for b in boxes if seen[tuple(round(v) for v in b)] < need] for boxes in pages]


def _page_text(
    textpage: Any,
    pdfium_c: Any,
    pictures: list[_Box],
    tables: list[Grid],
) -> tuple[str, Places] | None:
    """A page's lines: its characters grouped by the line they stand on, each line read left to
    right. PDFium's own spaces and line breaks (put in where it sees a gap) are left out. None
    for a page with text set at an angle (a table turned to fit the page): its lines do not
    run left to right, and pypdf reads each direction apart."""
    chars: list[Piece] = []  # a piece a character, a space as " "
    turned = 0
    for i in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
            continue
        angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, i)
        if _TURNED < angle < 2 * math.pi - _TURNED:
            turned += 1
        ch = textpage.get_text_range(i, 1)
        if not ch or ch in "\r\n":
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        # PDF's y runs up, a page's lines down
        chars.append(Piece(-top, -bottom, left, right, " " if ch.isspace() else ch))
    if turned > _TURNED_SHARE * max(len(chars), 1):
        return None
    if _tall_across_lines(chars):
        return None
    chars.extend(_picture_marks(chars, pictures))
    # a ruled table's characters by its cells, a row of the grid a line (pdf_tables); the table
    # stands in the page's lines as one piece across its top, read in its place (in its column)
    blocks: dict[str, list[str]] = {}
    for grid in tables:
        inside = [c for c in chars if grid.holds(c)]
        rows = table_lines(grid, inside) if any(c.text != " " for c in inside) else None
        if rows is not None:
            held = set(map(id, inside))
            chars = [c for c in chars if id(c) not in held]
            key = f"{TABLE_MARK}{len(blocks)}"
            blocks[key] = rows
            left, top, right, _ = grid.box
            chars.append(Piece(top, top + 1.0, left, right, key))
    # as OCR's and OFD's pieces are grouped, each left to right, two columns one after the other
    lines = reading_rows(chars)
    overlaid = sum(
        1
        for line in lines
        for a, b in pairwise(line)
        if _drawn(a) and _drawn(b) and b.left < a.right - 0.5 * (b.right - b.left)
    )
    if overlaid > max(3, _OVERLAID_SHARE * len(chars)):
        return None
    out: list[str] = []
    places: Places = {}
    em = _em_of(chars)
    for line in lines:
        text = [c for c in line if c.text not in blocks]
        out.extend(row for c in line if c.text in blocks for row in blocks[c.text])
        if text:
            out.append(_row_text(text))
            drawn = [c for c in text if _drawn(c)] or text
            left = min(c.left for c in drawn)
            right = max(c.right for c in drawn)
            size = _cjk_width(drawn)  # (a line of figures alone: its size unknown)
            places[out[-1]] = (left / em, (right - left) / em, size and size / em)
    return "\n".join(out), places


def _em_of(chars: list[Piece]) -> float:
    """The page's em: its Chinese characters' median width (its lines' sizes are told in it,
    as the text's widths are estimated: a Chinese character 1 em)."""
    width = _cjk_width(chars)
    if width is None:  # no Chinese on the page: its characters' median height
        heights = sorted(c.bottom - c.top for c in chars if c.text != " ") or [10.0]
        width = heights[len(heights) // 2]
    return max(width, 1.0)


def _cjk_width(chars: list[Piece]) -> float | None:
    widths = sorted(c.right - c.left for c in chars if "\u4e00" <= c.text <= "\u9fff")
    return widths[len(widths) // 2] if widths else None


def _picture_marks(chars: list[Piece], pictures: list[_Box]) -> list[Piece]:
    """A :data:`PICTURE` line where each picture stands alone (no line of text beside it: text
    set around a picture keeps its lines), a character high at the picture's top."""
    marks: list[Piece] = []
    middles = sorted((c.top + c.bottom) / 2 for c in chars if c.text != " ")
    for left, bottom, right, top in pictures[:_PICTURES_MAX]:
        k = bisect_right(middles, -top)
        beside = k < len(middles) and middles[k] < -bottom
        # (pictures laid over one another, a scan's layers, are one picture)
        over = any(m.top < -bottom and -top < m.top + _PICTURE_DEPTH for m in marks)
        if not beside and not over:
            marks.append(Piece(-top, -top + _PICTURE_DEPTH, left, right, PICTURE))
    return marks


_PICTURES_MAX = 50  # pictures on one page looked at, at most
_PICTURE_DEPTH = 10.0  # pt: a mark's height


def _drawn(piece: Piece) -> bool:
    """Whether ``piece`` is a character drawn, not a space, a picture's or a table's place."""
    return piece.text != " " and piece.text != PICTURE and not piece.text.startswith(TABLE_MARK)


def _tall_across_lines(chars: list[Piece]) -> bool:
    """Whether a character many times the page's median height (a watermark) stands beside the
    text's lines, where it would pull them into one. One standing apart (a 文件头's 52 pt 司法局文件
    over the page) is read with the rest."""
    drawn = [c for c in chars if c.text != " "]
    heights = sorted(c.bottom - c.top for c in drawn)
    if not heights:
        return False
    tall = _TALL * heights[len(heights) // 2]
    spans: list[list[float]] = []  # the tall ones' heights, overlapping ones merged
    for top, bottom in sorted((c.top, c.bottom) for c in drawn if c.bottom - c.top > tall):
        if spans and top <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], bottom)
        else:
            spans.append([top, bottom])
    if not spans:
        return False
    tops = [s[0] for s in spans]
    # a line's characters beside a tall one: their middle within its height
    for c in drawn:
        if c.bottom - c.top <= tall:
            middle = (c.top + c.bottom) / 2
            k = bisect_right(tops, middle) - 1
            if k >= 0 and spans[k][0] < middle < spans[k][1]:
                return True
    return False


def _row_text(row: list[Piece]) -> str:
    out: list[str] = []
    right: float | None = None  # the last visible character's right edge
    space = 0.0  # a drawn space's width
    spaces = 0  # drawn spaces since that character
    drawn = [c for c in row if c.text != " "]
    # the row's usual space between two characters (a justified line spreads them alike)
    usual = _median_gap(drawn)
    for c in row:
        if c.text == " ":
            spaces, space = spaces + 1, c.right - c.left
            continue
        em = c.bottom - c.top
        if right is not None:
            gap = c.left - right
            if spaces:  # as many as fill the gap, if PDFium gave fewer (two signers apart)
                fill = max(spaces, round(gap / space) if space > 0 else spaces)
                out.append(" " * min(fill, _MAX_SPACES))
            elif gap > _CELL_GAP * em or (
                c.text.isdigit() and gap > _VALUE_GAP * em + usual and not out[-1].isdigit()
            ):
                # (a value's cell after a label filling its own, the two cells' padding apart:
                # 处理的，只计这一情形， / 2, where text would set 情形，2件 close)
                out.append(" " * min(max(2, round(gap / (0.5 * em))), _MAX_SPACES))
        out.append(c.text)
        right, spaces = c.right, 0
    return "".join(out).rstrip()


_VALUE_GAP = 0.5  # em more than the row's usual gap before a figure: a cell's border


def _median_gap(drawn: list[Piece]) -> float:
    gaps = sorted(b.left - a.right for a, b in pairwise(drawn))
    return max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _ocr_some(data: bytes, pages: list[str], scanned: list[int]) -> Extracted:
    """Text pages with some scanned ones (typically the stamped signature page): the scanned
    pages are OCR'd in place. OCR is a bonus here, so when it cannot run the text layer stands."""
    try:
        from fzcheck.reading.ocr import MAX_PAGES, ocr_pdf

        if len(scanned) > MAX_PAGES:
            return Extracted(_clean(pages))
        recognised = ocr_pdf(data, scanned)
    except (ImportError, InputError):
        return Extracted(_clean(pages))
    merged = list(pages)
    for index, page_text in zip(scanned, recognised, strict=True):
        merged[index] = page_text
    return Extracted(_clean(merged, scanned), ocr=any(t.strip() for t in recognised))


def _text_layer(data: bytes, deadline: Deadline) -> tuple[list[str], list[int]]:
    """Each page's text, and the pages that draw an image (a scan, if they have no text)."""
    import pypdf
    from pypdf.errors import DependencyError, LimitReachedError, PdfReadError

    # pypdf logs its robustness notes on damaged files; the input's one line is ours to print
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = pypdf.PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                "the PDF is password-protected; save an unprotected copy", kind="encrypted"
            )
        count_limit(len(reader.pages), "pages", _MAX_PAGES)
        pages: list[str] = []
        pictured: list[int] = []
        total = 0
        for index, page in enumerate(reader.pages):
            deadline.check()
            pages.append(page.extract_text() or "")
            if _draws_image(page):
                pictured.append(index)
            total += len(pages[-1])
            if total > _MAX_TEXT:
                raise InputError(
                    f"over {_MAX_TEXT:,} characters of text: not one report; split the file",
                    kind="too_large",
                )
        count_limit(sum(p.count("\n") for p in pages), "lines", MAX_ELEMENTS * 4)
        return pages, pictured
    except InputError:
        raise
    except DependencyError as err:
        raise InputError(
            f"the PDF is encrypted in a way this installation cannot open ({err}); "
            "save an unprotected copy",
            kind="encrypted",
        ) from None
    except LimitReachedError:
        raise InputError(
            "a PDF stream inflates beyond the size limit (a decompression bomb or a "
            "damaged file): not read",
            kind="too_large",
        ) from None
    except RecursionError:
        raise InputError(
            "a damaged PDF (objects nested without end); re-export it", kind="corrupt"
        ) from None
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        OSError,
        AttributeError,
        IndexError,
        AssertionError,
        ZeroDivisionError,
    ) as err:
        raise InputError(
            f"a damaged PDF ({type(err).__name__}); re-export it", kind="corrupt"
        ) from None


def _draws_image(page: Any) -> bool:
    try:
        resources = page.get("/Resources")
        objects = resources.get_object().get("/XObject") if resources is not None else None
        return objects is not None and any(
            obj.get_object().get("/Subtype") == "/Image" for obj in objects.get_object().values()
        )
    except Exception:  # noqa: BLE001 - a damaged resource dictionary: no OCR, text still read
        return False


def _clean(
    pages: list[str], recognised: Collection[int] = (), places: list[Places] | None = None
) -> str:
    """The pages' text without blank lines and page numbers, and with no spaces between Chinese
    and digits; a text layer's wrapped lines joined into paragraphs (``recognised``: the pages
    OCR gave, one paragraph a line already), by their ``places`` where PDFium gave them."""
    paged = _page_lines(pages)
    measured = [{_cleaned(t.rstrip()): at for t, at in p.items()} for p in places or []]
    _drop_running_lines(paged)
    rows_across_pages(paged)
    layer = [i for i in range(len(paged)) if i not in recognised]
    joined = unwrap([paged[i] for i in layer], [measured[i] for i in layer] if measured else None)
    for i, lines in zip(layer, joined, strict=True):
        paged[i] = lines
    return "\n".join(line for lines in paged for line in lines)


def _page_lines(pages: list[str]) -> list[list[str]]:
    """Each page's non-blank lines, without its page number. A bare number is a page's number
    only as its first or last line and in step with the pages' order (3 on the third page, or
    on the fourth after an unnumbered cover): a table's cells come out one a line, and each of
    its values is a bare number too."""
    paged = [
        [line for line in map(str.rstrip, page.splitlines()) if line.strip()] for page in pages
    ]
    ends = [
        (k, j, int(lines[j]))
        for k, lines in enumerate(paged)
        for j in {0, len(lines) - 1}
        if lines and BARE_NUMBER.match(lines[j])
    ]
    # how many pages (not page ends: a page may open and close with the same value) each step
    # of numbering has
    steps = Counter(step for step, _ in {(n - k, k) for k, _, n in ends})
    step = max(steps, key=lambda s: (steps[s], -abs(s - 1)), default=None)
    # printed page numbers run through most pages; two table values that happen to line up
    # with the pages do not
    numbered = (step is not None and steps[step] >= max(2, len(paged) // 2)) or len(paged) == 1
    numbers = {(k, j) for k, j, n in ends if numbered and n - k == step}
    return [
        [
            _cleaned(line)
            for j, line in enumerate(lines)
            if not PAGE_NUMBER.match(line) and (k, j) not in numbers
        ]
        for k, lines in enumerate(paged)
    ]


def _cleaned(line: str) -> str:
    """``line`` without the spaces extraction puts between Chinese and digits, a table's row
    aside (its values' spaces keep them apart)."""
    if _VALUES_AT_END.search(line[-_ROW_TAIL:]) or _LABEL_AND_VALUE.match(line):
        return line
    return _CJK_GAP.sub("", line)


def _ocr(data: bytes) -> Extracted:
    try:
        from fzcheck.reading.ocr import ocr_pdf, recognised

        pages = ocr_pdf(data)
        text = _clean(pages, range(len(pages)))
    except ImportError as err:
        raise InputError(
            f"a scanned PDF (no usable text layer), and OCR is not installed here "
            f"({err.name or err}); reinstall fzcheck with its dependencies, or OCR "
            "it yourself",
            kind="missing_dependency",
        ) from None
    if not recognised(text):
        raise InputError(_SCAN, kind="scanned_pdf")
    return Extracted(text, ocr=True)


_DIGITS = re.compile(r"\d+")


def _drop_running_lines(paged: list[list[str]]) -> None:
    """Take off each page's running header and footer: a first or last line that opens or
    closes at least half the pages (two at least) alike, page numbers aside — the issuer or
    the title printed on every page, which read as text joined the title and broke the body."""
    if len(paged) < 2:
        return
    ends: Counter[str] = Counter()
    for lines in paged:
        ends.update({key for line in lines[:1] + lines[-1:] if (key := _running_key(line))})
    need = max(2, (len(paged) + 1) // 2)
    running = {key for key, n in ends.items() if n >= need}
    if not running:
        return
    for k, lines in enumerate(paged):
        if lines and _running_key(lines[0]) in running and not (k == 0 and _titles(lines)):
            del lines[0]
        if lines and _running_key(lines[-1]) in running:
            del lines[-1]


def _titles(first_page: list[str]) -> bool:
    """Whether the first page's first line is its title, not the header the later pages repeat
    it as (Word's different first page: the title in the header from page 2 on) — it reads as a
    title and no other line under it does (a header over the title: the title is below)."""
    first, *below = (line.strip() for line in first_page[:_TITLE_LINES])
    return _TITLE_END.search(first) is not None and not any(map(_TITLE_END.search, below))


_TITLE_LINES = 6  # a first page's lines the title is among
_TITLE_END = re.compile(rf"(?:{TITLE_KINDS})\s*$")


def _running_key(line: str) -> str | None:
    """The line with its numbers masked; None for a table's row of values (2 0 0 0 0 0 2), which
    many pages may end on alike once masked — a table running over pages, its labels wrapped
    onto lines of their own — and is never a running header or footer; nor is one value alone
    (a cell a line, as pypdf reads a drawn table: 38 and 0 end two pages; a page's own number
    is taken off before, where it runs in step with the pages)."""
    if _ONLY_VALUES.match(line) or _ONE_VALUE.match(line) or line == PICTURE:
        return None  # (nor is a picture's place: pictures of a table's pages open each page)
    if TABLE_MARK in line:
        return None  # a ruled table's place (an OFD's: a table ending one page, going on next)
    return _DIGITS.sub("#", line.strip())


_ONLY_VALUES = re.compile(rf"^\s*{_VALUE}(?:[ \t]+{_VALUE}){{2,}}\s*$")
_ONE_VALUE = re.compile(rf"^\s*{_VALUE}\s*$")
