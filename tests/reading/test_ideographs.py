"""Stand-ins a PDF's text layer gives for ideographs (⽇ for 日, ⻓ for 长, a compatibility
ideograph for 聆) read as the ideographs; variation selectors after them taken out."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from fzcheck.fast_patterns import utf16
from fzcheck.reading.ideographs import (
    IDEOGRAPH_OF,
    as_ideographs,
    may_hold_stand_ins,
    without_selectors,
)
from tests.helpers import checked, sample_text

# as a PDF's text layer gives them: Kangxi radicals and the supplement's simplified ones
_AS_EXTRACTED = {
    "一": "\u2f00",
    "二": "\u2f06",
    "人": "\u2f08",
    "日": "\u2f47",
    "月": "\u2f49",
    "工": "\u2f2f",
    "行": "\u2f8f",
    "方": "\u2f45",
    "长": "\u2ed3",
    "门": "\u2ed4",
    "见": "\u2ec5",
}


def _extracted(text: str) -> str:
    for ideograph, radical in _AS_EXTRACTED.items():
        text = text.replace(ideograph, radical)
    return text


def test_each_radical_reads_as_one_ideograph() -> None:
    assert as_ideographs("2026年2月10\u2f47 局\u2ed3 \uf9b0") == "2026年2月10日 局长 聆"
    for cp, ideograph in IDEOGRAPH_OF.items():
        assert len(ideograph) == 1 and unicodedata.name(ideograph).startswith("CJK UNIFIED")
        assert unicodedata.name(chr(cp)).startswith(("KANGXI", "CJK RADICAL", "CJK COMPAT"))
    assert may_hold_stand_ins(utf16("第\u2f00部分")) and may_hold_stand_ins(utf16("\uf9b0"))
    assert not may_hold_stand_ins(utf16("第一部分"))


def test_a_report_as_a_pdf_extracts_it_reads_as_the_report(tmp_path: Path) -> None:
    """The sample with its 一 二 人 日 月 工 行 方 长 门 见 as radicals: every part, the signing
    date and the score as the sample's (it was 50: two parts, the date and the figures lost);
    quotes keep the characters as written."""
    text = _extracted(sample_text())
    assert text != sample_text()
    r, plain = checked(tmp_path, text), checked(tmp_path, sample_text())
    assert r["score"] == plain["score"] == 100
    assert r["document"]["signed_on"] == "2026-02-10"
    assert {p["id"]: p["status"] for p in r["parts"]} == {
        p["id"]: p["status"] for p in plain["parts"]
    }
    leader = next(p for p in r["parts"] if p["id"] == "leader_duties")
    assert "\u2f08" in leader["heading"]  # 负责⼈, as the file has it


def test_the_kangxi_long_is_read_as_simplified(tmp_path: Path) -> None:
    """⾧ (KANGXI RADICAL LONG) is the Traditional 長: read before OpenCC, it is 长 for analysis,
    and the line as written keeps ⾧; the text is still Simplified."""
    from fzcheck.reading import load

    path = tmp_path / "r.txt"
    path.write_text(sample_text().replace("、局长认真", "、局\u2fa7认真", 1), encoding="utf-8")
    doc = load(str(path))
    line = next(i for i, text in enumerate(doc.lines) if "局\u2fa7认真" in text)
    assert "局长认真" in doc.analysis[line] and len(doc.analysis[line]) == len(doc.lines[line])
    assert doc.script == "simplified"


def test_variation_selectors_are_taken_out() -> None:
    for text in ("法\ufe00治", "法\U000e0100治", "法\ufe0f治\U000e01ef"):
        assert without_selectors(text, utf16(text)) == "法治"
    kept = "︵法治︶ \U000e0001"  # vertical brackets share the high byte; a tag is no selector
    assert without_selectors(kept, utf16(kept)) == kept


def test_a_report_whose_font_adds_variation_selectors_reads_as_the_report(
    tmp_path: Path,
) -> None:
    """A standardized selector after 法 and 府 (a pipeline keeping compatibility ideographs),
    an ideographic one after 年 (a font with glyph variants): each shows nothing, and the
    report is the sample (it was 非年度报告, 0: 法治政府 mentioned 0 times, no signing date)."""
    plain = checked(tmp_path, sample_text())
    for marked in (
        sample_text().replace("法", "法\ufe00").replace("府", "府\ufe00"),
        sample_text().replace("法", "法\U000e0100").replace("年", "年\U000e0101"),
    ):
        r = checked(tmp_path, marked)
        assert r["verdict"] == plain["verdict"] and r["score"] == plain["score"] == 100
        assert r["document"]["signed_on"] == "2026-02-10"
        assert r["document"]["title"] == plain["document"]["title"]
