"""seals.without_seals: a seal's red is made the paper's colour before OCR, black ink under it
kept, and red that is no seal (a masthead, a rule, a block of red characters) left as it is."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from fzcheck.reading.seals import without_seals

RED, BLACK, WHITE = (200, 30, 30), (0, 0, 0), (255, 255, 255)


def _page() -> Any:
    """A white page 1280 high, 905 wide (A4 as OCR renders it), RGB."""
    return np.full((1280, 905, 3), 255, dtype=np.uint8)


def _ring(page: Any, cy: int, cx: int, radius: int, width: int = 6) -> None:
    y, x = np.ogrid[: page.shape[0], : page.shape[1]]
    d = np.sqrt((y - cy) ** 2 + (x - cx) ** 2)
    page[(d <= radius) & (d >= radius - width)] = RED
    page[(abs(y - cy) < 12) & (abs(x - cx) < 12)] = RED  # the star, roughly


@pytest.mark.parametrize("order", ["rgb", "bgr"])
def test_a_seals_red_is_made_paper_and_the_black_under_it_kept(order: str) -> None:
    page = _page()
    page[700:712, 600:760] = BLACK  # a line of the signature, under the seal
    _ring(page, 706, 680, 100)
    page[696:716, 670:690] = BLACK  # black ink where the star is: laid under the red, kept
    image = page[..., ::-1] if order == "bgr" else page
    out = without_seals(image, red=2 if order == "bgr" else 0)
    out = out[..., ::-1] if order == "bgr" else out
    assert (out[700:712, 600:665] == 0).all()  # the black line (the star drawn over its end)
    assert (out[696:716, 670:690] == 0).all()

    def red(a: Any) -> Any:
        return (a[..., 0] > 150) & (a[..., 1] < 100)

    assert not red(out).any() and red(page).any()  # no red left; the input as it was


def test_red_that_is_no_seal_is_left_as_it_is() -> None:
    """A red masthead (青禾县司法局文件, far wider than high) and the rule under it; a red
    character of body size; 文件 set large beside a joint masthead's two lines (a block the size
    of a seal, helper-181: taken for one); none is a seal."""
    page = _page()
    page[80:150, 100:800] = RED  # the masthead's band
    page[170:174, 60:845] = RED  # the rule
    page[400:420, 300:320] = RED  # one red character
    # 文件 set large beside a two-line joint masthead: a block as big as a seal, no ring
    page[230:370, 600:660] = RED
    page[230:370, 690:750] = RED
    page[300:1250, 20:885] = np.where(page[300:1250, 20:885] == 255, 250, 0)  # no red there
    assert without_seals(page, red=0) is page


def test_a_page_without_red_is_the_same_array() -> None:
    page = _page()
    page[500:520, 100:800] = BLACK
    assert without_seals(page, red=0) is page
    grey = np.full((1280, 905), 255, dtype=np.uint8)
    assert without_seals(grey, red=0) is grey  # one channel: no colour to tell red by


def test_a_scan_stamped_over_its_date_is_read_as_signed_that_day(tmp_path: Any) -> None:
    """A red seal stamped over the date line (骑年盖月), its star on 10日, its rim's name over
    the issuer: the date was read 2026-02-19, the star taken for a stroke of 0."""
    from fzcheck.pipeline import check_path
    from fzcheck.rubric import Catalog
    from tests.helpers import sample_text
    from tests.reading.makers import cjk_font, sealed_scan_pdf

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font to draw the scan with")
    scan = tmp_path / "sealed.pdf"
    scan.write_bytes(sealed_scan_pdf(sample_text(), font, "示例县司法局"))
    document = check_path(str(scan), Catalog.load()).to_json()["document"]
    assert document["ocr"] and document["signed_on"] == "2026-02-10"
    assert document["issuer"] == "示例县司法局"
