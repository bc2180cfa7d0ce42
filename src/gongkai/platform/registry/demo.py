"""Demo data of the registry: what 海盐县 and two corpus offices publish, each item through the review
(drafted by the clerk, approved by the head, published), a repealed normative document, a policy
interpretation, last year's table 二 figures with their sources, and the corpus reports' own text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..accounts.models import Role, User
from ..agencies.models import Agency
from . import figures, services
from .categories import GUIDE
from .guide import as_text, default_guide
from .models import Item

CORPUS = Path(__file__).resolve().parents[4].parent / "shared" / "corpus" / "raw"

# (category, title, document number, body) — 海盐县's catalogue
HAIYAN: list[tuple[str, str, str, str]] = [
    ("guide", "海盐县人民政府政府信息公开指南", "", ""),  # the default text of a 人民政府 (guide.py), as issued
    (
        "institution",
        "海盐县人民政府办公室主要职责和内设机构",
        "",
        "负责县政府日常运转，承担政务公开、政务信息、督查督办等工作。",
    ),
    (
        "normative",
        "海盐县人民政府关于深化“最多跑一次”改革推进政府数字化转型的实施意见",
        "盐政发〔{y}〕3号",
        "为深化“最多跑一次”改革，推进政府数字化转型，优化营商环境，结合本县实际，提出如下实施意见。",
    ),
    (
        "normative",
        "海盐县规范性文件管理办法",
        "盐政发〔{y}〕8号",
        "为加强规范性文件管理，规范制定程序，维护法制统一，制定本办法。",
    ),
    (
        "normative",
        "海盐县城乡居民最低生活保障实施办法",
        "盐政发〔{y}〕11号",
        "为保障城乡困难群众基本生活，根据有关规定，制定本办法。",
    ),
    (
        "regulation",
        "海盐县政府信息公开工作规程",
        "盐政办发〔{y}〕5号",
        "为规范政府信息公开工作，依据《中华人民共和国政府信息公开条例》，制定本规程。",
    ),
    (
        "plan",
        "海盐县国民经济和社会发展第十四个五年规划纲要",
        "",
        "坚持创新驱动发展，全面深化改革开放，推动高质量发展。",
    ),
    ("budget", "海盐县{y}年部门预算", "", "本年度部门预算收支总额及“三公”经费预算情况说明。"),
    ("work", "县政府召开政务公开工作推进会", "", "会议总结了上一年度政务公开工作，部署本年度重点任务。"),
    (
        "personnel",
        "海盐县人民政府关于某某同志职务任免的通知",
        "盐政干〔{y}〕2号",
        "经县人民政府研究决定，任免有关同志职务。",
    ),
    ("livelihood", "海盐县{y}年就业创业补贴政策", "", "对符合条件的高校毕业生、就业困难人员给予就业创业补贴。"),
]


def _office(agency: Agency, prefix: str) -> tuple[User, User]:
    """The clerk and head of ``agency`` (made when the demo has none)."""
    pair = []
    for role, suffix, label in ((Role.CLERK, "clerk", "经办人"), (Role.HEAD, "head", "负责人")):
        user = User.objects.filter(role=role, agency=agency).first()
        if user is None:
            user = User(username=f"{prefix}_{suffix}", role=role, agency=agency, display_name=f"{agency.name}{label}")
            user.set_password("gongkai-demo")
            user.save()
        pair.append(user)
    return pair[0], pair[1]


def _publish(clerk: User, head: User, agency: Agency, on: dt.date, **fields: Any) -> Item:
    item = services.create_item(clerk, agency, made_on=on - dt.timedelta(days=2), **fields)
    services.submit(clerk, item)
    services.approve(head, item, "经保密审查，同意主动公开")
    return services.publish(clerk, item, on=on)


def fill_registry(made: dict[str, Agency], year: int) -> int:
    """Publish the demo items once (nothing happens when the registry has items already)."""
    if Item.objects.exists():
        return 0
    count = 0
    haiyan = made["海盐县人民政府"]
    clerk, head = _office(haiyan, "haiyan")
    documents: list[Item] = []
    for n, (category, title, number, body) in enumerate(HAIYAN):
        on = dt.date(year, 1 + n % 12, 6 + n)
        item = _publish(
            clerk,
            head,
            haiyan,
            on,
            category=category,
            title=title.format(y=year),
            doc_number=number.format(y=year),
            body=body.format(y=year) if category != GUIDE else as_text(default_guide(haiyan)),
        )
        if category in ("normative", "regulation"):
            documents.append(item)
        count += 1
    _publish(
        clerk,
        head,
        haiyan,
        dt.date(year, 3, 10),
        category="interpretation",
        interprets=documents[0],
        title="《关于深化“最多跑一次”改革推进政府数字化转型的实施意见》政策解读",
        body="一、出台背景。二、主要内容。三、创新举措：推进政务服务事项“一网通办”。",
    )
    services.repeal(clerk, documents[2], dt.date(year, 11, 30), "被新修订的办法替代")
    figures.save_figures(
        clerk,
        haiyan,
        year,
        {
            "licensing": {"decisions": 3256},
            "punishment": {"decisions": 418},
            "coercion": {"decisions": 12},
            "fees": {"amount_10k_yuan": 35.6},
        },
        {
            "licensing": "县行政审批局审批系统统计",
            "punishment": "县综合行政执法局执法平台统计",
            "coercion": "县综合行政执法局执法平台统计",
            "fees": "县财政局非税收入征管系统",
        },
    )
    count += 1
    # The corpus offices publish their own annual reports' text (real Chinese for the search).
    for agency_name, prefix, name in (
        ("苍南县人民政府办公室", "cangnan", "001_cf5ac85f95ca13ec.txt"),
        ("盐池县人民政府办公室", "yanchi", "004_26dfd29bd5682613.txt"),
    ):
        path = CORPUS / name
        if agency_name not in made or not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        title = next((line.strip() for line in text.splitlines() if "年度报告" in line and len(line) < 80), name)
        if not title.startswith(agency_name):
            title = agency_name + title
        office_clerk, office_head = _office(made[agency_name], prefix)
        _publish(
            office_clerk, office_head, made[agency_name], dt.date(year, 1, 28), category="work", title=title, body=text
        )
        count += 1
    return count
