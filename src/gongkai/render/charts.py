"""The illustrated reading (图解): charts of one report, and of an agency's reports over the years.

Drawn with matplotlib's object API (no pyplot state), in a CJK font found through matplotlib's
font manager; without one the charts would print boxes (tofu), so that is an error, not a fallback.
Each chart comes as SVG (for the HTML page) and PNG at print resolution (for DOCX and PDF).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..report.labels import strip_numbering
from ..report.model import Report
from ..report.templates import CHART_LABELS, LITIGATION, UNKNOWN_MARK
from .compose import Chart

# Sans-serif CJK fonts, most wanted first; Debian's fonts-noto-cjk provides the first.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)
PNG_DPI = 200
_WIDTH_IN = 6.3  # 16 cm: the text width of an A4 page
_INK, _MUTED = "#1f2933", "#6b7280"
_PALETTE = ("#1f5f8b", "#d9822b", "#3a8f5c", "#b03a48", "#7b5ea7", "#8c8c8c")


class CJKFontMissing(RuntimeError):
    def __init__(self) -> None:
        super().__init__(
            "找不到中文字体，无法绘制图解（请安装 fonts-noto-cjk） / no CJK font found for the charts "
            f"(install Debian's fonts-noto-cjk); looked for: {', '.join(CJK_FONTS)}"
        )


@cache
def cjk_font() -> str:
    """The family name of an installed CJK font, or ``CJKFontMissing``."""
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    for name in CJK_FONTS:
        if name in installed:
            return name
    raise CJKFontMissing()


def _rc() -> Any:  # matplotlib types rc keys as literals
    return {
        "font.family": cjk_font(),
        "font.size": 10,
        "axes.unicode_minus": False,  # the CJK font has no U+2212
        "svg.fonttype": "path",  # glyphs as outlines: the SVG shows right without the font
        "svg.hashsalt": "gongkai",  # stable ids, so the same report gives the same file
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.edgecolor": _MUTED,
        "axes.labelcolor": _INK,
        "xtick.color": _INK,
        "ytick.color": _INK,
    }


@dataclass(frozen=True)
class _Spec:
    key: str
    title: str
    caption: str
    height_in: float


def _finish(figure: Any, spec: _Spec) -> Chart:
    """The chart, drawn lazily: SVG (for HTML) and PNG (for DOCX, PDF) each cost as much as the
    chart itself, and a format needs only one of them."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    figure.tight_layout(pad=0.6)

    def svg() -> str:
        out = io.StringIO()
        with matplotlib_rc():
            figure.savefig(out, format="svg", metadata={"Date": None})
        return out.getvalue()

    def png() -> bytes:
        from PIL import Image

        rgba = io.BytesIO()
        with matplotlib_rc():  # tick labels are formatted at drawing time, under these settings
            figure.savefig(rgba, format="png", dpi=PNG_DPI)
        # Opaque RGB: with an alpha channel LibreOffice puts a soft mask in the PDF, which some
        # viewers draw as a grey box behind the chart.
        out = io.BytesIO()
        with Image.open(rgba) as image:
            image.convert("RGB").save(out, format="PNG", dpi=(PNG_DPI, PNG_DPI))
        return out.getvalue()

    return Chart(spec.key, spec.title, spec.caption, _WIDTH_IN * 2.54, svg, png)


def matplotlib_rc() -> Any:
    import matplotlib

    return matplotlib.rc_context(_rc())


def _figure(spec: _Spec) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(_WIDTH_IN, spec.height_in))
    return figure


def _empty(spec: _Spec, text: str) -> Chart:
    """A chart with nothing to show is a one-line strip that says so, not an empty frame."""
    import matplotlib

    spec = _Spec(spec.key, spec.title, f"{spec.caption}（{text}）", 0.9)
    with matplotlib.rc_context(_rc()):
        figure = _figure(spec)
        axes = figure.add_subplot()
        axes.set_title(spec.title, fontsize=12, color=_INK, loc="left")
        axes.text(0.5, 0.4, text, ha="center", va="center", fontsize=11, color=_MUTED, transform=axes.transAxes)
        axes.set_axis_off()
        return _finish(figure, spec)


def _hbars(spec: _Spec, labels: Sequence[str], values: Sequence[int | float | None], empty: str) -> Chart:
    """Horizontal bars, largest label first at the top, each bar with its figure."""
    import matplotlib

    known = [v for v in values if v is not None]
    if not known or max(known) == 0:
        return _empty(spec, empty)
    with matplotlib.rc_context(_rc()):
        figure = _figure(spec)
        axes = figure.add_subplot()
        axes.set_title(spec.title, fontsize=12, color=_INK, loc="left")
        positions = list(range(len(labels)))[::-1]
        bars = [0 if v is None else v for v in values]
        axes.barh(positions, bars, color=_PALETTE[0], height=0.6)
        axes.set_yticks(positions, labels)
        axes.tick_params(axis="y", length=0, labelsize=10.5)
        top = max(known)
        for y, v in zip(positions, values, strict=True):
            text = UNKNOWN_MARK if v is None else f"{v:g}"
            axes.text((v or 0) + top * 0.01, y, text, va="center", fontsize=10, color=_INK)
        axes.set_xlim(0, top * 1.15)
        axes.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        axes.grid(axis="x", color="#e5e7eb", linewidth=0.8)
        axes.set_axisbelow(True)
        return _finish(figure, spec)


def applicants_chart(report: Report) -> Chart:
    columns = [c for c in report.template.request_columns if c.index != report.template.total_column]
    values = [report.requests["new_received"][c.index] for c in columns]
    title = f"{report.year}年新收申请：按申请人类型（件）"
    caption = "；".join(f"{c.label} {UNKNOWN_MARK if v is None else v}" for c, v in zip(columns, values, strict=True))
    return _hbars(
        _Spec("applicants", title, caption, 3.0), [c.label for c in columns], values, "本年度未收到政府信息公开申请"
    )


def decisions_chart(report: Report) -> Chart:
    """Table 二: the decisions of the rows that count them (许可, 处罚, 强制 …)."""
    rows = [row for row in report.template.active_rows if any(f.key == "decisions" for f in row.fields)]
    values = [report.active[row.key]["decisions"] for row in rows]
    label = rows[0].field("decisions").label
    title = f"{report.year}年主动公开：{label}（件）"
    caption = "；".join(f"{row.label} {UNKNOWN_MARK if v is None else v}" for row, v in zip(rows, values, strict=True))
    return _hbars(
        _Spec("decisions", title, caption, 0.5 + 0.45 * len(rows)),
        [row.label for row in rows],
        values,
        f"各项{label}均为 0",
    )


def _outcome_categories(report: Report) -> list[tuple[str, int | None]]:
    """The outcome rows summed by their heading: 予以公开, 部分公开, 不予公开, … (总计 column)."""
    total = report.template.total_column
    categories: dict[str, int | None] = {}
    for row in report.template.outcome_rows:
        name = strip_numbering(row.group) if row.group else CHART_LABELS.get(row.key, strip_numbering(row.printed))
        value = report.requests[row.key][total]
        before = categories.get(name, 0)
        categories[name] = None if value is None or before is None else before + value
    return list(categories.items())


def outcomes_chart(report: Report) -> Chart:
    categories = _outcome_categories(report)
    title = f"{report.year}年申请办理结果（件）"
    caption = "；".join(f"{name} {UNKNOWN_MARK if v is None else v}" for name, v in categories)
    return _hbars(
        _Spec("outcomes", title, caption, 3.0),
        [n for n, _ in categories],
        [v for _, v in categories],
        "本年度没有办理完结的申请",
    )


def flow_chart(report: Report) -> Chart:
    keys = ("carried_over", "new_received", "total_processed", "carried_forward")
    values = [report.request_total(k) for k in keys]
    labels = [CHART_LABELS[k] for k in keys]
    title = f"{report.year}年申请的结转与办结（件）"
    caption = "；".join(f"{label} {UNKNOWN_MARK if v is None else v}" for label, v in zip(labels, values, strict=True))
    return _hbars(_Spec("flow", title, caption, 2.4), labels, values, "本年度没有政府信息公开申请")


def appeals_chart(report: Report) -> Chart:
    import matplotlib

    template = report.template
    results = [f for f in template.appeal_fields if f.key != "total"]
    groups = template.appeal_groups
    title = f"{report.year}年行政复议、行政诉讼结果（件）"
    caption = "；".join(
        f"{g.full_label}：" + "、".join(f"{f.label} {report.appeals[g.key][f.key]}" for f in results) for g in groups
    )
    spec = _Spec("appeals", title, caption, 3.4)
    values = [[report.appeals[g.key][f.key] for f in results] for g in groups]
    known = [v for row in values for v in row if v is not None]
    if not known or max(known) == 0:
        return _empty(spec, "本年度没有因政府信息公开引起的行政复议、行政诉讼")
    with matplotlib.rc_context(_rc()):
        figure = _figure(spec)
        axes = figure.add_subplot()
        axes.set_title(title, fontsize=12, color=_INK, loc="left")
        width = 0.8 / len(results)
        for i, result in enumerate(results):
            xs = [g + (i - (len(results) - 1) / 2) * width for g in range(len(groups))]
            heights = [row[i] or 0 for row in values]
            axes.bar(xs, heights, width=width * 0.92, color=_PALETTE[i], label=result.label)
            for x, v in zip(xs, [row[i] for row in values], strict=True):
                if v is None or v > 0:
                    axes.text(
                        x,
                        (v or 0) + max(known) * 0.02,
                        UNKNOWN_MARK if v is None else str(v),
                        ha="center",
                        va="bottom",
                        fontsize=9.5,
                        color=_INK,
                    )
        axes.set_xticks(range(len(groups)), [g.full_label.replace(" · ", "\n") for g in groups])
        axes.tick_params(axis="x", length=0, labelsize=10)
        axes.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
        axes.set_ylim(0, max(known) * 1.2)
        axes.grid(axis="y", color="#e5e7eb", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.legend(frameon=False, ncols=len(results), fontsize=9.5, loc="upper center", bbox_to_anchor=(0.5, -0.22))
        return _finish(figure, spec)


def trend_chart(reports: Sequence[Report]) -> Chart:
    """An agency's figures over the years: applications received and processed, reviews, suits."""
    import matplotlib

    series = sorted(reports, key=lambda r: r.year)
    years = [r.year for r in series]
    first = series[0].template
    review = first.appeal_groups[0]
    lines: list[tuple[str, list[int | None]]] = [
        (CHART_LABELS["new_received"], [r.request_total("new_received") for r in series]),
        (CHART_LABELS["total_processed"], [r.request_total("total_processed") for r in series]),
        (review.label, [r.appeals[review.key]["total"] for r in series]),
        (
            LITIGATION,
            [_sum(r.appeals[g.key]["total"] for g in first.appeal_groups if g.parent == LITIGATION) for r in series],
        ),
    ]
    title = f"{series[0].agency} {years[0]}—{years[-1]}年申请与复议、诉讼（件）"
    caption = "；".join(
        f"{name}：" + "、".join(f"{y}年 {UNKNOWN_MARK if v is None else v}" for y, v in zip(years, values, strict=True))
        for name, values in lines
    )
    spec = _Spec("trend", title, caption, 3.0)
    with matplotlib.rc_context(_rc()):
        figure = _figure(spec)
        figure.suptitle(title, fontsize=12, color=_INK, x=0.02, ha="left")
        # Applications and appeals differ by orders of magnitude: one panel each, two lines a panel.
        for panel, pair in enumerate((lines[:2], lines[2:])):
            axes = figure.add_subplot(1, 2, panel + 1)
            for i, (name, values) in enumerate(pair):
                color = _PALETTE[2 * panel + i]
                points = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
                if not points:
                    continue
                axes.plot(
                    [p[0] for p in points], [p[1] for p in points], marker="o", color=color, label=name, linewidth=2
                )
                for y, v in points:  # the first line's figures above it, the second's below
                    axes.annotate(
                        str(v),
                        (y, v),
                        textcoords="offset points",
                        xytext=(0, 6 if i == 0 else -14),
                        ha="center",
                        fontsize=9,
                        color=color,
                    )
            axes.set_xticks(years, [f"{y}年" for y in years])
            axes.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
            axes.set_ylim(bottom=0)
            axes.margins(x=0.15, y=0.25)
            axes.grid(axis="y", color="#e5e7eb", linewidth=0.8)
            axes.legend(frameon=False, ncols=2, fontsize=9.5, loc="upper center", bbox_to_anchor=(0.5, -0.12))
        return _finish(figure, spec)


def _sum(values: Any) -> int | None:
    total = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total


def report_charts(report: Report, history: Sequence[Report] = ()) -> list[Chart]:
    """The charts of one report's year, and the trend when other years of its agency are given."""
    charts = [
        applicants_chart(report),
        outcomes_chart(report),
        flow_chart(report),
        appeals_chart(report),
        decisions_chart(report),
    ]
    years = {r.year: r for r in history if _same_agency(r, report)}
    years[report.year] = report
    if len(years) > 1:
        charts.append(trend_chart(list(years.values())))
    return charts


def _same_agency(a: Report, b: Report) -> bool:
    return "".join(a.agency.split()) == "".join(b.agency.split())
