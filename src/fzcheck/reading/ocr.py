"""Text of a scanned PDF by OCR: pages rendered with PDFium, read by RapidOCR.

The OCR models ship inside the ``rapidocr_onnxruntime`` wheel (nothing is downloaded), and the
heavy libraries are imported only when a scan arrives, so ``fzcheck --help`` stays fast."""

from __future__ import annotations

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


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]

    # One text line at a time: a batch of six long lines cost ~250 MB more, for no speed here.
    return RapidOCR(rec_batch_num=1)


def ocr_pdf(data: bytes, only: list[int] | None = None) -> list[str]:
    """The recognised text of each page (or of the pages ``only`` names), one paragraph a line.
    Bounded by :data:`MAX_PAGES` and :data:`SECONDS` (checked between pages)."""
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
            raise InputError(
                f"a scanned PDF of {len(indexes)} pages: OCR reads at most "
                f"{MAX_PAGES}; OCR it yourself (e.g. `ocrmypdf -l chi_sim in.pdf "
                "out.pdf`) and check the output",
                kind="too_large",
            )
        engine = _engine()
        pages: list[list[Piece]] = []
        for index in indexes:
            deadline.check()
            page = pdf[index]
            width, height = page.get_size()  # points; a hostile page can claim metres
            scale = _MAX_SIDE / max(width, height, 1.0)
            image = page.render(scale=scale, grayscale=False).to_numpy()
            # No per-line orientation classifier: scans are upright, and it turned whole lines
            # upside down (then dropped as low-confidence) in our tests.
            result, _ = engine(image, use_cls=False)
            pages.append(_pieces(result or []))
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
    pieces = []
    for box, text, score in boxes:
        if float(score) < _MIN_SCORE or not str(text).strip():
            continue
        xs = [float(point[0]) for point in box]
        ys = [float(point[1]) for point in box]
        pieces.append(Piece(min(ys), max(ys), min(xs), max(xs), str(text).strip()))
    return pieces
