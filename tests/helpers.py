"""Paths, golden files and inputs in every format, made from our own sample text."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
SAMPLE = ROOT / "examples" / "sample-report.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
UPDATE_GOLDEN = os.environ.get("FZCHECK_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; FZCHECK_UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN and os.environ.get("CI"):
            pytest.fail(f"golden file {name} is missing")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"differs from golden {name}"


# --- inputs in every format, made from our own sample text ---------------------------------


def mixtures(pool: list[str], count: int, longest: int, seed: int) -> list[str]:
    """``count`` random texts of up to ``longest`` pieces drawn from ``pool``, reproducibly."""
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def checked(tmp_path: Path, text: str, rubric: str | None = None) -> dict[str, Any]:
    """The JSON result of checking ``text`` saved as a report file (with ``rubric``, else the
    bundled rubric it matches)."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result: dict[str, Any] = check_path(str(path), Catalog.load(rubric)).to_json()
    return result


def make_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    lines = text.splitlines()
    document.add_heading(lines[0], level=0)
    for line in lines[1:]:
        if not line.strip():
            continue
        if line[:1] in "一二三四五" and line[1:2] == "、":
            document.add_heading(line, level=1)
        else:
            document.add_paragraph(line)
        if line.startswith("（三）化解矛盾纠纷"):
            table = document.add_table(rows=2, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数值"
            table.cell(1, 0).text, table.cell(1, 1).text = "调解成功率", "96.9%"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(text: str | None, header: str | None = None, page_lines: int = 54) -> bytes:
    """A PDF with a real text layer (CID font, no font file needed), or none for a 'scan';
    ``header`` is printed above every page's text, ``page_lines`` lines a page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    if text is None:
        c.setFillGray(0.5)
        c.rect(50, 50, 400, 700, fill=1)  # an image-like page with no text
        c.showPage()
        c.save()
        return out.getvalue()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 10)
    if header:
        c.drawString(40, 815, header)
    n = 0
    for line in text.splitlines():
        for chunk in wrapped(line):
            c.drawString(40, 800 - 14 * (n % page_lines), chunk)
            n += 1
            if n % page_lines == 0:
                c.drawString(280, 20, f"- {n // page_lines} -")
                c.showPage()
                c.setFont("STSong-Light", 10)
                if header:
                    c.drawString(40, 815, header)
    c.save()
    return out.getvalue()


def wrapped(line: str, width: float = 46.0) -> list[str]:
    """``line`` cut where a typesetter wraps it: by width, a CJK or full-width character one em,
    and the marks a Chinese font sets as wide (“ ” ‘ ’ — … ·: GB2312's own, and STSong-Light's,
    which :func:`make_pdf` draws in, advance a full em), any other half, not by count."""
    out, chunk, used = [], "", 0.0
    for ch in line:
        em = 1.0 if ch >= "\u2e80" or ch in "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7" else 0.5
        if used + em > width:
            out.append(chunk)
            chunk, used = "", 0.0
        chunk, used = chunk + ch, used + em
    return [*out, chunk] if chunk else out


MAKERS: dict[str, Callable[[], bytes]] = {
    "utf8.txt": lambda: sample_text().encode("utf-8"),
    "utf8-bom.txt": lambda: b"\xef\xbb\xbf" + sample_text().encode("utf-8"),
    "utf16.txt": lambda: sample_text().encode("utf-16"),
    "gbk.txt": lambda: sample_text().replace("—", "-").encode("gbk"),
    "gb18030.txt": lambda: sample_text().encode("gb18030"),
    "big5.txt": lambda: (FIXTURES / "traditional.txt").read_text(encoding="utf-8").encode("big5"),
    "crlf.txt": lambda: sample_text().replace("\n", "\r\n").encode("utf-8"),
    "report.docx": lambda: make_docx(sample_text()),
    "report.pdf": lambda: make_pdf(sample_text()),
    "scan.pdf": lambda: make_pdf(None),
    "legacy.doc": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    "report.wps": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 600,
    "photo.png": lambda: b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64,
    "empty.txt": lambda: b"",
    "blank.txt": lambda: b"   \n\n  \r\n",
    "binary.bin": lambda: bytes(range(256)) * 40,
    "fake.docx": lambda: b"this is not a zip file at all",
    "archive.zip": lambda: _zip({"a.txt": "x"}),
    "broken.pdf": lambda: b"%PDF-1.4\n garbage without objects",
}


def _zip(files: dict[str, str]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def in_layout_table(page: str) -> str:
    """``page`` as an old CMS lays it out: the body's paragraphs right in a table's cell (no
    <div> around them), the navigation in the cell beside it."""
    head, _, rest = page.partition("<body>")
    body, _, tail = rest.partition("</body>")
    body = re.sub(r"</?div[^>]*>", "", body)
    nav = '<td class="left"><a href="/">首页</a><br><a href="/zwgk">政务公开</a></td>'
    return f"{head}<body><table><tr>{nav}<td>{body}</td></tr></table></body>{tail}"


def reseal(store: Path) -> None:
    """The decisions in ``store``, written or edited by a test, sealed as this desk writes
    them (a decision's fields changed lose their seal: fzcheck applies only sealed ones)."""
    from fzcheck.grading.seal import desk_key, sealed
    from fzcheck.result import Decision

    key, why = desk_key(make=True)
    assert key is not None, why
    lines = [
        sealed(Decision.model_validate_json(raw), key).model_dump_json(exclude_none=True)
        for raw in store.read_text(encoding="utf-8").splitlines()
        if raw.strip()
    ]
    store.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
