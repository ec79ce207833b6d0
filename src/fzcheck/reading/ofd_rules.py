"""The rules an OFD page draws (its PathObjects' straight sides), in points, for
:mod:`fzcheck.reading.pdf_tables` to find its ruled tables by, as a PDF page's are found.

A PathObject's AbbreviatedData (GB/T 33190 9.2) is a list of commands in the object's space:
S / M x y (start a subpath), L x y (a line to), Q / B / A (curves, no rule), C (close the
subpath). Its points go through the CTM, then from the Boundary's corner, in millimetres."""

from __future__ import annotations

import math
from typing import Any

from fzcheck.reading.pdf_tables import MAX_RULES, Rule, thin_rule, upright_side

PT = 72 / 25.4  # points a millimetre: pdf_tables measures in points
_MAX_SIDES = MAX_RULES  # straight sides of one path, at most (a grid drawn as one path)
_SIDE_CHARS = 64  # characters a side takes at most in the path's data (L 123.45678 789.01234)
_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def page_rules(content: Any, max_objects: int) -> tuple[list[Rule], list[Rule]]:
    """The page's horizontal and vertical rules, in points: each thin subpath (a line, or a bar
    drawn filled: one path may draw many) along its middle, and the upright sides of a stroked
    one (a cell's border drawn as a box, a grid drawn as one outline). None for a page of more
    than ``max_objects`` paths, or of more than MAX_RULES rules (a drawing, not a table)."""
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    for n, obj in enumerate(content.iter("{*}PathObject")):
        if n >= max_objects:
            return [], []
        box = _floats(obj.get("Boundary", ""))
        if len(box) != 4:
            continue
        x0, y0, _, _ = box  # the corner the path is drawn from (its size: what it draws)
        # (a stroke is drawn unless Stroke="false", filled or not: a white cell's border)
        stroked = obj.get("Stroke", "true") != "false"
        for sides in _subpaths(obj, x0, y0):
            _add_rules(sides, stroked, horizontal, vertical)
        if len(horizontal) + len(vertical) > MAX_RULES:
            return [], []
    return horizontal, vertical


Point = tuple[float, float]
Side = tuple[Point, Point]


def _add_rules(
    sides: list[Side], stroked: bool, horizontal: list[Rule], vertical: list[Rule]
) -> None:
    """A subpath's rules: itself when thin (a line, a bar), else its upright sides if stroked
    (a shaded area, filled only, draws no border)."""
    xs = [x for side in sides for x, _ in side]
    ys = [y for side in sides for _, y in side]
    if not all(map(math.isfinite, xs + ys)):
        return  # numbers that overflow on the page (1e300 through a CTM of 1e300)
    across, down = thin_rule(min(xs), min(ys), max(xs), max(ys))
    if not across and not down and stroked:
        for a, b in sides:
            across, down = upright_side(a, b)
            horizontal += across
            vertical += down
        return
    horizontal += across
    vertical += down


def _subpaths(obj: Any, x0: float, y0: float) -> list[list[Side]]:
    """The path's subpaths' straight sides on the page (in points): each L, and each C back to
    its subpath's start; S or M starts a subpath. A curve moves the pen and draws no side."""
    data = next((el.text for el in obj.iter("{*}AbbreviatedData")), None) or ""
    if len(data) > _MAX_SIDES * _SIDE_CHARS:
        return []  # a drawing's outline (and no split of megabytes of it into tokens)
    matrix = _floats(obj.get("CTM") or "")
    a, b, c, d, e, f = matrix if len(matrix) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def place(x: float, y: float) -> Point:  # (OFD measures in millimetres)
        return (x0 + a * x + c * y + e) * PT, (y0 + b * x + d * y + f) * PT

    tokens = data.split()
    out: list[list[Side]] = [[]]
    pen = start = None
    count = i = 0
    while i < len(tokens):
        op = tokens[i]
        needs = _ARGS.get(op)
        args = _floats(" ".join(tokens[i + 1 : i + 1 + (needs or 0)]))
        if needs is None or len(args) != needs:
            break  # a command not known or cut short: the sides read so far stand
        i += 1 + needs
        if op in "SM":
            pen = start = place(*args)
            if out[-1]:
                out.append([])
        elif op in "LC":
            to = place(*args) if op == "L" else start
            if pen is not None and to is not None and pen != to:
                out[-1].append((pen, to))
                count += 1
                if count > _MAX_SIDES:
                    return []  # a drawing's outline, no table's
            pen = to
        else:  # a curve: the pen moves to its end point
            pen = place(*args[-2:])
    return [sides for sides in out if sides]


def _floats(text: str) -> list[float]:
    """The numbers in ``text``; none when one is no finite number (nan, 1e999: no position)."""
    try:
        values = [float(v) for v in text.split()]
    except ValueError:
        return []
    return values if all(map(math.isfinite, values)) else []
