"""Information-processing fees (国办函〔2020〕109号) and the receipt date of each channel (第三十一条)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.platform.desk.fees import per_page_fee, per_request_fee
from gongkai.platform.desk.receipt import Channel, ReceiptError, receipt_date

D = dt.date


@pytest.mark.parametrize(
    ("nth", "fee"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400), (61, 500)],
)
def test_per_request_fee_per_applicant_per_month(nth: int, fee: int) -> None:
    assert per_request_fee(nth) == fee


@pytest.mark.parametrize(
    ("pages", "fee"), [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)]
)
def test_per_page_fee_is_progressive(pages: int, fee: int) -> None:
    assert per_page_fee(pages) == fee


def test_receipt_date_by_channel() -> None:
    handed, signed, confirmed = D(2021, 5, 6), D(2021, 5, 10), D(2021, 5, 12)
    assert receipt_date(Channel.IN_PERSON, submitted_on=handed) == handed
    assert receipt_date(Channel.REGISTERED_POST, submitted_on=handed, signed_on=signed) == signed
    assert receipt_date(Channel.REGISTERED_POST, submitted_on=handed) is None  # not signed for yet
    for channel in (Channel.ORDINARY_POST, Channel.ONLINE, Channel.FAX):
        assert receipt_date(channel, submitted_on=handed, signed_on=signed) is None
        assert receipt_date(channel, submitted_on=handed, confirmed_on=confirmed) == confirmed
    with pytest.raises(ReceiptError):
        receipt_date("carrier_pigeon", submitted_on=handed)
