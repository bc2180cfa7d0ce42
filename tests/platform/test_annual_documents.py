"""Issue 11: the annual report's PDF leaves the request. A job renders it, stored under the digest of
the report it shows; the download serves the stored file, answers 202 正在生成 (a page that refreshes)
until then, 503 with the reason when the conversion failed, and asks for a lost job again at most once
a minute. The same figures are never rendered twice; a changed case gives a new digest. LibreOffice
is a counting stand-in except in the first test, which converts for real."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.platform.annual import documents, publishing, tasks
from gongkai.platform.annual.compile import compile_report
from gongkai.platform.annual.models import RenderedReport
from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.render.to_pdf import PdfConversionError
from gongkai.report.model import Report
from tests.environment import need_tool

from .conftest import APPLICANT, signed_answer

pytestmark = pytest.mark.django_db
D = dt.date


class Renderer:
    """Counts its calls; each PDF names the agency and the cases received that year."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int | None]] = []
        self.fail = ""

    def __call__(self, report: Report) -> bytes:
        received = report.requests["new_received"][6]
        self.calls.append((report.agency, received))
        if self.fail:
            raise PdfConversionError(self.fail, "LibreOffice (soffice) failed")
        return f"%PDF-1.7 stand-in for {report.agency}, {received} received".encode()


@pytest.fixture
def renderer(monkeypatch: pytest.MonkeyPatch) -> Renderer:
    cache.clear()
    made = Renderer()
    monkeypatch.setattr(tasks, "render_pdf", made)
    return made


def received(office: dict[str, Any], on: dt.date, agency: str = "hy", clerk: str = "clerk") -> Application:
    return services.register(
        office[clerk],
        office[agency],
        channel=Channel.IN_PERSON,
        submitted_on=on,
        applicant=APPLICANT,
        description="某文件",
    )


@pytest.fixture
def answered(office: dict[str, Any]) -> Application:
    case = received(office, D(2021, 3, 1))
    signed_answer(office["clerk"], case, outcome="granted", on=D(2021, 3, 15), reply_text="见政府网站")
    return case


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fetched(client: Client, address: str, capture: Callable[..., Any]) -> Any:
    """A download as the embedded platform answers it: 202 while the job runs in this process once the
    request's work commits, then the stored file."""
    with capture(execute=True):
        first = client.get(address)
    if first.status_code != 202:
        return first
    assert "正在生成" in first.content.decode()
    return client.get(address)


def url(office: dict[str, Any], agency: str = "hy", aggregate: bool = False) -> str:
    return f"/annual/{office[agency].pk}/2021/report.pdf" + ("?aggregate=1" if aggregate else "")


def test_the_pdf_is_rendered_for_real_by_the_job_202_then_200(
    office: dict[str, Any], answered: Application, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    need_tool("soffice", "libreoffice")
    pdfium = pytest.importorskip("pypdfium2")
    clerk = signed_in(office["clerk"])
    with django_capture_on_commit_callbacks() as queued:  # a worker will take it: the request does not wait
        waiting = clerk.get(url(office))
    assert waiting.status_code == 202 and waiting["Retry-After"] == str(documents.REFRESH_SECONDS)
    page = waiting.content.decode()
    assert "正在生成" in page and 'http-equiv="refresh"' in page and "海盐县人民政府" in page
    assert len(queued) == 1
    queued[0]()  # the job: LibreOffice
    served = clerk.get(url(office))
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].endswith(f'report-{office["hy"].pk}-2021.pdf"')
    text = "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(served.content))
    assert "海盐县人民政府" in "".join(text.split()) and "2021" in text
    stored = RenderedReport.objects.get()
    assert bytes(stored.file or b"") == served.content and stored.error == ""


def test_the_job_renders_a_report_once_and_the_download_serves_it(
    office: dict[str, Any],
    answered: Application,
    renderer: Renderer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    clerk = signed_in(office["clerk"])
    with django_capture_on_commit_callbacks() as queued:
        assert clerk.get(url(office)).status_code == 202
        assert clerk.get(url(office)).status_code == 202  # asked again within the minute: not queued twice
    assert len(queued) == 1 and renderer.calls == []
    rendering = RenderedReport.objects.get()
    expected = compile_report(office["hy"], 2021).report.to_dict()
    assert rendering.digest == documents.digest(expected, "pdf") and rendering.data == expected
    queued[0]()
    queued[0]()  # retried after its worker died: the stored file is kept, nothing converted again
    assert renderer.calls == [("海盐县人民政府", 1)]
    assert tasks.render_report_document(rendering.digest) == "stored already"
    assert tasks.render_report_document("0" * 64) == "missing"
    with django_capture_on_commit_callbacks() as again:
        served = clerk.get(url(office))
    assert served.status_code == 200 and served.content == "%PDF-1.7 stand-in for 海盐县人民政府, 1 received".encode()
    assert again == [] and renderer.calls == [("海盐县人民政府", 1)]


def test_the_digest_follows_the_records_and_the_old_file_is_not_served(
    office: dict[str, Any],
    answered: Application,
    renderer: Renderer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    clerk = signed_in(office["clerk"])
    first = fetched(clerk, url(office), django_capture_on_commit_callbacks)  # embedded: 202, then 200
    assert first.status_code == 200 and first.content.endswith(b"1 received")
    before = RenderedReport.objects.get().digest
    received(office, D(2021, 6, 1))  # one more case on the year: table 三 changes
    with django_capture_on_commit_callbacks() as queued:
        waiting = clerk.get(url(office))
    assert waiting.status_code == 202, "the file of the old figures must not be served"
    after = documents.digest(compile_report(office["hy"], 2021).report.to_dict(), "pdf")
    assert after != before and {r.digest for r in RenderedReport.objects.all()} == {before, after}
    for job in queued:
        job()
    assert clerk.get(url(office)).content.endswith(b"2 received")
    # the aggregate report (with 秦山街道's cases) is a report of its own, with a digest of its own
    received(office, D(2021, 7, 1), agency="qs", clerk="qs_clerk")
    supervisor = signed_in(office["jx_supervisor"])
    total = fetched(supervisor, url(office, aggregate=True), django_capture_on_commit_callbacks)
    assert total.status_code == 200 and total.content.endswith(b"3 received")
    assert renderer.calls == [("海盐县人民政府", 1), ("海盐县人民政府", 2), ("海盐县人民政府（含所属机关）", 3)]


def test_a_failure_is_said_and_the_job_is_asked_for_again_at_most_once_a_minute(
    office: dict[str, Any],
    answered: Application,
    renderer: Renderer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    clerk = signed_in(office["clerk"])
    renderer.fail = "未找到 LibreOffice"
    with django_capture_on_commit_callbacks(execute=True):
        assert clerk.get(url(office)).status_code == 202
    failed = clerk.get(url(office))
    assert failed.status_code == 503 and "soffice" in failed.content.decode()
    with django_capture_on_commit_callbacks() as queued:
        assert clerk.get(url(office)).status_code == 503  # within the minute: said, not queued again
    assert queued == [] and len(renderer.calls) == 1
    renderer.fail = ""
    cache.clear()  # the minute passed
    with django_capture_on_commit_callbacks(execute=True):
        assert clerk.get(url(office)).status_code == 503  # the failure on record, for now; queued again
    answer = clerk.get(url(office))
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    assert RenderedReport.objects.get().error == "" and len(renderer.calls) == 2


def test_who_may_not_see_the_agency_gets_404_and_nothing_is_rendered(
    office: dict[str, Any],
    answered: Application,
    renderer: Renderer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert signed_in(office["cn_clerk"]).get(url(office)).status_code == 404  # another county's office
        assert signed_in(office["wz_supervisor"]).get(url(office)).status_code == 404
        assert signed_in(office["clerk"]).get(url(office, aggregate=True)).status_code == 404  # not its supervisor
        assert signed_in(office["alice"]).get(url(office)).status_code == 404
        assert Client().get(url(office)).status_code == 302  # to the login page
    assert renderer.calls == [] and not RenderedReport.objects.exists()


def test_publishing_renders_the_published_report_for_the_portal(
    office: dict[str, Any],
    answered: Application,
    renderer: Renderer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    portal = f"/portal/{office['hy'].code}/reports/2021/report.pdf"
    assert Client().get(portal).status_code == 404  # nothing published yet
    with django_capture_on_commit_callbacks(execute=True):
        publication = publishing.publish_report(office["head"], office["hy"], 2021, confirmed=True)
    assert renderer.calls == [("海盐县人民政府", 1)]
    served = Client().get(portal)
    assert served.status_code == 200 and served.content.endswith(b"1 received")
    assert portal in Client().get(f"/portal/{office['hy'].code}/reports/").content.decode()
    # the office's download of the same figures is the same file: not rendered twice
    assert signed_in(office["clerk"]).get(url(office)).content == served.content and len(renderer.calls) == 1
    # the records change after publishing: the portal keeps serving the report as published
    received(office, D(2021, 6, 1))
    again = fetched(signed_in(office["clerk"]), url(office), django_capture_on_commit_callbacks)
    assert again.content.endswith(b"2 received")
    assert Client().get(portal).content == served.content
    assert RenderedReport.objects.filter(digest=documents.digest(publication.data, "pdf")).exists()


def test_old_renderings_are_pruned_but_the_published_one_is_kept(
    office: dict[str, Any],
    answered: Application,
    renderer: Renderer,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        publication = publishing.publish_report(office["head"], office["hy"], 2021, confirmed=True)
    clerk = signed_in(office["clerk"])
    for day in range(2, 2 + documents.KEEP + 3):  # the records change again and again, each downloaded
        received(office, D(2021, 4, day))
        assert fetched(clerk, url(office), django_capture_on_commit_callbacks).status_code == 200
    kept = set(RenderedReport.objects.values_list("digest", flat=True))
    assert len(kept) == documents.KEEP + 1 and documents.digest(publication.data, "pdf") in kept
    newest = documents.digest(compile_report(office["hy"], 2021).report.to_dict(), "pdf")
    assert newest in kept
    assert Client().get(f"/portal/{office['hy'].code}/reports/2021/report.pdf").status_code == 200
    renderer.fail = "未找到 LibreOffice"  # failed renderings are kept bounded too
    for day in range(10, 10 + documents.KEEP + 2):
        received(office, D(2021, 4, day))
        assert fetched(clerk, url(office), django_capture_on_commit_callbacks).status_code == 503
    assert RenderedReport.objects.count() == documents.KEEP + 1
    assert RenderedReport.objects.filter(digest=documents.digest(publication.data, "pdf")).exists()
