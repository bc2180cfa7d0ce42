"""Round trip: every gold report rendered, read back with ``gongkai read``, scored cell by cell.

The scorer (``shared/tools/score_reports.py``) must find every cell right, plus agency, year and
template: what the renderer prints, the readers of published reports must be able to read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.ingest.read import read_report

from .conftest import GOLD, SCORER, Rendered


def _read_back(files: dict[str, Path], pred: Path) -> list[str]:
    pred.mkdir()
    errors = []
    for stem, path in files.items():
        result = read_report(path)
        if result.report is None:
            errors.append(result.error)
            continue
        (pred / f"{stem}.json").write_text(result.report.to_json(), encoding="utf-8")
    return errors


def _score(pred: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(pred)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("fmt", ["html", "docx", "md"])
def test_rendered_documents_read_back_cell_for_cell(rendered: dict[str, Rendered], fmt: str, tmp_path: Path) -> None:
    files = {stem: getattr(item, fmt) for stem, item in rendered.items()}
    errors = _read_back(files, tmp_path / "pred")
    assert not errors
    scored = _score(tmp_path / "pred")
    assert scored.returncode == 0, scored.stdout


def test_rendered_pdfs_read_back_cell_for_cell(pdfs: dict[str, Path], tmp_path: Path) -> None:
    errors = _read_back(pdfs, tmp_path / "pred")
    assert not errors
    scored = _score(tmp_path / "pred")
    assert scored.returncode == 0, scored.stdout


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_unknown_figures_read_back_as_unknown(gold_reports: dict, fmt: str, tmp_path: Path) -> None:  # type: ignore[type-arg]
    from gongkai.render.batch import render_document
    from gongkai.report.model import Report

    data = gold_reports["000_21925bfca89cb37b"].to_dict()
    data["requests"]["granted"][0] = None
    data["appeals"]["review"]["upheld"] = None
    unknown = Report.from_dict(data)
    path = tmp_path / f"unknown.{fmt}"
    path.write_bytes(render_document(unknown, fmt))
    read = read_report(path).report
    assert read is not None
    assert read.requests["granted"] == unknown.requests["granted"]
    assert read.appeals["review"] == unknown.appeals["review"]
