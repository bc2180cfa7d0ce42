"""No regular expression of the project backtracks super-linearly on hostile input.

Every compiled pattern held at module level in ``gongkai`` (directly or in a module-level list or
tuple) is run (``finditer``, ``search``, ``match``) over 20,000-character runs of characters that
patterns like to repeat: blanks, digits, letters, punctuation, CJK, an ``@``. A quadratic pattern
(``\\s*[-|]\\s*…`` on a run of blanks, the old e-mail pattern on a run of letters) takes tens of
seconds on these; a linear one a few milliseconds. Bound: 1 s per pattern over all runs.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import gongkai

N = 20_000
LIMIT = 2.0  # seconds of CPU (a quadratic pattern takes tens of seconds here)
UNITS = [
    "a",
    "1",
    " ",
    "\t",
    "\n",
    "\u3000",
    ".",
    "-",
    "a@",
    "@a.",
    "1 ",
    "1.",
    "1,",
    "1\n",
    "一",
    "一 ",
    "年",
    "（",
    "<",
    "|",
    "*",
    "#",
    "、",
    "x",
    "0",
    "a ",
    "第1页" + " " * 5000 + "x",
    "续表" + " " * 5000,
]


def _patterns() -> dict[str, re.Pattern[str] | re.Pattern[bytes]]:
    found: dict[str, re.Pattern[str] | re.Pattern[bytes]] = {}
    for module_info in pkgutil.walk_packages(gongkai.__path__, "gongkai."):
        if ".migrations" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, (list, tuple)) else (value,)
            for n, candidate in enumerate(values):
                if isinstance(candidate, re.Pattern):
                    found[f"{module_info.name}.{name}" + (f"[{n}]" if candidate is not value else "")] = candidate
    return found


PATTERNS = _patterns()


def test_patterns_were_found() -> None:
    assert len(PATTERNS) > 40
    assert "gongkai.platform.registry.scan._SECRET" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear_on_hostile_runs(name: str) -> None:
    pattern = PATTERNS[name]
    start = time.process_time()
    for unit in UNITS:
        text = (unit * (N // len(unit) + 1))[:N]
        subjects: tuple[str, str] | tuple[bytes, bytes] = (
            (text.encode(), text.encode() + b"!") if isinstance(pattern.pattern, bytes) else (text, text + "!")
        )
        for _ in pattern.finditer(subjects[0]):  # type: ignore[arg-type]
            pass
        pattern.search(subjects[1])  # type: ignore[arg-type]
        pattern.match(subjects[0])  # type: ignore[arg-type]
    elapsed = time.process_time() - start
    assert elapsed < LIMIT, f"{name} ({pattern.pattern!r}): {elapsed:.2f} s"
