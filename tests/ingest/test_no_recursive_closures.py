"""No function of the reader defines a nested function that calls itself.

A recursive closure holds a cell that holds the closure: every call of the function that defines
it leaves a reference cycle, which ``read_report`` (recognising with the cyclic collector paused,
``collector_paused``) leaves for the collector. ``test_recognising_makes_few_reference_cycles``
counts what a few fixtures leave; this finds the pattern itself, on any layout: such a search is a
module function with its state passed instead (``vanished_search._completes``, ``table_search._witness``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import gongkai

_SRC = Path(gongkai.__file__).parent


def _recursive_closures(tree: ast.Module) -> list[str]:
    found: list[str] = []
    for outer in ast.walk(tree):
        if not isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        nested = [
            n for n in ast.walk(outer) if n is not outer and isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
        ]
        names = {n.name for n in nested}
        # What each nested function names of its siblings: a cycle among them (itself, or two
        # calling each other) is a cycle of closures.
        calls = {n.name: {x.id for x in ast.walk(n) if isinstance(x, ast.Name) and x.id in names} for n in nested}
        for name, called in calls.items():
            if name in called or any(name in calls.get(other, set()) for other in called):
                found.append(f"{outer.name}.{name} (line {outer.lineno})")
    return found


def test_the_reader_defines_no_recursive_closure() -> None:
    found = {
        str(path.relative_to(_SRC)): closures
        for path in sorted((_SRC / "ingest").glob("*.py"))
        if (closures := _recursive_closures(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}
