"""``gongkai check`` and ``gongkai schema``: the report layer on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..report.checks import Finding, Severity, check_report, check_series
from ..report.model import Report, ReportDataError, json_schema
from .app import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, app, console, errors

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="报告数据 JSON 文件 / report data JSON files")],
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出 / print findings as JSON")] = False,
) -> None:
    """校验年度报告数据的勾稽关系 / check report data against the statutory arithmetic.

    Exit 0: no errors; 1: some data breaks a rule; 2: some file cannot be read.
    """
    reports: list[Report] = []
    findings: list[Finding] = []
    unreadable: list[ReportDataError] = []
    for path in files:
        try:
            report = Report.load(path)
        except ReportDataError as error:
            unreadable.append(error)
            continue
        reports.append(report)
        findings.extend(f.with_source(str(path)) for f in check_report(report))
    findings.extend(check_series(reports))

    if as_json:
        payload = {
            "files": len(files),
            "read": len(reports),
            "findings": [f.to_dict() for f in findings],
            "unreadable": [{"file": e.source, "problems": [p.__dict__ for p in e.problems]} for e in unreadable],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_unreadable(unreadable)
        _print_findings(findings, len(reports))
    if unreadable:
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(EXIT_FINDINGS if any(f.is_error for f in findings) else EXIT_OK)


def _print_unreadable(unreadable: list[ReportDataError]) -> None:
    for error in unreadable:
        errors.print(f"[bold red]无法读取 / cannot read[/] {error.source}")
        for problem in error.problems:
            errors.print(f"  {problem}", markup=False, highlight=False)


def _print_findings(findings: list[Finding], read: int) -> None:
    by_source: dict[str, list[Finding]] = {}
    for f in findings:
        by_source.setdefault(f.source or f"{f.agency} {f.year} (跨年度 / across years)", []).append(f)
    for source, group in by_source.items():
        first = group[0]
        console.print(f"\n[bold]{source}[/]  {first.agency} {first.year}", highlight=False)
        table = Table(show_header=True, box=None, padding=(0, 1))
        table.add_column("级别", no_wrap=True)
        table.add_column("规则 / rule", no_wrap=True)
        table.add_column("位置 / place")
        table.add_column("说明 / message", overflow="fold")
        for f in group:
            table.add_row(
                f"[{_STYLE[f.severity]}]{f.severity.label_zh}[/]",
                f.rule,
                f.place,
                f"{f.message_zh}\n[dim]{f.message_en}[/]",
            )
        console.print(table)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    console.print(
        f"\n{read} 份报告 / reports: {counts[Severity.ERROR]} 错误 errors, "
        f"{counts[Severity.WARNING]} 警告 warnings, {counts[Severity.INFO]} 提示 notes"
    )


@app.command()
def schema() -> None:
    """打印报告数据格式的 JSON Schema / print the JSON Schema of the report data format."""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
