"""报送: an agency submits its computed report to its parent; the supervisor returns it with
comments or accepts it; submitted entries are locked until returned; the head publishes the
accepted report into the store. Every step audited on the filing."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.platform.annual.services import AnnualError, save_entries
from gongkai.platform.audit.services import history
from gongkai.platform.oversight import filing as filings
from gongkai.platform.oversight.models import FilingStatus, PublishedReport
from gongkai.platform.oversight.services import OversightError, PermissionDenied


def test_submit_return_resubmit_accept_publish(office: dict[str, Any]) -> None:
    hy, clerk, head, supervisor = office["hy"], office["clerk"], office["head"], office["jx_supervisor"]
    save_entries(clerk, hy, 2024, sections={"一": "2024年，海盐县持续推进政务公开。"})
    with pytest.raises(PermissionDenied):
        filings.submit(supervisor, hy, 2024)
    filing = filings.submit(clerk, hy, 2024)
    assert filing.status == FilingStatus.SUBMITTED and filing.data["agency"] == hy.name
    with pytest.raises(AnnualError, match="已报送"):
        save_entries(clerk, hy, 2024, sections={"五": "改"})
    with pytest.raises(OversightError):
        filings.submit(clerk, hy, 2024)
    with pytest.raises(PermissionDenied):
        filings.accept(office["wz_supervisor"], filing)  # not 海盐县's 主管部门
    with pytest.raises(OversightError):
        filings.return_filing(supervisor, filing, " ")
    filing = filings.return_filing(supervisor, filing, "第五部分未写存在的问题")
    save_entries(clerk, hy, 2024, sections={"五": "存在的问题：解读形式单一。改进：增加图解。"})  # unlocked
    filing = filings.submit(clerk, hy, 2024)
    with pytest.raises(OversightError):
        filings.publish(head, filing)  # not yet accepted
    filing = filings.accept(supervisor, filing, "同意发布")
    with pytest.raises(PermissionDenied):
        filings.publish(clerk, filing)  # the head publishes
    filing = filings.publish(head, filing)
    stored = PublishedReport.objects.get(agency=hy, year=2024)
    assert stored.current.source == "platform" and stored.published_on is not None
    steps = [e.action for e in history(filing)]
    assert steps == [
        "oversight.filing.submitted",
        "oversight.filing.returned",
        "oversight.filing.submitted",
        "oversight.filing.accepted",
        "oversight.filing.published",
    ]


def test_an_agency_without_parent_does_not_submit(office: dict[str, Any], make_user: Any) -> None:
    clerk = make_user("zj_clerk", "clerk", office["zj"])
    with pytest.raises(OversightError):
        filings.submit(clerk, office["zj"], 2024)
