"""Digits grouped the European way in a ledger or a note: "48.500.000" (dots between groups of three) is
48,500,000, and "1,12억" or "18,7백만" (a comma before one or two digits and a unit) is a decimal comma, 1.12억
and 18.7백만. Rewritten in place, character for character, so positions in the text stay."""

from __future__ import annotations

import re

# two or more dot groups of three: "1.500" alone may be 1.5 (a decimal), "1.500.000" cannot be
DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,]?\d)")
# one dot group, as a figure of its own (no unit, rate or share after it)
ONE_DOT_GROUP = re.compile(r"(?<![\d.,])\d{1,3}\.\d{3}(?![\d.,]?\d)(?!\s*(?:억|천|백|만|%|배|퍼|프로|[A-Za-z]))")
# "1,12억", "18,7백만", "2,5천만": a comma then one or two digits and a unit, never a group of three
DECIMAL_COMMA = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?=\s*(?:억|천만|백만|만|M(?![A-Za-z])))")
# "연봉 4,5000만 (월 375만 x 12)": a misplaced comma (4,500만 or 45,000,000?), read only where the month times 12
# beside it settles the figure (otherwise it stays unread and is asked about)
MISPLACED_COMMA = re.compile(r"(?<![\d.,])(\d{1,3}),(\d{4})\s*만\s*\(\s*월\s*(\d{1,4})\s*만\s*원?\s*[xX×*]\s*12\s*\)")


def checked_by_month(m: re.Match) -> str:
    """The month's pay times 12 where the garbled figure has its digits (4,5000만 beside 375만 x 12: 4500만); the
    aside then goes, so the month's pay is not read as another figure."""
    year = str(int(m[3]) * 12)
    return f"{year}만" if (m[1] + m[2]).rstrip("0") == year.rstrip("0") else m[0]


def plain_separators(text: str) -> str:
    """The text with dot-grouped digits comma-grouped and a decimal comma a point (lengths kept)."""
    if DOT_GROUPED.search(text):  # the writer groups with dots: their "412.300" is 412,300 too, not 412.3
        text = ONE_DOT_GROUP.sub(lambda m: m[0].replace(".", ","), text)
    text = DOT_GROUPED.sub(lambda m: m[0].replace(".", ","), text)
    text = MISPLACED_COMMA.sub(checked_by_month, text)
    return DECIMAL_COMMA.sub(r"\1.\2", text)
