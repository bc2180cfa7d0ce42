"""The hold-out sets' shared generator (``holdout_sets``) still makes what each set's fixtures hold:
every report's gold and web page, byte for byte (the converted classes are made from these by the
real tools, which are not run here)."""

from __future__ import annotations

import importlib
import json

import pytest

from .holdout_sets import Data

SETS = {
    "holdout2": "gazette",
    "holdout3": "county",
    "holdout4": "bureau",
    "holdout5": "township",
    "holdout6": "bureau",
    "holdout7": "platform",
    "holdout8": "wechat",
    "holdout9": "spa",
    "holdout10": "office",
    "holdout11": "gongwen",
    "holdout12": "excel",
    "holdout13": "pre",
    "holdout14": "wps",
    "holdout15": "ocr",
    "holdout16": "portal",
    "holdout17": "catalogue",
    "holdout18": "agency",
    "holdout19": "district",
}


@pytest.mark.parametrize(("name", "style_name"), SETS.items())
def test_a_sets_generator_makes_its_gold_and_pages_again(name: str, style_name: str) -> None:
    generate = importlib.import_module(f"tests.ingest.{name}.generate")
    layout = importlib.import_module(f"tests.ingest.{name}.layout")
    lay_out = getattr(layout, style_name)
    data: dict[str, Data] = generate.reports()
    for report, *_, style in generate.REPORTS:
        gold = generate.FIXTURES / "gold" / f"{report}.json"
        assert gold.read_text("utf-8") == json.dumps(data[report], ensure_ascii=False, indent=2) + "\n", report
        page = generate.FIXTURES / "html" / f"{report}~{style_name}.html"
        assert page.read_text("utf-8") == lay_out(data[report], style), report
