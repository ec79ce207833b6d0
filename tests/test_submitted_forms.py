"""A report as units really send it gets the result its clean copy gets.

Each form changes only how the same report is written down, the way a unit's PC, Word, a PDF
printer or a web page does: full-width punctuation, digits and letters; GB18030 with CRLF; a BOM;
old-Mac CR breaks; indents of ideographic spaces or tabs; trailing spaces; a blank line after
every line (double spacing) or none; Traditional script; 一．/一. for 一、, (一) for （一）, or
1. and （1） for both; an
attachment's label above, an official document's footer (此件公开发布, 抄送, 印发) below, page
numbers between; a signature with （盖章）, on one line (spaced or run together), in a table's cells or right-aligned; .docx; a PDF typeset at
the page width.
Our own reports always; the corpus's real ones when ../shared is present.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fzcheck.document import fold_width
from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.numerals import cn_number
from fzcheck.rubric import Catalog
from tests.helpers import FIXTURES, ROOT, SAMPLE, make_docx, make_pdf


def _ours() -> list[Path]:
    return [SAMPLE, *sorted(FIXTURES.glob("*.txt"))]


def _corpus() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    return sorted(p for p in corpus.glob("**/*.txt") if p.name.lower() != "readme.txt")


_FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_PUNCTUATION = str.maketrans({c: _FULL_WIDTH[c] for c in ",:;()?!"})
_DIGITS = str.maketrans({c: _FULL_WIDTH[c] for c in "0123456789"})


def _indented(text: str, indent: str) -> str:
    return "\n".join(f"{indent}{s}" if (s := line.strip()) else line for line in text.split("\n"))


_TOP = re.compile(r"^(\s*)([一二三四五六七八九十]{1,3})、", re.MULTILINE)
_SUB = re.compile(r"^(\s*)（([一二三四五六七八九十]{1,3})）", re.MULTILINE)
_ANY_SUB = re.compile(r"^(\s*)[（(]([一二三四五六七八九十]{1,3})[）)]", re.MULTILINE)


_FOOTER = (
    "\n\n（此件公开发布）\n\n抄送：县委办公室，县人大常委会办公室，县政协办公室。\n"
    "示例县人民政府办公室                {date}印发\n"
)
_DATE = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日")


def _with_footer(text: str) -> str:
    """``text`` with a 版记 under it, printed the day it was signed (its last date; a printing
    date after the deadline is a finding of its own, not the form's)."""
    dates = _DATE.findall(text)
    return text.rstrip() + _FOOTER.format(date=dates[-1] if dates else "")


# A red-header document's head: the issuing office, its 文号 and 签发人, the separator's star.
_HEADER = "示例县人民政府文件\n示政〔2026〕5号          签发人：张某某\n★\n"


def _bold(text: str) -> str:
    """The title and the top-level headings in Markdown bold."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    return "\n".join(
        f"**{line.strip()}**" if i == first or _TOP.match(line) else line
        for i, line in enumerate(lines)
    )


_HEADING_MAX = 60  # a longer line is a paragraph (or a crawl's whole text), set in no bold


def _fake_bold(text: str) -> str:
    """The title and the top-level headings in a PDF's fake bold as a text copy gives it: each
    character twice (each glyph drawn twice a hair apart)."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    return "\n".join(
        "".join(c * 2 for c in line)
        if (i == first or _TOP.match(line)) and len(line) <= _HEADING_MAX
        else line
        for i, line in enumerate(lines)
    )


def _first_line(text: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip())


def _paged(text: str) -> str:
    """A page number (— 2 —) after every 20 lines, as a printed page's footer."""
    lines = text.split("\n")
    return "\n".join(
        line + (f"\n\n— {i // 20 + 1} —\n" if i % 20 == 19 else "") for i, line in enumerate(lines)
    )


_TOP_HEADING = re.compile(
    r"^([ \t\u3000]*[一二三四五六七八九十]{1,3}、[^。；：\n]{6,40})$", re.MULTILINE
)


def _headings_over_page_breaks(text: str, number: str) -> str:
    """Each top heading with no sentence after it cut in the middle by a page break, its page
    number on a line between the halves, as a copy of a PDF keeps it (二、2025年推进法治政府建设存
    / - 3 - / 在的不足和原因)."""

    def cut(m: re.Match[str]) -> str:
        heading = m.group(1)
        half = len(heading) // 2 + 1
        while heading[half - 1].isdigit() or heading[half - 1] == "年":
            half += 1  # not inside a year: a break there is a case of its own
        return f"{heading[:half]}\n{number}\n{heading[half:]}"

    return _TOP_HEADING.sub(cut, text)


def _paragraphs_over_page_breaks(text: str) -> str:
    """Every fifth line of a paragraph's length cut in the middle of a sentence by a page
    break, its page number on a line between the halves (blank lines around it), as a copy of a
    PDF whose lines are its paragraphs keeps it."""
    lines, out, n = text.split("\n"), [], 0
    for line in lines:
        body = line.strip()
        if len(body) >= 40 and not _TOP.match(line) and not _ANY_SUB.match(line):
            n += 1
            cut = len(line) // 2
            row = "|" in line or "  " in body or _TABLE_ROW.search(line)  # a table's, no paragraph
            if n % 5 == 0 and "。" not in line[cut - 1 : cut + 1] and not row:
                out += [line[:cut], "", f"- {n // 5 + 1} -", "", line[cut:]]
                continue
        out.append(line)
    return "\n".join(out)


def _arabic_headings(text: str) -> str:
    """一、 written 1. and （一） written （1） (1.2025年推进…: a year right after the dot), in a
    text that has no Arabic headings of its own."""
    if re.search(r"^\s*\d{1,2}\s*[.、]", text, re.MULTILINE):
        return text
    text = _TOP.sub(lambda m: f"{m.group(1)}{cn_number(m.group(2))}.", text)
    return _ANY_SUB.sub(lambda m: f"{m.group(1)}（{cn_number(m.group(2))}）", text)


# The signature: an issuer line, then the date alone on the last line.
_SIGNATURE = re.compile(
    r"\n[ \t\u3000]*(?P<issuer>[^\n]{2,30}?)[ \t\u3000]*\n[ \t\u3000]*"
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
)
_PAD = " " * 40


def _signed(text: str, layout: str) -> bytes:
    """The report with its signature laid out as ``layout`` (its issuer and date filled in)."""
    m = _SIGNATURE.search(text.rstrip())
    if m is None:
        return text.encode()
    signature = layout.format(issuer=m.group("issuer"), date=m.group("date"))
    return (text.rstrip()[: m.start()] + "\n" + signature + "\n").encode()


def _traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2t").convert(text))


def _word_html(text: str) -> bytes:
    """As Word's or an editor's HTML: a <p> per paragraph, a paragraph's text in <span>s of a
    few characters (a line with no sentence in it — a heading, a dateline — in one), each span
    on a line of its own in the source."""
    import html

    def spans(line: str) -> str:
        if "。" not in line:  # a heading, a dateline, a date: one run
            return f"<span>{html.escape(line)}</span>"
        return "\n".join(
            f'<span style="font-family:仿宋_GB2312">{html.escape(line[k : k + 3])}</span>'
            for k in range(0, len(line), 3)
        )

    body = "\n".join(
        f'<p class="MsoNormal">\n{spans(s)}\n</p>' for s in text.split("\n") if s.strip()
    )
    return f'<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>'.encode()


# name -> (suffix, the report written that way)
FORMS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "full-width punctuation": (".txt", lambda t: t.translate(_PUNCTUATION).encode()),
    "full-width digits": (".txt", lambda t: t.translate(_DIGITS).encode()),
    "all full-width": (".txt", lambda t: t.translate(str.maketrans(_FULL_WIDTH)).encode()),
    "GB18030 with CRLF": (".txt", lambda t: t.replace("\n", "\r\n").encode("gb18030")),
    "BOM": (".txt", lambda t: ("\ufeff" + t).encode()),
    "CR breaks": (".txt", lambda t: t.replace("\n", "\r").encode()),
    "ideographic-space indents": (".txt", lambda t: _indented(t, "\u3000\u3000").encode()),
    "tab indents": (".txt", lambda t: _indented(t, "\t").encode()),
    "trailing spaces": (".txt", lambda t: "\n".join(s + "  " for s in t.split("\n")).encode()),
    "double spacing": (".txt", lambda t: "\n\n".join(t.split("\n")).encode()),
    "no blank lines": (".txt", lambda t: "\n".join(s for s in t.split("\n") if s.strip()).encode()),
    "Traditional script": (".txt", lambda t: _traditional(t).encode()),
    "headings 一．": (".txt", lambda t: _TOP.sub("\\1\\2．", t).encode()),
    "headings 一.": (".txt", lambda t: _TOP.sub(r"\1\2.", t).encode()),
    "headings 一，": (".txt", lambda t: _TOP.sub("\\1\\2，", t).encode()),
    "headings 一 (a space)": (".txt", lambda t: _TOP.sub(r"\1\2 ", t).encode()),
    "heading numbers on their own line": (".txt", lambda t: _TOP.sub(r"\1\2、\n\1", t).encode()),
    "part numbers on their own line": (".txt", lambda t: _TOP.sub(r"\1第\2部分\n\n\1", t).encode()),
    "sub-headings (一)": (".txt", lambda t: _SUB.sub(r"\1(\2)", t).encode()),
    "Markdown bold (as pandoc writes Word)": (".md", lambda t: _bold(t).encode()),
    "fake bold (title and headings each character twice)": (
        ".txt",
        lambda t: _fake_bold(t).encode(),
    ),
    "Markdown ### headings (a page's h3)": (".md", lambda t: _TOP.sub(r"### \2、", t).encode()),
    "headings 1. and （1）": (".txt", lambda t: _arabic_headings(t).encode()),
    "an attachment (附件1 above)": (".txt", lambda t: ("附件1\n\n" + t).encode()),
    "an official document's footer": (".txt", lambda t: _with_footer(t).encode()),
    "page numbers": (".txt", lambda t: _paged(t).encode()),
    "a page break inside paragraphs": (".txt", lambda t: _paragraphs_over_page_breaks(t).encode()),
    "a page break inside each heading (- 3 -)": (
        ".txt",
        lambda t: _headings_over_page_breaks(t, "- 3 -").encode(),
    ),
    "a page break inside each heading (3, blank lines around)": (
        ".txt",
        lambda t: _headings_over_page_breaks(t, "\n3\n").encode(),
    ),
    "a seal note in the signature": (".txt", lambda t: _signed(t, "{issuer}\n（盖章）\n{date}")),
    "issuer and date on one line": (".txt", lambda t: _signed(t, "{issuer}    {date}")),
    "issuer and date run together": (".txt", lambda t: _signed(t, "{issuer}{date}")),
    # a borderless table holding the signature, as Word and web readers give its rows
    "signature in table cells": (".txt", lambda t: _signed(t, " | {issuer}\n | {date}")),
    "issuer and date in one table row": (".txt", lambda t: _signed(t, "{issuer} | {date}")),
    "a note after the date": (".txt", lambda t: _signed(t, "{issuer}\n{date}（此件公开发布）")),
    "a 公文 header (文号, ★)": (".txt", lambda t: (_HEADER + t).encode()),
    "a red header right above": (".txt", lambda t: ("示例县人民政府文件\n" + t).encode()),
    "right-aligned signature": (".txt", lambda t: _signed(t, f"{_PAD}{{issuer}}\n{_PAD}{{date}}")),
    "Word": (".docx", make_docx),
    "Word's HTML (a span per run, a line each)": (".html", _word_html),
    "typeset PDF": (".pdf", make_pdf),
    "PDF with a running header": (".pdf", lambda t: make_pdf(t, _first_line(t), page_lines=6)),
}


def _summary(path: Path, catalog: Catalog) -> dict[str, Any]:
    result = check_path(str(path), catalog).to_json()
    doc = result.get("document") or {}
    return {
        "verdict": result.get("verdict"),
        "score": result.get("score"),
        "parts": [(p["id"], p["status"]) for p in result.get("parts", [])],
        "checks": [(c["id"], c["passed"]) for c in result.get("checks", [])],
        "year": doc.get("report_year"),
        "signed": doc.get("signed_on"),
        "published": doc.get("published_on"),
        "title": _as_read(doc.get("title")),
        "issuer": _as_read(doc.get("issuer")),
    }


def _as_read(text: str | None) -> str:
    """A title or issuer as the checks read it: widths folded, Simplified, no spaces."""
    from fzcheck.reading.normalize import to_simplified

    folded = fold_width(text or "")
    return "".join(to_simplified([folded])[0][0].split())


_TABLE_ROW = re.compile(r"(?:\s+-?\d+(?:\.\d+)?){2,}\s*$", re.MULTILINE)


def _typesets(path: Path, text: str) -> bool:
    """Whether a PDF could hold this text as it is: a crawl joined onto one line is no PDF's
    text, and a PDF lays a table out in cells, not in rows wider than the page."""
    return not load(str(path)).resegmented and not _TABLE_ROW.search(text)


_ARCHIVE_HEADER = re.compile(r"^(?:原文链接|本地目录)\s*[:：]", re.MULTILINE)


def _differences(form: str, paths: list[Path], tmp: Path) -> list[str]:
    catalog = Catalog.load()
    suffix, write = FORMS[form]
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if suffix == ".pdf" and not _typesets(path, text):
            continue
        if suffix == ".html" and _ARCHIVE_HEADER.search(text):
            continue  # a web archive's text export (标题: / 原文链接: …) is no page's text
        try:
            data = write(text)
        except UnicodeEncodeError:  # a character GB18030 cannot hold: not this form
            continue
        copy = tmp / f"{path.stem}{suffix}"
        copy.write_bytes(data)
        clean, sent = _summary(path, catalog), _summary(copy, catalog)
        diff = {k: (clean[k], sent[k]) for k in clean if clean[k] != sent[k]}
        if diff:
            out.append(f"{path.name}: {diff}")
    return out


@pytest.mark.parametrize("form", FORMS)
def test_our_reports_get_the_same_result_in_every_form(form: str, tmp_path: Path) -> None:
    assert _differences(form, _ours(), tmp_path) == []


@pytest.mark.parametrize("form", FORMS)
def test_real_reports_get_the_same_result_in_every_form(form: str, tmp_path: Path) -> None:
    paths = _corpus()
    if not paths:
        pytest.skip("../shared/corpus is not present")
    assert _differences(form, paths, tmp_path) == []
