"""A reading library's call in a child process: its answer, its exception, or a timeout when
it never returns (a loop inside C code, where no deadline or timer reaches)."""

from __future__ import annotations

import signal
import time

import pytest

from fzcheck.errors import InputError
from fzcheck.reading.isolated import address_space_now, call_isolated


def test_the_childs_answer_and_its_exceptions_come_back() -> None:
    assert call_isolated(lambda: "一、主要举措" * 3, 10) == "一、主要举措" * 3
    with pytest.raises(ValueError, match="bad group"):
        call_isolated(lambda: (_ for _ in ()).throw(ValueError("bad group")), 10)


def _deaf_forever() -> str:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGINT})
    while True:
        time.sleep(0.05)


def test_a_call_that_never_returns_is_a_timeout_and_its_child_is_gone() -> None:
    with pytest.raises(InputError) as info:
        call_isolated(_deaf_forever, 1)
    assert info.value.kind == "timeout"


def test_a_child_that_dies_is_a_damaged_file() -> None:
    import os

    with pytest.raises(InputError) as info:
        call_isolated(lambda: os._exit(9), 10)
    assert info.value.kind == "corrupt"


class _LibraryError(Exception):
    def __init__(self, where: int, why: str) -> None:  # not rebuilt from its pickle's args
        super().__init__(f"{why} at {where}")


def _raise_library_error() -> str:
    raise _LibraryError(7, "bad control word")


def test_an_exception_that_cannot_cross_back_is_a_damaged_file_saying_what_it_was() -> None:
    with pytest.raises(InputError) as info:
        call_isolated(_raise_library_error, 10)
    assert info.value.kind == "corrupt"
    assert "_LibraryError: bad control word at 7" in str(info.value)


def test_an_answer_that_cannot_be_pickled_is_a_damaged_file() -> None:
    with pytest.raises(InputError) as info:
        call_isolated(lambda: lambda: 1, 10)
    assert info.value.kind == "corrupt"


def test_a_child_capped_beyond_the_address_space_it_starts_with_is_stopped_at_the_cap() -> None:
    now = address_space_now()
    if now is None:
        pytest.skip("no /proc/self/statm to tell the address space")
    grow_by = 256 * 2**20
    assert call_isolated(lambda: len(bytearray(64 * 2**20)), 10, grow_by=grow_by) == 64 * 2**20
    with pytest.raises(InputError) as info:
        call_isolated(lambda: len(bytearray(2**30)), 10, grow_by=grow_by)
    assert info.value.kind == "too_large"
