"""The catalogue categories of the portal and the 第二十条 items they belong to.

The categories follow what the corpus reports list on their portals (机构信息, 政策文件, 规划计划,
工作信息, 人事信息, 财政信息, 重点领域 …). Categories that are rows of table 二 take their label from
``report.templates`` (the one place row labels are spelled).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...report.templates import TEMPLATE_2019, TEMPLATE_2021

# 条例 第二十条: what every agency publishes on its own initiative.
ARTICLE_20: tuple[tuple[str, str], ...] = (
    ("一", "行政法规、规章和规范性文件"),
    ("二", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
    ("三", "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    ("四", "国民经济和社会发展统计信息"),
    ("五", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
    ("六", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定"),
    ("七", "财政预算、决算信息"),
    ("八", "行政事业性收费项目及其依据、标准"),
    ("九", "政府集中采购项目的目录、标准及实施情况"),
    ("十", "重大建设项目的批准和实施情况"),
    ("十一", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    ("十二", "突发公共事件的应急预案、预警信息及应对情况"),
    ("十三", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    ("十四", "公务员招考的职位、名额、报考条件等事项以及录用结果"),
    ("十五", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
)
ARTICLE_20_TEXT = dict(ARTICLE_20)


def article_label(number: str) -> str:
    return f"第二十条第（{number}）项"


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    group: str  # the portal catalogue's heading
    article: str = ""  # 第二十条 item number (一 … 十五), "" when none
    active_row: str = ""  # the table 二 row whose documents are counted from this category


_T21 = TEMPLATE_2021.active_by_key
_T19 = TEMPLATE_2019.active_by_key

REGULATION = "regulation"
NORMATIVE = "normative"
INTERPRETATION = "interpretation"
GUIDE = "guide"

CATEGORIES: tuple[Category, ...] = (
    Category(GUIDE, "政府信息公开指南", "公开指南"),
    Category("institution", "机构职能", "机构信息", "二"),
    Category(REGULATION, _T21["regulations"].label, "政策文件", "一", "regulations"),
    Category(NORMATIVE, _T21["normative_documents"].label, "政策文件", "一", "normative_documents"),
    Category("other_document", "其他文件", "政策文件", "十五"),
    Category(INTERPRETATION, "政策解读", "政策文件"),
    Category("plan", "规划计划", "规划计划", "三"),
    Category("statistics", "统计信息", "统计信息", "四"),
    Category("licensing", _T21["licensing"].label, "行政执法", "五"),
    Category("enforcement", f"{_T21['punishment'].label}和{_T21['coercion'].label}", "行政执法", "六"),
    Category("budget", "财政预决算", "财政信息", "七"),
    Category("fees", _T21["fees"].label, "财政信息", "八"),
    Category("procurement", _T19["procurement"].label, "财政信息", "九"),
    Category("projects", "重大建设项目", "重点领域", "十"),
    Category("livelihood", "民生保障", "重点领域", "十一"),
    Category("emergency", "应急管理", "重点领域", "十二"),
    Category("inspection", "监督检查", "重点领域", "十三"),
    Category("recruitment", "公务员招考", "人事信息", "十四"),
    Category("personnel", "人事任免", "人事信息", "十五"),
    Category("work", "工作动态", "工作信息"),
    Category("other", "其他", "其他信息", "十五"),
)
CATEGORY_BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}
CATEGORY_CHOICES: list[tuple[str, str]] = [(c.key, c.label) for c in CATEGORIES]
GROUPS: tuple[str, ...] = tuple(dict.fromkeys(c.group for c in CATEGORIES))
# 规章 and 规范性文件 carry their life (made, published, amended, repealed); table 二 counts them.
DOCUMENT_CATEGORIES: dict[str, str] = {c.key: c.active_row for c in CATEGORIES if c.active_row}


def category_label(key: str) -> str:
    found = CATEGORY_BY_KEY.get(key)
    return found.label if found else key
