"""The OCR engine: RapidOCR (PaddleOCR's PP-OCRv4 Chinese models on ONNX Runtime), offline.

Why RapidOCR and not Tesseract (measured on our own renders, page 2 of a report: table 三 with
176 figures and 56 labels, and table 四; same cell boxes for both, taken from the PDF):

    engine                              figures right   labels right   seconds/page (2 shared cores)
    RapidOCR 1.4.4, 150 dpi             168/176         55/56          4.5–6
    RapidOCR 1.4.4, 300 dpi             175/176         56/56          7–10
    Tesseract 5.3 chi_sim, 150 dpi      38/176          27/56          5–8
    Tesseract 5.3 chi_sim, 300 dpi      37/176          37/56          3.5–6

Tesseract's page segmentation loses most figures between ruling lines and scrambles the order
of characters in labels (人自然, 计总); RapidOCR reads nearly everything, and what its detector
misses (lone ``0`` in wide cells) is read again cell by cell (``lines``). Through the whole
reader, on the committed degraded scans: 1408 of 1409 cells right, at about 5 CPU-seconds a page
on one core (``bench/ocr.py``); the page geometry (deskew, rules, cells) is 2% of that. The package
``rapidocr_onnxruntime`` ships its three models inside the wheel (15 MB): nothing is downloaded
at run time. (The newer ``rapidocr`` 2+/3+ packages fetch their models on first use, so they are
not used.)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

PxBox = tuple[int, int, int, int]
DETECT_DPI = 200  # text detection at this resolution at most (PDF pages are rendered at it)
REC_MIN_WIDTH = 192


@dataclass(frozen=True)
class TextBox:
    """A run of text the detector found, its box in page pixels, and the recogniser's confidence."""

    box: PxBox
    text: str
    score: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


@lru_cache(maxsize=1)
def _engine() -> Any:
    """The models, loaded once per process (a tenth of a second; the sessions are reused)."""
    from rapidocr_onnxruntime import RapidOCR

    # The angle classifier is for upside-down text lines, which a scanned report does not have.
    # One thread: ONNX Runtime's pool spins on every core it is given, which on a shared machine
    # (or with a batch read by several processes) costs far more than it gains.
    engine = RapidOCR(use_cls=False, print_verbose=False, intra_op_num_threads=1, inter_op_num_threads=1)
    # Lines are padded to at least this width before recognition (RapidOCR: 320 px, 6.7 times
    # the height). Most lines of a table are one short figure: 192 reads the same text with the
    # same confidence (checked on a page of 264 lines); recognition alone measured 5.4 against
    # 7.8 CPU-s, but through the whole reader the gain is within the noise of a shared machine.
    engine.text_rec.rec_image_shape = [3, 48, REC_MIN_WIDTH]
    return engine


def _colour(image: NDArray[np.uint8]) -> NDArray[np.uint8]:
    import cv2

    if image.ndim == 2:
        colour: NDArray[np.uint8] = np.asarray(cv2.cvtColor(image, cv2.COLOR_GRAY2BGR), dtype=np.uint8)
        return colour
    return image


def page_text(image: NDArray[np.uint8], dpi: int) -> list[TextBox]:
    """Every text line on a (grey) page image: detect, then recognise.

    Detection runs on the page scaled down to ``DETECT_DPI`` when it is finer (a 300 dpi scan);
    each line is recognised from the page at full resolution. (Detecting at 150 dpi costs a third
    less, but loses the ``二、`` of labels and misreads 申 as 中 on our scans: not worth it.)
    """
    import cv2

    engine = _engine()
    colour = _colour(image)
    factor = min(1.0, DETECT_DPI / dpi)
    small = colour if factor == 1.0 else cv2.resize(colour, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    found, _ = engine.text_det(small)
    if found is None or len(found) == 0:
        return []
    points = engine.sorted_boxes((np.asarray(found, dtype=np.float32) / factor).astype(np.float32))
    recognised, _ = engine.text_rec(engine.get_crop_img_list(colour, points))
    out: list[TextBox] = []
    for quad, (text, score) in zip(points, recognised, strict=True):
        if float(score) < engine.text_score:
            continue  # what RapidOCR itself drops: specks read as nothing much
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        box = (int(min(xs)), int(min(ys)), int(max(xs)) + 1, int(max(ys)) + 1)
        out.append(TextBox(box, str(text), float(score)))
    return out


def lines(crops: list[NDArray[np.uint8]]) -> list[tuple[str, float]]:
    """Recognise each crop as one line of text (no detection): (text, confidence) per crop."""
    if not crops:
        return []
    recognised, _ = _engine().text_rec([_colour(c) for c in crops])
    return [(str(text), float(score)) for text, score in recognised]
