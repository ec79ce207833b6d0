"""One document under one rubric: its facts, outline, parts and checks. No scoring: that is
grading's, so that the LLM layer's checked proposals are applied in one place."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

from fzcheck.analysis.checks import (
    Context,
    SupersededFormSpec,
    TableSumsSpec,
    part_text,
    plan_years,
    run_document_checks,
    run_part_checks,
    years_in,
)
from fzcheck.analysis.facts import Facts, attachment_blocks, attachment_title, read_facts
from fzcheck.analysis.genre import genre_score
from fzcheck.analysis.outline import Heading, Outline, build_outline, opens_a_list
from fzcheck.analysis.parts import GLUED, Found, find_parts, title_names, told_again
from fzcheck.analysis.patterns import compile_pattern, first_match, shortened
from fzcheck.analysis.rare import rare_signs_absent
from fzcheck.analysis.table_sums import (
    again_where,
    evaluate,
    second_id,
    table_results,
    with_second_tables,
)
from fzcheck.analysis.tables import TableRead, name_the_old_form, read_again, read_tables
from fzcheck.document import Document
from fzcheck.fast_patterns import fast
from fzcheck.reading.numerals import YEAR, year_value
from fzcheck.result import Check, DocumentInfo, Evidence, PartResult, TableCheck, TableResult
from fzcheck.rubric.model import Rubric
from fzcheck.stdlib_re import parser


@dataclass
class Analysis:
    """Everything the offline pass found in one document under one rubric."""

    doc: Document
    rubric: Rubric
    facts: Facts
    outline: Outline
    found: list[Found]
    parts: list[PartResult]
    checks: list[Check]  # document-level, the genre check first
    info: DocumentInfo
    tables: list[TableResult] = field(default_factory=list)

    @property
    def is_report(self) -> bool:
        return self.info.is_report


def analyse(doc: Document, rubric: Rubric) -> Analysis:
    facts = read_facts(doc, rubric.report_genre.title_subject)
    outline = build_outline(doc, facts.body_start, facts.body_end)
    year, year_source = facts.report_year, facts.report_year_source
    found = find_parts(doc, outline, rubric, year, facts.unit)
    signed = facts.signed_on
    opening_text, opened = _opening(doc, outline)
    periods = _periods(opening_text)
    opening = (*opened, *periods)  # the years it states
    if (
        year_source == "title"
        and year is not None
        and signed is not None
        and (signed.year, signed.month) <= (year, _WRITTEN_BY)
        and year - 1 in opening
        and year not in opening
        and _plan_year(doc, _plan(found)) == year
    ):
        # the title names the year it was written in (2026年法治政府建设工作报告, signed in
        # January 2026, its opening on 2025, its plan for 2026): the report is on the year
        # before (the title check says its year is off)
        year, year_source = year - 1, "plan"
        found = find_parts(doc, outline, rubric, year, facts.unit)
    if (
        year_source == "title"
        and year is not None
        and year + 1 in opening
        and year not in opening
        and _dated_after(facts, doc, year + 1)
    ):
        # the title names the year before the one the opening states (a 2024年…报告 over 统计
        # 期限自2025年1月1日…, signed in 2026): last year's title kept, the report on the year
        # its opening and its date say (the title check says the title's year is off)
        year, year_source = year + 1, "body"
        found = find_parts(doc, outline, rubric, year, facts.unit)
    if year_source in (None, "signed"):
        # no year in the title or the opening: the plan's year says which year came before it
        planned = _plan_year(doc, _plan(found))
        if planned is not None:
            year, year_source = planned - 1, "plan"
            found = find_parts(doc, outline, rubric, year, facts.unit)
    _headings_alone_missing(doc, found)
    _alone_telling_nothing(doc, found, year)
    _shared_sections_untold(doc, found, year)
    # an attachment after the signature (附件…): read for a part or a table the body lacks
    # (to the second report's title, where the file holds two: the first's attachment ends there)
    last = (facts.second_report[0] if facts.second_report else len(doc.lines)) - 1
    appendix = (
        build_outline(doc, facts.appendix_start, last) if facts.appendix_start is not None else None
    )
    if appendix is not None and any(_may_be_attached(doc, f) for f in found):
        found = _with_appendix_parts(doc, rubric, found, appendix, year, facts.unit)
    _note_an_attached_file(doc, found)
    _note_an_absent_annex(doc, found, appendix is not None)
    body = range(outline.body_start, outline.body_end + 1)
    levels = {h.line: (h.level, h.text) for h in outline.headings}
    tables = read_tables(doc, rubric.tables, body, levels) if rubric.tables else {}
    if appendix is not None and any(t.status != "read" for t in tables.values()):
        tables = _with_appendix_tables(doc, rubric, tables, appendix)
    for old in (s for s in rubric.document_checks if isinstance(s, SupersededFormSpec)):
        name_the_old_form(tables, old.from_year, old.form)  # 表头…是2021年度以前旧格式的列
    rare_absent = rare_signs_absent(doc, rubric)
    again = {
        tid: more
        for tid, t in tables.items()
        if (more := read_again(doc, t, body, levels)) is not None
    }
    sums = [spec for spec in rubric.document_checks if isinstance(spec, TableSumsSpec)]
    first_sums = {spec.id: evaluate(spec, tables) for spec in sums}
    second_sums = {spec.id: _again(spec, tables, again) for spec in sums}
    # the second tables' cells are theirs, not the first's: no narrative count held back by them
    outcomes = {
        sid: first + [c.model_copy(update={"cells": []}) for c in second_sums[sid]]
        for sid, first in first_sums.items()
    }
    ctx = Context(
        doc=doc,
        report_year=year,
        rubric=rubric,
        title=facts.title_analysis,
        published_on=doc.published_on,
        signed_on=facts.signed_on,
        signed_month=facts.signed_month,
        printed_on=facts.printed_on,
        unit=facts.unit,
        tables=tables,
        rare_absent=rare_absent,
        opening_years=opening,
        opening_periods=periods,
        title_year=facts.report_year if facts.report_year_source == "title" else None,
        year_source=year_source,
        table_outcomes=outcomes,
        second_report=facts.second_report,
    )
    checks = [run_part_checks(f, ctx) for f in found]
    own, trimmed = _paragraphs_of_their_own(doc, outline, found, year, facts.unit)
    for k in (*own, *trimmed):
        checks[k] = run_part_checks(found[k], ctx)  # its text is its paragraphs now
    _said_in_passing(doc, found, checks, own)
    parts = [
        PartResult(
            id=f.part.id,
            name=f.part.name,
            label=f.part.label,
            required=f.part.required,
            status=f.status,
            heading=(
                doc.quote(f.heading.line, f.heading.start, f.heading.end) if f.heading else None
            ),
            line=None if f.line is None else f.line + 1,
            evidence=_located(doc, f.evidence),
            checks=done,
            span=f.span,
            sections=f.section_spans,
            note=f.note,
        )
        for f, done in zip(found, checks, strict=True)
    ]
    headings = [h.text for h in outline.headings]
    # a paragraph of its own is no sign of the genre beyond its words: a news story told a part
    # a paragraph is not made a report by them
    told = [replace(p, status="embedded") if k in own else p for k, p in enumerate(parts)]
    genre = genre_score(doc, facts.title_analysis, told, rubric, headings, rare_absent)
    info = DocumentInfo(
        # a look-alike with no report's title is known by its headline (a news story's), where
        # it has one; a report with none has no title (the genre read it without one)
        title=facts.title if facts.title is not None or genre.passed else facts.headline,
        addressee=facts.addressee,
        issuer=facts.issuer,
        report_year=year,
        signed_on=facts.signed_on.isoformat() if facts.signed_on else None,
        signed_month=(
            f"{facts.signed_month[0]}-{facts.signed_month[1]:02d}"
            if facts.signed_on is None and facts.signed_month
            else None
        ),
        published_on=doc.published_on.isoformat() if doc.published_on else None,
        format=doc.format,
        encoding=doc.encoding,
        script=doc.script,
        chars=doc.chars,
        is_report=genre.passed,
        plan_year=_plan_year(doc, _plan(found), year),
        report_year_source=year_source,
        genre_score=genre.score,
        resegmented=doc.resegmented,
        ocr=doc.ocr,
        unreadable_chars=doc.unreadable,
    )
    return Analysis(
        doc=doc,
        rubric=rubric,
        facts=facts,
        outline=outline,
        found=found,
        parts=parts,
        checks=[genre.check(rubric), *run_document_checks(ctx)],
        info=info,
        tables=with_second_tables(
            table_results(tables, [c for checks in first_sums.values() for c in checks]),
            again,
            [c for checks in second_sums.values() for c in checks],
        ),
    )


def _dated_after(facts: Facts, doc: Document, year: int) -> bool:
    """Whether the report is signed (or, unsigned, published) after ``year`` ended."""
    if facts.signed_on is not None:
        return facts.signed_on.year > year
    if facts.signed_month is not None:
        return facts.signed_month[0] > year
    return doc.published_on is not None and doc.published_on.year > year


_OPENING_LINES = 6
_WRITTEN_BY = 6  # the month of its title's year a report on that year cannot be signed by


# a file a page offers for download (附件：…报告.pdf): the report itself, often
_ATTACHED_FILE = re.compile(r"[^\s:：,，。;；]{2,80}\.(?:pdf|docx?|wps|ofd)\b", re.IGNORECASE)


def _note_an_attached_file(doc: Document, found: list[Found]) -> None:
    """A page whose text holds none of the report's parts but names a document file (附件：…报告
    .pdf): each missing part's note says the report may be in that file, unread, so the
    reviewer opens it rather than taking the report for empty."""
    required = [f for f in found if f.part.required]
    if not required or any(f.status != "missing" for f in required):
        return
    m = _ATTACHED_FILE.search(doc.analysis_text)
    if m is None:
        return
    for f in found:
        if f.status == "missing" and f.note is None:
            f.note = f"报告正文可能在附件“{m.group(0)}”中，未读取：请打开附件检查"


# A section's whole text pointing elsewhere: 详见附件。 / 见附件2 / 另附
_ONLY_POINTER = re.compile(r"^(?:具体情况|有关情况)?(?:详见|见|另附|附后)[^。]{0,12}[。.]?$")
# the longest text it can be: a section's text past it is read no further
_POINTER_LONGEST = parser.parse(_ONLY_POINTER.pattern).getwidth()[1]


def _text_up_to(doc: Document, lines: range, longest: int) -> str | None:
    """The text of ``lines``, each stripped, joined; None once it is longer than ``longest``
    (a section's text is read only as far as it may still be a pointer)."""
    out: list[str] = []
    size = 0
    for i in lines:
        out.append(line := doc.analysis[i].strip())
        size += len(line)
        if size > longest:
            return None
    return "".join(out)


def _note_an_absent_annex(doc: Document, found: list[Found], annexed: bool) -> None:
    """A part's section whose text only points at an attachment (三、…情况 / 详见附件。) where
    the file holds none after its signature: the note says the part's text was not in the file
    (the heading alone counts for the part, and nothing under it was checked)."""
    if annexed:
        return
    for f in found:
        if f.status != "present" or f.note is not None or not f.sections:
            continue
        h = f.sections[0]
        body = _text_up_to(doc, range(h.line + 1, h.end_line + 1), _POINTER_LONGEST)
        if body and _ONLY_POINTER.match(body):
            f.note = f"本节正文只写“{body}”，所交文件中没有附件：请核对附件是否另行提交"


_NO_TEXT = re.compile(r"^[\W_]*$")


def _headings_alone_missing(doc: Document, found: list[Found]) -> None:
    """A part whose sections hold nothing under their headings (二、存在的不足和原因, then 三、
    at once) is missing: a heading states nothing of what the law asks the part to say. Its
    note names the heading, so the reviewer sees it was there."""
    for f in found:
        if f.status != "present" or not f.sections or not _NO_TEXT.match(part_text(doc, f)):
            continue
        if any(GLUED.search(doc.analysis[h.line], h.start) for h in f.sections):
            continue  # its statement run into it (其他需要报告的情况本年度无。: a crawled page's)
        h = f.sections[0]
        _not_counted(f, f"第{h.line + 1}行“{_heading(doc, h)}”下面没有内容，未计入")


_SENTENCES = re.compile(r"[^。;!?]+[。;!?]?")


def _sentences(doc: Document, f: Found) -> Iterator[str]:
    """The part's text sentence by sentence, as written (its line breaks kept), blank ones left
    out; read as far as the caller goes."""
    return (s for m in _SENTENCES.finditer(part_text(doc, f)) if (s := m.group(0)).strip())


def _tells_nothing(f: Found, sentence: str, year: int | None) -> bool:
    """Whether ``sentence`` is one the part's :attr:`Part.alone_tells_nothing` match."""
    return first_match(f.part.alone_tells_nothing, sentence.strip(), year) is not None


def _alone_telling_nothing(doc: Document, found: list[Found], year: int | None) -> None:
    """A part whose sections hold nothing but sentences its :attr:`Part.alone_tells_nothing`
    match (四、下一步工作打算 over 下一步，我办将认真抓好整改。 alone: helper-212's h41) is missing;
    its note names the heading and quotes what is under it."""
    for f in found:
        if not f.part.alone_tells_nothing or f.status != "present" or not f.sections:
            continue
        said = _all_telling_nothing(f, _sentences(doc, f), year)
        if not said:
            continue
        h = f.sections[0]
        start = h.end if doc.analysis[h.line][h.end :].strip(" 。.:：") else None
        first = next(
            (doc.quote(i, h.end if i == h.line else 0) for i in f.lines if i != h.line or start),
            "",
        )
        quote = shortened(first.lstrip(" 。.:：") or "".join(s.strip() for s in said), 40)
        _not_counted(
            f,
            f"第{h.line + 1}行“{_heading(doc, h)}”下面只有“{quote}”，没有写到本部分的内容，未计入",
        )


def _all_telling_nothing(f: Found, sentences: Iterator[str], year: int | None) -> list[str]:
    """``sentences``, when each tells nothing; else none (read no further than the first that
    tells something: in most parts, the first)."""
    said: list[str] = []
    for s in sentences:
        if not _tells_nothing(f, s, year):
            return []
        said.append(s)
    return said


def _shared_sections_untold(doc: Document, found: list[Found], year: int | None) -> None:
    """A part whose every section is another part's too (二、存在问题及下一步工作打算) and whose
    text there holds none of its words (the rubric's ``shared_needs``: only next year's work
    told, no shortcoming) is missing: the heading promised it, the text does not tell it."""
    owners = Counter(h.line for f in found if f.status == "present" for h in f.sections)
    for f in found:
        needs = f.part.shared_needs
        if needs is None or f.status != "present" or not f.sections:
            continue
        if any(owners[h.line] < 2 for h in f.sections):
            continue
        pattern = compile_pattern(needs, year)
        # (a promise closing it that tells nothing — 下一步，我镇将认真抓好整改落实。 after the
        # problems — is none of the part's words: helper-214's c09; one leading into 一是… is)
        told = list(_sentences(doc, f))
        while told and f.part.alone_tells_nothing and _tells_nothing(f, told[-1], year):
            told.pop()
        if pattern is None or pattern.search("".join(told)):
            continue
        h = f.sections[0]
        said = _heading(doc, h)
        _not_counted(f, f"第{h.line + 1}行“{said}”兼及本部分，但下面的内容没有写到本部分，未计入")


def _again(
    spec: TableSumsSpec, tables: dict[str, TableRead], again: dict[str, TableRead]
) -> list[TableCheck]:
    """The sums of each second table of a template (``again``), said of that table by its
    lines (the check's message names the one it fails in), each with its cells (the second
    table's, as its own result carries them: :func:`second_results`)."""
    out = []
    for tid, table in again.items():
        where = f"{again_where(table)}："
        out += [
            c.model_copy(update={"message": where + c.message, "table": second_id(tid)})
            for c in evaluate(spec, {**tables, tid: table})
            if c.table == tid
        ]
    return out


def _said_in_passing(
    doc: Document, found: list[Found], checks: list[list[Check]], told: list[int]
) -> None:
    """A part found only by a sentence inside another section, or by a paragraph of its own
    (``told``: no heading), whose text fails a check the rubric says names the part
    (``names_the_part``) is missing: 但也还存在一些不足之处。 at the end of the year's work, or
    as a paragraph alone, mentions the shortcomings, it tells none. The note quotes the
    sentence and the check's message; a section of the part's own keeps its status (its check
    fails instead: the reviewer sees the section)."""
    for k, (f, done) in enumerate(zip(found, checks, strict=True)):
        if (f.status != "embedded" and k not in told) or f.sections or not f.evidence:
            continue
        names = {spec.id for spec in f.part.checks if spec.names_the_part}
        failed = next((c for c in done if c.id in names and not c.passed), None)
        if failed is None:
            continue
        said = f.evidence[0]
        quote = shortened(said.quote, _NOTE_QUOTED)
        _not_counted(f, f"第{said.line}行“{quote}”只是一句带过，未计入（{failed.message}）")
        done.clear()


_NOTE_QUOTED = 30  # characters of a sentence a note quotes
_OPENING_SENTENCES = 2  # a part told in its paragraph's first sentences opens it
_PARAGRAPH_PARTS_MIN = 3  # required parts each opening a paragraph, for a report so written


def _paragraphs_of_their_own(
    doc: Document, outline: Outline, found: list[Found], year: int | None, unit: str | None
) -> tuple[list[int], list[int]]:
    """A report with no heading at all (a township's four paragraphs: the year's work, 同时也要
    看到…不足, 镇党委书记…亲自…, 2026年，我镇将…): a part told from the start of a paragraph no
    other part's sentence opens (the year's work: the first such paragraph) holds the
    paragraphs up to the next part's, present as a heading would make it (each had been only
    embedded, a complete report 50). So too where its only headings are points at the top
    (一是抓学习… 六是…, then 同时，我乡…还存在一些短板 / 乡党委书记… / 2026年，我乡将…: the
    paragraphs had been the last point's, embedded in it): a point is a list's item, and a
    paragraph no point opens ends the list; the points a part's paragraph leads in (…还存在一些
    不足： / 一是…) are its own. Returns the indexes of the parts made so, and of the parts
    whose text their paragraphs took away (the year's work's last points)."""
    points = outline.points_only()
    if outline.headings and not points:
        return [], []
    told = sorted(
        (f.ranges[0].start, k)
        for k, f in enumerate(found)
        if f.status == "embedded" and f.evidence and len(f.ranges) == 1
    )
    # a part first told inside the list of points, told again after it: that telling
    later = _after_the_list(doc, outline, found, points, told, year, unit) if points else {}
    told = sorted((later[k].ranges[0].start, k) if k in later else (line, k) for line, k in told)

    def quote(k: int) -> str:
        return (later.get(k) or found[k]).evidence[0].quote

    # a part's paragraph opens with it; among points, one after the list (a paragraph between
    # two points of one list, or one summing the list up, is the list's: 一是强化组织领导。/
    # 街道党工委书记亲自… / 二是…; 以上成绩的取得，得益于…)
    opening = [
        (line, k)
        for n, (line, k) in enumerate(told)
        if (
            _after_the_points(doc, outline, points, line, quote(k))
            if points
            else (n == 0 and found[k].part.themed_before_anchor) or _opens(doc, line, quote(k))
        )
    ]
    lines = [line for line, _ in opening]
    own = [(line, k) for line, k in opening if lines.count(line) == 1]  # one part opens it
    # a report's outline in paragraphs, most of its parts each opening one (the year's work
    # told as points is one): a news story or a whole year's summary opening a paragraph with
    # one part's words is no such thing
    listed = sum(f.part.required for f in found if f.status == "present" and f.line in points)
    if listed + sum(found[k].part.required for _, k in own) < _PARAGRAPH_PARTS_MIN:
        return [], []
    taken = []
    for line, k in own:
        f = found[k]
        if k in later:
            f.evidence = later[k].evidence
        # to the next paragraph a part is told in (the problems at the end of the year's work
        # stay there, embedded)
        end = next((s for s, _ in told if s > line), outline.body_end + 1)
        f.status, f.ranges, f.line, f.heading = "present", [range(line, end)], line, None
        f.note = (
            f"全文只有“一是、二是”等条目，未分节：第{line + 1}行起的段落专写此项，按独立成节计"
            if points
            else f"全文未分节：第{line + 1}行起的段落专写此项，按独立成节计"
        )
        taken.append(f.ranges[0])
    owned = {k for _, k in own}
    trimmed = []
    for k, f in enumerate(found):
        kept = _without(f.ranges, taken) if k not in owned and f.ranges else f.ranges
        if kept and kept != f.ranges:
            f.ranges = kept
            trimmed.append(k)
    return [k for _, k in own], trimmed


def _after_the_list(
    doc: Document,
    outline: Outline,
    found: list[Found],
    points: frozenset[int],
    told: list[tuple[int, int]],
    year: int | None,
    unit: str | None,
) -> dict[int, Found]:
    """The parts (by index) first told inside the list of points (一是强化组织领导 / 街道党工委
    书记亲自担任组长…, or a closing 以上成绩的取得，得益于…书记…) and told again in a paragraph of
    their own after it (街道党工委书记、办事处主任认真履行…), as found there: the paragraph may be
    the part's own (it had stayed embedded in the list, its paragraph in another part's,
    helper-193's c07–c09, b07)."""
    out = {}
    opened = {line for line, _ in told}
    for line, k in told:
        if _after_the_points(doc, outline, points, line, found[k].evidence[0].quote):
            continue
        again = told_again(found[k], doc, outline, found, year, unit, line + 1)
        there = again.ranges[0].start if again is not None and len(again.ranges) == 1 else None
        if (
            again is not None
            and there is not None
            # (another part's paragraph naming this one — 对照党政主要负责人…的要求，还存在…不足
            # — stays that part's)
            and there not in opened
            and _after_the_points(doc, outline, points, there, again.evidence[0].quote)
        ):
            out[k] = again
            opened.add(there)
    return out


def _after_the_points(
    doc: Document, outline: Outline, points: frozenset[int], line: int, quote: str
) -> bool:
    """Whether line ``line`` is a paragraph after the list of points that ``quote`` opens, no
    point's own and none summing the list up (unless the part is told where it turns from
    the sum: 以上成绩的取得，得益于…。但…仍存在以下不足：)."""
    return (
        line not in points
        and _after_a_list(outline, line)
        and not _sums_up(doc, line, quote)
        and _opens(doc, line, quote)
    )


def _sums_up(doc: Document, line: int, quote: str) -> bool:
    """Whether line ``line`` sums the points up where ``quote`` (as written) stands: it opens
    so (以上/总之…) and the quote is in that sentence, not where it turns (…。但… / …，但与要求
    相比仍存在差距)."""
    if not _SUMS_UP.match(doc.analysis[line]):
        return False
    text = doc.lines[line]
    at = text.find(quote[: _NOTE_QUOTED // 3])
    if at <= 0:  # the quote is the sentence summing up: unless it turns inside it
        return not _TURN_INSIDE.search(quote)
    return not (_SENTENCE_STOPS.search(text, 0, at) or _TURN.match(quote))


_SENTENCE_STOPS = re.compile(r"[。;!?；！？]")
_TURN = re.compile(r"\s*(?:但是?|然而|不过|同时)")
_TURN_INSIDE = re.compile(r"[，,]\s*(?:但是?|然而|不过)")


def _after_a_list(outline: Outline, line: int) -> bool:
    """Whether ``line`` (no point) stands after a list of points has ended: the next point
    after it (if any) opens a list of its own (一是: the shortcomings a lead-in's 还存在一些
    不足： leads in), where one continuing the list (三是 after 二是) makes it the list's own
    paragraph."""
    later = next((h for h in outline.headings if h.line > line), None)
    return later is None or opens_a_list(later)


# a paragraph summing up what the points told (以上成绩的取得，得益于…, 综上, 总之): the year's
_SUMS_UP = re.compile(r"^\s*(?:以上|上述|综上|总之|总的来看|总体来看|通过以上|通过上述|这些成绩)")


def _without(ranges: list[range], taken: list[range]) -> list[range]:
    """``ranges`` less the lines of ``taken``, each range cut into what is left of it."""
    out = []
    for r in ranges:
        start = r.start
        for t in sorted(taken, key=lambda t: t.start):
            if t.stop <= start or t.start >= r.stop:
                continue
            if t.start > start:
                out.append(range(start, t.start))
            start = max(start, t.stop)
        if start < r.stop:
            out.append(range(start, r.stop))
    return out


def _opens(doc: Document, line: int, quote: str) -> bool:
    """Whether ``quote`` stands in the first sentences of line ``line``."""
    text = doc.lines[line]
    at = text.find(quote[: _NOTE_QUOTED // 3])
    return at >= 0 and len(_SENTENCE_STOPS.findall(text, 0, at)) < _OPENING_SENTENCES


def _heading(doc: Document, h: Heading) -> str:
    """A heading's text as written (full-width punctuation kept), for a note to quote."""
    return doc.quote(h.line, h.start, h.end)


def _not_counted(f: Found, note: str) -> None:
    f.note = note
    f.status, f.heading, f.line, f.sections, f.evidence, f.ranges = (
        "missing",
        None,
        None,
        [],
        [],
        [],
    )


def _may_be_attached(doc: Document, f: Found) -> bool:
    """A part the body misses, or mentions only to point at an attachment (…情况见附件)."""
    return f.status == "missing" or (
        f.status == "embedded" and any("附件" in doc.analysis[e.line - 1] for e in f.evidence)
    )


def _with_appendix_parts(
    doc: Document,
    rubric: Rubric,
    found: list[Found],
    appendix: Outline,
    year: int | None,
    unit: str | None,
) -> list[Found]:
    """``found``, each part the body misses (or points to: 见附件) taken from an attachment
    after the signature that holds it (附件：党政主要负责人履行…情况, then its text): the
    attachment is part of what the unit sent, and its text is the part's. An attachment only
    named (附件：…情况（另行报送）, nothing below) holds nothing."""
    blocks = attachment_blocks(doc.analysis, appendix.body_start, appendix.body_end + 1)
    out = []
    for f, there in zip(found, find_parts(doc, appendix, rubric, year, unit), strict=True):
        block = next((b for b in blocks if there.line is not None and there.line in b), None)
        title = attachment_title(doc.analysis, block) if block is not None else None
        if (
            _may_be_attached(doc, f)
            and there.status != "missing"
            and block is not None
            and (
                title is None or not _SHEET_TITLE.search(doc.analysis[title]) or title == there.line
            )
        ):
            there.note = "见正文后的附件"
            there.ranges = [block]  # the attachment's text: the part's checks read it
            if (
                title is not None
                and there.line == title
                and _ACCOUNT_TITLE.search(doc.analysis[title])
                and "清单" not in doc.analysis[title]  # (…职责清单编制情况说明: a list's)
            ):
                # an attachment of its own telling the part (附件：党政主要负责人履行…情况); not
                # a list of what is to be done (…职责清单), whose duties are no acts
                there.status = "present"
            f = there
        elif f.status == "missing" and (titled := _titled(doc, f, blocks, year)) is not None:
            f = titled
        out.append(f)
    return out


def _titled(doc: Document, f: Found, blocks: list[range], year: int | None) -> Found | None:
    """The part from an attachment whose title names it, all its text the part's (附件 /
    2026年法治政府建设工作要点, then its points 一、…: the plan, its themes read as no year's
    work); None when no attachment's title does."""
    for block in blocks:
        title = attachment_title(doc.analysis, block)
        if (
            title is not None
            and not _SHEET_TITLE.search(doc.analysis[title])
            # the plan's attachment names the year it plans (2026年…工作要点), not a list of the
            # year's tasks (2025年…重点任务清单 / 工作安排落实台账: helper-218's v08, v09)
            and (not f.part.plan or (year is not None and str(year + 1) in doc.analysis[title]))
            and any(doc.analysis[i].strip() for i in range(title + 1, block.stop))
            and title_names(f.part, doc.analysis[title], year)
        ):
            quote = Evidence(quote=doc.quote(title), line=title + 1)
            return replace(
                f,
                status="present",
                line=title,
                evidence=[quote],
                ranges=[block],
                note="见正文后的附件",
            )
    return None


# An attachment's title telling a part (…职责情况, …情况表, …情况说明, …汇报)
_ACCOUNT_TITLE = re.compile(r"(?:情况|报告|汇报)(?:表|说明|综述)?\s*(?:\([^()]{0,20}\))?$")
# An attachment's title naming a sheet of figures (…数据统计表, …情况一览表, …表（2025年度）): its
# rows (一、行政处罚 … 二、存在问题 1.瑕疵案卷：5卷) are no report's sections, a row named as a part
# no part's text — the part the title itself names is (党政主要负责人履行…职责情况表, then the acts)
_SHEET_TITLE = re.compile(r"(?:表|统计)\s*(?:\([^()]{0,20}\))?$")


def _with_appendix_tables(
    doc: Document, rubric: Rubric, tables: dict[str, TableRead], appendix: Outline
) -> dict[str, TableRead]:
    """``tables``, each one the body does not hold (or holds only as a sentence that cannot be
    read as it) read from the attachment after the signature instead (附件：…统计表: the
    statistical tables set out there, under headings of their own)."""
    found = read_tables(
        doc,
        [t for t in rubric.tables if tables[t.id].status != "read"],
        range(appendix.body_start, appendix.body_end + 1),
        {h.line: (h.level, h.text) for h in appendix.headings},
        anywhere=True,
    )

    def better(body: TableRead, there: TableRead | None) -> TableRead:
        if there is None or there.status == "absent":
            return body
        return there if there.status == "read" or body.status == "absent" else body

    return {tid: better(t, found.get(tid)) for tid, t in tables.items()}


# A year a sentence opens with, as its subject (2024年，我县… / 2024年度，… / 2024年是…关键之年):
# not one it mentions (较2024年有明显提升, 巩固2024年度示范创建成果). The year is searched for (its
# first character is a class the engine skips to) and what stands before it looked at.
_SUBJECT_YEAR = fast(rf"{YEAR.pattern}度?\s*(?:,|是(?!否))")
_SENTENCE_OPENS = "。;!?\n"
# what will be done (将继续…, 计划…), not 将 as 把 (2025年，我局将法治建设纳入考核: done)
_AHEAD = re.compile(
    r"[^。;!?\n]{0,12}?(?:将(?![^。;!?,\n]{0,16}?(?:纳入|作为|列入|摆在|视为|当作))|计划|力争|拟|预计)"
)
_WHOLE_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*起?\s*至\s*\1\s*年\s*12\s*月\s*31\s*日"
)


def _opening(doc: Document, outline: Outline) -> tuple[str, tuple[int, ...]]:
    """The opening: its first lines, before the first heading — and where no sentence there
    opens with a year (a GIP report's preamble cites the regulation and the period only), the
    first paragraph under that heading too (一、总体情况 / 2024年，我局…): the year told there.
    With the years its sentences open with (:func:`_opened_years`), found once."""
    end = outline.headings[0].line if outline.headings else outline.body_end + 1
    lines = islice(filter(str.strip, islice(doc.analysis, outline.body_start, end)), _OPENING_LINES)
    opening = "\n".join(lines)
    opened = _opened_years(opening)
    if outline.headings and not opened:
        # (up to the next heading: a first section opening with a sub-heading has no such
        # paragraph, one further on is no opening)
        stop = outline.headings[1].line if len(outline.headings) > 1 else outline.body_end + 1
        first = next(
            (
                i
                for i in range(end + 1, stop)
                # a sentence's line: not a heading's text on the line after its number, nor a
                # page number — the same paragraph however the file was laid out
                if _SENTENCE_MARK.search(doc.analysis[i])
            ),
            None,
        )
        if first is not None:
            opening += "\n" + doc.analysis[first]
            opened = _opened_years(opening)
    return opening, opened


_SENTENCE_MARK = re.compile(r"[。,;，；]")


def _periods(opening: str) -> tuple[int, ...]:
    """The whole years ``opening`` states as the period covered (统计期限自2025年1月1日至2025年12月
    31日); a string search rules most openings out before the pattern is tried."""
    return tuple(int(m.group(1)) for m in _WHOLE_YEAR.finditer(opening)) if "月" in opening else ()


def _opened_years(opening: str) -> tuple[int, ...]:
    """The years the ``opening``'s sentences open with."""
    return tuple(
        year_value(m.group(1))
        for m in _SUBJECT_YEAR.finditer(opening)
        if (
            (before := opening[: m.start()].rstrip(" \t\u3000")) == ""
            or before[-1] in _SENTENCE_OPENS
        )
        # 2026年，我乡将…: a plan (a text with no headings closes with one), not the year told
        and not _AHEAD.match(opening, m.end())
    )


def _plan(found: list[Found]) -> Found | None:
    """The part whose year is the plan's (the rubric's ``plan: true``), if it was found."""
    return next((f for f in found if f.part.plan and f.line is not None), None)


def _located(doc: Document, evidence: list[Evidence]) -> list[Evidence]:
    """The evidence, each quote from re-segmented text with where it starts in the text as
    read."""
    if not doc.resegmented:
        return list(evidence)
    out = []
    for ev in evidence:
        if 0 < ev.line <= len(doc.lines):
            column = max(doc.lines[ev.line - 1].find(ev.quote), 0)
            line, col = doc.source_position(ev.line - 1, column)
            ev = replace(ev, source_line=line + 1, source_column=col)
        out.append(ev)
    return out


def _plan_year(doc: Document, plan: Found | None, report_year: int | None = None) -> int | None:
    """The year the plan names in its heading or first lines; with the report's year known, the
    year after it named further on too (存在的问题及下步打算, the plan's 2026年 in its second
    half), as the plan's year check reads it."""
    if plan is None:
        return None
    years = plan_years(doc, plan)[0]
    if years:
        return years[0]
    if report_year is not None and report_year + 1 in years_in(doc, plan):
        return report_year + 1
    return None
