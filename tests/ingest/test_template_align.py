"""Issue 9: table 三 rows whose labels are damaged or missing, and the 2019 其他处理 row in a
2021 report, on real converter output and real PDFs.

The inputs are the Markdown that pymupdf4llm and markitdown made of reports gongkai rendered
(``wild/fixtures``), with the row labels then damaged the way PDFs and OCR damage them (a
character dropped, one misread as a look-alike, the label gone), and the PDFs of
``mixed_template/`` (made by its ``generate.py``). Every cell must read right, or be null, or be
named in ``uncertain``; a row placed without its own label must be named there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from gongkai.ingest.template_align import MIN_SIMILARITY, align_gap, similarity
from gongkai.report.labels import bare_label_key
from gongkai.report.templates import OTHER_HANDLING, TEMPLATE_2019, TEMPLATE_2021, TEMPLATES

from .corpus import GOLD as CORPUS_GOLD
from .corpus import need_corpus
from .wild.scoring import FIXTURES, GOLD, SCORER, _flagged, read_fixture, scorer

MIXED = Path(__file__).resolve().parent / "mixed_template"
# Characters a PDF font or OCR turns into another (the first of each pair into the second).
LOOKALIKE = {
    "密": "蜜",
    "类": "粪",
    "复": "夏",
    "申": "甲",
    "政": "攻",
    "信": "言",
    "理": "埋",
    "开": "幵",
    "务": "各",
    "护": "沪",
    "法": "去",
    "要": "耍",
    "不": "下",
    "予": "子",
    "处": "外",
}
SAMPLES = ("002_7c7920e851bb8139", "synth-2019-large", "synth-2021-large", "shuyang-fgj-2023")
CONVERTERS = ("pymupdf4llm", "markitdown")


def _labels(template_id: str) -> list[tuple[str, str]]:
    """(row key, printed label) of the table 三 rows long enough to damage."""
    return [(row.key, row.label) for row in TEMPLATES[template_id].request_rows if len(row.label) >= 4]


def _dropped(label: str) -> str:
    at = len(label) // 2
    return label[:at] + label[at + 1 :]


def _misread(label: str) -> str:
    """One character read as its look-alike (or, with none, as the box of a missing glyph)."""
    order = [*range(len(label) // 2, len(label)), *range(len(label) // 2)]
    at = next((i for i in order if label[i] in LOOKALIKE), len(label) // 2)
    return label[:at] + LOOKALIKE.get(label[at], "口") + label[at + 1 :]


def _removed(label: str) -> str:
    return ""


DAMAGE = {"dropped": _dropped, "misread": _misread, "removed": _removed}


def _check(path: Path, gold: dict[str, Any], pred: dict[str, Any]) -> list[str]:
    _, wrong, missing, *_ = scorer().score(gold, pred)
    uncertain = pred.get("uncertain", [])
    return [
        f"{'.'.join(map(str, cell))}: gold {expected!r} read {got!r}"
        for cell, expected, got in wrong
        if not _flagged(cell, uncertain)
    ] + [f"{'.'.join(map(str, cell))}: gold {expected!r} missing" for cell, expected in missing]


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("damage", DAMAGE)
@pytest.mark.parametrize("converter", CONVERTERS)
def test_damaged_row_labels_still_name_their_rows(tmp_path: Path, converter: str, damage: str) -> None:
    """Each long table 三 label damaged in turn: the row is still read, every cell right (or
    flagged), and a row found by anything less than its exact label is named in uncertain."""
    failures: list[str] = []
    tried = 0
    for stem in SAMPLES:
        source = (FIXTURES / converter / f"{stem}.md").read_text(encoding="utf-8")
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        for key, label in _labels(gold["template"]):
            if label not in source:
                continue  # wrapped over lines by the converter: no single place to damage
            damaged = DAMAGE[damage](label)
            path = tmp_path / f"{stem}.md"
            path.write_text(source.replace(label, damaged), encoding="utf-8")
            pred = read_fixture(path)
            tried += 1
            problems = _check(path, gold, pred)
            if not any(str(u.get("cell")) == f"requests.{key}" for u in pred.get("uncertain", [])):
                problems.append(f"requests.{key} not named in uncertain")
            if problems:
                failures.append(f"{stem} {label} → {damaged or '(none)'}: {problems[:3]}")
    assert tried >= 40
    assert not failures, f"{len(failures)} of {tried}:\n" + "\n".join(failures[:10])


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("converter", CONVERTERS)
def test_two_neighbouring_rows_without_labels_are_placed_by_position(tmp_path: Path, converter: str) -> None:
    """Two adjacent rows lose their labels: both lie between named rows, in template order."""
    stem = "synth-2021-large"
    source = (FIXTURES / converter / f"{stem}.md").read_text(encoding="utf-8")
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    rows = TEMPLATE_2021.request_rows
    first = next(i for i, row in enumerate(rows) if row.key == "denied_third_party")
    for row in rows[first : first + 2]:
        source = source.replace(row.label, "")
    path = tmp_path / f"{stem}.md"
    path.write_text(source, encoding="utf-8")
    pred = read_fixture(path)
    assert not _check(path, gold, pred)
    named = {str(u.get("cell")) for u in pred["uncertain"]}
    assert {f"requests.{row.key}" for row in rows[first : first + 2]} <= named
    assert pred["requests"]["denied_third_party"] == gold["requests"]["denied_third_party"]


def test_similarity_tolerates_a_character_dropped_or_misread() -> None:
    for row in TEMPLATE_2019.request_rows + TEMPLATE_2021.request_rows:
        key = bare_label_key(row.label)
        if len(key) < 5:
            continue
        assert similarity(_dropped(key), key) >= MIN_SIMILARITY
        assert similarity(_misread(key), key) >= MIN_SIMILARITY


def test_a_damaged_label_is_placed_on_its_row_not_its_neighbour() -> None:
    """Within a gap of several missing rows, each damaged label goes to the row it resembles."""
    rows = [row for row in TEMPLATE_2019.request_rows if row.group == "（三）不予公开"]
    keys = [[bare_label_key(label) for label in row.labels] for row in rows]
    damaged = [_misread(bare_label_key(rows[5].label)), _dropped(bare_label_key(rows[2].label))]
    placements = align_gap([damaged[1], damaged[0]], keys)  # in printed order: row 2, then row 5
    assert [(p.item, p.row) for p in placements] == [(0, 2), (1, 5)]


def _mixed(case: str, kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    expected = json.loads((MIXED / f"{case}.expected.json").read_text(encoding="utf-8"))
    return expected, read_fixture(MIXED / f"{case}.{kind}")


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("kind", ["pdf", "pymupdf4llm.md", "markitdown.md"])
def test_2019_other_row_in_a_2021_report_all_zero(kind: str) -> None:
    expected, pred = _mixed("mixed-zero", kind)
    assert pred["template"] == "2021"
    assert not _check(MIXED, expected, pred)
    parts = [row.key for row in TEMPLATE_2021.request_rows if row.group == OTHER_HANDLING]
    assert all(pred["requests"][key] == [0] * 7 for key in parts)


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("kind", ["pdf", "pymupdf4llm.md", "markitdown.md"])
def test_2019_other_row_in_a_2021_report_with_figures_keeps_the_sum(kind: str) -> None:
    """The sub-rows cannot be told apart: null, each named in uncertain, the printed sum kept."""
    expected, pred = _mixed("mixed-sum", kind)
    assert not _check(MIXED, expected, pred)
    parts = [row.key for row in TEMPLATE_2021.request_rows if row.group == OTHER_HANDLING]
    assert all(pred["requests"][key] == [None] * 7 for key in parts)
    named = {str(u.get("cell")): u for u in pred["uncertain"]}
    assert all(f"requests.{key}" in named for key in parts)
    need_corpus()
    source = json.loads(next(CORPUS_GOLD.glob("000*.json")).read_text(encoding="utf-8"))
    printed = source["requests"]["other"]  # the case's 其他处理 row comes from this gold report
    assert any(u.get("value") == printed for u in pred["uncertain"])


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("damage", ["dropped", "misread"])
@pytest.mark.parametrize("converter", CONVERTERS)
def test_damaged_table_two_labels_still_name_their_rows(tmp_path: Path, converter: str, damage: str) -> None:
    """Table 二's row labels (行政许可, 规范性文件 …) damaged in turn: read, and flagged."""
    failures: list[str] = []
    tried = 0
    for stem in SAMPLES:
        source = (FIXTURES / converter / f"{stem}.md").read_text(encoding="utf-8")
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        for row in TEMPLATES[gold["template"]].active_rows:
            if len(row.label) < 4 or row.label not in source:
                continue
            damaged = DAMAGE[damage](row.label)
            path = tmp_path / f"{stem}.md"
            path.write_text(source.replace(row.label, damaged), encoding="utf-8")
            pred = read_fixture(path)
            tried += 1
            problems = _check(path, gold, pred)
            if not any(str(u.get("cell")) == f"active.{row.key}" for u in pred.get("uncertain", [])):
                problems.append(f"active.{row.key} not named in uncertain")
            if problems:
                failures.append(f"{stem} {row.label} → {damaged}: {problems[:3]}")
    assert tried >= 15
    assert not failures, f"{len(failures)} of {tried}:\n" + "\n".join(failures[:10])


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("converter", CONVERTERS)
def test_a_row_whose_whole_label_cell_is_gone_is_placed_by_position(tmp_path: Path, converter: str) -> None:
    """The printed label with its numbering removed (``一、本年新收…`` gone, its cell empty):
    the row of figures is no longer glued to the row above it, and is placed between the rows
    named around it, named in uncertain."""
    failures: list[str] = []
    tried = 0
    for stem in SAMPLES:
        source = (FIXTURES / converter / f"{stem}.md").read_text(encoding="utf-8")
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        for row in TEMPLATES[gold["template"]].request_rows:
            if row.printed not in source:
                continue
            path = tmp_path / f"{stem}.md"
            path.write_text(source.replace(row.printed, ""), encoding="utf-8")
            pred = read_fixture(path)
            tried += 1
            problems = _check(path, gold, pred)
            if not any(str(u.get("cell")) == f"requests.{row.key}" for u in pred.get("uncertain", [])):
                problems.append(f"requests.{row.key} not named in uncertain")
            if problems:
                failures.append(f"{stem} {row.printed}: {problems[:3]}")
    assert tried >= 40
    assert not failures, f"{len(failures)} of {tried}:\n" + "\n".join(failures[:10])


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
def test_an_unlabeled_row_is_not_guessed_when_its_position_does_not_decide(tmp_path: Path) -> None:
    """One row loses its label and the row after it is not printed at all: two template rows are
    missing between the named neighbours and one row of figures has no label, so nothing says
    which row it is. Both rows stay unknown and named in uncertain; nothing is guessed."""
    stem = "synth-2021-large"
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    lines = (FIXTURES / "markitdown" / f"{stem}.md").read_text(encoding="utf-8").split("\n")
    rows = TEMPLATE_2021.request_rows
    first = next(i for i, row in enumerate(rows) if row.key == "denied_prohibited_by_law")
    unlabeled, dropped = rows[first], rows[first + 1]
    lines = [line for line in lines if dropped.label not in line]
    text = "\n".join(lines).replace(unlabeled.label, "")
    path = tmp_path / f"{stem}.md"
    path.write_text(text, encoding="utf-8")
    pred = read_fixture(path)
    for row in (unlabeled, dropped):
        assert pred["requests"][row.key] == [None] * 7
        assert any(str(u.get("cell")) == f"requests.{row.key}" for u in pred["uncertain"])
    gold["requests"][unlabeled.key] = gold["requests"][dropped.key] = [None] * 7
    assert not _check(path, gold, pred)


@pytest.mark.skipif(not SCORER.exists(), reason=f"the shared scorer is not at {SCORER}")
@pytest.mark.parametrize("converter", CONVERTERS)
def test_a_table_two_row_whose_label_cell_is_empty_is_placed_by_position(tmp_path: Path, converter: str) -> None:
    """A table 二 row label cell emptied (the label pulled out of the table): its figures were
    read into the row above it, silently; now it is placed between its named neighbours."""
    failures: list[str] = []
    tried = 0
    for stem in SAMPLES:
        source = (FIXTURES / converter / f"{stem}.md").read_text(encoding="utf-8")
        gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
        for row in TEMPLATES[gold["template"]].active_rows:
            text = re.sub(r"\|\s*" + re.escape(row.label) + r"\s*\|", "|  |", source)
            if text == source:
                continue
            path = tmp_path / f"{stem}.md"
            path.write_text(text, encoding="utf-8")
            pred = read_fixture(path)
            tried += 1
            problems = _check(path, gold, pred)
            if not any(str(u.get("cell")) == f"active.{row.key}" for u in pred.get("uncertain", [])):
                problems.append(f"active.{row.key} not named in uncertain")
            if problems:
                failures.append(f"{stem} {row.label}: {problems[:3]}")
    assert tried >= 20
    assert not failures, f"{len(failures)} of {tried}:\n" + "\n".join(failures[:10])
