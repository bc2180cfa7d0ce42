"""Web security of the platform (issue 10, review §3, §5, §8, §9): admin goes through the rules and the
audit trail, passwords and brute force, API tokens (writes, revocation), rate limits, headers, odd inputs."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client

from gongkai.platform.accounts.models import ApiToken, Role, User
from gongkai.platform.appeals.models import Appeal
from gongkai.platform.appeals.services import file_appeal
from gongkai.platform.audit.models import AuditEntry
from gongkai.platform.desk import services as desk
from gongkai.platform.desk.models import Application
from gongkai.platform.desk.receipt import Channel
from gongkai.platform.letters.models import LetterTemplate
from gongkai.platform.registry import services as registry
from gongkai.platform.registry.models import Item

from .conftest import APPLICANT

pytestmark = pytest.mark.django_db
D = dt.date
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_counts() -> None:
    cache.clear()  # rate-limit counters live in the cache


def _client(user: Any = None, **kwargs: Any) -> Client:
    client = Client(raise_request_exception=False, **kwargs)
    if user is not None:
        client.force_login(user)
    return client


def _case(office: dict[str, Any]) -> Application:
    return desk.register(
        office["clerk"],
        office["hy"],
        channel=Channel.IN_PERSON,
        submitted_on=D(2025, 5, 6),
        applicant=APPLICANT,
        description="某文件",
    )


# -- 1. Django admin ----------------------------------------------------------------------------------------


def test_admin_cannot_change_what_has_a_service(office: dict[str, Any]) -> None:
    """An admin edit once put an ID number on a published page, with no review, scan or audit entry."""
    item = registry.create_item(
        office["clerk"], office["hy"], category="normative", title="通知", body="正文。", made_on=D(2025, 1, 2)
    )
    admin = _client(office["admin"])
    page = admin.get(f"/admin/registry/item/{item.pk}/change/")
    assert page.status_code == 200 and b'name="body"' not in page.content  # shown, not editable
    response = admin.post(
        f"/admin/registry/item/{item.pk}/change/", {"title": "通知", "body": "身份证 330424198001011234"}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert "330424198001011234" not in item.body
    assert admin.post(f"/admin/registry/item/{item.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Item.objects.filter(pk=item.pk).exists()
    for model in (
        "registry/item",
        "registry/activefigures",
        "annual/reportpublication",
        "annual/annualreport",
        "appeals/appeal",
        "workdays/yearschedule",
        "desk/application",
        "audit/auditentry",
    ):
        assert admin.get(f"/admin/{model}/add/").status_code == 403, model
    case = _case(office)
    desk.answer(office["head"], case, outcome="granted", on=D(2025, 5, 10), reply_text="见附件")
    appeal = file_appeal(office["clerk"], case, kind="review", filed_on=D(2025, 6, 1), body="海盐县人民政府")
    assert admin.post(f"/admin/appeals/appeal/{appeal.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Appeal.objects.filter(pk=appeal.pk).exists()  # table 四 cannot change behind the rules' back


def test_a_broken_letter_template_cannot_be_saved_in_admin(office: dict[str, Any]) -> None:
    admin = _client(office["admin"])
    response = admin.post(
        "/admin/letters/lettertemplate/add/",
        {"outcome": "granted", "title": "告知书", "body": "{% if %}坏了{% endif %}"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "不要使用 {{ }} 或 {% %} 模板语法" in response.content.decode()  # placeholders only (issue 12)
    assert not LetterTemplate.objects.exists()
    response = admin.post(
        "/admin/letters/lettertemplate/add/",
        {"outcome": "granted", "title": "告知书", "body": "【申请人】：同意公开。"},
    )
    assert response.status_code == 302
    template = LetterTemplate.objects.get()
    entry = AuditEntry.objects.get(action="admin.add", object_type="letters.lettertemplate")
    assert entry.object_id == str(template.pk) and entry.actor == office["admin"]


def test_admin_changes_of_users_and_agencies_are_audited(office: dict[str, Any]) -> None:
    admin = _client(office["admin"])
    agency = office["hy"]
    response = admin.post(
        f"/admin/agencies/agency/{agency.pk}/change/",
        {
            "name": "海盐县人民政府（改）",
            "short_name": agency.short_name,
            "code": agency.code,
            "kind": agency.kind,
            "parent": agency.parent_id,
            "office_name": agency.office_name,
            "address": agency.address,
            "phone": agency.phone,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="admin.change", object_type="agencies.agency")
    assert entry.before == {"name": "海盐县人民政府"} and entry.after == {"name": "海盐县人民政府（改）"}

    clerk = office["qs_clerk"]
    response = admin.post(
        f"/admin/accounts/user/{clerk.pk}/password/",
        {"password1": "a-new-long-passphrase-9", "password2": "a-new-long-passphrase-9"},
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="admin.change", object_type="accounts.user", object_id=str(clerk.pk))
    assert set(entry.after or {}) == {"password"}  # recorded as changed, the hash itself not kept
    assert "pbkdf2" not in json.dumps(entry.after) and "md5" not in json.dumps(entry.after)

    response = admin.post(f"/admin/accounts/user/{office['bob'].pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not User.objects.filter(username="bob").exists()
    assert AuditEntry.objects.filter(action="admin.delete", object_type="accounts.user").count() == 1


# -- 2. Passwords and brute force ------------------------------------------------------------------------------


@pytest.mark.parametrize("password", ["12345678", "aaaaaaaa", "password1234", "2580369147258"])
def test_weak_passwords_are_refused_at_signup(db: Any, password: str) -> None:
    response = _client().post(
        "/accounts/signup/",
        {"username": "newcomer", "password": password, "display_name": "新人", "applicant_type": "natural_person"},
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="newcomer").exists()


def test_a_good_password_signs_up(db: Any) -> None:
    response = _client().post(
        "/accounts/signup/",
        {
            "username": "newcomer",
            "password": "海盐 某路 campanula 7",
            "display_name": "新人",
            "applicant_type": "natural_person",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(username="newcomer").role == Role.APPLICANT


def _login(client: Client, path: str, username: str, password: str) -> Any:
    return client.post(path, {"username": username, "password": password})


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_sixty_wrong_passwords_lock_the_account_out(office: dict[str, Any], path: str) -> None:
    user = office["admin"] if path.startswith("/admin") else office["head"]
    client = _client()
    for _ in range(60):
        _login(client, path, user.username, "wrong-guess")
    response = _login(client, path, user.username, "pw-" + user.username)
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session  # not signed in
    # another address is not locked out (the lockout is per user name and address)
    other = _client(REMOTE_ADDR="10.0.0.9")
    assert _login(other, path, user.username, "pw-" + user.username).status_code == 302


def test_api_token_creation_counts_towards_the_lockout(office: dict[str, Any]) -> None:
    client = _client()
    body = {"username": "hy_clerk", "password": "wrong", "label": "脚本"}
    codes = [client.post("/api/tokens/", body, content_type="application/json").status_code for _ in range(5)]
    assert codes == [401] * 4 + [429]  # the fifth failure locks the name out from this address
    body["password"] = "pw-hy_clerk"
    response = client.post("/api/tokens/", body, content_type="application/json")
    assert response.status_code == 429 and "锁定" in response.json()["detail"]
    assert not ApiToken.objects.exists()


def test_sign_in_events_are_audited_with_the_address(office: dict[str, Any]) -> None:
    client = _client(REMOTE_ADDR="192.0.2.7")
    _login(client, "/accounts/login/", "hy_head", "wrong")
    _login(client, "/accounts/login/", "nobody-here", "wrong")
    assert _login(client, "/accounts/login/", "hy_head", "pw-hy_head").status_code == 302
    client.post("/accounts/logout/")
    actions = list(
        AuditEntry.objects.filter(action__startswith="account.")
        .order_by("id")
        .values_list("action", "object_label", "ip")
    )
    assert actions == [
        ("account.login_failed", "海盐负责人", "192.0.2.7"),
        ("account.login_failed", "nobody-here", "192.0.2.7"),
        ("account.login", "海盐负责人", "192.0.2.7"),
        ("account.logout", "海盐负责人", "192.0.2.7"),
    ]


def test_a_forwarded_address_is_believed_only_behind_a_configured_proxy(office: dict[str, Any]) -> None:
    spoofed = _client(REMOTE_ADDR="192.0.2.7", HTTP_X_FORWARDED_FOR="203.0.113.1")
    _login(spoofed, "/accounts/login/", "hy_head", "wrong")
    assert AuditEntry.objects.get(action="account.login_failed").ip == "192.0.2.7"
    settings.GONGKAI_PROXIES = 1
    try:
        _login(spoofed, "/accounts/login/", "hy_clerk", "wrong")
    finally:
        settings.GONGKAI_PROXIES = 0
    assert AuditEntry.objects.filter(action="account.login_failed").latest("id").ip == "203.0.113.1"


# -- rate limits ------------------------------------------------------------------------------------------------


def _apply_json(office: dict[str, Any], n: int) -> dict[str, Any]:
    return {
        "agency_id": office["hy"].pk,
        "applicant_name": f"申请人{n}",
        "description": "某文件",
        "phone": "13700000000",
        "id_number": "33042419770202333X",
    }


def test_public_applications_are_rate_limited_page_and_api_together(office: dict[str, Any], settings: Any) -> None:
    settings.GONGKAI_RATES = {**settings.GONGKAI_RATES, "public_apply": "3/h"}
    client = _client()
    codes = [
        client.post("/api/public/applications", _apply_json(office, n), content_type="application/json").status_code
        for n in range(4)
    ]
    assert codes == [201, 201, 201, 429]
    assert (
        client.post("/api/public/applications", _apply_json(office, 9), content_type="application/json")
        .json()["detail"]
        .startswith("请求过于频繁")
    )
    page = client.post(
        "/apply/",
        {
            "agency": office["hy"].pk,
            "applicant_type": "natural_person",
            "applicant_name": "页面",
            "phone": "13700000000",
            "description": "某文件",
            "form_wanted": "电子邮件",
        },
    )
    assert page.status_code == 429
    assert Application.objects.count() == 3
    assert (
        _client(REMOTE_ADDR="10.1.1.1")
        .post("/api/public/applications", _apply_json(office, 5), content_type="application/json")
        .status_code
        == 201
    )


def test_tracking_and_signup_are_rate_limited(office: dict[str, Any], settings: Any) -> None:
    settings.GONGKAI_RATES = {**settings.GONGKAI_RATES, "public_read": "5/m", "signup": "2/h"}
    client = _client()
    codes = [client.get("/api/public/track/NOSUCHCODE").status_code for _ in range(6)]
    assert codes == [404] * 5 + [429]
    signups = [
        client.post(
            "/accounts/signup/",
            {"username": f"u{n}", "password": "short", "display_name": "x", "applicant_type": "natural_person"},
        ).status_code
        for n in range(3)
    ]
    assert signups == [200, 200, 429]


# -- 3. API tokens: writes without CSRF, revocation; the public API only takes JSON -------------------------------


def _bearer(user: User) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": "Bearer " + ApiToken.issue(user, "测试")[1]}


def test_token_authenticated_writes_work_without_csrf(office: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)  # as curl or a script: no cookie, no CSRF token
    clerk = _bearer(office["clerk"])
    created = client.post(
        "/api/registry/items",
        {"category": "normative", "title": "关于某事的通知", "made_on": "2025-03-01", "body": "正文。"},
        content_type="application/json",
        **clerk,
    )
    assert created.status_code in (200, 201), created.content
    item_id = created.json()["id"]
    assert (
        client.post(f"/api/registry/items/{item_id}/submit", content_type="application/json", **clerk).status_code
        == 200
    )
    registered = client.post(
        "/api/cases/",
        {
            **APPLICANT,
            "agency_id": office["hy"].pk,
            "channel": "in_person",
            "submitted_on": "2025-05-06",
            "description": "某文件",
        },
        content_type="application/json",
        **clerk,
    )
    assert registered.status_code in (200, 201), registered.content
    case_id = registered.json()["id"]
    drafted = client.post(
        f"/api/cases/{case_id}/draft",
        {"outcome": "granted", "reply_text": "见附件"},
        content_type="application/json",
        **clerk,
    )
    assert drafted.status_code == 200, drafted.content
    [draft] = drafted.json()["approvals"]
    answered = client.post(  # 签发: the head's token
        f"/api/cases/{case_id}/approvals/{draft['id']}/sign",
        {"on": "2025-05-10"},
        content_type="application/json",
        **_bearer(office["head"]),
    )
    assert answered.status_code == 200, answered.content
    assert Application.objects.get(pk=case_id).outcome == "granted"
    admin = _bearer(office["admin"])
    assert (
        client.put(
            "/api/workdays/2026",
            {"document": "国办发明电〔2025〕1号", "holidays": [{"date": "2026-01-01", "name": "元旦"}]},
            content_type="application/json",
            **admin,
        ).status_code
        == 200
    )


def test_session_writes_still_need_the_csrf_token(office: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(office["clerk"])
    response = client.post(
        "/api/registry/items",
        {"category": "normative", "title": "通知", "made_on": "2025-03-01", "body": "正文"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Item.objects.exists()


def test_the_public_api_refuses_text_plain_bodies(office: dict[str, Any]) -> None:
    """A cross-origin page can POST text/plain without a preflight; it must not file an application."""
    response = _client().post("/api/public/applications", json.dumps(_apply_json(office, 1)), content_type="text/plain")
    assert response.status_code == 415
    assert not Application.objects.exists()


def test_tokens_are_listed_and_revoked_on_the_page_and_in_the_api(office: dict[str, Any]) -> None:
    page = _client(office["clerk"])
    response = page.post("/accounts/me/token/", {"label": "报表脚本"})
    assert response.status_code == 200
    secret = response.context["new_token"]
    assert secret.startswith("gk_") and secret in response.content.decode()
    assert secret not in str(response.cookies)  # no longer in the messages cookie
    script = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    listed = script.get("/api/tokens/", **auth).json()
    assert [t["label"] for t in listed] == ["报表脚本"]
    token = ApiToken.objects.get()
    assert page.post(f"/accounts/me/token/{token.pk}/revoke/").status_code == 302
    assert script.get("/api/tokens/", **auth).status_code == 401  # revoked: refused at once

    made = script.post(
        "/api/tokens/",
        {"username": "hy_clerk", "password": "pw-hy_clerk", "label": "第二个"},
        content_type="application/json",
    )
    assert made.status_code == 201
    second = {"HTTP_AUTHORIZATION": "Bearer " + made.json()["token"]}
    other = _bearer(office["head"])
    assert script.delete(f"/api/tokens/{made.json()['id']}", **other).status_code == 404  # not the head's
    assert script.delete(f"/api/tokens/{made.json()['id']}", **second).status_code == 204
    assert not ApiToken.objects.filter(user=office["clerk"]).exists()
    actions = list(
        AuditEntry.objects.filter(action__startswith="account.token").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["account.token_create", "account.token_revoke", "account.token_create", "account.token_revoke"]


# -- 4. Deployment settings --------------------------------------------------------------------------------------


def _manage(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-m", "gongkai.platform.manage", *args],
        capture_output=True,
        text=True,
        env={**base, "PYTHONPATH": str(ROOT / "src"), **env},
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_in_production_mode(tmp_path: Path) -> None:
    production = {
        "GONGKAI_DATA_DIR": str(tmp_path),
        "GONGKAI_HTTPS": "1",
        "GONGKAI_DEBUG": "0",
        "GONGKAI_SECRET_KEY": "k7#Vq2!pZ9xR$w4mT8nB@c6yL1sD5fG3hJ0eK-uA^iO&rE*tY(zX)vN%bQ+",
        "GONGKAI_ALLOWED_HOSTS": "gongkai.example.gov.cn",
    }
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], production)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    plain = _manage(["check", "--deploy"], {**production, "GONGKAI_HTTPS": ""})
    assert "W004" in plain.stderr + plain.stdout  # without HTTPS the warnings are there (the test can fail)


def test_settings_by_default_and_over_https(tmp_path: Path) -> None:
    script = (
        "from django.conf import settings as s; import json; print(json.dumps([s.ALLOWED_HOSTS, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_PROXY_SSL_HEADER, len(s.AUTH_PASSWORD_VALIDATORS)]))"
    )
    env = {"GONGKAI_DATA_DIR": str(tmp_path), "GONGKAI_SECRET_KEY": "x" * 60}
    code = f"from gongkai.platform import setup; setup(); {script}"

    def run(extra: dict[str, str]) -> list[Any]:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("GONGKAI_", "DJANGO_"))}
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**base, "PYTHONPATH": str(ROOT / "src"), **env, **extra},
        ).stdout
        return list(json.loads(out.strip().splitlines()[-1]))

    assert run({}) == [["localhost", "127.0.0.1", "[::1]"], False, False, 0, False, None, 4]
    assert run({"GONGKAI_HTTPS": "1", "GONGKAI_PROXIES": "1", "GONGKAI_ALLOWED_HOSTS": "a.gov.cn,b.gov.cn"}) == [
        ["a.gov.cn", "b.gov.cn"],
        True,
        True,
        31_536_000,
        True,
        ["HTTP_X_FORWARDED_PROTO", "https"],
        4,
    ]


def test_headers_csp_permissions_policy_and_no_version(office: dict[str, Any]) -> None:
    response = _client().get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-eval" not in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Server"] == "gongkai"
    assert "Content-Security-Policy" not in _client().get("/api/agencies/")  # JSON: no CSP needed
    # No page carries an inline script or inline event handler, which the policy would block.
    for path in ("/", "/annual/", "/letters/templates/", "/portal/", "/apply/", "/api/docs"):
        body = _client(office["admin"]).get(path).content.decode()
        assert " onsubmit=" not in body and " onchange=" not in body and " onclick=" not in body, path
        assert "cdn.jsdelivr.net" not in body, path


# -- 5. Low findings ---------------------------------------------------------------------------------------------


def test_public_fields_have_length_limits(office: dict[str, Any]) -> None:
    client = _client()
    long_name = {**_apply_json(office, 1), "applicant_name": "名" * 10_000}
    assert client.post("/api/public/applications", long_name, content_type="application/json").status_code == 422
    long_form = {**_apply_json(office, 1), "form_wanted": "x" * 10_000}
    assert client.post("/api/public/applications", long_form, content_type="application/json").status_code == 422
    nul = {**_apply_json(office, 1), "applicant_name": "张\x00三"}
    assert client.post("/api/public/applications", nul, content_type="application/json").status_code == 422
    assert not Application.objects.exists()


def test_staff_fields_have_their_column_limits_on_pages_and_in_the_api(office: dict[str, Any]) -> None:
    """Over a column's limit: SQLite stored it silently, PostgreSQL answered 500."""
    case = _case(office)
    long_basis = "《条例》第十四条" * 100  # 900 characters; the column holds 300
    api = _client(office["clerk"]).post(
        f"/api/cases/{case.pk}/answer",
        {"on": "2025-05-10", "outcome": "granted", "legal_basis": long_basis},
        content_type="application/json",
    )
    assert api.status_code == 422
    page = _client(office["clerk"]).post(
        f"/desk/{case.pk}/answer/", {"on": "2025-05-10", "outcome": "granted", "legal_basis": long_basis}
    )
    assert page.status_code == 302  # back to the case with the form's error
    case.refresh_from_db()
    assert case.outcome == "" and case.legal_basis == ""
    assert (
        _client(office["admin"])
        .put("/api/workdays/2026", {"document": "文" * 500, "holidays": []}, content_type="application/json")
        .status_code
        == 422
    )


def test_appeal_result_does_not_reveal_another_offices_appeal(office: dict[str, Any]) -> None:
    case = _case(office)
    desk.answer(office["head"], case, outcome="granted", on=D(2025, 5, 10), reply_text="见附件")
    appeal = file_appeal(office["clerk"], case, kind="review", filed_on=D(2025, 6, 1), body="海盐县人民政府")
    stranger = _client(office["cn_clerk"])
    existing = stranger.post(f"/appeals/{appeal.pk}/result/", {"result": "upheld", "decided_on": "2025-07-01"})
    missing = stranger.post(f"/appeals/{appeal.pk + 1000}/result/", {"result": "upheld", "decided_on": "2025-07-01"})
    assert existing.status_code == missing.status_code == 404


def test_annual_save_checks_permission_before_compiling(office: dict[str, Any], monkeypatch: Any) -> None:
    from gongkai.platform.annual import views

    def must_not_run(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("compiled for a user who may not save")

    monkeypatch.setattr(views, "compile_report", must_not_run)
    assert _client(office["bob"]).post(f"/annual/{office['hy'].pk}/2025/save/", {}).status_code == 403
    assert _client(office["cn_clerk"]).post(f"/annual/{office['hy'].pk}/2025/save/", {}).status_code == 403


def test_search_snippet_highlighting_keeps_the_markup_whole() -> None:
    """A later term used to match inside an earlier <mark> or an escape (`r` in `<mark>` → `<ma<mark>r</mark>k>`)."""
    import html
    import random
    import re

    from gongkai.platform.portal.views import _highlight, _snippet

    assert _snippet(Item(body="a r"), "a r") == "<mark>a</mark> <mark>r</mark>"
    assert _highlight("a r", ["a", "r"]) == "<mark>a</mark> <mark>r</mark>"
    assert _highlight("x<y & z", ["y", "amp", "lt"]) == "x&lt;<mark>y</mark> &amp; z"
    assert _highlight("政府信息公开", ["信息", "信息公开"]) == "政府<mark>信息公开</mark>"
    rng = random.Random(10)
    alphabet = "ab<>&\"'=/mkr 政府"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        terms = ["".join(rng.choice(alphabet.strip()) for _ in range(rng.randint(1, 3))) for _ in range(3)]
        out = _highlight(text, terms)
        assert re.sub(r"<[^>]*>", "", out).count("<") == 0  # no stray tag: only <mark> and </mark>
        assert set(re.findall(r"<[^>]*>", out)) <= {"<mark>", "</mark>"}
        assert html.unescape(out.replace("<mark>", "").replace("</mark>", "")) == text


def _zip(names: list[str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


def _image(fmt: str) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, fmt)
    return out.getvalue()


def test_an_upload_must_parse_as_the_type_it_claims() -> None:
    """Magic bytes alone accepted polyglots (review L4-2)."""
    import io

    import docx

    from gongkai.platform.registry.files import AttachmentError, check
    from tests.platform.portal.test_security import MINIMAL_PDF

    refused = {
        "a.pdf": b"%PDF-1.4\n<html><script>alert(1)</script></html>",
        "b.gif": b"GIF89a<script>alert(1)</script>" + b" " * 64,
        "c.png": b"\x89PNG\r\n\x1a\n<script>alert(1)</script>",
        "d.webp": b"RIFF<html><body>hi</body></html>",
        "e.docx": _zip(["hello.txt"]),
        "f.jpg": b"\xff\xd8\xff" + _image("PNG"),
        "g.png": _image("PNG")[:40],  # truncated
    }
    for name, data in refused.items():
        with pytest.raises(AttachmentError):
            check(name, data)
    document = io.BytesIO()
    docx.Document().save(document)
    accepted = {
        "a.pdf": MINIMAL_PDF,
        "b.docx": document.getvalue(),
        "c.png": _image("PNG"),
        "d.jpg": _image("JPEG"),
        "e.gif": _image("GIF"),
        "f.webp": _image("WEBP"),
    }
    for name, data in accepted.items():
        assert check(name, data).startswith(("application/", "image/")), name


def test_a_static_path_climbing_out_is_refused_not_a_server_error(db: Any) -> None:
    """`gongkai serve`'s static handler: Django's lets SuspiciousFileOperation escape (a 500 from the server)."""
    from django.core.wsgi import get_wsgi_application
    from django.test import RequestFactory

    from gongkai.platform.security import static_files_handler

    handler = static_files_handler(get_wsgi_application())
    environ = RequestFactory().get("/static/x").environ
    environ["PATH_INFO"] = "/static/../../../../etc/passwd"
    statuses: list[str] = []
    body = b"".join(handler(environ, lambda status, headers: statuses.append(status)))
    assert statuses[0].startswith("400") and b"root:" not in body


def test_a_failed_attachment_leaves_no_file_behind(office: dict[str, Any], monkeypatch: Any) -> None:
    from tests.platform.portal.test_security import MINIMAL_PDF

    item = registry.create_item(
        office["clerk"], office["hy"], category="normative", title="通知", body="正文。", made_on=D(2025, 1, 2)
    )
    media = Path(settings.MEDIA_ROOT)
    before = {p for p in media.rglob("*") if p.is_file()} if media.exists() else set()

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(registry, "record", fail)
    with pytest.raises(RuntimeError):
        registry.add_attachment(office["clerk"], item, "附件.pdf", MINIMAL_PDF)
    after = {p for p in media.rglob("*") if p.is_file()} if media.exists() else set()
    assert after == before


def test_a_staff_role_without_an_agency_is_refused_by_the_admin_form(office: dict[str, Any]) -> None:
    """Clerks, heads and supervisors act for an agency: the admin cannot leave one without."""
    from django.contrib import admin as django_admin
    from django.test import RequestFactory

    clerk = office["qs_clerk"]
    request = RequestFactory().get("/")
    request.user = office["admin"]
    form_class = django_admin.site._registry[User].get_form(request, clerk)
    data = {name: field.initial for name, field in form_class(instance=clerk).fields.items()}
    data.update(form_class(instance=clerk).initial)
    data.update({"role": "head", "agency": ""})
    form = form_class(data, instance=clerk)
    assert not form.is_valid()
    assert "必须属于一个机关" in str(form.errors)
    data["agency"] = office["qs"].pk
    assert "agency" not in form_class(data, instance=clerk).errors
