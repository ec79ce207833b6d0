"""Expand command-line inputs: files, directories (recursed by suffix), globs, and ``-``.

A directory yields every file that looks like a submission, including the ones that cannot be
read (.doc, .wps, images), so each gets its error line instead of vanishing from the count; a
directory with none yields itself, so the user hears that it held no reports."""

from __future__ import annotations

import glob
from collections.abc import Iterator
from pathlib import Path

from fzcheck.reading import SUBMISSION_SUFFIXES


def expand_inputs(specs: list[str]) -> Iterator[str]:
    """Each input once, in the order given; directories sorted. A missing path is still yielded
    so that its error is reported in its place."""
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
            if child.is_file() and child.suffix.lower() in SUBMISSION_SUFFIXES \
                    and not any(part.startswith(".") for part in child.relative_to(path).parts):
                found = True
                yield str(child)
        if not found:
            yield spec
        return
    if not path.exists() and glob.has_magic(spec):
        matches = sorted(glob.glob(spec, recursive=True))
        for m in matches:
            yield from _expand(m)
        if matches:
            return
    yield spec
