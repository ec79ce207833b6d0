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


def call_isolated(
    fn: Callable[[], T],
    seconds: float,
    grow_by: int | None = None,
    advice: str = "re-save it as .docx or PDF",
    quiet: bool = False,
) -> T:
    """``fn()``, run in a forked child and given up after ``seconds`` (an InputError, kind
    ``timeout``), the child's address space allowed to grow by ``grow_by`` bytes past the one it
    starts with, this process's, when given and that can be told (a library that runs past it
    fails or dies: ``too_large``). Its exceptions are raised here; ``advice`` ends the messages;
    ``quiet`` sends the child's stderr to /dev/null. Where processes cannot fork, it runs here."""
    if sys.platform == "win32" or not hasattr(os, "fork"):
        return fn()
    import multiprocessing

    now = address_space_now() if grow_by is not None else None
    max_bytes = now + grow_by if now is not None and grow_by is not None else None

    parent, child = multiprocessing.get_context("fork").Pipe(duplex=False)
    process = multiprocessing.get_context("fork").Process(
        target=_run, args=(fn, child, max_bytes, quiet)
    )
    process.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise InputError(
                f"reading took over {seconds:.0f} s and was stopped (a file this slow to read "
                f"is damaged or crafted); {advice}",
                kind="timeout",
            )
        ok, value = pickle.loads(parent.recv_bytes())
    except EOFError:  # the child died (its memory, a crash in the library)
        cap = f" (it may have needed over {grow_by // 2**20} MB)" if max_bytes and grow_by else ""
        raise InputError(
            f"the reading library stopped on this file{cap}; {advice}",
            kind="too_large" if max_bytes else "corrupt",
        ) from None
    finally:
        parent.close()
        if process.is_alive():
            process.kill()
        process.join()
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def address_space_now() -> int | None:
    """This process's address space, in bytes (a forked child starts with all of it, so a cap
    on the child's is this plus what its work may take); None where it cannot be told."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[0])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _run(
    fn: Callable[[], object], out: object, max_bytes: int | None = None, quiet: bool = False
) -> None:
    try:
        if quiet:  # a C library's own warnings (libtiff's, per bad code word) off stderr
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(devnull)
        if max_bytes is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
        result: tuple[bool, object] = (True, fn())
    except MemoryError:
        result = (
            False,
            InputError("the file needs more memory to read than is allowed", kind="too_large"),
        )
    except BaseException as err:  # noqa: BLE001 - handed to the parent, raised there
        result = (False, err)
    out.send_bytes(_portable(result))  # type: ignore[attr-defined]


def _portable(result: tuple[bool, object]) -> bytes:
    """``result`` pickled so that the parent can load it: a library's exception that cannot be
    rebuilt from its pickle (an ``__init__`` with arguments of its own) or an answer that
    cannot be pickled becomes an InputError saying what it was."""
    try:
        data = pickle.dumps(result)
        if not result[0]:  # an exception is rebuilt from its pickle: try that here
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
