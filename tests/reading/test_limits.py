"""The bounds every reader works within, each hit as that input's one-line error."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from fzcheck.errors import InputError
from fzcheck.reading import load
from fzcheck.reading.limits import MB, Deadline, SafeZip, count_limit, read_regular_file
from fzcheck.reading.normalize import to_simplified
from tests.helpers import FIXTURES, mixtures, sample_text
from tests.reading.make_ofd import make_ofd
from tests.reading.makers import junk_elements


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_safe_zip_refuses_a_member_inflating_past_its_ratio() -> None:
    package = SafeZip(_zip({"word/document.xml": b" " * (8 * MB)}), ".docx")
    with pytest.raises(InputError, match="decompression bomb") as info:
        package.check_all()
    assert info.value.kind == "too_large"


def test_safe_zip_reads_an_ordinary_member() -> None:
    data = os.urandom(2 * MB)  # incompressible: ratio ~1
    assert SafeZip(_zip({"media/image1.png": data}), ".docx").read("media/image1.png") == data


def test_safe_zip_counts_bytes_inflated_not_the_sizes_the_zip_claims() -> None:
    raw = bytearray(_zip({"a.xml": b"<a>" + b" " * (6 * MB) + b"</a>"}))
    # Lie in the central directory: claim a tiny uncompressed size.
    at = raw.rfind(b"PK\x01\x02")
    raw[at + 24 : at + 28] = (100).to_bytes(4, "little")
    with pytest.raises(InputError) as info:
        SafeZip(bytes(raw), ".docx").check_all()
    assert info.value.kind in {"too_large", "corrupt"}


def test_a_damaged_zip_is_corrupt_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(_zip({"word/document.xml": b"<w:document>"})[:-30])
    with pytest.raises(InputError) as info:
        load(str(path))
    assert info.value.kind == "corrupt"


def test_an_ofd_bomb_is_refused(tmp_path: Path) -> None:
    source = zipfile.ZipFile(io.BytesIO(make_ofd(sample_text())))
    members = {info.filename: source.read(info) for info in source.infolist()}
    page = "Doc_0/Pages/Page_0/Content.xml"
    members[page] = members[page].replace(
        b"<ofd:Content>", b"<ofd:Content><!--" + b" " * (40 * MB) + b"-->"
    )
    path = tmp_path / "bomb.ofd"
    path.write_bytes(_zip(members))
    with pytest.raises(InputError) as info:
        load(str(path))
    assert info.value.kind == "too_large"


def test_deadline_and_counts() -> None:
    deadline = Deadline(0.0)
    with pytest.raises(InputError) as info:
        deadline.check()
    assert info.value.kind == "timeout"
    count_limit(10, "paragraphs", 10)
    with pytest.raises(InputError) as info:
        count_limit(11, "paragraphs", 10)
    assert info.value.kind == "too_complex"


def test_reading_stops_at_the_limit_even_when_the_size_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"x" * 5000)
    assert len(read_regular_file(str(path), 1000)) == 1001  # one past: the caller says too large
    with pytest.raises(InputError) as info:
        read_regular_file(str(tmp_path / "missing.txt"), 1000)
    assert info.value.kind == "not_found"


def test_a_broken_symlink_is_not_found_and_a_loop_unreadable(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    kinds = []
    for name in ("dangling.txt", "a.txt"):
        with pytest.raises(InputError) as info:
            load(str(tmp_path / name))
        kinds.append(info.value.kind)
    assert kinds == ["not_found", "unreadable"]


def test_to_simplified_keeps_lengths_and_detects_the_script() -> None:
    traditional = (FIXTURES / "traditional.txt").read_text(encoding="utf-8").splitlines()
    out, script = to_simplified(traditional)
    assert script == "traditional"
    assert [len(a) for a in out] == [len(b) for b in traditional]
    assert any("于" in line for line in out) and out != traditional
    simplified = sample_text().splitlines()
    same, script = to_simplified(simplified)
    assert (same, script) == (simplified, "simplified")
    assert same is not simplified  # callers may keep both


def test_an_encrypted_pdf_that_opens_without_a_password_is_read(tmp_path: Path) -> None:
    from tests.helpers import make_pdf
    from tests.reading.makers import encrypt_pdf

    pdf = make_pdf(sample_text())
    for algorithm in ("AES-128", "AES-256", "RC4-128"):
        path = tmp_path / f"{algorithm}.pdf"
        path.write_bytes(encrypt_pdf(pdf, "", algorithm))
        assert load(str(path)).lines[0] == sample_text().splitlines()[0]
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypt_pdf(pdf, "secret", "AES-256"))
    with pytest.raises(InputError, match="password") as info:
        load(str(locked))
    assert info.value.kind == "encrypted"


def test_a_library_failing_inside_a_reader_is_that_inputs_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import fzcheck.reading.rtf as rtf
    from tests.reading.makers import make_rtf

    def broken(data: bytes, deadline: object = None) -> object:
        raise KeyError("a library bug met on this file")

    monkeypatch.setattr(rtf, "read_rtf", broken)
    path = tmp_path / "r.rtf"
    path.write_bytes(make_rtf(sample_text()))
    with pytest.raises(InputError) as info:
        load(str(path))
    assert info.value.kind == "corrupt" and "KeyError" in str(info.value)
    assert info.value.sha256 is not None


def test_a_zip_needing_an_unknown_version_is_corrupt(tmp_path: Path) -> None:
    raw = bytearray(_zip({"word/document.xml": b"<w:document/>"}))
    at = raw.rfind(b"PK\x01\x02")
    raw[at + 6 : at + 8] = (173).to_bytes(2, "little")  # "version needed to extract" 17.3
    path = tmp_path / "r.docx"
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError) as info:
        load(str(path))
    assert info.value.kind == "corrupt"


@pytest.mark.parametrize(
    "line",
    [
        "一、工作（一）：ＡＢ１２",
        "全角空格　在此",
        "只有半角,没有全角",
        "替换字符\ufffd与㈠",
        "𝟙𝟚与（附）",
        "ÿǿ＀｟￿与！～",  # a low byte 0xFF under another high byte; U+FF00, U+FF5F are not folded
        "常见的，：；（）！？％都在",  # only the usual ones: counted
        "仅有，和￥",  # U+FFE5 is a U+FFxx unit that is not folded
        "".join(map(chr, range(0xFF00, 0x10000))) + "𝟙　",
    ],
)
def test_width_folded_exactly_where_full_width_forms_stand(line: str) -> None:
    """The analysis view folds U+FF01-FF5E and U+3000, and nothing else, whether or not the
    quick test for such characters (their UTF-16 high byte) lets the fold be skipped, and
    whichever of them the code units say the line holds."""
    from fzcheck.document import fold_width
    from fzcheck.reading.normalize import Extracted, build_document

    doc = build_document("x.txt", "0" * 64, "txt", Extracted(text=f"{line}\n{line}"))
    assert doc.analysis == [line.translate(_WIDTH_FOLD)] * 2
    assert doc.lines == [line] * 2
    assert fold_width(line) == line.translate(_WIDTH_FOLD)


# What folding means, one character at a time: U+FF01..U+FF5E and U+3000 to ASCII, nothing else.
_WIDTH_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def test_width_folding_of_random_text_is_the_per_character_one() -> None:
    """On random mixtures of full-width forms, their neighbours (U+FF00, U+FF5F, U+FFE5), CJK,
    ASCII, supplementary characters and lone surrogates: the same as translating each one."""
    from fzcheck.document import fold_width

    pool = [
        "，",
        "：",
        "（",
        "）",
        "１",
        "Ａ",
        "～",
        "！",
        "＀",
        "｟",
        "￥",
        "\u3000",
        "中",
        "a",
        " ",
        "𝟙",
        "\ud800",
        "ÿ",
        "ǿ",
    ]
    for text in mixtures(pool, 3000, 30, seed=11):
        assert fold_width(text) == text.translate(_WIDTH_FOLD), repr(text)


def test_every_line_break_becomes_one_newline() -> None:
    """\\r\\n, a lone \\r and the other line breaks each become one \\n, as the pattern
    \\r\\n?|[\\u2028\\u2029\\v\\f\\x85] replacing them leftmost-first would: on every mixture."""
    import random
    import re

    from fzcheck.reading.normalize import Extracted, build_document

    breaks = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
    rng = random.Random(5)
    pool = ["\r", "\n", "\r\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "中", "a", " "]
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12))) + "末"
        doc = build_document("x.txt", "0" * 64, "txt", Extracted(text=text))
        assert doc.lines == breaks.sub("\n", text).split("\n"), repr(text)


def test_an_ofd_page_of_junk_elements_is_refused_before_it_is_parsed() -> None:
    # 1.6 million tiny elements beside the text (8 million took 1 GB), random enough to pass
    # the zip's ratio bound
    source = zipfile.ZipFile(io.BytesIO(make_ofd(sample_text())))
    members = {info.filename: source.read(info) for info in source.infolist()}
    page = "Doc_0/Pages/Page_0/Content.xml"
    members[page] = members[page].replace(
        b"</ofd:Content>", b"</ofd:Content>" + junk_elements(1_600_000)
    )
    with pytest.raises(InputError, match="XML elements") as info:
        load("junk.ofd", data=_zip(members))
    assert info.value.kind == "too_complex"


def test_an_rtf_of_endless_groups_is_refused_before_striprtf_builds_them() -> None:
    # striprtf keeps a state per open group: 16 MB of { took 1.5 GB
    with pytest.raises(InputError, match="RTF groups") as info:
        load("nest.rtf", data=b"{\\rtf1 " + b"{" * 1_000_001)
    assert info.value.kind == "too_complex"
