from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from gongkai.platform.accounts.models import Role, User
from gongkai.platform.agencies.models import Agency


@pytest.fixture
def staff(tree: dict[str, Agency], make_user: Callable[..., User]) -> dict[str, Any]:
    """海盐县's office (drafter = clerk, reviewer = head), another agency's clerk, a supervisor, the public."""
    return {
        **tree,
        "clerk": make_user("hy_clerk", Role.CLERK, tree["hy"], display_name="海盐经办"),
        "head": make_user("hy_head", Role.HEAD, tree["hy"], display_name="海盐负责人"),
        "cn_clerk": make_user("cn_clerk", Role.CLERK, tree["cn"]),
        "cn_head": make_user("cn_head", Role.HEAD, tree["cn"]),
        "jx_supervisor": make_user("jx_sup", Role.SUPERVISOR, tree["jx"]),
        "applicant": make_user("alice", Role.APPLICANT),
        "admin": make_user("root", Role.ADMIN),
    }
