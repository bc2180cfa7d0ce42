"""Find the three statutory tables in a ``Document`` and read them into a ``Report``.

Every format reader hands over the same thing: tables as rows of cells. The recogniser reads all
cells of all tables as one stream, in order, and cuts it into *records*: a run of label cells
(words) followed by the value cells after it. Which table a record belongs to, which row and
which column, is decided by the labels alone (``report/templates.py`` via ``vocabulary``), so a
row split over lines, a table split over pages or a table copied one cell per line reads the same.

Where a row holds more or fewer values than the template has columns, ``align`` lists the ways to
read it and the statutory arithmetic of the whole table chooses; every such decision, and every
value that stays unknown, is written to ``uncertain``. Printed figures are never changed: a report
that contradicts itself is read as printed, and ``findings`` (the report layer's checks) says so.
"""

from __future__ import annotations

from gongkai.ingest.active import doubt_after_unknown, read_active
from gongkai.ingest.active_cells import dash_cells_run_on, em_dash_cells_run_on
from gongkai.ingest.active_crossed import doubt_figures_past_table_three
from gongkai.ingest.active_rows import active_records
from gongkai.ingest.appeal_blanks import read_appeal_blanks
from gongkai.ingest.appeal_blocks import read_appeals_blocks
from gongkai.ingest.appeal_dashes import read_appeal_dashes
from gongkai.ingest.appeal_extra import without_comparison
from gongkai.ingest.appeal_halves import read_appeal_halves, read_laid_halves
from gongkai.ingest.appeal_moved import read_appeal_moved
from gongkai.ingest.appeal_paragraph import read_appeal_paragraph
from gongkai.ingest.appeal_results import read_appeal_results
from gongkai.ingest.appeal_stacks import read_appeal_stacks
from gongkai.ingest.appeal_tails import appeals_settled, read_appeal_tails
from gongkai.ingest.appeals import read_appeals
from gongkai.ingest.band_blocks import read_band_blocks
from gongkai.ingest.banded_tail import read_banded_tail
from gongkai.ingest.beside_labels import read_beside_labels
from gongkai.ingest.blank_bands import read_blank_bands
from gongkai.ingest.blank_zero_rows import read_blank_zero_rows, unsettled_requests
from gongkai.ingest.blocks_head import from_header
from gongkai.ingest.box_tree import read_box_tree
from gongkai.ingest.column_blocks import read_blocks
from gongkai.ingest.column_order import in_template_order
from gongkai.ingest.column_parts import join_column_parts
from gongkai.ingest.column_parts_leads import read_part_leads
from gongkai.ingest.column_pieces import read_column_pieces
from gongkai.ingest.column_runs import read_column_runs
from gongkai.ingest.column_spill import read_column_spill
from gongkai.ingest.column_tail import read_column_tail
from gongkai.ingest.deferred_totals import read_deferred_totals
from gongkai.ingest.displaced import note_figures_ahead, rows_read_one_off
from gongkai.ingest.document import GRID_FORMATS, Document, UnreadableFile
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.header_blocks import any_open_cell, read_header_blocks
from gongkai.ingest.inorder import read_in_order
from gongkai.ingest.interleaved_rows import read_interleaved_rows
from gongkai.ingest.item_figures import read_item_figures
from gongkai.ingest.label_marks import explained_notes, marks_off
from gongkai.ingest.late_column import read_late_column
from gongkai.ingest.lead_stream import read_lead_stream
from gongkai.ingest.lead_tails import read_lead_tails
from gongkai.ingest.merged_blocks import read_merged_blocks
from gongkai.ingest.meta import identify
from gongkai.ingest.money_past_heading import read_money_past_heading
from gongkai.ingest.numbers import CellKind
from gongkai.ingest.ocr_doubts import note_ocr_doubts
from gongkai.ingest.paragraph_runs import read_paragraph_runs
from gongkai.ingest.records import ACTIVE, APPEALS, REQUESTS, Record, read_records, split_tables
from gongkai.ingest.request_neighbours import doubt_beside_unknown
from gongkai.ingest.request_rows import RequestRaw, request_records
from gongkai.ingest.request_zeros import zeros_printed, zeros_printed_spaced
from gongkai.ingest.requests import read_requests, requests_padding
from gongkai.ingest.row_bands import read_row_bands
from gongkai.ingest.row_pieces import read_row_pieces
from gongkai.ingest.run_column_parts import joined_column_parts
from gongkai.ingest.section_texts import sections
from gongkai.ingest.serial_leads import read_serial_leads
from gongkai.ingest.serials import names_serial_column, text_without_serials, without_serials
from gongkai.ingest.shared_rows import read_shared_rows
from gongkai.ingest.shares import without_shares
from gongkai.ingest.spilled import spilled
from gongkai.ingest.spilled_runs import read_spilled_runs
from gongkai.ingest.split_rows import read_split_rows
from gongkai.ingest.stacked_headers import read_stacked_headers
from gongkai.ingest.stacked_rows import read_stacked_rows
from gongkai.ingest.stated import (
    doubt_against_prose,
    stated_active,
    stated_columns,
    stated_figures,
    stated_outcomes,
)
from gongkai.ingest.stated_rows import read_stated_rows
from gongkai.ingest.swallowed_dashes import prints_dashes
from gongkai.ingest.text_column_order import requests_in_template_order
from gongkai.ingest.text_order import header_words, stated_order
from gongkai.ingest.text_serial_tokens import records_without_serials, records_without_trailing_serials
from gongkai.ingest.vanished import read_vanished
from gongkai.ingest.wrapped_stream import read_wrapped_stream
from gongkai.report.checks import check_report
from gongkai.report.model import Report
from gongkai.report.templates import TEMPLATES, Template, template_for_year


def _decide_template(votes: list[str], year: int | None, evidence: Evidence) -> Template:
    counted = {tid: votes.count(tid) for tid in TEMPLATES}
    if any(counted.values()):
        best = max(counted, key=lambda tid: counted[tid])
        if all(counted[tid] < counted[best] for tid in counted if tid != best):
            return TEMPLATES[best]
    if year is not None:
        return template_for_year(year)
    evidence.doubt(
        "template",
        None,
        "表头与年度均无法确定模板，按 2021 模板读取",
        "neither the headers nor the year decide the template; read as 2021",
    )
    return TEMPLATES["2021"]


def recognise(document: Document) -> Report:
    """The report data of ``document``, with ``sections``, ``provenance``, ``uncertain``, ``findings``."""
    document = without_serials(document)  # a 序号 column's numbers are no figures of the report
    # (whether a table of text names a 序号 column, asked once: again below only where a step
    # between made the document anew)
    named_in = document
    serial_named = document.format in ("text", "markdown") and names_serial_column(document)
    document = text_without_serials(document, serial_named)  # the same, each number ending the row above in text
    document = without_shares(document)  # a 占比 column or row of percentages beside the counts
    document = in_template_order(document)  # table 三's 总计 printed first, a 小计 column
    records = marks_off(read_records(document), explained_notes(document))  # 行政许可注1 / ① run into the figures
    parts = split_tables(records)
    parts[APPEALS] = without_comparison(parts[APPEALS])  # a 年度 column, a 上年 / 同比 row
    if document.format in ("text", "markdown"):  # table 三's 总计 printed first, a 小计 column: by the header's words
        # a 序号 column's numbers: -layout's on lines of their own, plain text's ending rows
        requests = records_without_serials(parts[REQUESTS])
        header = header_words(document)  # its words cut off into the part above 申请人情况
        named = serial_named if document is named_in else names_serial_column(document)
        requests = records_without_trailing_serials(requests, named, header)
        parts[REQUESTS] = requests_in_template_order(joined_column_parts(requests), header)
    active_raw, active_votes, active_orphans = active_records(parts[ACTIVE])
    request_raw, request_votes, request_orphans = request_records(parts[REQUESTS])
    if not active_raw and not request_raw:
        raise UnreadableFile(
            document.source,
            "未找到年度报告的统计表格（表二、表三）",
            "no statutory tables (tables 二 and 三 of an annual report) found",
        )
    evidence = Evidence()
    identity = identify(document)
    year = identity.year
    template = _decide_template(active_votes + request_votes, year, evidence)
    if year is None:
        year = template.first_year
        evidence.doubt(
            "year",
            year,
            "标题与正文均未写明年度，按模板的首个年度记",
            "no year found; the template's first year is used",
        )
    agency = identity.agency or ""
    if not identity.agency:
        evidence.doubt(
            "agency", None, "标题与落款均未写明发布机关", "neither the title nor a signature names the agency"
        )
    if identity.trimmed_from:
        evidence.doubt(
            "agency",
            agency,
            f"标题前连有页面的其他文字（{identity.trimmed_from[:40]}），发布机关取其末尾",
            f"the title line begins with other page text ('{identity.trimmed_from[:40]}', a site's "
            "navigation or a metadata box); the agency is its end that the page prints again elsewhere",
        )
    if identity.period_year is not None:
        evidence.doubt(
            "year",
            year,
            f"标题的年度与正文的统计期限（{identity.period_year}年）不符",
            f"the title's year is not the year the body's statistics period starts in ({identity.period_year})",
        )
    if identity.slipped:  # a searchable scan's title: its year read back from look-alike letters
        for what, value in (("agency", agency), ("year", year)):
            evidence.doubt(
                what,
                value,
                "标题的年度由文字识别（OCR）误读（字母代替数字），发布机关与年度请核对",
                "the title's year was misread by OCR (letters for digits); check the agency and the year",
                identity.agency_where if what == "agency" else identity.year_where,
            )
    for note in identity.notes:
        evidence.doubt(note.split(":")[0], None, "标题未写明，取自落款或正文", note)
    if identity.agency_where:
        evidence.provenance["agency"] = identity.agency_where
    if identity.year_where:
        evidence.provenance["year"] = identity.year_where

    if document.format not in GRID_FORMATS:  # grids: read as column blocks already (column_blocks)
        request_raw, request_orphans = join_column_parts(
            template, parts[REQUESTS], request_raw, request_orphans, evidence
        )
    report = Report.empty(agency, year, template, fill=None)
    cells_kept = (
        zeros_printed(request_raw)
        or zeros_printed_spaced(request_raw)
        or dash_cells_run_on(found.values for found in request_raw.values())
    )
    pad = requests_padding(template, request_raw)  # counts under 10 printed 07: table 二 pads too
    em_dashes = em_dash_cells_run_on(found.values for found in request_raw.values())  # table 三's — cells
    # a row of table 三 printed as its label alone: the page leaves its zeros blank
    zeros_blank = not cells_kept and any(
        all(t.value.kind is CellKind.BLANK for t in found.values) for found in request_raw.values()
    )
    read_active(
        template,
        active_raw,
        report,
        evidence,
        active_orphans,
        stated_active(document),
        cells_kept,
        pad,
        em_dashes,
        zeros_blank,
        em_dash_cells_run_on((found.values for found in request_raw.values()), ("-",)),  # 三's - cells
    )
    doubt_figures_past_table_three(document, active_raw, evidence)  # pdftotext: a figure past 三's heading
    read_money_past_heading(template, document, report, evidence)  # pdftotext: the last money cell past it
    if any_open_cell(report, evidence, parts[ACTIVE]):  # each reader below fills open cells only
        _read_table_two_blocks(template, document, parts[ACTIVE], report, evidence)
    # pdftotext: rows read one off where figures were printed ahead of their wrapped labels
    labelled, request_orphans, ahead = rows_read_one_off(template, request_raw, request_orphans, document.tables)
    # The prose's figures of columns weigh page grids' readings and flowed runs of digits.
    first = template.request_columns[0].labels if template.request_columns else ()
    stated_cells = stated_columns(document, first)
    printed = stated_order(document)  # a text header's column order, where not the template's
    read_requests(template, labelled, report, evidence, request_orphans, document.tables, stated_cells, printed)
    note_figures_ahead(ahead, evidence)
    stated = stated_figures(document)
    read_appeals(template, parts[APPEALS], report, evidence, stated)
    read_in_order(template, parts[REQUESTS] + parts[APPEALS], report, evidence)
    read_appeal_stacks(template, document, report, evidence, stated)  # pdftotext: 四's cells under stacked labels
    read_appeal_paragraph(template, document, report, evidence, stated)  # pymupdf4llm: 四 as one paragraph
    # The fallback readers of flowed text below each begin by asking whether the labels read the
    # table whole, adding up and in no doubt: where they did (the usual case) none is asked.
    appeal_blocks: list[Record] | None = None
    if not _requests_settled(template, report, evidence):
        args = (document, records, parts, request_raw, stated, stated_cells)
        appeal_blocks = _read_flowed_requests(template, *args, report, evidence)
    if not appeals_settled(template, report):
        if appeal_blocks is None:  # pdftotext: table 三's figures spilled into 四's part, moved back
            appeal_blocks = spilled(template, parts[ACTIVE], parts[REQUESTS], parts[APPEALS])[1]
        _read_flowed_appeals(template, parts, appeal_blocks, report, evidence, stated)
    doubt_beside_unknown(template, report, evidence)  # a row beside unknown cells: its neighbour's figures?
    note_ocr_doubts(document, report, evidence, stated)  # scanned pages: figures OCR was unsure of
    doubt_against_prose(report, stated, evidence)
    report.sections = sections(document)
    report.provenance = evidence.provenance
    report.uncertain = evidence.uncertain
    report.findings = check_report(report)
    return report


def _read_table_two_blocks(
    template: Template, document: Document, records: list[Record], report: Report, evidence: Evidence
) -> None:
    """Table 二's cells the labels left open (unknown, or 0 for no printed figure) by the readers of
    flowed text, in order; none of them does anything where no cell is open."""
    read_header_blocks(template, records, report, evidence)  # pdftotext: headers over blocks
    read_item_figures(template, records, report, evidence)  # pdftotext: a row's figures after its mark
    read_column_runs(template, records, report, evidence)  # pdftotext: page columns down stacked items
    read_stacked_headers(template, records, report, evidence)  # pdftotext: items' columns as one block
    read_stacked_rows(template, records, report, evidence)  # pdftotext: rows' labels, then their figures
    read_late_column(template, document, report, evidence)  # pdftotext: an item's last column after its rows
    read_shared_rows(template, records, report, evidence)  # pdftotext: a row's surplus, the next row's
    doubt_after_unknown(template.active_rows, report, evidence)  # a row's figures gone: later rows'?


def _requests_settled(template: Template, report: Report, evidence: Evidence) -> bool:
    """Whether table 三 is read whole, every equation holding and no doubt naming it: then every
    fallback reader of ``_read_flowed_requests`` returns at its own first gate. Doubts on other
    tables (二's money, 四) leave them shut."""
    if any(entry.cell.startswith(REQUESTS) for entry in evidence.uncertain):
        return False
    return _requests_whole(template, report)


def _requests_whole(template: Template, report: Report) -> bool:
    """Whether table 三 is read whole and every equation holds, doubts or not: the first gate of
    every fallback reader but the last three (``read_stated_rows`` and ``read_deferred_totals``
    also ask that no cell is in doubt; ``read_paragraph_runs`` follows them)."""
    width = len(template.request_columns)
    if any(len(report.requests.get(key) or ()) != width for key in template.requests_by_key):
        return False  # a row missing or short: some reader's gate asks of every row
    return unsettled_requests(template, report) is None


def _read_flowed_requests(
    template: Template,
    document: Document,
    records: list[Record],
    parts: dict[str, list[Record]],
    request_raw: dict[str, RequestRaw],
    stated: dict[str, int],
    stated_cells: dict[tuple[str, int], int],
    report: Report,
    evidence: Evidence,
) -> list[Record] | None:
    """Table 三 again by the readers of flowed text (pdftotext, crawlers' text), in order; table
    四's records with what table 三 spilled into them moved back (``spilled``), None where table 三
    is whole and adding up (only a doubt on it sent it here: the readers weighing doubts run)."""
    if not _requests_whole(template, report):
        appeal_blocks = _read_flowed_unsettled(
            template, document, records, parts, request_raw, stated, report, evidence
        )
    else:
        appeal_blocks = None  # each reader skipped would return at its own first gate
    read_stated_rows(
        template, parts[REQUESTS], report, evidence, {**stated, **stated_outcomes(document)}, stated_cells
    )  # pdftotext: a Word table's vanished blanks, by the prose's totals and the equations
    read_deferred_totals(template, parts[REQUESTS], report, evidence)  # pdftotext: tall rows' 总计 later
    read_paragraph_runs(template, parts[REQUESTS], report, evidence)  # pdftotext: figures apart, in paragraphs
    return appeal_blocks


def _read_flowed_unsettled(
    template: Template,
    document: Document,
    records: list[Record],
    parts: dict[str, list[Record]],
    request_raw: dict[str, RequestRaw],
    stated: dict[str, int],
    report: Report,
    evidence: Evidence,
) -> list[Record]:
    """The readers of flowed text that ask first whether table 三 is whole and adds up (it is not)."""
    # pdftotext: a Word print's rows as bands (自然人 cells a row early or late, wrapped digits)
    cutter = read_row_bands(template, parts[REQUESTS] + parts[APPEALS], report, evidence)
    # pdftotext: the same, table 三's last rows in two bands of columns (the second after its last label)
    read_banded_tail(template, parts[REQUESTS], cutter, report, evidence)
    # pdftotext: table 三's last columns or rows may come after table 四's heading, its first figures before its header
    request_blocks, appeal_blocks = spilled(template, parts[ACTIVE], parts[REQUESTS], parts[APPEALS])
    # pdftotext: figures printed in blocks (from table 三's header: a channel table's shares before it are not its)
    read_blocks(template, from_header(request_blocks), report, evidence)
    # pdftotext: a spreadsheet's print, rows in bands, each column by column without its dash zeros
    read_band_blocks(template, parts[REQUESTS], report, evidence)
    read_beside_labels(template, parts[REQUESTS], report, evidence)  # pdftotext: tall rows' first cells by their labels
    read_merged_blocks(template, request_blocks, report, evidence)  # the same, 2019's single 其他处理 row
    read_split_rows(template, request_blocks, report, evidence)  # pdftotext: tall rows' 自然人 cells apart
    read_merged_blocks(template, request_blocks, report, evidence, read_split_rows)  # the same, single 其他处理
    read_vanished(template, parts[REQUESTS], request_raw, report, evidence)  # pdftotext: a Word table's blanks vanished
    read_interleaved_rows(template, parts[REQUESTS], report, evidence)  # pdftotext: two rows' lines in turn
    read_column_tail(template, parts[REQUESTS], report, evidence)  # pdftotext: rows' labels, then column blocks
    read_lead_tails(template, parts[REQUESTS], report, evidence)  # pdftotext: 自然人 by labels, the rest after
    # pdftotext: a Word print's leads beside wrapped labels, the other cells one stream in row order
    read_lead_stream(template, parts[REQUESTS], document, report, evidence)
    read_wrapped_stream(template, parts[REQUESTS], report, evidence)  # the same, narrow columns wrapping figures
    read_serial_leads(template, parts[REQUESTS], report, evidence)  # the same, k cells by labels among 序号
    read_part_leads(template, parts[REQUESTS], report, evidence)  # the same, table 三 in two column parts
    read_blank_zero_rows(template, request_raw, report, evidence)  # a Word table's blanks lost, rows by label
    # pdftotext: a page print's blanks lost, its figures in two bands of columns
    read_blank_bands(template, parts[ACTIVE], parts[REQUESTS], request_raw, report, evidence)
    read_row_pieces(template, parts[REQUESTS], report, evidence)  # pdftotext: one row's cells around its wrapped label
    read_column_pieces(template, records, report, evidence, stated)  # pdftotext: rotated headers, columns in pieces
    read_box_tree(template, parts[REQUESTS], report, evidence)  # pdfminer: a tree of boxes, columns in pieces
    # pdftotext: later rows' first cells by their labels, their other columns as blocks past the table
    read_column_spill(template, parts[REQUESTS] + parts[APPEALS], report, evidence)
    # pdftotext: table 三's last rows' last columns among table 四's labels, in runs of rows
    read_spilled_runs(template, parts[REQUESTS], parts[APPEALS], report, evidence)
    return appeal_blocks


def _read_flowed_appeals(
    template: Template,
    parts: dict[str, list[Record]],
    appeal_blocks: list[Record],
    report: Report,
    evidence: Evidence,
    stated: dict[str, int],
) -> None:
    """Table 四 again by the readers of flowed text, in order (``appeal_blocks``: its records with
    table 三's spilled figures moved back), where it is not read whole adding up: each of them
    returns at its own first gate where it is."""
    read_appeals_blocks(template, appeal_blocks, report, evidence, stated)
    read_appeal_halves(template, appeal_blocks, report, evidence)  # pdftotext: 四 as stacked half-tables
    read_appeal_results(template, appeal_blocks, report, evidence)  # pdftotext: 四 as two tables of results
    read_laid_halves(template, parts[APPEALS], report, evidence)  # pdftotext -layout: the same, by places
    read_appeal_moved(template, appeal_blocks, report, evidence)  # pdftotext: 四's flow with one figure moved
    read_appeal_tails(template, appeal_blocks, report, evidence)  # pdftotext: 四's flow, wrapped tails after
    dashes = prints_dashes(parts[REQUESTS] + parts[APPEALS])
    read_appeal_dashes(template, appeal_blocks, report, evidence, dashes)  # pdftotext: 四's flow, dashes swallowed
    read_appeal_blanks(template, appeal_blocks, report, evidence, stated)  # pdftotext: 四's zeros blank, lost
