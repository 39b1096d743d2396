"""Lane T cause tests, round nine: service years counted anew after a 퇴직금 중간정산, a VAT status the story
ends in (a plan or supposition of the other status dropped), an e-mail reply's own figures over the quoted older
message, a figure said before and the one found on a second look, suppositions and dropped plans, and digits
grouped by dots or with a decimal comma."""

from __future__ import annotations

from taxqa.tax.mail_quotes import newest_message
from taxqa.tax.separators import plain_separators
from taxqa.tax.vat_status import settled_status
from tests.reading_cases import inputs, reading


def test_service_years_restart_the_day_after_the_settlement():
    q = (
        "2011년 5월에 들어갔는데 2019년 6월 말에 중간정산을 받았고 2019년 7월 1일부터 근속기간을 새로 셌어요. "
        "2026년 5월 말일자로 퇴사했고 퇴직금은 7,000만원입니다. 퇴직소득세는요?"
    )
    got = inputs(q)
    assert got["years"] == 7  # 2019.7 ~ 2026.5: 6년 11개월, a part year is a year


def test_settlement_never_received_keeps_the_joining_month():
    q = "2015년 3월에 입사해서 2026년 2월 말에 퇴사했어요. 중간정산 받은 적은 없고 퇴직금 6,000만원이에요. 퇴직소득세?"
    assert inputs(q)["years"] == 11


def test_span_said_from_joining_to_leaving():
    q = "퇴직금 1억 2천 받았어요. 입사부터 퇴사까지 15년 2개월이에요. 퇴직소득세 얼마예요?"
    assert inputs(q)["years"] == 16


def test_status_the_story_ends_in():
    assert settled_status("처음엔 간이과세자였는데 올해 1월부터 일반과세자로 전환됐어요") == "일반"
    assert settled_status("일반으로 바꿀까 하다가 그냥 간이과세자로 남았어요") == "간이"
    assert settled_status("간이과세자예요") is None


def test_general_taxpayer_after_a_dropped_simple_plan_gets_a_refund():
    q = (
        "간이과세로 하려다가 거래처 요구로 일반과세자로 등록했어요. 1기 매출 공급가액 3,000만원, "
        "세금계산서 받은 매입 공급가액 5,000만원이에요. 카드 매출은 없어요. 부가세 얼마 돌려받나요?"
    )
    r = reading(q)
    assert r.kind == "vat"
    assert r.inputs["sales"] == 30_000_000 and r.inputs["purchases"] == 50_000_000


def test_reply_keeps_its_own_figures_and_leaves_the_quote():
    text = "팀장님, 지난 메일 숫자를 정정합니다. 양도가액은 5억 1천입니다.\n\n-----Original Message-----\n> 양도가액 4억 9천 맞죠?"
    kept, quoted = newest_message(text)
    assert quoted and "4억 9천" not in kept and "5억 1천" in kept


def test_quoted_facts_asked_about_stay():
    text = "> 상속재산: 12억\n> 상속인: 배우자, 자녀 둘\n위 건 상속세 알려 주세요"
    assert newest_message(text) == (text, False)


def test_corporate_base_revised_after_first_estimate():
    q = (
        "법인세 문의드립니다. 올해 과세표준을 처음엔 2억 8천으로 잡았는데 계약이 늘어서 3억 1천만원으로 봅니다. "
        "중간예납 900만원 냈고 제조업 법인입니다.\n\n-----Original Message-----\n> 과세표준 2억 8천이면 법인세는?"
    )
    assert inputs(q)["base"] == 310_000_000


def test_figure_found_on_a_second_look_takes_the_label():
    q = (
        "1기 매출 공급가액을 9천이라고 알려 드렸는데 세금계산서를 다시 보니 9,600만원입니다. "
        "매입 공급가액은 4,100만원이고 카드매출은 없는 일반과세자입니다. 부가세는요?"
    )
    assert inputs(q)["sales"] == 96_000_000


def test_supposed_and_dropped_figures_are_not_facts():
    q = (
        "2024년 1월에 상가를 2억 5천에 샀어요. 작년에 2억 8천에 사겠다는 사람이 있어서 팔까 했는데 참았고, "
        "결국 2026년 3월에 3억 2천에 팔았어요. 필요경비 900만원, 다른 양도는 없어요. 양도세는요?"
    )
    got = inputs(q)
    assert got["price"] == 320_000_000 and got["acquired"] == 250_000_000


def test_dot_grouped_digits_and_decimal_comma():
    assert plain_separators("매출 12.300.000원") == "매출 12,300,000원"
    assert plain_separators("1,35억 / 21,4백만") == "1.35억 / 21.4백만"
    assert plain_separators("2026.05.01 / 1,200만") == "2026.05.01 / 1,200만"


def test_ledger_running_totals_give_the_last_total():
    q = (
        "[메모] 2026년 1기 예정 부가세, 일반과세 개인사업자\n"
        "매출 세금계산서 공급가액: 1월 9.000.000 / 2월까지 누계 20.000.000 / 3월까지 누계 30.000.000\n"
        "매입 세금계산서 공급가액 합계 12.000.000\n이번에 낼 부가세는?"
    )
    got = inputs(q)
    assert got["sales"] == 30_000_000 and got["purchases"] == 12_000_000


def test_card_and_cash_receipt_parts_joined_by_a_plus_are_all_the_sales():
    q = (
        "일반과세 음식점 1기 장부\n- 매출: 카드매출 44.000.000원 + 현금영수증 11.000.000원 (둘 다 부가세 포함, 매출 전부)\n"
        "- 매입 세금계산서 공급가액 2,000만원\n부가세 얼마예요? 카드 발행공제도 넣어서요."
    )
    got = inputs(q)
    assert got["sales"] == 50_000_000 and got["card_sales"] == 55_000_000


def test_label_with_an_aside_then_a_colon_names_its_amount():
    q = (
        "간이과세자 한식당 2025년 결산\n매출(공급대가, 부가세 포함): 60.500.000원\n"
        "매입: 세금계산서 받은 공급대가 11.000.000원\n월평균 매출 5.04M (참고)\n부가세 낼 금액은?"
    )
    assert inputs(q)["supply"] == 60_500_000


def test_card_part_said_as_what_went_out_by_card():
    q = (
        "일반과세자 옷가게 1기 매출 공급가액 9,000만원, 매입 세금계산서 공급가액 4,000만원이고 "
        "매출 중에 카드로 나간 건 부가세 포함해서 5,500만원이에요. 카드 공제 넣어서 부가세 얼마예요?"
    )
    assert inputs(q)["card_sales"] == 55_000_000


def test_the_high_price_line_is_no_price_of_the_case():
    q = (
        "2015년 3월에 아파트를 5억에 샀고 쭉 살았어요. 이번 달에 14억에 팔았고 필요경비는 3,000만원, "
        "1세대 1주택이에요. 12억 넘는 부분 양도세가 얼마예요?"
    )
    r = reading(q)
    assert r.inputs["price"] == 1_400_000_000
    assert not any("범위" in m for m in r.missing)


def test_the_summary_after_a_long_story_is_read_alone():
    q = (
        '치킨집을 연 지 4년째예요. 처음엔 장사가 안 됐는데 요즘은 괜찮아요. 다른 사장님은 "매출 8천 넘으면 일반으로 '
        '바뀐다"고 하고, 누구는 "간이는 안 낸다"고 해서 헷갈려요. 가게 월세는 150이고 알바는 두 명이에요. 간이과세자예요.\n'
        "TL;DR: 간이과세 치킨집, 연 공급대가 6,000만 / 카드매출 4,000만 / 세금계산서 매입 2,000만(부가세 포함). 부가세는?"
    )
    got = inputs(q)
    assert got["supply"] == 60_000_000 and got["card_sales"] == 40_000_000 and got["purchases"] == 20_000_000


def test_bare_card_part_said_as_what_went_out_takes_the_man_unit():
    q = (
        "형: 1기 매출 공급가액 7천, 매입 세금계산서 공급가액 2,500이야\n"
        "형: 매출 중에 현금영수증으로 나간 건 부가세 포함해서 4,400\n나: 일반과세자 개인이면 카드 공제 넣어서 부가세 얼마야?"
    )
    assert inputs(q)["card_sales"] == 44_000_000
