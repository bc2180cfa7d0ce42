"""Table 四 printed cell by cell, each label stacked a character a line (``pdftotext`` default mode).

A phone-width article (a 微信公众号 page printed by chromium) or a Word print with one character a
line in its narrow header cells gives table 四 as its cells one after another: a column's label
stacked (``结`` / ``果`` / ``维`` / ``持``), then its figure; several columns' labels side by side
line by line (``结 其 尚`` / ``果 他 未`` / ``纠 结 审`` / ``正 果 结``: 结果纠正, 其他结果, 尚未审结),
or down one column of characters taking turns (``结`` ``其`` ``尚`` ``果`` ``他`` ``未`` …), then
their figures; or a run of labels and only then their figures. The group titles (行政复议,
未经复议直接起诉 …) stand anywhere in between, and so do figures that are no cells of table 四
(table 三's columns printed past its heading, the rows of 表5 主要指标与上年对比). The reading by
rows finds no row of fifteen figures and reads the table wrong (padded with 0) or not at all.

Gated: only where table 四 is not read whole adding up, or is in doubt; only the lines between
table 四's heading and the next part's. Labels are the template's (``AppealField.labels``): a run
of stacked characters is read only where it spells whole labels. Each figure goes to the first
label still waiting for one (a figure with no label waiting is no cell of table 四). Taken only
where exactly the template's fifteen labels come out, each with a figure, in the template's
order, and every group adds up to its 总计 (``report.equations``) and agrees with the prose's
totals; one group's 总计 taken from a figure that is not its (a figure of 表5 in its place) is
put right only where its parts' sum is what the prose's total leaves for it, and named in
``uncertain``. Figures skipped on the way put the whole table in ``uncertain``. Linear in lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.ingest.appeal_tails import appeals_settled
from gongkai.ingest.document import Document, TableBlock, TextBlock
from gongkai.ingest.evidence import Evidence
from gongkai.ingest.section_headings import match_section_heading
from gongkai.ingest.stated import STATED_TOTALS, agrees
from gongkai.report.equations import Bound, Cell, appeals_bound
from gongkai.report.labels import label_key
from gongkai.report.model import Report
from gongkai.report.templates import TABLES_BY_KEY, Template

_FIGURE = re.compile(r"\d{1,7}")
_DIGIT = re.compile(r"[0-9０-９]")  # not str.isdigit: a note's ③ is no figure
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_LINES = 400  # lines of table 四's part looked at, at most
_MAX_TURNS = 5  # labels taking turns down one column of characters, at most


def _lines(document: Document) -> Iterator[tuple[str, str]]:
    """(text, where) of every line between table 四's heading and the next part's heading."""
    inside = False
    seen = 0
    for block in document.blocks:
        if isinstance(block, TextBlock):
            section = match_section_heading(block.text)
            if section is not None:
                if inside:
                    return
                inside = section.number == TABLES_BY_KEY["appeals"].number
                continue
            if inside:
                yield block.text, block.where
        elif inside and isinstance(block, TableBlock):
            for row in block.rows:
                for cell in row:
                    yield cell.text, cell.where
        if inside:
            seen += 1
            if seen > _MAX_LINES:
                return


def _spelled(chars: str, known: dict[str, str]) -> list[str] | None:
    """The fields a column of stacked characters spells: labels one after another, or up to
    ``_MAX_TURNS`` labels taking turns a character each; None where it spells no whole labels."""
    found: list[str] = []
    rest = chars
    while rest:
        head = next((label for label in known if rest.startswith(label)), None)
        if head is None:
            break
        found.append(known[head])
        rest = rest[len(head) :]
    if not rest:
        return found
    for turns in range(2, _MAX_TURNS + 1):
        if len(chars) % turns == 0:
            names = [chars[j::turns] for j in range(turns)]
            if all(name in known for name in names):
                return [known[name] for name in names]
    return None


def _run_fields(run: list[list[str]], known: dict[str, str]) -> list[str] | None:
    """The fields a run of stacked-character lines names, left to right."""
    width = len(run[0])
    if any(len(pieces) != width for pieces in run):
        return None
    if width == 1:
        return _spelled("".join(pieces[0] for pieces in run), known)
    names = ["".join(pieces[j] for pieces in run) for j in range(width)]
    return [known[name] for name in names] if all(name in known for name in names) else None


def _pairs(document: Document, known: dict[str, str]) -> tuple[list[tuple[str, int, str]], bool] | None:
    """(field, figure, where) in printed order, and whether a figure or a line with digits was
    skipped on the way; None where a run of stacked characters spells no labels."""
    waiting: list[str] = []
    pairs: list[tuple[str, int, str]] = []
    skips = 0  # figures (or lines with digits) passed over so far
    skipped = 0  # of them, those before the last figure taken
    run: list[list[str]] = []

    def flush() -> bool:
        if run:
            fields = _run_fields(run, known)
            if fields is None:
                return False
            waiting.extend(fields)
            run.clear()
        return True

    for text, where in _lines(document):
        pieces = text.split()
        if pieces and all(len(p) == 1 and _CJK.match(p) for p in pieces):
            if run and len(run[0]) != len(pieces) and not flush():
                return None
            run.append(pieces)
            continue
        if not flush():
            return None
        if pieces and all(_FIGURE.fullmatch(p) for p in pieces):
            for piece in pieces:
                if waiting:
                    pairs.append((waiting.pop(0), int(piece), where))
                    skipped = skips
                else:
                    skips += 1
        elif pieces and all(label_key(p) in known for p in pieces):
            waiting.extend(known[label_key(p)] for p in pieces)  # labels printed whole (总计)
        elif _DIGIT.search(text) and pairs:
            skips += 1
    if not flush():
        return None
    return pairs, skipped > 0


def read_appeal_stacks(
    template: Template, document: Document, report: Report, evidence: Evidence, stated: dict[str, int]
) -> None:
    """Table 四 from its cells printed one after another under stacked labels (see the module)."""
    if appeals_settled(template, report) and not any(u.cell.startswith("appeals") for u in evidence.uncertain):
        return
    groups = [g.key for g in template.appeal_groups]
    fields = [f.key for f in template.appeal_fields]
    known = {label_key(label): f.key for f in template.appeal_fields for label in f.labels}
    found = _pairs(document, known)
    if found is None:
        return
    pairs, skipped = found
    if [field for field, _, _ in pairs] != fields * len(groups):
        return
    width = len(fields)
    table = {g: tuple(figure for _, figure, _ in pairs[i * width : (i + 1) * width]) for i, g in enumerate(groups)}
    bound = appeals_bound(template.id, tuple(groups), tuple(fields), False)
    broken = [g for g in groups if not bound.row_check(g)(table[g])]
    mended = _mended(table, broken, fields, stated, bound) if broken else None
    # A group not adding up as printed (a 总计 counting cases carried over: 59 25 16 24 under 125)
    # is read as printed only where the prose states that very total.
    kept = [] if mended is not None else [g for g in broken if _stated_of(g, fields, stated)]
    if broken and mended is None and len(kept) != len(broken):
        return
    if mended is not None:
        table[mended] = (*table[mended][:-1], sum(table[mended][:-1]))
    if not _agrees(table, fields, stated):
        return
    evidence.forget("appeals")
    for i, group in enumerate(groups):
        for j, key in enumerate(fields):
            report.appeals[group][key] = table[group][j]
            if not (group == mended and j == width - 1):
                evidence.provenance[f"appeals.{group}.{key}"] = pairs[i * width + j][2]
    where = pairs[0][2]
    if mended is not None:
        evidence.doubt(
            f"appeals.{mended}.total",
            table[mended][-1],
            "表四该组总计处印出的数字不是其总计（另一表格的数字），取各项之和：正文所述的件数与之相符",
            "table 四: the figure after this group's 总计 is not its total (another table's); its parts' sum "
            "is taken, which the prose's total agrees with",
            where,
        )
    for group in kept:
        evidence.doubt(
            f"appeals.{group}",
            None,
            "表四该组各项之和与总计不符；总计与正文所述件数相同，按印出的数字读入",
            "table 四: this group's parts do not add up to its 总计, which is the total the prose states; "
            "read as printed",
            where,
        )
    if skipped:
        evidence.doubt(
            "appeals",
            None,
            "表四的标签逐字竖排、单元格逐个印出，其间夹有不属于表四的数字：按标签后的数字读取",
            "table 四 prints its labels a character a line and its cells one by one, with figures that are "
            "no cells of it in between: read by the figures after the labels",
            where,
        )


def _mended(
    table: dict[str, tuple[int, ...]], broken: list[str], fields: list[str], stated: dict[str, int], bound: Bound
) -> str | None:
    """The one group whose 总计 (its last field) the prose's totals put right: with its parts' sum
    in its place, the group adds up and every total the prose states of it agrees."""
    if len(broken) != 1:
        return None
    group = broken[0]
    mended = {**table, group: (*table[group][:-1], sum(table[group][:-1]))}
    if not bound.row_check(group)(mended[group]):
        return None
    return group if _stated_of(group, fields, stated) and _agrees(mended, fields, stated) else None


def _stated_of(group: str, fields: list[str], stated: dict[str, int]) -> bool:
    """Whether the prose states a total that counts ``group``'s 总计 (its last field)."""
    total = Cell("appeals", group, fields[-1])
    return any(place.startswith("appeals") and total in STATED_TOTALS.get(place, ()) for place in stated)


def _agrees(table: dict[str, tuple[int, ...]], fields: list[str], stated: dict[str, int]) -> bool:
    """Whether no total the prose states of table 四 contradicts ``table``."""

    def value(cell: Cell) -> int | None:
        row = table.get(str(cell.row))
        return row[fields.index(str(cell.column))] if row is not None and cell.column in fields else None

    return all(
        agrees(STATED_TOTALS[place], said, value) is not False
        for place, said in stated.items()
        if place.startswith("appeals") and place in STATED_TOTALS
    )
