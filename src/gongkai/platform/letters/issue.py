"""Issuing letters of record: numbered (文号 per agency and year) and frozen when the step happens.

The desk announces each change (``desk.signals.case_changed``); the step that sends something to
the applicant issues its letter then, in the same transaction, from the state that step produced.
Downloads serve the stored file: a later extension, fee or correction never rewrites a letter that
was sent. A case decided before letters were kept gets its letter frozen at the first download.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from ...render.to_pdf import docx_bytes_to_pdf
from ..agencies.models import Agency
from ..desk.models import Application
from .models import IssuedLetter, LetterKind
from .render import Letter, compose_consultation, compose_letter, compose_notice, notice_ready, write_docx

# Which step issues which letter (every step that sets the outcome issues the reply).
NOTICE_OF_ACTION = {
    "desk.ask_clarification": LetterKind.CLARIFICATION,
    "desk.extend": LetterKind.EXTENSION,
    "desk.fee_notice": LetterKind.FEE,
}
REPLY_ACTIONS = frozenset({"desk.answer", "desk.close_no_clarification", "desk.close_unpaid_fee", "desk.withdraw"})


def letter_number(agency: Agency, year: int, sequence: int) -> str:
    return f"{agency.short_name or agency.name}依申请公开〔{year}〕{sequence}号"


def issue(case: Application, kind: str) -> IssuedLetter:
    """Number, compose and store the letter of ``kind`` for ``case`` as it stands now."""
    letter: Letter = compose_letter(case) if kind == LetterKind.REPLY else compose_notice(case, kind)
    on = {
        LetterKind.REPLY: case.decided_on,
        LetterKind.CLARIFICATION: case.clarification_sent_on,
        LetterKind.EXTENSION: case.extension_approved_on,
        LetterKind.FEE: case.fee_notice_on,
    }[LetterKind(kind)]
    year = on.year if on is not None else case.submitted_on.year
    return _store(case, kind, letter, year, with_code=True)


def _store(case: Application, kind: str, letter: Letter, year: int, *, with_code: bool = False) -> IssuedLetter:
    """Number and keep ``letter``. ``with_code``: letters to the applicant carry the tracking code
    (never a consultation letter: the code opens the applicant's letters)."""
    with transaction.atomic():
        # The agency row is the lock of its numbering: two letters never get one number.
        Agency.objects.select_for_update().filter(pk=case.agency_id).first()
        last = IssuedLetter.objects.filter(agency_id=case.agency_id, year=year).aggregate(n=Max("sequence"))["n"]
        sequence = (last or 0) + 1
        number = letter_number(case.agency, year, sequence)
        letter.number = f"{number}\n查询码 {case.tracking_code}" if with_code else number
        issued = IssuedLetter.objects.create(
            application=case,
            agency_id=case.agency_id,
            kind=kind,
            year=year,
            sequence=sequence,
            number=number,
            title=letter.title,
            paragraphs=letter.paragraphs,
            signature=letter.signature,
            date_text=letter.date,
            docx=write_docx(letter),
        )
    if kind == LetterKind.REPLY:  # the letter downloaded as PDF: rendered once, by a job, after the commit
        queue_pdf(issued)
    return issued


def issue_consultation(case: Application, consultation: Any) -> IssuedLetter:
    """The consultation letter, numbered like every letter the agency issues, kept as issued."""
    return _store(case, LetterKind.CONSULTATION, compose_consultation(case, consultation), consultation.started_on.year)


def latest(case: Application, kind: str) -> IssuedLetter | None:
    return IssuedLetter.objects.filter(application=case, kind=kind).order_by("-issued_at", "-id").first()


def issued_or_frozen_now(case: Application, kind: str) -> IssuedLetter | None:
    """The letter of record; for a case from before letters were kept, frozen now (once)."""
    found = latest(case, kind)
    if found is not None:
        return found
    ready = bool(case.outcome) if kind == LetterKind.REPLY else notice_ready(case, kind)
    return issue(case, kind) if ready else None


def queue_pdf(letter: IssuedLetter) -> None:
    """Queue the job that renders ``letter``'s PDF once the current transaction commits (embedded,
    with no broker: in this process right then)."""
    from ..taskqueue import enqueue
    from .tasks import render_letter_pdf

    enqueue(render_letter_pdf, letter.pk)


def pdf_of(letter: IssuedLetter) -> bytes:
    """The PDF of the stored DOCX, converted now if no job has stored it yet (for jobs, never requests)."""
    if letter.pdf:
        return bytes(letter.pdf)
    data = docx_bytes_to_pdf(bytes(letter.docx), letter.number)
    IssuedLetter.objects.filter(pk=letter.pk, pdf__isnull=True).update(pdf=data, pdf_error="")
    return data


def on_case_changed(sender: Any, case: Application, action: str, **kwargs: Any) -> None:
    if action == "desk.start_consultation":
        consultation = case.consultations.order_by("-id").first()
        if consultation is not None:
            issue_consultation(case, consultation)
    elif action in NOTICE_OF_ACTION:
        issue(case, NOTICE_OF_ACTION[action])
    elif action in REPLY_ACTIONS and case.outcome:
        issue(case, LetterKind.REPLY)
