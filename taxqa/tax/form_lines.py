"""A tax form copied line by line: "㉑ 총급여 61,000,000 / ㉒ 근로소득공제 12,800,000 / (62) 자녀세액공제 대상 1명",
"란 ⑤ 양도가액 850,000,000", "(1) 과세 세금계산서 발급분 금액 120,000,000 세액 12,000,000 / (9) 합계 …". A line's
number is its label on the form, never an amount ("12,000,000 / (3)" is no division); the words after it say what
its amount is. Lines the form works out from others (합계, 근로소득금액, 양도차익, 산출세액 …) are left out, so a
reader takes only the facts the calculation starts from; where the form states the 과세표준, the lines it is
worked out from are left out too, so it is the base. Kept in one pass for every kind of tax."""

from __future__ import annotations

import re

CIRCLED = "①-⑳㉑-㉟㊱-㊿"
# a line number: "⑬", "(62)", "란 ⑤"; a parenthesised one only before a label word, never "(2026)" or "(9년)"
# "㉑ 총급여(⑯)": a line named in brackets is the line the figure comes from, no line of its own
MARK = re.compile(rf"(?:(?<![가-힣])란\s*)?(?:(?<!\()[{CIRCLED}](?!\))|\(\s*\d{{1,2}}\s*\)(?=\s*[가-힣]))\s*")
# the question copies a form: a form's name or "란", "칸", "줄 번호" is said (a 세금계산서 is no form copied)
FORM_SAID = re.compile(
    r"신고서|(?<!세금)(?<!세금\s)계산서|서식|명세서?|원천\s*징수\s*영수증|(?<![가-힣])(?:란|칸)(?![가-힣])|줄\s*번호|서류"
)
AMOUNT = re.compile(r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+|\d{4,}|\d[\d,.]*\s*(?:억|천만|백만|만|천)|\d+\s*원)")
# a line worked out on the form from the lines above it: left out wherever the form states it
DERIVED = re.compile(
    r"^(?:합계|소계|계\b|근로소득공제|근로소득금액|양도차익|산출세액|결정세액|차감\S*|차가감\S*|납부할\s*세액|"
    r"과세표준\s*합계|매출세액|매입세액|공제세액)"
)
# the lines the 과세표준 is worked out from: left out when the form states the 과세표준 itself
BEFORE_BASE = re.compile(r"^(?:각\s*사업연도\s*소득금액|소득금액|이월결손금|비과세\s*소득|소득공제|종합소득공제)")
# a person's 기본공제 line: its amount is 150만 a person, worked out from who is named
PERSON = re.compile(r"^(?:본인|배우자|부양\s*가족|경로\s*우대|장애인|기본\s*공제)")
# the "/" between two lines
SLASH = re.compile(r"\s*/\s*|")
# a 연말정산 form (not a 종합소득세 return, whose 본인·배우자 lines are alike) is worked out from its 총급여 line
SALARY_FORM = re.compile(r"연말\s*정산|근로소득|원천\s*징수")
SALARY_LINE = re.compile(r"^(?:본인|배우자|부양\s*가족|기납부\s*세액|근로소득|결정세액|차감징수)")
PAY = r"총급여|연봉|급여\s*(?:총액|합계)|근로소득\s*(?:총액|수입)"
# "금액 120,000,000 세액 12,000,000": the tax column beside a line's value is 10% of it
TAX_COLUMN = re.compile(r"(금액\s*\d[\d,]*\s*원?)\s*세액\s*\d[\d,]*\s*원?")
# a VAT return's lines of taxable sales, (1) to (4): their 금액 column summed is the sales' 공급가액
SALES_LINE = re.compile(
    r"^(?:과세\s*)?(?:세금\s*계산서\s*발급분|매입자\s*발행\s*세금\s*계산서|(?:신용\s*)?카드\s*[·ㆍ,]?\s*현금\s*영수증\s*발행분"
    r"|기타\s*\(?\s*정규\s*영수증\s*외\s*매출분\s*\)?)"
)
# the 신용카드매출전표등 발행공제 line: its figure is the card sales said with VAT, as the credit takes it
CARD_CREDIT = re.compile(r"^신용\s*카드\s*매출\s*전표\s*등?\s*발행\s*공제\s*(?:란\s*)?(?:발행\s*금액)?")


def lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label and figure) of each line: from its number to the next "/", the next number or the
    sentence's end."""
    marks = list(MARK.finditer(text))
    out = []
    for n, m in enumerate(marks):
        stop = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        end = re.search(r"\s/\s|/|[.?!](?!\d)|\n", text[m.end() : stop])
        stop = m.end() + end.start() if end else stop
        out.append((m.start(), stop, text[m.end() : stop]))
    return out


def form_lines(text: str) -> tuple[str, list[str], list[str]]:
    """The question with a copied form's line numbers left out, its lines joined by commas and its worked-out lines
    dropped; what was assumed in doing so; what the form lacks."""
    found = lines(text)
    if len(found) < 3 or not FORM_SAID.search(text):
        return text, [], []
    found, summed = sales_summed(text, found)
    with_amount = [body.strip() for _, _, body in found if AMOUNT.search(body)]
    base_given = any(re.match(r"과세\s*표준(?!\s*합계)", body) for body in with_amount)
    dropped: list[str] = []
    out, at = [], 0
    for a, b, label in found:
        out.append(text[at:a])
        at = SLASH.match(text, b).end()  # the "/" after a line: no division, the line's end
        said = label.strip()
        if not said:  # summed into the sales line
            continue
        if AMOUNT.search(said) and (DERIVED.match(said) or (base_given and BEFORE_BASE.match(said))):
            dropped.append(re.split(r"\s*\d", said, maxsplit=1)[0])
            continue
        if PERSON.match(said):  # "배우자(소득 없음) 1,500,000": the person counts, not the deduction's amount
            said = re.sub(r"\s*\d[\d,]{6,}\s*원?$", "", said)
        said = CARD_CREDIT.sub("신용카드매출전표 발행금액 ", TAX_COLUMN.sub(r"\1", said))
        out.append(re.sub(r"\s+란(?=\s|은|는|이|에|$)", "", said) + (", " if at > b else label[len(label.rstrip()) :]))
    out.append(text[at:])
    text = re.sub(r"\s+란(?=\s|은|는|이|에)", "", MARK.sub("", "".join(out)))
    text = re.sub(r",\s*([.?!\n])", r"\1", text)  # a dropped last line leaves no comma before the sentence's end
    assumed = ["서식의 줄 번호는 금액이 아닌 항목 번호로 읽음"]
    if summed:
        assumed.append(summed)
    if dropped:
        assumed.append(f"서식에서 다른 줄로 계산되는 줄({', '.join(dropped)})은 입력으로 넣지 않고 다시 계산함")
    lacking = []
    salary_form = SALARY_FORM.search(text) and not re.search(r"종합\s*소득|사업\s*소득", text)
    if (
        salary_form
        and any(SALARY_LINE.match(b) for b in with_amount)
        and not any(re.match(PAY, b) for b in with_amount)
    ):
        lacking.append("연말정산 서식에 총급여 줄이 없어 계산할 수 없음: 총급여(연봉)를 알려 주세요")
    return text, assumed, lacking


def sales_summed(text: str, found: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int, str]], str]:
    """A VAT return's sales lines ("(1) 과세 세금계산서 발급분 금액 120,000,000 / (3) 신용카드·현금영수증 발행분 금액
    30,000,000") as one line of the sales' 공급가액, the first in their place and the others left out; and what was
    assumed. Lines whose 금액 is not plain digits are left as they are."""
    if not re.search(r"부가가치세|부가세", text):
        return found, ""
    sales = [(k, re.search(r"금액\s*(\d{1,3}(?:,\d{3})+|\d+)\s*원?", body)) for k, (_, _, body) in enumerate(found)
             if SALES_LINE.match(body.strip())]  # fmt: skip
    if len(sales) < 2 or not all(m for _, m in sales):
        return found, ""
    total = sum(int(m[1].replace(",", "")) for _, m in sales)
    first = sales[0][0]
    out = []
    for k, (a, b, body) in enumerate(found):
        if k == first:
            out.append((a, b, f"과세 매출 공급가액 {total:,}"))
        elif k not in {j for j, _ in sales}:
            out.append((a, b, body))
        else:
            out.append((a, b, ""))  # its 금액 is in the sum: left out below
    said = " + ".join(m[1] for _, m in sales)
    return out, f"부가가치세 신고서의 매출 줄 금액({said})을 합해 과세 매출 공급가액 {total:,}원으로 봄"
