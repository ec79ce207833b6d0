"""Text from outside made safe to store and to show: secrets redacted, controls made visible.

``redact`` is for anything a server or a URL echoes (error bodies, exception text, endpoint
URLs) before it reaches a results file, a log or the screen: an error body can quote the
request's ``Authorization`` header, and ``--base-url http://user:KEY@host/v1`` carries a key.

``visible`` is for the terminal: file names, titles, headings and quotes come from the
submission folder, and an escape sequence in one (``ESC]0;…BEL`` sets the window title,
``ESC[2J`` clears the screen) must be shown, not executed. JSON output needs neither: its
encoder escapes controls already.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Any

MASK = "***"

_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@]+@")
_AUTH_HEADER = re.compile(
    r"(?i)((?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?)(?:(bearer|basic|token)\s+)?"
    r"[^\s\"',;}]+"
)
_BEARER = re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]{6,}")
_KEY_VALUE = re.compile(
    r"(?i)((?:x-)?(?:api[-_]?key|access[-_]?token|refresh[-_]?token|secret[-_]?key|"
    r"client[-_]?secret|password|passwd)[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,;}]{4,}"
)
_SK_KEY = re.compile(r"\bsk-[A-Za-z0-9_-]{6,}")


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """``text`` with credentials replaced by ``***``: the given secrets wherever they occur,
    URL user info, Authorization / api-key / token values, bearer tokens and ``sk-…`` keys."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, MASK)
    text = _URL_USERINFO.sub(lambda m: f"{m.group(1)}{MASK}@", text)
    text = _AUTH_HEADER.sub(
        lambda m: f"{m.group(1)}{m.group(2) + ' ' if m.group(2) else ''}{MASK}", text
    )
    text = _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    text = _KEY_VALUE.sub(lambda m: f"{m.group(1)}{MASK}", text)
    return _SK_KEY.sub(f"sk-{MASK}", text)


# C0 controls but tab (newline and carriage return too: a one-line message must stay one
# line, and \r can overwrite what came before), DEL, C1 controls, bidirectional
# overrides/isolates (they reorder what is shown), characters that show nothing (zero-width,
# a byte-order mark, noncharacters, tags: 示例县\u200b司法局.txt looked like the name without
# it), and the lone surrogates that ``surrogateescape`` uses for bytes of a file name that are
# not UTF-8.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069"
    "\ufeff\ufffe\uffff\U000e0000-\U000e007f\ud800-\udfff]"
)


def _show(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte surrogateescape could not decode: show that byte
        return f"\\x{code - 0xDC00:02x}"
    if code > 0xFFFF:  # a tag character
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


_UNDECODABLE = re.compile("[\ud800-\udfff]")


# What separates a file name from a path's other names and from the words around it in a
# message (所在：a.txt（…）), and a byte of a name that is not UTF-8.
_NAME_APART = re.compile(r"[\s/\\：（）《》“”‘’，。、；【】()\[\]:;,'\"]")
_NAME_BYTE = re.compile("[\udc80-\udcff]")


def gbk_read(text: str) -> str:
    """``text`` with each file name whose bytes are not UTF-8 read as GB18030 when they all
    read so: a name a Chinese Windows PC wrote (清溪镇报告.txt, which Python holds as lone
    surrogates, with a GBK pair here and there that happens to be UTF-8: 小 as С) shown as
    that PC shows it, not as \\xc7\\xe5…. Each name, between separators, is read on its own (a
    path's folders may be UTF-8); one that does not read (a stray byte) stays escaped. A name
    in another encoding (Big5, Shift-JIS) may read as other characters: GB18030 reads most
    byte pairs. The JSON keeps the bytes as they are."""
    if _UNDECODABLE.search(text) is None:
        return text
    apart = [m.start() for m in _NAME_APART.finditer(text)]  # one scan: linear in the text
    out, done = [], 0
    for byte in _NAME_BYTE.finditer(text):
        if byte.start() < done:
            continue  # inside the name just read
        k = bisect_right(apart, byte.start())
        start = max(apart[k - 1] + 1 if k else 0, done)
        end = apart[k] if k < len(apart) else len(text)
        out += [text[done:start], _gbk_name(text[start:end])]
        done = end
    return "".join(out) + text[done:]


def _gbk_name(name: str) -> str:
    try:
        return name.encode("utf-8", "surrogateescape").decode("gb18030")
    except UnicodeError:
        return name


def invisible_dropped(text: str) -> str:
    """``text`` without control characters, bidirectional overrides and lone surrogates: for
    a file name made from a submission's (an ESC, a BEL or an RTL override in a name stays out
    of the names fzcheck writes), nor any other character that shows nothing in a name: a
    format character (zero-width, a byte-order mark, a tag) or a noncharacter (U+FFFE). A GBK
    name is read as such (:func:`gbk_read`)."""
    return "".join(ch for ch in _INVISIBLE.sub("", gbk_read(text)) if not _shows_nothing(ch))


def _shows_nothing(ch: str) -> bool:
    """A format character (Cf: zero-width, a byte-order mark, a tag) or a noncharacter (U+FFFE,
    U+FDD0…). Unassigned code points are kept: a place name's rare character may be newer than
    this Python's Unicode tables."""
    code = ord(ch)
    return unicodedata.category(ch) == "Cf" or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def visible(text: str) -> str:
    """``text`` safe for a terminal: every control character as a ``\\x1b``-style escape; a
    GBK file name read as such (:func:`gbk_read`)."""
    return _INVISIBLE.sub(_show, gbk_read(text))


def decodable(text: str) -> str:
    """``text`` with only its undecodable file-name bytes shown as ``\xff`` (for pages and
    files that must be valid UTF-8 but may keep other characters as they are); a GBK file name
    read as such (:func:`gbk_read`)."""
    return _UNDECODABLE.sub(_show, gbk_read(text))


# What XML 1.0 cannot hold at all: C0 controls but tab, newline and carriage return, and the
# noncharacters U+FFFE and U+FFFF. lxml refuses a string with one (ValueError).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` a workbook or a .docx (UTF-8 XML) can hold: undecodable file-name bytes shown
    as ``\\xff`` (:func:`decodable`), characters XML forbids (a NUL, most C0 controls) dropped,
    the other controls and bidirectional overrides shown (:func:`cell_text`)."""
    return cell_text(_NOT_XML.sub("", decodable(text)))


# Controls a cell cannot show and overrides that reorder what it shows (rtl\u202egnp.txt reads
# as rtltxt.png): a tab and a line break are a cell's own.
_IN_CELL = re.compile(
    "[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def cell_text(text: str) -> str:
    """``text`` for a spreadsheet's cell (CSV or workbook): each control character but tab and
    line breaks, and each bidirectional override, shown as an escape, as the terminal shows it."""
    return _IN_CELL.sub(_show, text)


def visible_tree(value: Any, show: Callable[[str], str] = visible) -> Any:
    """``show`` (:func:`visible`) applied to every string in a JSON-like value."""
    if isinstance(value, str):
        return show(value)
    if isinstance(value, dict):
        return {k: visible_tree(v, show) for k, v in value.items()}
    if isinstance(value, list):
        return [visible_tree(v, show) for v in value]
    return value
