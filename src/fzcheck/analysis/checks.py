"""Sub-checks. Each kind is one spec model (its settings, validated when the rubric loads) and
one function, registered together: a new kind is a model, a function and a decorator line.

Part checks see the text of the part they belong to; document checks see the whole document.
A kind registered for one level cannot be used at the other: the rubric's loader builds its
unions from these two registries, so ``rubric validate`` names a misplaced kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fzcheck.analysis.patterns import (
    Regex,
    after_in_order,
    hits_outside,
    mask_titles,
    rx,
    shortened,
)
from fzcheck.document import Document
from fzcheck.fast_patterns import bmp_digit_first, bmp_only, fast, split_top
from fzcheck.memo import per_object
from fzcheck.reading.numerals import YEAR, title_year, year_value
from fzcheck.reading.pages import rest_line
from fzcheck.render.i18n import t
from fzcheck.result import Check

if TYPE_CHECKING:
    from fzcheck.analysis.outline import Heading
    from fzcheck.analysis.parts import Found
    from fzcheck.analysis.tables import TableRead
    from fzcheck.result import TableCheck
    from fzcheck.rubric.model import Rubric, TableTemplate


class CheckSpec(BaseModel):
    """Settings every check has; each kind adds its own."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    penalty: float = Field(ge=0, le=100)
    # the first report year the check applies to (a form's requirement from the year it took
    # effect): a report on an earlier year is not checked; one of unknown year is
    from_year: int | None = Field(default=None, ge=1900)
    # the units the check is asked of, by the name of the unit whose report it is (a matter the
    # law asks only of governments): not asked of a report whose unit is unknown
    issuer: Regex | None = None
    # a part found only by a sentence inside another section is that part only when this check
    # passes on its text: the stock 但也还存在一些不足之处。 mentions the part, names nothing of it
    names_the_part: bool = False
    # asked of the report even when its part is missing, and failed then (六、其他需要报告的事项
    # left out: no 信息处理费 told where the format asks — leaving the section out had left the
    # check unasked, while a section omitting the fees failed it)
    asked_when_missing: bool = False

    def applies(self, year: int | None, unit: str | None = None) -> bool:
        if self.issuer is not None and (unit is None or rx(self.issuer).search(unit) is None):
            return False
        return self.from_year is None or year is None or year >= self.from_year

    def check(self, passed: bool, message: str) -> Check:
        """This check's result, named for reviewers by its description."""
        return Check(id=self.id, passed=passed, message=message, name=self.description)

    def references_problem(self, tables: dict[str, TableTemplate]) -> str | None:
        """What this check names that the rubric does not have (its tables, rows, columns)."""
        return None


@dataclass(slots=True)
class Context:
    doc: Document
    report_year: int | None
    rubric: Rubric
    title: str | None = None  # analysis text: Simplified, folded
    published_on: dt.date | None = None
    signed_on: dt.date | None = None
    signed_month: tuple[int, int] | None = None  # (year, month), the day perhaps unknown
    printed_on: dt.date | None = None  # the 版记's 印发 date: public no earlier
    unit: str | None = None  # whose report it is (Facts.unit): the title's unit, else the signer
    tables: dict[str, TableRead] = field(default_factory=dict)
    rare_absent: bool = False  # no rare sign stands (fzcheck.analysis.rare): nor any instruction
    opening_years: tuple[int, ...] = ()  # years the opening states (before the first heading)
    opening_periods: tuple[int, ...] = ()  # …of them, the whole years it says it covers
    title_year: int | None = None  # the year the title names as the one reported on
    year_source: str | None = None  # where report_year was read (DocumentInfo's words)
    # each table_sums check's outcomes, by check id: worked out once, for the check and the tables
    table_outcomes: dict[str, list[TableCheck]] = field(default_factory=dict)
    second_report: tuple[int, str] | None = None  # Facts.second_report: (line, its title)


S = TypeVar("S", bound=CheckSpec)
PartFn = Callable[[Any, str, "Found", Context], Check]
DocFn = Callable[[Any, Context], Check | None]
PART_KINDS: dict[str, tuple[type[CheckSpec], PartFn]] = {}
DOCUMENT_KINDS: dict[str, tuple[type[CheckSpec], DocFn]] = {}


def part_check(
    spec: type[S],
) -> Callable[
    [Callable[[S, str, Found, Context], Check]], Callable[[S, str, Found, Context], Check]
]:
    def register(
        fn: Callable[[S, str, Found, Context], Check],
    ) -> Callable[[S, str, Found, Context], Check]:
        PART_KINDS[_kind_of(spec)] = (spec, fn)
        return fn

    return register


def document_check(
    spec: type[S],
) -> Callable[[Callable[[S, Context], Check | None]], Callable[[S, Context], Check | None]]:
    def register(fn: Callable[[S, Context], Check | None]) -> Callable[[S, Context], Check | None]:
        DOCUMENT_KINDS[_kind_of(spec)] = (spec, fn)
        return fn

    return register


def _kind_of(spec: type[CheckSpec]) -> str:
    kind = spec.model_fields["kind"].annotation
    return str(kind.__args__[0])  # type: ignore[union-attr]


# --- part checks ---------------------------------------------------------------------------

# A number with its unit. \d\d*+ rather than \d+: a pattern that starts with a class is skipped
# through by the engine, and the digits never need giving back (a unit is not a digit).
# A figure starts where a run of digits does ((?<!\d\d) right after the first digit, so the
# scan stays class-first): tried from inside the run too, a long run took quadratic time.
# Not an ordinal (第17条, 第3次: which one, not how many), a date's day (3月15日) nor the second
# of a product (7×24小时 says always, not how many hours). The units are those of every field a
# unit reports on: 案件48宗 (land, environment), 车辆156辆, 3.2吨, 1200亩, 办理业务860笔.
_FIGURE = (
    r"\d(?<!\d\d)(?<!第\d)(?<![×xX*＊]\d)\d*+(?:\.\d+)?\s*(?:[%％个项次件家人名万亿元场期份天日条户余批篇部起类套所处台倍分"
    r"宗辆吨亩座栋张册笔例支轮堂艘架米]|小时|公里|平方)(?<!月\d日)(?<!月\d\d日)"
)
# The same written in Chinese numerals (三十二次, 五千余件, 十项, 百分之九十五): a tens, hundreds… numeral, so
# that 三项制度, 一次 and 千家万户 are not figures. A match starts only where a run of numerals
# does and takes the run whole (possessive): tried from inside a run too, a long run took
# quadratic time.
_CN_FIGURE = re.compile(
    r"(?<![〇零一二三四五六七八九十百千万两第])"
    r"(?:[一二三四五六七八九两][十百千万][一二三四五六七八九十百千万零]*+|十[一二三四五六七八九]?+)余?"
    r"(?:[个项次件家人名元场期份天条户批篇部起类套所处台倍宗辆吨亩座栋张册笔例支轮堂艘架米]"
    r"|小时|公里)"
    r"|百分之[〇零一二三四五六七八九十百点]++"  # 办结率百分之九十五: a share
)
_VAGUE_NEXT = re.compile(r"下一步|下一年度|下一年|明年|今后")


class FiguresSpec(CheckSpec):
    """At least ``min`` concrete figures (counts, shares, sums) in the part's text."""

    kind: Literal["figures"]
    min: int = Field(default=1, ge=0)


@part_check(FiguresSpec)
def _figures(spec: FiguresSpec, text: str, found: Found, ctx: Context) -> Check:
    figure = bmp_digit_first(_FIGURE) if bmp_only(text) else rx(_FIGURE)
    n = len(figure.findall(text))
    if n < spec.min:  # rare: only then are figures in Chinese numerals and tables counted too
        n += len(_CN_FIGURE.findall(text)) + _table_figures(text)
    ok = n >= spec.min
    return spec.check(
        passed=ok,
        message=f"列出具体数据{n}处" if ok else f"仅有具体数据{n}处（至少应有{spec.min}处）",
    )


def _table_figures(text: str) -> int:
    """The values in the rows of a table the text holds (| 办理行政复议案件（件） | 112 | 136 |):
    a figure whose unit the row's label or the header names."""
    # imported here: tables imports the rubric model, which imports this module
    from fzcheck.analysis.tables import table_row

    rows = (table_row(line) for line in text.split("\n") if "|" in line or "\t" in line)
    return sum(1 for row in rows if row is not None for v in row[1] if v.text.strip())


class CueWordsSpec(CheckSpec):
    """At least ``min`` matches of ``pattern`` in the part's body (its heading does not count)."""

    kind: Literal["cue_words"]
    pattern: Regex
    min: int = Field(default=1, ge=0)
    # the words a failure names (下一步/将/改进); default: the pattern's first five branches
    named: str | None = None
    # a hit inside a match of this does not count (将认真查找原因: a promise, not a cause)
    not_in: Regex | None = None
    # the headings count too: where a heading's words are a statement (六、其他需要报告的事项
    # 2023年无收取信息处理费情况, a crawled page's heading and body run together)
    with_heading: bool = False


@part_check(CueWordsSpec)
def _cue_words(spec: CueWordsSpec, text: str, found: Found, ctx: Context) -> Check:
    if spec.with_heading:
        text = "\n".join(ctx.doc.analysis[i] for i in found.lines)
    hits, excluded = hits_outside(spec.pattern, spec.not_in, text)
    ok = len(hits) >= spec.min
    shown = "”“".join(sorted(set(hits))[:5])
    if ok:
        msg = f"{spec.description}：见“{shown}”"
    elif excluded:  # say why the words it has do not count
        msg = f"未做到“{spec.description}”：本部分正文只有“{excluded[0]}”，这类表述不算"
    elif hits:  # some, too few: saying there are none sent the reviewer looking for nothing
        msg = (
            f"未做到“{spec.description}”：本部分正文只有{len(hits)}处“{shown}”"
            f"（至少应有{spec.min}处）"
        )
    else:
        msg = f"未做到“{spec.description}”：本部分正文没有{_words_looked_for(spec)}"
    return spec.check(passed=ok, message=msg)


def _plain_words(pattern: str) -> str:
    """The first few top-level branches of ``pattern`` that are plain words, for a reviewer to
    read (a branch with a look-around or a class is no word: the rubric's ``named`` says it
    then); empty when none is."""
    branches = split_top(pattern) or []
    return "/".join([b for b in branches if b and not _REGEX_SYNTAX.intersection(b)][:5])


def _words_looked_for(spec: CueWordsSpec) -> str:
    words = spec.named or _plain_words(spec.pattern)
    return f"“{words}”等表述" if words else "相应的表述"


_REGEX_SYNTAX = frozenset("\\.^$*+?()[]{}")


class PlanYearSpec(CheckSpec):
    """The part names the year after the report year (in its heading or first lines)."""

    kind: Literal["plan_year"]
    # what a title names the plan by (…工作总结及2026年工作思路): such a title's year after the
    # report year states the year of a plan that has a section of its own (四、下步打算)
    title_names: Regex | None = None


def plan_years(doc: Document, found: Found) -> tuple[list[int], str]:
    """The years a plan names — in its own heading first, else in its first lines — and the text
    looked at. A plan embedded as a sentence has no heading of its own: the section it sits in
    (say 2024年度存在问题) says nothing about the plan's year."""
    heading = doc.analysis[found.sections[0].line] if found.sections else ""
    first = "\n".join(doc.analysis[i] for i in found.lines[:3])
    # a cited document's years (《法治政府建设实施纲要（2021-2025年）》) are not the plan's
    heading, first = mask_titles(heading), mask_titles(first)
    found_years = (
        _PLAN_YEAR.findall(heading)
        or _PLAN_YEAR.findall(first)
        # a span of years, no year alone: a plan for several (今后三年（2026—2028年）) names its
        # first year as its own
        or _RANGE_START.findall(heading)
        or _RANGE_START.findall(first)
    )
    return [year_value(y) for y in found_years], f"{heading}\n{first}"


# a year that is not a range's end (2024—2026年三年行动 names 2024 to 2026, not a plan's year)
_NOT_RANGE_END = r"(?<![\d\-~—至到])"
_PLAN_YEAR = fast(_NOT_RANGE_END + YEAR.pattern)  # fast: it opens with a look-behind
_RANGE_START = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-~—–至到]{1,2}\s*(?:19|20)\d{2}\s*年")
# …nor a date's, below the plan's opening lines (2026年3月7日印发 in a footer)
_YEAR_NOT_DATE = fast(
    _NOT_RANGE_END + YEAR.pattern + r"(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月)"
)


def years_in(doc: Document, found: Found) -> list[int]:
    """The years every line of the part states, cited documents' years and dates aside."""
    lines = (mask_titles(doc.analysis[i]) for i in found.lines)
    return [year_value(y) for line in lines for y in _YEAR_NOT_DATE.findall(line)]


@part_check(PlanYearSpec)
def _plan_year(spec: PlanYearSpec, text: str, found: Found, ctx: Context) -> Check:
    years, looked_at = plan_years(ctx.doc, found)
    if ctx.report_year is None:
        return spec.check(
            passed=bool(years),
            message=(
                f"写明{years[0]}年（报告年度不明）" if years else "未写明年度（报告年度不明）"
            ),
        )
    want = ctx.report_year + 1
    if want in years or want in years_in(ctx.doc, found):
        # the heading or opening lines name it, or a later line does (下一步，我镇将…, then
        # 2026年，计划…; a plan merged under 存在的问题及整改措施 after the problems)
        return spec.check(passed=True, message=f"写明{want}年")
    if (
        spec.title_names
        and found.sections
        and not years
        and not years_in(ctx.doc, found)
        and _title_plans(ctx.title, want, spec.title_names)
    ):
        # the plan names no year (one it names, right or wrong, is what it is judged by)
        return spec.check(passed=True, message=f"写明{want}年（见标题）")
    vague = _VAGUE_NEXT.search(looked_at)
    if vague:  # the year it does name may be one it only mentions (巩固2025年成果): said beside
        named = f"（文中写的是{years[0]}年）" if years else ""
        return spec.check(passed=False, message=f"只写“{vague.group(0)}”，未写明{want}年{named}")
    if years:
        return spec.check(passed=False, message=f"写的是{years[0]}年，应为{want}年")
    return spec.check(passed=False, message=f"未写明{want}年")


def _title_plans(title: str | None, year: int, names: str) -> bool:
    """Whether ``title`` names ``year`` right before what it calls the plan (``names``)."""
    if not title:
        return False
    text = mask_titles(title)
    named = rx(rf"\s*度?(?:的|推进)?[^,，。、]{{0,12}}?(?:{names})")
    return any(
        year_value(m.group(1)) == year and named.match(text, m.end())
        for m in _PLAN_YEAR.finditer(text)
    )


class ActorActionsSpec(CheckSpec):
    """An ``actor`` within ``window`` characters of an ``action`` (a named person acting in
    person, not only the unit); in a section of its own the acts alone are enough."""

    kind: Literal["leader_actions"]
    actor: Regex
    action: Regex
    window: int = Field(default=40, ge=1)
    # words the text between the two may not hold: another person acting (局长高度重视，分管副
    # 局长亲自主持…: the act is the deputy's)
    apart: Regex | None = None
    # set phrases whose acts are no one's in particular (the regulation's 重要工作亲自部署、
    # 重大问题亲自过问…, copied as a slogan): blanked before the acts are looked for
    not_in: Regex | None = None
    # a person named with a unit (group ``unit``: 县司法局 in 县司法局局长): that unit's head, not
    # this one's, when the report's own unit is not that one (a 县人民政府's report)
    other_unit: Regex | None = None


@part_check(ActorActionsSpec)
def _actor_actions(spec: ActorActionsSpec, text: str, found: Found, ctx: Context) -> Check:
    # what the part's excludes rule out is no act of this duty in its own section either
    # (全镇各村党组织书记亲自主持…, 镇党委书记亲自带队开展安全生产大检查): the sentence of the first
    # act counted is tested, and blanked while they rule it out — one sentence in most reports,
    # where testing every sentence cost 7% of the whole check
    # (imported here: parts reaches the rubric's models, which are built from this module)
    from fzcheck.analysis.parts import rules_out

    told, other = text, []
    for _ in range(_RULED_OUT_MAX):
        hits, first, slogan, read = _acts(spec, text, found, ctx)
        if first is None:
            break
        start, end = _sentence_around(told, first.start())
        sentence = told[start:end].strip()
        if not rules_out(found.part, sentence, ctx.report_year, ctx.unit):
            break
        other.append(sentence)
        text = text[:start] + " " * (end - start) + text[end:]
    if first is not None:  # (an act counted)
        shown = f"，如“{_clause_from(read, first.start())}”"
        return spec.check(passed=True, message=f"{spec.description}：有{hits}处具体表述{shown}")
    why = _whose(spec, read, slogan, ctx.unit)
    if other and rx(spec.action).search(read) is None:
        # the acts were all in what the excludes ruled out: whose they are, if a title says
        why = _someone_else(spec, told, ctx.unit, rx(spec.action).search(told)) or (
            f"“{shortened(other[0], _QUOTED)}”写的是其他单位负责人或其他工作，不是本人推进法治建设的行动"
        )
    return spec.check(passed=False, message=f"未做到“{spec.description}”：{why}")


_RULED_OUT_MAX = 20  # sentences blanked before the rest is taken as it stands


def _acts(
    spec: ActorActionsSpec, text: str, found: Found, ctx: Context
) -> tuple[int, re.Match[str] | None, re.Match[str] | None, str]:
    """(acts counted, the first of them, the set phrase found, the text read: the set phrases
    blanked)."""
    # the set phrase, blanked (its first kept for the message): one search rules most texts out
    slogan = rx(spec.not_in).search(text) if spec.not_in is not None else None
    if slogan is not None:
        text = slogan.re.sub(lambda m: " " * len(m.group(0)), text)
    pair = _pairs(spec)
    # a pair with another person between the two is not the leader's act (a look-ahead at each
    # character of the window cost more than the rest of the check)
    apart = rx(spec.apart) if spec.apart else None
    counted = [
        m
        for m in pair.finditer(text)
        if (apart is None or not apart.search(m.group()))
        and not _of_other_unit(spec, text, m.start(), m.end(), ctx.unit)
    ]
    pairs = len(counted)
    # the first act counted, quoted for the reviewer to see what was taken as one
    first = rx(spec.action).search(text, counted[0].start()) if counted else None
    # the leader named once, the acts told later in the sentence (局长认真履行…职责，将法治
    # 建设与业务工作同部署…同考核，全年主持召开…): in the leader's own section any act is
    # theirs; elsewhere one the sentence names them before — or, in a sub-section of the part's
    # own ((三)压实…第一责任人职责 under 一、), a sentence before it, no one else named since
    # (局长认真履行…职责。全年主持召开…). Counted even with a pair found: the message counts the
    # acts, not the times the leader is named (an embedded part's four acts after one 局长 read
    # as 有1处)
    named = found.status != "present"
    carried = named and bool(found.sections)
    acts, end = 0, -_ONE_ACT
    for m in rx(spec.action).finditer(text):
        if _own_act(spec, text, m.start(), ctx.unit, named, carried):
            # 亲自主持召开 / 带头出庭应诉 is one act told in several of the words
            acts += m.start() - end > _ONE_ACT
            end = m.end()
            # the earliest act counted (a pair found late quoted 述法会上进行述法 over the
            # 主持召开… that opened the section)
            first = m if first is None or m.start() < first.start() else first
    return max(pairs, acts), first, slogan, text


@per_object
def _pairs(spec: ActorActionsSpec) -> re.Pattern[str]:
    """The actor and an act within the window, either way round (built once: the pattern is
    long, and building and hashing it again cost a few µs a report)."""
    w = spec.window
    return rx(
        rf"(?:{spec.actor})[^。]{{0,{w}}}?(?:{spec.action})|"
        rf"(?:{spec.action})[^。]{{0,{w // 4}}}?(?:{spec.actor})"
    )


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """Where the sentence holding ``at`` starts and ends, its stop included."""
    start = max(text.rfind(c, 0, at) for c in _SENTENCE_MARKS) + 1
    ends = [k for c in _SENTENCE_MARKS if (k := text.find(c, at)) >= 0]
    return start, min(ends) + 1 if ends else len(text)


_SENTENCE_MARKS = "。;!?\n"


# who acted, when a sentence names someone by a title (副镇长, 法规科科长, 村委会主任; a group's
# 副组长 is no one's post)
# (由法制股股长…: the person, not the 由 that hands the work over; 经济发展股 keeps its 经)
_PERSON = re.compile(r"由?([^，,。;；:：、\s]{0,10}?(?:(?<!组)长|主任|书记))(?![长任记])")


_CLAUSE_MARKS = "。,，;；:：\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_QUOTED = 20  # characters of an act quoted in the message


def _clause_from(text: str, at: int) -> str:
    """The clause from ``at`` to its end, at most _QUOTED characters (…-ended if cut)."""
    stop = _CLAUSE_END.search(text, at)
    clause = text[at : stop.start() if stop else len(text)].strip()
    return shortened(clause, _QUOTED)


def _whose(
    spec: ActorActionsSpec, text: str, slogan: re.Match[str] | None, unit: str | None
) -> str:
    """Why no act counted, as the reviewer checks it: the first act told is someone else's
    (分管副局长亲自主持…: said first, beside any set phrase); only the set phrase; an act not
    told as the leader's own; or none at all."""
    act = rx(spec.action).search(text)  # (the set phrases blanked)
    someone = _someone_else(spec, text, unit, act)
    if someone is not None:
        return someone + (f"；“{slogan.group(0)}”是套话" if slogan is not None else "")
    if slogan is not None:
        return f"只有“{slogan.group(0)}”这类套话，未写本人的具体行动"
    if act is None:
        return "只笼统描述职责，未写本人的具体行动（亲自、带头、主持……）"
    # the act in its clause: the part's evidence may be another sentence, and “召开” alone could
    # not be found in it
    return f"写了“{_clause_around(text, act.start(), act.end())}”，但没有写明是本人的行动"


def _someone_else(
    spec: ActorActionsSpec, text: str, unit: str | None, act: re.Match[str] | None
) -> str | None:
    """Whose the first act told (``act``) is, when a title before it names someone else (分管
    副局长亲自主持…, 县司法局局长 in a county government's report): the reviewer's reason; else
    None."""
    if act is None:
        return None
    # the one the act is taken to be by (_own_act), when named by a title there
    _, other, _ = _other_before(spec, text, act.start(), unit)
    who = _PERSON.match(text, other) if other >= 0 else None
    if who is None or who.end() > act.start():
        return None
    return f"“{act.group(0)}”等行动是“{who.group(1)}”的，不是本人的"


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end], from its start (…-led from a little before the
    words when the clause opens far before them)."""
    before = max(text.rfind(c, 0, start) for c in _CLAUSE_MARKS) + 1
    if end - before <= _QUOTED:
        return _clause_from(text, before)
    return "…" + _clause_from(text, max(before, start - _QUOTED // 2))


_ONE_ACT = 2  # act words at most this far apart tell one act (亲自主持召开, 带头出庭应诉)


def _own_act(
    spec: ActorActionsSpec,
    text: str,
    at: int,
    unit: str | None,
    named: bool = False,
    carried: bool = False,
) -> bool:
    """Whether the act at ``at`` is the leader's: the last person its sentence names before it
    is not someone else (``apart``: 分管副局长亲自主持…，带头开展… are the deputy's acts, clause
    after clause, until the leader is named again; ``other_unit``: 县司法局局长 in a county
    government's report) — and, when ``named``, is the leader: in its sentence, or when
    ``carried`` last named before it with no one else since."""
    sentence, other, after = _other_before(spec, text, at, unit)
    if other >= 0:
        return rx(spec.actor).search(text, after, at) is not None
    if not named or rx(spec.actor).search(text, sentence, at) is not None:
        return True
    return carried and _carried_from_the_leader(spec, text, sentence, at)


# someone else before the act (全局干部职工带头…, 执法人员…, 各股室…, 常年法律顾问…, 机关党支部…),
# or the act a plan (下一步，将继续亲自…): not the leader's act this year
_OTHERS_BEFORE = re.compile(
    r"干部|职工|人员|同志|群众|单位|部门|企业|顾问|律师|支部|党员|股室|科室|各股|各科|中队|大队"
    r"|执法队|站所|小组|下一步|将(?:继续|进一步|持续|着力|认真)|计划|拟"
)
_CARRIED_SENTENCES = 6  # sentences an act may follow the one that names the leader
_OPENS_WITH = 16  # characters into a sentence its subject is named within (2025年，局党组书记…)
# …the leader the object of a principle, not its subject (坚持把主要负责人作为第一责任人)
_PUT_AS_AN_OBJECT = re.compile(r"把|将|坚持|要求|作为|推动|督促|落实|明确")
# …nor the leader's meeting or duty as a topic (局长办公会议审议…, 主要负责人履行职责情况纳入…)
_NOT_THE_LEADER = re.compile(r"办公会|会议|[^。，,]{0,24}情况")


def _carried_from_the_leader(spec: ActorActionsSpec, text: str, sentence: int, at: int) -> bool:
    """Whether the act at ``at``, its sentence naming no one, goes on from the leader: the
    sentences back to one the leader opens (局党组书记、局长认真履行…职责。全年主持召开…) name no
    one else either — not another person (``apart``), not cadres, staff or an office. A leader
    named inside a sentence (坚持把主要负责人作为…第一责任人) opens nothing."""
    apart = rx(spec.apart) if spec.apart else None
    end = at
    for _ in range(_CARRIED_SENTENCES):
        if sentence <= 0 or end - sentence >= _LOOK_BACK:
            return False  # the text's start, or no sentence so long: a run of acts read back
        said = text[sentence:end]
        if _OTHERS_BEFORE.search(said) or (apart is not None and apart.search(said)):
            return False
        end = sentence - 1  # the stop ending the sentence before
        sentence = _sentence_start(text, end)
        said = text[sentence:end]
        start = sentence + len(said) - len(said.lstrip())
        leader = rx(spec.actor).search(text, start, start + _OPENS_WITH)
        if leader is not None:
            return (
                _PUT_AS_AN_OBJECT.search(text, start, leader.start()) is None
                and _NOT_THE_LEADER.match(text, leader.end(), end) is None
            )
    return False


def _other_before(
    spec: ActorActionsSpec, text: str, at: int, unit: str | None
) -> tuple[int, int, int]:
    """Where the sentence holding ``at`` starts, and where the last other person it names
    before ``at`` (``apart``, or another unit's head) starts and ends (-1, -1: none)."""
    sentence = _sentence_start(text, at)
    item = _last(_NEXT_ITEM, text, sentence, at) if text.find(";", sentence, at) >= 0 else None
    if item is not None:  # 一是…；二是亲自…: each item goes back to the sentence's subject
        sentence = item.end()
    apart = _last(rx(spec.apart), text, sentence, at) if spec.apart else None
    last = apart.span() if apart is not None else (-1, -1)
    for m in _heads_of_others(spec, text, sentence, at, unit):
        if m.start() > last[0]:
            last = m.span()
    return sentence, *last


def _of_other_unit(spec: ActorActionsSpec, text: str, at: int, end: int, unit: str | None) -> bool:
    """Whether the person whose title starts at ``at``, or one named before ``end``, is named
    with a unit other than ``unit`` (县司法局局长 in 示例县人民政府's report)."""
    return next(_heads_of_others(spec, text, at, end, unit), None) is not None


def _heads_of_others(
    spec: ActorActionsSpec, text: str, start: int, end: int, unit: str | None
) -> Iterator[re.Match[str]]:
    """The people named in ``text[start:end]`` with a unit other than ``unit``: each title the
    actor pattern finds, read with the unit named before it (``other_unit`` tried at every
    character of a sentence cost more than the rest of the check)."""
    if spec.other_unit is None or unit is None:
        return
    named, actor = rx(spec.other_unit), rx(spec.actor)
    for title in actor.finditer(text, start, end):
        lo = max(0, title.start() - _UNIT_NAME)
        for m in named.finditer(text, lo, title.end()):
            # (县长根据县司法局…: a name holding a title is no unit's name)
            own_name = m.end() == title.end() and not actor.search(m.group("unit"))
            if own_name and _names_other(m, unit):
                yield m


def _names_other(m: re.Match[str], unit: str) -> bool:
    """Whether ``m``'s unit is not ``unit``, compared without what opens the clause (一是,
    （一）, 其中) and the place its name opens with (县司法局 is 示例县司法局), and as units
    shorten their names, keeping characters in order (卫健委 is 卫生健康委员会, 疾控中心
    疾病预防控制中心). A bare 局/委/中心 (局党组书记, 中心主任) is the unit speaking of itself."""
    name = _UNIT_PLACE.sub("", _CLAUSE_OPENER.sub("", m.group("unit")), count=1)
    if _BARE_UNIT.fullmatch(name):
        return False
    if after_in_order(name, unit) is None:
        return True
    # the report's unit named on past it with a unit of its own: the one named is above it
    # (县公安局局长 in 示例县公安局交通警察大队's report, its superior); each name of a joint
    # one on its own (中共示例县司法局党组 示例县司法局: 县司法局 is the second)
    return not any(_inside(name, own) for own in _JOINT.split(unit))


def _inside(name: str, unit: str) -> bool:
    """Whether ``name`` is ``unit`` shortened (its characters in order) and no unit inside it."""
    rest = after_in_order(name, unit)
    return rest is not None and _UNIT_WORD.search(rest) is None


# what opens a clause before a name (一是, （一）, 1., 其中, 全年, 同时)
_CLAUSE_OPENER = re.compile(
    r"^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是|其中|全年|同时|此外|另外|年内)+"
)
_BARE_UNIT = re.compile(r"[本我]?(?:局|委|委员会|办公室|中心)")
# what a unit's name ends with, where one unit sits inside another (交通警察大队, 执法中队, 司法所)
_UNIT_WORD = re.compile(r"局|委|队|所|站|中心|办公室|科|股|处|室|院|馆")
# between the names of a joint unit (中共示例县司法局党组 示例县司法局, its space gone or not)
_JOINT = re.compile(r"[\s、/]+|(?<=党组)|(?<=党委)|(?<=党工委)")


_UNIT_NAME = 20  # the longest unit name other_unit reads (示例县人力资源和社会保障局)
# the place a unit's name opens with (县 in 县司法局, 示例市 in 示例市生态环境局)
_UNIT_PLACE = re.compile(r"^.{0,6}?[省市县区镇乡州旗盟]")


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``, if any."""
    found = None
    for m in pattern.finditer(text, start, end):
        found = m
    return found


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, read back no further than ``_LOOK_BACK`` (a
    crafted line of 50,000 acts was read back to its start for each, minutes). A sentence
    stops at 。 or a line's end (not ；: a list of acts joined by semicolons goes on with the
    subject its first clause names — 分管副局长主持召开…；亲自审定…；带头讲授… are all the
    deputy's)."""
    lo = max(0, at - _LOOK_BACK)
    return max(max(text.rfind("。", lo, at), text.rfind("\n", lo, at)) + 1, lo)


# …but a numbered item after one starts again from the sentence's subject (局长认真履行…：一是督促
# 分管副局长…；二是亲自主持…: the second item is the 局长's)
_NEXT_ITEM = re.compile(
    r";\s*(?=[一二三四五六七八九十]{1,3}是|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、])"
)
_LOOK_BACK = 300  # characters a sentence is read back from an act (longer than any real one)


# --- document checks -----------------------------------------------------------------------


class TitleSpec(CheckSpec):
    """The title names the report's subject (``pattern``, called ``subject`` in messages) and a
    year."""

    kind: Literal["title"]
    pattern: Regex
    subject: str = Field(min_length=1)


@document_check(TitleSpec)
def _title(spec: TitleSpec, ctx: Context) -> Check:
    if not ctx.title:
        return spec.check(passed=False, message="未找到标题")
    named = rx(spec.pattern).search(ctx.title)
    has_subject = named is not None
    has_year = bool(YEAR.search(ctx.title)) or title_year(ctx.title) is not None
    titled, year = ctx.title_year, ctx.report_year
    if has_subject and titled is not None and year is not None and titled != year:
        # what says so: the opening and the date (year_source body), else the plan and date
        basis = "开头所述期间和落款日期" if ctx.year_source == "body" else "成文、落款和下年安排"
        return spec.check(
            passed=False,
            message=f"标题写的是{titled}年，报告所述为{year}年度（{basis}均按"
            f"{year}年度）：标题年份应为{year}",
        )
    missing = [w for w, ok in ((spec.subject, has_subject), ("年度", has_year)) if not ok]
    # 法制政府建设 for 法治政府建设: one character off, a slip the reviewer is shown as such
    slip = None if has_subject else _one_off(ctx.title, spec.subject)
    return spec.check(
        passed=not missing,
        # the words it has (法治建设 for 法治政府建设 is the subject, not its name)
        message=f"标题写明“{named.group(0) if named else spec.subject}”和年度"
        if not missing
        else f"标题未写明{'和'.join(missing)}" + (f"（写作“{slip}”，是否笔误？）" if slip else ""),
    )


def _one_off(text: str, word: str) -> str | None:
    """The first stretch of ``text`` as long as ``word`` that differs from it in exactly one
    character, not the first nor the last (a word written with one character wrong, not
    another word that shares most of it)."""
    n = len(word)
    for i in range(len(text) - n + 1):
        seg = text[i : i + n]
        wrong = [k for k in range(n) if seg[k] != word[k]]
        if len(wrong) == 1 and 0 < wrong[0] < n - 1:
            return seg
    return None


class Deadline(BaseModel):
    """A deadline for issuers whose name matches ``issuer`` (县级以上人民政府部门: 1月31日)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    issuer: Regex
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    name: str


class Publishers(BaseModel):
    """Bodies that publish another's report (a GIP report's 主管部门 publishes its government's):
    one signing a report whose title does not name it is held to the deadline named
    ``deadline`` (one of the spec's ``deadlines``), the report's owner's."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    issuer: Regex
    deadline: str


class PublicationSpec(CheckSpec):
    """Published after the reported year ended and before the deadline: the first of
    ``deadlines`` whose ``issuer`` matches the report's issuer, else the rubric's
    ``publish_by``."""

    kind: Literal["publication"]
    deadlines: list[Deadline] = Field(default_factory=list)
    publishes_for: Publishers | None = None

    @model_validator(mode="after")
    def _publishers_deadline_named(self) -> PublicationSpec:
        p = self.publishes_for
        if p is not None and p.deadline not in {d.name for d in self.deadlines}:
            raise ValueError(t("rubric.check.deadline", deadline=p.deadline))
        return self


def _deadline_of(spec: PublicationSpec, unit: str | None, title: str | None) -> Deadline | None:
    """The deadline ``unit``'s report is held to: its publisher's owner's when it publishes
    another's report (清河县2025年…报告, signed by 清河县政务公开领导小组办公室), else the first
    whose issuer matches it; None: the rubric's ``publish_by``."""
    if not unit:
        return None
    p = spec.publishes_for
    if (
        p is not None
        and rx(p.issuer).search(unit)
        and "".join(unit.split()) not in "".join((title or "").split())
    ):
        return next(d for d in spec.deadlines if d.name == p.deadline)
    return next((d for d in spec.deadlines if rx(d.issuer).search(unit)), None)


@document_check(PublicationSpec)
def _publication(spec: PublicationSpec, ctx: Context) -> Check | None:
    if ctx.report_year is None:
        return None
    by = ctx.rubric.source.publish_by
    month, day, who = by.month, by.day, ""
    rule = _deadline_of(spec, ctx.unit, ctx.title)
    if rule is not None:
        month, day, who = rule.month, rule.day, f"（{rule.name}）"
    deadline = dt.date(ctx.report_year + 1, month, day)
    year_end = dt.date(ctx.report_year, 12, 31)

    # publish_by is "before" that day unless inclusive; a law's "by 1月31日" includes the day
    def after_deadline(day: dt.date) -> bool:
        return day > deadline if rule is not None or by.inclusive else day >= deadline

    # the last day in time, as the messages say it (a report signed on 1 April, the rule "before
    # 1 April", was said to be later than a deadline of 1 April)
    last = deadline if rule is not None or by.inclusive else deadline - dt.timedelta(days=1)
    limit = f"公开期限（最晚{last.isoformat()}）{who}"
    p = ctx.published_on
    if p is None and ctx.printed_on is not None and after_deadline(ctx.printed_on):
        printed = ctx.printed_on.isoformat()
        return spec.check(passed=False, message=f"{printed}印发，已过{limit}，不可能按时公开")
    if p is None:
        # no publication date known: a report signed after the deadline cannot have met it
        signed = _signed(ctx)
        if signed is None or not after_deadline(signed[0]):
            return None
        return spec.check(
            passed=False,
            message=f"{signed[2]}签发，已过{limit}，不可能按时公开",
        )
    if after_deadline(p):
        return spec.check(
            passed=False,
            message=f"{p.isoformat()}公开，已过{limit}",
        )
    if p <= year_end:
        return spec.check(
            passed=False, message=f"{p.isoformat()}公开，早于{ctx.report_year}年度结束"
        )
    return spec.check(passed=True, message=f"{p.isoformat()}公开，在{limit}内")


class SigningSpec(CheckSpec):
    """Signed after the reported year ended: a report signed earlier cannot cover the year."""

    kind: Literal["signing"]


@document_check(SigningSpec)
def _signing(spec: SigningSpec, ctx: Context) -> Check | None:
    signed = _signed(ctx)
    if signed is None or ctx.report_year is None:
        return None
    first, last, said = signed
    if last <= dt.date(ctx.report_year, 12, 31):  # a month's last day too: 12月 is the year's
        # signed in the year's first quarter, a year too early: most likely the year mistyped
        # (2025年1月20日 on a report on the whole of 2025, its plan for 2026)
        slip = (
            f"，或落款年份有误（应为{ctx.report_year + 1}年{first.month}月？）"
            if first.year == ctx.report_year and last.month <= _FIRST_QUARTER
            else ""
        )
        return spec.check(
            passed=False,
            message=f"{said}签发，早于{ctx.report_year}年度结束：所报的不是全年情况{slip}",
        )
    return spec.check(passed=True, message=f"{said}签发，在{ctx.report_year}年度结束后")


_FIRST_QUARTER = 3  # the months a report on the year before is written in


def _signed(ctx: Context) -> tuple[dt.date, dt.date, str] | None:
    """(first possible day, last possible day, as said) of the signing: one day when its date
    is known, the month's days when the signature gives the month alone."""
    if ctx.signed_on is not None:
        return ctx.signed_on, ctx.signed_on, ctx.signed_on.isoformat()
    if ctx.signed_month is None:
        return None
    year, month = ctx.signed_month
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    return first, last, f"{year}年{month}月"


class OpeningYearSpec(CheckSpec):
    """The opening speaks of the year the title names: an opening that states only the year
    before (2024年，我县…, under a title for 2025) is most likely last year's report copied."""

    kind: Literal["opening_year"]


@document_check(OpeningYearSpec)
def _opening_year(spec: OpeningYearSpec, ctx: Context) -> Check | None:
    year, stated = ctx.report_year, ctx.opening_years
    if year is None or not stated:
        return None  # nothing to compare
    # the period it says it covers is off, whatever year its sentences open with (2025年，… then
    # 统计期限自2024年1月1日至2024年12月31日: the period kept from last year's report)
    period = next((p for p in ctx.opening_periods if abs(p - year) == 1), None)
    # a sentence opening with the year before or after, none with the year itself (统计期限自
    # 2024年… over 一、总体情况 / 2023年，我局…: the year's account kept from last year's report)
    opened = stated[: len(stated) - len(ctx.opening_periods)]
    slip = None if year in opened else next((y for y in (year - 1, year + 1) if y in opened), None)
    if year in stated and period is None and slip is None:
        return spec.check(passed=True, message=f"开头所述为{year}年")
    off = period or slip or next((y for y in (year - 1, year + 1) if y in stated), None)
    if off is None:
        return None  # another year (a history, a plan): not this check's
    said = f"开头所列统计期限为{off}年全年" if off == period else f"开头写的是{off}年"
    if off > year and year not in stated and ctx.year_source == "title":
        # 2024年度…报告 over 统计期限自2025年1月1日…: the title's year is off
        return spec.check(
            passed=False,
            message=f"{said}，而标题的报告年度为{year}年：标题年度可能有误，请核对",
        )
    why = (
        "可能沿用了上一年的报告"
        if off < year
        else "统计期限可能有误"
        if year in stated
        # the year told by the headings and the date: the opening's is off
        else "可能写成了成文的年份"
    )
    return spec.check(passed=False, message=f"{said}，而报告年度为{year}年：{why}，请核对")


class Identity(BaseModel):
    """A sum a table must satisfy. ``over: rows``: for each row, the columns in ``lhs`` add up to
    those in ``rhs``; ``over: columns``: for each column, the rows in ``lhs`` to those in
    ``rhs``; ``over: none``: ``row.col`` cells. ``name_*`` stands for every id starting so."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    table: str
    over: Literal["rows", "columns", "none"] = "none"
    lhs: list[str] = Field(min_length=1)
    rhs: list[str] = Field(min_length=1)


class TableSumsSpec(CheckSpec):
    """The rubric's tables add up: every identity holds where its cells could be read."""

    kind: Literal["table_sums"]
    identities: list[Identity] = Field(min_length=1)

    def references_problem(self, tables: dict[str, TableTemplate]) -> str | None:
        from fzcheck.analysis.table_sums import reference_problem

        return next((p for i in self.identities if (p := reference_problem(i, tables))), None)


@document_check(TableSumsSpec)
def _table_sums(spec: TableSumsSpec, ctx: Context) -> Check | None:
    from fzcheck.analysis.table_sums import sums_check

    return sums_check(spec, ctx)


class TablesPresentSpec(CheckSpec):
    """The report prints the statistical tables its format requires: each of ``tables`` is
    found (read, or there but unreadable). One no table row was recognised in is named."""

    kind: Literal["tables_present"]
    tables: list[str] = Field(min_length=1)

    def references_problem(self, tables: dict[str, TableTemplate]) -> str | None:
        unknown = [t for t in self.tables if t not in tables]
        return t("rubric.check.no_table", unknown=", ".join(unknown)) if unknown else None


@document_check(TablesPresentSpec)
def _tables_present(spec: TablesPresentSpec, ctx: Context) -> Check | None:
    if not ctx.tables:
        return None
    absent = [ctx.tables[t].template.name for t in spec.tables if ctx.tables[t].status == "absent"]
    if absent:
        return spec.check(
            passed=False,
            message=f"未找到可识别的统计表：{'、'.join(absent)}（请核对报告是否列表，或表格排法特殊未能识别）",
        )
    from fzcheck.analysis.table_sums import unreadable_tables

    unread = unreadable_tables(ctx.tables, spec.tables)
    # a table cut off (its last rows, 总计 among them, not in the report): read, but not whole
    short = [
        f"{table.template.name}中未读到“{'”“'.join(r.name for r in rows)}”行"
        for table in (ctx.tables[t] for t in spec.tables)
        if table.status == "read"
        and (
            rows := [
                r for r in table.template.rows if not r.optional and r.id not in table.row_lines
            ]
        )
    ]
    if short:
        return spec.check(
            passed=False,
            message=f"统计表不完整：{'；'.join(short)}（请核对表格是否被截断或漏填）{unread}",
        )
    return spec.check(passed=True, message=f"统计表均已列出{unread}")


class Statement(BaseModel):
    """A count the narrative states (``pattern`` with a group ``n``, or a group ``zero`` where
    it says there were none: 未发生…) and the cell(s) that hold it in a table (``table.row.col``,
    several joined by ``+``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    pattern: Regex
    cell: str = Field(
        pattern=r"^[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+(?:\+[a-z0-9_]+\.[a-z0-9_]+\.[a-z0-9_]+)*$"
    )
    # words after which the rest of their sentence tells of another scope than this count's
    # whole (…其中，局机关收到25件，执法大队收到8件; 依托政务服务窗口，全年受理申请…): a statement
    # after one in its sentence is not set against the cell
    scope_after: Regex | None = None
    # words after ``scope_after`` that turn the sentence back to the whole (上年结转…办结，其中
    # 予以公开1件，全年共予以公开25件: the 25 is the year's)
    scope_back: Regex | None = None


class TableTextSpec(CheckSpec):
    """Counts stated in the text agree with the tables (a warning: the narrative may cover a
    different scope)."""

    kind: Literal["table_text"]
    statements: list[Statement] = Field(min_length=1)
    # words naming a part of the whole or another period (其中通过网络…, 上年度…): a statement
    # whose clause holds one, before it or inside it, is not set against the whole's cell
    other_scope: Regex | None = None

    def references_problem(self, tables: dict[str, TableTemplate]) -> str | None:
        from fzcheck.analysis.table_sums import cell_problem

        return next(
            (
                p
                for st in self.statements
                for ref in st.cell.split("+")
                if (p := cell_problem(ref, tables))
            ),
            None,
        )


@document_check(TableTextSpec)
def _table_text(spec: TableTextSpec, ctx: Context) -> Check | None:
    from fzcheck.analysis.table_sums import text_check

    return text_check(spec, ctx)


class InstructionsSpec(CheckSpec):
    """Text addressed to a model (``pattern``) is flagged; it stays report content."""

    kind: Literal["instructions"]
    pattern: Regex


@document_check(InstructionsSpec)
def _instructions(spec: InstructionsSpec, ctx: Context) -> Check:
    text = ctx.doc.analysis_text  # one search over the text, not one per line
    found = None if ctx.rare_absent else rx(spec.pattern).search(text)
    span = (found.start(), found.end()) if found else _hidden_in(spec.pattern, text)
    if span:
        i, quote = ctx.doc.quote_span(*span)
        return spec.check(
            passed=False,
            message=f"第{i + 1}行含针对AI模型的指令（“{_ZERO_WIDTH.sub('', quote)}”），仅作为报告内容看待",
        )
    return spec.check(passed=True, message="未见针对AI模型的指令")


class SingleReportSpec(CheckSpec):
    """One report a file: a second one (its title below the first's signature) is named, and
    only the first is read."""

    kind: Literal["single_report"]


@document_check(SingleReportSpec)
def _single_report(spec: SingleReportSpec, ctx: Context) -> Check:
    if ctx.second_report is None:
        return spec.check(passed=True, message="文件中只有一份报告")
    line, title = ctx.second_report
    return spec.check(
        passed=False,
        message=f"第{line + 1}行起是另一份报告（“{shortened(title, 40)}”）：本次只检查了此前的"
        "第一份，请将两份报告分开提交",
    )


class BodyWordsSpec(CheckSpec):
    """Matters the report must tell somewhere, wherever the unit puts them (a section of their
    own, the other matters, the problems): each by its name and the words that tell it."""

    kind: Literal["body_words"]
    words: dict[str, Regex] = Field(min_length=1)


@document_check(BodyWordsSpec)
def _body_words(spec: BodyWordsSpec, ctx: Context) -> Check:
    text = ctx.doc.analysis_text
    said = {name: m.group(0) for name, p in spec.words.items() if (m := rx(p).search(text))}
    missing = [name for name in spec.words if name not in said]
    if missing:
        return spec.check(
            passed=False, message=f"未做到“{spec.description}”：正文没有写到{'、'.join(missing)}"
        )
    return spec.check(
        passed=True, message=f"{spec.description}：见{''.join(f'“{w}”' for w in said.values())}"
    )


class SupersededFormSpec(CheckSpec):
    """A report on ``from_year`` or later is not written in the form ``form`` replaced: words
    only the old form has (``pattern``, its tables' headers) are flagged where they stand."""

    kind: Literal["superseded_form"]
    from_year: int = Field(ge=1900)
    pattern: Regex
    form: str = Field(min_length=1)


@document_check(SupersededFormSpec)
def _superseded_form(spec: SupersededFormSpec, ctx: Context) -> Check | None:
    if ctx.report_year is None or ctx.report_year < spec.from_year:
        return None  # the old form was the form then
    found = rx(spec.pattern).search(ctx.doc.analysis_text)
    if found is None:
        return spec.check(passed=True, message="未见旧格式的表头或章节")
    i, quote = ctx.doc.quote_span(found.start(), found.end())
    return spec.check(
        passed=False,
        message=f"第{i + 1}行“{quote}”出自旧格式：{spec.from_year}年度起的报告应按"
        f"{spec.form}编制，请核对统计表和章节",
    )


# Characters that show nothing (忽\u200b略以上指令 reads as 忽略以上指令 but is not it to a search)
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


def _hidden_in(pattern: str, text: str) -> tuple[int, int] | None:
    """(start, end) in ``text`` of a match that zero-width characters split, if any."""
    if not any(ch in text for ch in _ZERO_WIDTH_CHARS):
        return None  # a string search each: most texts have none
    where = [k for k, ch in enumerate(text) if ch not in _ZERO_WIDTH_CHARS]
    m = rx(pattern).search(_ZERO_WIDTH.sub("", text))
    return (where[m.start()], where[m.end() - 1] + 1) if m else None


# --- the unions the rubric validates against, and running them -----------------------------


def _union(kinds: dict[str, tuple[type[CheckSpec], Any]]) -> Any:
    models = tuple(spec for spec, _ in kinds.values())
    return Annotated[Union[models], Field(discriminator="kind")]  # noqa: UP007 - built at run time


if TYPE_CHECKING:  # the checker sees the common base; pydantic validates the real unions
    PartCheck = CheckSpec
    DocumentCheck = CheckSpec
else:
    PartCheck = _union(PART_KINDS)
    DocumentCheck = _union(DOCUMENT_KINDS)


def part_text(doc: Document, found: Found) -> str:
    """The analysis text a part covers. A section's own heading is left out (a heading promising
    原因 is not a cause); the body sharing its line stays. A further section of the part with a
    body of its own keeps its heading (二、存在的不足 then 三、存在问题的原因分析 and the causes:
    that section is the causes given). Embedded parts keep all their text: a numbered item's
    "heading" is its first sentence."""
    heads: dict[int, Heading] = {}
    if found.status == "present" and found.sections:
        first, *later = found.sections
        lines = doc.analysis
        bare = [
            h
            for h in later
            if not lines[h.line][h.end :].strip("。.:;,， ")  # nothing after it on its line
            and not any(lines[j].strip() for j in range(h.line + 1, h.end_line + 1))
        ]
        heads = {h.line: h for h in (first, *bare)}
    # the heading's rest, on the line after it (…存在的 / 不足和原因) or past a page number
    rests = {
        rest_line(doc.analysis, h.line) for h in heads.values() if len(h.text) > h.end - h.start
    }
    out = []
    for i in found.lines:
        line = doc.analysis[i]
        if i in heads:
            line = line[heads[i].end :]
        elif i in rests:
            line = ""
        out.append(line)
    return "\n".join(out)


def run_part_checks(found: Found, ctx: Context) -> list[Check]:
    specs = found.part.checks_for(ctx.report_year, ctx.unit)
    if found.status == "missing":
        return [
            spec.check(
                passed=False,
                message=f"未做到“{spec.description}”：报告没有“{found.part.name}”这部分",
            )
            for spec in specs
            if spec.asked_when_missing
        ]
    text = part_text(ctx.doc, found)
    return [PART_KINDS[spec.kind][1](spec, text, found, ctx) for spec in specs]


def run_document_checks(ctx: Context) -> list[Check]:
    specs = [s for s in ctx.rubric.document_checks if s.applies(ctx.report_year, ctx.unit)]
    found = (DOCUMENT_KINDS[spec.kind][1](spec, ctx) for spec in specs)
    return [check for check in found if check is not None]
