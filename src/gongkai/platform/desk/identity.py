"""身份证明 and 联系方式 of an application (条例 第二十九条): which documents, and their formats.

The 居民身份证 number is checked as GB 11643-1999 defines it (a real birth date and the ISO 7064
MOD 11-2 check character); the 统一社会信用代码 as GB 32100-2015 does (MOD 31 check character).
Other documents (passports, 通行证, 外国人永久居留身份证…) have no public check digit: only their
shape is checked. Messages are Chinese, as the applicant reads them.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models


class IdKind(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    PERMANENT_RESIDENT = "permanent_resident", "外国人永久居留身份证"
    OTHER = "other", "其他有效身份证明"


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def resident_id_check(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def credit_code_check(first17: str) -> str:
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


def normalized_id(kind: str, number: str) -> str:
    return re.sub(r"\s+", "", number).upper()


def id_problem(kind: str, number: str) -> str | None:
    """Why ``number`` is not a valid document of ``kind``, or None."""
    number = normalized_id(kind, number)
    if not number:
        return "请填写身份证明的证件号码"
    if kind == IdKind.RESIDENT_ID:
        if not re.fullmatch(r"\d{17}[\dX]", number):
            return "居民身份证号码应为 18 位（最后一位可以是 X）"
        try:
            born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
        except ValueError:
            return "居民身份证号码中的出生日期不存在"
        if not dt.date(1900, 1, 1) <= born <= dt.date.today():
            return "居民身份证号码中的出生日期不合理"
        if resident_id_check(number[:17]) != number[17]:
            return "居民身份证号码校验位不正确，请核对"
        return None
    if kind == IdKind.CREDIT_CODE:
        if not re.fullmatch(f"[{_CREDIT_CHARS}]{{18}}", number):
            return "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）"
        if credit_code_check(number[:17]) != number[17]:
            return "统一社会信用代码校验位不正确，请核对"
        return None
    if kind not in IdKind.values:
        return "未知的证件类型"
    if not re.fullmatch(r"[0-9A-Z()（）-]{5,30}", number):
        return "证件号码应为 5 至 30 位字母或数字"
    return None


_MOBILE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}-?\d{7,8}(?:-\d{1,6})?")
_HOTLINE = re.compile(r"(?:\+?\d{1,4}-?)?\d{5,15}")  # 港澳台、境外 numbers and hotlines


def phone_problem(phone: str) -> str | None:
    compact = re.sub(r"[\s()（）]", "", phone)
    if not compact:
        return None
    if _MOBILE.fullmatch(compact) or _LANDLINE.fullmatch(compact):
        return None
    if compact.startswith("+") and not compact.startswith("+86") and _HOTLINE.fullmatch(compact):
        return None
    return "联系电话格式不正确：手机号码 11 位，固定电话如 0573-86112345，境外号码以 + 和国家或地区代码开头"


def email_problem(email: str) -> str | None:
    if not email.strip():
        return None
    try:
        validate_email(email.strip())
    except ValidationError:
        return "电子邮箱格式不正确"
    return None


def applicant_problems(
    kind: str, id_number: str, phone: str, email: str, address: str, *, require_id: bool = True
) -> dict[str, str]:
    """Field → problem for the applicant's 身份证明 and 联系方式 (empty: all good).

    ``require_id``: both must be there (the public form); otherwise only what is given is checked.
    """
    problems: dict[str, str] = {}
    if (id_number.strip() or require_id) and (problem := id_problem(kind or IdKind.RESIDENT_ID, id_number)):
        problems["id_number"] = problem
    if problem := phone_problem(phone):
        problems["phone"] = problem
    if problem := email_problem(email):
        problems["email"] = problem
    if require_id and not (phone.strip() or email.strip() or address.strip()):
        problems["phone"] = "请至少填写一种联系方式（电话、电子邮箱或通信地址）"
    return problems
