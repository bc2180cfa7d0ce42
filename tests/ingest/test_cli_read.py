"""``gongkai read`` on the command line: folders, broken files, exit status, the analyst's sheet."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.cli.read import output_names

from .corpus import RAW, need_corpus, raw

runner = CliRunner()


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Two good reports (both templates) and three broken files in one folder."""
    need_corpus()
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(raw("000"), folder)
    shutil.copy(raw("shuyang"), folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.pdf").write_bytes(bytes(range(256)) * 10)
    prose = "一、总体情况\n\n本机关认真贯彻落实条例，全年主动公开信息一千条。\n"
    (folder / "prose.txt").write_text(prose, encoding="utf-8")
    (folder / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return folder


def test_a_folder_with_broken_files_reads_every_good_file(batch: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["read", str(batch), "--out", str(out)])
    assert result.exit_code == 1  # some file failed
    written = sorted(p.name for p in out.glob("*.json"))
    assert written == [raw("000").stem + ".json", "shuyang-fgj-2023.json"]
    for name in ("empty.txt", "noise.pdf", "prose.txt"):
        assert name in result.output
    assert "文件为空" in result.output and "the file is empty" in result.output
    assert "no statutory tables" in result.output and "未找到年度报告的统计表格" in result.output
    assert ".hidden" not in result.output
    assert "read 2 of 5 files, 3 failed" in result.output


def test_exit_zero_when_every_file_is_read(tmp_path: Path) -> None:
    result = runner.invoke(app, ["read", str(raw("003")), "--out", str(tmp_path), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "秦山街道 2020" in result.output
    data = json.loads((tmp_path / f"{raw('003').stem}.json").read_text(encoding="utf-8"))
    assert data["source"]["format"] == "text"


def test_nothing_to_do_is_exit_two(tmp_path: Path) -> None:
    assert runner.invoke(app, ["read", str(tmp_path)]).exit_code == 2  # neither --out nor --table
    assert runner.invoke(app, ["read", str(tmp_path), "--out", str(tmp_path / "o")]).exit_code == 2  # empty folder
    assert runner.invoke(app, ["read", str(tmp_path), "--table", str(tmp_path / "t.ods")]).exit_code == 2


def test_csv_sheet_has_both_templates_and_a_bom(batch: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "all.csv"
    result = runner.invoke(app, ["read", str(batch), "--table", str(sheet)])
    assert result.exit_code == 1
    raw_bytes = sheet.read_bytes()
    assert raw_bytes.startswith(b"\xef\xbb\xbf")  # Excel and WPS read it as UTF-8
    rows = list(csv.DictReader(raw_bytes.decode("utf-8-sig").splitlines()))
    assert len(rows) == 5  # one row per input, the broken ones with their reason
    by_file = {Path(r["文件"]).name: r for r in rows}
    haiyan = by_file[raw("000").name]
    assert (haiyan["发布机关"], haiyan["年度"], haiyan["模板"]) == ("海盐县人民政府", "2020", "2019")
    assert haiyan["表三·（七）总计·总计"] == "179"
    assert haiyan["表二·规章·本年制发件数"] == ""  # a 2021 column, empty for a 2019 report
    shuyang = by_file["shuyang-fgj-2023.html"]
    assert shuyang["表二·行政规范性文件·现行有效件数"] == "18"
    assert shuyang["表四·行政复议·尚未审结"] == "1"
    assert "the file is empty" in by_file["empty.txt"]["读取错误"]


def test_xlsx_sheet(tmp_path: Path) -> None:
    need_corpus()
    sheet = tmp_path / "all.xlsx"
    result = runner.invoke(app, ["read", str(RAW), "--table", str(sheet)])
    assert result.exit_code == 0, result.output
    worksheet = load_workbook(sheet, read_only=True)["年度报告"]
    rows = list(worksheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 6
    assert len(header) == len(set(header))  # every column once
    column = header.index("表三·一、本年新收政府信息公开申请数量·自然人")
    assert sorted(int(str(row[column])) for row in body) == [0, 5, 26, 46, 177, 180]


def test_output_names_keep_apart_files_that_share_a_name() -> None:
    names = output_names([Path("a/report.pdf"), Path("b/report.docx"), Path("c/other.txt")])
    assert names[Path("c/other.txt")] == "other.json"
    assert len(set(names.values())) == 3
