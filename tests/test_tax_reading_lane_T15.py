"""Lane T15: 부가세 questions in a bookkeeper's shorthand (신카·현영 for card and cash-receipt sales, a bare 발행
figure in 만원 like the others) and a VAT check whose "no 가산세" aside must not make it a 가산세 question."""

from __future__ import annotations

from taxqa.tax.normalise import normalise
from taxqa.tax.penalty_reading import recognise
from taxqa.tax.reading import read_question
from taxqa.tax.words import plain_words

AS_OF = "2026-06-01"


def read(q: str):
    reading = read_question(q, as_of=AS_OF)
    assert reading.kind is not None, reading.missing
    return reading


# --- 신카·현영: card and cash-receipt sales in shorthand --------------------------------------------------


def test_card_shorthand_is_read_as_card_sales():
    q = (
        "일반과세 카페 2기 부가세 확정 봐 주세요. 매출 공급가액 6,500, 매입 세금계산서 공급가액 3,000, "
        "신카·현영 발행금액 5,500(부가세 포함). 납부세액은?"
    )
    reading = read(q)
    assert reading.kind == "vat"
    assert reading.inputs["card_sales"] == 55_000_000
    assert not reading.ambiguous


def test_given_name_hyeonyeong_is_not_a_cash_receipt():
    assert plain_words("직원 김현영 매출 정리") == "직원 김현영 매출 정리"
    assert plain_words("신카드 결제") == "신카드 결제"


# --- a bare 발행 figure among 만원 figures --------------------------------------------------------------


def test_bare_issued_figure_is_in_manwon():
    assert "카드 발행 4,300만원" in normalise("카드 발행 4,300")


def test_issued_count_is_not_an_amount():
    assert "12만원" not in normalise("세금계산서 발행 12건")


def test_simple_taxpayer_card_issued_without_unit_is_manwon():
    q = (
        "간이과세자 음식점업, 공급대가 6,000, 세금계산서 받은 매입 공급대가 2,000, "
        "신용카드·현금영수증 발행 4,000. 납부세액 얼마인가요?"
    )
    reading = read(q)
    assert reading.kind == "vat-simple"
    assert reading.inputs["card_sales"] == 40_000_000
    assert not any("단위" in note for note in reading.ambiguous)


# --- "가산세 같은 건 없어": a premise, not the question -----------------------------------------------------


def test_no_penalty_aside_is_not_a_penalty_question():
    assert not recognise("가산세 같은 건 없어.")
    assert not recognise("가산세 그런 거 없어요")
    assert recognise("가산세 없어?")
    assert recognise("가산세 없어요?")


def test_vat_check_with_no_penalty_aside_reads_the_vat():
    q = (
        "가게 소개 글에 넣을 건데 계산 좀 봐 줘. 일반과세자고 1기 확정 때 매출 공급가액 8,000만 원, "
        "세금계산서 받은 매입 공급가액 5,000만 원이었어요. 그래서 부가세 300만 원 냈어요. 가산세 같은 건 없어."
    )
    reading = read(q)
    assert reading.kind == "vat"
    assert reading.inputs["sales"] == 80_000_000
    assert reading.inputs["purchases"] == 50_000_000


def test_issued_amount_with_words_between_is_still_manwon():
    assert "발행금액은 부가세 포함 3,300만원" in normalise("카드 발행금액은 부가세 포함 3,300")
