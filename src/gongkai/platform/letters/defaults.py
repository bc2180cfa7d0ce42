"""Built-in letter bodies: what 条例 第三十六条 (and 第三十条、第三十七条至第三十九条) require per outcome.

Every letter says what was asked and when it was received, the decision with its basis and
reasons, where and how to get what is disclosed, the office's contact, and the remedies.
"""

from __future__ import annotations

from ...report.templates import DENIED, TEMPLATE_2021

TITLE = "政府信息公开申请答复告知书"

OPENING = (
    "{{ applicant_name }}：\n\n本机关于"
    "{{ receipt_date }}收到您（单位）提出的政府信息公开申请，申请获取“"
    "{{ description }}”。"
)

REMEDIES = (
    "如对本答复不服，可以自收到本告知书之日起六十日内向{{ review_body }}"
    "申请行政复议，或者自收到本告知书之日起六个月内向{{ court }}提起行政诉讼。"
)

CONTACT = (
    "联系机构：{{ office_name }}{% if address %}，地址："
    "{{ address }}{% endif %}{% if phone %}，电话："
    "{{ phone }}{% endif %}。"
)

BODIES: dict[str, str] = {
    "granted": (
        "经审查，您申请获取的政府信息属于公开范围，本机关予以公开。"
        "{% if reply_text %}{{ reply_text }}"
        "{% else %}现按您要求的“{{ form_wanted }}”方式提供。"
        "{% endif %}"
    ),
    "partially_granted": (
        "经审查，您申请获取的政府信息中，部分内容可以公开，本机关依据《中华人民共和国政府信息公开"
        "条例》第三十七条，向您提供可以公开的部分；其余部分"
        "{% if legal_basis %}依据{{ legal_basis }}，"
        "{% endif %}不予公开，理由是：{{ reply_text }}"
    ),
    "denied": (
        "经审查，您申请获取的政府信息{{ outcome_short }}，"
        "{% if legal_basis %}依据{{ legal_basis }}，"
        "{% endif %}本机关不予公开。理由是：{{ reply_text }}"
    ),
    "unavailable_not_held": (
        "经检索，本机关未制作、获取您申请的政府信息，该政府信息不存在。"
        "{% if responsible_agency %}经了解，该信息由"
        "{{ responsible_agency }}负责公开，您可以向其提出申请。"
        "{% endif %}{{ reply_text }}"
    ),
    "unavailable_needs_creation": (
        "经审查，本机关没有您申请的现成政府信息，需要对现有政府信息进行加工、分析。依据《中华人民"
        "共和国政府信息公开条例》第三十八条，本机关不予提供。{{ reply_text }}"
    ),
    "unavailable_unclear": (
        "本机关于{{ clarification_sent_on }}"
        "要求您补正申请内容，补正后，申请内容仍不明确，本机关无法提供。"
        "{{ reply_text }}"
    ),
    "not_processed_petition": (
        "经审查，您提出的申请属于信访、投诉、举报等诉求，依据《中华人民共和国政府信息公开条例》第"
        "三十九条第一款，不作为政府信息公开申请处理，请您通过相应渠道提出。"
        "{{ reply_text }}"
    ),
    "not_processed_duplicate": (
        "经审查，您的申请属于重复申请，本机关已于此前作出答复，依据《中华人民共和国政府信息公开条"
        "例》第三十六条第（六）项，不予重复处理。{{ reply_text }}"
    ),
    "not_processed_publication": (
        "经审查，您要求提供的是公开出版物，依据《中华人民共和国政府信息公开条例》第三十九条第二款"
        "，本机关不予处理，您可以通过公开出版渠道获取。{{ reply_text }}"
    ),
    "not_processed_excessive": (
        "您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，理由不合理，依据《"
        "中华人民共和国政府信息公开条例》第三十五条，本机关不予处理。"
        "{{ reply_text }}"
    ),
    "not_processed_confirmation": (
        "经审查，您要求本机关确认或者重新出具已获取的信息，依据《中华人民共和国政府信息公开条例》"
        "第三十九条第二款，本机关不予处理。{{ reply_text }}"
    ),
    "other_no_correction": (
        "本机关于{{ clarification_sent_on }}要求您在"
        "{{ clarification_deadline }}"
        "前补正申请内容，您无正当理由逾期未补正，依据《中华人民共和国政府信息公开条例》第三十条，"
        "视为放弃申请，本机关不再处理该申请。"
    ),
    "other_unpaid_fee": (
        "本机关于{{ fee_notice_on }}向您发出信息处理费收费通知（"
        "{{ fee_amount }}"
        " 元），您逾期未缴纳，依据《政府信息公开信息处理费管理办法》，视为放弃申请，本机关不再处"
        "理该申请。"
    ),
    "other_other": (
        "{{ reply_text|default:'本机关对您的申请作如下处理：' }}"
    ),
}


def default_body(outcome: str) -> str:
    row = TEMPLATE_2021.requests_by_key.get(outcome)
    key = "denied" if row is not None and row.group == DENIED else outcome
    middle = BODIES.get(key, "{{ reply_text }}")
    return "\n\n".join((OPENING, middle, CONTACT, REMEDIES))


# Notices sent while a case is open: the applicant is told (第三十条, 第三十三条, 国办函〔2020〕109号).
NOTICES: dict[str, tuple[str, str]] = {
    "clarification": (
        "政府信息公开申请补正告知书",
        "{{ applicant_name }}：\n\n本机关于{{ receipt_date }}收到您（单位）提出的政府信息公开申请。"
        "经审查，您的申请内容不够明确，依据《中华人民共和国政府信息公开条例》第三十条，请您于"
        "{{ clarification_deadline }}前补正以下内容：{{ clarification_request }}\n\n"
        "答复期限自本机关收到补正后的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。\n\n" + CONTACT,
    ),
    "extension": (
        "政府信息公开申请延期答复告知书",
        "{{ applicant_name }}：\n\n本机关于{{ receipt_date }}收到您（单位）提出的政府信息公开申请。"
        "因{{ extension_reason }}，不能在规定期限内答复。经本机关政府信息公开工作机构负责人同意，依据"
        "《中华人民共和国政府信息公开条例》第三十三条第二款，答复期限延长 {{ extension_days }} 个工作日，"
        "至{{ due_date }}。\n\n" + CONTACT,
    ),
    "fee": (
        "政府信息公开信息处理费收费通知书",
        "{{ applicant_name }}：\n\n本机关于{{ receipt_date }}收到您（单位）提出的政府信息公开申请。"
        "{{ fee_basis }}。应缴纳信息处理费 {{ fee_amount }} 元。\n\n请您自收到本通知之日起 20 个工作日内"
        "（{{ fee_deadline }}前）缴纳。缴费方式请与本机关联系。逾期未缴纳的，视为放弃申请，本机关不再处理"
        "该政府信息公开申请。发出本通知之日至您缴纳费用之日的期间，不计算在答复期限内。\n\n" + CONTACT,
    ),
}
