"""A reading library's call run in a child process with a time limit, for libraries that loop
inside C code (a regular expression on a crafted file): neither the reading deadline nor a timer
signal reaches them there, a child process can be stopped."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import TypeVar

from fzcheck.errors import InputError

T = TypeVar("T")


def call_isolated(fn: Callable[[], T], seconds: float) -> T:
    """``fn()``, run in a forked child and given up after ``seconds`` (an InputError, kind
    ``timeout``). Its exceptions are raised here. Where processes cannot fork, it runs here."""
    if sys.platform == "win32" or not hasattr(os, "fork"):
        return fn()
    import multiprocessing

    parent, child = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(target=_run, args=(fn, child))
    process.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise InputError(
                f"reading took over {seconds:.0f} s and was stopped (a file this slow to read "
                "is damaged or crafted); re-save it as .docx or PDF",
                kind="timeout",
            )
        ok, value = pickle.loads(parent.recv_bytes())
    except EOFError:  # the child died (its memory, a crash in the library)
        raise InputError(
            "the reading library stopped on this file; re-save it as .docx or PDF",
            kind="corrupt",
        ) from None
    finally:
        parent.close()
        if process.is_alive():
            process.kill()
        process.join()
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def _run(fn: Callable[[], object], out: object) -> None:
    try:
        result: tuple[bool, object] = (True, fn())
    except BaseException as err:  # noqa: BLE001 - handed to the parent, raised there
        result = (False, err)
    out.send_bytes(_portable(result))  # type: ignore[attr-defined]


def _portable(result: tuple[bool, object]) -> bytes:
    """``result`` pickled so that the parent can load it: a library's exception that cannot be
    rebuilt from its pickle (an ``__init__`` with arguments of its own) or an answer that
    cannot be pickled becomes an InputError saying what it was."""
    try:
        data = pickle.dumps(result)
        pickle.loads(data)
        return data
    except Exception:  # noqa: BLE001 - any failure to round-trip is reported the same way
        ok, value = result
        what = f"{type(value).__name__}: {value}" if not ok else type(value).__name__
        error = InputError(
            f"the reading library failed on this file ({what[:200]}); re-save it as .docx or PDF",
            kind="corrupt",
        )
        return pickle.dumps((False, error))
