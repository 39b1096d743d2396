"""Foreign-currency amounts with their exchange rate said in the question ("5만 달러 … 환율은 1달러
1,400원으로 쳐주세요", "100엔당 900원"): the amount in won, so the calculators get what the question
gives. Without a rate the amount stays foreign and is asked for (taxqa.tax.placing)."""

from __future__ import annotations

import re

from taxqa.amounts import format_won, iter_amounts

NAMES = {"캐나다달러": "캐나다달러", "호주달러": "호주달러", "달러": "달러", "불": "달러", "USD": "달러", "유로": "유로",
         "EUR": "유로", "엔": "엔", "JPY": "엔", "위안": "위안", "CNY": "위안"}  # fmt: skip
CUR = r"(캐나다\s*달러|호주\s*달러|달러|불|USD|유로|EUR|엔|JPY|위안|CNY)"
# "1달러 1,400원", "1달러=1,350원", "달러당 1,400원", "100엔당 900원", "환율 1,400원(달러)"
RATE = re.compile(
    rf"(?:(\d+)\s*{CUR}\s*(?:당|에|은|는|=|:|→|->)?\s*|{CUR}\s*당\s*)(\d{{1,2}},?\d{{3}}(?:\.\d+)?|\d{{3,4}}(?:\.\d+)?)\s*원"
)
# starts at the first digit of a run only: from every digit of a long run the nested runs below backtrack
AMOUNT = r"(?<![\d,.])(\d[\d,.]*\s*(?:억|천만|백만|십만|만|천)?(?:\s*\d[\d,.]*\s*(?:천|백))?)\s*(?:미국\s*)?"


# a foreign amount whose won is said beside it in brackets: "$100,000 (약 1억 3,500만원)", "5만 달러(6,800만원)"
WON_BESIDE = re.compile(
    rf"(?P<f>(?:US)?\$\s*\d[\d,]*(?:\.\d+)?\s*(?:만|천)?|{AMOUNT}{CUR})\s*(?=\(\s*(?:약|대략)?\s*\d[\d,.]*\s*(?:억|만|천)"
    r"[\d,.\s억만천]*원)"
)


def with_rate(text: str) -> str:
    """The question with each amount in the one currency whose rate it says written in won, and the rate
    as a context amount ("기준"), which no input takes. A foreign amount with its won said beside it in
    brackets gives way to that won (blanked, so positions stay)."""
    text = WON_BESIDE.sub(lambda m: " " * len(m[0]), text)
    rate = RATE.search(text)
    if rate is None:
        return text
    per = int(rate[1]) if rate[1] else 1
    name = NAMES[re.sub(r"\s+", "", rate[2] or rate[3])]
    won_per = float(rate[4].replace(",", "")) / per
    keys = [k for k, v in NAMES.items() if v == name]

    def to_won(m: re.Match) -> str:
        found = list(iter_amounts(re.sub(r"\s+", "", m[1]) + ("" if re.search(r"[억만천]", m[1]) else "원")))
        if len(found) != 1:
            return m[0]
        return f"{format_won(round(found[0].value * won_per))}({name} 환산)"

    held = text[: rate.start()] + "\x00" + text[rate.end() :]  # the rate itself is no amount to convert
    out = re.sub(rf"{AMOUNT}(?:{'|'.join(keys)})(?![가-힣]{{2}})", to_won, held)
    if name == "달러":  # "$30,000", "US$ 5만"
        out = re.sub(r"(?:US)?\$\s*(\d[\d,]*(?:\.\d+)?\s*(?:만|천)?)", lambda m: to_won(m), out)
    if out == held:
        return text
    return out.replace("\x00", f"{name} 환율 기준 {rate[4]}원")


def note(reading) -> None:
    """Say the conversion the reading rests on."""
    if hit := re.search(r"(\S*달러|유로|엔|위안) 환율 기준 ([\d,.]+)원", reading.text):
        reading.assume(f"외화 금액을 질문에 적힌 환율({hit[1]} {hit[2]}원)로 원화 환산함")
