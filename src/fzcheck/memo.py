"""Values worked out once per rubric, part or spec for every report a run checks (a rubric's
joined scans, a part's patterns), keyed by the object's identity: hashing a frozen pydantic model
hashes every field on each call. The object is kept beside its value, so its id is not reused
while the entry stands."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")
V = TypeVar("V")

_MAX_ENTRIES = 1024  # a run holds a few rubrics of a handful of parts each


def per_object(fn: Callable[[T], V]) -> Callable[[T], V]:
    """``fn`` remembered per argument object (for frozen objects: the value cannot go stale)."""
    cache: dict[int, tuple[T, V]] = {}

    @wraps(fn)
    def remembered(obj: T) -> V:
        hit = cache.get(id(obj))
        if hit is None or hit[0] is not obj:
            if len(cache) >= _MAX_ENTRIES:
                cache.clear()
            hit = cache[id(obj)] = (obj, fn(obj))
        return hit[1]

    return remembered
