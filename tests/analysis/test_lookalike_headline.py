"""A look-alike's headline as its title: a news story about a report, its headline naming no
kind of document (no 报告), was given no title at all."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import checked, sample_text

_HEADLINE = "示例市法治政府建设再上新台阶"
_STORY = (
    "本报讯（记者 李某 通讯员 王某）日前，示例市人民政府公布了2025年度法治政府建设情况。\n"
    "2025年全市共审查重大行政决策41项，办理行政复议案件620件，行政机关负责人出庭应诉率达98%。\n"
    "法治政府建设仍存在基层执法力量薄弱等问题。下一步，该市将持续推进法治政府建设。\n"
    "来源：示例日报\n"
)


def _document(tmp_path: Path, top: str) -> dict[str, object]:
    result = checked(tmp_path, top + _STORY)
    document: dict[str, object] = result["document"]
    return document


def test_a_news_storys_headline_is_its_title(tmp_path: Path) -> None:
    document = _document(tmp_path, _HEADLINE + "\n")
    assert document["is_report"] is False
    assert document["title"] == _HEADLINE


def test_the_headline_under_a_banner_and_over_its_byline_and_dateline(tmp_path: Path) -> None:
    """A page's banner (the unit's name), a kicker above the headline, the byline and the
    dateline under it: the headline is the title."""
    top = (
        "示例市司法局\n坚持依法行政 建设法治政府\n"
        f"{_HEADLINE}\n记者 李某 通讯员 王某\n发布时间：2026-01-05 09:30\n"
    )
    assert _document(tmp_path, top)["title"] == _HEADLINE


def test_a_byline_naming_its_paper_or_a_subtitle_is_not_the_headline(tmp_path: Path) -> None:
    """The headline above a byline that names its paper or office (示例日报记者 李某某, 通讯员
    示例县司法局宣传科) — six characters running on, as a headline's are — and above its
    ——subtitle is the title, not the last of those lines."""
    for under in (
        "示例日报记者 李某某 通讯员 王某",
        "通讯员 示例县司法局宣传科",
        "摄影：示例融媒体中心",
    ):
        assert _document(tmp_path, f"{_HEADLINE}\n{under}\n")["title"] == _HEADLINE
    top = f"{_HEADLINE}\n——示例市推进严格规范公正文明执法纪实\n"
    assert _document(tmp_path, top)["title"] == _HEADLINE


def test_a_story_with_no_headline_has_no_title(tmp_path: Path) -> None:
    """Its first line the story's first sentence, or only a unit's name above it: no title (a
    unit's name is none)."""
    assert _document(tmp_path, "")["title"] is None
    assert _document(tmp_path, "示例县人民政府办公室\n")["title"] is None


def test_a_report_with_no_title_keeps_none(tmp_path: Path) -> None:
    """A report whose title is lost, a short line of words above its text: still a report,
    still untitled (the line is no title it was given)."""
    lines = sample_text().splitlines()
    text = "\n".join(["示例县司法局法治建设工作", *lines[1:]]) + "\n"
    result = checked(tmp_path, text)
    assert result["document"]["is_report"] is True
    assert result["document"]["title"] is None
