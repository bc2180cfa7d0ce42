"""The statutory labels are spelled in one place: ``report/templates.py``.

Any other module or page that needs a row, column, table or section label takes it from the
templates. This test reads every string literal of ``src/`` (docstrings and comments aside: they
may quote the law) and every page template, and fails on a label typed there by hand.

What counts as a label: every label of both templates printed with its numbering (（三）不予公开,
三、收到和处理政府信息公开申请情况, 第二十条第（一）项), and every label of six characters or
more without it (本年新收政府信息公开申请数量). Shorter bare labels (予以公开, 行政复议) are
ordinary words of the law that letters and sentences use in their own right.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from gongkai.report import templates as tpl

SRC = Path(tpl.__file__).resolve().parents[1]
TEMPLATES_PY = Path(tpl.__file__).resolve()
LONG = 6


def _labels() -> set[str]:
    bare: set[str] = set()
    numbered: set[str] = {table.heading for table in tpl.TABLES} | {section.heading for section in tpl.SECTIONS}
    for template in (tpl.TEMPLATE_2019, tpl.TEMPLATE_2021):
        for arow in template.active_rows:
            bare.update(arow.labels)
            numbered.add(arow.item)
            for field in arow.fields:
                bare.update(field.labels)
        for rrow in template.request_rows:
            bare.update(rrow.labels)
            if rrow.number:
                numbered.add(rrow.printed)
            numbered.update(heading for heading in (rrow.group, rrow.section) if heading)
        for column in template.request_columns:
            bare.update(column.labels)
        for group in template.appeal_groups:
            bare.add(group.label)
        for appeal_field in template.appeal_fields:
            bare.update(appeal_field.labels)
    for table in tpl.TABLES:
        bare.add(table.title)
    for section in tpl.SECTIONS:
        bare.update(section.titles)
    return {label for label in bare if len(label) >= LONG} | {label for label in numbered if len(label) >= 4}


LABELS = _labels()
_PATTERN = re.compile("|".join(re.escape(label) for label in sorted(LABELS, key=len, reverse=True)))


def _docstring_nodes(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _python_strings(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _page_text(path: Path) -> Iterator[tuple[int, str]]:
    text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)  # template comments
    yield from enumerate(text.splitlines(), 1)


def spelled_outside(root: Path = SRC) -> list[str]:
    found = []
    for path in sorted(root.rglob("*")):
        if path == TEMPLATES_PY or "migrations" in path.parts:
            continue
        if path.suffix == ".py":
            strings = _python_strings(path)
        elif path.suffix in (".html", ".txt"):
            strings = _page_text(path)
        else:
            continue
        for line, text in strings:
            for match in _PATTERN.finditer(text):
                found.append(f"{path.relative_to(root)}:{line}: {match.group()}")
    return found


def test_the_scan_knows_the_labels() -> None:
    assert "本年新收政府信息公开申请数量" in LABELS and "（三）不予公开" in LABELS
    assert "三、收到和处理政府信息公开申请情况" in LABELS and "第二十条第（一）项" in LABELS
    assert "予以公开" not in LABELS  # a word of the law, not only a label


def test_a_label_typed_outside_the_templates_is_found(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text('"""Docstrings may quote 结转下年度继续办理."""\nTITLE = "（三）不予公开"\n')
    (tmp_path / "page.html").write_text("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>\n")
    assert spelled_outside(tmp_path) == [
        "module.py:2: （三）不予公开",
        "page.html:1: 四、政府信息公开行政复议、行政诉讼情况",
    ]


def test_no_statutory_label_is_spelled_outside_report_templates() -> None:
    assert spelled_outside() == []
