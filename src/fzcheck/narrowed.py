"""A long alternation searched only with the branches a text can match.

A rubric's exclusions and cue lists are alternations of dozens of branches, several opening
with a class or a bounded run of any character ([^。]{0,30}一方面是, (?:究其|[^。]{0,12}的)?原因),
which the engine tries at every position of a part's text: one such pattern cost more than all
the other checks of a part. Nearly every branch needs some word (一方面是, 既有) that most texts
do not hold, and a branch whose word is absent cannot match anywhere in the text. Searched with
those branches left out, in their order, the pattern finds exactly what it finds whole: at each
position the engine tries the branches in turn, and a dropped one would have failed there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from fzcheck.fast_patterns import (
    GLOBAL_FLAGS,
    class_members,
    fast,
    first_chars,
    opens_with_literal,
    split_top,
)
from fzcheck.stdlib_re import constants, parser

Need = frozenset[str]  # words one of which every match of a branch (or its look-around) holds
_MAX_CLASS = 8  # a class of more characters is no use as a need: most texts hold one of them
_MAX_NEEDS = 3  # the longest few of a branch's needs are tested: enough to rule most out
_NEVER = re.compile(r"(?!)")
_MAX_NARROWED = 64  # narrowed patterns kept per pattern: texts drop few distinct sets


class Narrowed:
    """``pattern`` (compiled by :func:`fast`) and, for each top-level branch the engine cannot
    skip to, the words it needs; :meth:`within` gives the pattern to search a text with."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.whole = fast(pattern, flags)
        self._flags = flags
        lead = GLOBAL_FLAGS.match(pattern)
        self._head, body = (pattern[: lead.end()], pattern[lead.end() :]) if lead else ("", pattern)
        branches = split_top(body) if _may_narrow(self.whole) else None
        self._branches: tuple[str, ...] = tuple(branches or ())
        self._narrowed: dict[frozenset[int], re.Pattern[str]] = {}  # by the branches dropped
        self._tested: tuple[tuple[int, tuple[Need, ...]], ...] = ()
        if len(self._branches) < 2:
            return
        # only a branch the engine cannot skip to is worth a test: one that opens with a word
        # or a class of characters is found as fast as its test would be
        tested = [(i, _branch_needs(b, flags)) for i, b in enumerate(self._branches)]
        self._tested = tuple(
            (i, tuple(needs)) for i, needs in tested if needs and not _led(self._branches[i], flags)
        )

    def within(self, text: str) -> re.Pattern[str]:
        """The pattern to search ``text`` with: the whole one, or without the branches that
        need words the text lacks (the rest in their order)."""
        if not self._tested:
            return self.whole
        dropped = []
        for i, needs in self._tested:
            for need in needs:
                for word in need:
                    if word in text:
                        break
                else:
                    dropped.append(i)
                    break
        if not dropped:
            return self.whole
        if len(dropped) == len(self._branches):
            return _NEVER
        return self._without(frozenset(dropped))

    def _without(self, dropped: frozenset[int]) -> re.Pattern[str]:
        compiled = self._narrowed.get(dropped)
        if compiled is None:
            if len(self._narrowed) >= _MAX_NARROWED:
                self._narrowed.clear()
            kept = (b for i, b in enumerate(self._branches) if i not in dropped)
            compiled = self._narrowed[dropped] = fast(self._head + "|".join(kept), self._flags)
        return compiled


@lru_cache(maxsize=256)
def narrowed(pattern: str, flags: int = 0) -> Narrowed:
    """:class:`Narrowed` of ``pattern``, worked out once."""
    return Narrowed(pattern, flags)


def _led(branch: str, flags: int) -> bool:
    """Whether the engine skips ahead to where ``branch`` may match: it opens with a character
    or a class, or :func:`fast` gives it a look-ahead on its first characters."""
    compiled = re.compile(branch, flags)
    return first_chars(compiled) is not None or opens_with_literal(compiled)


def _may_narrow(compiled: re.Pattern[str]) -> bool:
    """Groups would be renumbered by a dropped branch (and a back-reference could need one);
    case folding and verbose mode make a branch's words other than they read."""
    return not compiled.groups and not compiled.flags & (re.IGNORECASE | re.VERBOSE)


def _branch_needs(branch: str, flags: int) -> list[Need]:
    """The longest few needs of one branch; empty when it needs nothing that can be tested."""
    try:
        parsed = parser.parse(branch, flags)
    except Exception:  # noqa: BLE001 - a change in the stdlib parser must not stop a check
        return []
    needs = _needs(parsed.data)
    if needs is None:
        return []
    return sorted(needs, key=lambda n: min(map(len, n)), reverse=True)[:_MAX_NEEDS]


def _needs(items: Iterable[tuple[Any, Any]]) -> list[Need] | None:
    """What a sequence needs: each literal run, and each need of an item that must match. None
    when it holds something whose words cannot be told (a back-reference, a scoped flag)."""
    out: list[Need] = []
    run: list[str] = []
    for op, av in items:
        if op is constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        item = _item_needs(op, av)
        if item is None:
            return None
        out.extend(item)
    if run:
        out.append(frozenset(["".join(run)]))
    return out


def _item_needs(op: Any, av: Any) -> list[Need] | None:
    if op is constants.IN:
        chars = _class_chars(av)
        return [chars] if chars else []
    if op is constants.SUBPATTERN:
        _, add, remove, sub = av
        if (add | remove) & (re.IGNORECASE | re.VERBOSE):
            return None
        return _needs(sub.data)
    if op is constants.ASSERT:  # a look-ahead or look-behind must hold in the text too
        return _needs(av[1].data)
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        low, _, sub = av
        return _needs(sub.data) if low >= 1 else []
    if op is constants.ATOMIC_GROUP:
        return _needs(av.data)
    if op is constants.BRANCH:
        return _either(av[1])
    if op in (constants.GROUPREF, constants.GROUPREF_EXISTS):
        return None
    return []  # any character, a category, a negated class, an anchor, a negative look-around


def _either(branches: Iterable[Any]) -> list[Need] | None:
    """An alternation needs one of its branches' words: each branch's longest need, together."""
    words: set[str] = set()
    for branch in branches:
        needs = _needs(branch.data)
        if needs is None:
            return None
        if not needs:
            return []  # a branch that needs nothing: the alternation needs nothing
        words |= max(needs, key=lambda n: min(map(len, n)))
    return [frozenset(words)]


def _class_chars(items: Any) -> Need | None:
    chars = class_members(items)
    if chars is None or len(chars) > _MAX_CLASS or any(len(c) > 1 for c in chars):
        return None  # a negation, a category (\d, \s), a wide range, many characters
    return frozenset(chars)
