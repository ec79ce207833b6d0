"""PDF with a text layer; a scan (no text layer) is refused with what to do instead."""

from __future__ import annotations

import logging
import re
from io import BytesIO

from fzcheck.errors import InputError
from fzcheck.reading.normalize import Extracted

_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+)\s*$")
# Text extraction puts spaces between Chinese and digits/Latin (关于 2025 年度); Chinese
# typesetting has none there.
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9A-Za-z{_CJK}])|(?<=[0-9A-Za-z])[ \t]+(?=[{_CJK}])")
_SCAN = ("no text layer (a scanned PDF); OCR it first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`, "
         "then check the output")


def read_pdf(data: bytes) -> Extracted:
    import pypdf
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("the PDF is password-protected; save an unprotected copy",
                             kind="encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(f"a damaged PDF ({type(err).__name__}); re-export it", kind="corrupt") from None
    lines = [line.rstrip() for page in pages for line in page.splitlines()]
    lines = [_CJK_GAP.sub("", line) for line in lines
             if line.strip() and not _PAGE_NUMBER.match(line)]
    text = "\n".join(lines)
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < 20 * max(len(pages), 1) ** 0.5 and visible < 200:
        raise InputError(_SCAN, kind="scanned_pdf")
    if text.count("\ufffd") > visible * 0.05:
        raise InputError("the PDF's fonts map to no characters (text comes out as �); OCR it "
                         "or export the text from the original document", kind="unmapped_font")
    return Extracted(text)
