"""Reading causes fixed in lane T, round 7 (퇴직소득세, 양도소득세, 부가가치세), each tested in wording of its own:
a leaving day said without its year, years said before "한 회사", an earlier job's years, a spoken amount restarted,
comma-separated rows, costs of buying and of selling, a correction restating a figure with its VAT note, a comment
thread's other commenters, a date named by "산 건", parts of amounts on separate lines, a dish naming a restaurant, a
card terminal's and 현금영수증 totals listed, and two houses counted as one by a rule the question names."""

from __future__ import annotations

from reading_cases import answer, inputs, reading

from taxqa.amounts import iter_amounts
from taxqa.tax.layout import author_replies, uncsv, untable


def test_a_leaving_day_without_its_year_is_this_years():
    got = inputs("2018년 9월에 입사했고 4월 30일자로 그만뒀어요. 퇴직금 2,800만원 받았는데 퇴직소득세는요?")
    assert got["years"] == 8 and got["pay"] == 28_000_000


def test_years_said_before_one_company_are_the_service():
    assert (
        inputs("한 회사에서 정년까지 있었네요. 25년을 한 직장에 다녔고 퇴직금 2억 받아요. 퇴직소득세?")["years"] == 25
    )


def test_an_earlier_jobs_years_are_never_this_jobs_service():
    r = reading("지금 회사 퇴직금이 6천만원이에요. 이전 직장에서 12년 근무했었고요. 퇴직소득세 얼마나 나와요?")
    assert "years" not in r.inputs
    assert any("근속연수" in m and "예전 회사" in m for m in r.missing)


def test_the_earlier_job_beside_this_jobs_years_leaves_this_jobs():
    got = inputs("예전 회사에서는 5년 일했어요. 지금 회사는 10년 다니고 퇴사해요. 퇴직금 9천만원, 퇴직소득세는?")
    assert got["years"] == 10


def test_a_spoken_amount_restarted_in_full_is_one_amount():
    got = inputs("음… 회사를 십오 년 다녔고요… 퇴직금이 구천… 구천오백만 원이래요. 퇴직소득세 얼마예요?")
    assert got["pay"] == 95_000_000 and got["years"] == 15


def test_comma_separated_rows_read_as_a_table():
    rows = untable(uncsv("항목,공급가액,세액\n매출,52000000,5200000\n매입,31000000,3100000"))
    assert "매출 공급가액 52,000,000" in rows
    got = inputs("개인 일반과세자 카페 아닌 철물 도매요.\n\n항목,공급가액,세액\n매출,52000000,5200000\n"
                 "매입,31000000,3100000\n\n부가세 얼마 내요?")  # fmt: skip
    assert got["sales"] == 52_000_000 and got["purchases"] == 31_000_000


def test_a_line_of_prose_with_commas_is_no_table():
    text = "매출 1억, 매입 5천이에요\n카드 2천, 현금 1천"
    assert uncsv(text) == text


def test_costs_of_buying_and_of_selling_are_both_expenses():
    got = inputs(
        "2015년 6월에 2억 8천에 산 토지를 이번에 5억에 팔아요. 살 때 취득세로 900만원 냈고, 팔 때 중개수수료 "
        "450만원 들어요. 보유 10년, 올해 다른 양도 없어요. 양도세는?"
    )
    assert got["expenses"] == 13_500_000


def test_a_correction_restating_a_figure_gives_its_vat_note():
    got = inputs(
        "[원글] 일반과세자 도소매업, 매출 공급가액 6,000만 매입 4,400만이에요. 부가세 얼마?\n"
        "ㄴ 익명1: 그 정도면 160 나와요\nㄴ 작성자: 정정) 매입 4,400은 부가세 포함이에요"
    )
    assert got["sales"] == 60_000_000 and got["purchases"] == 40_000_000


def test_only_the_authors_replies_count_in_a_thread():
    text, others = author_replies("원글 내용\nㄴ 익명1: 저는 3억이었어요\nㄴ 작성자: 아 1억이에요\nㄴ 익명2: 글쎄요")
    assert text == "원글 내용\n아 1억이에요" and others == ["익명1", "익명2"]


def test_a_purchase_date_named_by_산_건_is_the_purchase():
    got = inputs(
        "상가를 팔았어요. 산 건 2014년 5월이고 판 건 2026년 3월이에요. 2억에 사서 3억 2천에 팔았고 주택 아니에요. "
        "양도세?"
    )
    assert got["held_years"] == 11


def test_amounts_on_separate_lines_are_not_one_amount():
    assert [a.value for a in iter_amounts("경비 800만\n\n9억 넘는 부분")] == [8_000_000, 900_000_000]


def test_a_dish_names_a_restaurant():
    assert inputs("간이과세자로 칼국수 가게 해요. 작년 공급대가 6,000만원, 카드 4,000만원. 부가세?")["industry"] == (
        "restaurant"
    )


def test_a_card_total_and_a_cash_receipt_total_listed_are_the_sales():
    got = answer(
        "카드 매출 조회 결과\n신용카드 승인금액 합계 44,000,000\n현금영수증 매출 합계 5,500,000\n\n"
        "개인 일반과세자 분식집이에요. 매출은 위 두 개가 전부고 둘 다 부가세 포함이에요. 매입 공급가액 2,000만원. "
        "부가세 얼마?"
    )["result"]["inputs"]
    assert got["sales"] == 45_000_000 and got["card_sales"] == 49_500_000


def test_two_houses_counted_as_one_by_the_marriage_rule_said():
    got = inputs(
        "작년에 결혼해서 남편 집까지 2주택이 됐어요. 결혼하고 10년 안에 먼저 파는 집은 1세대1주택으로 본다고 해서 "
        "제 집을 팔아요. 2014년 4월 4억에 사서 12억에 팔고 10년 넘게 살았어요. 양도세?"
    )
    assert got["one_house"] is True


def test_a_list_marked_with_ㄴ_is_no_thread():
    text = "정리하면\nㄴ 매출: 1억\nㄴ 매입: 6천"
    assert author_replies(text) == (text, [])


def test_the_authors_later_correction_of_a_two_word_label_wins():
    got = inputs(
        "[원글] 일반과세자 미용실, 이번 기 매출 공급가액 5천, 매입 공급가액 2천이에요. 부가세?\n"
        "ㄴ 익명1: 300쯤요\nㄴ 작성자: 정정할게요. 매출 공급가액 6천이에요"
    )
    assert got["sales"] == 60_000_000 and got["purchases"] == 20_000_000
