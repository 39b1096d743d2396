"""Reading causes fixed in lane X, each tested in wording of its own: cells pasted from a spreadsheet ("A1 월급 |
B1 420", "B3 =B1*12+B2", "C5 =SUM(C2:C4)"), read before any reader: an address is a cell's name, never an amount;
a formula is worked out and said with the words that name it; its parts are not counted again; a unit note names
the cells it applies to; a minus row of an estate is a debt taken off."""

from __future__ import annotations

from reading_cases import answer, inputs

from taxqa.tax.code_shapes import plain_number
from taxqa.tax.plain_question import plain_question
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


# Facts pasted in the shape of code (taxqa.tax.code_shapes): keys as labels, values as amounts, comments as words.


def test_a_json_key_the_prose_names_takes_that_name():
    got = inputs(
        '```json\n{"earned": "5,200만", "kids": 0, "tax_paid": "모름"}\n```\n'
        "earned는 제 연봉이에요(비과세 빼고). 혼자 살아요. 결정세액 얼마죠?"
    )
    assert got["salary"] == 52_000_000


def test_python_assignments_with_comments_and_underscored_numbers():
    text, assumed, _ = plain_question(
        "```python\nwage = 41_000_000  # 총급여\nprepaid = 2_100_000  # 떼간 소득세\n"
        "assert refund(wage, prepaid) == ???\n```\n돌려받는 돈은?",
        2026,
    )
    assert "총급여: 41,000,000원" in text and "기납부세액: 2,100,000원 (떼간 소득세)" in text
    assert "assert" not in text and "```" not in text and any("코드" in a for a in assumed)


def test_korean_man_grouping_with_underscores_is_a_number():
    assert plain_number("x = 3_2000_0000") == "x = 320,000,000"
    assert plain_number("7_5000_0000 + 1_000") == "750,000,000 + 1,000"


def test_keyword_arguments_of_a_call_are_facts():
    got = inputs(
        "```python\nr = 상속세(\n    과세가액=18_0000_0000,  # 빚 뺀 뒤\n    배우자=False,\n    자녀_수=2,\n)\n"
        "assert r.세액 == ???\n```\n아버지가 돌아가셨어요. 상속세 얼마예요?"
    )
    assert got["estate"] == 1_800_000_000 and got["children"] == 2 and not got.get("spouse")


def test_dataclass_dates_are_dates():
    got = inputs(
        '```python\n@dataclass\nclass Job:\n    입사일: str = "2011-04-01"\n    퇴사일: str = "2026-03-31"\n'
        "    퇴직금: int = 9000_0000  # 세전\n```\n퇴직소득세 산출세액은요?"
    )
    assert got["pay"] == 90_000_000 and got["years"] == 15


def test_env_lines_read_as_fields():
    got = inputs("```\nTAX_BASE=1억5천  # 과세표준\nPREPAID=3,000,000  # 중간예납\n```\n법인세 추가로 낼 돈은?")
    assert got["base"] == 150_000_000 and got["prepaid"] == 3_000_000


def test_a_log_of_a_late_return_counts_the_months_from_its_dates():
    got = inputs(
        "```\n[2026-05-31 18:00] 종합소득세 신고 기한  <- 못함\n[2026-06-20 09:30] 홈택스 기한후신고 완료\n"
        "[2026-06-20 09:40] 납부할 세액 2,000,000원 바로 납부\n```\n"
        "납부지연가산세(20일)는 빼고 무신고가산세만 알려 주세요."
    )
    assert got["kind"] == "no-return" and got["months_late"] == 1 and got.get("days") is None


def test_a_markdown_minus_row_naming_a_debt_is_that_debt():
    got = inputs(
        "어머니가 돌아가셨어요.\n\n| 항목 | 금액 |\n|---|---|\n| 주택 | 9억 |\n| 은행 대출 채무 | -2억 |\n"
        "| 장례비 | -700만 |\n\n상속인은 자녀 둘이에요. 상속세는?"
    )
    assert got["estate"] == 693_000_000
