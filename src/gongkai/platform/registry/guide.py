"""The default 政府信息公开指南 of an agency that has published none (条例第十二条), by kind of agency.

Written from the 条例 itself (第十九条至第三十三条, 第四十二条, 第五十一条) and filled from the agency's
own record (name, office, address, post code, phone, review body, court). Three kinds, because the
条例 asks different things of them: a 人民政府 keeps 查阅场所 in its archives and libraries
(第二十五条) and discloses for its whole area; a 部门 (局委办) for its own field; a 乡镇街道 also the
rural matters of 第二十一条. The office edits it as a registry item of the category 公开指南
(``registry/new/?category=guide`` starts a draft from this text); once published, that item is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..agencies.models import Agency, AgencyKind
from .categories import ARTICLE_20

GOVERNMENT = "government"
DEPARTMENT = "department"
TOWN = "town"


def kind_of(agency: Agency) -> str:
    if agency.kind in (AgencyKind.PROVINCE, AgencyKind.CITY, AgencyKind.COUNTY):
        return GOVERNMENT
    if agency.kind == AgencyKind.TOWN:
        return TOWN
    return DEPARTMENT


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


def _office(agency: Agency) -> str:
    parts = [f"名称：{agency.office_name or agency.name}"]
    if agency.address:
        parts.append(f"办公地址：{agency.address}")
    if agency.postcode:
        parts.append(f"邮政编码：{agency.postcode}")
    parts.append("办公时间：法定工作日（具体时间以本机关公告为准）")
    if agency.phone:
        parts.append(f"咨询电话：{agency.phone}")
    if agency.website:
        parts.append(f"网站：{agency.website}")
    return "；".join(parts) + "。"


def default_guide(agency: Agency) -> list[Section]:
    kind = kind_of(agency)
    name = agency.name
    scope = {
        GOVERNMENT: "本级人民政府及其办公室（厅）制作或者获取的",
        DEPARTMENT: "本机关在履行行政管理职能过程中制作或者获取的",
        TOWN: "本乡镇（街道）在履行职责过程中制作或者获取的",
    }[kind]
    items = "；".join(f"（{number}）{label}" for number, label in ARTICLE_20)
    active = [
        f"本机关主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息（第十九条），"
        f"包括第二十条规定的下列信息：{items}。",
    ]
    if kind == TOWN:
        active.append(
            "本乡镇（街道）还主动公开贯彻落实农业农村政策、农田水利工程建设运营、农村土地承包经营权流转、"
            "宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息（第二十一条）。"
        )
    elif kind == GOVERNMENT:
        active.append(
            "本级人民政府还主动公开市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等"
            "方面的政府信息（第二十一条），并在政府门户网站集中发布（第二十四条）。"
        )
    else:
        active.append("本机关还根据本部门的职能，主动公开本领域涉及公众利益调整的其他政府信息（第二十一条）。")
    places = {
        GOVERNMENT: "本级人民政府在国家档案馆、公共图书馆、政务服务场所设置政府信息查阅场所，并配备相应的设施、设备",
        DEPARTMENT: "本机关在政务服务场所和办公场所设置政府信息查阅点",
        TOWN: "本乡镇（街道）在便民服务中心设置政府信息查阅点",
    }[kind]
    ways = (
        "主动公开的政府信息通过本平台的公开目录、政府公报、政府网站或者政务新媒体、新闻发布会以及报刊、广播、"
        f"电视等途径公开（第二十三条）；{places}，为公民、法人和其他组织获取政府信息提供便利（第二十五条）。"
        "属于主动公开范围的政府信息，自该信息形成或者变更之日起 20 个工作日内公开（第二十六条）。"
    )
    return [
        Section(
            "一、总则",
            (
                f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，{name}编制本指南。"
                f"本指南适用于{scope}、以一定形式记录、保存的政府信息。公民、法人或者其他组织"
                "需要获得本机关政府信息的，请阅读本指南。",
            ),
        ),
        Section("二、主动公开", (*active, ways)),
        Section(
            "三、依申请公开",
            (
                f"除主动公开的政府信息外，公民、法人或者其他组织可以向{name}申请获取相关政府信息（第二十七条）。",
                "申请以书面形式提出（包括在线申请、信函、传真和当面提交）；书写确有困难的，可以口头提出，由本机关"
                "代为填写申请（第二十九条）。申请应当包括：（一）申请人的姓名或者名称、身份证明、联系方式；"
                "（二）申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；（三）申请公开的政府信息的"
                "形式要求，包括获取信息的方式、途径。",
                "申请内容不明确的，本机关自收到申请之日起 7 个工作日内一次性告知申请人作出补正，说明需要补正的"
                "事项和合理的补正期限；答复期限自收到补正的申请之日起计算，无正当理由逾期不补正的，视为放弃申请"
                "（第三十条）。",
                "收到申请的时间：当面提交的，以提交之日为准；以邮寄方式提交的，以本机关签收之日为准；以平常信函等"
                "无需签收的邮寄方式提交的，以本机关与申请人确认之日为准；通过互联网渠道或者传真提交的，以双方确认"
                "之日为准（第三十一条）。",
            ),
        ),
        Section(
            "四、办理时限",
            (
                "能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长"
                "答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日"
                "（第三十三条）。",
                "公开可能损害第三方合法权益的，本机关书面征求第三方的意见，第三方自收到征求意见书之日起 15 个"
                "工作日内提出意见（第三十二条）；征求第三方和其他机关意见所需时间不计算在答复期限内。",
            ),
        ),
        Section(
            "五、收费",
            (
                "本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，"
                "可以按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）按件或者按量收取信息处理费"
                "（第四十二条），收费前书面通知申请人。",
            ),
        ),
        Section(
            "六、政府信息公开工作机构", (_office(agency), "在线申请和查询办理进度：本平台“在线申请”“查询进度”栏目。")
        ),
        Section(
            "七、监督和救济",
            (
                "公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者"
                "政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议"
                + (f"（行政复议机关：{agency.review_body}）" if agency.review_body else "")
                + "或者提起行政诉讼"
                + (f"（{agency.court}）" if agency.court else "")
                + "（第五十一条）。",
            ),
        ),
    ]


def as_text(sections: list[Section]) -> str:
    """The guide as the plain text of a registry item's body (what the office edits)."""
    return "\n\n".join(s.heading + "\n" + "\n".join(s.paragraphs) for s in sections)
