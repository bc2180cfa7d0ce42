"""The two statutory templates of the annual report, declared once, as data.

Template ``2019`` was set by 国办公开办函〔2019〕60号 (reports on 2019 and 2020), template ``2021`` by
国办公开办函〔2021〕30号 (reports on 2021 onward). Every table, row and column carries its JSON key
(``spec/report-data.md``), its printed Chinese label and the variants real reports print.

Nothing else in gongkai spells out a row or column label: the checks, the readers, the renderers and
the platform all look them up here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Kind(StrEnum):
    """What a cell may hold."""

    COUNT = "count"  # a non-negative integer
    CHANGE = "change"  # an integer that may be negative (本年增/减)
    MONEY = "money"  # a non-negative number, may have decimals


@dataclass(frozen=True)
class Field:
    """One column of a table 二 row (本年新制作数量, 本年制发件数, …)."""

    key: str
    label: str
    kind: Kind = Kind.COUNT
    variants: tuple[str, ...] = ()
    unit: str = ""  # the unit printed in the header, e.g. 元 or 万元

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    @property
    def header(self) -> str:
        """The column header as printed, with its unit: 采购总金额（单位：元）."""
        if not self.unit or self.unit in self.label:
            return self.label
        return f"{self.label}（单位：{self.unit}）"


@dataclass(frozen=True)
class ActiveRow:
    """One row of table 二 (主动公开政府信息情况), with the 第二十条 item it belongs to."""

    key: str
    label: str
    item: str  # 第二十条第（一）项 …
    fields: tuple[Field, ...]
    variants: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    def field(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)


@dataclass(frozen=True)
class RequestColumn:
    """One applicant column of table 三."""

    index: int
    key: str
    label: str
    group: str = ""  # 法人或其他组织 for the five organisation columns
    variants: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    @property
    def full_label(self) -> str:
        return f"{self.group} · {self.label}" if self.group else self.label


@dataclass(frozen=True)
class RequestRow:
    """One row of table 三.

    ``number`` is the printed numbering (一、 / （三） / 1.), ``label`` the text after it; ``group``
    names the heading a sub-row sits under (（三）不予公开), ``section`` the top heading
    (三、本年度办理结果). ``outcome`` rows are those that add up to 总计.
    """

    key: str
    number: str
    label: str
    group: str = ""
    section: str = ""
    outcome: bool = False
    variants: tuple[str, ...] = ()

    @property
    def printed(self) -> str:
        """The row label as the template prints it in its own cell."""
        return f"{self.number}{self.label}"

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)

    @property
    def full_label(self) -> str:
        """Label with its group, unambiguous on its own: 三（三）1.属于国家秘密."""
        parts = [self.group, self.printed] if self.group else [self.printed]
        return "".join(parts)

    @property
    def plain_label(self) -> str:
        """The full label as an applicant reads it, without the table's counting note: （二）部分公开."""
        notes = [v for v in self.variants if self.label.startswith(v) and self.label[len(v) :].startswith("（")]
        short = min(notes, key=len, default=self.label)  # only a parenthesised note goes, never words
        return self.full_label.replace(self.label, short)


@dataclass(frozen=True)
class AppealGroup:
    key: str
    label: str
    parent: str = ""  # 行政诉讼 for the two litigation groups
    variants: tuple[str, ...] = ()

    @property
    def full_label(self) -> str:
        return f"{self.parent} · {self.label}" if self.parent else self.label


@dataclass(frozen=True)
class AppealField:
    key: str
    label: str
    variants: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@dataclass(frozen=True)
class Section:
    """One of the six numbered parts of the report."""

    number: str
    title: str
    variants: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.variants)


@dataclass(frozen=True)
class Table:
    """A table's number, title and what the template prints around it."""

    key: str  # active / requests / appeals
    number: str  # 二 / 三 / 四
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@dataclass(frozen=True)
class Template:
    """One statutory layout of the report: its tables, rows and columns."""

    id: str
    document: str
    first_year: int
    last_year: int | None
    active_rows: tuple[ActiveRow, ...]
    request_rows: tuple[RequestRow, ...]
    request_columns: tuple[RequestColumn, ...] = field(default=())
    appeal_groups: tuple[AppealGroup, ...] = field(default=())
    appeal_fields: tuple[AppealField, ...] = field(default=())

    def fits_year(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    @cached_property
    def active_by_key(self) -> dict[str, ActiveRow]:
        return {row.key: row for row in self.active_rows}

    @cached_property
    def requests_by_key(self) -> dict[str, RequestRow]:
        return {row.key: row for row in self.request_rows}

    @property
    def outcome_rows(self) -> tuple[RequestRow, ...]:
        return tuple(row for row in self.request_rows if row.outcome)

    @property
    def active_items(self) -> tuple[str, ...]:
        """The 第二十条 items of table 二, in printed order, each once."""
        return tuple(dict.fromkeys(row.item for row in self.active_rows))

    def active_row(self, key: str) -> ActiveRow:
        return self.active_by_key[key]

    def request_row(self, key: str) -> RequestRow:
        return self.requests_by_key[key]

    @property
    def total_column(self) -> int:
        return len(self.request_columns) - 1


# ---------------------------------------------------------------------------------------------
# What both templates share
# ---------------------------------------------------------------------------------------------

TABLES: tuple[Table, ...] = (
    Table("active", "二", "主动公开政府信息情况"),
    Table("requests", "三", "收到和处理政府信息公开申请情况"),
    Table("appeals", "四", "政府信息公开行政复议、行政诉讼情况"),
)
TABLES_BY_KEY = {table.key: table for table in TABLES}

SECTIONS: tuple[Section, ...] = (
    Section("一", "总体情况", ("总体工作情况", "概述")),
    Section("二", "主动公开政府信息情况", ("主动公开情况",)),
    Section("三", "收到和处理政府信息公开申请情况", ("依申请公开情况", "依申请公开政府信息情况")),
    Section(
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        ("因政府信息公开申请行政复议、提起行政诉讼情况", "政府信息公开行政复议、诉讼情况"),
    ),
    Section(
        "五",
        "存在的主要问题及改进情况",
        (
            "存在的主要问题及整改措施",
            "存在的主要问题及整改情况",
            "存在的主要问题和改进情况",
            "存在的主要问题及改进措施",
            "存在的问题及改进措施",
        ),
    ),
    Section("六", "其他需要报告的事项", ("其他需要报告的事项情况",)),
)

# 第一项加第二项之和，等于第三项加第四项之和: printed in table 三 of both templates.
REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
REQUESTS_CORNER = "申请人情况"
ORGANISATION_GROUP = "法人或其他组织"
# Columns some offices add to the template's tables: the five organisations' 小计 in table 三, and a
# 序号 column of row numbers at the left of tables 二 and 三; neither holds a figure of the report.
ORGANISATION_SUBTOTAL = "小计"
SERIAL_HEADER = "序号"
ACTIVE_CORNER = "信息内容"

REQUEST_COLUMNS: tuple[RequestColumn, ...] = (
    RequestColumn(0, "natural_person", "自然人", variants=("个人",)),
    RequestColumn(1, "business", "商业企业", ORGANISATION_GROUP),
    RequestColumn(2, "research", "科研机构", ORGANISATION_GROUP),
    RequestColumn(3, "public_interest", "社会公益组织", ORGANISATION_GROUP),
    RequestColumn(4, "legal_services", "法律服务机构", ORGANISATION_GROUP),
    RequestColumn(5, "other", "其他", ORGANISATION_GROUP),
    RequestColumn(6, "total", "总计", variants=("合计",)),
)

APPEAL_GROUPS: tuple[AppealGroup, ...] = (
    AppealGroup("review", "行政复议"),
    AppealGroup("litigation_direct", "未经复议直接起诉", "行政诉讼"),
    AppealGroup("litigation_after_review", "复议后起诉", "行政诉讼"),
)
LITIGATION = "行政诉讼"

APPEAL_FIELDS: tuple[AppealField, ...] = (
    AppealField("upheld", "结果维持"),
    AppealField("corrected", "结果纠正"),
    AppealField("other", "其他结果"),
    AppealField("pending", "尚未审结"),
    AppealField("total", "总计", ("合计",)),
)

# The document around the tables: its title line (after the agency and year) and the short names
# the charts of the illustrated reading (图解) use where a full row label would not fit.
REPORT_TITLE = "政府信息公开工作年度报告"
CHART_LABELS: dict[str, str] = {
    "new_received": "本年新收",
    "carried_over": "上年结转",
    "total_processed": "本年办结",
    "carried_forward": "结转下年度",
    "partially_granted": "部分公开",
}

# A figure nobody can know (null in the data) as documents print it: a word, because "—" and "/"
# in published tables mean "none" (0), and an unknown figure must never read back as 0.
UNKNOWN_MARK = "未知"

ACCEPTED = "三、本年度办理结果"
DENIED = "（三）不予公开"
UNAVAILABLE = "（四）无法提供"
NOT_PROCESSED = "（五）不予处理"
OTHER_HANDLING = "（六）其他处理"


def _head_rows() -> tuple[RequestRow, ...]:
    return (
        RequestRow(
            "new_received", "一、", "本年新收政府信息公开申请数量", variants=("本年度新收政府信息公开申请数量",)
        ),
        RequestRow(
            "carried_over", "二、", "上年结转政府信息公开申请数量", variants=("上年度结转政府信息公开申请数量",)
        ),
        RequestRow("granted", "（一）", "予以公开", section=ACCEPTED, outcome=True),
        RequestRow(
            "partially_granted",
            "（二）",
            "部分公开（区分处理的，只计这一情形，不计其他情形）",
            section=ACCEPTED,
            outcome=True,
            variants=("部分公开",),
        ),
        *(
            RequestRow(key, f"{n}.", label, DENIED, ACCEPTED, True, variants)
            for n, (key, label, variants) in enumerate(
                (
                    ("denied_state_secret", "属于国家秘密", ()),
                    ("denied_prohibited_by_law", "其他法律行政法规禁止公开", ()),
                    ("denied_security_stability", "危及“三安全一稳定”", ("危及三安全一稳定",)),
                    ("denied_third_party", "保护第三方合法权益", ("保护第三方的合法权益",)),
                    ("denied_internal_affairs", "属于三类内部事务信息", ()),
                    ("denied_process_info", "属于四类过程性信息", ()),
                    ("denied_enforcement_file", "属于行政执法案卷", ()),
                    ("denied_query_matter", "属于行政查询事项", ()),
                ),
                start=1,
            )
        ),
        *(
            RequestRow(key, f"{n}.", label, UNAVAILABLE, ACCEPTED, True, variants)
            for n, (key, label, variants) in enumerate(
                (
                    ("unavailable_not_held", "本机关不掌握相关政府信息", ("本机关不掌握相关的政府信息",)),
                    ("unavailable_needs_creation", "没有现成信息需要另行制作", ()),
                    ("unavailable_unclear", "补正后申请内容仍不明确", ()),
                ),
                start=1,
            )
        ),
        *(
            RequestRow(key, f"{n}.", label, NOT_PROCESSED, ACCEPTED, True, variants)
            for n, (key, label, variants) in enumerate(
                (
                    ("not_processed_petition", "信访举报投诉类申请", ()),
                    ("not_processed_duplicate", "重复申请", ()),
                    ("not_processed_publication", "要求提供公开出版物", ()),
                    ("not_processed_excessive", "无正当理由大量反复申请", ()),
                    (
                        "not_processed_confirmation",
                        "要求行政机关确认或重新出具已获取信息",
                        ("要求行政机关确认或重新出具已获取的信息",),
                    ),
                ),
                start=1,
            )
        ),
    )


def _tail_rows() -> tuple[RequestRow, ...]:
    return (
        RequestRow("total_processed", "（七）", "总计", section=ACCEPTED, variants=("合计",)),
        RequestRow("carried_forward", "四、", "结转下年度继续办理", variants=("结转下年度继续办理数量",)),
    )


# 条例 第二十条: what every agency publishes on its own initiative (item number, the law's words);
# table 二's rows belong to items 一, 五, 六, 八 and 九.
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


def article_20_item(number: str) -> str:
    """How an item of 第二十条 is cited: 第二十条第（一）项."""
    return f"第二十条第（{number}）项"


_ITEM_1 = article_20_item("一")
_ITEM_5 = article_20_item("五")
_ITEM_6 = article_20_item("六")
_ITEM_8 = article_20_item("八")
_ITEM_9 = article_20_item("九")

_PREVIOUS = Field("previous_items", "上一年项目数量")
_CHANGE = Field("change", "本年增/减", Kind.CHANGE, ("本年增减", "本年增／减"))
_DECISIONS_2019 = Field("decisions", "处理决定数量")
_ITEMS_2019 = (_PREVIOUS, _CHANGE, _DECISIONS_2019)
_DOCS_2019 = (
    Field("new_made", "本年新制作数量", variants=("本年制作数量",)),
    Field("new_published", "本年新公开数量", variants=("本年公开数量",)),
    Field("total_published", "对外公开总数量"),
)

TEMPLATE_2019 = Template(
    id="2019",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    active_rows=(
        ActiveRow("regulations", "规章", _ITEM_1, _DOCS_2019),
        ActiveRow("normative_documents", "规范性文件", _ITEM_1, _DOCS_2019, ("行政规范性文件",)),
        ActiveRow("licensing", "行政许可", _ITEM_5, _ITEMS_2019),
        ActiveRow("other_services", "其他对外管理服务事项", _ITEM_5, _ITEMS_2019),
        ActiveRow("punishment", "行政处罚", _ITEM_6, _ITEMS_2019),
        ActiveRow("coercion", "行政强制", _ITEM_6, _ITEMS_2019),
        ActiveRow("fees", "行政事业性收费", _ITEM_8, (_PREVIOUS, _CHANGE)),
        ActiveRow(
            "procurement",
            "政府集中采购",
            _ITEM_9,
            (
                Field("projects", "采购项目数量"),
                Field("amount_yuan", "采购总金额", Kind.MONEY, unit="元"),
            ),
        ),
    ),
    request_rows=(
        *_head_rows(),
        RequestRow("other", "（六）", "其他处理", section=ACCEPTED, outcome=True),
        *_tail_rows(),
    ),
    request_columns=REQUEST_COLUMNS,
    appeal_groups=APPEAL_GROUPS,
    appeal_fields=APPEAL_FIELDS,
)

_DOCS_2021 = (
    Field("made", "本年制发件数", variants=("本年新制发件数",)),
    Field("repealed", "本年废止件数"),
    Field("in_force", "现行有效件数"),
)
_DECISIONS_2021 = (Field("decisions", "本年处理决定数量", variants=("处理决定数量",)),)

TEMPLATE_2021 = Template(
    id="2021",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    active_rows=(
        ActiveRow("regulations", "规章", _ITEM_1, _DOCS_2021),
        ActiveRow("normative_documents", "行政规范性文件", _ITEM_1, _DOCS_2021, ("规范性文件",)),
        ActiveRow("licensing", "行政许可", _ITEM_5, _DECISIONS_2021),
        ActiveRow("punishment", "行政处罚", _ITEM_6, _DECISIONS_2021),
        ActiveRow("coercion", "行政强制", _ITEM_6, _DECISIONS_2021),
        ActiveRow(
            "fees",
            "行政事业性收费",
            _ITEM_8,
            (
                Field(
                    "amount_10k_yuan",
                    "本年收费金额（单位：万元）",
                    Kind.MONEY,
                    ("本年收费金额", "本年收费金额(单位:万元)"),
                    unit="万元",
                ),
            ),
        ),
    ),
    request_rows=(
        *_head_rows(),
        *(
            RequestRow(key, f"{n}.", label, OTHER_HANDLING, ACCEPTED, True, variants)
            for n, (key, label, variants) in enumerate(
                (
                    (
                        "other_no_correction",
                        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                        ("申请人无正当理由逾期不补正",),
                    ),
                    (
                        "other_unpaid_fee",
                        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                        ("申请人逾期未按收费通知要求缴纳费用",),
                    ),
                    ("other_other", "其他", ()),
                ),
                start=1,
            )
        ),
        *_tail_rows(),
    ),
    request_columns=REQUEST_COLUMNS,
    appeal_groups=APPEAL_GROUPS,
    appeal_fields=APPEAL_FIELDS,
)

TEMPLATES: dict[str, Template] = {t.id: t for t in (TEMPLATE_2019, TEMPLATE_2021)}


class UnknownTemplate(KeyError):
    """A template id that is neither ``2019`` nor ``2021``."""


def get_template(template_id: str) -> Template:
    try:
        return TEMPLATES[template_id]
    except KeyError:
        raise UnknownTemplate(template_id) from None


def template_for_year(year: int) -> Template:
    """The template a report on ``year`` must use."""
    for template in TEMPLATES.values():
        if template.fits_year(year):
            return template
    return TEMPLATE_2019  # years before 2019 had no statutory tables; the oldest layout is nearest
