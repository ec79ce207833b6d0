"""Expand command-line inputs: files, directories (recursed by suffix), globs, and ``-``.

A directory yields every file that looks like a submission, including the ones that cannot be
read (images, spreadsheets) and special files or broken links named like one, so each gets its
error line instead of vanishing from the count; a directory with none yields itself, so the
user hears that it held no reports. Office lock files (``~$报告.docx``) and fzcheck's own HTML
pages, Markdown and text views, letters and workbooks (results written inside the input
folder) are not submissions and are skipped; a document named ~$… (its content a document's,
not a lock file's) is read."""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from fzcheck.reading import SUBMISSION_SUFFIXES, is_own_output, opens_as_document
from fzcheck.reading.sniff import HTML_SUFFIXES, TEXT_SUFFIXES


def expand_inputs(specs: list[str]) -> Iterator[str]:
    """Each input once, in the order given; directories sorted. A missing path is still yielded
    so that its error is reported in its place. An empty one is refused: Path("") is the
    working folder, walked whole (a script's unset "$FILE")."""
    if any(not spec for spec in specs):
        from fzcheck.errors import UsageError
        from fzcheck.render.i18n import t

        raise UsageError(t("inputs.empty"))
    seen: set[str] = set()
    for spec in specs:
        for item in _expand(spec):
            if item not in seen:
                seen.add(item)
                yield item


def _expand(spec: str) -> Iterator[str]:
    if spec == "-":
        yield spec
        return
    path = Path(spec)
    if path.is_dir():
        found = False
        for child in sorted(path.rglob("*")):
            if child.name.endswith(DECISIONS_SUFFIX):
                _orphaned(child)
            if _is_submission(child, path):
                if _leads_outside(child, path):
                    from fzcheck.output import warn
                    from fzcheck.redact import visible

                    warn(f"skipped {visible(str(child))}: a link to a file outside {visible(spec)}")
                    continue
                found = True
                yield str(child)
        if not found:
            yield spec
        return
    if not os.path.lexists(spec) and glob.has_magic(spec):
        matches = _glob(spec)
        for m in matches:
            yield from _expand(m)
        if matches:
            return
    yield spec


# a reviewer's decisions file beside what was reviewed (fzcheck.grading.decisions keeps them)
DECISIONS_SUFFIX = ".decisions.jsonl"
_HASHED = re.compile(r"-[0-9a-f]{12}$")  # a name too long for the suffix: its start and a hash


def _orphaned(store: Path) -> None:
    """Say when the file a decisions file was kept beside is gone (renamed or moved: its
    decisions apply to nothing now, and had been lost without a word)."""
    reviewed = store.name[: -len(DECISIONS_SUFFIX)]
    if not reviewed or _HASHED.search(reviewed) or os.path.lexists(store.with_name(reviewed)):
        return
    from fzcheck.output import warn
    from fzcheck.redact import visible
    from fzcheck.render.i18n import t

    warn(t("inputs.orphaned_decisions", path=visible(str(store)), name=visible(reviewed)))


def _glob(spec: str) -> list[str]:
    """The paths ``spec`` matches, sorted. ``**`` goes down folders without following links to
    folders (glob.glob follows them: two links to . made the paths multiply without end), as a
    folder given as an input is walked."""
    if "**" not in spec:
        return sorted(glob.glob(spec))
    # the literal folders before the first pattern, as typed (./reports/**: paths keep ./)
    parts = spec.split(os.sep)
    first = next(k for k, part in enumerate(parts) if glob.has_magic(part))
    prefix = os.sep.join(parts[:first])
    base = Path(prefix or ".")
    rest = str(Path(*parts[first:]))
    return sorted(
        os.path.join(prefix, str(p.relative_to(base))) if prefix else str(p.relative_to(base))
        for p in base.glob(rest)
        if not _hidden(p, base)
    )


def _hidden(path: Path, base: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(base).parts)


def _leads_outside(child: Path, root: Path) -> bool:
    """Whether ``child`` is a link to a file outside the folder walked: a folder unpacked from
    an archive may hold a link named 报告.txt to /etc/passwd, which is not a submission to
    read (and whose lines would be quoted in the results). A link given by name is followed."""
    if not child.is_symlink():
        return False
    try:
        target = child.resolve(strict=True)
        return not target.is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False  # broken or looping: its own error line says so


def _is_submission(child: Path, root: Path) -> bool:
    if child.suffix.lower() not in SUBMISSION_SUFFIXES:
        return False
    if child.name.startswith("~$") and not _holds_document(child):
        return False  # an Office lock file; a report that happens to be named so is read
    if any(part.startswith(".") for part in child.relative_to(root).parts):
        return False
    try:
        mode = os.stat(child).st_mode
    except OSError:
        return True  # a broken link or loop named like a report: its error line says so
    if stat.S_ISDIR(mode):
        return False
    if not stat.S_ISREG(mode):
        return True
    suffix = child.suffix.lower()
    return not (
        ((suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES) and _own_output(child))
        # (a letter last saved by Word or WPS may be a unit's revised report written into the
        # letter it got: read, not passed over in silence)
        or (suffix == ".docx" and _own_package(child, LETTER_CATEGORY, _SAVED_BY_FZCHECK))
        or (suffix == ".xlsx" and _own_package(child, SHEET_CATEGORY))
    )


def _holds_document(path: Path) -> bool:
    """Whether ``path``'s first bytes are a document's (see :func:`opens_as_document`)."""
    try:
        with open(path, "rb") as f:
            return opens_as_document(f.read(64))
    except OSError:
        return False  # unreadable and named as a lock file: skipped as one


# what fzcheck sets as a letter's or a workbook's category (docProps/core.xml): its own file,
# not a submission
LETTER_CATEGORY = "fzcheck 反馈意见"
SHEET_CATEGORY = "fzcheck 评分表"


# who last saved a letter fzcheck wrote; Word or WPS saving it names their user instead
_SAVED_BY_FZCHECK = b"<cp:lastModifiedBy>fzcheck</cp:lastModifiedBy>"


def is_own_letter(path: Path) -> bool:
    """A feedback letter fzcheck wrote (written into the submissions' folder, it was graded as
    a unit's report the next run): its document properties say so."""
    return _own_package(path, LETTER_CATEGORY)


def _own_package(path: Path, category: str, also: bytes = b"") -> bool:
    """An Office package fzcheck wrote: its document properties name ``category`` (and hold
    ``also``). (A workbook written into the submissions' folder came back the next run as a
    spreadsheet submitted.)"""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 65_536:
                return False
            core = archive.read(info)
            return category.encode() in core and also in core
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, NotImplementedError, EOFError):
        return False  # not one of ours, or damaged: read, and its error line says so


def _own_output(path: Path) -> bool:
    """A page, Markdown or text view fzcheck wrote (its results, not a submission): its
    first bytes say so (:func:`fzcheck.reading.is_own_output`)."""
    try:
        with path.open("rb") as f:
            return is_own_output(f.read(4096))
    except OSError:
        return False
