"""``gongkai render`` on the command line: files written, checks travelling, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from gongkai.cli import app

from .conftest import GOLD

CONSISTENT = GOLD / "000_21925bfca89cb37b.json"
CONTRADICTING = GOLD / "001_cf5ac85f95ca13ec.json"  # its table 三 contradicts itself (gold notes)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_writes_the_named_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["render", str(CONSISTENT), "--to", "html", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "海盐县人民政府" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["html", "docx", "md"])
def test_several_files_into_a_folder(runner: CliRunner, tmp_path: Path, fmt: str) -> None:
    files = sorted(GOLD.glob("*.json"))
    result = runner.invoke(app, ["render", *map(str, files), "--to", fmt, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{p.stem}.{fmt}" for p in files)


def test_contradicting_report_is_rendered_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(CONTRADICTING), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "requests.column_balance" in result.stderr and "勾稽关系" in result.stderr
    assert (tmp_path / "r.html").exists()


def test_strict_refuses_a_contradicting_report(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["render", str(CONTRADICTING), "--strict", "--out", str(out)])
    assert result.exit_code == 1
    assert "--strict" in result.stderr and not out.exists()
    fine = runner.invoke(app, ["render", str(CONSISTENT), "--strict", "--out", str(out)])
    assert fine.exit_code == 0 and out.exists()


def test_unreadable_json_exits_2_with_a_bilingual_message_and_the_rest_is_written(
    runner: CliRunner, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"agency": "某局", "year": 2020,', encoding="utf-8")
    result = runner.invoke(app, ["render", str(broken), str(CONSISTENT), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert str(broken) in result.stderr
    assert "不是有效的 JSON" in result.stderr and "not valid JSON" in result.stderr
    assert (tmp_path / "out" / f"{CONSISTENT.stem}.html").exists()


def test_report_data_error_names_the_cell(runner: CliRunner, tmp_path: Path) -> None:
    data = json.loads(CONSISTENT.read_text(encoding="utf-8"))
    data["requests"]["granted"][0] = -1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["render", str(bad), "--out", str(tmp_path / "bad.html")])
    assert result.exit_code == 2
    assert "requests.granted.0" in result.stderr and "不能为负数" in result.stderr
    assert not (tmp_path / "bad.html").exists()


def test_unknown_format_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(CONSISTENT), "--to", "rtf", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "rtf" in result.stderr


def test_illustrated_with_history_adds_the_trend(runner: CliRunner, tmp_path: Path) -> None:
    data = json.loads(CONSISTENT.read_text(encoding="utf-8"))
    data["year"] = 2019
    data["requests"]["carried_forward"] = data["requests"]["carried_over"]  # so that 2019 → 2020 agrees
    earlier = tmp_path / "2019.json"
    earlier.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "r.html"
    result = runner.invoke(
        app, ["render", str(CONSISTENT), "--illustrated", "--history", str(earlier), "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert 'data-chart="trend"' in page and page.count("<figure") == 6
    assert "series.carried_over" not in result.stderr
