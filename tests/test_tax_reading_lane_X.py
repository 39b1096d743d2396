"""Reading causes fixed in lane X, each tested in wording of its own: cells pasted from a spreadsheet ("A1 월급 |
B1 420", "B3 =B1*12+B2", "C5 =SUM(C2:C4)"), read before any reader: an address is a cell's name, never an amount;
a formula is worked out and said with the words that name it; its parts are not counted again; a unit note names
the cells it applies to; a minus row of an estate is a debt taken off."""

from __future__ import annotations

from reading_cases import answer, inputs

from taxqa.tax.spoken_sums import evaluate
from taxqa.tax.spreadsheet import sheet_cells


def test_a_formula_is_worked_out_with_the_unit_its_note_names():
    text, assumed, doubts = sheet_cells(
        "표 붙여요.\nA1 월 급여 | B1 410\nA2 명절상여 | B2 350\nA3 총급여 | B3 =B1*12+B2\nB1, B2는 만원이에요."
    )
    assert "총급여 52,700,000원." in text
    assert "410" not in text and "B1" not in text  # the parts are in the total, said once
    assert any("B3 =B1*12+B2" in a for a in assumed) and not doubts


def test_a_sheet_of_pay_is_read_as_the_total_pay():
    got = inputs(
        "회사 엑셀에서 복사했어요.\nA1 기본급 | B1 300\nA2 성과급 | B2 900\nA3 연 총급여 | B3 =B1*12+B2\n"
        "A4 국민연금 | B4 1,980,000\nA5 건강+고용 | B5 1,650,000\n단위는 B1~B3은 만원. 혼자 살고 부양가족 없어요. "
        "결정세액 얼마예요?"
    )
    assert got["salary"] == 45_000_000 and got["pension"] == 1_980_000 and got["insurance"] == 1_650_000


def test_pay_less_its_tax_free_cell_is_the_pay_taxed():
    got = inputs("B1 연봉 5,200 (만원)\nB2 비과세 자가운전 =20*12\nB3 =B1-B2\nB3 기준 근로소득공제가 얼마예요?")
    assert got["salary"] == 49_600_000


def test_a_sum_cell_of_purchases_is_the_purchases():
    got = inputs(
        "부가세 신고 엑셀이에요 (일반과세, 2026년 1기).\nC2 매출 합계 : 220,000,000\nD3 상품 매입 55,000,000\n"
        "D4 소모품 11,000,000\nD2 =SUM(D3:D4)\nD열은 세금계산서 받은 공급가액이에요. 카드 매출은 없어요. 부가세 얼마예요?"
    )
    assert got["purchases"] == 66_000_000


def test_an_estate_list_with_minus_rows_keeps_its_rows_and_takes_the_debts_off():
    got = answer(
        "어머니 상속 정리한 표예요. 아버지는 먼저 돌아가셨고 상속인은 자녀 2명이에요.\nA2 주택 | B2 9억\n"
        "A3 예금 | B3 200,000,000\nA4 간병비 미납(채무) | B4 -5,000,000\nB5 =SUM(B2:B4)\n상속세 얼마예요?"
    )["result"]["inputs"]
    assert got["estate"] == 1_095_000_000 and got["financial"] == 200_000_000 and got["spouse"] is False


def test_a_difference_cell_is_the_tax_the_penalty_falls_on():
    got = inputs(
        "수정신고 시트요.\nC2 처음 신고한 세액 3,000,000\nC3 고친 세액 5,000,000\nC4 =C3-C2\n"
        "D2 신고기한 지나 수정신고까지 3개월 (자진)\nD3 납부지연일수: 90\n부정행위 없음. C4에 붙는 가산세는?"
    )
    assert got["tax"] == 2_000_000 and got["days"] == 90


def test_card_sales_among_the_summed_sales_are_kept_beside_the_total():
    got = inputs(
        "간이과세 음식점 2025년 정리.\nB2 카드매출 40,000,000\nB3 현금매출 5,000,000\nB4 =B2+B3 ← 연 매출 합계\n"
        "B5 세금계산서 받은 매입 12,000,000\n간이과세 부가세 얼마예요?"
    )
    assert got["supply"] == 45_000_000 and got["card_sales"] == 40_000_000


def test_a_numbers_only_formula_takes_its_notes_unit_and_name():
    got = inputs(
        "양도 계산표.\nB2 양도가 9억\nB3 취득가 5억\nB4 =800+450   ← 취득세랑 중개수수료(만원 단위)\n"
        "B5 보유 6년 / B6 실거주 0년\n상가 건물이에요. 양도세 얼마?"
    )
    assert got["expenses"] == 12_500_000 and got["acquired"] == 500_000_000


def test_a_formula_that_cannot_be_worked_out_is_asked_not_guessed():
    _, _, doubts = sheet_cells("A1 매출 | B1 5,000,000\nA2 비율 | B2 =B1/0")
    assert doubts and "B2" in doubts[0]


def test_text_with_no_sheet_formula_is_left_as_it_is():
    text = "B2 구역 상가 3억에 팔았어요. A1 등급이에요."
    assert sheet_cells(text) == (text, [], [])


def test_a_minus_number_in_a_sum_is_worked_out():
    assert evaluate("(1000)+(-250)") == 750


def test_a_formula_whose_unit_is_not_known_is_flagged():
    _, _, doubts = sheet_cells("A1 경비 | B1 =120+80\n양도세 얼마예요?")
    assert doubts and "단위" in doubts[0]
