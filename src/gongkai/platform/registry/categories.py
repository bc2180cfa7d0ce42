"""The catalogue categories of the portal and the 第二十条 items they belong to.

The categories follow what the corpus reports list on their portals (机构信息, 政策文件, 规划计划,
工作信息, 人事信息, 财政信息, 重点领域 …). Categories that are rows of table 二 take their label from
``report.templates`` (the one place row labels are spelled).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...report.templates import ARTICLE_20, TEMPLATE_2019, TEMPLATE_2021, article_20_item

__all__ = ["ARTICLE_20", "article_20_item"]  # the portal's 第二十条 page reads them here too


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    group: str  # the portal catalogue's heading
    article: str = ""  # 第二十条 item number (一 … 十五), "" when none
    active_row: str = ""  # the table 二 row whose documents are counted from this category

    @property
    def article_label(self) -> str:
        return article_20_item(self.article) if self.article else ""


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
