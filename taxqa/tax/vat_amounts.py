"""A general taxpayer's VAT question read into 공급가액 amounts (`read_vat`): whether an amount includes
VAT (공급대가) or not (공급가액) by its own words, card sales, parts joined with "+", a form's 금액 column."""

from __future__ import annotations

import re

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.fractions import share_of, share_part
from taxqa.tax.rates import parse_as_of, select
from taxqa.tax.vat_periods import (
    CARD_CREDIT_CEILING,
    SHARE_OF_SALES,
    done_period,
    paid_rent,
    prior_year_sales,
    set_aside_wages,
)
from taxqa.tax.words import amount_near, part_of, window_before

# the words of a purchase: "재료 산 거 세금계산서 받은 게 7천", "공장에서 산 게 공급가액 2,800만"
BOUGHT = (
    r"매입|구입|구매|사들|원가|세금\s*계산서\S{0,2}\s*(?:끊어\s*|떼어?\s*)?받|받은\s*세금\s*계산서|(?<![가-힣])(?:산|사\s*온|들여온)\s*(?:거|게|것|건|금액|물건)|"
    r"(?:재료|물건|자재|원료|상품|식자재)\S{0,2}\s*(?:산|사|들여)"
)
INCLUDED = r"(?:부가세|부가가치세|VAT)(?:가|도)?\s*포함|공급대가|포함\s*(?:가격|금액)|\(\s*포함\s*\)"  # "1,100만(포함)"
# "공급가7천": 공급가 is the short form of 공급가액
EXCLUDED = r"별도|제외|포함\s*(?:안|아님|아닌|않|X)|공급가액?|(?:부가세|부가가치세|VAT)\s*(?:빼고|뺀|제하고|없이)"


def vat_included(text: str, a) -> bool:
    """Does amount `a` include VAT? Its own words decide ("부가세 포함 매입 2,200만원", "공급가액 1억");
    a question that says so once for all ("모두 부가세 포함") applies it to every amount without its own."""
    others = [b for b in iter_amounts(text) if b.start != a.start]
    left = max([b.end for b in others if b.end <= a.start] or [0])
    right = min([b.start for b in others if b.start >= a.end] or [len(text)])
    own = part_of(text, a.start, a.end)
    alone = not any(b.start >= text.find(own) and b.end <= text.find(own) + len(own) for b in others)
    # the words around the amount within its own list item: "… 3억 3천 매출, 매입은 공급가액 …" ends at the comma
    before = re.split(r"[,;/\n]", text[max(left, a.start - 14) : a.start])[-1]
    after = re.split(r"[,;/\n]|\.\s", text[a.end : min(right, a.end + 14)])[0]
    near = before + after
    if re.search(EXCLUDED, near) or (alone and re.search(EXCLUDED, own) and not re.search(INCLUDED, near)):
        return False
    if re.search(INCLUDED, near) or (alone and re.search(INCLUDED, own)):
        return True
    # "매입 5,500만 … ㄴ 작성자: 정정) 매입 5,500은 부가세 포함 금액이에요": the figure restated in a correction
    again = next((b for b in others if b.start > a.end and b.value == a.value), None)
    if again is not None and re.search(r"정정|수정|정확히", text[text.rfind("\n", 0, again.start) + 1 : again.start]):
        return vat_included(text, again)
    # "※ 위 금액은 부가가치세가 포함된 금액입니다" under a notice's lines: of the amounts listed just above it
    footnote = re.search(r"위\s*금액\S{0,2}\s*(?:" + INCLUDED + ")", text[a.end : a.end + 80])
    if footnote and "." not in text[a.end : a.end + footnote.start()]:
        return True
    if re.match(
        r"\s*(?:원)?\s*(?:이요|요|이고|예요|이에요|입니다)?\s*,\s*(?:부가세|부가가치세|VAT)\s*포함", text[a.end :]
    ):
        return True  # "매출은 1억 1천이요, 부가세 포함": the note said after the comma, of this amount
    # "(둘 다 부가세 포함 금액)": a note for all the amounts without their own, whatever else is 공급가액
    if re.search(r"(?:둘\s*다|모두|전부)\s*\(?\s*(?:부가세|부가가치세|VAT)(?:가|도)?\s*포함", text):
        return True
    return bool(re.search(INCLUDED, text)) and not re.search(EXCLUDED, text)


def named_after(text: str, pattern: str, rivals: str = ""):
    """The first amount with its `pattern` keyword before it, passing over one only followed by the keyword
    ("매출 총 7500 카드랑 현금영수증 6천": 카드 names the 6천, not the 7500)."""
    found = amount_near(text, pattern, rivals)
    while found is not None and not re.search(pattern, window_before(text, found.start)):
        text = blanked(text, found)
        found = amount_near(text, pattern, rivals)
    return found


# "매출 카드랑 현금 다 합쳐서 7천2백": the amount after card and cash summed is all the sales, not the card part
CARD_AND_CASH = re.compile(
    r"카드\S{0,3}\s*(?:현금|현금\s*영수증)\S{0,3}\s*(?:다\s*|모두\s*|전부\s*)?(?:합쳐|합해|합친|합하면|더해|더하면|더한)"
)


def simple_card(text: str):
    """The card sales of a 간이과세자's question, passing over a total said of card and cash together."""
    card = named_after(text, r"카드|현금\s*영수증", r"매입")
    while card is not None and CARD_AND_CASH.search(window_before(text, card.start)):
        text = blanked(text, card)
        card = named_after(text, r"카드|현금\s*영수증", r"매입")
    return card


# "카드단말기로 결제된 거, 배달앱 카드결제, 현금영수증 나간 거 다 합치면 부가세 포함해서 1억 1천": the ways of card
# and 현금영수증 payment listed, then their sum, further back than a keyword's usual reach
SUMMED_CARD = re.compile(
    r"(?:카드|현금\s*영수증)\S{0,6}\s*(?:나간|나온|결제된|결제한|받은)\s*(?:거|게|것|분)\s*(?:다|모두|전부)\s*"
    r"(?:합치면|합쳐서|합하면|더하면)\s*(?:\(?\s*(?:부가세|부가가치세|VAT)\s*포함(?:해서|하여|하면|해)?\s*\)?\s*)?$"
)


def summed_card(text: str):
    return next((a for a in iter_amounts(text) if SUMMED_CARD.search(window_before(text, a.start, 45))), None)


def card_amounts(text: str):
    """(card sales, purchases paid by card) of a general taxpayer's question: the amount named by
    카드/현금영수증, unless it is said in the 매입 clause ("매입은 세금계산서 3억 + 카드 5천", 제46조③)."""
    card = named_after(text, r"카드|현금\s*영수증", r"매입") or summed_card(text)
    said = (  # "카드결제 합계 5,500만", "카드로 결제된 게 부가세 포함 8,800만원", "카드매출은 부가세포함 1억",
        # "카드매출전표 발행한 금액이 7,150만원", "신용카드매출전표 발급분 3,300만원", "포함해가" (dialect 해서),
        # "손님들이 카드 긁고 현금영수증 받아 간 게"
        r"(?:카드|현금\s*영수증)(?:\s*\S{0,6}\s*(?:(?:합계|총액|금액|매출액?|결제액|공급대가|자료)(?:은|는|이|:)?\s*)?|"
        r"\S{0,6}\s*(?:결제|계산|받은|받아\s*(?:간|갔|가신)|긁은|발행|발급|나간|나온)\S{0,3}\s*(?:게|거|건|것|금액|돈|분|매출액?)?\s*(?:은|는|이|가)?\s*"
        r"(?:(?:다|모두|전부)\s*(?:합치면|합쳐서|합하면|더하면)\s*)?"  # "현금영수증 나간 거 다 합치면 부가세 포함해서 1억 1천"
        r"(?:공급대가\S{0,2}\s*)?)"  # "카드로 받은 매출 공급대가 4,400만원"
        r"(?:\(?\s*(?:부가세|부가가치세|VAT)\s*포함(?:해서|하여|하면|해가|해|한)?\s*\)?\s*)?$"
    )
    if card is not None and not re.search(said, window_before(text, card.start, 26)):
        card = None  # the keyword must name this amount, not an earlier one
    if card is not None and re.search(r"매입(?![^,.]*매출)[^,.]*$", text[: card.start]):
        return None, card
    return card, None


PLUS = re.compile(r"^\s*(?:원)?\s*(?:\([^()]{0,20}\))?\s*(?:\+|더하기)\s*(?:[가-힣]{0,8}\s*(?:은|는|이|가|:)?\s*)?$")


def plus_joined(text: str, a) -> list:
    """The amounts added to `a` with "+" ("매출 1억 + 현금매출 2천"): a, then each amount joined by a plus sign."""
    chain = [a]
    for b in iter_amounts(text):
        if b.start >= chain[-1].end and PLUS.match(text[chain[-1].end : b.start]):
            chain.append(b)
    return chain


def said_as_value(text: str, a) -> bool:
    """'매출세액 - 세금계산서 발급분 금액 80,000,000': a tax form's 금액 column is the value, not the tax."""
    return bool(re.search(r"(?<!세)금액\s*[:=]?\s*$|공급가액\s*[:=]?\s*$", window_before(text, a.start, 10)))


def excluded_said(text: str, a) -> bool:
    """The amount's own words say it is without VAT ("카드매출 2천(부가세 별도)", "카드 2,000만원 공급가액")."""
    return bool(
        re.match(
            r"\s*(?:원)?\s*\(?\s*(?:부가세|부가가치세|VAT)?\s*(?:별도|제외|미포함)|\s*(?:원)?\s*\(?\s*공급가액",
            text[a.end : a.end + 16],
        )
    )


def all_by_card(text: str, a) -> bool:
    """'매출 8천만원(전부 카드결제)': the whole of amount `a` was paid by card."""
    return bool(  # "1억 1천이 다 카드 쪽이고요"
        re.match(
            r"\s*(?:원)?\s*(?:이|가|은|는)?\s*[(,]?\s*(?:전부|모두|전액|다)\s*(?:신용)?카드", text[a.end : a.end + 16]
        )
    )


# sales named by another way of payment than card: the rest of the sales beside the card sales
CASH_SALES = r"현금\s*(?:매출|결제|판매|으로\s*받은)|계좌\s*이체"


# a year's figure said of an earlier year ("작년 매출 2억 안 됨", "2024년 매출 약 3억"), not a period of it
# ("작년 하반기 매출", "2025년 2기 매출"): the 간이과세·발행세액공제 test, not this period's sales
PRIOR_YEAR = (
    r"(?:작년|지난\s*해|전년|직전\s*(?:연도|년도)|\d{4}\s*년)(?!\s*(?:하반기|상반기|(?:제\s*)?[12]\s*기|\d{1,2}\s*월))"
)


def blanked(text: str, a) -> str:
    return text[: a.start] + " " * (a.end - a.start) + text[a.end :]


def this_period(text: str, pattern: str, rivals: str):
    """The first amount named by `pattern` not said of an earlier year; the first of all when every one is."""
    first = found = amount_near(text, pattern, rivals)
    while found is not None and re.search(PRIOR_YEAR, window_before(text, found.start)):
        text = blanked(text, found)
        found = amount_near(text, pattern, rivals)
    return found or first


def cash_part(text: str, card):
    """'매출이 카드 7,700(부가세 포함), 현금 1,100(부가세 포함)', '매출 — 카드 6,600만, 현금영수증 1,100만': the sales
    said as a card part and a cash part; the cash amount said right after the card one, or None."""
    after = next((b for b in iter_amounts(text) if b.start >= card.end), None)
    # a 신고 안내문's lines: "신용카드 매출 자료: 38,500,000원" then "현금영수증 매출 자료: 4,400,000원"
    listed = r"\s*(?:원)?[ \t]*\n\s*현금\s*영수증\s*매출\s*(?:자료|합계|금액)\s*[:：]?\s*"  # "현금영수증 매출 합계 …"
    if after is not None and re.fullmatch(listed, text[card.end : after.start]):
        return after
    if not re.search(r"매출\S{0,2}\s*(?:[—:\-]\s*)?(?:신용\s*)?카드\S{0,3}\s*$", window_before(text, card.start, 14)):
        return None
    between = r"\s*(?:원)?\s*(?:\([^()]{0,16}\))?\s*[,/+]\s*현금(?:\s*영수증)?\s*(?:매출|결제|분)?\s*(?:은|는|:)?\s*"
    return after if after is not None and re.fullmatch(between, text[card.end : after.start]) else None


def other_part(text: str, sales) -> bool:
    """The sales amount is the part paid in cash ("현금매출 2천") or billed with a 세금계산서 ("세금계산서 발급분
    공급가액 1억 2,000만원"), so the card sales beside it are the other part of the sales, not within it."""
    return bool(
        re.search(CASH_SALES, window_before(text, sales.start, 12))
        or re.search(INVOICED, window_before(text, sales.start, 22))
    )


# "세금계산서 발급분 공급가액 1억", "세금계산서 발행한 게 공급가액 1,200만원": the sales billed with an invoice
INVOICED = (
    r"세금\s*계산서\s*(?:발급|발행)\S{0,2}\s*(?:(?:게|거|것|금액)\s*)?(?:매출\S{0,2}\s*)?(?:공급가액\S{0,2}\s*)?$"
)


def invoiced_part(text: str, taken: list):
    """Beside card and 현금영수증 sales read as the sales, the part billed with a 세금계산서, or None."""
    for a in taken:
        text = blanked(text, a) if a is not None else text
    return next((b for b in iter_amounts(text) if re.search(INVOICED, window_before(text, b.start, 22))), None)


# the words of a platform or card terminal's record of sales: "매출 찍힌 게", "정산금", "통장에 들어온 거"
PLATFORM_SALES = r"찍힌|찍혔|찍혀|정산|입금|들어온|스마트\s*스토어|쿠팡|배민|배달\s*앱|오픈\s*마켓|플랫폼|단말기"


def flag_platform_sales(text: str, sales, reading) -> None:
    """ "스마트스토어 … 매출 찍힌 게 5,500만원": a platform's or terminal's figure is as often with VAT as without,
    and a settlement (정산금) is after fees; where the question says neither, the reading asks."""
    if re.search(INCLUDED + "|" + EXCLUDED, text) or not re.search(
        PLATFORM_SALES, window_before(text, sales.start, 30)
    ):
        return
    reading.unclear(
        f"매출 {sales.text}이 부가세를 포함한 금액(공급대가)인지 뺀 공급가액인지 말하지 않아 공급가액으로 계산함: "
        "확인해 주세요 (정산금이면 수수료를 빼기 전 매출이 필요합니다)"
    )


def read_vat(text: str, reading) -> None:
    for x in done_period(text):  # "2025년 2기엔 매출 2억 1천 … 올해 1기는 매출 1억 8천": the earlier period's figures
        text = blanked(text, x)
        reading.assume(f"'{x.text}'은 지난 과세기간의 금액으로 보고 이번 신고 계산에서 뺌")
    set_aside_wages(text, reading)
    ten = 10  # 매출세액/매입세액 given instead of 공급가액: the tax is 10% of the value
    output = amount_near(text, r"매출\s*세액", r"매입")
    input_ = amount_near(text, r"매입\s*세액", r"매출")
    card, bought_by_card = card_amounts(text)
    rest = text if card is None else blanked(text, card)
    for a in paid_rent(text):  # "가게 월세 330만원 내고": the rent the business pays, not its sales
        rest = blanked(rest, a)
        reading.assume(
            f"'{a.text}'은 가게가 내는 임대료라 매출이 아님 (세금계산서를 받은 임대료는 매입에 들어 있다고 봄)"
        )
    cash = cash_part(text, card) if card is not None and output is None else None
    rest = rest if cash is None else blanked(rest, cash)
    supplied = amount_near(
        rest, r"(?<!매입\s)(?<!매입)공급가액?", r"매입"
    )  # "공급가 합계 4200", not "매입 공급가액 2천"
    if supplied is not None and re.search(BOUGHT, window_before(rest, supplied.start)):
        supplied = None  # "매입 세금계산서 공급가 3,000만"
    sales = (
        output
        or (card if cash is not None else None)  # the card part first, the cash part added below
        or this_period(rest, r"매출|판매|팔|임대료|월세|(?<![가-힣])번\s*돈", r"매입|세액|구입|사들")
        or supplied
    )
    if sales is None and card is not None:  # "카드·간편결제 매출 4,400만원만 있고 다른 매출은 없어요"
        sales = card
        if not re.search(r"다른\s*매출\S{0,2}\s*(?:은|는|이)?\s*없|카드[^.?!]{0,24}만\s*있|(?:전부|모두)\s*카드", text):
            reading.unclear(
                f"카드매출 {card.text} 말고 다른 매출이 없다고 보고 계산: 현금 등 다른 매출이 있으면 확인이 필요"
            )
    if sales is None:
        reading.lack("매출 공급가액")
        return
    bought = None
    if output is not None and said_as_value(text, output):
        sales, output = output, None  # a form's "금액" column beside 매출세액: the 공급가액 itself
    if input_ is not None and said_as_value(text, input_):
        bought, input_ = input_, None
    # not the sales amount again: "공급가 합계 4200 매입은 …" names the next amount, not this one
    purchases = input_ or bought or amount_near(blanked(rest, sales), BOUGHT, r"매출|세액|판매|팔|손님|고객")
    values = [
        sales.value * (ten if sales is output else 1),
        (purchases.value * (ten if purchases is input_ else 1)) if purchases else 0,
    ]
    share = SHARE_OF_SALES.search(text) if purchases is None else None
    share = share if share is not None and share_of(share) is not None else None
    if share is not None:  # "매입은 … 딱 매출의 절반이고요", "그 매출의 꼭 6할": the purchases as a share of the sales
        values[1] = share_part(sales.value, share_of(share))
        reading.assume(f"매입 공급가액을 '{share.group(0).strip()}'에 따라 매출의 일부 {format_won(values[1])}으로 봄")
    if (  # "매입은 잘 모르겠어요", "세금계산서 받은 것도 꽤 되는데 합계를 안 내 봤다네요"
        share is None
        and purchases is None
        and re.search(r"매입|세금\s*계산서\S{0,2}\s*받", text)
        and not re.search(r"매입\S{0,2}\s*(?:없|0원|X)", text)
    ):
        reading.unclear("매입 금액을 알 수 없어 매입세액 0원으로 계산함: 매입 공급가액을 확인해 주세요")
    elif purchases is None and not re.search(r"매입|구입|사들|원가|재료|물건", text):  # no word of buying at all
        reading.unclear("매입 금액이 없어 매입세액 0원으로 계산함: 세금계산서를 받은 매입이 있으면 알려 주세요")
    for i, a in enumerate((sales, purchases)):
        chain = plus_joined(text, a) if a is not None and a not in (output, input_) else []
        chain = [b for b in chain if b.start not in {c.start for c in (card, bought_by_card) if c is not None}]
        if len(chain) > 1:  # "매출 1억 + 현금매출 2천": the parts of one total
            values[i] = sum(b.value for b in chain)
            reading.assume(f"{' + '.join(b.text for b in chain)}을 합해 {format_won(values[i])}으로 봄")
    if bought_by_card is not None and bought_by_card != purchases:  # equal at the same place: not twice
        values[1] += bought_by_card.value
        reading.assume(f"카드로 산 매입 {bought_by_card.text}도 매입세액 공제 대상으로 합산")
    if output or input_:
        reading.assume("매출세액·매입세액은 공급가액의 10%로 보고 공급가액을 역산")
    for i, a in enumerate((sales, purchases)):
        if a is not None and a not in (output, input_) and vat_included(text, a):
            values[i] = values[i] * 10 // 11
            reading.assume(f"{a.text}은 부가세 포함 금액(공급대가)이라 공급가액(× 10/11)을 역산")
    if cash is not None:  # "매출이 카드 7,700(부가세 포함), 현금 1,100(부가세 포함)": the two parts of the sales
        part_value = cash.value * 10 // 11 if vat_included(text, cash) else cash.value
        values[0] += part_value
        reading.assume(f"{cash.text}의 공급가액 {format_won(part_value)}을 카드매출에 더해 매출로 봄")
        billed = invoiced_part(text, [card, cash, purchases])
        if billed is not None:  # "… 말고 세금계산서 발행한 게 공급가액 1,200만원": the third part of the sales
            billed_value = billed.value * 10 // 11 if vat_included(text, billed) else billed.value
            values[0] += billed_value
            reading.assume(f"세금계산서 발행분 {billed.text}의 공급가액 {format_won(billed_value)}도 매출에 더함")
    if card is not None and output is None and other_part(text, sales):
        part = card.value if excluded_said(text, card) else card.value * 10 // 11  # "카드매출 3,300(부가세 포함)"
        values[0] += part  # "카드매출 … 이랑 현금매출 2천": the sales by card and in cash are the two parts
        reading.assume(f"카드매출 {card.text}의 공급가액 {format_won(part)}을 {sales.text}에 더해 매출로 봄")
    if not any("역산" in x for x in reading.assumptions):
        reading.assume("금액은 부가세를 뺀 공급가액으로 가정")
        flag_platform_sales(text, sales, reading)
    # not "면세 농산물 매입은 없음", "면세 매출 없음": said to be none, or of the purchases
    zero = next((m for m in re.finditer(r"영세율|수출|면세", text) if not re.match(
        r"[^.,/\n]{0,12}?(?:매입\S{0,2}\s*(?:은|는)?\s*)?(?:없|0원|아님|아니)", text[m.end() :]) and not re.match(
        r"\s*(?:농산물|축산물|수산물|재료|식재료)?\s*매입", text[m.end() :])), None)  # fmt: skip
    if zero:
        reading.unclear(f"'{zero.group(0)}' 매출은 세율이 0%이거나 과세되지 않음: 과세 매출과 나눈 금액이 필요합니다")
    reading.fact("sales", values[0], sales.text)
    reading.fact("purchases", values[1], purchases.text if purchases else "")
    card_words = "" if card is None else f"매출 전부 카드 {card.text}" if card is sales else card.text
    again = [b for b in iter_amounts(text) if b.value == sales.value and b.start != sales.start]
    # "매출 8천만원(전부 카드결제, 부가세 별도)"; "매출은 1억 1천이요 … 1억 1천이 다 카드 쪽이고요": said again of it
    if card is None and (all_by_card(text, sales) or any(all_by_card(text, b) for b in again)):
        card, card_words = sales, f"전부 카드결제 {sales.text}"
        card_value = values[0] * 11 // 10
        reading.assume(f"매출 전부가 카드 결제라 발행금액을 공급가액에 부가세를 더한 {format_won(card_value)}으로 봄")
    elif card is not None and excluded_said(text, card):  # "카드매출 2천(부가세 별도)": 발행금액 includes VAT
        card_value = card.value * 11 // 10
        reading.assume(f"카드매출 {card.text}은 부가세 별도라 발행금액 {format_won(card_value)}(× 1.1)으로 봄")
    else:
        card_value = card.value if card is not None else 0
    if cash is not None and (  # "현금영수증 1,100만", "현금영수증 매출 자료: 4,400,000원"
        re.search(r"현금\s*영수증", window_before(text, cash.start, 10))
        or re.search(r"현금\s*영수증\s*매출\s*(?:자료|합계|금액)\s*[:：]?\s*$", window_before(text, cash.start, 20))
    ):
        card_value += cash.value  # "현금영수증 1,100만(포함)": a 현금영수증 is credited as a card sale (제46조①)
        card_words = f"{card.text} + {cash.text}"
    prior = prior_year_sales(text, {a.start for a in (sales, purchases, card) if a is not None})
    if prior is not None and card is not None and prior.value > CARD_CREDIT_CEILING:
        reading.unclear(
            f"작년 매출 {prior.text}: 직전 연도 공급가액이 10억원을 넘으면 카드 발행세액공제를 받을 수 없음 (제46조①) — "
            "공제를 넣어 계산했으니 직전 연도 공급가액을 확인해 주세요"
        )
    elif prior is not None:  # "작년 연매출 3억 정도": said for the card credit's test, not as this period's sales
        reading.assume(f"작년 매출 {prior.text}은 이번 과세기간 금액이 아니라 계산에 넣지 않음")
        for m in [m for m in reading.mentions if m.type == "amount" and m.value == prior.value]:
            m.flags["context"] = True  # a fact of the context, no rival of this period's sales
    if card is not None:
        reading.fact("card_sales", card_value, card_words if card is sales else card.text)
        reading.assume("카드매출은 부가세를 포함한 발행금액으로 보고 신용카드매출전표 등 발행세액공제 적용 (제46조)")
    type_unsaid(text, values[0], reading)
    reading.say(f"매출 공급가액 {format_won(values[0])}, 매입 공급가액 {format_won(values[1])}")


# what says the taxpayer is a general one: the type named, a company, or an invoice issued for the sales
GENERAL_SAID = r"일반\s*과세|일반(?:이에요|이고|입니다|사업자)|간이|법인|주식회사|㈜|세금\s*계산서\S{0,3}\s*(?:발행|발급|끊)|과세\s*유형"
# when the business was registered or opened: said where the type is in question (a new business chooses it)
STARTED = r"사업자\s*등록|개업|창업|사업\S{0,2}\s*(?:시작|차렸)|가게\S{0,2}\s*(?:열|오픈)"
HALF_YEAR = r"상반기|하반기|(?:제\s*)?[12]\s*기|6\s*개월|반기"


def type_unsaid(text: str, sales: int, reading) -> None:
    """ "상반기 매출이 3천이고 … 사업자등록은 2년 전에 했어요": a business small enough to be a 간이과세자 that does not say its
    type is computed as a general one only with the question asked back (간이과세 기준금액, 제61조)."""
    if re.search(GENERAL_SAID, text) or not re.search(STARTED, text):
        return
    yearly = sales * 2 if re.search(HALF_YEAR, text) else sales
    threshold = select("vat", parse_as_of(reading.as_of))["simple_threshold"]
    if 0 < yearly * 11 // 10 < threshold:
        reading.unclear(
            f"일반과세자인지 간이과세자인지 말하지 않아 일반과세자로 계산함: 연 매출(공급대가)이 {format_won(threshold)} "
            "미만이면 간이과세자일 수 있어 과세유형 확인이 필요합니다"
        )
