"""Is this document the rubric's genre (say, a 法治政府建设年度报告)? Decided from the evidence.

Each sign — the title, 现将…报告如下, the law's own part wording in headings, the parts found,
and positive signs of other genres (a news dateline, a 解读's questions, 各位代表, a 印发 wrapper,
another subject's report) — carries a weight from the rubric; the document is of the genre when
the weights add up to the rubric's ``pass_score``. A missing title is not a sign either way: a
report without one fails the title check, it does not stop being a report. The score is kept so
that the best-matching rubric can be chosen per input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from fzcheck.analysis.patterns import Finder, any_of, rx
from fzcheck.document import Document
from fzcheck.fast_patterns import cached_scanner
from fzcheck.memo import per_object
from fzcheck.result import Check, PartResult
from fzcheck.rubric.model import Genre, GenreSign, Rubric

HEAD_LINES = 12
_CITED = re.compile(r"《[^》\n]{0,80}》")
_JOINER = "(?:以及|[暨和及与并、,])"  # the analysis view: ， folded to ,


@dataclass(frozen=True, slots=True)
class Sign:
    text: str  # Chinese, as the message shows it
    weight: float


@dataclass(slots=True)
class GenreDecision:
    passed: bool
    score: float
    message: str
    signs: list[Sign] = field(default_factory=list)

    def check(self, rubric: Rubric) -> Check:
        """The genre check, named by the rubric when it describes one."""
        spec = rubric.document_checks_by_id.get("is_report")
        name = spec.description if spec is not None else f"属于{rubric.title}"
        return Check(id="is_report", passed=self.passed, message=self.message, name=name)


def genre_score(
    doc: Document,
    title: str | None,
    parts: Sequence[PartResult],
    rubric: Rubric,
    headings: Sequence[str] = (),
    rare_absent: bool = False,
) -> GenreDecision:
    """Weigh the signs for and against ``doc`` being ``rubric``'s genre.

    ``title`` is the analysis text of the title (None when there is none); ``headings`` the
    analysis text of the outline's headings; ``rare_absent`` that none of the ``text`` and
    ``line_start`` signs stands (:func:`fzcheck.analysis.rare.rare_signs_absent`)."""
    g = rubric.report_genre
    w = g.weights
    text = doc.analysis_text
    signs: list[Sign] = []
    # A cited document's title (《法治政府建设实施纲要》) is not the document talking about itself.
    own = _CITED.sub(lambda m: " " * len(m.group(0)), text)
    # only fewer than min_subject_mentions count against it: stop looking once there are enough
    mentions = sum(
        1 for _ in islice(cached_scanner(g.subject).finditer(own), g.min_subject_mentions)
    )
    if mentions < g.min_subject_mentions:
        # the fewer, the stronger: an excerpt that names the subject once weighs half as much
        share = (g.min_subject_mentions - mentions) / g.min_subject_mentions
        signs.append(
            Sign(f"全文只提及{g.subject_name}{mentions}次", w.few_subject_mentions * share)
        )
    # the title's kind, said once: a title sign of the rubric's matching the same word (…的通报,
    # 通报 also among 通报、纪要、决定或批复) adds its weight to it, not a second name
    kind: Sign | None = None
    if title is not None:
        titled = _title_signs(g, title)
        signs.extend(titled)
        kind = next((s for s in titled if s.text.startswith(_KIND)), None)
    phrase = rx(g.report_phrases).search(text, 0, 3000)
    if phrase:
        signs.append(Sign(f"有“{phrase.group(0)[:20]}”", w.report_phrase))
    law = None
    if g.law_headings:
        law_rx = rx(g.law_headings)
        law = next((m for h in headings if (m := law_rx.search(h))), None)
        if law:
            signs.append(Sign(f"标题层级用了法定表述“{law.group(0)}”", w.law_heading))
    required = [p for p in parts if p.required]
    present = sum(p.status == "present" for p in required)
    embedded = sum(p.status == "embedded" for p in required)
    if present or embedded:
        signs.append(
            Sign(
                f"找到必备部分{present}个、嵌入{embedded}个",
                present * w.part_present + embedded * w.part_embedded,
            )
        )
    # Signs of other genres are rare in reports: one scan for all that look at one place (the
    # title, the opening, the whole text) tells whether any needs its own look.
    head = "\n".join(islice((line for line in doc.analysis if line.strip()), HEAD_LINES))
    places = {"title": title, "head": head, "text": None if rare_absent else text}
    none_in = {where: _none_in(g, where, scope) for where, scope in places.items()}
    if rare_absent:
        none_in["line_start"] = True
    # most reports: no place holds any sign, and no sign needs its own look; most others only
    # the title (年度报告 is one sign's word), whose signs are all looked at in one go
    hit = [w for w in _joined_by_place(g) if not none_in.get(w, False)]
    in_title = _title_hits(g, title) if title and "title" in hit else {}
    fired: set[str] = set()  # signs that share a name are one sign: it counts once
    in_text: list[Sign] = []
    for i in _at_places(g, hit):
        spec = g.other_genres[i]
        if spec.name in fired:
            continue
        sign = in_title.get(i) if spec.where == "title" else _other_genre(spec, head, doc)
        if (
            sign is not None
            and kind is not None
            and spec.where == "title"
            and sign.text.endswith(f"（“{kind.text.removeprefix(_KIND)}”）")
        ):
            at = signs.index(kind)
            signs[at] = kind = Sign(kind.text, kind.weight + sign.weight)
            fired.add(spec.name)
            continue
        if sign is not None:
            signs.append(sign)
            fired.add(spec.name)
            if spec.where == "text":
                in_text.append(sign)
    if w.text_signs_cap is not None and law and required and present == len(required):
        beyond = -sum(s.weight for s in in_text) - w.text_signs_cap
        if beyond > 0:
            signs.append(Sign("每个必备部分都有独立章节，正文中其他文体的迹象按上限计", beyond))
    score = round(sum(s.weight for s in signs), 1)
    passed = score >= g.pass_score
    return GenreDecision(
        passed=passed, score=score, message=_message(g, passed, score, signs), signs=signs
    )


_KIND = "标题表明这是"  # the sign of a title naming another kind of document


@per_object
def _title_kinds(g: Genre) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Another kind of document ending the title, and a report word joined to what follows."""
    return (
        # …工作要点（征求意见稿） / （草案） / （试行）: a note on the draft, not what it is
        rx(rf"(?:{g.not_report_titles})(?=(?:\([^()]{{1,10}}\))?$)"),
        # …工作总结和2026年工作要点 reports on the year too: a report word joined right away to
        # what follows (和 及 暨 与 并); …督察情况的反馈意见 is a 意见 about one, and …年度报告编制和
        # 发布工作的通知 a 通知 on making one
        rx(rf"(?:{g.report_words})\s*{_JOINER}"),
    )


def _title_signs(g: Genre, title: str) -> list[Sign]:
    t = title.strip()
    other_kind, joined_on = _title_kinds(g)
    bad = other_kind.search(t)
    if bad and not joined_on.search(t[: bad.start()]):
        return [Sign(f"{_KIND}{bad.group(0)}", g.weights.title_other_genre)]
    # the words it has: 依法治校工作报告 names 依法治, not 法治政府建设
    # (the last report word: …情况的报告 is a 报告)
    words = [m.group(0) for m in rx(g.report_words).finditer(t)]
    if (subject := rx(g.subject).search(t)) and words:
        return [Sign(f"标题有“{subject.group(0)}”和“{words[-1]}”", g.weights.title_names_subject)]
    return []


def _none_in(g: Genre, where: str, scope: str | None) -> bool:
    """Whether none of the signs that look ``where`` stands in ``scope`` (None: nothing to look
    at, or known to hold none)."""
    if scope is None:
        return True
    joined = _joined_by_place(g).get(where)
    return joined is None or joined.search(scope) is None


@per_object
def _joined_by_place(g: Genre) -> dict[str, Finder | None]:
    """The other genres' signs joined into one scan per place they look (title, head, text)."""
    places = dict.fromkeys(s.where for s in g.other_genres)
    return {
        where: any_of(
            tuple(s.pattern for s in g.other_genres if s.where == where),
            None,
            0 if where == "title" else re.MULTILINE,
        )
        for where in places
    }


def _at_places(g: Genre, places: list[str]) -> list[int]:
    """The positions of the other genres' signs that look at one of ``places``, in order."""
    if not places:
        return []
    by_place = _sign_numbers(g)
    return sorted(i for w in places for i in by_place[w])


@per_object
def _sign_numbers(g: Genre) -> dict[str, tuple[int, ...]]:
    """The positions of the other genres' signs in the rubric's list, by the place they look."""
    places = dict.fromkeys(s.where for s in g.other_genres)
    return {w: tuple(i for i, s in enumerate(g.other_genres) if s.where == w) for w in places}


def _other_genre(spec: GenreSign, head: str, doc: Document) -> Sign | None:
    """``spec``, a sign not of the title's, where it looks (``head``: the first non-blank
    lines), when it stands there."""
    if spec.where == "line_start":
        return _at_line_start(spec, doc)
    scope = head if spec.where == "head" else doc.analysis_text
    if not scope:
        return None
    # a long scope is searched by first character (cached_scanner)
    m = cached_scanner(spec.pattern, re.MULTILINE).search(scope)
    if m is None or (spec.unless and rx(spec.unless).search(scope)):
        return None
    if spec.where == "text":  # quoted as written (（县司法局供稿）), not as folded for search
        return _sign(spec, doc.quote_span(m.start(), m.end())[1])
    return _sign(spec, m.group(0))


def _title_hits(g: Genre, title: str) -> dict[int, Sign]:
    """The title's signs that stand in ``title`` (none of their ``unless`` with them), by their
    position in the rubric's list."""
    return {
        i: _sign(spec, m.group(0))
        for i, spec, pattern, unless in _title_finders(g)
        if (m := pattern.search(title)) is not None
        and (unless is None or unless.search(title) is None)
    }


@per_object
def _title_finders(
    g: Genre,
) -> tuple[tuple[int, GenreSign, re.Pattern[str], re.Pattern[str] | None], ...]:
    """Each title sign with its position, its pattern and its ``unless`` compiled: most titles
    are searched for all of a score of signs (the joined scan finds 年度报告, one sign's word)."""
    return tuple(
        (i, s, rx(s.pattern, re.MULTILINE), rx(s.unless) if s.unless else None)
        for i, s in enumerate(g.other_genres)
        if s.where == "title"
    )


def line_start(pattern: str) -> str:
    r"""A ``line_start`` sign's pattern as it is searched: after a newline and any white space,
    in the text behind one more newline. Blank lines are passed over by starting at the last
    newline before the sign (white space but newlines after it): \n\s* took each newline of a
    run of blank lines to the run's end, quadratic in the run."""
    return rf"\n[^\S\n]*(?:{pattern})"


def _at_line_start(spec: GenreSign, doc: Document) -> Sign | None:
    r"""The sign's pattern where it opens a line, after any white space (blank lines too), as
    (?:^|\n)\s*(?:pattern) finds it: searched from newlines (a literal the engine skips to) in
    the text behind one more newline, where ^ would be tried at every character."""
    pattern = rx(line_start(spec.pattern))
    lined = f"\n{doc.analysis_text}"
    pos = 0
    while (m := pattern.search(lined, pos)) is not None:
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())  # where the sign begins
        end = lined.find("\n", start)
        line = lined[lined.rfind("\n", 0, start) + 1 : end if end >= 0 else None]
        if not (spec.unless and rx(spec.unless).search(line)):
            return _sign(spec, doc.quote_span(start - 1, m.end() - 1)[1])
        pos = m.start() + 1
    return None


def _sign(spec: GenreSign, quote: str) -> Sign:
    return Sign(f"{spec.name}（“{quote.strip()[:16]}”）", spec.weight)


def _message(g: Genre, passed: bool, score: float, signs: list[Sign]) -> str:
    """Name the signs that decided it: the strongest on the winning side first."""
    side = [s for s in signs if (s.weight > 0) == passed and s.weight != 0]
    side.sort(key=lambda s: -abs(s.weight))
    why = "；".join(s.text for s in side[:3]) or "没有报告的特征"
    # a close call reads as one: the strongest sign the other way, when it outweighs the margin
    # (a 工作要点's title against the law's headings it lists as tasks)
    against = max(
        (s for s in signs if s.weight and (s.weight > 0) != passed),
        key=lambda s: abs(s.weight),
        default=None,
    )
    close = against is not None and abs(score - g.pass_score) < abs(against.weight)
    but = f"；但{against.text}" if against and close else ""
    if passed:
        return f"是{g.subject_name}年度报告：{why}{but}（得分{score:g}）"
    return f"不是{g.subject_name}报告：{why}{but}（得分{score:g}）"
