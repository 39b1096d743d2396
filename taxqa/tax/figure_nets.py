"""Nets on the figures a reading placed, whatever words placed them: two prices of one sale, or the two sides of a
VAT return, read the wrong way round give a loss or a refund nobody said. A sale below its purchase price is
possible ("손해 보고 팔았어요"), so the net looks for the words of a loss before it flags; a VAT refund likewise. A
figure placed in won under 10만원 where a salary, a price or an estate stands is likely 만원 left out (`flag_tiny`)."""

from __future__ import annotations

import re

from taxqa.amounts import format_won
from taxqa.tax.words import quoted

LOSS = re.compile(r"손해|손실|손절|밑지|밑져|싸게\s*팔|떨어|하락|내려|깎|차손|적자|마이너스|물렸|반토막|폭락|덜\s*받")
REFUND = re.compile(
    r"환급|돌려\s*받|돌려받|마이너스|적자|매입이\s*(?:더\s*)?(?:많|크)|초기\s*투자|인테리어|시설\s*투자"
)


BOUGHT_AFTER = r"\s*(?:원)?\s*(?:에|을|를|으로|로|주고)?\s*(?:사|샀|산|구입|구매|매입|취득|분양|매수)"
SOLD_AFTER = r"\s*(?:원)?\s*(?:에|을|를|으로|로|받고)?\s*(?:팔|판|팜|매도|양도|처분)"
BOUGHT_BEFORE = r"(?:취득|매입|구입|매수|분양)\S{0,3}\s*(?:가액|가격|가|금액)?\s*(?:은|는|이|가|:|=)?\s*$"
SOLD_BEFORE = r"(?:양도|매도|처분)\S{0,3}\s*(?:가액|가격|가|금액)?\s*(?:은|는|이|가|:|=)?\s*$"


def each_said_with_its_verb(reading) -> bool:
    """Both prices said with their own words ("3억에 산 땅을 2억에 팔았는데", "취득가 3억, 양도가 2억"): a loss said
    plainly, not a guess between two amounts."""
    text = reading.text

    def own(name: str, after: str, before: str) -> bool:
        return any(
            m.type == "amount"
            and m.used_as == name
            and (re.match(after, text[m.end : m.end + 12]) or re.search(before, text[max(0, m.start - 12) : m.start]))
            for m in reading.mentions
        )

    return own("acquired", BOUGHT_AFTER, BOUGHT_BEFORE) and own("price", SOLD_AFTER, SOLD_BEFORE)


def flag_sale_below_cost(reading) -> None:
    """양도: the purchase price placed above the sale price ("10년 전 10억에 산 걸 25억에" read as 25억 bought) while no
    loss is said — the two prices may be swapped."""
    price, acquired = reading.inputs.get("price"), reading.inputs.get("acquired")
    if reading.kind != "transfer" or price is None or acquired is None or acquired <= price:
        return
    if LOSS.search(reading.text) or each_said_with_its_verb(reading):
        return
    reading.unclear(
        f"취득가액 {format_won(acquired)}이 양도가액 {format_won(price)}보다 커서 양도차손으로 계산함: "
        "산 가격과 판 가격이 바뀌지 않았는지 확인해 주세요"
    )


def flag_refund_unsaid(reading) -> None:
    """부가세 (일반과세): purchases placed above sales, a refund, while no refund or loss is said."""
    sales, purchases = reading.inputs.get("sales"), reading.inputs.get("purchases")
    if reading.kind != "vat" or sales is None or not purchases or purchases <= sales or REFUND.search(reading.text):
        return
    reading.unclear(
        f"매입 {format_won(purchases)}이 매출 {format_won(sales)}보다 커서 환급세액으로 계산함: "
        "매출과 매입이 바뀌지 않았는지 확인해 주세요"
    )


def run(reading) -> None:
    flag_sale_below_cost(reading)
    flag_refund_unsaid(reading)


SHARES_AFTER = re.compile(r"\s*주(?:를|을|가|는|씩|\(|\s|$)")  # "1만 주를": a count of shares, no won amount


def flag_tiny(reading, found: list, amount_fields: set) -> None:
    """A won amount under 10만원 placed where a tax base, salary, estate or price stands: likely 만원 left out."""
    for m in found:
        if m.type == "amount" and m.used_as in amount_fields - {"tax", "prepaid", "withheld", "prior_tax"}:
            if 0 < m.value < 100_000 and not re.search(r"원", m.text) and not SHARES_AFTER.match(reading.text, m.end):
                if reading.inputs.get(m.used_as) == m.value:  # not "4천 아니에요, 4,500이에요" carried in 만원
                    reading.unclear(
                        f"{quoted(m.text, '을를')} {m.value:,}원으로 계산함: 단위(만원·억원)를 확인해 주세요"
                    )
