"""The two most important rules, tried from outside through the live server:

* an applicant never sees another applicant's case — in the browser and through the JSON API, with
  the browser's own session (CSRF included) and with an API token made on the profile page;
* an anonymous visitor sees no personal data (ID number, phone, address) anywhere: every page
  reachable from the site's links, every URL pattern of the platform filled with real ids, every
  GET endpoint of the OpenAPI description, and every document they lead to (letters in DOCX/PDF).

The unit-level tests (tests/platform/test_permissions.py) check named URLs with Django's test
client; these discover the URLs themselves, so a page added later (the portal, the registry …) is
checked without anyone remembering to list it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.platform.agencies.models import Agency
from gongkai.platform.appeals.services import file_appeal
from gongkai.platform.desk import services
from gongkai.platform.desk.models import Application, Consultation, Status
from gongkai.platform.desk.receipt import Channel

from ..conftest import APPLICANT, PERSONAL_VALUES, signed_answer
from .conftest import fill_form

pytestmark = pytest.mark.browser

ALICE_PERSONAL = ("330424198001011111", "13900001111", "海盐县某路1号")
BOB_PERSONAL = {"id_number": "110101199003074477", "phone": "13611112222", "address": "嘉兴市南湖区某街道5号"}
SECRETS = (*PERSONAL_VALUES, *ALICE_PERSONAL, *BOB_PERSONAL.values())
MAX_URLS = 500


# -- an applicant and another's case ---------------------------------------------------------------


def _apply_signed_in(page: Any, agency: Agency, description: str, extra: dict[str, str]) -> Application:
    page.goto(f"/apply/?agency={agency.pk}")
    fill_form(page, "form.card", {"description": description, **extra})
    code = page.locator("#tracking-code").inner_text().strip()
    return Application.objects.get(tracking_code=code)


def _csrf(page: Any) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def test_an_applicant_never_sees_another_applicants_case(
    office: dict[str, Any], login: Callable[[str], Any], browser: Any, live_server: Any
) -> None:
    office["bob"].__dict__.update(BOB_PERSONAL)
    office["bob"].save()
    alice, bob = login("alice"), login("bob")
    mine = _apply_signed_in(alice, office["hy"], "海盐县2023年财政预算执行情况", {})
    theirs = _apply_signed_in(bob, office["hy"], "王强申请的某拆迁项目房屋征收补偿方案", {})
    assert (mine.applicant_user_id, theirs.applicant_user_id) == (office["alice"].pk, office["bob"].pk)
    assert theirs.id_number == BOB_PERSONAL["id_number"]  # taken from bob's account
    clerk = office["clerk"]
    services.confirm_receipt(clerk, theirs, services.today())
    signed_answer(clerk, theirs, outcome="granted", on=services.today(), reply_text="见附件")

    # Pages: her own list and case; bob's case, letter and audit trail are "not found".
    alice.goto("/desk/mine/")
    listed = alice.inner_text("table")
    assert mine.tracking_code in listed and theirs.tracking_code not in listed
    with alice.expect_navigation():
        alice.get_by_role("link", name=mine.tracking_code).click()
    assert all(value in alice.inner_text("main") for value in ALICE_PERSONAL)  # her own data, to her
    for url in (f"/desk/{theirs.pk}/", f"/letters/case/{theirs.pk}.docx", f"/letters/case/{theirs.pk}.pdf"):
        response = alice.request.get(url)
        assert response.status == 404, url
        assert not any(value in response.text() for value in (*BOB_PERSONAL.values(), "拆迁项目"))
    page = alice.goto(f"/desk/{theirs.pk}/")
    assert page is not None and page.status == 404
    assert alice.goto("/desk/").url.endswith("/desk/mine/")  # no office list for applicants

    # The API with the browser's session: reading and acting on bob's case are both "not found".
    assert {row["id"] for row in alice.request.get("/api/cases/?limit=500").json()} == {mine.pk}
    assert alice.request.get(f"/api/cases/{theirs.pk}").status == 404
    headers = {"X-CSRFToken": _csrf(alice), "Referer": live_server.url + "/"}
    today = services.today().isoformat()
    refused = alice.request.post(f"/api/cases/{theirs.pk}/withdraw", data={"on": today}, headers=headers)
    assert refused.status == 404
    # … while the same request on her own case is accepted (so the 404 above is not a CSRF failure).
    services.confirm_receipt(clerk, mine, services.today())
    own = alice.request.post(f"/api/cases/{mine.pk}/withdraw", data={"on": today, "note": "不再需要"}, headers=headers)
    assert own.status == 200 and own.json()["status"] == Status.CLOSED
    theirs.refresh_from_db()
    assert theirs.status == Status.ANSWERED

    # The API with a token made on her profile page (shown once), from a client with no cookies.
    alice.goto("/accounts/me/")
    with alice.expect_navigation():
        alice.locator("form[action$='/me/token/'] button[type=submit]").click()
    token = re.search(r"：(\S+)", alice.inner_text("#new-token"))  # in the page, not in a flash cookie
    assert token is not None
    scripted = browser.new_context(
        base_url=live_server.url, extra_http_headers={"Authorization": f"Bearer {token.group(1)}"}
    )
    try:
        assert [row["id"] for row in scripted.request.get("/api/cases/").json()] == [mine.pk]
        assert scripted.request.get(f"/api/cases/{theirs.pk}").status == 404
        assert scripted.request.get(f"/api/cases/{theirs.pk}/letter?fmt=docx").status == 404
        assert scripted.request.get(f"/api/cases/{mine.pk}").json()["personal"]["phone"] == ALICE_PERSONAL[1]
    finally:
        scripted.close()


# -- anonymous visitors and personal data ------------------------------------------------------------


@pytest.fixture
def cases_in_every_state(office: dict[str, Any]) -> dict[str, Any]:
    """Cases with personal data in the states the public can ask about, with letters and appeals."""
    clerk, hy = office["clerk"], office["hy"]
    on = dt.date(2025, 3, 3)
    waiting = services.submit_online(None, hy, applicant=APPLICANT, description="某镇2024年惠农补贴发放名单")
    answered = services.register(
        clerk,
        hy,
        channel=Channel.IN_PERSON,
        submitted_on=on,
        applicant=APPLICANT,
        description="某企业排污许可证",
        applicant_user=office["alice"],
    )
    signed_answer(
        clerk,
        answered,
        outcome="denied_third_party",
        on=on + dt.timedelta(days=3),
        reply_text="涉及第三方商业秘密",
        legal_basis="《条例》第十五条",
    )
    file_appeal(clerk, answered, kind="review", filed_on=on + dt.timedelta(days=10), body="嘉兴市人民政府")
    clarifying = services.register(
        clerk,
        hy,
        channel=Channel.IN_PERSON,
        submitted_on=on,
        applicant=APPLICANT,
        description="某小区旧改项目的立项批复",
    )
    services.ask_clarification(clerk, clarifying, on + dt.timedelta(days=1), "请说明小区名称")
    consulting = services.register(
        clerk,
        hy,
        channel=Channel.IN_PERSON,
        submitted_on=on,
        applicant=APPLICANT,
        description="某道路改造工程的环评批复",
    )
    services.start_consultation(clerk, consulting, kind="third_party", party="某建设公司", on=on + dt.timedelta(days=2))
    return {"cases": [waiting, answered, clarifying, consulting], **office}


def _values_for(name: str, ids: dict[str, list[str]]) -> list[str]:
    """Real values for a URL parameter, by its name (ids of the objects made above)."""
    key = name.lower()
    if key in ("fmt", "format", "ext"):
        return ["docx", "pdf", "json", "html", "md"]
    if "code" in key:
        return ids["code"]
    if key == "year":
        return ["2025", str(dt.date.today().year)]
    if "agency" in key:
        return ids["agency"]
    if "consultation" in key:
        return ids["consultation"]
    if key in ("action",):
        return []  # POST only
    return ids["case"] + ids["agency"][:2]  # any other id: try cases, appeals, agencies alike


def _combinations(choices: list[list[str]]) -> list[tuple[str, ...]]:
    """Every value of every parameter at least once (cycled side by side, not the full product)."""
    if any(not values for values in choices):
        return []
    longest = max((len(values) for values in choices), default=0)
    if not choices:
        return [()]
    return [tuple(values[i % len(values)] for values in choices) for i in range(longest)]


def _routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for item in patterns:
        route = str(item.pattern)
        if isinstance(item, URLResolver):
            yield from _routes(item.url_patterns, prefix + route)
        elif isinstance(item, URLPattern):
            yield prefix + route


def _pattern_urls(ids: dict[str, list[str]]) -> list[str]:
    """Every path() route of the platform (not regex ones: admin internals), filled with real values."""
    urls = []
    for route in _routes(get_resolver().url_patterns):
        if route.startswith(("admin/", "api/")) or "^" in route or "(?P" in route:
            continue
        names = re.findall(r"<(?:\w+:)?(\w+)>", route)
        for values in _combinations([_values_for(n, ids) for n in names]):
            url = route
            for value in values:
                url = re.sub(r"<[^>]+>", value, url, count=1)
            urls.append("/" + url)
    return urls


def _openapi_urls(request: Any, ids: dict[str, list[str]]) -> list[str]:
    spec = request.get("/api/openapi.json").json()
    urls = []
    for path, methods in spec["paths"].items():
        if "get" not in methods:
            continue
        names = re.findall(r"{(\w+)}", path)
        for values in _combinations([_values_for(n, ids) for n in names]):
            url = path
            for name, value in zip(names, values, strict=True):
                url = url.replace("{" + name + "}", value)
            urls.append(url)
    return urls


def _text_of(body: bytes, content_type: str) -> str:
    if "wordprocessingml" in content_type:
        from docx import Document

        return "\n".join(p.text for p in Document(io.BytesIO(body)).paragraphs)
    if "pdf" in content_type:
        return subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, timeout=60).stdout.decode()
    return body.decode("utf-8", errors="replace")


def test_anonymous_visitors_see_no_personal_data_anywhere(
    cases_in_every_state: dict[str, Any], open_page: Callable[[], Any], live_server: Any
) -> None:
    cases: list[Application] = cases_in_every_state["cases"]
    ids = {
        "case": [str(c.pk) for c in cases],
        "agency": [str(pk) for pk in Agency.objects.order_by("pk").values_list("pk", flat=True)[:4]],
        "code": [c.tracking_code for c in cases],
        "consultation": [str(pk) for pk in Consultation.objects.values_list("pk", flat=True)],
    }
    visitor = open_page()
    queue = [
        "/",
        "/apply/",
        "/track/",
        *(f"/track/?code={c}" for c in ids["code"]),
        "/api/docs",
        *_pattern_urls(ids),
        *_openapi_urls(visitor.request, ids),
    ]
    seen: set[str] = set()
    queries_of: dict[str, int] = {}  # path → how many query-string variants were queued
    reached: dict[str, str] = {}  # url → text of what answered 200
    origin = urlsplit(live_server.url).netloc
    while queue and len(seen) < MAX_URLS:
        url = queue.pop(0)
        if url in seen or "logout" in url:
            continue
        seen.add(url)
        response = visitor.request.get(url, max_redirects=0)
        content_type = response.headers.get("content-type", "")
        text = _text_of(response.body(), content_type)
        leaked = [value for value in SECRETS if value in text]
        assert not leaked, f"{url} ({response.status}) shows personal data {leaked}"
        if response.status != 200:
            continue
        reached[url] = text
        if "html" in content_type:  # the page as the browser renders it, then its links
            visitor.goto(url)
            rendered = visitor.content()
            assert not [value for value in SECRETS if value in rendered], url
            for href in visitor.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
                parts = urlsplit(urljoin(live_server.url + url, href))
                if parts.netloc != origin or parts.path.startswith("/admin/"):
                    continue
                if parts.query:  # filters and pages: a few of each are enough
                    queries_of[parts.path] = queries_of.get(parts.path, 0) + 1
                    if queries_of[parts.path] > 3:
                        continue
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))

    assert len(seen) < MAX_URLS, "the crawl was cut short: raise MAX_URLS"
    # Not a vacuous pass: the public saw the cases, their status and the letter, by tracking code.
    answered = cases[1]
    assert "不予公开" in reached[f"/track/?code={answered.tracking_code}"]
    assert "请说明小区名称" in reached[f"/track/?code={cases[2].tracking_code}"]
    letter = reached[f"/letters/track/{answered.tracking_code}.docx"]
    assert APPLICANT["applicant_name"] in letter and "涉及第三方商业秘密" in letter
    assert f"/api/public/track/{answered.tracking_code}" in reached
    assert any(url.startswith("/agencies/") for url in reached)
    assert len(reached) >= 15, sorted(reached)
