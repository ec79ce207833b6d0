"""Rich Text Format (.rtf, as Word and WPS save it): the text, one paragraph a line."""

from __future__ import annotations

import re

from fzcheck.errors import InputError
from fzcheck.reading.isolated import call_isolated
from fzcheck.reading.limits import SECONDS, Deadline, count_limit
from fzcheck.reading.normalize import Extracted

# striprtf keeps a state per open group (~80 bytes): 16 MB of { took 1.5 GB. A long report
# saved by Word has ~100,000 groups (a run's formatting is one).
_MAX_GROUPS = 1_000_000
# What striprtf may take beyond the process it is forked from: the text, its output and the
# groups above take a fraction of it.
_MEMORY = 512 * 2**20
# \binN: N bytes of raw data follow (after the one space that ends the control word): read as
# text, a } among them closed the group early and cut off the body after it.
_BINARY = re.compile(r"\\bin(-?\d{1,10}) ?")
# \uN: a character as a signed 16-bit number; striprtf cannot make one of a number out of range
# (\u-99999999999 made the whole file a damaged one).
_UNICODE = re.compile(r"\\u(-?\d+)")
_REPLACEMENT = "\\u65533"  # U+FFFD, what a character that cannot be read becomes


def read_rtf(data: bytes, deadline: Deadline | None = None) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    count_limit(data.count(b"{"), "RTF groups", _MAX_GROUPS)  # before striprtf builds them
    # RTF is 7-bit: non-ASCII text is written as \uN or \'hh escapes, decoded by striprtf with
    # the file's own \ansicpg / font charset. Latin-1 keeps any stray raw byte one char.
    source = _in_range_unicode(_without_binary(data.decode("latin-1")))
    seconds = max(1.0, deadline.remaining()) if deadline is not None else SECONDS
    try:
        # striprtf's expressions take cubic time on some crafted files, inside C code: in a
        # child process, stopped at the reading limit, its memory capped
        text = call_isolated(
            lambda: rtf_to_text(source, errors="replace"),  # type: ignore[no-untyped-call]
            seconds,
            grow_by=_MEMORY,
        )
    except (ValueError, LookupError, IndexError, RecursionError, OverflowError) as err:
        raise InputError(
            f"a damaged .rtf file ({type(err).__name__}); re-save it", kind="corrupt"
        ) from None
    if deadline is not None:
        deadline.check()
    # Word writes a character past U+FFFF (𠀀, in place names) as two \uN, a surrogate each:
    # joined here into the one character; a lone one becomes U+FFFD
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    return Extracted("\n".join(line for line in lines if line))


def _without_binary(source: str) -> str:
    """``source`` without the raw data of its \\binN control words (an embedded picture's or
    object's bytes: never text)."""
    if "\\bin" not in source:
        return source
    kept, pos = [], 0
    while (found := _BINARY.search(source, pos)) is not None:
        kept.append(source[pos : found.start()])
        pos = found.end() + max(0, int(found.group(1)))
    kept.append(source[pos:])
    return "".join(kept)


def _in_range_unicode(source: str) -> str:
    """``source`` with each \\uN whose N is no 16-bit number made U+FFFD's."""

    def clamped(found: re.Match[str]) -> str:
        number = found.group(1)  # its digits counted first: int() refuses 4,300 of them
        in_range = len(number.lstrip("-")) <= 5 and -32768 <= int(number) <= 65535
        return found.group(0) if in_range else _REPLACEMENT

    return _UNICODE.sub(clamped, source) if "\\u" in source else source
