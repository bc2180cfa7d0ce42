"""``gongkai serve`` and ``gongkai demo``: the web platform on this machine, ready at once."""

from __future__ import annotations

import os
import secrets
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
    if User.objects.filter(role=Role.ADMIN).exists() or User.objects.filter(is_superuser=True).exists():
        console.print("[dim]管理员已存在；忘记密码时 / administrator exists; to reset a password: "
                      "python -m gongkai.platform.manage changepassword <用户名>[/]")
        return
    password = admin_password or os.environ.get("GONGKAI_ADMIN_PASSWORD")
    generated = False
    if not password:
        if no_input or not sys.stdin.isatty():
            password = secrets.token_urlsafe(12)
            generated = True
        else:
            password = typer.prompt(f"首个管理员 {admin_user} 的密码 / password for the first administrator",
                                    hide_input=True, confirmation_prompt=True)
    ensure_admin(admin_user, password)
    console.print(f"[green]已创建管理员 / administrator created:[/] {admin_user}"
                  + (f"  密码 / password: [bold]{password}[/]" if generated else ""))


def _run(host: str, port: int) -> None:
    from django.core.servers import basehttp
    from django.core.servers.basehttp import ThreadedWSGIServer, run
    from django.core.wsgi import get_wsgi_application

    from ..platform.database import data_dir, database_config
    from ..platform.security import static_files_handler

    # No server or Python version in the Server header (ours, and the one on the server's own error pages).
    basehttp.ServerHandler.server_software = basehttp.WSGIRequestHandler.server_version = "gongkai"
    basehttp.WSGIRequestHandler.sys_version = ""

    engine = database_config(os.environ.get("GONGKAI_DATABASE_URL"))["ENGINE"].rsplit(".", 1)[-1]
    console.print(f"gongkai 平台 / platform: [bold]http://{host}:{port}/[/]  (数据库 {engine}, 数据目录 {data_dir()})")
    console.print("接口文档 / API docs: " + f"http://{host}:{port}/api/docs   Ctrl-C 退出 / to stop")
    class Server(ThreadedWSGIServer):
        request_queue_size = 128  # Django's 10 refuses connections when 50 clients arrive at once

    try:
        # Django's ThreadedWSGIServer closes a thread's database connections when its client leaves;
        # run(threading=True) does not, and with CONN_MAX_AGE each finished thread left its PostgreSQL
        # connection open until garbage collection: 50 clients twice exhausted max_connections (100).
        run(host, port, static_files_handler(get_wsgi_application()), ipv6=":" in host, threading=False,
            server_cls=Server)
    except KeyboardInterrupt:
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
) -> None:
    """启动政府信息公开平台 / run the web platform (SQLite by default, GONGKAI_DATABASE_URL for PostgreSQL)."""
    try:
        _prepare(data_dir, admin_user, admin_password, no_input)
    except Exception as error:  # a broken database or data directory: say so plainly
        errors.print(f"[bold red]无法准备平台 / cannot prepare the platform:[/] {error}")
        raise typer.Exit(2) from None
    if demo:
        _fill_demo()
    if not migrate_only:
        _run(host, port)


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
) -> None:
    """填入演示数据（语料中的机关、一年的申请、演示账号）并启动 / demo data, then serve."""
    serve(host=host, port=port, data_dir=data_dir, admin_user="admin", admin_password=admin_password,
          no_input=True, demo=True, migrate_only=no_serve)
