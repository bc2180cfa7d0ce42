"""Letter templates as an office writes them: plain text with named placeholders in Chinese.

A template is the letter itself with 【申请人】, 【收到申请日期】… where the case's own words go. The
placeholders that depend on the case's choices (【称呼】 is 您 or 贵单位; 【依据】 is "依据…，" or
nothing) carry that logic, so a template needs no conditions and no template syntax. Values are
cleaned where they meet the text: a quoted description loses its closing 。 (no "…。”。").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ...report.templates import TEMPLATE_2021

PLACEHOLDER = re.compile(r"【([^【】\s]{1,20})】")
_TRAILING = "。；，、.;, \n"


def clause(text: str) -> str:
    """A value used inside a sentence: without the full stop its writer ended it with."""
    return text.strip().rstrip(_TRAILING)


def sentence(text: str) -> str:
    """A value that is a sentence of its own: ends with exactly one 。 (or its own ！？)."""
    text = text.strip()
    if not text:
        return ""
    return text if text[-1] in "。！？”" else clause(text) + "。"


@dataclass(frozen=True)
class Placeholder:
    name: str
    help: str


_EXAMPLE_DENIAL = TEMPLATE_2021.request_row("denied_third_party").label  # labels come from the templates

# The names an office may use, with what each becomes (shown beside the editor).
PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("申请人", "申请人姓名或名称"),
    Placeholder("称呼", "自然人为“您”，法人或其他组织为“贵单位”"),
    Placeholder("收到申请日期", "如 2026年11月4日"),
    Placeholder("申请内容", "申请人所需信息的描述（补正后的以补正为准），不带句末标点"),
    Placeholder("获取方式", "申请人要求的获取方式"),
    Placeholder("答复日期", "答复的日期"),
    Placeholder("答复内容", "办理人员填写的答复内容（获取方式和途径等），自成一句"),
    Placeholder("不予公开的情形", f"表三中的不予公开情形，如“{_EXAMPLE_DENIAL}”"),
    Placeholder("不予公开理由", "不予公开部分的理由，自成一句"),
    Placeholder("依据", "有法律依据时为“依据《……》，”，否则为空"),
    Placeholder("负责公开的机关", "负责公开该信息的机关名称及联系方式"),
    Placeholder("补正通知日期", "补正通知的日期"),
    Placeholder("补正期限", "补正期限"),
    Placeholder("补正事项", "需要补正的事项，自成一句"),
    Placeholder("延期理由", "延期理由，不带句末标点"),
    Placeholder("延长工作日数", "延长的工作日数"),
    Placeholder("延长后的答复期限", "延期后的答复期限"),
    Placeholder("收费依据", "按件或按量的计费说明"),
    Placeholder("收费金额", "信息处理费金额（元）"),
    Placeholder("收费通知日期", "收费通知的日期"),
    Placeholder("缴费期限", "缴费期限"),
    Placeholder("机关名称", "本机关名称"),
    Placeholder("工作机构", "政府信息公开工作机构名称"),
    Placeholder("联系方式", "“联系机构：……，地址：……，电话：……。”"),
    Placeholder("行政复议机关", "行政复议机关"),
    Placeholder("人民法院", "管辖法院"),
    Placeholder("查询码", "申请的查询码"),
    Placeholder("征求对象", "征求意见函的收件方（第三方或其他机关）"),
    Placeholder("征求意见期限", "征求意见的答复期限"),
)
NAMES = frozenset(p.name for p in PLACEHOLDERS)


class PlaceholderError(ValueError):
    pass


def unknown_placeholders(body: str) -> list[str]:
    return sorted({name for name in PLACEHOLDER.findall(body) if name not in NAMES})


def check(body: str) -> None:
    """A template an office may save: known placeholders only, no template syntax."""
    if "{{" in body or "{%" in body:
        raise PlaceholderError(
            "请使用【申请人】这样的中文占位符，不要使用 {{ }} 或 {% %} 模板语法 / "
            "use the Chinese placeholders, not template syntax"
        )
    if unknown := unknown_placeholders(body):
        raise PlaceholderError("未知的占位符：" + "、".join(f"【{n}】" for n in unknown) + " / unknown placeholders")


def fill(body: str, values: Mapping[str, str] | Callable[[str], str]) -> str:
    get = values if callable(values) else values.__getitem__
    return PLACEHOLDER.sub(lambda m: get(m.group(1)) if m.group(1) in NAMES else m.group(0), body)


def tidy(text: str) -> str:
    """Punctuation where values meet the text: never two stops or a stop before a comma."""
    text = re.sub(r"。+”。", "”。", text)
    text = re.sub(r"[。，；]+([。，；])", r"\1", text)
    return text
