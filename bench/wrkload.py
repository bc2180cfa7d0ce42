"""The benchmarks' load tool: ``wrk`` (C, one event loop per thread) with ``wrk_session.lua``.

The earlier load tool, a pool of Python threads in the benchmark's own process, took about half of
the two cores it shared with the server: the server's figures were those of a machine with one core.
wrk costs a few per cent of one core at the same load. ``apt-get install wrk`` (Debian) — a bench-only
tool, not a dependency of the platform.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).with_name("wrk_session.lua")


@dataclass
class WrkResult:
    requests: int
    seconds: float
    errors: int  # not HTTP 200, or a connection that failed or timed out
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    detail: dict[str, float]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def available() -> bool:
    return shutil.which("wrk") is not None


def run(
    base: str, paths: list[str], *, cookie: str = "", clients: int = 50, seconds: float = 20, threads: int = 2
) -> WrkResult:
    """``clients`` keep-alive connections over ``threads`` wrk threads for ``seconds``, asking for ``paths``
    in turn (each connection: the next path of its thread's turn)."""
    listing = tempfile.NamedTemporaryFile("w", prefix="gongkai-wrk-", suffix=".txt", delete=False)  # noqa: SIM115
    with listing:  # a file, not the environment: one variable holds at most 128 KiB
        listing.write("\n".join(paths) + "\n")
    env = {**os.environ, "GONGKAI_BENCH_COOKIE": cookie, "GONGKAI_BENCH_PATHS_FILE": listing.name}
    threads = max(1, min(threads, clients))
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{clients}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
        base,
    ]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    finally:
        os.unlink(listing.name)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK ")), None)
    if line is None:
        raise RuntimeError(f"wrk wrote no figures: {done.stdout[-500:]} {done.stderr[-500:]}")
    figures = json.loads(line[4:])
    if not figures["requests"]:  # nothing answered in time: no latency to speak of
        figures.update(p50=float("nan"), p95=float("nan"), p99=float("nan"), max=float("nan"))
    failed = figures["not_200"] + figures["connect"] + figures["read"] + figures["write"] + figures["timeout"]
    return WrkResult(
        requests=int(figures["requests"]),
        seconds=float(figures["seconds"]),
        errors=int(failed),
        p50_ms=figures["p50"],
        p95_ms=figures["p95"],
        p99_ms=figures["p99"],
        max_ms=figures["max"],
        detail=figures,
    )


def group_cpu(group: int) -> float:
    """CPU seconds (user + system) used so far by the processes of process group ``group``: what the
    server spent, whatever else the machine is doing (the wall-clock figures depend on that). A worker
    gunicorn recycled (``max_requests``) is gone from /proc; its time is in the master's children's
    times (cutime, cstime) once reaped, so those are counted too (not counting them gave a negative
    figure when a worker was recycled during a run)."""
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # pgrp; utime, stime are the 12th and 13th fields after the name
            ticks += int(fields[11]) + int(fields[12])
            if int(entry.name) == group:  # the master: the reaped workers' time
                ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_cpu() -> float:
    """CPU seconds used so far by the PostgreSQL server's processes (every ``postgres`` on the machine:
    the benchmarks' database runs here), so a run can say what the database took of the cores."""
    ticks = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, rest = stat.split("(", 1)[1].rsplit(")", 1)
        if name == "postgres":
            fields = rest.split()
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> float:
    """CPU seconds all cores spent busy so far (/proc/stat: everything but idle and iowait)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def children_cpu() -> float:
    """CPU seconds of this process's finished children (wrk, once ``run`` has waited for it)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class CpuShare:
    """Where the machine's CPU went during one load, in milliseconds per request served."""

    server: float
    database: float
    load_tool: float
    rest: float  # the kernel's own work, and anything else running

    def line(self) -> str:
        return (
            f"CPU ms/request: server {self.server:.2f}, PostgreSQL {self.database:.2f}, wrk {self.load_tool:.2f}, "
            f"rest {self.rest:.2f}"
        )


def measure_cpu(group: int, load: Callable[[], WrkResult]) -> tuple[WrkResult, CpuShare]:
    """Run ``load`` (a wrk run) and split the CPU the machine spent meanwhile between the server's process
    group, PostgreSQL, wrk and the rest."""
    before = (group_cpu(group), postgres_cpu(), children_cpu(), machine_cpu())
    result = load()
    after = (group_cpu(group), postgres_cpu(), children_cpu(), machine_cpu())
    per_request = [(b - a) * 1000 / max(1, result.requests) for a, b in zip(before, after, strict=True)]
    server, database, tool, machine = per_request
    return result, CpuShare(server, database, tool, machine - server - database - tool)
