"""Rich Text Format (.rtf, as Word and WPS save it): the text, one paragraph a line."""

from __future__ import annotations

from fzcheck.errors import InputError
from fzcheck.reading.isolated import call_isolated
from fzcheck.reading.limits import SECONDS, Deadline
from fzcheck.reading.normalize import Extracted


def read_rtf(data: bytes, deadline: Deadline | None = None) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    # RTF is 7-bit: non-ASCII text is written as \uN or \'hh escapes, decoded by striprtf with
    # the file's own \ansicpg / font charset. Latin-1 keeps any stray raw byte one char.
    source = data.decode("latin-1")
    seconds = max(1.0, deadline.remaining()) if deadline is not None else SECONDS
    try:
        # striprtf's expressions take cubic time on some crafted files, inside C code: in a
        # child process, stopped at the reading limit
        text = call_isolated(
            lambda: rtf_to_text(source, errors="replace"),  # type: ignore[no-untyped-call]
            seconds,
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
