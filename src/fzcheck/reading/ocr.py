"""Text of a scanned PDF by OCR: pages rendered with PDFium, read by RapidOCR; and of a
report's pages pasted into a document as pictures.

The OCR models ship inside the ``rapidocr_onnxruntime`` wheel (nothing is downloaded), and the
heavy libraries are imported only when a scan arrives, so ``fzcheck --help`` stays fast."""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

from fzcheck.errors import InputError
from fzcheck.reading.layout import Piece, document_lines
from fzcheck.reading.limits import Deadline

MAX_PAGES = 30  # an annual report is 3-15 pages; OCR costs ~2-8 s a page on 2 busy cores
SECONDS = 240.0  # OCR's own budget: far over a real scan's, far under a hang
# The page's long side in pixels: A4 at ~110 dpi, where body text is ~18 px high. The detector's
# memory grows with the image (+180 MB here, +350 MB at 144 dpi), so this also bounds memory.
_MAX_SIDE = 1280
_MIN_SCORE = 0.5
# A page far longer than wide (0.0001 × 100000 points) is no report's page: the detector scales
# its short side up, and the image with it (7 GB for one such page)
_MAX_ASPECT = 8.0
# A document whose text, its title aside, is this short holds no report's text (a report runs
# to thousands of characters): with pictures in it, the report is those pictures.
TEXT_BESIDE_PICTURES = 150
# A picture this small is a logo, a seal or a photo's thumbnail, no page of text
_MIN_PICTURE_SIDE = 400
# A picture of more pixels than this is no page (a decompression bomb): A4 at 600 dpi is 35 M
_MAX_PIXELS = 60_000_000
# What the OCR child's address space may grow by, beyond the parent's it starts with (a
# long-running process holding a browser's or a PDF library's reservations would leave an
# absolute cap no room: OCR's import failed, said as OCR not installed): a real scan's run
# takes ~1 GB (the models, one page)
MAX_BYTES = 3 * 2**30


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]

    # One text line at a time: a batch of six long lines cost ~250 MB more, for no speed here.
    return RapidOCR(rec_batch_num=1)


def ocr_pdf(data: bytes, only: list[int] | None = None) -> list[str]:
    """The recognised text of each page (or of the pages ``only`` names), one paragraph a line.
    Bounded by :data:`MAX_PAGES` and :data:`SECONDS` (checked between pages), and run in a child
    process with its memory capped: PDFium renders a crafted page (forms drawing forms, ten
    times each) inside C code, where no deadline reaches, until it aborts the process."""
    from fzcheck.reading.isolated import call_isolated

    return call_isolated(
        lambda: _ocr_pages(data, only),
        SECONDS + 30,
        grow_by=MAX_BYTES,
        advice="OCR it yourself (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) and check the output",
        quiet=True,
    )


def read_pictures(pictures: list[bytes]) -> str:
    """The text of a document whose report may be pictures of its pages (:func:`ocr_pictures`),
    "" when OCR finds next to none in them (photos, a seal: the document is its text); an
    :class:`InputError` when OCR is not installed."""
    try:
        text = ocr_pictures(pictures)
    except ImportError as err:
        raise InputError(
            f"the document's report is {len(pictures)} picture(s), and OCR is not installed "
            f"here ({err.name or err}); reinstall fzcheck with its dependencies",
            kind="missing_dependency",
        ) from None
    return text if recognised(text) else ""


def recognised(text: str) -> bool:
    """Whether OCR found text: 20 characters at least (fewer is a blank or unreadable scan,
    a photo's or a seal's stray marks)."""
    return sum(1 for ch in text if not ch.isspace()) >= _MIN_RECOGNISED


_MIN_RECOGNISED = 20


def pictures_only(count: int) -> InputError:
    """The error for a document of pictures and no text, in which OCR found none."""
    return InputError(
        f"the document holds {count} picture(s) and almost no text, and OCR found no text in "
        "them; check the pictures, or OCR them yourself",
        kind="image",
    )


def ocr_pictures(pictures: list[bytes]) -> str:
    """The recognised text of pictures of a report's pages, in their order, one paragraph a
    line: a document whose report is scans pasted in (Word, a web archive). Pictures too small
    or too odd in shape to be a page are passed over. Bounded as :func:`ocr_pdf` is."""
    from fzcheck.reading.isolated import call_isolated

    return call_isolated(
        lambda: _ocr_pictures(pictures),
        SECONDS + 30,
        grow_by=MAX_BYTES,
        advice="OCR the pictures yourself and check the text",
        quiet=True,
    )


def _ocr_pictures(pictures: list[bytes]) -> str:
    deadline = Deadline(SECONDS)
    import numpy

    pages = [page for blob in pictures if (page := _page_image(blob)) is not None]
    if len(pages) > MAX_PAGES:  # counted once thumbnails, icons and damaged ones are out
        raise _too_many(
            f"{len(pages)} pictures of pages to OCR", "OCR them yourself and check the text"
        )
    engine = _engine()
    found: list[list[Piece]] = []
    for page in pages:
        deadline.check()
        found.append(_recognised(engine, numpy.asarray(_scaled(page)), red=0))  # RGB
    deadline.check()
    return "\n".join(document_lines(found))


def _too_many(what: str, advice: str) -> InputError:
    return InputError(f"{what}: OCR reads at most {MAX_PAGES}; {advice}", kind="too_large")


def _page_image(blob: bytes) -> Any:
    """The picture, upright (a phone's photo turned by its EXIF tag), when it may be a page:
    not too small (a logo, a seal), too large (a decompression bomb) or too odd in shape;
    None for those and for one PIL cannot read."""
    from io import BytesIO

    from PIL import Image, ImageOps

    try:
        image = Image.open(BytesIO(blob))  # reads the header only
        width, height = image.size
        short, long = min(width, height), max(width, height)
        if short < _MIN_PICTURE_SIDE or width * height > _MAX_PIXELS or long > _MAX_ASPECT * short:
            return None
        return ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001 - PIL's kinds for a damaged picture (SyntaxError,
        return None  # ZeroDivisionError…): that picture is passed over, the others are read


def _scaled(image: Any) -> Any:
    """``image`` as an RGB page, its long side :data:`_MAX_SIDE` pixels; a picture that fails
    to decode on the way is a blank page."""
    from PIL import Image

    width, height = image.size
    size = (
        max(1, round(width * _MAX_SIDE / max(width, height))),
        max(1, round(height * _MAX_SIDE / max(width, height))),
    )
    try:
        image.draft("RGB", size)  # a JPEG decodes at the size wanted: fast
        return image.convert("RGB").resize(size)
    except Exception:  # noqa: BLE001 - a picture damaged past its header: passed over
        return Image.new("RGB", size, "white")


def _recognised(engine: Any, image: Any, red: int) -> list[Piece]:
    """The text pieces OCR finds in one page's image (channel ``red`` its red), its seals
    taken off (:func:`fzcheck.reading.seals.without_seals`)."""
    from fzcheck.reading.seals import without_seals

    # No per-line orientation classifier: scans are upright, and it turned whole lines upside
    # down (then dropped as low-confidence) in our tests.
    try:
        result, _ = engine(without_seals(image, red), use_cls=False)
    except Exception as err:  # noqa: BLE001 - onnxruntime's own kinds, one page's
        memory = "bad_alloc" in str(err)
        raise InputError(
            "OCR failed on this file"
            + (" (out of memory)" if memory else f" ({type(err).__name__})")
            + "; OCR it yourself (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`)",
            kind="too_large" if memory else "corrupt",
        ) from None
    return _pieces(result or [])


def _ocr_pages(data: bytes, only: list[int] | None) -> list[str]:
    deadline = Deadline(SECONDS)
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise InputError(
            f"a scanned PDF that cannot be rendered for OCR ({err}); re-export it", kind="corrupt"
        ) from None
    try:
        indexes = list(range(len(pdf))) if only is None else only
        if len(indexes) > MAX_PAGES:
            raise _too_many(
                f"a scanned PDF of {len(indexes)} pages",
                "OCR it yourself (e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) and check the output",
            )
        engine = _engine()
        pages: list[list[Piece]] = []
        for index in indexes:
            deadline.check()
            page = pdf[index]
            width, height = page.get_size()  # points; a hostile page can claim metres
            if max(width, height) > _MAX_ASPECT * max(min(width, height), 1.0):
                pages.append([])  # a sliver, no page of a report: OCR would scale it to GBs
                page.close()
                continue
            scale = _MAX_SIDE / max(width, height, 1.0)
            image = page.render(scale=scale, grayscale=False).to_numpy()
            pages.append(_recognised(engine, image, red=2))  # PDFium renders BGR
            page.close()
        deadline.check()
    finally:
        pdf.close()
    if only is None:
        return ["\n".join(document_lines(pages))]
    # A lone scanned page among text pages (a stamped signature page): too few lines to tell
    # the margin from, so its visual lines are kept as they are.
    return ["\n".join(document_lines([page], join=False)) for page in pages]


def _pieces(boxes: list[Any]) -> list[Piece]:
    """Each recognised box as the rectangle it covers, the page's skew taken off first: on a page
    scanned a degree or two askew each box is a tilted quadrilateral, and the rectangle round it
    grew tall enough to reach the next line (a title set apart was read into the opening's
    first line)."""
    kept = [
        ([(float(p[0]), float(p[1])) for p in box], str(text).strip())
        for box, text, score in boxes
        if float(score) >= _MIN_SCORE and str(text).strip()
    ]
    turn = -_skew([corners for corners, _ in kept])
    cos, sin = math.cos(turn), math.sin(turn)
    pieces = []
    for corners, text in kept:
        points = [(x * cos - y * sin, x * sin + y * cos) for x, y in corners] if turn else corners
        xs, ys = [x for x, _ in points], [y for _, y in points]
        pieces.append(Piece(min(ys), max(ys), min(xs), max(xs), text))
    return pieces


_SKEW_MIN = math.radians(0.3)  # a page turned less than this is read as it is
_SKEW_MAX = math.radians(10)  # a box turned more is no line of a page's text (a seal's word)


def _skew(boxes: list[list[tuple[float, float]]]) -> float:
    """The page's skew, in radians: the median slope of its boxes' top edges (top-left to
    top-right corner, as RapidOCR gives them), of boxes wider than tall (a line's words); 0
    when small or unknown."""
    slopes = sorted(
        a
        for box in boxes
        if len(box) == 4
        and (dx := box[1][0] - box[0][0]) > 2 * abs(box[3][1] - box[0][1])
        and abs(a := math.atan2(box[1][1] - box[0][1], dx)) < _SKEW_MAX
    )
    if not slopes:
        return 0.0
    median = slopes[len(slopes) // 2]
    return median if abs(median) >= _SKEW_MIN else 0.0
