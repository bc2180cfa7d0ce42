"""The package's layers import only the layers above them (README.md, "Layout").

The order is report → ingest and render → platform → cli: ``report`` imports no other layer,
``ingest`` and ``render`` only ``report`` (they are siblings: a reader never needs a renderer, nor
a renderer a reader), ``platform`` those three, ``cli`` all; the modules at the package's top (``gongkai.libreoffice``)
are a foundation any layer may use, and they import no layer. Every import counts, wherever it
stands (a function-local import hides a dependency from the top of the file, not from this test),
and so does a module named in a string (``ingest/read.py``'s ``READERS`` map, loaded through
``importlib``), which static tools do not see.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import gongkai

_SRC = Path(gongkai.__file__).parent
LAYERS = ("report", "ingest", "render", "platform", "cli")
# each layer's floor: a module imports only layers on a floor above its own (ingest and render share one)
_FLOORS = {"report": 0, "ingest": 1, "render": 1, "platform": 2, "cli": 3}
_FOUNDATION = -1  # a module at the package's top (gongkai.libreoffice): above every layer, importing none
# a string naming a module of a layer (``"gongkai.ingest.text"``): an import made through importlib
_MODULE_NAME = re.compile(r"^gongkai(?:\.\w+)+$")


def _module(path: Path) -> str:
    parts = path.relative_to(_SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _rank(module: str) -> int | None:
    """The floor of a module of the package's layer (``_FLOORS``), ``_FOUNDATION`` for one at
    its top, None for a module outside the package."""
    parts = module.split(".")
    if parts[0] != "gongkai":
        return None
    if len(parts) == 1:
        return _FOUNDATION
    if parts[1] in LAYERS:
        return _FLOORS[parts[1]]
    return _FOUNDATION if (_SRC / f"{parts[1]}.py").is_file() else len(LAYERS)  # an unknown package: no layer


def _layer(module: str) -> str:
    """The layer's package of a module of the package (``ingest`` for ``gongkai.ingest.text``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imported(source: str, module: str, package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, module) for every module the source of ``module`` imports, relative imports
    resolved (``package``: the source is the package's ``__init__``)."""
    here = module.split(".") if package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            if node.module:
                yield node.lineno, target
            else:  # ``from .. import inputs``: each name may be a module of that package
                yield from ((node.lineno, f"{target}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _names_module(node.value):
            yield node.lineno, node.value


def _names_module(text: str) -> bool:
    """Whether a string names a module of the package (not a logger's or a task's dotted name)."""
    if not _MODULE_NAME.match(text):
        return False
    path = _SRC.parent.joinpath(*text.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _wrong_way(source: str, module: str, package: bool = False) -> list[str]:
    """The imports of ``module`` that run down the layers, across to a sibling layer, or out of them."""
    own = _rank(module)
    assert own is not None and own < len(LAYERS), f"{module} is in no layer: add its package to LAYERS"
    return [
        f"line {line} imports {target}"
        for line, target in _imported(source, module, package)
        if (rank := _rank(target)) is not None
        and (rank > own or (rank == own and rank != _FOUNDATION and _layer(target) != _layer(module)))
    ]


def test_each_layer_imports_only_the_layers_above_it() -> None:
    found = {
        str(path.relative_to(_SRC)): wrong
        for path in sorted(_SRC.rglob("*.py"))
        if (wrong := _wrong_way(path.read_text(encoding="utf-8"), _module(path), path.name == "__init__.py"))
    }
    assert found == {}


def test_every_kind_of_import_down_the_layers_is_seen() -> None:
    # What the test above cannot see, it cannot fail on: a static, a function-local, a relative
    # and an importlib-by-name import of a lower layer are each found; upward ones pass.
    source = """
from gongkai.report.model import Report
import gongkai.ingest.read
from ..render import batch


def late() -> None:
    from ..platform.desk import services


READERS = {"text": ("gongkai.cli.read", "main")}
"""
    assert _wrong_way(source, "gongkai.ingest.sheet") == [
        "line 4 imports gongkai.render",
        "line 8 imports gongkai.platform.desk",
        "line 11 imports gongkai.cli.read",
    ]
    assert _wrong_way(source, "gongkai.cli.main") == []
    # ingest and render are siblings: neither imports the other; each imports itself and report
    assert _wrong_way("from gongkai.ingest.read import read_report", "gongkai.render.html") == [
        "line 1 imports gongkai.ingest.read"
    ]
    assert _wrong_way("from gongkai.render import html\nfrom gongkai.report import model", "gongkai.render.pdf") == []
    assert _wrong_way("import gongkai.report.model", "gongkai.libreoffice") == ["line 1 imports gongkai.report.model"]
    assert _wrong_way("from . import labels", "gongkai.report", package=True) == []
