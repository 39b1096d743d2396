"""Reading a 양도소득세 question (taxqa.tax.transfer's question reader): the sale and purchase prices,
필요경비 and 보유·거주 기간 (from durations, "5년 전에 산", the years bought and sold); the asset and the houses
owned are read in taxqa.tax.transfer_houses."""

from __future__ import annotations

import re
from itertools import pairwise

from taxqa.amounts import format_won, iter_amounts
from taxqa.tax.mentions import near, rule_said
from taxqa.tax.rates import parse_as_of
from taxqa.tax.transfer_dates import held_by_dates, lived_since
from taxqa.tax.transfer_houses import read_houses
from taxqa.tax.transfer_whose import without_others_sale
from taxqa.tax.words import amount_near, window_before

# not "4억 판 건 7억": a verb made a noun with no particle before it labels the amount said after it ("3억에 산 거"
# is the price of the purchase)
NAMES_NEXT = r"\s*(?:원)?\s*(?:산|판)\s*(?:건|게|거|것|값|가격|금액)(?![가-힣])"
BOUGHT = r"\s*(?:원)?\s*(?:에|을|를|으로|로|주고)?\s*(?:사|샀|산|구입|구매|매입|취득|분양|매수)"
EXPENSE = r"필요경비|양도\s*비용|자본적\s*지출|필경(?![가-힣])|경비|부대\s*비용|중개수수료|중개비|중개보수|법무비|법무사|수리비|인테리어|공사비|샷시|섀시|새시|취득세"
# a list item's label before an amount ("… / 필경 1천") that names no price: taking it for one is a guess
OTHER_LABEL = re.compile(r"(?:[/|,\n·]\s*)(?!(?:취득|매입|구입|분양|매수))([가-힣]{2,4})\s*[:=]?\s*$")
JOINED_COST = rf"\s*(?:원)?\s*(?:이랑|랑|과|와|하고|및|,|그리고)\s*(?:{EXPENSE})\S{{0,2}}\s*(?:은|는|이|가|:)?\s*"
COST_WORD = rf"(?:{EXPENSE}|[가-힣](?:비|료|비용|보수))\s*(?:은|는|이|가|:)?\s*$"
BUY_SIDE = r"살\s*때|사면서|샀을\s*때|취득\s*(?:할\s*)?(?:때|시)|매입\s*(?:할\s*)?(?:때|시)"
HELD_SIDE = r"자본적\s*지출|리모델링|확장\s*공사|공사비|새시|샷시|섀시"
SELL_SIDE = r"팔\s*때|팔면서|팔았을\s*때|팔고|매도\s*(?:할\s*)?(?:때|시)|양도\s*(?:할\s*)?(?:때|시)|판\s*때"


# a move into the home, lived in since: "2018년 5월에 전입해서 지금까지 쭉 살았고"
MOVED_IN = (
    r"(\d{4})\s*년\s*(?:(\d{1,2})\s*월)?\s*(?:에|쯤)?\s*(?:전입|이사\s*(?:와|왔|오|들어)|입주)"
    r"[^.?!]{0,12}?(?:지금까지|이제까지|여태|쭉|계속|줄곧)"
)


def sale_side_cost(text: str, first, reading):
    """ "살 때 취득세랑 중개수수료로 1,200만원 …, 팔면서 중개수수료 540만원": costs said once for the buying and once
    for the selling are both 필요경비: the second cost, to be added (None when no such cost is said)."""
    rest = text[: first.start] + " " * (first.end - first.start) + text[first.end :]
    for one, two in pairwise(iter_amounts(text)):  # "공사비 2천이랑 중개수수료 7백": two costs said together
        cost_before = re.search(COST_WORD, window_before(text, one.start, 12))  # both said as costs, not a price
        if first in (one, two) and cost_before and re.fullmatch(JOINED_COST, text[one.end : two.start]):
            reading.assume(f"함께 말한 비용을 합쳐 필요경비로 봄 ({one.text} + {two.text})")
            return two if first == one else one
    second = amount_near(rest, EXPENSE)
    if second is None:
        return None
    sides = [text[max(0, a.start - 30) : a.start].split(".")[-1] for a in (first, second)]
    # "리모델링 공사(자본적 지출)로 3천만원, 팔 때 중개수수료 … 400만원": an outlay while held and the sale's cost
    other_side = BUY_SIDE + "|" + HELD_SIDE
    if not any(re.search(other_side, w) for w in sides) or not any(re.search(SELL_SIDE, w) for w in sides):
        return None
    reading.assume(f"살 때·보유 중의 비용과 팔 때의 비용을 합쳐 필요경비로 봄 ({first.text} + {second.text})")
    return second


YEARS_AGO = r"(?:\s*(?:은|는)?\s*\d{1,2}\s*년\s*전\S{0,2})?"  # "산 건 12년 전 4억": when, between label and price
# "산 건 12년 전": the purchase named before the years ago it happened
BOUGHT_NOUN = r"(?<![가-힣])(?:산|샀던|취득한|구입한|매입한)\s*(?:건|게|거|것|때|시기|시점|날)?\s*(?:은|는|이|가)?\s*$"
# "5억 2천만원에 파셨대요": the honorific sale verb of a third person
SOLD = r"\s*(?:원)?\s*(?:에|을|를|으로|로|받고)?\s*(?:팔|판|팜|파셨|파신|파시(?=고|면|는|니)|매도|양도|처분|넘기|넘긴|넘겼|넘김)"

# a buyer's offer for the seller's house is its sale price, not the seller's purchase
OFFER = r"\s*(?:원)?\s*(?:에|으로|로)\s*(?:사겠다|사겠단|산다는|산다고|사려는|사고\s*싶다는|사\s*가겠다|살\s*사람)"


AREA = r"\s*(?:평|㎡|m²|m2|제곱미터)"
INHERITED = r"상속\s*받|물려\s*받|증여\s*받"


def recognise(text: str) -> bool:
    if re.search(r"양도세|양도소득", text):
        return True
    # "집사람" is a spouse, not a house; the 판 of "공판장", "재판", "출판", "판사" is no sale
    sold = (
        m for m in re.finditer(SOLD, text) if not re.search(r"[공재출평간]판|판[장사]", text[m.end() - 2 : m.end() + 1])
    )
    return bool(re.search(r"집(?!사람|양반)|아파트|주택|땅|토지|상가|건물|빌라|오피스텔", text) and next(sold, None))


# "판 값 6억, 산 값은 그보다 2억 적었고": a price said as its difference from the other price
THAN = r"(?:그|그것|그거|(?:판|산)\s*(?:값|가격|금액|거|것)|(?:양도|취득|매도|매입)\S{0,2})\s*(?:보다|에\s*비해)\s*$"
LESS = r"\s*(?:원)?\s*(?:이|가|을|를)?\s*(?:더\s*)?(?:적|싸|쌌|낮|덜|작|모자|못\s*미)"
MORE = r"\s*(?:원)?\s*(?:이|가|을|를)?\s*(?:더\s*)?(?:많|비싸|높|크|올|붙|남|받)|\s*(?:원)?\s*더\s"


def by_difference(text: str, a, other, reading) -> int:
    """The price `a` stands for: its own value, or the other price less or more it when said as a difference."""
    if not re.search(THAN, window_before(text, a.start, 14)):
        return a.value
    after = text[a.end : a.end + 12]
    if re.match(LESS, after):
        value = other.value - a.value
    elif re.match(MORE, after):
        value = other.value + a.value
    else:
        reading.unclear(f"'{a.text}'이 다른 가격과의 차이인지 가격인지 알 수 없음: 산 가격과 판 가격을 확인해 주세요")
        return a.value
    reading.assume(f"'{a.text}'은 다른 가격과의 차이로 보아 {format_won(value)}으로 계산")
    return value


def day_of(month: re.Match) -> int:
    """The day said after a month ("3월 15일", "2018.03.15"), 0 when none was said (then the month alone decides)."""
    return int(next((d for d in month.groups()[1:] if d), 0))  # a month taken from the date asked has no day


def read(text: str, reading) -> None:
    text = without_others_sale(text, reading)  # "누나는 … 팔았고, 저는 … 제 양도소득세만": only the asker's sale
    bought = sold = None
    found = [a for a in iter_amounts(text) if not rule_said(text, a.end)]  # not "양도가 12억까지고 … 알고 있어요"
    found = [a for a in found if not re.match(AREA, text[a.end : a.end + 4])]  # "밭 1,200평": an area, no price
    # "양도가 | 62,000": a table's row
    label = r"\s*(?:가액|가격|가|금액)?\s*(?:은|는|이|가|:|=|\||/)?\s*$"
    # "팔 적에 칠억이요", "살 때는 4억": the time of the sale or the purchase names the price said next
    when = r"\s*(?:때|적|무렵|당시)\s*(?:에|엔)?\s*(?:는|은)?\s*$"
    for a in found:
        before = window_before(text, a.start, 12)
        if bought is None and re.search(
            r"(?<![가-힣])(?:살|샀을|사들일|구입할|구입했을|취득할|취득했을)" + when, before
        ):
            bought = a
            continue
        if sold is None and re.search(r"(?<![가-힣])(?:팔|팔았을|팔릴|양도할|양도했을|매도할)" + when, before):
            sold = a
            continue
        if bought is None and re.search(
            r"(?:취득|매입|구입|매수|분양|(?<![가-힣])(?:산|샀던)\s*(?:값|가격|금액|돈|건|게|거|것)"
            + YEARS_AGO
            + ")"
            + label,
            before,
        ):
            bought = a
            continue
        if sold is None and re.search(
            r"(?:양도|매도|처분|(?<![가-힣])(?:판|팔았던)\s*(?:값|가격|금액|돈|건|게|거|것))" + label, before
        ):
            sold = a
            continue
        after = text[a.end : a.end + 12]
        if re.match(NAMES_NEXT, after):
            continue
        if sold is None and re.match(OFFER, after):  # "2억 9천에 사겠다는 사람이 나왔어요": a buyer's price
            sold = a
        elif bought is None and re.match(BOUGHT, after):
            bought = a
        elif sold is None and re.match(SOLD, after):
            sold = a
    sold_by_verb = sold is None  # found below by the nearest sale word, not by its own words
    if sold is None:
        sold = amount_near(text, r"양도가|매도가|판\s*(?:가격|금액)|팔|팜")
    if bought is None:
        bought = amount_near(text, r"취득가|매입가|산\s*(?:가격|금액)|분양가")
    sold, bought = (None if a is not None and rule_said(text, a.end) else a for a in (sold, bought))
    if bought is not None and sold is not None and bought.start == sold.start:
        # "상가를 팔았는데 10년 전 10억에 산 걸 25억에": the amount said "에 산" is the purchase, whatever sale word
        # stands before it
        if sold_by_verb and re.match(BOUGHT, text[bought.end : bought.end + 12]):
            sold = None
        else:
            bought = None
    labelled_cost = EXPENSE + r"\s*(?:은|는|이|가|:|=)?\s*$"  # "필경 1천" is no price, whatever else is lacking
    others = [  # by equality, not identity: amount_near scans again and gives new (equal) mentions
        a for a in found if a not in (bought, sold) and not re.search(labelled_cost, window_before(text, a.start, 12))
    ]
    # "매도가 930,000,000" in a pasted table and "9억 3천에 팔렸어요" below: one price said twice, not the other
    said = {a.value for a in (sold, bought) if a is not None}
    others = [a for a in others if a.value not in said] if sold is None or bought is None else others
    if sold is None and bought is None and len(others) >= 2:
        bought, sold = sorted(others[:2], key=lambda a: a.value)
        reading.assume("두 금액 중 작은 것을 취득가액, 큰 것을 양도가액으로 봄")
    elif sold is None and bought is not None and others:
        sold = others[0]
        reading.assume(f"{sold.text}을 양도가액으로 봄")
    elif bought is None and sold is not None and re.search(INHERITED, text):
        # "상속받은 밭": its 취득가액 is its value when inherited or given (시행령 제163조⑨), never a figure guessed
        reading.lack("취득가액 (상속·증여받은 재산은 상속개시일·증여일 당시의 평가액)")
        return
    elif bought is None and sold is not None and others:
        bought = others[0]
        if label := OTHER_LABEL.search(
            text[max(0, bought.start - 12) : bought.start]
        ):  # "… / 필경 1천": a label not a price's
            reading.unclear(f"'{label.group(1)} {bought.text}'을 취득가액으로 봄: 취득가액(산 가격)인지 확인이 필요")
        reading.assume(f"{bought.text}을 취득가액으로 봄")
    if sold is None or bought is None:  # every price not said is asked at once
        for lacking, label in ((sold, "양도가액 (판 가격)"), (bought, "취득가액 (산 가격)")):
            if lacking is None:
                reading.lack(label)
        return
    price, acquired = by_difference(text, sold, bought, reading), by_difference(text, bought, sold, reading)
    reading.fact("price", price, sold.text)
    reading.fact("acquired", acquired, bought.text)
    said = [f"취득가액 {format_won(acquired)}", f"양도가액 {format_won(price)}"]
    prices_out = text  # "취득가 6억 필경 3천": a price is never the 필요경비 said after it
    for a in sorted((bought, sold), key=lambda a: -a.start):
        prices_out = prices_out[: a.start] + " " * (a.end - a.start) + prices_out[a.end :]
    expense = amount_near(prices_out, EXPENSE)
    # "취득세 1,104만 원이랑 이번 중개수수료 합쳐 필요경비 1,380만 원": the costs summed by the asker, said once
    summed = re.search(
        rf"(?:합쳐서?|합해서?|더해서?|다\s*해서|모두|전부)\s*(?:{EXPENSE})\S{{0,2}}\s*(?:은|는|이|가|:)?\s*", prices_out
    )
    total = next((a for a in iter_amounts(prices_out) if summed and 0 <= a.start - summed.end() <= 2), None)
    if total is not None:
        expense = total
    if expense is not None and expense not in (bought, sold):
        second = sale_side_cost(prices_out, expense, reading) if total is None else None
        value = expense.value + (second.value if second else 0)
        reading.fact("expenses", value, expense.text + (f" + {second.text}" if second else ""))
        said.append(f"필요경비 {format_won(value)}")
    held = re.search(  # "7년 6개월 보유": the part year is not a year held (제95조④)
        r"(\d{1,2})\s*년\s*(?:반\s*|\d{1,2}\s*개월\s*)?(?:간|동안|째)?\s*(?:을\s*)?(?:보유|가지고|갖고|소유|들고|"
        r"만에\s*(?:팔|판|매도|양도|처분))",  # "1년 8개월 만에 팔게 됐어요": held that long
        text,
    )
    held = held or re.search(
        r"(?:보유|(?:지닌|가진|소유한|갖고\s*있던)\s*(?:해|햇수))\s*(?:기간)?\s*(?:은|는|이|가|:)?\s*(\d{1,2})\s*년(?!\s*\d{1,2}\s*월)",
        text,
    )  # not "보유: 21년 3월 ~ 26년 4월" (two years and months: read below)
    # "21년 3월 ~ 26년 4월": a span of year and month, two-digit years of this century
    ym = r"(\d{4}|\d{2})\s*년\s*(\d{1,2})\s*월"
    if held is None and (ym_span := re.search(rf"{ym}\s*(?:부터)?\s*[~∼\-]\s*{ym}", text)):
        y1, m1, y2, m2 = (int(x) for x in ym_span.groups())
        y1, y2 = (y + 2000 if y < 100 else y for y in (y1, y2))
        held = re.match(r"(\d+)", str(max(0, (y2 - y1) * 12 + m2 - m1) // 12))
    dates = r"(\d{4})[.\-/]\s*(\d{1,2})(?:[.\-/]\s*\d{1,2})?\.?"  # "보유기간 2018.03.15 ~ 2026.05.20": whole years
    # either date may have been written out already ("2016.09.20 ~ 2026년 03월 15일")
    either = r"(\d{4})\s*(?:[.\-/]|년)\s*(\d{1,2})\s*월?(?:\s*(?:[.\-/]\s*)?\d{1,2}\s*일?)?\.?"
    if held is None and (span_said := re.search(rf"보유\S{{0,4}}\s*{either}\s*[~∼-]\s*{either}", text)):
        y1, m1, y2, m2 = (int(x) for x in span_said.groups())
        held = re.match(r"(\d+)", str(((y2 - y1) * 12 + m2 - m1) // 12))
    gap = r"(?:(?!매수|취득|매입|구입|분양|매도|양도|처분|[,?!~]|\d{4}).){0,22}?"  # "2016. 5. 10. 이 사건 토지를 2억 원에"
    bought_on = re.search(
        rf"{dates}\s*(?:에\s*)?{gap}(?:매수|취득|매입|구입|분양|(?<![가-힣])(?:산|샀|사서))", text
    )  # "2020.07 매수 … 2026.04 매도"
    sold_on = re.search(rf"{dates}\s*(?:에\s*)?{gap}(?:매도|양도|처분|팔|판|팜)", text)
    if held is None and bought_on and sold_on:
        y1, m1, y2, m2 = (int(x) for x in bought_on.groups() + sold_on.groups())
        held = re.match(r"(\d+)", str(max(0, (y2 - y1) * 12 + m2 - m1) // 12))
    month = r"\S{0,4}\s*:?\s*(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?"  # "취득 2019년 9월 … 잔금일 2026년 5월 20일"
    bought_on, sold_on = (
        re.search(rf"(?:취득|매수|매입|구입){month}", text),
        re.search(rf"(?:양도|매도|잔금){month}", text),
    )
    if held is None and bought_on and sold_on:
        (y1, m1, d1), (y2, m2, d2) = ([int(x or 0) for x in m.groups()] for m in (bought_on, sold_on))
        short = 1 if d1 and d2 and d2 < d1 else 0  # "2017년 1월 20일 … 2026년 1월 5일": 15 days short of 9 years
        held = re.match(r"(\d+)", str(max(0, (y2 - y1) * 12 + m2 - m1 - short) // 12))
    lived = re.search(
        r"(?<!보유\s)(?<!보유)(?<!\d)(\d{1,2})\s*년\s*(?:간|동안|째|넘게|이상)?\s*(?:을|은|는)?\s*(?:실제로|직접|실제)?\s*"
        r"(?:(?:계속|쭉|줄곧|내내)\s*)?(?:(?:(?:그|이)\s*집|거기)\S{0,2}\s*)?(?:살|사셨|사시|거주|실거주)",
        text,
    )  # "10년 넘게 살았어요", "16년 동안 계속 그 집에 살았습니다"
    short = re.search(
        r"(?<!년)(?<!년\s)(\d{1,2})\s*(?:개월|달)\s*(?:간|동안|만에)?\s*(?:보유|가지고|갖고|소유|만에)", text
    )
    lived = lived or re.search(r"거주\s*(?:기간)?\s*(?:은|는|이|도|:)?\s*(\d{1,2})\s*년", text)  # "거주도 10년 넘음"
    # "그중 실제로 산 건 6년이에요", "살았던 기간은 5년": the years lived said after the words (not "산 건 6년 전")
    lived = lived or re.search(
        r"(?:(?:실제로|실제|직접|그\s*중에?)\s*(?:산|살았던|거주한)|살았던|거주한)\s*(?:건|게|거|것은|기간)\S{0,2}\s*"
        r"(?:딱|한)?\s*(\d{1,2})\s*년(?!\s*(?:전|前|뒤|후|\d{1,2}\s*월))",
        text,
    )
    # "그중 6년은 가족과 함께 직접 살았다": the years lived, a part of those held, with words before the verb
    lived = lived or re.search(
        r"그\s*중\S{0,2}\s*(\d{1,2})\s*년\s*(?:간|동안)?\s*(?:은|는|을)?\s*(?:(?!보유|가지|갖고|소유)[^.?!\d\n]){0,16}?(?:살|거주)",
        text,
    )
    lived = lived or lived_since(text)  # "2018년 4월에 귀국해서 그때부터 그 집에 살다가 … 팔았습니다"
    # "1년도 안 돼서 판", "1년 미만 보유": held less than a whole year
    under_year = re.search(
        r"(?:1|일|한)\s*년(?:도|이)?\s*(?:채\s*)?(?:안\s*(?:돼|되|된|됐)|미만|못\s*(?:돼|되|채|된))", text
    )
    bought_year = re.search(
        r"(\d{4})\s*년(?:도)?에?\s*(?:[^.,?!/|]|(?<=\d)[.,](?=\d)){0,24}?(?:사|샀|산(?!출)|취득(?!세)|분양|매입|매수|구입)",
        text,
    ) or re.search(
        r"(?:취득|매입|구입|분양)(?:\S{0,3}\s*(?:일|시점|연도)?\s*(?:은|는|:)?\s*|[^,.]{0,10}?\()(\d{4})\s*(?:년|(?=[.\-/]\d{1,2}(?!\d)))",
        text,
    )
    if joint := re.search(r"공동\s*명의|공유\s*지분|지분\s*\d{1,2}\s*%", text):  # each owner's share is taxed apart
        share = re.search(r"지분\s*(\d{1,2})\s*%|반반|절반|1\s*/\s*2", text)
        mine = re.search(r"(?:제|내|본인|저의|나의)\s*(?:지분|몫)", text)
        if share and mine:  # "형이랑 지분 50%씩 … 제 지분 몫 양도소득세": the asker's share of each amount
            pct = int(share[1]) if share[1] else 50
            for f in reading.facts:
                if f.name in ("price", "acquired", "expenses"):
                    f.value = reading.inputs[f.name] = f.value * pct // 100
            reading.assume(
                f"'{share.group(0)}', '{mine.group(0)}': 양도가액·취득가액·필요경비를 지분 {pct}%만큼으로 계산"
            )
        else:
            reading.unclear(
                f"'{joint.group(0)}': 양도소득세는 각자 지분만큼 따로 계산됨 — 전체 금액으로 계산했으니 본인 지분을 알려 주세요"
            )
    span = near(reading.mentions, reading.text, "duration", r"보유|소유|가지고|갖고|있었")
    ago = next((m for m in reading.mentions if m.type == "duration" and m.value.get("ago") and m.value.get("years")
                and (re.match(r"\s*(?:전|前)에?\s*(?:[\d,.]+\s*[억천백만]\S{0,2}\s*|[일이삼사오육칠팔구십백천만억]{2,}\s*원?\s*){0,3}(?:\S+\s*){0,2}?(?:산|샀|사서|사고|삼(?=[,.\s]|$)|취득|구입|매입|분양)",
                             reading.text[m.end :])
                or re.search(BOUGHT_NOUN, reading.text[: m.start]))), None)  # fmt: skip
    later = next((m for m in reading.mentions if m.type == "duration" and m.value.get("late") and m.value.get("years")
                  and (re.search(r"(?:사|샀|사서|산|취득|구입|매입|분양)(?:\S{0,3}|\s*지)\s*$", reading.text[: m.start])
                  or re.search(r"(?:샀|사서|취득했|구입했|매입했)\S{0,2}[^팔팜양,.?!]{0,14}$", reading.text[: m.start]))), None)  # fmt: skip
    if span is None and later is not None:  # "2억에 사서 4년 뒤 2억 8천에 팔면"
        span = later
    if under_year:
        reading.fact("held_years", 0, under_year.group(0))
    elif span is not None and span.value.get("years") is not None:
        reading.fact("held_years", span.value["years"], span.text)
        if span.value.get("months"):
            reading.assume(f"보유기간 {span.text}은 만 {span.value['years']}년으로 계산 (1년 미만은 버림)")
    elif held:
        reading.fact("held_years", int(held.group(1)), held.group(0))
    elif by_dates := held_by_dates(text):  # "2018년 6월에 … 샀어요 … 2026년 5월에 … 넘겼습니다"
        reading.fact("held_years", by_dates[0], by_dates[1])
        reading.assume(f"보유기간 {by_dates[1]}: 만 {by_dates[0]}년 (1년 미만은 버림)")
    elif bought_year:
        years_said = [
            m
            for m in re.finditer(r"(\d{4})\s*(?:년|(?=[.\-/]\d{1,2}(?!\d)))", text)
            if m.start() != bought_year.start(1)
        ]
        sold_year = next((m for m in years_said if re.search(r"팔|판|팜|매도|양도", text[m.end() : m.end() + 14])
                          or re.match(r"[^,?!]{0,22}?(?:팔|판|팜|매도|양도)", text[m.end() :])
                          or re.search(r"(?:양도|매도|처분)(?:\S{0,3}\s*(?:은|는|:)?\s*|[^,.]{0,10}?\()$", text[: m.start()])), None)  # fmt: skip
        now = int(sold_year.group(1)) if sold_year else parse_as_of(reading.as_of).year
        held_n = max(now - int(bought_year.group(1)), 0)
        month_in, month_out = (re.match(r"(?:년\s*|[.\-/])\s*(\d{1,2})(?:\s*월\s*(\d{1,2})\s*일|\s*월|[.\-/]\s*(\d{1,2})(?!\d)|(?!\d))",
                                        text[m.end(1) :]) if m else None for m in (bought_year, sold_year))  # fmt: skip
        if month_in and sold_year is None and re.search(r"이번에|올해|지금|최근|얼마\s*전", text):  # sold about now
            month_out = re.match(r"(\d+)", str(parse_as_of(reading.as_of).month))  # "2015년 9월에 샀고 이번에 팔았고"
        days = (
            (day_of(month_out), day_of(month_in))
            if month_in and month_out and day_of(month_in) and day_of(month_out)
            else (0, 0)
        )
        if month_in and month_out and (int(month_out.group(1)), days[0]) < (int(month_in.group(1)), days[1]):
            held_n = max(held_n - 1, 0)  # "2019년 6월 취득, 2026년 5월 양도": 6 years 11 months, 6 whole years
        reading.fact("held_years", held_n, bought_year.group(0))
        reading.assume("보유기간은 취득 연도부터 양도 연도까지의 햇수로 봄 (정확한 날짜에 따라 1년 차이 가능)")
        # "2018년 5월에 전입해서 지금까지 쭉 살았고": lived there from the move, not from the purchase
        moved = re.search(MOVED_IN, text)
        if lived is None and moved and moved.start(1) != bought_year.start(1):
            back = 1 if moved[2] and month_out and int(month_out.group(1)) < int(moved[2]) else 0
            reading.fact("resided_years", min(max(now - int(moved[1]) - back, 0), held_n), moved.group(0))
            reading.assume(f"'{moved.group(0)}': 전입한 때부터 양도할 때까지 거주한 것으로 봄")
        elif lived is None and re.search(r"계속\s*(?:거주|살)|줄곧\s*(?:거주|살)|쭉\s*(?:거주|살)", text):
            reading.fact("resided_years", reading.inputs["held_years"], "계속 거주")
    elif ago is not None:
        reading.fact("held_years", ago.value["years"], ago.text + " 전")
        reading.assume(f"'{ago.text} 전'에 사서 지금 팔면 보유기간 {ago.value['years']}년으로 봄")
    elif rel := re.search(r"(재재작년|재작년|작년)에?\s*(?:\S+\s*){0,2}?(?:산|샀|사서|사고|취득|구입|매입|분양)", text):
        back = {"작년": 1, "재작년": 2, "재재작년": 3}[rel.group(1)]  # "재작년에 산 땅을 올해": held 2 years
        reading.fact("held_years", back, rel.group(1))
        reading.assume(f"'{rel.group(1)}'에 사서 올해 팔면 보유기간 {back}년으로 봄 (정확한 날짜에 따라 1년 차이 가능)")
    elif short:
        reading.fact("held_years", int(short.group(1)) // 12, short.group(0))

    elif lived:
        reading.fact("held_years", int(lived.group(1)), lived.group(0))
        reading.assume("거주한 기간 동안 보유한 것으로 보아 보유기간 = 거주기간")
    else:
        reading.lack("보유기간 (몇 년 보유했는지)")
        return
    never = re.search(
        r"거주한\s*적\s*(?:은|이)?\s*없|거주하지\s*(?:않|않았)|살지\s*(?:않|않았)|실거주\s*(?:안|없)|세를\s*(?:주|줬)",
        text,
    )
    if lived:
        reading.fact("resided_years", int(lived.group(1)), lived.group(0))
    elif never:
        reading.fact("resided_years", 0, never.group(0))
    elif whole := re.search(  # lived there all along: "취득일부터 양도일까지 계속 해당 주택에 거주"
        r"(?:그|이)\s*집에서\s*(?:쭉|계속|내내|줄곧)\s*살|그\s*동안\s*(?:쭉|계속|내내|줄곧)\s*(?:직접\s*)?(?:거주|살|사셨)|"
        r"취득\S{0,2}\s*부터\s*양도\S{0,2}\s*까지\s*(?:쭉|계속|줄곧)?\s*"
        r"(?:(?:그|이|해당)\s*(?:집|주택)\S{0,2}\s*)?(?:거주|살)|"
        r"거주\S{0,2}\s*(?:산|취득한)\s*(?:뒤|후|다음)\S{0,2}\s*(?:쭉|계속|줄곧|내내)",  # "거주는 산 뒤로 쭉 했구요"
        text,
    ):
        reading.fact("resided_years", reading.inputs["held_years"], whole.group(0))
        reading.assume(f"'{whole.group(0)}': 거주기간 = 보유기간")
    elif unsure := re.search(  # "실제로 몇 년 살았는지는 따져봐야 알아요": the years lived are not known yet
        r"(?:몇\s*년|얼마나)\s*(?:을\s*)?(?:살았|거주했)\S{0,4}\s*[^.?!]{0,12}?(?:따져|모르|모름|기억\s*(?:이\s*)?안|헷갈)",
        text,
    ):
        reading.lack(f"거주기간 ('{unsure.group(0)}': 1세대 1주택의 장기보유특별공제가 거주기간에 따라 달라짐)")
    said.append(f"보유 {reading.inputs['held_years']}년" + (f", 거주 {lived.group(1)}년" if lived else ""))
    read_houses(text, reading, said, lived, bought, sold)
