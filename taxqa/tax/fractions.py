"""A share said in words, for an amount said as a part of another amount: "절반", "반씩", "삼분지일", "3분의 1",
"1/3", "6할", "2할 5푼", "30%". One place for every kind (a gift of a share of a building, purchases said as a part
of the sales); the readers decide which amount the share is of."""

from __future__ import annotations

import re
from fractions import Fraction

# spoken digits in a share ("삼분지일", "육할"); a longer number is said in figures
DIGITS = {"일": 1, "한": 1, "이": 2, "두": 2, "삼": 3, "세": 3, "사": 4, "네": 4, "오": 5, "육": 6, "칠": 7,
          "팔": 8, "구": 9, "십": 10}  # fmt: skip
DIGIT = r"(?:\d{1,3}|[일한이두삼세사네오육칠팔구십])"
SHARE = (
    r"(?<![가-힣])(?P<half>절반|반)(?![드납대영환기년월값도품면찬장])"
    rf"|(?P<den>{DIGIT})\s*분\s*(?:의|지)\s*(?P<num>{DIGIT})(?!\d)"
    rf"|(?<![\d.])(?P<snum>\d{{1,2}})\s*/\s*(?P<sden>\d{{1,2}})(?![\d.])"
    # "6할", "육할", "2할 5푼"; not 할인·할증·할부·할머니 (a spoken digit is said joined to 할)
    r"|(?<![\d가-힣])(?P<tenth>\d|[일이삼사오육칠팔구])\s*할(?:\s*(?P<pun>\d|[일이삼사오육칠팔구])\s*푼)?"
    r"(?![인증부머당애])"
    rf"|(?P<pct>\d{{1,2}}(?:\.\d+)?)\s*(?:%|퍼센트|프로)"
)


def digit(word: str) -> int:
    return int(word) if word.isdigit() else DIGITS[word]


def share_of(m: re.Match) -> Fraction | None:
    """The share a match of SHARE says, None when it is no share below a whole (0, or more than the whole)."""
    g = m.groupdict()
    if g["half"]:
        share = Fraction(1, 2)
    elif g["den"]:
        share = Fraction(digit(g["num"]), digit(g["den"]))
    elif g["snum"]:
        share = Fraction(int(g["snum"]), int(g["sden"])) if int(g["sden"]) else Fraction(0)
    elif g["tenth"]:  # "6할", "2할 5푼": tenths and hundredths
        share = Fraction(digit(g["tenth"]), 10) + Fraction(digit(g["pun"]) if g["pun"] else 0, 100)
    else:
        share = Fraction(g["pct"]) / 100
    return share if 0 < share < 1 else None


def share_after(text: str, lead: str, limit: int = 12) -> tuple[Fraction, str] | None:
    """The share said right after `lead` ("지분 절반", "그 매출의 꼭 6할"): the share and its words."""
    for m in re.finditer(lead, text):
        said = re.match(rf"\s*(?:의\s*)?(?:꼭|딱|정확히|약|대략)?\s*(?:{SHARE})", text[m.end() : m.end() + limit + 8])
        if said and (share := share_of(said)) is not None:
            return share, (m.group(0) + said.group(0)).strip()
    return None


def share_part(amount: int, share: Fraction) -> int:
    """The share of an amount in whole won, rounded down (a won is never made up)."""
    return int(amount * share.numerator // share.denominator)
