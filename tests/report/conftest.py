from __future__ import annotations

import pytest

from gongkai.report.templates import TEMPLATE_2019, TEMPLATE_2021, Template


@pytest.fixture(params=[TEMPLATE_2019, TEMPLATE_2021], ids=["2019", "2021"])
def template(request: pytest.FixtureRequest) -> Template:
    result: Template = request.param
    return result
