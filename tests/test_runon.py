"""Run-on text (a crawler joined every paragraph): re-segmented at inline headings, quotes still
located in the text as read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fzcheck.document import fold_width
from fzcheck.pipeline import check_path
from fzcheck.reading import load
from fzcheck.reading.resegment import inline_markers, is_runon, resegment
from fzcheck.rubric import Catalog
from tests.gip.reports import ROWS_2021
from tests.helpers import FIXTURES, SAMPLE, sample_text
from tests.test_parts import check, statuses


def _cut(text: str) -> list[str]:
    line = fold_width(text)
    segments = resegment([line])
    assert segments is not None, "not taken for run-on text"
    return [text[a:b] for _, a, b in segments]


FILLER = "全年开展专项检查多次，发现并整改问题若干，群众满意度持续提升。" * 4


def test_one_line_report_is_cut_at_its_headings_and_paragraph_gaps() -> None:
    text = (
        "当前位置： 首页政务公开 时间：2026-02-12 10:30 微信 微博 2025年，我局推进法治政府建设。"
        "现将有关情况报告如下。一、主要举措和成效（一）健全制度1.制定制度。"
        + FILLER
        + "2.清理文件。"
        + FILLER
        + " 二、存在的不足和原因 人员不足，原因是编制少。"
        "三、下一步工作安排 一是加强培训。二是完善制度。"
    )
    pieces = _cut(text)
    assert "".join(pieces) == text  # slices of the original, nothing lost or changed

    def opens(head: str) -> bool:
        return any(p.strip().startswith(head) for p in pieces)

    for head in (
        "一、主要举措和成效",
        "（一）健全制度",
        "1.制定制度",
        "2.清理文件",
        "二、存在的不足和原因",
        "三、下一步工作安排",
        "一是加强培训",
        "二是完善制度",
    ):
        assert opens(head), head
    # the heading 二、… had no stop: its paragraph starts at the gap after it
    assert opens("人员不足，原因是编制少")
    # page furniture before the first sentence is cut apart from the opening
    assert opens("微信") and opens("微博") and opens("2025年，我局")


def test_no_false_splits_inside_sentences() -> None:
    text = (
        "现将有关情况报告如下。一、主要举措和成效 我局统一、规范执法程序，办案时限缩短1.5天，"
        "详见第一部分所列清单。" + FILLER + "二、存在的不足 执法力量不足。" + FILLER
    )
    text = text.replace("所列清单。", "所列清单,统一,规范,是唯一.试点;之一 示范。")
    pieces = _cut(text)
    assert not any(p.startswith(("一、规范", "1.5", "第一部分", "、规范")) for p in pieces)
    assert not any(p.startswith(("一,规范", "一.试点", "一 示范")) for p in pieces)
    assert any("统一、规范" in p for p in pieces)
    assert any("1.5天" in p and "第一部分" in p for p in pieces)


def test_out_of_sequence_numbers_are_not_headings() -> None:
    # 3. after 1. (no 2.) is not the next item; 5、 after a comma is inside a sentence
    line = fold_width(
        "一、工作情况。1.制度建设。全年共3.举办活动，共计5、6月份开展检查。二、存在问题。"
    )
    kinds = [(line[s : s + 2], k) for s, k in inline_markers(line)]
    assert ("3.", 3) not in kinds and ("5、", 3) not in kinds
    assert ("一、", 1) in kinds and ("二、", 1) in kinds and ("1.", 3) in kinds


def test_ordinary_long_paragraph_is_not_run_on() -> None:
    # a long paragraph listing 一是…二是… is a paragraph, not run-on text
    line = fold_width("主要表现在：" + "；".join(f"{n}是{FILLER}" for n in "一二三四"))
    assert not is_runon(line, inline_markers(line))
    assert resegment([line, "短行"]) is None


def test_a_table_row_of_numbered_names_is_not_run_on() -> None:
    """A header row naming a transposed table's rows (一、本年新收… | 二、上年结转… | （一）予以公开
    | …) carries several markers on a long line; its cells are short labels, not paragraphs.
    A form's row, a label and its paragraphs of points, is still cut."""
    row = fold_width(" | ".join(["申请人", *(label for _, label, _ in ROWS_2021)]))
    assert len(row) > 300 and is_runon(row, inline_markers(row))
    assert resegment([row, "短行"]) is None
    form = fold_width("主要举措和成效 | " + "".join(f"（{n}）{FILLER}" for n in "一二三"))
    assert resegment([form]) is not None


@pytest.mark.parametrize("mark", ["、", "，", "：", ".", "．", " "])
def test_a_crawled_body_is_cut_at_its_headings_however_they_are_typed(
    mark: str, tmp_path: Path
) -> None:
    """The body crawled onto one line, its top headings typed 二、 or as units also type them
    (二， 二： 二. 二 and a word): each is cut back to a heading (the space form's text stays
    with its number), and the report reads as its lined copy does."""
    lines = re.sub(r"^([一二三四五])、", rf"\1{mark}", sample_text(), flags=re.M).split("\n")
    body = "".join(line.strip() for line in lines[1:-3])
    crawled = tmp_path / "crawled.txt"
    crawled.write_text("\n".join([lines[0], body, *lines[-3:]]), encoding="utf-8")
    lined = check_path(str(SAMPLE), Catalog.load()).to_json()
    r = check_path(str(crawled), Catalog.load()).to_json()
    assert r["document"]["resegmented"] is True
    assert statuses(r) == statuses(lined) and r["score"] == lined["score"]
    leader = next(p for p in r["parts"] if p["id"] == "leader_duties")
    assert leader["heading"].startswith("党政主要负责人履行")


@pytest.mark.parametrize(
    "title,signature",
    [
        ("示例县司法局关于2025年度法治政府建设情况的报告", "示例县司法局\n2026年2月10日"),
        ("示例县司法局2025年度法治政府建设情况报告", "示例县司法局\n2026年2月10日"),
        ("示例县司法局关于2025年度法治政府建设情况的报告", "2026年2月10日"),
    ],
)
def test_a_report_crawled_onto_one_line_keeps_its_title_addressee_and_signature(
    tmp_path: Path, title: str, signature: str
) -> None:
    """Title, addressee, body and signature all on one line (…情况的报告县委、县政府：2025年，…
    …情况。示例县司法局2026年2月10日, or the date alone): each fact is read as from the lined
    copy."""
    text = sample_text().replace("示例县司法局关于2025年度法治政府建设情况的报告", title)
    text = text.replace("示例县司法局\n2026年2月10日", signature)
    lined_path = tmp_path / "lined.txt"
    lined_path.write_text(text, encoding="utf-8")
    lined = check_path(str(lined_path), Catalog.load()).to_json()
    lines = [line.strip() for line in text.split("\n")]
    for joiner in ("", " "):
        crawled = tmp_path / "crawled.txt"
        crawled.write_text(joiner.join(lines), encoding="utf-8")
        r = check_path(str(crawled), Catalog.load()).to_json()
        assert r["document"]["resegmented"] is True
        for fact in ("title", "addressee", "issuer", "signed_on", "report_year"):
            assert r["document"][fact] == lined["document"][fact], (joiner, fact)
        assert statuses(r) == statuses(lined)


def test_a_report_phrase_or_a_dated_sentence_is_not_cut_as_title_or_signature() -> None:
    text = (
        "2025年，我局推进法治政府建设，现将工作报告如下：一、主要举措和成效 "
        + FILLER
        + "二、存在的不足和原因 人员不足，原因是编制少。"
        + FILLER
        + "三、下一步安排 全年完成检查。截至2026年2月10日，已全部整改到位。"
    )
    pieces = _cut(text)
    assert not any(p.startswith(("如下", "截至")) for p in pieces)


def test_flattened_report_reads_like_its_lined_original() -> None:
    r = check("runon_report.txt")
    assert r["document"]["resegmented"] is True
    assert r["document"]["title"] == "示例区自然资源局2025年法治政府建设工作报告"
    assert statuses(r) == {
        "achievements": "present",
        "problems": "present",
        "leader_duties": "embedded",
        "next_year_plan": "present",
        "other": "missing",
    }
    assert r["document"]["plan_year"] == 2026  # not 2025 from the cited 《纲要（2021-2025年）》
    assert r["verdict"] == "complete"


def test_evidence_is_located_in_the_text_as_read() -> None:
    path = Path(__file__).parent / "fixtures" / "runon_report.txt"
    original = path.read_text(encoding="utf-8").splitlines()
    doc = load(str(path))
    r = check("runon_report.txt")
    evidence = [ev for p in r["parts"] for ev in p["evidence"]]
    assert evidence
    for ev in evidence:
        assert ev["quote"] in doc.lines[ev["line"] - 1]  # the line as fzcheck shows it
        line, col = ev["source_line"], ev["source_column"]
        assert original[line - 1][col : col + len(ev["quote"])] == ev["quote"]


def test_lined_text_keeps_plain_evidence() -> None:
    r = check("header_date.txt")
    assert r["document"]["resegmented"] is False
    assert all(set(ev) == {"quote", "line"} for p in r["parts"] for ev in p["evidence"])


def test_inline_markers_read_as_the_grouped_pattern_reads_them() -> None:
    """The literal-first marker pattern finds and classifies what one grouped pattern would."""
    import re

    from fzcheck.reading.numerals import cn_number
    from fzcheck.reading.resegment import SPACED_WORD, _inline_number, _markers_in

    cn = "一二三四五六七八九十"
    grouped = re.compile(
        rf"(?P<k1>第(?P<p>[{cn}]{{1,3}})部分|(?P<a>[{cn}]{{1,3}})(?:[、.,:]|\s{SPACED_WORD}))"
        rf"|(?P<k2>\((?P<b>[{cn}]{{1,3}})\))"
        r"|(?P<k3>(?P<c>\d{1,2})(?:、|\.(?!\d)))"
        r"|(?P<k4>\((?P<d>\d{1,2})\))"
        rf"|(?P<k5>(?P<e>[{cn}]{{1,3}})是)"
    )

    def grouped_number(m: re.Match[str]) -> tuple[int, int] | None:
        for kind, group in ((1, "p"), (1, "a"), (2, "b"), (3, "c"), (4, "d"), (5, "e")):
            value = m.group(group)
            if value is not None:
                try:
                    return kind, int(value) if value.isdigit() else cn_number(value)
                except KeyError:
                    return None
        return None

    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    texts.append(
        "一是二是统一、规范第三部分(四)(5)12.5 3、 十一、二十是 1.2.3. 99、(十二)七七七七、"
    )
    texts.append("。二.三,四:五 工作 六 是 七 江 八 | 九  两格")  # 二、 as units also type it
    texts.append("。٣、其他事项。٤.另一项(٥)")  # another script's digits
    for text in texts:
        want = [(m.span(), grouped_number(m)) for m in grouped.finditer(text)]
        found = _markers_in(text).finditer(text)
        assert [(m.span(), _inline_number(m)) for m in found] == want


def test_a_line_ruled_out_early_is_never_run_on() -> None:
    """_may_be_runon only rules out lines that inline_markers and is_runon would not cut:
    random soups of markers, stops and words, in both digit scripts."""
    import random

    from fzcheck.reading.resegment import _may_be_runon, _other_digits

    pieces = [
        "一、",
        "二、",
        "（一）",
        "（二）",
        "1.",
        "2、",
        "3.",
        "一是",
        "二是",
        "(1)",
        "第一部分",
        "第二部分",
        "。",
        "；",
        " ",
        "工作",
        "统一、",
        "2025.5",
        "٣、",
        "٤.",
        "十一、",
        "我们",
    ]
    rng = random.Random(7)
    seen_runon = 0
    for _ in range(3000):
        line = fold_width("".join(rng.choice(pieces) for _ in range(rng.randint(60, 200))))
        other = _other_digits(line)
        runon = len(line) >= 300 and is_runon(line, inline_markers(line, other))
        seen_runon += runon
        if runon:
            assert _may_be_runon(line, other), line
    assert seen_runon > 100  # the soups do exercise the run-on side


def test_other_digits_told_by_their_blocks_as_by_the_pattern() -> None:
    """_other_digits rules a line out by its UTF-16 high bytes before any scan: it still says
    what [^\\D0-9] says, for every BMP character alone and inside Chinese text, and for a
    supplementary-plane digit (𝟎, MATHEMATICAL BOLD DIGIT ZERO)."""
    from fzcheck.reading.resegment import _other_digits

    other = re.compile(r"[^\D0-9]")
    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1D7CE, 0x104A0, 0x1F600]:
        for line in (chr(code), f"推进法治{chr(code)}政府建设2025年"):
            assert _other_digits(line) == (other.search(line) is not None), hex(code)


def _section_starts(line: str) -> list[str]:
    """The first words of each section (一、…) inline_markers cuts ``line`` at."""
    return [line[a : a + 6] for a, kind in inline_markers(fold_width(line)) if kind == 1]


def test_a_section_after_a_tables_own_numbered_rows_is_still_cut() -> None:
    """Section 三 holds table 三, whose rows are numbered 一、…四、 again: crawled onto one line,
    the section 四、 that follows the table's own 四、 is still a heading (the outer sequence
    stays open under the table's)."""
    line = (
        "一、总体情况。全年主动公开信息326条。二、主动公开政府信息情况。规章 0 0 0。"
        "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 30 6 1 0 2 1 40 "
        "二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2 三、本年度办理结果 （一）予以公开 15 3 1 0 1 0 20 "
        "四、结转下年度继续办理 3 1 0 0 0 0 4 四、政府信息公开行政复议、行政诉讼情况 行政复议 1 件。"
        "五、存在的主要问题及改进情况。解读形式不够丰富。七、其他事项。本年度无。"
    )
    starts = _section_starts(line)
    assert "四、政府信息" in starts and "五、存在的主" in starts
    assert starts.count("四、结转下年") == 1  # the table's row is cut too, as its label
    # a number that follows none of the open sequences (七、 after 五、) is still no heading
    assert not any(s.startswith("七、") for s in starts)


def test_a_tables_row_label_with_its_values_is_no_section() -> None:
    """Table 三's rows crawled with no gap before them (…申请人情况一、本年新收…) open no
    sequence of their own; its row 四、 after a value, its values after it, is the row's label,
    not section 四: the section 四、 after the table is still a heading."""
    line = (
        "一、总体情况。全年主动公开信息326条。二、主动公开政府信息情况。规章 0 0 0。"
        "三、收到和处理政府信息公开申请情况 申请人情况自然人法人一、本年新收政府信息公开申请数量"
        "30 6 1 0 2 1 40二、上年结转政府信息公开申请数量2 0 0 0 0 0 2三、本年度办理结果"
        "（一）予以公开 15 3 1 0 1 0 20 95四、结转下年度继续办理    3    1   0   0   0   0   4"
        "四、政府信息公开行政复议、行政诉讼情况行政复议 1 件。"
        "五、存在的主要问题及改进情况。解读形式不够丰富。"
    )
    starts = _section_starts(line)
    assert "四、政府信息" in starts and "五、存在的主" in starts
    assert "四、结转下年" not in starts  # its table's rows not cut before it: none to go on


def test_a_section_heading_over_values_its_table_header_dropped_still_follows() -> None:
    """Table 三's rows cut (一、…四、, each over its values), then section 四 whose table's header
    was dropped, its values right after it (四、政府信息公开行政复议、行政诉讼情况 2 1 0 1 4…):
    the table's row 四 stood already, so this 四 is the section's, and 五 still follows."""
    line = (
        "一、总体情况。全年主动公开信息326条。二、主动公开政府信息情况。规章 0 0 0。"
        "三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 30 6 1 0 2 1 40 "
        "二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2 三、本年度办理结果 （一）予以公开 15 3 1 0 1 0 20 "
        "四、结转下年度继续办理 3 1 0 0 0 0 4 四、政府信息公开行政复议、行政诉讼情况 2 1 0 1 4 0 0 0 0 0 "
        "五、存在的主要问题及改进情况。解读形式不够丰富。"
    )
    starts = _section_starts(line)
    assert "二、上年结转" in starts and "四、结转下年" in starts  # the table's own rows
    assert "四、政府信息" in starts and "五、存在的主" in starts


@pytest.mark.parametrize("name", ["header_date.txt", "traditional.txt", "debris_titles.txt"])
def test_a_flattened_reports_sections_keep_their_first_sentence(tmp_path: Path, name: str) -> None:
    """Flattened, a heading and its section's first sentence run together (二、…存在的不足和原因
    部分执法人员专业能力不足，原因是…): the heading ends where the law's wording of it does, so
    the sentence is the section's and its checks pass as on the lined original."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    flat = tmp_path / name
    flat.write_text(re.sub(r"\s*\n\s*", "", text), encoding="utf-8")
    lined, crawled = check(name), check_path(str(flat), Catalog.load()).to_json()
    assert crawled["document"]["resegmented"] is True

    def passed(r: dict[str, object]) -> dict[str, bool]:
        parts = r["parts"]
        assert isinstance(parts, list)
        return {f"{p['id']}.{c['id']}": c["passed"] for p in parts for c in p["checks"]}

    assert passed(crawled) == passed(lined)


def test_a_flattened_heading_ends_at_its_wording_though_the_sentence_repeats_it(
    tmp_path: Path,
) -> None:
    """The sample flattened: its leader section's first sentence repeats the law's wording (局长
    认真履行推进法治建设第一责任人职责), and the heading still ends at the first (…职责情况)."""
    flat = tmp_path / "flat.txt"
    flat.write_text(SAMPLE.read_text(encoding="utf-8").replace("\n", ""), encoding="utf-8")
    r = check_path(str(flat), Catalog.load()).to_json()
    heads = {p["id"]: p["heading"] for p in r["parts"]}
    assert heads["leader_duties"] == "党政主要负责人履行推进法治建设第一责任人职责情况"
    assert r["verdict"] == "complete" and r["score"] == 100


def test_the_outer_sequence_stays_open_past_many_restarts() -> None:
    """Restarts (a list 一、二、 inside each of many sections' text) keep only the outer sequence
    and the latest few open (thousands of restarts made each marker's look quadratic: a 0.9 MB
    line took four minutes); the outer one still continues after them."""
    inner = "".join(f"第{k}组情况。一、甲项。二、乙项。" for k in range(20))
    line = f"一、总体情况。{inner}二、主要做法。正文。"
    kinds = [(line[at : at + 2], kind) for at, kind in inline_markers(line)]
    assert kinds.count(("一、", 1)) == 21 and kinds[-1] == ("二、", 1)
    assert line.index("二、主要做法") in [at for at, _ in inline_markers(line)]


@pytest.mark.parametrize(
    "heading,opening",
    [
        ("四、2026年工作安排", "2026年，"),
        ("四、下一步工作打算", "下一步，"),
        ("四、今后打算", "今后，"),
    ],
)
def test_a_crawled_heading_ends_where_its_sections_first_sentence_opens(
    tmp_path: Path, heading: str, opening: str
) -> None:
    """Crawled onto one line, no stop between a heading and its section's first sentence
    (四、2026年工作安排2026年，我局将…：): the heading had run on to the colon
    (helper-216's c02); the sentence is the section's."""
    text = sample_text()
    plan = "四、2026年推进法治政府建设的主要安排\n"
    assert plan in text
    one_line = text.replace(plan, f"{heading}{opening}我局将重点抓好以下工作：").replace("\n", "")
    path = tmp_path / "crawled.txt"
    path.write_text(one_line, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert next(p for p in r["parts"] if p["id"] == "next_year_plan")["heading"] == heading[2:]
