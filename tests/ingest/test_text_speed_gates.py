"""The text reader's speed gates (session 15): each skips work only where that work could change
nothing, checked against the code it stands in front of on drawn inputs and on every real text
the tests hold."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from gongkai.ingest import (
    encoding,
    heads_above,
    markers,
    share_text,
    tail_first,
    text,
    transposed,
    vertical_labels,
    wrapped_digits,
    wrapped_rows,
)
from gongkai.ingest.cell_lines import cell_lines, is_blank_separated
from gongkai.ingest.document import Cell, Document, TableBlock
from gongkai.ingest.line_kinds import line_kind
from gongkai.ingest.shares import is_percent
from gongkai.ingest.wrapped_labels import better_reading
from tests.ingest.test_read_speed_gates import _real_texts

_WRAPPED_PASSES = (
    tail_first.rows_with_tail_first,
    wrapped_digits.rows_wrapped_around,
    wrapped_digits.rows_with_split_figures,
    wrapped_digits.rows_with_wrapped_digits,
    wrapped_digits.rows_with_tails_further_down,
    heads_above.rows_with_heads_above,
)


def _drawn(draw: random.Random, alphabet: str, longest: int) -> str:
    return "".join(draw.choice(alphabet) for _ in range(draw.randint(0, longest)))


# --- share_text ---------------------------------------------------------------------------------


def test_glued_shares_are_the_matches_of_a_scan_of_every_character() -> None:
    draw = random.Random(15)
    for _ in range(20_000):
        line = _drawn(draw, "0123456789" * 3 + ".%％ ,，．a中\n", 40)
        old = [m.span() for m in list(share_text._GLUED.finditer(line))[: share_text._MAX_GLUED]]
        assert [m.span() for m in share_text._glued_shares(line)] == old, line
    run_on = "申请数量351710141570620100.0%其他1234567890.5%"
    assert [m[0] for m in share_text._glued_shares(run_on)] == ["351710141570620100.0%", "1234567890.5%"]


# --- share_text: lines with no share nor share title not tokenised ------------------------------
# The code as it was before the gate (session 15, h-ptx11), every line looked at.


def _old_rows_of_shares(lines: list[str]) -> set[int]:
    """Lines of shares alone in runs where one holds several (a 其中：占比 row's cells, wrapped):
    a run of single shares, one a line, is a table of shares' column (a channel table's 占比)."""
    out: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        tokens = share_text._TOKEN.findall(line)
        if tokens and all(share_text._kind(t) in ("%", "-") for t in tokens) and any(is_percent(t) for t in tokens):
            run.append(i)
            continue
        if any(sum(is_percent(t) for t in share_text._TOKEN.findall(lines[j])) > 1 for j in run):
            out.update(run)
        run = []
    return out


def _old_lines_without_shares(lines: list[str]) -> list[str]:
    out: list[str | None] = []
    ended: list[bool | None] = []  # per line: its figures ended in a percentage (None: no figures)
    rows_of_shares = _old_rows_of_shares(lines)
    for i, line in enumerate(lines):
        tail = share_text._tail(line)
        kinds = [kind for _m, kind in tail]
        if "%" not in kinds:
            alone = len(share_text._TOKEN.findall(line)) == 1
            new = (
                line
                if alone and not line.strip().startswith(share_text._ROW_OF_SHARES)
                else share_text._titles_blanked(line)
            )
            out.append(new if new.strip() or not line.strip() else None)  # (a bare title alone: kept)
            ended.append(None if not tail or alone else False)  # (a lone figure: no row's end)
            continue
        counts = "n" in kinds
        if not counts and len(tail) == len(share_text._TOKEN.findall(line)) and i not in rows_of_shares:
            # shares one a line: a column of a table of shares of its own, left; under a bare
            # share title, a table's 占比 column printed apart from its rows (pdftotext), gone
            ends_row = share_text._ends_a_row(lines, i)
            out.append(None if ends_row or share_text._printed_apart(lines, i, ended) else line)
            ended.append(True if ends_row else None)  # a row's share: a share row's end
            continue
        gone = [m for m, kind in tail if kind == "%" or (not counts and kind == "-")]
        new = share_text._titles_blanked(share_text._blanked(line, gone))
        ended.append(True if counts and kinds[-1] == "%" else None)
        out.append(new if new.strip() else None)  # a line of shares alone goes
    for i, kept in enumerate(out):
        if kept is None:
            continue
        if (
            kept.strip() in share_text._DASHES
            and share_text._ends_a_row(lines, i)
            and share_text._near_share_row(ended, i)
        ):
            out[i] = ""  # a dash a line after a row's seven figures: the share of a row with none
            continue
        tail = share_text._tail(kept)
        if len(tail) < 2 or tail[-1][1] != "-" or tail[-2][1] != "n":
            continue
        if share_text._near_share_row(ended, i):
            out[i] = share_text._blanked(kept, [tail[-1][0]])
    return [line for line in out if line is not None]


def test_lines_without_shares_as_when_every_line_was_looked_at() -> None:
    draw = random.Random(15)
    cells = [
        "12",
        "0",
        "—",
        "-",
        "/",
        "64.2%",
        "100.0%",
        "0.0%",
        "占比",
        "其中：占比",
        "比例",
        "合计",
        "规章",
        "",
        "  ",
    ]
    for _ in range(4_000):
        lines = [" ".join(draw.choice(cells) for _ in range(draw.randint(0, 7))) for _ in range(draw.randint(1, 12))]
        assert share_text._lines_without_shares(lines) == _old_lines_without_shares(lines), lines
    for real in _real_texts():
        if "%" in real or "％" in real:
            lines = real.split("\n")
            assert share_text._lines_without_shares(lines) == _old_lines_without_shares(lines)


# --- the four wrapped-figure passes ---------------------------------------------------------------


def _laid_out_lines(draw: random.Random) -> list[str]:
    """Lines as pdftotext lays a table out: labels, figures (a row's sums holding or not), dashes,
    tabs, a figure wrapped onto the next line."""
    lines = []
    for _ in range(draw.randint(1, 6)):
        figures = [draw.randint(0, 40) for _ in range(draw.choice([2, 4, 6]))]
        row = [*map(str, figures), str(sum(figures))]
        if draw.random() < 0.3:
            row[draw.randrange(len(row))] = draw.choice(["—", "-", "/"])
        tails = []
        if draw.random() < 0.5:
            k = draw.randrange(len(row))
            if len(row[k]) > 1:
                row[k], tail = row[k][:-1], row[k][-1]
                tails.append(tail)
        sep = draw.choice([" ", "  ", "\t", "\u3000"])
        lines.append(draw.choice(["", "规章 ", "2.重复申请  "]) + sep.join(row) + draw.choice(["", " "]))
        if tails:
            lines.append(draw.choice(["", "办理结果 "]) + " ".join(tails))
        if draw.random() < 0.3:
            lines.append(draw.choice(["", "总计", "6", "12 3", "件"]))
    return lines


def test_wrapped_figure_passes_change_nothing_where_the_gate_is_closed() -> None:
    draw = random.Random(15)
    samples = [_laid_out_lines(draw) for _ in range(3_000)]
    samples += [real.split("\n") for real in _real_texts()]
    opened = 0
    for lines in samples:
        old = lines
        for fix in _WRAPPED_PASSES:
            old = fix(old)
        assert wrapped_rows.rows_with_wrapped_figures(lines) == old, lines
        if wrapped_rows._TWO_CELLS_END.search("\n".join(lines)) is None:
            assert all(fix(lines) == lines for fix in _WRAPPED_PASSES), lines
        else:
            opened += 1
    assert 0 < opened < len(samples)


def test_a_tab_table_text_runs_none_of_the_wrapped_figure_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(lines: list[str]) -> list[str]:
        raise AssertionError("a pass ran on a text with no line ending in two cells")

    for name in (
        "rows_with_tail_first",
        "rows_wrapped_around",
        "rows_with_split_figures",
        "rows_with_wrapped_digits",
        "rows_with_heads_above",
    ):
        monkeypatch.setattr(wrapped_rows, name, refuse)
    monkeypatch.setattr(wrapped_rows, "rows_with_tails_further_down", refuse)
    data = "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t3\n".encode()
    document = text.read_text(Path("report.txt"), data)
    assert [cell.text for cell in document.tables[0].rows[-1]] == ["规章", "0", "0", "3"]


# --- markers, vertical labels --------------------------------------------------------------------


def test_star_after_figure_as_the_marker_pattern_finds_it() -> None:
    star = re.compile(rf"[{markers._DIGIT}][ \t]*(?:<br>)?[ \t]*\*")
    draw = random.Random(15)
    for _ in range(20_000):
        line = _drawn(draw, "1５ \t*<br>a", 12)
        assert markers._star_after_figure(line) == (star.search(line) is not None), line


def test_drop_in_text_gate_is_closed_only_where_no_mark_is() -> None:
    draw = random.Random(15)
    for _ in range(20_000):
        line = _drawn(draw, "12 *注①¹\n<br>a", 10)
        closed = markers._MARK_GLYPH.search(line) is None and markers._NOTE_DIGIT.search(line) is None
        if closed and not markers._star_after_figure(line):
            assert markers._ANY.search(line) is None and markers._LONE_LINE.search(line) is None, line
            assert markers.drop_in_text(line) == line


def test_vertical_gate_finds_what_the_line_start_pattern_finds() -> None:
    old = re.compile(r"(?m)^\S(?: \S)?\n\S(?: \S)?\n\S(?: \S)?$")
    draw = random.Random(15)
    for _ in range(20_000):
        lines = _drawn(draw, "六本 \n供a\t", 12).split("\n")
        new = vertical_labels._VERTICAL.search("\n".join(["", *lines])) is not None
        assert new == (old.search("\n".join(lines)) is not None), lines
    for real in _real_texts():
        lines = real.split("\n")
        assert (vertical_labels._VERTICAL.search("\n".join(["", *lines])) is None) == (old.search(real) is None)


# --- a table printed a cell a line; transposed table 二 -----------------------------------------


def test_no_loose_reading_where_the_lines_are_blank_separated_already() -> None:
    lines = ["规章", "", "5", "", "行政规范性", "文件", "", "12", "", "其他", "", "3", "", "合计", "", "20", ""]
    lines += ["备注", "", "0", ""]
    kinds = [line_kind(line) for line in lines]
    assert is_blank_separated(kinds) and is_blank_separated(kinds, loose=True)
    reads: list[bool] = []

    def read(loose: bool = False) -> object:
        reads.append(loose)
        return cell_lines(lines, 0, len(lines), kinds, loose)

    blocks = list(better_reading(read, kinds))
    assert reads == [False]  # the loose reading would be the same blocks: not made
    rows = [[c.text for c in row] for row in blocks[0].rows]
    assert rows == [["规章", "5"], ["行政规范性\n文件", "12"], ["其他", "3"], ["合计", "20"], ["备注", "0"]]


def test_a_table_no_row_of_which_names_two_items_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("a table with no item header was searched for a transposed block")

    monkeypatch.setattr(transposed, "runs_untransposed", refuse)
    rows = [[Cell("信息内容", "a"), Cell("本年制发件数", "b")], [Cell("规章", "c"), Cell("3", "d")]]
    document = Document(source="x", format="text", blocks=[TableBlock(rows, "t")])
    assert transposed.untransposed(document).tables[0].rows == rows
    header = [Cell("信息内容", "a"), Cell("规章", "b"), Cell("行政规范性文件", "c")]
    rows = [header, [Cell("本年制发件数", "d"), Cell("3", "e"), Cell("4", "f")]]
    with pytest.raises(AssertionError):  # a row naming two items: searched
        transposed.untransposed(Document(source="x", format="text", blocks=[TableBlock(rows, "t")]))


def test_control_characters_counted_as_by_the_regex() -> None:
    control = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

    def old(line: str) -> bool:
        return not line or len(control.findall(line[:20_000])) * 100 <= len(line[:20_000])

    draw = random.Random(15)
    alphabet = [chr(c) for c in range(0x80)] + ["中", "\ud800", "\U0001f600", "\x85", "\u2028"]
    for _ in range(20_000):
        line = "".join(draw.choice(alphabet) if draw.random() < 0.3 else "a" for _ in range(draw.randint(0, 300)))
        assert encoding._looks_like_text(line) == old(line), repr(line)
