"""Make report files in every published format from report data, to read them back in tests.

The three statutory tables are laid out as the State Council template prints them (the layout of
the corpus's real Word-exported page): merged header cells, the 三、本年度办理结果 column spanning
its outcome rows, table 四's two-level header. One placement list per table drives every writer,
and is also what a reader must give back (``expected_rows``).

Labels come from ``gongkai.report.templates``, values from the report data (the corpus gold).
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.libreoffice import convert, find_soffice
from gongkai.report import templates as tpl
from tests.environment import GOLD

FILLER = (
    "本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
    "围绕中心工作，不断加大政府信息公开力度，推进决策、执行、管理、服务、结果公开，"
    "切实保障人民群众的知情权、参与权、表达权和监督权，政府信息公开工作取得新的进展。"
)


@dataclass(frozen=True)
class Placed:
    """A cell of a table at its grid position, spanning ``rowspan`` × ``colspan`` grid cells."""

    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Grid:
    title: str  # 二、主动公开政府信息情况 …
    rows: int
    cols: int
    cells: tuple[Placed, ...]

    def expected_rows(self) -> list[list[tuple[str, int, int]]]:
        """What a reader must return: each row's cells (text, rowspan, colspan), merged once."""
        out: list[list[tuple[str, int, int]]] = [[] for _ in range(self.rows)]
        for cell in sorted(self.cells, key=lambda c: (c.row, c.col)):
            out[cell.row].append((cell.text, cell.rowspan, cell.colspan))
        return out


def number(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def title_of(report: dict[str, Any]) -> str:
    return f"{report['agency']}{report['year']}年政府信息公开工作年度报告"


# ---------------------------------------------------------------------------------------------
# The three tables as placements
# ---------------------------------------------------------------------------------------------


def active_grid(report: dict[str, Any]) -> Grid:
    template = tpl.TEMPLATES[report["template"]]
    cells: list[Placed] = []
    row = 0
    for item in template.active_items:
        cells.append(Placed(row, 0, item, colspan=4))
        row += 1
        members = [r for r in template.active_rows if r.item == item]
        fields = members[0].fields
        spans = {1: [3], 2: [1, 2], 3: [1, 1, 1]}[len(fields)]
        cells.append(Placed(row, 0, tpl.ACTIVE_CORNER))
        col = 1
        for field, span in zip(fields, spans, strict=True):
            cells.append(Placed(row, col, field.header, colspan=span))
            col += span
        row += 1
        for member in members:
            cells.append(Placed(row, 0, member.label))
            col = 1
            for field, span in zip(member.fields, spans, strict=True):
                cells.append(Placed(row, col, number(report["active"][member.key][field.key]), colspan=span))
                col += span
            row += 1
    return Grid(f"二、{tpl.TABLES_BY_KEY['active'].title}", row, 4, tuple(cells))


def requests_grid(report: dict[str, Any]) -> Grid:
    template = tpl.TEMPLATES[report["template"]]
    columns = template.request_columns
    cells: list[Placed] = [
        Placed(0, 0, tpl.REQUESTS_NOTE, rowspan=3, colspan=3),
        Placed(0, 3, tpl.REQUESTS_CORNER, colspan=7),
        Placed(1, 3, columns[0].label, rowspan=2),
        Placed(1, 4, tpl.ORGANISATION_GROUP, colspan=5),
        Placed(1, 9, columns[-1].label, rowspan=2),
        *(Placed(2, 3 + c.index, c.label) for c in columns[1:-1]),
    ]
    rows = template.request_rows
    outcome_rows = [r for r in rows if r.section == tpl.ACCEPTED]
    groups: dict[str, int] = {}
    for r in outcome_rows:
        if r.group:
            groups[r.group] = groups.get(r.group, 0) + 1
    row = 3
    for request_row in rows:
        if request_row.section != tpl.ACCEPTED:
            cells.append(Placed(row, 0, request_row.printed, colspan=3))
        else:
            if request_row is outcome_rows[0]:
                cells.append(Placed(row, 0, tpl.ACCEPTED, rowspan=len(outcome_rows)))
            if not request_row.group:
                cells.append(Placed(row, 1, request_row.printed, colspan=2))
            else:
                first_of_group = next(r for r in outcome_rows if r.group == request_row.group)
                if request_row is first_of_group:
                    cells.append(Placed(row, 1, request_row.group, rowspan=groups[request_row.group]))
                cells.append(Placed(row, 2, request_row.printed))
        values = report["requests"][request_row.key]
        cells.extend(Placed(row, 3 + i, number(v)) for i, v in enumerate(values))
        row += 1
    return Grid(f"三、{tpl.TABLES_BY_KEY['requests'].title}", row, 10, tuple(cells))


def appeals_grid(report: dict[str, Any]) -> Grid:
    fields = tpl.APPEAL_FIELDS
    groups = tpl.APPEAL_GROUPS
    width = len(fields)
    cells: list[Placed] = [
        Placed(0, 0, groups[0].label, colspan=width),
        Placed(0, width, tpl.LITIGATION, colspan=2 * width),
        *(Placed(1, i, f.label, rowspan=2) for i, f in enumerate(fields)),
        Placed(1, width, groups[1].label, colspan=width),
        Placed(1, 2 * width, groups[2].label, colspan=width),
        *(Placed(2, width * g + i, f.label) for g in (1, 2) for i, f in enumerate(fields)),
    ]
    for g, group in enumerate(groups):
        for i, f in enumerate(fields):
            cells.append(Placed(3, width * g + i, number(report["appeals"][group.key][f.key])))
    return Grid(f"四、{tpl.TABLES_BY_KEY['appeals'].title}", 4, 3 * width, tuple(cells))


def grids(report: dict[str, Any]) -> list[Grid]:
    return [active_grid(report), requests_grid(report), appeals_grid(report)]


# ---------------------------------------------------------------------------------------------
# The text around the tables
# ---------------------------------------------------------------------------------------------


def body(report: dict[str, Any], filler: int = 1, before_requests: int = 0) -> list[str | Grid]:
    """The report from title to signature: paragraphs (str) and tables (Grid) in order.

    ``filler`` paragraphs go under 一、总体情况 (many make a long report); ``before_requests``
    paragraphs go just before table 三, to push it across a page break.
    """
    active, requests, appeals = grids(report)
    year = report["year"]
    parts: list[str | Grid] = [
        title_of(report),
        f"本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限为{year}年1月1日至{year}年12月31日。",
        f"一、{tpl.SECTIONS[0].title}",
        *([FILLER] * filler),
        active.title,
        active,
        *([FILLER] * before_requests),
        requests.title,
        requests,
        appeals.title,
        appeals,
        f"五、{tpl.SECTIONS[4].title}",
        FILLER,
        f"六、{tpl.SECTIONS[5].title}",
        "本年度无其他需要报告的事项。",
        str(report["agency"]),
        f"{year + 1}年1月20日",
    ]
    return parts


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def html_table(grid: Grid) -> str:
    lines = ['<table border="1" cellspacing="0" style="border-collapse:collapse">', "<tbody>"]
    for row in grid.expected_rows():
        lines.append("<tr>")
        for text, rowspan, colspan in row:
            attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
            # Word-exported markup: every cell a <p><span>…<o:p></o:p></span></p>; blank = &nbsp;
            inner = html.escape(text) if text else "&nbsp;"
            lines.append(
                f'<td{attrs} valign="center"><p align="center"><span style="font-family:仿宋">'
                f"{inner}<o:p></o:p></span></p></td>"
            )
        lines.append("</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def write_html(report: dict[str, Any], path: Path, encoding: str = "utf-8", filler: int = 1) -> Path:
    """A government-site page: navigation and footer around the report, the charset declared."""
    charset = {"gb18030": "gb2312", "gbk": "gbk"}.get(encoding, encoding)
    out = [
        "<!DOCTYPE html><html><head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f"<title>{html.escape(title_of(report))}_政府信息公开</title>",
        "<style>td{border:1px solid #000}</style><script>var nav = '<p>不是正文</p>';</script>",
        "</head><body>",
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/gk">政府信息公开</a></li></ul></div>',
        '<div class="content">',
    ]
    for part in body(report, filler):
        if isinstance(part, Grid):
            out.append(html_table(part))
        elif part == title_of(report):
            out.append(f"<h1>{html.escape(part)}</h1>")
        else:
            out.append(f'<p style="text-indent:2em"><span>{html.escape(part)}</span>&nbsp;</p>')
    out.append('</div><div class="footer"><p>主办单位：某某人民政府办公室&nbsp;&nbsp;网站标识码：0000000000</p></div>')
    out.append("</body></html>")
    path.write_bytes("\n".join(out).encode(encoding))
    return path


def write_docx(
    report: dict[str, Any],
    path: Path,
    filler: int = 1,
    before_requests: int = 0,
    repeat_header: bool = False,
    running: str | None = None,
) -> Path:
    """A Word report as agencies write them: the tables with merged cells (gridSpan, vMerge).

    ``repeat_header`` marks the header rows of table 三 to repeat on each page (w:tblHeader),
    which Word and LibreOffice then print again at the top of the continuation page; ``running``
    is a page header and footer line printed on every page.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = title_of(report)
    if running:
        section = document.sections[0]
        section.header.paragraphs[0].text = running
        section.footer.paragraphs[0].text = f"{running} 印发"
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(12)
    for part in body(report, filler, before_requests):
        if isinstance(part, str):
            if part == title_of(report):
                heading = document.add_heading(part, level=1)
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
            else:
                document.add_paragraph(part)
            continue
        table = add_docx_table(document, part)
        if repeat_header and part.title.startswith("三"):
            for tr in table.rows[:3]:
                tr_pr = tr._tr.get_or_add_trPr()
                header = OxmlElement("w:tblHeader")
                header.set(qn("w:val"), "true")
                tr_pr.append(header)
    document.save(str(path))
    return path


def add_docx_table(document: Any, grid: Grid) -> Any:
    """``grid`` as a Word table of ``document``, merged cells merged the Word way."""
    from docx.shared import Pt

    table = document.add_table(rows=grid.rows, cols=grid.cols)
    table.style = "Table Grid"
    for cell in grid.cells:
        target = table.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        target.text = cell.text
        for paragraph in target.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(9)
    return table


def soffice() -> str | None:
    return find_soffice()


def convert_to_pdf(paths: Sequence[Path], outdir: Path) -> list[Path]:
    """All files to PDF in ONE LibreOffice run (each start costs seconds)."""
    return convert(paths, outdir, "pdf", timeout=300)


def gold_reports() -> Iterable[tuple[str, dict[str, Any]]]:
    for path in sorted(GOLD.glob("*.json")):
        yield path.stem, json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------------------------
# PDFs that are not what they seem: built byte by byte, the way other software writes them
# ---------------------------------------------------------------------------------------------


def pdf_bytes(objects: Sequence[bytes], trailer_extra: bytes = b"") -> bytes:
    """A well-formed PDF of the given objects (object 1 must be the catalog), with its xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def scanned_pdf(pages: int = 2, in_form: bool = False) -> bytes:
    """What a scanner writes: each page one image, no text layer.

    ``in_form`` wraps each page's image in a form XObject, as some scanning software does.
    """
    per_page = 4 if in_form else 3
    kids = b" ".join(b"%d 0 R" % (3 + per_page * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    pixels = bytes(range(0, 256, 4)) * 64  # 64 x 64 grey ramp
    image_object = (
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels)
    )
    for i in range(pages):
        page = 3 + per_page * i
        content, first_xobject = page + 1, page + 2
        draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
        if in_form:
            form_draw = b"/Fm0 Do"
            objects += [
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /XObject << /Fm0 %d 0 R >> >> >>" % (content, first_xobject),
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(form_draw), form_draw),
                b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Im0 %d 0 R >> >> "
                b"/Length %d >>\nstream\n%s\nendstream" % (first_xobject + 1, len(draw), draw),
                image_object,
            ]
        else:
            objects += [
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (content, first_xobject),
                b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw),
                image_object,
            ]
    return pdf_bytes(objects)


def encrypted_pdf() -> bytes:
    """A PDF encrypted with a user password (standard security handler, RC4 40-bit)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -3904 /O <" + b"7a" * 32 + b"> /U <" + b"3c" * 32 + b"> >>",
    ]
    file_id = b"<" + b"0123456789abcdef" * 2 + b">"
    return pdf_bytes(objects, b"/Encrypt 4 0 R /ID [" + file_id + b" " + file_id + b"] ")


def blank_pdf() -> bytes:
    """A page with nothing on it at all."""
    return pdf_bytes(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


# ---------------------------------------------------------------------------------------------
# One set of files for a whole test session
# ---------------------------------------------------------------------------------------------


@dataclass
class Fixtures:
    root: Path
    reports: dict[str, dict[str, Any]]
    docx: dict[str, Path]  # gold name → DOCX
    html: dict[str, Path]  # gold name → UTF-8 page
    gbk_html: dict[str, Path]  # gold name → GB18030 page declaring gb2312
    pdf: dict[str, Path]  # every DOCX converted (gold names, plus the split variants)
    pdf_error: str | None  # why there are no PDFs (LibreOffice missing or failing)

    SPLIT = "split-000"  # table 三 broken across pages, one row broken in two
    SPLIT_HEADER = "split-header-000"  # the same with its header repeated on the new page
    LONG = "long-000"  # a ten-page report


_BUILT: dict[Path, Fixtures] = {}


def build_fixtures(root: Path) -> Fixtures:
    """All report files made from the gold data, converted to PDF in ONE LibreOffice run.

    Cached for the process, and shared between processes (pytest-xdist workers) that pass the
    same ``root``: the first to take the lock builds, the others wait for its ``.done`` marker.
    """
    if root in _BUILT:
        return _BUILT[root]
    root.mkdir(parents=True, exist_ok=True)
    done = root / ".done"
    try:
        lock = os.open(root / ".lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        built = _wait_for(root, done)
    else:
        os.close(lock)
        built = _build(root)
        done.write_text(json.dumps({"pdf_error": built.pdf_error}), encoding="utf-8")
    _BUILT[root] = built
    return built


def _wait_for(root: Path, done: Path, timeout: float = 900.0) -> Fixtures:
    waited = 0.0
    while not done.exists():
        if waited > timeout:
            raise TimeoutError(f"another process never finished building the fixtures in {root}")
        time.sleep(0.2)
        waited += 0.2
    return _build(root, write=False, pdf_error=json.loads(done.read_text(encoding="utf-8"))["pdf_error"])


def _build(root: Path, write: bool = True, pdf_error: str | None = None) -> Fixtures:
    """The fixture files under ``root``: written and converted, or (``write=False``) only named."""
    reports = dict(gold_reports())
    docx = {name: root / f"{name}.docx" for name in reports}
    html_files = {name: root / f"{name}.html" for name in reports}
    gbk = {name: root / f"{name}.gbk.html" for name in reports}
    extra = {name: root / f"{name}.docx" for name in (Fixtures.SPLIT, Fixtures.SPLIT_HEADER, Fixtures.LONG)}
    sources = {**docx, **extra}
    if write:
        for name, report in reports.items():
            write_docx(report, docx[name])
            write_html(report, html_files[name])
            write_html(report, gbk[name], encoding="gb18030")
        base = reports.get("000_21925bfca89cb37b") or next(iter(reports.values()))
        write_docx(base, extra[Fixtures.SPLIT], before_requests=6)
        write_docx(
            base,
            extra[Fixtures.SPLIT_HEADER],
            before_requests=6,
            repeat_header=True,
            running=f"{base['agency']}办公室",
        )
        write_docx(base, extra[Fixtures.LONG], filler=70)
        pdf_error = _convert(list(sources.values()), root / "pdf")
    pdf = {} if pdf_error else {name: root / "pdf" / f"{path.stem}.pdf" for name, path in sources.items()}
    return Fixtures(root, reports, docx, html_files, gbk, pdf, pdf_error)


def _convert(sources: list[Path], outdir: Path) -> str | None:
    """Why there are no PDFs, or None when LibreOffice made them all."""
    if soffice() is None:
        return "LibreOffice (soffice) is not installed: ./scripts/install installs libreoffice-writer-nogui"
    try:
        convert_to_pdf(sources, outdir)
    except (subprocess.SubprocessError, RuntimeError, OSError) as failure:
        return f"LibreOffice failed to convert the fixtures: {failure}"
    return None


def _page_objects(first: int, content: bytes, resources: bytes) -> list[bytes]:
    """A page (object ``first``) with its content stream (object ``first + 1``)."""
    return [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R /Resources %s >>"
        % (first + 1, resources),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]


_HELVETICA = b"<< /Font << /F1 %d 0 R >> >>"


def one_path_grid_pdf(in_form: bool = False, rects: bool = False) -> tuple[bytes, list[list[str]]]:
    """A 2 × 3 ruled table whose every rule is ONE path (as some PDF writers draw grids).

    ``in_form`` draws the table inside a form XObject, shifted by the form's matrix, as
    programs that stamp or place content do; ``rects`` draws each rule as a thin filled
    rectangle, as Word and WPS do, instead of a stroked line.
    """
    xs, ys = [100, 200, 300, 400], [700, 680, 660]
    rows = [["a", "1", "2"], ["b", "3", "4"]]
    if rects:
        rules = [f"{xs[0]} {y - 0.25} {xs[-1] - xs[0]} 0.5 re" for y in ys]
        rules += [f"{x - 0.25} {ys[-1]} 0.5 {ys[0] - ys[-1]} re" for x in xs]
    else:
        rules = [f"{xs[0]} {y} m {xs[-1]} {y} l" for y in ys] + [f"{x} {ys[0]} m {x} {ys[-1]} l" for x in xs]
    text = [
        f"BT /F1 10 Tf {xs[c] + 5} {ys[r] - 15} Td ({cell}) Tj ET"
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
    ]
    paint = " f " if rects else " S "
    table = ("0.5 w " + " ".join(rules) + paint + " ".join(text)).encode()
    title = b" BT /F1 12 Tf 100 750 Td (Report) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    if not in_form:
        objects += _page_objects(3, table + title, _HELVETICA % 5)
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        return pdf_bytes(objects), rows
    objects += _page_objects(
        3, b"q 1 0 0 1 0 -100 cm /Fm0 Do Q" + title, b"<< /Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >> >>"
    )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 50] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n%s\nendstream" % (len(table), table)
    )
    return pdf_bytes(objects), rows


def text_then_scan_pdf() -> bytes:
    """Page 1 typed text, page 2 a scanned image (the tables, printed and scanned back in)."""
    pixels = bytes(range(0, 256, 4)) * 64
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>"]
    objects += _page_objects(3, b"BT /F1 12 Tf 100 750 Td (Annual report 2021) Tj ET", _HELVETICA % 7)
    objects += _page_objects(5, b"q 595 0 0 842 0 0 cm /Im0 Do Q", b"<< /XObject << /Im0 8 0 R >> >>")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels)
    )
    return pdf_bytes(objects)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def print_with_chromium(page: Path, pdf: Path) -> None:
    """A web page printed to PDF by Debian's chromium (a second PDF writer besides LibreOffice:
    it draws borders cell by cell and leaves a table open where the page cuts it)."""
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("chromium is not installed")
    subprocess.run(
        [
            binary,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={pdf.parent / '.chromium-profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    if not pdf.exists():
        raise RuntimeError(f"chromium did not write {pdf}")
