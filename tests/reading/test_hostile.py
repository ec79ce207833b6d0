"""What a 司法局's shared folder can really hold never stops, hangs or bloats a run: each input
gets its one line, within bounded time and memory (issue 10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fzcheck.errors import InputError
from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.rubric import Catalog
from tests.helpers import ROOT, make_pdf, sample_text
from tests.reading.makers import (
    bomb_docx,
    cjk_font,
    encrypt_pdf,
    many_paragraph_docx,
    tiny_paragraphs_docx,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


# Runs fzcheck and, at exit, writes its peak RSS (VmHWM: this process image only; ru_maxrss
# would include the pytest process it was spawned from) to the file named by FZ_PEAK_FILE.
_WRAPPER = """
import atexit, os, runpy, sys
def _peak():
    with open('/proc/self/status') as f:
        kb = next(line.split()[1] for line in f if line.startswith('VmHWM'))
    with open(os.environ['FZ_PEAK_FILE'], 'w') as out:
        out.write(kb)
if os.path.exists('/proc/self/status'):
    atexit.register(_peak)
sys.argv = ['fzcheck', *sys.argv[1:]]
runpy.run_module('fzcheck', run_name='__main__')
"""


def _fzcheck(
    *args: str, peak_file: Path | None = None, timeout: float = 240
) -> subprocess.CompletedProcess[bytes]:
    # bytes, not text: a name that is not UTF-8 comes back as its own bytes
    env = {**os.environ, "FZ_PEAK_FILE": str(peak_file or os.devnull)}
    return subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args],
        capture_output=True,
        cwd=ROOT,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
        env=env,
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """One of each hostile input, by name -> path (str; the bad name decoded as the CLI sees it)."""
    d = tmp_path_factory.mktemp("hostile")
    pdf = make_pdf(sample_text())
    paths = {
        "aes_open": d / "aes-empty-password.pdf",
        "aes_locked": d / "aes-password.pdf",
        "loop": d / "loop.txt",
        "fifo": d / "pipe.txt",
        "long": d / "long.docx",
        "bomb": d / "bomb.docx",
        "tiny": d / "tiny.docx",
        "good": d / "good.txt",
    }
    paths["aes_open"].write_bytes(encrypt_pdf(pdf, "", "AES-128"))
    paths["aes_locked"].write_bytes(encrypt_pdf(pdf, "secret", "AES-256"))
    paths["loop"].symlink_to(paths["loop"].name)
    os.mkfifo(paths["fifo"])
    paths["long"].write_bytes(many_paragraph_docx(20_000))
    paths["bomb"].write_bytes(bomb_docx(1000))
    paths["tiny"].write_bytes(tiny_paragraphs_docx(830_000))
    paths["good"].write_text(sample_text(), encoding="utf-8")
    bad_name = os.path.join(os.fsencode(d), b"a\xff.txt")  # as a GBK disk shows through Linux
    with open(bad_name, "wb") as f:
        f.write(sample_text().encode("utf-8"))
    out = {k: str(v) for k, v in paths.items()}
    out["bad_name"] = os.fsdecode(bad_name)
    out["dev_zero"] = "/dev/zero"
    return out


EXPECTED = {  # input -> error kind, or None when it is read
    "aes_open": None,
    "aes_locked": "encrypted",
    "loop": "unreadable",
    "fifo": "special_file",
    "long": None,
    "bomb": "too_large",
    "tiny": "too_complex",
    "good": None,
    "bad_name": None,
    "dev_zero": "special_file",
}


def test_check_gives_one_line_per_hostile_input(hostile: dict[str, str], tmp_path: Path) -> None:
    names = list(EXPECTED)
    peak = tmp_path / "peak"
    start = time.monotonic()
    proc = _fzcheck("check", "-f", "jsonl", *(hostile[n] for n in names), peak_file=peak)
    elapsed = time.monotonic() - start
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    lines = proc.stdout.decode("utf-8", "surrogateescape").splitlines()
    assert len(lines) == len(names), proc.stderr.decode(errors="replace")
    results = [json.loads(line) for line in lines]
    assert [r["path"] for r in results] == [hostile[n] for n in names]
    for name, result in zip(names, results):
        kind = EXPECTED[name]
        if kind is None:
            assert result["ok"], (name, result["error"])
        else:
            assert result["error"]["kind"] == kind, (name, result["error"])
            assert "\n" not in result["error"]["message"]
    assert proc.returncode == 2
    assert elapsed < 120, f"{elapsed:.0f} s"
    if peak.exists():  # Linux
        peak_mb = int(peak.read_text()) / 1024
        assert peak_mb < 500, f"peak RSS {peak_mb:.0f} MB"


def test_batch_gives_one_line_per_hostile_input(hostile: dict[str, str], tmp_path: Path) -> None:
    names = list(EXPECTED)
    out = tmp_path / "results.jsonl"
    proc = _fzcheck("batch", "-o", str(out), "--summary", "none", *(hostile[n] for n in names))
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["path"] for r in results) == sorted(hostile[n] for n in names)
    by_path = {r["path"]: r for r in results}
    for name in names:
        error = by_path[hostile[name]]["error"]
        assert (error["kind"] if error else None) == EXPECTED[name], name


def test_twenty_thousand_paragraphs_are_read(hostile: dict[str, str]) -> None:
    """Every paragraph read (how fast is counted, not timed, in test_docx: the styles are
    resolved once, no paragraph asked for its style object)."""
    doc = load(hostile["long"])
    assert len(doc.lines) == 20_001


def test_special_files_are_refused_before_reading(hostile: dict[str, str]) -> None:
    for name in ("fifo", "dev_zero"):
        start = time.monotonic()
        with pytest.raises(InputError) as info:
            load(hostile[name])
        assert info.value.kind == "special_file"
        assert time.monotonic() - start < 1


def test_a_directory_walk_reports_loops_and_fifos_named_like_reports(
    hostile: dict[str, str],
) -> None:
    from fzcheck.reading.inputs import expand_inputs

    folder = str(Path(hostile["good"]).parent)
    found = {Path(p).name for p in expand_inputs([folder])}
    assert {"loop.txt", "pipe.txt", "good.txt", "a\udcff.txt", "bomb.docx"} <= found


def test_a_missing_library_is_that_inputs_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.reading.make_doc import make_doc

    path = tmp_path / "r.doc"
    path.write_bytes(make_doc(sample_text()))
    monkeypatch.setitem(sys.modules, "olefile", None)  # import olefile now raises ImportError
    with pytest.raises(InputError) as info:
        load(str(path))
    assert info.value.kind == "missing_dependency" and "olefile" in str(info.value)
    assert load(str(ROOT / "examples" / "sample-report.txt")).lines  # other formats still read


def test_a_doc_repeating_one_piece_is_refused_before_it_multiplies(tmp_path: Path) -> None:
    """A crafted piece table lists 1 MB of text 300 times: 300 M characters if assembled. It is
    refused once the text passes the limit, in little memory."""
    from tests.reading.make_doc import make_repeated_doc

    path = tmp_path / "bomb.doc"
    path.write_bytes(make_repeated_doc("一、主要举措和成效" * 50_000, 300))
    error, peak = _refused_with_peak(path)
    assert error.kind == "too_large" and peak < 100 * 1024 * 1024


def _refused_with_peak(path: Path) -> tuple[InputError, int]:
    """The error loading ``path`` raises, and the most memory Python held on the way."""
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(InputError) as info:
            load(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return info.value, peak


def test_sixty_thousand_pieces_on_one_line_are_laid_out_in_one_pass() -> None:
    """An OFD or a scan's text objects all at one height: one row, read in linear time (the
    row's extent was recomputed for every piece: quadratic, minutes)."""
    from fzcheck.reading.layout import Piece, document_lines

    pieces = [Piece(100.0, 110.0 + (k % 3), 10.0 * k, 10.0 * k + 9, "字") for k in range(60_000)]
    assert "".join(document_lines([pieces])).count("字") == 60_000


@pytest.mark.parametrize("charset", ["punycode", "idna", "utf-7", "bz2_codec"])
def test_a_page_declaring_a_charset_no_page_uses_is_read_as_text(
    tmp_path: Path, charset: str
) -> None:
    """<meta charset="punycode"> (decoding took minutes on a large page) or a codec that is no
    character set: the declaration is ignored and the page's bytes are read as text."""
    page = (ROOT / "tests" / "fixtures" / "page.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("ascii", "xmlcharrefreplace"))  # &#27861; : punycode decodes it
    doc = load(str(path))
    assert doc.encoding != charset and any("法治" in line for line in doc.lines)


def test_a_text_of_endless_headings_gives_a_bounded_result(tmp_path: Path) -> None:
    """20,000 一、 headings (a crafted text; 660,000 took 2 GB and wrote a 70 MB line): the
    outline holds the first 5,000, a part lists 200 sections, and their text still counts."""
    from fzcheck.analysis.outline import MAX_HEADINGS
    from fzcheck.analysis.parts import MAX_SECTIONS

    body = "".join(
        f"{'一二三四五六七八九'[k % 9]}、工作事项{k}\n全年办理案件{k}件。\n" for k in range(20_000)
    )
    path = tmp_path / "endless.txt"
    path.write_text("示例县司法局关于2025年度法治政府建设情况的报告\n" + body, encoding="utf-8")
    r = check_path(str(path), Catalog.load(), with_outline=True).to_json()
    assert len(r["outline"]) == MAX_HEADINGS
    assert max(len(p["sections"]) for p in r["parts"]) <= MAX_SECTIONS
    assert max(len(p["evidence"]) for p in r["parts"]) <= MAX_SECTIONS
    achievements = next(p for p in r["parts"] if p["id"] == "achievements")
    assert achievements["span"]["end_line"] > 2 * MAX_SECTIONS  # the rest joined to its last


def test_a_recursive_glob_over_links_to_its_own_folder_ends(tmp_path: Path) -> None:
    """'DIR/**/*.txt' quoted (fzcheck expands it) over a folder with two links to itself: each
    file once (glob.glob followed the links: the paths multiplied without end)."""
    import os

    from fzcheck.reading.inputs import expand_inputs

    (tmp_path / "sub").mkdir()
    (tmp_path / "r.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub" / "s.txt").write_text("x", encoding="utf-8")
    os.symlink(".", tmp_path / "a")
    os.symlink("..", tmp_path / "sub" / "up")
    found = list(expand_inputs([f"{tmp_path}/**/*.txt"]))
    assert found == [str(tmp_path / "r.txt"), str(tmp_path / "sub" / "s.txt")]


def test_a_recursive_glob_keeps_the_folders_as_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ./in/**/*.txt lists ./in/…, as the shell and glob.glob would, so results name the files
    # the way the reviewer typed them
    from fzcheck.reading.inputs import expand_inputs

    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "s.txt").write_text("x", encoding="utf-8")
    (tmp_path / "t.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert list(expand_inputs(["./in/**/*.txt"])) == ["./in/sub/s.txt"]
    assert list(expand_inputs(["**/*.txt"])) == ["in/sub/s.txt", "t.txt"]
    assert list(expand_inputs(["in/../**/t.txt"])) == ["in/../t.txt"]


def test_a_utf8_report_with_a_heading_pasted_from_a_gbk_one_is_read(tmp_path: Path) -> None:
    """One 21-character heading in GBK inside a UTF-8 report (pasted from an older document):
    each line in the encoding that reads it, not the whole refused as binary."""
    text = sample_text()
    heading = "二、2025年推进法治政府建设存在的不足和原因"
    data = text.encode("utf-8").replace(heading.encode("utf-8"), heading.encode("gbk"))
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    doc = load(str(path))
    assert heading in doc.lines and doc.encoding == "utf-8+gb18030"


def test_a_page_of_forms_drawing_forms_is_an_error_for_that_input_not_a_dead_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PDFium renders it for OCR inside C code until memory runs out, then aborts: in a child
    with its memory capped (here at 1 GB, to fail fast) it is that input's one-line error, and
    the next input is graded."""
    import fzcheck.reading.ocr as ocr
    from tests.reading.makers import nested_forms_pdf

    monkeypatch.setattr(ocr, "MAX_BYTES", 2**30)
    monkeypatch.setattr(ocr, "SECONDS", 60.0)
    bomb = tmp_path / "a.pdf"
    bomb.write_bytes(nested_forms_pdf())
    good = tmp_path / "b.txt"
    good.write_text(sample_text(), encoding="utf-8")
    first = check_path(str(bomb), Catalog.load()).to_json()
    # PDFium aborts past the cap (too_large), or refuses the page first (corrupt)
    assert first["error"]["kind"] in {"too_large", "timeout", "corrupt"}
    assert "\n" not in first["error"]["message"]
    assert check_path(str(good), Catalog.load()).to_json()["verdict"] == "complete"


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font to draw the scan with")
def test_ocr_runs_in_a_process_that_already_holds_much_address_space(tmp_path: Path) -> None:
    """The OCR child starts with its parent's address space: a long-running process holding
    more than the cap (a browser's, a PDF library's reservations) left it none, OCR's import
    failed, and the scan was said to need OCR installed. The cap is what the child may add."""
    import mmap

    from tests.reading.makers import make_scanned_pdf

    font = cjk_font()
    assert font is not None
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(make_scanned_pdf(sample_text(), font))
    held = mmap.mmap(-1, 4 * 2**30)  # reserved, never touched: address space, not memory
    try:
        doc = load(str(scan))
    finally:
        held.close()
    assert doc.ocr and doc.lines[0] == sample_text().splitlines()[0]


@pytest.mark.parametrize("shape", [(0.0001, 100000), (20, 800)])
def test_a_page_no_report_has_the_shape_of_is_not_scaled_up_for_ocr(
    tmp_path: Path, shape: tuple[float, float]
) -> None:
    from tests.reading.makers import sliver_page_pdf

    path = tmp_path / "sliver.pdf"
    path.write_bytes(sliver_page_pdf(*shape))
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["error"]["kind"] == "scanned_pdf"  # no text: not gigabytes of image, not 'corrupt'


def test_a_link_out_of_the_folder_walked_is_skipped_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder unpacked from an archive with a link 报告.txt -> /etc/passwd (or any file outside
    it): not read, not quoted in the results, and a warning names it; a link inside the folder
    and a link given by name are followed."""
    from fzcheck.reading.inputs import expand_inputs

    outside = tmp_path / "secret.txt"
    outside.write_text("root:x:0:0", encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(sample_text(), encoding="utf-8")
    os.symlink(outside, folder / "b.txt")
    os.symlink(folder / "a.txt", folder / "c.txt")
    assert list(expand_inputs([str(folder)])) == [str(folder / "a.txt"), str(folder / "c.txt")]
    assert "b.txt" in capsys.readouterr().err
    assert list(expand_inputs([str(folder / "b.txt")])) == [str(folder / "b.txt")]


def test_a_web_archive_of_countless_parts_is_refused_before_they_are_parsed(
    tmp_path: Path,
) -> None:
    """A crafted .mht of 300,000 empty parts (9 MB): the email parser held every one (250 MB,
    4 s; 1.3 GB at the size limit). The parts are counted first, and the input refused."""
    head = (
        b'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n'
        b"--B\nContent-Type: text/html; charset=utf-8\n\n<html><body><p>x</p></body></html>\n"
    )
    path = tmp_path / "page.mht"
    path.write_bytes(head + b"--B\nContent-Type: text/plain\n\nx\n" * 300_000 + b"--B--\n")
    error, peak = _refused_with_peak(path)
    assert error.kind == "too_complex"
    assert peak < 60_000_000, f"{peak / 1e6:.0f} MB"


_TITLE = "某县2025年法治政府建设年度报告\n"


@pytest.mark.parametrize(
    "text",
    [
        # a padded export's spaces under the title: a date under the title (^\s*[(]?\s*…)
        # split them every way (300 s, the input's whole limit)
        *(f"{_TITLE}{space * 200_000}一\n" for space in ("\u3000", " ", "\t")),
        # a heading's colon, then no sentence's stop (words then a stop, tried from each
        # word on: 270 s)
        f"{_TITLE}一、主要举措：{'主要负责人' * 40_000}\n二、存在的不足和原因\n人少。\n",
        # a rule of dashes: an archive's ===== 正文 ===== separator split every way
        *(f"{_TITLE}{dash * 60_000}x\n一、主要举措和成效\n做了工作。\n" for dash in "—-="),
        # spaces after a signing date (its 日, bracket and note each after their own \s*)
        f"{_TITLE}一、主要举措和成效\n做了工作。\n某县人民政府\n2026年3月1日{' ' * 100_000}x\n",
        # Markdown marks one after another: each looked into the next (RecursionError, an
        # internal error)
        f"{_TITLE}{'# ' * 30_000}x\n一、主要举措和成效\n做了工作。\n",
    ],
    ids=["ideographic", "space", "tab", "colon", "em-dash", "hyphen", "equals", "signed", "marks"],
)
def test_a_line_of_one_thing_repeated_is_read_in_linear_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """Held to a limit of 10 s (each took minutes, a pattern splitting the run every way), the
    check still gives its verdict."""
    import fzcheck.pipeline

    monkeypatch.setattr(fzcheck.pipeline, "INPUT_SECONDS", 10.0)
    path = tmp_path / "repeated.txt"
    path.write_text(text, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["error"] is None and r["verdict"] == "incomplete"


def test_a_page_whose_cells_span_a_million_cells_is_refused_before_they_are_laid_out(
    tmp_path: Path,
) -> None:
    """200 cells of rowspan=1000 colspan=1000: laid out cell by cell (15 s), then refused for
    the text they made. Counted from the tags first, the page is refused as too complex."""
    row = "<tr><td colspan=1000 rowspan=1000>规章</td><td>0</td></tr>"
    path = tmp_path / "spans.html"
    path.write_text(
        f"<html><body><h1>某县2025年政府信息公开工作年度报告</h1><table>{row * 200}</table>"
        "</body></html>",
        encoding="utf-8",
    )
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["error"]["kind"] == "too_complex" and "table cells" in r["error"]["message"]


def test_short_ascii_lines_are_read_not_called_damaged(tmp_path: Path) -> None:
    """Six lines of a date and a time, no wider line: the hard-wrap test took the widest of no
    widths (max() of nothing) and the file was reported as damaged."""
    path = tmp_path / "dates.txt"
    path.write_text("2026-02-10 15:38:00\n" * 6, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert (r.get("error") or {}).get("kind") != "corrupt"
