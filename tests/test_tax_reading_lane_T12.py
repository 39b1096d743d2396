"""Lane T12: tax forms copied line by line (line numbers are labels, worked-out lines are not inputs, a stated
과세표준 is the base, a cut-off form asks for 총급여), a VAT question in a child's words, two shops with one asked,
a 가산세 said to be none, "자녀세액공제" not read as three children, and a holding period whose dates were
written two ways."""

from __future__ import annotations

from taxqa.tax.form_lines import form_lines
from taxqa.tax.one_of_two import only_asked
from taxqa.tax.reading import read_question

AS_OF = "2026-06-01"


def inputs(q: str) -> dict:
    reading = read_question(q, as_of=AS_OF)
    assert reading.kind is not None, reading.missing
    assert not reading.missing and not reading.ambiguous, (reading.missing, reading.ambiguous)
    return reading.inputs


# --- form lines: numbers are labels, worked-out lines left out ---------------------------------------------


def test_form_line_numbers_are_labels_not_divisors():
    text, assumed, _ = form_lines(
        "부가세 신고서 옮겨요. (1) 과세 세금계산서 발급분 금액 50,000,000 세액 5,000,000 / (3) 기타 내용 / (5) 비고"
    )
    assert "(3)" not in text and "5,000,000" not in text
    assert assumed


def test_text_without_a_form_word_is_left_as_it_is():
    q = "① 매출 1억 ② 매입 6천 ③ 카드 2천"
    assert form_lines(q) == (q, [], [])


def test_corporate_form_with_base_stated_takes_it_as_the_base():
    q = (
        "법인세 세액조정계산서 초안이에요. 사업연도 12개월, 도소매업. ⑩ 각사업연도소득금액 500,000,000 / "
        "⑪ 이월결손금 120,000,000 / ⑬ 과세표준 380,000,000. ⑮ 산출세액은?"
    )
    assert inputs(q)["base"] == 380_000_000


def test_salary_form_lines_person_amounts_and_worked_out_lines_are_not_inputs():
    q = (
        "연말정산 서식 그대로예요. ㉑ 총급여 48,000,000 / ㉒ 근로소득공제 12,150,000 / ㉓ 근로소득금액 35,850,000 / "
        "㉔ 본인 1,500,000 / ㉖ 부양가족 1명(아들, 14살) 1,500,000 / ㉛ 국민연금보험료 2,160,000 / "
        "(62) 자녀세액공제 대상 1명. (72) 결정세액은요?"
    )
    got = inputs(q)
    assert got["salary"] == 48_000_000 and got["pension"] == 2_160_000
    assert got["dependents"] == 1 and got["children"] == 1


def test_cut_off_salary_form_asks_for_total_pay():
    q = "원천징수 서류 아랫부분만 있어요. ㉔ 본인 1,500,000 / ㉛ 국민연금 1,200,000 / (82) 기납부세액 900,000. 환급액은?"
    reading = read_question(q, as_of=AS_OF)
    assert any("총급여" in line for line in reading.missing + reading.ambiguous)


def test_transfer_form_leaves_out_the_gain_line():
    q = (
        "양도소득 신고서 작성 중. 자산은 사무실 건물(주택 아님). 란 ⑤ 양도가액 600,000,000 / 란 ⑥ 취득가액 400,000,000 / "
        "란 ⑦ 필요경비 10,000,000 / 란 ⑧ 양도차익 190,000,000 / 보유기간 2015.03.02 ~ 2026.04.10. ⑬ 산출세액 란은?"
    )
    got = inputs(q)
    assert (got["price"], got["acquired"], got["expenses"], got["held_years"]) == (
        600_000_000,
        400_000_000,
        10_000_000,
        11,
    )


def test_vat_form_sales_lines_are_summed_and_the_card_credit_line_is_card_sales():
    q = (
        "부가가치세 신고서 확정분, 일반과세자 카페. (1) 과세 세금계산서 발급분 금액 40,000,000 세액 4,000,000 / "
        "(3) 신용카드·현금영수증 발행분 금액 60,000,000 세액 6,000,000 / (9) 합계 100,000,000 세액 10,000,000 / "
        "(10) 세금계산서 수취분 일반매입 금액 55,000,000 세액 5,500,000 / (19) 신용카드매출전표등 발행공제 란 "
        "발행금액 66,000,000. 가산세는 없습니다. 납부세액은?"
    )
    got = inputs(q)
    assert (got["sales"], got["purchases"], got["card_sales"]) == (100_000_000, 55_000_000, 66_000_000)


# --- VAT in everyday words; two shops, one asked ------------------------------------------------------------


def test_vat_sales_said_as_money_earned_and_invoice_purchases():
    q = "아빠가 일반과세자로 공방을 하세요. 2기에 번 돈이 부가세 빼고 6,200만 원, 재료 산 거 세금계산서 받은 게 2,100만 원이에요. 부가세 얼마예요?"
    got = inputs(q)
    assert (got["sales"], got["purchases"]) == (62_000_000, 21_000_000)


def test_two_shops_only_the_named_one_is_read():
    q = (
        "사업장이 둘이에요. 하나는 간이과세 꽃집이고 작년 매출 3,000쯤. 다른 하나는 일반과세 문구점인데 문구점 이번 1기 "
        "매출 공급가액 9천, 매입 공급가액 5천이에요. 문구점 부가세만 알려 주세요."
    )
    text, one = only_asked(q)
    assert one == "문구점" and "꽃집" not in text
    got = inputs(q)
    assert (got["sales"], got["purchases"]) == (90_000_000, 50_000_000)


def test_two_shops_with_both_named_in_the_asking_are_left_as_they_are():
    q = "하나는 꽃집이고 다른 하나는 문구점이에요. 꽃집이랑 문구점 부가세만 알려 주세요."
    assert only_asked(q) == (q, None)


def test_no_penalty_said_is_no_penalty_question_but_asking_whether_there_is_one_is():
    from taxqa.tax.penalty_reading import recognise

    assert not recognise("중간예납은 없었고 가산세도 없습니다.")
    assert recognise("기한 하루 넘겼는데 가산세도 없어요?")
