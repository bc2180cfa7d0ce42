"""Platform tests: Django configured for the platform, a real database per test (pytest-django).

The database is in-memory SQLite, or PostgreSQL when GONGKAI_DATABASE_URL is set
(``GONGKAI_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test``): pytest-django creates a test
database beside the named one and drops it afterwards.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import Any

import pytest

os.environ.setdefault("GONGKAI_SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-tests-"))
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    # A data directory per xdist worker: with `pytest tests/platform` the controller loads this file
    # first and its workers inherit one directory, so they shared the file cache, and one worker's
    # cache.clear() (below, before every test) emptied another's mid-test.
    os.environ["GONGKAI_DATA_DIR"] = os.path.join(os.environ["GONGKAI_DATA_DIR"], worker)

from gongkai.platform import setup

setup()
if not worker:
    # setup() named the settings module in the environment, which xdist's workers would inherit:
    # pytest-django would then load the settings in each worker before this file could give it its
    # own directory (the workers shared one file cache again). The workers name it themselves.
    os.environ.pop("DJANGO_SETTINGS_MODULE", None)

from django.conf import settings  # noqa: E402

# Tests make many users: a fast hash (never in production) keeps the suite quick.
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests submit far more from one address than a person would; tests of the limits set their own rates.
settings.GONGKAI_RATES = {scope: "100000/m" for scope in getattr(settings, "GONGKAI_RATES", {})}

from gongkai.platform.accounts.models import Role, User  # noqa: E402
from gongkai.platform.agencies.models import Agency, AgencyKind  # noqa: E402


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: cached values (the case list's tab counts, keyed by the
    newest audit entry's id) must not outlive the test whose database made them — SQLite hands out
    the ids of a rolled-back test again."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _no_sms_quiet_hours(settings: Any) -> None:
    """SMS quiet hours (22–8, Shanghai time) would hold back every SMS a test sends after 14:00 UTC, so
    a test's outcome would hang on the hour it runs: off, unless a test sets them itself
    (``override_settings`` on the test takes precedence over this)."""
    settings.SMS_QUIET_HOURS = ""


@pytest.fixture
def tree(db: Any) -> dict[str, Agency]:
    """浙江省 › 嘉兴市 › 海盐县 › (秦山街道, 县发改局); 温州市 › 苍南县: a small real-shaped tree."""
    zj = Agency.objects.create(name="浙江省人民政府", kind=AgencyKind.PROVINCE, code="002482")
    jx = Agency.objects.create(name="嘉兴市人民政府", kind=AgencyKind.CITY, parent=zj)
    hy = Agency.objects.create(
        name="海盐县人民政府",
        kind=AgencyKind.COUNTY,
        parent=jx,
        code="002541000",
        phone="0573-86123456",
        address="海盐县武原街道枣园东路1号",
    )
    qs = Agency.objects.create(name="秦山街道办事处", kind=AgencyKind.TOWN, parent=hy)
    fgj = Agency.objects.create(name="海盐县发展和改革局", kind=AgencyKind.DEPARTMENT, parent=hy)
    wz = Agency.objects.create(name="温州市人民政府", kind=AgencyKind.CITY, parent=zj)
    cn = Agency.objects.create(name="苍南县人民政府", kind=AgencyKind.COUNTY, parent=wz)
    return {"zj": zj, "jx": jx, "hy": hy, "qs": qs, "fgj": fgj, "wz": wz, "cn": cn}


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    def make(username: str, role: str = Role.APPLICANT, agency: Agency | None = None, **fields: Any) -> User:
        user = User(username=username, role=role, agency=agency, **fields)
        user.set_password("pw-" + username)
        if role == Role.ADMIN:
            user.is_superuser = user.is_staff = True
        user.save()
        return user

    return make


@pytest.fixture
def office(tree: dict[str, Agency], make_user: Callable[..., User]) -> dict[str, Any]:
    """海盐县's disclosure office (clerk, head), 苍南县's clerk, supervisors, applicants, an administrator."""
    return {
        **tree,
        "clerk": make_user("hy_clerk", Role.CLERK, tree["hy"], display_name="海盐经办"),
        "head": make_user("hy_head", Role.HEAD, tree["hy"], display_name="海盐负责人"),
        "qs_clerk": make_user("qs_clerk", Role.CLERK, tree["qs"]),
        "qs_head": make_user("qs_head", Role.HEAD, tree["qs"]),
        "cn_clerk": make_user("cn_clerk", Role.CLERK, tree["cn"]),
        "jx_supervisor": make_user("jx_sup", Role.SUPERVISOR, tree["jx"]),
        "wz_supervisor": make_user("wz_sup", Role.SUPERVISOR, tree["wz"]),
        "alice": make_user(
            "alice",
            Role.APPLICANT,
            display_name="李明",
            id_number="330424198001011111",
            phone="13900001111",
            address="海盐县某路1号",
        ),
        "bob": make_user("bob", Role.APPLICANT, display_name="王强"),
        "admin": make_user("root", Role.ADMIN),
    }


def signed_answer(clerk: User, case: Any, *, on: Any, **answer: str) -> Any:
    """拟办 → 签发, as an office answers: the clerk drafts, a head of the case's agency signs.

    The desk's service refuses a clerk's own answer; an office without a head in the fixture gets one.
    """
    from gongkai.platform.desk import approval

    head = User.objects.filter(role=Role.HEAD, agency=case.agency, is_active=True).first()
    if head is None:
        head = User.objects.create_user(
            f"head_{case.agency.pk}", role=Role.HEAD, agency=case.agency, display_name=f"{case.agency.name}负责人"
        )
    return approval.sign(head, approval.draft_answer(clerk, case, **answer), on=on)


APPLICANT = {
    "applicant_type": "natural_person",
    "applicant_name": "赵六",
    "id_number": "33042419770202333X",
    "phone": "13700007777",
    "address": "海盐县武原街道某小区8幢",
}
PERSONAL_VALUES = ("33042419770202333X", "13700007777", "海盐县武原街道某小区8幢")
