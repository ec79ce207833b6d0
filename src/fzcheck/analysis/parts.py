"""Find the rubric's parts in a report without a model: sections first, then embedded mentions.

A top-level section whose heading matches a part's cues makes that part ``present``; unnamed
(themed) sections before the first anchor part's section count towards the parts marked
``themed_before_anchor``. A part with no
section of its own is ``embedded`` when a sub-heading or a sentence elsewhere covers it, else
``missing``. Every decision keeps the quote and line it rests on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from fzcheck.analysis.outline import Heading, Outline, rest_of
from fzcheck.analysis.patterns import (
    Finder,
    after_in_order,
    any_of,
    compile_pattern,
    first_match,
    heading_words,
    hits_outside,
    joined_across,
    mask_titles,
    rx,
)
from fzcheck.document import Document
from fzcheck.memo import per_object
from fzcheck.result import Evidence, Span, Status

if TYPE_CHECKING:
    from fzcheck.rubric.model import Part, Rubric

_SENTENCE = re.compile(r"[^。;!?]*[。;!?]?")
QUOTE_MAX = 80


@dataclass(slots=True)
class Found:
    """Where one part was found; ``ranges`` are the 0-based line ranges whose text it covers
    (one per section: two sections of one part need not be next to each other)."""

    part: Part
    status: Status = "missing"
    heading: Heading | None = None
    sections: list[Heading] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    line: int | None = None  # 0-based
    ranges: list[range] = field(default_factory=list)
    note: str | None = None

    @property
    def lines(self) -> list[int]:
        """Every covered line, in order, each once."""
        if len(self.ranges) == 1:
            return list(self.ranges[0])
        return sorted({i for r in self.ranges for i in r})

    @property
    def section_spans(self) -> list[Span]:
        return [span_of(r.start + 1, r.stop) for r in self.ranges]

    @property
    def span(self) -> Span | None:
        """First to last covered line (1-based) — for display; the text is ``lines``."""
        if len(self.ranges) <= 1:  # most parts: one section or none
            return span_of(self.ranges[0].start + 1, self.ranges[0].stop) if self.ranges else None
        return span_of(min(r.start for r in self.ranges) + 1, max(r.stop for r in self.ranges))


@lru_cache(maxsize=4096)  # spans are frozen: the same few line ranges recur in every report
def span_of(start_line: int, end_line: int) -> Span:
    return Span(start_line=start_line, end_line=end_line)


matches = first_match


@dataclass(frozen=True, slots=True)
class _Cues:
    """One part's patterns for one report year, each list joined into a single scan."""

    heading: Finder | None
    heading_not: Finder | None
    body: Finder | None  # a cue or an exclude: a line neither matches is passed over
    fallback: Finder | None  # its fallback_heading_cues
    anywhere: Finder | None  # its anywhere_cues
    sub: Finder | None  # its subheading_cues, else its heading_cues

    @classmethod
    def of(cls, part: Part, year: int | None, own: frozenset[str] = frozenset()) -> _Cues:
        """``own``: the kinds of unit (:attr:`Part.own_kinds`) the report's unit is."""
        key = (id(part), year, own)
        hit = _CUES.get(key)
        if hit is None or hit[0] is not part:  # the part is kept: its id is not reused
            if len(_CUES) >= _MAX_CUES:
                _CUES.clear()
            excludes = tuple(part.heading_excludes)
            cues = cls(
                any_of(tuple(part.heading_cues), year),
                any_of(excludes, year) if not own else _Unless(excludes, year, own),
                any_of(_scanned(part), year),
                any_of(tuple(part.fallback_heading_cues), year),
                any_of(tuple(part.anywhere_cues), year),
                any_of(tuple(part.subheading_cues or part.heading_cues), year),
            )
            hit = _CUES[key] = (part, cues)
        return hit[1]

    def anywhere_in(self, text: str) -> bool:
        """Whether ``text`` (a heading's words, a sentence) counts even where the part may
        not sit (:attr:`Part.anywhere_cues`)."""
        return self.anywhere is not None and self.anywhere.search(text) is not None

    def name(self, heading: str, masked: str, fallback: bool = False, sub: bool = False) -> bool:
        """Whether a heading names the part: one of its cues (its fallback cues, when
        ``fallback``; its sub-heading cues, when ``sub``) outside cited titles (``masked`` is the
        heading with its 《…》 blanked), none of its excludes."""
        cue = self.fallback if fallback else self.sub if sub else self.heading
        return (
            cue is not None
            and cue.search(masked) is not None
            and (self.heading_not is None or self.heading_not.search(heading) is None)
        )


# A part's joined patterns by part, report year and the kinds the unit is: the same few for
# every report of a batch.
_CUES: dict[tuple[int, int | None, frozenset[str]], tuple[Part, _Cues]] = {}
_MAX_CUES = 1024


@dataclass(frozen=True)
class _Unless:
    """Excludes tried one by one, a match naming one of ``own`` kinds of unit (its group
    ``kind``) not counted: in a school's own report 学校主要负责人 is its own head."""

    patterns: tuple[str, ...]
    year: int | None
    own: frozenset[str]

    def search(self, string: str, pos: int = 0, /) -> re.Match[str] | None:
        return first_match(self.patterns, string, self.year, pos, _names_no_kind_of(self.own))


def _names_no_kind_of(own: frozenset[str]) -> Callable[[re.Match[str]], bool]:
    """Whether an exclude's match names none of the ``own`` kinds of unit (its group ``kind``)."""
    return lambda m: m.groupdict().get("kind") not in own


def _named_own(unit: str | None) -> Callable[[re.Match[str]], bool]:
    """Whether a cue's match with a group ``own`` (where a unit named with its head ends: 医院
    in 县人民医院党委书记…) names ``unit``: the name, read back to the clause's start, has its
    characters in order in ``unit``'s (县医院 is 示例县人民医院). A match without one is kept."""

    def named(m: re.Match[str]) -> bool:
        if m.groupdict().get("own") is None:
            return True
        end = m.end("own")
        name = _CLAUSE_STOP.split(m.string[max(end - len(m.group("own")) - _OWN_NAME, 0) : end])
        return unit is not None and after_in_order(name[-1], unit) is not None

    return named


_OWN_NAME = 8  # characters a unit's name may have before the word it ends with (县人民 医院)
_CLAUSE_STOP = re.compile(r"[。,，;；:：、\s]")


def unit_keeps(
    part: Part, unit: str | None, own: frozenset[str] | None = None
) -> tuple[Callable[[re.Match[str]], bool], Callable[[re.Match[str]], bool] | None]:
    """What a match of ``part``'s cues, and of its excludes, must pass to count in ``unit``'s
    report: a cue naming a unit with its head (group ``own``) names this one; an exclude
    naming a kind of unit (group ``kind``) names none that ``unit`` is (``own``: those kinds,
    when the caller has them). The offline search and the check of a model's quote alike."""
    own = kinds_of(part, unit) if own is None else own
    return _named_own(unit), (_names_no_kind_of(own) if own else None)


def title_names(part: Part, title: str, year: int | None) -> bool:
    """Whether a title (an attachment's: 2026年法治政府建设工作要点) names the part as its
    section heading would."""
    return _Cues.of(part, year).name(title, mask_titles(title))


def rules_out(part: Part, sentence: str, year: int | None, unit: str | None) -> bool:
    """Whether the part's body excludes rule ``sentence`` out: in the part's own section what
    they say of a sentence holds too (全镇各村党组织书记亲自主持…: other units' heads; 镇党委书记
    亲自带队开展安全生产大检查: the leaders at another duty)."""
    excludes = part.excludes_for(unit)
    if not excludes or not sentence:
        return False
    _, no_kind = unit_keeps(part, unit)
    return first_match(excludes, sentence, year, keep=no_kind) is not None


def kinds_of(part: Part, unit: str | None) -> frozenset[str]:
    """The kinds of unit (:attr:`Part.own_kinds`) ``unit``'s name says it is."""
    if not unit or not part.own_kinds:
        return frozenset()
    return frozenset(kind for kind, names in part.own_kinds.items() if rx(names).search(unit))


def find_parts(
    doc: Document, outline: Outline, rubric: Rubric, year: int | None, unit: str | None = None
) -> list[Found]:
    """``unit``: whose report it is (:attr:`fzcheck.analysis.facts.Facts.unit`)."""
    found = {p.id: Found(part=p) for p in rubric.parts}
    own = {p.id: kinds_of(p, unit) for p in rubric.parts}
    cues = {p.id: _Cues.of(p, year, own[p.id]) for p in rubric.parts}
    _law_wording_ends(doc, outline, rubric.report_genre.law_headings)
    _rests_taken(doc, outline, list(cues.values()))
    masked = _masked(outline)
    body = _Body(doc, range(outline.body_start, outline.body_end + 1))
    level1 = [(h, m) for h, m in zip(outline.headings, masked, strict=True) if h.level == 1]
    # a list of points starting again under a paragraph telling a part (…还存在一些不足。 / 一是…
    # / 二是…能力不足) is that paragraph's items, none the part's own heading: the paragraph is
    items = _led_in(doc, outline, rubric, year, unit)
    may_name = _any_part_named(rubric, year)
    top = [
        (
            h,
            [
                p
                for p in rubric.parts
                if p.id not in items.get(h.line, ()) and cues[p.id].name(h.text, m)
            ]
            if may_name(m)
            else [],
        )
        for h, m in level1
    ]
    top, aside = _fallbacks(rubric, cues, top, [m for _, m in level1])
    # A top heading that names no part and holds sections that name two or more (二、政府信息
    # 公开情况 over （一）主动公开 and （二）依申请公开; 第一部分 2025年度法治政府建设情况 over 一、主要
    # 举措和成效, 二、存在的不足和原因, 三、党政主要负责人…): those are the parts' own sections, one
    # level down, and it is no themed section itself. (One such section under a theme — 三、奋力
    # 开创新局面 / （一）压实第一责任人职责 — is a plan's item, not the part's section.) So is
    # one naming only the year's work over sections naming two more, an anchor's other than the
    # plan's among them (一、2024年法治政府建设工作情况 over （一）主要举措和成效, （二）存在的不足,
    # （三）原因分析, （四）主要负责人履职情况: helper-182's d38); its other sections are the year's
    # work (see :func:`_names_the_years_parts`).
    names = dict(zip((h.line for h in outline.headings), masked, strict=True))
    grouping: dict[int, list[tuple[Heading, Part]]] = {}
    through: set[int] = set()  # containers naming the year's work: all their other sections its
    on_top = {p.id for _, parts in top for p in parts}  # named by a top heading already
    for h, parts in top:
        # (the first sub-section looked at first: most year's-work sections open with a theme)
        opens_own = bool(parts) and _opens_with_its_own(h, parts, cues, names)
        named = [
            (sub, part)
            for sub in (h.children if not parts or opens_own else [])
            if may_name(names[sub.line])
            for part in rubric.parts
            if part.id not in on_top and cues[part.id].name(sub.text, names[sub.line])
        ]
        if len({part.id for _, part in named}) < 2:
            continue
        if not parts:
            grouping[h.line] = named
        elif _names_the_years_parts(doc, named):
            grouping[h.line] = named
            through.add(h.line)
    anchor = next(
        (
            i
            for i, (h, parts) in enumerate(top)
            if any(p.anchor for p in parts) or any(p.anchor for _, p in grouping.get(h.line, []))
        ),
        len(top),
    )
    themed = [p for p in rubric.parts if p.themed_before_anchor]
    for i, (h, parts) in enumerate(top):
        if i == anchor and h.line in grouping:
            continue  # the parts' container (第一部分 over the law's 一、二、三), no theme
        for part in parts or (themed if i < anchor and h.line not in aside else []):
            _add_section(found[part.id], doc, h, "present")
    # (before the anchor a section is a theme, its sub-headings no parts' own sections: 一、坚持
    # 依法行政 over （一）依法决策成效明显 and （三）压实第一责任人职责 holds the leaders' embedded)
    for i, (h, _) in enumerate(top):
        if i == anchor and h.line in grouping:
            _themed_inside(found, doc, h, grouping[h.line], themed, h.line in through)
        if i >= anchor or not themed:
            for sub, part in grouping.get(h.line, []):
                _add_section(found[part.id], doc, sub, "present")
    _themed_last(found, doc, rubric, top, anchor)
    # A part that sits in no other part's section (no embeds_in) is looked for outside them:
    # 全年办理案件120件 in the leader's section is no achievement. (The others' cues are their own
    # words, read wherever they stand: a closing 下一步，我局将… lands in the last section.)
    for f in found.values():
        if f.status == "missing":
            barred = _barred(f, found, outline)
            _find_embedded(f, doc, outline, year, cues, masked, body, barred, own[f.part.id], unit)
    return [found[p.id] for p in rubric.parts]


def told_again(
    f: Found,
    doc: Document,
    outline: Outline,
    found: list[Found],
    year: int | None,
    unit: str | None,
    start: int,
) -> Found | None:
    """``f``'s part looked for again as a sentence from line ``start`` on, where its first
    telling stood inside a list of points (一是强化组织领导 / 街道党工委书记亲自担任组长…) and a
    paragraph after the list may be its own (街道党工委书记、办事处主任认真履行…)."""
    part = f.part
    own = kinds_of(part, unit)
    again = Found(part=part)
    body = _Body(doc, range(start, outline.body_end + 1))
    barred = _barred(f, {x.part.id: x for x in found}, outline)
    cues = {part.id: _Cues.of(part, year, own)}
    _find_embedded(again, doc, outline, year, cues, _masked(outline), body, barred, own, unit)
    return again if again.status == "embedded" and again.evidence else None


def _any_part_named(rubric: Rubric, year: int | None) -> Callable[[str], bool]:
    """Whether a heading's words (its 《…》 blanked) may name a part: one of any part's heading
    cues stands in them. One scan for all the parts, where a heading naming none (most
    sub-headings, a theme) was searched for each part's cues in turn."""
    joined = any_of(_all_heading_cues(rubric), year)
    return lambda masked: joined is not None and joined.search(masked) is not None


@per_object
def _all_heading_cues(rubric: Rubric) -> tuple[str, ...]:
    return tuple(c for p in rubric.parts for c in p.heading_cues)


def _masked(outline: Outline) -> list[str]:
    """The outline's headings as their cues are tried: words only, 《…》 titles blanked."""
    texts = [h.text for h in outline.headings]
    # one look at them all: most outlines have no glyph gap in any heading (the newlines that
    # join them are no ideographs, so a gap is one in the whole where it is in a heading)
    joined = "\n".join(texts)
    if heading_words(joined) != joined:
        texts = [heading_words(t) for t in texts]
    return [mask_titles(t) for t in texts]


def _led_in(
    doc: Document, outline: Outline, rubric: Rubric, year: int | None, unit: str | None
) -> dict[int, set[str]]:
    """The parts each point of a list starting again (points only) may not name: those the
    paragraph leading the list in tells (its words found by the part's body cues, none of its
    excludes)."""
    out: dict[int, set[str]] = {}
    for lead, points in outline.lists_again(doc):
        said = mask_titles(doc.analysis[lead])
        told = {
            p.id
            for p in rubric.parts
            if matches(p.body_cues, said, year) and not matches(p.excludes_for(unit), said, year)
        }
        for line in points:
            out[line] = told
    return out


def _opens_with_its_own(
    h: Heading, parts: list[Part], cues: dict[str, _Cues], names: dict[int, str]
) -> bool:
    """Whether ``h`` names only the year's work (``parts``, themed) and its first sub-section
    names it again, as the law orders the parts (（一）主要举措和成效, 1.工作举措): it may hold the
    law's parts (:func:`_names_the_years_parts`)."""
    if not h.children or not all(p.themed_before_anchor for p in parts):
        return False
    first = h.children[0]
    return any(cues[p.id].name(first.text, names[first.line]) for p in parts)


def _names_the_years_parts(doc: Document, named: list[tuple[Heading, Part]]) -> bool:
    """Whether a heading naming the year's work and opening with it again holds the law's
    parts as its sub-sections (``named``: those naming another part): one names an anchor part
    other than the plan whose own text says what that part's cue words look for (（二）存在的不足
    over 一是…不够及时). A run of themes is none: one holding a plan's or the problems' words
    (认真落实年度工作要点, 聚焦薄弱环节，强化…, 加强矛盾问题…排查化解) beside 压实第一责任人职责
    is work done (helper-184's, helper-185's and helper-187's reviews)."""
    return any(part.anchor and not part.plan and _states(doc, sub, part) for sub, part in named)


def _states(doc: Document, h: Heading, part: Part) -> bool:
    """Whether the text of ``h``'s section (after its heading) holds what one of ``part``'s
    cue-word checks looks for, as often as it asks."""
    text = "\n".join([doc.analysis[h.line][h.end :], *doc.analysis[h.line + 1 : h.end_line + 1]])
    for check in part.checks:
        spec: Any = check  # (checks.CueWordsSpec: parts cannot import checks)
        if (
            spec.kind == "cue_words"
            and len(hits_outside(spec.pattern, spec.not_in, text)[0]) >= spec.min
        ):
            return True
    return False


def _themed_inside(
    found: dict[str, Found],
    doc: Document,
    container: Heading,
    named: list[tuple[Heading, Part]],
    themed: list[Part],
    through: bool = False,
) -> None:
    """The sub-sections of the parts' container (第一部分 2025年度法治政府建设情况) before the
    one naming the anchor part that name no part themselves (一、健全依法决策机制 / 二、规范行政
    执法行为, then 三、存在的不足和原因): themed sections, as top sections before it are; with
    ``through`` (a container naming the year's work) those after it too."""
    for sub in container.children:
        parts = [p for s, p in named if s.line == sub.line]
        if any(p.anchor for p in parts) and not through:
            return
        if not parts:
            for part in themed:
                _add_section(found[part.id], doc, sub, "present")


def _fallbacks(
    rubric: Rubric,
    cues: dict[str, _Cues],
    top: list[tuple[Heading, list[Part]]],
    masked: list[str],
) -> tuple[list[tuple[Heading, list[Part]]], set[int]]:
    """``top`` (``masked``: each heading's text with its 《…》 blanked) with each heading that
    names no part given the parts its fallback cues name
    where no top heading names them by their own (一、基本情况 is the year's work), and the
    lines of those left aside (一、基本情况 beside 二、主要举措和成效: the unit's overview, no
    themed section of a part's either). A heading that falls back only on parts not themed
    (一、履职情况 beside 三、党政主要负责人…: the leaders') is not aside: it is a themed section
    like any other (the unit's work of the year)."""
    by = [p for p in rubric.parts if cues[p.id].fallback is not None]
    if not by or all(parts for _, parts in top):
        return top, set()  # most reports: no part has fallbacks, or every heading is named
    named = {p.id for _, parts in top for p in parts}
    out, aside = [], set()
    for (h, parts), m in zip(top, masked, strict=True):
        if not parts:
            hit = [p for p in by if cues[p.id].name(h.text, m, fallback=True)]
            parts = [p for p in hit if p.id not in named]
            if hit and not parts and any(p.themed_before_anchor for p in hit):
                aside.add(h.line)
        out.append((h, parts))
    return out, aside


# a sentence's marks on a heading's line: its statement run into it
GLUED = re.compile(r"[,。;!?]")
# what may close the law's wording in a heading (…第一责任人职责情况), and what joins it to
# more of the heading (…举措和成效及存在的不足: a merged section's, not its statement)
_LAW_CLOSE = re.compile(r"(?:的?(?:有关|相关)?情况)?")
_JOINED = re.compile(r"[及和与、暨并]|以及")


def _law_wording_ends(doc: Document, outline: Outline, law: str | None) -> None:
    """Each heading whose line runs on into a statement (二、存在的不足和原因部分执法人员能力
    不足，原因是…。: a crawled page's, its heading and first sentence one) ends where the law's
    own wording of it does: the sentence is the section's text, and its checks read it."""
    if not law:
        return
    law_rx = rx(law)
    for h in outline.headings:
        if not GLUED.search(doc.analysis[h.line], h.end):
            continue
        # the first wording no more heading joins (…举措和成效及存在的不足: the second); the
        # sentence may repeat it (…职责情况局长认真履行推进法治建设第一责任人职责，…)
        for m in law_rx.finditer(h.text):
            close = _LAW_CLOSE.match(h.text, m.end())
            cut = close.end() if close else m.end()
            if cut >= len(h.text) or h.start + cut >= h.end:
                break
            if not _JOINED.match(h.text, cut):
                h.text, h.end = h.text[:cut], h.start + cut
                break


# The rest a part's cues read a heading by: the law's own wording of a part, broken anywhere
# (主要负责人履行推进法治建设第一责任人职责情况 is 22 characters)
_REST_NAMING = 36


def _rests_taken(doc: Document, outline: Outline, cues: list[_Cues]) -> None:
    """Each top heading that names no part, with its rest on the next line when the whole names
    one (a line break typed where a heading could end: 二、2025年推进法治政府建设 / 存在的不足和
    原因): the rest is the heading's, and the section's text starts after it."""
    for h in outline.top:  # the sections a part is present as
        rest = rest_of(doc.analysis, h.line, h.end, _REST_NAMING)
        if not rest or h.text.endswith(rest):
            continue  # no rest, or taken already (an unfinished line's, a second look's)
        text = h.text + rest
        if not any(c.name(h.text, mask_titles(h.text)) for c in cues) and any(
            c.name(text, mask_titles(text)) for c in cues
        ):
            h.text = text


def _themed_last(
    found: dict[str, Found],
    doc: Document,
    rubric: Rubric,
    top: list[tuple[Heading, list[Part]]],
    anchor: int,
) -> None:
    """The last top-level section named for no part, after an anchor's and with only optional
    parts' sections after it (五、其他事项), as the part marked ``themed_last`` when that part
    alone has no section of its own (a plan under a theme)."""
    unnamed = [i for i, (_, parts) in enumerate(top) if not parts]
    if not unnamed or unnamed[-1] <= anchor:
        return
    last = unnamed[-1]
    if any(p.required for _, parts in top[last + 1 :] for p in parts):
        return
    for part in rubric.parts:
        others = [q for q in rubric.parts if q.required and q.id != part.id]
        if (
            part.themed_last
            and found[part.id].status == "missing"
            and all(found[q.id].status == "present" for q in others)
        ):
            _add_section(found[part.id], doc, top[last][0], "present")


def _barred(f: Found, found: dict[str, Found], outline: Outline) -> set[int]:
    """The lines of the other parts' sections ``f`` may not be found embedded in: all of them
    for a part with no embeds_in, none for one with it, all but its embeds_in's with
    embeds_only — and with embeds_at_end, none after the first of its embeds_in's sections or
    sub-headings (the report's closing part), or with none of those, under the last top-level
    heading."""
    if f.part.embeds_in and not f.part.embeds_only:
        return set()
    if f.part.embeds_at_end and outline.points_only():
        # a text of points alone has no sections yet (its paragraphs are given to parts
        # later): where its closing part begins is not known, and nothing is barred
        return set()
    allowed = set(f.part.embeds_in)
    end = _closing_part(found, allowed, outline) if f.part.embeds_at_end else None
    return {
        i
        for other in found.values()
        if other.status == "present" and other.part.id not in allowed
        for i in other.lines
        if end is None or i < end
    }


def _closing_part(found: dict[str, Found], allowed: set[str], outline: Outline) -> int | None:
    """The line the report's closing part starts at: the first section of an ``allowed`` part,
    or a sub-heading of one closing its section (一、…（二）短板弱项 under another numbering) —
    not one the year's work goes on after (（一）加强组织领导，压实第一责任 over （二）（三）…:
    helper-211's p18); with none, the last top-level heading."""
    starts: list[int] = []
    for x in found.values():
        if x.part.id not in allowed or not x.lines or not x.sections:
            continue
        if x.status == "present":
            starts.append(min(x.lines))
        elif x.status == "embedded":
            starts += [h.line for h in x.sections if _closes_its_section(outline, h)]
    top = outline.top
    return min(starts) if starts else top[-1].line if top else None


def _closes_its_section(outline: Outline, h: Heading) -> bool:
    """Whether no heading at ``h``'s level or above it (but the top) follows ``h`` before the
    next top-level heading: the last sub-heading of its section."""
    after = (x for x in outline.headings if x.line > h.line)
    for x in after:
        if x.level == 1:
            return True
        if x.level <= h.level:
            return False
    return True


# Sections one part lists with their quotes: a report has a handful. Past this (a crafted text
# of 660,000 一、 headings took 2 GB), a section's lines still count towards the part, joined
# to the last range; it is not listed.
MAX_SECTIONS = 200


def _add_section(f: Found, doc: Document, h: Heading, status: Status) -> None:
    """Count section ``h`` towards ``f``; the first one names the part's heading and line."""
    if f.status != status:
        f.status, f.heading, f.line = status, h, h.line
    if len(f.sections) >= MAX_SECTIONS:
        last = f.ranges[-1]
        f.ranges[-1] = range(min(last.start, h.line), max(last.stop, h.end_line + 1))
        return
    f.sections.append(h)
    f.evidence.append(Evidence(quote=doc.quote(h.line, h.start, h.end), line=h.line + 1))
    f.ranges.append(range(h.line, h.end_line + 1))


def _find_embedded(
    f: Found,
    doc: Document,
    outline: Outline,
    year: int | None,
    every: dict[str, _Cues],
    masked: list[str],
    body: _Body,
    elsewhere: Collection[int] = (),
    own: frozenset[str] = frozenset(),
    unit: str | None = None,
) -> None:
    """``every``: each part's cues, by part id; ``masked``: the outline's headings with their
    《…》 titles blanked; ``elsewhere``: lines of other parts' sections this part may not sit
    in."""
    part = f.part
    cues = every[part.id]
    # one search of the headings joined says whether any needs its own look (most do not)
    joined = joined_across(tuple(part.subheading_cues or part.heading_cues), year)
    if joined is None or joined.search("\n".join(masked)) is not None:
        for h, m in zip(outline.headings, masked, strict=True):
            # (a sub-heading of a section it may not sit in is that part's: （四）开展党政主要
            # 负责人年终述法 in the plan is next year's work)
            if (
                h.level > 1
                and (h.line not in elsewhere or cues.anywhere_in(m))
                and cues.name(h.text, m, sub=True)
                and not _cut_off_and_ruled_out(doc, h, part, year, unit)
            ):
                _add_section(f, doc, h, "embedded")
                return
    either = cues.body
    if not part.body_cues or either is None:
        return
    rejected: list[tuple[int, str, int]] = []  # line, phrase, its offset in the line
    named_own, no_kind = unit_keeps(part, unit, own)
    excludes = part.excludes_for(unit)
    for i in _lines_to_read(body, _scanned(part), year):
        # a section the part may not sit in is read too, its words noted, never counted (the
        # plan's 局长将切实履行…第一责任人职责: the reviewer is told why it is not the part)
        barred = i in elsewhere
        line = doc.analysis[i]
        for sm in _SENTENCE.finditer(line):
            # the sentence from its first word to its last: a paragraph's indent (首行缩进, as
            # Word's text copies out) kept a cue that reads the whole sentence (^…$) from it
            written = sm.group(0).strip()
            start = sm.start() + sm.group(0).find(written[:1])
            sentence = mask_titles(written)
            # one scan says whether the sentence needs each cue and exclude tried in turn
            if not sentence or either.search(sentence) is None:
                continue
            cue = matches(part.body_cues, sentence, year, keep=named_own)
            # an exclude reads the sentence as written: what it cites may say what it is about
            # (局长带头讲授《习近平法治思想学习纲要》专题党课 is on law)
            bad = matches(excludes, written, year, keep=no_kind)
            points = None
            if bad is not None and cue is not None and part.points_lead_ins:
                points = _points_after(doc, outline, i, sm.end(), part, year)
            if bad is not None and points is None:
                # an exclude may be a look at the whole sentence (no word of law in it, a
                # zero-width match): the phrase worth explaining is then the cue it discounted
                said = cue or bad
                if said.group(0):
                    rejected.append((i, said.group(0), start + said.start()))
                continue
            if cue is None:
                continue
            laid_out = points is not None and points.stop == i + 1  # announced on its line
            if (barred and not laid_out and not cues.anywhere_in(sentence)) or _lists_contents(
                _whole_sentence(doc, i, sm, body.lines), every.values()
            ):
                rejected.append((i, cue.group(0), start + cue.start()))
                continue
            end = start + len(written)
            a, b = _clip(start, end, start + cue.start(), start + cue.end(), line)
            # heading/line name the section it sits in; the evidence names the sentence's line
            f.status, f.heading = "embedded", outline.enclosing(i)
            f.line = f.heading.line if f.heading else i
            f.evidence.append(Evidence(quote=doc.quote(i, a, b), line=i + 1))
            if points is not None:
                f.ranges.append(points)
            elif _is_label(line, cue.group(0)):
                f.ranges.append(_label_block(outline, i))
            else:
                # (a part a sentence must name, names_the_part: what it announces after it is
                # read too — …还存在一些不足之处。 then 一是…; other parts read their line)
                if not line[end:].strip() and any(c.names_the_part for c in part.checks):
                    f.ranges.append(_told_after(outline, doc.analysis, i, start, part, year))
                else:
                    f.ranges.append(range(i, i + 1))
            return
    if rejected:
        # The phrase that reads most like a statement of shortcomings is the one worth explaining.
        i, text, at = max(rejected, key=lambda r: ("存在" in r[1], -r[0]))
        where = outline.enclosing(i)
        inside = f"，位于“{doc.quote(where.line, where.start, where.end)[:30]}”中" if where else ""
        quoted = doc.quote(i, at, at + len(text))  # as written, not as folded for the search
        f.note = f"第{i + 1}行“{quoted}”{inside}，未计入：它不是本报告对“{part.name}”的陈述"


# the first of the points a list opens with (一是… / （一）… / 1.… / ①…)
_FIRST_POINT = re.compile(r"\s*(?:一是|一要|[(（]?[一1１][)）、.．]|[①⑴])")
# the first point told at once after a promise that can only be what will be done (一要…)
_AT_ONCE = re.compile(r"\s*一[要是]")


def _points_after(
    doc: Document, outline: Outline, i: int, end: int, part: Part, year: int | None
) -> range | None:
    """The lines holding the points the sentence ending at ``end`` of line ``i`` leads into
    (:attr:`Part.points_lead_ins`): the next sentence, or the next line, announces them
    (重点抓好三项工作：一是… / 具体措施如下：) or is the first of them (一是… / 一要…), not
    :attr:`Part.points_not`'s; or a list starts afresh on the line after it (1.… 2.…; a list
    going on, （二） after a promise closing （一）, is not its). None when it leads into none."""
    # a section's lead leads into the section's own points (二、存在的问题 / 我们将认真加以解决。 /
    # （一）…不足): a heading alone on its line, nothing between it and the sentence
    around = outline.enclosing(i)
    if (
        around is not None
        and not around.marker.endswith("是")  # (a point of one sentence, 二是…。, leads nothing)
        and not doc.analysis[around.line][around.end :].strip(" 。.:：")
        and not any(doc.analysis[j].strip() for j in range(around.line + 1, i))
    ):
        return None
    rest = doc.analysis[i][end:].strip()
    last = i
    if rest:
        following = _SENTENCE.match(rest)
        told = following.group(0) if following else ""
        announced = _announces(part, told, year)
        if announced is None:
            return None
        if announced or rest[len(told) :].strip():
            return range(i, i + 1)  # its points on its line (…工作：一是… / 一要…；二要…)
    else:
        after = _next_text(doc, outline, i)
        line = doc.analysis[after].strip() if after is not None else ""
        headed = after is not None and any(h.line == after for h in outline.headings)
        announced = None if headed else _announces(part, line, year)  # (a heading: its list)
        if announced is not None and after is not None:
            if announced or not line.endswith((":", "：")):
                return range(i, after + 1)  # the points on the line after (主要措施：一是…)
            last = after  # 重点抓好以下几项工作： on its own line, the list below it
    items = _fresh_list(doc, outline, last, part, year)
    return None if items is None else range(i, items + 1)


def _announces(part: Part, told: str, year: int | None) -> bool | None:
    """Whether ``told`` announces the part's points (False: a lead-in closing with a colon, its
    points below; True: it is the first point, or holds them after its colon), None when it
    does neither."""
    colon = told.find(":") if ":" in told else told.find("：")
    tail = told[colon + 1 :].strip() if colon >= 0 else ""
    if _AT_ONCE.match(told) and not _points_not(part, told, year):
        return True  # 一要… / 一是… that names no shortcoming (points_not): what will be done
    if first_match(part.points_lead_ins, told, year) is None:
        return None
    return bool(tail) and _FIRST_POINT.match(tail) is not None


def _points_not(part: Part, text: str, year: int | None) -> bool:
    """Whether ``text``, a first point without its marker, is no point of the part
    (:attr:`Part.points_not`: a shortcoming, a cause, work done)."""
    no = compile_pattern(part.points_not, year) if part.points_not is not None else None
    return no is not None and no.search(_FIRST_POINT.sub("", text, count=1)) is not None


def _next_text(doc: Document, outline: Outline, i: int) -> int | None:
    """The next line after ``i`` holding text, in the body."""
    return next((j for j in range(i + 1, outline.body_end + 1) if doc.analysis[j].strip()), None)


def _fresh_list(
    doc: Document, outline: Outline, i: int, part: Part, year: int | None
) -> int | None:
    """The last line of the list starting afresh on the line after ``i`` (1.… / （一）… / 一是…,
    under a section) and not :attr:`Part.points_not`'s; None without one."""
    after = _next_text(doc, outline, i)
    items = [h for h in outline.headings if after is not None and h.line >= after]
    if not items or items[0].line != after:
        return None
    first = items[0]
    if first.level == 1 or not _FIRST_POINT.fullmatch(first.marker):
        return None  # (a text's own sections, 一、 or （一）…, are no list a promise leads into)
    if _points_not(part, doc.analysis[first.line][first.start :], year):
        return None  # (its whole line: 1.问题：…整改措施：… is a measure against it)
    last = first.end_line
    for h in items[1:]:
        if any(doc.analysis[j].strip() for j in range(last + 1, h.line)) or h.level < first.level:
            break
        if h.level == first.level and h.kind == first.kind:
            last = h.end_line
    return last


def _cut_off_and_ruled_out(
    doc: Document, h: Heading, part: Part, year: int | None, unit: str | None
) -> bool:
    """Whether ``h`` is a point whose heading was cut off mid-sentence where the law's words end
    (:func:`_law_wording_ends`) and the part's excludes rule its sentence out: 一是党政主要负责人
    履行…第一责任人职责还不够到位，… is a shortcoming (helper-186's n03). A heading its own stop
    ends (（四）存在的不足。…) is a heading whatever its paragraph says."""
    line = doc.analysis[h.line]
    if h.end >= len(line.rstrip()) or GLUED.match(line, h.end):
        return False
    return rules_out(part, line[h.start :].strip(), year, unit)


# A sentence announcing what follows (现将…、…、…报告如下; 内容包括：…): the parts it names are
# listed, not told
_ANNOUNCES = re.compile(r"(?:报告|汇报)如下|包括|如下[:：]")
_LISTED_PARTS = 3


def _whole_sentence(doc: Document, i: int, sm: re.Match[str], lines: range) -> str:
    """The sentence ``sm`` of line ``i`` with what a wrapped line (a PDF's, a page's) carries of
    it onto the line after and from the line before, 《…》 titles blanked."""
    line = doc.analysis[i]
    text = sm.group(0)
    if sm.start() == 0 and i - 1 in lines:
        before = doc.analysis[i - 1].rstrip()
        if before and not _ENDS.search(before[-1]):
            text = _ENDS.split(before)[-1] + text
    if sm.end() >= len(line.rstrip()) and not _ENDS.search(text[-1:]) and i + 1 in lines:
        text += _ENDS.split(doc.analysis[i + 1], maxsplit=1)[0]
    return mask_titles(text.strip())


_ENDS = re.compile(r"[。;!?]")


def _lists_contents(sentence: str, every: Iterable[_Cues]) -> bool:
    """Whether a sentence lists the report's contents: it announces what follows and names
    three parts or more by their headings' words (a preamble naming the leader's duty among
    the others is no statement of it)."""
    if _ANNOUNCES.search(sentence) is None:
        return False
    named = sum(1 for c in every if c.heading is not None and c.heading.search(sentence))
    return named >= _LISTED_PARTS


def _is_label(line: str, cue: str) -> bool:
    """Whether the cue is the whole line, no sentence in it (存在的不足和原因 set alone, unnumbered,
    in a numbered section): a label over the lines after it, which hold the part's text."""
    return cue.strip() == line.strip() and _SENTENCE_STOP.search(line) is None


def _label_block(outline: Outline, i: int) -> range:
    """The lines after a label at line ``i``, to the next top-level heading or the body's end,
    its items' numbered sub-headings included (the label's own words — 原因 in 存在的不足和原因
    — are no statement of the part)."""
    end = next((h.line for h in outline.top if h.line > i), outline.body_end + 1)
    return range(i + 1, end) if end > i + 1 else range(i, i + 1)


def _told_after(
    outline: Outline, lines: list[str], i: int, at: int, part: Part, year: int | None
) -> range:
    """Line ``i``, and what the sentence at ``at`` announces when it closes the line (…还存在
    一些不足之处。): the paragraphs after it up to the next heading, when the first of them reads
    as the part (its ``shared_needs`` in it: 部分乡镇执法人员短缺…), or else the points after it (一是…；
    二是…), under the section it sits in, below its level. A section's lead (一、主要举措和成效 /
    一年来…，但也存在一些不足之处。) opens the section: only its points (一是…) are what it
    announces, not the section's paragraphs nor its sub-sections ((一)…)."""
    around = outline.enclosing(i)
    # (a heading with its body on its line — （二）化解矛盾纠纷。全县… — has its lead there)
    lead = around is not None and (
        not lines[around.line][around.end :].strip(" 。.:：")
        and not any(lines[j].strip() for j in range(around.line + 1, i))
        and not lines[i][:at].strip()
    )
    level = around.level if around is not None else 1  # (never a top-level section)
    last = around.end_line if around is not None else outline.body_end
    starts = {h.line for h in outline.headings}
    end = i
    while end < last and not lines[end + 1].strip():
        end += 1
    if end < last and end + 1 not in starts:  # paragraphs: to the next heading
        needs = compile_pattern(part.shared_needs, year) if part.shared_needs else None
        if lead or needs is None or needs.search(lines[end + 1]) is None:
            return range(i, i + 1)
        while end < last and end + 1 not in starts:
            end += 1
        return range(i, end + 1)
    for h in outline.headings:  # (the blank lines before them read: they hold nothing)
        if h.line <= end:
            continue
        if h.line != end + 1 or h.level <= level or (lead and not h.marker.endswith("是")):
            break
        end = h.end_line
    return range(i, end + 1)


_SENTENCE_STOP = re.compile(r"[。;!?,]")  # the analysis view: full-width stops folded


class _Body:
    """The body's lines with their 《…》 titles blanked, and joined: made once, for every part
    that searches the body."""

    def __init__(self, doc: Document, lines: range) -> None:
        self.doc, self.lines = doc, lines
        # made on first use (plain attributes: a cached_property takes a lock on each first use)
        self._masked: list[str] | None = None
        self._text: str | None = None
        self._starts: list[int] | None = None

    @property
    def masked(self) -> list[str]:
        if self._masked is None:
            # each line from its first word: a cue reading a whole line (^…$) starts past the
            # indent
            self._masked = [mask_titles(self.doc.analysis[i].strip()) for i in self.lines]
        return self._masked

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.masked)
        return self._text

    @property
    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = list(accumulate((len(m) + 1 for m in self.masked[:-1]), initial=0))
        return self._starts


@per_object
def _scanned(part: Part) -> tuple[str, ...]:
    """The body patterns that make a sentence worth reading: the cues, and the excludes that
    look for words (a rejected phrase gets its note). An exclude that looks at the whole sentence
    (^…: no word of law in it) only judges a sentence a cue found, and as a branch of the
    joined scan it would keep the engine from skipping to the cues' first characters."""
    return (*part.body_cues, *(e for e in part.body_excludes if not e.startswith("^")))


def _lines_to_read(body: _Body, patterns: tuple[str, ...], year: int | None) -> Iterator[int]:
    """The lines, in order, on which one of ``patterns`` may match (with 《…》 titles blanked).
    A line no pattern matches holds no sentence that does. One scan over the joined lines
    finds each next one, where a search per line costs a call per line; patterns that look
    beyond their match are searched line by line."""
    if not body.lines:
        return
    joined = joined_across(patterns, year)
    if joined is not None and not _anchored(patterns) and not joined.search(body.doc.analysis_text):
        # none anywhere in the text as read (a 《》 title blanked adds no match): the body's
        # masked text, the costliest step of a search, need not be made
        return
    if joined is None:
        either = any_of(patterns, year)
        if either is not None:
            yield from (i for i, m in zip(body.lines, body.masked, strict=True) if either.search(m))
        return
    text, starts = body.text, body.starts
    pos = 0
    while (hit := joined.search(text, pos)) is not None:
        k = bisect_right(starts, hit.start()) - 1
        yield body.lines[k]
        if k + 1 == len(starts):
            return
        pos = starts[k + 1]


@lru_cache(maxsize=256)
def _anchored(patterns: tuple[str, ...]) -> bool:
    """Whether a pattern reads a line's start or end (^…, …$): on the body's lines, stripped,
    it may match where the text as read, indented, does not."""
    return any(_ANCHOR.search(p) for p in patterns)


_ANCHOR = re.compile(r"(?<!\\)(?<!\[)\^|(?<!\\)\$")


def _clip(start: int, end: int, cue_start: int, cue_end: int, line: str) -> tuple[int, int]:
    """A quote of at most QUOTE_MAX characters around the cue, within its sentence, cut at
    the start of a clause of ``line`` (the analysis view: ，folded to ,) where it is cut before
    the cue: 2025年，县委书记…, not 同意，2025年，县委书记…."""
    if end - start <= QUOTE_MAX:
        return start, end
    a = max(start, cue_start - QUOTE_MAX // 3)
    if a > start and (cut := _QUOTE_CUT.search(line, a, cue_start)) is not None:
        a = cut.end()
    return a, min(end, max(cue_end, a + QUOTE_MAX))


_QUOTE_CUT = re.compile(r"[,;:]")  # a clause ends (not 、: 县委书记、县长 is one subject)
