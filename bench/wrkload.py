"""The benchmarks' load tool: ``wrk`` (C, one event loop per thread) with ``wrk_session.lua``.

The earlier load tool, a pool of Python threads in the benchmark's own process, took about half of
the two cores it shared with the server: the server's figures were those of a machine with one core.
wrk costs a few per cent of one core at the same load. ``apt-get install wrk`` (Debian) — a bench-only
tool, not a dependency of the platform.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
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
