"""What a submission names or says reaches a page through the project's escaping
(fzcheck.redact.visible): an ESC, a BEL, a NUL or an RTL override in a file name or a report's
text is shown as \\x1b…, never written raw (a U+202E showed rtl\\u202egnp.txt as "rtltxt.png");
a GBK file name is read as such, in the page and in the page's own file name."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from fzcheck.cli import main
from fzcheck.render.html import page_name, render_batch_page, render_report_page, shown
from tests.helpers import SAMPLE

from .conftest import check_file

RTL = "rtl\u202egnp.txt"
CTRL = "ctrl\x1b[31mred\x1b]0;pwn\x07.txt"
GBK = os.fsdecode("甲县司法局".encode("gbk") + b".txt")  # as a Chinese Windows PC names it
# Raw in a page, each of these is a fault: C0 controls but tab and newline, DEL, C1, bidi
# overrides and isolates, lone surrogates (a file name's undecodable bytes).
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _sample(unit: str) -> str:
    return SAMPLE.read_text(encoding="utf-8").replace("示例县司法局", unit)


def hostile_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / RTL).write_text(_sample("某县民政局"), encoding="utf-8")
    (folder / CTRL).write_text(_sample("某县财政局"), encoding="utf-8")
    nul = "\n".join(line + "\x00" for line in _sample("某县水利局").splitlines())
    (folder / "nul.txt").write_text(nul, encoding="utf-8")
    (folder / GBK).write_bytes(_sample("甲县司法局").encode("gbk"))
    return folder


def _page_text(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="surrogateescape")


def test_shown_makes_controls_visible_and_keeps_line_breaks() -> None:
    from markupsafe import Markup

    assert shown(CTRL) == "ctrl\\x1b[31mred\\x1b]0;pwn\\x07.txt"
    assert shown(RTL) == "rtl\\u202egnp.txt"
    assert shown("标题\x00") == "标题\\x00"
    assert shown(GBK) == "甲县司法局.txt"
    assert shown("第一条\n第二条\x07") == "第一条\n第二条\\x07"  # a title="…" list keeps its lines
    assert shown("法治政府建设年度报告 2025") == "法治政府建设年度报告 2025"
    assert shown(Markup("<b>\n</b>")) == Markup("<b>\n</b>") and shown(3) == 3


@pytest.mark.parametrize("command", ["batch", "check"])
def test_pages_never_carry_raw_controls_from_names_or_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """The tester's folder: index.html and every page's 雷同 list carried a raw ESC, BEL and
    U+202E; the page of a report with a NUL at each line's end carried it in its <title>."""
    folder = hostile_folder(tmp_path / "in")
    pages = tmp_path / "pages"
    if command == "batch":
        results = tmp_path / "results.jsonl"
        main(["batch", str(folder), "-o", str(results), "--html", str(pages), "--summary", "none"])
    else:
        main(["-q", "check", "-f", "html", "-o", f"{pages}/", str(folder)])
    capsys.readouterr()
    written = {p.name: _page_text(p) for p in pages.glob("*.html")}
    assert set(written) == {
        "index.html",
        "rtlgnp.html",
        "ctrl[31mred]0;pwn.html",
        "nul.html",
        "甲县司法局.html",
    }
    for name, html in written.items():
        assert RAW.findall(html) == [], name
    index = written["index.html"]
    assert "ctrl\\x1b[31mred\\x1b]0;pwn\\x07.txt" in index and "rtl\\u202egnp.txt" in index
    assert "甲县司法局.txt" in index
    title = re.search(r"<title>(.*?)</title>", written["nul.html"])
    assert title is not None and "\\x00" in title.group(1)
    if command == "batch":  # the four are copies of one text: each page lists the others
        copies = written["nul.html"].split('id="copies"', 1)[1].split("</section>", 1)[0]
        assert "rtl\\u202egnp.txt" in copies and "ctrl\\x1b[31mred" in copies


def test_a_page_from_results_read_back_shows_names_escaped(tmp_path: Path) -> None:
    """`fzcheck report --format html` and any caller of the renderers: the escaping is the
    page's own, not its caller's."""
    result, doc = check_file(hostile_folder(tmp_path / "in") / "nul.txt")
    result = {
        **result,
        "path": CTRL,
        "copies": [{"other": RTL, "part": "problems", "similarity": 0.97}],
    }
    for html in (render_report_page(result, doc), render_batch_page([result])):
        assert RAW.findall(html) == []
        assert "ctrl\\x1b[31mred" in html and "rtl\\u202egnp.txt" in html


def test_a_gbk_file_name_gives_its_page_a_readable_unique_name() -> None:
    """b'\\xbc\\xd7\\xcf\\xd8…' (甲县司法局) has a pair that is also UTF-8 (˾): its page was ˾.html."""
    taken: set[str] = set()
    names = [page_name(f"{d}/{GBK}", taken) for d in ("a", "b")]
    names.append(page_name(os.fsdecode(b"x/bad\xff\xfe.txt"), taken))  # no encoding reads it
    assert names == ["甲县司法局.html", "甲县司法局-2.html", "bad.html"]
