"""``gongkai render``: report data out as the published document (HTML, DOCX, PDF, Markdown)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..report.checks import Finding, Severity, agency_key, check_report, check_series
from ..report.model import Report, ReportDataError
from .app import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, app, console, errors

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_EXTENSIONS = {"html": ".html", "docx": ".docx", "pdf": ".pdf", "md": ".md"}


def _load(paths: list[Path]) -> tuple[list[tuple[Path, Report]], list[ReportDataError]]:
    loaded: list[tuple[Path, Report]] = []
    unreadable: list[ReportDataError] = []
    for path in paths:
        try:
            loaded.append((path, Report.load(path)))
        except ReportDataError as error:
            unreadable.append(error)
    return loaded, unreadable


def _print_unreadable(unreadable: list[ReportDataError]) -> None:
    for error in unreadable:
        errors.print(f"[bold red]无法读取 / cannot read[/] {error.source}")
        for problem in error.problems:
            errors.print(f"  {problem}", markup=False, highlight=False)


def _print_findings(path: Path, findings: list[Finding]) -> None:
    broken = [f for f in findings if f.severity is not Severity.INFO]
    if broken:
        errors.print(
            f"[yellow]注意 / warning[/] {path}: 数据不符合勾稽关系 / the figures break the statutory arithmetic"
        )
    elif findings:
        errors.print(f"[cyan]提示 / note[/] {path}:")
    for f in findings:
        errors.print(f"  [{_STYLE[f.severity]}]{f.severity.label_zh}[/] {f.rule} {f.place}: ", end="")
        errors.print(f"{f.message_zh} / {f.message_en}", markup=False, highlight=False)


def _out_path(path: Path, to: str, out: Path | None, several: bool) -> Path:
    name = path.with_suffix(_EXTENSIONS[to]).name
    if out is None:
        return Path.cwd() / name
    if several or out.is_dir():
        return out / name
    return out


@app.command()
def render(
    files: Annotated[list[Path], typer.Argument(help="报告数据 JSON 文件 / report data JSON files")],
    to: str = typer.Option("html", "--to", "-t", help="输出格式 / output format: html, docx, pdf, md"),
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="输出文件（多个输入时为目录） / output file (a folder for several inputs)"),
    ] = None,
    illustrated: bool = typer.Option(False, "--illustrated", help="附图解 / add the charts (图解)"),
    history: Annotated[
        list[Path] | None,
        typer.Option(
            "--history", help="同一机关其他年度的报告，用于趋势图 / other years of the agency, for the trend chart"
        ),
    ] = None,
    strict: bool = typer.Option(
        False, "--strict", help="数据不符合勾稽关系时拒绝生成 / refuse reports that break the arithmetic"
    ),
    fonts: str | None = typer.Option(
        None, "--fonts", help="DOCX 字体：official（仿宋/黑体/宋体）或 noto / DOCX fonts: official or noto"
    ),
) -> None:
    """生成年度报告文档（HTML、DOCX、PDF、Markdown） / render annual reports as documents.

    Exit 0: all written; 1: a report was refused (--strict) or could not be written; 2: an input
    cannot be read.
    """
    from ..render.batch import Job, render_files
    from ..render.to_docx import FONT_SETS

    if to not in _EXTENSIONS:
        errors.print(f"[bold red]未知格式 / unknown format[/] {to!r}: html, docx, pdf, md")
        raise typer.Exit(EXIT_UNREADABLE)
    if fonts is not None and fonts not in FONT_SETS:
        errors.print(f"[bold red]未知字体方案 / unknown font set[/] {fonts!r}: {', '.join(FONT_SETS)}")
        raise typer.Exit(EXIT_UNREADABLE)
    loaded, unreadable = _load(files)
    past, unreadable_history = _load(history or [])
    unreadable += unreadable_history
    _print_unreadable(unreadable)
    past_reports = [r for _, r in past]
    agencies = {agency_key(r.agency) for _, r in loaded}
    for path, r in past:
        if agency_key(r.agency) not in agencies:
            errors.print(
                f"[yellow]注意 / warning[/] {path}: {r.agency} 不是所生成报告的机关，不计入趋势图 / "
                "not the agency of any report rendered; left out of the trend",
                highlight=False,
            )

    jobs: list[Job] = []
    refused = 0
    several = len(files) > 1
    for path, report in loaded:
        findings = check_report(report) + check_series([report, *past_reports])
        _print_findings(path, findings)
        if strict and any(f.is_error for f in findings):
            errors.print(f"[bold red]拒绝生成 / refused (--strict)[/] {path}")
            refused += 1
            continue
        jobs.append(Job(report, _out_path(path, to, out, several)))

    if illustrated and jobs:
        from ..render.charts import CJKFontMissing, cjk_font

        try:
            cjk_font()
        except CJKFontMissing as error:
            errors.print(f"[bold red]{error}[/]", highlight=False)
            raise typer.Exit(EXIT_FINDINGS) from None

    font_set = FONT_SETS[fonts] if fonts else None
    if len(jobs) > 1:
        from rich.progress import Progress

        with Progress(console=errors, transient=True) as progress:
            task = progress.add_task(f"生成 / rendering {to}", total=len(jobs))
            render_files(jobs, to, illustrated, past_reports, font_set, advance=lambda job: progress.advance(task))
    elif jobs:
        with errors.status(f"生成 / rendering {to}…"):
            render_files(jobs, to, illustrated, past_reports, font_set)

    failed = [job for job in jobs if job.error]
    for job in failed:
        errors.print(f"[bold red]失败 / failed[/] {job.out}: {job.error}", highlight=False)
    for job in jobs:
        if not job.error:
            console.print(f"已生成 / written {job.out}", highlight=False)
    if unreadable:
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(EXIT_FINDINGS if refused or failed else EXIT_OK)
