"""``gongkai serve`` and ``gongkai demo``: the web platform on this machine, ready at once."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app, console, errors


def _prepare(data_dir: Path | None, admin_user: str, admin_password: str | None, no_input: bool) -> None:
    if data_dir is not None:
        os.environ["GONGKAI_DATA_DIR"] = str(data_dir)
    from ..platform import setup
    from ..platform.database import data_dir as current_data_dir

    current_data_dir().mkdir(parents=True, exist_ok=True)
    setup()
    from django.core.management import call_command
    from django.db import connection

    from ..platform.accounts.models import Role, User
    from ..platform.accounts.services import ensure_admin
    from ..platform.database import without_statement_timeout

    with console.status("准备数据库 / migrating the database…"), without_statement_timeout(connection):
        call_command("migrate", interactive=False, verbosity=0)
    with console.status("收集静态文件 / collecting static files…"):
        _collect_static()
    if User.objects.filter(role=Role.ADMIN).exists() or User.objects.filter(is_superuser=True).exists():
        console.print(
            "[dim]管理员已存在；忘记密码时 / administrator exists; to reset a password: "
            "python -m gongkai.platform.manage changepassword <用户名>[/]"
        )
        return
    password = admin_password or os.environ.get("GONGKAI_ADMIN_PASSWORD")
    generated = False
    if not password:
        if no_input or not sys.stdin.isatty():
            password = secrets.token_urlsafe(12)
            generated = True
        else:
            password = typer.prompt(
                f"首个管理员 {admin_user} 的密码 / password for the first administrator",
                hide_input=True,
                confirmation_prompt=True,
            )
    ensure_admin(admin_user, password)
    console.print(
        f"[green]已创建管理员 / administrator created:[/] {admin_user}"
        + (f"  密码 / password: [bold]{password}[/]" if generated else "")
    )


def _collect_static() -> None:
    """Copy (and compress) the static files into <data dir>/static, where WhiteNoise serves them."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def _scheduler() -> subprocess.Popen[bytes] | None:
    """Embedded (no broker): one ``gongkai worker`` process runs the periodic work on its timer."""
    from django.conf import settings

    if settings.BROKER_URL:
        return None  # `gongkai worker --beat` schedules it on the queue
    command = [
        sys.executable,
        "-c",
        "import sys; from gongkai.cli import main; sys.argv[0] = 'gongkai'; main()",
        "worker",
    ]
    return subprocess.Popen(command, env=os.environ.copy())


def _run(host: str, port: int, workers: int, threads: int, scheduler: bool) -> None:
    from ..platform import server
    from ..platform.database import data_dir, database_config

    engine = database_config(os.environ.get("GONGKAI_DATABASE_URL"))["ENGINE"].rsplit(".", 1)[-1]
    console.print(
        f"gongkai 平台 / platform: [bold]http://{host}:{port}/[/]  (数据库 {engine}, 数据目录 {data_dir()}, "
        f"{workers} 个工作进程 worker processes × {threads} 线程 threads)"
    )
    console.print("接口文档 / API docs: " + f"http://{host}:{port}/api/docs   Ctrl-C 退出 / to stop")
    timer = _scheduler() if scheduler else None
    try:
        server.run(host, port, workers=workers, threads=threads)
    except KeyboardInterrupt:
        pass
    finally:
        if timer is not None:
            timer.terminate()
            timer.wait(timeout=30)
        console.print("已停止 / stopped")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="监听地址 / address to listen on"),
    port: int = typer.Option(8000, help="端口 / port"),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="数据目录（默认 ./var）/ data directory")] = None,
    admin_user: str = typer.Option("admin", help="首个管理员用户名 / first administrator's username"),
    admin_password: str | None = typer.Option(None, help="首个管理员密码（默认询问或随机生成）/ its password"),
    no_input: bool = typer.Option(False, "--no-input", help="不询问，随机生成密码并打印 / never prompt"),
    demo: bool = typer.Option(False, "--demo", help="先填入演示数据 / fill with demo data first"),
    migrate_only: bool = typer.Option(False, "--migrate-only", help="只准备数据库，不启动 / prepare, do not serve"),
    workers: int = typer.Option(
        0, "--workers", help="工作进程数（默认每个 CPU 核一个）/ worker processes (default: one per core)"
    ),
    threads: int = typer.Option(4, "--threads", help="每个工作进程的线程数 / threads per worker process"),
    no_scheduler: bool = typer.Option(
        False,
        "--no-scheduler",
        help="不在本机运行定时任务（未配置队列时）/ do not run the periodic work here (embedded mode)",
    ),
) -> None:
    """启动政府信息公开平台 / run the web platform (SQLite by default, GONGKAI_DATABASE_URL for PostgreSQL).

    gunicorn with several worker processes (see ``gongkai.platform.server``), static files by WhiteNoise.
    Without GONGKAI_BROKER_URL the background jobs run in the web processes and one ``gongkai worker``
    process runs the periodic work (reminder digests, lapsed cases) on its timer.
    """
    try:
        _prepare(data_dir, admin_user, admin_password, no_input)
    except Exception as error:  # a broken database or data directory: say so plainly
        errors.print(f"[bold red]无法准备平台 / cannot prepare the platform:[/] {error}")
        raise typer.Exit(2) from None
    if demo:
        _fill_demo()
    if not migrate_only:
        from ..platform.server import default_workers

        _run(host, port, workers or default_workers(), max(1, threads), scheduler=not no_scheduler)


def _fill_demo() -> None:
    from ..platform.demo import fill

    with console.status("填入演示数据 / filling demo data…"):
        result = fill()
    console.print(f"演示数据 / demo data: {result.agencies} 个机关 agencies, {result.cases} 件申请 applications")
    console.print("演示账号 / demo logins (用户名 / password):")
    for username, password in result.users.items():
        console.print(f"  {username} / {password}")


@app.command()
def demo(
    host: str = typer.Option("127.0.0.1", help="监听地址 / address to listen on"),
    port: int = typer.Option(8000, help="端口 / port"),
    data_dir: Annotated[Path | None, typer.Option("--data-dir", help="数据目录（默认 ./var）/ data directory")] = None,
    admin_password: str | None = typer.Option(None, help="管理员 admin 的密码（默认随机）/ admin password"),
    no_serve: bool = typer.Option(False, "--no-serve", help="只填数据，不启动 / fill only"),
    workers: int = typer.Option(0, "--workers", help="工作进程数（默认每个 CPU 核一个）/ worker processes"),
) -> None:
    """填入演示数据（语料中的机关、一年的申请、演示账号）并启动 / demo data, then serve."""
    serve(
        host=host,
        port=port,
        data_dir=data_dir,
        admin_user="admin",
        admin_password=admin_password,
        no_input=True,
        demo=True,
        migrate_only=no_serve,
        workers=workers,
        threads=4,
        no_scheduler=False,
    )
