"""The HTML pages as markup: escaping, self-containment, what each page shows. No browser."""

from __future__ import annotations

import base64
import copy
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from fzcheck.render.html import (
    href,
    page_name,
    render_batch_page,
    render_report_page,
    write_report_pages,
)
from fzcheck.result import RubricRef, error_result

from .conftest import FIXTURES, REPO, check_file

COMPLETE = FIXTURES / "complete_report.txt"
INJECTION = FIXTURES / "script_injection_report.txt"
HTML_REPORT = REPO / "tests" / "fixtures" / "page.html"


class Markup(HTMLParser):
    """Tags with their attributes, and the text of <script> and <style> elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def ids(self) -> set[str]:
        return {a["id"] for _, a in self.tags if a.get("id")}

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


@pytest.fixture(scope="module")
def complete() -> tuple[dict[str, Any], Any]:
    return check_file(COMPLETE)


@pytest.fixture(scope="module")
def injection() -> tuple[dict[str, Any], Any]:
    return check_file(INJECTION)


def test_report_text_with_markup_is_escaped(injection: tuple[dict[str, Any], Any]) -> None:
    html = render_report_page(*injection)
    m = Markup(html)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not m.find("img") and not m.find("b")  # the report's tags are text, not elements
    # the page's only script is its own (the review buttons), never the report's
    assert len(m.scripts) == 1 and "fzcheck-decisions" in m.scripts[0]


def test_batch_page_escapes_fields(complete: tuple[dict[str, Any], Any]) -> None:
    result = copy.deepcopy(complete[0])
    result["document"]["issuer"] = "<script>alert(3)</script>"
    result["path"] = 'x"><img src=y onerror=alert(4)>.txt'
    html = render_batch_page([result])
    assert "<script>alert(3)" not in html and "<img src=y" not in html
    assert not Markup(html).find("img")


def test_pages_load_nothing_external(complete: tuple[dict[str, Any], Any]) -> None:
    for html in (render_report_page(*complete), render_batch_page([complete[0]])):
        m = Markup(html)
        assert not m.find("link") and not m.find("iframe") and not m.find("img")
        assert all(not a.get("src") for _, a in m.tags)
        assert all((a.get("href") or "#").startswith("#") for t, a in m.tags if t == "a")
        assert "@import" not in html and "url(" not in html
        csp = m.find("meta", **{"http-equiv": "Content-Security-Policy"})
        assert csp and "default-src 'none'" in (csp[0]["content"] or "")


def test_batch_script_is_allowed_by_its_hash_only(complete: tuple[dict[str, Any], Any]) -> None:
    m = Markup(render_batch_page([complete[0]]))
    (script,) = m.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    csp = m.find("meta", **{"http-equiv": "Content-Security-Policy"})[0]["content"] or ""
    assert f"script-src 'sha256-{digest}'" in csp


def test_report_page_has_a_panel_per_part(complete: tuple[dict[str, Any], Any]) -> None:
    result, doc = complete
    m = Markup(render_report_page(result, doc))
    panels = [a for t, a in m.tags if t == "section" and a.get("data-part")]
    assert [(a["data-part"], a["data-status"]) for a in panels] == [
        (p["id"], p["status"]) for p in result["parts"]
    ]
    assert len(m.find("div", **{"class": "ln tinted pc0"})) > 0  # achievements span is tinted
    assert len([a for t, a in m.tags if t == "div" and a.get("id", "").startswith("L")]) == len(
        doc.lines
    )


def test_every_evidence_link_points_at_a_mark_in_the_text(
    complete: tuple[dict[str, Any], Any], injection: tuple[dict[str, Any], Any]
) -> None:
    for result, doc in (complete, injection):
        m = Markup(render_report_page(result, doc))
        links = [a["href"] for t, a in m.tags if t == "a" and "ev" in (a.get("class") or "")]
        assert len(links) == sum(len(p["evidence"]) for p in result["parts"]) > 0
        marks = {a["id"] for a in m.find("mark")}
        assert {h[1:] for h in links} <= marks


def test_text_is_shown_as_in_the_original(complete: tuple[dict[str, Any], Any]) -> None:
    result, doc = complete
    html = render_report_page(result, doc)
    # The marked-up line reads back as the original once tags and labels are removed.
    row = re.search(r'<div class="ln[^"]*" id="L6">.*?<span class="tx">(.*?)</span></div>', html)
    assert row
    text = re.sub(r'<span class="tag[^>]*>.*?</span>', "", row.group(1))
    assert re.sub(r"<[^>]+>", "", text) == doc.lines[5]


def test_report_without_document_or_llm_renders(complete: tuple[dict[str, Any], Any]) -> None:
    result, _ = complete
    html = render_report_page({**result, "llm": None}, None)
    assert "原文未随结果保存" in html and 'id="llm"' not in html
    err = error_result(
        "missing.txt",
        "not_found",
        "no such file",
        rubric=RubricRef(id="fazhi-annual", version="1.0"),
    ).to_json()
    html = render_report_page(err, None)
    assert "找不到该文件" in html and "无法读取" in html
    # nothing was read: no parts nor quotes to point at (要素与引文见左侧 pointed at nothing)
    assert "见左侧" not in html and "没有原文可显示" in html


def _llm(doc: Any) -> dict[str, Any]:
    """``result.llm`` in the shape fzcheck.llm.merge writes."""
    quote = doc.lines[11][:10]  # a real quote from the problems section
    return {
        "model": "test-model",
        "endpoint_host": "127.0.0.1",
        "mode": "tools",
        "prompt_hash": "sha256:0",
        "schema_hash": "sha256:0",
        "summary": "总体齐全。",
        "parts": [
            {
                "id": "problems",
                "status": "present",
                "sections": [],
                "findings": [
                    {
                        "problem": "执法人员素质不高",
                        "cause": "培训不够系统",
                        "quote": quote,
                        "line": 12,
                        "verified": True,
                    }
                ],
            }
        ],
        "flags": [
            {
                "part": "achievements",
                "kind": "no_figures",
                "reason": "模型编造的引文",
                "quote": "这句话原文里没有",
                "line": None,
                "verified": False,
                "by": "model",
            },
            {
                "part": "leader_duties",
                "kind": "generic",
                "reason": "未写明会议议题",
                "quote": "亲自主持召开政府常务会议",
                "line": 15,
                "verified": True,
                "by": "model",
            },
            {
                "part": None,
                "kind": "instruction",
                "reason": "像是写给审阅程序的指令",
                "quote": "",
                "line": 3,
                "verified": True,
                "by": "code",
            },
        ],
        "unverified": 1,
        "disagreements": [
            {
                "part": "problems",
                "offline": "present",
                "llm": "embedded",
                "outcome": "kept_offline",
                "reason": "offline decides",
            }
        ],
        "error": None,
    }


def test_llm_findings_link_to_the_text_and_unverified_ones_are_marked(
    complete: tuple[dict[str, Any], Any],
) -> None:
    result, doc = complete
    html = render_report_page({**result, "llm": _llm(doc)}, doc)
    m = Markup(html)
    findings = [a for t, a in m.tags if t == "div" and "finding" in (a.get("class") or "")]
    # panel order: achievements' flag, problems' finding, leader_duties' flag, then the loose flag
    assert [f["data-verified"] for f in findings] == ["false", "true", "true", "true"]
    links = [a["href"] for t, a in m.tags if t == "a" and a.get("class") == "q"]
    marks = {a["id"] for a in m.find("mark", **{"class": "llm-q"})}
    assert len(links) == 3 and {h[1:] for h in links[:2]} == marks and links[2] == "#L3"
    assert "原因：培训不够系统" in html and "1 条模型引文未能在原文中核实" in html
    assert "保留离线结论" in html and m.find("section", id="llm")


@pytest.mark.parametrize(
    "llm",
    [
        {},
        {"parts": {"problems": "笼统"}},
        {"parts": [None, {"id": "x"}], "flags": ["一句"]},
        {"error": {"kind": "timeout", "message": "gave up"}, "unverified": 3},
    ],
)
def test_unexpected_llm_shapes_render(
    complete: tuple[dict[str, Any], Any], llm: dict[str, Any]
) -> None:
    result, doc = complete
    assert 'id="llm"' in render_report_page({**result, "llm": llm}, doc)


def test_batch_page_rows_charts_and_copy_partners(
    complete: tuple[dict[str, Any], Any], injection: tuple[dict[str, Any], Any]
) -> None:
    a, b = copy.deepcopy(complete[0]), copy.deepcopy(injection[0])
    a["copies"] = [{"other": b["path"], "part": "achievements", "similarity": 0.91}]
    html = render_batch_page([a, b], links={a["path"]: "a.html", b["path"]: "b.html"})
    m = Markup(html)
    rows = [x for t, x in m.tags if t == "tr" and x.get("data-verdict")]
    assert [r["data-verdict"] for r in rows] == ["complete", "incomplete"]
    assert [x["href"] for x in m.find("a")] == ["a.html", "b.html", "b.html"]  # unit, partner, unit
    assert "91%" in html
    # problems is missing in one report of two
    assert re.search(r"存在不足</text>.*?50% ✗", html, re.DOTALL)
    # a part's column is explained by the law's name for it, not its id (achievements)
    heads = {x["title"] for t, x in m.tags if t == "th" and "part-head" in x.get("class", "")}
    assert "存在的不足和原因" in heads and not heads & {"achievements", "problems"}
    # what the desk does, as the sheets say it: the incomplete report goes back; the page of
    # a report sent back says so under its score (no view of the pages said it)
    actions = [x.get("title", "") for t, x in m.tags if t == "td" and "title" in x]
    assert any(a == "退回修改" for a in actions)
    assert "处理建议" in html
    page = render_report_page(b, injection[1])
    assert re.search(r'id="action">处理建议：<span class="todo">退回修改</span>', page)


def test_page_names_are_unique_and_safe() -> None:
    taken: set[str] = set()
    names = [page_name(p, taken) for p in ("a/报告.txt", "b/报告.txt", "index.txt", "x y?.pdf")]
    assert names == ["报告.html", "报告-2.html", "index-2.html", "x_y.html"]
    # an ESC, a BEL, an RTL override in a submission's name stay out of the names written
    odd = (
        page_name("esc\x1b]0;pwned\x07\x1b[2J.txt", taken),
        page_name("rtl\u202etxt.exe.txt", taken),
    )
    assert odd == ("esc]0;pwned[2J.html", "rtltxt.exe.html")


def test_a_page_for_a_name_of_255_bytes_fits_in_a_file_name() -> None:
    """报 × 84 + .md is 255 bytes, the most a name holds: its page (.html, -2) would not fit."""
    taken: set[str] = set()
    long = "报" * 84
    names = [page_name(f"{d}/{long}{tail}", taken) for d in "ab" for tail in (".md", "x.md")]
    assert len(set(names)) == 4
    assert all(len(n.encode()) <= 255 and n.startswith("报" * 40) for n in names)
    assert names[0] != names[1]  # the same start, different names: different hashes


def test_write_report_pages_links_copies_both_ways(
    tmp_path: Path, complete: tuple[dict[str, Any], Any], injection: tuple[dict[str, Any], Any]
) -> None:
    a, b = copy.deepcopy(complete), copy.deepcopy(injection)
    a[0]["copies"] = [{"part": "achievements", "other": b[0]["path"], "similarity": 0.8}]
    links = write_report_pages([a, b], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "complete_report.html",
        "index.html",
        "script_injection_report.html",
    ]
    page_a = (tmp_path / "complete_report.html").read_text(encoding="utf-8")
    assert f'href="{links[b[0]["path"]]}"' in page_a  # written before b's page existed
    assert 'href="index.html"' in page_a
    assert re.search(r"举措成效\s*· 相似度 80%", page_a)


def _fzcheck(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fzcheck", *args],
        cwd=cwd,
        check=False,
        text=True,
        capture_output=True,
        timeout=120,
    )


def test_check_cli_writes_one_page_or_a_directory(tmp_path: Path) -> None:
    one = _fzcheck(
        "check", str(COMPLETE), "-f", "html", "-o", str(tmp_path / "p.html"), cwd=tmp_path
    )
    assert one.returncode == 0, one.stderr
    assert (tmp_path / "p.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    several = _fzcheck(
        "check", str(FIXTURES), "-f", "html", "-o", str(tmp_path / "out"), cwd=tmp_path
    )
    assert several.returncode == 1, several.stderr  # one fixture is incomplete
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "complete_report.html",
        "index.html",
        "script_injection_report.html",
    ]

    no_dir = _fzcheck("check", str(FIXTURES), "-f", "html", cwd=tmp_path)
    assert no_dir.returncode == 2 and "-o DIR" in no_dir.stderr


def test_a_long_input_name_gets_its_page_and_the_batch_page(tmp_path: Path) -> None:
    """One name of 255 bytes stopped `check DIR -f html -o DIR/` with 'File name too long' and
    no index.html; `batch --html` too."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / ("报" * 84 + ".md")).write_bytes(COMPLETE.read_bytes())
    (inputs / "b.txt").write_bytes(COMPLETE.read_bytes())
    check = _fzcheck("check", str(inputs), "-f", "html", "-o", f"{inputs}/", cwd=tmp_path)
    batch = _fzcheck(
        "batch", str(inputs), "-o", "r.jsonl", "--html", "pages", "--summary", "none", cwd=tmp_path
    )
    for run, pages in ((check, inputs), (batch, tmp_path / "pages")):
        assert run.returncode == 0, run.stderr
        long_page = list(pages.glob("报*.html"))
        assert len(long_page) == 1 and (pages / "b.html").exists()
        index = (pages / "index.html").read_text(encoding="utf-8")
        assert f'href="{href(long_page[0].name)}"' in index


def test_pages_written_into_the_folder_checked_leave_its_reports_alone(tmp_path: Path) -> None:
    """a.txt's page is a.html: written into the folder checked, it replaced the a.html there,
    a report saved from a web site (and a.html's own page did too)."""
    (tmp_path / "a.txt").write_bytes(COMPLETE.read_bytes())
    saved = tmp_path / "a.html"
    saved.write_bytes(HTML_REPORT.read_bytes())
    run = _fzcheck("check", str(tmp_path), "-f", "html", "-o", f"{tmp_path}/", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert saved.read_bytes() == HTML_REPORT.read_bytes()
    assert {"a-2.html", "a-3.html", "index.html"} <= {p.name for p in tmp_path.iterdir()}


def test_report_page_from_the_llm_layers_real_output(complete: tuple[dict[str, Any], Any]) -> None:
    """Contract with fzcheck.llm.merge: its ``llm`` object renders with links and marks."""
    merge = pytest.importorskip("fzcheck.llm.merge")
    from fzcheck.llm.schemas import review_model
    from fzcheck.llm.verify import QuoteIndex
    from fzcheck.pipeline import check_source
    from fzcheck.result import LLMInfo
    from fzcheck.rubric import Catalog

    graded = check_source(str(COMPLETE), Catalog.load())
    assert graded.analysis is not None
    doc = graded.analysis.doc
    part = {"status": "present", "sections": []}
    review = review_model(graded.analysis.rubric).model_validate(
        {
            "achievements": part,
            "problems": part,
            "leader_duties": part,
            "next_year_plan": part,
            "other": {"status": "missing"},
            "summary": "齐全。",
            "achievements_items": [],
            "leader_duties_items": [],
            "next_year_plan_items": [],
            "problems_items": [
                {
                    "quote": "行政执法人员专业素质不够高",
                    "problem": "素质不高",
                    "cause": "培训不够系统",
                }
            ],
            "flags": [
                {
                    "quote": "全面推进依法行政并取得辉煌成就",
                    "part": "achievements",
                    "kind": "generic",
                    "reason": "套话",
                }
            ],
        }
    )
    index = QuoteIndex.from_document(doc)
    base = LLMInfo(
        model="m", endpoint_host="127.0.0.1", mode="tools", prompt_hash="p", schema_hash="s"
    )
    info = merge.review_to_info(review, index, base, graded.analysis.rubric)
    graded.apply_llm(info, merge.propose(graded.analysis, info, index))
    data = graded.result.to_json()
    m = Markup(render_report_page(data, doc))
    findings = {
        a["data-verified"] for t, a in m.tags if t == "div" and "finding" in (a.get("class") or "")
    }
    assert findings == {"true", "false"}  # the invented flag quote is marked unverified
    assert m.find("mark", **{"class": "llm-q"})  # the verified finding is marked in the text


def test_batch_chart_counts_what_the_cohort_view_counts() -> None:
    """Shares are of readable annual reports: a work plan does not make every part 50% missing."""
    from fzcheck.cohort.stats import gather
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog
    from tests.helpers import FIXTURES, SAMPLE

    results = [
        check_path(str(p), Catalog.load()).to_json() for p in (SAMPLE, FIXTURES / "work_plan.txt")
    ]
    html = render_batch_page(results)
    cohort = gather(results).to_json()
    assert next(p for p in cohort["parts"] if p["part"] == "problems")["missing_share"] == 0
    assert re.search(r"存在不足</text>.*?0% ✗", html, re.DOTALL)
    assert not re.search(r"存在不足</text>.*?50% ✗", html, re.DOTALL)


def test_undecodable_characters_are_pointed_out(complete: tuple[dict[str, Any], Any]) -> None:
    result, doc = complete
    assert 'id="fact-unreadable"' not in render_report_page(result, doc)
    damaged = {**result, "document": {**result["document"], "unreadable_chars": 3}}
    html = render_report_page(damaged, doc)
    assert 'id="fact-unreadable"' in html and "3处文字无法解码" in html


def test_line_views_and_quote_places_match_the_plain_reading() -> None:
    """The page's line colours and quote marks, found in one pass (a page of 60,000 lines was
    quadratic: minutes), are those a look at every span and every line gives."""
    import random

    from fzcheck.render.html_view import TextMarks, line_views

    rng = random.Random(7)
    lines = [f"第{n}行" + "法治" * rng.randint(0, 3) + "建设" * (n % 5 == 0) for n in range(1, 401)]
    spans = []
    for k in range(60):
        a = rng.randint(1, 400)
        spans.append((a, min(400, a + rng.randint(0, 60)), k % 7, f"s{k}"))
    views = line_views(TextMarks(lines), spans)
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    for n, view in enumerate(views, 1):
        covering = sorted(
            (s for s in ordered if s[0] <= n <= s[1]), key=lambda s: s[1] - s[0], reverse=True
        )
        assert view.colours == [s[2] for s in covering]
        assert view.starts == [(s[2], s[3]) for s in ordered if s[0] == n]
    marks = TextMarks(lines)
    assert marks._find("第7行", 7) == (7, 0, 3)
    assert marks._find("第7行", 9) == (7, 0, 3)  # not on line 9: where it first stands
    assert marks._find("建设", None) == (5, lines[4].index("建设"), lines[4].index("建设") + 2)
    assert marks._find("不在文中", 3) is None
    assert marks._find("第1行\n第2行", None) == (1, 0, 3)  # marked on its first line's text


def test_a_page_of_sixty_thousand_headings_is_written() -> None:
    from fzcheck.render.html_view import TextMarks, line_views

    lines = ["一、"] * 60_000
    marks = TextMarks(lines)
    for n in range(1, 60_000, 13):
        marks.place(f"q{n}", "一、", n, 1)
    views = line_views(marks, [(n, n, 1, f"h{n}") for n in range(1, 60_001)])
    assert len(views) == 60_000 and views[-1].colours == [1]


def test_pages_of_inputs_named_alike_are_named_by_their_folders(tmp_path: Path) -> None:
    """乡镇/报告.txt and 部门/报告.txt made 报告.html and 报告-2.html: which was which took opening
    them. Named all at once, each page is named by the folder that tells it apart."""
    from fzcheck.render.html import HtmlDirRenderer

    renderer = HtmlDirRenderer(tmp_path / "pages")
    renderer.reserve_all(["in/乡镇/报告.txt", "in/部门/报告.txt", "in/县司法局.txt"])
    assert sorted(unquote(h) for h in renderer.links.values()) == [
        "乡镇_报告.html",
        "县司法局.html",
        "部门_报告.html",
    ]
