"""Issue 9: a cell a PDF-to-Markdown converter set on a line of its own, on real converter output.

The inputs are the Markdown pymupdf4llm and markitdown made of reports gongkai rendered
(``wild/fixtures``). In each, the last figure of a table row is moved to a line of its own,
after its row or before it, as converters do when they lose a cell's column; the report must
still read right cell by cell, and a table 四 that lost a figure for good must be flagged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .wild.scoring import FIXTURES, GOLD, SCORER, _flagged, read_fixture, scorer

_LAST_FIGURE = re.compile(r"\|\s*(-?\d+)\s*\|\s*$")
CONVERTERS = ("pymupdf4llm", "markitdown")


def _variants(text: str, where: str) -> list[str]:
    """The text with one row's last figure on a line of its own, for every third such row."""
    lines = text.split("\n")
    rows = [i for i, line in enumerate(lines) if line.startswith("|") and _LAST_FIGURE.search(line)]
    out = []
    for i in rows[::3]:
        match = _LAST_FIGURE.search(lines[i])
        assert match is not None
        short = lines[i][: match.start()] + "|"
        moved = [short, match.group(1)] if where == "after" else [match.group(1), short]
        out.append("\n".join([*lines[:i], *moved, *lines[i + 1 :]]))
    return out


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("where", ["after", "before"])
@pytest.mark.parametrize("converter", CONVERTERS)
def test_a_figure_on_a_line_of_its_own_goes_back_to_its_row(tmp_path: Path, converter: str, where: str) -> None:
    failures: list[str] = []
    unflagged: list[str] = []
    tried = 0
    for source in sorted((FIXTURES / converter).iterdir())[::2]:
        gold = json.loads((GOLD / f"{source.stem}.json").read_text(encoding="utf-8"))
        for number, text in enumerate(_variants(source.read_text(encoding="utf-8"), where)):
            path = tmp_path / f"{source.stem}-{number}.md"
            path.write_text(text, encoding="utf-8")
            pred = read_fixture(path)
            _, wrong, missing, *_ = scorer().score(gold, pred)
            tried += 1
            if wrong or missing:
                failures.append(f"{path.name}: {[c for c, *_ in wrong + missing][:4]}")
            unflagged += [f"{path.name}: {c}" for c, *_ in wrong if not _flagged(c, pred.get("uncertain", []))]
    assert tried >= 40
    assert not unflagged, unflagged[:10]
    assert len(failures) * 50 <= tried, f"{len(failures)} of {tried} readings imperfect:\n" + "\n".join(failures[:10])


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
def test_a_table_four_figure_lost_for_good_is_flagged(tmp_path: Path) -> None:
    """Table 四 with its last figure gone: fourteen figures after a blank layout cell cannot be
    placed; whatever is read, every wrong cell is named in uncertain."""
    stem = "synth-2021-large"
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    lines = (FIXTURES / "markitdown" / f"{stem}.md").read_text(encoding="utf-8").split("\n")
    last = max(i for i, line in enumerate(lines) if line.startswith("|") and _LAST_FIGURE.search(line))
    match = _LAST_FIGURE.search(lines[last])
    assert match is not None
    lines[last] = lines[last][: match.start()] + "|"
    path = tmp_path / f"{stem}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    pred = read_fixture(path)
    _, wrong, _, *_ = scorer().score(gold, pred)
    assert not [c for c, *_ in wrong if not _flagged(c, pred["uncertain"])]
