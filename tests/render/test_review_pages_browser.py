"""The review buttons on the batch's report pages, in headless Chromium: a decision recorded on
one unit's page is shown there, not on the page of a byte-identical copy another unit sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from fzcheck.cli import main
from tests.helpers import SAMPLE

from .conftest import PageEvents


def _open(pg: Any, path: Path) -> None:
    pg.goto(path.as_uri())
    pg.wait_for_load_state("load")


def _pressed(pg: Any) -> list[str]:
    buttons = pg.locator("#part-problems button[aria-pressed='true']")
    return [buttons.nth(i).get_attribute("data-set") for i in range(buttons.count())]


def test_a_decision_on_a_page_is_not_shown_on_a_copys_page(
    capsys: pytest.CaptureFixture[str], page: tuple[Any, PageEvents], tmp_path: Path
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    a, b = tmp_path / "甲" / "县甲局.txt", tmp_path / "乙" / "县乙局.txt"
    for path in (a, b):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    pages = tmp_path / "pages"
    results = tmp_path / "results.jsonl"
    args = [str(a.parent), str(b.parent), "-o", str(results), "--summary", "none"]
    assert main(["batch", *args, "--html", str(pages)]) == 0
    capsys.readouterr()
    page_of = {
        name: next(p for p in pages.glob("*.html") if name in p.name)
        for name in ("县甲局", "县乙局")
    }

    pg, events = page
    _open(pg, page_of["县甲局"])
    pg.evaluate("() => window.localStorage.clear()")
    pg.locator("#part-problems button[data-set='missing']").click()
    assert _pressed(pg) == ["missing"]
    _open(pg, page_of["县乙局"])
    # recorded, in this browser (its store may reach a new page a moment after it loads)
    pg.wait_for_function("() => document.getElementById('review-count').textContent === '1'")
    assert _pressed(pg) == []  # but about the other unit's report
    _open(pg, page_of["县甲局"])
    assert _pressed(pg) == ["missing"]
    assert events.dialogs == [] and events.errors == []


def test_a_decision_recorded_on_one_page_updates_the_count_on_another_open_page(
    capsys: pytest.CaptureFixture[str], page: tuple[Any, PageEvents], tmp_path: Path
) -> None:
    """Two reports' pages open side by side: a decision recorded on one shows in the other's
    count at once (the store's storage event), without reloading it."""
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("县甲局", "县乙局"):
        (tmp_path / f"{name}.txt").write_text(text.replace("示例县司法局", name), encoding="utf-8")
    pages = tmp_path / "pages"
    args = [str(tmp_path / "县甲局.txt"), str(tmp_path / "县乙局.txt")]
    assert main(["batch", *args, "-o", str(tmp_path / "r.jsonl"), "--html", str(pages)]) == 0
    capsys.readouterr()
    pg, events = page
    other = pg.context.new_page()
    _open(pg, next(pages.glob("*县甲局*.html")))
    pg.evaluate("() => window.localStorage.clear()")
    _open(other, next(pages.glob("*县乙局*.html")))
    assert other.locator("#review-count").inner_text() == "0"
    pg.locator("#part-problems button[data-set='missing']").click()
    other.wait_for_function("() => document.getElementById('review-count').textContent === '1'")
    assert events.dialogs == [] and events.errors == []
