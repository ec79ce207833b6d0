"""A look-alike's year in the views: the year it speaks of (所涉年度), no report year (报告年度)
for a document that is no report; the JSON keeps report_year."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from fzcheck.render import fact_label, i18n, make_renderer
from fzcheck.render.html import render_report_page
from fzcheck.rubric import Catalog
from tests.helpers import checked, sample_text

_NEWS = (
    "示例市法治政府建设再上新台阶\n"
    "本报讯（记者 李某）日前，示例市人民政府公布了2025年度法治政府建设情况。\n"
    "2025年全市共审查重大行政决策41项，办理行政复议案件620件。\n"
    "下一步，该市将持续推进法治政府建设。\n"
    "来源：示例日报\n"
)


def _rendered(fmt: str, result: dict[str, Any]) -> str:
    buf = io.StringIO()
    renderer = make_renderer(fmt, buf, Catalog.load())
    if fmt == "terminal":
        from rich.console import Console

        renderer.console = Console(file=buf, width=100, color_system=None)  # type: ignore[attr-defined]
    renderer.add(result, None)
    renderer.close()
    return buf.getvalue()


@pytest.fixture
def news(tmp_path: Path) -> dict[str, Any]:
    result = checked(tmp_path, _NEWS)
    assert result["verdict"] == "not_a_report" and result["document"]["report_year"] == 2025
    return result


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_a_lookalikes_year_is_the_year_it_speaks_of(news: dict[str, Any], fmt: str) -> None:
    shown = _rendered(fmt, news)
    assert "所涉年度" in shown and "报告年度" not in shown
    assert "示例市法治政府建设再上新台阶" in shown  # its headline, as its title


def test_a_reports_year_is_its_report_year(tmp_path: Path) -> None:
    shown = _rendered("terminal", checked(tmp_path, sample_text()))
    assert "报告年度" in shown and "所涉年度" not in shown


def test_the_report_page_names_the_year_so(news: dict[str, Any], tmp_path: Path) -> None:
    page = render_report_page(news, None)
    assert "<dt>所涉年度</dt><dd>2025</dd>" in page and "报告年度" not in page
    report = render_report_page(checked(tmp_path, sample_text()), None)
    assert "<dt>报告年度</dt><dd>2025</dd>" in report


def test_the_year_is_named_as_reviewed(news: dict[str, Any]) -> None:
    """A reviewer who judged the look-alike a report after all: its year is a report year."""
    assert fact_label(news, "report_year") == "所涉年度"
    assert fact_label({**news, "review": {"verdict": "incomplete"}}, "report_year") == "报告年度"
    assert fact_label(news, "title") == "标题"


def test_the_label_in_english(news: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_lang", "en")
    assert fact_label(news, "report_year") == "year referred to"
