"""Cut a report saved as run-on text (a crawler's page text) back into lines.

A crawler that strips a page's markup and collapses its whitespace leaves the whole report on one
line or a few, every table cell run into the next: ``…对外公开总数量规章1473900规范性文件172422466
第二十条第（五）项…``. Nothing separates the cells, but the joints are still visible: a figure ends
where a label starts (a digit followed by a Chinese character or an opening bracket), a section
heading starts a part, a sentence ends at 。. This module cuts there, and only there, so that each
label and the digit run after it become one line of the shape the text reader already reads
(``规章1473900``); cutting a digit run into cells is the table's arithmetic's job, not this one's.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from gongkai.ingest.request_paragraph import request_paragraph_rows
from gongkai.ingest.vocabulary import TEMPLATES_BOTH, ends_with_appeal_group, ends_with_request_row, vocabulary
from gongkai.report import templates as tpl
from gongkai.report.templates import REPORT_TITLE, SECTIONS

_MIN_LENGTH = 150  # shorter lines are read as they are
_MIN_ROW_LABELS = 3  # row labels followed by a figure that make a line a run-on table
_NUMBER = re.compile(r"[-−－]?\d+(?:[.．]\d+)?")
_CJK_START = re.compile(r"[\u3400-\u9fff（(“【《]")
# A figure followed by one of these is part of a phrase (2020年, 7759件, 第3项, 50%), not a cell.
_PHRASE_AFTER = frozenset("年月日号时分秒岁届期页章节条款项个件次人户家名位批类种份张篇本部所座处亿万千百十%％·:：/")
# A cell's start straight after a word: a figure, or the em dash a page prints for a zero (a
# township's all-zero table is runs of them: 规章———规范性文件———).
_CELL_START = r"(?:[0-9]|[—―])"
# Joints of a word's last character and a cell's start (``[\u4e00-\u9fff）)”]`` then
# ``_CELL_START``), counted by the cell's first character with the word's looked behind at: as
# many matches (a joint is two characters, a word's then a cell's, so two never overlap), and the
# engine skips to the digits and dashes instead of trying every CJK character.
_CELL_AFTER_WORD = re.compile(r"[0-9—―](?<=[\u4e00-\u9fff）)”][0-9—―])")
_IDENTIFIER_BEFORE = re.compile(r"[A-Za-z第_#]")
# An annex's caption (附表3, 附件 2): it opens a new block, whatever ended the row before it.
_ANNEX_CAPTION = re.compile(r"附[表件]\s?\d")
_BLANK_CELL_ENDS = frozenset(" \t\u3000/—―")  # a space or a blank cell (/, —) ends the row before
_TOTAL = "总计"
# A note's explanation opened by its marker (``②：本年新收申请含…``, ``*：含市级…``): after a row's
# digits (``…170000017 ②：``) no CJK character starts it to cut before.
_NOTE_OPENING = re.compile(r"(?:[\u2460-\u2473]|\*{1,3}|(?<=\s)注[ \t]?\d{1,2})[ \t]?[：:]")
_NUMBERED_PART = re.compile(r"【[一二三四五六七八九十]{1,2}】|第[一二三四五六七八九十]{1,2}部分")
_ROW_LABEL_SPAN = 40  # characters before a caption that may hold a row label (a bounded look)


def _printed(label: str) -> str:
    """A label as a pattern of the ways pages print it: 其他 also as 其它 (one word), its brackets
    full-width or not (（四） and (四) mixed in one table)."""
    return re.escape(label).replace("其他", "其[他它]").replace("（", "[（(]").replace("）", "[）)]")


@cache
def _row_label_pattern() -> re.Pattern[str]:
    """Any row label of tables 二 and 三 directly followed by a digit or a dash cell (the mark of a
    run-on row)."""
    vocab = vocabulary()
    labels = {label for label in vocab.active_rows if len(label) >= 2}
    labels |= {key for row in vocab.request_rows for key in row.keys if len(key) >= 4}
    alternatives = "|".join(sorted((_printed(label) for label in labels), key=len, reverse=True))
    return re.compile(f"(?:{alternatives})\\s?{_CELL_START}")


@cache
def _heading_pattern() -> re.Pattern[str]:
    titles = [f"{section.number}、{title}" for section in SECTIONS for title in section.titles]
    return re.compile("|".join(_printed(t) for t in sorted(titles, key=len, reverse=True)))


_SPREAD_MAX = 4  # labels this short are often spread over the cell's width with spaces (总 计, 规 章)


def _spread(label: str) -> str:
    """A short label as a pattern that also takes it spread with spaces (``总 计``, ``信 息 内 容``,
    full-width spaces too): a space between each two characters, at most one (linear)."""
    if len(label) > _SPREAD_MAX or not all("\u4e00" <= c <= "\u9fff" for c in label):
        return _printed(label)
    gap = "[ \u3000]?"
    return gap.join(re.escape(c) for c in label).replace(f"其{gap}他", f"其{gap}[他它]")  # 其他 also 其它


@cache
def _label_pattern() -> re.Pattern[str]:
    """Every label the tables print, as printed (longest first, so that 其他对外管理服务事项 wins
    over 其他 at the same place); short ones spread with spaces too."""
    return re.compile("|".join(_spread(label) for label in sorted(_labels(), key=len, reverse=True)))


def label_pattern() -> re.Pattern[str]:
    """``_label_pattern`` for the other line readers (zero_words)."""
    return _label_pattern()


@cache
def _labels() -> frozenset[str]:
    """Every label the tables print."""
    labels: set[str] = {
        tpl.ACTIVE_CORNER,
        tpl.REQUESTS_NOTE,
        tpl.REQUESTS_CORNER,
        tpl.ORGANISATION_GROUP,
        tpl.LITIGATION,
        tpl.ACCEPTED,
        tpl.ACCEPTED.split("、", 1)[-1],  # printed without its number (本年度办理结果予以公开…)
        tpl.DENIED,
        tpl.UNAVAILABLE,
        tpl.NOT_PROCESSED,
        tpl.OTHER_HANDLING,
    }
    for template in TEMPLATES_BOTH:
        for row in template.active_rows:
            labels.add(row.item)
            labels.update(row.labels)
            for f in row.fields:
                labels.update((*f.labels, f.header))
        for request_row in template.request_rows:
            labels.update(f"{request_row.number}{label}" for label in request_row.labels)
            labels.update(request_row.labels)
        for column in template.request_columns:
            labels.update(column.labels)
        for group in template.appeal_groups:
            labels.add(group.label)
        for appeal_field in template.appeal_fields:
            labels.update(appeal_field.labels)
    return frozenset(labels)


def labels() -> frozenset[str]:
    """Every label the tables print (for ``ocr_glyphs``)."""
    return _labels()


def is_run_on(line: str) -> bool:
    """A long line carrying several table rows whose labels run straight into their figures."""
    if len(line) < _MIN_LENGTH or len(_CELL_AFTER_WORD.findall(line)) < _MIN_ROW_LABELS:
        return False  # prose: few figures straight after a word (the cheap test first)
    return len(_row_label_pattern().findall(line)) >= _MIN_ROW_LABELS


# A page's number as a PDF prints it (— 3 —) standing apart by spaces in a crawler's text of a
# paged document; the words after it are checked apart (``_page_numbers_dropped``).
# The same number in a text stripped of every space (``…298813006325—4—临海市…年度报告申请人…``,
# group ``tight``): a dash-number-dash run straight into words. Between a row's cells it could be
# blank cells and a figure, so only where the words after it repeat more of the line (its running
# head, a group heading) and no row's label stands right before or after it.
_PAGE_MARK = re.compile(r"(?<=\s)[—–-] ?\d{1,4} ?[—–-] +(?=\S)|(?P<tight>[—–-]\d{1,3}[—–-](?=[\u4e00-\u9fff]))")
# A page's footer as a paged document prints it (第 4 页 共 5 页, 第4页/共5页).
_PAGE_OF = re.compile(r"第 ?[0-9]{1,4} ?页 ?[/，,]? ?共 ?[0-9]{1,4} ?页")
_REPEATED_HEAD = 6  # characters after the page number that must stand earlier in the line
# …holding a word: a row's dash cells repeat too (``2 — 1 — — — 3``: — 1 — is a blank cell, a
# figure and a blank cell, the dashes after it printed in the rows before).
_WORD = re.compile(r"[\u4e00-\u9fff]")
# …and after a tight one: a cell's citation repeats its first words (行政许可—8—第二十条第（五）项 after
# 第二十条第（一）项), a page's running head or a table's repeated group heading repeats more.
_TIGHT_HEAD = 10
_MAX_PAGE_MARKS = 100


@cache
def _label_end_pattern() -> re.Pattern[str]:
    return re.compile(f"(?:{_label_pattern().pattern})$")


def _label_before(line: str, at: int) -> bool:
    """Whether a table's label ends at ``at`` (行政强制—4—: the row's blank cells and its figure)."""
    return _label_end_pattern().search(line[max(0, at - _ROW_LABEL_SPAN) : at]) is not None


def _row_label_at(line: str, at: int) -> bool:
    """Whether a table's label starts at ``at`` with a cell after it (a row, not the group heading
    a page repeats over the rest of a table: ``三、本年度办理结果（五）不予处理``)."""
    match = _label_pattern().match(line, at)
    return match is not None and re.match(_CELL_START, line[match.end() : match.end() + 1].lstrip()) is not None


def _page_numbers_dropped(line: str) -> tuple[str, set[int]]:
    """``line`` without the page numbers a paged document left in it: ``…2.重复申请02—————02 — 3 —
    三、本年度办理结果（五）…``, where the next page repeats the table's header. Only a number the
    page's repeated words follow (words the line already printed before it): between cells of a
    row, ``— 3 —`` is two blank cells and a figure. Also where each stood in the line returned: a
    page ends there, so does the row before it (``行政规范性文件——— — 2 — 南屏市…年度报告``: its
    dash cells, not the running head after them, end the row)."""
    if "—" not in line and "-" not in line and "–" not in line:
        return line, set()
    out: list[str] = []
    done = 0
    for seen, match in enumerate(_PAGE_MARK.finditer(line)):
        if seen >= _MAX_PAGE_MARKS:
            break  # a report has some pages, not thousands: bounded work on hostile text
        span = _TIGHT_HEAD if match.group("tight") else _REPEATED_HEAD
        head = line[match.end() : match.end() + span]
        if len(head) == span and not head[0].isdigit() and _WORD.search(head) and head in line[: match.start()]:
            if match.group("tight") and (_row_label_at(line, match.end()) or _label_before(line, match.start())):
                continue  # a row's label after or before it: the dashes may be blank cells of a row
            out.append(line[done : match.start()])
            done = match.end()
    if not out:
        return line, set()
    breaks = set(itertools.accumulate(len(piece) for piece in out))
    out.append(line[done:])
    return "".join(out), breaks


def cut_run_on(line: str) -> list[str]:
    """The pieces of a run-on line: sentences, headings, and one label-plus-figures piece per row."""
    line, cuts = _page_numbers_dropped(line)
    for match in _heading_pattern().finditer(line):
        cuts.add(match.start())
        cuts.add(match.end())  # the heading alone on its line, as a page prints it
    # A section numbered 【四】 or 第四部分 starts a piece: after a row of dash cells (无 …) no
    # figure ends the row before it to cut after.
    cuts.update(match.start() for match in _NUMBERED_PART.finditer(line))
    title = line.find(REPORT_TITLE)
    if title >= 0:
        cuts.add(title + len(REPORT_TITLE))
    for match in re.finditer("[。；]", line):
        cuts.add(match.end())
    if "页" in line:
        # A paged document's footer (第 4 页 共 5 页) after a row's blank cells (———————): no
        # figure ends the row there to cut after, and the footer is no cell of it.
        cuts.update(match.start() for match in _PAGE_OF.finditer(line))
    cuts.update(_annex_caption_cuts(line))
    cuts.update(match.start() for match in _NOTE_OPENING.finditer(line))
    for match in _NUMBER.finditer(line):
        a, b = match.span()
        before = line[a - 1] if a else ""
        after = line[b] if b < len(line) else ""
        if before and _IDENTIFIER_BEFORE.match(before):
            continue
        if after in ".．、" and _CJK_START.match(line[b + 1 : b + 2].strip() or line[b + 1 :].lstrip()[:1]):
            # "…00000017252.其他法律…": the last digit numbers the next label; so it does with a
            # space after its stop (a gazette's "属于国家秘密 2. 其他法律…", "…11 5. 属于…").
            cuts.add(b - 1 if b - a > 1 else a)
        elif after in _PHRASE_AFTER:
            if after in "%％" and line[b + 1 : b + 2].isspace() and _label_at(line, b + 1):
                cuts.add(b + 1)  # "规章11206932195218426.0% 行政规范性文件…": a 同比 cell ends the row
            elif _long_label_at(line, b):
                cuts.add(b)  # "…数量1010024本年度办理结果": a label, not a unit (3本), follows
            continue
        elif after and _CJK_START.match(after):
            cuts.add(b)
        elif after.isspace() and (_after_space(line, b) or _long_label_at(line, b)):
            # "…95006223001008 （三）公开": a crawler kept a space where a cell ended; the next
            # row's label starts after it.
            cuts.add(b)
    pieces: list[str] = []
    for piece in _cut(line, cuts):
        if piece.endswith(("。", "；")) or _heading_pattern().fullmatch(piece):
            pieces.append(piece)  # a sentence or a heading: its words are not cells
        else:
            # Header cells and a row label after them (…对外公开总数量规章1473900): a line each,
            # a label keeping the figures after it.
            found = _numbering_forward(_cut(piece, {m.start() for m in _label_pattern().finditer(piece)}))
            pieces.extend(_signed_cell_cut(p) if _label_pattern().match(p) else p for p in found)
    return pieces


def _annex_caption_cuts(line: str) -> set[int]:
    """Where an annex's caption starts after a row of the table before it: after a space or blank
    cells (``四、结转下年度继续办理///////附表3政府信息…``, no figure to cut after), or straight after
    the row's label when its cells were left empty (``…继续办理附表3…``). Not a caption inside a
    sentence (详见附表1): a word that ends no row label stands before it there."""
    cuts: set[int] = set()
    for match in _ANNEX_CAPTION.finditer(line):
        at = match.start()
        if at and (line[at - 1] in _BLANK_CELL_ENDS or ends_with_request_row(line[max(0, at - _ROW_LABEL_SPAN) : at])):
            cuts.add(at)
    return cuts


# A row's item number set apart from its label by a space (``予以公开 (二) 部分公开…``, ``2. 其他
# 法律…``), or a bracketed one (（二）, （2）) run into the label or the blank cells (/, —) before
# (``予以公开(二)部分公开…``, ``重复申请///////（3）``): cut at the label, it ends the piece before
# (or stands alone); it belongs to the next.
# Lookbehinds, not a consumed run of spaces, and a bounded gap: linear on hostile runs of spaces.
_TRAILING_NUMBER = re.compile(
    r"(?:^|(?<=\s)|(?<=[\u4e00-\u9fff”/—]))([（(](?:[一二三四五六七八九十]{1,2}|\d{1,2})[)）])$|(?:^|(?<=\s))(\d{1,2}\s{0,3}[.．、])$"
)


_LEADING_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}\s*[.．、])\s*")


# A section's bare numeral, no 、 after it (a sheet saved as a page: ``二上年结转…数量-------
# 三本年度办理结果``), left at the end of a row of blank cells (after them, or a space): no figure
# ends that row to cut after, so the cut at the next label leaves the numeral in the row.
_TRAILING_NUMERAL = re.compile(r"(?<=[\s\-—―/／])[一二三四五六七八九十]{1,2}$")


def _numbering_forward(found: list[str]) -> list[str]:
    """``found`` with an item number that ends a piece moved to the start of the next (a bare
    section numeral set on a piece of its own, as one before its label's first figure is)."""
    out = list(found)
    for i in range(len(out) - 1):
        match = _TRAILING_NUMBER.search(out[i])
        if match is not None:
            out[i] = out[i][: match.start()].rstrip()
            out[i + 1] = f"{match.group(1) or match.group(2)} {out[i + 1]}"
    numerals: list[str] = []
    for i, piece in enumerate(out):
        bare = _TRAILING_NUMERAL.search(piece) if i < len(out) - 1 and _label_pattern().match(out[i + 1]) else None
        numerals.extend((piece[: bare.start()].rstrip(), bare.group()) if bare else (piece,))
    return [piece for piece in numerals if piece]


# A minus sign between the figures run together after a row label (行政强制76-38844: 本年增/减
# printed -3 after 76; 行政处罚33,507-48,458 with separators): the sign starts a cell, never a
# range or a phone number here. An em dash there (规章4—8) is a minus sign or a blank cell printed
# as —; table 二 decides which (``active.prints_dash_cells``).
# A label's figures ending in one signed cell, or two (本年增/减 run into this year's figure, then a
# comparison column's 增减: ``行政强制8-21921-2``), and any slash cells after it (a zero printed as
# 无, written / by ``zero_words``: ``行政许可7－2/``; a slash is never a sign).
_SIGNED_CELL = re.compile(r"(?<=[\u4e00-\u9fff）)])(\d[\d,，]*)([-−－—]\d[\d,，]*)([-−－—]\d[\d,，]*)?([/／]{1,8})?$")


def _signed_cell_cut(piece: str) -> str:
    """``piece`` (a row label and its figures) with a signed cell ending it set apart. Not an em
    dash after a row of table 三 (没有现成信息需要另行制作211—5742229): that table holds no
    negative figure, so the dash (or a hyphen, 8-1,250) is a blank cell inside the run (``text``
    reads it so); set apart, it would be read as the sign of the figures after it. So after a
    group of table 四 set as a row (未经复议直接起诉2472—33: its groups down the first column), and
    after a header's 总计 (table 四 set flat: its fifteen counts after the header)."""
    match = _SIGNED_CELL.search(piece)
    if match is None:
        return piece
    head = piece[: match.start()]
    if match.group(2)[0] in "—-" and (
        ends_with_request_row(head) or ends_with_appeal_group(head) or head.endswith(_TOTAL)
    ):
        return piece
    signed = (g for g in match.groups()[1:3] if g)
    return " ".join((f"{piece[: match.start()]}{match.group(1)}", *signed, *(match.group(4) or "")))


_SPACES = re.compile(r"\s*")
_LONG_LABEL = 4  # a label this long after a figure is a row's start, even where its first character may be a unit


def _long_label_at(line: str, end: int) -> bool:
    """Whether a table's label of ``_LONG_LABEL`` characters or more starts at ``end``, after any
    spaces (``本年度办理结果``: its 本 also a unit, ``3本``)."""
    match = _label_pattern().match(line, _SPACES.match(line, end).end())  # type: ignore[union-attr]
    return match is not None and len(match.group()) >= _LONG_LABEL


def _label_at(line: str, end: int) -> bool:
    """Whether a table's label starts at ``end``, after any spaces."""
    return _label_pattern().match(line, _SPACES.match(line, end).end()) is not None  # type: ignore[union-attr]


def _after_space(line: str, end: int) -> bool:
    """Whether the first character after the spaces at ``end`` starts a label (not a phrase's
    unit: ``682 件``)."""
    rest = line[end:].lstrip()
    return bool(rest) and rest[0] not in _PHRASE_AFTER and bool(_CJK_START.match(rest))


def _cut(line: str, cuts: set[int]) -> list[str]:
    pieces: list[str] = []
    start = 0
    for cut in sorted(c for c in cuts if 0 < c < len(line)):
        piece = line[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def unrun(lines: list[str]) -> list[str]:
    """``lines`` with every run-on line cut into pieces (other lines as they are)."""
    run_on = [i for i, line in enumerate(lines) if len(line) >= _MIN_LENGTH and is_run_on(line)]
    if not run_on:
        return lines
    out: list[str] = []
    done = 0
    for i in run_on:
        out.extend(lines[done:i])
        out.extend(cut_run_on(lines[i]))
        done = i + 1
    out.extend(lines[done:])
    return out


# ---------------------------------------------------------------------------------------------
# Paragraphs of a PDF-to-Markdown file that hold a table (no pipes)
# ---------------------------------------------------------------------------------------------

_EMPHASIS = re.compile(r"\*\*|__")
_MIN_TABLE_ROWS = 2  # label-plus-figures pieces that make a paragraph a table by themselves
_MIN_HEADER_CELLS = 2  # or header labels before a single such piece


def _row_piece(piece: str) -> bool:
    """A label of the tables followed by nothing but figures (``规章 17543 1634 40009``), its item
    number before it or not (``2. 重复申请 37 1 3 4 45``)."""
    piece = _LEADING_NUMBER.sub("", piece)
    match = _label_pattern().match(piece)
    if match is None:
        return False
    rest = piece[match.end() :].split()
    return bool(rest) and all(_NUMBER.fullmatch(part) or part in ("-", "—", "/") for part in rest)


def table_paragraph(line: str) -> list[str] | None:
    """The rows of a paragraph a PDF-to-Markdown converter made of a rule-less table (``信息内容
    本年制发件数本年废止件数现行有效件数 规章 17543 1634 40009 行政规范性文件 46033 2462 46033``),
    cut as a crawler's run-on line is cut; None if the paragraph is not one (prose, a heading, a
    pipe row). A table paragraph holds two rows of a label and its figures, or a row and header
    cells (or nothing but labels beside it); sentences in it stay whole."""
    if "|" in line or not _FIGURE_AFTER_SPACE.search(line):
        return None
    text = _EMPHASIS.sub(" ", line).strip().lstrip("#").strip()
    pieces = cut_run_on(text)
    if len(pieces) < 2:
        return None
    rows = sum(1 for piece in pieces if _row_piece(piece))
    headers = sum(1 for piece in pieces if _label_pattern().fullmatch(piece))
    if rows >= _MIN_TABLE_ROWS or (rows and (headers >= _MIN_HEADER_CELLS or rows + headers == len(pieces))):
        return pieces
    return None


_FIGURE_AFTER_SPACE = re.compile(r"[\u4e00-\u9fff）)”]\s*[-−－]?\d")


# A paragraph of header cells and one row of figures after them (table 四 flattened: ``未经复议直接
# 起诉 复议后起诉 结果 结果 其他 尚未 总计 … 维持 纠正 结果 审结 15 4 2 4 25 …``).
_FIGURE_WORD = re.compile(r"[-−－]?\d+(?:[.．]\d+)?")
_MIN_TRAILING_FIGURES = 5
_MIN_HEADER_LABELS = 2  # header labels of the tables the words before the figures must hold
_SENTENCE = re.compile(r"[。，,；;：:、]")


def header_then_figures(line: str) -> list[str] | None:
    """A paragraph a PDF-to-Markdown converter made of a table's header cells and the one row of
    figures under them, cut into the header words and the figures (each a line, so the figures
    are read as a row); None if the paragraph is not one. The words before the figures hold no
    figure and no punctuation of a sentence, and at least two of the tables' header labels."""
    if "|" in line:
        return None
    text = _EMPHASIS.sub(" ", line).strip()
    start = _trailing_figures(text)
    if not start:
        return None
    words = text[:start]
    if _SENTENCE.search(words) or re.search(r"\d", words) or _heading_pattern().search(words):
        return None
    if len({m.group() for m in _label_pattern().finditer(words)}) < _MIN_HEADER_LABELS:
        return None
    # Every word a piece of a label (a header cell's lines come apart: 结果 / 维持): no prose.
    if not all(_label_piece(word) for word in re.findall(r"[\u4e00-\u9fff]+", words)):
        return None
    return [words.strip(), "", text[start:].strip()]


def _trailing_figures(text: str) -> int | None:
    """Where the run of at least five space-separated figures that ends ``text`` begins (at the
    spaces before it), None if none. Walked word by word from the end (a regular expression for it
    backtracked quadratically on long runs of figures)."""
    words = list(re.finditer(r"\S+", text))
    k = len(words)
    while k and _FIGURE_WORD.fullmatch(words[k - 1].group()):
        k -= 1
    if len(words) - k < _MIN_TRAILING_FIGURES or words[k].start() == 0:
        return None
    return words[k - 1].end() if k else 0


@cache
def _label_piece(word: str) -> bool:
    """Whether ``word`` is (a piece of) a label the tables print."""
    return any(word in label for label in _labels())


def cut_table_paragraphs(lines: list[str]) -> list[str]:
    """``lines`` with every table paragraph (see ``table_paragraph``) cut into its rows, and every
    paragraph of header cells over one row of figures (``header_then_figures``) into the two."""
    out: list[str] = []
    for line in lines:
        pieces = request_paragraph_rows(line)  # table 三's rows, their labels wrapped around the figures
        if pieces is None:
            pieces = table_paragraph(line)
        if pieces is None:
            pieces = header_then_figures(line)
        out.extend(pieces if pieces is not None else [line])
    return out
