"""Write report data as the text layouts real dumps come in, to read them back in tests.

The tables are laid out as the State Council template prints them (labels from
``gongkai.report.templates``); each ``render_*`` function writes the same rows in one layout:
tab-separated rows, tab-indented cells, one cell per line with blank lines, pipe tables (whole
or broken into fragments by page breaks), cells separated by spaces, and cells run together.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gongkai.report.model import Report
from gongkai.report.templates import (
    ACCEPTED,
    ACTIVE_CORNER,
    LITIGATION,
    ORGANISATION_GROUP,
    REQUESTS_CORNER,
    REQUESTS_NOTE,
    SECTIONS,
    Kind,
)

FILLER = "本机关坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。"


@dataclass
class Row:
    labels: list[str]
    values: list[str]


def _number(value: int | float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def table_rows(report: Report, blank_zero: bool = False) -> list[list[Row]]:
    """The three tables as rows of (label cells, value cells), in printed order."""
    t = report.template

    def cell(value: int | float | None) -> str:
        return "" if blank_zero and value == 0 else _number(value)

    active: list[Row] = []
    item = None
    for row in t.active_rows:
        if row.item != item:
            item = row.item
            active.append(Row([row.item], []))
            headers = [
                f.label if f.kind is not Kind.MONEY or f.unit == "万元" else f"{f.label}（{f.unit}）"
                for f in row.fields
            ]
            active.append(Row([ACTIVE_CORNER, *headers], []))
        active.append(Row([row.label], [_number(report.active[row.key][f.key]) for f in row.fields]))
    requests: list[Row] = [
        Row([REQUESTS_NOTE, REQUESTS_CORNER], []),
        Row([t.request_columns[0].label, ORGANISATION_GROUP, t.request_columns[-1].label], []),
        Row([c.label for c in t.request_columns[1:-1]], []),
    ]
    group = None
    for rrow in t.request_rows:
        labels = []
        if rrow.section == ACCEPTED and rrow.key == "granted":
            labels.append(ACCEPTED)
        if rrow.group and rrow.group != group:
            labels.append(rrow.group)
        group = rrow.group
        labels.append(rrow.printed)
        requests.append(Row(labels, [cell(v) for v in report.requests[rrow.key]]))
    appeals = [
        Row([t.appeal_groups[0].label, LITIGATION], []),
        Row([*(f.label for f in t.appeal_fields), *(g.label for g in t.appeal_groups[1:])], []),
        Row([f.label for g in t.appeal_groups[1:] for f in t.appeal_fields], []),
        Row([], [cell(report.appeals[g.key][f.key]) for g in t.appeal_groups for f in t.appeal_fields]),
    ]
    return [active, requests, appeals]


def document_text(report: Report, tables: list[str], heading: Callable[[str], str] = lambda s: s) -> str:
    parts = [f"{report.agency}{report.year}年度政府信息公开工作年度报告", "", FILLER, ""]
    table_of = {1: 0, 2: 1, 3: 2}
    for index, section in enumerate(SECTIONS):
        parts += [heading(section.heading), "", FILLER, ""]
        if index in table_of:
            parts += [tables[table_of[index]], ""]
    parts += [report.agency, "", f"{report.year + 1}年1月20日", ""]
    return "\n".join(parts)


def render_tsv(report: Report) -> str:
    tables = ["\n".join("\t".join(r.labels + r.values) for r in rows) for rows in table_rows(report)]
    return document_text(report, tables)


def render_tab_indented(report: Report) -> str:
    tables = [
        "\n\n".join("\n".join("\t" + c for c in r.labels + r.values) for r in rows)
        for rows in table_rows(report, blank_zero=True)
    ]
    return document_text(report, tables)


def render_cell_per_line(report: Report) -> str:
    def cells(rows: list[Row]) -> str:
        lines: list[str] = []
        for r in rows:
            for c in r.labels + r.values:
                lines += [c, ""] if c else [""]
        return "\n".join(lines)

    return document_text(report, [cells(rows) for rows in table_rows(report, blank_zero=True)])


def render_cell_per_line_tight(report: Report) -> str:
    """One cell per line with no blank line between cells; a blank cell is an empty line."""
    tables = ["\n".join(c for r in rows for c in r.labels + r.values) for rows in table_rows(report, blank_zero=True)]
    return document_text(report, tables)


def _pipe(r: Row, width: int) -> str:
    cells = r.labels + r.values
    cells += [""] * (width - len(cells))
    return "| " + " | ".join(cells) + " |"


def render_pipe(report: Report) -> str:
    tables = []
    for rows in table_rows(report):
        width = max(len(r.labels) + len(r.values) for r in rows)
        lines = [_pipe(rows[0], width), "|" + "---|" * width] + [_pipe(r, width) for r in rows[1:]]
        tables.append("\n".join(lines))
    return document_text(report, tables, heading=lambda s: f"## {s}")


def render_pipe_fragments(report: Report) -> str:
    """Pipe tables cut every few rows by a page break, as PDF converters leave them."""
    tables = []
    page = 1
    for rows in table_rows(report):
        width = max(len(r.labels) + len(r.values) for r in rows)
        lines = [_pipe(rows[0], width), "|" + "---|" * width]
        for i, r in enumerate(rows[1:], start=1):
            if i % 6 == 0:
                page += 1
                lines += ["", f"- {page} -", "", "|" + " |" * width, "|" + "---|" * width]
            lines.append(_pipe(r, width))
        tables.append("\n".join(lines))
    return document_text(report, tables)


def render_spaced(report: Report) -> str:
    tables = ["\n".join(" ".join(r.labels + r.values) for r in rows) for rows in table_rows(report)]
    return document_text(report, tables)


def render_run_together(report: Report) -> str:
    """Every row's cells with no separator at all, as copied out of some web pages."""
    tables = ["\n".join("".join(r.labels) + "".join(r.values) for r in rows) for rows in table_rows(report)]
    return document_text(report, tables)


def render_pdf_text(report: Report) -> str:
    """As ``pdftotext -layout`` leaves a PDF: cells padded with spaces, long labels wrapped onto a
    second line, and each table broken by a page footer and its repeated header rows."""
    tables = []
    for rows in table_rows(report):
        header = [r for r in rows if not r.values][:3]
        lines: list[str] = []
        for i, r in enumerate(rows):
            if i and i % 9 == 0:
                lines += ["", "— 7 —", "", *("    ".join(h.labels) for h in header)]
            labels = list(r.labels)
            tail = ""
            if labels and len(labels[-1]) > 14 and r.values:
                labels[-1], tail = labels[-1][:12], labels[-1][12:]
            lines.append("   ".join(labels) + "      " + "    ".join(v or "0" for v in r.values))
            if tail:
                lines.append("      " + tail)
        tables.append("\n".join(lines))
    return document_text(report, tables)


LAYOUTS: dict[str, Callable[[Report], str]] = {
    "pdf_text": render_pdf_text,
    "tsv": render_tsv,
    "tab_indented": render_tab_indented,
    "cell_per_line": render_cell_per_line,
    "cell_per_line_tight": render_cell_per_line_tight,
    "pipe": render_pipe,
    "pipe_fragments": render_pipe_fragments,
    "spaced": render_spaced,
}
