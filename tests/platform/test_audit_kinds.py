"""Audit entries of declared kinds only (``audit.labels.Action``), each with its Chinese label, and pages
that show the label, never the code."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from gongkai.platform.audit.labels import ACTION_LABELS, Action, action_label
from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.audit.services import record
from gongkai.platform.desk import services

from .conftest import APPLICANT

SRC = Path(__file__).resolve().parents[2] / "src" / "gongkai"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _text(html: str) -> str:
    """What a reader sees: no tags, no styles (a code in an <option value=…> is not shown)."""
    return re.sub(r"<style.*?</style>|<script.*?</script>|<[^>]+>", "", html, flags=re.S)


def test_every_kind_has_its_own_chinese_label() -> None:
    labels = [str(kind.label) for kind in Action]
    assert len(labels) > 60
    for kind in Action:
        assert re.fullmatch(r"[a-z]+(\.[a-z_]+)+", kind.value), kind.value
        assert CHINESE.search(str(kind.label)) and not re.search(r"[A-Za-z]", str(kind.label)), kind
        assert action_label(kind.value) == kind.label == ACTION_LABELS[kind.value]
    assert len(set(labels)) == len(labels), sorted(label for label in labels if labels.count(label) > 1)


def test_record_refuses_an_undeclared_kind(db: Any, tree: dict[str, Any]) -> None:
    for kind in ("desk.made_up", "desk.submit", "", None, 3):  # a string that spells a declared code, too
        with pytest.raises(TypeError, match="Action"):
            record(None, kind, tree["hy"])  # type: ignore[arg-type]
    assert not AuditEntry.objects.exists()
    assert record(None, Action.ADMIN_CHANGE, tree["hy"]).action == "admin.change"


def _calls_with_a_written_kind(path: Path) -> list[str]:
    """``record(actor, "x.y", …)`` or ``record(actor, f"x.{y}", …)``: a kind spelled in place, not declared."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name == "record" and isinstance(node.args[1], ast.Constant | ast.JoinedStr | ast.BinOp):
            found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_no_call_writes_its_kind_as_a_string() -> None:
    """The type checker says so for the code it checks; this says it for every file, checked or not."""
    paths = sorted(SRC.rglob("*.py"))
    assert len(paths) > 100
    assert [place for path in paths for place in _calls_with_a_written_kind(path)] == []
    probe = ast.parse('record(actor, "desk.submit", case)\nrecord(actor, f"x.{y}", case)')
    assert sum(isinstance(n, ast.Call) for n in ast.walk(probe)) == 2  # the scan sees both forms


def test_the_case_history_and_the_audit_page_show_every_kind_in_words(office: dict[str, Any]) -> None:
    case = services.submit_online(None, office["hy"], applicant=APPLICANT, description="某文件")
    for kind in Action:
        record(office["clerk"], kind, case, note="说明")
    clerk = Client()
    clerk.force_login(office["clerk"])
    for url in (f"/desk/{case.pk}/", "/audit/"):
        page = _text(clerk.get(url).content.decode())
        missing = [str(kind.label) for kind in Action if str(kind.label) not in page]
        assert not missing, (url, missing)
        codes = [kind.value for kind in Action if kind.value in page]
        assert not codes, (url, codes)
