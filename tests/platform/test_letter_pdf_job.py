"""Issue 11: a reply letter's PDF leaves the request. It is rendered once by a job queued when the
letter is issued, the download serves the stored file, and until then the download answers at once
with a page that says 正在生成 and refreshes itself. LibreOffice is replaced by a counting stand-in:
what is tested here is who converts when, not the conversion (``test_letters_of_record`` does that)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.platform.desk import approval, services
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.platform.letters import tasks
from gongkai.platform.letters.models import IssuedLetter, LetterKind
from gongkai.render.to_pdf import PdfConversionError

from .conftest import APPLICANT, signed_answer

pytestmark = pytest.mark.django_db


class Converter:
    """Counts its calls; each PDF names the letter it was made from."""

    def __init__(self, fail: str = "") -> None:
        self.calls: list[str] = []
        self.fail = fail

    def __call__(self, docx: bytes, name: str) -> bytes:
        self.calls.append(name)
        if self.fail:
            raise PdfConversionError(self.fail, "LibreOffice (soffice) failed")
        return b"%PDF-1.7 stand-in for " + name.encode()


@pytest.fixture
def converter(monkeypatch: pytest.MonkeyPatch) -> Converter:
    cache.clear()
    made = Converter()
    monkeypatch.setattr(tasks, "docx_bytes_to_pdf", made)
    monkeypatch.setattr("gongkai.platform.letters.issue.docx_bytes_to_pdf", made)
    return made


def registered(office: dict[str, Any]) -> Application:
    return services.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=dt.date(2021, 3, 1),
        applicant=APPLICANT,
        description="某文件",
    )


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_pdf_is_rendered_by_a_job_after_the_answer_and_the_download_never_waits_for_it(
    office: dict[str, Any], converter: Converter, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = registered(office)
    with django_capture_on_commit_callbacks() as queued:  # the answer's transaction commits; jobs wait
        signed_answer(office["clerk"], case, outcome="granted", on=dt.date(2021, 3, 5), reply_text="见附件")
    letter = IssuedLetter.objects.get(application=case, kind=LetterKind.REPLY)
    assert not letter.pdf and queued and converter.calls == []
    clerk = signed_in(office["clerk"])
    # before the job ran: an immediate page that refreshes, no conversion in the request
    for url in (f"/letters/case/{case.pk}.pdf", f"/letters/track/{case.tracking_code}.pdf"):
        client = clerk if "/case/" in url else Client()
        waiting = client.get(url)
        assert waiting.status_code == 202 and waiting["Retry-After"] == "3", url
        page = waiting.content.decode()
        assert "正在生成" in page and 'http-equiv="refresh"' in page and letter.number in page
    assert converter.calls == []
    # the job: converts once and keeps the file
    for job in queued:
        job()
    assert converter.calls == [letter.number]
    letter.refresh_from_db()
    stored = bytes(letter.pdf)
    assert stored.startswith(b"%PDF") and letter.number.encode() in stored
    served = clerk.get(f"/letters/case/{case.pk}.pdf")
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    assert served.content == stored and served["Content-Disposition"].endswith(f'reply-{case.tracking_code}.pdf"')
    assert Client().get(f"/letters/track/{case.tracking_code}.pdf").content == stored
    # the job again (retried after its worker died): the letter of record is not converted twice
    assert tasks.render_letter_pdf(letter.pk) == "stored already" and converter.calls == [letter.number]
    assert tasks.render_letter_pdf(10**9) == "missing"


def test_the_heads_signature_queues_the_pdf_and_embedded_it_runs_in_process_after_commit(
    office: dict[str, Any], converter: Converter, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    case = registered(office)
    draft = approval.draft_answer(office["clerk"], case, outcome="granted", reply_text="见附件")
    assert converter.calls == []
    with django_capture_on_commit_callbacks(execute=True):  # no broker: the job runs once the step commits
        approval.sign(office["head"], draft, on=dt.date(2021, 3, 5))
    letter = IssuedLetter.objects.get(application=case, kind=LetterKind.REPLY)
    assert converter.calls == [letter.number] and bytes(letter.pdf).startswith(b"%PDF")
    answer = signed_in(office["clerk"]).get(f"/letters/case/{case.pk}.pdf")
    assert answer.status_code == 200 and answer.content == bytes(letter.pdf)
    # only the reply letter is downloaded as PDF: notices issued on the way queue nothing
    services.ask_clarification(office["clerk"], registered(office), dt.date(2021, 3, 2), "请写明年份。")
    assert converter.calls == [letter.number]


def test_a_lost_job_is_queued_again_by_a_download_and_a_failure_is_said_not_waited_for(
    office: dict[str, Any],
    converter: Converter,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    case = registered(office)
    with django_capture_on_commit_callbacks():  # the job is lost (its worker and the broker's copy with it)
        signed_answer(office["clerk"], case, outcome="granted", on=dt.date(2021, 3, 5), reply_text="见附件")
    clerk = signed_in(office["clerk"])
    with django_capture_on_commit_callbacks() as requeued:
        assert clerk.get(f"/letters/case/{case.pk}.pdf").status_code == 202
        assert clerk.get(f"/letters/case/{case.pk}.pdf").status_code == 202  # asked again: not queued twice
    assert len(requeued) == 1 and converter.calls == []
    converter.fail = "未找到 LibreOffice"
    requeued[0]()
    letter = IssuedLetter.objects.get(application=case, kind=LetterKind.REPLY)
    assert not letter.pdf and "soffice" in letter.pdf_error
    failed = clerk.get(f"/letters/case/{case.pk}.pdf")
    assert failed.status_code == 503 and "soffice" in failed.content.decode()
    # once LibreOffice works again, a later download (the minute passed) queues the job once more
    converter.fail = ""
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert clerk.get(f"/letters/case/{case.pk}.pdf").status_code == 503  # the failure on record, for now
    answer = clerk.get(f"/letters/case/{case.pk}.pdf")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")
    letter.refresh_from_db()
    assert letter.pdf_error == "" and bytes(letter.pdf) == answer.content
