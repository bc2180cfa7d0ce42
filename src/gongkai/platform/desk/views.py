"""Pages of the request desk. Thin: each action calls one function of ``services``."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..accounts.permissions import (
    PermissionDenied,
    may_approve,
    may_change,
    may_see_personal_data,
    may_view,
    role_of,
)
from ..audit.labels import labelled_history
from ..inputs import query_id, query_year
from ..security import rate_limited
from . import approval, casefile, export, listing, queries, search, services, states
from . import forms as desk_forms
from .messages import chinese, form_errors
from .models import Application, Approval, CaseAttachment, Consultation, Delivery, DeliveryMethod, Status

LIST_TABS = {
    "awaiting": "待确认收到",
    "approval": "待审核签发",
    "open": "办理中",
    "overdue": "逾期",
    "soon": "5 个工作日内到期",
    "waiting": "等待申请人",
    "decided": "已答复",
    "all": "全部",
}


def _filtered(request: HttpRequest, cases: Any, tab: str) -> Any:
    cases = queries.in_tab(cases, tab, services.today())
    agency, year = query_id(request.GET.get("agency")), query_year(request.GET.get("year"))
    return queries.narrowed(cases, agency, year)


COUNT_CAP = 1000  # tab counts stop here: a province's supervisor never waits for COUNT over a million rows


def _searched(request: HttpRequest, tab: str) -> Any:
    office = role_of(request.user) in ("clerk", "head")
    criteria = search.Criteria.from_query(request.GET)
    cases = search.filtered(_filtered(request, queries.visible_cases(request.user), tab), criteria, names=office)
    return cases, criteria, office


TAB_COUNTS_SECONDS = 60


def _tab_counts(request: HttpRequest) -> dict[str, str]:
    """How many cases each tab holds (capped at ``COUNT_CAP``), for the tabs' labels.

    Six capped COUNTs cost more than the page itself under load. Every change of a case writes an
    audit entry, so the newest entry's id is a version of the cases: the counts are kept in the cache
    under the viewer's scope (role, agency), the filters, the day and that version — one primary-key
    lookup while nothing changed. ``TAB_COUNTS_SECONDS`` bounds what a change committed out of id order
    (a long transaction's entry, older than one already committed) could leave unseen.
    """
    from django.core.cache import cache
    from django.db.models import Max

    from ..audit.models import AuditEntry

    version = AuditEntry.objects.aggregate(n=Max("id"))["n"] or 0
    user = request.user
    filters = sorted((k, v) for k, v in request.GET.lists() if k not in ("page", "tab", "sort"))
    scope = f"{role_of(user)}:{getattr(user, 'agency_id', None)}"
    if role_of(user) == "applicant":
        scope += f":{user.pk}"
    raw = f"{scope}|{filters}|{services.today()}|{version}"
    key = "desk:tab-counts:" + hashlib.sha256(raw.encode()).hexdigest()
    counts: dict[str, str] | None = cache.get(key)
    if counts is not None:
        return counts
    counts = {}
    for tab in LIST_TABS:
        if tab == "all":
            continue
        cases, _, _ = _searched(request, tab)
        n = cases.order_by()[: COUNT_CAP + 1].count()
        counts[tab] = f"{COUNT_CAP}+" if n > COUNT_CAP else str(n)
    cache.set(key, counts, TAB_COUNTS_SECONDS)
    return counts


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    if role_of(request.user) == "applicant":
        return redirect("desk:mine")
    tab = request.GET.get("tab", "open")
    cases, criteria, office = _searched(request, tab)
    default = ("due_date", "id") if tab in ("open", "overdue", "soon") else ("-submitted_on", "-id")
    number = _page_number(request)
    # No COUNT over what may be a million rows: fetch one row more than a page to know if there is a next.
    rows = list(
        listing.values(search.ordered(cases, criteria, default))[(number - 1) * PAGE_SIZE : number * PAGE_SIZE + 1]
    )
    on = services.today()
    counts = _tab_counts(request)
    kept = request.GET.copy()
    kept.pop("page", None)
    kept.pop("tab", None)
    return render(
        request,
        "desk/list.html",
        {
            "rows": rows[:PAGE_SIZE],
            "rows_html": listing.rows_html(rows[:PAGE_SIZE], choose=tab == "awaiting" and office, office=office, on=on),
            "number": number,
            "has_next": len(rows) > PAGE_SIZE,
            "tab": tab,
            "tabs": [(key, label, counts.get(key, "")) for key, label in LIST_TABS.items()],
            "today": on,
            "can_register": office,
            "office": office,
            "criteria": criteria,
            "statuses": Status.choices,
            "sorts": [(k, v[0]) for k, v in search.SORTS.items()],
            "query": kept.urlencode(),
        },
    )


EXPORT_LIMIT = 20_000


@login_required
def export_cases(request: HttpRequest) -> HttpResponse:
    """The list as filtered, as an Excel workbook (at most ``EXPORT_LIMIT`` rows)."""
    if role_of(request.user) == "applicant":
        raise Http404
    tab = request.GET.get("tab", "all")
    cases, criteria, office = _searched(request, tab)
    rows = search.ordered(cases.select_related("agency"), criteria, ("-submitted_on", "-id"))[:EXPORT_LIMIT]
    response = HttpResponse(
        export.workbook(rows, names=office),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="cases-{services.today().isoformat()}.xlsx"'
    return response


@login_required
@require_POST
def batch_confirm(request: HttpRequest) -> HttpResponse:
    """Confirm receipt of several online applications at once (each through the service, each audited)."""
    form = desk_forms.DateForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect(f"{reverse('desk:list')}?tab=awaiting")
    ids = [int(i) for i in request.POST.getlist("case") if i.isdigit()][:200]
    done, refused = [], []
    for case in queries.visible_cases(request.user).filter(pk__in=ids).select_related("agency"):
        try:
            services.confirm_receipt(request.user, case, form.cleaned_data["on"])
        except (services.DeskError, PermissionDenied) as error:
            refused.append(f"{case.tracking_code}：{chinese(str(error))}")
        else:
            done.append(case.tracking_code)
    if done:
        messages.success(request, f"已确认收到 {len(done)} 件申请")
    for line in refused:
        messages.error(request, line)
    return redirect(f"{reverse('desk:list')}?tab=awaiting")


PAGE_SIZE = 50


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("page", "1")), 10_000))
    except ValueError:
        return 1


@login_required
def my_cases(request: HttpRequest) -> HttpResponse:
    cases = Application.objects.filter(applicant_user_id=request.user.pk).select_related("agency")
    return render(request, "desk/mine.html", {"cases": cases.order_by("-submitted_on", "-id")[:200]})


def _case_for(request: HttpRequest, pk: int) -> Application:
    case = get_object_or_404(Application.objects.select_related("agency"), pk=pk)
    if not may_view(request.user, case):
        raise Http404  # not "forbidden": do not reveal that the case exists
    return case


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_for(request, pk)
    consultations = list(case.consultations.all())
    calendar = services.work_calendar()
    due = services.clock.compute(services.timeline(case, consultations), calendar, services.today())
    office = may_change(request.user, case)
    internal = office or role_of(request.user) in ("supervisor", "admin")
    if not internal:
        due.warning = None  # the applicant does not see the administrators' to-do
    context = {
        "case": case,
        "due": due,
        "consultations": consultations,
        "personal": may_see_personal_data(request.user, case),
        "office": office,
        "head": may_approve(request.user, case.agency),
        "internal": internal,  # third parties' names and opinions: the office and supervisors only
        "history": labelled_history(case) if office or role_of(request.user) in ("supervisor", "admin") else [],
        "overdue": case.status in (Status.REGISTERED, Status.CONSULTATION)
        and case.due_date
        and case.due_date < services.today(),
        "forms": _action_forms(case, may_approve(request.user, case.agency)) if office else [],
        "letter_ready": bool(case.outcome),
        "today": services.today(),
        "approvals": list(case.approvals.select_related("drafted_by", "decided_by")) if office else [],
        "attachments": list(case.attachments.all()) if office else [],
        "applicant_history": services.applicant_history(case) if office else [],
        # the consultation letters issued (letters.IssuedLetter, through its reverse relation)
        "consultation_letters": list(case.letters.filter(kind="consultation").order_by("id")) if office else [],
        "repeat_form": desk_forms.RepeatForm(auto_id="repeat-%s"),
        "deliveries": list(case.deliveries.all()) if office else [],
        "attachment_form": desk_forms.AttachmentForm(auto_id="attach-%s"),
        "delivery_form": desk_forms.DeliveryForm(auto_id="delivery-%s"),
    }
    return render(request, "desk/detail.html", context)


# The form of each step (which steps are offered is the states table's answer, not the page's).
STEP_FORMS: dict[str, type[forms.Form]] = {
    "confirm": desk_forms.DateForm,
    "clarify": desk_forms.ClarificationForm,
    "clarified": desk_forms.ClarifiedForm,
    "no_clarification": desk_forms.DateForm,
    "consult": desk_forms.ConsultationForm,
    "forward": desk_forms.ForwardForm,
    "extend": desk_forms.ExtensionForm,
    "request_extension": desk_forms.ExtensionRequestForm,
    "draft": desk_forms.DraftForm,
    "fee": desk_forms.FeeForm,
    "paid": desk_forms.DateForm,
    "unpaid": desk_forms.DateForm,
    "answer": desk_forms.AnswerForm,
    "withdraw": desk_forms.WithdrawForm,
    "close": desk_forms.DateForm,
}


def _action_forms(case: Application, head: bool) -> list[tuple[states.Step, forms.Form]]:
    offered = states.offered(case, services.today(), office=True, head=head)
    return [(step, STEP_FORMS[step.name](auto_id=f"{step.name}-%s")) for step in offered if step.name in STEP_FORMS]


Action = tuple[type[forms.Form], Callable[[Any, Application, dict[str, Any]], object], str]

ACTIONS: dict[str, Action] = {
    "confirm": (desk_forms.DateForm, lambda u, c, d: services.confirm_receipt(u, c, d["on"]), "已确认收到申请"),
    "clarify": (
        desk_forms.ClarificationForm,
        lambda u, c, d: services.ask_clarification(u, c, d["on"], d["request"], d["deadline"]),
        "已发出补正通知",
    ),
    "clarified": (
        desk_forms.ClarifiedForm,
        lambda u, c, d: services.receive_clarification(u, c, d["on"], d["content"]),
        "已收到补正，答复期限重新计算",
    ),
    "no_clarification": (
        desk_forms.DateForm,
        lambda u, c, d: services.close_for_no_clarification(u, c, d["on"]),
        "已按逾期不补正办结",
    ),
    "consult": (
        desk_forms.ConsultationForm,
        lambda u, c, d: services.start_consultation(u, c, kind=d["kind"], party=d["party"], on=d["on"]),
        "已发出征求意见，期间不计入答复期限",
    ),
    "consulted": (
        desk_forms.ConsultationEndForm,
        lambda u, c, d: services.end_consultation(
            u, get_object_or_404(Consultation, pk=d["consultation"], application=c), d["on"], d["opinion"]
        ),
        "已收到意见",
    ),
    "extend": (
        desk_forms.ExtensionForm,
        lambda u, c, d: services.extend(u, c, days=d["days"], reason=d["reason"], on=d["on"]),
        "已延长答复期限",
    ),
    "fee": (
        desk_forms.FeeForm,
        lambda u, c, d: services.issue_fee_notice(u, c, method=d["method"], on=d["on"], pages=d["pages"]),
        "已发出收费通知",
    ),
    "paid": (desk_forms.DateForm, lambda u, c, d: services.record_payment(u, c, d["on"]), "已登记缴费"),
    "unpaid": (desk_forms.DateForm, lambda u, c, d: services.close_for_unpaid_fee(u, c, d["on"]), "已按逾期未缴费办结"),
    "answer": (
        desk_forms.AnswerForm,
        lambda u, c, d: services.answer(
            u,
            c,
            outcome=d["outcome"],
            on=d["on"],
            reply_text=d["reply_text"],
            legal_basis=d["legal_basis"],
            responsible_agency=d["responsible_agency"],
            withheld_reason=d["withheld_reason"],
        ),
        "已答复",
    ),
    "withdraw": (desk_forms.WithdrawForm, lambda u, c, d: services.withdraw(u, c, d["on"], d["note"]), "已撤回"),
    "forward": (
        desk_forms.ForwardForm,
        lambda u, c, d: services.forward(u, c, d["to"], d["on"], d["note"]),
        "已转送，申请人可在查询页看到新的查询码",
    ),
    "repeat": (
        desk_forms.RepeatForm,
        lambda u, c, d: services.link_repeat(
            u, c, get_object_or_404(Application, tracking_code=normalized_code(d["code"]), agency_id=c.agency_id)
        ),
        "已关联重复申请",
    ),
    "draft": (desk_forms.DraftForm, lambda u, c, d: approval.draft_answer(u, c, **d), "已提交负责人审核"),
    "request_extension": (
        desk_forms.ExtensionRequestForm,
        lambda u, c, d: approval.request_extension(u, c, days=d["days"], reason=d["reason"]),
        "延期申请已提交负责人审核",
    ),
    "sign": (
        desk_forms.SignForm,
        lambda u, c, d: approval.sign(
            u, get_object_or_404(Approval, pk=d["approval"], application=c), on=d["on"], comment=d["comment"]
        ),
        "已签发",
    ),
    "return": (
        desk_forms.ReturnForm,
        lambda u, c, d: approval.return_to_clerk(
            u, get_object_or_404(Approval, pk=d["approval"], application=c), comment=d["comment"]
        ),
        "已退回经办人",
    ),
    "close": (desk_forms.DateForm, lambda u, c, d: services.close(u, c, d["on"]), "已办结归档"),
}


@login_required
@require_POST
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = _case_for(request, pk)
    if action not in ACTIONS:
        raise Http404
    form_class, run, done = ACTIONS[action]
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("desk:detail", pk=case.pk)
    try:
        run(request.user, case, form.cleaned_data)
    except PermissionDenied as error:
        raise HttpForbidden(chinese(str(error))) from None
    except services.DeskError as error:
        messages.error(request, chinese(str(error)))
    else:
        messages.success(request, done)
    return redirect("desk:detail", pk=case.pk)


@login_required
def register_case(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    if role_of(user) not in ("clerk", "head"):
        raise HttpForbidden
    form = desk_forms.RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            case = services.register(
                user,
                user.agency,
                channel=d["channel"],
                submitted_on=d["submitted_on"],
                signed_on=d["signed_on"],
                confirmed_on=d["confirmed_on"],
                applicant=d,
                description=d["description"],
                form_wanted=d["form_wanted"],
            )
        except services.DeskError as error:
            form.add_error(None, chinese(str(error)))
        else:
            messages.success(request, f"已登记，查询码 {case.tracking_code}")
            return redirect("desk:detail", pk=case.pk)
    return render(request, "desk/register.html", {"form": form})


# ---------------------------------------------------------------------------------------------
# Public: apply online, track by code (no personal data on these pages)
# ---------------------------------------------------------------------------------------------


@rate_limited("public_apply")
def apply(request: HttpRequest) -> HttpResponse:
    """The public form. A successful POST redirects (POST/redirect/GET): a refresh of the result
    page only shows it again, and the form's one-time token stops a resent POST filing twice."""
    initial: dict[str, Any] = {"token": secrets.token_urlsafe(24)}
    if agency_id := request.GET.get("agency"):
        initial["agency"] = agency_id
    user: Any = request.user
    if role_of(user) == "applicant":
        initial.update(
            applicant_name=user.display_name,
            applicant_type=user.applicant_type,
            phone=user.phone,
            email=user.email,
            address=user.address,
            id_number=user.id_number,
        )
    form = desk_forms.ApplyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            case = services.submit_online(
                user,
                d["agency"],
                applicant=d,
                description=d["description"],
                form_wanted=d["form_wanted"],
                token=d.get("token") or "",
            )
        except services.DeskError as error:
            form.add_error(None, chinese(str(error)))
        else:
            request.session["submitted_case"] = case.pk
            return redirect("public:apply_done")
    return render(request, "desk/apply.html", {"form": form})


def apply_done(request: HttpRequest) -> HttpResponse:
    """The receipt (回执) of the application this browser just filed: read from the session."""
    pk = request.session.get("submitted_case")
    case = Application.objects.select_related("agency").filter(pk=pk).first() if pk else None
    if case is None:
        return redirect("public:apply")
    return render(request, "desk/submitted.html", {"case": case})


def normalized_code(raw: str) -> str:
    """A tracking code as typed: without dashes, with spaces, lower case — all find the case."""
    compact = "".join(ch for ch in raw.upper() if ch.isalnum())
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}" if len(compact) == 12 else raw.strip().upper()


def track(request: HttpRequest) -> HttpResponse:
    code = normalized_code(request.GET.get("code") or "")
    case = None
    due = None
    if code:
        case = Application.objects.select_related("agency").filter(tracking_code=code).first()
        if case is not None:
            due = services.due_of(case)
            due.warning = None  # an administrator's to-do (a year's 调休 not entered): never shown to the public
    return render(
        request, "desk/track.html", {"code": code, "case": case, "due": due, "not_found": bool(code) and case is None}
    )


@login_required
@require_POST
def upload_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_for(request, pk)
    form = desk_forms.AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("desk:detail", pk=case.pk)
    upload = form.cleaned_data["file"]
    try:
        casefile.add_attachment(
            request.user, case, kind=form.cleaned_data["kind"], name=upload.name, data=upload.read()
        )
    except PermissionDenied as error:
        raise HttpForbidden(chinese(str(error))) from None
    except services.DeskError as error:
        messages.error(request, chinese(str(error)))
    else:
        messages.success(request, "已归入案卷")
    return redirect("desk:detail", pk=case.pk)


@login_required
def attachment_file(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    case = _case_for(request, pk)
    if not may_change(request.user, case):
        raise Http404
    attachment = get_object_or_404(CaseAttachment, pk=file_pk, application=case)
    return FileResponse(
        attachment.file.open("rb"), content_type=attachment.content_type, as_attachment=True, filename=attachment.name
    )


@login_required
def delivery_receipt(request: HttpRequest, pk: int, delivery_pk: int) -> HttpResponse:
    """送达回证: the printable form the applicant signs (or the server annotates), one per delivery record."""
    case = _case_for(request, pk)
    if not may_change(request.user, case):
        raise Http404  # the office's paper: it carries the applicant's address
    delivery = get_object_or_404(Delivery.objects.select_related("recorded_by"), pk=delivery_pk, application=case)
    letter = case.letters.filter(title=delivery.letter).order_by("-issued_at").first()
    if letter is None:  # "答复告知书" typed for 政府信息公开申请答复告知书: the latest letter whose title holds it
        letter = case.letters.filter(title__contains=delivery.letter.strip()).order_by("-issued_at").first()
    place = case.email if delivery.method == DeliveryMethod.EMAIL else case.address
    return render(
        request,
        "desk/delivery_receipt.html",
        {"case": case, "delivery": delivery, "letter": letter, "place": place},
    )


@login_required
@require_POST
def add_delivery(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case_for(request, pk)
    form = desk_forms.DeliveryForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("desk:detail", pk=case.pk)
    try:
        casefile.record_delivery(request.user, case, **form.cleaned_data)
    except PermissionDenied as error:
        raise HttpForbidden(chinese(str(error))) from None
    except services.DeskError as error:
        messages.error(request, chinese(str(error)))
    else:
        messages.success(request, "已登记送达")
    return redirect("desk:detail", pk=case.pk)
