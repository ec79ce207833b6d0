"""Build the analysis view of a text: Simplified script, folded widths, same line lengths."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import ne
from typing import Any

from fzcheck.document import Document, Format, Script, fold_width
from fzcheck.fast_patterns import bmp_only, cjk_count, utf16
from fzcheck.reading import t2s_changes
from fzcheck.reading.dates import find_published
from fzcheck.reading.ideographs import as_ideographs, may_hold_stand_ins, without_selectors
from fzcheck.reading.resegment import resegment


@dataclass(frozen=True)
class Extracted:
    """What a format reader got out of a file, before normalisation."""

    text: str
    encoding: str | None = None
    published: dt.date | None = None  # else the date a page's header states (find_published)
    styled: dict[int, int] = field(default_factory=dict)  # line index -> heading style level
    ocr: bool = False  # recognised from page images, not read from a text layer


_OTHER_BREAKS = "\r\u2028\u2029\x0b\x0c\x85"  # each ends a line, as \r\n does
# Emphasis markers are blanked in the analysis view (same length: quotes are cut from the text
# as written, at the view's offsets), so a bold heading is read as the heading it is.
_EMPHASIS = re.compile(r"\*{2,}")


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)  # built on first use, not at import: the class takes ~8 ms to compile
def _may_change_scan() -> tuple[re.Pattern[str], dict[str, tuple[re.Pattern[str], int]]]:
    """A scan for a character t2s changes on its own or one a listed phrase changes, and for
    each of the latter the phrases holding it, as one pattern, with the longest one's length
    (how far from the character one can reach). Supplementary-plane characters are left out of the class
    (each would be tried at every character)."""
    holding: dict[str, list[str]] = {}
    for key, value in t2s_changes.PHRASES:
        same_length = len(key) == len(value)
        for j, ch in enumerate(key):
            if not same_length or ch != value[j]:
                holding.setdefault(ch, []).append(key)
    phrases = {
        ch: (
            # longest first: the search says whether one stands, any one will do
            re.compile("|".join(map(re.escape, sorted(set(keys), key=len, reverse=True)))),
            max(map(len, keys)),
        )
        for ch, keys in holding.items()
    }
    chars = sorted({*t2s_changes.ALONE, *phrases})
    return re.compile("[" + "".join(re.escape(c) for c in chars if c <= "\uffff") + "]"), phrases


def may_change(text: str, units: bytes | None = None) -> bool:
    """Whether OpenCC's t2s could change ``text``: it holds a character t2s changes on its own,
    a phrase it changes (答覆 → 答复, though 覆 alone stays), or a supplementary-plane
    character. False means t2s leaves the text as it is, so no conversion is needed.
    ``units`` is ``utf16(text)`` when the caller has it."""
    if not bmp_only(text, units):
        return True  # a supplementary-plane character (two UTF-16 units): rare, let OpenCC see
    scan, in_phrases = _may_change_scan()
    for m in scan.finditer(text):
        phrase = in_phrases.get(m.group(0))
        if phrase is None:
            return True  # it changes on its own
        # a phrase holding the character, searched only in the few characters around it
        pattern, reach = phrase
        i = m.start()
        if pattern.search(text, max(0, i - reach + 1), i + reach) is not None:
            return True
    return False


def to_simplified(lines: list[str]) -> tuple[list[str], Script]:
    """Convert to Simplified keeping each line's length, and say which script the text was in.

    Most reports are Simplified already: a scan for what t2s could change settles most (a text
    holding none of it is not converted); otherwise one OpenCC call and one comparison. Only
    lines that changed are compared character by character (that count decides the script)."""
    out, script, _ = _simplified("\n".join(lines), lines, None)
    return out, script


def _simplified(text: str, lines: list[str], units: bytes | None) -> tuple[list[str], Script, bool]:
    """:func:`to_simplified` of ``text`` (``lines`` joined), and whether anything changed."""
    if not may_change(text, units):
        return list(lines), "simplified", False
    converted = _complete(_t2s().convert(text))
    if converted == text:
        return list(lines), "simplified", False
    out = converted.split("\n")
    if len(out) != len(lines):
        out = [_complete(_t2s().convert(line)) for line in lines]
    for i, (c, o) in enumerate(zip(out, lines, strict=True)):
        if len(c) != len(o):
            out[i] = _complete(_per_char(o))
    return out, "traditional" if _changed_share_over(out, lines, text, 0.03) else "simplified", True


def _complete(converted: str) -> str:
    """``converted`` with every character t2s changes on its own changed, phrases or not.

    OpenCC's phrase table keeps a few Traditional characters inside the names and classical
    words it lists (於單, 乾隆, 魏徵), and such a phrase can swallow a common word's character:
    由於單位 became 由於单位, and 由于 (a cause) went unread. For analysis every such character is
    converted; quotes are cut from the text as written. Only a phrase can leave one, so only
    the few that phrases keep (``KEPT``) are looked for."""
    for ch in t2s_changes.KEPT:
        if ch not in converted:
            continue
        single = _t2s().convert(ch)
        if len(single) == 1:  # one for one: every line keeps its length
            converted = converted.replace(ch, single)
    return converted


def _changed_share_over(out: list[str], lines: list[str], text: str, share: float) -> bool:
    """Whether more than ``share`` of the text's CJK characters changed. Comparing character by
    character is slow in Python, so it stops once more than ``share`` of all the text's
    characters changed: then more than ``share`` of its CJK ones did."""
    cjk = cjk_count(text)
    if not cjk:
        return False
    changed = 0
    for c, o in zip(out, lines, strict=True):
        if c != o:
            changed += sum(map(ne, c, o))
            if changed / len(text) > share:
                return True
    return changed / cjk > share


_CLAUSE = re.compile(r"[^，。；：、,.;:!?！？\s]+|.", re.DOTALL)


def _per_char(line: str) -> str:
    """A line whose conversion changed its length: convert clause by clause, so only a clause
    whose own conversion changes length falls back to single characters (which loses phrase
    conversions such as 瞭解 → 了解)."""
    conv = _t2s().convert
    out = []
    for clause in _CLAUSE.findall(line):
        c = conv(clause)
        out.append(
            c
            if len(c) == len(clause)
            else "".join(x if len(x := conv(ch)) == 1 else ch for ch in clause)
        )
    return "".join(out)


def _one_newline(text: str) -> str:
    r"""Every line break (\r\n, \r, U+2028, U+2029, \v, \f, U+0085) as one \n: a replace per
    kind the text holds (each a string search), where a scan for the class stops at every
    character and a Windows file has a match on every line."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")  # first: \r\n is one break, not two
    for c in _OTHER_BREAKS:
        if c in text:
            text = text.replace(c, "\n")
    return text


# A table of contents' entry: a heading (its marker first), then one tab or a dot leader (……, the
# ellipsis typed once, is one too), then its page number (a table's row has a label and several
# values, or no marker)
_MARKER = (
    r"(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)"
    r"|\d{1,2}[.、])"
)
_CONTENTS_ENTRY = re.compile(
    rf"^\s*{_MARKER}[^\t]*?(?:\t+|\s*(?:…[.·…]+|[.·][.·…]{{2,}})\s*)\d{{1,3}}\s*$"
)
_CONTENTS_TITLE = re.compile(r"^\s*目\s*录\s*$")
# a text with none of these and no line 目录 has no contents (string searches: a regex for the
# entries' ends tries every position)
_LEADERS = ("\t", "..", "…", "··")
_CONTENTS_END = re.compile(r"目[ \t]*录[ \t]*$", re.MULTILINE)  # its 目 first: a literal scan


def _has_contents_title(text: str) -> bool:
    """A line that is only 目录 (a regex anchored at every line start tries every position)."""
    for m in _CONTENTS_END.finditer(text):
        if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
            return True
    return False


_LISTED = re.compile(rf"^\s*{_MARKER}")
_MIN_ENTRIES = 3
_MAX_ENTRY = 60  # an entry is a heading, not a paragraph that starts with a marker


def _without_contents(analysis: list[str]) -> list[str]:
    """The analysis view with a table of contents blanked (目录, then 一、…\t1 / …………3 a
    line): its entries repeat the headings, and a stale one names a section the body lacks.
    Blanked, not removed, so every line keeps its number; the text as read keeps them. A list
    of entries with no 目录 in the text is left (a table's rows are never one)."""
    out = list(analysis)
    i = 0
    while i < len(out):
        j, entries = i, 0
        while j < len(out) and (not out[j].strip() or _is_entry(out[j])):
            entries += bool(out[j].strip())
            j += 1
        titled = i > 0 and _CONTENTS_TITLE.match(out[i - 1]) is not None
        if entries >= _MIN_ENTRIES or (titled and entries >= 2):
            start = i - 1 if titled else i
            out[start:j] = [" " * len(line) for line in out[start:j]]
        i = max(j, i + 1)
    return _without_unnumbered_contents(out)


def _is_entry(line: str) -> bool:
    # its page number last: the end tried first rules out a paragraph opening with （一）
    return line.rstrip()[-1:].isdigit() and _CONTENTS_ENTRY.match(line) is not None


def _without_unnumbered_contents(out: list[str]) -> list[str]:
    """目录 over headings with no page numbers (a web page's copy): the short marked lines under
    it, up to the first that is not one or whose marker comes again (the body starting), are
    blanked with their 目录 when the body has most of their markers again (一、 二、 四、: one
    may be stale, a section the body lacks)."""
    titles = [i for i, line in enumerate(out) if "录" in line and _CONTENTS_TITLE.match(line)]
    if not titles:
        return out
    last: dict[str, int] = {}  # a marker -> the last line it starts
    for n, line in enumerate(out):
        if m := _LISTED.match(line):
            last[m.group(0).strip()] = n
    for i in titles:
        entries: dict[str, int] = {}
        for j in range(i + 1, len(out)):
            if not out[j].strip():
                continue
            m = _LISTED.match(out[j])
            if m is None or len(out[j].strip()) > _MAX_ENTRY or m.group(0).strip() in entries:
                break
            entries[m.group(0).strip()] = j
        repeated = sum(last[marker] > j for marker, j in entries.items())
        if repeated >= 2 and 2 * repeated >= len(entries):
            end = max(entries.values()) + 1
            out[i:end] = [" " * len(line) for line in out[i:end]]
    return out


# A form's own instructions, left in the filled-in report ((填写说明:如实反映…存在的主要问题,
# 并提出…改进措施…)): what the form asks for, not what the report says. Blanked in the analysis
# view like a table of contents; the text as read keeps them.
_FORM_NOTE = re.compile(
    r"[(\[【](?:填写|填报|编写|撰写|编制)(?:说明|要求|提示)[:：][^()\[\]【】\n]{0,500}[)\]】]"
)
_FORM_NOTE_WORDS = ("说明", "要求", "提示")


def _form_note_words(text: str) -> bool:
    """Whether a colon in ``text`` follows one of the form note's words: a text has a few
    colons, each found at a plain string search's speed (a search for each word and colon
    read the whole text six times)."""
    for colon in ":：":
        i = text.find(colon, 2)
        while i >= 0:
            if text[i - 2 : i] in _FORM_NOTE_WORDS:
                return True
            i = text.find(colon, i + 1)
    return False


# Characters that show nothing, carried in from a web page or an editor (a BOM, zero-width
# spaces and joiners, a word joiner, a soft hyphen): taken out, so that a title, a heading or a
# quote with one is the same text as without (bidi controls are kept: they are shown, as a
# submission's trick, where a reviewer reads them).
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"


# A line opening with each character twice (二二、、存存在在的的…): a PDF's fake bold, each glyph
# drawn twice a hair apart, as a text copy gives it. Four pairs at least, the first two unlike (a
# rule of ==== or ———— is no bold); see _undoubled for the rest. (\n first: skipped to as a string)
_DOUBLED_AT = re.compile(r"\n[^\S\n]*(\S)\1(?!\1)(\S)\2(.)\3(.)\4")
_DOUBLED_FIRST = re.compile(r"[^\S\n]*(\S)\1(?!\1)(\S)\2(.)\3(.)\4")
_DOUBLED_RUN = 5  # pairs a doubled opening with more text after it has at least


def _undoubled(text: str) -> str:
    """``text`` with each line's doubled opening (a fake-bold heading or title, the whole line
    or its bold words) written once: 二二、、存存在在的的不不足足 is 二、存在的不足, and was read as no
    heading at all."""
    if _DOUBLED_AT.search(text) is None and _DOUBLED_FIRST.match(text) is None:
        return text  # most texts: no line opens doubled (one search, 2 µs)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if (m := _DOUBLED_FIRST.match(line)) is None:
            continue
        k = m.start(1)
        while k + 1 < len(line) and line[k] == line[k + 1]:
            k += 2
        once = line[m.start(1) : k : 2]
        # bold words go on in the regular face (…导。局党组) or fill the line; four pairs alone
        # before more text are a word's (认认真真踏踏实实地); and bold is a heading's, with words
        # in it (a table's 1100 2200 is two values)
        if (len(once) >= _DOUBLED_RUN or not line[k:].strip()) and any(c > "\u2e80" for c in once):
            lines[i] = line[: m.start(1)] + once + line[k:]
    return "\n".join(lines)


def build_document(source: str, sha256: str, fmt: Format, raw: Extracted) -> Document:
    text = _undoubled(_one_newline(raw.text))
    for c in _INVISIBLE:  # a string search each: most texts hold none
        if c in text:
            text = text.replace(c, "")
    # the text's UTF-16 code units and their high bytes, made once for the three questions
    # below that read them (each copy is a pass over the text)
    written = utf16(text)
    high = written[1::2]
    if (bare := without_selectors(text, written, high)) != text:
        text, written = bare, utf16(bare)
        high = written[1::2]
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start another
        text, written, high = text[:-1], written[:-2], high[:-1]
    units: bytes | None = written
    # the analysis view from here: ⽇ read as 日 before OpenCC reads it (⾧, the Kangxi 長, is 长)
    seen, seen_lines = text, lines
    if may_hold_stand_ins(written, high) and (read := as_ideographs(text)) != text:
        seen, seen_lines, units = read, read.split("\n"), None
    simplified, script, changed = _simplified(seen, seen_lines, units)
    if changed:
        seen, units = "\n".join(simplified), None
    folded = fold_width(seen, units, high if units is not None else None)
    if "**" in folded:  # Markdown bold (**一、主要举措**, as pandoc writes a Word heading)
        folded = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), folded)
    if _form_note_words(folded):  # most texts ruled out
        folded = _FORM_NOTE.sub(lambda m: " " * len(m.group(0)), folded)
    analysis = folded.split("\n")
    if "录" in folded and (any(c in folded for c in _LEADERS) or _has_contents_title(folded)):
        analysis = _without_contents(analysis)  # 录: a string search rules most texts out
    styled, origin = raw.styled, None
    segments = resegment(analysis)
    if segments is not None:  # run-on text: cut at its inline headings, remember where from
        first = {i: j for j, (i, _, _) in reversed(list(enumerate(segments)))}
        styled = {first[i]: level for i, level in raw.styled.items() if i in first}
        lines = [lines[i][a:b] for i, a, b in segments]
        analysis = [analysis[i][a:b] for i, a, b in segments]
        origin = tuple((i, a) for i, a, _ in segments)
    return Document(
        source=source,
        sha256=sha256,
        format=fmt,
        encoding=raw.encoding,
        lines=lines,
        analysis=analysis,
        script=script,
        published_on=raw.published or find_published(folded, folded=True),
        styled_headings=styled,
        origin=origin,
        ocr=raw.ocr,
        unreadable=text.count("\ufffd"),
    )
