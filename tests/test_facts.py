"""Document facts on our own fixtures: titles among page debris, header dates, the report year's
sources, the signing date and the issuer."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from fzcheck.analysis.facts import (
    _double_spaced,
    _ends_in,
    _without_attachment_list,
    clean_title,
    stated_years,
    title_pattern,
    year_from_signing,
)
from fzcheck.pipeline import check_path
from fzcheck.rubric import Catalog, load_rubric
from tests.helpers import FIXTURES, SAMPLE, checked, mixtures, sample_text
from tests.test_parts import check, check_variant, statuses

# what reads as a title of a 法治 report (its rubric names the subject)
_TITLES = title_pattern(load_rubric("fazhi-annual").report_genre.title_subject)


def _check(result: dict[str, object], check_id: str) -> dict[str, object]:
    checks = result["checks"]
    assert isinstance(checks, list)
    return next(c for c in checks if c["id"] == check_id)


def test_header_date_is_not_the_signature_and_the_body_is_kept() -> None:
    r = check("header_date.txt")
    d = r["document"]
    assert d["signed_on"] is None  # 2026年2月6日 under the title is a header date
    assert d["issuer"] == "示例县市场监督管理局"  # from the title, not the [ 发布日期 ] line
    assert d["published_on"] == "2026-02-10"
    assert set(statuses(r).values()) == {"present", "missing"}
    assert statuses(r)["achievements"] == statuses(r)["next_year_plan"] == "present"
    assert r["verdict"] == "complete"


def test_title_and_issuer_without_page_debris() -> None:
    r = check("debris_titles.txt")
    d = r["document"]
    assert d["title"] == "示例县人民政府关于2025年度法治政府建设情况的报告"  # no 文号, no ico
    assert d["issuer"] == "示例县人民政府"
    assert d["signed_on"] == "2026-02-06"  # the page's [ 发布日期 ] and 上一篇 below do not hide it
    assert r["verdict"] == "complete"


@pytest.mark.parametrize(
    "line,title",
    [
        (
            "标题 | 示例县2025年法治政府建设年度报告 | 发布日期 | 2026-02-10",
            "示例县2025年法治政府建设年度报告",
        ),
        ("ico 示例县2025年法治政府建设年度报告", "示例县2025年法治政府建设年度报告"),
        ("ico示例县2025年法治政府建设年度报告", "示例县2025年法治政府建设年度报告"),
        (
            "示政办发〔2026〕12号 示例县2025年法治政府建设年度报告",
            "示例县2025年法治政府建设年度报告",
        ),
        ("示例县2025年法治政府建设年度报告", "示例县2025年法治政府建设年度报告"),
    ],
)
def test_clean_title_cuts_debris(line: str, title: str) -> None:
    span = clean_title(line, _TITLES)
    assert span is not None and line[span[0] : span[1]] == title


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 政务公开 > 法治政府建设",
        "示例县人民政府门户网站",
        "示政发〔2026〕3号",
        "示例县人民政府   2026-02-05 15:38:00   来源：示例县司法局",  # a page's dateline
        "发布时间：2026-02-05",
        "附件1",  # an attachment's label above its title
        "附件二：",
        "★",  # the mark in a red header's separator
        "示例县人民政府文件",  # the red header itself
        "示例县卫生健康局 文件",  # set with a space, as a Word red header copies
        "现将我局2025年度法治政府建设情况报告如下:",  # it leads into the body (analysis view)
        "2025年，我局法治政府建设工作取得新成效，现将有关情况报告如下",  # a sentence
    ],
)
def test_debris_lines_are_not_titles(line: str) -> None:
    assert clean_title(line, _TITLES) is None


_TITLE_LINE = "示政发〔2026〕3号 示例县人民政府关于2025年度法治政府建设情况的报告"
_REPORT_TITLE = "示例县人民政府关于2025年度法治政府建设情况的报告"


def test_a_dateline_right_above_the_title_is_not_part_of_it(tmp_path: Path) -> None:
    """…and its date is the publication date; a key that says publication ([ 发布日期 ], the
    fixture's further down) is the more explicit and wins over it."""
    dateline = (
        "示例县人民政府   2026-02-05 15:38:00   来源：示例县司法局\n"
        "示例县人民政府关于2025年度法治政府建设情况的报告"
    )
    text = (FIXTURES / "debris_titles.txt").read_text(encoding="utf-8")
    keyed = checked(tmp_path, text.replace(_TITLE_LINE, dateline))
    assert keyed["document"]["title"] == _REPORT_TITLE
    assert keyed["document"]["published_on"] == "2026-02-10"
    alone = checked(
        tmp_path, text.replace(_TITLE_LINE, dateline).replace("[ 发布日期 ] 2026-02-10\n", "")
    )
    assert alone["document"]["title"] == _REPORT_TITLE
    assert alone["document"]["published_on"] == "2026-02-05"


@pytest.mark.parametrize(
    "spaced",
    [
        " ".join("示例县人民政府关于2025年度法治政府建设情况的报告"),  # letter-spaced
        "示例县人民政府　关于2025年度法治政府建设情况的报告",  # a space between two parts
    ],
)
def test_a_title_set_with_spaces_reads_as_one(tmp_path: Path, spaced: str) -> None:
    r = check_variant(tmp_path, "debris_titles.txt", _TITLE_LINE, spaced)
    checks = {c["id"]: c["passed"] for c in r["checks"]}
    assert checks["title_names_subject_and_year"]
    # a letter-spaced run is closed up as the text is read (a PDF's layout text sets titles
    # so); a wider gap between two parts stays as written
    assert r["document"]["title"] == (spaced if "　" in spaced else spaced.replace(" ", ""))
    assert r["document"]["issuer"] == "示例县人民政府"
    assert r["document"]["report_year_source"] == "title"


def _document_with_title(tmp_path: Path, lines: str, spacing: str) -> dict[str, Any]:
    """The facts of debris_titles.txt with ``lines`` for its title line, every line followed by
    ``spacing``."""
    text = (FIXTURES / "debris_titles.txt").read_text(encoding="utf-8").replace(_TITLE_LINE, lines)
    path = tmp_path / "r.txt"
    path.write_text(spacing.join(text.split("\n")), encoding="utf-8")
    document: dict[str, Any] = check_path(str(path), Catalog.load()).to_json()["document"]
    return document


@pytest.mark.parametrize(
    "title",
    [
        "示例县人民政府关于二〇二五年度法治政府建设情况的报告",  # the year in Chinese numerals
        "示例县人民政府法治政府建设年度报告（2025年度）",  # the year after the title, in brackets
    ],
)
def test_the_titles_year_in_any_writing(tmp_path: Path, title: str) -> None:
    r = check_variant(tmp_path, "debris_titles.txt", _TITLE_LINE, title)
    assert r["document"]["title"] == title
    assert (r["document"]["report_year"], r["document"]["report_year_source"]) == (2025, "title")
    assert {c["id"]: c["passed"] for c in r["checks"]}["title_names_subject_and_year"]


def test_a_seal_note_between_issuer_and_date_hides_neither(tmp_path: Path) -> None:
    text = (FIXTURES / "no_title_body_year.txt").read_text(encoding="utf-8").rstrip()
    text += "\n示例县司法局\n（盖章）\n2025年2月6日\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    d = check_path(str(tmp_path / "r.txt"), Catalog.load()).to_json()["document"]
    assert (d["issuer"], d["signed_on"]) == ("示例县司法局", "2025-02-06")


def test_a_date_set_above_the_issuer_signs_as_below_it(tmp_path: Path) -> None:
    """2026年1月20日 / 示例镇人民政府, the date first: the issuer is the signature's (it was the
    title's place, 示例镇), and neither line is the body's."""
    text = SAMPLE.read_text(encoding="utf-8").rsplit("\n示例县司法局", 1)[0]
    title, rest = text.split("\n", 1)
    title = title.replace("示例县司法局关于", "示例镇关于")
    text = f"{title}\n{rest}\n\n2026年1月20日\n示例镇人民政府\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    r = check_path(str(tmp_path / "r.txt"), Catalog.load()).to_json()
    assert (r["document"]["issuer"], r["document"]["signed_on"]) == ("示例镇人民政府", "2026-01-20")
    dated = text.splitlines().index("2026年1月20日") + 1
    assert max(p["span"]["end_line"] for p in r["parts"] if p["span"]) < dated
    # the issuer under the date with a note below it is still the issuer
    noted = text.replace("示例镇人民政府\n", "示例镇人民政府\n（此件公开发布）\n")
    (tmp_path / "r.txt").write_text(noted, encoding="utf-8")
    r = check_path(str(tmp_path / "r.txt"), Catalog.load()).to_json()
    assert r["document"]["issuer"] == "示例镇人民政府"
    # a site's footer under the date is no issuer
    footer = text.replace("示例镇人民政府\n", "示例镇人民政府门户网站\n")
    (tmp_path / "r.txt").write_text(footer, encoding="utf-8")
    r = check_path(str(tmp_path / "r.txt"), Catalog.load()).to_json()
    assert "网站" not in (r["document"]["issuer"] or "")


_NOTES = (
    "① 该办法经2025年6月12日县政府常务会议审议通过，自2025年7月1日起施行，全县各部门遵照执行。\n"
    "② 含2024年12月立案、2025年结案的行政复议案件2件，均已按期审结并送达当事人，无超期情形。\n"
)


@pytest.mark.parametrize("between", ["\n——————————\n", "\n", "\n\n______\n"])
def test_footnotes_under_the_signature_are_not_text_after_it(tmp_path: Path, between: str) -> None:
    """Footnotes set under the date (below a rule, or right under it), their sentences long and
    dated: the signature was taken as followed by body text, and the report went unsigned (the
    deadline check not run)."""
    text = SAMPLE.read_text(encoding="utf-8").rstrip() + between + _NOTES
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    d = check_path(str(tmp_path / "r.txt"), Catalog.load()).to_json()["document"]
    assert (d["issuer"], d["signed_on"]) == ("示例县司法局", "2026-02-10")


def test_numbered_items_ending_an_unsigned_report_are_not_footnotes(tmp_path: Path) -> None:
    """①② items closing the report, no signature: they are the body's last lines (the part
    they stand in reaches them), not notes cut away from it."""
    text = SAMPLE.read_text(encoding="utf-8").rsplit("\n示例县司法局", 1)[0].rstrip()
    text += "\n" + _NOTES
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    r = check_path(str(tmp_path / "r.txt"), Catalog.load()).to_json()
    assert r["document"]["signed_on"] is None
    last = len(text.rstrip().splitlines())
    assert max(p["span"]["end_line"] for p in r["parts"] if p["span"]) == last


@pytest.mark.parametrize("spacing", ["\n", "\n\n"])
def test_an_attachment_label_above_the_title_is_not_part_of_it(
    tmp_path: Path, spacing: str
) -> None:
    d = _document_with_title(tmp_path, f"附件1\n{_REPORT_TITLE}", spacing)
    assert d["title"] == _REPORT_TITLE


@pytest.mark.parametrize("spacing", ["\n", "\n\n"])
def test_a_title_broken_over_two_lines_is_joined_in_single_and_double_spacing(
    tmp_path: Path, spacing: str
) -> None:
    """A blank line after every line (a page copied out) keeps the title's two lines next to
    each other: the issuer on the first is still read."""
    d = _document_with_title(
        tmp_path, "示例县人民政府\n关于2025年度法治政府建设情况的报告", spacing
    )
    assert d["title"] == _REPORT_TITLE
    assert d["issuer"] == "示例县人民政府"


@pytest.mark.parametrize(
    "lines",
    [
        "示例县人民政府关于\n2025年度法治政府建设情况的\n报告",  # a PDF's narrow title, 3 lines
        "示例县人民政府\n关于2025年度法治政府建设情况的\n报告",
        "示例县人民政府关于2025年度法治政府建设情况的\n报告",
    ],
)
def test_a_title_broken_mid_phrase_over_three_lines_is_joined(tmp_path: Path, lines: str) -> None:
    """A title line ending in 的 / 关于 goes on below: the whole title and its issuer are read,
    not the middle line alone."""
    d = _document_with_title(tmp_path, lines, "\n")
    assert d["title"] == _REPORT_TITLE
    assert d["issuer"] == "示例县人民政府"


def test_table_cell_title_is_read_from_its_cell(tmp_path: Path) -> None:
    r = check_variant(
        tmp_path,
        "debris_titles.txt",
        "示政发〔2026〕3号 示例县人民政府关于2025年度法治政府建设情况的报告",
        "标题 | 示例县人民政府关于2025年度法治政府建设情况的报告 | 发布日期 | 2026-02-10",
    )
    assert r["document"]["title"] == "示例县人民政府关于2025年度法治政府建设情况的报告"


def test_archive_title_cell_is_the_title_when_no_line_reads_as_one(tmp_path: Path) -> None:
    r = check_variant(
        tmp_path,
        "debris_titles.txt",
        "示政发〔2026〕3号 示例县人民政府关于2025年度法治政府建设情况的报告",
        "标题: 示例县人民政府关于2025年度法治政府建设情况的报告\n发布时间: 2026-02-10 09:00",
    )
    assert r["document"]["title"] == "示例县人民政府关于2025年度法治政府建设情况的报告"
    assert r["document"]["report_year_source"] == "title"


def test_no_title_year_from_the_body_not_from_since() -> None:
    r = check("no_title_body_year.txt")
    d = r["document"]
    assert d["title"] is None and d["report_year"] == 2024  # 2019年以来 is not the year
    assert d["report_year_source"] == "body"
    assert d["is_report"] is True  # no title fails the title check, it is still a report
    assert not _check(r, "title_names_subject_and_year")["passed"]


def test_year_from_the_plan_heading(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "fixtures" / "no_title_body_year.txt").read_text(
        encoding="utf-8"
    )
    text = text.replace("一、2024年主要工作情况", "一、主要工作情况").replace(
        "三、下一步工作打算", "三、2025年工作计划"
    )
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert (d["report_year"], d["report_year_source"], d["plan_year"]) == (2024, "plan", 2025)


def test_year_from_the_signing_date(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "fixtures" / "no_title_body_year.txt").read_text(
        encoding="utf-8"
    )
    text = (
        text.replace("一、2024年主要工作情况", "一、主要工作情况") + "示例县司法局\n2025年2月10日\n"
    )
    path = tmp_path / "signed.txt"
    path.write_text(text, encoding="utf-8")
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog

    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert (d["report_year"], d["report_year_source"]) == (2024, "signed")
    assert d["signed_on"] == "2025-02-10" and d["issuer"] == "示例县司法局"


@pytest.mark.parametrize(
    "signed,year",
    [
        (dt.date(2025, 2, 10), 2024),
        (dt.date(2025, 12, 20), 2025),
        (dt.date(2025, 8, 1), None),
    ],
)
def test_year_from_signing(signed: dt.date, year: int | None) -> None:
    assert year_from_signing(signed.year, signed.month) == year


@pytest.mark.parametrize(
    "text,years",
    [
        ("2021年主要工作情况", [2021]),
        ("2019年以来，我局持续推进", []),
        ("2024年3月5日", []),
        ("落实《纲要（2021-2025年）》", []),
        ("2023年工作计划", []),
        ("2022年，君山片区", [2022]),
        ("二〇二四年，我局持续推进", [2024]),  # a year in Chinese numerals
        ("二〇二四年三月五日", []),
        ("二〇一九年以来", []),
        # a year compared against is not the year told of (追回612万元，较2024年增长18%)
        ("追回医保基金612万元，较2024年增长18%", []),
        ("案件数比2024年下降3件", []),
        ("2025年受理42件，与2024年相比增加5件", [2025]),
        ("与2024年同期持平", []),
        # not 参与, an adverb 比较, nor 同…相衔接
        ("我局积极参与2025年度全县法治督察", [2025]),
        ("2025年比较圆满地完成各项任务", [2025]),
        ("同比2024年下降3件", []),
        # a figure's years in a change (由…的…提高到…的): not the year told of
        ("结案率由2024年的91%提高到100%", []),
        ("网上可办率由2021年的82.3%提高到2025年的99.4%", []),
        ("从2024年的12件下降到5件", []),
        ("从2024年开始，我县推行清单管理", [2024]),  # since: a year stated
    ],
)
def test_stated_years(text: str, years: list[int]) -> None:
    assert stated_years(text) == years


def test_the_arabic_only_year_pattern_is_exact_where_it_is_used() -> None:
    """On a text with none of 〇○零九 the pattern for Arabic years finds what the full one does
    (random mixtures of years, dates, ranges and the characters around them)."""
    from fzcheck.analysis import facts

    pool = [
        *"2019年二〇一九零○九一三十月以来至-《》，。 ",
        "2025年",
        "二〇二五年",
        "一九九八年",
        "3月",
    ]
    for text in mixtures(pool, 3000, 12, seed=4):
        if any(c in text for c in "〇○零九"):
            continue
        full = [m.span(1) for m in facts._STATED_YEAR.finditer(text)]
        assert [m.span(1) for m in facts._STATED_ARABIC_YEAR.finditer(text)] == full, text


def test_signing_before_the_year_ended_is_flagged(tmp_path: Path) -> None:
    r = check_variant(tmp_path, "debris_titles.txt", "2026年2月6日", "2025年12月6日")
    signing = _check(r, "signed_after_year_end")
    assert (
        not signing["passed"]
        and signing["message"] == "2025-12-06签发，早于2025年度结束：所报的不是全年情况"
    )
    assert r["score"] == 98  # its penalty in the rubric
    on_time = _check(check("debris_titles.txt"), "signed_after_year_end")
    assert on_time["passed"]
    # the day as said aloud (2025年12月6号): read as the signing date all the same
    spoken = check_variant(tmp_path, "debris_titles.txt", "2026年2月6日", "2025年12月6号")
    assert spoken["document"]["signed_on"] == "2025-12-06"
    assert not _check(spoken, "signed_after_year_end")["passed"]


@pytest.mark.parametrize(
    "line,chrome",
    [
        ("标题: 示例县2025年法治政府建设年度报告", True),
        ("原文链接: https://www.example.gov.cn/a.htm", True),
        ("文号: ", True),
        ("==================== 正文 ====================", True),
        ("页面链接与图片详见 links.tsv(同目录)", True),
        ("首页政务公开部门文件", True),
        ("[ 发布日期 ] 2026-02-10", True),
        ("微信 微博 QQ空间", True),
        ("附件下载", True),
        ("  京ICP备12345678号-1", True),
        ("版权所有：示例县人民政府  浙公网安备 33010002000001号", True),
        ("\u3000\u3000打印本页  关闭窗口", True),
        ("   - 评论", True),
        ("【字体：大 中 小】 打印本页 关闭窗口", True),  # side by side on an old page
        ("【打印】 【关闭】 【纠错】", True),
        ("中 小学法治教育全覆盖", False),
        ("关闭 5家违规企业", False),
        ("  ", True),
        ("一、主要举措和成效", False),
        ("首页改版后，群众办事更加便捷。", False),
        ("2025年，我局推进法治政府建设。", False),
        ("南坪发布 2026年02月20日 09:12 湖南", True),  # a WeChat post's byline
        ("📣 来源：东川县司法局", True),  # and its footer
        ("✍ 编辑：李晓  审核：王明", True),
        ("往期推荐", True),
        ("分享 收藏 点赞 在看", True),
        ("长按识别二维码关注我们", True),
        ("阅读原文", True),
        ("▶ 东川县召开2026年全县司法行政工作会议", False),
        ("编辑部门开展执法检查3次。", False),
        ("原创 司法南坪 2026-02-20 09:12:30", True),
        # its author and account both before the date (原创 作者 公众号 日期 时间 省份)
        ("原创 南坪镇司法所 司法南坪 2026年02月20日 09:12 湖南", True),
        ("2026年2月20日 9:12", True),
        ("2026年2月20日9时开展执法检查", False),
        ("下午3:00，全镇召开2026年法治工作会议", False),
    ],
)
def test_page_furniture(line: str, chrome: bool) -> None:
    from fzcheck.document import fold_width
    from fzcheck.reading.chrome import is_chrome

    assert is_chrome(fold_width(line)) is chrome


def test_furniture_shortcuts_change_no_answer() -> None:
    """is_chrome rules most lines out before trying a pattern; the answer is the patterns'."""
    from fzcheck.document import fold_width
    from fzcheck.reading.chrome import (
        _ARCHIVE_NOTE,
        CHROME_LINE,
        METADATA_LINE,
        collapsed,
        is_chrome,
        side_by_side,
    )

    lines = [
        fold_width(line)
        for path in [*sorted(FIXTURES.glob("*.txt")), FIXTURES / "page.html"]
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    assert len(lines) > 200
    lines += [  # long furniture: repeats that run on
        "=" * 80 + "。" + "=" * 80,
        "字号" + " " * 200 + "大。",
        "有用(" + "1" * 300 + ")",
        "微信 " * 60,
        "当前位置：" + "首页>" * 16 + "政务公开",
        "当前位置：" + "长" * 79 + "。",
        "当前位置：" + "长" * 81 + "。",
        "【字体：大 中 小】 打印本页 关闭窗口 " + "分享到 " * 12,
        # white space runs between the optional pieces (these took seconds to minutes)
        "大" + " " * 3000 + "x",
        "大" + "\xa0" * 3000 + "x",  # no-break spaces (a page's &nbsp;)
        "微信" + " " * 100_000 + "x",
        " " * 50_000 + "- x",
        "打印" + " " * 50_000 + "x",
    ]
    for line in lines:
        plain = bool(
            CHROME_LINE.match(collapsed(line))
            or METADATA_LINE.match(line)
            or _ARCHIVE_NOTE.match(line)
            or side_by_side(collapsed(line))
        )
        assert is_chrome(line) is plain, line


def test_a_titleless_report_s_opening_is_not_its_title(tmp_path: Path) -> None:
    path = tmp_path / "untitled.txt"
    text = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    path.write_text("现将我局2025年度法治政府建设情况报告如下：\n" + text, encoding="utf-8")
    assert check_path(str(path), Catalog.load()).to_json()["document"]["title"] is None


def test_a_report_sent_under_a_cover_letter_takes_its_own_title(tmp_path: Path) -> None:
    letter = (
        "示例县司法局关于报送2025年度法治政府建设情况报告的函\n\n县委依法治县办：\n"
        "现将我局2025年度法治政府建设情况报告报送你办，请审阅。\n\n"
        "附件：示例县司法局关于2025年度法治政府建设情况的报告\n\n示例县司法局\n2026年2月12日\n\n"
    )
    sample = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "letter.txt"
    path.write_text(letter + "附件\n\n" + sample, encoding="utf-8")
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    sent = check_path(str(path), Catalog.load()).to_json()
    for key in ("title", "addressee", "issuer", "signed_on", "report_year"):
        assert sent["document"][key] == plain["document"][key], key
    assert sent["score"] == plain["score"]
    path.write_text(letter + sample, encoding="utf-8")  # no 附件 label of its own above it
    below = check_path(str(path), Catalog.load()).to_json()
    assert below["document"]["title"] == plain["document"]["title"]
    # a letter naming no 附件 at all: the report's title stands below the letter's own date
    bare = letter.replace("附件：示例县司法局关于2025年度法治政府建设情况的报告\n\n", "")
    path.write_text(bare + sample, encoding="utf-8")
    assert (
        check_path(str(path), Catalog.load()).to_json()["document"]["title"]
        == (plain["document"]["title"])
    )
    path.write_text(letter, encoding="utf-8")  # the letter alone: its own title
    alone = check_path(str(path), Catalog.load()).to_json()["document"]
    assert alone["title"] == "示例县司法局关于报送2025年度法治政府建设情况报告的函"


def test_a_title_without_a_kind_at_its_end_is_read_by_the_rubrics_subject() -> None:
    # 情况 ends no document kind: only the report type's subject makes the line a title, and
    # that subject is the rubric's (no report type's wording is in the code)
    line = "示例县2025年法治政府建设工作情况"
    span = clean_title(f"{line}|2026-02-10", _TITLES)
    assert span is not None and line == f"{line}|"[span[0] : span[1]]
    assert clean_title(f"{line}|2026-02-10", title_pattern(None)) is None
    assert title_pattern("政务公开").search("示例县2025年政务公开工作情况")
    assert not title_pattern(None).search("示例县2025年政务公开工作情况")


@pytest.mark.parametrize(("colon", "key"), [("：", "td"), ("", "td"), ("", "th"), ("：", "th")])
def test_a_disclosure_pages_metadata_table_gives_publication_date_and_title(
    tmp_path: Path, colon: str, key: str
) -> None:
    """A 政府信息公开 page lists 成文日期 before 发布日期, in a table, its keys with a colon or
    without, in <td> or <th> cells: the report was published on the latter (late: after 1
    April), and its title is its 名称 cell alone."""
    text = SAMPLE.read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    rows = [
        ("索引号：", "11330000MB0000000X/2026-00012", "发布机构：", "示例县司法局"),
        ("名称：", title, "文号：", ""),
        (f"成文日期{colon}", "2026-03-27", f"发布日期{colon}", "2026-04-03"),
    ]
    table = "".join(
        "<tr>"
        + "".join(
            f"<{key}>{c}</{key}>" if k % 2 == 0 else f"<td>{c}</td>" for k, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = f"<html><body><table>{table}</table><div>{paragraphs}</div></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["published_on"] == "2026-04-03"
    assert r["document"]["title"] == title
    assert not _check(r, "published_in_time")["passed"]
    # signed with its date: the signature's date, not the metadata's
    assert r["document"]["signed_on"] == "2026-02-10"
    # signed by the issuer alone, its date left to the page: made on the 成文日期
    unsigned = paragraphs.replace("<p>2026年2月10日</p>", "")
    path.write_text(page.replace(paragraphs, unsigned), encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["signed_on"] == "2026-03-27"


@pytest.mark.parametrize("colon", ["", "："])
def test_a_metadata_table_under_the_articles_title_dates_its_publication(
    tmp_path: Path, colon: str
) -> None:
    """<h1>title</h1>, then a metadata table of <th>发布日期</th><td>2026-04-03</td> with no colon,
    then the article: published_on read null (the cells' tags became spaces, and the key needs
    a colon or a border before its date), so the late publication was not flagged."""
    title, body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)
    table = (
        f'<table class="xxgk"><tr><th>索引号{colon}</th><td>11330000MB0000000X/2026-00012</td>'
        f"<th>发布机构{colon}</th><td>示例县司法局</td></tr><tr><th>发布日期{colon}</th>"
        f"<td>2026-04-03</td><th>有效性{colon}</th><td>有效</td></tr></table>"
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    page = f'<html><body><div class="article"><h1>{title}</h1>{table}<div class="content">{paragraphs}</div>'
    path = tmp_path / "page.html"
    path.write_text(page + "</div></body></html>", encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    assert r["document"]["published_on"] == "2026-04-03"
    assert not _check(r, "published_in_time")["passed"]


@pytest.mark.parametrize("span", ["2026—2030年", "2026-2030年", "2026年至2030年"])
def test_the_end_of_a_span_of_years_in_a_title_is_no_report_year(tmp_path: Path, span: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        f"示例县法治政府建设实施方案（{span}）\n一、总体要求\n到2030年，基本建成法治政府。\n",
        encoding="utf-8",
    )
    d = check_path(str(path), Catalog.load("fazhi-annual")).to_json()["document"]
    assert d["report_year"] != 2030 and d["report_year_source"] != "title"


def test_the_list_of_attachments_above_the_signature_is_not_the_last_sections_text(
    tmp_path: Path,
) -> None:
    text = SAMPLE.read_text(encoding="utf-8").rstrip("\n").split("\n")
    sign = max(i for i, line in enumerate(text) if "年" in line and line.strip().endswith("日"))
    issuer = sign - 1
    listed = [
        "",
        "附件：1.2025年度示例县重大行政决策事项目录",
        "      2.2025年度行政复议案件统计表",
        "",
    ]
    path = tmp_path / "listed.txt"
    path.write_text("\n".join([*text[:issuer], *listed, *text[issuer:]]) + "\n", encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    plain = check_path(str(SAMPLE), Catalog.load()).to_json()
    last = max(p["span"]["end_line"] for p in r["parts"] if p["span"])  # the last section's
    assert last < issuer + 2  # the 附件 line (1-based issuer + 2) and its list not in it
    assert r["document"]["signed_on"] == plain["document"]["signed_on"]
    assert r["score"] == plain["score"]


def test_a_sites_logo_and_you_are_here_line_above_the_title_are_not_part_of_it(
    tmp_path: Path,
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "page.txt"
    path.write_text(
        "\n".join(["示例县司法局", "您现在的位置：首页 >> 政务公开 >> 工作报告", *lines]),
        encoding="utf-8",
    )
    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert d["title"] == lines[0]
    assert d["issuer"] == "示例县司法局"


@pytest.mark.parametrize(
    ("above", "title", "expected"),
    [
        # a government site's banner over a department's whole title: not the title's words
        ("示例县人民政府", "示例县交通运输局2025年度法治政府建设工作报告", None),
        ("示例市人民政府", "示例县司法局关于2025年度法治政府建设情况的报告", None),
        # the issuer's name over the rest of its title is the title's first line
        (
            "示例县人民政府",
            "2025年度法治政府建设情况报告",
            "示例县人民政府2025年度法治政府建设情况报告",
        ),
    ],
)
def test_a_governments_banner_over_a_units_title_is_not_part_of_it(
    tmp_path: Path, above: str, title: str, expected: str | None
) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "page.txt"
    path.write_text("\n".join([above, title, *lines[1:]]), encoding="utf-8")
    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert d["title"] == (expected or title)


def test_a_posts_byline_is_its_publication_date_and_no_heading(tmp_path: Path) -> None:
    """A WeChat article pasted into a file keeps its byline (account, date, time, province):
    the date is when it was published, and the line is no heading — 2026年 in it is a date,
    not the plan's year (a report with no plan passed as complete)."""
    text = (
        "南坪镇2025年法治政府建设年度报告\n南坪发布 2026年02月20日 09:12 湖南\n"
        "2025年，南坪镇深入推进法治乡镇建设。现将有关情况报告如下：\n主要举措和成效\n"
        "（一）镇法律顾问审查合同22份，提出法律意见41条。\n（二）综合执法队办理案件19件，调处纠纷205件。\n"
        "存在的不足和原因\n（一）村级法治力量薄弱，原因是考核机制不健全。\n（二）群众法治意识仍需提升。\n"
    )
    r = checked(tmp_path, text)
    assert r["document"]["published_on"] == "2026-02-20"
    assert {p["id"]: p["status"] for p in r["parts"]}["next_year_plan"] == "missing"


def test_a_byline_naming_author_and_account_is_no_part_of_the_title(tmp_path: Path) -> None:
    """原创 作者 公众号 2026年03月05日 09:30 福建 above the title: the post's byline, not a
    first title line (the title, then the report's year, took 2026 from it)."""
    r = checked(
        tmp_path,
        "原创 示例县司法局 示例司法行政 2026年03月05日 09:30 福建\n\n"
        "示例县2025年度法治政府建设情况报告\n\n"
        "2025年，示例县推动法治政府建设取得新进展。现将有关情况报告如下：\n\n"
        "一、主要举措和成效\n全年受理行政复议申请91件，审结85件，评查案卷460卷。\n",
    )
    d = r["document"]
    assert (d["title"], d["report_year"], d["published_on"]) == (
        "示例县2025年度法治政府建设情况报告",
        2025,
        "2026-03-05",
    )


@pytest.mark.parametrize(
    "under",
    [
        # a WeChat footer: all furniture
        "\n📣 来源：示例县司法局\n✍ 编辑：李晓  审核：王明\n往期推荐\n"
        "▶ 示例县召开2026年全县司法行政工作会议\n▶ 普法小课堂：民法典里的相邻关系\n"
        "长按识别二维码关注我们\n分享 收藏 点赞 在看\n阅读原文\n",
        # a 公文's 版记: 抄送：… ending with 。 is no body text after the signature
        "\n抄送：市司法局，县委办公室，县人大常委会办公室，县政协办公室，县纪委监委，县法院，县检察院。\n"
        "示例县司法局办公室                2026年2月11日印发\n",
    ],
)
def test_lines_under_the_signature_do_not_hide_it(tmp_path: Path, under: str) -> None:
    """A pasted post's footer or a 公文's 版记 under the signature: the signing date and the
    issuer are still the report's."""
    r = checked(tmp_path, SAMPLE.read_text(encoding="utf-8") + under)
    assert r["document"]["signed_on"] == "2026-02-10"
    assert r["document"]["issuer"] == "示例县司法局"


@pytest.mark.parametrize(
    "signed,passed,said",
    [
        ("2026年2月", True, "2026年2月签发，在2025年度结束后"),
        ("二〇二六年二月", True, "2026年2月签发，在2025年度结束后"),
        ("2025年11月", False, "2025年11月签发，早于2025年度结束：所报的不是全年情况"),
        (
            "2025年12月",
            False,
            "2025年12月签发，早于2025年度结束：所报的不是全年情况",
        ),  # 31 December is, too
        # in the year's first quarter: most likely the next year's, mistyped
        (
            "2025年2月",
            False,
            "2025年2月签发，早于2025年度结束：所报的不是全年情况，或落款年份有误（应为2026年2月？）",
        ),
    ],
)
def test_a_signature_giving_the_month_alone(
    tmp_path: Path, signed: str, passed: bool | None, said: str | None
) -> None:
    """示例县司法局 / 2026年2月: the signature all the same (its issuer, the body's end), and
    the month is what the signing check and the year go by; a day is not made up."""
    text = SAMPLE.read_text(encoding="utf-8").replace("2026年2月10日", signed)
    path = tmp_path / "month.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["document"]["signed_on"] is None
    year, month = said.split("月")[0].split("年")
    assert result["document"]["signed_month"] == f"{year}-{int(month):02d}"
    assert result["document"]["issuer"] == "示例县司法局"
    check = {c["id"]: c for c in result["checks"]}["signed_after_year_end"]
    assert (check["passed"], check["message"]) == (passed, said)
    other = next(p for p in result["parts"] if p["id"] == "other")
    assert other["span"]["end_line"] < text.splitlines().index(signed) + 1  # not the body's


def test_year_from_a_signing_month(tmp_path: Path) -> None:
    text = (FIXTURES / "no_title_body_year.txt").read_text(encoding="utf-8")
    text = text.replace("一、2024年主要工作情况", "一、主要工作情况") + "示例县司法局\n2025年3月\n"
    path = tmp_path / "signed.txt"
    path.write_text(text, encoding="utf-8")
    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert (d["report_year"], d["report_year_source"]) == (2024, "signed")


@pytest.mark.parametrize("form", ["front_matter", "cover"])
def test_the_title_given_twice_leaves_the_opening_below_it(tmp_path: Path, form: str) -> None:
    """A Markdown file's front matter title, then its # heading; a cover page's title, then the
    first page's: the second is the title again, not the body's first heading, and the opening
    below it is read (here it states last year, which the opening check catches)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    title, rest = lines[0], lines[1:]
    opening = next(k for k, line in enumerate(rest) if line.startswith("2025年，"))
    rest[opening] = rest[opening].replace("2025年，", "2024年，", 1)
    if form == "front_matter":
        head = ["---", f"title: {title}", "---", "", f"# {title}"]
        name = "report.md"
    else:
        head = [title, "示例县司法局", "", "", title]
        name = "report.txt"
    path = tmp_path / name
    path.write_text("\n".join(head + rest) + "\n", encoding="utf-8")
    result = check_path(str(path), Catalog.load(), with_outline=True).to_json()
    assert result["document"]["title"] == title
    assert all(h["text"] != title for h in result["outline"])
    check = {c["id"]: c for c in result["checks"]}["opening_speaks_of_the_year"]
    assert not check["passed"] and "2024年" in check["message"]


@pytest.mark.parametrize(
    "head",
    [
        "# 示例县司法局\n# 关于2025年度法治政府建设情况的报告",
        "# 示例县司法局\n## 关于2025年度法治政府建设情况的报告",
        "# 示例县司法局\n关于2025年度法治政府建设情况的报告",
        "示例县司法局\n# 关于2025年度法治政府建设情况的报告",
    ],
)
def test_a_markdown_title_over_its_units_line_is_joined_without_its_marks(
    tmp_path: Path, head: str
) -> None:
    """The unit's name and 关于…的报告 set as Markdown headings, or one of them: one title, no #
    left inside it (the second # line had been passed over, the title lost)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "report.md"
    path.write_text(head + "\n" + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert d["title"] == "示例县司法局关于2025年度法治政府建设情况的报告"


def _facts_of(text: str, *, ocr: bool) -> Any:
    """The facts of ``text`` as a PDF's, read by OCR (a scan) or from its text layer."""
    from fzcheck.analysis.facts import read_facts
    from fzcheck.reading.normalize import Extracted, build_document

    return read_facts(build_document("scan.pdf", "0" * 64, "pdf", Extracted(text, ocr=ocr)), "法治")


@pytest.mark.parametrize("date", ["2026年2月10日政", "府2026年2月10日", "2026年2月10日 人民"])
def test_a_seals_characters_read_beside_a_scans_date_leave_it_the_signing_date(date: str) -> None:
    """OCR reads a character or two of the seal stamped over the date beside it: in a scan the
    date still signs the report; in a text read as written such a line is no date alone."""
    text = sample_text().replace("2026年2月10日", date)
    for ocr, signed in ((True, dt.date(2026, 2, 10)), (False, None)):
        assert _facts_of(text, ocr=ocr).signed_on == signed, ocr
    # the 版记 under the signature (…办公室  2026年2月12日印发) is no signature in a scan either
    record = (
        sample_text().rstrip("\n")
        + "\n抄送：县委办公室。\n示例县人民政府办公室      2026年2月12日印发\n"
    )
    facts = _facts_of(record, ocr=True)
    assert (facts.signed_on, facts.issuer) == (dt.date(2026, 2, 10), "示例县司法局")


@pytest.mark.parametrize(
    "signature,ocr_reads",
    [
        ("县司\n2026年2月10日", "示例县司法局"),  # the rim's top read, the name under it lost
        ("县司\n示例县司法局\n2026年2月10日", "示例县司法局"),  # the rim over the name
        ("县司\n从示例县司法局\n2026年2月10日", "示例县司法局"),  # …and the ring beside it
        ("示例县司法局\n司法\n2026年2月10日", "示例县司法局"),  # a piece under the name
    ],
)
def test_a_seals_piece_of_the_name_is_no_issuer_in_a_scan(signature: str, ocr_reads: str) -> None:
    """A red seal stamped over a scan's signature: OCR reads the top of its rim (县司, the
    unit's own name curved) as a line of its own, or a stroke of its ring beside the name. In a
    scan that is the title's unit worn, not the issuer (县司, or 县司、从…, two units signing);
    in a text as written two lines are two names still."""
    text = sample_text().replace("示例县司法局\n2026年2月10日", signature)
    assert signature in text
    facts = _facts_of(text, ocr=True)
    assert (facts.issuer, facts.signed_on) == (ocr_reads, dt.date(2026, 2, 10))
    if signature.startswith("县司\n示例"):
        assert _facts_of(text, ocr=False).issuer == "县司、示例县司法局"
    # two units signing together, a line each, in a scan too
    joint = sample_text().replace(
        "示例县司法局\n2026年", "中共示例县委政法委员会\n示例县司法局\n2026年"
    )
    assert _facts_of(joint, ocr=True).issuer == "中共示例县委政法委员会、示例县司法局"


def test_a_markdown_section_heading_under_the_units_line_is_no_title(tmp_path: Path) -> None:
    """# 示例县司法局, then ## 一、2025年度…工作开展情况 at once: a section's heading, not the title
    (taken so, section 一 was lost into the opening)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    first = next(k for k, line in enumerate(lines) if line.startswith("一、"))
    lines[first] = "一、2025年度法治政府建设工作开展情况"  # a heading that reads as a title
    text = "# 示例县司法局\n## " + "\n".join(lines[first:]) + "\n"
    path = tmp_path / "report.md"
    path.write_text(text, encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert r["document"]["title"] is None
    assert statuses(r)["achievements"] == "present"


def _two_reports(first: str, second: str) -> str:
    """Two units' reports in one file, the second's title right below the first's date."""
    return first.rstrip("\n") + "\n" + second


def test_two_units_reports_in_one_file_are_told_and_the_first_read_alone(tmp_path: Path) -> None:
    """A township's report without its leaders' section, then another's whole report: the
    second's sections had made the first complete (100) and its signature the issuer and date.
    The first is read alone, and a check names where the second starts."""
    leader = "三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    section = leader + sample_text().split(leader)[1].split("\n\n")[0] + "\n\n"
    first = sample_text().replace(section, "").replace("示例县司法局", "示例县城关镇人民政府")
    second = (
        sample_text()
        .replace("示例县司法局", "示例县东坝镇人民政府")
        .replace("2026年2月10日", "2026年1月20日")
    )
    r = checked(tmp_path, _two_reports(first, second))
    assert statuses(r)["leader_duties"] == "missing" and r["verdict"] == "incomplete"
    assert (r["document"]["issuer"], r["document"]["signed_on"]) == (
        "示例县城关镇人民政府",
        "2026-02-10",
    )
    told = _check(r, "one_report_a_file")
    line = len(first.rstrip("\n").split("\n")) + 1
    assert not told["passed"] and f"第{line}行起是另一份报告" in str(told["message"])
    assert "示例县东坝镇人民政府关于2025年度法治政府建设情况的报告" in str(told["message"])
    # the same title for both, or both signed in the December of the year: still two
    generic = "关于2025年度法治政府建设情况的报告"
    for one, two in (
        (
            generic + "\n" + first.split("\n", 1)[1],
            generic + "\n" + second.split("\n", 1)[1],
        ),
        (
            first.replace("2026年2月10日", "2025年12月26日"),
            second.replace("2026年1月20日", "2025年12月28日"),
        ),
    ):
        r = checked(tmp_path, _two_reports(one, two))
        assert not _check(r, "one_report_a_file")["passed"]
    # titled alike, the second numbering no section but opened as a report is
    plain = (
        f"{generic}\n县委、县政府：\n2025年，东坝镇认真落实法治政府建设各项任务，现将有关情况报告如下：\n"
        + "全年组织学法培训6场，审查合同及规范性文件21件，化解信访积案3件。\n" * 3
        + "示例县东坝镇人民政府\n2026年1月20日\n"
    )
    one = generic + "\n" + first.split("\n", 1)[1]
    r = checked(tmp_path, _two_reports(one, plain))
    assert not _check(r, "one_report_a_file")["passed"]
    assert r["document"]["issuer"] == "示例县城关镇人民政府"


def test_a_date_in_the_body_over_a_line_naming_a_report_ends_nothing(tmp_path: Path) -> None:
    """A timeline in section 一 (2025年4月10日 alone on its line, then 县人大常委会听取和审议…的
    报告), the sections going on (二、…): no signature, no second report; the date is in the
    year reported on, and what follows carries on the first report's numbering."""
    event = "2025年4月10日\n县人大常委会听取和审议县人民政府关于2024年度法治政府建设情况的报告\n"
    text = sample_text().replace("二、2025年推进", event + "二、2025年推进", 1)
    r = checked(tmp_path, text)
    assert _check(r, "one_report_a_file")["passed"] and r["verdict"] == "complete"
    assert r["document"]["signed_on"] == "2026-02-10"


def test_a_pages_footer_repeating_the_title_is_no_second_report(tmp_path: Path) -> None:
    """A site's page repeats the title under the signature ([纠错], a 版记 below): no report
    follows it, only furniture."""
    footer = (
        "示例县司法局关于2025年度法治政府建设情况的报告\n[纠错]\n（此件公开发布）\n"
        "抄送：县委办公室，县人大常委会办公室，县政协办公室。\n"
        "示例县人民政府办公室                2026年2月10日印发\n"
    )
    r = checked(tmp_path, sample_text().rstrip("\n") + "\n" + footer)
    assert _check(r, "one_report_a_file")["passed"]
    # a PDF's running header over the next page: a page number, the title again, an attachment
    title = sample_text().split("\n", 1)[0]
    annex = (
        "附件\n2025年度行政执法工作情况\n"
        + "全年开展日常巡查326次，办理行政处罚案件58件，罚没款12.6万元。\n" * 3
    )
    r = checked(tmp_path, sample_text().rstrip("\n") + f"\n— 2 —\n{title}\n{annex}")
    assert _check(r, "one_report_a_file")["passed"]
    # …or over an appendix labelled otherwise, its points numbered 1. 2.: no 一、, no report
    points = "".join(
        f"{k}.全年开展日常巡查{k}26次，办理行政处罚案件5{k}件，罚没款12.{k}万元。\n"
        for k in (1, 2, 3)
    )
    r = checked(tmp_path, sample_text().rstrip("\n") + f"\n{title}\n附：重点工作完成情况\n{points}")
    assert _check(r, "one_report_a_file")["passed"]


def test_a_notice_carrying_the_report_is_no_first_report(tmp_path: Path) -> None:
    """A notice (…的通知, dated) over the report it publishes: the report below its date is what
    it carries, not a second report; nothing is cut from it."""
    notice = (
        "示例县人民政府办公室关于印发《示例县司法局2025年度法治政府建设情况报告》的通知\n"
        "各乡镇人民政府，县政府各部门：\n现将报告印发给你们，请认真贯彻执行。\n"
        "示例县人民政府办公室\n2026年2月12日\n"
    )
    r = checked(tmp_path, notice + sample_text())
    assert _check(r, "one_report_a_file")["passed"]
    assert statuses(r)["leader_duties"] == "present"


@pytest.mark.parametrize(
    "after",
    [
        "附件：\n示例县司法局关于2025年度法治政府建设情况的报告",  # an attachment, labelled
        "2025年度法治政府建设工作情况统计表",  # a table's title
    ],
)
def test_what_follows_a_signature_as_no_report_of_its_own_leaves_one(
    tmp_path: Path, after: str
) -> None:
    """An attachment labelled 附件, or a table, below the signature is no second report."""
    body = "\n".join(f"{k}. 全年办理事项{k}件，同比增长{k}%。" for k in range(1, 6))
    r = checked(tmp_path, sample_text().rstrip("\n") + f"\n{after}\n{body}\n")
    assert _check(r, "one_report_a_file")["passed"]


@pytest.mark.parametrize("cut", [1, 2, 3, 6, 9])
def test_a_titles_last_characters_left_alone_by_a_wrap_are_the_title(
    tmp_path: Path, cut: int
) -> None:
    """A PDF's wrap leaves a title's last word's last characters alone on the next line (…工作
    情况报 / 告, …工作情况 / 报告): they are the title's, not dropped, and the addressee below
    is still the addressee."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    title = lines[0]
    lines[0:1] = [title[:-cut], title[-cut:]]
    path = tmp_path / "orphan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert (d["title"], d["addressee"]) == (title, "县委、县政府")


@pytest.mark.parametrize("cut", [4, 6, 9])
def test_a_titles_last_words_a_centred_wrap_left_on_the_next_line_are_the_title(
    tmp_path: Path, cut: int
) -> None:
    """A centred title wrapped mid-word with a few words over (…年度报告工 / 作的通知): the next
    line's short rest ending in a title's kind is the title's — the notice was read as a
    report titled by its first line."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    title = "关于做好2025年度法治政府建设年度报告工作的通知"
    lines[0:1] = [title[:-cut], title[-cut:]]
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    d = check_path(str(path), Catalog.load()).to_json()["document"]
    assert (d["title"], d["addressee"]) == (title, "县委、县政府")


def test_a_whole_date_beside_the_signer_after_a_table_of_months_is_the_signature(
    tmp_path: Path,
) -> None:
    """A plan table's 完成时限 months above, then 示例县司法局 2025年12月20日 on one line: a
    signature all the same (its date whole), and one before the year's end is flagged."""
    text = SAMPLE.read_text(encoding="utf-8").rsplit("\n示例县司法局", 1)[0]
    text += (
        "\n任务\t责任单位\t完成时限\n案卷评查\t县司法局\t2026年6月\n法治培训\t县司法局\t2026年9月\n"
    )
    text += "\n示例县司法局 2025年12月20日\n"
    path = tmp_path / "signed.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["document"]["signed_on"] == "2025-12-20"
    assert "signed_after_year_end" in {c["id"] for c in result["checks"] if not c["passed"]}


@pytest.mark.parametrize(
    "table",
    [
        "| 任务 | 责任单位 | 完成时限 |\n| 开展执法人员轮训 | 县司法局 | 2026年9月 |",
        # a PDF's text layer: cells spaced, run together, or one a line (a cell's wrap too)
        "序号   工作任务       责任单位    完成时限\n1      案卷评查       县司法局    2026年6月\n"
        "2      组织法治培训   县司法局    2026年9月",
        "序号工作任务责任单位完成时限\n1开展行政执法案卷\n评查\n县司法局2026年6月\n"
        "2组织法治培训县司法局2026年9月",
        "1\n案卷评查\n县司法局\n2026年6月\n2\n组织法治培训\n县司法局\n2026年9月",
    ],
)
def test_a_month_in_a_tables_last_row_is_no_signature(tmp_path: Path, table: str) -> None:
    """A plan set out as a table at the end (| 开展执法人员轮训 | 县交通运输局 | 2026年9月 |), no
    signature below it: the month is the task's, not a signing date, and its row is no issuer."""
    text = SAMPLE.read_text(encoding="utf-8").rsplit("\n示例县司法局", 1)[0]
    text += f"\n{table}\n"
    path = tmp_path / "plan_table.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["document"]["issuer"] == "示例县司法局"  # from the title
    assert result["document"]["signed_on"] is None
    failed = {c["id"] for c in result["checks"] if not c["passed"]}
    assert not failed & {"signed_after_year_end", "published_in_time"}


@pytest.mark.parametrize(
    ("delivered", "signed", "early"),
    [
        ("——2026年1月20日在示例县第十八届人民代表大会常务委员会第十次会议上", "2026-01-20", False),
        ("—— 2025年12月20日在示例县人民代表大会常务委员会会议上", "2025-12-20", True),
        # the same in brackets, as a 人大 bulletin prints it
        (
            "（2026年1月20日在示例县第十八届人民代表大会常务委员会第十次会议上）",
            "2026-01-20",
            False,
        ),
        # a report printed with no signature dates itself under its title
        ("（2026年1月20日）", "2026-01-20", False),
        ("二〇二六年一月二十日", "2026-01-20", False),
        ("(2025年12月20日)", "2025-12-20", True),
    ],
)
def test_a_report_to_a_congress_is_dated_under_its_title(
    tmp_path: Path, delivered: str, signed: str, early: bool
) -> None:
    """A report made to the 人大常委会 gives its date under the title (——…日在…会议上) and no
    signature: that is the day it was made, and a day before the year ended is flagged."""
    text = SAMPLE.read_text(encoding="utf-8").rsplit("\n示例县司法局", 1)[0]
    title, rest = text.split("\n", 1)
    path = tmp_path / "renda.txt"
    path.write_text(f"{title}\n{delivered}\n{rest}\n", encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["document"]["signed_on"] == signed
    assert result["document"]["title"] == title
    failed = {c["id"] for c in result["checks"] if not c["passed"]}
    assert ("signed_after_year_end" in failed) is early


@pytest.mark.parametrize(
    ("by", "issuer"),
    [
        ("示例县人民政府副县长　李明辉", "示例县人民政府"),
        ("示例县司法局局长 王芳", "示例县司法局"),
        ("示例县人民政府", "示例县人民政府"),  # the unit alone (helper-186's c25)
        ("县政府办公室提供", None),  # no unit on its own, no office and name: none read from it
    ],
)
def test_a_report_to_a_congress_is_the_unit_its_deliverer_speaks_for(
    tmp_path: Path, by: str, issuer: str | None
) -> None:
    """——…在…会议上 / 示例县人民政府副县长　李明辉, no signature: 发布单位 read —; it is the
    government the official speaks for, not the official."""
    text = SAMPLE.read_text(encoding="utf-8").rsplit("\n示例县司法局", 1)[0]
    title, rest = text.split("\n", 1)
    title = title.replace("示例县司法局关于", "关于")
    meeting = "2026年1月20日在示例县第十八届人民代表大会常务委员会第十次会议上"
    for dateline in (f"——{meeting}", f"（{meeting}）"):
        path = tmp_path / "renda.txt"
        path.write_text(f"{title}\n{dateline}\n{by}\n{rest}\n", encoding="utf-8")
        result = check_path(str(path), Catalog.load()).to_json()
        assert result["document"]["issuer"] == issuer, dateline


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("示例县司法局法治政府建设年度报告（2025）", 2025),
        ("2025示例县司法局法治政府建设年度报告", 2025),
        ("示例县司法局法治政府建设年度报告", None),
        ("示例县司法局法治政府建设（2021-2025）规划实施情况报告", None),  # no year at the end
    ],
)
def test_a_titles_year_written_without_its_character_is_the_titles(
    tmp_path: Path, title: str, year: int | None
) -> None:
    """…年度报告（2025） and 2025示例县…: the title names its year (标题未写明年度 said it did
    not, and the year came from the body)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[0] = title
    path = tmp_path / "bare.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    d = result["document"]
    assert (d["report_year"], d["report_year_source"]) == (
        (year, "title") if year else (2025, "body")
    )
    said = _check(result, "title_names_subject_and_year")["message"]
    assert ("未写明年度" in said) is (year is None)


@pytest.mark.parametrize("note", ["（2025年度）", "(2025年)"])
def test_the_titles_year_in_brackets_on_the_line_under_it_is_the_titles(
    tmp_path: Path, note: str
) -> None:
    """…法治政府建设年度报告 / （2025年度）: the year is the title's, on a line of its own."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    lines[0:1] = ["示例县司法局法治政府建设年度报告", note]
    path = tmp_path / "year_below.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_path(str(path), Catalog.load()).to_json()
    assert result["document"]["title"] == f"示例县司法局法治政府建设年度报告{note}"
    assert "title_names_subject_and_year" not in {
        c["id"] for c in result["checks"] if not c["passed"]
    }


def test_a_contents_heading_under_the_title_is_not_the_titles_end(tmp_path: Path) -> None:
    """目录 on the line under a title that ends in 情况: a contents page's heading, not the
    title's last word left alone by a wrap."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    title = lines[0].removesuffix("的报告")
    lines[0:1] = [title, "目录"]
    path = tmp_path / "toc.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check_path(str(path), Catalog.load()).to_json()["document"]["title"] == title


def test_a_title_naming_the_year_it_was_written_in_is_flagged_and_the_year_is_the_one_before(
    tmp_path: Path,
) -> None:
    """示例县…2026年法治政府建设工作报告, signed in January 2026, its plan for 2026, its work of
    2025: the title names the year it was written in. The report is on 2025 (its plan, its
    signing and its opening agree), and the title check says the title's year is off — not
    three checks saying the opening was copied, the plan names the wrong year and the report
    was signed before its year ended."""
    from tests.helpers import checked, sample_text

    text = sample_text().replace("关于2025年度法治政府建设", "关于2026年度法治政府建设", 1)
    r = checked(tmp_path, text)
    assert r["document"]["report_year"] == 2025
    assert r["document"]["report_year_source"] == "plan"
    failed = [c for c in r["checks"] if not c["passed"]]
    assert [c["id"] for c in failed] == ["title_names_subject_and_year"]
    assert "标题写的是2026年" in failed[0]["message"]
    assert all(c["passed"] for p in r["parts"] for c in p["checks"])
    # signed after the year it names ended: the title's year stands
    late = checked(tmp_path, text.replace("2026年2月10日", "2027年2月10日"))
    assert late["document"]["report_year"] == 2026
    # a report whose title, opening and plan all say 2025, its signing date a typo of 2025年…:
    # the title's year stands (the signing date is what is off)
    typo = (
        sample_text()
        .replace("2026年2月10日", "2025年2月10日")
        .replace("四、2026年推进法治政府建设的主要安排", "四、下一步工作安排")
        .replace(
            "（一）提升依法决策水平。2026年，", "（一）提升依法决策水平。在巩固2025年成效的基础上，"
        )
    )
    r = checked(tmp_path, typo)
    assert r["document"]["report_year"] == 2025
    assert "title_names_subject_and_year" not in [c["id"] for c in r["checks"] if not c["passed"]]


@pytest.mark.parametrize("unit", ["示例县第一中学", "示例县实验小学", "示例县国有林场"])
def test_a_school_or_a_farm_signing_is_the_issuer(tmp_path: Path, unit: str) -> None:
    """中学, 小学, 林场 sign their own reports: the issuer, as a 局 is."""
    from tests.helpers import checked, sample_text

    r = checked(tmp_path, sample_text().replace("\n示例县司法局\n", f"\n{unit}\n"))
    assert r["document"]["issuer"] == unit


@pytest.mark.parametrize(("opening", "closing"), [("《", "》"), ("“", "”")])
def test_marks_round_the_whole_title_are_not_the_titles(
    tmp_path: Path, opening: str, closing: str
) -> None:
    """《示例县司法局关于…的报告》 as a title line: the title without the marks round it (a
    title naming a document inside, …印发《…要点》的通知, keeps its own)."""
    from tests.helpers import checked, sample_text

    text = sample_text()
    title = text.splitlines()[0]
    r = checked(tmp_path, text.replace(title, f"{opening}{title}{closing}", 1))
    assert r["document"]["title"] == title
    inside = "关于印发《示例县2026年法治政府建设工作要点》的通知"
    r = checked(tmp_path, text.replace(title, inside, 1))
    assert r["document"]["title"] == inside


@pytest.mark.parametrize(
    ("title", "slip"),
    [
        ("示例县司法局关于2025年度法制政府建设情况的报告", "法制政府建设"),
        # another subject that shares words with it is no slip: nothing said of it
        ("示例县司法局关于2025年度法治宣传教育工作情况的报告", None),
    ],
)
def test_a_subject_written_one_character_off_is_shown_as_a_slip(
    tmp_path: Path, title: str, slip: str | None
) -> None:
    # 法制 for 法治 is the commonest slip in these titles: the reviewer reads it is one
    path = tmp_path / "title.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    path.write_text(text.replace(text.splitlines()[0], title, 1), encoding="utf-8")
    r = check_path(str(path), Catalog.load()).to_json()
    message = _check(r, "title_names_subject_and_year")["message"]
    assert isinstance(message, str) and message.startswith("标题未写明法治政府建设")
    assert (f"写作“{slip}”，是否笔误" in message) if slip else ("笔误" not in message)


def test_a_report_filled_into_a_forms_table_is_read_by_its_rows(tmp_path: Path) -> None:
    """A 报告表 a 依法治县办 hands out, filled in Word: a label cell, its paragraph in the next
    (存在的不足和原因 | 一是…。). Each label heads its part, and 填报日期 dates it (the problems
    row was lost, the others half-credited as embedded, the date unread: 37.5)."""
    rows = [
        ("报告单位", "示例县教育局"),
        ("主要举措和成效", "一是完善制度，全年审查文件和合同27件。二是开展专项检查46次。"),
        ("存在的不足和原因", "一是执法力量薄弱，持证人员仅6名。原因主要是执法机构尚未健全。"),
        (
            "党政主要负责人履行推进法治建设第一责任人职责情况",
            "局长主持召开党组会议专题研究法治建设3次，亲自审定依法治教工作要点。",
        ),
        ("下一年度工作安排", "2026年，我局将健全执法机构，推进依法治校示范校创建。"),
        ("其他需要报告的情况", "无"),
        ("填报日期", "2026年1月25日"),
    ]
    r = _form_report(tmp_path, rows)
    status = {p["id"]: p["status"] for p in r["parts"]}
    # 其他… | 无: the row answered (it read 未写), as 本年度无其他需要报告的情况。 does
    assert set(status.values()) == {"present"}, status
    assert r["document"]["signed_on"] == "2026-01-25"
    assert r["document"]["issuer"] == "示例县教育局"


def test_a_forms_row_naming_who_filled_it_in_is_the_issuer(tmp_path: Path) -> None:
    """A 报告表 whose title names only the county (示例县2025年度…报告表), nothing signed: its
    填报单位 row names the unit (the issuer had been the county, helper-194's d48)."""
    rows = [
        ("填报单位", "示例县乡村振兴服务中心"),
        ("主要举措和成效", "全年审查合同协议21份，组织集中学法6次。"),
        ("填报日期", "2026年1月25日"),
    ]
    r = _form_report(tmp_path, rows, title="示例县2025年度法治政府建设情况报告表")
    assert r["document"]["issuer"] == "示例县乡村振兴服务中心"


@pytest.mark.parametrize(
    ("row", "issuer"),
    [
        # the unit's cell and the date's on one row; a seal's note beside the name
        ("填报单位 | 示例县交通运输局 | 填报日期 | 2026年1月20日", "示例县交通运输局"),
        ("填报单位：示例县市场监督管理局（盖章）", "示例县市场监督管理局"),
    ],
)
def test_a_forms_unit_row_as_units_fill_it_in_is_the_issuer(
    tmp_path: Path, row: str, issuer: str
) -> None:
    path = tmp_path / "form.txt"
    path.write_text(f"示例县2025年度法治政府建设情况报告表\n{row}\n{_FORM_BODY}", encoding="utf-8")
    assert check_path(str(path), Catalog.load()).to_json()["document"]["issuer"] == issuer


def test_a_unit_row_at_the_end_is_an_attachments_not_the_issuer(tmp_path: Path) -> None:
    """填报单位 in a blank form or a table attached after the report (各村（社区）党组织): not
    who made the report (helper-196's C06); the title's unit stays."""
    path = tmp_path / "attached.txt"
    tail = "附件：法治宣传情况统计表\n填报单位：各村（社区）党组织\n"
    path.write_text(f"示例县2025年度法治政府建设情况报告\n{_FORM_BODY}{tail}", encoding="utf-8")
    assert check_path(str(path), Catalog.load()).to_json()["document"]["issuer"] == "示例县"


_FORM_BODY = "一、主要举措和成效\n全年审查合同协议21份，组织集中学法6次。\n"


def _form_report(
    tmp_path: Path,
    rows: list[tuple[str, str]],
    title: str = "示例县教育局2025年度法治政府建设情况报告",
) -> dict[str, Any]:
    """The checked result of a 报告表 filled in Word: a title, then a label cell and its text a
    row; a cell's lines (split at \n) its paragraphs."""
    import docx

    document = docx.Document()
    document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=2)
    for k, (label, text) in enumerate(rows):
        table.cell(k, 0).text = label
        first, *more = text.split("\n")
        cell = table.cell(k, 1)
        cell.text = first
        for paragraph in more:
            cell.add_paragraph(paragraph)
    path = tmp_path / "form.docx"
    document.save(str(path))
    return check_path(str(path), Catalog.load("fazhi-annual")).to_json()


_FORM_ROWS = [
    (
        "主要举措和成效",
        "一是完善制度，全年审查文件和合同27件。二是开展专项检查46次，整改问题18个。",
    ),
    (
        "存在的不足和原因",
        "一是执法力量薄弱，持证人员仅6名，与工作任务不相匹配。原因主要是执法机构尚未健全。",
    ),
    (
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "局长主持召开党组会议专题研究法治建设3次，亲自审定依法治教工作要点。",
    ),
    ("下一年度工作安排", "2026年，我局将健全执法机构，推进依法治校示范校创建。"),
    ("其他需要报告的情况", "无"),
]


@pytest.mark.parametrize("gap", ["  ", "    ", "\t", "\u3000\u3000"])
def test_a_forms_rows_as_a_pdfs_text_sets_them_head_their_parts(tmp_path: Path, gap: str) -> None:
    """A form printed to PDF, its borders no lines of text: each row its label, a gap, its
    text (存在的不足和原因  一是…). The labels head the parts; the header row (项目  内容) and a
    field (填报单位  示例县教育局) are rows, no headings (they had been, the parts lost: 40)."""
    head = f"示例县教育局2025年度法治政府建设情况报告\n项目{gap}内容\n填报单位{gap}示例县教育局\n"
    rows = "".join(f"{label}{gap}{text}\n" for label, text in _FORM_ROWS)
    path = tmp_path / "form.txt"
    path.write_text(f"{head}{rows}填报日期{gap}2026年1月25日\n", encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert {p["status"] for p in r["parts"]} == {"present"}, r["parts"]


def test_a_forms_cells_wrapped_onto_lines_of_their_own_stay_their_rows(tmp_path: Path) -> None:
    """A scanned form read back: each cell's text wrapped at the cell's width onto lines with no
    label (存在的不足和原因 | 一是…，与 / 工作任务不相匹配。原因…). The row is still its part's
    section, a wrapped line ending a sentence no label of its own (工作任务不相匹配。 had headed
    a section, the causes lost from the problems)."""
    lines = ["示例县教育局2025年度法治政府建设情况报告", "项目 | 内容"]
    for label, text in _FORM_ROWS:
        lines += [f"{label} | {text[:24]}", *(text[k : k + 24] for k in range(24, len(text), 24))]
    path = tmp_path / "scan.txt"
    path.write_text("\n".join([*lines, "填报日期 | 2026年1月25日"]) + "\n", encoding="utf-8")
    r = check_path(str(path), Catalog.load("fazhi-annual")).to_json()
    assert {p["status"] for p in r["parts"]} == {"present"}, r["parts"]
    assert r["score"] == 100, [c for p in r["parts"] for c in p["checks"] if not c["passed"]]


@pytest.mark.parametrize("numbers", [("", "", "", ""), ("一、", "二、", "三、", "四、")])
def test_a_forms_cell_of_numbered_points_keeps_the_rows_as_sections(
    tmp_path: Path, numbers: tuple[str, ...]
) -> None:
    """One cell of four paragraphs （一）…（四）, 300-odd characters joined: read as run-on text, it
    was cut at its points and the rows after it lost their headings (要素缺失 40 for a complete
    form). The rows stay the sections, the points inside the first; a numbered label's heading
    stops at its cell (下一年度工作安排, not 下一年度工作安排 | （一）…)."""
    point = (
        "全年审查规范性文件和重大行政决策事项12件，组织执法人员培训5期、参训310人次，"
        "评查执法案卷120卷，发现并督促整改问题23个。"
    )
    labels = [
        "主要举措和成效",
        "存在的不足和原因",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "下一年度工作安排",
    ]
    texts = [
        "\n".join(f"（{n}）推进第{n}项工作。{point}" for n in "一二三四"),
        "一是执法力量薄弱，持证人员仅6名。原因主要是执法机构尚未健全。",
        "局长主持召开党组会议专题研究法治建设3次。",
        "（一）健全执法机构。2026年，我局将推进依法治校示范校创建。",
    ]
    assert len(texts[0]) > 300
    rows = [(n + label, text) for n, label, text in zip(numbers, labels, texts, strict=True)]
    r = _form_report(tmp_path, [*rows, ("填报日期", "2026年1月25日")])
    parts = {p["id"]: p for p in r["parts"] if p["required"]}
    assert {p["status"] for p in parts.values()} == {"present"}, parts
    assert [p["heading"] for p in parts.values()] == labels


def test_the_issuer_is_not_taken_from_a_title_it_cites(tmp_path: Path) -> None:
    """《示例市人民政府2025年度法治政府建设情况报告》解读, unsigned: the issuer came out as
    《示例市人民政府 (the cited report's, its bracket too); a title's own prefix still gives it."""
    body = "近日，报告正式公布。现对报告主要内容解读如下。\n一、主要举措和成效\n报告指出，全年办理复议案件12件。\n"
    cited = checked(tmp_path, f"《示例市人民政府2025年度法治政府建设情况报告》解读\n{body}")
    assert cited["document"]["issuer"] is None
    own = checked(tmp_path, f"示例市人民政府2025年度法治政府建设情况报告\n{body}")
    assert own["document"]["issuer"] == "示例市人民政府"
    # a label before a colon is no part of the unit's name
    labelled = checked(tmp_path, f"图解：示例市人民政府2025年度法治政府建设情况报告\n{body}")
    assert labelled["document"]["issuer"] == "示例市人民政府"


@pytest.mark.parametrize(("date", "on_time"), [("2026年3月18日", True), ("2026年4月10日", False)])
def test_a_cover_letters_date_signs_the_unsigned_report_it_sends(
    tmp_path: Path, date: str, on_time: bool
) -> None:
    """关于报送…报告的报告 signed by the unit, then 附件 and the report, itself unsigned: 落款日期
    read —, and a cover dated after 1 April raised no deadline flag."""
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1].rsplit("示例县司法局", 1)[0]
    cover = (
        "示例县人民政府关于报送2025年度法治政府建设情况报告的报告\n\n市人民政府：\n"
        "现将《示例县2025年度法治政府建设情况报告》随文报送，请审阅。\n\n"
        f"附件：示例县2025年度法治政府建设情况报告\n\n示例县人民政府\n{date}\n\n附件\n\n"
        "示例县2025年度法治政府建设情况报告\n"
    )
    r = checked(tmp_path, cover + body)
    year, rest = date.split("年")
    month, day = rest.rstrip("日").split("月")
    assert r["document"]["signed_on"] == dt.date(int(year), int(month), int(day)).isoformat()
    late = [c for c in r["checks"] if c["id"] == "published_in_time" and not c["passed"]]
    assert bool(late) is not on_time


@pytest.mark.parametrize("dated", [False, True])
def test_an_attachments_date_under_an_undated_signature_is_not_the_signing_date(
    tmp_path: Path, dated: bool
) -> None:
    """The issuer signs without a date; an attached table of figures ends with its own date
    (统计截至 2025年12月31日): that is the table's, not the report's, which stays undated — and
    a report signed with its date keeps it."""
    text = SAMPLE.read_text(encoding="utf-8").rstrip()
    assert text.endswith("示例县司法局\n2026年2月10日")
    if not dated:
        text = text.removesuffix("\n2026年2月10日")
    text += "\n\n附件\n\n示例县司法局2025年度法治建设主要数据\n\n项目\t数量\n行政复议案件\t41\n\n2025年12月31日\n"
    r = checked(tmp_path, text)
    assert r["document"]["signed_on"] == ("2026-02-10" if dated else None)
    assert r["document"]["issuer"] == "示例县司法局"


ANNEX = "\n\n附件\n\n示例县司法局2025年度法治建设主要数据\n\n项目\t数量\n行政复议案件\t41\n"


@pytest.mark.parametrize("annexed", [False, True])
@pytest.mark.parametrize("printed,late", [("2026年4月2日", True), ("2026年2月12日", False)])
def test_a_record_printed_after_the_deadline_cannot_have_been_public_by_it(
    tmp_path: Path, printed: str, late: bool, annexed: bool
) -> None:
    """Signed 10 February, its 版记 printed later (…办公室　2026年4月2日印发): printed
    after 31 March, it was not public by then; printed in time, nothing is said without a
    publication date. The signing date stays the signature's. The 版记 closes the document,
    after any attachment (GB/T 9704); it was not looked for there."""
    text = (
        SAMPLE.read_text(encoding="utf-8").rstrip()
        + (ANNEX if annexed else "")
        + f"\n\n示例县司法局办公室　　{printed}印发\n"
    )
    r = checked(tmp_path, text)
    assert r["document"]["signed_on"] == "2026-02-10"
    flags = [c for c in r["checks"] if c["id"] == "published_in_time"]
    assert any(not c["passed"] and "印发" in c["message"] for c in flags) is late, flags


@pytest.mark.parametrize(
    "opening,hint",
    [("2024年，", "可能沿用了上一年的报告"), ("2026年，", "可能写成了成文的年份")],
)
def test_no_title_year_the_year_most_of_the_report_states_not_the_openings_slip(
    tmp_path: Path, opening: str, hint: str
) -> None:
    """No year in the title, an opening of 2024年，… (last year's kept) or 2026年，… (the year of
    writing), headings of 2025年… and a signing in February 2026: the report is on 2025 and the
    opening is what is off — not a report on 2024 signed too late to be public in time, its
    plan looked for in the problems section."""
    from tests.helpers import sample_text

    text = (
        sample_text()
        .replace("关于2025年度法治政府建设", "关于法治政府建设", 1)
        .replace("2025年，示例县司法局", f"{opening}示例县司法局", 1)
    )
    r = checked(tmp_path, text)
    d = r["document"]
    assert (d["report_year"], d["report_year_source"], d["plan_year"]) == (2025, "body", 2026)
    failed = {c["id"]: c["message"] for c in r["checks"] if not c["passed"]}
    assert set(failed) == {"title_names_subject_and_year", "opening_speaks_of_the_year"}
    assert hint in failed["opening_speaks_of_the_year"]
    plan = next(p for p in r["parts"] if p["id"] == "next_year_plan")
    assert plan["heading"].startswith("2026年") and all(c["passed"] for c in plan["checks"])


@pytest.mark.parametrize(
    "date", ["2026年2月\n10日", "2026年\n2月10日", "二〇二六年\n二月十日", "2026年2月10\n日"]
)
def test_a_signing_date_cut_over_two_lines_is_read(tmp_path: Path, date: str) -> None:
    """A PDF's or an OFD's signature date cut at a gap (2026年2月 / 10日): one date, under its
    issuer; the body is not taken to run on into it."""
    from tests.helpers import sample_text

    r = checked(tmp_path, sample_text().replace("2026年2月10日", date))
    d = r["document"]
    assert (d["signed_on"], d["issuer"]) == ("2026-02-10", "示例县司法局")
    other = next(p for p in r["parts"] if p["id"] == "other")
    assert other["span"]["end_line"] == 26  # the section ends before the signature, as unbroken


@pytest.mark.parametrize("bits", ["县\u3000司\n示\u3000局", "县 司\n示 局", "司\n示 例 局"])
def test_a_seals_scattered_characters_are_no_issuers(tmp_path: Path, bits: str) -> None:
    """A seal over the signature comes out of a PDF as a character or two a line, apart: not
    two more units signing (the issuer was 县 司、示 局); a name set letter-spaced still is the
    name."""
    text = sample_text().replace("示例县司法局\n2026年", f"示例县司法局\n{bits}\n2026年")
    assert bits in text
    d = checked(tmp_path, text)["document"]
    assert (d["issuer"], d["signed_on"]) == ("示例县司法局", "2026-02-10")
    spaced = sample_text().replace("示例县司法局\n2026年", "示 例 县 司 法 局\n2026年")
    assert checked(tmp_path, spaced)["document"]["issuer"] == "示例县司法局"


@pytest.mark.parametrize("date", ["2026年2月14日", "二〇二六年二月十四日", "2026-02-14"])
def test_a_date_alone_right_above_the_title_is_not_part_of_it(tmp_path: Path, date: str) -> None:
    """A cover letter's date (…司法局 / 2026年2月14日) right above the report's title had been
    joined to it (2026年2月14日示例县司法局关于…报告), its year failing the title check
    (helper-216's t07)."""
    text = sample_text()
    title = text.splitlines()[0]
    r = checked(tmp_path, f"示例县司法局\n{date}\n{text}")
    assert r["document"]["title"] == title
    assert next(c for c in r["checks"] if c["id"] == "title_names_subject_and_year")["passed"]


@pytest.mark.parametrize("key", ["印发日期", "成文日期", "发文日期"])
def test_a_documents_own_dates_are_not_its_publication(tmp_path: Path, key: str) -> None:
    """印发日期：2026-02-10    来源：… (a date right before 来源 had been read as published) and an
    archive's 发文日期 are the document's dates, not the page's (helper-216's t04, c03); a
    发布日期 beside them still is."""
    text = sample_text()
    title, rest = text.split("\n", 1)
    alone = checked(tmp_path, f"{title}\n{key}：2026-02-10    来源：示例县司法局\n{rest}")
    assert alone["document"]["published_on"] is None
    both = f"{title}\n{key}：2026-02-10    发布日期：2026-04-08    来源：示例县司法局\n{rest}"
    assert checked(tmp_path, both)["document"]["published_on"] == "2026-04-08"


@pytest.mark.parametrize(
    ("gaps", "spaced"),
    [
        ([2, 2, 2, 2], True),
        ([2, 2, 1, 1], False),  # half: not more than half
        ([2, 2, 2, 1, 1], True),
        ([1, 1, 1, 2, 2], False),
        ([2, 2, 2], False),  # fewer than four gaps
        ([1, 2, 1, 2, 1, 2, 2], True),
    ],
)
def test_a_text_is_double_spaced_when_more_than_half_its_gaps_are_one_blank_line(
    gaps: list[int], spaced: bool
) -> None:
    # counted until settled either way, as all of them counted would say
    nonblank = [0]
    for gap in gaps:
        nonblank.append(nonblank[-1] + gap)
    lines = ["" if i not in nonblank else "文字" for i in range(nonblank[-1] + 1)]
    assert _double_spaced(lines, nonblank) is spaced


@pytest.mark.parametrize(
    "text", ["…工作情况的报告", "示例县人民政府门户网站", "报告\n", "报", "报告书", ""]
)
def test_a_text_ends_in_a_word_as_a_pattern_ending_in_dollar_says(text: str) -> None:
    words = ("报告", "门户网站")
    assert _ends_in(text, words) is bool(re.search("(?:报告|门户网站)$", text))


def test_a_list_of_attachments_is_looked_for_no_further_back_than_it_can_reach() -> None:
    points = [f"{n}. 推进第{n}项工作。" for n in range(1, 30)]
    lines = ["正文。", "附件：", "1. 统计表", "2. 目录", *points]
    assert _without_attachment_list(lines, len(lines) - 1) == len(lines) - 1
    assert _without_attachment_list(lines[:4], 3) == 0  # 附件： above its list
