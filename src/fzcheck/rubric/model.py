"""What a rubric file may say. A rubric is a report type: its parts, their roles and cues, the
checks on them, how to recognise the type, and what the model is asked. Unknown keys are
errors, so a typo never silently does nothing."""

from __future__ import annotations

import hashlib
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from fzcheck.analysis.checks import DocumentCheck, PartCheck
from fzcheck.analysis.patterns import Regex, rx
from fzcheck.render.i18n import t

if TYPE_CHECKING:
    from fzcheck.result import RubricRef

ID = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PublishBy(_Strict):
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    # the day itself is in time (3月31日前, as the 条例 words it), not the first day late
    inclusive: bool = False


class Source(_Strict):
    """The rule the report type comes from, cited on pages, letters and in the model's prompt."""

    name: str
    citation: str
    text: str = ""
    publish_by: PublishBy = PublishBy(month=4, day=1)


class Detect(_Strict):
    """How to recognise this report type among the bundled ones: a title that matches ``title``
    is a strong sign, each mention of ``text`` in the body a weak one."""

    title: Regex
    text: Regex


class GenreWeights(_Strict):
    """How much each sign of the report genre counts (negative: speaks against it)."""

    title_names_subject: float = 4
    title_other_genre: float = -8
    report_phrase: float = 2
    part_present: float = 1.5
    part_embedded: float = 0.5
    law_heading: float = 6
    few_subject_mentions: float = -6  # at zero mentions; scaled down to min_subject_mentions
    # With every required part in a section of its own and the law's wording among the headings,
    # the ``text`` signs of other genres (a meeting told as news, tasks tagged 牵头单位) count
    # together no more than this: the report's own structure outweighs words in its body.
    # None: no cap.
    text_signs_cap: float | None = Field(default=None, ge=0)


class GenreSign(_Strict):
    """A sign of another genre (a news story, a 解读, a speech to a congress…) or of this one.

    ``where``: ``title`` (the title), ``head`` (the first lines), ``line_start`` (any line's
    start), ``text`` (anywhere). ``unless`` cancels the sign when it matches the same text."""

    name: str  # Chinese, quoted in the is_report message
    pattern: Regex
    where: Literal["title", "head", "line_start", "text"] = "text"
    unless: Regex | None = None
    weight: float


class Genre(_Strict):
    """How to tell an annual report of this type from a work plan, rules, a look-alike or
    unrelated text: weighted signs, decided in :mod:`fzcheck.analysis.genre`."""

    subject: Regex
    subject_name: str = Field(min_length=1)  # what the messages call the subject (法治政府建设)
    # A line naming it and then a report word reads as a title even with no document kind at
    # its end (2025年法治政府建设工作情况); None: only a kind at the end (…报告) makes a title.
    title_subject: Regex | None = None
    min_subject_mentions: int = Field(default=2, ge=0)
    report_words: Regex
    report_phrases: Regex
    not_report_titles: Regex
    law_headings: Regex | None = None  # the law's own part wording, when a heading uses it
    pass_score: float = 3
    weights: GenreWeights = GenreWeights()
    other_genres: list[GenreSign] = Field(default_factory=list)


FindingKind = Literal["measures", "shortcomings", "remedies", "actions", "plans", "none"]


class LlmPart(_Strict):
    """What the model is asked about a part, and what its evidence must carry."""

    findings: FindingKind = "none"  # which findings model the part's items use
    item: str = ""  # one finding, in the model's words: 一项主要举措及其成效
    actor: str = ""  # for ``actions``: who must act in person (主要负责人（书记、局长等）)
    actor_pattern: Regex | None = None  # code's check that a quote names that actor
    cause_pattern: Regex | None = None  # code's check that a quote gives a cause (``shortcomings``)
    cause_not_in: Regex | None = None  # …not inside these (将认真查找原因 promises one)
    # A quote supports the part only if it carries its meaning: one of these, or one of the
    # part's own heading/body cues.
    evidence: list[Regex] = Field(default_factory=list)


class UnitExcludes(_Strict):
    issuer: Regex  # the units (by name) whose reports ask these excludes
    excludes: list[Regex]


class Part(_Strict):
    id: str = Field(pattern=ID)
    name: str
    label: str = Field(min_length=1, max_length=12)  # short: table headers, charts
    legal_text: str
    citation: str
    required: bool
    weight: float = Field(ge=0, le=100)
    # Roles. themed_before_anchor: unnamed themed sections before the first anchor's section
    # count as this part; anchor: this part's first section ends that run; plan: the part whose
    # year is document.plan_year; copy_check: compared between reports for copies.
    themed_before_anchor: bool = False
    # themed_last: the last top-level section named for no part (only optional parts' after it),
    # after an anchor's, counts as this part when every other required part has its own section
    # (四、持续发力，推动…再上新台阶 over 一是…二是…: the plan under a theme)
    themed_last: bool = False
    anchor: bool = False
    plan: bool = False
    copy_check: bool = False
    # Other parts' sections this part may sit in when it has none of its own (where a model's
    # quote may be taken as evidence for it).
    embeds_in: list[str] = Field(default_factory=list)
    # Offline, a part with embeds_in is found by its own words wherever they stand (a closing
    # 下一步，我局将… lands in the last section); with embeds_only, only in those parts'
    # sections and outside any (the year's figures in the leader's section are no achievement).
    embeds_only: bool = False
    # with embeds_only, also in the report's closing part: after the first section of a part
    # in embeds_in (a theme after the leaders' section), or, with none, under the last top-level
    # heading (下一步，我局将… after the last section's work); told before, inside the year's
    # work, of one item (3.下一步推广…经验), it is not
    embeds_at_end: bool = False
    # told in a section the part may not sit in, these still count, as a heading or a sentence:
    # the plan laid out whole where the year's work ends (（五）2027年工作打算 / 2027年，我局将
    # 重点抓好以下工作：一是…), not one item's next step
    anywhere_cues: list[Regex] = Field(default_factory=list)
    # a sentence its body_excludes rule out (…将高度重视，认真抓好整改落实。) is the part after all
    # when it leads into its points: the next sentence, or the next line, announces them (one of
    # these: 重点抓好三项工作：), or a list starts afresh on the line after it (1.… 2.…) whose
    # first item is not points_not (（一）…不平衡: the shortcomings; （一）…情况: a section's title)
    points_lead_ins: list[Regex] = Field(default_factory=list)
    points_not: Regex | None = None
    # a section of the part holding nothing but sentences these match (四、下一步工作打算 over
    # 下一步，我办将认真抓好整改。 alone) tells none of it: missing, as a bare heading
    alone_tells_nothing: list[Regex] = Field(default_factory=list)
    heading_cues: list[Regex] = Field(default_factory=list)
    heading_excludes: list[Regex] = Field(default_factory=list)
    # where set, a sub-heading inside another section names the part only by these, not by its
    # heading_cues ((五)其他工作 under the year's work is one of its items; 五、其他工作 is the law's
    # other matters)
    subheading_cues: list[Regex] = Field(default_factory=list)
    # headings that name the part only where no top-level heading names it by heading_cues
    # (一、基本情况 tells the year's work in a report without 二、主要举措和成效; beside one, it
    # is the unit's overview, no section of the part's)
    fallback_heading_cues: list[Regex] = Field(default_factory=list)
    body_cues: list[Regex] = Field(default_factory=list)
    body_excludes: list[Regex] = Field(default_factory=list)
    # Kinds of unit an exclude names in its group ``kind`` (学校 in 学校主要负责人: the head of
    # a school the unit oversees), each with what the name of a unit of that kind holds
    # (中学|小学|学校…): in such a unit's own report the exclude does not hold for its kind.
    own_kinds: dict[str, Regex] = Field(default_factory=dict)
    # Excludes asked only in the report of a unit whose name matches ``issuer``: in a
    # department's or a township's report the county's 县长 acting is its superior's act, not its
    # principal's (in the county government's own, its principal's)
    unit_excludes: list[UnitExcludes] = Field(default_factory=list)
    # Where each of its sections is shared with another part (二、存在问题及下一步工作打算: a
    # heading naming both), the words its text must hold for it to be there: the heading
    # promises it, the text may tell only the other part. None: the heading is enough.
    shared_needs: Regex | None = None
    checks: list[PartCheck] = Field(default_factory=list)
    llm: LlmPart = LlmPart()

    @field_validator("checks")
    @classmethod
    def _unique_checks(cls, checks: list[PartCheck]) -> list[PartCheck]:
        _no_repeats([c.id for c in checks], "check ids")
        return checks

    @cached_property
    def checks_by_id(self) -> dict[str, PartCheck]:
        return {c.id: c for c in self.checks}

    def excludes_for(self, unit: str | None) -> list[str]:
        """The body excludes asked in ``unit``'s report: the part's, and those of the
        ``unit_excludes`` whose issuer its name matches (none when it is unknown)."""
        if not self.unit_excludes or not unit:
            return self.body_excludes
        extra = [e for u in self.unit_excludes if rx(u.issuer).search(unit) for e in u.excludes]
        return [*self.body_excludes, *extra] if extra else self.body_excludes

    def checks_for(self, year: int | None, unit: str | None = None) -> list[PartCheck]:
        """The checks run on this part of a report on ``year`` by ``unit`` (a check may start in
        a year, or be asked of some units only)."""
        return [c for c in self.checks if c.applies(year, unit)]


class TableColumn(_Strict):
    id: str = Field(pattern=ID)
    name: str
    # the merged header cell over this column and its neighbours (法人或其他组织 over 商业企业…其他):
    # a browser's copy of the header gives it as one cell among the columns' own names
    group: str | None = None
    # the group's cell as units word it (法人或者其他组织, 法人及其他组织); none: its name alone
    group_cue: Regex | None = None


class TableRow(_Strict):
    id: str = Field(pattern=ID)
    name: str
    cue: Regex | None = None  # found by this in its label text; none: any label
    optional: bool = False  # may be absent (an older format, or merged rows)
    # the rows this one totals (2019's （六）其他处理 over 2021's 1. 2. 3.): where one of them is
    # read, this is their heading or subtotal, left out of the sums they are in
    total_of: list[str] = Field(default_factory=list)


class TableTemplate(_Strict):
    """A statistical table the report type prints: where it stands and its rows and columns
    (read by :mod:`fzcheck.analysis.tables`; checked by the ``table_sums`` check kind)."""

    id: str = Field(pattern=ID)
    name: str
    section: Regex  # the heading of the section that holds the table
    until: Regex  # the next section's heading
    columns: list[TableColumn] = Field(min_length=1)
    rows: list[TableRow] = Field(min_length=1)
    # its one row may be printed in pieces, in column order, each under a label naming the block
    # it starts (the first word of that column's name): 行政复议 | 2 | 1 | 0 | 1 | 4, then 未经复议…
    pieces: bool = False
    # rows the format does not list may stand among its own (行政确认 58, 行政奖励 between
    # 行政许可 and 行政处罚): a row of values naming none of the template's is passed over,
    # where a table summed over its rows is left unread (it may be a row's broken label)
    extra_rows: bool = False
    # column names of another format's table in the same place (2019's 本年新制作数量 over table
    # 二): a header naming them leaves the table unread, not its values put in this one's columns
    other_form: Regex | None = None

    @model_validator(mode="after")
    def _unique(self) -> TableTemplate:
        _no_repeats([c.id for c in self.columns], t("rubric.what.columns", table=self.id))
        _no_repeats([r.id for r in self.rows], t("rubric.what.rows", table=self.id))
        ids = {r.id for r in self.rows}
        for r in self.rows:
            unknown = [i for i in r.total_of if i not in ids]
            if unknown:
                raise ValueError(
                    t("rubric.check.total_of", table=self.id, row=r.id, unknown=", ".join(unknown))
                )
        if self.pieces and len(self.rows) != 1:
            raise ValueError(t("rubric.check.pieces", table=self.id))
        return self


class Rubric(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    version: str
    title: str
    source: Source
    embedded_credit: float = Field(ge=0, le=1)
    detect: Detect
    report_genre: Genre
    document_checks: list[DocumentCheck] = Field(default_factory=list)
    tables: list[TableTemplate] = Field(default_factory=list)
    parts: list[Part] = Field(min_length=1)
    # set by the loader: one of fzcheck's own rubrics (see ref)
    _bundled: bool = PrivateAttr(default=False)

    @field_validator("parts")
    @classmethod
    def _valid_parts(cls, parts: list[Part]) -> list[Part]:
        ids = [p.id for p in parts]
        _no_repeats(ids, t("rubric.what.parts"))
        if not any(p.required for p in parts):
            raise ValueError(t("rubric.check.none_required"))
        if sum(p.plan for p in parts) > 1:
            raise ValueError(t("rubric.check.two_plans"))
        for p in parts:
            unknown = sorted(set(p.embeds_in) - set(ids) | ({p.id} & set(p.embeds_in)))
            if unknown:
                raise ValueError(t("rubric.check.embeds_in", part=p.id, unknown=", ".join(unknown)))
        return parts

    @model_validator(mode="after")
    def _unique_document_checks(self) -> Rubric:
        _no_repeats([c.id for c in self.document_checks], t("rubric.what.document_checks"))
        _no_repeats([table.id for table in self.tables], t("rubric.what.tables"))
        tables = {t.id: t for t in self.tables}
        for check in self.document_checks:
            problem = check.references_problem(tables)
            if problem:
                raise ValueError(t("rubric.check.document_check", check=check.id, problem=problem))
        return self

    @cached_property
    def digest(self) -> str:
        """A hash of the rubric's content: an edited rubric grades again even if its version
        was not bumped."""
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:16]

    def ref(
        self, selected_by: Literal["flag", "auto"] | None = None, reason: str | None = None
    ) -> RubricRef:
        """How a result names this rubric: id and version, and a user's own rubric file its
        content too (a copy edited under the bundled id and version is told apart by it). A
        bundled rubric is named without: its content changes with fzcheck's releases under one
        version, and a result an older fzcheck graded is shown with the newer one, as before."""
        from fzcheck.result import RubricRef

        return RubricRef(
            id=self.id,
            version=self.version,
            digest=None if self._bundled else self.digest,
            selected_by=selected_by,
            reason=reason,
        )

    @cached_property
    def total_weight(self) -> float:
        return sum(p.weight for p in self.parts if p.required) or 1.0

    def part(self, part_id: str) -> Part | None:
        return self.parts_by_id.get(part_id)

    @cached_property
    def parts_by_id(self) -> dict[str, Part]:
        return {p.id: p for p in self.parts}

    @cached_property
    def document_checks_by_id(self) -> dict[str, DocumentCheck]:
        return {c.id: c for c in self.document_checks}

    @property
    def plan_part(self) -> Part | None:
        return next((p for p in self.parts if p.plan), None)

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset(p.id for p in self.parts if p.anchor)


def _no_repeats(ids: list[str], what: str) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(t("rubric.check.repeated", what=what, dupes=", ".join(dupes)))
