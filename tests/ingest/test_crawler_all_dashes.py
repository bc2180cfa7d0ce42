"""Crawler text of a report whose tables print every zero as — (a small township office's).

Its tables hold no digit at all (``规章———规范性文件———…一、本年新收政府信息公开申请数量———————``):
the run-on cutter must still take the line for a table (a row label followed by a dash cell is a
row, as one followed by a figure is), and the reader reads each dash as a zero cell, saying so.
"""

from __future__ import annotations

from pathlib import Path

from gongkai.ingest.line_cells import split_line
from gongkai.ingest.runon import is_run_on
from tests.ingest.fixture_json import read_json

_REQUEST_ROWS = (
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "（三）不予公开1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
    "（四）无法提供1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确",
    "（五）不予处理1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "（六）其他处理",
    "（七）总计",
    "四、结转下年度继续办理",
)


def _page(space: str) -> str:
    """A township's 2021 report as a crawler leaves it: one line, every zero printed —."""
    active = space.join(
        [
            "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数",
            "规章———",
            "行政规范性文件———",
            "第二十条第（五）项信息内容本年处理决定数量",
            "行政许可—",
            "第二十条第（六）项信息内容本年处理决定数量",
            "行政处罚—",
            "行政强制—",
            "第二十条第（八）项信息内容本年收费金额（单位：万元）",
            "行政事业性收费—",
        ]
    )
    requests = space.join(f"{label}———————" for label in _REQUEST_ROWS)
    return (
        "首页 > 政务公开 > 乡镇 > 政府信息公开年报 "
        "青石镇人民政府2021年政府信息公开工作年度报告 "
        "本报告依据《中华人民共和国政府信息公开条例》编制。"
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。 "
        "一、总体情况 2021年，青石镇人民政府全面推进政务公开。 "
        f"二、主动公开政府信息情况 {active} "
        "三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        f"申请人情况 自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他 {requests} "
        "四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼 结果维持结果纠正其他结果尚未审结总计"
        "未经复议直接起诉复议后起诉 结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计 "
        + "—" * 15
        + " 五、存在的主要问题及改进情况 公开内容不够全面。 六、其他需要报告的事项 无。 青石镇人民政府2022年1月10日\n"
    )


def test_a_table_of_dashes_only_is_a_run_on_table() -> None:
    assert is_run_on(_page(""))
    assert not is_run_on("本报告依据条例编制——全文包括总体情况、主动公开情况——以及其他需要报告的事项。" * 4)


def test_an_all_dash_crawler_report_is_read_as_zeros(tmp_path: Path) -> None:
    for space in (" ", ""):
        path = tmp_path / "page.txt"
        path.write_text(_page(space), encoding="utf-8")
        data = read_json(path)
        assert data["active"]["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
        assert data["active"]["punishment"] == {"decisions": 0}
        assert all(v == 0 for row in data["requests"].values() for v in row), data["requests"]
        assert any(u["cell"] == "active.regulations" for u in data["uncertain"])  # the dashes are noted


def test_a_minus_figure_between_dash_cells_keeps_its_sign() -> None:
    # 本年增/减 printed -4 between two dash cells (行政处罚—-4—): three cells, the middle one −4.
    assert split_line("行政处罚—-4—") == ["行政处罚", "—", "-4", "—"]
    assert split_line("规章———") == ["规章", "—", "—", "—"]
