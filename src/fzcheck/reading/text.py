"""Plain text in any of the encodings Chinese government text arrives in, detected."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from itertools import pairwise
from typing import Any

from fzcheck.errors import InputError
from fzcheck.fast_patterns import cjk_count
from fzcheck.reading.layout import hard_wrapped, is_row, joint, unwrap
from fzcheck.reading.limits import Deadline
from fzcheck.reading.normalize import Extracted
from fzcheck.reading.pages import BARE_NUMBER, MAY_HOLD_ONE, PAGE_NUMBER
from fzcheck.reading.resegment import HEADING_START

# Characters frequent in these reports, in both scripts. Decoding Big5 bytes as GB18030 (or the
# reverse) succeeds byte-wise but yields rare characters, so the share of these tells them apart.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交"
    "受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八"
    "离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布"
    "复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值"
    "號這為個國們會學對發動經進說現實時從後來業與關當開於區體點書長設報權務間"
    "縣數據局關度報告設建議職責負責舉措問題導環節規範審計劃"
)


def read_text(data: bytes, deadline: Deadline | None = None) -> Extracted:
    text, encoding = decode(data)
    return Extracted(_unwrapped(_letters_joined(front_matter_read(text))), encoding)


# A run of characters a space apart, Chinese among them: a letter-spaced heading or title as a
# PDF's layout text gives it (二、存 在 的 不 足, 2 0 2 6 年), not a table's row of figures
# (4 0 0 0 0 4) nor two names set apart (two spaces)
_LETTER_SPACED = re.compile(r"(?:\S ){3,}\S")
_SPACED_RUN = re.compile(r" \S \S \S")  # opening with a space: the engine skips to spaces


def _letters_joined(text: str) -> str:
    """``text`` with each letter-spaced run of a line closed up (二、存 在 的 不 足 和 原 因 →
    二、存在的不足和原因): Chinese typesetting has no space there, and the spaced words were read
    as no words at all. Only a run three Chinese characters long at least."""
    if _SPACED_RUN.search(text) is None:
        return text  # most texts: no run to look for (a scan to the spaces, 1 µs)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if 4 * line.count(" ") < len(line):  # a spaced run fills a line a quarter spaces
            continue
        lines[i] = _LETTER_SPACED.sub(
            lambda m: m.group().replace(" ", "") if cjk_count(m.group()) >= 3 else m.group(),
            line,
        )
    return "\n".join(lines)


_WRAPPED_MEAN = 70  # characters a line at most, on average, in a text cut at a page's width


def _unwrapped(text: str) -> str:
    """A text whose lines were cut at one width (copied line by line from a PDF viewer) with
    each paragraph's lines joined again, as a PDF's text layer is: a heading cut in two, or a
    part's cue on the line after its subject, was read as two lines. Its lines are then the
    paragraphs', not the file's."""
    if len(text) > _WRAPPED_MEAN * (text.count("\n") + 1):
        # lines this long on average are paragraphs: no page is that wide
        return _mended_at_page_breaks(text)
    lines = text.replace("\r\n", "\n").split("\n")
    if not hard_wrapped(lines):
        return _mended_at_page_breaks(text)
    from fzcheck.reading.pdf import _drop_running_lines

    pages = _paged(lines)
    _drop_running_lines(pages)
    return "\n".join(line for page in unwrap(pages) for line in page)


_RUNNING_TIMES = 3  # a running header recurs at least so often
_RUNNING_CHARS = (4, 40)
_SENTENCE_MARK = re.compile(r"[。；;！!？?，,]")
_SIGNING_LINES = 5  # the last non-blank lines, where the signature stands


def _paged(lines: list[str]) -> list[list[str]]:
    """A PDF's copied lines cut into its pages at their page numbers (- 2 -, 第2页 共4页, 2/4, or
    bare numbers where they run 2, 3, 4… through the text), which are left out with the blank
    lines beside them, as the PDF reader leaves them out: a paragraph, or a heading that fills
    its line, goes on over the page break instead of taking - 2 - into its words, and the
    running header that opens each page is known as one. A short line that recurs three times
    or more (示例县2025年度法治政府建设情况报告 atop each page, the first above the title) is a
    running header too, where no page number tells the pages: but not among the last lines,
    where the issuer signs in the words its header has."""
    breaks = _page_breaks(lines)
    if not breaks:
        return [lines]
    pages: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if i in breaks:
            while pages[-1] and not pages[-1][-1].strip():
                pages[-1].pop()
            pages.append([])
        elif line.strip() or (pages[-1] and i - 1 not in breaks):
            pages[-1].append(line)
    return [page for page in pages if page]


def _page_breaks(lines: list[str]) -> set[int]:
    """The lines of a PDF's copy that are its page furniture: page numbers (bare ones where they
    run in step) and, where no number tells the pages, a running header (see :func:`_paged`)."""
    bare = [i for i, line in enumerate(lines) if BARE_NUMBER.match(line)]
    in_step = len(bare) >= 2 and all(int(lines[j]) == int(lines[i]) + 1 for i, j in pairwise(bare))
    breaks = {i for i, line in enumerate(lines) if PAGE_NUMBER.match(line)}
    breaks.update(bare if in_step else ())
    said = Counter(line.strip() for line in lines)
    running = {
        line
        for line, n in said.items()
        if n >= _RUNNING_TIMES
        and _RUNNING_CHARS[0] <= len(line) <= _RUNNING_CHARS[1]
        and not _SENTENCE_MARK.search(line)
        and not HEADING_START.match(line)
    }
    if running:
        signing = [i for i, line in enumerate(lines) if line.strip()][-_SIGNING_LINES:]
        breaks.update(
            i for i, line in enumerate(lines) if line.strip() in running and i < signing[0]
        )
    return breaks


_PARAGRAPH_MIN = 20  # characters a paragraph's line before a page break has at least
# a line ending so ends its paragraph (a quotation, a bracket, an ellipsis closing it)
_ENDS = tuple("。；;！!？?：:”’」』）)…．")
_STOP = re.compile(r"[。；;！!？?]")  # a sentence ends: a line with one is no heading alone
_MARK = re.compile(r"[。；;！!？?，,、：:]")
_TITLE_LINES = 6  # the first non-blank lines (page chrome, the title): never joined onward


def _mended_at_page_breaks(text: str) -> str:
    """A copy of a PDF whose lines are its paragraphs (not cut at the page's width), its page
    numbers left between them, with each paragraph a page break cut (…执法证人员不足，执 / - 3 - /
    法程序不够规范。) joined again on the line it starts on, as the PDF's reader joins it: a cue
    cut in two (主要原 / 因是) was read as none. The page numbers stay, and every line keeps its
    number. A heading the break cut is the outline's to join (its rest may be a sentence)."""
    if MAY_HOLD_ONE.search(text) is None:
        return text  # most texts: no page number on a line of its own
    lines = text.split("\n")
    breaks = _page_breaks(lines)
    titled = [k for k, line in enumerate(lines) if line.strip() and k not in breaks][:_TITLE_LINES]
    last = titled[-1] if titled else -1
    for b in sorted(breaks):
        if b <= last:
            continue  # in the title's lines, or a header under the page number: the same break
        i = next((k for k in range(b - 1, -1, -1) if lines[k].strip() and k not in breaks), None)
        j = next(
            (k for k in range(b + 1, len(lines)) if lines[k].strip() and k not in breaks), None
        )
        last = len(lines) if j is None else j
        if i is not None and j is not None and _goes_on(lines[i].strip(), lines[j].strip()):
            before, after = lines[i].rstrip(), lines[j].strip()
            lines[i] = before + joint(before, after) + after
            # (a form feed opening the page is a line break of its own: the lines keep counting)
            lines[j] = "\f" * lines[j][: len(lines[j]) - len(lines[j].lstrip())].count("\f")
    return "\n".join(lines)


def _goes_on(before: str, after: str) -> bool:
    """Whether the paragraph ``before`` a page break goes on in ``after``: it stopped mid-sentence,
    is a paragraph's length, no heading alone (一、…，…的情况 has a comma in the law's own
    wording), and ``after`` reads on as a sentence's rest (not the date or the issuer of a
    signature), and neither is a table's row."""
    heading_alone = HEADING_START.match(before) is not None and not _STOP.search(before)
    return (
        len(before) >= _PARAGRAPH_MIN
        and not before.endswith(_ENDS)
        and not heading_alone
        and HEADING_START.match(after) is None
        and (len(after) >= _PARAGRAPH_MIN or _MARK.search(after) is not None)
        and not is_row(before)
        and not is_row(after)
    )


# A web editor's or a static site's Markdown opens with YAML front matter: --- / title: … /
# date: … / ---, ASCII keys one a line.
_FENCE = re.compile(r"^\ufeff?---[ \t]*$")
_FRONT_KEY = re.compile(r"^[ \t]*[A-Za-z_][\w-]*[ \t]*:(.*)$")
_FRONT_TITLE = re.compile(r"^[ \t]*title[ \t]*:[ \t]*[\"']?(.*?)[\"']?[ \t]*$", re.IGNORECASE)
_FRONT_MAX = 40  # lines a front matter block has at most


def front_matter_read(text: str) -> str:
    """``text`` with YAML front matter at its top blanked, line for line (line numbers stay the
    file's), its ``title`` kept as the line it stands on: the keys are no report text, and
    ``title: …`` was read as the report's title, key and all."""
    if not text.startswith(("---", "\ufeff---")):
        return text
    lines = text.split("\n", _FRONT_MAX + 1)
    if not _FENCE.match(lines[0].rstrip("\r")):
        return text
    fences = (i for i, line in enumerate(lines[1:_FRONT_MAX], 1) if _FENCE.match(line.rstrip("\r")))
    end = next(fences, None)
    if end is None or any(
        line.strip() and not _FRONT_KEY.match(line) and not line.startswith((" ", "\t", "-"))
        for line in lines[1:end]
    ):
        return text  # not key: value lines: a rule under a first line, not front matter
    block = []
    folded = False  # title: >- / title: | : the title on the indented lines under it
    for line in lines[: end + 1]:
        title = _FRONT_TITLE.match(line.rstrip("\r"))
        scalar = title is not None and title.group(1) in ("|", ">", "|-", ">-", "|+", ">+")
        indented = folded and line[:1] in (" ", "\t")
        block.append(line.strip() if indented else title.group(1) if title and not scalar else "")
        folded = scalar or indented
    return "\n".join(block + lines[end + 1 :])


_NOT_BLANK = re.compile(rb"[^\x00 \t\r\n]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes, detecting the encoding: BOM, strict UTF-8, then GB18030/Big5/UTF-16 by score."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's: FF FE 00 00 starts with FF FE
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if _NOT_BLANK.search(data) is None:  # found at once in a text (strip copied all of it)
        raise InputError("the file holds no text (only NUL bytes)", kind="empty")
    if data.find(b"\x00", 0, 8192) < 0:  # no copy of the head to tell
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    decoded: list[tuple[str, str]] = []
    for name in ("gb18030", "big5", "utf-16-le", "utf-16-be"):
        try:
            if name.startswith("utf-16") and len(data) % 2:  # cut inside its last character
                decoded.append((name, data[:-1].decode(name) + "\ufffd"))
            else:
                decoded.append((name, data.decode(name)))
        except UnicodeDecodeError:
            continue
    if len(decoded) == 1 and _score_reaches(decoded[0][1], _GOOD_SCORE):
        return decoded[0][1], decoded[0][0]  # what the scores below would choose, told sooner
    candidates = [(_score(text), name, text) for name, text in decoded]
    if not candidates or max(candidates)[0] < _GOOD_SCORE:
        guess = _charset_normalizer_guess(data)
        if guess is not None:
            return guess
        damaged = None if b"\x00" in data[:8192] else _damaged(data)
        if damaged is not None:
            return damaged
        if not candidates or b"\x00" in data[:8192]:
            raise InputError(
                "binary data, not text: not a report this tool can read "
                "(save it as .txt, .docx or .pdf)",
                kind="binary",
            )
    score, name, text = max(candidates)
    if score < 0.05:
        raise InputError(
            "the text does not decode to Chinese in UTF-8, GB18030, Big5 or UTF-16; "
            "re-save it as UTF-8",
            kind="encoding",
        )
    return text, name


_GOOD_SCORE = 0.15  # below it, charset-normalizer is asked as well
# A text with a few bytes no encoding reads (a GBK file cut inside its last character, one bad
# byte, a line pasted in another encoding) is read with those bytes as U+FFFD, at most this
# many of them (a share of its characters, and never fewer than the floor).
_DAMAGE_SHARE = 0.01
_DAMAGE_FLOOR = 16


def _damaged(data: bytes) -> tuple[str, str] | None:
    """The text in the encoding that reads it as Chinese with the fewest undecodable bytes,
    when they are few (``document.unreadable_chars`` counts them); None when none does."""
    best: tuple[int, float, str, str] | None = None
    for name in ("utf-8", "gb18030", "big5", _MIXED):
        text = _mixed(data) if name == _MIXED else data.decode(name, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(_DAMAGE_FLOOR, len(text) * _DAMAGE_SHARE):
            continue
        score = _score(text)
        if score >= _GOOD_SCORE and (best is None or (bad, -score) < (best[0], -best[1])):
            best = (bad, score, name, text)
    return None if best is None else (best[3], best[2])


_MIXED = "utf-8+gb18030"  # a UTF-8 text with lines pasted in from a GBK one


def _mixed(data: bytes) -> str:
    """``data`` line by line: UTF-8, and a line that is not UTF-8 read as GB18030 (a heading
    pasted from an older document into a UTF-8 one)."""
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("gb18030", errors="replace"))
    return "\n".join(out)


def _score(text: str) -> float:
    """How much ``text`` reads as Chinese: the share of its CJK characters (of the first 20,000
    characters) that are common ones, damped when CJK characters are few."""
    sample = text[:_SAMPLE]
    cjk = cjk_count(sample)
    if not cjk:
        return _score_without_cjk(sample)
    return _common_count(sample) / cjk * _density(cjk, sample)


def _score_without_cjk(sample: str) -> float:
    """Plain ASCII text scores a little (a report may be typed in Latin letters), else nothing."""
    printable = sum(c.isprintable() or c.isspace() for c in sample)
    return 0.1 if sample and printable / len(sample) > 0.98 and sample.isascii() else 0.0


_SAMPLE = 20000


def _density(cjk: int, sample: str) -> float:
    """Fewer CJK characters weigh less (one function, so both scorers compute the same float)."""
    density: float = (cjk / max(len(sample), 1)) ** 0.25
    return density


# Counted without a Python step per character (that made scoring a GBK file cost ~250 µs, more
# than analysing it): CJK characters by their UTF-16 high byte (fast_patterns.cjk_count), and
# the common ones by a charmap codec that knows only them, told to ignore the rest: it writes
# one byte per common character.


def _charmaps(chars: str) -> tuple[Any, ...]:
    """Charmap encoders that know ``chars`` and nothing else but NUL: a map holds 255 characters
    (byte 0 is NUL's; U+FFFE marks a byte as unused)."""
    chunks = [chars[i : i + 255] for i in range(0, len(chars), 255)]
    return tuple(codecs.charmap_build("\0" + c + "\ufffe" * (255 - len(c))) for c in chunks)


_COMMON_MAPS = _charmaps("".join(sorted(c for c in _COMMON if "\u4e00" <= c <= "\u9fff")))


def _common_count(sample: str) -> int:
    written = sum(len(codecs.charmap_encode(sample, "ignore", m)[0]) for m in _COMMON_MAPS)
    return written - len(_COMMON_MAPS) * sample.count("\0")  # NUL is written by each map


_CHUNK = 1024


def _score_reaches(text: str, bar: float) -> bool:
    """Whether ``_score(text) >= bar``, the common characters counted a chunk at a time only
    until the share already counted reaches the bar (the score only grows with the count);
    a text in GB18030 reaches 0.15 within its first chunk or two."""
    sample = text[:_SAMPLE]
    cjk = cjk_count(sample)
    if not cjk:
        return _score_without_cjk(sample) >= bar
    density = _density(cjk, sample)
    common = 0
    for start in range(0, len(sample), _CHUNK):
        common += _common_count(sample[start : start + _CHUNK])
        if common / cjk * density >= bar:
            return True
    return False  # every common character counted: this is the score, and it is below the bar


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    name = "gb18030" if best.encoding in {"gb2312", "gbk", "hz"} else best.encoding
    try:
        # named as everywhere else (utf-8, not charset-normalizer's utf_8)
        return data.decode(name), codecs.lookup(name).name
    except (UnicodeDecodeError, LookupError):
        return None
