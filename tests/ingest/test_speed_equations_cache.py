"""``equations(template)`` without the derived equations is built once a template (issue 9:
read_report's speed; several readers ask it of every report read): it must give what the filter
of every equation it replaced gave, in the same order, and a tuple no caller can change."""

from __future__ import annotations

import pytest

from gongkai.report.equations import _all, equations
from gongkai.report.templates import TEMPLATES


@pytest.mark.parametrize("template_id", sorted(TEMPLATES))
def test_stated_equations_are_the_filter_of_all(template_id: str) -> None:
    template = TEMPLATES[template_id]
    as_it_was = tuple(e for e in _all(template.id) if not e.derived)
    assert equations(template) == as_it_was
    assert equations(template) is equations(template)  # remembered, not rebuilt
    assert isinstance(equations(template), tuple)  # immutable: a caller cannot change the cache
    assert equations(template, derived=True) == _all(template.id)
    assert all(not e.derived for e in equations(template))
