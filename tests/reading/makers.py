"""Inputs for the reading tests, made in code from our own invented report text."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

CJK_FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
]


def cjk_font() -> Path | None:
    return next((p for p in CJK_FONTS if p.exists()), None)


def make_scanned_pdf(text: str, font: Path, turn: float = 0.0) -> bytes:
    """An image-only PDF (no text layer), as a scanner makes: each page a picture of the text,
    paragraphs wrapped at the right margin as a word processor wraps them; each page turned
    ``turn`` degrees (anticlockwise), as a sheet fed askew."""
    pages = [
        page.rotate(turn, expand=True, fillcolor=255) if turn else page
        for page in scanned_pages(text, font)
    ]
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=150.0)
    return out.getvalue()


def make_pictures_docx(title: str, text: str, font: Path) -> bytes:
    """A .docx holding ``title`` as text, then pictures of ``text``'s pages (JPEG, as a
    scanner saves them): a signed report scanned and pasted into Word."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    if title:
        document.add_paragraph(title)
    for picture in jpeg_pages(text, font):
        document.add_picture(io.BytesIO(picture), width=Cm(16))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def jpeg_pages(text: str, font: Path) -> list[bytes]:
    """``text``'s pages as JPEG pictures, as a scanner saves them."""
    out = []
    for page in scanned_pages(text, font):
        data = io.BytesIO()
        page.save(data, format="JPEG", quality=85)
        out.append(data.getvalue())
    return out


def make_pictures_mht(title: str, text: str, font: Path, decoy: bool = False) -> bytes:
    """A web archive (.mht, as a browser saves a page) of a site's page that publishes the
    report as pictures of its pages under its title, the pictures saved inside; with ``decoy``
    a blank picture of the same file name from another folder saved first."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    site = "http://www.example.gov.cn/zwgk/fzzfjs/"
    pictures = jpeg_pages(text, font)
    names = [f"W0202602{i}.jpg" for i in range(len(pictures))]
    images = "".join(f'<p><img src="./{name}?v=2"></p>' for name in names)
    page = (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="logo"><img src="/images/logo.png"></div><div class="article">'
        f'<h1>{title}</h1><div class="info">发布时间：2026-02-12</div>{images}</div></body></html>'
    )
    archive = MIMEMultipart("related")
    html = MIMEText(page, "html", "utf-8")
    html["Content-Location"] = site + "t20260212_1.html"
    archive.attach(html)
    if decoy:
        from PIL import Image

        blank = io.BytesIO()
        Image.new("L", (900, 1200), 255).save(blank, format="JPEG")
        part = MIMEImage(blank.getvalue(), "jpeg")
        part["Content-Location"] = "http://www.example.gov.cn/images/" + names[0]
        archive.attach(part)
    for name, picture in zip(names, pictures, strict=True):
        part = MIMEImage(picture, "jpeg")
        part["Content-Location"] = site + name
        archive.attach(part)
    return archive.as_bytes()


def scanned_pages(text: str, font: Path) -> list[Any]:
    """Pictures (PIL images) of ``text``'s A4 pages at 150 dpi."""
    from PIL import Image, ImageDraw, ImageFont

    width, height, margin, size, step = 1240, 1754, 100, 26, 40  # A4 at 150 dpi
    face = ImageFont.truetype(str(font), size)
    rows: list[str] = []
    for line in text.splitlines():
        row = ""
        for ch in line.strip():
            if face.getlength(row + ch) > width - 2 * margin:
                rows.append(row)
                row = ""
            row += ch
        if row:
            rows.append(row)
    per_page = (height - 2 * margin) // step
    pages = []
    for start in range(0, len(rows), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for i, row in enumerate(rows[start : start + per_page]):
            draw.text((margin, margin + i * step), row, font=face, fill=0)
        pages.append(page)
    return pages


def encrypt_pdf(pdf: bytes, user_password: str, algorithm: str = "AES-128") -> bytes:
    """The same PDF encrypted (AES needs `cryptography`, as real government PDFs do)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def many_paragraph_docx(paragraphs: int) -> bytes:
    """A .docx of ``paragraphs`` body paragraphs (~50 characters each) after our sample's title."""
    import docx

    document = docx.Document()
    document.add_heading("示例县司法局关于2025年度法治政府建设情况的报告", level=0)
    for i in range(paragraphs):
        document.add_paragraph(
            f"{i}．本局持续推进法治政府建设，落实行政执法三项制度，依法化解矛盾纠纷，取得明显成效。"
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rewrite_document_xml(base: bytes, insert: bytes, padding_mb: int = 0) -> bytes:
    """``base`` with ``insert`` (and ``padding_mb`` MB of spaces in an XML comment, streamed so
    the test process never holds them) at the start of the body."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename != "word/document.xml":
                z.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<w:body>", 1)
            with z.open(info.filename, "w", force_zip64=True) as member:
                member.write(head + b"<w:body>" + insert)
                if padding_mb:
                    member.write(b"<!--")
                    block = b" " * (1024 * 1024)
                    for _ in range(padding_mb):
                        member.write(block)
                    member.write(b"-->")
                member.write(tail)
    return out.getvalue()


def bomb_docx(inflated_mb: int = 1000) -> bytes:
    """A ~1 MB .docx whose document.xml inflates to ``inflated_mb`` MB (an XML comment of
    spaces), as a decompression bomb does."""
    return _rewrite_document_xml(many_paragraph_docx(2), b"", inflated_mb)


def tiny_paragraphs_docx(count: int = 830_000) -> bytes:
    """A small .docx holding ``count`` empty paragraphs."""
    return _rewrite_document_xml(many_paragraph_docx(1), b"<w:p/>" * count)


def make_rtf(text: str) -> bytes:
    """RTF as Word writes Chinese: \\uN escapes with a ? fallback, one \\par a paragraph."""
    out = [r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}\f0\fs24 "]
    for line in text.splitlines():
        chars = []
        for ch in line:
            if ch in "\\{}":
                chars.append("\\" + ch)
            elif ord(ch) < 128:
                chars.append(ch)
            else:  # each UTF-16 unit signed (a character past U+FFFF is two: a surrogate pair)
                units = ch.encode("utf-16-le")
                for k in range(0, len(units), 2):
                    code = int.from_bytes(units[k : k + 2], "little")
                    chars.append(f"\\u{code if code < 32768 else code - 65536}?")
        out.append("".join(chars) + "\\par\n")
    out.append("}")
    return "".join(out).encode("ascii")


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1, the first the catalog), with its xref table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def nested_forms_pdf(levels: int = 9, fan: int = 10) -> bytes:
    """One page with no text that draws a form, each form drawing the next ``fan`` times, the
    last filling a rectangle: 2.6 KB that PDFium renders until memory runs out."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /XObject << /X 5 0 R >> >> >>",
        _stream(b"/X Do"),
    ]
    for level in range(levels):
        last = level == levels - 1
        content = b"0.5 g 10 10 500 700 re f" if last else b"/X Do " * fan
        resources = b"" if last else b"/Resources << /XObject << /X %d 0 R >> >>" % (6 + level)
        form = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources
        objects.append(_stream(content, form))
    return _pdf(objects)


def sliver_page_pdf(width: float = 0.0001, height: float = 100000) -> bytes:
    """One page with no text and an absurd shape (a sliver): OCR would scale it to gigabytes."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents 4 0 R >>"
            % (width, height),
            _stream(b"0.5 g 0 0 1 1 re f"),
        ]
    )


def repackaged(data: bytes, edit: Callable[[str, bytes], list[tuple[str, bytes]]]) -> bytes:
    """The zip package ``data`` with each member passed through ``edit`` (name, bytes) -> the
    members it becomes (none to drop it, itself renamed or changed, others beside it)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            for name, member in edit(info.filename, source.read(info)):
                z.writestr(name, member)
    return out.getvalue()


def junk_elements(count: int, seed: int = 0) -> bytes:
    """``count`` tiny empty XML elements in random order (<a/><u/><b/>…): random enough to
    deflate no better than real XML does, so the zip's ratio bound does not refuse them first."""
    import random

    tags = [b"<a/>", b"<b/>", b"<i/>", b"<u/>"]
    # each random byte picks four tags, two bits each
    table = [b"".join(tags[(byte >> shift) & 3] for shift in (0, 2, 4, 6)) for byte in range(256)]
    return b"".join(table[byte] for byte in random.Random(seed).randbytes(count // 4))


def broken_png() -> bytes:
    """A PNG whose header reads (500 × 500) and whose second data chunk is damaged: PIL opens
    it, then raises SyntaxError decoding it."""
    import os

    from PIL import Image

    noise = Image.frombytes("L", (500, 500), os.urandom(500 * 500))
    out = io.BytesIO()
    noise.save(out, format="PNG")
    data = out.getvalue()
    second = data.index(b"IDAT", data.index(b"IDAT") + 4)
    return data[:second] + b"\xf3\xf9\xfe\xfe" + data[second + 4 :]


def turned_jpeg(picture: bytes) -> bytes:
    """``picture`` stored on its side with EXIF Orientation 6, as a phone camera saves a page."""
    from PIL import Image

    page = Image.open(io.BytesIO(picture)).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # display turned 90° clockwise
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=85, exif=exif)
    return out.getvalue()


def pictures_docx(pictures: list[bytes], damaged_first: bool = False) -> bytes:
    """A .docx of ``pictures`` alone, in order; with ``damaged_first``, the first picture's
    part replaced by :func:`broken_png` after saving (python-docx will not add a damaged one)."""
    import zipfile

    import docx
    from docx.shared import Cm

    document = docx.Document()
    for picture in pictures:
        document.add_picture(io.BytesIO(picture), width=Cm(4))
    out = io.BytesIO()
    document.save(out)
    if not damaged_first:
        return out.getvalue()
    rewritten = io.BytesIO()
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(rewritten, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, broken_png() if info.filename == "word/media/image1.png" else data)
    return rewritten.getvalue()


def rules_as_one_path(pdf: bytes, fill: bool = True) -> bytes:
    """``pdf`` with each page's paths (a ruled table's borders) drawn again as one path of
    many subpaths, filled at once (re re re … f) or stroked at once, as some writers batch
    them; the rest of each page as it was."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(pdf)
    for page in document:
        drawn = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1))
        boxes = [obj.get_bounds() for obj in drawn]
        for obj in drawn:
            page.remove_obj(obj)
        if not boxes:
            continue
        path = pdfium_c.FPDFPageObj_CreateNewPath(boxes[0][0], boxes[0][1])
        for k, (left, bottom, right, top) in enumerate(boxes):
            if k:
                pdfium_c.FPDFPath_MoveTo(path, left, bottom)
            pdfium_c.FPDFPath_LineTo(path, right, bottom)
            pdfium_c.FPDFPath_LineTo(path, right, top)
            pdfium_c.FPDFPath_LineTo(path, left, top)
            pdfium_c.FPDFPath_Close(path)
        mode = pdfium_c.FPDF_FILLMODE_WINDING if fill else pdfium_c.FPDF_FILLMODE_NONE
        pdfium_c.FPDFPath_SetDrawMode(path, mode, not fill)
        pdfium_c.FPDFPage_InsertObject(page.raw, path)
        page.gen_content()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sealed_scan_pdf(text: str, font: Path, unit: str) -> bytes:
    """An image-only PDF of ``text`` (as :func:`make_scanned_pdf`) in colour, its last line (the
    date) stamped with a red seal as a unit stamps it: a ring, a star, and ``unit``'s name
    curved along the upper rim, the red laid over the black (ink over ink: the black stays)."""
    import math

    from PIL import Image, ImageChops, ImageDraw, ImageFont

    pages = [page.convert("RGB") for page in scanned_pages(text, font)]
    last = pages[-1]
    import numpy as np

    rows = [int(y) for y in np.nonzero((np.asarray(last.convert("L")) < 128).any(axis=1))[0]]
    lines_at = [y for i, y in enumerate(rows) if i == 0 or y - rows[i - 1] > 1]
    cy = lines_at[-1] + 13  # the date's row, its middle
    face = ImageFont.truetype(str(font), 26)
    date = text.rstrip().splitlines()[-1].strip()
    cx = 100 + int(face.getlength(date) / 2)
    seal = Image.new("RGB", last.size, "white")
    draw = ImageDraw.Draw(seal)
    red, radius = (220, 40, 40), 100
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=7)
    star = [
        (
            cx + (28 if k % 2 == 0 else 11) * math.sin(math.pi * k / 5),
            cy - (28 if k % 2 == 0 else 11) * math.cos(math.pi * k / 5),
        )
        for k in range(10)
    ]
    draw.polygon(star, fill=red)
    rim = ImageFont.truetype(str(font), 30)
    for k, ch in enumerate(unit):  # along the upper rim, each character facing out
        angle = -100 + 200 * k / max(len(unit) - 1, 1)
        glyph = Image.new("L", (40, 40), 0)
        ImageDraw.Draw(glyph).text((5, 2), ch, font=rim, fill=255)
        glyph = glyph.rotate(-angle, expand=True)
        x = cx + (radius - 30) * math.sin(math.radians(angle)) - glyph.width / 2
        y = cy - (radius - 30) * math.cos(math.radians(angle)) - glyph.height / 2
        seal.paste(Image.new("RGB", glyph.size, red), (int(x), int(y)), glyph)
    pages[-1] = ImageChops.multiply(last, seal)
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=150.0)
    return out.getvalue()
