"""Built-in letter bodies: what 条例 第三十六条 (and 第三十条、第三十三条、第三十七条至第三十九条) require.

Every letter says what was asked and when it was received, the decision with its basis and
reasons, where and how to get what is disclosed, the office's contact, and the remedies. Written
with the named placeholders of ``placeholders.py``, exactly as an office edits them.

One statutory outcome row may need two legal wordings: table 三's （四）1 "本机关不掌握相关政府信息"
counts both 第三十六条（四） (经检索没有: 该政府信息不存在) and （五） (不属于本机关负责公开, naming the
responsible agency when known). They contradict each other, so each has its own body and never
the other's words: ``body_key`` chooses by whether the answer names a responsible agency.
"""

from __future__ import annotations

from ...report.templates import DENIED, TEMPLATE_2021

TITLE = "政府信息公开申请答复告知书"

OPENING = "【申请人】：\n\n本机关于【收到申请日期】收到【称呼】提出的政府信息公开申请，申请获取“【申请内容】”。"

REMEDIES = (
    "【称呼】如对本答复不服，可以自收到本告知书之日起六十日内向【行政复议机关】申请行政复议，"
    "或者自收到本告知书之日起六个月内向【人民法院】提起行政诉讼。"
)

BODIES: dict[str, str] = {
    "granted": "经审查，【称呼】申请获取的政府信息属于公开范围，本机关予以公开。【答复内容】",
    "partially_granted": (
        "经审查，【称呼】申请获取的政府信息中，部分内容可以公开，本机关依据《中华人民共和国政府信息公开"
        "条例》第三十七条，向【称呼】提供可以公开的部分。【答复内容】\n\n"
        "其余部分【依据】不予公开。【不予公开理由】"
    ),
    "denied": (
        "经审查，【称呼】申请获取的政府信息属于“【不予公开的情形】”的情形，【依据】本机关不予公开。【不予公开理由】"
    ),
    # 第三十六条（四）: searched, nothing there. No other agency is named.
    "unavailable_not_held": (
        "经检索，本机关没有制作、获取【称呼】申请的政府信息，依据《中华人民共和国政府信息公开条例》"
        "第三十六条第（四）项，告知【称呼】该政府信息不存在。【答复内容】"
    ),
    # 第三十六条（五）: not this agency's to disclose; the responsible one is named.
    "unavailable_not_ours": (
        "经审查，【称呼】申请获取的政府信息不属于本机关负责公开。依据《中华人民共和国政府信息公开条例》"
        "第三十六条第（五）项，告知如下：该政府信息由【负责公开的机关】负责公开，【称呼】可以向其提出申请。"
        "【答复内容】"
    ),
    "unavailable_needs_creation": (
        "经审查，本机关没有【称呼】申请的现成政府信息，需要对现有政府信息进行加工、分析。依据《中华人民"
        "共和国政府信息公开条例》第三十八条，本机关不予提供。【答复内容】"
    ),
    "unavailable_unclear": (
        "本机关于【补正通知日期】要求【称呼】补正申请内容，补正后，申请内容仍不明确，本机关无法提供。【答复内容】"
    ),
    "not_processed_petition": (
        "经审查，【称呼】提出的申请属于信访、投诉、举报等诉求，依据《中华人民共和国政府信息公开条例》第"
        "三十九条第一款，不作为政府信息公开申请处理，请通过相应渠道提出。【答复内容】"
    ),
    "not_processed_duplicate": (
        "经审查，【称呼】的申请属于重复申请，本机关已于此前作出答复，依据《中华人民共和国政府信息公开条"
        "例》第三十六条第（六）项，不予重复处理。【答复内容】"
    ),
    "not_processed_publication": (
        "经审查，【称呼】要求提供的是公开出版物，依据《中华人民共和国政府信息公开条例》第三十九条第二款，"
        "本机关不予处理，【称呼】可以通过公开出版渠道获取。【答复内容】"
    ),
    "not_processed_excessive": (
        "【称呼】申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，理由不合理，依据"
        "《中华人民共和国政府信息公开条例》第三十五条，本机关不予处理。【答复内容】"
    ),
    "not_processed_confirmation": (
        "经审查，【称呼】要求本机关确认或者重新出具已获取的信息，依据《中华人民共和国政府信息公开条例》"
        "第三十九条第二款，本机关不予处理。【答复内容】"
    ),
    "other_no_correction": (
        "本机关于【补正通知日期】要求【称呼】在【补正期限】前补正申请内容，【称呼】无正当理由逾期未补正，"
        "依据《中华人民共和国政府信息公开条例》第三十条，视为放弃申请，本机关不再处理该申请。"
    ),
    "other_unpaid_fee": (
        "本机关于【收费通知日期】向【称呼】发出信息处理费收费通知（【收费金额】元），【称呼】逾期未缴纳，"
        "依据《政府信息公开信息处理费管理办法》，视为放弃申请，本机关不再处理该申请。"
    ),
    "other_other": "本机关对【称呼】的申请作如下处理：【答复内容】",
}


def body_key(outcome: str, names_responsible_agency: bool = False) -> str:
    if outcome == "unavailable_not_held" and names_responsible_agency:
        return "unavailable_not_ours"
    row = TEMPLATE_2021.requests_by_key.get(outcome)
    return "denied" if row is not None and row.group == DENIED else outcome


def default_body(outcome: str, names_responsible_agency: bool = False) -> str:
    middle = BODIES.get(body_key(outcome, names_responsible_agency), "【答复内容】")
    return "\n\n".join((OPENING, middle, "【联系方式】", REMEDIES))


# Notices sent while a case is open: the applicant is told (第三十条, 第三十三条, 国办函〔2020〕109号).
NOTICES: dict[str, tuple[str, str]] = {
    "clarification": (
        "政府信息公开申请补正告知书",
        "【申请人】：\n\n本机关于【收到申请日期】收到【称呼】提出的政府信息公开申请，申请获取“【申请内容】”。"
        "经审查，申请内容不够明确，依据《中华人民共和国政府信息公开条例》第三十条，请【称呼】于"
        "【补正期限】前补正以下内容：【补正事项】\n\n"
        "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。\n\n【联系方式】",
    ),
    "extension": (
        "政府信息公开申请延期答复告知书",
        "【申请人】：\n\n本机关于【收到申请日期】收到【称呼】提出的政府信息公开申请，申请获取“【申请内容】”。"
        "因【延期理由】，不能在规定期限内答复。经本机关政府信息公开工作机构负责人同意，依据"
        "《中华人民共和国政府信息公开条例》第三十三条第二款，答复期限延长【延长工作日数】个工作日，"
        "至【延长后的答复期限】。\n\n【联系方式】",
    ),
    "fee": (
        "政府信息公开信息处理费收费通知书",
        "【申请人】：\n\n本机关于【收到申请日期】收到【称呼】提出的政府信息公开申请，申请获取“【申请内容】”。"
        "【收费依据】，应缴纳信息处理费【收费金额】元。\n\n请【称呼】自收到本通知之日起20个工作日内"
        "（【缴费期限】前）缴纳。缴费方式请与本机关联系。逾期未缴纳的，视为放弃申请，本机关不再处理"
        "该政府信息公开申请。发出本通知之日至缴纳费用之日的期间，不计算在答复期限内。\n\n【联系方式】",
    ),
}


# Consultation letters (第三十二条 third parties, 第三十四条 other agencies): addressed to the party,
# they name what is asked, never the applicant.
CONSULTATION_LETTERS: dict[str, tuple[str, str]] = {
    "third_party": (
        "政府信息公开征求第三方意见函",
        "【征求对象】：\n\n本机关于【收到申请日期】收到政府信息公开申请，申请获取“【申请内容】”。经审查，"
        "该政府信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开可能损害贵方合法权益。依据《中华人民共和国"
        "政府信息公开条例》第三十二条，现书面征求贵方意见，请于【征求意见期限】前以书面形式提出是否同意公开"
        "的意见并说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。"
        "\n\n【联系方式】",
    ),
    "other_agency": (
        "政府信息公开征求其他机关意见函",
        "【征求对象】：\n\n本机关于【收到申请日期】收到政府信息公开申请，申请获取“【申请内容】”。该政府信息"
        "需经贵机关同意后方可公开（或由本机关与贵机关共同制作）。依据《中华人民共和国政府信息公开条例》"
        "第三十四条，现征求贵机关意见，请于【征求意见期限】前书面回复。逾期未提出意见的，视为同意公开。"
        "\n\n【联系方式】",
    ),
}
