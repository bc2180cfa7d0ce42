"""Three of the sixteenth hold-out's reports again, the portal's side column of dated 相关链接 made
long enough to stand beside the tables (``Style.links``), printed by chromium and laid out by
``pdftotext -layout``: the links' words and dates on the lines of the tables' rows. Made after the
set was scored, for ``test_side_column``; the gold is the set's (``fixtures/gold``).

    .venv/bin/python -m tests.ingest.holdout16.beside
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from tests.ingest.holdout16.generate import REPORTS, reports
from tests.ingest.holdout16.layout import portal
from tests.ingest.make_files import print_with_chromium
from tests.ingest.wild import generate as wild

BESIDE = Path(__file__).resolve().parent / "beside"
NAMES = ("b2020-a", "b2022-a", "b2024-a")  # Firefox and Edge, both templates
LEFT = ("b2022-a",)  # the side column on the article's left too


def write(out: Path = BESIDE) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    data = reports()
    written = []
    with tempfile.TemporaryDirectory(prefix="gongkai-beside-") as tmp_name:
        tmp = Path(tmp_name)
        for name, *_rest, style in REPORTS:
            if name not in NAMES:
                continue
            for where in ("beside", "left")[: 2 if name in LEFT else 1]:
                page = tmp / f"{name}~{where}.html"
                side = replace(style, sidebar=True, mobile="", links=36, left=where == "left")
                page.write_text(portal(data[name], side), "utf-8")
                pdf = tmp / f"{name}~{where}.pdf"
                print_with_chromium(page, pdf)
                path = out / f"{name}~{where}.txt"
                wild._write(path, wild.FROM_PDF["pdftotext-layout"](pdf))
                written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(path)
    sys.exit(0)
