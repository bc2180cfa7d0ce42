"""The illustrated reading: real charts in a CJK font, for every report, and the trend over years."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from gongkai.render import charts
from gongkai.report.model import Report

from .conftest import GOLD_FILES


@pytest.mark.parametrize("stem", [p.stem for p in GOLD_FILES])
def test_each_report_gets_its_charts_as_svg_and_print_png(gold_reports: dict[str, Report], stem: str) -> None:
    report = gold_reports[stem]
    drawn = charts.report_charts(report)
    assert [c.key for c in drawn] == ["applicants", "outcomes", "flow", "appeals", "decisions"]
    for chart in drawn:
        root = ET.fromstring(chart.svg)
        assert root.tag.endswith("svg")
        with Image.open(io.BytesIO(chart.png)) as png:
            width, height = png.size
            assert width >= 6 * charts.PNG_DPI  # 16 cm wide at print resolution
            assert height > 0.8 * charts.PNG_DPI
        assert str(report.year) in chart.title and chart.caption


def test_captions_carry_the_figures(gold_reports: dict[str, Report]) -> None:
    report = gold_reports["001_cf5ac85f95ca13ec"]
    drawn = {c.key: c for c in charts.report_charts(report)}
    column = report.template.request_columns[0]
    assert f"{column.label} {report.requests['new_received'][0]}" in drawn["applicants"].caption
    assert f"{report.request_total('carried_forward')}" in drawn["flow"].caption


def test_trend_needs_several_years_of_the_same_agency(gold_reports: dict[str, Report]) -> None:
    report = gold_reports["000_21925bfca89cb37b"]
    data = report.to_dict()
    data["year"] = 2019
    earlier = Report.from_dict(data)
    other = gold_reports["001_cf5ac85f95ca13ec"]
    assert "trend" not in {c.key for c in charts.report_charts(report, [other])}
    drawn = charts.report_charts(report, [earlier, other])
    trend = drawn[-1]
    assert trend.key == "trend" and "2019年" in trend.caption and "2020年" in trend.caption


def test_no_cjk_font_is_an_error_not_tofu(monkeypatch: pytest.MonkeyPatch) -> None:
    charts.cjk_font.cache_clear()
    monkeypatch.setattr(charts, "CJK_FONTS", ("No Such Font SC",))
    try:
        with pytest.raises(charts.CJKFontMissing, match="fonts-noto-cjk"):
            charts.cjk_font()
    finally:
        charts.cjk_font.cache_clear()


def test_the_font_found_is_a_cjk_font() -> None:
    from matplotlib import font_manager

    name = charts.cjk_font()
    path = font_manager.findfont(font_manager.FontProperties(family=name), fallback_to_default=False)
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path)
    assert font.get_char_index(ord("政")) != 0  # the font has the glyph: no tofu
