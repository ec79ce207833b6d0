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
    out.send_bytes(pickle.dumps(result))  # type: ignore[attr-defined]
