"""The HTML pages in headless Chromium: parts shown, evidence links scroll to the highlighted
quote, the batch table sorts and filters, and report text never runs as code.

Screenshots of a report page and a batch page go to tests/_artifacts/ for a human to look at.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from fzcheck.render.html import render_batch_page, render_report_page, write_report_pages

from .conftest import CORPUS, FIXTURES, PageEvents, check_file, corpus_reports, fixture_reports

IN_VIEW = """el => { const r = el.getBoundingClientRect();
  return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }"""
NO_CORPUS = pytest.param(
    None, marks=pytest.mark.skip(reason=f"{CORPUS} not found"), id="corpus-absent"
)


def _reports() -> list[Any]:
    corpus = [pytest.param(p, marks=pytest.mark.corpus, id=p.name[:3]) for p in corpus_reports()]
    return [*(pytest.param(p, id=p.stem) for p in fixture_reports()), *(corpus or [NO_CORPUS])]


def _open(pg: Any, path: Path) -> None:
    pg.goto(path.as_uri())
    pg.wait_for_load_state("load")


@pytest.mark.parametrize("report", _reports())
def test_report_page_parts_and_evidence_links(
    page: tuple[Any, PageEvents], tmp_path: Path, artifacts: Path, report: Path
) -> None:
    pg, events = page
    result, doc = check_file(report)
    html_path = tmp_path / "report.html"
    html_path.write_text(render_report_page(result, doc), encoding="utf-8")
    _open(pg, html_path)

    panels = pg.locator("section.panel[data-part]")
    assert panels.count() == len(result["parts"])
    for i, part in enumerate(result["parts"]):
        panel = panels.nth(i)
        assert panel.get_attribute("data-part") == part["id"]
        assert panel.get_attribute("data-status") == part["status"]
        assert panel.is_visible()
    assert pg.locator("#text .ln").count() == len(doc.lines)

    if report.name.startswith("003") or (report.stem == "complete_report" and not CORPUS.is_dir()):
        pg.screenshot(path=str(artifacts / "report-page.png"))

    links = pg.locator("a.ev[href^='#']")
    n_evidence = sum(len(p["evidence"]) for p in result["parts"])
    assert links.count() == n_evidence
    scrolled = []
    for i in range(links.count()):
        link = links.nth(i)
        target_id = link.get_attribute("data-target")
        target = pg.locator(f"[id='{target_id}']")
        pg.evaluate(
            "() => { window.scrollTo(0, 0); document.querySelector('.panels').scrollTop = 0; }"
        )
        was_in_view = target.evaluate(IN_VIEW)
        link.click()
        pg.wait_for_function("id => document.getElementById(id).matches(':target')", arg=target_id)
        pg.wait_for_function(f"() => ({IN_VIEW})(document.getElementById({target_id!r}))")
        # the quote itself is highlighted (a <mark>), with its part's colour
        if target_id.startswith("ev-"):
            _, part_id, k = target_id.split("-")
            evidence = next(p for p in result["parts"] if p["id"] == part_id)["evidence"][int(k)]
            assert target.evaluate("el => el.tagName") == "MARK"
            assert target.text_content() == evidence["quote"].strip()
            assert target.evaluate("el => el.closest('.ln').id") == f"L{evidence['line']}"
            assert pg.locator(f"#part-{part_id} a.ev[data-target='{target_id}']").count() == 1
        scrolled.append(not was_in_view)
    if pg.evaluate("document.documentElement.scrollHeight") > 3 * 800 and n_evidence > 1:
        assert any(scrolled), "no evidence link needed scrolling: the test proves nothing here"
    assert events.dialogs == [] and events.errors == []


def test_evidence_link_scrolls_far_down_a_long_report(
    page: tuple[Any, PageEvents], tmp_path: Path
) -> None:
    pg, events = page
    text = (FIXTURES / "complete_report.txt").read_text(encoding="utf-8")
    filler = "".join(
        f"（{i}）开展依法行政专题培训第{i}期，参训人员{i * 10}人次。\n" for i in range(150)
    )
    long_report = tmp_path / "long.txt"
    long_report.write_text(text.replace("\n二、", "\n" + filler + "\n二、"), encoding="utf-8")
    result, doc = check_file(long_report)
    plan = next(p for p in result["parts"] if p["id"] == "next_year_plan")
    assert plan["status"] == "present" and plan["line"] > 150
    html_path = tmp_path / "long.html"
    html_path.write_text(render_report_page(result, doc), encoding="utf-8")
    _open(pg, html_path)
    target = pg.locator("#ev-next_year_plan-0")
    assert not target.evaluate(IN_VIEW)
    pg.locator("a.ev[data-target='ev-next_year_plan-0']").click()
    pg.wait_for_function(f"() => ({IN_VIEW})(document.getElementById('ev-next_year_plan-0'))")
    assert pg.evaluate("window.scrollY") > 2000
    assert events.errors == []


def test_script_in_report_text_runs_nothing(page: tuple[Any, PageEvents], tmp_path: Path) -> None:
    pg, events = page
    result, doc = check_file(FIXTURES / "script_injection_report.txt")
    html_path = tmp_path / "inject.html"
    html_path.write_text(render_report_page(result, doc), encoding="utf-8")
    _open(pg, html_path)
    pg.wait_for_timeout(300)  # give a stray onerror or script time to fire
    assert events.dialogs == []
    text = pg.locator("#text").inner_text()
    assert "<script>alert(1)</script>" in text and '<img src=x onerror="alert(2)">' in text
    # only the page's own script (review buttons), allowed by its hash in the CSP
    scripts = pg.evaluate("() => Array.from(document.scripts).map(s => s.textContent)")
    assert len(scripts) == 1 and "fzcheck-decisions" in scripts[0]
    assert pg.locator("#text img, #text b, #text script").count() == 0
    assert events.errors == []


def _batch_results() -> list[tuple[dict[str, Any], Any]]:
    checked = [check_file(p) for p in [*fixture_reports(), *corpus_reports()]]
    # Copy detection comes from the batch command; give two reports a partner to show.
    a, b = checked[0][0], checked[1][0]
    a["copies"] = [{"part": "achievements", "other": b["path"], "similarity": 0.87}]
    b["copies"] = [{"part": "achievements", "other": a["path"], "similarity": 0.87}]
    hostile = copy.deepcopy(checked[0])
    hostile[0]["path"] = str(FIXTURES / "evil.txt")
    hostile[0]["document"]["issuer"] = "<script>alert('batch')</script>某某局"
    return [*checked, hostile]


def _column(pg: Any, index: int) -> list[str]:
    return pg.locator(f"#results tbody tr:not([hidden]) td:nth-child({index})").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))"
    )


def test_batch_page_sorts_filters_and_links(
    page: tuple[Any, PageEvents], tmp_path: Path, artifacts: Path
) -> None:
    pg, events = page
    checked = _batch_results()
    links = write_report_pages(checked, tmp_path)
    _open(pg, tmp_path / "index.html")
    rows = pg.locator("#results tbody tr")
    assert rows.count() == len(checked)
    pg.screenshot(path=str(artifacts / "batch-page.png"), full_page=True)

    score = pg.locator("#results thead th").nth(3)
    scores = sorted(float(r["score"]) for r, _ in checked)
    score.locator("button").click()
    assert score.get_attribute("aria-sort") == "ascending"
    assert [float(s) for s in _column(pg, 4)] == scores
    score.locator("button").click()
    assert score.get_attribute("aria-sort") == "descending"
    assert [float(s) for s in _column(pg, 4)] == scores[::-1]
    pg.locator("#results thead th").nth(1).locator("button").click()  # year
    years = [float(y) if y else float("-inf") for y in _column(pg, 2)]
    assert years == sorted(years) and score.get_attribute("aria-sort") == "none"

    pg.select_option("#filter-verdict", "complete")
    complete = sum(r["verdict"] == "complete" for r, _ in checked)
    assert pg.locator("#results tbody tr:not([hidden])").count() == complete
    assert pg.locator("#row-count").inner_text() == f"{complete} / {len(checked)}"
    pg.select_option("#filter-verdict", "")
    pg.fill("#filter-text", "白河区")
    assert pg.locator("#results tbody tr:not([hidden])").count() == 1
    pg.fill("#filter-text", "")
    pg.select_option("#filter-part", "problems:missing")
    missing = sum(
        any(p["id"] == "problems" and p["status"] == "missing" for p in r["parts"])
        for r, _ in checked
    )
    assert pg.locator("#results tbody tr:not([hidden])").count() == missing
    pg.select_option("#filter-part", "")

    assert "<script>alert('batch')</script>" in pg.locator("#results").inner_text()
    assert pg.locator("#chart-parts svg rect").count() > 0
    # a row links to its report page, which links back
    first_path = checked[0][0]["path"]
    pg.locator(f"#results a[href='{links[first_path]}']").first.click()
    pg.wait_for_load_state("load")
    assert pg.url.endswith(links[first_path])
    assert pg.locator("section.panel[data-part]").count() == len(checked[0][0]["parts"])
    assert events.dialogs == [] and events.errors == []


def test_batch_page_from_results_alone(page: tuple[Any, PageEvents], tmp_path: Path) -> None:
    """``fzcheck report results.jsonl -f html``: no documents, no links; still sorts."""
    pg, events = page
    results = [r for r, _ in _batch_results()]
    (tmp_path / "batch.html").write_text(render_batch_page(results), encoding="utf-8")
    _open(pg, tmp_path / "batch.html")
    pg.locator("#results thead th").nth(0).locator("button").click()
    units = pg.locator("#results tbody tr td:nth-child(1)").evaluate_all(
        "cells => cells.map(c => c.getAttribute('data-sort'))"
    )
    collated = pg.evaluate(
        "u => u.slice().sort(new Intl.Collator('zh-Hans-CN', {numeric: true}).compare)", units
    )
    assert units == collated and len(units) == len(results)
    assert pg.locator("#results a").count() == 0
    assert events.dialogs == [] and events.errors == []


def test_pages_print_on_paper(
    page: tuple[Any, PageEvents], tmp_path: Path, artifacts: Path
) -> None:
    """Reviewers print: panels unclipped above the text, controls hidden, colours kept."""
    pg, events = page
    result, doc = check_file(FIXTURES / "complete_report.txt")
    (tmp_path / "r.html").write_text(render_report_page(result, doc), encoding="utf-8")
    (tmp_path / "b.html").write_text(render_batch_page([result]), encoding="utf-8")
    pg.emulate_media(media="print")
    _open(pg, tmp_path / "r.html")
    style = pg.locator(".panels").evaluate(
        "el => [getComputedStyle(el).position, getComputedStyle(el).overflowY]"
    )
    assert style == ["static", "visible"]
    assert (
        pg.locator("#L6").evaluate(
            "el => getComputedStyle(el.querySelector('.tx')).printColorAdjust"
        )
        == "exact"
    )
    pdf = pg.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    (artifacts / "report-page.pdf").write_bytes(pdf)
    _open(pg, tmp_path / "b.html")
    assert not pg.locator(".filters").is_visible()
    assert pg.locator("#results tbody tr").count() == 1
    assert events.errors == []


def test_review_buttons_record_decisions_and_export_them(
    page: tuple[Any, PageEvents],
    tmp_path: Path,
    artifacts: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A reviewer overrules a part on the page, exports the decisions, and the CLI imports
    them: the next check shows both verdicts on the page."""
    import json
    import shutil

    from fzcheck.cli import main

    report = tmp_path / "trap.txt"
    shutil.copy(FIXTURES.parent.parent / "fixtures" / "trap_no_problems.txt", report)
    pg, events = page
    html_path = tmp_path / "trap.html"
    assert main(["check", str(report), "-o", str(html_path)]) == 1
    _open(pg, html_path)
    pg.evaluate("() => window.localStorage.clear()")
    panel = pg.locator("#part-problems")
    # the checks the machine never ran on a part it found missing: shown once it is found
    pending = panel.locator("[data-pending-for='problems']")
    assert not pending.is_visible()
    panel.locator("div.review input.review-note").fill("见第3页")
    panel.locator("div.review button[data-set='embedded']").click()
    part_box = panel.locator("div.review")
    assert part_box.locator("button[data-set='embedded']").get_attribute("aria-pressed") == "true"
    assert "已记录：改为嵌于他节（见第3页）" in part_box.locator(".review-state").inner_text()
    assert pending.is_visible() and "未核对" in pending.inner_text()
    pending.locator("[data-review-id='problems.gives_causes'] button[data-set='fail']").click()
    assert pg.locator("#review-count").inner_text() == "2"
    with pg.expect_download() as download:
        pg.click("#review-export")
    exported = tmp_path / "fzcheck-decisions.json"
    download.value.save_as(str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["decisions"][0]["set"] == "embedded" and data["decisions"][0]["note"] == "见第3页"
    assert (data["decisions"][1]["id"], data["decisions"][1]["set"]) == (
        "problems.gives_causes",
        "fail",
    )

    assert main(["review", str(report), "--import", str(exported)]) == 0
    capsys.readouterr()
    main(["check", str(report), "-o", str(html_path)])
    _open(pg, html_path)
    assert "要素齐全" in pg.locator("#human-verdict").inner_text()
    # 77.5 for the part embedded, less the causes check it failed (10 points at half credit)
    assert "72.5" in pg.locator("#human-verdict").inner_text()
    # the reviewer's conclusion is the large one; the machine's is below it, struck through
    assert pg.locator("#verdict").inner_text() == "要素齐全"
    assert pg.locator("#score").inner_text().startswith("72.5")
    assert "要素缺失 65" in pg.locator("#machine-verdict s").inner_text()
    assert "见第3页" in pg.locator("#decisions").inner_text()
    pg.screenshot(path=str(artifacts / "report-page-reviewed.png"))
    assert events.dialogs == [] and events.errors == []
