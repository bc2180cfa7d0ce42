"""The one ``gongkai`` command; each subcommand lives in its own module of this package."""

from __future__ import annotations

import typer
from rich.console import Console

app = typer.Typer(
    name="gongkai",
    help="gongkai 政府信息公开: 年度报告的校验、读取、生成，依申请公开与主动公开平台。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

console = Console()
errors = Console(stderr=True, soft_wrap=True)  # file names and paths must never be broken mid-word

# Exit statuses shared by every subcommand.
EXIT_OK = 0
EXIT_FINDINGS = 1  # the data breaks a rule (or some inputs failed)
EXIT_UNREADABLE = 2  # an input could not be read at all
