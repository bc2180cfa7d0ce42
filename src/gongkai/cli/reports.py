"""``gongkai reports import|resume``: many published reports into the platform's store at once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from .app import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, app, console, errors

reports_app = typer.Typer(help="已发布年度报告的库 / the store of published reports", no_args_is_help=True)
app.add_typer(reports_app, name="reports")


def _platform() -> None:
    from ..platform import setup

    setup()


def _user(username: str | None) -> Any:
    from ..platform.accounts.models import Role, User

    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            errors.print(f"没有用户 {username} / no user {username}")
            raise typer.Exit(EXIT_UNREADABLE)
        return user
    user = (
        User.objects.filter(role=Role.ADMIN).order_by("pk").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )
    if user is None:
        errors.print("没有管理员，请用 --user 指定 / no administrator: name a user with --user")
        raise typer.Exit(EXIT_UNREADABLE)
    return user


def _region(name: str | None) -> Any:
    from ..platform.agencies.models import Agency

    if name is None:
        roots = list(Agency.objects.filter(parent__isnull=True)[:2])
        if len(roots) == 1:
            return roots[0]
        errors.print("请用 --region 指定所辖范围（机关名称或编号）/ name the region with --region")
        raise typer.Exit(EXIT_UNREADABLE)
    found = list(Agency.objects.filter(pk=int(name))) if name.isdigit() else list(Agency.objects.filter(name=name)[:2])
    if len(found) != 1:
        errors.print(f"找不到唯一的机关“{name}” / no single agency '{name}'")
        raise typer.Exit(EXIT_UNREADABLE)
    return found[0]


def _run(batch_id: int) -> int:
    from ..platform.oversight.jobs import run_job
    from ..platform.oversight.models import FileStatus, ImportBatch
    from ..platform.oversight.services import counts, run_batch

    batch = ImportBatch.objects.get(pk=batch_id)
    total = batch.files.count()
    done = total - batch.files.filter(status=FileStatus.PENDING).count()
    columns = (TextColumn("导入 / importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("import", total=total, completed=done)
        run_job(run_batch, batch_id, here=True, progress=lambda _file: progress.advance(task))
    tally = counts(batch)
    labels = dict(FileStatus.choices)
    console.print(f"批次 / batch {batch_id}: " + " · ".join(f"{labels[s]} {n}" for s, n in tally.items()))
    for file in batch.files.filter(status__in=(FileStatus.FAILED, FileStatus.UNMATCHED)).order_by("pk"):
        errors.print(f"{file.name}: {labels[file.status]} — {file.reason_zh} / {file.reason_en}")
    return EXIT_FINDINGS if tally[FileStatus.FAILED] or tally[FileStatus.UNMATCHED] else EXIT_OK


@reports_app.command("import")
def import_command(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="报告文件、文件夹、ZIP 或 CSV 清单（路径,机关,年度）/ "
            "files, folders, ZIP archives or CSV lists (path,agency,year)"
        ),
    ],
    region: Annotated[str | None, typer.Option("--region", "-r", help="所辖范围：机关名称或编号 / region")] = None,
    user: Annotated[str | None, typer.Option("--user", "-u", help="以此用户导入 / import as this user")] = None,
    mapping: Annotated[
        Path | None, typer.Option("--mapping", "-m", help="对照表 CSV：文件名,机关,年度 / mapping file")
    ] = None,
    label: Annotated[str, typer.Option("--label", help="批次说明 / batch label")] = "",
) -> None:
    """导入已发布的年度报告 / import published reports into the store.

    Exit 0 when every file was stored (or was a duplicate), 1 when some failed or wait to be
    matched (listed), 2 when nothing could be started. An interrupted import continues with
    ``gongkai reports resume BATCH``.
    """
    _platform()
    from ..platform.oversight.services import create_batch
    from ..platform.oversight.sources import collect, read_mapping

    actor, root = _user(user), _region(region)
    hints = read_mapping(mapping.read_text(encoding="utf-8-sig")) if mapping else None
    with console.status("收集文件 / collecting files…"):
        batch = create_batch(actor, root, collect(inputs, hints), label=label)
    console.print(f"批次 / batch {batch.pk}: {batch.files.count()} 个文件 / files")
    raise typer.Exit(_run(batch.pk))


@reports_app.command("resume")
def resume_command(batch: Annotated[int, typer.Argument(help="批次编号 / batch id")]) -> None:
    """继续中断的导入 / resume an interrupted import."""
    _platform()
    from ..platform.oversight.models import ImportBatch

    if not ImportBatch.objects.filter(pk=batch).exists():
        errors.print(f"没有批次 {batch} / no batch {batch}")
        raise typer.Exit(EXIT_UNREADABLE)
    raise typer.Exit(_run(batch))
