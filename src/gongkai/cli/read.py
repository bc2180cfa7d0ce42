"""``gongkai read``: published reports (text, HTML, DOCX, PDF) into report data.

Exit 0: every file was read; 1: some file could not be read (each is reported, the rest are
still read and written); 2: nothing to read or nowhere to write.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from .app import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, app, console, errors


def expand(inputs: list[Path]) -> list[Path]:
    """Files as given; a folder stands for every file under it (hidden files skipped), sorted."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(
                sorted(
                    p
                    for p in item.rglob("*")
                    if p.is_file() and not any(part.startswith(".") for part in p.relative_to(item).parts)
                )
            )
        else:
            files.append(item)
    return files


def output_names(files: list[Path]) -> dict[Path, str]:
    """``<name without extension>.json``; a name two inputs share keeps the extension too."""
    stems: dict[str, int] = {}
    for path in files:
        stems[path.stem] = stems.get(path.stem, 0) + 1
    names: dict[Path, str] = {}
    used: set[str] = set()
    for path in files:
        name = f"{path.stem}.json" if stems[path.stem] == 1 else f"{path.stem}{path.suffix.replace('.', '_')}.json"
        base, n = name[:-5], 1
        while name in used:
            n += 1
            name = f"{base}_{n}.json"
        used.add(name)
        names[path] = name
    return names


def parse_memory(text: str) -> int:
    """``2G``, ``1.5GB``, ``512M``, ``0`` (no cap) → bytes; a bare number is MB."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", text.lower())
    if match is None:
        raise typer.BadParameter(f"内存上限应写作 2G、512M 或 0 / write the memory limit as 2G, 512M or 0: {text}")
    scale = {"": 1024**2, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}[match[2]]
    return int(float(match[1]) * scale)


@app.command()
def read(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="报告文件或文件夹 / report files or folders (.txt .md .html .docx .pdf, scans as .pdf .png .jpg .tif)"
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="输出 JSON 的文件夹 / folder for the JSON files")
    ] = None,
    table: Annotated[
        Path | None,
        typer.Option(
            "--table", help="另存为一张表（.csv 或 .xlsx），每份报告一行 / also write one sheet, a row per report"
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="逐个文件列出结果 / list every file")] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.01,
            help="每个文件的读取时间上限（秒；扫描件识别约 5 秒一页） / time limit per file, seconds "
            "(OCR: ~5 s a page)",
        ),
    ] = 180.0,
    memory: Annotated[
        str,
        typer.Option(
            "--memory",
            help="每个文件的内存上限，如 2G、512M；0 为不限 / memory limit per file (2G, 512M; 0: none)",
        ),
    ] = "2G",
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="同时读取的文件数（每个都有上述内存上限） / files read at once (each with the memory limit above)",
        ),
    ] = 1,
) -> None:
    """读取已发布的年度报告，输出报告数据 / read published annual reports into report data.

    Each input becomes OUT/<file name without extension>.json in the report data format, with source, sections, provenance, uncertain and findings.

    Exit 0 when every file was read, 1 when some file could not be read (the others are still written), 2 when there is nothing to do.
    """  # noqa: E501  (one line per paragraph: the help screen wraps it)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..ingest.limited import Limits, read_files
    from ..ingest.read import ReadResult
    from ..ingest.sheet import SheetRow, write_sheet

    if out is None and table is None:
        errors.print("[bold red]请用 --out 指定输出文件夹或用 --table 指定表格文件[/] / give --out DIR or --table FILE")
        raise typer.Exit(EXIT_UNREADABLE)
    if table is not None and table.suffix.lower() not in (".csv", ".xlsx"):
        errors.print(f"[bold red]--table 只支持 .csv 或 .xlsx[/] / --table must end in .csv or .xlsx: {table}")
        raise typer.Exit(EXIT_UNREADABLE)
    limits = Limits(timeout, parse_memory(memory))
    files = expand(inputs)
    if not files:
        errors.print("[bold red]没有可读取的文件[/] / no files to read")
        raise typer.Exit(EXIT_UNREADABLE)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    names = output_names(files)
    failed: list[tuple[int, ReadResult]] = []
    rows: list[SheetRow | None] = [None] * len(files)  # in the order given, whatever order they finish in
    read_count = 0
    with Progress(
        TextColumn("[bold]读取 reading"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        TimeRemainingColumn(),
        console=errors,
        transient=True,
        auto_refresh=False,  # redrawn from the loop: no thread in the process the workers fork from
    ) as progress:
        task = progress.add_task("read", total=len(files), name="")
        started = lambda path: progress.update(task, name=path.name, refresh=True)  # noqa: E731

        def ocr_page(path: Path, done: int, total: int) -> None:
            # A scan is read page by page by OCR, seconds a page: show how far it got.
            progress.update(task, name=f"{path.name}  文字识别 OCR {done}/{total} 页 pages", refresh=True)

        for index, result in read_files(
            files, limits, jobs, on_start=started, on_tick=progress.refresh, on_pages=ocr_page
        ):
            path = files[index]
            if result.report is not None:
                read_count += 1
                if out is not None:
                    try:
                        result.report.save(out / names[path])
                    except OSError as error:
                        result.report = None
                        result.error_zh = f"无法写出 {out / names[path]}：{error.strerror}"
                        result.error_en = f"cannot write {out / names[path]}: {error.strerror}"
                        read_count -= 1
            if result.report is None:
                failed.append((index, result))
                rows[index] = SheetRow(str(path), None, f"{result.error_zh} / {result.error_en}")
            else:
                rows[index] = SheetRow(str(path), result.report)
                if verbose:
                    _print_read(path, result, out / names[path] if out else None)
            progress.advance(task)
            progress.refresh()
    failed.sort(key=lambda item: item[0])
    for _, result in failed:
        # soft_wrap: a path is never broken over lines (people copy it)
        errors.print("[bold red]无法读取 / cannot read[/]", end=" ")
        errors.print(str(result.path), markup=False, highlight=False, soft_wrap=True)
        errors.print(f"  {result.error_zh}\n  {result.error_en}", markup=False, highlight=False, soft_wrap=True)
    if table is not None:
        table.parent.mkdir(parents=True, exist_ok=True)
        count = write_sheet([row for row in rows if row is not None], table)
        console.print(f"表格 / sheet: {table}（{count} 行 rows）", soft_wrap=True, markup=False)
    console.print(
        f"读取 {read_count} 份，失败 {len(failed)} 份 / read {read_count} of {len(files)} files, {len(failed)} failed"
        + (f" → {out}" if out is not None else ""),
        soft_wrap=True,
        markup=False,
    )
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def _print_read(path: Path, result: object, target: Path | None) -> None:
    from ..ingest.read import ReadResult

    assert isinstance(result, ReadResult) and result.report is not None
    report = result.report
    errors_found = sum(1 for f in report.findings or [] if f.is_error)
    console.print(
        f"[green]✓[/] {path.name} → {target.name if target else '-'}: {report.agency} {report.year} "
        f"（模板 {report.template.id}；错误 {errors_found}，不确定 {len(report.uncertain or [])}）",
        highlight=False,
        soft_wrap=True,
    )
