"""Demo data: the agencies of the corpus reports under their provinces and cities, demo users, and a
year of plausible applications handled through the desk's own service functions (so the audit
trail, the clock and the annual report are all real).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from .accounts.models import Role, User
from .agencies.models import Agency, AgencyKind
from .appeals.services import file_appeal, record_result
from .desk import approval, services
from .desk.identity import resident_id_check
from .desk.models import ANSWER_OUTCOMES, Application, ConsultationKind
from .desk.receipt import Channel

DEMO_PASSWORD = "gongkai-demo"

# (name, kind, children): the agencies whose reports are in the corpus, under their real parents.
TREE: list[tuple[str, str, list[Any]]] = [
    (
        "浙江省人民政府",
        AgencyKind.PROVINCE,
        [
            (
                "嘉兴市人民政府",
                AgencyKind.CITY,
                [
                    (
                        "海盐县人民政府",
                        AgencyKind.COUNTY,
                        [
                            ("秦山街道办事处", AgencyKind.TOWN, []),
                            ("武原街道办事处", AgencyKind.TOWN, []),
                            ("海盐县发展和改革局", AgencyKind.DEPARTMENT, []),
                            ("海盐县自然资源和规划局", AgencyKind.DEPARTMENT, []),
                        ],
                    ),
                ],
            ),
            (
                "温州市人民政府",
                AgencyKind.CITY,
                [
                    ("苍南县人民政府", AgencyKind.COUNTY, [("苍南县人民政府办公室", AgencyKind.OFFICE, [])]),
                ],
            ),
            ("绍兴市人民政府", AgencyKind.CITY, [("绍兴市柯桥区人民政府", AgencyKind.COUNTY, [])]),
        ],
    ),
    (
        "宁夏回族自治区人民政府",
        AgencyKind.PROVINCE,
        [
            (
                "吴忠市人民政府",
                AgencyKind.CITY,
                [
                    ("盐池县人民政府", AgencyKind.COUNTY, [("盐池县人民政府办公室", AgencyKind.OFFICE, [])]),
                ],
            ),
        ],
    ),
    (
        "江苏省人民政府",
        AgencyKind.PROVINCE,
        [
            (
                "宿迁市人民政府",
                AgencyKind.CITY,
                [
                    ("沭阳县人民政府", AgencyKind.COUNTY, [("沭阳县发展和改革局", AgencyKind.DEPARTMENT, [])]),
                ],
            ),
        ],
    ),
]

# Demo users: username → (role, agency name, display name)
USERS: dict[str, tuple[str, str | None, str]] = {
    "haiyan_clerk": (Role.CLERK, "海盐县人民政府", "海盐县公开办经办人"),
    "haiyan_head": (Role.HEAD, "海盐县人民政府", "海盐县公开办负责人"),
    "qinshan_clerk": (Role.CLERK, "秦山街道办事处", "秦山街道经办人"),
    "qinshan_head": (Role.HEAD, "秦山街道办事处", "秦山街道公开办负责人"),
    "shuyang_clerk": (Role.CLERK, "沭阳县发展和改革局", "沭阳县发改局经办人"),
    "shuyang_head": (Role.HEAD, "沭阳县发展和改革局", "沭阳县发改局公开办负责人"),
    "jiaxing_supervisor": (Role.SUPERVISOR, "嘉兴市人民政府", "嘉兴市政务公开监督"),
    "zhejiang_supervisor": (Role.SUPERVISOR, "浙江省人民政府", "浙江省政务公开监督"),
    "applicant": (Role.APPLICANT, None, "张三"),
}

SUBJECTS = [
    "2024年度本县城乡居民最低生活保障资金使用情况",
    "某地块国有土地使用权出让合同及规划条件",
    "某村集体土地征收补偿安置方案",
    "某道路改造工程的环境影响评价批复",
    "某小区旧改项目的立项批复文件",
    "本单位2024年部门预算和三公经费",
    "某企业排污许可证及监督性监测数据",
    "某河道整治工程招标文件及中标结果",
    "某学校新建工程的规划许可证",
    "某镇2023年惠农补贴发放名单",
    "某行政处罚决定书",
    "某拆迁项目的房屋征收决定及补偿方案",
]


@dataclass
class DemoResult:
    agencies: int
    cases: int
    users: dict[str, str]


def _build(nodes: list[tuple[str, str, list[Any]]], parent: Agency | None, made: dict[str, Agency]) -> None:
    for index, (name, kind, children) in enumerate(nodes, start=1):
        agency = Agency.objects.filter(name=name).first() or Agency(name=name, kind=kind, parent=parent)
        if agency.pk is None:
            agency.code = (parent.code if parent else "33") + f"{index:02d}"
            agency.office_name = (
                f"{name}政府信息公开工作机构"
                if kind in (AgencyKind.PROVINCE, AgencyKind.CITY, AgencyKind.COUNTY)
                else name
            )
            agency.phone = f"0573-8{len(made):03d}1234"
            agency.address = f"{name}（地址示例）"
            agency.review_body = f"{parent.name}" if parent else "国务院"
            agency.court = "有管辖权的人民法院"
            agency.save()
        made[name] = agency
        _build(children, agency, made)


def fill(year: int | None = None, seed: int = 2020) -> DemoResult:
    """Create (once) the demo agencies and users, and a year of cases. Idempotent."""
    rng = random.Random(seed)
    year = year or services.today().year - 1
    made: dict[str, Agency] = {}
    with transaction.atomic():
        _build(TREE, None, made)
        users: dict[str, User] = {}
        for username, (role, agency_name, display) in USERS.items():
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    role=role,
                    agency=made.get(agency_name) if agency_name else None,
                    display_name=display,
                    phone="13800000000" if role == Role.APPLICANT else "",
                    id_number="330424199001011239" if role == Role.APPLICANT else "",
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
            users[username] = user
    fill_published_items(made, year)
    if Application.objects.exists():
        return DemoResult(len(made), Application.objects.count(), {u: DEMO_PASSWORD for u in users})
    clerks = {
        "海盐县人民政府": users["haiyan_clerk"],
        "秦山街道办事处": users["qinshan_clerk"],
        "沭阳县发展和改革局": users["shuyang_clerk"],
    }
    heads = {
        "海盐县人民政府": users["haiyan_head"],
        "秦山街道办事处": users["qinshan_head"],
        "沭阳县发展和改革局": users["shuyang_head"],
    }
    count = 0
    for agency_name, clerk in clerks.items():
        agency = made[agency_name]
        volume = 60 if agency_name == "海盐县人民政府" else 15
        for _ in range(volume):
            count += _one_case(rng, agency, clerk, heads[agency_name], year, users["applicant"])
        # Some open ones this year: running, due soon, overdue, waiting.
        for _ in range(6 if agency_name == "海盐县人民政府" else 2):
            count += _open_case(rng, agency, clerk)
    return DemoResult(len(made), count, {u: DEMO_PASSWORD for u in users})


def _applicant(rng: random.Random, user: User | None) -> dict[str, Any]:
    kind = rng.choices(
        ["natural_person", "business", "research", "public_interest", "legal_services", "other"],
        weights=[80, 8, 2, 2, 5, 3],
    )[0]
    surname = rng.choice("王李张刘陈杨赵黄周吴")
    name = (
        surname + rng.choice(["伟", "芳", "敏", "静", "强", "磊"])
        if kind == "natural_person"
        else rng.choice(["某某科技有限公司", "某某律师事务所", "某某研究院", "某某公益基金会", "某某合作社"])
    )
    return {
        "applicant_type": kind,
        "applicant_name": name,
        "phone": f"139{rng.randrange(10**8):08d}",
        "id_number": _resident_id(rng),
        "address": "浙江省嘉兴市海盐县某路某号",
    }


def _resident_id(rng: random.Random) -> str:
    """A made-up 居民身份证 number of 海盐 that passes the GB 11643 check (birth date, check digit)."""
    born = f"{1950 + rng.randrange(50)}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
    first17 = f"330424{born}{rng.randrange(1000):03d}"
    return first17 + resident_id_check(first17)


def _weekday(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    calendar = services.work_calendar()
    while True:
        day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
        if calendar.is_workday(day):
            return day


def _one_case(rng: random.Random, agency: Agency, clerk: User, head: User, year: int, applicant_user: User) -> int:
    calendar = services.work_calendar()
    received = _weekday(rng, dt.date(year, 1, 2), dt.date(year, 12, 31))
    channel = rng.choice([Channel.IN_PERSON, Channel.REGISTERED_POST, Channel.ONLINE, Channel.ONLINE])
    own = rng.random() < 0.05
    case = services.register(
        clerk,
        agency,
        channel=channel,
        submitted_on=received,
        signed_on=received,
        confirmed_on=received,
        applicant=_applicant(rng, None) if not own else {"applicant_name": "张三", "phone": "13800000000"},
        description=rng.choice(SUBJECTS),
        form_wanted="电子邮件",
        applicant_user=applicant_user if own else None,
    )
    today = services.today()
    step = calendar.add_workdays(received, rng.randrange(1, 5))
    if step >= today:
        return 1
    if rng.random() < 0.12:
        services.ask_clarification(clerk, case, step, "请明确所需信息的名称、文号或时间范围")
        if rng.random() < 0.3:
            close_on = calendar.add_workdays(case.clarification_deadline or step, 1)
            if close_on < today:
                services.close_for_no_clarification(clerk, case, close_on)
            return 1
        step = calendar.add_workdays(step, rng.randrange(2, 8))
        if step >= today:
            return 1
        services.receive_clarification(clerk, case, step, case.description + "（补正：2024年1月至12月）")
    if rng.random() < 0.1:
        consultation = services.start_consultation(
            clerk, case, kind=ConsultationKind.THIRD_PARTY, party="相关企业", on=calendar.add_workdays(step, 1)
        )
        step = calendar.add_workdays(consultation.started_on, rng.randrange(3, 15))
        if step >= today:
            return 1
        services.end_consultation(clerk, consultation, step, "不同意公开涉及商业秘密的部分")
    case.refresh_from_db()
    extends = agency.name == "海盐县人民政府"  # (the other offices' demo cases are never extended)
    if extends and rng.random() < 0.1 and case.due_date and case.due_date > step:
        services.extend(head, case, days=rng.choice([10, 15, 20]), reason="信息量大，需要检索多个档案", on=step)
        case.refresh_from_db()
    latest = case.due_date or calendar.add_workdays(step, 20)
    answer_on = min(calendar.add_workdays(step, rng.randrange(1, 18)), latest)
    if answer_on >= today or (answer_on.year > year and rng.random() < 0.7):
        return 1  # carried forward into next year
    outcome = rng.choices(
        ANSWER_OUTCOMES, weights=[40, 12, 1, 1, 1, 3, 1, 2, 1, 1, 18, 2, 1, 3, 3, 1, 1, 1][: len(ANSWER_OUTCOMES)]
    )[0]
    if outcome == "unavailable_unclear" and case.clarified_on is None:
        outcome = "unavailable_not_held"
    answer_on = max(answer_on, case.clarified_on or case.receipt_date or answer_on)
    # 拟办 → 签发: the clerk drafts, the office's head signs (the service refuses a clerk's own answer).
    draft = approval.draft_answer(
        clerk,
        case,
        outcome=outcome,
        reply_text="理由和获取方式见正文。",
        legal_basis="《中华人民共和国政府信息公开条例》",
        responsible_agency="县相关主管部门" if outcome == "unavailable_not_held" else "",
    )
    approval.sign(head, draft, on=answer_on)
    if rng.random() < 0.06:
        filed = calendar.add_workdays(answer_on, rng.randrange(5, 40))
        if filed < today:
            appeal = file_appeal(
                clerk,
                case,
                kind=rng.choice(["review", "litigation"]),
                filed_on=filed,
                body="上一级人民政府" if rng.random() < 0.5 else "某区人民法院",
            )
            decided = calendar.add_workdays(filed, rng.randrange(20, 60))
            if decided < today and rng.random() < 0.8:
                record_result(
                    clerk, appeal, result=rng.choice(["upheld", "upheld", "corrected", "other"]), decided_on=decided
                )
    return 1


def _open_case(rng: random.Random, agency: Agency, clerk: User) -> int:
    calendar = services.work_calendar()
    today = services.today()
    back = rng.randrange(3, 35)
    received = today - dt.timedelta(days=back)
    while not calendar.is_workday(received):
        received -= dt.timedelta(days=1)
    case = services.register(
        clerk,
        agency,
        channel=Channel.IN_PERSON,
        submitted_on=received,
        applicant=_applicant(rng, None),
        description=rng.choice(SUBJECTS),
        form_wanted="纸质",
    )
    if rng.random() < 0.3 and calendar.add_workdays(received, 2) <= today:
        services.ask_clarification(clerk, case, calendar.add_workdays(received, 2), "请补充所需信息的时间范围")
    return 1


def fill_published_items(made: dict[str, Agency], year: int) -> int:
    """Proactive disclosure (issue 6): the items the demo agencies publish, through the review."""
    from .registry.demo import fill_registry

    return fill_registry(made, year)
