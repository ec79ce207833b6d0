"""Patterns compiled to match exactly what they match as written, but found faster.

Python's regex engine skips ahead quickly only to a literal prefix or to a set of literal first
characters; a pattern whose branches start with a group, a class or an optional part
((?:把|将)…|(?:工作)?情况…) is tried at every position of the text, which made a few rubric
patterns cost more than the rest of the analysis. Three remedies, none of which changes a match:

- :func:`spread_branches` writes such branches out, one per opening word or character;
- where that is not possible, :func:`fast` adds a zero-width look-ahead on the characters any
  match must start with (:func:`first_chars`), and tells the engine of them as it would of a
  literal first character (:func:`led_by`: a look-ahead alone is tried at every position);
- :func:`scanner` searches an alternation of a few first characters once per character, each
  search skipping ahead as fast as a plain string search;
- :func:`grouped_by_first` writes an alternation whose branches each open with one character
  as one branch per first character (不足|不够|原因 becomes 不(?:足|够)|原因): at a position the
  engine then tries the few branches that open with its character, where it tried them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from fzcheck.stdlib_re import compiler, constants, engine, parser


def fast(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled to be found faster: branches that open with a group of words or a
    class of characters are spread out so that each opens with a literal (see
    :func:`spread_branches`), else a look-ahead on its first characters is added."""
    compiled = re.compile(pattern, flags)
    grouped = _grouped(compiled)
    if grouped is not None:
        return grouped
    spread = pattern if compiled.flags & re.VERBOSE else spread_branches(pattern)
    if spread != pattern:
        try:
            candidate = re.compile(spread, flags)
        except re.error:
            candidate = None
        if candidate is not None and candidate.groups == compiled.groups:
            compiled, pattern = candidate, spread
    first = first_chars(compiled)
    if first is None:
        return compiled
    lead = GLOBAL_FLAGS.match(pattern)
    head, body = (pattern[: lead.end()], pattern[lead.end() :]) if lead else ("", pattern)
    end = "\n)" if compiled.flags & re.VERBOSE else ")"  # a trailing # comment stays closed
    cls = "".join(c if len(c) > 1 else re.escape(c) for c in sorted(first))
    return led_by(f"{head}(?=[{cls}])(?:{body}{end}", flags, cls)


def led_by(pattern: str, flags: int, cls: str) -> re.Pattern[str]:
    """``pattern``, whose every match starts with a character of the class ``cls`` (its leading
    look-ahead), compiled as re.compile does but with that class in the header the engine
    reads before matching: it then skips to such a character as a string search does, where a
    look-ahead alone is a call of the matcher at every character (a search took twice as
    long). The header only says where a match may start, the pattern still decides, so every
    match is the same; if the stdlib's compiler no longer builds the same code, re.compile's
    own is used."""
    try:
        parsed = parser.parse(pattern, flags)
        # the header is made from a class, or from one character as a group's literal prefix
        # (found faster still; the group keeps the engine matching from the character on)
        single = parser.parse(f"[{cls}]", flags).data[0][0] is constants.LITERAL
        lead = parser.parse(f"({cls})[\x00\x01]" if single else f"[{cls}]", flags)
        all_flags = parsed.state.flags | flags
        code: list[int] = []
        compiler._compile_info(code, _Lead(lead.data, parsed.getwidth()), all_flags)
        compiler._compile(code, parsed.data, all_flags)
        code.append(constants.SUCCESS)
        own = compiler._code(parsed, flags)
        if own[1 + own[1] :] != code[1 + code[1] :]:
            return re.compile(pattern, flags)
        groups = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groups.items():
            names[i] = name
        led: re.Pattern[str] = engine.compile(
            pattern, all_flags, code, parsed.state.groups - 1, groups, tuple(names)
        )
        return led
    except Exception:  # noqa: BLE001 - a change in the stdlib's compiler must not stop a check
        return re.compile(pattern, flags)


@dataclass(frozen=True)
class _Lead:
    """What the stdlib's header compiler reads of a pattern: its first items and its widths."""

    data: list[Any]
    width: tuple[int, int]

    def getwidth(self) -> tuple[int, int]:
        return self.width


GLOBAL_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")
_META = set("\\.^$*+?()[]{}|")
_MAX_SPREAD = 64  # branches one pattern may spread into


def spread_branches(pattern: str) -> str:
    """``pattern`` with each top-level branch that opens with a group of plain words, or a class
    of plain characters, written as one branch per word or character: (?:把|将)所有 becomes
    把所有|将所有 and [(（]记者 becomes \\(记者|（记者. Branches are tried in the same order at
    each position, so every match is the same; the engine can then skip to the literals. A
    pattern with capturing groups, back-references or verbose mode is left as it is."""
    lead = GLOBAL_FLAGS.match(pattern)
    head, body = (pattern[: lead.end()], pattern[lead.end() :]) if lead else ("", pattern)
    if "x" in head or re.compile(pattern).groups:
        return pattern
    branches = split_top(body)
    if branches is None:
        return pattern
    out: list[str] = []
    for branch in branches:
        out.extend(_spread(branch) or [branch])
    if len(out) > _MAX_SPREAD:
        return pattern
    return head + "|".join(out)


def _grouped(compiled: re.Pattern[str]) -> re.Pattern[str] | None:
    """``compiled`` written by :func:`grouped_by_first`, when it can be: no flags that change
    what a character is (case folding, verbose mode) and no groups to renumber."""
    if compiled.groups or compiled.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    grouped = grouped_by_first(compiled.pattern)
    if grouped is None:
        return None
    try:
        candidate = re.compile(grouped, compiled.flags)
    except re.error:
        return None
    return candidate if not candidate.groups else None


def grouped_by_first(pattern: str) -> str | None:
    """``pattern``'s top-level branches (a group of words or a class opening one written out,
    as :func:`spread_branches` does) gathered by their first character, each character written
    once before its branches' rests in their order: 不足|原因|不够 becomes 不(?:足|够)|原因. A
    look-behind opening a branch moves past the character with it in its text ((?<![形造])成因
    becomes 成(?<!(?:[形造])成)因): it tests the same characters. A match starts with its
    branch's character, so at each position only that character's branches can match, tried
    in the order the pattern has them: every match is the same. None when a branch opens with
    something else (a class, a repeat, an anchor), with a global flag, or when all open with
    one character (the engine skips to it already)."""
    if GLOBAL_FLAGS.match(pattern):
        return None
    branches = split_top(pattern)
    if branches is None:
        return None
    written = [w for branch in branches for w in _written_out(branch)]
    if len(written) > _MAX_WRITTEN:
        return None
    rests: dict[str, list[str]] = {}
    for branch in written:
        factored = _first_and_rest(branch)
        if factored is None:
            return None
        rests.setdefault(factored[0], []).append(factored[1])
    if len(rests) < 2:
        return None
    return "|".join(
        re.escape(c) + (after[0] if len(after) == 1 else "(?:" + "|".join(after) + ")")
        for c, after in rests.items()
    )


_MAX_WRITTEN = 512  # branches a pattern may be written out into (each is compiled once)


def _written_out(branch: str, depth: int = 0) -> list[str]:
    """``branch`` as the branches it stands for, one per alternative of a group that opens it
    (after its look-behinds), in their order, as far as that goes: (?<!将)(?:造成|导致)的 is
    (?<!将)造成的|(?<!将)导致的, and (?:A|B)?R is AR|BR|R. The engine tries (?:A|B)R as it tries
    AR|BR (A then R, back into A, then B…), so each position finds the same match."""
    behinds = _behinds(branch)
    if behinds is None or depth > _MAX_DEPTH:
        return [branch]
    behind = sum(map(len, behinds))
    head, body = branch[:behind], branch[behind:]
    if body.startswith("[") and (spread := _spread(body)) is not None:
        return [head + w for w in spread]
    if not body.startswith("(?:"):
        return [branch]
    close = _group_close(body, 0)
    inner = split_top(body[3 : close - 1]) if close is not None else None
    if close is None or inner is None:
        return [branch]
    rest = body[close:]
    optional = rest.startswith("?") and not rest.startswith(("??", "?+"))
    if optional:
        rest = rest[1:]
        inner.append("")
    elif rest[:1] in _QUANTIFIERS:
        return [branch]
    return [w for alt in inner for w in _written_out(head + alt + rest, depth + 1)]


_MAX_DEPTH = 8  # groups opening groups written out


def _behinds(branch: str) -> list[str] | None:
    """The look-behinds ``branch`` opens with, as written; None when one does not close."""
    out: list[str] = []
    i = 0
    while branch.startswith(("(?<=", "(?<!"), i):
        end = _group_close(branch, i)
        if end is None:
            return None
        out.append(branch[i:end])
        i = end
    return out


def _first_and_rest(branch: str) -> tuple[str, str] | None:
    """(the one character ``branch`` opens with, the rest, its opening look-behinds moved past
    that character), or None when it opens otherwise."""
    behinds = _behinds(branch)
    if behinds is None:
        return None
    behind = [f"{b[:4]}(?:{b[4:-1]})" for b in behinds]
    i = sum(map(len, behinds))
    c, after = branch[i : i + 1], i + 1
    if c == "\\" and not branch[i + 1 : i + 2].isalnum():  # an escaped sign: \( is (
        c, after = branch[i + 1 : i + 2], i + 2
    elif c in _META or c.isspace():
        return None
    if not c or branch[after : after + 1] in _QUANTIFIERS:
        return None
    return c, "".join(f"{b}{re.escape(c)})" for b in behind) + branch[after:]


_QUANTIFIERS = ("?", "*", "+", "{")


def _group_close(body: str, i: int) -> int | None:
    """Just past the group that opens at ``body[i]``; None when it does not close."""
    for at, c, depth in _structure(body, i):
        if c == ")" and depth == 0:
            return at + 1
    return None


def split_top(body: str) -> list[str] | None:
    """The top-level branches of ``body``; None when it cannot be read simply."""
    parts, start, depth = [], 0, 0
    for at, c, depth in _structure(body, 0):
        if not c:  # a class left open
            return None
        if c == "|" and depth == 0:
            parts.append(body[start:at])
            start = at + 1
    if depth:
        return None
    parts.append(body[start:])
    return parts


def _structure(body: str, i: int) -> Iterator[tuple[int, str, int]]:
    """Each ``(``, ``)`` and ``|`` of ``body`` from ``i`` on, outside escapes and classes, with
    the group depth after it (a ( opening at depth 0 gives 1, its ) 0 again); last, an empty
    character at the end when ``body`` ends inside a class."""
    depth, in_class = 0, False
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if body[i + 1 : i + 2] == "^":
                i += 1
            if body[i + 1 : i + 2] == "]":  # a ] right after [ or [^ is a literal
                i += 1
        elif c in "()|":
            depth += 1 if c == "(" else -1 if c == ")" else 0
            yield i, c, depth
        i += 1
    if in_class:
        yield len(body), "", depth


def _spread(branch: str) -> list[str] | None:
    """One branch per opening word or character, when the branch opens with (?:a|b) or [ab]
    of plain text (optionally ``?``); None when it does not."""
    if branch.startswith("(?:"):
        close = _group_end(branch)
        if close is None:
            return None
        words = branch[3:close].split("|")
        rest = branch[close + 1 :]
    elif branch.startswith("[") and not branch.startswith(("[^", "[]")):
        close = branch.find("]")
        inner = branch[1:close]
        if close < 0 or "\\" in inner or "-" in inner or "[" in inner:
            return None
        words = [re.escape(c) for c in inner]
        rest = branch[close + 1 :]
    else:
        return None
    if not words or any(not w or (_META & set(w) and not _escaped(w)) for w in words):
        return None
    optional = rest.startswith("?") and not rest.startswith(("??", "?+"))
    if optional:
        rest = rest[1:]
    elif rest[:1] in ("*", "+", "{", "?"):
        return None
    return [w + rest for w in words] + ([rest] if optional else [])


def _escaped(word: str) -> bool:
    """Whether ``word`` is re.escape's output: every metacharacter escaped."""
    return re.escape(re.sub(r"\\(.)", r"\1", word)) == word


def _group_end(branch: str) -> int | None:
    """Where the group that opens ``branch`` closes, when it holds no group or class."""
    for i, c in enumerate(branch[3:], 3):
        if c in "([\\":
            return None
        if c == ")":
            return i
    return None


_MAX_FIRST = 200  # more possible first characters than this: the engine's own scan is as good
_CATEGORIES = {constants.CATEGORY_DIGIT: r"\d", constants.CATEGORY_SPACE: r"\s"}


def first_chars(compiled: re.Pattern[str]) -> frozenset[str] | None:
    """The characters every match of ``compiled`` starts with, when a look-ahead on them helps:
    None when the engine already skips ahead (a literal first), when a match may be empty or
    start with any character, or when the set is large."""
    items = _leading_items(compiled)
    if not items or _engine_skips(items[0]):
        return None
    chars, nullable = _first(items, False)
    if chars is None or nullable or not chars or len(chars) > _MAX_FIRST:
        return None
    return frozenset(chars)


def opens_with_literal(compiled: re.Pattern[str]) -> bool:
    """Whether the engine itself skips ahead to where ``compiled`` may match (it opens with a
    character, a class, or branches that each open with a character)."""
    items = _leading_items(compiled)
    return bool(items) and _engine_skips(items[0])


def _leading_items(compiled: re.Pattern[str]) -> list[Any]:
    """``compiled``'s parsed items, a plain group opening it unwrapped as the engine does;
    empty when the stdlib's parser cannot say."""
    try:
        parsed = parser.parse(compiled.pattern, compiled.flags)
    except Exception:  # noqa: BLE001 - a change in the stdlib parser must not stop a check
        return []
    items = list(parsed.data)
    while items and items[0][0] is constants.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
        items = list(items[0][1][3].data) + items[1:]
    return items


def first_after_space(pattern: str) -> frozenset[str] | None:
    """The characters the first non-white-space character a match consumes can be (the empty
    string among them when a match may hold nothing but white space); None when any. A line
    whose first non-space character is not among them cannot match ``^\\s*`` + ``pattern``."""
    chars, blank = _first(parser.parse(pattern).data, True)
    if chars is None:
        return None
    return frozenset(c for c in chars if len(c) == 1) | ({""} if blank else set())


def _engine_skips(item: tuple[Any, Any]) -> bool:
    op, av = item
    if op is constants.LITERAL or op is constants.IN:
        return True
    return op is constants.BRANCH and all(
        b.data and b.data[0][0] is constants.LITERAL for b in av[1]
    )


def _first(items: Any, skip_space: bool) -> tuple[set[str] | None, bool]:
    """(possible first characters or None for any, whether the sequence may match empty).
    With ``skip_space``, white space is passed over as if it matched nothing."""
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _first_of(op, av, skip_space)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _first_of(op: Any, av: Any, skip_space: bool) -> tuple[set[str] | None, bool]:
    if op is constants.LITERAL:
        return (set(), True) if skip_space and chr(av).isspace() else ({chr(av)}, False)
    if op is constants.IN:
        members = class_members(av)
        if skip_space and members is not None:
            spaces = {c for c in members if c == r"\s" or c.isspace()}
            if spaces:  # it may take white space only: what follows may be the first
                return members - spaces, True
        return members, False
    if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
        return set(), True  # zero width: the next item consumes the first character
    if op is constants.SUBPATTERN:
        _, add, remove, sub = av
        if (add | remove) & re.IGNORECASE:
            return None, False  # a scoped (?i:…) would not reach the look-ahead
        return _first(sub.data, skip_space)
    if op is constants.ATOMIC_GROUP:
        return _first(av.data, skip_space)
    if op is constants.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, empty = _first(branch.data, skip_space)
            if first is None:
                return None, False
            chars |= first
            nullable |= empty
        return chars, nullable
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        low, _, sub = av
        first, empty = _first(sub.data, skip_space)
        return first, (empty or low == 0) if first is not None else False
    return None, False  # any character, a category, a back-reference


def class_members(items: Any) -> set[str] | None:
    """A parsed class's characters (\\d, \\s kept as their escapes); None when it is negated,
    holds another category or a wide range."""
    chars: set[str] = set()
    for op, av in items:
        if op is constants.LITERAL:
            chars.add(chr(av))
        elif op is constants.RANGE and av[1] - av[0] < _MAX_FIRST:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is constants.CATEGORY and av in _CATEGORIES:
            chars.add(_CATEGORIES[av])  # kept as the escape: the class means what the pattern does
        else:  # a negated class, \d, \s, a wide range
            return None
    return chars


cached = lru_cache(maxsize=1024)(fast)


@lru_cache(maxsize=2)
def bmp_digits(ascii_too: bool = True) -> str:
    """Every BMP character ``\\d`` matches (Unicode decimal digits), as a class body; without
    0-9 unless ``ascii_too``. Tested by the engine far faster than ``\\d`` or ``[^\\D0-9]``,
    whose category is looked up per character; exact on text that :func:`bmp_only` accepts."""
    out, c = [], 0 if ascii_too else 0x3A
    while c <= 0xFFFF:
        if chr(c).isdecimal():
            end = c
            while end < 0xFFFF and chr(end + 1).isdecimal():
                end += 1
            out.append(f"{re.escape(chr(c))}-{re.escape(chr(end))}")
            c = end
        c += 1
    return "".join(out)


@lru_cache(maxsize=64)
def bmp_digit_first(pattern: str) -> re.Pattern[str]:
    """``pattern``, which opens with ``\\d``, opening with the BMP's digits as a class instead.
    Exact on text with no character outside the BMP (see :func:`bmp_only`)."""
    if not pattern.startswith("\\d"):
        raise ValueError(f"not a pattern that opens with \\d: {pattern!r}")
    return re.compile(f"[{bmp_digits()}]{pattern[2:]}")


def utf16(text: str) -> bytes:
    """``text`` as UTF-16 code units: a copy made at memory speed, which answers questions about
    its characters (any outside the BMP? any U+FFxx?) far faster than a scan."""
    return text.encode("utf-16-le", "surrogatepass")


_CJK_HIGH = bytes(range(0x4E, 0xA0))


def cjk_count(text: str) -> int:
    """How many characters of ``text`` are in U+4E00-U+9FFF (the unified ideographs): those whose
    UTF-16 high byte is 0x4E-0x9F, counted by one delete of bytes instead of a scan."""
    high = utf16(text)[1::2]
    return len(high) - len(high.translate(None, _CJK_HIGH))


def bmp_only(text: str, units: bytes | None = None) -> bool:
    """Whether every character of ``text`` is in the BMP (one UTF-16 unit each). ``units`` is
    :func:`utf16` of ``text`` when the caller has it."""
    return len(utf16(text) if units is None else units) == 2 * len(text)


class Scanner(Protocol):
    """What a text is searched and scanned with (a compiled pattern is one)."""

    def search(self, string: str, pos: int = 0, /) -> re.Match[str] | None: ...

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]: ...


_MAX_SPLIT = 4  # separate scans for more first characters cost more than one scan for all


def scanner(pattern: str, flags: int = 0) -> Scanner:
    """``pattern`` as a scanner that finds the same matches faster when it is an alternation of
    branches that open with a few distinct literal characters (法治政府|依法行政): one search per
    first character, each skipping ahead as fast as a plain string search, instead of one that
    stops at every character of the set. Otherwise the pattern compiled by :func:`fast`."""
    compiled = fast(pattern, flags)
    spread = compiled.pattern
    branches = None if compiled.flags & re.IGNORECASE else split_top(spread)
    if not branches or GLOBAL_FLAGS.match(spread) or compiled.groups:
        return compiled
    # every branch must open with a literal it cannot do without (not b?, b*, b{0,…})
    if any(not b or b[0] in _META or b[0] == "\\" or b[1:2] in ("?", "*", "{") for b in branches):
        return compiled
    by_first: dict[str, list[str]] = {}
    for b in branches:
        by_first.setdefault(b[0], []).append(b)  # order within a first character is kept
    if not 1 < len(by_first) <= _MAX_SPLIT:
        return compiled
    return _Split(tuple(re.compile("|".join(bs), flags) for bs in by_first.values()))


@dataclass(frozen=True)
class _Split:
    """One pattern per first character. Branches with different first characters never start
    at one position, so the leftmost match of any of them is the pattern's."""

    parts: tuple[re.Pattern[str], ...]

    def search(self, string: str, pos: int = 0, /) -> re.Match[str] | None:
        found = [m for p in self.parts if (m := p.search(string, pos)) is not None]
        return min(found, key=lambda m: m.start()) if found else None

    def finditer(self, string: str, /) -> Iterator[re.Match[str]]:
        pos = 0
        ahead = [p.search(string) for p in self.parts]
        while True:
            best: re.Match[str] | None = None
            for i, m in enumerate(ahead):
                if m is not None and m.start() < pos:  # overlaps the last match: look again
                    m = ahead[i] = self.parts[i].search(string, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            pos = max(best.end(), best.start() + 1)


cached_scanner = lru_cache(maxsize=256)(scanner)
