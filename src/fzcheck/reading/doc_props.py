"""The formatting a Word 97-2003 .doc (or WPS .wps) reader needs beyond the text, by [MS-DOC]:
each paragraph's properties (which table cell or row end it is, which list and list level it
is numbered by) from the PAPX pages (PlcBtePapx → PapxFkp), through its style (STSH) and the
piece it sits in (Prc); a table row's cells (sprmTDefTable: their left edges, which are merged
down); and the lists (PlfLst: LSTF and LVL; PlfLfo: LFO) that give a numbered paragraph the
number Word shows in front of it (一、 （一） 1.), which is not in the text.

Everything here reads untrusted bytes: a structure that runs past its stream, points nowhere or
loops is treated as absent (the text is still read), never an exception."""

from __future__ import annotations

import struct
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace

from fzcheck.reading.limits import Deadline

# Sprms (single property modifiers) read here
_P_ISTD = 0x4600  # in a piece's Prc only: the paragraph's style
_P_ILVL = 0x260A  # list level, 0-8
_P_ILFO = 0x460B  # 1-based index of the LFO (list) numbering the paragraph; 0: none
_P_IN_TABLE = 0x2416
_P_TTP = 0x2417  # the paragraph mark ends a table row (of depth 1)
_P_ITAP = 0x6649  # table depth
_P_INNER_CELL = 0x244B  # a cell end in a nested table (depth > 1)
_P_INNER_TTP = 0x244C  # a row end in a nested table
_P_HUGE_PAPX = 0x6646  # the properties are in the Data stream, at this offset
_P_CHG_TABS = 0xC615
_T_DEF_TABLE = 0xD608
_T_VERT_MERGE = 0xD62B
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra; 6 is variable
_NO_STYLE = 0x0FFF
_STYLE_DEPTH = 16  # styles based on styles: more is a loop
_FKP = 512
_LEVELS = 9


def _u16(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", data, at)[0])


def _i32(data: bytes, at: int) -> int:
    return int(struct.unpack_from("<i", data, at)[0])


def prls(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a grpprl, up to the first that does not fit."""
    at, end = 0, len(grpprl)
    while at + 2 <= end:
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size = _OPERAND_SIZE[spra]
        elif sprm == _T_DEF_TABLE:  # a 2-byte count, of the rest of the operand + 1
            if at + 2 > end:
                return
            size = _u16(grpprl, at) + 1
        elif sprm == _P_CHG_TABS and at < end and grpprl[at] == 255:
            # cb 255: the size is that of the tabs deleted (4 bytes each) and added (3 each)
            if at + 2 > end:
                return
            deleted = grpprl[at + 1]
            added_at = at + 2 + 4 * deleted
            if added_at >= end:
                return
            size = 3 + 4 * deleted + 3 * grpprl[added_at]
        else:
            if at >= end:
                return
            size = grpprl[at] + 1
        if at + size > end:
            return
        yield sprm, grpprl[at : at + size]
        at += size


@dataclass(frozen=True, slots=True)
class RowDef:
    """A table row's cells as sprmTDefTable defines them: each cell's left edge (twips) and
    how it is merged: down (vertical: 1 continues the cell above, 3 starts a merge) and across
    (horizontal: 2 continues the cell to its left, Word 97's way of merging)."""

    lefts: tuple[int, ...]
    down: tuple[int, ...]
    across: tuple[int, ...]


def _row_def(operand: bytes) -> RowDef | None:
    if len(operand) < 3:
        return None
    cells = operand[2]
    tcs = 3 + 2 * (cells + 1)
    if len(operand) < tcs:
        return None
    lefts = struct.unpack_from(f"<{cells}h", operand, 3)
    flags = [
        _u16(operand, tcs + 20 * i) if tcs + 20 * i + 2 <= len(operand) else 0 for i in range(cells)
    ]
    return RowDef(tuple(lefts), tuple((f >> 5) & 3 for f in flags), tuple(f & 3 for f in flags))


def _merged_down(row: RowDef, operand: bytes) -> RowDef:
    """``row`` with sprmTVertMerge's change: cell itc merged down as the operand says."""
    if len(operand) < 3:
        return row
    itc, how = operand[1], operand[2]
    if itc >= len(row.down):
        return row
    down = list(row.down)
    down[itc] = how & 3
    return replace(row, down=tuple(down))


@dataclass(frozen=True, slots=True)
class ParaProps:
    """What a paragraph's properties say that the reader uses."""

    istd: int = 0
    in_table: bool = False
    ttp: bool = False
    itap: int = 0
    inner_cell: bool = False
    inner_ttp: bool = False
    ilfo: int = 0
    ilvl: int = 0
    row: RowDef | None = None

    @property
    def depth(self) -> int:
        """The table depth: 0 in the body, 1 in a table, 2 in a table inside its cell..."""
        return self.itap if self.itap else int(self.in_table)

    def with_sprms(self, grpprl: bytes) -> ParaProps:
        changes: dict[str, object] = {}
        row = self.row
        for sprm, operand in prls(grpprl):
            if sprm == _P_ILFO:
                changes["ilfo"] = _u16(operand, 0)
            elif sprm == _P_ILVL:
                changes["ilvl"] = operand[0]
            elif sprm == _P_IN_TABLE:
                changes["in_table"] = operand[0] != 0
            elif sprm == _P_TTP:
                changes["ttp"] = operand[0] != 0
            elif sprm == _P_ITAP:
                changes["itap"] = min(_u32(operand, 0), 64)
            elif sprm == _P_INNER_CELL:
                changes["inner_cell"] = operand[0] != 0
            elif sprm == _P_INNER_TTP:
                changes["inner_ttp"] = operand[0] != 0
            elif sprm == _P_ISTD:
                changes["istd"] = _u16(operand, 0)
            elif sprm == _T_DEF_TABLE:
                row = _row_def(operand)
            elif sprm == _T_VERT_MERGE and row is not None:
                row = _merged_down(row, operand)
        if row is not self.row:
            changes["row"] = row
        return replace(self, **changes) if changes else self  # type: ignore[arg-type]


class Styles:
    """The paragraph styles of the stylesheet (STSH): the properties each gives, through the
    styles it is based on."""

    def __init__(self, table: bytes, fc: int, lcb: int) -> None:
        self._own: dict[int, tuple[int, bytes]] = {}  # istd -> (istdBase, grpprl)
        self._resolved: dict[int, ParaProps] = {}
        with suppress(struct.error, IndexError):  # a stylesheet cut short: the styles read
            self._read(table[fc : fc + lcb])

    def _read(self, stsh: bytes) -> None:
        if len(stsh) < 6:
            return
        cb_stshi = _u16(stsh, 0)
        count, cb_base = min(_u16(stsh, 2), len(stsh) // 2), _u16(stsh, 4)
        at = 2 + cb_stshi
        for istd in range(count):
            if at + 2 > len(stsh):
                return
            cb = _u16(stsh, at)
            std = stsh[at + 2 : at + 2 + cb]
            at += 2 + cb
            if cb < 10 or std[2] & 0x0F != 1 or _u16(std, 4) & 0x0F == 0:
                continue  # empty, not a paragraph style, or no formatting of its own
            base = _u16(std, 2) >> 4
            name_at = cb_base
            upx_at = name_at + 2 + 2 * _u16(std, name_at) + 2  # the name, then its null
            cb_upx = _u16(std, upx_at)
            upx = std[upx_at + 2 : upx_at + 2 + cb_upx]
            self._own[istd] = (base, upx[2:])

    def props(self, istd: int) -> ParaProps:
        """The properties style ``istd`` gives a paragraph (none for an unknown style)."""
        if (known := self._resolved.get(istd)) is not None:
            return known
        chain: list[bytes] = []
        at = istd
        while at in self._own and len(chain) < _STYLE_DEPTH:
            base, grpprl = self._own[at]
            chain.append(grpprl)
            if base in (_NO_STYLE, at):
                break
            at = base
        props = ParaProps()
        for grpprl in reversed(chain):
            props = props.with_sprms(grpprl)
        props = replace(props, istd=istd, ttp=False, inner_ttp=False, row=None)
        self._resolved[istd] = props
        return props


class Papx:
    """The direct paragraph properties, by the file offset (FC) of a paragraph's mark."""

    def __init__(
        self,
        word: bytes,
        table: bytes,
        fc: int,
        lcb: int,
        data: bytes,
        deadline: Deadline,
    ) -> None:
        self._starts: list[int] = []
        self._runs: list[tuple[int, int, bytes]] = []  # (end FC, istd, grpprl)
        self._data = data
        if lcb < 4 or fc + lcb > len(table):
            return
        pages = min((lcb - 4) // 8, len(word) // _FKP)  # a page each, in the WordDocument
        runs: list[tuple[int, int, int, bytes]] = []
        for k in range(pages):
            if k % 200 == 0:
                deadline.check()
            pn = _u32(table, fc + 4 * (pages + 1) + 4 * k) & 0x3FFFFF
            runs.extend(self._page(word[pn * _FKP : pn * _FKP + _FKP]))
        runs.sort(key=lambda run: run[0])
        self._starts = [run[0] for run in runs]
        self._runs = [run[1:] for run in runs]

    def _page(self, fkp: bytes) -> Iterator[tuple[int, int, int, bytes]]:
        if len(fkp) < _FKP:
            return
        paragraphs = fkp[_FKP - 1]
        bxs = 4 * (paragraphs + 1)
        if bxs + 13 * paragraphs > _FKP - 1:
            return
        for i in range(paragraphs):
            start, end = _u32(fkp, 4 * i), _u32(fkp, 4 * i + 4)
            offset = 2 * fkp[bxs + 13 * i]
            if offset == 0:  # no properties of its own
                yield start, end, 0, b""
                continue
            cb = fkp[offset]
            if cb == 0:
                size, at = 2 * fkp[offset + 1], offset + 2
            else:
                size, at = 2 * cb - 1, offset + 1
            papx = fkp[at : at + size]
            if len(papx) < 2:
                continue
            yield start, end, _u16(papx, 0), self._huge(papx[2:])

    def _huge(self, grpprl: bytes) -> bytes:
        """The properties themselves when sprmPHugePapx says they are in the Data stream (a
        table row with many cells)."""
        for sprm, operand in prls(grpprl):
            if sprm == _P_HUGE_PAPX:
                at = _u32(operand, 0)
                if at + 2 <= len(self._data):
                    return self._data[at + 2 : at + 2 + _u16(self._data, at)]
        return grpprl

    def __bool__(self) -> bool:
        return bool(self._runs)

    def at(self, fc: int) -> tuple[int, bytes] | None:
        """(istd, grpprl) of the paragraph whose mark is at ``fc``; None when no page lists it."""
        k = bisect_right(self._starts, fc) - 1
        if k < 0:
            return None
        end, istd, grpprl = self._runs[k]
        return (istd, grpprl) if fc < end else None


# Number formats (nfc, [MS-OSHARED] MSONFC) shown as Chinese numerals
_CN_LOWER = ("零一二三四五六七八九", "十百千")
_CN_DIGITS = "〇一二三四五六七八九"  # ideographDigital: digit by digit, 一〇
_CN_FORMAL = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟")
_TW_FORMAL = ("零壹貳參肆伍陸柒捌玖", "拾佰仟")
_COUNTING = {10, 11, 33, 35, 37, 39}  # 一 二 … 十 十一
_FORMAL = {34: _TW_FORMAL, 38: _CN_FORMAL}
_STEMS = {30: "甲乙丙丁戊己庚辛壬癸", 31: "子丑寅卯辰巳午未申酉戌亥"}
_CIRCLED = {18: 0x2460, 28: 0x2460, 26: 0x2488, 27: 0x2474}  # ① ⒈ ⑴, 1 to 20
_BULLET, _NONE = 23, 47
_ROMAN: tuple[tuple[int, str], ...] = tuple(
    zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"],
        strict=True,
    )
)


def _counting(n: int, digits: str, units: str, formal: bool) -> str:
    """1-9999 in Chinese counting: 十一, 二十, 一百零五; formal 壹拾 keeps the 壹 a plain 十 drops."""
    if not 0 < n < 10000:
        return str(n)
    out: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[digit] + unit)
    text = "".join(out)
    return text[1:] if not formal and text.startswith("一十") else text


_MAX_SHOWN = 9999  # a list number past this is shown in digits (AAAA… would grow with it)


def format_number(n: int, nfc: int) -> str:
    """Number ``n`` as list number format ``nfc`` shows it; a format not written out here
    (Korean, Hebrew, cardinal text…) as a decimal."""
    if nfc == _NONE:
        return ""
    if not 0 <= n <= _MAX_SHOWN:  # no list runs so far: a damaged start, shown as it is
        return str(n)
    if nfc in _COUNTING:
        if nfc == 10:
            return "".join(_CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
        return _counting(n, *_CN_LOWER, formal=False)
    if nfc in _FORMAL:
        return _counting(n, *_FORMAL[nfc], formal=True)
    if nfc in _STEMS:
        stems = _STEMS[nfc]
        return stems[(n - 1) % len(stems)] if n > 0 else str(n)
    if nfc in _CIRCLED:
        return chr(_CIRCLED[nfc] + n - 1) if 1 <= n <= 20 else str(n)
    if nfc == 29 and 1 <= n <= 10:  # ideographEnclosedCircle: ㈠
        return chr(0x3220 + n - 1)
    if nfc in (1, 2) and 0 < n < 4000:
        roman = ""
        for value, letters in _ROMAN:
            while n >= value:
                roman, n = roman + letters, n - value
        return roman if nfc == 1 else roman.lower()
    if nfc in (3, 4) and n > 0:
        letter = chr((ord("A") if nfc == 3 else ord("a")) + (n - 1) % 26)
        return letter * ((n - 1) // 26 + 1)
    if nfc in (14, 19):  # full-width digits
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if nfc == 22 and 0 <= n < 10:  # decimalZero: 01
        return f"0{n}"
    return str(n)


@dataclass(frozen=True, slots=True)
class Level:
    """A list level (LVL): its number's start, format and text, the placeholders in the text
    (positions of the characters 0-8 that stand for a level's number) and what follows the
    number (0 a tab, 1 a space, 2 nothing)."""

    start: int
    nfc: int
    legal: bool
    text: str
    places: tuple[int, ...]
    follow: int


def _level(table: bytes, at: int) -> tuple[Level, int]:
    """The LVL at ``at`` and where the next one starts."""
    start, nfc, flags = _i32(table, at), table[at + 4], table[at + 5]
    nums = table[at + 6 : at + 15]
    follow, cb_chpx, cb_papx = table[at + 15], table[at + 24], table[at + 25]
    at += 28 + cb_papx + cb_chpx
    cch = _u16(table, at)
    text = table[at + 2 : at + 2 + 2 * cch].decode("utf-16-le", errors="replace")
    if len(text) != cch:
        raise IndexError("a list level past the end of the table stream")
    places: list[int] = []
    for k in nums:
        if k == 0:
            break
        if k <= cch and ord(text[k - 1]) < _LEVELS:
            places.append(k - 1)
    level = Level(start, nfc, bool(flags & 0x04), text, tuple(places), follow)
    return level, at + 2 + 2 * cch


@dataclass(slots=True)
class _Override:
    """An LFO: the list it numbers by, and the levels it starts anew or formats its own way."""

    lsid: int
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


class Lists:
    """The document's lists (PlfLst) and list overrides (PlfLfo), and the numbers counted so
    far: :meth:`number` gives the next paragraph its number as Word shows it."""

    def __init__(self, table: bytes, lst: tuple[int, int], lfo: tuple[int, int]) -> None:
        self._lists: dict[int, list[Level]] = {}
        self._overrides: list[_Override] = []
        self._counts: dict[int, list[int | None]] = {}
        self._restarted: set[tuple[int, int]] = set()
        try:
            self._read_lists(table, *lst)
            self._read_overrides(table, *lfo)
        except (struct.error, IndexError):
            pass  # a list table cut short: the lists read before the cut

    def _read_lists(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 2 or fc + lcb > len(table):
            return
        count = min(struct.unpack_from("<h", table, fc)[0], (lcb - 2) // 28)  # what fits
        heads = [
            (_i32(table, fc + 2 + 28 * i), table[fc + 2 + 28 * i + 26] & 1) for i in range(count)
        ]
        at = fc + 2 + 28 * count  # the LVLs follow the LSTFs, list by list
        for lsid, simple in heads:
            levels = []
            for _ in range(1 if simple else _LEVELS):
                level, at = _level(table, at)
                levels.append(level)
            self._lists.setdefault(lsid, levels)

    def _read_overrides(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 4 or fc + lcb > len(table):
            return
        count = min(_u32(table, fc), (lcb - 4) // 16)  # what fits
        overrides = [
            (_i32(table, fc + 4 + 16 * i), table[fc + 4 + 16 * i + 12]) for i in range(count)
        ]
        at = fc + 4 + 16 * count  # each LFO's LFOData follows: a CP, then its LFOLVLs
        for lsid, changed in overrides:
            override = _Override(lsid)
            self._overrides.append(override)
            at += 4
            for _ in range(changed):
                start, flags = _i32(table, at), _u32(table, at + 4)
                at += 8
                ilvl = flags & 0x0F
                if flags & 0x10:
                    override.starts[ilvl] = start
                if flags & 0x20:
                    override.levels[ilvl], at = _level(table, at)

    def number(self, ilfo: int, ilvl: int) -> tuple[str, int] | None:
        """The number Word shows for the next paragraph numbered by list ``ilfo`` (1-based; 0
        is none) at level ``ilvl``, and what follows it; None for no number or a bullet."""
        if not 0 < ilfo <= len(self._overrides):
            return None
        override = self._overrides[ilfo - 1]
        levels = self._lists.get(override.lsid)
        if not levels:
            return None
        ilvl = min(ilvl, len(levels) - 1)
        level = override.levels.get(ilvl, levels[ilvl])
        # an LFO that starts a level anew numbers on its own; the others share their list's count
        key = -ilfo if override.starts else override.lsid
        counts = self._counts.setdefault(key, [None] * _LEVELS)
        if ilvl in override.starts and (ilfo, ilvl) not in self._restarted:
            self._restarted.add((ilfo, ilvl))
            counts[ilvl] = None
            start = override.starts[ilvl]
        else:
            start = level.start
        current = counts[ilvl]
        counts[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            counts[deeper] = None
        if level.nfc == _BULLET:
            return None
        shown = list(level.text)
        for place in level.places:
            k = min(ord(level.text[place]), len(levels) - 1)
            of = override.levels.get(k, levels[k])
            value = counts[k]
            shown[place] = format_number(
                of.start if value is None else value, 0 if level.legal else of.nfc
            )
        return "".join(shown), level.follow
