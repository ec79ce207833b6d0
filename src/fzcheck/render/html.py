"""HTML for reviewers: one self-contained page per report, one page per batch.

Pages carry their CSS and JS inline (intranets without internet, forwarded as one file) and a
Content-Security-Policy that allows nothing external and only our own script, by hash. Report
text goes through Jinja autoescaping, so ``<script>`` in a report is shown, never run.
Templates live in ``fzcheck/templates``; jinja2 is imported only here, and only when used.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote as url_quote
from urllib.parse import unquote

from fzcheck.document import Document
from fzcheck.redact import invisible_dropped, visible
from fzcheck.render import (
    STATUS_MARK,
    all_checks,
    breakdowns,
    check_message,
    check_passed,
    checks_after_review,
    fact_label,
    fact_value,
    i18n,
    listed_checks,
    names_a_folder,
    part_labels,
    reviewed_status,
    short_names,
    within,
)
from fzcheck.render import html_view as view

if TYPE_CHECKING:
    from jinja2 import Environment

    from fzcheck.rubric import Catalog, Rubric

BATCH_PAGE_NAME = "index.html"


@lru_cache(maxsize=1)
def _env() -> Environment:
    from jinja2 import Environment, PackageLoader

    return Environment(
        loader=PackageLoader("fzcheck", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=shown,
    )


def shown(value: Any) -> Any:
    """What a page prints for ``value`` (every ``{{ … }}`` of the templates, before HTML
    escaping): a string's control characters, bidi overrides and undecodable file-name bytes as
    visible escapes (:func:`fzcheck.redact.visible`: an ESC, a BEL or a U+202E in a file name, a
    NUL in a title), a GBK file name read as such; line breaks kept. Our own markup (``|safe``,
    a macro's output) is left alone."""
    from markupsafe import Markup

    if not isinstance(value, str) or value.isprintable() or isinstance(value, Markup):
        return value  # what visible() changes is never printable: nothing to do
    if "\n" not in value:
        return visible(value)
    return "\n".join(visible(line) for line in value.split("\n"))


def _script(name: str) -> tuple[str, str]:
    """An inline script and its CSP source: only this exact text may run on the page."""
    text = _env().get_template(name).render()
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def _page(
    template: str,
    script: str | None,
    results: Sequence[Mapping[str, Any]],
    rubrics: Sequence[Rubric],
    **context: Any,
) -> str:
    """A page; its part labels come from the results, the rules it cites from their rubrics."""
    js, js_source = _script(script) if script else ("", "'none'")
    sources = list({(r.source.name, r.source.citation): r.source for r in rubrics}.values())
    return (
        _env()
        .get_template(template)
        .render(
            script=js,
            script_source=js_source,
            status_mark=STATUS_MARK,
            part_short=part_labels(results),
            part_long=part_labels(results, "name"),  # a column's tooltip: the law's name
            status_zh={s: i18n.status(s) for s in ("present", "embedded", "missing")},
            verdict_zh={
                v: i18n.verdict(v) for v in ("complete", "incomplete", "not_a_report", "error")
            },
            t=i18n.t,
            check_name=i18n.check_name,
            error_kind=i18n.error_kind,
            decision_text=i18n.decision_text,
            sources=sources,
            **context,
        )
    )


def _rubrics_of(results: Sequence[Mapping[str, Any]], rubrics: Catalog | None) -> list[Rubric]:
    if rubrics is None:  # results read back without a catalog: the bundled rubrics name them
        from fzcheck.errors import FzcheckError
        from fzcheck.rubric import Catalog

        try:
            rubrics = Catalog.load()
        except FzcheckError:
            return []
    found = [rubrics.for_result(r) for r in results]
    return list({r.id: r for r in found if r is not None}.values())


# --- report page --------------------------------------------------------------------------------


def render_report_page(
    result: dict[str, Any],
    doc: Document | None,
    *,
    rubrics: Catalog | None = None,
    index_href: str | None = None,
    links: Mapping[str, str] | None = None,
) -> str:
    """One report: facts, verdict, a panel per part and the text with spans and quotes marked.

    Without ``doc`` (results read back from JSON) the panels still show, the text does not.
    ``links`` maps other reports' paths to their pages, for copy-detection partners.
    """
    from fzcheck.cohort.stats import action

    parts: list[dict[str, Any]] = list(result.get("parts") or [])
    graded_with = _rubrics_of([result], rubrics)
    names = view.part_names(result, graded_with[0] if graded_with else None)
    colours = view.colour_index([p["id"] for p in parts])
    marks = view.TextMarks(doc.lines, doc.analysis) if doc is not None else None
    llm = view.llm_view(result)

    year = (result.get("document") or {}).get("report_year")
    panels = []
    for p in parts:
        colour = colours[p["id"]]
        evidence = []
        for i, ev in enumerate(p.get("evidence") or []):
            target = (
                marks.place(f"ev-{p['id']}-{i}", ev.get("quote", ""), ev.get("line"), colour)
                if marks
                else None
            )
            evidence.append(
                {"quote": ev.get("quote", ""), "line": ev.get("line"), "target": target}
            )
        findings = llm.parts.get(p["id"], []) if llm else []
        # as reviewed: a check the reviewer passed is among the passed, marked as theirs
        failed, _ = checks_after_review(result, p["id"])
        review = result.get("review") or {}
        # a part the machine found missing and the reviewer found: its checks never run
        unchecked = [
            {"id": key.split(".", 1)[1], "name": name}
            for key, name in (review.get("unchecked") or {}).items()
            if key.split(".", 1)[0] == p["id"]
        ]
        # …and, found missing by both so far, the checks a reviewer's 改为独立成节 here shows
        # (review.js): they are theirs to decide on this page, before any import
        pending = (
            _checks_of(graded_with[0], p["id"], year)
            if graded_with and p["status"] == "missing" and reviewed_status(result, p) == "missing"
            else []
        )
        panels.append(
            {
                "part": p,
                "status": reviewed_status(result, p),  # the reviewer's where they decided
                "within": within(result, p),  # the section an embedded part sits in
                "name": names[p["id"]],
                "colour": colour,
                "evidence": evidence,
                "failed": [_said(c) for _, c in failed],
                "passed": [
                    _said(c)
                    for _, c in all_checks(result, p["id"])
                    if check_passed(result, p["id"], c)
                ],
                "unchecked": unchecked,
                "pending": pending,
                "findings": findings,
                "flags": llm.flags_for(p["id"]) if llm else [],
                "llm_status": llm.part_status.get(p["id"]) if llm else None,
            }
        )
    if llm:
        _place_llm_quotes(llm, marks)

    spans = [
        (s["start_line"], s["end_line"], colours[p["id"]], names[p["id"]].label)
        for p in parts
        for s in (p.get("sections") or ([p["span"]] if p.get("span") else []))
    ]
    text = view.line_views(marks, spans) if marks is not None else None
    document = result.get("document") or {}
    title = document.get("title") or PurePath(str(result.get("path", ""))).name
    rubric = graded_with[0] if graded_with else None
    return _page(
        "report.html.j2",
        "review.js.j2",
        [result],
        graded_with,
        result=result,
        rubric_title=rubric.title if rubric else None,
        tables=view.table_views(result),
        document=document,
        signed_on=fact_value(document, "signed_on"),
        year_label=fact_label(result, "report_year"),
        title=title,
        panels=panels,
        # the document checks either side failed, each with the outcome as reviewed (for a
        # document that is not a report, only those that mean something for it)
        doc_checks=[
            (_said(c), check_passed(result, "document", c))
            for _, c in listed_checks(result, "document")
            if not (c.get("passed") and check_passed(result, "document", c))
        ],
        # the breakdown making up the score shown as final first (after review), then the
        # machine's, each with its heading and the score it adds up to
        breakdowns=breakdowns(result),
        llm=llm,
        text=text,
        lang="zh-Hant" if document.get("script") == "traditional" else "zh-CN",
        copies=view.copies_of(result, _copy_names(result, links)),
        links=links or {},
        index_href=index_href,
        part_ids=[p["id"] for p in parts],
        todo=action(result),  # what the desk does, as the sheets and the terminal say it
    )


def _copy_names(result: Mapping[str, Any], links: Mapping[str, str] | None) -> dict[str, str]:
    """How a report page names its copy partners: by as much of the path as tells each from
    this report, its other partners and the batch's other pages (乡镇/报告.txt)."""
    from fzcheck.render.csvfmt import copy_names

    return short_names([*copy_names([result]), *(links or {})])


def _checks_of(rubric: Rubric, part: str, year: int | None) -> list[dict[str, str]]:
    """The checks ``rubric`` runs on ``part`` of a report on ``year``: id and name."""
    spec = rubric.part(part)
    checks = spec.checks_for(year) if spec is not None else []
    return [{"id": c.id, "name": c.description} for c in checks]


def _said(check: Mapping[str, Any]) -> dict[str, Any]:
    """A check as a page shows it after its name: its message as every view words it
    (:func:`fzcheck.render.check_message`: the name not said again, the genre decision in words
    without its internal score)."""
    return {**check, "message": check_message(check)}


def _place_llm_quotes(llm: view.LlmView, marks: view.TextMarks | None) -> None:
    """Link each LLM quote to its place; a quote not in the text is marked unverified."""
    findings = [*(f for fs in llm.parts.values() for f in fs), *llm.flags, *llm.unverified]
    if marks is None:
        return  # no text to link into: the LLM layer's own ``verified`` stands
    for k, f in enumerate(findings):
        if f.quote:
            # The checker's quotes were placed first and win where both quote the same words.
            f.target = marks.place(f"llm-{k}", f.quote, f.line, None, llm=True)
        if f.target is None and f.line and f.verified and 1 <= f.line <= len(marks.lines):
            # The layer found it (its matching is looser than ours), or a flag names a line.
            f.target = view.Target(anchor=f"L{f.line}", line=f.line)
        if f.quote and f.target is None:
            f.verified = False  # nowhere in the text: cannot be what the model says it is


# --- batch page ---------------------------------------------------------------------------------


def render_batch_page(
    results: list[dict[str, Any]],
    links: dict[str, str] | None = None,
    rubrics: Catalog | None = None,
) -> str:
    """All reports in one sortable, filterable table with charts. ``links`` maps a result's
    ``path`` to the (relative) href of its report page."""
    links = links or {}
    part_ids: list[str] = []
    for r in results:
        for p in r.get("parts") or []:
            if p["id"] not in part_ids:
                part_ids.append(p["id"])
    # Optional parts (never required by the rubric) are shown muted: missing them is no fault.
    optional = {
        pid
        for pid in part_ids
        if not any(
            p["id"] == pid and p.get("required", True)
            for r in results
            for p in r.get("parts") or []
        )
    }
    from fzcheck.cohort.stats import gather
    from fzcheck.render.csvfmt import copy_names

    cohort = gather(results).to_json()
    names = copy_names(results)  # a partner named as it is told from the batch's others
    rows = [view.batch_row(r, links, names) for r in results]
    verdicts: dict[str, int] = {}
    for row in rows:
        verdicts[row.verdict] = verdicts.get(row.verdict, 0) + 1
    graded_with = _rubrics_of(results, rubrics)
    return _page(
        "batch.html.j2",
        "batch.js.j2",
        results,
        graded_with,
        rows=rows,
        part_ids=part_ids,
        colours=view.colour_index(part_ids),
        page_title="、".join(r.title for r in graded_with) or "年度报告",
        shares=view.part_shares(cohort, part_ids, part_labels(results)),
        bins=view.score_bins(cohort),
        scored=int(cohort.get("scores", {}).get("count") or 0),
        verdicts=verdicts,
        total=len(results),
        # the charts count a file held under several names once (cohort.stats.gather): the
        # rows are every file, the reports counted fewer by the files set aside, said so
        counted=int(cohort.get("reports") or 0),
        same_files=int(cohort.get("same_files") or 0),
        optional=optional,
        has_flags=any(r.flags for r in rows),
        has_copies=any(r.copies for r in rows),
        has_review=any(r.review for r in rows),
    )


# --- renderers ----------------------------------------------------------------------------------


# A page's stem, in UTF-8 bytes: a file name holds 255 on the file systems reviewers use, and
# the page adds -N.html to it (a 255-byte input name stopped the whole run, index.html too).
STEM_MAX_BYTES = 200
_SHORT_HEAD_BYTES = 120


def page_name(path: str, taken: set[str], shown: str | None = None) -> str:
    """A file name for a report's page: its input's stem — or, given ``shown``, the end of its
    path that tells it from the others' (乡镇/报告.txt → 乡镇_报告.html, not 报告-2.html) —
    made safe and unique in ``taken``."""
    # A GBK name (甲县司法局.txt in bytes, some of whose pairs happen to be UTF-8) read as such,
    # controls, bidi overrides and bytes no encoding reads dropped; then made a file name.
    stem = invisible_dropped(str(PurePath(shown).with_suffix("")) if shown else PurePath(path).stem)
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", stem).strip("._") or "report"
    stem = _short_stem(stem)
    name, n = f"{stem}.html", 2
    while name in taken or name == BATCH_PAGE_NAME:
        name, n = f"{stem}-{n}.html", n + 1
    taken.add(name)
    return name


def _short_stem(stem: str) -> str:
    """``stem`` if it fits in STEM_MAX_BYTES, else its readable start and a hash of the whole
    (two long names alike in their first characters still get pages of their own)."""
    raw = stem.encode("utf-8")
    if len(raw) <= STEM_MAX_BYTES:
        return stem
    head = raw[:_SHORT_HEAD_BYTES].decode("utf-8", "ignore")  # no character cut in two
    return f"{head}-{hashlib.sha256(raw).hexdigest()[:12]}"


def href(name: str) -> str:
    return url_quote(name, errors="replace")


class HtmlRenderer:
    """``check -f html`` with one input: that report's page. Given several, the batch page
    (without report pages; ``check`` sends several inputs to ``HtmlDirRenderer`` instead)."""

    def __init__(self, out: IO[str], rubrics: Catalog | None = None) -> None:
        self.out = out
        self.rubrics = rubrics
        self.pages: list[tuple[dict[str, Any], Document | None]] = []

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        self.pages.append((result, doc))

    def close(self) -> None:
        if len(self.pages) == 1:
            self.out.write(render_report_page(*self.pages[0], rubrics=self.rubrics))
        elif self.pages:
            self.out.write(render_batch_page([r for r, _ in self.pages], rubrics=self.rubrics))


class HtmlDirRenderer:
    """One page per report written as it is checked, then ``index.html``: the batch page."""

    def __init__(
        self, directory: Path, rubrics: Catalog | None = None, inputs: Iterable[str] = ()
    ) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.rubrics = rubrics
        self.results: list[dict[str, Any]] = []
        self.links: dict[str, str] = {}
        # A page never takes an input's name: `check DIR -o DIR/` wrote a.txt's page over a.html,
        # a report saved from a web site.
        inputs = list(inputs)
        self._taken = _names_in(directory, inputs)
        self._shown = short_names(inputs)  # 乡镇/报告.txt beside 部门/报告.txt

    def reserve(self, path: str) -> str:
        """The href of ``path``'s page, named now so pages written earlier can link to it."""
        if path not in self.links:
            self.links[path] = href(page_name(path, self._taken, self._shown.get(path)))
        return self.links[path]

    def reserve_all(self, paths: Iterable[str]) -> None:
        """Name every page at once: two inputs named alike get pages named by the folders that
        tell them apart."""
        paths = list(paths)
        self._shown = short_names(paths)
        for path in paths:
            self.reserve(path)

    def add(self, result: dict[str, Any], doc: Document | None) -> None:
        name = unquote(self.reserve(str(result.get("path", ""))))
        (self.directory / name).write_text(
            render_report_page(
                result,
                doc,
                rubrics=self.rubrics,
                index_href=href(BATCH_PAGE_NAME),
                links=self.links,
            ),
            encoding="utf-8",
            errors="replace",  # a file name not in UTF-8 is shown with ? for its odd bytes
        )
        self.results.append(result)

    def close(self) -> None:
        (self.directory / BATCH_PAGE_NAME).write_text(
            render_batch_page(self.results, self.links, self.rubrics),
            encoding="utf-8",
            errors="replace",
        )


def _names_in(directory: Path, paths: Iterable[str]) -> set[str]:
    """The names of those of ``paths`` that are files in ``directory``."""
    here = directory.resolve()
    names = set()
    for path in paths:
        with contextlib.suppress(OSError, RuntimeError):  # a broken link: nothing to keep
            if Path(path).parent.resolve() == here:  # a link's own place, not its target's
                names.add(Path(path).name)
    return names


def write_report_pages(
    results: Sequence[tuple[dict[str, Any], Document | None]],
    directory: Path,
    rubrics: Catalog | None = None,
) -> dict[str, str]:
    """Pages for many reports plus index.html in ``directory``; returns path -> href."""
    renderer = HtmlDirRenderer(directory, rubrics)
    renderer.reserve_all(str(result.get("path", "")) for result, _ in results)
    for result, doc in results:
        renderer.add(result, doc)
    renderer.close()
    return renderer.links


def output_directory(output: str | None, n_inputs: int) -> Path | None:
    """For ``check -f html``: the directory to write pages into, or ``None`` for one page to
    ``output`` (or stdout). Several reports need a directory: a page each plus index.html."""
    from fzcheck.errors import UsageError
    from fzcheck.render.i18n import t

    if output and names_a_folder(output):
        return Path(output)
    if n_inputs <= 1:
        return None
    if not output:
        raise UsageError(t("html.needs_dir", n=n_inputs))
    if Path(output).suffix.lower() in {".html", ".htm"}:
        raise UsageError(t("html.not_a_dir", n=n_inputs, output=output))
    return Path(output)
