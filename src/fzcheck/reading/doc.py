"""Legacy Word 97-2003 .doc and WPS .wps (the same OLE container and Word binary format): the
main text, from the piece table, one paragraph a line; table cells joined with `` | ``.

Heading styles are not read (outline levels then come from the typed 一、（一） markers)."""

from __future__ import annotations

import re
import struct

from fzcheck.errors import InputError
from fzcheck.reading.limits import MAX_CHARS, MAX_ELEMENTS, Deadline, count_limit
from fzcheck.reading.normalize import Extracted

_WORD_IDENT = 0xA5EC
# A field's instructions (between 0x13 and 0x14) are dropped, its shown result kept.
_FIELD_CODE = re.compile(r"\x13[^\x13\x14\x15]*(?:\x14|(?=\x15))")
_DROP = dict.fromkeys(map(ord, "\x01\x02\x05\x08\x15\x1f"), None) | {
    0x0B: "\n",
    0x0C: "\n",
    0x0E: "\n",
    0x1E: "-",
    0xA0: " ",
    0x0D: "\n",
}


def read_doc(data: bytes, deadline: Deadline | None = None) -> Extracted:
    import olefile  # type: ignore[import-untyped]

    try:
        ole = olefile.OleFileIO(data)
    except Exception as err:  # noqa: BLE001 - olefile raises many kinds for a damaged container
        raise InputError(
            f"a damaged .doc/.wps file ({type(err).__name__}); re-save it from Word or WPS",
            kind="corrupt",
        ) from None
    try:
        if not ole.exists("WordDocument"):
            kind = "encrypted" if ole.exists("EncryptedPackage") else "unsupported_format"
            raise InputError(_not_word(ole.listdir()), kind=kind)
        word = ole.openstream("WordDocument").read()
        flags = _u16(word, 0x0A)
        if _u16(word, 0) != _WORD_IDENT or len(word) < 0x1AA:
            raise InputError(
                "an OLE file whose WordDocument stream is not Word 97-2003 text "
                "(a Word 6/95 or older WPS file?); re-save it as .docx",
                kind="unsupported_format",
            )
        if flags & 0x0100:
            raise InputError(
                "the .doc/.wps is password-protected; save an unprotected copy", kind="encrypted"
            )
        table_name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(table_name):
            raise InputError(
                f"a damaged .doc/.wps file (no {table_name} stream); re-save it", kind="corrupt"
            )
        table = ole.openstream(table_name).read()
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a stream chain that loops or leaves the file
        raise InputError(
            f"a damaged .doc/.wps file ({type(err).__name__}); re-save it", kind="corrupt"
        ) from None
    finally:
        ole.close()
    text = _main_text(word, table, deadline or Deadline())
    return Extracted(_clean(text))


def _not_word(streams: list[list[str]]) -> str:
    names = {"/".join(s) for s in streams}
    if "EncryptedPackage" in names:
        return "a password-protected Word/WPS file; save an unprotected copy"
    if "Workbook" in names or "Book" in names:
        return "an Excel/WPS spreadsheet, not a report; save the report as .docx or .pdf"
    if "PowerPoint Document" in names:
        return "a PowerPoint/WPS presentation, not a report; save the report as .docx or .pdf"
    return "an OLE file with no Word text in it (an older WPS format?); re-save it as .docx"


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


def _main_text(word: bytes, table: bytes, deadline: Deadline) -> str:
    """Characters 0..ccpText of the document, assembled from the piece table (CLX) in the
    table stream: each piece is either UTF-16LE or compressed 8-bit (cp1252) text."""
    ccp_text = _u32(word, 0x4C)
    fc_clx, lcb_clx = _u32(word, 0x1A2), _u32(word, 0x1A6)
    clx = table[fc_clx : fc_clx + lcb_clx]
    if lcb_clx == 0 or len(clx) != lcb_clx:
        raise InputError("a damaged .doc/.wps file (no piece table); re-save it", kind="corrupt")
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting, skipped
        at += 3 + _u16(clx, at + 1)
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise InputError("a damaged .doc/.wps file (bad piece table); re-save it", kind="corrupt")
    lcb = _u32(clx, at + 1)
    plc = clx[at + 5 : at + 5 + lcb]
    pieces = (len(plc) - 4) // 12
    count_limit(pieces, "text pieces", MAX_ELEMENTS)
    cps = struct.unpack_from(f"<{pieces + 1}I", plc, 0)
    out: list[str] = []
    total = 0
    for i in range(pieces):
        if i % 1000 == 0:
            deadline.check()
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if end <= start:
            break
        fc = _u32(plc, 4 * (pieces + 1) + 8 * i + 2)
        count = end - start
        if fc & 0x40000000:
            offset = (fc & 0x3FFFFFFF) // 2
            out.append(word[offset : offset + count].decode("cp1252", errors="replace"))
        else:
            out.append(word[fc : fc + 2 * count].decode("utf-16-le", errors="replace"))
        total += len(out[-1])
        if total > MAX_CHARS:  # pieces may all point at the same text: stop before it multiplies
            raise InputError(
                f"over {MAX_CHARS:,} characters of text, over the limit for one report; split "
                "the file into single reports",
                kind="too_large",
            )
    return "".join(out)


def _clean(text: str) -> str:
    # A cell ends with 0x07 and a row with one more: without the table properties an empty
    # cell looks the same, so it may split its row in two (rare in reports, harmless here).
    text = _FIELD_CODE.sub("", text).replace("\x07\x07", "\x07\n")
    lines: list[str] = []
    for line in text.translate(_DROP).split("\n"):
        if "\x07" in line:
            cells = [c.strip() for c in line.split("\x07")]
            line = " | ".join(c for c in cells if c)
        line = re.sub(r"[\x00-\x08\x0e-\x1f]", "", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)
