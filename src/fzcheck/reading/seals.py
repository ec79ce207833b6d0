"""A page's red seals (公章) taken off its image before OCR.

A unit stamps its seal over the signature: the issuer's name and the date under the red ring,
star and curved name. OCR read the rim's top characters as a line of their own (县司), merged
the strokes with the black text into one unreadable box, and lost the date's month under the star
(2026年月10日). Black ink stays black under red (the seal's ink is laid over it), so where red
forms a seal — a roughly square patch the size of one, its ring crossing the middle of each side
— its box is redrawn by its red channel: the ink the paper's colour, black black. A red
masthead (青禾县司法局文件) or rule, far wider than high, and a block of large red characters
(a joint masthead's 文件), no ring, are left as they are.
"""

from __future__ import annotations

from typing import Any

import numpy as np

_RED_MIN = 100  # the red channel of a seal's ink, even a dark red one
_RED_OVER = 40  # …over each of the other two channels (grey and black ink have them equal)
_GRID = 96  # cells along the page's long side: red is looked for cell by cell
# a seal's side as a share of the page's long side: 3.4 to 4.5 cm on A4's 29.7 cm, with room
# for a scan's margins and a large or small stamp
_SEAL_MIN, _SEAL_MAX = 0.07, 0.25
_SQUARE = 1.6  # a seal's box is at most this much longer one way than the other
_EDGE_PART = 12  # the share of a side (1/12) looked at for the ring, in its middle and at its edge
_OWN_INK_SHARE = 75  # most of a seal's red lies over paper: its red there is this percentile's
_SAME_INK = 12  # red this far below the seal's own is still its ink (uneven, a JPEG's noise)


def without_seals(image: Any, red: int) -> Any:
    """``image`` (height × width × channels, uint8; channel ``red`` its red) with each seal on it
    taken off; the same array when it holds none."""
    if image.ndim != 3 or image.shape[2] < 3:
        return image
    ink = _red_ink(image, red)
    if not ink.any():
        return image
    height, width = ink.shape
    long = max(height, width)
    cell = max(2, long // _GRID)
    rows, cols = height // cell, width // cell
    cells = ink[: rows * cell, : cols * cell].reshape(rows, cell, cols, cell).any(axis=(1, 3))
    out = None
    paper = None
    for top, left, bottom, right in _patches(cells):
        y0, x0, y1, x1 = top * cell, left * cell, (bottom + 1) * cell, (right + 1) * cell
        side, other = max(y1 - y0, x1 - x0), min(y1 - y0, x1 - x0)
        if not (_SEAL_MIN * long <= side <= _SEAL_MAX * long and side <= _SQUARE * other):
            continue
        if not _ringed(ink[y0:y1, x0:x1]):
            continue  # a block of red characters (a masthead's 文件), an emblem: no seal
        if out is None:
            out = image.copy()
            # the paper's colour (most of a page is paper): what the seal's ink is made
            paper = np.median(image[::8, ::8].reshape(-1, image.shape[2]), axis=0)
        box = out[y0:y1, x0:x1]
        own = int(np.percentile(box[ink[y0:y1, x0:x1]][:, red], _OWN_INK_SHARE))
        # the whole box by its red channel: the seal's ink, its pale edges and a scan's halo
        # round them as light as the paper, black as black
        box[...] = _lifted(box.reshape(-1, box.shape[2]), red, own, paper).reshape(box.shape)
    return image if out is None else out


def _lifted(pixels: Any, red: int, own: int, paper: Any) -> Any:
    """Pixels of a seal's box by their red channel: as red as the seal's own ink (``own``: its
    common red, over paper) or lighter, the paper's colour; darker, darker, to black. Ink laid
    over black leaves black; ink that hides it (a stamp pressed hard) only darkens its red, and
    that is kept darker, for OCR to read through where it can."""
    r = pixels[:, red].astype(np.int16)
    # in proportion, black to black: a stroke's grey edges stay grey (darkened faster, they
    # ran together, and 青禾 was read 精禾: helper-181)
    light = np.clip(r / max(own - _SAME_INK, 1), 0, 1)
    return (light[:, None] * paper[None, :]).astype(np.uint8)


def _ringed(ink: Any) -> bool:
    """Whether red crosses the middle of each side of its box, as a seal's ring (round, oval
    or square) does and a block of characters, with gaps between them, does not."""
    height, width = ink.shape
    dy, dx = max(2, height // _EDGE_PART), max(2, width // _EDGE_PART)
    middle_y, middle_x = (
        slice(height // 2 - dy, height // 2 + dy),
        slice(width // 2 - dx, width // 2 + dx),
    )
    sides = (ink[:dy, middle_x], ink[-dy:, middle_x], ink[middle_y, :dx], ink[middle_y, -dx:])
    return all(side.any() for side in sides)


def _red_ink(image: Any, red: int) -> Any:
    r = image[..., red].astype(np.int16)
    g, b = (image[..., c].astype(np.int16) for c in range(3) if c != red)
    return (r >= _RED_MIN) & (r - g >= _RED_OVER) & (r - b >= _RED_OVER)


def _patches(cells: Any) -> list[tuple[int, int, int, int]]:
    """The bounding boxes (top, left, bottom, right, in cells, inclusive) of the groups of
    touching cells (a corner is touching) that hold red."""
    todo = {(int(y), int(x)) for y, x in zip(*np.nonzero(cells), strict=True)}
    boxes = []
    while todo:
        stack = [todo.pop()]
        top, left = bottom, right = stack[0]
        while stack:
            y, x = stack.pop()
            top, bottom, left, right = min(top, y), max(bottom, y), min(left, x), max(right, x)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    if (y + dy, x + dx) in todo:
                        todo.discard((y + dy, x + dx))
                        stack.append((y + dy, x + dx))
        boxes.append((top, left, bottom, right))
    return boxes
