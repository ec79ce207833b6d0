"""Values remembered per object: worked out once per rubric or part, whatever a run checks."""

from __future__ import annotations

import pytest

from fzcheck import memo
from fzcheck.memo import per_object


def test_a_value_is_worked_out_once_per_object() -> None:
    calls: list[object] = []

    @per_object
    def value(obj: list[int]) -> int:
        calls.append(obj)
        return sum(obj)

    a = [1, 2]
    assert value(a) == 3 and value(a) == 3
    assert calls == [a]


def test_equal_objects_are_told_apart_by_identity() -> None:
    calls: list[object] = []

    @per_object
    def value(obj: list[int]) -> int:
        calls.append(obj)
        return len(calls)

    a, b = [1], [1]  # equal, not the same
    assert value(a) == 1 and value(b) == 2 and value(a) == 1
    assert len(calls) == 2


def test_the_remembered_values_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "_MAX_ENTRIES", 3)
    calls: list[object] = []

    @per_object
    def value(obj: list[int]) -> int:
        calls.append(obj)
        return obj[0]

    kept = [[i] for i in range(5)]
    for obj in kept:
        value(obj)
    value(kept[0])  # forgotten when the fourth came in: worked out again
    assert len(calls) == 6
    value(kept[4])  # still remembered
    assert len(calls) == 6
