"""Read a web page (as government sites publish reports) into a ``Document``.

Pages come in UTF-8 or the GB family, wrap the report in site chrome, and carry Word-exported
tables: ``<td rowspan colspan>`` with ``<p><span><font>…<o:p></o:p>`` inside every cell, and
``&nbsp;`` for blank cells. The reader keeps every visible line of text as a ``TextBlock`` (the
recogniser finds the title and the sections among them) and every table that holds no other
table as a ``TableBlock``; a table that holds tables is page layout, and its cells are read as
text and tables in order.

selectolax's lexbor parser does the parsing in C; the Python walk visits only the nodes above the
paragraphs and cells, and takes each paragraph's or cell's text with one call into C.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from gongkai.ingest.document import CELL_DEFAULTS, Block, Cell, Document, TableBlock, TextBlock, UnreadableFile
from gongkai.ingest.encoding import EncodingUnknown, declared_html_charset, decode
from gongkai.ingest.html_depth import flatten_deep
from gongkai.ingest.html_divs import DivTable, div_tables
from gongkai.ingest.html_positioned import positioned_runs
from gongkai.ingest.limits import check_data
from gongkai.ingest.positioned import MIN_RUNS, holds_most, positioned_blocks
from gongkai.ingest.radicals import holds_radical_bytes, unradical

# Elements whose content is never shown as text on the page.
_SKIPPED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "iframe",
        "object",
        "embed",
        "svg",
        "math",
        "canvas",
        "select",
        "button",
        "input",
        "textarea",
        "map",
        "audio",
        "video",
        "-comment",
        "#comment",
    }
)
# Elements that start a new line of text (everything else runs inline).
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "blockquote",
        "form",
        "fieldset",
        "legend",
        "address",
        "figure",
        "figcaption",
        "hr",
        "center",
        "body",
        "html",
        "details",
        "summary",
        "dir",
        "menu",
        "pre",
        "table",
    }
)
# What ends a line or hides text: a node holding none of these is read with one text() call.
_STRUCTURAL = (_BLOCKS | {"br"} | _SKIPPED) - {"html", "body"}
_PARAGRAPHS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "center", "blockquote"})


def _one_line(text: str) -> str:
    """``text`` with each run of blanks one space, none at its ends: what
    ``re.sub(r"\\s+", " ", text).strip()`` gives (``str.split`` and the pattern's ``\\s`` take
    the same characters for blanks), in two C calls instead of a regex over every cell."""
    return " ".join(text.split())


_MAX_SPAN = 1000  # the HTML standard's own cap on colspan; guards against rowspan="99999"
_tuple_new = tuple.__new__


def read_html(path: Path, data: bytes) -> Document:
    """Parse ``data`` (the bytes of ``path``) as a web page."""
    source = str(path)
    check_data(source, data)
    try:
        text, encoding = decode(data, declared_html_charset(data))
    except EncodingUnknown as error:
        raise UnreadableFile(
            source,
            "不是网页文本：无法识别文字编码（UTF-8、GBK/GB18030 均不符）",
            f"not a web page: the bytes are in no recognisable text encoding ({error})",
        ) from None
    if encoding != "utf-8" or holds_radical_bytes(data):  # radicals' bytes: not in most pages
        text = unradical(text)  # a page pasted from a PDF's text layer: ⼀、⾏政, ⻓宁县⺠政局
    tree = LexborHTMLParser(flatten_deep(text))  # a page nested 100,000 deep parses in O(n²)
    title = _page_title(tree)
    body = tree.body
    if body is None:
        raise UnreadableFile(source, "网页没有正文（<body>）", "the page has no body")
    document = Document(source=source, format="html", encoding=encoding, title=title)
    if text.count("left:") >= MIN_RUNS:  # a PDF converted to HTML: runs placed on pages
        runs = positioned_runs(tree, body)
        if holds_most(runs, len("".join(body.text(deep=True).split()))):
            document.blocks.extend(positioned_blocks(source, runs))
            document.title = document.title or _first_heading(body)
            return document
    _Walker(document.blocks, _containers(body), _layout_tables(body), div_tables(body)).run(body)
    if not document.blocks:
        raise UnreadableFile(source, "网页中没有任何文字或表格", "the page holds no text and no table")
    if document.title is None:
        document.title = _first_heading(body)
    return document


def _page_title(tree: LexborHTMLParser) -> str | None:
    head = tree.head
    node = head.css_first("title") if head is not None else None
    if node is None:
        return None
    title = _one_line(node.text())
    return title or None


def _first_heading(body: LexborNode) -> str | None:
    for selector in ("h1", "h2"):
        node = body.css_first(selector)
        if node is not None:
            text = _one_line(node.text())
            if text:
                return text
    return None


def _span(value: str | None) -> int:
    if not value:
        return 1
    digits = re.match(r"\s*(\d{1,9})", value)  # not int() of a 5,000-digit rowspan
    if digits is None:
        return 1
    return min(max(int(digits.group(1)), 1), _MAX_SPAN)


class _Walker:
    """Walks the tree in document order, emitting text lines and leaf tables."""

    def __init__(
        self, blocks: list[Block], containers: set[int], layout: set[int], divs: dict[int, DivTable] | None = None
    ) -> None:
        self.blocks = blocks
        self.containers = containers
        self.layout = layout
        self.divs = divs or {}  # the boxes drawn as tables (``html_divs``), by mem_id
        self.pending: list[str] = []
        self.paragraphs = 0
        self.tables = 0

    def run(self, root: LexborNode) -> None:
        self._walk(root)
        self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        line = _one_line("".join(self.pending))
        self.pending.clear()
        if line:
            self.paragraphs += 1
            self.blocks.append(TextBlock(line, f"paragraph {self.paragraphs}"))

    def _walk(self, node: LexborNode) -> None:
        # A stack of (children still to visit, whether a line ends after them), not recursion:
        # a page may nest deeper than Python's recursion limit.
        stack: list[tuple[Iterator[LexborNode], bool]] = [(node.iter(include_text=True), False)]
        while stack:
            children, line_after = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if line_after:
                    self._flush()
                continue
            tag = child.tag
            if tag == "-text":
                self.pending.append(child.text_content or "")
            elif tag in _SKIPPED or tag is None:
                continue
            elif tag == "br":
                self._flush()
            elif tag == "table":
                self._flush()
                if child.mem_id not in self.layout:
                    self._table(child)
                else:  # a layout table: read its cells as content
                    stack.append((child.iter(include_text=True), True))
            elif child.mem_id in self.divs:
                self._flush()
                self._div_table(self.divs[child.mem_id])
            elif tag == "pre":
                self._flush()
                for line in child.text().splitlines():
                    self.pending.append(line)
                    self._flush()
            elif tag in _BLOCKS:
                self._flush()
                if child.mem_id not in self.containers:
                    self.pending.append(child.text())
                    self._flush()
                else:
                    stack.append((child.iter(include_text=True), True))
            elif child.mem_id not in self.containers:  # inline, and nothing inside breaks a line
                self.pending.append(child.text())
            else:
                stack.append((child.iter(include_text=True), False))

    def _table(self, table: LexborNode) -> None:
        self.tables += 1
        number = self.tables
        rows: list[list[Cell]] = []
        # Most cells span nothing: read attributes only of those one query says do.
        spanning = {node.mem_id for node in table.css("[rowspan],[colspan]")}
        containers = self.containers
        for r, tr in enumerate(_table_rows(table, self), start=1):
            cells: list[Cell] = []
            for td in tr.iter():
                if td.tag not in ("td", "th"):
                    continue
                where = f"table {number} row {r} cell {len(cells) + 1}"
                text = _cell_text(td, containers, self.layout)
                if td.mem_id in spanning:
                    attrs = td.attrs
                    cells.append(Cell(text, where, _span(attrs.get("rowspan")), _span(attrs.get("colspan"))))
                else:
                    cells.append(_tuple_new(Cell, (text, where) + CELL_DEFAULTS))  # noqa: RUF005 (faster than unpacking)
            if cells and not any(c.text for c in cells) and _hidden(tr):
                continue  # Word's <tr height=0> of empty sizing cells, shown to no reader
            rows.append(cells)  # even a row with no cells: rowspans above count it
        if any(rows):
            self.blocks.append(TableBlock(rows, f"table {number}"))

    def _div_table(self, placed: DivTable) -> None:
        """A table drawn with boxes, as the rows of cells its ``<table>`` would give."""
        self.tables += 1
        number = self.tables
        rows: list[list[Cell]] = []
        for r, line in enumerate(placed, start=1):
            cells: list[Cell] = []
            for node, rowspan, colspan in line:
                text = "" if node is None else _cell_text(node, self.containers, self.layout)
                cells.append(Cell(text, f"table {number} row {r} cell {len(cells) + 1}", rowspan, colspan))
            rows.append(cells)
        if any(rows):
            self.blocks.append(TableBlock(rows, f"table {number}"))


def _containers(root: LexborNode) -> set[int]:
    """The nodes (by ``mem_id``) that hold a line break, a block, a table or hidden text.

    Any other node holds only inline text, and lexbor's ``text()`` gives its one line in a single
    C call: Word-exported pages wrap every few characters in <span><font>, and not walking those
    in Python is most of the reader's speed. Marking the ancestors of each structural node
    costs a few hops each.
    """
    marked: set[int] = set()
    structural = _STRUCTURAL
    for node in root.traverse():  # a plain walk in C beats a 47-way selector query here
        if node.tag not in structural:
            continue
        parent = node.parent
        while parent is not None:
            key = parent.mem_id
            if key in marked:
                break
            marked.add(key)
            parent = parent.parent
    return marked


def _layout_tables(root: LexborNode) -> set[int]:
    """The tables (by ``mem_id``) that hold a table: page layout, whose cells are read as content.

    Each table marks the tables above it, and a walk up stops where an earlier one passed: linear,
    where asking each table for the tables inside it is quadratic on tables nested 5,000 deep.
    """
    layout: set[int] = set()
    passed: set[int] = set()
    for table in root.css("table"):
        node = table.parent
        while node is not None and node.mem_id not in passed:
            passed.add(node.mem_id)
            if node.tag == "table":
                layout.add(node.mem_id)
            node = node.parent
    return layout


def _hidden(node: LexborNode) -> bool:
    attrs = node.attrs
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return attrs.get("height") == "0" or "display:none" in style or "hidden" in attrs


def _table_rows(table: LexborNode, walker: _Walker) -> list[LexborNode]:
    """The table's own rows in source order; a caption goes out as a line of text first."""
    rows: list[LexborNode] = []
    for child in table.iter():
        tag = child.tag
        if tag == "tr":
            rows.append(child)
        elif tag in ("tbody", "thead", "tfoot"):
            rows.extend(tr for tr in child.iter() if tr.tag == "tr")
        elif tag == "caption":
            walker.pending.append(child.text())
            walker._flush()
    return rows


def _cell_text(cell: LexborNode, containers: set[int], layout: set[int]) -> str:
    """A cell's lines (its paragraphs and <br>s) joined by newlines, blank if only spaces."""
    if cell.mem_id not in containers:  # inline text only
        return _one_line(cell.text())
    lines: list[str] = []
    for child in cell.iter():
        if child.tag not in _PARAGRAPHS or child.mem_id in containers:
            break
        line = _one_line(child.text())
        if line:
            lines.append(line)
    else:  # the Word way, <td><p>…</p><p>…</p></td>, each paragraph one line, and nothing else
        if not cell.text(deep=False).strip():
            return "\n".join(lines)
    collector = _Walker([], containers, layout)
    collector.run(cell)
    return "\n".join(b.text for b in collector.blocks if isinstance(b, TextBlock))
