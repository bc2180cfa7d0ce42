"""``gongkai check`` and ``gongkai schema`` as a person or a script runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from gongkai.cli import app

from .builders import GOLD_DIR, gold_data, gold_files

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_consistent_reports_exit_0() -> None:
    code, output = _run("check", str(GOLD_DIR / "000_21925bfca89cb37b.json"), str(GOLD_DIR / "shuyang-fgj-2023.json"))
    assert code == 0, output
    assert "2 份报告" in output and "0 错误" in output


def test_the_corpus_exits_1_and_names_each_contradiction() -> None:
    code, output = _run("check", "--json", *map(str, gold_files()))
    assert code == 1
    payload = json.loads(output)
    assert payload["read"] == 6 and payload["unreadable"] == []
    errors = [
        (Path(f["source"]).stem[:3], f["rule"], f["row"], f["column"])
        for f in payload["findings"]
        if f["severity"] == "error"
    ]
    assert sorted(errors) == sorted(
        [
            ("001", "requests.column_balance", None, 0),
            ("001", "requests.row_sum", "denied_internal_affairs", 6),
            ("001", "requests.row_sum", "carried_forward", 6),
            ("001", "requests.outcome_sum", "total_processed", 0),
            ("004", "requests.column_balance", None, 0),
            ("004", "requests.column_balance", None, 6),
            ("004", "requests.outcome_sum", "total_processed", 0),
            ("004", "requests.outcome_sum", "total_processed", 6),
        ]
    )


def test_readable_table_output_for_people() -> None:
    code, output = _run("check", str(GOLD_DIR / "004_26dfd29bd5682613.json"))
    assert code == 1
    assert "requests.column_balance" in output and "错误" in output and "004_26dfd29bd5682613.json" in output


def test_unreadable_files_exit_2_with_a_clear_message(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"agency": ', encoding="utf-8")
    negative = tmp_path / "negative.json"
    data = gold_data("003_4339039e26702392")
    data["requests"]["granted"][0] = -1
    negative.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, output = _run(
        "check", str(broken), str(negative), str(tmp_path / "missing.json"), str(GOLD_DIR / "000_21925bfca89cb37b.json")
    )
    assert code == 2
    assert "broken.json" in output and "不是有效的 JSON" in output and "not valid JSON" in output
    assert "requests.granted.0" in output and "不能为负数" in output
    assert "missing.json" in output
    assert "Traceback" not in output
    assert "1 份报告" in output  # the good file was still checked


def test_json_output_lists_unreadable_files(tmp_path: Path) -> None:
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({**gold_data("003_4339039e26702392"), "template": "2030"}), encoding="utf-8")
    code, output = _run("check", "--json", str(unknown))
    assert code == 2
    payload = json.loads(output)
    assert payload["unreadable"][0]["problems"][0]["path"] == "template"


def test_schema_command_prints_a_schema_that_accepts_the_corpus() -> None:
    code, output = _run("schema")
    assert code == 0
    schema = json.loads(output)
    for path in gold_files():
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_installed_entry_point_runs() -> None:
    gongkai = Path(sys.executable).with_name("gongkai")
    result = subprocess.run(
        [str(gongkai), "check", str(GOLD_DIR / "003_4339039e26702392.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
