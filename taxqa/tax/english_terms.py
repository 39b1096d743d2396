"""English tax words in a Korean question ("tax invoice 받은 purchases 공급가액 7,850만", "card sales는 0", "Payable
VAT?"), said in the Korean the readers take, so a figure is read with what it is. Whole words only, any case."""

from __future__ import annotations

import re

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# the longer phrase first: "card sales" before "sales", "tax invoice" before "invoice"
TERMS = [
    (r"VAT\s*incl(?:uded|\.)?|incl(?:uding|\.)?\s*VAT", "부가세 포함"),
    (r"VAT\s*excl(?:uded|\.)?|excl(?:uding|\.)?\s*VAT|net\s+of\s+VAT", "부가세 별도"),
    (r"(?:output|sales)\s+VAT", "매출세액"),
    (r"(?:input|purchase)\s+VAT", "매입세액"),
    (r"VAT", "부가세"),
    (r"(?:tax\s+)?invoices?", "세금계산서"),
    (r"(?:credit\s+)?card\s+sales", "카드매출"),
    (r"(?:credit\s+)?cards?", "카드"),
    (r"cash\s+receipts?", "현금영수증"),
    (r"sales|revenue|turnover", "매출"),
    (r"purchases?", "매입"),
    (r"supply\s+value", "공급가액"),
    (r"supply", "매출"),
    (r"payable", "납부할 세액"),
    (r"refund", "환급"),
    (r"penalt(?:y|ies)", "가산세"),  # "VAT late filing penalty": the readers take the 가산세 said in Korean
    (r"late\s*filing", "기한후신고"),
    (r"late\s*payment", "납부지연"),
]
PATTERN = re.compile("|".join(f"(?P<t{k}>(?<![A-Za-z]){p}(?![A-Za-z]))" for k, (p, _) in enumerate(TERMS)), re.I)
NAME = r"(?<![A-Za-z])(jan|feb|mar|apr|may|june?|july?|aug|sept?|oct|nov|dec)(?:[a-z]{0,6})(?![A-Za-z])"
# a month said by name only in a range ("Jan–Jun"), where it cannot be an English word ("may", "march")
RANGE = re.compile(NAME + r"\s*([–~-])\s*" + NAME, re.I)


def in_korean(text: str) -> str:
    """The question with its English tax words and month names in Korean; Korean text is left as it is."""
    if not re.search(r"[A-Za-z]{3,}", text):
        return text
    text = PATTERN.sub(lambda m: TERMS[int(m.lastgroup[1:])][1] + "\0", text)
    text = re.sub(r"(.)\0(는|가|를|와|로)?", lambda m: m[1] + particle(m[1], m[2] or ""), text)
    return RANGE.sub(lambda m: f"{month(m[1])}월{m[2]}{month(m[3])}월", text)


# the particle an English word took, as the Korean word's last sound wants it ("sales는" -> "매출은")
AFTER_FINAL = {"는": "은", "가": "이", "를": "을", "와": "과", "로": "으로"}


def particle(last: str, said: str) -> str:
    final = (ord(last) - 0xAC00) % 28 if "가" <= last <= "힣" else 0
    if not said or not final or (said == "로" and final == 8):  # "매출로": ㄹ takes 로
        return said
    return AFTER_FINAL[said]


def month(name: str) -> int:
    return MONTHS.index(name[:3].lower()) + 1
